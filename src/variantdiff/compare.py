"""``compare``: the pipeline for two documents, from paths or texts to a Comparison."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import NamedTuple

import numpy as np

from .align import indel_distance, near_pairs, sentences
from .boilerplate import (
    Passage,
    Segment,
    boilerplate_spans,
    find_passages,
    keys_without,
    report,
    segments_of,
)
from .chars import abbreviate, is_space, match_key
from .classify import Reading, context_of, read_pair
from .config import Config
from .errors import InputError
from .fingerprint import shingle_hashes, sorted_unique
from .load import SURROGATE, Source, load
from .model import Comparison, Location, Pair, Variant
from .normalise import normalise
from .pair import (
    FAMILY,
    Match,
    frame,
    heaviest_chain,
    match_exact,
    match_furniture,
    match_furniture_pieces,
    match_heading_as_text,
    match_headings,
    match_slots,
    pair_units,
    similarity,
    unframed,
    unit_key,
)
from .regroup import parted, regroup
from .script import keys_to_simplified, set_in_traditional, to_simplified
from .segment import (
    CONTENT_KINDS,
    Document,
    Unit,
    ends_story,
    is_page_jump,
    jumps_from,
    numbered,
    segment,
)

_SILENT_KINDS = frozenset({"heading", "furniture"})
#: kinds of an unpaired unit that may be a piece of the unit beside it (:func:`join_pieces`)
_PIECE_KINDS = frozenset({"text", "heading"})
#: … when joining it takes at least this share of its characters off the difference
_PIECE_GAIN = 0.6
#: a run of a passage takes at most this many pieces on one side (a paragraph broken in
#: more is left as it is: weighing each piece costs an alignment of the whole run)
_PIECES_MAX = 8
#: the units beside a run offered together at most (:func:`_chain_offer`)
_CHAIN_MAX = 4
#: an offer of pieces to a run: (minus the gain for each character, the run, the side,
#: the end, the units)
_Offer = tuple[float, int, int, int, tuple[int, ...]]


def read_document(path: str, config: Config | None = None,
                  encoding: str | None = None) -> Document:
    """Load, normalise and segment the file at ``path``."""
    return segment(normalise(load(path, encoding)), config or Config())


def document_from_text(text: str, path: str = "<text>", config: Config | None = None) -> Document:
    """Normalise and segment an in-memory text (``\\n`` line ends expected); an unpaired
    surrogate in it is an :class:`~variantdiff.errors.InputError` naming ``path``."""
    if SURROGATE.search(text):
        raise InputError(path, "holds unpaired surrogate characters, which are not text",
                         "decode the text with its encoding (errors='strict')")
    source = Source(path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"),
                    encoding="utf-8")
    return segment(normalise(source), config or Config())


def locate(doc: Document, unit: Unit, start: int, end: int) -> Location:
    """The original-file span of ``unit.text[start:end]`` (an empty span: insertion point)."""
    norm = doc.normalised
    if start < end:
        # (a paragraph break at either end of the span is not a character of the file:
        # the span starts after it or ends before it)
        first = start + 1 if unit.text[start] == "\n" and start + 1 < end else start
        last = end - 2 if unit.text[end - 1] == "\n" and end - 1 > first else end - 1
        line0, col0 = norm.position(unit.norm_index(first))
        line1, col1 = norm.position(unit.norm_index(last))
        return Location(line0, col0, line1, col1)
    if start < len(unit.text):
        line, col = norm.position(unit.norm_index(start))
    else:
        line, col = norm.position(unit.norm_index(len(unit.text) - 1))
        col += 1
    return Location(line, col, line, col)


class UnpairedPlace(NamedTuple):
    """A unit only one document carries, as a block-level variant: ``kind`` omission
    (only in A), addition (only in B) or furniture; ``a`` and ``b`` its span in its own
    document and the point where the other lacks it; ``a_text``, ``b_text`` its text on
    its own side, "" on the other."""

    doc: int
    unit: Unit
    kind: str
    a_text: str
    b_text: str
    a: Location
    b: Location


def unpaired_places(result: Comparison) -> list[UnpairedPlace]:
    """Each unpaired unit of ``result`` as an :class:`UnpairedPlace`, in the order of
    :attr:`Comparison.unpaired`."""
    out = []
    for (doc, unit), at in zip(result.unpaired, result.unpaired_at, strict=True):
        own = locate(result.documents[doc], unit, 0, len(unit.text))
        kind = "furniture" if unit.kind == "furniture" else ("omission", "addition")[doc]
        text = unit.text
        out.append(UnpairedPlace(doc, unit, kind, *((text, "", own, at) if doc == 0
                                                     else ("", text, at, own))))
    return out


def _variant(a_doc: Document, b_doc: Document, a: Unit, b: Unit, r: Reading) -> Variant:
    return Variant(r.kind, r.a_text, r.b_text, locate(a_doc, a, r.a_start, r.a_end),
                   locate(b_doc, b, r.b_start, r.b_end), r.context,
                   (r.a_start, r.a_end), (r.b_start, r.b_end))


def compare_pair(a_doc: Document, b_doc: Document, a: Unit, b: Unit, similarity: float,
                 config: Config, regional: bool | None = None,
                 traditional: bool | None = None) -> Pair:
    """Align and classify one pair of units; ``regional``: a document is set in
    traditional characters; ``traditional``: both are (:func:`set_in_traditional`); each
    worked out from them when not given."""
    if regional is None:
        regional = _traditional(a_doc) or _traditional(b_doc)
    if traditional is None:
        traditional = _both_traditional(a_doc, b_doc)
    readings = read_pair(a.text, b.text, config.sentence_threshold, config.move_threshold,
                         regional, traditional)
    return Pair(a, b, similarity, tuple(_variant(a_doc, b_doc, a, b, _as_block(r, a, b))
                                        for r in readings))


def _as_block(r: Reading, a: Unit, b: Unit) -> Reading:
    """``r``, a deletion (insertion) of whole parts of A's (B's) unit, the lines a blank
    line sets apart, as an omission (addition): a subheading the other copy leaves out,
    which segmentation read as the opening of the paragraph after it."""
    kind = {"deletion": "omission", "insertion": "addition"}.get(r.kind)
    unit, lo, hi = (a, r.a_start, r.a_end) if r.kind == "deletion" else (b, r.b_start, r.b_end)
    if kind is None or len(unit.parts) < 2:
        return r
    starts = {unit.text_index(k) for k in range(len(unit.parts) + 1)}
    # (a part's start, after the line break that parts two paragraphs, or the text's end)
    bounds = starts | {k - 1 for k in starts if k and unit.text[k - 1:k] == "\n"}
    # (or from the line break before a part: the break the dropped part's copy lacks)
    opens = lo in starts or (lo + 1 in starts and unit.text[lo:lo + 1] == "\n"
                             and hi > lo + 1)
    return replace(r, kind=kind) if opens and hi in bounds and hi > lo else r


def _shingle_set(key: str, config: Config) -> np.ndarray:
    """The sorted distinct shingle hashes of a match key (what the pairing rule counts)."""
    return sorted_unique(shingle_hashes(key, config.shingle_size))


def _traditional(doc: Document) -> bool:
    """``doc`` holds characters that OpenCC's t2s changes (a copy set in traditional
    characters, in whole or in part)."""
    text = doc.normalised.text
    return to_simplified(text) != text


def _both_traditional(a_doc: Document, b_doc: Document) -> bool:
    """Both documents are set in traditional characters (:func:`set_in_traditional`)."""
    return set_in_traditional(a_doc.normalised.text) and set_in_traditional(b_doc.normalised.text)


def _beside(doc: Document, run: list[int], step: int) -> int | None:
    """The unit before (``step`` -1) or after (+1) a run of units, page furniture passed over."""
    k = run[0] - 1 if step < 0 else run[-1] + 1
    while 0 <= k < len(doc.units) and doc.units[k].kind == "furniture":
        k += step
    return k if 0 <= k < len(doc.units) else None


def _pieces_beside(doc: Document, run: list[int], step: int, free: set[int]) -> list[int]:
    """The unpaired units that may join ``run`` at one end: the unit beside it, and, when
    that is a heading, the text beyond it (a subheading one copy set inside a passage
    stays a heading of its own)."""
    i = _beside(doc, run, step)
    if i is None or i not in free:
        return []
    if doc.units[i].kind != "heading":
        return [i]
    beyond = _beside(doc, [i], step)
    if beyond is None or beyond not in free or doc.units[beyond].kind != "text":
        return [i]
    return [i, beyond]


def _repeated_below(mine: str, heading: str, text: str, theirs: str, step: int) -> bool:
    """A subheading (``heading``) set beside a passage (``mine``) over a paragraph
    (``text``) that says its words again: the partner (``theirs``) holds them no more
    once the paragraph is beside the passage than with the subheading between (what it
    holds is the paragraph's own words; the other copy sets no subheading there)."""
    def cost(*parts: str) -> int:
        return indel_distance("".join(parts if step > 0 else parts[::-1]), theirs)

    return cost(mine, text) <= cost(mine, heading, text) - len(heading)


def join_pieces(docs: tuple[Document, Document], matches: Sequence[Match],
                taken: tuple[set[int], set[int]]) -> list[tuple[list[int], list[int]]]:
    """For each match, the runs of units (A's, B's) that are one passage: a paragraph that
    one copy breaks in two, or whose headline it reads as a paragraph of its own, is the
    paired unit and the unpaired piece beside it (text or a heading, not in ``taken``).

    A piece joins when putting it beside its unit takes at least ``_PIECE_GAIN`` of its
    characters off the difference from the partner: the partner holds it, at that end;
    text units beside a run join together so where the nearest alone gains too little
    (:func:`_chain_offer`). Pieces are joined best first until none is left, while a side
    has at most ``_PIECES_MAX`` units; the runs are in document order.
    """
    runs = [([m.a], [m.b]) for m in matches]
    free = [{i for i, u in enumerate(doc.units) if u.kind in _PIECE_KINDS and i not in used}
            for doc, used in zip(docs, taken, strict=True)]
    keys: dict[tuple[int, int], str] = {}

    def key(d: int, i: int) -> str:
        if (d, i) not in keys:
            keys[(d, i)] = unit_key(docs[d].units[i])
        return keys[(d, i)]

    def offers_of(n: int) -> list[_Offer]:
        run = runs[n]
        out: list[_Offer] = []
        for d in (0, 1):
            if len(run[d]) > _PIECES_MAX:
                continue
            mine = "".join(key(d, k) for k in run[d])
            theirs = "".join(key(1 - d, k) for k in run[1 - d])
            for step in (-1, 1):
                # (the unit beside the run first: the text beyond a heading only when the
                # heading itself does not join)
                pieces = _pieces_beside(docs[d], run[d], step, free[d])
                base = indel_distance(mine, theirs)
                for i in pieces:
                    if len(key(d, i)) < 2:
                        continue
                    both = key(d, i) + mine if step < 0 else mine + key(d, i)
                    gain = base - indel_distance(both, theirs)
                    if i != pieces[-1] and _repeated_below(mine, key(d, i), key(d, pieces[-1]),
                                                          theirs, step):
                        continue  # (the words the partner holds are the text's own)
                    if gain >= _PIECE_GAIN * len(key(d, i)):
                        out.append((-gain / len(key(d, i)), n, d, step, (i,)))
                        break
                else:
                    out += _chain_offer(docs[d], run[d], step, free[d], mine, theirs, base,
                                        partial(key, d), n, d)
        return out

    # each round takes the best offers, one a run; only the runs that grew are weighed
    # again (a piece another run took is no longer offered)
    offers = {n: offers_of(n) for n in range(len(runs))}
    while True:
        grown = set()
        for _, n, d, step, units in sorted(o for found in offers.values() for o in found):
            if n not in grown and free[d].issuperset(units):
                free[d].difference_update(units)
                if step < 0:
                    runs[n][d][:0] = units[::-1]
                else:
                    runs[n][d].extend(units)
                grown.add(n)
        if not grown:
            return runs
        for n in offers:
            offers[n] = offers_of(n) if n in grown else [
                o for o in offers[n] if free[o[2]].issuperset(o[4])]


def _chain_offer(doc: Document, run: list[int], step: int, free: set[int], mine: str,
                 theirs: str, base: int, key: Callable[[int], str], n: int, d: int,
                 ) -> list[_Offer]:
    """An offer of the text units beside a run at one end (``step``) together, two or
    more of them, the nearest first (:data:`_CHAIN_MAX` at most): where the one beside it
    is only partly held by the partner (a copy that drops half a verse and runs the poem
    on), joining it alone gains too little, but it and the units after it, held whole,
    gain as much as a piece must. ``mine`` and ``theirs``: the run's text and its
    partner's, ``base`` the distance between them."""
    chain: list[int] = []
    at = run
    while len(chain) < _CHAIN_MAX:
        i = _beside(doc, at, step)
        if i is None or i not in free or doc.units[i].kind != "text":
            return []
        chain.append(i)
        at = [i]
        if len(chain) < 2:
            continue
        text = "".join(key(k) for k in (chain[::-1] if step < 0 else chain))
        both = text + mine if step < 0 else mine + text
        gain = base - indel_distance(both, theirs)
        if gain >= _PIECE_GAIN * len(text):
            return [(-gain / len(text), n, d, step, tuple(chain))]
    return []


def joined_unit(doc: Document, run: Sequence[int], main: int) -> Unit:
    """The units of ``run`` (in order) as one, of the kind and labels of unit ``main``; its
    id names them all (u3+u4)."""
    if len(run) == 1:
        return doc.units[run[0]]
    return units_joined([doc.units[k] for k in run], doc.units[main])


def units_joined(units: Sequence[Unit], head: Unit) -> Unit:
    """``units`` (in order) as one unit, of the kind and labels of ``head``; its id names
    them all (u3+u4)."""
    parts = tuple(p for u in units for p in u.parts)
    joined = tuple(j and n > 0 for u in units for n, j in enumerate(u.joined))
    return Unit("+".join(u.id for u in units), head.kind, head.label, head.speaker, parts,
                joined, "\n".join(u.text for u in units), units[0].start_line,
                units[-1].end_line)


def _run_spans(spans: Mapping[tuple[int, int], list[tuple[int, int]]], d: int,
               doc: Document, run: Sequence[int]) -> list[tuple[int, int]]:
    """Boilerplate spans of the units of ``run`` in the text of :func:`joined_unit`."""
    out: list[tuple[int, int]] = []
    shift = 0
    for k in run:
        out.extend((s + shift, e + shift) for s, e in spans.get((d, k), []))
        shift += len(doc.units[k].text) + 1
    return out


def _keys(doc: Document, index: int, spans: Mapping[tuple[int, int], list[tuple[int, int]]],
          ) -> list[str]:
    """Match keys of a document's units with its boilerplate taken out."""
    return keys_to_simplified(keys_without([unit.text for unit in doc.units],
                                           [spans.get((index, u), []) for u in range(len(doc.units))]))


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return end > start and inside >= 0.9 * (end - start)


def _repeated_copies(docs: tuple[Document, Document], whole: tuple[list[str], list[str]],
                     inner: Mapping[tuple[int, int], list[tuple[int, int]]],
                     taken: tuple[set[int], set[int]], config: Config) -> tuple[Match, ...]:
    """Pairs for the passages a copy repeats (a paragraph set twice): their keys, their
    own repeats taken out, are too short to pair, yet where the other copy has the passage
    fewer times, each of its units pairs with one of the repeats, on the whole text
    (``whole``: each unit's key). Only units left unpaired are weighed, and only pairs
    with a repeat in them are kept."""
    if not inner:
        return ()
    keys = _left_over(whole, taken)
    found = [m for m in pair_units(docs[0].units, docs[1].units, config, keys=keys)
             if m.a not in taken[0] and m.b not in taken[1]]
    used = (taken[0] | {m.a for m in found}, taken[1] | {m.b for m in found})

    def first_copy(d: int, k: int) -> int:
        # of copies that read the same, the first is the passage, the others its repeats
        first = min(x for x, key in enumerate(keys[d])
                    if x == k or (key == keys[d][k] and x not in used[d]))
        used[d].discard(k)
        used[d].add(first)
        return first

    return tuple(replace(m, a=first_copy(0, m.a), b=first_copy(1, m.b)) for m in found
                 if (0, m.a) in inner or (1, m.b) in inner)


def _left_over(whole: tuple[list[str], list[str]], taken: tuple[set[int], set[int]],
               ) -> tuple[list[str], list[str]]:
    """The keys of the units not ``taken`` ("" for those taken)."""
    left, right = ([key if k not in used else "" for k, key in enumerate(keys)]
                   for keys, used in zip(whole, taken, strict=True))
    return left, right


def _across_kinds(docs: tuple[Document, Document], whole: tuple[list[str], list[str]],
                  taken: tuple[set[int], set[int]], config: Config) -> tuple[Match, ...]:
    """Pairs of a Q&A and a speaker's turn or a paragraph, which only the copies' labels
    tell apart (one drops a question's label: its answer is a speech, its question a
    paragraph). Only units left unpaired are weighed; the pieces beside such a pair join
    it as they join any pair."""
    kinds = [{FAMILY[u.kind] for k, u in enumerate(doc.units)
              if u.kind in CONTENT_KINDS and k not in used}
             for doc, used in zip(docs, taken, strict=True)]
    if not kinds[0] or not kinds[1] or len(kinds[0] | kinds[1]) < 2:
        return ()  # (no units of two families left unpaired)
    found = pair_units(docs[0].units, docs[1].units, config, keys=_left_over(whole, taken),
                       any_family=True)
    return tuple(m for m in found if m.a not in taken[0] and m.b not in taken[1]
                 and FAMILY[docs[0].units[m.a].kind] != FAMILY[docs[1].units[m.b].kind])


#: a copy's unit that holds a run of the other copy's units (its paragraph breaks lost):
#: each of them this much contained in it, and together this much of it
_FLAT_COVER = 0.5


def _flattened(docs: tuple[Document, Document], whole: tuple[list[str], list[str]],
               taken: tuple[set[int], set[int]], config: Config,
               ) -> list[tuple[Match, tuple[list[int], list[int]]]]:
    """Passages one copy sets as a single paragraph and the other as several (a copy that
    lost its paragraph breaks: a web page's text, an OCR run): a unit left unpaired that
    holds a run of two or more units the other copy left unpaired, each at least
    ``containment_threshold`` contained in it and together at least ``_FLAT_COVER`` of
    it, with nothing paired between them (so a heading among them, and one it holds
    right before or after them). Each such unit and run is a pair, (match, (A's run, B's
    run)), compared as one passage."""
    shingles: dict[tuple[int, int], np.ndarray] = {}

    def shingles_of(d: int, k: int) -> np.ndarray:
        if (d, k) not in shingles:
            shingles[(d, k)] = _shingle_set(whole[d][k], config)
        return shingles[(d, k)]

    free = [[k for k, u in enumerate(doc.units) if k not in used and u.kind != "furniture"]
            for doc, used in zip(docs, taken, strict=True)]
    out: list[tuple[Match, tuple[list[int], list[int]]]] = []

    def index(d: int) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        # the shingles of a copy's free units sorted together, with their owners (places
        # in ``free[d]``) and each owner's count; and the typical count (a unit that
        # holds two or more of them is at least twice as long as most of them)
        sizes = np.array([len(shingles_of(d, j)) for j in free[d]], dtype=np.int64)
        if not len(sizes):
            return 0.0, np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64), sizes
        values = np.concatenate([shingles_of(d, j) for j in free[d]])
        owners = np.repeat(np.arange(len(sizes)), sizes)
        order = np.argsort(values, kind="stable")
        return float(np.median(sizes)), values[order], owners[order], sizes

    for d in (0, 1):
        other = 1 - d
        most, values, owners, sizes = index(other)
        for k in list(free[d]):
            unit = docs[d].units[k]
            if unit.kind not in CONTENT_KINDS:
                continue
            mine = shingles_of(d, k)
            if len(mine) < 2 * most or len(sizes) < 2:
                continue
            # how many of its shingles each free unit of the other copy shares with it
            first = np.searchsorted(values, mine, side="left")
            hits = np.searchsorted(values, mine, side="right") - first
            places = np.repeat(first - np.cumsum(hits) + hits, hits) \
                + np.arange(int(hits.sum()))
            shared = np.bincount(owners[places], minlength=len(sizes))
            held = {free[other][n] for n in np.flatnonzero(
                (shared >= config.containment_threshold * sizes) & (sizes > 0)
                & (sizes <= len(mine))).tolist()}
            inside = [j for j in free[other] if j in held
                      and docs[other].units[j].kind in CONTENT_KINDS]
            units = docs[other].units
            unpaired = set(free[other])
            # the longest stretch of them with nothing paired between
            stretches: list[list[int]] = []
            for j in inside:
                if stretches and _next_to(units, unpaired, held, stretches[-1][-1], j):
                    stretches[-1].append(j)
                else:
                    stretches.append([j])
            inside = max(stretches, key=len, default=[])
            if len(inside) < 2:
                continue
            # (from the first to the last paragraph it holds, and the headings it holds
            # right before them; one right after them opens what follows)
            at = [n for n, j in enumerate(free[other]) if inside[0] <= j <= inside[-1]]
            lo, hi = at[0], at[-1] + 1
            while lo > 0 and free[other][lo - 1] in held \
                    and _next_to(units, unpaired, held, free[other][lo - 1], free[other][lo]):
                lo -= 1
            run = free[other][lo:hi]
            covered = np.isin(mine, np.concatenate([shingles_of(other, j) for j in run]))
            if covered.mean() < _FLAT_COVER:
                continue
            free[d].remove(k)
            free[other] = [j for j in free[other] if j not in run]
            most, values, owners, sizes = index(other)
            # (the run's first paragraph names the passage, as a pair's kind and labels)
            main = next(j for j in run if units[j].kind in CONTENT_KINDS)
            match = Match(k, main, round(float(covered.mean()), 4), 0.0, 0.0) if d == 0 \
                else Match(main, k, round(float(covered.mean()), 4), 0.0, 0.0)
            out.append((match, ([k], run) if d == 0 else (run, [k])))
    return out


