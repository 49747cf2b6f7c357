"""Benchmark framing's attribution extractor against PolNeAR (Newell et al., LREC 2018).

PolNeAR annotates every attribution in 2016 US campaign news as Source / Cue / Content
spans (brat standoff, character offsets into the article text). This script scores,
in one run, framing's quotes and a plain keyword baseline on one split:

* three roles (source, cue, content), each with precision, recall and F1 under exact
  span match and under overlap match (a predicted span matches a gold span of the same
  role when they share at least one character; every gold and every predicted span is
  matched at most once, greedily by largest overlap);
* attributions: a predicted attribution matches a gold one when their cues overlap (or,
  when either has no cue, when their contents overlap), again one to one.

Conventions read from the data (and applied to the predictions so that they are
comparable):

* one annotator per article: where an article has several annotators' files, the first
  in sorted order of annotator id is used;
* a gold content span of a direct quotation includes its quotation marks (and the comma
  or full stop inside them), so framing's content is taken as ``Quote.start``/``end``
  (marks included), not ``content_start``/``content_end``;
* an attribution may have a second content span (``Content2``); each is a content span
  of its own at role level, and both belong to the attribution;
* sources are shared between attributions (one ``T`` line referenced by several ``E``
  lines), so role-level spans are deduplicated by offsets, for gold and predictions;
* discontinuous spans (``start end;start end``) are kept as several segments; segments
  separated only by whitespace (brat splits a span at every line break) are merged and
  every span is trimmed of surrounding whitespace; exact match compares the segments,
  overlap counts the characters shared;
* the few ``E`` lines with no ``Cue`` use their ``Attribution`` anchor (which is the cue
  span in 99.8% of the others) as the cue.

The data is not part of the repository; it is read from ``../shared/data/polnear``
beside it (``--data`` to point elsewhere). Where it is absent the script says so and
exits 0. It asserts nothing: it is for development and error analysis.

    python benchmarks/attribution_polnear.py --split dev --details
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
ROLES = ("source", "cue", "content")

Segment = tuple[int, int]
Span = tuple[Segment, ...]


# -- data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """One attribution: its sources, cues and contents, each a tuple of spans.

    A span is a tuple of ``(start, end)`` segments (more than one for a discontinuous
    brat span). PolNeAR has at most one source and one cue per attribution and one or
    two contents; predictions have at most one of each.
    """

    sources: tuple[Span, ...] = ()
    cues: tuple[Span, ...] = ()
    contents: tuple[Span, ...] = ()

    def role(self, name: str) -> tuple[Span, ...]:
        return {"source": self.sources, "cue": self.cues, "content": self.contents}[name]


@dataclass
class Document:
    """One article of a split with the attributions of the annotator used."""

    article: str
    annotator: str
    annotators: tuple[str, ...]
    text: str
    attributions: list[Attribution] = field(default_factory=list)


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(ann: str) -> list[Attribution]:
    """Parse a PolNeAR brat ``.ann`` text into its attributions (raw offsets).

    ``T`` lines are spans (``T1<TAB>Source 120 135<TAB>text``, discontinuous as
    ``120 130;131 135``); ``E`` lines tie an attribution's parts together
    (``E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3``; a repeated role gets a
    number, ``Content2``). Notes (``#``), spans that no ``E`` line uses (``Discuss``,
    ``Discard``) and continuation lines of multi-line span texts are ignored. An ``E``
    line without a ``Cue`` uses its ``Attribution`` anchor as the cue; an ``E`` line
    with neither is dropped.
    """
    spans: dict[str, tuple[str, Span]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            segs = tuple((int(a), int(b)) for a, b in (part.split(" ") for part in m.group(3).split(";")))
            spans[m.group(1)] = (m.group(2), segs)
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(a.split(":", 1)) for a in m.group(2).split() if ":" in a]
            events.append([(k, v) for k, v in args])
    out: list[Attribution] = []
    for args in events:
        parts: dict[str, list[Span]] = {"source": [], "cue": [], "content": [], "anchor": []}
        for key, ref in args:
            if ref not in spans:
                continue
            role = re.sub(r"\d+$", "", key).lower()
            if role.startswith("attribution"):
                role = "anchor"
            if role in parts:
                parts[role].append(spans[ref][1])
        cues = parts["cue"] or parts["anchor"]
        if not cues and not parts["content"]:
            continue
        out.append(Attribution(tuple(parts["source"]), tuple(cues), tuple(parts["content"])))
    return out


def normalize_span(span: Sequence[Segment] | Segment, text: str) -> Span:
    """Trim whitespace off every segment, drop empty ones, merge those separated by
    whitespace only, in text order. Returns ``()`` for an all-blank span."""
    segs: list[list[int]] = []
    for s, e in sorted(_segments(span)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if segs and (s <= segs[-1][1] or not text[segs[-1][1] : s].strip()):
            segs[-1][1] = max(segs[-1][1], e)
        else:
            segs.append([s, e])
    return tuple((s, e) for s, e in segs)


def normalize_attribution(attr: Attribution, text: str) -> Attribution:
    """``normalize_span`` on every span of ``attr``, dropping spans left empty."""

    def norm(spans: Iterable[Span]) -> tuple[Span, ...]:
        return tuple(n for n in (normalize_span(s, text) for s in spans) if n)

    return Attribution(norm(attr.sources), norm(attr.cues), norm(attr.contents))


def load_split(root: Path | str, split: str = "dev", limit: int | None = None) -> list[Document]:
    """Read one split of PolNeAR: ``<root>/<split>/text/<article>.txt`` and
    ``<root>/<split>/attributions/<article>_<annotator>.ann``.

    Articles are taken in sorted order (the first ``limit`` of them when given); for an
    article with several annotators' files the first annotator in sorted order is used.
    Spans are normalised with ``normalize_span``. Articles without any annotation file
    are skipped.
    """
    base = Path(root) / split
    by_article: dict[str, list[str]] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        article, _, annotator = path.stem.rpartition("_")
        by_article.setdefault(article, []).append(annotator)
    docs: list[Document] = []
    for article in sorted(by_article):
        if limit is not None and len(docs) >= limit:
            break
        text_path = base / "text" / f"{article}.txt"
        if not text_path.exists():
            continue
        annotators = tuple(sorted(by_article[article]))
        with open(text_path, encoding="utf-8", newline="") as fh:  # keep offsets: no newline translation
            text = fh.read()
        ann = (base / "attributions" / f"{article}_{annotators[0]}.ann").read_text(encoding="utf-8")
        attrs = [normalize_attribution(a, text) for a in parse_ann(ann)]
        docs.append(Document(article, annotators[0], annotators, text, attrs))
    return docs


# -- scoring ------------------------------------------------------------------------------


@dataclass
class SpanScore:
    """Counts of one comparison and the matched ``(gold index, predicted index)`` pairs."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: SpanScore) -> None:
        """Add ``other``'s counts (pairs are per document and are not kept)."""
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched


