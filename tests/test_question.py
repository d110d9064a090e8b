"""Understanding a question: its kind, its slots, follow-ups resolved with the conversation."""

from __future__ import annotations

import pytest

from assistant.vietnamese import fold
from assistant.question import bare_time_question, detect_kind, document_fields, find_agency, resolve_followup, split_parts, understand
from assistant.types import Turn


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Ai chủ trì hoạt động truyền thông ở Tây Ninh?", "lead"),
        ("co quan nao chu tri hoat dong truyen thong", "lead"),
        ("Những cơ quan nào phối hợp?", "partner"),
        ("co quan nao phoi hop", "partner"),
        ("Ai ký Kế hoạch 80/KH-UBND?", "signer"),
        ("Sở Tài chính có trách nhiệm gì?", "duty"),
        ("so tai chinh co trach nhiem gi", "duty"),
        ("Tổng kinh phí năm 2012 là bao nhiêu?", "amount"),
        ("Mục tiêu đến năm 2030 là bao nhiêu phần trăm?", "target"),
        ("Có bao nhiêu xã tham gia thí điểm?", "count"),
        ("Trung tâm Bảo trợ xã hội được đổi tên thành gì?", "rename"),
        ("Kế hoạch được ban hành ngày nào?", "date"),
        ("Những kế hoạch nào trong kho tài liệu áp dụng cho năm 2025?", "list"),
    ],
)
def test_detect_kind(question, kind):
    assert detect_kind(question) == kind


_LAO_DONG_BUG = (
    "bug: question._KINDS 'amount' pattern r'\\bdong\\b' (meant for 'đồng', the currency) matches the "
    "folded 'Lao động' of 'Sở Lao động - Thương binh và Xã hội' (also of the expanded 'LĐTBXH'), and "
    "'amount' is tried before 'target' / 'what', so target questions naming the agency get the amount "
    "answer type (e.g. 'Đến năm 2025 Vĩnh Phúc phấn đấu bao nhiêu phần trăm cơ sở ... thuộc ngành LĐTBXH ...' abstains)"
)


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Đến năm 2025 phấn đấu bao nhiêu phần trăm cơ sở thuộc ngành LĐTBXH có dịch vụ công tác xã hội?", "target"),
        ("Sở Lao động - Thương binh và Xã hội đặt mục tiêu gì đến năm 2030?", "target"),
    ],
)
def test_the_agency_name_lao_dong_is_not_money(question, kind):
    assert detect_kind(question) == kind


def test_bo_may_is_not_a_count_question():
    assert detect_kind("TPHCM thành lập bộ máy nào để chỉ đạo thực hiện Chương trình?") != "count"


@pytest.mark.parametrize(
    "question, agency",
    [
        ("Sở Tài chính Tây Ninh có trách nhiệm gì?", "Sở Tài chính"),
        ("so tai chinh tay ninh co trach nhiem gi", "so tai chinh"),
        ("Sở Nội vụ phải làm gì?", "Sở Nội vụ"),
        # typed on a phone: an abbreviated department without accents or capitals
        ("so tc lam gi trong kh nay", "so Tài chính"),
        ("con so gd&dt ben tre?", "so Giáo dục và Đào tạo"),
        # compounds of "bao" typed without accents are not a newspaper ("Báo …")
        ("so luong bao nhieu", ""),
        ("bao cao so tc gui ai", "so Tài chính"),
        ("nam 2013 giao du toan cho so y te bao nhieu", "so y te"),  # "bao nhiêu" ends the name
        ("cong an TP.HCM lam gi", "cong an"),  # capitals of an abbreviation are not case; the province ends the name
    ],
)
def test_find_agency(question, agency):
    assert find_agency(question) == agency


# ------------------------------------------------------------------ follow-ups

VP_2025 = "Kế hoạch của Vĩnh Phúc đặt mục tiêu gì về cơ sở y tế, cơ sở giáo dục đến năm 2025?"


