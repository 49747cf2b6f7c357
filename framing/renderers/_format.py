"""Formatting shared by the renderers (only renderers round)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..comparison_charts import FEW_WORDS
from ..plural import count as count_of

if TYPE_CHECKING:
    from ..metrics import LoadedMetrics

__all__ = [
    "FEW_WORDS",
    "UNSTEADY_NOTE",
    "VOICE_GROUPS",
    "any_unsteady",
    "found_by",
    "number",
    "number_list",
    "percent",
    "provenance_lines",
    "rate_text",
    "voice_rate",
]


def found_by(finding: Any) -> str:
    """Whether a loaded word is on the word list or a learned guess (``Finding.origin``)."""
    return "learned guess" if finding.origin == "model" else "word list"


#: The voice groups a loaded-word rate is given for.
VOICE_GROUPS = ("own", "quoted", "reported")

#: A rate per 1,000 words of a voice is marked when that voice has fewer words than
#: ``FEW_WORDS`` (decided with the chart data, in ``framing.comparison_charts``).
UNSTEADY_NOTE = (
    f"\u2020 fewer than {FEW_WORDS} words in that voice: one loaded word more or less moves "
    "the rate a lot, so compare its count, not its rate."
)


def number(value: Any, digits: int = 1) -> str:
    """A number for a table: floats rounded to ``digits``, missing values as a dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def percent(value: Any) -> str:
    """A share as a whole percentage, a missing one as a dash.

    >>> percent(0.256), percent(None)
    ('26%', '\u2013')
    """
    return "\u2013" if value is None else f"{100 * value:.0f}%"


def number_list(values: Iterable[Any]) -> str:
    """Numbers as a comma-separated list, as the figures tables give them ("1,350").

    >>> number_list([1350.0, 2.5, 7])
    '1,350, 2.5, 7'
    """
    return ", ".join(f"{v:,g}" for v in values)


def rate_text(rate: float | None, count: int, words: int | None) -> tuple[str, str, bool]:
    """A loaded-word rate per 1,000 words for a table, from its numbers: the rate, what
    goes in brackets after it (the count, and the words where they are few), and whether
    it rests on so few words that it is unsteady (marked \u2020). A voice with no words
    has no rate ("\u2013"); unknown words (None) are taken as enough.

    >>> rate_text(315.79, 6, 19)
    ('315.8', '6 in 19 words', True)
    >>> rate_text(0.0, 0, 1)
    ('0.0', '0 in 1 word', True)
    >>> rate_text(0.0, 0, 0)
    ('\u2013', 'no words', False)
    """
    if words == 0:
        return "\u2013", "no words", False
    shown = number(rate)
    if words is not None and words < FEW_WORDS:
        return shown, f"{count} in {count_of(words, 'word')}", True
    return shown, str(count), False


def voice_rate(loaded: LoadedMetrics | None, group: str) -> tuple[str, str, bool]:
    """The loaded-word rate of one voice group of an article (``own``, ``quoted``,
    ``reported``) for a table, as :func:`rate_text` gives it (a dash where the
    loaded-words analyser did not run)."""
    if loaded is None:
        return rate_text(None, 0, None)
    numbers = loaded.group(group)
    return rate_text(numbers.per_1000, numbers.count, numbers.words)


def any_unsteady(loaded: Iterable[LoadedMetrics | None]) -> bool:
    """Whether any article's loaded-word rate of any voice group rests on too few words
    (see :func:`rate_text`)."""
    return any(voice_rate(one, group)[2] for one in loaded for group in VOICE_GROUPS)


def provenance_lines(prov: Mapping[str, Any], *, max_inputs: int = 12) -> list[str]:
    """The provenance of a report as short plain-text lines for its footer: framing
    and schema versions, each lexicon's id, version and hash, the models, the settings
    and the inputs' hashes (the first ``max_inputs``; the JSON report has them all)."""
    lines = [f"framing {prov.get('framing_version')} (report schema {prov.get('schema_version')})"]
    lexicons = ", ".join(
        f"{lex['id']} {lex['version']} (sha256 {str(lex.get('sha256', ''))[:12]})"
        for lex in prov.get("lexicons", [])
    )
    lines.append(f"Lexicons: {lexicons or 'none'}")
    models = sorted({a["model"] for a in prov.get("analyzers", {}).values() if a.get("model")})
    lines.append(f"Models: {', '.join(models) or 'none'}")
    settings = prov.get("settings", {})
    setting = "Analysers: " + ", ".join(settings.get("analyzers", []))
    if not settings.get("builtin_lexicons", True):
        setting += "; built-in lexicons off"
    extra = settings.get("extra") or {}
    if extra:
        setting += "; " + ", ".join(f"{k}={v}" for k, v in sorted(extra.items()))
    lines.append(setting)
    inputs = prov.get("inputs", [])
    shown = ", ".join(f"{i['id']} (sha256 {str(i.get('sha256', ''))[:12]})" for i in inputs[:max_inputs])
    more = (
        f" and {len(inputs) - max_inputs:,} more (all in the JSON report)" if len(inputs) > max_inputs else ""
    )
    lines.append(f"Inputs ({len(inputs):,}): {shown}{more}")
    if prov.get("generated_at"):
        lines.append(f"Generated {prov['generated_at']}")
    return lines
