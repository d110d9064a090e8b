"""Answer: Query + hits + facts -> a short Vietnamese answer with citations as data.

Extractive and grounded: the answer states what the document says, in its own words, and
every citation points at the lines that prove it. Structured questions (who leads, who
cooperates, what an agency must do, signer, which plans) are answered from the facts and
metadata extracted at ingest; the others from the sentence or table row of the retrieved
passages that has what the question asks for (a number for "bao nhiêu", a document number
for "quyết định nào", ...), read together with its section path and document.

Before answering, an answerability check: the question's province and document must be in
the knowledge base, its years must be those of the evidence, and its key terms must be
covered by the evidence; otherwise the answer abstains and shows the closest passages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from .config import Settings
from .index import DocumentRecord, LoadedIndex
from .chunking import outline
from .tables import find_tables
from .facts import is_agency_start
from .question import bare_time_question, document_fields, find_agency, same_number
from .types import Answer, Citation, DocumentMeta, Hit, Query, Responsibility
from .vietnamese import DOC_NUMBER, QUESTION_WORDS, STOPWORDS, collapse, expand_abbreviations, find_provinces, fold, fold_tokens, has_diacritics, nfc, periods_in, years_in

NO_INFO = "Tài liệu không có thông tin"

_NUMBER = re.compile(r"\d[\d.,]*")
_MONEY = re.compile(r"\d[\d.,]*\s*(đồng|đ\b|triệu|tỷ|nghìn|ngàn|USD|\$)|(kinh phí|dự toán|ngân sách)[^.;]{0,60}\d[\d.,]{3,}", re.I)
_MONEY_WORD = re.compile(r"đồng|kinh phí|ngân sách|nguồn vốn|\bvốn\b|dự toán", re.I)
# A deadline in an assignment: "(thời gian) hoàn thành (trong|trước) Quý II/2027", "trước ngày 20/9".
_DEADLINE = re.compile(
    r"(?:thời gian (?:hoàn thành|hoàn tất|thực hiện)|hoàn thành|hoàn tất|thực hiện xong|xong)\s*(?:trong|trước|vào|chậm nhất)?\s*(?:ngày\s+)?"
    r"(?:qu[ýí]\s+[IV]+\s*[/-]\s*\d{4}|qu[ýí]\s+[IV]+\s+năm\s+\d{4}|tháng\s+\d{1,2}\s*[/-]\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}(?:/\d{4})?|năm\s+\d{4})"
    r"|trước ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?",
    re.I,
)
# A cited document's number, the State's ("05/2024/QĐ-TTg") or the Party's ("46-CT/TW", "57-NQ/TW"),
# and its date.
_DATED_REFERENCE = re.compile("(?:" + DOC_NUMBER.pattern + r"|\b\d{1,4}-[A-ZĐ]{1,4}/[A-ZĐ]{1,4}\b)\s*,?\s*ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", re.I)
_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(/\d{4})?\b|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|\bqu[ýí]\s+(I{1,3}|IV|[1-4])\b|tháng\s+\d{1,2}(/\d{4})?|năm\s+\d{4}"
    # the effect clause of Nghị định 30/2020: "có hiệu lực (thi hành) kể từ ngày ký / ban hành"
    r"|\btừ ngày (?:ký|ban hành)\b",
    re.I,
)

# Words that say what kind of question it is, not what it is about (folded): two-syllable
# phrases first, then single syllables.
_KIND_PHRASES = frozenset(
    """co quan|don vi|chu tri|phoi hop|trach nhiem|nhiem vu|muc tieu|phan dau|chi tieu|bao nhieu|phan tram|ty le|
    kinh phi|so luong|ke hoach|giai doan|ti le|quyet dinh|van ban|ban hanh|thuc hien|tai lieu|doi ten|nguoi ky|thanh pho|
    de an|chuong trinh|du toan|the nao|nhu the|cu the|so sanh|noi dung|de cap|lien quan|thi sao|ap dung|hieu luc|can cu|kem theo|dua tren|thoi han|hoan thanh|thoi gian|nhieu tien|lay tu|tu nguon|nguon nao|tu dau|so may|so hieu|ky hieu|trong so|thu vien|cho biet|
    bat dau|ket thuc|ve dau|o dau|den dau|truoc ngay|sau ngay|tu ngay|moc nao|thoi diem|
    liet ke|cho minh|cho toi|giup minh|giup toi|cho em|xin cho|du kien|han chot|han cuoi|bao gio|cho hoi|xin hoi""".split("|")
)
_KIND_PHRASES = frozenset(p.strip() for p in _KIND_PHRASES)
_KIND_SINGLE = frozenset("tinh nam dat giao lam ki theo kho chi gom chiem xong phai".split())


# Verbs and nouns every plan uses ("hỗ trợ", "triển khai", ...): weak evidence either way.
_GENERIC = frozenset(
    """ho tro|thuc hien|trien khai|xay dung|to chuc|nang cao|phat trien|tang cuong|dam bao|bao dam|day manh|
    cong tac|hoat dong|tham gia|lien quan|cac cap|cu the|tiep tuc|duoc|viec|nguoi|su dung""".split("|")
)
_GENERIC = frozenset(p.strip() for p in _GENERIC)
_GENERIC_SYLLABLES = frozenset(w for p in _GENERIC for w in p.split())


def _kind_mask(toks: list[str]) -> list[bool]:
    """True for tokens that belong to a kind phrase."""
    mask = [False] * len(toks)
    for i, t in enumerate(toks):
        if i + 1 < len(toks) and f"{t} {toks[i + 1]}" in _KIND_PHRASES:
            mask[i] = mask[i + 1] = True
        elif t in _KIND_SINGLE:
            mask[i] = True
    return mask


@dataclass
class Unit:
    """A sentence, clause or table row of a retrieved passage, with its lines."""

    source: str
    section: str
    start_line: int
    end_line: int
    text: str
    hit_rank: int
    hit_score: float
    context: str = ""  # the whole line and passage: where years and periods are often stated
    frame: str = ""  # a table row's column headers and section
    under_heading: bool = False  # read from the block under a heading that names what is asked


def key_terms(text: str) -> list[str]:
    """Content syllables and bigrams of a question (folded), question words removed."""
    toks = [t for t in fold_tokens(text) if t not in STOPWORDS and t not in QUESTION_WORDS]
    return toks + [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


def _terms_of(text: str) -> set[str]:
    toks = fold_tokens(text)
    return set(toks) | {f"{a}_{b}" for a, b in zip(toks, toks[1:])}


class Answerer:
    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self._idf = index.bm25_folded.idf
        self._max_idf = max(self._idf.values()) if self._idf else 1.0
        self._views: dict[str, tuple] = {}  # source -> (logical view, its tables, its outline)
        self._duties: dict[str, list[Responsibility]] | None = None  # source -> its responsibilities

    # ------------------------------------------------------------------ entry point

    def run(self, query: Query, hits: list[Hit]) -> Answer:
        answer = Answer(question=query.text, text="", abstained=False, hits=hits, kind=query.kind,
                        standalone_question=query.standalone)
        missing = self._missing_scope(query)
        if missing:
            return self._abstain(answer, hits, missing)
        if not hits:
            return self._abstain(answer, hits, f"{NO_INFO} về câu hỏi này trong kho tài liệu.")
        docs = self._candidate_docs(query, hits)
        result = None
        fields = document_fields(query.focus or query.text) if query.kind != "list" else []
        if fields:
            result = self._answer_document(query, docs, fields)
            if result is None and fields == ["signer"]:
                # the signer is only ever in the signature block: no sentence can stand in for it
                return self._abstain(answer, hits, self._not_found_text(query, hits))
        strategies = {
            "list": self._answer_list,
            "lead": self._answer_responsibility,
            "partner": self._answer_responsibility,
            "duty": self._answer_duty,
        }
        strategy = strategies.get(query.kind)
        if result is None and strategy is not None:
            result = strategy(query, docs, hits)
            if result is None and query.kind == "list":  # a question over the library is not answered by one sentence
                return self._abstain(answer, hits, self._not_found_text(query, hits))
        if result is None and query.kind == "what":
            result = self._answer_definition(query, docs)
        if result is None and (query.kind == "what" or (query.kind == "duty" and not query.agency)):
            result = self._answer_section(query, docs)
        if result is None:
            if query.kind == "what" and not self._topic_terms(query, docs[0] if docs else None):
                return self._abstain(answer, hits, "Câu hỏi chưa nói rõ cần tìm thông tin gì; vui lòng hỏi cụ thể hơn (ví dụ: cơ quan nào chủ trì…, mục tiêu năm 2030…).")
            result = self._answer_from_sentences(query, hits)
        if result is None and query.kind == "count":
            result = self._count_listed(query, docs)
        if result is None:
            return self._abstain(answer, hits, self._not_found_text(query, hits))
        answer.text, answer.citations, answer.confidence = result
        if answer.confidence < self.settings.min_confidence:
            return self._abstain(answer, hits, self._not_found_text(query, hits))
        answer.hits = self._read_first(hits, answer.citations)
        return answer

    def _read_first(self, hits: list[Hit], citations: list[Citation]) -> list[Hit]:
        """The passages the answer was read from come first (the reader's own ranking); a
        passage read by the document's structure (its header, its signature block) is added."""
        top = max((h.score for h in hits), default=1.0)
        used: list[Hit] = []
        for c in citations:
            held = next((h for h in hits if h.chunk.source == c.source and h.chunk.start_line <= c.end_line and c.start_line <= h.chunk.end_line), None)
            if held is None:
                chunk = next((ch for ch in self.index.chunks_of(c.source) if ch.start_line <= c.end_line and c.start_line <= ch.end_line), None)
                held = Hit(chunk, top, {"reader": 1.0}) if chunk is not None else None
            if held is not None and all(held.chunk.id != u.chunk.id for u in used):
                used.append(held)
        # scores stay in descending order: the passages read are ranked just above the rest
        ranked = [replace(h, score=round(top + 0.001 * (len(used) - i), 4)) for i, h in enumerate(used)]
        return ranked + [h for h in hits if all(h.chunk.id != u.chunk.id for u in used)]

    # ------------------------------------------------------------------ scope and abstention

    def _missing_scope(self, query: Query) -> str:
        provinces = {d.meta.province for d in self.index.documents.values() if d.meta.province}
        unknown = [p for p in query.provinces if p not in provinces]
        if unknown and not any(p in provinces for p in query.provinces):
            return f"{NO_INFO} về {', '.join(unknown)}: kho tài liệu hiện không có văn bản nào của địa phương này."
        numbers = {fold(n) for d in self.index.documents.values() for n in [d.meta.number, *d.meta.cites] if n}
        # a full number ("45/KH-UBND") that no document has or cites is not in the library; a
        # bare one ("KH 45") that none has may mean something else and decides nothing
        unknown_numbers = [n for n in query.numbers if "/" in n and not any(fold(n) in x or x in fold(n) for x in numbers)]
        if unknown_numbers and len(unknown_numbers) == len(query.numbers):
            return f"{NO_INFO} về văn bản {', '.join(unknown_numbers)}: văn bản này không có trong kho tài liệu."
        return ""

    def _not_found_text(self, query: Query, hits: list[Hit]) -> str:
        titles: list[str] = []
        for h in hits[:3]:
            rec = self.index.documents.get(h.chunk.source)
            title = _doc_label(rec.meta, rec.source) if rec else h.chunk.source
            if title not in titles:
                titles.append(title)
        checked = "; ".join(titles[:2])
        return f"{NO_INFO} để trả lời câu hỏi này. Đã kiểm tra: {checked}." if checked else f"{NO_INFO} để trả lời câu hỏi này."

    def _abstain(self, answer: Answer, hits: list[Hit], text: str) -> Answer:
        answer.abstained = True
        answer.text = text
        answer.citations = []
        answer.related = [
            Citation(h.chunk.source, h.chunk.section, h.chunk.start_line, h.chunk.end_line, _shorten(h.chunk.text, 300))
            for h in hits[:3]
        ]
        return answer

    # ------------------------------------------------------------------ documents in scope

    def _candidate_docs(self, query: Query, hits: list[Hit]) -> list[DocumentRecord]:
        """Documents the question is about: those it names (province, number), else those retrieved."""
        docs = list(self.index.documents.values())
        if query.sources:
            docs = [d for d in docs if d.source in query.sources]
        if query.provinces:
            named = [d for d in docs if d.meta.province in query.provinces]
            docs = named or docs
        if query.numbers:
            numbered = [d for d in docs if d.meta.number and any(same_number(n, d.meta.number) for n in query.numbers)]
            docs = numbered or docs
        kinds = _named_kinds(query.standalone)
        if kinds and len(docs) > 1:
            # "theo Chỉ thị …", "nghị quyết của HĐND …": the kind of document the question names
            typed = [d for d in docs if d.meta.kind in kinds]
            docs = typed or docs
        if query.years and len(docs) > 1:
            dated = [d for d in docs if any(y in d.meta.years for y in query.years)]
            docs = dated or docs
        order = {}
        for rank, h in enumerate(hits):
            order.setdefault(h.chunk.source, rank)
        docs.sort(key=lambda d: order.get(d.source, len(hits) + 1))
        return docs

    # ------------------------------------------------------------------ scoring helpers

    def _weight(self, term: str) -> float:
        w = self._idf.get(term, self._max_idf)
        if term.replace("_", " ") in _GENERIC:
            w *= 0.3
        return w

    def coverage(self, terms: list[str], text: str) -> float:
        if not terms:
            return 1.0
        have = _terms_of(text)
        total = sum(self._weight(t) for t in terms)
        return sum(self._weight(t) for t in terms if t in have) / total if total > 0 else 0.0

    def _topic_terms(self, query: Query, doc: DocumentRecord | None) -> list[str]:
        """Key terms of the question minus kind words and what the document itself names
        (its province, period, title words), which every passage of it implies. For a
        question about an agency's duties the agency is a slot, not a topic term."""
        implied = _terms_of(_doc_context(doc.meta)) if doc else set()
        slots = {t for province in find_provinces(query.standalone) for t in fold_tokens(province)}  # provinces are slots, not topic
        implied |= slots
        agency = _terms_of(query.agency) if query.agency and query.kind == "duty" else set()
        every = fold_tokens(query.focus or query.standalone)
        if query.focus and bare_time_question(query.focus.replace(" ".join(find_provinces(query.focus)), " ")):
            # "hạn chót?" asks only when: what it is about is what was asked before it, without its time words
            every = [t for t in fold_tokens(query.standalone) if not bare_time_question(t)]
        elif query.focus and not self._has_topic(every, implied, agency):
            # "Vậy cơ quan nào phối hợp?" after a question, or "…, và hạn hoàn thành khi nào?" as
            # the second part of one: the subject is the previous question's / the whole question's
            every = fold_tokens(query.standalone)
        acronyms = _acronyms(query.focus or query.standalone)  # "ứng dụng AI": not the question word "ai"
        kind_of_every = _kind_mask(every)  # phrases are found before stop words are dropped
        if query.kind in ("amount", "source"):
            # "bao nhiêu vốn ngân sách tỉnh": "vốn" (funds) says what kind of answer, as "kinh phí" does
            kind_of_every = [k or t == "von" for t, k in zip(every, kind_of_every)]
        # "bao" asks only in "bao nhiêu / bao giờ / bao lâu"; elsewhere it is báo / bảo (báo cáo, bảo vệ)
        content = {i for i, t in enumerate(every) if t == "bao" and (i + 1 >= len(every) or every[i + 1] not in ("nhieu", "gio", "lau"))}
        # A word the document's title implies is implied as part of a phrase of the title ("đề án"
        # of the title), not alone: in a plan titled "Đề án …", "hỗ trợ tiền ăn" keeps its "ăn".
        said = {i for i in range(len(every)) if every[i] in slots
                or (i > 0 and f"{every[i - 1]}_{every[i]}" in implied)
                or (i + 1 < len(every) and f"{every[i]}_{every[i + 1]}" in implied)}
        pairs = [(t, k or i in said) for i, (t, k) in enumerate(zip(every, kind_of_every))
                 if (t not in STOPWORDS and t not in QUESTION_WORDS) or t in acronyms or i in content]
        toks = [t for t, _ in pairs]
        keep = [not (k or t.isdigit() or t in agency) for t, k in pairs]
        out = [t for t, k in zip(toks, keep) if k]
        for i in range(len(toks) - 1):
            if keep[i] and keep[i + 1]:
                out.append(f"{toks[i]}_{toks[i + 1]}")
        return out

    @staticmethod
    def _has_topic(tokens: list[str], implied: set[str], agency: set[str]) -> bool:
        kinds = _kind_mask(tokens)
        return any(
            not k and t not in STOPWORDS and t not in QUESTION_WORDS and not t.isdigit() and t not in implied and t not in agency
            for t, k in zip(tokens, kinds)
        )

    def _soft_terms(self, query: Query) -> list[str]:
        """Words of the question that do not decide whether it is answerable but help choose
        between passages ("ngân sách tỉnh" vs "ngân sách trung ương")."""
        provinces = {t for p in find_provinces(query.standalone) for t in fold_tokens(p)}
        # a part of a several-part question: its own words; a follow-up: the conversation's too
        text = query.focus if query.focus and not query.followup else query.standalone
        every = [t for t in fold_tokens(text) if t not in QUESTION_WORDS and t not in provinces]
        words = [t for t in every if t not in STOPWORDS and not t.isdigit()]
        return words + [f"{a}_{b}" for a, b in zip(every, every[1:]) if a not in STOPWORDS and b not in STOPWORDS]

    def _local(self, topic: list[str], soft: list[str], text: str) -> float:
        """How much of the question a passage states itself: its topic terms in full weight,
        the other words of the question at 0.3, so that a question whose topic is a single
        word ("tổng") is still matched by the passage that says the rest of it."""
        have = _terms_of(text)
        weights: dict[str, float] = {t: 0.3 * self._weight(t) for t in soft}
        weights.update({t: self._weight(t) for t in topic})
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in have) / total if total > 0 else 1.0

    # ------------------------------------------------------------------ doc-level answers

    def _answer_document(self, query, docs, fields: list[str]):
        """The document's own number, date of issue and signer, read from its header and
        signature block, each cited at its lines. A question naming another document's number
        ("Quyết định 99/QĐ-TTg ban hành ngày nào?") is not about this one."""
        doc = docs[0] if docs else None
        if doc is None:
            return None
        named = [n for n in query.numbers if any(same_number(n, d.meta.number) for d in self.index.documents.values())]
        if named and not any(same_number(n, doc.meta.number) for n in named):
            return None  # the question names another document of the library
        values = {"number": doc.meta.number, "date": doc.meta.date, "signer": doc.meta.signer}
        said = {"number": "số hiệu {}", "date": "ban hành ngày {}", "signer": "do {} ký", "basis": "{}"}
        lines = dict(doc.meta.lines)
        if "basis" in fields:
            found = self._basis_line(doc, query)
            if found:
                values["basis"], lines["basis"] = found[1], list(found[0])
        parts, cites = [], []
        for name in fields:
            start, end = lines.get(name, [0, 0])
            if not values.get(name) or not start:
                continue
            parts.append(said[name].format(values[name]))
            quote = collapse(" ".join(doc.lines[start - 1 : end]))
            cites.append(Citation(doc.source, _section_at(self.index, doc.source, start), start, end, quote))
            for line in _restated(doc, name, values[name], start, end):
                # a portal copy states it twice: its catalogue ("Số hiệu:", "Người ký:") and the document
                cites.append(Citation(doc.source, _section_at(self.index, doc.source, line), line, line, doc.lines[line - 1].strip()))
        if not parts:
            return None
        label = _doc_label(doc.meta, doc.source)
        title = _shorten(doc.meta.title, 120)
        named = f"{label} “{title}”" if title and fold(title) not in fold(label) else label
        return f"{named}: " + ", ".join(parts) + ".", _merge_citations(cites), 0.95  # read from the header and signature block

    def _basis_line(self, doc: DocumentRecord, query: Query) -> tuple[tuple[int, int], str] | None:
        """The line under the title that states the document's basis (Nghị định 30/2020: "Căn cứ
        …;" / "Thực hiện …"), as the question's verb asks; the one naming the issuer the question
        names ("của Thủ tướng") first. ((first, last) 1-based lines, its words up to the cited document's date.)"""
        asked = fold(query.focus or query.text)
        verb = "can cu" if "can cu" in asked else "thuc hien|trien khai"
        view = self._view(doc)[0]
        found = []
        for k, line in enumerate(view.lines[:80]):
            for text in re.split(r";\s*", line.strip()):  # "Căn cứ …; Thực hiện …;" may read as one line
                if re.match(rf"^(?:{verb})\b", fold(text)) and DOC_NUMBER.search(text):
                    found.append((k, text))
        if not found:
            return None
        issuer = re.search(r"\bcua\s+(.+?)\s*\??$", asked)
        if issuer:
            named = [(k, t) for k, t in found if fold(issuer.group(1))[:12] in fold(t)]
            found = named or found
        k, text = found[0]
        start, end = view.span(k + 1, k + 1)
        m = re.search(r"^.*?" + DOC_NUMBER.pattern + r"(?:\s*,?\s*ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?", text)
        said = _shorten((m.group(0) if m else text).rstrip(" ,;"), 200)
        return (start, end), said[:1].lower() + said[1:]

    def _answer_list(self, query, docs, hits):
        """"Những kế hoạch nào … giai đoạn 2021-2030?", "… giao nhiệm vụ cho Công an tỉnh?":
        every document that satisfies the condition, each with the line that shows it."""
        wanted = query.periods or [(y, y) for y in query.years]
        agency = fold(query.agency) if query.agency else ""
        query_topic = replace(query, agency=query.agency, kind="duty") if agency else query
        # A person named in the question who signed documents of the library is a condition
        # ("Ông X đã ký những kế hoạch nào"), not a topic word.
        asked = fold(query.standalone)
        signers = {fold(d.meta.signer) for d in self.index.documents.values() if d.meta.signer and fold(d.meta.signer) in asked}
        for name in signers:
            asked = re.sub(rf"\b(?:ong|ba|dong chi)?\s*{re.escape(name)}", " ", asked)  # "Ông/Bà X": the honorific goes with the name
        if signers:
            query_topic = replace(query_topic, standalone=asked, focus="")
        topic = self._topic_terms(query_topic, None)  # the agency is a condition, not a topic word
        chosen: list[tuple[DocumentRecord, int]] = []
        retrieved = {h.chunk.source for h in hits}
        for doc in self.index.documents.values():
            if query.sources and doc.source not in query.sources:
                continue
            if query.provinces and doc.meta.province not in query.provinces:
                continue
            if signers and fold(doc.meta.signer) not in signers:
                continue
            years = set(doc.meta.years)
            if wanted and not any(b in years or (a in years and b in years) for a, b in wanted):
                continue
            line = 0
            if agency:
                facts = [r for r in self._responsibilities(doc.source)
                         if _names_agency(r.lead, agency) or _names_agency(r.partners, agency)]
                facts.sort(key=lambda r: (not _names_agency(r.lead, agency), r.start_line))
                if facts:
                    line = facts[0].start_line
                elif doc.source in retrieved and agency in fold(doc.text):
                    line = next(i + 1 for i, text in enumerate(doc.lines) if agency in fold(text))
                else:
                    continue
            if topic and self.coverage(topic, _doc_context(doc.meta)) < 0.6 and (
                    doc.source not in retrieved or self.coverage(topic, f"{_doc_context(doc.meta)} {doc.text}") < 0.75):
                # "những kế hoạch nào có mục tiêu về trẻ em": the subject is the plan's (its title), or
                # well covered in a plan that retrieval found (the whole text is read only for those)
                continue
            if signers:
                line = doc.meta.lines.get("signer", [0, 0])[0]
            chosen.append((doc, line or (self._best_line(doc, topic) if topic else _scope_line(doc, wanted))))
        if not chosen:
            return None
        chosen.sort(key=lambda dl: (dl[0].meta.province, dl[0].source))
        parts, cites = [], []
        for doc, line in chosen:
            label = _doc_label(doc.meta, doc.source)
            title = _shorten(doc.meta.title, 90)
            named = f"{label} “{title}”" if title and fold(title) not in fold(label) else label
            parts.append(f"{named} ({_period_text(doc.meta)})")
            cites.append(Citation(doc.source, _section_at(self.index, doc.source, line), line, line, doc.lines[line - 1].strip()))
        cond = f" giai đoạn {wanted[0][0]}-{wanted[0][1]}" if wanted and wanted[0][0] != wanted[0][1] else (f" năm {wanted[0][0]}" if wanted else "")
        return f"Có {len(chosen)} văn bản{cond}: " + "; ".join(parts) + ".", cites, 0.85

    def _best_line(self, doc: DocumentRecord, topic: list[str]) -> int:
        """The line of a document that covers the topic best (first one on ties)."""
        best, best_line = -1.0, 1
        for i, line in enumerate(doc.lines):
            if line.strip():
                score = self.coverage(topic, line)
                if score > best:
                    best, best_line = score, i + 1
        return best_line

    # ------------------------------------------------------------------ responsibilities

    def _answer_responsibility(self, query, docs, hits):
        """Who leads / who cooperates on a task: the task block whose name matches the question."""
        if query.kind == "lead" and docs and not self._topic_terms(query, docs[0]):
            # Nothing asked beyond the plan itself ("Cơ quan nào chủ trì Kế hoạch …?"): the agency
            # its "Tổ chức thực hiện" names as the plan's lead / standing body / focal point.
            found = self._plan_lead(docs[0])
            if found is not None:
                return found
        best = None
        scored = []
        for rank, doc in enumerate(docs[:2]):
            topic = self._topic_terms(query, doc)
            if not topic:
                continue
            for r in self._responsibilities(doc.source):
                if query.kind == "partner" and not r.partners and "phoi hop" not in fold(r.duty):
                    continue
                if query.kind == "lead" and not r.lead:
                    continue
                text = f"{r.task} {r.section} {r.duty}"
                score = self.coverage(topic, text) - 0.05 * rank
                if r.duty and not r.partners and "chu tri" not in fold(r.duty):
                    score -= 0.15  # a plain duty is weaker evidence of leading a task
                scored.append((score, r, doc))
                if best is None or score > best[0]:
                    best = (score, r, doc)
        if best is None or best[0] < 0.5:
            return None
        score, r, doc = best
        # The same assignment is often stated twice (the body's duty and the annex's task row):
        # both are cited, so an officer can check either.
        lead = {fold(x) for x in r.lead}
        also = [o.citation() for s2, o, d2 in scored if o is not r and d2 is doc and s2 >= score - 0.05
                and {fold(x) for x in o.lead} == lead and (o.start_line, o.end_line) != (r.start_line, r.end_line)][:1]
        return self._say_responsibility(query, r, doc), _merge_citations([r.citation()] + also), min(1.0, score)

    _PLAN_LEAD = re.compile(
        r"co quan (?:chu tri|thuong truc|dau moi)|\bdau moi\b|\bthuong truc\b|"
        r"chu tri[^.;]{0,80}(?:theo doi|huong dan|to chuc thuc hien|trien khai thuc hien|tham muu)[^.;]{0,60}(?:ke hoach|de an|chuong trinh|quyet dinh) nay"
    )

    def _plan_lead(self, doc: DocumentRecord):
        duties = [r for r in self._responsibilities(doc.source) if r.lead
                  and self._PLAN_LEAD.search(fold(f"{' '.join(r.lead)} {r.duty[:300]}"))]
        if not duties:
            return None
        r = min(duties, key=lambda r: r.start_line)
        name = re.sub(r"\s*\((?:cơ quan|đơn vị)[^)]*\)", "", r.lead[0]).strip()
        text = f"{name} là cơ quan chủ trì {_doc_label(doc.meta, doc.source)}: {_shorten(_strip_bullet(r.duty), 240)}"
        return text.rstrip(". ") + ".", [r.citation()], 0.8

    def _say_responsibility(self, query: Query, r: Responsibility, doc: DocumentRecord) -> str:
        task = _strip_number(r.task)
        where = _doc_label(doc.meta, doc.source)
        lead = ", ".join(r.lead)
        partners = ", ".join(r.partners)
        timeline = r.timeline or self._deadline_in(doc, r)
        if r.duty and not r.partners:
            return f"{lead}: {_shorten(r.duty, 300)} ({where})."
        if query.kind == "partner" and partners:
            tail = f"; cơ quan chủ trì: {lead}" if lead else ""
            tail += f"; thời gian: {timeline}" if timeline else ""
            return f"Cơ quan phối hợp trong “{task}”: {partners}{tail} ({where})."
        tail = f"; cơ quan phối hợp: {partners}" if partners else ""
        when = f"; thời gian: {timeline}" if timeline else ""
        return f"Cơ quan chủ trì “{task}”: {lead}{tail}{when} ({where})."

    def _deadline_in(self, doc: DocumentRecord, r: Responsibility) -> str:
        """A time the assignment itself states ("…, thời gian hoàn thành trong Quý III/2024")."""
        view = self._view(doc)[0]
        text = " ".join(view.lines[k - 1] for k in range(view.at(r.start_line), view.at(r.end_line) + 1))
        m = _DEADLINE.search(text)
        return m.group(0).strip(" ,;.") if m else ""

    def _answer_duty(self, query, docs, hits):
        """What an agency must do: its duties in "Tổ chức thực hiện", else the tasks it leads."""
        if not query.agency:
            return None
        agency = fold(query.agency)
        for doc in docs[:2]:
            mine = [r for r in self._responsibilities(doc.source) if _names_agency(r.lead, agency)]
            duties = [r for r in mine if r.duty]
            if duties:
                duties.sort(key=lambda r: r.start_line)
                topic = self._topic_terms(query, doc)
                if topic and len(duties) > 4:
                    # "Sở Tài chính làm gì về kinh phí": the duties that say it first (then in order)
                    duties.sort(key=lambda r: -round(self.coverage(topic, f"{r.task} {r.duty}"), 2))
                name = duties[0].lead[0] if len(duties[0].lead) == 1 else query.agency
                shown = duties[:4]
                # one duty may say several things in one paragraph: the fewer the duties, the more of each is said
                items = [_shorten(_strip_bullet(r.duty), max(220, 600 // len(shown))) for r in shown]
                text = f"{name} có trách nhiệm: " + "; ".join(items) + f" ({_doc_label(doc.meta, doc.source)})."
                return text, _merge_citations([r.citation() for r in duties[:4]]), 0.85
            tasks = [r for r in mine if not r.duty]
            if tasks:
                items = [_strip_number(r.task) for r in tasks[:4]]
                text = f"{query.agency} chủ trì: " + "; ".join(items) + f" ({_doc_label(doc.meta, doc.source)})."
                return text, [r.citation() for r in tasks[:4]], 0.75
        return None

    # ------------------------------------------------------------------ sentences and rows

    def _units(self, hits: list[Hit]) -> list[Unit]:
        units: list[Unit] = []
        for rank, hit in enumerate(hits):
            c = hit.chunk
            if c.kind == "table":
                units.extend(self._table_units(c, rank, hit.score))
                continue
            rec = self.index.documents.get(c.source)
            if rec is None:
                continue
            view = self._view(rec)[0]
            for li in range(view.at(c.start_line), view.at(c.end_line) + 1):
                line = view.lines[li - 1].strip()
                if not line:
                    continue
                start, end = view.span(li, li)
                section = self._heading_path(rec, start)
                lead = _lead_in(view.lines, li)
                if lead:
                    # "- Tỷ lệ … có thẻ BHYT:" then "- Năm 2027: đạt 98%": the item says its figure,
                    # the lead-in what it is of; they answer together, cited together
                    units.append(Unit(c.source, section, view.span(lead, lead)[0], end, f"{view.lines[lead - 1].strip()} {line}",
                                      rank, hit.score, f"{line}\n{c.text}"))
                    continue
                for sent in split_sentences(line):
                    units.append(Unit(c.source, section, start, end, sent, rank, hit.score, f"{line}\n{c.text}"))
        return units

    def _table_units(self, chunk, rank: int, score: float) -> list[Unit]:
        """Each rendered row with the lines it came from (rows are in order in the chunk)."""
        rec = self.index.documents.get(chunk.source)
        rows = chunk.text.split("\n")
        spans = self._row_spans(rec, chunk.start_line, chunk.end_line) if rec else []
        units = []
        for i, row in enumerate(rows):
            start, end = spans[i] if i < len(spans) else (chunk.start_line, chunk.end_line)
            units.append(Unit(chunk.source, chunk.section, start, end, row, rank, score, chunk.text, chunk.header))
        return units

    def _responsibilities(self, source: str) -> list[Responsibility]:
        """The responsibilities of one document, grouped once per loaded index (a library of
        thousands of plans is not scanned per document and question)."""
        if self._duties is None:
            grouped: dict[str, list[Responsibility]] = {}
            for r in self.index.facts.responsibilities:
                grouped.setdefault(r.source, []).append(r)
            self._duties = grouped
        return self._duties.get(source, [])

    def _view(self, rec: DocumentRecord) -> tuple:
        """The document's logical lines (structure.py, as stored by its ingest), their tables
        and outline: read once per loaded index."""
        if rec.source not in self._views:
            view = self.index.logical_view(rec.source)
            tables = find_tables(view.lines)
            skip = {i for t in tables for i in range(t.start, t.end)}
            self._views[rec.source] = (view, tables, outline(view.lines, skip))
        return self._views[rec.source]

    def _headings(self, rec: DocumentRecord, line: int) -> list:
        """The open sections (outermost first) at a 1-based physical line of a document; each
        node's start is a 0-based logical line (see `_view`)."""
        view, _, root = self._view(rec)
        index = view.at(line) - 1
        node, path = root, []
        while True:
            inside = [c for c in node.children if c.start <= index < c.end]
            if not inside:
                return path
            node = inside[-1]
            path.append(node)

    def _heading_path(self, rec: DocumentRecord, line: int) -> str:
        return " › ".join(n.label for n in self._headings(rec, line))

    def _row_spans(self, rec: DocumentRecord, start: int, end: int) -> list[tuple[int, int]]:
        """1-based physical line spans of the table rows between start and end, as the chunker saw them."""
        view, tables, _ = self._view(rec)
        for table in tables:
            rows = [view.span(r.start + 1, r.end) for r in table.rows]
            rows = [(a, b) for a, b in rows if start <= a and b <= end]
            if rows:
                return rows
        return []

    def _section_units(self, query: Query, hits: list[Hit]) -> list[Unit]:
        """For a source-of-funds question, the lines under the document's own funding heading
        ("Kinh phí thực hiện", "Nguồn vốn"), whether or not retrieval ranked them: the heading
        of a plan's section says what its lines answer."""
        if hits and _asks_effect(query):
            return self._effect_units(query, hits)
        if query.kind != "source" or not hits:
            return []
        units: list[Unit] = []
        for source in list(dict.fromkeys(h.chunk.source for h in hits))[:2]:  # the two documents retrieved first
            rec = self.index.documents.get(source)
            if rec is not None:
                units += self._funding_units(rec, hits)
        return units

    def _effect_units(self, query: Query, hits: list[Hit]) -> list[Unit]:
        """"… có hiệu lực từ ngày nào?": the document's effect clause (Nghị định 30/2020: the
        article "… có hiệu lực (thi hành) kể từ ngày …" of a decision or legal document), found in
        the document the question names, whether or not retrieval ranked it."""
        named = self._named_sources(query) or {hits[0].chunk.source}
        units: list[Unit] = []
        for source in sorted(named)[:2]:
            rec = self.index.documents.get(source)
            if rec is None:
                continue
            view = self._view(rec)[0]
            for k, line in enumerate(view.lines):
                if re.search(r"\bnay co hieu luc\b", fold(line)):
                    start, end = view.span(k + 1, k + 1)
                    text = line.strip()
                    units.append(Unit(rec.source, self._heading_path(rec, start), start, end, text, len(hits), hits[0].score * 0.8, text))
        return units

    def _funding_units(self, rec: DocumentRecord, hits: list[Hit]) -> list[Unit]:
        view, _, root = self._view(rec)
        units: list[Unit] = []
        for node in _sections(root):
            if not _FUNDING_HEADING.search(fold(node.label)):
                continue
            for li in range(node.start + 1, min(node.end, node.start + 12) + 1):
                text = view.lines[li - 1].strip() if li - 1 < len(view.lines) else ""
                if not text:
                    continue
                start, end = view.span(li, li)
                units.append(Unit(rec.source, self._heading_path(rec, start), start, end, text, len(hits), hits[0].score * 0.8, text,
                                  under_heading=True))
        return units

    def _answer_definition(self, query: Query, docs: list[DocumentRecord]):
        """""Tráng rửa ba lần" là gì?" — a term is defined by the sentence that begins with it and
        goes on "là …" / "được hiểu là …" (Vietnamese definitions; the "Giải thích từ ngữ" article
        of a legal document). Only the documents in scope, the first two."""
        asked = collapse(re.sub(r"[“”\"'«»]", " ", query.focus or query.text))
        m = re.search(r"(?:^|[,:;]\s*)([^,:;]{3,80}?)\s+(?:là gì|la gi|nghĩa là gì|nghia la gi|được hiểu (?:là gì|như thế nào)|duoc hieu (?:la gi|nhu the nao))\s*\??\s*$", asked, re.I)
        if not m:
            return None
        term = fold(m.group(1).strip())
        term = re.sub(r"^(?:khai niem|thuat ngu|cum tu|tu)\s+", "", term)
        if len(term.split()) < 2:
            return None
        for doc in docs[:2]:
            view = self._view(doc)[0]
            for k, line in enumerate(view.lines):
                text = _strip_number(_strip_bullet(line.strip()))
                f = fold(text)
                if f.startswith(term) and re.match(r"\s*(?:\([^)]{0,60}\)\s*)?(?:la|duoc hieu la)\s", f[len(term):]):
                    start, end = view.span(k + 1, k + 1)
                    cite = Citation(doc.source, self._heading_path(doc, start), start, end, collapse(text))
                    return f"{_shorten(text, 450)} ({_doc_label(doc.meta, doc.source)})", [cite], 0.7
        return None

    def _answer_section(self, query: Query, docs: list[DocumentRecord]):
        """"Mục đích của KH … là gì?", "Đối tượng áp dụng gồm những ai?" — a question that names
        a heading of its document's outline (Nghị định 30/2020: "1. Mục đích", "2. Đối tượng áp
        dụng") is answered by the block that heading holds. The heading's words must nearly all
        be in the question, and one of them must be more than the document's own title says."""
        if not docs:
            return None
        named = len(docs) == 1 or bool(query.numbers or query.sources)
        said_text = fold(expand_abbreviations(query.focus or query.standalone))
        for province in find_provinces(query.standalone):  # the province's name, not its syllables ("hỗ" of "hỗ trợ")
            said_text = re.sub(rf"\b{re.escape(fold(province))}\b", " ", said_text)
        asked = {t for t in fold_tokens(said_text) if t not in STOPWORDS and t not in QUESTION_WORDS and not t.isdigit()}
        best = None
        for rank, doc in enumerate(docs[:1] if named else docs[:2]):
            root = self._view(doc)[2]
            implied = _terms_of(_doc_context(doc.meta))
            for node in _sections(root):
                words = {t for t in fold_tokens(_strip_number(node.label)) if t not in STOPWORDS and not t.isdigit()}
                if not words or node.end - node.start < 2:
                    continue
                said = words & asked
                # the headings above it say the rest ("Điều 3. Hỗ trợ chuyển đổi …" over "4. Điều kiện hỗ trợ")
                above = {t for label in node.path[:-1] for t in fold_tokens(_strip_number(label))} & asked
                if len(said) * 4 < len(words) * 3 or not (said - implied) or len(said | above) * 2 < len(asked - implied):
                    continue
                if not named and (said != words or len(words) < 2):
                    continue  # the document is not named: only a heading the question says whole
                key = (len(said | above), len(said), -len(words), -rank)
                if best is None or key > best[0]:
                    best = (key, node, doc)
        if best is None:
            return None
        _, node, doc = best
        view = self._view(doc)[0]
        lines, last = [], node.start
        for k in range(node.start + 1, node.end):
            text = view.lines[k].strip()
            if not text:
                continue
            lines.append(_strip_bullet(re.sub(r"[*_]{2,}", "", text)))
            last = k
            if sum(len(x) for x in lines) > 500 or len(lines) >= 8:
                break
        if not lines:
            return None
        start, _ = view.span(node.start + 1, node.start + 1)
        _, end = view.span(last + 1, last + 1)
        heading = re.sub(r"[*_]{2,}", "", node.label).strip().rstrip(":").strip()
        text = f"{heading}: {_shorten('; '.join(l.rstrip(';.') for l in lines), 500)} ({_doc_label(doc.meta, doc.source)})."
        quote = collapse(" ".join(doc.lines[start - 1 : min(end, start + 2)]))
        return text, [Citation(doc.source, self._heading_path(doc, start), start, end, quote)], 0.55

    def _count_listed(self, query: Query, docs: list[DocumentRecord]):
        """"Phụ lục có bao nhiêu dự án ưu tiên?" when no sentence states the number: the
        items of the table or the outline section whose heading names what is counted, counted.
        Only the question's own document, and only a heading holding the counted phrase whole."""
        words = counted_phrase(query.focus or query.text)
        if not words or not docs or (len(docs) > 1 and not (query.numbers or query.sources)):
            return None
        if re.search(r"\bđã\b", (query.focus or query.text).lower()):
            return None  # "đã … bao nhiêu": what was achieved, which a list of tasks does not tell
        doc = docs[0]
        view, tables, root = self._view(doc)
        leads = query.agency and _LEADS.search(fold(query.focus or query.text))
        agency = fold(expand_abbreviations(query.agency)) if leads else ""
        asked = fold(query.focus or query.text)
        label = _doc_label(doc.meta, doc.source)
        found = None if agency else (_enumerated(view, words) or _ordinals(view, root, words[0], asked)
                                     or _agency_sections(view, root, words, asked))
        if found:
            count, first, last, heading, noun = found
            start, _ = view.span(first + 1, first + 1)
            _, end = view.span(last + 1, last + 1)
            quote = collapse(" ".join(doc.lines[start - 1 : min(end, start + 2)]))
            return (f"{heading}: có {count} {noun} ({label}).",
                    [Citation(doc.source, _section_at(self.index, doc.source, start), start, end, quote)], 0.6)
        for size in range(len(words), 1, -1):
            phrase = " ".join(words[:size])
            found = self._listed_under(view, tables, root, phrase, agency)
            if found:
                count, first, last, heading = found
                start, _ = view.span(first + 1, first + 1)
                _, end = view.span(last + 1, last + 1)
                noun = _as_written(heading, phrase) or "mục"
                classifier = _classifier_asked(query.focus or query.text)
                whose = f" do {query.agency} chủ trì" if agency else ""
                text = f"{heading}: có {count} {classifier}{noun}{whose} ({label})."
                quote = collapse(" ".join(doc.lines[start - 1 : min(end, start + 2)]))
                return text, [Citation(doc.source, _section_at(self.index, doc.source, start), start, end, quote)], 0.6
        return None

    @staticmethod
    def _listed_under(view, tables, root, phrase: str, agency: str = ""):
        """(count, first line, last line, heading) of what a heading naming `phrase` lists:
        a table's rows numbered 1, 2, … (group rows "I.", "II." not counted), else the numbered
        sections under it; 0-based logical lines. With an agency (folded), only the rows whose
        lead column ("Chủ trì", "Cơ quan chủ trì") names it: a table without one cannot say."""
        for table in tables:
            above = [k for k in range(max(0, table.start - 6), table.start) if view.lines[k].strip()][-4:]
            caption = next((view.lines[k].strip() for k in above if _names_list(view.lines[k], phrase)), "")
            if not caption:
                continue
            numbered = [r for r in table.rows if re.fullmatch(r"\d{1,3}\.?", (r.cells[0] if r.cells else "").strip())]
            if agency:
                lead = next((i for i, h in enumerate(table.headers) if "chu tri" in fold(h)), None)
                if lead is None:
                    return None
                numbered = [r for r in numbered if lead < len(r.cells) and agency in fold(expand_abbreviations(r.cells[lead]))]
            if numbered:
                return len(numbered), above[0], numbered[-1].end - 1, caption
            if agency:
                return None
        if agency:
            return None  # sections carry no lead column
        for node in _sections(root):
            label = node.label
            if re.match(r"^\W*phu luc\b", fold(label)) and node.start + 1 < len(view.lines):
                label = f"{label} {view.lines[node.start + 1]}"  # "PHỤ LỤC I" + its title line "DANH MỤC NHIỆM VỤ …"
            if not _names_list(label, phrase) or _coordinates_before(label, phrase):
                continue
            items = node.children
            if items and all(re.match(r"^[IVXLC]+\.", c.label.strip()) for c in items):
                items = [g for c in items for g in c.children]  # groups "I.", "II.": their items
            if len(items) >= 2:
                return len(items), node.start, items[-1].end - 1, node.label.strip()
            if not items:
                bullets = _top_items(view.lines, node.start + 1, node.end)
                if len(bullets) >= 2:
                    return len(bullets), node.start, bullets[-1], node.label.strip()
        return None

    def _annex_at(self, doc: DocumentRecord, line: int) -> str:
        """The number of the annex ("Phụ lục II" -> "ii", folded) a physical line is in, or ""."""
        view = self._view(doc)[0]
        for k in range(view.at(line), 0, -1):
            m = re.match(r"^\W*phu luc\s+([ivxlc]+|\d+)\b", fold(view.lines[k - 1]))
            if m:
                return m.group(1)
        return ""

    def _in_recipients(self, u: Unit) -> bool:
        """A line of the "Nơi nhận:" list written one recipient a line ("- Công an tỉnh;")."""
        rec = self.index.documents.get(u.source)
        if rec is None or not re.match(r"^\W", u.text.strip()):
            return False
        view = self._view(rec)[0]
        k = view.at(u.start_line) - 1
        while k >= 1 and re.match(r"^\s*[-+•–]", view.lines[k - 1]):
            k -= 1
        return k >= 1 and bool(_RECIPIENTS.search(view.lines[k - 1]))

    def _key_position(self, query: Query, text: str) -> int:
        """Where a long passage says what is asked: the count of the noun, the figure, the sum
        of money, the date (-1: its start will do)."""
        text = collapse(text)
        kind = query.kind
        m = None
        if kind == "count":
            noun = _counted_noun(query.focus or query.text)
            if noun:
                m = _counting(noun).search(fold(text))
        elif kind == "target":
            m = re.search(r"\d[\d.,]*\s*%", text)
        elif kind == "amount":
            m = _MONEY.search(text)
        elif kind == "date":
            m = _DATE.search(_DATED_REFERENCE.sub(lambda r: " " * len(r.group(0)), text))
        return m.start() if m else -1

    def _named_sources(self, query: Query) -> set[str]:
        """The library's documents the question names by number ("KH 45", "45/KH-UBND")."""
        if not query.numbers:
            return set()
        return {d.source for d in self.index.documents.values()
                if d.meta.number and any(same_number(n, d.meta.number) for n in query.numbers)}

    def _answer_from_sentences(self, query: Query, hits: list[Hit]):
        units = self._units(hits[:6])
        block = self._section_units(query, hits)
        placed = {(u.source, u.start_line) for u in block}
        units = block + [u for u in units if (u.source, u.start_line) not in placed]
        if query.provinces:  # the question names its province: evidence from other provinces cannot answer it
            units = [u for u in units if self._province_of(u.source) in query.provinces]
        # "Nơi nhận:" (Nghị định 30/2020) lists who receives the document, not who does what; nor
        # does a decision's closing article ("… chịu trách nhiệm thi hành Quyết định này")
        units = [u for u in units if not _RECIPIENTS.search(u.context.split("\n", 1)[0]) and not self._in_recipients(u)
                 and not _EXECUTION.search(u.text)]
        named = self._named_sources(query)
        if named:  # "KH 45 … giao … nhiệm vụ nào": nor can other documents answer for a document named by its number
            units = [u for u in units if u.source in named]
        if query.agency and (query.kind == "duty" or (query.kind == "count" and _LEADS.search(fold(query.focus or query.text)))):
            # What an agency must do (or how many tasks it leads) can only come from a passage that names the agency.
            agency = fold(expand_abbreviations(query.agency))
            units = [u for u in units if agency in fold(expand_abbreviations(f"{u.section} {u.text}"))]
        if self._gated(query):
            # The answer must be of the kind asked for: a money amount for "bao nhiêu tiền",
            # a number for "bao nhiêu", "chủ trì" for who leads ... or there is no answer.
            units = [u for u in units if self._type_bonus(query, u.text, u.frame) > 0]
        if _asks_effect(query):
            # the document's own effect clause, when there is one, is what "hiệu lực từ khi nào" asks
            units = [u for u in units if self._type_bonus(query, u.text, u.frame) >= 2.0] or units
        if not units:
            return None
        top = max(h.score for h in hits) or 1.0
        soft = self._soft_terms(query)
        annex = _ANNEX.search(fold(query.focus or query.standalone))
        scored = []
        for u in units:
            doc = self.index.documents.get(u.source)
            topic = self._topic_terms(query, doc)
            context = f"{u.section} {_doc_context(doc.meta) if doc else ''}"
            local = self._local(topic, soft, _values(u))
            wide = self.coverage(topic, f"{context} {u.text}")
            score = 0.5 * local + 0.2 * wide + 0.15 * (u.hit_score / top)
            score += 0.25 * self._type_bonus(query, u.text, u.frame)
            score += 0.2 * self._year_fit(query, u, doc)
            score += 0.3 if u.under_heading else 0.0
            if u.frame and query.agency and query.kind in ("amount", "target", "count"):
                score += 0.3 * _names_row(u.text, query.agency)  # "giao Sở Y tế bao nhiêu": the row that is Sở Y tế's
            if annex and doc and self._annex_at(doc, u.start_line) == annex.group(1):
                score += 0.3  # "Phụ lục II …": the question names the annex the passage is in
            scored.append((score, -len(scored), u, wide, doc))
        scored.sort(key=lambda x: x[:2], reverse=True)
        # The best unit that the evidence checks accept, among the few best: a near-tie between
        # a passage that states the question's terms and one that does not goes to the first.
        best = None
        for score, _, unit, wide, doc in scored[:4]:
            if score < scored[0][0] - 0.25:
                break
            if self._accepted(query, unit, wide, doc):
                best = (score, unit, doc)
                break
        if best is None:
            return None
        confidence, unit, doc = best
        if unit.under_heading:
            # the funding heading's lines answer together ("- Ngân sách nhà nước …; - Nguồn xã hội hóa …")
            items = [u for u in block if u.source == unit.source and self._type_bonus(query, u.text, u.frame) > 0][:5]
            if len(items) > 1:
                text = _shorten("; ".join(_strip_bullet(u.text) for u in items), 420)
                label = f" ({_doc_label(doc.meta, doc.source)})" if doc else ""
                cites = _merge_citations([Citation(u.source, u.section, u.start_line, u.end_line, u.text) for u in items])
                return f"{text}{label}", cites, max(0.0, min(1.0, confidence))
        text = _shorten_at(unit.text, 400, self._key_position(query, unit.text))
        end_line = unit.end_line
        if unit.frame:
            # the year asked, not the years of the plan's period the question names it by ("KH … 2026-2030")
            single = [y for y in query.years if not any(y in (a, b) for a, b in query.periods)]
            text = _with_unit(_asked_columns(text, single))
        subject = _heading_subject(unit) if not unit.frame else ""
        if subject:
            text = f"{subject}: {text}"  # "3. Trung tâm Y tế …" then "Chủ trì, phối hợp với …": the heading is who
        headed = self._heading_block(doc, unit) if doc and not unit.frame else None
        if headed:
            text, end_line = _shorten(headed[0], 450), headed[1]
        elif doc and not unit.frame and unit.text.rstrip().endswith(":"):
            # A lead-in ("… gồm các nội dung sau:") announces the list that follows: say it too.
            items, end_line = self._announced_list(doc, unit.end_line)
            if items:
                text = _shorten(f"{unit.text} " + "; ".join(items), 450)
        other = self._conjunct(query, unit, doc, scored, confidence) if not headed else None
        if other is not None:
            text = f"{text.rstrip('.')}; {_shorten_at(other.text, 300, self._key_position(query, other.text))}"
        label = _doc_label(doc.meta, doc.source) if doc else ""
        if label and fold(label) not in fold(text) and not (doc.meta.number and fold(doc.meta.number) in fold(text)):
            text = f"{text} ({label})"  # which plan the answer was read from
        # A sentence is quoted as written; a table row as the cells on its lines.
        quote = collapse(" ".join(doc.lines[unit.start_line - 1 : unit.end_line])) if unit.frame and doc else unit.text
        cites = [Citation(unit.source, unit.section, unit.start_line, end_line, collapse(quote))]
        if other is not None:
            cites = _merge_citations(cites + [Citation(other.source, other.section, other.start_line, other.end_line, collapse(other.text))])
        else:
            again = self._restating(query, unit, doc, scored, confidence)
            if again is not None:  # the same figure stated again (the targets' list and the annex's table): both cited
                cites = _merge_citations(cites + [Citation(again.source, again.section, again.start_line, again.end_line, collapse(again.text))])
        return text, cites, max(0.0, min(1.0, confidence))

    def _restating(self, query: Query, unit: Unit, doc: DocumentRecord | None, scored: list, best: float) -> Unit | None:
        """Another accepted passage of the same document that states the same figure the answer
        gives, near as good: a plan often says a target or a sum twice."""
        if doc is None or query.kind not in ("target", "amount", "count", "date"):
            return None
        at = self._key_position(query, unit.text)
        if at < 0:
            return None
        figure = re.match(r"[\d.,]+\s*\S*", collapse(unit.text)[at:])
        if not figure or len(figure.group(0).strip()) < 2:
            return None
        want = re.sub(r"\s+", "", figure.group(0)).rstrip(".,;:")
        for score, _, cand, wide, cdoc in scored[:8]:
            if score < best - 0.2:
                break
            if cand is unit or cand.source != unit.source or not (cand.end_line < unit.start_line or cand.start_line > unit.end_line):
                continue
            if want in re.sub(r"\s+", "", cand.text) and self._accepted(query, cand, wide, cdoc):
                return cand
        return None

    def _conjunct(self, query: Query, unit: Unit, doc: DocumentRecord | None, scored: list, best: float) -> Unit | None:
        """"Tỷ lệ A và tỷ lệ B tối thiểu là bao nhiêu?": two things asked with one question word.
        When the passage chosen states only the first, the accepted passage of the same document
        that states the other is said too."""
        asked = query.focus or query.text
        if query.kind not in ("target", "count", "amount", "date") or not re.search(r"\s(?:và|va)\s", asked) or doc is None:
            return None
        topic = [t for t in self._topic_terms(query, doc) if "_" not in t]
        have = _terms_of(f"{unit.text} {unit.section}")
        missing = [t for t in topic if t not in have]
        # what is left unsaid must weigh: a distinctive word (as rare as half the rarest asked)
        # or a good share of the question's words
        if not missing or (max(self._weight(t) for t in missing) < 0.5 * max(self._weight(t) for t in topic)
                           and self.coverage(topic, f"{unit.text} {unit.section}") > 0.85):
            return None
        for score, _, cand, wide, cdoc in scored:
            if score < best - 0.35:
                break
            if cand is unit or cand.source != unit.source or cand.text == unit.text or self._type_bonus(query, cand.text, cand.frame) <= 0:
                continue
            if self.coverage(missing, f"{cand.text} {cand.section}") >= 0.6 and self._accepted(query, cand, wide, cdoc):
                return cand
        return None

    def _accepted(self, query: Query, unit: Unit, wide: float, doc: DocumentRecord | None) -> bool:
        """The evidence checks: the question's terms covered, its years those of the passage,
        its rarest word present."""
        if self._year_fit(query, unit, doc) <= -1:
            return False  # the passage's section is about other years
        if query.compare:
            return wide >= self.settings.min_evidence
        if _asks_effect(query) and self._type_bonus(query, unit.text) >= 2.0:
            return True  # the document's own effect clause answers when it takes effect, in whatever words asked
        if unit.under_heading and doc and (wide < self.settings.min_evidence or not self._focus_supported(query, unit, doc)):
            if find_agency(query.focus or query.text):
                return False  # "Sở X cấp phát … từ nguồn nào": what that agency does, not the plan's funding
            # The plan's own funding section answers where the plan's money comes from: a
            # question whose words are mostly the plan's title asks about the plan itself, though
            # it says it in its own words ("trường học" for a title's "cơ sở giáo dục").
            every = fold_tokens(query.focus or query.standalone)
            words = [t for t, kind in zip(every, _kind_mask(every))
                     if not kind and not t.isdigit() and t not in STOPWORDS and t not in QUESTION_WORDS]
            return self._years_supported(query, unit, doc) and self.coverage(words, _doc_context(doc.meta)) >= 0.75
        if wide < self.settings.min_evidence:
            return False
        if not self._clause_fits(query, unit, doc):
            return False
        return self._years_supported(query, unit, doc) and self._focus_supported(query, unit, doc)

    def _clause_fits(self, query: Query, unit: Unit, doc: DocumentRecord | None) -> bool:
        """A figure asked of something must be stated in the clause about it: in "Quỹ X chi trả
        theo quy định; nguồn Y khoảng 180 tỷ đồng" the sum is Y's, not X's. Clauses are the parts
        between ";"; a table row is one clause."""
        if query.kind not in ("target", "count", "amount") or unit.frame or ";" not in unit.text:
            return True
        topic = [t for t in self._topic_terms(query, doc) if "_" not in t and t in self._idf]
        if not topic:
            return True
        clauses = [c for c in re.split(r";\s*", unit.text) if c.strip()]
        cover = [self.coverage(topic, c) for c in clauses]
        best = max(cover)
        # the clauses that say most of what is asked about must hold the figure
        return best == 0 or any(self._type_bonus(query, c) > 0 for c, v in zip(clauses, cover) if v == best)

    def _announced_list(self, doc: DocumentRecord, after_line: int) -> tuple[list[str], int]:
        """The list items right after a physical line (up to four), and the last line they take."""
        view = self._view(doc)[0]
        items, end = [], after_line
        k = view.at(after_line) + 1
        while k <= len(view.lines) and len(items) < 4:
            text = view.lines[k - 1].strip()
            if not text:
                k += 1
                continue
            if not _LIST_ITEM.match(text):
                # no list: the lead-in may announce the paragraph written right under it
                # ("Các nguồn vốn gồm:" + "ngân sách tỉnh; vốn vay; vốn xã hội hóa.")
                if not items and k == view.at(after_line) + 1 and not _looks_like_heading(text):
                    items, end = [text], view.span(k, k)[1]
                break
            items.append(_strip_bullet(re.sub(r"^[a-zđ\d]{1,2}[.)]\s*", "", text)))
            end = view.span(k, k)[1]
            k += 1
        return items, end

    def _heading_block(self, doc: DocumentRecord, unit: Unit) -> tuple[str, int] | None:
        """When the passage chosen is a heading ("3. Nguồn vốn"), what it heads: its
        first paragraph (and the list that one announces), and the last line taken."""
        if not _looks_like_heading(unit.text) or _strip_number(unit.text).strip()[:40] not in unit.section.split(" › ")[-1]:
            return None
        view = self._view(doc)[0]
        k = view.at(unit.end_line) + 1
        while k <= len(view.lines) and not view.lines[k - 1].strip():
            k += 1
        if k > len(view.lines) or _looks_like_heading(view.lines[k - 1].strip()):
            return None
        text, end = view.lines[k - 1].strip(), view.span(k, k)[1]
        if text.endswith(":"):
            items, end2 = self._announced_list(doc, end)
            if items:
                text, end = f"{text} " + "; ".join(items), end2
        return text, end

    def _province_of(self, source: str) -> str:
        rec = self.index.documents.get(source)
        return rec.meta.province if rec else ""

    def _focus_supported(self, query: Query, u: Unit, doc: DocumentRecord | None) -> bool:
        """The rarest content word of the question must be in the evidence (its passage, section
        or document title): "lương cơ sở" is not answered by a passage about training targets."""
        topic = [t for t in self._topic_terms(query, doc) if "_" not in t and len(t) > 1 and t not in _GENERIC_SYLLABLES]
        if not topic:
            return True
        have = _terms_of(f"{u.text} {u.section} {u.context} {_doc_context(doc.meta) if doc else ''}")
        unknown = [t for t in topic if t not in self._idf]
        if len(unknown) * 3 > len(topic):
            return False  # many content words that occur nowhere in the knowledge base
        topic = [t for t in topic if t in self._idf] or topic
        focus = max(topic, key=self._weight)
        if focus in have:
            return True
        # A question of several parts ("tổng kinh phí …, trung ương hỗ trợ bao nhiêu?") may
        # miss one word of one part: the rest of its terms must then be well covered.
        evidence = f"{u.text} {u.section} {u.context} {_doc_context(doc.meta) if doc else ''}"
        return self.coverage(self._topic_terms(query, doc), evidence) >= 0.6

    def _year_fit(self, query: Query, u: Unit, doc: DocumentRecord | None) -> float:
        """How the passage's own years fit the question's: +1 when the passage states the year,
        +0.5 when its section heading does; -0.5 when the passage names only other years (it may
        just refer to them), -1 when its section is about other years ("I. … NĂM 2011")."""
        if not query.years:
            return 0.0
        # a bracket is an aside ("đạt 70% (năm 2025 đạt 63,5%)"): its years are not the passage's
        text = re.sub(r"\([^()]*\)", " ", u.text) if not u.frame else u.text
        own = set(years_in(text)) | {y for a, b in periods_in(text) for y in range(a, b + 1)}
        if own:
            if any(y in own for y in query.years):
                return 1.0
            # a table row's years are its columns' ("Thực hiện năm 2019"): it is about them;
            # a sentence may only refer to other years
            # a target, count or amount stated for other years ("Đến năm 2027: 40%") is not the asked year's
            return -1.0 if u.frame or query.kind in ("target", "count", "amount") else -0.5
        doc_lines = self._view(doc)[0].lines if doc else []
        for heading in reversed(self._headings(doc, u.start_line) if doc else []):
            label = re.sub(r"\([^()]*\)", " ", doc_lines[heading.start])
            if _is_title(label, doc.meta) or fold(u.text[:40]) in fold(doc_lines[heading.start]):
                continue  # the document's own title, or the passage itself ("3. Tỷ lệ … đạt 70%"), is no heading of it
            own = set(years_in(label)) | {y for a, b in periods_in(label) for y in range(a, b + 1)}
            if own:
                return 0.5 if any(y in own for y in query.years) else -1.0
        return 0.0

    def _years_supported(self, query: Query, u: Unit, doc: DocumentRecord | None) -> bool:
        """Every year the question names must be a year of the evidence or of its document."""
        if not query.years:
            return True
        known = set(years_in(f"{u.text} {u.section} {u.context}"))
        if doc:
            known |= set(doc.meta.years) | set(years_in(doc.meta.title))
        for a, b in periods_in(f"{u.text} {u.section} {u.context}"):
            known |= set(range(a, b + 1))
        if not all(y in known for y in query.years):
            return False
        if query.kind == "amount" and not query.periods and len(query.years) == 1:
            # "kinh phí năm 2027": the sum for a period that spans the year ("giai đoạn 2026 - 2030
            # … 385 tỷ đồng") is not that year's; the passage (or its table row) must name the year
            own = f"{u.text} {u.frame}" if u.frame else u.text
            if query.years[0] not in years_in(own) and periods_in(own):
                return False
        # "Năm 2024 đã bắt giữ bao nhiêu …": "đã" asks for what was done. In a report of the
        # results of one year ("Báo cáo kết quả … năm 2019 và phương hướng … năm 2020"), a passage
        # that states no year of its own tells that year's results, not the next year's.
        done = _RESULTS_YEAR.search(doc.meta.title) if doc else None
        if done and re.search(r"\bđã\b", query.text.lower()) and not years_in(u.text):
            return int(done.group(1)) in query.years
        return True

    @staticmethod
    def _gated(query: Query) -> bool:
        return query.kind in ("target", "count", "amount", "lead", "partner", "number", "date", "rename", "source")

    def _type_bonus(self, query: Query, text: str, frame: str = "") -> float:
        """How well a passage fits what is asked; `frame` is a table row's headers and section,
        which say the unit of its numbers ("Kinh phí (triệu đồng)")."""
        f = fold(text)
        kind = query.kind
        if kind in ("target", "count", "amount"):
            text = re.sub(r"^(?:STT|TT|Số TT)\s*:\s*[\dIVXivx.]+\s*(?:\||$)", "", text.strip())  # a row's number counts nothing
            text = re.sub(r"^(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*)[.)]\s+", "", text)  # nor an outline item's ("3. Bước 3: …")
            text = _DAY_DATE.sub(" ", text)  # nor do the figures of a date ("trước ngày 15 tháng 10")
            text = DOC_NUMBER.sub(" ", text)  # nor a document's number ("Số: 90/QĐ-UBND")
            f = fold(text)
            nums = [n for n in _NUMBER.findall(text) if not re.fullmatch(r"(19|20)\d\d", n) and not re.fullmatch(r"\d\.", n)]
            if not nums:
                return -0.5
            if kind == "amount" and not (_MONEY.search(text) or (frame and _MONEY_WORD.search(frame))):
                return -0.5
            bonus = 0.5
            if kind == "target" and "%" in text:
                bonus += 0.3
            noun = _counted_noun(query.focus or query.text) if kind == "count" else ""
            if noun:
                # "bao nhiêu trạm": the number must count that noun ("12 lớp", "lớp tập huấn: 12")
                # a table's unit column says what its figures count ("Đơn vị tính: chuỗi | Năm 2028: 16")
                unit_column = re.search(rf"\b(?:don vi tinh|dvt|don vi do)\s*:\s*{re.escape(noun)}\b", f)
                bonus = 0.8 if _counting(noun).search(f) else 0.1 if unit_column else -0.5
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
            # A date right after a document's number ("Quyết định số 12/QĐ-TTg ngày 03/02/2026")
            # says when that document was issued, not when something is to be done.
            own = _DATED_REFERENCE.sub(" ", text)
            if not _DATE.search(own):
                return -0.3
            if _asks_effect(query):
                # a question about when the document takes effect: the effect clause ("… có hiệu lực (thi hành) kể từ …")
                if re.search(r"co hieu luc (?:thi hanh )?(?:ke )?tu ngay\s+\d", f):
                    return 2.0  # the effect clause itself: "… có hiệu lực thi hành kể từ ngày <date>"
                return 1.5 if "hieu luc" in f else 1.0
            # a "Thời gian thực hiện: …" / "Thời hạn …" / "Tiến độ …" label says it is the time asked for
            return 1.5 if re.search(r"\b(thoi gian|thoi han|tien do|thoi diem)\b", f) else 1.0
        if kind == "source":
            return 1.0 if re.search(r"\bnguon\b|ngan sach|\bvon\b|xa hoi hoa|tai tro", f) else -0.5
        if kind == "rename":
            return 1.0 if re.search(r"doi (ten )?thanh|doi ten", f) else 0.0
        return 0.0


# ---------------------------------------------------------------------- helpers


_UNIT_CELL = re.compile(r"(?:^|\| )(?:Đơn vị tính|ĐVT|Đơn vị đo)\s*:\s*([^|\d]{1,12}?)\s*(?= \||$)", re.I)


def _with_unit(row: str) -> str:
    """A table row whose unit is a column of its own ("Đơn vị tính: % | Năm 2025: 45") says
    each figure with it ("Năm 2025: 45%"), as a sentence would."""
    m = _UNIT_CELL.search(row)
    if not m:
        return row
    unit = m.group(1).strip()
    glue = "" if unit == "%" else " "
    cells = row.split(" | ")
    numbering = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự)\s*:", re.I)  # the row's number is not a figure
    out = [re.sub(r"^([^:]{1,60}:\s*)(\d[\d.,]*)$", rf"\g<1>\g<2>{glue}{unit}", c)
           if not _UNIT_CELL.search(c) and not numbering.match(c) else c for c in cells]
    return " | ".join(out)


def _asked_columns(row: str, years: list[int]) -> str:
    """A row whose columns are years ("Năm 2026: 8 | Năm 2027: 12 | Năm 2028: 16") says, for a
    question that names one of them, its label cells and the asked year's cells only."""
    if not years:
        return row
    cells = row.split(" | ")
    def year_of(cell: str) -> list[int]:
        head = cell.split(":", 1)[0] if ":" in cell else ""
        return years_in(head)
    dated = [c for c in cells if year_of(c)]
    asked = [c for c in dated if set(year_of(c)) & set(years)]
    if len(dated) < 2 or not asked:
        return row
    return " | ".join(c for c in cells if not year_of(c) or c in asked)


def _restated(doc: DocumentRecord, field: str, value: str, start: int, end: int) -> list[int]:
    """Other lines that state the same number or signer: in the document's head (first 60
    lines) or foot (last 40), a legal portal's catalogue beside the document's own header and
    signature block; for the number also the "(Kèm theo Quyết định số …)" line of an attached plan."""
    if field not in ("number", "signer") or not value:
        return []
    want = re.sub(r"\s+", "", fold(value))
    n = len(doc.lines)
    found: list[int] = []
    for i in list(range(min(60, n))) + list(range(max(60, n - 40), n)):
        if start - 1 <= i < end:
            continue
        if want and want in re.sub(r"\s+", "", fold(doc.lines[i])):
            found.append(i + 1)
            break
    if field == "number":
        # a plan attached to its decision names it under its own title ("(Kèm theo Quyết định số …)")
        for i in range(n):
            line = fold(doc.lines[i])
            if "kem theo" in line and want in re.sub(r"\s+", "", line) and not start - 1 <= i < end and i + 1 not in found:
                found.append(i + 1)
                break
    return found


def _heading_subject(unit: Unit) -> str:
    """The agency a passage without its own subject is about: "Chủ trì, phối hợp với …" under
    the heading "3. Trung tâm Y tế huyện" (a duty list by agency, the
    layout of "Tổ chức thực hiện")."""
    if not re.match(r"^\W*(?:chủ trì|phối hợp|tham mưu|hướng dẫn|thực hiện|triển khai|bố trí)\b", unit.text.strip(), re.I):
        return ""
    heading = _strip_number(unit.section.split(" › ")[-1]).strip(" *:") if unit.section else ""
    # "Điều 10. Trách nhiệm của Cục …": a legal document's article of one agency's duties
    heading = re.sub(r"^(?:Trách nhiệm|Nhiệm vụ)(?: và quyền hạn)? của\s+", "", heading, flags=re.I)
    return heading if heading and is_agency_start(heading) and len(heading) <= 120 else ""


def _sections(root):
    """Every section under the outline's root (not the root itself)."""
    stack = list(root.children)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        yield node


_BULLET = r"[-+•–*]\s|[a-zđ]\)\s"
_ITEM_MARK = re.compile(rf"^(?:{_BULLET})")  # a bullet or "a)": an item, never an outline heading
_LIST_ITEM = re.compile(rf"^(?:{_BULLET}|\d{{1,2}}[.)]\s)")  # also "1." in a list a lead-in announces


def _lead_in(lines: list[str], li: int) -> int:
    """For a list item (a bullet or "a)") that is short and gives a figure, the 1-based logical
    line of the lead-in ending in ":" that its list hangs from (over its sibling items), or 0."""
    text = lines[li - 1].strip()
    if not _ITEM_MARK.match(text) or text.rstrip().endswith(":") or len(text) > 160 or not re.search(r"\d", text):
        return 0
    for k in range(li - 1, max(0, li - 9), -1):
        prev = lines[k - 1].strip()
        if not prev:
            continue
        if prev.endswith(":"):
            return k if len(prev) <= 200 else 0
        if not _ITEM_MARK.match(prev):
            return 0
    return 0


def _top_items(lines: list[str], start: int, end: int) -> list[int]:
    """0-based lines of the items of the list a heading holds: those that begin with the mark of
    its first item ("-", "+", "a)"), the list's own level; nested marks are not counted."""
    mark, found = "", []
    for k in range(start, end):
        m = _ITEM_MARK.match(lines[k].strip())
        if not m:
            continue
        kind = "letter" if m.group(0)[0].isalpha() else m.group(0).strip()
        mark = mark or kind
        if kind == mark:
            found.append(k)
    return found


def _looks_like_heading(line: str) -> bool:
    """A short line without a sentence's end: an outline heading ("3. Nguồn vốn",
    "II. MỤC TIÊU"), not a paragraph."""
    text = re.sub(r"[*_#]", "", line).strip()
    return 0 < len(text) <= 90 and not re.search(r"[.;:,]$", text) and text.count(" ") <= 12


_ANNEX = re.compile(r"\bphu luc ([ivxlc]+|\d+)\b")  # "Phụ lục II" (folded): an annex named by its number
_DAY_DATE = re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\bngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?", re.I)
_EXECUTION = re.compile(r"(?:chịu )?trách nhiệm thi hành (?:Quyết định|Chỉ thị|Nghị quyết|Thông tư) này", re.I)
_RECIPIENTS = re.compile(r"(?:^|\|)\W*n[oơ]i nh[aậ]n\W*:", re.I)
_FUNDING_HEADING = re.compile(r"^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])?\s*[.)]?\s*(?:kinh phi|nguon (?:kinh phi|von|luc tai chinh))")
_RESULTS_YEAR = re.compile(r"(?:kết quả|tổng kết|sơ kết)[^.;]{0,120}?năm\s+(\d{4})", re.I)
_COUNTED = re.compile(r"\b(?:bao nhieu|(?<!so )(?<!bo )may)\s+([a-z]+(?:\s+[a-z]+)?)")  # "bao nhiêu" or "mấy" + noun
# Collective nouns and plural markers that stand before the counted noun (Vietnamese noun phrase:
# classifier + head noun): "nhóm nhiệm vụ", "loại hình", "các giải pháp".
_CLASSIFIERS = frozenset("nhom loai cac nhung".split())
_NOT_COUNTED = frozenset("phan tram tien dong ty trieu nghin nam thang ngay lan nhieu".split())


def _names_list(heading: str, phrase: str) -> bool:
    """A heading that names a list by what it holds: the counted phrase ends it ("DANH MỤC CÁC
    DỰ ÁN ƯU TIÊN", "2. Các dự án ưu tiên:"), maybe before a bracket; not a title that
    only mentions it ("KẾ HOẠCH PHÁT TRIỂN … LÀNG NGHỀ TỈNH X NĂM 2024")."""
    text = fold(re.sub(r"\(.*?\)", " ", re.sub(r"[*_#]", "", heading)))
    text = collapse(re.sub(r"[^a-z0-9 ]+", " ", text))
    # coordinated nouns are named with or without their "và" ("nhiệm vụ (và) giải pháp")
    text, phrase = re.sub(r"\bva\b ", "", text), re.sub(r"\bva\b ", "", phrase)
    p = re.escape(phrase)
    return bool(re.search(rf"\b{p}$", text)  # "… các dự án ưu tiên"
                or re.match(rf"^(?:[ivxlc]+|\d+|[a-z])?\s*{p}\b", text)  # "III. Nhiệm vụ và phân công …"
                or re.search(rf"\b(?:danh muc|bang)\s+(?:cac\s+)?{p}\b", text))  # "Danh mục nhiệm vụ phát triển …"


# A lead-in that announces what it enumerates: "Các hình thức khen thưởng (bao) gồm:", "… gồm có:", "… như sau:"
_ENUMERATES = r"[^.;:]{0,40}?\b(?:bao gom|gom co|gom|nhu sau|la)\s*:"
_AGENCY_NOUNS = frozenset({"co quan", "don vi", "so", "so nganh", "nganh", "co quan don vi"})


def _enumerated(view, words: list[str]):
    """"Các hình thức khen thưởng bao gồm: A; B; C; D." — a lead-in naming what is counted that
    enumerates it, after its ":" (items between ";") or as the list under it. (count, first line,
    last line, lead-in, noun as written), 0-based."""
    if len(words) < 2:
        return None
    phrase = " ".join(words)
    for k, line in enumerate(view.lines):
        f = fold(line)
        m = re.search(rf"\b{re.escape(phrase)}\b{_ENUMERATES}", f)
        if not m:
            continue
        rest, last = line[m.end():].strip(), k
        if not rest:
            nxt = next((j for j in range(k + 1, min(k + 3, len(view.lines))) if view.lines[j].strip()), None)
            if nxt is None:
                continue
            items = _top_items(view.lines, nxt, min(len(view.lines), nxt + 40))
            items = [j for j in items if j - k <= 40]
            if len(items) >= 2 and items[0] == nxt:
                last = items[-1]
                # the list ends where a line is neither an item nor under one
                run = [items[0]]
                for j in items[1:]:
                    if all(not view.lines[t].strip() or _ITEM_MARK.match(view.lines[t].strip()) or view.lines[t].startswith(" ")
                           for t in range(run[-1] + 1, j)):
                        run.append(j)
                    else:
                        break
                if len(run) >= 2:
                    return len(run), k, run[-1], line.strip().rstrip(":"), _as_written(line, phrase)
                continue
            rest, last = view.lines[nxt].strip(), nxt
        parts = [p for p in re.split(r"\s*;\s*", rest.rstrip(" .")) if p.strip()]
        if len(parts) >= 2:
            said = "; ".join(parts)
            return len(parts), k, last, f"{line[:m.end()].strip().rstrip(':')} ({_shorten(said, 300)})", _as_written(line, phrase)
    return None


def _ordinals(view, root, noun: str, asked: str):
    """"Quy trình gồm mấy bước?" — sections labelled by the counted noun and their ordinal
    ("2.1. Bước 1: …" … "2.6. Bước 6: …"): those of one heading, counted; with several such
    headings, the one whose words the question says most of."""
    if noun in _OUTLINE_UNITS:
        # "Thông tư có bao nhiêu điều, mấy chương?": a legal document's own units are counted
        # over the whole document, unless the question names the part ("Chương II có mấy điều")
        unit = re.compile(rf"^{noun}\s+([ivxlc]+|\d+)\b")
        every = sorted((n for n in _sections(root) if unit.match(fold(n.label).strip())), key=lambda n: n.start)
        parent = next((p for p in _sections(root) if p.children and re.match(r"^(?:chuong|phan|muc)\s+([ivxlc]+|\d+)\b", fold(p.label).strip())
                       and re.search(rf"\b{re.escape(fold(p.label).split()[0])}\s+{re.escape(fold(p.label).split()[1])}\b", asked)
                       and fold(p.label).split()[0] != noun), None)
        if parent is not None:
            every = [n for n in every if parent.start <= n.start < parent.end]
        if len(every) >= 2:
            label = parent.label.strip() if parent is not None else "Văn bản"
            return len(every), every[0].start, every[-1].start, label, _UNIT_NAMES[noun]
    groups: dict[int, tuple] = {}
    for node in _sections(root):
        labelled = [c for c in node.children
                    if re.match(rf"^(?:[\divxlc.]+\s+)?{re.escape(noun)}\s+(?:\d+|[ivxlc]+|thu\s+\w+)\b",
                                collapse(re.sub(r"[^a-z0-9. ]+", " ", fold(c.label))).strip())]
        if len(labelled) >= 2:
            groups[node.start] = (node, labelled)
    if not groups:
        return None
    def said(node) -> int:
        return len(set(fold_tokens(node.label)) & set(asked.split()))
    node, labelled = max(groups.values(), key=lambda g: (said(g[0]), -g[0].start))
    if len(groups) > 1 and said(node) == 0:
        return None
    written = re.search(rf"\b{re.escape(noun)}\b", fold(labelled[0].label))
    noun_text = labelled[0].label[written.start(): written.end()].lower() if written and len(fold(labelled[0].label)) == len(labelled[0].label) else noun
    return len(labelled), node.start, labelled[-1].end - 1, node.label.strip(), noun_text


# The units of a legal document's outline (Luật Ban hành VBQPPL: Phần, Chương, Mục, Điều), folded.
_OUTLINE_UNITS = frozenset({"phan", "chuong", "muc", "dieu"})
_UNIT_NAMES = {"phan": "phần", "chuong": "chương", "muc": "mục", "dieu": "điều"}


def _agency_sections(view, root, words: list[str], asked: str):
    """"Phần phân công nhiệm vụ giao cho mấy cơ quan?" — counted agencies are the sections of
    a heading whose sections each begin with an agency's name (the Tổ chức thực hiện layout of
    Nghị định 30/2020: "1. Công an tỉnh", "2. Sở Tài chính", …); the heading the question names,
    or the only one."""
    if " ".join(words[:2]) not in _AGENCY_NOUNS and words[0] not in _AGENCY_NOUNS:
        return None
    found = []
    for node in _sections(root):
        kids = node.children
        if len(kids) >= 2 and sum(is_agency_start(_strip_number(c.label).strip(" *")) for c in kids) * 5 >= len(kids) * 4:
            found.append(node)
    if not found:
        return None
    named = [n for n in found if set(_terms_of(_strip_number(n.label))) and set(_terms_of(_strip_number(n.label))) <= set(asked.split())]
    pick = named[0] if len(named) == 1 else (found[0] if len(found) == 1 else None)
    if pick is None:
        return None
    noun = {"co quan": "cơ quan", "don vi": "đơn vị", "so": "sở", "nganh": "ngành"}.get(" ".join(words[:2]), {"co": "cơ quan", "don": "đơn vị"}.get(words[0], "cơ quan, đơn vị"))
    return len(pick.children), pick.start, pick.children[-1].end - 1, pick.label.strip(), noun


# "… có hiệu lực từ ngày nào / khi nào", "ngày hiệu lực": when the document itself takes effect
# (not "trước khi … có hiệu lực mà …", which dates something else), folded.
_ASKS_EFFECT = re.compile(r"\bhieu luc(?: thi hanh)?(?: ke)?(?: tu)?(?: (?:ngay|khi|luc|thoi diem))? (?:nao|khi nao|bao gio)\b|\bngay (?:co )?hieu luc\b|\bhieu luc (?:tu|ke tu) (?:khi|ngay|luc) nao\b")
def _named_kinds(question: str) -> set[str]:
    """The kinds of document a question names (the document types of Luật Ban hành VBQPPL and
    Nghị định 30/2020): nouns that are only document types; "báo cáo", also a verb, only as
    "báo cáo sơ kết / tổng kết / số …"."""
    f = fold(expand_abbreviations(question))
    found = {kind for word, kind in (("chi thi", "chỉ thị"), ("nghi quyet", "nghị quyết"), ("thong tu", "thông tư"),
                                     ("nghi dinh", "nghị định"), ("cong van", "công văn")) if re.search(rf"\b{word}\b", f)}
    if re.search(r"\b(?:bao cao|bc)\s+(?:so ket|tong ket|so\b|\d)", f):
        found.add("báo cáo")
    return found


def _asks_effect(query: Query) -> bool:
    return query.kind == "date" and bool(_ASKS_EFFECT.search(fold(query.focus or query.text)))


_LEADS = re.compile(r"\b(?:chu tri|phu trach)\b")  # "Sở X chủ trì bao nhiêu …" (folded)


def _names_row(row: str, agency: str) -> float:
    """1 when a table row's first named cell (after its number) is the agency asked about
    ("| 20 | Sở Y tế | 472.580 |"), -1 when the agency is only mentioned in another cell."""
    cells = [c.split(":", 1)[-1].strip() for c in row.split(" | ")]
    cells = [c for c in cells if c and not re.fullmatch(r"[\dIVXivx.]+", c)]
    want = fold(expand_abbreviations(agency))
    if not cells or want not in fold(expand_abbreviations(row)):
        return 0.0
    return 1.0 if fold(expand_abbreviations(cells[0])).startswith(want) else -1.0


def _coordinates_before(heading: str, phrase: str) -> bool:
    """A heading that names several things, the counted one last ("III. ĐỐI TƯỢNG, TIÊU CHÍ VÀ
    HÌNH THỨC KHEN THƯỞNG"): its sections are those things, not items of the last one."""
    text = collapse(re.sub(r"[^a-z0-9, ]+", " ", fold(re.sub(r"[*_#]", "", heading))))
    text = re.sub(r"^(?:[ivxlc]+|\d+(?: \d+)*|[a-z])\s+", "", text)
    at = text.find(phrase)
    if at <= 0:
        return False
    before = text[:at]
    return "," in before or bool(re.search(r"\bva\s*$", before))


def _as_written(heading: str, phrase: str) -> str:
    """The words of a heading that a folded phrase matches, as the heading writes them, in lower
    case ("III. NHIỆM VỤ, GIẢI PHÁP" + "nhiem vu giai phap" -> "nhiệm vụ, giải pháp")."""
    words = re.sub(r"[*_#]", "", heading).split()
    keys = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in words]
    want = [w for w in phrase.split() if w != "va"]
    for i in range(len(words)):
        j, k = i, 0
        while j < len(words) and k < len(want):
            if keys[j] == want[k]:
                k += 1
            elif keys[j] not in ("va", ""):
                break
            j += 1
        if k == len(want):
            return " ".join(words[i:j]).strip(" ,;:.").lower()
    return ""


def _classifier_asked(question: str) -> str:
    """The collective noun a count question puts before what it counts ("bao nhiêu nhóm nhiệm
    vụ" -> "nhóm "), written with its accents; "" when there is none."""
    m = re.search(r"\b(?:bao nhieu|may)\s+(nhom|loai)\s", fold(question))
    return {"nhom": "nhóm ", "loai": "loại "}[m.group(1)] if m else ""


@lru_cache(maxsize=256)
def _counting(noun: str) -> re.Pattern[str]:
    """A number that counts `noun` (folded): "12 lớp", "12 lớp tập huấn", "lớp tập huấn: 12"."""
    return re.compile(rf"\d[\d.,]*\s+(?:\S+\s+)?{noun}\b|\b{noun}\b[^.;:\d]{{0,40}}:\s*\d")


def counted_phrase(question: str) -> list[str]:
    """The folded words of what "bao nhiêu" counts, up to four ("bao nhiêu dự án ưu tiên"
    -> du an uu tien); [] for percentages, money and time."""
    typed = collapse(re.sub(r"[^\w\s]", " ", expand_abbreviations(nfc(question)).lower()))
    f = fold(typed)
    m = re.search(r"\b(?:bao nhieu|(?<!so )(?<!bo )may)\s+((?:[a-z]+\s*){1,5})", f)  # "bao nhiêu" or "mấy" + noun
    if not m:
        return []
    words = m.group(1).split()
    accented = typed[m.start(1):].split()[: len(words)] if len(typed) == len(f) else words
    # "có" (has) ends the phrase, "cơ" of "cơ quan" does not: told apart by the accent when typed
    words = [w if not (w == "co" and a != "có" and has_diacritics(typed)) else "co_" for w, a in zip(words, accented)]
    if not has_diacritics(typed):
        words = ["co_" if w == "co" and nxt in ("quan", "so") else w for w, nxt in zip(words, words[1:] + [""])]
    if words[0] in _CLASSIFIERS and len(words) > 2:
        words = words[1:]  # "bao nhiêu nhóm nhiệm vụ": a collective noun before what is counted
    words = words[:4]
    if words[0] in _NOT_COUNTED or words[0] in STOPWORDS:
        return []
    cut = next((i for i, w in enumerate(words) if w in ("duoc", "can", "phai", "se", "da", "co", "cua", "theo", "tai", "den", "nam", "trong", "giao", "cho", "chu", "moi")), len(words))
    return [w.rstrip("_") for w in words[:cut]]


def _counted_noun(question: str) -> str:
    """The noun a "bao nhiêu" question counts ("bao nhiêu lớp tập huấn" -> "lop"), folded; "" for
    percentages, money and time, which other kinds handle."""
    m = _COUNTED.search(fold(question))
    if not m:
        return ""
    first = m.group(1).split()[0]
    return "" if first in _NOT_COUNTED or first in STOPWORDS else first


def _acronyms(text: str) -> set[str]:
    """Words written in capitals inside a sentence that is not ("AI", "IoT"): names, never
    question or function words."""
    if not re.search(r"[a-zà-ỹđ]", text):
        return set()
    return {fold(w) for w in re.findall(r"\b[A-ZĐ][A-ZĐ0-9]{1,}\b", text)}


def _is_title(line: str, meta: DocumentMeta) -> bool:
    a, b = fold(collapse(re.sub(r"^#+\s*", "", line))), fold(meta.title)
    return bool(a) and (a in b or b in a)


def _values(u: Unit) -> str:
    """What a passage says: a table row without its column names (every row has those)."""
    if " | " not in u.text and ": " not in u.text[:60]:
        return u.text
    return re.sub(r"(^|\| )[^|:]{1,60}: ", r"\1", u.text) if u.end_line > u.start_line or "|" in u.text else u.text


def _doc_context(meta: DocumentMeta) -> str:
    return f"{meta.title} {' '.join(meta.attached)} {meta.province} {meta.period} {meta.number} {meta.issuer}"


def _doc_label(meta: DocumentMeta, source: str = "") -> str:
    kind = (meta.kind or "văn bản").capitalize()
    if meta.kind == "tin tức":
        kind = "Bài viết"
    parts = [kind]
    if meta.number:
        parts.append(meta.number)
    if meta.province:
        parts.append(meta.province)
    if meta.period and not meta.number:
        parts.append(_period_text(meta))
    label = " ".join(parts)
    return label if len(parts) > 1 else (meta.title or source)


def _period_text(meta: DocumentMeta) -> str:
    p = meta.period
    if not p:
        return "không rõ thời kỳ"
    if p.startswith("đến"):
        return f"giai đoạn {p}"
    return f"giai đoạn {p}" if "-" in p else f"năm {p}"


def _scope_line(doc: DocumentRecord, wanted) -> int:
    """The line where a document states its period (prefer an upper-case title line)."""
    lines = doc.lines
    candidates = []
    for i, line in enumerate(lines[:80]):
        years = set(years_in(line)) | {y for a, b in periods_in(line) for y in range(a, b + 1)}
        if wanted and not any(b in years for a, b in wanted):
            continue
        if not years or "giai đoạn" not in line.lower() and "năm" not in line.lower():
            continue
        upper = sum(ch.isupper() for ch in line) > 0.6 * sum(ch.isalpha() for ch in line)
        candidates.append((0 if upper else 1, i + 1))
    if candidates:
        return min(candidates)[1]
    return doc.meta.lines.get("title", [1, 1])[0]


def _section_at(index: LoadedIndex, source: str, line: int) -> str:
    for c in index.chunks_of(source):
        if c.start_line <= line <= c.end_line:
            return c.section
    return ""


def _names_agency(names: list[str], agency_folded: str) -> bool:
    """Does one of the names say the agency asked about? Also when the question leaves out the
    plural "các" and the commas of a name ("UBND xã, phường" for "Ủy ban nhân dân các xã, phường")."""
    asked = _name_words(agency_folded)
    for name in names:
        f = fold(name)
        if agency_folded in f or (len(f) > 6 and f in agency_folded):
            return True
        if len(asked) >= 3 and _name_words(f)[: len(asked)] == asked:
            return True
    return False


def _name_words(folded: str) -> list[str]:
    return [w for w in re.sub(r"[^a-z0-9 ]+", " ", fold(expand_abbreviations(folded))).split() if w not in ("cac", "nhung")]


def _merge_citations(cites: list[Citation]) -> list[Citation]:
    """Adjacent lines of one source become one span."""
    out: list[Citation] = []
    for c in sorted(cites, key=lambda c: (c.source, c.start_line)):
        if out and out[-1].source == c.source and c.start_line <= out[-1].end_line + 1:
            prev = out[-1]
            out[-1] = Citation(prev.source, prev.section, prev.start_line, max(prev.end_line, c.end_line), f"{prev.quote} {c.quote}")
        else:
            out.append(c)
    return out


def _strip_number(text: str) -> str:
    """"2.1. Mục đích" -> "Mục đích"; also a legal unit's own label ("Điều 10. Trách nhiệm …")."""
    text = re.sub(r"^\s*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:\d{1,3}|[IVXLC]{1,6})\s*[.:]\s*", "", text)
    return re.sub(r"^\s*([IVXLC]+|\d+(\.\d+)*|[a-zđ])\s*[.)]\s*", "", text).strip().rstrip(":")


def _strip_bullet(text: str) -> str:
    return re.sub(r"^\s*[-+•*]\s*", "", text).strip().rstrip(";.")


def split_sentences(line: str) -> list[str]:
    """Sentences of a line: a break after ".;!?" only where the next one starts with a capital
    or a bullet ("…95%; đến năm 2030 đạt 100%" stays one sentence)."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.;!?])\s+", line):
        piece = piece.strip()
        if not piece:
            continue
        if out and not (piece[0].isupper() or piece[0] in "-+•*" or piece[0].isdigit()):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [line]


def _shorten_at(text: str, limit: int, key: int) -> str:
    """A long passage shortened so that it keeps `key` (a position in its collapsed text): from
    the clause that holds it when it lies past the cut."""
    text = collapse(text)
    if key < 0 or len(text) <= limit or key < limit - 80:
        return _shorten(text, limit)
    start = max(text.rfind("; ", 0, key), text.rfind(". ", 0, key))
    start = start + 2 if start >= 0 and key - start < limit - 80 else max(0, key - 120)
    return "…" + _shorten(text[start:], limit)


def _shorten(text: str, limit: int) -> str:
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


