"""Jobs for the worker pool's tests: module-level, so a spawned worker can import them."""

from __future__ import annotations

import os
import time
from pathlib import Path

_KEPT: list[bytearray] = []


def echo(value):
    return value, os.getpid()


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def hold_memory(megabytes: int, keep: bool = False, seconds: float = 0.0) -> int:
    """Fill ``megabytes`` of memory (kept after the answer when ``keep``), then wait."""
    block = bytearray(megabytes * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1  # touched, so it is resident
    if keep:
        _KEPT.append(block)
    time.sleep(seconds)
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


def meet(folder: str, me: str, other: str) -> str:
    """Leave a mark and wait for the other job's: returns only if both run at once."""
    Path(folder, me).touch()
    for _ in range(6000):
        if Path(folder, other).exists():
            return "met"
        time.sleep(0.01)
    return "alone"
