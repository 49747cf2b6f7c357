"""The classroom page under load: latency, memory and errors for many users at once.

Starts ``framing serve`` on 127.0.0.1 (a free port; nothing leaves this computer) and
sends it, 8 at a time, 200 requests that each paste two real articles (consecutive
texts of ``../shared/data/article_bias/valid.jsonl``, field ``content_original``; the
benchmark says so and stops when the file is absent), as the form does: a multipart
POST to ``/analyse`` with the page's own Origin. Then one request of 20 MB: four text
files of 4.9 MB each. It measures, in one run:

1. **framing serve** with two worker processes (``--workers``; what it starts on the
   2-core machine the targets are set for, whatever this one has): p50 and p95 latency,
   answers by status (any 5xx is counted), and the memory of the server and its
   workers (the sum of their resident memory, read from ``/proc`` every 0.1 s): after
   warming up (16 requests before the 200, not counted), at the end, and at its peak;
2. **the 20 MB request**: its status and the time to its answer, against the bounds
   the page states (it must be refused, or answered within them);
3. **baselines from the same run**: the same 200 requests to a page with one worker
   (one request analysed at a time, as the page once worked under a single lock), and
   200 requests for the form (``GET /``, a page that does no analysis), 8 at a time.

It prints the machine and a table against the targets, and asserts nothing:

    .venv/bin/python benchmarks/serve_load.py
    .venv/bin/python benchmarks/serve_load.py --requests 50 --no-baseline
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from batch_throughput import machine  # (this folder is on the path when a benchmark runs)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article_bias" / "valid.jsonl"
TEXT_FIELD = "content_original"
AT_ONCE = 8
WARM_UP = 16
#: The most any one request is waited for (the page's own bounds are far below it).
REQUEST_TIMEOUT = 600


def articles(n: int) -> list[dict[str, str]]:
    out = []
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = record.get(TEXT_FIELD)
            if isinstance(text, str) and text.strip():
                out.append({"text": text, "outlet": str(record.get("source") or ""), "title": ""})
                if len(out) == n:
                    break
    return out


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]] = ()) -> tuple[bytes, str]:  # type: ignore[assignment]
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def send(url: str, body: bytes | None = None, kind: str | None = None) -> tuple[int, float, int]:
    """One request: its status, seconds to the whole answer, and the answer's size."""
    headers = {"Origin": url.split("/", 3)[0] + "//" + url.split("/", 3)[2]}
    if kind:
        headers["Content-Type"] = kind
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as r:
            data = r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        data = exc.read()
        status = exc.code
    except (urllib.error.URLError, OSError):
        data, status = b"", 599  # no answer at all counts as a server error
    return status, time.monotonic() - started, len(data)


