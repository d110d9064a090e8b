"""Table headers in every layout the document model produces (tables.py).

The fixtures are small invented tables written from the conventions of a table drawn in Word
or HTML and copied as text: a group header over sub-headers (its cell followed by empty cells,
repeated, or written once in a narrower row), a header repeated after a page break, a row of
column numbers, period columns. None is a copy of a real plan.
"""

from __future__ import annotations

import pytest

from assistant.chunking import Chunker
from assistant.facts import FactExtractor
from assistant.structure import LogicalView, read_document
from assistant.tables import find_tables
from assistant.types import Document

LEAD = "Cơ quan thực hiện - Chủ trì"
PARTNER = "Cơ quan thực hiện - Phối hợp"


def _tables(text: str):
    return find_tables(LogicalView(text.split("\n")).lines)


def _facts(text: str, name: str = "plan.txt"):
    return read_document(Document(name, text, "x"), Chunker(), FactExtractor())


def _table_chunks(text: str, name: str = "plan.txt"):
    _, chunks, _ = _facts(text, name)
    return [c for c in chunks if c.kind == "table"]


# ---------------------------------------------------------------- two-row headers, pipe rows

PIPE_EMPTY_SPAN = """KẾ HOẠCH
Phát triển thư viện cộng đồng năm 2027

II. NHIỆM VỤ

| STT | Nội dung | Cơ quan thực hiện | | Thời gian |
|---|---|---|---|---|
| | | Chủ trì | Phối hợp | |
| 1 | Khảo sát nhu cầu đọc của người dân | Sở Văn hóa và Thể thao | Ủy ban nhân dân các xã | Quý I/2027 |
| 2 | Bổ sung sách cho tủ sách cộng đồng | Thư viện tỉnh | Sở Giáo dục và Đào tạo | Quý III/2027 |
"""


def test_pipe_group_header_followed_by_an_empty_cell():
    (table,) = _tables(PIPE_EMPTY_SPAN)
    assert table.headers == ["STT", "Nội dung", LEAD, PARTNER, "Thời gian"]
    assert table.columns[2] == ["Cơ quan thực hiện", "Chủ trì"]
    assert [r.cells[1] for r in table.rows] == ["Khảo sát nhu cầu đọc của người dân", "Bổ sung sách cho tủ sách cộng đồng"]
    assert table.rows[0].render(table.headers) == (
        "STT: 1 | Nội dung: Khảo sát nhu cầu đọc của người dân | Cơ quan thực hiện - Chủ trì: Sở Văn hóa và Thể thao"
        " | Cơ quan thực hiện - Phối hợp: Ủy ban nhân dân các xã | Thời gian: Quý I/2027")


def test_pipe_group_header_gives_lead_and_partner_from_the_sub_columns():
    _, _, facts = _facts(PIPE_EMPTY_SPAN)
    rs = {r.start_line: r for r in facts.responsibilities}
    lines = PIPE_EMPTY_SPAN.split("\n")
    first = rs[lines.index(next(x for x in lines if x.startswith("| 1 |"))) + 1]
    assert first.lead == ["Sở Văn hóa và Thể thao"]
    assert first.partners == ["Ủy ban nhân dân các xã"]
    assert first.task == "Khảo sát nhu cầu đọc của người dân" and first.timeline == "Quý I/2027"
    assert len(facts.responsibilities) == 2  # the sub-header row is no task


# The group cell repeated over its columns, the one-name columns repeated in the sub-header row,
# the partner column before the lead column.
PIPE_REPEATED = """| TT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị thực hiện | Kết quả |
| TT | Nhiệm vụ | Phối hợp | Chủ trì | Kết quả |
| 1 | Xây dựng bản đồ số điểm du lịch | Các huyện | Sở Du lịch | Bản đồ số |
| 2 | Tập huấn hướng dẫn viên | Hội Du lịch tỉnh | Trường Cao đẳng Nghề | Lớp tập huấn |
"""


def test_pipe_group_cell_repeated_and_partner_before_lead():
    (table,) = _tables(PIPE_REPEATED)
    assert table.headers == ["TT", "Nhiệm vụ", "Đơn vị thực hiện - Phối hợp", "Đơn vị thực hiện - Chủ trì", "Kết quả"]
    assert len(table.rows) == 2
    _, _, facts = _facts(PIPE_REPEATED)
    first = next(r for r in facts.responsibilities if r.start_line == 3)
    assert first.lead == ["Sở Du lịch"] and first.partners == ["Các huyện"]


