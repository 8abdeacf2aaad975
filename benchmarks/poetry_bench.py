"""``compare`` on real pairs: one classical poem as two collections transcribe it.

Data (relative to the project root; the script says so and exits 0 when it is absent):
``../shared/data/real/poetry_clusters.jsonl``, poems matched across collections
(``cluster``), in traditional or simplified characters, with variant characters
(甍/薨, 疎/疏) and line groupings of their own: one collection sets a couplet to a line,
another two, a third drops lines.

A seeded sample of pairs of records of one cluster (``--pairs``, default 300) is written
the way a user would hold them: title, author, a blank line, the text as the record has
it. Each pair is compared, and the script prints:

* *recall*: of the characters the two copies differ in (found by ``difflib`` on the two
  texts folded to simplified characters, white space aside), the share that a reported
  variant covers or that stands in a unit reported as only in one document;
* *paired*: the share of the units' characters that stand in paired units;
* *only in one, yet in the other*: units reported as only in one document whose text
  (match key) stands whole in the other document's text, a pairing failure;
* *exact*: reported variants whose ``file:line:column`` spans hold their texts;
* the variants' kinds, and the time per pair.

Beside it, the baseline a checker reaches for first: ``difflib.SequenceMatcher`` on the
two raw texts, its differing stretches counted, and how many of them are no variant at
all (white space only) or only a character's traditional form.

Run ``python benchmarks/poetry_bench.py [--pairs 300] [--seed 7]``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from variantdiff import compare_texts
from variantdiff.chars import match_key
from variantdiff.script import to_simplified

ROOT = Path(__file__).resolve().parents[1]
POEMS = ROOT.parent / "shared" / "data" / "real" / "poetry_clusters.jsonl"


def sample(pairs: int, seed: int) -> list[tuple[dict[str, str], dict[str, str]]]:
    """``pairs`` pairs of records of one cluster, seeded."""
    clusters: dict[str, list[dict[str, str]]] = defaultdict(list)
    with POEMS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            clusters[record["cluster"]].append(record)
    keys = sorted(k for k, members in clusters.items() if len(members) > 1)
    rng = random.Random(seed)
    chosen = rng.sample(keys, min(pairs, len(keys)))
    return [tuple(rng.sample(clusters[k], 2)) for k in chosen]  # type: ignore[misc]


def as_file(record: dict[str, str]) -> str:
    return f"{record['title']}\n{record['author']}\n\n{record['text'].strip()}\n"


def offsets(text: str) -> list[int]:
    """The start offset of each line of ``text``."""
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append(at)
        at += len(line) + 1
    return starts


def differing(a: str, b: str) -> tuple[set[int], set[int]]:
    """Offsets of the characters of ``a`` and ``b`` that differ, white space aside and
    script folded (simplified characters)."""
    keep = [[i for i, c in enumerate(t) if not c.isspace()] for t in (a, b)]
    folded = [to_simplified("".join(t[i] for i in k)) for t, k in zip((a, b), keep, strict=True)]
    if any(len(f) != len(k) for f, k in zip(folded, keep, strict=True)):
        folded = ["".join(t[i] for i in k) for t, k in zip((a, b), keep, strict=True)]
    out: tuple[set[int], set[int]] = (set(), set())
    matcher = difflib.SequenceMatcher(None, folded[0], folded[1], autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        if tag != "equal":
            out[0].update(keep[0][i0:i1])
            out[1].update(keep[1][j0:j1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not POEMS.is_file():
        print(f"external data not found: {POEMS} (it is not part of the repository); "
              "nothing to measure")
        return
    started = time.perf_counter()
    pairs = sample(args.pairs, args.seed)
    stats: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    spent = 0.0
    for first, second in pairs:
        a, b = as_file(first), as_file(second)
        t0 = time.perf_counter()
        result = compare_texts(a, b)
        spent += time.perf_counter() - t0
        starts = offsets(a), offsets(b)
        covered: tuple[set[int], set[int]] = (set(), set())
        for pair in result.pairs:
            for v in result.visible(pair):
                kinds[v.kind] += 1
                holds = True
                for d, (where, text) in enumerate(((v.a, v.a_text), (v.b, v.b_text))):
                    if not text:
                        holds = holds and where.start_column == where.end_column
                        continue
                    lo = starts[d][where.start_line - 1] + where.start_column - 1
                    hi = starts[d][where.end_line - 1] + where.end_column
                    holds = holds and "".join((a, b)[d][lo:hi].split()) == "".join(text.split())
                    covered[d].update(range(lo, hi))
                stats["exact"] += holds
        keys = [match_key(to_simplified(t)) for t in (a, b)]
        for d, unit in result.unpaired:
            lines = starts[d]
            lo = lines[unit.start_line - 1]
            hi = lines[unit.end_line] if unit.end_line < len(lines) else len((a, b)[d])
            covered[d].update(range(lo, hi))
            key = match_key(to_simplified(unit.text))
            stats["unpaired units"] += 1
            stats["unpaired, yet in the other"] += bool(key) and key in keys[1 - d]
        paired = sum(len(p.a.text) + len(p.b.text) for p in result.pairs)
        stats["paired chars"] += paired
        stats["unit chars"] += paired + sum(len(u.text) for _, u in result.unpaired)
        wanted = differing(a, b)
        stats["differing"] += len(wanted[0]) + len(wanted[1])
        stats["found"] += len(wanted[0] & covered[0]) + len(wanted[1] & covered[1])
        stats["variants"] += sum(len(result.visible(p)) for p in result.pairs)
        # the baseline
        for tag, i0, i1, j0, j1 in difflib.SequenceMatcher(None, a, b,
                                                           autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            stats["difflib"] += 1
            x, y = a[i0:i1], b[j0:j1]
            stats["difflib spacing"] += not (x + y).strip()
            stats["difflib script"] += bool((x + y).strip()) and x != y \
                and to_simplified(x) == to_simplified(y)
    n = len(pairs)
    print(f"{n} pairs of one poem in two collections (seed {args.seed})")
    print(f"recall: {stats['found']}/{stats['differing']} = "
          f"{stats['found'] / max(1, stats['differing']):.3f} of the differing characters")
    print(f"paired: {stats['paired chars'] / max(1, stats['unit chars']):.3f} of the units' "
          f"characters; units only in one document {stats['unpaired units']}, of which "
          f"in the other document's text {stats['unpaired, yet in the other']}")
    print(f"variants {stats['variants']}, positions exact {stats['exact']}/{stats['variants']}")
    print("kinds: " + ", ".join(f"{k} {c}" for k, c in kinds.most_common()))
    print(f"compare {1000 * spent / max(1, n):.1f} ms/pair")
    print(f"baseline difflib on the raw texts: {stats['difflib']} differing stretches, of "
          f"which white space only {stats['difflib spacing']}, traditional form only "
          f"{stats['difflib script']}")
    print(f"wall time {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
