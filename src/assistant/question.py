"""Understand a question: its kind, its slots, and follow-ups resolved with the conversation.

Works on accent-folded text, so "co quan nao chu tri" and "cơ quan nào chủ trì" are the same.
"""

from __future__ import annotations

import re

from .types import Query, Turn
from .vietnamese import DOC_NUMBER, collapse, expand_abbreviations, find_provinces, fold, has_diacritics, nfc, periods_in, years_in

# (kind, folded patterns); the first kind that matches wins, so specific kinds come first.
_KINDS: list[tuple[str, tuple[str, ...]]] = [
    # A question over the library: "(những|các) <document noun, up to two more words> nào",
    # "(những) tỉnh nào có kế hoạch", "thư viện / kho tài liệu có ...".
    ("list", (r"(nhung|cac) (\w+ ){0,1}(ke hoach|van ban|tai lieu|de an|quyet dinh|chuong trinh)( \w+){0,6}? nao\b",
              r"(ke hoach|van ban|tai lieu) nao (trong kho|ap dung|co)", r"kho tai lieu", r"\b(nhung|cac) (tinh|dia phuong|tinh thanh|tinh, thanh pho) nao\b",
              r"\b(tinh|dia phuong) nao (co|da|ban hanh)\b", r"thu vien (co|gom)")),
    ("signer", (r"\bai ky\b", r"nguoi ky", r"do ai ky", r"\bky boi\b", r"ai la nguoi ky")),
    # "bãi bỏ bao nhiêu nhiệm vụ của …", "có mấy nhóm giải pháp", "có bao nhiêu mục tiêu cụ thể": what a
    # plan is made of, counted (a collective noun "nhóm" / "loại" may stand before it)
    ("count", (r"\b(bao nhieu|(?<!so )(?<!bo )may) (nhom |loai )?(nhiem vu|viec|noi dung|cong viec|hoat dong|du an|de an|giai phap|muc tieu|chi tieu)\b",)),
    ("duty", (r"(chu tri|phoi hop|phu trach) (nhung |cac )?(nhiem vu|viec|hoat dong|noi dung|cong viec) (gi|nao)\b",)),
    ("partner", (r"phoi hop",)),
    ("lead", (r"chu tri", r"chiu trach nhiem chinh", r"\bai phu trach\b", r"don vi nao phu trach", r"co quan nao phu trach", r"\bgiao cho (co quan|don vi|ai)\b")),
    ("rename", (r"doi ten", r"doi thanh", r"ten moi")),
    ("number", (r"(quyet dinh|van ban|to trinh|cong van|ke hoach|thong tu|nghi dinh|chi thi) (nao|so may|so bao nhieu)", r"\bso hieu\b", r"so ky hieu", r"theo (quyet dinh|van ban) nao", r"can cu (vao )?(van ban|quyet dinh) nao")),
    ("date", (r"ngay nao", r"khi nao", r"ngay ban hanh", r"ban hanh ngay", r"thoi diem nao", r"nam nao", r"thoi han", r"han (hoan thanh|chot)", r"truoc ngay", r"thoi gian (hoan thanh|thuc hien)")),
    ("duty", (r"(co )?trach nhiem gi\b", r"nhiem vu gi\b", r"phai lam gi\b", r"lam nhung gi\b", r"(nhung|cac) nhiem vu (gi|nao)\b", r"nhiem vu cua", r"trach nhiem cua", r"duoc giao (gi\b|nhung gi\b|nhiem vu)", r"duoc giao (nhung |cac )?(viec|cong viec|phan viec)\b", r"(nhung|cac) (viec|cong viec) (gi|nao)\b", r"giao .* (nhung )?nhiem vu gi")),
    ("source", (r"(tu )?nguon nao", r"nguon (kinh phi|von|ngan sach)[^?]*(nao|dau)", r"lay tu dau", r"tu nguon", r"do (ai|dau) (chi|cap)")),
    ("amount", (r"kinh phi", r"bao nhieu tien", r"\bngan sach\b", r"du toan", r"chi phi", r"\bchi bao nhieu\b", r"\btien\b", r"bao nhieu dong", r"ho tro bao nhieu", r"muc ho tro", r"\bvon\b", r"\b(?:tien|muc|bang|quy) luong\b", r"\bluong (?:co so|toi thieu|huu|thang)\b", r"phu cap", r"hoc phi", r"muc chi", r"\bty dong\b", r"trieu dong")),
    ("target", (r"muc tieu", r"phan dau", r"chi tieu", r"phan tram", r"\bty le\b", r"\bdat bao nhieu\b", r"%")),
    ("count", (r"bao nhieu", r"(?<!bo )\bmay\b(?! moc)", r"so luong", r"\bbao lau\b")),  # "bao lâu": a length of time, counted
]

