"""The Spark engine gives the same groups as the local engine (runs on local[2])."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from variantdiff.cluster import cluster_sources
from variantdiff.inputs import sources_from_paths
from variantdiff.load import Source
from variantdiff.report_json import clustering_json, dumps

pyspark = pytest.importorskip(
    "pyspark", reason="pyspark not installed: pip install '.[spark]' (.ci/run does)")
if shutil.which("java") is None:
    pytest.skip("no Java runtime: Spark needs Java 17 (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

from variantdiff.spark import cluster_spark  # noqa: E402

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def spark() -> Iterator[None]:
    yield None
    from pyspark.sql import SparkSession
    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()


def generated_corpus(seed: int = 7) -> list[Source]:
    """Seed documents plus reprints with changed characters and reordered paragraphs."""
    rng = random.Random(seed)
    sources, _ = sources_from_paths(sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")),
                                    None)
    out = list(sources)
    pool = "的了和是在有中国人民发展合作"
    for n, src in enumerate(sources):
        for copy in range(2):
            paragraphs = src.text.split("\n\n")
            if copy:
                rng.shuffle(paragraphs)
            text = list("\n\n".join(paragraphs))
            for _ in range(len(text) // 400):
                i = rng.randrange(len(text))
                if "\u4e00" <= text[i] <= "\u9fff":
                    text[i] = rng.choice(pool)
            out.append(Source(f"gen/{n}-{copy}.txt", "".join(text), "utf-8"))
    return out


def test_seeds_same_groups(spark: None) -> None:
    sources, _ = sources_from_paths(sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")),
                                    None)
    local = dumps(clustering_json(cluster_sources(sources)))
    assert dumps(clustering_json(cluster_spark(sources, stop=False))) == local


def test_generated_corpus_same_groups(spark: None) -> None:
    sources = generated_corpus()
    local = cluster_sources(sources, jobs=2)
    remote = cluster_spark(sources, stop=False)
    assert [[(m.doc, m.unit) for m in g.members] for g in remote.groups] == \
        [[(m.doc, m.unit) for m in g.members] for g in local.groups]
    assert dumps(clustering_json(remote)) == dumps(clustering_json(local))
    assert len(local.groups) > 20
