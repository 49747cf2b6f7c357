"""Batch throughput, memory and start-up: framing against a naive baseline.

Reads 2,000 real articles from ``../shared/data/article_bias/train_sample6000.jsonl``
(field ``content_original``; the benchmark stops with a message when it is absent) and
measures, in one run:

1. **Throughput in one process** (articles/s and words/s, words split on white space)
   of framing's full default analysis (``Pipeline().analyze``, every analyser), and of a
   naive baseline in the same process: nltk's ``PunktSentenceTokenizer()`` (untrained)
   for sentences, vaderSentiment's ``SentimentIntensityAnalyzer`` on every sentence, and
   textstat's ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog`` and
   ``smog_index`` on every article. textstat would download the CMU Pronouncing
   Dictionary through nltk, which cannot be done here, so it is given the syllable
   counts framing ships, as ``tests/test_readability.py`` does.
2. **Peak memory** (the RSS high-water mark of a fresh ``framing batch --jobs 1``
   process, read with ``resource.getrusage`` in a wrapper process) for corpora of 1,000,
   10,000 and 50,000 articles made by repeating the sample (``--sizes`` picks others).
3. **Workers**: wall time of ``framing batch`` on the sample with ``--jobs 2`` against
   ``--jobs 1`` (both include start-up).
4. **Start-up**: the wall time of ``framing --help`` (best of 10).

It prints the machine and a table against the targets, and asserts nothing. Run it
from the repository (the memory runs for 50,000 articles take a while):

    .venv/bin/python benchmarks/batch_throughput.py
    .venv/bin/python benchmarks/batch_throughput.py --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article_bias" / "train_sample6000.jsonl"
TEXT_FIELD = "content_original"


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return {
        "CPUs": str(os.cpu_count()),
        "CPU model": model,
        "Python": platform.python_version(),
        "platform": platform.platform(),
        "load average (1, 5, 15 min) at start": load,
    }


def load_lines(path: Path, n: int) -> list[str]:
    """The first ``n`` lines with a non-empty text."""
    lines: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if isinstance(record.get(TEXT_FIELD), str) and record[TEXT_FIELD].strip():
                lines.append(line if line.endswith("\n") else line + "\n")
                if len(lines) == n:
                    break
    return lines


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def full_analysis(texts: list[str]) -> tuple[float, int]:
    """Seconds for the full analysis of every text, and how many raised an error (a
    batch run writes those to errors.jsonl and goes on; so does this loop)."""
    from framing import Pipeline

    pipeline = Pipeline()
    pipeline.analyze("A short text to build the lazily loaded tables.")
    failed = 0

    def run() -> None:
        nonlocal failed
        for text in texts:
            try:
                pipeline.analyze(text)
            except Exception:
                failed += 1

    return timed(run), failed


def naive_baseline(texts: list[str]) -> float:
    import textstat
    import textstat.backend.counts._count_syllables as count_module
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.readability_formulas import _cmu_table

    table = _cmu_table()

    class Phones(dict):  # type: ignore[type-arg]
        def __getitem__(self, word: str) -> list[list[str]]:
            return [["AH0"] * table[word]]

    count_module.get_cmudict = lambda lang: Phones()  # framing's syllable counts, no download
    tokenizer = PunktSentenceTokenizer()
    vader = SentimentIntensityAnalyzer()
    tokenizer.tokenize(texts[0])

    def run() -> None:
        for text in texts:
            for sentence in tokenizer.tokenize(text):
                vader.polarity_scores(sentence)
            textstat.flesch_reading_ease(text)
            textstat.flesch_kincaid_grade(text)
            textstat.gunning_fog(text)
            textstat.smog_index(text)

    return timed(run)


_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "code = run.returncode\n"
    "wall = time.perf_counter() - start\n"
    "sys.stderr.write(run.stderr.decode('utf-8', 'replace')[-4000:] if code else '')\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, wall)\n"
)


def framing_command() -> list[str]:
    script = Path(sys.executable).with_name("framing")
    return [str(script)] if script.exists() else [sys.executable, "-m", "framing"]


def batch_run(corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Peak RSS (MiB, largest process) and wall time (s) of one ``framing batch`` run."""
    command = [
        *framing_command(),
        "batch",
        str(corpus),
        "--text-field",
        TEXT_FIELD,
        "--group-by",
        "source",
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
        "--overwrite",
    ]
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    code, rss_kib, wall = proc.stdout.split()
    if code != "0":
        raise SystemExit(f"framing batch failed ({code}): {proc.stderr}")
    return int(rss_kib) / 1024, float(wall)


