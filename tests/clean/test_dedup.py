"""Near-duplicate detection: the same wire story on several sites is linked to the first copy."""

from __future__ import annotations

from eventwire.clean.dedup import NearDuplicates, from_blob, to_blob
from eventwire.config import defaults

STORY = ("Security forces clashed with armed herders in the early hours of Saturday near the market town, "
         "leaving seven people dead and dozens of homes burned, a police spokesman said. The violence followed "
         "weeks of tension over grazing land between farming communities and herders moving south with the dry "
         "season. The state governor imposed a 24-hour curfew on three districts and ordered an inquiry into the "
         "killings, while aid workers said about 2,000 people had fled to a nearby school.")
OTHER = ("Floodwaters rose across the delta after days of heavy rain, cutting roads and forcing families onto "
         "rooftops, while the weather service warned that more storms were expected in the coming week.")


def test_a_lightly_edited_copy_is_linked_to_the_original():
    index = NearDuplicates(defaults())
    index.add("wire-1", index.signature(STORY))
    copy = STORY.replace("a police spokesman said", "a police spokesperson said") + "\n\n(Reporting by the desk)"
    assert index.find(index.signature(copy)) == "wire-1"
    assert index.find(index.signature(OTHER)) is None


def test_copies_of_copies_point_to_the_first_original():
    index = NearDuplicates(defaults())
    index.add("first", index.signature(STORY))
    second = index.signature(STORY + " Markets were closed.")
    index.add("second", second, index.find(second))
    assert index.find(index.signature(STORY + " Schools were closed.")) == "first"


def test_short_texts_have_no_signature_and_signatures_round_trip():
    index = NearDuplicates(defaults())
    assert index.signature("too short to shingle") is None
    values = index.signature(STORY)
    assert (from_blob(to_blob(values)) == values).all()
