"""The Spark engine for ``cluster``; the only module importing pyspark (extra ``[spark]``).

Stages 1–3 (prepare, LSH candidates, exact verification) run as a Spark job; linking and
collation run on the driver with the same code as the local engine, so both engines give
the same groups for the same input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from .cluster import (
    Clustering,
    Edge,
    Prepared,
    assemble,
    bucket_pairs,
    low_bytes,
    plausible,
    prepare_many,
    verify,
)
from .config import Config
from .errors import UsageError
from .fingerprint import band_column, lsh_params
from .inputs import Skipped
from .load import Source

#: Spark master when none is given (VARIANTDIFF_SPARK_MASTER overrides it)
DEFAULT_MASTER = "local[2]"


def _session(master: str | None) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("--engine spark needs pyspark: pip install 'variantdiff[spark]' "
                         "(and Java 17 or later)") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    chosen = master or os.environ.get("VARIANTDIFF_SPARK_MASTER", DEFAULT_MASTER)
    builder = SparkSession.builder.master(chosen).appName("variantdiff-cluster")
    builder = builder.config("spark.ui.enabled", "false")
    builder = builder.config("spark.sql.shuffle.partitions", "8")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _unit_rows(p: Prepared, offset: int) -> Iterator[tuple[int, tuple[int, Any, Any]]]:
    shingles = p.shingles
    for k, info in enumerate(p.units):
        yield offset + k, (info.doc, shingles[k], p.sigs[k])


def _band_keys(row: tuple[int, tuple[int, Any, Any]], config: Config,
               ) -> Iterator[tuple[tuple[int, int], int]]:
    gid, (_, _, sig) = row
    bands, rows = lsh_params(config.lsh_threshold, config.num_perm)
    for band in range(bands):
        value = int(band_column(sig[None, :], band, rows)[0])
        if value:
            yield (band, value), gid


def _pairs_of(members: Iterable[int]) -> list[tuple[int, int]]:
    """One bucket's candidate pairs, by the rule the local engine applies to all."""
    first, second = bucket_pairs(np.array([sorted(members)], dtype=np.int64))
    return list(zip(first.tolist(), second.tolist(), strict=True))


def cluster_spark(sources: Sequence[Source], config: Config | None = None,
                  skipped: Sequence[Skipped] = (), whole: bool = False,
                  master: str | None = None, stop: bool = True,
                  variants: bool = True) -> Clustering:
    """Cluster decoded documents on Spark (``master`` default ``local[2]``); ``stop``
    False leaves the Spark session running for the next call."""
    config = config or Config()
    if not sources:
        raise UsageError("no document could be read; see the messages above")
    spark = _session(master)
    sc = spark.sparkContext
    try:
        slices = max(2, min(len(sources), sc.defaultParallelism * 4))
        docs = sc.parallelize(list(enumerate(sources)), slices)
        prepared = docs.mapPartitions(lambda items: prepare_many(list(items), config, whole)).cache()
        counts = dict(prepared.map(lambda p: (p.doc, len(p.units))).collect())
        offsets, total = {}, 0
        for d in range(len(sources)):
            offsets[d] = total
            total += counts.get(d, 0)
        start = sc.broadcast(offsets)
        units = prepared.flatMap(lambda p: _unit_rows(p, start.value[p.doc])).cache()
        candidates = (units.flatMap(lambda row: _band_keys(row, config)).groupByKey()
                      .flatMap(lambda kv: _pairs_of(kv[1])).distinct())
        by_first = candidates.join(units).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        both = by_first.join(units)

        def check(row: tuple[int, tuple[tuple[int, Any], Any]]) -> list[Edge]:
            j, ((i, a), b) = row
            if a[0] == b[0]:
                return []
            pair = np.array([[0, 1]], dtype=np.int64)
            sizes = np.array([len(a[1]), len(b[1])], dtype=np.int64)
            if not plausible(low_bytes(np.stack([a[2], b[2]])), sizes, pair, config)[0]:
                return []
            edge = verify(i, j, a[1], b[1], config)
            return [edge] if edge is not None else []

        edges = both.flatMap(check).collect()
        light = prepared.map(lambda p: p.without_fingerprints()).collect()
    finally:
        if stop:
            spark.stop()
    light.sort(key=lambda p: p.doc)
    infos = [u for p in light for u in p.units]
    return assemble(sources, light, infos, edges, skipped, config, whole, variants)
