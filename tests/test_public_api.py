"""The public Python API: one call for a text, one object that streams many, the same path as the CLI."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow

TEXT = "Gunmen killed five villagers in Kaduna on Monday, police said."
REPORT_A = {"id": "a", "published": "2024-05-14",
            "text": "A car bomb exploded near a police station in Kirkuk on Sunday, killing seven people."}
REPORT_B = {"id": "b", "published": "2024-05-14",
            "text": "Seven people died when a car bomb went off beside a police station in Kirkuk on Sunday."}


def test_extract_a_string_gives_contract_records():
    [event] = eventwire.extract(TEXT, published="2024-05-14")
    assert event["sub_event_type"] == "Attack" and event["event_date"] == "2024-05-13"
    assert event["location"]["name"] == "Kaduna" and event["fatalities"]["best"] == 5
    span = event["sources"][0]["evidence"][0]
    assert TEXT[span["start"]:span["end"]] == span["text"]


def test_a_pipeline_object_streams_documents_one_by_one():
    extractor = eventwire.Extractor()
    stream = extractor.pipe(iter([TEXT, REPORT_A, "The weather was fine in Paris on Monday."]),
                            published="2024-05-14")
    out = [(doc.id, [e.sub_event_type for e in events]) for doc, events in stream]
    assert len(out) == 3 and out[1] == ("a", ["Remote explosive/landmine/IED"]) and out[2][1] == []


def test_reports_of_one_event_in_two_documents_are_one_event_with_two_sources():
    [event] = eventwire.extract([REPORT_A, REPORT_B])
    assert {s["document_id"] for s in event["sources"]} == {"a", "b"}


def test_fuse_settings_reach_the_extract_path():
    strict = eventwire.load_settings().replace("fuse", min_score=1000.0)
    assert len(eventwire.extract([REPORT_A, REPORT_B], settings=strict)) == 2
