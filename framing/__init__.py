"""framing: how news articles frame a story, with evidence a student can point at.

>>> import framing
>>> result = framing.analyze('The mayor said the raids were "a brutal crackdown."')
>>> [(f.text, f.voice, f.speaker) for f in result.findings_in(analyzer="loaded")]
[('brutal crackdown', 'quote', 'mayor')]
"""

from ._version import __version__
from .analyzers import ANALYZERS
from .article import Article
from .comparison import Comparison, compare
from .errors import (
    FramingError,
    FramingWarning,
    InputError,
    InputWarning,
    LexiconError,
    ResourceError,
    SkippedRecord,
    UsageError,
)
from .lexicon import Lexicon, builtin_lexicons, load_lexicon
from .pipeline import Pipeline, Settings, analyze, analyze_many
from .readability import Readability, readability
from .render import RENDERERS, render, write_report
from .render.html import render_html
from .render.json import render_json
from .render.markdown import render_markdown
from .results import ArticleAnalysis, Finding, FurnitureSpan, Quote, VoiceSpan
from .sources import ReadOptions, read_articles

__all__ = [
    "ANALYZERS",
    "RENDERERS",
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
    "write_report",
]
