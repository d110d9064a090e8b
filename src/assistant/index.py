"""Index: chunks -> Chroma (our embeddings) + two BM25 fields + facts, in generations.

Layout of the index folder:

    index/CURRENT                       name of the active generation (replaced atomically)
    index/chroma/                       Chroma PersistentClient shared by every generation
                                        (or a Chroma server: ASSISTANT_CHROMA_URL)
    index/parts/<key>.json              one document as indexed: record, chunks, vector ids, facts
    index/parts/<key>.tokens.json       its chunks' keyword tokens (read by ingest, not by questions)
    index/parts/<key>.view.json         its logical lines as parsed at ingest (structure.py), read by
                                        questions instead of parsing the document again
    index/builds/<name>/manifest.json   embedder, chunker, facts versions; collection; source -> part
    index/builds/<name>/bm25-words/     bm25s matrices over pyvi words (memory-mapped when loaded)
    index/builds/<name>/bm25-folded/    the same over accent-folded syllables

Parts and vectors are immutable and named by their content: a vector's id is a hash of its
chunk id and the text embedded, a part's key a hash of the file's bytes and the versions that
made it. A generation is only a small manifest listing its parts (and its BM25 matrices, which
depend on every passage). An ingest writes the parts of the files that changed, embeds only the
chunks whose text is new (a chunk that moved keeps its vector), writes the next generation
aside and switches CURRENT: a reader keeps the generation it loaded, and asks Chroma only for
vectors of that generation, so it never sees a half-built index. Vectors and parts that no kept
generation uses any more are deleted after the switch.

A build left behind by a killed ingest (no manifest, its process gone) is removed by the next one.
A file that fails to load or chunk is skipped on its own and recorded in the manifest with its
content hash, so an unchanged failed file is not read again.
"""

from __future__ import annotations

import hashlib
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
from .structure import STRUCTURE_VERSION, LogicalView, read_document
from .types import Chunk, Document, DocumentMeta, Facts, IngestReport, LoadLimits
from .vietnamese import folded_terms, segment

COLLECTION_PREFIX = "chunks-"
KEEP_BUILDS = 2
FORMAT = 2

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


def vector_id(chunk: Chunk) -> str:
    """Chroma id of a chunk's vector: changes whenever the embedded text does."""
    return hashlib.sha1(f"{chunk.id}\x00{chunk.indexed_text}".encode("utf-8")).hexdigest()[:24]


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Part:
    """One document as indexed (the unit written by an ingest)."""

    key: str
    record: DocumentRecord
    chunks: list[Chunk]
    vectors: list[str]  # Chroma ids, one per chunk
    facts: Facts

    def to_dict(self) -> dict:
        return {"key": self.key, "record": self.record.to_dict(), "chunks": [c.to_dict() for c in self.chunks],
                "vectors": self.vectors, "facts": self.facts.to_dict()}

    @classmethod
    def from_dict(cls, d: dict) -> "Part":
        return cls(d["key"], DocumentRecord.from_dict(d["record"]), [Chunk.from_dict(c) for c in d["chunks"]],
                   d["vectors"], Facts.from_dict(d["facts"]))


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    chunks: dict[str, Chunk]
    documents: dict[str, DocumentRecord]
    facts: Facts
    vectors: dict[str, str] = field(default_factory=dict)  # Chroma id -> chunk id, this generation only
    store: "IndexStore | None" = None
    _collection: object = None
    _bm25_words: BM25 | None = None
    _bm25_folded: BM25 | None = None
    _tokens: tuple[dict, dict] | None = None

    @property
    def bm25_words(self) -> BM25:
        if self._bm25_words is None:
            self._bm25_words = BM25.load(self.path / "bm25-words")
        return self._bm25_words

    @property
    def bm25_folded(self) -> BM25:
        if self._bm25_folded is None:
            self._bm25_folded = BM25.load(self.path / "bm25-folded")
        return self._bm25_folded

    @property
    def collection(self):
        if self._collection is None:
            store = self.store or IndexStore(self.path.parents[1])
            self._collection = store.collection(self.manifest["collection"], fresh=True)
        return self._collection

    def _load_tokens(self) -> tuple[dict, dict]:
        if self._tokens is None:
            words: dict[str, list[str]] = {}
            folded: dict[str, list[str]] = {}
            parts_dir = self.path.parents[1] / "parts"
            for key in self.manifest["parts"].values():
                tok = _read_json(parts_dir / f"{key}.tokens.json")
                words.update(zip(tok["ids"], tok["words"]))
                folded.update(zip(tok["ids"], tok["folded"]))
            self._tokens = (words, folded)
        return self._tokens

    @property
    def words(self) -> dict[str, list[str]]:
        """chunk id -> pyvi word tokens (read from the parts on first use; questions do not need them)."""
        return self._load_tokens()[0]

    @property
    def folded(self) -> dict[str, list[str]]:
        return self._load_tokens()[1]

    def chunks_of(self, source: str) -> list[Chunk]:
        rec = self.documents.get(source)
        return [self.chunks[i] for i in rec.chunk_ids if i in self.chunks] if rec else []

    def logical_view(self, source: str) -> LogicalView:
        """A document's logical lines as its ingest parsed them (parts/<key>.view.json), read on
        first use. A part written before views were stored has none (nor has one that a later
        ingest pruned under a long-running reader): its view is then derived from the text."""
        key = self.manifest["parts"].get(source)
        try:
            return LogicalView.from_data(_read_json(self.path.parents[1] / "parts" / f"{key}.view.json"))
        except FileNotFoundError:
            return LogicalView(self.documents[source].lines)


