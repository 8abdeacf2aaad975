"""``compare``: the pipeline for two documents, from paths or texts to a Comparison."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .align import align
from .boilerplate import (
    boilerplate_spans,
    find_passages,
    key_without,
    report,
    segments_of,
)
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


def _keys(doc: Document, index: int, spans: Mapping[tuple[int, int], list[tuple[int, int]]],
          ) -> list[str]:
    """Match keys of a document's units with its boilerplate taken out."""
    return [to_simplified(key_without(unit.text, spans.get((index, u), [])))
            for u, unit in enumerate(doc.units)]


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return end > start and inside >= 0.9 * (end - start)


def compare_documents(a_doc: Document, b_doc: Document,
                      config: Config | None = None) -> Comparison:
    """Pair the units of two segmented documents, list every variant and the boilerplate."""
    config = config or Config()
    left, right = a_doc.units, b_doc.units
    docs = (a_doc, b_doc)
    # Repeats within each document must not drive pairing.
    segments = segments_of(docs, config)
    inner: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d, doc in enumerate(docs):
        own = [replace(s, doc=0) for s in segments if s.doc == d]
        for (_, u), found in boilerplate_spans(find_passages([doc], config,
                                                             segments=own)).items():
            inner[(d, u)] = found
    matches = pair_units(left, right, config, keys=(_keys(a_doc, 0, inner),
                                                    _keys(b_doc, 1, inner)))
    silent = match_exact(left, right, _SILENT_KINDS)
    linked = [(m.a, m.b) for m in matches] + list(silent)
    classes = {(0, i): n for n, (i, _) in enumerate(linked)}
    classes.update({(1, j): n for n, (_, j) in enumerate(linked)})
    passages = find_passages(docs, replace(config, boilerplate_min_docs=2), classes,
                             segments=segments)
    spans = boilerplate_spans(passages)
    pairs = []
    for m in matches:
        pair = compare_pair(a_doc, b_doc, left[m.a], right[m.b], m.similarity, config)
        kept = tuple(v for v in pair.variants if not (
            (v.kind == "omission" and _covered(v.a_offsets, spans.get((0, m.a), [])))
            or (v.kind == "addition" and _covered(v.b_offsets, spans.get((1, m.b), [])))))
        pairs.append(replace(pair, variants=kept))
    seen_a = {m.a for m in matches}
    seen_b = {m.b for m in matches}
    for i, j in silent:
        seen_a.add(i)
        seen_b.add(j)
    unpaired = tuple([(0, u) for i, u in enumerate(left) if i not in seen_a]
                     + [(1, u) for j, u in enumerate(right) if j not in seen_b])
    return Comparison(docs, tuple(pairs), unpaired, report(docs, passages),
                      config.hidden_kinds)


def compare(path_a: str, path_b: str, config: Config | None = None,
            encoding: str | None = None) -> Comparison:
    """Compare two files: load, normalise, segment, pair, align and classify."""
    config = config or Config()
    return compare_documents(read_document(path_a, config, encoding),
                             read_document(path_b, config, encoding), config)
