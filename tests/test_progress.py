"""Ingest progress: files, chunks, rate and time left on a terminal; quiet when output is not one."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time

from assistant.cli import main
from assistant.embeddings import HashEmbedder
from assistant.index import Indexer

from conftest import ALL_SOURCES, copy_knowledge


class SlowHash(HashEmbedder):
    """The hash embedder at a model's pace, so rate and time left have something to measure."""

    def embed_documents(self, texts):
        time.sleep(0.02 * len(texts))
        return super().embed_documents(texts)


def test_progress_messages_count_files_chunks_rate_and_time_left(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge")
    seen: list[tuple[float, str]] = []
    report = Indexer(tmp_path / "index", SlowHash()).run(knowledge, progress=lambda f, m: seen.append((f, m)))
    files = [m for _, m in seen if m.startswith("Tệp ")]
    assert [m.split(" · ")[0] for m in files] == [f"Tệp {i}/{len(ALL_SOURCES)}" for i in range(1, len(ALL_SOURCES) + 1)]
    assert files[0].split(" · ")[1] == "0 đoạn"
    assert any("đoạn/giây" in m and "còn khoảng" in m for m in files[1:])
    assert all(m.endswith(src) for m, src in zip(files, ALL_SOURCES))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert report.chunks > 0


def test_cli_ingest_is_quiet_when_stderr_is_not_a_terminal(tmp_path, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", ALL_SOURCES[:2])
    assert main(["ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "i")]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("Đã lập chỉ mục")
    assert main(["ingest", "-v", "--embedder", "hash", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "j")]) == 0
    err = capsys.readouterr().err
    assert "Tệp 1/2" in err and "Tệp 2/2" in err and "\r" not in err


def test_cli_ingest_draws_a_bar_on_a_terminal(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", ALL_SOURCES[:3])
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest", "--embedder", "hash", "--knowledge-dir", str(knowledge),
         "--index-dir", str(tmp_path / "index")],
        stdout=subprocess.PIPE, stderr=slave, env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the other side closed
            break
        if not data:
            break
        chunks.append(data)
    out = proc.communicate(timeout=120)[0].decode()
    os.close(master)
    tty = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, tty
    assert "%|" in tty and "Tệp 3/3" in tty and "đoạn" in tty
    assert out.startswith("Đã lập chỉ mục")
