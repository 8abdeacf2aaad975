"""Passages the two copies break into units differently, put together again after pairing.

Pairing works unit by unit, so where the copies break a passage into units differently
some of its text is left in units that pair with nothing, or is read as added to one
pair and dropped from the next: a poem one collection sets a couplet to a line and
another two; a copy that drops lines from inside a paragraph; a paragraph break moved by
a clause. Between two pairs that keep their order in both copies (or a document's start
or end), :func:`regroup` joins units where that leaves fewer characters unexplained:

* the units both copies leave unpaired there, when they read alike as a whole;
* the units one copy leaves unpaired there, to the pair beside them whose other side
  holds their text;
* two pairs side by side, when text one copy ends the first with the other copy opens the
  second with.

Characters are compared on the units' match keys (no punctuation or spaces, script
folded), counted as the characters two texts have in common in order.

Before pairing, :func:`parted` does the reverse: it parts a paragraph that segmentation
joined across a blank line where the other copy shows the paragraph ended there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .align import held_in, indel_distance, unmatched
from .chars import fold_width, match_key, to_arabic
from .config import Config
from .pair import Match, headline_lengths, same_places
from .script import keys_to_simplified, to_simplified
from .segment import (
    CONTENT_KINDS,
    Document,
    Unit,
    ends_story,
    is_page_jump,
    jumps_from,
    unpunctuated,
)

#: the number an article of a law opens with
_ARTICLE = re.compile(r"第[〇零一二三四五六七八九十百千两0-9０-９]+条")
#: a run of units: A's, B's
Run = tuple[list[int], list[int]]

#: a paragraph joined across a column break is parted there again when the other copy ends
#: a paragraph with this many characters (match keys) before the break and opens one with
#: as many after it
_BREAK_WORDS = 6
#: a heading of the other copy this long (its key) or longer parts a paragraph that opens
#: with it across a column break
_HEADLINE_MIN = 6
#: a heading of the other copy this alike (and as long or nearly, as headings pair) parts a
#: paragraph that opens with it, where what comes before the break reads as a headline
_HEADLINE_ALIKE = 0.75
#: a headline both copies run on into a paragraph parts them where the paragraphs open
#: with other words: their first this many characters at most this alike
_OTHER_WORDS = 12
_OTHER_SHARE = 0.5

#: units that may be joined to a passage (page furniture never is)
_JOIN_KINDS = CONTENT_KINDS | {"heading"}
#: units joined to a pair must explain this share of the characters its other side holds
#: and it does not …
_EXPLAINED = 0.5
#: … and this share of their own characters must be in the other side
_OWN_SHARE = 0.25
#: two pairs side by side are one passage when joining them explains this share of the
#: characters the one that leaves fewer unexplained leaves (text crossing the paragraph
#: break is unexplained in both)
_ACROSS_SHARE = 0.5
#: units both copies leave unpaired in one place, articles of a law among them, are one
#: passage when at least this alike as a whole (``slot_threshold`` for other texts): the
#: openings of two laws of one kind, title, dates and first article, are 60 % alike
_LAW_STRETCH_ALIKE = 0.7
#: texts are weighed against each other only up to this product of their lengths (an
#: alignment costs about that over 64 steps)
_WEIGHED_MAX = 400_000_000
#: joining must explain at least this many characters
_MIN_CHARS = 2
#: a pair takes at most this many units from one side of a place
_PIECES_MAX = 16
#: pieces the other side holds in another place, as a passage at least this alike (a
#: paragraph one copy moved), explain what they match there
_MOVED_ALIKE = 0.8
#: … and text both sides hold out of order is explained from this many characters
_MOVED_MIN = 8


def _common(a: str, b: str) -> int:
    """The characters ``a`` and ``b`` have in common, in order.

    >>> _common("甲乙丙丁", "乙丁戊")
    2
    """
    return (len(a) + len(b) - indel_distance(a, b)) // 2


@dataclass
class _Place:
    """The units between two anchors of the chain: ``prev`` and ``next`` are the numbers
    of the runs on either side (None: a document's start or end, or a pair that is not a
    run), ``free`` each copy's units left unpaired there, in order."""

    prev: int | None
    next: int | None
    free: tuple[list[int], list[int]]


