"""Time ``variantdiff compare`` against a plain difflib run, and score it on a generated pair.

Run from the repository root with the Python that has variantdiff installed::

    python benchmarks/compare_bench.py [--chars 30000] [--seed 0] [--runs 5] [--floor]

Cases: (a) seeds 000 vs 003, (b) ``make_pair(chars, seed)`` written to a temporary
directory, (c) a copy that sets one passage twice on one line against a copy that sets it
in paragraphs, after other matter (the end of seed 002 and the start of 001, against 3,500
characters of 002 joined into one line, twice), and with ``--floor`` (0) two one-line files
(the start-up cost alone). For each:

* the wall time of ``python -m variantdiff compare A B --format json`` in a subprocess,
  process start included (one warm-up run, then the median of ``--runs``), and its exit
  status; the runs use a user cache of the benchmark's own, and the very first run, which
  fills it, is timed and reported apart;
* the same for a subprocess that runs difflib on the two raw texts (no warm-up: it has no
  caches of its own, and the variantdiff runs before it have warmed the interpreter);
* the in-process time of ``variantdiff.compare(A, B)`` alone (one warm-up call, then the
  median; jieba's per-text memo is cleared before each call);
* for (b), recall and precision of the visible variants against the generated gold list
  (see ``reprints.evaluate``).
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import reprints  # noqa: E402

import variantdiff  # noqa: E402

T = TypeVar("T")

DIFFLIB = ('import difflib, sys; a = open(sys.argv[1], encoding="utf-8").read(); '
           'b = open(sys.argv[2], encoding="utf-8").read(); '
           'difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()')
#: two one-line files: what a comparison costs before any text is compared
TINY = ("新华社记者：好吗？\n\n王毅：积极回援。\n", "新华社记者：好吗？\n\n王毅：积极回报。\n")


@dataclass
class Row:
    name: str
    chars: tuple[int, int]
    cli: float
    exit_status: int
    in_process: float
    difflib: float
    difflib_exit: int
    recall: float | None = None
    precision: float | None = None


def median_time(job: Callable[[], T], runs: int, warm_up: bool) -> tuple[float, T]:
    """Median wall time of ``runs`` calls of ``job`` (after one untimed call if
    ``warm_up``), and the last call's result."""
    if warm_up:
        job()
    times = []
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(cmd: list[str]) -> int:
    return subprocess.run(cmd, capture_output=True, check=False).returncode


def first_run(cmd: list[str]) -> float:
    """Wall time of ``cmd`` run once, untimed otherwise: with the benchmark's cache still
    empty it is a first run on a new machine (the index of jieba's dictionary and the
    MinHash permutations are built into the cache, which later runs read)."""
    start = time.perf_counter()
    run(cmd)
    return time.perf_counter() - start


def clear_caches() -> None:
    """Forget variantdiff's per-text memo (jieba word boundaries) between timed runs, so
    each in-process run does the whole job; one-time set-up (dictionaries) stays loaded."""
    words = sys.modules.get("variantdiff.words")
    if words is not None:
        words.clear_memo()


def measure(name: str, a: Path, b: Path, runs: int,
            pair: reprints.Reprints | None) -> tuple[Row, list[str]]:
    cli_cmd = [sys.executable, "-m", "variantdiff", "compare", str(a), str(b), "--format", "json"]
    base_cmd = [sys.executable, "-c", DIFFLIB, str(a), str(b)]
    cli, status = median_time(lambda: run(cli_cmd), runs, warm_up=True)
    base, base_status = median_time(lambda: run(base_cmd), runs, warm_up=False)

    def in_process() -> variantdiff.Comparison:
        clear_caches()
        return variantdiff.compare(str(a), str(b))

    inproc, comparison = median_time(in_process, runs, warm_up=True)
    row = Row(name, (len(a.read_text(encoding="utf-8")), len(b.read_text(encoding="utf-8"))),
              cli, status, inproc, base, base_status)
    notes: list[str] = []
    if pair is not None:
        result = reprints.evaluate(pair, comparison)
        row.recall, row.precision = result.recall, result.precision
        kinds = Counter(g.kind for g in pair.gold)
        content = sum(u.kind in ("qa", "speech", "text") for _, u in comparison.unpaired)
        notes.append(f"{name}: {pair.qa_count} Q&As in both copies, {len(comparison.pairs)} "
                     f"pairs, {content} unpaired content units; gold "
                     + ", ".join(f"{k} {kinds[k]}" for k in reprints.KINDS if kinds[k])
                     + f"; found {len(result.found)}, missed {len(result.missed)}, "
                     f"spurious {len(result.spurious)}")
        for g in result.missed[:6]:
            notes.append(f"  missed   {g.kind:13} {g.a_text[:16]!r} / {g.b_text[:16]!r} "
                         f"(a.txt:{g.a_line}, b.txt:{g.b_line})")
        for v in result.spurious[:6]:
            notes.append(f"  spurious {v.kind:13} {v.a_text[:16]!r} / {v.b_text[:16]!r} "
                         f"(a.txt:{v.a.start_line}, b.txt:{v.b.start_line})  {v.context}")
    notes.append(f"{name} commands:\n  {shlex.join(cli_cmd)}\n  {shlex.join(base_cmd)}")
    return row, notes


