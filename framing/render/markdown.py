"""The Markdown report: the side-by-side table and the evidence, for a class page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._format import number

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


def render_markdown(comparison: Comparison) -> str:
    lines: list[str] = ["# How these articles frame the story", ""]
    lines += [
        "Loaded words per 1,000 words in each voice. *Own* is the outlet's narration and headline;",
        "*quoted* is words in quotation marks; *reported* is the outlet's wording of what someone said.",
        "",
        "| Article | Words | Own /1,000 | Quoted /1,000 | Reported /1,000 | Top categories | Reading ease | Grade | Who is quoted |",
        "|---|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for a in comparison.articles:
        cats = ", ".join(f"{md_escape(lbl)} ({n})" for _, lbl, n in a.top_categories) or "none"
        who = ", ".join(f"{md_escape(s.name)} ({s.quotes + s.reported})" for s in a.speakers[:6]) or "nobody"
        lines.append(
            f"| {md_escape(a.label)} | {a.scored_words:,} | {number(a.loaded.get('per_1000_own'))} ({a.loaded.get('own', 0)}) "
            f"| {number(a.loaded.get('per_1000_quoted'))} ({a.loaded.get('quoted', 0)}) "
            f"| {number(a.loaded.get('per_1000_reported'))} ({a.loaded.get('reported', 0)}) | {cats} "
            f"| {number(a.readability.get('flesch_reading_ease'))} | {number(a.readability.get('flesch_kincaid_grade'))} | {who} |"
        )
    for a in comparison.articles:
        lines += ["", f"## {md_escape(a.label)}", ""]
        if a.title:
            lines += [f"*{md_escape(a.title)}*", ""]
        if not a.findings:
            lines.append("No loaded words found.")
            continue
        lines += ["| Words | Category | Whose words | Why | More neutral |", "|---|---|---|---|---|"]
        for f in a.findings:
            lines.append(
                f"| “{md_escape(f.text)}” | {md_escape(f.category_label)} | {_whose(f)} "
                f"| {md_escape(f.explanation)} | {md_escape('; '.join(f.alternatives))} |"
            )
    prov = comparison.provenance
    lexicons = ", ".join(f"{lex['id']} {lex['version']}" for lex in prov.get("lexicons", []))
    lines += ["", "---", "", f"framing {prov.get('framing_version')}; lexicons: {lexicons}.", ""]
    return "\n".join(lines)


def write_markdown(comparison: Comparison, path: str | Path) -> Path:
    out = Path(path)
    out.write_text(render_markdown(comparison), encoding="utf-8")
    return out
