"""Answer: Query + hits + facts -> a short Vietnamese answer with citations as data.

Extractive and grounded: the answer states what the document says, in its own words, and
every citation points at the lines that prove it. Structured questions (who leads, who
cooperates, what an agency must do, targets, amounts, signer, document numbers, which plans)
are answered from the facts extracted at ingest; everything else from the best-matching
sentence of the retrieved passages, chosen by what the question asks for. When the
question's key terms are not in the evidence, or it names a province or document the
knowledge base does not have, the answer abstains and shows the closest passages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .config import Settings
from .index import LoadedIndex
from .types import Answer, Citation, Hit, Query
from .vietnamese import (
    DOC_NUMBER,
    QUESTION_WORDS,
    STOPWORDS,
    collapse,
    fold,
    fold_tokens,
    years_in,
)

NO_INFO = "Tài liệu không có thông tin"

_NUMBER = re.compile(r"\d[\d.,]*\s*(%|phần trăm|đồng|triệu|tỷ|nghìn|lượt|người|xã|lớp|quyển|cuốn|kỳ|học viên|cán bộ|cơ sở)?")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)
_SENT_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-+•])|(?<=:)\s+(?=[A-ZĐÀ-Ỹ])")


@dataclass
class Unit:
    """A sentence / clause / table row of a passage, with its line."""

    source: str
    section: str
    start_line: int
    end_line: int
    text: str
    hit_rank: int
    hit_score: float


def key_terms(text: str) -> list[str]:
    """Content syllables and bigrams of a question (folded), question words removed."""
    toks = [t for t in fold_tokens(text) if t not in STOPWORDS and t not in QUESTION_WORDS]
    return toks + [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


class Answerer:
    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self._idf = index.bm25_folded.idf
        self._max_idf = max(self._idf.values()) if self._idf else 1.0

    # ------------------------------------------------------------------ entry point

    def run(self, query: Query, hits: list[Hit]) -> Answer:
        answer = Answer(question=query.text, text="", abstained=False, hits=hits, kind=query.kind,
                        standalone_question=query.standalone)
        missing = self._missing_scope(query)
        if missing:
            return self._abstain(answer, hits, missing)
        if not hits:
            return self._abstain(answer, hits, f"{NO_INFO} về câu hỏi này trong kho tài liệu.")
        units = self._units(hits[:6])
        best = self._pick(query, units)
        if best is None:
            return self._abstain(answer, hits, f"{NO_INFO} về câu hỏi này trong kho tài liệu.")
        unit, coverage = best
        if coverage < self.settings.min_evidence:
            return self._abstain(answer, hits, self._not_found_text(query, hits))
        answer.text = self._compose(query, unit)
        answer.citations = [Citation(unit.source, unit.section, unit.start_line, unit.end_line, unit.text)]
        return answer

    # ------------------------------------------------------------------ abstention

    def _missing_scope(self, query: Query) -> str:
        provinces = {d.meta.province for d in self.index.documents.values() if d.meta.province}
        unknown = [p for p in query.provinces if p not in provinces]
        if unknown and not any(p in provinces for p in query.provinces):
            return f"{NO_INFO} về {', '.join(unknown)}: kho tài liệu hiện không có văn bản nào của địa phương này."
        numbers = {fold(n) for d in self.index.documents.values() for n in [d.meta.number, *d.meta.cites] if n}
        unknown_numbers = [n for n in query.numbers if fold(n) not in numbers and not any(fold(n) in x for x in numbers)]
        if unknown_numbers and len(unknown_numbers) == len(query.numbers):
            return f"{NO_INFO} về văn bản {', '.join(unknown_numbers)}: văn bản này không có trong kho tài liệu."
        return ""

    def _not_found_text(self, query: Query, hits: list[Hit]) -> str:
        sources = []
        for h in hits[:3]:
            rec = self.index.documents.get(h.chunk.source)
            title = rec.meta.title if rec and rec.meta.title else h.chunk.source
            if title not in sources:
                sources.append(title)
        checked = "; ".join(sources[:2])
        return f"{NO_INFO} để trả lời câu hỏi này. Đã tìm trong: {checked}." if checked else f"{NO_INFO} để trả lời câu hỏi này."

    def _abstain(self, answer: Answer, hits: list[Hit], text: str) -> Answer:
        answer.abstained = True
        answer.text = text
        answer.citations = []
        answer.related = [
            Citation(h.chunk.source, h.chunk.section, h.chunk.start_line, h.chunk.end_line, _shorten(h.chunk.text, 300))
            for h in hits[:3]
        ]
        return answer

    # ------------------------------------------------------------------ sentences

    def _units(self, hits: list[Hit]) -> list[Unit]:
        units: list[Unit] = []
        for rank, hit in enumerate(hits):
            c = hit.chunk
            rec = self.index.documents.get(c.source)
            if c.kind == "table":
                for k, row_text in enumerate(c.text.split("\n")):
                    units.append(Unit(c.source, c.section, c.start_line, c.end_line, row_text, rank, hit.score))
                continue
            lines = rec.lines if rec else c.text.split("\n")
            for ln in range(c.start_line, c.end_line + 1):
                line = lines[ln - 1].strip() if ln - 1 < len(lines) else ""
                if not line:
                    continue
                for sent in split_sentences(line):
                    units.append(Unit(c.source, c.section, ln, ln, sent, rank, hit.score))
        return units

    def _weight(self, term: str) -> float:
        return self._idf.get(term, self._max_idf)

    def coverage(self, terms: list[str], text: str) -> float:
        have = set(fold_tokens(text))
        toks = fold_tokens(text)
        have |= {f"{a}_{b}" for a, b in zip(toks, toks[1:])}
        total = sum(self._weight(t) for t in terms)
        if total <= 0:
            return 0.0
        return sum(self._weight(t) for t in terms if t in have) / total

    def _pick(self, query: Query, units: list[Unit]) -> tuple[Unit, float] | None:
        if not units:
            return None
        terms = key_terms(query.standalone)
        best = None
        top_score = max(u.hit_score for u in units) or 1.0
        for u in units:
            context = self._context(u)
            local = self.coverage(terms, u.text)
            wide = self.coverage(terms, context + " " + u.text)
            score = 0.55 * local + 0.25 * wide + 0.2 * (u.hit_score / top_score)
            score += 0.25 * self._type_bonus(query, u.text)
            if best is None or score > best[0]:
                best = (score, u, wide)
        _, unit, wide = best
        return unit, wide

    def _context(self, u: Unit) -> str:
        rec = self.index.documents.get(u.source)
        head = ""
        if rec:
            m = rec.meta
            head = f"{m.title} {m.province} {m.period} {m.number}"
        return f"{head} {u.section}"

    def _type_bonus(self, query: Query, text: str) -> float:
        f = fold(text)
        kind = query.kind
        if kind in ("target", "count", "amount"):
            nums = [m.group(0) for m in _NUMBER.finditer(text) if not re.fullmatch(r"(19|20)\d\d", m.group(0).strip())]
            if not nums:
                return -0.5
            bonus = 0.5
            if kind == "target" and "%" in text:
                bonus += 0.3
            if kind == "amount" and ("dong" in f or "kinh phi" in f):
                bonus += 0.3
            return bonus
        if kind == "lead":
            return 1.0 if "chu tri" in f else 0.0
        if kind == "partner":
            return 1.0 if "phoi hop" in f else 0.0
        if kind == "signer":
            return 1.0 if "nguoi ky" in f else 0.0
        if kind == "number":
            return 1.0 if DOC_NUMBER.search(text) else -0.3
        if kind == "date":
            return 1.0 if _DATE.search(text) else -0.3
        if kind == "rename":
            return 1.0 if re.search(r"doi (ten )?thanh|doi ten", f) else 0.0
        return 0.0

    def _compose(self, query: Query, unit: Unit) -> str:
        text = _shorten(unit.text, 400)
        rec = self.index.documents.get(unit.source)
        where = ""
        if rec and rec.meta.province and fold(rec.meta.province) not in fold(text):
            where = f" ({_doc_label(rec.meta)})"
        return f"{text}{where}"


def _doc_label(meta) -> str:
    parts = []
    if meta.kind:
        parts.append(meta.kind.capitalize())
    if meta.number:
        parts.append(meta.number)
    if meta.province:
        parts.append(meta.province)
    if meta.period and not meta.number:
        parts.append(meta.period)
    return " ".join(parts) if parts else ""


def split_sentences(line: str) -> list[str]:
    parts = [p.strip() for p in _SENT_SPLIT.split(line) if p and p.strip()]
    return parts or [line]


def _shorten(text: str, limit: int) -> str:
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


__all__ = ["Answerer", "NO_INFO", "key_terms", "split_sentences", "math", "years_in"]
