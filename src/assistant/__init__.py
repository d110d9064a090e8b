"""Cited answers over Vietnamese government plans.

The public API is small: `Assistant` (ingest, ask), `Settings`, and the plain data types.
Heavy parts (models, Chroma) load on first use, never at import.

    from assistant import Assistant, Settings
    answer = Assistant(Settings.from_env()).ask("Ai chủ trì hoạt động truyền thông?")
"""

from .config import Settings
from .types import Answer, Chunk, Citation, Document, DocumentMeta, Hit, IngestReport, Query, Turn

__all__ = ["Assistant", "Settings", "Answer", "Chunk", "Citation", "Document", "DocumentMeta", "Hit", "IngestReport", "Query", "Turn"]


def __getattr__(name: str):
    if name == "Assistant":  # imported on demand: keeps `assistant --help` instant
        from .assistant import Assistant

        return Assistant
    raise AttributeError(name)
