"""Counts and sections on a small invented library (hash embedder, no model): what a plan is
made of is counted from its own outline and lists (an enumeration after "gồm:", labelled steps,
the agencies of the assignment section, the rows an agency leads), and a question that names a
heading of the outline is answered by the block under it."""

from __future__ import annotations

import pytest

from assistant.answering import _as_written, _coordinates_before, counted_phrase

from conftest import hash_assistant

PLAN_40 = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Số: 40/KH-UBND
Hà Giang, ngày 12 tháng 5 năm 2026

KẾ HOẠCH
Phát triển du lịch cộng đồng vùng cao năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Khai thác giá trị văn hóa bản địa gắn với sinh kế của đồng bào.
- Nâng cao thu nhập cho hộ dân tham gia làm homestay.

2. Yêu cầu

- Bảo tồn cảnh quan, không bê tông hóa bản làng.

II. ĐỐI TƯỢNG, TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG

1. Đối tượng

Các hộ kinh doanh homestay trên địa bàn tỉnh.

2. Tiêu chí

Đạt tiêu chuẩn homestay cấp tỉnh.

3. Hình thức khen thưởng

Các hình thức khen thưởng bao gồm:
Bằng khen của Chủ tịch UBND tỉnh; Giấy khen của Giám đốc Sở; Giấy chứng nhận homestay tiêu biểu; Thư khen.

III. QUY TRÌNH CÔNG NHẬN HOMESTAY

1. Bước 1: Hộ dân nộp hồ sơ tại Ủy ban nhân dân xã.

2. Bước 2: Ủy ban nhân dân xã thẩm định và gửi hồ sơ.

3. Bước 3: Sở Văn hóa và Thể thao quyết định công nhận.

IV. PHÂN CÔNG NHIỆM VỤ

1. Sở Văn hóa và Thể thao

Chủ trì hướng dẫn tiêu chuẩn homestay.

2. Sở Tài chính

Tham mưu bố trí kinh phí thực hiện.

3. Công an tỉnh

Hướng dẫn đăng ký lưu trú cho khách.

4. Ủy ban nhân dân các xã

