#!/usr/bin/env python3
"""Validate bench/tune3/questions.jsonl (standard library only).

Checks
  1. shape: ids tune3-01..tune3-50 in order, allowed fields, answer groups,
     history turns, unanswerable items (answer null, evidence []).
  2. evidence: every `text` is 30-200 characters and an exact substring of exactly
     one knowledge file (with `after`: the first occurrence after the anchor, and the
     anchor+text pair must pick out exactly one file).
  3. allowed files: evidence only from the tuning half (bacninh_, daklak_,
     dongthap_, hcm_, sonla_). The other files are only searched mechanically, to
     prove uniqueness.
  4. support: for every answer group, some alternative occurs (after NFC, lower-case,
     '*' removed, whitespace collapsed) within 600 characters of one of the item's
     evidence passages. Groups that are counts of list items (the number is not
     written in the text) are exempt; they are listed in COUNTED below.
  5. kinds: the kind table below has the brief's counts, follow-ups (and only they)
     have history, unanswerables are the `unanswerable` kind.
  6. style: number of questions typed without Vietnamese diacritics (target ~20).
  7. no evidence overlaps the first 5 lines of ../tune2/questions.jsonl (only those
     5 lines are read).

Usage: python3 check.py [questions.jsonl] [--knowledge DIR]
Exit status 0 when everything passes.
"""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_Q = HERE / "questions.jsonl"
DEFAULT_K = Path("/work/shared/corpus/knowledge")
TUNE2 = HERE.parent / "tune2" / "questions.jsonl"

ALLOWED_PREFIXES = ("bacninh_", "daklak_", "dongthap_", "hcm_", "sonla_")
N_ITEMS = 50
WINDOW = 600

KIND_IDS = {
    "count": range(1, 11),
    "what": range(11, 19),
    "target": range(19, 27),
    "multi": range(27, 33),
    "duty": range(33, 39),
    "followup": range(39, 43),
    "unanswerable": range(43, 51),
}
KIND_TARGET = {"count": 10, "what": 8, "target": 8, "multi": 6, "duty": 6,
               "followup": 4, "unanswerable": 8}

# Counts whose number is not written in the text: the reader must count list
# items. id -> indices of the answer groups exempt from the 600-character check.
COUNTED = {
    "tune3-05": [0],  # 9 numbered headings 1..9 under III. NHIỆM VỤ, GIẢI PHÁP
    "tune3-06": [0],  # 9 rows of the annex with "Sở KH&CN" as lead (of 11)
    "tune3-07": [0],  # 3 annex rows with Sở Nông nghiệp và Môi trường as lead
    "tune3-08": [0],  # 6 numbered agencies under III. PHÂN CÔNG NHIỆM VỤ
    "tune3-09": [0],  # Bước 1 .. Bước 6
    "tune3-10": [0],  # 4 forms listed in one sentence
}
# Counts stated as a figure in the text (checked normally): 01, 02, 03, 04.
STATED = ["tune3-01", "tune3-02", "tune3-03", "tune3-04"]

ITEM_FIELDS = {"id", "question", "answer", "evidence", "answerable"}
OPTIONAL_FIELDS = {"history"}

VI_DIACRITIC = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
    re.IGNORECASE)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower().replace("*", "")
    return re.sub(r"\s+", " ", s).strip()


def load_knowledge(kdir: Path):
    files = {}
    for p in sorted(kdir.glob("*.txt")):
        files[p.name] = p.read_text(encoding="utf-8")
    return files


def locate(files, text, after=None):
    """Return list of (file, start) where the evidence resolves."""
    hits = []
    for name, body in files.items():
        if after is None:
            start = body.find(text)
            if start < 0:
                continue
            # count every occurrence: a passage occurring twice is not unique
            n = body.count(text)
            hits.extend([(name, start)] * n)
        else:
            a = body.find(after)
            if a < 0:
                continue
            start = body.find(text, a + len(after))
            if start >= 0:
                hits.append((name, start))
    return hits


