#!/usr/bin/env python3
"""Self-check for bench/blind5 (standard library only). Run: python3 bench/blind5/check.py"""
import glob, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MINE = sorted(glob.glob(os.path.join(HERE, "knowledge", "*")))
OTHERS = sorted(glob.glob(os.path.join(ROOT, "knowledge", "*")))
WINDOW = 600
errors = []

def err(msg):
    errors.append(msg)

def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower())

def no_diacritics(s):
    return not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", s))

texts = {p: open(p, encoding="utf-8").read() for p in MINE + OTHERS}
ntexts = {p: norm(t) for p, t in texts.items()}
short = {os.path.basename(p).split("-")[0] + "-" + os.path.basename(p).split("-")[1]: p for p in MINE}

# ---- questions: shape and ids
items = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") if l.strip()]
ids = [it["id"] for it in items]
if ids != [f"b5-{i:02d}" for i in range(1, 37)]:
    err(f"ids not b5-01..b5-36: {ids}")
for it in items:
    if not isinstance(it.get("question"), str) or not it["question"].strip():
        err(f"{it['id']}: empty question")
    if it.get("answerable", True):
        if not it.get("answer") or not all(isinstance(g, list) and g and all(isinstance(a, str) and a for a in g) for g in it["answer"]):
            err(f"{it['id']}: bad answer groups")
        if not it.get("evidence"):
            err(f"{it['id']}: no evidence")
    else:
        if "answer" in it or "evidence" in it:
            err(f"{it['id']}: unanswerable item carries answer/evidence")
    if "history" in it:
        h = it["history"]
        if not (isinstance(h, list) and h and all(t.get("role") in ("user", "assistant") and t.get("content") for t in h)):
            err(f"{it['id']}: bad history")

# ---- evidence: length, exact uniqueness, HTML element, answer proximity
COUNTED = {"b5-23"}  # answer is a count of listed items, checked separately below
for it in items:
    for ev in it.get("evidence", []):
        t = ev["text"]
        if not 30 <= len(t) <= 200:
            err(f"{it['id']}: evidence length {len(t)}: {t!r}")
        hits = [(p, m.start()) for p, s in texts.items() for m in re.finditer(re.escape(t), s)]
        nt = norm(t)
        nhits = sum(s.count(nt) for s in ntexts.values())
        if len(hits) != 1:
            err(f"{it['id']}: evidence occurs {len(hits)} times (exact): {t!r}")
            continue
        if nhits != 1:
            err(f"{it['id']}: evidence occurs {nhits} times after normalisation: {t!r}")
        p, _ = hits[0]
        if p not in MINE:
            err(f"{it['id']}: evidence is not in a blind5 file")
        if p.endswith(".html") and re.search(r"[<>&]", t):
            err(f"{it['id']}: HTML evidence contains markup/entity")
        ev["_file"] = p
    if it["id"] in COUNTED or not it.get("answer"):
        continue
    for g in it["answer"]:
        ok = False
        for ev in it["evidence"]:
            if "_file" not in ev:
                continue
            s = ntexts[ev["_file"]]
            i = s.find(norm(ev["text"]))
            win = s[max(0, i - WINDOW): i + len(norm(ev["text"])) + WINDOW]
            if any(norm(a) in win for a in g):
                ok = True
        if not ok:
            err(f"{it['id']}: no alternative of group {g} within {WINDOW} chars of evidence")

# b5-23: count the a)-d) items under "Bãi bỏ các nhiệm vụ sau"
dn = texts[short["da-nang"]]
blk = dn.split("Bãi bỏ các nhiệm vụ sau tại Phụ lục I", 1)[1].split("\n4. Bổ sung", 1)[0]
n_abol = len(re.findall(r"^[a-zđ]\) Bãi bỏ nhiệm vụ", blk, re.M))
if n_abol != 4 or "4 nhiệm vụ" not in next(it for it in items if it["id"] == "b5-23")["answer"][0]:
    err(f"b5-23: abolished tasks counted {n_abol}, expected 4")

# ---- unanswerable: the facts really are absent
byt, cm, nb = texts[short["bo-y"]], texts[short["ca-mau"]], texts[short["ninh-binh"]]
allmine = "\n".join(texts[p] for p in MINE + OTHERS)
if re.search(r"Hưng Yên[^\n]{0,200}người cao tuổi|người cao tuổi[^\n]{0,200}Hưng Yên", allmine):
    err("b5-33: a Hưng Yên elderly-care plan seems present")
if "Hưng Yên" in nb:
    err("b5-33: Hưng Yên appears in the Ninh Bình plan")
if re.search(r"Sở Giáo dục|GD&ĐT|GD-ĐT|Giáo dục và Đào tạo", cm, re.I):
    err("b5-34: Sở Giáo dục appears in the Cà Mau plan")
if re.search(r"năm 2030|Năm 2030|đến 2030", nb):
    err("b5-35: the Ninh Bình plan gives a 2030 figure")
for m in re.finditer("Quỹ bảo hiểm y tế", byt):
    if re.search(r"\d[\d.,]*\s*(tỷ|triệu)", byt[m.end(): m.end() + 60]):
        err("b5-36: a figure follows Quỹ bảo hiểm y tế")