def _past_the_cap(docs: tuple[Document, Document], runs: list[tuple[list[int], list[int]]],
                  taken: tuple[set[int], set[int]], keys: tuple[list[str], list[str]],
                  config: Config) -> list[tuple[list[int], list[int]]]:
    """``runs``, where one side is a single unit and the other took as many pieces as
    :func:`join_pieces` takes (``_PIECES_MAX``), that side taking on the units beside its
    run that the single unit holds (each at least ``containment_threshold``, nothing
    paired between): a copy that ran a dozen paragraphs together."""
    used = [set(taken[0]) | {i for run, _ in runs for i in run},
            set(taken[1]) | {j for _, run in runs for j in run}]
    out = []
    for run in runs:
        sides = [list(run[0]), list(run[1])]
        for d in (0, 1):
            if len(sides[1 - d]) != 1 or len(sides[d]) <= _PIECES_MAX:
                continue
            whole = _shingle_set(keys[1 - d][sides[1 - d][0]], config)
            units = docs[d].units
            for step in (-1, 1):
                k = (sides[d][0] if step < 0 else sides[d][-1]) + step
                while 0 <= k < len(units) and k not in used[d]:
                    if units[k].kind != "furniture":
                        piece = _shingle_set(keys[d][k], config)
                        if not len(piece) or \
                                np.isin(piece, whole).mean() < config.containment_threshold:
                            break
                        sides[d] = [k, *sides[d]] if step < 0 else [*sides[d], k]
                        used[d].add(k)
                    k += step
        out.append((sides[0], sides[1]))
    return out


