"""Tables in plain text: rows with their column headers and line spans.

Three layouts are recognised:
- one cell per line, each cell line starting with a tab, rows separated by blank lines
  (what copying a Word table into a text file gives);
- Markdown / pipe rows ("| a | b |"), as our .docx and .html loaders write them;
- one row per line with tab-separated cells.

Header rows, in every layout (the conventions of a table drawn in Word or HTML):
- The first row names the columns (in a one-cell-per-line table, unless it holds a figure).
- A group header spans several columns: its cell is followed by empty cells or by itself
  repeated ("Cơ quan thực hiện | | Thời gian" or "Cơ quan thực hiện | Cơ quan thực hiện"), or
  it is written once in a row narrower than the table. The row below it is a sub-header when
  it is a row of labels (short cells, no figure but a year, a period or a unit in parentheses,
  no row number) whose labels all stand under a spanning cell, under a column without a name,
  or repeat the name above, and whose other cells are empty (the merged cells of the columns
  that have one name); a sub-header that only adds years ("Năm 2025" under "Kế hoạch") is one
  too. Columns are then named by their group and sub-label, "Cơ quan thực hiện - Chủ trì", and
  a sub-header row written narrower than the table (its merged cells left out) stands under the
  spanning cell whose data columns look alike (all figures, all names). Up to three header rows.
- A row of column numbers right under the header ("(1) | (2) | (3)", "A | B | 1 | 2 = 3 + 4")
  is not data.
- A header repeated inside the table (a page break in a PDF or Word copy), or at the top of
  the next piece of a table broken by a page break, is not data: the rows go on under the same
  columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vietnamese import collapse, fold

_ROW_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$")
_NUMBER_CELL = re.compile(r"^[\d.,]+$")
# An outline number opening a cell ("I. NHÓM ...", "1. Tập huấn", "a) ...", "- ..."): a data row.
_ITEM_START = re.compile(r"^(?:(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ])\s*[.)]\s|[-+•–]\s)")
_YEAR_OR_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d))?(?!\d)")
_PARENS = re.compile(r"\([^()]*\)")
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?(?:\s*=.*)?$")
_MAX_HEADER_ROWS = 3


@dataclass
class Row:
    start: int  # 0-based first line
    end: int  # exclusive
    cells: list[str]
    number: str = ""  # "2.2", "" for an unnumbered sub-row
    parent: str = ""  # "2.2 Chi đặc thù ..." for a sub-row

    @property
    def top_level(self) -> bool:
        return bool(self.number) and "." not in self.number.rstrip(".")

    def render(self, headers: list[str]) -> str:
        parts = []
        for i, cell in enumerate(self.cells):
            cell = cell.strip()
            if not cell:
                continue
            name = headers[i] if i < len(headers) and headers[i] else ""
            parts.append(f"{name}: {cell}" if name else cell)
        text = " | ".join(parts)
        return f"{text} (thuộc mục {self.parent})" if self.parent else text

    def cell(self, headers: list[str], *names: str) -> str:
        """The first non-empty cell whose header contains one of names (folded match)."""
        for i, head in enumerate(headers):
            if i < len(self.cells) and self.cells[i].strip() and any(fold(n) in fold(head) for n in names):
                return self.cells[i].strip()
        return ""


RawRow = tuple  # (start, end, cells): 0-based [start, end) lines of one row and its cells


@dataclass
class Table:
    start: int
    end: int  # exclusive
    headers: list[str]  # one name per column: "Cơ quan thực hiện - Chủ trì" under a group header
    rows: list[Row] = field(default_factory=list)
    caption: str = ""
    header_end: int = 0  # exclusive line index where the header rows end
    columns: list[list[str]] = field(default_factory=list)  # each column's header parts, top row first
    raw: list[RawRow] = field(default_factory=list, repr=False)  # every row as read, headers included
    first_is_header: bool = False  # the layout's convention (row-per-line tables)


def find_tables(lines: list[str]) -> list[Table]:
    tables = _cell_per_line_tables(lines)
    taken = {i for t in tables for i in range(t.start, t.end)}
    tables += [t for t in _row_per_line_tables(lines) if not any(i in taken for i in range(t.start, t.end))]
    tables.sort(key=lambda t: t.start)
    return _continued(tables, lines)


def _signature(cells: list[str]) -> tuple[str, ...]:
    return tuple(fold(collapse(c)) for c in cells if c.strip())


def _page_gap(lines: list[str], a: int, b: int) -> bool:
    """Lines a..b-1 are what a page break leaves between two pieces of a table: blank lines
    and a page number ("12", "- 12 -", "Trang 12")."""
    return all(not lines[k].strip() or re.fullmatch(r"\s*(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*-)?\s*", lines[k])
               for k in range(a, b))


def _continued(tables: list[Table], lines: list[str]) -> list[Table]:
    """A table broken in two (a page break, a merged cell that held a blank line) goes on with
    the same columns: a piece that follows another within a few lines and either repeats its
    header rows (the header a page break repeats) or whose first "header" row is a data row (its
    first cell a short row label: "B", "4", "II") is read as more rows of the piece before."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if prev is None or prev.first_is_header != t.first_is_header or not t.raw or prev.header_end <= prev.start:
            out.append(t)
            continue
        gap = t.start - prev.end
        label = t.headers[0].strip() if t.headers and not t.columns[0][1:] else ""
        first = t.raw[0][2]
        repeats = _signature(first) == _signature(prev.raw[0][2]) and 0 <= gap <= 6 and _page_gap(lines, prev.end, t.start)
        continues = (0 <= gap <= 3 and _page_gap(lines, prev.end, t.start)
                     and 0 < len(label) <= 4 and len(t.headers) <= len(prev.headers) + 1)
        if not (repeats or continues):
            out.append(t)
            continue
        labels = {r.start: r.number for r in prev.rows if r.number}
        if continues and not repeats:
            labels[t.raw[0][0]] = label  # the piece's first row is numbered by its label ("B")
        merged = _assemble(prev.raw + t.raw, prev.start, t.end, first_is_header=prev.first_is_header, labels=labels)
        if merged is None:
            out.append(t)
            continue
        merged.caption = prev.caption
        while len(merged.headers) > len(prev.headers) and not merged.headers[-1]:
            merged.headers.pop()  # a longer row of the new piece does not name a column
            merged.columns.pop()
        out[-1] = merged
    return out


