"""Normalise a source: join hard-wrapped lines, drop typesetting spaces and markdown markers.

The result keeps a position map: every normalised character knows the offset of the
source character it came from, so any span can be reported as ``file:line:column``.
Paragraphs (blocks) are separated by a single ``\\n`` in the normalised text.
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, pairwise
from statistics import median

import numpy as np

from .chars import display_width, ends_sentence, is_space, is_wide
from .load import Source

#: numpy takes over from a Python loop from about this many lines to look up, or offsets
#: to put together (its calls cost more than a few items' worth of Python)
_AT_ONCE = 32
_OFFSETS_AT_ONCE = 1024
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_BOLD = re.compile(r"\*\*")
#: the level a line set in bold from end to end is read as a heading of (:func:`_lines`),
#: and the number of a section that may open it (一、, 1.)
_BOLD_HEADING = 4
_SECTION_NUMBER = re.compile(r"\A(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]")
#: the markers of a markdown block quote opening a line (> , > > ), a space or the line's
#: end after them
_QUOTE = re.compile(r"[ \t]{0,3}>(?:[ \t]*>)*(?=[ \t]|$)")
_LEADING_HASHES = re.compile(r"#{1,6}")
#: a document with this many paragraphs an indent opens or more, most of them a line
#: each and the lines after them headlines, is no hard-wrapped one
_ONE_LINE_STARTS = 4
#: a line this share of the column width, or more, fills the column (where a column's
#: lines vary in width, as a reprint's of 13 to 16 characters do) ...
FULL_LINE = 0.8
#: ... and where every line inside a paragraph but the narrowest few fills the column
#: to a character, a line fills it when it comes to a character of the narrowest of
#: them, and this share at least: a subheading of 13 characters in a column of 16 that
#: wraps every line at 16 is no line the column cut
_EVEN_FULL_LINE = 0.9
#: the share of a column's lines inside paragraphs that may be narrower (a line a
#: number or a mark ended early) ...
_NARROW_SHARE = 0.02
#: ... of this many lines at least
_EVEN_MIN_LINES = 8
#: … but a line this many times as wide as the column, or more (spaces aside), is set
#: apart from it: a title set across columns, not a line the column filled
SET_APART = 1.5


@dataclass(frozen=True)
class Block:
    """One paragraph of the normalised text: ``text[start:end]``."""

    start: int
    end: int
    #: markdown heading level, 0 for none
    heading: int
    first_line: int
    last_line: int
    #: the block's last source line fills the column (so a column break may follow)
    full: bool
    #: a blank line (or the start of the file) comes before the block
    blank_before: bool = True
    #: the block's source lines (its last aside, when it has more than one) are set far
    #: wider than the column (:data:`SET_APART`): a title set across the column
    wide: bool = False
    #: the block's first line opens with a paragraph's indent (:func:`_paragraph_starts`)
    indented: bool = False


@dataclass(frozen=True, eq=False)
class Normalised:
    """Normalised text with a map back to the source."""

    source: Source
    text: str
    #: source offset of each character of ``text``
    offsets: array[int]
    blocks: tuple[Block, ...]
    #: source offset at which each line starts
    line_starts: tuple[int, ...]
    #: the document was set in narrow columns with hard line wraps
    wrapped: bool
    #: the column's width in cells, when ``wrapped`` (the commonest, where parts of the
    #: text are set in columns of different widths)
    width: float | None = None
    #: where they are: the width of the column of each source line (0 for none), else ()
    columns: tuple[float, ...] = ()
    #: how the lines of its column are measured (:func:`line_width`)
    measure: str = "cells"
    #: the share of the column's width a line fills the column at (:func:`_full_share`)
    full_share: float = FULL_LINE

    def column_width(self, line: int) -> float | None:
        """The width of the column that source line ``line`` (1-based) is set in."""
        if self.columns and 0 < line <= len(self.columns):
            return self.columns[line - 1] or self.width
        return self.width

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) in the source of normalised character ``index``.

        ``index == len(text)`` gives the position just after the last character.
        """
        offset = self.offsets[index] if index < len(self.offsets) else self._end
        return self.offset_position(offset)

    @cached_property
    def _end(self) -> int:
        """The source offset that :meth:`position` gives the end of the text."""
        return len(self.source.text.rstrip()) if self.offsets else 0

    def lines_of(self, indices: list[int]) -> list[int]:
        """The 1-based source line (as :meth:`position` gives it) of each normalised
        index of ``indices``: many at once with numpy, a few one by one (sooner done)."""
        if len(indices) < _AT_ONCE:
            return [self.position(index)[0] for index in indices]
        wanted = np.array(indices, dtype=np.int64)
        offsets = np.frombuffer(self.offsets, dtype=np.int64)
        at = np.full(len(wanted), self._end, dtype=np.int64)
        inside = wanted < len(offsets)
        at[inside] = offsets[wanted[inside]]
        lines: list[int] = np.searchsorted(self._line_start_array, at, side="right").tolist()
        return lines

    @cached_property
    def _line_start_array(self) -> np.ndarray:
        """:attr:`line_starts` as an array, made once (:meth:`lines_of` is called twice
        for each document as it is prepared)."""
        return np.array(self.line_starts, dtype=np.int64)

    def fills_line(self, index: int) -> bool:
        """True when the source line up to normalised character ``index`` (included) fills
        the column of a hard-wrapped document: text that stops there only because the
        column did."""
        if self.width is None or not 0 <= index < len(self.offsets):
            return False
        line, width = self.row_width(index)
        return width >= self.full_share * (self.column_width(line) or self.width)

    def row_width(self, index: int) -> tuple[int, int]:
        """The 1-based source line of normalised character ``index`` and the width in cells
        of that line up to the character (included), white space at its end aside."""
        offset = self.offsets[index]
        line = self.offset_position(offset)[0]
        return line, line_width(self.source.text[self.line_starts[line - 1]:offset + 1].rstrip(),
                                self.measure)

    def offset_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


