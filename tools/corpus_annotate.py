"""Annotate the framing news corpus: show articles, turn drafts into stored annotations.

An annotator writes a draft in which every span is given by its words (see
``corpus/GUIDE.md``, section 6); this tool finds the character offsets, checks every
field with ``framing.corpus`` and writes the stored annotation, which keeps offsets and
labels only, never the article's text.

    python tools/corpus_annotate.py show ID
    python tools/corpus_annotate.py show-cluster C07
    python tools/corpus_annotate.py resolve DRAFT.json --annotator a07 [--double]
    python tools/corpus_annotate.py resolve-cluster DRAFT.json --annotator a07 [--double]
    python tools/corpus_annotate.py view ID [--double]     # a stored annotation, with its words
    python tools/corpus_annotate.py check                  # every stored file against its text
    python tools/corpus_annotate.py stats                  # counts per split, for the corpus card

This tool reads texts and annotations only; it runs none of framing's analysers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import corpus as fc  # noqa: E402
from framing.errors import InputError  # noqa: E402

CORPUS = ROOT / "corpus"
DATA = ROOT.parent / "shared" / "data" / "article_bias"
GUIDE_VERSION = re.search(r"^Version (\S+)\.", (CORPUS / "GUIDE.md").read_text(encoding="utf-8"), re.M)


def guide_version() -> str:
    return GUIDE_VERSION.group(1) if GUIDE_VERSION else "?"


# -- loose matching -------------------------------------------------------------------

_FOLD = {
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00a0": " ",
    "\u2026": "...",
}


def fold(text: str) -> tuple[str, list[int]]:
    """A loosely normalised copy of ``text`` and, for each of its characters, the original offset.

    Curly quotation marks become straight, dashes become '-', an ellipsis becomes three
    dots, and every run of whitespace becomes one space.
    """
    out: list[str] = []
    where: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            where.append(i)
            prev_space = True
            continue
        prev_space = False
        rep = _FOLD.get(ch, ch)
        for r in rep:
            out.append(r)
            where.append(i)
    where.append(len(text))
    return "".join(out), where


class SpanError(ValueError):
    pass


class Text:
    """An article text with loose search returning original offsets."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self.where = fold(text)

    def _needle(self, words: str) -> str:
        needle, _ = fold(words.strip())
        if not needle:
            raise SpanError("an empty span")
        return needle

    def find_all(self, words: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        """Every occurrence of ``words`` inside original offsets [lo, hi), as original spans."""
        needle = self._needle(words)
        hi = len(self.text) if hi is None else hi
        out = []
        i = self.folded.find(needle)
        while i != -1:
            s, e = self.where[i], self.where[i + len(needle) - 1] + 1
            if s >= lo and e <= hi:
                out.append((s, e))
            i = self.folded.find(needle, i + 1)
        return out

    def context(self, span: tuple[int, int], width: int = 30) -> str:
        s, e = span
        left = self.text[max(0, s - width) : s].replace("\n", " ")
        right = self.text[e : e + width].replace("\n", " ")
        return f"...{left}[{self.text[s:e]}]{right}..."


def _pick(
    t: Text, words: str, occ: list[tuple[int, int]], spec: Mapping[str, Any], near: int | None, what: str
) -> tuple[int, int]:
    if not occ:
        raise SpanError(f"{what}: {words!r} is not in the text")
    n = spec.get("n")
    if n is not None:
        if not isinstance(n, int) or not 1 <= n <= len(occ):
            raise SpanError(f"{what}: n={n!r}, but {words!r} occurs {len(occ)} time(s)")
        return occ[n - 1]
    if len(occ) == 1:
        return occ[0]
    if near is not None:
        return min(occ, key=lambda sp: (min(abs(sp[0] - near), abs(sp[1] - near)), sp[0]))
    shown = "; ".join(t.context(o) for o in occ[:4])
    raise SpanError(
        f'{what}: {words!r} occurs {len(occ)} times ({shown}); add "in" with words around it, or "n"'
    )


def resolve_span(
    t: Text, spec: Any, *, near: int | None = None, lo: int = 0, hi: int | None = None, what: str = "span"
) -> tuple[int, int]:
    """The original offsets of one span specification (see GUIDE.md, section 6.1)."""
    if isinstance(spec, str):
        spec = {"text": spec}
    if not isinstance(spec, Mapping):
        raise SpanError(f"{what}: a span is a string or an object, not {spec!r}")
    unknown = set(spec) - {"text", "in", "n", "from", "to"}
    if unknown:
        raise SpanError(f"{what}: unknown key(s) {sorted(unknown)}")
    if "in" in spec:
        inner = dict(spec)
        snippet = inner.pop("in")
        region = _pick(
            t, snippet, t.find_all(snippet, lo, hi), {"n": inner.pop("n", None)}, near, f"{what} (in)"
        )
        return resolve_span(t, inner, lo=region[0], hi=region[1], what=what, near=None)
    if "from" in spec or "to" in spec:
        if not spec.get("from") or not spec.get("to"):
            raise SpanError(f"{what}: 'from' and 'to' go together")
        first = _pick(t, spec["from"], t.find_all(spec["from"], lo, hi), spec, near, f"{what} (from)")
        ends = t.find_all(spec["to"], first[0], hi)
        if not ends:
            raise SpanError(f"{what}: {spec['to']!r} does not occur after {spec['from']!r}")
        return (first[0], ends[0][1])
    if "text" not in spec:
        raise SpanError(f"{what}: needs 'text' or 'from' and 'to'")
    if hi is not None or lo:
        occ = t.find_all(spec["text"], lo, hi)
        if occ:
            return occ[0] if spec.get("n") is None else _pick(t, spec["text"], occ, spec, None, what)
    return _pick(t, spec["text"], t.find_all(spec["text"], lo, hi), spec, near, what)


# -- drafts to stored annotations -----------------------------------------------------


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def span(self, t: Text, spec: Any, what: str, **kw: Any) -> list[int] | None:
        try:
            s, e = resolve_span(t, spec, what=what, **kw)
        except SpanError as exc:
            self.items.append(str(exc))
            return None
        return [s, e]


def convert_attributions(drafts: Sequence[Mapping[str, Any]], t: Text, p: Problems) -> list[dict]:
    """Attributions with offsets: the cue first, then source and content nearest to it."""
    out = []
    for i, a in enumerate(drafts):
        w = f"attributions[{i}]"
        cue = p.span(t, a.get("cue"), f"{w}.cue") if a.get("cue") is not None else None
        if a.get("cue") is None:
            p.items.append(f"{w}.cue: every attribution has a cue")
        near = cue[0] if cue else None
        src = a.get("source")
        source = [] if src in (None, "", []) else [p.span(t, src, f"{w}.source", near=near)]
        contents = a.get("content")
        if isinstance(contents, (str, Mapping)):
            contents = [contents]
        content = [p.span(t, c, f"{w}.content[{j}]", near=near) for j, c in enumerate(contents or [])]
        if not content:
            p.items.append(f"{w}.content: every attribution has content")
        item = {
            "source": [s for s in source if s],
            "cue": [cue] if cue else [],
            "content": [c for c in content if c],
            "kind": a.get("kind"),
            "act": a.get("act", "statement"),
            "speaker": a.get("speaker"),
            "named": a.get("named"),
            "speaker_type": a.get("speaker_type"),
        }
        if a.get("speakers"):
            item["speakers"] = a["speakers"]
        out.append(item)
    return out


def convert_article(draft: Mapping[str, Any], text: str, sha1: str, annotator: str) -> tuple[dict, list[str]]:
    t = Text(text)
    p = Problems()
    out_attr = convert_attributions(draft.get("attributions") or [], t, p)
    out_loaded = []
    for i, x in enumerate(draft.get("loaded") or []):
        span = p.span(t, x.get("span"), f"loaded[{i}].span")
        item = {k: x.get(k) for k in ("voice", "category", "strength", "reason") if k in x}
        item["span"] = span
        if x.get("speaker"):
            item["speaker"] = x["speaker"]
        if x.get("neutral"):
            item["neutral"] = x["neutral"]
        out_loaded.append(item)
    out_actors = []
    for i, x in enumerate(draft.get("actors") or []):
        evidence = []
        for j, ev in enumerate(x.get("evidence") or []):
            span = p.span(t, ev.get("span"), f"actors[{i}].evidence[{j}].span")
            item = {k: ev.get(k) for k in ("voice", "role", "reason")}
            item["span"] = span
            if ev.get("speaker"):
                item["speaker"] = ev["speaker"]
            evidence.append(item)
        out_actors.append(
            {
                "name": x.get("name"),
                "kind": x.get("kind"),
                "aliases": x.get("aliases") or [],
                "role_own": x.get("role_own"),
                "role_quoted": x.get("role_quoted") or [],
                "evidence": evidence,
            }
        )
    stored = {
        "format": fc.ANNOTATION_FORMAT,
        "format_version": fc.FORMAT_VERSION,
        "article": {"id": draft.get("id"), "sha1": sha1},
        "annotator": annotator,
        "guide_version": guide_version(),
        "attributions": out_attr,
        "loaded": out_loaded,
        "actors": out_actors,
    }
    if draft.get("notes"):
        stored["notes"] = draft["notes"]
    return stored, p.items


def convert_cluster(
    draft: Mapping[str, Any], texts: Mapping[str, str], articles: Sequence[str], annotator: str
) -> tuple[dict, list[str]]:
    p = Problems()
    tx = {aid: Text(texts[aid]) for aid in articles}
    facts = []
    for i, f in enumerate(draft.get("facts") or []):
        per = {}
        for aid, entry in (f.get("in") or {}).items():
            w = f"facts[{i}] ({f.get('id')}).in.{aid}"
            if aid not in tx:
                p.items.append(f"{w}: {aid} is not an article of this cluster")
                continue
            item = {"status": entry.get("status")}
            if entry.get("spans"):
                item["spans"] = [p.span(tx[aid], s, f"{w}.spans[{k}]") for k, s in enumerate(entry["spans"])]
            elif entry.get("status") in ("same", "different"):
                p.items.append(f"{w}: a {entry.get('status')!r} fact needs its spans")
            if entry.get("note"):
                item["note"] = entry["note"]
            per[aid] = item
        facts.append({"id": f.get("id"), "statement": f.get("statement"), "kind": f.get("kind"), "in": per})
    quotes = []
    for i, q in enumerate(draft.get("quotes") or []):
        per = {}
        for aid, entry in (q.get("in") or {}).items():
            w = f"quotes[{i}] ({q.get('id')}).in.{aid}"
            if aid not in tx:
                p.items.append(f"{w}: {aid} is not an article of this cluster")
                continue
            item = {k: entry[k] for k in ("status", "cuts", "dropped", "cue", "speaker_as") if entry.get(k)}
            if entry.get("span") is not None:
                item["span"] = p.span(tx[aid], entry["span"], f"{w}.span")
            elif entry.get("status") not in ("absent", None):
                p.items.append(f"{w}: a {entry.get('status')!r} quotation needs its span")
            per[aid] = item
        quotes.append({"id": q.get("id"), "speaker": q.get("speaker"), "in": per})
    stored = {
        "format": fc.CLUSTER_FORMAT,
        "format_version": fc.FORMAT_VERSION,
        "cluster": draft.get("cluster"),
        "articles": list(articles),
        "annotator": annotator,
        "guide_version": guide_version(),
        "facts": facts,
        "quotes": quotes,
    }
    if draft.get("notes"):
        stored["notes"] = draft["notes"]
    return stored, p.items


def dump(data: Any) -> str:
    """JSON for people to read in a diff: objects indented, short lists on one line."""
    return _dump(data, 0) + "\n"


def _inline(value: Any) -> bool:
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) or (isinstance(v, list) and _inline(v)) for v in value)
    return not isinstance(value, dict)


