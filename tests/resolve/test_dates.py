"""Event dates resolved against a fixed publication date (Sunday 2016-03-27)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.resolve.dates import is_past_reference, resolve_date

PUB = "2016-03-27"  # a Sunday


@pytest.mark.parametrize("sentence, start, end, precision", [
    ("Troops took the town on Sunday.", "2016-03-27", "2016-03-27", 1),
    ("Troops took the town on Saturday.", "2016-03-26", "2016-03-26", 1),
    ("Rebels attacked on Friday night.", "2016-03-25", "2016-03-25", 1),
    ("A mortar fell last Sunday.", "2016-03-20", "2016-03-20", 1),
    ("A mortar fell yesterday.", "2016-03-26", "2016-03-26", 1),
    ("Jets struck the suburbs overnight.", "2016-03-26", "2016-03-26", 1),
    ("Two days ago a mortar fell.", "2016-03-25", "2016-03-25", 1),
    ("Clashes broke out last week.", "2016-03-14", "2016-03-20", 2),
    ("Clashes broke out this week.", "2016-03-21", "2016-03-27", 2),
    ("The militia seized the town in May 2015.", "2015-05-01", "2015-05-31", 3),
    ("The militia has held the town since May 2015.", "2015-05-01", "2016-03-27", 3),
    ("Soldiers posed by the fort on March 26, 2016.", "2016-03-26", "2016-03-26", 1),
    ("A blast hit the market on 3 March.", "2016-03-03", "2016-03-03", 1),
    ("Earlier this month, shells hit the camp.", "2016-03-01", "2016-03-27", 3),
    ("Last month, shells hit the camp.", "2016-02-01", "2016-02-29", 3),
    ("Last year, a bomb went off at the gate.", "2015-01-01", "2015-12-31", 3),
    ("In 2014 a bomb went off at the gate.", "2014-01-01", "2014-12-31", 3),
    ("A blast on Sunday August 23, 2015 shook the site.", "2015-08-23", "2015-08-23", 1),
    ("A blast on 27/03/2016 shook the site.", "2016-03-27", "2016-03-27", 1),
    ("A bomb exploded in December.", "2015-12-01", "2015-12-31", 3),
    # a month with "last year" / "this year" is that month of that year, not the latest one
    ("In January last year, a suicide bomber struck a mosque.", "2015-01-01", "2015-01-31", 3),
    ("A suicide bomber struck a mosque in February of last year.", "2015-02-01", "2015-02-28", 3),
    ("Gunmen killed 12 villagers in January this year.", "2016-01-01", "2016-01-31", 3),
    # a day of a month with "last year" is that day of the year before, not the year alone
    ("The town was gassed on March 4 last year, killing 80.", "2015-03-04", "2015-03-04", 1),
    ("Gunmen stormed the hotel on 12 February last year.", "2015-02-12", "2015-02-12", 1),
    ("Rebels shelled the port on the 3rd of January this year.", "2016-01-03", "2016-01-03", 1),
    # a feast of fixed date names its day ("the Christmas market" names none)
    ("Jihadists killed 35 civilians in the town on Christmas Eve 2014.", "2014-12-24", "2014-12-24", 1),
    ("Gunmen attacked a church on New Year's Day, killing four.", "2016-01-01", "2016-01-01", 1),
    ("A bomb exploded at the Christmas market on Friday.", "2016-03-25", "2016-03-25", 1),
    # a stretch of years: from the first year's start to the last one's end (or its decade's)
    ("Between 1971 and the end of the decade, 100 soldiers were killed in the area.", "1971-01-01", "1979-12-31", 3),
    ("From 2014 to 2017 the group held the city.", "2014-01-01", "2017-12-31", 3),
])
def test_expressions(nlp, sentence, start, end, precision):
    got = resolve_date(nlp(sentence)[:], PUB)
    assert (got.start, got.end, got.precision) == (start, end, precision)
    assert got.span is not None and sentence[got.span.start:got.span.end] == got.text


@pytest.mark.parametrize("pub, sentence, start, end", [
    ("2016-03-01", "Fighting flared last month.", "2016-02-01", "2016-02-29"),  # leap year
    ("2016-03-01", "Fighting flared yesterday.", "2016-02-29", "2016-02-29"),
    ("2016-01-02", "Fighting flared last week.", "2015-12-21", "2015-12-27"),  # year boundary
    ("2016-01-04", "Fighting flared on Thursday.", "2015-12-31", "2015-12-31"),
    ("2016-01-10", "A car bomb went off on December 30.", "2015-12-30", "2015-12-30"),
    ("2016-01-15", "Fighting flared last month.", "2015-12-01", "2015-12-31"),
    ("2016-03-31", "Three months ago a car bomb went off.", "2015-12-01", "2015-12-31"),
    # "last March" told in March is a year ago (this month is "this March"); told later in the year, this year's
    ("2016-03-20", "Last March, rival militias fought in the port.", "2015-03-01", "2015-03-31"),
    ("2016-03-20", "Rival militias fought in the port last March.", "2015-03-01", "2015-03-31"),
    ("2016-07-20", "Last March, rival militias fought in the port.", "2016-03-01", "2016-03-31"),
    ("2016-03-20", "In March, rival militias fought in the port.", "2016-03-01", "2016-03-31"),   # guard
])
def test_boundaries(nlp, pub, sentence, start, end):
    got = resolve_date(nlp(sentence)[:], pub)
    assert (got.start, got.end) == (start, end)


def test_no_cue_is_publication_day_with_precision_2(nlp):
    got = resolve_date(nlp("A bomb exploded near the mosque.")[:], PUB)
    assert (got.start, got.end, got.precision, got.text) == (PUB, PUB, 2, None)


def test_may_the_verb_is_not_a_month(nlp):
    got = resolve_date(nlp("The group may attack again.")[:], PUB)
    assert got.text is None


def test_datetime_publication_and_no_publication(nlp):
    assert resolve_date(nlp("It fell yesterday.")[:], "2016-03-27T08:00:00Z").start == "2016-03-26"
    assert resolve_date(nlp("It fell yesterday.")[:], None).start is None
    assert resolve_date(nlp("It fell on 4 May 2015.")[:], None).start == "2015-05-04"


def test_anchor_picks_nearest_expression(nlp):
    text = "The group, which seized the city in May 2015, was driven out on Sunday."
    doc = nlp(text)
    got = resolve_date(doc[:], PUB, anchor=text.index("driven"))
    assert got.start == "2016-03-27"
    got = resolve_date(doc[:], PUB, anchor=text.index("seized"))
    assert got.start == "2015-05-01"


def test_span_uses_document_offsets(nlp):
    doc = nlp("Calm returned. A shell fell yesterday.")
    sent = list(doc.sents)[1]
    got = resolve_date(sent, PUB)
    assert doc.text[got.span.start:got.span.end] == "yesterday"


def test_past_reference(nlp):
    history = resolve_date(nlp("The group seized the city in May 2015.")[:], PUB)
    recent = resolve_date(nlp("The army retook it on Sunday.")[:], PUB)
    ongoing = resolve_date(nlp("It held the city since May 2015.")[:], PUB)
    assert is_past_reference(history, PUB)
    assert not is_past_reference(recent, PUB)
    assert not is_past_reference(ongoing, PUB)
    assert is_past_reference("2016-03-01", PUB) and not is_past_reference("2016-03-20", PUB)
    assert not is_past_reference("2016-03-01", None)


@pytest.mark.parametrize("sentence, start, end, precision", [
    ("Fighting raged from March 1 to March 5.", "2016-03-01", "2016-03-05", 2),
    ("Fighting raged between 3 and 6 March 2016.", "2016-03-03", "2016-03-06", 2),
    ("Strikes hit from December 28 to January 3.", "2015-12-28", "2016-01-03", 2),
    ("Fighting raged over the weekend.", "2016-03-26", "2016-03-27", 2),
    ("Attacks increased in recent days.", "2016-03-20", "2016-03-27", 2),
])
def test_ranges(nlp, sentence, start, end, precision):
    got = resolve_date(nlp(sentence)[:], PUB)
    assert (got.start, got.end, got.precision) == (start, end, precision)


def test_year_first_numeric_and_parts_of_last_year(nlp):
    assert resolve_date(nlp("On 2016/03/26 a blast hit.")[:], PUB).start == "2016-03-26"
    late = resolve_date(nlp("Late last year, rebels attacked.")[:], PUB)
    assert (late.start, late.end) == ("2015-09-01", "2015-12-31")


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=40, deadline=None)
@given(pub=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), wd=st.integers(0, 6))
def test_weekday_is_the_last_such_day_on_or_before_publication(nlp, pub, wd):
    got = resolve_date(nlp(f"Shelling hit the town on {WEEKDAYS[wd]}.")[:], pub.isoformat())
    day = date.fromisoformat(got.start)
    assert day.weekday() == wd and 0 <= (pub - day).days <= 6 and got.precision == 1


@settings(max_examples=40, deadline=None)
@given(pub=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_last_month_and_last_week_precede_publication(nlp, pub):
    month = resolve_date(nlp("Shelling hit the town last month.")[:], pub.isoformat())
    week = resolve_date(nlp("Shelling hit the town last week.")[:], pub.isoformat())
    m_start, m_end = date.fromisoformat(month.start), date.fromisoformat(month.end)
    w_start, w_end = date.fromisoformat(week.start), date.fromisoformat(week.end)
    assert m_start.day == 1 and m_end < pub.replace(day=1) and (m_end + timedelta(days=1)).day == 1
    assert w_start.weekday() == 0 and (w_end - w_start).days == 6 and w_end < pub


@pytest.mark.parametrize("sentence, expected", [
    ("Thirty people were killed in the deadliest attack since 2002.", None),
    ("It was the largest protest in Khartoum since April 2019.", None),
    ("The march was the first protest since March.", None),
    ("Twenty people were killed in the worst attack on tourists since the Mombasa bombing of 2002.", None),
    ("It was the largest march since the uprising of April 2019.", None),
    ("Gunmen killed 12 people on Friday in the worst attack since 2015.", "on Friday"),
    ("The army has held the town since 2002.", "since 2002"),   # no comparison: the time of the holding
])
def test_a_time_a_superlative_is_measured_against_is_not_the_events(nlp, sentence, expected):
    """"The deadliest attack since 2002": the year is what the attack is compared with, not when it was."""
    got = resolve_date(nlp(sentence)[:], PUB)
    assert got.text == expected, got


@pytest.mark.parametrize("sentence, trigger", [
    ("Two days later, a constable was killed by a sniper in Craigavon, the first police officer killed in "
     "Northern Ireland since 1998.", "killed"),
    ("A car bomb tore through the market, the deadliest attack to hit the city since 2016.", "tore"),
    ("Gunmen shot dead a reporter in Gaza, the first journalist who was murdered there since 2014.", "shot"),
])
def test_a_standard_told_by_a_clause_describing_the_superlative_noun(nlp, sentence, trigger):
    """"the first police officer killed in Northern Ireland since 1998": a clause describes the noun "first"
    qualifies, and "since" hangs on that clause, however many words lie between; 1998 is the standard, not
    the killing's time (it had made the killing a total over 25 years)."""
    text = nlp(sentence)
    got = resolve_date(text[:], PUB, anchor=sentence.index(trigger))
    assert "since" not in (got.text or ""), got