def main(argv):
    qpath = DEFAULT_Q
    kdir = DEFAULT_K
    args = list(argv)
    if "--knowledge" in args:
        i = args.index("--knowledge")
        kdir = Path(args[i + 1])
        del args[i:i + 2]
    if args:
        qpath = Path(args[0])

    files = load_knowledge(kdir)
    errors = []
    warnings = []

    def err(item_id, msg):
        errors.append(f"{item_id}: {msg}")

    lines = qpath.read_text(encoding="utf-8").splitlines()
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            err(f"line {n}", "empty line")
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"line {n}", f"bad JSON: {e}")

    # ---- 1. shape
    if len(items) != N_ITEMS:
        err("file", f"{len(items)} items, expected {N_ITEMS}")
    id_to_kind = {}
    for kind, rng in KIND_IDS.items():
        for k in rng:
            id_to_kind[f"tune3-{k:02d}"] = kind

    coverage = defaultdict(list)
    no_diacritics = []
    seen_questions = set()
    for idx, it in enumerate(items, 1):
        iid = it.get("id", f"#{idx}")
        want = f"tune3-{idx:02d}"
        if iid != want:
            err(iid, f"id out of order, expected {want}")
        keys = set(it)
        if not ITEM_FIELDS <= keys:
            err(iid, f"missing fields {sorted(ITEM_FIELDS - keys)}")
        if keys - ITEM_FIELDS - OPTIONAL_FIELDS:
            err(iid, f"unknown fields {sorted(keys - ITEM_FIELDS - OPTIONAL_FIELDS)}")
        qtext = it.get("question")
        if not isinstance(qtext, str) or len(qtext.strip()) < 5:
            err(iid, "question missing or too short")
            qtext = ""
        if norm(qtext) in seen_questions:
            err(iid, "duplicate question")
        seen_questions.add(norm(qtext))
        if not VI_DIACRITIC.search(qtext):
            no_diacritics.append(iid)
        kind = id_to_kind.get(iid)
        hist = it.get("history")
        if hist is not None:
            if not isinstance(hist, list) or not hist:
                err(iid, "history must be a non-empty list")
            else:
                for t_i, turn in enumerate(hist):
                    role_ok = isinstance(turn, dict) and set(turn) == {"role", "content"}
                    if not role_ok or turn["role"] not in ("user", "assistant") \
                            or not isinstance(turn["content"], str) or not turn["content"].strip():
                        err(iid, f"bad history turn {t_i}")
                    elif turn["role"] != ("user" if t_i % 2 == 0 else "assistant"):
                        err(iid, f"history turn {t_i} role order")
                if hist[-1].get("role") != "assistant":
                    err(iid, "history must end with an assistant turn")
        if (kind == "followup") != (hist is not None):
            err(iid, "history present iff follow-up kind")

        answerable = it.get("answerable")
        if not isinstance(answerable, bool):
            err(iid, "answerable must be bool")
            continue
        if (kind == "unanswerable") == answerable:
            err(iid, "answerable flag does not match kind table")
        if not answerable:
            if it.get("answer") is not None:
                err(iid, "unanswerable item must have answer null")
            if it.get("evidence") != []:
                err(iid, "unanswerable item must have evidence []")
            continue

        groups = it.get("answer")
        if not isinstance(groups, list) or not groups:
            err(iid, "answer must be a non-empty list of groups")
            groups = []
        for g_i, g in enumerate(groups):
            if not isinstance(g, list) or not g or not all(isinstance(a, str) and a.strip() for a in g):
                err(iid, f"answer group {g_i} must be a non-empty list of strings")
        ev = it.get("evidence")
        if not isinstance(ev, list) or not ev:
            err(iid, "answerable item needs evidence")
            ev = []

        # ---- 2./3. evidence
        windows = []
        for e_i, e in enumerate(ev):
            if not isinstance(e, dict) or "text" not in e or set(e) - {"text", "after"}:
                err(iid, f"evidence {e_i} must be {{text[, after]}}")
                continue
            text = e["text"]
            if not (30 <= len(text) <= 200):
                err(iid, f"evidence {e_i} length {len(text)} not in 30..200")
            hits = locate(files, text, e.get("after"))
            if not hits:
                err(iid, f"evidence {e_i} not found: {text[:60]!r}")
                continue
            if len(hits) > 1:
                where = Counter(h[0] for h in hits)
                err(iid, f"evidence {e_i} not unique ({dict(where)}): {text[:60]!r}")
                continue
            fname, start = hits[0]
            if not fname.startswith(ALLOWED_PREFIXES):
                err(iid, f"evidence {e_i} comes from a held-out file {fname}")
                continue
            body = files[fname]
            windows.append(norm(body[max(0, start - WINDOW): start + len(text) + WINDOW]))
            coverage[fname.split("_")[0] + "_" + fname.split("_")[1]].append(iid)

        # ---- 4. support
        exempt = set(COUNTED.get(iid, []))
        for g_i, g in enumerate(groups):
            if g_i in exempt or not isinstance(g, list):
                continue
            if windows and not any(norm(a) in w for a in g for w in windows):
                err(iid, f"answer group {g_i} {g} not within {WINDOW} chars of any evidence")

    # ---- 5. kinds
    kind_counts = Counter(id_to_kind.get(it.get("id")) for it in items)
    for kind, n in KIND_TARGET.items():
        if kind_counts.get(kind, 0) != n:
            err("kinds", f"{kind}: {kind_counts.get(kind, 0)} items, expected {n}")
    for iid in list(COUNTED) + STATED:
        if id_to_kind.get(iid) != "count":
            err("kinds", f"{iid} listed as a count but is not in the count range")

    # ---- 6. style
    if not 18 <= len(no_diacritics) <= 24:
        err("style", f"{len(no_diacritics)} questions without diacritics, want about 20")

    # ---- 7. tune2 overlap (first 5 lines only)
    if TUNE2.exists():
        t2_ev = []
        with TUNE2.open(encoding="utf-8") as f:
            for _ in range(5):
                line = f.readline()
                if not line:
                    break
                for e in json.loads(line).get("evidence") or []:
                    t2_ev.append(norm(e["text"]))
        for it in items:
            for e in it.get("evidence") or []:
                t = norm(e["text"])
                for t2 in t2_ev:
                    if t in t2 or t2 in t:
                        err(it["id"], f"evidence overlaps tune2: {e['text'][:50]!r}")
    else:
        warnings.append("tune2/questions.jsonl not found; overlap check skipped")

    # ---- report
    n_ans = sum(1 for it in items if it.get("answerable") is True)
    print(f"items: {len(items)}  answerable: {n_ans}  unanswerable: {len(items) - n_ans}  "
          f"with history: {sum(1 for it in items if 'history' in it)}  knowledge files: {len(files)}")
    print("kinds: " + ", ".join(f"{k}={kind_counts.get(k, 0)}" for k in KIND_TARGET))
    print(f"without diacritics: {len(no_diacritics)} ({', '.join(x[-2:] for x in no_diacritics)})")
    print(f"counts stated in the text: {', '.join(STATED)}; counted from list items: {', '.join(COUNTED)}")
    print("evidence passages per file (item ids):")
    for f in sorted(coverage):
        ids = sorted(set(coverage[f]))
        print(f"  {f:14s} passages={len(coverage[f]):2d} items={len(ids):2d}  {' '.join(i[-2:] for i in ids)}")
    for w in warnings:
        print("WARNING:", w)
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
