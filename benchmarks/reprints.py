"""Messy reprint pairs with a known answer, for benchmarks and tests.

``make_pair(n_chars, seed)`` builds about ``n_chars`` characters of Q&A units (question
"<outlet>记者：…", answer "王毅：…" or another speaker) from the real text of the seed
files: their distinct Q&As first (in a seeded order; a sentence the seeds repeat is kept
once), then, when more text is needed, new Q&As with new outlet labels whose sentences
are seeded reshuffles of the seeds' clauses. Clauses rather than whole sentences are
reshuffled so that no sentence occurs twice in a document: variantdiff treats a sentence
repeated within a document as boilerplate (and drops an omission of it), which would
measure the generator rather than the tool. The text is then laid out twice:

* copy A like a newspaper: paragraphs hard-wrapped at 13–16 characters a line (one width
  per document), spaces around digit runs, a blank line between paragraphs, occasional
  column breaks (a blank line inside a paragraph, mid-sentence, after a full line), a
  continuation note ``（下转A03版）`` after some answers and photo credits between units;
* copy B as markdown: ``##`` headings before some Q&As, bold labels, one line per
  paragraph, a few Q&As moved, and the injected variants (about one per 300 characters,
  never in a label, never two within 6 characters).

Every variant is injected into B only and recorded in ``gold`` as compare(A, B) should
report it (a_text is A's, b_text is B's), with the line where it starts in each file.
The same ``(n_chars, seed)`` always gives byte-identical files (no hash-order
dependence: only lists, dicts and string-seeded ``random.Random``).

``make_set(n_chars, copies, seed)`` builds several copies of one such text for
``cluster``: copy 0 unchanged in the newspaper layout, the others each without about a
quarter of the Q&As and with variants of their own, in either layout.

Command line: ``python benchmarks/reprints.py DIR [--chars N] [--seed S]`` writes
DIR/a.txt and DIR/b.txt and prints how variantdiff scores on them.

>>> pair = make_pair(3000, seed=1)
>>> pair.qa_count > 0 and len(pair.gold) > 0
True
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jieba
import opencc

from variantdiff import Comparison, Config, Variant, read_document
from variantdiff.chars import display_width, ends_sentence, match_key
from variantdiff.classify import kind_of
from variantdiff.pair import heaviest_chain
from variantdiff.script import to_simplified

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

KINDS = ("substitution", "insertion", "deletion", "transposition", "punctuation", "script",
         "omission", "move")
#: relative frequency of the reading-level kinds (omissions are counted apart)
_WEIGHTS = {"substitution": 4, "insertion": 2, "deletion": 2, "transposition": 2,
            "punctuation": 2, "script": 2}
#: one injected variant per this many characters of base text
CHARS_PER_VARIANT = 300
#: one omitted paragraph per this many variants (at least one when possible)
VARIANTS_PER_OMISSION = 16
#: no two variants closer than this (characters between them)
MIN_GAP = 6
#: a reported variant may start this many lines away from the gold one
LINE_SLACK = 2
#: kinds that ``score`` does not count
IGNORED_KINDS = frozenset({"whitespace", "furniture"})

_SMALL_WORDS = "的了会也都就在"
_NO_LINE_START = frozenset("，。、；：？！,.;:?!”’」』）)》〉】…—%")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r".*?[。！？]+[”’」』）)》]*", re.S)
_QUESTION_LABEL = re.compile(r"(?P<label>[^，。！？；：:,.!?;\s]{1,30}?记者)[：:]")
_SPEAKER_LABEL = re.compile(r"(?P<label>[\u3400-\u9fff·]{2,12})[：:]")
_DATELINE_LIKE = re.compile(r"[^，。：:、；\s（()）]{0,14}?\d{1,2}月\d{1,2}日")
_ASCII_RUN = re.compile(r"[!-~]+")
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"))

_COUNTRIES = ("巴西", "墨西哥", "阿根廷", "南非", "尼日利亚", "肯尼亚", "印度尼西亚", "泰国",
              "越南", "马来西亚", "菲律宾", "土耳其", "伊朗", "沙特", "希腊", "意大利", "德国",
              "法国", "英国", "加拿大", "澳大利亚", "新西兰", "智利", "秘鲁", "古巴", "塞尔维亚",
              "匈牙利", "波兰", "捷克", "老挝", "柬埔寨", "蒙古", "乌兹别克斯坦", "白俄罗斯")
_MEDIA = ("通讯社", "国家电视台", "广播公司", "新闻网", "时报", "电台", "日报社", "卫视")
_OTHER_SPEAKERS = ("华春莹", "赵立坚", "汪文斌", "耿爽")
_PHOTOGRAPHERS = ("李鑫", "申宏", "殷博古", "王晔", "庞兴雷", "燕雁", "丁海涛", "刘彬")
_CREDITS = ("新华社记者", "本报记者", "人民网记者", "中新社记者")
_TITLE = "王毅就中国外交政策和对外关系回答中外记者提问"


@dataclass(frozen=True)
class GoldVariant:
    """A variant injected into B: what compare(A, B) should report.

    ``a_line``/``b_line``: 1-based line in a.txt/b.txt where it starts (for an insertion
    in A, or an omission in B, the line of the character it stands before).
    """

    kind: str
    a_text: str
    b_text: str
    a_line: int = 0
    b_line: int = 0


@dataclass(frozen=True)
class Reprints:
    """Two copies of the same text and the variants between them."""

    a: str
    b: str
    gold: tuple[GoldVariant, ...]
    #: Q&A units both copies carry
    qa_count: int


@dataclass(frozen=True)
class _Unit:
    label: str
    question: str
    speaker: str
    answers: tuple[str, ...]

    @property
    def paragraphs(self) -> list[str]:
        return [f"{self.label}：{self.question}", f"{self.speaker}：{self.answers[0]}",
                *self.answers[1:]]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class _Edit:
    """Replace ``text[start:end]`` of a unit (A coordinates) with ``new``."""

    kind: str
    start: int
    end: int
    new: str
    a_text: str
    b_text: str


@dataclass(frozen=True)
class _Pool:
    units: tuple[_Unit, ...]
    clauses: tuple[str, ...]  # answer clauses (between ，；。！？), for new sentences
    asks: tuple[str, ...]  # the last clause of each question, with its ？


# ---------------------------------------------------------------------------- base text

def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in _PAIRS)


def _sentences(paragraph: str) -> list[str]:
    out = [m.group() for m in _SENTENCE.finditer(paragraph)]
    rest = paragraph[sum(len(s) for s in out):]
    if rest:
        out.append(rest)
    return out


def _clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, without the punctuation that ends them."""
    return [c for c in re.split(r"[，；。！？]+", sentence) if c]


