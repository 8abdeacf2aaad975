"""HTML rendering of a comparison: one self-contained page (inline CSS and JS, no network).

The page is built with jinja2, autoescape on, from the templates in
``variantdiff/templates``; every string that comes from an input reaches the page through
an escaped ``{{ … }}``. Nothing from the inputs is ever written into the ``<style>`` or
``<script>`` blocks.

Layout: for each pair the two unit texts stand side by side (A left, B right), cut into
rows at the paragraph breaks both copies share, so a paragraph only one copy has gets a
row of its own. Each visible variant is a ``<mark class="v v-KIND" data-kind="KIND">``
placed with the variant's ``a_offsets``/``b_offsets``; an empty side (an insertion point)
is a small zero-width marker. The variant list under the text links each ``file:line:column``
to its highlight. A filter bar toggles ``hide-KIND`` classes on ``<body>``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from .classify import KINDS
from .model import Arrival, Comparison, Location, Pair, Variant
from .segment import Document, Unit

if TYPE_CHECKING:  # cluster pulls in numpy; the compare report does not need it
    import jinja2

    from .cluster import Clustering

#: what an excerpt of an unpaired unit or boilerplate passage shows before "…"
_EXCERPT = 60


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The template environment, made at the first HTML report (jinja2 is imported then,
    so the other formats do not pay for it)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("variantdiff", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


# --- view model -------------------------------------------------------------------------


@dataclass(frozen=True)
class Seg:
    """A run of text in one paragraph of a cell: plain, or (part of) a highlight."""

    text: str
    kind: str | None = None  # None: plain text
    key: str = ""  # the variant, e.g. "p1-v2"
    id: str = ""  # the anchor id, on the first piece of a highlight only
    title: str = ""
    empty: bool = False  # a zero-width marker (insertion point)


@dataclass
class Cell:
    paras: list[list[Seg]]
    line: int  # line of the file the cell starts on
    empty: bool  # no text on this side


@dataclass(frozen=True)
class Row:
    a: Cell
    b: Cell


@dataclass(frozen=True)
class VariantRow:
    key: str
    number: int
    kind: str
    a_text: str
    b_text: str
    a_short: str
    b_short: str
    a_where: str
    b_where: str
    a_id: str
    b_id: str
    context: str


@dataclass(frozen=True)
class PairView:
    number: int
    label: str
    a_lines: str
    b_lines: str
    similarity: str
    rows: list[Row]
    variants: list[VariantRow]
    kinds: list[tuple[str, int]]


@dataclass(frozen=True)
class UnitView:
    side: str
    path: str
    lines: str
    kind: str
    label: str
    excerpt: str
    paras: list[str]


@dataclass(frozen=True)
class BoilerplateView:
    count: int
    excerpt: str
    paras: list[str]
    places: list[str]


@dataclass(frozen=True)
class DocView:
    side: str
    path: str
    name: str
    encoding: str


@dataclass(frozen=True)
class KindView:
    kind: str
    count: int


@dataclass(frozen=True)
class Page:
    title: str
    documents: list[DocView]
    kinds: list[KindView]
    hidden: list[KindView]
    pairs: list[PairView]
    unpaired: list[UnitView]
    boilerplate: list[BoilerplateView]
    total: int
    #: every kind the filter CSS needs a rule for
    all_kinds: list[str]


# --- layout -----------------------------------------------------------------------------


def css_kind(kind: str) -> str:
    """A kind as a safe class-name fragment.

    >>> css_kind("substitution"), css_kind("a b<")
    ('substitution', 'a-b-')
    """
    return re.sub(r"[^a-z0-9_-]", "-", kind.lower())


def _para_start(text: str, i: int) -> bool:
    return i in (0, len(text)) or text[i - 1] == "\n"


def _equal_breaks(a: str, b: str, a0: int, a1: int, b0: int, b1: int
                  ) -> Iterator[tuple[int, int]]:
    """Paragraph breaks shared by a stretch of A and the stretch of B it corresponds to:
    the common prefix and the common suffix of the two stretches (normally all of it)."""
    n = 0
    while a0 + n < a1 and b0 + n < b1 and a[a0 + n] == b[b0 + n]:
        if a[a0 + n] == "\n":
            yield a0 + n + 1, b0 + n + 1
        n += 1
    if a0 + n == a1 and b0 + n == b1:
        return
    tail: list[tuple[int, int]] = []
    m = 0
    while a1 - m - 1 >= a0 + n and b1 - m - 1 >= b0 + n and a[a1 - m - 1] == b[b1 - m - 1]:
        if a[a1 - m - 1] == "\n":
            tail.append((a1 - m, b1 - m))
        m += 1
    yield from reversed(tail)


def sync_points(pair: Pair) -> list[tuple[int, int]]:
    """Corresponding (A offset, B offset) points of a pair, in order on both sides: the
    ends of every variant (hidden ones too) and the paragraph breaks between them."""
    a, b = pair.a.text, pair.b.text
    points = [(0, 0)]
    ca = cb = 0
    for v in sorted(pair.variants, key=lambda v: (v.a_offsets, v.b_offsets)):
        (a0, a1), (b0, b1) = v.a_offsets, v.b_offsets
        if v.kind == "move" or a0 < ca or b0 < cb or a1 < a0 or b1 < b0:
            continue  # not monotone: no anchor
        points.extend(_equal_breaks(a, b, ca, a0, cb, b0))
        points.extend([(a0, b0), (a1, b1)])
        ca, cb = a1, b1
    points.extend(_equal_breaks(a, b, ca, len(a), cb, len(b)))
    points.append((len(a), len(b)))
    return points


def row_bounds(pair: Pair) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The rows of a pair: ((a_start, a_end), (b_start, b_end)), cut where both copies
    start a paragraph at corresponding places."""
    a, b = pair.a.text, pair.b.text
    cuts: list[tuple[int, int]] = []
    for pa, pb in sync_points(pair):
        if cuts and (pa < cuts[-1][0] or pb < cuts[-1][1]):
            continue
        ends = (pa, pb) in ((0, 0), (len(a), len(b)))
        if (ends or (_para_start(a, pa) and _para_start(b, pb))) and (
                not cuts or cuts[-1] != (pa, pb)):
            cuts.append((pa, pb))
    if cuts[-1] != (len(a), len(b)):
        cuts.append((len(a), len(b)))
    return [((sa, ea), (sb, eb)) for (sa, sb), (ea, eb) in pairwise(cuts)
            if ea > sa or eb > sb] or [((0, len(a)), (0, len(b)))]


