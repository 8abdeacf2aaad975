"""Writing a file whole or not at all (reports given with ``--output``, cache entries)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
