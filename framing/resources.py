"""Where framing's packaged data lives: built-in lexicons, templates and data files.

In an installed package the top-level ``lexicons/`` folder of the source tree is
shipped as ``framing/lexicons``; in a source checkout it is read where it is. Nothing
is ever downloaded or written here.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:
    from importlib.abc import Traversable

from .errors import ResourceError

__all__ = ["data_file", "lexicon_dir", "template_dir"]


def lexicon_dir() -> Traversable:
    """The folder of built-in lexicons."""
    packaged = resources.files("framing") / "lexicons"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "lexicons"
    if checkout.is_dir():
        return checkout
    raise ResourceError(
        "framing's built-in lexicons are missing: looked in "
        f"{packaged} and {checkout}. Reinstall framing (pip install --force-reinstall framing)."
    )


def data_file(name: str) -> Traversable:
    """A file shipped in ``framing/data``."""
    path = resources.files("framing") / "data" / name
    if not path.is_file():
        raise ResourceError(f"framing's data file {name!r} is missing from {path}. Reinstall framing.")
    return path


def template_dir() -> Traversable:
    return resources.files("framing") / "renderers" / "templates"
