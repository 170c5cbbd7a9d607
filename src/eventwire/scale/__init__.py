"""Scale-out on Dask: the same pipeline, rebuilt from the same settings inside each worker.

Workers extract mentions from partitions of documents and write one Parquet
shard each; one loader then fuses the shards into DuckDB (DuckDB has one
writing process). ``scheduler`` may be ``"processes"``, ``"threads"``,
``"sync"`` or a ``dask.distributed.Client`` for a cluster.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.config import Settings
from eventwire.records import Document

_SCHEMA = pa.schema([("document_id", pa.string()), ("mentions", pa.string())])


def _shard_name(docs: Sequence[Document]) -> str:
    digest = hashlib.sha1("\n".join(d.id for d in docs).encode("utf-8")).hexdigest()[:16]
    return f"mentions-{digest}.parquet"


def extract_partition(docs: Iterable[Document], settings: Settings, out_dir: str) -> list[str]:
    """Worker task: extract one partition and write its Parquet shard; returns the shard path."""
    from eventwire.process import extract_mentions

    docs = list(docs)
    if not docs:
        return []
    rows = [{"document_id": doc_id, "mentions": json.dumps(found)} for doc_id, found in extract_mentions(docs, settings)]
    path = Path(out_dir) / _shard_name(docs)
    tmp = path.with_suffix(".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), tmp)
    tmp.replace(path)  # a shard is complete or absent
    return [str(path)]


def extract_to_shards(documents: Sequence[Document], settings: Settings, out_dir: str | Path, *,
                      npartitions: int | None = None, scheduler: Any = "processes",
                      num_workers: int | None = None) -> list[Path]:
    """Extract ``documents`` on Dask into Parquet shards under ``out_dir``."""
    import dask.bag as db

    Path(out_dir).mkdir(parents=True, exist_ok=True)
    if not documents:
        return []
    parts = npartitions or max(1, min(len(documents), (num_workers or 2) * 4))
    bag = db.from_sequence(list(documents), npartitions=parts)
    shards = bag.map_partitions(extract_partition, settings, str(out_dir))
    kwargs: dict[str, Any] = {}
    if isinstance(scheduler, str):
        kwargs = {"scheduler": scheduler, **({"num_workers": num_workers} if num_workers else {})}
        paths = shards.compute(**kwargs)
    else:  # a dask.distributed Client
        paths = scheduler.compute(shards).result()
    return sorted(Path(p) for p in paths)


def load_shards(paths: Iterable[Path], store: Any, settings: Settings, *,
                batches: Sequence[Sequence[str]] | None = None) -> dict[str, int]:
    """Fuse the shards' mentions into the store (the single writer).

    With ``batches`` (document ids, ``Store.pending_batches``), documents are fused batch by batch
    in storing order, as a local run would, so the event ids are the same; otherwise
    shard by shard."""
    from eventwire.fuse import mention_from_dict
    from eventwire.process import fuse_into_store

    found: dict[str, list[Any]] = {}
    order: list[list[str]] = []
    for path in paths:
        table = pq.read_table(path).to_pylist()
        found.update({r["document_id"]: json.loads(r["mentions"]) for r in table})
        order.append([r["document_id"] for r in table])
    if batches is not None:
        order = [[d for d in batch if d in found] for batch in batches]
    totals: dict[str, int] = {}
    for ids in order:
        mentions = {d: [mention_from_dict(m) for m in found[d]] for d in ids}
        docs = {d: doc for d in ids if (doc := store.get_document(d)) is not None}
        for key, n in fuse_into_store(store, settings, mentions, docs).items():
            totals[key] = totals.get(key, 0) + n
    return totals


__all__ = ["extract_partition", "extract_to_shards", "load_shards"]
