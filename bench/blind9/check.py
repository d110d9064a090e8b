#!/usr/bin/env python3
"""Self-check for bench/blind9 (standard library only).

Run from the repository root or from anywhere:
    python3 bench/blind9/check.py
Exits 0 and prints "OK" when every check passes; otherwise lists the problems and exits 1.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
KDIR = os.path.join(HERE, "knowledge")
MAIN_KDIR = os.path.join(ROOT, "knowledge")
QFILE = os.path.join(HERE, "questions.jsonl")

YB = "yen-bai-128-kh-ubnd-2025-chuyen-doi-so-giao-duc-2026-2030.txt"
BG = "bac-giang-96-kh-ubnd-2025-chuyen-doi-so-nganh-giao-duc-2026-2030.md"
BL = "bac-lieu-74-kh-ubnd-2025-chuyen-doi-so-linh-vuc-giao-duc-2026-2030.txt"
PROVINCE = {YB: "Yên Bái", BG: "Bắc Giang", BL: "Bạc Liêu"}

# primary kind of every id
KINDS = {
    "lead": [1, 11],
    "partners": [2, 12],
    "duties": [6, 13],
    "target": [5, 7, 16],
    "deadline": [3, 10],
    "funding": [4, 9, 14],
    "number/date/signer": [8, 15],
    "cross-document": [17, 18, 19, 20],
    "follow-up": list(range(21, 35)),
    "unanswerable": list(range(35, 41)),
}
EXPECTED_COUNTS = {"cross-document": 4, "follow-up": 14, "unanswerable": 6}
CROSS = {17, 18, 19, 20, 32}          # groups may be satisfied by the province of an evidence file
UNANSWERABLE_FOLLOWUP = {39}
WINDOW = 600

problems = []


def bad(msg):
    problems.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


def load_dir(d):
    out = {}
    if not os.path.isdir(d):
        return out
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if os.path.isfile(p) and name.endswith((".txt", ".md")):
            with open(p, encoding="utf-8") as f:
                out[name] = f.read()
    return out


docs = load_dir(KDIR)
main_docs = load_dir(MAIN_KDIR)
all_docs = dict(docs)
for k, v in main_docs.items():
    all_docs["main/" + k] = v
norm_docs = {k: norm(v) for k, v in all_docs.items()}

# ---------------------------------------------------------------- files
if set(docs) != {YB, BG, BL}:
    bad(f"knowledge/ should hold exactly the three plans, has {sorted(docs)}")

for name, text in docs.items():
    n = text.count("\n") + (0 if text.endswith("\n") else 1)
    if not 150 <= n <= 280:
        bad(f"{name}: {n} lines, want 150-280")
    prov = PROVINCE[name]
    for need in ["Số:", "KẾ HOẠCH", "Căn cứ", "TỔ CHỨC THỰC HIỆN", "Nơi nhận", "KT. CHỦ TỊCH",
                 "PHÓ CHỦ TỊCH", "KINH PHÍ", "MỤC TIÊU", prov.upper(), "2026", "2027", "2030",
                 "Sở Tài chính", "Sở Khoa học và Công nghệ", "xã, phường"]:
        if need not in text:
            bad(f"{name}: missing {need!r}")
    for old in ["huyện", "Kế hoạch và Đầu tư", "Thông tin và Truyền thông", "Lao động - Thương binh",
                "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn"]:
        if old in text:
            bad(f"{name}: pre-2025 name {old!r}")
    if unicodedata.normalize("NFC", text) != text:
        bad(f"{name}: not NFC")

# layout of the task lists
yb, bg, bl = docs.get(YB, ""), docs.get(BG, ""), docs.get(BL, "")
if "**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**" not in yb or yb.count("\n|\n|\n") < 10:
    bad("Yên Bái: task list should be a flattened cell-per-line table with >= 10 rows")
if len(re.findall(r"^(\d+\.\d+\. )?Giao (Sở|Ủy ban)[^\n]*chủ trì, phối hợp với[^\n]*hoàn thành trước", bg, re.M)) < 10:
    bad("Bắc Giang: want >= 10 'Giao ... chủ trì, phối hợp với ..., hoàn thành trước ...' sentences")
if "| Năm 2026 | Năm 2027 | Năm 2030 |" not in bg:
    bad("Bắc Giang: targets table with year columns missing")
if len(re.findall(r"^\d\. (Sở|Công an|Ủy ban)[^\n]*\n\n- ", bl, re.M)) < 7:
    bad("Bạc Liêu: want >= 7 agency headings followed by bullets")
if "Sở Nông nghiệp và Môi trường" not in bl:
    bad("Bạc Liêu: should name Sở Nông nghiệp và Môi trường")

# provinces unused elsewhere (file names of the other knowledge folders)
used = []
for d in [MAIN_KDIR, os.path.join(ROOT, "..", "shared", "corpus", "knowledge"),
          "/work/shared/corpus/knowledge"] + [
        os.path.join(ROOT, "bench", b, "knowledge") for b in os.listdir(os.path.join(ROOT, "bench"))
        if b != "blind9" and os.path.isdir(os.path.join(ROOT, "bench", b, "knowledge"))]:
    if os.path.isdir(d):
        used += [fold(x).lower().replace("_", "-").replace(" ", "-") for x in os.listdir(d)]
for prov in PROVINCE.values():
    key = fold(prov).lower().replace(" ", "-")
    key2 = key.replace("-", "")
    for u in used:
        if u.startswith(key) or u.startswith(key2):
            bad(f"province {prov} already used by {u}")

# ---------------------------------------------------------------- questions
items = []
with open(QFILE, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try:
            items.append(json.loads(line))
        except Exception as e:
            bad(f"line {ln}: bad JSON {e}")

if len(items) != 40:
    bad(f"{len(items)} items, want 40")
ids = [it.get("id") for it in items]
if ids != ["b9-%02d" % i for i in range(1, len(items) + 1)]:
    bad("ids should be b9-01 .. b9-40 in order")

kind_of = {}
for k, nums in KINDS.items():
    for n in nums:
        if n in kind_of:
            bad(f"id {n} in two kinds")
        kind_of[n] = k
if sorted(kind_of) != list(range(1, 41)):
    bad("KINDS does not cover 1..40 exactly")
for k, want in EXPECTED_COUNTS.items():
    if len(KINDS[k]) != want:
        bad(f"kind {k}: {len(KINDS[k])}, want {want}")

PROV_RE = re.compile(r"yen bai|bac giang|bac lieu|ha nam|kh ?(128|96|74)\b", re.I)
n_ans = 0
two_turn = []
ascii_ids = []
for it in items:
    iid = it.get("id", "?")
    num = int(iid.split("-")[1]) if re.fullmatch(r"b9-\d\d", str(iid)) else 0
    kind = kind_of.get(num)
    allowed = {"id", "question", "history", "answer", "evidence", "answerable"}
    if set(it) - allowed:
        bad(f"{iid}: unknown fields {set(it) - allowed}")
    q = it.get("question")
    if not isinstance(q, str) or not q.strip():
        bad(f"{iid}: empty question")
        continue
    if unicodedata.normalize("NFC", q) != q:
        bad(f"{iid}: question not NFC")
    if all(ord(c) < 128 for c in q):
        ascii_ids.append(num)
    hist = it.get("history")
    if hist is not None:
        if not (isinstance(hist, list) and len(hist) >= 2 and len(hist) % 2 == 0):
            bad(f"{iid}: history must be a non-empty even list")
        else:
            for i, turn in enumerate(hist):
                role = "user" if i % 2 == 0 else "assistant"
                if not isinstance(turn, dict) or set(turn) != {"role", "content"} or turn["role"] != role \
                        or not isinstance(turn["content"], str) or not turn["content"].strip():
                    bad(f"{iid}: history turn {i} should be {{role:{role}, content}}")
                elif role == "assistant" and len(turn["content"]) > 260:
                    bad(f"{iid}: assistant turn {i} too long for a short answer")
            if len(hist) >= 4:
                two_turn.append(num)
            if not PROV_RE.search(fold(hist[0]["content"]).lower()):
                bad(f"{iid}: first history turn should name its plan")
        if len(q) > 60:
            bad(f"{iid}: follow-up question too long ({len(q)})")
        if PROV_RE.search(fold(q).lower()) and num not in (23, 24):
            bad(f"{iid}: follow-up names a plan itself")
    else:
        if kind != "cross-document" and not PROV_RE.search(fold(q).lower()):
            bad(f"{iid}: stand-alone question does not name its plan")
    if (kind == "follow-up" or num in UNANSWERABLE_FOLLOWUP) != (hist is not None):
        bad(f"{iid}: history presence does not match its kind")

    ans, ev = it.get("answer"), it.get("evidence")
    if it.get("answerable", True) is False:
        if kind != "unanswerable":
            bad(f"{iid}: unanswerable but kind {kind}")
        if ans is not None or ev != []:
            bad(f"{iid}: unanswerable needs answer null and evidence []")
        continue
    if "answerable" in it:
        bad(f"{iid}: answerable items carry no 'answerable' field")
    if kind == "unanswerable":
        bad(f"{iid}: kind unanswerable but answerable")
    n_ans += 1
    if not (isinstance(ans, list) and ans and all(isinstance(g, list) and g and
                                                  all(isinstance(a, str) and a.strip() for a in g) for g in ans)):
        bad(f"{iid}: answer must be a non-empty list of non-empty lists of strings")
        continue
    if not (isinstance(ev, list) and ev and all(isinstance(e, dict) and "text" in e and set(e) <= {"text", "after"}
                                                for e in ev)):
        bad(f"{iid}: evidence must be a non-empty list of {{text[, after]}}")
        continue
    spans = []  # (doc, start, end) in normalized text
    for e in ev:
        t = e["text"]
        if not 30 <= len(t) <= 200:
            bad(f"{iid}: evidence length {len(t)} not in 30-200: {t[:50]!r}")
        hits = [(k, v.count(t)) for k, v in all_docs.items() if t in v]
        nhits = [(k, v.count(norm(t))) for k, v in norm_docs.items() if norm(t) in v]
        if not hits:
            bad(f"{iid}: evidence not found: {t[:60]!r}")
            continue
        if len(hits) > 1:
            bad(f"{iid}: evidence in several files {[h[0] for h in hits]}")
            continue
        doc = hits[0][0]
        if doc.startswith("main/"):
            bad(f"{iid}: evidence is in main/knowledge, not in blind9")
            continue
        nt = norm(t)
        if "after" in e:
            a = e["after"]
            pos_a = all_docs[doc].find(a)
            if pos_a < 0:
                bad(f"{iid}: anchor not found {a!r}")
                continue
            if all_docs[doc].find(t, pos_a) < 0:
                bad(f"{iid}: evidence not after its anchor")
            npos_a = norm_docs[doc].find(norm(a))
            start = norm_docs[doc].find(nt, npos_a)
        else:
            if hits[0][1] != 1 or len(nhits) != 1 or nhits[0][1] != 1:
                bad(f"{iid}: evidence not unique (exact {hits}, normalized {nhits}); add 'after'")
            start = norm_docs[doc].find(nt)
        spans.append((doc, start, start + len(nt)))
    if not spans:
        continue
    files = {s[0] for s in spans}
    if kind == "cross-document" and len(files) < 2:
        bad(f"{iid}: cross-document item with evidence in {len(files)} file")
    for g in ans:
        ok = False
        for alt in g:
            na = norm(alt)
            for doc, s, e_ in spans:
                window = norm_docs[doc][max(0, s - WINDOW): e_ + WINDOW]
                if na in window:
                    ok = True
            if num in CROSS and any(norm(PROVINCE.get(d, "")) == na for d in files):
                ok = True
        if not ok:
            bad(f"{iid}: no alternative of group {g} within {WINDOW} chars of its evidence")

if n_ans != 34:
    bad(f"{n_ans} answerable items, want 34")
if len(two_turn) < 6:
    bad(f"only {len(two_turn)} follow-ups with two user turns, want >= 6")
singles = [n for n in range(1, 17)]
ascii_singles = [n for n in singles if n in ascii_ids]
if len(ascii_singles) < 7:
    bad(f"only {len(ascii_singles)} diacritic-free single questions")

# ---------------------------------------------------------------- facts behind the unanswerable items
if "2028" in bg.split("### 2. Chỉ tiêu cụ thể")[1].split("## IV.")[0]:
    bad("35: Bắc Giang targets mention 2028")
if "Nông nghiệp" in yb:
    bad("36: Yên Bái names Sở Nông nghiệp và Môi trường")
for line in bl.splitlines():
    if "phòng học thông minh" in line and not re.search(r"\d+%|theo lộ trình", line):
        bad(f"37: Bạc Liêu gives a count of smart classrooms: {line}")
for name, text in list(docs.items()) + list(main_docs.items()):
    if "Hà Nam" in text:
        bad(f"38: {name} names Hà Nam")
dig = [l for l in bl.splitlines() if "văn bằng" in l]
if any("tỷ" in l or "triệu" in l for l in dig):
    bad("39: Bạc Liêu gives a cost for digitising văn bằng")
if "2029" in yb:
    bad("40: Yên Bái mentions 2029")

if problems:
    print("\n".join(problems))
    print(f"{len(problems)} problem(s)")
    sys.exit(1)
print(f"OK: {len(items)} items ({n_ans} answerable), {len(docs)} plans; "
      f"two-turn follow-ups {two_turn}; diacritic-free {sorted(ascii_ids)}")