def help_time(rounds: int = 10) -> float:
    command = [*framing_command(), "--help"]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def row(name: str, value: str, target: str = "", verdict: str = "") -> str:
    return f"| {name:<52} | {value:>26} | {target:<28} | {verdict:<4} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="sample size (default: 2000)")
    parser.add_argument(
        "--sizes", default="1000,10000,50000", help="corpus sizes for the memory runs (comma-separated)"
    )
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory runs")
    parser.add_argument("--skip-jobs", action="store_true", help="leave out --jobs 2 against --jobs 1")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: the article sample is not here ({DATA}); this benchmark reads it")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    print("Machine")
    for key, value in machine().items():
        print(f"  {key}: {value}")

    lines = load_lines(DATA, args.articles)
    texts = [json.loads(line)[TEXT_FIELD] for line in lines]
    words = sum(len(t.split()) for t in texts)
    print(f"\n{len(texts):,} articles, {words:,} words (split on white space)\n")

    results: list[str] = []
    full, failed = full_analysis(texts)
    naive = naive_baseline(texts)
    ratio = (len(texts) / full) / (len(texts) / naive)
    results += [
        row("full analysis, one process", f"{len(texts) / full:,.1f} art/s {words / full:,.0f} w/s"),
        row("  articles whose analysis raised an error", f"{failed:,}"),
        row(
            "naive baseline, one process (see note)",
            f"{len(texts) / naive:,.1f} art/s {words / naive:,.0f} w/s",
        ),
        row("full / baseline throughput", f"{ratio:.2f}x", ">= 2x", "ok" if ratio >= 2 else "MISS"),
    ]

    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        folder = Path(tmp)
        sample = folder / "sample.jsonl"
        sample.write_text("".join(lines), encoding="utf-8")
        if not args.skip_jobs:
            _, one = batch_run(sample, folder / "jobs1", 1)
            _, two = batch_run(sample, folder / "jobs2", 2)
            speedup = one / two
            results += [
                row(
                    "framing batch --jobs 1 (wall, with start-up)",
                    f"{one:.1f} s {len(texts) / one:,.1f} art/s",
                ),
                row(
                    "framing batch --jobs 2 (wall, with start-up)",
                    f"{two:.1f} s {len(texts) / two:,.1f} art/s",
                ),
                row(
                    "--jobs 2 speed-up over --jobs 1",
                    f"{speedup:.2f}x",
                    ">= 1.8x",
                    "ok" if speedup >= 1.8 else "MISS",
                ),
            ]
        peaks: dict[int, float] = {}
        if not args.skip_memory:
            for size in sizes:
                corpus = folder / f"corpus-{size}.jsonl"
                with corpus.open("w", encoding="utf-8") as f:
                    for k in range(size):
                        f.write(lines[k % len(lines)])
                peak, wall = batch_run(corpus, folder / f"out-{size}", 1)
                peaks[size] = peak
                results.append(
                    row(
                        f"peak RSS, framing batch --jobs 1, {size:,} articles",
                        f"{peak:,.0f} MiB ({wall:,.0f} s)",
                    )
                )
                corpus.unlink()
                print(f"  ran {size:,} articles: {peak:,.0f} MiB, {wall:,.0f} s", flush=True)
            if len(peaks) >= 2:
                small, large = sorted(peaks)[-2], max(peaks)
                growth = peaks[large] / peaks[small] - 1
                results.append(
                    row(
                        f"peak RSS growth, {large:,} vs {small:,} articles",
                        f"{100 * growth:+.1f}%",
                        "within 10%",
                        "ok" if abs(growth) <= 0.10 else "MISS",
                    )
                )
    startup = help_time()
    results.append(
        row("framing --help (best of 10)", f"{startup:.3f} s", "< 0.3 s", "ok" if startup < 0.3 else "MISS")
    )

    print(row("measure", "value", "target", ""))
    print("|" + "-" * 54 + "|" + "-" * 28 + "|" + "-" * 30 + "|------|")
    for line in results:
        print(line)
    print(
        "\nNote: the baseline is nltk's untrained PunktSentenceTokenizer, VADER on every sentence and "
        "textstat's four grade formulas on every article. textstat is given framing's shipped CMU "
        "syllable counts (as tests/test_readability.py does) because it would otherwise download the "
        "CMU dictionary through nltk, which cannot be done here. The memory corpora repeat the sample."
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"Load average (1, 5, 15 min) at the end: {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
