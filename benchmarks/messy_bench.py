"""Score ``compare`` on messy reprint pairs from an independent generator, beside difflib.

Data (relative to the project root; the script says so and exits 0 when it is absent):
``../shared/data/corpus/xwlb_stories.jsonl`` (every 7th story) and
``../shared/data/corpus/laws.jsonl`` (every 5th law with at least 20 第, the first 401).
The generator is written apart from ``reprints.py`` and shares nothing with it, so the
pairs do not follow the package's own idea of a reprint.

Each pair is made from one clean document, a list of blocks (title, headings,
paragraphs), of one of three sources:

* **news**: a story of 4–12 paragraphs (500–3,500 characters), the 央视网消息 dateline
  taken off, with a subheading (6–12 characters of another story's title) before a
  quarter of the paragraphs after the second;
* **qa**: a story of 5–14 paragraphs turned into a press conference. Every run of one to
  three paragraphs becomes a question (``OUTLET记者：`` and a question built on the first
  clause of its first paragraph, 对此您怎么看？ and the like) and an answer headed by the
  speaker (``外交部发言人：`` …); three times in ten the speaker opens with a greeting;
* **law**: 10–20 lines of a law from its first 第…章/条 on, chapters as headings.

**A** is set the way a newspaper column is: hard-wrapped at 13–16 characters (an ASCII
character or a space counts half; a line never starts with closing punctuation), the
title sometimes on two lines, paragraphs indented by two full-width spaces, one space or
nothing, spaces around digit runs (all, 90% or 60% of them). In news and Q&A, six times in
ten a dateline: on a line of its own (据新华社北京 3 月 5 日电), or run into the first
paragraph (新华社北京3月5日电, 本报北京3月5日电（记者王磊）). About one paragraph in seven
(of three lines or more) has a line justified, a space between every two characters.
Three or five times in ten a paragraph has a column break (a blank line) inside it, not
after a sentence end; there may fall a page jump (（下转A03版）, blank line,
（上接第一版）) or a photo caption (图为… / ▲… / …。 followed by a credit such as
新华社记者 李学仁 摄 or 新华社发 （刘颖 摄）). At most two page jumps and one caption
per document: besides those, half the time a （下转…） note at the end of the middle
paragraph, six times in ten a caption after the second paragraph, half the time a
（上接…） line before the last two paragraphs.

**B** carries the injected variants and is set one of three ways: markdown (``#`` title,
``##`` headings, a bold speaker label, with or without its colon, or a bold article number
seven times in ten, blank lines between paragraphs), hard-wrapped at 12, 17, 18, 20 or 22
characters with blank lines between paragraphs, or plain (a full-width indent, one
paragraph to a line, CRLF line ends one time in three).

Eight variants per pair, at most: one omitted paragraph (``omit_para``: not the first
paragraph, no question or answer, at least 25 characters), two single-character
substitutions by a common character (``sub1``; never the old one's simplified or
traditional form), a word of 2–4 characters jieba cut replaced by a common word that
shares no character with it (``word``), a dropped character (``drop``), two
adjacent two-character words swapped (``swap``), a character in its traditional form
(``trad``) and a stock sentence added after a 。 inside a paragraph (``add_sent``). Edits
stay 12 characters apart and off the speaker labels and article numbers; the character
and word edits have Chinese characters on both sides. Every clean character is tracked
through both layouts, so each gold variant's line in A and in B is exact.

**Scoring.** A reported variant *explains* a gold one when it is near it (its A start line
within 2 lines of the gold's line in A, or its B start line within 2 of the gold's in B) and
its texts fit, compared with spaces, punctuation, ``*``, ``#`` and ▲ taken out: a
substitution, word, swap or traditional form when the gold's A text and the variant's
contain one another, and so do the B texts; a dropped character when it is in the
variant's A text; an added sentence when the variant's B text shares a run with it (half
the shorter text, 2–8 characters); an omitted paragraph when the variant is an omission,
deletion or move starting within 3 lines of it whose A text shares such a run with it.
An unpaired unit of A explains the omitted paragraph when it holds the paragraph's first
20 characters or lies inside it, and is at most 5 characters longer. A gold variant is
*found* when some item explains it; recall = found / gold.

**Spurious.** A reported variant that explains no gold variant, and an unpaired unit
(either side) that is not the omitted paragraph. Unpaired headings and furniture units
are allowed: they count among the reported items but are never spurious. Precision =
(reported − spurious) / reported. Spurious items are classed by their text: furniture
(下转, 上接…版), caption (摄, 新华社发, 图为, ▲), dateline (…日电), space/punct (nothing
else), other. A *crash* is a comparison that raises; its pair is left out of the figures.

**Baseline.** ``difflib.SequenceMatcher(None, a, b, autojunk=False)`` on the two file
texts as read (universal newlines), each non-equal opcode a variant (replace:
substitution, delete: deletion, insert: insertion) with the line its slice starts on,
scored by the same scorer; it reports no unpaired units.

``compare`` is called in process (``variantdiff.compare(path_a, path_b)`` with the
command line's default configuration, its JSON report scored), so the time per pair leaves
out the interpreter start.

Run from the repository root with the Python that has variantdiff installed::

    python benchmarks/messy_bench.py [--seeds 1,2] [--n-qa 30] [--n-news 25] [--n-law 15] [--keep DIR]

Pair ``i`` of a source is made from the seed string ``SOURCE-i-SEED``, so a run is the same
for the same seed. The pairs are written to a temporary directory that is removed at the
end, or to ``DIR/SOURCE_iii_sSEED/`` ({a,b}.txt, gold.json, the report out.json and
score.json) with ``--keep``.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import itertools
import json
import platform
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jieba
import opencc

from variantdiff import compare
from variantdiff.report_json import comparison_json

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
STORIES = DATA / "corpus" / "xwlb_stories.jsonl"
LAWS = DATA / "corpus" / "laws.jsonl"
SOURCES = ("qa", "news", "law")
TYPES = ("omit_para", "sub1", "word", "drop", "swap", "trad", "add_sent")
METHODS = ("variantdiff", "difflib")

S2T = opencc.OpenCC("s2t")
T2S = opencc.OpenCC("t2s")
CJK = re.compile(r"[\u4e00-\u9fff]")

#: a clean block: kind (title, heading, para), role (p, q, a, law), text; B's also cells
Block = dict[str, Any]
#: a character on its way through a layout: [character, (block, offset) or None, tag]
Cell = list[Any]
Ref = tuple[int, int]
Gold = dict[str, Any]
Report = dict[str, Any]

# ---------------------------------------------------------------- source texts


@functools.cache
def news_stories() -> list[tuple[str, str, list[str]]]:
    """Every 7th story: (id, title, paragraphs)."""
    out = []
    with open(STORIES, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 7:
                continue
            d = json.loads(line)
            ps = [p.strip() for p in d["text"].split("\n") if p.strip()]
            out.append((d["id"], d.get("title", ""), ps))
    return out


@functools.cache
def laws() -> list[tuple[str, str, str]]:
    """Every 5th law with at least 20 第 in it, the first 401: (id, title, text)."""
    out: list[tuple[str, str, str]] = []
    with open(LAWS, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 5:
                continue
            d = json.loads(line)
            if d["text"].count("第") < 20:
                continue
            out.append((d["id"], d.get("title", ""), d["text"]))
            if len(out) > 400:
                break
    return out


# ---------------------------------------------------------------- clean documents

OUTLETS = ["新华社", "中新社", "《人民日报》", "路透社", "法新社", "彭博社", "凤凰卫视",
           "中央广播电视总台央视", "澎湃新闻", "《环球时报》", "日本广播协会", "韩联社",
           "塔斯社", "美联社", "《中国日报》", "香港中评社"]
SPEAKERS = ["发言人", "外交部发言人", "王毅", "国新办发言人", "商务部新闻发言人"]
QFORMS = ["{c}，对此您怎么看？", "请问{c}，下一步有何考虑？", "关于{c}，能否介绍一下有关情况？",
          "有报道称{c}，请问您对此有何评论？", "{c}，这释放出什么信号？"]
ARTICLE = re.compile(r"第[一二三四五六七八九十百]+[章条]")


def strip_prefix(p: str) -> str:
    return re.sub(r"^央视网消息（新闻联播）：", "", p)


def pick_news(rng: random.Random, min_paras: int = 4, max_paras: int = 12, min_len: int = 500,
              max_len: int = 3500) -> tuple[str, str, list[str]]:
    st = news_stories()
    while True:
        sid, title, ps = rng.choice(st)
        tot = sum(map(len, ps))
        if (min_paras <= len(ps) <= max_paras and min_len <= tot <= max_len
                and all(len(p) >= 15 for p in ps)):
            return sid, title, ps


def doc_news(rng: random.Random) -> tuple[str, list[Block]]:
    sid, title, ps = pick_news(rng)
    blocks: list[Block] = [{"kind": "title", "text": title}]
    others = [t for _, t, _ in rng.sample(news_stories(), 8)]
    for i, p in enumerate(ps):
        if i > 1 and rng.random() < 0.25:
            h = re.sub(r"[，。、：；！？“”《》（）\s]", "", others[i % len(others)])[:rng.randint(6, 12)]
            if len(h) >= 5:
                blocks.append({"kind": "heading", "text": h})
        blocks.append({"kind": "para", "role": "p", "text": strip_prefix(p)})
    return sid, blocks


def question_from(p: str, rng: random.Random) -> str:
    p = strip_prefix(p)
    m = re.match(r"([^，。；：！？]{4,22})[，。；：]", p)
    c = m.group(1) if m else p[:14]
    return rng.choice(QFORMS).format(c=c)


def doc_qa(rng: random.Random) -> tuple[str, list[Block]]:
    sid, title, ps = pick_news(rng, min_paras=5, max_paras=14, min_len=700, max_len=4000)
    ps = [strip_prefix(p) for p in ps]
    spk = rng.choice(SPEAKERS)
    outlets = rng.sample(OUTLETS, len(OUTLETS))
    blocks: list[Block] = [{"kind": "title", "text": title}]
    if rng.random() < 0.3:
        blocks.append({"kind": "para", "role": "a",
                       "text": f"{spk}：各位记者朋友，大家好！下面，我愿回答大家的提问。"})
    i = t = 0
    while i < len(ps):
        n = min(rng.choice([1, 2, 2, 3]), len(ps) - i)
        blocks.append({"kind": "para", "role": "q",
                       "text": f"{outlets[t % len(outlets)]}记者：" + question_from(ps[i], rng)})
        blocks.append({"kind": "para", "role": "a", "text": f"{spk}：" + ps[i]})
        for j in range(1, n):
            blocks.append({"kind": "para", "role": "p", "text": ps[i + j]})
        i += n
        t += 1
    return sid, blocks


def doc_law(rng: random.Random) -> tuple[str, list[Block]]:
    while True:
        lid, _title, text = rng.choice(laws())
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        start = next((k for k, ln in enumerate(lines) if ARTICLE.match(ln)), None)
        if start is None:
            continue
        chunk = lines[start:start + rng.randint(10, 20)]
        if sum(map(len, chunk)) >= 500:
            break
    blocks: list[Block] = [{"kind": "title", "text": lines[0]}]
    for ln in chunk:
        if re.match(r"第[一二三四五六七八九十百]+章", ln):
            blocks.append({"kind": "heading", "text": re.sub(r"\s+", " ", ln)})
        else:
            blocks.append({"kind": "para", "role": "law", "text": ln})
    return lid, blocks


# ---------------------------------------------------------------- injected variants

SUB_POOL = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同"
                "工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现"
                "实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与"
                "关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立"
                "代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
                "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车")
WORD_POOL = ["发展", "建设", "推进", "加强", "合作", "重要", "工作", "全面", "国际", "经济", "社会",
             "持续", "积极", "不断", "进一步", "坚定", "深化", "落实", "提升", "稳定", "交流", "服务",
             "保障", "改革", "扎实", "有力", "显著", "明确", "相关", "有效", "高质量", "新时代",
             "共同体", "基础设施", "现代化", "稳步", "大力", "协调", "健全", "完善", "推动", "实现",
             "加快", "巩固", "创新", "开放", "民生"]
EXTRA_SENTS = ["与会代表一致认为，这次会议开得非常及时，非常必要。",
               "这一做法得到了当地群众的普遍欢迎和好评。", "有关部门表示，下一步还将出台更多配套措施。",
               "专家指出，这对于稳定市场预期具有积极意义。",
               "记者在现场看到，工作人员正在紧张有序地忙碌着。", "据了解，相关工作目前已进入收尾阶段。",
               "当地干部群众纷纷表示，一定要把这件好事办好办实。",
               "这也是近年来同类活动中规模最大的一次。"]


def cells_of(blocks: list[Block]) -> list[Block]:
    """The clean blocks with their text as cells [character, (block, offset), None]."""
    out = []
    for bi, b in enumerate(blocks):
        nb = dict(b)
        nb["cells"] = [[ch, (bi, k), None] for k, ch in enumerate(b["text"])]
        out.append(nb)
    return out


def body_start(b: Block) -> int:
    """Offset of the text after a speaker label or an article or item number."""
    t: str = b["text"]
    if b.get("role") in ("q", "a"):
        return t.index("：") + 1
    if b.get("role") == "law":
        m = re.match(r"第[一二三四五六七八九十百零]+条\s*|（[一二三四五六七八九十]+）", t)
        return m.end() if m else 0
    if t.startswith("央视网消息"):
        return len("央视网消息（新闻联播）：")
    return 0


def word_tokens(text: str) -> list[tuple[int, str]]:
    """jieba's words with their offsets."""
    pos = 0
    toks = []
    for w in jieba.cut(text):
        toks.append((pos, w))
        pos += len(w)
    return toks


