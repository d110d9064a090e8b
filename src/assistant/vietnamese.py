"""Vietnamese text handling: NFC, accent folding, abbreviations, tokens for keyword search,
and the names of provinces.

Keyword search keeps two fields (see index.py): word-segmented tokens (pyvi) for accented
text, and accent-folded syllables (with bigrams) that also match questions typed without
diacritics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --------------------------------------------------------------------------- normalisation


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, drop diacritics, đ -> d: "Sở Nội vụ" -> "so noi vu"."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.replace("đ", "d")


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- abbreviations

# Folded abbreviation (without ".", "-", " ") -> expansion as written in plans.
ABBREVIATIONS: dict[str, str] = {
    "ldtbxh": "Lao động - Thương binh và Xã hội",
    "ldtb&xh": "Lao động - Thương binh và Xã hội",
    "sldtbxh": "Sở Lao động - Thương binh và Xã hội",
    "sldtb&xh": "Sở Lao động - Thương binh và Xã hội",
    "tb&xh": "Thương binh và Xã hội",
    "tbxh": "Thương binh và Xã hội",
    "ctxh": "công tác xã hội",
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "mttq": "Mặt trận Tổ quốc",
    "ubmttq": "Ủy ban Mặt trận Tổ quốc",
    "mttqvn": "Mặt trận Tổ quốc Việt Nam",
    "gd&dt": "Giáo dục và Đào tạo",
    "gddt": "Giáo dục và Đào tạo",
    "tt&tt": "Thông tin và Truyền thông",
    "tttt": "Thông tin và Truyền thông",
    "kh&dt": "Kế hoạch và Đầu tư",
    "khdt": "Kế hoạch và Đầu tư",
    "vhtt&dl": "Văn hóa, Thể thao và Du lịch",
    "vhttdl": "Văn hóa, Thể thao và Du lịch",
    "tn&mt": "Tài nguyên và Môi trường",
    "tnmt": "Tài nguyên và Môi trường",
    "nn&ptnt": "Nông nghiệp và Phát triển nông thôn",
    "nnptnt": "Nông nghiệp và Phát triển nông thôn",
    "gtvt": "Giao thông vận tải",
    "khcn": "Khoa học và Công nghệ",
    "kh&cn": "Khoa học và Công nghệ",
    "bhxh": "Bảo hiểm xã hội",
    "tphcm": "Thành phố Hồ Chí Minh",
    "hcm": "Hồ Chí Minh",
    "tp": "Thành phố",
    "ttg": "Thủ tướng",
    "btxh": "bảo trợ xã hội",
    "tgxh": "trợ giúp xã hội",
    "ct-xh": "chính trị - xã hội",
    "bchqs": "Bộ Chỉ huy Quân sự",
    "bdbp": "Bộ đội Biên phòng",
    "bchbdbp": "Bộ Chỉ huy Bộ đội Biên phòng",
    "pctt": "phòng, chống thiên tai",
    "pcttvtkcn": "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "pctt&tkcn": "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "tkcn": "tìm kiếm cứu nạn",
    "cds": "chuyển đổi số",
    "gdnn": "giáo dục nghề nghiệp",
    "lhpn": "Liên hiệp Phụ nữ",
    "hlhpn": "Hội Liên hiệp Phụ nữ",
    "ccb": "Cựu chiến binh",
    "nsnn": "ngân sách nhà nước",
    "nstw": "ngân sách trung ương",
    "nsdp": "ngân sách địa phương",
    "ntm": "nông thôn mới",
    "ctmtqg": "Chương trình mục tiêu quốc gia",
    "bhyt": "bảo hiểm y tế",
    "dtts": "dân tộc thiểu số",
    "tnxh": "tệ nạn xã hội",
    "vhttdl": "Văn hóa, Thể thao và Du lịch",
    "ttxvn": "Thông tấn xã Việt Nam",
    "nhcsxh": "Ngân hàng Chính sách xã hội",
    "csxh": "Chính sách xã hội",
    "htx": "hợp tác xã",
    "attp": "an toàn thực phẩm",
    "ktxh": "kinh tế - xã hội",
    "kt-xh": "kinh tế - xã hội",
    "bvmt": "bảo vệ môi trường",
    "syt": "Sở Y tế",
    "stc": "Sở Tài chính",
    "snv": "Sở Nội vụ",
    "skhdt": "Sở Kế hoạch và Đầu tư",
    "skh&dt": "Sở Kế hoạch và Đầu tư",
    "sgddt": "Sở Giáo dục và Đào tạo",
    "sgd&dt": "Sở Giáo dục và Đào tạo",
    "stttt": "Sở Thông tin và Truyền thông",
    "stt&tt": "Sở Thông tin và Truyền thông",
    "snn&ptnt": "Sở Nông nghiệp và Phát triển nông thôn",
    "snnptnt": "Sở Nông nghiệp và Phát triển nông thôn",
    "stnmt": "Sở Tài nguyên và Môi trường",
    "stn&mt": "Sở Tài nguyên và Môi trường",
    "svhttdl": "Sở Văn hóa, Thể thao và Du lịch",
    "sxd": "Sở Xây dựng",
    "sct": "Sở Công Thương",
    "sgtvt": "Sở Giao thông vận tải",
    # Common abbreviations of administrative writing (agencies after the 2025 mergers, fields).
    "nn&mt": "Nông nghiệp và Môi trường",
    "nnmt": "Nông nghiệp và Môi trường",
    "snn&mt": "Sở Nông nghiệp và Môi trường",
    "snnmt": "Sở Nông nghiệp và Môi trường",
    "skh&cn": "Sở Khoa học và Công nghệ",
    "skhcn": "Sở Khoa học và Công nghệ",
    "cntt": "công nghệ thông tin",
    "csdl": "cơ sở dữ liệu",
    "attt": "an toàn thông tin",
    "kcn": "khu công nghiệp",
    "ccn": "cụm công nghiệp",
    "kkt": "khu kinh tế",
    "dnnvv": "doanh nghiệp nhỏ và vừa",
    "hkd": "hộ kinh doanh",
    "bmnn": "bí mật nhà nước",
    "mtqg": "mục tiêu quốc gia",
    "dbqh": "đại biểu Quốc hội",
    "cbccvc": "cán bộ, công chức, viên chức",
    "antt": "an ninh trật tự",
    "pccc": "phòng cháy, chữa cháy",
    "qppl": "quy phạm pháp luật",
    "vbqppl": "văn bản quy phạm pháp luật",
    "tthc": "thủ tục hành chính",
    "dvc": "dịch vụ công",
}

# Abbreviations that are also ordinary words in lower case ("ca" = "cả", "cá").
UPPER_ONLY: dict[str, str] = {
    "ca": "Công an",
    "qd": "Quyết định",
    "kh": "Kế hoạch",
    "nq": "Nghị quyết",
    "tt": "Thông tư",
}

# Fields of provincial departments, abbreviated in capitals after "Sở" ("Sở TC", "Sở YT"):
# the department names of the provincial government (Nghị định 24/2014, 107/2020, 45/2025).
DEPARTMENT_FIELDS: dict[str, str] = {
    "tc": "Tài chính",
    "yt": "Y tế",
    "nv": "Nội vụ",
    "tp": "Tư pháp",
    "xd": "Xây dựng",
    "ct": "Công Thương",
    "dl": "Du lịch",
    "ngv": "Ngoại vụ",
    "vhtt": "Văn hóa và Thể thao",
    "dttg": "Dân tộc và Tôn giáo",
}
_DEPARTMENT = re.compile(r"\b(Sở|SỞ|sở|So|SO)\s+([A-ZĐ][A-ZĐ&]{1,7})\b")
# Typed on a phone with neither accents nor capitals, "so tc lam gi" is the same "Sở TC"
# (in cased text a lower-case "so tc" is left alone).
_DEPARTMENT_TYPED = re.compile(r"\b(so)\s+([a-z&]{2,5})\b")

_ABBR_TOKEN = re.compile(r"[0-9A-Za-zÀ-ỹĐđ][0-9A-Za-zÀ-ỹĐđ&.\-]*[0-9A-Za-zÀ-ỹĐđ]|[A-Za-zÀ-ỹĐđ]+")


def _abbr_key(token: str) -> str:
    return re.sub(r"[.\-\s]", "", fold(token))


def expand_abbreviations(text: str) -> str:
    """Replace known abbreviations by their full form; document numbers are left alone."""
    def department(m: re.Match[str]) -> str:
        k = _abbr_key(m.group(2))
        return f"{m.group(1)} {DEPARTMENT_FIELDS[k]}" if k in DEPARTMENT_FIELDS else m.group(0)

    text = _DEPARTMENT.sub(department, text)
    if not has_diacritics(text) and text == text.lower():
        text = _DEPARTMENT_TYPED.sub(department, text)
    protected = [m.span() for m in DOC_NUMBER.finditer(text)]

    def repl(m: re.Match[str]) -> str:
        tok = m.group(0)
        if any(s <= m.start() < e for s, e in protected):
            return tok
        key = _abbr_key(tok)
        expansion = ABBREVIATIONS.get(key)
        if expansion and (tok.isupper() or not has_diacritics(tok)):
            return expansion
        if key in UPPER_ONLY and tok.isupper():
            return UPPER_ONLY[key]
        return tok

    return _ABBR_TOKEN.sub(repl, text)


# --------------------------------------------------------------------------- tokens

_WORD = re.compile(r"[0-9a-z]+(?:[.,][0-9]+)*")
DOC_NUMBER = re.compile(r"\b\d{1,5}(?:/\d{4})?/[A-ZĐa-zđ][A-ZĐa-zđ0-9&\-]*(?:-[A-ZĐa-zđ0-9&]+)*")

# Function words that carry no meaning for retrieval (folded).
STOPWORDS = frozenset(
    """
    va cua cac co la duoc trong cho voi theo ve tai de den tu nhung mot nay do thi se da
    nao gi ai bao nhieu the sao nhu khong hay hoac ra vao len boi vi neu khi con ma o
    """.split()
)

# Question words (folded) removed from key terms of a question.
QUESTION_WORDS = frozenset(
    """
    nao gi ai bao nhieu the sao nhu co khong duoc la nhung cac vay con thi gom
    """.split()
)


_I_Y = re.compile(r"^([bcdghklmnpqrstvx]{1,3})y$")


def fold_tokens(text: str) -> list[str]:
    """Accent-folded syllables of text, abbreviations expanded, numbers kept whole.
    The two spellings "kỹ/kĩ", "lý/lí", "mỹ/mĩ" fold to the same syllable."""
    return [_I_Y.sub(r"\1i", t) for t in _WORD.findall(fold(expand_abbreviations(nfc(text))))]


def folded_terms(text: str) -> list[str]:
    """Unigrams and bigrams of folded syllables: the folded keyword field."""
    toks = fold_tokens(text)
    bigrams = [f"{a}_{b}" for a, b in zip(toks, toks[1:]) if a not in STOPWORDS or b not in STOPWORDS]
    return [t for t in toks if t not in STOPWORDS] + bigrams


@lru_cache(maxsize=1)
def _pyvi():
    try:
        from pyvi import ViTokenizer  # loads a CRF model: only on first use
    except ImportError as exc:  # pragma: no cover - pyvi is a dependency
        raise ImportError("pyvi is needed for Vietnamese word segmentation: pip install pyvi") from exc
    return ViTokenizer


def segment(text: str) -> list[str]:
    """Word-segmented lower-case tokens ("công_tác", "xã_hội"), punctuation dropped."""
    text = nfc(expand_abbreviations(nfc(text))).lower()
    out = []
    for tok in _pyvi().tokenize(text).split():
        tok = tok.strip(".,;:!?()[]\"'“”‘’…")
        if tok and any(ch.isalnum() for ch in tok) and fold(tok) not in STOPWORDS:
            out.append(tok)
    return out


def warm_up() -> None:
    _pyvi()


# --------------------------------------------------------------------------- provinces

PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
]

# Other ways of writing a province (folded) -> canonical name.
_PROVINCE_ALIASES = {
    "tphcm": "Hồ Chí Minh", "tp hcm": "Hồ Chí Minh", "tp.hcm": "Hồ Chí Minh", "sai gon": "Hồ Chí Minh",
    "thanh pho ho chi minh": "Hồ Chí Minh", "ba ria vung tau": "Bà Rịa - Vũng Tàu",
    "dak lak": "Đắk Lắk", "dac lac": "Đắk Lắk", "dak nong": "Đắk Nông", "thanh hoa": "Thanh Hóa",
    "hoa binh": "Hòa Bình", "khanh hoa": "Khánh Hòa", "thua thien hue": "Thừa Thiên Huế",
}

# Names that also occur inside other phrases and therefore need "tỉnh"/"thành phố" before them
# to count as a province (e.g. the youth union "Đoàn Thanh niên cộng sản Hồ Chí Minh").
_AMBIGUOUS = {"Hồ Chí Minh", "Huế", "Long An", "Hà Nam", "Nam Định"}


@lru_cache(maxsize=1)
def _province_patterns() -> list[tuple[re.Pattern[str], str, bool]]:
    pats = []
    names = {fold(p).replace(" - ", " ").replace("-", " "): p for p in PROVINCES}
    names.update(_PROVINCE_ALIASES)
    for folded, canon in sorted(names.items(), key=lambda kv: -len(kv[0])):
        body = r"[\s\-.]*".join(re.escape(part) for part in folded.replace(".", " ").split())
        pats.append((re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])"), canon, canon in _AMBIGUOUS and not folded.startswith("t")))
    return pats


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _syllable_tones(text: str) -> list[tuple[str, str]]:
    """(syllable without its tone mark, tone mark) per syllable: "Hoà" and "Hòa" are equal."""
    out = []
    for syl in text.lower().split():
        decomposed = unicodedata.normalize("NFD", syl)
        tone = "".join(ch for ch in decomposed if ch in _TONES)
        base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
        out.append((base, tone))
    return out


def _same_accents(written: str, name: str) -> bool:
    """A name written with accents must carry the name's accents ("đa năng" is not "Đà Nẵng")."""
    if not has_diacritics(written):
        return True
    a = _syllable_tones(re.sub(r"[\-.]", " ", written))
    b = _syllable_tones(re.sub(r"[\-.]", " ", name))
    return len(a) != len(b) or a == b