def test_the_time_of_the_standard_itself_is_its_own(nlp):
    """"The first vote since the town was captured in 1991": told of the capture, 1991 is its time."""
    text = "The vote is the first since the town was captured by Serb forces in 1991."
    got = resolve_date(nlp(text)[:], PUB, anchor=text.index("captured"))
    assert got.text == "in 1991", got


@pytest.mark.parametrize("sentence, start, end", [
    ("The group first took up arms in 2012 and overran Goma in November of that year.", "2012-11-01", "2012-11-30"),
    ("Fighters stormed the town in 2009, and later that year, on June 3, they burned the market.",
     "2009-06-03", "2009-06-03"),
    ("The war began in 2011; the same year, in August, jets bombed the old city.", "2011-08-01", "2011-08-31"),
    # the month named right before "that year"
    ("He reached Syria in the autumn of 2014, weeks after the militants overran Mosul in June that year.",
     "2014-06-01", "2014-06-30"),
    ("He left Raqqa in the summer of 2017; the city was bombed to ruins in October that year.",
     "2017-10-01", "2017-10-31"),
])
def test_that_year_is_the_year_told_before(nlp, sentence, start, end):
    """"in November of that year", "later that year, on June 3": a month or day told after an explicit year
    and pointed back to it lies in that year, not in the year before publication."""
    text = nlp(sentence)
    anchor = next(t for t in text if t.lower_ in ("overran", "burned", "bombed") and t.i > 3).idx
    got = resolve_date(text[:], PUB, anchor=anchor)
    assert (got.start, got.end) == (start, end)


