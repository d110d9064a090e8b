"""Okapi BM25 over pre-tokenised passages, small enough to persist as JSON beside Chroma."""

from __future__ import annotations

import math
from collections import Counter, defaultdict


class BM25:
    def __init__(self, docs: dict[str, list[str]], k1: float = 1.4, b: float = 0.7):
        self.k1, self.b = k1, b
        self.ids = list(docs)
        self.lengths = [len(docs[i]) for i in self.ids]
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for idx, doc_id in enumerate(self.ids):
            for term, tf in Counter(docs[doc_id]).items():
                self.postings[term].append((idx, tf))
        n = len(self.ids)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def score(self, query: list[str]) -> dict[str, float]:
        scores: dict[int, float] = defaultdict(float)
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for idx, tf in self.postings[term]:
                denom = tf + self.k1 * (1 - self.b + self.b * self.lengths[idx] / self.avgdl)
                scores[idx] += idf * tf * (self.k1 + 1) / denom
        return {self.ids[i]: s for i, s in scores.items()}