def _blank(line: str) -> bool:
    return not line.strip() and not line.startswith("\t")


def _tab_row(line: str) -> bool:
    """A row of tab-separated cells; it starts with a tab when its first cell is empty (a
    cell of a one-cell-per-line table has only its leading tab)."""
    return line.count("\t") >= 2 and "\t" in line.strip("\t")


def _cell_line(line: str) -> bool:
    return line.startswith("\t") and not _tab_row(line)


def _cell_per_line_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        if not _cell_line(lines[i]) or sum(1 for k in range(i, min(n, i + 16)) if _cell_line(lines[k])) < 6:
            i += 1
            continue
        start = i
        end = i
        k = i
        while k < n:
            line = lines[k]
            if _cell_line(line):
                end = k + 1
            elif _blank(line):
                pass
            elif k > 0 and _cell_line(lines[k - 1]) and len(line.strip()) <= 40 and "\t" not in line:
                end = k + 1  # continuation of a cell written over two lines
            else:
                break
            k += 1
        table = _build_cell_table(lines, start, end)
        if table and len(table.rows) >= 2:
            tables.append(table)
        i = max(end, i + 1)
    return tables


def _build_cell_table(lines: list[str], start: int, end: int) -> Table | None:
    raw_rows: list[tuple[int, int, list[str]]] = []
    cells: list[str] = []
    row_start = None
    for k in range(start, end + 1):
        line = lines[k] if k < end else ""
        if k == end or _blank(line):
            if cells:
                raw_rows.append((row_start, k, cells))
            cells, row_start = [], None
            continue
        if row_start is None:
            row_start = k
        if line.startswith("\t"):
            cells.append(line[1:].strip())
        elif cells:
            cells[-1] = f"{cells[-1]} {line.strip()}".strip()
    return _assemble(raw_rows, start, end)


