"""Extraction: clean documents in, mentions and fused event records out.

``Extractor`` builds the stage pipeline once (parse -> toponyms -> detect ->
locate -> finalize) from settings and runs it over documents in batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.config import Settings
from eventwire.pipeline import Finalize, Pipeline, Stage
from eventwire.records import Document, Event, Mention


def _stages(settings: Settings) -> list[Stage]:
    from eventwire.detect import DetectStage, ruler_patterns
    from eventwire.geo import LocateStage, ToponymStage
    from eventwire.parse import ParseStage
    from eventwire.story import StoryStage

    return [ParseStage(settings, ruler_patterns()), ToponymStage(settings), DetectStage(settings),
            LocateStage(settings), StoryStage(settings), Finalize()]


class Extractor:
    """Runs the extraction pipeline; one per process (stages load models once)."""

    def __init__(self, settings: Settings, *, stages: list[Stage] | None = None) -> None:
        self.settings = settings
        self.pipeline = Pipeline(stages if stages is not None else _stages(settings))

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Documents with ``mentions`` filled (raw-text offsets)."""
        return self.pipeline.pipe(documents)

    def mentions(self, documents: Iterable[Document]) -> list[Mention]:
        return [m for doc in self.process(documents) for m in doc.mentions]

    def extract(self, documents: Iterable[Document], *, include_background: bool | None = None) -> list[Event]:
        """Fused events from the documents (background events only when asked)."""
        from eventwire.fuse import fuse

        docs = list(self.process(documents))
        events = fuse([m for d in docs for m in d.mentions], {d.id: d for d in docs})
        keep_background = (self.settings.extract.include_background if include_background is None
                           else include_background)
        return [e for e in events if keep_background or not e.is_background]


def event_dicts(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]
