"""Index: chunks -> Chroma (our embeddings) + two BM25 fields + facts, built aside and switched.

Layout of the index folder:

    index/CURRENT                 name of the active build (replaced atomically)
    index/builds/<name>/chroma/   Chroma PersistentClient, collection "chunks"
    index/builds/<name>/chunks.jsonl    chunks with their keyword tokens
    index/builds/<name>/documents.json  per source: sha256, metadata, text, chunk ids
    index/builds/<name>/facts.json      responsibilities, targets, budget lines
    index/builds/<name>/manifest.json   embedder, chunker and facts versions

An ingest copies the active build, applies only what changed (by file content hash), and
switches CURRENT at the end, so an interrupted ingest leaves the previous index in use; a build
left behind by a killed ingest (no manifest, its process gone) is removed by the next one.
A file that fails to load or chunk is skipped on its own and recorded in the manifest with its
content hash, so an unchanged failed file is not read again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import numpy as np

from .bm25 import BM25
from .chunking import CHUNKER_VERSION, Chunker
from .documents import DocumentLoader, failure_reason, file_sha256, load_file
from .embeddings import Embedder
from .errors import IndexMissing
from .facts import FACTS_VERSION, FactExtractor
from .structure import STRUCTURE_VERSION, read_document
from .types import Chunk, Document, DocumentMeta, Facts, IngestReport, LoadLimits
from .vietnamese import folded_terms, segment

COLLECTION = "chunks"
KEEP_BUILDS = 2

Progress = Callable[[float, str], None]
Skipped = Callable[[str, str], None]  # (source, reason), called as soon as a file is skipped
BUILDING = ".building"  # pid of the ingest writing a build, until its manifest is written


class IndexError_(IndexMissing):
    """The index is missing or unusable; the message says what to do."""


@dataclass
class DocumentRecord:
    source: str
    sha256: str
    meta: DocumentMeta
    text: str
    chunk_ids: list[str]
    indexed_at: float

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "meta": self.meta.to_dict(),
            "text": self.text,
            "chunk_ids": self.chunk_ids,
            "indexed_at": self.indexed_at,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "DocumentRecord":
        return cls(d["source"], d["sha256"], DocumentMeta.from_dict(d["meta"]), d["text"], d["chunk_ids"], d["indexed_at"])

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    chunks: dict[str, Chunk]
    documents: dict[str, DocumentRecord]
    facts: Facts
    words: dict[str, list[str]] = field(default_factory=dict)
    folded: dict[str, list[str]] = field(default_factory=dict)
    _collection: object = None
    _bm25_words: BM25 | None = None
    _bm25_folded: BM25 | None = None

    @property
    def bm25_words(self) -> BM25:
        if self._bm25_words is None:
            self._bm25_words = BM25(self.words)
        return self._bm25_words

    @property
    def bm25_folded(self) -> BM25:
        if self._bm25_folded is None:
            self._bm25_folded = BM25(self.folded)
        return self._bm25_folded

    @property
    def collection(self):
        if self._collection is None:
            self._collection = _open_collection(self.path / "chroma")
        return self._collection

    def chunks_of(self, source: str) -> list[Chunk]:
        rec = self.documents.get(source)
        return [self.chunks[i] for i in rec.chunk_ids if i in self.chunks] if rec else []


def _open_collection(path: Path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
    # embedding_function=None: we always pass our own vectors; Chroma's default would download a model.
    return client.get_or_create_collection(COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"})


def _release_chroma() -> None:
    try:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # pragma: no cover - older/newer chromadb
        pass


class IndexStore:
    """Reads and switches builds of one index folder."""

    def __init__(self, index_dir: Path):
        self.root = Path(index_dir)

    @property
    def current_file(self) -> Path:
        return self.root / "CURRENT"

    def current_path(self) -> Path | None:
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        path = self.root / "builds" / name
        return path if name and (path / "manifest.json").exists() else None

    def exists(self) -> bool:
        return self.current_path() is not None

    def load(self) -> LoadedIndex:
        path = self.current_path()
        if path is None:
            raise IndexError_(f"chưa có chỉ mục trong {self.root}: hãy chạy `assistant ingest` trước")
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        chunks: dict[str, Chunk] = {}
        words: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        with open(path / "chunks.jsonl", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                chunk = Chunk.from_dict(rec["chunk"])
                chunks[chunk.id] = chunk
                words[chunk.id] = rec["words"]
                folded[chunk.id] = rec["folded"]
        docs = json.loads((path / "documents.json").read_text(encoding="utf-8"))
        documents = {s: DocumentRecord.from_dict(d) for s, d in docs.items()}
        facts = Facts.from_dict(json.loads((path / "facts.json").read_text(encoding="utf-8")))
        return LoadedIndex(path, manifest, chunks, documents, facts, words, folded)

    def new_build(self) -> Path:
        name = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        path = self.root / "builds" / name
        path.mkdir(parents=True)
        return path

    def switch(self, build: Path) -> None:
        tmp = self.root / f".CURRENT.{uuid.uuid4().hex}"
        tmp.write_text(build.name, encoding="utf-8")
        os.replace(tmp, self.current_file)
        self._prune(keep=build.name)

    def _prune(self, keep: str) -> None:
        builds = sorted((self.root / "builds").iterdir(), key=lambda p: p.name)
        stale = [b for b in builds if b.name != keep][: max(0, len(builds) - KEEP_BUILDS)]
        for b in stale:
            shutil.rmtree(b, ignore_errors=True)


class Indexer:
    """knowledge folder -> a new build of the index, re-embedding only changed files."""

    def __init__(self, index_dir: Path, embedder: Embedder, chunker: Chunker | None = None,
                 extractor: FactExtractor | None = None, limits: LoadLimits | None = None):
        self.store = IndexStore(index_dir)
        self.embedder = embedder
        self.chunker = chunker or Chunker()
        self.extractor = extractor or FactExtractor()
        self.limits = limits or LoadLimits()

    def manifest(self) -> dict:
        return {
            "embedder": self.embedder.name,
            "chunker": f"{CHUNKER_VERSION}:{self.chunker.max_chars}:{self.chunker.min_chars}",
            "facts": FACTS_VERSION,
            "structure": STRUCTURE_VERSION,
            "format": 1,
        }

    def read(self, path: Path, source: str) -> tuple[Document, list[Chunk], Facts]:
        """One file -> its document, chunks and facts; raises whatever goes wrong with it."""
        doc = load_file(path, source, self.limits)
        # One parse of the document model (structure.py): metadata, chunks and facts from its
        # logical lines, mapped back to the file's lines.
        meta, chunks, facts = read_document(doc, self.chunker, self.extractor, hard_chars=self.chunker.hard_chars)
        return replace(doc, meta=meta), chunks, facts

    def run(self, knowledge_dir: Path, progress: Progress | None = None, force: bool = False,
            on_skip: Skipped | None = None) -> IngestReport:
        t0 = time.perf_counter()
        progress = progress or (lambda f, m: None)
        report = IngestReport()
        knowledge_dir = Path(knowledge_dir)
        if not knowledge_dir.is_dir():
            raise IndexError_(f"không tìm thấy thư mục tài liệu: {knowledge_dir}")
        clean_interrupted_builds(self.store.root)
        loader = DocumentLoader(knowledge_dir, self.limits)
        manifest = self.manifest()
        failed: dict[str, dict] = {}  # source -> {"sha256", "reason"}: recorded in the manifest

        def skip(source: str, reason: str, sha: str = "") -> None:
            report.failed[source] = reason
            if sha:
                failed[source] = {"sha256": sha, "reason": reason}
            if on_skip is not None:
                on_skip(source, reason)

        previous: LoadedIndex | None = None
        if self.store.exists() and not force:
            try:
                previous = self.store.load()
            except Exception:
                previous = None  # unreadable: rebuild from scratch
            if previous is not None and {k: previous.manifest.get(k) for k in manifest} != manifest:
                previous = None
        report.rebuilt = previous is None

        # What changed, by content hash.
        current, refused = loader.scan()
        for source, reason in refused.items():
            skip(source, reason)
        old_docs = previous.documents if previous else {}
        failed_before = (previous.manifest.get("failed") or {}) if previous else {}
        to_load: list[str] = []
        hashes: dict[str, str] = {}
        for source, path in current.items():
            try:
                hashes[source] = file_sha256(path)
            except OSError as exc:
                skip(source, f"không đọc được tệp: {exc.strerror}")
                continue
            if source in old_docs and old_docs[source].sha256 == hashes[source]:
                report.unchanged.append(source)
            elif failed_before.get(source, {}).get("sha256") == hashes[source]:
                skip(source, failed_before[source]["reason"], hashes[source])  # failed before, unchanged
            else:
                to_load.append(source)
        removed = [s for s in old_docs if s not in current]

        if previous is not None and not to_load and not removed:
            report.chunks = len(previous.chunks)
            report.seconds = time.perf_counter() - t0
            progress(1.0, "Chỉ mục đã cập nhật, không có thay đổi")
            return report

        # Build aside.
        build = self.store.new_build()
        (build / BUILDING).write_text(str(os.getpid()), encoding="utf-8")
        try:
            if previous is not None:
                _release_chroma()
                shutil.copytree(previous.path / "chroma", build / "chroma")
            documents = dict(old_docs)
            chunks = dict(previous.chunks) if previous else {}
            words = dict(previous.words) if previous else {}
            folded = dict(previous.folded) if previous else {}
            facts_by_source = _facts_by_source(previous.facts) if previous else {}
            collection = _open_collection(build / "chroma")

            for source in removed:
                _drop(source, documents, chunks, words, folded, facts_by_source, collection)
                report.removed.append(source)

            for n, source in enumerate(to_load):
                progress(0.05 + 0.9 * n / max(1, len(to_load)), f"Đang xử lý {source}")
                try:
                    doc, new_chunks, new_facts = self.read(current[source], source)
                except Exception as exc:  # caught at the file boundary: the others go on
                    skip(source, failure_reason(exc), hashes[source])
                    continue  # an earlier good version, if any, stays in the index
                vectors = embed_unique(self.embedder, [c.indexed_text for c in new_chunks])
                existed = source in documents
                _drop(source, documents, chunks, words, folded, facts_by_source, collection)
                if new_chunks:
                    collection.upsert(
                        ids=[c.id for c in new_chunks],
                        embeddings=[v.tolist() for v in vectors],
                        documents=[c.indexed_text for c in new_chunks],
                        metadatas=[{"source": c.source, "start_line": c.start_line, "end_line": c.end_line} for c in new_chunks],
                    )
                for c in new_chunks:
                    chunks[c.id] = c
                    words[c.id] = segment(c.indexed_text)
                    folded[c.id] = folded_terms(c.indexed_text)
                documents[source] = DocumentRecord(source, doc.sha256, doc.meta, doc.text, [c.id for c in new_chunks], time.time())
                facts_by_source[source] = new_facts
                (report.updated if existed else report.added).append(source)

            progress(0.97, "Đang lưu chỉ mục")
            _write_json(build / "documents.json", {s: d.to_dict() for s, d in documents.items()})
            all_facts = Facts()
            for source in sorted(facts_by_source):
                all_facts.extend(facts_by_source[source])
            _write_json(build / "facts.json", all_facts.to_dict())
            with open(build / "chunks.jsonl", "w", encoding="utf-8") as fh:
                for cid, chunk in chunks.items():
                    fh.write(json.dumps({"chunk": chunk.to_dict(), "words": words[cid], "folded": folded[cid]}, ensure_ascii=False) + "\n")
            _write_json(build / "manifest.json", {**manifest, "built_at": time.time(), "documents": len(documents),
                                                  "chunks": len(chunks), "failed": failed})
            (build / BUILDING).unlink(missing_ok=True)
            del collection
            _release_chroma()
            self.store.switch(build)
        except BaseException:
            _release_chroma()
            shutil.rmtree(build, ignore_errors=True)
            raise
        report.chunks = len(chunks)
        report.seconds = time.perf_counter() - t0
        progress(1.0, "Xong")
        return report


def embed_unique(embedder: Embedder, texts: list[str]):
    """Vectors of texts, each distinct text embedded once (a document that repeats itself,
    hostile or not, costs what its distinct passages cost)."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == len(texts):
        return embedder.embed_documents(texts)
    vectors = embedder.embed_documents(distinct)
    row = {t: i for i, t in enumerate(distinct)}
    return np.asarray(vectors)[[row[t] for t in texts]]


