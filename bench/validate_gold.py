#!/usr/bin/env python3
"""Validate a gold set (bench/<set>/questions.jsonl) against its knowledge files:

    python bench/validate_gold.py blind2      # or blind, heldout


Checks:
  * every line parses as JSON and has the gold-format fields;
  * every evidence `text` is an exact substring of a file in bench/<set>/knowledge
    or <repo>/knowledge (when `after` is given: the text occurs after the first
    occurrence of the anchor in the same file);
  * every answer alternative occurs (NFC, case-insensitive, whitespace collapsed)
    in the files that hold the question's evidence.
Exit status 0 when everything passes.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent / (sys.argv[1] if len(sys.argv) > 1 else "blind2")
ROOT = HERE.parent.parent
KNOWLEDGE_DIRS = [HERE / "knowledge", ROOT / "knowledge"]


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    return re.sub(r"\s+", " ", s).strip()


def load_files():
    files = {}
    for d in KNOWLEDGE_DIRS:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                files[str(p.relative_to(ROOT))] = p.read_text(encoding="utf-8")
    return files


def find_evidence(files, text, after=None):
    """Return (file, line) of every file where the evidence is found."""
    hits = []
    for name, content in files.items():
        start = 0
        if after is not None:
            a = content.find(after)
            if a < 0:
                continue
            start = a
        i = content.find(text, start)
        if i >= 0:
            hits.append((name, content.count("\n", 0, i) + 1))
    return hits


def main() -> int:
    files = load_files()
    qpath = HERE / "questions.jsonl"
    errors = []
    ids = set()
    stats = {"total": 0, "answerable": 0, "unanswerable": 0, "history": 0}
    for ln, raw in enumerate(qpath.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            q = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: JSON error {e}")
            continue
        qid = q.get("id", f"line{ln}")
        stats["total"] += 1
        if qid in ids:
            errors.append(f"{qid}: duplicate id")
        ids.add(qid)
        if not isinstance(q.get("question"), str) or not q["question"].strip():
            errors.append(f"{qid}: missing question")
        if "history" in q:
            stats["history"] += 1
            h = q["history"]
            if not (isinstance(h, list) and h and all(
                    isinstance(t, dict) and t.get("role") in ("user", "assistant")
                    and isinstance(t.get("content"), str) for t in h)):
                errors.append(f"{qid}: malformed history")
        if q.get("answerable") is False:
            stats["unanswerable"] += 1
            if "answer" in q or "evidence" in q:
                errors.append(f"{qid}: unanswerable item carries answer/evidence")
            continue
        stats["answerable"] += 1
        ans, ev = q.get("answer"), q.get("evidence")
        if not (isinstance(ans, list) and ans and all(
                isinstance(g, list) and g and all(isinstance(x, str) and x for x in g) for g in ans)):
            errors.append(f"{qid}: malformed answer")
            continue
        if not (isinstance(ev, list) and ev and all(isinstance(e, dict) and e.get("text") for e in ev)):
            errors.append(f"{qid}: malformed evidence")
            continue
        ev_files = set()
        for e in ev:
            hits = find_evidence(files, e["text"], e.get("after"))
            if not hits:
                errors.append(f"{qid}: evidence not found: {e['text']!r}"
                              + (f" after {e['after']!r}" if e.get("after") else ""))
            ev_files.update(name for name, _ in hits)
        haystack = norm("\n".join(files[f] for f in sorted(ev_files)))
        for group in ans:
            for alt in group:
                if norm(alt) not in haystack:
                    errors.append(f"{qid}: answer alternative {alt!r} not in evidence files {sorted(ev_files)}")
    for e in errors:
        print("FAIL", e)
    print(json.dumps(stats, ensure_ascii=False))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