_AGENCY_HEADS = (
    "uy ban nhan dan", "uy ban mat tran to quoc", "mat tran to quoc", "bao hiem xa hoi", "lien doan lao dong",
    "chi cuc", "trung tam", "van phong", "cong an", "ngan hang", "kho bac", "thanh tra", "benh vien",
    "so", "ban", "bo", "dai", "bao", "truong", "hoi", "doan", "cuc", "phong",
)
_AGENCY_STOP_ACCENTED = frozenset("gửi có trong phải được thực làm cần ở của giao chịu chủ phối sẽ đã là thì về với như những gì nào ai theo nhiệm trách".split())
_AGENCY_STOP = frozenset(fold(w) for w in _AGENCY_STOP_ACCENTED)


def _is_stop(word: str) -> bool:
    """A word that ends an agency name; accents decide when the word has them ("Giáo" ≠ "giao")."""
    w = nfc(word).lower().strip(",.;:?")
    return w in _AGENCY_STOP_ACCENTED if has_diacritics(w) else w in _AGENCY_STOP
_TIME_PHRASE = re.compile(
    r"(?:(?:giai đoạn|giai doan|thời kỳ|thoi ky)\s+)?(?:(?:từ|tu)\s+)?(?:(?:năm|nam)\s+)?(?:19|20)\d\d"
    r"(?:\s*(?:-|–|đến|den|tới|toi)\s*(?:(?:năm|nam)\s+)?(?:19|20)\d\d)?"
    r"|(?:(?:giai đoạn|giai doan)\s+)?(?:đến|den|tới|toi)\s+(?:(?:năm|nam)\s+)?(?:19|20)\d\d",
    re.I,
)
_FOLLOWUP = re.compile(r"^(con|vay|the con|thế còn|còn|vậy|thế|nếu|neu)\b", re.I)


# The kinds of documents of the national system (Nghị định 30/2020, Luật Ban hành VBQPPL), folded.
_DOC_NOUNS = "ke hoach|quyet dinh|van ban|cong van|to trinh|bao cao|thong bao|thong tu|nghi dinh|nghi quyet|chi thi|de an|chuong trinh|luat"


_DOC_NOUNS_RE = "quyet dinh|nghi quyet|chi thi|ke hoach|luat|thong tu|nghi dinh|cong van|van ban|chuong trinh|de an"


# What a question asks about the document itself (Nghị định 30/2020: its number "Số:", its
# place and date line, its signature block), folded.
_DOC_FIELDS = {
    "number": re.compile(r"\bso hieu\b|\bso ky hieu\b|\bky hieu\b|\b(?:la|co) so (?:may|bao nhieu|gi)\b"),
    "date": re.compile(r"ngay ban hanh|ban hanh (?:vao )?(?:ngay|thoi gian|thoi diem|khi) nao|ban hanh ngay|(?:duoc )?ky (?:vao )?(?:ngay|khi) nao|ky ban hanh (?:vao )?(?:ngay|khi) nao|\bngay ky\b"),
    "signer": re.compile(r"\bai ky\b|nguoi ky|\bky boi\b|do ai ky|ai la nguoi ky"),
    # its basis (the "Căn cứ …" / "Thực hiện …" lines under the title): "thực hiện quyết định nào"
    "basis": re.compile(r"\b(?:thuc hien|trien khai|can cu(?: vao)?|duoc ban hanh (?:theo|can cu))\s+(?:" + _DOC_NOUNS_RE + r")\s+(?:nao|so may|so bao nhieu|gi)\b"),
}


# A document named by its type and bare number ("KH 45", "QĐ 1203", "Kế hoạch số 77"): the
# number part of "Số: 45/KH-UBND" (Nghị định 30/2020), written without the sign.
_BARE_NUMBER = re.compile(r"\b(?:KH|QĐ|QD|Kế hoạch|Ke hoach|Quyết định|Quyet dinh)\s+(?:số\s+|so\s+)?(\d{1,5})\b(?!\s*/)", re.I)


