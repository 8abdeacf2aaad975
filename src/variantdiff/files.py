"""Writing a file whole or not at all (reports given with ``--output``, cache entries)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def display_path(path: str) -> str:
    """``path`` as reports and messages show it: a file name whose bytes are not UTF-8
    (a name from an archive made on another system) shows them as ``\\xNN`` escapes, so
    that it can be printed and written to JSON.

    >>> display_path("a/b.txt"), display_path(os.fsdecode(b"\\xd6\\xd0.txt"))
    ('a/b.txt', '\\\\xd6\\\\xd0.txt')
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


@contextmanager
def replaced(path: str | Path, mode: int | None = None) -> Iterator[str]:
    """The name of a new, empty file beside ``path`` to write; when the block ends without
    an error it is renamed over ``path`` (permissions ``mode``, by default 0666 less the
    umask), otherwise removed. Readers of ``path`` never see half a file.

    Raises OSError when the temporary file cannot be made (a missing or read-only
    directory).
    """
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", dir=directory)
    os.close(fd)
    try:
        yield temporary
        if mode is None:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