_CLIENTS: dict[str, object] = {}


def chroma_client(index_root: Path, url: str = "", fresh: bool = False):
    """One client per Chroma location in this process: a server at `url`, else index/chroma/.

    `fresh` (embedded only): a new client that reads the files as they are now. An embedded
    client's vector index lives in memory and does not see what another process (an `assistant
    ingest` beside a running `assistant serve`) added since it opened; each loaded generation
    therefore opens its own. Objects of the previous client keep working for questions in flight."""
    key = url or str(Path(index_root).resolve() / "chroma")
    if fresh and not url:
        _CLIENTS.pop(key, None)
        try:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient._identifier_to_system.pop(key, None)
        except Exception:  # pragma: no cover - older/newer chromadb
            pass
    client = _CLIENTS.get(key)
    if client is None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if url:
            from urllib.parse import urlparse

            u = urlparse(url if "://" in url else f"http://{url}")
            try:
                client = chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or (443 if u.scheme == "https" else 8000),
                                             ssl=u.scheme == "https", settings=settings)
                client.heartbeat()
            except Exception as exc:
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise IndexError_(f"không kết nối được máy chủ Chroma {url} ({reason}): hãy chạy `chroma run` "
                                  "hoặc bỏ ASSISTANT_CHROMA_URL") from exc
        else:
            client = chromadb.PersistentClient(path=key, settings=settings)
        _CLIENTS[key] = client
    return client


def release_chroma() -> None:
    """Close the embedded Chroma clients of this process (so their files can be copied)."""
    _CLIENTS.clear()
    try:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # pragma: no cover - older/newer chromadb
        pass