def test_followup_with_another_year_replaces_the_year():
    history = [Turn("user", VP_2025), Turn("assistant", "Đạt tối thiểu 60% ...")]
    standalone, followup, _ = resolve_followup("Còn đến năm 2030 thì sao?", history)
    assert followup is True
    assert "2030" in standalone and "2025" not in standalone
    assert "Vĩnh Phúc" in standalone and "cơ sở y tế" in standalone


def test_followup_with_another_period_replaces_the_period():
    history = [Turn("user", "Giai đoạn 2021-2025 Vĩnh Phúc phấn đấu bao nhiêu phần trăm cơ sở bố trí nhân sự công tác xã hội?")]
    standalone, followup, _ = resolve_followup("Còn giai đoạn 2026-2030 thì sao?", history)
    assert followup is True
    assert "2026-2030" in standalone and "2021-2025" not in standalone


def test_followup_with_another_province_replaces_the_province():
    standalone, followup, _ = resolve_followup("Còn Lạng Sơn?", [Turn("user", "Ai ký kế hoạch 80/KH-UBND của Vĩnh Phúc?")])
    assert followup is True
    assert standalone == "Ai ký kế hoạch 80/KH-UBND của Lạng Sơn?"


def test_followup_with_another_question_kind_keeps_the_topic():
    history = [Turn("user", "Ai chủ trì hoạt động truyền thông ở Tây Ninh năm 2019?"), Turn("assistant", "Sở LĐTBXH")]
    query = understand("Vậy cơ quan nào phối hợp?", history)
    assert query.followup is True
    assert query.kind == "partner"
    assert "truyền thông" in query.standalone and "Tây Ninh" in query.standalone
    assert query.provinces == ["Tây Ninh"] and query.years == [2019]


def test_followup_with_another_agency_asks_the_same_of_it():
    history = [Turn("user", "Sở Tài chính Bến Tre phải làm gì trong đề án 32?"), Turn("assistant", "…")]
    standalone, followup, _ = resolve_followup("Còn Sở Giáo dục và Đào tạo?", history)
    assert followup is True
    assert standalone == "Sở Giáo dục và Đào tạo Bến Tre phải làm gì trong đề án 32?"


def test_an_agency_followup_after_an_abbreviated_agency_keeps_the_duty_question():
    history = [Turn("user", "Sở KH&CN làm gì trong KH 286 của Hưng Yên?"), Turn("assistant", "…")]
    query = understand("con cong an tinh thi sao", history)
    assert query.kind == "duty" and fold(query.agency) == "cong an"
    assert "286" in query.standalone and "Khoa học" not in query.standalone


def test_a_followup_of_a_followup_keeps_the_first_turns_scope():
    history = [Turn("user", VP_2025), Turn("assistant", "…"), Turn("user", "Thế năm 2030?"), Turn("assistant", "…")]
    query = understand("Ai ký kế hoạch đó?", history)
    assert query.followup is True and query.kind == "signer"
    assert query.provinces == ["Vĩnh Phúc"] and "2030" in query.standalone


def test_a_full_question_is_not_a_followup():
    history = [Turn("user", "Tổng kinh phí của Bến Tre năm 2012 là bao nhiêu?")]
    question = "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?"
    assert resolve_followup(question, history)[:2] == (question, False)


def test_no_history_means_no_followup():
    assert resolve_followup("Còn Lạng Sơn?", [])[:2] == ("Còn Lạng Sơn?", False)
    # Only the user's turns are the topic; an assistant turn alone is not.
    assert resolve_followup("Còn Lạng Sơn?", [Turn("assistant", "Vĩnh Phúc ...")])[1] is False


# ------------------------------------------------------------------ slots


def test_understand_slots():
    q = understand("  Kế hoạch   80/KH-UBND giai đoạn 2021-2030 của TP.HCM ")
    assert q.text == "Kế hoạch 80/KH-UBND giai đoạn 2021-2030 của TP.HCM"
    assert q.provinces == ["Hồ Chí Minh"]
    assert q.numbers == ["80/KH-UBND"]
    assert q.periods == [(2021, 2030)]
    assert q.years == [2021, 2030]
    assert q.unaccented is False and q.followup is False


