#!/usr/bin/env python3
"""Self-check for the blind3 question set (standard library + python-docx only).

Run from the repository root:  .venv/bin/python bench/blind3/check.py

Checks
  1. questions.jsonl: 45 items, ids b3-01..b3-45 in order, only gold-format fields,
     well-formed history / answer / evidence; unanswerable items carry no answer/evidence.
  2. every evidence text is 30-200 characters, has no markup characters (< > &),
     and occurs exactly once in all of bench/blind3/knowledge/* plus knowledge/*
     (.docx: text of one body paragraph or one table cell; other files: raw characters),
     and that one occurrence is in a blind3 file.
  3. every answer group has at least one alternative that occurs near one of the item's
     evidence passages (after NFC, lower-casing and collapsing whitespace):
     text files: within 600 characters either side; .docx: the same paragraph/cell or
     the 3 units before/after (a table row's other cells). A '%' alternative may be
     matched by its bare number when the figure sits in a table with a unit column;
     such matches are listed.
  4. unanswerable items: the facts they ask for are really absent (simple string probes).
  5. the kinds table in README.md matches the ids below (counts per kind).
"""
import glob
import json
import os
import re
import sys
import unicodedata

import docx  # python-docx
from docx.table import Table
from docx.text.paragraph import Paragraph

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BLIND = os.path.join(HERE, "knowledge")
SAMPLES = os.path.join(ROOT, "knowledge")
QFILE = os.path.join(HERE, "questions.jsonl")

KINDS = {
    "lead agency (chủ trì)": range(1, 7),
    "cooperating agencies (phối hợp)": range(7, 11),
    "agency duties": range(11, 17),
    "targets by year / period": range(17, 23),
    "amounts / funding sources": range(23, 27),
    "counts": range(27, 29),
    "dates / deadlines": range(29, 33),
    "document number / date / signer": range(33, 37),
    "follow-up with history": range(37, 40),
    "unanswerable": range(40, 46),
}
EXPECTED = {"lead agency (chủ trì)": 6, "cooperating agencies (phối hợp)": 4, "agency duties": 6,
            "targets by year / period": 6, "amounts / funding sources": 4, "counts": 2,
            "dates / deadlines": 4, "document number / date / signer": 4,
            "follow-up with history": 3, "unanswerable": 6}

# probes for unanswerable items: (id, files glob (None = all), strings that must not occur)
ABSENT = [
    ("b3-40", None, ["Cà Mau"]),
    ("b3-41", None, ["Ninh Bình"]),
    ("b3-42", "quang-tri-*", ["Sở Y tế", "y tế"]),
    ("b3-43", "phu-tho-*", ["2027", "2028"]),
    ("b3-45", None, ["lương cơ sở", "2.340.000", "1.800.000"]),
]


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


def docx_units(path):
    """Body paragraphs and table cells, in document order (merged cells once)."""
    d = docx.Document(path)
    units = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            units.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                seen = set()
                for c in row.cells:
                    if id(c._tc) in seen:
                        continue
                    seen.add(id(c._tc))
                    units.append(c.text)
    return units


def load(path):
    if path.endswith(".docx"):
        return {"kind": "docx", "units": docx_units(path)}
    with open(path, encoding="utf-8") as f:
        return {"kind": "text", "text": f.read()}


def occurrences(doc, needle):
    """[(unit index or char offset)] of non-overlapping occurrences."""
    out = []
    if doc["kind"] == "docx":
        for i, u in enumerate(doc["units"]):
            start = 0
            while True:
                j = u.find(needle, start)
                if j < 0:
                    break
                out.append(i)
                start = j + len(needle)
    else:
        start = 0
        while True:
            j = doc["text"].find(needle, start)
            if j < 0:
                break
            out.append(j)
            start = j + len(needle)
    return out


def window(doc, pos, needle):
    if doc["kind"] == "docx":
        lo, hi = max(0, pos - 3), pos + 4
        return "\n".join(doc["units"][lo:hi])
    t = doc["text"]
    return t[max(0, pos - 600): pos + len(needle) + 600]