def _next_to(units: Sequence[Unit], unpaired: set[int], held: set[int], x: int, y: int,
             ) -> bool:
    """Between units x < y stand only units the long paragraph holds (``held``), page
    furniture and headings left unpaired (a copy that ran its paragraphs together may
    have dropped its headings): no paragraph it does not hold, nothing paired."""
    return all(z in held or units[z].kind == "furniture"
               or (z in unpaired and units[z].kind == "heading") for z in range(x + 1, y))


def _moved(docs: tuple[Document, Document], passage: Passage,
           classes: Mapping[tuple[int, int], int]) -> bool:
    """``passage`` stands once in each copy's text, in other places, inside a paragraph in
    one of them at least: a sentence a copy moved, no boilerplate (a paragraph of its own,
    such as a closing line that follows another turn in each copy, or a caption, is; so
    is the end of a unit in one copy that opens the next unit in the other, where the
    two break paragraphs differently: ``classes``, (doc, unit) → the number of its pair
    or of the unit the other copy sets the same, tells the next unit, nothing both copies
    hold standing between)."""
    runs = sorted(passage.occurrences, key=lambda run: run[0].doc)
    if [run[0].doc for run in runs] != [0, 1]:
        return False
    units = [docs[run[0].doc].units[run[0].unit] for run in runs]
    if any(unit.kind not in CONTENT_KINDS for unit in units):
        return False  # (a caption, a dateline)
    edges = [(not unit.text[:run[0].start].strip(), not unit.text[run[-1].end:].strip())
             for run, unit in zip(runs, units, strict=True)]
    if edges[0] in ((True, False), (False, True)) and edges[1] == edges[0][::-1]:
        # (the end of a unit in one copy, the start of the next in the other: the copies
        # break paragraphs differently there)
        end = 0 if edges[0] == (False, True) else 1
        return not _next_unit(docs, classes, runs[end][0].unit, end, runs[1 - end][0].unit)
    for run, unit in zip(runs, units, strict=True):
        text = unit.text
        start, end = run[0].start, run[-1].end
        if text[:start].strip(" ")[-1:] not in ("", "\n") \
                or text[end:].strip(" ")[:1] not in ("", "\n"):
            return True
    return False


def _heading_as_text_first(left: Sequence[Unit], right: Sequence[Unit],
                           taken: tuple[set[int], set[int]]) -> tuple[tuple[int, int], ...]:
    """:func:`match_heading_as_text` of the paragraphs whose words no paragraph of the
    other copy reads, of units not ``taken`` (a heading the other copy has word for word
    pairs with that): those pairs come first."""
    texts = ({match_key(u.text) for u in left if u.kind == "text"},
             {match_key(u.text) for u in right if u.kind == "text"})
    return tuple((i, j) for i, j in match_heading_as_text(left, right, taken)
                 if match_key((left[i] if left[i].kind == "text" else right[j]).text)
                 not in texts[1 if left[i].kind == "text" else 0])


