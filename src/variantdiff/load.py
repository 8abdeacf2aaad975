"""Load a file as text: encodings, BOM, line ends, and the checks that go with them."""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from .errors import InputError
from .files import display_path

#: an unpaired surrogate: no character of any text (no decoder gives one), and no text
#: OpenCC or a file can take
SURROGATE = re.compile("[\ud800-\udfff]")
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


#: the ``encoding`` that reads each file in the encoding it looks to be in
AUTO = "auto"


def is_text_encoding(name: str) -> bool:
    """Python knows ``name`` as an encoding of text (not rot13, not base64).

    >>> is_text_encoding("gb18030"), is_text_encoding("bogus"), is_text_encoding("base64")
    (True, False, False)
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return bool(getattr(info, "_is_text_encoding", True))


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode ``data`` read from ``path``; ``encoding`` None means UTF-8 (BOM honoured).

    ``encoding`` ``"auto"`` reads the file as UTF-8 where it is valid UTF-8 (BOM
    honoured), else in the likelier of GB18030 and Big5 (:func:`_likely_encodings`): an
    archive holding files of several encodings.

    >>> decode("甲\\r\\n乙".encode(), "x.txt").text
    '甲\\n乙'
    >>> [decode(t, "x.txt", "auto").encoding
    ...  for t in ("中華民國".encode("big5"), "中国".encode("gb18030"), "中国".encode())]
    ['big5', 'gb18030', 'utf-8']
    """
    if encoding == AUTO:
        if any(data.startswith(bom) for bom, _ in _BOMS) or _is_utf8(data):
            return decode(data, path)
        for legacy in _likely_encodings(data):
            try:
                data.decode(legacy)
            except UnicodeDecodeError:
                continue
            return decode(data, path, legacy)
        raise InputError(path, "is neither UTF-8 nor " + " nor ".join(
            n.upper() for n in _LEGACY), "give its encoding with --encoding")
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
    if not is_text_encoding(name):
        raise InputError(path, f"unknown text encoding {name!r}",
                         "give a text encoding Python knows, e.g. --encoding gb18030")
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        if encoding is None:
            likely = _likely_encodings(data)
            hint = f"try --encoding {likely[0]}" + "".join(f" (or {n})" for n in likely[1:])
        else:
            hint = "check the --encoding you gave"
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


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: the legacy encodings of Chinese text a file that is no UTF-8 is most likely in
_LEGACY = ("gb18030", "big5")


def _likely_encodings(data: bytes) -> list[str]:
    """:data:`_LEGACY`, the one that reads ``data`` as the likelier Chinese text first (of
    its characters, more are common ideographs and fewer kana, box drawing or private
    use: Big5 read as GB18030 gives ぎ┘よ…); one that cannot decode it is left out, unless
    none can.

    >>> _likely_encodings("中華人民共和國成立了，這是歷史。".encode("big5"))
    ['big5', 'gb18030']
    >>> _likely_encodings("中华人民共和国成立了，这是历史。".encode("gb18030"))
    ['gb18030']
    """
    scores = []
    for rank, name in enumerate(_LEGACY):
        try:
            text = data[:20_000].decode(name, errors="strict")
        except UnicodeDecodeError as err:
            if err.end < len(data[:20_000]) - 4:  # (not just a character cut at the end)
                continue
            text = data[:err.start].decode(name)
        plain = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or c.isascii()
                    or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
        scores.append((-plain / max(len(text), 1), rank, name))
    return [name for _, _, name in sorted(scores)] or list(_LEGACY)


def _report_name(name: str) -> str:
    return "utf-8" if name == "utf-8-sig" else name


#: standard input as read, with the stream it was read from
_read_in: list[tuple[object, bytes]] = []


def _standard_input() -> bytes:
    """What standard input holds, read once per stream (``compare - -`` compares it with
    itself; a new stream, as a program may set, is read anew)."""
    if not _read_in or _read_in[0][0] is not sys.stdin:
        _read_in[:] = [(sys.stdin, sys.stdin.buffer.read())]
    return _read_in[0][1]


def load(path: str, encoding: str | None = None) -> Source:
    """Read and decode the file at ``path`` (``-``: standard input, as ``diff`` reads it)."""
    if path == "-":
        return decode(_standard_input(), path, encoding)
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