# ---- layouts
def lines(p):
    return texts[p].count("\n")
for key in ("bo-y", "ninh-binh", "da-nang"):
    n = lines(short[key])
    if not 120 <= n <= 300:
        err(f"{key}: {n} lines, expected 120-300")
for needle in ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "Số: 1842/QĐ-BYT", "\nĐiều 1.", "\nĐiều 2.", "\nĐiều 3.", "\n2. Mục tiêu cụ thể", "\na) ", "\nb) ", "\nc) ", "Cục Phòng bệnh", "Vụ Kế hoạch - Tài chính", "8. Ủy ban nhân dân các tỉnh"):
    if needle not in byt:
        err(f"bo-y-te: missing {needle!r}")
if lines(short["ca-mau"]) > 5 or max(len(l) for l in cm.split("\n")) < 5000:
    err("ca-mau: HTML is not minified onto a few long lines")
for needle in ("Số hiệu", "Ngày ban hành", "Người ký", "Cơ quan ban hành", "<th>Cơ quan chủ trì</th>", "<th>Huyện, thành phố</th>", "<th>Năm 2024</th>", "<th>Năm 2026</th>", "Huyện Đầm Dơi"):
    if needle not in cm:
        err(f"ca-mau: missing {needle!r}")
for needle in ("### 1. Sở Y tế", "\n  - Năm 2026:", "triệu đồng", "tỷ đồng"):
    if needle not in nb:
        err(f"ninh-binh: missing {needle!r}")
for needle in ("Sửa đổi, bổ sung Kế hoạch số 87/KH-UBND", "thay thế Kế hoạch số 59/KH-UBND", "từ 60% lên 75%", "Bãi bỏ nhiệm vụ", "điều chỉnh thời hạn từ"):
    if needle not in dn:
        err(f"da-nang: missing {needle!r}")
# issuers not already used
USED = ["Bắc Ninh", "Cần Thơ", "Đắk Lắk", "Đồng Nai", "Đồng Tháp", "Hà Nội", "Hồ Chí Minh", "Nghệ An", "Sơn La", "Thanh Hóa",
        "Quảng Ngãi", "Quảng Bình", "Sóc Trăng", "Điện Biên", "Bình Định", "Gia Lai", "Hòa Bình", "Thái Bình", "Hà Giang",
        "Quảng Nam", "Lào Cai", "Phú Thọ", "Kiên Giang", "Huế", "Quảng Trị", "Bến Tre", "Tây Ninh", "Lạng Sơn", "Vĩnh Phúc",
        "Tuyên Quang", "Khánh Hòa", "Hải Phòng", "Lâm Đồng"]
for p in MINE:
    head = "\n".join(texts[p].split("\n")[:4]) if not p.endswith(".html") else texts[p][:3000]
    for u in USED:
        if re.search(r"(TỈNH|THÀNH PHỐ|Tỉnh|Thành phố) " + u, head, re.I):
            err(f"{os.path.basename(p)}: issuer {u} already used")

# ---- kinds, diacritics, abbreviations
KINDS = {"lead": range(1, 5), "partners": range(5, 8), "duties": range(8, 13), "targets": range(13, 18),
         "amounts": range(18, 22), "counts": range(22, 24), "dates": range(24, 28), "number/date/signer": range(28, 31),
         "follow-up": range(31, 33), "unanswerable": range(33, 37)}
want = {"lead": 4, "partners": 3, "duties": 5, "targets": 5, "amounts": 4, "counts": 2, "dates": 4, "number/date/signer": 3, "follow-up": 2, "unanswerable": 4}
for k, r in KINDS.items():
    if len(r) != want[k]:
        err(f"kind {k}: {len(r)}")
for i in KINDS["follow-up"]:
    if "history" not in items[i - 1]:
        err(f"b5-{i:02d}: follow-up without history")
for i in KINDS["unanswerable"]:
    if items[i - 1].get("answerable", True):
        err(f"b5-{i:02d}: should be unanswerable")
if sum(1 for it in items if not it.get("answerable", True)) != 4:
    err("expected 4 unanswerable items")
nod = [it["id"] for it in items if no_diacritics(it["question"])]
if len(nod) < 12:
    err(f"only {len(nod)} questions without diacritics")
allq = " ".join(it["question"] for it in items)
for ab in ("UBND", "Sở TC", "SNN&MT", "BYT", "Sở GD&ĐT"):
    if ab not in allq and ab not in allq.replace("So GD", "Sở GD"):
        err(f"abbreviation {ab} not used")

print(f"{len(items)} items, {sum(len(it.get('evidence', [])) for it in items)} evidence passages, "
      f"{len(nod)} without diacritics: {', '.join(i[3:] for i in nod)}")
for k, r in KINDS.items():
    print(f"  {k:20s} {len(r)}  " + ", ".join(f"{i:02d}" for i in r))
for p in MINE:
    print(f"  {os.path.basename(p)}: {texts[p].count(chr(10))} lines, {len(texts[p])} chars")
if errors:
    print("FAIL")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK")