def compare_documents(a_doc: Document, b_doc: Document,
                      config: Config | None = None) -> Comparison:
    """Pair the units of two segmented documents, list every variant and the boilerplate."""
    config = config or Config()
    # (a paragraph the other copy shows ended where a column break seemed to cut it)
    a_doc, b_doc = parted(a_doc, b_doc), parted(b_doc, a_doc)
    left, right = a_doc.units, b_doc.units
    docs = (a_doc, b_doc)
    # Repeats within each document must not drive pairing.
    segments = segments_of(docs, config)
    inner: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d, doc in enumerate(docs):
        own = [s._replace(doc=0) for s in segments if s.doc == d]
        for (_, u), found in boilerplate_spans(find_passages([doc], config,
                                                             segments=own)).items():
            inner[(d, u)] = found
    keys = (_keys(a_doc, 0, inner), _keys(b_doc, 1, inner))
    # (a title one copy sets as a heading and the other as a paragraph, the same words:
    # a pair before the paragraph can pair with a paragraph that holds part of it)
    silent = match_exact(left, right, _SILENT_KINDS)
    early = _heading_as_text_first(left, right, ({i for i, _ in silent}, {j for _, j in silent}))
    held = ({i for i, _ in early}, {j for _, j in early})
    free = ([key if k not in held[0] else "" for k, key in enumerate(keys[0])],
            [key if k not in held[1] else "" for k, key in enumerate(keys[1])])
    matches = pair_units(left, right, config, keys=free)
    # (headings and furniture set more than once pair in the order of the pairs found: a
    # table of contents does not take a chapter heading from its place in the body)
    silent = tuple((i, j) for i, j in match_exact(
        left, right, _SILENT_KINDS, [(m.a, m.b) for m in matches] + list(early))
        if i not in held[0] and j not in held[1])
    # (content with no characters to match, punctuation only, pairs when it is the same)
    silent += tuple((i, j) for i, j in match_exact(left, right, CONTENT_KINDS)
                    if not keys[0][i] and not keys[1][j])
    seen_a = {m.a for m in matches} | {i for i, _ in silent}
    seen_b = {m.b for m in matches} | {j for _, j in silent}
    # (furniture one copy sets in pieces, the other in one: a dateline cut from its byline)
    pieced = match_furniture_pieces(left, right, (seen_a, seen_b))
    seen_a.update(i for run, _ in pieced for i in run)
    seen_b.update(j for _, run in pieced for j in run)
    # (furniture both copies set that differs in a character: a pair of its own, listed
    # apart from the passages, which it marks no place among)
    furniture = match_furniture(left, right, silent, (seen_a, seen_b), config.short_threshold)
    seen_a.update(m.a for m in furniture)
    seen_b.update(m.b for m in furniture)
    # (a headline one copy sets as a paragraph: a pair when the two differ in punctuation)
    as_text = early + match_heading_as_text(left, right, (seen_a | held[0], seen_b | held[1]))
    silent += tuple((i, j) for i, j in as_text if left[i].text == right[j].text)
    seen_a.update(i for i, _ in as_text)
    seen_b.update(j for _, j in as_text)
    headings = (*match_headings(left, right, (seen_a, seen_b), config.short_threshold,
                                copies=bool(matches)),
                *(Match(i, j, 1.0, 1.0, 1.0) for i, j in as_text
                  if left[i].text != right[j].text))
    matches = tuple(sorted((*matches, *headings), key=lambda m: (m.a, m.b)))
    seen_a.update(m.a for m in headings)
    seen_b.update(m.b for m in headings)
    runs = _past_the_cap(docs, join_pieces(docs, matches, (seen_a, seen_b)),
                         (seen_a, seen_b), keys, config)
    # units both copies leave unpaired in one place (page furniture marks no place: each
    # copy has its own page jumps, and may set a dateline at its top or at its foot)
    marks = [(i, j) for i, j in silent if left[i].kind != "furniture"]
    anchors = runs + [([i], [j]) for i, j in marks]
    taken = (seen_a | {i for run, _ in runs for i in run},
             seen_b | {j for _, run in runs for j in run})
    slots = match_slots(left, right, anchors, keys, taken, config)
    # each unit's key on its whole text (``keys`` has the document's own repeats out)
    whole = ([unit_key(u) if (0, k) in inner else keys[0][k] for k, u in enumerate(left)],
             [unit_key(u) if (1, k) in inner else keys[1][k] for k, u in enumerate(right)])
    slots = (*slots, *_repeated_copies(docs, whole, inner, (taken[0] | {m.a for m in slots},
                                                            taken[1] | {m.b for m in slots}),
                                       config))
    slots = (*slots, *_across_kinds(docs, whole, (taken[0] | {m.a for m in slots},
                                                  taken[1] | {m.b for m in slots}), config))
    if slots:
        # (the pieces beside them join them as they join any pair)
        slot_runs = join_pieces(docs, slots, (taken[0] | {m.a for m in slots},
                                              taken[1] | {m.b for m in slots}))
        taken = (taken[0] | {i for run, _ in slot_runs for i in run},
                 taken[1] | {j for _, run in slot_runs for j in run})
    else:
        slot_runs = []
    flat = _flattened(docs, whole, taken, config)
    if slots or flat:
        placed = sorted([*zip(matches, runs, strict=True), *zip(slots, slot_runs, strict=True),
                         *flat], key=lambda item: (item[0].a, item[0].b))
        matches, runs = tuple(m for m, _ in placed), [run for _, run in placed]
    matches, runs = regroup(docs, matches, runs, marks, whole, config)
    linked = runs + [([i], [j]) for i, j in silent] + pieced \
        + [([m.a], [m.b]) for m in furniture if (m.a, m.b) not in silent]
    classes = {(0, i): n for n, (run, _) in enumerate(linked) for i in run}
    classes.update({(1, j): n for n, (_, run) in enumerate(linked) for j in run})
    passages = [p for p in find_passages(docs, replace(config, boilerplate_min_docs=2), classes,
                                         segments=segments) if not _moved(docs, p, classes)]
    # a repeated passage that one copy pastes again and again and the other lacks, or
    # that each copy holds as often in the same places but across a paragraph break, is
    # no variant of a pair; any other is text the copies differ in where one has it and
    # the other not (a sentence an edition adds to two articles, or moves from one
    # article to another)
    spans = boilerplate_spans([p for p in passages if _pasted(p, classes, docs)])
    regional = _traditional(a_doc) or _traditional(b_doc)
    traditional = _both_traditional(a_doc, b_doc)
    pairs = []
    for m, (run_a, run_b) in zip(matches, runs, strict=True):
        a, b = joined_unit(a_doc, run_a, m.a), joined_unit(b_doc, run_b, m.b)
        score = m.similarity
        if len(run_a) + len(run_b) > 2:
            shingles = [_shingle_set(unit_key(u), config) for u in (a, b)]
            score = similarity(shingles[0], shingles[1], config)[0] or score
        pair = compare_pair(a_doc, b_doc, a, b, score, config, regional, traditional)
        kept = tuple(v for v in pair.variants if not (
            (v.kind == "omission" and _covered(v.a_offsets, _run_spans(spans, 0, a_doc, run_a)))
            or (v.kind == "addition"
                and _covered(v.b_offsets, _run_spans(spans, 1, b_doc, run_b)))))
        pairs.append(replace(pair, variants=kept))
        seen_a.update(run_a)
        seen_b.update(run_b)
    # (a heading both copies set once, word for word, is weighed for order too: a chapter
    # heading an edition moved)
    once = [Counter(u.text for u in units if u.kind == "heading") for units in (left, right)]
    headings_once = [(i, j) for i, j in silent if left[i].kind == "heading"
                     and once[0][left[i].text] == 1 == once[1][right[j].text]]
    pairs, moved = _with_moves(docs, pairs, runs, headings_once)
    alone = [(0, i) for i in range(len(left)) if i not in seen_a] \
        + [(1, j) for j in range(len(right)) if j not in seen_b]
    going = _going(docs, [*(run for k, run in enumerate(runs) if k not in moved),
                          *(([i], [j]) for i, j in marks)], alone)
    pairs, gone = _sentences_moved(docs, pairs, alone, going,
                                   [j for _, j in silent if right[j].kind == "heading"], config)
    still = [n for n, place in enumerate(alone) if place not in gone]
    for m in furniture:
        if unframed(left[m.a].text) == unframed(right[m.b].text):
            continue  # (the same dateline, credited with 据 or set in brackets)
        # (compared inside their brackets and past a 据: a dateline in brackets against
        # one with its reporters after it adds the reporters, no bracket nor 据)
        # (brackets only where neither opens with a bracket that closes before its end:
        # （新华社北京6月15日电）（记者王磊） against （新华社北京6月15日电） adds the reporters)
        brackets = not any(_opens_unclosed(u.text) for u in (left[m.a], right[m.b]))
        pair = compare_pair(a_doc, b_doc, inside_frame(left[m.a], brackets),
                            inside_frame(right[m.b], brackets), m.similarity, config, regional,
                            traditional)
        start = pair.a.parts[0][0]
        pairs.insert(next((k for k, p in enumerate(pairs) if p.a.parts[0][0] > start),
                          len(pairs)), pair)
    return Comparison(docs, tuple(pairs), tuple((alone[n][0], docs[alone[n][0]].units[alone[n][1]])
                                                for n in still),
                      report(docs, passages), config.hidden_kinds,
                      _would_go(docs, [alone[n] for n in still], [going[n] for n in still]))


def _opens_unclosed(text: str) -> bool:
    """Furniture ``text`` opens with a bracket that closes before its end (:func:`frame`)."""
    plain = frame(text, brackets=False)
    return text[plain[0]:plain[0] + 1] in ("（", "(", "【", "[") and frame(text) == plain


def inside_frame(unit: Unit, brackets: bool = True) -> Unit:
    """Page furniture ``unit`` without what :func:`~variantdiff.pair.frame` sets aside at
    its ends (a bullet, brackets around it, the 据 a paper credits another's story with:
    (据新华社北京6月15日电) reads 新华社北京6月15日电; the brackets kept without
    ``brackets``); itself where there is none, or where its first or last part would be
    left empty.

    >>> from variantdiff import document_from_text as read
    >>> unit = read("(据新华社北京6月15日电)\\n\\n记者会历时两小时。\\n").units[0]
    >>> inside_frame(unit).text, inside_frame(unit).parts
    ('新华社北京6月15日电', ((2, 13),))
    """
    text = unit.text
    lo, hi = frame(text, brackets)
    last = unit.text_index(len(unit.parts) - 1)
    first_end = unit.parts[0][1] - unit.parts[0][0]
    if (lo, hi) == (0, len(text)) or lo >= first_end or hi <= last:
        return unit
    parts = list(unit.parts)
    parts[-1] = (parts[-1][0], parts[-1][0] + hi - last)
    parts[0] = (parts[0][0] + lo, parts[0][1] if len(parts) > 1 else parts[0][0] + hi)
    return replace(unit, parts=tuple(parts), text=text[lo:hi])