def test_understand_unaccented_question():
    q = understand("co quan nao chu tri o Tay Ninh nam 2019?")
    assert q.unaccented is True
    assert q.kind == "lead"
    assert q.provinces == ["Tây Ninh"] and q.years == [2019]


def test_understand_keeps_source_filter():
    assert understand("Ai ký?", sources=["a.txt"]).sources == ["a.txt"]


# Conversation scope: a follow-up carries over only what it refers to; a new question that
# stands on its own starts clean.

_PREVIOUS = [Turn("user", "Tỉnh Cà Mau có kế hoạch phát triển nghề công tác xã hội không?"),
             Turn("assistant", "Tài liệu không có thông tin về Cà Mau.")]


def test_a_self_contained_question_starts_clean():
    q = understand("Sở Tài chính có trách nhiệm gì trong kế hoạch công tác xã hội?", _PREVIOUS)
    assert not q.followup
    assert q.provinces == [] and "Cà Mau" not in q.standalone


def test_an_elliptical_follow_up_keeps_the_previous_scope():
    history = [Turn("user", "Mục tiêu đến năm 2025 của Vĩnh Phúc về công tác xã hội là gì?"), Turn("assistant", "…")]
    q = understand("Còn năm 2030 thì sao?", history)
    assert q.followup and q.years == [2030] and q.provinces == ["Vĩnh Phúc"]


def test_a_follow_up_naming_its_own_province_does_not_inherit_the_old_one():
    history = [Turn("user", "Mục tiêu đến năm 2025 của Vĩnh Phúc về công tác xã hội là gì?"), Turn("assistant", "…")]
    q = understand("Còn Lạng Sơn thì sao?", history)
    assert q.followup and q.provinces == ["Lạng Sơn"]


def test_a_name_in_capitals_is_not_the_question_word_when_splitting_parts():
    q = "Ở tỉnh X, việc ra mắt AI pháp luật cho cán bộ, công chức thì ai chủ trì, ai phối hợp?"
    assert split_parts(q) == ["Ở tỉnh X, việc ra mắt AI pháp luật cho cán bộ, công chức thì ai chủ trì", "ai phối hợp"]


def test_an_agency_and_lam_gi_ask_for_its_duties():
    assert understand("Cong an tinh lam gi trong ke hoach nay?").kind == "duty"
    assert understand("Kế hoạch này nhằm làm gì?").kind != "duty"  # no agency: a purpose


def test_a_document_noun_with_a_demonstrative_refers_back():
    history = [Turn("user", "QĐ 45 của tỉnh X về chuyển đổi số do ai ký?"), Turn("assistant", "Ông A ký.")]
    standalone, followup, _ = resolve_followup("qd do co hieu luc tu khi nao?", history)
    assert followup and "45" in standalone


def test_a_ratio_of_money_is_a_target_not_an_amount():
    assert detect_kind("Kinh phí R&D/GRDP đạt tỷ lệ bao nhiêu?") == "target"
    assert detect_kind("Kinh phí thực hiện là bao nhiêu tiền?") == "amount"


def test_a_list_question_may_name_its_topic_in_several_words():
    assert detect_kind("Tỉnh X có những kế hoạch chuyển đổi số nào?") == "list"
    assert detect_kind("Có những đề án bảo vệ môi trường nào?") == "list"


def test_a_name_with_va_inside_is_one_part():
    q = "Tổng kinh phí là bao nhiêu và Quỹ Bảo vệ và Phát triển rừng góp bao nhiêu?"
    assert split_parts(q) == ["Tổng kinh phí là bao nhiêu", "Quỹ Bảo vệ và Phát triển rừng góp bao nhiêu"]
    assert split_parts("Sở Văn hóa, Thể thao và Du lịch chủ trì việc gì, và khi nào xong?")[0] == "Sở Văn hóa, Thể thao và Du lịch chủ trì việc gì"


