"""Every error and warning framing raises, in one place.

    FramingError
     +-- InputError (also ValueError)       bad or unreadable input: file, record, field
     |    +-- SkippedRecord                 one record of a multi-record input was refused
     +-- LexiconError (also ValueError)     a lexicon file that does not parse or validate
     +-- OutputError                        a report or run folder that cannot be written
     +-- ResourceError (also LookupError)   packaged data that cannot be found
     +-- UsageError (also ValueError)       an unknown name or a bad setting
     +-- MissingDependency (also ImportError)  an optional extra is not installed

    FramingWarning (UserWarning)
     +-- InputWarning                       input was read, but with a caveat (fallback
                                            encoding, a skipped record)

Each message names the bad value, where it came from (file, line or record) and what
to do about it.
"""

from __future__ import annotations

__all__ = [
    "FramingError",
    "FramingWarning",
    "InputError",
    "InputWarning",
    "LexiconError",
    "MissingDependency",
    "OutputError",
    "ResourceError",
    "SkippedRecord",
    "UsageError",
]


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


class InputError(FramingError, ValueError):
    """Input that cannot be read or used, with the file and, where known, the record."""

    def __init__(self, message: str, *, source: str | None = None, record: str | None = None):
        self.source = source
        self.record = record
        where = ""
        if source is not None:
            where = source if record is None else f"{source}, {record}"
            where += ": "
        super().__init__(f"{where}{message}")
        self.reason = message


class SkippedRecord(InputError):
    """One record of a multi-record input was refused; the others are still read.

    ``kind`` says what is wrong in words that many records can share ("lack 'text'"),
    so that the records with the same problem can be told as one.
    """

    def __init__(
        self, message: str, *, source: str | None = None, record: str | None = None, kind: str | None = None
    ):
        super().__init__(message, source=source, record=record)
        self.kind = kind


class LexiconError(FramingError, ValueError):
    """A lexicon file that does not parse or validate; names the file and line.

    ``problems`` holds every problem found in the file (each a LexiconError with its
    own line); the message is the first one's, with how many more there are.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        problems: tuple[LexiconError, ...] = (),
    ):
        self.path = path
        self.line = line
        self.reason = message
        self.problems = problems or (self,)
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        more = len(self.problems) - 1
        also = (
            f" (and {more} more problem{'s' if more > 1 else ''}: framing lexicon check lists them)"
            if more
            else ""
        )
        super().__init__(f"{where}{message}{also}")

    @classmethod
    def of(cls, problems: list[LexiconError] | tuple[LexiconError, ...]) -> LexiconError:
        """One error carrying all ``problems`` (the first is its message)."""
        first = problems[0]
        if len(problems) == 1:
            return first
        return cls(first.reason, path=first.path, line=first.line, problems=tuple(problems))


class OutputError(FramingError):
    """A file or folder that cannot be written (no space, no permission): names the
    path, why, and what to do. Nothing half-written is left behind (see
    :mod:`framing.files`)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"cannot write {path}: {reason}")


class ResourceError(FramingError, LookupError):
    """Data that should ship with framing cannot be found (a broken installation)."""


class UsageError(FramingError, ValueError):
    """An unknown name or an invalid setting; the message lists the valid choices."""


class MissingDependency(FramingError, ImportError):
    """A feature needs an optional extra that is not installed; names the pip command."""

    def __init__(self, feature: str, module: str, extra: str):
        self.feature = feature
        self.module = module
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; install it with: "
            f'pip install ".[{extra}]" in the framing folder'
        )


class FramingWarning(UserWarning):
    """Base class of framing's warnings."""


class InputWarning(FramingWarning):
    """Input was read with a caveat: a fallback encoding, or a record skipped."""