def same_number(asked: str, number: str) -> bool:
    """Does a number named in a question ("45/KH-UBND", or bare "45") name this document?"""
    a, n = fold(asked), fold(number)
    return bool(n) and (a == n or ("/" not in a and n.split("/")[0].lstrip("0") == a.lstrip("0")))


def document_fields(text: str) -> list[str]:
    """The fields of the document itself a question asks for, in the order asked:
    "văn bản có số hiệu gì, ký ngày nào, người ký là ai?" -> ["number", "date", "signer"]. A number
    asked of a document the plan cites ("thực hiện kế hoạch số mấy") is not one of them."""
    f = fold(expand_abbreviations(nfc(text)))
    found = [(m.start(), name) for name, pat in _DOC_FIELDS.items() for m in [pat.search(f)] if m]
    if "number" not in {name for _, name in found}:
        # a bare "số mấy" asks the document's own number, but "(tại) công văn số mấy" one it cites
        for m in re.finditer(r"\bso may\b", f):
            if not re.search(rf"\b(?:{_DOC_NOUNS})\s*$", f[: m.start()]):
                found.append((m.start(), "number"))
                break
    names = {name for _, name in found}
    bare = re.search(r"\bngay nao\b", f)
    if bare and "date" not in names and names & {"number", "signer"}:
        found.append((bare.start(), "date"))  # "số mấy, ngày nào?": the same document's date of issue
    return [name for _, name in sorted(found)]


def detect_kind(text: str) -> str:
    f = fold(expand_abbreviations(nfc(text)))
    # The currency after a number or "bao nhiêu" ("bao nhiêu đồng", "5 triệu đồng"); not the
    # "Đồng" of a place name, whose next word is capitalised too ("KH 597 Đồng Tháp"), nor of
    # "cộng đồng", "hội đồng".
    if any(not m.group(1)[:1].isupper() for m in re.finditer(r"(?:\d|bao nhiêu|triệu|tỷ|nghìn|ngàn)\s*đồng\b\s*(\S*)", nfc(text), re.I)):
        f += " bao nhieu dong"
    # "tiên / tiến / tiện" of compounds ("ưu tiên", "tiến độ", "xúc tiến", "phương tiện", "tiện ích")
    # is not "tiền" (money)
    f = re.sub(r"\b(?:uu|dau|xuc|cai|tien|tien phong|thuc|phuong|thuan|cap) tien\b|\btien (?:do|phong|tien|hanh|trinh|quyet|ich|loi|nghi)\b", " _ ", f)
    for kind, pats in _KINDS:
        if any(re.search(p, f) for p in pats):
            if kind == "amount" and re.search(r"\bty le\b|\bti le\b|phan tram|%", f) and not re.search(r"\btien\b|bao nhieu dong|\bty dong\b|\btrieu\b", f):
                return "target"  # "tỷ lệ chi cho đào tạo trên tổng kinh phí là bao nhiêu": a ratio, not a sum of money
            return kind
    return "what"


# Compounds of "số" (number) that a question asks with ("số hiệu", "số lượng", …), folded.
_SO_COMPOUNDS = frozenset("hieu luong lieu tien thu ky may".split())
# Words that "bao" forms a compound with (bao nhiêu, báo cáo, bảo đảm, bao gồm, …), folded.
_BAO_COMPOUNDS = frozenset("nhieu cao dam gom ve ham lau gio chi dong tri hiem".split())


def find_agency(text: str) -> str:
    """The agency a question is about ("Sở Tài chính"), accents optional. An agency after "của"
    owns the document ("kế hoạch của UBND tỉnh X, Sở TC có trách nhiệm gì"): another one named
    in the question is the one asked about."""
    first = _find_agency(text)
    if first:
        full = expand_abbreviations(nfc(text))
        m = re.search(rf"\b(?:của|cua)\s+{re.escape(first)}", full, re.I)
        if m:
            rest = _find_agency(full[m.end():])
            if rest:
                return rest
    return first


