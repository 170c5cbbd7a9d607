"""ingest(): counts, idempotent re-runs, exact and near duplicates, languages, failing documents,
the processing hook and the store's migrations."""

from __future__ import annotations

import json
import time

import pytest

from eventwire.config import defaults
from eventwire.ingest import IngestReport, ingest
from eventwire.store import Store
from eventwire.store.migrations import LATEST

STORY = ("Security forces clashed with armed herders in the early hours of Saturday near the market town, "
         "leaving seven people dead and dozens of homes burned, a police spokesman said. The violence followed "
         "weeks of tension over grazing land between farming communities and herders moving south with the dry "
         "season. The state governor imposed a curfew on three districts and ordered an inquiry into the killings.")
OTHER = ("Police fired tear gas at hundreds of students who marched on the education ministry on Wednesday to "
         "protest against a rise in university fees, witnesses said. Several students were arrested.")
FRENCH = ("Des affrontements ont éclaté lundi entre l'armée et des groupes armés près de la ville, faisant au moins "
          "cinq morts parmi les civils, selon des sources locales et des responsables de la société civile.")


@pytest.fixture(scope="module")
def settings():
    return defaults()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Herder clashes\n\n" + STORY)
    (folder / "b.txt").write_text("Student protest\n\n" + OTHER)
    (folder / "c.jsonl").write_text(json.dumps({"id": "fr-1", "text": FRENCH}) + "\n" + "{oops\n")
    return folder


def test_counts_and_stored_rows(corpus, store, settings):
    report = ingest([str(corpus)], store, settings)
    assert (report.read, report.stored, report.duplicates, report.rejected, report.skipped_language) == (3, 3, 0, 1, 1)
    assert report.exit_code == 1 and report.rejections[0].line == 2
    assert store.count("documents") == 3 and store.count("rejections") == 1
    assert store.con.execute("SELECT status FROM documents WHERE document_id = 'fr-1'").fetchone()[0] == \
        "skipped_language"
    assert report.summary().startswith("read 3, stored 3, duplicates 0, near-duplicates 0, rejected 1")


def test_rerunning_the_same_input_changes_nothing(corpus, store, settings):
    ingest([str(corpus)], store, settings)
    before = store.con.execute("SELECT document_id, content_hash, ingested_at FROM documents ORDER BY 1").fetchall()
    again = ingest([str(corpus)], store, settings)
    assert (again.stored, again.duplicates, again.rejected) == (0, 3, 1)
    assert store.con.execute("SELECT document_id, content_hash, ingested_at FROM documents ORDER BY 1").fetchall() \
        == before
    assert store.count("rejections") == 1 and store.count("document_aliases") == 0


def test_bad_inputs_later_do_not_touch_what_is_stored(corpus, store, settings, tmp_path):
    ingest([str(corpus)], store, settings)
    before = store.con.execute("SELECT * FROM documents ORDER BY document_id").fetchall()
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.5 ...")
    report = ingest([str(tmp_path / "junk.txt"), str(corpus), str(tmp_path / "scan.txt")], store, settings)
    assert [r.code for r in report.rejections] == ["E002", "E006", "E003"] and report.exit_code == 1
    assert store.con.execute("SELECT * FROM documents ORDER BY document_id").fetchall() == before
    assert store.count("rejections") == 3


def test_exact_duplicates_are_stored_once_with_an_alias(tmp_path, store, settings):
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "two.txt").write_text(STORY + "\n\n")
    report = ingest([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], store, settings)
    assert (report.stored, report.duplicates) == (1, 1)
    ((alias, source, original),) = store.con.execute(
        "SELECT alias_id, source, document_id FROM document_aliases").fetchall()
    assert alias.startswith("two-") and original.startswith("one-") and source.endswith("two.txt")


def test_near_duplicates_are_linked_across_runs(tmp_path, store, settings):
    (tmp_path / "first.txt").write_text("Herder clashes\n\n" + STORY)
    (tmp_path / "copy.txt").write_text("Herder clashes\n\n" + STORY.replace("a police spokesman", "the police"))
    ingest([str(tmp_path / "first.txt")], store, settings)
    report = ingest([str(tmp_path / "copy.txt")], store, settings)
    assert (report.stored, report.near_duplicates) == (1, 1)
    (copy,) = [d for d in store.documents() if d.source.endswith("copy.txt")]
    assert copy.near_duplicate_of.startswith("first-")


def test_near_duplicates_within_one_batch(tmp_path, store, settings):
    (tmp_path / "first.txt").write_text(STORY)
    (tmp_path / "copy.txt").write_text(STORY + " Markets stayed shut.")
    assert ingest([str(tmp_path)], store, settings).near_duplicates == 1


def test_a_document_that_cannot_be_stored_becomes_a_rejection_and_the_batch_survives(
        corpus, store, settings, monkeypatch):
    import eventwire.ingest as module

    original = module._document_row

    def failing(doc, status):
        if doc.source.endswith("b.txt"):
            raise RuntimeError("disk full")
        return original(doc, status)

    monkeypatch.setattr(module, "_document_row", failing)
    report = ingest([str(corpus)], store, settings)
    assert report.stored == 2 and {r.code for r in report.rejections} == {"E006", "E017"}
    assert store.count("documents") == 2 and store.count("rejections") == 2
    monkeypatch.setattr(module, "_document_row", original)
    assert ingest([str(corpus)], store, settings).stored == 1