def regroup(docs: tuple[Document, Document], matches: Sequence[Match], runs: Sequence[Run],
            fixed: Sequence[tuple[int, int]], keys: tuple[Sequence[str], Sequence[str]],
            config: Config) -> tuple[tuple[Match, ...], list[Run]]:
    """``matches`` and their ``runs``, regrouped (see the module's docstring), in A's order.
    ``fixed``: other pairs of single units (identical headings) that mark places too;
    ``keys``: each unit's match key."""
    runs = [(list(a), list(b)) for a, b in runs]
    out = list(matches)
    taken = ({i for a, _ in runs for i in a} | {i for i, _ in fixed},
             {j for _, b in runs for j in b} | {j for _, j in fixed})
    into: dict[int, int] = {}  # a run joined to the one before it: that run

    def home(n: int | None) -> int | None:
        while n is not None and n in into:
            n = into[n]
        return n

    asides = (_asides(docs[0]), _asides(docs[1]))

    def grow(place: _Place) -> None:
        """Join to the runs on either side of ``place`` the pieces of it they hold."""
        for d in (0, 1):
            for at_end, n in ((True, home(place.prev)), (False, home(place.next))):
                if n is None or not place.free[d] or not runs[n][d]:
                    continue
                # (the pieces right after the run before the place, or right before
                # the one after it, with nothing paired between)
                edge = runs[n][d][-1] if at_end else runs[n][d][0]
                pieces = _reachable(edge, place.free[d], taken[d], at_end)
                if any(_article(docs[d], k) for k in runs[n][d]) \
                        and not any(_runs_articles(docs[1 - d], k) for k in runs[n][1 - d]):
                    # (two articles of a law are never one passage, unless the other
                    # copy runs them on in one paragraph, as a web page may: then the
                    # articles it holds are pieces of the pair, one it lacks among them)
                    opens = [_article(docs[d], k) for k in pieces]
                    pieces = pieces[:opens.index(True) if True in opens else len(pieces)]
                # (nor two speakers' turns: a host's line that names the outlet,
                # 主持人：请美联社记者提问。, is no piece of the question the other copy
                # labels 美联社记者：)
                others = [_other_turn(docs, d, k, runs[n], keys) for k in pieces]
                pieces = pieces[:others.index(True) if True in others else len(pieces)]
                # (nor another story a page sets between a jump onwards and the jump
                # back: the run goes on past it)
                pieces = [k for k in pieces if k not in asides[d]]
                # (again once pieces are taken: a paragraph moved, then the one
                # before it in its place)
                heads = {k for k in pieces if docs[d].units[k].kind == "heading"}
                while took := _extend(runs[n], d, pieces, keys, at_end, heads):
                    taken[d].update(took)
                    place.free[d][:] = [k for k in place.free[d] if k not in took]
                    pieces = [k for k in pieces if k not in took]
    def beside(place: _Place) -> list[int]:
        """The lengths of the runs on either side of ``place``, each copy's side."""
        return [len(runs[n][d]) for n in (home(place.prev), home(place.next)) if n is not None
                for d in (0, 1)]

    # (places with pieces left that no run took, and the runs beside them as they were)
    again: list[tuple[_Place, list[int]]] = []
    for place in _places(docs, runs, fixed, taken):
        place.prev = home(place.prev)
        stretch = _stretch(docs, place, taken, keys, config)
        if stretch is None:
            grow(place)
            # (what the pairs beside it leave there may still read alike: a title and an
            # author, one copy's two lines to the other's one)
            stretch = _stretch(docs, place, taken, keys, config)
        if stretch is not None:
            out.append(stretch[0])
            runs.append(stretch[1])
            continue
        if place.free[0] or place.free[1]:
            again.append((place, beside(place)))
        if place.prev is None or place.next is None or place.free[0] or place.free[1]:
            continue
        first, second = runs[place.prev], runs[place.next]
        if not any(_between(x[-1], y[0], taken[d])
                   or (any(_article(docs[d], k) for k in x)
                       and any(_article(docs[d], k) for k in y))
                   for d, (x, y) in enumerate(zip(first, second, strict=True))) \
                and _across(first, second, keys):
            first[0].extend(second[0])
            first[1].extend(second[1])
            runs[place.next] = ([], [])
            into[place.next] = place.prev
    # (once more where a run beside the place has grown since: a run that took the pieces
    # after it may now hold those before it, the opening statement of a briefing a copy
    # ran together with every turn after it)
    for place, lengths in again:
        if beside(place) != lengths:
            grow(place)
    kept = sorted(((m, run) for m, run in zip(out, runs, strict=True) if run[0]),
                  key=lambda item: (item[0].a, item[0].b))
    return tuple(m for m, _ in kept), [run for _, run in kept]


