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


REGULATION = (Path(__file__).parent / "cases" / "regulation.txt").read_text("utf-8")


def _content(text: str) -> list[tuple[str, str]]:
    from variantdiff import document_from_text

    return [(u.kind, u.text) for u in document_from_text(text).units if u.kind != "furniture"]


def test_a_law_set_as_markdown_reads_as_before() -> None:
    """The regulation as markdown (a # title, ## chapters, bold article numbers, a blank
    line after every paragraph, its dated preamble line among them): the same headings
    and paragraphs, and nothing to report."""
    from reprints import markdown

    from variantdiff import compare_texts

    laid_out = markdown(REGULATION)
    assert "## 第一章" in laid_out and "**第一条**" in laid_out
    assert _content(laid_out) == _content(REGULATION)
    comparison = compare_texts(REGULATION, laid_out)
    assert not comparison.has_differences


@pytest.mark.parametrize("seed", range(12))
def test_a_law_set_the_newspaper_way_reads_as_before(seed: int) -> None:
    """A regulation (chapters, articles, lists after a colon, references such as
    第五条第一款规定) hard-wrapped in a narrow column with blank lines between paragraphs
    and at column breaks: the same headings and paragraphs, and nothing to report."""
    from reprints import newspaper

    from variantdiff import compare_texts

    messy = newspaper(REGULATION, str(seed))
    assert _content(messy) == _content(REGULATION)
    comparison = compare_texts(REGULATION, messy)
    assert not [v for p in comparison.pairs for v in comparison.visible(p)]


def test_two_editions_set_the_newspaper_way_differ_as_before() -> None:
    """Two editions of a regulation, each hard-wrapped in its own column: the variants
    are those of the two clean texts."""
    from reprints import newspaper

    from variantdiff import compare_texts

    revised = (REGULATION.replace("不得低于百分之三十；", "不得低于百分之三十五；")
               .replace("一年内完成绿化", "六个月内完成绿化")
               .replace("（三）擅自砍伐、移植树木。",
                        "（三）擅自砍伐、移植树木；\n（四）其他损害城市绿化的行为。"))

    def readings(a: str, b: str) -> list[tuple[str, str, str]]:
        comparison = compare_texts(a, b)
        return sorted((v.kind, v.a_text, v.b_text) for p in comparison.pairs
                      for v in comparison.visible(p))

    clean = readings(REGULATION, revised)
    assert len(clean) >= 3
    for seed in range(4):
        assert readings(newspaper(REGULATION, f"a{seed}"), newspaper(revised, f"b{seed}")) == clean
