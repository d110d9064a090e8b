"""Reader rules on a small invented library (hash embedder, no model): a document named by its
number scopes the answer, "Nơi nhận" never answers, a lead-in announces the paragraph under it,
a heading is answered by what it heads, a table's unit column is said with each figure."""

from __future__ import annotations

import pytest

from assistant.answering import _looks_like_heading, _shorten_at, _with_unit

from conftest import hash_assistant

PLAN_21 = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 21/KH-UBND
Hà Nam, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức phong trào thi đua xây dựng thư viện thân thiện năm 2026

I. MỤC TIÊU

1. Chỉ tiêu

| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 |
|---|---|---|---|---|
| 1 | Tỷ lệ trường học có thư viện đạt chuẩn | % | 55 | 85 |

2. Hình thức khen thưởng

Các hình thức khen thưởng gồm:
Bằng khen của Chủ tịch UBND tỉnh; Giấy khen của Giám đốc Sở Giáo dục và Đào tạo.

II. TỔ CHỨC THỰC HIỆN

1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Văn hóa và Thể thao hướng dẫn các trường đăng ký thi đua.

**2. Trung tâm Văn hóa tỉnh**

Chủ trì, phối hợp với Đoàn Thanh niên tổ chức ngày hội đọc sách mùa hè cho thiếu nhi.

Nơi nhận:
- Công an tỉnh;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""

PLAN_22 = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 22/KH-UBND
Hà Nam, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Bảo đảm an ninh mạng cho hệ thống thông tin của tỉnh năm 2026

I. MỤC TIÊU

a) Đến năm 2027: 60% hệ thống thông tin của tỉnh được giám sát an ninh mạng tập trung.

b) Đến năm 2030: 95% hệ thống thông tin của tỉnh được giám sát an ninh mạng tập trung.

- Tỷ lệ cán bộ được tập huấn kỹ năng phòng chống lừa đảo đạt tối thiểu 80%.

- Kinh phí chi cho phòng chống mã độc trên tổng chi công nghệ thông tin tối thiểu 10%.

II. NHIỆM VỤ

1. Công an tỉnh chủ trì giám sát, phát hiện và xử lý các cuộc tấn công mạng vào hệ thống thông tin của tỉnh.

III. KINH PHÍ THỰC HIỆN

- Ngân sách tỉnh bố trí trong dự toán chi thường xuyên hằng năm.

- Nguồn tài trợ hợp pháp của doanh nghiệp viễn thông.

Phụ lục

DANH MỤC CÁC DỰ ÁN ƯU TIÊN

| STT | Dự án | Cơ quan chủ trì |
|---|---|---|
| I. | Nhóm hạ tầng | |
| 1 | Trung tâm giám sát an ninh mạng của tỉnh | Công an tỉnh |
| 2 | Nâng cấp mạng truyền số liệu chuyên dùng | Sở Khoa học và Công nghệ |
| II. | Nhóm nhân lực | |
| 3 | Đào tạo chuyên gia an ninh mạng | Sở Nội vụ |

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return hash_assistant(tmp_path_factory.mktemp("reader-rules"), {"ha-nam-21.txt": PLAN_21, "ha-nam-22.txt": PLAN_22})


def test_a_document_named_by_number_is_the_only_one_that_answers(assistant):
    # Công an tỉnh leads a task in KH 22 and only receives KH 21 ("Nơi nhận")
    asked_21 = assistant.ask("KH 21 Hà Nam giao Công an tỉnh chủ trì nhiệm vụ nào?")
    assert asked_21.abstained, asked_21.text
    asked_22 = assistant.ask("KH 22 Hà Nam giao Công an tỉnh chủ trì nhiệm vụ nào?")
    assert not asked_22.abstained and "tấn công mạng" in asked_22.text
    assert asked_22.citations[0].source == "ha-nam-22.txt"