def _going(docs: tuple[Document, Document], linked: Sequence[tuple[list[int], list[int]]],
           alone: Sequence[tuple[int, int]]) -> list[int]:
    """Where each unit of ``alone`` ((document, unit index), units that pair with none)
    would go in the other document: the index of the unit there it would go before (the
    number of its units: at the end), the unit that follows the partner of the nearest
    linked unit before it (page furniture set inside the partner passed over: a caption,
    a page jump in mid-paragraph), or, with none before it, the partner of the nearest
    after it. ``linked``: the runs of units (A's, B's) that are one passage, paired or
    the same, and stand in one order in both."""
    partner: list[dict[int, list[int]]] = [{}, {}]
    for runs in linked:
        for d in (0, 1):
            for k in runs[d]:
                partner[d][k] = runs[1 - d]

    def beyond(units: Sequence[Unit], run: list[int]) -> int:
        """The unit after ``run`` that does not start inside it."""
        end = max(units[j].parts[-1][1] for j in run)
        k = max(run) + 1
        while k < len(units) and units[k].parts[0][0] < end:
            k += 1
        return k

    # (for each unit, the unit of the other document after which it would go, or -1 for
    # the other's start: one pass over each document, from the nearest linked unit)
    places: list[list[int]] = []
    for d, doc in enumerate(docs):
        after = [-1] * len(doc.units)
        here = -1
        for k in range(len(doc.units)):
            here = beyond(docs[1 - d].units, partner[d][k]) if k in partner[d] else here
            after[k] = here
        ahead = 0
        for k in range(len(doc.units) - 1, -1, -1):
            if k in partner[d]:
                ahead = min(partner[d][k])
            if after[k] < 0:
                after[k] = ahead
        places.append(after)
    return [places[d][k] for d, k in alone]


def _would_go(docs: tuple[Document, Document], alone: Sequence[tuple[int, int]],
              going: Sequence[int]) -> tuple[Location, ...]:
    """Where each unit of ``alone`` would go in the other document (``going``, from
    :func:`_going`), as an insertion point: before the first character of the unit it
    would go before."""
    out = []
    for (d, _), at in zip(alone, going, strict=True):
        other = docs[1 - d]
        if at < len(other.units):
            out.append(locate(other, other.units[at], 0, 0))
        elif other.units:
            last = other.units[-1]
            out.append(locate(other, last, len(last.text), len(last.text)))
        else:
            out.append(Location(1, 1, 1, 1))
    return tuple(out)


def _next_unit(docs: tuple[Document, Document], classes: Mapping[tuple[int, int], int],
               unit: int, d: int, other: int) -> bool:
    """Unit ``other`` of the other copy than ``d`` follows the partner there of ``unit`` of
    copy ``d``, no unit that both copies hold between (page furniture aside), or
    ``unit`` has no partner to tell."""
    c = classes.get((d, unit))
    partners = [j for (side, j), k in classes.items() if side == 1 - d and k == c]
    if c is None or not partners:
        return True
    last = max(partners)
    units = docs[1 - d].units
    return last < other and all((1 - d, j) not in classes or units[j].kind == "furniture"
                                for j in range(last + 1, other))


#: a passage one copy sets this many times and the other never is pasted matter
PASTED = 3


def _pasted(passage: Passage, classes: Mapping[tuple[int, int], int],
            docs: tuple[Document, Document]) -> bool:
    """One document holds ``passage`` :data:`PASTED` times or more, the other not at
    all; or each holds it as often, each copy of it where the other's stands but for a
    paragraph break (in the units of one pair, or ending one pair's unit in one copy and
    opening the next pair's in the other), or in a unit that pairs with none, which is
    listed on its own (``classes``: (doc, unit) → its pair's number)."""
    counts = Counter(run[0].doc for run in passage.occurrences)
    few, many = sorted((counts[0], counts[1]))
    if few != many:
        return few == 0 and many >= PASTED
    where = [[run for run in passage.occurrences if run[0].doc == d] for d in (0, 1)]

    def across_a_break(first: tuple[Segment, ...], second: tuple[Segment, ...]) -> bool:
        unit = docs[first[0].doc].units[first[0].unit]
        return first[-1].end >= len(unit.text.rstrip()) and second[0].start == 0

    for a, b in zip(*where, strict=True):
        ka, kb = classes.get((0, a[0].unit)), classes.get((1, b[0].unit))
        # (a copy in a unit of its own that pairs with none, a caption say, is listed
        # there; one in a paragraph that pairs with none is not: a sentence an edition
        # moves out of an article into a new one is gone from the first)
        alone = [run for run, k in ((a, ka), (b, kb)) if k is None]
        if any(docs[run[0].doc].units[run[0].unit].kind in CONTENT_KINDS for run in alone) \
                and len(alone) == 1:
            return False
        if ka is not None and kb is not None and not (
                ka == kb or (ka + 1 == kb and across_a_break(a, b))
                or (kb + 1 == ka and across_a_break(b, a))):
            return False
    return True


def _stretches(doc: Document) -> list[int]:
    """For each unit of ``doc``, the number of the stretch it stands in. Between stretches
    a file's order need not be the order of reading: a page sets a story's continuation,
    or the next story, wherever it has room.

    A story's end or start (an end mark, a desk note, a dateline, a byline) opens a new
    stretch, and so does a headline after a page jump (the next page's story; under a
    numbered chapter or section the text goes on). What a jump onwards (（下转A03版）) is
    followed by up to the jump back (（上接第一版）) is a stretch of its own, and after the
    jump back the story's stretch goes on; a jump back with none before it opens a new
    stretch.
    """
    units = doc.units
    back_at = [i for i, u in enumerate(units) if u.kind == "furniture" and jumps_from(u.text)]
    out, n, current = [], 0, 0
    resume: int | None = None  # the story's stretch, while another stands in the middle
    jumped = False
    for i, unit in enumerate(units):
        if unit.kind == "furniture":
            if ends_story(unit.text):
                n += 1
                current, resume = n, None
            elif jumps_from(unit.text):
                if resume is None:
                    n += 1
                    current = n
                else:
                    current, resume = resume, None
            elif is_page_jump(unit.text):
                if any(k > i for k in back_at) and resume is None:
                    resume = current
                    n += 1
                    current = n
                else:
                    jumped = True
        else:
            if jumped and unit.kind == "heading" and not numbered(unit.text):
                n += 1
                current = n
            jumped = False
        out.append(current)
    return out


def _with_moves(docs: tuple[Document, Document], pairs: Sequence[Pair],
                runs: Sequence[tuple[list[int], list[int]]],
                headings: Sequence[tuple[int, int]] = ()) -> tuple[list[Pair], set[int]]:
    """``pairs``, where each passage that the copies set in different places opens with a
    ``move`` variant over its whole units, and the numbers of those pairs; the move's
    context says where the passage stands in each copy among the pairs that keep their
    order (after one of them, or before the first), those of its own stretch where it has
    any. ``headings``: identical headings
    (A's, B's) weighed for order too; one out of order is a pair of its own with its move.

    Order is weighed among the pairs that stand in one stretch of each copy
    (:func:`_stretches`, where a file's order is the order of reading): those out of the
    heaviest chain, in characters, that both copies hold in one order are moved (the
    fewest characters move). Across stretches, the runs of pairs where the stretches of
    the other copy cross as a stretch of one reads them are weighed first
    (:func:`_crossing`), and a passage one copy set inside another story is moved too
    (:func:`_strays`)."""
    shown = len(pairs)
    pairs = [*pairs, *(Pair(docs[0].units[i], docs[1].units[j], 1.0, ()) for i, j in headings)]
    runs = [*runs, *(([i], [j]) for i, j in headings)]
    places = [(run_a[0], run_b[0]) for run_a, run_b in runs]
    stretches = _stretches(docs[0]), _stretches(docs[1])
    weights = [len(pair.a.text) + len(pair.b.text) for pair in pairs]
    crossing: set[int] = set()
    for side in (0, 1):
        crossing |= _crossing([k for k in range(len(places)) if k not in crossing], places,
                              weights, stretches, side)
    together: dict[tuple[int, int], list[int]] = {}
    for k, (i, j) in enumerate(places):
        if k not in crossing:
            together.setdefault((stretches[0][i], stretches[1][j]), []).append(k)
    kept: set[int] = set()
    for members in together.values():
        chain = heaviest_chain([places[k] for k in members], [weights[k] for k in members])
        kept.update(members[c] for c in chain)
    kept -= _strays(together, kept, places, weights)
    if len(kept) == len(pairs):
        return list(pairs[:shown]), set()
    out: list[tuple[int, Pair]] = []  # (A position, pair)
    for k, pair in enumerate(pairs):
        if k in kept:
            if k < shown:
                out.append((places[k][0], pair))
            continue
        after = []
        for d in (0, 1):
            # (where it stands among the passages that keep their order: those of its own
            # stretch, if it has any, since a file need not set its stretches in the order
            # of reading)
            stretch = stretches[d][places[k][d]]
            near = [n for n in kept if stretches[d][places[n][d]] == stretch] or list(kept)
            # (before the first of them, where none stands before it: turns of no pair
            # may stand before both)
            earlier = [n for n in near if places[n][d] < places[k][d]]
            if earlier:
                last = max(earlier, key=lambda n: places[n][d])
                after.append("after " + _name(pairs[last].a if d == 0 else pairs[last].b))
            else:
                first = min(near, key=lambda n: places[n][d])
                after.append("before " + _name(pairs[first].a if d == 0 else pairs[first].b))
        a, b = pair.a, pair.b
        move = Variant("move", a.text, b.text, locate(docs[0], a, 0, len(a.text)),
                       locate(docs[1], b, 0, len(b.text)),
                       f"A: {after[0]} · B: {after[1]}",
                       (0, len(a.text)), (0, len(b.text)))
        moved = replace(pair, variants=(move, *pair.variants))
        if k < shown:
            out.append((places[k][0], moved))
        else:
            # (a moved heading stands among the pairs in A's order)
            at = next((n for n, (i, _) in enumerate(out) if i > places[k][0]), len(out))
            out.insert(at, (places[k][0], moved))
    return [pair for _, pair in out], {k for k in range(shown) if k not in kept}


#: a sentence that one copy holds in one passage and the other in another is a move from
#: this many characters of its match key (a shorter one, 好。 say, may stand anywhere)
_MOVED_MIN = 6
#: … and one sentence of a run a copy leaves out or adds, from this many (a stock clause
#: at the edge of two runs, 这是中方的一贯立场。, is no move)
_PART_MIN = 12
#: what a moved sentence is read as where it left, and where it came to (a sentence set
#: inside another one is a deletion there, or an insertion)
_OUT = frozenset({"omission", "deletion"})
_IN = frozenset({"addition", "insertion"})


