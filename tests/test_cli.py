"""Tests for the ``variantdiff`` command line: help, exit status, errors, JSON contract, output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from variantdiff.classify import KINDS
from variantdiff.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
S000 = str(ROOT / "seeds" / "000_edcc097075259a0a.txt")
S003 = str(ROOT / "seeds" / "003_90f7afa787323508.txt")

VARIANT_KEYS = {"kind", "a_text", "b_text",
                "a_start_line", "a_start_column", "a_end_line", "a_end_column",
                "b_start_line", "b_start_column", "b_end_line", "b_end_column", "context"}
UNIT_KEYS = {"id", "kind", "label", "start_line", "end_line"}

#: a tiny press-conference transcript: one heading and one question/answer unit
TRANSCRIPT = ("记者会\n\n中新社记者：你能否谈谈中国外交的下一步安排？\n\n"
              "王毅：我们将继续坚持多边主义，同各国一道应对挑战，推动构建人类命运共同体。\n")


# --- helpers ----------------------------------------------------------------------------


def invoke(*args: str) -> Result:
    """Run the CLI in-process; stdout and stderr are captured separately."""
    return CliRunner().invoke(app, list(args))


def json_out(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def all_variants(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for pair in data["pairs"] for v in pair["variants"]]


def all_units(data: dict[str, Any]) -> list[dict[str, Any]]:
    units = [pair[side] for pair in data["pairs"] for side in ("a", "b")]
    return units + [entry["unit"] for entry in data["unpaired"]]


def assert_no_crash(result: Result) -> None:
    """Only a deliberate exit is allowed, never an uncaught exception."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}") from result.exception


def assert_clean_error(result: Result, *fragments: str) -> str:
    """Exit 2, one 'Error:' line on stderr mentioning ``fragments``, no traceback."""
    assert_no_crash(result)
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error:"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


# --- cached runs on the seeds (each takes most of a second) -----------------------------


@pytest.fixture(scope="module")
def json_000_003() -> Result:
    result = invoke("compare", S000, S003, "--format", "json")
    assert_no_crash(result)
    return result


@pytest.fixture(scope="module")
def terminal_000_003() -> Result:
    result = invoke("compare", S000, S003)
    assert_no_crash(result)
    return result


# --- help -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["compare", "segment"])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_command_help_has_an_example(command: str, flag: str) -> None:
    """Every command's help exits 0 and shows a runnable example."""
    result = invoke(command, flag)
    assert result.exit_code == 0, result.output
    assert re.search(r"^\s*Example: variantdiff " + command, result.stdout, re.M), result.stdout


def test_top_level_help_lists_both_commands() -> None:
    """`variantdiff --help` is how users discover the commands."""
    result = invoke("--help")
    assert result.exit_code == 0, result.output
    assert re.search(r"\bcompare\b", result.stdout)
    assert re.search(r"\bsegment\b", result.stdout)


