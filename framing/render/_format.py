"""Formatting shared by the renderers (only renderers round)."""

from __future__ import annotations

from typing import Any

__all__ = ["number"]


def number(value: Any, digits: int = 1) -> str:
    """A number for a table: floats rounded to ``digits``, missing values as a dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)
