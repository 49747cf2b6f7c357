"""Paragraphs, headlines and page furniture.

Scraped articles carry the page around them: photo captions and credits, related-story
teasers, "MORE:" lines, bylines, datelines, author bios, a trailing "Discussion". None of
it is the outlet's reporting, so none of it is scored; it stays visible, dimmed, in
reports. Each rule below names what it found and why, and the report shows that reason.

Everything here works on the normalised text (see :mod:`framing.text.normalize`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["FURNITURE_KINDS", "HEADLINE_KINDS", "Block", "Layout", "analyse_layout"]

#: Kinds of page furniture, and what each is, in words for a reader.
FURNITURE_KINDS = {
    "caption": "a photo caption or credit",
    "duplicate": "a repeat of an earlier paragraph (usually a photo caption)",
    "teaser": "a link to another story",
    "byline": "the author's name",
    "date": "a date line",
    "dateline": "a dateline saying where the story was filed",
    "bio": "a note about the author",
    "label": "a section or category label",
    "trailer": "page furniture after the article (comments, sharing, tags)",
}
#: Kinds of headline voice.
HEADLINE_KINDS = {
    "title": "the headline",
    "subtitle": "the subtitle under the headline",
    "subheading": "a heading inside the article",
}

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    r"(?i)^(?:(?:published|updated|posted|last updated|first published)\s*(?:on|:)?\s*)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
    r"(?:" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + _MONTHS + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$"
)
_NAME_WORD = r"[A-Z][a-z'\-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+"
_BYLINE = re.compile(
    r"^(?:(?:by|written by|words by)\s+)?(?:"
    + _NAME_WORD
    + r")(?:\s+(?:"
    + _NAME_WORD
    + r"|de|van|von|da|del|la|le|bin|al)){1,3}(?:\s*(?:,|and|&)\s*(?:"
    + _NAME_WORD
    + r")(?:\s+(?:"
    + _NAME_WORD
    + r")){1,3})*$"
)
_BY_PREFIX = re.compile(r"(?i)^by\s+[A-Z]")
_CREDIT_AGENCIES = (
    r"AFP|AP|AP Photo|Associated Press|Reuters|Getty Images|Getty|EPA|EPA-EFE|Shutterstock|"
    r"Bloomberg|Alamy|PA|PA Images|PA Wire|Xinhua|Anadolu|SOPA Images|NurPhoto|ZUMA|"
    r"ZUMA Press|Sipa|Sipa USA|UPI|The New York Times|The Washington Post|Wikimedia Commons|"
    r"iStock|Pool|Handout|File"
)
_CAPTION = re.compile(
    r"(?i)^(?:cover|top|main|lead|header|featured|file)?\s*(?:photo|image|picture|illustration|"
    r"video|graphic|photograph)s?\s*(?:credit|courtesy)?\s*(?::|by\b)"
)
_CREDIT_TAIL = re.compile(r"(?:/|\|)\s*(?:" + _CREDIT_AGENCIES + r")\s*(?:via\s+\S+.*)?$")
_TEASER_LINE = re.compile(
    r"(?i)^(?:read more|more|related|see also|also read|read also|watch|listen|recommended|"
    r"most read|trending|more from|more on|more stories|you may also like|related stories|"
    r"related articles|read next|up next)\b[^.!?]{0,80}:?\s*$"
)
_INLINE_TEASER = re.compile(
    r"\b(?:READ MORE|MORE|RELATED|WATCH|READ|ALSO READ|SEE ALSO|RELATED STORY|LISTEN)\s*:\s+"
)
_TRAILER = re.compile(
    r"(?i)^(?:discussion|comments?|\d+\s+comments?|leave a comment|join the discussion|"
    r"share(?: this(?: article| story)?)?|share on \w+|advertisement|ad|sponsored|tags?\s*:.*|"
    r"topics?\s*:.*|filed under\s*:?.*|follow us.*|sign up.*|subscribe.*|newsletter.*|"
    r"(?:copyright|©).*|all rights reserved.*|print|email|facebook|twitter|whatsapp)\s*$"
)
_BIO = re.compile(
    r"^(?:[A-Z][\w'\-]+\s+){0,3}[A-Z][\w'\-]+\s+(?:is|was|has been|writes|covers)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,4}"
    r"(?:contributor|writer|reporter|journalist|correspondent|columnist|editor|author|fellow|"
    r"professor|analyst|producer|intern|freelancer|member|organizer|organiser|activist|"
    r"researcher|lecturer|student|director)\b"
)
_DATELINE = re.compile(
    r"^(?:[\d:.apm| ]*\|?\s*(?:Updated|UPDATED)?\s*)?"
    r"(?:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4})"
    r"\s*(?:\((?:AP|Reuters|AFP|CNN|UPI|Xinhua|[A-Z][\w ]{0,20})\))?\s*(?:-{1,2}|\u2014)\s+(?=[A-Z\"])"
)
_TERMINAL = set(".!?;,\"')]\u2014")


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the normalised text with a role.

    ``role`` is ``"body"``, ``"headline"`` or ``"furniture"``; ``kind`` says which
    headline or furniture (see :data:`FURNITURE_KINDS`, :data:`HEADLINE_KINDS`);
    ``reason`` says, for a reader, why it was given that role.
    """

    start: int
    end: int
    role: str
    kind: str
    reason: str = ""