def inject(blocks: list[Block], rng: random.Random) -> tuple[list[Block], list[Gold]]:
    """B's blocks (cells, with the edits in) and the gold list; a gold ``a_ref`` is a
    (block, offset) of the clean text."""
    B = cells_of(blocks)
    gold: list[Gold] = []
    paras = [i for i, b in enumerate(B) if b["kind"] == "para"]
    cand = [i for i in paras if B[i]["role"] in ("p", "law") and len(B[i]["text"]) >= 25 and i != paras[0]]
    omitted = None
    if cand:
        omitted = rng.choice(cand)
        gold.append({"type": "omit_para", "a_ref": (omitted, 0), "a_len": len(B[omitted]["text"]),
                     "a_text": B[omitted]["text"], "b_text": ""})
    used: dict[int, list[tuple[int, int]]] = {}  # block -> spans taken (clean offsets)

    def free(bi: int, s: int, e: int) -> bool:
        return all(not (s < y + 12 and e + 12 > x) for x, y in used.get(bi, []))

    def reserve(bi: int, s: int, e: int) -> None:
        used.setdefault(bi, []).append((s, e))

    def pick_span(n: int, need: Callable[[str, str, int], bool] | None = None) -> Ref | None:
        for _ in range(400):
            bi = rng.choice([i for i in paras if i != omitted])
            t = blocks[bi]["text"]
            lo = body_start(blocks[bi]) + 2
            hi = len(t) - n - 2
            if hi <= lo:
                continue
            s = rng.randint(lo, hi)
            span = t[s:s + n]
            if not all(CJK.match(c) for c in t[s - 1:s + n + 1]):
                continue  # Chinese characters on both sides: no digit or punctuation
            if need and not need(span, t, s):
                continue
            if free(bi, s, s + n):
                return bi, s
        return None

    def pick_words(found_in: Callable[[int, str], list[tuple[int, int, tuple[str, ...]]]],
                   ) -> tuple[int, int, tuple[str, ...]] | None:
        """A paragraph's (block, start, words) of what ``found_in`` finds there (start,
        length, words), the first free one in a shuffled order; up to 200 paragraphs."""
        for _ in range(200):
            bi = rng.choice([i for i in paras if i != omitted])
            found = found_in(bi, blocks[bi]["text"])
            rng.shuffle(found)
            for p, n, words in found:
                if free(bi, p, p + n):
                    return bi, p, words
        return None

    def one_word(bi: int, t: str) -> list[tuple[int, int, tuple[str, ...]]]:
        return [(p, len(w), (w,)) for p, w in word_tokens(t)
                if 2 <= len(w) <= 4 and all(CJK.match(c) for c in w)
                and p >= body_start(blocks[bi]) + 2 and p + len(w) <= len(t) - 2
                and p > 0 and CJK.match(t[p - 1]) and p + len(w) < len(t)
                and CJK.match(t[p + len(w)])]

    def two_words(bi: int, t: str) -> list[tuple[int, int, tuple[str, ...]]]:
        toks = word_tokens(t)
        return [(p1, 4, (w1, w2)) for (p1, w1), (p2, w2) in itertools.pairwise(toks)
                if len(w1) == 2 and len(w2) == 2 and w1 != w2
                and all(CJK.match(x) for x in w1 + w2)
                and p1 >= body_start(blocks[bi]) + 2 and p2 + 2 <= len(t) - 2
                and CJK.match(t[p1 - 1]) and CJK.match(t[p2 + 2])]

    ops = ["sub1", "sub1", "word", "drop", "swap", "trad", "add"]
    rng.shuffle(ops)
    edits: list[tuple[int, int, int, str, Gold]] = []  # (block, start, end, new text, gold)
    for op in ops:
        if op == "sub1":
            r = pick_span(1)
            if not r:
                continue
            bi, s = r
            old = blocks[bi]["text"][s]
            new = rng.choice([c for c in SUB_POOL
                              if c != old and T2S.convert(c) != old and S2T.convert(old) != c])
            edits.append((bi, s, s + 1, new, {"type": "sub1", "a_text": old, "b_text": new}))
            reserve(bi, s, s + 1)
        elif op == "word":
            picked = pick_words(one_word)
            if not picked:
                continue
            bi, p, (w,) = picked
            new = rng.choice([x for x in WORD_POOL if not set(x) & set(w)])
            edits.append((bi, p, p + len(w), new, {"type": "word", "a_text": w, "b_text": new}))
            reserve(bi, p, p + len(w))
        elif op == "drop":
            r = pick_span(1, need=lambda sp, t, s: t[s - 1] != sp and t[s + 1] != sp)
            if not r:
                continue
            bi, s = r
            edits.append((bi, s, s + 1, "", {"type": "drop", "a_text": blocks[bi]["text"][s], "b_text": ""}))
            reserve(bi, s, s + 1)
        elif op == "swap":
            picked = pick_words(two_words)
            if not picked:
                continue
            bi, p1, (w1, w2) = picked
            edits.append((bi, p1, p1 + 4, w2 + w1, {"type": "swap", "a_text": w1 + w2, "b_text": w2 + w1}))
            reserve(bi, p1, p1 + 4)
        elif op == "trad":
            r = pick_span(1, need=lambda sp, t, s: S2T.convert(sp) != sp)
            if not r:
                continue
            bi, s = r
            old = blocks[bi]["text"][s]
            edits.append((bi, s, s + 1, S2T.convert(old),
                          {"type": "trad", "a_text": old, "b_text": S2T.convert(old)}))
            reserve(bi, s, s + 1)
        elif op == "add":  # after a 。 inside a paragraph
            found3 = None
            for _ in range(200):
                bi = rng.choice([i for i in paras if i != omitted])
                t = blocks[bi]["text"]
                cand2 = [m.end() for m in re.finditer("。", t)
                         if 10 < m.end() < len(t) - 5 and t[m.end()] not in "”’）》"]
                rng.shuffle(cand2)
                for s in cand2:
                    if free(bi, s, s):
                        found3 = (bi, s)
                        break
                if found3:
                    break
            if not found3:
                continue
            bi, s = found3
            new = rng.choice(EXTRA_SENTS)
            edits.append((bi, s, s, new, {"type": "add_sent", "a_text": "", "b_text": new}))
            reserve(bi, s, s)
    # apply the edits to B's cells, right to left in each block
    for bi, s, e, new, g in sorted(edits, key=lambda x: (x[0], -x[1])):
        g["a_ref"] = (bi, s)
        g["a_len"] = e - s
        gid = len(gold)
        gold.append(g)
        cells = B[bi]["cells"]
        newcells = [[ch, None, gid] for ch in new]
        if not new:  # a deletion: the character after it is the anchor in B
            cells[e][2] = ("anchor", gid) if cells[e][2] is None else cells[e][2]
        cells[s:e] = newcells
    if omitted is not None:
        # the omission's anchor in B: the first cell of the next block
        nxt = omitted + 1
        while nxt < len(B) and not B[nxt]["cells"]:
            nxt += 1
        if nxt < len(B):
            c0 = B[nxt]["cells"][0]
            if c0[2] is None:
                c0[2] = ("anchor", 0)
        B[omitted]["omitted"] = True
    return B, gold


