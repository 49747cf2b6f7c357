"""The table: one row per actor of an article, as the report and the JSON show it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ...metrics.actors import (
    ActorAct,
    ActorEvaluation,
    ActorRow,
    ActorTone,
    Portrayal,
    ToneByGroup,
    ToneOverall,
)
from ...metrics.groups import ByVoiceGroup
from ...plural import plural
from ...text.names import speaker_key
from ..base import voice_group
from .mentions import LINKED, Actor
from .reading import Clue

__all__ = ["Heard", "Portrait", "actor_rows", "speaks_words", "summary", "words_by_speaker_key"]

#: The voice groups, in the order of the fields of ``ByVoiceGroup`` and ``ToneByGroup``.
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
    does: list[ActorAct] = field(default_factory=list)
    done_to: list[ActorAct] = field(default_factory=list)
    evaluations: list[ActorEvaluation] = field(default_factory=list)
    clues: list[Clue] = field(default_factory=list)
    voices: dict[tuple[str, str | None], Heard] = field(default_factory=dict)

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
    portrayals: Mapping[str, Portrayal],
    speaks: Mapping[str, int],
    known: Mapping[str, frozenset[str]] | None = None,
) -> list[ActorRow]:
    """The rows of the actors table, most mentioned first: one for each actor mentioned
    outside the furniture, with its portrayal from ``portrayals`` (by actor id)."""
    rows: list[ActorRow] = []
    by_key = words_by_speaker_key(speaks)
    for p in portraits:
        a = p.actor
        mentions = [m for m in a.mentions if m[3] != "furniture"]
        if not mentions:
            continue
        counts = Counter(voice_group(m[3]) for m in mentions)
        rows.append(
            ActorRow(
                id=a.id,
                name=a.name,
                kind=a.kind,
                mentions=ByVoiceGroup(*(counts.get(g, 0) for g in _GROUPS)),
                aliases=dict(a.aliases.most_common()),
                linked={how: sum(1 for h in a.linked.values() if h == how) for how in LINKED},
                speaks_words=speaks_words(a, by_key, known or {}),
                tone=ActorTone(ToneByGroup(*_means(p.tone)), _overall(p.signals), _overall(p.model)),
                quoted_by={k: _mean(v) for k, v in sorted(p.quoted_by.items())},
                does=tuple(p.does),
                done_to=tuple(p.done_to),
                evaluations=tuple(p.evaluations),
                portrayal=portrayals[a.id],
            )
        )
    rows.sort(key=lambda r: (-r.mentions.total, r.name))
    return rows


def _means(by_group: Mapping[str, Sequence[float]]) -> tuple[float | None, float | None, float | None]:
    """The mean score in each voice group: own, quoted, reported (None where there is none)."""
    own, quoted, reported = (_mean(by_group.get(g, [])) for g in _GROUPS)
    return own, quoted, reported


def _overall(by_group: Mapping[str, Sequence[float]]) -> ToneOverall:
    """The mean score in each voice group and over all of them."""
    return ToneOverall(*_means(by_group), _mean([x for v in by_group.values() for x in v]))


def summary(row: ActorRow) -> str:
    """One line on how an actor is portrayed in the article, for a tooltip: how often
    each voice mentions it, its role in the outlet's words and in each quoted voice that
    gives one."""
    m = row.mentions
    total = m.total
    parts = [
        f"{row.name}: {total} {plural('mention', total)} ({m.own} in the outlet's words, "
        f"{m.quoted + m.reported} in quoted or reported words)",
        f"cast as {row.portrayal.own.role} in the outlet's words",
    ]
    cast = [c for c in row.portrayal.quoted if c.role != "neutral"][:3]
    if cast:
        parts.append(
            "by those it quotes: " + ", ".join(f"{c.role} to {c.speaker or 'an unnamed voice'}" for c in cast)
        )
    return "; ".join(parts) + "."
