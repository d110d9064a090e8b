"""The document model (structure.py) on each layout plans reach us in.

The fixtures are small texts written from the layout rules of Nghị định 30/2020/NĐ-CP (header
block, "Số:", place and date, type name, outline, signature block) in the forms that copying
from portals, Word and PDF produces; none is a copy of a real file.
"""

from __future__ import annotations

from assistant.chunking import Chunker
from assistant.documents import extract_metadata, signature_name
from assistant.facts import FactExtractor
from assistant.structure import LogicalView, logical_lines, plain, read_document
from assistant.tables import find_tables
from assistant.types import Document

# Header and signature blocks written one table cell per line between bare "|" lines, body
# paragraphs hard-wrapped and separated by blank lines, Markdown emphasis.
CELLS = """|
**ỦY BAN NHÂN DÂN
TỈNH AN GIANG**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
|
Số: 77/KH-UBND
|
*An Giang, ngày 05
tháng 3 năm 2026*
|

**KẾ HOẠCH**

PHÁT TRIỂN THƯ VIỆN SỐ TRÊN ĐỊA BÀN TỈNH
GIAI ĐOẠN 2026 - 2030

**I. MỤC
TIÊU**

- Đến năm 2030, phấn đấu 90% thư viện
cấp xã được kết nối với thư viện số của tỉnh.

**II. NHIỆM VỤ**

- Xây dựng nền tảng thư viện số
dùng chung cho các thư viện công cộng.

*Đơn vị chủ trì thực
hiện: *Sở Văn hóa, Thể thao và Du lịch.

*Đơn vị phối hợp: *Sở Khoa học
và Công nghệ.

*Thời gian thực hiện: *Quý
IV/2026.

|
Nơi nhận:
- Như trên;
- Lưu: VT.
|
**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**
**Lâm Văn Sơn**
|"""


def test_wrapped_paragraphs_are_joined_and_keep_their_lines():
    view = LogicalView(CELLS.split("\n"))
    goal = next(e for e in view.entries if "90% thư viện" in e.text)
    assert goal.text == "- Đến năm 2030, phấn đấu 90% thư viện cấp xã được kết nối với thư viện số của tỉnh."
    lines = CELLS.split("\n")
    assert lines[goal.start - 1].startswith("- Đến năm 2030") and lines[goal.end - 1].startswith("cấp xã")
    heading = next(e for e in view.entries if e.text.startswith("I."))
    assert heading.text == "I. MỤC TIÊU" and heading.end == heading.start + 1


def test_cell_tables_become_rows_that_tile_their_lines():
    view = LogicalView(CELLS.split("\n"))
    rows = [e for e in view.entries if e.kind == "row"]
    assert rows[0].text.startswith("| ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA")
    assert rows[1].text == "| Số: 77/KH-UBND | An Giang, ngày 05 tháng 3 năm 2026 |"
    assert rows[0].start == 1 and rows[1].start == rows[0].end + 1  # the bars belong to the rows
    assert view.cells(view.entries.index(rows[1]) + 1) == ["Số: 77/KH-UBND", "An Giang, ngày 05 tháng 3 năm 2026"]
    # every physical line maps to a logical line
    assert all(1 <= view.at(p) <= len(view.entries) for p in range(1, len(CELLS.split("\n")) + 1))


def test_header_and_signature_cells_give_the_metadata():
    meta = extract_metadata(LogicalView(CELLS.split("\n")).text)
    assert meta.number == "77/KH-UBND"
    assert meta.date == "05/03/2026"
    assert meta.signer == "Lâm Văn Sơn"
    assert meta.province == "An Giang"
    assert meta.kind == "kế hoạch"
    assert meta.period == "2026-2030"
    assert meta.title.startswith("Kế hoạch phát triển thư viện số")


def test_read_document_cites_the_files_own_lines():
    doc = Document("an-giang.txt", CELLS, "x")
    meta, chunks, facts = read_document(doc, Chunker(), FactExtractor())
    lines = CELLS.split("\n")
    a, b = meta.lines["signer"]
    assert "Lâm Văn Sơn" in " ".join(lines[a - 1 : b]) and b - a <= 2  # the name's own lines, not the whole cell
    assert all(1 <= c.start_line <= c.end_line <= len(lines) for c in chunks)
    task = next(r for r in facts.responsibilities if r.partners)
    assert task.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert task.partners == ["Sở Khoa học và Công nghệ"]
    assert task.timeline.startswith("Quý IV/2026")
    assert "nền tảng thư viện số" in task.task
    cited = " ".join(lines[task.start_line - 1 : task.end_line])
    assert "Xây dựng nền tảng" in cited and "Quý" in cited  # the task with all its labels


