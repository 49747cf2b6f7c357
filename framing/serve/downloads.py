"""The download bar of the report page, and each download, built when it is asked for.

The bar is a small form on top of the report: one button a format, and the articles
the report was made from, as JSON in a hidden field. Pressing a button sends them back
(``POST /download``), and a worker builds that one file from them: the report is not
rendered five more times for every request, and nothing is kept on the server between
the report and its downloads. The articles come back as any input does (checked,
cleaned, within the same limits), and framing's output is deterministic, so each file
is the very one ``framing compare`` writes for them.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from ..article import Article
from ..errors import InputError
from ..renderers.html import csp_hash

if TYPE_CHECKING:
    from ..comparison import Comparison

__all__ = ["FORMATS", "Format", "articles_payload", "build", "read_payload", "with_bar"]

#: The fields of an article the payload carries (every field of an Article).
_FIELDS = ("text", "id", "outlet", "title", "date", "url", "source")


def _report(c: Comparison) -> bytes:
    from ..renderers.html import render_html

    return render_html(c).encode("utf-8")


def _worksheet(c: Comparison) -> bytes:
    from ..renderers.worksheet import render_worksheet

    return render_worksheet(c).encode("utf-8")


def _markdown(c: Comparison) -> bytes:
    from ..renderers.markdown import render_markdown

    return render_markdown(c).encode("utf-8")


def _json(c: Comparison) -> bytes:
    from ..renderers.json import render_json

    return render_json(c).encode("utf-8")


def _tables(c: Comparison) -> bytes:
    """The CSV tables in one zip, with fixed dates so the same report gives the same bytes."""
    from ..renderers.csv import render_csv_tables

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in render_csv_tables(c).items():
            info = zipfile.ZipInfo(f"framing-tables/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


@dataclass(frozen=True)
class Format:
    """One download: its button, its file name and type, and how it is built."""

    name: str
    label: str
    filename: str
    mimetype: str
    build: Callable[[Comparison], bytes]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", "Report (HTML)", "framing-report.html", "text/html; charset=utf-8", _report),
        Format(
            "worksheet",
            "Worksheet (HTML, to print)",
            "framing-worksheet.html",
            "text/html; charset=utf-8",
            _worksheet,
        ),
        Format("md", "Markdown", "framing-report.md", "text/markdown; charset=utf-8", _markdown),
        Format("json", "JSON", "framing-report.json", "application/json", _json),
        Format("csv", "CSV tables (zip)", "framing-tables.zip", "application/zip", _tables),
    )
}


def build(fmt: str, comparison: Comparison) -> bytes:
    return FORMATS[fmt].build(comparison)


def articles_payload(articles: Sequence[Article]) -> str:
    """The articles as JSON, for the bar's hidden field (control characters escaped, so
    the browser sends back exactly these characters)."""
    return json.dumps(
        [{**{k: getattr(a, k) for k in _FIELDS}, "meta": dict(a.meta)} for a in articles],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _text(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError("is not what the page sent; send the form again", source=where)


def read_payload(payload: str, *, most: int) -> list[Article]:
    """The articles sent back from the bar: refused unless they are what the bar holds."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, list) or not data or len(data) > most:
        raise InputError("the articles to download are missing or not what the page sent; analyse them again")
    articles = []
    for n, item in enumerate(data, start=1):
        where = f"article {n} to download"
        if not isinstance(item, Mapping) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise InputError("is not what the page sent; analyse the articles again", source=where)
        meta = item.get("meta") or {}
        if not isinstance(meta, Mapping) or not all(isinstance(v, str) for v in meta.values()):
            raise InputError("is not what the page sent; analyse the articles again", source=where)
        fields = {k: _text(item.get(k), where) for k in _FIELDS}
        articles.append(Article(**fields, meta={str(k): v for k, v in meta.items()}))  # type: ignore[arg-type]
    return articles


_BAR_CSS = (
    "#framing-downloads form { display: contents; } "
    "#framing-downloads button { font: inherit; padding: .1rem .5rem; cursor: pointer; }"
)


def with_bar(report: str, bar: str) -> str:
    """The report page with the download bar at the top of its ``<main>``, and its own
    policy allowing the bar: its form to this page and its style, by hash."""
    at = report.find("<main>")
    at = at + len("<main>") if at >= 0 else report.find(">", report.find("<body")) + 1
    page = report[:at] + "\n" + bar.rstrip("\n") + report[at:]
    head = page.find("</head>")
    allowed = str(escape(f"style-src {csp_hash(_BAR_CSS)} "))
    meta = page[:head].replace("form-action &#39;none&#39;", "form-action &#39;self&#39;", 1)
    return meta.replace("style-src ", allowed, 1) + page[head:]


def bar_css() -> str:
    return _BAR_CSS
