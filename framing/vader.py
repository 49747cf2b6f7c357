"""A faster, exact port of VADER sentiment scoring.

VADER (Hutto and Gilbert, 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text", ICWSM-14; MIT license) scores a sentence from a lexicon of
word valences and a handful of rules. This module is a faithful port of the rules of
``vaderSentiment`` 3.3.2, quirks included, written for throughput: the word lists are read
once, each token is stripped and lower-cased once, and only the tokens found in the lexicon
are scored. The lexicon and the emoji lexicon are read from the installed ``vaderSentiment``
package, so nothing is copied or downloaded.

``tests/test_vader.py`` keeps this port equal to ``vaderSentiment`` itself, on hand-written
sentences, on generated ones and on the seed articles.

Just over 500 lines: the port keeps VADER's rules in the order and shape of the original,
so each can be checked against it line by line.

>>> v = default_vader()
>>> v.polarity_scores("The book was good.")
{'neg': 0.0, 'neu': 0.508, 'pos': 0.492, 'compound': 0.4404}
>>> v.compound("The book was only kind of good.")
0.3832
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import string
from collections.abc import Mapping
from importlib.resources import files
from itertools import compress, pairwise
from types import MappingProxyType

__all__ = ["Vader", "compound", "default_vader", "vader_lexicon"]

# -- VADER 3.3.2's constants, unchanged (the tests compare them with the package's) ----

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = (
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
    "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
    "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
    "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
    "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
    "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
    "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
    "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
)  # fmt: skip

_BOOSTERS_UP = (
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
    "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
    "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
    "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
    "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
    "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
    "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
    "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
    "unusually", "utter", "utterly", "very",
)  # fmt: skip
_BOOSTERS_DOWN = (
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
    "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
    "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
    "sort-of",
)  # fmt: skip
BOOSTER_DICT: Mapping[str, float] = MappingProxyType(
    {**dict.fromkeys(_BOOSTERS_UP, B_INCR), **dict.fromkeys(_BOOSTERS_DOWN, B_DECR)}
)

SPECIAL_CASES: Mapping[str, float] = MappingProxyType(
    {
        "the shit": 3,
        "the bomb": 3,
        "bad ass": 1.5,
        "badass": 1.5,
        "bus stop": 0.0,
        "yeah right": -2,
        "kiss of death": -1.5,
        "to die for": 3,
        "beating heart": 3.5,
    }
)

_PUNCTUATION = string.punctuation
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")


def _ngram_tables(
    table: Mapping[str, float],
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, ...], float]]:
    """Split multi-word keys into two-word and three-word tuple keys.

    VADER joins tokens with single spaces and looks the result up. Tokens never hold
    whitespace, so comparing tuples of tokens is the same test, without building strings.
    Keys of one word, or of more than three, can never match VADER's two- and three-word
    joins and are left out.
    """
    two: dict[tuple[str, str], float] = {}
    three: dict[tuple[str, ...], float] = {}
    for key, value in table.items():
        parts = tuple(key.split(" "))
        if len(parts) == 2:
            two[(parts[0], parts[1])] = value
        elif len(parts) == 3:
            three[parts] = value
    return two, three


def _char_class(code_points: list[int]) -> str:
    """Return a regular-expression class matching the sorted ``code_points``, as ranges."""
    ranges: list[list[int]] = []
    for c in code_points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    parts = (re.escape(chr(a)) if a == b else re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges)
    return "[" + "".join(parts) + "]"


class Vader:
    """VADER sentiment scores, equal to ``vaderSentiment`` 3.3.2's, computed faster.

    The instance holds the lexicons and every table derived from them; it keeps no state
    between calls, so one instance can be shared.
    """

    def __init__(self) -> None:
        """Read the word and emoji lexicons that ship inside ``vaderSentiment``."""
        emoji_text = files("vaderSentiment").joinpath("emoji_utf8_lexicon.txt").read_bytes().decode("utf-8")
        lexicon = dict(vader_lexicon()[0])
        # Parsed exactly as SentimentIntensityAnalyzer.make_emoji_dict does.
        emojis: dict[str, str] = {}
        for line in emoji_text.rstrip("\n").split("\n"):
            emoji, description = line.strip().split("\t")[0:2]
            emojis[emoji] = description

        self.lexicon: dict[str, float] = lexicon
        self.emojis: dict[str, str] = emojis
        self._boosters: dict[str, float] = dict(BOOSTER_DICT)
        self._negations: frozenset[str] = frozenset(NEGATE)
        # Tokens that are scored: lexicon words that are not also boosters (VADER gives
        # boosters a zero and moves on before it looks at the lexicon).
        self._scored: frozenset[str] = frozenset(w for w in lexicon if w not in BOOSTER_DICT)
        self._special2, self._special3 = _ngram_tables(SPECIAL_CASES)
        self._booster2, self._booster3 = _ngram_tables(BOOSTER_DICT)
        pairs = {
            pair
            for key in (*self._special2, *self._special3, *self._booster2, *self._booster3)
            for pair in pairwise(key)
        }
        self._pair_first: frozenset[str] = frozenset(a for a, _ in pairs)
        self._pair_second: frozenset[str] = frozenset(b for _, b in pairs)
        # VADER replaces emojis one character at a time, so only one-character keys can
        # ever match; the longer ones (flags, skin tones, joined sequences) never do.
        singles = sorted(ord(k) for k in emojis if len(k) == 1)
        self._emoji_chars: frozenset[str] = frozenset(map(chr, singles))
        self._emoji_ascii = any(c < 128 for c in singles)
        self._emoji_re = re.compile(_char_class(singles)) if singles else None

    # -- public API -------------------------------------------------------------------

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` scores for ``text``.

        The result equals ``SentimentIntensityAnalyzer().polarity_scores(text)``.
        """
        text, n, values = self._sentiments(text)
        if not n:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(values))
        punct = self._punctuation_emphasis(text) if values else 0.0
        if sum_s > 0:
            sum_s += punct
        elif sum_s < 0:
            sum_s -= punct
        compound = _normalize(sum_s)

        pos_sum = 0.0
        neg_sum = 0.0
        for v in values:  # only non-zero values are kept; the zeros are neutral
            if v > 0:
                pos_sum += float(v) + 1
            else:
                neg_sum += float(v) - 1
        neu_count = n - len(values)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {
            "neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4),
        }

    def compound(self, text: str) -> float:
        """Return VADER's compound score for ``text``, from -1 (negative) to +1 (positive).

        Equal to ``polarity_scores(text)["compound"]``, but it skips the other scores.
        """
        text, _, values = self._sentiments(text)
        if not values:
            # Every sentiment is zero, so VADER's sum is 0.0 and normalises to 0.0.
            return 0.0
        sum_s = float(sum(values))
        if sum_s > 0:
            sum_s += self._punctuation_emphasis(text)
        elif sum_s < 0:
            sum_s -= self._punctuation_emphasis(text)
        return round(_normalize(sum_s), 4)

    # -- the rules ----------------------------------------------------------------------

    def _replace_emojis(self, text: str) -> str:
        """Replace each one-character emoji by its description, as VADER does.

        VADER puts a space before a description unless the character before the emoji is a
        space (or the emoji opens the text), and never one after it.
        """
        emojis = self.emojis

        def describe(m: re.Match[str]) -> str:
            p = m.start()
            description = emojis[m.group()]
            if p == 0 or m.string[p - 1] == " ":
                return description
            return " " + description

        assert self._emoji_re is not None
        return self._emoji_re.sub(describe, text)

    def _sentiments(self, text: str) -> tuple[str, int, list[float]]:
        """Tokenise ``text`` and score it.

        Returns the text after emoji replacement (for counting ``!`` and ``?``), the number
        of tokens, and the non-zero sentiments in token order after the "but" rule. VADER
        keeps a zero for every other token; zeros change no sum and only count as neutral.
        """
        ascii_text = text.isascii()
        if (not ascii_text or self._emoji_ascii) and not self._emoji_chars.isdisjoint(text):
            text = self._replace_emojis(text)
            ascii_text = text.isascii()
        punc = _PUNCTUATION
        # VADER strips leading and trailing punctuation from a token unless that leaves two
        # characters or fewer (emoticons), then lower-cases the token for every look-up.
        # Lower-casing ASCII text is per character, so it may come first. Otherwise the
        # tokens are stripped first (lower-casing can change a length: "İ" becomes two
        # characters) and lower-cased together: lower-casing never makes or removes
        # whitespace, and its one context rule (a word-final sigma) stops at a space.
        if ascii_text:
            low = [s if len(s := t.strip(punc)) > 2 else t for t in text.lower().split()]
        else:
            raw = text.split()
            low = " ".join([s if len(s := t.strip(punc)) > 2 else t for t in raw]).lower().split()
        n = len(low)
        # Only lexicon words that are not boosters can score; every other token is a zero.
        hits = list(compress(range(n), map(self._scored.__contains__, low)))
        if not hits:
            return text, n, []
        if ascii_text:
            raw = text.split()  # the tokens as written, for the ALL-CAPS tests

        positions: list[int] = []
        values: list[float] = []
        valence_at = self._valence
        last = n - 1
        for i in hits:
            if i < last and low[i] == "kind" and low[i + 1] == "of":
                continue  # "kind of" is a dampener: "kind" scores zero
            v = valence_at(i, raw, low)
            if v != 0:
                positions.append(i)
                values.append(v)

        if values and "but" in low:
            _but_check(positions, values, low.index("but"))
        return text, n, values

    def _valence(self, i: int, raw: list[str], low: list[str]) -> float:
        """Return the valence of the lexicon token at ``i`` after VADER's local rules.

        ``raw`` holds the tokens as written (for ALL-CAPS tests), ``low`` VADER's stripped,
        lower-cased tokens.
        """
        lexicon = self.lexicon
        boosters = self._boosters
        item = low[i]
        valence = lexicon[item]
        n = len(low)

        # "no" before a lexicon word negates that word rather than scoring itself.
        if item == "no" and i != n - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and low[i - 1] == "no")
            or (i > 1 and low[i - 2] == "no")
            or (i > 2 and low[i - 3] == "no" and low[i - 1] in _OR_NOR)
        ):
            valence = lexicon[item] * N_SCALAR

        if raw[i].isupper() and _cap_differential(raw):
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR

        if i == 0:
            return valence
        # One word back: booster, then negation.
        p1 = low[i - 1]
        if p1 not in lexicon:
            s = boosters.get(p1)
            if s is not None:
                if valence < 0:
                    s *= -1
                if raw[i - 1].isupper() and _cap_differential(raw):
                    if valence > 0:
                        s += C_INCR
                    else:
                        s -= C_INCR
                valence = valence + s
            if p1 in self._negations or "n't" in p1:
                valence = valence * N_SCALAR
        if i > 1:
            # Two words back: a damped booster, then "never so/this", "without doubt" or
            # negation.
            p2 = low[i - 2]
            if p2 not in lexicon:
                s = boosters.get(p2)
                if s is not None:
                    if valence < 0:
                        s *= -1
                    if raw[i - 2].isupper() and _cap_differential(raw):
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                    if s != 0:
                        s = s * 0.95
                    valence = valence + s
                if p2 == "never" and p1 in _SO_THIS:
                    valence = valence * 1.25
                elif p2 == "without" and p1 == "doubt":
                    pass
                elif p2 in self._negations or "n't" in p2:
                    valence = valence * N_SCALAR
            if i > 2:
                p3 = low[i - 3]
                if p3 not in lexicon:
                    s = boosters.get(p3)
                    if s is not None:
                        if valence < 0:
                            s *= -1
                        if raw[i - 3].isupper() and _cap_differential(raw):
                            if valence > 0:
                                s += C_INCR
                            else:
                                s -= C_INCR
                        if s != 0:
                            s = s * 0.9
                        valence = valence + s
                    # VADER's test reads ``(never and so/this two back) or so/this one back``,
                    # so any "so" or "this" just before the word multiplies it by 1.25 here.
                    if (p3 == "never" and p2 in _SO_THIS) or p1 in _SO_THIS:
                        valence = valence * 1.25
                    elif p3 == "without" and (p2 == "doubt" or p1 == "doubt"):
                        pass
                    elif p3 in self._negations or "n't" in p3:
                        valence = valence * N_SCALAR
                    # Every idiom and two-word booster contains a pair of neighbouring
                    # words (first, second); skip the look-ups when no such pair is here.
                    first, second = self._pair_first, self._pair_second
                    if (
                        (p1 in first and item in second)
                        or (p2 in first and p1 in second)
                        or (p3 in first and p2 in second)
                        or (i < n - 1 and item in first and low[i + 1] in second)
                    ):
                        valence = self._special_idioms(valence, low, i)

        # "least" before the word negates it, except in "at least" and "very least".
        if p1 == "least" and "least" not in lexicon:
            if i > 1:
                if low[i - 2] != "at" and low[i - 2] != "very":
                    valence = valence * N_SCALAR
            else:
                valence = valence * N_SCALAR
        return valence

    def _special_idioms(self, valence: float, low: list[str], i: int) -> float:
        """Apply VADER's special-case idioms and two-word boosters around token ``i``."""
        special2 = self._special2
        special3 = self._special3
        w0, p1, p2, p3 = low[i], low[i - 1], low[i - 2], low[i - 3]
        found = special2.get((p1, w0))
        if found is None:
            found = special3.get((p2, p1, w0))
        if found is None:
            found = special2.get((p2, p1))
        if found is None:
            found = special3.get((p3, p2, p1))
        if found is None:
            found = special2.get((p3, p2))
        if found is not None:
            valence = found
        n = len(low)
        if n - 1 > i:
            found = special2.get((w0, low[i + 1]))
            if found is not None:
                valence = found
        if n - 1 > i + 1:
            found = special3.get((w0, low[i + 1], low[i + 2]))
            if found is not None:
                valence = found
        for found in (
            self._booster3.get((p3, p2, p1)),
            self._booster2.get((p3, p2)),
            self._booster2.get((p2, p1)),
        ):
            if found is not None:
                valence = valence + found
        return valence

    @staticmethod
    def _punctuation_emphasis(text: str) -> float:
        """Return VADER's boost for ``!`` (up to four) and ``?`` (two or more)."""
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier: float = 0
        if qm_count > 1:
            if qm_count <= 3:
                qm_amplifier = qm_count * 0.18
            else:
                qm_amplifier = 0.96
        return ep_amplifier + qm_amplifier


