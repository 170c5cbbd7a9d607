"""Name keys for gazetteer lookup, robust to transliteration.

Two keys per name:

- ``plain_key``: ASCII-folded, lower case, apostrophes and dots dropped,
  hyphens and other punctuation turned into spaces ("Deir ez-Zor" ->
  "deir ez zor", "U.S." -> "us").
- ``loose_key``: the plain key with Arabic-style articles removed (al-, as-,
  ar-, el-, ez- ... and the assimilated "Ezzor" form), common vowel spellings
  folded ("ay"/"ei" -> "e", "aw"/"ou"/"u" -> "o", "q" -> "k") and doubled
  letters collapsed, without spaces. "Deir Ezzor", "Deir ez-Zor" and "Dayr az
  Zawr" all give "derzor".
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_DROP = re.compile(r"[\'\u2018\u2019\u02bb\u02bc\u02be\u02bf`´.]")
_SPACE = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset({"al", "el", "il", "as", "es", "ar", "er", "ad", "ed", "az", "ez", "at", "et",
                      "an", "en", "ash", "esh", "ath", "adh", "ud", "ul"})
_ASSIMILATED = re.compile(r"^[ae](l|z|s|r|d|t|n|sh)\1(?=[a-z]{2})")
_FOLDS = (("ay", "e"), ("ey", "e"), ("ei", "e"), ("ai", "e"), ("aw", "o"), ("ow", "o"), ("ou", "o"),
          ("oo", "o"), ("u", "o"), ("ee", "i"), ("iy", "i"), ("ie", "i"), ("y", "i"), ("q", "k"),
          ("kh", "k"), ("gh", "g"), ("dh", "d"), ("ck", "k"), ("c", "k"), ("ph", "f"))
_DOUBLE = re.compile(r"(.)\1+")


def ascii_fold(text: str) -> str:
    """ASCII transliteration (diacritics and other scripts folded by unidecode)."""
    return unidecode(text) if not text.isascii() else text


@lru_cache(maxsize=200_000)
def plain_key(name: str) -> str:
    """Lower-case ASCII key; punctuation and hyphens become single spaces."""
    text = _DROP.sub("", ascii_fold(name).lower())
    return _SPACE.sub(" ", text).strip()


def _strip_articles(tokens: list[str]) -> list[str]:
    kept = [t for t in tokens if t not in ARTICLES] or tokens
    return [kept[0]] + [_ASSIMILATED.sub(r"\1", t) for t in kept[1:]]


def _fold(token: str) -> str:
    for old, new in _FOLDS:
        token = token.replace(old, new)
    token = _DOUBLE.sub(r"\1", token)
    return token[:-1] if len(token) > 3 and token.endswith("h") else token


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """Transliteration-insensitive key ("Dayr az Zawr" == "Deir Ezzor")."""
    tokens = plain_key(name).split()
    if not tokens:
        return ""
    if tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return "".join(_fold(t) for t in _strip_articles(tokens))


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (worth a key for English text)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff"
                                 for c in letters)
