"""Load a file as text: encodings, BOM, line ends, and the checks that go with them."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from .errors import InputError
from .files import display_path

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Source:
    """A decoded input. ``text`` has ``\\n`` line ends and no BOM; columns count from it."""

    path: str
    text: str
    encoding: str


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode ``data`` read from ``path``; ``encoding`` None means UTF-8 (BOM honoured).

    >>> decode("甲\\r\\n乙".encode(), "x.txt").text
    '甲\\n乙'
    """
    name = encoding
    if name is None:
        for bom, bom_name in _BOMS:
            if data.startswith(bom):
                name = bom_name
                break
    if name is None:
        if b"\x00" in data:
            raise InputError(path, "looks like a binary file (it contains NUL bytes)",
                             "give a text file, or its encoding with --encoding utf-16")
        name = "utf-8-sig"
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(path, f"unknown text encoding {name!r}",
                         "give a text encoding Python knows, e.g. --encoding gb18030")
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        hint = "try --encoding gb18030 (or big5)" if encoding is None else \
            "check the --encoding you gave"
        raise InputError(path, f"is not valid {_report_name(name)} (byte {err.start})",
                         hint) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(path, "looks like a binary file (it contains NUL characters)",
                         "give a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "is empty or holds only white space", "give a file with text")
    return Source(path=path, text=text, encoding=name if encoding else _report_name(name))


def _report_name(name: str) -> str:
    return "utf-8" if name == "utf-8-sig" else name


def load(path: str, encoding: str | None = None) -> Source:
    """Read and decode the file at ``path``."""
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a file", "give a text file")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)",
                         "check the file's permissions") from None
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror})", "check the path") from None
    return decode(data, display_path(path), encoding)
