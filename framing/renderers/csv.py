"""CSV tables: the numbers of a comparison as spreadsheets, one table a file.

``articles.csv`` (one row per article, every scalar metric), ``findings.csv`` (one row
per finding, with its span, voice, speaker and, for a mention of an actor, the actor's
id), ``quotes.csv``, ``speakers.csv``, ``actors.csv``, ``roles.csv`` (each actor's role
in each voice of each article, with the evidence), ``role_counts.csv`` (how many actors
each article casts in each role), ``claims.csv`` (every claim, each article's status),
``claim_articles.csv`` (one row per claim and article: status, sentence, confidence,
reason), ``figures.csv`` and ``quotations.csv`` (one row per use of a shared quotation:
what it cuts, adds and changes). Rows and columns come in a fixed order, so the same
input gives the same files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic, writing

if TYPE_CHECKING:
    from ..comparison import Comparison
    from ..results import ArticleAnalysis

__all__ = ["csv_text", "flatten", "render_csv_tables", "write_csv"]


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts of scalars as one flat dict with dotted keys; lists as JSON text."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        elif isinstance(value, (list, tuple)):
            out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        else:
            out[name] = value
    return out


def csv_text(header: Sequence[str] | None, rows: Iterable[Sequence[Any]]) -> str:
    r"""Rows as CSV text after the header (unless None), a line feed after each, None
    as an empty field.

    A field is quoted when it holds a comma, a quotation mark or a line break of either
    kind: a lone carriage return too, which the csv module leaves bare when rows end in
    a line feed (and a spreadsheet then reads as the end of the row).

    >>> csv_text(["a", "b"], [["x\ry", None]])
    'a,b\n"x\ry",\n'
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # \r\n: so that \r is quoted too
    lines = []
    for row in rows if header is None else [header, *rows]:
        writer.writerow(["" if v is None else v for v in row])
        lines.append(buf.getvalue()[:-2] + "\n")
        buf.seek(0)
        buf.truncate()
    return "".join(lines)


def _table(rows: Iterable[Mapping[str, Any]]) -> str:
    rows = list(rows)
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return csv_text(columns, ([row.get(c) for c in columns] for row in rows))


def render_csv_tables(comparison: Comparison) -> dict[str, str]:
    """Every table as CSV text, by file name, and ``provenance.json``: the framing
    version, lexicons, models, settings and input hashes behind the tables."""
    articles, findings, quotes, speakers, actors, roles = [], [], [], [], [], []
    for view, analysis in zip(comparison.articles, comparison.analyses, strict=True):
        row = {"label": view.label, **analysis.article.to_dict()}
        row.pop("meta", None)
        row.update(flatten({"words": dict(analysis.words)}))
        row.update(flatten(_article_metrics(analysis)))
        articles.append(row)
        findings += [{"article": view.label, **f.to_row()} for f in analysis.findings]
        quotes += [{"article": view.label, **q.to_dict()} for q in analysis.quotes]
        speakers += [{"article": view.label, **flatten(_dataclass_dict(s))} for s in view.speakers]
        for a in analysis.metrics.actors.actors if analysis.metrics.actors else ():
            actors.append(
                {
                    "article": view.label,
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "merged_from": a.merged_from or "",
                    **flatten({"mentions": a.mentions.to_dict(), "linked": dict(a.linked)}),
                    "role_own": a.portrayal.own.role,
                    "role_quoted": a.portrayal.quoted_role.role,
                    **flatten({"tone": a.tone.to_dict()}),
                    "does": "; ".join(d.text for d in a.does),
                    "done_to": "; ".join(d.text for d in a.done_to),
                    "evaluations": "; ".join(e.text for e in a.evaluations),
                }
            )
            for cast in (a.portrayal.own, *a.portrayal.quoted):
                roles.append(
                    {
                        "article": view.label,
                        "id": a.id,
                        "name": a.name,
                        "voice": cast.voice,
                        "speaker": cast.speaker,
                        "role": cast.role,
                        "confidence": cast.confidence,
                        "decided_by": cast.decided_by,
                        "evidence": " | ".join(e.reason for e in cast.evidence if e.role == cast.role),
                    }
                )
    cov = comparison.coverage
    claims = [
        {
            "id": c.id,
            "claim": c.text,
            "scope": c.scope,
            "confidence": c.confidence,
            "date": c.date,
            **{row.article: row.status for row in c.articles},
        }
        for c in cov.claims
    ]
    claim_rows = [{"claim": c.id, **row.to_dict()} for c in cov.claims for row in c.articles]
    figures = [
        {
            "figure": f.label,
            "number": f.value,
            "thing": f.thing,
            "event": f.event,
            "negated": f.negated,
            **{label: "; ".join(u.text for u in f.uses if u.article == label) for label in cov.articles},
        }
        for f in cov.figures
    ]
    quotations = [
        {
            "quotation": n,
            "speaker": q.speaker,
            "longest": q.quote,
            "loaded_cut": q.loaded_cut,
            **{k: v for k, v in u.to_dict().items() if k != "steps"},
            "cuts": "; ".join(u.cuts),
            "dropped": " | ".join(u.dropped),
            "added": " | ".join(u.added),
            "changed": " | ".join(f"{a} -> {b}" for a, b in u.changed),
            "dropped_loaded": "; ".join(u.dropped_loaded),
        }
        for n, q in enumerate(cov.quotations, start=1)
        for u in q.uses
    ]
    return {
        "articles.csv": _table(articles),
        "findings.csv": _table(findings),
        "quotes.csv": _table(quotes),
        "speakers.csv": _table(speakers),
        "actors.csv": _table(actors),
        "roles.csv": _table(roles),
        "role_counts.csv": _table(r.to_dict() for r in comparison.charts.roles_by_article.rows),
        "claims.csv": _table(claims),
        "claim_articles.csv": _table(claim_rows),
        "figures.csv": _table(figures),
        "quotations.csv": _table(quotations),
        "provenance.json": json.dumps(comparison.provenance, indent=2, sort_keys=True, ensure_ascii=False)
        + "\n",
    }


def _article_metrics(analysis: ArticleAnalysis) -> dict[str, dict[str, Any]]:
    """Each analyser's numbers for the articles table: the actors (a table of their own)
    left out, and the sourcing's speakers and the tone's pieces."""
    lists = {"sourcing": ("speakers",), "tone": ("pieces",)}
    return {
        name: {k: v for k, v in m.to_dict().items() if k not in lists.get(name, ())}
        for name, m in analysis.metrics.items()
        if name != "actors"
    }


def _dataclass_dict(obj: Any) -> dict[str, Any]:
    import dataclasses

    return dataclasses.asdict(obj)


def write_csv(comparison: Comparison, folder: str | Path) -> list[Path]:
    """Write every table into ``folder`` (created if needed); returns the files."""
    out = Path(folder)
    with writing(out):
        out.mkdir(parents=True, exist_ok=True)
    return [write_atomic(out / name, text) for name, text in render_csv_tables(comparison).items()]
