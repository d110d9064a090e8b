"""PDF letter spacing repaired from Vietnamese orthography (spacing.py).

The noisy strings are written here from the rules (a syllable broken at its letters, as PDF
text extraction does it); none is a copy of a real file. The clean paragraphs are the shipped
plans' own (knowledge/), which must come out byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunking import Chunker
from assistant.documents import load_file
from assistant.facts import FactExtractor
from assistant.spacing import is_syllable, repair_spacing, segment_run
from assistant.structure import LogicalView, logical_lines, read_document
from assistant.types import Document

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- syllables


@pytest.mark.parametrize(
    "word",
    ["a", "y", "ở", "gì", "giữa", "quốc", "quyết", "quỳnh", "khuya", "nghiêng", "người", "được", "việc",
     "yên", "Nguyễn", "THÀNH", "Thành", "tịch", "ủy", "uỷ", "hươu", "xoong", "kế", "ghi"],
)
def test_syllables_of_vietnamese_spelling(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["ThÀnh", "tHành", "ph", "D", "ă", "nh", "ce", "ka", "gha", "nge", "iên", "hồc", "chủt", "tháàh",
     "UBND", "website", "COVID", "Internet", "abc"],
)
def test_not_syllables(word):
    assert not is_syllable(word)  # mixed case, a lone consonant, c/k, g/gh, ng/ngh, iê/yê, tone on a stop, two tones


def test_segmentation_rules():
    assert segment_run(["CHỦ", "TỊCH"]) == [["CHỦ"], ["TỊCH"]]  # two syllables never join into a non-syllable
    assert segment_run(["có", "ai"]) == [["có"], ["ai"]]  # "cóai" is no spelling (c- before a medial is qu-)
    assert segment_run(["H", "À", "N", "A", "M"]) == [["H", "À"], ["N", "A", "M"]]  # ties: an onset, not "HÀN AM"
    assert segment_run(["C", "H", "Í", "M", "I", "NH"]) == [["C", "H", "Í"], ["M", "I", "NH"]]
    assert segment_run(["T", "T", "U", "B"]) == [["T", "T", "U", "B"]]  # an abbreviation: one group, not T TU B


# --------------------------------------------------------------------------- lines


def test_title_case_words():
    assert repair_spacing("S ở T à i n g u y ê n v à M ô i t r ư ờ n g") == "Sở Tài nguyên và Môi trường"


def test_upper_case_heading():
    assert repair_spacing("K Ế H OẠ CH P H Á T T R IỂ N") == "KẾ HOẠCH PHÁT TRIỂN"
    assert repair_spacing("ỦY B AN NH Â N D Â N T ỈNH") == "ỦY BAN NHÂN DÂN TỈNH"


def test_lower_case_words():
    assert repair_spacing("c ô n g t á c x ã h ộ i") == "công tác xã hội"


def test_abbreviations_of_single_capitals():
    assert repair_spacing("H Đ ND t ỉ nh, c á c P C T") == "HĐND tỉnh, các PCT"
    assert repair_spacing("V P U B : c h u y ê n v i ê n") == "VPUB: chuyên viên"
    assert repair_spacing("K H - U B N D N g à y 5") == "KH - UBND Ngày 5"


def test_a_signers_name():
    assert repair_spacing("KT. CHỦ T Ị CH P HÓ CHỦ TỊ CH P h ạ m T h ị L a n") == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Thị Lan"


def test_punctuation_and_dashes_are_boundaries():
    assert repair_spacing("B ộ L a o đ ộ n g - T h ươ n g b i nh v à X ã h ộ i") == "Bộ Lao động - Thương binh và Xã hội"
    assert repair_spacing("T h à nh ph ố h o.a") == "Thành phố ho.a"  # "ho" + "a" would spell "hoa": not across "."
    assert repair_spacing("- T h ủ t ướ ng ; - S ở Y t ế ;") == "- Thủ tướng; - Sở Y tế;"


def test_numbers_are_untouched():
    assert repair_spacing("ng à y 2 8 th á ng 6 n ă m 2 0 1 4") == "ngày 2 8 tháng 6 năm 2 0 1 4"
    assert repair_spacing("S ố: 45/QĐ - U B ND t ỉ nh") == "Số: 45/QĐ-UBND tỉnh"


def test_a_cell_row_is_repaired_cell_by_cell():
    row = "| ỦY B AN NH Â N D Â N | T h à nh ph ố H u ế, ng à y 3 |"
    assert repair_spacing(row) == "| ỦY BAN NHÂN DÂN | Thành phố Huế, ngày 3 |"


@pytest.mark.parametrize(
    "line",
    [
        "a) Ở đó có y tế",
        "Thú y, dịch vụ y tế ở xã; ý kiến của A và B",
        "UBND tỉnh, HĐND, Sở TT&TT, website, email, COVID-19, Internet, Facebook",
        "Phần I, Chương II, Mục V, điểm đ khoản 2 Điều 3; 1.000 đ; 25 km; 100 m2",
        "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
        "Có ai ở nhà không? Cho y tá và bác sĩ",
        "",
        "   ",
    ],
)
def test_clean_lines_are_unchanged(line):
    assert repair_spacing(line) == line


# Clean paragraphs of the shipped plans (knowledge/), each line kept as it is there.
CLEAN = """\
- Phát triển mạng lưới các cơ sở cung cấp dịch vụ công tác xã hội trong lĩnh vực y tế, giáo dục và các tổ chức chính trị - xã hội;
- Tổ chức khảo sát, trao đổi, học hỏi kinh nghiệm các mô hình Trung tâm Công tác xã hội hoạt động có hiệu quả ở các tỉnh bạn để vận dụng trên địa bàn tỉnh;
b) Mã số và tiêu chuẩn chức danh nghề nghiệp viên chức công tác xã hội của các cơ sở có cung cấp dịch vụ công tác xã hội trong các lĩnh vực y tế, giáo dục, trại giam, trường giáo dưỡng, hệ thống tư pháp và ngành Lao động - Thương binh và Xã hội;
Bên cạnh đó, tiếp tục tổ chức các hoạt động phát triển đội ngũ cán bộ, viên chức, nhân viên, cộng tác viên công tác xã hội; hỗ trợ xây dựng mô hình cung cấp dịch vụ công tác xã hội ở các quận, huyện và TP Thủ Đức.