@pytest.mark.parametrize("sentence, start", [
    ("The alliance collapsed in December 2014, and the former president was killed by rebels on 4 December as "
     "he fled the capital.", "2014-12-04"),
    ("On March 3, 2012, gunmen attacked a church in Jos, and on March 11 a suicide bomber struck another.",
     "2012-03-11"),
    # a later month of the same year keeps the year too
    ("The rebels seized the town in January 2013 and lost it to the army in March.", "2013-03-01"),
    # an earlier month does not go back to the year told (it may be the next year's)
    ("The rebels seized the town in November 2013 and the army shelled it in March.", "2016-03-01"),
])
def test_a_year_told_once_in_the_sentence_holds_for_its_later_dates(nlp, sentence, start):
    """Writers leave the year out once they have told it: "collapsed in December 2014, and ... was killed on 4
    December" lies in 2014, not in the year of publication."""
    text = nlp(sentence)
    anchor = [t for t in text if t.lower_ in ("killed", "struck", "lost", "shelled")][-1].idx
    assert resolve_date(text[:], PUB, anchor=anchor).start == start


def test_that_year_reaches_back_within_its_paragraph(nlp):
    """"The group first took up arms in 2012. In November of that year, it overran Goma": the year told in
    the sentence before, in the same paragraph; a month without "that year" keeps its own reading."""
    doc = nlp("The group first took up arms in 2012. In November of that year, it overran Goma. "
              "Gunmen attacked the town in November.")
    second, third = list(doc.sents)[1:3]
    assert resolve_date(second, PUB).start == "2012-11-01"
    assert resolve_date(third, PUB).start == "2015-11-01"