@dataclass
class _Line:
    number: int
    heading: int
    start: int  # source offset of the line's first character
    #: the kept characters as runs of source offsets [s, e)
    spans: list[tuple[int, int]]
    text: str
    #: the line opens with a paragraph's indent (:func:`_indent`)
    indented: bool = False
    #: that indent is of ideographic spaces (　　), which no number is set apart with
    ideographic: bool = False
    #: a line set letter by letter (``text`` without its spaces): the line as set, which
    #: is what fills its column or not
    spread: str = ""


_SPACE_RUN = re.compile(r"[\s\u200b]+")
#: a page jump: （下转A03版）, (上接6版), （上接第一版）, （紧接第二版）, ——下转第二版——,
#: 【下转第3版】
PAGE_JUMP = re.compile(
    r"(?:[（(【\[]|[—－-]{1,2})\s*(?:[上下][转接]|紧接|转|接|续)\s*第?\s*"
    r"(?:[A-Za-z]?\d{1,3}|[一二三四五六七八九十〇零两]{1,4})\s*版\s*(?:[)）】\]]|[—－-]{1,2})")
#: the marks of a sentence and its clauses, which a headline set apart from the column
#: does without (:func:`_split_run`)
_CLAUSE_PUNCT = re.compile("[，、；。！？,;!?]")
#: any mark a sentence holds
_MARKED = re.compile("[，、；：。！？,;:!?…．“”‘’「」『』（）()《》]")


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    quoted = False  # (the line before was a block quote's)
    for number, raw in enumerate(text.split("\n"), 1):
        start = pos
        pos += len(raw) + 1
        lo, hi = 0, len(raw)
        heading = 0
        # (a markdown block quote's markers, > or > >, are markup, as # and ** are: on
        # the first line of the text, after a blank line or after a line of the quote;
        # a wrap may put a greater-than sign of the text at a line's start, 1 + 1 / > 2)
        quote = _QUOTE.match(raw) if ">" in raw[:4] and (
            quoted or not lines or not lines[-1].text) else None
        quoted = quote is not None
        if quote:
            lo = quote.end()
        elif raw[:1] in "# \t" or raw[:1].isspace():
            match = _HEADING.match(raw)
            if match:
                heading = len(match.group(1))
                lo, hi = match.start(2), match.end(2)
        while lo < hi and is_space(raw[lo]):
            lo += 1
        while hi > lo and is_space(raw[hi - 1]):
            hi -= 1
        indented = not heading and not quote and lo < hi and _indent(raw[:lo])
        ideographic = indented and raw[:lo].count("\u3000") >= 2
        if "**" not in raw:  # (most lines: no markers within)
            if hi - lo >= 2 * _SPACED_MIN - 1 and raw[lo + 1] == " " \
                    and _letter_spaced(raw[lo:hi]):
                # (a line set letter by letter: its spaces are the setting's, between
                # figures too, 2 0 1 3 年 … 9 . 4 %)
                lines.append(_Line(number, heading, start,
                                   [(start + k, start + k + 1) for k in range(lo, hi, 2)],
                                   raw[lo:hi:2], indented, ideographic, raw[lo:hi]))
                continue
            lines.append(_Line(number, heading, start, [(start + lo, start + hi)] if hi > lo
                               else [], raw[lo:hi], indented, ideographic))
            continue
        spans: list[tuple[int, int]] = []
        cursor = lo
        for bold in _BOLD.finditer(raw, lo, hi):
            if bold.start() > cursor:
                spans.append((cursor, bold.start()))
            cursor = bold.end()
        if hi > cursor:
            spans.append((cursor, hi))
        if len(spans) > 1 or (spans and spans[0] != (lo, hi)):
            kept = "".join(raw[a:b] for a, b in spans).strip()
            # markers removed: trim the white space they exposed
            spans = _trim_spans(raw, spans) if kept else []
        # (a line set in bold from end to end with no marks in it, but the 、 after a
        # section's number, is a heading as a markdown one is: **一、充分肯定一年取得的成绩**)
        inner = raw[lo + 2:hi - 2]
        if not heading and raw.startswith("**", lo) and raw.endswith("**", lo, hi) \
                and hi - lo > 4 and "**" not in inner \
                and not _MARKED.search(_SECTION_NUMBER.sub("", inner.strip(), count=1)):
            heading = _BOLD_HEADING
        lines.append(_Line(number, heading, start, [(start + a, start + b) for a, b in spans],
                           "".join(raw[a:b] for a, b in spans), indented and bool(spans),
                           ideographic and bool(spans)))
    return lines


