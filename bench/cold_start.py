"""Cold start of `assistant serve`: seconds from launching the command to its first answer.

    python bench/cold_start.py                                   # the index of ASSISTANT_INDEX_DIR (default index/)
    python bench/cold_start.py --index-dir /tmp/lib100k/index --repeat 3

Starts `assistant serve` on a free loopback port in a new process (an ingested index is needed:
this measures start-up, not ingest), asks one question through the app's API with gradio_client as
soon as the port answers, and stops the server. Also reports `assistant ask` from a cold process,
the command-line reference measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _question() -> str:
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip() and not json.loads(line).get("history"):
                return json.loads(line)["question"]
    return "Cơ quan nào chủ trì hoạt động truyền thông?"


def serve_once(env: dict, question: str, timeout: float = 300) -> float:
    from gradio_client import Client

    port = _free_port()
    exe = str(Path(sys.executable).with_name("assistant"))
    t0 = time.perf_counter()
    proc = subprocess.Popen([exe, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"assistant serve stopped: {proc.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - t0 > timeout:
                raise SystemExit("no answer within the timeout")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    pass
            except OSError:
                time.sleep(0.1)
                continue
            result = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(question, [], api_name="/ask")
            assert result[4].get("answer"), result
            return time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def ask_once(env: dict, question: str) -> float:
    exe = str(Path(sys.executable).with_name("assistant"))
    t0 = time.perf_counter()
    subprocess.run([exe, "ask", question], env=env, capture_output=True, check=True, timeout=300)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index-dir")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    env = dict(os.environ, OMP_NUM_THREADS="2", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               GRADIO_ANALYTICS_ENABLED="False")
    if args.index_dir:
        env["ASSISTANT_INDEX_DIR"] = args.index_dir
    question = _question()
    for _ in range(args.repeat):
        ask_s = ask_once(env, question)
        serve_s = serve_once(env, question)
        print(json.dumps({"serve_first_answer_s": round(serve_s, 1), "cold_ask_s": round(ask_s, 1),
                          "serve_vs_ask": round(serve_s / ask_s, 2)}), flush=True)


if __name__ == "__main__":
    main()