# A task table written one cell per line: its rows keep their column headers.
TASK_TABLE = """Số: 12/KH-UBND

**PHỤ LỤC**

|
STT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian hoàn thành
|
|
I. NHÓM NHIỆM VỤ CHUNG
|
|
1
|
Số hóa tài liệu
lưu trữ lịch sử
|
Sở Nội vụ
|
Các sở, ngành
|
Năm 2027
|
|
2
|
Xây dựng kho dữ liệu mở
|
Sở Khoa học và Công nghệ
|
Sở Tài chính
|
Quý II/2027
|"""


def test_cell_per_line_task_table_rows_have_headers_and_facts():
    view = LogicalView(TASK_TABLE.split("\n"))
    tables = find_tables(view.lines)
    assert len(tables) == 1
    table = tables[0]
    assert table.headers[:3] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert [r.cells[1] for r in table.rows if len(r.cells) > 1] == ["Số hóa tài liệu lưu trữ lịch sử", "Xây dựng kho dữ liệu mở"]
    _, _, facts = read_document(Document("t.txt", TASK_TABLE, "x"), Chunker(), FactExtractor())
    first = next(r for r in facts.responsibilities if r.lead == ["Sở Nội vụ"])
    assert first.partners == ["Các sở, ngành"] and first.timeline == "Năm 2027"
    lines = TASK_TABLE.split("\n")
    assert "Số hóa tài liệu" in " ".join(lines[first.start_line - 1 : first.end_line])


# Markdown: headings, a pipe table with its separator row, a portal's catalogue block.
MARKDOWN = """# QUYẾT ĐỊNH Phê duyệt Đề án phát triển du lịch tỉnh Kon Tum giai đoạn 2026 - 2030

Số hiệu: 45/QĐ-UBND
Ngày ban hành: 12/01/2026
Người ký: Trần Minh Châu

## Điều 1. Phê duyệt Đề án

| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
|---|---|---|---|
| 1 | Quảng bá điểm đến | Sở Văn hóa, Thể thao và Du lịch | Các huyện |
| 2 | Đào tạo hướng dẫn viên | Sở Nội vụ | Trường Cao đẳng Cộng đồng |
"""


def test_markdown_pipe_table_and_portal_block():
    lines = MARKDOWN.split("\n")
    view = LogicalView(lines)
    assert "Số hiệu: 45/QĐ-UBND" in view.lines and "Người ký: Trần Minh Châu" in view.lines  # never joined
    meta = extract_metadata(view.text)
    assert (meta.number, meta.date, meta.signer) == ("45/QĐ-UBND", "12/01/2026", "Trần Minh Châu")
    table = find_tables(view.lines)[0]
    assert table.headers == ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    assert len(table.rows) == 2  # the separator row neither ends the table nor becomes a row
    _, _, facts = read_document(Document("k.md", MARKDOWN, "x"), Chunker(), FactExtractor())
    second = next(r for r in facts.responsibilities if r.lead == ["Sở Nội vụ"])
    assert second.task == "Đào tạo hướng dẫn viên" and lines[second.start_line - 1].startswith("| 2 |")


# A decision with the plan attached after its signature, header and signature as pipe rows,
# one paragraph per line (no hard wraps, no blank separators).
DECISION = """| ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 301/QĐ-UBND | Phú Yên, ngày 09 tháng 02 năm 2024 |
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH NĂM 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
| Nơi nhận: - Như Điều 2; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đào Thị Mai |
|---|---|
KẾ HOẠCH
PHÒNG, CHỐNG DỊCH BỆNH NĂM 2024 (Kèm theo Quyết định số 301/QĐ-UBND ngày 09/02/2024 của Chủ tịch Ủy ban nhân dân tỉnh)
I. MỤC TIÊU
Giảm 10% số ca mắc so với năm 2023.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch này."""


def test_one_paragraph_per_line_is_left_as_it_is():
    lines = DECISION.split("\n")
    entries = logical_lines(lines)
    assert [e.text for e in entries] == [plain(x) for x in lines]
    assert all(e.start == e.end for e in entries)


