"""JSON rendering of results (contract version 1); built with ``json.dumps``, never a template."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import IO, Any

from .classify import KINDS
from .cluster import Clustering, Group, UnitInfo, opening
from .model import Boilerplate, Comparison, Variant
from .segment import Document, Unit

COMPARE_SCHEMA = "variantdiff.compare/1"
SEGMENT_SCHEMA = "variantdiff.segment/1"
BOILERPLATE_SCHEMA = "variantdiff.boilerplate/1"
CLUSTER_SCHEMA = "variantdiff.cluster/1"
#: pieces of encoded JSON gathered before one write
_WRITE_EVERY = 1 << 14


def unit_json(unit: Unit) -> dict[str, Any]:
    """UNIT of the contract (plus ``speaker`` and ``text``)."""
    return {"id": unit.id, "kind": unit.kind, "label": unit.label, "speaker": unit.speaker,
            "start_line": unit.start_line, "end_line": unit.end_line, "text": unit.text}


def document_json(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "encoding": doc.normalised.source.encoding}


def variant_json(v: Variant) -> dict[str, Any]:
    return {"kind": v.kind, "a_text": v.a_text, "b_text": v.b_text,
            "a_start_line": v.a.start_line, "a_start_column": v.a.start_column,
            "a_end_line": v.a.end_line, "a_end_column": v.a.end_column,
            "b_start_line": v.b.start_line, "b_start_column": v.b.start_column,
            "b_end_line": v.b.end_line, "b_end_column": v.b.end_column,
            "context": v.context}


def boilerplate_json(groups: tuple[Boilerplate, ...]) -> list[dict[str, Any]]:
    return [{"text": g.text,
             "occurrences": [{"doc": o.doc, "start_line": o.start_line, "end_line": o.end_line}
                             for o in g.occurrences]} for g in groups]


def comparison_json(result: Comparison) -> dict[str, Any]:
    counts = result.kind_counts()
    return {
        "schema": COMPARE_SCHEMA,
        "documents": [document_json(d) for d in result.documents],
        "pairs": [{"a": unit_json(p.a), "b": unit_json(p.b), "similarity": p.similarity,
                   "variants": [variant_json(v) for v in result.visible(p)]}
                  for p in result.pairs],
        "unpaired": [{"doc": doc, "unit": unit_json(u), "other_line": at.start_line,
                      "other_column": at.start_column}
                     for (doc, u), at in zip(result.unpaired, result.unpaired_at, strict=True)],
        "boilerplate": boilerplate_json(result.boilerplate),
        "summary": {"pairs": len(result.pairs), "unpaired": len(result.unpaired),
                    "variants": {k: counts[k] for k in KINDS if counts[k]},
                    "hidden": sorted(result.hidden),
                    "differences": result.has_differences},
    }


def segment_json(doc: Document) -> dict[str, Any]:
    return {"schema": SEGMENT_SCHEMA, "document": document_json(doc),
            "units": [unit_json(u) for u in doc.units]}


def boilerplate_report_json(documents: list[Document], groups: tuple[Boilerplate, ...],
                            skipped: list[tuple[str, str]]) -> dict[str, Any]:
    return {"schema": BOILERPLATE_SCHEMA, "documents": [document_json(d) for d in documents],
            "boilerplate": boilerplate_json(groups),
            "skipped": [{"path": p, "reason": r} for p, r in skipped]}


def clustering_json(result: Clustering) -> dict[str, Any]:
    """The cluster contract: documents, clusters with members and collated places."""
    return _clustering(result, [cluster_json(g) for g in result.groups])


def cluster_json(g: Group) -> dict[str, Any]:
    """One CLUSTER of the contract."""
    def member(m: UnitInfo) -> dict[str, Any]:
        return {"doc": m.doc, "id": m.id, "kind": m.kind, "label": m.label,
                "start_line": m.start_line, "end_line": m.end_line}

    return {
        "id": g.id, "docs": list(g.docs), "members": [member(m) for m in g.members],
        "base": {"doc": g.base.doc, "id": g.base.id},
        "places": [{"kind": p.kind, "doc": g.base.doc,
                    "start_line": p.base.start_line, "start_column": p.base.start_column,
                    "end_line": p.base.end_line, "end_column": p.base.end_column,
                    "readings": [{"text": r.text, "docs": list(r.docs),
                                  "majority": r.majority, "singular": r.singular,
                                  **({"forms": [{"text": t, "docs": list(d)} for t, d in r.forms]}
                                     if r.forms else {})}
                                 for r in p.readings],
                    "locations": [{"doc": d, "start_line": w.start_line,
                                   "start_column": w.start_column, "end_line": w.end_line,
                                   "end_column": w.end_column} for d, w in p.locations]}
                   for p in g.places]}


def _clustering(result: Clustering, clusters: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": CLUSTER_SCHEMA,
            "documents": [{"path": p, "encoding": e} for p, e in result.documents],
            "clusters": clusters,
            "boilerplate": boilerplate_json(result.boilerplate),
            "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
            "ungrouped": [{"doc": u.doc, "id": u.id, "kind": u.kind, "label": u.label,
                           "start_line": u.start_line, "end_line": u.end_line,
                           "opening": opening(text)} for u, text in result.ungrouped],
            "furniture": [{"doc": u.doc, "id": u.id, "start_line": u.start_line,
                           "end_line": u.end_line, "text": text}
                          for u, text in result.furniture],
            "summary": {"documents": len(result.documents), "units": result.units,
                        "ungrouped": len(result.ungrouped),
                        "furniture": len(result.furniture),
                        "clusters": len(result.groups),
                        "places": sum(len(g.places) for g in result.groups),
                        "hidden": list(result.hidden),
                        "skipped": len(result.skipped)}}


class _Clusters(list):  # type: ignore[type-arg]
    """The clusters of a report made one at a time as the encoder reaches them. json's
    encoder takes any list and only asks for its length and its items in order."""

    def __init__(self, groups: Sequence[Group]) -> None:
        super().__init__()
        self._groups = groups

    def __len__(self) -> int:
        return len(self._groups)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (cluster_json(g) for g in self._groups)


def write_clustering_json(result: Clustering, out: IO[str]) -> None:
    """``dumps(clustering_json(result))`` written to ``out`` as it is made, byte for byte,
    without holding the whole report (the text nor its objects) in memory."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    buffer: list[str] = []
    for chunk in encoder.iterencode(_clustering(result, _Clusters(result.groups))):
        buffer.append(chunk)
        if len(buffer) >= _WRITE_EVERY:
            out.write("".join(buffer))
            buffer.clear()
    buffer.append("\n")
    out.write("".join(buffer))


def dumps(data: dict[str, Any]) -> str:
    """Stable, readable JSON: same input, same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
