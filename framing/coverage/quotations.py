"""The same quotation in several articles, compared word for word.

Two quotations are the same when they share a run of words (at least three, two of them
more than stop words, and most of the shorter one), compared as word stems so that
"cooperation" meets "cooperate"; quotations given to two different people must share
six words or more. The parts of one article's quotation that its outlet splits ("X,"
he said. "Y.") are joined back into one use.

Each use is aligned word by word against the longest one (difflib's matching blocks on
the word stems): the words it keeps, the words it cuts (at the start, at the end or
inside), the words it adds and the words it changes ("can't" for "cannot"). A cut that
drops loaded or evaluative words (the loaded-language findings of the article with the
longest version) is flagged, and those quotations come first. An outlet that gives the
same statement without quoting it (reported speech by the same speaker with most of
the quotation's content words) is shown as paraphrasing it.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..results import ArticleAnalysis, Quote
from .units import _stop_words, content_stems, stem
from .view import QuotationUse, SharedQuotation, WordStep

__all__ = ["shared_quotations"]

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
#: Words a run must hold, and how much of the shorter quotation it must cover.
MIN_RUN = 3
MIN_COVER = 0.6
#: A quotation given to two different people is the same only with a run this long.
OTHER_SPEAKER_RUN = 6
_PRONOUNS = frozenset("he she they it him her them his its their who which".split())


@dataclass(frozen=True)
class _Word:
    text: str
    key: str  # its stem, for matching
    start: int
    end: int


@dataclass
class _Piece:
    """One quotation of one article (one or more quote objects joined)."""

    article: int
    quotes: list[int]
    words: list[_Word]
    speaker: str | None
    kind: str

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def _words(text: str, start: int, end: int) -> list[_Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        # hyphenated words count as their parts ("election-year" is two words)
        for part in re.finditer(r"[^\W_]+(?:['\u2019][^\W_]+)*", m.group()):
            w = part.group()
            key = stem(w.lower().replace("\u2019", "'"))
            s = m.start() + part.start()
            out.append(_Word(w, key, s, s + len(w)))
    return out


def _surnames(name: str | None) -> list[str]:
    """The last word of each person a speaker names ("Karen Bass and Gavin Newsom":
    bass, newsom), lowercased, without an Arabic article ("al-Moallem": moallem)."""
    out = []
    for part in re.split(r"\band\b|,|&", name or ""):
        words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", part) if w.lower() not in _PRONOUNS]
        if words:
            out.append(re.sub(r"^(?:al|el|ad|ash|as)-", "", words[-1].lower()))
    return out


def _same_speaker(a: str | None, b: str | None) -> bool | None:
    """True or False where both are known, else None. Surnames count as the same when
    they are spelt nearly alike (transliterations: Moallem, Muallem)."""
    sa, sb = _surnames(a), _surnames(b)
    if not sa or not sb:
        return None
    return any(x == y or SequenceMatcher(None, x, y).ratio() >= 0.8 for x in sa for y in sb)


def _pieces(index: int, a: ArticleAnalysis) -> list[_Piece]:
    """The article's quotations: direct and partial ones, each on its own."""
    out = []
    for qi, q in enumerate(a.quotes):
        if q.kind in ("direct", "partial"):
            words = _words(a.text, q.content_start, q.content_end)
            if words:
                out.append(_Piece(index, [qi], words, q.speaker, q.kind))
    return out


def _runs(pieces: Sequence[_Piece], text: str) -> dict[int, int]:
    """For each piece (by position), the first piece of its run: the quotations of one
    speaker that follow each other with only the cue between them ("X," he said. "Y.")
    are parts of one statement."""
    out: dict[int, int] = {}
    for n, p in enumerate(pieces):
        prev = pieces[n - 1] if n else None
        if (
            prev is not None
            and p.speaker is not None
            and prev.speaker == p.speaker
            and _only_cue_between(text, prev.end, p.start)
        ):
            out[n] = out[n - 1]
        else:
            out[n] = n
    return out


def _only_cue_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return len(gap) < 80 and len(_WORD.findall(gap)) <= 8 and "\n\n" not in gap


def _joined(pieces: Sequence[_Piece]) -> _Piece:
    """Pieces of one article's statement, in text order, as one use."""
    ordered = sorted(pieces, key=lambda p: p.start)
    first = ordered[0]
    return _Piece(
        first.article,
        [q for p in ordered for q in p.quotes],
        [w for p in ordered for w in p.words],
        next((p.speaker for p in ordered if p.speaker), None),
        "direct" if any(p.kind == "direct" for p in ordered) else first.kind,
    )