def _find_agency(text: str) -> str:
    typed = nfc(text).split()
    # whether the question is typed with accents or capitals is judged on what was typed, not on
    # the expansions of its abbreviations ("so gd&dt" -> "so Giáo dục và Đào tạo")
    cased = has_diacritics(nfc(text)) or any(w[:1].isupper() and not w.isupper() for w in typed[1:])  # "TP.HCM" is an abbreviation, not case
    words = expand_abbreviations(nfc(text)).replace("?", " ").split()
    folded = [fold(w).strip(",.;:") for w in words]
    for i in range(len(words)):
        for head in _AGENCY_HEADS:
            parts = head.split()
            nxt = words[i + len(parts)] if i + len(parts) < len(words) else ""
            if folded[i : i + len(parts)] != parts or (nxt and has_diacritics(nxt) and _is_stop(nxt)):
                continue
            if head in ("doan", "ban", "so", "bao") and i > 0 and folded[i - 1] in ("giai", "phat", "hanh", "co", "chinh"):
                continue  # "giai đoạn", "phát ban", "cơ sở", "thông báo" when typed without accents
            if head == "bao" and fold(nxt).strip(",.;:?") in _BAO_COMPOUNDS:
                continue  # "bao nhiêu", "báo cáo", "bảo đảm" typed without accents: not a newspaper (Báo …)
            if head == "so" and not has_diacritics(words[i]) and nxt and fold(nxt).strip(",.;:") in _SO_COMPOUNDS:
                continue  # "so hieu", "so luong" typed without accents: số hiệu, số lượng, not a Sở
            if not words[i][:1].isupper() and cased:
                continue  # "báo cáo", "đại học" ... in lower case are not agencies in a capitalised question
            j = i + len(parts)
            while j < len(words) and j - i < 10 and ((j == i + len(parts) and len(parts) == 1) or not _is_stop(words[j])):
                if (j > i + len(parts) or len(parts) > 1) and _province_starts(words[j : j + 6]):
                    break
                if folded[j] == "nam" and j + 1 < len(words) and folded[j + 1][:1].isdigit():
                    break
                if folded[j] == "bao" and j + 1 < len(words) and folded[j + 1] in ("nhieu", "gio", "lau"):
                    break  # "… cho so y te bao nhieu": the question word, typed without accents
                if words[j].endswith((",", ";", ".")):
                    j += 1
                    break
                j += 1
            name = re.sub(r"\s+(tỉnh|tinh|thành phố|thanh pho|TP)$", "", " ".join(words[i:j]).strip(" ,;."))
            if j > i + len(parts) or len(parts) > 1:  # "Sở" alone names nothing; "Công an" does
                return name
    return ""


def _province_starts(words: list[str]) -> bool:
    """A province's name begins here, maybe after its unit ("tỉnh", "thành phố"): it ends an
    agency's name ("Công an | Thành phố Hồ Chí Minh")."""
    rest = fold(" ".join(words))
    found = find_provinces(" ".join(words))
    if not found:
        return False
    head = fold(found[0]).split()[0]
    return rest.startswith(head) or bool(re.match(rf"(?:tinh|thanh pho|tp\.?)\s+{re.escape(head)}", rest))


def _content_words(text: str) -> set[str]:
    from .vietnamese import QUESTION_WORDS, STOPWORDS, fold_tokens

    return {t for t in fold_tokens(text) if t not in STOPWORDS and t not in QUESTION_WORDS and not t.isdigit()}


_ANAPHORA = re.compile(r"\b(đó|này|ấy|nói trên|trên đây|vậy)\b|^(trong đó|trong số đó|vậy|thế|còn)\b", re.I)
# "kế hoạch đó", "QĐ này", "văn bản trên": a document noun (or its abbreviation) and a demonstrative
_ANAPHORA_FOLDED = re.compile(
    r"\b(trong (so )?do|nhiem vu do|(ke hoach|van ban|quyet dinh|de an|chuong trinh|qd|kh) (do|nay|ay|tren)|noi tren)\b"
)