def _segments(span: Sequence[Any]) -> Span:
    """Accept ``(start, end)`` or ``((start, end), ...)``."""
    if len(span) == 2 and all(isinstance(x, int) for x in span):
        return ((span[0], span[1]),)
    return tuple((int(s), int(e)) for s, e in span)


def overlap(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Characters shared by two spans (each ``(start, end)`` or a tuple of segments)."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in _segments(a) for s2, e2 in _segments(b))


def _greedy(candidates: list[tuple[int, int, int]], n_gold: int, n_pred: int) -> SpanScore:
    """One-to-one matching of ``(weight, gold, pred)`` candidates, largest weight first."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return SpanScore(n_gold, n_pred, len(pairs), sorted(pairs))


def score_spans(
    gold: Sequence[Sequence[Any]], pred: Sequence[Sequence[Any]], mode: str = "exact"
) -> SpanScore:
    """Match predicted spans to gold spans of one document and role.

    A span is ``(start, end)`` or a tuple of ``(start, end)`` segments. ``mode="exact"``:
    a pair matches when the segments are identical. ``mode="overlap"``: when they share
    at least one character. Each gold and each predicted span is matched at most once,
    greedily by largest overlap (ties: earlier gold, then earlier prediction); duplicate
    spans are not merged here.
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")
    gs = [_segments(s) for s in gold]
    ps = [_segments(s) for s in pred]
    candidates = []
    for i, g in enumerate(gs):
        for j, p in enumerate(ps):
            ov = overlap(g, p)
            if ov and (mode == "overlap" or sorted(g) == sorted(p)):
                candidates.append((ov, i, j))
    return _greedy(candidates, len(gs), len(ps))


def _union(spans: Iterable[Span]) -> Span:
    return tuple(seg for span in spans for seg in span)


def score_attributions(gold: Sequence[Attribution], pred: Sequence[Attribution]) -> SpanScore:
    """Match attributions one to one: cues overlap, or, when either has no cue, contents
    overlap; greedily by the size of that overlap."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g.cues and p.cues:
                ov = overlap(_union(g.cues), _union(p.cues))
            else:
                ov = overlap(_union(g.contents), _union(p.contents))
            if ov:
                candidates.append((ov, i, j))
    return _greedy(candidates, len(gold), len(pred))


def role_spans(attrs: Iterable[Attribution], role: str) -> list[Span]:
    """The distinct spans of one role over a document's attributions, in text order."""
    return sorted({span for a in attrs for span in a.role(role)})


# -- the two extractors -------------------------------------------------------------------

_CUE = re.compile(r"\b(?:said|says|told|tells|according\s+to)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['\u2019.\-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\s*\n\s*")
_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "it", "you"})
_THAT_BEFORE = re.compile(r"\bthat\s*$", re.IGNORECASE)


