"""The Markdown report: the side-by-side table and the evidence, for a class page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._format import EPISTEMIC_LABELS, UNSTEADY_NOTE, VOICE_GROUPS, number, provenance_lines, voice_rate

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
        for group in VOICE_GROUPS:
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
    lines += _alignment_lines(comparison)
    lines += _actor_lines(comparison)
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
    lines += _epistemic_lines(comparison)
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


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _header(first: str, columns: Sequence[str], align: str = "---") -> list[str]:
    return [
        f"| {first} | " + " | ".join(md_escape(c) for c in columns) + " |",
        "|---|" + f"{align}|" * len(columns),
    ]


def _alignment_lines(comparison: Comparison) -> list[str]:
    """What each article reports and leaves out, the figures, shared quotations and
    headlines, as the HTML report shows them."""
    al = comparison.alignment
    if len(comparison.articles) < 2 or not al.get("claims"):
        return []
    articles = al["articles"]
    lines = [
        "",
        "## What each article reports, and what it leaves out",
        "",
        md_escape(
            f"Sentences matched across articles ({al['method']}). A claim only some articles carry is an "
            f"omission by the others. {len(al['claims'])} of {al['claims_total']} claims shown."
        ),
        "",
        *_header("Claim (as the first article puts it)", articles, "---:"),
    ]
    for claim in al["claims"]:
        if claim["scope"] != "one":
            marks = " | ".join("\u2713" if x in claim["sentences"] else "\u2013" for x in articles)
            lines.append(f"| {md_escape(_short(claim['text'], 220))} | {marks} |")
    only = [c for c in al["claims"] if c["scope"] == "one"]
    if only:
        lines += ["", "### Reported by one article only", "", "| Article | Only here |", "|---|---|"]
        lines += [f"| {md_escape(c['carried_by'][0])} | {md_escape(_short(c['text'], 240))} |" for c in only]
    if al.get("figures"):
        lines += ["", "### Figures", "", *_header("Number", articles)]
        for f in al["figures"][:25]:
            cells = " | ".join(md_escape(f["articles"].get(x, "\u2013")) for x in articles)
            lines.append(f"| {f['value']:,g} | {cells} |")
    for sq in al.get("shared_quotes", []):
        who = f" \u2014 {md_escape(sq['speaker'])}" if sq.get("speaker") else ""
        lines += [
            "",
            f"**The same quotation in several articles:** \u201c{md_escape(_short(sq['quote'], 200))}\u201d{who}",
            "",
            "| Article | Introduced with | The words around it |",
            "|---|---|---|",
        ]
        for u in sq["uses"]:
            cue = (u.get("cue") or "no verb") + (f" ({u['cue_grade']})" if u.get("cue_grade") else "")
            lines.append(
                f"| {md_escape(u['article'])} | {md_escape(cue + '; ' + u['kind'])} "
                f"| {md_escape(_short(u['around'], 240))} |"
            )
    if al.get("headlines"):
        lines += [
            "",
            "### Headlines against their articles",
            "",
            "Coverage: the share of the headline's content words the body also uses.",
            "",
            "| Article | Headline | Coverage | Loaded only in the headline | Numbers only in the headline |",
            "|---|---|---:|---|---|",
        ]
        for h in al["headlines"]:
            carried = "" if h["body_carries_headline"] else " (not carried)"
            lines.append(
                f"| {md_escape(h['article'])} | {md_escape(_short(h['headline'], 200))} "
                f"| {100 * h['coverage']:.0f}%{carried} "
                f"| {md_escape(', '.join(h['loaded_only_in_headline']) or 'none')} "
                f"| {md_escape(', '.join(h['numbers_only_in_headline']) or 'none')} |"
            )
    return lines


def _actor_lines(comparison: Comparison) -> list[str]:
    """Who is the villain, the victim and the hero in each article, with the evidence;
    then, apart and labelled as such, the tone around each actor."""
    roles = comparison.charts.get("actor_roles", {})
    if not roles.get("rows"):
        return []
    lines = [
        "",
        "## Who is the villain, the victim and the hero",
        "",
        "How each outlet casts the main actors in its own words, and in the words of the people it quotes "
        "(a villain is blamed for harm or wrongdoing, a victim suffers harm, a hero helps, protects or stands "
        "up; most actors are neutral). Each role is followed by the words behind it: check them against the text.",
        "",
        *_header("Actor", roles["articles"]),
    ]

    def cell(data: Mapping[str, Any] | None) -> str:
        if not data:
            return "\u2013"
        out = [_role_md(data["own"], [e for e in data["evidence"] if e["voice"] == "own"])]
        for q in data["quoted"]:
            said = [e for e in data["evidence"] if e["voice"] != "own" and e["speaker"] == q["speaker"]]
            out.append(f"{_role_md(q['role'], said)} to {md_escape(q['speaker'] or 'an unnamed voice')}")
        return "; ".join(out)

    for row in roles["rows"]:
        cells = [cell(row["articles"].get(label)) for label in roles["articles"]]
        lines.append(f"| {md_escape(row['actor'])} | " + " | ".join(cells) + " |")
    own = comparison.charts.get("actor_tone_own", {})
    quoted = comparison.charts.get("actor_tone_quoted", {})
    if own.get("series"):
        lines += [
            "",
            "### Tone of the sentences around each actor (not portrayal)",
            "",
            "How positive or negative the sentences that mention an actor are, from \u22121 to +1 (the "
            "lexicon-and-rules score; the classifier in brackets), in the outlet's words and in quotes. Tone is "
            "not casting: a victim of an attack sits among sad words. A dash: not mentioned in that voice.",
            "",
            *_header("Actor", [row["article"] for row in own["rows"]]),
        ]

        def tone(row: Mapping[str, Any], aid: str) -> str:
            if not row.get(f"{aid}__mentions"):
                return "\u2013"
            model = row.get(f"{aid}__classifier")
            return f"{number(row.get(aid), 2)}" + (f" ({number(model, 2)})" if model is not None else "")

        for aid in own["series"]:
            cells = [
                f"own {tone(row, aid)}; quoted {tone(q, aid)}"
                for row, q in zip(own["rows"], quoted.get("rows", own["rows"]), strict=False)
            ]
            lines.append(f"| {md_escape(own['series_labels'][aid])} | " + " | ".join(cells) + " |")
    return lines


def _role_md(role: str, evidence: Sequence[Mapping[str, Any]]) -> str:
    """A role in bold, with the reasons behind it (for a role that is not neutral)."""
    if role == "neutral":
        return "neutral"
    reasons = [md_escape(e["reason"]) for e in evidence if e["role"] == role][:2]
    return f"**{role}**" + (f" ({' '.join(reasons)})" if reasons else "")


def _epistemic_lines(comparison: Comparison) -> list[str]:
    """Hedges, boosters, factive and assertive verbs, passives: own voice (quoted)."""
    epi = comparison.charts.get("epistemic_by_article", {})
    if not epi.get("rows"):
        return []
    lines = [
        "",
        "## How sure, and who acted",
        "",
        "Counts in the outlet's own voice (in quotes in brackets). Hedges soften a claim, boosters harden "
        "it; factive verbs present a claim as fact, assertive verbs as someone's strong claim; agentless "
        "passives and hidden actors say what was done without saying who did it.",
        "",
        *_header("Article", [EPISTEMIC_LABELS.get(k, k) for k in epi["kinds"]], "---:"),
    ]
    for row in epi["rows"]:
        cells = " | ".join(f"{row[f'{k}_own']} ({row[f'{k}_quoted']})" for k in epi["kinds"])
        lines.append(f"| {md_escape(row['article'])} | {cells} |")
    return lines


def write_markdown(comparison: Comparison, path: str | Path) -> Path:
    out = Path(path)
    out.write_text(render_markdown(comparison), encoding="utf-8")
    return out
