"""Scale-out: Dask workers rebuild the pipeline from settings, write shards, one loader fuses them."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from eventwire.config import load_settings
from eventwire.extract import Extractor
from eventwire.fuse import mention_to_dict
from eventwire.records import Document, content_hash
from eventwire.scale import extract_to_shards, load_shards
from eventwire.store import Store

TEXTS = {
    "kadugli": "Rebel fighters shelled the town of Kadugli on Monday, killing four civilians, residents said.",
    "mosul": "A roadside bomb killed two Iraqi soldiers near Mosul on Sunday, the army said.",
    "nairobi": "Thousands of protesters marched peacefully through Nairobi on Tuesday against new taxes.",
}


def _docs():
    return [Document(id=k, raw_text=v, published="2024-05-08", content_hash=content_hash(v), source=k)
            for k, v in TEXTS.items()]


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def _mentions(docs):
    return {d.id: [mention_to_dict(m) for m in d.mentions] for d in docs}


def test_workers_produce_the_same_mentions_as_one_process(settings, tmp_path):
    local = _mentions(Extractor(settings).process(_docs()))
    shards = extract_to_shards(_docs(), settings, tmp_path, npartitions=2, scheduler="threads")
    assert len(shards) == 2 and all(p.suffix == ".parquet" for p in shards)
    rows = [r for p in shards for r in pq.read_table(p).to_pylist()]
    distributed = {r["document_id"]: json.loads(r["mentions"]) for r in rows}
    assert distributed == local
    assert local["kadugli"] and local["mosul"]


def test_loader_fuses_shards_into_the_store_and_marks_documents(settings, tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with store.batch():
        for doc in _docs():
            store.put_document(doc)
    shards = extract_to_shards(store.documents(status="new"), settings, tmp_path / "shards", scheduler="sync")
    load_shards(shards, store, settings)
    assert store.count("events") >= 3
    statuses = {r[0] for r in store.con.execute("SELECT status FROM documents").fetchall()}
    assert statuses == {"processed"}
    before = (store.count("events"), store.count("history"), store.count("mentions"))
    load_shards(shards, store, settings)  # loading the same shards again changes nothing
    assert (store.count("events"), store.count("history"), store.count("mentions")) == before


def test_no_documents_no_shards(settings, tmp_path):
    assert extract_to_shards([], settings, tmp_path) == []