#: a line is set letter by letter when it holds this many characters at least, each
#: set apart by one space (:func:`_letter_spaced`)
_SPACED_MIN = 4


def _letter_spaced(text: str) -> bool:
    """``text`` (a line, white space trimmed) is set letter by letter, as a justified
    column may set a line: every other character a space, the others no white space, at
    least a third of them wide (a row of figures, 1 2 3 4, is no such line).

    >>> _letter_spaced("2 0 1 3 — 2 0 2 1 年 ， 全 社 会 固"), _letter_spaced("5 . 3 万 亿 元 。")
    (True, True)
    >>> _letter_spaced("1 2 3 4 5"), _letter_spaced("增长 9.4 % ，全年"), _letter_spaced("年 均 增长")
    (False, False, False)
    """
    if len(text) < 2 * _SPACED_MIN - 1 or len(text) % 2 == 0 or text[1::2].strip(" "):
        return False
    chars = text[::2]
    return not any(c.isspace() for c in chars) \
        and 3 * sum(1 for c in chars if is_wide(c)) >= len(chars)


#: a turn's label in brackets, the whole of a line: 【凤凰卫视记者】, [问]
_BRACKETED_LABEL = re.compile(r"[【\[]([^【】\[\]，。！？,.!?\s]{1,30})[】\]]")
#: ... the names of a reporter, a question, an answer or a host that end one
_ASKER = re.compile("(?:记者|问|答|主持人)$")


def turn_labels(lines: Sequence[_Line]) -> frozenset[str]:
    """The lines of ``lines`` that are a turn's label in brackets and nothing else: the
    words it labels follow on the lines below. A reporter's, a question's or an answer's
    name (…记者, 问, 答, 主持人), a label set so more than once (a speaker's), or one set
    right after a question's end (its answerer's); a subheading in brackets
    (【新思想引领新征程】) is none."""
    found = Counter(line.text for line in lines
                    if line.text[:1] in "【[" and _BRACKETED_LABEL.fullmatch(line.text))
    # (and one right after a question's end: its answerer's)
    answering = {line.text for prev, line in pairwise(
        line for line in lines if line.text) if line.text in found and prev.text[-1] in "？?"}
    return frozenset(text for text, n in found.items()
                     if n > 1 or text in answering or _ASKER.search(text[1:-1]))


#: a name and a colon opening a line, a paragraph or a title (记者：, 刘文博：, 徐淙祥：多种粮种
#: 好粮); a dateline (央视网消息（新闻联播）：) is none
NAMED = re.compile(r"([\u3400-\u9fff·]{1,12})[：:]")


def _opener(text: str) -> str:
    """The name of the label ``text`` opens with, or ""."""
    found = NAMED.match(text)
    return found.group(1) if found else ""


def turn_openers(lines: Sequence[_Line]) -> frozenset[str]:
    """The names of the labels that open lines right after a sentence's end: a reporter's,
    a question's, an answer's or a host's (…记者, 问, 答, 主持人), or one that opens a
    line so right after a question (an answerer's; not 他说：, which follows any
    sentence). In a column, such a line opens a turn (:func:`_split_run`)."""
    opened = {(name, prev.text.rstrip()[-1:] in "？?")
              for prev, line in pairwise(line for line in lines if line.text)
              if ends_sentence(prev.text) and (name := _opener(line.text))}
    return frozenset(name for name, asked in opened if asked or _ASKER.search(name))


def _indent(lead: str) -> bool:
    """The white space ``lead`` opening a line is a paragraph's indent: two spaces or more
    (　　, ideographic or not) or a tab. One is none: a wrap or OCR leaves one before a
    number (`` 20 万``), and a wrap at a fixed count of characters puts a space of the
    text's own at the start of a line (第八条 / 　规定…).

    >>> _indent("\u3000\u3000"), _indent("    "), _indent("\u3000"), _indent(" ")
    (True, True, False, False)
    """
    return "\t" in lead or len(lead) >= 2


#: a margin is set on every line of the text: where at least this many lines without it
#: go on from an indented line that stopped mid-sentence (and half of those that did), the
#: indent opens paragraphs that run on below it (the articles and items of a law, a line
#: or two each, are indented lines for the most part)
_RUN_ON_LINES = 2


