"""Chunk: Document -> structure-aware chunks with exact 1-based line spans.

Vietnamese administrative documents are outlines: "Phần", "Chương", "I."/"II.", "1.", "2.1.",
"a)", bullets. A section that fits the size limit stays whole; a larger one splits at its
sub-headings, then between lines. A line is cut only when it is longer than `hard_chars` (a
whole page pasted as one line): then into pieces of about `max_chars` at sentence ends, else at
spaces, each piece a chunk of that one line. Tables keep each row with the column headers
(see tables.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .tables import Table, find_tables
from .types import Chunk, Document

CHUNKER_VERSION = "6"

# (style, rank, pattern): the style names a numbering scheme; the rank is its usual depth
# (lower = higher in the outline). Order matters: the first pattern that matches wins.
_HEADINGS: list[tuple[str, float, re.Pattern[str]]] = [
    ("phan", 1, re.compile(r"^(Phần|PHẦN)\s+(thứ\s+\S+|THỨ\s+\S+|[IVXLC]+|\d+)\b")),
    ("chuong", 1, re.compile(r"^(Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b")),
    ("muc", 2, re.compile(r"^(Mục|MỤC)\s+(\d+|[IVXLC]+)\b")),
    ("roman", 2, re.compile(r"^[IVXLC]{1,6}\s*[.)\-–]\s*\S")),
    ("dieu", 3, re.compile(r"^(Điều|ĐIỀU)\s+\d+")),
    ("num3", 5, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s*\S")),
    ("num2", 4, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s*(?!\d)\S")),
    ("num1", 3, re.compile(r"^\d{1,2}\s*[.)]\s*(?!\d)\S")),
    ("letter", 6, re.compile(r"^[a-zđ]\s*\)\s*\S")),
    ("star", 3.5, re.compile(r"^\*\s*[^*\s].{0,60}:\s*$")),  # "* Cấp tỉnh:" groups the numbered items under it
]
_STRONG_RANK = 1  # Phần, Chương, an upper-case annex title: always at the top


def _plain(line: str) -> str:
    """The line without Markdown emphasis ("**QUYẾT ĐỊNH:**" -> "QUYẾT ĐỊNH:")."""
    return re.sub(r"(\*\*|__)", "", line).strip()


def heading_style(line: str) -> tuple[str, float] | None:
    """(style, rank) of a heading line, or None for body text."""
    s = _plain(line)
    if not s or line.startswith("\t"):
        return None
    md = re.match(r"^(#{1,6})\s+\S", s)
    if md:  # Markdown heading
        return f"md{len(md.group(1))}", len(md.group(1))
    for style, rank, pat in _HEADINGS:
        if pat.match(s):
            return style, rank
    return None


def heading_level(line: str) -> float | None:
    """Usual outline depth of a heading line, or None for body text."""
    found = heading_style(line)
    return found[1] if found else None


def is_caps_heading(line: str) -> bool:
    """An upper-case title line such as "DỰ TOÁN" or "ĐÁNH GIÁ TÌNH HÌNH ..."."""
    s = _plain(line)
    letters = [ch for ch in s if ch.isalpha()]
    return not line.startswith("\t") and len(letters) >= 6 and all(ch.isupper() for ch in letters) and len(s) <= 200


def heading_label(line: str, limit: int = 90) -> str:
    s = re.sub(r"\s+", " ", re.sub(r"^#{1,6}\s+", "", _plain(line)))
    if len(s) <= limit:
        return s
    cut = s[:limit]
    for sep in (": ", ":", "; ", ", "):
        i = cut.rfind(sep)
        if i > 20:
            return cut[:i].rstrip() + "…"
    return cut[: cut.rfind(" ")].rstrip() + "…"


@dataclass
class Section:
    level: float
    label: str
    start: int  # 0-based line index of the heading (or of the document start)
    end: int  # exclusive
    path: list[str]
    children: list["Section"] = field(default_factory=list)
    style: str = ""


def outline(lines: list[str], skip: set[int]) -> Section:
    """The tree of sections; lines in `skip` (tables) are never headings.

    Nesting follows the document's own numbering: a heading of a style already open
    ("2." after "1.") closes back to that level and is a sibling; a style not yet open
    ("a)" after "1.") nests under the current heading. Strong styles (Phần, Chương, an
    upper-case annex title) always close everything below them.

    Upper-case lines before the first numbered heading are the masthead (issuing body,
    motto, title) and not sections. An upper-case line right after "Phần thứ nhất" /
    "Chương I" completes that label.
    """
    root = Section(0, "", 0, len(lines), [])
    stack = [root]
    seen_numbered = False
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            continue
        found = heading_style(line)
        if found is None and is_caps_heading(line):
            top = stack[-1]
            if top is not root and top.level <= 2 and _only_blank_between(lines, top.start, i) and len(top.label) < 20:
                top.label = heading_label(f"{top.label} {_plain(line)}")
                top.path = top.path[:-1] + [top.label]
                continue
            if not seen_numbered:
                continue
            found = ("caps", _STRONG_RANK)
        if found is None:
            continue
        style, rank = found
        seen_numbered = True
        open_styles = [n.style for n in stack[1:]]
        if style in open_styles:
            while stack[-1].style != style:
                stack.pop().end = i
            stack.pop().end = i
        elif rank <= _STRONG_RANK or style.startswith("md"):
            while len(stack) > 1 and stack[-1].level >= rank:
                stack.pop().end = i
        parent = stack[-1]
        label = heading_label(line)
        node = Section(rank, label, i, len(lines), parent.path + [label], style=style)
        parent.children.append(node)
        stack.append(node)
    return root


def _only_blank_between(lines: list[str], a: int, b: int) -> bool:
    return all(not lines[k].strip() for k in range(a + 1, b))


class Chunker:
    """Document -> [Chunk]. Sizes in characters of the chunk's own text."""

    def __init__(self, max_chars: int = 1200, min_chars: int = 200, hard_chars: int | None = None):
        self.max_chars = max_chars
        self.min_chars = min_chars
        self.hard_chars = max(hard_chars or 2 * max_chars, max_chars)  # no chunk's text is longer

    def run(self, doc: Document) -> list[Chunk]:
        lines = doc.lines
        tables = find_tables(lines)
        table_lines = {i for t in tables for i in range(t.start, t.end)}
        long_lines = [i for i, line in enumerate(lines) if len(line) > self.hard_chars and i not in table_lines]
        skip = table_lines | set(long_lines)  # long lines are chunked on their own, like tables
        root = outline(lines, skip)
        spans: list[tuple[int, int, list[str]]] = []  # [start, end) line ranges with heading path
        self._emit(root, lines, skip, spans)
        chunks = [self._make(doc, lines, s, e, path) for s, e, path in spans]
        for table in tables:
            chunks.extend(self._table_chunks(doc, table, root))
        for i in long_lines:
            chunks.extend(self._line_pieces(doc, lines[i], i, _path_at(root, i)))
        chunks = [c for c in chunks if c.text.strip()]
        chunks.sort(key=lambda c: (c.start_line, c.end_line))
        return chunks

    # -- text sections

    def _size(self, lines: list[str], start: int, end: int, skip: set[int]) -> int:
        return sum(len(lines[i]) + 1 for i in range(start, end) if i not in skip)

    def _emit(self, node: Section, lines: list[str], skip: set[int], out: list) -> None:
        spans: list[tuple[int, int, list[str]]] = []
        self._split(node, lines, skip, spans)
        out.extend(self._merge_small(spans, lines, skip))

    def _split(self, node: Section, lines: list[str], skip: set[int], out: list) -> None:
        """A section that fits is one span; a larger one splits at its children."""
        if not node.children or self._size(lines, node.start, node.end, skip) <= self.max_chars:
            self._emit_lines(node.start, node.end, node.path, lines, skip, out)
            return
        self._emit_lines(node.start, node.children[0].start, node.path, lines, skip, out)
        for child in node.children:
            self._split(child, lines, skip, out)

    def _merge_small(self, spans: list, lines: list[str], skip: set[int]) -> list:
        """Heading-only spans join the section that follows them; then a small span joins a
        sibling of the same parent when the two fit together."""
        size = lambda sp: self._size(lines, sp[0], sp[1], skip)  # noqa: E731
        contiguous = lambda a, b: not any(i in skip for i in range(a[1], b[0]))  # noqa: E731
        forward: list = []
        pending = None
        for span in spans:
            if pending is not None:
                if contiguous(pending, span) and span[2][: len(pending[2])] == pending[2]:
                    span = (pending[0], span[1], span[2])
                else:
                    forward.append(pending)
                pending = None
            heading_only = all(heading_level(lines[i]) is not None or not lines[i].strip() for i in range(span[0], span[1]))
            if heading_only and size(span) < self.min_chars:
                pending = span
            else:
                forward.append(span)
        if pending is not None:
            forward.append(pending)
        out: list = []
        for span in forward:
            if out:
                prev = out[-1]
                common = _common_prefix(prev[2], span[2])
                siblings = len(common) >= max(len(prev[2]), len(span[2])) - 1 and (bool(common) or not (prev[2] or span[2]))
                small = min(size(prev), size(span)) < self.min_chars
                if small and siblings and contiguous(prev, span) and self._size(lines, prev[0], span[1], skip) <= self.max_chars:
                    out[-1] = (prev[0], span[1], common)
                    continue
            out.append(span)
        return out

    def _emit_lines(self, start: int, end: int, path: list[str], lines: list[str], skip: set[int], out: list) -> None:
        """Split [start, end) into windows of whole lines; table lines end a window."""
        window: list[int] = []
        size = 0
        for i in range(start, end):
            if i in skip:
                if window:
                    out.append((window[0], window[-1] + 1, path))
                window, size = [], 0
                continue
            n = len(lines[i]) + 1
            if window and size + n > self.max_chars and lines[i].strip():
                out.append((window[0], window[-1] + 1, path))
                window, size = [], 0
            if not window and not lines[i].strip():
                continue  # do not start a chunk on a blank line
            window.append(i)
            size += n
        if window:
            out.append((window[0], window[-1] + 1, path))

    def _make(self, doc: Document, lines: list[str], start: int, end: int, path: list[str]) -> Chunk:
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        text = "\n".join(lines[start:end]).strip("\n")
        return Chunk(
            id=chunk_id(doc.source, start + 1, end, text),
            source=doc.source,
            heading_path=list(path),
            start_line=start + 1,
            end_line=end,
            text=text,
            header=context_header(doc, path),
        )

    def _line_pieces(self, doc: Document, line: str, index: int, path: list[str]) -> list[Chunk]:
        """One over-long line -> pieces of at most max_chars, cut after a sentence end in the
        second half of the window, else at its last space; linear in the line's length."""
        header = context_header(doc, path)
        out: list[Chunk] = []
        pos, n, size = 0, len(line), self.max_chars
        while pos < n:
            end = n
            if n - pos > size:
                window = line[pos : pos + size]
                cut = max(window.rfind(sep) for sep in (". ", "; ", "! ", "? ", "… ", ".\t"))
                if cut < size // 2:
                    cut = window.rfind(" ")
                end = pos + cut + 1 if cut >= size // 4 else pos + size
            piece = line[pos:end].strip()
            if piece:
                cid = chunk_id(doc.source, index + 1, index + 1, f"{pos}\x00{piece}")
                out.append(Chunk(cid, doc.source, list(path), index + 1, index + 1, piece, header))
            pos = end
        return out

    # -- tables

    def _table_chunks(self, doc: Document, table: Table, root: Section) -> list[Chunk]:
        path = _path_at(root, table.start)
        caption = table.caption
        chunks: list[Chunk] = []
        group: list = []
        size = 0
        head = " | ".join(table.headers)

        def flush() -> None:
            if not group:
                return
            text = "\n".join(row.render(table.headers) for row in group)
            start, end = group[0].start + 1, group[-1].end
            header = context_header(doc, path + ([caption] if caption else [])) + f"\nBảng: {head}"
            chunks.append(
                Chunk(chunk_id(doc.source, start, end, text), doc.source, path + ([caption] if caption else []),
                      start, end, text, header, kind="table")
            )

        for row in table.rows:
            rendered = len(row.render(table.headers))
            if group and size + rendered > self.max_chars and row.top_level:
                flush()
                group, size = [], 0
            group.append(row)
            size += rendered
        flush()
        return chunks


def _common_prefix(a: list[str], b: list[str]) -> list[str]:
    out = []
    for x, y in zip(a, b):
        if x != y:
            break
        out.append(x)
    return out


def _path_at(root: Section, index: int) -> list[str]:
    node, path = root, []
    while True:
        inside = [c for c in node.children if c.start <= index < c.end]
        if not inside:
            return path
        node = inside[-1]
        path = node.path


def context_header(doc: Document, path: list[str]) -> str:
    meta = doc.meta
    parts = [meta.title or doc.source]
    if meta.province and meta.province not in meta.title:
        parts.append(meta.province)
    if meta.period and meta.period not in meta.title:
        parts.append(meta.period)
    if meta.number and meta.number not in meta.title:
        parts.append(meta.number)
    head = " — ".join(parts)
    return f"{head}\n{' › '.join(path)}" if path else head


def chunk_id(source: str, start: int, end: int, text: str) -> str:
    raw = f"{source}\x00{start}\x00{end}\x00{text}".encode("utf-8", "surrogatepass")  # any name, any text
    digest = hashlib.sha1(raw).hexdigest()[:16]
    return f"{digest}"
