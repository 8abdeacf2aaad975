"""``compare`` on real dated editions of the same law: coverage, variant kinds, speed.

Data: ``../shared/data/real/law_versions.jsonl`` relative to the project root, 104 records
``{"id","title","a_version_date","b_version_date","relation","a_text","b_text",...}``
(``relation`` is the data set's own label: near_duplicate, revised, mostly_different).
Each pair's two texts are written to temporary files and compared with
``variantdiff.compare(path_a, path_b)``, the path the command line takes.

Per pair: characters (A/B), units, pairs of units, unpaired units, visible variants by kind,
the share of single-character substitutions (``substitution`` with one character on each
side) and wall time. A pair where that share is over 30% is flagged as *soup*: amendments
should come out as readings and blocks, not as scattered characters. Then totals, medians
and three excerpts of the output for a reader to judge.

Run ``python benchmarks/law_bench.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from variantdiff import Comparison, Variant, compare
from variantdiff.chars import match_key
from variantdiff.classify import KINDS
from variantdiff.words import prepare_dictionary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "real" / "law_versions.jsonl"
#: a pair is flagged as soup when more than this share of its variants are
#: single-character substitutions
SOUP_SHARE = 0.30
_ABBR = {"substitution": "sub", "insertion": "ins", "deletion": "del", "transposition": "tra",
         "punctuation": "pun", "script": "scr", "width": "wid", "numeral": "num",
         "whitespace": "ws", "omission": "OMI", "addition": "ADD", "move": "MOV",
         "furniture": "fur"}


@dataclass
class Result:
    id: str
    title: str
    relation: str
    dates: tuple[str, str]
    chars: tuple[int, int]
    units: tuple[int, int]
    pairs: int
    unpaired: int
    kinds: Counter[str]
    single: int
    #: unpaired units whose text (match key) stands verbatim in the other document
    verbatim: int
    #: units spanning more than one source line (the files have one paragraph a line)
    merged: int
    seconds: float
    comparison: Comparison

    @property
    def variants(self) -> int:
        return sum(self.kinds.values())

    @property
    def soup_share(self) -> float:
        return self.single / self.variants if self.variants else 0.0


def is_single(v: Variant) -> bool:
    """A one-character substitution on both sides."""
    return v.kind == "substitution" and len(v.a_text) == 1 and len(v.b_text) == 1


def run_pair(record: dict[str, str], workdir: Path) -> Result:
    path_a = workdir / f"{record['id']}_a.txt"
    path_b = workdir / f"{record['id']}_b.txt"
    path_a.write_text(record["a_text"], encoding="utf-8")
    path_b.write_text(record["b_text"], encoding="utf-8")
    t0 = time.perf_counter()
    result = compare(str(path_a), str(path_b))
    seconds = time.perf_counter() - t0
    visible = [v for p in result.pairs for v in result.visible(p)]
    keys = [{match_key(u.text) for u in doc.units} for doc in result.documents]
    verbatim = sum(1 for d, u in result.unpaired if match_key(u.text) in keys[1 - d])
    merged = sum(1 for doc in result.documents for u in doc.units if u.end_line > u.start_line)
    return Result(record["id"], record["title"], record.get("relation") or "?",
                  (record.get("a_version_date") or "-", record.get("b_version_date") or "-"),
                  (len(record["a_text"]), len(record["b_text"])),
                  (len(result.documents[0].units), len(result.documents[1].units)),
                  len(result.pairs), len(result.unpaired), Counter(v.kind for v in visible),
                  sum(1 for v in visible if is_single(v)), verbatim, merged, seconds, result)


def _abbr(text: str, limit: int = 28) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[:limit] + "…"


def _kinds(kinds: Counter[str]) -> str:
    return " ".join(f"{_ABBR.get(k, k)}{kinds[k]}" for k in KINDS if kinds[k])


def _show(v: Variant) -> None:
    print(f"   A:{v.a.start_line}:{v.a.start_column} {_abbr(v.a_text) or '∅'} → "
          f"B:{v.b.start_line}:{v.b.start_column} {_abbr(v.b_text) or '∅'}  [{v.kind}]  "
          f"{v.context}")


def excerpt(res: Result, readings: int = 5, blocks: int = 2, unpaired: int = 2) -> None:
    """The variants of the most-changed pair of units, a few block variants and unpaired
    units of one law pair."""
    comp = res.comparison
    print(f"\n-- {res.id} {res.title} ({res.dates[0]} → {res.dates[1]}, {res.relation}): "
          f"{res.variants} variants ({_kinds(res.kinds)}), {res.unpaired} unpaired units")
    busiest = max(comp.pairs, key=lambda p: (len(comp.visible(p)), -p.a.start_line), default=None)
    if busiest is not None and comp.visible(busiest):
        print(f"   most-changed unit pair A:{busiest.a.start_line} ↔ B:{busiest.b.start_line} "
              f"({len(comp.visible(busiest))} variants):")
        for v in comp.visible(busiest)[:readings]:
            _show(v)
    block = [v for p in comp.pairs for v in comp.visible(p)
             if v.kind in ("omission", "addition", "move")]
    if block:
        print("   block variants:")
        for v in block[:blocks]:
            _show(v)
    for doc, unit in comp.unpaired[:unpaired]:
        print(f"   only in {'AB'[doc]}:{unit.start_line} ({unit.kind}) {_abbr(unit.text, 40)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="first N pairs of the file (default: all)")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"law_bench: {DATA} not found; skipping (the data is not part of the "
              "repository, see the README of ../shared/data).")
        return 0
    with open(DATA, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    if args.limit is not None:
        records = records[:args.limit]
    prepare_dictionary()  # load jieba's dictionary outside the timings
    print(f"variantdiff law-editions benchmark: {len(records)} pairs from {DATA}")
    print("kinds: sub ins del tra pun scr wid num = readings; OMI ADD MOV = blocks; "
          "1ch = single-character substitutions; vrb = unpaired units whose text stands verbatim in "
          f"the other document; SOUP = 1ch over {SOUP_SHARE:.0%} of variants")
    print(f"{'id':12} {'relation':16} {'chars A/B':>13} {'units A/B':>9} {'pairs':>5} "
          f"{'unpd':>4} {'vrb':>3} {'vars':>5} {'1ch':>5} {'time':>6}  kinds")
    results = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="law_bench_") as tmp:
        for record in records:
            res = run_pair(record, Path(tmp))
            results.append(res)
            flag = "  SOUP" if res.soup_share > SOUP_SHARE else ""
            print(f"{res.id:12} {res.relation:16} {res.chars[0]:6}/{res.chars[1]:<6} "
                  f"{res.units[0]:4}/{res.units[1]:<4} {res.pairs:5} {res.unpaired:4} {res.verbatim:3} "
                  f"{res.variants:5} {res.soup_share:5.0%} {res.seconds:5.2f}s  "
                  f"{_kinds(res.kinds)}{flag}")
    wall = time.perf_counter() - t0
    if not results:
        return 0
    kinds: Counter[str] = Counter()
    for res in results:
        kinds.update(res.kinds)
    chars = sum(a + b for res in results for a, b in [res.chars])
    variants = sum(res.variants for res in results)
    single = sum(res.single for res in results)
    units = sum(a + b for res in results for a, b in [res.units])
    paired = sum(2 * res.pairs for res in results)
    seconds = sum(res.seconds for res in results)
    soup = [res for res in results if res.soup_share > SOUP_SHARE]
    print(f"\n== totals over {len(results)} pairs")
    print(f"characters {chars:,} (A+B), units {units:,}, pairs of units {paired // 2:,} "
          f"({paired / max(units, 1):.1%} of units paired), unpaired units "
          f"{sum(res.unpaired for res in results):,}")
    print(f"variants {variants:,}: {', '.join(f'{k} {n}' for k, n in kinds.most_common())}")
    print(f"single-character substitutions {single:,} ({single / max(variants, 1):.1%} of variants)"
          f"; block variants (omission/addition/move) "
          f"{kinds['omission'] + kinds['addition'] + kinds['move']:,}")
    print(f"unpaired units whose text stands verbatim in the other document: "
          f"{sum(r.verbatim for r in results):,} (in {sum(1 for r in results if r.verbatim)} pairs)"
          f"; units merged across source lines: {sum(r.merged for r in results):,}")
    print(f"compare time {seconds:.1f} s in all ({chars / seconds / 1000:.0f} k chars/s), "
          f"wall time {wall:.1f} s")
    print("medians per pair: "
          f"characters {statistics.median(sum(r.chars) for r in results):,.0f}, "
          f"pairs of units {statistics.median(r.pairs for r in results):.0f}, "
          f"unpaired {statistics.median(r.unpaired for r in results):.0f}, "
          f"variants {statistics.median(r.variants for r in results):.0f}, "
          f"1ch share {statistics.median(r.soup_share for r in results):.1%}, "
          f"time {statistics.median(r.seconds for r in results):.2f} s; "
          f"max time {max(r.seconds for r in results):.2f} s "
          f"({max(results, key=lambda r: r.seconds).id})")
    by_relation: dict[str, list[Result]] = {}
    for res in results:
        by_relation.setdefault(res.relation, []).append(res)
    for relation, group in sorted(by_relation.items()):
        units_r = sum(sum(r.units) for r in group)
        print(f"  {relation:16} {len(group):3} pairs: {sum(2 * r.pairs for r in group) / units_r:.1%} "
              f"of units paired, median variants {statistics.median(r.variants for r in group):.0f}, "
              f"median 1ch share {statistics.median(r.soup_share for r in group):.1%}")
    print(f"soup (1ch > {SOUP_SHARE:.0%} of variants): {len(soup)} of {len(results)} pairs"
          + (": " + ", ".join(f"{r.id} ({r.single}/{r.variants})" for r in soup) if soup else ""))
    # Three excerpts: the pair with the median variant count of each relation.
    print("\n== excerpts (per relation, the pair with the median number of variants)")
    for _, group in sorted(by_relation.items()):
        ranked = sorted((r for r in group if r.variants), key=lambda r: (r.variants, r.id))
        if ranked:
            excerpt(ranked[len(ranked) // 2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
