"""Tests for the HTML, CSV and TEI renderers, and golden files for CSV, TEI and terminal output.

The golden files in ``tests/golden`` are the renderers' output for seeds 000 against 003.
After a deliberate change of output, regenerate them and review the diff::

    VARIANTDIFF_REGEN=1 pytest tests/test_reports.py
"""

from __future__ import annotations

import csv
import html as html_lib
import io
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from variantdiff import Boilerplate, Comparison, Config, Occurrence, compare, compare_texts
from variantdiff.report_csv import HEADER, render_csv
from variantdiff.report_html import render_html
from variantdiff.report_json import comparison_json
from variantdiff.report_tei import TEI_NS, render_tei
from variantdiff.report_terminal import render_comparison

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
S000 = "seeds/000_edcc097075259a0a.txt"
S003 = "seeds/003_90f7afa787323508.txt"
NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")

INJECTION = "<script>alert(1)</script>"
#: a press-conference transcript and a reprint of it with one word changed
QA = ("记者会\n\n新华社记者：中美关系会怎样发展？\n\n"
      "王毅：中国政府、地方和各界人士也积极回援，向美方捐赠了大量急需的医疗物资。"
      "我们愿同美方加强合作，共同应对挑战。\n")


@pytest.fixture(scope="module")
def seeds_result() -> Comparison:
    """Seeds 000 against 003, named by paths relative to the project root (as in the goldens)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare(S000, S003)
    finally:
        os.chdir(cwd)


def lxml_etree() -> Any:
    """lxml's etree (the ``test`` extra); only the tests that parse TEI need it."""
    return pytest.importorskip("lxml.etree")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("VARIANTDIFF_REGEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"{path} is missing; create it with VARIANTDIFF_REGEN=1 pytest {__file__}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (f"output differs from {path}; if the change is intended, "
                              "regenerate with VARIANTDIFF_REGEN=1 and review the diff")


def visible_count(result: Comparison) -> int:
    return sum(len(result.visible(p)) for p in result.pairs)


# --- golden files -----------------------------------------------------------------------


def test_csv_golden(seeds_result: Comparison) -> None:
    check_golden("000-003.csv", render_csv(seeds_result))


def test_tei_golden(seeds_result: Comparison) -> None:
    check_golden("000-003.tei.xml", render_tei(seeds_result))


def test_terminal_golden(seeds_result: Comparison) -> None:
    out = io.StringIO()
    render_comparison(seeds_result, Console(file=out, width=100, color_system=None))
    check_golden("000-003.terminal.txt", out.getvalue())


# --- CSV --------------------------------------------------------------------------------


def test_csv_rows(seeds_result: Comparison) -> None:
    text = render_csv(seeds_result)
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    every = list(csv.DictReader(io.StringIO(text)))
    assert tuple(every[0].keys()) == HEADER
    rows = [r for r in every if r["pair"]]
    assert len(rows) == visible_count(seeds_result) == 35
    # then a row for each unit only one copy carries, its text on its own side
    alone = every[len(rows):]
    assert not any(r["pair"] for r in alone)
    assert [(r["kind"], r["reading_a"] or r["reading_b"]) for r in alone] == [
        ("furniture" if u.kind == "furniture" else ("omission", "addition")[d], u.text)
        for d, u in seeds_result.unpaired]
    # the Q&As 000 sets in another order: a move row each, over the whole units
    moves = [r for r in rows if r["kind"] == "move"]
    assert [r["label"] for r in moves] == ["埃及中东通讯社记者", "《人民日报》记者",
                                           "中国国际电视台记者", "路透社记者"]
    assert all(r["reading_a"].startswith(r["label"]) for r in moves)
    row = next(r for r in rows if (r["reading_a"], r["reading_b"]) == ("回援", "回报"))
    assert row["kind"] == "substitution"
    assert (row["a_start_line"], row["a_start_column"]) == ("113", "87")
    assert (row["b_start_line"], row["b_start_column"]) == ("69", "8")
    assert row["doc_a"] == S000 and row["doc_b"] == S003
    assert row["label"] == "中国国际电视台记者"
    assert row["pair"] == "7"
    assert {r["pair"] for r in rows} <= {str(n) for n in range(1, len(seeds_result.pairs) + 1)}
    # readings and contexts come back exactly, paragraph breaks included
    variants = [v for p in seeds_result.pairs for v in seeds_result.visible(p)]
    assert [(r["reading_a"], r["reading_b"], r["context"], r["kind"]) for r in rows] == [
        (v.a_text, v.b_text, v.context, v.kind) for v in variants]
    assert any("\n" in r["reading_b"] for r in rows)


def test_csv_hidden_kinds() -> None:
    a = QA
    b = QA.replace("回援", "回报").replace("。我们", "；我们")
    result = compare_texts(a, b)
    kinds = {v.kind for p in result.pairs for v in p.variants}
    assert {"substitution", "punctuation"} <= kinds
    hidden = replace(result, hidden=frozenset({"punctuation"}))
    rows = list(csv.DictReader(io.StringIO(render_csv(hidden))))
    assert [r["kind"] for r in rows] == ["substitution"]


# --- TEI --------------------------------------------------------------------------------


def test_tei_apparatus(seeds_result: Comparison) -> None:
    text = render_tei(seeds_result)
    root = lxml_etree().fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS).text
    assert root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:p", NS) is not None
    encoding = root.find("tei:teiHeader/tei:encodingDesc/tei:variantEncoding", NS)
    assert encoding.get("method") == "parallel-segmentation"
    assert encoding.get("location") == "internal"
    witnesses = {w.get(XML_ID): w.text
                 for w in root.findall(".//tei:sourceDesc/tei:listWit/tei:witness", NS)}
    assert witnesses == {"A": S000, "B": S003}
    for elem in root.iter():
        if elem.get(XML_ID) is not None:
            assert NCNAME.fullmatch(elem.get(XML_ID)), elem.get(XML_ID)
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID) is not None]
    assert len(ids) == len(set(ids))
    for rdg in root.iter(f"{{{TEI_NS}}}rdg"):
        for ref in rdg.get("wit").split():
            assert ref.startswith("#") and ref[1:] in witnesses, ref
    apps = root.findall(".//tei:app", NS)
    # (a passage set in another place is a note of its division, not an app)
    moves = sum(p.move is not None for p in seeds_result.pairs)
    # (and a unit only one copy carries is an app in a division of its own)
    assert len(apps) == visible_count(seeds_result) - moves + len(seeds_result.unpaired)
    assert visible_count(seeds_result) - moves == 31
    divs = root.findall("tei:text/tei:body/tei:div", NS)
    assert [d.get("n") for d in divs if d.get("type") == "pair"] == [
        str(n) for n in range(1, len(seeds_result.pairs) + 1)]
    alone = [d for d in divs if d.get("type") != "pair"]
    assert len(alone) == len(seeds_result.unpaired)
    assert {d.get("type") for d in alone} <= {"omission", "addition", "furniture"}
    # 回援/回报 in its place, in pair 7
    app = next(a for a in apps if [r.text for r in a] == ["回援", "回报"])
    assert app.get("type") == "substitution"
    assert [r.get("wit") for r in app] == ["#A", "#B"]
    assert "中国政府、地方和各界人士也积极" in "".join(app.getparent().itertext())
    insertion = next(a for a in apps if a.get("type") == "insertion" and a[1].text == "肩")
    assert insertion[0].text is None and len(insertion[0]) == 0  # empty reading, empty rdg


