"""The learned scorer: event or not, and which sub-event type, for one sentence.

The rules in ``classify`` propose (a sub-event type and its trigger, or nothing);
this small linear model (multinomial logistic regression over hashed sentence
features, trained by ``training/detect/train.py`` on examples written for
eventwire) decides. Its features are what a coder looks at: the words and
lemmas, lemma pairs, each word with its syntactic role and head ("custody" as
the object of "into" under "take"), the lexicon's cue classes, modal and negated
verbs, entity labels, and the rules' own proposal. The model file is
``data/models/detect_scorer.npz``: only the hash buckets seen in training, the
class names and a manifest of how it was trained. Inference is a sum of weight
rows in numpy, deterministic and CPU only; no scikit-learn at run time.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.detect.view import clause_verb
from eventwire.errors import ConfigError

NONE = "none"
BUCKETS = 1 << 18
FEATURE_VERSION = 3
NAMED_ROWS = 50_000   # feature names whose row a scorer remembers (about 8 MB), forgotten all at once when full
SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "SYM"})
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "agent", "attr", "prep", "prt", "acomp",
                       "xcomp", "advcl", "compound", "amod", "npadvmod", "dative", "oprd", "ccomp", "conj"})
MODAL_WORDS = frozenset({"will", "would", "could", "may", "might", "can", "should", "shall", "must"})


def _lemma(tok: Any) -> str:
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    if tok.like_num:
        return "<num>"
    return lemma


def features(sent: Any, cues: Sequence[Any] = (), rule: str | None = None,
             rule_cue: str | None = None, rule_id: str | None = None) -> list[tuple[str, int | None]]:
    """(feature, token index or None) for one spaCy sentence Span; the index says which word
    a feature belongs to, so the word that weighs most for a decision can serve as its trigger."""
    out: list[tuple[str, int | None]] = [("bias", None), (f"r:{rule or NONE}", None)]
    if rule_cue:
        out.append((f"rc:{rule_cue}", None))
    if rule_id:
        out.append((f"ri:{rule_id}", None))
    words = [t for t in sent if t.pos_ not in SKIP_POS and not t.is_space]
    prev = "<s>"
    for tok in words:
        lemma = _lemma(tok)
        out.append((f"l:{lemma}", tok.i))
        if tok.lower_ != lemma:
            out.append((f"w:{tok.lower_}", tok.i))
        out.append((f"b:{prev}_{lemma}", tok.i))
        prev = lemma
        head = _lemma(tok.head) if tok.head.i != tok.i else "<root>"
        if tok.dep_ in ROLE_DEPS or tok.dep_ == "ROOT":
            out.append((f"d:{tok.dep_}:{lemma}>{head}", tok.i))
            out.append((f"h:{lemma}>{head}", tok.i))
        if tok.dep_ == "neg":
            out.append((f"neg:{head}", tok.head.i))
        if tok.lower_ in MODAL_WORDS and tok.dep_ == "aux":
            out.append((f"m:{tok.lower_}", tok.head.i))
        if tok.ent_iob_ == "B":
            out.append((f"e:{tok.ent_type_}", None))
    out.append((f"b:{prev}_</s>", None))
    verbs = {}
    for cue in cues:
        head = sent.doc[cue.start:cue.end].root
        strength = "w" if cue.weak else "s"
        out.append((f"c:{cue.cls}", head.i))
        out.append((f"c{strength}:{cue.cls}", head.i))
        out.append((f"cl:{cue.cls}:{_lemma(head)}", head.i))
        out.append((f"cd:{cue.cls}:{head.dep_}", head.i))
        verb = clause_verb(head)
        verbs.setdefault(verb.i, verb)
    for verb in verbs.values():
        out.extend(_participants(verb))
    return out


def _participants(verb: Any) -> list[tuple[str, int | None]]:
    """Who does what to whom around a cue's verb: the doer ("army", "gunmen", "crowd"), the one done to,
    and the words that qualify them ("Kurdish-led", "armed"), whatever the verb is."""
    out: list[tuple[str, int | None]] = []
    for child in verb.children:
        if child.dep_ == "agent":
            role, heads = "doer", [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("nsubj", "csubj"):
            role, heads = "doer", [child]
        elif child.dep_ in ("nsubjpass", "dobj", "obj"):
            role, heads = "undergoer", [child]
        else:
            continue
        for head in heads:
            for tok in (head, *head.conjuncts):
                out.append((f"{role}:{_lemma(tok)}", verb.i))
                out.extend((f"{role}-mod:{_lemma(m)}", verb.i) for m in tok.lefts
                           if m.dep_ in ("compound", "amod", "nmod") and m.pos_ not in SKIP_POS)
                if tok.ent_type_:
                    out.append((f"{role}-ent:{tok.ent_type_}", verb.i))
    return out


def bucket(feature: str) -> int:
    """A feature's hash bucket: CRC-32, the same on every machine and every Python."""
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The model's reading of one sentence."""

    label: str                 # the most probable sub-event type, or "none"
    probability: float         # its probability
    p_event: float             # 1 - P(none)
    probabilities: dict[str, float]
    trigger: int | None        # token index of the word that weighs most for ``label``
    weights: dict[int, float]  # each word's weight for ``label`` against "none" (token index -> weight)

    def p(self, label: str) -> float:
        return self.probabilities.get(label, 0.0)


