"""The HTML report in a real browser: headless Chromium renders it, runs its script, and the
rendered DOM shows the highlights and the effect of the kind filter.

Needs Debian's chromium (``apt-get install chromium``); skips with that reason without it.
Leaves a screenshot in ``test-artifacts/html-report.png`` for people to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from variantdiff import compare
from variantdiff.cluster import cluster_sources
from variantdiff.inputs import sources_from_paths
from variantdiff.report_html import render_cluster_html, render_html

ROOT = Path(__file__).resolve().parent.parent
S000 = ROOT / "seeds" / "000_edcc097075259a0a.txt"
S003 = ROOT / "seeds" / "003_90f7afa787323508.txt"
SCREENSHOT = ROOT / "test-artifacts" / "html-report.png"
CLUSTER_SCREENSHOT = ROOT / "test-artifacts" / "cluster-report.png"
TIMEOUT = 120


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium")
                                         else None)
    if found is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    return found


def run_chromium(profile: Path, *args: str) -> str:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-dev-shm-usage", "--virtual-time-budget=5000",
               f"--user-data-dir={profile}", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                              check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIMEOUT}s: {' '.join(command)}")
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


class Dom(HTMLParser):
    """The body's attributes and each <mark>'s attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.body = dict(attrs)
        elif tag == "mark":
            self.marks.append((dict(attrs), ""))
            self._open.append(len(self.marks) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for k in self._open:
            attr, text = self.marks[k]
            self.marks[k] = (attr, text + data)


def dom(html: str) -> Dom:
    parser = Dom()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(compare(str(S000), str(S003))), encoding="utf-8")
    return path


def test_rendered_highlights_and_filter(report: Path, tmp_path: Path) -> None:
    # as loaded: every kind shown
    plain = dom(run_chromium(tmp_path / "p1", "--dump-dom", report.as_uri()))
    assert "hide-" not in (plain.body.get("class") or "")
    marks = {(attr.get("data-kind"), text) for attr, text in plain.marks}
    for kind, a, b in (("substitution", "回援", "回报"), ("script", "敲詐", "敲诈")):
        assert (kind, a) in marks and (kind, b) in marks, (kind, a, b)
    assert any(kind == "punctuation" for kind, _ in marks)

    # #test-filter: the page's script unchecks "punctuation" and records what is then shown
    filtered = dom(run_chromium(tmp_path / "p2", "--dump-dom", report.as_uri() + "#test-filter"))
    assert "hide-punctuation" in (filtered.body.get("class") or "").split()
    assert all(not c.startswith("hide-") or c == "hide-punctuation"
               for c in (filtered.body.get("class") or "").split())
    state = filtered.body.get("data-test-filter") or ""
    found = re.fullmatch(r"marks (\d+) highlighted (\d+) rows (\d+) shown (\d+)", state)
    assert found, state
    marks_n, highlighted, rows, shown = map(int, found.groups())
    assert marks_n >= 2 and rows >= 1  # the punctuation variant's two marks and its list row
    assert highlighted == 0 and shown == 0  # ... are no longer highlighted or listed
    # the other kinds keep their highlights
    kinds = {attr.get("data-kind") for attr, _ in filtered.marks}
    assert {"substitution", "script", "punctuation"} <= kinds


def test_screenshot(report: Path, tmp_path: Path) -> None:
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    run_chromium(tmp_path / "p3", f"--screenshot={SCREENSHOT}", "--window-size=1400,1000",
                 "--hide-scrollbars", report.as_uri())
    assert SCREENSHOT.exists()
    data = SCREENSHOT.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000, f"{SCREENSHOT} is only {len(data)} bytes: a blank page?"


def test_cluster_page_filter_and_screenshot(tmp_path: Path) -> None:
    """The cluster page of the five seeds: the kind filter hides place rows; a screenshot."""
    chromium()
    sources, skipped = sources_from_paths(sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")),
                                          None)
    page = tmp_path / "cluster.html"
    page.write_text(render_cluster_html(cluster_sources(sources, skipped=skipped)),
                    encoding="utf-8")
    filtered = dom(run_chromium(tmp_path / "c1", "--dump-dom", page.as_uri() + "#test-filter"))
    assert "hide-punctuation" in (filtered.body.get("class") or "").split()
    state = filtered.body.get("data-test-filter") or ""
    found = re.fullmatch(r"marks \d+ highlighted \d+ rows (\d+) shown (\d+)", state)
    assert found, state
    rows, shown = map(int, found.groups())
    assert rows >= 1 and shown == 0
    CLUSTER_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    CLUSTER_SCREENSHOT.unlink(missing_ok=True)
    run_chromium(tmp_path / "c2", f"--screenshot={CLUSTER_SCREENSHOT}", "--window-size=1400,1000",
                 "--hide-scrollbars", page.as_uri())
    assert CLUSTER_SCREENSHOT.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
