"""A small progress bar for stderr: count, rate and time left, redrawn in place.

It draws only when enabled (the command line enables it when stderr is a terminal and
``--quiet`` is not given), at most a few times a second, and clears its line at the end.
"""

from __future__ import annotations

import time
from typing import TextIO

from ..plural import plural

__all__ = ["Progress"]


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts articles and shows ``done/total``, articles per second and time left.

    ``total`` is an estimate (or None when unknown; ``exact`` when it is a count, shown
    without a tilde); ``done`` is where a resumed run starts. The rate counts only this
    run's work.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        total: int | None = None,
        done: int = 0,
        enabled: bool = True,
        label: str = "framing batch",
        interval: float = 0.25,
        exact: bool = False,
    ):
        self.stream = stream
        self.total = total
        self.done = done
        self.enabled = enabled
        self.label = label
        self.interval = interval
        self.exact = exact
        self._start_done = done
        self._start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def line(self, now: float | None = None) -> str:
        """The text of the bar as it stands."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = (self.done - self._start_done) / elapsed
        total = max(self.total, self.done) if self.total else None
        about = "" if self.exact else "~"
        count = f"{self.done:,}/{about}{total:,}" if total else f"{self.done:,}"
        parts = [f"{self.label}: {count} {plural('article', total or self.done)}", f"{rate:,.1f}/s"]
        if total and rate > 0:
            parts.append(f"{_clock((total - self.done) / rate)} left")
        elif total:
            parts.append("time left unknown")
        if total:
            filled = int(20 * self.done / total)
            parts.insert(0, "[" + "#" * filled + "." * (20 - filled) + "]")
        return "  ".join(parts)

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and now - self._last >= self.interval:
            self._last = now
            self._draw(self.line(now))

    def _draw(self, text: str) -> None:
        pad = " " * max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + pad)
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar's line (the caller prints the final summary)."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
