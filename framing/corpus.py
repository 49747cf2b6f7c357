"""The framing news corpus: real articles annotated by the project, read back with checks.

The repository keeps only annotations (``corpus/``): article ids, the SHA-1 of each
text, and character offsets. The texts are ``content_original`` of the
Article-Bias-Prediction records (Apache-2.0), which live outside the repository. This
module rebuilds the corpus from both, and refuses a text whose hash differs from the
one recorded, so an offset can never point into the wrong text.

    >>> from pathlib import Path
    >>> corpus = load_corpus(Path("corpus"), Path("../shared/data/article_bias"))  # doctest: +SKIP
    >>> [a.id for a in corpus.articles(split="dev")][:2]  # doctest: +SKIP

The annotation format (``framing-corpus-annotation`` and ``framing-corpus-cluster``,
version 1) is described in ``corpus/CARD.md`` and the guide in ``corpus/GUIDE.md``.
Every check here names the file, the item and the problem.

Over 500 lines on purpose: the annotation format's record types and the checks that
build them (one ``_Check``, two parsers) are one contract with ``corpus/CARD.md``, read
in one place.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .plural import count

__all__ = [
    "ACTOR_KINDS",
    "ATTRIBUTION_ACTS",
    "ATTRIBUTION_KINDS",
    "FACT_KINDS",
    "FACT_STATUSES",
    "FORMAT_VERSION",
    "LOADED_CATEGORIES",
    "QUOTE_CUTS",
    "QUOTE_STATUSES",
    "ROLES",
    "SPEAKER_TYPES",
    "STRENGTHS",
    "VOICES",
    "ArticleAnnotation",
    "ClusterAnnotation",
    "Corpus",
    "CorpusArticle",
    "GoldActor",
    "GoldAttribution",
    "GoldEvidence",
    "GoldFact",
    "GoldLoaded",
    "GoldQuotation",
    "load_corpus",
    "parse_annotation",
    "parse_cluster",
    "read_manifest",
]

FORMAT_VERSION = "1"
ANNOTATION_FORMAT = "framing-corpus-annotation"
CLUSTER_FORMAT = "framing-corpus-cluster"

ATTRIBUTION_KINDS = ("direct", "partial", "reported", "according_to")
ATTRIBUTION_ACTS = ("statement", "belief", "intention", "decree", "perception", "evidence", "attitude")
SPEAKER_TYPES = (
    "elected",
    "government",
    "military_police",
    "courts",
    "advocates",
    "experts",
    "ordinary",
    "media",
    "documents",
    "other",
)
VOICES = ("own", "quote", "paraphrase", "mention")
LOADED_CATEGORIES = (
    "violence",
    "fear_appeal",
    "criminalizing",
    "dehumanizing",
    "partisan_label",
    "emotive",
    "intensifier",
    "derogatory_action",
    "loaded_speech_verb",
    "claim_judgement",
    "euphemism",
    "scare_marker",
    "other_evaluative",
)
STRENGTHS = ("strong", "mild")
ROLES = ("villain", "victim", "hero", "neutral")
ACTOR_KINDS = ("person", "institution", "group", "country")
FACT_KINDS = ("event", "figure", "position", "background")
FACT_STATUSES = ("same", "different", "absent", "not_yet")
QUOTE_STATUSES = ("full", "cut", "extended", "altered", "paraphrased", "absent")
QUOTE_CUTS = ("start", "end", "inside")

Span = tuple[int, int]


# -- the articles --------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus: its manifest row and, once loaded, its text."""

    id: str
    sha1: str
    file: str
    lean: str
    outlet: str
    topic: str
    date: str
    words: int
    cluster: str | None
    split: str
    double: bool
    title: str = ""
    text: str = ""