Phối hợp với Trường Đại học Lao động Xã hội (cơ sở II) tại Thành phố Hồ Chí Minh tổ chức lớp trung cấp công tác xã hội với 100 cán bộ cấp xã, nhân viên các cơ sở bảo trợ xã hội tham dự. Đồng thời dự kiến tổ chức tập huấn kỹ năng công tác xã hội cho cán bộ các sở, ngành tỉnh; các huyện, thành phố và các xã, phường, thị trấn. Đài Phát thanh và Truyền hình, Báo Đồng Khởi tổ chức tuyên truyền phát triển nghề công tác xã hội trên địa bàn tỉnh Bến Tre.

 KẾ HOẠCH
DỰ TOÁN THỰC HIỆN ĐỀ ÁN PHÁT TRIỂN NGHỀ CÔNG TÁC XÃ HỘI TỈNH BẾN TRE NĂM 2012
"""


def test_clean_paragraphs_are_unchanged():
    for line in CLEAN.split("\n"):
        assert repair_spacing(line) == line


def test_no_line_of_the_shipped_plans_changes():
    files = sorted((ROOT / "knowledge").glob("*")) + sorted(ROOT.glob("bench/*/knowledge/*"))
    assert len(files) >= 10
    for path in files:
        doc = load_file(path)
        changed = [line for line in doc.lines if repair_spacing(line) != line]
        changed += [e.text for e in logical_lines(doc.lines) if repair_spacing(e.text) != e.text]
        assert not changed, (path.name, changed[:3])


# --------------------------------------------------------------------------- the document model

NOISY = """| ỦY B AN NH Â N D Â N T ỈNH H À N A M ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|---|---|
| S ố: 45/QĐ - U B ND | H à N a m, ng à y 9 th á ng 3 n ă m 2015 |

QUYẾT ĐỊNH

Về việc giao nhiệm vụ hỗ trợ nhà ở

Điều 1. Giao Sở Xây dựng chủ trì thực hiện.

| Nơi nhận: - Như Điều 1; - S ở X â y d ự n g ; - L ư u : V T. | KT. CHỦ T Ị CH P HÓ CHỦ TỊ CH P h ạ m T h ị L a n |
|---|---|
"""


def test_logical_lines_are_repaired_and_keep_their_physical_lines():
    physical = NOISY.split("\n")
    view = LogicalView(physical)
    k = next(i for i, t in enumerate(view.lines) if "Nơi nhận" in t)
    assert "- Sở Xây dựng; - Lưu: VT." in view.lines[k] and "Phạm Thị Lan" in view.lines[k]
    assert view.span(k + 1, k + 1) == (11, 11)  # the row's own file line
    assert physical[10].startswith("| Nơi nhận: - Như Điều 1; - S ở X â y")  # the file's lines are not rewritten
    assert view.lines[0].startswith("| ỦY BAN NHÂN DÂN TỈNH HÀ NAM -------")


def test_metadata_reads_the_repaired_header_and_signature():
    meta, _, _ = read_document(Document("ha-nam.txt", NOISY, "x"), Chunker(), FactExtractor())
    assert meta.signer == "Phạm Thị Lan"
    assert meta.number == "45/QĐ-UBND"
    assert meta.date == "09/03/2015"
    assert meta.lines["signer"] == [11, 11]