def _places(docs: tuple[Document, Document], runs: list[Run],
            fixed: Sequence[tuple[int, int]], taken: tuple[set[int], set[int]],
            ) -> list[_Place]:
    """The places between consecutive anchors of the chain that keeps its order in both
    copies, each with the units both copies leave unpaired there."""
    spans = {(min(a), max(a), min(b), max(b)): n for n, (a, b) in enumerate(runs)}
    anchors = [*spans, *((i, i, j, j) for i, j in fixed)]
    out = []
    for before, after in same_places(anchors, len(docs[0].units), len(docs[1].units)):
        free = tuple([k for k in range(lo + 1, hi) if k not in taken[d]
                      and docs[d].units[k].kind in _JOIN_KINDS]
                     for d, (lo, hi) in enumerate(((before[1], after[0]),
                                                   (before[3], after[2]))))
        out.append(_Place(spans.get(before), spans.get(after), (free[0], free[1])))
    return out


def _article(doc: Document, k: int) -> bool:
    """Unit ``k`` of ``doc`` opens an article of a law (第十七条…)."""
    return bool(_ARTICLE.match(doc.units[k].text))


#: an article of a law that opens a sentence, after another sentence of the paragraph
_ARTICLE_RUN_ON = re.compile(rf"[。！？；]\s*({_ARTICLE.pattern})")


def _runs_articles(doc: Document, k: int) -> bool:
    """Unit ``k`` of ``doc`` runs on two articles of a law in one paragraph (第一条…。第二条…):
    the next article's number opens a sentence of the article it opens with (a sentence
    that cites another article, 。第三十九条规定的…, is none)."""
    text = doc.units[k].text
    found = _ARTICLE.match(text)
    if found is None:
        return False
    number = _article_number(found.group())
    return number is not None and any(_article_number(m.group(1)) == number + 1
                                      for m in _ARTICLE_RUN_ON.finditer(text))


def _article_number(label: str) -> int | None:
    """The number of an article's label (第四十一条: 41)."""
    digits = to_arabic(fold_width(label))[1:-1]
    return int(digits) if digits.isdigit() else None


def _other_turn(docs: tuple[Document, Document], d: int, k: int, run: Run,
                keys: tuple[Sequence[str], Sequence[str]]) -> bool:
    """Unit ``k`` of document ``d`` is a turn of a speaker other than those of ``run``
    (in either copy): one with a label that none of its units has, as its asker's or its
    answerer's (an answer a copy prints again after its question is the same speaker's;
    a host's words the other copy runs on into the next speaker's are the host's), and
    that the other copy's side of ``run`` does not name (主持人：… that the other copy
    runs on at the end of an answer is a piece of that answer)."""
    label = docs[d].units[k].label
    if not label:
        return False
    return all(label not in (docs[e].units[x].label, docs[e].units[x].speaker)
               for e in (0, 1) for x in run[e]) \
        and match_key(label) not in _joined(keys[1 - d], run[1 - d])