class _Side(NamedTuple):
    """One side of a move that may be: an omission, an addition, a deletion or an
    insertion (variant ``k`` of pair ``n``), or a unit of one copy that pairs with none
    (``n`` is -1, ``k`` its index)."""

    n: int
    k: int
    text: str
    #: a whole sentence or passage (an omission, an addition, a unit), not words inside one
    whole: bool
    #: where it stands in B's normalised text (A's side: the point where it would stand)
    lo: int
    hi: int
    #: a sentence of a whole omission or addition of several (its start and end in that
    #: variant's text), None for the whole side
    span: tuple[int, int] | None = None


def _sentences_moved(docs: tuple[Document, Document], pairs: Sequence[Pair],
                     alone: Sequence[tuple[int, int]], going: Sequence[int],
                     shared: Sequence[int], config: Config,
                     ) -> tuple[list[Pair], set[tuple[int, int]]]:
    """``pairs``, and the units of ``alone`` (the units that pair with none, each
    ``going`` before that unit of the other copy: :func:`_going`; ``shared``: B's headings
    that A sets too) that are a side of a move now, where a sentence, or a run of them, that A
    holds in one place and B in another is one ``move`` rather than an omission from one
    pair and an addition to another (a deletion, an insertion where the sentence stands
    inside another; or a unit only in one copy, a paragraph of its own that the other
    sets inside another paragraph): alike as ``move_threshold`` asks, in their match keys
    in simplified characters, as moves inside a pair are (words inside a sentence, a
    deletion or an insertion, only when the keys are the same).

    The move stands among the variants of the pair the omission or the addition stood
    in, in its place: the location and text of each side are where that copy holds the
    sentence; the offsets of a side outside the pair are the point of the pair's unit
    where the sentence would stand. A sentence that only crossed a paragraph break is no
    move (the end of one unit in one copy, the start of the next in the other, nothing
    both copies hold between), nor is one that a copy holds more than once (a stock clause
    that one article lost and another gained).

    Then a sentence of a run (a whole omission or addition of several sentences) that did
    not move as it stands is a move of its own where it moved word for word, across text
    both copies hold: the rest of the run stays an omission or an addition."""
    a_sides = [_Side(n, k, v.a_text, v.kind == "omission", point, point)
               for n, pair in enumerate(pairs) for k, v in enumerate(pair.variants)
               if v.kind in _OUT for point in (pair.b.norm_index(v.b_offsets[0]),)]
    b_sides = [_Side(n, k, v.b_text, v.kind == "addition", pair.b.norm_index(v.b_offsets[0]),
                     pair.b.norm_index(v.b_offsets[1]))
               for n, pair in enumerate(pairs) for k, v in enumerate(pair.variants)
               if v.kind in _IN]
    if not a_sides and not b_sides:
        return list(pairs), set()
    b_norm = docs[1].normalised
    for (d, k), at in zip(alone, going, strict=True):
        unit = docs[d].units[k]
        if unit.kind not in CONTENT_KINDS:
            continue
        if d == 0 and b_sides:
            point = docs[1].units[at].parts[0][0] if at < len(docs[1].units) else len(b_norm.text)
            a_sides.append(_Side(-1, k, unit.text, True, point, point))
        elif d == 1 and a_sides:
            b_sides.append(_Side(-1, k, unit.text, True, unit.parts[0][0], unit.parts[-1][1]))
    keys = keys_to_simplified([match_key(side.text) for side in (*a_sides, *b_sides)])
    a_keys, b_keys = keys[:len(a_sides)], keys[len(a_sides):]
    # (score, A's side, B's side) of every two sides alike enough: the same key, or two
    # whole sentences alike as a move must be
    alike = _alike(a_keys, b_keys, [a.whole for a in a_sides], [b.whole for b in b_sides],
                   config.move_threshold, ([a.text for a in a_sides], [b.text for b in b_sides]))
    # (the sentences of each whole omission and addition of several: see below)
    a_parts = _sentences_of(pairs, a_sides, 0) if b_sides else []
    b_parts = _sentences_of(pairs, b_sides, 1) if a_sides else []
    if not alike and not a_parts and not b_parts:
        return list(pairs), set()
    whole = keys_to_simplified([match_key(doc.normalised.text) for doc in docs])
    held = _held(docs[1], pairs, shared)
    taken: dict[tuple[int, int, int], list[tuple[int, int]] | None] = {}
    found: list[tuple[_Side, _Side]] = []
    # (the keys a copy holds more than once, among those of the candidates)
    _take(pairs, alike, (a_sides, b_sides), (a_keys, b_keys), _twice(alike, a_keys, b_keys, whole),
          held, taken, found)
    # then the sentences of the whole omissions and additions of several that did not move
    # as they stand (one sentence moved, set beside one the copy adds or leaves out),
    # word for word, against the sides still free and each other's; the text between the
    # two places must be text both copies hold (not the rest of an addition)
    if a_parts or b_parts:
        free = ([x for x, a in enumerate(a_sides) if _free(a, 0, taken)],
                [y for y, b in enumerate(b_sides) if _free(b, 1, taken)])
        a2 = [a_sides[x] for x in free[0]] + a_parts
        b2 = [b_sides[y] for y in free[1]] + b_parts
        # (the keys of the free sides as round 1 made them; those of the sentences)
        keys = keys_to_simplified([match_key(side.text) for side in (*a_parts, *b_parts)])
        a2_keys = [a_keys[x] for x in free[0]] + keys[:len(a_parts)]
        b2_keys = [b_keys[y] for y in free[1]] + keys[len(a_parts):]
        same: dict[str, list[int]] = {}
        for y, key in enumerate(b2_keys):
            if len(key) >= _PART_MIN:
                same.setdefault(key, []).append(y)
        alike = [(1.0, x, y) for x, key in enumerate(a2_keys) for y in same.get(key, ())
                 if a2[x].span is not None or b2[y].span is not None]
        b_only = [(pair.b.norm_index(v.b_offsets[0]), pair.b.norm_index(v.b_offsets[1]))
                  for pair in pairs for v in pair.variants if v.kind in _IN]
        _take(pairs, alike, (a2, b2), (a2_keys, b2_keys), _twice(alike, a2_keys, b2_keys, whole),
              _held(docs[1], pairs, shared, b_only), taken, found)
    variants: list[list[Variant]] = [list(pair.variants) for pair in pairs]
    gone: set[tuple[int, int]] = set()
    # the sentences of a side that moved (a move, or None where the move stands in the
    # other pair), by the side's variant
    pieces: dict[tuple[int, int], dict[tuple[int, int], Variant | None]] = {}
    # the readings inside each move whose two sides differ (a word the copy changed in the
    # sentence it moved), listed after it, by the move's id
    inner: dict[int, list[Variant]] = {}
    regional = bool(found) and (_traditional(docs[0]) or _traditional(docs[1]))
    traditional = regional and _both_traditional(*docs)
    for a, b in found:
        names = (_name(pairs[a.n].a) if a.n >= 0 else _name(docs[0].units[a.k]),
                 _name(pairs[b.n].b) if b.n >= 0 else _name(docs[1].units[b.k]))
        context = f"A: in {names[0]} · B: in {names[1]}"
        if a.n >= 0:  # (in the pair A's side stood in)
            omitted = _side_variant(docs, pairs, a)
            b_place, b_offsets, elsewhere = omitted.b, omitted.b_offsets, None
            b_text = b.text
            if b.n >= 0:
                added = _side_variant(docs, pairs, b)
                b_place, b_text = added.b, added.b_text
                if b.n == a.n:
                    b_offsets = added.b_offsets
                else:
                    elsewhere = (b.n, added.a_offsets[0], *added.b_offsets)
                if b.span is None:
                    gone.add((b.n, b.k))
                else:
                    pieces.setdefault((b.n, b.k), {})[b.span] = None
            else:
                b_place = locate(docs[1], docs[1].units[b.k], 0, len(b.text))
            move = Variant("move", omitted.a_text, b_text, omitted.a, b_place, context,
                           omitted.a_offsets, b_offsets, elsewhere)
            side = a
        else:  # (in the pair B's side stood in)
            added = _side_variant(docs, pairs, b)
            move = Variant(
                "move", a.text, added.b_text,
                locate(docs[0], docs[0].units[a.k], 0, len(a.text)),
                added.b, context, added.a_offsets, added.b_offsets)
            side = b
        inner[id(move)] = _inside_move(docs, pairs, move, a, b, side is a, config,
                                       (regional, traditional))
        if side.span is None:
            variants[side.n][side.k] = move
        else:
            pieces.setdefault((side.n, side.k), {})[side.span] = move
    changed = {a.n for a, _ in found} | {b.n for _, b in found}
    out = []
    for n, pair in enumerate(pairs):
        if n not in changed:
            out.append(pair)
            continue
        kept: list[Variant] = []
        for k, variant in enumerate(variants[n]):
            if (n, k) in pieces:
                kept += _rest_of(docs, pair, variant, pieces[(n, k)])
            elif (n, k) not in gone:
                kept.append(variant)
        out.append(replace(pair, variants=tuple(
            v for variant in kept for v in (variant, *inner.get(id(variant), ())))))
    return (out, {(0, a.k) for a, _ in found if a.n < 0} | {(1, b.k) for _, b in found if b.n < 0})


