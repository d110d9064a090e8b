"""Load test of the web app: time to the first answer after start, then N concurrent users.

Starts the app in this process on a free port (the index of ASSISTANT_INDEX_DIR, default index/),
asks one question to time the start, then lets each simulated user (its own gradio_client
session) ask a few questions at once. Prints p50/p95 seconds per answer. Not a test.

    python bench/load_app.py [--users 5] [--questions 4] [--concurrency N]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import threading
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FALLBACK = [
    "Cơ quan nào chủ trì hoạt động truyền thông?",
    "Mục tiêu đến năm 2030 là gì?",
    "Sở Tài chính có trách nhiệm gì?",
    "Kinh phí thực hiện kế hoạch lấy từ đâu?",
    "Kế hoạch 80/KH-UBND của Vĩnh Phúc do ai ký?",
]


def questions() -> list[str]:
    if DEV.exists():
        items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = [i["question"] for i in items if not i.get("history")]
        if found:
            return found
    return FALLBACK


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--questions", type=int, default=4, help="questions per user")
    parser.add_argument("--concurrency", type=int, default=None, help="override settings.concurrency")
    args = parser.parse_args()

    t0 = time.perf_counter()
    from gradio_client import Client

    from assistant.app import build_app, launch_options
    from assistant.assistant import Assistant
    from assistant.config import Settings

    settings = Settings.from_env(concurrency=args.concurrency)
    assistant = Assistant(settings)
    assistant.warm_up()
    t_warm = time.perf_counter() - t0
    demo = build_app(assistant)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
    url = f"http://127.0.0.1:{port}/"
    pool = questions()
    try:
        first = Client(url, verbose=False).predict(pool[0], [], api_name="/ask")
        t_first = time.perf_counter() - t0
        assert first[4].get("answer"), "no answer"
        print(f"start -> models and index loaded: {t_warm:.1f} s; first answer through the app: {t_first:.1f} s")

        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        barrier = threading.Barrier(args.users)

        def user(n: int) -> None:
            client = Client(url, verbose=False)
            barrier.wait()
            for k in range(args.questions):
                question = pool[(n * args.questions + k + 1) % len(pool)]
                t = time.perf_counter()
                try:
                    result = client.predict(question, [], api_name="/ask")
                    ok = bool(result[4].get("answer"))
                except Exception as exc:  # noqa: BLE001 - a bench reports, it does not stop
                    ok, result = False, exc
                elapsed = time.perf_counter() - t
                with lock:
                    (latencies.append(elapsed) if ok else errors.append(f"{question}: {result}"))

        threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
        t_load = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t_load
        if latencies:
            print(f"{args.users} users x {args.questions} questions, concurrency limit {settings.concurrency}: "
                  f"{len(latencies)} answers in {wall:.1f} s ({len(latencies) / wall:.2f} answers/s)")
            print(f"seconds per answer (as a user waits, queue included): p50 {statistics.median(latencies):.2f}  "
                  f"p95 {percentile(latencies, 0.95):.2f}  max {max(latencies):.2f}")
        for e in errors:
            print("error:", e)
    finally:
        demo.close()


if __name__ == "__main__":
    main()