def _row_per_line_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    run: list[tuple[int, list[str]]] = []

    def close() -> None:
        if len(run) >= 2:
            rows = [(k, k + 1, cells) for k, cells in run]
            table = _assemble(rows, run[0][0], run[-1][0] + 1, first_is_header=True)
            if table:
                tables.append(table)
        run.clear()

    for k, line in enumerate(lines):
        s = line.strip()
        if s.startswith("|") and s.count("|") >= 3:
            cells = [c.strip() for c in s.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # markdown separator row
            run.append((k, cells))
        elif run and s.startswith("|") and s.endswith("|") and len(s) > 2:
            run.append((k, [s.strip("|").strip()]))  # a one-cell group row ("| II. NHIỆM VỤ |") inside a table
        elif _tab_row(line):
            run.append((k, [c.strip() for c in line.split("\t")]))
        else:
            close()
    close()
    return tables




# -- header rows


def _label_cell(cell: str) -> bool:
    """A header label: short, no row number, and no figure but a year, a period ("2021-2025")
    or a unit in parentheses ("(1.000đ)", "(%)")."""
    s = collapse(cell)
    if not s or len(s) > 80 or _ROW_NUMBER.match(s) or _ITEM_START.match(s):
        return False
    return not re.search(r"\d", _PARENS.sub(" ", _YEAR_OR_PERIOD.sub(" ", s)))


def _label_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_label_cell(c) for c in filled)


def _column_numbers(cells: list[str]) -> bool:
    """A row that numbers the columns: "(1) | (2) | (3)", "1 | 2 | 3 | 4", "A | B | 1 | 2=3+4":
    at least three cells, most of the row, letters in order then numbers rising."""
    filled = [collapse(c) for c in cells if c.strip()]
    if len(filled) < 3 or len(filled) < 0.6 * len(cells):
        return False
    marks = []
    for c in filled:
        m = _COLUMN_NUMBER.match(c)
        if not m:
            return False
        marks.append(m.group(1))
    letters = [m for m in marks if not m.isdigit()]
    numbers = [int(m) for m in marks if m.isdigit()]
    if marks[: len(letters)] != letters:
        return False  # letters come first
    if letters and [ord(x) for x in letters] != list(range(ord(letters[0]), ord(letters[0]) + len(letters))):
        return False
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:])) and (not numbers or numbers[0] <= 2)


def _spans(row: list[str], parent: list[int] | None) -> list[int]:
    """Span ids of one header row (width W): a named cell starts a span; an empty cell, or the
    same name repeated, goes on with the span on its left when both are under the same span of
    the row above. An empty cell with no name on its left is a span of its own, without a name."""
    spans: list[int] = []
    cur, owner = -1, None
    for k, cell in enumerate(row):
        name = collapse(cell)
        same_parent = k > 0 and (parent is None or parent[k] == parent[k - 1])
        if same_parent and owner is not None and (not name or fold(name) == fold(owner)):
            spans.append(cur)
            continue
        cur += 1
        spans.append(cur)
        owner = name or None
    return spans


def _widths(spans: list[int]) -> list[int]:
    count: dict[int, int] = {}
    for s in spans:
        count[s] = count.get(s, 0) + 1
    return [count[s] for s in spans]


def _kind(cell: str) -> str:
    c = collapse(cell)
    if not c:
        return ""
    if re.fullmatch(r"[\d.,]+\s*%?", c):
        return "number"
    if re.search(r"\d", c) and len(c) <= 24:
        return "time"
    return "text" if len(c) <= 60 else "long"


