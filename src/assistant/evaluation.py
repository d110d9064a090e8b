"""Score a gold set (format: ../shared/eval/README.md) with the same rules as the hidden sets."""

from __future__ import annotations

import functools
import json
import re
import statistics
import unicodedata
from pathlib import Path

from .documents import load_file
from .types import Answer
from .vietnamese import has_diacritics


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).lower()).strip()


def answer_correct(gold: list[list[str]], text: str) -> bool:
    norm = _norm(text)
    return all(any(_norm(alt) in norm for alt in group) for group in gold)


def _file_texts(path: Path) -> tuple[str, ...]:
    try:
        st = path.stat()
    except OSError:
        return ()
    return _texts(path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=256)
def _texts(path: Path, _mtime: int, _size: int) -> tuple[str, ...]:
    """The texts whose lines citations count, in order: a text file's own; for .docx and .pdf
    the loader's lines (a Word paragraph or table row per line); for HTML its own lines, then
    the loader's (minified HTML is laid out one block per line)."""
    texts = []
    if path.suffix.lower() not in (".docx", ".pdf"):
        try:
            texts.append(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            pass
    if path.suffix.lower() in (".docx", ".pdf", ".html", ".htm"):
        try:
            doc = load_file(path)
        except Exception:  # noqa: BLE001 - a file the loader refuses holds no evidence
            return tuple(texts)
        if doc.meta.file_lines:
            # a minified page: its loaded lines, each put back on the page's own line
            table = doc.meta.file_lines
            lines = [""] * (max(table) if table else 0)
            for k, line in enumerate(doc.text.split("\n")):
                lines[table[k] - 1] += (" " if lines[table[k] - 1] else "") + line
            texts.append("\n".join(lines))
        else:
            texts.append(doc.text)
    return tuple(texts)


def evidence_spans(evidence: list[dict], knowledge_dir: Path) -> list[tuple[str, int, int]]:
    """(source, start_line, end_line) of each evidence passage, searched in every file."""
    spans = []
    for ev in evidence:
        text, after = ev["text"], ev.get("after")
        for path in sorted(knowledge_dir.rglob("*")):
            if not path.is_file():
                continue
            for content in _file_texts(path):
                start = content.find(after) if after else 0
                idx = content.find(text, start) if start >= 0 else -1
                if idx >= 0:
                    break
            else:
                continue
            line_start = content.count("\n", 0, idx) + 1
            line_end = line_start + text.count("\n")
            spans.append((path.relative_to(knowledge_dir).as_posix(), line_start, line_end))
    return spans


def _overlaps(source: str, start: int, end: int, spans) -> bool:
    return any(source == s and start <= e and end >= b for s, b, e in spans)


def question_kinds(item: dict, answer: Answer) -> list[str]:
    kinds = [answer.kind or "what"]
    if item.get("history"):
        kinds.append("follow-up")
    if not has_diacritics(item["question"]):
        kinds.append("unaccented")
    if item.get("answerable") is False:
        kinds = ["unanswerable"]
    return kinds


def score_item(item: dict, answer: Answer, knowledge_dir: Path) -> dict:
    answerable = item.get("answerable", True) is not False
    row = {"id": item.get("id"), "question": item["question"], "answer": answer.text, "abstained": answer.abstained,
           "answerable": answerable, "latency_ms": answer.latency_ms, "kinds": question_kinds(item, answer)}
    if not answerable:
        row["abstention_ok"] = answer.abstained
        return row
    spans = evidence_spans(item.get("evidence", []), knowledge_dir)
    row["answer_ok"] = (not answer.abstained) and answer_correct(item.get("answer", []), answer.text)
    cites = [(c.source, c.start_line, c.end_line) for c in answer.citations]
    row["citation_ok"] = any(_overlaps(s, a, b, spans) for s, a, b in cites)
    row["citation_precision"] = (sum(_overlaps(s, a, b, spans) for s, a, b in cites) / len(cites)) if cites else 0.0
    row["abstention_ok"] = not answer.abstained
    rank = None
    for i, h in enumerate(answer.hits[:10]):
        if _overlaps(h.chunk.source, h.chunk.start_line, h.chunk.end_line, spans):
            rank = i + 1
            break
    row["rank"] = rank
    row["evidence_found"] = bool(spans)
    return row


def summarise(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]

    def mean(values) -> float:
        values = list(values)
        return round(sum(values) / len(values), 4) if values else 0.0

    lat = sorted(r["latency_ms"] for r in rows) or [0.0]
    return {
        "n": len(rows),
        "answer_accuracy": mean(r["answer_ok"] for r in ans),
        "citation_accuracy": mean(r["citation_ok"] for r in ans),
        "citation_precision": mean(r["citation_precision"] for r in ans),
        "abstention_accuracy": mean(r["abstention_ok"] for r in rows),
        "hit@1": mean((r["rank"] or 99) <= 1 for r in ans),
        "hit@5": mean((r["rank"] or 99) <= 5 for r in ans),
        "mrr@10": mean((1.0 / r["rank"]) if r["rank"] else 0.0 for r in ans),
        "latency_p50_ms": round(statistics.median(lat), 1),
        "latency_p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
    }


def evaluate(assistant, gold_file: Path) -> dict:
    items = [json.loads(line) for line in open(gold_file, encoding="utf-8") if line.strip()]
    assistant.warm_up()
    rows = []
    for item in items:
        answer = assistant.in_file_lines(assistant.ask(item["question"], history=item.get("history") or []))
        rows.append(score_item(item, answer, Path(assistant.settings.knowledge_dir)))
    by_kind: dict[str, list[dict]] = {}
    for r in rows:
        for k in r["kinds"]:
            by_kind.setdefault(k, []).append(r)
    return {
        "summary": summarise(rows),
        "by_kind": {k: {"n": len(v), **{m: s for m, s in summarise(v).items() if m in ("answer_accuracy", "citation_accuracy", "abstention_accuracy", "hit@5")}} for k, v in sorted(by_kind.items())},
        "items": rows,
    }


def format_report(report: dict) -> str:
    s = report["summary"]
    lines = [
        f"Câu hỏi: {s['n']}",
        f"answer accuracy     {s['answer_accuracy']:.1%}",
        f"citation accuracy   {s['citation_accuracy']:.1%}",
        f"citation precision  {s['citation_precision']:.1%}",
        f"abstention accuracy {s['abstention_accuracy']:.1%}",
        f"hit@1 {s['hit@1']:.1%}   hit@5 {s['hit@5']:.1%}   MRR@10 {s['mrr@10']:.3f}",
        f"latency p50 {s['latency_p50_ms']:.0f} ms   p95 {s['latency_p95_ms']:.0f} ms",
        "",
        "Theo loại câu hỏi:",
    ]
    for kind, m in report["by_kind"].items():
        if kind == "unanswerable":  # nothing to answer, cite or retrieve: only abstention counts
            lines.append(f"  {kind:<13} n={m['n']:<3} abstention {m['abstention_accuracy']:.0%}")
            continue
        lines.append(f"  {kind:<13} n={m['n']:<3} answer {m['answer_accuracy']:.0%}  citation {m['citation_accuracy']:.0%}  abstention {m['abstention_accuracy']:.0%}  hit@5 {m['hit@5']:.0%}")
    failed = [r for r in report["items"] if not (r.get("answer_ok", r.get("abstention_ok")) and r.get("citation_ok", True) and r.get("abstention_ok"))]
    if failed:
        lines += ["", "Chưa đạt:"]
        for r in failed:
            flags = ",".join(k for k in ("answer_ok", "citation_ok", "abstention_ok") if r.get(k) is False)
            lines.append(f"  {r['id']}: [{flags}] rank={r.get('rank')} {r['question'][:70]} -> {r['answer'][:110]}")
    return "\n".join(lines)