def _run(a: Sequence[str], b: Sequence[str]) -> tuple[int, list[tuple[int, int, int]]]:
    """The longest shared run of ``a`` and ``b`` and all matching blocks."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    return max((blk.size for blk in blocks), default=0), [(blk.a, blk.b, blk.size) for blk in blocks]


def _same_quotation(x: _Piece, y: _Piece) -> bool:
    ka, kb = [w.key for w in x.words], [w.key for w in y.words]
    longest, blocks = _run(ka, kb)
    if longest < MIN_RUN:
        # a quoted phrase of two words ("nothing mysterious") is the same quotation only
        # when the other holds it whole and both give it to the same person
        return (
            longest == min(len(ka), len(kb)) == 2
            and _same_speaker(x.speaker, y.speaker) is True
            and any(k not in _stop_words() for k in (ka if len(ka) == 2 else kb))
        )
    stop = _stop_words()
    content = {ka[i + k] for i, _, n in blocks if n >= MIN_RUN for k in range(n) if ka[i + k] not in stop}
    if len(content) < 2:
        return False
    covered = sum(n for _, _, n in blocks if n >= 2)
    if covered < MIN_COVER * min(len(ka), len(kb)):
        return False
    return _same_speaker(x.speaker, y.speaker) is not False or longest >= OTHER_SPEAKER_RUN


def _align(ref: Sequence[_Word], use: Sequence[_Word]) -> list[tuple[str, list[_Word], list[_Word]]]:
    """Steps turning the reference into the use: ``keep``, ``cut``, ``add``, ``change``
    (each with the reference words and the use's words)."""
    matcher = SequenceMatcher(None, [w.key for w in ref], [w.key for w in use], autojunk=False)
    steps: list[tuple[str, list[_Word], list[_Word]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        r, u = list(ref[i1:i2]), list(use[j1:j2])
        if tag == "equal":
            # the same stems, maybe not the same words ("cooperation", "cooperate")
            for rw, uw in zip(r, u, strict=True):
                op = (
                    "keep"
                    if rw.text.lower().replace("\u2019", "'") == uw.text.lower().replace("\u2019", "'")
                    else "change"
                )
                if steps and steps[-1][0] == op:
                    steps[-1][1].append(rw)
                    steps[-1][2].append(uw)
                else:
                    steps.append((op, [rw], [uw]))
        elif tag == "delete":
            steps.append(("cut", r, []))
        elif tag == "insert":
            steps.append(("add", [], u))
        else:
            steps.append(("change", r, u))
    return steps


def _join(words: Sequence[_Word], text: str) -> str:
    """Words as they stand in the text, with the punctuation between them."""
    if not words:
        return ""
    pieces = [words[0].text]
    for prev, w in itertools.pairwise(words):
        gap = text[prev.end : w.start]
        if _WORD.search(gap):
            pieces.append(" [\u2026] ")  # the outlet's own words between two parts of a quotation
        else:
            pieces.append(gap if 0 < len(gap) <= 3 and "\n" not in gap else " ")
        pieces.append(w.text)
    return "".join(pieces)


def _status(steps: Sequence[tuple[str, list[_Word], list[_Word]]]) -> tuple[str, tuple[str, ...], bool]:
    """``full``, ``cut``, ``extended`` or ``altered``; where the cuts are; whether words
    were added at an end."""
    cuts: list[str] = []
    altered = extended = False
    last = len(steps) - 1
    for n, (op, _, _) in enumerate(steps):
        at = "start" if n == 0 else "end" if n == last else "inside"
        if op == "cut":
            if at not in cuts:
                cuts.append(at)
        elif op == "change":
            altered = True
        elif op == "add":
            if at == "inside":
                altered = True
            else:
                extended = True
    order = ("start", "inside", "end")
    cuts_sorted = tuple(c for c in order if c in cuts)
    if altered:
        return "altered", cuts_sorted, extended
    if cuts_sorted:
        return "cut", cuts_sorted, extended
    return ("extended" if extended else "full"), (), extended


def _speaker_as(a: ArticleAnalysis, quotes: Sequence[int]) -> tuple[str | None, str | None, str | None, str]:
    """How the article names the speaker of these quotations, the verb that introduces
    them, its grade, and the sentence around them with an ellipsis for the quotation.

    A quotation that runs on after its cue ("..., he said. '...'") takes the cue and
    the naming of the quotation it continues."""
    text = a.text
    first = a.quotes[quotes[0]]
    cue_of = first
    if first.cue is None:
        earlier = [
            q for q in a.quotes[: quotes[0]] if q.speaker == first.speaker and q.cue and q.kind != "scare"
        ]
        if earlier:
            cue_of = earlier[-1]
    named = [
        q
        for q in (first, cue_of, *(q for q in a.quotes if q.speaker == first.speaker))
        if q.speaker_start is not None
        and q.speaker_end is not None
        and text[q.speaker_start : q.speaker_end].lower() not in _PRONOUNS
    ]
    mention = None
    if named:
        q0 = named[0]
        mention = " ".join(text[q0.speaker_start : q0.speaker_end].split())  # type: ignore[index]
        role = q0.speaker_role
        if role and role.lower() not in mention.lower():
            mention = f"{mention}, {role}"
    last: Quote = a.quotes[quotes[-1]]
    s, e = next(((s, e) for s, e in a.sentences if s <= first.start < e), (first.start, last.end))
    e = max(e, last.end)
    around = " ".join((text[s : first.start] + " \u2026 " + text[last.end : e]).split())
    return mention, cue_of.cue, cue_of.cue_grade, around


def _loaded_in(a: ArticleAnalysis, words: Sequence[_Word]) -> tuple[str, ...]:
    spans = [(w.start, w.end) for w in words]
    found = []
    for f in a.findings:
        if f.analyzer != "loaded":
            continue
        if any(s < f.end and f.start < e for s, e in spans) and f.text not in found:
            found.append(f.text)
    return tuple(found)


def _by_speaker(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[tuple[int, Quote]]]:
    """Every article's reported speech, by the surnames of its speaker."""
    out: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
    for i, a in enumerate(analyses):
        for q in a.quotes:
            if q.kind in ("reported", "partial", "according-to"):
                for name in _surnames(q.speaker):
                    out[name].append((i, q))
    return out


def _paraphrases(
    analyses: Sequence[ArticleAnalysis],
    group: Sequence[_Piece],
    taken: set[int],
    reported: Mapping[str, Sequence[tuple[int, Quote]]],
) -> dict[int, Quote]:
    """Reported speech by the same speaker, in articles that do not quote the words,
    that carries most of the quotation's content words."""
    speaker = next((p.speaker for p in group if p.speaker), None)
    words = set().union(*(content_stems(" ".join(w.text for w in p.words)) for p in group))
    if not speaker or len(words) < 3:
        return {}
    best: dict[int, tuple[float, Quote]] = {}
    for name in _surnames(speaker):
        for i, q in reported.get(name, ()):
            if i in taken:
                continue
            shared = words & content_stems(analyses[i].text[q.content_start : q.content_end])
            share = len(shared) / len(words)
            if len(shared) >= 3 and share >= 0.4 and share > best.get(i, (0.0, q))[0]:
                best[i] = (share, q)
    return {i: q for i, (_, q) in best.items()}


def shared_quotations(analyses: Sequence[ArticleAnalysis], labels: Sequence[str]) -> list[SharedQuotation]:
    """Every quotation two or more articles carry (one of them may paraphrase it), each
    use aligned word for word with the longest, those whose cuts drop loaded words
    first."""
    pieces: list[_Piece] = []
    run_of: list[int] = []
    for i, a in enumerate(analyses):
        mine = _pieces(i, a)
        runs = _runs(mine, a.text)
        run_of += [len(pieces) + runs[n] for n in range(len(mine))]
        pieces += mine
    members_of_run: dict[int, list[int]] = defaultdict(list)
    for n, r in enumerate(run_of):
        members_of_run[r].append(n)
    by_key: dict[str, list[int]] = defaultdict(list)
    stop = _stop_words()
    for n, p in enumerate(pieces):
        for k in {w.key for w in p.words if w.key not in stop and len(w.key) > 2}:
            by_key[k].append(n)
    parent = list(range(len(pieces)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for n, p in enumerate(pieces):
        candidates = sorted({m for w in p.words for m in by_key.get(w.key, ()) if m > n})
        for m in candidates:
            q = pieces[m]
            if q.article != p.article and find(n) != find(m) and _same_quotation(p, q):
                parent[find(m)] = find(n)
    for n, r in enumerate(run_of):
        # the parts of one statement go together (one group per statement, not per part)
        if find(n) != find(r):
            parent[find(n)] = find(r)
    groups: dict[int, set[int]] = defaultdict(set)
    for n in range(len(pieces)):
        groups[find(n)].add(n)
    reported = _by_speaker(analyses)
    out = []
    for members in groups.values():
        # each article's use is every statement (run of quotations) a member belongs to
        parts: dict[int, set[int]] = defaultdict(set)
        for n in members:
            parts[pieces[n].article].update(members_of_run[run_of[n]])
        uses = [_joined([pieces[n] for n in sorted(parts[i])]) for i in sorted(parts)]
        paraphrased = _paraphrases(analyses, uses, set(parts), reported)
        if len(parts) + len(paraphrased) < 2:
            continue
        out.append(_compare(analyses, labels, uses, paraphrased))
    out.sort(
        key=lambda sq: (not sq.loaded_cut, -sum(u.status != "full" for u in sq.uses), -len(sq.uses), sq.quote)
    )
    return out


def _reference(uses: Sequence[_Piece]) -> _Piece:
    """The use the others are compared with: the one sharing the most words with all
    the others (so that of three versions, the one the other two each change is the
    reference), then the longest."""

    def shared(p: _Piece) -> int:
        keys = [w.key for w in p.words]
        return sum(n for q in uses if q is not p for _, _, n in _run(keys, [w.key for w in q.words])[1])

    return max(uses, key=lambda p: (shared(p), len(p.words), -p.article))


def _compare(
    analyses: Sequence[ArticleAnalysis],
    labels: Sequence[str],
    uses: Sequence[_Piece],
    paraphrased: Mapping[int, Quote],
) -> SharedQuotation:
    ref = _reference(uses)
    ref_text = analyses[ref.article].text
    speaker = next((analyses[p.article].quotes[p.quotes[0]].speaker for p in uses if p.speaker), None)
    views = []
    loaded_cut = False
    for p in uses:
        a = analyses[p.article]
        steps = _align(ref.words, p.words)
        status, cuts, extended = _status(steps)
        dropped = [w for op, r, _ in steps if op == "cut" for w in r]
        dropped_loaded = _loaded_in(analyses[ref.article], dropped) if p is not ref else ()
        loaded_cut = loaded_cut or bool(dropped_loaded)
        mention, cue, grade, around = _speaker_as(a, p.quotes)
        views.append(
            QuotationUse(
                article=labels[p.article],
                status=status,
                start=p.start,
                end=p.end,
                words=_join(p.words, a.text),
                kind=p.kind,
                speaker=p.speaker,
                speaker_as=mention,
                cue=cue,
                cue_grade=grade,
                around=around,
                cuts=cuts,
                extended=extended,
                dropped=tuple(_join(r, ref_text) for op, r, _ in steps if op == "cut"),
                added=tuple(_join(u, a.text) for op, _, u in steps if op == "add"),
                changed=tuple((_join(r, ref_text), _join(u, a.text)) for op, r, u in steps if op == "change"),
                dropped_loaded=dropped_loaded,
                kept=sum(len(r) for op, r, _ in steps if op == "keep") / max(1, len(ref.words)),
                steps=tuple(
                    WordStep(op, _join(r, ref_text), _join(u, a.text), _loaded_in(analyses[ref.article], r))
                    for op, r, u in steps
                ),
            )
        )
    for i, q in sorted(paraphrased.items()):
        a = analyses[i]
        mention, cue, grade, around = _speaker_as(a, [a.quotes.index(q)])
        words = " ".join(a.text[q.content_start : q.content_end].split())
        views.append(
            QuotationUse(
                labels[i],
                "paraphrased",
                q.content_start,
                q.content_end,
                words,
                q.kind,
                q.speaker,
                mention,
                cue,
                grade,
                around,
            )
        )
    order = {label: n for n, label in enumerate(labels)}
    views.sort(key=lambda u: order[u.article])
    return SharedQuotation(
        quote=_join(ref.words, ref_text),
        speaker=speaker,
        longest_in=labels[ref.article],
        uses=tuple(views),
        absent_from=tuple(label for label in labels if label not in {u.article for u in views}),
        loaded_cut=loaded_cut,
    )


def quotation_spans(shared: Sequence[SharedQuotation]) -> Mapping[str, list[tuple[int, int]]]:
    """Where each article carries a shared quotation (not a paraphrase), by label."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sq in shared:
        for u in sq.uses:
            if u.status != "paraphrased":
                out[u.article].append((u.start, u.end))
    return out