def _witness(div: ET.Element, wit: str) -> str:
    """The text of witness ``wit`` in a division of the apparatus: the base text with
    that witness's readings."""
    out: list[str] = []

    def walk(elem: ET.Element) -> None:
        tag = elem.tag.split("}")[1]
        if tag == "rdg" and elem.get("wit") != f"#{wit}":
            return
        if tag == "lb":
            out.append("\n")
        out.append(elem.text or "")
        for child in elem:
            walk(child)
            out.append(child.tail or "")

    paras = []
    for p in div.findall(f"{{{TEI_NS}}}p"):
        out.clear()
        walk(p)
        paras.append("".join(out))
    return "\n".join(paras)


@pytest.mark.parametrize("pair", range(10))
def test_tei_base_text_is_witness_a(seeds_result: Comparison, pair: int) -> None:
    """Reading A's rdg with the base text gives back A's unit, B's rdg B's readings."""
    root = ET.fromstring(render_tei(seeds_result))
    div = [d for d in root.findall(f".//{{{TEI_NS}}}div") if d.get("type") == "pair"][pair]
    assert _witness(div, "A") == seeds_result.pairs[pair].a.text
    # a passage the copies set in different places says so once, not inline
    notes = div.findall(f"{{{TEI_NS}}}note")
    moved = seeds_result.pairs[pair].move
    assert [(n.get("type"), n.text) for n in notes] == (
        [("move", moved.context)] if moved else [])
    b_text = _witness(div, "B")
    for v in seeds_result.visible(seeds_result.pairs[pair]):
        if v is not moved:
            assert v.b_text in b_text


