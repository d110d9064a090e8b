"""Keyword index at 10^4 and 10^5 passages: the hand-written BM25 it replaced vs bm25s.

    python bench/bm25_scale.py                    # 10^4 and 10^5 passages
    python bench/bm25_scale.py --sizes 10000 --queries 300

Passages are made from the real plans' pyvi word tokens (../shared/corpus/knowledge, ingested with
the hash stand-in embedder into a temporary folder): each synthetic passage joins halves of two
real ones and gets a province and a year of its own. For each implementation and size, a fresh
process loads the index the way a process start did (before: the tokens from JSON, postings built
in memory; now: bm25s matrices memory-mapped), then answers the same queries (score, top 30).
Reported: build and save time, size on disk, load time, resident memory added, query p50/p95,
and whether both return the same top 30. Times are also given as a ratio to the old one, measured
in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

# The implementation that src/assistant/bm25.py had before bm25s, kept here as the reference.
HANDWRITTEN = r'''
import math
from collections import Counter, defaultdict

class HandWrittenBM25:
    def __init__(self, docs, k1=1.4, b=0.7):
        self.k1, self.b = k1, b
        self.ids = list(docs)
        self.lengths = [len(docs[i]) for i in self.ids]
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        self.postings = defaultdict(list)
        for idx, doc_id in enumerate(self.ids):
            for term, tf in Counter(docs[doc_id]).items():
                self.postings[term].append((idx, tf))
        n = len(self.ids)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def score(self, query):
        scores = defaultdict(float)
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for idx, tf in self.postings[term]:
                denom = tf + self.k1 * (1 - self.b + self.b * self.lengths[idx] / self.avgdl)
                scores[idx] += idf * tf * (self.k1 + 1) / denom
        return {self.ids[i]: s for i, s in scores.items()}
'''

CHILD = r'''
import json, os, sys, time
sys.path.insert(0, sys.argv[3])
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
kind, folder = sys.argv[1], sys.argv[2]
queries = json.load(open(os.path.join(folder, "queries.json")))
import numpy  # imported by both before measuring
base = rss()
t0 = time.perf_counter()
if kind == "old":
    exec(open(os.path.join(folder, "handwritten.py")).read())
    docs = {}
    with open(os.path.join(folder, "chunks.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs[rec["id"]] = rec["words"]
    index = HandWrittenBM25(docs)
    top = lambda q: dict(sorted(index.score(q).items(), key=lambda kv: -kv[1])[:30])
else:
    from assistant.bm25 import BM25
    index = BM25.load(os.path.join(folder, "bm25s"))
    top = lambda q: index.top(q, 30)
first = top(queries[0])
load_s = time.perf_counter() - t0
loaded = rss() - base
lat, results = [], []
for q in queries:
    t = time.perf_counter()
    r = top(q)
    lat.append((time.perf_counter() - t) * 1000)
    results.append(list(r))
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(json.dumps({"load_s": round(load_s, 3), "rss_mb": round(max(loaded, rss() - base) / 2**20, 1),
                  "p50_ms": round(pct(0.5), 2), "p95_ms": round(pct(0.95), 2), "results": results}))
'''


def _real_tokens() -> list[list[str]]:
    from assistant.embeddings import HashEmbedder
    from assistant.index import Indexer, IndexStore

    tmp = Path(tempfile.mkdtemp(prefix="bm25-real-"))
    Indexer(tmp / "index", HashEmbedder()).run(ROOT.parent / "shared" / "corpus" / "knowledge")
    words = IndexStore(tmp / "index").load().words
    return [w for w in words.values() if len(w) > 10]


def _synthetic(real: list[list[str]], n: int, rng: random.Random) -> dict[str, list[str]]:
    from assistant.vietnamese import PROVINCES, segment

    provinces = [segment(p) for p in PROVINCES]
    docs = {}
    for i in range(n):
        a, b = rng.choice(real), rng.choice(real)
        docs[f"p{i:07d}"] = a[: len(a) // 2] + b[len(b) // 2 :] + rng.choice(provinces) + [str(rng.randint(2010, 2035))]
    return docs


def run(sizes: list[int], n_queries: int) -> None:
    from assistant.bm25 import BM25

    rng = random.Random(11)
    real = _real_tokens()
    for n in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bm25-{n}-"))
        docs = _synthetic(real, n, rng)
        queries = [rng.sample(d, min(8, len(d))) for d in rng.sample(list(docs.values()), n_queries)]
        (folder / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        (folder / "handwritten.py").write_text(HANDWRITTEN, encoding="utf-8")
        t0 = time.perf_counter()
        with open(folder / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for cid, words in docs.items():
                fh.write(json.dumps({"id": cid, "words": words}, ensure_ascii=False) + "\n")
        old_save = time.perf_counter() - t0
        t0 = time.perf_counter()
        BM25(docs).save(folder / "bm25s")
        new_build = time.perf_counter() - t0
        out = {}
        for kind in ("old", "new"):
            child = subprocess.run([sys.executable, "-c", CHILD, kind, str(folder), str(ROOT / "src")],
                                   capture_output=True, text=True, timeout=1800)
            if child.returncode != 0:
                raise SystemExit(child.stderr[-3000:])
            out[kind] = json.loads(child.stdout)
        same = sum(set(a) == set(b) for a, b in zip(out["old"].pop("results"), out["new"].pop("results")))
        size = lambda p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20
        row = {
            "passages": n,
            "old": {**out["old"], "save_s": round(old_save, 2), "disk_mb": round((folder / "chunks.jsonl").stat().st_size / 2**20, 1)},
            "new": {**out["new"], "build_save_s": round(new_build, 2), "disk_mb": round(size(folder / "bm25s"), 1)},
            "new_vs_old": {"load": round(out["new"]["load_s"] / out["old"]["load_s"], 3),
                           "memory": round(out["new"]["rss_mb"] / max(0.1, out["old"]["rss_mb"]), 3),
                           "query_p50": round(out["new"]["p50_ms"] / out["old"]["p50_ms"], 3)},
            "same_top30": f"{same}/{len(queries)}",
        }
        print(json.dumps(row), flush=True)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    run(args.sizes, args.queries)


if __name__ == "__main__":
    main()
