"""The web app (Gradio Blocks): Hỏi đáp, Tài liệu, Phân công, Chỉ tiêu, Cập nhật tài liệu.

`build_app(assistant)` returns the Blocks (tests launch it themselves); `serve()` warms the
models and the index once, then launches it. Every handler works through the `Assistant`
facade; nothing is loaded per request. The pure helpers (rendering, tables, file names)
come first, then the handlers (`Actions`), then the layout.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import gradio as gr
import pandas as pd

from .assistant import Assistant
from .config import Settings
from .documents import SUPPORTED, file_sha256
from .index import DocumentRecord, LoadedIndex

APP_TITLE = "Trợ lý kế hoạch, đề án"
ALL = "*"  # value of the "Tất cả" choice of every filter
CONTEXT_LINES = 5
EXAMPLES = [
    "Cơ quan nào chủ trì hoạt động truyền thông?",
    "Mục tiêu đến năm 2030 là gì?",
    "Sở Tài chính có trách nhiệm gì?",
    "Kinh phí thực hiện kế hoạch lấy từ đâu?",
]
EVIDENCE_HINT = "Bấm vào một nguồn [1], [2]… dưới câu trả lời để xem đoạn văn được trích dẫn."
TRASH_DIR = ".da-xoa"  # hidden: the loader skips it, so removed files can still be recovered

DOC_HEADERS = ["Tệp", "Tên tài liệu", "Tỉnh/TP", "Số hiệu", "Ngày", "Người ký", "Giai đoạn", "Loại", "Số đoạn", "Cập nhật lần cuối"]
RESP_HEADERS = ["Tài liệu", "Nhiệm vụ / hoạt động", "Chủ trì", "Phối hợp", "Trách nhiệm", "Thời gian", "Kinh phí", "Mục", "Tệp", "Dòng"]
TARGET_HEADERS = ["Tài liệu", "Chỉ tiêu", "Giá trị", "Giai đoạn", "Mục", "Tệp", "Dòng"]
BUDGET_HEADERS = ["Tài liệu", "Hạng mục", "Số tiền", "Đơn vị", "Năm", "Nguồn vốn", "Diễn giải", "Mục", "Tệp", "Dòng"]
# Column widths (px): long texts wrap, the table scrolls sideways on a phone.
DOC_WIDTHS = [200, 340, 110, 120, 100, 150, 100, 90, 80, 140]
RESP_WIDTHS = [130, 260, 200, 220, 320, 110, 120, 200, 200, 100]
TARGET_WIDTHS = [130, 360, 120, 110, 220, 200, 100]
BUDGET_WIDTHS = [130, 300, 120, 80, 70, 110, 260, 200, 200, 100]

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
.facts-table, .facts-table * { font-family: var(--font) !important; }
@media (max-width: 640px) {
  .tabs button[role="tab"] { padding-left: 10px !important; padding-right: 10px !important; }
  #chatbot { height: 58vh !important; }
  .ln .no { flex-basis: 2.4em; }
}
"""

# Gradio prefixes the `css` rules with its main container; the page margins live outside it.
HEAD = """<style>
.gradio-container { width: 100%; max-width: 1280px !important; margin: 0 auto; }
@media (max-width: 640px) { .gradio-container .main.app { padding-left: 8px !important; padding-right: 8px !important; } }
</style>"""

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


# ====================================================================== pure helpers