# ---------------------------------------------------------------- layouts


class Writer:
    """Lines of (character, clean ref, tag), so every position is known."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, Ref | None, Any]]] = [[]]

    def put(self, ch: str, ref: Ref | None = None, tag: Any = None) -> None:
        self.lines[-1].append((ch, ref, tag))

    def puts(self, s: str) -> None:
        for ch in s:
            self.put(ch)

    def nl(self, n: int = 1) -> None:
        for _ in range(n):
            self.lines.append([])

    def text(self, newline: str = "\n") -> str:
        return newline.join("".join(c for c, _, _ in ln) for ln in self.lines) + newline

    def positions(self) -> tuple[dict[Ref, tuple[int, int]], dict[Any, list[tuple[int, int, str]]]]:
        """(line, column) of each clean ref's first copy, and of every tagged cell."""
        refpos: dict[Ref, tuple[int, int]] = {}
        tagpos: dict[Any, list[tuple[int, int, str]]] = {}
        for li, ln in enumerate(self.lines, 1):
            for ci, (ch, ref, tag) in enumerate(ln, 1):
                if ref is not None and ref not in refpos:
                    refpos[ref] = (li, ci)
                if tag is not None:
                    tagpos.setdefault(tag, []).append((li, ci, ch))
        return refpos, tagpos


