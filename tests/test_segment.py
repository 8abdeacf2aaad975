"""Segmentation: the units of every seed, and constructed transcripts (cases/segments.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff import document_from_text, read_document
from variantdiff.chars import is_space

from .gold import seed

ROOT = Path(__file__).parent.parent
CASES = json.loads((Path(__file__).parent / "cases" / "segments.json").read_text("utf-8"))



@pytest.mark.parametrize(("prefix", "count"),
                         [("000", 15), ("001", 4), ("002", 9), ("003", 14), ("004", 11)])
def test_seed_qa_counts(prefix: str, count: int) -> None:
    """Every Q&A of every seed is found, no more."""
    doc = read_document(seed(prefix))
    assert sum(u.kind == "qa" for u in doc.units) == count


def test_seed_003_labels_and_lines() -> None:
    """Labels and line ranges of a hard-wrapped seed, including a label split over a wrap."""
    doc = read_document(seed("003"))
    qa = [(u.label, u.start_line, u.end_line) for u in doc.units if u.kind == "qa"]
    assert qa[:3] == [("《人民日报》记者", 21, 50), ("中国国际电视台记者", 52, 146),
                      ("今日俄罗斯国际通讯社记者", 148, 193)]
    assert qa[-1] == ("中新社记者", 710, 758)
    assert doc.units[0].kind == "furniture"  # the dateline
    assert doc.units[2].kind == "speech" and doc.units[2].label == "王毅"


def test_seed_001_label_split_across_lines() -> None:
    """今日俄罗斯国际通讯社记 / 者： over a line wrap is still one label."""
    doc = read_document(seed("001"))
    labels = [u.label for u in doc.units if u.kind == "qa"]
    assert labels == ["中国国际电视台记者", "新华社记者", "今日俄罗斯国际通讯社记者",
                      "《中国日报》记者"]


def test_no_furniture_or_heading_inside_answers() -> None:
    """Answers never contain page furniture, headings or bylines."""
    for prefix in ("000", "001", "002", "003", "004"):
        doc = read_document(seed(prefix))
        for unit in doc.units:
            if unit.kind == "qa":
                for marker in ("下转", "上接", "摄", "参与记者", "据新华社"):
                    assert marker not in unit.text, (prefix, unit.label, marker)


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:50] for c in CASES])
def test_constructed(case: dict[str, object]) -> None:
    doc = document_from_text(str(case["text"]))
    got = [[u.kind, u.label, u.speaker] for u in doc.units]
    assert got == case["units"], case["why"]


def _covered(text: str) -> None:
    doc = document_from_text(text)
    norm = doc.normalised
    seen: dict[int, str] = {}
    for unit in doc.units:
        for start, end in unit.parts:
            for i in range(start, end):
                assert i not in seen, "a character lies in two units"
                seen[i] = unit.id
    for i, c in enumerate(norm.text):
        if c != "\n" and not is_space(c):
            assert i in seen, f"character {c!r} at {i} is in no unit"


def test_nothing_lost_on_seeds() -> None:
    """Every non-space character of every seed lies in exactly one unit."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        _covered(path.read_text("utf-8"))


_PIECES = st.sampled_from([
    "新华社记者：", "王毅：", "发言人：", "（下转A03版）", "# 标题", "**", "中美关系", "。", "，",
    "\n", "\n\n", "据新华社北京5月24日电", "新华社记者 才扬摄", "一是：", "120 多亿", "？"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_nothing_lost_property(text: str) -> None:
    """For generated transcripts too, every character lies in exactly one unit."""
    if text.strip():
        _covered(text)