def _paragraph_starts(lines: list[_Line]) -> frozenset[int]:
    """The numbers of the lines whose indent opens a paragraph: the indented lines, but for
    those whose indent is the spaces set around a number, the line before ending in one
    or the line opening with one after spaces other than ideographic ones (5  月 24 /
    　日电…; 　　2023年以来 opens a paragraph), unless most lines are indented and most
    of those stop mid-sentence, with hardly a line without the indent going on from one
    (a margin of a hard-wrapped text, not an indent: where lines are paragraphs, indented
    lines end their sentences, a title aside; where an indent opens a paragraph, the
    lines that go on from it have none)."""
    text = [line for line in lines if line.text and not line.heading]
    indented = [line for line in text if line.indented]
    open_ended = sum(1 for line in indented if not ends_sentence(line.text))
    run_on = sum(1 for prev, line in pairwise(text) if prev.number + 1 == line.number
                 and prev.indented and not line.indented and not ends_sentence(prev.text))
    if 2 * len(indented) > len(text) and 2 * open_ended > len(indented) \
            and run_on < max(_RUN_ON_LINES, open_ended / 2):
        return frozenset()
    before = {line.number: prev for prev, line in pairwise(text)}
    return frozenset(line.number for line in indented if not (
        line.number in before and before[line.number].number + 1 == line.number
        and (before[line.number].text[-1:].isdigit()
             or (line.text[:1].isdigit() and not line.ideographic))))