def _shingles(text: str, k: int = 3) -> list[str]:
    key = match_key(text)
    return [key[i:i + k] for i in range(max(len(key) - k + 1, 1))]


def _seed_units() -> list[_Unit]:
    """Every Q&A of the seeds, as (label, question, speaker, answers), complete paragraphs only."""
    units = []
    for path in sorted(SEEDS.glob("*.txt")):
        for unit in read_document(str(path)).units:
            if unit.kind != "qa":
                continue
            paras = unit.text.split("\n")
            q = _QUESTION_LABEL.match(paras[0])
            s = _SPEAKER_LABEL.match(paras[1]) if len(paras) > 1 else None
            if not q or not s:
                continue
            answers = [paras[1][s.end():], *paras[2:]]
            keep = []
            for para in answers:
                if not ends_sentence(para) or not _balanced(para) or "：" in para[:1]:
                    break
                keep.append(para)
            question = paras[0][q.end():]
            if keep and question and ends_sentence(question):
                units.append(_Unit(q.group("label"), question, s.group("label"), tuple(keep)))
    return units


def _without_repeats(units: Sequence[_Unit]) -> list[_Unit]:
    """Drop every sentence already seen in an earlier unit (the seeds repeat a few, and
    variantdiff treats a sentence repeated within a document as boilerplate)."""
    seen: set[str] = set()
    out = []
    for unit in units:
        answers = []
        for para in unit.answers:
            kept = []
            for sentence in _sentences(para):
                key = match_key(sentence)
                if key not in seen:
                    seen.add(key)
                    kept.append(sentence)
            if kept:
                answers.append("".join(kept))
        seen.add(match_key(unit.question))
        if answers:
            out.append(_Unit(unit.label, unit.question, unit.speaker, tuple(answers)))
    return out


