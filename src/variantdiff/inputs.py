"""Many inputs: expand directories, read what can be read, report what cannot."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch

from .config import Config
from .errors import InputError, UsageError
from .load import Source, load
from .normalise import normalise
from .segment import Document, segment

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why."""

    path: str
    reason: str


def expand(paths: Sequence[str], pattern: str = "*.txt") -> list[str]:
    """Files named by ``paths``: a directory stands for the regular files below it
    (recursively) whose name matches ``pattern``, sorted; a file stands for itself."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(p for p in (os.path.join(root, f) for f in files
                                         if fnmatch(f, pattern)) if os.path.isfile(p))
            if not found:
                raise UsageError(f"{path}: no files matching {pattern!r} in this directory; "
                                 "give another --glob")
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


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
            skipped.append(Skipped(path, str(err)))
    return sources, skipped


def sources_from_jsonl(path: str, text_field: str = "text", id_field: str = "id",
                       ) -> tuple[list[Source], list[Skipped]]:
    """One document per JSON Lines record; the document's path is ``FILE#ID``."""
    sources, skipped = [], []
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a JSON Lines file", "give a .jsonl file")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})", "check the path") from None
    with handle:
        for n, raw in enumerate(handle, 1):
            where = f"{path}:{n}"
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                skipped.append(Skipped(where, f"{where}: not valid UTF-8; JSON Lines files "
                                       "are UTF-8"))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record[text_field]
                name = str(record.get(id_field, n)) if isinstance(record, dict) else str(n)
            except (json.JSONDecodeError, KeyError, TypeError, IndexError):
                skipped.append(Skipped(where, f"{where}: not a JSON object with a "
                                       f"{text_field!r} field; check --text-field"))
                continue
            if not isinstance(text, str):
                skipped.append(Skipped(where, f"{where}: {text_field!r} is "
                                       f"{json.dumps(text, ensure_ascii=False)[:40]}, not a "
                                       "string of text"))
                continue
            if not text.strip():
                skipped.append(Skipped(where, f"{where}: empty {text_field!r}"))
                continue
            if "\x00" in text or _SURROGATE.search(text):
                skipped.append(Skipped(where, f"{where}: {text_field!r} holds NUL or "
                                       "unpaired surrogate characters, not text"))
                continue
            sources.append(Source(f"{path}#{name}",
                                  text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8"))
    return sources, skipped
