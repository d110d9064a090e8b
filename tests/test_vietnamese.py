"""Vietnamese text handling: folding, abbreviations, tokens, provinces, years."""

from __future__ import annotations

import unicodedata

import pytest

from assistant.vietnamese import (
    expand_abbreviations,
    find_provinces,
    fold,
    fold_tokens,
    folded_terms,
    has_diacritics,
    nfc,
    periods_in,
    province_counts,
    segment,
    years_in,
)

# ------------------------------------------------------------------ fold / nfc


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Sở Nội vụ", "so noi vu"),
        ("Đoàn Thanh niên", "doan thanh nien"),
        ("đồng", "dong"),
        ("ĐÀ NẴNG", "da nang"),
        ("Thương binh và Xã hội", "thuong binh va xa hoi"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("already plain", "already plain"),
        ("80/KH-UBND", "80/kh-ubnd"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_is_the_same_for_composed_and_decomposed_text():
    composed = "Lạng Sơn, Hồ Chí Minh, Nghệ An"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "lang son, ho chi minh, nghe an"
    assert nfc(decomposed) == composed


def test_has_diacritics():
    assert has_diacritics("cơ quan nào chủ trì")
    assert has_diacritics("Đ")
    assert not has_diacritics("co quan nao chu tri")
    assert not has_diacritics("TPHCM 2025")


# ------------------------------------------------------------------ abbreviations

LDTBXH = "Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize(
    "text, expanded",
    [
        ("Sở LĐTBXH", f"Sở {LDTBXH}"),
        ("Sở LĐ-TB&XH", f"Sở {LDTBXH}"),
        ("Bộ LĐ-TB&XH;", f"Bộ {LDTBXH};"),
        ("Sở Lao động - TB&XH", f"Sở {LDTBXH}"),
        ("nghề CTXH", "nghề công tác xã hội"),
        ("nghe ctxh", "nghe công tác xã hội"),  # questions typed without accents, lower case
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TP HCM", "Thành phố Hồ Chí Minh"),
        ("CTXH ở TP.HCM", "công tác xã hội ở Thành phố Hồ Chí Minh"),
    ],
)
def test_expand_abbreviations(text, expanded):
    assert expand_abbreviations(text) == expanded


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch 80/KH-UBND",
        "Quyết định số 112/QĐ-TTg",
        "Công văn số 2492/LĐTBXH-BTXH",
        "Quyết định số 32/2010/QĐ-TTg",
        "Quyết định số 2808/QĐ-UBND ngày 31/10/2016",
    ],
)
def test_document_numbers_are_not_expanded(text):
    assert expand_abbreviations(text) == text


def test_expansion_in_a_sentence_keeps_numbers_and_expands_the_rest():
    out = expand_abbreviations("UBND tỉnh ban hành Kế hoạch 80/KH-UBND về CTXH")
    assert out == "Ủy ban nhân dân tỉnh ban hành Kế hoạch 80/KH-UBND về công tác xã hội"


def test_ordinary_words_are_not_taken_for_abbreviations():
    text = "Sở Tài chính bố trí kinh phí cho các xã"
    assert expand_abbreviations(text) == text


# ------------------------------------------------------------------ tokens


@pytest.mark.parametrize(
    "accented, plain",
    [
        ("Cơ quan nào chủ trì hoạt động truyền thông?", "co quan nao chu tri hoat dong truyen thong?"),
        ("Sở Lao động - Thương binh và Xã hội", "so lao dong thuong binh va xa hoi"),
        ("Tổng kinh phí Đề án 32 năm 2012 của Bến Tre", "tong kinh phi de an 32 nam 2012 cua ben tre"),
        ("Sở LĐTBXH", "so lao dong thuong binh va xa hoi"),
    ],
)
def test_fold_tokens_ignore_accents(accented, plain):
    assert fold_tokens(accented) == fold_tokens(plain)


def test_fold_tokens_keep_numbers_whole():
    toks = fold_tokens("Kinh phí 2.904.360.000 đồng, đạt 60%, đào tạo 4,5 năm")
    assert "2.904.360.000" in toks
    assert "4,5" in toks
    assert "60" in toks
    assert toks[:2] == ["kinh", "phi"]


def test_fold_tokens_expand_abbreviations():
    assert fold_tokens("CTXH") == ["cong", "tac", "xa", "hoi"]
    assert fold_tokens("TPHCM") == ["thanh", "pho", "ho", "chi", "minh"]


def test_folded_terms_have_bigrams_and_drop_stopwords():
    terms = folded_terms("Sở Nội vụ và Sở Tài chính")
    assert "noi_vu" in terms
    assert "tai_chinh" in terms
    assert "va" not in terms  # a stopword alone
    assert terms == folded_terms("so noi vu va so tai chinh")


def test_segment_joins_vietnamese_words():
    toks = segment("Phát triển nghề công tác xã hội")
    assert "công_tác" in toks or "công_tác_xã_hội" in toks
    assert all(t == t.lower() for t in toks)


# ------------------------------------------------------------------ provinces