def _asides(doc: Document) -> set[int]:
    """The units of ``doc`` that another story a page sets between a jump onwards and
    the jump back holds: after furniture that ends a story or opens one (its dateline:
    :func:`~variantdiff.segment.ends_story`) there, up to the jump back (none where no
    jump back comes)."""
    out: set[int] = set()
    held: list[int] = []  # (the units since the other story opened: its own once the jump
    onwards = inside = False  # back comes; with none, the story goes on to the end)
    for k, unit in enumerate(doc.units):
        if unit.kind == "furniture":
            if jumps_from(unit.text):
                out.update(held)
                held.clear()
                onwards = inside = False
            elif is_page_jump(unit.text):
                onwards = True
            elif onwards and ends_story(unit.text):
                inside = True
        elif inside:
            held.append(k)
    return out


def _between(x: int, y: int, taken: set[int]) -> bool:
    """A paired unit stands between units ``x`` and ``y``."""
    return any(k in taken for k in range(min(x, y) + 1, max(x, y)))


def _reachable(edge: int, free: list[int], taken: set[int], at_end: bool) -> list[int]:
    """Of ``free`` (in order), those reached from the run whose unit nearest them is
    ``edge`` (the run before them: ``at_end``) without passing a paired unit, nearest
    first."""
    out: list[int] = []
    for k in (free if at_end else free[::-1]):
        if _between(out[-1] if out else edge, k, taken) or len(out) == _PIECES_MAX:
            break
        out.append(k)
    return out


def _joined(keys: Sequence[str], run: Sequence[int]) -> str:
    return "".join(keys[k] for k in run)


def _stretch(docs: tuple[Document, Document], place: _Place, taken: tuple[set[int], set[int]],
             keys: tuple[Sequence[str], Sequence[str]], config: Config,
             ) -> tuple[Match, Run] | None:
    """The units both copies leave unpaired in ``place``, as one pair, when they stand
    together (nothing paired among them), one copy has more than one of them (two single
    units were weighed by the rule for units in one place) and they are at least
    ``slot_threshold`` alike character by character."""
    a, b = place.free
    if not a or not b or len(a) + len(b) < 3 or _between(a[0], a[-1], taken[0]) \
            or _between(b[0], b[-1], taken[1]):
        return None
    key_a, key_b = _joined(keys[0], a), _joined(keys[1], b)
    if not key_a or not key_b or len(key_a) * len(key_b) > _WEIGHED_MAX:
        return None
    alike = 1 - indel_distance(key_a, key_b) / (len(key_a) + len(key_b))
    laws = any(_article(doc, k) for doc, side in zip(docs, (a, b), strict=True) for k in side)
    if alike < (max(config.slot_threshold, _LAW_STRETCH_ALIKE) if laws
                else config.slot_threshold):
        return None
    # (its first paragraph names the passage, as a pair's kind and labels)
    main = [next((k for k in side if units[k].kind in CONTENT_KINDS), side[0])
            for side, units in zip(place.free, (docs[0].units, docs[1].units), strict=True)]
    return Match(main[0], main[1], round(alike, 4), 0.0, 0.0), (list(a), list(b))