class IndexStore:
    """Reads and switches the generations of one index folder."""

    def __init__(self, index_dir: Path, chroma_url: str = ""):
        self.root = Path(index_dir)
        self.chroma_url = chroma_url

    @property
    def current_file(self) -> Path:
        return self.root / "CURRENT"

    @property
    def parts_dir(self) -> Path:
        return self.root / "parts"

    def current_path(self) -> Path | None:
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        path = self.root / "builds" / name
        return path if name and (path / "manifest.json").exists() else None

    def exists(self) -> bool:
        return self.current_path() is not None

    def collection(self, name: str, create: bool = False, fresh: bool = False):
        client = chroma_client(self.root, self.chroma_url, fresh=fresh)
        if create:
            # embedding_function=None: we always pass our own vectors; Chroma's default would download a model.
            return client.get_or_create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        try:
            return client.get_collection(name, embedding_function=None)
        except Exception as exc:
            where = self.chroma_url or str(self.root / "chroma")
            raise IndexError_(f"không mở được bộ vector {name} trong {where}: hãy chạy `assistant ingest --rebuild`") from exc

    def load(self) -> LoadedIndex:
        path = self.current_path()
        if path is None:
            raise IndexError_(f"chưa có chỉ mục trong {self.root}: hãy chạy `assistant ingest` trước")
        manifest = _read_json(path / "manifest.json")
        if manifest.get("format") != FORMAT:
            raise IndexError_(f"chỉ mục trong {self.root} có định dạng cũ: hãy chạy `assistant ingest`")
        chunks: dict[str, Chunk] = {}
        documents: dict[str, DocumentRecord] = {}
        vectors: dict[str, str] = {}
        facts = Facts()
        for source in sorted(manifest["parts"]):
            part = self.read_part(manifest["parts"][source])
            documents[source] = part.record
            for chunk, vid in zip(part.chunks, part.vectors):
                chunks[chunk.id] = chunk
                vectors[vid] = chunk.id
            facts.extend(part.facts)
        return LoadedIndex(path, manifest, chunks, documents, facts, vectors, store=self)

    def close(self) -> None:
        """Stop this folder's embedded Chroma client (its files are then complete on disk, and the
        next process to open them need not replay the log). Readers hold clients of their own."""
        if self.chroma_url:
            return
        key = str(self.root.resolve() / "chroma")
        client = _CLIENTS.pop(key, None)
        if client is None:
            return
        try:
            from chromadb.api.shared_system_client import SharedSystemClient

            if SharedSystemClient._identifier_to_system.get(key) is client._system:
                SharedSystemClient._identifier_to_system.pop(key, None)
            client._system.stop()
        except Exception:  # pragma: no cover - older/newer chromadb
            pass

    def manifest(self) -> dict | None:
        """The active generation's manifest, or None (no index, or one of an older format)."""
        path = self.current_path()
        return _manifest_or_none(path) if path else None

    def read_part(self, key: str) -> Part:
        return Part.from_dict(_read_json(self.parts_dir / f"{key}.json"))

    def _drop_vectors(self, stale: dict, kept_manifests: list[dict], kept_parts: set[str]) -> None:
        """Delete the vectors of a stale build's parts that no kept build uses.

        Only parts that differ need reading: a vector id names its source, one part per source."""
        gone = [k for k in stale["parts"].values() if k not in kept_parts]
        if not gone:
            return
        stale_parts = set(stale["parts"].values())
        keep: set[str] = set()
        for m in kept_manifests:
            for k in m["parts"].values():
                if k not in stale_parts:
                    keep.update(self.read_part(k).vectors)
        drop: set[str] = set()
        for k in gone:
            try:
                drop.update(self.read_part(k).vectors)
            except OSError:
                pass
        drop -= keep
        if drop:
            try:
                self.collection(stale["collection"]).delete(ids=sorted(drop))
            except Exception:
                pass  # vectors nobody reads are harmless; a later prune or a rebuild clears them

    def new_build(self) -> Path:
        name = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        path = self.root / "builds" / name
        path.mkdir(parents=True)
        return path

    def switch(self, build: Path) -> None:
        tmp = self.root / f".CURRENT.{uuid.uuid4().hex}"
        tmp.write_text(build.name, encoding="utf-8")
        os.replace(tmp, self.current_file)

    def prune(self, keep: str) -> None:
        """Keep the newest builds; delete what only the others used (vectors, parts, collections)."""
        every = sorted((self.root / "builds").iterdir(), key=lambda p: p.name)
        if any(not (b / "manifest.json").exists() for b in every):
            return  # another ingest is writing a build (its parts are not listed yet): clean up next time
        builds = every
        stale = [b for b in builds if b.name != keep][: max(0, len(builds) - KEEP_BUILDS)]
        if not stale:
            return
        kept = [b for b in builds if b not in stale]
        kept_manifests = [m for m in (_manifest_or_none(b) for b in kept) if m]
        kept_parts = {k for m in kept_manifests for k in m["parts"].values()}
        kept_collections = {m["collection"] for m in kept_manifests}
        for b in stale:
            m = _manifest_or_none(b)
            if m and m["collection"] in kept_collections:
                self._drop_vectors(m, kept_manifests, kept_parts)
            elif m:
                try:
                    chroma_client(self.root, self.chroma_url).delete_collection(m["collection"])
                except Exception:
                    pass
            shutil.rmtree(b, ignore_errors=True)
        if self.parts_dir.is_dir():
            for f in self.parts_dir.iterdir():
                if f.name.split(".", 1)[0] not in kept_parts:
                    f.unlink(missing_ok=True)


