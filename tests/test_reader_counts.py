"""Counts and sections on a small invented library (hash embedder, no model): what a plan is
made of is counted from its own outline and lists (an enumeration after "gồm:", labelled steps,
the agencies of the assignment section, the rows an agency leads), and a question that names a
heading of the outline is answered by the block under it."""

from __future__ import annotations

import pytest

from assistant.answering import _as_written, _coordinates_before, _counted_phrase

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
def test_counted_phrase(question, words):
    assert _counted_phrase(question) == words


def test_a_heading_names_its_words_as_written():
    assert _as_written("III. NHIỆM VỤ, GIẢI PHÁP", "nhiem vu giai phap") == "nhiệm vụ, giải pháp"
    assert _coordinates_before("II. ĐỐI TƯỢNG, TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG", "hinh thuc khen thuong")
    assert not _coordinates_before("3. Hình thức khen thưởng", "hinh thuc khen thuong")
