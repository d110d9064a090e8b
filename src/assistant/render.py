"""What the app shows, as plain functions of the facade's public types: chat bubbles, citation
labels, the evidence panel, the reader, the table rows and their exports. No Gradio here.

`docs` is always {source: DocumentInfo}; facts come from `Assistant.facts()` (facts_view.py).
"""

from __future__ import annotations

import csv
import html
import re
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable

from .facts_view import GOAL, RESULT, agency_key, format_dong
from .types import DocumentInfo, Facts
from .vietnamese import collapse, fold, years_in

Docs = dict[str, DocumentInfo]

ALL = "*"  # value of the "Tất cả" choice of every filter
CONTEXT_LINES = 5
QUESTION_SHOWN = 280  # characters of a long question shown in its bubble
EVIDENCE_HINT = "Bấm vào một nguồn [1], [2]… dưới câu trả lời để xem đoạn văn được trích dẫn."
EMPTY_QUESTION = "Hãy gõ một câu hỏi vào ô bên dưới rồi bấm Gửi, hoặc bấm một câu hỏi gợi ý."

DOC_HEADERS = ["Tệp", "Tên tài liệu", "Tỉnh/TP", "Số hiệu", "Ngày", "Người ký", "Giai đoạn", "Loại", "Số đoạn", "Cập nhật lần cuối"]
RESP_HEADERS = ["Tài liệu", "Nhiệm vụ / hoạt động", "Chủ trì", "Phối hợp", "Chi tiết", "Thời gian", "Kinh phí", "Mục", "Tệp", "Dòng"]
TARGET_HEADERS = ["Tài liệu", "Loại", "Chỉ tiêu", "Giá trị", "Giai đoạn", "Mục", "Tệp", "Dòng"]
BUDGET_HEADERS = ["Tài liệu", "Hạng mục", "Số tiền (đồng)", "Ghi trong văn bản", "Năm", "Nguồn vốn", "Diễn giải", "Mục", "Tệp", "Dòng"]
KIND_CHOICES = [("Tất cả", ALL), ("Mục tiêu", GOAL), ("Kết quả đã đạt", RESULT)]
KIND_LABELS = {GOAL: "Mục tiêu", RESULT: "Kết quả đã đạt"}