def read_manifest(path: Path) -> list[CorpusArticle]:
    """The rows of ``corpus/articles.tsv`` (comment lines start with ``#``)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    out = []
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            out.append(
                CorpusArticle(
                    id=row["id"],
                    sha1=row["sha1"],
                    file=row["file"],
                    lean=row["lean"],
                    outlet=row["outlet"],
                    topic=row["topic"],
                    date=row["date"],
                    words=int(row["words"]),
                    cluster=row["cluster"] or None,
                    split=row["split"],
                    double=row["double"] == "yes",
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"bad manifest row ({exc})", source=str(path), record=f"row {n}") from None
    return out


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _read_texts(manifest: Sequence[CorpusArticle], data: Path) -> list[CorpusArticle]:
    wanted: dict[str, set[str]] = {}
    for a in manifest:
        wanted.setdefault(a.file, set()).add(a.id)
    found: dict[str, dict[str, Any]] = {}
    for name, ids in wanted.items():
        path = data / name
        if not path.exists():
            raise InputError(
                "the article_bias file is missing; the corpus texts are read from it",
                source=str(path),
            )
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("ID") in ids:
                    found[row["ID"]] = row
    out = []
    for a in manifest:
        row = found.get(a.id)
        if row is None:
            raise InputError(f"article {a.id} is not in {a.file}", source=str(data / a.file))
        text = row["content_original"]
        digest = _sha1(text)
        if digest != a.sha1:
            raise InputError(
                f"article {a.id}: the text's SHA-1 is {digest}, the corpus expects {a.sha1}; "
                "this is not the text the annotations were made on",
                source=str(data / a.file),
            )
        out.append(_replace_text(a, text, row.get("title") or ""))
    return out


def _replace_text(a: CorpusArticle, text: str, title: str) -> CorpusArticle:
    from dataclasses import replace

    return replace(a, text=text, title=title)


# -- annotations --------------------------------------------------------------------


@dataclass(frozen=True)
class GoldAttribution:
    """An attribution: source, cue and content spans (each a tuple of segments)."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    kind: str
    act: str
    speaker: str
    named: bool
    speaker_type: str
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldLoaded:
    """A loaded or evaluative phrase with its voice."""

    start: int
    end: int
    voice: str
    category: str
    strength: str
    reason: str
    speaker: str | None = None
    neutral: str = ""

    @property
    def own(self) -> bool:
        return self.voice == "own"


@dataclass(frozen=True)
class GoldEvidence:
    start: int
    end: int
    voice: str
    role: str
    reason: str
    speaker: str | None = None


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str
    aliases: tuple[str, ...]
    role_own: str
    role_quoted: tuple[tuple[str, str], ...]
    evidence: tuple[GoldEvidence, ...]


@dataclass(frozen=True)
class ArticleAnnotation:
    """Every layer of one article's annotation."""

    article_id: str
    sha1: str
    annotator: str
    guide_version: str
    attributions: tuple[GoldAttribution, ...]
    loaded: tuple[GoldLoaded, ...]
    actors: tuple[GoldActor, ...]
    notes: str = ""


@dataclass(frozen=True)
class GoldFact:
    id: str
    statement: str
    kind: str
    status: Mapping[str, str]
    spans: Mapping[str, tuple[Span, ...]]
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GoldQuotation:
    id: str
    speaker: str
    status: Mapping[str, str]
    spans: Mapping[str, Span]
    cuts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    dropped: Mapping[str, str] = field(default_factory=dict)
    cue: Mapping[str, str] = field(default_factory=dict)
    speaker_as: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ClusterAnnotation:
    cluster: str
    articles: tuple[str, ...]
    annotator: str
    guide_version: str
    facts: tuple[GoldFact, ...]
    quotes: tuple[GoldQuotation, ...]
    notes: str = ""