def width(ch: str) -> float:
    return 0.5 if ch == " " or ord(ch) < 128 else 1.0


def space_digits(cells: list[Cell], rng: random.Random, p: float) -> list[Cell]:
    """Spaces around ASCII digit runs, as newspapers set them."""
    out: list[Cell] = []
    i = 0
    n = len(cells)
    while i < n:
        ch = cells[i][0]
        if ch.isascii() and ch.isdigit():
            j = i
            while j < n and (cells[j][0].isascii() and (cells[j][0].isdigit() or cells[j][0] in ".%")):
                j += 1
            sp = rng.random() < p
            if sp and out and out[-1][0] != " " and not re.match(r"[，。、：；（“]", out[-1][0]):
                out.append([" ", None, None])
            out.extend(cells[i:j])
            if sp and j < n and not re.match(r"[，。、：；）”%]", cells[j][0]):
                out.append([" ", None, None])
            i = j
        else:
            out.append(cells[i])
            i += 1
    return out


NOSTART = "，。、；：！？”）》％%"


def wrap(cells: list[Cell], W: int, first_w: int) -> list[list[Cell]]:
    lines: list[list[Cell]] = []
    cur: list[Cell] = []
    w = 0.0
    lim = first_w
    for c in cells:
        cw = width(c[0])
        if w + cw > lim + 1e-9 and cur and c[0] not in NOSTART:
            lines.append(cur)
            cur, w, lim = [], 0.0, W
            if c[0] == " ":
                continue
        cur.append(c)
        w += cw
    if cur:
        lines.append(cur)
    return lines


