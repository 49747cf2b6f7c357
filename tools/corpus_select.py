"""Choose the articles of the framing news corpus and write ``corpus/articles.tsv``.

The corpus is drawn from Article-Bias-Prediction (``../shared/data/article_bias``,
Apache-2.0): ``train_sample6000.jsonl`` and ``valid.jsonl``. The event clusters are
chosen by hand (``corpus/clusters.tsv``, each checked by reading); this script adds
single articles until each lean (``bias_text``: left, center, right) has its share,
spreads them over topics, and fixes the train/dev/test split. It is deterministic: the
order of candidates is the SHA-1 of a salt and the article id, so the same data gives
the same manifest, byte for byte.

    python tools/corpus_select.py               # writes corpus/articles.tsv
    python tools/corpus_select.py --check       # exits 1 if the file would change

Rules for a single article (the clusters are exempt, being chosen by hand):

* 300 to 1,500 words of ``content_original``;
* it quotes people: at least six quotation marks;
* news, not opinion: the title does not start with "Opinion", and the source is an
  outlet (at least 15 articles in the data, and no "Opinion", "Editorial" or "Guest
  Writer" in its name);
* readable text: no mojibake (``Ã``, ``â€``) left by a wrong decoding;
* not a second copy of an article already chosen (same text after collapsing spaces).

Split: by article, whole clusters kept together. Clusters are dealt to the split
furthest below its share of cluster articles (60/20/20); single articles are dealt per
lean in the same way. The ``double`` column marks the articles annotated twice, for
inter-annotator agreement: three whole clusters and every ninth single article in
hash order, at least 10% of the corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article_bias"
FILES = ("train_sample6000.jsonl", "valid.jsonl")
SALT = "framing-corpus-1"
PER_LEAN = 80
SHARES = {"train": 0.6, "dev": 0.2, "test": 0.2}
DOUBLE_CLUSTERS = 3
DOUBLE_EVERY = 9

#: Topic groups, so that the single articles spread over the kinds of news a class reads.
TOPIC_GROUPS = {
    "immigration": ("immigration", "mexico"),
    "police and protest": (
        "violence_in_america",
        "race_and_racism",
        "civil_rights",
        "criminal_justice",
        "police",
        "protests",
    ),
    "elections and parties": (
        "elections",
        "politics",
        "republican_party",
        "democratic_party",
        "campaign_finance",
        "campaign_rhetoric",
        "polarization",
        "us_house",
        "us_senate",
        "us_congress",
        "white_house",
        "impeachment",
    ),
    "economy": (
        "economy_and_jobs",
        "taxes",
        "federal_budget",
        "trade",
        "banking_and_finance",
        "labor",
        "economic_policy",
        "business",
        "fiscal_cliff",
    ),
    "health": ("healthcare", "coronavirus", "ebola", "public_health"),
    "foreign affairs": (
        "middle_east",
        "foreign_policy",
        "world",
        "north_korea",
        "china",
        "russia",
        "israel",
        "europe",
        "great_britain",
        "isis",
        "terrorism",
        "state_department",
        "asia",
        "africa",
        "iran",
    ),
    "security and military": ("national_security", "us_military", "defense", "national_defense", "nsa"),
    "guns": ("gun_control_and_gun_rights",),
    "climate and energy": ("environment", "energy", "climate_change"),
    "courts and justice": ("supreme_court", "justice", "justice_department", "fbi", "sexual_misconduct"),
    "society": ("education", "lgbt_rights", "abortion", "religion_and_faith", "free_speech", "culture"),
}
GROUP_OF = {topic: group for group, topics in TOPIC_GROUPS.items() for topic in topics}

_QUOTE_MARKS = re.compile(r"[\"“”]")
_OPINION_SOURCE = re.compile(r"opinion|editorial|guest writer|flip side", re.I)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def order_key(article_id: str) -> str:
    return sha1(f"{SALT}:{article_id}")


def load(data: Path) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for name in FILES:
        with open(data / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                row["_file"] = name
                rows[row["ID"]] = row
    return rows


def read_clusters(path: Path) -> list[tuple[str, str, list[str]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cluster\t"):
            continue
        cluster, event, ids = line.split("\t")
        out.append((cluster, event, ids.split()))
    return out


def words(text: str) -> int:
    return len(text.split())


def eligible(row: dict, outlet_sizes: Counter) -> bool:
    text = row["content_original"]
    source = row["source"]
    return (
        300 <= words(text) <= 1500
        and len(_QUOTE_MARKS.findall(text)) >= 6
        and not row["title"].strip().lower().startswith("opinion")
        and outlet_sizes[source] >= 15
        and not _OPINION_SOURCE.search(source)
        and "Ã" not in text
        and "â€" not in text
        and "Ã" not in row["title"]
    )


def deal(items: list[str], weight: dict[str, int], counts: dict[str, int]) -> dict[str, str]:
    """Give each item to the split furthest below its share; ``weight`` is items' sizes."""
    out = {}
    for item in items:
        total = sum(counts.values()) + weight[item]
        split = max(SHARES, key=lambda s: (SHARES[s] * total - counts[s], -list(SHARES).index(s)))
        out[item] = split
        counts[split] += weight[item]
    return out