def _inside(bounds: tuple[int, int], span: tuple[int, int]) -> bool:
    return bounds[0] <= span[0] and span[1] <= bounds[1]


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    key: str
    id: str
    title: str


def _cell(text: str, bounds: tuple[int, int], marks: Sequence[_Mark], line: int) -> Cell:
    """One side of a row: paragraphs of plain and highlighted runs."""
    start, end = bounds
    paras: list[list[Seg]] = [[]]

    def emit(piece: str, mark: _Mark | None, first_id: str) -> str:
        """Add text, splitting paragraphs at "\\n"; return the id still to be placed."""
        for k, chunk in enumerate(piece.split("\n")):
            if k:
                paras.append([])
            if not chunk:
                continue
            if mark is None:
                paras[-1].append(Seg(chunk))
            else:
                paras[-1].append(Seg(chunk, css_kind(mark.kind), mark.key, first_id,
                                     mark.title))
                first_id = ""
        return first_id

    pos = start
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        m0, m1 = max(mark.start, pos, start), min(mark.end, end)
        if m0 > pos:
            emit(text[pos:m0], None, "")
            pos = m0
        left = mark.id
        if m1 > m0:
            left = emit(text[m0:m1], mark, mark.id)
            pos = m1
        if left or m1 <= m0:  # nothing visible was drawn: a zero-width marker
            paras[-1].append(Seg("", css_kind(mark.kind), mark.key, left, mark.title, True))
    if pos < end:
        emit(text[pos:end], None, "")
    # the row's closing paragraph break leaves an empty paragraph behind
    if len(paras) > 1 and all(s.empty for s in paras[-1]):
        paras[-2].extend(paras.pop())
    return Cell(paras, line, start == end)


def _where(name: str, loc: Location) -> str:
    return f"{name}:{loc.start_line}:{loc.start_column}"