def table(rows: list[Row], runs: int) -> str:
    head = ("case", "chars A/B", f"variantdiff CLI (median {runs})", "exit",
            "compare() in-process", f"difflib CLI (median {runs})", "exit", "recall", "precision")
    body = [(r.name, f"{r.chars[0]}/{r.chars[1]}", f"{r.cli:.2f} s", str(r.exit_status),
             f"{r.in_process:.2f} s", f"{r.difflib:.2f} s", str(r.difflib_exit),
             "-" if r.recall is None else f"{r.recall:.3f}",
             "-" if r.precision is None else f"{r.precision:.3f}") for r in rows]
    widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in (head, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=30000,
                        help="size of the generated pair (default 30000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated pair")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure (median)")
    parser.add_argument("--floor", action="store_true",
                        help="also time two one-line files: the start-up cost alone")
    args = parser.parse_args()

    started = time.perf_counter()
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: os.cpu_count()={os.cpu_count()}, {platform.platform()}, "
          f"{platform.machine()}, Python {platform.python_version()}, "
          f"variantdiff {variantdiff.__version__}")
    if hasattr(os, "getloadavg"):
        print("load average at start (1, 5, 15 min): "
              + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    seeds = ROOT / "seeds"
    seed_a = next(seeds.glob("000_*.txt"))
    seed_b = next(seeds.glob("003_*.txt"))
    rows, notes = [], []
    # a cache of the benchmark's own, empty at first (variantdiff.cache)
    cache = tempfile.TemporaryDirectory(prefix="variantdiff-bench-cache-")
    os.environ["VARIANTDIFF_CACHE_DIR"] = cache.name
    cold = first_run([sys.executable, "-m", "variantdiff", "compare", str(seed_a), str(seed_b),
                      "--format", "json"])
    notes.append(f"first run on an empty cache, seeds 000 vs 003: {cold:.2f} s (builds the "
                 "word index and the MinHash permutations; every timed run below reads them)")
    row, note = measure("(a) seeds 000 vs 003", seed_a, seed_b, args.runs, None)
    rows.append(row)
    notes.extend(note)
    with tempfile.TemporaryDirectory(prefix="variantdiff-bench-") as tmp:
        if args.floor:
            tiny_a, tiny_b = Path(tmp) / "tiny_a.txt", Path(tmp) / "tiny_b.txt"
            tiny_a.write_text(TINY[0], encoding="utf-8")
            tiny_b.write_text(TINY[1], encoding="utf-8")
            row, _ = measure("(0) two one-line files", tiny_a, tiny_b, args.runs, None)
            rows.insert(0, row)
        t0 = time.perf_counter()
        pair = reprints.make_pair(args.chars, args.seed)
        made = time.perf_counter() - t0
        a, b = reprints.write_pair(pair, tmp)
        row, note = measure(f"(b) make_pair({args.chars}, seed={args.seed})", a, b,
                            args.runs, pair)
        rows.append(row)
        notes.extend(note)
        twice_a, twice_b = Path(tmp) / "twice_a.txt", Path(tmp) / "twice_b.txt"
        first = next(seeds.glob("001_*.txt")).read_text(encoding="utf-8")
        second = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8")
        twice_a.write_text(second[2676:] + "\n" + first[:3943], encoding="utf-8")
        twice_b.write_text(second.replace("\n", "")[2218:5718] * 2 + "\n", encoding="utf-8")
        row, note = measure("(c) one passage twice on one line", twice_a, twice_b,
                            args.runs, None)
        rows.append(row)
        notes.insert(0, f"make_pair({args.chars}, seed={args.seed}) took {made:.2f} s")
        notes.extend(note)
    print()
    print(table(rows, args.runs))
    print()
    print("\n".join(notes))
    cache.cleanup()
    print(f"\ntotal benchmark time {time.perf_counter() - started:.1f} s", end="")
    if hasattr(os, "getloadavg"):
        print("; load average at end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()),
              end="")
    print()


if __name__ == "__main__":
    main()