def split_sentences(text: str) -> list[Segment]:
    """Sentences by a simple regex: after ``.``/``!``/``?`` (and closing quotes) followed
    by whitespace, and at every line break."""
    out: list[Segment] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _is_source_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _PRONOUNS


def _extend_run(words: list[re.Match[str]], i: int, step: int, text: str) -> int:
    """Extend a capitalised word run from ``words[i]`` in direction ``step``."""
    while 0 <= i + step < len(words):
        a, b = (words[i], words[i + step]) if step > 0 else (words[i + step], words[i])
        gap = text[a.end() : b.start()]
        if not (words[i + step].group()[:1].isupper() and re.fullmatch(r"\.?\s+", gap)):
            break
        i += step
    return i


def _clean_content(text: str, s: int, e: int) -> Segment | None:
    while s < e and (text[s].isspace() or text[s] in ",:;\u2014-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",.;:\u2014-"):
        e -= 1
    return (s, e) if e > s else None


def baseline_attributions(text: str) -> list[Attribution]:
    """A plain keyword baseline.

    Every whole-word, case-insensitive occurrence of said / says / told / tells /
    "according to" is a cue. Its source is the nearest capitalised word sequence or
    pronoun within the 5 words before it, or after it for "according to X" and for
    "said X"/"says X" (the word right after the cue is capitalised or a pronoun). Its
    content is the rest of the sentence on the other side of the cue from the source
    (sentences split by ``split_sentences``), trimmed of surrounding punctuation; where
    that side is empty (``"...," Smith said.``, ``According to X, ...``) the part of the
    sentence beyond the source is used instead.
    """
    sentences = split_sentences(text)
    out: list[Attribution] = []
    for cue in _CUE.finditer(text):
        sent = next(((s, e) for s, e in sentences if s <= cue.start() < e), (0, len(text)))
        words = list(_WORD.finditer(text, sent[0], sent[1]))
        before = [i for i, w in enumerate(words) if w.end() <= cue.start()]
        after = [i for i, w in enumerate(words) if w.start() >= cue.end()]
        word = cue.group().lower()
        look_after = word.startswith("according") or (
            word in ("said", "says")
            and bool(after)
            and _is_source_word(words[after[0]].group())
            and not text[cue.end() : words[after[0]].start()].strip()
        )
        source: Segment | None = None
        window = after[:5] if look_after else list(reversed(before[-5:]))
        for i in window:
            w = words[i].group()
            if w[:1].isupper():
                j = _extend_run(words, i, 1 if look_after else -1, text)
                a, b = sorted((i, j))
                source = (words[a].start(), words[b].end())
                break
            if w.lower() in _PRONOUNS:
                source = (words[i].start(), words[i].end())
                break
        if look_after:
            content = _clean_content(text, sent[0], cue.start())
            if content is None and source is not None:
                content = _clean_content(text, source[1], sent[1])
        else:
            content = _clean_content(text, cue.end(), sent[1])
            if content is None and source is not None:
                content = _clean_content(text, sent[0], source[0])
        attr = Attribution(
            ((source,),) if source else (),
            (((cue.start(), cue.end()),),),
            ((content,),) if content else (),
        )
        out.append(normalize_attribution(attr, text))
    return out


def framing_attributions(text: str, pipeline: Any = None) -> list[Attribution]:
    """framing's quotes as attributions: cue ``cue_start``/``cue_end``, source
    ``speaker_start``/``speaker_end`` and content ``start``/``end`` (quotation marks
    included, the PolNeAR convention, and extended back over a complementiser "that"
    standing between the cue and the content: PolNeAR's content starts at it).

    A quote lying inside another quote with the same cue (or with no cue of its own),
    such as a partial quotation inside the reported speech that carries it, is one
    attribution in PolNeAR and is dropped. ``pipeline`` is a ``framing.Pipeline`` to
    reuse (one is built when omitted).
    """
    if pipeline is None:
        import framing

        pipeline = framing.Pipeline()
    return [a for _, a in quotes_as_attributions(text, pipeline.analyze(text).quotes)]


def quotes_as_attributions(text: str, quotes: Sequence[Any]) -> list[tuple[Any, Attribution]]:
    """Each kept quote with its attribution, by the conventions of ``framing_attributions``;
    a quotation that continues another (resolution ``continuation``, sharing its cue and
    speaker) is a further content of that attribution, as in PolNeAR."""
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    kept: list[Any] = []
    for q in ordered:
        inside = any(
            o.start <= q.start
            and q.end <= o.end
            and (q.cue_start is None or (q.cue_start, q.cue_end) == (o.cue_start, o.cue_end))
            for o in kept
        )
        if not inside:
            kept.append(q)
    out: list[tuple[Any, Attribution]] = []
    by_cue: dict[tuple[Any, Any, Any], int] = {}
    for q in kept:
        start = q.start
        that = _THAT_BEFORE.search(text[max(0, start - 12) : start])
        if that and q.cue_end is not None and q.cue_end <= start - 12 + that.start():
            start = max(0, start - 12) + that.start()  # PolNeAR's content starts at "that"
        content = normalize_span(((start, q.end),), text)
        key = (q.cue_start, q.cue_end, q.speaker)
        if q.cue_start is not None and q.resolution == "continuation" and key in by_cue:
            # a quotation that goes on after its attribution: one attribution, several contents
            k = by_cue[key]
            first, attr = out[k]
            out[k] = (first, Attribution(attr.sources, attr.cues, (*attr.contents, content)))
            continue
        cue = ((q.cue_start, q.cue_end),) if q.cue_start is not None and q.cue_end is not None else ()
        src = (
            ((q.speaker_start, q.speaker_end),)
            if q.speaker_start is not None and q.speaker_end is not None
            else ()
        )
        attr = Attribution((src,) if src else (), (cue,) if cue else (), ((content,) if content else ()))
        if q.cue_start is not None:
            by_cue.setdefault(key, len(out))
        out.append((q, normalize_attribution(attr, text)))
    return out


# -- evaluation and reporting -------------------------------------------------------------


@dataclass
class MethodResult:
    """Scores of one method over a split, and per-document cue errors for ``--details``."""

    name: str
    exact: dict[str, SpanScore] = field(default_factory=lambda: {r: SpanScore() for r in ROLES})
    overlap: dict[str, SpanScore] = field(default_factory=lambda: {r: SpanScore() for r in ROLES})
    attribution: SpanScore = field(default_factory=SpanScore)
    missed_cues: list[tuple[str, Span]] = field(default_factory=list)
    spurious_cues: list[tuple[str, Span]] = field(default_factory=list)
    seconds: float = 0.0


def evaluate(docs: Sequence[Document], name: str, extract: Any) -> MethodResult:
    """Run ``extract(text) -> list[Attribution]`` on every document and score it."""
    res = MethodResult(name)
    t0 = time.perf_counter()
    for doc in docs:
        pred = extract(doc.text)
        for role in ROLES:
            g, p = role_spans(doc.attributions, role), role_spans(pred, role)
            res.exact[role].add(score_spans(g, p, "exact"))
            ov = score_spans(g, p, "overlap")
            res.overlap[role].add(ov)
            if role == "cue":
                mg = {i for i, _ in ov.pairs}
                mp = {j for _, j in ov.pairs}
                res.missed_cues += [(doc.article, s) for i, s in enumerate(g) if i not in mg]
                res.spurious_cues += [(doc.article, s) for j, s in enumerate(p) if j not in mp]
        res.attribution.add(score_attributions(doc.attributions, pred))
    res.seconds = time.perf_counter() - t0
    return res


HEADER = ("method", "role", "ex P", "ex R", "ex F1", "ov P", "ov R", "ov F1", "gold", "pred", "ex m", "ov m")


def _fmt(*values: float) -> tuple[str, ...]:
    return tuple(f"{x:.3f}" for x in values)


def table_rows(results: Sequence[MethodResult]) -> list[tuple[str, ...]]:
    """One row per method and role (and attribution), as strings."""
    rows: list[tuple[str, ...]] = []
    for res in results:
        for role in ROLES:
            ex, ov = res.exact[role], res.overlap[role]
            scores = _fmt(ex.precision, ex.recall, ex.f1, ov.precision, ov.recall, ov.f1)
            counts = (str(ov.gold), str(ov.pred), str(ex.matched), str(ov.matched))
            rows.append((res.name, role, *scores, *counts))
        at = res.attribution
        scores = ("-", "-", "-", *_fmt(at.precision, at.recall, at.f1))
        rows.append((res.name, "attribution", *scores, str(at.gold), str(at.pred), "-", str(at.matched)))
    return rows


def plain_table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = []
    for k, r in enumerate([HEADER, *rows]):
        lines.append(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    head = (
        "| method | role | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 "
        "| gold | pred | exact matched | overlap matched |"
    )
    lines = [head, "|---|---|" + "---:|" * (len(HEADER) - 2)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _context(text: str, span: Span, width: int = 70) -> str:
    s, e = span[0][0], span[-1][1]
    left = text[max(0, s - width) : s].replace("\n", " ")
    right = text[e : e + width].replace("\n", " ")
    return f"...{left}[[{text[s:e]}]]{right}..."


def print_details(res: MethodResult, docs: Sequence[Document], n: int = 10) -> None:
    """Print the commonest missed and spurious cue words and ``n`` examples of each."""
    texts = {d.article: d.text for d in docs}

    def word(item: tuple[str, Span]) -> str:
        art, span = item
        return " ".join(texts[art][s:e] for s, e in span).lower()

    rng = random.Random(0)
    for label, items in (("missed", res.missed_cues), ("spurious", res.spurious_cues)):
        common = ", ".join(f"{w} {c}" for w, c in Counter(map(word, items)).most_common(15))
        print(f"\n{res.name}: {len(items)} {label} cues (overlap); commonest: {common}")
        for art, span in sorted(rng.sample(items, min(n, len(items)))):
            print(f"  {art}: {_context(texts[art], span)}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="first N articles (sorted by name)")
    ap.add_argument("--details", action="store_true", help="print missed and spurious cues")
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"PolNeAR folder (default {DEFAULT_DATA})"
    )
    args = ap.parse_args(argv)

    if not (args.data / args.split / "attributions").is_dir():
        print(
            f"PolNeAR not found at {args.data / args.split} (it lives in ../shared/data/polnear); nothing to do."
        )
        return 0
    t0 = time.perf_counter()
    docs = load_split(args.data, args.split, args.limit)
    several = sum(len(d.annotators) > 1 for d in docs)
    n_attr = sum(len(d.attributions) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles, {n_attr} gold attributions")
    print(
        f"One annotator per article: the first in sorted order of annotator id "
        f"({several} of {len(docs)} articles have several annotators' files; the others are not used)."
    )
    print(
        "Gold content spans include quotation marks and a leading 'that'; framing content = Quote.start/end "
        "(marks included), extended back over 'that'. "
        "Role spans deduplicated by offsets; overlap = >=1 shared character, one-to-one, "
        "largest overlap first."
    )

    import framing

    pipeline = framing.Pipeline(framing.Settings(analyzers=()))
    rules = framing.Pipeline(framing.Settings(analyzers=(), learned_attribution=False))
    results = [
        evaluate(docs, "framing", lambda text: framing_attributions(text, pipeline)),
        evaluate(docs, "rules alone", lambda text: framing_attributions(text, rules)),
        evaluate(docs, "baseline", baseline_attributions),
    ]
    rows = table_rows(results)
    print()
    print(plain_table(rows))
    print()
    print(markdown_table(rows))
    if args.details:
        for res in results[:1]:
            print_details(res, docs)
    print()
    times = ", ".join(f"{r.name} {r.seconds:.1f} s" for r in results)
    print(f"Elapsed: {time.perf_counter() - t0:.1f} s ({times})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