Tuyên truyền, vận động hộ dân tham gia.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Pạ
"""

ANNEX_41 = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Số: 41/KH-UBND
Hà Giang, ngày 20 tháng 5 năm 2026

KẾ HOẠCH
Chuyển đổi số trong nông nghiệp năm 2026

I. MỤC TIÊU

Phấn đấu 60% hợp tác xã ứng dụng nền tảng số.

DANH MỤC NHIỆM VỤ TRỌNG TÂM

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Xây dựng bản đồ số vùng trồng | Sở Nông nghiệp và Môi trường | Sở Khoa học và Công nghệ | 2026 |
| 2 | Cấp mã số vùng trồng | Sở Nông nghiệp và Môi trường | UBND các xã | 2026 |
| 3 | Sàn thương mại điện tử nông sản | Sở Công Thương | Sở Nông nghiệp và Môi trường | 2026 |
| 4 | Đào tạo kỹ năng số cho nông dân | Sở Khoa học và Công nghệ | Hội Nông dân tỉnh | 2026 |

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Pạ
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return hash_assistant(tmp_path_factory.mktemp("reader-counts"), {"ha-giang-40.txt": PLAN_40, "ha-giang-41.txt": ANNEX_41})


def test_an_enumeration_after_gom_is_counted_and_said(library):
    answer = library.ask("KH 40 Hà Giang có mấy hình thức khen thưởng?")
    assert not answer.abstained, answer.text
    assert "có 4 hình thức khen thưởng" in answer.text and "Thư khen" in answer.text
    # the heading "II. ĐỐI TƯỢNG, TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG" names three things: its 3 sections are not the count
    assert "có 3" not in answer.text


def test_labelled_steps_are_counted(library):
    answer = library.ask("quy trinh cong nhan homestay theo KH 40 Ha Giang gom may buoc?")
    assert not answer.abstained, answer.text
    assert "có 3 bước" in answer.text


def test_the_agencies_of_the_assignment_section_are_counted(library):
    answer = library.ask("KH 40 Hà Giang: phần phân công nhiệm vụ giao cho mấy cơ quan?")
    assert not answer.abstained, answer.text
    assert "có 4 cơ quan" in answer.text


def test_only_the_rows_an_agency_leads_are_counted(library):
    answer = library.ask("Trong KH 41 Hà Giang, Sở NN&MT chủ trì bao nhiêu nhiệm vụ?")
    assert not answer.abstained, answer.text
    assert "có 2 nhiệm vụ" in answer.text
    # an agency that leads none: nothing to count, not the whole list
    none = library.ask("Trong KH 41 Hà Giang, Sở Y tế chủ trì bao nhiêu nhiệm vụ?")
    assert none.abstained or "có 4" not in none.text


def test_a_question_naming_a_heading_is_answered_by_its_block(library):
    answer = library.ask("muc dich cua KH 40 Ha Giang la gi?")
    assert not answer.abstained, answer.text
    assert "văn hóa bản địa" in answer.text and "homestay" in answer.text
    assert answer.citations and answer.citations[0].start_line <= 11 <= answer.citations[0].end_line


@pytest.mark.parametrize(
    "question, words",
    [
        ("có mấy hình thức khen thưởng", ["hinh", "thuc", "khen", "thuong"]),
        ("bao nhiêu nhóm nhiệm vụ, giải pháp", ["nhiem", "vu", "giai", "phap"]),  # a collective noun first
        ("giao cho mấy cơ quan?", ["co", "quan"]),  # "cơ" is not "có"
        ("bao nhieu co quan tham gia", ["co", "quan", "tham", "gia"]),
        ("bao nhiêu phần trăm", []),
    ],
)
def testcounted_phrase(question, words):
    assert counted_phrase(question) == words


def test_a_heading_names_its_words_as_written():
    assert _as_written("III. NHIỆM VỤ, GIẢI PHÁP", "nhiem vu giai phap") == "nhiệm vụ, giải pháp"
    assert _coordinates_before("II. ĐỐI TƯỢNG, TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG", "hinh thuc khen thuong")
    assert not _coordinates_before("3. Hình thức khen thưởng", "hinh thuc khen thuong")


CIRCULAR_7 = """BỘ CÔNG THƯƠNG
Số: 7/2026/TT-BCT
Hà Nội, ngày 03 tháng 3 năm 2026

THÔNG TƯ
QUY ĐỊNH VỀ KIỂM TRA CHẤT LƯỢNG XĂNG DẦU

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc kiểm tra chất lượng xăng dầu lưu thông trên thị trường.

Điều 2. Giải thích từ ngữ
1. Mẫu lưu là mẫu xăng dầu được niêm phong và bảo quản để đối chứng khi có tranh chấp.

Chương II
TRÁCH NHIỆM CỦA CÁC CƠ QUAN

Điều 3. Trách nhiệm của Cục Quản lý thị trường
1. Chủ trì kiểm tra chất lượng xăng dầu tại cửa hàng bán lẻ, hoàn thành trong quý IV năm 2026.
2. Tổng hợp kết quả kiểm tra, báo cáo Bộ trưởng trước ngày 15 tháng 12 hằng năm.

Điều 4. Trách nhiệm của Sở Công Thương
1. Hướng dẫn thương nhân lưu mẫu xăng dầu tại kho.

Chương III
ĐIỀU KHOẢN THI HÀNH

