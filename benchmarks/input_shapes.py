"""How long hostile shapes of text take as they grow, against ordinary prose.

``tests/test_growth.py`` counts the work of each shape at two small sizes; this times
them at sizes where a quadratic step would show in seconds: unbalanced opening
quotation marks in a run-on sentence (3.3, 13.1 and 55.7 s for 0.48, 0.96 and 1.92
million characters before it was fixed), long lines, and text dense with names or with
speech verbs. The baseline, from the same run, is ordinary prose (the seed articles,
repeated). For each it prints the processor seconds of segmentation (sentences, quotations,
attribution: the step that was quadratic) and of the whole analysis at each size, and
how much each doubling multiplied them (about 2 is linear, 4 quadratic). It asserts
nothing:

    .venv/bin/python benchmarks/input_shapes.py
    .venv/bin/python benchmarks/input_shapes.py --sizes 120000,240000,480000
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from framing import Article, Pipeline

REPO = Path(__file__).resolve().parent.parent

SHAPES = {
    "run-on, unbalanced \u201c": "he said \u201cword and ",
    "run-on, unbalanced \u00ab": "he said \u00abword and ",
    "unbalanced \u201c in sentences": "\u201cWord here. ",
    "long line of words": "word ",
    "name-dense": "Dana Bash and Mr Bash ",
    "cue-dense": "said, he said, ",
}


def prose() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))


def text_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seconds(fn, text: str) -> float:  # type: ignore[no-untyped-def]
    """Processor seconds, which other work on a busy machine does not inflate."""
    started = time.process_time()
    fn(Article(text))
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="240000,480000,960000", help="characters, comma-separated")
    parser.add_argument("--no-analysis", action="store_true", help="time segmentation only")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pipeline = Pipeline()
    pipeline.analyze("Warm up: Rioters came, officials said.")
    steps = {"segmentation": pipeline.segmenter}
    if not args.no_analysis:
        steps["analysis"] = pipeline.analyze
    header = " | ".join(f"{n / 1e6:.2f}M chars" for n in sizes)
    print(f"| text | step | {header} | growth per doubling |")
    print("|---|---|" + "---:|" * len(sizes) + "---|")
    for name, unit in {"baseline: ordinary prose": prose(), **SHAPES}.items():
        for step, fn in steps.items():
            times = [seconds(fn, text_of(unit, n)) for n in sizes]
            growth = ", ".join(f"x{b / a:.1f}" for a, b in itertools.pairwise(times))
            cells = " | ".join(f"{t:.2f} s" for t in times)
            print(f"| {name} | {step} | {cells} | {growth} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
