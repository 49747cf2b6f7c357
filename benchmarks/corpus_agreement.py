"""How far the corpus annotations can be trusted: agreement with published gold, and
between two annotators of the same articles.

Calibration (``corpus/calibration/``), each scored against the dataset's own gold,
beside a simple baseline from the same run:

* PolNeAR dev, 10 articles: source, cue and content spans (exact and overlap P/R/F1)
  and attributions (cues overlap, one to one), scored as ``attribution_polnear.py``
  scores framing; baseline: its keyword extractor;
* BABE dev, 300 sentences: the words covered by our loaded spans against BABE's
  ``biased_words`` (micro P/R/F1 over distinct lowercased words per sentence), and a
  sentence with any span against the Biased label (macro-F1, accuracy); baselines: the
  adjective-suffix rule and the majority class;
* NewsMTSC dev_rw, 200 targets: tone against polarity (accuracy, macro-F1, Cohen's
  kappa); baseline: the majority class.

Double annotation (``corpus/double/`` against ``corpus/annotations/``, and
``corpus/double-clusters/`` against ``corpus/clusters/``): the first annotation is
taken as reference, so precision and recall swap with the order and F1 does not.

* attributions: source/cue/content overlap F1, attribution F1 (cues overlap), and on
  matched attributions the speaker (``same_name``), kind and speaker type;
* loaded wording: span overlap F1 in all voices and in the outlet's own voice; on
  matched spans, voice (kappa), category and strength agreement;
* actors: actors matched by name (F1); on matched actors, own-voice role agreement
  (accuracy, kappa);
* clusters: "same claim" links between sentences (F1), and on quotations matched by
  span, status agreement.

    .venv/bin/python benchmarks/corpus_agreement.py [--markdown]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tools"))

import attribution_polnear as ap  # noqa: E402
from corpus_scoring import PRF, Agreement, match_one_to_one, match_spans, overlap, same_name  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "corpus"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(x: object) -> str:
        return f"{x:.3f}" if isinstance(x, float) else str(x)

    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(x) for x in r) + " |" for r in rows]
    return "\n".join(lines)


# -- calibration ---------------------------------------------------------------------------


def polnear() -> str | None:
    store = CORPUS / "calibration" / "polnear"
    if not store.is_dir() or not (SHARED / "polnear" / "dev").is_dir():
        return None
    import corpus_calibration as cc

    docs = {d.article: d for d in ap.load_split(SHARED / "polnear", "dev")}
    texts = dict(cc.polnear_items(SHARED))
    ours = ap.MethodResult("annotators")
    base = ap.MethodResult("keyword baseline")
    n_docs = 0
    for path in sorted(store.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = data["text"]
        if name not in docs or cc.sha1(texts[name]) != data["sha1"]:
            raise SystemExit(f"{path}: not the calibration text it was made on")
        doc = docs[name]
        pred = [
            ap.normalize_attribution(
                ap.Attribution(
                    tuple((tuple(s),) for s in a["source"]),
                    tuple((tuple(s),) for s in a["cue"]),
                    (tuple(tuple(s) for s in a["content"]),),
                ),
                doc.text,
            )
            for a in data["attributions"]
        ]
        n_docs += 1
        for res, attrs in ((ours, pred), (base, ap.baseline_attributions(doc.text))):
            for role in ap.ROLES:
                g, p = ap.role_spans(doc.attributions, role), ap.role_spans(attrs, role)
                res.exact[role].add(ap.score_spans(g, p, "exact"))
                res.overlap[role].add(ap.score_spans(g, p, "overlap"))
            res.attribution.add(ap.score_attributions(doc.attributions, attrs))
    rows = []
    for res in (ours, base):
        for role in ap.ROLES:
            ex, ov = res.exact[role], res.overlap[role]
            rows.append((res.name, role, ov.precision, ov.recall, ov.f1, ex.f1, ov.gold, ov.pred))
        at = res.attribution
        rows.append((res.name, "attribution", at.precision, at.recall, at.f1, "-", at.gold, at.pred))
    head = ("method", "role", "overlap P", "overlap R", "overlap F1", "exact F1", "gold", "ours")
    return f"PolNeAR dev, {n_docs} articles (gold: the first annotator in sorted order)\n\n" + table(
        head, rows
    )


def _babe_words(text: str) -> set[str]:
    import loaded_language as ll

    return set(ll.word_tokens(text))


def babe() -> str | None:
    path = CORPUS / "calibration" / "babe.json"
    if not path.exists() or not (SHARED / "babe").is_dir():
        return None
    import corpus_calibration as cc
    import loaded_language as ll

    items = {cc.sha1(r["text"]): r for r in cc.babe_items(SHARED)}
    ours = json.loads(path.read_text(encoding="utf-8"))["items"]
    word = {"ours": PRF(), "adjective-suffix rule": PRF()}
    sent: dict[str, Agreement] = {"ours": Agreement(), "majority class": Agreement()}
    majority = Counter(r["label_bias"] for r in items.values()).most_common(1)[0][0]
    for entry in ours:
        r = items[entry["sha1"]]
        text = r["text"]
        tokens = set(ll.word_tokens(text))
        gold = {w.lower() for w in ll.parse_biased_words(r["biased_words"])} & tokens
        mine = {w for s, e in entry["spans"] for w in ll.word_tokens(text[s:e])}
        base = {w for w in tokens if ll.adjective_like(w)}
        for name, pred in (("ours", mine), ("adjective-suffix rule", base)):
            word[name].add(PRF(len(gold), len(pred), len(gold & pred)))
        sent["ours"].pairs.append((r["label_bias"], "Biased" if entry["spans"] else "Non-biased"))
        sent["majority class"].pairs.append((r["label_bias"], majority))
    rows = [(k, v.precision, v.recall, v.f1, v.gold, v.pred) for k, v in word.items()]
    out = f"BABE dev, {len(ours)} sentences: words\n\n" + table(
        ("method", "word P", "word R", "word F1", "gold words", "marked words"), rows
    )
    rows2 = [(k, v.macro_f1(["Biased", "Non-biased"]), v.accuracy, v.n) for k, v in sent.items()]
    out += "\n\nBABE dev: a sentence with any loaded span is Biased\n\n" + table(
        ("method", "macro-F1", "accuracy", "sentences"), rows2
    )
    return out


def newsmtsc() -> str | None:
    path = CORPUS / "calibration" / "newsmtsc.json"
    if not path.exists() or not (SHARED / "newsmtsc").is_dir():
        return None
    names = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
    gold = {}
    for line in open(SHARED / "newsmtsc" / "dev_rw.jsonl", encoding="utf-8"):
        r = json.loads(line)
        gold[r["primary_gid"]] = names[r["targets"][0]["polarity"]]
    ours = json.loads(path.read_text(encoding="utf-8"))["items"]
    ag = Agreement([(gold[x["gid"]], x["tone"]) for x in ours])
    majority = Counter(a for a, _ in ag.pairs).most_common(1)[0][0]
    base = Agreement([(a, majority) for a, _ in ag.pairs])
    labels = ["negative", "neutral", "positive"]
    rows = [
        (n, a.accuracy, a.macro_f1(labels), a.kappa, a.n) for n, a in (("ours", ag), ("majority class", base))
    ]
    confusion = Counter(ag.pairs)
    conf = "; ".join(
        f"gold {g} -> ours {o}: {confusion[(g, o)]}"
        for g in labels
        for o in labels
        if g != o and confusion[(g, o)]
    )
    return (
        f"NewsMTSC dev_rw, {ag.n} targets\n\n"
        + table(("method", "accuracy", "macro-F1", "kappa", "targets"), rows)
        + f"\n\nDisagreements: {conf}."
    )


# -- double annotation ----------------------------------------------------------------------


def double_annotation() -> str | None:
    from framing.corpus import load_corpus

    if not (SHARED / "article_bias").is_dir():
        return None
    corpus = load_corpus(CORPUS, SHARED / "article_bias")
    pairs = [
        (corpus.annotations[a], corpus.doubles[a]) for a in sorted(corpus.doubles) if a in corpus.annotations
    ]
    if not pairs:
        return None
    roles = {r: PRF() for r in ("source", "cue", "content", "attribution")}
    speaker, kind, stype = Agreement(), Agreement(), Agreement()
    loaded_all, loaded_own = PRF(), PRF()
    voice, category, strength = Agreement(), Agreement(), Agreement()
    actors = PRF()
    role = Agreement()
    for a, b in pairs:
        for r in ("source", "cue", "content"):
            ga = [seg for x in a.attributions for seg in getattr(x, r)]
            gb = [seg for x in b.attributions for seg in getattr(x, r)]
            roles[r].add(match_spans(sorted(set(ga)), sorted(set(gb)))[0])
        cands = []
        for i, x in enumerate(a.attributions):
            for j, y in enumerate(b.attributions):
                ov = overlap(x.cue, y.cue)
                if ov:
                    cands.append((ov, i, j))
        matched = match_one_to_one(cands)
        roles["attribution"].add(PRF(len(a.attributions), len(b.attributions), len(matched)))
        for i, j in matched:
            x, y = a.attributions[i], b.attributions[j]
            if x.speaker != "?" and y.speaker != "?":
                speaker.pairs.append(("same", "same" if same_name(x.speaker, y.speaker) else "other"))
            kind.pairs.append((x.kind, y.kind))
            stype.pairs.append((x.speaker_type, y.speaker_type))
        sa = [(x.start, x.end) for x in a.loaded]
        sb = [(x.start, x.end) for x in b.loaded]
        prf, mp = match_spans(sa, sb)
        loaded_all.add(PRF(prf.gold, prf.pred, prf.matched))
        oa = [(x.start, x.end) for x in a.loaded if x.own]
        ob = [(x.start, x.end) for x in b.loaded if x.own]
        po, _ = match_spans(oa, ob)
        loaded_own.add(PRF(po.gold, po.pred, po.matched))
        for i, j in mp:
            voice.pairs.append((a.loaded[i].voice, b.loaded[j].voice))
            category.pairs.append((a.loaded[i].category, b.loaded[j].category))
            strength.pairs.append((a.loaded[i].strength, b.loaded[j].strength))
        cands = []
        for i, x in enumerate(a.actors):
            for j, y in enumerate(b.actors):
                if any(same_name(p, q) for p in (x.name, *x.aliases) for q in (y.name, *y.aliases)):
                    cands.append((1, i, j))
        am = match_one_to_one(cands)
        actors.add(PRF(len(a.actors), len(b.actors), len(am)))
        for i, j in am:
            role.pairs.append((a.actors[i].role_own, b.actors[j].role_own))
    rows = [
        (
            "attributions",
            "source spans (overlap)",
            roles["source"].f1,
            roles["source"].gold,
            roles["source"].pred,
        ),
        ("attributions", "cue spans (overlap)", roles["cue"].f1, roles["cue"].gold, roles["cue"].pred),
        (
            "attributions",
            "content spans (overlap)",
            roles["content"].f1,
            roles["content"].gold,
            roles["content"].pred,
        ),
        (
            "attributions",
            "attributions (cues overlap)",
            roles["attribution"].f1,
            roles["attribution"].gold,
            roles["attribution"].pred,
        ),
        ("attributions", "same speaker, on matched", speaker.accuracy, speaker.n, "-"),
        ("attributions", "same kind, on matched (kappa)", kind.kappa, kind.n, "-"),
        ("attributions", "same speaker type, on matched (kappa)", stype.kappa, stype.n, "-"),
        ("loaded", "spans, all voices (overlap F1)", loaded_all.f1, loaded_all.gold, loaded_all.pred),
        ("loaded", "spans, own voice (overlap F1)", loaded_own.f1, loaded_own.gold, loaded_own.pred),
        ("loaded", "voice, on matched (kappa)", voice.kappa, voice.n, "-"),
        ("loaded", "voice, on matched (agreement)", voice.accuracy, voice.n, "-"),
        ("loaded", "category, on matched (agreement)", category.accuracy, category.n, "-"),
        ("loaded", "strength, on matched (agreement)", strength.accuracy, strength.n, "-"),
        ("actors", "actors chosen (F1, matched by name)", actors.f1, actors.gold, actors.pred),
        ("actors", "own-voice role, on matched (agreement)", role.accuracy, role.n, "-"),
        ("actors", "own-voice role, on matched (kappa)", role.kappa, role.n, "-"),
    ]
    out = f"Double annotation: {len(pairs)} articles annotated twice, independently\n\n" + table(
        ("layer", "measure", "value", "items (first)", "items (second)"), rows
    )
    clusters = double_clusters(corpus)
    if clusters:
        out += "\n\n" + clusters
    return out


def double_clusters(corpus) -> str | None:  # type: ignore[no-untyped-def]
    from corpus_scoring import links_from_facts

    import framing

    names = sorted(set(corpus.double_clusters) & set(corpus.clusters))
    if not names:
        return None
    links = PRF()
    qstatus = Agreement()
    pipe = framing.Pipeline()
    for name in names:
        a, b = corpus.clusters[name], corpus.double_clusters[name]
        sentences = {}
        for aid in a.articles:
            art = corpus.article(aid)
            sentences[aid] = list(pipe.analyze(framing.Article(art.text, id=aid)).sentences)
        la = links_from_facts(((f.status, f.spans) for f in a.facts), sentences)
        lb = links_from_facts(((f.status, f.spans) for f in b.facts), sentences)
        links.add(PRF(len(la), len(lb), len(la & lb)))
        for qa in a.quotes:
            for qb in b.quotes:
                shared = [
                    x
                    for x in a.articles
                    if x in qa.spans and x in qb.spans and overlap([qa.spans[x]], [qb.spans[x]])
                ]
                if shared:
                    for x in a.articles:
                        qstatus.pairs.append((qa.status.get(x, "absent"), qb.status.get(x, "absent")))
                    break
    rows = [
        ("same-claim sentence links (F1)", links.f1, links.gold, links.pred),
        ("shared quotation status, on matched (agreement)", qstatus.accuracy, qstatus.n, "-"),
        ("shared quotation status, on matched (kappa)", qstatus.kappa, qstatus.n, "-"),
    ]
    return f"Double annotation of {len(names)} event clusters\n\n" + table(
        ("measure", "value", "items (first)", "items (second)"), rows
    )


def main(argv: Sequence[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    for part in (polnear, babe, newsmtsc, double_annotation):
        out = part()
        if out is None:
            print(f"({part.__name__}: no annotations or data yet)\n")
        else:
            print(out + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