def _manifest_or_none(build: Path) -> dict | None:
    try:
        m = _read_json(build / "manifest.json")
    except (OSError, ValueError):
        return None
    return m if m.get("format") == FORMAT else None


class _Rate:
    """Files, chunks, passages per second and time left, for the progress messages."""

    def __init__(self, sizes: list[int]):
        self.total_bytes = max(1, sum(sizes))
        self.files = len(sizes)
        self.done_bytes = 0
        self.chunks = 0
        self.t0 = time.perf_counter()

    def message(self, n: int, source: str) -> str:
        elapsed = time.perf_counter() - self.t0
        text = f"Tệp {n + 1}/{self.files} · {self.chunks} đoạn"
        if self.chunks and elapsed > 0.5:
            text += f" · {self.chunks / elapsed:.1f} đoạn/giây"
        if self.done_bytes and elapsed > 0.5:
            left = elapsed * (self.total_bytes - self.done_bytes) / self.done_bytes
            text += f" · còn khoảng {_duration(left)}"
        return f"{text} · {source}"

    @property
    def fraction(self) -> float:
        return 0.05 + 0.9 * self.done_bytes / self.total_bytes


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} giây"
    if seconds < 5400:
        return f"{round(seconds / 60)} phút"
    return f"{seconds / 3600:.1f} giờ"