def esc(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def short_name(rec: DocumentRecord | None, source: str = "") -> str:
    """A few words that tell documents apart in a chip: "Vĩnh Phúc 80/KH-UBND", "Tây Ninh 2019"."""
    if rec is None:
        return Path(source).stem
    m = rec.meta
    bits = [m.province] if m.province else []
    if m.number:
        bits.append(m.number)
    elif m.period:
        bits.append(m.period)
    return " ".join(bits) or Path(rec.source).stem


def doc_title(rec: DocumentRecord) -> str:
    return rec.meta.title or Path(rec.source).stem


def doc_choices(index: LoadedIndex | None) -> list[tuple[str, str]]:
    """(label, source) of every document, for dropdowns; duplicate titles get their file name."""
    if index is None:
        return []
    recs = sorted(index.documents.values(), key=lambda r: (r.meta.province, doc_title(r)))
    titles = [doc_title(r) for r in recs]
    out = []
    for rec, title in zip(recs, titles):
        label = title if len(title) <= 90 else title[:88] + "…"
        if titles.count(title) > 1:
            label += f" ({rec.source})"
        out.append((label, rec.source))
    return out


def lines_label(start: int, end: int) -> str:
    return f"dòng {start}" if start == end else f"dòng {start}–{end}"


def cite_label(n: int, cite: dict, index: LoadedIndex | None) -> str:
    rec = index.documents.get(cite["source"]) if index else None
    return f"[{n}] {short_name(rec, cite['source'])}, {lines_label(cite['start_line'], cite['end_line'])}"


def answer_markdown(turn: dict, index: LoadedIndex | None) -> str:
    """The chat bubble: the answer, then its numbered sources (or the closest passages)."""
    if turn.get("error"):
        return f"⚠️ {turn['answer']}"
    refs = turn["citations"] or turn["related"]
    listed = " · ".join(cite_label(i, c, index) for i, c in enumerate(refs, 1))
    if turn["abstained"]:
        text = f"**ℹ️ Không tìm thấy câu trả lời trong tài liệu.**\n\n{turn['answer']}"
        return text + (f"\n\n**Có thể liên quan:** {listed}" if listed else "")
    return turn["answer"] + (f"\n\n**Nguồn:** {listed}" if listed else "")


def chat_messages(conv: list[dict], index: LoadedIndex | None, pending: str | None = None) -> list[dict]:
    messages: list[dict] = []
    for turn in conv:
        messages.append({"role": "user", "content": turn["question"]})
        messages.append({"role": "assistant", "content": answer_markdown(turn, index)})
    if pending is not None:
        messages.append({"role": "user", "content": pending})
        messages.append({"role": "assistant", "content": "⏳ Đang tìm trong tài liệu…"})
    return messages


def history_of(conv: list[dict]) -> list[dict]:
    """The conversation as the facade wants it: plain answer texts, no rendering."""
    out: list[dict] = []
    for turn in conv:
        if turn.get("error"):
            continue
        out.append({"role": "user", "content": turn["question"]})
        out.append({"role": "assistant", "content": turn["answer"]})
    return out


def turn_refs(turn: dict | None) -> list[dict]:
    if not turn:
        return []
    return turn["citations"] or turn["related"]


def _note(text: str) -> str:
    return f'<div class="ev-empty">{esc(text)}</div>'


def _line_html(n: int, text: str, marked: bool, id_prefix: str) -> str:
    body = esc(text) or "&#8203;"
    if marked:
        return f'<div class="ln hl" id="{id_prefix}{n}"><span class="no">{n}</span><span class="tx"><mark data-line="{n}">{body}</mark></span></div>'
    return f'<div class="ln" id="{id_prefix}{n}"><span class="no">{n}</span><span class="tx">{body}</span></div>'


def _meta_line(rec: DocumentRecord) -> str:
    m = rec.meta
    parts = [("Số", m.number), ("Ngày", m.date), ("Cơ quan", m.issuer), ("Người ký", m.signer), ("Giai đoạn", m.period)]
    return " · ".join(f"{k}: {esc(v)}" for k, v in parts if v)


def render_evidence(index: LoadedIndex | None, cite: dict | None, context: int = CONTEXT_LINES) -> str:
    """Title, number, section, line numbers, and the cited lines marked inside ±context lines."""
    if not cite:
        return _note(EVIDENCE_HINT)
    rec = index.documents.get(cite["source"]) if index else None
    if rec is None:
        return _note(f"Tài liệu {cite['source']} không còn trong chỉ mục.")
    lines = rec.lines
    start = max(1, min(int(cite["start_line"]), len(lines)))
    end = max(start, min(int(cite["end_line"]), len(lines)))
    lo, hi = max(1, start - context), min(len(lines), end + context)
    body = "".join(_line_html(n, lines[n - 1], start <= n <= end, "ev-L") for n in range(lo, hi + 1))
    meta = " · ".join(x for x in [_meta_line(rec), f"Mục: {esc(cite.get('section') or 'phần đầu')}",
                                  f"<b>{lines_label(start, end).capitalize()}</b>", f"Tệp: {esc(rec.source)}"] if x)
    return (
        f'<div class="evidence" data-source="{esc(rec.source)}" data-start="{start}" data-end="{end}">'
        f'<div class="ev-head"><div class="ev-title">{esc(doc_title(rec))}</div><div class="ev-meta">{meta}</div></div>'
        f'<div class="ev-lines">{body}</div></div>'
    )


def render_reader(rec: DocumentRecord | None, start: int = 0, end: int = 0) -> str:
    """A whole document with line numbers; lines start..end marked (the reader scrolls to them)."""
    if rec is None:
        return _note("Chọn một tài liệu để đọc toàn văn.")
    body = "".join(_line_html(n, text, start <= n <= end, "doc-L") for n, text in enumerate(rec.lines, 1))
    return (
        f'<div class="reader-doc" data-source="{esc(rec.source)}">'
        f'<div class="doc-head"><div class="doc-title">{esc(doc_title(rec))}</div>'
        f'<div class="doc-meta">{_meta_line(rec)} · Tệp: {esc(rec.source)}</div></div>'
        f'<div class="doc-lines">{body}</div></div>'
    )


def _fmt_time(ts: float) -> str:
    return time.strftime("%d/%m/%Y %H:%M", time.localtime(ts)) if ts else ""


def _matches(query: str, values: Iterable[str]) -> bool:
    q = query.strip().lower()
    return not q or any(q in (v or "").lower() for v in values)


def _chosen(value: str | None) -> str:
    return "" if value in (None, "", ALL) else str(value)


def document_rows(index: LoadedIndex | None, province: str | None = ALL, period: str | None = ALL) -> list[list]:
    rows = []
    for rec in sorted(index.documents.values(), key=lambda r: (r.meta.province, r.source)) if index else []:
        m = rec.meta
        if _chosen(province) and m.province != province or _chosen(period) and m.period != period:
            continue
        rows.append([rec.source, doc_title(rec), m.province, m.number, m.date, m.signer, m.period, m.kind,
                     len(rec.chunk_ids), _fmt_time(rec.indexed_at)])
    return rows


def _doc_period(index: LoadedIndex, source: str) -> str:
    rec = index.documents.get(source)
    return rec.meta.period if rec else ""


def _fact_rows(index: LoadedIndex | None, facts, plan, period, text: str, periods, to_row, keep=lambda f: True) -> list[list]:
    """Table rows of facts that pass the plan / period / free-text filters."""
    rows = []
    for f in facts(index) if index else []:
        if _chosen(plan) and f.source != plan:
            continue
        if _chosen(period) and period not in (*periods(f), _doc_period(index, f.source)):
            continue
        if not keep(f):
            continue
        row = [short_name(index.documents.get(f.source), f.source), *to_row(f), f.section, f.source,
               lines_label(f.start_line, f.end_line)]
        if _matches(text, map(str, row + [f.quote])):
            rows.append(row)
    return rows


def responsibility_rows(index: LoadedIndex | None, plan=ALL, agency=ALL, period=ALL, text: str = "") -> list[list]:
    return _fact_rows(
        index, lambda i: i.facts.responsibilities, plan, period, text,
        periods=lambda r: (r.timeline,),
        to_row=lambda r: [r.task, "; ".join(r.lead), "; ".join(r.partners), r.duty, r.timeline, r.funding],
        keep=lambda r: not _chosen(agency) or agency in r.lead + r.partners,
    )


def target_rows(index: LoadedIndex | None, plan=ALL, period=ALL, text: str = "") -> list[list]:
    return _fact_rows(
        index, lambda i: i.facts.targets, plan, period, text,
        periods=lambda t: (t.period,),
        to_row=lambda t: [t.indicator, t.value, t.period],
    )


def budget_rows(index: LoadedIndex | None, plan=ALL, period=ALL, text: str = "") -> list[list]:
    return _fact_rows(
        index, lambda i: i.facts.budget, plan, period, text,
        periods=lambda b: (b.year,),
        to_row=lambda b: [b.item, b.amount, b.unit, b.year, b.funding, b.detail],
    )


def with_all(values: Iterable[str]) -> list[tuple[str, str]]:
    return [("Tất cả", ALL)] + [(v, v) for v in sorted({v for v in values if v})]


def agencies(index: LoadedIndex | None) -> list[str]:
    return [a for r in index.facts.responsibilities for a in r.lead + r.partners] if index else []


def periods(index: LoadedIndex | None) -> list[str]:
    return [r.meta.period for r in index.documents.values()] if index else []


def frame(rows: list[list], headers: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=headers)


def parse_lines(label: str) -> tuple[int, int]:
    """'dòng 12–15' -> (12, 15); 'dòng 7' -> (7, 7)."""
    nums = [int(n) for n in re.findall(r"\d+", label or "")]
    return (nums[0], nums[-1]) if nums else (0, 0)


def export_file(kind: str, fmt: str, sheets: dict[str, tuple[list[str], list[list]]]) -> str:
    """Writes the tables to a CSV (the first sheet; UTF-8 with BOM so Excel reads Vietnamese) or an .xlsx."""
    folder = Path(tempfile.mkdtemp(prefix="assistant-export-"))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if fmt == "csv":
        path = folder / f"{kind}-{stamp}.csv"
        headers, rows = next(iter(sheets.values()))
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            writer.writerows(rows)
        return str(path)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = folder / f"{kind}-{stamp}.xlsx"
    book = Workbook()
    book.remove(book.active)
    for name, (headers, rows) in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for col, header in enumerate(headers, 1):
            width = max([len(str(header))] + [len(str(r[col - 1])) for r in rows[:200]])
            sheet.column_dimensions[sheet.cell(1, col).column_letter].width = min(60, max(10, width + 2))
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
    return str(path)


_ODD_CHARS = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_filename(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no hidden names, no odd characters."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")  # control characters
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = _ODD_CHARS.sub("-", stem)
    stem = re.sub(r"\s+", "-", stem.strip())
    stem = re.sub(r"-{2,}", "-", stem).strip(".-_ ")
    stem = stem[:100] or "tai-lieu"
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())
    return f"{stem}.{ext}" if ext else stem


