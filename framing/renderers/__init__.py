"""Renderers: a Comparison in, a document out. The registry names each format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..files import write_atomic
from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .worksheet import render_worksheet

if TYPE_CHECKING:
    from ..comparison import Comparison

__all__ = ["RENDERERS", "Renderer", "format_for_path", "render", "render_worksheet", "write_report"]


@dataclass(frozen=True)
class Renderer:
    name: str
    suffixes: tuple[str, ...]
    description: str
    render: Callable[[Comparison], str]


RENDERERS: dict[str, Renderer] = {
    r.name: r
    for r in (
        Renderer("html", (".html", ".htm"), "interactive, self-contained HTML page", render_html),
        Renderer("md", (".md", ".markdown"), "Markdown tables for a class page", render_markdown),
        Renderer("json", (".json",), "every number, with provenance (versioned schema)", render_json),
    )
}


def format_for_path(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower()
    for r in RENDERERS.values():
        if suffix in r.suffixes:
            return r.name
    return None


def render(comparison: Comparison, fmt: str) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; choose from: {', '.join(RENDERERS)}") from None
    return renderer.render(comparison)


def write_report(comparison: Comparison, path: str | Path, fmt: str | None = None) -> Path:
    """Write the report, whole or not at all (see :func:`~framing.files.write_atomic`);
    the format comes from ``fmt`` or the file's extension."""
    chosen = fmt or format_for_path(path)
    if chosen is None:
        raise UsageError(
            f"cannot tell the report format from {str(path)!r}; use an extension "
            f"({', '.join(s for r in RENDERERS.values() for s in r.suffixes)}) or --format"
        )
    return write_atomic(path, render(comparison, chosen))