Điều 5. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.
2. Cửa hàng đã hoạt động trước ngày Thông tư này có hiệu lực phải bổ sung thiết bị lưu mẫu trước ngày 31 tháng 12 năm 2027.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Sinh Nhật
"""


@pytest.fixture(scope="module")
def legal(tmp_path_factory):
    return hash_assistant(tmp_path_factory.mktemp("reader-legal"), {"bo-cong-thuong-7.txt": CIRCULAR_7})


def test_a_legal_documents_articles_and_chapters_are_counted_over_the_whole(legal):
    answer = legal.ask("Thông tư 7/2026/TT-BCT có bao nhiêu điều, chia làm mấy chương?")
    assert "có 5 điều" in answer.text and "có 3 chương" in answer.text
    assert all(c.start_line <= c.end_line for c in answer.citations)


def test_an_article_of_an_agencys_duties_gives_the_lead(legal):
    answer = legal.ask("Theo TT 7/2026/TT-BCT, cơ quan nào chủ trì kiểm tra chất lượng xăng dầu tại cửa hàng bán lẻ?")
    assert not answer.abstained, answer.text
    assert "Cục Quản lý thị trường" in answer.text


def test_the_effect_clause_answers_when_a_document_takes_effect(legal):
    answer = legal.ask("TT 7/2026/TT-BCT có hiệu lực từ ngày nào?")
    assert "01 tháng 5 năm 2026" in answer.text and "2027" not in answer.text


def test_a_term_is_answered_by_its_definition(legal):
    answer = legal.ask("Theo Thông tư 7/2026/TT-BCT, mẫu lưu là gì?")
    assert not answer.abstained, answer.text
    assert "niêm phong" in answer.text


def test_a_years_amount_is_not_a_periods_total(tmp_path):
    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 9/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nPhát triển chè giai đoạn 2026 - 2030\n\n"
            "IV. KINH PHÍ\n\nTổng kinh phí thực hiện Kế hoạch giai đoạn 2026 - 2030 dự kiến là 85 tỷ đồng.\n")
    library = hash_assistant(tmp_path, {"bac-kan-9.txt": plan})
    assert library.ask("KH 9 Bắc Kạn bố trí kinh phí năm 2027 là bao nhiêu?").abstained
    assert "85 tỷ" in library.ask("Tổng kinh phí giai đoạn 2026 - 2030 của KH 9 Bắc Kạn là bao nhiêu?").text


def test_a_row_with_year_columns_says_the_year_asked():
    from assistant.answering import _asked_columns

    row = "Chỉ tiêu: Số chuỗi liên kết | Đơn vị tính: chuỗi | Năm 2026: 8 | Năm 2028: 16 | Năm 2030: 25"
    assert _asked_columns(row, [2028]) == "Chỉ tiêu: Số chuỗi liên kết | Đơn vị tính: chuỗi | Năm 2028: 16"
    assert _asked_columns(row, []) == row
    assert _asked_columns(row, [2027]) == row  # no such column: the row as it is


def test_a_web_pages_table_read_one_cell_a_line_is_counted_by_its_unit_column(tmp_path):
    cells = lambda *xs: "\n".join(f"| {x} |" for x in xs)
    page = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 11/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nPhát triển hợp tác xã năm 2026 - 2030\n\n"
            "Chỉ tiêu cụ thể như sau:\n\n" + cells("TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2028") + "\n\n\n"
            + cells("1", "Số hợp tác xã nông nghiệp kiểu mới", "hợp tác xã", "40", "65") + "\n\n\n"
            + cells("2", "Tỷ lệ hợp tác xã có lãi", "%", "70", "85") + "\n\n\n"
            + cells("3", "Số thành viên hợp tác xã", "người", "3.000", "4.500") + "\n")
    library = hash_assistant(tmp_path, {"bac-kan-11.txt": page})
    answer = library.ask("KH 11 Bắc Kạn: đến năm 2028 có bao nhiêu hợp tác xã nông nghiệp kiểu mới?")
    assert not answer.abstained, answer.text
    assert "Năm 2028: 65" in answer.text and "Năm 2026" not in answer.text


def test_a_date_asked_of_something_before_the_effect_is_not_the_effect_date(legal):
    answer = legal.ask("Theo TT 7/2026/TT-BCT, cửa hàng hoạt động trước khi Thông tư có hiệu lực phải bổ sung thiết bị lưu mẫu trước ngày nào?")
    assert "01 tháng 5 năm 2026" not in answer.text


def test_a_deadline_part_is_read_from_the_passage_that_answered_the_task(tmp_path):
    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 12/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nPhát triển sản phẩm OCOP năm 2026\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n"
            "- Chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Bưu điện tỉnh xây dựng gian hàng OCOP trên sàn thương mại điện tử, hoàn thành trước ngày 31 tháng 12 năm 2026.\n\n"
            "2. Sở Tài chính\n\n- Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n")
    library = hash_assistant(tmp_path, {"bac-kan-12.txt": plan})
    answer = library.ask("KH 12 Bắc Kạn: Sở Công Thương xây dựng gian hàng OCOP trên sàn thương mại điện tử thì phối hợp với ai, hạn khi nào?")
    assert not answer.abstained, answer.text
    assert "Bưu điện tỉnh" in answer.text and "31 tháng 12 năm 2026" in answer.text


def test_a_bare_when_follow_up_asks_the_time_of_the_task_before_it(tmp_path):
    from assistant.types import Turn

    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 13/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nXây dựng nông thôn mới năm 2026\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Sở Xây dựng: Chủ trì hướng dẫn các xã cứng hóa 320 km đường giao thông nông thôn, hoàn thành trước ngày 30/11/2026.\n\n"
            "2. Sở Y tế: Chủ trì kiểm tra vệ sinh an toàn thực phẩm tại các chợ, hoàn thành trong Quý II/2026.\n")
    library = hash_assistant(tmp_path, {"bac-kan-13.txt": plan})
    history = [Turn("user", "Sở Xây dựng có nhiệm vụ gì về đường giao thông nông thôn trong KH 13 Bắc Kạn?"), Turn("assistant", "…")]
    answer = library.ask("hạn chót?", history)
    assert not answer.abstained, answer.text
    assert "30/11/2026" in answer.text and "Quý II" not in answer.text


def test_a_heading_named_under_the_article_the_question_names(tmp_path):
    resolution = ("HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN\nSố: 14/2025/NQ-HĐND\nBắc Kạn, ngày 9 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nQuy định chính sách hỗ trợ phát triển chè\n\n"
                  "Điều 1. Hỗ trợ trồng mới chè\n1. Mức hỗ trợ: 30 triệu đồng/ha.\n2. Điều kiện hỗ trợ:\na) Diện tích liền vùng từ 10 ha trở lên;\nb) Có hợp đồng tiêu thụ tối thiểu 03 năm.\n\n"
                  "Điều 2. Hỗ trợ chế biến chè\n1. Mức hỗ trợ: 50% chi phí, tối đa 1 tỷ đồng.\n2. Điều kiện hỗ trợ:\na) Cơ sở có công suất từ 5 tấn/ngày;\nb) Có giấy chứng nhận an toàn thực phẩm.\n")
    library = hash_assistant(tmp_path, {"bac-kan-14.txt": resolution,
                                        "bac-kan-15.txt": PLAN_40.replace("HÀ GIANG", "BẮC KẠN").replace("Hà Giang", "Bắc Kạn")})
    answer = library.ask("Điều kiện để được hỗ trợ chế biến chè theo nghị quyết của HĐND tỉnh Bắc Kạn là gì?")
    assert not answer.abstained, answer.text
    assert "5 tấn/ngày" in answer.text and "10 ha" not in answer.text


def test_a_figure_the_plan_states_twice_is_cited_at_both(tmp_path):
    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 16/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nPhát triển rừng gỗ lớn năm 2026\n\n"
            "I. MỤC TIÊU\n\nĐến năm 2030, tỷ lệ che phủ rừng của tỉnh đạt 73,5%.\n\n"
            "II. NHIỆM VỤ\n\nDuy trì tỷ lệ che phủ rừng, phấn đấu đạt 73,5% vào năm 2030.\n\n"
            "III. KINH PHÍ\n\nNgân sách tỉnh bảo đảm.\n")
    library = hash_assistant(tmp_path, {"bac-kan-16.txt": plan})
    answer = library.ask("KH 16 Bắc Kạn: đến năm 2030 tỷ lệ che phủ rừng đạt bao nhiêu %?")
    assert "73,5%" in answer.text
    assert {c.start_line for c in answer.citations} == {10, 14}


DIRECTIVE_3 = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN
Số: 03/CT-UBND
Bắc Kạn, ngày 5 tháng 1 năm 2026

CHỈ THỊ
Về đẩy mạnh giải ngân vốn đầu tư công năm 2026

Để hoàn thành kế hoạch giải ngân, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Giám đốc Sở Tài chính:

a) Chủ trì tham mưu phân bổ chi tiết kế hoạch vốn trước ngày 31 tháng 01 năm 2026.

b) Định kỳ hằng tháng tổng hợp tình hình giải ngân, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.

2. Giám đốc Công an tỉnh:

a) Chỉ đạo Công an xã, phường bảo đảm an ninh, trật tự tại các dự án trọng điểm.

b) Thẩm định thiết kế về phòng cháy và chữa cháy đối với các công trình đầu tư công.

3. Chánh Văn phòng Ủy ban nhân dân tỉnh: theo dõi, đôn đốc việc thực hiện Chỉ thị này.

Yêu cầu thủ trưởng các sở, ngành nghiêm túc thực hiện Chỉ thị này.

CHỦ TỊCH
Hà Văn Khoa
"""