@dataclass(frozen=True)
class Layout:
    paragraphs: tuple[Block, ...]
    """Every paragraph, with the role of the whole paragraph."""
    inline: tuple[Block, ...]
    """Furniture found inside body paragraphs (a "MORE:" teaser, a dateline)."""


@dataclass
class _Para:
    start: int
    end: int
    text: str
    blank_before: bool
    role: str = "body"
    kind: str = "text"
    reason: str = ""
    headline_like: bool = False
    """What :func:`_headline_like` says of the text, asked once (the rules below ask it
    of every paragraph several times)."""


def _lines(text: str) -> list[_Para]:
    out: list[_Para] = []
    pos = 0
    blank = True
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            s = pos + lead
            out.append(_Para(s, s + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


def _join_wrapped(lines: list[_Para], text: str) -> list[_Para]:
    """Join hard-wrapped lines: a line that does not end a sentence, followed by one
    that starts in lower case, continues the same paragraph."""
    paras: list[_Para] = []
    for line in lines:
        prev = paras[-1] if paras else None
        if (
            prev is not None
            and not line.blank_before
            and prev.text[-1] not in _TERMINAL
            and prev.text[-1] != ":"
            and line.text[0].islower()
        ):
            prev.end = line.end
            prev.text = text[prev.start : prev.end]
            continue
        paras.append(line)
    return paras


_WORD = re.compile(r"[\w'\-]+")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _headline_like(s: str) -> bool:
    """A short line that does not end like a sentence and starts with a capital, a digit
    or a quotation mark. Words are counted last and only up to 17: most paragraphs are
    long sentences, and this is asked of every paragraph several times."""
    core = s.rstrip("\"' ")
    if not core or (core[-1] in ".,;!?" and not s.endswith('"')):
        return False
    if core[-1] in ".,;":
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"'"):
        return False
    return 1 <= sum(1 for _ in itertools.islice(_WORD.finditer(s), 17)) <= 16


def _collapse(s: str) -> str:
    return " ".join(s.split()).casefold()


def _set(p: _Para, role: str, kind: str, reason: str) -> None:
    p.role, p.kind, p.reason = role, kind, reason


def analyse_layout(text: str, title: str | None = None) -> Layout:
    """Find paragraphs, the headline and page furniture in normalised ``text``."""
    paras = _join_wrapped(_lines(text), text)
    if not paras:
        return Layout((), ())
    n = len(paras)
    for p in paras:
        p.headline_like = _headline_like(p.text)

    # the headline: the first paragraph, when it is the article's title
    first = 0
    if title and _collapse(paras[0].text) == _collapse(title):
        _set(paras[0], "headline", "title", "the first line is the article's title")
        first = 1

    # a header of byline and date lines near the top; what sits between the title and
    # them is a subtitle (a sentence) or a label (a short line)
    header_end = -1
    for i in range(first, min(n, first + 8)):
        p = paras[i]
        if _DATE_LINE.match(p.text):
            _set(p, "furniture", "date", "a line that is only a date")
            header_end = i
        elif _BY_PREFIX.match(p.text) and len(_words(p.text)) <= 8:
            _set(p, "furniture", "byline", "a 'By ...' line naming the author")
            header_end = i
    for i in range(first, min(n, first + 8)):
        p = paras[i]
        near_date = any(0 <= j < n and paras[j].kind == "date" for j in (i - 1, i + 1))
        if p.role == "body" and near_date and _BYLINE.match(p.text):
            _set(p, "furniture", "byline", "a name on its own line beside the date")
            header_end = max(header_end, i)
    byline_names = {_collapse(p.text) for p in paras if p.kind == "byline"}
    for i in range(first, header_end):
        p = paras[i]
        if p.role != "body":
            continue
        if p.headline_like and len(_words(p.text)) <= 4:
            _set(p, "furniture", "label", "a short label above the byline")
        else:
            _set(p, "headline", "subtitle", "a summary between the headline and the byline")

    seen: dict[str, int] = {}
    for i, p in enumerate(paras):
        if p.role != "body":
            continue
        key = _collapse(_CREDIT_TAIL.sub("", p.text.replace("\u00a9", "|")).rstrip(" |"))
        if (
            "\u00a9" in p.text
            or _CAPTION.match(p.text)
            or (_CREDIT_TAIL.search(p.text) and len(_words(p.text)) <= 40)
        ):
            _set(p, "furniture", "caption", "a photo caption or credit")
        elif key in seen and len(key) > 20:
            _set(p, "furniture", "duplicate", f"repeats paragraph {seen[key] + 1}")
        elif _TEASER_LINE.match(p.text) and len(_words(p.text)) <= 10:
            _set(p, "furniture", "teaser", "a 'more stories' link line")
        elif _TRAILER.match(p.text):
            _set(p, "furniture", "trailer", "page furniture, not part of the article")
        elif byline_names and _collapse(p.text) in byline_names:
            _set(p, "furniture", "byline", "the author's name repeated")
        elif i >= n - 3 and _BIO.match(p.text):
            _set(p, "furniture", "bio", "a note about the author")
        seen.setdefault(key, i)

    # related-story teasers: a thumbnail's alt text glued to the story title makes a
    # line that ends with the line before it ("Kamala Harris Kamala Harris announces...")
    for i in range(n - 1):
        a, b = paras[i], paras[i + 1]
        if (
            len(b.text) > len(a.text)
            and a.headline_like  # (cheaper than collapsing both, and rarely true)
            and _collapse(b.text).endswith(_collapse(a.text))
        ):
            for p in (a, b):
                if p.role != "furniture":
                    _set(p, "furniture", "teaser", "a related-story link (title shown twice)")
    # teasers come in runs: headline-like lines touching a teaser join it
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(paras):
            if p.role != "body" or not p.headline_like:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < n and paras[j].kind == "teaser":
                    touching = not (p.blank_before if j < i else paras[j].blank_before)
                    if touching or paras[j].text.endswith(":"):
                        _set(p, "furniture", "teaser", "a related-story link beside others")
                        changed = True
                        break
    # a short line ending in a colon that leads into furniture or ends the page
    for i, p in enumerate(paras):
        if p.role == "body" and p.text.endswith(":") and len(_words(p.text)) <= 8:
            after = paras[i + 1 :]
            if not after or after[0].role == "furniture":
                _set(p, "furniture", "teaser", "a 'more stories' heading")
    # trailing page furniture and author notes at the end
    for p in reversed(paras):
        if p.role == "furniture":
            continue
        if p.role == "body" and (_TRAILER.match(p.text) or (p.headline_like and len(_words(p.text)) <= 2)):
            _set(p, "furniture", "trailer", "page furniture after the article")
            continue
        break

    # headings inside the body: short lines without a full stop, with text after them
    body_after = [False] * n
    seen_body = False
    for i in range(n - 1, -1, -1):
        body_after[i] = seen_body
        if paras[i].role == "body" and not paras[i].headline_like:
            seen_body = True
    for i, p in enumerate(paras):
        if p.role == "body" and p.headline_like and body_after[i]:
            if i == 0:
                _set(p, "headline", "title", "a first line that reads as a headline")
            else:
                _set(p, "headline", "subheading", "a short line without a full stop: a heading")

    inline: list[Block] = []
    body_seen = 0
    for p in paras:
        if p.role != "body":
            continue
        if body_seen < 2:
            m = _DATELINE.match(p.text)
            if m and len(_words(m.group())) <= 6:
                inline.append(
                    Block(
                        p.start,
                        p.start + m.end(),
                        "furniture",
                        "dateline",
                        "a dateline saying where the story was filed",
                    )
                )
        body_seen += 1
        for m in _INLINE_TEASER.finditer(p.text):
            start = m.start()
            rest = p.text[m.end() :]
            stop = len(rest)
            for pattern in (r'\s"', r"[.!?]\s+[A-Z]", r"\n"):
                mm = re.search(pattern, rest)
                if mm:
                    stop = min(stop, mm.start() + (1 if pattern != r'\s"' else 0))
            stop = min(stop, 250)
            inline.append(
                Block(
                    p.start + start,
                    p.start + m.end() + stop,
                    "furniture",
                    "teaser",
                    "a 'MORE:' link to another story",
                )
            )
    blocks = tuple(Block(p.start, p.end, p.role, p.kind, p.reason) for p in paras)
    return Layout(blocks, tuple(sorted(inline, key=lambda b: b.start)))