FURN_DOWN = ["（下转A03版）", "（下转第4版）", "（下转A2版）", "(下转6版)", "（下转第二版）"]
FURN_UP = ["（上接A01版）", "（上接第1版）", "(上接6版)", "（上接一版）", "（上接第一版）"]
CAP_CREDIT = ["新华社记者 李学仁 摄", "新华社记者 王晔 摄", "本报记者 张武军摄", "（新华社发）",
              "新华社发 （刘颖 摄）", "本报记者 郭俊锋摄"]


def caption_text(rng: random.Random) -> str:
    """A photo caption: the first clause of some story, and a credit."""
    _sid, _title, ps = pick_news(rng, min_paras=1, max_paras=30, min_len=50, max_len=100000)
    s = strip_prefix(ps[0])
    s = re.split(r"(?<=。)", s)[0]
    if len(s) > 45:
        s = re.split(r"(?<=，)", s)[0]
    s = s[:45].rstrip("，")
    form = rng.randrange(3)
    credit = rng.choice(CAP_CREDIT)
    if form == 0:
        return f"图为{s.rstrip('。')}。 {credit}"
    if form == 1:
        return f"▲{s.rstrip('。')}。 {credit}"
    return f"{s.rstrip('。')}。{credit}"


def render_a(blocks: list[Block], rng: random.Random, log: dict[str, Any]) -> Writer:
    """A: the newspaper column (also a copy with variants in: blocks with cells)."""
    W = rng.randint(13, 16)
    indent = rng.choice(["none", "fw2", "sp1"])
    digit_p = rng.choice([0.6, 0.9, 1.0])
    log["A_width"] = W
    log["A_indent"] = indent
    w = Writer()
    furn_left = 2
    cap_left = 1
    colbreak_p = rng.choice([0.3, 0.5])
    title = blocks[0]["text"]
    if len(title) > 16 and rng.random() < 0.5:
        k = len(title) // 2
        w.puts(title[:k])
        w.nl()
        w.puts(title[k:])
    else:
        w.puts(title)
    w.nl(2)
    dateline = rng.random() < 0.6 and log["source"] != "law"
    first_para = True
    paras_total = sum(1 for b in blocks if b["kind"] == "para")
    pcount = 0
    for bi, b in enumerate(blocks[1:], 1):
        if b.get("omitted"):
            continue
        if b["kind"] == "heading":
            for k, ch in enumerate(b["text"]):
                w.put(ch, (bi, k))
            w.nl(2)
            log.setdefault("A_headings", []).append(b["text"])
            continue
        pcount += 1
        # (a copy with variants in, from :func:`inject`, brings its own cells)
        cells: list[Cell] = ([list(c) for c in b["cells"]] if "cells" in b else
                             [[ch, (bi, k), None] for k, ch in enumerate(b["text"])])
        if first_para and dateline:
            form = rng.randrange(3)
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            city = rng.choice(["北京", "上海", "广州", "武汉", "成都"])
            if form == 0:
                w.puts(f" 据新华社{city} {m} 月 {d} 日电")
                w.nl()
                log["A_dateline"] = "ownline"
            else:
                pre = f"新华社{city}{m}月{d}日电 " if form == 1 else f"本报{city}{m}月{d}日电（记者王磊）"
                cells = [*([c, None, None] for c in pre), *cells]
                log["A_dateline"] = "prefix" if form == 1 else "prefix_byline"
        first_para = False
        cells = space_digits(cells, rng, digit_p)
        first_w = W - 2 if indent != "none" or rng.random() < 0.5 else W
        lines = wrap(cells, W, first_w)
        if indent == "fw2":
            w.puts("　　")
        elif indent == "sp1":
            w.put(" ")
        # where a column break falls inside the paragraph
        breaks = [k for k in range(len(lines) - 1)
                  if not re.match(r"[。！？”]", lines[k][-1][0])
                  and lines[k + 1][0][0] not in "，。、；：！？”）"]
        col = rng.choice(breaks) if breaks and rng.random() < colbreak_p else None
        just = None
        if rng.random() < 0.15 and len(lines) > 2:
            just = rng.randrange(len(lines) - 1)
        for k, ln in enumerate(lines):
            if k == just:
                for j, (ch, ref, tag) in enumerate(ln):
                    if j:
                        w.put(" ")
                    w.put(ch, ref, tag)
                log.setdefault("A_justified", []).append("".join(c[0] for c in ln))
            else:
                for ch, ref, tag in ln:
                    w.put(ch, ref, tag)
            if k == len(lines) - 1:
                break
            w.nl()
            if k == col:
                r = rng.random()
                if furn_left and r < 0.35:
                    furn_left -= 1
                    f1, f2 = rng.choice(FURN_DOWN), rng.choice(FURN_UP)
                    w.puts(f1)
                    w.nl(2)
                    w.puts(f2)
                    w.nl()
                    log.setdefault("A_events", []).append(f"midpara_furniture {f1}/{f2} block {bi}")
                elif cap_left and r < 0.5:
                    cap_left -= 1
                    w.nl()
                    w.puts(caption_text(rng))
                    w.nl(2)
                    log.setdefault("A_events", []).append(f"midpara_caption block {bi}")
                else:
                    w.nl()
                    log.setdefault("A_events", []).append(
                        f"colbreak block {bi} after {''.join(c[0] for c in ln)}")
        # end of the paragraph
        if furn_left and pcount == paras_total // 2 and rng.random() < 0.5:
            furn_left -= 1
            w.puts(" " + rng.choice(FURN_DOWN))
            log.setdefault("A_events", []).append(f"eol_furniture block {bi}")
        w.nl(2)
        if cap_left and pcount == 2 and rng.random() < 0.6:
            cap_left -= 1
            w.puts(caption_text(rng))
            w.nl(2)
            log.setdefault("A_events", []).append(f"caption after block {bi}")
        if furn_left and pcount == paras_total - 2 and rng.random() < 0.5:
            furn_left -= 1
            w.puts(rng.choice(FURN_UP))
            w.nl(2)
            log.setdefault("A_events", []).append(f"interpara_furniture after block {bi}")
    return w


