"""The document model is parsed once, at ingest: each part keeps its document's logical view
(parts/<key>.view.json) and questions read it instead of parsing the text again; an index
written before views were stored still answers (the view is then derived from the text)."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant import structure
from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.structure import LogicalView

from conftest import BEN_TRE, TAY_NINH

# Questions whose answers read the logical lines: sentences and their section paths, the block
# under a funding heading, a table's rows, a deadline in an assignment.
QUESTIONS = [
    "Kinh phí thực hiện kế hoạch năm 2019 của Tây Ninh lấy từ nguồn nào?",
    "Kinh phí tuyên truyền trên Đài Phát thanh và Truyền hình tỉnh Bến Tre năm 2012 là bao nhiêu?",
    "Bến Tre năm 2012 đề nghị Trung ương hỗ trợ bao nhiêu kinh phí?",
    "Vĩnh Phúc phấn đấu bao nhiêu phần trăm trẻ em mồ côi không nơi nương tựa được chăm sóc trong giai đoạn 2021-2025?",
    "Ở Tây Ninh, đơn vị nào chủ trì việc giám sát, đánh giá thực hiện Đề án năm 2019?",
    "Trung tâm Giới thiệu việc làm tỉnh Lạng Sơn được đổi tên thành gì?",
]

MIXED = """**KẾ HOẠCH**

**I. MỤC ĐÍCH,
YÊU CẦU**

Nâng cao nhận thức của cán bộ
về công tác xã hội.

|
STT
|
Nội dung
|
|
1
|
Tập huấn
|
|

- Bảo đảm 100% trẻ em mồ côi
\tcột một\tcột hai"""


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """Each call of the document parser (structure.logical_lines), counted by its number of lines."""
    calls: list[int] = []
    real = structure.logical_lines

    def counted(lines):
        calls.append(len(lines))
        return real(lines)

    monkeypatch.setattr(structure, "logical_lines", counted)
    return calls


def _index_copy(hash_index, dest):
    shutil.copytree(hash_index.template_dir, dest)
    return dest


def _answers(hash_index, index_dir) -> list[tuple]:
    assistant = Assistant(Settings(knowledge_dir=hash_index.knowledge_dir, index_dir=index_dir, embedder="hash"),
                          embedder=hash_index.embedder)
    out = []
    for q in QUESTIONS:
        a = assistant.ask(q)
        out.append((a.text, a.abstained, [(c.source, c.section, c.start_line, c.end_line, c.quote) for c in a.citations]))
    return out


@pytest.mark.parametrize("name", [TAY_NINH, BEN_TRE, "mixed"])
def test_the_stored_view_round_trips(documents, name):
    lines = MIXED.split("\n") if name == "mixed" else documents[name].lines
    view = LogicalView(lines)
    if name == "mixed":
        assert {e.kind for e in view.entries} == {"text", "row", "blank"}
    again = LogicalView.from_data(json.loads(json.dumps(view.to_data(), ensure_ascii=False)))  # as the index stores it
    assert again.entries == view.entries
    assert again.lines == view.lines and again.text == view.text
    assert [again.at(p) for p in range(1, len(lines) + 1)] == [view.at(p) for p in range(1, len(lines) + 1)]
    assert [again.cells(k) for k in range(1, len(view.entries) + 1)] == [view.cells(k) for k in range(1, len(view.entries) + 1)]


def test_from_data_does_not_parse(parses, documents):
    data = LogicalView(documents[TAY_NINH].lines).to_data()
    parses.clear()
    LogicalView.from_data(data)
    assert parses == []


def test_ingest_stores_each_documents_view(hash_index):
    from assistant.index import IndexStore

    index = IndexStore(hash_index.index_dir).load()
    for source, key in index.manifest["parts"].items():
        stored = json.loads((hash_index.index_dir / "parts" / f"{key}.view.json").read_text(encoding="utf-8"))
        assert LogicalView.from_data(stored).entries == LogicalView(index.documents[source].lines).entries


def test_questions_read_the_stored_view_and_parse_nothing(tmp_path, hash_index, parses):
    index_dir = _index_copy(hash_index, tmp_path / "index")
    assert list((index_dir / "parts").glob("*.view.json"))
    answers = _answers(hash_index, index_dir)
    assert parses == [], "a document was parsed at question time"
    assert sum(1 for _, abstained, cites in answers if not abstained and cites) >= 4


def test_an_index_without_stored_views_answers_the_same(tmp_path, hash_index, parses):
    """Parts written before views were stored: the view is derived from the document's text."""
    stored = _answers(hash_index, _index_copy(hash_index, tmp_path / "stored"))
    old = _index_copy(hash_index, tmp_path / "old")
    for f in (old / "parts").glob("*.view.json"):
        f.unlink()
    parses.clear()
    assert _answers(hash_index, old) == stored
    assert parses, "the questions above read no logical lines: they prove nothing"