# ---------------------------------------------------------------- tab rows

TAB_ROWS = "\n".join([
    "III. PHÂN CÔNG",
    "STT\tNội dung\tCơ quan thực hiện\t\tThời hạn",
    "\t\tChủ trì\tPhối hợp\t",
    "1\tRà soát điểm ngập úng\tSở Xây dựng\tCông an tỉnh\tTháng 6/2027",
    "2\tLắp đặt biển cảnh báo\tSở Giao thông\tỦy ban nhân dân các xã\tTháng 9/2027",
])


def test_tab_rows_with_a_two_row_header():
    (table,) = _tables(TAB_ROWS)
    assert table.headers == ["STT", "Nội dung", LEAD, PARTNER, "Thời hạn"]
    assert [r.cells[2] for r in table.rows] == ["Sở Xây dựng", "Sở Giao thông"]
    _, _, facts = _facts(TAB_ROWS)
    second = next(r for r in facts.responsibilities if r.start_line == 5)
    assert second.lead == ["Sở Giao thông"] and second.partners == ["Ủy ban nhân dân các xã"]


# ---------------------------------------------------------------- one cell per line

# What copying a Word table gives: each cell on a line starting with a tab, rows separated by
# blank lines, the merged cells kept as empty cells.
CELL_PER_LINE = "\n".join([
    "IV. DỰ TOÁN",
    "\tTT", "\tNội dung", "\tTổng kinh phí (triệu đồng)", "\tNguồn vốn", "\tNguồn vốn",
    "",
    "\t", "\t", "\t", "\tNgân sách tỉnh", "\tXã hội hóa",
    "",
    "\t1", "\tTập huấn cán bộ thư viện", "\t300", "\t200", "\t100",
    "",
    "\t2", "\tMua sách cho tủ sách xã", "\t500", "\t350", "\t150",
    "",
    "Kinh phí trên thực hiện trong năm 2027.",
])


def test_one_cell_per_line_with_a_two_row_header():
    (table,) = _tables(CELL_PER_LINE)
    assert table.headers == ["TT", "Nội dung", "Tổng kinh phí (triệu đồng)", "Nguồn vốn - Ngân sách tỉnh", "Nguồn vốn - Xã hội hóa"]
    assert [r.number for r in table.rows] == ["1", "2"]
    lines = CELL_PER_LINE.split("\n")
    first = table.rows[0]
    assert lines[first.start] == "\t1" and lines[first.end - 1] == "\t100"  # the row's own lines
    _, _, facts = _facts(CELL_PER_LINE)
    training = [b for b in facts.budget if b.item == "Tập huấn cán bộ thư viện"]
    assert {b.amount for b in training} == {"300"}
    assert training[0].funding == "Ngân sách tỉnh: 200; Xã hội hóa: 100"  # named by the sub-columns
    assert training[0].unit == "triệu đồng"


# A portal's table, one cell per line between bare "|" lines: an empty cell cannot be written,
# so the group cell is written once and the sub-header row holds only its sub-labels.
BARS = "\n".join([
    "V. NHIỆM VỤ CỤ THỂ",
    "|", "STT", "|", "Nội dung", "|", "Cơ quan thực hiện", "|", "Thời gian", "|",
    "|", "Chủ trì", "|", "Phối hợp", "|",
    "|", "1", "|", "Chỉnh lý tài liệu lưu trữ", "|", "Sở Nội vụ", "|", "Các sở, ngành", "|", "Năm 2027", "|",
    "|", "2", "|", "Số hóa hồ sơ đất đai", "|", "Sở Nông nghiệp và Môi trường", "|", "Ủy ban nhân dân các xã", "|", "Năm 2028", "|",
])


def test_bar_cells_with_a_narrow_sub_header_row():
    (table,) = _tables(BARS)
    assert table.headers == ["STT", "Nội dung", LEAD, PARTNER, "Thời gian"]
    assert len(table.rows) == 2
    _, _, facts = _facts(BARS)
    lands = next(r for r in facts.responsibilities if "đất đai" in r.task)
    assert lands.lead == ["Sở Nông nghiệp và Môi trường"] and lands.partners == ["Ủy ban nhân dân các xã"]
    assert lands.timeline == "Năm 2028"
    lines = BARS.split("\n")
    assert "Số hóa hồ sơ đất đai" in lines[lands.start_line - 1 : lands.end_line]  # cites its own lines


