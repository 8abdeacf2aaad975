"""Boilerplate on a real news corpus written out as files.

Writes the CCTV news stories of ``../shared/data/corpus/xwlb_stories.jsonl`` (relative to
the repository root) as one text file each into a temporary directory, runs
``variantdiff boilerplate DIR --format json`` in a subprocess (process start included) and
prints its time, peak memory and what it found: the fixed opening line every story
begins with (央视网消息（新闻联播）：) should be the largest cross-document group.

    python benchmarks/boilerplate_bench.py               # every story (about 35 MB)
    python benchmarks/boilerplate_bench.py --limit 2000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xwlb_stories.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="stories to take (0: all)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the external data is not part of the repository)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "xwlb"
        folder.mkdir()
        size = count = 0
        with CORPUS.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = record["text"]
                (folder / f"{record['id']}.txt").write_text(text, "utf-8")
                size += len(text.encode("utf-8"))
                count += 1
                if args.limit and count >= args.limit:
                    break
        command = [sys.executable, "-m", "variantdiff", "boilerplate", str(folder),
                   "--format", "json", "--output", str(Path(tmp) / "out.json")]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if done.returncode not in (0, 1):
            print(done.stderr)
            return 1
        data = json.loads((Path(tmp) / "out.json").read_text("utf-8"))
    groups = data["boilerplate"]
    print(f"variantdiff boilerplate on {count} stories written as files, "
          f"{size / 1e6:.1f} MB")
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}; "
          f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"command: python benchmarks/boilerplate_bench.py"
          f"{f' --limit {args.limit}' if args.limit else ''}")
    print(f"time {elapsed:.1f} s ({size / 1e6 / elapsed:.2f} MB/s, process start included), "
          f"peak RSS {peak:.0f} MB, {len(groups)} boilerplate groups")
    ranked = sorted(groups, key=lambda g: -len({o['doc'] for o in g["occurrences"]}))
    print("largest groups (documents, occurrences, text):")
    for group in ranked[:12]:
        docs = len({o["doc"] for o in group["occurrences"]})
        print(f"  {docs:6d} {len(group['occurrences']):6d}  {group['text'][:50]}")
    within = sum(1 for g in groups if len({o['doc'] for o in g["occurrences"]}) == 1)
    print(f"groups within one document: {within}; across documents: {len(groups) - within}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