def test_khong_asks_only_at_the_end_of_a_clause():
    q = "Nhiệm vụ cải tạo các bãi chôn lấp không hợp vệ sinh, ngoài Sở X thì còn những cơ quan nào phối hợp?"
    assert split_parts(q) == [q]
    assert split_parts("Sở Y tế có chủ trì không, và khi nào xong?") == ["Sở Y tế có chủ trì không", "khi nào xong"]


def test_so_hieu_typed_without_accents_is_not_an_agency():
    assert find_agency("cho minh so hieu cac ke hoach") == ""
    assert find_agency("So Tai chinh lam gi") == "So Tai chinh"


def test_hoat_dong_is_not_the_currency():
    assert detect_kind("tỷ lệ doanh nghiệp có hoạt động đổi mới và kinh phí R&D/GRDP tối thiểu là bao nhiêu?") == "target"


def test_the_agency_that_owns_the_document_is_not_the_one_asked():
    assert find_agency("Trong kế hoạch của UBND tỉnh X, Sở TC có trách nhiệm gì?") == "Sở Tài chính"
    assert find_agency("ke hoach giao cong an tinh nhiem vu gi?") == "cong an"


def test_so_may_asks_the_documents_number_unless_it_follows_a_cited_document():
    assert document_fields("quyết định ban hành kế hoạch này số mấy, ngày nào?") == ["number", "date"]
    # not its own number: the document it implements, its basis ("Thực hiện Kế hoạch số …" under the title)
    assert document_fields("Báo cáo được lập để thực hiện kế hoạch số mấy?") == ["basis"]
    assert document_fields("ban hành theo đề nghị của sở nào, tại công văn số mấy?") == []


def test_banks_treasuries_and_inspectorates_are_agencies():
    assert find_agency("Ngân hàng CSXH chi nhánh tỉnh có trách nhiệm gì?") == "Ngân hàng Chính sách xã hội chi nhánh"
    assert find_agency("Thanh tra tỉnh phải làm gì?") == "Thanh tra"


def test_bao_nhieu_nhiem_vu_counts_even_when_it_says_whose():
    assert detect_kind("Kế hoạch sửa đổi bãi bỏ bao nhiêu nhiệm vụ của Kế hoạch 12/KH-UBND?") == "count"


@pytest.mark.parametrize("part, bare", [("hạn chót?", True), ("han khi nao", True), ("thời gian hoàn thành?", True),
                                         ("bao giờ xong năm 2027", True), ("hạn nộp báo cáo khi nào", False), ("Sở Y tế làm gì", False)])
def test_a_question_that_asks_only_when(part, bare):
    assert bare_time_question(part) is bare


def test_the_year_in_a_documents_number_is_not_a_year_asked():
    query = understand("Theo NQ 27/2025/NQ-HĐND của HĐND tỉnh Vĩnh Long, trồng dừa hữu cơ được hỗ trợ bao nhiêu tiền một ha?")
    assert query.years == [] and query.numbers == ["27/2025/NQ-HĐND"]


def test_the_basis_a_document_implements_is_one_of_its_fields():
    assert document_fields("KH 172 ban hành ngày nào, ai ký và thực hiện quyết định nào của Thủ tướng?") == ["date", "signer", "basis"]
    assert document_fields("kế hoạch này thực hiện quyết định số mấy") == ["basis"]


def test_a_question_without_its_own_scope_keeps_the_conversations_plan():
    history = [Turn("user", "Bắc Giang có làm phòng học thông minh không"), Turn("assistant", "Có …")]
    query = understand("nguồn kinh phí từ đâu?", history)
    assert query.followup is True and query.provinces == ["Bắc Giang"] and query.kind == "source"
    # one that names its own plan, or an agency, is a question of its own
    assert understand("Kế hoạch 80/KH-UBND Lạng Sơn do ai ký?", history).followup is False


def test_a_list_question_may_name_its_plans_with_an_expanded_abbreviation():
    # "cds" is "chuyển đổi số": the plans' topic takes more words once expanded
    assert detect_kind("nhung ke hoach cds giao duc nao giao cong an tinh chu tri xac thuc dinh danh") == "list"
