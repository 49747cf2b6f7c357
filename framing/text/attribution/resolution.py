"""Resolution: who a source is, once its mention is read: pronouns resolved, names described."""

from __future__ import annotations

from ...function_words import DETERMINERS
from ..names import Speaker
from .base import UNRESOLVED, _Base
from .patterns import (
    _PARTY_AFTER,
    _UNNAMED_OPENERS,
)


class _Resolution(_Base):
    def finish(
        self, found: tuple[Speaker, tuple[int, int], str] | None, pos: int
    ) -> tuple[Speaker | None, str]:
        """Resolve pronouns and describe the source; remember persons for later."""
        if found is None:
            return None, "unresolved"
        spk, span, how = found
        if spk.kind == "pronoun":
            mention = self.people.at(*span)
            if mention is not None and mention.kind in ("pronoun", "relative") and mention.entities:
                spk, how = self.speaker_of(mention.entities), "pronoun"
            elif (
                self._last_speaker is not None
                and spk.name.lower() == "they"
                and self._last_speaker.kind not in ("person", "unresolved")
                and not self._last_speaker.named
            ):
                spk, how = self._last_speaker, "pronoun"  # 'Officials said ... They added'
            else:
                # marked, not guessed: the mention stays, the speaker is unknown
                return Speaker(UNRESOLVED, "unresolved", None, "unknown", named=False), "unresolved"
        described = self.book.describe(spk)
        if not described.named and described.kind not in ("pronoun", "unresolved"):
            name = self._common_name(described.name, span)
            described = Speaker(
                name, described.kind, described.role, described.source_type, False, described.party
            )
        code = _PARTY_AFTER.match(self.norm, span[1])
        if code and described.party is None:  # 'Sen. Bo Tate (R-Texas)'
            described = Speaker(
                described.name,
                described.kind,
                described.role,
                described.source_type,
                described.named,
                self.book.party(code.group()),
            )
        if described.kind == "person" and described.named:
            described = self._remember(described)
        if described.named or described.kind != "pronoun":
            self._last_speaker = described
        return described, how

    def _common_name(self, name: str, span: tuple[int, int]) -> str:
        """The name of a source the text does not name, as a reader would say it: "the
        order" for "The order accused ...", "sources" for "Sources say ...". A first word
        capitalised only because it opens the sentence is lowercased; a source the text
        introduces with "the", "a" or "an" is "the ..." wherever it is mentioned, so that
        "A spokesman said" and "the spokesman added" are one voice."""
        words = name.split()
        if not words:
            return name
        first = words[0]
        low = first.lower()
        if first[:1].isupper() and (
            low in self.people.common
            or low in _UNNAMED_OPENERS
            or (self.book.vague([low]) and self.book.party(low.removesuffix("s")) is None)  # not "Democrats"
        ):
            words[0] = low
        opener = self.norm[span[0] : span[1]].split()[:1]
        if opener and opener[0].lower() in ("the", "a", "an") and words[0].lower() not in DETERMINERS:
            words.insert(0, "the")
        return " ".join(words)

    def _remember(self, speaker: Speaker) -> Speaker:
        """Keep what attributions said of a person across mentions: a later bare surname
        keeps the title, source type and party an earlier mention gave."""
        known = self._known.get(speaker.name)
        merged = Speaker(
            speaker.name,
            speaker.kind,
            speaker.role or (known.role if known else None),
            speaker.source_type if speaker.source_type != "unknown" or known is None else known.source_type,
            speaker.named,
            speaker.party or (known.party if known else None),
        )
        self._known[speaker.name] = Speaker(
            merged.name,
            merged.kind,
            (known.role if known else None) or speaker.role,
            merged.source_type if known is None or known.source_type == "unknown" else known.source_type,
            merged.named,
            (known.party if known else None) or speaker.party,
        )
        return merged
