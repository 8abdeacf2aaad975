"""Throughput, memory and pair accuracy of ``cluster`` on real corpora, beside a datasketch baseline.

Run from the repository root with the Python that has variantdiff installed::

    python benchmarks/cluster_bench.py [--sizes 10,30,100] [--baseline-sizes 10] [--repeat 3]
                                       [--skip-baseline] [--skip-poetry] [--poetry FILE]

Corpus: ``../shared/data/corpus/xwlb_stories.jsonl`` and ``laws.jsonl`` (one document per
record, path ``FILE#ID``), plus an injected reprint of one xwlb story in 50 (the stories
whose SHA-1 of the id is 0 mod 50): every paragraph hard-wrapped at 14 characters a line
with spaces around digit runs (``reprints._wrap``), a blank line between paragraphs, one
character changed about every 200 characters and, in stories of 600 characters or more,
one sentence dropped. The gold pairs are (story, its reprint).

Each size (MB = 10^6 UTF-8 bytes of the texts) is a deterministic prefix of both corpora,
interleaved in proportion to their sizes, with the reprints of the stories it includes
(counted in the size); a size beyond the corpus takes everything. Each size and engine
runs in a fresh process (``--one SIZE --engine variantdiff|baseline``, one JSON line out),
so that its memory is its own. At the sizes the baseline runs on, each engine runs
``--repeat`` times (3 by default), the two by turns, and the run with the median grouping
time of each (of an even number, the lower of the middle two) is the one reported, with
all the times beside it: the time of one run moves by as much as a fifth with the load of
the machine. variantdiff runs at those sizes even when ``--sizes`` leaves them out.
Peak memory is the largest sum, sampled up to twenty
times a second during the run (less often when a sample takes long: the sampler keeps to
about 5% of one core), of the PSS of the process and its workers (pages a forked worker
shares with the process count once), or the process's own peak RSS if that is larger;
beside it, ``ru_maxrss`` of the process itself and of its largest finished child (a
forked worker's RSS counts every page it touches, those it shares with the process
included).

* variantdiff: ``prepare_all(sources, Config(), jobs=2)``, ``stock_units``,
  ``edges_local(..., jobs=2)``, ``unit_groups`` (links, stock units left out, short units
  of copies, as ``cluster`` does) → the grouping time (MB/s); ``assemble(..., jobs=2)``
  (the groups again, collation of every group,
  boilerplate) is timed apart, since its cost follows the number of groups.
* baseline: the same units (``build_document``; kinds qa/speech/text; key
  ``match_key(unit.text)``), one ``datasketch.MinHash(num_perm=128)`` per unit fed every
  3-character shingle, ``MinHashLSH(threshold=0.5)``: insert all, query each, an edge when
  the MinHash Jaccard estimate is ≥ 0.5, union–find. One process; its time includes
  segmentation (shown apart).

Pair accuracy: a predicted document pair is two documents with units in one group; recall
= share of gold pairs predicted; precision = among predicted pairs with at least one
reprint in them, the share that are gold pairs. Since one shared unit makes a pair, the
same is also given for *strong* pairs (the shared groups hold at least half of the
reprint's key), with the count of strong non-gold pairs whose documents (the original in
place of the reprint) pass the pair rule as whole texts.

Poetry: ``../shared/data/real/poetry_sample.jsonl`` (or ``--poetry FILE``, e.g. the whole
``poetry_clusters.jsonl``), whole poems as units (``prepare_all(..., whole=True)``,
``edges_local``, ``unit_groups``; collation timed apart); pairwise precision, recall and F1
of document pairs against the ``cluster`` field, and the recall over the gold pairs whose
texts (match keys in simplified characters) are at least 60% alike character by
character: the gold clusters were matched automatically, and some hold different poems
(a set of poems under one title, a collection's whole chapter).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shlex
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import reprints  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

import variantdiff  # noqa: E402
from variantdiff.chars import match_key  # noqa: E402
from variantdiff.cluster import (  # noqa: E402
    assemble,
    build_document,
    edges_local,
    prepare_all,
    stock_units,
    unit_groups,
)
from variantdiff.config import Config  # noqa: E402
from variantdiff.load import Source  # noqa: E402
from variantdiff.script import keys_to_simplified  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CORPORA = (DATA / "corpus" / "xwlb_stories.jsonl", DATA / "corpus" / "laws.jsonl")
POETRY = DATA / "real" / "poetry_sample.jsonl"
#: gold poetry pairs at least this alike as texts are the ones any tool should find
ALIKE = 0.6
MB = 1_000_000
#: one story in this many gets a reprint
REPRINT_EVERY = 50
#: characters a line in the reprints
WRAP_CHARS = 14
#: one changed character per this many characters
CHARS_PER_CHANGE = 200
#: stories this long or longer lose one sentence in their reprint
DROP_MIN_CHARS = 600
#: a strong pair: the groups a reprint shares with a document hold this share of its key
STRONG_SHARE = 0.5
JOBS = 2
#: how long a child process may take
CHILD_TIMEOUT = 1800

_SENTENCE = re.compile(r".*?[。！？]+[”’」』）)》]*", re.S)
_CJK = re.compile(r"[\u4e00-\u9fff]")


# --- corpus -----------------------------------------------------------------------------

@dataclass
class Corpus:
    sources: list[Source]
    #: reprint document index -> original document index
    gold: dict[int, int]
    nbytes: int
    #: the whole corpus was taken
    everything: bool
    stories: int
    laws: int


def _read_jsonl(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if isinstance(text, str) and text.strip():
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                out.append((str(record.get("id", n)), text))
    return out


def _sampled(doc_id: str) -> bool:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % REPRINT_EVERY == 0


def make_reprint(doc_id: str, text: str) -> str:
    """The newspaper reprint of a story: changed characters, a dropped sentence, hard wraps."""
    rng = random.Random(f"reprint:{doc_id}")
    chars = list(text)
    pool = sorted({c for c in text if _CJK.match(c)})
    for lo in range(0, len(chars), CHARS_PER_CHANGE):
        start = lo + rng.randrange(CHARS_PER_CHANGE)
        at = next((i for i in range(start, min(lo + CHARS_PER_CHANGE, len(chars)))
                   if _CJK.match(chars[i])), None)
        if at is None or len(pool) < 2:
            continue
        chars[at] = rng.choice([c for c in pool if c != chars[at]][:200])
    paragraphs = "".join(chars).split("\n")
    if len(text) >= DROP_MIN_CHARS:
        spots = []
        for p, para in enumerate(paragraphs):
            sentences = [m.group() for m in _SENTENCE.finditer(para)]
            if len(sentences) >= 2 and "".join(sentences) == para:
                spots.extend((p, s) for s in range(1, len(sentences)))
        if spots:
            p, s = rng.choice(spots)
            sentences = [m.group() for m in _SENTENCE.finditer(paragraphs[p])]
            paragraphs[p] = "".join(sentences[:s] + sentences[s + 1:])
    blocks = []
    for para in paragraphs:
        if para.strip():
            blocks.append("\n".join(line for line, _ in reprints._wrap(para, 2 * WRAP_CHARS)))
    return "\n\n".join(blocks) + "\n"


def load_corpus(target_mb: float) -> Corpus:
    """A deterministic prefix of both corpora (interleaved by their sizes) of about
    ``target_mb`` MB, with the reprints of the stories it takes (counted in the size)."""
    stories_path, laws_path = CORPORA
    stories = _read_jsonl(stories_path)
    laws = _read_jsonl(laws_path)
    items: list[list[tuple[str, str, str | None]]] = [[], []]  # (path, text, reprint)
    for doc_id, text in stories:
        items[0].append((f"{stories_path.name}#{doc_id}", text,
                         make_reprint(doc_id, text) if _sampled(doc_id) else None))
    for doc_id, text in laws:
        items[1].append((f"{laws_path.name}#{doc_id}", text, None))

    def size(item: tuple[str, str, str | None]) -> int:
        return len(item[1].encode("utf-8")) + (len(item[2].encode("utf-8")) if item[2] else 0)

    sizes = [[size(x) for x in items[0]], [size(x) for x in items[1]]]
    totals = [sum(s) for s in sizes]
    target = target_mb * MB
    taken = [0, 0]
    done = [0, 0]
    nbytes = 0
    while nbytes < target and (taken[0] < len(items[0]) or taken[1] < len(items[1])):
        if taken[1] >= len(items[1]) or (taken[0] < len(items[0])
                                         and done[0] / totals[0] <= done[1] / totals[1]):
            k = 0
        else:
            k = 1
        nbytes += sizes[k][taken[k]]
        done[k] += sizes[k][taken[k]]
        taken[k] += 1
    everything = taken[0] == len(items[0]) and taken[1] == len(items[1])
    sources: list[Source] = []
    originals: list[tuple[int, str, str]] = []
    for k in (0, 1):
        for path, text, reprint in items[k][:taken[k]]:
            if reprint is not None:
                originals.append((len(sources), path, reprint))
            sources.append(Source(path, text, "utf-8"))
    gold = {}
    for index, path, reprint in originals:
        gold[len(sources)] = index
        sources.append(Source(f"reprint:{path}", reprint, "utf-8"))
    return Corpus(sources, gold, nbytes, everything, taken[0], taken[1])


# --- scoring ------------------------------------------------------------------------------

def score_reprints(groups: Sequence[Sequence[int]], unit_doc: Sequence[int],
                   unit_size: Sequence[int], gold: dict[int, int],
                   sources: Sequence[Source]) -> dict[str, Any]:
    """Recall of the gold pairs, precision over predicted pairs with a reprint in them.

    ``groups`` are lists of unit numbers; ``unit_doc``/``unit_size`` give each unit's
    document and size (shingles). Besides the pair rule of the brief (any shared group),
    a *strong* pair is one whose shared groups hold at least half of the reprint's key.
    """
    predicted: set[tuple[int, int]] = set()
    covered: dict[tuple[int, int], int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for x, d in enumerate(unit_doc):
        if d in gold:
            total[d] += unit_size[x]
    largest = 0
    for units in groups:
        docs = {unit_doc[x] for x in units}
        largest = max(largest, len(docs))
        for r in docs.intersection(gold):
            mine = sum(unit_size[x] for x in units if unit_doc[x] == r)
            for d in docs:
                if d != r:
                    predicted.add((min(r, d), max(r, d)))
                    covered[(r, d)] += mine
    strong = {(min(r, d), max(r, d)) for (r, d), n in covered.items()
              if n >= STRONG_SHARE * max(total[r], 1)}
    gold_pairs = {(min(o, r), max(o, r)) for r, o in gold.items()}
    hits = predicted & gold_pairs
    strong_hits = strong & gold_pairs
    wrong = sorted(predicted - gold_pairs)
    strong_wrong = sorted(strong - gold_pairs)
    alike = sum(_alike(sources[gold.get(a, a)].text,
                       sources[gold.get(b, b)].text) for a, b in strong_wrong)
    return {
        "gold_pairs": len(gold_pairs), "predicted_with_reprint": len(predicted),
        "hits": len(hits),
        "recall": len(hits) / len(gold_pairs) if gold_pairs else None,
        "precision": len(hits) / len(predicted) if predicted else None,
        "strong_predicted": len(strong), "strong_hits": len(strong_hits),
        "strong_recall": len(strong_hits) / len(gold_pairs) if gold_pairs else None,
        "strong_precision": len(strong_hits) / len(strong) if strong else None,
        "groups": len(groups), "largest_group_docs": largest,
        "missed": [sources[r].path for r, o in sorted(gold.items())
                   if (min(o, r), max(o, r)) not in hits][:5],
        "false": [(sources[a].path, sources[b].path) for a, b in wrong[:3]],
        "strong_false": [(sources[a].path, sources[b].path) for a, b in strong_wrong[:5]],
        "strong_false_alike": alike,
    }


def _alike(a: str, b: str) -> bool:
    """Two whole documents pass compare's pair rule on their 3-shingle sets (Jaccard ≥ 0.5,
    or containment ≥ 0.8 with the smaller at least 15% of the larger)."""
    sa, sb = ({k[i:i + 3] for i in range(max(len(k) - 2, 1))} for k in (match_key(a), match_key(b)))
    shared = len(sa & sb)
    small, large = sorted((len(sa), len(sb)))
    return shared / max(len(sa | sb), 1) >= 0.5 or (
        small >= 0.15 * large and shared / max(small, 1) >= 0.8)


def pair_f1(groups: Iterable[set[int]], labels: Sequence[str],
            sources: Sequence[Source], alike: float = 0.0) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of document pairs against gold labels; with
    ``alike``, also the recall over the gold pairs whose match keys (in simplified
    characters) are at least that alike character by character."""
    predicted: set[tuple[int, int]] = set()
    for docs in groups:
        members = sorted(docs)
        predicted.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    by_label: dict[str, list[int]] = defaultdict(list)
    for d, label in enumerate(labels):
        by_label[label].append(d)
    gold = {(a, b) for members in by_label.values()
            for i, a in enumerate(members) for b in members[i + 1:]}
    hits = len(predicted & gold)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(gold) if gold else 0.0

    def show(pairs: set[tuple[int, int]]) -> list[str]:
        return [f"{sources[a].path} {sources[a].text[:16]!r} ~ {sources[b].path} "
                f"{sources[b].text[:16]!r}" for a, b in sorted(pairs)[:3]]

    scores = {"gold_pairs": len(gold), "predicted_pairs": len(predicted), "hits": hits,
              "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
              "missed": show(gold - predicted), "false": show(predicted - gold)}
    if alike:
        keys = keys_to_simplified([match_key(s.text) for s in sources])
        close = {pair for pair in gold
                 if fuzz.ratio(keys[pair[0]], keys[pair[1]]) >= 100 * alike}
        found = len(close & predicted)
        scores.update(alike_gold=len(close), alike_hits=found,
                      alike_recall=found / len(close) if close else 0.0)
    return scores


