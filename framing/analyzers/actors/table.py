"""The table: one row per actor of an article, as the report and the JSON show it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...text.names import speaker_key
from ..base import voice_group
from .mentions import LINKED, Actor
from .reading import Clue

__all__ = ["Heard", "Portrait", "actor_rows", "speaks_words", "summary", "words_by_speaker_key"]

_GROUPS = ("own", "quoted", "reported")


@dataclass
class Heard:
    """An actor as one voice tells it: the outlet's own, or one speaker's."""

    mentions: int = 0
    tone: list[float] = field(default_factory=list)
    signals: list[float] = field(default_factory=list)
    classifier: list[float] = field(default_factory=list)
    labels: int = 0


@dataclass
class Portrait:
    """What the reading of an actor's mentions gathered, by voice group."""

    actor: Actor
    signals: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    model: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    tone: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    quoted_by: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    does: list[dict[str, Any]] = field(default_factory=list)
    done_to: list[dict[str, Any]] = field(default_factory=list)
    evaluations: list[dict[str, Any]] = field(default_factory=list)
    clues: list[Clue] = field(default_factory=list)
    voices: dict[tuple[str, str | None], Heard] = field(default_factory=dict)
    portrayal: dict[str, Any] = field(default_factory=dict)

    def heard(self, voice: str, speaker: str | None) -> Heard:
        """The tally of one voice (``own``, or ``quoted`` with its speaker)."""
        key = (voice, speaker if voice == "quoted" else None)
        if key not in self.voices:
            self.voices[key] = Heard()
        return self.voices[key]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def words_by_speaker_key(speaks: Mapping[str, int]) -> dict[str, int]:
    """Words quoted or reported from each speaker, by the speaker's :func:`speaker_key`
    (speakers whose names give one key counted together), read once per document."""
    out: dict[str, int] = {}
    for name, n in speaks.items():
        key = speaker_key(name)
        out[key] = out.get(key, 0) + n
    return out


def speaks_words(actor: Actor, by_key: Mapping[str, int], known: Mapping[str, frozenset[str]]) -> int:
    """Words the actor itself is quoted or reported as saying: those of every speaker
    whose name is the actor's name or one of its aliases (``by_key`` from
    :func:`words_by_speaker_key`)."""
    own_keys = {speaker_key(x) for x in (actor.name, *actor.aliases)} | known.get(actor.id, frozenset())
    return sum(by_key.get(k, 0) for k in own_keys)


def actor_rows(
    portraits: Sequence[Portrait],
    speaks: Mapping[str, int],
    known: Mapping[str, frozenset[str]] | None = None,
) -> list[dict[str, Any]]:
    """The rows of the actors table, most mentioned first."""
    rows: list[dict[str, Any]] = []
    by_key = words_by_speaker_key(speaks)
    for p in portraits:
        a = p.actor
        mentions = [m for m in a.mentions if m[3] != "furniture"]
        if not mentions:
            continue
        counts = Counter(voice_group(m[3]) for m in mentions)
        all_signals = [x for v in p.signals.values() for x in v]
        all_model = [x for v in p.model.values() for x in v]
        rows.append(
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "mentions": {g: counts.get(g, 0) for g in _GROUPS},
                "aliases": dict(a.aliases.most_common()),
                "linked": {how: sum(1 for h in a.linked.values() if h == how) for how in LINKED},
                "speaks_words": speaks_words(a, by_key, known or {}),
                "tone": {
                    "vader": {g: _mean(p.tone.get(g, [])) for g in _GROUPS},
                    "lexicon": {g: _mean(p.signals.get(g, [])) for g in _GROUPS}
                    | {"all": _mean(all_signals)},
                    "classifier": {g: _mean(p.model.get(g, [])) for g in _GROUPS} | {"all": _mean(all_model)},
                },
                "quoted_by": {k: _mean(v) for k, v in sorted(p.quoted_by.items())},
                "does": p.does,
                "done_to": p.done_to,
                "evaluations": p.evaluations,
                "portrayal": p.portrayal,
            }
        )
    rows.sort(key=lambda r: (-sum(r["mentions"].values()), str(r["name"])))
    return rows


def summary(row: Mapping[str, Any]) -> str:
    """One line on how an actor is portrayed in the article, for a tooltip: how often
    each voice mentions it, its role in the outlet's words and in each quoted voice that
    gives one."""
    m = row["mentions"]
    total = sum(m.values())
    parts = [
        f"{row['name']}: {total} mention{'' if total == 1 else 's'} ({m['own']} in the outlet's words, "
        f"{m['quoted'] + m['reported']} in quoted or reported words)"
    ]
    portrayal = row.get("portrayal") or {}
    if portrayal:
        parts.append(f"cast as {portrayal['own']['role']} in the outlet's words")
        cast = [c for c in portrayal["quoted"] if c["role"] != "neutral"][:3]
        if cast:
            parts.append(
                "by those it quotes: "
                + ", ".join(f"{c['role']} to {c['speaker'] or 'an unnamed voice'}" for c in cast)
            )
    return "; ".join(parts) + "."
