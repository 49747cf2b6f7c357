"""Calibrate the corpus guide against published gold: PolNeAR, BABE and NewsMTSC.

Annotators work blind: ``prepare`` writes the texts to annotate, without any gold
label, to a folder outside the repository; the annotator's drafts are turned into
stored annotations (offsets and labels only, each item tied to its text by SHA-1) in
``corpus/calibration/``; ``benchmarks/corpus_agreement.py`` scores them against the
gold.

    python tools/corpus_calibration.py prepare [--out ../annotation/calibration]
    python tools/corpus_calibration.py resolve-polnear DRAFT.json --annotator a01
    python tools/corpus_calibration.py resolve-babe DRAFT.json --annotator a02
    python tools/corpus_calibration.py resolve-newsmtsc DRAFT.json --annotator a03

The items are fixed by hash order: 10 PolNeAR dev articles of 300 to 1,200 words, 300
BABE dev sentences (with a majority label), 200 NewsMTSC ``dev_rw`` targets (the first
target of each sentence).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import corpus_annotate as ca  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT.parent / "annotation" / "calibration"
STORE = ROOT / "corpus" / "calibration"
SALT = "framing-corpus-calibration-1"
N_POLNEAR, N_BABE, N_NEWSMTSC = 10, 300, 200


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def order(key: str) -> str:
    return sha1(f"{SALT}:{key}")


def polnear_items(shared: Path = SHARED) -> list[tuple[str, str]]:
    """(name, text) of the PolNeAR dev articles used for calibration."""
    texts = []
    for path in sorted((shared / "polnear" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if 300 <= len(text.split()) <= 1200:
            texts.append((path.stem, text))
    texts.sort(key=lambda x: order(x[0]))
    return texts[:N_POLNEAR]


def babe_items(shared: Path = SHARED) -> list[dict[str, str]]:
    with open(shared / "babe" / "babe_sg2_dev.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter=";") if r["label_bias"] in ("Biased", "Non-biased")]
    seen: set[str] = set()
    out = []
    for r in sorted(rows, key=lambda r: order(r["text"])):
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        out.append(r)
    return out[:N_BABE]


def newsmtsc_items(shared: Path = SHARED) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in open(shared / "newsmtsc" / "dev_rw.jsonl", encoding="utf-8")]
    rows.sort(key=lambda r: order(r["primary_gid"]))
    return rows[:N_NEWSMTSC]


def cmd_prepare(args: argparse.Namespace) -> int:
    out = Path(args.out)
    (out / "polnear").mkdir(parents=True, exist_ok=True)
    for name, text in polnear_items():
        (out / "polnear" / f"{name}.txt").write_text(text, encoding="utf-8")
    with open(out / "babe.txt", "w", encoding="utf-8") as fh:
        for n, r in enumerate(babe_items(), start=1):
            fh.write(f"{n}\t{r['text']}\n")
    with open(out / "newsmtsc.txt", "w", encoding="utf-8") as fh:
        for n, r in enumerate(newsmtsc_items(), start=1):
            t = r["targets"][0]
            s = r["sentence_normalized"]
            marked = s[: t["from"]] + "[[" + s[t["from"] : t["to"]] + "]]" + s[t["to"] :]
            fh.write(f"{n}\tTARGET: {t['mention']}\t{marked}\n")
    print(
        f"wrote {N_POLNEAR} PolNeAR texts, {N_BABE} BABE sentences and {N_NEWSMTSC} NewsMTSC targets to {out}"
    )
    return 0


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ca.dump(data), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


def _fail(draft: str, problems: list[str]) -> int:
    print(f"{len(problems)} problem(s) in {draft}:", file=sys.stderr)
    for line in problems:
        print(f"  - {line}", file=sys.stderr)
    return 1


def cmd_resolve_polnear(args: argparse.Namespace) -> int:
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    texts = dict(polnear_items())
    name = draft.get("name")
    if name not in texts:
        return _fail(args.draft, [f"name {name!r} is not one of the calibration texts: {', '.join(texts)}"])
    p = ca.Problems()
    attributions = ca.convert_attributions(draft.get("attributions") or [], ca.Text(texts[name]), p)
    for i, a in enumerate(attributions):
        for key in ("kind", "speaker_type"):
            if a.get(key) is None:
                p.items.append(f"attributions[{i}].{key}: missing")
    if p.items:
        return _fail(args.draft, p.items)
    _write(
        STORE / "polnear" / f"{name}.json",
        {
            "format": "framing-corpus-calibration-polnear",
            "format_version": "1",
            "text": name,
            "sha1": sha1(texts[name]),
            "annotator": args.annotator,
            "guide_version": ca.guide_version(),
            "attributions": attributions,
        },
    )
    return 0


def cmd_resolve_babe(args: argparse.Namespace) -> int:
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    items = babe_items()
    p = ca.Problems()
    got: dict[int, list] = {}
    for k, entry in enumerate(draft.get("items") or []):
        n = entry.get("n")
        if not isinstance(n, int) or not 1 <= n <= len(items):
            p.items.append(f"items[{k}]: n={n!r} is not a sentence number")
            continue
        t = ca.Text(items[n - 1]["text"])
        spans = [p.span(t, w, f"sentence {n} word {j}") for j, w in enumerate(entry.get("words") or [])]
        got[n] = sorted(s for s in spans if s)
    missing = [n for n in range(1, len(items) + 1) if n not in got]
    if missing:
        p.items.append(f"sentences without an entry (give an empty list of words): {missing[:20]}")
    if p.items:
        return _fail(args.draft, p.items)
    _write(
        STORE / "babe.json",
        {
            "format": "framing-corpus-calibration-babe",
            "format_version": "1",
            "annotator": args.annotator,
            "guide_version": ca.guide_version(),
            "items": [{"sha1": sha1(items[n - 1]["text"]), "spans": got[n]} for n in sorted(got)],
        },
    )
    return 0


def cmd_resolve_newsmtsc(args: argparse.Namespace) -> int:
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    items = newsmtsc_items()
    problems = []
    got: dict[int, str] = {}
    for k, entry in enumerate(draft.get("items") or []):
        n, tone = entry.get("n"), entry.get("tone")
        if not isinstance(n, int) or not 1 <= n <= len(items):
            problems.append(f"items[{k}]: n={n!r} is not a target number")
        elif tone not in ("negative", "neutral", "positive"):
            problems.append(f"items[{k}]: tone {tone!r} is not negative, neutral or positive")
        else:
            got[n] = tone
    missing = [n for n in range(1, len(items) + 1) if n not in got]
    if missing:
        problems.append(f"targets without a tone: {missing[:20]}")
    if problems:
        return _fail(args.draft, problems)
    out = []
    for n in sorted(got):
        r = items[n - 1]
        t = r["targets"][0]
        out.append(
            {
                "gid": r["primary_gid"],
                "sha1": sha1(r["sentence_normalized"]),
                "target": [t["from"], t["to"]],
                "tone": got[n],
            }
        )
    _write(
        STORE / "newsmtsc.json",
        {
            "format": "framing-corpus-calibration-newsmtsc",
            "format_version": "1",
            "annotator": args.annotator,
            "guide_version": ca.guide_version(),
            "items": out,
        },
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--out", default=str(OUT))
    p.set_defaults(func=cmd_prepare)
    for name, func in (
        ("resolve-polnear", cmd_resolve_polnear),
        ("resolve-babe", cmd_resolve_babe),
        ("resolve-newsmtsc", cmd_resolve_newsmtsc),
    ):
        p = sub.add_parser(name)
        p.add_argument("draft")
        p.add_argument("--annotator", required=True)
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
