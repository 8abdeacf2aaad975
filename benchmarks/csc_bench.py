"""Recall and precision of variants on real spelling and OCR errors (CSC data sets).

Each record of ``../shared/data/csc/*.jsonl`` (relative to the project root) holds a
sentence with errors (``wrong``), its correction (``correct``) and the gold edits
``[[i, wrong_char, correct_char], ...]`` with ``i`` a 0-based index into both strings
(the data sets are substitution-only, so both strings have the same length). ``wrong``
is compared as copy A with ``correct`` as copy B.

Scoring, the same for every method:

* a gold edit is *found* when one reported variant covers index ``i`` on both sides
  (``a_offsets`` and ``b_offsets`` both contain it); a word-level variant (回援/回报) may
  cover several edits, each one counts;
* a variant is *correct* when it covers at least one gold edit (the two strings differ
  nowhere else, so every other variant is spurious);
* *exact*: the covering variant's ``a_text``/``b_text`` hold the wrong and the correct
  character at offset ``i - start`` (checks that offsets and texts agree);
* *1-char*: the covering variant is that one character on both sides (no word widening);
* *clean*: share of records with no spurious variant.

Methods, each printed as one row per data set:

``compare``          the public API ``compare_texts(wrong, correct)`` only; a record for which
                     it returns no pair reports no variants (its edits are missed)
``compare+fallback`` ``compare_texts`` where it pairs the two texts, else
                     ``classify(a, b, align(a, b))`` on the raw strings
``align+classify``   ``classify(a, b, align(a, b))`` on the raw strings for every record
``difflib``          baseline: ``difflib.SequenceMatcher`` opcodes of the raw strings as variants

Why ``compare`` alone is not enough on these data: single sentences with no final
。！？ (all of FASPell's subtitles) are segmented as *headings*, which are never paired
unless identical, and very short sentences fall below the shingle-Jaccard pairing
threshold. The "no pair" lines of the output count both causes.

Run ``python benchmarks/csc_bench.py [--limit N] [--set NAME]``.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from variantdiff import Comparison, Config, compare_texts
from variantdiff.align import align
from variantdiff.chars import match_key
from variantdiff.classify import classify
from variantdiff.fingerprint import fingerprint_keys
from variantdiff.pair import similarity
from variantdiff.segment import CONTENT_KINDS, Unit
from variantdiff.words import clear_memo, prepare_dictionary

ROOT = Path(__file__).resolve().parents[1]
CSC = ROOT.parent / "shared" / "data" / "csc"
SETS = ("faspell_ocr_test", "sighan13_test_simp", "sighan14_test_simp", "sighan15_test_simp",
        "sighan13_test_trad", "sighan14_test_trad", "sighan15_test_trad")
METHODS = ("compare", "compare+fallback", "align+classify", "difflib")


@dataclass(frozen=True)
class Span:
    """A reported variant in raw-string coordinates of ``wrong`` (A) and ``correct`` (B).

    ``a_index``/``b_index`` give, for each raw index a variant covers, the offset inside
    ``a_text``/``b_text`` (they differ from ``i - start`` only when normalisation dropped
    characters, e.g. spaces, inside the span).
    """

    kind: str
    a_text: str
    b_text: str
    a_index: dict[int, int]
    b_index: dict[int, int]


@dataclass
class Record:
    id: str
    wrong: str
    correct: str
    edits: list[tuple[int, str, str]]


@dataclass
class Score:
    records: int = 0
    edits: int = 0
    found: int = 0
    exact: int = 0
    one_char: int = 0
    variants: int = 0
    correct: int = 0
    clean: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Record, list[Span]]] = field(default_factory=list)
    spurious: list[tuple[Record, Span]] = field(default_factory=list)

    def line(self, name: str) -> str:
        def pct(x: int, n: int) -> str:
            return f"{100 * x / n:6.1f}%" if n else "     - "
        return (f"  {name:17} recall {pct(self.found, self.edits)}  "
                f"precision {pct(self.correct, self.variants)}  "
                f"exact {pct(self.exact, self.edits)}  1-char {pct(self.one_char, self.found)}  "
                f"clean {pct(self.clean, self.records)}  "
                f"variants {self.variants:5}  {1000 * self.seconds / max(self.records, 1):6.2f} ms/pair")


def load(name: str, limit: int | None) -> list[Record]:
    """The records of one data set; with ``limit``, a deterministic sample (smallest
    SHA-1 of the record id), kept in file order."""
    records = []
    with open(CSC / f"{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            records.append(Record(r["id"], r["wrong"], r["correct"],
                                  [(int(i), w, c) for i, w, c in r["edits"]]))
    if limit is not None and limit < len(records):
        chosen = sorted(range(len(records)),
                        key=lambda k: hashlib.sha1(records[k].id.encode()).hexdigest())[:limit]
        records = [records[k] for k in sorted(chosen)]
    return records


def _raw_map(comparison: Comparison, doc: int, unit: Unit) -> list[int]:
    """Raw-string index of each character of ``unit.text`` (the input is one line)."""
    norm = comparison.documents[doc].normalised
    out = []
    for k in range(len(unit.text)):
        line, col = norm.position(unit.norm_index(k))
        out.append(col - 1 if line == 1 else -1)
    return out


def spans_compare(rec: Record, config: Config) -> tuple[list[Span], Comparison]:
    comparison = compare_texts(rec.wrong, rec.correct, config)
    out = []
    for pair in comparison.pairs:
        amap = _raw_map(comparison, 0, pair.a)
        bmap = _raw_map(comparison, 1, pair.b)
        for v in comparison.visible(pair):
            (a0, a1), (b0, b1) = v.a_offsets, v.b_offsets
            out.append(Span(v.kind, v.a_text, v.b_text,
                            {amap[k]: k - a0 for k in range(a0, a1)},
                            {bmap[k]: k - b0 for k in range(b0, b1)}))
    return out, comparison


def spans_align(rec: Record, config: Config) -> list[Span]:
    edits = align(rec.wrong, rec.correct, config.sentence_threshold, config.move_threshold)
    return [Span(r.kind, r.a_text, r.b_text,
                 {k: k - r.a_start for k in range(r.a_start, r.a_end)},
                 {k: k - r.b_start for k in range(r.b_start, r.b_end)})
            for r in classify(rec.wrong, rec.correct, edits) if r.kind not in config.hidden_kinds]


def spans_difflib(rec: Record) -> list[Span]:
    matcher = difflib.SequenceMatcher(None, rec.wrong, rec.correct, autojunk=False)
    return [Span(tag, rec.wrong[i1:i2], rec.correct[j1:j2],
                 {k: k - i1 for k in range(i1, i2)}, {k: k - j1 for k in range(j1, j2)})
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def score(score_: Score, rec: Record, spans: Sequence[Span], examples: int) -> None:
    """Add one record's variants to ``score_``."""
    score_.records += 1
    score_.edits += len(rec.edits)
    score_.variants += len(spans)
    score_.kinds.update(s.kind for s in spans)
    hit = [False] * len(spans)
    missed = False
    for i, wrong, right in rec.edits:
        cover = [n for n, s in enumerate(spans) if i in s.a_index and i in s.b_index]
        if not cover:
            missed = True
            continue
        score_.found += 1
        for n in cover:
            hit[n] = True
        s = spans[cover[0]]
        ka, kb = s.a_index[i], s.b_index[i]
        if s.a_text[ka:ka + 1] == wrong and s.b_text[kb:kb + 1] == right:
            score_.exact += 1
        if len(s.a_text) == 1 and len(s.b_text) == 1:
            score_.one_char += 1
    score_.correct += sum(hit)
    if all(hit):
        score_.clean += 1
    if missed and len(score_.misses) < examples:
        score_.misses.append((rec, list(spans)))
    for n, s in enumerate(spans):
        if not hit[n] and len(score_.spurious) < examples:
            score_.spurious.append((rec, s))


