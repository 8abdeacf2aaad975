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


@pytest.mark.parametrize("seed", [21, 22])
def test_generated_set_grouped_and_collated(seed: int) -> None:
    """Five copies of one Q&A text (abridged, moved, laid out anew, each with its own
    variants): every Q&A two copies carry is one group with exactly its copies, and every
    injected variant is a place where its copy has the new reading."""
    from cluster_sets import score_set

    result = score_set(seed, 6000, 5)
    assert result["gold"] > 20 and result["variants"] > 20
    assert (result["right"], result["wrong"], result["mixed"]) == (result["gold"], 0, 0)
    assert result["found"] == result["variants"]