def esc(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


# ---------------------------------------------------------------------------- names of documents


def short_name(info: DocumentInfo | None, source: str = "") -> str:
    """A few words that tell documents apart in a chip: "Vĩnh Phúc 80/KH-UBND", "Tây Ninh 2019"."""
    if info is None:
        return Path(source).stem
    m = info.meta
    bits = [m.province] if m.province else []
    if m.number:
        bits.append(m.number)
    elif m.period:
        bits.append(m.period)
    return " ".join(bits) or Path(info.source).stem


# Where a Vietnamese title can be cut without splitting a word of several syllables ("địa bàn"):
# at punctuation, or before a preposition or a linking word.
_PHRASE_BREAK = re.compile(r"[,;:]\s|\s(?=(?:trên|của|về|tại|giai đoạn|năm|đến|cho|và|theo|nhằm|để|thực hiện|trong)\s)")


def cut_words(text: str, limit: int) -> str:
    """text shortened to at most `limit` characters between two phrases (else two syllables), with "…"."""
    text = collapse(text or "")
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    breaks = [m.start() for m in _PHRASE_BREAK.finditer(head) if m.start() >= limit // 2]
    cut = head[: breaks[-1]] if breaks else head.rsplit(" ", 1)[0]
    cut = cut.rstrip(" ,;:–-")
    return (cut or text[:limit]) + "…"


def doc_year(info: DocumentInfo) -> str:
    m = info.meta
    found = years_in(m.date or "") or years_in(m.number or "") or m.years[:1]
    return str(found[-1] if found else "")


def doc_label(info: DocumentInfo, title_chars: int = 70) -> str:
    """number · province · year · short title, e.g. "80/KH-UBND · Vĩnh Phúc · 2021 · Kế hoạch thực hiện…"."""
    m = info.meta
    title = info.title
    if m.number:
        title = collapse(title.replace(m.number, ""))
    title = re.sub(r"^(Kế hoạch|Quyết định|Đề án)\s+(?:số\s+)?(?:năm\s+\d{4}\s+)?", r"\1 ", title).strip()
    parts = [m.number, m.province, doc_year(info), cut_words(title, title_chars)]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return " · ".join(seen) or info.source


def doc_choices(docs: Docs) -> list[tuple[str, str]]:
    """(label, source) of every document, for dropdowns; identical labels get their file name."""
    infos = sorted(docs.values(), key=lambda d: (d.meta.province, doc_year(d), d.title))
    labels = [doc_label(d) for d in infos]
    return [(f"{label} ({d.source})" if labels.count(label) > 1 else label, d.source) for d, label in zip(infos, labels)]


def lines_label(start: int, end: int) -> str:
    return f"dòng {start}" if start == end else f"dòng {start}–{end}"


def cite_label(n: int, cite: dict, docs: Docs) -> str:
    return f"[{n}] {short_name(docs.get(cite['source']), cite['source'])}, {lines_label(cite['start_line'], cite['end_line'])}"


# ---------------------------------------------------------------------------- chat


def question_markdown(question: str) -> str:
    """The question's bubble: a long one shortened, the whole text one click away."""
    if len(question) <= QUESTION_SHOWN:
        return esc(question)
    return (f"{esc(cut_words(question, QUESTION_SHOWN))}\n\n<details><summary>Xem cả câu hỏi ({len(question)} ký tự)</summary>"
            f"\n\n{esc(question)}\n\n</details>")


def answer_markdown(turn: dict, docs: Docs) -> str:
    """The chat bubble: the answer, then its numbered sources (or the closest passages)."""
    if turn.get("error"):
        return f"**Chưa trả lời được.** {esc(turn['answer'])}"
    refs = turn_refs(turn)
    listed = " · ".join(cite_label(i, c, docs) for i, c in enumerate(refs, 1))
    if turn["abstained"]:
        text = f"**Không tìm thấy câu trả lời trong tài liệu.**\n\n{turn['answer']}"
        return text + (f"\n\n**Có thể liên quan:** {listed}" if listed else "")
    return turn["answer"] + (f"\n\n**Nguồn:** {listed}" if listed else "")


def chat_messages(conv: list[dict], docs: Docs, pending: str | None = None) -> list[dict]:
    messages: list[dict] = []
    for turn in conv:
        messages.append({"role": "user", "content": question_markdown(turn["question"])})
        messages.append({"role": "assistant", "content": answer_markdown(turn, docs)})
    if pending is not None:
        messages.append({"role": "user", "content": question_markdown(pending)})
        messages.append({"role": "assistant", "content": "*Đang tìm trong tài liệu…*"})
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


# ---------------------------------------------------------------------------- evidence and reader


def note(text: str) -> str:
    return f'<div class="ev-empty">{esc(text)}</div>'


def _line_html(n: int, text: str, marked: bool, id_prefix: str) -> str:
    body = esc(text) or "&#8203;"
    if marked:
        return f'<div class="ln hl" id="{id_prefix}{n}"><span class="no">{n}</span><span class="tx"><mark data-line="{n}">{body}</mark></span></div>'
    return f'<div class="ln" id="{id_prefix}{n}"><span class="no">{n}</span><span class="tx">{body}</span></div>'


def _meta_line(info: DocumentInfo) -> str:
    m = info.meta
    parts = [("Số", m.number), ("Ngày", m.date), ("Cơ quan", m.issuer), ("Người ký", m.signer), ("Giai đoạn", m.period)]
    return " · ".join(f"{k}: {esc(v)}" for k, v in parts if v)


def render_evidence(docs: Docs, cite: dict | None, context: int = CONTEXT_LINES) -> str:
    """Title, number, section, line numbers, and the cited lines marked inside ±context lines."""
    if not cite:
        return note(EVIDENCE_HINT)
    info = docs.get(cite["source"])
    if info is None:
        return note(f"Tài liệu {cite['source']} không còn trong thư viện.")
    lines = info.lines
    start = max(1, min(int(cite["start_line"]), len(lines)))
    end = max(start, min(int(cite["end_line"]), len(lines)))
    lo, hi = max(1, start - context), min(len(lines), end + context)
    body = "".join(_line_html(n, lines[n - 1], start <= n <= end, "ev-L") for n in range(lo, hi + 1))
    meta = " · ".join(x for x in [_meta_line(info), f"Mục: {esc(cite.get('section') or 'phần đầu')}",
                                  f"<b>{lines_label(start, end).capitalize()}</b>", f"Tệp: {esc(info.source)}"] if x)
    return (
        f'<div class="evidence" data-source="{esc(info.source)}" data-start="{start}" data-end="{end}">'
        f'<div class="ev-head"><div class="ev-title">{esc(info.title)}</div><div class="ev-meta">{meta}</div></div>'
        f'<div class="ev-lines">{body}</div></div>'
    )


def render_reader(info: DocumentInfo | None, start: int = 0, end: int = 0) -> str:
    """A whole document with line numbers; lines start..end marked (the reader scrolls to them)."""
    if info is None:
        return note("Chọn một tài liệu để đọc toàn văn.")
    body = "".join(_line_html(n, text, start <= n <= end, "doc-L") for n, text in enumerate(info.lines, 1))
    return (
        f'<div class="reader-doc" data-source="{esc(info.source)}">'
        f'<div class="doc-head"><div class="doc-title">{esc(info.title)}</div>'
        f'<div class="doc-meta">{_meta_line(info)} · Tệp: {esc(info.source)}</div></div>'
        f'<div class="doc-lines">{body}</div></div>'
    )


# ---------------------------------------------------------------------------- tables


def fmt_time(ts: float) -> str:
    return time.strftime("%d/%m/%Y %H:%M", time.localtime(ts)) if ts else ""


def matches(query: str, values: Iterable[Any]) -> bool:
    """Free-text filter: every word of the query, accents and case ignored ("truyen thong" finds "truyền thông")."""
    words = fold(query or "").split()
    if not words:
        return True
    text = " ".join(fold(str(v or "")) for v in values)
    return all(w in text for w in words)


def chosen(value: str | None) -> str:
    return "" if value in (None, "", ALL) else str(value)


def _same(a: str, b: str) -> bool:
    return fold(collapse(a)) == fold(collapse(b))


def document_rows(docs: Docs, province: str | None = ALL, period: str | None = ALL) -> list[list]:
    rows = []
    for d in sorted(docs.values(), key=lambda d: (d.meta.province, d.source)):
        m = d.meta
        if chosen(province) and not _same(m.province, province) or chosen(period) and not _same(m.period, period):
            continue
        rows.append([d.source, d.title, m.province, m.number, m.date, m.signer, m.period, m.kind, d.chunks, fmt_time(d.indexed_at)])
    return rows


def _fact_rows(docs: Docs, facts, plan, period, text: str, periods, to_row, keep=lambda f: True) -> list[list]:
    """Table rows of facts that pass the plan / period / free-text filters."""
    rows = []
    for f in facts:
        if chosen(plan) and f.source != plan:
            continue
        info = docs.get(f.source)
        if chosen(period) and not any(_same(p, period) for p in (*periods(f), info.meta.period if info else "") if p):
            continue
        if not keep(f):
            continue
        row = [short_name(info, f.source), *to_row(f), f.section, f.source, lines_label(f.start_line, f.end_line)]
        if matches(text, row + [f.quote]):
            rows.append(row)
    return rows


def responsibility_rows(docs: Docs, facts: Facts, plan=ALL, agency=ALL, period=ALL, text: str = "") -> list[list]:
    key = agency_key(chosen(agency))
    return _fact_rows(
        docs, facts.responsibilities, plan, period, text,
        periods=lambda r: (r.timeline,),
        to_row=lambda r: [r.task, "; ".join(r.lead), "; ".join(r.partners), r.duty, r.timeline, r.funding],
        keep=lambda r: not key or key in {agency_key(a) for a in r.lead + r.partners},
    )


def target_rows(docs: Docs, facts: Facts, plan=ALL, period=ALL, text: str = "", kind=ALL) -> list[list]:
    rows = _fact_rows(
        docs, facts.targets, plan, period, text,
        periods=lambda t: (t.period,),
        to_row=lambda t: [KIND_LABELS.get(t.kind, t.kind), t.indicator, t.value, t.period],
        keep=lambda t: not chosen(kind) or t.kind == kind,
    )
    return sorted(rows, key=lambda r: r[1] != KIND_LABELS[GOAL])  # goals first, each group in document order


def budget_rows(docs: Docs, facts: Facts, plan=ALL, period=ALL, text: str = "") -> list[list]:
    return _fact_rows(
        docs, facts.budget, plan, period, text,
        periods=lambda b: (b.year,),
        to_row=lambda b: [b.item, format_dong(b.amount_dong), f"{b.amount} {b.unit}".strip(), b.year, b.funding, b.detail],
    )


def with_all(values: Iterable[str]) -> list[tuple[str, str]]:
    """("Tất cả", ALL) then each value once, spellings that differ only in case or accents merged."""
    seen: dict[str, str] = {}
    for v in values:
        v = collapse(v or "")
        if v and fold(v) not in seen:
            seen[fold(v)] = v
    return [("Tất cả", ALL)] + [(v, v) for v in sorted(seen.values(), key=fold)]


def agencies(facts: Facts, plan: str | None = ALL) -> list[str]:
    """The agencies named in the responsibilities (of one plan, when chosen), one entry each."""
    names = [a for r in facts.responsibilities if not chosen(plan) or r.source == plan for a in r.lead + r.partners]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(agency_key(name), name)
    return sorted(seen.values(), key=fold)


def periods(docs: Docs) -> list[str]:
    return [d.meta.period for d in docs.values()]


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
