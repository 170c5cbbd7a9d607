"""Attribution: who says so, its type, and whether it is a party's claim."""

import pytest

from eventwire.resolve.attribution import find_attribution


def attribution(nlp, text):
    doc = nlp(text)
    return find_attribution(doc[:], doc)


@pytest.mark.parametrize("text, source, kind, party", [
    ("Troops entered the town, a military source said.", "a military source", "anonymous official", True),
    ("Jets hit 30 targets, Russia's defense ministry said.", "Russia's defense ministry",
     "belligerent/government", True),
    ("Activists reported heavy shelling of the suburbs.", "Activists", "monitor/NGO", False),
    ("Nine people died, according to the Syrian Observatory for Human Rights.",
     "the Syrian Observatory for Human Rights", "monitor/NGO", False),
    ("Six fighters died, according to SOHR.", "SOHR", "monitor/NGO", False),
    ("State media reported that rebels fired rockets at the city.", "State media", "media", True),
    ("SANA reported that a car bomb went off.", "SANA", "media", True),
    ("Reuters reported that 12 people died.", "Reuters", "media", False),
    ("Witnesses said gunmen opened fire on the crowd.", "Witnesses", "witness", False),
    ("Residents said the market burned for hours.", "Residents", "witness", False),
    ("The offensive is largely symbolic, analysts say.", "analysts", "analyst", False),
    ("The UN said 20 civilians died in the strikes.", "The UN", "monitor/NGO", False),
    ("The Taliban claimed responsibility for the blast.", "The Taliban", "belligerent/government", True),
    ("A police spokesman said four officers were hurt.", "A police spokesman", "belligerent/government", True),
    ("An official who asked not to be named said nine died.",
     "An official who asked not to be named", "anonymous official", True),
])
def test_types(nlp, text, source, kind, party):
    found = attribution(nlp, text)
    assert found is not None
    assert (found.text, found.type, found.party_claim) == (source, kind, party)
    assert text[found.span.start:found.span.end].strip(" ,") == found.text


def test_no_source(nlp):
    assert attribution(nlp, "Rebels shelled the town at dawn.") is None


def test_the_source_refers_back(nlp):
    text = ("Government troops took the hill on Monday, a security source said. "
            "\u201cThe hill is under full control,\u201d the source added.")
    doc = nlp(text)
    second = list(doc.sents)[-1]
    found = find_attribution(second, doc)
    assert (found.text, found.type, found.party_claim) == ("a security source", "anonymous official", True)
    assert text[found.span.start:found.span.end] == "a security source"


def test_quote_without_source_takes_the_next_sentence(nlp):
    text = ("\u201cWe lost many men in the valley.\u201d "
            "That was how a rebel commander described the fighting to Reuters on Friday, witnesses said.")
    doc = nlp(text)
    first = list(doc.sents)[0]
    found = find_attribution(first, doc)
    assert found is not None and found.type == "witness"


def test_quoted_name_is_not_a_quotation(nlp):
    text = ("Troops entered the town, a military source said. "
            "Rebels had held the so-called \u201cPearl of the Hills\u201d since 2014.")
    doc = nlp(text)
    assert find_attribution(list(doc.sents)[-1], doc) is None


def test_monitor_without_antecedent_is_classified_itself(nlp):
    found = attribution(nlp, "Eight fighters died, the monitor said.")
    assert (found.text, found.type) == ("the monitor", "monitor/NGO")


@pytest.mark.parametrize("text, kind, party", [
    ("Turkey said its jets hit the convoy.", "belligerent/government", True),
    ("Putin said the offensive would go on.", "belligerent/government", True),
    ("An SDF source said the town had fallen.", "anonymous official", True),
    ("Jane Doe said she heard the blasts.", "other", False),
])
def test_governments_leaders_and_group_sources(nlp, text, kind, party):
    found = attribution(nlp, text)
    assert (found.type, found.party_claim) == (kind, party)


def test_verbs_inside_a_quotation_are_not_the_source(nlp):
    text = "\u201cOur fighters report that the whole valley is quiet now,\u201d the commander said."
    found = attribution(nlp, text)
    assert found.text == "the commander"


def test_quoted_source_is_the_one_quoted(nlp):
    found = attribution(nlp, "State television quoted a military source as saying the road was open.")
    assert (found.text, found.type, found.party_claim) == ("a military source", "anonymous official", True)
