"""Document metadata found in the clean text: title, standfirst, dateline, language."""

from __future__ import annotations

import functools
import re
from importlib import resources

from eventwire.clean._lines import Line

_TITLE_MAX_CHARS = 200
_STANDFIRST_MAX_WORDS = 60
_STANDFIRST_SENTENCE_WORDS = 25  # a standfirst ending with a full stop must be this short
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
# "Published: 3 May 2024", "Updated on May 3, 2024", "KABUL, May 3, 2024 (Reuters) -", "GAO, 3 May 2024 —"
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|first published)(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?"
    rf"|[A-Z][A-Za-z .'\-]{{1,40}},\s+(?:[A-Za-z .'\-]{{1,30}},\s+)?(?:\w+day,?\s+)?)(?P<date>{_DATE})",
    re.IGNORECASE)
_DATELINE_LINES = 4
_MIN_LETTERS = 60


def find_title(lines: list[Line]) -> Line | None:
    """The first kept line when it reads like a headline and more text follows."""
    text_lines = [line for line in lines if line.keep and not line.blank]
    if len(text_lines) < 2:
        return None
    first = text_lines[0]
    if len(first.text) > _TITLE_MAX_CHARS or first.caption or first.text.endswith((".", ",", ";")):
        return None
    return first


def find_standfirst(lines: list[Line], title: Line) -> Line | None:
    """The line after the title when it is a summary (short, often unpunctuated; not a caption) and the body follows."""
    after = [line for line in lines if line.keep and not line.blank and line.start > title.start]
    if len(after) < 3:
        return None
    line = after[0]
    words = len(line.text.split())
    if line.caption or words > _STANDFIRST_MAX_WORDS or words < 5 or _DATELINE.match(line.text):
        return None
    if line.text.endswith((".", "\"", "”")) and words > _STANDFIRST_SENTENCE_WORDS:
        return None  # a lede paragraph, not a summary line
    return line


def find_dateline(lines: list[Line], after: int) -> str | None:
    """``YYYY-MM-DD`` of a dateline in the first lines of the body, if there is an obvious one."""
    body = [line for line in lines if line.keep and not line.blank and line.start >= after]
    for line in body[:_DATELINE_LINES]:
        match = _DATELINE.match(line.text)
        if match:
            return _parse(match.group("date"))
    return None


def _parse(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.strftime("%Y-%m-%d") if parsed else None


@functools.lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier
    """py3langid's model, restricted to the languages in ``data/news_languages.txt`` (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    text = resources.files("eventwire").joinpath("data/news_languages.txt").read_text("utf-8")
    languages = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(languages)
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid); None when too short to tell.

    Fewer than ``_MIN_LETTERS`` letters (a headline, a URL) is undetermined: such
    documents are treated like documents in an accepted language.
    """
    sample = text[:800]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    return _identifier().classify(sample)[0]
