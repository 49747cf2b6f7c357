"""Writing files whole or not at all, with one clear message when the disk says no.

:func:`write_atomic` writes a temporary file beside the target, flushes it to disk and
renames it over the target, so a report that fails part way (a full disk, a killed
process) leaves the file that was there before, never a truncated one, and removes its
temporary file. A target that is not a regular file (``/dev/stdout``, a pipe) is
written in place, and a link is followed, so the link stays. Any :class:`OSError`
becomes an :class:`~framing.errors.OutputError` naming the path, the reason and what
to do, which the command line prints as one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

__all__ = ["TEMPORARY_SUFFIX", "atomic_path", "output_error", "write_atomic", "writing"]

#: Temporary files are named ``.<name>.<process id>.tmp`` beside their target.
TEMPORARY_SUFFIX = ".tmp"

_ADVICE = {
    errno.ENOSPC: "free some space on that disk, or write somewhere else",
    errno.EDQUOT: "free some of your disk quota, or write somewhere else",
    errno.EACCES: "choose a folder you may write to",
    errno.EPERM: "choose a folder you may write to",
    errno.EROFS: "that disk is read-only; choose another",
    errno.ENOENT: "the folder does not exist; create it first",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "that is a folder; name a file",
}


def output_error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """The :class:`OutputError` for ``exc``, met while writing ``path``."""
    reason = exc.strerror or str(exc)
    advice = _ADVICE.get(exc.errno or 0)
    return OutputError(str(path), f"{reason}; {advice}" if advice else reason)


@contextlib.contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """An :class:`OSError` in the block (creating a folder, appending to a file) becomes
    an :class:`OutputError` naming ``path``."""
    try:
        yield
    except OSError as exc:
        raise output_error(path, exc) from None


def temporary_path(path: Path) -> Path:
    """Where a file is written before it is renamed to ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, shown: str | None = None) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; renamed over ``path`` when
    the block ends without an error, removed when it does not. An :class:`OSError` in
    the block or the rename becomes an :class:`OutputError` naming ``shown`` (by
    default ``path``)."""
    target = Path(os.path.realpath(path))
    tmp = temporary_path(target)
    try:
        yield tmp
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))  # keep the old file's mode
        os.replace(tmp, target)
    except OSError as exc:
        raise output_error(shown or path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all; returns ``path``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    out = Path(path)
    try:
        mode: int | None = os.stat(out).st_mode
    except OSError:
        mode = None  # not there yet (or not reachable: the write below says why)
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(out, payload)  # a device or a pipe: there is nothing to rename over
        return out
    with atomic_path(out) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with open(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
    return out


def _write_in_place(path: Path, payload: bytes) -> None:
    with writing(path), open(path, "wb") as f:
        f.write(payload)