def _merged_header_facts(doc):
    view = LogicalView(doc.lines)
    (table,) = find_tables(view.lines)
    _, _, facts = read_document(doc, Chunker(), FactExtractor())
    return table, facts


def test_docx_merged_header_cells(tmp_path):
    """python-docx writes a horizontal merge once (gridSpan) and a vertical one as empty cells
    below: the loader's pipe rows are a narrow group row over a full sub-header row."""
    docx = pytest.importorskip("docx")
    from assistant.documents import load_file

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    t = d.add_table(rows=4, cols=5)
    for i, x in enumerate(["STT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian"]):
        t.cell(0, i).text = x
    t.cell(1, 2).text, t.cell(1, 3).text = "Chủ trì", "Phối hợp"
    t.cell(0, 2).merge(t.cell(0, 3))
    for c in (0, 1, 4):
        t.cell(0, c).merge(t.cell(1, c))
    for r, row in enumerate([["1", "Kiểm kê rừng", "Sở Nông nghiệp và Môi trường", "Các xã", "Năm 2027"],
                             ["2", "Trồng rừng ven biển", "Ban Quản lý rừng phòng hộ", "Ủy ban nhân dân các xã", "Năm 2028"]]):
        for i, x in enumerate(row):
            t.cell(r + 2, i).text = x
    path = tmp_path / "rung.docx"
    d.save(path)
    table, facts = _merged_header_facts(load_file(path, "rung.docx"))
    assert table.headers == ["STT", "Nội dung", LEAD, PARTNER, "Thời gian"]
    coast = next(r for r in facts.responsibilities if "ven biển" in r.task)
    assert coast.lead == ["Ban Quản lý rừng phòng hộ"] and coast.partners == ["Ủy ban nhân dân các xã"]


def test_html_rowspan_and_colspan_header(tmp_path):
    """An HTML header with colspan / rowspan: the group cell once, the sub-header row only its
    sub-labels."""
    from assistant.documents import load_file

    html = (
        "<html><body><p>KẾ HOẠCH</p><table>"
        "<tr><th rowspan='2'>STT</th><th rowspan='2'>Nội dung</th><th colspan='2'>Cơ quan thực hiện</th>"
        "<th rowspan='2'>Thời gian</th></tr><tr><th>Chủ trì</th><th>Phối hợp</th></tr>"
        "<tr><td>1</td><td>Kiểm kê rừng</td><td>Sở Nông nghiệp và Môi trường</td><td>Các xã</td><td>Năm 2027</td></tr>"
        "<tr><td>2</td><td>Trồng rừng ven biển</td><td>Ban Quản lý rừng phòng hộ</td><td>Ủy ban nhân dân các xã</td>"
        "<td>Năm 2028</td></tr></table></body></html>"
    )
    path = tmp_path / "rung.html"
    path.write_text(html, encoding="utf-8")
    table, facts = _merged_header_facts(load_file(path, "rung.html"))
    assert table.headers == ["STT", "Nội dung", LEAD, PARTNER, "Thời gian"]
    first = next(r for r in facts.responsibilities if r.task == "Kiểm kê rừng")
    assert first.lead == ["Sở Nông nghiệp và Môi trường"] and first.partners == ["Các xã"]


def test_three_header_rows():
    text = "\n".join([
        "| TT | Nội dung | Kinh phí | | | |",
        "| | | Trung ương | | Địa phương | |",
        "| | | Đầu tư | Sự nghiệp | Đầu tư | Sự nghiệp |",
        "| 1 | Xây dựng nhà văn hóa | 900 | 100 | 300 | 50 |",
        "| 2 | Trang bị thiết bị | | 200 | | 80 |",
    ])
    (table,) = _tables(text)
    assert table.headers == [
        "TT", "Nội dung", "Kinh phí - Trung ương - Đầu tư", "Kinh phí - Trung ương - Sự nghiệp",
        "Kinh phí - Địa phương - Đầu tư", "Kinh phí - Địa phương - Sự nghiệp",
    ]
    assert [r.cells[1] for r in table.rows] == ["Xây dựng nhà văn hóa", "Trang bị thiết bị"]


# ---------------------------------------------------------------- not sub-headers


