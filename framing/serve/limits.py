"""What one request to the page may ask for, and how many are served at once.

Every number the page promises is here, with its default, so the form, the refusal
pages, the command line and SECURITY.md state the same ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import UsageError

__all__ = [
    "DEFAULT_MAX_ARTICLES",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_FILE_MB",
    "DEFAULT_MAX_UPLOAD_MB",
    "DEFAULT_MEMORY_MB",
    "DEFAULT_RECEIVE_SECONDS",
    "DEFAULT_SECONDS",
    "DEFAULT_WAITING",
    "DEFAULT_WAIT_SECONDS",
    "Limits",
    "default_memory_mb",
    "default_workers",
    "megabytes",
]

DEFAULT_MAX_UPLOAD_MB = 20.0
DEFAULT_MAX_FILE_MB = 5.0
DEFAULT_MAX_ARTICLES = 40
#: Characters of article text one request may hold in all: as much as the largest file
#: (5 MB of plain text). So much text may take longer than the time limit, and is then stopped there.
DEFAULT_MAX_CHARS = 5_000_000
#: The longest one request's analysis and report may take, in seconds.
DEFAULT_SECONDS = 90.0
#: The most memory a worker process may hold while it answers a request, in MB (less on
#: a machine where the workers would otherwise take more than 60% of its memory).
DEFAULT_MEMORY_MB = 3_000.0
_SHARE_OF_MEMORY = 0.6
#: How many requests may wait for a free worker, beyond those being answered.
DEFAULT_WAITING = 16
#: The longest a request waits for a free worker, and the longest its upload may take.
DEFAULT_WAIT_SECONDS = 90.0
DEFAULT_RECEIVE_SECONDS = 60.0
_MB = 1024 * 1024


def default_workers() -> int:
    """One worker process per processor core, at most four (each holds a few hundred
    MB of lexicons and models)."""
    return max(1, min(4, os.cpu_count() or 1))


def default_memory_mb(workers: int) -> float:
    """:data:`DEFAULT_MEMORY_MB` a worker, or less where ``workers`` of them would take
    more than 60% of this computer's memory (but never under 1,000 MB)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1024 * 1024)
    except (AttributeError, ValueError, OSError):
        return DEFAULT_MEMORY_MB
    return float(min(DEFAULT_MEMORY_MB, max(1_000, int(_SHARE_OF_MEMORY * total / workers))))


def megabytes(value: float) -> str:
    return f"{value:g} MB"


@dataclass(frozen=True)
class Limits:
    """How much one request may send and ask for, and how many are served at once.

    ``upload_mb`` bounds the whole request, ``file_mb`` each file and each pasted
    article, ``articles`` the articles compared at once and ``chars`` their text in all.
    The analysis and report of one request run in a worker process given at most
    ``seconds`` and ``memory_mb`` (0: :func:`default_memory_mb`); ``workers`` such
    processes (0: one per core, at most four) answer at once and
    ``waiting`` more requests may wait, each at most ``wait_seconds``, for one of them.
    An upload must arrive within ``receive_seconds``.
    """

    upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    file_mb: float = DEFAULT_MAX_FILE_MB
    articles: int = DEFAULT_MAX_ARTICLES
    chars: int = DEFAULT_MAX_CHARS
    seconds: float = DEFAULT_SECONDS
    memory_mb: float = 0.0
    workers: int = 0
    waiting: int = DEFAULT_WAITING
    wait_seconds: float = DEFAULT_WAIT_SECONDS
    receive_seconds: float = DEFAULT_RECEIVE_SECONDS

    def __post_init__(self) -> None:
        if self.workers == 0:
            object.__setattr__(self, "workers", default_workers())
        if self.memory_mb == 0 and self.workers > 0:
            object.__setattr__(self, "memory_mb", default_memory_mb(self.workers))
        positive = (self.upload_mb, self.file_mb, self.articles, self.chars, self.seconds, self.memory_mb)
        if min(positive) <= 0 or self.workers < 1 or self.waiting < 0:
            raise UsageError(
                "the upload limits, the number of articles and characters, the time and memory "
                "limits and the number of workers must be positive"
            )

    @property
    def upload_bytes(self) -> int:
        return int(self.upload_mb * _MB)

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * _MB)

    @property
    def at_once(self) -> int:
        """How many requests are taken at once: answered and waiting."""
        return self.workers + self.waiting
