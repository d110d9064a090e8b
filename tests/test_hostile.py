"""Ingest of a folder as a shared drive holds it (tests/hostile_folder.py builds it at test time):
every bad file skipped on its own with its reason, the good ones answerable, nothing read from
outside the folder, an unchanged second ingest writes no build. Real Chroma, hash embedder."""

from __future__ import annotations

import json
import time

import pytest

from assistant.assistant import Assistant
from assistant.chunking import Chunker
from assistant.cli import main
from assistant.config import Settings
from assistant.embeddings import HashEmbedder
from assistant.index import IndexStore

from conftest import TPHCM, copy_knowledge
from hostile_folder import ANY, GOOD, SECRET, build


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    knowledge = base / "knowledge"
    expect = build(knowledge)
    copy_knowledge(knowledge, [TPHCM])
    expect[TPHCM] = GOOD
    index_dir = base / "index"
    return knowledge, index_dir, expect


@pytest.fixture(scope="module")
def first_ingest(hostile):
    knowledge, index_dir, _ = hostile
    capture = pytest.MonkeyPatch()
    import io
    import sys

    out, err = io.StringIO(), io.StringIO()
    capture.setattr(sys, "stdout", out)
    capture.setattr(sys, "stderr", err)
    t0 = time.perf_counter()
    try:
        rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(index_dir), "--json"])
    finally:
        capture.undo()
    return rc, json.loads(out.getvalue()), err.getvalue(), time.perf_counter() - t0


def test_every_bad_file_is_named_with_its_reason_and_the_good_ones_are_indexed(hostile, first_ingest):
    knowledge, index_dir, expect = hostile
    rc, report, err, _ = first_ingest
    assert rc == 3  # built, some files skipped
    index = IndexStore(index_dir).load()
    for name, outcome in expect.items():
        if outcome == GOOD:
            assert name in index.documents and name not in report["failed"], name
        elif outcome == ANY:
            assert (name in index.documents) != (name in report["failed"]), name
        else:
            assert name in report["failed"], (name, sorted(report["failed"]))
            assert outcome in report["failed"][name], (name, report["failed"][name])
            assert name not in index.documents
    # printed at once, one line per skipped file, names printable whatever their bytes
    skipped_lines = [line for line in err.splitlines() if line.startswith("bỏ qua ")]
    assert len(skipped_lines) == len(report["failed"])
    for name, reason in report["failed"].items():
        assert f"bỏ qua {name}: {reason}" in skipped_lines
    assert all(ch.isprintable() for line in skipped_lines for ch in line)
    assert "Traceback" not in err


def test_nothing_from_outside_the_folder_and_no_script_text(hostile, first_ingest):
    _, index_dir, _ = hostile
    index = IndexStore(index_dir).load()
    texts = [c.indexed_text for c in index.chunks.values()]
    assert not any("ngoài thư mục, không được đọc" in t for t in texts)
    assert not any(SECRET in t for t in texts)
    assert all("/" not in s or s.startswith(("tot/", "hong/")) for s in index.documents)


def test_a_long_line_is_cut_into_pieces_that_keep_its_line(hostile, first_ingest):
    knowledge, index_dir, _ = hostile
    index = IndexStore(index_dir).load()
    source = "tot/bac-kan-2024-mot-dong-dai.txt"
    line = (knowledge / source).read_text(encoding="utf-8").split("\n")[0]
    pieces = index.chunks_of(source)
    assert len(line) > 20_000 and len(pieces) > 15
    assert all(c.start_line == c.end_line == 1 for c in pieces)
    assert all(len(c.text) <= Chunker().max_chars for c in pieces)
    assert all(c.text in line for c in pieces)
    assert sum(len(c.text) for c in pieces) >= len(line) - 2 * len(pieces)  # nothing lost but the spaces at the cuts
    assert sum(c.text.endswith(".") for c in pieces) >= len(pieces) - 1  # cut at sentence ends


def test_good_files_are_answerable_and_instructions_in_a_document_change_nothing(hostile, first_ingest):
    knowledge, index_dir, _ = hostile
    assistant = Assistant(Settings(knowledge_dir=knowledge, index_dir=index_dir, embedder="hash"))
    answer = assistant.ask("Ở Cao Bằng, cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng?")
    assert not answer.abstained and "Sở Y tế" in answer.text
    assert answer.citations[0].source == "tot/cao-bang-2024-chi-dan.txt"
    assert "http" not in answer.text and "Bỏ qua" not in answer.text
    answer = assistant.ask("Ai chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng của tỉnh Lào Cai?")
    assert not answer.abstained and "Sở Thông tin và Truyền thông" in answer.text


def test_a_second_ingest_with_nothing_changed_reads_nothing_and_writes_no_build(hostile, first_ingest, capsys):
    knowledge, index_dir, _ = hostile
    _, report, _, _ = first_ingest
    builds = sorted(p.name for p in (index_dir / "builds").iterdir())
    current = (index_dir / "CURRENT").read_text()
    t0 = time.perf_counter()
    rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(index_dir), "--json"])
    seconds = time.perf_counter() - t0
    out, err = capsys.readouterr()
    again = json.loads(out)
    assert rc == 3
    assert again["added"] == again["updated"] == again["removed"] == []
    assert again["failed"] == report["failed"]  # still named, from the manifest: not re-read
    assert sorted(p.name for p in (index_dir / "builds").iterdir()) == builds
    assert (index_dir / "CURRENT").read_text() == current
    assert seconds < 5
    manifest = IndexStore(index_dir).load().manifest
    assert manifest["failed"]["hong/bom-nen.docx"]["sha256"]
    assert "giải nén quá lớn" in manifest["failed"]["hong/bom-nen.docx"]["reason"]


def test_a_fixed_file_is_read_again(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    bad = knowledge / "sua.txt"
    bad.write_bytes(b"")
    index_dir = tmp_path / "index"
    from assistant.index import Indexer

    first = Indexer(index_dir, HashEmbedder()).run(knowledge)
    assert list(first.failed) == ["sua.txt"]
    bad.write_text("KẾ HOẠCH\nPhát triển thư viện cộng đồng tỉnh Hòa Bình năm 2024.\n", encoding="utf-8")
    second = Indexer(index_dir, HashEmbedder()).run(knowledge)
    assert second.added == ["sua.txt"] and second.failed == {}
    assert IndexStore(index_dir).load().manifest["failed"] == {}