def render_b(B: list[Block], rng: random.Random, log: dict[str, Any]) -> tuple[Writer, str]:
    """B: markdown, another hard wrap, or a paragraph to a line; and its line end."""
    style = rng.choice(["md", "wrap", "plain"])
    log["B_style"] = style
    w = Writer()
    bold = rng.random() < 0.7
    W = 0
    if style == "wrap":
        W = rng.choice([12, 17, 18, 20, 22])
        log["B_width"] = W
    for b in B:
        if b.get("omitted"):
            continue
        cells = b["cells"]
        if b["kind"] in ("title", "heading"):
            if style == "md":
                w.puts("# " if b["kind"] == "title" else "## ")
            for ch, ref, tag in cells:
                w.put(ch, ref, tag)
            w.nl(1 if b["kind"] == "heading" and style == "plain" else 2)
            continue
        role = b.get("role")
        if style == "md":
            if role in ("q", "a") and bold:
                k = next(i for i, c in enumerate(cells) if c[0] == "：")
                w.puts("**")
                end = k if rng.random() < 0.5 else k + 1
                for ch, ref, tag in cells[:end]:
                    w.put(ch, ref, tag)
                w.puts("**")
                cells = cells[end:]
            elif role == "law" and bold:
                m = re.match(r"第[一二三四五六七八九十百零]+条", "".join(c[0] for c in cells))
                if m:
                    w.puts("**")
                    for ch, ref, tag in cells[:m.end()]:
                        w.put(ch, ref, tag)
                    w.puts("**")
                    cells = cells[m.end():]
            for ch, ref, tag in cells:
                w.put(ch, ref, tag)
            w.nl(2)
        elif style == "plain":
            w.puts("　　")
            for ch, ref, tag in cells:
                w.put(ch, ref, tag)
            w.nl()
        else:
            for ln in wrap([list(c) for c in cells], W, W - 2):
                for ch, ref, tag in ln:
                    w.put(ch, ref, tag)
                w.nl()
            w.nl()
    return w, rng.choice(["\n", "\n", "\r\n"]) if style == "plain" else "\n"


def generate(source: str, index: int, seed: int, outdir: Path) -> tuple[dict[str, Any], list[Gold]]:
    """Write outdir/a.txt and b.txt; return the log and the gold variants with their lines."""
    rng = random.Random(f"{source}-{index}-{seed}")
    make = {"news": doc_news, "qa": doc_qa, "law": doc_law}[source]
    sid, blocks = make(rng)
    log: dict[str, Any] = {"source": source, "story": sid, "seed": seed}
    B, gold = inject(blocks, rng)
    wa = render_a(blocks, rng, log)
    wb, nlb = render_b(B, rng, log)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "a.txt").write_text(wa.text(), encoding="utf-8", newline="")
    (outdir / "b.txt").write_text(wb.text(nlb), encoding="utf-8", newline="")
    arefpos, _ = wa.positions()
    brefpos, btagpos = wb.positions()
    out = []
    for gid, g in enumerate(gold):
        bi, s = g["a_ref"]
        apos = arefpos.get((bi, s))
        if apos is None:  # an insertion at the end of a paragraph
            apos = arefpos.get((bi, s - 1))
        tagged = btagpos.get(gid) or btagpos.get(("anchor", gid))
        bpos = tagged[0][:2] if tagged else None
        if bpos is None and g["type"] == "drop":
            bpos = brefpos.get((bi, s + 1))
        out.append({"id": gid, "type": g["type"], "a_text": g["a_text"], "b_text": g["b_text"],
                    "a_line": apos[0] if apos else None, "a_col": apos[1] if apos else None,
                    "b_line": bpos[0] if bpos else None, "b_col": bpos[1] if bpos else None,
                    "a_block": bi})
    log["headings"] = [b["text"] for b in blocks if b["kind"] in ("title", "heading")]
    return log, out


# ---------------------------------------------------------------- scoring

PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》〈〉…—\-·,.;:!?()\"'*#▲]")


def norm(s: str | None) -> str:
    return PUNCT.sub("", s or "")


