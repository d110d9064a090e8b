"""The web app (Gradio Blocks): Hỏi đáp, Tài liệu, Phân công, Chỉ tiêu, Cập nhật tài liệu.

`build_app(assistant)` returns the Blocks (tests launch it themselves); `serve()` warms the
models and the index once, then launches it. Every handler works through the `Assistant`
facade (no index internals here); what is shown comes from render.py. Handlers return
{component name: value} and `UI.bind` hands Gradio the components by name, not by position.
"""

from __future__ import annotations

import functools
import inspect
import ipaddress
import json
import logging
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable

import gradio as gr
import pandas as pd
from starlette.middleware import Middleware

from .assistant import Assistant
from .config import Settings
from .errors import ConfigError, user_message
from .library import SUPPORTED, TRASH_DIR
from .render import (
    ALL, BUDGET_HEADERS, DOC_HEADERS, EMPTY_QUESTION, EVIDENCE_HINT, KIND_CHOICES, RESP_HEADERS, TARGET_HEADERS,
    agencies, budget_rows, chat_messages, cite_label, doc_choices, document_rows, esc, export_file, fmt_time,
    history_of, note, parse_lines, periods, render_evidence, render_reader, responsibility_rows, target_rows,
    turn_refs, with_all,
)

log = logging.getLogger(__name__)

APP_TITLE = "Trợ lý kế hoạch, đề án"
EXAMPLES = [
    "Cơ quan nào chủ trì hoạt động truyền thông?",
    "Mục tiêu đến năm 2030 là gì?",
    "Sở Tài chính có trách nhiệm gì?",
    "Kinh phí thực hiện kế hoạch lấy từ đâu?",
]

# Column widths (px): long texts wrap, the table scrolls sideways on a phone.
DOC_WIDTHS = [200, 340, 110, 120, 100, 150, 100, 90, 80, 140]
RESP_WIDTHS = [130, 340, 200, 220, 260, 110, 120, 200, 200, 100]
TARGET_WIDTHS = [130, 110, 360, 120, 110, 220, 200, 100]
BUDGET_WIDTHS = [130, 300, 140, 140, 70, 110, 260, 200, 200, 100]

CSS = """
#chatbot { min-height: 360px; }
.cite-chips .wrap { gap: 6px !important; }
.cite-chips label { padding: 4px 10px !important; font-size: 0.9em; }
.evidence, .reader { font-size: 0.92em; }
.ev-head, .doc-head { margin-bottom: 8px; line-height: 1.5; }
.ev-title, .doc-title { font-weight: 600; font-size: 1.05em; }
.ev-meta, .doc-meta { color: var(--body-text-color-subdued); }
.ev-lines, .doc-lines { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 4px; overflow-x: auto; }
.ev-lines { max-height: 60vh; overflow-y: auto; }
.doc-lines { max-height: 70vh; overflow-y: auto; }
.ln { display: flex; gap: 10px; line-height: 1.5; white-space: pre-wrap; word-break: break-word; }
.ln .no { flex: 0 0 3.2em; text-align: right; color: var(--body-text-color-subdued); user-select: none; font-variant-numeric: tabular-nums; }
.ln .tx { flex: 1 1 auto; }
.ln.hl { background: rgba(255, 214, 0, 0.12); }
.ln mark { background: #ffe680; color: #111; padding: 0 2px; border-radius: 2px; }
.ev-empty { color: var(--body-text-color-subdued); padding: 8px 2px; }
#chat-hint p { color: var(--body-text-color-subdued); margin: 0; }
.facts-table, .facts-table * { font-family: var(--font) !important; }
@media (max-width: 640px) {
  .tabs button[role="tab"] { padding-left: 10px !important; padding-right: 10px !important; }
  #chatbot { height: 58vh !important; }
  .ln .no { flex-basis: 2.4em; }
}
"""