def test_a_lead_in_announces_the_paragraph_written_under_it(assistant):
    answer = assistant.ask("Kế hoạch 21 của Hà Nam có những hình thức khen thưởng nào?")
    assert not answer.abstained
    assert "Bằng khen của Chủ tịch UBND tỉnh" in answer.text and "Giấy khen" in answer.text
    lines = PLAN_21.split("\n")
    cite = answer.citations[0]
    assert "Giấy khen" in "\n".join(lines[cite.start_line - 1 : cite.end_line])


def test_a_table_row_says_each_figure_with_its_unit_column(assistant):
    answer = assistant.ask("Đến năm 2030 tỷ lệ trường học có thư viện đạt chuẩn của Hà Nam là bao nhiêu?")
    assert not answer.abstained
    assert "85%" in answer.text


def test_with_unit_leaves_the_row_number_and_rows_without_a_unit_column():
    assert _with_unit("TT: 3 | Chỉ tiêu: Diện tích | ĐVT: ha | Năm 2025: 1.200") == "TT: 3 | Chỉ tiêu: Diện tích | ĐVT: ha | Năm 2025: 1.200 ha"
    assert _with_unit("Chỉ tiêu: Số xã | Năm 2025: 12") == "Chỉ tiêu: Số xã | Năm 2025: 12"


def test_headings_are_short_lines_without_a_sentence_end():
    assert _looks_like_heading("2. Hình thức khen thưởng")
    assert _looks_like_heading("**II. TỔ CHỨC THỰC HIỆN**")
    assert not _looks_like_heading("Các hình thức khen thưởng gồm:")
    assert not _looks_like_heading("Sở Tài chính bố trí kinh phí thực hiện kế hoạch.")


def test_a_target_asked_for_two_years_is_answered_for_each(assistant):
    answer = assistant.ask("Hà Nam đặt mục tiêu năm 2027 và năm 2030 bao nhiêu % hệ thống thông tin được giám sát an ninh mạng tập trung?")
    assert not answer.abstained
    assert "60%" in answer.text and "95%" in answer.text
    assert len(answer.citations) == 2


FUNDING_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 30/KH-UBND
Hà Nam, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Bảo đảm an ninh mạng cho hệ thống thông tin của tỉnh năm 2026

I. NHIỆM VỤ

1. Công an tỉnh chủ trì giám sát, phát hiện và xử lý các cuộc tấn công mạng vào hệ thống thông tin của tỉnh.

2. Sở Khoa học và Công nghệ chủ trì nâng cấp mạng truyền số liệu chuyên dùng.

II. KINH PHÍ THỰC HIỆN

- Ngân sách tỉnh bố trí trong dự toán chi thường xuyên hằng năm.

- Nguồn tài trợ hợp pháp của doanh nghiệp viễn thông.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def funding(tmp_path_factory):
    return hash_assistant(tmp_path_factory.mktemp("reader-funding"), {"ha-nam-30.txt": FUNDING_PLAN, "ha-nam-21.txt": PLAN_21})


def test_the_plans_funding_section_answers_a_question_in_other_words(funding):
    # "sau" is in no line of the funding section; the rest is the plan's title
    answer = funding.ask("Kinh phí bảo đảm an ninh mạng cho hệ thống thông tin của tỉnh Hà Nam năm 2026 và các năm sau lấy từ nguồn nào?")
    assert not answer.abstained, answer.text
    assert "Ngân sách tỉnh" in answer.text and "tài trợ" in answer.text
    # an agency's own act is not the plan's funding
    asked = funding.ask("Công an tỉnh Hà Nam chi trả kinh phí giám sát từ nguồn nào?")
    assert "Ngân sách tỉnh bố trí" not in asked.text or asked.abstained


