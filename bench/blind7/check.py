"""Self-check for blind evaluation set 7 (standard library + python-docx).

Run from the repository root:  .venv/bin/python bench/blind7/check.py
Exits non-zero and lists the problems if anything is wrong.
"""
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KNOW = HERE / "knowledge"
LIB = ROOT / "knowledge"
QFILE = HERE / "questions.jsonl"

WINDOW = 600
errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


# --------------------------------------------------------------------------- files
class ElementText(HTMLParser):
    """Collects the text chunks that lie between tags, and a tag-stripped view."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.chunks = []
        self.parts = []
        self.tags = []
        self.dt = []
        self._in_dt = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.parts.append("\n")
        self._in_dt = tag == "dt"

    def handle_endtag(self, tag):
        self.parts.append("\n")
        if tag == "dt":
            self._in_dt = False

    def handle_data(self, data):
        if data.strip():
            self.chunks.append(data)
            if self._in_dt:
                self.dt.append(data.strip())
        self.parts.append(data)

    def handle_entityref(self, name):
        err(f"html entity &{name}; found")

    def handle_charref(self, name):
        err(f"html char ref &#{name}; found")


def docx_units_and_view(path):
    """Paragraph texts and cell texts (the evidence units) and a body-order view."""
    d = docx.Document(str(path))
    units, view = [], []
    for child in d.element.body.iterchildren():
        if child.tag.endswith("}p"):
            t = Paragraph(child, d).text
            units.append(t)
            view.append(t)
        elif child.tag.endswith("}tbl"):
            tab = Table(child, d)
            for row in tab.rows:
                cells = []
                for c in row.cells:
                    units.append(c.text)
                    units.extend(p.text for p in c.paragraphs)
                    cells.append(c.text)
                view.append(" | ".join(cells))
    return d, units, "\n".join(view)


files = {}  # name -> dict(view=str, units=list|None, kind=str)
for p in sorted(KNOW.iterdir()):
    if p.suffix == ".docx":
        d, units, view = docx_units_and_view(p)
        files[p.name] = dict(view=view, units=units, kind="docx", doc=d)
    elif p.suffix == ".html":
        raw = p.read_text(encoding="utf-8")
        parser = ElementText()
        parser.feed(raw)
        files[p.name] = dict(view="".join(parser.parts), units=parser.chunks, kind="html", raw=raw,
                             parser=parser)
    else:
        raw = p.read_text(encoding="utf-8")
        files[p.name] = dict(view=raw, units=None, kind=p.suffix[1:], raw=raw)

library = {}  # every text the evidence must be unique across
for name, f in files.items():
    library["blind7/" + name] = f.get("raw", f["view"])  # docx: body-order paragraph/cell text
for p in sorted(LIB.iterdir()):
    if p.is_file():
        library["knowledge/" + p.name] = p.read_text(encoding="utf-8", errors="replace")

if len(files) != 4:
    err(f"expected 4 knowledge files, found {len(files)}")
kinds_present = sorted(f["kind"] for f in files.values())
if kinds_present != ["docx", "html", "md", "txt"]:
    err(f"expected one docx, html, md and txt file, found {kinds_present}")


def short(name):
    return name.split("-")[0] + "-" + name.split("-")[1]


def file_for_prefix(prefix):
    return next(n for n in files if n.startswith(prefix))


# --------------------------------------------------------------------------- layout
FORBIDDEN_PROVINCES = ["ha-noi", "hanoi", "tphcm", "hcm", "ho-chi-minh", "bac-ninh", "dak-lak", "dong-thap",
                       "son-la", "can-tho", "dong-nai", "nghe-an", "thanh-hoa", "ca-mau", "ninh-binh",
                       "da-nang", "hai-phong", "khanh-hoa", "lam-dong", "tuyen-quang"]
used = set()
for d in [LIB] + sorted(ROOT.glob("bench/*/knowledge")):
    if d.resolve() == KNOW.resolve() or not d.is_dir():
        continue
    for p in d.iterdir():
        parts = p.name.split("-")
        used.add("-".join(parts[:2]))
        used.add(parts[0])
for name in files:
    prov = "-".join(name.split("-")[:2])
    if prov in FORBIDDEN_PROVINCES or prov in used:
        err(f"issuer of {name} ({prov}) is already used elsewhere")

for name, f in files.items():
    if f["kind"] == "docx":  # body paragraphs plus paragraphs inside table cells
        lines = len(f["doc"].paragraphs) + sum(len(c.paragraphs) for t in f["doc"].tables
                                               for r in t.rows for c in r.cells)
    else:
        lines = f["raw"].count("\n")
    if not 120 <= lines <= 300:
        err(f"{name}: {lines} lines/paragraphs, expected 120-300")

# docx
dn = file_for_prefix("hung-yen")
D = files[dn]["doc"]
styles = {p.style.name for p in D.paragraphs}
if not {"Heading 1", "Heading 2", "Heading 3"} <= styles:
    err(f"docx lacks heading styles: {styles}")
if len(D.tables) != 3:
    err("docx must have masthead, signature and task tables")
else:
    mast, sig, task = D.tables
    if len(mast.columns) != 2 or "TỈNH HƯNG YÊN" not in mast.cell(0, 0).text or \
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in mast.cell(0, 1).text:
        err("docx masthead table wrong")
    if "w:tblBorders" not in mast._tbl.tblPr.xml or 'w:val="nil"' not in mast._tbl.tblPr.xml:
        err("docx masthead table is not borderless")
    if len(sig.columns) != 2 or "PHÓ CHỦ TỊCH" not in sig.cell(0, 1).text or "Nơi nhận" not in sig.cell(0, 0).text:
        err("docx signature table wrong")
    hdr = [c.text for c in task.rows[0].cells]
    if hdr != ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm"]:
        err(f"docx task table header {hdr}")
    if len(task.rows) - 1 != 12:
        err(f"docx task table has {len(task.rows) - 1} rows, expected 12")
# html
hn = file_for_prefix("cao-bang")
H = files[hn]
for label in ["Số hiệu:", "Loại văn bản:", "Cơ quan ban hành:", "Người ký:", "Ngày ban hành:", "Ngày hiệu lực:",
              "Tình trạng:"]:
    if label not in H["parser"].dt:
        err(f"html metadata lacks {label}")
for tag in ["header", "nav", "dl", "footer", "table", "th"]:
    if tag not in H["parser"].tags:
        err(f"html lacks <{tag}>")
if not all(f"<th>Năm {y}</th>" in H["raw"] for y in (2025, 2026, 2027, 2028, 2030)):
    err("html targets table lacks year columns")
if max(len(line) for line in H["raw"].split("\n")) > 400:
    err("html looks minified")
# md
mn = file_for_prefix("lai-chau")
M = files[mn]["raw"]
if M.split("\n")[:3] != ["|", "| **ỦY BAN NHÂN DÂN** |", "| **TỈNH LAI CHÂU** |"]:
    err("md masthead is not one cell per line between bare | lines")
if "\n|\n| **TM. ỦY BAN NHÂN DÂN** |\n" not in M:
    err("md signature block is not one cell per line")
if "\nChỉ tiêu\nĐơn vị tính\nNăm 2026\nNăm 2027\nNăm 2028\nNăm 2030\n\n" not in M:
    err("md flattened table header missing")
if "### 1. Sở Nông nghiệp và Môi trường\n\n- " not in M:
    err("md agency bullets missing")
# txt
tn = file_for_prefix("thai-nguyen")
T = files[tn]["raw"]
for needle in ["%", " km ", " ha ", " người", "tỷ đồng", "01 bộ", "100% xã", "trước ngày 30/6/2026", "Quý III/2026",
               "tháng 10 năm 2026", "thường xuyên", "KẾ HOẠCH", "THỰC HIỆN CHƯƠNG TRÌNH"]:
    if needle not in T:
        err(f"txt lacks {needle!r}")
for name, f in files.items():
    text = "\n".join(f["units"]) if f["units"] is not None and f["kind"] == "docx" else f.get("raw", "")
    for needle in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/KH-UBND", "TM. ỦY BAN NHÂN DÂN",
                   "KT. CHỦ TỊCH", "Nơi nhận", "TỔ CHỨC THỰC HIỆN"]:
        if needle not in text:
            err(f"{name} lacks {needle!r}")
    if re.search(r"\bhuyện\b", text, re.I) or "Sở Kế hoạch và Đầu tư" in text or "Nông nghiệp và Phát triển nông thôn" in text:
        err(f"{name} uses pre-2025 administrative names")

# --------------------------------------------------------------------------- questions
KINDS = {
    "lead agency (chủ trì)": ["01", "02", "03"],
    "cooperating agencies (phối hợp)": ["04"],
    "agency duties": ["05", "06", "07", "08"],
    "targets by year": ["09", "10", "11", "12"],
    "amounts / funding": ["13", "14", "15"],
    "counts": ["16", "17", "18"],
    "dates / deadlines": ["19", "20", "21", "22"],
    "document number / date / signer / effect": ["23", "24", "25", "26"],
    "list over documents": ["27", "28"],
    "follow-up with history": ["29", "30", "31", "32", "33", "34"],
    "unanswerable": ["35", "36", "37", "38", "39", "40"],
}
BY_FILE = {"hung-yen": ["01", "05", "09", "13", "16", "19", "23", "29", "30"],
           "cao-bang": ["02", "06", "10", "14", "17", "20", "24", "31"],
           "lai-chau": ["04", "07", "11", "15", "21", "25", "32"],
           "thai-nguyen": ["03", "08", "12", "18", "22", "26", "33", "34"]}
LISTS = {"b7-27", "b7-28"}
ABBREV = {"UBND": ["13", "26"], "Sở TC / so tc": ["08"], "SNN&MT": ["21"], "SGDĐT": ["35"],
          "KH": ["01", "04", "05", "07", "13", "16", "18", "23", "24", "30", "31", "33", "37"], "QĐ": ["23"],
          "CĐS / CDS": ["09", "19", "23", "29"], "KH&CN": ["07", "30"], "NSTW": ["14"], "NTM": ["18"],
          "TTHC": ["09"]}
ABBREV_RE = {"UBND": r"UBND", "Sở TC / so tc": r"(?i)s[ởo] tc\b", "SNN&MT": r"SNN&MT", "SGDĐT": r"SGDĐT",
             "KH": r"\bKH\b|\bkh\b", "QĐ": r"QĐ", "CĐS / CDS": r"(?i)CĐS|CDS", "KH&CN": r"KH&CN", "NSTW": r"NSTW",
             "NTM": r"NTM", "TTHC": r"TTHC"}

qs = [json.loads(line) for line in QFILE.read_text(encoding="utf-8").splitlines() if line.strip()]
ids = [q["id"] for q in qs]
if ids != [f"b7-{i:02d}" for i in range(1, 41)]:
    err(f"ids are not b7-01..b7-40: {ids}")
by_id = {q["id"]: q for q in qs}

all_kind_ids = sorted(i for v in KINDS.values() for i in v)
if all_kind_ids != [f"{i:02d}" for i in range(1, 41)]:
    err("KINDS table does not cover each id once")

ans = [q for q in qs if q.get("answerable", True)]
una = [q for q in qs if not q.get("answerable", True)]
if (len(ans), len(una)) != (34, 6):
    err(f"answerable/unanswerable = {len(ans)}/{len(una)}, expected 34/6")
if sorted(q["id"][3:] for q in una) != KINDS["unanswerable"]:
    err("unanswerable ids do not match the kinds table")
hist = [q for q in qs if q.get("history")]
if sorted(q["id"][3:] for q in hist) != KINDS["follow-up with history"]:
    err("history ids do not match the kinds table")

ascii_ids = [q["id"][3:] for q in qs if all(ord(c) < 128 for c in q["question"])]
if len(ascii_ids) * 2 < len(qs):
    err(f"only {len(ascii_ids)} of {len(qs)} questions are diacritic-free")

for ab, idl in ABBREV.items():
    for i in idl:
        qq = by_id[f"b7-{i}"]
        text = qq["question"] + " " + " ".join(h["content"] for h in qq.get("history", []) if h["role"] == "user")
        if not re.search(ABBREV_RE[ab], text):
            err(f"b7-{i} should contain abbreviation {ab}")

IDENT = {"hung-yen": [r"h[uư]ng y[eê]n", r"\b286\b"], "cao-bang": [r"cao b[aằ]ng", r"\b1326\b"],
         "lai-chau": [r"lai ch[aâ]u", r"\b64\b"], "thai-nguyen": [r"th[aá]i nguy[eê]n", r"\b37\b"]}

for q in qs:
    qid = q["id"]
    allowed = {"id", "question", "history", "answer", "evidence", "answerable"}
    if set(q) - allowed:
        err(f"{qid}: unknown fields {set(q) - allowed}")
    if not isinstance(q.get("question"), str) or not q["question"].strip():
        err(f"{qid}: empty question")
    if "history" in q:
        h = q["history"]
        if not (isinstance(h, list) and len(h) >= 2 and all(set(t) == {"role", "content"} for t in h)
                and [t["role"] for t in h] == ["user", "assistant"] * (len(h) // 2)):
            err(f"{qid}: bad history")
        if len(q["question"]) > 45:
            err(f"{qid}: a follow-up should be short")
    if not q.get("answerable", True):
        if q.get("answer") is not None or q.get("evidence") != [] or q.get("answerable") is not False:
            err(f"{qid}: unanswerable items need answer null, evidence [], answerable false")
        continue
    if "answerable" in q and q["answerable"] is not True:
        err(f"{qid}: answerable must be true or absent")
    groups = q.get("answer")
    if not (isinstance(groups, list) and groups and all(isinstance(g, list) and g and
                                                        all(isinstance(a, str) and a.strip() for a in g)
                                                        for g in groups)):
        err(f"{qid}: bad answer groups")
        continue
    if len(groups) > 4:
        err(f"{qid}: too many answer groups")
    ev = q.get("evidence")
    if not (isinstance(ev, list) and ev and all(isinstance(e, dict) and "text" in e and set(e) <= {"text", "after"}
                                                for e in ev)):
        err(f"{qid}: bad evidence")
        continue
    # document identification (non-follow-up, non-list)
    if "history" not in q and qid not in LISTS:
        pref = next(k for k, v in BY_FILE.items() if qid[3:] in v)
        if not any(re.search(p, q["question"], re.I) for p in IDENT[pref]):
            err(f"{qid}: question does not identify its document")
    locs = []  # (file name, start, end) in the normalized view
    for e in ev:
        t = e["text"]
        if not 30 <= len(t) <= 200:
            err(f"{qid}: evidence length {len(t)}: {t[:50]!r}")
        hits = [n for n, txt in library.items() if t in txt]
        exact = sum(txt.count(t) for txt in library.values())
        nt = norm(t)
        ncount = sum(norm(txt).count(nt) for txt in library.values())
        if "after" not in e and (exact != 1 or ncount != 1):
            err(f"{qid}: evidence occurs {exact} times exactly / {ncount} normalized (need 1): {t[:60]!r}")
        if not hits or not hits[0].startswith("blind7/"):
            err(f"{qid}: evidence not in a blind7 file: {t[:60]!r}")
            continue
        name = hits[0][len("blind7/"):]
        f = files[name]
        if f["kind"] in ("docx", "html"):
            if not any(t in u for u in f["units"]):
                err(f"{qid}: evidence is not inside one {f['kind']} paragraph/cell/element: {t[:60]!r}")
            if f["kind"] == "html" and ("<" in t or "&" in t):
                err(f"{qid}: html evidence with tag or entity")
        view = norm(f["view"])
        pos = view.find(nt)
        if pos < 0:
            err(f"{qid}: evidence not found in the view of {name}")
            continue
        locs.append((name, pos, pos + len(nt)))
    if not locs:
        continue
    if qid in LISTS:
        ev_files = {n for n, _, _ in locs}
        if len(ev_files) < 2 or len(ev_files) != len(locs):
            err(f"{qid}: list evidence must come from several files, one passage each")
        for g in groups:
            if not any(any(norm(a) in norm(n.replace("-", " ")) or norm(a) in norm(files[n]["view"][:3000])
                           for a in g) for n in ev_files):
                err(f"{qid}: group {g} does not name an evidence file")
        continue
    for g in groups:
        ok = False
        for name, s, e_ in locs:
            view = norm(files[name]["view"])
            window = view[max(0, s - WINDOW): e_ + WINDOW]
            if any(norm(a) in window for a in g):
                ok = True
                break
        if not ok:
            err(f"{qid}: no alternative of {g} within {WINDOW} chars of its evidence")

# kinds by file: evidence of each item lies in its file
for pref, idl in BY_FILE.items():
    fname = file_for_prefix(pref)
    for i in idl:
        q = by_id[f"b7-{i}"]
        for e in q.get("evidence") or []:
            txt = library["blind7/" + fname]
            if e["text"] not in txt:
                err(f"b7-{i}: evidence not in {fname}")

# --------------------------------------------------------------------------- unanswerable facts really absent
def text_of(pref):
    f = files[file_for_prefix(pref)]
    return "\n".join(f["units"]) if f["kind"] == "docx" else f["raw"]


lib_all = "\n".join(library.values())
if "Giáo dục và Đào tạo" in text_of("hung-yen") or "GDĐT" in text_of("hung-yen"):
    err("b7-35: Hưng Yên plan mentions Sở Giáo dục và Đào tạo")
if "Tư pháp" in text_of("cao-bang"):
    err("b7-36: Cao Bằng plan mentions Sở Tư pháp")
for sent in re.split(r"[.;\n]", text_of("thai-nguyen")):
    if "2027" in sent and "km" in sent:
        err(f"b7-37: Thái Nguyên states a 2027 km figure: {sent.strip()[:80]}")
for para_ in text_of("hung-yen").split("\n"):
    if "Tổ công nghệ số cộng đồng" in para_ and re.search(r"\d[\d.,]*\s*(tỷ|triệu) đồng", para_):
        err("b7-38: Hưng Yên gives an amount for Tổ công nghệ số cộng đồng")
if re.search(r"Ngọc Linh|Quảng Ngãi", lib_all):
    err("b7-39: Quảng Ngãi / sâm Ngọc Linh is in the library")
if re.search(r"thời tiết", lib_all, re.I):
    err("b7-40: weather is in the library")
# list questions: exactly the expected files
dt_files = sorted(short(n) for n in files if "Sở Dân tộc và Tôn giáo" in library["blind7/" + n])
if dt_files != ["cao-bang", "lai-chau"] or any("Dân tộc và Tôn giáo" in library[n] for n in library
                                                 if n.startswith("knowledge/")):
    err(f"b7-28: Sở Dân tộc và Tôn giáo appears in {dt_files}")
for n in files:
    body = library["blind7/" + n]
    if not re.search(r"Sở Tài chính[\s\S]{0,40}Chủ trì", body):
        err(f"b7-27: {n} gives Sở Tài chính no chủ trì task")

# --------------------------------------------------------------------------- report
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print(f"OK: {len(qs)} questions ({len(ans)} answerable, {len(una)} unanswerable, {len(hist)} follow-ups, "
      f"{len(LISTS)} lists); {len(ascii_ids)} diacritic-free: {', '.join(ascii_ids)}")
for k, v in KINDS.items():
    print(f"  {k}: {len(v)}")
for n, f in files.items():
    print(f"  {n} [{f['kind']}]")
