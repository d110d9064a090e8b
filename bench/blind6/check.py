#!/usr/bin/env python3
"""Self-check for bench/blind6 (standard library only).

Run from anywhere:  python3 bench/blind6/check.py
Checks: JSON shape and ids; evidence length, exactness and uniqueness over
bench/blind6/knowledge + knowledge/ (exact and normalised); that every answer group has an
alternative within 600 characters of an evidence passage (counts that are not written in the
text are recomputed from the document instead); that the facts behind the unanswerable items
are absent; the layout required for each file; issuers not used before; kind counts; the
diacritic-free share; abbreviations.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
MAIN = os.path.dirname(BENCH)
KD = os.path.join(HERE, "knowledge")
MAIN_KD = os.path.join(MAIN, "knowledge")
WINDOW = 600

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


def read_dir(d):
    out = {}
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            with open(p, encoding="utf-8", errors="replace") as f:
                out[p] = f.read()
    return out


OWN = read_dir(KD)
ALL = dict(OWN)
ALL.update(read_dir(MAIN_KD))
NORM = {p: norm(t) for p, t in ALL.items()}

FILES = {
    "TT": "bo-nong-nghiep-moi-truong-24-tt-bnnmt-2025-bao-goi-thuoc-bvtv.txt",
    "QN": "quang-ninh-3127-qd-ubnd-2025-ke-hoach-ocop-2026-2030.md",
    "HT": "ha-tinh-3842-qd-ubnd-2012-giao-du-toan-ngan-sach-2013.txt",
    "AG": "an-giang-214-kh-ubnd-2025-lua-chat-luong-cao-phat-thai-thap.txt",
}
T = {}
for k, name in FILES.items():
    p = os.path.join(KD, name)
    if p not in OWN:
        err(f"missing knowledge file {name}")
        T[k] = ""
    else:
        T[k] = OWN[p]
for p, t in OWN.items():
    if unicodedata.normalize("NFC", t) != t:
        err(f"{os.path.basename(p)}: not in NFC")
if len(OWN) != 4:
    err(f"expected 4 knowledge files, found {len(OWN)}")

# ------------------------------------------------------------------ questions: shape
with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
    lines = [l for l in f.read().splitlines() if l.strip()]
Q = []
for i, l in enumerate(lines, 1):
    try:
        Q.append(json.loads(l))
    except json.JSONDecodeError as e:
        err(f"line {i}: bad JSON: {e}")
for q in Q:
    raw = json.dumps(q, ensure_ascii=False)
    if unicodedata.normalize("NFC", raw) != raw:
        err(f"{q.get('id')}: not in NFC")
ids = [q.get("id") for q in Q]
if ids != [f"b6-{i:02d}" for i in range(1, 41)]:
    err(f"ids must be b6-01..b6-40 in order, got {ids}")

ALLOWED = {"id", "question", "history", "answer", "evidence", "answerable"}
for q in Q:
    qid = q.get("id")
    extra = set(q) - ALLOWED
    if extra:
        err(f"{qid}: unknown fields {extra}")
    if not isinstance(q.get("question"), str) or not q["question"].strip():
        err(f"{qid}: empty question")
    if "history" in q:
        h = q["history"]
        if not (isinstance(h, list) and h and all(isinstance(t, dict) and t.get("role") in ("user", "assistant")
                                                 and isinstance(t.get("content"), str) for t in h)):
            err(f"{qid}: bad history")
    if q.get("answerable", True) is False:
        if q.get("answer", "missing") is not None or q.get("evidence", "missing") != []:
            err(f"{qid}: unanswerable items need answer null and evidence []")
        continue
    if "answerable" in q and q["answerable"] is not True:
        err(f"{qid}: answerable must be true/false")
    a = q.get("answer")
    if not (isinstance(a, list) and a and all(isinstance(g, list) and g and all(isinstance(x, str) and x.strip() for x in g)
                                              for g in a)):
        err(f"{qid}: answer must be a non-empty list of non-empty lists of strings")
    e = q.get("evidence")
    if not (isinstance(e, list) and e and all(isinstance(x, dict) and isinstance(x.get("text"), str) for x in e)):
        err(f"{qid}: evidence must be a non-empty list of {{text}}")

# ------------------------------------------------------------------ evidence
def locate(ev):
    """Return (path, start, end) of the evidence in raw text, or None."""
    text = ev["text"]
    hits = []
    for p, t in ALL.items():
        start = 0
        if "after" in ev:
            a = t.find(ev["after"])
            if a < 0:
                continue
            start = a + len(ev["after"])
        i = t.find(text, start)
        while i >= 0:
            hits.append((p, i, i + len(text)))
            if "after" in ev:
                break
            i = t.find(text, i + 1)
    return hits


byid_early = {q.get("id"): q for q in Q}
SPANS = {}  # qid -> list of (path, start, end)
for q in Q:
    if q.get("answerable", True) is False or not isinstance(q.get("evidence"), list):
        continue
    qid = q["id"]
    SPANS[qid] = []
    for ev in q["evidence"]:
        text = ev.get("text", "")
        if not 30 <= len(text) <= 200:
            err(f"{qid}: evidence length {len(text)} not in 30..200: {text[:60]!r}")
        hits = locate(ev)
        if not hits:
            err(f"{qid}: evidence not found: {text[:80]!r}")
            continue
        if len(hits) > 1:
            err(f"{qid}: evidence occurs {len(hits)} times (add 'after'): {text[:80]!r}")
        p = hits[0][0]
        if p not in OWN:
            err(f"{qid}: evidence is in {p}, not in blind6/knowledge")
        if "after" not in ev:
            n = sum(v.count(norm(text)) for v in NORM.values())
            if n != 1:
                err(f"{qid}: normalised evidence occurs {n} times: {text[:80]!r}")
        SPANS[qid].append(hits[0])


def near(qid, alt):
    a = norm(alt)
    for p, s, e in SPANS.get(qid, []):
        raw = ALL[p]
        window = norm(raw[max(0, s - WINDOW):e + WINDOW])
        if a in window:
            return True
    return False


# counts that are not written in the text: recompute them from the document
def count_dieu():
    return len(re.findall(r"^Điều \d+\. ", T["TT"], flags=re.M))


def count_chuong():
    return len(re.findall(r"^Chương [IVX]+$", T["TT"], flags=re.M))


def count_qn_groups():
    m = re.search(r"^## III\..*?(?=^## IV\.)", T["QN"], flags=re.M | re.S)
    return len(re.findall(r"^### \d+\. ", m.group(0), flags=re.M)) if m else -1


COMPUTED = {
    ("b6-20", 0): (count_dieu, 19),
    ("b6-20", 1): (count_chuong, 4),
    ("b6-22", 0): (count_qn_groups, 6),
}
for q in Q:
    if q.get("answerable", True) is False or not isinstance(q.get("answer"), list):
        continue
    for gi, group in enumerate(q["answer"]):
        key = (q["id"], gi)
        if key in COMPUTED:
            fn, want = COMPUTED[key]
            got = fn()
            if got != want:
                err(f"{q['id']} group {gi}: document count is {got}, answer says {want}")
            if not any(str(want) in norm(x) for x in group):
                err(f"{q['id']} group {gi}: no alternative states {want}")
            continue
        if not any(near(q["id"], alt) for alt in group):
            err(f"{q['id']}: no alternative of group {group} within {WINDOW} chars of its evidence")

# Where a nearby passage holds a competing figure (2028 vs 2030 targets, another column of the
# same table row), the 600-character window is too loose: for these items every group must have
# an alternative inside one of the evidence passages themselves.
TIGHT = [12, 13, 14, 15, 16, 17, 18, 19, 21, 23, 24, 25, 34]
for i in TIGHT:
    q = byid_early.get(f"b6-{i:02d}")
    if not q or not isinstance(q.get("answer"), list):
        err(f"b6-{i:02d}: missing for the tight check")
        continue
    inside = [norm(ALL[p][s:e]) for p, s, e in SPANS.get(q["id"], [])]
    for group in q["answer"]:
        if not any(norm(a) in t for a in group for t in inside):
            err(f"{q['id']}: no alternative of {group} inside its evidence passages")

# ------------------------------------------------------------------ unanswerable: facts absent
allnorm = " ".join(NORM.values())
ABSENT = {
    "b6-35": [("HT", "2014")],
    "b6-36": [("QN", "giáo dục"), ("QN", "gd&đt")],
    "b6-37": [("TT", "phạt"), ("TT", "mức xử lý")],
    "b6-38": [("*", "thái nguyên")],
    "b6-39": [("AG", "2027")],
    "b6-40": [("QN", "2027")],
}
for qid, items in ABSENT.items():
    q = next((x for x in Q if x.get("id") == qid), None)
    if q is None or q.get("answerable", True) is not False:
        err(f"{qid}: should be unanswerable")
    for k, s in items:
        hay = allnorm if k == "*" else norm(T[k])
        if s in hay:
            err(f"{qid}: {s!r} occurs in {k}, so the item may be answerable")
# b6-37: the Thông tư states no money amount at all (its report form has only "... triệu đồng")
if re.search(r"\d[\d.,]*\s*(nghìn|triệu|tỷ)?\s*đồng", T["TT"]):
    err("b6-37: the Thông tư states a money amount")
# b6-40: the Quảng Ninh budget must not be phased by year
if re.search(r"năm 202\d\s*(là|:)\s*[\d.,]+\s*(tỷ|triệu)", T["QN"]):
    err("b6-40: the Quảng Ninh budget seems to be phased by year")

# ------------------------------------------------------------------ layout of each file
def need(k, pattern, what, flags=re.M):
    if not re.search(pattern, T[k], flags):
        err(f"{k}: missing {what}")


for k, t in T.items():
    n = t.count("\n") + (0 if t.endswith("\n") else 1)
    if not 120 <= n <= 300:
        err(f"{k}: {n} lines, want 120..300")
    need(k, r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quốc hiệu")
    need(k, r"Độc lập - Tự do - Hạnh phúc", "tiêu ngữ")
    need(k, r"Số: \d+/", "Số:")
    need(k, r"ngày \d{1,2} tháng \d{1,2} năm 20\d\d", "place and date")
    need(k, r"(Căn cứ|Xét đề nghị)", "Căn cứ")
    need(k, r"(TM\.|KT\.|Q\.) ", "signature block")
    need(k, r"Nơi nhận", "Nơi nhận")
    if not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", t):
        err(f"{k}: no Vietnamese diacritics?")

# 1. Thông tư
need("TT", r"^THÔNG TƯ$", "THÔNG TƯ title")
need("TT", r"^Số: \d+/2025/TT-BNNMT$", "TT number")
need("TT", r"^Chương I$", "Chương I")
need("TT", r"^Mục 1$", "Mục 1")
need("TT", r"^Điều \d+\. Trách nhiệm của ", "'Điều n. Trách nhiệm của ...'")
need("TT", r"^Điều \d+\. Hiệu lực thi hành$", "effect article")
need("TT", r"có hiệu lực thi hành kể từ ngày", "effect date")
need("TT", r"^Điều \d+\. Quy định chuyển tiếp$", "transitional article")
need("TT", r"^Điều \d+\. Trách nhiệm thi hành$", "'Trách nhiệm thi hành' article")
need("TT", r"^[a-dđ]\) ", "điểm a) b)")
need("TT", r"^KT\. BỘ TRƯỞNG$", "KT. BỘ TRƯỞNG")
need("TT", r"^PHỤ LỤC$", "Phụ lục")
nums = [int(x) for x in re.findall(r"^Điều (\d+)\. ", T["TT"], flags=re.M)]
if nums != list(range(1, len(nums) + 1)):
    err(f"TT: Điều numbering not consecutive: {nums}")
last = re.findall(r"^Điều (\d+)\. (.*)$", T["TT"], flags=re.M)
if not last or last[-1][1] != "Trách nhiệm thi hành":
    err("TT: the last article should be 'Trách nhiệm thi hành'")

# 2. Quyết định ban hành Kế hoạch (.md)
need("QN", r"^# QUYẾT ĐỊNH$", "# QUYẾT ĐỊNH")
need("QN", r"^# KẾ HOẠCH$", "# KẾ HOẠCH")
need("QN", r"\*\*Điều 1\.\*\* Ban hành kèm theo Quyết định này Kế hoạch", "Điều 1 ban hành kèm theo")
need("QN", r"\*\*Điều 2\.\*\* Quyết định này có hiệu lực", "Điều 2 hiệu lực")
need("QN", r"\*\*Điều 3\.\*\* .*chịu trách nhiệm thi hành", "Điều 3 thi hành")
need("QN", r"\(Ban hành kèm theo Quyết định số 3127/QĐ-UBND", "attached-plan heading")
for h in ["## I. MỤC ĐÍCH, YÊU CẦU", "## II. MỤC TIÊU", "## III. NHIỆM VỤ, GIẢI PHÁP", "## IV. KINH PHÍ", "## V. TỔ CHỨC THỰC HIỆN"]:
    if h not in T["QN"]:
        err(f"QN: missing heading {h}")
if T["QN"].find("# QUYẾT ĐỊNH") > T["QN"].find("# KẾ HOẠCH"):
    err("QN: the decision must come before the plan")
if re.search(r"\bhuyện\b", T["QN"], flags=re.I):
    err("QN: a 2025 document should have no huyện")
need("QN", r"^### \d+\. Sở [^\n]+\n\n- Chủ trì", "agency duty block '### n. Sở ...' + '- Chủ trì'")

# 3. budget allocation (2013, old agency names)
need("HT", r"giao dự toán chi ngân sách nhà nước năm 2013", "subject", flags=re.I | re.M)
need("HT", r"^\| STT \| Đơn vị \| Tổng số \| Chi thường xuyên \| Chi đầu tư phát triển \|$", "table header")
need("HT", r"^\| I \| KHỐI QUẢN LÝ NHÀ NƯỚC \|", "group row I")
need("HT", r"^\| II \| KHỐI SỰ NGHIỆP \|", "group row II")
need("HT", r"^\| \| TỔNG CỘNG \|", "total row")
need("HT", r"Giao Sở Tài chính", "'Giao Sở Tài chính' sentence")
for old in ["Sở Kế hoạch và Đầu tư", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường",
            "Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải"]:
    if old not in T["HT"]:
        err(f"HT: old agency name {old!r} missing")
if "Nông nghiệp và Môi trường" in T["HT"]:
    err("HT: a 2013 document cannot name Sở Nông nghiệp và Môi trường")


def num(s):
    s = s.strip()
    return 0 if s == "-" else int(s.replace(".", ""))


rows = re.findall(r"^\| (\S*) \| ([^|]+) \| ([\d.\-]+) \| ([\d.\-]+) \| ([\d.\-]+) \|$", T["HT"], flags=re.M)
units = [r for r in rows if r[0].isdigit()]
groups = [r for r in rows if re.fullmatch(r"[IVX]+", r[0])]
total = [r for r in rows if r[0] == "" and "TỔNG CỘNG" in r[1]]
if len(units) != 39:
    err(f"HT: {len(units)} unit rows, the decision says 39")
for r in units + groups + total:
    if num(r[2]) != num(r[3]) + num(r[4]):
        err(f"HT: row {r[0]} {r[1]}: total != CTX + ĐTPT")
if total and groups:
    for c in (2, 3, 4):
        if sum(num(g[c]) for g in groups) != num(total[0][c]):
            err(f"HT: column {c}: group rows do not add up to TỔNG CỘNG")
# group subtotals
cur, acc = None, {}
for r in rows:
    if re.fullmatch(r"[IVX]+", r[0]):
        cur = r
        acc[cur] = [0, 0, 0]
    elif r[0].isdigit() and cur:
        for i, c in enumerate((2, 3, 4)):
            acc[cur][i] += num(r[c])
for g, v in acc.items():
    if v != [num(g[2]), num(g[3]), num(g[4])]:
        err(f"HT: group {g[0]} subtotal does not match its units")
if total:
    m = re.search(r"tổng số ([\d.]+) triệu đồng", T["HT"])
    if not m or num(m.group(1)) != num(total[0][2]):
        err("HT: the total in Điều 1 does not match the table")

# 4. PDF extract
ag_lines = T["AG"].split("\n")
if T["AG"].endswith("\n"):
    ag_lines = ag_lines[:-1]
if any(not l.strip() for l in ag_lines):
    err("AG: blank lines found (a PDF extract has none here)")
long_lines = [l for l in ag_lines if len(l) > 90]
if long_lines:
    err(f"AG: {len(long_lines)} lines longer than 90 characters")
header = "KH số 214/KH-UBND tỉnh An Giang - Vùng chuyên canh lúa phát thải thấp"
hpos = [i for i, l in enumerate(ag_lines) if l == header]
if len(hpos) < 3:
    err("AG: running header should repeat")
for i in hpos:
    if not re.fullmatch(r"\d+", ag_lines[i - 1]):
        err(f"AG: running header at line {i + 1} not preceded by a page number")
gaps = [b - a for a, b in zip(hpos, hpos[1:])]
if any(not 40 <= g <= 60 for g in gaps):
    err(f"AG: header gaps {gaps} are not ~50 lines")
if not any(l.startswith("+ ") for l in ag_lines) or not any(l.startswith("- ") for l in ag_lines):
    err("AG: needs '-' and '+' bullets")
# wrapped mid-sentence: many lines end without sentence punctuation
open_end = sum(1 for l in ag_lines if len(l) > 60 and not re.search(r"[.;:,)”]$", l))
if open_end < 40:
    err(f"AG: only {open_end} lines look wrapped mid-sentence")
for y in ("2026", "2028", "2030"):
    if not re.search(rf"vào năm {y}", T["AG"]) and not re.search(rf"năm\s+{y}", T["AG"]):
        err(f"AG: no target for {y}")
need("AG", r"^STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành$", "flattened task table header")
if re.search(r"\bhuyện\b", T["AG"], flags=re.I):
    err("AG: a 2025 document should have no huyện")

# 2025+ documents use the new agency names
for k in ("TT", "QN", "AG"):
    for old in ["Phát triển nông thôn và", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
                "Sở Thông tin và Truyền thông"]:
        if old in T[k].replace("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", ""):
            err(f"{k}: old agency name {old!r} in a 2025 document")

# ------------------------------------------------------------------ issuers not used before
used = set()
for d in ("blind", "blind2", "blind3", "blind4", "blind5", "heldout"):
    p = os.path.join(BENCH, d, "knowledge")
    if os.path.isdir(p):
        used.update(os.listdir(p))
used.update(os.listdir(MAIN_KD))
shared = "/work/shared/corpus/knowledge"
if os.path.isdir(shared):
    used.update(os.listdir(shared))
for slug in ("bo-nong-nghiep", "quang-ninh", "ha-tinh", "an-giang", "quangninh", "hatinh", "angiang"):
    clash = [u for u in used if slug in u.replace("_", "-")]
    if clash:
        err(f"issuer {slug} already used: {clash}")

# ------------------------------------------------------------------ kinds
KINDS = {
    "lead agency": [1, 2, 3, 4],
    "cooperating agencies": [5, 6, 7],
    "agency duties": [8, 9, 10, 11],
    "targets by year": [12, 13, 14, 15],
    "amounts": [16, 17, 18, 19],
    "counts": [20, 21, 22],
    "dates / deadlines / effect": [23, 24, 25, 26],
    "number / date / signer": [27, 28, 29],
    "what-is": [30, 31],
    "follow-up with history": [32, 33, 34],
    "unanswerable": [35, 36, 37, 38, 39, 40],
}
flat = sorted(i for v in KINDS.values() for i in v)
if flat != list(range(1, 41)):
    err("KINDS must cover 1..40 once")
byid = {q.get("id"): q for q in Q}
for i in KINDS["follow-up with history"]:
    if "history" not in byid.get(f"b6-{i:02d}", {}):
        err(f"b6-{i:02d}: follow-up without history")
for q in Q:
    n = int(q["id"][3:])
    if "history" in q and n not in KINDS["follow-up with history"]:
        err(f"{q['id']}: history on a non-follow-up item")
    if (q.get("answerable", True) is False) != (n in KINDS["unanswerable"]):
        err(f"{q['id']}: answerable flag does not match its kind")
n_ans = sum(1 for q in Q if q.get("answerable", True) is not False)
if n_ans != 34 or len(Q) - n_ans != 6:
    err(f"want 34 answerable + 6 unanswerable, got {n_ans} + {len(Q) - n_ans}")

# ------------------------------------------------------------------ style
def plain(s):
    return all(ord(c) < 128 for c in s)


no_dia = [q["id"] for q in Q if plain(q["question"])]
if not 12 <= len(no_dia) <= 16:
    err(f"{len(no_dia)} questions without diacritics, want about a third: {no_dia}")
alltext = " ".join(q["question"] for q in Q)
for ab in ["UBND", "Sở TC", "SNN&MT", "KH ", "QĐ", "NĐ", "TT ", "BVTV", "OCOP", "HTX", "TMĐT", "CTMTQG", "LĐTBXH"]:
    if ab not in alltext:
        err(f"abbreviation {ab!r} not used in any question")
# every question names its document (number, province or topic), follow-ups via history
names = ["24/2025", "tt-bnnmt", "quảng ninh", "quang ninh", "3127", "hà tĩnh", "ha tinh", "3842", "an giang", "214",
         "thai nguyen", "thái nguyên"]
for q in Q:
    s = norm(q["question"] + " " + " ".join(t["content"] for t in q.get("history", [])))
    if not any(x in s for x in names):
        err(f"{q['id']}: the question does not name its document")

if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print(f"OK: {len(Q)} questions ({n_ans} answerable, {len(Q) - n_ans} unanswerable), "
      f"{sum(len(v) for v in SPANS.values())} evidence passages, {len(no_dia)} without diacritics")