def test_a_count_no_sentence_states_is_the_items_of_the_list_its_heading_names(assistant):
    answer = assistant.ask("KH 22 của Hà Nam có bao nhiêu dự án ưu tiên?")
    assert not answer.abstained, answer.text
    assert "có 3 dự án ưu tiên" in answer.text  # rows 1-3, not the group rows I. and II.; said with the noun asked
    # what was achieved is not what is listed
    assert assistant.ask("KH 22 của Hà Nam đã hoàn thành bao nhiêu dự án ưu tiên?").abstained


def test_a_duty_without_its_subject_takes_the_agency_of_its_heading(assistant):
    answer = assistant.ask("Ở Hà Nam, đơn vị nào chủ trì tổ chức ngày hội đọc sách mùa hè cho thiếu nhi?")
    assert not answer.abstained
    assert "Trung tâm Văn hóa tỉnh" in answer.text


def test_a_long_passage_is_shortened_around_what_is_asked():
    text = "Mở rộng " + "các hoạt động, " * 40 + "trong đó mở 12 lớp tập huấn cho cán bộ thư viện."
    short = _shorten_at(text, 200, text.index("12 lớp"))
    assert "12 lớp" in short and len(short) <= 202 and short.startswith("…")
    assert _shorten_at("Câu ngắn có 12 lớp.", 200, 12) == "Câu ngắn có 12 lớp."


def test_a_portal_copy_cites_the_number_where_its_catalogue_states_it_too():
    from assistant.answering import _restated
    from assistant.index import DocumentRecord
    from assistant.types import DocumentMeta

    text = "Số hiệu: 21/KH-UBND\nNgười ký: Trần Văn Bình\n\n" + PLAN_21
    doc = DocumentRecord("portal.txt", "x", DocumentMeta(), text, [], 0.0)
    header = text.split("\n").index("Số: 21/KH-UBND") + 1
    assert _restated(doc, "number", "21/KH-UBND", header, header) == [1]
    assert _restated(doc, "signer", "Trần Văn Bình", len(text.split("\n")) - 1, len(text.split("\n")) - 1) == [2]
    assert _restated(doc, "date", "10/03/2026", 4, 4) == []  # dates are written in several forms: not matched
    attached = "\n".join([f"dòng {k}" for k in range(80)] + ["KẾ HOẠCH", "(Kèm theo Quyết định số 21/KH-UBND ngày 10/3/2026)"])
    far = DocumentRecord("attached.txt", "x", DocumentMeta(), "Số: 21/KH-UBND\n" + attached, [], 0.0)
    assert _restated(far, "number", "21/KH-UBND", 1, 1) == [83]  # the attached plan's line, past the head


def test_two_figures_asked_with_one_question_word_are_both_said(assistant):
    answer = assistant.ask("Hà Nam: tỷ lệ cán bộ được tập huấn kỹ năng phòng chống lừa đảo và kinh phí chi cho phòng chống mã độc tối thiểu là bao nhiêu?")
    assert not answer.abstained, answer.text
    assert "80%" in answer.text and "10%" in answer.text
    assert len(answer.citations) == 2


DUTIES_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 40/KH-UBND
Hà Nam, ngày 15 tháng 3 năm 2026

KẾ HOẠCH
Phát triển thư viện số năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính

- Hướng dẫn các đơn vị lập dự toán thư viện số.

- Tổng hợp nhu cầu trang thiết bị của các trường.

- Thẩm định giá thiết bị phần cứng.

- Kiểm tra việc thanh toán hợp đồng mua sắm.

- Tham mưu bố trí kinh phí duy tu bảo dưỡng máy chủ hằng năm.

2. Sở Nội vụ

