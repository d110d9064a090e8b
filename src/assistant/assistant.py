"""The facade the CLI and the app share: ingest(), ask(), and read access to the library."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import replace
from pathlib import Path

from .answering import Answerer, counted_phrase
from .config import Settings
from .embeddings import Embedder, embedder_for, embedder_from_name
from .errors import AssistantError, IndexMissing, user_message
from .index import Indexer, IndexStore, LoadedIndex, Progress, Skipped
from .library import Library
from .question import bare_time_question, detect_kind, document_fields, find_agency, split_parts, understand
from .retrieval import CrossEncoderReranker, Retriever
from .types import Answer, DocumentInfo, Facts, FileChange, IngestReport, LibraryStatus, LibraryUpdate, Query, Turn
from .vietnamese import years_in


class Assistant:
    """Loads models and the index lazily; `warm_up()` does it ahead of the first question."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None, llm=None):
        self.settings = settings or Settings.from_env()
        self.embedder = embedder or embedder_for(self.settings)
        self._configured_embedder = self.embedder  # what ingest builds with
        self.llm = llm
        self._index: LoadedIndex | None = None
        self._index_path: Path | None = None
        self._lock = threading.RLock()
        self._ingest_lock = threading.Lock()
        # loaded once (lazily on first use), never per question
        self._reranker = CrossEncoderReranker(self.settings.reranker) if self.settings.reranker else None
        self._answerer: Answerer | None = None  # caches outlines and tables of the index it serves
        self._views: tuple[LoadedIndex, list[DocumentInfo], Facts] | None = None  # documents and facts for the app

    # ------------------------------------------------------------------ index

    @property
    def store(self) -> IndexStore:
        return IndexStore(self.settings.index_dir, self.settings.chroma_url)

    def ingest(self, progress: Progress | None = None, force: bool = False, on_skip: Skipped | None = None) -> IngestReport:
        # One ingest at a time; questions keep using the current index meanwhile (the new
        # build is switched in atomically and picked up by the `index` property).
        with self._ingest_lock:
            indexer = Indexer(self.settings.index_dir, self._configured_embedder, chunker=self._chunker(),
                              limits=self.settings.load_limits(), chroma_url=self.settings.chroma_url)
            report = indexer.run(self.settings.knowledge_dir, progress=progress, force=force, on_skip=on_skip)
        with self._lock:
            self._index = None
            self.embedder = self._configured_embedder
        return report

    def _chunker(self):
        from .chunking import Chunker

        return Chunker(self.settings.chunk_max_chars, self.settings.chunk_min_chars, self.settings.chunk_hard_chars)

    @property
    def index(self) -> LoadedIndex:
        with self._lock:
            current = self.store.current_path()
            if self._index is None or current != self._index_path:
                self._index = self.store.load()
                self._index_path = current
                self._match_embedder(self._index.manifest.get("embedder", ""))
            return self._index

    def _match_embedder(self, name: str) -> None:
        """Questions must be embedded by the model that built the index: follow its manifest."""
        if name and name != self.embedder.name:
            other = embedder_from_name(name, self.settings.embed_threads, self.settings)
            if other is None:
                raise IndexMissing(f"chỉ mục được lập bằng mô hình {name}; hãy chạy lại `assistant ingest`")
            self.embedder = other

    def warm_up(self) -> None:
        from .vietnamese import warm_up as warm_vi

        warm_vi()
        if hasattr(self.embedder, "warm_up"):
            self.embedder.warm_up()
        index = self.index
        _ = index.bm25_words, index.bm25_folded, index.collection
        self.embedder.embed_query("khởi động")

    # ------------------------------------------------------------------ the library, for the app and the CLI

    @property
    def library(self) -> Library:
        return Library(self.settings.knowledge_dir, self.settings.max_upload_mb * 1024 * 1024)

    def _loaded(self) -> LoadedIndex | None:
        try:
            return self.index
        except AssistantError:
            return None

    def status(self) -> LibraryStatus:
        try:
            index = self.index
        except AssistantError as exc:
            return LibraryStatus(ready=False, message=str(exc))
        return LibraryStatus(ready=True, documents=len(index.documents), chunks=len(index.chunks),
                             built_at=float(index.manifest.get("built_at") or 0.0))

    def _view(self) -> tuple[list[DocumentInfo], Facts]:
        """The documents and the table view of the facts, made once per index."""
        from .facts_view import readable_facts

        index = self._loaded()
        if index is None:
            return [], Facts()
        with self._lock:
            if self._views is None or self._views[0] is not index:
                docs = [DocumentInfo(r.source, r.meta, r.text, len(r.chunk_ids), r.indexed_at) for r in index.documents.values()]
                facts = readable_facts(index.facts, {r.source: r.meta for r in index.documents.values()})
                self._views = (index, docs, facts)
            return self._views[1], self._views[2]

    def documents(self) -> list[DocumentInfo]:
        """Every indexed document (empty when there is no index yet)."""
        return list(self._view()[0])

    def document(self, source: str) -> DocumentInfo | None:
        return next((d for d in self._view()[0] if d.source == source), None) if source else None

    def facts(self) -> Facts:
        """Responsibilities, targets and budget lines of every document, ready for tables (see facts_view.py)."""
        return self._view()[1]

    def add_files(self, paths: list[Path], progress: Progress | None = None) -> LibraryUpdate:
        """Checks and copies files into the knowledge folder, then updates the index.
        Files that fail to index are taken out again; the previous index stays if the update fails."""
        library = self.library
        update = LibraryUpdate(files=[library.add(Path(p)) for p in paths])
        added = [f for f in update.files if f.ok]
        if not added:
            return update
        self._update_index(update, progress)
        for change in added:
            if update.error:
                library.discard(change)
            elif update.report and change.source in update.report.failed:
                library.discard(change)
                change.problem = f"không đọc được tệp: {update.report.failed[change.source]}."
        return update

    def remove_file(self, source: str, progress: Progress | None = None) -> LibraryUpdate:
        """Moves a document out of the knowledge folder (into its hidden trash) and updates the index."""
        library = self.library
        change = FileChange(name=source, source=source)
        update = LibraryUpdate(files=[change])
        try:
            trashed = library.remove(source)
        except AssistantError as exc:
            change.problem = str(exc)
            return update
        self._update_index(update, progress)
        if update.error:
            library.restore(trashed, source)
        return update

    def _update_index(self, update: LibraryUpdate, progress: Progress | None, force: bool = False) -> None:
        try:
            update.report = self.ingest(progress=progress, force=force)
        except Exception as exc:  # noqa: BLE001 - reported to the user, the old index stays in use
            update.error = user_message(exc)

    def rebuild(self, progress: Progress | None = None) -> LibraryUpdate:
        update = LibraryUpdate()
        self._update_index(update, progress, force=True)
        return update

    # ------------------------------------------------------------------ questions

    def in_file_lines(self, answer: Answer) -> Answer:
        """The answer with its line numbers counted in the files themselves (the command-line
        contract): the same, except for a minified HTML page laid out one block per line."""
        documents = self.index.documents

        def lines_of(source: str) -> list[int]:
            rec = documents.get(source)
            return rec.meta.file_lines if rec else []

        return answer.in_file_lines(lines_of)

    def ask(self, question: str, history: list[Turn] | list[dict] | None = None, sources: list[str] | None = None) -> Answer:
        t0 = time.perf_counter()
        turns = [t if isinstance(t, Turn) else Turn(str(t.get("role", "user")), str(t.get("content", ""))) for t in (history or [])]
        question = (question or "").strip()
        if not question:
            return Answer(question="", text="Vui lòng nhập câu hỏi.", abstained=True, kind="empty")
        if len(question) > 2000:
            question = question[:2000]
        index = self.index
        query = understand(question, turns, sources)
        provinces = [p for p in query.provinces if any(d.meta.province == p for d in index.documents.values())]
        previous = next((t.content for t in reversed(turns) if t.role == "user" and t.content.strip()), "")
        new_years = [y for y in years_in(question) if y not in years_in(previous)]
        if len(provinces) >= 2 and query.kind != "list":
            answer = self._compare(query, provinces)
        elif query.followup and len(new_years) >= 2 and len(years_in(previous)) == 1:
            # "Còn năm 2027 và năm 2028 thì sao?": the previous question once per year
            subs = [understand(f"Còn năm {y} thì sao?", turns, sources) for y in new_years]
            answers = [self._answer(sub) for sub in subs]
            answer = _merge_parts(query, [f"năm {y}" for y in new_years], answers, answers[0].hits)
        elif not query.followup and query.kind in ("target", "count", "amount") and len(set(query.years)) >= 2 and not query.periods:
            # "đến năm 2030 và năm 2035 có bao nhiêu % …": one figure per year named (a period,
            # "2026-2030", is one time and asked as one)
            years = sorted(set(query.years))
            answers = [self._answer(replace(query, years=[y])) for y in years]
            answer = _merge_parts(query, [f"năm {y}" for y in years], answers, answers[0].hits)
        else:
            answer = self._answer(query)
        if self.llm is not None and not answer.abstained:
            from .llm import rephrase

            answer = rephrase(self.llm, query, answer, self.settings)
        answer.latency_ms = (time.perf_counter() - t0) * 1000
        return answer

    def _answer(self, query: Query) -> Answer:
        index = self.index
        hits = Retriever(index, self.embedder, self.settings, self._reranker).run(query)
        answerer = self._answerer_for(index)
        parts = split_parts(query.text) if not query.followup else [query.text]
        if len(parts) > 1 and len(document_fields(query.text)) >= 2:
            parts = [query.text]  # "số hiệu gì và do ai ký": the document's fields, answered together
        if len(parts) == 1:
            return answerer.run(query, hits)
        # "Tổng kinh phí là bao nhiêu, trong đó ngân sách tỉnh bao nhiêu?": each part answered
        # from the same passages, each with its own citation.
        kinds = [detect_kind(part) for part in parts]
        for i in range(1, len(kinds)):
            # "vốn tài trợ bao nhiêu, xã hội hóa bao nhiêu": a bare "bao nhiêu" after a sum asks a sum too
            if kinds[i] == "count" and kinds[0] in ("amount", "target") and not counted_phrase(parts[i]):
                kinds[i] = kinds[0]
        answers = [
            answerer.run(replace(query, kind=kind, focus=part, agency=find_agency(part) or query.agency), hits)
            for part, kind in zip(parts, kinds)
        ]
        return _merge_parts(query, parts, answers, hits)

    def _answerer_for(self, index: LoadedIndex) -> Answerer:
        with self._lock:
            if self._answerer is None or self._answerer.index is not index:
                self._answerer = Answerer(index, self.settings)
            return self._answerer

    def _compare(self, query: Query, provinces: list[str]) -> Answer:
        """A question about several provinces: answer for each one, each with its own citations."""
        parts, citations, hits, related, confidences = [], [], [], [], []
        for province in provinces:
            sources = [d.source for d in self.index.documents.values() if d.meta.province == province]
            if query.sources:
                sources = [s for s in sources if s in query.sources] or sources
            sub = replace(query, provinces=[province], sources=sources, compare=True)
            one = self._answer(sub)
            if not one.abstained:
                confidences.append(one.confidence)
            parts.append(f"{province}: {one.text}")
            citations.extend(one.citations)
            related.extend(one.related)
            hits.extend(h for h in one.hits[:4] if h not in hits)
        abstained = not citations
        return Answer(question=query.text, text=" ".join(parts), abstained=abstained, citations=citations,
                      hits=hits, related=related if abstained else [], kind=query.kind, standalone_question=query.standalone,
                      confidence=min(confidences) if confidences else 0.0)