def test_a_directive_is_its_assignments_to_heads_of_agencies(tmp_path):
    library = hash_assistant(tmp_path, {"bac-kan-03-ct.txt": DIRECTIVE_3, "bac-kan-40.txt": PLAN_40.replace("HÀ GIANG", "BẮC KẠN").replace("Hà Giang", "Bắc Kạn")})
    answer = library.ask("Giám đốc Công an tỉnh phải làm gì theo Chỉ thị về giải ngân vốn đầu tư công của Bắc Kạn?")
    assert not answer.abstained, answer.text
    assert "an ninh, trật tự" in answer.text and "phòng cháy" in answer.text
    office = library.ask("Theo Chỉ thị giải ngân vốn đầu tư công của Bắc Kạn, Văn phòng UBND tỉnh có trách nhiệm gì?")
    assert "theo dõi, đôn đốc" in office.text  # "Chánh Văn phòng X:" speaks to Văn phòng X


def test_a_question_naming_a_kind_of_document_is_answered_from_one(tmp_path):
    library = hash_assistant(tmp_path, {"bac-kan-03-ct.txt": DIRECTIVE_3, "bac-kan-40.txt": PLAN_40.replace("HÀ GIANG", "BẮC KẠN").replace("Hà Giang", "Bắc Kạn")})
    answer = library.ask("Theo chỉ thị của Bắc Kạn, Sở Tài chính phải làm gì?")
    assert all(c.source == "bac-kan-03-ct.txt" for c in answer.citations) and answer.citations