_PARAGRAPHS = ["国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。",
               "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。",
               "市场销售持续改善，消费对经济增长的拉动作用明显增强。"]
_MOVED = "发布会由国家统计局新闻局副局长主持。"


def _moved_sentence() -> Comparison:
    """A sentence A sets in its first paragraph and B in its last."""
    p = _PARAGRAPHS
    return compare_texts("\n\n".join([p[0] + _MOVED, p[1], p[2]]) + "\n",
                         "\n\n".join([p[0], p[1], p[2] + _MOVED]) + "\n")


def test_reports_show_a_moved_sentence_in_both_places() -> None:
    """A sentence moved from one pair's paragraph into another's: each witness of the
    apparatus reads each pair's text as that copy has it; the HTML marks it in both
    paragraphs, its B link leading to B's; the terminal names it under both pairs."""
    result = _moved_sentence()
    (move,) = [v for pair in result.pairs for v in pair.variants]
    assert move.kind == "move" and move.elsewhere is not None
    divs = ET.fromstring(render_tei(result)).findall(f".//{{{TEI_NS}}}div")
    for div, pair in zip(divs, result.pairs, strict=True):
        assert (_witness(div, "A"), _witness(div, "B")) == (pair.a.text, pair.b.text)
    page = render_html(result)
    sections = re.split(r'<section[^>]* id="pair-', page)
    assert 'id="p1-v1-a"' in sections[1] and 'id="p1-v1-b"' in sections[3]
    assert re.search(r'id="p1-v1-b"[^>]*>' + _MOVED + "</mark>", sections[3])
    console = Console(record=True, width=200, color_system=None)
    render_comparison(result, console)
    shown = console.export_text()
    assert "1 sentence moved here, listed with pair 1" in shown.split("── 3/3")[1]
    assert "no differences" not in shown.split("── 3/3")[1]


def test_reports_show_a_word_changed_in_a_sentence_moved_to_another_paragraph() -> None:
    """The word a copy changed in the sentence it moved to another paragraph is listed
    after the move (JSON, terminal, HTML), each side located where that copy has it; the
    apparatus reads it in the move's readings, each pair's text as that copy has it."""
    p = _PARAGRAPHS
    edited = _MOVED.replace(_MOVED[2:4], "今日")
    assert edited != _MOVED
    result = compare_texts("\n\n".join([p[0] + _MOVED, p[1], p[2]]) + "\n",
                           "\n\n".join([p[0], p[1], p[2] + edited]) + "\n")
    move, word = [v for pair in result.pairs for v in pair.variants]
    assert move.kind == "move" and (word.a_text, word.b_text) == (_MOVED[2:4], "今日")
    assert (word.a.start_line, word.a.start_column) == (1, len(p[0]) + 3)
    assert (word.b.start_line, word.b.start_column) == (5, len(p[2]) + 3)
    divs = ET.fromstring(render_tei(result)).findall(f".//{{{TEI_NS}}}div")
    for div, pair in zip(divs, result.pairs, strict=True):
        assert (_witness(div, "A"), _witness(div, "B")) == (pair.a.text, pair.b.text)
    records = comparison_json(result)["pairs"][0]["variants"]
    assert [(r["kind"], r["b_start_line"]) for r in records] == [("move", 5), (word.kind, 5)]
    console = Console(record=True, width=200, color_system=None)
    render_comparison(result, console)
    assert f"{_MOVED[2:4]} → " in console.export_text()


