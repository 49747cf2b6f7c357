"""The records skipped for the same reason, told as one.

Reading reports each skipped record (a :class:`~framing.errors.SkippedRecord`) on its
own; a file of thousands of records that all lack a field would fill a screen with one
line each. A :class:`ProblemTally` takes the reports, passes warnings and one-off
problems on, and keeps the records that share a problem (the same file, the same
``kind``) as a count and the first few places, to be told in one line at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError, InputWarning, SkippedRecord
from ..plural import count

__all__ = ["ProblemTally"]

#: How many places (lines, rows) a summary names.
SHOWN = 5
_LINE = re.compile(r"\bline (\d+)")
_ROW = re.compile(r"^row (\d+)$")


@dataclass
class _Group:
    first: SkippedRecord
    count: int = 0
    places: list[str] = field(default_factory=list)


class ProblemTally:
    """Collects the problems met while reading; :meth:`summaries` tells them, one line
    for each file and kind of problem.

    ``passed_on`` receives at once what is not tallied: warnings, and skipped records
    without a ``kind``.
    """

    def __init__(self, passed_on: Callable[[InputError | InputWarning], None]):
        self.passed_on = passed_on
        self._groups: dict[tuple[str | None, str], _Group] = {}

    def __call__(self, problem: InputError | InputWarning) -> None:
        kind = getattr(problem, "kind", None)
        if not isinstance(problem, SkippedRecord) or not kind:
            self.passed_on(problem)
            return
        group = self._groups.setdefault((problem.source, kind), _Group(problem))
        group.count += 1
        if len(group.places) < SHOWN and problem.record:
            group.places.append(problem.record)

    def forget(self, source: str | None) -> None:
        """Drop what was tallied for one file (refused as a whole, in a message of its own)."""
        self._groups = {k: g for k, g in self._groups.items() if k[0] != source}

    def summaries(self) -> Iterator[SkippedRecord]:
        """One problem for each file and kind, in the order first met; a kind met once
        is told as it was reported."""
        for (source, kind), group in self._groups.items():
            if group.count == 1:
                yield group.first
                continue
            places = _places(group.places)
            more = group.count - len(group.places)
            if more:
                places += f" and {more:,} more"
            message = f"{count(group.count, 'record')} {kind} ({places}); they are skipped"
            yield SkippedRecord(message, source=source, kind=kind)
        self._groups = {}


def _places(records: list[str]) -> str:
    """``line 3``, ``row 2 (line 3)``, ``row 5`` ... as ``lines 3, 7, 12`` or ``rows 5, 9``."""
    lines = [_LINE.search(r) for r in records]
    if all(lines):
        numbers = [m.group(1) for m in lines if m]
        return ("line " if len(numbers) == 1 else "lines ") + ", ".join(numbers)
    rows = [_ROW.match(r) for r in records]
    if all(rows):
        numbers = [m.group(1) for m in rows if m]
        return ("row " if len(numbers) == 1 else "rows ") + ", ".join(numbers)
    return ", ".join(records)
