"""A per-user cache for derived data that is slow to rebuild at every start.

Three things live here: datasketch's MinHash permutations (importing datasketch costs
about 0.4 s, most of it SciPy, for 256 numbers), an on-disk index of jieba's dictionary
(loading jieba's own cache costs about 0.6 s for half a million words, of which a
comparison looks up a few thousand), and the characters OpenCC's t2s changes (probing
all 65,000 of the Basic Multilingual Plane costs about 35 ms). Each entry's name carries
everything it is derived from (library version, dictionary size and time, parameters), so
a stale entry is never read; it is simply rebuilt under a new name.

The directory is ``$VARIANTDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/variantdiff``, else
``~/.cache/variantdiff``. When it cannot be created or written, nothing is cached and
the data is derived again at each run: slower, never wrong.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .files import replaced


def cache_dir() -> Path | None:
    """The cache directory, created if needed; None when it cannot be used (or when no
    absolute place for it is known: no home directory, a relative ``XDG_CACHE_HOME``)."""
    explicit = os.environ.get("VARIANTDIFF_CACHE_DIR")
    if explicit:
        path = Path(explicit).absolute()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path(os.path.expanduser("~")) / ".cache"
        if not base.is_absolute():
            return None
        path = base / "variantdiff"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def cached_file(name: str, build: Callable[[Path], None]) -> Path | None:
    """The path of cache entry ``name``, built by ``build(temporary_path)`` when missing.

    The entry is written under a temporary name and renamed into place, so concurrent
    runs never read half a file; it is readable by all (0644), like any cache file. None
    when there is no usable cache directory or the entry cannot be written (the caller
    then derives the data itself).
    """
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / name
    if path.is_file():
        return path
    try:
        with replaced(path, 0o644) as temporary:
            build(Path(temporary))
    except OSError:
        return None
    return path


def cached_array(name: str, build: Callable[[], np.ndarray],
                 valid: Callable[[np.ndarray], bool]) -> np.ndarray | None:
    """The array of cache entry ``name`` (a ``.npy`` file), made by ``build()`` when
    missing (which raises OSError for an array not to keep). None when there is no usable
    entry: no cache directory, nothing built, or an entry that cannot be read or is not
    ``valid`` (dropped, so that the next run builds it again)."""

    def save(path: Path) -> None:
        array = build()
        with open(path, "wb") as out:
            np.save(out, array)

    path = cached_file(name, save)
    if path is None:
        return None
    stored: np.ndarray | None
    try:
        stored = np.load(path)
    except (OSError, ValueError, EOFError):
        stored = None
    if stored is not None and valid(stored):
        return stored
    forget(path)
    return None


def forget(path: Path) -> None:
    """Remove a cache entry that is damaged (truncated, corrupted), so that the next run
    builds it again; an entry this user cannot read is left alone."""
    if not os.access(path, os.R_OK):
        return
    with contextlib.suppress(OSError):
        path.unlink()