def _trim_spans(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = [(a, b) for a, b in spans if b > a]
    while spans and is_space(raw[spans[0][0]]):
        a, b = spans[0]
        spans[0] = (a + 1, b)
        if a + 1 >= b:
            spans.pop(0)
    while spans and is_space(raw[spans[-1][1] - 1]):
        a, b = spans[-1]
        spans[-1] = (a, b - 1)
        if b - 1 <= a:
            spans.pop()
    return spans


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Maximal runs of non-blank lines; a markdown heading is a run of its own."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if not line.text or line.heading:
            if current:
                runs.append(current)
                current = []
            if line.text:
                runs.append([line])
            continue
        current.append(line)
    if current:
        runs.append(current)
    return runs


#: a second column width is one of at least this many lines, most of them ending in no
#: punctuation
_COLUMN_MIN_LINES = 3
#: … and at least this share of the wrapped lines (a page jump's continuation may be set in
#: a column of another width for a tenth of the text)
_COLUMN_MIN_SHARE = 0.1
_ENDS_IN_PUNCT = re.compile(r"[，、；：,;:。！？!?…．”’」』）)》]$")


#: the ways a column's lines are measured: in cells as they read; in characters, each
#: the room of a wide one (a reprint that wraps at a count of characters, the spaces it
#: sets around numbers counted); in characters, spaces aside
_MEASURES = ("cells", "chars", "marks")
#: a measure other than cells is taken where it finds more of the lines inside
#: paragraphs as wide as the middle one (a character's room either way): this many more
#: at least, and this share of them ...
_MEASURE_GAIN = 3
_MEASURE_GAIN_SHARE = 0.03
#: ... and the lines inside paragraphs are this many at least
_MEASURE_MIN_LINES = 8
_WHITE = re.compile(r"\s")


def line_width(line: str, measure: str = "cells") -> int:
    """The width of ``line`` in cells, as ``measure`` (:data:`_MEASURES`) counts it.

    >>> [line_width("增长 43 %", m) for m in ("cells", "chars", "marks")]
    [9, 14, 10]
    """
    if measure == "chars":
        return 2 * len(line)
    if measure == "marks":
        return 2 * len(_WHITE.sub("", line))
    return display_width(line)


def _inner_lines(runs: list[list[_Line]], starts: frozenset[int]) -> list[_Line]:
    """The lines that a line of the same paragraph follows (whose width the column gave).
    ``starts`` are the lines an indent opens a paragraph with (:func:`_paragraph_starts`):
    the line before one ends a paragraph, it fills no column."""
    return [line for run in runs for line, after in pairwise(run) if after.number not in starts]


def _headlines_after(runs: list[list[_Line]], starts: frozenset[int]) -> bool:
    """Indents open the paragraphs, :data:`_ONE_LINE_STARTS` or more, most of them a line
    each, and every line that no indent opens after one holds no clause punctuation
    (:data:`_CLAUSE_PUNCT`; a headline's colon aside): a headline set after a paragraph
    (习近平主席署名, 【新思想引领新征程】), not the rest of a paragraph its column
    wrapped."""
    after = [line for run in runs for _, line in pairwise(run) if line.number not in starts]
    return len(starts) >= _ONE_LINE_STARTS and 2 * len(after) < len(starts) \
        and not any(_CLAUSE_PUNCT.search(line.text) for line in after)


def _wrapped(inner: list[_Line]) -> bool:
    """The lines inside paragraphs (``inner``, two at least) were wrapped: half of them or
    more stop mid-sentence (where lines are paragraphs, they end their sentences)."""
    return len(inner) >= 2 \
        and sum(1 for line in inner if not ends_sentence(line.text)) >= 0.5 * len(inner)


def _measure(inner: list[_Line]) -> tuple[str, list[int]]:
    """How the column of a hard-wrapped document measures its lines (:data:`_MEASURES`):
    the way that finds the lines inside its paragraphs (``inner``, :func:`_inner_lines`)
    the most even, cells unless another does clearly better (a reprint that wraps at 17
    characters whatever their width, the spaces around its numbers counted:
    ``43 %，直接投资顺差 740 亿`` fills its line); and the widths of those lines so
    measured."""
    widths = {"cells": [line_width(line.text) for line in inner]}
    if len(inner) < _MEASURE_MIN_LINES:
        return "cells", widths["cells"]
    even = {}
    for measure in _MEASURES:
        widths[measure] = widths.get(measure) or [line_width(line.text, measure) for line in inner]
        middle = median(widths[measure])
        even[measure] = sum(1 for w in widths[measure] if abs(w - middle) <= 2)
    best = max(_MEASURES, key=lambda m: (even[m], m == "cells"))
    gain = even[best] - even["cells"]
    chosen = best if gain >= max(_MEASURE_GAIN, _MEASURE_GAIN_SHARE * len(inner)) else "cells"
    return chosen, widths[chosen]


def _column_widths(inner: list[_Line], widths: list[int]) -> list[float]:
    """The widths of the columns of a hard-wrapped document (:func:`_wrapped`), the
    commonest first (a reprint may set parts of a text in a column of another width), or
    [] when lines of every length show no column: from the lines inside its paragraphs
    (``inner``, :func:`_inner_lines`) and their ``widths`` (:func:`_measure`)."""
    middle = float(median(widths))
    rest = [(w, line) for w, line in zip(widths, inner, strict=True)
            if not 0.75 * middle <= w <= 1.25 * middle]
    # a second column: a tenth or more of the lines (six at least), as even as a
    # column's, most of them stopping mid-word where the column filled (lines of verse
    # end in punctuation), at most twice as wide or half as
    if len(rest) >= 2 * _COLUMN_MIN_LINES:
        other = float(median(w for w, _ in rest))
        close = [line for w, line in rest if 0.9 * other <= w <= 1.1 * other]
        if 0.5 * middle <= other <= 2 * middle \
                and len(close) >= max(2 * _COLUMN_MIN_LINES, _COLUMN_MIN_SHARE * len(widths)) \
                and sum(1 for line in close if not _ENDS_IN_PUNCT.search(line.text)) \
                >= 0.5 * len(close) \
                and len(widths) - len(rest) + len(close) >= 0.6 * len(widths):
            return [middle, other]
    if len(rest) <= 0.4 * len(widths):
        return [middle]
    return []  # lines of every length: paragraphs, not a column


#: below any difference of two shares of a column's width
_ROUNDING = 1e-9


def _full_share(widths: Sequence[int], columns: Sequence[float]) -> float:
    """The share of its column's width a line fills the column at, in a document whose
    lines inside paragraphs are ``widths`` wide and whose columns are ``columns``:
    :data:`FULL_LINE`, or up to :data:`_EVEN_FULL_LINE` where those lines fill the column
    evenly: half a character (of the narrowest column) short of the narrowest of them, the
    narrowest :data:`_NARROW_SHARE` of them left out (none of fewer than fifty lines).

    >>> _full_share([32] * 30, [32.0]), _full_share([26, 28, 30, 32] * 10, [32.0])
    (0.9, 0.8)
    """
    if not columns or len(widths) < _EVEN_MIN_LINES:
        return FULL_LINE
    # (each line against the column it is nearest: a document may set two)
    shares = sorted(w / min(columns, key=lambda c: abs(c - w)) for w in widths)
    narrow = shares[int(_NARROW_SHARE * len(shares))]
    # (half a character: a character is two cells; a line just that short fills it,
    # whatever the rounding of the shares)
    return min(_EVEN_FULL_LINE, max(FULL_LINE, narrow - 1 / min(columns) - _ROUNDING))


def _run_widths(runs: list[list[_Line]], widths: list[float], measure: str,
                ) -> list[float | None]:
    """The column width of each run: of the document's column widths, the one nearest the
    middle of its wrapped lines; a run of one line takes that of the run before it (the
    column goes on), or the commonest."""
    if not widths:
        return [None] * len(runs)
    out: list[float | None] = []
    last = widths[0]
    for run in runs:
        if len(run) > 1:
            middle = float(median(line_width(line.text, measure) for line in run[:-1]))
            last = min(widths, key=lambda w: (abs(w - middle), w))
        out.append(last)
    return out


#: a line that ends in one of these goes on in the next line even where lines are
#: paragraphs: no paragraph ends mid-clause (a lead-in ending in ： or an item ending in ；
#: may be followed by items of its own)
_GOES_ON = "，、,"
#: what opens a subtitle (——探访鲁西南一个大棚村的春天), and a line that is a date alone (a
#: notice's, under its issuer): no line of the one above them (:func:`_split_run`)
SUBTITLE_OPENING = re.compile(r"——|－－|--")
_DATE_LINE = re.compile(r"[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年"
                        r"\s*[\d〇零一二三四五六七八九十○]{1,3}\s*月\s*[\d〇零一二三四五六七八九十○]{1,3}\s*日"
                        r"\s*[)）]?")
#: the most lines after a paragraph's last sentence, before the next indent, that may
#: stand apart from it (:func:`_split_run`) …
_LINES_APART = 2
#: … but not a photo's credit (新华社记者 李鑫 摄), which stays with its caption
_CREDITED = re.compile(r"摄\s*[)）]?$")


def _split_run(run: list[_Line], width: float | None, starts: frozenset[int], measure: str,
               full_share: float = FULL_LINE, labels: Container[str] = (),
               openers: Container[str] = ()) -> list[list[_Line]]:
    """The paragraphs of a run of lines in a column of ``width`` (None: lines are
    paragraphs; its lines measured as ``measure`` says, and filling the column at
    ``full_share`` of it); a line of ``starts`` opens one with its indent, and so does a
    line that is a turn's label of ``labels`` (:func:`turn_labels`), the words after it
    going on in its paragraph, and a line that opens with the label of one of
    ``openers`` (:func:`turn_openers`) after a sentence's end."""

    def label_line(line: _Line) -> bool:
        return line.text in labels

    if width is None:
        blocks: list[list[_Line]] = []
        for i, line in enumerate(run):
            if i and (label_line(run[i - 1]) or (
                    run[i - 1].text.rstrip()[-1:] in _GOES_ON and line.number not in starts
                    and not label_line(line))):
                blocks[-1].append(line)
            else:
                blocks.append([line])
        return blocks

    def headline(line: _Line) -> bool:
        """A line set apart from the column with no clause marks in it (，、；。！？), nor a
        page jump (a sentence's line that a jump made wide: …则需要 （下转A02版）)."""
        return _set_apart(line, width, measure) and not _CLAUSE_PUNCT.search(line.text) \
            and not PAGE_JUMP.search(line.text)

    blocks = [[]]
    alone = False  # (the line is a headline after a sentence's end: a line of its own)
    for i, line in enumerate(run):
        # (a turn's label in brackets on a line of its own opens a paragraph, the words
        # after it on the lines below, indented or not, going on in it)
        labelled = i > 0 and label_line(run[i - 1])
        if i and blocks[-1] and ((line.number in starts and not labelled) or label_line(line)):
            blocks.append([])
        blocks[-1].append(line)
        if i == len(run) - 1:
            break
        if label_line(line):
            alone = False
            continue
        # (a paragraph ends with a sentence on a line short of the column, or before a
        # headline: in a narrow column the last line of a paragraph may come near the
        # column's end)
        ends = ends_sentence(line.text)
        before = ends and headline(run[i + 1])
        # (a line of no marks at all over a date, or short of the column over a subtitle,
        # is a line of its own: a title over its subtitle, ——探访…, or over its date, an
        # issuer over the date, set with no blank line between; no line of a paragraph
        # is a date alone)
        stack = not _MARKED.search(line.text) and (
            _DATE_LINE.fullmatch(run[i + 1].text) is not None
            or (SUBTITLE_OPENING.match(run[i + 1].text) is not None
                and line_width(line.spread or line.text, measure) < full_share * width))
        # (where an indent opens each paragraph, a line or two after a sentence's end up
        # to the next indent, with no mark but a colon, are no lines of that paragraph
        # however full its last line: a heading, 附件：…, an issuer and a date; not a
        # photo's credit, which a caption's sentence ends before)
        if ends and starts and run[i + 1].number not in starts:
            rest = list(itertools.islice(itertools.takewhile(
                lambda after: after.number not in starts,
                (run[m] for m in range(i + 1, len(run)))), _LINES_APART + 1))
            stack = stack or (len(rest) <= _LINES_APART and not any(
                _MARKED.search(after.text.replace("：", "").replace(":", ""))
                or _CREDITED.search(after.text) for after in rest))
        # (an article, a chapter or a list item opens a paragraph after a sentence's or a
        # clause's end, whatever the width of the line before: a law set in a column)
        numbered = (ends or line.text.rstrip()[-1:] in _ITEM_BEFORE) \
            and _opens_numbered(run[i + 1].text)
        # (and so does a turn's label after a sentence's end: 记者：…, 刘文博：…, in a
        # column set with blank lines or without)
        numbered = numbered or (ends and _opener(run[i + 1].text) in openers)
        if alone or before or numbered or stack or (
                ends and line_width(line.spread or line.text, measure) < full_share * width
                and not _no_room(line.text, run[i + 1].text, width, measure)):
            blocks.append([])
        alone = before
    return blocks


#: the opening of an article, a chapter or a list item (第二条, 第三章, （一）, 二、; not a
#: year in brackets, （2023）, nor 一、二年级)
_NUMBERED_OPENING = re.compile(
    r"第[〇零一二三四五六七八九十百千两0-9０-９]+[条章节编](?![件例款课])"
    r"|[（(](?:[〇零一二三四五六七八九十百两]{1,3}|[0-9０-９]{1,2})[）)]"
    r"|[一二三四五六七八九十]{1,3}、(?![〇零一二三四五六七八九十])")
def _opens_numbered(line: str) -> bool:
    """``line`` opens an article, a chapter or a list item (:data:`_NUMBERED_OPENING`).

    >>> [_opens_numbered(x) for x in ("第二条　本条例", "（一）贯彻", "二、工作要求", "第二节课后")]
    [True, True, True, False]
    >>> [_opens_numbered(x) for x in ("（2023）京01民终", "一、二年级学生")]
    [False, False]
    """
    return _NUMBERED_OPENING.match(line) is not None


#: the marks a list item's line ends with before the next item: 。 aside, ；：
_ITEM_BEFORE = "；：;:"


def _next_text(lines: Sequence[_Line], number: int) -> str:
    """The text of the first line with any after source line ``number`` (1-based)."""
    return next((line.text for line in lines[number:] if line.text.strip()), "")


#: any mark of punctuation a line of text holds
_ANY_MARK = re.compile("[，、；：。！？,;:!?…．“”‘’（）()《》]")
#: a word of letters or figures that a column does not break (COVID-19, 2024, 3.5%)
_UNBROKEN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％\-]*")