@pytest.mark.parametrize(
    "text, provinces",
    [
        ("Kế hoạch của tỉnh Tây Ninh", ["Tây Ninh"]),
        ("ke hoach cua tinh tay ninh", ["Tây Ninh"]),
        ("Vĩnh Phúc và Lạng Sơn", ["Vĩnh Phúc", "Lạng Sơn"]),
        ("lang son va vinh phuc", ["Lạng Sơn", "Vĩnh Phúc"]),
        ("TP.HCM", ["Hồ Chí Minh"]),
        ("TPHCM", ["Hồ Chí Minh"]),
        ("tp hcm", ["Hồ Chí Minh"]),
        ("Thành phố Hồ Chí Minh", ["Hồ Chí Minh"]),
        ("thanh pho ho chi minh", ["Hồ Chí Minh"]),
        ("Đà Nẵng", ["Đà Nẵng"]),
        ("da nang", ["Đà Nẵng"]),
        ("Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("ba ria vung tau", ["Bà Rịa - Vũng Tàu"]),
        ("Thừa Thiên Huế", ["Thừa Thiên Huế"]),
        ("Lạng Sơn là tỉnh biên giới", ["Lạng Sơn"]),  # not "Sơn La"
        ("Sơn La", ["Sơn La"]),
        ("Sở Nội vụ", []),
        ("Thương binh và Xã hội", []),
    ],
)
def test_find_provinces(text, provinces):
    assert find_provinces(text) == provinces


def test_youth_union_is_not_the_city():
    assert find_provinces("Đoàn Thanh niên cộng sản Hồ Chí Minh") == []
    assert find_provinces("doan thanh nien cong san ho chi minh") == []
    # ... while the city, named as such, is found next to it.
    text = "Hội Liên hiệp Phụ nữ, Đoàn Thanh niên cộng sản Hồ Chí Minh tỉnh Bến Tre"
    assert find_provinces(text) == ["Bến Tre"]
    assert find_provinces("Trường Đại học Lao động - Xã hội tại Thành phố Hồ Chí Minh") == ["Hồ Chí Minh"]


def test_province_counts():
    counts = province_counts("tỉnh Tây Ninh ... Tây Ninh ... Lạng Sơn ... Đoàn Thanh niên cộng sản Hồ Chí Minh")
    assert counts == {"Tây Ninh": 2, "Lạng Sơn": 1}


@pytest.mark.parametrize("text", ["TPHCM", "TP.HCM", "Thành phố Hồ Chí Minh"])
def test_province_counts_count_one_mention_once(text):
    assert province_counts(text) == {"Hồ Chí Minh": 1}


def test_accented_common_word_is_not_a_province():
    assert find_provinces("Có kế hoạch nào xây dựng nhà văn hóa đa năng không?") == []


# ------------------------------------------------------------------ years and periods


def test_years_in():
    assert years_in("giai đoạn 2021 - 2030") == [2021, 2030]
    assert years_in("Quyết định số 2808/QĐ-UBND ngày 31/10/2016") == [2016]
    assert years_in("Kinh phí 2.904.360.000 đồng, 1.768 lượt") == []
    assert years_in("Công văn số 2492/LĐTBXH-BTXH") == []
    assert years_in("năm 2012 và năm 2011, lại năm 2012") == [2011, 2012]


@pytest.mark.parametrize(
    "text, periods",
    [
        ("giai đoạn 2021 - 2030", [(2021, 2030)]),
        ("giai đoạn 2021-2030", [(2021, 2030)]),
        ("giai đoạn 2012 – 2020", [(2012, 2020)]),
        ("Từ năm 2026 đến năm 2030", [(2026, 2030)]),
        ("tu nam 2026 den nam 2030", [(2026, 2030)]),
        ("2030-2021", []),  # backwards is not a period
        ("2021-2070", []),  # too long to be a plan period
        ("năm 2019", []),
    ],
)
def test_periods_in(text, periods):
    assert periods_in(text) == periods


def test_provinces_are_proper_nouns_in_cased_text():
    from assistant.vietnamese import find_provinces

    assert find_provinces("Giữ gìn hòa bình, phát triển Hà Nội") == ["Hà Nội"]
    assert find_provinces("Kế hoạch của tỉnh Hòa Bình") == ["Hòa Bình"]
    assert find_provinces("ke hoach cua hoa binh") == ["Hòa Bình"]  # typed without accents or capitals


def test_department_fields_abbreviated_after_so():
    assert expand_abbreviations("So TC Bac Ninh phai lam gi") == "So Tài chính Bac Ninh phai lam gi"
    assert expand_abbreviations("Sở YT và Sở XD") == "Sở Y tế và Sở Xây dựng"
    # only after "Sở", only in capitals: "so TC" / "TC" alone stay
    assert expand_abbreviations("tiêu chí TC 5") == "tiêu chí TC 5"
    assert expand_abbreviations("Đạt so tc") == "Đạt so tc"
    # typed on a phone with neither accents nor capitals, "so tc" is the Sở
    assert expand_abbreviations("so tc lam gi") == "so Tài chính lam gi"