# Gradio 6.31 picks its interface language only among the ones it ships, and Vietnamese is not one
# of them (gr.I18n cannot add a locale it would select). So the page is marked Vietnamese, and the
# texts of Gradio's own widgets (loading, tooltips, table tools, toasts, login) are replaced as they
# appear; the app's own texts are Vietnamese from the start.
GRADIO_TEXTS = {
    "Loading...": "Đang tải…", "Loading": "Đang tải", "loading...": "đang tải…", "Error": "Lỗi", "Warning": "Cảnh báo",
    "Info": "Thông báo", "Close": "Đóng", "Copy": "Sao chép", "Copy message": "Sao chép",
    "Copied message": "Đã sao chép", "Copied!": "Đã sao chép", "Copy all": "Sao chép cả hội thoại",
    "Copy conversation": "Sao chép cả hội thoại", "Clear": "Xóa", "Search": "Tìm", "Search...": "Tìm…",
    "Fullscreen": "Toàn màn hình", "Exit fullscreen mode": "Thoát toàn màn hình", "Exit Fullscreen": "Thoát toàn màn hình",
    "Copy table": "Sao chép bảng", "Copy to clipboard": "Sao chép", "Download": "Tải xuống", "Sort ascending": "Sắp xếp tăng dần",
    "Sort descending": "Sắp xếp giảm dần", "Clear sort": "Bỏ sắp xếp", "Filter": "Lọc", "Clear filter": "Bỏ lọc",
    "Drop File Here": "Thả tệp vào đây", "Click to Upload": "Bấm để tải lên", "- or -": "- hoặc -",
    "Uploading...": "Đang tải lên…", "processing": "đang xử lý", "queue": "hàng đợi", "Retry": "Thử lại",
    "Undo": "Hoàn tác", "Edit": "Sửa", "Like": "Hữu ích", "Dislike": "Chưa đúng", "Remove": "Bỏ", "Remove All": "Bỏ hết",
    "Select": "Chọn", "Clear All": "Bỏ hết", "Connection errored out.": "Mất kết nối tới máy chủ.",
    "Connection can be lost due to inactivity.": "Mất kết nối do lâu không dùng.",
    "Scroll to bottom": "Cuộn xuống cuối", "Stop": "Dừng", "Submit": "Gửi", "Share": "Chia sẻ",
    "Copy table data": "Sao chép dữ liệu bảng", "Table actions": "Thao tác với bảng", "Empty value": "Ô trống",
    "chatbot conversation": "hội thoại", "Dataframe": "Bảng", "Textbox": "Ô nhập",
    "Open cell menu": "Mở tùy chọn cột", "Sort column": "Sắp xếp cột", "Clear filters": "Bỏ lọc", "Filtered": "Đã lọc",
    "Apply filter and update dataframe values": "Lọc bảng", "Static column": "Cột cố định", "Loading response": "Đang trả lời",
    "Download All": "Tải tất cả", "Empty": "Trống", "Remove this file": "Bỏ tệp này", "Complete": "Xong", "Cancel": "Hủy",
    "Login": "Đăng nhập", "username": "tên đăng nhập", "password": "mật khẩu", "Incorrect Credentials": "Sai tên đăng nhập hoặc mật khẩu",
}
# Gradio texts that begin an attribute, followed by the app's own text ("Select example 1: Câu hỏi…").
GRADIO_PREFIXES = {"Select example ": "Chọn câu hỏi gợi ý ", "user's message: ": "Câu hỏi: ", "bot's message: ": "Trả lời: "}
HEAD = """<style>
.gradio-container { width: 100%; max-width: 1280px !important; margin: 0 auto; }
@media (max-width: 640px) { .gradio-container .main.app { padding-left: 8px !important; padding-right: 8px !important; } }
</style>"""

# Put into Gradio's page itself (VietnamesePage below), so it runs before Gradio draws anything,
# on the login page too (which gets no `head`).
TRANSLATE_SCRIPT = """<script>
(() => {
  const VI = __TEXTS__;
  const PREFIXES = Object.entries(__PREFIXES__);
  const ATTRS = ["title", "aria-label", "placeholder"];
  const translate = (v) => {
    const t = v.trim();
    if (VI[t]) return VI[t];
    for (const [en, vi] of PREFIXES) if (t.startsWith(en)) return vi + t.slice(en.length);
    return null;
  };
  const fixNode = (node) => {
    if (node.nodeType === 3) {
      const t = node.nodeValue.trim();
      if (t && VI[t]) node.nodeValue = node.nodeValue.replace(t, VI[t]);
      return;
    }
    if (node.nodeType !== 1) return;
    for (const a of ATTRS) {
      const v = node.getAttribute(a);
      const vi = v && translate(v);
      if (vi) node.setAttribute(a, vi);
    }
  };
  const fixTree = (root) => {
    fixNode(root);
    if (root.nodeType !== 1) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) fixNode(walker.currentNode);
  };
  const keepVi = () => { if (document.documentElement.lang !== "vi") document.documentElement.lang = "vi"; };
  new MutationObserver((records) => {
    keepVi();
    for (const r of records) {
      if (r.type === "childList") r.addedNodes.forEach(fixTree);
      else fixNode(r.target);
    }
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                         attributeFilter: ATTRS.concat(["lang"])});
  keepVi();
  fixTree(document.body || document.documentElement);
})();
</script>""".replace("__TEXTS__", json.dumps(GRADIO_TEXTS, ensure_ascii=False)).replace(
    "__PREFIXES__", json.dumps(GRADIO_PREFIXES, ensure_ascii=False))


