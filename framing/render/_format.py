"""Formatting shared by the renderers (only renderers round)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["number", "provenance_lines"]


def number(value: Any, digits: int = 1) -> str:
    """A number for a table: floats rounded to ``digits``, missing values as a dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


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