def _no_room(line: str, after: str, width: float, measure: str = "cells") -> bool:
    """``line`` stopped short of its column of ``width`` because the word of letters or
    figures opening the line ``after`` it had no room left there (…处处可。 /
    COVID-19疫情…): the column is full all the same.

    >>> _no_room("过上好日子，丰收景象处处可。", "COVID-19疫情发生以来", 32)
    True
    >>> _no_room("过上好日子，丰收景象处处可。", "疫情发生以来", 32)
    False
    >>> _no_room("推动数字经济与实体经济融合", "2023年，全市…", 32)
    False
    """
    # (a line of no marks at all is a headline where it stops, whatever follows it:
    # 推动数字经济与实体经济融合 / 2023年，全市…)
    word = _UNBROKEN.match(after.lstrip())
    return word is not None and bool(_ANY_MARK.search(line)) \
        and line_width(line, measure) + line_width(word.group(), measure) > width


def _set_apart(line: _Line, width: float, measure: str = "cells") -> bool:
    """``line`` is set far wider than its column of ``width`` cells as ``measure`` counts
    them (spaces aside, which a justified line or spaced digits add): a title set across
    columns, which ends where it ends, not where the column filled.

    >>> row = "最高人民法院、最高人民检察院关于办理危害计算"
    >>> _set_apart(_Line(1, 0, 0, [], row), 26), _set_apart(_Line(1, 0, 0, [], row[:13]), 26)
    (True, False)
    """
    return line_width(_SPACE_RUN.sub("", line.text), measure) >= SET_APART * width


