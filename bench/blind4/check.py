#!/usr/bin/env python3
"""Self-check for bench/blind4 (standard library only).

Run from the repository root:  python3 bench/blind4/check.py
Checks: JSON shape and ids; every evidence text is 30-200 characters and occurs exactly
once in bench/blind4/knowledge/* plus knowledge/*; every answer group has an alternative
within 600 characters of one of its evidence passages; facts behind the unanswerable items
are really absent; layout requirements of the four files; kind counts.
"""
import glob, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FILES = sorted(glob.glob(os.path.join(HERE, "knowledge", "*"))) + sorted(glob.glob(os.path.join(ROOT, "knowledge", "*")))
TEXT = {f: open(f, encoding="utf-8").read() for f in FILES if os.path.isfile(f)}
MINE = {os.path.basename(f): t for f, t in TEXT.items() if f.startswith(os.path.join(HERE, "knowledge"))}
WINDOW = 600

KINDS = {
    "lead": [1, 2, 3, 4, 5],
    "partners": [6, 7, 8, 9],
    "agency duties": [10, 11, 12, 13, 14],
    "targets by year": [15, 16, 17, 18, 19],
    "amounts / sources": [20, 21, 22, 23],
    "counts": [24, 25, 26],
    "dates / deadlines": [27, 28, 29, 30],
    "number / date / signer": [31, 32, 33],
    "follow-up (history)": [34, 35],
    "unanswerable": [36, 37, 38, 39, 40],
}
WANT = {"lead": 5, "partners": 4, "agency duties": 5, "targets by year": 5, "amounts / sources": 4,
        "counts": 3, "dates / deadlines": 4, "number / date / signer": 3, "follow-up (history)": 2,
        "unanswerable": 5}

# unanswerable: (file prefix or "*" for all files, strings that must NOT occur there)
ABSENT = {
    36: ("*", ["Cao Bằng"]),
    37: ("hai-phong", ["Khoa học và Công nghệ", "KH&CN"]),
    38: ("lam-dong", ["năm 2030:", "Năm 2030", "đến năm 2030", "2030 đạt"]),
    39: ("tuyen-quang", []),  # checked specially below: no amount in the training paragraph
    40: ("khanh-hoa", ["du lịch cộng đồng", "danh mục các điểm du lịch"]),
}
ABBREV = ["UBND", "Sở TC", "SNN&MT", "KH&ĐT", "VHTTDL", "GD&ĐT"]

def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()

def has_diacritics(s):
    return any(unicodedata.decomposition(c) or c in "đĐ" for c in s if ord(c) > 127)

errors = []
def err(m):
    errors.append(m)

items = []
with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except Exception as e:
            err(f"line {n}: bad JSON: {e}")

ids = [d.get("id") for d in items]
if ids != [f"b4-{i:02d}" for i in range(1, 41)]:
    err(f"ids are not b4-01..b4-40 in order: {ids}")

kind_of = {}
for k, lst in KINDS.items():
    for i in lst:
        if i in kind_of:
            err(f"id {i} in two kinds")
        kind_of[i] = k
if sorted(kind_of) != list(range(1, 41)):
    err("kinds table does not cover 1..40 exactly")
for k, n in WANT.items():
    if len(KINDS[k]) != n:
        err(f"kind {k}: {len(KINDS[k])} items, want {n}")

ev_count = 0
for d in items:
    i = int(d["id"][3:])
    q = d.get("question", "")
    if not isinstance(q, str) or not q.strip():
        err(f"{d['id']}: empty question")
    allowed = {"id", "question", "history", "answer", "evidence", "answerable"}
    if set(d) - allowed:
        err(f"{d['id']}: unknown keys {set(d) - allowed}")
    if "history" in d:
        h = d["history"]
        if not (isinstance(h, list) and h and all(isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str) for t in h)):
            err(f"{d['id']}: bad history")
        if kind_of.get(i) != "follow-up (history)":
            err(f"{d['id']}: history on a non-follow-up item")
    elif kind_of.get(i) == "follow-up (history)":
        err(f"{d['id']}: follow-up without history")
    if d.get("answerable") is False:
        if kind_of.get(i) != "unanswerable":
            err(f"{d['id']}: answerable=false but kind {kind_of.get(i)}")
        if d.get("answer") or d.get("evidence"):
            err(f"{d['id']}: unanswerable item has answer/evidence")
        where, bad = ABSENT.get(i, ("*", []))
        for fn, t in MINE.items():
            if where != "*" and not fn.startswith(where):
                continue
            for b in bad:
                if b.lower() in t.lower():
                    err(f"{d['id']}: '{b}' occurs in {fn}")
        for fn, t in TEXT.items():
            for b in (bad if where == "*" else []):
                if b.lower() in t.lower():
                    err(f"{d['id']}: '{b}' occurs in {os.path.basename(fn)}")
        continue
    if kind_of.get(i) == "unanswerable":
        err(f"{d['id']}: kind unanswerable but answerable")
    ans, evs = d.get("answer"), d.get("evidence")
    if not (isinstance(ans, list) and ans and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g) for g in ans)):
        err(f"{d['id']}: bad answer groups")
        continue
    if not (isinstance(evs, list) and evs and all(isinstance(e, dict) and isinstance(e.get("text"), str) for e in evs)):
        err(f"{d['id']}: bad evidence")
        continue
    spans = []  # (file, start, end)
    for e in evs:
        ev_count += 1
        t = e["text"]
        if "after" in e:
            err(f"{d['id']}: 'after' anchors are not used in this set")
        if not 30 <= len(t) <= 200:
            err(f"{d['id']}: evidence length {len(t)} not in 30..200: {t[:50]!r}")
        hits = [(f, m.start()) for f, s in TEXT.items() for m in re.finditer(re.escape(t), s)]
        if len(hits) != 1:
            err(f"{d['id']}: evidence occurs {len(hits)} times: {t[:60]!r} {[os.path.basename(f) for f, _ in hits]}")
            continue
        f, p = hits[0]
        if not f.startswith(os.path.join(HERE, "knowledge")):
            err(f"{d['id']}: evidence is not in a blind4 file")
        spans.append((f, p, p + len(t)))
    for g in ans:
        ok = False
        for f, s, e in spans:
            win = norm(TEXT[f][max(0, s - WINDOW): e + WINDOW])
            if any(norm(a) in win for a in g):
                ok = True
                break
        if not ok:
            err(f"{d['id']}: no alternative of {g} within {WINDOW} chars of evidence")