class TreeMemory:
    """Peak memory of this process and its children together, sampled every
    ``interval`` seconds: the sum of their PSS (proportional set size: a page shared by k
    processes counts 1/k in each), so pages that forked workers share with this process
    are counted once. A sample can miss a short peak between two; :func:`one` reports the
    larger of this and the process's own peak RSS. Linux only (``/proc/PID/smaps_rollup``
    and ``/proc/PID/task/TID/children``); elsewhere the peak stays 0.

    The kernel works out a PSS by walking the process's pages: while the 87 MB were
    grouped, a sample of the process and its two workers took 60 ms on average, so
    sampling every 50 ms kept about half a core of this 2-core machine from the run it
    measured. The wait after a sample is therefore at least ``1 / SHARE`` times as long
    as the sample took."""

    #: the share of one core the sampler may take
    SHARE = 0.05

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            started = time.perf_counter()
            self.peak_mb = max(self.peak_mb, self.sample())
            took = time.perf_counter() - started
            if self._stop.wait(max(self.interval, took / self.SHARE)):
                return

    @staticmethod
    def sample() -> float:
        total = 0
        for pid in [os.getpid(), *TreeMemory._children(os.getpid())]:
            try:
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                    for line in handle:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
                            break
            except OSError:  # not Linux, or the process has just ended
                continue
        return total / 1024

    @staticmethod
    def _children(pid: int) -> list[int]:
        out: list[int] = []
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return out
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                    kids = [int(x) for x in handle.read().split()]
            except OSError:
                continue
            for kid in kids:
                out.extend([kid, *TreeMemory._children(kid)])
        return out