class Scorer:
    """A trained model; ``score`` reads one sentence."""

    def __init__(self, index: np.ndarray, weights: np.ndarray, bias: np.ndarray, classes: Sequence[str],
                 manifest: dict[str, Any] | None = None) -> None:
        self._rows = {int(b): i for i, b in enumerate(index.tolist())}
        self._weights = weights.astype(np.float32)
        self._bias = bias.astype(np.float32)
        self.classes = list(classes)
        self.manifest = manifest or {}
        self._none = self.classes.index(NONE)
        self._named: dict[str, int | None] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Scorer:
        """The shipped model, or the file ``path`` (``[detect] model``); a file that is not a model trained
        by training/detect/train.py for these features is a ConfigError E022 naming it."""
        source = Path(path) if path else resources.files("eventwire") / "data" / "models" / "detect_scorer.npz"
        try:
            with source.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
                manifest = json.loads(str(data["manifest"]))
                version = manifest.get("feature_version")
                scorer = cls(data["index"], data["weights"], data["bias"], [str(c) for c in data["classes"]], manifest)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ConfigError("E022", f"detect.model: cannot read {source} ({exc})",
                              hint="give a model file written by training/detect/train.py, or leave it empty") from None
        if version != FEATURE_VERSION:
            raise ConfigError("E022", f"detect.model: {source} has features v{version}, this eventwire v{FEATURE_VERSION}",
                              hint="retrain it with training/detect/train.py")
        return scorer

    def save(self, path: str | Path) -> None:
        index = np.array(sorted(self._rows, key=self._rows.__getitem__), dtype=np.int32)
        np.savez_compressed(path, index=index, weights=self._weights.astype(np.float16), bias=self._bias,
                            classes=np.array(self.classes), manifest=np.array(json.dumps(self.manifest,
                                                                                          sort_keys=True)))

    def _row(self, name: str) -> int | None:
        """The weight row of a feature, or None; remembered per feature name (words recur across texts)."""
        try:
            return self._named[name]
        except KeyError:
            if len(self._named) >= NAMED_ROWS:
                self._named.clear()
            row = self._named[name] = self._rows.get(bucket(name))
            return row

    def _logits(self, feats: Iterable[tuple[str, int | None]]) -> tuple[np.ndarray, list[tuple[int, int | None]]]:
        rows = []
        for name, tok in feats:
            row = self._row(name)
            if row is not None:
                rows.append((row, tok))
        logits = self._bias.copy()
        if rows:
            logits += self._weights[[r for r, _ in rows]].sum(axis=0)
        return logits, rows

    def score(self, feats: Iterable[tuple[str, int | None]]) -> Verdict:
        logits, rows = self._logits(feats)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        best = int(probs.argmax())
        trigger = None
        weight: dict[int, float] = {}
        if best != self._none:
            for row, tok in rows:
                if tok is not None:
                    w = self._weights[row]
                    weight[tok] = weight.get(tok, 0.0) + float(w[best] - w[self._none])
            if weight:
                trigger = max(weight, key=lambda t: (weight[t], -t))
        return Verdict(self.classes[best], float(probs[best]), float(1.0 - probs[self._none]),
                       {c: float(p) for c, p in zip(self.classes, probs, strict=True)}, trigger, weight)
