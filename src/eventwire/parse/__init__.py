"""Parsing with spaCy: sentences, tokens, dependencies, entities.

The pipeline is loaded once per model name and process (workers rebuild it
from the same settings). Entity-ruler patterns (actors, places) are added in
front of the statistical NER so that the stock model's misses ("IS", "Deir
Ezzor" as a person) are fixed by dictionary entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ModelError
from eventwire.pipeline import Stage
from eventwire.records import Document


@lru_cache(maxsize=4)
def _load(model: str, patterns: tuple[tuple[str, str], ...]) -> Any:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelError("E040", model) from None
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True,
                                                                   "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    return nlp


def load_nlp(settings: Settings, patterns: Sequence[tuple[str, str]] = ()) -> Any:
    """The spaCy pipeline named in settings, with (label, phrase) ruler patterns added."""
    return _load(settings.parse.model, tuple(sorted(set(patterns))))


class ParseStage(Stage):
    """Sets ``doc.nlp`` to the spaCy ``Doc`` of the clean text."""

    name = "parse"
    requires = ("text",)
    provides = ("nlp",)

    def __init__(self, settings: Settings, patterns: Sequence[tuple[str, str]] = ()) -> None:
        self.nlp = load_nlp(settings, patterns)
        self.batch_size = settings.parse.batch_size
        self.languages = frozenset(settings.clean.languages)

    def _wanted(self, doc: Document) -> bool:
        """Documents in another language are not parsed (no mentions): extraction is English-only."""
        return not doc.language or doc.language in self.languages

    def __call__(self, doc: Document) -> Document:
        doc.nlp = self.nlp(doc.clean_text) if self._wanted(doc) else None
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        from itertools import tee

        originals, texts = tee(docs)
        parsed = self.nlp.pipe((d.clean_text if self._wanted(d) else "" for d in texts),
                               batch_size=self.batch_size)
        for doc, spacy_doc in zip(originals, parsed):
            doc.nlp = spacy_doc if self._wanted(doc) else None
            yield doc
