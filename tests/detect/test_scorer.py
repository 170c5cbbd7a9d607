"""The detector's learned scorer: shipped, small, quick to load, trained on the committed data, and
deciding where the rules alone go wrong (and never where the rules' syntax knows better).

The paraphrase gate scores the blind suite in tests/detect/data/paraphrases.jsonl (written by someone who
saw neither the code nor the training data; see tests/detect/_paraphrase.py). Its floor was measured
with the scorer; the rules alone score lower on the same suite, and the test says so too.
"""

from __future__ import annotations

import hashlib
import time
from importlib import resources
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.detect._scorer import NONE, Scorer, bucket, features

TRAINING = Path(__file__).resolve().parents[2] / "training" / "detect"
MODEL = resources.files("eventwire") / "data" / "models" / "detect_scorer.npz"

# Measured 2026-12-02 on the blind suite (474 sentences): with the scorer 0.785 (event recall 0.91,
# non-event specificity 0.86); the rules alone 0.732 (0.88, 0.77). Retrained with training/detect/more.jsonl
# (2026-12-02, later): 0.806 (event recall 0.92). Raise as the work improves.
PARAPHRASE_FLOOR = 0.79
RULES_ALONE_MARGIN = 0.02


def test_the_shipped_model_is_small_loads_fast_and_was_trained_on_the_committed_data():
    assert Path(str(MODEL)).stat().st_size < 20_000_000
    started = time.perf_counter()
    scorer = Scorer.load()
    assert time.perf_counter() - started < 1.0
    manifest = scorer.manifest
    assert manifest["trainer"] == "training/detect/train.py"
    digest = hashlib.sha256()
    for name in manifest["data"]:
        digest.update((TRAINING / name).read_bytes())
    assert digest.hexdigest() == manifest["data_sha256"], "training data changed: retrain the model"
    assert sorted(p.name for p in TRAINING.glob("*.jsonl")) == sorted(manifest["data"])
    assert manifest["examples"] >= 4000
    assert NONE in scorer.classes and len(scorer.classes) == 26


def test_feature_hashing_is_stable_across_processes():
    # CRC-32, not Python's salted hash(): the same feature lands in the same bucket on every machine
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from eventwire.detect._scorer import bucket; print(bucket('l:kill'))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert int(out) == bucket("l:kill")


def test_scoring_is_deterministic_and_names_a_trigger():
    from eventwire.detect._engine import Rules
    from eventwire.detect.stage import example_features
    from eventwire.extract import Extractor, as_document, reading_stages

    settings = load_settings()
    reader = Extractor(settings, stages=reading_stages(settings))
    [doc] = reader.process([as_document({"id": "x", "text": "Gunmen stormed a village and shot dead 12 farmers."},
                                        settings)])
    scorer, rules = Scorer.load(), Rules.load()
    first, second = scorer.score(example_features(doc, rules)), scorer.score(example_features(doc, rules))
    assert first == second
    assert first.label == "Attack" and first.p_event > 0.5
    assert doc.nlp[first.trigger].lemma_.lower() in ("storm", "shoot", "dead", "farmer", "gunman", "village")
    plain = scorer.score(features(doc.nlp[:]))   # words alone, without the lexicon and the rules: less sure
    assert plain.p_event < first.p_event


def _labels(texts, **detect):
    import eventwire

    settings = load_settings(detect=detect) if detect else load_settings()
    extractor = eventwire.Extractor(settings)
    out = []
    for _, events in extractor.pipe(({"id": str(i), "text": t, "published": "2024-06-15"} for i, t in enumerate(texts)),
                                    include_background=True):
        out.append(sorted({e.sub_event_type for e in events}) or [NONE])
    return out


def test_the_model_vetoes_what_only_looks_like_violence_and_keeps_real_events():
    texts = ["Shares were hammered in a market bloodbath on Monday as investors fled.",
             "Gunmen killed five villagers in Kaduna on Monday.",
             "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday."]
    with_model = _labels(texts)
    assert with_model[0] == [NONE]
    assert with_model[1] == ["Attack"]
    assert with_model[2] == ["Protest with intervention"]


def test_without_the_scorer_the_rules_alone_decide():
    texts = ["Gunmen killed five villagers in Kaduna on Monday."]
    assert _labels(texts, scorer=False) == [["Attack"]]


def test_a_bad_probability_setting_is_refused():
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError):
        load_settings(detect={"keep_above": 1.5})


@pytest.mark.slow
def test_paraphrase_suite_floor_and_the_scorer_earns_its_place():
    import eventwire
    from tests.detect._paraphrase import load_suite, predict, score

    rows = load_suite()
    assert len(rows) >= 400 and sum(r["label"] == NONE for r in rows) >= 100
    with_model = score(rows, predict(rows, eventwire.Extractor(load_settings())))
    rules_alone = score(rows, predict(rows, eventwire.Extractor(load_settings(detect={"scorer": False}))))
    assert with_model["accuracy"] >= PARAPHRASE_FLOOR, with_model
    assert with_model["accuracy"] >= rules_alone["accuracy"] + RULES_ALONE_MARGIN, (with_model, rules_alone)


def test_a_model_file_that_is_not_one_is_a_one_line_configuration_error(tmp_path):
    from eventwire.errors import ConfigError

    bad = tmp_path / "model.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="detect.model: cannot read"):
        Scorer.load(bad)
    copy = tmp_path / "copy.npz"
    Scorer.load().save(copy)          # a model file written by this code loads from a [detect] model path
    assert Scorer.load(copy).classes == Scorer.load().classes
