"""What the target-sentiment model sees of a sentence: the lexicon tables it reads (VADER's
valences, framing's loaded words and cue verbs) and the feature rows made from them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from ..vader import vader_lexicon
from .target_words import (
    _AUX,
    _CLAUSE_PUNCT,
    _CLOSE_QUOTES,
    _ENTITY,
    _NEGATION_SCALAR,
    _NEGATIONS,
    _OPEN_QUOTES,
    _PRONOUNS,
    _QUOTE_MARKS,
    _REGION_KEYS,
    _TARGET,
    _VADER_SUFFIXES,
    Example,
    _char_ngrams,
    _clause,
    _Columns,
    _count_weight,
    _l2,
    _l2_binary,
    _l2_values,
    _locate,
    _named_columns,
    _ngram_columns,
    _ngrams,
    _stem,
    _weighted_columns,
)

__all__ = ["TargetFeaturizer", "project_lexicon_tables"]

# -- lexicons --------------------------------------------------------------------------


def _vader() -> tuple[Mapping[str, float], str]:
    """VADER's word valences and the sha256 of their file (framing.vader reads them)."""
    return vader_lexicon()


def project_lexicon_tables(lexicon_folder: str | Path | None = None) -> dict[str, Any]:
    """Word tables derived from framing's loaded-language and cue-verb lexicons.

    The tables are stored in the model file when a model is trained, so a model predicts the
    same way after the lexicons are edited.
    """
    from ..lexicon import load_lexicon
    from ..lexicon.inflect import term_variants
    from ..resources import lexicon_dir

    folder = Path(str(lexicon_dir())) if lexicon_folder is None else Path(lexicon_folder)
    loaded = load_lexicon(folder / "loaded-language.tsv")
    cue_verbs = load_lexicon(folder / "cue-verbs.tsv")
    single: dict[str, list[Any]] = {}
    multi: dict[str, list[Any]] = {}
    for entry in loaded.entries:
        for form in sorted(term_variants(entry)):
            key = " ".join(form.lower().split())
            (multi if " " in key else single)[key] = [entry.category, int(entry.weight)]
    cues: dict[str, str] = {}
    for entry in cue_verbs.entries:
        # a noun cue's plural stays out of the table: "claims" is the verb's ("she
        # claims"), and the table is what the shipped model was trained with
        forms = term_variants(entry) if entry.pos != "noun" else {entry.term, *entry.forms}
        for form in sorted(forms):
            key = " ".join(form.lower().split())
            if " " not in key:
                cues[key] = entry.grade
    return {
        "loaded": dict(sorted(single.items())),
        "loaded_multi": dict(sorted(multi.items())),
        "cues": dict(sorted(cues.items())),
        "sources": {lex.id: {"version": lex.version, "sha256": lex.sha256} for lex in (loaded, cue_verbs)},
    }


# -- features --------------------------------------------------------------------------