def test_the_basis_is_read_from_the_line_under_the_title(tmp_path):
    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 17/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nTriển khai thi hành Luật Việc làm\n\n"
            "Căn cứ Luật Việc làm số 74/2025/QH15 ngày 16 tháng 6 năm 2025;\n"
            "Thực hiện Quyết định số 1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ về triển khai thi hành Luật Việc làm;\n\n"
            "I. MỤC ĐÍCH\n\nTriển khai kịp thời.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHà Văn Khoa\n")
    library = hash_assistant(tmp_path, {"bac-kan-17.txt": plan})
    answer = library.ask("KH 17 Bắc Kạn ai ký và thực hiện quyết định nào của Thủ tướng?")
    assert "Hà Văn Khoa" in answer.text and "1850/QĐ-TTg" in answer.text
    assert any(c.start_line <= 9 <= c.end_line for c in answer.citations)


def test_a_second_bare_bao_nhieu_after_a_sum_asks_a_sum_and_hoi_is_hoi(tmp_path):
    plan = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 18/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số trong giáo dục năm 2026\n\n"
            "IV. KINH PHÍ\n\n1. Tổng kinh phí dự kiến: 60 tỷ đồng, bao gồm:\n- Ngân sách tỉnh: 35 tỷ đồng;\n- Vốn tài trợ quốc tế: 10 tỷ đồng;\n- Vốn xã hội hóa: 15 tỷ đồng.\n\n"
            "V. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân các xã, phường\n\n- Bố trí ngân sách cấp xã trang bị máy tính cho các điểm trường.\n")
    library = hash_assistant(tmp_path, {"bac-kan-18.txt": plan})
    answer = library.ask("Bắc Kạn cds giao duc: von tai tro quoc te bao nhieu, xa hoi hoa bao nhieu")
    assert "10 tỷ" in answer.text and "15 tỷ" in answer.text
    duties = library.ask("ubnd xa phuong lam gi trong ke hoach chuyen doi so giao duc bac kan")  # no "các", no comma
    assert "máy tính" in duties.text