def resolve_followup(question: str, history: list[Turn], depth: int = 0) -> tuple[str, bool, str]:
    """A follow-up rewritten against the last user turn: (standalone, is_followup, focus).

    - A substitution ("Còn năm 2028?", "Còn tỉnh khác thì sao?") is the previous question
      with its time phrase or province replaced; it is its own focus.
    - A new question about the same subject ("Vậy cơ quan nào phối hợp?", "Trong đó ngân sách
      tỉnh chi bao nhiêu?", "Thời gian thực hiện nhiệm vụ đó là khi nào?") is searched
      together with the previous question, but what it asks (its focus) is the new one.
    """
    users = [i for i, t in enumerate(history) if t.role == "user" and t.content.strip()]
    if not users:
        return question, False, ""
    # The previous turn may itself be a follow-up ("Còn năm 2030?" then a question about "kế hoạch đó"):
    # it is read as resolved against the turns before it (a bounded chain).
    previous = history[users[-1]].content
    if len(users) > 1 and depth < 6:
        previous = resolve_followup(previous, history[: users[-1]], depth + 1)[0]
    q = collapse(nfc(question))
    content = _content_words(q) - {"thi", "sao", "the", "con", "vay", "nam", "nua", "tinh", "thanh", "pho"}
    refers_back = bool(_ANAPHORA.search(q) or _ANAPHORA_FOLDED.search(fold(q)))
    own_scope = find_provinces(q) or DOC_NUMBER.search(q)
    elliptical = bool(_FOLLOWUP.match(fold(q))) or len(content) <= 2 or (refers_back and not own_scope)
    if not elliptical:
        scope = " ".join(find_provinces(previous) + [re.sub(r"\s+", "", m.group(0)) for m in DOC_NUMBER.finditer(previous)][:1])
        if own_scope or not scope or find_agency(q):
            return question, False, ""
        # "nguồn kinh phí từ đâu?" in a conversation about one plan: a question that names no
        # province or document asks about the one the conversation is about
        return f"{q.rstrip(' ?')} — {previous}", True, f"{q.rstrip(' ?')} {scope}"
    new_agency, old_agency = find_agency(q), find_agency(previous)
    if new_agency and old_agency and fold(new_agency) != fold(old_agency) and len(content - _content_words(" ".join([new_agency, *find_provinces(q)]))) <= 1:
        # "Sở Tài chính phải làm gì?" + "Còn Sở Y tế thì sao?": the same question of another agency
        swapped = _replace_folded(previous, old_agency, new_agency)
        if swapped == previous:  # "Sở KH&CN làm gì …" names it abbreviated
            swapped = _replace_folded(expand_abbreviations(previous), old_agency, new_agency)
        for old, new in zip(find_provinces(previous), find_provinces(q)):
            swapped = _replace_folded(swapped, old, new)
        if swapped != previous:
            return swapped, True, ""
    new_kind = detect_kind(q)
    if new_kind not in ("what", detect_kind(previous)) or (refers_back and len(content) > 2):
        # a new question about the previous one's subject
        scope = " ".join(find_provinces(previous) + [m.group(0) for m in _TIME_PHRASE.finditer(previous)][:1])
        return f"{q.rstrip(' ?')} — {previous}", True, f"{q.rstrip(' ?')} {scope}".strip()
    standalone = previous
    new_years, old_years = years_in(q), years_in(previous)
    new_prov, old_prov = find_provinces(q), find_provinces(previous)
    replaced = False
    old_time = _TIME_PHRASE.search(previous)
    new_time = _TIME_PHRASE.search(q)
    if new_time and old_time:
        # "… đến năm 2025?" + "Còn giai đoạn 2026-2030?" -> "… giai đoạn 2026-2030?"
        standalone = previous[: old_time.start()] + new_time.group(0) + previous[old_time.end() :]
        replaced = True
    elif new_years and old_years:
        for old, new in zip(old_years, new_years):
            standalone = re.sub(rf"(?<!\d){old}(?!\d)", str(new), standalone)
        replaced = True
    elif new_years:
        standalone = f"{standalone.rstrip(' ?')} năm {new_years[0]}?"
        replaced = True
    if new_prov:
        if old_prov:
            for old in old_prov:
                standalone = _replace_folded(standalone, old, new_prov[0])
        else:
            standalone = f"{standalone.rstrip(' ?')} ở {new_prov[0]}?"
        replaced = True
    if not replaced:
        return f"{q.rstrip(' ?')} — {previous}", True, ""
    return standalone, True, ""


def bare_time_question(part: str) -> bool:
    """"hạn khi nào", "hạn chót?", "thời gian hoàn thành?", "bao giờ xong": a question (or a
    part of one) that asks only when, of the subject said before it."""
    words = {w for w in fold(part).replace("?", " ").replace(",", " ").split() if not w.isdigit()}
    return bool(words) and not (words - _TIME_WORDS)


# The words of a question that asks only when (folded): deadline nouns, question words, verbs of completion.
_TIME_WORDS = frozenset("han chot cuoi khi nao thoi gian hoan thanh bao gio xong la vao ngay thang nam phai truoc thuc hien tien do va con thi".split())


def _replace_folded(text: str, old: str, new: str) -> str:
    folded = fold(text)
    idx = folded.find(fold(old))
    if idx < 0:
        return text
    return text[:idx] + new + text[idx + len(old) :]


