"""The Markdown report: the side-by-side table and the evidence, for a class page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..coverage.view import CLAIM_STATUSES
from ..files import write_atomic
from . import glossary
from ._format import (
    UNSTEADY_NOTE,
    VOICE_GROUPS,
    found_by,
    number,
    number_list,
    percent,
    provenance_lines,
    voice_rate,
)

if TYPE_CHECKING:
    from ..comparison import Comparison
    from ..comparison_types import BarRow, Cast, CastEvidence, ToneCell
    from ..coverage.view import QuotationUse
    from ..results import Finding

__all__ = ["render_markdown", "write_markdown"]

#: Characters that are Markdown (or HTML, or a formula) wherever they stand: a backslash,
#: code, emphasis, a link or image, HTML and autolinks (both angle brackets, so that no
#: tag is left even as text), math, table cells, strikethrough.
_ALWAYS = re.compile(r"[\\`*\[<>$|~]")
#: An underscore opens or closes emphasis only where a letter or digit is not on both sides.
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
#: An ampersand that would start a character reference (``&amp;``, ``&#60;``).
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: What makes a line a heading, a list item, a rule or a heading's underline.
_LINE_START = re.compile(r"#{1,6}(?=\s|$)|[-+=]+(?=\s|$)|\d{1,9}(?=[.)](?:\s|$))")
#: The closing hashes of a heading (``## Title ##``), where text ends a heading line.
_CLOSING = re.compile(r"(?<=\s)#+$")


def md_escape(text: str) -> str:
    r"""Text from input, on one line, with a backslash before each character that
    Markdown (or HTML) would read as syntax there, and only those: ``(AFP photo)`` and
    ``TF-IDF`` stay as they are. ``$`` is escaped too, so that no renderer with math
    (GitHub's, Jupyter's) reads ``$...$`` as a formula. The text is safe anywhere on a
    line, at its start (a ``#``, ``>``, ``-`` or ``1.`` there begins no heading, quotation
    or list) and in a table cell.

    >>> print(md_escape("Cost $5 vs $\\alpha <b> (AFP photo) TF-IDF snake_case"))
    Cost \$5 vs \$\\alpha \<b\> (AFP photo) TF-IDF snake_case
    >>> print(md_escape("1. # not a [link](x) *or* _this_"))
    1\. # not a \[link](x) \*or\* \_this\_
    """
    text = " ".join(text.split())
    text = _ALWAYS.sub(r"\\\g<0>", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    start = _LINE_START.match(text)
    if start:
        marker = start.group()
        cut = len(marker) if marker[0].isdigit() else 0
        text = text[:cut] + "\\" + text[cut:]
    return _CLOSING.sub(r"\\\g<0>", text)


def _whose(f: Finding) -> str:
    if f.voice in ("narration", "headline"):
        return "outlet" if f.voice == "narration" else "outlet (headline)"
    if f.voice == "mention":
        return "mentioned, not used"
    who = md_escape(f.speaker) if f.speaker else "unnamed speaker"
    return f"quote: {who}" if f.voice == "quote" else f"reported: {who}"


def _type_label(comparison: Comparison, source_type: str | None) -> str:
    found = comparison.source_types.get(source_type or "unknown")
    return found.label if found is not None else source_type or "unknown"


def _notice_lines(comparison: Comparison) -> list[str]:
    """What to notice: the sentences in order, each followed by the words behind it."""
    if not comparison.notices:
        return []
    lines = ["## What to notice", ""]
    for k, n in enumerate(comparison.notices, 1):
        lines.append(f"{k}. {md_escape(n.text)}" + ("  " if n.evidence else ""))
        if n.evidence:
            words = "; ".join(
                f"\u201c{md_escape(_short(e.words, 90))}\u201d ({md_escape(e.label)})" for e in n.evidence
            )
            lines.append(f"   The words: {words}")
    return [*lines, ""]


def render_markdown(comparison: Comparison) -> str:
    lines: list[str] = ["# How these articles frame the story", ""]
    lines += _notice_lines(comparison)
    lines += [
        "Loaded words per 1,000 words in each voice. *Own* is the outlet's narration and headline;",
        "*quoted* is words in quotation marks; *reported* is the outlet's wording of what someone said.",
        "",
        "| Article | Words | Own /1,000 | Quoted /1,000 | Reported /1,000 | Most common kinds | Reading ease | School year | Who is quoted |",
        "|---|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    unsteady = False
    for a in comparison.articles:
        cats = (
            ", ".join(
                f"{md_escape(glossary.category_plain('loaded', cid, lbl))} ({n})"
                for cid, lbl, n in a.top_categories
            )
            or "none"
        )
        who = ", ".join(f"{md_escape(s.name)} ({s.quotes + s.reported})" for s in a.speakers[:6]) or "nobody"
        ease = a.readability.flesch_reading_ease if a.readability else None
        grade = a.readability.flesch_kincaid_grade if a.readability else None
        rates = []
        for group in VOICE_GROUPS:
            rate, count, few = voice_rate(a.loaded, group)
            rates.append(f"{rate} ({count})" + (" \u2020" if few else ""))
            unsteady = unsteady or few
        lines.append(
            f"| {md_escape(a.label)} | {a.scored_words:,} | {rates[0]} | {rates[1]} | {rates[2]} | {cats} "
            f"| {number(ease)} | {number(grade)} | {who} |"
        )
    if unsteady:
        lines += ["", md_escape(UNSTEADY_NOTE)]
    matrix = comparison.charts.speakers_by_article
    if matrix.rows and len(comparison.articles) > 1:
        lines += ["", "## Who is quoted where", "", *_header(("Source", "Type"), matrix.articles, "---:")]
        for speaker in matrix.rows:
            cells = " | ".join(str(speaker.articles.get(x, "")) for x in matrix.articles)
            lines.append(
                f"| {md_escape(speaker.speaker)} | {md_escape(_type_label(comparison, speaker.type))} | {cells} |"
            )
    lines += _coverage_lines(comparison)
    lines += _actor_lines(comparison)
    labels = comparison.charts.labels_by_article
    if labels.rows:
        lines += ["", "## Which word each article uses", "", *_header("Referent", labels.articles)]
        for concept in labels.rows:
            variant_cells: list[str] = []
            for x in labels.articles:
                variants = concept.articles.get(x, {})
                variant_cells.append(
                    ", ".join(
                        f"{md_escape(t)} {d.own}" + (f" (+{d.quoted} quoted)" if d.quoted else "")
                        for t, d in variants.items()
                    )
                )
            lines.append(f"| {md_escape(concept.label)} | " + " | ".join(variant_cells) + " |")
    frames = comparison.charts.frames_own
    if frames.series:
        labels_shown = [frames.series_labels[k] for k in frames.series]
        lines += ["", "## Frames in the outlet's own voice", "", *_header("Article", labels_shown, "---:")]
        for bars in frames.rows:
            lines.append(
                f"| {md_escape(bars.article)} | "
                + " | ".join(percent(bars.cells[k].value) for k in frames.series)
                + " |"
            )
    lines += _epistemic_lines(comparison)
    dist = comparison.charts.distinctive_terms
    if dist.groups:
        lines += [
            "",
            "## Distinctive words",
            "",
            f"| {md_escape(dist.group_by)} | Words (how much each stands out: above 2 is unlikely to be chance) |",
            "|---|---|",
        ]
        for g, terms in dist.groups.items():
            words = ", ".join(f"{md_escape(t.term)} ({t.z:.1f})" for t in terms) or "none stands out"
            lines.append(f"| {md_escape(g)} | {words} |")
    for a in comparison.articles:
        lines += ["", f"## {md_escape(a.label)}", ""]
        if a.title:
            lines += [f"*{md_escape(a.title)}*", ""]
        if a.speakers:
            lines += [
                "| Source | Type | Quotes | Reported | Words | Share | Introduced with |",
                "|---|---|---:|---:|---:|---:|---|",
            ]
            for sp in a.speakers:
                cues = ", ".join(f"{glossary.plain('cue', g)} ({n})" for g, n in sp.cues.items())
                lines.append(
                    f"| {md_escape(sp.name)} | {md_escape(_type_label(comparison, sp.type))} | {sp.quotes} | {sp.reported} "
                    f"| {sp.words} | {percent(sp.share)} | {cues} |"
                )
            lines.append("")
        loaded = [f for f in a.findings if f.analyzer == "loaded"]
        if not loaded:
            lines.append("No loaded words found.")
            continue
        lines += [
            "| Words | Kind | Whose words | Found by | Why | More neutral |",
            "|---|---|---|---|---|---|",
        ]
        for f in loaded:
            lines.append(
                f"| “{md_escape(f.text)}” | {md_escape(glossary.category_plain(f.analyzer, f.category, f.category_label))} "
                f"| {_whose(f)} | {found_by(f)} "
                f"| {md_escape(f.explanation)} | {md_escape('; '.join(f.alternatives))} |"
            )
    lines += ["", "---", ""]
    lines += [f"{md_escape(line)}.  " for line in provenance_lines(comparison.provenance)]
    lines.append("")
    return "\n".join(lines)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _header(first: str | Sequence[str], columns: Sequence[str], align: str = "---") -> list[str]:
    """A table's heading and rule: the ``first`` heading(s) as written, then one
    column per name in ``columns`` (escaped), aligned by ``align``."""
    firsts = [first] if isinstance(first, str) else list(first)
    return [
        "| " + " | ".join([*firsts, *(md_escape(c) for c in columns)]) + " |",
        "|" + "---|" * len(firsts) + f"{align}|" * len(columns),
    ]


#: How each status of an article on a claim is marked in Markdown tables.
STATUS_MARKS = {
    "carries": "\u2713",
    "different": "\u2260",
    "maybe": "?",
    "not_yet": "not yet",
    "unclear": "\u00b7",
    "left_out": "\u2013",
}
#: At most this many claims of one article only, taken in turn from each article.
MAX_UNIQUE_CLAIMS = 60


def _steps(use: QuotationUse) -> str:
    """A quotation as an outlet gives it, against the longest version: cut words struck
    through, added ones in bold, changed ones as ~~old~~ **new**."""
    out = []
    for s in use.steps:
        if s.op == "keep":
            out.append(md_escape(s.as_written))
        elif s.op == "cut":
            out.append(f"~~{md_escape(s.words)}~~")
        elif s.op == "add":
            out.append(f"**{md_escape(s.as_written)}**")
        else:
            out.append(f"~~{md_escape(s.words)}~~ **{md_escape(s.as_written)}**")
    return " ".join(out)


def _what_it_does(use: QuotationUse) -> str:
    if use.status == "full":
        return "quotes it in full"
    if use.status == "cut":
        dropped = f": drops {', '.join(use.dropped_loaded)}" if use.dropped_loaded else ""
        return f"cuts it at the {', '.join(use.cuts)}{dropped}"
    if use.status == "extended":
        return "quotes more of it"
    if use.status == "altered":
        return "changes words" + (f", cuts at the {', '.join(use.cuts)}" if use.cuts else "")
    return "paraphrases it"


def _coverage_lines(comparison: Comparison) -> list[str]:
    """What each article reports, where it differs and what it leaves out; the figures,
    the shared quotations word for word, and the headlines, as the HTML report shows
    them."""
    cov = comparison.coverage
    lines: list[str] = []
    if len(cov.articles) > 1:
        legend = "; ".join(f"{mark} {CLAIM_STATUSES[k]}" for k, mark in STATUS_MARKS.items())
        lines += [
            "",
            "## What each article reports, and what it leaves out",
            "",
            md_escape(f"Sentences matched across articles by what they say: {cov.method}.") + "  ",
            md_escape(legend) + ".",
        ]
        if cov.shared_claims:
            lines += ["", *_header("Claim (as the first article puts it)", cov.articles, "---:")]
            for claim in cov.shared_claims:
                marks = " | ".join(STATUS_MARKS[row.status] for row in claim.articles)
                lines.append(f"| {md_escape(_short(claim.text, 220))} | {marks} |")
        differing = cov.differences()
        if differing:
            lines += ["", "### Related, but saying something different", ""]
            lines += ["| One article says | Another says | What differs |", "|---|---|---|"]
            for _, first, row in differing:
                lines.append(
                    f"| {md_escape(first.article)}: {md_escape(_short(first.text or '', 200))} "
                    f"| {md_escape(row.article)}: {md_escape(_short(row.text or '', 200))} "
                    f"| {md_escape(row.reason or '')} |"
                )
        shown, counts = cov.balanced_unique(MAX_UNIQUE_CLAIMS)
        if shown:
            note = "; ".join(
                f"{label} {n}" + (f" of {total}" if n < total else "") for label, (n, total) in counts.items()
            )
            lines += [
                "",
                "### Reported by one article only",
                "",
                md_escape(f"Taken in turn from each article: {note}.")
                + (" The JSON and CSV reports list them all." if len(shown) < len(cov.unique_claims) else ""),
                "",
                "| Article | Only here | The others |",
                "|---|---|---|",
            ]
            for claim in shown:
                others = ", ".join(
                    f"{STATUS_MARKS[row.status]} {md_escape(row.article)}"
                    for row in claim.articles
                    if row.status != "carries"
                )
                lines.append(
                    f"| {md_escape(claim.carried_by[0])} | {md_escape(_short(claim.text, 240))} | {others} |"
                )
        if cov.figures:
            lines += ["", "### Figures", "", *_header("Figure", cov.articles)]
            for f in cov.figures[:30]:
                cells = []
                for label in cov.articles:
                    use = next((u for u in f.uses if u.article == label), None)
                    cells.append(
                        md_escape(" ".join(x for x in (use.text, use.counts) if x)) if use else "\u2013"
                    )
                lines.append(f"| {md_escape(f.label)} | " + " | ".join(cells) + " |")
        for sq in cov.quotations:
            who = f" \u2014 {md_escape(sq.speaker)}" if sq.speaker else ""
            flag = " (a cut drops loaded words)" if sq.loaded_cut else ""
            lines += [
                "",
                f"**The same quotation, word for word:** \u201c{md_escape(_short(sq.quote, 200))}\u201d{who}{flag}",
                "",
                "| Article | The words, against the longest version | What it does | Names the speaker | Verb |",
                "|---|---|---|---|---|",
            ]
            for u in sq.uses:
                words = md_escape(_short(u.words, 240)) if u.status == "paraphrased" else _steps(u)
                lines.append(
                    f"| {md_escape(u.article)} | {words} | {md_escape(_what_it_does(u))} "
                    f"| {md_escape(u.speaker_as or u.speaker or '-')} | {md_escape(u.cue or '-')} |"
                )
    if cov.headlines:
        lines += [
            "",
            "### Headlines against their articles",
            "",
            "Coverage: the share of the headline's content words the body also uses.",
            "",
            "| Article | Headline | Coverage | Loaded only in the headline | Numbers only in the headline |",
            "|---|---|---:|---|---|",
        ]
        for h in cov.headlines:
            carried = "" if h.body_carries_headline else " (not carried)"
            lines.append(
                f"| {md_escape(h.article)} | {md_escape(_short(h.headline, 200))} "
                f"| {percent(h.coverage)}{carried} "
                f"| {md_escape(', '.join(h.loaded_only_in_headline) or 'none')} "
                f"| {number_list(h.numbers_only_in_headline) or 'none'} |"
            )
    return lines


def _actor_lines(comparison: Comparison) -> list[str]:
    """Who is the villain, the victim and the hero in each article, with the evidence;
    then, apart and labelled as such, the tone around each actor."""
    roles = comparison.charts.actor_roles
    if not roles.rows:
        return []
    lines = [
        "",
        "## Who is the villain, the victim and the hero",
        "",
        "How each outlet casts the main actors in its own words, and in the words of the people it quotes "
        "(a villain is blamed for harm or wrongdoing, a victim suffers harm, a hero helps, protects or stands "
        "up; most actors are neutral). Each role is followed by the words behind it: check them against the text.",
        "",
        *_header("Actor", list(roles.articles)),
    ]

    def cell(data: Cast | None) -> str:
        if not data:
            return "\u2013"
        out = [_role_md(data.own, [e for e in data.evidence if e.voice == "own"])]
        for q in data.quoted:
            said = [e for e in data.evidence if e.voice != "own" and e.speaker == q.speaker]
            out.append(f"{_role_md(q.role, said)} to {md_escape(q.speaker or 'an unnamed voice')}")
        return "; ".join(out)

    for row in roles.rows:
        cells = [cell(row.articles.get(label)) for label in roles.articles]
        lines.append(f"| {md_escape(row.actor)} | " + " | ".join(cells) + " |")
    own = comparison.charts.actor_tone_own
    quoted = comparison.charts.actor_tone_quoted
    if own.series:
        lines += [
            "",
            "### Tone of the sentences around each actor (not portrayal)",
            "",
            "How positive or negative the sentences that mention an actor are, from \u22121 to +1 (the "
            "lexicon-and-rules score; the classifier in brackets), in the outlet's words and in quotes. Tone is "
            "not casting: a victim of an attack sits among sad words. A dash: not mentioned in that voice.",
            "",
            *_header("Actor", [bars.article for bars in own.rows]),
        ]

        def tone(bars: BarRow[ToneCell], aid: str) -> str:
            cell = bars.cells.get(aid)
            if cell is None or not cell.mentions:
                return "\u2013"
            return f"{number(cell.value, 2)}" + (
                f" ({number(cell.classifier, 2)})" if cell.classifier is not None else ""
            )

        for aid in own.series:
            cells = [
                f"own {tone(bars, aid)}; quoted {tone(q, aid)}"
                for bars, q in zip(own.rows, quoted.rows, strict=False)
            ]
            lines.append(f"| {md_escape(own.series_labels[aid])} | " + " | ".join(cells) + " |")
    return lines


def _role_md(role: str, evidence: Sequence[CastEvidence]) -> str:
    """A role in bold, with the reasons behind it (for a role that is not neutral)."""
    if role == "neutral":
        return "neutral"
    reasons = [md_escape(e.reason) for e in evidence if e.role == role][:2]
    return f"**{role}**" + (f" ({' '.join(reasons)})" if reasons else "")


def _epistemic_lines(comparison: Comparison) -> list[str]:
    """How sure each article sounds (hedges, boosters, factive and assertive verbs,
    passives): own voice (quoted), with the glossary's plain names."""
    epi = comparison.charts.epistemic_by_article
    if not epi.rows:
        return []
    lines = [
        "",
        "## How sure, and who acted",
        "",
        "How often each article does these things in its own words (in quotes in brackets):",
        "",
        *(f"- *{glossary.plain('epistemic', k)}*: {glossary.explain('epistemic', k, k)}" for k in epi.kinds),
        "",
        *_header("Article", [glossary.plain("epistemic", k) for k in epi.kinds], "---:"),
    ]
    for row in epi.rows:
        cells = " | ".join(f"{row.cells[k].own} ({row.cells[k].quoted})" for k in epi.kinds)
        lines.append(f"| {md_escape(row.article)} | {cells} |")
    return lines


def write_markdown(comparison: Comparison, path: str | Path) -> Path:
    return write_atomic(path, render_markdown(comparison))