- Bố trí biên chế cán bộ thư viện.
"""


def test_an_agency_with_many_duties_says_first_those_the_question_names(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-40.txt": DUTIES_PLAN})
    answer = a.ask("Sở Tài chính Hà Nam có trách nhiệm gì về kinh phí duy tu bảo dưỡng máy chủ?")
    assert not answer.abstained
    assert "duy tu bảo dưỡng máy chủ" in answer.text


def test_headings_that_name_a_list():
    from assistant.answering import _names_list

    assert _names_list("DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM", "nhiem vu trong tam")
    assert _names_list("III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", "nhiem vu")
    assert _names_list("PHỤ LỤC I DANH MỤC NHIỆM VỤ PHÁT TRIỂN NÔNG NGHIỆP", "nhiem vu")
    assert not _names_list("KẾ HOẠCH PHÁT TRIỂN HỢP TÁC XÃ TỈNH X NĂM 2024", "hop tac xa")


def test_a_year_in_brackets_is_an_aside_not_the_targets_year(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-50.txt": "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 50/KH-UBND\n\nKẾ HOẠCH\nPhòng, chống đuối nước trẻ em năm 2026\n\n"
        "I. MỤC TIÊU NĂM 2026\n\n1. Tỷ lệ trẻ em từ 6 đến 16 tuổi biết bơi an toàn đạt 70% (năm 2025 đạt 63,5%).\n\n"
        "2. Giảm 10% số trẻ em tử vong do đuối nước.\n"})
    answer = a.ask("Năm 2026 Hà Nam phấn đấu tỷ lệ trẻ em biết bơi an toàn đạt bao nhiêu %?")
    assert not answer.abstained and "70%" in answer.text


def test_von_asks_for_funds_as_kinh_phi_does(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-60.txt": "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 60/KH-UBND\n\nKẾ HOẠCH\nPhát triển du lịch nông thôn giai đoạn 2026 - 2030\n\n"
        "I. KINH PHÍ THỰC HIỆN\n\nTổng kinh phí giai đoạn 2026 - 2030 là 90 tỷ đồng, trong đó: ngân sách trung ương là 30 tỷ đồng; "
        "ngân sách tỉnh là 25 tỷ đồng; nguồn xã hội hóa là 35 tỷ đồng.\n"})
    answer = a.ask("Kế hoạch du lịch nông thôn Hà Nam sử dụng bao nhiêu vốn ngân sách tỉnh?")
    assert not answer.abstained and "25 tỷ" in answer.text


def test_a_question_naming_an_annex_is_answered_from_it(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-70.txt": (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 70/KH-UBND\n\nKẾ HOẠCH\nPhát triển làng nghề giai đoạn 2026 - 2028\n\n"
        "I. KINH PHÍ\n\nTổng kinh phí năm 2026 dự kiến là 900 triệu đồng, trong đó vốn của doanh nghiệp, hợp tác xã và người dân ở Hà Nam là phần lớn.\n\n"
        "PHỤ LỤC II\nKINH PHÍ THEO NĂM\n\nĐơn vị tính: triệu đồng\n\n"
        "STT\tNguồn vốn\tNăm 2026\tNăm 2027\n1\tNgân sách tỉnh\t100\t120\n2\tVốn doanh nghiệp, hợp tác xã và người dân\t300\t380\n")})
    answer = a.ask("Phụ lục II: năm 2026 vốn của doanh nghiệp, hợp tác xã và người dân ở Hà Nam là bao nhiêu?")
    assert not answer.abstained and "300" in answer.text
    answerer = a._answerer_for(a.index)
    doc = a.index.documents["ha-nam-70.txt"]
    lines = doc.text.split("\n")
    row = next(i for i, line in enumerate(lines, 1) if line.startswith("2\t"))
    body = next(i for i, line in enumerate(lines, 1) if line.startswith("Tổng kinh phí"))
    assert answerer._annex_at(doc, row) == "ii" and answerer._annex_at(doc, body) == ""


def test_a_minified_page_is_cited_on_its_own_lines(tmp_path):
    """A portal page on two lines, laid out one block per line for reading: the contract's line
    numbers are the file's."""
    page = ("<html><head><title>Kế hoạch 80/KH-UBND</title></head><body>\n"
            "<p>KẾ HOẠCH</p><p>Phát triển chợ nông thôn tỉnh Hà Nam năm 2026</p><h2>I. NHIỆM VỤ</h2>"
            "<p>1. Sở Công Thương chủ trì cải tạo 12 chợ nông thôn, hoàn thành trong Quý III/2026.</p>"
            "<p>2. Sở Tài chính chủ trì bố trí kinh phí cải tạo chợ.</p></body></html>\n")
    a = hash_assistant(tmp_path, {"ha-nam-80.html": page})
    doc = a.index.documents["ha-nam-80.html"]
    assert len(doc.lines) > 3 and set(doc.meta.file_lines) <= {1, 2, 3}
    answer = a.ask("Ở Hà Nam, cơ quan nào chủ trì cải tạo chợ nông thôn?")
    assert not answer.abstained and "Sở Công Thương" in answer.text
    inner = answer.citations[0].start_line
    assert "Sở Công Thương" in doc.lines[inner - 1]  # the reader's own lines
    contract = a.in_file_lines(answer).to_contract()
    assert contract["citations"][0]["start_line"] == 2  # the file's line
    assert all(r["end_line"] <= 3 for r in contract["retrieved"])