class _Check:
    """Collects the place of every problem so that one message names them all."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[str] = []

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")

    def raise_if_any(self) -> None:
        if self.problems:
            shown = "; ".join(self.problems[:20])
            more = f" (and {len(self.problems) - 20} more)" if len(self.problems) > 20 else ""
            raise InputError(f"{count(len(self.problems), 'problem')}: {shown}{more}", source=self.source)

    def choice(self, where: str, value: Any, allowed: Sequence[str]) -> str:
        if value not in allowed:
            self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
            return allowed[0]
        return str(value)

    def text(self, where: str, value: Any, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(where, f"needs a non-empty string, not {value!r}")
            return ""
        return value

    def span(self, where: str, value: Any, length: int) -> Span | None:
        if (
            not isinstance(value, (list, tuple))
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            self.fail(where, f"a span is [start, end], not {value!r}")
            return None
        s, e = value
        if not 0 <= s < e <= length:
            self.fail(where, f"span [{s}, {e}] is not inside the text (length {length})")
            return None
        return (s, e)

    def spans(self, where: str, value: Any, length: int, *, allow_empty: bool = False) -> tuple[Span, ...]:
        if not isinstance(value, list) or (not value and not allow_empty):
            self.fail(where, f"needs a list of spans, not {value!r}")
            return ()
        out = [self.span(f"{where}[{i}]", v, length) for i, v in enumerate(value)]
        return tuple(s for s in out if s is not None)


def parse_annotation(
    data: Mapping[str, Any], text: str, *, source: str = "<annotation>"
) -> ArticleAnnotation:
    """Check one stored article annotation against its text and build it."""
    c = _Check(source)
    n = len(text)
    if data.get("format") != ANNOTATION_FORMAT or str(data.get("format_version")) != FORMAT_VERSION:
        c.fail("format", f"expected {ANNOTATION_FORMAT} version {FORMAT_VERSION}")
    article = data.get("article") or {}
    if article.get("sha1") != _sha1(text):
        c.fail("article.sha1", "does not match the text")
    attributions = []
    for i, a in enumerate(data.get("attributions") or []):
        w = f"attributions[{i}]"
        source_spans = c.spans(f"{w}.source", a.get("source", []), n, allow_empty=True)
        speakers = a.get("speakers") or []
        if not isinstance(speakers, list) or not all(isinstance(s, str) and s for s in speakers):
            c.fail(f"{w}.speakers", "needs a list of names")
            speakers = []
        named = a.get("named")
        if not isinstance(named, bool):
            c.fail(f"{w}.named", "needs true or false")
            named = False
        attributions.append(
            GoldAttribution(
                source=source_spans,
                cue=c.spans(f"{w}.cue", a.get("cue"), n),
                content=c.spans(f"{w}.content", a.get("content"), n),
                kind=c.choice(f"{w}.kind", a.get("kind"), ATTRIBUTION_KINDS),
                act=c.choice(f"{w}.act", a.get("act", "statement"), ATTRIBUTION_ACTS),
                speaker=c.text(f"{w}.speaker", a.get("speaker")),
                named=named,
                speaker_type=c.choice(f"{w}.speaker_type", a.get("speaker_type"), SPEAKER_TYPES),
                speakers=tuple(speakers),
            )
        )
    loaded = []
    for i, item in enumerate(data.get("loaded") or []):
        w = f"loaded[{i}]"
        span = c.span(f"{w}.span", item.get("span"), n)
        voice = c.choice(f"{w}.voice", item.get("voice"), VOICES)
        speaker = item.get("speaker") or None
        if voice in ("quote", "paraphrase") and not speaker:
            c.fail(f"{w}.speaker", f"a {voice} needs its speaker")
        if span is None:
            continue
        loaded.append(
            GoldLoaded(
                start=span[0],
                end=span[1],
                voice=voice,
                category=c.choice(f"{w}.category", item.get("category"), LOADED_CATEGORIES),
                strength=c.choice(f"{w}.strength", item.get("strength"), STRENGTHS),
                reason=c.text(f"{w}.reason", item.get("reason")),
                speaker=speaker,
                neutral=c.text(f"{w}.neutral", item.get("neutral"), required=False),
            )
        )
    actors = []
    for i, item in enumerate(data.get("actors") or []):
        w = f"actors[{i}]"
        evidence = []
        for j, ev in enumerate(item.get("evidence") or []):
            we = f"{w}.evidence[{j}]"
            span = c.span(f"{we}.span", ev.get("span"), n)
            if span is None:
                continue
            evidence.append(
                GoldEvidence(
                    start=span[0],
                    end=span[1],
                    voice=c.choice(f"{we}.voice", ev.get("voice"), VOICES),
                    role=c.choice(f"{we}.role", ev.get("role"), ROLES),
                    reason=c.text(f"{we}.reason", ev.get("reason")),
                    speaker=ev.get("speaker") or None,
                )
            )
        quoted = []
        for j, rq in enumerate(item.get("role_quoted") or []):
            quoted.append(
                (
                    c.text(f"{w}.role_quoted[{j}].speaker", rq.get("speaker")),
                    c.choice(f"{w}.role_quoted[{j}].role", rq.get("role"), ROLES),
                )
            )
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(x, str) for x in aliases):
            c.fail(f"{w}.aliases", "needs a list of names")
            aliases = []
        role_own = c.choice(f"{w}.role_own", item.get("role_own"), ROLES)
        if role_own != "neutral" and not any(e.voice == "own" for e in evidence):
            c.fail(f"{w}.evidence", f"role_own {role_own!r} needs at least one evidence span in voice 'own'")
        actors.append(
            GoldActor(
                name=c.text(f"{w}.name", item.get("name")),
                kind=c.choice(f"{w}.kind", item.get("kind"), ACTOR_KINDS),
                aliases=tuple(aliases),
                role_own=role_own,
                role_quoted=tuple(quoted),
                evidence=tuple(evidence),
            )
        )
    if len(actors) > 8:
        c.fail("actors", f"at most 8 actors, not {len(actors)}")
    c.raise_if_any()
    return ArticleAnnotation(
        article_id=str(article.get("id")),
        sha1=str(article.get("sha1")),
        annotator=str(data.get("annotator") or ""),
        guide_version=str(data.get("guide_version") or ""),
        attributions=tuple(attributions),
        loaded=tuple(sorted(loaded, key=lambda x: (x.start, x.end))),
        actors=tuple(actors),
        notes=str(data.get("notes") or ""),
    )


def parse_cluster(
    data: Mapping[str, Any], texts: Mapping[str, str], *, source: str = "<cluster>"
) -> ClusterAnnotation:
    """Check one stored cluster annotation against its articles' texts and build it."""
    c = _Check(source)
    if data.get("format") != CLUSTER_FORMAT or str(data.get("format_version")) != FORMAT_VERSION:
        c.fail("format", f"expected {CLUSTER_FORMAT} version {FORMAT_VERSION}")
    articles = tuple(data.get("articles") or ())
    for aid in articles:
        if aid not in texts:
            c.fail("articles", f"{aid} is not a text of this cluster")
    facts = []
    for i, f in enumerate(data.get("facts") or []):
        w = f"facts[{i}]"
        status: dict[str, str] = {}
        spans: dict[str, tuple[Span, ...]] = {}
        notes: dict[str, str] = {}
        per = f.get("in") or {}
        for aid in articles:
            entry = per.get(aid)
            if entry is None:
                c.fail(f"{w}.in", f"article {aid} has no status")
                continue
            st = c.choice(f"{w}.in.{aid}.status", entry.get("status"), FACT_STATUSES)
            status[aid] = st
            if st in ("same", "different") and entry.get("status") == st:
                spans[aid] = c.spans(f"{w}.in.{aid}.spans", entry.get("spans"), len(texts.get(aid, "")))
            if entry.get("note"):
                notes[aid] = str(entry["note"])
        facts.append(
            GoldFact(
                id=c.text(f"{w}.id", f.get("id")),
                statement=c.text(f"{w}.statement", f.get("statement")),
                kind=c.choice(f"{w}.kind", f.get("kind"), FACT_KINDS),
                status=status,
                spans=spans,
                notes=notes,
            )
        )
    quotes = []
    for i, q in enumerate(data.get("quotes") or []):
        w = f"quotes[{i}]"
        qstatus: dict[str, str] = {}
        qspans: dict[str, Span] = {}
        cuts: dict[str, tuple[str, ...]] = {}
        dropped: dict[str, str] = {}
        cue: dict[str, str] = {}
        speaker_as: dict[str, str] = {}
        per = q.get("in") or {}
        for aid in articles:
            entry = per.get(aid)
            if entry is None:
                c.fail(f"{w}.in", f"article {aid} has no status")
                continue
            st = c.choice(f"{w}.in.{aid}.status", entry.get("status"), QUOTE_STATUSES)
            qstatus[aid] = st
            if st != "absent" and entry.get("status") == st:
                span = c.span(f"{w}.in.{aid}.span", entry.get("span"), len(texts.get(aid, "")))
                if span is not None:
                    qspans[aid] = span
            if st == "cut":
                got = entry.get("cuts") or []
                if not got:
                    c.fail(f"{w}.in.{aid}.cuts", "a cut quotation says where: start, end or inside")
                cuts[aid] = tuple(c.choice(f"{w}.in.{aid}.cuts", x, QUOTE_CUTS) for x in got)
                dropped[aid] = str(entry.get("dropped") or "")
            if entry.get("cue"):
                cue[aid] = str(entry["cue"])
            if entry.get("speaker_as"):
                speaker_as[aid] = str(entry["speaker_as"])
        quotes.append(
            GoldQuotation(
                id=c.text(f"{w}.id", q.get("id")),
                speaker=c.text(f"{w}.speaker", q.get("speaker")),
                status=qstatus,
                spans=qspans,
                cuts=cuts,
                dropped=dropped,
                cue=cue,
                speaker_as=speaker_as,
            )
        )
    c.raise_if_any()
    return ClusterAnnotation(
        cluster=str(data.get("cluster")),
        articles=articles,
        annotator=str(data.get("annotator") or ""),
        guide_version=str(data.get("guide_version") or ""),
        facts=tuple(facts),
        quotes=tuple(quotes),
        notes=str(data.get("notes") or ""),
    )


