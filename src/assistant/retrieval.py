"""Retrieve: Query -> ranked hits from dense (Chroma) + BM25 (segmented) + BM25 (folded).

Scores of each retriever are normalised over its candidates and fused by weights (measured:
weighted fusion beat reciprocal-rank fusion). Provinces, years and document numbers named in
the question boost the documents that match them.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from .config import Settings
from .embeddings import Embedder
from .index import LoadedIndex
from .question import same_number
from .types import Chunk, Hit, Query
from .vietnamese import fold, folded_terms, periods_in, segment, years_in


class Reranker(Protocol):
    """Optional second stage, e.g. a local cross-encoder: scores (question, passage) pairs."""

    def score(self, question: str, passages: list[str]) -> list[float]: ...


class CrossEncoderReranker:
    """sentence-transformers CrossEncoder from a local path (loaded on first use)."""

    def __init__(self, model: str):
        self.model_name = model
        self._model = None

    def score(self, question: str, passages: list[str]) -> list[float]:
        if self._model is None:
            from sentence_transformers import CrossEncoder

            self._model = CrossEncoder(self.model_name, device="cpu")
        return [float(s) for s in self._model.predict([(question, p) for p in passages])]


class Retriever:
    def __init__(self, index: LoadedIndex, embedder: Embedder, settings: Settings, reranker: Reranker | None = None):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.reranker = reranker

    def run(self, query: Query, top_k: int | None = None) -> list[Hit]:
        top_k = top_k or self.settings.top_k
        text = query.standalone
        allowed = set(query.sources) if query.sources else None
        n = self.settings.candidates
        channels = {
            "dense": self._dense(text, n, allowed),
            "words": self._keyword(self.index.bm25_words, segment(text), n, allowed),
            "folded": self._keyword(self.index.bm25_folded, folded_terms(text), n, allowed),
        }
        weights = {
            "dense": self.settings.weight_dense,
            "words": self.settings.weight_bm25_words,
            "folded": self.settings.weight_bm25_folded,
        }
        if query.unaccented:
            # pyvi cannot segment unaccented text; the folded field carries the keyword signal.
            weights["folded"] += weights["words"]
            weights["words"] = 0.0
        fused: dict[str, dict[str, float]] = {}
        for name, scores in channels.items():
            for cid, s in _normalise(scores, minmax=(name == "dense")).items():
                fused.setdefault(cid, {})[name] = s
        hits = []
        for cid, parts in fused.items():
            chunk = self.index.chunks.get(cid)
            if chunk is None:
                continue
            score = sum(weights[k] * v for k, v in parts.items())
            score *= self._boost(chunk, query)
            hits.append(Hit(chunk, score, {k: round(v, 4) for k, v in parts.items()}))
        hits.sort(key=lambda h: (-h.score, h.chunk.source, h.chunk.start_line))
        if self.reranker is not None and hits:
            head = hits[: max(top_k * 2, 10)]
            scores = self.reranker.score(text, [h.chunk.indexed_text for h in head])
            for h, s in zip(head, scores):
                h.scores["rerank"] = s
            head.sort(key=lambda h: -h.scores["rerank"])
            hits = head + hits[len(head) :]
        return hits[:top_k]

    def _dense(self, text: str, n: int, allowed: set[str] | None) -> dict[str, float]:
        count = len(self.index.chunks)
        if not count:
            return {}
        vec = self.embedder.embed_query(text)
        where = {"source": {"$in": sorted(allowed)}} if allowed else None
        # The collection may also hold vectors of the generation being built or just replaced:
        # only this index's own vectors count, and more are asked for when others came first.
        own = self.index.vectors
        want = min(n, count)
        k = want
        while True:
            res = self.index.collection.query(query_embeddings=[vec.tolist()], n_results=k, where=where, include=["distances"])
            ids, dists = res["ids"][0], res["distances"][0]
            out = {own[v]: 1.0 - d for v, d in zip(ids, dists) if v in own}
            if len(out) >= want or len(ids) < k:
                return dict(list(out.items())[:want])
            k *= 4

    def _keyword(self, bm25, terms: list[str], n: int, allowed: set[str] | None) -> dict[str, float]:
        mask = None
        if allowed:
            chunks = self.index.chunks
            mask = np.fromiter((chunks[c].source in allowed for c in bm25.ids), dtype=bool, count=len(bm25.ids))
        return bm25.top(terms, n, mask)

    def _boost(self, chunk: Chunk, query: Query) -> float:
        rec = self.index.documents.get(chunk.source)
        if rec is None:
            return 1.0
        meta = rec.meta
        boost = 1.0
        b = self.settings.filter_boost
        if query.provinces:
            if meta.province in query.provinces:
                boost *= b
            elif meta.province:
                boost /= b
        if query.numbers and meta.number and any(same_number(n, meta.number) for n in query.numbers):
            boost *= b
        if query.years and meta.years:
            if any(y in meta.years for y in query.years):
                boost *= b ** 0.5
            elif query.provinces == [] and not any(y in meta.years for y in query.years):
                boost /= b ** 0.25
        if query.years:
            own = set(years_in(f"{chunk.section} {chunk.text}"))
            for a, z in periods_in(f"{chunk.section} {chunk.text}"):
                own |= set(range(a, z + 1))
            if own:
                boost *= 1.15 if any(y in own for y in query.years) else 0.9
        return boost


def _normalise(scores: dict[str, float], minmax: bool) -> dict[str, float]:
    if not scores:
        return {}
    hi = max(scores.values())
    lo = min(scores.values()) if minmax else 0.0
    if hi - lo <= 1e-9:
        return {k: 1.0 for k in scores}
    return {k: (v - lo) / (hi - lo) for k, v in scores.items()}