@pytest.mark.parametrize("a_holds_it_apart", [False, True])
def test_tei_and_html_leave_a_word_dropped_in_a_moved_sentence_to_the_move(
        a_holds_it_apart: bool) -> None:
    """A word dropped in a sentence moved to another paragraph (the move listed with A's
    pair, or with B's where A sets the sentence as a paragraph of its own): the apparatus
    reads each pair's text as that copy has it (the word not read twice), and the HTML
    row links the side that stands in another paragraph to the move's mark."""
    p = _PARAGRAPHS
    dropped = _MOVED.replace("副", "")
    a = "\n\n".join([p[0], _MOVED, p[1], p[2]] if a_holds_it_apart else [p[0] + _MOVED, p[1], p[2]])
    result = compare_texts(a + "\n", "\n\n".join([p[0], p[1], p[2] + dropped]) + "\n")
    found = [(v.kind, v.a_text, v.b_text, v.apart) for pair in result.pairs for v in pair.variants]
    side = "a" if a_holds_it_apart else "b"
    assert found == [("move", _MOVED, dropped, ""), ("deletion", "副", "", side)]
    divs = ET.fromstring(render_tei(result)).findall(f".//{{{TEI_NS}}}div")
    for div, pair in zip(divs, result.pairs, strict=True):
        assert (_witness(div, "A"), _witness(div, "B")) == (pair.a.text, pair.b.text)
    (n,) = [n for n, pair in enumerate(result.pairs, 1) if pair.variants]
    (row,) = re.findall(f'<tr id="p{n}-v2".*?</tr>', render_html(result), re.S)
    assert re.findall(r'href="#([^"]+)"', row) == [
        f"p{n}-v1-a" if side == "a" else f"p{n}-v2-a", f"p{n}-v1-b" if side == "b" else f"p{n}-v2-b"]


def test_tei_reads_a_sentence_added_where_another_moved_away_from() -> None:
    """B moves the last sentence of a paragraph into the next one and adds another in its
    place: the addition, at the point where the moved sentence ended in A, is a reading
    of its own, and each witness reads each pair's text as that copy has it."""
    p = _PARAGRAPHS
    added = "记者在现场看到，工作人员正在紧张有序地忙碌着。"
    result = compare_texts(f"{p[0]}{_MOVED}\n\n{p[1]}\n", f"{p[0]}{added}\n\n{p[1]}{_MOVED}\n")
    assert sorted(v.kind for pair in result.pairs for v in pair.variants) == ["addition", "move"]
    divs = ET.fromstring(render_tei(result)).findall(f".//{{{TEI_NS}}}div")
    for div, pair in zip(divs, result.pairs, strict=True):
        assert (_witness(div, "A"), _witness(div, "B")) == (pair.a.text, pair.b.text)


def test_tei_reads_a_sentence_moved_inside_a_paragraph_where_each_copy_has_it() -> None:
    """A sentence moved inside one pair (later or earlier in the paragraph, words changed
    around it or in it, a paragraph of the turn between): each witness of the apparatus reads the
    pair's text as that copy has it, the move an ``<app type="move">`` in each place."""
    s = ["国务院总理今天在北京会见了来访的法国外长。",
         "双方就两国关系和共同关心的国际问题深入交换了意见。",
         "会见结束后双方签署了多项合作文件。", "法方表示愿意进一步扩大对华合作。",
         "这是会见中的最后一项议程。"]
    edited = s[2].replace("多项", "三项")
    cases = [("".join(s), s[0] + s[2] + s[3] + s[1] + s[4]),
             ("".join(s), s[0] + edited + s[3] + s[4] + s[1]),
             (s[0] + s[2] + s[3] + s[1] + s[4], "".join(s)),
             ("记者：" + s[0] + "\n\n王毅：" + "".join(s[1:]),
              "记者：" + s[0] + "\n\n王毅：" + s[2] + s[3] + "\n\n" + s[1] + s[4]),
             # (the moved sentence itself edited: its readings stand in the move's)
             ("".join(s), s[0] + s[2] + s[3] + s[1].replace("深入", "深刻") + s[4])]
    for a, b in cases:
        result = compare_texts(a + "\n", b + "\n")
        (pair,) = result.pairs
        assert "move" in [v.kind for v in pair.variants]
        (div,) = ET.fromstring(render_tei(result)).findall(f".//{{{TEI_NS}}}div")
        # (a paragraph break only B has is no reading of the apparatus)
        assert (_witness(div, "A"), _witness(div, "B").replace("\n", "")) == (
            pair.a.text, pair.b.text.replace("\n", ""))
        moves = [app for app in div.iter(f"{{{TEI_NS}}}app") if app.get("type") == "move"]
        assert len(moves) == 2 and moves[0].get("loc") == moves[1].get("loc")
    # (with moves hidden, the word changed in the moved sentence is a reading of its own)
    a, b = cases[-1]
    hidden = Config(hidden_kinds=frozenset({"whitespace", "move"}))
    (div,) = ET.fromstring(render_tei(compare_texts(a + "\n", b + "\n", hidden))).findall(
        f".//{{{TEI_NS}}}div")
    assert [[r.text for r in app] for app in div.iter(f"{{{TEI_NS}}}app")] == [["深入", "深刻"]]