def overlap(x: str, y: str) -> bool:
    """Share a run of half the shorter text (2 to 8 characters), punctuation aside."""
    x, y = norm(x), norm(y)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    k = max(2, min(8, min(len(x), len(y)) // 2))
    return any(x[i:i + k] in y for i in range(len(x) - k + 1))


def near(a: int | None, b: int | None, tol: int = 2) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol


def contain(x: str, y: str) -> bool:
    x, y = norm(x), norm(y)
    return bool(x) and bool(y) and (x in y or y in x)


def explains(v: dict[str, Any], g: Gold) -> bool:
    """Does the reported variant v explain the gold variant g?"""
    pos_ok = near(v.get("a_start_line"), g["a_line"]) or near(v.get("b_start_line"), g["b_line"])
    if g["type"] == "omit_para":
        return (v["kind"] in ("omission", "deletion", "move") and overlap(v["a_text"], g["a_text"])
                and near(v.get("a_start_line"), g["a_line"], 3))
    if g["type"] == "add_sent":
        return overlap(v["b_text"], g["b_text"]) and pos_ok
    if not pos_ok:
        return False
    if g["type"] == "drop":
        return norm(g["a_text"]) in norm(v["a_text"])
    return contain(g["a_text"], v["a_text"]) and contain(g["b_text"], v["b_text"])


def classify_noise(text: str | None) -> str:
    t = text or ""
    if re.search(r"[下上]转|[上紧]?接.{0,3}版", t):
        return "furniture"
    if re.search(r"摄|新华社发|^图为|▲", t):
        return "caption"
    if re.search(r"电（记者|\d+\s*月\s*\d+\s*日电|日电", t):
        return "dateline"
    if re.fullmatch(r"[\s\d]+", t) or (t and not norm(t)):
        return "space/punct"
    return "other"


def score_report(report: Report, gold: list[Gold]) -> dict[str, Any]:
    """Found gold variants and spurious items of a JSON report (``compare -f json``'s)."""
    hit: dict[int, list[str]] = {}
    spurious: list[dict[str, Any]] = []
    n_reported = 0
    for p in report.get("pairs", []):
        for v in p["variants"]:
            n_reported += 1
            gs = [g for g in gold if explains(v, g)]
            for g in gs:
                hit.setdefault(g["id"], []).append(v["kind"])
            if not gs:
                spurious.append({"where": "variant", "kind": v["kind"], "a": v["a_text"], "b": v["b_text"],
                                 "a_line": v["a_start_line"], "b_line": v["b_start_line"],
                                 "context": v.get("context"),
                                 "cls": classify_noise(v["a_text"] + v["b_text"])})
    for r in report.get("unpaired", []):
        n_reported += 1
        u = r["unit"]
        if u["kind"] in ("heading", "furniture"):
            continue  # allowed: layout-only units listed on their own
        txt = u.get("text", "")
        gs = [g for g in gold if g["type"] == "omit_para" and r["doc"] == 0
              and (norm(g["a_text"])[:20] in norm(txt) or norm(txt) in norm(g["a_text"]))
              and len(norm(txt)) <= len(norm(g["a_text"])) + 5]
        for g in gs:
            hit.setdefault(g["id"], []).append("unpaired")
        if not gs:
            spurious.append({"where": "unpaired", "doc": r["doc"], "kind": u["kind"], "text": txt[:80],
                             "lines": (u["start_line"], u["end_line"]), "cls": classify_noise(txt)})
    missed = [g for g in gold if g["id"] not in hit]
    return {"n_gold": len(gold), "n_hit": len(gold) - len(missed), "missed": missed,
            "kinds": {g["type"]: hit.get(g["id"]) for g in gold}, "spurious": spurious,
            "n_reported": n_reported}


def line_of(starts: list[int], offset: int) -> int:
    """1-based line of a character offset, given the offsets where lines start."""
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


def difflib_report(a: str, b: str) -> Report:
    """The baseline: SequenceMatcher's non-equal opcodes as variants, in the report's shape."""
    kinds = {"replace": "substitution", "delete": "deletion", "insert": "insertion"}
    sa = [0, *(m.end() for m in re.finditer("\n", a))]
    sb = [0, *(m.end() for m in re.finditer("\n", b))]
    variants = [{"kind": kinds[tag], "a_text": a[i1:i2], "b_text": b[j1:j2],
                 "a_start_line": line_of(sa, i1), "b_start_line": line_of(sb, j1)}
                for tag, i1, i2, j1, j2 in
                difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    return {"pairs": [{"variants": variants}], "unpaired": []}


# ---------------------------------------------------------------- running


@dataclass
class Case:
    name: str
    source: str
    gold: list[Gold]
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    crashes: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def run_case(source: str, index: int, seed: int, root: Path, keep: bool) -> Case:
    d = root / f"{source}_{index:03d}_s{seed}"
    started = time.perf_counter()
    log, gold = generate(source, index, seed, d)
    case = Case(d.name, source, gold)
    case.seconds["generate"] = time.perf_counter() - started
    started = time.perf_counter()
    try:
        report = comparison_json(compare(str(d / "a.txt"), str(d / "b.txt")))
    except Exception:
        case.crashes["variantdiff"] = traceback.format_exc()[-2000:]
        report = None
    case.seconds["variantdiff"] = time.perf_counter() - started
    if report is not None:
        case.scores["variantdiff"] = score_report(report, gold)
    started = time.perf_counter()
    a = (d / "a.txt").read_text(encoding="utf-8")
    b = (d / "b.txt").read_text(encoding="utf-8")
    case.scores["difflib"] = score_report(difflib_report(a, b), gold)
    case.seconds["difflib"] = time.perf_counter() - started
    if keep:
        (d / "gold.json").write_text(json.dumps({"meta": log, "gold": gold}, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
        if report is not None:
            (d / "out.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        (d / "score.json").write_text(json.dumps({"case": d.name, "meta": log, "scores": case.scores,
                                                  "crashes": case.crashes}, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    return case


def ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "-"


def figures(cases: list[Case], method: str) -> dict[str, str]:
    """The printed figures of one method over some cases (crashed pairs left out)."""
    ok = [c for c in cases if method in c.scores]
    sc = [c.scores[method] for c in ok]
    found, reported = Counter[str](), Counter[str]()
    gold_n, hit_n = Counter[str](), Counter[str]()
    for c, s in zip(ok, sc, strict=True):
        missed = {g["id"] for g in s["missed"]}
        for g in c.gold:
            for key in (g["type"], c.source, "all"):
                gold_n[key] += 1
                hit_n[key] += g["id"] not in missed
        for key in (c.source, "all"):
            reported[key] += s["n_reported"]
            found[key] += s["n_reported"] - len(s["spurious"])
    out = {"recall": ratio(hit_n["all"], gold_n["all"]), "precision": ratio(found["all"], reported["all"])}
    for t in TYPES:
        out[f"recall {t}"] = ratio(hit_n[t], gold_n[t])
    for src in SOURCES:
        out[f"recall {src}"] = ratio(hit_n[src], gold_n[src])
        out[f"precision {src}"] = ratio(found[src], reported[src])
    spur = Counter((s["where"], s["cls"]) for x in sc for s in x["spurious"])
    for where in ("variant", "unpaired"):
        for cls in ("furniture", "caption", "dateline", "space/punct", "other"):
            out[f"spurious {where} {cls}"] = str(spur[(where, cls)])
    out["crashes"] = str(len(cases) - len(ok))
    out["time (s)"] = f"{sum(c.seconds[method] for c in cases):.1f}"
    return out


def print_table(title: str, cases: list[Case]) -> None:
    cols = {m: figures(cases, m) for m in METHODS}
    print(f"\n{title}")
    print(f"  {'':28s} {'variantdiff':>22s} {'difflib':>22s}")
    for key in cols["variantdiff"]:
        if key.startswith("spurious") and all(cols[m][key] == "0" for m in METHODS):
            continue
        print(f"  {key:28s} {cols['variantdiff'][key]:>22s} {cols['difflib'][key]:>22s}")


def summary_line(label: str, cases: list[Case]) -> str:
    parts = []
    for m in METHODS:
        f = figures(cases, m)
        parts.append(f"{m} recall {f['recall']}, precision {f['precision']}")
    return f"{label}: " + "; ".join(parts)


def print_misses(cases: list[Case]) -> None:
    """variantdiff's imperfect pairs, one line each."""
    for c in cases:
        if "variantdiff" in c.crashes:
            print(f"  {c.name}: CRASH {c.crashes['variantdiff'].strip().splitlines()[-1]}")
            continue
        s = c.scores["variantdiff"]
        items = [f"missed {g['type']} {g['a_text'][:12]}/{g['b_text'][:12]} "
                 f"(A {g['a_line']}, B {g['b_line']})" for g in s["missed"]]
        for x in s["spurious"]:
            if x["where"] == "variant":
                items.append(f"spurious {x['kind']} {x['a'][:12]!r}/{x['b'][:12]!r} ({x['cls']})")
            else:
                items.append(f"spurious unpaired {x['kind']} in {'AB'[x['doc']]} "
                             f"{x['text'][:16]!r} ({x['cls']})")
        if items:
            print(f"  {c.name}: " + "; ".join(items))


def seeds_arg(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def run_seed(seed: int, counts: Iterable[tuple[str, int]], root: Path, keep: bool) -> list[Case]:
    return [run_case(src, i, seed, root, keep) for src, n in counts for i in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=seeds_arg, default=[1, 2], help="comma-separated (default 1,2)")
    parser.add_argument("--n-qa", type=int, default=30)
    parser.add_argument("--n-news", type=int, default=25)
    parser.add_argument("--n-law", type=int, default=15)
    parser.add_argument("--keep", metavar="DIR", help="write the pairs here and keep them")
    args = parser.parse_args()
    if not STORIES.is_file() or not LAWS.is_file():
        print(f"messy_bench: {STORIES} or {LAWS} not found (the data is not part of the "
              "repository); nothing to measure")
        return 0
    jieba.setLogLevel(60)
    started = time.perf_counter()
    counts = (("qa", args.n_qa), ("news", args.n_news), ("law", args.n_law))
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="messy_bench_"))
    print(f"messy reprint pairs: seeds {','.join(map(str, args.seeds))}, "
          f"{args.n_qa} qa + {args.n_news} news + {args.n_law} law pairs per seed; "
          f"Python {platform.python_version()}; pairs in {root}"
          f"{'' if args.keep else ' (removed at the end)'}")
    every: list[Case] = []
    lines = []
    try:
        for seed in args.seeds:
            seed_started = time.perf_counter()
            cases = run_seed(seed, counts, root, bool(args.keep))
            every += cases
            print_table(f"seed {seed}: {len(cases)} pairs, {sum(len(c.gold) for c in cases)} gold variants, "
                        f"{time.perf_counter() - seed_started:.1f} s "
                        f"(generating {sum(c.seconds['generate'] for c in cases):.1f} s)", cases)
            print("  variantdiff's pairs with a miss or a spurious item:")
            print_misses(cases)
            lines.append(summary_line(f"seed {seed}", cases))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if len(args.seeds) > 1:
        print_table(f"all seeds: {len(every)} pairs", every)
        lines.append(summary_line("all", every))
    print()
    for line in lines:
        print(line)
    print(f"wall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