# "không" asks only where it ends a clause ("… có … không?"); inside one it negates ("không đạt chuẩn")
_INTERROGATIVE = re.compile(r"\b(bao nhieu|bao lau|bao gio|nao|gi|ai|khi nao|may|ra sao|the nao|nhu the nao)\b|\bkhong\s*$")
_PART_SEP = re.compile(r"(\s*,\s*(?:và|va|còn|con|trong đó|trong do)?\s*|\s*;\s*|\s+(?:và|va)\s+)", re.I)


def _asks(piece: str) -> bool:
    """An interrogative word in the piece; a word in capitals inside cased text is a name
    ("ứng dụng AI trong y tế"), not the question word "ai"."""
    if re.search(r"[a-zà-ỹđ]", piece):
        piece = re.sub(r"\b[A-ZĐ][A-ZĐ0-9]+\b", " ", piece)
    return bool(_INTERROGATIVE.search(fold(piece)))


def split_parts(question: str) -> list[str]:
    """"X là bao nhiêu, trong đó Y bao nhiêu?" -> ["X là bao nhiêu", "Y bao nhiêu"]: pieces
    between commas or "và" that each ask something (an interrogative word on both sides);
    a piece that asks nothing stays with its neighbour, with its separator. A separator inside
    a proper name ("Quỹ Hỗ trợ và Phát triển nông dân", "Sở Văn hóa, Thể thao và Du lịch") separates
    nothing."""
    text = question.strip().rstrip("?").strip()
    tokens = _PART_SEP.split(text)
    pieces, seps = [tokens[0]], []
    for sep, piece in zip(tokens[1::2], tokens[2::2]):
        if _in_name(pieces[-1], piece):
            pieces[-1] = f"{pieces[-1]}{sep}{piece}"
        else:
            pieces.append(piece)
            seps.append(sep)
    parts: list[str] = [pieces[0]]
    for sep, piece in zip(seps, pieces[1:]):
        if _asks(piece) and _asks(parts[-1]):
            parts.append(piece.strip())
        else:
            parts[-1] = f"{parts[-1]}{sep}{piece}"
    parts = [p.strip() for p in parts if p.strip()]
    return parts if len(parts) > 1 else [question]


def _in_name(before: str, after: str) -> bool:
    """Capitalised words on both sides: a name's own "và" / "," (a name capitalises the first
    syllable of each of its words, so one of the last two syllables before is capitalised)."""
    last = before.split()[-2:]
    first = after.split()[:1]
    return bool(first) and first[0][:1].isupper() and any(w[:1].isupper() for w in last) and not any(
        w.isupper() and len(w) > 1 for w in last + first)  # "UBND và Sở X": two agencies, in capitals


def understand(question: str, history: list[Turn] | None = None, sources: list[str] | None = None) -> Query:
    question = collapse(nfc(question or ""))
    standalone, followup, focus = resolve_followup(question, history or [])
    kind = detect_kind(question)
    if followup and kind == "what":
        kind = detect_kind(standalone)
    agency = find_agency(question) if kind in ("duty", "lead", "partner", "what", "amount", "list") else ""
    if kind == "count" and re.search(r"\b(?:chu tri|phu trach)\b", fold(question)):
        agency = find_agency(question)  # "Sở X chủ trì bao nhiêu nhiệm vụ": only the agency's own are counted
    if kind == "what" and agency and re.search(r"\blam gi\b", fold(standalone if followup else question)):
        kind = "duty"  # "<agency> làm gì": what the agency is to do (without an agency: a purpose)
    numbers = [re.sub(r"\s+", "", m.group(0)) for m in DOC_NUMBER.finditer(standalone)]
    numbers += [m.group(1) for m in _BARE_NUMBER.finditer(standalone)
                if not any(n.startswith(m.group(1) + "/") for n in numbers) and not re.fullmatch(r"(19|20)\d\d", m.group(1))]  # "KH 2019": a year
    return Query(
        text=question,
        standalone=standalone,
        kind=kind,
        provinces=find_provinces(standalone),
        # the year inside a document's number ("NQ 27/2025/NQ-HĐND") names the document, not a year asked
        years=years_in(DOC_NUMBER.sub(" ", standalone)),
        periods=periods_in(DOC_NUMBER.sub(" ", standalone)),
        numbers=numbers,
        agency=agency,
        sources=list(sources or []),
        followup=followup,
        unaccented=not has_diacritics(question),
        focus=focus,
    )
