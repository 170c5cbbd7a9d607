"""run_events_eval with a fake extractor: recurring texts are extracted once, each record scored."""

from __future__ import annotations

import json

from eventwire.evaluate import events
from eventwire.evaluate.__main__ import summary_lines
from eventwire.records import DateSpan, Fatalities, Mention, Span


class FakeExtractor:
    """Finds one 'Armed clash' with 2 dead in every text that says 'clash'."""

    def __init__(self):
        self.seen = []

    def process(self, docs):
        for doc in docs:
            self.seen.append(doc.id)
            if "clash" in doc.raw_text:
                span = Span(0, 5, doc.raw_text[:5])
                doc.mentions = [Mention(doc.id, "Battles", "Armed clash", span, span,
                                        date=DateSpan(doc.published, doc.published, 1),
                                        fatalities=Fatalities(2, 2, 2))]
            yield doc

    def pipe(self, docs, include_background=None):
        from eventwire.fuse import fuse

        for doc in self.process(docs):
            yield doc, fuse(doc.mentions, {doc.id: doc})


def test_run_events_eval_dedupes_texts(tmp_path):
    ev = {"event_type": None, "sub_event_type": None, "native_type": "x", "date_start": "2016-01-01",
          "date_end": "2016-01-01", "fatalities_best": 2}
    rows = [{"id": "1", "text": "clash in town", "published": "2016-01-01", "events": [ev]},
            {"id": "2", "text": "clash in town", "published": "2016-01-01", "events": [{**ev, "fatalities_best": 5}]},
            {"id": "3", "text": "calm day", "published": "2016-01-01", "events": [], "non_event_label": "x"}]
    path = tmp_path / "ucdp.events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    fake = FakeExtractor()
    result = events.run_events_eval(path, settings=None, extractor=fake)
    assert fake.seen == ["1", "3"] and result["documents"] == 2
    assert result["detection"]["found"] == 2 and result["detection"]["false_positive_records"] == 0
    assert result["fields"]["fatalities_best_exact"]["correct"] == 1
    assert result["fields"]["date_start_exact"]["correct"] == 2
    table = list(summary_lines({"ucdp": result, "broken": {"error": "E050 gold file cannot be read"}}))
    assert table[1].startswith("ucdp") and "1.000" in table[1] and "E050" in table[2]
