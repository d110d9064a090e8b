"""Plain data passed between the pipeline stages. Nothing else lives here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable


@dataclass
class DocumentMeta:
    """What we know about a document, read from its own text."""

    title: str = ""
    number: str = ""  # e.g. "80/KH-UBND"
    issuer: str = ""  # e.g. "Ủy ban nhân dân tỉnh Vĩnh Phúc"
    province: str = ""  # canonical province name, e.g. "Vĩnh Phúc"
    date: str = ""  # dd/mm/yyyy as found
    signer: str = ""
    period: str = ""  # e.g. "2021-2030"
    years: list[int] = field(default_factory=list)  # years the document covers or is about
    kind: str = ""  # kế hoạch, quyết định, đề án, tin tức, ...
    implements: list[str] = field(default_factory=list)  # document numbers it implements / is based on
    cites: list[str] = field(default_factory=list)  # all document numbers it mentions
    replaces: list[str] = field(default_factory=list)
    # Titles of the documents a decision attaches ("Ban hành kèm theo Quyết định này Kế hoạch …"):
    # a decision with its plan holds two parts, each with its own title.
    attached: list[str] = field(default_factory=list)
    lines: dict[str, list[int]] = field(default_factory=dict)  # field -> [start_line, end_line] it was read from
    # For a minified HTML page laid out one block per line: the page's own line of each line of
    # the text (the command-line contract counts the file's lines); empty when they are the same.
    file_lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentMeta":
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Document:
    """One file of the knowledge folder, its text kept line for line."""

    source: str  # path relative to the knowledge folder, with "/" separators
    text: str  # NFC text; lines are split on "\n" only
    sha256: str  # of the raw bytes, for incremental ingest
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Chunk:
    """A passage of one document: lines start_line..end_line (1-based, inclusive)."""

    id: str
    source: str
    heading_path: list[str]
    start_line: int
    end_line: int
    text: str
    header: str = ""  # contextual header: title, province, period, heading path
    kind: str = "text"  # "text" or "table"

    @property
    def section(self) -> str:
        return " › ".join(self.heading_path)

    @property
    def indexed_text(self) -> str:
        """What is embedded and keyword-indexed."""
        return f"{self.header}\n{self.text}" if self.header else self.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Chunk":
        return cls(**data)


@dataclass
class Hit:
    """A retrieved chunk with its fused score and the score of each retriever."""

    chunk: Chunk
    score: float
    scores: dict[str, float] = field(default_factory=dict)


class _Record:
    """Plain-data helpers shared by the records below."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Citation(_Record):
    source: str
    section: str
    start_line: int
    end_line: int
    quote: str


class _Fact(_Record):
    """A fact extracted at ingest: it cites the lines it was read from."""

    def citation(self) -> Citation:
        return Citation(self.source, self.section, self.start_line, self.end_line, self.quote)  # type: ignore[attr-defined]


@dataclass
class Responsibility(_Fact):
    """Who does what: a task with its lead and partner agencies, or an agency's duty."""

    source: str
    task: str  # the task / activity, or the agency's heading in "Tổ chức thực hiện"
    lead: list[str]
    partners: list[str]
    duty: str  # the duty text ("" for a pure lead/partner line)
    section: str
    start_line: int
    end_line: int
    quote: str
    timeline: str = ""
    funding: str = ""


@dataclass
class Target(_Fact):
    """A quantified goal: indicator -> value, for a year or period."""

    source: str
    indicator: str
    value: str  # as written: "80%", "1.250 lượt", ...
    period: str  # "2025", "2021-2025", "2026-2030", "" when unknown
    section: str
    start_line: int
    end_line: int
    quote: str
    kind: str = ""  # "mục tiêu" (a goal) or "kết quả" (a figure already achieved); see facts_view.py


@dataclass
class BudgetLine(_Fact):
    """An amount of money for an item, from a table row or a sentence."""

    source: str
    item: str
    amount: str  # as written
    unit: str  # "đồng", "1.000đ", ...
    year: str
    funding: str  # "Trung ương", "Địa phương", "" ...
    detail: str  # explanation column / rest of the sentence
    section: str
    start_line: int
    end_line: int
    quote: str
    amount_dong: int | None = None  # the amount in đồng (unit applied); None when it cannot be read