_DATE_SAID = re.compile(r"thời gian: |\b\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\bqu[ýí]\s+[IV]+\b|tháng\s+\d{1,2}", re.I)
# What an answer about a task already states, by the kind of part that asks it: a task's
# answer names its lead, partners and time together.
_SAID = {"date": _DATE_SAID, "lead": re.compile(r"cơ quan chủ trì", re.I), "partner": re.compile(r"cơ quan phối hợp", re.I)}


# A task's deadline as a plan writes it in the task's own sentence (Nghị định 30/2020 plans:
# "…, hoàn thành trước ngày 31 tháng 12 năm 2026", "…, thực hiện trong Quý III/2026").
_DEADLINE = re.compile(
    r"(?:hoàn thành|hoàn tất|thực hiện|xong|báo cáo|trình)\s+(?:trước|trong|vào|chậm nhất|từ)?\s*(?:ngày\s+)?"
    r"(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|(?:quý|quí)\s+[IV]+(?:/|\s+năm\s+)\d{4}|tháng\s+\d{1,2}(?:/|\s+năm\s+)\d{4}|năm\s+\d{4})",
    re.I)


def _deadline_of(citations) -> str:
    """The deadline stated in a passage already cited for a task ("" when none is)."""
    found = (_DEADLINE.search(c.quote or "") for c in citations)
    return next((m.group(0) for m in found if m), "")


