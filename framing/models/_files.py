"""Reading a shipped model file: its bytes checked against a digest, its JSON against what it must hold."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["check_header", "read_model_json", "write_model_json"]


def read_model_json(
    path: str | Path | None,
    sha256: str | None,
    model_id: str,
    formats: tuple[int, ...],
    *,
    shipped: tuple[Path, str],
) -> tuple[Path, Mapping[str, Any]]:
    """The path and the JSON object of a model file (gzip-compressed where its name ends
    in ``.gz``): ``path``, or the shipped file ``shipped[0]`` when it is None, which must
    then hash to ``shipped[1]``.

    Refused with an :class:`~framing.errors.InputError` that names the file and the fix:
    bytes whose SHA-256 differs from the one expected, a file that is not JSON, or an
    object whose ``model_id`` or ``format_version`` is not this model's."""
    path = shipped[0] if path is None else Path(path)
    if sha256 is None and path.resolve() == shipped[0].resolve():
        sha256 = shipped[1]
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the model file: {exc.strerror or exc}", source=source) from None
    if sha256 is not None and hashlib.sha256(raw).hexdigest() != sha256:
        raise InputError(
            f"the {model_id} model file's SHA-256 is {hashlib.sha256(raw).hexdigest()}, expected {sha256}: "
            "it was changed or damaged; reinstall framing",
            source=source,
        )
    try:
        text = gzip.decompress(raw) if path.name.endswith(".gz") else raw
        data = json.loads(text.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a {model_id} model file: {exc}", source=source) from None
    if not isinstance(data, Mapping):
        raise InputError(f"not a usable {model_id} model: expected a JSON object", source=source)
    if data.get("model_id") != model_id:
        raise InputError(
            f"not a usable {model_id} model: model_id is {data.get('model_id')!r}", source=source
        )
    if data.get("format_version") not in formats:
        raise InputError(
            f"not a usable {model_id} model: format_version is {data.get('format_version')!r}, "
            f"this framing reads {' or '.join(map(str, formats))}",
            source=source,
        )
    return path, data


def check_header(
    data: Any,
    model_id: str,
    formats: tuple[int, ...],
    retrain: str,
    refuse: Callable[[str], InputError],
) -> int:
    """The format version of a model's JSON data, once its header is checked: refused
    (through ``refuse``, which words the error for the model) when ``data`` is not an
    object, names another model, or has a format this framing does not read; the fix
    named is ``retrain``, the tool that builds the model."""
    if not isinstance(data, Mapping):
        raise refuse(f"expected a JSON object, found {type(data).__name__}")
    if data.get("model_id") != model_id:
        raise refuse(f"model_id is {data.get('model_id')!r}, expected {model_id!r}")
    version = data.get("format_version")
    if version not in formats:
        raise refuse(
            f"format_version is {version!r}, but this version of framing reads "
            f"format_version {' or '.join(map(str, formats))}; retrain with {retrain}"
        )
    return int(version)


def write_model_json(data: Mapping[str, Any], path: Path) -> Path:
    """Write a model as JSON (gzip-compressed where the name ends in ``.gz``); same
    model, same bytes."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    if path.name.endswith(".gz"):
        text = gzip.compress(text, compresslevel=9, mtime=0)
    path.write_bytes(text)
    return path
