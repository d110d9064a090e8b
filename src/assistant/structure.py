"""The document model: a file's physical lines read as the logical lines of its layout.

Plans reach us in many layouts: one paragraph per line; paragraphs hard-wrapped at a fixed
width and separated by blank lines; Markdown emphasis (`**I. MỤC ĐÍCH,\\nYÊU CẦU**`);
Word/HTML tables flattened to one cell per line between bare `|` lines (the header block of
Nghị định 30/2020/NĐ-CP — issuing body | national motto, `Số:` | place and date — and the
signature block — `Nơi nhận` | `TM.`/`KT.` + title + name — are such tables too). Everything
downstream (metadata, outline, chunks, facts, answer units) reads the logical lines; each one
keeps the span of physical lines it came from, so citations still point at the file's lines.

Rules (each names the convention it implements):
- A bare `|` line ends a table cell; two in a row end a table row; a run of cells with no blank
  line inside is one table. A row becomes one pipe row `| a | b |` (the Markdown table form).
- Paragraph re-joining: in a document whose paragraphs are separated by blank lines, the lines
  of one blank-separated block are one paragraph, except where a line opens a new item of the
  national outline (Phần/Chương/Mục/Điều, I., 1., 1.1., a), bullets -, +, •) or a bold line
  (a heading) closes. In a document without blank separators, a line continues the previous
  one only when that one does not end a sentence and this one starts in lower case.
- Markdown emphasis (`**`, `__`, `*x*`) is dropped from the logical text; "* " bullets stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vietnamese import fold
from .spacing import repair_spacing  # PDF letter spacing ("T h à nh") rejoined in the logical text

STRUCTURE_VERSION = "27"  # bump when logical lines change: the index is rebuilt

_BAR = re.compile(r"^\s*\|\s*$")
_RULE = re.compile(r"^\s*[-_=*.·]{3,}\s*$")
# The start of an outline item or list item (Nghị định 30/2020: Phần, Chương, Mục, Điều,
# I., 1., 1.1., a), then bullets); a continued range "- 2030" after a digit is not one.
_ITEM = re.compile(
    r"^\s*(?:#{1,6}\s|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+\S|[IVXLC]{1,6}\s*[.)]\s|"
    r"\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]\s*\S|[a-zđ]\s*\)\s|[-+•–]\s|\*\s|\t)"
)
# Lines that stand alone whatever the layout: the name of the document type on its own line
# (Nghị định 30/2020/NĐ-CP, "tên loại văn bản"), and the fields of a legal portal's catalogue
# block ("Số hiệu", "Ngày ban hành", "Người ký", ...).
_TYPE_NAME = re.compile(
    r"^\s*(KẾ HOẠCH|QUYẾT ĐỊNH|ĐỀ ÁN|CHƯƠNG TRÌNH|CHỈ THỊ|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|CÔNG VĂN|BÁO CÁO|TỜ TRÌNH|"
    r"THÔNG BÁO|HƯỚNG DẪN|QUY CHẾ|QUY ĐỊNH|PHƯƠNG ÁN|LUẬT|PHỤ LỤC)\s*:?\s*$"
)
_PORTAL_FIELD = re.compile(
    r"^\s*(Số hiệu|Số ký hiệu|Ngày ban hành|Ngày có hiệu lực|Ngày hiệu lực|Ngày đăng|Loại văn bản|Cơ quan ban hành|"
    r"Người ký|Lĩnh vực|Tình trạng|Nơi ban hành)\b"
)
_SENTENCE_END = re.compile(r"[.;:!?…]\s*[\"”’)\]]*\s*$")
_EMPHASIS = re.compile(r"\*\*|__")
_STAR = re.compile(r"(?<!^)\*|^\*(?=\S)")


@dataclass(frozen=True)
class LogicalLine:
    """One paragraph, heading, list item or table row; lines are 1-based, inclusive."""

    text: str
    start: int
    end: int
    kind: str = "text"  # "text", "row" (a table row rendered "| a | b |") or "blank"

    def __post_init__(self) -> None:
        if self.start < 1 or self.end < self.start:
            raise ValueError(f"bad line span {self.start}-{self.end}")


def plain(line: str) -> str:
    """A line without Markdown emphasis; a leading "* " bullet is kept."""
    text = _EMPHASIS.sub("", line)
    bullet = re.match(r"^\s*\*\s+", text)
    head, rest = (text[: bullet.end()], text[bullet.end() :]) if bullet else ("", text)
    return (head + _STAR.sub("", rest)).strip()


def _bold_line(line: str) -> bool:
    s = line.strip()
    return s.startswith(("**", "__")) and s.endswith(("**", "__")) and len(s) > 4 and s.count("**") % 2 == 0


def logical_lines(lines: list[str]) -> list[LogicalLine]:
    """The logical lines of a document, in order; blank lines are kept as "blank" entries so
    layouts that rely on them (tab-cell tables) still see them."""
    out: list[LogicalLine] = []
    tables = _cell_tables(lines)
    tables += _block_tables(lines, {k for start, end, _ in tables for k in range(start, end)})
    repeated = _repeated_lines(lines)
    tables += _numbered_flat_tables(lines, {k for start, end, _ in tables for k in range(start, end)}, repeated)
    table_at = {t[0]: t for t in tables}
    in_tables = {k for start, end, _ in tables for k in range(start, end)}
    blank_separated = _blank_separated([line for k, line in enumerate(lines) if k not in in_tables])
    i, n = 0, len(lines)
    while i < n:
        if i in table_at:
            start, end, rows = table_at[i]
            out.extend(rows)
            i = end
            continue
        line = lines[i]
        if line.startswith("\t"):  # a cell of a tab-per-cell table, kept as it is (tables.py)
            out.append(LogicalLine(line, i + 1, i + 1))
            i += 1
            continue
        if not line.strip() or _BAR.match(line) or _PAGE_NUMBER.match(line) or i in repeated:
            # blank; the page number and running header of a PDF copy are page furniture, not text
            out.append(LogicalLine("", i + 1, i + 1, "blank"))
            i += 1
            continue
        j = i + 1
        raw = [line]
        stars = line.count("**")  # emphasis opened and not yet closed: counted as lines join
        while True:
            while j < n and j not in table_at and _continues(raw[-1], lines[j], blank_separated, stars % 2 == 1):
                raw.append(lines[j])
                stars += lines[j].count("**")
                j += 1
            k = _page_break(lines, j, raw[-1], repeated)
            if k is None or k in table_at:
                break
            raw.append(lines[k])  # the sentence goes on after the page break; the break's lines are in the span
            stars += lines[k].count("**")
            j = k + 1
        text = " ".join(plain(r) for r in raw if plain(r)) if len(raw) > 1 else plain(line) if "\t" not in line else line.rstrip()
        if _RULE.match(text) or not (re.search(r"\w", text) or text.lstrip().startswith("|")):  # "|---|---|" stays: a Markdown table's separator
            out.append(LogicalLine("", i + 1, j, "blank"))
        else:
            # tab-separated cells keep their tabs (tables.py reads them); other text is collapsed
            out.append(LogicalLine(text if "\t" in text else re.sub(r"\s+", " ", text).strip(), i + 1, j))
        i = j
    return out


# A page number between pages of a PDF copy: "4", "- 4 -", "Trang 4", "4/15".
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.I)


def _page_numbers(lines: list[str]) -> set[int]:
    """Lines that are page numbers: bare numbers, except those in a run of three or more that
    follow each other a few lines apart (the rows of a flattened table: "1", "2", "3")."""
    found = {k: int(re.sub(r"\D", " ", line).split()[0]) for k, line in enumerate(lines)
             if _PAGE_NUMBER.match(line) and re.search(r"\d", line)}
    def close(k: int, v: int, step: int) -> int | None:
        return next((m for m, w in found.items() if w == v + step and 0 < (m - k) * step <= 12), None)

    in_runs = set()
    for k, v in found.items():
        run = [k]
        for step in (-1, 1):
            m, w = k, v
            while (m := close(m, w, step)) is not None:
                run.append(m)
                w += step
        if len(run) >= 3:
            in_runs.add(k)  # 1, 2, 3 close together: the rows of a flattened table
    return set(found) - in_runs


def _neighbours(lines: list[str], k: int) -> list[int]:
    """The nearest non-blank line before and after line k (at most two lines away)."""
    out = []
    for step in (-1, 1):
        m = k + step
        while 0 <= m < len(lines) and abs(m - k) <= 2 and not lines[m].strip():
            m += step
        if 0 <= m < len(lines) and abs(m - k) <= 2:
            out.append(m)
    return out


def _repeated_lines(lines: list[str]) -> set[int]:
    """0-based lines next to a page number whose text stands next to another page number too:
    the running header or footer of a PDF copy (the same words elsewhere, as the title, stay)."""
    pages = _page_numbers(lines)
    near = {k: line.strip() for k, line in enumerate(lines) if line.strip() and not _PAGE_NUMBER.match(line)
            and any(m in pages for m in _neighbours(lines, k))}
    texts = list(near.values())
    headers = {t for t in texts if texts.count(t) >= 2 and len(t) >= 10}
    # the running header is furniture next to any page number, also one amid a table's row numbers
    return {k for k, line in enumerate(lines) if line.strip() in headers
            and any(_PAGE_NUMBER.match(lines[m]) for m in _neighbours(lines, k))}


def _page_break(lines: list[str], j: int, prev: str, repeated: set[int]) -> int | None:
    """Where a sentence cut by a page break goes on: lines[j:] hold blanks, a page number and
    the running header or footer, then the rest of the sentence (starting in lower case, after a
    line that ends no sentence). None when there is no such break."""
    if _SENTENCE_END.search(plain(prev)) or prev.rstrip().endswith((":", ";")):
        return None
    k, furniture, numbered = j, 0, False
    while k < len(lines) and furniture <= 4:
        text = lines[k].strip()
        if not text:
            k += 1
            continue
        if _PAGE_NUMBER.match(text):
            numbered = True
        elif k not in repeated:
            break
        furniture += 1
        k += 1
    if not numbered or k >= len(lines) or k == j:
        return None
    nxt = plain(lines[k]).lstrip()
    # the rest of a sentence starts in lower case, or with a figure that goes on in it ("80% vào
    # năm 2030"), not with an outline number ("2. Mục tiêu")
    return k if nxt[:1].islower() or re.match(r"\d[\d.,]*\s*(?:%|[a-zà-ỹđ])", nxt) else None


def _continues(prev: str, line: str, blank_separated: bool, open_emphasis: bool) -> bool:
    """Does physical `line` continue the paragraph whose last physical line is `prev`?"""
    if not line.strip() or _BAR.match(line) or _RULE.match(line) or _RULE.match(prev):
        return False
    if "\t" in line or "\t" in prev or line.lstrip().startswith("|") or prev.lstrip().startswith("|"):
        return False  # table rows (tab-separated cells, pipe rows) are never paragraphs
    if open_emphasis:
        return True  # inside "**…**" that opened on an earlier line
    if _bold_line(prev):
        return False  # a bold line is a heading of its own
    cur = plain(line)
    if _TYPE_NAME.match(plain(prev)) or _TYPE_NAME.match(cur) or _PORTAL_FIELD.match(cur):
        return False
    if any(_HEADER_FIELD.match(t) for t in (plain(prev).strip(), cur.strip())):
        return False  # the header's "Số: …" and "<place>, ngày …" lines stand alone
    if _ITEM.match(plain(prev)) and _upper_line(plain(prev)) and not _upper_line(cur) and not open_emphasis:
        return False  # "I. ĐÁNH GIÁ ..." then "Thực hiện ...": a heading in capitals, then its first paragraph
    if _ITEM.match(cur) and not (re.match(r"^[-–]\s*\d", cur) and re.search(r"\d\s*$", plain(prev))):
        return False
    if blank_separated:
        return True
    return bool(cur[:1].islower()) and not _SENTENCE_END.search(plain(prev))


# The header fields of Nghị định 30/2020 (its Phụ lục I): the number ("Số: 21/KH-UBND") and the
# place and date ("Hà Nam, ngày 10 tháng 3 năm 2026").
_HEADER_FIELD = re.compile(r"^(?:Số\s*:|Số\s+\d+\s*/|[A-ZĐÀ-Ỹ][^,:;.]{1,40},\s*ngày\s+\d{1,2}\b)")


def _upper_line(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _blank_separated(lines: list[str]) -> bool:
    """Paragraphs separated by blank lines: at least a quarter of the text lines are followed by
    a blank line (one-paragraph-per-line files have almost none)."""
    text = [k for k, line in enumerate(lines) if line.strip() and not _BAR.match(line)]
    if len(text) < 8:
        return False
    followed = sum(1 for k in text if k + 1 < len(lines) and not lines[k + 1].strip())
    return followed >= 0.25 * len(text)


def _cell_tables(lines: list[str]) -> list[tuple[int, int, list[LogicalLine]]]:
    """Tables written one cell per line between bare "|" lines: (start, end, rows), 0-based
    [start, end) over the physical lines they take."""
    bars = [k for k, line in enumerate(lines) if _BAR.match(line)]
    tables: list[tuple[int, int, list[LogicalLine]]] = []
    k = 0
    while k < len(bars):
        chain = [bars[k]]
        while k + 1 < len(bars) and all(lines[m].strip() for m in range(bars[k] + 1, bars[k + 1])):
            k += 1
            chain.append(bars[k])
        k += 1
        if len(chain) < 2:
            continue
        rows: list[LogicalLine] = []
        cells: list[tuple[int, int, str]] = []

        def close_row() -> None:
            if cells:
                texts = [c[2] for c in cells]
                rows.append(LogicalLine("| " + " | ".join(texts) + " |", cells[0][0] + 1, cells[-1][1], "row"))
                cells.clear()

        for a, b in zip(chain, chain[1:]):
            if b == a + 1:
                close_row()
                continue
            # a cell's lines may be rows of their own ("| **ỦY BAN NHÂN DÂN** |", "| Số: 64/KH-UBND |"):
            # they are the cell's paragraphs, kept apart as a Word cell's are (documents.CELL_PARAGRAPHS)
            parts = [plain(re.sub(r"^\s*\|\s*|\s*\|\s*$", "", lines[m])) for m in range(a + 1, b)]
            parts = [p.replace("|", "/") for p in parts if p and not _RULE.match(p)]
            text = (" / " if len(parts) > 1 and all(lines[m].lstrip().startswith("|") for m in range(a + 1, b) if lines[m].strip()) else " ").join(parts)
            cells.append((a + 1, b, re.sub(r"\s+", " ", text).strip()))
        close_row()
        if not rows:
            continue
        # The rows tile the table's lines (the bars between rows belong to the row before),
        # so that a pipe table (tables.py) sees consecutive rows.
        entries = []
        for r, row in enumerate(rows):
            start = chain[0] + 1 if r == 0 else row.start
            end = rows[r + 1].start - 1 if r + 1 < len(rows) else chain[-1] + 1
            entries.append(LogicalLine(row.text, start, end, "row"))
        tables.append((chain[0], chain[-1] + 1, entries))
    return tables


_FIGURE_CELL = re.compile(r"^(?:[\d.,]+\s*%?|-|–|x)$")


def _block_tables(lines: list[str], taken: set[int]) -> list[tuple[int, int, list[LogicalLine]]]:
    """Tables flattened one cell per line with a blank line between rows (as some converters
    write them): three or more blocks of the same number (three or more) of short lines, the
    first naming the columns, the others holding figures after their label. (start, end, rows)
    as `_cell_tables` gives them: each row a "| a | b |" line that tiles the table's lines."""
    blocks: list[tuple[int, int]] = []
    k, n = 0, len(lines)
    while k < n:
        if not lines[k].strip() or k in taken:
            k += 1
            continue
        start = k
        while k < n and lines[k].strip() and k not in taken:
            k += 1
        blocks.append((start, k))
    out: list[tuple[int, int, list[LogicalLine]]] = []
    i = 0
    while i < len(blocks):
        size = blocks[i][1] - blocks[i][0]
        j = i
        while (j + 1 < len(blocks) and blocks[j + 1][1] - blocks[j + 1][0] == size
               and all(not lines[m].strip() for m in range(blocks[j][1], blocks[j + 1][0])) and blocks[j + 1][0] - blocks[j][1] <= 4):
            j += 1
        run = blocks[i : j + 1]
        if size >= 3 and len(run) >= 3 and _flattened(lines, run):
            entries = []
            for r, (a, b) in enumerate(run):
                cells = [_cell_of(lines[m]).replace("|", "/") for m in range(a, b)]
                end = run[r + 1][0] if r + 1 < len(run) else b
                entries.append(LogicalLine("| " + " | ".join(cells) + " |", a + 1, end, "row"))
            out.append((run[0][0], run[-1][1], entries))
            i = j + 1
        else:
            i += 1
    return out


