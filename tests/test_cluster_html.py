"""The HTML page of ``cluster``: structure, the matrix, the collated readings, escaping."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from variantdiff.cluster import (
    Clustering,
    Group,
    Place,
    Reading,
    UnitInfo,
    cluster_sources,
)
from variantdiff.inputs import Skipped, sources_from_paths
from variantdiff.model import Location
from variantdiff.report_html import MATRIX_MAX_DOCS, cluster_page, render_cluster_html

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
INJECTION = "<script>alert(1)</script>"
QA = ("记者会\n\n新华社记者：中美关系会怎样发展？\n\n"
      "王毅：中国政府、地方和各界人士也积极回援，向美方捐赠了大量急需的医疗物资。"
      "我们愿同美方加强合作，共同应对挑战。\n")
VOID = {"meta", "br", "input", "link", "img", "hr", "col", "wbr"}


class Page(HTMLParser):
    """Checks that elements nest, and collects ids, the matrix cells and the readings."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.scripts = 0
        #: group id -> [(data-doc, class)] of the matrix row
        self.matrix: dict[str, list[tuple[str, str]]] = {}
        #: place row id -> texts of its readings
        self.places: dict[str, list[str]] = {}
        self._table = ""
        self._row: list[tuple[str, str]] | None = None
        self._gid = False
        self._place = ""
        self._reading: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag not in VOID:
            self.stack.append(tag)
        if attr.get("id"):
            self.ids.append(attr["id"])
        if tag == "script":
            self.scripts += 1
        classes = attr.get("class", "").split()
        if tag == "table":
            self._table = " ".join(classes)
        elif tag == "tr" and self._table == "matrix":
            self._row = []
        elif tag == "td" and self._row is not None:
            if "gid" in classes:
                self._gid = True
            elif "data-doc" in attr:
                self._row.append((attr["data-doc"], " ".join(classes)))
        elif tag == "tr" and self._table == "places" and attr.get("id"):
            self._place = attr["id"]
            self.places[self._place] = []
        elif tag == "span" and "rt" in classes and self._place:
            self._reading = []
            self._depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
        if self._reading is not None and tag == "span" and len(self.stack) == self._depth:
            self.places[self._place].append("".join(self._reading))
            self._reading = None
        if self.stack:
            self.stack.pop()
        if tag == "table":
            self._table = ""
        elif tag == "tr":
            self._row = None
            self._place = ""
        elif tag == "td":
            self._gid = False

    def handle_data(self, data: str) -> None:
        if self._gid and self._row is not None and data.strip():
            self.matrix[data.strip()] = self._row
        if self._reading is not None:
            self._reading.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert not page.errors, page.errors[:5]
    assert page.stack == [], page.stack
    return page


@pytest.fixture(scope="module")
def seeds() -> Clustering:
    sources, skipped = sources_from_paths(SEEDS, None)
    return cluster_sources(sources, skipped=skipped)


@pytest.fixture(scope="module")
def seeds_html(seeds: Clustering) -> str:
    return render_cluster_html(seeds)


def test_parses_and_has_every_group(seeds: Clustering, seeds_html: str) -> None:
    assert seeds_html.startswith("<!DOCTYPE html>")
    page = parse(seeds_html)
    assert len(page.ids) == len(set(page.ids))
    assert seeds.groups
    for g in seeds.groups:
        assert g.id in page.ids and g.id in page.matrix
    for path, _ in seeds.documents:
        assert path in seeds_html
    assert page.scripts == 1


def test_matrix_marks(seeds: Clustering, seeds_html: str) -> None:
    page = parse(seeds_html)
    cgtn = next(g for g in seeds.groups if g.members[0].label == "中国国际电视台记者")
    row = dict(page.matrix[cgtn.id])
    assert len(row) == len(seeds.documents)
    assert "on" in row["0"].split()
    for d in range(len(seeds.documents)):
        assert ("on" in row[str(d)].split()) == (d in cgtn.docs)


