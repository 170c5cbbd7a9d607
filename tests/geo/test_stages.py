"""ToponymStage and LocateStage as pipeline stages."""

from eventwire.geo import LocateStage, ToponymStage
from eventwire.pipeline import Pipeline
from eventwire.records import Document, Mention, OffsetMap, Span


def test_toponym_stage_parses_a_bare_document(settings):
    doc = Document(id="d", raw_text="Fighting resumed around Kunduz, officials in Kabul said.")
    ToponymStage(settings)(doc)
    names = {t.text: t.place.country for t in doc.toponyms if t.place}
    assert names == {"Kunduz": "AF", "Kabul": "AF"}


def test_toponym_offsets_index_the_clean_text_and_map_back_to_raw(settings, nlp):
    raw = "MENU | Home\nTroops entered Mosul at dawn."
    clean_start = raw.index("Troops")
    doc = Document(id="d", raw_text=raw, text=raw[clean_start:],
                   offsets=OffsetMap([(0, clean_start, len(raw) - clean_start)]))
    doc.nlp = nlp(doc.clean_text)
    ToponymStage(settings)(doc)
    mosul = next(t for t in doc.toponyms if t.text == "Mosul")
    assert doc.clean_text[mosul.start:mosul.end] == "Mosul"
    assert doc.evidence(mosul.start, mosul.end).text == "Mosul"


def test_locate_stage_prefers_the_detected_location_text(settings, nlp):
    text = "After talks in Geneva, rebels shelled Idlib and Hama on Friday."
    doc = Document(id="d", raw_text=text)
    doc.nlp = nlp(text)
    ToponymStage(settings)(doc)
    start = text.index("shelled")
    hama = text.index("Hama")
    doc.mentions = [Mention(document_id="d", event_type="Explosions/Remote violence",
                            sub_event_type="Shelling/artillery/missile attack",
                            trigger=Span(start, start + 7, "shelled"), sentence=Span(0, len(text), text),
                            location_text=Span(hama, hama + 4, "Hama"))]
    LocateStage(settings)(doc)
    place = doc.mentions[0].location
    assert place.span.text == "Hama" and place.country == "SY"


def test_stages_declare_their_order(settings):
    from eventwire.clean import Cleaner
    from eventwire.parse import ParseStage

    Pipeline([Cleaner(settings), ParseStage(settings), ToponymStage(settings)])
    assert set(LocateStage.requires) >= {"mentions", "toponyms"} and ToponymStage.provides == ("toponyms",)
