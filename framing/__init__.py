"""framing: how news articles frame a story, with evidence a student can point at.

>>> import framing
>>> result = framing.analyze('The mayor said the raids were "a brutal crackdown."')
>>> [(f.text, f.voice, f.speaker) for f in result.findings_in(analyzer="loaded")]
[('brutal crackdown', 'quote', 'the mayor')]

Every public name is listed below and imported the first time it is used, so that
``import framing`` (and ``framing --help``) does not load scikit-learn,
matplotlib or Jinja2 until something needs them.
"""

import importlib as _importlib
import sys as _sys
import types as _types
import typing as _typing

from . import notebook as _notebook  # noqa: F401  (gives results their notebook display)
from ._version import __version__
from .errors import (
    FramingError,
    FramingWarning,
    InputError,
    InputWarning,
    LexiconError,
    MissingDependency,
    OutputError,
    ResourceError,
    SkippedRecord,
    UsageError,
)

if _typing.TYPE_CHECKING:
    from .analyzers import ANALYZERS
    from .article import Article
    from .comparison import Comparison, compare
    from .dataframes import TABLES, to_frame
    from .lexicon import Lexicon, builtin_lexicons, load_lexicon
    from .metrics import AnalysisMetrics, MappingMetrics, Metrics
    from .pipeline import Pipeline, Settings, analyze, analyze_many
    from .readability_formulas import Readability, readability
    from .render import RENDERERS, render, write_report
    from .render.html import render_html
    from .render.json import render_json
    from .render.markdown import render_markdown
    from .render.worksheet import render_worksheet, write_worksheet
    from .results import ArticleAnalysis, Finding, FurnitureSpan, Quote, VoiceSpan
    from .sources import ReadOptions, read_articles

__all__ = [
    "ANALYZERS",
    "RENDERERS",
    "TABLES",
    "AnalysisMetrics",
    "Article",
    "ArticleAnalysis",
    "Comparison",
    "Finding",
    "FramingError",
    "FramingWarning",
    "FurnitureSpan",
    "InputError",
    "InputWarning",
    "Lexicon",
    "LexiconError",
    "MappingMetrics",
    "Metrics",
    "MissingDependency",
    "OutputError",
    "Pipeline",
    "Quote",
    "ReadOptions",
    "Readability",
    "ResourceError",
    "Settings",
    "SkippedRecord",
    "UsageError",
    "VoiceSpan",
    "__version__",
    "analyze",
    "analyze_many",
    "builtin_lexicons",
    "compare",
    "load_lexicon",
    "read_articles",
    "readability",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_worksheet",
    "to_frame",
    "write_report",
    "write_worksheet",
]

#: Where each lazily imported public name lives.
_LAZY = {
    "ANALYZERS": ".analyzers",
    "Article": ".article",
    "Comparison": ".comparison",
    "compare": ".comparison",
    "Lexicon": ".lexicon",
    "builtin_lexicons": ".lexicon",
    "load_lexicon": ".lexicon",
    "AnalysisMetrics": ".metrics",
    "MappingMetrics": ".metrics",
    "Metrics": ".metrics",
    "Pipeline": ".pipeline",
    "Settings": ".pipeline",
    "analyze": ".pipeline",
    "analyze_many": ".pipeline",
    "Readability": ".readability_formulas",
    "readability": ".readability_formulas",
    "RENDERERS": ".render",
    "render": ".render",
    "write_report": ".render",
    "render_html": ".render.html",
    "render_json": ".render.json",
    "render_markdown": ".render.markdown",
    "ArticleAnalysis": ".results",
    "Finding": ".results",
    "FurnitureSpan": ".results",
    "Quote": ".results",
    "VoiceSpan": ".results",
    "ReadOptions": ".sources",
    "read_articles": ".sources",
    "render_worksheet": ".render.worksheet",
    "write_worksheet": ".render.worksheet",
    "TABLES": ".dataframes",
    "to_frame": ".dataframes",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_types.ModuleType):
    """The package module. ``render`` names both a subpackage and a function; as with
    eager imports, the public name stays the function when the subpackage is imported."""

    def __setattr__(self, name: str, value: _typing.Any) -> None:
        if name == "render" and isinstance(value, _types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
