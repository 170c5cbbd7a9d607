from eventwire.geo.normalize import is_latin, loose_key, plain_key


def test_transliterations_of_deir_ez_zor_share_a_key():
    keys = {loose_key(n) for n in ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour")}
    assert len(keys) == 1


def test_articles_diacritics_and_apostrophes_are_folded():
    assert loose_key("Ar Raqqah") == loose_key("Raqqa") == loose_key("al-Raqqa")
    assert loose_key("Dar\u2018\u0101") == loose_key("Daraa") == loose_key("Dara'a")
    assert plain_key("\u1e28im\u015f") == "hims"
    assert plain_key("U.S.") == "us"


def test_plain_key_keeps_words_apart():
    assert plain_key("  Sant Julià de Lòria ") == "sant julia de loria"
    assert plain_key("Washington, D.C.") == "washington dc"


def test_only_latin_names_are_indexed():
    assert is_latin("Tadmur") and is_latin("Ḩimş")
    assert not is_latin("حمص") and not is_latin("Москва")