@pytest.mark.parametrize("sentence, start, end", [
    # a weekday naming a routine yields to the time the sentence tells ...
    ("Last September, two suicide bombers blew themselves up outside a church after Sunday service.",
     "2015-09-01", "2015-09-30"),
    ("In January, gunmen opened fire on worshippers leaving Friday prayers in Kano.", "2016-01-01", "2016-01-31"),
    # ... and still dates the happening when it is the only time told
    ("A suicide bomber struck worshippers leaving Friday prayers in Kano.", "2016-03-25", "2016-03-25"),
    # a weekday of a part of the day is the day
    ("Gunmen killed five people in Kaduna on Saturday morning.", "2016-03-26", "2016-03-26"),
])
def test_a_routine_weekday_yields_to_the_time_told(nlp, sentence, start, end):
    found = resolve_date(nlp(sentence)[:], PUB)
    assert (found.start, found.end) == (start, end), found


@pytest.mark.parametrize("paragraph, start", [
    ("Its spark was the events of July 1983. On 23 July, the Tigers ambushed an army patrol.", "1983-07-23"),
    ("The offensive on the western half began in February 2014. On 21 June, fighters blew up the mosque.",
     "2014-06-21"),
    ("The siege began in 2012. In October, rebels shelled the old city.", "2012-10-01"),
])
def test_a_yearless_day_months_back_lies_in_the_year_its_paragraph_told(nlp, paragraph, start):
    """"Its spark was the events of July 1983. On 23 July, the Tigers ambushed an army patrol": a day or month
    told without a year that, read against the publication day, would lie months back belongs to the year
    the paragraph told just before it, not to the year before publication."""
    last = list(nlp(paragraph).sents)[-1]
    assert resolve_date(last, PUB).start == start


def test_a_yearless_day_of_the_last_weeks_stays_the_storys_own(nlp):
    """"The war began in 2011. On 3 March, rebels attacked the town" (published 27 March): a day of the last
    weeks is the story's own, whatever year the paragraph told before it."""
    last = list(nlp("The war began in 2011. On 3 March, rebels attacked the town.").sents)[-1]
    assert resolve_date(last, PUB).start == "2016-03-03"


@pytest.mark.parametrize("paragraph, start", [
    ("On 25 March 2011, a chlorine cylinder fell on the town. A week later, on 30 March, missiles hit the base.",
     "2011-03-30"),
    ("The siege ended on 20 March 2013. On 2 April, the army entered the old city.", "2013-04-02"),
])
def test_a_yearless_day_that_would_lie_after_publication_lies_in_the_year_told_before(nlp, paragraph, start):
    """Published 27 March 2016: "on 30 March" read against that day would lie three days ahead; the sentence
    before told 2011, so the day is of 2011."""
    last = list(nlp(paragraph).sents)[-1]
    assert resolve_date(last, PUB).start == start


