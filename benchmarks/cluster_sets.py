"""Score ``cluster`` on generated reprint sets: which copy carries which Q&A, and the
variants collated in each group.

Run from the repository root with the Python that has variantdiff installed::

    python benchmarks/cluster_sets.py [--sets 10] [--chars 12000] [--copies 5]

Each set is ``reprints.make_set(chars, copies, seed)`` for seeds 0, 1, …: copy 0 carries
every Q&A unchanged in a newspaper layout; every other copy leaves out about a quarter of
the Q&As and has its own injected variants, in a markdown layout with a few Q&As moved
(odd copies) or a newspaper one (even copies). Needs no external data.

* **Grouping.** Each member of a group is taken for the Q&A of its copy that holds most of
  its 3-shingles. Gold pairs: two copies carrying the same Q&A. A predicted pair is two
  members of one group from different copies; it is right when both are the same Q&A.
  A *mixed* group holds members of two or more Q&As.
* **Collation.** An injected variant is found when the group of its Q&A has a place where
  the variant's copy reads its new text and copy 0 reads the old one (an omission: copy 0
  reads the first characters of the paragraph and the copy does not).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reprints import ReprintSet, SetVariant, make_set

from variantdiff.chars import match_key
from variantdiff.cluster import Clustering, Group, build_document, cluster_sources
from variantdiff.config import Config
from variantdiff.load import Source


def shingles(text: str) -> set[str]:
    key = match_key(text)
    return {key[i:i + 3] for i in range(max(len(key) - 2, 1))}


def members_of(result: Clustering, sources: list[Source], qa: ReprintSet,
               ) -> dict[str, list[tuple[int, int]]]:
    """Each group's members as (copy, Q&A index); groups of headings (the title, set
    alike by the copies) are left out."""
    config = Config()
    units = [build_document(s, config).units for s in sources]
    keys = [shingles(u) for u in qa.units]
    out: dict[str, list[tuple[int, int]]] = {}
    for g in result.groups:
        if g.base.kind == "heading":
            continue
        found = []
        for m in g.members:
            own = shingles(units[m.doc][m.unit].text)
            best = max(qa.carried[m.doc], key=lambda b: len(own & keys[b]))
            found.append((m.doc, best))
        out[g.id] = found
    return out


def variant_found(v: SetVariant, copy: int, group: Group) -> bool:
    for place in group.places:
        mine = [r.text for r in place.readings if copy in r.docs]
        base = [r.text for r in place.readings if 0 in r.docs]
        if not mine or not base:
            continue
        if v.kind == "omission":
            head = v.a_text.replace("\n", "")[:10]
            if head in base[0].replace("\n", "") and head not in mine[0].replace("\n", ""):
                return True
        elif v.b_text in mine[0] and v.a_text in base[0]:
            return True
    return False


def score_set(seed: int, chars: int, copies: int) -> dict[str, float]:
    qa = make_set(chars, copies, seed)
    sources = [Source(f"copy{k}.txt", text, "utf-8") for k, text in enumerate(qa.texts)]
    t0 = time.perf_counter()
    result = cluster_sources(sources, Config())
    seconds = time.perf_counter() - t0
    members = members_of(result, sources, qa)
    gold = {(b, x, y) for b in range(len(qa.units))
            for x, y in itertools.combinations([k for k in range(copies) if b in qa.carried[k]], 2)}
    right = wrong = mixed = 0
    group_of: dict[tuple[int, int], Group] = {}
    for g in result.groups:
        found = members.get(g.id, [])
        mixed += len({b for _, b in found}) > 1
        for item in found:
            group_of[item] = g
        for (x, bx), (y, by) in itertools.combinations(found, 2):
            if x != y:
                if bx == by:
                    right += 1
                else:
                    wrong += 1
    variants = [(k, v) for k in range(copies) for v in qa.variants[k]]
    hits = sum(1 for k, v in variants
               if (k, v.unit) in group_of and variant_found(v, k, group_of[(k, v.unit)]))
    return {"seed": seed, "qas": len(qa.units), "chars": sum(len(t) for t in qa.texts),
            "groups": len(result.groups), "gold": len(gold), "right": right, "wrong": wrong,
            "mixed": mixed, "variants": len(variants), "found": hits, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=10)
    parser.add_argument("--chars", type=int, default=12000)
    parser.add_argument("--copies", type=int, default=5)
    args = parser.parse_args()
    print(f"command: python benchmarks/cluster_sets.py --sets {args.sets} --chars {args.chars} "
          f"--copies {args.copies}")
    print(f"machine: Python {platform.python_version()}, {platform.platform()}\n")
    head = "set  Q&As  chars   groups  pairs right/gold  wrong  mixed  variants found  cluster s"
    print(head)
    total: dict[str, float] = {}
    for seed in range(args.sets):
        r = score_set(seed, args.chars, args.copies)
        print(f"{seed:<4} {r['qas']:<5} {r['chars']:<7} {r['groups']:<7} "
              f"{r['right']:>5}/{r['gold']:<11} {r['wrong']:<6} {r['mixed']:<6} "
              f"{r['found']:>4}/{r['variants']:<9} {r['seconds']:.2f}")
        for k, v in r.items():
            total[k] = total.get(k, 0) + v
    print(f"\nall  pairs: recall {total['right'] / total['gold']:.4f} "
          f"({total['right']:.0f}/{total['gold']:.0f}), wrong pairs {total['wrong']:.0f}, "
          f"mixed groups {total['mixed']:.0f}; variants collated "
          f"{total['found'] / total['variants']:.4f} ({total['found']:.0f}/"
          f"{total['variants']:.0f}); cluster {total['seconds']:.1f} s")


if __name__ == "__main__":
    main()
