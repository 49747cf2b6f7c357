"""Turning bytes into text, with clear refusals and a stated fallback."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import InputError, InputWarning

__all__ = ["FALLBACK_ENCODING", "decode", "looks_binary"]

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


def decode(
    data: bytes,
    *,
    source: str,
    warn: Callable[[InputWarning], None],
    check_binary: bool = True,
) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped), else the fallback, with a warning."""
    if check_binary and looks_binary(data):
        raise InputError(
            "looks like a binary file (it contains NUL or control bytes), not text; "
            "give framing .txt, .jsonl or .csv files",
            source=source,
        )
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
    warn(
        InputWarning(
            f"{source}: not valid UTF-8 (first bad byte at offset {bad_at}); read as {used}. "
            "Save the file as UTF-8 to be sure every character is right."
        )
    )
    return text