def test_decision_with_attached_plan():
    meta = extract_metadata(LogicalView(DECISION.split("\n")).text)
    assert meta.number == "301/QĐ-UBND"
    assert meta.date == "09/02/2024"
    assert meta.signer == "Đào Thị Mai"
    assert meta.kind == "quyết định"
    assert meta.province == "Phú Yên"
    assert meta.years == [2024]


def test_signature_name_reads_the_block_on_one_line():
    assert signature_name("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An") == "Nguyễn Văn An"
    assert signature_name("CHỦ TỊCH (Đã ký) Lê Thị Hoa") == "Lê Thị Hoa"
    assert signature_name("Nơi nhận: Như trên; Lưu VT") == ""
    assert signature_name("Phát triển Du lịch Cộng đồng") == ""  # a title-case phrase without a title before it


# Tab-separated rows, one per line, and a title that names another document's date.
TABS = """KẾ HOẠCH
Thực hiện Chỉ thị số 05/CT-TTg ngày 07 tháng 3 năm 2024 của Thủ tướng Chính phủ về an toàn giao thông

Báo cáo kết quả năm 2025 như sau, các chỉ tiêu
được tổng hợp trong bảng:

STT\tChỉ tiêu\tKế hoạch năm 2025\tThực hiện năm 2025
1\tSố vụ tai nạn giảm\t5%\t7%
2\tSố người bị thương giảm\t5%\t4%
"""


def test_tab_rows_stay_rows_and_dates_of_cited_documents_are_not_the_period():
    view = LogicalView(TABS.split("\n"))
    assert "STT\tChỉ tiêu\tKế hoạch năm 2025\tThực hiện năm 2025" in view.lines
    assert "Báo cáo kết quả năm 2025 như sau, các chỉ tiêu được tổng hợp trong bảng:" in view.lines
    table = find_tables(view.lines)[0]
    assert table.headers[3] == "Thực hiện năm 2025" and len(table.rows) == 2
    meta = extract_metadata(view.text)
    assert 2024 not in meta.years  # "ngày 07 tháng 3 năm 2024" dates the Chỉ thị, not this plan


# Laws are documents too: their type name, and no province read from a common noun.
CONSTITUTION = """HIẾN PHÁP
NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Nhân dân Việt Nam xây dựng, bảo vệ Tổ quốc vì hòa bình và độc lập dân tộc.

Chương I
CHẾ ĐỘ CHÍNH TRỊ

Điều 1. Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước độc lập, có chủ quyền."""


def test_laws_have_their_kind_and_no_province_from_a_noun():
    meta = extract_metadata(LogicalView(CONSTITUTION.split("\n")).text)
    assert meta.kind == "hiến pháp"
    assert meta.province == ""  # "hòa bình" (peace) is not the province Hòa Bình
    law = extract_metadata("LUẬT\nBẢO VỆ MÔI TRƯỜNG\n\nĐiều 1. Phạm vi điều chỉnh")
    assert law.kind == "luật" and law.title == "Luật bảo vệ môi trường"


def test_a_sentence_cut_by_a_pdf_page_break_is_one_logical_line():
    """A PDF copy: the paragraph breaks off, a page number and the running header follow, and the
    sentence goes on in lower case. The break's lines belong to the span, not to the text."""
    header = "Kế hoạch phát triển thư viện số tỉnh X năm 2026"
    lines = [
        "KẾ HOẠCH", "", header, "", "I. MỤC TIÊU", "",
        "a) Năm 2026: số hóa 12.000 đầu sách; tỷ lệ trường học có thư viện",
        "", "2", header, "",
        "số đạt 60%, trong đó khu vực miền núi đạt 40%.",
        "", "b) Năm 2027: số hóa 15.000 đầu sách.", "", "3", header, "",
        "II. NHIỆM VỤ", "", "1. Sở Giáo dục và Đào tạo chủ trì.", "",
    ]
    view = LogicalView(lines)
    cut = next(e for e in view.entries if e.text.startswith("a) Năm 2026"))
    assert cut.text.endswith("có thư viện số đạt 60%, trong đó khu vực miền núi đạt 40%.")
    assert (cut.start, cut.end) == (7, 12)
    after = next(e for e in view.entries if e.text.startswith("b) Năm 2027"))
    assert after.text == "b) Năm 2027: số hóa 15.000 đầu sách."  # a sentence that ended is not joined over a break
    assert any(e.text == "II. NHIỆM VỤ" for e in view.entries)
    # the page number and the running header between pages are no text of their own
    assert not any(e.text in ("2", "3", header) for e in view.entries[3:])
    assert view.entries[2].text == header  # the same words as the document's title stay there


