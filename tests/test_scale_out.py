"""Scale out (integration): vectors in a real Chroma server (`chroma run` on loopback), and
passages embedded by an OpenAI-compatible embeddings server (a small stand-in on loopback that
answers with the hash embedder's vectors: a deliberate seam for a GPU serving engine)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from assistant.assistant import Assistant
from assistant.cli import main
from assistant.config import Settings
from assistant.embeddings import EndpointEmbedder, EndpointError, HashEmbedder
from assistant.index import IndexStore

from conftest import TAY_NINH, TPHCM, VINH_PHUC, copy_knowledge, find_line

pytestmark = pytest.mark.integration

QUESTION = "Ai ký Kế hoạch 80/KH-UBND của tỉnh Vĩnh Phúc?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`, shipped with chromadb) on a free loopback port."""
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    if not Path(exe).exists():
        pytest.fail("the `chroma` command of the chromadb package is missing")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = open(data / "server.log", "wb")
    proc = subprocess.Popen([exe, "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma run did not start: {(data / 'server.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield url, data / "db"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _signer_citation_ok(answer) -> None:
    assert not answer.abstained, answer.text
    assert "Vũ Việt Văn" in answer.text
    line = find_line(VINH_PHUC, "Vũ Việt Văn")
    assert any(c.source == VINH_PHUC and c.start_line <= line <= c.end_line for c in answer.citations)


def test_vectors_live_in_a_chroma_server(tmp_path, chroma_server):
    url, server_dir = chroma_server
    knowledge = copy_knowledge(tmp_path / "knowledge", [VINH_PHUC, TAY_NINH, TPHCM])
    index_dir = tmp_path / "index"
    settings = Settings(knowledge_dir=knowledge, index_dir=index_dir, chroma_url=url, embedder="hash")
    assistant = Assistant(settings)
    report = assistant.ingest()
    assert sorted(report.added) == sorted([VINH_PHUC, TAY_NINH, TPHCM]) and report.chunks > 0
    assert not (index_dir / "chroma").exists()  # nothing embedded locally

    answer = assistant.ask(QUESTION)
    _signer_citation_ok(answer)
    assert any("dense" in h.scores for h in answer.hits)

    # The server holds exactly this generation's vectors, read back through its HTTP API.
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(url.rsplit(":", 1)[1]))
    index = IndexStore(index_dir, url).load()
    coll = client.get_collection(index.manifest["collection"])
    assert coll.count() == len(index.chunks)
    got = coll.get(ids=sorted(index.vectors)[:3], include=["embeddings"])
    assert np.allclose(np.linalg.norm(np.asarray(got["embeddings"]), axis=1), 1.0, atol=1e-4)

    # Incremental through the server: one plan removed, one edited; the CLI reads the same server.
    (knowledge / TPHCM).unlink()
    path = knowledge / TAY_NINH
    path.write_text(path.read_text(encoding="utf-8") + "\nBổ sung: Hội thi tuyên truyền viên công tác xã hội.\n", encoding="utf-8")
    again = assistant.ingest()
    assert again.removed == [TPHCM] and again.updated == [TAY_NINH] and 0 < again.embedded < 5
    again = assistant.ingest()  # nothing changed
    assert sorted(again.unchanged) == sorted([VINH_PHUC, TAY_NINH])
    index = IndexStore(index_dir, url).load()
    assert all(c.source != TPHCM for c in index.chunks.values())
    assert {m["source"] for m in coll.get(include=["metadatas"])["metadatas"]} >= {VINH_PHUC, TAY_NINH}


def test_cli_ask_against_a_chroma_server(tmp_path, chroma_server, monkeypatch, capsys):
    url, _ = chroma_server
    knowledge = copy_knowledge(tmp_path / "knowledge", [VINH_PHUC, TPHCM])
    for key, value in {"ASSISTANT_CHROMA_URL": url, "ASSISTANT_KNOWLEDGE_DIR": str(knowledge),
                       "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_EMBEDDER": "hash"}.items():
        monkeypatch.setenv(key, value)
    assert main(["ingest"]) == 0
    capsys.readouterr()
    assert main(["ask", QUESTION, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["abstained"] is False and "Vũ Việt Văn" in out["answer"]
    assert any(c["source"] == VINH_PHUC for c in out["citations"])
    assert not (tmp_path / "index" / "chroma").exists()


def test_unreachable_chroma_server_is_one_clear_line(tmp_path, monkeypatch, capsys):
    knowledge = copy_knowledge(tmp_path / "knowledge", [VINH_PHUC])
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", f"http://127.0.0.1:{_free_port()}")
    assert main(["ingest", "--knowledge-dir", str(knowledge), "--index-dir", str(tmp_path / "index"), "--embedder", "hash"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("lỗi:") and "\n" not in err
    assert not (tmp_path / "index" / "CURRENT").exists()


# ------------------------------------------------------------------ embeddings endpoint


class StandIn:
    """An OpenAI-compatible /v1/embeddings server on loopback, vectors from the hash embedder."""

    def __init__(self, mode: str = "ok"):
        self.mode = mode
        self.requests: list[dict] = []
        inner = HashEmbedder(64)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
                if self.path != "/v1/embeddings":
                    return self._send(404, {"error": "not found"})
                if owner.mode == "error":
                    return self._send(503, {"error": "model loading"})
                texts = body["input"]
                if owner.mode == "short":
                    texts = texts[:-1]
                vecs = inner.embed_documents(texts) * 3.0  # not normalised: the client must do it
                data = [{"object": "embedding", "index": i, "embedding": v.tolist()} for i, v in enumerate(vecs)]
                self._send(200, {"object": "list", "model": body["model"], "data": data[::-1]})  # any order

            def _send(self, code, payload):
                raw = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def test_passages_and_questions_are_embedded_by_the_endpoint(tmp_path):
    knowledge = copy_knowledge(tmp_path / "knowledge", [VINH_PHUC, TAY_NINH])
    with StandIn() as server:
        settings = Settings(knowledge_dir=knowledge, index_dir=tmp_path / "index", embeddings_url=server.url,
                            embeddings_model="intfloat/multilingual-e5-small", embeddings_api_key="k123", embeddings_batch=8)
        assistant = Assistant(settings)
        report = assistant.ingest()
        assert report.embedded == report.chunks > 8
        passages = [r for r in server.requests if r["input"][0].startswith("passage: ")]
        assert sum(len(r["input"]) for r in passages) == report.chunks
        assert max(len(r["input"]) for r in passages) == 8  # batched
        assert all(r["model"] == "intfloat/multilingual-e5-small" and r["auth"] == "Bearer k123" for r in server.requests)
        index = IndexStore(tmp_path / "index").load()
        assert index.manifest["embedder"] == "endpoint/intfloat/multilingual-e5-small"
        vec = np.asarray(index.collection.get(ids=sorted(index.vectors)[:1], include=["embeddings"])["embeddings"][0])
        assert vec.shape == (64,) and abs(np.linalg.norm(vec) - 1.0) < 1e-4

        n = len(server.requests)
        answer = assistant.ask(QUESTION)
        _signer_citation_ok(answer)
        assert len(server.requests) == n + 1 and server.requests[-1]["input"][0].startswith("query: ")


def test_endpoint_failures_are_clear(tmp_path):
    with StandIn(mode="error") as server:
        with pytest.raises(EndpointError, match="503"):
            EndpointEmbedder(server.url, "m").embed_documents(["một đoạn"])
    with StandIn(mode="short") as server:
        with pytest.raises(EndpointError, match="1 vector cho 2 đoạn"):
            EndpointEmbedder(server.url, "m").embed_documents(["a", "b"])
    with pytest.raises(EndpointError, match="không kết nối được"):
        EndpointEmbedder(f"http://127.0.0.1:{_free_port()}/v1", "m", timeout=5).embed_query("câu hỏi")