def test_tei_escapes_and_stays_well_formed() -> None:
    a = QA.replace("记者会", "记者会 & <b>“特别”</b>")
    b = a.replace("回援", "回报<x>").replace("加强合作", "加强\x0c合作")
    text = render_tei(compare_texts(a, b))
    root = lxml_etree().fromstring(text.encode("utf-8"))
    assert "回报<x>" in "".join(root.itertext())
    assert "<x>" not in text


# --- HTML -------------------------------------------------------------------------------


class _Marks(HTMLParser):
    """Collects each <mark>'s attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self._open: list[int] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.append(str(attr["id"]))
        if tag == "a" and attr.get("href"):
            self.hrefs.append(str(attr["href"]))
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self.marks.append((attr, ""))
            self._open.append(len(self.marks) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for k in self._open:
            attr, text = self.marks[k]
            self.marks[k] = (attr, text + data)


def parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    parser.close()
    return parser


def test_html_escapes_input(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / f"b{INJECTION.replace('/', '')}.txt"
    a.write_text(QA.replace("记者会", f"记者会{INJECTION}"), encoding="utf-8")
    b.write_text(QA.replace("记者会", f"记者会{INJECTION}").replace("回援", "回报")
                 .replace("大量", f"大量{INJECTION}"), encoding="utf-8")
    result = compare(str(a), str(b))
    html = render_html(result)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parse(html).scripts == 1  # only the report's own script
    marks = parse(html).marks
    assert any(attr.get("data-kind") == "substitution" and text == "回援" for attr, text in marks)


def test_html_is_self_contained(seeds_result: Comparison) -> None:
    html = render_html(seeds_result)
    assert "http://" not in html and "https://" not in html
    for attr in ("src=", "<link", "@import", "url("):
        assert attr not in html
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html


def test_html_content(seeds_result: Comparison) -> None:
    html = render_html(seeds_result)
    page = parse(html)
    # documents in the header
    for doc in seeds_result.documents:
        assert doc.path in html
    assert "utf-8" in html
    # one checkbox per visible kind
    kinds = {v.kind for p in seeds_result.pairs for v in seeds_result.visible(p)}
    boxes = set(re.findall(r'<input type="checkbox" checked data-kind="([a-z-]+)">', html))
    assert boxes == kinds
    # highlights
    by_text = {(attr.get("data-kind"), text) for attr, text in page.marks}
    assert ("substitution", "回援") in by_text and ("substitution", "回报") in by_text
    assert ("script", "敲詐") in by_text and ("script", "敲诈") in by_text
    for attr, _ in page.marks:
        assert f"v-{attr['data-kind']}" in str(attr["class"]).split()
    # every visible variant has both anchors, and every list link points at one
    ids = set(page.ids)
    assert len(page.ids) == len(ids)
    for n, pair in enumerate(seeds_result.pairs, 1):
        for k, v in enumerate(seeds_result.visible(pair), 1):
            if v is pair.move:  # (listed, its places the passage itself)
                assert f'<a href="#pair-{n}">' in html and f"p{n}-v{k}" in ids
                continue
            assert {f"p{n}-v{k}-a", f"p{n}-v{k}-b", f"p{n}-v{k}"} <= ids
    local = [h for h in page.hrefs if h.startswith("#")]
    assert len(local) == len(page.hrefs)
    assert {h[1:] for h in local} <= ids
    # an empty side is a zero-width marker
    empty = [attr for attr, text in page.marks if "v-empty" in str(attr["class"])]
    assert empty and all(text == "" for attr, text in page.marks if attr in empty)
    # file:line:column anchors
    assert '<a href="#p7-v3-a">000_edcc097075259a0a.txt:113:87</a>' in html
    assert '<a href="#p7-v3-b">003_90f7afa787323508.txt:69:8</a>' in html
    # unpaired units and paragraphs
    assert "Only in one document" in html
    assert "美国有线电视新闻网记者" in html
    assert html.count("<p>") > 40


def test_html_highlights_cover_the_texts(seeds_result: Comparison) -> None:
    """The text of each side of each pair, read back from the page, is the unit's text."""
    html = render_html(seeds_result)
    for n, pair in enumerate(seeds_result.pairs, 1):
        section = html.split(f'<section class="pair" id="pair-{n}">')[1].split("</section>")[0]
        for side, unit in (("a", pair.a), ("b", pair.b)):
            cells = re.findall(rf'<div class="cell {side}( gap)?"><span class="ln"[^>]*>\d+</span>'
                               r"(.*?)</div>", section)
            assert cells
            # a cell with no text of its side (gap) holds only an insertion marker
            paras = [p for gap, cell in cells if not gap for p in re.findall(r"<p>(.*?)</p>", cell)]
            text = "\n".join(html_lib.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras)
            assert text == unit.text