def _cell_of(line: str) -> str:
    """A line of a flattened table: its text, or the one cell of a "| x |" line (a web page's
    table read one <td> a line)."""
    m = re.fullmatch(r"\s*\|\s*([^|]*?)\s*\|\s*", line)
    return plain(m.group(1)) if m else plain(line)


def _flattened(lines: list[str], run: list[tuple[int, int]]) -> bool:
    if all(re.fullmatch(r"\s*\|[^|]*\|\s*", lines[m]) for a, b in run for m in range(a, b)):
        return True  # each line one "| cell |" (a web page's <td> a line): the cells are marked as such
    rows = [[_cell_of(lines[m]) for m in range(a, b)] for a, b in run]
    if any(len(c) > 120 or c.endswith((".", ";", ":")) or c.startswith(("-", "+", "#", "|", "*")) for row in rows for c in row):
        return False  # sentences, list items, headings or pipe rows are not cells
    if any(len(c) > 40 for c in rows[0]):
        return False  # the column names are short
    figures = sum(1 for row in rows[1:] for c in row[1:] if _FIGURE_CELL.match(c))
    return figures * 2 >= sum(len(row) - 1 for row in rows[1:])


# Column names of a task table (the annex "Danh mục nhiệm vụ" of a plan), folded, by what the column holds.
_COLUMN_KINDS = (
    ("number", re.compile(r"^(?:stt|tt|so tt|so thu tu)$")),
    ("lead", re.compile(r"chu tri")),
    ("partner", re.compile(r"phoi hop")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|hoan thanh")),
    ("task", re.compile(r"noi dung|nhiem vu|ten|hoat dong|cong viec|de an|du an")),
)
_TIME_CELL = re.compile(r"^(?:quý|quí|tháng|năm|hằng|hàng|thường|trước|từ|giai đoạn|trong|đến|\d{4})\b|\b(?:19|20)\d\d\b", re.I)


def _column_kind(label: str) -> str:
    f = fold(label).strip(" :")
    return next((kind for kind, pat in _COLUMN_KINDS if pat.search(f)), "")


def _numbered_flat_tables(lines: list[str], taken: set[int], repeated: set[int]) -> list[tuple[int, int, list[LogicalLine]]]:
    """A task table as a PDF's text gives it: no bars, no blank lines, each cell wrapped over
    lines of its own: the column names one a line ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ
    trì", "Cơ quan phối hợp", "Thời gian hoàn thành"), then each row from its number ("1", "2", …).
    A row's cells are told apart by what they hold: the task first, then the lead (it begins
    with an agency's name; a line in lower case goes on the cell above), the partners, and the
    time ("Quý II/2026", "2026 - 2030") last. Only tables whose columns are those kinds, in
    that order; page furniture inside a row is left out of its text."""
    from .facts import is_agency_start  # the agency-name grammar (facts.py imports no structure)

    out: list[tuple[int, int, list[LogicalLine]]] = []
    n = len(lines)
    i = 0
    while i < n:
        if i in taken or _column_kind(plain(lines[i])) != "number":
            i += 1
            continue
        heads, k = [], i
        while k < n and lines[k].strip() and len(plain(lines[k])) <= 40 and not re.fullmatch(r"\d{1,3}\.?", lines[k].strip()):
            heads.append(plain(lines[k]))
            k += 1
        kinds = [_column_kind(h) for h in heads]
        order = [kd for kd in kinds if kd]
        if len(heads) < 3 or "" in kinds or order[0] != "number" or "task" not in kinds or order != sorted(order, key=["number", "task", "lead", "partner", "time"].index) or len(set(order)) != len(order):
            i += 1
            continue
        rows: list[tuple[int, int, list[str]]] = []
        expect, r = 1, k
        while r < n and re.fullmatch(rf"{expect}\.?", lines[r].strip()):
            start = r
            r += 1
            body: list[int] = []
            while r < n and not re.fullmatch(rf"{expect + 1}\.?", lines[r].strip()) and lines[r].strip():
                if not (_PAGE_NUMBER.match(lines[r]) or r in repeated):
                    body.append(r)
                r += 1
            cells = _split_flat_row([plain(lines[m]) for m in body], kinds[1:], is_agency_start)
            if cells is None:
                break
            rows.append((start, r, [str(expect)] + cells))
            expect += 1
        if len(rows) >= 2:
            entries = [LogicalLine("| " + " | ".join(heads) + " |", i + 1, k, "row")]
            entries += [LogicalLine("| " + " | ".join(c.replace("|", "/") for c in cells) + " |", a + 1, b, "row") for a, b, cells in rows]
            out.append((i, rows[-1][1], entries))
            i = rows[-1][1]
        else:
            i += 1
    return out


def _split_flat_row(texts: list[str], kinds: list[str], is_agency_start) -> list[str] | None:
    """A flattened row's lines cut into its cells (see `_numbered_flat_tables`); None when the
    lines do not fit the columns."""
    if not texts:
        return None
    cells = {kind: [] for kind in kinds}
    rest = list(texts)
    if "time" in kinds:
        while rest and _TIME_CELL.search(rest[-1]) and len(rest[-1]) <= 40 and not is_agency_start(rest[-1]):
            cells["time"].insert(0, rest.pop())
    current = "task"
    for text in rest:
        starts_agency = is_agency_start(text)
        if current == "task" and starts_agency and cells["task"] and "lead" in kinds:
            current = "lead"
        elif current == "lead" and starts_agency and cells["lead"] and "partner" in kinds:
            current = "partner"
        elif current == "task" and starts_agency and cells["task"] and "partner" in kinds and "lead" not in kinds:
            current = "partner"
        cells[current].append(text)
    if not cells["task"] or ("lead" in kinds and not cells["lead"]):
        return None
    return [" ".join(cells[kind]).strip() for kind in kinds]


class LogicalView:
    """A document's logical lines with the maps between logical and physical line numbers."""

    def __init__(self, physical: list[str], entries: list[LogicalLine] | None = None):
        if entries is None:  # parsed here; a view stored in the index comes repaired already
            entries = [LogicalLine(repair_spacing(e.text), e.start, e.end, e.kind) for e in logical_lines(physical)]
        self.entries = entries
        self.lines = [e.text for e in self.entries]
        self._first = {}
        for idx, e in enumerate(self.entries):
            for p in range(e.start, e.end + 1):
                self._first.setdefault(p, idx)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def to_data(self) -> list[list]:
        """Plain data for the index (one [text, start, end, kind] per entry): what `from_data`
        rebuilds the view from without parsing the document again."""
        return [[e.text, e.start, e.end, e.kind] for e in self.entries]

    @classmethod
    def from_data(cls, data: list[list]) -> "LogicalView":
        return cls([], [LogicalLine(text, start, end, kind) for text, start, end, kind in data])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """1-based logical lines start..end -> 1-based physical lines."""
        start = max(1, min(start, len(self.entries)))
        end = max(start, min(end, len(self.entries)))
        return self.entries[start - 1].start, self.entries[end - 1].end

    def at(self, physical_line: int) -> int:
        """The 1-based logical line that holds a physical line."""
        return self._first.get(physical_line, len(self.entries) - 1) + 1

    def cells(self, logical_line: int) -> list[str]:
        """The cells of a table row, or the line itself."""
        e = self.entries[logical_line - 1]
        if e.kind == "row" or (e.text.startswith("|") and e.text.count("|") >= 2):
            return [c.strip() for c in e.text.strip().strip("|").split("|") if c.strip()]
        return [e.text] if e.text else []


def _narrow(lines: list[str], start: int, end: int, value: str) -> tuple[int, int]:
    """The shortest run of physical lines start..end (1-based) whose text holds value."""
    want = re.sub(r"\s+", " ", value).strip().lower()
    for size in range(1, end - start + 2):
        for a in range(start, end - size + 2):
            text = re.sub(r"\s+", " ", " ".join(plain(x) for x in lines[a - 1 : a - 1 + size])).lower()
            if want in text:
                return a, a + size - 1
    return start, end


def read_document(doc, chunker, extractor, hard_chars: int | None = None, view: LogicalView | None = None):
    """Parse a loaded document once: metadata, chunks and facts read from its logical lines,
    every line number mapped back to the file's own lines. Returns (meta, chunks, facts).
    Fact patterns are sentence-level: a logical line over `hard_chars` (a page pasted as one
    line, which the chunker cuts into pieces) is not read for facts, which keeps their cost
    linear in the text. `view`: the document's logical view when the caller already has it
    (the indexer keeps it for the index)."""
    from dataclasses import replace

    from .documents import extract_metadata
    from .types import Document

    lines = doc.lines
    view = LogicalView(lines) if view is None else view
    meta = extract_metadata(view.text)
    meta.file_lines = list(doc.meta.file_lines)  # the loader's: where each line stands in the file
    meta.lines = {name: list(view.span(a, b)) for name, (a, b) in meta.lines.items()}
    for name in ("signer", "number"):  # a header or signature cell spans several lines: cite the value's own
        if name in meta.lines and getattr(meta, name):
            meta.lines[name] = list(_narrow(lines, *meta.lines[name], getattr(meta, name)))
    logical = Document(doc.source, view.text, doc.sha256, meta)
    chunks = chunker.run(logical)
    if hard_chars and any(len(t) > hard_chars for t in view.lines):
        short = Document(doc.source, "\n".join("" if len(t) > hard_chars else t for t in view.lines), doc.sha256, meta)
        facts = extractor.run(short, chunks)
    else:
        facts = extractor.run(logical, chunks)
    physical_chunks = [replace(c, start_line=view.span(c.start_line, c.end_line)[0], end_line=view.span(c.start_line, c.end_line)[1]) for c in chunks]
    for group in (facts.responsibilities, facts.targets, facts.budget):
        for k, fact in enumerate(group):
            a, b = view.span(fact.start_line, fact.end_line)
            group[k] = replace(fact, start_line=a, end_line=b)
    return meta, physical_chunks, facts
