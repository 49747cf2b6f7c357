"""Turning bytes into text, with clear refusals and a stated fallback."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from ..errors import InputError, InputWarning

__all__ = ["FALLBACK_ENCODING", "decode", "looks_binary", "open_text"]

#: Tried when a file is not valid UTF-8. Windows-1252 is what most mislabelled
#: English web text really is; bytes it leaves undefined are read as Latin-1.
FALLBACK_ENCODING = "cp1252"
_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or mostly control bytes, in the first 8 KiB: not a text file."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.1


def _binary_error(source: str) -> InputError:
    return InputError(
        "looks like a binary file (it contains NUL or control bytes), not text; "
        "give framing .txt, .jsonl or .csv files",
        source=source,
    )


def _fallback_warning(source: str, bad_at: int, used: str) -> InputWarning:
    return InputWarning(
        f"{source}: not valid UTF-8 (first bad byte at offset {bad_at}); read as {used}. "
        "Save the file as UTF-8 to be sure every character is right."
    )


def decode(
    data: bytes,
    *,
    source: str,
    warn: Callable[[InputWarning], None],
    check_binary: bool = True,
) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped), else the fallback, with a warning."""
    if check_binary and looks_binary(data):
        raise _binary_error(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    try:
        text = data.decode(FALLBACK_ENCODING)
        used = FALLBACK_ENCODING
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        used = "latin-1"
    warn(_fallback_warning(source, bad_at, used))
    return text


_BLOCK = 1 << 20
_ASCII_SPACE = b" \t\n\r\x0b\x0c"
_UNDEFINED_IN_FALLBACK = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


def _open_binary(path: Path, gzipped: bool) -> BinaryIO:
    return cast(BinaryIO, gzip.open(path, "rb")) if gzipped else open(path, "rb")


def _choose_encoding(path: Path, *, source: str, gzipped: bool, warn: Callable[[InputWarning], None]) -> str:
    """Read the file once, in blocks, and decide as :func:`decode` would for all of it.

    Refuses a gzip file that does not decompress, an empty (all-blank) file and a binary
    file, in that order, with the same messages as reading the whole file at once.
    """
    head = b""
    blank = True
    valid = True
    bad_at = 0
    undefined = False
    offset = 0
    bom = False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with _open_binary(path, gzipped) as stream:
            while block := stream.read(_BLOCK):
                if offset == 0:
                    bom = block.startswith(codecs.BOM_UTF8)
                if len(head) < _SNIFF:
                    head += block[: _SNIFF - len(head)]
                if blank and block.strip(_ASCII_SPACE):
                    blank = False
                if not undefined:
                    undefined = any(b in block for b in _UNDEFINED_IN_FALLBACK)
                if valid:
                    pending = len(decoder.getstate()[0])
                    try:
                        decoder.decode(block)
                    except UnicodeDecodeError as exc:
                        valid = False
                        bad_at = offset - pending + exc.start
                offset += len(block)
            if valid:
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError as exc:
                    valid = False
                    bad_at = offset - pending + exc.start
    except (OSError, EOFError, zlib.error) as exc:
        if not gzipped:
            raise
        raise InputError(f"is not a readable gzip file ({exc})", source=source) from None
    if blank:
        raise InputError("is empty", source=source)
    if looks_binary(head):
        raise _binary_error(source)
    if valid:
        return "utf-8-sig"
    used = "latin-1" if undefined else FALLBACK_ENCODING
    # as decode() reports it: after a BOM, offsets count from the end of the BOM
    warn(_fallback_warning(source, bad_at - 3 if bom else bad_at, used))
    return used


@contextlib.contextmanager
def open_text(
    path: Path, *, source: str, gzipped: bool, warn: Callable[[InputWarning], None]
) -> Iterator[TextIO]:
    """A text stream over a (possibly gzipped) table file, decoded as :func:`decode` would.

    The file is read twice, a block at a time (once to choose the encoding, once to
    read), so memory does not grow with its size. Lines are not translated
    (``newline=""``), as the CSV module needs.
    """
    encoding = _choose_encoding(path, source=source, gzipped=gzipped, warn=warn)
    with io.TextIOWrapper(_open_binary(path, gzipped), encoding=encoding, newline="") as text:
        yield text