def _title(v: Variant) -> str:
    a = v.a_text.replace("\n", "⏎") or "∅"
    b = v.b_text.replace("\n", "⏎") or "∅"
    return f"{v.kind}: {_abbr(a, 30)} → {_abbr(b, 30)}"


def _abbr(text: str, limit: int = _EXCERPT) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[:limit] + "…"


def _lines(unit: Unit) -> str:
    return str(unit.start_line) if unit.start_line == unit.end_line else \
        f"{unit.start_line}–{unit.end_line}"


def _line_of(doc: Document, unit: Unit, index: int) -> int:
    return doc.normalised.position(unit.norm_index(index))[0]


def _place(bounds: Sequence[tuple[tuple[int, int], tuple[int, int]]],
           marks: tuple[list[list[_Mark]], list[list[_Mark]]], a_mark: _Mark,
           b_mark: _Mark) -> None:
    """Put a variant's marks in the rows of a pair: in the row that holds both, or each
    in every row it touches (a span this layout could not keep in one row: a move)."""
    both = next((n for n, (ra, rb) in enumerate(bounds)
                 if _inside(ra, (a_mark.start, a_mark.end))
                 and _inside(rb, (b_mark.start, b_mark.end))), None)
    for side_marks, mark, pick in ((marks[0], a_mark, 0), (marks[1], b_mark, 1)):
        if both is not None:
            side_marks[both].append(mark)
            continue
        first = True
        for n, row in enumerate(bounds):
            lo, hi = row[pick]
            if (mark.start < hi and mark.end > lo) or (
                    mark.start == mark.end and lo <= mark.start <= hi and first):
                side_marks[n].append(mark if first else _Mark(
                    mark.start, mark.end, mark.kind, mark.key, "", mark.title))
                first = False


def _pair_view(result: Comparison, number: int, pair: Pair, names: list[str],
               arrivals: Sequence[Arrival] = ()) -> PairView:
    """``arrivals``: the moves listed with other pairs whose B side stands here (marked
    here, the B link of their row leading here)."""
    a_doc, b_doc = result.documents
    visible = result.visible(pair)
    bounds = row_bounds(pair)
    a_marks: list[list[_Mark]] = [[] for _ in bounds]
    b_marks: list[list[_Mark]] = [[] for _ in bounds]
    rows_of_variants: list[VariantRow] = []
    for there in arrivals:
        key, v = f"p{there.pair + 1}-v{there.number}", there.variant
        _place(bounds, (a_marks, b_marks), _Mark(there.point, there.point, v.kind, key, "",
                                                 _title(v)),
               _Mark(there.start, there.end, v.kind, key, f"{key}-b", _title(v)))
    move_key = f"pair-{number}"  # (the last move listed: a reading inside it links there)
    for k, v in enumerate(visible, 1):
        key = f"p{number}-v{k}"
        if v.kind == "move":
            move_key = key
        if v is pair.move:
            # (the passage as a whole stands elsewhere: listed, not marked over every row)
            rows_of_variants.append(VariantRow(
                key, k, css_kind(v.kind), v.a_text, v.b_text, _abbr(v.a_text, 24),
                _abbr(v.b_text, 24), _where(names[0], v.a), _where(names[1], v.b),
                f"pair-{number}", f"pair-{number}", v.context))
            continue
        title = _title(v)
        # (a B side that stands in another pair bears its id there; a side of a reading
        # inside a moved sentence that stands in another paragraph links to the move's)
        links = {side: f"{move_key}-{side}" if v.apart == side else f"{key}-{side}"
                 for side in "ab"}
        _place(bounds, (a_marks, b_marks),
               _Mark(*v.a_offsets, v.kind, key, "" if v.apart == "a" else links["a"], title),
               _Mark(*v.b_offsets, v.kind, key, "" if v.elsewhere or v.apart == "b"
                     else links["b"], title))
        rows_of_variants.append(VariantRow(
            key, k, css_kind(v.kind), v.a_text, v.b_text, _abbr(v.a_text, 24), _abbr(v.b_text, 24),
            _where(names[0], v.a), _where(names[1], v.b), links["a"], links["b"], v.context))
    rows = [Row(_cell(pair.a.text, ra, a_marks[n], _line_of(a_doc, pair.a, ra[0])),
                _cell(pair.b.text, rb, b_marks[n], _line_of(b_doc, pair.b, rb[0])))
            for n, (ra, rb) in enumerate(bounds)]
    counts: dict[str, int] = {}
    for v in visible:
        counts[v.kind] = counts.get(v.kind, 0) + 1
    return PairView(number, pair.a.label or pair.b.label or pair.a.kind,
                    _lines(pair.a), _lines(pair.b), f"{pair.similarity:.2f}", rows,
                    rows_of_variants, [(css_kind(k), counts[k]) for k in _order(counts)])