# special absent check for 39: the training task paragraph carries no amount
tq = next(t for fn, t in MINE.items() if fn.startswith("tuyen-quang"))
para = next(l for l in tq.splitlines() if "mở các lớp bồi dưỡng kỹ năng" in l)
if re.search(r"tỷ đồng|triệu đồng", para):
    err("b4-39: the training paragraph gives an amount")
if re.search(r"\d[\d.,]*\s*(tỷ|triệu) đồng", tq.split("Phần III")[0].split("Mục 3. Phát triển nguồn nhân lực")[-1]):
    err("b4-39: an amount appears in the human-resources section")

# layout checks
def lines(prefix):
    return next(t for fn, t in MINE.items() if fn.startswith(prefix)).splitlines()
for fn, t in MINE.items():
    n = len(t.splitlines())
    if not 150 <= n <= 350:
        err(f"{fn}: {n} lines, want 150..350")
    for need in ("Số:", "ngày", "TM. ", "Nơi nhận"):
        if need not in t:
            err(f"{fn}: missing {need!r}")
tql = lines("tuyen-quang")
if not any(l.startswith("Phần I") for l in tql) or not any(l.startswith("Chương") for l in tql) or not any(l.startswith("Mục ") for l in tql):
    err("tuyen-quang: missing Phần/Chương/Mục")
if any("|" in l or "\t" in l for l in tql) or any(re.match(r"\s*-?\s*(Cơ quan )?(chủ trì|phối hợp)\s*:", l, re.I) for l in tql):
    err("tuyen-quang: has a table or label lines")
if sum(1 for l in tql if l.startswith("Giao ") and " chủ trì, phối hợp với " in l) < 10:
    err("tuyen-quang: fewer than 10 'Giao ... chủ trì, phối hợp với ...' sentences")
kh = "\n".join(lines("khanh-hoa"))
if "| Kế hoạch 2025 | Thực hiện 2025 | So với kế hoạch (%) | Kế hoạch 2026 |" not in kh:
    err("khanh-hoa: results table header missing")
hp = lines("hai-phong")
if any(l.startswith("|") and l.strip() != "|" for l in hp):
    err("hai-phong: a '|' line that is not a bare bar")
hpt = "\n".join(hp)
for need in ("**STT**\n|\n**Nội dung**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n**Thời gian**\n|\n|", "|\nSố: 38/KH-UBND\n|", "|\n*Nơi nhận:*"):
    if need not in hpt:
        err(f"hai-phong: missing cell block {need[:30]!r}")
ld = lines("lam-dong")
tasks = [l for l in ld if re.match(r"\d+\. ", l)]
pl1 = ld[ld.index("PHỤ LỤC I"):ld.index("PHỤ LỤC II")]
ntask = sum(1 for l in pl1 if re.match(r"\d+\. ", l))
ngroup = sum(1 for l in pl1 if re.match(r"(I|II|III|IV|V)\. ", l))
if not 12 <= ntask <= 20 or ngroup < 3:
    err(f"lam-dong: annex has {ntask} tasks, {ngroup} groups")
tsv = [l for l in ld if "\t" in l]
if not tsv or not all("Năm 2026" in tsv[0] and "Năm 2027" in tsv[0] and "Năm 2028" in tsv[0] for _ in [0]):
    err("lam-dong: TSV budget header missing")
if len({l.count("\t") for l in tsv}) != 1:
    err("lam-dong: TSV rows have different cell counts")

# style counts
answerable = [d for d in items if d.get("answerable") is not False]
plain = [d["id"] for d in items if not has_diacritics(d["question"])]
abbr = {a: [d["id"] for d in items if a in d["question"]] for a in ABBREV}
for a, l in abbr.items():
    if not l:
        err(f"no question uses abbreviation {a}")
if not 12 <= len(plain) <= 16:
    err(f"{len(plain)} questions without diacritics, want about a third")

print(f"files: {len(MINE)} blind4 + {len(TEXT) - len(MINE)} in knowledge/")
for fn, t in sorted(MINE.items()):
    print(f"  {fn}: {len(t.splitlines())} lines")
print(f"questions: {len(items)} ({len(answerable)} answerable, {len(items) - len(answerable)} unanswerable); evidence passages: {ev_count}")
for k, lst in KINDS.items():
    print(f"  {k:24s} {len(lst):2d}  {', '.join(f'{i:02d}' for i in lst)}")
print(f"without diacritics: {len(plain)}: {', '.join(x[3:] for x in plain)}")
print("abbreviations: " + "; ".join(f"{a} {','.join(x[3:] for x in l)}" for a, l in abbr.items()))
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
