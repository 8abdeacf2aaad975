"""The ``variantdiff`` command: parse options, call one library function, render, exit.

Exit status, like diff: 0 no differences, 1 differences, 2 trouble.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.text import Text

from .boilerplate import find_boilerplate
from .classify import KINDS
from .cluster import Progress, cluster_sources, default_jobs
from .compare import compare, read_document
from .config import Config
from .errors import UsageError, VariantdiffError
from .files import display_path, replaced
from .inputs import Skipped, expand, read_documents, sources_from_jsonl, sources_from_paths
from .load import AUTO, Source, is_text_encoding
from .report_csv import render_csv
from .report_html import render_cluster_html, render_html
from .report_json import (
    boilerplate_report_json,
    comparison_json,
    dumps,
    segment_json,
    write_clustering_json,
)
from .report_tei import render_tei
from .report_terminal import (
    printable,
    render_boilerplate,
    render_clustering,
    render_comparison,
    render_segments,
    short_names,
)

#: exit status when the reader of standard output goes away (128 + SIGPIPE, as a shell
#: reports a tool ended by it)
_BROKEN_PIPE = 141

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find and classify the variants between copies of a Chinese text.",
                  context_settings={"help_option_names": ["-h", "--help"]})


class Format(str, Enum):
    terminal = "terminal"
    json = "json"


class ClusterFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    html = "html"


class CompareFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    html = "html"
    csv = "csv"
    tei = "tei"


EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", "-e", help="Encoding of the inputs (default UTF-8, BOM honoured), "
    "e.g. gb18030, big5, utf-16; auto: UTF-8 where valid, else GB18030 or Big5, "
    "whichever reads as Chinese.")]
PairEncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", "-e", help="Encoding of the inputs (default UTF-8, BOM honoured), "
    "e.g. gb18030, big5, utf-16; two, comma-separated, for A and B (gb18030,utf-8); "
    "auto: UTF-8 where valid, else GB18030 or Big5, whichever reads as Chinese.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[str | None, typer.Option(
    "--output", "-o", help="Write to this file instead of standard output.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")]
QuestionOpt = Annotated[str | None, typer.Option(
    "--question-pattern", help="Regular expression for a question label, with a group "
    "named 'label' (default: an outlet name ending in 记者, then a colon).")]
SpeakerOpt = Annotated[str | None, typer.Option(
    "--speaker-pattern", help="Regular expression for a speaker label, with a group named "
    "'label' (default: 2–12 CJK characters, then a colon).")]


def _fail(message: str) -> None:
    typer.echo(printable(display_path(f"Error: {message}")), err=True)
    raise typer.Exit(2)


def _run(debug: bool, job: Callable[[], int]) -> None:
    try:
        code = job()
    except VariantdiffError as err:
        if debug:
            raise
        _fail(str(err))
    except (re.error, OverflowError, RecursionError) as err:
        if debug:
            raise
        _fail(f"bad regular expression ({err}); check --question-pattern and "
              "--speaker-pattern")
    except BrokenPipeError:
        # the reader of standard output went away (… | head): stop quietly, like a tool
        # ended by SIGPIPE, with nothing more written to the closed pipe at exit
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(_BROKEN_PIPE) from None
    except OSError as err:
        if debug:
            raise
        where = f"{err.filename}: " if err.filename else ""
        _fail(f"{where}{err.strerror or err}; check the path and the free space")
    except UnicodeError as err:
        if debug:
            raise
        _fail(f"cannot write the output ({err}); give --output a UTF-8 path")
    except MemoryError:
        if debug:
            raise
        _fail("out of memory; try fewer --jobs, or the inputs in smaller parts")
    except KeyboardInterrupt:
        _fail("interrupted")
    raise typer.Exit(code)


def _config(question: str | None, speaker: str | None, ignore: str = "",
            whitespace: bool = False) -> Config:
    config = Config()
    for name, pattern in (("question-pattern", question), ("speaker-pattern", speaker)):
        if pattern is not None and "label" not in re.compile(pattern).groupindex:
            raise UsageError(f"--{name} needs a group named 'label', "
                             "e.g. '(?P<label>\\w+)：'")
    if question is not None:
        config = replace(config, question_pattern=question)
    if speaker is not None:
        config = replace(config, speaker_pattern=speaker)
    hidden = set() if whitespace else {"whitespace"}
    for kind in filter(None, (k.strip() for k in ignore.split(","))):
        if kind not in KINDS:
            raise UsageError(f"--ignore: unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
        hidden.add(kind)
    return replace(config, hidden_kinds=frozenset(hidden))


#: names of standard output (``-o -`` too)
_STANDARD_OUTPUT = frozenset({"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def _check_encoding(encoding: str | None) -> None:
    """Refuse an --encoding Python does not know once, before any input is read."""
    if encoding is not None and encoding != AUTO and not is_text_encoding(encoding):
        raise UsageError(f"--encoding {encoding!r} is no text encoding Python knows; give "
                         "one such as gb18030, big5 or utf-16, or auto")


def _pair_encodings(encoding: str | None) -> tuple[str | None, str | None]:
    """A's and B's encodings from ``--encoding`` (one for both, or ``A,B``), checked."""
    if encoding is None or "," not in encoding:
        _check_encoding(encoding)
        return encoding, encoding
    parts = [p.strip() for p in encoding.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"--encoding {encoding!r}: give one encoding, or two separated by "
                         "a comma (A's, then B's), e.g. gb18030,utf-8")
    for part in parts:
        _check_encoding(part)
    return parts[0], parts[1]


def _check_output(path: str | None, inputs: Sequence[str]) -> None:
    """Refuse an output file that is one of the inputs (a directory's files included),
    or a directory; called before the work starts, and again before writing."""
    if path is None:
        return
    if not path:
        raise UsageError("--output is empty; give a file name")
    for source in inputs:
        if os.path.exists(path) and (_is_standard_input_file(path) if source == "-" else (
                os.path.exists(source) and os.path.samefile(path, source))):
            raise UsageError(f"--output {path} is one of the inputs; variantdiff never "
                             "writes to its inputs, give another file")
    if os.path.isdir(path):
        raise UsageError(f"--output {path} is a directory; give a file name")


def _is_standard_input_file(path: str) -> bool:
    """``path`` is the file the standard input reads (``- < a.txt``)."""
    try:
        given, read = os.stat(path), os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(read.st_mode) and (given.st_dev, given.st_ino) == (read.st_dev, read.st_ino)


@contextmanager
def _output(path: str | None, inputs: list[str]) -> Iterator[IO[str]]:
    if path is None or path == "-" or os.path.normpath(path) in _STANDARD_OUTPUT:
        # (standard output by name: written to as it is, appended to when the shell
        # appends, never replaced)
        yield sys.stdout
        return
    _check_output(path, inputs)
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise UsageError(f"cannot write {path} ({err.strerror}); check the path") from None
    if mode is not None and not stat.S_ISREG(mode):
        # a device, a pipe or a terminal (/dev/null, a FIFO, /dev/tty): written into,
        # not replaced
        try:
            handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as err:
            raise UsageError(f"cannot write {path} ({err.strerror}); check the path") \
                from None
        with handle:
            yield handle
        return
    # an error or an interruption never leaves half a report under the name asked for; a
    # link's file is replaced (keeping its permissions), the link kept
    with contextlib.ExitStack() as stack:
        try:
            temporary = stack.enter_context(replaced(
                os.path.realpath(path), None if mode is None else stat.S_IMODE(mode)))
        except OSError as err:
            raise UsageError(f"cannot write {path} ({err.strerror}); check the path") from None
        with open(temporary, "w", encoding="utf-8") as handle:
            yield handle


def _console(out: IO[str]) -> Console:
    return Console(file=out, highlight=False, soft_wrap=not out.isatty())


@app.command("compare")
def compare_command(
    a: Annotated[str, typer.Argument(help="First copy (A).", metavar="A")],
    b: Annotated[str, typer.Argument(help="Second copy (B).", metavar="B")],
    fmt: Annotated[CompareFormat, typer.Option(
        "--format", "-f", help="Output format: terminal, json, html (a self-contained "
        "report), csv (one row per variant) or tei (TEI P5 apparatus).")
    ] = CompareFormat.terminal,
    ignore: Annotated[str, typer.Option(
        "--ignore", "-i", help="Kinds to hide, comma-separated (still counted in the "
        "summary), e.g. punctuation,script,width.")] = "",
    whitespace: Annotated[bool, typer.Option(
        "--whitespace", help="Also show whitespace variants (hidden by default).")] = False,
    encoding: PairEncodingOpt = None,
    output: OutputOpt = None,
    question_pattern: QuestionOpt = None,
    speaker_pattern: SpeakerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Pair the units two copies share and list every variant, with file:line:column.

    Example: variantdiff compare seeds/000_edcc097075259a0a.txt seeds/003_90f7afa787323508.txt

    Exit status: 0 no differences, 1 differences found, 2 trouble.
    """
    def job() -> int:
        config = _config(question_pattern, speaker_pattern, ignore, whitespace)
        encoding_a, encoding_b = _pair_encodings(encoding)
        _check_output(output, [a, b])
        result = compare(a, b, config, encoding_a, encoding_b)
        _say_guessed([doc.normalised.source for doc, given in zip(
            result.documents, (encoding_a, encoding_b), strict=True) if given == AUTO])
        with _output(output, [a, b]) as out:
            if fmt is CompareFormat.json:
                out.write(dumps(comparison_json(result)))
            elif fmt is CompareFormat.html:
                out.write(render_html(result))
            elif fmt is CompareFormat.csv:
                out.write(render_csv(result))
            elif fmt is CompareFormat.tei:
                out.write(render_tei(result))
            else:
                render_comparison(result, _console(out))
        return 1 if result.has_differences else 0
    _run(debug, job)


@app.command("segment")
def segment_command(
    file: Annotated[str, typer.Argument(help="The document to segment.", metavar="FILE")],
    fmt: FormatOpt = Format.terminal,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
    question_pattern: QuestionOpt = None,
    speaker_pattern: SpeakerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show the units variantdiff sees in a document: kind, label, lines, first characters.

    Example: variantdiff segment seeds/003_90f7afa787323508.txt --format json
    """
    def job() -> int:
        _check_encoding(encoding)
        doc = read_document(file, _config(question_pattern, speaker_pattern), encoding)
        with _output(output, [file]) as out:
            if fmt is Format.json:
                out.write(dumps(segment_json(doc)))
            else:
                render_segments(doc, _console(out))
        return 0
    _run(debug, job)


@app.command("boilerplate")
def boilerplate_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files, or directories (searched recursively for --glob).", metavar="FILE|DIR...")],
    glob: Annotated[str, typer.Option("--glob", help="File names to take from "
                                      "directories.")] = "*.txt",
    fmt: FormatOpt = Format.terminal,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
    question_pattern: QuestionOpt = None,
    speaker_pattern: SpeakerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List passages repeated within a document, or across documents in passages that are
    not copies of one another. Two reprints of the same answer are not boilerplate.

    Example: variantdiff boilerplate seeds/

    Exit status: 0 none found, 1 boilerplate found, 2 trouble (also when some inputs were
    skipped: the report covers the others).
    """
    def job() -> int:
        config = _config(question_pattern, speaker_pattern)
        _check_encoding(encoding)
        files, unusable = expand(paths, glob)
        _check_output(output, files)
        docs, skipped = read_documents(files, config, encoding)
        skipped = [*unusable, *skipped]
        _say_skipped(skipped, len(docs))
        if not docs:
            raise UsageError("none of the inputs could be read; see the messages above")
        groups = find_boilerplate(docs, config)
        with _output(output, files) as out:
            if fmt is Format.json:
                out.write(dumps(boilerplate_report_json(
                    docs, groups, [(s.path, s.reason) for s in skipped])))
            else:
                console = _console(out)
                names = short_names([d.path for d in docs])
                for n, doc in enumerate(docs):
                    console.print(Text(printable(f"{names[n]}  {doc.path}")))
                if groups:
                    render_boilerplate(groups, names, console)
                else:
                    console.print("No boilerplate found.")
        return _status(bool(groups), skipped)
    _run(debug, job)


class Engine(str, Enum):
    local = "local"
    spark = "spark"


@app.command("cluster")
def cluster_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, or directories (searched recursively for --glob).",
        metavar="[FILE|DIR]...")] = None,
    glob: Annotated[str, typer.Option("--glob", help="File names to take from "
                                      "directories.")] = "*.txt",
    jsonl: Annotated[str | None, typer.Option(
        "--jsonl", help="Read documents from a JSON Lines file, one record each.")] = None,
    text_field: Annotated[str, typer.Option("--text-field", help="JSON field holding the "
                                            "text.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="JSON field naming the "
                                          "document.")] = "id",
    whole: Annotated[bool, typer.Option(
        "--whole", help="Treat each document as one unit (poems, short records) instead of "
        "cutting it into Q&A turns and paragraphs.")] = False,
    groups_only: Annotated[bool, typer.Option(
        "--groups-only", help="List the groups without collating their variants (fast, for "
        "large corpora).")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes to work in (default: one per core from 200 "
        "documents on, else 1).")] = None,
    engine: Annotated[Engine, typer.Option(
        "--engine", help="local (this machine) or spark (needs the \\[spark] extra: "
        "pyspark and Java 17).")
    ] = Engine.local,
    ignore: Annotated[str, typer.Option(
        "--ignore", "-i", help="Variant kinds to leave out, comma-separated.")] = "",
    whitespace: Annotated[bool, typer.Option(
        "--whitespace", help="Also show whitespace variants (hidden by default).")] = False,
    fmt: Annotated[ClusterFormat, typer.Option(
        "--format", "-f", help="Output format: terminal, json, or html (a self-contained "
        "report; give -o groups.html).")] = ClusterFormat.terminal,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
    question_pattern: QuestionOpt = None,
    speaker_pattern: SpeakerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Group the units of many documents (which reprint carries which Q&A) and collate the
    variants inside each group: for each place, the readings and the documents that have
    each, the majority reading and the singular ones.

    Example: variantdiff cluster seeds/

    Exit status: 0 no variants in any group, 1 variants found (with --groups-only:
    a group found), 2 trouble (also when some inputs were skipped: the report covers the
    others).
    """
    def job() -> int:
        config = _config(question_pattern, speaker_pattern, ignore, whitespace)
        _check_encoding(encoding)
        if jsonl is not None:
            if paths:
                raise UsageError("give either files/directories or --jsonl, not both")
            inputs = [jsonl]
            _check_output(output, inputs)
            sources, skipped = sources_from_jsonl(jsonl, text_field, id_field)
        else:
            if not paths:
                raise UsageError("give files, a directory or --jsonl FILE; "
                                 "see variantdiff cluster --help")
            inputs, unusable = expand(paths, glob)
            _check_output(output, inputs)
            sources, skipped = sources_from_paths(inputs, encoding)
            skipped = [*unusable, *skipped]
            if encoding == AUTO:
                _say_guessed(sources)
        _say_skipped(skipped, len(sources))
        if not sources:
            raise UsageError("none of the inputs could be read; see the messages above")
        with _progress() as tick:
            if engine is Engine.spark:
                from .spark import cluster_spark
                result = cluster_spark(sources, config, skipped=skipped, whole=whole,
                                       variants=not groups_only)
            else:
                result = cluster_sources(sources, config,
                                         jobs if jobs else default_jobs(len(sources)),
                                         skipped, whole, tick, variants=not groups_only)
        with _output(output, inputs) as out:
            if fmt is ClusterFormat.json:
                write_clustering_json(result, out)
            elif fmt is ClusterFormat.html:
                out.write(render_cluster_html(result))
            else:
                render_clustering(result, _console(out))
        if groups_only:
            return _status(bool(result.groups), skipped)
        return _status(any(g.places for g in result.groups), skipped)
    _run(debug, job)


def _status(found: bool, skipped: Sequence[Skipped]) -> int:
    """The exit status of a run over many inputs: 2 when some were skipped (the report
    covers the others), as ``diff -r`` does; else 1 when something was ``found``."""
    if skipped:
        return 2
    return 1 if found else 0


def _say_guessed(sources: Sequence[Source]) -> None:
    """On standard error, the inputs ``--encoding auto`` read in a legacy encoding (a
    guess, said as such)."""
    for source in sources:
        if source.encoding != "utf-8":
            typer.echo(printable(f"{source.path}: read as {source.encoding} (--encoding auto)"),
                       err=True)


def _say_skipped(skipped: Sequence[Skipped], read: int) -> None:
    """Each unreadable input on standard error, then how many were skipped."""
    for item in skipped:
        typer.echo(printable(display_path(f"Skipped: {item.reason}")), err=True)
    if skipped:
        typer.echo(f"Skipped {len(skipped)} of {read + len(skipped)} inputs.", err=True)


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """Progress bars on standard error, one a stage, when it is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress as Bars
    from rich.progress import TaskID

    with Bars(console=Console(stderr=True), transient=True) as bars:
        tasks: dict[str, TaskID] = {}

        def tick(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.advance(tasks[stage], done)

        yield tick


def main() -> None:
    """Console-script entry point. A command line that cannot be used (an unknown option,
    a value out of range) is said on one line of standard error, with status 2, as other
    trouble is."""
    try:
        code = app(prog_name="variantdiff", standalone_mode=False)
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        sys.exit(2)  # (trouble: 1 says differences were found)
    except Exception as err:  # (the command-line parser's own usage errors)
        message = getattr(err, "format_message", None)
        if message is None:
            raise
        if type(err).__name__ == "NoArgsIsHelpError":
            sys.exit(2)  # (no arguments: the help, printed already)
        ctx = getattr(err, "ctx", None)
        hint = f" (see '{ctx.command_path} -h')" if ctx is not None else ""
        print(f"Error: {' '.join(str(message()).split())}{hint}", file=sys.stderr)
        sys.exit(getattr(err, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
