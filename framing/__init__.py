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
    from .renderers import RENDERERS, render, write_report
    from .renderers.html import render_html
    from .renderers.json import render_json
    from .renderers.markdown import render_markdown
    from .renderers.worksheet import render_worksheet, write_worksheet
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
    "RENDERERS": ".renderers",
    "render": ".renderers",
    "write_report": ".renderers",
    "render_html": ".renderers.html",
    "render_json": ".renderers.json",
    "render_markdown": ".renderers.markdown",
    "ArticleAnalysis": ".results",
    "Finding": ".results",
    "FurnitureSpan": ".results",
    "Quote": ".results",
    "VoiceSpan": ".results",
    "ReadOptions": ".sources",
    "read_articles": ".sources",
    "render_worksheet": ".renderers.worksheet",
    "write_worksheet": ".renderers.worksheet",
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
