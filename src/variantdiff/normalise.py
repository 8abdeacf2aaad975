"""Normalise a source: join hard-wrapped lines, drop typesetting spaces and markdown markers.

The result keeps a position map: every normalised character knows the offset of the
source character it came from, so any span can be reported as ``file:line:column``.
Paragraphs (blocks) are separated by a single ``\\n`` in the normalised text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from statistics import median

from .chars import display_width, ends_sentence, is_space, is_wide
from .load import Source

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_BOLD = re.compile(r"\*\*|__")
#: a line this share of the column width, or more, fills the column
FULL_LINE = 0.8


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

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) in the source of normalised character ``index``.

        ``index == len(text)`` gives the position just after the last character.
        """
        if index >= len(self.offsets):
            offset = len(self.source.text.rstrip()) if self.offsets else 0
        else:
            offset = self.offsets[index]
        return self.offset_position(offset)

    def offset_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


@dataclass
class _Line:
    number: int
    chars: list[str]
    offsets: list[int]
    heading: int
    start: int  # source offset of the line's first character

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), 1):
        start = pos
        pos += len(raw) + 1
        lo, hi = 0, len(raw)
        heading = 0
        match = _HEADING.match(raw)
        if match:
            heading = len(match.group(1))
            lo, hi = match.start(2), match.end(2)
        drop: set[int] = set()
        for bold in _BOLD.finditer(raw, lo, hi):
            drop.update(range(bold.start(), bold.end()))
        kept = [i for i in range(lo, hi) if i not in drop]
        while kept and is_space(raw[kept[0]]):
            kept.pop(0)
        while kept and is_space(raw[kept[-1]]):
            kept.pop()
        lines.append(_Line(number, [raw[i] for i in kept], [start + i for i in kept],
                           heading, start))
    return lines


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Maximal runs of non-blank lines; a markdown heading is a run of its own."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if not line.chars or line.heading:
            if current:
                runs.append(current)
                current = []
            if line.chars:
                runs.append([line])
            continue
        current.append(line)
    if current:
        runs.append(current)
    return runs


def _column_width(runs: list[list[_Line]]) -> float | None:
    """The column width of a hard-wrapped document, or None when lines are paragraphs."""
    inner = [line for run in runs for line in run[:-1]]
    if len(inner) < 2:
        return None
    open_ended = sum(1 for line in inner if not ends_sentence(line.text))
    if open_ended < 0.5 * len(inner):
        return None
    return float(median(display_width(line.text) for line in inner))


def _split_run(run: list[_Line], width: float | None) -> list[list[_Line]]:
    if width is None:
        return [[line] for line in run]
    blocks: list[list[_Line]] = [[]]
    for i, line in enumerate(run):
        blocks[-1].append(line)
        last = i == len(run) - 1
        if not last and ends_sentence(line.text) and display_width(line.text) < FULL_LINE * width:
            blocks.append([])
    return blocks


def _join(block: list[_Line]) -> tuple[list[str], list[int]]:
    """Join a block's lines and collapse typesetting spaces."""
    chars: list[str] = []
    offsets: list[int] = []
    for line in block:
        if chars and line.chars:
            prev, nxt = chars[-1], line.chars[0]
            if not is_wide(prev) and not is_wide(nxt):
                chars.append(" ")
                offsets.append(line.start - 1)
        chars.extend(line.chars)
        offsets.extend(line.offsets)
    out_c: list[str] = []
    out_o: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        c = chars[i]
        if not is_space(c):
            out_c.append(c)
            out_o.append(offsets[i])
            i += 1
            continue
        j = i
        while j < n and is_space(chars[j]):
            j += 1
        if out_c and j < n and not is_wide(out_c[-1]) and not is_wide(chars[j]):
            out_c.append(" ")
            out_o.append(offsets[i])
        i = j
    return out_c, out_o


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
    width = _column_width(runs)
    out: list[str] = []
    offs: array[int] = array("q")
    blocks: list[Block] = []
    for run in runs:
        for part in _split_run(run, width):
            chars, offsets = _join(part)
            if not chars:
                continue
            if out:
                out.append("\n")
                offs.append(_separator_offset(blocks, offs, text))
            start = len(out)
            out.extend(chars)
            offs.extend(offsets)
            last = part[-1]
            full = width is not None and display_width(last.text) >= FULL_LINE * width
            blocks.append(Block(start, start + len(chars), part[0].heading,
                                part[0].number, last.number, full))
    line_starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            line_starts.append(i + 1)
    return Normalised(source, "".join(out), offs, tuple(blocks), tuple(line_starts),
                      width is not None)


def _separator_offset(blocks: list[Block], offs: array[int], text: str) -> int:
    """The source offset of the line break that ends the previous block."""
    nl = text.find("\n", offs[-1])
    return nl if nl >= 0 else len(text) - 1
