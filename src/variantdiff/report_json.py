"""JSON rendering of results (contract version 1); built with ``json.dumps``, never a template."""

from __future__ import annotations

import json
from typing import Any

from .classify import KINDS
from .model import Boilerplate, Comparison, Variant
from .segment import Document, Unit

COMPARE_SCHEMA = "variantdiff.compare/1"
SEGMENT_SCHEMA = "variantdiff.segment/1"
BOILERPLATE_SCHEMA = "variantdiff.boilerplate/1"


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
        "unpaired": [{"doc": doc, "unit": unit_json(u)} for doc, u in result.unpaired],
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


def dumps(data: dict[str, Any]) -> str:
    """Stable, readable JSON: same input, same bytes."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
