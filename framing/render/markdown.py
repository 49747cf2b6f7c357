"""The Markdown report: the side-by-side table and the evidence, for a class page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._format import UNSTEADY_NOTE, number, provenance_lines, voice_rate

if TYPE_CHECKING:
    from ..comparison import Comparison
    from ..results import Finding

__all__ = ["render_markdown", "write_markdown"]

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+-.!|"})


def md_escape(text: str) -> str:
    """Escape Markdown syntax (and HTML) in text that comes from input."""
    return " ".join(text.split()).translate(_ESCAPE)


def _whose(f: Finding) -> str:
    if f.voice in ("narration", "headline"):
        return "outlet" if f.voice == "narration" else "outlet (headline)"
    who = md_escape(f.speaker) if f.speaker else "unnamed speaker"
    return f"quote: {who}" if f.voice == "quote" else f"reported: {who}"


def _type_label(comparison: Comparison, source_type: str | None) -> str:
    return comparison.source_types.get(source_type or "unknown", {}).get("label", source_type or "unknown")


def render_markdown(comparison: Comparison) -> str:
    lines: list[str] = ["# How these articles frame the story", ""]
    lines += [
        "Loaded words per 1,000 words in each voice. *Own* is the outlet's narration and headline;",
        "*quoted* is words in quotation marks; *reported* is the outlet's wording of what someone said.",
        "",
        "| Article | Words | Own /1,000 | Quoted /1,000 | Reported /1,000 | Top categories | Reading ease | Grade | Who is quoted |",
        "|---|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    unsteady = False
    for a in comparison.articles:
        cats = ", ".join(f"{md_escape(lbl)} ({n})" for _, lbl, n in a.top_categories) or "none"
        who = ", ".join(f"{md_escape(s.name)} ({s.quotes + s.reported})" for s in a.speakers[:6]) or "nobody"
        rates = []
        for group in ("own", "quoted", "reported"):
            rate, count, few = voice_rate(a.loaded, group)
            rates.append(f"{rate} ({count})" + (" \u2020" if few else ""))
            unsteady = unsteady or few
        lines.append(
            f"| {md_escape(a.label)} | {a.scored_words:,} | {rates[0]} | {rates[1]} | {rates[2]} | {cats} "
            f"| {number(a.readability.get('flesch_reading_ease'))} | {number(a.readability.get('flesch_kincaid_grade'))} | {who} |"
        )
    if unsteady:
        lines += ["", md_escape(UNSTEADY_NOTE)]
    matrix = comparison.charts.get("speakers_by_article", {})
    if matrix.get("rows") and len(comparison.articles) > 1:
        lines += [
            "",
            "## Who is quoted where",
            "",
            "| Source | Type | " + " | ".join(md_escape(x) for x in matrix["articles"]) + " |",
        ]
        lines.append("|---|---|" + "---:|" * len(matrix["articles"]))
        for row in matrix["rows"]:
            cells = " | ".join(str(row["articles"].get(x, "")) for x in matrix["articles"])
            lines.append(
                f"| {md_escape(row['speaker'])} | {md_escape(_type_label(comparison, row['type']))} | {cells} |"
            )
    labels = comparison.charts.get("labels_by_article", {})
    if labels.get("rows"):
        lines += [
            "",
            "## Which word each article uses",
            "",
            "| Referent | " + " | ".join(md_escape(x) for x in labels["articles"]) + " |",
        ]
        lines.append("|---|" + "---|" * len(labels["articles"]))
        for row in labels["rows"]:
            variant_cells: list[str] = []
            for x in labels["articles"]:
                variants = row["articles"].get(x, {})
                variant_cells.append(
                    ", ".join(
                        f"{md_escape(t)} {d['own']}" + (f" (+{d['quoted']} quoted)" if d["quoted"] else "")
                        for t, d in variants.items()
                    )
                )
            lines.append(f"| {md_escape(row['label'])} | " + " | ".join(variant_cells) + " |")
    frames = comparison.charts.get("frames_own", {})
    if frames.get("series"):
        lines += ["", "## Frames in the outlet's own voice", ""]
        lines.append(
            "| Article | "
            + " | ".join(md_escape(frames["series_labels"][k]) for k in frames["series"])
            + " |"
        )
        lines.append("|---|" + "---:|" * len(frames["series"]))
        for row in frames["rows"]:
            lines.append(
                f"| {md_escape(row['article'])} | "
                + " | ".join(f"{100 * row[k]:.0f}%" for k in frames["series"])
                + " |"
            )
    dist = comparison.charts.get("distinctive_terms", {})
    if dist.get("groups"):
        lines += [
            "",
            "## Distinctive words",
            "",
            f"| {md_escape(dist['group_by'])} | Words (z-score) |",
            "|---|---|",
        ]
        for g, terms in dist["groups"].items():
            words = ", ".join(f"{md_escape(t['term'])} ({t['z']:.1f})" for t in terms) or "none stands out"
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
                cues = ", ".join(f"{g} ({n})" for g, n in sp.cues.items())
                lines.append(
                    f"| {md_escape(sp.name)} | {md_escape(_type_label(comparison, sp.type))} | {sp.quotes} | {sp.reported} "
                    f"| {sp.words} | {100 * sp.share:.0f}% | {cues} |"
                )
            lines.append("")
        loaded = [f for f in a.findings if f.analyzer == "loaded"]
        if not loaded:
            lines.append("No loaded words found.")
            continue
        lines += ["| Words | Category | Whose words | Why | More neutral |", "|---|---|---|---|---|"]
        for f in loaded:
            lines.append(
                f"| “{md_escape(f.text)}” | {md_escape(f.category_label)} | {_whose(f)} "
                f"| {md_escape(f.explanation)} | {md_escape('; '.join(f.alternatives))} |"
            )
    lines += ["", "---", ""]
    lines += [f"{md_escape(line)}.  " for line in provenance_lines(comparison.provenance)]
    lines.append("")
    return "\n".join(lines)


def write_markdown(comparison: Comparison, path: str | Path) -> Path:
    out = Path(path)
    out.write_text(render_markdown(comparison), encoding="utf-8")
    return out
