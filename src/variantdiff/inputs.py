"""Many inputs: expand directories, read what can be read, report what cannot."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import partial

from .config import Config
from .errors import InputError, UsageError
from .files import display_path
from .load import SURROGATE, Source, load
from .normalise import normalise
from .segment import Document, segment

#: a file whose first this many records are all no JSON is no JSON Lines file
_NOT_JSONL_AFTER = 5


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why."""

    path: str
    reason: str


def expand(paths: Sequence[str], pattern: str = "*.txt") -> tuple[list[str], list[Skipped]]:
    """Files named by ``paths``, and the entries of directories that cannot be read as
    files: a directory stands for the files below it (recursively, through linked
    directories, each directory once) whose name matches ``pattern``, sorted; a file stands
    for itself. A matching entry that is no regular file (a pipe, a device) is skipped,
    and so is a link to nothing, each with the reason."""
    out: list[str] = []
    skipped: list[Skipped] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        found: list[str] = []
        before = len(skipped)
        seen = {os.path.realpath(path)}
        # (a directory below that cannot be listed: its files are inputs not read)
        unreadable = partial(_unreadable_directory, skipped, path)
        for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable):
            # (a linked directory is walked once, however many links lead to it)
            kept = []
            for name in sorted(dirs):
                real = os.path.realpath(os.path.join(root, name))
                if real not in seen:
                    seen.add(real)
                    kept.append(name)
            dirs[:] = kept
            for name in files:
                if not fnmatch(name, pattern):
                    continue
                entry = os.path.join(root, name)
                shown = display_path(entry)
                if os.path.isfile(entry):
                    found.append(entry)
                elif os.path.islink(entry) and not os.path.exists(entry):
                    skipped.append(Skipped(shown, f"{shown}: a link to nothing "
                                           f"({display_path(os.readlink(entry))}); mend or "
                                           "remove it"))
                else:
                    skipped.append(Skipped(shown, f"{shown}: not a regular file (a pipe, a "
                                           "socket or a device); give a text file"))
        if not found and len(skipped) == before:
            raise UsageError(f"{path}: no files matching {pattern!r} in this directory; "
                             "give another --glob")
        out.extend(sorted(found))
    return out, sorted(skipped, key=lambda s: s.path)


def _unreadable_directory(skipped: list[Skipped], top: str, err: OSError) -> None:
    """Report a directory below ``top`` that cannot be listed as skipped."""
    shown = display_path(err.filename or top)
    skipped.append(Skipped(shown, f"{shown}: this directory cannot be read ({err.strerror}); "
                           "check its permissions"))


def read_documents(paths: Sequence[str], config: Config, encoding: str | None = None,
                   ) -> tuple[list[Document], list[Skipped]]:
    """Read and segment every file; those that cannot be read are skipped with the reason."""
    sources, skipped = sources_from_paths(paths, encoding)
    return [segment(normalise(s), config) for s in sources], skipped


def sources_from_paths(paths: Sequence[str], encoding: str | None,
                       ) -> tuple[list[Source], list[Skipped]]:
    """Decode every file; unreadable ones are skipped with the reason."""
    sources, skipped = [], []
    for path in paths:
        try:
            sources.append(load(path, encoding))
        except InputError as err:
            skipped.append(Skipped(err.path, str(err)))
    return sources, skipped


def sources_from_jsonl(path: str, text_field: str = "text", id_field: str = "id",
                       ) -> tuple[list[Source], list[Skipped]]:
    """One document per JSON Lines record; the document's path is ``FILE#ID``."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a JSON Lines file", "give a .jsonl file")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})", "check the path") from None
    used: set[str] = set()
    not_json = 0
    shown = display_path(path)
    with handle:
        for n, raw in enumerate(handle, 1):
            where = f"{shown}:{n}"
            record, problem = _parsed(raw, n)
            if problem == "":
                continue  # (a blank line)
            if problem is not None:
                skipped.append(Skipped(where, f"{where}: {problem}"))
                not_json += 1
                if not sources and not_json == len(skipped) == _NOT_JSONL_AFTER:
                    raise InputError(path, f"is not JSON Lines (its first {_NOT_JSONL_AFTER} "
                                     "lines are no JSON)", "give a file of one JSON object a "
                                     "line (not compressed), or the text files themselves")
                continue
            if not isinstance(record, dict) or text_field not in record:
                skipped.append(Skipped(where, f"{where}: not a JSON object with a "
                                       f"{text_field!r} field; check --text-field"))
                continue
            text = record[text_field]
            if not isinstance(text, str):
                skipped.append(Skipped(where, f"{where}: {text_field!r} is "
                                       f"{json.dumps(text, ensure_ascii=False)[:40]}, not a "
                                       "string of text"))
                continue
            if not text.strip():
                skipped.append(Skipped(where, f"{where}: empty {text_field!r}"))
                continue
            if "\x00" in text or SURROGATE.search(text):
                skipped.append(Skipped(where, f"{where}: {text_field!r} holds NUL or "
                                       "unpaired surrogate characters, not text"))
                continue
            name = _record_name(record.get(id_field), n, used)
            sources.append(Source(f"{shown}#{name}",
                                  text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8"))
    if not sources and not skipped:
        raise InputError(path, "holds no records", "give a JSON Lines file, one JSON object "
                         "a line")
    return sources, skipped


def _parsed(raw: bytes, line: int) -> tuple[object, str | None]:
    """The JSON value of one line of a JSON Lines file, or what is wrong with it ("" for
    a blank line)."""
    try:
        text = raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError:
        return None, "not valid UTF-8; JSON Lines files are UTF-8"
    if not text.strip():
        return None, ""
    try:
        return json.loads(text), None
    except (ValueError, RecursionError) as err:
        # (ValueError: bad JSON, or an integer of thousands of digits; RecursionError:
        # arrays nested thousands deep)
        reason = err.msg if isinstance(err, json.JSONDecodeError) else \
            "nested too deep" if isinstance(err, RecursionError) else str(err)
        return None, f"not valid JSON ({reason}); each line must be one JSON object"


def _record_name(value: object, line: int, used: set[str]) -> str:
    """A record's name in its path (``FILE#NAME``): its id, a string as it is and any
    other value as JSON, or its line number when it has none; an id that an earlier
    record had is followed by the line number, so that every document is told apart."""
    if value is None:
        name = str(line)
    elif isinstance(value, str):
        name = value
    else:
        name = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if name in used:
        # (an earlier record may even have had the name this gives as its own id)
        base, name, k = name, f"{name} (line {line})", 1
        while name in used:
            k += 1
            name = f"{base} (line {line}, {k})"
    used.add(name)
    return name
