"""Score compare's variants against the hand-made gold list of the seed reprints."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from variantdiff import Config, Variant, compare

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "seed_gold_variants.json"
LINE_SLACK = 0


@dataclass
class Score:
    found: list[tuple[dict[str, object], Variant]]
    missed: list[dict[str, object]]
    spurious: list[Variant]

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.found) + len(self.spurious)
        return len(self.found) / total if total else 1.0


def seed(prefix: str) -> str:
    return str(next((ROOT / "seeds").glob(f"{prefix}_*.txt")))


def _text_matches(gold: str, ours: str) -> bool:
    if gold.endswith("…"):
        return ours.replace("\n", "").startswith(gold[:-1])
    return gold == ours


def _same(g: dict[str, object], v: Variant) -> bool:
    return (g["kind"] == v.kind and _text_matches(str(g["a_text"]), v.a_text)
            and _text_matches(str(g["b_text"]), v.b_text)
            and abs(int(str(g["a_line"])) - v.a.start_line) <= LINE_SLACK
            and abs(int(str(g["b_line"])) - v.b.start_line) <= LINE_SLACK)


def score(gold: Iterable[dict[str, object]], ours: Iterable[Variant]) -> Score:
    pool = list(ours)
    found, missed = [], []
    for g in gold:
        hit = next((v for v in pool if _same(g, v)), None)
        if hit is None:
            missed.append(g)
        else:
            pool.remove(hit)
            found.append((g, hit))
    return Score(found, missed, pool)


def gold_pairs() -> list[dict[str, object]]:
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["pairs"])


def score_pair(entry: dict[str, object], config: Config | None = None) -> Score:
    result = compare(seed(str(entry["a"])), seed(str(entry["b"])), config)
    ours = [v for p in result.pairs for v in result.visible(p)]
    return score(entry["variants"], ours)  # type: ignore[arg-type]


if __name__ == "__main__":
    for entry in gold_pairs():
        s = score_pair(entry)
        print(f"{entry['a']} vs {entry['b']}: recall {s.recall:.3f} precision {s.precision:.3f}"
              f" ({len(s.found)} found, {len(s.missed)} missed, {len(s.spurious)} spurious)")
        for g in s.missed:
            print("   missed  ", g["kind"], g["a_text"], "/", g["b_text"], g["a_line"], g["b_line"])
        for v in s.spurious:
            print("   spurious", v.kind, v.a_text[:30], "/", v.b_text[:30], v.a.start_line,
                  v.b.start_line)