def no_pair_reason(rec: Record, comparison: Comparison, config: Config) -> str:
    """Why ``compare_texts`` paired nothing: heading units, or shingles too far apart."""
    units = [comparison.documents[d].units for d in (0, 1)]
    if any(u.kind == "heading" for side in units for u in side):
        return "heading"
    if not all(any(u.kind in CONTENT_KINDS for u in side) for side in units):
        return "no content unit"
    prints = fingerprint_keys([match_key(rec.wrong), match_key(rec.correct)],
                              config.shingle_size, config.num_perm, config.seed)
    score_, _, _ = similarity(prints.shingles[0], prints.shingles[1], config)
    return "below pair threshold" if score_ == 0 else "other (LSH miss?)"


def run_set(name: str, limit: int | None, config: Config, examples: int) -> dict[str, Score]:
    records = load(name, limit)
    scores = {m: Score() for m in METHODS}
    no_pair: Counter[str] = Counter()
    paired = 0
    for rec in records:
        # jieba's word boundaries are memoised: clear them so no method reuses another's
        clear_memo()
        t0 = time.perf_counter()
        out, comparison = spans_compare(rec, config)
        clear_memo()
        t1 = time.perf_counter()
        aligned = spans_align(rec, config)
        t2 = time.perf_counter()
        base = spans_difflib(rec)
        dt_c, dt_a, dt_d = t1 - t0, t2 - t1, time.perf_counter() - t2
        if comparison.pairs:
            paired += 1
            fallback, dt_f = out, dt_c
        else:
            if rec.wrong != rec.correct:
                no_pair[no_pair_reason(rec, comparison, config)] += 1
            else:
                no_pair["identical texts, not paired (harmless)"] += 1
            fallback, dt_f = aligned, dt_c + dt_a
        for method, spans, dt in (("compare", out, dt_c), ("compare+fallback", fallback, dt_f),
                                  ("align+classify", aligned, dt_a), ("difflib", base, dt_d)):
            score(scores[method], rec, spans, examples)
            scores[method].seconds += dt
    with_edits = sum(1 for r in records if r.edits)
    print(f"\n== {name}: {len(records)} records ({with_edits} with errors), "
          f"{sum(len(r.edits) for r in records)} gold edits")
    print(f"  compare_texts paired the two texts in {paired}/{len(records)} records "
          f"({100 * paired / max(len(records), 1):.1f}%)"
          + (f"; no pair: {dict(no_pair.most_common())}" if no_pair else ""))
    print(f"  measured path: compare_texts where it pairs ({paired}), align+classify "
          f"fallback for the other {len(records) - paired}")
    for method in METHODS:
        print(scores[method].line(method))
    for method in METHODS:
        kinds = ", ".join(f"{k} {n}" for k, n in scores[method].kinds.most_common())
        print(f"  kinds {method:17} {kinds or '-'}")
    for method in METHODS:
        show_examples(method, scores[method])
    return scores


