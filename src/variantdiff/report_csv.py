"""CSV rendering of a comparison: one row per visible variant, then one per unit only one
document carries (kind omission, addition or furniture; no pair); built with the csv module.

UTF-8 without a BOM, ``\\n`` line ends, and the columns of :data:`HEADER`. Positions are
1-based, in characters, end inclusive, as in the JSON contract; ``pair`` is the 1-based
number of the pair and ``label`` its label (the question's outlet, a speech's speaker),
empty when the units have none. Readings keep their paragraph breaks (quoted).
"""

from __future__ import annotations

import csv
import io

from .compare import unpaired_places
from .model import Comparison

HEADER = ("doc_a", "a_start_line", "a_start_column", "a_end_line", "a_end_column", "reading_a",
          "doc_b", "b_start_line", "b_start_column", "b_end_line", "b_end_column", "reading_b",
          "kind", "context", "pair", "label")


def render_csv(result: Comparison) -> str:
    """The visible variants of ``result`` as CSV text (header row first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    doc_a, doc_b = (d.path for d in result.documents)
    for n, pair in enumerate(result.pairs, 1):
        label = pair.a.label or pair.b.label or ""
        for v in result.visible(pair):
            writer.writerow((
                doc_a, v.a.start_line, v.a.start_column, v.a.end_line, v.a.end_column, v.a_text,
                doc_b, v.b.start_line, v.b.start_column, v.b.end_line, v.b.end_column, v.b_text,
                v.kind, v.context, n, label))
    # (then each unit only one document carries: a row with no pair, the other side the
    # point where that document lacks it)
    for u in unpaired_places(result):
        writer.writerow((
            doc_a, u.a.start_line, u.a.start_column, u.a.end_line, u.a.end_column, u.a_text,
            doc_b, u.b.start_line, u.b.start_column, u.b.end_line, u.b.end_column, u.b_text,
            u.kind, "", "", u.unit.label or ""))
    return out.getvalue()
