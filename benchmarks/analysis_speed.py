"""Processor time of the full default analysis, by stage, against earlier code.

Each version of framing is a checkout (a git worktree) named on the command line; each
is run in a process of its own with that checkout first on ``PYTHONPATH``, so it imports
its own framing (the child prints which). The versions take turns, run after run, so a
busy machine weighs on each alike; the first one named is the baseline, and each row
says how far from it the others are. Every process builds a ``Pipeline()``, warms it up
on one article, then times ``Pipeline.analyze`` over the same articles (field
``content_original`` of the article_bias sample) with ``time.process_time``: the whole
call, segmentation, each analyser, and what is left (building the result). It asserts
nothing::

    git worktree add /work/wt-base-old 2387639
    .venv/bin/python benchmarks/analysis_speed.py old=/work/wt-base-old new=.
    .venv/bin/python benchmarks/analysis_speed.py old=../wt-base-old main=../wt-base-new new=. --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article_bias" / "train_sample6000.jsonl"


def articles(path: Path, count: int) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("content_original") or ""
            if text.strip():
                out.append(text)
            if len(out) == count:
                break
    return out


def child(path: Path, count: int) -> dict[str, Any]:
    """Time one checkout's analysis in this process; framing comes from PYTHONPATH."""
    import framing
    from framing import Article, Pipeline

    texts = articles(path, count)
    pipeline = Pipeline()
    pipeline.analyze(Article(texts[0]))
    spent: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started

        return call

    pipeline.segmenter = timed("segmentation", pipeline.segmenter)  # type: ignore[method-assign]
    for analyzer in pipeline.analyzers:
        analyzer.analyze = timed(analyzer.name, analyzer.analyze)  # type: ignore[method-assign]
    started = time.process_time()
    for text in texts:
        pipeline.analyze(Article(text))
    total = time.process_time() - started
    stages = {"total": total, **spent}
    stages["rest"] = total - sum(spent.values())
    return {"framing": framing.__file__, "articles": len(texts), "stages": stages}


def run_child(checkout: Path, path: Path, count: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--data", str(path), "--articles", str(count)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"{checkout}: the analysis failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    expected = (checkout / "framing" / "__init__.py").resolve()
    if Path(result["framing"]).resolve() != expected:
        sys.exit(f"{checkout}: imported {result['framing']}, not {expected}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="*", help="NAME=CHECKOUT, the baseline first")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.data, args.articles)))
        return 0
    versions = [v.split("=", 1) if "=" in v else [v, v] for v in args.versions or [f"this={REPO}"]]
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _ in versions}
    for run in range(args.runs):
        for name, checkout in versions:
            result = run_child(Path(checkout).resolve(), args.data, args.articles)
            results[name].append(result["stages"])
            print(
                f"run {run + 1}, {name}: {result['stages']['total']:.2f} s ({result['framing']})",
                file=sys.stderr,
            )
    stages: list[str] = []
    for runs in results.values():
        for stage in runs[0]:
            if stage not in stages:
                stages.append(stage)
    base_name = versions[0][0]
    print(
        f"Processor seconds for {args.articles} articles, {args.runs} interleaved runs (median; each run)\n"
    )
    print("| stage | " + " | ".join(name for name, _ in versions) + " |")
    print("|---|" + "---:|" * len(versions))
    for stage in stages:
        cells = []
        base = statistics.median(r.get(stage, 0.0) for r in results[base_name])
        for name, _ in versions:
            values = [r.get(stage, 0.0) for r in results[name]]
            mid = statistics.median(values)
            each = ", ".join(f"{v:.2f}" for v in values)
            versus = "" if name == base_name or not base else f" ({mid / base - 1:+.0%})"
            cells.append(f"{mid:.2f}{versus} [{each}]")
        print(f"| {stage} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
