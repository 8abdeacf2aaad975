"""Score ``cluster`` on sets of messy reprints from the independent generator of
``messy_bench.py``.

Data: as ``messy_bench.py`` (``../shared/data/corpus``; the script says so and exits 0
when it is absent).

Each set is made from one clean document of ``messy_bench.py`` (news, Q&A or law) and
holds five copies: copy 0 is the clean text set the newspaper way (``render_a``: hard
wraps, column breaks, page jumps, captions, datelines); copies 1 to 4 each carry their own
injected variants (``inject``: up to eight, one of them an omitted paragraph), the odd
ones set as markdown, another hard wrap or a paragraph to a line (``render_b``), the even
ones the newspaper way too. Every clean character is tracked through every layout, so
the lines each paragraph of the clean text takes in each copy are known.

``cluster_sources`` groups the five copies (one process), and the groups are scored:

* **paragraphs grouped**: for each paragraph of the clean text and each copy 1–4 that
  carries it, whether the member of that copy holding it (its lines) is in the group of
  the member of copy 0 holding it;
* **mixed groups**: groups whose members hold no block of the clean text (a paragraph,
  a heading, the title) in common;
* **variants found**: a gold variant of copy k is found when the group of copy 0's
  paragraph holding it has a place where a reading of copy 0 and a reading of copy k fit
  it (compared with spaces, punctuation, ``*``, ``#`` and ▲ taken out, as
  ``messy_bench.py`` compares); an omitted paragraph also when that group has no member
  of copy k (the paragraph was a unit of its own);
* **places explained**: the share of places, in groups with a member of copy 0, that
  some gold variant of a copy explains that way (the rest are spurious).

Run ``python benchmarks/messy_sets.py [--seeds 1] [--sets 10]`` (sets per source).
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import jieba  # noqa: E402
import messy_bench as mb  # noqa: E402

from variantdiff.cluster import Clustering, Group, cluster_sources  # noqa: E402
from variantdiff.config import Config  # noqa: E402
from variantdiff.load import Source  # noqa: E402

COPIES = 5


@dataclass
class MessySet:
    name: str
    sources: list[Source]
    #: per copy: paragraph block -> the lines it takes
    lines: list[dict[int, set[int]]]
    #: per copy (0 has none): the gold variants
    gold: list[list[mb.Gold]]
    paragraphs: list[int]


@dataclass
class Score:
    grouped: int = 0
    carried: int = 0
    mixed: int = 0
    groups: int = 0
    found: int = 0
    gold: int = 0
    places: int = 0
    explained: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("grouped", "carried", "mixed", "groups", "found", "gold", "places",
                     "explained"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.spurious += other.spurious


def make_set(source: str, index: int, seed: int) -> MessySet:
    rng = random.Random(f"set-{source}-{index}-{seed}")
    make = {"news": mb.doc_news, "qa": mb.doc_qa, "law": mb.doc_law}[source]
    sid, blocks = make(rng)
    log: dict[str, Any] = {"source": source, "story": sid, "seed": seed}
    writers = [mb.render_a(blocks, rng, dict(log))]
    gold: list[list[mb.Gold]] = [[]]
    for k in range(1, COPIES):
        copy, variants = mb.inject(blocks, rng)
        writers.append(mb.render_b(copy, rng, dict(log))[0] if k % 2 else
                       mb.render_a(copy, rng, dict(log)))
        gold.append(variants)
    name = f"{source}_{index:03d}_s{seed}"
    sources = [Source(f"{name}/copy{k}.txt", w.text("\n"), "utf-8")
               for k, w in enumerate(writers)]
    lines: list[dict[int, set[int]]] = []
    for w in writers:
        where: dict[int, set[int]] = defaultdict(set)
        for number, line in enumerate(w.lines, 1):
            for _, ref, _ in line:
                if ref is not None:
                    where[ref[0]].add(number)
        lines.append(where)
    paragraphs = [bi for bi, b in enumerate(blocks) if b["kind"] == "para"]
    return MessySet(name, sources, lines, gold, paragraphs)


def holds(member_lines: tuple[int, int], block_lines: set[int]) -> bool:
    lo, hi = member_lines
    return any(lo <= n <= hi for n in block_lines)


def explains(g: mb.Gold, base: str, copy: str) -> bool:
    """Do a reading of copy 0 (``base``) and one of the copy fit gold variant ``g``?"""
    if g["type"] == "add_sent":
        return mb.overlap(copy, g["b_text"])
    if g["type"] == "omit_para":
        return mb.overlap(base, g["a_text"]) and not mb.overlap(copy, g["a_text"])
    if g["type"] == "drop":
        return mb.norm(g["a_text"]) in mb.norm(base) and mb.norm(base) != mb.norm(copy)
    return mb.contain(g["a_text"], base) and mb.contain(g["b_text"], copy)


def score_set(s: MessySet, result: Clustering) -> Score:
    score = Score(groups=len(result.groups))

    def member_of(doc: int, block: int) -> tuple[Group, int] | None:
        for group in result.groups:
            for n, m in enumerate(group.members):
                if m.doc == doc and holds((m.start_line, m.end_line), s.lines[doc][block]):
                    return group, n
        return None

    for group in result.groups:
        # (the title newspaper copies carry is not tracked: a member holding nothing
        # tracked is left out)
        blocks = [held for held in ({bi for bi, where in s.lines[m.doc].items()
                                     if holds((m.start_line, m.end_line), where)}
                                    for m in group.members) if held]
        if len(blocks) > 1 and not set.intersection(*blocks):
            score.mixed += 1
    for bi in s.paragraphs:
        base = member_of(0, bi)
        for k in range(1, COPIES):
            if bi not in s.lines[k]:
                continue
            score.carried += 1
            there = member_of(k, bi)
            if base and there and there[0] is base[0]:
                score.grouped += 1
    explained: set[tuple[str, int]] = set()
    for k in range(1, COPIES):
        for g in s.gold[k]:
            score.gold += 1
            base = member_of(0, g["a_ref"][0])
            # an omitted paragraph that is a unit of its own: the copy has no member there
            # (and when no copy has it, copy 0's is in no group)
            hit = g["type"] == "omit_para" and (k not in base[0].docs if base else all(
                g["a_ref"][0] not in s.lines[j] for j in range(1, COPIES)))
            for n, place in enumerate(base[0].places if base else ()):
                ours = [r.text for r in place.readings if 0 in r.docs]
                theirs = [r.text for r in place.readings if k in r.docs]
                if ours and theirs and ours != theirs and explains(g, ours[0], theirs[0]):
                    hit = True
                    explained.add((base[0].id, n) if base else ("", n))
            if hit:
                score.found += 1
            else:
                score.misses.append(f"{s.name} copy{k} {g['type']} "
                                    f"{g['a_text'][:20]}/{g['b_text'][:20]}")
    for group in result.groups:
        if 0 not in group.docs:
            continue
        for n, place in enumerate(group.places):
            score.places += 1
            if (group.id, n) in explained:
                score.explained += 1
            else:
                readings = " | ".join(f"{r.text[:16]!r}{list(r.docs)}" for r in place.readings)
                score.spurious.append(f"{s.name} {group.id} {place.kind}: {readings}")
    return score


def ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=mb.seeds_arg, default=[1])
    parser.add_argument("--sets", type=int, default=10, help="sets per source (default 10)")
    parser.add_argument("--show", type=int, default=10, help="misses and spurious places shown")
    args = parser.parse_args()
    if not mb.STORIES.is_file() or not mb.LAWS.is_file():
        print(f"messy_sets: {mb.STORIES} or {mb.LAWS} not found (the data is not part of "
              "the repository); nothing to measure")
        return 0
    jieba.setLogLevel(60)
    started = time.perf_counter()
    print(f"messy reprint sets of {COPIES} copies: seeds {','.join(map(str, args.seeds))}, "
          f"{args.sets} sets per source; Python {platform.python_version()}")
    print(f"{'source':8s} {'sets':>4s} {'paragraphs grouped':>22s} {'mixed':>6s} "
          f"{'variants found':>22s} {'places explained':>22s} {'cluster s':>9s}")
    total = Score()
    for source in mb.SOURCES:
        per = Score()
        seconds = 0.0
        for seed in args.seeds:
            for index in range(args.sets):
                s = make_set(source, index, seed)
                t0 = time.perf_counter()
                result = cluster_sources(s.sources, Config())
                seconds += time.perf_counter() - t0
                per.add(score_set(s, result))
        print(f"{source:8s} {args.sets * len(args.seeds):4d} "
              f"{ratio(per.grouped, per.carried):>22s} {per.mixed:6d} "
              f"{ratio(per.found, per.gold):>22s} {ratio(per.explained, per.places):>22s} "
              f"{seconds:9.1f}")
        total.add(per)
    print(f"{'all':8s} {'':4s} {ratio(total.grouped, total.carried):>22s} {total.mixed:6d} "
          f"{ratio(total.found, total.gold):>22s} {ratio(total.explained, total.places):>22s}")
    for title, items in (("missed", total.misses), ("spurious places", total.spurious)):
        print(f"\n{title} ({len(items)}):")
        for item in items[:args.show]:
            print("  " + item)
    print(f"\nwall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