@pytest.mark.parametrize("paragraph, start", [
    ("The peace deal was signed in Pretoria on 2 November 2014. In early August, fighters took the town.",
     "2015-08-01"),
    ("The ceasefire collapsed in December 2013. In May, rebels shelled the old city.", "2014-05-01"),
    # guard: a later month of the year told stays in it
    ("The siege began on 10 March 2013. In October, rebels shelled the old city.", "2013-10-01"),
])
def test_a_yearless_month_before_the_month_told_is_the_one_after_it(nlp, paragraph, start):
    """Published 27 March 2016: told after "2 November 2014", "In early August" is August 2015, the August after it
    (a paragraph tells its time forward), not August 2014."""
    last = list(nlp(paragraph).sents)[-1]
    assert resolve_date(last, PUB).start == start


@pytest.mark.parametrize("paragraph, start", [
    ("On 14 February 2015, gunmen stormed the police post in Kidal. Soldiers retook the post on 2 March after a "
     "week of fighting.", "2015-03-02"),
    ("Militia fighters burned the village on 9 January 2012. On 20 February, they raided the market in Djibo.",
     "2012-02-20"),
])
def test_a_yearless_day_after_a_full_date_goes_on_in_its_year(nlp, paragraph, start):
    """Published 27 March 2016: "On 14 February 2015 ... retook the post on 2 March": a day of a later month than
    the full date told just before goes on in that date's year, even where, read against the publication day, it
    would be a day of the last weeks."""
    last = list(nlp(paragraph).sents)[-1]
    assert resolve_date(last, PUB).start == start


def test_a_yearless_day_reaches_through_a_sentence_without_a_time_to_its_paragraphs_year(nlp):
    """"... landed on the night of 26 November 2008. Over the next three days they killed 160 people. Commandos
    killed the last of them on 29 November": a sentence that tells no time of its own goes on in the paragraph's
    time, and so does the day told after it (published 27 March 2016: not November 2015)."""
    doc = nlp("Ten gunmen landed by boat on the night of 26 November 2008. Over the next three days they killed 160 "
              "people across the city. Commandos killed the last of them at the hotel on 29 November.")
    assert resolve_date(list(doc.sents)[-1], PUB).start == "2008-11-29"


@pytest.mark.parametrize("text, start", [
    ("On 14 June 2014, rebels overran the town of Kidal in a matter of hours. It was the first regional capital to "
     "fall since the war began.\nSoldiers backed by French aircraft retook the town on 2 July.", "2014-07-02"),
    ("Gunmen stormed a wedding in Djibo on 30 October 2013, killing 20 guests.\nOn 4 December, the same group "
     "burned the market.", "2013-12-04"),
    # the paragraph above ended on another year than its full date's: no carry
    ("On 14 June 2014, rebels overran Kidal. They had first held it in 2012.\nSoldiers retook the town on 2 July.",
     "2015-07-02"),
    # an earlier month than the full date's, or a time told in the paragraph before it: no carry
    ("On 14 June 2014, rebels overran Kidal.\nSoldiers retook the town on 2 May.", "2015-05-02"),
    ("On 14 June 2014, rebels overran Kidal.\nThat ended last autumn. Soldiers retook the town on 2 July.",
     "2015-07-02"),
    # a day of the last weeks stays the story's own
    ("On 14 June 2014, rebels overran Kidal.\nSoldiers retook the town on 20 March.", "2016-03-20"),
])
def test_a_paragraph_without_a_year_goes_on_in_the_full_date_the_paragraph_above_ended_on(nlp, text, start):
    """Published 27 March 2016: "On 14 June 2014, rebels overran ... [a new paragraph] Soldiers retook the town on
    2 July": a narrative goes on across its paragraphs; a yearless day months back, of the month of the full date
    the paragraph above ended its story with or a later one, lies in that date's year."""
    last = list(nlp(text).sents)[-1]
    assert resolve_date(last, PUB).start == start


@pytest.mark.parametrize("sentence, trigger, start", [
    ("Rebels have seized the town of Momauk after heavy fighting that began last week, the group said on Sunday.",
     "seized", "2016-03-27"),
    ("Troops retook the village after clashes that erupted in early February, the army said on Saturday.",
     "retook", "2016-03-26"),
    # guard: the described noun is the happening itself, and the time its own
    ("The bombing that killed 20 people at the market on Monday shocked the town.", "bombing", "2016-03-21"),
])
def test_a_time_in_a_clause_describing_another_noun_is_that_nouns(nlp, sentence, trigger, start):
    """"seized the town after heavy fighting that began last week, the group said on Sunday": the time of the
    relative clause dates the fighting, not the seizure; the sentence's other time is the seizure's."""
    got = resolve_date(nlp(sentence)[:], PUB, anchor=sentence.index(trigger))
    assert got.start == start, got