class VietnamesePage:
    """ASGI middleware: every HTML page Gradio serves (the app and its login page) is marked
    lang="vi" and carries TRANSLATE_SCRIPT. Other responses (API, events, files) pass untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        held: dict = {}
        chunks: list[bytes] = []

        async def forward(message):
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                    held["start"] = message
                    return
            elif message["type"] == "http.response.body" and held:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = vietnamese_html(b"".join(chunks).decode("utf-8", errors="replace")).encode("utf-8")
                start = held.pop("start")
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                await send({**start, "headers": headers + [(b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, forward)


def vietnamese_html(page: str) -> str:
    """The page with <html lang="vi"> and the translator script at the end of <head>."""
    def mark(m: re.Match) -> str:
        attrs = re.sub(r'\s+lang="[^"]*"', "", m.group(1))
        return f'<html lang="vi"{attrs}>'

    page = re.sub(r"<html\b([^>]*)>", mark, page, count=1)
    return page.replace("</head>", TRANSLATE_SCRIPT + "\n</head>", 1)


# On a phone the evidence panel sits below the chat: bring it into view when a source is clicked.
SCROLL_TO_EVIDENCE_JS = """() => {
  if (window.innerWidth < 700) {
    setTimeout(() => document.querySelector('#evidence')?.scrollIntoView({block: 'start', behavior: 'smooth'}), 150);
  }
}"""

# Scrolls the reader to its first highlighted line once the Tài liệu tab has rendered it.
SCROLL_TO_MARK_JS = """() => {
  let tries = 0;
  const go = () => {
    const el = document.querySelector('#reader .ln.hl');
    if (el) { el.scrollIntoView({block: 'center'}); } else if (tries++ < 20) { setTimeout(go, 150); }
  };
  setTimeout(go, 150);
}"""


# ====================================================================== settings helpers


def parse_auth(settings: Settings) -> list[tuple[str, str]] | None:
    """Logins from settings.auth_file ("user:password" lines, # comments) and settings.users ("u:p,u2:p2")."""
    entries: list[str] = []
    if settings.auth_file:
        try:
            entries += Path(settings.auth_file).expanduser().read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"không đọc được tệp tài khoản {settings.auth_file} (ASSISTANT_AUTH_FILE)") from exc
    entries += (settings.users or "").split(",")
    pairs = []
    for entry in entries:
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if sep and user.strip() and password:
            pairs.append((user.strip(), password))
    return pairs or None


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: only this machine can connect ("" and 0.0.0.0 mean every address)."""
    host = (host or "").strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _file_path(value: Any) -> str:
    """An upload as a path string (Gradio gives paths; older versions objects with .name)."""
    return value if isinstance(value, (str, Path)) else getattr(value, "name", None) or value.get("path")


# ====================================================================== handlers


class Actions:
    """Every event handler of the app, bound to one Assistant. Holds no per-user state.

    Each handler returns {component name: value}; names missing from the dict stay as they are."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.settings = assistant.settings
        self._feedback_lock = threading.Lock()

    def docs(self):
        return {d.source: d for d in self.assistant.documents()}

    # ---------------------------------------------------------------- chat

    def ask(self, question: str, conv: list[dict] | None, sources: list[str] | None):
        """Generator: first the question with a 'searching' bubble, then the answer and its sources."""
        conv = list(conv or [])
        question = (question or "").strip()
        docs = self.docs()
        if not question:
            yield {"hint": EMPTY_QUESTION}
            return
        yield self._chat(conv, docs, pending=question)
        turn = self._answer(question, conv, [s for s in (sources or []) if s and s != ALL])
        conv.append(turn)
        yield self._chat(conv, docs)

    def _answer(self, question: str, conv: list[dict], sources: list[str]) -> dict:
        try:
            answer = self.assistant.ask(question, history_of(conv), sources or None)
        except Exception as exc:  # noqa: BLE001 - the chat stays usable; the message says what happened
            log.exception("ask failed")
            return {"question": question, "answer": user_message(exc), "abstained": True, "error": True,
                    "citations": [], "related": [], "sources": sources, "contract": {}}
        contract = answer.to_contract()
        contract["related"] = [c.to_dict() for c in answer.related]
        return {
            "question": question,
            "answer": answer.text,
            "abstained": answer.abstained,
            "citations": [c.to_dict() for c in answer.citations],
            "related": [c.to_dict() for c in answer.related],
            "sources": sources,
            "kind": answer.kind,
            "contract": contract,
        }

    def _chat(self, conv: list[dict], docs, pending: str | None = None) -> dict:
        last = conv[-1] if conv and pending is None else None
        return {
            "chatbot": chat_messages(conv, docs, pending),
            "conv": conv,
            "active": len(conv) - 1 if last else -1,
            "question": "",
            "chips": self._chips(last, docs),
            "evidence": note(EVIDENCE_HINT),
            "current": None,
            "answer_json": (last or {}).get("contract", {}),
            "hint": "",
            "fb_note": "",
            "open_btn": gr.Button(visible=False),
        }

    def _chips(self, turn: dict | None, docs) -> gr.Radio:
        refs = turn_refs(turn)
        label = "Có thể liên quan — bấm để xem" if turn and not turn["citations"] else "Nguồn trích dẫn — bấm để xem"
        choices = [(cite_label(i, c, docs), str(i - 1)) for i, c in enumerate(refs, 1)]
        return gr.Radio(choices=choices, value=None, label=label, visible=bool(choices))

    def new_chat(self) -> dict:
        return {**self._chat([], {}), "chips": gr.Radio(choices=[], value=None, visible=False)}

    def select_turn(self, conv: list[dict] | None, evt: gr.SelectData) -> dict:
        """Clicking an earlier answer shows its sources as chips."""
        conv = conv or []
        i = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else -1)
        turn_i = i // 2 if isinstance(i, int) and i >= 0 else -1
        if not 0 <= turn_i < len(conv):
            return {}
        return {"chips": self._chips(conv[turn_i], self.docs()), "active": turn_i, "evidence": note(EVIDENCE_HINT),
                "open_btn": gr.Button(visible=False)}

    def show_citation(self, choice: str | None, conv: list[dict] | None, active: int | None) -> dict:
        refs = turn_refs(_turn(conv, active))
        try:
            cite = refs[int(choice)]
        except (TypeError, ValueError, IndexError):
            return {"evidence": note(EVIDENCE_HINT), "current": None, "open_btn": gr.Button(visible=False)}
        return {"evidence": render_evidence(self.docs(), cite), "current": cite, "open_btn": gr.Button(visible=True)}

    # ---------------------------------------------------------------- reader

    def open_reader_at(self, cite: dict | None) -> dict:
        """The whole document, cited lines marked, in the Tài liệu tab."""
        if not cite:
            return {}
        return self._open(cite["source"], int(cite["start_line"]), int(cite["end_line"]))

    def open_fact_row(self, evt: gr.SelectData) -> dict:
        """A row of a facts table (its last columns: Tệp, Dòng) -> the reader at those lines."""
        row = evt.row_value or []
        if len(row) < 2:
            return {}
        start, end = parse_lines(str(row[-1]))
        return self._open(str(row[-2]), start, end)

    def open_document_row(self, evt: gr.SelectData) -> dict:
        """A row of the documents table (first column: Tệp) -> the reader."""
        row = evt.row_value or []
        return self._open(str(row[0]), 0, 0) if row else {}

    def _open(self, source: str, start: int, end: int) -> dict:
        info = self.assistant.document(source)
        return {"tabs": gr.Tabs(selected="library"), "reader_select": gr.Dropdown(value=source if info else None),
                "reader": render_reader(info, start, end)}

    def read(self, source: str | None) -> dict:
        return {"reader": render_reader(self.assistant.document(source or ""))}

    # ---------------------------------------------------------------- feedback

    def feedback(self, rating: str, comment: str, conv: list[dict] | None, active: int | None) -> dict:
        turn = _turn(conv, active)
        if turn is None:
            return {"fb_note": "Chưa có câu trả lời nào để đánh giá."}
        self._write_feedback(turn, conv or [], rating, comment)
        thanks = "Cảm ơn bạn đã góp ý!" if rating == "up" else "Cảm ơn bạn, câu trả lời này sẽ được xem lại."
        return {"fb_note": thanks, "comment": ""}

    def _write_feedback(self, turn: dict, conv: list[dict], rating: str, comment: str) -> None:
        before = conv[: conv.index(turn)] if turn in conv else []
        record = {
            "id": f"fb-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}",
            "question": turn["question"],
            "history": history_of(before),
            "answer_given": turn["answer"],
            "abstained": turn["abstained"],
            "citations": turn["citations"],
            "related": turn["related"],
            "sources": turn.get("sources") or [],
            "rating": rating,
            "comment": (comment or "").strip(),
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        path = Path(self.settings.index_dir) / "feedback.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._feedback_lock, open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    # ---------------------------------------------------------------- tables

    def documents_table(self, province, period) -> dict:
        return {"doc_table": pd.DataFrame(document_rows(self.docs(), province, period), columns=DOC_HEADERS)}

    def _resp_rows(self, plan, agency, period, text):
        return responsibility_rows(self.docs(), self.assistant.facts(), plan, agency, period, text)

    def responsibilities_table(self, plan, agency, period, text) -> dict:
        return {"resp_table": pd.DataFrame(self._resp_rows(plan, agency, period, text), columns=RESP_HEADERS)}

    def responsibilities_plan(self, plan, agency, period, text) -> dict:
        """A plan chosen: its agencies only in the agency filter (the chosen one kept if it is there)."""
        names = agencies(self.assistant.facts(), plan)
        agency = agency if agency in names else ALL
        return {"resp_agency": gr.Dropdown(choices=with_all(names), value=agency),
                **self.responsibilities_table(plan, agency, period, text)}

    def _target_rows(self, plan, kind, period, text):
        docs, facts = self.docs(), self.assistant.facts()
        return target_rows(docs, facts, plan, period, text, kind), budget_rows(docs, facts, plan, period, text)

    def targets_tables(self, plan, kind, period, text) -> dict:
        targets, budget = self._target_rows(plan, kind, period, text)
        return {"targets": pd.DataFrame(targets, columns=TARGET_HEADERS), "budget": pd.DataFrame(budget, columns=BUDGET_HEADERS)}

    def export_responsibilities(self, fmt, plan, agency, period, text) -> dict:
        rows = self._resp_rows(plan, agency, period, text)
        return {"resp_file": export_file("phan-cong", fmt, {"Phân công": (RESP_HEADERS, rows)})}

    def export_targets(self, fmt, plan, kind, period, text) -> dict:
        targets, budget = self._target_rows(plan, kind, period, text)
        if fmt == "csv":
            files = [export_file("chi-tieu", "csv", {"Chỉ tiêu": (TARGET_HEADERS, targets)}),
                     export_file("kinh-phi", "csv", {"Kinh phí": (BUDGET_HEADERS, budget)})]
        else:
            files = [export_file("chi-tieu-kinh-phi", "xlsx", {"Chỉ tiêu": (TARGET_HEADERS, targets), "Kinh phí": (BUDGET_HEADERS, budget)})]
        return {"targets_file": files}

    def refresh(self) -> dict:
        """Everything that depends on the library, filters reset (after load, upload, removal, rebuild)."""
        docs = self.docs()
        facts = self.assistant.facts()
        choices = doc_choices(docs)
        plans = [("Tất cả", ALL)] + choices
        return {
            "sources": gr.Dropdown(choices=choices, value=[]),
            "doc_province": gr.Dropdown(choices=with_all(d.meta.province for d in docs.values()), value=ALL),
            "doc_period": gr.Dropdown(choices=with_all(periods(docs)), value=ALL),
            **self.documents_table(ALL, ALL),
            "reader_select": gr.Dropdown(choices=choices),
            "resp_plan": gr.Dropdown(choices=plans, value=ALL),
            "resp_agency": gr.Dropdown(choices=with_all(agencies(facts)), value=ALL),
            "resp_period": gr.Dropdown(choices=with_all(periods(docs) + [r.timeline for r in facts.responsibilities]), value=ALL),
            "resp_text": "",
            **self.responsibilities_table(ALL, ALL, ALL, ""),
            "targets_plan": gr.Dropdown(choices=plans, value=ALL),
            "targets_kind": gr.Dropdown(choices=KIND_CHOICES, value=ALL),
            "targets_period": gr.Dropdown(choices=with_all(periods(docs) + [t.period for t in facts.targets]), value=ALL),
            "targets_text": "",
            **self.targets_tables(ALL, ALL, ALL, ""),
            "remove_select": gr.Dropdown(choices=choices, value=None),
            "status": self.status(),
        }

    def status(self) -> str:
        s = self.assistant.status()
        if not s.ready:
            return "**Chưa có chỉ mục.** Hãy tải tài liệu lên hoặc bấm **Xây dựng lại chỉ mục**."
        return (f"Thư viện có **{s.documents}** tài liệu, **{s.chunks}** đoạn"
                + (f", cập nhật lúc {fmt_time(s.built_at)}." if s.built_at else "."))

    # ---------------------------------------------------------------- upload & reindex

    def upload(self, files, progress=gr.Progress()) -> dict:
        paths = [Path(_file_path(f)) for f in (files if isinstance(files, list) else [files]) if f]
        if not paths:
            return {"upload_msg": "Chưa chọn tệp nào."}
        progress(0.0, desc="Đang kiểm tra tệp")
        update = self.assistant.add_files(paths, progress=_tell(progress))
        lines = []
        for f in update.files:
            if f.problem:
                lines.append(f"**Không thêm {esc(f.name)}**: {esc(f.problem)}")
            else:
                renamed = f" (lưu thành `{esc(f.source)}`)" if f.source != f.name else ""
                lines.append(f"**Đã thêm {esc(f.name)}**{renamed}. Có thể hỏi về tài liệu này ngay.")
        if update.error:
            lines.append(f"**Lỗi khi cập nhật chỉ mục:** {esc(update.error)} Chỉ mục cũ vẫn được dùng.")
        if update.report:
            lines.append(_report_line(update.report))
        out = {"upload_msg": "\n\n".join(lines)}
        return {**self.refresh(), **out} if update.report and not update.error else out

    def remove(self, source: str | None, confirm: bool, progress=gr.Progress()) -> dict:
        """Removes the chosen document once the box is ticked; without the tick nothing changes."""
        if not source:
            return {"remove_msg": "Chọn tài liệu cần xóa."}
        if not confirm:
            return {"remove_msg": "Đánh dấu ô **Tôi chắc chắn muốn xóa** rồi bấm lại."}
        update = self.assistant.remove_file(source, progress=_tell(progress))
        change = update.files[0]
        if change.problem:
            return {"remove_msg": esc(change.problem)}
        if update.error:
            return {"remove_msg": f"**Lỗi khi cập nhật chỉ mục:** {esc(update.error)} Tài liệu chưa bị xóa."}
        message = f"Đã xóa **{esc(source)}** khỏi thư viện (bản sao giữ trong `{TRASH_DIR}/`).\n\n{_report_line(update.report)}"
        return {**self.refresh(), "remove_msg": message, "confirm": False}

    def rebuild(self, progress=gr.Progress()) -> dict:
        update = self.assistant.rebuild(progress=_tell(progress))
        if update.error:
            return {"rebuild_msg": f"**Lỗi khi xây dựng lại chỉ mục:** {esc(update.error)} Chỉ mục cũ vẫn được dùng."}
        failed = "".join(f"\n\n**Không đọc được {esc(s)}**: {esc(r)}" for s, r in update.report.failed.items())
        return {**self.refresh(), "rebuild_msg": f"Đã xây dựng lại chỉ mục.{failed}\n\n{_report_line(update.report)}"}


def _tell(progress) -> Callable[[float, str], None]:
    def tell(fraction: float, message: str) -> None:
        progress(max(0.0, min(1.0, fraction)), desc=message)

    return tell


def _report_line(report) -> str:
    parts = [f"{len(report.added)} thêm", f"{len(report.updated)} cập nhật", f"{len(report.removed)} xóa"]
    return f"Chỉ mục: {', '.join(parts)}; {report.chunks} đoạn; {report.seconds:.1f} giây."


def _turn(conv: list[dict] | None, active: int | None) -> dict | None:
    conv = conv or []
    if not conv:
        return None
    i = active if isinstance(active, int) and 0 <= active < len(conv) else len(conv) - 1
    return conv[i]


# ====================================================================== layout


class UI(dict):
    """The app's components by name. `bind` turns a handler's {name: value} into {component: value}."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def of(self, *names: str) -> list:
        return [self[n] for n in names]

    def bind(self, fn: Callable, message: str | None = None) -> Callable:
        """fn's dict keyed by component names -> keyed by components. An unexpected error becomes
        a Vietnamese sentence in the `message` component (never Gradio's own English toast)."""

        def convert(out: dict) -> dict:
            return {self[name]: value for name, value in out.items()}

        def failed(exc: Exception) -> dict:
            log.exception("handler %s failed", getattr(fn, "__name__", fn))
            if message is None:
                raise exc
            return {self[message]: user_message(exc)}

        if inspect.isgeneratorfunction(fn):
            @functools.wraps(fn)
            def run_gen(*args, **kwargs):
                try:
                    for out in fn(*args, **kwargs):
                        yield convert(out)
                except Exception as exc:  # noqa: BLE001
                    yield failed(exc)

            return run_gen

        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                return convert(fn(*args, **kwargs))
            except Exception as exc:  # noqa: BLE001
                return failed(exc)

        return run


CHAT_OUTPUTS = ("chatbot", "conv", "active", "question", "chips", "evidence", "current", "answer_json", "hint", "fb_note", "open_btn")
REFRESH_OUTPUTS = ("sources", "doc_province", "doc_period", "doc_table", "reader_select", "resp_plan", "resp_agency",
                   "resp_period", "resp_text", "resp_table", "targets_plan", "targets_kind", "targets_period", "targets_text",
                   "targets", "budget", "remove_select", "status")
READER_OUTPUTS = ("tabs", "reader_select", "reader")


def build_app(assistant: Assistant) -> gr.Blocks:
    """The Blocks of the app, queued; launch it with `demo.launch(**launch_options(settings))`."""
    act = Actions(assistant)
    ui = UI()
    with gr.Blocks(title=APP_TITLE, analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        gr.Markdown(f"## {APP_TITLE}\nHỏi đáp về các kế hoạch, đề án trong thư viện; mỗi câu trả lời kèm nguồn đến từng dòng.")
        with gr.Tabs(overflow_behavior="wrap") as tabs:
            ui["tabs"] = tabs
            _chat_tab(ui)
            _library_tab(ui)
            _responsibilities_tab(ui)
            _targets_tab(ui)
            _update_tab(ui, assistant.settings)
        _wire(ui, act, demo)
    demo.queue(default_concurrency_limit=assistant.settings.concurrency)
    return demo


def _chat_tab(ui: UI) -> None:
    with gr.Tab("Hỏi đáp", id="chat"):
        ui["conv"] = gr.State([])
        ui["active"] = gr.State(-1)
        ui["current"] = gr.State(None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                ui["chatbot"] = gr.Chatbot(
                    elem_id="chatbot", label="Hội thoại", height=520, buttons=["copy"],
                    examples=[{"text": q} for q in EXAMPLES], show_label=False,
                    placeholder="**Xin chào!** Hãy hỏi về các kế hoạch, đề án trong thư viện, ví dụ bấm một câu hỏi gợi ý dưới đây.",
                )
                ui["chips"] = gr.Radio(choices=[], label="Nguồn trích dẫn — bấm để xem", visible=False, elem_classes="cite-chips",
                                       elem_id="cite-chips")
                with gr.Row():
                    ui["question"] = gr.Textbox(label="Câu hỏi", placeholder="Nhập câu hỏi, ví dụ: Ai chủ trì hoạt động truyền thông?", show_label=False,
                                                lines=1, max_lines=4, scale=5, min_width=200, elem_id="question", autofocus=True)
                    ui["send"] = gr.Button("Gửi", variant="primary", scale=1, min_width=70, elem_id="send")
                ui["hint"] = gr.Markdown(elem_id="chat-hint")
                with gr.Row():
                    ui["new_btn"] = gr.Button("Cuộc hội thoại mới", size="sm", elem_id="new-chat")
                with gr.Accordion("Chỉ hỏi trong một số tài liệu", open=False):
                    ui["sources"] = gr.Dropdown(choices=[], value=[], multiselect=True, allow_custom_value=True, label="Tài liệu",
                                                info="Để trống = tìm trong tất cả tài liệu", elem_id="source-filter")
                with gr.Group():
                    with gr.Row(equal_height=True):
                        ui["up"] = gr.Button("Hữu ích", size="sm", elem_id="fb-up", min_width=90)
                        ui["down"] = gr.Button("Chưa đúng", size="sm", elem_id="fb-down", min_width=90)
                        ui["comment"] = gr.Textbox(label="Góp ý", show_label=False, lines=1, scale=3, min_width=160, elem_id="fb-comment",
                                                   placeholder="Góp ý về câu trả lời (không bắt buộc)")
                ui["fb_note"] = gr.Markdown(elem_id="fb-note")
            with gr.Column(scale=2, min_width=300):
                gr.Markdown("#### Đoạn trích dẫn")
                ui["evidence"] = gr.HTML(note(EVIDENCE_HINT), elem_id="evidence")
                ui["open_btn"] = gr.Button("Mở toàn văn tại vị trí này", size="sm", elem_id="open-doc", visible=False)
                ui["answer_json"] = gr.JSON(visible=False)


def _library_tab(ui: UI) -> None:
    with gr.Tab("Tài liệu", id="library"):
        with gr.Row():
            ui["doc_province"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Tỉnh/thành phố", min_width=160,
                                             allow_custom_value=True)
            ui["doc_period"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Giai đoạn", min_width=160,
                                           allow_custom_value=True)
        ui["doc_table"] = gr.Dataframe(headers=DOC_HEADERS, column_widths=DOC_WIDTHS, interactive=False, wrap=True,
                                       elem_classes="facts-table", max_height=360, label="Danh sách tài liệu (bấm một dòng để đọc)",
                                       elem_id="doc-table")
        ui["reader_select"] = gr.Dropdown(choices=[], value=None, label="Đọc toàn văn", elem_id="reader-select", allow_custom_value=True)
        ui["reader"] = gr.HTML(render_reader(None), elem_id="reader")


def _responsibilities_tab(ui: UI) -> None:
    with gr.Tab("Phân công", id="responsibilities"):
        gr.Markdown("Cơ quan chủ trì, phối hợp và nhiệm vụ trong từng kế hoạch. Bấm một dòng để xem đoạn gốc.")
        with gr.Row():
            ui["resp_plan"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Kế hoạch", min_width=300, scale=2,
                                          allow_custom_value=True, elem_id="resp-plan")
            ui["resp_agency"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Cơ quan", min_width=200,
                                            allow_custom_value=True, elem_id="resp-agency")
            ui["resp_period"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Giai đoạn", min_width=140,
                                            allow_custom_value=True)
            ui["resp_text"] = gr.Textbox(label="Tìm", placeholder="từ khóa, có dấu hay không dấu…", min_width=160, elem_id="resp-text")
        ui["resp_table"] = gr.Dataframe(headers=RESP_HEADERS, column_widths=RESP_WIDTHS, interactive=False, wrap=True,
                                        elem_classes="facts-table", max_height=520, elem_id="resp-table", label="Phân công",
                                        show_label=False)
        with gr.Row():
            ui["resp_csv"] = gr.Button("Xuất CSV", size="sm")
            ui["resp_xlsx"] = gr.Button("Xuất Excel", size="sm")
        ui["resp_file"] = gr.File(label="Tệp xuất", interactive=False, height=100)


def _targets_tab(ui: UI) -> None:
    with gr.Tab("Chỉ tiêu", id="targets"):
        gr.Markdown("Chỉ tiêu định lượng (mục tiêu và kết quả đã đạt) và các khoản kinh phí, quy về đồng. Bấm một dòng để xem đoạn gốc.")
        with gr.Row():
            ui["targets_plan"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Kế hoạch", min_width=300, scale=2,
                                             allow_custom_value=True, elem_id="targets-plan")
            ui["targets_kind"] = gr.Dropdown(choices=KIND_CHOICES, value=ALL, label="Loại chỉ tiêu", min_width=140, elem_id="targets-kind")
            ui["targets_period"] = gr.Dropdown(choices=[("Tất cả", ALL)], value=ALL, label="Giai đoạn / năm", min_width=140,
                                               allow_custom_value=True)
            ui["targets_text"] = gr.Textbox(label="Tìm", placeholder="từ khóa, có dấu hay không dấu…", min_width=160)
        ui["targets"] = gr.Dataframe(headers=TARGET_HEADERS, column_widths=TARGET_WIDTHS, interactive=False, wrap=True,
                                     elem_classes="facts-table", max_height=420, label="Chỉ tiêu", elem_id="targets-table")
        ui["budget"] = gr.Dataframe(headers=BUDGET_HEADERS, column_widths=BUDGET_WIDTHS, interactive=False, wrap=True,
                                    elem_classes="facts-table", max_height=420, label="Kinh phí", elem_id="budget-table")
        with gr.Row():
            ui["targets_csv"] = gr.Button("Xuất CSV", size="sm")
            ui["targets_xlsx"] = gr.Button("Xuất Excel", size="sm")
        ui["targets_file"] = gr.File(label="Tệp xuất", interactive=False, height=100, file_count="multiple")


def _update_tab(ui: UI, settings: Settings) -> None:
    with gr.Tab("Cập nhật tài liệu", id="update"):
        ui["status"] = gr.Markdown(elem_id="index-status")
        gr.Markdown(f"Tải lên tệp {', '.join(SUPPORTED)} (tối đa {settings.max_upload_mb} MB mỗi tệp). "
                    "Tài liệu mới được lập chỉ mục ngay và có thể hỏi đáp khi xong.")
        # An upload button, not a drop zone: its only text is ours. Types are checked on the content, server side.
        ui["files"] = gr.UploadButton("Chọn tệp và tải lên", file_count="multiple", variant="primary", elem_id="upload-files")
        ui["upload_msg"] = gr.Markdown(elem_id="upload-message")
        with gr.Group():
            gr.Markdown("**Xóa tài liệu**", padding=True)
            ui["remove_select"] = gr.Dropdown(choices=[], value=None, label="Tài liệu cần xóa", allow_custom_value=True,
                                              info="Số hiệu · tỉnh · năm · tên tài liệu; kiểm tra kỹ trước khi xóa",
                                              elem_id="remove-select")
            ui["confirm"] = gr.Checkbox(label="Tôi chắc chắn muốn xóa", value=False, elem_id="remove-confirm")
            ui["remove_btn"] = gr.Button("Xóa khỏi thư viện", variant="stop", size="sm", elem_id="remove-btn")
        ui["remove_msg"] = gr.Markdown(elem_id="remove-message")
        with gr.Accordion("Xây dựng lại chỉ mục", open=False):
            gr.Markdown("Đọc lại toàn bộ tài liệu và tạo chỉ mục mới (vài phút). Trong lúc đó chỉ mục cũ vẫn dùng được.")
            ui["rebuild_btn"] = gr.Button("Xây dựng lại chỉ mục", size="sm")
            ui["rebuild_msg"] = gr.Markdown()


def _example_text(evt: gr.SelectData) -> str:
    value = evt.value
    return value.get("text", "") if isinstance(value, dict) else str(value or "")


def _wire(ui: UI, act: Actions, demo: gr.Blocks) -> None:
    private = dict(api_visibility="private")
    chat_out = ui.of(*CHAT_OUTPUTS)
    ask = ui.bind(act.ask, message="hint")
    ask_in = ui.of("question", "conv", "sources")
    gr.on([ui.question.submit, ui.send.click], ask, ask_in, chat_out, api_name="ask", show_progress="minimal", concurrency_id="ask")
    ui.chatbot.example_select(_example_text, None, ui.question, **private).then(
        ask, ask_in, chat_out, show_progress="minimal", concurrency_id="ask", **private)
    ui.new_btn.click(ui.bind(act.new_chat), None, chat_out, api_name="new_chat")
    ui.chatbot.clear(ui.bind(act.new_chat), None, chat_out, **private)  # the chat's own "Xóa" button
    ui.chatbot.select(ui.bind(act.select_turn), [ui.conv], ui.of("chips", "active", "evidence", "open_btn"), **private)
    ui.chips.input(ui.bind(act.show_citation), ui.of("chips", "conv", "active"), ui.of("evidence", "current", "open_btn"),
                   api_name="show_citation").then(None, js=SCROLL_TO_EVIDENCE_JS)
    feedback_in, feedback_out = ui.of("comment", "conv", "active"), ui.of("fb_note", "comment")
    ui.up.click(ui.bind(functools.partial(act.feedback, "up"), message="fb_note"), feedback_in, feedback_out, api_name="feedback_up")
    ui.down.click(ui.bind(functools.partial(act.feedback, "down"), message="fb_note"), feedback_in, feedback_out,
                  api_name="feedback_down")

    refresh_out = ui.of(*REFRESH_OUTPUTS)
    demo.load(ui.bind(act.refresh), None, refresh_out, **private)

    reader_out = ui.of(*READER_OUTPUTS)
    ui.open_btn.click(ui.bind(act.open_reader_at), [ui.current], reader_out, **private).then(None, js=SCROLL_TO_MARK_JS)
    ui.doc_table.select(ui.bind(act.open_document_row), None, reader_out, **private)
    for table in (ui.resp_table, ui.targets, ui.budget):
        table.select(ui.bind(act.open_fact_row), None, reader_out, **private).then(None, js=SCROLL_TO_MARK_JS)
    ui.reader_select.input(ui.bind(act.read), ui.reader_select, ui.reader, api_name="read")
    for dd in (ui.doc_province, ui.doc_period):
        dd.input(ui.bind(act.documents_table), ui.of("doc_province", "doc_period"), ui.doc_table, **private)

    quiet = dict(trigger_mode="always_last", show_progress="hidden")
    resp_in = ui.of("resp_plan", "resp_agency", "resp_period", "resp_text")
    ui.resp_plan.input(ui.bind(act.responsibilities_plan), resp_in, ui.of("resp_agency", "resp_table"), **quiet, **private)
    gr.on([ui.resp_agency.input, ui.resp_period.input, ui.resp_text.submit, ui.resp_text.input], ui.bind(act.responsibilities_table),
          resp_in, ui.resp_table, api_name="responsibilities", **quiet)
    ui.resp_csv.click(ui.bind(functools.partial(act.export_responsibilities, "csv")), resp_in, ui.resp_file,
                      api_name="export_responsibilities_csv")
    ui.resp_xlsx.click(ui.bind(functools.partial(act.export_responsibilities, "xlsx")), resp_in, ui.resp_file,
                       api_name="export_responsibilities_xlsx")

    targets_in = ui.of("targets_plan", "targets_kind", "targets_period", "targets_text")
    gr.on([ui.targets_plan.input, ui.targets_kind.input, ui.targets_period.input, ui.targets_text.submit, ui.targets_text.input],
          ui.bind(act.targets_tables), targets_in, ui.of("targets", "budget"), api_name="targets", **quiet)
    ui.targets_csv.click(ui.bind(functools.partial(act.export_targets, "csv")), targets_in, ui.targets_file,
                         api_name="export_targets_csv")
    ui.targets_xlsx.click(ui.bind(functools.partial(act.export_targets, "xlsx")), targets_in, ui.targets_file,
                          api_name="export_targets_xlsx")

    busy = dict(concurrency_limit=1, concurrency_id="ingest")
    ui.files.upload(ui.bind(act.upload, message="upload_msg"), ui.files, [ui.upload_msg, *refresh_out], api_name="upload", **busy)
    ui.remove_btn.click(ui.bind(act.remove, message="remove_msg"), ui.of("remove_select", "confirm"),
                        [ui.remove_msg, ui.confirm, *refresh_out], api_name="remove", **busy)
    ui.rebuild_btn.click(ui.bind(act.rebuild, message="rebuild_msg"), None, [ui.rebuild_msg, *refresh_out], api_name="rebuild", **busy)


# ====================================================================== serving


def theme() -> gr.themes.Base:
    # System fonts: the app runs offline, a web font would only delay the first paint.
    return gr.themes.Soft(primary_hue="blue", font=["Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
                          font_mono=["Consolas", "Noto Sans Mono", "monospace"])


def launch_options(settings: Settings, host: str | None = None) -> dict[str, Any]:
    """The launch() arguments shared by `serve` and the tests (Gradio 6 takes theme and css here).
    Anything but a loopback address requires a login (ASSISTANT_USERS or ASSISTANT_AUTH_FILE)."""
    auth = parse_auth(settings)
    host = settings.host if host is None else host
    if not is_loopback(host) and not auth:
        raise ConfigError(f"ứng dụng nghe trên {host or 'mọi địa chỉ'}, không chỉ máy này: cần đặt tài khoản đăng nhập "
                          "(ASSISTANT_USERS=\"ten:matkhau\" hoặc ASSISTANT_AUTH_FILE=tệp các dòng ten:matkhau), "
                          "hoặc chạy với --host 127.0.0.1")
    return dict(
        theme=theme(),
        css=CSS,
        head=HEAD,
        auth=auth,
        auth_message="Đăng nhập để dùng trợ lý",
        # Our own check (Vietnamese message) runs at settings.max_upload_mb; Gradio only stops absurd sizes.
        max_file_size=f"{settings.max_upload_mb * 4}mb",
        show_error=False,
        footer_links=[],
        app_kwargs={"middleware": [Middleware(VietnamesePage)]},
    )


def serve(assistant: Assistant, host: str | None = None, port: int | None = None, **launch_kwargs: Any) -> gr.Blocks:
    """Warms the models and the index once, then serves the app until interrupted."""
    settings = assistant.settings
    host = host or settings.host
    options = launch_options(settings, host)  # refuses a public address without a login, before any work
    if not assistant.status().ready:
        print(f"Chưa có chỉ mục trong {settings.index_dir}: đang xây dựng từ {settings.knowledge_dir}…", flush=True)
        report = assistant.ingest()
        print(f"Xong: {len(report.added)} tài liệu, {report.chunks} đoạn, {report.seconds:.0f} giây.", flush=True)
    t0 = time.perf_counter()
    assistant.warm_up()
    print(f"Đã nạp mô hình và chỉ mục ({time.perf_counter() - t0:.1f} giây).", flush=True)
    demo = build_app(assistant)
    options.update(launch_kwargs)
    demo.launch(server_name=host, server_port=port or settings.port, **options)
    return demo