def _order(kinds: dict[str, int]) -> list[str]:
    """Kinds in the order of ``KINDS``, unknown ones after, by name."""
    return [k for k in KINDS if k in kinds] + sorted(k for k in kinds if k not in KINDS)


def file_names(paths: list[str]) -> list[str]:
    """File names for ``file:line:column``: the base names, or the paths when the base
    names are the same.

    >>> file_names(["seeds/000_a.txt", "seeds/003_b.txt"])
    ['000_a.txt', '003_b.txt']
    >>> file_names(["x/a.txt", "y/a.txt"])
    ['x/a.txt', 'y/a.txt']
    """
    names = [os.path.basename(p) or p for p in paths]
    return names if len(set(names)) == len(names) else paths


def page(result: Comparison) -> Page:
    """The view model of the page (what the template shows)."""
    a_doc, b_doc = result.documents
    paths = [a_doc.path, b_doc.path]
    names = file_names(paths)
    docs = [DocView(side, doc.path, name, doc.normalised.source.encoding)
            for side, doc, name in zip("AB", result.documents, names, strict=True)]
    arrivals = result.arrivals()
    pairs = [_pair_view(result, n, p, names, arrivals.get(n - 1, ()))
             for n, p in enumerate(result.pairs, 1)]
    visible: dict[str, int] = {}
    for p in result.pairs:
        for v in result.visible(p):
            visible[v.kind] = visible.get(v.kind, 0) + 1
    counts = result.kind_counts()
    hidden = {k: counts[k] for k in counts if k in result.hidden and counts[k]}
    unpaired = [UnitView("AB"[doc], paths[doc], _lines(unit), unit.kind, unit.label or "",
                         _abbr(unit.text), unit.text.split("\n"))
                for doc, unit in result.unpaired]
    boilerplate = [BoilerplateView(
        len(g.occurrences), _abbr(g.text), g.text.split("\n"),
        [f"{names[o.doc]}:{o.start_line}"
         + (f"–{o.end_line}" if o.end_line != o.start_line else "") for o in g.occurrences])
        for g in result.boilerplate]
    return Page(f"variantdiff: {names[0]} ↔ {names[1]}", docs,
                [KindView(css_kind(k), visible[k]) for k in _order(visible)],
                [KindView(css_kind(k), hidden[k]) for k in _order(hidden)],
                pairs, unpaired, boilerplate, sum(visible.values()),
                [css_kind(k) for k in _order({k: 1 for k in (*KINDS, *visible)})])


def render_html(result: Comparison) -> str:
    """The comparison as one self-contained HTML page."""
    return _environment().get_template("report.html.j2").render(page=page(result))


# --- cluster ----------------------------------------------------------------------------
#
# ``render_cluster_html``: the result of ``cluster`` on one page, from
# ``cluster.html.j2`` (with the same CSS and script as the compare report). The
# documents × groups matrix shows a mark per (group, document) for up to
# ``MATRIX_MAX_DOCS`` documents, a list of document names per group beyond that.

#: more documents than this: the matrix lists the documents of each group instead
MATRIX_MAX_DOCS = 12
#: a reading longer than this is shown abbreviated, with the whole text on demand
_READING = 40


@dataclass(frozen=True)
class ClusterDoc:
    number: int
    name: str  # short name, as in the terminal view
    path: str
    encoding: str
    groups: int  # how many groups the document is in