def _dump(value: Any, depth: int) -> str:
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k)}: {_dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(value, list) and not _inline(value):
        items = [f"{pad}{_dump(v, depth + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


# -- reading the corpus ---------------------------------------------------------------


def manifest() -> dict[str, fc.CorpusArticle]:
    return {a.id: a for a in fc.read_manifest(CORPUS / "articles.tsv")}


def texts_for(ids: Sequence[str]) -> dict[str, fc.CorpusArticle]:
    rows = manifest()
    missing = [i for i in ids if i not in rows]
    if missing:
        raise SystemExit(f"not in corpus/articles.tsv: {', '.join(missing)}")
    loaded = fc._read_texts([rows[i] for i in ids], DATA)
    return {a.id: a for a in loaded}


def cluster_ids(cluster: str) -> list[str]:
    ids = [a.id for a in manifest().values() if a.cluster == cluster]
    if not ids:
        raise SystemExit(f"no cluster {cluster!r} in corpus/articles.tsv")
    return ids


def show(a: fc.CorpusArticle) -> str:
    return f"=== {a.id} | {a.outlet} | {a.date or 'no date'} | {a.title}\n\n{a.text}\n"


# -- commands ---------------------------------------------------------------------------


def cmd_show(args: argparse.Namespace) -> int:
    for a in texts_for([args.id]).values():
        print(show(a))
    return 0


def cmd_show_cluster(args: argparse.Namespace) -> int:
    for a in texts_for(cluster_ids(args.cluster)).values():
        print(show(a))
    return 0


def _target(folder: str, name: str, double: bool) -> Path:
    return (
        CORPUS
        / (f"double-{folder}" if double and folder == "clusters" else ("double" if double else folder))
        / f"{name}.json"
    )


def cmd_resolve(args: argparse.Namespace) -> int:
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    aid = draft.get("id")
    a = texts_for([aid])[aid]
    stored, problems = convert_article(draft, a.text, a.sha1, args.annotator)
    if not problems:
        try:
            fc.parse_annotation(stored, a.text, source=args.draft)
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        print(f"{len(problems)} problem(s) in {args.draft}:", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        return 1
    out = _target("annotations", aid, args.double)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump(stored), encoding="utf-8")
    n = (len(stored["attributions"]), len(stored["loaded"]), len(stored["actors"]))
    print(f"wrote {out.relative_to(ROOT)}: {n[0]} attributions, {n[1]} loaded spans, {n[2]} actors")
    return 0


def cmd_resolve_cluster(args: argparse.Namespace) -> int:
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    cluster = draft.get("cluster")
    ids = cluster_ids(cluster)
    arts = texts_for(ids)
    stored, problems = convert_cluster(draft, {i: arts[i].text for i in ids}, ids, args.annotator)
    if not problems:
        try:
            fc.parse_cluster(stored, {i: arts[i].text for i in ids}, source=args.draft)
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        print(f"{len(problems)} problem(s) in {args.draft}:", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        return 1
    out = _target("clusters", cluster, args.double)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump(stored), encoding="utf-8")
    print(
        f"wrote {out.relative_to(ROOT)}: {len(stored['facts'])} facts, {len(stored['quotes'])} shared quotations"
    )
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    a = texts_for([args.id])[args.id]
    path = _target("annotations", args.id, args.double)
    data = json.loads(path.read_text(encoding="utf-8"))
    ann = fc.parse_annotation(data, a.text, source=str(path))
    w = a.text
    print(f"=== {a.id} | {a.outlet} | annotator {ann.annotator} | guide {ann.guide_version}")
    print(f"\n-- {len(ann.attributions)} attributions")
    for x in ann.attributions:
        src = " / ".join(w[s:e] for s, e in x.source) or "-"
        cue = " / ".join(w[s:e] for s, e in x.cue)
        content = " ... ".join(w[s:e][:80] for s, e in x.content)
        print(
            f"  [{x.kind}/{x.act}] {x.speaker} ({x.speaker_type}{'' if x.named else ', unnamed'}) | {src} | {cue} | {content}"
        )
    print(f"\n-- {len(ann.loaded)} loaded")
    for x in ann.loaded:
        who = f" ({x.speaker})" if x.speaker else ""
        print(
            f"  {w[x.start : x.end]!r} {x.voice}{who} {x.category}/{x.strength} -> {x.neutral or '-'}: {x.reason}"
        )
    print(f"\n-- {len(ann.actors)} actors")
    for act in ann.actors:
        quoted = ", ".join(f"{s}: {r}" for s, r in act.role_quoted) or "-"
        print(f"  {act.name} ({act.kind}) own {act.role_own}; quoted {quoted}")
        for ev in act.evidence:
            print(f"      {w[ev.start : ev.end]!r} {ev.voice} {ev.role}: {ev.reason}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    corpus = fc.load_corpus(CORPUS, DATA)
    n = len(corpus.annotations)
    print(
        f"{n} annotations, {len(corpus.doubles)} second annotations, {len(corpus.clusters)} clusters, "
        f"{len(corpus.double_clusters)} second cluster annotations: all valid"
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """The corpus card's table of counts, per split, as Markdown."""
    corpus = fc.load_corpus(CORPUS, DATA)
    rows = []
    for split in ("train", "dev", "test", None):
        arts = corpus.articles(split)
        anns = [corpus.annotations[a.id] for a in arts]
        lean = {k: sum(1 for a in arts if a.lean == k) for k in ("left", "center", "right")}
        clusters = corpus.clusters_in(split)
        loaded = [x for ann in anns for x in ann.loaded]
        actors = [x for ann in anns for x in ann.actors]
        rows.append(
            (
                split or "all",
                len(arts),
                f"{lean['left']} / {lean['center']} / {lean['right']}",
                sum(a.words for a in arts),
                sum(len(ann.attributions) for ann in anns),
                len(loaded),
                sum(1 for x in loaded if x.own),
                len(actors),
                sum(1 for x in actors if x.role_own != "neutral"),
                len(clusters),
                sum(len(c.facts) for c in clusters),
                sum(len(c.quotes) for c in clusters),
                sum(1 for a in arts if a.id in corpus.doubles),
            )
        )
    head = (
        "split",
        "articles",
        "left / center / right",
        "words",
        "attributions",
        "loaded spans",
        "own voice",
        "actors",
        "cast (not neutral)",
        "clusters",
        "facts",
        "shared quotations",
        "annotated twice",
    )
    print("| " + " | ".join(head) + " |")
    print("|---" + "|---:" * (len(head) - 1) + "|")
    for r in rows:
        print("| " + " | ".join(f"{x:,}" if isinstance(x, int) else str(x) for x in r) + " |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("show")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("show-cluster")
    p.add_argument("cluster")
    p.set_defaults(func=cmd_show_cluster)
    for name, func in (("resolve", cmd_resolve), ("resolve-cluster", cmd_resolve_cluster)):
        p = sub.add_parser(name)
        p.add_argument("draft")
        p.add_argument("--annotator", required=True)
        p.add_argument("--double", action="store_true", help="this is the second, independent annotation")
        p.set_defaults(func=func)
    p = sub.add_parser("view")
    p.add_argument("id")
    p.add_argument("--double", action="store_true")
    p.set_defaults(func=cmd_view)
    p = sub.add_parser("check")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("stats", help="the corpus card's table of counts")
    p.set_defaults(func=cmd_stats)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
