"""Test settings: property tests run with fixed examples in CI (``CI`` set), so a run is
reproducible; locally hypothesis explores new examples each time."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The user cache (jieba's word index, datasketch's permutations, the characters OpenCC
# changes: variantdiff.cache) goes to a fresh directory, inherited by the commands the tests
# start, so every run builds it itself and the tests never touch a real one.
_CACHE = tempfile.mkdtemp(prefix="variantdiff-test-cache-")
os.environ["VARIANTDIFF_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