class TargetFeaturizer:
    """Turns ``(sentence, start, end)`` into a dict of named feature values.

    Blocks of sparse features are each scaled to unit length and weighted; the lexicon block
    is a set of small dense values. The same code runs when training and predicting.
    """

    def __init__(
        self,
        tables: Mapping[str, Any],
        *,
        window: int = 5,
        char_window: int = 6,
        distance_tau: float = 4.0,
        target_weight: float = 1.0,
        lexicon_weight: float = 1.0,
        context_valences: Mapping[str, float] | None = None,
    ):
        self.window = window
        self.char_window = char_window
        self.distance_tau = distance_tau
        self.target_weight = target_weight
        self.lexicon_weight = lexicon_weight
        self.context_valences: Mapping[str, float] = context_valences or {}
        self.loaded: Mapping[str, Sequence[Any]] = tables["loaded"]
        self.loaded_multi: dict[tuple[str, ...], Sequence[Any]] = {
            tuple(k.split()): v for k, v in tables["loaded_multi"].items()
        }
        self.multi_first = frozenset(key[0] for key in self.loaded_multi)
        self.cues: Mapping[str, str] = tables["cues"]
        self.vader, self.vader_sha256 = _vader()
        self._valence_cache: dict[str, float] = {}
        self._decays: list[float] = []

    def valence(self, word: str) -> float:
        """VADER valence of a lower-case word, trying a few regular inflections."""
        cached = self._valence_cache.get(word)
        if cached is not None:
            return cached
        value = self.vader.get(word)
        if value is None:
            value = 0.0
            for suffix, replacement in _VADER_SUFFIXES:
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    base = word[: -len(suffix)] + replacement
                    found = self.vader.get(base)
                    if found is None and suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                        found = self.vader.get(base[:-1])
                    if found is not None:
                        value = found
                        break
        if len(self._valence_cache) < 200_000:
            self._valence_cache[word] = value
        return value

    def _decay(self, d: int) -> list[float]:
        """``exp(-i / distance_tau)`` for every distance ``i`` up to ``d``, computed once."""
        table = self._decays
        while len(table) <= d:
            table.append(math.exp(-len(table) / self.distance_tau))
        return table

    def context_terms(
        self, sentence: str, start: int, end: int, known: Mapping[str, int]
    ) -> list[tuple[int, int, float]]:
        """``(word number, region number, weight)`` for the words of ``known`` around the target,
        in the regions of :data:`CONTEXT_REGIONS`; the weights of each region sum to one."""
        seq, ti, _ = _locate(sentence, start, end)
        terms: list[tuple[int, int, float]] = []
        for region, picked in enumerate(self._context_picks(seq, ti, _clause(seq, ti), known)):
            total = sum(w for _, w in picked)
            terms.extend((j, region, w / total) for j, w in picked)
        return terms

    def _context_picks(
        self, seq: Sequence[str], ti: int, clause: tuple[int, int], known: Mapping[str, int]
    ) -> list[list[tuple[int, float]]]:
        """For each region of :data:`CONTEXT_REGIONS`, the known words in it (not the target)
        with their weights before they are made to sum to one."""
        n = len(seq)
        k = self.window
        decay = self._decay(n)
        ids = [known.get(w, -1) for w in seq]
        spans = ((max(0, ti - k), ti), (ti + 1, min(n, ti + 1 + k)), clause, (0, n))
        return [
            [
                (ids[i], decay[abs(i - ti)] if region == 3 else 1.0)
                for i in range(lo, hi)
                if i != ti and ids[i] >= 0
            ]
            for region, (lo, hi) in enumerate(spans)
        ]

    def _positions(self, seq: Sequence[str], ti: int) -> list[str]:
        """The words next to the target by position, as feature names."""
        n = len(seq)

        def at(i: int) -> str:
            return seq[i] if 0 <= i < n else ("<s>" if i < 0 else "</s>")

        before, after = at(ti - 1), at(ti + 1)
        return [
            f"l1:{before}",
            f"r1:{after}",
            f"l2:{at(ti - 2)}",
            f"r2:{at(ti + 2)}",
            f"l3:{at(ti - 3)}",
            f"r3:{at(ti + 3)}",
            f"lr:{before}|{after}",
            "r12:" + " ".join(seq[ti + 1 : ti + 3]),
            "l21:" + " ".join(seq[max(0, ti - 2) : ti]),
        ]

    @staticmethod
    def _distances(seq: Sequence[str], ti: int, decay: list[float]) -> dict[str, float]:
        """Each word but the target with its summed weight ``exp(-distance / distance_tau)``."""
        dist: dict[str, float] = {}
        for i, w in enumerate(seq):
            if i != ti:
                dist[w] = dist.get(w, 0.0) + decay[abs(i - ti)]
        return dist

    def _chars(self, seq: Sequence[str], ti: int) -> Counter[str]:
        """The character n-grams of the words near the target, counted."""
        cw = self.char_window
        return Counter(chain.from_iterable(map(_char_ngrams, seq[max(0, ti - cw) : ti + 1 + cw])))

    def transform_one(self, sentence: str, start: int, end: int) -> dict[str, float]:
        seq, ti, target_words = _locate(sentence, start, end)
        n = len(seq)
        k = self.window
        out: dict[str, float] = {}

        # sentence, windows, positions, clause
        _l2_binary(_ngrams(seq, "s:"), 1.0, out)
        left = seq[max(0, ti - k) : ti]
        right = seq[ti + 1 : ti + 1 + k]
        _l2_binary(_ngrams(left, "l:") + _ngrams(right, "r:"), 1.0, out)
        _l2_binary(self._positions(seq, ti), 1.0, out)
        a, b = _clause(seq, ti)
        _l2_binary(_ngrams(seq[a:b], "c:"), 1.0, out)

        # distance-weighted words, the target's own words, character n-grams near the target
        decay = self._decay(n)
        dist = self._distances(seq, ti, decay)
        _l2_values(["d:" + w for w in dist], list(dist.values()), 1.0, out)
        _l2_binary(["t:" + w for w in target_words], self.target_weight, out)
        chars = self._chars(seq, ti)
        _l2_values(chars, list(map(_count_weight, chars.values())), 1.0, out)

        lexicon, pattern, extra = self._lexicon_blocks(seq, ti, target_words, (a, b), decay)
        out.update(lexicon)
        _l2(pattern, 1.0, out)
        _l2(extra, 1.0, out)
        return out

    def _lexicon_blocks(
        self,
        seq: list[str],
        ti: int,
        target_words: Sequence[str],
        clause: tuple[int, int],
        decay: list[float],
    ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """The blocks that read the words' meaning rather than their identity: the lexicon
        features (weighted, zeros left out), the polarity pattern, and what the target says
        with the word stems near it (the last two still to be scaled to unit length)."""
        n = len(seq)
        k = self.window
        a, b = clause
        # quotation, negation scope and valences
        in_quote = [False] * n
        if not _QUOTE_MARKS.isdisjoint(seq):
            quoted = False
            for i, w in enumerate(seq):
                if w in _OPEN_QUOTES and not (w == '"' and quoted):
                    quoted = in_quote[i] = True
                elif w in _CLOSE_QUOTES:
                    quoted = False
                else:
                    in_quote[i] = quoted
        negated = [False] * n
        # words hold no spaces, so "n't " is in the joined words only after a word ending in "n't"
        any_negation = not _NEGATIONS.isdisjoint(seq) or "n't " in " ".join(seq) + " "
        if any_negation:
            for i, w in enumerate(seq):
                if w in _NEGATIONS or w.endswith("n't"):
                    for j in range(i + 1, min(n, i + 4)):
                        if seq[j] in _CLAUSE_PUNCT:
                            break
                        negated[j] = True
        cached = self._valence_cache
        vals = [0.0] * n
        for i, w in enumerate(seq):
            if w not in (_TARGET, _ENTITY):
                v = cached.get(w)
                if v is None:
                    v = self.valence(w)
                vals[i] = _NEGATION_SCALAR * v if negated[i] else v

        lex: dict[str, float] = {}
        lex["q:target_in_quote"] = float(in_quote[ti])
        lex["q:has_quote"] = float(any(in_quote))
        # vals[ti] is 0 and the target is never a lexicon word, so regions may include it
        positive = [v if v > 0 else 0.0 for v in vals]
        negative = [-v if v < 0 else 0.0 for v in vals]
        if any(in_quote):
            quoted_positive = [v if q else 0.0 for v, q in zip(positive, in_quote, strict=True)]
            quoted_negative = [v if q else 0.0 for v, q in zip(negative, in_quote, strict=True)]
        else:
            quoted_positive = quoted_negative = [0.0] * n
        loaded = self.loaded
        loaded_hits = (
            []
            if loaded.keys().isdisjoint(seq)
            else [(i, loaded[w]) for i, w in enumerate(seq) if w in loaded]
        )
        expanded = self.context_valences
        if expanded:
            if any_negation:
                ev = [
                    expanded.get(w, 0.0) * (_NEGATION_SCALAR if negated[i] else 1.0)
                    for i, w in enumerate(seq)
                ]
            else:  # times 1.0 changes no number
                ev = list(map(expanded.get, seq, repeat(0.0)))
            # adding the zeros changes no sum; the negative sum of none is -0.0, left out as 0.0 is
            ev_positive = [v if v > 0 else 0.0 for v in ev]
            ev_negative = [v if v < 0 else 0.0 for v in ev]
        regions = {"L": (max(0, ti - k), ti), "R": (ti + 1, min(n, ti + 1 + k)), "C": (a, b), "S": (0, n)}
        for name, (lo, hi) in regions.items():
            pos, neg, npos, nneg, qpos, qneg, evpos, evneg = _REGION_KEYS[name]
            pos_sum = sum(positive[lo:hi])
            neg_sum = sum(negative[lo:hi])
            lex[pos] = pos_sum / 3
            lex[neg] = neg_sum / 3
            lex[npos] = float(pos_sum > 0)
            lex[nneg] = float(neg_sum > 0)
            lex[qpos] = sum(quoted_positive[lo:hi]) / 3
            lex[qneg] = sum(quoted_negative[lo:hi]) / 3
            if expanded:
                lex[evpos] = sum(ev_positive[lo:hi]) / 3
                lex[evneg] = -sum(ev_negative[lo:hi]) / 3
            for i, (category, weight) in loaded_hits:
                if lo <= i < hi:
                    lex[f"ll:{name}:{category}"] = lex.get(f"ll:{name}:{category}", 0.0) + weight / 3
                    lex[f"ll:{name}"] = lex.get(f"ll:{name}", 0.0) + weight / 3
        weighted = sum(vals[i] * decay[abs(i - ti)] for i in range(n) if vals[i])
        lex["v:dw"] = weighted / 2
        lex["v:dwpos"] = max(weighted, 0.0) / 2
        lex["v:dwneg"] = max(-weighted, 0.0) / 2
        first_words = self.multi_first
        if not first_words.isdisjoint(seq):
            for i in range(n):
                if seq[i] not in first_words:
                    continue
                for size in (2, 3, 4):
                    phrase = self.loaded_multi.get(tuple(seq[i : i + size]))
                    if phrase:
                        category, weight = phrase
                        key = f"ll:m{'L' if i < ti else 'R'}:{category}"
                        lex[key] = lex.get(key, 0.0) + weight / 3
        speaker = False
        for d in (1, 2, 3):
            if ti + d < n and seq[ti + d] in self.cues:
                lex["cue:after:" + self.cues[seq[ti + d]]] = 1.0
                lex["cue:speaker"] = 1.0
                speaker = True
                break
        for d in (1, 2):
            if ti - d >= 0 and seq[ti - d] in self.cues:
                lex["cue:before:" + self.cues[seq[ti - d]]] = 1.0
        lex["syn:start"] = float(ti == 0)
        first_verb = None
        for i, w in enumerate(seq):
            if (
                w in _AUX
                or w in self.cues
                or (w.endswith("ed") and len(w) > 4)
                or (i > 0 and seq[i - 1] in (_TARGET, _ENTITY) and w.endswith("s") and len(w) > 3)
            ):
                first_verb = i
                break
        lex["syn:subj"] = float(first_verb is not None and ti < first_verb)
        lex["syn:obj"] = float(first_verb is not None and ti > first_verb)
        lex["syn:by"] = float(ti > 0 and seq[ti - 1] == "by")
        lex["syn:poss"] = float(ti + 1 < n and seq[ti + 1] in ("'s", "'"))
        lex["syn:relpos"] = ti / max(1, n - 1)
        lex["syn:n_ents"] = min(seq.count(_ENTITY), 5) / 5
        lex["syn:pron_target"] = float(len(target_words) == 1 and target_words[0] in _PRONOUNS)
        lexicon = {key: value * self.lexicon_weight for key, value in lex.items() if value}

        # nearest sentiment words on each side, and the polarity pattern around the target
        pol = ["P" if v > 0.5 else "N" if v < -0.5 else "0" for v in vals]
        pattern: dict[str, float] = {}
        for side, steps in (("L", range(ti - 1, -1, -1)), ("R", range(ti + 1, n))):
            found = 0
            crossed = False
            for i in steps:
                if seq[i] in _CLAUSE_PUNCT:
                    crossed = True
                if pol[i] == "0":
                    continue
                d = abs(i - ti)
                bucket = "1" if d <= 1 else "2" if d <= 3 else "3" if d <= 6 else "4"
                stem = f"pp:{side}{found}:{pol[i]}"
                pattern[stem] = 1.0
                pattern[f"{stem}:{bucket}"] = 1.0
                pattern[f"{stem}:{'x' if crossed else 'c'}"] = 1.0
                pattern[f"ppv:{side}{found}"] = vals[i] / 3
                if negated[i]:
                    pattern[f"{stem}:neg"] = 1.0
                found += 1
                if found >= 2:
                    break
        shape: list[str] = []
        for i in range(max(0, ti - 4), min(n, ti + 5)):
            if i == ti:
                c = "T"
            elif pol[i] != "0":
                c = pol[i]
            elif seq[i] == _ENTITY:
                c = "E"
            elif seq[i] in _CLAUSE_PUNCT:
                c = ","
            else:
                c = "_"
            if not (c == "_" and shape and shape[-1] == "_"):
                shape.append(c)
        pattern["pat:" + "".join(shape)] = 1.0
        j = shape.index("T")
        for s in range(max(0, j - 2), j + 1):
            pattern["pat3:" + "".join(shape[s : s + 3])] = 1.0

        # what the target says, and word stems near it
        extra: dict[str, float] = {}
        if speaker or (ti > 0 and seq[ti - 1] in self.cues):
            extra["spk:pos"] = sum(v for v in vals if v > 0) / 3
            extra["spk:neg"] = sum(-v for v in vals if v < 0) / 3
        for i in range(max(0, ti - k), min(n, ti + k + 1)):
            if i != ti:
                extra[("sl:" if i < ti else "sr:") + _stem(seq[i])] = 1.0
        return lexicon, pattern, extra

    def transform(self, X: Iterable[Example]) -> list[dict[str, float]]:
        return [self.transform_one(s, a, b) for s, a, b in X]

    def columns(
        self, examples: Iterable[Example], table: _Columns, known: Mapping[str, int] | None = None
    ) -> tuple[list[int], list[float], list[int], tuple[list[int], list[int], list[float]], list[int]]:
        """What :meth:`transform_one` and :meth:`context_terms` give, for predicting: the
        features of every example as columns of ``table`` (-1 for names it does not know)
        and values, in the order of :meth:`transform_one`'s names, without writing the
        names out; how many features each example has; and when ``known`` is given, the
        context terms of every example as word numbers, region numbers and weights, with
        how many each example has."""
        names = table.names
        ngrams_s, ngrams_l, ngrams_r, ngrams_c = (table.ngrams[prefix] for prefix in "slrc")
        distance = table.distance
        k = self.window
        cols: list[int] = []
        values: list[float] = []
        sizes: list[int] = []
        term_words: list[int] = []
        term_regions: list[int] = []
        term_weights: list[float] = []
        term_sizes: list[int] = []
        for sentence, start, end in examples:
            seq, ti, target_words = _locate(sentence, start, end)
            first = len(cols)
            clause = a, b = _clause(seq, ti)
            decay = self._decay(len(seq))
            _ngram_columns(((seq, ngrams_s),), cols, values)
            _ngram_columns(
                ((seq[max(0, ti - k) : ti], ngrams_l), (seq[ti + 1 : ti + 1 + k], ngrams_r)), cols, values
            )
            _named_columns(self._positions(seq, ti), 1.0, names, cols, values)
            _ngram_columns(((seq[a:b], ngrams_c),), cols, values)
            dist = self._distances(seq, ti, decay)
            _weighted_columns(map(distance.get, dist, repeat(-1)), list(dist.values()), cols, values)
            _named_columns(["t:" + w for w in target_words], self.target_weight, names, cols, values)
            chars = self._chars(seq, ti)
            _weighted_columns(
                map(names.get, chars, repeat(-1)), list(map(_count_weight, chars.values())), cols, values
            )
            lexicon, pattern, extra = self._lexicon_blocks(seq, ti, target_words, clause, decay)
            cols.extend(map(names.get, lexicon, repeat(-1)))
            values.extend(lexicon.values())
            for block in (pattern, extra):
                _weighted_columns(map(names.get, block, repeat(-1)), list(block.values()), cols, values)
            sizes.append(len(cols) - first)
            if known is not None:
                first = len(term_words)
                for region, picked in enumerate(self._context_picks(seq, ti, clause, known)):
                    total = sum(w for _, w in picked)
                    for j, w in picked:
                        term_words.append(j)
                        term_regions.append(region)
                        term_weights.append(w / total)
                term_sizes.append(len(term_words) - first)
        return cols, values, sizes, (term_words, term_regions, term_weights), term_sizes