def _edits(rec: Record) -> str:
    return " ".join(f"{i}:{w}→{c}" for i, w, c in rec.edits)


def show_examples(method: str, score_: Score) -> None:
    """Print the first misses and spurious variants of one method."""
    for rec, spans in score_.misses:
        shown = "; ".join(f"{s.kind} {s.a_text}/{s.b_text}" for s in spans) or "no variant"
        print(f"  miss     [{method}] {rec.id}: {rec.wrong} → {rec.correct}  gold {_edits(rec)}"
              f"  reported: {shown}")
    for rec, s in score_.spurious:
        print(f"  spurious [{method}] {rec.id}: {s.kind} {s.a_text!r}/{s.b_text!r} in "
              f"{rec.wrong} → {rec.correct}  gold {_edits(rec) or '-'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="records per data set, a deterministic sample (default: all)")
    parser.add_argument("--set", action="append", choices=SETS, dest="sets",
                        help="data set to run (repeatable; default: all)")
    parser.add_argument("--examples", type=int, default=3,
                        help="misses and spurious variants to print per set (default 3)")
    args = parser.parse_args(argv)
    if not CSC.is_dir():
        print(f"csc_bench: data directory {CSC} not found; skipping (it is not part of the "
              "repository, see the README of ../shared/data).")
        return 0
    config = Config()
    prepare_dictionary()  # load jieba's dictionary outside the timings
    print(f"variantdiff CSC benchmark, data {CSC}")
    print("a gold edit is found when one variant covers its index on both sides; "
          "precision = variants covering >= 1 gold edit")
    print("the two strings differ only at the gold edits, so any aligner scores near 100%: "
          "the telling figures are compare_texts' pairing rate and the 1-char share "
          "(word-level readings)")
    totals = {m: Score() for m in METHODS}
    t0 = time.perf_counter()
    for name in args.sets or SETS:
        if not (CSC / f"{name}.jsonl").is_file():
            print(f"\n== {name}: file missing, skipped")
            continue
        for method, s in run_set(name, args.limit, config, args.examples).items():
            t = totals[method]
            for attr in ("records", "edits", "found", "exact", "one_char", "variants", "correct",
                         "clean"):
                setattr(t, attr, getattr(t, attr) + getattr(s, attr))
            t.seconds += s.seconds
    print("\n== all sets")
    for method in METHODS:
        print(totals[method].line(method))
    print(f"\nwall time {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