def _inside_move(docs: tuple[Document, Document], pairs: Sequence[Pair], move: Variant,
                 a: _Side, b: _Side, listed_with_a: bool, config: Config,
                 scripts: tuple[bool, bool]) -> list[Variant]:
    """The readings inside ``move``, a sentence that stands in another paragraph in each
    copy (sides ``a`` and ``b``), as variants of their own (提升至/提高到 in the sentence a
    copy moved): located where each copy holds them; in the pair that lists the move
    (``listed_with_a``: A's side's), the offsets of the side that stands outside it are
    the move's, the point where the sentence would stand. None when the two read alike
    but for white space; ``scripts``: a copy is set in traditional characters, both are."""
    if move.a_text == move.b_text:
        return []
    # (each side's unit and where the sentence starts in it)
    unit_a, at_a = (pairs[a.n].a, move.a_offsets[0]) if a.n >= 0 else (docs[0].units[a.k], 0)
    if b.n >= 0:
        unit_b = pairs[b.n].b
        at_b = move.elsewhere[2] if move.elsewhere is not None else move.b_offsets[0]
    else:
        unit_b, at_b = docs[1].units[b.k], 0
    if unit_a.text[at_a:at_a + len(move.a_text)] != move.a_text \
            or unit_b.text[at_b:at_b + len(move.b_text)] != move.b_text:
        return []  # (a side not found as it stands: the move alone)
    apart = "" if b.n == a.n else "b" if listed_with_a else "a"
    out = []
    for r in read_pair(move.a_text, move.b_text, config.sentence_threshold,
                       config.move_threshold, *scripts):
        if r.kind in ("whitespace", "move"):
            continue  # (a clause moved inside it: the sentence's move holds it)
        a_span = (at_a + r.a_start, at_a + r.a_end)
        b_span = (at_b + r.b_start, at_b + r.b_end)
        out.append(Variant(
            r.kind, r.a_text, r.b_text, locate(docs[0], unit_a, *a_span),
            locate(docs[1], unit_b, *b_span), r.context,
            move.a_offsets if apart == "a" else a_span,
            move.b_offsets if apart == "b" else b_span, apart=apart))
    return out


def _twice(alike: Sequence[tuple[float, int, int]], a_keys: Sequence[str],
           b_keys: Sequence[str], whole: Sequence[str]) -> tuple[set[str], set[str]]:
    """The keys of ``alike``'s sides that their copy (``whole``: the key of each) holds
    more than once."""
    return ({key for key in {a_keys[x] for _, x, _ in alike} if whole[0].count(key) > 1},
            {key for key in {b_keys[y] for _, _, y in alike} if whole[1].count(key) > 1})


def _take(pairs: Sequence[Pair], alike: Sequence[tuple[float, int, int]],
          sides: tuple[Sequence[_Side], Sequence[_Side]], keys: tuple[Sequence[str], Sequence[str]],
          twice: tuple[set[str], set[str]], held: np.ndarray,
          taken: dict[tuple[int, int, int], list[tuple[int, int]] | None],
          found: list[tuple[_Side, _Side]]) -> None:
    """Add to ``found`` the sides (A's, B's) of ``alike`` that are a move, the likest
    first (so that a sentence found word for word is not taken by another that is only
    like it): both still free (:func:`_free`; ``taken`` marks them), one of them at least
    in a pair, neither a key its copy holds more than once (``twice``), and text both
    copies hold between the two places (``held``: :func:`_held`), or the two in one pair
    (where one is a sentence of a side, with text of A's unit between: :func:`_crossed`)."""
    for _, x, y in sorted(alike, key=lambda c: (-c[0], c[1], c[2])):
        a, b = sides[0][x], sides[1][y]
        if not _free(a, 0, taken) or not _free(b, 1, taken) or (a.n < 0 and b.n < 0) \
                or keys[0][x] in twice[0] or keys[1][y] in twice[1]:
            continue
        if a.n == b.n >= 0:
            moved = (a.span is None and b.span is None) or _crossed(pairs[a.n], a, b)
        else:
            # (B's characters between the two places, that both copies hold)
            moved = (held[b.lo] - held[a.lo] if a.lo <= b.lo
                     else held[a.lo] - held[min(a.lo, b.hi)]) > 0
        if moved:
            for d, side in enumerate((a, b)):
                if side.span is None:
                    taken[(d, side.n, side.k)] = None
                else:
                    spans = taken.setdefault((d, side.n, side.k), [])
                    if spans is not None:
                        spans.append(side.span)
            found.append((a, b))


def _crossed(pair: Pair, a: _Side, b: _Side) -> bool:
    """Of two sides in ``pair``, A's ``a`` and B's ``b``, one a sentence of a run: text of
    A's unit that B holds too, punctuation and spaces aside, stands between where A holds
    ``a`` and where ``b`` stands (a clause a copy set after a sentence it adds did not move
    past it)."""
    taken_out, added = pair.variants[a.k], pair.variants[b.k]
    lo, hi = taken_out.a_offsets
    if a.span is not None:
        lo, hi = lo + a.span[0], lo + a.span[1]
    point = added.a_offsets[0]
    start, end = (hi, point) if point >= hi else (point, lo)
    # (A's text there that B leaves out is no text both hold)
    left_out = [v.a_offsets for v in pair.variants if v.kind in _OUT]
    return bool(match_key("".join(char for k, char in enumerate(pair.a.text[start:end], start)
                                  if not any(s <= k < e for s, e in left_out))))


def _free(side: _Side, d: int,
          taken: dict[tuple[int, int, int], list[tuple[int, int]] | None]) -> bool:
    """``side`` of copy ``d`` is no move yet: its variant (or unit) is not taken whole,
    nor, for a whole side, any of its sentences, and ``side``'s sentences overlap none
    taken (``taken``: the spans taken of each, None when taken whole)."""
    key = (d, side.n, side.k)
    if key not in taken:
        return True
    spans = taken[key]
    if spans is None or side.span is None:
        return False
    start, end = side.span
    return all(end <= lo or hi <= start for lo, hi in spans)


def _sentences_of(pairs: Sequence[Pair], sides: Sequence[_Side], d: int) -> list[_Side]:
    """The sentences of each whole omission (``d`` 0) or addition (``d`` 1) of ``sides``
    in a pair that holds several; a speaker's label (王毅：) moves only with the sentence
    after it, which may move alone too."""
    out = []
    for side in sides:
        if side.n < 0 or not side.whole:
            continue
        spans = sentences(side.text)
        if len(spans) < 2:
            continue
        pair = pairs[side.n]
        first = pair.variants[side.k].b_offsets[0]
        # (a speaker's label with the sentence after it, before that sentence alone)
        parts = [(start, after[1]) for (start, end), after in itertools.pairwise(spans)
                 if side.text[end - 1] in "：:"]
        parts += [(start, end) for start, end in spans if side.text[end - 1] not in "：:"]
        for start, end in sorted(parts, key=lambda span: (span[0], -span[1])):
            lo, hi = (side.lo, side.hi) if d == 0 else \
                (pair.b.norm_index(first + start), pair.b.norm_index(first + end))
            out.append(_Side(side.n, side.k, side.text[start:end], True, lo, hi, (start, end)))
    return out


def _side_variant(docs: tuple[Document, Document], pairs: Sequence[Pair], side: _Side,
                  ) -> Variant:
    """The omission, addition, deletion or insertion of the pair ``side`` stands in: the
    whole variant, or the part of it that is ``side``'s sentence; without the white space
    at its ends (a paragraph break a run ends with did not move)."""
    variant = pairs[side.n].variants[side.k]
    text = variant.a_text if variant.kind in _OUT else variant.b_text
    start, end = side.span or (0, len(text))
    while start < end and is_space(text[start]):
        start += 1
    while start < end and is_space(text[end - 1]):
        end -= 1
    if start == end:  # (white space alone: as it stands)
        start, end = side.span or (0, len(text))
    if side.span is None and (start, end) == (0, len(text)):
        return variant
    return _part(docs, pairs[side.n], variant, start, end)


def _part(docs: tuple[Document, Document], pair: Pair, variant: Variant, start: int,
          end: int) -> Variant:
    """The part ``[start, end)`` of the text of ``variant``, an omission, an addition, a
    deletion or an insertion of ``pair``, as a variant of its kind of its own."""
    a0, b0 = variant.a_offsets[0], variant.b_offsets[0]
    if variant.kind in _OUT:
        text = variant.a_text[start:end]
        return replace(variant, a_text=text,
                       a=locate(docs[0], pair.a, a0 + start, a0 + end),
                       context=context_of(pair.a.text, a0 + start, a0 + end, text, ""),
                       a_offsets=(a0 + start, a0 + end))
    text = variant.b_text[start:end]
    return replace(variant, b_text=text, b=locate(docs[1], pair.b, b0 + start, b0 + end),
                   context=context_of(pair.a.text, a0, a0, "", text),
                   b_offsets=(b0 + start, b0 + end))


def _rest_of(docs: tuple[Document, Document], pair: Pair, variant: Variant,
             moved: Mapping[tuple[int, int], Variant | None]) -> list[Variant]:
    """``variant``, a whole omission or addition of ``pair`` some of whose sentences
    ``moved`` (their spans in its text; the move, or None where it stands in another pair),
    as its moves and, between them, the rest of it as variants of its kind (the white
    space beside a moved sentence let go)."""
    text = variant.a_text if variant.kind in _OUT else variant.b_text
    out: list[Variant] = []
    at = 0
    for start, end in [*sorted(moved), (len(text), len(text))]:
        # (the rest between, without the white space beside a moved sentence: a paragraph
        # break there is no omission or addition)
        lo, hi = at, start
        while lo < hi and at and is_space(text[lo]):
            lo += 1
        while lo < hi and start < len(text) and is_space(text[hi - 1]):
            hi -= 1
        if lo < hi:
            out.append(_part(docs, pair, variant, lo, hi))
        move = moved.get((start, end))
        if move is not None:
            out.append(move)
        at = end
    return out