def _province_matches(text: str) -> list[tuple[int, str]]:
    """(position, canonical name) of each province mention, each mention once."""
    text = nfc(text)
    folded = fold(text).replace("-", " ")  # same length as text: NFC letters fold one to one
    # In a text written with capitals, a province is a proper noun: "hòa bình" (peace) in the
    # Constitution's preamble is not Hòa Bình. A text typed all in lower case keeps every match.
    cased = any(ch.isupper() for ch in text)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pat, canon, ambiguous in _province_patterns():
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if ambiguous:
                before = folded[max(0, m.start() - 12) : m.start()]
                if not re.search(r"(tinh|thanh pho|tp\.?)\s*$", before):
                    continue
            written = text[m.start() : m.end()] if len(folded) == len(text) else ""
            if written and fold(written) == fold(canon).replace("-", " ") and not _same_accents(written, canon):
                continue
            if written and cased and has_diacritics(written) and written[:1].islower():
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), canon))
    return sorted(found)


def find_provinces(text: str) -> list[str]:
    """Provinces named in text, in order of first mention, accents optional."""
    seen: list[str] = []
    for _, canon in _province_matches(text):
        if canon not in seen:
            seen.append(canon)
    return seen


def province_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, canon in _province_matches(text):
        counts[canon] = counts.get(canon, 0) + 1
    return counts


# --------------------------------------------------------------------------- years

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|đến|den|tới|toi)\s*(?:năm\s*|nam\s*)?((?:19|20)\d\d)(?!\d)", re.I)


def years_in(text: str) -> list[int]:
    return sorted({int(y) for y in YEAR.findall(text)})


def periods_in(text: str) -> list[tuple[int, int]]:
    out = []
    for a, b in PERIOD.findall(text):
        a, b = int(a), int(b)
        if a < b <= a + 30:
            out.append((a, b))
    return out
