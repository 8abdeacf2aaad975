"""Does the layout change what ``compare`` reads? Real texts set the messy ways reprints
are set, compared with themselves as given.

Data (relative to the project root; the script says so and exits 0 when it is absent):

* ``../shared/data/real/law_versions.jsonl``: 104 laws in two dated editions, a
  paragraph to a line (``a_text``, ``b_text``);
* ``../shared/data/corpus/xwlb_stories.jsonl``: news stories, a paragraph to a line (the
  first ``--stories`` records).

Each text is set by ``reprints.newspaper`` (hard-wrapped in a 13–16 character column,
blank lines between paragraphs and at some column breaks, spaces around digits, page
notes) and by ``reprints.markdown`` (``#`` title, ``##`` chapters, bold article numbers,
blank lines). Per layout it prints how many texts read as given: the same units (their
texts, page furniture aside) and no visible variant against the plain text. For
the law editions it also prints how many pairs give the same variants laid out (A set one
way, B another) as plain.

Beside it, a baseline that reads the laid-out text the simple way: paragraphs are the
blocks between blank lines, their lines joined (markdown marks and page notes left in).
Its figure is the share of texts whose paragraphs are those of the plain text.

Run ``python benchmarks/layout_bench.py [--stories 400]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reprints import markdown, newspaper

from variantdiff import compare_texts, document_from_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
LAWS = DATA / "real" / "law_versions.jsonl"
STORIES = DATA / "corpus" / "xwlb_stories.jsonl"


def content(text: str) -> list[str]:
    """The texts of the units, page furniture aside (a markdown ``#`` line is a heading
    where the plain text has a paragraph: the kinds are not compared)."""
    return [u.text for u in document_from_text(text).units if u.kind != "furniture"]


def readings(a: str, b: str) -> Counter[tuple[str, str, str]]:
    comparison = compare_texts(a, b)
    return Counter((v.kind, v.a_text, v.b_text)
                   for p in comparison.pairs for v in comparison.visible(p))


def naive(text: str) -> list[str]:
    """The baseline's paragraphs: blocks between blank lines, lines joined, spaces out."""
    blocks = re.split(r"\n\s*\n", text)
    return [re.sub(r"\s+", "", b) for b in blocks if b.strip()]


def plain(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.split("\n") if line.strip()]


def score(texts: list[tuple[str, str]], layout: Callable[[str, str], str]) -> dict[str, int]:
    same = clean = base = 0
    for key, text in texts:
        laid = layout(text, key)
        same += content(laid) == content(text)
        clean += not readings(text, laid)
        base += naive(laid) == plain(text)
    return {"texts": len(texts), "same units": same, "no variant": clean, "baseline": base}


def read(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=400)
    args = parser.parse_args()
    if not LAWS.is_file() or not STORIES.is_file():
        print(f"external data not found under {DATA} (it is not part of the repository); "
              "nothing to measure")
        return
    started = time.perf_counter()
    laws = read(LAWS)
    stories = read(STORIES, args.stories)
    sets = {"laws (A editions)": [(r["id"], r["a_text"]) for r in laws],
            f"news stories ({len(stories)})": [(str(r["id"]), r["text"]) for r in stories]}
    layouts: dict[str, Callable[[str, str], str]] = {
        "newspaper": newspaper, "markdown": lambda text, key: markdown(text)}
    print(f"{'texts':24s} {'layout':10s} {'n':>4s} {'same units':>11s} {'no variant':>11s} "
          f"{'baseline: same paragraphs':>26s}")
    for name, texts in sets.items():
        for layout_name, layout in layouts.items():
            s = score(texts, layout)
            print(f"{name:24s} {layout_name:10s} {s['texts']:4d} {s['same units']:11d} "
                  f"{s['no variant']:11d} {s['baseline']:26d}")
    same_pairs = sum(readings(r["a_text"], r["b_text"])
                     == readings(newspaper(r["a_text"], r["id"] + "a"),
                                 newspaper(r["b_text"], r["id"] + "b")) for r in laws)
    print(f"law edition pairs, both set the newspaper way (each its own column): "
          f"{same_pairs} of {len(laws)} give the variants of the plain pair")
    print(f"wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