def _but_check(positions: list[int], values: list[float], but_at: int) -> None:
    """Apply VADER's "but" rule in place: halve what comes before, raise what follows by half.

    VADER walks its list of sentiments and finds each one again with ``list.index``, so a
    value equal to an earlier one changes that earlier entry instead of its own. Zeros
    never equal a non-zero value and stay zero, so walking only the non-zero values, in
    order, gives VADER's result.
    """
    for k in range(len(values)):
        sentiment = values[k]
        si = values.index(sentiment)
        if positions[si] < but_at:
            values[si] = sentiment * 0.5
        elif positions[si] > but_at:
            values[si] = sentiment * 1.5


def _cap_differential(raw: list[str]) -> bool:
    """Return True when some, but not all, tokens are ALL CAPS (VADER's ``is_cap_diff``).

    VADER tests its stripped tokens; stripping removes only ASCII punctuation, which has no
    case, so testing the tokens as written gives the same answer.
    """
    n_upper = sum(map(str.isupper, raw))
    return 0 < n_upper < len(raw)


def _normalize(score: float, alpha: float = 15) -> float:
    """Map a sum of valences into -1..1, as VADER's ``normalize`` does."""
    norm_score = score / math.sqrt((score * score) + alpha)
    if norm_score < -1.0:
        return -1.0
    if norm_score > 1.0:
        return 1.0
    return norm_score


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> tuple[Mapping[str, float], str]:
    """VADER's word valences, read from the ``vaderSentiment`` package exactly as
    ``SentimentIntensityAnalyzer.make_lex_dict`` reads them, and the sha256 of the
    file's text with its line ends as ``\\n`` (a model trained on the valences records
    it, and warns when the installed lexicon differs)."""
    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes().decode("utf-8")
    lexicon: dict[str, float] = {}
    for line in text.rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return MappingProxyType(lexicon), hashlib.sha256(lines.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def default_vader() -> Vader:
    """Return a shared :class:`Vader`, built on first use."""
    return Vader()


@functools.lru_cache(maxsize=8192)
def compound(text: str) -> float:
    """:meth:`Vader.compound` of the shared :func:`default_vader`, kept for the last 8,192
    texts: the analysers of an article score the same sentence pieces (the tone analyser
    each piece, the actors analyser the piece around each mention)."""
    return default_vader().compound(text)