def test_a_figure_is_read_in_the_clause_about_what_is_asked(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-90.txt": (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 90/QĐ-UBND\n\nQUYẾT ĐỊNH\nPhê duyệt chương trình khám sức khỏe người cao tuổi năm 2026\n\n"
        "Điều 1. Kinh phí: Quỹ bảo hiểm y tế chi trả chi phí khám theo quy định; nguồn tài trợ hợp pháp khoảng 12 tỷ đồng.\n\n"
        "Điều 2. Sở Y tế cung cấp số liệu người cao tuổi được khám cho Sở Tài chính trước ngày 30 tháng 11 hằng năm.\n\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế, Giám đốc Bảo hiểm xã hội tỉnh chịu trách nhiệm thi hành Quyết định này./.\n")})
    assert a.ask("Quỹ bảo hiểm y tế Hà Nam chi bao nhiêu tiền cho chương trình khám sức khỏe người cao tuổi?").abstained
    assert a.ask("Năm 2026 Hà Nam đặt tỷ lệ người cao tuổi được khám là bao nhiêu?").abstained  # "30 tháng 11" is a date
    duty = a.ask("Bảo hiểm xã hội tỉnh Hà Nam có trách nhiệm gì?")
    assert duty.abstained or "thi hành Quyết định này" not in duty.text  # the closing article assigns nothing


def test_a_list_item_answers_with_the_lead_in_it_hangs_from(tmp_path):
    a = hash_assistant(tmp_path, {"ha-nam-95.md": (
        "# KẾ HOẠCH chăm sóc người cao tuổi tỉnh Hà Nam giai đoạn 2026 - 2028\n\n## II. CHỈ TIÊU\n\n"
        "- Tỷ lệ người cao tuổi được khám sức khỏe định kỳ:\n  - Năm 2026: đạt 80%;\n  - Năm 2027: đạt 85%;\n"
        "- Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế:\n  - Năm 2026: đạt 96%;\n  - Năm 2027: đạt 98%.\n")})
    answer = a.ask("Hà Nam đặt chỉ tiêu tỷ lệ người cao tuổi có thẻ bảo hiểm y tế năm 2027 là bao nhiêu?")
    assert not answer.abstained and "98%" in answer.text and "85%" not in answer.text
    lines = a.index.documents["ha-nam-95.md"].lines
    cite = answer.citations[0]
    assert "bảo hiểm y tế" in lines[cite.start_line - 1] and "98%" in lines[cite.end_line - 1]


def test_du_kien_is_how_a_plan_speaks_not_what_is_asked():
    from assistant.answering import _kind_mask

    assert _kind_mask(["nguon", "xa", "hoi", "hoa", "du", "kien"]) == [False, False, False, False, True, True]
