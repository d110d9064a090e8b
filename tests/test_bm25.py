"""BM25 through bm25s: the Okapi scores the retrieval weights were tuned on, saved and memory-mapped."""

from __future__ import annotations

import math

import numpy as np
import pytest

from assistant.bm25 import BM25

DOCS = {
    "a": ["sở", "nội_vụ", "chủ_trì", "sở", "tuyên_truyền"],
    "b": ["sở", "tài_chính", "phối_hợp"],
    "c": ["ủy_ban", "nhân_dân", "tỉnh", "chủ_trì", "kinh_phí", "kinh_phí", "năm", "2030"],
    "d": [],
    "e": ["tuyên_truyền", "viên", "hội_thi"],
}


def okapi(docs: dict[str, list[str]], query: list[str], k1: float = 1.4, b: float = 0.7) -> dict[str, float]:
    """The formula, written out: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf saturation with (k1 + 1)."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs.values()) / n
    out: dict[str, float] = {}
    for term in set(query):
        df = sum(term in d for d in docs.values())
        if not df:
            continue
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for cid, d in docs.items():
            tf = d.count(term)
            if tf:
                out[cid] = out.get(cid, 0.0) + idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avgdl))
    return out


@pytest.mark.parametrize("query", [["sở"], ["chủ_trì", "kinh_phí"], ["tuyên_truyền", "sở", "sở"], ["không_có"], []])
def test_scores_are_okapi_bm25(query):
    got = BM25(DOCS).score(query)
    want = okapi(DOCS, query)
    assert set(got) == set(want)
    for cid in want:
        assert got[cid] == pytest.approx(want[cid], rel=1e-12)


def test_idf_of_every_term():
    idf = BM25(DOCS).idf
    assert set(idf) == {t for d in DOCS.values() for t in d}
    assert idf["sở"] == pytest.approx(math.log(1 + (5 - 2 + 0.5) / 2.5))
    assert idf["hội_thi"] > idf["sở"]


def test_saved_index_is_memory_mapped_and_scores_the_same(tmp_path):
    built = BM25(DOCS)
    built.save(tmp_path / "bm25")
    loaded = BM25.load(tmp_path / "bm25")
    assert loaded.ids == list(DOCS)
    assert isinstance(loaded._model.scores["data"], np.memmap)
    for query in (["sở", "chủ_trì"], ["kinh_phí", "2030"]):
        assert loaded.score(query) == pytest.approx(built.score(query))
    assert loaded.idf == pytest.approx(built.idf)


def test_top_keeps_the_best_within_a_mask_and_breaks_ties_by_position():
    index = BM25({**DOCS, "f": ["sở", "tài_chính", "phối_hợp"]})  # "f" ties with "b"
    assert list(index.top(["tài_chính"], 1)) == ["b"]
    assert list(index.top(["tài_chính"], 5)) == ["b", "f"]
    scores = index.score(["sở", "chủ_trì"])
    assert list(index.top(["sở", "chủ_trì"], 2)) == sorted(scores, key=lambda c: -scores[c])[:2]
    mask = np.array([cid in {"c", "e"} for cid in index.ids])
    assert list(index.top(["sở", "chủ_trì"], 5, mask)) == ["c"]


def test_empty_index(tmp_path):
    empty = BM25({})
    assert empty.score(["sở"]) == {} and empty.top(["sở"], 3) == {} and empty.idf == {}
    empty.save(tmp_path / "e")
    assert BM25.load(tmp_path / "e").score(["sở"]) == {}
