"""Generated reprint pairs (benchmarks/reprints.py): a newspaper layout against a markdown
one with known variants injected; compare must find every one and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from variantdiff import compare

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from reprints import make_pair, score, write_pair


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_generated_pair_found_exactly(seed: int, tmp_path: Path) -> None:
    pair = make_pair(6000, seed=seed)
    a, b = write_pair(pair, tmp_path)
    result = compare(str(a), str(b))
    assert len(result.pairs) == pair.qa_count
    recall, precision = score(pair, result)
    assert (recall, precision) == (1.0, 1.0)