def rss() -> dict[str, float]:
    """Peak RSS in MB of this process and of its largest finished child."""
    scale = 1024 if sys.platform != "darwin" else 1  # ru_maxrss is KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return {"rss_self_mb": own / 2**20, "rss_children_mb": kids / 2**20}


# --- one run (child process) ----------------------------------------------------------------

def run_variantdiff(corpus: Corpus) -> dict[str, Any]:
    config = Config()
    sources = corpus.sources
    t0 = time.perf_counter()
    prepared = prepare_all(sources, config, jobs=JOBS)
    t1 = time.perf_counter()
    after_prepare = rss()
    stock = stock_units(prepared, config)
    infos, edges = edges_local(prepared, config, jobs=JOBS)
    t2 = time.perf_counter()
    components = unit_groups(infos, [t for p in prepared for t in p.texts], edges, stock,
                             config)
    t3 = time.perf_counter()
    grouped = rss()
    t4 = time.perf_counter()
    clustering = assemble(sources, prepared, infos, edges, (), config, stock=stock, jobs=JOBS)
    t5 = time.perf_counter()
    largest = []
    for g in sorted(clustering.groups, key=lambda g: (-len(g.docs), g.id))[:3]:
        unit = build_document(sources[g.base.doc], config).units[g.base.unit]
        largest.append((len(g.docs), len(g.members), unit.text[:30]))
    return {"prepare_s": t1 - t0, "edges_s": t2 - t1, "link_s": t3 - t2, "group_s": t3 - t0,
            "assemble_s": t5 - t4, "units": len(infos), "edges": len(edges),
            "unit_groups": len(components), "assembled_groups": len(clustering.groups),
            "places": sum(len(g.places) for g in clustering.groups),
            "boilerplate": len(clustering.boilerplate),
            "rss_after_prepare": after_prepare, "rss_at_grouping": grouped,
            "largest_groups": largest,
            **score_reprints(components, [u.doc for u in infos],
                             [len(s) for p in prepared for s in p.shingles], corpus.gold,
                             sources)}


