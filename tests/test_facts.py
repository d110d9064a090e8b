"""Fact extraction at ingest: responsibilities, targets, budget lines, with exact source lines.

The sample plans in knowledge/ and a plan written for these tests in another layout
(tests/fixtures/quang-tri-...: pipe tables, inline "Đơn vị chủ trì", per-year budget table,
"- Sở X: ..." duties) must all be read by the same general patterns.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant.chunking import Chunker, heading_level
from assistant.documents import extract_metadata, load_file
from assistant.facts import FACTS_VERSION, FactExtractor, split_agencies
from assistant.types import Document, Facts

ROOT = Path(__file__).resolve().parents[1]
TAY_NINH = ROOT / "knowledge" / "tay-ninh-2019-ke-hoach-de-an-32.txt"
BEN_TRE = ROOT / "knowledge" / "ben-tre-2012-du-toan-de-an-32.txt"
VINH_PHUC = ROOT / "knowledge" / "vinh-phuc-80-kh-ubnd-2021-ctxh-2021-2030.txt"
LANG_SON = ROOT / "knowledge" / "lang-son-80-kh-ubnd-2021-ctxh-2021-2030.txt"
TPHCM = ROOT / "knowledge" / "tphcm-2022-tin-ke-hoach-ctxh-den-2030.txt"
QUANG_TRI = ROOT / "tests" / "fixtures" / "quang-tri-2023-ke-hoach-nguoi-khuyet-tat.txt"
ALL = [TAY_NINH, BEN_TRE, VINH_PHUC, LANG_SON, TPHCM, QUANG_TRI]

LDTBXH = "Sở Lao động - Thương binh và Xã hội"


@cache
def extract(path: Path) -> tuple[Document, Facts]:
    doc = load_file(path)
    return doc, FactExtractor().run(doc, Chunker().run(doc))


def extract_text(text: str, source: str = "inline.txt") -> Facts:
    doc = Document(source=source, text=text, sha256="", meta=extract_metadata(text))
    return FactExtractor().run(doc, Chunker().run(doc))


def at(items, line: int):
    """Items that start at `line`, or (task blocks, cited from their task's own line) cover it."""
    found = [x for x in items if x.start_line == line] or [x for x in items if x.start_line <= line <= x.end_line and x.lead]
    assert found, f"nothing extracted at line {line}"
    return found


def one_at(items, line: int):
    found = at(items, line)
    assert len(found) == 1, found
    return found[0]


def test_version_is_bumped():
    assert FACTS_VERSION != "0"


# --------------------------------------------------------------------------- invariants


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_quote_is_source_text_of_its_lines(path):
    doc, facts = extract(path)
    lines = doc.lines
    for fact in facts.responsibilities + facts.targets + facts.budget:
        assert 1 <= fact.start_line <= fact.end_line <= len(lines), fact
        cited = " ".join(s for s in (lines[k].strip() for k in range(fact.start_line - 1, fact.end_line)) if s)
        assert fact.quote and fact.quote in cited, fact
        assert fact.source == doc.source


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_agency_lists_hold_names_not_sentences(path):
    _, facts = extract(path)
    for r in facts.responsibilities:
        assert r.lead, r
        for name in r.lead + r.partners:
            assert 2 <= len(name) <= 90 and not name.endswith((";", ".", ",", ":")), (name, r)


def test_facts_round_trip_through_dict():
    _, facts = extract(BEN_TRE)
    assert Facts.from_dict(facts.to_dict()) == facts


# --------------------------------------------------------------------------- responsibilities


def test_tay_ninh_every_lead_line_is_in_the_matrix():
    doc, facts = extract(TAY_NINH)
    lead_lines = [n for n, line in enumerate(doc.lines, 1) if "Cơ quan chủ trì" in line]
    assert lead_lines == [28, 38, 45, 51, 58, 65]
    for n in lead_lines:
        r = one_at(facts.responsibilities, n)
        assert r.end_line == n + 1  # the "Cơ quan phối hợp" line right below
        assert r.lead[0] == LDTBXH
        assert r.duty == ""
        assert r.section.startswith("III. CÁC NHIỆM VỤ")
        assert r.quote.startswith("- Cơ quan chủ trì:") and "Cơ quan phối hợp:" in r.quote


def test_tay_ninh_task_blocks_content():
    _, facts = extract(TAY_NINH)
    first = one_at(facts.responsibilities, 28)
    assert first.task == "Hoạt động truyền thông, nâng cao nhận thức"
    assert first.partners == ["các sở, ban, ngành liên quan"]
    assert "1. Hoạt động truyền thông, nâng cao nhận thức" in first.section

    network = one_at(facts.responsibilities, 38)
    assert network.task == "Hoạt động phát triển mạng lưới và nâng cao năng lực"
    assert network.partners == ["Sở Xây dựng", "Sở Kế hoạch và Đầu tư", "các sở, ban, ngành liên quan"]

    assert one_at(facts.responsibilities, 45).partners == ["các sở, ban, ngành liên quan", "các địa phương"]
    training = one_at(facts.responsibilities, 51)
    assert training.lead == [LDTBXH, "Sở Nội vụ"]
    assert training.task == "Tập huấn, bồi dưỡng nâng cao năng lực cán bộ làm công tác xã hội"


def test_tay_ninh_duties_in_to_chuc_thuc_hien():
    _, facts = extract(TAY_NINH)
    duties = [r for r in facts.responsibilities if r.duty]
    by_agency: dict[str, list[int]] = {}
    for r in duties:
        by_agency.setdefault(r.task, []).append(r.start_line)
    assert by_agency[LDTBXH] == [72, 73, 74]
    assert by_agency["Sở Nội vụ"] == [76, 77]
    assert by_agency["Sở Giáo dục và Đào tạo"] == [79]
    assert by_agency["Ủy ban nhân dân các huyện, thành phố"] == [89, 90, 91]
    assert max(r.end_line for r in duties) == 91  # "Trên đây là Kế hoạch ..." and "Nơi nhận" are not duties

    finance = one_at(duties, 81)
    assert finance.lead == ["Sở Tài chính"]
    assert finance.duty.startswith("Căn cứ vào tình hình ngân sách địa phương, tham mưu Ủy ban nhân dân tỉnh phân bổ kinh phí")
    assert finance.section == "V. TỔ CHỨC THỰC HIỆN › 4. Sở Tài chính"

    media = one_at(duties, 83)
    assert media.lead == ["Sở Thông tin và Truyền thông"]
    assert media.partners == ["các cơ quan liên quan"]

    front = one_at(duties, 87)  # "7. Đề nghị Ủy ban Mặt trận ... và các tổ chức chính trị - xã hội."
    assert front.lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"]
    assert not front.task.startswith("Đề nghị")

    # "Phối hợp với X ..." makes the agency a helper, not the lead of a partnership
    assert one_at(duties, 77).partners == []


def test_ben_tre_duties_with_heading_text_and_levels():
    _, facts = extract(BEN_TRE)
    rs = facts.responsibilities
    standing = one_at(rs, 60)  # "4.1. Giao Sở ... là cơ quan thường trực ...; phối hợp với ..."
    assert standing.lead == ["Sở Lao động - Thương binh và xã hội"]
    assert standing.partners == ["các sở, ngành", "các huyện, thành phố"]
    assert standing.duty.startswith("Giao Sở Lao động")
    assert [r.start_line for r in rs if r.task == standing.task] == [60, 62, 64, 66]

    interior = one_at(rs, 68)
    assert interior.lead == ["Sở Nội vụ"] and interior.duty.startswith("Có trách nhiệm hướng dẫn")
    assert one_at(rs, 70).lead == ["Sở Nội vụ"]  # unnumbered paragraph under 4.2

    money = one_at(rs, 73)
    assert money.lead == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert money.duty.startswith("Ưu tiên bố trí kinh phí")

    media = one_at(rs, 75)
    assert media.partners == ["Báo Đồng Khởi", "Đài Phát thanh và Truyền hình",
                              "Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức thành viên"]

    front = one_at(rs, 79)
    assert front.lead == ["Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    assert front.partners == ["Đoàn Thanh niên cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân tỉnh"]

    assert [r.start_line for r in rs if r.lead == ["Cấp huyện"]] == [83, 85, 87]
    assert [r.start_line for r in rs if r.lead == ["Cấp xã"]] == [91, 93]
    assert max(r.end_line for r in rs) == 93


def test_lang_son_assignment_sentence():
    _, facts = extract(LANG_SON)
    r = one_at(facts.responsibilities, 41)
    assert r.lead == ["Sở Lao động - Thương binh và Xã hội"]
    assert r.partners == ["các sở, ngành"]
    assert r.task == "xây dựng kế hoạch triển khai thực hiện Đề án"
    assert r.quote.startswith("Để thực hiện tốt các mục tiêu") and r.quote.endswith("thực hiện Đề án.")


def test_news_article_has_no_invented_responsibilities():
    _, facts = extract(TPHCM)
    assert facts.responsibilities == []


# --------------------------------------------------------------------------- targets


def test_vinh_phuc_targets_values_and_periods():
    _, facts = extract(VINH_PHUC)
    got = {(t.start_line, t.value): t.period for t in facts.targets}
    expected = {
        (43, "80%"): "2021-2025", (43, "75%"): "2021-2025",
        (45, "Ít nhất có 50%"): "2021-2025", (45, "35%"): "2021-2025",
        (47, "100%"): "2025", (47, "tối thiểu 60%"): "2025",  # "Đến năm 2025, đạt ..."
        (49, "100%"): "2021-2025",
        (55, "100%"): "2026-2030", (55, "90%"): "2026-2030",
        (57, "100%"): "2026-2030", (57, "tối thiểu 80%"): "2026-2030",
        (59, "60%"): "2026-2030", (61, "100%"): "2026-2030",
    }
    for key, period in expected.items():
        assert got.get(key) == period, key
    assert not [t for t in facts.targets if t.start_line < 43 or t.start_line > 61]

    health = next(t for t in facts.targets if t.value == "tối thiểu 60%")
    assert health.indicator.startswith("số cơ sở y tế, cơ sở giáo dục và cơ sở liên quan khác")
    assert len(health.indicator) <= 200
    assert health.quote.startswith("đạt tối thiểu 60% số cơ sở y tế")
    assert health.section == "I. MỤC TIÊU › 2. Mục tiêu cụ thể. › 2.1. Từ năm 2021 đến năm 2025 › " + health.section.split(" › ")[-1]

    first = next(t for t in facts.targets if t.value == "80%")
    assert first.indicator.startswith("số cơ sở trợ giúp xã hội, cơ sở cai nghiện ma túy")


def test_tphcm_targets_take_period_from_the_paragraphs():
    _, facts = extract(TPHCM)
    got = [(t.start_line, t.value, t.period) for t in facts.targets]
    assert got == [(13, "ít nhất 50%", "đến 2025"), (19, "khoảng 80%", "2026-2030")]
    assert facts.targets[1].indicator.startswith("cán bộ, viên chức, nhân viên và cộng tác viên công tác xã hội")


def test_lang_son_counts_in_results():
    _, facts = extract(LANG_SON)
    got = {t.value: (t.start_line, t.period) for t in facts.targets}
    assert got["1.768 lượt cán bộ"] == (57, "2012-2020")
    assert got["8.025 quyển"][0] == 49
    assert "tập huấn kĩ năng công tác xã hội cho 1.768 lượt cán bộ" in \
        next(t.indicator for t in facts.targets if t.value == "1.768 lượt cán bộ")
    assert got["100%"] == (61, "2018")  # "Năm 2018 ... tốt nghiệp 100%"
    assert not any("đồng" in t.value for t in facts.targets)


def test_ben_tre_targets_skip_budget_shares_and_years():
    _, facts = extract(BEN_TRE)
    values = {(t.start_line, t.value): t.period for t in facts.targets}
    assert values[(27, "100 người")] == "2012"  # the plan year, not "lớp ... năm 2011"
    assert values[(29, "400 lượt người")] == "2012"
    assert not [t for t in facts.targets if t.start_line in (44, 51)]  # amounts' explanations ("chiếm 25%")


# --------------------------------------------------------------------------- budget


def test_ben_tre_table_rows():
    _, facts = extract(BEN_TRE)
    rows = [b for b in facts.budget if 115 < b.start_line < 277]
    assert all(b.unit == "1.000đ" and b.year == "2012" for b in rows)
    assert all(b.section.startswith("DỰ TOÁN CHI TIẾT KINH PHÍ") for b in rows)

    centre = one_at(rows, 131)
    assert (centre.item, centre.amount, centre.detail) == (
        "Xây dựng thí điểm Trung tâm Cung cấp dịch vụ xã hội cấp tỉnh", "1.500.000",
        "Nâng cấp cơ sở vật chất và mua sắm trang thiết bị")
    assert centre.funding == "Trung ương: 1.500.000"
    assert centre.end_line == 136

    food = one_at(rows, 173)
    assert food.item == "Chi đặc thù trong việc tiếp nhận, nuôi dưỡng cho đối tượng cần được bảo vệ khẩn cấp › Hỗ trợ tiền ăn"
    assert (food.amount, food.detail, food.funding) == ("50.000", "25.000 đồng/ngày, 20 ngày với 100 người", "Địa phương: 50.000")

    new_class = one_at(rows, 222)
    assert new_class.item == "Tổ chức đào tạo trình độ trung cấp công tác xã hội › Mở lớp Trung cấp công tác xã hội năm 2012 (lớp mới)"
    assert new_class.amount == "350.000"

    total = one_at(rows, 271)
    assert (total.item, total.amount) == ("Tổng cộng", "2.904.360")
    assert total.funding == "Trung ương: 2.320.000; Địa phương: 584.360"
    assert not [b for b in rows if b.start_line == 145]  # row 2.1 has an explanation but no amount
    assert len(rows) == 20


def test_ben_tre_sentence_amounts():
    _, facts = extract(BEN_TRE)
    sentences = [b for b in facts.budget if b.start_line < 115 or b.start_line == 279]
    assert all(b.unit == "đồng" for b in sentences)
    got = {(b.start_line, b.amount): b for b in sentences}

    y2011 = [got[(17, a)] for a in ("484.100.000", "360.000.000", "124.100.000")]
    assert [b.item for b in y2011] == ["Tổng kinh phí thực hiện Đề án 32 năm 2011", "Trung ương hỗ trợ", "ngân sách địa phương bố trí"]
    assert [b.funding for b in y2011] == ["", "Trung ương", "Địa phương"]
    assert {b.year for b in y2011} == {"2011"}

    total = got[(36, "2.904.360.000")]
    assert (total.item, total.year, total.funding) == ("Kinh phí thực hiện Đề án 32 năm 2012", "2012", "")

    central = got[(38, "2.320.000.000")]
    assert (central.item, central.funding, central.detail) == ("Đề nghị Trung ương hỗ trợ", "Trung ương", "để thực hiện các hoạt động")

    training = got[(44, "120.000.000")]
    assert (training.item, training.funding, training.year) == ("Tập huấn", "Trung ương", "2012")
    assert training.detail.startswith("dự kiến tổ chức 6 lớp với 400 người")

    classes = got[(46, "700.000.000")]
    assert classes.item == "Tổ chức đào tạo lớp trung cấp công tác xã hội"
    assert classes.year == "2012" and classes.detail.startswith("duy trì lớp đã mở năm 2011")

    assert got[(47, "584.360.000")].funding == "Địa phương"
    assert (got[(49, "88.000.000")].item, got[(49, "88.000.000")].funding) == (
        "Chi hỗ trợ tiếp nhận, nuôi dưỡng các đối tượng cần bảo vệ khẩn cấp", "Địa phương")
    assert got[(40, "1.500.000.000")].funding == "Trung ương"
    assert got[(279, "2.904.360.000")].item == "Tổng kinh phí"
    # "năm 2011 đồng thời" is not an amount; "20.000.000 đồng" inside a parenthesis is a detail
    assert not [b for b in sentences if b.amount == "2011"]
    assert [b.amount for b in sentences if b.start_line == 44] == ["120.000.000"]


def test_lang_son_rates_are_not_budget_lines():
    _, facts = extract(LANG_SON)
    assert facts.budget == []  # "4.000.000 đồng/học viên/năm" is a rate


# --------------------------------------------------------------------------- a plan in another layout


def test_fixture_table_of_tasks():
    _, facts = extract(QUANG_TRI)
    first = one_at(facts.responsibilities, 35)
    assert first.task == "Rà soát, cập nhật cơ sở dữ liệu người khuyết tật"
    assert first.lead == [LDTBXH]
    assert first.partners == ["Sở Y tế", "UBND các huyện, thị xã, thành phố"]
    assert first.timeline == "Quý III/2023"
    assert first.quote.startswith("| 1 | Rà soát")
    media = one_at(facts.responsibilities, 36)
    assert media.partners == ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Trị", "Hội Bảo trợ người khuyết tật tỉnh"]
    rehab = one_at(facts.responsibilities, 37)
    assert rehab.partners == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"]


def test_fixture_inline_and_bulleted_task_blocks():
    _, facts = extract(QUANG_TRI)
    inline = one_at(facts.responsibilities, 40)
    assert inline.task == "Hỗ trợ sinh kế, tạo việc làm cho người khuyết tật"
    assert inline.lead == [LDTBXH]
    assert inline.partners == ["Ngân hàng Chính sách xã hội tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"]
    assert inline.timeline == "2023 - 2025"

    bullets = one_at(facts.responsibilities, 42)
    assert (bullets.start_line, bullets.end_line) == (41, 44)  # the task's line with all its labels (lead, partners, funding)
    assert bullets.task == "Cải tạo công trình công cộng bảo đảm tiếp cận"
    assert bullets.lead == ["Sở Xây dựng"]
    assert bullets.partners == ["Sở Giao thông vận tải", "Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert bullets.funding == "ngân sách tỉnh và nguồn xã hội hóa"

    focal = one_at(facts.responsibilities, 19)  # "Giao Sở ... là cơ quan đầu mối, phối hợp với ..."
    assert focal.lead == [LDTBXH] and focal.partners == ["các cơ quan liên quan"]
    assert focal.task == "theo dõi, đôn đốc việc thực hiện Kế hoạch này"


def test_fixture_implementation_duties():
    _, facts = extract(QUANG_TRI)
    rs = facts.responsibilities
    standing = one_at(rs, 58)  # "a) Là cơ quan thường trực, chủ trì, phối hợp với ..."
    assert standing.lead == [LDTBXH] and standing.partners == ["các sở, ngành liên quan"]
    assert one_at(rs, 59).lead == [LDTBXH]
    assert one_at(rs, 61).lead == ["Sở Tài chính"]
    assert one_at(rs, 61).duty == "Tham mưu bố trí kinh phí thực hiện Kế hoạch theo phân cấp ngân sách hiện hành."
    health = one_at(rs, 62)
    assert health.lead == ["Sở Y tế"] and health.partners == ["Bảo hiểm xã hội tỉnh"]
    assert one_at(rs, 63).lead == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"]
    assert one_at(rs, 65).lead == ["Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert max(r.start_line for r in rs) == 65  # the closing "Trong quá trình thực hiện ... vướng mắc" is not a duty


def test_fixture_targets():
    _, facts = extract(QUANG_TRI)
    got = {t.value: (t.start_line, t.period, t.indicator) for t in facts.targets}
    assert got["trên 90%"] == (23, "2023", "Tỷ lệ người khuyết tật có hoàn cảnh khó khăn được trợ giúp xã hội")
    assert got["300 người"][:2] == (24, "2023")
    assert got["không dưới 95%"] == (26, "2025", "người khuyết tật được tiếp cận dịch vụ y tế")
    assert got["70%"] == (26, "2025", "trẻ em khuyết tật được tiếp cận giáo dục hòa nhập")
    assert got["xuống còn 5%"] == (27, "2025", "Giảm tỷ lệ hộ nghèo có người khuyết tật")
    assert got["ít nhất 01 mô hình"][:2] == (28, "2025")
    assert got["1.200 lượt cán bộ"][:2] == (29, "2023-2025")  # the clause's own period wins
    assert len(facts.targets) == 7


def test_fixture_budget_per_year_table_and_sentence():
    _, facts = extract(QUANG_TRI)
    training = [b for b in facts.budget if b.start_line == 51]
    assert [(b.year, b.amount) for b in training] == [("2023", "100"), ("2024", "120"), ("2025", "130"), ("2023-2025", "350")]
    assert {b.unit for b in training} == {"triệu đồng"}  # from "Đơn vị tính: triệu đồng"
    assert {b.item for b in training} == {"Tập huấn cán bộ, cộng tác viên"}
    assert {b.funding for b in training} == {"Ngân sách tỉnh"}
    total = [b for b in facts.budget if b.start_line == 54 and b.year == "2023-2025"]
    assert [(b.item, b.amount) for b in total] == [("Cộng", "1.250")]

    sentence = [b for b in facts.budget if b.start_line == 47]
    assert [(b.item, b.amount, b.unit, b.funding) for b in sentence] == [
        ("Tổng kinh phí dự kiến", "1.250", "triệu đồng", ""),
        ("ngân sách tỉnh", "950", "triệu đồng", "Địa phương"),
        ("nguồn xã hội hóa", "300", "triệu đồng", "Xã hội hóa"),
    ]
    assert {b.year for b in sentence} == {"2023-2025"}  # the plan's period


# --------------------------------------------------------------------------- small layouts inline


def test_tab_separated_table_with_lead_partner_and_cost_columns():
    text = "\n".join([
        "KẾ HOẠCH",
        "PHÒNG CHỐNG BẠO LỰC GIA ĐÌNH TỈNH HẬU GIANG NĂM 2024",
        "I. NHIỆM VỤ CỤ THỂ",
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tKinh phí (đồng)",
        "1\tTổ chức hội thi tuyên truyền\tHội Liên hiệp Phụ nữ tỉnh\tSở Văn hóa, Thể thao và Du lịch và Tỉnh đoàn\t45.000.000",
        "2\tTập huấn kỹ năng cho hòa giải viên\tSở Tư pháp\tCông an tỉnh, Ủy ban nhân dân các huyện\t30.000.000",
    ])
    facts = extract_text(text)
    rs = {r.start_line: r for r in facts.responsibilities}
    assert rs[5].task == "Tổ chức hội thi tuyên truyền"
    assert rs[5].lead == ["Hội Liên hiệp Phụ nữ tỉnh"]
    assert rs[5].partners == ["Sở Văn hóa, Thể thao và Du lịch", "Tỉnh đoàn"]
    assert rs[6].partners == ["Công an tỉnh", "Ủy ban nhân dân các huyện"]
    budget = {b.start_line: b for b in facts.budget}
    assert (budget[5].item, budget[5].amount, budget[5].unit, budget[5].year) == (
        "Tổ chức hội thi tuyên truyền", "45.000.000", "đồng", "2024")


def test_implementation_part_with_unnumbered_agency_lines():
    text = "\n".join([
        "III. TRÁCH NHIỆM THỰC HIỆN",
        "Sở Y tế",
        "- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe cho học sinh.",
        "- Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/11.",
        "Công an tỉnh:",
        "- Bảo đảm an ninh trật tự tại các điểm tổ chức.",
    ])
    facts = extract_text(text)
    got = [(r.start_line, r.lead, r.partners) for r in facts.responsibilities]
    assert got == [
        (3, ["Sở Y tế"], ["Sở Giáo dục và Đào tạo"]),
        (4, ["Sở Y tế"], []),
        (6, ["Công an tỉnh"], []),
    ]


@pytest.mark.skipif(heading_level("## V. TỔ CHỨC THỰC HIỆN") is None, reason="chunking reads no Markdown headings")
def test_markdown_headings_from_converted_documents():
    text = "\n".join([
        "## V. TỔ CHỨC THỰC HIỆN",
        "### 1. Sở Y tế",
        "- Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức khám sàng lọc.",
        "### 2. Sở Tài chính: Bố trí kinh phí theo quy định.",
    ])
    facts = extract_text(text, "converted.md")
    got = [(r.start_line, r.task, r.partners, r.duty) for r in facts.responsibilities]
    assert got == [
        (3, "Sở Y tế", ["Bảo hiểm xã hội tỉnh"], "Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức khám sàng lọc."),
        (4, "Sở Tài chính", [], "Bố trí kinh phí theo quy định."),
    ]


def test_sentence_amounts_in_other_units_and_targets_in_ranges():
    text = "\n".join([
        "II. MỤC TIÊU",
        "Phấn đấu đến năm 2026 có từ 70 - 80% xã, phường đạt chuẩn tiếp cận pháp luật.",
        "III. KINH PHÍ",
        "Tổng kinh phí thực hiện giai đoạn 2024 - 2026 khoảng 12,5 tỷ đồng; trong đó vốn ngân sách trung ương 10 tỷ đồng.",
    ])
    facts = extract_text(text)
    assert [(t.value, t.period) for t in facts.targets] == [("từ 70 - 80%", "2026")]
    assert facts.targets[0].indicator == "xã, phường đạt chuẩn tiếp cận pháp luật"
    assert [(b.item, b.amount, b.unit, b.year, b.funding) for b in facts.budget] == [
        ("Tổng kinh phí thực hiện giai đoạn 2024 - 2026", "12,5", "tỷ đồng", "2024-2026", ""),
        ("vốn ngân sách trung ương", "10", "tỷ đồng", "2024-2026", "Trung ương"),
    ]


def test_indicator_table_gives_targets_and_cost_table_with_abbreviated_sources():
    text = "\n".join([
        "KẾ HOẠCH",
        "Phát triển công tác xã hội tỉnh An Giang giai đoạn 2023 - 2025",
        "II. CHỈ TIÊU CHỦ YẾU",
        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2023 | Năm 2025 |",
        "|---|---|---|---|---|",
        "| 1 | Tỷ lệ xã có cộng tác viên công tác xã hội | % | 60 | 80 |",
        "| 2 | Số người được tư vấn, hỗ trợ | người | 1.000 | 1.500 |",
        "III. KINH PHÍ",
        "| TT | Nội dung | Tổng | NSTW | NSĐP |",
        "|---|---|---|---|---|",
        "| 1 | Tập huấn | 300 | 200 | 100 |",
    ])
    facts = extract_text(text)
    assert [(t.start_line, t.indicator, t.value, t.period) for t in facts.targets] == [
        (6, "Tỷ lệ xã có cộng tác viên công tác xã hội", "60%", "2023"),
        (6, "Tỷ lệ xã có cộng tác viên công tác xã hội", "80%", "2025"),
        (7, "Số người được tư vấn, hỗ trợ", "1.000 người", "2023"),
        (7, "Số người được tư vấn, hỗ trợ", "1.500 người", "2025"),
    ]
    assert [(b.start_line, b.item, b.amount, b.funding, b.year) for b in facts.budget] == [
        (11, "Tập huấn", "300", "NSTW: 200; NSĐP: 100", "2023-2025"),
    ]


# --------------------------------------------------------------------------- agency lists


@pytest.mark.parametrize("text, expected", [
    ("Sở Xây dựng, Sở Kế hoạch và Đầu tư và các sở, ban, ngành liên quan.",
     ["Sở Xây dựng", "Sở Kế hoạch và Đầu tư", "các sở, ban, ngành liên quan"]),
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội",
     ["Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội"]),
    ("các cơ quan: Báo Đồng Khởi, Đài Phát thanh và Truyền hình cùng các tổ chức thành viên chỉ đạo, hướng dẫn",
     ["Báo Đồng Khởi", "Đài Phát thanh và Truyền hình", "các tổ chức thành viên"]),
    ("Ủy ban nhân dân các huyện, thành phố và Bảo hiểm xã hội tỉnh thực hiện", ["Ủy ban nhân dân các huyện, thành phố", "Bảo hiểm xã hội tỉnh"]),
    ("Sở Tài nguyên và Môi trường; Sở Nông nghiệp và Phát triển nông thôn", ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"]),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", ["Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện"]),
])
def test_split_agencies(text, expected):
    assert split_agencies(text) == expected


def test_a_bracketed_assignment_names_the_task_before_it_and_keeps_its_list():
    """"<task> (Giao X chủ trì, phối hợp với Y; Z …)": the ';' inside the brackets separates
    partners; the task is the sentence before the bracket."""
    text = (
        "II. NHIỆM VỤ\n\n"
        "3. Rà soát quy chế quản lý kho lưu trữ của tỉnh (Giao Sở Nội vụ chủ trì, phối hợp với "
        "Văn phòng UBND tỉnh; Sở Tư pháp và các cơ quan liên quan thực hiện).\n"
    )
    rs = [r for r in extract_text(text).responsibilities if r.lead == ["Sở Nội vụ"]]
    assert len(rs) == 1
    assert rs[0].task == "Rà soát quy chế quản lý kho lưu trữ của tỉnh"
    assert rs[0].partners[:2] == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]


def test_duties_under_the_outline_words_of_decree_30():
    """"Phần IV / Chương I / Mục 2. Sở Tài chính": the agency heads its duties as "2. Sở Tài chính" would."""
    text = (
        "Phần IV\nTỔ CHỨC THỰC HIỆN\n\nChương I\nTRÁCH NHIỆM CỦA CÁC CƠ QUAN\n\n"
        "Mục 1. Sở Tài chính\n\nTham mưu bố trí kinh phí sự nghiệp từ ngân sách tỉnh để thực hiện Kế hoạch.\n\n"
        "Mục 2. Công an tỉnh\n\nBảo đảm an ninh, trật tự tại các điểm du lịch.\n"
    )
    facts = extract_text(text)
    leads = {r.lead[0]: r.duty for r in facts.responsibilities if r.duty}
    assert leads["Sở Tài chính"].startswith("Tham mưu bố trí kinh phí")
    assert leads["Công an tỉnh"].startswith("Bảo đảm an ninh")