def test_collated_readings(seeds: Clustering, seeds_html: str) -> None:
    page = parse(seeds_html)
    assert sum(len(g.places) for g in seeds.groups) == len(page.places)
    both = [key for key, texts in page.places.items() if {"回援", "回报"} <= set(texts)]
    assert len(both) == 1
    # majority and singular readings are marked
    assert 'class="rdg major"' in seeds_html and 'class="rdg singular"' in seeds_html
    assert "Repeated passages" in seeds_html
    # one filter box per kind of place
    kinds = {p.kind for g in seeds.groups for p in g.places}
    for kind in kinds:
        assert f'<input type="checkbox" checked data-kind="{kind}">' in seeds_html


def test_self_contained(seeds_html: str) -> None:
    assert "http://" not in seeds_html and "https://" not in seeds_html
    for attr in ("src=", "<link", "@import", "url("):
        assert attr not in seeds_html


def test_input_is_escaped(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / f"b{INJECTION.replace('/', '')}.txt"
    # the Q&A is in both; one copy has the injection, so it is a reading of a place
    a.write_text(QA.replace("大量", f"大量{INJECTION}"), encoding="utf-8")
    b.write_text(QA.replace("回援", "回报"), encoding="utf-8")
    sources, skipped = sources_from_paths([str(a), str(b), str(tmp_path / "none.txt")], None)
    result = cluster_sources(sources, skipped=skipped)
    # (the Q&A, and the headline both copies set word for word)
    assert sorted(g.base.kind for g in result.groups) == ["heading", "qa"]
    html = render_cluster_html(result)
    page = parse(html)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "b&lt;script&gt;alert(1)&lt;script&gt;.txt" in html  # the file name
    assert page.scripts == 1
    readings = [set(t) for t in page.places.values()]
    assert {"回援", "回报"} in readings and {INJECTION, "∅"} in readings
    assert "Skipped inputs" in html and "none.txt" in html


def test_many_documents_list_names() -> None:
    """Beyond MATRIX_MAX_DOCS documents the matrix lists each group's documents."""
    n = MATRIX_MAX_DOCS + 1
    docs = tuple((f"doc{k:02}<b>.txt", "utf-8") for k in range(n))
    members = tuple(UnitInfo(k, 0, "u1", "paragraph", None, 1, 2) for k in (0, 5, 12))
    place = Place("substitution", Location(1, 3, 1, 4), (
        Reading("甲乙", (0, 5), True, False), Reading(INJECTION, (12,), False, True)))
    result = Clustering(docs, (Group("g1", members, members[0], (place,)),), (),
                        (Skipped("x.bin", f"x.bin: {INJECTION}"),), n)
    html = render_cluster_html(result)
    page = parse(html)
    assert 'class="matrix wide"' in html and page.matrix == {}
    row = html.split('<td class="gid"><a href="#g1">g1</a></td>')[1].split("</tr>")[0]
    for k in (0, 5, 12):
        assert f"doc{k:02}&lt;b&gt;.txt" in row
    assert "doc01&lt;b&gt;.txt" not in row
    assert "<script>alert" not in html and page.scripts == 1
    assert page.places == {"g1-p1": ["甲乙", INJECTION]}
    # no groups × documents table behind it (38,754 × 23,392 cells took 7 GB)
    assert all(not g.marks for g in cluster_page(result).groups)
    assert "10 documents share no group" in html


def test_each_reading_shows_where_each_document_has_it(seeds: Clustering,
                                                        seeds_html: str) -> None:
    """Beside each document of a reading, the line:column where that document has it."""
    place = next(p for g in seeds.groups for p in g.places if len(p.locations) > 2)
    for doc, where in place.locations:
        assert f'<span class="at" title="line:column in {seeds.documents[doc][0]}">' \
               f":{where.start_line}:{where.start_column}</span>" in seeds_html