def _extend(run: Run, d: int, pieces: list[int], keys: tuple[Sequence[str], Sequence[str]],
            at_end: bool, headings: Container[int] = ()) -> list[int]:
    """Join to side ``d`` of ``run`` (at its end, or its start) the fewest of ``pieces``
    (nearest first) that explain the most of the characters its other side holds and side
    ``d`` does not, if that is at least ``_EXPLAINED`` of them and ``_OWN_SHARE`` of the
    pieces' own; the pieces taken. Of ``headings`` among them, one passed over on the way
    to a piece beyond it, whose words the other side does not hold (热点问答, a section's
    heading between two speakers' turns), is left out: it stays a heading of its own. Pieces
    with a heading among them explain text as a passage moved only where the other side
    holds them in what it leaves unmatched (a subheading that quotes its answer is not
    moved into it)."""
    mine, theirs = _joined(keys[d], run[d]), _joined(keys[1 - d], run[1 - d])
    if len(mine) * len(theirs) > _WEIGHED_MAX:
        return []
    # (one alignment: what each side leaves of the other; text the two hold out of order,
    # a paragraph one copy moved, is explained)
    own, left = unmatched(mine, theirs)
    base = len(theirs) - len(left)
    moved = _common(left, own)
    unexplained = len(theirs) - base - (moved if moved >= _MOVED_MIN else 0)
    if unexplained < _MIN_CHARS:
        return []
    best, size, shown, added = 0, 0, 0, ""
    for n, k in enumerate(pieces, 1):
        added = added + keys[d][k] if at_end else keys[d][k] + added
        if len(added) * _OWN_SHARE > unexplained or \
                (len(mine) + len(added)) * len(theirs) > _WEIGHED_MAX:
            break  # (pieces this long could explain too little of their own)
        # (in their place, or as a passage the other side holds whole in another place: a
        # paragraph one copy moved, which the pair then reads as a move)
        gain = _common(mine + added if at_end else added + mine, theirs) - base
        # (only worth weighing when it would gain more; and ``theirs`` holds a stretch at
        # least ``_MOVED_ALIKE`` like ``added`` only if the two have that many characters
        # in common, in order: 2·LCS / (p + w) ≥ t with LCS ≤ w gives LCS ≥ t·p / (2 − t),
        # whatever the stretch's length w; the costly search is spared otherwise)
        # (a heading among them, only where what the other side holds whole is what it
        # leaves unmatched: a subheading that quotes words of the answer under it, one
        # of which the copy changed, is no passage moved)
        whole = _common(added, left)
        quoted = any(k in headings for k in pieces[:n])
        if whole > gain and (not quoted or whole >= _MOVED_ALIKE * len(added)) \
                and _common(added, theirs) * (2 - _MOVED_ALIKE) + 1e-9 \
                >= _MOVED_ALIKE * len(added) and held_in(added, theirs) >= _MOVED_ALIKE:
            gain = whole
        if gain > best:
            best, size = gain, n
            shown = len(added)
        if best == unexplained:
            break
    if not size or best < max(_MIN_CHARS, _EXPLAINED * unexplained) \
            or best < _OWN_SHARE * shown:
        return []
    took = [k for n, k in enumerate(pieces[:size], 1)
            if n == size or k not in headings or 2 * _common(keys[d][k], theirs) >= len(keys[d][k])]
    run[d][:] = [*run[d], *took] if at_end else [*took[::-1], *run[d]]
    return took


def _across(first: Run, second: Run, keys: tuple[Sequence[str], Sequence[str]]) -> bool:
    """Two pairs side by side in both copies are one passage: joining them explains at
    least ``_ACROSS_SHARE`` of the characters that the one leaving fewer unexplained
    leaves (the text that one copy ends the first pair's unit with, the other opens the
    second's with, is unexplained in both)."""
    a0, b0 = _joined(keys[0], first[0]), _joined(keys[1], first[1])
    a1, b1 = _joined(keys[0], second[0]), _joined(keys[1], second[1])
    if (len(a0) + len(a1)) * (len(b0) + len(b1)) > _WEIGHED_MAX:
        return False
    common = _common(a0, b0), _common(a1, b1)
    fewer = min(len(a0) + len(b0) - 2 * common[0], len(a1) + len(b1) - 2 * common[1])
    if fewer < _MIN_CHARS:
        return False
    gain = _common(a0 + a1, b0 + b1) - sum(common)
    return gain >= max(_MIN_CHARS, _ACROSS_SHARE * fewer)


def _other_words(first: str, second: str) -> bool:
    """Two paragraphs open with other words, not with the same words misread
    (:data:`_OTHER_WORDS`, :data:`_OTHER_SHARE`)."""
    return float(fuzz.ratio(first, second)) < 100 * _OTHER_SHARE