def test_python_dash_m_help_works() -> None:
    """`python -m variantdiff` works where the console script is not on PATH."""
    proc = subprocess.run([sys.executable, "-m", "variantdiff", "--help"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "variantdiff" in proc.stdout
    assert "compare" in proc.stdout and "segment" in proc.stdout
    assert "Traceback" not in proc.stderr


# --- exit status like diff --------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_compare_file_with_itself_exits_0_with_no_variants(seed: Path) -> None:
    """A copy compared with itself has no differences: exit 0, nothing reported."""
    result = invoke("compare", str(seed), str(seed), "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0, result.output
    data = json_out(result)
    assert data["pairs"], "identical files must still pair their units"
    assert all(pair["variants"] == [] for pair in data["pairs"])
    assert data["unpaired"] == []
    assert data["summary"]["differences"] is False
    assert data["summary"]["variants"] == {}


def test_compare_different_seeds_exits_1(json_000_003: Result, terminal_000_003: Result) -> None:
    """Two different reprints exit 1 ("differences found") in both output formats."""
    assert json_000_003.exit_code == 1
    assert terminal_000_003.exit_code == 1
    assert json_out(json_000_003)["summary"]["differences"] is True


def test_line_ends_and_bom_alone_are_not_differences(tmp_path: Path) -> None:
    """A Windows-saved copy (BOM + CRLF) of the same text compares equal: exit 0."""
    unix = write(tmp_path, "unix.txt", TRANSCRIPT)
    windows = write(tmp_path, "windows.txt",
                    b"\xef\xbb\xbf" + TRANSCRIPT.replace("\n", "\r\n").encode("utf-8"))
    result = invoke("compare", unix, windows)
    assert_no_crash(result)
    assert result.exit_code == 0, result.output


def test_hiding_the_only_difference_exits_0(tmp_path: Path) -> None:
    """--ignore decides the exit status, so a script can accept e.g. punctuation variants."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("挑战，", "挑战；"))
    shown = invoke("compare", a, b, "--format", "json")
    hidden = invoke("compare", a, b, "--format", "json", "--ignore", "punctuation")
    assert shown.exit_code == 1
    assert [v["kind"] for v in all_variants(json_out(shown))] == ["punctuation"]
    assert hidden.exit_code == 0, hidden.output
    assert all_variants(json_out(hidden)) == []
    assert json_out(hidden)["summary"]["variants"] == {"punctuation": 1}


# --- errors: exit 2, one line, no traceback ---------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    """A mistyped path is named in a one-line error."""
    missing = str(tmp_path / "missing.txt")
    assert_clean_error(invoke("compare", missing, S000), missing)


def test_missing_second_file(tmp_path: Path) -> None:
    """The B argument is checked too, and it is B that the message names."""
    missing = str(tmp_path / "missing-b.txt")
    assert_clean_error(invoke("compare", S000, missing), missing)


def test_directory(tmp_path: Path) -> None:
    """Giving a directory (e.g. seeds/) is a clean error naming it."""
    folder = tmp_path / "folder"
    folder.mkdir()
    assert_clean_error(invoke("compare", str(folder), S000), str(folder), "directory")


def test_empty_file(tmp_path: Path) -> None:
    """An empty input (e.g. a failed download) is a clean error naming it."""
    empty = write(tmp_path, "empty.txt", b"")
    assert_clean_error(invoke("compare", S000, empty), empty, "empty")


def test_binary_file(tmp_path: Path) -> None:
    """A binary file given by mistake is refused, named and called binary."""
    binary = write(tmp_path, "scan.pdf", b"%PDF-1.4\x00\x01\x02" + TRANSCRIPT.encode("utf-8"))
    assert_clean_error(invoke("compare", binary, S000), binary, "binary")


def test_gb18030_without_encoding_suggests_it(tmp_path: Path) -> None:
    """A GB18030 file without --encoding says exactly which option to add."""
    gb = write(tmp_path, "gb.txt", TRANSCRIPT.encode("gb18030"))
    assert_clean_error(invoke("compare", gb, S000), gb, "--encoding gb18030")


def test_gb18030_with_encoding_works_and_is_reported(tmp_path: Path) -> None:
    """With --encoding gb18030 GB files compare, and the JSON reports that encoding."""
    a = write(tmp_path, "a.txt", TRANSCRIPT.encode("gb18030"))
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("挑战，", "挑战；").encode("gb18030"))
    result = invoke("compare", a, b, "--encoding", "gb18030", "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 1, result.output
    data = json_out(result)
    assert [d["encoding"] for d in data["documents"]] == ["gb18030", "gb18030"]
    assert [v["kind"] for v in all_variants(data)] == ["punctuation"]


def test_a_gb18030_copy_beside_a_utf8_copy_compares_with_two_encodings_or_auto(
        tmp_path: Path) -> None:
    """An OCR file in GB18030 and a reprint in UTF-8: ``--encoding gb18030,utf-8`` names
    each file's, ``--encoding auto`` finds them; JSON reports what each was read in."""
    a = write(tmp_path, "a.txt", TRANSCRIPT.encode("gb18030"))
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("挑战，", "挑战；").encode("utf-8"))
    for given in ("gb18030,utf-8", "auto"):
        result = invoke("compare", a, b, "--encoding", given, "--format", "json")
        assert_no_crash(result)
        assert result.exit_code == 1, result.output
        data = json_out(result)
        assert [d["encoding"] for d in data["documents"]] == ["gb18030", "utf-8"]
        assert [v["kind"] for v in all_variants(data)] == ["punctuation"]
        # (a guess is said as such, on standard error)
        assert ("read as gb18030 (--encoding auto)" in result.stderr) == (given == "auto")
    assert_clean_error(invoke("compare", a, b, "--encoding", "gb18030,utf-8,big5"),
                       "--encoding", "two separated by a comma")
    assert_clean_error(invoke("compare", a, b, "--encoding", "gb18030,utf8x"),
                       "--encoding", "utf8x")


def test_cluster_with_encoding_auto_reads_a_folder_of_several_encodings(
        tmp_path: Path) -> None:
    """A folder holding a GB18030, a Big5 and a UTF-8 copy: with ``--encoding auto`` none
    is skipped and the three carry one group; without it the legacy ones are skipped."""
    folder = tmp_path / "copies"
    folder.mkdir()
    write(folder, "gb.txt", TRANSCRIPT.encode("gb18030"))
    import opencc

    write(folder, "big5.txt", opencc.OpenCC("s2t").convert(TRANSCRIPT).encode("big5"))
    write(folder, "utf8.txt", TRANSCRIPT.encode("utf-8"))
    result = invoke("cluster", str(folder), "--encoding", "auto", "--format", "json")
    assert_no_crash(result)
    data = json_out(result)
    assert data["skipped"] == []
    assert sorted(d["encoding"] for d in data["documents"]) == ["big5", "gb18030", "utf-8"]
    assert any(len(c["docs"]) == 3 for c in data["clusters"])
    plain = json_out(invoke("cluster", str(folder), "--format", "json"))
    assert len(plain["skipped"]) == 2


def test_unknown_encoding(tmp_path: Path) -> None:
    """A misspelt --encoding is a clean error that repeats the bad name."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    assert_clean_error(invoke("segment", a, "--encoding", "gbk18030"), "--encoding",
                       "gbk18030")


def test_non_text_codec_as_encoding(tmp_path: Path) -> None:
    """--encoding hex is a codec but not a text encoding: a clean error, not a traceback."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    assert_clean_error(invoke("segment", a, "--encoding", "hex"), "--encoding", "hex")


def test_unknown_ignore_kind() -> None:
    """A typo in --ignore is reported with the bad kind and the valid ones."""
    line = assert_clean_error(invoke("compare", S000, S000, "--ignore", "punctuation,scrpit"),
                              "--ignore", "scrpit")
    assert "punctuation" in line and "script" in line


@pytest.mark.parametrize("option", ["--question-pattern", "--speaker-pattern"])
def test_pattern_without_label_group(option: str) -> None:
    """A label pattern must capture the label; say so instead of failing later."""
    assert_clean_error(invoke("segment", S003, option, r"\w+记者："), option, "label")


@pytest.mark.parametrize("option", ["--question-pattern", "--speaker-pattern"])
def test_invalid_regular_expression(option: str) -> None:
    """A broken regular expression is a one-line error, not an re.error traceback."""
    assert_clean_error(invoke("segment", S003, option, "(?P<label>[记者："),
                       "regular expression")


def test_pattern_mentioning_label_without_defining_it() -> None:
    """'(?P<label>' inside a character class defines no group: still a clean exit-2 error."""
    assert_clean_error(invoke("segment", S003, "--question-pattern", "[(?P<label>]?.*?记者："),
                       "--question-pattern", "label")


def test_speaker_pattern_whose_label_group_may_not_match() -> None:
    """An optional label group must not crash segmenting; no traceback, no exit 1."""
    result = invoke("segment", S003, "--speaker-pattern", r"(?:王毅)：|(?P<label>\d)：")
    assert_no_crash(result)
    assert result.exit_code in (0, 2)


def test_segment_reports_input_errors_too(tmp_path: Path) -> None:
    """`segment` turns a bad input into the same one-line error as `compare`."""
    missing = str(tmp_path / "nope.txt")
    assert_clean_error(invoke("segment", missing), missing)


def test_debug_shows_the_real_exception(tmp_path: Path) -> None:
    """--debug re-raises, so a bug report can include the traceback."""
    from variantdiff.errors import InputError

    result = invoke("segment", str(tmp_path / "nope.txt"), "--debug")
    assert isinstance(result.exception, InputError)


# --- JSON contract ----------------------------------------------------------------------


def test_compare_json_top_level(json_000_003: Result) -> None:
    """The JSON parses, carries its schema version and describes both documents."""
    data = json_out(json_000_003)
    assert data["schema"] == "variantdiff.compare/1"
    assert data["documents"] == [{"path": S000, "encoding": "utf-8"},
                                 {"path": S003, "encoding": "utf-8"}]
    assert {"pairs", "unpaired", "summary"} <= data.keys()


def test_compare_json_every_variant_has_all_fields(json_000_003: Result) -> None:
    """Programs reading the JSON rely on every VARIANT field being present and typed."""
    variants = all_variants(json_out(json_000_003))
    assert variants, "000 vs 003 must have variants, or this test checks nothing"
    for v in variants:
        assert v.keys() >= VARIANT_KEYS, VARIANT_KEYS - v.keys()
        assert v["kind"] in KINDS
        for key in VARIANT_KEYS - {"kind", "a_text", "b_text", "context"}:
            assert isinstance(v[key], int) and v[key] >= 1, (key, v)
        for side in "ab":
            start = (v[f"{side}_start_line"], v[f"{side}_start_column"])
            end = (v[f"{side}_end_line"], v[f"{side}_end_column"])
            assert start <= end, v


def test_compare_json_every_unit_has_all_fields(json_000_003: Result) -> None:
    """Every UNIT (paired or not) has id, kind, label and its line span."""
    data = json_out(json_000_003)
    units = all_units(data)
    assert data["pairs"] and data["unpaired"]
    for unit in units:
        assert unit.keys() >= UNIT_KEYS, UNIT_KEYS - unit.keys()
        assert unit["start_line"] <= unit["end_line"]
    assert {entry["doc"] for entry in data["unpaired"]} <= {0, 1}


def test_compare_json_locations_point_at_the_text(json_000_003: Result) -> None:
    """file:line:column of each variant is where its text starts and ends in the original file."""
    data = json_out(json_000_003)
    lines = {side: Path(path).read_text(encoding="utf-8-sig").split("\n")
             for side, path in zip("ab", (S000, S003), strict=True)}
    checked = 0
    for v in all_variants(data):
        for side in "ab":
            text = v[f"{side}_text"]
            if not text:
                continue
            first = lines[side][v[f"{side}_start_line"] - 1][v[f"{side}_start_column"] - 1]
            last = lines[side][v[f"{side}_end_line"] - 1][v[f"{side}_end_column"] - 1]
            assert (first, last) == (text[0], text[-1]), (side, v)
            checked += 1
    assert checked > 10


def test_columns_ignore_bom_and_crlf(tmp_path: Path) -> None:
    """Columns count characters after the BOM and line numbers count CRLF as one break."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", b"\xef\xbb\xbf"
              + TRANSCRIPT.replace("挑战，", "挑战；").replace("\n", "\r\n").encode("utf-8"))
    (v,) = all_variants(json_out(invoke("compare", a, b, "--format", "json")))
    line = TRANSCRIPT.split("\n")[4]
    column = line.index("挑战，") + 3
    assert (v["a_start_line"], v["a_start_column"]) == (5, column)
    assert (v["b_start_line"], v["b_start_column"]) == (5, column)


def test_summary_counts_match_visible_variants(json_000_003: Result) -> None:
    """With nothing but whitespace hidden, the summary counts what the pairs list, and the
    hidden whitespace readings (paragraphs broken in other places) besides."""
    data = json_out(json_000_003)
    counts: dict[str, int] = {}
    for v in all_variants(data):
        counts[v["kind"]] = counts.get(v["kind"], 0) + 1
    summary = dict(data["summary"]["variants"])
    assert data["summary"]["hidden"] == ["whitespace"] and summary.pop("whitespace") > 0
    assert summary == counts
    assert data["summary"]["pairs"] == len(data["pairs"])
    assert data["summary"]["unpaired"] == len(data["unpaired"])


def test_same_command_twice_gives_identical_bytes(json_000_003: Result) -> None:
    """Reports are diffed and checked in: the same run must give the same bytes every time."""
    env = dict(os.environ)
    # another process with another hash seed, so set/dict order cannot leak into the output
    env["PYTHONHASHSEED"] = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    proc = subprocess.run(
        [sys.executable, "-m", "variantdiff", "compare", S000, S003, "--format", "json"],
        cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout == json_000_003.stdout_bytes
    again = invoke("compare", S000, S003, "--format", "json")
    assert again.stdout_bytes == json_000_003.stdout_bytes


# --- --ignore ---------------------------------------------------------------------------


def test_ignore_hides_kinds_but_summary_still_counts_them(json_000_003: Result) -> None:
    """--ignore punctuation,script hides those variants yet keeps them in the summary counts."""
    result = invoke("compare", S000, S003, "--format", "json", "--ignore", "punctuation,script")
    assert_no_crash(result)
    full, filtered = json_out(json_000_003), json_out(result)
    full_kinds = [v["kind"] for v in all_variants(full)]
    assert "punctuation" in full_kinds and "script" in full_kinds
    assert [v for v in all_variants(full) if v["kind"] not in ("punctuation", "script")] \
        == all_variants(filtered)
    assert filtered["summary"]["variants"] == full["summary"]["variants"]
    assert filtered["summary"]["variants"]["punctuation"] >= 1
    assert filtered["summary"]["variants"]["script"] >= 1
    assert {"punctuation", "script"} <= set(filtered["summary"]["hidden"])


# --- --output ---------------------------------------------------------------------------


def test_output_writes_file_and_nothing_to_stdout(tmp_path: Path) -> None:
    """--output FILE puts the report in FILE (same bytes as stdout would get) and prints nothing."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("应对", "應對"))
    report = tmp_path / "report.json"
    result = invoke("compare", a, b, "--format", "json", "--output", str(report))
    assert_no_crash(result)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ""
    assert report.read_bytes() == invoke("compare", a, b, "--format", "json").stdout_bytes
    assert json.loads(report.read_text(encoding="utf-8"))["schema"] == "variantdiff.compare/1"


def test_terminal_output_to_file_is_plain_text(tmp_path: Path) -> None:
    """A terminal-format report written with --output has no colour escape codes."""
    report = tmp_path / "units.txt"
    result = invoke("segment", S003, "--output", str(report))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = report.read_text(encoding="utf-8")
    assert "qa" in text
    assert "\x1b[" not in text


@pytest.mark.parametrize("which", ["a", "b"])
def test_output_onto_an_input_is_refused(tmp_path: Path, which: str) -> None:
    """variantdiff never overwrites a source text, even when asked to."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("应对", "應對"))
    target = a if which == "a" else b
    before = Path(target).read_bytes()
    result = invoke("compare", a, b, "--format", "json", "--output", target)
    assert_clean_error(result, target)
    assert Path(target).read_bytes() == before


def test_output_onto_an_input_by_another_name_is_refused(tmp_path: Path) -> None:
    """The same file spelt differently (a symlink) is still recognised as the input."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    before = Path(a).read_bytes()
    assert_clean_error(invoke("segment", a, "--output", str(link)), str(link))
    assert Path(a).read_bytes() == before


@pytest.mark.parametrize("output", ["a", "/dev/stdin"])
def test_output_onto_the_file_standard_input_reads_is_refused(tmp_path: Path,
                                                              output: str) -> None:
    """``compare - b.txt --output a.txt < a.txt`` (or ``--output /dev/stdin``): the text
    read from the standard input is an input all the same, and is not overwritten."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("应对", "應對"))
    target = a if output == "a" else output
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist on this system")
    before = Path(a).read_bytes()
    with open(a, "rb") as stdin:
        proc = subprocess.run([sys.executable, "-m", "variantdiff", "compare", "-", b,
                               "--output", target], cwd=ROOT, stdin=stdin,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "one of the inputs" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert Path(a).read_bytes() == before


@pytest.mark.parametrize("command", ["cluster", "boilerplate"])
def test_output_onto_a_file_of_an_input_directory_is_refused(tmp_path: Path,
                                                             command: str) -> None:
    """A file the directory's pattern takes in is an input: it is not overwritten with
    the report (nor quietly left out of the inputs), and the run stops before the work."""
    for p in SEEDS[:2]:
        (tmp_path / Path(p).name).write_text(Path(p).read_text("utf-8"), "utf-8")
    target = str(tmp_path / Path(SEEDS[1]).name)
    before = Path(target).read_bytes()
    assert_clean_error(invoke(command, str(tmp_path), "--format", "json", "--output", target),
                       target)
    assert Path(target).read_bytes() == before
    # a name the pattern does not take in is fine, and so is running again with it
    report = tmp_path / "report.json"
    for _ in range(2):
        result = invoke(command, str(tmp_path), "--format", "json", "--output", str(report))
        assert result.exit_code in (0, 1), result.output
        assert len(json.loads(report.read_text("utf-8"))["documents"]) == 2


def test_output_into_missing_directory(tmp_path: Path) -> None:
    """An unwritable --output is a clean error naming it."""
    target = str(tmp_path / "no-such-dir" / "report.json")
    assert_clean_error(invoke("segment", S003, "--output", target), target)


# --- segment ----------------------------------------------------------------------------


def test_segment_json_on_seed_003() -> None:
    """segment --format json shows the 14 question/answer units of the 003 transcript."""
    result = invoke("segment", S003, "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0
    data = json_out(result)
    assert data["schema"] == "variantdiff.segment/1"
    assert data["document"] == {"path": S003, "encoding": "utf-8"}
    assert sum(unit["kind"] == "qa" for unit in data["units"]) == 14
    for unit in data["units"]:
        assert unit.keys() >= UNIT_KEYS, UNIT_KEYS - unit.keys()
    assert len({unit["id"] for unit in data["units"]}) == len(data["units"])


def test_segment_terminal_names_the_kinds() -> None:
    """The segment table tells the user which units are question/answer ("qa")."""
    result = invoke("segment", S003)
    assert result.exit_code == 0, result.output
    assert re.search(r"\bqa\b", result.stdout)
    assert "qa 14" in result.stdout


# --- terminal compare -------------------------------------------------------------------


def test_compare_terminal_shows_readings_kinds_and_locations(terminal_000_003: Result) -> None:
    """The terminal report shows both readings, the kind and a short file:line:column."""
    out = terminal_000_003.stdout
    assert "回援" in out and "回报" in out
    assert re.search(r"\bscript\b", out)
    assert re.search(r"000…:\d+:\d+", out)
    assert re.search(r"003…:\d+:\d+", out)
    assert terminal_000_003.stderr == ""


@pytest.mark.parametrize("command", [["cluster", "seeds/"], [
    "compare", "seeds/000_edcc097075259a0a.txt", "seeds/003_90f7afa787323508.txt"]])
def test_a_reader_that_goes_away_ends_the_run_quietly(command: list[str]) -> None:
    """`variantdiff … | head`: no error message, the status of a tool ended by SIGPIPE."""
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "variantdiff", *command, "-f", "json"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before anything is written
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141, stderr
    assert "Error" not in stderr and "Traceback" not in stderr


def test_output_file_appears_whole_or_not_at_all(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "seeds").glob(
        "*.txt"))
    out = tmp_path / "groups.json"
    done = invoke("cluster", *seeds, "-f", "json", "-o", str(out))
    assert done.exit_code == 1, done.output
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "variantdiff.cluster/1"
    assert [p.name for p in tmp_path.iterdir()] == ["groups.json"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()

    import variantdiff.cli

    def broken(result: object, handle: Any) -> None:
        handle.write('{"schema": ')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(variantdiff.cli, "write_clustering_json", broken)
    failed = invoke("cluster", *seeds, "-f", "json", "-o", str(tmp_path / "b.json"))
    assert failed.exit_code == 2 and "No space left" in failed.output
    assert [p.name for p in tmp_path.iterdir()] == ["groups.json"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- awkward outputs and inputs ---------------------------------------------------------


def test_output_into_a_pipe_a_device_or_through_a_link(tmp_path: Path) -> None:
    """--output writes into a pipe or a device rather than replacing it with a file, and
    through a link into the file it names, the link kept."""
    import stat
    import threading

    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("应对", "應對"))
    expected = invoke("compare", a, b, "--format", "json").stdout
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text("utf-8")),
                              daemon=True)
    reader.start()
    result = invoke("compare", a, b, "--format", "json", "--output", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 1, result.output
    assert received == [expected]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # (a device such as /dev/null likewise)
    real = tmp_path / "reports" / "report.json"
    real.parent.mkdir()
    real.write_text("old", "utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert invoke("compare", a, b, "--format", "json", "--output", str(link)).exit_code == 1
    assert link.is_symlink() and real.read_text("utf-8") == expected
    assert_clean_error(invoke("compare", a, b, "--output", ""), "--output is empty")


def test_directory_entries_that_are_no_files_are_skipped_and_said(tmp_path: Path) -> None:
    """In a directory, a link to nothing and a pipe named like a text are skipped with
    their reasons (the run ends with status 2), a linked directory is read, once."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(Path(S000).read_text("utf-8"), "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(Path(S003).read_text("utf-8"), "utf-8")
    (corpus / "linked").symlink_to(elsewhere)
    (corpus / "again").symlink_to(elsewhere)
    (elsewhere / "loop").symlink_to(corpus)
    (corpus / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(corpus / "pipe.txt")
    result = invoke("cluster", str(corpus), "--format", "json")
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["a.txt", "b.txt"]
    assert [(Path(s["path"]).name, s["reason"].split(": ", 1)[1][:12])
            for s in data["skipped"]] == [("gone.txt", "a link to no"), ("pipe.txt", "not a regula")]
    assert "Skipped 2 of 4 inputs." in result.stderr


def test_a_directory_below_that_cannot_be_read_is_skipped_and_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A directory inside the one given that cannot be listed (no permission) is an input
    skipped with its reason, and the run ends with status 2: its files are not left out
    in silence."""
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "a.txt").write_text(Path(S000).read_text("utf-8"), "utf-8")
    (corpus / "b.txt").write_text(Path(S003).read_text("utf-8"), "utf-8")
    (corpus / "locked" / "c.txt").write_text(Path(S000).read_text("utf-8"), "utf-8")
    listing = os.scandir

    def scandir(path: Any = ".") -> Any:  # (as the directory's permissions would refuse)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("cluster", str(corpus), "--format", "json")
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["a.txt", "b.txt"]
    assert [(Path(s["path"]).name, "cannot be read" in s["reason"])
            for s in data["skipped"]] == [("locked", True)]


def test_a_word_dictionary_cache_that_cannot_be_written_prints_nothing(tmp_path: Path) -> None:
    """No usable cache directory, and the word segmenter's own cache in the temporary
    directory cannot be written either (another user's): the comparison runs as usual and
    standard error stays empty (it printed a traceback on every run)."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("应对", "應對"))
    blocker = write(tmp_path, "blocker", "a file where the cache directory would go")
    temporary = tmp_path / "tmp"
    (temporary / "jieba.cache").mkdir(parents=True)  # (no file can be written there)
    env = {**os.environ, "VARIANTDIFF_CACHE_DIR": os.path.join(blocker, "cache"),
           "TMPDIR": str(temporary)}
    proc = subprocess.run([sys.executable, "-m", "variantdiff", "compare", a, b], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "應對" in proc.stdout
    assert proc.stderr == ""


@pytest.mark.parametrize("args", [["cluster", "seeds", "--jobs", "0"], ["compare"],
                                  ["compare", S000, S003, "--format", "nonsense"],
                                  ["compare", S000, S003, "--bogus"], ["nonsense"]])
def test_a_command_line_that_cannot_be_used_is_said_on_one_line(args: list[str]) -> None:
    """A value out of range, a missing argument, an unknown option or command: one line
    on standard error that says what is wrong and where to look, status 2 (not a boxed
    message of several lines)."""
    proc = subprocess.run([sys.executable, "-m", "variantdiff", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and " -h'" in lines[0], proc.stderr


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "big", "text": "文本", "n": 1' + "0" * 5000 + "}", "not valid JSON (Exceeds"),
    ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deep)"),
    ("[1, 2]", "not a JSON object with a 'text' field"),
])
def test_jsonl_records_that_break_parsers_are_skipped(tmp_path: Path, line: str,
                                                      reason: str) -> None:
    """A record no parser can take (a number of thousands of digits, arrays nested
    thousands deep) is skipped with its line number like any bad record."""
    good = json.dumps({"id": "d0", "text": Path(S000).read_text("utf-8")}, ensure_ascii=False)
    path = write(tmp_path, "docs.jsonl", good + "\n" + line + "\n")
    result = invoke("cluster", "--jsonl", path, "--format", "json")
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout)["skipped"][0]["reason"].startswith(f"{path}:2: {reason}")


def test_jsonl_documents_are_told_apart(tmp_path: Path) -> None:
    """Ids that repeat, ids that are no strings and records without one: every document
    gets a name of its own; an empty file is a clean error."""
    text = Path(S000).read_text("utf-8")
    records = [{"id": "x", "text": text}, {"id": "x", "text": text}, {"id": 1, "text": text},
               {"id": "1", "text": text}, {"text": text}, {"id": [1, "二"], "text": text}]
    path = write(tmp_path, "docs.jsonl",
                 "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    result = invoke("cluster", "--jsonl", path, "--format", "json", "--groups-only")
    names = [d["path"].rsplit("#", 1)[1] for d in json.loads(result.stdout)["documents"]]
    assert names == ["x", "x (line 2)", "1", "1 (line 4)", "5", '[1, "二"]']
    empty = write(tmp_path, "empty.jsonl", "\n\n")
    assert_clean_error(invoke("cluster", "--jsonl", empty), empty, "holds no records")


def test_a_jsonl_id_like_a_name_given_to_a_repeat_does_not_take_it(tmp_path: Path) -> None:
    """A record whose id is the very name a later repeated id would be given (y (line 3))
    keeps it, and the repeat gets another: no two documents share a name."""
    text = Path(S000).read_text("utf-8")
    records = [{"id": "y", "text": text}, {"id": "y (line 3)", "text": text},
               {"id": "y", "text": text}]
    path = write(tmp_path, "docs.jsonl",
                 "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    result = invoke("cluster", "--jsonl", path, "--format", "json", "--groups-only")
    names = [d["path"].rsplit("#", 1)[1] for d in json.loads(result.stdout)["documents"]]
    assert names == ["y", "y (line 3)", "y (line 3, 2)"]


def test_absurd_jobs_are_capped() -> None:
    """More processes than documents or than the machine can use are not started."""
    result = invoke("cluster", *map(str, SEEDS[:2]), "--jobs", "1000000000", "--groups-only")
    assert result.exit_code in (0, 1), result.output


def test_control_characters_of_the_input_do_not_reach_the_terminal(tmp_path: Path) -> None:
    """An escape sequence or a bell in a text (or a file name) is shown, not obeyed."""
    a = write(tmp_path, "a\x1b[2J.txt", TRANSCRIPT.replace("下一步", "下一步\x1b[31m"))
    b = write(tmp_path, "b.txt", TRANSCRIPT.replace("下一步", "下二步\x07"))
    result = invoke("compare", a, b)
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "␛[31m" in result.stdout and "␇" in result.stdout
    # nor is the text read as the terminal library's markup
    marked = write(tmp_path, "m[red]x.txt", "参见[/]注释一。[red]红[/red]色\n\n王毅：好。\n")
    for command in (("segment", marked), ("boilerplate", marked)):
        result = invoke(*command)
        assert result.exit_code in (0, 1), result.output
    assert "[red]红[/red]" in invoke("segment", marked).stdout


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    """A file name in another encoding (from an archive made elsewhere) is read, and
    shown with its bytes escaped: the report is still valid UTF-8 JSON."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = os.fsdecode(b"\xd6\xd0\xce\xc4.txt")  # 中文.txt in GBK
    (corpus / name).write_text(Path(S000).read_text("utf-8"), "utf-8")
    (corpus / "b.txt").write_text(Path(S003).read_text("utf-8"), "utf-8")
    result = invoke("cluster", str(corpus), "--format", "json")
    assert result.exit_code == 1, result.output
    paths = [d["path"] for d in json.loads(result.stdout_bytes.decode("utf-8"))["documents"]]
    assert paths == [str(corpus / "b.txt"), str(corpus / "\\xd6\\xd0\\xce\\xc4.txt")]


def test_inputs_named_awkwardly(tmp_path: Path) -> None:
    """``-`` reads standard input, as diff does; an --encoding Python does not know is
    one error before any file is read; a text file given as --jsonl is said to be no JSON
    Lines, once."""
    same = CliRunner().invoke(app, ["compare", "-", write(tmp_path, "a.txt", TRANSCRIPT)],
                              input=TRANSCRIPT.encode())
    assert same.exit_code == 0, same.output
    assert_clean_error(invoke("cluster", *map(str, SEEDS), "-e", "bogus"), "'bogus'")
    assert_clean_error(invoke("cluster", "--jsonl", S000), "is not JSON Lines")


def test_standard_input_is_read_for_each_run(tmp_path: Path) -> None:
    """Two runs in one process, each given its own standard input: each compares its own
    (``- -`` compares one input with itself)."""
    a = write(tmp_path, "a.txt", TRANSCRIPT)
    same = CliRunner().invoke(app, ["compare", "-", a], input=TRANSCRIPT.encode())
    other = CliRunner().invoke(app, ["compare", "-", a],
                               input=TRANSCRIPT.replace("应对", "應對").encode())
    both = CliRunner().invoke(app, ["compare", "-", "-"], input=TRANSCRIPT.encode())
    assert (same.exit_code, other.exit_code, both.exit_code) == (0, 1, 0)


def test_cluster_shows_whitespace_places_when_asked(tmp_path: Path) -> None:
    """`cluster --whitespace`, as `compare --whitespace`: a space one copy drops between
    two Latin words is a whitespace place, hidden by default."""
    text = "世界卫生组织称，New York 的疫情正在好转，各方应当继续加强合作，共同应对全球性挑战。\n"
    write(tmp_path, "a.txt", text)
    write(tmp_path, "b.txt", text.replace("New York", "NewYork"))
    write(tmp_path, "c.txt", text)
    kinds = [[p["kind"] for p in c["places"]]
             for c in json_out(invoke("cluster", str(tmp_path), "--format", "json"))["clusters"]]
    shown = [[p["kind"] for p in c["places"]] for c in json_out(
        invoke("cluster", str(tmp_path), "--whitespace", "--format", "json"))["clusters"]]
    assert (kinds, shown) == ([[]], [["whitespace"]])


def test_cluster_quotes_a_copy_in_its_own_script(tmp_path: Path) -> None:
    """A reading two copies share in two scripts: the JSON lists its forms and who writes
    each, and the terminal gives a copy's own form after its name (〈层〉)."""
    text = "习近平强调，中方愿同斯洛伐克加强高层交往，深化各领域务实合作，推动两国关系稳定发展。\n"
    trad = "習近平強調，中方願同斯洛伐克加強高層交往，深化各領域務實合作，推動兩國關係穩定發展。\n"
    write(tmp_path, "a.txt", text)
    write(tmp_path, "b.txt", trad)
    write(tmp_path, "c.txt", trad.replace("高層", "高"))
    (cluster,) = json_out(invoke("cluster", str(tmp_path), "--format", "json"))["clusters"]
    (place,) = [p for p in cluster["places"] if p["kind"] == "deletion"]
    (held,) = [r for r in place["readings"] if r["text"]]
    assert sorted((f["text"], f["docs"]) for f in held["forms"]) == [("层", [0]), ("層", [1])]
    shown = invoke("cluster", str(tmp_path), "--ignore", "script").stdout
    assert "〈层〉" in shown or "〈層〉" in shown


def test_compare_shows_a_paragraph_broken_elsewhere_only_when_asked(tmp_path: Path) -> None:
    """The same turn, B breaking its answer into two paragraphs: no difference (exit 0)
    by default; with `--whitespace`, one whitespace reading where A runs on (exit 1)."""
    ask = "新华社记者：中方如何看待当前的国际合作？\n\n"
    first, second = "王毅：各国应当携手应对共同的挑战。", "我们愿意同各方一道努力，推动合作不断向前发展。"
    a = write(tmp_path, "a.txt", f"{ask}{first}{second}\n")
    b = write(tmp_path, "b.txt", f"{ask}{first}\n\n{second}\n")
    quiet = invoke("compare", a, b, "--format", "json")
    shown = invoke("compare", a, b, "--whitespace", "--format", "json")
    assert (quiet.exit_code, shown.exit_code) == (0, 1)
    assert all_variants(json_out(quiet)) == []
    (v,) = all_variants(json_out(shown))
    assert (v["kind"], v["a_text"], v["b_text"]) == ("whitespace", "", "\n")
    assert (v["a_start_line"], v["a_start_column"]) == (3, len(first) + 1)