def _splits_number(before: str, after: str) -> bool:
    """A line break between ``before`` and ``after`` falls inside a number (1 / .6,
    20 / 20, 1, / 000): a hard wrap at a fixed count of characters, not a space.

    >>> _splits_number("1", ".6"[0]), _splits_number("2019", "r"), _splits_number("a", "b")
    (True, False, False)
    """
    if not (before.isascii() and after.isascii()):
        return False
    if before.isdigit():
        return after.isdigit() or after in ".,%"
    return after.isdigit() and before in ".,"


#: the characters of an abbreviation or a code, and the most :func:`_cuts_word` joins
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ABBREVIATION_MAX = 6


def _cuts_word(before: _Line, after: _Line, source: str) -> bool:
    """The line break between two lines of a hard-wrapped column falls inside an
    abbreviation or a code (AP / EC, 3 / D, G / 20, COVID- / 19): the column was cut at a
    count of characters, with no white space at the break on either line, between capital
    letters and figures, or after a hyphen or a slash (a break between words, New / York,
    2019 / report, is a space)."""
    end = before.spans[-1][1] if before.spans else before.start
    a, b = source[end - 1:end], after.text[:1]
    if not (after.spans and after.spans[0][0] == after.start
            and source[end:end + 1] in ("\n", "\r") and a.isascii() and b.isascii()):
        return False
    if a in "-/":
        return b.isalnum()
    # (capitals and figures: as short a run as an abbreviation, APEC, 3D, G20; two words in
    # capitals, NEW / YORK, WHO / UNICEF, are two)
    run = len(before.text) - len(before.text.rstrip(_CAPITALS)) \
        + len(after.text) - len(after.text.lstrip(_CAPITALS))
    return (a.isupper() or a.isdigit()) and (b.isupper() or b.isdigit()) \
        and run <= _ABBREVIATION_MAX


def _join(block: list[_Line], source: str, wrapped: bool = False) -> tuple[str, list[range]]:
    """Join a block's lines and collapse typesetting spaces: the text, and the source
    offset of each of its characters, in runs of consecutive offsets (ranges, which cost
    far less to make and join than the offsets one by one). ``wrapped``: the block is of
    a hard-wrapped column (a word its wrap cuts joins again without a space)."""
    if len(block) == 1 and len(block[0].spans) == 1:  # (a paragraph on a line of its own)
        a, b = block[0].spans[0]
        if not _SPACE_RUN.search(source, a, b):
            return source[a:b], [range(a, b)]
    pieces: list[str] = []
    spans: list[range] = []
    last: _Line | None = None
    for line in block:
        if not line.text:
            continue
        if pieces and not is_wide(pieces[-1][-1]) and not is_wide(line.text[0]) \
                and not _splits_number(pieces[-1][-1], line.text[0]) \
                and not (wrapped and last is not None and _cuts_word(last, line, source)):
            pieces.append(" ")
            spans.append(range(line.start - 1, line.start))
        last = line
        for a, b in line.spans:
            if b > a:
                pieces.append(source[a:b])
                spans.append(range(a, b))
    joined = "".join(pieces)
    if not _SPACE_RUN.search(joined):
        return joined, spans
    # (where each span's characters start in ``joined``)
    firsts = list(accumulate(map(len, spans), initial=0))
    out: list[str] = []
    out_spans: list[range] = []
    length = cursor = 0
    for run in _SPACE_RUN.finditer(joined):
        i, j = run.span()
        out.append(joined[cursor:i])
        out_spans += _offsets_of(spans, firsts, cursor, i)
        length += i - cursor
        if i > 0 and j < len(joined) and not is_wide(joined[i - 1]) \
                and not is_wide(joined[j]) and not (
                    length <= 6 and _LEADING_HASHES.fullmatch("".join(out))):
            # one space between narrow characters, but never one that would make the
            # text read as a markdown heading (#…# then a space)
            out.append(" ")
            out_spans += _offsets_of(spans, firsts, i, i + 1)
            length += 1
        cursor = j
    out.append(joined[cursor:])
    out_spans += _offsets_of(spans, firsts, cursor, len(joined))
    return "".join(out), out_spans


