"""Test settings: property tests run with fixed examples in CI (``CI`` set), so a run is
reproducible; locally hypothesis explores new examples each time."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
