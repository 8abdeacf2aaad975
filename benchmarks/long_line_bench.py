"""``compare`` on two long lines with no punctuation: time, memory and what it finds.

An unpunctuated text (a classical text set without marks, a transcription kept as one
line) is one sentence to ``compare``, so its characters are aligned in one stretch. Two
such lines of N characters each are generated (seeded: characters drawn from the 80 of the
千字文's opening, B a copy of A with one character in 500 changed), and for each N the
script prints, each in a fresh process (so that the memory is its own):

* variantdiff: ``compare_texts(A, B)`` — wall time, peak RSS (``ru_maxrss``), the
  variants found and how many of the planted changes a substitution covers at its place;
* baseline: what aligning the two lines whole takes, as the alignment did before it went
  piece by piece: ``rapidfuzz.distance.Levenshtein.opcodes(A, B)`` and
  ``Indel.opcodes(A, B)`` (the two alignments :func:`variantdiff.align._char_edits` makes)
  — wall time and peak RSS, and whether its edits are the ones variantdiff found.

Run ``python benchmarks/long_line_bench.py [--sizes 20000,80000,320000]
[--baseline-max 80000]`` (the baseline is left out above ``--baseline-max`` characters: at
320,000 a whole alignment takes minutes and over 12 GB).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: the characters the lines are made of
_CHARS = ("天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜"
          "金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇")
#: one planted change in this many characters
_EVERY = 500


def lines(n: int, seed: int = 5) -> tuple[str, str, list[int]]:
    """Two lines of ``n`` characters, B with a changed character every ``_EVERY`` or so,
    and where the changes stand."""
    rng = random.Random(seed)
    a = "".join(rng.choice(_CHARS) for _ in range(n))
    b = list(a)
    planted = sorted({rng.randrange(n) for _ in range(n // _EVERY)})
    for at in planted:
        b[at] = _CHARS[(_CHARS.index(a[at]) + 1) % len(_CHARS)]
    return a, "".join(b), planted


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(n: int, engine: str) -> dict[str, Any]:
    """Child process: one run."""
    a, b, planted = lines(n)
    if engine == "variantdiff":
        from variantdiff import compare_texts
        from variantdiff.words import prepare_dictionary

        prepare_dictionary(whole=True)  # (the word dictionary is not what is measured)
        start = time.perf_counter()
        result = compare_texts(a + "\n", b + "\n")
        took = time.perf_counter() - start
        variants = [v for p in result.pairs for v in p.variants]
        found = sum(1 for at in planted if any(
            v.kind == "substitution" and v.a_offsets[0] <= at < v.a_offsets[1]
            for v in variants))
        return {"n": n, "engine": engine, "s": took, "peak_mb": _peak_mb(),
                "variants": len(variants), "planted": len(planted), "found": found,
                "kinds": sorted({v.kind for v in variants})}
    from rapidfuzz.distance import Indel, Levenshtein

    start = time.perf_counter()
    edits = [op for op in Levenshtein.opcodes(a, b) if op.tag != "equal"]
    Indel.opcodes(a, b)
    took = time.perf_counter() - start
    return {"n": n, "engine": engine, "s": took, "peak_mb": _peak_mb(),
            "edits": len(edits), "planted": len(planted)}


def child(n: int, engine: str) -> dict[str, Any] | None:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(n),
                           "--engine", engine], capture_output=True, text=True, check=False)
    out = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode or not out:
        print(f"  {engine} {n}: failed (exit {done.returncode}) {done.stderr[-500:]}")
        return None
    result: dict[str, Any] = json.loads(out[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,80000,320000",
                        help="characters a line (default 20000,80000,320000)")
    parser.add_argument("--baseline-max", type=int, default=80_000,
                        help="the longest lines the baseline aligns (default 80000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="variantdiff", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.engine)))
        return
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(f"{'characters':>10}  {'engine':<11} {'seconds':>8} {'peak MB':>8}  found")
    for n in (int(x) for x in args.sizes.split(",") if x.strip()):
        ours = child(n, "variantdiff")
        if ours:
            print(f"{n:>10,}  {'variantdiff':<11} {ours['s']:>8.1f} {ours['peak_mb']:>8.0f}  "
                  f"{ours['found']}/{ours['planted']} planted changes as substitutions at "
                  f"their place; {ours['variants']} variants ({', '.join(ours['kinds'])})")
        if n <= args.baseline_max:
            base = child(n, "baseline")
            if base:
                print(f"{n:>10,}  {'baseline':<11} {base['s']:>8.1f} {base['peak_mb']:>8.0f}  "
                      f"{base['edits']} edits (Levenshtein) for {base['planted']} planted")
        else:
            print(f"{n:>10,}  {'baseline':<11} {'-':>8} {'-':>8}  left out (over "
                  f"--baseline-max)")


if __name__ == "__main__":
    main()
