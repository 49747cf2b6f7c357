"""Small shapes that several analysers' metrics share."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Metrics

__all__ = ["ByVoiceGroup"]


@dataclass(frozen=True, slots=True)
class ByVoiceGroup(Metrics):
    """A count in each voice group: the outlet's own words, quotations, reported speech."""

    own: int = 0
    quoted: int = 0
    reported: int = 0

    @property
    def total(self) -> int:
        """The count over every voice group."""
        return self.own + self.quoted + self.reported