def _group_position(upper: list[str], size: int, width: int, data: list[list[str]]) -> int:
    """Where a group of `size` columns is, in a header row written one cell per group: the
    position whose data columns are most often alike (all figures, all names, all dates); the
    later one on a tie, -1 when no data says."""
    best, best_score = -1, 0
    for p in range(len(upper)):
        if p + size > width:
            break
        score = 0
        for cells in data:
            kinds = [_kind(c) for c in cells[p : p + size]]
            kinds = [k for k in kinds if k]
            score += len(kinds) >= 2 and len(set(kinds)) == 1
        if score >= best_score and score > 0:
            best, best_score = p, score
    return best


def _place(upper: list[str], spans: list[int] | None, lower: list[str], width: int,
           data: list[list[str]], inherited: list[str] | None = None) -> tuple[list[str], list[int], list[str]] | None:
    """Lay a header row `lower` under `upper`: (upper, its spans, lower), both `width` wide, or
    None when `lower` is no sub-header of `upper` (see the module's conventions). `inherited`:
    each column's name from the rows above `upper`, for the cells of `upper` left empty under
    a merged cell."""
    if not _label_row(lower) or _column_numbers(lower):
        return None
    lower = list(lower)
    if len(upper) < width:
        extra = width - len(upper)
        if len(lower) >= width:  # the merged cells kept: the sub-labels sit under their group
            lower = lower[:width]
            runs, k = [], 0
            while k < width:
                if lower[k].strip():
                    j = k
                    while j + 1 < width and lower[j + 1].strip():
                        j += 1
                    runs.append((k, j - k + 1))
                    k = j + 1
                else:
                    k += 1
            runs = [(a, n) for a, n in runs if n >= 2]
            if sum(n - 1 for _, n in runs) != extra:
                return None
            starts = dict(runs)
        else:
            groups = len([c for c in lower if c.strip()]) - extra
            if groups != 1 or len(lower) < 2:
                return None
            p = _group_position(upper, len(lower), width, data)
            if p < 0:
                return None
            starts = {p: len(lower)}
            lower = [""] * p + lower + [""] * (width - p - len(lower))
        expanded, u, k = [], 0, 0
        while k < width and u < len(upper):
            n = starts.get(k, 1)
            expanded += [upper[u]] * n  # the group cell repeated over its columns
            u, k = u + 1, k + n
        if len(expanded) != width or u != len(upper):
            return None
        upper, spans = expanded, None
    spans = spans if spans is not None and len(spans) == width else _spans(upper, None)
    widths = _widths(spans)
    if len(lower) < width:  # merged cells left out: the sub-labels fill the spanning cells
        wide = [k for k in range(width) if widths[k] >= 2]
        if len(wide) != len(lower):
            return None
        full = [""] * width
        for k, cell in zip(wide, lower):
            full[k] = cell
        lower = full
    lower = (lower + [""] * width)[:width]
    names = _names_above(upper, spans)
    if inherited:
        names = [name or inherited[k] for k, name in enumerate(names)]
    refined = years = kept = 0
    for k, cell in enumerate(lower):
        if not cell.strip():
            kept += bool(names[k])
            continue
        if names[k] and fold(collapse(cell)) == fold(names[k]):
            kept += 1
        elif widths[k] >= 2 or not names[k]:
            refined += 1
        elif _YEAR_OR_PERIOD.search(cell):
            years += 1
        else:
            return None  # a new name under a column that already has its own: a data row
    if refined or (years and kept):
        return upper, spans, lower
    return None


def _names_above(row: list[str], spans: list[int]) -> list[str]:
    """The name each column has in a header row: its span's named cell."""
    owner: dict[int, str] = {}
    for k, cell in enumerate(row):
        if cell.strip():
            owner.setdefault(spans[k], collapse(cell))
    return [owner.get(s, "") for s in spans]


