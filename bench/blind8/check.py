#!/usr/bin/env python3
"""Self-check for blind evaluation set 8 (standard library only).

Run from anywhere:  python3 bench/blind8/check.py
Exit status 0 when every check passes; otherwise the failures are listed.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
MAIN = os.path.dirname(BENCH)
KDIR = os.path.join(HERE, "knowledge")
MAIN_KDIR = os.path.join(MAIN, "knowledge")
SHARED_KDIR = os.path.join(os.path.dirname(MAIN), "shared", "corpus", "knowledge")

FILES = {
    "NQ": "vinh-long-27-nq-hdnd-2025-ho-tro-dua-huu-co-che-bien-sau.txt",
    "BC": "vinh-long-245-bc-ubnd-2025-so-ket-xoa-nha-tam-nha-dot-nat.md",
    "CT": "vinh-long-03-ct-ubnd-2026-giai-ngan-von-dau-tu-cong.txt",
    "KH": "vinh-long-76-kh-ubnd-2026-phong-chong-sat-lo-bo-song-bo-bien.html",
}

# id number -> file key
BY_FILE = {
    "NQ": [1, 2, 3, 4, 7, 8, 26, 29, 32, 35, 36],
    "BC": [5, 16, 18, 19, 20, 21, 23, 30, 33, 37],
    "CT": [9, 12, 14, 15, 17, 22, 24, 27, 38, 40],
    "KH": [6, 10, 11, 13, 25, 28, 31, 34, 39],
}

KINDS = {
    "money levels": [1, 2, 3, 4, 5, 6],
    "conditions": [7, 8, 9],
    "lead / cooperating agency": [10, 11, 12, 13],
    "agency duties": [14, 15, 16, 17],
    "results vs targets": [18, 19, 20, 21],
    "dates / deadlines": [22, 23, 24, 25],
    "number / date / signer": [26, 27, 28],
    "effect date": [29],
    "counts": [30, 31],
    "follow-up with history": [32, 33, 34],
    "unanswerable": [35, 36, 37, 38, 39, 40],
}
EXPECTED_KIND_COUNTS = {
    "money levels": 6, "conditions": 3, "lead / cooperating agency": 4,
    "agency duties": 4, "results vs targets": 4, "dates / deadlines": 4,
    "number / date / signer": 3, "effect date": 1, "counts": 2,
    "follow-up with history": 3, "unanswerable": 6,
}
NO_DIACRITICS = [2, 4, 8, 10, 13, 15, 19, 23, 24, 27, 29, 32, 36, 40]

# facts whose absence makes the unanswerable items unanswerable (normalized search in the file)
ABSENT = {
    35: ["bảo hiểm"],
    36: ["tập huấn", "đào tạo"],
    37: ["thạnh phú"],
    38: ["y tế"],
    39: ["2031"],
    40: ["6 tháng đầu năm 2026", "đã giải ngân được 4", "đạt 4"],
}

ABBREVIATIONS = {  # abbreviation -> accepted spellings in questions (case-sensitive)
    "UBND": ["UBND"], "HĐND": ["HĐND", "HDND", "hdnd"], "Sở TC": ["Sở TC", "So TC"],
    "SNN&MT": ["SNN&MT", "So NN&MT", "Sở NN&MT"], "KH": ["KH"], "QĐ": ["QĐ"],
    "NQ": ["NQ", "nq "], "CT": ["CT"], "BC": ["BC", "bc "],
}

FAIL = []


def fail(msg):
    FAIL.append(msg)


def norm(s):
    s = unicodedata.normalize("NFC", s).lower()
    return re.sub(r"\s+", " ", s)


def strip_marks(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


def has_diacritics(s):
    return any(ord(c) > 127 for c in s)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def text_files(d):
    out = {}
    if not os.path.isdir(d):
        return out
    for n in sorted(os.listdir(d)):
        p = os.path.join(d, n)
        if os.path.isfile(p) and n.rsplit(".", 1)[-1] in ("txt", "md", "html", "htm"):
            try:
                out[p] = read(p)
            except UnicodeDecodeError:
                pass
    return out


def main():
    docs = {k: read(os.path.join(KDIR, v)) for k, v in FILES.items()}
    on_disk = sorted(os.listdir(KDIR))
    if on_disk != sorted(FILES.values()):
        fail("knowledge/ holds %s, expected %s" % (on_disk, sorted(FILES.values())))
    pool = {os.path.join(KDIR, v): docs[k] for k, v in FILES.items()}
    pool.update(text_files(MAIN_KDIR))
    pool_norm = {p: norm(t) for p, t in pool.items()}

    check_layout(docs)
    check_issuers()

    items = []
    with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                fail("questions.jsonl line %d is empty" % ln)
                continue
            try:
                items.append(json.loads(line))
            except ValueError as e:
                fail("questions.jsonl line %d: bad JSON (%s)" % (ln, e))
    if len(items) != 40:
        fail("expected 40 questions, found %d" % len(items))
    ids = [o.get("id") for o in items]
    if ids != ["b8-%02d" % i for i in range(1, len(items) + 1)]:
        fail("ids are not b8-01 .. b8-%02d in order" % len(items))

    file_of = {n: k for k, ns in BY_FILE.items() for n in ns}
    if sorted(file_of) != list(range(1, 41)) or sum(len(v) for v in BY_FILE.values()) != 40:
        fail("BY_FILE does not cover ids 1..40 exactly once")
    kind_of = {}
    for k, ns in KINDS.items():
        for n in ns:
            if n in kind_of:
                fail("id %d has two kinds" % n)
            kind_of[n] = k
    if sorted(kind_of) != list(range(1, 41)):
        fail("KINDS does not cover ids 1..40")
    for k, c in EXPECTED_KIND_COUNTS.items():
        if len(KINDS[k]) != c:
            fail("kind %r has %d items, expected %d" % (k, len(KINDS[k]), c))

    n_ans = n_unans = n_hist = 0
    for o in items:
        check_item(o, docs, pool, pool_norm, file_of, kind_of)
        if o.get("answerable") is True:
            n_ans += 1
        elif o.get("answerable") is False:
            n_unans += 1
        if "history" in o:
            n_hist += 1
    if (n_ans, n_unans, n_hist) != (34, 6, 3):
        fail("answerable/unanswerable/follow-up = %d/%d/%d, expected 34/6/3" % (n_ans, n_unans, n_hist))

    plain = [int(o["id"][3:]) for o in items if not has_diacritics(o["question"])]
    if plain != NO_DIACRITICS:
        fail("diacritic-free ids %s differ from the README list %s" % (plain, NO_DIACRITICS))
    if not 12 <= len(plain) <= 16:
        fail("%d diacritic-free questions; about a third (12-16) wanted" % len(plain))
    allq = "\n".join(o["question"] for o in items)
    for ab, forms in ABBREVIATIONS.items():
        if not any(f in allq for f in forms):
            fail("abbreviation %s is never used" % ab)

    if FAIL:
        print("FAILED (%d):" % len(FAIL))
        for m in FAIL:
            print(" -", m)
        return 1
    print("OK: 40 questions (34 answerable, 6 unanswerable, 3 follow-ups), %d diacritic-free; "
          "4 documents, evidence exact and unique" % len(plain))
    for k, ns in KINDS.items():
        print("  %-26s %2d  %s" % (k, len(ns), ", ".join("%02d" % n for n in ns)))
    return 0


def check_item(o, docs, pool, pool_norm, file_of, kind_of):
    oid = o.get("id", "?")
    try:
        num = int(oid[3:])
    except ValueError:
        fail("%s: bad id" % oid)
        return
    allowed = {"id", "question", "history", "answer", "evidence", "answerable"}
    extra = set(o) - allowed
    if extra:
        fail("%s: unexpected fields %s" % (oid, sorted(extra)))
    for key in ("id", "question", "answer", "evidence", "answerable"):
        if key not in o:
            fail("%s: missing field %s" % (oid, key))
            return
    if not isinstance(o["question"], str) or not o["question"].strip():
        fail("%s: empty question" % oid)
    key = file_of.get(num)
    fname = FILES.get(key)
    kind = kind_of.get(num)

    if "history" in o:
        h = o["history"]
        if kind != "follow-up with history":
            fail("%s: has history but is not a follow-up" % oid)
        if not (isinstance(h, list) and h and len(h) % 2 == 0):
            fail("%s: history must be a non-empty list of user/assistant pairs" % oid)
        else:
            for i, t in enumerate(h):
                role = "user" if i % 2 == 0 else "assistant"
                if not (isinstance(t, dict) and set(t) == {"role", "content"} and t["role"] == role
                        and isinstance(t["content"], str) and t["content"].strip()):
                    fail("%s: history turn %d malformed" % (oid, i))
    elif kind == "follow-up with history":
        fail("%s: follow-up without history" % oid)

    # each non-follow-up question names its document the way users do
    if "history" not in o:
        q = strip_marks(o["question"]).lower()
        cue = {"NQ": r"\bnq\b|nghi quyet", "BC": r"\bbc\b|bao cao", "CT": r"\bct\b|chi thi",
               "KH": r"\bkh\b|ke hoach"}[key]
        if not re.search(cue, q):
            fail("%s: question does not name its document type (%s)" % (oid, key))
        if not re.search(r"vinh long|\bvl\b", q):
            fail("%s: question does not name the province" % oid)
    else:
        q = strip_marks(o["history"][0]["content"]).lower()
        if "vinh long" not in q:
            fail("%s: the first history turn does not name the province" % oid)

    if o["answerable"] is False:
        if kind != "unanswerable":
            fail("%s: unanswerable but kind %s" % (oid, kind))
        if o["answer"] is not None or o["evidence"] != []:
            fail("%s: unanswerable items need answer null and evidence []" % oid)
        text = norm(docs[key])
        for s in ABSENT.get(num, []):
            if norm(s) in text:
                fail("%s: %r occurs in %s, so the item may be answerable" % (oid, s, fname))
        return
    if o["answerable"] is not True:
        fail("%s: answerable must be true or false" % oid)
        return
    if kind == "unanswerable":
        fail("%s: kind unanswerable but answerable" % oid)

    ans = o["answer"]
    if not (isinstance(ans, list) and ans and all(
            isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g) for g in ans)):
        fail("%s: answer must be a non-empty list of non-empty lists of strings" % oid)
        return
    ev = o["evidence"]
    if not (isinstance(ev, list) and ev):
        fail("%s: answerable item without evidence" % oid)
        return

    doc = docs[key]
    doc_n = norm(doc)
    spans = []  # (start, end) in normalized text of the item's file
    for e in ev:
        if not (isinstance(e, dict) and "text" in e and set(e) <= {"text", "after"}):
            fail("%s: evidence entry malformed: %r" % (oid, e))
            continue
        t = e["text"]
        if not 30 <= len(t) <= 200:
            fail("%s: evidence length %d outside 30-200: %r" % (oid, len(t), t[:60]))
        holders = [p for p, s in pool.items() if t in s]
        if holders != [os.path.join(KDIR, fname)] and "after" not in e:
            fail("%s: evidence must occur in %s only, found in %s: %r"
                 % (oid, fname, [os.path.basename(p) for p in holders], t[:60]))
        if t not in doc:
            fail("%s: evidence not an exact substring of %s: %r" % (oid, fname, t[:60]))
            continue
        if "after" in e:
            a = e["after"]
            ai = doc.find(a)
            if ai < 0 or doc.find(t, ai + len(a)) < 0:
                fail("%s: anchor %r not found before the evidence" % (oid, a[:40]))
                continue
        else:
            exact = sum(s.count(t) for s in pool.values())
            nt = norm(t)
            loose = sum(s.count(nt) for s in pool_norm.values())
            if exact != 1 or loose != 1:
                fail("%s: evidence occurs %d times exactly, %d times normalized (need 1): %r"
                     % (oid, exact, loose, t[:60]))
        if fname.endswith(".html"):
            check_html_passage(oid, doc, t)
        nt = norm(t)
        start = doc_n.find(nt)
        if "after" in e:
            start = doc_n.find(nt, doc_n.find(norm(e["after"])) + len(norm(e["after"])))
        spans.append((start, start + len(nt)))

    for g in ans:
        ok = False
        for alt in g:
            na = norm(alt)
            for s, e_ in spans:
                lo, hi = max(0, s - 600), e_ + 600
                if na in doc_n[lo:hi]:
                    ok = True
                    break
            if ok:
                break
        if not ok:
            fail("%s: no alternative of group %s within 600 characters of the evidence" % (oid, g))


def check_html_passage(oid, doc, t):
    if any(c in t for c in "<>&\n"):
        fail("%s: HTML evidence holds markup, an entity or a newline: %r" % (oid, t[:60]))
        return
    i = doc.find(t)
    lt = doc.rfind(">", 0, i)
    rt = doc.find("<", i + len(t))
    node = doc[lt + 1:rt]
    if "<" in node or "\n" in node:
        fail("%s: HTML evidence is not inside one element: %r" % (oid, t[:60]))


def check_layout(docs):
    for key, text in docs.items():
        name = FILES[key]
        n = text.count("\n") + (0 if text.endswith("\n") else 1)
        if not 120 <= n <= 300:
            fail("%s: %d lines, 120-300 wanted" % (name, n))
        for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ",
                       "Vĩnh Long, ngày ", "Căn cứ ", "Nơi nhận:", "(Đã ký)"):
            if needle not in text:
                fail("%s: layout element %r missing" % (name, needle))
        low = text.lower()
        for bad in ("huyện", "kế hoạch và đầu tư", "thị trấn", "tt&tt", "lđtbxh", "lao động - thương binh"):
            if bad in low:
                fail("%s: pre-2025 unit or agency %r present" % (name, bad))
        if "vĩnh long" not in low:
            fail("%s: issuer Vĩnh Long not named" % name)
    nq, bc, ct, kh = docs["NQ"], docs["BC"], docs["CT"], docs["KH"]
    for needle in ("HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG", "NGHỊ QUYẾT\nQuy định chính sách hỗ trợ",
                   "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", "50 triệu đồng/ha",
                   "không quá 300 triệu đồng/dự án", "Hỗ trợ 70% chi phí", "tối đa 2 tỷ đồng",
                   "Điều kiện hỗ trợ", "Hồ sơ đề nghị hỗ trợ gồm", "Nguồn kinh phí",
                   "Giao Ủy ban nhân dân tỉnh tổ chức triển khai", "Giao Thường trực Hội đồng nhân dân tỉnh",
                   "có hiệu lực từ ngày 01 tháng 01 năm 2026", "kỳ họp thứ năm thông qua ngày",
                   "\nCHỦ TỊCH\n"):
        if needle not in nq:
            fail("NQ: %r missing" % needle)
    if "PHÓ CHỦ TỊCH" in nq or "TM. " in nq:
        fail("NQ: should be signed CHỦ TỊCH of HĐND, not on behalf of UBND")
    header = "| STT | Chỉ tiêu | Đơn vị | Mục tiêu đến 2025 | Thực hiện đến 30/6/2025 | Tỷ lệ đạt (%) |"
    for needle in (header, "# BÁO CÁO", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "Nguyên nhân",
                   "NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM", "KIẾN NGHỊ, ĐỀ XUẤT", "/BC-UBND"):
        if needle not in bc:
            fail("BC: %r missing" % needle)
    check_bc_table(bc)
    for needle in ("CHỈ THỊ\n", "/CT-UBND", "1. Giám đốc Sở Tài chính:", "2. Giám đốc Công an tỉnh:",
                   "5. Chủ tịch Ủy ban nhân dân các xã, phường:", "nghiêm túc thực hiện Chỉ thị này",
                   "\nCHỦ TỊCH\n"):
        if needle not in ct:
            fail("CT: %r missing" % needle)
    for needle in ("<th>Nội dung công việc</th>", "<th>Cơ quan chủ trì</th>", "<th>Cơ quan phối hợp</th>",
                   "<th>Thời gian thực hiện</th>", "<td>Tháng 3-4/2026</td>", "<th>Nguồn vốn</th>",
                   "<th>Năm 2026</th>", "Phụ lục I:", "/KH-UBND"):
        if needle not in kh:
            fail("KH: %r missing" % needle)
    lines = kh.split("\n")
    if max(len(x) for x in lines) > 400:
        fail("KH: a line longer than 400 characters (looks minified)")
    for i, x in enumerate(lines, 1):
        if len(re.findall(r"<(?:p|td|th|li|h[1-6]|tr|a|div)\b", x)) > 1:
            fail("KH line %d holds more than one element" % i)
    body = kh[kh.find("<body"):]
    if re.search(r"&[a-zA-Z#0-9]+;|&", body):
        fail("KH: body contains '&' or an HTML entity")
    check_kh_budget(kh)


def num(s):
    return float(s.replace(".", "").replace(",", "."))


def check_bc_table(bc):
    rows = [r for r in bc.split("\n") if re.match(r"\| \d+(\.\d+)? \| ", r)]
    if len(rows) < 8:
        fail("BC: result table has %d rows" % len(rows))
    vals = {}
    for r in rows:
        c = [x.strip() for x in r.strip("|").split("|")]
        if len(c) != 6:
            continue
        goal, done, rate = num(c[3]), num(c[4]), num(c[5])
        if abs(round(done / goal * 100, 1) - rate) > 0.05:
            fail("BC row %s: %s / %s gives %.1f%%, table says %s" % (c[0], c[4], c[3], done / goal * 100, c[5]))
        vals[c[0]] = (goal, done)
    try:
        for j in (0, 1):
            if vals["1"][j] != vals["1.1"][j] + vals["1.2"][j]:
                fail("BC: row 1 is not 1.1 + 1.2")
            if vals["1"][j] != sum(vals[k][j] for k in ("2", "3", "4", "5")):
                fail("BC: row 1 is not rows 2-5 summed")
    except KeyError as e:
        fail("BC: row %s missing" % e)
    srcs = [186.2, 94.5, 142.0, 76.0]
    if abs(sum(srcs) - 498.7) > 1e-6:
        fail("BC: funding sources do not add up to 498,7")


def check_kh_budget(kh):
    t = kh[kh.find('<table class="budget">'):]
    t = t[:t.find("</table>")]
    rows = []
    for tr in t.split("<tr>")[2:]:
        cells = re.findall(r"<td>([^<]*)</td>", tr)
        rows.append([cells[0]] + [num(x) for x in cells[1:]])
    if len(rows) != 5:
        fail("KH: budget table has %d data rows, expected 5" % len(rows))
        return
    for r in rows:
        if abs(sum(r[1:6]) - r[6]) > 1e-6:
            fail("KH budget row %r: years do not add up" % r[0])
    for j in range(1, 7):
        if abs(sum(r[j] for r in rows[:4]) - rows[4][j]) > 1e-6:
            fail("KH budget column %d: sources do not add up to the total" % j)


def check_issuers():
    used = set()
    dirs = [MAIN_KDIR, SHARED_KDIR] + [os.path.join(BENCH, d, "knowledge") for d in sorted(os.listdir(BENCH))
                                       if d != "blind8" and os.path.isdir(os.path.join(BENCH, d, "knowledge"))]
    for d in dirs:
        if os.path.isdir(d):
            for n in os.listdir(d):
                used.add(n.replace("_", "-").lower())
    for n in used:
        if n.startswith("vinh-long") or n.startswith("vinhlong"):
            fail("issuer Vĩnh Long already used by %s" % n)
    # Vĩnh Long must not be the subject of a document in the main knowledge folder either
    for p, s in text_files(MAIN_KDIR).items():
        if "vĩnh long" in s.lower():
            fail("Vĩnh Long is mentioned in %s" % os.path.basename(p))


if __name__ == "__main__":
    sys.exit(main())
