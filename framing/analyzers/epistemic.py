"""Epistemic and agency markers: how sure the text sounds, and who it says acted.

From the ``epistemic`` lexicon: hedges ("may", "reportedly"), boosters ("clearly",
"rampant"), factive verbs ("revealed"), assertive verbs ("insisted") and distancing
markers ("so-called"). From the segmentation: scare quotes (a few quoted words with no
speaker). From the grammar of the sentence: agentless passives ("tear gas was used",
"farmworkers were hospitalized") and actions turned into nouns with no actor ("the
deployment of troops"). Each is counted by voice, with a rate per 1,000 words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..function_words import AUXILIARIES, VERB_GROUP_ADVERBS
from ..lexicon import Lexicon
from ..lexicon.inflect import verb_forms
from ..metrics.frames import EpistemicGroup, EpistemicMetrics
from ..results import Finding
from ..text.document import Document
from ..text.phrases import Match, PhraseFinder
from .base import AnalyzerOutput, rate, voice_group
from .loaded import phrase_findings

__all__ = ["EpistemicAnalyzer"]

_BE = frozenset("is are was were be been being get gets got gotten getting".split())
_IRREGULAR_PARTICIPLES = frozenset(
    """arrested beaten bitten blown broken brought built burnt caught chosen cut dealt done
    driven eaten fallen fed felt fought found forgotten forgiven frozen given gone grown hit
    held hidden hurt kept known laid led left lent lost made meant met overrun paid put
    quit read ridden risen run said seen sent set shaken shot shown shut slain sold sought
    spent spoken spread stolen struck stuck sworn taken taught thrown told torn understood
    woken won worn wounded written""".split()
)
#: Participles that usually describe a state, not an action someone did.
_ADJECTIVAL = frozenset(
    """concerned interested involved based located supposed tired worried married pleased
    excited surprised scheduled expected related designed prepared required allowed able
    aware divided determined committed convinced disappointed frustrated satisfied
    qualified limited engaged entitled exposed finished gone done known""".split()
)
_ADVERB_SUFFIX = "ly"
#: Words before a capitalised "May" that make it the month ("in May", "since May").
_MONTH_BEFORE = frozenset("in on of since until by last next early late mid".split())
#: Between a subject and its verb ("Hegseth has ordered", "Trump is ordering").
_SUBJECT_AUX = AUXILIARIES | VERB_GROUP_ADVERBS
#: Between a verb and its object noun ("ordered the withdrawal", "ramps up withdrawal").
_OBJECT_LEAD = frozenset("the a an its his her their this that up down out off back".split())
#: Capitalised words that do not name an actor as the subject of a clause.
_NOT_NAMES = frozenset(
    """the a an this that these those it its there here he she they we i you his her
    their our in on at for from with by as if when while after before but and or so yet
    then also still however meanwhile""".split()
)
#: Verbs whose subject carries out the action named by their object ("Hegseth ordered
#: the withdrawal", "Trump reduced the deployment"), with every regular form.
_AGENT_VERBS = frozenset(
    {
        form
        for verb in """order announce approve authorize authorise direct reduce ramp scale halt
        pause stop end complete carry start launch expand extend accelerate speed slow delay
        resume continue plan schedule oversee lead begin""".split()
        for form in verb_forms(verb)
    }
    | set("began begun led oversaw overseen".split())
)


class EpistemicAnalyzer:
    name = "epistemic"
    description = "Hedges, boosters, factive and assertive verbs, distancing, hidden agents."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)
        self._categories = {cid: cat for lex in self.lexicons for cid, cat in lex.categories.items()}

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def _label(self, category: str, fallback: str) -> tuple[str, str]:
        cat = self._categories.get(category)
        return (cat.label, cat.description) if cat else (fallback, fallback)

    def analyze(self, doc: Document) -> AnalyzerOutput:
        keys = doc.keys
        units = doc.units

        def keep(m: Match) -> bool:
            """A nominalisation counts only as 'the X of ...' with no 'by' naming the actor
            and no named subject doing it; a capitalised "May" that is the month is no hedge."""
            if m.entry.category == "hedge" and m.entry.term == "may":
                return not self._month_may(doc, keys, m.first)
            if m.entry.category != "nominalisation":
                return True
            if not (m.end < len(keys) and keys[m.end] == "of" and "by" not in keys[m.end : m.end + 8]):
                return False
            return not _named_subject(doc, units, m.first)

        findings = phrase_findings(doc, self._finder, self.name, keep)
        findings += self._scare_quotes(doc)
        findings += self._passives(doc, keys)
        findings.sort(key=lambda f: (f.start, f.end))
        words = doc.word_counts
        group_words = {
            "own": words["narration"] + words["headline"],
            "quoted": words["quote"],
            "reported": words["reported"],
        }
        counts: dict[str, Counter[str]] = {g: Counter() for g in group_words}
        for f in findings:
            counts[voice_group(f.voice)][f.category] += 1
        by_group = {
            g: EpistemicGroup(
                counts=dict(sorted(counts[g].items())),
                per_1000={k: rate(n, group_words[g]) for k, n in sorted(counts[g].items())},
                words=group_words[g],
            )
            for g in group_words
        }
        return AnalyzerOutput(tuple(findings), EpistemicMetrics(**by_group))

    @staticmethod
    def _month_may(doc: Document, keys: list[str], i: int) -> bool:
        """A capitalised "May" followed by a number ("May 12", "The May 2025 raids") or
        after a word such as "in", "on", "since" or "late" is the month, not a hedge.
        "May I ask..." and "The plan may fail" stay hedges."""
        unit = doc.units[i]
        if not doc.text[unit.start : unit.end].startswith("M"):
            return False
        following = keys[i + 1] if i + 1 < len(keys) else ""
        if following[:1].isdigit():
            return True
        return i > 0 and keys[i - 1] in _MONTH_BEFORE

    def _finding(
        self,
        doc: Document,
        s: int,
        e: int,
        category: str,
        explanation: str,
        term: str,
        voice: str | None = None,
    ) -> Finding:
        start, end = doc.to_original(s, e)
        run = doc.run_at(s)
        speaker = doc.speaker_of(run) if voice is None else None
        label, _ = self._label(category, category)
        return Finding(
            start=start,
            end=end,
            text=doc.article.text[start:end],
            analyzer=self.name,
            category=category,
            category_label=label,
            voice=run.voice if voice is None else voice,
            explanation=explanation,
            speaker=speaker.name if speaker else None,
            term=term,
        )

    def _scare_quotes(self, doc: Document) -> list[Finding]:
        """Scare quotes are the outlet's own distancing, not quoted speech: each is
        counted in the outlet's voice (``headline`` when it sits in the headline,
        otherwise ``narration``), with no speaker."""
        out = []
        for a in doc.attributions:
            if a.kind == "scare" and a.quote is not None:
                q = doc.quotes[a.quote]
                around = {doc.run_at(p).voice for p in (q.start - 1, q.end) if 0 <= p < len(doc.text)}
                voice = "headline" if "headline" in around else "narration"
                out.append(
                    self._finding(
                        doc,
                        q.start,
                        q.end,
                        "scare_quote",
                        "Words in quotation marks with no speaker: the outlet keeps its distance "
                        "from them, or signals doubt.",
                        "scare quotes",
                        voice,
                    )
                )
        return out

    def _passives(self, doc: Document, keys: list[str]) -> list[Finding]:
        units = doc.units
        out = []
        for i, key in enumerate(keys):
            if key not in _BE:
                continue
            j = i + 1
            if j < len(keys) and keys[j].endswith(_ADVERB_SUFFIX) and len(keys[j]) > 4:
                j += 1  # 'was quickly dispersed'
            if j >= len(keys):
                break
            word = keys[j]
            participle = (word.endswith("ed") and len(word) >= 4) or word in _IRREGULAR_PARTICIPLES
            if not participle or word in _ADJECTIVAL:
                continue
            after = keys[j + 1 : j + 6]
            stop = next((k for k, w in enumerate(after) if not w[:1].isalnum()), len(after))
            if "by" in after[:stop] or (j + 1 < len(keys) and keys[j + 1] in ("to", "that")):
                continue  # the actor is named, or 'is expected to', 'was told that'
            run = doc.run_at(units[i].start)
            if run.voice == "furniture":
                continue
            out.append(
                self._finding(
                    doc,
                    units[i].start,
                    units[j].end,
                    "agentless_passive",
                    "Says what was done without saying who did it: ask who acted.",
                    f"{key} {word}",
                )
            )
        return out


def _named_subject(doc: Document, units: Sequence[Any], n: int) -> bool:
    """Whether the action noun at unit ``n`` is the object of a verb whose subject is a
    capitalised name in the same clause, so the actor is named after all.

    The rule reads backwards without crossing punctuation: determiners or a particle
    ("the", "up"), then a verb whose subject carries the action out (a form of
    "order", "announce", "reduce", "ramp", "halt", "begin" and the like, listed in
    ``_AGENT_VERBS``), then auxiliaries ("has", "is", "will"), then a capitalised word
    that is not a pronoun or function word: "Hegseth has ordered the withdrawal of
    troops", "Hegseth ramps up withdrawal of troops". The finding stays when the
    subject is only a pronoun ("he ordered the withdrawal") or a lowercase noun in
    mid-sentence (a simple rule: capitalisation stands in for a name),
    or when the verb does not make the subject the actor ("Newsom protested the
    deployment of troops" still hides who deployed them).
    """
    k = n - 1
    while k >= 0 and units[k].key in _OBJECT_LEAD:
        k -= 1
    if k < 0:
        return False
    if units[k].key not in _AGENT_VERBS:
        return False
    k -= 1
    while k >= 0 and units[k].key in _SUBJECT_AUX:
        k -= 1
    if k < 0:
        return False
    word = doc.text[units[k].start : units[k].end]
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    return (
        word[:1].isupper()
        and word.replace(".", "").replace("-", "").isalpha()
        and word.lower() not in _NOT_NAMES
    )