def run_baseline(corpus: Corpus) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    config = Config()
    sources = corpus.sources
    t0 = time.perf_counter()
    owners: list[int] = []
    keys: list[str] = []
    for d, source in enumerate(sources):
        for unit in build_document(source, config).units:
            if unit.kind in ("qa", "speech", "text"):
                key = match_key(unit.text)
                if key:
                    owners.append(d)
                    keys.append(key)
    t1 = time.perf_counter()
    hashes = []
    for key in keys:
        m = MinHash(num_perm=128)
        for i in range(max(len(key) - 2, 1)):
            m.update(key[i:i + 3].encode("utf8"))
        hashes.append(m)
    t2 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    parent = list(range(len(hashes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = 0
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j > i and m.jaccard(hashes[j]) >= 0.5:
                edges += 1
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for x in range(len(hashes)):
        members[find(x)].append(x)
    t3 = time.perf_counter()
    groups = [comp for comp in members.values() if len(comp) > 1]
    return {"segment_s": t1 - t0, "minhash_s": t2 - t1, "lsh_s": t3 - t2, "group_s": t3 - t0,
            "units": len(keys), "edges": edges, "unit_groups": len(groups),
            **score_reprints(groups, owners, [max(len(k) - 2, 1) for k in keys], corpus.gold,
                             sources)}


def run_poetry(path: Path) -> dict[str, Any]:
    config = Config()
    sources, labels = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                sources.append(Source(f"{path.name}#{record['id']}", record["text"], "utf-8"))
                labels.append(str(record["cluster"]))
    t0 = time.perf_counter()
    prepared = prepare_all(sources, config, jobs=JOBS, whole=True)
    stock = stock_units(prepared, config)
    infos, edges = edges_local(prepared, config, jobs=JOBS)
    components = unit_groups(infos, [t for p in prepared for t in p.texts], edges, stock,
                             config)
    t1 = time.perf_counter()
    groups = [{infos[x].doc for x in comp} for comp in components]
    scores = pair_f1(groups, labels, sources, alike=ALIKE)
    t2 = time.perf_counter()
    assemble(sources, prepared, infos, edges, (), config, whole=True, stock=stock, jobs=JOBS)
    t3 = time.perf_counter()
    return {"docs": len(sources), "clusters": len(set(labels)),
            "nbytes": sum(len(s.text.encode("utf-8")) for s in sources),
            "group_s": t1 - t0, "assemble_s": t3 - t2, "units": len(infos), "edges": len(edges),
            "groups": len(groups), **scores}


def one(size: str, engine: str, poetry: Path = POETRY) -> None:
    """Child process: one run, one JSON line on stdout."""
    if size == "poetry":
        result = run_poetry(poetry)
    else:
        t0 = time.perf_counter()
        corpus = load_corpus(float(size))
        load_s = time.perf_counter() - t0
        result = {"docs": len(corpus.sources), "reprints": len(corpus.gold),
                  "stories": corpus.stories, "laws": corpus.laws, "nbytes": corpus.nbytes,
                  "everything": corpus.everything, "load_s": load_s}
        with TreeMemory() as memory:
            result.update(run_variantdiff(corpus) if engine == "variantdiff"
                          else run_baseline(corpus))
        result["tree_pss_mb"] = max(memory.peak_mb, rss()["rss_self_mb"])
    result.update(size=size, engine=engine, **rss())
    print(json.dumps(result, ensure_ascii=False))


# --- driver -------------------------------------------------------------------------------

def child(size: str, engine: str, poetry: Path = POETRY) -> dict[str, Any] | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", size, "--engine", engine,
           "--poetry", str(poetry)]
    t0 = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=CHILD_TIMEOUT,
                              check=False)
    except subprocess.TimeoutExpired:
        print(f"  {engine} {size}: no result within {CHILD_TIMEOUT} s", flush=True)
        return None
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode or not lines:
        print(f"  {engine} {size}: failed (exit {done.returncode})\n{done.stderr[-2000:]}",
              flush=True)
        return None
    result: dict[str, Any] = json.loads(lines[-1])
    result["wall_s"] = time.perf_counter() - t0
    return result


def _f(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def table(head: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in (head, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(results: list[dict[str, Any]]) -> None:
    head = ("engine", "size", "docs (reprints)", "units", "group s", "MB/s", "assemble s",
            "groups", "peak MB (PSS; RSS self / child)", "recall", "precision",
            "strong recall / precision", "wall s")
    body = []
    for r in results:
        mb = r["nbytes"] / MB
        label = f"{mb:.1f} MB" + (" (all)" if r["everything"] else "")
        assemble_s = f"{r['assemble_s']:.1f}" if "assemble_s" in r else "-"
        body.append((r["engine"], label, f"{r['docs']} ({r['reprints']})", str(r["units"]),
                     f"{r['group_s']:.1f}", f"{mb / r['group_s']:.2f}", assemble_s,
                     str(r["unit_groups"]),
                     f"{r['tree_pss_mb']:.0f} ({r['rss_self_mb']:.0f} / "
                     f"{r['rss_children_mb']:.0f})",
                     f"{_f(r['recall'])} ({r['hits']}/{r['gold_pairs']})",
                     f"{_f(r['precision'])} ({r['hits']}/{r['predicted_with_reprint']})",
                     f"{_f(r['strong_recall'])} / {_f(r['strong_precision'])} "
                     f"({r['strong_hits']}/{r['strong_predicted']})",
                     f"{r['wall_s']:.0f}"))
    print(table(head, body))
    print()
    for r in results:
        mb = r["nbytes"] / MB
        if r["engine"] == "variantdiff":
            print(f"variantdiff {mb:.1f} MB: load {r['load_s']:.1f} s (not timed); prepare_all "
                  f"{r['prepare_s']:.1f} s, edges_local {r['edges_s']:.1f} s, link "
                  f"{r['link_s']:.2f} s; {r['edges']} edges; assemble {r['assemble_s']:.1f} s "
                  f"({r['assembled_groups']} groups, {r['places']} places, "
                  f"{r['boilerplate']} boilerplate); peak RSS after prepare_all "
                  f"{r['rss_after_prepare']['rss_self_mb']:.0f} / "
                  f"{r['rss_after_prepare']['rss_children_mb']:.0f} MB, after link "
                  f"{r['rss_at_grouping']['rss_self_mb']:.0f} / "
                  f"{r['rss_at_grouping']['rss_children_mb']:.0f} MB; "
                  f"{r['stories']} stories + {r['laws']} laws; largest group "
                  f"{r['largest_group_docs']} documents")
            for docs, units, text in r["largest_groups"]:
                print(f"  large group: {docs} documents, {units} units, base unit {text!r}")
        else:
            print(f"baseline {mb:.1f} MB: load {r['load_s']:.1f} s (not timed); segment "
                  f"{r['segment_s']:.1f} s, MinHash {r['minhash_s']:.1f} s, LSH + verify + "
                  f"union-find {r['lsh_s']:.1f} s; {r['edges']} edges; "
                  f"{r['stories']} stories + {r['laws']} laws; largest group "
                  f"{r['largest_group_docs']} documents")
        for path in r["missed"]:
            print(f"  missed gold pair: {path}")
        for a, b in r["false"]:
            print(f"  predicted, not gold: {a}  ~  {b}")
        if r["strong_predicted"] > r["strong_hits"]:
            print(f"  strong pairs not gold: {r['strong_predicted'] - r['strong_hits']}, of which "
                  f"{r['strong_false_alike']} join two documents (originals in place of the "
                  f"reprints) that pass the pair rule as whole texts")
        for a, b in r["strong_false"]:
            print(f"  strong, not gold: {a}  ~  {b}")


def growth(results: list[dict[str, Any]]) -> None:
    runs = sorted((r for r in results if r["engine"] == "variantdiff"), key=lambda r: r["nbytes"])
    if len(runs) < 2:
        return
    first = runs[0]
    print("growth of the variantdiff grouping time (time ratio / size ratio; 1.00 = linear):")
    for r in runs[1:]:
        size_ratio = r["nbytes"] / first["nbytes"]
        time_ratio = r["group_s"] / first["group_s"]
        print(f"  {first['nbytes'] / MB:.1f} → {r['nbytes'] / MB:.1f} MB: size ×{size_ratio:.2f}, "
              f"time ×{time_ratio:.2f} ({time_ratio / size_ratio:.2f}); edges_local ×"
              f"{r['edges_s'] / first['edges_s']:.2f}, prepare_all ×"
              f"{r['prepare_s'] / first['prepare_s']:.2f}")


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        return ""


def _sizes(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,30,100", help="corpus sizes in MB (10,30,100)")
    parser.add_argument("--baseline-sizes", default="10",
                        help="sizes the datasketch baseline runs on (default 10; it is slow)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each engine at the baseline's sizes, the median kept "
                             "(default 3)")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-poetry", action="store_true")
    parser.add_argument("--poetry", type=Path, default=POETRY,
                        help="the poetry file (default: ../shared/data/real/poetry_sample.jsonl)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="variantdiff", choices=("variantdiff", "baseline"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.engine, args.poetry)
        return

    started = time.perf_counter()
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: os.cpu_count()={os.cpu_count()}, {platform.platform()}, "
          f"Python {platform.python_version()}, variantdiff {variantdiff.__version__}")
    dirty = _git("status", "--porcelain", "--", "src")
    print(f"commit: {_git('rev-parse', '--short', 'HEAD') or '?'}"
          + (f"; uncommitted changes under src/: {' '.join(dirty.split())}" if dirty else ""))
    if hasattr(os, "getloadavg"):
        print("load average at start (1, 5, 15 min): "
              + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(flush=True)

    missing = [p for p in CORPORA if not p.exists()]
    results: list[dict[str, Any]] = []
    if missing:
        print("corpus not found (" + ", ".join(str(p) for p in missing) + "): size runs skipped")
    else:
        compared = [] if args.skip_baseline else _sizes(args.baseline_sizes)
        # (where the two are compared, each runs --repeat times, by turns, and the median
        # run of each stands: one run moves by a fifth with the machine)
        plan = [(s, engine, max(args.repeat, 1)) for s in compared
                for engine in ("variantdiff", "baseline")]
        plan += [(s, "variantdiff", 1) for s in _sizes(args.sizes) if s not in compared]
        samples: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for turn in range(max(n for _, _, n in plan) if plan else 0):
            for size, engine, times in plan:
                if turn >= times:
                    continue
                print(f"running {engine} on {size} MB"
                      + (f" ({turn + 1} of {times})" if times > 1 else "") + " …", flush=True)
                result = child(size, engine)
                if result is not None:
                    samples[size, engine].append(result)
        for runs in samples.values():
            runs.sort(key=lambda r: r["group_s"])
            middle = dict(runs[(len(runs) - 1) // 2])
            middle["runs_s"] = [r["group_s"] for r in runs]
            results.append(middle)
        results.sort(key=lambda r: (r["engine"] != "variantdiff", r["nbytes"]))
        print()
        if results:
            report(results)
            print()
            growth(results)
            for size in _sizes(args.baseline_sizes):
                ours = next((r for r in results if r["engine"] == "variantdiff"
                             and r["size"] == size), None)
                base = next((r for r in results if r["engine"] == "baseline"
                             and r["size"] == size), None)
                if ours and base:
                    ratio = base["group_s"] / ours["group_s"]
                    no_seg = (base["group_s"] - base["segment_s"]) / ours["group_s"]
                    print(f"speed ratio variantdiff / baseline at {size} MB: ×{ratio:.1f} "
                          f"(×{no_seg:.1f} leaving the baseline's segmentation out); recall "
                          f"{_f(ours['recall'])} vs {_f(base['recall'])}, precision "
                          f"{_f(ours['precision'])} vs {_f(base['precision'])}")
                    if len(ours["runs_s"]) > 1 or len(base["runs_s"]) > 1:
                        print("  the grouping times of all the runs (the median one above), "
                              "variantdiff "
                              + ", ".join(f"{x:.2f}" for x in ours["runs_s"]) + " s; baseline "
                              + ", ".join(f"{x:.1f}" for x in base["runs_s"]) + " s; ratio "
                              f"×{min(base['runs_s']) / max(ours['runs_s']):.1f} to "
                              f"×{max(base['runs_s']) / min(ours['runs_s']):.1f} over any "
                              "two of them")
    if not args.skip_poetry:
        print()
        if not args.poetry.exists():
            print(f"poetry file not found ({args.poetry}): skipped")
        else:
            print("running poetry …", flush=True)
            p = child("poetry", "variantdiff", args.poetry)
            if p is not None:
                print(f"poetry ({args.poetry.name}): {p['docs']} poems in {p['clusters']} gold clusters, "
                      f"{p['nbytes'] / MB:.2f} MB; {p['groups']} groups, {p['edges']} edges; "
                      f"grouping {p['group_s']:.1f} s, assemble {p['assemble_s']:.1f} s "
                      f"(wall {p['wall_s']:.0f} s); pairs: gold "
                      f"{p['gold_pairs']}, predicted {p['predicted_pairs']}, right {p['hits']}; "
                      f"precision {p['precision']:.3f}, recall {p['recall']:.3f}, "
                      f"F1 {p['f1']:.3f}; gold pairs at least {ALIKE:.0%} alike as texts "
                      f"{p['alike_gold']}, predicted {p['alike_hits']} (recall "
                      f"{p['alike_recall']:.3f}); RSS {p['rss_self_mb']:.0f} / "
                      f"{p['rss_children_mb']:.0f} MB")
                for line in p["missed"]:
                    print(f"  missed: {line}")
                for line in p["false"]:
                    print(f"  false: {line}")
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s", end="")
    if hasattr(os, "getloadavg"):
        print("; load average at end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()), end="")
    print()


if __name__ == "__main__":
    main()