@dataclass
class Facts:
    """Everything extracted from one document."""

    responsibilities: list[Responsibility] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)

    def extend(self, other: "Facts") -> None:
        self.responsibilities.extend(other.responsibilities)
        self.targets.extend(other.targets)
        self.budget.extend(other.budget)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Facts":
        return cls(
            responsibilities=[Responsibility(**r) for r in data.get("responsibilities", [])],
            targets=[Target(**t) for t in data.get("targets", [])],
            budget=[BudgetLine(**b) for b in data.get("budget", [])],
        )


@dataclass
class DocumentInfo:
    """One document of the library, as the app and the CLI see it."""

    source: str  # path relative to the knowledge folder
    meta: DocumentMeta
    text: str
    chunks: int
    indexed_at: float

    @property
    def title(self) -> str:
        return self.meta.title or self.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class LibraryStatus:
    ready: bool  # an index exists and can be read
    documents: int = 0
    chunks: int = 0
    built_at: float = 0.0
    message: str = ""  # why it is not ready


@dataclass
class FileChange:
    """One file of an upload or a removal: what happened to it."""

    name: str  # as sent / as asked
    source: str = ""  # where it is (was) in the knowledge folder, relative
    problem: str = ""  # why it was refused or failed ("" = done)

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass
class LibraryUpdate:
    """The result of adding or removing files: each file, then the index update (None if not run)."""

    files: list[FileChange] = field(default_factory=list)
    report: "IngestReport | None" = None
    error: str = ""  # the index update failed (the previous index stays in use)


@dataclass
class Turn:
    role: str  # "user" or "assistant"
    content: str


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)  # "có thể liên quan" when abstaining
    kind: str = ""  # question kind, for evaluation per kind
    standalone_question: str = ""  # the follow-up rewritten on its own
    latency_ms: float = 0.0
    confidence: float = 0.0  # how sure the reader is (answering.py); below Settings.min_confidence it abstains

    def in_file_lines(self, lines_of: Callable[[str], list[int]]) -> "Answer":
        """A copy whose citations and retrieved passages count their files' own lines: `lines_of`
        gives, for a source, the file line of each line of its text (empty: the same lines)."""
        def span(source: str, a: int, b: int) -> tuple[int, int]:
            table = lines_of(source)
            if not table:
                return a, b
            return table[min(a, len(table)) - 1], table[min(b, len(table)) - 1]

        def cite(c: Citation) -> Citation:
            a, b = span(c.source, c.start_line, c.end_line)
            return replace(c, start_line=a, end_line=b)

        def hit(h: Hit) -> Hit:
            a, b = span(h.chunk.source, h.chunk.start_line, h.chunk.end_line)
            return replace(h, chunk=replace(h.chunk, start_line=a, end_line=b))

        return replace(self, citations=[cite(c) for c in self.citations], related=[cite(c) for c in self.related],
                       hits=[hit(h) for h in self.hits])

    def to_contract(self, id_: str | None = None) -> dict[str, Any]:
        """The JSON object of the command-line contract."""
        out: dict[str, Any] = {}
        if id_ is not None:
            out["id"] = id_
        out.update(
            answer=self.text,
            abstained=self.abstained,
            citations=[c.to_dict() for c in self.citations],
            retrieved=[
                {
                    "source": h.chunk.source,
                    "start_line": h.chunk.start_line,
                    "end_line": h.chunk.end_line,
                    "score": round(h.score, 4),
                }
                for h in self.hits
            ],
            latency_ms=round(self.latency_ms, 1),
        )
        return out


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # source -> reason
    chunks: int = 0
    embedded: int = 0  # chunks whose text was new and went through the embedding model
    rebuilt: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Query:
    """A question understood: its kind and slots, resolved against the conversation."""

    text: str  # as asked
    standalone: str  # follow-ups rewritten to stand on their own
    kind: str = "what"  # lead, partner, duty, target, amount, count, date, signer, number, list, rename, what
    provinces: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    periods: list[tuple[int, int]] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # document numbers named
    agency: str = ""  # agency named as the subject ("Sở Tài chính")
    sources: list[str] = field(default_factory=list)  # limit to these documents ([] = all)
    followup: bool = False
    unaccented: bool = False
    focus: str = ""  # the part of a several-part question being answered ("" = all of it)
    compare: bool = False  # one province of a comparison: the question also names others


@dataclass(frozen=True)
class LoadLimits:
    """Bounds on the work one file may cause (Settings sets them; see config.py for the reasons)."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 64 * 1024 * 1024  # the parts of a .docx, uncompressed
    max_text_chars: int = 500_000
    max_pdf_pages: int = 500