def test_a_data_row_without_figures_is_not_a_sub_header():
    text = "\n".join([
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
        "| | Tuyên truyền trên báo tỉnh | Sở Văn hóa và Thể thao | Báo tỉnh | |",
        "| 1 | Tổ chức hội thi | Tỉnh đoàn | Sở Giáo dục và Đào tạo | Năm 2027 |",
    ])
    (table,) = _tables(text)
    assert table.headers == ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    assert len(table.rows) == 2


def test_a_group_row_is_not_a_sub_header():
    text = "\n".join([
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |",
        "| I | NHÓM NHIỆM VỤ VỀ THỂ CHẾ |",
        "| 1 | Ban hành quy chế | Sở Tư pháp | Các sở, ngành |",
    ])
    (table,) = _tables(text)
    assert table.headers == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert [r.number for r in table.rows] == ["I", "1"]


def test_single_row_header_is_unchanged():
    text = "\n".join([
        "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
        "|---|---|---|---|---|",
        "| 1 | Kiểm tra an toàn thực phẩm | Sở Y tế | Công an tỉnh | Quý II/2027 |",
        "| 2 | Tuyên truyền | Sở Văn hóa và Thể thao | Báo tỉnh | Hằng năm |",
    ])
    (table,) = _tables(text)
    assert table.headers == ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    assert table.columns == [[h] for h in table.headers]
    assert table.header_end == 1 and len(table.rows) == 2
    assert table.rows[1].render(table.headers) == (
        "TT: 2 | Nội dung: Tuyên truyền | Cơ quan chủ trì: Sở Văn hóa và Thể thao | Cơ quan phối hợp: Báo tỉnh"
        " | Thời gian: Hằng năm")


# ---------------------------------------------------------------- column numbers, repeated headers


def test_column_number_rows_are_skipped():
    for numbers in ("| (1) | (2) | (3) | (4) | (5) |", "| 1 | 2 | 3 | 4 | 5 |", "| A | B | 1 | 2 | 3=1+2 |"):
        text = "\n".join([
            "| TT | Nội dung | Năm 2026 | Năm 2027 | Tổng |",
            numbers,
            "| 1 | Tập huấn | 100 | 120 | 220 |",
            "| 2 | Truyền thông | 40 | 60 | 100 |",
        ])
        (table,) = _tables(text)
        assert [r.cells[1] for r in table.rows] == ["Tập huấn", "Truyền thông"], numbers
        assert table.headers[2] == "Năm 2026"


def test_column_numbers_under_a_two_row_header():
    text = "\n".join([
        "| STT | Nội dung | Cơ quan thực hiện | | Thời gian |",
        "| | | Chủ trì | Phối hợp | |",
        "| (1) | (2) | (3) | (4) | (5) |",
        "| 1 | Kiểm kê rừng | Sở Nông nghiệp và Môi trường | Các xã | Năm 2027 |",
    ])
    (table,) = _tables(text)
    assert table.headers[2:4] == [LEAD, PARTNER]
    assert len(table.rows) == 1 and table.rows[0].number == "1"


def test_a_data_row_of_small_numbers_far_from_the_header_stays():
    text = "\n".join([
        "| TT | Nội dung | Số lớp | Số ngày | Số người |",
        "| 1 | Tập huấn | 2 | 3 | 40 |",
        "| 1 | 2 | 3 | 4 | 5 |",
    ])
    (table,) = _tables(text)
    assert len(table.rows) == 2