def _offsets_of(spans: list[range], firsts: list[int], lo: int, hi: int) -> list[range]:
    """The source offsets of characters ``lo:hi`` of the text whose k-th piece, from
    character ``firsts[k]``, stands at the source offsets ``spans[k]``: slices of those
    ranges, none empty."""
    out = []
    k = bisect_right(firsts, lo) - 1
    while lo < hi:
        span, first = spans[k], firsts[k]
        part = span[lo - first:hi - first]
        if part:
            out.append(part)
        lo = first + len(span)
        k += 1
    return out


def normalise(source: Source) -> Normalised:
    """Normalise ``source``; see the module docstring.

    >>> from variantdiff.load import decode
    >>> n = normalise(decode("王毅：当前，美国\\n已经成为 120 多\\n个国家。\\n".encode(), "a.txt"))
    >>> n.text
    '王毅：当前，美国已经成为120多个国家。'
    >>> n.position(n.text.index("120"))
    (2, 6)
    """
    text = source.text
    lines = _lines(text)
    runs = _runs(lines)
    # (indents, where they mark paragraphs, say where a paragraph starts whatever the
    # width of the line before: a paragraph to a line, each indented, is no column)
    starts = _paragraph_starts(lines)
    inner = _inner_lines(runs, starts)
    wrapped = _wrapped(inner) and not _headlines_after(runs, starts)
    measure, inner_widths = _measure(inner) if wrapped else ("cells", [])
    widths = _column_widths(inner, inner_widths) if wrapped else []
    width = widths[0] if widths else None
    full_share = _full_share(inner_widths, widths)
    labels = turn_labels(lines)
    openers = turn_openers(lines) if wrapped else frozenset()
    out: list[str] = []
    offs: list[range] = []
    last_offset = 0
    length = 0
    blocks: list[Block] = []
    columns = [0.0] * len(lines)  # the column width of each source line
    for run, run_width in zip(runs, _run_widths(runs, widths, measure), strict=True):
        for line in run:
            columns[line.number - 1] = run_width or 0.0
        for part in _split_run(run, run_width, starts, measure, full_share, labels, openers):
            chars, offsets = _join(part, text, run_width is not None)
            if not chars:
                continue
            if out:
                out.append("\n")
                separator = _separator_offset(last_offset, text)
                offs.append(range(separator, separator + 1))
                length += 1
            start = length
            out.append(chars)
            offs.extend(offsets)
            last_offset = offsets[-1][-1]
            length += len(chars)
            last = part[-1]
            # (a title set across the column: its last line, however long, is no line
            # that filled the column)
            wide = run_width is not None \
                and all(_set_apart(line, run_width, measure) for line in part[:-1] or part)
            full = run_width is not None and not wide \
                and (line_width(last.spread or last.text, measure) >= full_share * run_width
                     or _no_room(last.text, _next_text(lines, last.number), run_width, measure))
            first = part[0].number
            blank = first == 1 or not lines[first - 2].text
            blocks.append(Block(start, start + len(chars), part[0].heading,
                                first, last.number, full, blank, wide, first in starts))
    line_starts = [0]
    for line in lines[1:]:
        line_starts.append(line.start)
    return Normalised(source, "".join(out), _concatenated(offs), tuple(blocks), tuple(line_starts),
                      width is not None, width, tuple(columns) if len(widths) > 1 else (),
                      measure if width is not None else "cells", full_share)


def _separator_offset(last: int, text: str) -> int:
    """The source offset of the line break that ends the previous block, whose last
    character stands at source offset ``last``."""
    nl = text.find("\n", last)
    return nl if nl >= 0 else len(text) - 1


def _concatenated(parts: list[range]) -> array[int]:
    """One array of source offsets from the runs of consecutive offsets of the blocks and
    the line breaks between them (made at once)."""
    out: array[int] = array("q")
    total = sum(map(len, parts))
    if total < _OFFSETS_AT_ONCE:  # (a short document: one by one is sooner done)
        for p in parts:
            out.extend(p)
        return out
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    starts = np.fromiter((p.start for p in parts), dtype=np.int64, count=len(parts))
    # each offset is its place in the whole plus its run's start less the run's place
    out.frombytes((np.arange(total, dtype=np.int64)
                   + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)).tobytes())
    return out
