"""Validate the blind gold set (questions.jsonl) against the knowledge files.

Checks:
- every line parses as JSON with the fields of the gold format;
- ids are unique;
- every evidence `text` occurs in some knowledge file (bench/blind/knowledge or
  the sample folder knowledge/), after its `after` anchor when one is given;
- every answer alternative occurs (NFC, case-insensitive, whitespace collapsed)
  in the text of a file that holds the item's evidence;
- unanswerable items carry neither answer nor evidence.

Usage (from the repository root): python bench/blind/validate.py
Exit status 0 when everything passes.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FOLDERS = [HERE / "knowledge", ROOT / "knowledge"]
QUESTIONS = HERE / "questions.jsonl"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip().lower()


def load_docs():
    docs = {}
    for folder in FOLDERS:
        for p in sorted(folder.iterdir()):
            if p.is_file():
                docs[str(p.relative_to(ROOT))] = p.read_text(encoding="utf-8")
    return docs


def evidence_files(ev, docs):
    """Files where the evidence text occurs (after the anchor when given)."""
    hits = []
    for name, text in docs.items():
        start = 0
        if "after" in ev:
            i = text.find(ev["after"])
            if i < 0:
                continue
            start = i + len(ev["after"])
        if text.find(ev["text"], start) >= 0:
            hits.append(name)
    return hits


def main() -> int:
    docs = load_docs()
    errors = []
    ids = set()
    n = answerable = 0
    for lineno, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {lineno}: bad JSON: {e}")
            continue
        n += 1
        qid = item.get("id")
        where = f"line {lineno} ({qid})"
        if not qid or qid in ids:
            errors.append(f"{where}: missing or duplicate id")
        ids.add(qid)
        if not isinstance(item.get("question"), str) or not item["question"].strip():
            errors.append(f"{where}: missing question")
        hist = item.get("history")
        if hist is not None:
            if not (isinstance(hist, list) and hist and all(
                    isinstance(t, dict) and t.get("role") in ("user", "assistant")
                    and isinstance(t.get("content"), str) for t in hist)):
                errors.append(f"{where}: malformed history")
        if item.get("answerable") is False:
            if item.get("answer") or item.get("evidence"):
                errors.append(f"{where}: unanswerable item has answer/evidence")
            continue
        answerable += 1
        groups = item.get("answer")
        evs = item.get("evidence")
        if not (isinstance(groups, list) and groups and all(
                isinstance(g, list) and g and all(isinstance(a, str) and a for a in g) for g in groups)):
            errors.append(f"{where}: answer must be a non-empty list of non-empty groups")
            continue
        if not (isinstance(evs, list) and evs):
            errors.append(f"{where}: missing evidence")
            continue
        files = set()
        for ev in evs:
            if not isinstance(ev, dict) or not isinstance(ev.get("text"), str):
                errors.append(f"{where}: malformed evidence {ev!r}")
                continue
            hits = evidence_files(ev, docs)
            if not hits:
                errors.append(f"{where}: evidence not found: {ev!r}")
            files.update(hits)
        corpus = norm("\n".join(docs[f] for f in files))
        for g in groups:
            for alt in g:
                if norm(alt) not in corpus:
                    errors.append(f"{where}: answer alternative {alt!r} not in evidence files {sorted(files)}")
    for e in errors:
        print("FAIL", e)
    print(f"{n} questions ({answerable} answerable, {n - answerable} unanswerable), "
          f"{len(docs)} knowledge files, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