# -- the whole corpus -----------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """The articles with their texts, the annotations, the second annotations and the clusters."""

    root: Path
    _articles: tuple[CorpusArticle, ...]
    annotations: Mapping[str, ArticleAnnotation]
    doubles: Mapping[str, ArticleAnnotation]
    clusters: Mapping[str, ClusterAnnotation]
    double_clusters: Mapping[str, ClusterAnnotation]

    def articles(
        self, split: str | Iterable[str] | None = None, *, annotated: bool = True
    ) -> list[CorpusArticle]:
        """The articles of one split (or several), by default only those annotated."""
        splits = {split} if isinstance(split, str) else (set(split) if split is not None else None)
        return [
            a
            for a in self._articles
            if (splits is None or a.split in splits) and (not annotated or a.id in self.annotations)
        ]

    def article(self, article_id: str) -> CorpusArticle:
        for a in self._articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def clusters_in(self, split: str | Iterable[str] | None = None) -> list[ClusterAnnotation]:
        splits = {split} if isinstance(split, str) else (set(split) if split is not None else None)
        out = []
        for cluster in self.clusters.values():
            a = self.article(cluster.articles[0])
            if splits is None or a.split in splits:
                out.append(cluster)
        return sorted(out, key=lambda c: c.cluster)

    def __iter__(self) -> Iterator[CorpusArticle]:
        return iter(self.articles())


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read it ({exc})", source=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", source=str(path))
    return data


