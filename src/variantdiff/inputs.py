"""Many inputs: expand directories, read what can be read, report what cannot."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch

from .compare import read_document
from .config import Config
from .errors import InputError, UsageError
from .segment import Document


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why."""

    path: str
    reason: str


def expand(paths: Sequence[str], pattern: str = "*.txt",
           exclude: str | None = None) -> list[str]:
    """Files named by ``paths``: a directory stands for the regular files below it
    (recursively) whose name matches ``pattern``, sorted, leaving out ``exclude`` (the
    output file); a file stands for itself."""
    out: list[str] = []
    skip = os.path.realpath(exclude) if exclude else None
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(p for p in (os.path.join(root, f) for f in files
                                         if fnmatch(f, pattern))
                             if os.path.isfile(p) and os.path.realpath(p) != skip)
            if not found:
                raise UsageError(f"{path}: no files matching {pattern!r} in this directory; "
                                 "give another --glob")
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def read_documents(paths: Sequence[str], config: Config, encoding: str | None = None,
                   ) -> tuple[list[Document], list[Skipped]]:
    """Read every file; those that cannot be read are skipped with the reason."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in paths:
        try:
            docs.append(read_document(path, config, encoding))
        except InputError as err:
            skipped.append(Skipped(path, str(err)))
    return docs, skipped
