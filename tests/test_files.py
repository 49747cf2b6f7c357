"""Writing files whole or not at all, and one clear message when the disk says no."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

import framing.files as files
from framing import OutputError
from framing.files import write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(files.TEMPORARY_SUFFIX))


class _FullDisk:
    """A file object that takes ``room`` bytes and then fails as a full disk does."""

    def __init__(self, fd: int, room: int):
        self.file = open(fd, "wb")  # closed on exit below
        self.room = room

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()

    def write(self, data: bytes) -> int:
        self.file.write(data[: self.room])
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(data)

    def flush(self) -> None:
        self.file.flush()

    def fileno(self) -> int:
        return self.file.fileno()


def full_disk(monkeypatch: pytest.MonkeyPatch, room: int = 10) -> None:
    """Make framing.files' writes fail with ENOSPC after ``room`` bytes."""
    monkeypatch.setattr(files, "open", lambda fd, mode: _FullDisk(fd, room), raising=False)


def test_a_new_file_is_written_with_the_usual_mode(tmp_path):
    path = write_atomic(tmp_path / "r.html", "<p>caf\xe9</p>")
    assert path.read_text(encoding="utf-8") == "<p>caf\xe9</p>"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_replacing_keeps_the_mode_and_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_pipe_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(30)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    old = tmp_path / "report.html"
    old.write_text("the report of yesterday", encoding="utf-8")
    full_disk(monkeypatch)
    with pytest.raises(OutputError) as info:
        write_atomic(old, "the report of today, longer than the room left")
    assert str(info.value) == (
        f"cannot write {old}: No space left on device; free some space on that disk, or write somewhere else"
    )
    assert old.read_text(encoding="utf-8") == "the report of yesterday"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "code, advice",
    [
        (errno.EACCES, "Permission denied; choose a folder you may write to"),
        (errno.EROFS, "Read-only file system; that disk is read-only; choose another"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_refusals_name_the_path_the_reason_and_what_to_do(tmp_path, monkeypatch, code, advice):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "open", refuse)
    with pytest.raises(OutputError, match="^cannot write .*r.json: " + advice.replace(";", ";") + "$"):
        write_atomic(tmp_path / "r.json", "{}")
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_and_a_folder_as_target(tmp_path):
    with pytest.raises(OutputError, match="the folder does not exist; create it first"):
        write_atomic(tmp_path / "nowhere" / "r.html", "x")
    (tmp_path / "d.html").mkdir()
    with pytest.raises(OutputError, match="that is a folder; name a file"):
        write_atomic(tmp_path / "d.html", "x")
    assert _leftovers(tmp_path) == []
