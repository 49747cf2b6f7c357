"""Small corpora written for the batch tests, in every input format."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

OUTLETS = ("The Gazette", "Daily Ledger", "<script>alert(1)</script> News")

SENTENCES = (
    'Rioters brutalized the town on Tuesday, and officials squashed dissent. "We will not back down," '
    "Mayor Jane Ortiz said.",
    "The council approved the budget after a long debate. Critics claimed that the so-called reform was a "
    "disaster for families.",
    '"The plan is reckless," said Tom Reyes, the county\'s chief spokesman. The vote is set for next week.',
    "Officials said the rollout went smoothly. According to a senior official, more funding will follow.",
    "Police clashed with protesters outside the courthouse. Several people were arrested, police said.",
    "The storm left thousands without power. Crews worked through the night to restore it.",
)


def corpus(n: int = 12) -> list[dict[str, str]]:
    """``n`` records: three outlets in turn, short texts built from the sentences above."""
    records = []
    for i in range(n):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
        records.append(
            {
                "id": f"a{i:03d}",
                "outlet": OUTLETS[i % len(OUTLETS)],
                "title": f"Story {i} <script>alert('t{i}')</script>" if i == 2 else f"Story {i}",
                "date": f"2024-01-{1 + i % 28:02d}",
                "url": f"https://example.org/{i}",
                "topic": "politics" if i % 2 else "weather",
                "text": text,
            }
        )
    return records


def write_jsonl(path: Path, records: list[dict[str, str]], *, gz: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_csv(path: Path, records: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path


@pytest.fixture
def records() -> list[dict[str, str]]:
    return corpus()


@pytest.fixture
def jsonl(tmp_path: Path, records: list[dict[str, str]]) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", records)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def tables(out: Path) -> dict[str, list[dict[str, object]]]:
    """The article and finding tables of a run folder, as read back from Parquet."""
    import pyarrow.dataset as ds

    return {
        name: ds.dataset(out / name, format="parquet").to_table().to_pylist()
        for name in ("articles", "findings")
    }


OUTPUT_FILES = (
    "articles.csv",
    "findings.csv",
    "errors.jsonl",
    "groups.csv",
    "groups.parquet",
    "summary.json",
    "summary.html",
    "schema.json",
    "inputs.json",
)


def same_outputs(a: Path, b: Path, *, summaries: bool = True) -> None:
    """Two run folders hold byte-identical outputs (the state file aside; the summaries
    name the inputs, so they are compared only when asked)."""
    for name in OUTPUT_FILES:
        if (name.startswith("summary.") or name == "inputs.json") and not summaries:
            continue
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    for folder in ("articles", "findings"):
        parts_a = sorted(p.name for p in (a / folder).iterdir())
        parts_b = sorted(p.name for p in (b / folder).iterdir())
        assert parts_a == parts_b
        for name in parts_a:
            assert (a / folder / name).read_bytes() == (b / folder / name).read_bytes(), name
