"""``compare``: the pipeline for two documents, from paths or texts to a Comparison."""

from __future__ import annotations

from .align import align
from .classify import Reading, classify
from .config import Config
from .load import Source, load
from .model import Comparison, Location, Pair, Variant
from .normalise import normalise
from .pair import match_exact, pair_units
from .script import to_simplified
from .segment import Document, Unit, segment

_SILENT_KINDS = frozenset({"heading", "furniture"})


def read_document(path: str, config: Config | None = None,
                  encoding: str | None = None) -> Document:
    """Load, normalise and segment the file at ``path``."""
    return segment(normalise(load(path, encoding)), config or Config())


def document_from_text(text: str, path: str = "<text>", config: Config | None = None) -> Document:
    """Normalise and segment an in-memory text (``\\n`` line ends expected)."""
    source = Source(path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"),
                    encoding="utf-8")
    return segment(normalise(source), config or Config())


def locate(doc: Document, unit: Unit, start: int, end: int) -> Location:
    """The original-file span of ``unit.text[start:end]`` (an empty span: insertion point)."""
    norm = doc.normalised
    if start < end:
        line0, col0 = norm.position(unit.norm_index(start))
        line1, col1 = norm.position(unit.norm_index(end - 1))
        return Location(line0, col0, line1, col1)
    if start < len(unit.text):
        line, col = norm.position(unit.norm_index(start))
    else:
        line, col = norm.position(unit.norm_index(len(unit.text) - 1))
        col += 1
    return Location(line, col, line, col)


def _variant(a_doc: Document, b_doc: Document, a: Unit, b: Unit, r: Reading) -> Variant:
    return Variant(r.kind, r.a_text, r.b_text, locate(a_doc, a, r.a_start, r.a_end),
                   locate(b_doc, b, r.b_start, r.b_end), r.context,
                   (r.a_start, r.a_end), (r.b_start, r.b_end))


def compare_pair(a_doc: Document, b_doc: Document, a: Unit, b: Unit, similarity: float,
                 config: Config) -> Pair:
    """Align and classify one pair of units."""
    edits = align(a.text, b.text, config.sentence_threshold, config.move_threshold)
    readings = classify(a.text, b.text, edits)
    return Pair(a, b, similarity, tuple(_variant(a_doc, b_doc, a, b, r) for r in readings))


def compare_documents(a_doc: Document, b_doc: Document,
                      config: Config | None = None) -> Comparison:
    """Pair the units of two segmented documents and list every variant."""
    config = config or Config()
    left, right = a_doc.units, b_doc.units
    matches = pair_units(left, right, config, fold=to_simplified)
    pairs = tuple(compare_pair(a_doc, b_doc, left[m.a], right[m.b], m.similarity, config)
                  for m in matches)
    seen_a = {m.a for m in matches}
    seen_b = {m.b for m in matches}
    for i, j in match_exact(left, right, _SILENT_KINDS):
        seen_a.add(i)
        seen_b.add(j)
    unpaired = tuple([(0, u) for i, u in enumerate(left) if i not in seen_a]
                     + [(1, u) for j, u in enumerate(right) if j not in seen_b])
    return Comparison((a_doc, b_doc), pairs, unpaired, (), config.hidden_kinds)


def compare(path_a: str, path_b: str, config: Config | None = None,
            encoding: str | None = None) -> Comparison:
    """Compare two files: load, normalise, segment, pair, align and classify."""
    config = config or Config()
    return compare_documents(read_document(path_a, config, encoding),
                             read_document(path_b, config, encoding), config)