def main():
    errors = []
    notes = []
    blind_files = sorted(glob.glob(os.path.join(BLIND, "*")))
    sample_files = sorted(glob.glob(os.path.join(SAMPLES, "*")))
    docs = {}
    for p in blind_files + sample_files:
        if os.path.isfile(p):
            docs[p] = load(p)
    blind_set = set(blind_files)

    items = []
    with open(QFILE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append("line %d: bad JSON (%s)" % (n, e))
    if len(items) != 45:
        errors.append("expected 45 items, got %d" % len(items))
    allowed = {"id", "question", "history", "answer", "evidence", "answerable"}
    per_file = {}
    relaxed = []
    for k, it in enumerate(items, 1):
        qid = it.get("id")
        if qid != "b3-%02d" % k:
            errors.append("item %d: id %r, expected b3-%02d" % (k, qid, k))
        extra = set(it) - allowed
        if extra:
            errors.append("%s: unexpected fields %s" % (qid, sorted(extra)))
        if not isinstance(it.get("question"), str) or not it["question"].strip():
            errors.append("%s: empty question" % qid)
        if "history" in it:
            h = it["history"]
            if not (isinstance(h, list) and h and all(isinstance(m, dict) and m.get("role") in ("user", "assistant")
                                                      and isinstance(m.get("content"), str) for m in h)):
                errors.append("%s: malformed history" % qid)
        if it.get("answerable") is False:
            if "answer" in it or "evidence" in it:
                errors.append("%s: unanswerable item with answer/evidence" % qid)
            continue
        if "answerable" in it and it["answerable"] is not True:
            errors.append("%s: answerable must be true/false" % qid)
        ans = it.get("answer")
        if not (isinstance(ans, list) and ans and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip() for a in g) for g in ans)):
            errors.append("%s: malformed answer" % qid)
            continue
        ev = it.get("evidence")
        if not (isinstance(ev, list) and ev and all(isinstance(e, dict) and isinstance(e.get("text"), str) for e in ev)):
            errors.append("%s: malformed evidence" % qid)
            continue
        windows = []
        for e in ev:
            t = e["text"]
            if not 30 <= len(t) <= 200:
                errors.append("%s: evidence length %d outside 30-200: %r" % (qid, len(t), t))
            if any(c in t for c in "<>&"):
                errors.append("%s: evidence contains markup characters: %r" % (qid, t))
            if "after" in e:
                errors.append("%s: 'after' anchors are not used in this set" % qid)
            hits = [(p, pos) for p, d in docs.items() for pos in occurrences(d, t)]
            if len(hits) != 1:
                errors.append("%s: evidence occurs %d times (need exactly 1): %r in %s" % (
                    qid, len(hits), t, sorted({os.path.relpath(p, ROOT) for p, _ in hits})))
                continue
            p, pos = hits[0]
            if p not in blind_set:
                errors.append("%s: evidence found outside blind3/knowledge: %s" % (qid, p))
                continue
            per_file.setdefault(os.path.basename(p), set()).add(qid)
            windows.append(norm(window(docs[p], pos, t)))
        if not windows:
            continue
        for g in ans:
            ok = any(norm(a) in w for a in g for w in windows)
            if not ok:
                bare = [a[:-1].strip() for a in g if a.strip().endswith("%")]
                if any(norm(b) and norm(b) in w for b in bare for w in windows):
                    relaxed.append("%s: %s matched as bare number (unit column)" % (qid, g))
                    ok = True
            if not ok:
                errors.append("%s: no alternative of group %s near its evidence" % (qid, g))

    # unanswerable probes
    byid = {it.get("id"): it for it in items}
    for qid, pat, needles in ABSENT:
        if byid.get(qid, {}).get("answerable") is not False:
            errors.append("%s: expected to be unanswerable" % qid)
            continue
        paths = [p for p in docs if pat is None or (p in blind_set and glob.fnmatch.fnmatch(os.path.basename(p), pat))]
        for p in paths:
            d = docs[p]
            text = "\n".join(d["units"]) if d["kind"] == "docx" else d["text"]
            for s in needles:
                if norm(s) in norm(text):
                    errors.append("%s: %r occurs in %s" % (qid, s, os.path.relpath(p, ROOT)))
    # b3-44: the Kiên Giang plan gives no amount for the port upgrade
    kg = [p for p in blind_files if os.path.basename(p).startswith("kien-giang")]
    for p in kg:
        for u in docs[p]["units"]:
            if "Tắc Cậu" in u and re.search(r"\d[\d.,]*\s*(tỷ|triệu)", u):
                errors.append("b3-44: an amount appears next to Tắc Cậu: %r" % u)
    if byid.get("b3-44", {}).get("answerable") is not False:
        errors.append("b3-44: expected to be unanswerable")

    # kinds vs README
    readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read() if os.path.exists(os.path.join(HERE, "README.md")) else ""
    for kind, ids in KINDS.items():
        if len(ids) != EXPECTED[kind]:
            errors.append("kind %s: %d ids, expected %d" % (kind, len(ids), EXPECTED[kind]))
        if readme and ("| %s |" % kind) not in readme:
            errors.append("README.md: no row for kind %r" % kind)
    hist_ids = [it["id"] for it in items if "history" in it]
    if hist_ids != ["b3-%02d" % i for i in KINDS["follow-up with history"]]:
        errors.append("history items %s do not match follow-up kind" % hist_ids)
    unans = [it["id"] for it in items if it.get("answerable") is False]
    if unans != ["b3-%02d" % i for i in KINDS["unanswerable"]]:
        errors.append("unanswerable items %s do not match kind table" % unans)

    ascii_q = [it["id"] for it in items if all(ord(c) < 128 for c in it.get("question", ""))]

    # report
    print("files:")
    for p in blind_files:
        d = docs[p]
        size = "%d paragraphs/cells" % len(d["units"]) if d["kind"] == "docx" else "%d lines" % len(d["text"].splitlines())
        print("  %-70s %s, %d questions" % (os.path.basename(p), size, len(per_file.get(os.path.basename(p), ()))))
    print("items: %d (answerable %d, unanswerable %d)" % (len(items), len(items) - len(unans), len(unans)))
    for kind, ids in KINDS.items():
        print("  %-34s %d" % (kind, len(ids)))
    print("without diacritics: %d (%s)" % (len(ascii_q), ", ".join(ascii_q)))
    for r in relaxed:
        print("note:", r)
    for n in notes:
        print("note:", n)
    if errors:
        print("FAILED: %d problem(s)" % len(errors))
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every evidence occurs exactly once; every answer group is found near its evidence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
