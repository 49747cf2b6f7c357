"""Does a change leave every analysis as it was? Byte for byte, on real articles.

``dump`` analyses the seed articles and the first articles of the article_bias
validation split (field ``content_original``, with its ``title``) with the default
``Pipeline()`` of the framing it imports, and writes the JSON of every
``ArticleAnalysis`` (``to_dict``, keys sorted), one line each. Run it with a checkout
first on ``PYTHONPATH`` to dump that checkout's code. ``compare`` says whether two dumps
are the same bytes and, where not, which articles differ and the first difference in
each::

    PYTHONPATH=../wt-base-new .venv/bin/python tools/same_output.py dump /tmp/before.jsonl
    .venv/bin/python tools/same_output.py dump /tmp/after.jsonl
    .venv/bin/python tools/same_output.py compare /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def articles(count: int) -> list[Any]:
    from framing import Article, read_articles

    out = list(read_articles(SHARED / "seeds"))
    with (SHARED / "data" / "article_bias" / "valid.jsonl").open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == count:
                break
            record = json.loads(line)
            out.append(
                Article(
                    record.get("content_original") or "", id=f"valid-{n}", title=record.get("title") or None
                )
            )
    return out


def dump(path: Path, count: int) -> int:
    import framing
    from framing import Pipeline

    pipeline = Pipeline()
    with path.open("w", encoding="utf-8") as out:
        for article in articles(count):
            out.write(
                json.dumps(pipeline.analyze(article).to_dict(), sort_keys=True, ensure_ascii=False) + "\n"
            )
    print(f"{path}: {framing.__file__}", file=sys.stderr)
    return 0


def first_difference(a: Any, b: Any, where: str = "") -> str:
    if type(a) is not type(b):
        return f"{where or '.'}: {a!r:.200} != {b!r:.200}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}.{key}: only in {'the second' if key in b else 'the first'}"
            if a[key] != b[key]:
                return first_difference(a[key], b[key], f"{where}.{key}")
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
    return f"{where or '.'}: {a!r:.200} != {b!r:.200}"


def compare(first: Path, second: Path) -> int:
    a = first.read_bytes().splitlines()
    b = second.read_bytes().splitlines()
    if len(a) != len(b):
        print(f"{len(a)} analyses != {len(b)}")
        return 1
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    for i in differ[:10]:
        x, y = json.loads(a[i]), json.loads(b[i])
        print(f"{x['article'].get('id')}: {first_difference(x, y)}")
    print(f"{len(a)} analyses, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="analyse and write one JSON line per article")
    d.add_argument("out", type=Path)
    d.add_argument("--articles", type=int, default=300, help="of the validation split")
    c = sub.add_parser("compare", help="are two dumps the same bytes")
    c.add_argument("first", type=Path)
    c.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.articles)
    return compare(args.first, args.second)


if __name__ == "__main__":
    sys.exit(main())