@lru_cache(maxsize=1)
def _pool() -> _Pool:
    """The distinct seed Q&As (the longest of each group of reprints) and clause pools."""
    units = _seed_units()
    order = sorted(range(len(units)), key=lambda i: (-len(units[i].text), i))
    kept: list[int] = []
    kept_sets: list[frozenset[str]] = []
    for i in order:
        sh = frozenset(_shingles(units[i].text))
        if any(len(sh & other) >= 0.5 * min(len(sh), len(other)) for other in kept_sets):
            continue
        kept.append(i)
        kept_sets.append(sh)
    distinct = tuple(_without_repeats([units[i] for i in sorted(kept)]))

    def unique(items: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(items))

    def usable(c: str) -> bool:
        return (4 <= len(c) <= 30 and _balanced(c) and bool(_CJK.match(c[0]))
                and "：" not in c and ":" not in c)

    clauses = unique(c for u in distinct for a in u.answers for s in _sentences(a)
                     for c in _clauses(s) if usable(c))
    asks = unique(c + "？" for u in distinct for s in _sentences(u.question)
                  if s.endswith("？") for c in _clauses(s)[-1:] if usable(c))
    return _Pool(distinct, clauses, asks)


class _Deck:
    """Items dealt from a shuffled deck, reshuffled when empty."""

    def __init__(self, items: Sequence[str], rng: random.Random) -> None:
        self.items = list(items)
        self.rng = rng
        self.deck: list[str] = []

    def deal(self, avoid: Sequence[str] = ()) -> str:
        for _ in range(3):
            if not self.deck:
                self.deck = self.items[:]
                self.rng.shuffle(self.deck)
            for k in range(len(self.deck) - 1, -1, -1):
                if self.deck[k] not in avoid:
                    return self.deck.pop(k)
            self.deck = []
        raise ValueError("pool too small")


def _outlets(rng: random.Random, taken: set[str]) -> list[str]:
    names = [f"{c}{m}记者" for c in _COUNTRIES for m in _MEDIA]
    rng.shuffle(names)
    return [n for n in names if n not in taken]


def _new_sentence(clauses: _Deck, used: list[str], seen: set[str], rng: random.Random) -> str:
    """A sentence of two to four clauses dealt from different places, never one seen before
    and never mostly one old clause (so no sentence of the document repeats another)."""
    while True:
        parts = [clauses.deal(used) for _ in range(rng.choice((2, 2, 3)))]
        while max(map(len, parts)) > 0.6 * sum(map(len, parts)) and len(parts) < 4:
            parts.append(clauses.deal(used + parts))
        sentence = "，".join(parts) + "。"
        key = match_key(sentence)
        if key not in seen:
            seen.add(key)
            used.extend(parts)
            return sentence


def _base_units(n_chars: int, rng: random.Random) -> list[_Unit]:
    """Seed Q&As in a shuffled order; past them, new Q&As of reshuffled clauses."""
    pool = _pool()
    originals = list(pool.units)
    rng.shuffle(originals)
    units: list[_Unit] = []
    total = 0
    for unit in originals:
        if total >= n_chars:
            break
        room = n_chars - total
        if len(unit.text) > room + 150 and len(unit.answers) > 1:
            # the last unit: drop answer paragraphs to land near n_chars
            kept = list(unit.answers)
            while len(kept) > 1 and len(_Unit(unit.label, unit.question, unit.speaker,
                                              tuple(kept)).text) > room + 150:
                kept.pop()
            unit = _Unit(unit.label, unit.question, unit.speaker, tuple(kept))
        units.append(unit)
        total += len(unit.text) + 1
    seen = {match_key(s) for u in units for p in u.paragraphs for s in _sentences(p)}
    labels = _outlets(rng, {u.label for u in units})
    clauses, asks = _Deck(pool.clauses, rng), _Deck(pool.asks, rng)
    while total < n_chars:
        label = labels.pop() if labels else f"第{len(units)}号记者"
        used: list[str] = []
        while True:
            question = f"{clauses.deal(used)}，{asks.deal()}"
            if match_key(question) not in seen:
                seen.add(match_key(question))
                break
        speaker = "王毅" if rng.random() < 0.7 else rng.choice(_OTHER_SPEAKERS)
        target = min(rng.randint(300, 800), max(n_chars - total - len(label) - len(question), 60))
        answers: list[str] = []
        size = 0
        while size < target or not answers:
            para: list[str] = []
            para_target = rng.randint(60, 240)
            while not para or (sum(map(len, para)) < para_target and size < target):
                sentence = _new_sentence(clauses, used, seen, rng)
                para.append(sentence)
                size += len(sentence)
            answers.append("".join(para))
        unit = _Unit(label, question, speaker, tuple(answers))
        units.append(unit)
        total += len(unit.text) + 1
    return units


# ---------------------------------------------------------------------------- variants