def clean_interrupted_builds(root: Path) -> list[str]:
    """Remove the builds a killed ingest left behind: no manifest (it is written last), not
    CURRENT, and the process that wrote them is gone. Returns their names."""
    builds = Path(root) / "builds"
    if not builds.is_dir():
        return []
    try:
        current = (Path(root) / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        current = ""
    removed = []
    for build in sorted(builds.iterdir()):
        if build.name == current or (build / "manifest.json").exists() or _builder_alive(build):
            continue
        shutil.rmtree(build, ignore_errors=True)
        removed.append(build.name)
    for tmp in Path(root).glob(".CURRENT.*"):  # a switch killed between its write and its rename
        try:
            if time.time() - tmp.stat().st_mtime > 60:
                tmp.unlink()
        except OSError:
            pass
    return removed


def _builder_alive(build: Path) -> bool:
    try:
        pid = int((build / BUILDING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        try:
            return time.time() - build.stat().st_mtime < 60  # just created, marker not yet written
        except OSError:
            return True  # gone already
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _facts_by_source(facts: Facts) -> dict[str, Facts]:
    out: dict[str, Facts] = {}
    for r in facts.responsibilities:
        out.setdefault(r.source, Facts()).responsibilities.append(r)
    for t in facts.targets:
        out.setdefault(t.source, Facts()).targets.append(t)
    for b in facts.budget:
        out.setdefault(b.source, Facts()).budget.append(b)
    return out


def _drop(source, documents, chunks, words, folded, facts_by_source, collection) -> None:
    rec = documents.pop(source, None)
    facts_by_source.pop(source, None)
    if rec is None:
        return
    ids = [i for i in rec.chunk_ids if i in chunks]
    for i in ids:
        chunks.pop(i, None)
        words.pop(i, None)
        folded.pop(i, None)
    if ids:
        collection.delete(ids=ids)


def _write_json(path: Path, data) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
