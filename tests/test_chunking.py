"""Chunking: exact line spans, whole lines, coverage, heading paths, tables, headers, ids."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.chunking import Chunker, chunk_id, context_header, heading_level, is_caps_heading
from assistant.tables import find_tables
from assistant.types import Document

from conftest import ALL_SOURCES, BEN_TRE, LANG_SON, TAY_NINH, TPHCM, VINH_PHUC, find_line


@pytest.fixture(scope="module")
def chunks(documents):
    chunker = Chunker()
    return {source: chunker.run(doc) for source, doc in documents.items()}


def _containing(chunk_list, text, kind=None):
    found = [c for c in chunk_list if text in c.text and (kind is None or c.kind == kind)]
    assert found, f"no chunk contains {text!r}"
    return found


def _table_lines(doc) -> set[int]:
    return {i + 1 for t in find_tables(doc.lines) for i in range(t.start, t.end)}


# ------------------------------------------------------------------ line spans


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_spans_are_valid(documents, chunks, source):
    n_lines = len(documents[source].lines)
    assert chunks[source], "no chunks"
    for c in chunks[source]:
        assert c.source == source
        assert 1 <= c.start_line <= c.end_line <= n_lines, (c.start_line, c.end_line)
        assert c.text.strip()
        assert c.kind in ("text", "table")


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_text_chunk_is_exactly_its_lines(documents, chunks, source):
    lines = documents[source].lines
    for c in chunks[source]:
        if c.kind == "text":
            assert c.text == "\n".join(lines[c.start_line - 1 : c.end_line])
            # A chunk neither starts nor ends on a blank line.
            assert lines[c.start_line - 1].strip() and lines[c.end_line - 1].strip()


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_every_line_outside_tables_is_in_exactly_one_text_chunk(documents, chunks, source):
    doc = documents[source]
    in_tables = _table_lines(doc)
    count: dict[int, int] = {}
    for c in chunks[source]:
        if c.kind == "text":
            for n in range(c.start_line, c.end_line + 1):
                count[n] = count.get(n, 0) + 1
    for n, line in enumerate(doc.lines, 1):
        if n in in_tables:
            assert n not in count, f"table line {n} also in a text chunk"
        elif line.strip():
            assert count.get(n) == 1, f"line {n} covered {count.get(n, 0)} times: {line[:60]!r}"


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_text_chunks_do_not_overlap_and_are_ordered(chunks, source):
    spans = [(c.start_line, c.end_line) for c in chunks[source] if c.kind == "text"]
    assert spans == sorted(spans)
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        assert b1 < a2


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_chunk_sizes_are_bounded(chunks, source):
    chunker = Chunker()
    for c in chunks[source]:
        if c.kind == "text" and c.start_line != c.end_line:
            # A multi-line chunk stays near the limit (a short heading may be carried along).
            assert len(c.text) <= chunker.max_chars + 200, (c.start_line, c.end_line, len(c.text))


def test_a_long_line_is_never_cut(documents, chunks):
    doc = documents[LANG_SON]
    longest = max(range(len(doc.lines)), key=lambda i: len(doc.lines[i])) + 1
    assert len(doc.lines[longest - 1]) > Chunker().max_chars
    holders = [c for c in chunks[LANG_SON] if c.start_line <= longest <= c.end_line]
    assert len(holders) == 1
    assert doc.lines[longest - 1] in holders[0].text


def test_smaller_limit_gives_more_chunks_with_the_same_coverage(documents):
    doc = documents[TAY_NINH]
    small = Chunker(max_chars=400, min_chars=100).run(doc)
    default = Chunker().run(doc)
    assert len(small) > len(default)
    covered = {n for c in small for n in range(c.start_line, c.end_line + 1)}
    assert all(n in covered for n, line in enumerate(doc.lines, 1) if line.strip())
    for c in small:
        assert c.text == "\n".join(doc.lines[c.start_line - 1 : c.end_line])


# ------------------------------------------------------------------ heading paths


def test_tay_ninh_lead_line_has_its_task_in_the_heading_path(documents, chunks):
    line = "- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội, Sở Nội vụ;"
    n = find_line(TAY_NINH, line)
    (chunk,) = [c for c in chunks[TAY_NINH] if c.start_line <= n <= c.end_line]
    assert "4. Tập huấn, bồi dưỡng nâng cao năng lực cán bộ làm công tác xã hội" in chunk.heading_path
    assert chunk.heading_path[0] == "III. CÁC NHIỆM VỤ"
    assert "4. Tập huấn, bồi dưỡng nâng cao năng lực cán bộ làm công tác xã hội" in chunk.header


def test_tay_ninh_partner_line_has_its_task_in_the_heading_path(chunks):
    n = find_line(TAY_NINH, "Cơ quan phối hợp: Sở Xây dựng, Sở Kế hoạch và Đầu tư")
    (chunk,) = [c for c in chunks[TAY_NINH] if c.kind == "text" and c.start_line <= n <= c.end_line]
    assert "2. Hoạt động phát triển mạng lưới và nâng cao năng lực" in chunk.heading_path


def test_tay_ninh_finance_duty_is_under_organisation(chunks):
    n = find_line(TAY_NINH, "tham mưu Ủy ban nhân dân tỉnh phân bổ kinh phí")
    (chunk,) = [c for c in chunks[TAY_NINH] if c.start_line <= n <= c.end_line]
    assert chunk.heading_path[0] == "V. TỔ CHỨC THỰC HIỆN"
    # The agency heading travels with its duty.
    assert "4. Sở Tài chính" in chunk.text or any("Sở Tài chính" in h for h in chunk.heading_path)


def test_vinh_phuc_2025_target_chunk_says_2025(chunks):
    n = find_line(VINH_PHUC, "đạt tối thiểu 60% số cơ sở y tế, cơ sở giáo dục")
    (chunk,) = [c for c in chunks[VINH_PHUC] if c.start_line <= n <= c.end_line]
    assert "2025" in chunk.header
    assert any("2.1. Từ năm 2021 đến năm 2025" in h for h in chunk.heading_path)


def test_vinh_phuc_2030_target_chunk_is_in_the_2026_2030_section(chunks):
    n = find_line(VINH_PHUC, "đạt tối thiểu 80% số cơ sở y tế, cơ sở giáo dục")
    (chunk,) = [c for c in chunks[VINH_PHUC] if c.start_line <= n <= c.end_line]
    assert "2026" in chunk.header
    assert "2.1. Từ năm 2021 đến năm 2025" not in chunk.header
    assert "60%" not in chunk.text  # the 2025 figure is another chunk


def test_lang_son_part_heading_is_completed_by_its_caps_title(chunks):
    n = find_line(LANG_SON, "tập huấn kĩ năng công tác xã hội cho 1.768 lượt cán bộ")
    (chunk,) = [c for c in chunks[LANG_SON] if c.start_line <= n <= c.end_line]
    assert chunk.heading_path[0].startswith("Phần thứ nhất ĐÁNH GIÁ TÌNH HÌNH")


def test_masthead_is_not_a_section(chunks):
    first = chunks[VINH_PHUC][0]
    assert first.start_line == 1
    assert first.heading_path == []  # "ỦY BAN NHÂN DÂN", "KẾ HOẠCH" ... are not sections


# ------------------------------------------------------------------ tables


def test_ben_tre_table_rows_keep_their_column_headers(chunks):
    (chunk,) = _containing(chunks[BEN_TRE], "Hỗ trợ tiền ăn", kind="table")
    assert "25.000 đồng/ngày" in chunk.text
    row = [r for r in chunk.text.split("\n") if "Hỗ trợ tiền ăn" in r][0]
    assert "Diễn giải: 25.000 đồng/ngày, 20 ngày với 100 người" in row
    assert "Tổng kinh phí (1.000đ): 50.000" in row
    assert "Trong đó - Địa phương (1.000đ): 50.000" in row  # the group header over its sub-header
    # An unnumbered sub-row names the item it belongs to.
    assert "2.2" in row
    assert "Bảng:" in chunk.header and "Diễn giải" in chunk.header


def test_ben_tre_table_covers_every_row_once(documents, chunks):
    doc = documents[BEN_TRE]
    (table,) = find_tables(doc.lines)
    table_chunks = [c for c in chunks[BEN_TRE] if c.kind == "table"]
    assert len(table_chunks) >= 2  # a long table is split between top-level rows
    for row in table.rows:
        holders = [c for c in table_chunks if c.start_line <= row.start + 1 and row.end <= c.end_line]
        assert len(holders) == 1, (row.start + 1, row.cells[:2])
    # Header rows are named in every chunk's header; the chunks span the data rows.
    assert table_chunks[0].start_line == table.rows[0].start + 1 == find_line(BEN_TRE, "Xây dựng thí điểm Trung tâm") - 1
    assert table_chunks[-1].end_line == table.rows[-1].end


def test_ben_tre_table_row_citation_lines_point_at_the_row(documents, chunks):
    doc = documents[BEN_TRE]
    n = find_line(BEN_TRE, "Tuyên truyền trên Báo Đồng Khởi", after="DỰ TOÁN\nCHI TIẾT")
    (chunk,) = [c for c in chunks[BEN_TRE] if c.kind == "table" and c.start_line <= n <= c.end_line]
    assert "Tuyên truyền trên Báo Đồng Khởi | Tổng kinh phí (1.000đ): 24.000" in chunk.text
    assert "12 kỳ, 2.000.000 đồng/kỳ" in chunk.text
    assert doc.lines[n - 1].strip() == "- Tuyên truyền trên Báo Đồng Khởi"


def test_grand_total_row_does_not_belong_to_the_last_item(chunks):
    (chunk,) = _containing(chunks[BEN_TRE], "Tổng cộng", kind="table")
    row = [r for r in chunk.text.split("\n") if "Tổng cộng" in r][0]
    assert "2.904.360" in row
    assert "thuộc mục" not in row


def test_tab_separated_rows_are_a_table():
    lines = ["Bảng kinh phí", "STT\tHoạt động\tKinh phí", "1\tTập huấn\t120.000", "2\tTruyền thông\t20.000", "", "Hết."]
    (table,) = find_tables(lines)
    assert table.headers == ["STT", "Hoạt động", "Kinh phí"]
    assert [r.cells[1] for r in table.rows] == ["Tập huấn", "Truyền thông"]
    assert table.rows[0].render(table.headers) == "STT: 1 | Hoạt động: Tập huấn | Kinh phí: 120.000"


# ------------------------------------------------------------------ contextual header


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_header_names_the_document_and_province(documents, chunks, source):
    meta = documents[source].meta
    for c in chunks[source]:
        assert c.header.startswith(meta.title)
        assert meta.province in c.header
        if c.heading_path:
            assert " › ".join(c.heading_path) in c.header
        assert c.indexed_text.startswith(c.header) and c.indexed_text.endswith(c.text)


def test_header_adds_number_and_period_when_the_title_lacks_them(documents, chunks):
    assert "3721/KH-UBND" in chunks[BEN_TRE][0].header
    assert "2030" in chunks[TPHCM][0].header
    header = context_header(documents[TAY_NINH], ["I. MỤC ĐÍCH, YÊU CẦU"])
    assert header.split("\n") == [documents[TAY_NINH].meta.title, "I. MỤC ĐÍCH, YÊU CẦU"]


# ------------------------------------------------------------------ heading levels



@pytest.mark.parametrize(
    "line, level",
    [
        ("Phần thứ nhất", 1),
        ("PHẦN II", 1),
        ("Chương I", 1),
        ("CHƯƠNG 2. TỔ CHỨC THỰC HIỆN", 1),
        ("Mục 2", 2),
        ("I. MỤC TIÊU", 2),
        ("IV. KINH PHÍ THỰC HIỆN", 2),
        ("Điều 5. Hiệu lực thi hành", 3),
        ("1. Mục tiêu chung", 3),
        ("2. Mục tiêu cụ thể.", 3),
        ("2.1. Từ năm 2021 đến năm 2025", 4),
        ("4.5. Sở Thông tin và Truyền thông: Chủ trì", 4),
        ("3.2.1 Duy trì lớp", 5),
        ("2.1.1. Chỉ tiêu", 5),
        ("a) Nội dung:", 6),
        ("đ) Nhiệm vụ", 6),
    ],
)
def test_heading_level(line, level):
    assert heading_level(line) == level


@pytest.mark.parametrize("line", ["* Cấp tỉnh:", "* Cấp huyện:"])
def test_starred_group_label_is_a_heading(line):
    # "* Cấp tỉnh:" groups the items under it; its exact level is the outline's business.
    level = heading_level(line)
    assert level is not None and level > heading_level("I. MỤC TIÊU")


@pytest.mark.parametrize(
    "line",
    [
        "- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội;",
        "+ Trung tâm Bảo trợ xã hội tỉnh đổi thành Cơ sở Bảo trợ xã hội tổng hợp tỉnh",
        "• Tập huấn cán bộ",
        "* Tuyên truyền trên báo, đài phát thanh và truyền hình của tỉnh trong cả năm 2012 nhằm nâng cao nhận thức",
        "2.904.360.000 đồng",
        "1.768 lượt cán bộ",
        "2021 - 2030",
        "Vĩnh Phúc, ngày 05 tháng 04 năm 2021",
        "\t1",
        "\tHoạt động",
        "",
        "Nâng cao nhận thức của các cấp, các ngành.",
    ],
)
def test_bullets_numbers_and_body_text_are_not_headings(line):
    assert heading_level(line) is None


def test_caps_heading():
    assert is_caps_heading("DỰ TOÁN")
    assert is_caps_heading("ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN CHƯƠNG TRÌNH")
    assert not is_caps_heading("KT.")
    assert not is_caps_heading("Kế hoạch")
    assert not is_caps_heading("\tDIỄN GIẢI")


# ------------------------------------------------------------------ ids


def test_chunk_ids_are_deterministic_and_unique(documents, chunks):
    again = {source: Chunker().run(doc) for source, doc in documents.items()}
    all_ids = []
    for source in ALL_SOURCES:
        assert [c.id for c in again[source]] == [c.id for c in chunks[source]]
        all_ids += [c.id for c in chunks[source]]
    assert len(all_ids) == len(set(all_ids))
    c = chunks[TAY_NINH][0]
    assert c.id == chunk_id(c.source, c.start_line, c.end_line, c.text)


def test_editing_one_line_changes_only_the_id_of_its_chunk(documents, chunks):
    doc = documents[TAY_NINH]
    n = find_line(TAY_NINH, "tham mưu Ủy ban nhân dân tỉnh phân bổ kinh phí")
    lines = doc.lines
    lines[n - 1] = lines[n - 1].replace("phân bổ kinh phí", "bố trí kinh phí")
    edited = dataclasses.replace(doc, text="\n".join(lines))
    before = {(c.start_line, c.end_line): c.id for c in chunks[TAY_NINH]}
    after = {(c.start_line, c.end_line): c.id for c in Chunker().run(edited)}
    assert before.keys() == after.keys()
    changed = [span for span in before if before[span] != after[span]]
    assert len(changed) == 1 and changed[0][0] <= n <= changed[0][1]


def test_same_text_in_another_file_gets_another_id(documents):
    doc = documents[TPHCM]
    copy = Document(source="copy/" + doc.source, text=doc.text, sha256=doc.sha256, meta=doc.meta)
    ids_a = {c.id for c in Chunker().run(doc)}
    ids_b = {c.id for c in Chunker().run(copy)}
    assert ids_a.isdisjoint(ids_b)


def test_third_level_heading_keeps_its_parent_in_the_path():
    body = "Nội dung chi tiết của chỉ tiêu, gồm nhiều hoạt động cụ thể trên địa bàn tỉnh. " * 6
    text = "\n".join([
        "KẾ HOẠCH", "CÔNG TÁC XÃ HỘI TỈNH NGHỆ AN GIAI ĐOẠN 2021 - 2030",
        "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
        "2.1. Giai đoạn 2021 - 2025", "2.1.1. Chỉ tiêu về đào tạo", body, "2.1.2. Chỉ tiêu về mạng lưới", body,
        "2.2. Giai đoạn 2026 - 2030", "2.2.1. Chỉ tiêu về đào tạo", body,
    ])
    from assistant.documents import extract_metadata

    doc = Document(source="nghe-an.txt", text=text, sha256="x", meta=extract_metadata(text))
    chunks = Chunker(max_chars=600, min_chars=100).run(doc)
    (chunk,) = [c for c in chunks if "2.1.2. Chỉ tiêu về mạng lưới" in c.text]
    assert "2.1. Giai đoạn 2021 - 2025" in chunk.heading_path


def test_a_line_longer_than_the_hard_limit_is_cut_at_sentence_ends():
    from assistant.types import Document

    sentences = [f"Câu số {i} nói về điểm đọc sách cộng đồng của xã." for i in range(400)]
    long_line = " ".join(sentences)
    text = "KẾ HOẠCH\nI. MỤC TIÊU\n" + long_line + "\nII. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì.\n"
    chunker = Chunker()
    chunks = chunker.run(Document("dai.txt", text, "x"))
    pieces = [c for c in chunks if c.start_line == c.end_line == 3]
    assert len(long_line) > chunker.hard_chars and len(pieces) > 10
    assert all(len(c.text) <= chunker.max_chars and c.text.endswith(".") for c in pieces)
    assert " ".join(c.text for c in pieces) == long_line
    assert all(c.heading_path == ["I. MỤC TIÊU"] for c in pieces)
    assert len({c.id for c in chunks}) == len(chunks)
    rest = [c for c in chunks if c not in pieces]
    assert any("Sở Nội vụ chủ trì." in c.text and c.start_line == 4 for c in rest)


def test_a_line_without_spaces_is_cut_too():
    from assistant.types import Document

    chunks = Chunker().run(Document("x.txt", "a" * 10_000 + "\n", "x"))
    assert [len(c.text) for c in chunks] == [1200] * 8 + [400]
