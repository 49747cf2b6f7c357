"""Roles: how an article casts each actor (villain, victim, hero or neutral), by voice.

The clues of :mod:`.reading` are gathered per actor and voice: the outlet's own voice
(narration and headline) and, apart, each person it quotes or reports. A voice casts the
actor in a role when the evidence for that role is strong enough and clearly ahead of
the evidence for any other (:func:`rule_role`); otherwise the actor is ``neutral`` there
(no evidence, or a balanced mix). Where a trained model is given
(:mod:`framing.models.portrayal`), it reads the same evidence as counts and the rules'
verdict is weighed with its probabilities (:func:`decide`).

Every role comes with the evidence behind it, each span with a one-line reason a student
can read ("ICE is the agent of 'brutalizing the community'", "Jaime Alanis suffers
'died'"). Portrayal is not tone: a person who suffers harm sits among sad words, and is
cast as a victim, not as a villain.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...metrics.actors import Cast, Evidence, Portrayal, RoleDecision
from .mentions import Actor
from .reading import ROLES, Clue
from .table import Heard

__all__ = [
    "ALL_ROLES",
    "RULE_MARGIN",
    "RULE_THRESHOLD",
    "Tellings",
    "cast_actor",
    "decide",
    "reason",
    "rule_role",
    "tally",
    "voice_features",
]

#: The four roles, neutral last.
ALL_ROLES = (*ROLES, "neutral")
#: The evidence (sum of weights, 1 to 3 a clue) a role needs in one voice ...
RULE_THRESHOLD = 2.0
#: ... and how many times the next role's evidence it must be.
RULE_MARGIN = 1.5
#: At most this many evidence spans are kept per role and voice (the strongest first).
MAX_EVIDENCE = 6


def _who(speaker: str | None) -> str:
    return speaker or "someone the article does not name"


def _plural(name: str, kind: str) -> bool:
    last = name.lower().split()[-1] if name.split() else ""
    return kind == "group" or last in ("police", "people") or (kind != "person" and last.endswith("s"))


def reason(name: str, clue: Clue, words: str, kind: str = "person") -> str:
    """One line a student can read on what ``clue`` says about ``name``."""
    said = f"'{words}'"
    many = _plural(name, kind)
    is_, suffers = ("are", "suffer") if many else ("is", "suffers")
    if clue.negated:
        return f"{name}: {said} is denied, so it casts no role."
    if clue.how == "label":
        return f"{name} {is_} called {said}."
    cat, how = clue.category, clue.how
    if cat == "blame":
        return f"{_who(clue.speaker)} blames {name}: {said}."
    if cat == "praise":
        return f"{_who(clue.speaker)} praises {name}: {said}."
    if cat == "guilt":
        return f"{name} {is_} found guilty: {said}."
    if cat == "suffer" or (how == "patient" and clue.role == "victim"):
        return f"{name} {suffers} {said}."
    if how == "agent" and clue.role == "villain":
        return f"{name} {is_} the agent of {said}."
    if cat == "rescue":
        return (
            f"{name} {'rescue' if many else 'rescues'}: {said}."
            if how == "agent"
            else f"{name} {is_} rescued: {said}."
        )
    if cat == "help":
        return f"{name} {'help' if many else 'helps'}: {said}."
    if cat == "resist":
        if how == "agent":
            return f"{name} {'stand' if many else 'stands'} up to someone: {said}."
        return f"{name} {is_} stood up to: {said}."
    return f"{name}: {said} ({how})."


def tally(clues: Iterable[Clue]) -> dict[str, float]:
    """The evidence for each role: the sum of the weights of the clues the patterns tie
    to the actor (not those only near it), denied acts left out."""
    out = dict.fromkeys(ROLES, 0.0)
    for c in clues:
        if not c.negated and not c.how.startswith("near_"):
            out[c.role] += c.weight
    return out


def rule_role(
    scores: Mapping[str, float], threshold: float = RULE_THRESHOLD, margin: float = RULE_MARGIN
) -> tuple[str, float]:
    """The role the rules read from the evidence of one voice, and how sure they are.

    A role needs ``threshold`` of evidence and ``margin`` times the next role's; its
    confidence grows with its lead (0.5 at the threshold, near 1 far beyond). Neutral's
    confidence is how far the strongest role falls short."""
    ranked = sorted(ROLES, key=lambda r: (-scores.get(r, 0.0), ROLES.index(r)))
    best, second = scores.get(ranked[0], 0.0), scores.get(ranked[1], 0.0)
    if best >= threshold and best >= margin * second and best > second:
        lead = best - second
        return ranked[0], round(lead / (lead + threshold), 4)
    return "neutral", round(1.0 - min(best, threshold) / (2 * threshold), 4)


class RoleModel(Protocol):
    """A trained reader of the evidence (:class:`framing.models.portrayal.PortrayalClassifier`):
    the features of one voice give a probability per role; a role other than neutral is
    taken where the rules see none and its probability reaches ``threshold``."""

    threshold: float

    def __call__(self, features: Mapping[str, float]) -> Mapping[str, float]: ...


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def voice_features(
    voice: str, kind: str, clues: Sequence[Clue], heard: Heard, other_mentions: int, speaks: int
) -> dict[str, float]:
    """What a trained model reads of one voice's telling of an actor, as named numbers,
    each named with the voice (``own:...`` or ``quoted:...``, so that one model weighs
    the two apart): the evidence by where the actor stands and the role it points to
    (log-scaled sums of weights), denied acts, the rules' verdict, how much the voice
    mentions the actor and the others do, what kind of actor it is, whether it speaks,
    and the tone of the sentences around it (VADER, the lexicon-and-rules score, the
    classifier)."""
    out: dict[str, float] = defaultdict(float)
    for c in clues:
        if c.negated:
            out["denied"] += 1.0
        else:
            out[f"{c.how}:{c.role}"] += c.weight
            if c.category in ("blame", "praise"):
                out[f"judged:{c.role}"] += c.weight
            if c.weight == 1:
                out[f"weak:{c.role}"] += 1.0
    for key in list(out):
        out[key] = math.log1p(out[key])
    rule, _ = rule_role(tally(clues))
    if rule != "neutral":
        out[f"rule:{rule}"] = 1.0
    out[f"kind:{kind}"] = 1.0
    out["mentions"] = math.log1p(heard.mentions)
    out["other_mentions"] = math.log1p(other_mentions)
    out["speaks"] = math.log1p(speaks)
    out["labels"] = math.log1p(heard.labels)
    out["tone"] = _mean(heard.tone)
    out["lexicon_tone"] = _mean(heard.signals)
    out["classifier"] = _mean(heard.classifier)
    out["classifier_missing"] = 0.0 if heard.classifier else 1.0
    out["bias"] = 1.0
    return {f"{voice}:{k}": v for k, v in out.items()}


def _merge(parts: Iterable[Heard]) -> Heard:
    out = Heard()
    for h in parts:
        out.mentions += h.mentions
        out.tone += h.tone
        out.signals += h.signals
        out.classifier += h.classifier
        out.labels += h.labels
    return out


Voice = tuple[str, str | None]


@dataclass(frozen=True)
class Tellings:
    """An actor's clues by voice (a clue two mentions repeat counted once), with what
    each voice mentions, and the features a model reads of each."""

    actor: Actor
    clues: Mapping[Voice, Sequence[Clue]]
    heard: Mapping[Voice, Heard]
    speaks: int

    @classmethod
    def of(
        cls, actor: Actor, clues: Sequence[Clue], heard: Mapping[Voice, Heard] | None = None, speaks: int = 0
    ) -> Tellings:
        seen: set[tuple[int, int, str, str | None]] = set()
        by_voice: dict[Voice, list[Clue]] = defaultdict(list)
        for c in sorted(clues, key=lambda c: (c.start, c.end, c.role, c.how)):
            key = (c.start, c.end, c.role, c.speaker)
            if key in seen:
                continue
            seen.add(key)
            by_voice[(c.voice, c.speaker if c.voice == "quoted" else None)].append(c)
        for voice in heard or {}:
            by_voice.setdefault(voice, [])
        by_voice.setdefault(("own", None), [])
        return cls(actor, dict(by_voice), dict(heard or {}), speaks)

    def mentions(self, voice: str) -> int:
        return sum(h.mentions for k, h in self.heard.items() if k[0] == voice)

    def features(self, voice: Voice | str) -> dict[str, float]:
        """The features of one voice, or of every quoted voice together (``"quoted"``)."""
        if isinstance(voice, str):
            group = [c for k, g in self.clues.items() if k[0] == voice for c in g]
            heard = _merge(h for k, h in self.heard.items() if k[0] == voice)
            kind = voice
        else:
            group = list(self.clues.get(voice, ()))
            heard = self.heard.get(voice, Heard())
            kind = voice[0]
        other = self.mentions("quoted" if kind == "own" else "own")
        return voice_features(kind, self.actor.kind, group, heard, other, self.speaks)


#: What a role needs for the model to take it, by voice: the least weight of its clues,
#: and whether words merely near the actor count (see :func:`evidenced`).
_EVIDENCE = {"own": (RULE_THRESHOLD, False), "quoted": (1.0, True)}


def evidenced(clues: Iterable[Clue], least: float = RULE_THRESHOLD, near: bool = False) -> set[str]:
    """The roles that clues point to with at least ``least`` of weight (near words
    included, denied acts not), one of them of weight 2 or more and, unless ``near``,
    tied to the actor by a pattern: in the outlet's own voice, words merely near an
    actor are not enough for the model to cast it, and nowhere are weak clues ("raids",
    "arrested", often simply the job). In quoted voices words near an actor are what
    people say about it, and may do."""
    weight: dict[str, float] = defaultdict(float)
    strongest: dict[str, int] = defaultdict(int)
    for c in clues:
        if not c.negated:
            weight[c.role] += c.weight
            if near or not c.how.startswith("near_"):
                strongest[c.role] = max(strongest[c.role], c.weight)
    return {role for role, w in weight.items() if w >= least and strongest[role] >= min(least, 2)}


def decide(
    rules: tuple[str, float],
    proba: Mapping[str, float] | None,
    threshold: float,
    evidenced: Iterable[str] = ROLES,
) -> RoleDecision:
    """The role of one voice: the rules' where they see one; else the model's likeliest
    role other than neutral, where its probability reaches ``threshold`` and some clue
    points to it (``evidenced``: a role is never read from tone alone); else neutral.
    Confidence is the rules' (see :func:`rule_role`) or the model's probability."""
    role, confidence = rules
    if role != "neutral" or proba is None:
        return RoleDecision(role, confidence, "rules" if role != "neutral" else "none", role, proba)
    allowed = [r for r in ROLES if r in set(evidenced)]
    best = max(allowed or ROLES, key=lambda r: (proba.get(r, 0.0), -ROLES.index(r)))
    if allowed and proba.get(best, 0.0) >= threshold:
        return RoleDecision(best, round(float(proba[best]), 4), "model", role, proba)
    return RoleDecision("neutral", round(1.0 - float(proba.get(best, 0.0)), 4), "none", role, proba)


def cast_actor(
    tellings: Tellings,
    to_evidence: Callable[[Clue, Actor], Evidence],
    model: RoleModel | None = None,
) -> Portrayal:
    """An actor's roles in every voice, with the evidence behind each.

    ``to_evidence`` turns a clue into an :class:`Evidence` with its reason. The rules
    decide where they see a role; a ``model`` reads :meth:`Tellings.features` where they
    do not (:func:`decide`). ``quoted`` holds one role per speaker; ``quoted_role`` is
    the role in quoted voices taken together: the one most speakers give by the rules,
    else the model's reading of all quoted words.
    """

    def probabilities(voice: Voice | str) -> Mapping[str, float] | None:
        if model is None:
            return None
        return {r: round(float(p), 4) for r, p in model(tellings.features(voice)).items()}

    threshold = model.threshold if model is not None else 1.0
    actor = tellings.actor
    casts: dict[Voice, Cast] = {}
    for (voice, speaker), group in tellings.clues.items():
        scores = tally(group)
        decision = decide(
            rule_role(scores),
            probabilities((voice, speaker)),
            threshold,
            evidenced(group, *_EVIDENCE[voice]),
        )
        role = decision.role
        near = decision.decided_by == "model" and not scores.get(role)  # only near words point to it
        kept = sorted(
            (
                c
                for c in group
                if (near or not c.how.startswith("near_"))
                and (c.negated or c.role == role or role == "neutral")
            ),
            key=lambda c: (c.negated, c.how.startswith("near_"), -c.weight, c.start),
        )[:MAX_EVIDENCE]
        evidence = tuple(sorted((to_evidence(c, actor) for c in kept), key=lambda e: (e.start, e.end)))
        casts[(voice, speaker)] = Cast(
            voice,
            speaker,
            decision.role,
            decision.confidence,
            decision.decided_by,
            decision.rules,
            decision.model,
            evidence,
            scores,
        )
    own = casts.pop(("own", None))
    quoted = sorted(casts.values(), key=lambda c: (c.role == "neutral", -c.confidence, c.speaker or ""))
    proba = probabilities("quoted") if quoted else None
    every = [c for k, g in tellings.clues.items() if k[0] == "quoted" for c in g]
    overall = decide(
        quoted_role([c for c in quoted if c.decided_by == "rules"]),
        proba,
        threshold,
        evidenced(every, *_EVIDENCE["quoted"]),
    )
    return Portrayal(own, tuple(quoted), overall)


def quoted_role(casts: Sequence[Cast]) -> tuple[str, float]:
    """The role the people an article quotes cast an actor in most often (ties: the
    surer), with the highest confidence among them; neutral when none does."""
    count: dict[str, list[float]] = defaultdict(list)
    for c in casts:
        if c.role != "neutral":
            count[c.role].append(c.confidence)
    if not count:
        return "neutral", 0.5
    role = max(count, key=lambda r: (len(count[r]), max(count[r]), -ALL_ROLES.index(r)))
    return role, max(count[role])