def unique_path(folder: Path, name: str) -> Path:
    """folder/name, or folder/stem-2.ext, -3, … when taken: nothing is overwritten."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def parse_auth(settings: Settings) -> list[tuple[str, str]] | None:
    """Logins from settings.auth_file ("user:password" lines, # comments) and settings.users ("u:p,u2:p2")."""
    entries: list[str] = []
    if settings.auth_file:
        try:
            entries += Path(settings.auth_file).expanduser().read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"không đọc được tệp tài khoản {settings.auth_file}: {exc.strerror}") from exc
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


# ====================================================================== handlers


@dataclass
class Upload:
    name: str  # as sent
    path: Path | None = None  # where it was copied in the knowledge folder
    problem: str = ""  # why it was refused ("" = accepted)


class Actions:
    """Every event handler of the app, bound to one Assistant. Holds no per-user state."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.settings = assistant.settings
        self._feedback_lock = threading.Lock()

    # ---------------------------------------------------------------- index access

    def index(self) -> LoadedIndex | None:
        try:
            return self.assistant.index
        except Exception:  # no index yet: the tables show empty, the chat says what to do
            return None

    # ---------------------------------------------------------------- chat

    def ask(self, question: str, conv: list[dict] | None, sources: list[str] | None):
        """Generator: first the question with a 'searching' bubble, then the answer and its sources."""
        conv = list(conv or [])
        question = (question or "").strip()
        index = self.index()
        if not question:
            yield self._chat_outputs(conv, index, notice="Vui lòng nhập câu hỏi.")
            return
        yield self._chat_outputs(conv, index, pending=question)
        turn = self._answer(question, conv, [s for s in (sources or []) if s and s != ALL])
        conv.append(turn)
        yield self._chat_outputs(conv, self.index())

    def _answer(self, question: str, conv: list[dict], sources: list[str]) -> dict:
        try:
            answer = self.assistant.ask(question, history_of(conv), sources or None)
        except Exception as exc:  # the chat stays usable; the message says what happened
            return {"question": question, "answer": f"Không trả lời được: {exc}", "abstained": True, "error": True,
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

    def _chat_outputs(self, conv: list[dict], index, pending: str | None = None, notice: str = ""):
        """(chatbot, conv, active turn, question box, chips, evidence, current citation, answer json, feedback note,
        open-document button)."""
        last = conv[-1] if conv and pending is None else None
        return (
            chat_messages(conv, index, pending),
            conv,
            len(conv) - 1 if last else -1,
            "" if not notice else gr.Textbox(),
            self._chips(last, index),
            _note(notice or EVIDENCE_HINT),
            None,
            (last or {}).get("contract", {}),
            "",
            gr.Button(visible=False),
        )

    def _chips(self, turn: dict | None, index) -> gr.Radio:
        refs = turn_refs(turn)
        label = "Có thể liên quan — bấm để xem" if turn and not turn["citations"] else "Nguồn trích dẫn — bấm để xem"
        choices = [(cite_label(i, c, index), str(i - 1)) for i, c in enumerate(refs, 1)]
        return gr.Radio(choices=choices, value=None, label=label, visible=bool(choices))

    def new_chat(self):
        return ([], [], -1, "", gr.Radio(choices=[], value=None, visible=False), _note(EVIDENCE_HINT), None, {}, "",
                gr.Button(visible=False))

    def select_turn(self, conv: list[dict] | None, evt: gr.SelectData):
        """Clicking an earlier answer shows its sources as chips."""
        conv = conv or []
        i = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else -1)
        turn_i = i // 2 if isinstance(i, int) and i >= 0 else -1
        if not 0 <= turn_i < len(conv):
            return gr.Radio(), -1, gr.HTML(), gr.Button()
        return self._chips(conv[turn_i], self.index()), turn_i, _note(EVIDENCE_HINT), gr.Button(visible=False)

    def show_citation(self, choice: str | None, conv: list[dict] | None, active: int | None):
        turn = _turn(conv, active)
        refs = turn_refs(turn)
        try:
            cite = refs[int(choice)]
        except (TypeError, ValueError, IndexError):
            return _note(EVIDENCE_HINT), None, gr.Button(visible=False)
        return render_evidence(self.index(), cite), cite, gr.Button(visible=True)

    def open_reader_at(self, cite: dict | None):
        """The whole document, cited lines marked, in the Tài liệu tab."""
        if not cite:
            return gr.Tabs(), gr.Dropdown(), gr.HTML()
        return self._open(cite["source"], int(cite["start_line"]), int(cite["end_line"]))

    def open_fact_row(self, evt: gr.SelectData):
        """A row of a facts table (its last columns: Tệp, Dòng) -> the reader at those lines."""
        row = evt.row_value or []
        if len(row) < 2:
            return gr.Tabs(), gr.Dropdown(), gr.HTML()
        start, end = parse_lines(str(row[-1]))
        return self._open(str(row[-2]), start, end)

    def open_document_row(self, evt: gr.SelectData):
        """A row of the documents table (first column: Tệp) -> the reader."""
        row = evt.row_value or []
        return self._open(str(row[0]), 0, 0) if row else (gr.Tabs(), gr.Dropdown(), gr.HTML())

    def _open(self, source: str, start: int, end: int):
        index = self.index()
        rec = index.documents.get(source) if index else None
        return gr.Tabs(selected="library"), gr.Dropdown(value=source if rec else None), render_reader(rec, start, end)

    def read(self, source: str | None):
        index = self.index()
        return render_reader(index.documents.get(source) if index and source else None)

    # ---------------------------------------------------------------- feedback

    def feedback(self, rating: str, comment: str, conv: list[dict] | None, active: int | None) -> tuple[str, str]:
        turn = _turn(conv, active)
        if turn is None:
            return "Chưa có câu trả lời nào để đánh giá.", comment
        self._write_feedback(turn, conv or [], rating, comment)
        return ("Cảm ơn bạn đã góp ý! 👍" if rating == "up" else "Cảm ơn bạn, chúng tôi sẽ xem lại câu trả lời này."), ""

    def like(self, conv: list[dict] | None, comment: str, evt: gr.LikeData) -> tuple[str, str]:
        i = evt.index if isinstance(evt.index, int) else evt.index[0]
        rating = "up" if evt.liked is True or evt.liked == "Like" else "down"
        return self.feedback(rating, comment, conv, i // 2)

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

    def documents_table(self, province, period):
        return frame(document_rows(self.index(), province, period), DOC_HEADERS)

    def responsibilities_table(self, plan, agency, period, text):
        return frame(responsibility_rows(self.index(), plan, agency, period, text), RESP_HEADERS)

    def targets_tables(self, plan, period, text):
        index = self.index()
        return frame(target_rows(index, plan, period, text), TARGET_HEADERS), frame(budget_rows(index, plan, period, text), BUDGET_HEADERS)

    def export_responsibilities(self, fmt, plan, agency, period, text) -> str:
        rows = responsibility_rows(self.index(), plan, agency, period, text)
        return export_file("phan-cong", fmt, {"Phân công": (RESP_HEADERS, rows)})

    def export_targets(self, fmt, plan, period, text) -> str | list[str]:
        index = self.index()
        targets = (TARGET_HEADERS, target_rows(index, plan, period, text))
        budget = (BUDGET_HEADERS, budget_rows(index, plan, period, text))
        if fmt == "csv":
            return [export_file("chi-tieu", "csv", {"Chỉ tiêu": targets}), export_file("kinh-phi", "csv", {"Kinh phí": budget})]
        return export_file("chi-tieu-kinh-phi", "xlsx", {"Chỉ tiêu": targets, "Kinh phí": budget})

    def refresh(self):
        """Everything that depends on the index, filters reset (after load, upload, removal, rebuild)."""
        index = self.index()
        docs = doc_choices(index)
        plans = [("Tất cả", ALL)] + docs
        targets, budget = self.targets_tables(ALL, ALL, "")
        return (
            gr.Dropdown(choices=docs, value=[]),  # chat filter
            gr.Dropdown(choices=with_all(r.meta.province for r in index.documents.values()) if index else [("Tất cả", ALL)], value=ALL),
            gr.Dropdown(choices=with_all(periods(index)), value=ALL),
            self.documents_table(ALL, ALL),
            gr.Dropdown(choices=docs),  # reader
            gr.Dropdown(choices=plans, value=ALL),
            gr.Dropdown(choices=with_all(agencies(index)), value=ALL),
            gr.Dropdown(choices=with_all(periods(index) + [r.timeline for r in index.facts.responsibilities] if index else []), value=ALL),
            "",
            self.responsibilities_table(ALL, ALL, ALL, ""),
            gr.Dropdown(choices=plans, value=ALL),
            gr.Dropdown(choices=with_all(periods(index) + [t.period for t in index.facts.targets] if index else []), value=ALL),
            "",
            targets,
            budget,
            gr.Dropdown(choices=docs, value=None),  # removal
            self.status(),
        )

    def status(self) -> str:
        index = self.index()
        if index is None:
            return "⚠️ Chưa có chỉ mục. Hãy tải tài liệu lên hoặc bấm **Xây dựng lại chỉ mục**."
        built = index.manifest.get("built_at")
        return (f"Thư viện có **{len(index.documents)}** tài liệu, **{len(index.chunks)}** đoạn"
                + (f", cập nhật lúc {_fmt_time(built)}." if built else "."))

    # ---------------------------------------------------------------- upload & reindex

    def upload(self, files, progress=gr.Progress()) -> tuple[str, None]:
        paths = [f for f in (files if isinstance(files, list) else [files]) if f]
        if not paths:
            return "Chưa chọn tệp nào.", None
        knowledge = Path(self.settings.knowledge_dir)
        knowledge.mkdir(parents=True, exist_ok=True)
        progress(0.0, desc="Đang kiểm tra tệp")
        uploads = [self._place(Path(_file_path(p)), knowledge) for p in paths]
        placed = [u for u in uploads if not u.problem]
        lines = [f"❌ **{esc(u.name)}**: {u.problem}" for u in uploads if u.problem]
        if not placed:
            return "\n\n".join(lines), None
        report, error = self._ingest(progress)
        if error:
            for u in placed:  # the old index is still the active one; don't leave half-added files around
                u.path.unlink(missing_ok=True)
            return "\n\n".join(lines + [f"❌ Lỗi khi cập nhật chỉ mục: {esc(error)}. Chỉ mục cũ vẫn được dùng."]), None
        for u in placed:
            source = u.path.relative_to(knowledge).as_posix()
            if source in report.failed:
                u.path.unlink(missing_ok=True)
                lines.append(f"❌ **{esc(u.name)}**: không đọc được tệp — {esc(report.failed[source])}. Tệp không được thêm; các tài liệu khác vẫn dùng bình thường.")
            else:
                renamed = f" (lưu thành `{source}`)" if u.path.name != u.name else ""
                lines.append(f"✅ Đã thêm **{esc(u.name)}**{renamed}. Có thể hỏi về tài liệu này ngay.")
        lines.append(self._report_line(report))
        return "\n\n".join(lines), None

    def _place(self, src: Path, knowledge: Path) -> Upload:
        """Checks one uploaded file and copies it into the knowledge folder under a safe, new name."""
        name = safe_filename(src.name)  # Gradio keeps the name the browser sent
        upload = Upload(name=src.name)
        suffix = Path(name).suffix.lower()
        if suffix not in SUPPORTED:
            upload.problem = f"định dạng {esc(suffix or '(không có đuôi)')} không được hỗ trợ (chỉ nhận {', '.join(SUPPORTED)})."
            return upload
        try:
            size = src.stat().st_size
        except OSError:
            upload.problem = "không đọc được tệp tải lên."
            return upload
        limit = self.settings.max_upload_mb * 1024 * 1024
        if size > limit:
            upload.problem = f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa {self.settings.max_upload_mb} MB)."
            return upload
        if size == 0:
            upload.problem = "tệp rỗng."
            return upload
        digest = file_sha256(src)
        for existing in knowledge.iterdir():
            if existing.is_file() and not existing.name.startswith(".") and existing.stat().st_size == size and file_sha256(existing) == digest:
                upload.problem = f"tài liệu này đã có trong thư viện (tệp `{esc(existing.name)}`)."
                return upload
        target = unique_path(knowledge, name)
        tmp = knowledge / f".upload-{uuid.uuid4().hex}{suffix}"  # hidden while copying: an ingest skips it
        shutil.copyfile(src, tmp)
        os.replace(tmp, target)
        upload.path = target
        return upload

    def remove(self, source: str | None, confirm: bool, progress=gr.Progress()) -> tuple[str, bool]:
        if not source:
            return "Chọn tài liệu cần xóa.", False
        if not confirm:
            return "Đánh dấu ô **Tôi chắc chắn muốn xóa** rồi bấm lại.", False
        knowledge = Path(self.settings.knowledge_dir).resolve()
        path = (knowledge / source).resolve()
        if knowledge not in path.parents or not path.is_file():
            return f"Không tìm thấy tệp {esc(source)} trong thư mục tài liệu.", False
        trash = knowledge / TRASH_DIR
        trash.mkdir(exist_ok=True)
        os.replace(path, unique_path(trash, f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}"))
        report, error = self._ingest(progress)
        if error:
            return f"❌ Lỗi khi cập nhật chỉ mục: {esc(error)}. Chỉ mục cũ vẫn được dùng.", False
        return f"🗑️ Đã xóa **{esc(source)}** khỏi thư viện (bản sao giữ trong `{TRASH_DIR}/`).\n\n{self._report_line(report)}", False

    def rebuild(self, progress=gr.Progress()) -> str:
        report, error = self._ingest(progress, force=True)
        if error:
            return f"❌ Lỗi khi xây dựng lại chỉ mục: {esc(error)}. Chỉ mục cũ vẫn được dùng."
        failed = "".join(f"\n\n❌ **{esc(s)}**: {esc(r)}" for s, r in report.failed.items())
        return f"✅ Đã xây dựng lại chỉ mục.{failed}\n\n{self._report_line(report)}"

    def _ingest(self, progress, force: bool = False):
        def tell(fraction: float, message: str) -> None:
            progress(max(0.0, min(1.0, fraction)), desc=message)

        try:
            return self.assistant.ingest(progress=tell, force=force), ""
        except Exception as exc:
            return None, str(exc)

    def _report_line(self, report) -> str:
        parts = [f"{len(report.added)} thêm", f"{len(report.updated)} cập nhật", f"{len(report.removed)} xóa"]
        return f"Chỉ mục: {', '.join(parts)}; {report.chunks} đoạn; {report.seconds:.1f} giây."


def _turn(conv: list[dict] | None, active: int | None) -> dict | None:
    conv = conv or []
    if not conv:
        return None
    i = active if isinstance(active, int) and 0 <= active < len(conv) else len(conv) - 1
    return conv[i]


def _file_path(value: Any) -> str:
    """gr.File gives a path string (or an object with .name in older versions)."""
    return value if isinstance(value, (str, Path)) else getattr(value, "name", None) or value.get("path")


# ====================================================================== layout


def build_app(assistant: Assistant) -> gr.Blocks:
    """The Blocks of the app, queued; launch it with `demo.launch(**launch_options(settings))`."""
    act = Actions(assistant)
    settings = assistant.settings
    with gr.Blocks(title=APP_TITLE, analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        gr.Markdown(f"## {APP_TITLE}\nHỏi đáp về các kế hoạch, đề án trong thư viện; mỗi câu trả lời kèm nguồn đến từng dòng.")
        with gr.Tabs(overflow_behavior="wrap") as tabs:
            chat = _chat_tab(act)
            library = _library_tab(act)
            resp = _responsibilities_tab(act)
            targets = _targets_tab(act)
            update = _update_tab(act, settings)

        refresh_outputs = [chat.sources, library.province, library.period, library.table, library.reader_select,
                           resp.plan, resp.agency, resp.period, resp.text, resp.table,
                           targets.plan, targets.period, targets.text, targets.targets, targets.budget,
                           update.remove_select, update.status]
        demo.load(act.refresh, outputs=refresh_outputs, api_visibility="private")
        for event in update.index_changes:
            event.then(act.refresh, outputs=refresh_outputs, api_visibility="private")

        reader_outputs = [tabs, library.reader_select, library.reader]
        chat.open_btn.click(act.open_reader_at, [chat.current], reader_outputs, api_visibility="private").then(
            None, js=SCROLL_TO_MARK_JS)
        library.table.select(act.open_document_row, None, reader_outputs, api_visibility="private")
        for table in (resp.table, targets.targets, targets.budget):
            table.select(act.open_fact_row, None, reader_outputs, api_visibility="private").then(None, js=SCROLL_TO_MARK_JS)
    demo.queue(default_concurrency_limit=settings.concurrency)
    return demo


class _Parts:
    """The components of one tab that other tabs or tests wire to."""

    def __init__(self, **parts):
        self.__dict__.update(parts)


def _chat_tab(act: Actions) -> _Parts:
    with gr.Tab("Hỏi đáp", id="chat"):
        conv = gr.State([])
        active = gr.State(-1)
        current = gr.State(None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(
                    elem_id="chatbot", label="Hội thoại", height=520, buttons=["copy", "copy_all"],
                    examples=[{"text": q} for q in EXAMPLES], show_label=False,
                    placeholder="**Xin chào!** Hãy hỏi về các kế hoạch, đề án trong thư viện, ví dụ bấm một câu hỏi gợi ý dưới đây.",
                )
                chips = gr.Radio(choices=[], label="Nguồn trích dẫn — bấm để xem", visible=False, elem_classes="cite-chips", elem_id="cite-chips")
                with gr.Row():
                    question = gr.Textbox(placeholder="Nhập câu hỏi, ví dụ: Ai chủ trì hoạt động truyền thông?", show_label=False,
                                          lines=1, max_lines=4, scale=5, min_width=200, elem_id="question", autofocus=True)
                    send = gr.Button("Gửi", variant="primary", scale=1, min_width=70, elem_id="send")
                with gr.Accordion("Chỉ hỏi trong một số tài liệu", open=False):
                    sources = gr.Dropdown(choices=doc_choices(act.index()), value=[], multiselect=True, allow_custom_value=True, label="Tài liệu", info="Để trống = tìm trong tất cả tài liệu", elem_id="source-filter")
                with gr.Row():
                    new_btn = gr.Button("🗨️ Cuộc hội thoại mới", size="sm", elem_id="new-chat")
                with gr.Accordion("Đánh giá câu trả lời", open=False):
                    comment = gr.Textbox(label="Góp ý (không bắt buộc)", lines=2, placeholder="Câu trả lời đúng/sai ở đâu, nên trả lời thế nào…")
                    with gr.Row():
                        up = gr.Button("👍 Hữu ích", size="sm", elem_id="fb-up")
                        down = gr.Button("👎 Chưa đúng", size="sm", elem_id="fb-down")
                    fb_note = gr.Markdown()
            with gr.Column(scale=2, min_width=300):
                gr.Markdown("#### Đoạn trích dẫn")
                evidence = gr.HTML(_note(EVIDENCE_HINT), elem_id="evidence", js_on_load=None)
                open_btn = gr.Button("📖 Mở toàn văn tại vị trí này", size="sm", elem_id="open-doc", visible=False)
                answer_json = gr.JSON(visible=False)

    outputs = [chatbot, conv, active, question, chips, evidence, current, answer_json, fb_note, open_btn]
    gr.on([question.submit, send.click], act.ask, [question, conv, sources], outputs,
          api_name="ask", show_progress="minimal", concurrency_id="ask")
    chatbot.example_select(_example_text, None, question, api_visibility="private").then(
        act.ask, [question, conv, sources], outputs, show_progress="minimal", concurrency_id="ask", api_visibility="private")
    new_btn.click(act.new_chat, None, outputs, api_name="new_chat")
    chatbot.clear(act.new_chat, None, outputs, api_visibility="private")  # the chat's own 🗑 button
    chatbot.select(act.select_turn, [conv], [chips, active, evidence, open_btn], api_visibility="private")
    chips.input(act.show_citation, [chips, conv, active], [evidence, current, open_btn], api_name="show_citation").then(
        None, js=SCROLL_TO_EVIDENCE_JS)
    up.click(lambda c, cv, a: act.feedback("up", c, cv, a), [comment, conv, active], [fb_note, comment], api_name="feedback_up")
    down.click(lambda c, cv, a: act.feedback("down", c, cv, a), [comment, conv, active], [fb_note, comment], api_name="feedback_down")
    chatbot.like(act.like, [conv, comment], [fb_note, comment], api_visibility="private")
    return _Parts(sources=sources, open_btn=open_btn, current=current)


def _example_text(evt: gr.SelectData) -> str:
    value = evt.value
    return value.get("text", "") if isinstance(value, dict) else str(value or "")


def _library_tab(act: Actions) -> _Parts:
    index = act.index()
    docs = list(index.documents.values()) if index else []
    with gr.Tab("Tài liệu", id="library"):
        with gr.Row():
            province = gr.Dropdown(choices=with_all(r.meta.province for r in docs), value=ALL, label="Tỉnh/thành phố",
                                   min_width=160, allow_custom_value=True)
            period = gr.Dropdown(choices=with_all(r.meta.period for r in docs), value=ALL, label="Giai đoạn", min_width=160,
                                 allow_custom_value=True)
        table = gr.Dataframe(headers=DOC_HEADERS, column_widths=DOC_WIDTHS, interactive=False, wrap=True, elem_classes="facts-table",
                             max_height=360, label="Danh sách tài liệu (bấm một dòng để đọc)")
        reader_select = gr.Dropdown(choices=doc_choices(index), value=None, label="Đọc toàn văn", elem_id="reader-select", allow_custom_value=True)
        reader = gr.HTML(render_reader(None), elem_id="reader", js_on_load=None)
    for dd in (province, period):
        dd.input(act.documents_table, [province, period], table, api_visibility="private")
    reader_select.input(act.read, reader_select, reader, api_name="read")
    return _Parts(province=province, period=period, table=table, reader_select=reader_select, reader=reader)


def _responsibilities_tab(act: Actions) -> _Parts:
    index = act.index()
    with gr.Tab("Phân công", id="responsibilities"):
        gr.Markdown("Cơ quan chủ trì, phối hợp và trách nhiệm trong từng kế hoạch. Bấm một dòng để xem đoạn gốc.")
        with gr.Row():
            plan = gr.Dropdown(choices=[("Tất cả", ALL)] + doc_choices(index), value=ALL, label="Kế hoạch", min_width=200, allow_custom_value=True)
            agency = gr.Dropdown(choices=with_all(agencies(index)), value=ALL, label="Cơ quan", min_width=200, allow_custom_value=True)
            period = gr.Dropdown(choices=with_all(periods(index)), value=ALL, label="Giai đoạn", min_width=140, allow_custom_value=True)
            text = gr.Textbox(label="Tìm", placeholder="từ khóa…", min_width=160)
        table = gr.Dataframe(headers=RESP_HEADERS, column_widths=RESP_WIDTHS, interactive=False, wrap=True, elem_classes="facts-table",
                             max_height=520, elem_id="resp-table", show_label=False)
        with gr.Row():
            csv_btn = gr.Button("⬇️ Xuất CSV", size="sm")
            xlsx_btn = gr.Button("⬇️ Xuất Excel", size="sm")
        file = gr.File(label="Tệp xuất", interactive=False, height=100)
    filters = [plan, agency, period, text]
    gr.on([plan.input, agency.input, period.input, text.submit, text.input], act.responsibilities_table, filters, table,
          api_name="responsibilities", trigger_mode="always_last", show_progress="hidden")
    csv_btn.click(lambda *f: act.export_responsibilities("csv", *f), filters, file, api_name="export_responsibilities_csv")
    xlsx_btn.click(lambda *f: act.export_responsibilities("xlsx", *f), filters, file, api_name="export_responsibilities_xlsx")
    return _Parts(plan=plan, agency=agency, period=period, text=text, table=table)


def _targets_tab(act: Actions) -> _Parts:
    index = act.index()
    with gr.Tab("Chỉ tiêu", id="targets"):
        gr.Markdown("Chỉ tiêu định lượng và các khoản kinh phí. Bấm một dòng để xem đoạn gốc.")
        with gr.Row():
            plan = gr.Dropdown(choices=[("Tất cả", ALL)] + doc_choices(index), value=ALL, label="Kế hoạch", min_width=200, allow_custom_value=True)
            period = gr.Dropdown(choices=with_all(periods(index)), value=ALL, label="Giai đoạn / năm", min_width=140, allow_custom_value=True)
            text = gr.Textbox(label="Tìm", placeholder="từ khóa…", min_width=160)
        targets = gr.Dataframe(headers=TARGET_HEADERS, column_widths=TARGET_WIDTHS, interactive=False, wrap=True,
                               elem_classes="facts-table", max_height=420, label="Chỉ tiêu")
        budget = gr.Dataframe(headers=BUDGET_HEADERS, column_widths=BUDGET_WIDTHS, interactive=False, wrap=True,
                              elem_classes="facts-table", max_height=420, label="Kinh phí")
        with gr.Row():
            csv_btn = gr.Button("⬇️ Xuất CSV", size="sm")
            xlsx_btn = gr.Button("⬇️ Xuất Excel", size="sm")
        file = gr.File(label="Tệp xuất", interactive=False, height=100, file_count="multiple")
    filters = [plan, period, text]
    gr.on([plan.input, period.input, text.submit, text.input], act.targets_tables, filters, [targets, budget],
          api_name="targets", trigger_mode="always_last", show_progress="hidden")
    csv_btn.click(lambda *f: act.export_targets("csv", *f), filters, file, api_name="export_targets_csv")
    xlsx_btn.click(lambda *f: act.export_targets("xlsx", *f), filters, file, api_name="export_targets_xlsx")
    return _Parts(plan=plan, period=period, text=text, targets=targets, budget=budget)


def _update_tab(act: Actions, settings: Settings) -> _Parts:
    with gr.Tab("Cập nhật tài liệu", id="update"):
        status = gr.Markdown(elem_id="index-status")
        gr.Markdown(f"Tải lên tệp {', '.join(SUPPORTED)} (tối đa {settings.max_upload_mb} MB mỗi tệp). "
                    "Tài liệu mới được lập chỉ mục ngay và có thể hỏi đáp khi xong.")
        files = gr.File(label="Tệp tài liệu", file_count="multiple", file_types=list(SUPPORTED), elem_id="upload-files")
        upload_btn = gr.Button("⬆️ Tải lên và cập nhật chỉ mục", variant="primary")
        upload_msg = gr.Markdown(elem_id="upload-message")
        with gr.Accordion("Xóa tài liệu", open=False):
            remove_select = gr.Dropdown(choices=doc_choices(act.index()), value=None, label="Tài liệu cần xóa", allow_custom_value=True)
            confirm = gr.Checkbox(label="Tôi chắc chắn muốn xóa", value=False)
            remove_btn = gr.Button("🗑️ Xóa khỏi thư viện", variant="stop", size="sm")
            remove_msg = gr.Markdown()
        with gr.Accordion("Xây dựng lại chỉ mục", open=False):
            gr.Markdown("Đọc lại toàn bộ tài liệu và tạo chỉ mục mới (vài phút). Trong lúc đó chỉ mục cũ vẫn dùng được.")
            rebuild_btn = gr.Button("🔄 Xây dựng lại chỉ mục", size="sm")
            rebuild_msg = gr.Markdown()
    busy = dict(concurrency_limit=1, concurrency_id="ingest")
    index_changes = [
        upload_btn.click(act.upload, files, [upload_msg, files], api_name="upload", **busy),
        remove_btn.click(act.remove, [remove_select, confirm], [remove_msg, confirm], api_name="remove", **busy),
        rebuild_btn.click(act.rebuild, None, rebuild_msg, api_name="rebuild", **busy),
    ]
    return _Parts(status=status, remove_select=remove_select, index_changes=index_changes)


# ====================================================================== serving


def theme() -> gr.themes.Base:
    # System fonts: the app runs offline, a web font would only delay the first paint.
    return gr.themes.Soft(primary_hue="blue", font=["Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
                          font_mono=["Consolas", "Noto Sans Mono", "monospace"])


def launch_options(settings: Settings) -> dict[str, Any]:
    """The launch() arguments shared by `serve` and the tests (Gradio 6 takes theme and css here)."""
    return dict(
        theme=theme(),
        css=CSS,
        head=HEAD,
        auth=parse_auth(settings),
        auth_message="Đăng nhập để dùng trợ lý",
        max_file_size=f"{settings.max_upload_mb}mb",
        show_error=True,
    )


def serve(assistant: Assistant, host: str | None = None, port: int | None = None, **launch_kwargs: Any) -> gr.Blocks:
    """Warms the models and the index once, then serves the app until interrupted."""
    settings = assistant.settings
    if not assistant.store.exists():
        print(f"Chưa có chỉ mục trong {settings.index_dir}: đang xây dựng từ {settings.knowledge_dir}…", flush=True)
        report = assistant.ingest()
        print(f"Xong: {len(report.added)} tài liệu, {report.chunks} đoạn, {report.seconds:.0f} giây.", flush=True)
    t0 = time.perf_counter()
    assistant.warm_up()
    print(f"Đã nạp mô hình và chỉ mục ({time.perf_counter() - t0:.1f} giây).", flush=True)
    demo = build_app(assistant)
    options = launch_options(settings)
    options.update(launch_kwargs)
    demo.launch(server_name=host or settings.host, server_port=port or settings.port, **options)
    return demo