def select(data: Path, clusters_path: Path) -> list[dict]:
    rows = load(data)
    clusters = read_clusters(clusters_path)
    outlet_sizes = Counter(r["source"] for r in rows.values())

    chosen: dict[str, dict] = {}
    cluster_of: dict[str, str] = {}
    for cluster, _event, ids in clusters:
        for article_id in ids:
            if article_id not in rows:
                raise SystemExit(f"{clusters_path}: cluster {cluster}: no article {article_id!r} in the data")
            chosen[article_id] = rows[article_id]
            cluster_of[article_id] = cluster

    seen_texts = {" ".join(r["content_original"].split()) for r in chosen.values()}
    by_lean: dict[str, list[dict]] = defaultdict(list)
    for row in sorted(rows.values(), key=lambda r: order_key(r["ID"])):
        if row["ID"] in chosen or not eligible(row, outlet_sizes):
            continue
        by_lean[row["bias_text"]].append(row)

    lean_counts = Counter(r["bias_text"] for r in chosen.values())
    singles: list[str] = []
    for lean in ("left", "center", "right"):
        need = PER_LEAN - lean_counts[lean]
        # Round-robin over topic groups, in hash order within each group.
        queues: dict[str, list[dict]] = defaultdict(list)
        for row in by_lean[lean]:
            queues[GROUP_OF.get(row["topic"], "other")].append(row)
        groups = sorted(queues, key=lambda g: order_key(g))
        taken = 0
        while taken < need and any(queues.values()):
            for group in groups:
                if taken >= need:
                    break
                while queues[group]:
                    row = queues[group].pop(0)
                    norm = " ".join(row["content_original"].split())
                    if norm in seen_texts:
                        continue
                    seen_texts.add(norm)
                    chosen[row["ID"]] = row
                    singles.append(row["ID"])
                    taken += 1
                    break
        if taken < need:
            raise SystemExit(f"only {taken} of {need} {lean} articles are eligible")

    # Splits: clusters first (whole), then singles per lean.
    cluster_ids = sorted({c for c, _e, _i in clusters}, key=order_key)
    sizes = {c: len(ids) for c, _e, ids in clusters}
    split_of_cluster = deal(cluster_ids, sizes, dict.fromkeys(SHARES, 0))
    split: dict[str, str] = {aid: split_of_cluster[c] for aid, c in cluster_of.items()}
    for lean in ("left", "center", "right"):
        ids = sorted((a for a in singles if chosen[a]["bias_text"] == lean), key=order_key)
        split.update(deal(ids, dict.fromkeys(ids, 1), dict.fromkeys(SHARES, 0)))

    # Double annotation: the first clusters in hash order, one per split, and every
    # ninth single article in hash order.
    double_clusters: list[str] = []
    for s in SHARES:
        for c in cluster_ids:
            if split_of_cluster[c] == s and len(double_clusters) < DOUBLE_CLUSTERS:
                double_clusters.append(c)
                break
    double = {a for a, c in cluster_of.items() if c in double_clusters}
    double.update(a for i, a in enumerate(sorted(singles, key=order_key)) if i % DOUBLE_EVERY == 0)

    out = []
    for aid in sorted(chosen, key=lambda a: (cluster_of.get(a, "~"), order_key(a))):
        row = chosen[aid]
        out.append(
            {
                "id": aid,
                "sha1": sha1(row["content_original"]),
                "file": row["_file"],
                "lean": row["bias_text"],
                "outlet": row["source"],
                "topic": row["topic"],
                "date": row["date"],
                "words": words(row["content_original"]),
                "cluster": cluster_of.get(aid, ""),
                "split": split[aid],
                "double": "yes" if aid in double else "no",
            }
        )
    return out


COLUMNS = ("id", "sha1", "file", "lean", "outlet", "topic", "date", "words", "cluster", "split", "double")
HEADER = """\
# framing news corpus: the articles, their text hashes and splits.
# Texts are not here: each is content_original of the article_bias record with this ID
# (../shared/data/article_bias/<file>), and its SHA-1 (UTF-8) must equal sha1.
# Written by tools/corpus_select.py; do not edit by hand.
"""


def render(rows: list[dict]) -> str:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    lines += ["\t".join(str(r[c]) for c in COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=Path, default=ROOT / "corpus" / "clusters.tsv")
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "articles.tsv")
    parser.add_argument("--check", action="store_true", help="exit 1 if the manifest would change")
    args = parser.parse_args(argv)
    rows = select(args.data, args.clusters)
    text = render(rows)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("corpus/articles.tsv is up to date" if same else "corpus/articles.tsv would change")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    n = Counter((r["split"], r["lean"]) for r in rows)
    print(f"{len(rows)} articles written to {args.out}")
    for s in SHARES:
        print(f"  {s:5}  " + "  ".join(f"{lean} {n[(s, lean)]:3}" for lean in ("left", "center", "right")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
