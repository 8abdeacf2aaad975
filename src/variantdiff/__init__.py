"""variantdiff: find, align and classify the variants between copies of a Chinese text.

>>> from variantdiff import compare_texts
>>> a = "新华社记者：好吗？\\n\\n王毅：积极回援。"
>>> result = compare_texts(a, a.replace("回援", "回报"))
>>> [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]
[('substitution', '回援', '回报')]
"""

from __future__ import annotations

from .compare import compare, compare_documents, document_from_text, read_document
from .config import Config
from .errors import InputError, UsageError, VariantdiffError
from .load import Source, decode, load
from .model import Boilerplate, Comparison, Location, Occurrence, Pair, Variant
from .normalise import Normalised, normalise
from .segment import Document, Unit, segment

__version__ = "0.1.0"

__all__ = [
    "Boilerplate",
    "Comparison",
    "Config",
    "Document",
    "InputError",
    "Location",
    "Normalised",
    "Occurrence",
    "Pair",
    "Source",
    "Unit",
    "UsageError",
    "Variant",
    "VariantdiffError",
    "__version__",
    "compare",
    "compare_documents",
    "compare_texts",
    "decode",
    "document_from_text",
    "load",
    "normalise",
    "read_document",
    "segment",
]


def compare_texts(a: str, b: str, config: Config | None = None) -> Comparison:
    """Compare two in-memory texts (named ``<a>`` and ``<b>`` in the result)."""
    return compare_documents(document_from_text(a, "<a>", config),
                             document_from_text(b, "<b>", config), config)
