"""TEI P5 rendering of a comparison: a parallel-segmentation apparatus, built with ElementTree.

Witness ``A`` is the base text: each pair is a ``<div type="pair" n="N">`` holding the text
of A's unit, with every visible variant in its place as::

    <app type="KIND" loc="A:LINE:COL B:LINE:COL">
      <rdg wit="#A">reading of A</rdg><rdg wit="#B">reading of B</rdg>
    </app>

(an empty reading is an empty ``<rdg/>``; a sentence moved inside the pair is an ``<app>``
in each of its two places, A reading it in the first and B in the second, and a word
changed in a moved sentence is read in the move's readings, not in an ``<app>`` of its
own). A unit only one witness carries is a ``<div type="omission">`` (only in A),
``"addition"`` (only in B) or ``"furniture"``, holding one ``<app>`` with the other
witness's reading empty, set before the first pair that comes after it in A. A's paragraphs
are ``<p>`` elements; a paragraph break inside a reading is an ``<lb/>``. The XML is made
with :mod:`xml.etree.ElementTree`, never with string templates, so any text from the inputs
is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .chars import is_space
from .compare import UnpairedPlace, locate, unpaired_places
from .model import Arrival, Comparison, Pair, Variant

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WITNESSES = ("A", "B")
#: elements with mixed content: never indented (white space there would be text)
_MIXED = frozenset(("p", "title", "witness", "rdg", "head"))
#: characters XML 1.0 does not allow; written as U+FFFD so the document stays well-formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("a\x0cb")
    'a\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def _el(parent: ET.Element | None, tag: str, text: str | None = None,
        **attrs: str) -> ET.Element:
    attrib = {(f"{{{XML_NS}}}id" if k == "xml_id" else k): xml_safe(v) for k, v in attrs.items()}
    elem = ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)
    if text is not None:
        elem.text = xml_safe(text)
    return elem


def _add_text(parent: ET.Element, text: str) -> None:
    """Append ``text`` to ``parent``'s content (after its last child)."""
    if not text:
        return
    text = xml_safe(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _add_reading(parent: ET.Element, text: str) -> None:
    """Reading text, paragraph breaks as ``<lb/>``."""
    for k, chunk in enumerate(text.split("\n")):
        if k:
            _el(parent, "lb")
        _add_text(parent, chunk)


def _loc(v: Variant | UnpairedPlace) -> str:
    return f"A:{v.a.start_line}:{v.a.start_column} B:{v.b.start_line}:{v.b.start_column}"


def _readings(v: Variant) -> tuple[str, str]:
    """What each witness reads at a variant's place in the pair: a side of a move that
    stands outside the pair (its offsets a point) reads nothing here."""
    if v.kind != "move":
        return v.a_text, v.b_text
    return (v.a_text if v.a_offsets[1] > v.a_offsets[0] else "",
            v.b_text if v.b_offsets[1] > v.b_offsets[0] else "")


def _inside(pair: Pair, v: Variant) -> bool:
    """``v`` is a sentence moved inside ``pair``: both its sides stand in the pair's units,
    in different places (not the move of the whole passage)."""
    return v.kind == "move" and v.elsewhere is None and v is not pair.move \
        and v.a_offsets[1] > v.a_offsets[0] and v.b_offsets[1] > v.b_offsets[0]


def _within_move(pair: Pair, v: Variant, among: Sequence[Variant]) -> bool:
    """``v`` is a reading inside a sentence moved inside the pair (a word the copy changed
    in the sentence it moved), one of the moves ``among``, on both sides: the move's
    readings hold it already. (A sentence moved to another pair's paragraph holds no
    reading of its own.)"""
    def inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
        return outer[0] <= span[0] and span[1] <= outer[1]

    return v.kind != "move" and any(
        _inside(pair, w) and inside(v.a_offsets, w.a_offsets)
        and inside(v.b_offsets, w.b_offsets) for w in among)


def _a_point(pair: Pair, v: Variant, arrivals: Sequence[Arrival]) -> int:
    """The point of A's unit where B has ``v``, a sentence moved inside ``pair``: from
    where the last variant before it ends in both units, as many characters on in A as B
    has up to it (white space, which no variant may account for, aside, and so are the
    sentences moved inside the pair and, in B, those arrived from other pairs); never
    inside another variant's reading of A."""
    at = v.b_offsets[0]
    moved = [w for w in pair.variants if _inside(pair, w)]
    b_end, a_end = max(((w.b_offsets[1], w.a_offsets[1]) for w in pair.variants
                        if w is not pair.move and not _inside(pair, w)
                        and not _within_move(pair, w, pair.variants)
                        and w.b_offsets[1] <= at),
                       default=(0, 0))
    b_aside = [w.b_offsets for w in moved] + [(t.start, t.end) for t in arrivals]
    a_aside = [w.a_offsets for w in moved]
    b_text, a_text = pair.b.text, pair.a.text
    count = sum(1 for k in range(b_end, at) if not is_space(b_text[k])
                and not any(start <= k < end for start, end in b_aside))
    point = a_end
    while count and point < len(a_text):
        if not is_space(a_text[point]) and not any(start <= point < end
                                                   for start, end in a_aside):
            count -= 1
        point += 1
    for w in pair.variants:
        if w is not pair.move and w.a_offsets[0] < point < w.a_offsets[1]:
            point = w.a_offsets[1]
    return point


def _pair_div(body: ET.Element, result: Comparison, n: int, pair: Pair,
              arrivals: Sequence[Arrival] = ()) -> None:
    """``arrivals``: the moves of other pairs whose B side stands in this pair's B unit
    (:attr:`Variant.elsewhere`): B reads them here."""
    div = _el(body, "div", type="pair", n=str(n), xml_id=f"pair-{n}")
    text = pair.a.text
    para = _el(div, "p")

    def base(chunk: str) -> None:
        nonlocal para
        for k, piece in enumerate(chunk.split("\n")):
            if k:
                para = _el(div, "p")
            _add_text(para, piece)

    pos = 0
    visible = list(result.visible(pair))
    if pair.move in visible:
        # (the passage as a whole stands elsewhere in B: said of the division, not inline)
        visible.remove(pair.move)
        div.insert(0, _el(None, "note", pair.move.context, type="move", n=_loc(pair.move)))
    places = [(v.a_offsets, v.b_offsets, v, *_readings(v)) for v in visible
              if not _inside(pair, v) and not _within_move(pair, v, visible)
              and not v.apart]
    # (a sentence moved inside the pair: A reads it where A has it, B where B does)
    for v in visible:
        if _inside(pair, v):
            point = _a_point(pair, v, arrivals)
            places += [(v.a_offsets, (v.b_offsets[0], v.b_offsets[0]), v, v.a_text, ""),
                       ((point, point), v.b_offsets, v, "", v.b_text)]
    places += [((there.point, there.point), (there.start, there.end), there.variant, "",
                there.variant.b_text) for there in arrivals]
    places.sort(key=lambda place: (place[0], place[1]))
    for k, ((start, end), _, v, a_reading, b_reading) in enumerate(places, 1):
        if start > pos:
            base(text[pos:start])
            pos = start
        app = _el(para, "app", type=v.kind, loc=_loc(v), xml_id=f"pair-{n}-app-{k}")
        for wit, reading in zip(WITNESSES, (a_reading, b_reading), strict=True):
            _add_reading(_el(app, "rdg", wit=f"#{wit}"), reading)
        pos = max(pos, end)
    base(text[pos:])


def _indent(elem: ET.Element, level: int = 0) -> None:
    """Indent element-only content; mixed content is left exactly as it is."""
    if elem.tag in _MIXED or not len(elem):
        return
    inner = "\n" + "  " * (level + 1)
    elem.text = inner
    for child in elem:
        child.tail = inner
        _indent(child, level + 1)
    elem[-1].tail = "\n" + "  " * level


def tei_tree(result: Comparison) -> ET.Element:
    """The ``<TEI>`` element of the apparatus (unqualified names, ``xmlns`` attribute)."""
    a_doc, b_doc = result.documents
    # the elements are built unqualified and the root declares the TEI namespace as the
    # default one (ElementTree's default_namespace= cannot write unqualified attributes)
    tei = _el(None, "TEI", xmlns=TEI_NS)
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title",
        f"Variants between {a_doc.path} (A) and {b_doc.path} (B)")
    _el(_el(file_desc, "publicationStmt"), "p",
        "Generated by variantdiff; witness A is the base text.")
    list_wit = _el(_el(file_desc, "sourceDesc"), "listWit")
    for wit, doc in zip(WITNESSES, result.documents, strict=True):
        _el(list_wit, "witness", doc.path, xml_id=wit)
    _el(_el(header, "encodingDesc"), "variantEncoding",
        method="parallel-segmentation", location="internal")
    body = _el(_el(tei, "text"), "body")
    arrivals = result.arrivals()
    # (each unit only one document carries, in its own division, before the first pair
    # that stands after it in A: where A has it, or where A lacks what B has)
    waiting = sorted(((place.a.start_line, place.a.start_column, k), place)
                     for k, place in enumerate(unpaired_places(result)))
    for n, pair in enumerate(result.pairs, 1):
        start = locate(a_doc, pair.a, 0, len(pair.a.text)) if waiting else None
        while start and waiting and waiting[0][0][:2] <= (start.start_line, start.start_column):
            _unpaired_div(body, waiting.pop(0)[1])
        _pair_div(body, result, n, pair, arrivals.get(n - 1, ()))
    for _, place in waiting:
        _unpaired_div(body, place)
    _indent(tei)
    return tei


def _unpaired_div(body: ET.Element, place: UnpairedPlace) -> None:
    """A unit only one document carries: a division of its kind (omission, addition,
    furniture) holding one ``<app>``, the other witness's reading empty."""
    n = f"{'AB'[place.doc]}-{place.unit.id}"
    div = _el(body, "div", type=place.kind, n=n)
    app = _el(_el(div, "p"), "app", type=place.kind, loc=_loc(place))
    for wit, reading in zip(WITNESSES, (place.a_text, place.b_text), strict=True):
        _add_reading(_el(app, "rdg", wit=f"#{wit}"), reading)


def render_tei(result: Comparison) -> str:
    """The comparison as a TEI P5 document (UTF-8 XML text, with declaration)."""
    xml = ET.tostring(tei_tree(result), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