@pytest.mark.parametrize("sentence, start, end", [
    ("That ended last summer, when the rebels signed a truce.", "2015-06-01", "2015-08-31"),
    ("Last winter the militia shelled the camp.", "2015-12-01", "2016-02-29"),
    ("The rebels seized the town in the summer of 2014.", "2014-06-01", "2014-08-31"),
    ("Fighting has raged since the autumn of 2013.", "2013-09-01", "2016-03-27"),
    ("The militia was routed in late spring 2012.", "2012-03-01", "2012-05-31"),
])
def test_seasons_are_times(nlp, sentence, start, end):
    """"last summer", "in the summer of 2014": a season is a time of a month's precision or coarser (northern
    hemisphere; a winter runs into the next year's February); "the fall of Kabul" is none."""
    got = resolve_date(nlp(sentence)[:], PUB)
    assert (got.start, got.end, got.precision) == (start, end, 3)
    assert resolve_date(nlp("The fall of Kabul shocked the world.")[:], PUB).precision != 3


@pytest.mark.parametrize("paragraph, start", [
    ("The raid was the deadliest since the army entered the region in 2009. On 22 November, gunmen hijacked a bus "
     "near Mandera.", "2015-11-22"),
    ("Attacks have risen steadily since 2011. In October, rebels shelled the old city.", "2015-10-01"),
])
def test_a_year_that_starts_a_stretch_sets_no_time_for_what_follows(nlp, paragraph, start):
    """Published 27 March 2016: "the deadliest since ... in 2009. On 22 November, gunmen hijacked a bus": the year
    of a "since" phrase is where a count starts, not the story's time: the day is the last 22 November."""
    last = list(nlp(paragraph).sents)[-1]
    assert resolve_date(last, PUB).start == start


@pytest.mark.parametrize("sentence, start, end, precision", [
    # "earlier in the year" is "earlier this year", "later in the year" is "later this year"
    ("Earlier in the year, gunmen had attacked the same checkpoint.", "2016-01-01", "2016-03-27", 3),
    ("Later in the year, the rebels seized the town.", "2016-09-01", "2016-12-31", 3),
])
def test_earlier_in_the_year_is_this_year(nlp, sentence, start, end, precision):
    got = resolve_date(nlp(sentence)[:], PUB)
    assert (got.start, got.end, got.precision) == (start, end, precision)
    this = resolve_date(nlp(sentence.replace("in the year", "this year"))[:], PUB)
    assert (got.start, got.end) == (this.start, this.end)


@pytest.mark.parametrize("sentence", [
    # a weekday in a name tells no day: not the Sunday before publication
    "Paratroopers killed 13 protesters during Bloody Sunday in Derry.",
    "The group said its fighters had been trained since Black Friday.",
])
def test_a_weekday_in_a_name_is_no_day(nlp, sentence):
    got = resolve_date(nlp(sentence)[:], PUB)
    assert got.precision != 1 or got.text.lower() not in ("sunday", "friday"), got


@pytest.mark.parametrize("sentence, start", [
    ("The town has seen nothing like the 2012 bombing, when a car bomb exploded outside the market on 14 November.",
     "2012-11-14"),
    ("Survivors of the 2013 massacre, in which soldiers shot dead 40 villagers in October, met the envoy.",
     "2013-10-01"),
    # guards: a year that starts a count, and a year after the day, tell it nothing
    ("Gunmen attacked a police post in Wana on 3 February, the deadliest attack since 2012.", "2016-02-03"),
    ("Police arrested him on 14 January under a 2012 law.", "2016-01-14"),
])
def test_a_yearless_day_months_back_lies_in_the_year_its_own_sentence_told_before_it(nlp, sentence, start):
    """Published 27 March 2016: "the 2012 bombing, when a car bomb exploded ... on 14 November" is 14 November 2012,
    the year its own sentence told before the yearless day, as one the sentence before told would give."""
    assert resolve_date(nlp(sentence)[:], PUB).start == start