class Indexer:
    """knowledge folder -> the next generation of the index, embedding only new chunk texts."""

    def __init__(self, index_dir: Path, embedder: Embedder, chunker: Chunker | None = None,
                 extractor: FactExtractor | None = None, limits: LoadLimits | None = None, chroma_url: str = ""):
        self.store = IndexStore(index_dir, chroma_url)
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
            "format": FORMAT,
        }

    def read(self, path: Path, source: str) -> tuple[Document, list[Chunk], Facts, LogicalView]:
        """One file -> its document, chunks, facts and logical view; raises whatever goes wrong with it."""
        doc = load_file(path, source, self.limits)
        # One parse of the document model (structure.py): metadata, chunks and facts from its
        # logical lines, mapped back to the file's lines; the view is kept for questions.
        view = LogicalView(doc.lines)
        meta, chunks, facts = read_document(doc, self.chunker, self.extractor, hard_chars=self.chunker.hard_chars, view=view)
        return replace(doc, meta=meta), chunks, facts, view

    def _part_key(self, source: str, sha256: str) -> str:
        versions = json.dumps(self.manifest(), sort_keys=True)
        return hashlib.sha1(f"{source}\x00{sha256}\x00{versions}".encode("utf-8")).hexdigest()[:24]

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

        # What changed, by content hash, against the active generation's manifest (its parts are
        # read only when something changed).
        old = None if force else self.store.manifest()
        if old is not None and {k: old.get(k) for k in manifest} != manifest:
            old = None
        current, refused = loader.scan()
        for source, reason in refused.items():
            skip(source, reason)
        hashes: dict[str, str] = {}
        for source, path in current.items():
            try:
                hashes[source] = file_sha256(path)
            except OSError as exc:
                skip(source, f"không đọc được tệp: {exc.strerror}")
        old_hashes: dict[str, str] = old.get("sha256", {}) if old else {}
        failed_before: dict[str, dict] = (old.get("failed") or {}) if old else {}
        # Files that failed before and have not changed are not read again.
        for source, h in list(hashes.items()):
            if old_hashes.get(source) != h and failed_before.get(source, {}).get("sha256") == h:
                skip(source, failed_before[source]["reason"], h)
                del hashes[source]
        if old is not None and all(old_hashes.get(s) == h for s, h in hashes.items()) and set(old_hashes) <= set(current) \
                and set(failed) == set(failed_before):
            report.unchanged = list(hashes)
            report.chunks = old["chunks"]
            report.seconds = time.perf_counter() - t0
            progress(1.0, "Chỉ mục đã cập nhật, không có thay đổi")
            return report

        previous: LoadedIndex | None = None
        if old is not None:
            try:
                previous = self.store.load()
            except Exception:
                previous = None  # unreadable: rebuild from scratch
        report.rebuilt = previous is None
        old_docs = previous.documents if previous else {}
        to_load = [s for s, h in hashes.items() if not (s in old_docs and old_docs[s].sha256 == h)]
        report.unchanged = [s for s in hashes if s not in to_load]
        removed = [s for s in old_docs if s not in current]

        # The next generation, written aside: new parts, new vectors, a new manifest.
        parts: dict[str, str] = dict(previous.manifest["parts"]) if previous else {}
        collection_name = previous.manifest["collection"] if previous else f"{COLLECTION_PREFIX}{uuid.uuid4().hex[:12]}"
        old_vectors = previous.vectors if previous else {}
        build = self.store.new_build()
        (build / BUILDING).write_text(str(os.getpid()), encoding="utf-8")
        self.store.parts_dir.mkdir(parents=True, exist_ok=True)
        written_parts: list[Path] = []
        added_vectors: list[str] = []
        new_sha: dict[str, str] = {}
        collection = None
        try:
            collection = self.store.collection(collection_name, create=True, fresh=True)
            for source in removed:
                parts.pop(source, None)
                report.removed.append(source)
            # Vectors that can be reused by text: the old chunks of the files that change or go.
            reusable: dict[str, str] = {}
            if previous is not None:
                chunk_vid = {cid: vid for vid, cid in old_vectors.items()}
                for source in [*removed, *to_load]:
                    for c in previous.chunks_of(source):
                        reusable.setdefault(_text_key(c.indexed_text), chunk_vid[c.id])

            rate = _Rate([_size(current[s]) for s in to_load])
            for n, source in enumerate(to_load):
                progress(rate.fraction, rate.message(n, source))
                try:
                    doc, new_chunks, new_facts, view = self.read(current[source], source)
                except Exception as exc:  # caught at the file boundary: the others go on
                    skip(source, failure_reason(exc), hashes[source])
                    rate.done_bytes += _size(current[source])
                    continue  # an earlier good version, if any, stays in the index
                vids = [vector_id(c) for c in new_chunks]
                fresh = [(c, v) for c, v in zip(new_chunks, vids) if v not in old_vectors]
                copy = [(c, v, reusable[_text_key(c.indexed_text)]) for c, v in fresh if _text_key(c.indexed_text) in reusable]
                embed = [(c, v) for c, v in fresh if _text_key(c.indexed_text) not in reusable]
                if copy:
                    got = collection.get(ids=[o for _, _, o in copy], include=["embeddings"])
                    by_id = dict(zip(got["ids"], got["embeddings"]))
                    lost = [(c, v) for c, v, o in copy if o not in by_id]
                    copy = [(c, v, o) for c, v, o in copy if o in by_id]
                    embed += lost
                    self._add(collection, [c for c, _, _ in copy], [v for _, v, _ in copy], [by_id[o] for _, _, o in copy])
                    added_vectors += [v for _, v, _ in copy]
                if embed:
                    vectors = embed_unique(self.embedder, [c.indexed_text for c, _ in embed])
                    self._add(collection, [c for c, _ in embed], [v for _, v in embed], [v.tolist() for v in vectors])
                    added_vectors += [v for _, v in embed]
                    report.embedded += len(embed)
                key = self._part_key(source, doc.sha256)
                record = DocumentRecord(source, doc.sha256, doc.meta, doc.text, [c.id for c in new_chunks], time.time())
                part = Part(key, record, new_chunks, vids, new_facts)
                written_parts += self._write_part(part, view)
                (report.updated if source in parts else report.added).append(source)
                parts[source] = key
                new_sha[source] = doc.sha256
                rate.chunks += len(new_chunks)
                rate.done_bytes += _size(current[source])

            progress(0.96, "Đang lập chỉ mục từ khóa")
            chunk_count = 0
            for field_name in ("words", "folded"):  # one field at a time: half the memory at 10^5 passages
                tokens: dict[str, list[str]] = {}
                for source, key in sorted(parts.items()):
                    tok = _read_json(self.store.parts_dir / f"{key}.tokens.json")
                    tokens.update(zip(tok["ids"], tok[field_name]))
                BM25(tokens).save(build / f"bm25-{field_name}")
                chunk_count = len(tokens)
                del tokens
            sha256 = {s: new_sha[s] if s in new_sha else old_docs[s].sha256 for s in parts}
            _write_json(build / "manifest.json", {**manifest, "collection": collection_name, "parts": parts, "sha256": sha256,
                                                  "built_at": time.time(), "documents": len(parts), "chunks": chunk_count,
                                                  "failed": failed})
            (build / BUILDING).unlink(missing_ok=True)
            self.store.switch(build)
        except BaseException:
            if collection is not None and added_vectors:
                try:
                    collection.delete(ids=added_vectors)
                except Exception:
                    pass
            keep = set(previous.manifest["parts"].values()) if previous else set()
            for f in written_parts:
                if f.name.split(".", 1)[0] not in keep:
                    f.unlink(missing_ok=True)
            if previous is None and collection is not None:
                try:
                    chroma_client(self.store.root, self.store.chroma_url).delete_collection(collection_name)
                except Exception:
                    pass
            shutil.rmtree(build, ignore_errors=True)
            self.store.close()
            raise
        progress(0.99, "Đang dọn dữ liệu cũ")
        self.store.prune(keep=build.name)
        self.store.close()
        report.chunks = chunk_count
        report.seconds = time.perf_counter() - t0
        progress(1.0, "Xong")
        return report

    @staticmethod
    def _add(collection, chunks: list[Chunk], vids: list[str], embeddings: list) -> None:
        for i in range(0, len(chunks), 1000):  # bounded requests, also for a Chroma server
            batch = slice(i, i + 1000)
            collection.upsert(
                ids=vids[batch],
                embeddings=embeddings[batch],
                metadatas=[{"source": c.source, "start_line": c.start_line, "end_line": c.end_line, "chunk": c.id}
                           for c in chunks[batch]],
            )

    def _write_part(self, part: Part, view: LogicalView) -> list[Path]:
        """The part's three files, each written whole (temporary name, then renamed); the main
        one last, as the others are of no use without it."""
        base = self.store.parts_dir / part.key
        tokens = {"ids": [c.id for c in part.chunks],
                  "words": [segment(c.indexed_text) for c in part.chunks],
                  "folded": [folded_terms(c.indexed_text) for c in part.chunks]}
        out = []
        for path, data in ((base.with_suffix(".tokens.json"), tokens), (base.with_suffix(".view.json"), view.to_data()),
                           (base.with_suffix(".json"), part.to_dict())):
            tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
            _write_json(tmp, data)
            os.replace(tmp, path)
            out.append(path)
        return out


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_json(path: Path):
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        import orjson  # comes with chromadb; parses the parts of a large library several times faster
    except ImportError:  # pragma: no cover
        return json.loads(raw)
    return orjson.loads(raw)


def _write_json(path: Path, data) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