def test_a_changed_text_under_the_same_id_replaces_the_stored_one(tmp_path, store, settings):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "text": STORY}) + "\n")
    ingest([str(path)], store, settings)
    path.write_text(json.dumps({"id": "x", "text": OTHER}) + "\n")
    assert ingest([str(path)], store, settings).stored == 1
    assert store.count("documents") == 1 and store.get_document("x").raw_text == OTHER


def _marking(seen):
    """A processor that, like the real one, marks what it processed (in one transaction)."""
    def process(s, docs):
        seen.append(sorted(d.title for d in docs))
        with s.batch():
            s.mark_documents([d.id for d in docs], "processed")
    return process


def test_the_process_hook_gets_new_english_documents_per_batch(corpus, store, settings):
    seen = []
    ingest([str(corpus)], store, settings, process=_marking(seen))
    assert seen == [["Herder clashes", "Student protest"]]
    seen.clear()
    ingest([str(corpus)], store, settings, process=_marking(seen))
    assert seen == []


def test_documents_stored_but_not_processed_are_finished_by_the_next_run(corpus, store, settings):
    """An ingest interrupted between storing and processing loses nothing: the rerun, although
    every input is now a duplicate, processes what was left, in the order it was stored."""
    ingest([str(corpus)], store, settings)            # stored, not processed (as if killed here)
    seen = []
    report = ingest([str(corpus)], store, settings, process=_marking(seen))
    assert report.stored == 0 and report.duplicates >= 2
    assert report.resumed == 2 and seen == [["Herder clashes", "Student protest"]]
    assert "resumed 2" in report.summary()


def test_a_failed_document_is_not_retried_by_every_later_run(corpus, store, settings):
    def crash(s, docs):
        raise ValueError("extractor crashed")
    first = ingest([str(corpus)], store, settings, process=crash)
    assert first.exit_code == 1 and "E018" in {r.code for r in first.rejections}
    seen = []
    assert ingest([str(corpus)], store, settings, process=_marking(seen)).resumed == 0 and seen == []


def test_a_failing_process_hook_rejects_only_the_failing_documents(corpus, store, settings):
    def process(s, docs):
        if any(d.title == "Student protest" for d in docs):
            raise ValueError("extractor crashed")

    report = ingest([str(corpus)], store, settings, process=process)
    assert report.stored == 3 and [r.code for r in report.rejections if r.code == "E018"] == ["E018"]
    assert store.count("documents") == 3


def test_progress_is_called_per_input_and_batches_are_committed(corpus, store, settings):
    ticks = []
    report = ingest([str(corpus)], store, settings, progress=ticks.append, batch_size=1)
    assert sum(ticks) == 4 and report.stored == 3


def test_short_texts_of_unknown_language_are_processed(tmp_path, store, settings):
    (tmp_path / "note.txt").write_text("Daily report 04/02/2016")
    seen = []
    report = ingest([str(tmp_path / "note.txt")], store, settings, process=lambda s, docs: seen.extend(docs))
    assert report.skipped_language == 0 and len(seen) == 1


def test_exit_codes():
    assert IngestReport(read=2, stored=2).exit_code == 0
    assert IngestReport(read=2, stored=1, duplicates=1, rejected=1).exit_code == 1
    assert IngestReport(read=0, rejected=2).exit_code == 3


def test_nothing_readable_exits_3(tmp_path, store, settings):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = ingest([str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")], store, settings)
    assert report.exit_code == 3 and [r.code for r in report.rejections] == ["E001", "E008"]


def test_migrations_fresh_reopen_and_idempotent(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as fresh:
        assert fresh.applied_migrations() == list(range(1, LATEST + 1))
        assert fresh.migrate() == []
        fresh.con.execute("SELECT document_id, num_perm, minhash FROM document_signatures").fetchall()
    with Store(path) as reopened:
        assert reopened.migrate() == [] and reopened.applied_migrations() == list(range(1, LATEST + 1))
    with Store(path, read_only=True) as readonly:
        assert readonly.count("documents") == 0


def test_the_example_corpus(store, settings):
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    report = ingest([str(corpus)], store, settings)
    assert (report.read, report.stored, report.near_duplicates, report.rejected) == (8, 8, 1, 0)
    docs = {d.id: d for d in store.documents()}
    assert all(d.published and d.language == "en" for d in docs.values())
    assert docs["wire-2024-03-19-goma-copy"].near_duplicate_of.startswith("goma-fighting")
    (scraped,) = [d for d in docs.values() if "maiduguri" in d.id]
    assert scraped.text.count("Farmers harvest onions") == 1 and "Most Read" not in scraped.text


def test_stored_documents_keep_offsets_into_the_raw_text(tmp_path, store, settings):
    raw = "Herder clashes\n\nA caption line that repeats here\nA caption line that repeats here\n\n" + STORY
    (tmp_path / "s.txt").write_text(raw)
    ingest([str(tmp_path / "s.txt")], store, settings)
    (doc,) = store.documents()
    start = doc.text.index("Security forces")
    assert doc.evidence(start, start + 15).text == "Security forces"
    assert doc.text.count("A caption line") == 1


def test_ten_thousand_small_files(tmp_path, settings):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10_000):
        (folder / f"{n:05d}.txt").write_text(f"Report {n}. {OTHER}")
    started = time.perf_counter()
    with Store(tmp_path / "many.duckdb") as store:
        report = ingest([str(folder)], store, settings, batch_size=500)
        assert report.read == 10_000 and report.stored + report.duplicates == 10_000
        assert store.count("documents") == report.stored
    assert time.perf_counter() - started < 120