def parted(doc: Document, other: Document) -> Document:
    """``doc`` with a paragraph that segmentation joined across a blank line (a column break
    mid-sentence, as it read) parted there again where ``other`` ends a paragraph with the
    words before the break and opens one with the words after it: the paragraph ended,
    and the copy changed its last mark to a comma (…保持稳定， / 第四段…); or where the
    words before the first such break are a heading of ``other`` (or one with a character
    misread, where they read as a headline), or read as a headline
    (:func:`~variantdiff.segment.unpunctuated`) that ``other`` sets as a line of its own
    or runs on into a paragraph that opens with other words: a headline run on into the
    paragraph after it. The part after the break keeps the paragraph's id with a number
    after it (u3.2)."""
    if not any(u.kind == "text" and any(u.joined[1:]) for u in doc.units):
        return doc  # (no paragraph joined across a blank line)
    content = [u for u in other.units if u.kind in CONTENT_KINDS]
    keys = keys_to_simplified([match_key(u.text) for u in content])
    ends = {key[-_BREAK_WORDS:] for key in keys if len(key) >= _BREAK_WORDS}
    opens = {key[:_BREAK_WORDS] for key in keys if len(key) >= _BREAK_WORDS}
    # (a headline ran on into the paragraph after it where the other copy sets it as a
    # heading, or as a line of its own, 今年我国将持续推动能源 / 文章指出，…; or runs it
    # on into another paragraph: its key, and the words that paragraph opens with)
    headings = set(keys_to_simplified([key for u in other.units if u.kind == "heading"
                                       and len(key := match_key(u.text)) >= _HEADLINE_MIN]))
    alone = {key for u, key in zip(content, keys, strict=True) if u.kind == "text"
             and len(u.parts) == 1 and unpunctuated(u.text) and len(key) >= _HEADLINE_MIN}
    run_on = {head: to_simplified(match_key(u.text[u.text_index(1):]))[:_OTHER_WORDS]
              for u in other.units if u.kind == "text" and len(u.parts) > 1 and u.joined[1]
              and unpunctuated(u.text[:u.text_index(1)])
              and len(head := to_simplified(match_key(u.text[:u.text_index(1)])))
              >= _HEADLINE_MIN}

    def headline_cut(head: str, tail: str, words: str) -> bool:
        """The ``words`` before a paragraph's first break (``head`` their key, ``tail``
        the key after the break) are a headline run on into it."""
        key = to_simplified(head)
        if key in headings:
            return True
        if not unpunctuated(words):
            return False
        other_tail = run_on.get(key)
        return key in alone or (other_tail is not None and _other_words(
            other_tail, to_simplified(tail[:_OTHER_WORDS]))) or any(
            # (a heading of the other copy with a character misread: 多国媒体称… / 多国果体称…)
            headline_lengths(key, other) and fuzz.ratio(key, other) >= 100 * _HEADLINE_ALIKE
            for other in headings)

    units: list[Unit] = []
    for unit in doc.units:
        cuts = [0]
        for k in range(1, len(unit.parts)) if unit.kind == "text" else ():
            if unit.joined[k]:
                at = unit.text_index(k)
                head = match_key(unit.text[unit.text_index(cuts[-1]):at])
                tail = match_key(unit.text[at:])
                if (len(head) >= _BREAK_WORDS and len(tail) >= _BREAK_WORDS
                        and to_simplified(head[-_BREAK_WORDS:]) in ends
                        and to_simplified(tail[:_BREAK_WORDS]) in opens) \
                        or (k == 1 and headline_cut(head, tail, unit.text[:at])):
                    cuts.append(k)
        if len(cuts) == 1:
            units.append(unit)
            continue
        bounds = [*cuts, len(unit.parts)]
        lines = doc.normalised.lines_of([unit.parts[k][0] for k in cuts[1:]]
                                        + [unit.parts[k - 1][1] - 1 for k in cuts[1:]])
        firsts = [unit.start_line, *lines[:len(cuts) - 1]]
        lasts = [*lines[len(cuts) - 1:], unit.end_line]
        for n, (lo, hi) in enumerate(itertools.pairwise(bounds)):
            units.append(Unit(unit.id if n == 0 else f"{unit.id}.{n + 1}", unit.kind,
                              unit.label, unit.speaker, unit.parts[lo:hi],
                              (False, *unit.joined[lo + 1:hi]),
                              unit.text[unit.text_index(lo):unit.text_index(hi)],
                              firsts[n], lasts[n]))
    return doc if len(units) == len(doc.units) else Document(doc.normalised, tuple(units))