def test_html_other_shapes() -> None:
    """No pairs, boilerplate, omissions and moves all render."""
    nothing = compare_texts("甲。", "乙乙乙乙乙乙乙乙。")
    html = render_html(nothing)
    assert "no variants" in html
    sentences = ["疫情发生以来，习近平主席同普京总统多次通话，在主要大国中保持了最紧密的高层沟通。",
                 "俄罗斯是第一个派遣防疫专家代表团来华的国家，中国是向俄罗斯提供物资支持最有力的国家。",
                 "双边贸易逆势增长，中方自俄进口增速在中国主要贸易伙伴中排名第一。",
                 "面对个别国家的无理攻击与抹黑，双方相互支持，彼此仗义执言。",
                 "中方愿同俄方携手化危为机，稳定能源等传统领域合作，办好中俄科技创新年。",
                 "只要中俄并肩站在一起，背靠背密切协作，世界和平稳定就会有坚实保障。"]
    a = "新华社记者：请谈谈？\n\n王毅：" + "".join(sentences)
    b = "新华社记者：请谈谈？\n\n王毅：" + "".join(sentences[1:5] + sentences[:1] + sentences[5:])
    moved = compare_texts(a, b)
    assert [v.kind for p in moved.pairs for v in p.variants] == ["move"]
    marks = parse(render_html(moved)).marks
    assert [(attr["id"], text) for attr, text in marks if attr.get("data-kind") == "move"] == [
        ("p1-v1-a", sentences[0]), ("p1-v1-b", sentences[0])]
    omitted = compare_texts(a + "\n\n" + "另起一段，讲的是另一件事情。" * 3, a)
    html = render_html(omitted)
    kinds = {attr.get("data-kind") for attr, _ in parse(html).marks}
    assert kinds & {"omission", "deletion"}
    for result in (nothing, moved, omitted):
        root = lxml_etree().fromstring(render_tei(result).encode("utf-8"))
        # (a sentence moved inside its pair is read in both places: two apps)
        # (and a unit only one copy carries is an app of its own, and a row)
        alone = len(result.unpaired)
        assert len(root.findall(".//tei:app", NS)) == \
            visible_count(result) + (result is moved) + alone
        assert len(list(csv.reader(io.StringIO(render_csv(result))))) == \
            visible_count(result) + 1 + alone


def test_html_boilerplate_list() -> None:
    result = compare_texts(QA, QA.replace("回援", "回报"))
    text = f"央视网消息（新闻联播）：{INJECTION}"
    with_boilerplate = replace(
        result, boilerplate=(Boilerplate(text, (Occurrence(0, 1, 1), Occurrence(1, 3, 5))),))
    html = render_html(with_boilerplate)
    assert "Repeated passages" in html
    assert "央视网消息（新闻联播）：&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "&lt;a&gt;:1" in html and "&lt;b&gt;:3–5" in html