def _read_header(raw_rows: list[RawRow], width: int, first_is_header: bool) -> tuple[int, list[list[str]]]:
    """How many rows the header takes and each column's name parts (top row first)."""
    first = raw_rows[0][2]
    if not first_is_header and any(_NUMBER_CELL.match(c) and not _YEAR_OR_PERIOD.fullmatch(c.strip()) for c in first if c):
        return 0, [[] for _ in range(width)]  # a one-cell-per-line table that starts with data (a year names a column)
    data = [cells for _, _, cells in raw_rows[1:] if len(cells) == width]
    levels: list[tuple[list[str], list[int]]] = []  # (row, spans) of each header row, width wide
    upper, spans, inherited = list(first), None, None
    n = 1
    while n < min(len(raw_rows) - 1, _MAX_HEADER_ROWS):
        placed = _place(upper, spans, raw_rows[n][2], width, data, inherited)
        if placed is None:
            break
        upper_w, upper_spans, lower = placed
        if levels:
            levels[-1] = (upper_w, upper_spans)
        else:
            levels.append((upper_w, upper_spans))
        # the sub-header's own spans lie inside its group's; a merged (empty) cell under a
        # column of one name keeps that name (its span is the one above)
        lower_spans = _spans(lower, upper_spans)
        levels.append((lower, lower_spans))
        above = _names_above(upper_w, upper_spans)
        inherited = [name or (inherited[k] if inherited else "") for k, name in enumerate(above)]
        upper, spans = lower, lower_spans
        n += 1
    if not levels:  # one header row: its cells as written
        cells = (list(first) + [""] * width)[:width]
        return 1, [[collapse(c)] if c.strip() else [] for c in cells]
    columns: list[list[str]] = [[] for _ in range(width)]
    for row, row_spans in levels:
        names = _names_above(row, row_spans)
        for k in range(width):
            name = names[k]
            if name and not any(fold(name) == fold(p) for p in columns[k]):
                columns[k].append(name)
    return n, columns


def _assemble(raw_rows: list[RawRow], start: int, end: int, first_is_header: bool = False,
              labels: dict[int, str] | None = None) -> Table | None:
    """The table of rows `raw_rows`; `labels`: row numbers already read, by first line (the
    first row of a continued piece, "B")."""
    if not raw_rows:
        return None
    width = max(len(c) for _, _, c in raw_rows)
    n_head, columns = _read_header(raw_rows, width, first_is_header)
    headers = [" - ".join(parts) for parts in columns]
    table = Table(start=start, end=end, headers=headers, header_end=raw_rows[n_head - 1][1] if n_head else start,
                  columns=columns, raw=list(raw_rows), first_is_header=first_is_header)
    header_rows = {_signature(cells) for _, _, cells in raw_rows[:n_head]} - {()}
    parent = ""
    numbered = bool(headers) and re.sub(r"[^a-z ]", "", fold(headers[0])).strip() in ("tt", "stt", "so tt", "so thu tu")
    after_header = n_head > 0  # the rows right under a header (or a repeated one) may number the columns
    for rs, re_, cells in raw_rows[n_head:]:
        if header_rows and _signature(cells) in header_rows:
            after_header = True
            continue  # the header repeated after a page break
        if after_header and _column_numbers(cells):
            continue
        after_header = False
        first = cells[0].strip() if cells else ""
        if (numbered and len(cells) < width and len(first) > 20 and not _ROW_NUMBER.match(first)
                and sum(1 for c in cells if c.strip()) >= 3 and not re.match(r"^(?:[IVXLC]+|\d+|[a-zđ])[.)]", first)):
            # A row without its number cell where the first column numbers the rows (a copy that
            # drops empty cells): its first cell is the content of the second column.
            cells, first = [""] + list(cells), ""
        number = first if _ROW_NUMBER.match(first) else (labels or {}).get(rs, "")
        label = next((c.strip() for c in cells[1:] if c.strip()), "") if number else ""
        row = Row(rs, re_, cells, number=number)
        is_total = bool(re.match(r"^(tổng|cộng|tong|cong)\b", next((c.strip().lower() for c in cells if c.strip()), "")))
        if number:
            parent = f"{number} {label}".strip()
        elif parent and not first and not is_total:
            row.parent = parent
        table.rows.append(row)
    return table
