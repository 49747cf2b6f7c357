"""Turning bytes into text, with clear refusals and a stated fallback.

Text is UTF-8 (a byte-order mark is dropped), else Windows-1252 with a warning. A file
that starts with a UTF-16 or UTF-32 byte-order mark (as Windows' Notepad saves
"Unicode" text) is read in that encoding; such a file is full of NUL bytes, so it is
told from a binary file by its decoded text, not its bytes.
"""

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

__all__ = ["FALLBACK_ENCODING", "bom_encoding", "decode", "looks_binary", "open_text"]

#: Tried when a file is not valid UTF-8. Windows-1252 is what most mislabelled
#: English web text really is; bytes it leaves undefined are read as Latin-1.
FALLBACK_ENCODING = "cp1252"
_SNIFF = 8192


#: Byte-order marks of the wider Unicode encodings, longest first (the UTF-32 LE mark
#: begins with the UTF-16 LE one), with the codec that reads the mark and the text.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``head`` starts with that byte-order mark.

    >>> bom_encoding("hi".encode("utf-16")), bom_encoding(b"hi")
    ('utf-16', None)
    """
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or mostly control bytes, in the first 8 KiB: not a text file."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.1


def _text_looks_binary(text: str) -> bool:
    """:func:`looks_binary` for decoded text: NUL or mostly control characters."""
    return looks_binary(text[:_SNIFF].encode("latin-1", "replace"))


def _not_wide(codec: str, at: int, source: str) -> InputError:
    name = codec.upper()
    return InputError(
        f"starts with a {name} byte-order mark but is not valid {name} (at byte {at}); "
        "save it again, as UTF-8 if you can",
        source=source,
    )


def _decode_wide(data: bytes, codec: str, *, source: str, check_binary: bool) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _not_wide(codec, exc.start, source) from None
    if not text.strip():
        raise InputError("is empty", source=source)
    if check_binary and _text_looks_binary(text):
        raise _binary_error(source)
    return text


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
    """Decode ``data`` as UTF-8 (a BOM is dropped), else the fallback, with a warning;
    UTF-16 or UTF-32 when it starts with their byte-order mark."""
    codec = bom_encoding(data)
    if codec is not None:
        return _decode_wide(data, codec, source=source, check_binary=check_binary)
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


@contextlib.contextmanager
def _blocks(path: Path, *, source: str, gzipped: bool) -> Iterator[BinaryIO]:
    """The file, to be read in blocks; a gzip file that does not decompress is refused."""
    try:
        with _open_binary(path, gzipped) as stream:
            yield stream
    except (OSError, EOFError, zlib.error) as exc:
        if not gzipped:
            raise
        raise InputError(f"is not a readable gzip file ({exc})", source=source) from None


def _refuse(blank: bool, binary: bool, source: str) -> None:
    """Refuse an empty (all-blank) file, then a binary one."""
    if blank:
        raise InputError("is empty", source=source)
    if binary:
        raise _binary_error(source)


def _choose_encoding(path: Path, *, source: str, gzipped: bool, warn: Callable[[InputWarning], None]) -> str:
    """Read the file once, in blocks, and decide as :func:`decode` would for all of it.

    Refuses a gzip file that does not decompress, an empty (all-blank) file and a binary
    file, in that order, with the same messages as reading the whole file at once.
    """
    wide = _choose_wide(path, source=source, gzipped=gzipped)
    if wide is not None:
        return wide
    head = b""
    blank = True
    valid = True
    bad_at = 0
    undefined = False
    offset = 0
    bom = False
    decoder = codecs.getincrementaldecoder("utf-8")()
    with _blocks(path, source=source, gzipped=gzipped) as stream:
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
    _refuse(blank, looks_binary(head), source)
    if valid:
        return "utf-8-sig"
    used = "latin-1" if undefined else FALLBACK_ENCODING
    # as decode() reports it: after a BOM, offsets count from the end of the BOM
    warn(_fallback_warning(source, bad_at - 3 if bom else bad_at, used))
    return used


def _choose_wide(path: Path, *, source: str, gzipped: bool) -> str | None:
    """UTF-16 or UTF-32 for a file that starts with their byte-order mark (checked
    whole, a block at a time, as :func:`decode` checks it); None for any other file."""
    with _blocks(path, source=source, gzipped=gzipped) as stream:
        block = stream.read(4)
        codec = bom_encoding(block)
        if codec is None:
            return None
        block += stream.read(_BLOCK)
        decoder = codecs.getincrementaldecoder(codec)()
        head = ""
        blank = True
        offset = 0
        while block:
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as exc:
                raise _not_wide(codec, offset + exc.start, source) from None
            if len(head) < _SNIFF:
                head += text[: _SNIFF - len(head)]
            blank = blank and not text.strip()
            offset += len(block)
            block = stream.read(_BLOCK)
        try:
            rest = decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise _not_wide(codec, offset, source) from None
    _refuse(blank and not rest.strip(), _text_looks_binary(head), source)
    return codec


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