def load_corpus(root: Path, data: Path) -> Corpus:
    """Read ``root`` (the repository's ``corpus/``) and the texts from ``data``.

    ``data`` is the ``article_bias`` folder. Raises :class:`InputError` where a text is
    missing or its hash differs, or where an annotation does not validate.
    """
    root = Path(root)
    manifest = _read_texts(read_manifest(root / "articles.tsv"), Path(data))
    texts = {a.id: a.text for a in manifest}

    def annotations(folder: Path) -> dict[str, ArticleAnnotation]:
        out: dict[str, ArticleAnnotation] = {}
        if not folder.is_dir():
            return out
        for path in sorted(folder.glob("*.json")):
            aid = path.stem
            if aid not in texts:
                raise InputError(f"{aid} is not an article of the corpus manifest", source=str(path))
            out[aid] = parse_annotation(_read_json(path), texts[aid], source=str(path))
        return out

    def clusters(folder: Path) -> dict[str, ClusterAnnotation]:
        out: dict[str, ClusterAnnotation] = {}
        if not folder.is_dir():
            return out
        for path in sorted(folder.glob("*.json")):
            data_ = _read_json(path)
            ids = data_.get("articles") or []
            out[path.stem] = parse_cluster(data_, {i: texts[i] for i in ids if i in texts}, source=str(path))
        return out

    return Corpus(
        root=root,
        _articles=tuple(manifest),
        annotations=annotations(root / "annotations"),
        doubles=annotations(root / "double"),
        clusters=clusters(root / "clusters"),
        double_clusters=clusters(root / "double-clusters"),
    )
