"""Cleaning rules: captions kept once, chrome and trailing widgets dropped, title/standfirst, dates, language,
and an offset map that points every clean character back into the text exactly as given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from eventwire.clean import Cleaner
from eventwire.config import defaults
from eventwire.pipeline import BASE_ATTRS, Stage
from eventwire.records import Document

CAPTION = "Residents inspect a house damaged in the strike on Tuesday (Photo: Staff)"
SCRAPED = f"""Drone strike hits market in northern town

Officials say the attack is the deadliest this year in the province

{CAPTION}
{CAPTION}

A drone strike hit a crowded market in the town on Tuesday, killing eight people, a local official said.

Advertisement

The official said 14 others were wounded, among them a 12-year-old boy.

{CAPTION}

Nobody claimed the attack.

Share this article
Most Popular
Heavy rain cuts road to the capital
read more: regional security news
Sign up for our newsletter
We use cookies to give you the best experience.
"""


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(defaults())


def clean(cleaner, text, **kw):
    return cleaner(Document(id="d", raw_text=text, **kw))


def test_each_caption_is_kept_once_and_marked(cleaner):
    doc = clean(cleaner, SCRAPED)
    assert doc.text.count(CAPTION) == 1
    (start, end), = doc.meta["captions"]
    assert doc.text[start:end] == CAPTION


def test_chrome_and_trailing_widgets_are_dropped(cleaner):
    doc = clean(cleaner, SCRAPED)
    for widget in ("Advertisement", "Share this", "Most Popular", "Heavy rain", "read more", "newsletter", "cookies"):
        assert widget not in doc.text
    assert doc.text.endswith("Nobody claimed the attack.")
    assert "\n\n\n" not in doc.text


def test_title_and_standfirst_are_recognised(cleaner):
    doc = clean(cleaner, SCRAPED)
    assert doc.title == "Drone strike hits market in northern town"
    assert doc.standfirst == "Officials say the attack is the deadliest this year in the province"
    assert doc.text[doc.meta["body_start"]:].lstrip().startswith(CAPTION)


def test_a_lede_is_not_mistaken_for_a_standfirst(cleaner):
    lede = ("Fighters loyal to the regional government clashed with federal troops on the outskirts of the city "
            "on Sunday, leaving at least a dozen dead, according to hospital staff and residents of the area.")
    doc = clean(cleaner, f"Clashes on city outskirts\n\n{lede}\n\nMore fighting was reported.\n\nCalm returned.")
    assert doc.title == "Clashes on city outskirts" and doc.standfirst is None


def test_a_single_paragraph_has_no_title(cleaner):
    doc = clean(cleaner, "Rebels attacked a village on Monday, killing two people, residents said.")
    assert doc.title is None and doc.text == doc.raw_text


def test_a_given_title_is_kept(cleaner):
    doc = clean(cleaner, SCRAPED, title="Given title", format="jsonl")
    assert doc.title == "Given title"


def test_a_trailing_short_line_is_kept_without_widgets(cleaner):
    text = "Protest in the capital\n\nThousands marched on parliament on Friday, police said.\n\nReporting by A. Writer"
    assert clean(cleaner, text).text == text


def test_dateline_gives_the_date_when_the_input_has_none(cleaner):
    doc = clean(cleaner, "Strike on depot\n\nKHARTOUM, June 3, 2024 (Desk) - Shells hit a fuel depot, witnesses said.")
    assert doc.published == "2024-06-03" and doc.meta["date_source"] == "dateline"
    dated = clean(cleaner, "Strike on depot\n\nKHARTOUM, June 3, 2024 - Shells hit a depot.", published="2024-06-04")
    assert dated.published == "2024-06-04"


def test_no_dateline_no_date(cleaner):
    assert clean(cleaner, "Strike on depot\n\nShells hit a fuel depot in 2019, witnesses said.").published is None


def test_language_and_content_hash(cleaner):
    english = clean(cleaner, SCRAPED)
    french = clean(cleaner, "Des affrontements ont éclaté lundi entre l'armée et des rebelles près de la ville, "
                            "faisant au moins cinq morts selon des sources locales.")
    assert english.language == "en" and french.language == "fr"
    assert english.content_hash == clean(cleaner, SCRAPED.replace("\n\n", "\n \n")).content_hash


def test_text_too_short_to_tell_has_no_language(cleaner):
    assert clean(cleaner, "Syria Daily Report 04/02/2016").language is None


def test_cleaner_is_a_pipeline_stage(cleaner):
    assert isinstance(cleaner, Stage) and cleaner.name == "clean"
    assert {"text", "offsets", "language", "content_hash"} <= set(cleaner.provides)
    assert not {"text", "offsets", "language"} & BASE_ATTRS   # cleaning is the pipeline's first stage


def test_offsets_map_the_scraped_example_back_exactly(cleaner):
    doc = clean(cleaner, SCRAPED)
    start = doc.text.index("A drone strike")
    span = doc.evidence(start, start + len("A drone strike hit a crowded market"))
    assert span.text == "A drone strike hit a crowded market"
    assert SCRAPED[span.start:span.end] == span.text


LINES = st.sampled_from(["", " ", CAPTION, "Most Popular", "read more: more", "Advertisement", "Share this article",
                         "Gunmen attacked a bus on the highway, killing six passengers.", "Short line",
                         "Troops retook the town after two days of fighting, the army said.", "\u00e9t\u00e9 \u2014 x"])


@hsettings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=25), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_every_clean_character_maps_back_to_the_same_raw_character(lines, newline, final):
    raw = newline.join(lines) + (newline if final else "")
    doc = Cleaner(defaults())(Document(id="p", raw_text=raw))
    positions = [doc.offsets.to_raw(i) for i in range(len(doc.text))]
    assert all(raw[p] == ch for p, ch in zip(positions, doc.text))
    assert positions == sorted(set(positions))
    for start in range(0, len(doc.text), 7):
        span = doc.evidence(start, min(start + 5, len(doc.text)))
        segment_ok = any(c <= start and start + 5 <= c + n for c, _, n in doc.offsets.segments)
        if segment_ok:
            assert span.text == doc.text[start:start + 5]