def _alike(a_keys: Sequence[str], b_keys: Sequence[str], a_whole: Sequence[bool],
           b_whole: Sequence[bool], threshold: float,
           texts: tuple[Sequence[str], Sequence[str]]) -> list[tuple[float, int, int]]:
    """(score, x, y) for A's key x and B's key y (each at least :data:`_MOVED_MIN` long)
    that are the same (score 1), or, both of whole sentences and as many of them (in
    their ``texts``: a sentence one copy adds beside a moved one is no edit of it), at
    least ``threshold`` alike (normalised Indel similarity)."""
    same: dict[str, list[int]] = {}
    for y, key in enumerate(b_keys):
        if len(key) >= _MOVED_MIN:
            same.setdefault(key, []).append(y)
    out = [(1.0, x, y) for x, key in enumerate(a_keys) if len(key) >= _MOVED_MIN
           for y in same.get(key, ())]
    xs = [x for x, key in enumerate(a_keys) if a_whole[x] and len(key) >= _MOVED_MIN]
    ys = [y for y, key in enumerate(b_keys) if b_whole[y] and len(key) >= _MOVED_MIN]
    if xs and ys:
        keys = [a_keys[x] for x in xs] + [b_keys[y] for y in ys]
        for i, j in near_pairs(keys, threshold):
            if i < len(xs) <= j and keys[i] != keys[j] and len(sentences(texts[0][xs[i]])) \
                    == len(sentences(texts[1][ys[j - len(xs)]])):
                out.append((1 - indel_distance(keys[i], keys[j]) / (len(keys[i]) + len(keys[j])),
                            xs[i], ys[j - len(xs)]))
    return out


def _held(doc: Document, pairs: Sequence[Pair], headings: Sequence[int],
          aside: Sequence[tuple[int, int]] = ()) -> np.ndarray:
    """For each point of B's normalised text, how many characters before it (no spaces)
    stand in a unit of a pair or in one of ``headings`` (B's headings that A sets too):
    text both copies hold, whose order a sentence moved across changes; the spans of
    ``aside`` (text only B has) left out."""
    text = doc.normalised.text
    marked = np.zeros(len(text) + 1, dtype=np.int64)
    spans = [part for pair in pairs for part in pair.b.parts]
    spans += [part for k in headings for part in doc.units[k].parts]
    for start, end in spans:
        marked[start + 1:end + 1] = 1
    for start, end in aside:
        marked[start + 1:end + 1] = 0
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    spaces = [ord(char) for char in set(text) if is_space(char)]
    marked[1:][np.isin(points, spaces)] = 0
    return np.cumsum(marked)


def _strays(together: Mapping[tuple[int, int], Sequence[int]], kept: set[int],
            places: Sequence[tuple[int, int]], weights: Sequence[int]) -> set[int]:
    """The passages of ``together`` ((A's stretch, B's stretch) → the numbers of the
    pairs there) that one copy moved into another story: of a pair of stretches that is
    the main partner of neither stretch (by the characters they share), those out of the
    order of the pairs ``kept`` around them both in their stretch of A and in their
    stretch of B (what stands before them in one copy stands after them in the other). A
    story one copy splits in two, or sets in another order, is no stray: each of its
    parts is its partner's main one, or keeps the order; nor is the passage a story's
    end one copy sets a passage later (in order among the passages of its story in B)."""
    shared = {key: sum(weights[k] for k in members) for key, members in together.items()}
    main: list[dict[int, tuple[int, int]]] = [{}, {}]  # stretch → (characters, -partner)
    for (x, y), size in sorted(shared.items()):
        for d, (own, other) in enumerate(((x, y), (y, x))):
            main[d][own] = max(main[d].get(own, (0, 1)), (size, -other))
    strays = {k for (x, y), members in together.items()
              if -main[0][x][1] != y and -main[1][y][1] != x for k in members}
    if not strays:
        return set()
    # (each stretch's pairs that keep their order: (own position, the other copy's))
    around: list[dict[int, list[tuple[int, int]]]] = [{}, {}]
    for (x, y), members in together.items():
        for k in members:
            if k in kept and k not in strays:
                around[0].setdefault(x, []).append(places[k])
                around[1].setdefault(y, []).append((places[k][1], places[k][0]))
    for side in around:
        for row in side.values():
            row.sort()

    def out_of_order(row: list[tuple[int, int]], at: tuple[int, int]) -> bool:
        n = bisect_left(row, at)
        return (n > 0 and row[n - 1][1] > at[1]) or (n < len(row) and row[n][1] < at[1])

    return {k for (x, y), members in together.items() for k in members if k in strays
            and out_of_order(around[0].get(x, []), places[k])
            and out_of_order(around[1].get(y, []), (places[k][1], places[k][0]))}


#: a stretch whose runs of the other copy's stretches cross more than this many times
#: is set in the order of a page, not out of order (:func:`_crossing`) ...
_CROSSING_RUNS_MAX = 40
#: ... and so is one where more than this share of those runs (one at least) would move
_CROSSING_SHARE_MAX = 0.25


def _crossing(among: Sequence[int], places: Sequence[tuple[int, int]], weights: Sequence[int],
              stretches: tuple[list[int], list[int]], side: int) -> set[int]:
    """The pairs ``among`` that stand where the stretches of the other copy cross, as
    copy ``side`` reads one of its stretches: runs of pairs of the other copy's stretches
    P and Q in the order P, Q, P, Q (a turn the other copy moved up among the turns
    before a spurious story end). One stretch set inside another, as a page sets a
    story between its jump onwards and the jump back (P, Q, P), is no crossing. Of the
    runs that cross, the one that costs the fewest characters goes, until none crosses:
    its own, and those its stretch of the other copy then loses to keep its order (a
    paragraph moved down past others crosses them too, and it is the one to go, not the
    run it leaves behind). Stories that alternate throughout (more than
    :data:`_CROSSING_RUNS_MAX` runs, or more than :data:`_CROSSING_SHARE_MAX` of them to
    move) are a page's order: none goes."""
    other = 1 - side
    groups: dict[int, list[int]] = {}
    for k in sorted(among, key=lambda k: places[k][side]):
        groups.setdefault(stretches[side][places[k][side]], []).append(k)

    def label(k: int) -> int:
        return stretches[other][places[k][other]]

    def lost(ks: Sequence[int]) -> int:
        """The characters the pairs ``ks`` (of one stretch of the other copy) lose to
        keep their order."""
        chain = heaviest_chain([places[k] for k in ks], [weights[k] for k in ks])
        return sum(weights[k] for k in ks) - sum(weights[ks[c]] for c in chain)

    out: set[int] = set()
    for members in groups.values():
        runs = [list(run) for _, run in itertools.groupby(members, key=label)]
        if not 4 <= len(runs) <= _CROSSING_RUNS_MAX:
            continue
        by_label: dict[int, list[int]] = {}
        for k in members:
            by_label.setdefault(label(k), []).append(k)
        loss = {name: lost(ks) for name, ks in by_label.items()}
        budget = max(1, int(_CROSSING_SHARE_MAX * len(runs)))
        gone: list[int] = []
        moved = 0
        while crossing := _crossing_runs([label(run[0]) for run in runs]):
            # (a run's cost: its characters, and what its stretch of the other copy
            # then loses to keep its order beyond what it loses now)
            costs = {r: sum(weights[k] for k in runs[r]) - loss[label(runs[r][0])]
                     + lost([k for k in by_label[label(runs[r][0])] if k not in runs[r]])
                     for r in crossing}
            r = min(crossing, key=lambda r: (costs[r], r))
            name, run = label(runs[r][0]), set(runs.pop(r))
            gone += run
            moved += 1
            if moved > budget:
                break
            by_label[name] = [k for k in by_label[name] if k not in run]
            loss[name] = lost(by_label[name])
            runs = [[k for part in group for k in part]
                    for _, group in itertools.groupby(runs, key=lambda part: label(part[0]))]
        if moved <= budget:
            out.update(gone)
    return out


def _crossing_runs(labels: Sequence[int]) -> set[int]:
    """The numbers of the runs of ``labels`` (no two side by side alike) that stand in
    a pattern P, Q, P, Q of two labels.

    >>> sorted(_crossing_runs([0, 3, 0, 3])), sorted(_crossing_runs([0, 1, 0, 2, 0]))
    ([0, 1, 2, 3], [])
    """
    at: dict[int, list[int]] = {}
    for n, name in enumerate(labels):
        at.setdefault(name, []).append(n)
    # (each of P and Q has two runs at least, and their spans overlap)
    twice = sorted((runs[0], runs[-1], name) for name, runs in at.items() if len(runs) > 1)
    out: set[int] = set()
    for i, (_, last, p) in enumerate(twice):
        for first_q, _, q in twice[i + 1:]:
            if first_q > last:
                break
            both = sorted(at[p] + at[q])
            turns = sum(1 for m, n in itertools.pairwise(both) if labels[m] != labels[n])
            if turns >= 3:
                out.update(both)
    return out


def _name(unit: Unit) -> str:
    """How a move's context names a unit: its label, or its opening characters."""
    return f"‹{unit.label or abbreviate(unit.text, 12)}›"


def compare(path_a: str, path_b: str, config: Config | None = None,
            encoding: str | None = None, encoding_b: str | None = None) -> Comparison:
    """Compare two files: load, normalise, segment, pair, align and classify. ``encoding``
    is both files' (``encoding_b``, if given, B's)."""
    config = config or Config()
    return compare_documents(read_document(path_a, config, encoding),
                             read_document(path_b, config, encoding_b or encoding), config)