def test_a_sentence_that_goes_on_with_a_figure_after_a_page_break_is_joined():
    header = "Kế hoạch phát triển thư viện số tỉnh X năm 2026"
    lines = ["KẾ HOẠCH", header, "I. MỤC TIÊU",
             "c) Tỷ lệ thư viện được số hóa đạt 50% vào năm 2026 và đạt trên", "2", header,
             "80% vào năm 2030; không còn thư viện giấy.", "d) Năm 2027: số hóa 15.000 đầu sách.",
             "3", header, "2. Nhiệm vụ", "Sở Giáo dục và Đào tạo chủ trì."]
    view = LogicalView(lines)
    cut = next(e for e in view.entries if e.text.startswith("c) Tỷ lệ"))
    assert cut.text.endswith("đạt trên 80% vào năm 2030; không còn thư viện giấy.")
    # an outline number after a break starts its own line
    assert any(e.text == "2. Nhiệm vụ" for e in view.entries)


def test_a_table_flattened_one_cell_per_line_becomes_rows():
    from assistant.structure import LogicalView
    from assistant.tables import find_tables

    lines = ("Chỉ tiêu cụ thể như sau:\n\nChỉ tiêu\nĐơn vị tính\nNăm 2026\nNăm 2030\n\n"
             "Diện tích trồng chè\nha\n450\n1.200\n\nSố hợp tác xã\nhợp tác xã\n8\n25\n\nHết bảng.").split("\n")
    view = LogicalView(lines)
    tables = find_tables(view.lines)
    assert len(tables) == 1
    rows = [r.render(tables[0].headers) for r in tables[0].rows]
    assert rows[0].startswith("Chỉ tiêu: Diện tích trồng chè") and "Năm 2030: 1.200" in rows[0]
    assert "Năm 2026: 8" in rows[1]  # "8" is a cell, not a page number


def test_short_blocks_without_figures_are_not_a_table():
    from assistant.structure import LogicalView
    from assistant.tables import find_tables

    lines = "Mục đích\nYêu cầu\nNội dung\n\nTuyên truyền\nVận động\nKiểm tra\n\nBáo cáo\nTổng hợp\nĐánh giá".split("\n")
    assert find_tables(LogicalView(lines).lines) == []


def test_a_pdf_task_table_with_one_cell_over_several_lines_becomes_rows():
    from assistant.structure import LogicalView
    from assistant.tables import find_tables

    header = "KH số 9/KH-UBND tỉnh Bắc Kạn - Trồng rừng gỗ lớn"
    lines = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Rà soát quỹ đất trồng rừng gỗ lớn", "theo từng xã", "Sở Nông nghiệp và Môi", "trường", "Sở Tài chính; UBND các", "xã", "Quý II/2026",
             "2", "Xây dựng cơ sở dữ liệu rừng trồng", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi", "4", header, "trường", "2026 - 2030",
             "3", "Hỗ trợ cấp chứng chỉ rừng", "Sở Nông nghiệp và Môi", "trường", "Hội Nông dân tỉnh", "Hằng năm", "", "Hết phụ lục."]
    # earlier pages carry the running header too
    lines = ["KẾ HOẠCH", "Trồng rừng gỗ lớn", "Nội dung.", "2", header, "Nội dung tiếp.", "3", header] + lines
    tables = find_tables(LogicalView(lines).lines)
    assert len(tables) == 1
    rows = [r.cells for r in tables[0].rows]
    assert rows[0] == ["1", "Rà soát quỹ đất trồng rừng gỗ lớn theo từng xã", "Sở Nông nghiệp và Môi trường", "Sở Tài chính; UBND các xã", "Quý II/2026"]
    # the page number and running header inside row 2 are not its text
    assert rows[1] == ["2", "Xây dựng cơ sở dữ liệu rừng trồng", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "2026 - 2030"]
    assert rows[2][-1] == "Hằng năm"
