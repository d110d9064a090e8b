"""Facts: Document -> responsibilities, targets and budget lines, each with its source lines."""

from __future__ import annotations

from .types import Chunk, Document, Facts

FACTS_VERSION = "0"


class FactExtractor:
    def run(self, doc: Document, chunks: list[Chunk]) -> Facts:
        return Facts()