def _merge_parts(query: Query, parts: list[str], answers: list[Answer], hits) -> Answer:
    found = [a for a in answers if not a.abstained]
    if not found:
        return answers[0]
    texts: list[str] = []
    citations = []
    said = " ".join(a.text for a in found)
    missing = 0
    for part, a in zip(parts, answers):
        covered = a.kind in ("lead", "partner") and _SAID[a.kind].search(" ".join(texts))
        if a.kind == "date" and texts and bare_time_question(part) and _DATE_SAID.search(" ".join(texts)):
            continue  # "ai chủ trì, hạn khi nào?": the task's answer already gave its time
        if a.abstained:
            if a.kind in _SAID and _SAID[a.kind].search(said):
                continue  # "… chủ trì, và hạn hoàn thành khi nào?": the task's answer gave its time
            deadline = _deadline_of(citations) if a.kind == "date" else ""
            if deadline:
                # "… phối hợp với ai, hạn khi nào?": the passage that answered the task (already cited) states its deadline
                texts.append(f"Thời hạn: {deadline}.")
                continue
            missing += 1
            texts.append(f"Không tìm thấy thông tin cho ý “{part.strip(' ,?')}”.")
            continue
        known = {(d.source, d.start_line, d.end_line) for d in citations}
        if covered and a.citations and all((c.source, c.start_line, c.end_line) in known for c in a.citations):
            continue  # "ai chủ trì, phối hợp với ai?": one task, already answered with both
        if a.text not in texts:
            texts.append(a.text)
        for c in a.citations:
            if all((c.source, c.start_line, c.end_line) != (d.source, d.start_line, d.end_line) for d in citations):
                citations.append(c)
    if missing and (2 * missing > len(answers) or min(a.confidence for a in found) < 0.6):
        # Most parts, or the parts found only weakly, are not in the documents: no answer is
        # given as if complete. What was found is shown with its passages as "có thể liên quan"
        # (related), the missing parts named. Otherwise the answer states what it found and
        # names, part by part, what the documents do not say.
        return Answer(question=query.text, text="Tài liệu không có đủ thông tin cho mọi ý của câu hỏi. " + " ".join(texts),
                      abstained=True, citations=[], related=citations, hits=hits, kind=found[0].kind,
                      standalone_question=query.standalone, confidence=0.0)
    return Answer(question=query.text, text=" ".join(texts), abstained=False, citations=citations, hits=hits,
                  kind=found[0].kind, standalone_question=query.standalone,
                  confidence=min(a.confidence for a in found))