@dataclass(frozen=True)
class ReadingView:
    text: str
    short: str
    paras: list[str]
    docs: list[ClusterDoc]
    #: emphasised: the reading most documents have (not shown when all readings tie)
    majority: bool
    singular: bool
    #: where each of ``docs`` has it (line:column), or ""
    at: list[str]
    #: the form each of ``docs`` writes it in, where that is another script's, or ""
    own: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PlaceView:
    key: str
    number: int
    kind: str
    where: str
    readings: list[ReadingView]


@dataclass(frozen=True)
class MemberView:
    doc: ClusterDoc
    lines: str
    unit: str
    base: bool


@dataclass(frozen=True)
class GroupView:
    id: str
    label: str
    kind: str
    docs: list[ClusterDoc]
    #: per document, is it in the group (only when the matrix has a column per document;
    #: empty beyond ``MATRIX_MAX_DOCS`` documents, where it would be groups × documents)
    marks: list[bool]
    members: list[MemberView]
    places: list[PlaceView]
    kinds: list[tuple[str, int]]


@dataclass(frozen=True)
class ClusterPage:
    title: str
    documents: list[ClusterDoc]
    units: int
    groups: list[GroupView]
    wide: bool  # more than MATRIX_MAX_DOCS documents
    kinds: list[KindView]
    boilerplate: list[BoilerplateView]
    skipped: list[tuple[str, str]]
    places: int
    #: documents that are in no group
    lonely: int
    all_kinds: list[str]


def _span(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def cluster_page(result: Clustering) -> ClusterPage:
    """The view model of the cluster page."""
    from .report_terminal import short_names  # rich is only needed here for the names

    paths = [p for p, _ in result.documents]
    names = short_names(paths) if paths else []
    files = file_names(paths)  # for file:line:column
    in_groups = [0] * len(paths)
    for g in result.groups:
        for d in g.docs:
            in_groups[d] += 1
    docs = [ClusterDoc(n, names[n], path, enc, in_groups[n])
            for n, (path, enc) in enumerate(result.documents)]
    counts: dict[str, int] = {}
    groups = []
    wide = len(docs) > MATRIX_MAX_DOCS
    for g in result.groups:
        label = next((m.label for m in g.members if m.label), g.members[0].kind)
        carried = set(g.docs)
        members = [MemberView(docs[m.doc], _span(m.start_line, m.end_line), m.id, m == g.base)
                   for m in g.members]
        places = []
        kinds: dict[str, int] = {}
        for k, place in enumerate(g.places, 1):
            tie = all(r.majority for r in place.readings)
            at = {d: f"{w.start_line}:{w.start_column}" for d, w in place.locations}
            readings = [ReadingView(r.text, _abbr(r.text, _READING), r.text.split("\n"),
                                    [docs[d] for d in r.docs], r.majority and not tie,
                                    r.singular, [at.get(d, "") for d in r.docs],
                                    [r.own_form(d) for d in r.docs])
                        for r in place.readings]
            places.append(PlaceView(f"{g.id}-p{k}", k, css_kind(place.kind),
                                    _where(files[g.base.doc], place.base), readings))
            kinds[place.kind] = kinds.get(place.kind, 0) + 1
            counts[place.kind] = counts.get(place.kind, 0) + 1
        groups.append(GroupView(
            g.id, label, g.members[0].kind, [docs[d] for d in g.docs],
            [d.number in carried for d in docs] if not wide else [], members, places,
            [(css_kind(k), kinds[k]) for k in _order(kinds)]))
    boilerplate = [BoilerplateView(
        len(b.occurrences), _abbr(b.text), b.text.split("\n"),
        [f"{files[o.doc]}:{_span(o.start_line, o.end_line)}" for o in b.occurrences])
        for b in result.boilerplate]
    title = f"variantdiff cluster: {len(paths)} document{'s' if len(paths) != 1 else ''}"
    return ClusterPage(
        title, docs, result.units, groups, wide,
        [KindView(css_kind(k), counts[k]) for k in _order(counts)], boilerplate,
        [(s.path, s.reason) for s in result.skipped], sum(counts.values()),
        sum(1 for n in in_groups if not n),
        [css_kind(k) for k in _order({k: 1 for k in (*KINDS, *counts)})])


def render_cluster_html(result: Clustering) -> str:
    """The result of ``cluster`` as one self-contained HTML page."""
    return _environment().get_template("cluster.html.j2").render(page=cluster_page(result))