class Server:
    """``framing serve`` in a process of its own, and the memory of it and its workers."""

    def __init__(self, workers: int | None):
        command = [sys.executable, "-m", "framing", "serve", "--port", "0", "--no-browser"]
        if workers:
            command += ["--workers", str(workers)]
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            # Ctrl+C stops it, even where this benchmark was started in the background
            # (which leaves its children ignoring SIGINT)
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        assert self.process.stdout is not None
        self.url = ""
        self.workers = 0
        while not self.url or not self.workers:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("framing serve did not start")
            if " the page is at " in line:
                self.url = line.split(" at ", 1)[1].strip().rstrip("/")
            elif "analysed at a time" in line:
                self.workers = int(line.split()[1])
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        self.samples: list[float] = []
        self._stop = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo += children.get(pid, [])
        return out

    def rss_mb(self) -> float:
        total = 0.0
        for pid in self.tree():
            try:
                pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            except (OSError, ValueError, IndexError):
                continue
            total += pages * os.sysconf("SC_PAGE_SIZE") / 2**20
        return total

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.rss_mb())
            time.sleep(0.1)

    def peak(self) -> float:
        return max(self.samples, default=0.0)

    def stop(self) -> None:
        self._stop.set()
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def percentile(ordered: list[float], share: float) -> float:
    """The value below which ``share`` of the (sorted) values lie (nearest rank)."""
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def load(server: Server, bodies: list[tuple[bytes, str]]) -> dict[str, Any]:
    """The requests, 8 at a time, after 16 to warm up; latency, statuses and memory."""
    results: list[tuple[int, float, int]] = [(0, 0.0, 0)] * len(bodies)
    done = [0]
    quarters: list[float] = []
    lock = threading.Lock()

    def one(k: int) -> None:
        results[k] = send(server.url + "/analyse", *bodies[k])
        with lock:
            done[0] += 1
            if done[0] % max(1, len(bodies) // 4) == 0 and len(quarters) < 4:
                quarters.append(server.rss_mb())

    with ThreadPoolExecutor(AT_ONCE) as pool:
        list(pool.map(lambda k: send(server.url + "/analyse", *bodies[k % len(bodies)]), range(WARM_UP)))
        warm = server.rss_mb()
        list(pool.map(one, range(len(bodies))))
    seconds = sorted(r[1] for r in results)
    return {
        "p50": statistics.median(seconds),
        "p95": percentile(seconds, 0.95),
        "statuses": Counter(r[0] for r in results),
        "errors": sum(1 for r in results if r[0] >= 500),
        "after_warm_up": warm,
        "quarters": quarters,
        "end": server.rss_mb(),
        "peak": server.peak(),
    }


def forms(server: Server, n: int) -> dict[str, Any]:
    with ThreadPoolExecutor(AT_ONCE) as pool:
        results = list(pool.map(lambda _: send(server.url + "/"), range(n)))
    seconds = sorted(r[1] for r in results)
    return {"p50": statistics.median(seconds), "p95": percentile(seconds, 0.95)}


def twenty_megabytes(server: Server, texts: list[dict[str, str]]) -> dict[str, Any]:
    filler = "\n\n".join(t["text"] for t in texts).encode("utf-8")
    big = (filler * (4_900_000 // len(filler) + 1))[:4_900_000]
    body, kind = multipart({"view": "report"}, [(f"part{i}.txt", big) for i in range(4)])
    before = server.peak()
    status, seconds, _ = send(server.url + "/analyse", body, kind)
    return {"mb": len(body) / 2**20, "status": status, "seconds": seconds, "peak": max(server.peak(), before)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes of the page (default 2, as on 2 cores)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the one-worker baseline")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"serve_load: the articles are not here ({DATA}); nothing measured")
        return 0
    texts = articles(2 * args.requests)
    bodies = [
        multipart(
            {
                "text-1": texts[2 * k]["text"],
                "outlet-1": texts[2 * k]["outlet"],
                "text-2": texts[2 * k + 1]["text"],
                "outlet-2": texts[2 * k + 1]["outlet"],
                "view": "report",
            }
        )
        for k in range(args.requests)
    ]
    chars = [len(t["text"]) for t in texts]
    print("## Machine\n")
    for key, value in machine().items():
        print(f"- {key}: {value}")
    print(
        f"\n{args.requests} requests of two articles each ({statistics.median(chars):,.0f} characters "
        f"per article at the median, {max(chars):,} at most), {AT_ONCE} at a time.\n"
    )

    server = Server(args.workers)
    try:
        shipped = load(server, bodies)
        big = twenty_megabytes(server, texts)
        form = forms(server, args.requests)
        workers = server.workers
    finally:
        server.stop()
    baseline = None
    if not args.no_baseline:
        single = Server(1)
        try:
            baseline = load(single, bodies)
        finally:
            single.stop()

    def row(name: str, r: dict[str, Any], target: str) -> str:
        statuses = ", ".join(f"{n} x {s}" for s, n in sorted(r["statuses"].items()))
        quarters = " / ".join(f"{mb:,.0f}" for mb in r["quarters"])
        return (
            f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['errors']} ({statuses}) | "
            f"{r['after_warm_up']:,.0f} | {quarters} | {r['peak']:,.0f} | {target} |"
        )

    print(
        "| page | p50 s | p95 s | 5xx (all answers) | MB after warm-up | MB after each quarter "
        "of the requests | peak MB | target |"
    )
    print("|---|---:|---:|---|---:|---|---:|---|")
    print(row(f"framing serve ({workers} worker processes)", shipped, "p95 < 10 s, 0 x 5xx, flat memory"))
    if baseline:
        print(row("baseline: one worker (one request at a time)", baseline, "-"))
    print(
        f"| baseline: the form (GET /, no analysis) | {form['p50']:.2f} | {form['p95']:.2f} | - | - | - | - | - |"
    )
    load_now = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nLoad average (1, 5, 15 min) at the end: {load_now}.\n")
    print("| 20 MB request | MB sent | status | seconds to the answer | peak MB | target |")
    print("|---|---:|---:|---:|---:|---|")
    print(
        f"| four files of 4.9 MB | {big['mb']:.1f} | {big['status']} | {big['seconds']:.1f} | {big['peak']:,.0f} "
        "| refused, or answered within 90 s waiting + 90 s of work |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