def test_header_repeated_mid_table_is_skipped():
    text = "\n".join([
        "| STT | Nội dung | Cơ quan thực hiện | | Thời gian |",
        "| | | Chủ trì | Phối hợp | |",
        "| 1 | Rà soát quy hoạch | Sở Xây dựng | Các xã | Năm 2027 |",
        "| STT | Nội dung | Cơ quan thực hiện | | Thời gian |",
        "| | | Chủ trì | Phối hợp | |",
        "| (1) | (2) | (3) | (4) | (5) |",
        "| 2 | Cắm mốc giới | Sở Nông nghiệp và Môi trường | Công an tỉnh | Năm 2028 |",
    ])
    (table,) = _tables(text)
    assert [r.number for r in table.rows] == ["1", "2"]
    second = table.rows[1]
    assert second.start == 6 and second.end == 7  # its own line
    assert second.render(table.headers).startswith("STT: 2 | Nội dung: Cắm mốc giới | Cơ quan thực hiện - Chủ trì: Sở Nông")
    _, _, facts = _facts(text)
    assert [(r.start_line, r.lead, r.partners) for r in facts.responsibilities] == [
        (3, ["Sở Xây dựng"], ["Các xã"]),
        (7, ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"]),
    ]


def test_header_repeated_in_a_one_cell_per_line_table():
    header = ["\tTT", "\tNội dung", "\tKinh phí", "\tKinh phí", "", "\t", "\t", "\tNăm 2026", "\tNăm 2027", ""]
    text = "\n".join([
        *header,
        "\t1", "\tHội thi tìm hiểu pháp luật", "\t50", "\t60", "",
        *header,
        "\t(1)", "\t(2)", "\t(3)", "\t(4)", "",
        "\t2", "\tPhát hành tờ gấp", "\t20", "\t25",
    ])
    (table,) = _tables(text)
    assert table.headers == ["TT", "Nội dung", "Kinh phí - Năm 2026", "Kinh phí - Năm 2027"]
    assert [r.number for r in table.rows] == ["1", "2"]
    lines = text.split("\n")
    assert lines[table.rows[1].start] == "\t2" and lines[table.rows[1].end - 1] == "\t25"


def test_header_repeated_after_a_page_break_joins_the_pieces():
    text = "\n".join([
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |",
        "| 1 | Lập danh mục dữ liệu mở | Sở Khoa học và Công nghệ | Các sở, ngành |",
        "",
        "12",
        "",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |",
        "| 2 | Công bố dữ liệu mở | Văn phòng Ủy ban nhân dân tỉnh | Sở Khoa học và Công nghệ |",
    ])
    (table,) = _tables(text)
    assert [r.number for r in table.rows] == ["1", "2"]
    assert (table.rows[1].start, table.rows[1].end) == (6, 7)
    chunks = _table_chunks(text)
    assert len(chunks) == 1 and "TT: 2 | Nhiệm vụ: Công bố dữ liệu mở" in chunks[0].text
    assert "Nhiệm vụ: Nhiệm vụ" not in chunks[0].text


def test_a_piece_after_a_page_number_goes_on_under_the_same_columns():
    text = "\n".join([
        "| TT | Nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Lập danh mục dữ liệu | Sở Khoa học và Công nghệ |",
        "",
        "7",
        "",
        "| 2 | Công bố dữ liệu | Văn phòng Ủy ban nhân dân tỉnh |",
        "| 3 | Cập nhật dữ liệu | Các sở, ngành |",
    ])
    (table,) = _tables(text)
    assert table.headers == ["TT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert [(r.number, r.start) for r in table.rows] == [("1", 1), ("2", 5), ("3", 6)]


# ---------------------------------------------------------------- period columns

PERIODS = """KẾ HOẠCH
Phát triển văn hóa đọc giai đoạn 2026 - 2030

II. CHỈ TIÊU

| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Giai đoạn 2026-2030 |
|---|---|---|---|---|
| 1 | Tỷ lệ xã có tủ sách cộng đồng | % | 60 | 80 |
| 2 | Số thư viện trường học đạt chuẩn | thư viện | 120 | 200 |
"""


def test_period_columns_stay_attached_to_each_value():
    (table,) = _tables(PERIODS)
    row = table.rows[0].render(table.headers)
    assert "Năm 2025: 60" in row and "Giai đoạn 2026-2030: 80" in row
    chunks = _table_chunks(PERIODS)
    assert any("Giai đoạn 2026-2030: 80" in c.text for c in chunks)
    _, _, facts = _facts(PERIODS)
    got = [(t.start_line, t.value, t.period) for t in facts.targets if t.indicator == "Tỷ lệ xã có tủ sách cộng đồng"]
    assert got == [(8, "60%", "2025"), (8, "80%", "2026-2030")]


def test_period_sub_header_under_a_group():
    text = "\n".join([
        "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | |",
        "| | | | Năm 2027 | 2028-2030 |",
        "| 1 | Tỷ lệ hộ dùng nước sạch | % | 85 | 95 |",
    ])
    (table,) = _tables(text)
    assert table.headers[3:] == ["Mục tiêu - Năm 2027", "Mục tiêu - 2028-2030"]
    row = table.rows[0].render(table.headers)
    assert "Mục tiêu - Năm 2027: 85" in row and "Mục tiêu - 2028-2030: 95" in row
    _, _, facts = _facts(text)
    assert [(t.indicator, t.value, t.period) for t in facts.targets] == [
        ("Tỷ lệ hộ dùng nước sạch", "85%", "2027"), ("Tỷ lệ hộ dùng nước sạch", "95%", "2028-2030"),
    ]


def test_year_sub_labels_under_one_name_columns():
    text = "\n".join([
        "| STT | Chỉ tiêu | Kế hoạch | Thực hiện |",
        "| | | Năm 2026 | Năm 2026 |",
        "| 1 | Số lớp tập huấn | 10 | 12 |",
    ])
    (table,) = _tables(text)
    assert table.headers == ["STT", "Chỉ tiêu", "Kế hoạch - Năm 2026", "Thực hiện - Năm 2026"]
    assert len(table.rows) == 1


def test_bare_year_headers_one_cell_per_line():
    text = "\n".join([
        "\tTT", "\tChỉ tiêu", "\t2026", "\t2030",
        "",
        "\t1", "\tSố điểm truy cập internet công cộng", "\t40", "\t75",
        "",
        "\t2", "\tSố xã có đài truyền thanh thông minh", "\t30", "\t90",
    ])
    (table,) = _tables(text)
    assert table.headers == ["TT", "Chỉ tiêu", "2026", "2030"]
    assert table.rows[1].render(table.headers).endswith("2026: 30 | 2030: 90")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    """The invented plans indexed with the hash embedder (no model)."""
    from conftest import hash_assistant

    return hash_assistant(tmp_path_factory.mktemp("table-headers"), {
        "van-hoa-doc.txt": PERIODS,
        "thu-vien.txt": PIPE_EMPTY_SPAN,
        "luu-tru.txt": "KẾ HOẠCH\nSố hóa tài liệu lưu trữ năm 2027\n\n" + BARS,
    })


def test_a_question_about_a_period_finds_its_cell(assistant):
    answer = assistant.ask("Tỷ lệ xã có tủ sách cộng đồng giai đoạn 2026-2030 là bao nhiêu?")
    assert not answer.abstained
    assert "Giai đoạn 2026-2030: 80" in answer.text
    cite = answer.citations[0]
    assert (cite.source, cite.start_line, cite.end_line) == ("van-hoa-doc.txt", 8, 8)  # the row's own line


def test_lead_and_partner_questions_read_the_sub_columns(assistant):
    lead = assistant.ask("Cơ quan nào chủ trì khảo sát nhu cầu đọc của người dân?")
    assert "Sở Văn hóa và Thể thao" in lead.text
    assert (lead.citations[0].source, lead.citations[0].start_line) == ("thu-vien.txt", 9)
    partner = assistant.ask("Số hóa hồ sơ đất đai do cơ quan nào phối hợp?")
    assert "Ủy ban nhân dân các xã" in partner.text
    cite = partner.citations[0]
    lines = ("KẾ HOẠCH\nSố hóa tài liệu lưu trữ năm 2027\n\n" + BARS).split("\n")
    assert cite.source == "luu-tru.txt" and "Số hóa hồ sơ đất đai" in lines[cite.start_line - 1 : cite.end_line]
    assert cite.end_line - cite.start_line <= 10  # the row's lines, not the table's


def test_a_row_without_its_number_cell_is_not_shifted():
    """A copy that drops empty cells: a row whose number cell is missing starts with the task."""
    text = "\n".join([
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
        "|---|---|---|---|---|",
        "| 1 | Xây dựng kho dữ liệu số của tỉnh | Sở Khoa học và Công nghệ | Các sở, ngành | Năm 2026 |",
        "| Sao lưu dữ liệu và phục hồi hệ thống sau sự cố | Sở Khoa học và Công nghệ | Sở Tài chính |",
        "| II. NHÓM NHIỆM VỤ VỀ NHÂN LỰC |",
    ])
    (table,) = _tables(text)
    row = table.rows[1]
    assert row.cell(table.headers, "Nhiệm vụ").startswith("Sao lưu dữ liệu")
    assert row.cell(table.headers, "chủ trì") == "Sở Khoa học và Công nghệ"
    assert row.cell(table.headers, "phối hợp") == "Sở Tài chính"
    assert table.rows[2].cells[0].startswith("II.")  # a group row stays as it is