@lru_cache(maxsize=4096)
def _words(paragraph: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of a paragraph (as variantdiff cuts them: no HMM), with offsets."""
    return tuple(jieba.tokenize(paragraph, HMM=False))


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _protected(paragraphs: list[str]) -> list[tuple[int, int]]:
    """Spans (unit-text offsets) no variant may touch: labels, and label-like openings."""
    spans = []
    pos = 0
    for k, para in enumerate(paragraphs):
        pattern = _QUESTION_LABEL if k == 0 else _SPEAKER_LABEL
        m = pattern.match(para) or _SPEAKER_LABEL.match(para)
        if m:
            spans.append((pos, pos + m.end()))
        pos += len(para) + 1
    return spans


def _candidates(unit: _Unit, words: Sequence[str], rng: random.Random) -> dict[str, list[_Edit]]:
    """Every place a variant of each kind could go in ``unit`` (omissions apart)."""
    paragraphs = unit.paragraphs
    text = unit.text
    blocked = _protected(paragraphs)

    def free(s: int, e: int) -> bool:
        return all(e <= b0 or s >= b1 for b0, b1 in blocked)

    def cjk(i: int) -> bool:
        return 0 <= i < len(text) and bool(_CJK.match(text[i]))

    out: dict[str, list[_Edit]] = {k: [] for k in _WEIGHTS}
    pos = 0
    for para in paragraphs:
        tokens = [(w, pos + s, pos + e) for w, s, e in _words(para)]
        for n, (w, s, e) in enumerate(tokens):
            if not free(s - 1, e + 1):
                continue
            all_cjk = all(cjk(i) for i in range(s, e))
            if len(w) == 2 and all_cjk:
                new = rng.choice(words)
                if new != w and kind_of(w, new) == "substitution" and to_simplified(new) == new:
                    out["substitution"].append(_Edit("substitution", s, e, new, w, new))
                if w[0] != w[1] and kind_of(w, w[::-1]) == "transposition":
                    out["transposition"].append(_Edit("transposition", s, e, w[::-1], w, w[::-1]))
                if n + 1 < len(tokens):
                    w2, s2, e2 = tokens[n + 1]
                    if (len(w2) == 2 and all(cjk(i) for i in range(s2, e2)) and free(s2, e2 + 1)
                            and not set(w) & set(w2)):
                        out["transposition"].append(
                            _Edit("transposition", s, e2, w2 + w, w + w2, w2 + w))
            if w in _SMALL_WORDS and cjk(s - 1) and cjk(e) and text[s - 1] != w != text[e]:
                out["deletion"].append(_Edit("deletion", s, e, "", w, ""))
            if n and cjk(s - 1) and cjk(s):
                c = rng.choice(_SMALL_WORDS)
                if c not in (text[s - 1], text[s]):
                    out["insertion"].append(_Edit("insertion", s, s, c, "", c))
            if w == "，" and cjk(s - 1) and cjk(e):
                out["punctuation"].append(_Edit("punctuation", s, e, "；", "，", "；"))
            if all_cjk:
                trad = _s2t().convert(w)
                if len(trad) == len(w) and trad != w:
                    k = next(i for i in range(len(w)) if trad[i] != w[i])
                    changed = w[:k] + trad[k] + w[k + 1:]
                    if (to_simplified(trad[k]) == w[k] and to_simplified(changed) == w
                            and kind_of(w[k], trad[k]) == "script"):
                        out["script"].append(
                            _Edit("script", s + k, s + k + 1, trad[k], w[k], trad[k]))
        pos += len(para) + 1
    return out


def _kind_counts(total: int) -> dict[str, int]:
    weight = sum(_WEIGHTS.values())
    counts = {k: total * w // weight for k, w in _WEIGHTS.items()}
    short = total - sum(counts.values())
    for k in sorted(_WEIGHTS, key=lambda k: -_WEIGHTS[k])[:short]:
        counts[k] += 1
    return counts


def _inject(units: list[_Unit], rng: random.Random) -> list[list[_Edit]]:
    """Choose the variants: one list of edits per unit (A coordinates, disjoint, spaced)."""
    base_chars = sum(len(u.text) for u in units)
    # substitutes: the two-character words of the text itself, in order of appearance
    words = list(dict.fromkeys(w for u in units for p in u.paragraphs for w, _, _ in _words(p)
                               if len(w) == 2 and all(_CJK.match(c) for c in w)))
    total = max(1, round(base_chars / CHARS_PER_VARIANT))
    edits: list[list[_Edit]] = [[] for _ in units]
    taken: list[list[tuple[int, int]]] = [[] for _ in units]

    def fits(n: int, s: int, e: int) -> bool:
        return all(e + MIN_GAP <= t0 or s >= t1 + MIN_GAP for t0, t1 in taken[n])

    # omissions: a whole non-first answer paragraph
    spots: list[tuple[int, int, int]] = []
    for n, unit in enumerate(units):
        paras = unit.paragraphs
        starts = [sum(len(p) + 1 for p in paras[:k]) for k in range(len(paras))]
        spots.extend((n, starts[k], starts[k] + len(paras[k]))
                     for k in range(2, len(paras)) if len(paras[k]) >= 20)
    rng.shuffle(spots)
    n_omit = min(len(spots), max(1, round(total / VARIANTS_PER_OMISSION)), len(units))
    omitted: set[int] = set()
    for n, s, e in spots:
        if len(omitted) == n_omit:
            break
        if n in omitted:
            continue
        omitted.add(n)
        para = units[n].text[s:e]
        # the paragraph goes with the line break before it
        edits[n].append(_Edit("omission", s - 1, e, "", para, ""))
        taken[n].append((s - 1, e))

    counts = _kind_counts(max(total - len(omitted), 0))
    options: dict[str, list[tuple[int, _Edit]]] = {k: [] for k in _WEIGHTS}
    for n, unit in enumerate(units):
        for kind, found in _candidates(unit, words, rng).items():
            options[kind].extend((n, e) for e in found)
    for kind in _WEIGHTS:
        rng.shuffle(options[kind])
        need = counts[kind]
        for n, edit in options[kind]:
            if not need:
                break
            if fits(n, edit.start, edit.end):
                edits[n].append(edit)
                taken[n].append((edit.start, edit.end))
                need -= 1
    for unit_edits in edits:
        unit_edits.sort(key=lambda e: e.start)
    return edits


def _apply(text: str, edits: Sequence[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: -e.start):
        text = text[:edit.start] + edit.new + text[edit.end:]
    return text


# ---------------------------------------------------------------------------- layouts

def _is_cjk(c: str) -> bool:
    return bool(_CJK.match(c))


def _tokens(para: str) -> list[tuple[str, list[int]]]:
    """Typesetting tokens: a run of ASCII or one character; spaces around digit runs."""
    out: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(para):
        m = _ASCII_RUN.match(para, i)
        if m and m.end() > i:
            run = m.group()
            digits = any(c.isdigit() for c in run)
            if digits and i and _is_cjk(para[i - 1]):
                out.append((" ", []))
            out.append((run, list(range(i, m.end()))))
            if digits and m.end() < len(para) and _is_cjk(para[m.end()]):
                out.append((" ", []))
            i = m.end()
        else:
            out.append((para[i], [i] if para[i] != " " else []))
            i += 1
    return out


def _wrap(para: str, cells: int) -> list[tuple[str, list[int]]]:
    """Hard-wrap ``para`` into lines of ``cells`` display cells: (line, char indices)."""
    lines: list[tuple[str, list[int]]] = []
    text = ""
    idx: list[int] = []
    width = 0
    for tok, positions in _tokens(para):
        w = display_width(tok)
        if tok == " " and not text:
            continue
        hang = tok[0] in _NO_LINE_START
        if text and width + w > cells and not hang and width >= cells - 2:
            lines.append((text.rstrip(" "), idx))
            text, idx, width = "", [], 0
            if tok == " ":
                continue
        text += tok
        idx = idx + positions
        width += w
    if text:
        lines.append((text.rstrip(" "), idx))
    return lines


def newspaper(text: str, seed: str = "") -> str:
    """Any text, a paragraph to a line, set the messy newspaper way: hard-wrapped in a
    column of 13–16 characters, a blank line between paragraphs and, now and then, one in
    mid-sentence where the column breaks, spaces around digits, and page furniture
    (（下转A03版）) after some paragraphs. The text's own characters keep their order."""
    rng = random.Random(f"variantdiff-newspaper/{seed}")
    cells = 2 * rng.randint(13, 16)
    out = _Writer()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for k, para in enumerate(paragraphs):
        lines = [line for line, _ in _wrap(para, cells)]
        for i, line in enumerate(lines):
            last = i == len(lines) - 1
            if last and k + 1 < len(paragraphs) and rng.random() < 0.05:
                line += f"（下转A{rng.randint(2, 9):02d}版）"
            out.add(line)
            if not last and not ends_sentence(line) and display_width(line) >= cells - 2 \
                    and rng.random() < 0.1:
                out.add("")
        out.blank()
    return out.text()


_CHAPTER = re.compile(r"第[一二三四五六七八九十百]+[编章节](?=\s)")
_ARTICLE = re.compile(r"(第[一二三四五六七八九十百千零]+条)\s*")


def markdown(text: str) -> str:
    """Any text, a paragraph to a line, set as markdown: the first line a ``#`` title,
    chapters ``##`` headings, article numbers bold (**第一条**), a blank line after every
    paragraph. The characters and their order are kept."""
    out = _Writer()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for k, para in enumerate(paragraphs):
        article = _ARTICLE.match(para)
        if k == 0:
            out.add(f"# {para}")
        elif _CHAPTER.match(para):
            out.add(f"## {para}")
        elif article:
            out.add(f"**{article.group(1)}**　{para[article.end():]}")
        else:
            out.add(para)
        out.blank()
    return out.text()


@dataclass
class _Writer:
    lines: list[str] = field(default_factory=list)

    @property
    def next_line(self) -> int:
        return len(self.lines) + 1

    def add(self, line: str) -> int:
        self.lines.append(line)
        return len(self.lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _layout_a(units: list[_Unit], rng: random.Random) -> tuple[str, list[list[int]]]:
    """The newspaper copy, and for each unit the A line of each of its characters."""
    cols = rng.randint(13, 16)
    cells = 2 * cols
    out = _Writer()
    out.add(_TITLE)
    out.blank()
    maps: list[list[int]] = []
    page = rng.randint(2, 5)
    for n, unit in enumerate(units):
        text = unit.text
        line_of = [0] * len(text)
        pos = 0
        paragraphs = unit.paragraphs
        for k, para in enumerate(paragraphs):
            lines = _wrap(para, cells)
            breaks = []
            for i in range(len(lines) - 1):
                line, idx = lines[i]
                rest = para[lines[i + 1][1][0]:] if lines[i + 1][1] else ""
                if (display_width(line) >= cells - 2 and not ends_sentence(line) and rest
                        and _is_cjk(rest[0]) and not _SPEAKER_LABEL.match(rest)
                        and not _QUESTION_LABEL.match(rest) and not _DATELINE_LIKE.match(rest)):
                    breaks.append(i)
            column_break = rng.choice(breaks) if breaks and rng.random() < 0.15 else None
            last_of_unit = k == len(paragraphs) - 1
            for i, (line, idx) in enumerate(lines):
                if last_of_unit and i == len(lines) - 1 and n + 1 < len(units) \
                        and rng.random() < 0.15:
                    page += 1
                    line += f"（下转A{page:02d}版）"
                number = out.add(line)
                for j in idx:
                    line_of[pos + j] = number
                if i == column_break:
                    out.add("")
            pos += len(para) + 1
            out.blank()
        # separators take the line of the character before them
        for j in range(1, len(text)):
            if text[j] == "\n":
                line_of[j] = line_of[j - 1]
        maps.append(line_of)
        if n + 1 < len(units) and rng.random() < 0.2:
            out.add(f"{rng.choice(_CREDITS)} {rng.choice(_PHOTOGRAPHERS)}摄")
            out.blank()
    return out.text(), maps


def _heading(unit: _Unit) -> str:
    """A section heading for B: the opening clauses of the answer, without punctuation."""
    clauses = [c for c in re.split(r"[^\u4e00-\u9fff0-9A-Za-z]+", unit.answers[0]) if c]
    head = ""
    for clause in clauses:
        head = f"{head}，{clause}" if head else clause
        if len(head) >= 8:
            break
    return head[:24].rstrip("，")


def _layout_b(units: list[_Unit], b_texts: list[str], order: list[int],
              rng: random.Random) -> tuple[str, list[list[int]]]:
    """The markdown copy (units in ``order``), and for each unit the B line of each character."""
    out = _Writer()
    out.add(f"# {_TITLE}")
    out.blank()
    maps: list[list[int]] = [[] for _ in units]
    for n in order:
        unit, text = units[n], b_texts[n]
        if rng.random() < 0.5:
            out.add(f"## {_heading(unit)}")
            out.blank()
        line_of: list[int] = []
        paragraphs = text.split("\n")
        for k, para in enumerate(paragraphs):
            label = unit.label if k == 0 else unit.speaker if k == 1 else None
            if label is not None:
                assert para.startswith(label + "：")
                para = f"**{label}：**{para[len(label) + 1:]}"
            number = out.add(para)
            line_of.extend([number] * (len(paragraphs[k]) + (k + 1 < len(paragraphs))))
            out.blank()
        maps[n] = line_of
    return out.text(), maps


def _b_order(count: int, rng: random.Random) -> list[int]:
    """A few units moved by one to three places."""
    order = list(range(count))
    if count < 3:
        return order
    for _ in range(max(1, count // 10)):
        i = rng.randrange(count)
        item = order.pop(i)
        order.insert(min(max(i + rng.choice((-3, -2, 2, 3)), 0), count - 1), item)
    return order


# ---------------------------------------------------------------------------- public API

def make_pair(n_chars: int = 30000, seed: int = 0) -> Reprints:
    """A pair of reprints of about ``n_chars`` characters of Q&A text, with its gold variants."""
    if n_chars < 1:
        raise ValueError("n_chars must be positive")

    def rng(stage: str) -> random.Random:
        return random.Random(f"variantdiff-reprints/{n_chars}/{seed}/{stage}")

    units = _base_units(n_chars, rng("base"))
    edits = _inject(units, rng("variants"))
    b_texts = [_apply(u.text, e) for u, e in zip(units, edits, strict=True)]
    a_text, a_maps = _layout_a(units, rng("a"))
    order = _b_order(len(units), rng("order"))
    b_text, b_maps = _layout_b(units, b_texts, order, rng("b"))
    gold = []
    # the Q&As B sets in another place: those out of the longest chain both copies hold in
    # one order, by characters (as compare weighs it: the fewest characters moved)
    place = {unit: k for k, unit in enumerate(order)}
    kept = heaviest_chain([(n, place[n]) for n in range(len(units))],
                    [len(u.text) + len(b) for u, b in zip(units, b_texts, strict=True)])
    for n in sorted(set(range(len(units))) - kept):
        gold.append(GoldVariant("move", units[n].text[:10], b_texts[n][:10], a_maps[n][0],
                                b_maps[n][0]))
    for n, unit_edits in enumerate(edits):
        shift = 0
        for edit in unit_edits:
            b_start = edit.start + shift
            shift += len(edit.new) - (edit.end - edit.start)
            if edit.kind == "omission":
                a_line = a_maps[n][edit.start + 1]
                # B reports the omission before the next paragraph, or after the last one
                b_line = b_maps[n][min(b_start + 1, len(b_maps[n]) - 1)]
            else:
                a_line = a_maps[n][min(edit.start, len(a_maps[n]) - 1)]
                b_line = b_maps[n][min(b_start, len(b_maps[n]) - 1)]
            gold.append(GoldVariant(edit.kind, edit.a_text, edit.b_text, a_line, b_line))
    gold.sort(key=lambda g: (g.a_line, g.b_line))
    return Reprints(a_text, b_text, tuple(gold), len(units))


@dataclass(frozen=True)
class SetVariant:
    """A variant injected into one copy of a set: its kind, the Q&A it is in (an index
    into ``ReprintSet.units``), the base text and the copy's text."""

    kind: str
    unit: int
    a_text: str
    b_text: str


@dataclass(frozen=True)
class ReprintSet:
    """Several copies of the same Q&A text, as ``cluster`` meets them."""

    texts: tuple[str, ...]
    #: the base text of each Q&A
    units: tuple[str, ...]
    #: per copy, the Q&As it carries (indices into ``units``, in base order)
    carried: tuple[tuple[int, ...], ...]
    #: per copy, the variants injected into it (copy 0 has none)
    variants: tuple[tuple[SetVariant, ...], ...]


def make_set(n_chars: int = 12000, copies: int = 5, seed: int = 0) -> ReprintSet:
    """``copies`` reprints of about ``n_chars`` characters of Q&A text.

    Copy 0 carries every Q&A unchanged, laid out like a newspaper (as copy A of
    :func:`make_pair`). Every other copy leaves out about one Q&A in four (at least one
    kept) and carries its own injected variants (as copy B); the odd ones are laid out as
    markdown with a few Q&As moved, the even ones as a newspaper.

    >>> s = make_set(3000, copies=3, seed=1)
    >>> len(s.texts), s.carried[0] == tuple(range(len(s.units))), s.variants[0]
    (3, True, ())
    """
    if copies < 2:
        raise ValueError("a set needs at least two copies")

    def rng(stage: str) -> random.Random:
        return random.Random(f"variantdiff-sets/{n_chars}/{copies}/{seed}/{stage}")

    units = _base_units(n_chars, rng("base"))
    texts, carried, variants = [], [], []
    for k in range(copies):
        r = rng(f"copy{k}")
        kept = list(range(len(units)))
        if k:
            kept = [i for i in kept if r.random() >= 0.25] or [0]
        chosen = [units[i] for i in kept]
        edits = _inject(chosen, r) if k else [[] for _ in chosen]
        edited = [_apply(u.text, e) for u, e in zip(chosen, edits, strict=True)]
        if k % 2:
            text, _ = _layout_b(chosen, edited, _b_order(len(chosen), r), r)
        else:
            text, _ = _layout_a([_reparsed(u, t) for u, t in zip(chosen, edited, strict=True)], r)
        texts.append(text)
        carried.append(tuple(kept))
        variants.append(tuple(SetVariant(e.kind, i, e.a_text, e.b_text)
                              for i, unit_edits in zip(kept, edits, strict=True)
                              for e in unit_edits))
    return ReprintSet(tuple(texts), tuple(u.text for u in units), tuple(carried),
                      tuple(variants))


def _reparsed(unit: _Unit, text: str) -> _Unit:
    """``unit`` with its text replaced by ``text`` (its variants applied; labels are never
    touched, and an omitted paragraph takes its line break with it)."""
    paras = text.split("\n")
    return _Unit(unit.label, paras[0][len(unit.label) + 1:], unit.speaker,
                 (paras[1][len(unit.speaker) + 1:], *paras[2:]))


def write_pair(pair: Reprints, directory: str | Path) -> tuple[Path, Path]:
    """Write ``a.txt`` and ``b.txt`` (UTF-8) into ``directory``; return their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    a, b = directory / "a.txt", directory / "b.txt"
    a.write_text(pair.a, encoding="utf-8", newline="\n")
    b.write_text(pair.b, encoding="utf-8", newline="\n")
    return a, b


@dataclass(frozen=True)
class Evaluation:
    """Gold variants found (with the reported variant), missed, and spurious reports."""

    found: tuple[tuple[GoldVariant, Variant], ...]
    missed: tuple[GoldVariant, ...]
    spurious: tuple[Variant, ...]

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.found) + len(self.spurious)
        return len(self.found) / total if total else 1.0


def _matches(g: GoldVariant, v: Variant) -> bool:
    if g.kind != v.kind:
        return False
    if g.kind == "omission":
        texts = g.a_text[:10] in v.a_text.replace("\n", "")
    else:
        texts = g.a_text in v.a_text and g.b_text in v.b_text
    if not texts:
        return False
    if g.a_line and abs(v.a.start_line - g.a_line) > LINE_SLACK:
        return False
    return not (g.b_line and abs(v.b.start_line - g.b_line) > LINE_SLACK)


def evaluate(pair: Reprints, comparison: Comparison) -> Evaluation:
    """Match the comparison's visible variants to the gold ones, one to one.

    A gold variant is found by a reported variant of the same kind whose a_text contains
    the gold a_text and whose b_text contains the gold b_text (an omission: the first 10
    characters of its a_text), starting within ``LINE_SLACK`` lines in both files.
    Reported whitespace and furniture variants are left out.
    """
    reported = [v for p in comparison.pairs for v in comparison.visible(p)
                if v.kind not in IGNORED_KINDS]
    free = list(range(len(reported)))
    found, missed = [], []
    for g in pair.gold:
        hits = [k for k in free if _matches(g, reported[k])]
        if not hits:
            missed.append(g)
            continue
        best = min(hits, key=lambda k: (abs(reported[k].a.start_line - g.a_line),
                                        len(reported[k].a_text) + len(reported[k].b_text)))
        free.remove(best)
        found.append((g, reported[best]))
    return Evaluation(tuple(found), tuple(missed), tuple(reported[k] for k in free))


def score(pair: Reprints, comparison: Comparison) -> tuple[float, float]:
    """(recall, precision) of ``comparison``'s visible variants against ``pair.gold``."""
    result = evaluate(pair, comparison)
    return result.recall, result.precision


def _main() -> None:
    parser = argparse.ArgumentParser(description="Write a generated reprint pair and score "
                                     "variantdiff on it.")
    parser.add_argument("directory", help="where to write a.txt and b.txt")
    parser.add_argument("--chars", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from variantdiff import compare

    pair = make_pair(args.chars, args.seed)
    a, b = write_pair(pair, args.directory)
    result = evaluate(pair, compare(str(a), str(b), Config()))
    print(f"{a} {b}: {pair.qa_count} Q&As, {len(pair.gold)} gold variants, "
          f"recall {result.recall:.3f} precision {result.precision:.3f}")
    for g in result.missed:
        print(f"  missed   {g.kind:13} {g.a_text[:20]!r} / {g.b_text[:20]!r}  "
              f"A:{g.a_line} B:{g.b_line}")
    for v in result.spurious:
        print(f"  spurious {v.kind:13} {v.a_text[:20]!r} / {v.b_text[:20]!r}  "
              f"A:{v.a.start_line} B:{v.b.start_line}")


if __name__ == "__main__":
    _main()
