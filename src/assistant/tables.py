"""Tables in plain text: rows with their column headers and line spans.

Three layouts are recognised:
- one cell per line, each cell line starting with a tab, rows separated by blank lines
  (what copying a Word table into a text file gives);
- Markdown / pipe rows ("| a | b |"), as our .docx and .html loaders write them;
- one row per line with tab-separated cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROW_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$")
_NUMBER_CELL = re.compile(r"^[\d.,]+$")


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
        from .vietnamese import fold

        for i, head in enumerate(headers):
            if i < len(self.cells) and self.cells[i].strip() and any(fold(n) in fold(head) for n in names):
                return self.cells[i].strip()
        return ""


@dataclass
class Table:
    start: int
    end: int  # exclusive
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    caption: str = ""
    header_end: int = 0  # exclusive line index where the header rows end


def find_tables(lines: list[str]) -> list[Table]:
    tables = _cell_per_line_tables(lines)
    taken = {i for t in tables for i in range(t.start, t.end)}
    tables += [t for t in _row_per_line_tables(lines) if not any(i in taken for i in range(t.start, t.end))]
    tables.sort(key=lambda t: t.start)
    return _continued(tables, lines)


def _continued(tables: list[Table], lines: list[str]) -> list[Table]:
    """A table broken in two (a page break, a merged cell that held a blank line) goes on with
    the same columns: a piece that follows another within a few lines and whose first "header"
    row is a data row (its first cell a short row label: "B", "4", "II") takes the headers of
    the piece before."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        label = t.headers[0].strip() if t.headers else ""
        gap = t.start - prev.end if prev else 99
        if (prev and 0 <= gap <= 3 and all(not lines[k].strip() for k in range(prev.end, t.start))
                and 0 < len(label) <= 4 and len(t.headers) <= len(prev.headers) + 1 and prev.header_end > prev.start):
            first = Row(t.start, t.header_end or t.start + 1, list(t.headers), number=label)
            rows = [first, *t.rows]
            out[-1] = Table(prev.start, t.end, prev.headers, prev.rows + rows, prev.caption, prev.header_end)
            continue
        out.append(t)
    return out


def _blank(line: str) -> bool:
    return not line.strip() and not line.startswith("\t")


def _cell_per_line_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].startswith("\t") or sum(1 for k in range(i, min(n, i + 16)) if lines[k].startswith("\t")) < 6:
            i += 1
            continue
        start = i
        end = i
        k = i
        while k < n:
            line = lines[k]
            if line.startswith("\t"):
                end = k + 1
            elif _blank(line):
                pass
            elif k > 0 and lines[k - 1].startswith("\t") and len(line.strip()) <= 40 and "\t" not in line:
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
        elif not line.startswith("\t") and line.count("\t") >= 2:
            run.append((k, [c.strip() for c in line.split("\t")]))
        else:
            close()
    close()
    return tables


def _assemble(raw_rows, start: int, end: int, first_is_header: bool = False) -> Table | None:
    if not raw_rows:
        return None
    # Header rows: leading rows with no number-only cell (a "(1.000đ)" unit is not a number).
    n_head = 0
    for _, _, cells in raw_rows:
        if any(_NUMBER_CELL.match(c) for c in cells if c):
            break
        n_head += 1
        if first_is_header:
            break
    n_head = min(n_head, 3, len(raw_rows) - 1)
    if first_is_header:
        n_head = 1
    width = max(len(c) for _, _, c in raw_rows)
    headers = [""] * width
    for _, _, cells in raw_rows[:n_head]:
        for i, cell in enumerate(cells):
            if cell.strip():
                headers[i] = cell.strip()  # the lower header row is the more precise name
    table = Table(start=start, end=end, headers=headers, header_end=raw_rows[n_head - 1][1] if n_head else start)
    parent = ""
    for rs, re_, cells in raw_rows[n_head:]:
        first = cells[0].strip() if cells else ""
        number = first if _ROW_NUMBER.match(first) else ""
        label = next((c.strip() for c in cells[1:] if c.strip()), "") if number else ""
        row = Row(rs, re_, cells, number=number)
        is_total = bool(re.match(r"^(tổng|cộng|tong|cong)\b", next((c.strip().lower() for c in cells if c.strip()), "")))
        if number:
            parent = f"{number} {label}".strip()
        elif parent and not first and not is_total:
            row.parent = parent
        table.rows.append(row)
    return table
