"""Pipeline construction checks the order of stages; Finalize maps spans to raw offsets."""

from __future__ import annotations

import pytest

from eventwire.errors import UsageError
from eventwire.pipeline import Finalize, Pipeline, Stage
from eventwire.records import Document, Mention, OffsetMap, Span


class _Needs(Stage):
    name = "needs_nlp"
    requires = ("nlp",)
    provides = ("mentions",)

    def __call__(self, doc):
        return doc


class _Gives(Stage):
    name = "gives_nlp"
    provides = ("nlp",)

    def __call__(self, doc):
        doc.meta["seen"] = True
        return doc


def test_pipeline_rejects_a_stage_whose_needs_are_not_met():
    with pytest.raises(UsageError, match="needs_nlp"):
        Pipeline([_Needs()])


class _Invents(Stage):
    name = "invents"
    provides = ("locations",)

    def __call__(self, doc):
        return doc


def test_pipeline_rejects_a_contract_on_an_attribute_no_document_has():
    with pytest.raises(UsageError, match="locations"):
        Pipeline([_Invents()])


def test_the_extraction_pipeline_declares_real_attributes_in_order():
    from eventwire.config import defaults
    from eventwire.extract import _stages

    names = [s.name for s in Pipeline(_stages(defaults())).stages]
    assert names == ["clean", "parse", "toponyms", "detect", "locate", "story", "finalize"]


def test_pipeline_runs_stages_in_order():
    pipe = Pipeline([_Gives(), _Needs(), Finalize()])
    assert pipe.names == ["gives_nlp", "needs_nlp", "finalize"]
    out = list(pipe.pipe([Document(id="a", raw_text="x")]))
    assert out[0].meta["seen"]


def test_finalize_maps_clean_offsets_back_to_the_raw_text():
    raw = "CAPTION\nCAPTION\nRebels shelled Kadugli."
    clean = "CAPTION\nRebels shelled Kadugli."
    offsets = OffsetMap([(0, 0, 8), (8, 16, len(raw) - 16)])
    doc = Document(id="d", raw_text=raw, text=clean, offsets=offsets)
    start = clean.index("shelled")
    trigger = Span(start, start + 7, "shelled")
    sentence = Span(8, len(clean), clean[8:])
    doc.mentions = [Mention("d", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                            trigger=trigger, sentence=sentence, evidence=[trigger])]
    Finalize()(doc)
    m = doc.mentions[0]
    assert raw[m.trigger.start:m.trigger.end] == "shelled" == m.trigger.text
    assert m.sentence.text == "Rebels shelled Kadugli."
    assert m.evidence[0] == m.trigger
