"""Train the detector's learned scorer (``src/eventwire/data/models/detect_scorer.npz``).

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python training/detect/train.py            # writes the model and prints cross-validation
    .venv/bin/python training/detect/train.py --cv-only  # only the 5-fold cross-validation report

Data: every ``training/detect/*.jsonl`` line ``{"id", "text", "label", "register", "source"}`` (label: an
ACLED sub-event type or "none"), all written for eventwire (see training/detect/README.md). CASE 2021 and other
ACLED-derived data are never read here: they measure, they do not train.

Each example is read by the same pipeline as at run time (clean, parse, toponyms, the lexicon's cues and the
rules' proposal; ``eventwire.detect.stage.read_sentence``) and turned into hashed features
(``eventwire.detect._scorer.features``). The model is a multinomial logistic regression (scikit-learn,
lbfgs, fixed order, no randomness), so the same data gives the same model on any machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from eventwire.config import load_settings
from eventwire.detect._engine import Rules
from eventwire.detect._scorer import BUCKETS, FEATURE_VERSION, NONE, Scorer, bucket
from eventwire.detect.stage import example_features
from eventwire.detect.taxonomy import sub_event
from eventwire.extract import Extractor, reading_stages

HERE = Path(__file__).resolve().parent
MODEL = HERE.parents[1] / "src" / "eventwire" / "data" / "models" / "detect_scorer.npz"
C = 0.5


def load_examples(paths: list[Path]) -> list[dict]:
    rows, seen = [], set()
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            label = row["label"]
            if label != NONE:
                sub_event(label)  # raises on a label outside the taxonomy
            key = " ".join(row["text"].split()).lower()
            if key in seen:
                continue
            seen.add(key)
            rows.append({"id": f"{path.stem}:{row['id']}", "text": row["text"], "label": label})
    return rows


def featurize(rows: list[dict]) -> list[list[str]]:
    settings = load_settings()
    reader = Extractor(settings, stages=reading_stages(settings))
    docs = reader.process(reader_docs(rows, settings))
    rules = Rules.load()
    return [[name for name, _ in example_features(doc, rules)] for doc in docs]


def reader_docs(rows: list[dict], settings):
    from eventwire.extract import as_document

    for row in rows:
        yield as_document({"id": row["id"], "text": row["text"], "published": "2020-06-15"}, settings)


def matrix(feats: list[list[str]]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for names in feats:
        counts = Counter(bucket(n) for n in names)
        for b in sorted(counts):
            indices.append(b)
            data.append(1.0)   # presence, not counts
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(indices), np.array(indptr)),
                      shape=(len(feats), BUCKETS))


def fit(x: csr_matrix, y: list[str]) -> LogisticRegression:
    model = LogisticRegression(C=C, max_iter=3000, solver="lbfgs")
    return model.fit(x, y)


def cross_validate(x: csr_matrix, y: list[str]) -> dict:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=13)
    pred = np.empty(len(y), dtype=object)
    ya = np.array(y, dtype=object)
    for train, test in folds.split(np.zeros(len(y)), ya):
        pred[test] = fit(x[train], list(ya[train])).predict(x[test])
    labels = sorted(set(y) - {NONE})
    event_true = ya != NONE
    event_pred = pred != NONE
    tp = int((event_true & event_pred).sum())
    return {"macro_f1_types": round(float(f1_score(ya, pred, labels=labels, average="macro")), 3),
            "event_precision": round(tp / max(1, int(event_pred.sum())), 3),
            "event_recall": round(tp / max(1, int(event_true.sum())), 3),
            "accuracy": round(float((pred == ya).mean()), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", nargs="*", type=Path, default=sorted(HERE.glob("*.jsonl")))
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (quicker iterations)")
    args = parser.parse_args(argv)
    rows = load_examples(args.data)
    print(f"{len(rows)} examples from {len(args.data)} files; labels: {dict(Counter(r['label'] for r in rows))}",
          file=sys.stderr)
    feats = featurize(rows)
    x, y = matrix(feats), [r["label"] for r in rows]
    report = {} if args.no_cv else cross_validate(x, y)
    print(json.dumps({"cross_validation": report}), file=sys.stderr)
    if args.cv_only:
        return 0
    model = fit(x, y)
    used = np.unique(x.indices)
    classes = [str(c) for c in model.classes_]
    weights = model.coef_.T[used]            # (buckets used, classes)
    digest = hashlib.sha256()
    for path in args.data:
        digest.update(path.read_bytes())
    manifest = {"feature_version": FEATURE_VERSION, "examples": len(rows), "C": C,
                "data": [p.name for p in args.data], "data_sha256": digest.hexdigest(),
                "cross_validation": report, "trainer": "training/detect/train.py"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Scorer(used.astype(np.int32), weights, model.intercept_, classes, manifest).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(used)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
