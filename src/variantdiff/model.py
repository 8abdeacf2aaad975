"""Results of a comparison: frozen dataclasses that the renderers read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from .segment import Document, Unit


@dataclass(frozen=True, slots=True)
class Location:
    """A span in an original file: 1-based, in characters, end inclusive.

    For an empty side (an insertion point) start and end are the same: the character
    before which the text would go.
    """

    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Variant:
    """One difference between the two units of a pair."""

    kind: str
    a_text: str
    b_text: str
    a: Location
    b: Location
    context: str
    #: offsets in the units' texts (end exclusive), for programs that re-apply variants;
    #: a side of a ``move`` that stands outside the pair (a sentence the other copy sets in
    #: another paragraph) has the point of the pair's unit where it would stand, its
    #: location saying where it stands
    a_offsets: tuple[int, int]
    b_offsets: tuple[int, int]
    #: a ``move`` whose B side stands in another pair's unit: that pair's number (in
    #: :attr:`Comparison.pairs`), the point of its A unit where the sentence would stand
    #: and the sentence's offsets in its B unit (so a report can show it there too)
    elsewhere: tuple[int, int, int, int] | None = None
    #: a reading inside a sentence moved to another paragraph, listed after that move:
    #: the side ("a" or "b") that stands outside the pair listing it (its offsets the
    #: move's point there, its location where it stands); "" for any other variant
    apart: str = ""


class Arrival(NamedTuple):
    """A ``move`` listed with one pair whose B side stands in another pair's B unit, as
    that other pair sees it."""

    #: the index of the pair that lists it, and its number among that pair's visible
    #: variants (from 1)
    pair: int
    number: int
    variant: Variant
    #: the point of this pair's A unit where the sentence would stand, and where it stands
    #: in this pair's B unit
    point: int
    start: int
    end: int


@dataclass(frozen=True)
class Pair:
    """A unit of document A paired with the same passage in document B."""

    a: Unit
    b: Unit
    similarity: float
    variants: tuple[Variant, ...]

    @property
    def move(self) -> Variant | None:
        """The ``move`` over the whole of both units, when the other copy sets the passage
        in another place among the passages both hold; its context says where."""
        return next((v for v in self.variants if v.kind == "move"
                     and v.a_offsets == (0, len(self.a.text))
                     and v.b_offsets == (0, len(self.b.text))), None)


@dataclass(frozen=True)
class Occurrence:
    """Where a boilerplate passage occurs."""

    doc: int
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Boilerplate:
    """A passage repeated within or across documents."""

    text: str
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True, eq=False)
class Comparison:
    """Everything ``compare`` found between two documents."""

    documents: tuple[Document, Document]
    pairs: tuple[Pair, ...]
    #: (document index, unit) for units with no counterpart
    unpaired: tuple[tuple[int, Unit], ...]
    boilerplate: tuple[Boilerplate, ...]
    hidden: frozenset[str]
    #: for each unpaired unit, where it would go in the other document: the point before
    #: the first character of the unit there that follows the partner of the paired unit
    #: before it (an insertion point, start and end the same)
    unpaired_at: tuple[Location, ...]

    def kind_counts(self) -> Counter[str]:
        """Variants per kind, hidden kinds included."""
        return Counter(v.kind for p in self.pairs for v in p.variants)

    def visible(self, pair: Pair) -> tuple[Variant, ...]:
        """The variants of ``pair`` that are not hidden."""
        return tuple(v for v in pair.variants if v.kind not in self.hidden)

    def arrivals(self) -> dict[int, list[Arrival]]:
        """For each pair's index, the visible moves other pairs list whose B side stands
        in its B unit (:attr:`Variant.elsewhere`)."""
        out: dict[int, list[Arrival]] = {}
        for n, pair in enumerate(self.pairs):
            for k, v in enumerate(self.visible(pair), 1):
                if v.elsewhere is not None:
                    there, point, start, end = v.elsewhere
                    out.setdefault(there, []).append(Arrival(n, k, v, point, start, end))
        return out

    @property
    def has_differences(self) -> bool:
        """True when a visible variant or an unpaired unit was found (exit status 1)."""
        return bool(self.unpaired) or any(self.visible(p) for p in self.pairs)
