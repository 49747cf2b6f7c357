"""Notices about loaded words: how many each outlet uses in its own voice, and an
outlet whose loaded words are all someone else's."""

from __future__ import annotations

from typing import NamedTuple

from ..metrics import LoadedMetrics
from .inputs import Inputs, evidence, plural, rate, whole
from .templates import FEW_WORDS, Candidate, template
from .view import Evidence

__all__ = ["loaded_candidates"]

_OWN = ("narration", "headline")


def _where(quoted_n: int, reported_n: int) -> str:
    if reported_n == 0:
        return "inside quotations"
    if quoted_n == 0:
        return "in reported speech (its wording of what someone said)"
    return "inside quotations or reported speech"


def _loaded_evidence(inputs: Inputs, index: int, own: bool, limit: int = 3) -> tuple[Evidence, ...]:
    found = [
        f
        for f in inputs.views[index].findings
        if f.analyzer == "loaded" and (f.voice in _OWN) == own and f.voice != "mention"
    ]
    return tuple(evidence(inputs, index, f.start, f.end, "loaded") for f in found[:limit])


class _Counts(NamedTuple):
    at: int  # the article's position
    own: int
    own_words: int
    rate: float
    quoted: int
    reported: int


def loaded_candidates(inputs: Inputs) -> list[Candidate]:
    views = inputs.views
    out: list[Candidate] = []
    numbers: list[_Counts] = []
    for i, v in enumerate(views):
        loaded = v.loaded or LoadedMetrics()
        own_words = loaded.own_words
        numbers.append(
            _Counts(i, loaded.own, own_words, float(loaded.per_1000_own), loaded.quoted, loaded.reported)
        )
        out.append(
            Candidate(
                "few_own_words",
                {"article": v.label, "own_words": own_words, "articles": len(views)},
                {"own_words": whole(own_words)},
                size=0.0,
            )
        )
    steady = [n for n in numbers if n.own_words >= FEW_WORDS]
    low_index = None
    if len(steady) >= 2:
        high = max(steady, key=lambda n: (n.rate, -n.at))
        low = min(steady, key=lambda n: (n.rate, n.at))
        lo_view = views[low.at]
        others_loaded = low.quoted + low.reported
        if low.own == 0:
            low_part = f"none that framing finds in its {whole(low.own_words)} words"
            if others_loaded:
                low_part += (
                    f": its {whole(others_loaded)} {plural(others_loaded, 'is', 'are all')} "
                    f"{_where(low.quoted, low.reported)}"
                )
        else:
            low_part = f"{rate(low.rate)} ({whole(low.own)} in {whole(low.own_words)} words)"
        values = {
            "high": views[high.at].label,
            "high_rate": high.rate,
            "high_count": high.own,
            "high_words": high.own_words,
            "low": lo_view.label,
            "low_rate": low.rate,
            "low_count": low.own,
            "low_words": low.own_words,
            "low_quoted": low.quoted,
            "low_reported": low.reported,
        }
        ev = _loaded_evidence(inputs, high.at, own=True)
        if low.own == 0:
            ev += _loaded_evidence(inputs, low.at, own=False, limit=2)
        out.append(
            Candidate(
                "own_rate_gap",
                values,
                {
                    "high_rate": rate(high.rate),
                    "high_count": whole(high.own),
                    "high_words": whole(high.own_words),
                    "low_part": low_part,
                },
                ev,
                size=min(1.0, (high.rate - low.rate) / 40),
            )
        )
        if high.at != low.at and template("own_rate_gap").fires(values):
            low_index = low.at
    for n in numbers:
        if n.at == low_index:
            continue  # the sentence above says it
        total = n.quoted + n.reported
        out.append(
            Candidate(
                "all_loaded_quoted",
                {
                    "article": views[n.at].label,
                    "own": n.own,
                    "own_words": n.own_words,
                    "quoted": n.quoted,
                    "reported": n.reported,
                    "articles": len(views),
                },
                {
                    "own_words": whole(n.own_words),
                    "loaded": f"{whole(total)} loaded {plural(total, 'word', 'words')}",
                    "where": _where(n.quoted, n.reported),
                },
                _loaded_evidence(inputs, n.at, own=False),
                size=min(1.0, total / 10),
            )
        )
    return out
