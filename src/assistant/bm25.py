"""Okapi BM25 over pre-tokenised passages, through the bm25s library.

bm25s keeps the per-term scores as a sparse matrix (CSC: one column per term), saved as
.npy files and memory-mapped on load, so a process start reads no postings. Scoring is the
Lucene variant (idf = ln(1 + (N - df + 0.5) / (df + 0.5))) times (k1 + 1), which is exactly
the hand-written BM25 this module used to be; each query term counts once.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

IDS_FILE = "ids.json"


class BM25:
    """Build with `BM25(docs)` or open a saved one with `BM25.load(folder)`."""

    def __init__(self, docs: dict[str, list[str]] | None = None, k1: float = 1.4, b: float = 0.7):
        self.k1, self.b = k1, b
        self.ids: list[str] = list(docs or {})
        self._model = None
        self._idf: dict[str, float] | None = None
        if self.ids:
            import bm25s

            # float64: the fused retrieval scores stay what they were with the old implementation.
            self._model = bm25s.BM25(k1=k1, b=b, method="lucene", dtype="float64")
            self._model.index([docs[i] for i in self.ids], show_progress=False)

    # ------------------------------------------------------------------ persistence

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if self._model is not None:
            self._model.save(str(folder), show_progress=False)
        (folder / IDS_FILE).write_text(json.dumps({"ids": self.ids, "k1": self.k1, "b": self.b}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> "BM25":
        folder = Path(folder)
        meta = json.loads((folder / IDS_FILE).read_text(encoding="utf-8"))
        self = cls(None, meta["k1"], meta["b"])
        self.ids = meta["ids"]
        if self.ids:
            import bm25s

            self._model = bm25s.BM25.load(str(folder), mmap=mmap, show_progress=False)
        return self

    # ------------------------------------------------------------------ queries

    def _term_ids(self, query: list[str]) -> list[int]:
        if self._model is None:
            return []
        vocab = self._model.vocab_dict
        seen: dict[int, None] = {}
        for term in query:
            tid = vocab.get(term) if term else None
            if tid is not None:
                seen.setdefault(tid, None)
        return list(seen)

    def scores(self, query: list[str]) -> np.ndarray:
        """Score of every passage, in `ids` order (zeros where no query term occurs)."""
        tids = self._term_ids(query)
        if not tids:
            return np.zeros(len(self.ids), dtype=np.float64)
        return self._model.get_scores(tids) * (self.k1 + 1)

    def score(self, query: list[str]) -> dict[str, float]:
        """Passage id -> score, for the passages that contain a query term."""
        s = self.scores(query)
        return {self.ids[i]: float(s[i]) for i in np.flatnonzero(s)}

    def top(self, query: list[str], n: int, mask: np.ndarray | None = None) -> dict[str, float]:
        """The n best passages (score > 0, within `mask` when given), best first."""
        s = self.scores(query)
        if mask is not None:
            s = np.where(mask, s, 0.0)
        hits = np.flatnonzero(s)
        if len(hits) > n:
            # ties at the cut keep the lower passage index, like a stable sort would
            order = np.lexsort((hits, -s[hits]))[:n]
            hits = hits[order]
        else:
            hits = hits[np.lexsort((hits, -s[hits]))]
        return {self.ids[i]: float(s[i]) for i in hits}

    @property
    def idf(self) -> dict[str, float]:
        """term -> idf, computed once from the document frequencies in the saved matrix."""
        if self._idf is None:
            self._idf = {}
            if self._model is not None:
                indptr = np.asarray(self._model.scores["indptr"])
                df = np.diff(indptr)
                n = len(self.ids)
                for term, tid in self._model.vocab_dict.items():
                    if term and df[tid] > 0:
                        self._idf[term] = math.log(1 + (n - df[tid] + 0.5) / (df[tid] + 0.5))
        return self._idf
