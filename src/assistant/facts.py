"""Facts: Document -> responsibilities, targets and budget lines, each with its source lines.

Written for the general style of Vietnamese administrative plans, not for one file:

- responsibilities: task blocks ("Cơ quan chủ trì: ...", "Cơ quan phối hợp: ..."), tables
  with "chủ trì" / "phối hợp" columns, the agencies of the "Tổ chức thực hiện" part with
  their duties, and sentences such as "giao Sở X chủ trì, phối hợp với Y ...";
- targets: quantified goals ("phấn đấu đạt 80% ...", "tối thiểu 60% ...", "1.250 lượt cán
  bộ" in a goal or result context) with the period they belong to;
- budget: rows of cost tables and sentences with an amount of money ("... là 3.500.000.000
  đồng").

Line numbers are 1-based and inclusive; every quote is the exact (stripped) source text of
the cited lines, or a clause of that text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .chunking import Section, heading_level, outline
from .tables import Row, Table, find_tables
from .types import BudgetLine, Chunk, Document, Facts, Responsibility, Target
from .vietnamese import PERIOD, collapse, fold

FACTS_VERSION = "13"

_INDICATOR_LIMIT = 200


class FactExtractor:
    def run(self, doc: Document, chunks: list[Chunk]) -> Facts:
        ctx = _Context(doc)
        return Facts(
            responsibilities=_responsibilities(ctx),
            targets=_targets(ctx),
            budget=sorted(_table_budget(ctx) + _sentence_budget(ctx), key=lambda b: b.start_line),
        )


# =========================================================================== context


@dataclass
class _Context:
    """A document with its tables and outline, and helpers to locate a line in them."""

    doc: Document
    lines: list[str] = field(init=False)
    tables: list[Table] = field(init=False)
    table_lines: set[int] = field(init=False)
    root: Section = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.doc.lines
        self.tables = find_tables(self.lines)
        self.table_lines = {i for t in self.tables for i in range(t.start, t.end)}
        self.root = outline(self.lines, self.table_lines)

    @property
    def source(self) -> str:
        return self.doc.source

    def nodes_at(self, i: int) -> list[Section]:
        """Sections containing 0-based line i, outermost first."""
        out: list[Section] = []
        node = self.root
        while True:
            inside = [c for c in node.children if c.start <= i < c.end]
            if not inside:
                return out
            node = inside[-1]
            out.append(node)

    def section(self, i: int) -> str:
        return " › ".join(n.label for n in self.nodes_at(i))

    def quote(self, start: int, end: int) -> str:
        """Exact text of 0-based lines start..end (inclusive), stripped, joined by spaces."""
        return " ".join(s for s in (self.lines[k].strip() for k in range(start, end + 1)) if s)

    def body_lines(self) -> list[int]:
        """Non-blank lines outside tables."""
        return [i for i, line in enumerate(self.lines) if line.strip() and i not in self.table_lines]


# =========================================================================== text helpers

# "4.2.", "II.", "a)", "-", "##", and the outline words of Nghị định 30/2020 ("Phần I", "Chương II",
# "Mục 3.", "Điều 5.")
_NUMBERING = re.compile(
    r"^\s*(?:(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)]|[-+•*–]|#{1,6}(?=\s)"
    r"|(?:Phần|Chương|Mục|Điều|PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s+(?:[IVXLC]{1,6}|\d{1,3})\b\s*[.:)]?)\s*"
)


def _strip_numbering(text: str) -> str:
    """"4.2. Sở Nội vụ" -> "Sở Nội vụ"; "- a) ..." -> "..."."""
    prev = None
    text = text.strip()
    while prev != text:
        prev = text
        text = _NUMBERING.sub("", text, count=1).strip()
    return text


def _clean_value(text: str) -> str:
    return collapse(text).strip(" ;,.:")


def _shorten(text: str, limit: int = _INDICATOR_LIMIT) -> str:
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _sentence_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of line around [start, end): from after the previous ". " or ";" to the next.
    A ";" inside brackets separates the items of a list in them ("(giao X chủ trì, phối hợp với
    Y; Z …)"), so it ends nothing there; the bracket's close does."""
    opened = line.rfind("(", 0, start) > line.rfind(")", 0, start)
    left = 0
    for m in re.finditer(r"\(" if opened else r"(?:\.\s|;\s?)", line[:start]):
        left = m.end()
    m = re.compile(r"\)|\.(?:\s|$)" if opened else r"\.(?:\s|$)|;").search(line, end)
    right = m.start() + 1 if m else len(line)
    return left, right


# =========================================================================== agencies

# Words that open an agency name. The upper-case ones must be followed by a proper name
# (a capitalised word) or a level word, so that "Ban hành ..." or "Hội nghị ..." are not agencies.
_AGENCY_HEADS = [
    "Ủy ban Mặt trận Tổ quốc", "Ủy ban nhân dân", "Ủy ban", "UBND", "UBMTTQ", "UB MTTQ", "MTTQ",
    "Sở", "Ban", "Bộ Chỉ huy", "Bộ", "Đài", "Báo", "Hội đồng", "Hội", "Đoàn", "Tỉnh đoàn",
    "Thành đoàn", "Công an", "Cục", "Chi cục", "Phòng", "Trường", "Trung tâm", "Viện",
    "Bệnh viện", "Tòa án", "Viện kiểm sát", "Kho bạc", "Ngân hàng", "Văn phòng", "Thanh tra",
    "Mặt trận", "Liên đoàn", "Liên minh", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy",
    "Đảng ủy", "Bảo hiểm xã hội", "Cơ sở", "Công ty", "Tổng công ty", "Quỹ", "Cục Thuế",
    "Chi nhánh", "Đại học", "Học viện", "Hải quan", "Bưu điện", "Điện lực", "Cảnh sát",
    "Bộ đội", "Chủ tịch", "Liên hiệp", "Ủy ban nhân dân cấp",
]
# Heads that are complete names on their own ("Công an tỉnh", "Bảo hiểm xã hội tỉnh").
_SELF_STANDING = {"Ủy ban nhân dân", "UBND", "Công an", "Bảo hiểm xã hội", "Thanh tra", "Văn phòng",
                  "Kho bạc", "Ủy ban nhân dân cấp", "Tỉnh đoàn", "Thành đoàn", "Tỉnh ủy",
                  "Thành ủy", "Huyện ủy", "Quận ủy", "Đảng ủy", "Bộ đội", "Hải quan", "Điện lực", "Bưu điện"}
_LEVEL_WORDS = ("tỉnh", "huyện", "thành phố", "quận", "thị xã", "xã", "phường", "thị trấn", "nhân dân",
                "cấp", "các", "trung ương", "Nhà nước", "nhà nước", "cơ sở")
_COLLECTIVE = re.compile(
    r"^[Cc]ác\s+(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|hội|đoàn thể|huyện|quận|xã|phường"
    r"|thị xã|thành phố|trường|cơ sở|doanh nghiệp|bệnh viện|trung tâm|phòng|cấp|bộ|thành viên|nhà"
    r"|Sở|Ban|Hội|Đoàn|UBND|Ủy ban|Uỷ ban|cơ sở)\b"
)
_LEVEL_AGENCY = re.compile(r"^[Cc]ấp\s+(?:tỉnh|huyện|xã|thành phố|quận|phường|cơ sở)\b")


def _norm_uy(text: str) -> str:
    """"Uỷ" and "Ủy" are the same word; the replacement keeps every index in place."""
    return text.replace("Uỷ", "Ủy").replace("uỷ", "ủy")


def is_agency_start(text: str) -> bool:
    """Does text begin with the name of an agency (or a group of agencies)?"""
    s = _norm_uy(text.strip())
    if _COLLECTIVE.match(s) or _LEVEL_AGENCY.match(s):
        return True
    for head in sorted(_AGENCY_HEADS, key=len, reverse=True):
        if not s.startswith(head):
            continue
        rest = s[len(head):]
        if head == "Thanh tra" and rest[:1] == ",":
            return False  # "Thanh tra, kiểm tra việc …": the verbs (inspect, check), not the inspectorate
        if not rest or rest[0] in ",;:.)":
            return head in _SELF_STANDING
        if not rest[0].isspace():
            continue
        nxt = rest.strip()
        if not nxt:
            return head in _SELF_STANDING
        if nxt[0].isupper() or nxt.startswith(_LEVEL_WORDS) or head in _SELF_STANDING:
            return True
    return False


# Lower-case words that end an agency name: the verb or preposition that follows it.
_VERBS = [
    "chủ trì", "phối hợp", "là", "giao", "có trách nhiệm", "chịu trách nhiệm", "chỉ đạo", "tổ chức",
    "thực hiện", "triển khai", "xây dựng", "hướng dẫn", "đẩy mạnh", "tuyên truyền", "rà soát",
    "theo dõi", "tham mưu", "kiểm tra", "giám sát", "đánh giá", "báo cáo", "nghiên cứu", "tập huấn",
    "đào tạo", "bồi dưỡng", "vận động", "tăng cường", "phổ biến", "bố trí", "lồng ghép", "thống kê",
    "điều tra", "khảo sát", "ban hành", "đề xuất", "tập hợp", "thành lập", "nâng cao",
    "để", "nhằm", "theo", "về", "tại", "trong", "biên soạn", "phát hành", "tham gia", "quản lý",
    "huy động", "đảm bảo", "bảo đảm", "thẩm định", "cân đối", "phân bổ", "chuẩn bị", "củng cố",
    "kiện toàn", "duy trì", "ưu tiên", "căn cứ", "tùy theo", "tuỳ theo", "được", "sẽ", "cần",
    "tiếp tục", "chủ động", "xem xét", "cung cấp thông tin", "hỗ trợ",
]
_VERB_RE = re.compile(r"\s(?:" + "|".join(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True)) + r")(?=[\s,.;:]|$)")
# A verb right after these words is a noun ("các tổ chức", "cơ sở đào tạo").
_NOUN_BEFORE = {"các", "những", "và"}
_NOUN_BEFORE2 = {"cơ sở", "trung tâm", "đơn vị"}
_LIST_SEP = re.compile(r"(\s*[,;]\s*|\s+và\s+|\s+cùng\s+|\s+với\s+)")


def _agency_end(text: str) -> int:
    """Where the agency list that opens text ends: before the first verb."""
    for m in _VERB_RE.finditer(text):
        before = text[: m.start()].split()
        if not before:
            continue
        if before[-1].lower() in _NOUN_BEFORE or " ".join(before[-2:]).lower() in _NOUN_BEFORE2:
            continue
        if len(before) < 2 and m.group(0).strip() not in ("là", "chủ trì", "phối hợp"):
            continue
        return m.start()
    return len(text)


def split_agencies(text: str, strict: bool = False) -> list[str]:
    """"Sở Xây dựng, Sở Kế hoạch và Đầu tư và các sở, ban, ngành liên quan" -> three agencies.

    Splits on ",", ";", " và ", " cùng ", " với " only where the next part opens a new agency,
    so "Sở Văn hóa, Thể thao và Du lịch" stays whole. Stops at the first verb. With strict,
    a list that does not open with an agency gives [].
    """
    text = text.strip()
    cut = _agency_end(text)
    colon = text.find(":")
    if 0 <= colon < cut and is_agency_start(text[colon + 1:]):
        text = text[colon + 1:].strip()  # "các cơ quan: Báo ..., Đài ..."
        cut = _agency_end(text)
    text = text[:cut]
    pieces = _LIST_SEP.split(text)
    items: list[str] = []
    for k in range(0, len(pieces), 2):
        piece = pieces[k].strip()
        if not piece:
            continue
        if not items or is_agency_start(piece):
            items.append(piece)
        else:
            items[-1] = items[-1] + pieces[k - 1] + piece
    items = [_clean_value(x) for x in items]
    items = [x for x in items if x]
    if strict and (not items or not is_agency_start(items[0])):
        return []
    return items


def _partners_after(text: str) -> tuple[list[str], int]:
    """Agencies after "phối hợp với" in text, and where that list ends (-1 if none)."""
    m = re.search(r"phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?", text, re.I)
    if not m:
        return [], -1
    rest = text[m.end():]
    if not is_agency_start(rest) and not re.match(r"[Cc]ác\s", rest):
        return [], -1
    cut = _agency_end(rest)
    colon = rest.find(":")
    if 0 <= colon < cut and is_agency_start(rest[colon + 1:]):
        cut = colon + 1 + _agency_end(rest[colon + 1:])
    return split_agencies(rest[:cut]), m.end() + cut


# =========================================================================== responsibilities


def _responsibilities(ctx: _Context) -> list[Responsibility]:
    used: set[int] = set()
    out = _task_blocks(ctx, used)
    out += _table_responsibilities(ctx)
    out += _implementation_duties(ctx, used)
    out += _assignment_sentences(ctx, used)
    out.sort(key=lambda r: (r.start_line, r.end_line))
    return out


# -- a. task blocks: "Cơ quan chủ trì: X;" / "Cơ quan phối hợp: Y, Z" under a task heading

# "Cơ quan chủ trì:", "Đơn vị chủ trì thực hiện:", "Đơn vị chủ trì tham mưu thực hiện:" ...
_LEAD_LABEL = re.compile(
    r"(?:(?:cơ quan|đơn vị)(?:\s*,\s*đơn vị)?\s+)?chủ trì(?:\s+(?:tham mưu|thực hiện|triển khai|xây dựng)){0,2}\s*:|(?:cơ quan|đơn vị)\s+(?:thực hiện|đầu mối)\s*:",
    re.I,
)
_PARTNER_LABEL = re.compile(r"(?:(?:cơ quan|đơn vị)\s+)?phối hợp(?:\s+(?:thực hiện|triển khai|tham mưu)){0,2}\s*:", re.I)
_TIME_LABEL = re.compile(
    r"(?:thời gian(?:\s+(?:thực hiện|hoàn thành|hoàn tất|triển khai))?|tiến độ(?:\s+thực hiện)?|thời hạn(?:\s+hoàn (?:thành|tất))?)\s*:", re.I
)
_FUND_LABEL = re.compile(r"(?:nguồn\s+kinh phí|kinh phí(?:\s+thực hiện)?|nguồn vốn)\s*:", re.I)
_ANY_LABEL = re.compile("|".join(p.pattern for p in (_LEAD_LABEL, _PARTNER_LABEL, _TIME_LABEL, _FUND_LABEL)), re.I)

# Headings that name a part of a task, not the task ("b) Nhiệm vụ, trách nhiệm:").
_GENERIC_PART = re.compile(
    r"^(?:(?:cac\s+)?(?:noi dung|nhiem vu|trach nhiem|phan cong|giai phap|to chuc thuc hien|thuc hien"
    r"|co quan thuc hien|don vi thuc hien|kinh phi|thoi gian|tien do|cu the|chu yeu)(?:\s*,\s*|\s+va\s+|\s+)?)+$"
)


def _label_value(line: str, label: re.Pattern[str]) -> tuple[str, int, int] | None:
    """The text after a label in line, up to the next label; with the label's span."""
    m = label.search(line)
    if not m:
        return None
    nxt = _ANY_LABEL.search(line, m.end())
    end = nxt.start() if nxt else len(line)
    return _clean_value(line[m.end():end]), m.start(), end


def _task_title(ctx: _Context, i: int, before: str) -> str:
    """The task a lead line belongs to: text before the label on the same line, else the
    nearest enclosing heading that is not a generic part."""
    before = _strip_numbering(before).strip(" .;:-")
    if len(before.split()) >= 3:
        return _clean_value(before)
    for node in reversed(ctx.nodes_at(i)):
        if node.start == i:
            continue
        title = _strip_numbering(ctx.lines[node.start]).rstrip(":.; ")
        if title and not _GENERIC_PART.match(fold(title).strip()):
            return collapse(title)
    for k in range(i - 1, -1, -1):  # no heading: the previous paragraph
        if ctx.lines[k].strip() and k not in ctx.table_lines:
            return _shorten(_strip_numbering(ctx.lines[k]).rstrip(":.; "))
    return ""


def _block_container(ctx: _Context, i: int) -> Section | None:
    """The section whose lines belong with lead line i: its own section; when the lead line is
    itself a sub-heading ("b) Đơn vị chủ trì: ...") without its partners, the task around it."""
    nodes = ctx.nodes_at(i)
    if not nodes:
        return None
    if nodes[-1].start < i or _PARTNER_LABEL.search(ctx.lines[i]) or len(nodes) == 1:
        return nodes[-1]
    return nodes[-2]


def _task_blocks(ctx: _Context, used: set[int]) -> list[Responsibility]:
    body = ctx.body_lines()
    leads = [i for i in body if _LEAD_LABEL.search(ctx.lines[i])]
    out: list[Responsibility] = []
    for n, i in enumerate(leads):
        line = ctx.lines[i]
        lead_text, label_start, _ = _label_value(line, _LEAD_LABEL)
        container = _block_container(ctx, i)
        block_start, block_end = (container.start, container.end) if container else (0, len(ctx.lines))
        if n + 1 < len(leads):
            block_end = min(block_end, leads[n + 1])
        if n > 0:
            block_start = max(block_start, leads[n - 1] + 1)
        block = [k for k in body if block_start <= k < block_end]
        partners: list[str] = []
        span = [i]
        timeline = funding = ""
        # The block's own labels follow its lead line; labels above it belong to the block
        # before unless the lead comes last.
        for k in sorted(block, key=lambda k: (k < i, k if k >= i else -k)):
            text = ctx.lines[k]
            found = _label_value(text, _PARTNER_LABEL)
            if found and not partners:
                partners = split_agencies(found[0])
                span.append(k)
            found = _label_value(text, _TIME_LABEL)
            if found and not timeline:
                timeline = found[0]
                span.append(k)
            found = _label_value(text, _FUND_LABEL)
            if found and not funding:
                funding = found[0]
                span.append(k)
        start, end = min(span), max(span)
        used.update(range(start, end + 1))
        # The task is what the block says before its labels (a bullet "- Xây dựng …" under a
        # heading that groups several tasks), else the text before the label, else the heading.
        title = _task_title(ctx, i, line[:label_start])
        if len(_strip_numbering(line[:label_start]).split()) < 3:
            desc_lines = [k for k in block if k < i and not _ANY_LABEL.search(ctx.lines[k]) and heading_level(ctx.lines[k]) is None]
            if desc_lines:
                title = _shorten(_strip_numbering(" ".join(ctx.lines[k] for k in desc_lines)).rstrip(":.; "))
                start = min(start, desc_lines[0])  # the citation shows the task with its labels
        nodes = ctx.nodes_at(i)
        if nodes and 0 < start - nodes[-1].start <= 3 and not _GENERIC_PART.match(fold(_strip_numbering(nodes[-1].label)).strip(" :")):
            start = nodes[-1].start  # "10. Triển khai …" then its labels: the task's own line is cited too
        out.append(Responsibility(
            source=ctx.source, task=title, lead=split_agencies(lead_text),
            partners=partners, duty="", section=ctx.section(i), start_line=start + 1, end_line=end + 1,
            quote=ctx.quote(start, end), timeline=timeline, funding=funding,
        ))
    return out


# -- b. tables with "chủ trì" / "phối hợp" columns


def _column(headers: list[str], pattern: str, exclude=()) -> int:
    """Index of the first header (folded) matching pattern, or -1."""
    for k, head in enumerate(headers):
        if k not in exclude and re.search(pattern, fold(head)):
            return k
    return -1


def _first_text_column(headers: list[str], exclude) -> int:
    """The first column that is not taken and not the row number ("STT", "TT")."""
    return next((k for k, head in enumerate(headers)
                 if k not in exclude and not re.fullmatch(r"s?\s*tt|so tt", fold(head).strip())), -1)


def _cell(row: Row, k: int) -> str:
    return collapse(row.cells[k]) if 0 <= k < len(row.cells) else ""


def _row_quote(ctx: _Context, row: Row) -> str:
    return ctx.quote(row.start, row.end - 1)


def _table_responsibilities(ctx: _Context) -> list[Responsibility]:
    out: list[Responsibility] = []
    for table in ctx.tables:
        heads = table.headers
        # "Chủ trì" names the lead column; "Cơ quan thực hiện" does when no column says
        # "chủ trì" (under a group header "Cơ quan thực hiện" both sub-columns carry it).
        lead_col = _column(heads, r"chu tri|dau moi")
        if lead_col < 0:
            lead_col = _column(heads, r"don vi thuc hien|co quan thuc hien", {k for k, h in enumerate(heads) if "phoi hop" in fold(h)})
        if lead_col < 0:
            continue
        partner_col = _column(heads, r"phoi hop", {lead_col})
        time_col = _column(heads, r"thoi gian|tien do|thoi han", {lead_col, partner_col})
        fund_col = _column(heads, r"kinh phi|nguon", {lead_col, partner_col, time_col})
        taken = {lead_col, partner_col, time_col, fund_col}
        task_col = _column(heads, r"noi dung|nhiem vu|hoat dong|cong viec|ten|giai phap|de an|du an", taken)
        if task_col < 0:
            task_col = _first_text_column(heads, taken)
        section = ctx.section(table.start)
        for row in table.rows:
            lead = _cell(row, lead_col)
            if not lead:
                continue
            out.append(Responsibility(
                source=ctx.source, task=_strip_numbering(_cell(row, task_col)), lead=split_agencies(lead),
                partners=split_agencies(_cell(row, partner_col)), duty="", section=section,
                start_line=row.start + 1, end_line=row.end, quote=_row_quote(ctx, row),
                timeline=_cell(row, time_col), funding=_cell(row, fund_col),
            ))
    return out


# -- c. the "Tổ chức thực hiện" part: each agency and its duties

_IMPLEMENTATION = re.compile(
    r"^(?:to chuc thuc hien|phan cong (?:nhiem vu|trach nhiem|thuc hien)|trach nhiem (?:thuc hien|cua)|nhiem vu cua cac)"
)
_CLOSING = re.compile(r"^(?:tren day|noi nhan|kt\.|tm\.|q\.|ky thay)|^trong qua trinh .*vuong mac")
# After the agencies, "Yêu cầu các sở, ngành ... thực hiện nghiêm túc" closes the part.
_CLOSING_AFTER_AGENCIES = re.compile(r"^(?:yeu cau|de nghi) (?:cac|thu truong|giam doc|chu tich)")
# What stands before an agency's name in a duty's heading: a request ("Giao", "Đề nghị"), or the
# head of the agency a directive (Chỉ thị) speaks to ("Giám đốc Công an tỉnh:", "Chủ tịch Ủy ban
# nhân dân các xã, phường:", "Thủ trưởng các sở, ban, ngành:").
_REQUEST_PREFIX = re.compile(
    r"^(?:Đề nghị|Giao cho|Giao|Yêu cầu|Trách nhiệm của|Nhiệm vụ của|Giám đốc|Thủ trưởng|Chủ tịch|Chánh(?= Văn phòng)|"
    r"Cục trưởng|Chi cục trưởng|Trưởng ban|Tổng Giám đốc|Người đứng đầu)\s+(?=\S)", re.I)  # "Chánh Văn phòng X": Văn phòng X
_DUTY_VERB_AFTER_AGENCY = re.compile(r"^\s*(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|là cơ quan)\b", re.I)


@dataclass
class _AgencyHead:
    agencies: list[str]
    label: str
    duty: str  # what the line says the agency does ("" when it only names the agency)


def _parse_agency_line(text: str, need_duty_marker: bool = False) -> _AgencyHead | None:
    """"4.4. Sở Tài chính, Sở Kế hoạch và Đầu tư: Ưu tiên bố trí ..." -> both Sở, and the duty.

    With need_duty_marker (a body line), only "Agency: duty" and "Agency chủ trì / có trách
    nhiệm / phối hợp ..." count, so an ordinary sentence about an agency is not taken.
    """
    body = _strip_numbering(text)
    named = _REQUEST_PREFIX.sub("", body, count=1)
    if not is_agency_start(named):
        return None
    verb = _agency_end(named)
    colon = named.find(":")
    if 0 <= colon < verb:
        label, duty = named[:colon], named[colon + 1:].strip()
    else:
        label, rest = named[:verb], named[verb:]
        duty = body if rest.strip(" .;:") else ""
        if need_duty_marker and not _DUTY_VERB_AFTER_AGENCY.match(rest):
            return None
    if need_duty_marker and not duty:
        return None
    label = _clean_value(label)
    agencies = split_agencies(label)
    if not agencies or len(label) > 160:
        return None
    return _AgencyHead(agencies, label, collapse(duty))


def _duty_partners(duty: str) -> list[str]:
    """Partners named in a duty, unless the agency itself only cooperates ("Phối hợp với X ...")."""
    if fold(_strip_numbering(duty)).startswith("phoi hop"):
        return []
    return _partners_after(duty)[0]


def _implementation_duties(ctx: _Context, used: set[int]) -> list[Responsibility]:
    out: list[Responsibility] = []
    parts = _implementation_parts(ctx.root)
    if not parts and (ctx.doc.meta.kind or "").lower() == "chỉ thị":
        # a directive (Chỉ thị) is its assignments: "1. Giám đốc Sở …:", "2. Giám đốc Công an tỉnh:" …
        parts = [ctx.root]
    for part in parts:
        current: _AgencyHead | None = None  # the agency whose duties the following lines are
        current_level, current_end = 0, 0  # its heading's depth, and where its section ends
        # "Điều 13. Trách nhiệm của Sở Nông nghiệp và Môi trường" (a legal document's article of
        # duties, Luật Ban hành VBQPPL): the article's clauses are that agency's duties
        owner = re.match(r"^(?:Trách nhiệm|Nhiệm vụ|Trách nhiệm và quyền hạn|Nhiệm vụ và quyền hạn) của\s+(.+)$", _strip_numbering(part.label), re.I)
        if owner:
            head = _parse_agency_line(owner.group(1))
            if head:
                current, current_level, current_end = _AgencyHead(head.agencies, head.label, ""), part.level, part.end
        for i in range(part.start + 1, part.end):
            line = ctx.lines[i]
            if i in ctx.table_lines or i in used or not line.strip():
                continue
            folded = fold(line.strip()[:200])
            if _CLOSING.search(folded) or current and _CLOSING_AFTER_AGENCIES.match(folded):
                break
            level = heading_level(line)
            if level is not None:
                head = _parse_agency_line(line)
                if head:  # "4.2. Sở Nội vụ: Có trách nhiệm ..." / "* Cấp huyện:"
                    current, current_level = head, level
                    own = next((n for n in ctx.nodes_at(i) if n.start == i), None)
                    current_end = own.end if own is not None else i + 1
                    if head.duty:
                        out.append(_duty(ctx, i, head, head.duty))
                elif current and (level > current_level or i < current_end):  # "a) Chủ trì ..." under the agency, or a clause of its article
                    out.append(_duty(ctx, i, current, _strip_numbering(line)))
                else:
                    current = None
            elif head := _parse_agency_line(line, need_duty_marker=True):  # "- Sở Tài chính: ..."
                out.append(_duty(ctx, i, head, head.duty))
            elif only := _agency_only(line):  # an unnumbered "Sở Y tế" line over its duties
                nodes = ctx.nodes_at(i)
                current, current_level = only, (nodes[-1].level if nodes else 0) + 1
            elif current:
                out.append(_duty(ctx, i, current, _strip_numbering(line)))
            else:
                continue
            used.add(i)
            if line.rstrip().endswith("./."):  # the last sentence of the document body
                break
    return out


def _agency_only(line: str) -> _AgencyHead | None:
    """An unnumbered line that is only an agency name ("Sở Y tế" / "Sở Y tế:") opens its duties."""
    s = line.strip()
    if len(s) > 120:
        return None
    head = _parse_agency_line(s)
    if head and not head.duty and _clean_value(_REQUEST_PREFIX.sub("", s)) == head.label:
        return head
    return None


def _implementation_parts(root: Section) -> list[Section]:
    out: list[Section] = []

    def walk(node: Section) -> None:
        for child in node.children:
            title = fold(_strip_numbering(child.label)).strip()
            if _IMPLEMENTATION.match(title):
                out.append(child)
            else:
                walk(child)

    walk(root)
    return out


def _duty(ctx: _Context, i: int, head: _AgencyHead, duty: str) -> Responsibility:
    partners = [p for p in _duty_partners(duty) if p not in head.agencies]
    return Responsibility(
        source=ctx.source, task=head.label, lead=list(head.agencies), partners=partners,
        duty=collapse(duty), section=ctx.section(i), start_line=i + 1, end_line=i + 1, quote=ctx.lines[i].strip(),
    )


# -- d. sentences elsewhere: "giao Sở X chủ trì, phối hợp với Y xây dựng ..."

_ASSIGN = re.compile(r"\s(?:chủ trì|là cơ quan (?:chủ trì|thường trực|đầu mối))(?!\s*:)")


def _assignment_sentences(ctx: _Context, used: set[int]) -> list[Responsibility]:
    out: list[Responsibility] = []
    for i in ctx.body_lines():
        if i in used:
            continue
        line = ctx.lines[i]
        for m in _ASSIGN.finditer(line):
            left, right = _sentence_bounds(line, m.start(), m.end())
            lead = _agency_before(line[left:m.start()])
            if not lead:
                continue
            tail = line[m.end():right]
            partners, list_end = _partners_after(tail)
            task = tail[list_end:] if list_end >= 0 else tail
            task = _clean_value(re.sub(r"^[\s,]*(?:và\s+)?", "", task))
            if left and line[left - 1] == "(":
                # "Xây dựng quy chế … (giao Sở X chủ trì, phối hợp với Y)": the bracket assigns
                # the task its sentence states before it
                outer, _ = _sentence_bounds(line, left - 1, left - 1)
                task = _clean_value(_strip_numbering(line[outer:left - 1])) or task
                left = outer
            sentence = line[left:right].strip()
            out.append(Responsibility(
                source=ctx.source, task=task or ctx.section(i), lead=lead, partners=partners,
                duty=collapse(sentence), section=ctx.section(i), start_line=i + 1, end_line=i + 1, quote=sentence,
            ))
    return out


def _agency_before(text: str) -> list[str]:
    """The agency list that ends text ("... UBND tỉnh giao Sở X" -> [Sở X]): the longest tail
    of text that opens with an agency and holds no verb."""
    text = text.rstrip()
    for m in re.finditer(r"(?:^|(?<=\s))\S", text):
        tail = text[m.start():]
        if is_agency_start(tail) and _agency_end(tail) == len(tail):
            return split_agencies(tail)
    return []


# =========================================================================== periods


def _period_mentions(text: str, scoped_years_only: bool = False) -> list[tuple[int, str]]:
    return [(s, label) for s, _, label in _period_spans(text, scoped_years_only)]


def _period_spans(text: str, scoped_years_only: bool = False) -> list[tuple[int, int, str]]:
    """Periods and years named in text: (start, end, "2021-2025" | "đến 2025" | "2025").

    With scoped_years_only, a bare "năm 2011" counts only where it scopes ("Đến năm 2025",
    "trong năm 2023", or opening the text), not as an attribute ("lớp đã mở năm 2011").
    """
    found: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e, _ in found)

    for m in PERIOD.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b <= a + 30:
            found.append((m.start(), m.end(), f"{a}-{b}"))
    for m in re.finditer(r"giai đoạn\s+(?:từ nay\s+)?(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d\d)", text, re.I):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), f"đến {m.group(1)}"))
    for m in re.finditer(r"(?:năm|Năm|NĂM)\s+((?:19|20)\d\d)(?!\d)", text):
        is_date = re.search(r"tháng\s+\d{1,2}\s*$", text[: m.start()], re.I)  # "ngày 22 tháng 1 năm 2021"
        if free(m.start(), m.end()) and not is_date:
            if scoped_years_only and not _YEAR_SCOPE.search(text[: m.start()]):
                continue
            found.append((m.start(), m.end(), m.group(1)))
    return sorted(found)


# Words that may stand before a period that scopes what follows ("Đối với giai đoạn từ năm ...").
_SCOPE_WORDS = set(
    "đối với trong từ đến tới hết giai đoạn năm mục tiêu chỉ cụ thể đó phấn đấu hằng hàng nay sau "
    "kết quả thực hiện riêng tính".split()
)


_YEAR_SCOPE = re.compile(r"(?:^[\s\W]*|\b(?:đến|tới|vào|trong|hết|từ|sau|cuối|đầu|trước)\s+)$", re.I)


def _only_scope_words(text: str) -> bool:
    return all(w in _SCOPE_WORDS for w in re.findall(r"\w+", text.lower()))


@functools.lru_cache(maxsize=1 << 16)  # issue 9: looked up again for every later line of a section
def _scope_period(line: str) -> str:
    """A period that scopes a whole line: it opens the line, after scoping words only
    ("Đối với giai đoạn từ năm 2026 đến năm 2030, ...", "c) Đến năm 2025, ...")."""
    text = _strip_numbering(line)
    mentions = _period_mentions(text)
    if mentions and _only_scope_words(text[: mentions[0][0]]):
        return mentions[0][1]
    return ""


def _context_period(ctx: _Context, i: int) -> str:
    """Period of line i from its context: earlier paragraphs of its section, then each
    enclosing heading (and the paragraphs that open that section), then the document."""
    nodes = ctx.nodes_at(i)
    inner_start = nodes[-1].start if nodes else 0
    for k in range(i - 1, inner_start - 1, -1):
        if k in ctx.table_lines:
            continue
        found = _scope_period(ctx.lines[k]) if k != inner_start or not nodes else _heading_period(ctx.lines[k])
        if found:
            return found
    for depth in range(len(nodes) - 2, -1, -1):
        node = nodes[depth]
        for k in range(node.children[0].start - 1, node.start, -1):  # the paragraphs that open it
            if k not in ctx.table_lines and heading_level(ctx.lines[k]) is None:
                found = _scope_period(ctx.lines[k])
                if found:
                    return found
        found = _heading_period(ctx.lines[node.start])
        if found:
            return found
    return ctx.doc.meta.period


@functools.lru_cache(maxsize=1 << 16)
def _heading_period(line: str) -> str:
    """The period a heading names; a long heading (a whole duty sentence) only by its opening."""
    if len(line.strip()) > 150:
        return _scope_period(line)
    mentions = _period_mentions(line)
    return mentions[0][1] if mentions else ""


# =========================================================================== targets

_QUALIFIER = (
    r"(?:(?:tối thiểu|ít nhất(?:\s+có)?|tối đa|khoảng|trên|dưới|hơn|gần|không dưới|không quá"
    r"|không thấp hơn|không vượt quá|xuống còn|còn)\s+)?"
)
_PERCENT = re.compile(
    r"(?<![\w.,])" + _QUALIFIER + r"(?:từ\s+)?(?:\d+(?:[.,]\d+)?\s*%?\s*(?:-|–|đến)\s*)?\d+(?:[.,]\d+)?\s*%(?:\s+trở lên)?",
    re.I,
)
_COUNT_UNITS = [
    "lượt người", "lượt cán bộ", "lượt", "người", "cán bộ", "học viên", "lớp", "xã", "cơ sở", "trung tâm",
    "mô hình", "hội nghị", "hội thảo", "buổi", "kỳ", "quyển", "cuốn", "tờ rơi", "tờ gấp", "chuyên mục",
    "bản tin", "phóng sự", "câu lạc bộ", "nhân viên", "cộng tác viên", "trẻ em", "đối tượng", "hộ",
    "học sinh", "sinh viên", "công chức", "viên chức", "đợt", "cuộc", "điểm", "tin bài", "bài",
    "phòng", "đơn vị", "nhóm", "tổ", "gia đình", "người dân",
]
_COUNT = re.compile(
    r"(?<![\w.,/])" + _QUALIFIER + r"(?:từ\s+)?(\d{1,3}(?:\.\d{3})*)(?:\s*(?:-|–|đến)\s*\d{1,3}(?:\.\d{3})*)?\s+(?:"
    + "|".join(re.escape(u) for u in sorted(_COUNT_UNITS, key=len, reverse=True)) + r")(?![\w])",
    re.I,
)
# Sections whose counts are goals or results; and sections whose numbers are not.
_GOAL_CONTEXT = re.compile(r"muc tieu|chi tieu|ket qua|danh gia|noi dung thuc hien|nhiem vu|phan dau|dat duoc")
_NOT_GOAL_CONTEXT = re.compile(r"kinh phi|du toan|ngan sach")
_GOAL_WORDS = re.compile(r"phan dau|chi tieu|muc tieu|it nhat|toi thieu|dat duoc|\bdat\b")
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|,\s*trong đó|\(|\)")
_CLAUSE_START = re.compile(r";|\.\s|:\s|\)|\(|,\s*trong đó,?")
_LEAD_WORDS = re.compile(r"^(?:(?:phấn đấu|đạt|được|có|bảo đảm|đảm bảo|tiếp tục|cho|với|là|trong đó|gồm)\s*,?\s*)+", re.I)
_TRAIL_WORDS = re.compile(r"(?:\s+(?:đạt|cho|với|là|có|được|khoảng|tới|lên|đến|của|tỷ lệ|mức|ở mức))+\s*$", re.I)


def _targets(ctx: _Context) -> list[Target]:
    out: list[Target] = []
    for i in ctx.body_lines():
        line = ctx.lines[i]
        values = _target_values(ctx, i, line)
        for n, (start, end, is_count) in enumerate(values):
            next_start = values[n + 1][0] if n + 1 < len(values) else len(line)
            out.append(_target(ctx, i, line, start, end, next_start, is_count))
    out += _table_targets(ctx)
    return sorted(out, key=lambda t: t.start_line)


def _table_targets(ctx: _Context) -> list[Target]:
    """A table of indicators ("Chỉ tiêu | Đơn vị tính | Năm 2023 | Năm 2025"): one target per
    indicator and year column."""
    out: list[Target] = []
    for table in ctx.tables:
        heads = table.headers
        # the indicator's column is not one of the period columns ("Mục tiêu - Năm 2025")
        dated = {k for k, h in enumerate(heads) if _heading_period(h)}
        indicator = _column(heads, r"chi tieu|muc tieu|noi dung|ten", dated)
        if indicator < 0:
            indicator = _column(heads, r"chi tieu|muc tieu|noi dung|ten")
        periods = [(k, p) for k, h in enumerate(heads) if k != indicator and (p := _heading_period(h))]
        if indicator < 0 or not periods or _MONEY_WORDS.search(_table_context(ctx, table)):
            continue
        unit_col = _column(heads, r"don vi|dvt")
        for row in table.rows:
            name = _strip_numbering(_cell(row, indicator))
            unit = _cell(row, unit_col)
            for k, period in periods:
                value = _cell(row, k)
                if not name or not re.search(r"\d", value):
                    continue
                if unit and unit not in value:
                    value = f"{value}{unit}" if unit == "%" else f"{value} {unit}"
                out.append(Target(
                    source=ctx.source, indicator=_shorten(name), value=value, period=period,
                    section=ctx.section(table.start), start_line=row.start + 1, end_line=row.end,
                    quote=_row_quote(ctx, row),
                ))
    return out


def _target_values(ctx: _Context, i: int, line: str) -> list[tuple[int, int, bool]]:
    """Spans of the goal values of a line, and whether each is a count: percentages, and
    counts in a goal or result context."""
    spans = [(m.start(), m.end(), False) for m in _PERCENT.finditer(line) if not _is_share(line, m.start())]
    if _MONEY.search(line):  # money lines are budget, their percentages are shares
        spans = []
    counts = list(_COUNT.finditer(line))
    if counts:
        nodes = ctx.nodes_at(i)
        inner = fold(nodes[-1].label) if nodes else ""
        goal_path = bool(_GOAL_CONTEXT.search(fold(ctx.section(i)))) and not _NOT_GOAL_CONTEXT.search(inner)
    for m in counts:
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) or any(s < m.end() and m.start() < e for s, e, _ in spans):
            continue
        if re.match(r"\s*(?:đồng|/)", line[m.end():]):
            continue
        left, right = _sentence_bounds(line, m.start(), m.end())
        if goal_path or _GOAL_WORDS.search(fold(line[left:m.start()])):
            if not _MONEY.search(line[left:right]):
                spans.append((m.start(), m.end(), True))
    return sorted(spans)


def _is_share(line: str, start: int) -> bool:
    """"chiếm 25% tổng số" describes a share, not a goal."""
    return bool(re.search(r"(?:chiếm|tương đương|bằng)\s*(?:tỷ lệ\s*)?$", line[:start], re.I))


def _count_indicator(line: str, left: int, right: int, start: int) -> str:
    """A count reads with its clause: "tập huấn ... cho 1.250 lượt cán bộ đang làm ..."; an
    opening period ("Từ năm 2012 đến năm 2020") and what lies far before the value are dropped."""
    clause = _strip_numbering(line[left:right])
    begin = line.index(clause, left) if clause else start
    spans = _period_spans(clause)
    if spans and begin + spans[0][1] <= start and _only_scope_words(clause[: spans[0][0]]):
        begin += spans[0][1]
    before = line[begin:start].lstrip(" ,")
    if len(before) > 80:
        before = "…" + before[-80:].split(" ", 1)[-1]
    return _clean_value(before + line[start:right])


def _target(ctx: _Context, i: int, line: str, start: int, end: int, next_start: int, is_count: bool) -> Target:
    left = 0
    for m in _CLAUSE_START.finditer(line, 0, start):
        left = m.end()
    m = _CLAUSE_END.search(line, end)
    right = m.start() if m else len(line)
    after = line[end:min(right, next_start)]
    ends_phrase = after.lstrip().startswith(",")  # "tốt nghiệp 100%, được ..." - the words before tell what
    after = "" if ends_phrase else _clean_value(_LEAD_WORDS.sub("", after.strip(" ,")))
    after = _clean_value(re.sub(r"^(?:(?:vào|đến|tới|trong)\s+)?(?:(?:cuối|hết)\s+)?năm\s+\d{4}\b", "", after, flags=re.I))
    after = re.sub(r"\s+(?:và|hoặc)$", "", after)
    indicator = after
    if is_count:
        indicator = _count_indicator(line, left, right, start)
    elif not after:
        before = _strip_numbering(line[left:start])
        before = _TRAIL_WORDS.sub("", _LEAD_WORDS.sub("", before.strip(" ,")))
        indicator = _clean_value(before) or after
    clause = line[left:right]
    return Target(
        source=ctx.source, indicator=_shorten(indicator), value=collapse(line[start:end]),
        period=_target_period(ctx, i, line, left, right, start), section=ctx.section(i),
        start_line=i + 1, end_line=i + 1, quote=clause.strip(),
    )


def _target_period(ctx: _Context, i: int, line: str, left: int, right: int, value_at: int) -> str:
    """The clause's own period (the one nearest before the value, else after it), a period
    that scopes the line, else the context's."""
    mentions = _period_mentions(line[left:right], scoped_years_only=True)
    before = [label for pos, label in mentions if left + pos < value_at]
    if before:
        return before[-1]
    if mentions:
        return mentions[0][1]
    scoped = [label for pos, label in _period_mentions(line[:left]) if pos < 80]
    if scoped:
        return scoped[0]
    return _context_period(ctx, i)


# =========================================================================== budget

_MONEY = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|(?!(?:19|20)\d\d\b)\d+(?:,\d+)?)"
    r"(\s*(?:tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)|đ)(?![\w/])"
    r"(?!\s+(?:thời|bộ|ý|chí|hành|loạt|đều|nghiệp|bào|tâm|tình|thuận|lòng|hương|cảm)\b)",
    re.I,
)
_FUNDING = [
    ("Trung ương", re.compile(r"trung uong|\bns ?tw\b|\bntw\b")),
    ("Địa phương", re.compile(r"dia phuong|ngan sach (?:tinh|huyen|xa|thanh pho)|\bns ?dp\b|\bndp\b")),
    ("Xã hội hóa", re.compile(r"xa hoi hoa|huy dong|tai tro|vien tro|nguon (?:von )?khac")),
]


def _funding_of(text: str) -> str:
    f = fold(text)
    for name, pat in _FUNDING:
        if pat.search(f):
            return name
    return ""


def _year_of(*texts: str) -> str:
    for text in texts:
        text = re.sub(r"\([^)]*\)", " ", text)  # "(duy trì lớp đã mở năm 2011 ...)" is not the year
        mentions = _period_mentions(text)
        if mentions:
            return mentions[0][1]
    return ""


def _heading_year(ctx: _Context, i: int) -> str:
    for node in reversed(ctx.nodes_at(i)):
        found = _year_of(ctx.lines[node.start])
        if found:
            return found
    meta = ctx.doc.meta
    return meta.period or (str(meta.years[0]) if len(meta.years) == 1 else "")


def _sentence_budget(ctx: _Context) -> list[BudgetLine]:
    out: list[BudgetLine] = []
    context_funding = ""
    for i in ctx.body_lines():
        line = ctx.lines[i]
        if heading_level(line) is not None and not _MONEY.search(line):
            context_funding = ""
        amounts = [m for m in _MONEY.finditer(line) if not _in_parentheses(line, m.start())]
        if not amounts:
            # "- Ngân sách địa phương:" with no amount still sets the source of what follows
            if line.rstrip().endswith(":") and _funding_of(_strip_numbering(line)[:60]):
                context_funding = _funding_of(_strip_numbering(line)[:60])
            continue
        prev_end = 0
        for n, m in enumerate(amounts):
            label = _money_label(line, prev_end, m.start())
            nxt = _label_start(line, m.end(), amounts[n + 1].start()) if n + 1 < len(amounts) else len(line)
            detail = _money_detail(line, m.end(), nxt)
            aside = re.search(r"\s*\(([^()]*)\)$", label)
            if aside:  # "Tổ chức đào tạo ... (duy trì lớp đã mở năm 2011 ...)": the aside is detail
                label = label[: aside.start()].strip()
                detail = "; ".join(x for x in (_clean_value(aside.group(1)), detail) if x)
            own = _funding_of(label)
            if own and n == 0:
                context_funding = own
            funding = own or (context_funding if n == 0 or not _funding_of(line[:m.start()]) else "")
            start, end = _sentence_bounds(line, m.start(), m.end())
            nodes = ctx.nodes_at(i)
            out.append(BudgetLine(
                source=ctx.source, item=label or (nodes[-1].label if nodes else ""),
                amount=m.group(1), unit=m.group(2).strip(), year=_year_of(label, line) or _heading_year(ctx, i),
                funding=funding, detail=detail, section=ctx.section(i), start_line=i + 1, end_line=i + 1,
                quote=line[min(start, _label_start(line, prev_end, m.start())):max(end, m.end())].strip(),
            ))
            prev_end = m.end()
    return out


def _in_parentheses(line: str, pos: int) -> bool:
    return line.count("(", 0, pos) > line.count(")", 0, pos)


def _label_start(line: str, prev_end: int, amount_start: int, stops: str = ";:") -> int:
    """Start of the label of an amount: after the last ".", or a stop (";", ":") outside
    parentheses, that leaves some words before the amount; else the previous amount's end.
    ("3. Kinh phí: Tổng kinh phí: 500 triệu đồng" -> "Tổng kinh phí:")"""
    bounds = [prev_end]
    depth = 0
    for k in range(prev_end, amount_start):
        ch = line[k]
        depth += ch == "("
        depth -= ch == ")"
        full_stop = ch == "." and (k + 1 == len(line) or line[k + 1] == " ")
        if depth <= 0 and (ch in stops or full_stop):
            bounds.append(k + 1)
    for start in reversed(bounds):
        if _clean_value(re.sub(r"\b(?:là|gồm|khoảng|dự kiến)\b", "", line[start:amount_start])):
            return start
    return prev_end


def _money_label(line: str, prev_end: int, amount_start: int) -> str:
    label = _tidy_label(line[_label_start(line, prev_end, amount_start):amount_start])
    without_years = re.sub(r"\bnăm\s+\d{4}\b|\d{4}\s*[-–]\s*\d{4}", "", label)
    if len(without_years.split()) < 2:  # "...; năm 2022 dự kiến 1.500.000.000 đồng": say what it is for
        label = _tidy_label(line[_label_start(line, prev_end, amount_start, stops=":"):amount_start])
    return label


def _tidy_label(label: str) -> str:
    label = _strip_numbering(label)
    label = re.sub(r"^[\s,]*(?:trong đó|bao gồm|gồm|và|còn lại)\s*[:,]?\s*", "", label, flags=re.I)
    label = re.sub(r"\s*(?:là|với tổng số|tổng cộng|khoảng|dự kiến|với|:|=)\s*$", "", label.strip(), flags=re.I)
    return _clean_value(label)


def _money_detail(line: str, end: int, next_start: int) -> str:
    rest = line[end:next_start]
    m = re.match(r"\s*\(([^)]*)\)", rest)
    if m:
        return _clean_value(m.group(1))
    rest = re.split(r"\.(?:\s|$)|;", rest)[0]
    rest = re.sub(r"^[\s,]*(?:trong đó\s*:?)?", "", rest, flags=re.I)
    return _clean_value(rest)


# -- table rows

_TOTAL_HEAD = r"^tong|tong (?:kinh phi|so|cong|du toan)"
_AMOUNT_HEAD = r"^(?!nguon)(?:.*(?:kinh phi|du toan|so tien|thanh tien|ngan sach))"
_ITEM_HEAD = r"hoat dong|noi dung|hang muc|danh muc|nhiem vu|cong viec|ten|khoan chi|muc chi"
_DETAIL_HEAD = r"dien giai|ghi chu|thuyet minh|can cu|cach tinh|chi tiet"
_NUMBER_CELL = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:,\d+)?$|^\d+(?:[.,]\d+)?$")
_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|tong|cong)\b")


@dataclass
class _BudgetColumns:
    item: int
    amount: int
    detail: int
    funding: list[tuple[int, str]]  # column, source name ("Trung ương")
    source_text: int  # a "Nguồn kinh phí" column with words, not numbers
    years: list[tuple[int, str]]  # column, year


def _budget_columns(table: Table) -> _BudgetColumns | None:
    heads = table.headers
    folded = [fold(h) for h in heads]
    # a source is named by its own column's label ("Trung ương" under a group "Trong đó")
    funding = [(k, re.sub(r"\s*\([^)]*\)", "", _leaf(table, k)).strip()) for k, f in enumerate(folded)
               if _funding_of(_leaf(table, k)) and not re.search(r"tong", fold(_leaf(table, k)))]
    taken = {k for k, _ in funding}
    years = [(k, y) for k, f in enumerate(folded) if k not in taken and (y := _single_year(_leaf(table, k)) or _single_year(heads[k]))]
    taken |= {k for k, _ in years}
    amount = _column(heads, _TOTAL_HEAD, taken)
    if amount < 0:
        amount = _column(heads, _AMOUNT_HEAD, taken)
    if amount < 0 and not funding and not years:
        return None
    taken.add(amount)
    item = _column(heads, _ITEM_HEAD, taken)
    detail = _column(heads, _DETAIL_HEAD, taken | {item})
    source_text = _column(heads, r"^nguon", taken | {item, detail})
    if item < 0:
        item = _first_text_column(heads, taken | {detail, source_text})
    return _BudgetColumns(item, amount, detail, funding, source_text, years)


def _leaf(table: Table, k: int) -> str:
    """A column's own label: the lowest part of its header (the header when it has one part)."""
    parts = table.columns[k] if k < len(table.columns) else []
    return parts[-1] if parts else table.headers[k]


def _single_year(head: str) -> str:
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", head)
    return years[0] if len(years) == 1 and not PERIOD.search(head) else ""


def _table_unit(ctx: _Context, table: Table, cols: _BudgetColumns) -> str:
    heads = [table.headers[k] for k in [cols.amount, *[k for k, _ in cols.funding], *[k for k, _ in cols.years]] if k >= 0]
    for head in heads:
        m = re.search(r"\(([^)]*đ[^)]*)\)", head)
        if m:
            return collapse(m.group(1))
    around = [table.caption] + [ctx.lines[k] for k in range(max(0, table.start - 3), table.header_end)]
    for text in around:
        m = re.search(r"(?:đơn vị tính|đvt)\s*[:：]?\s*([^)\n;]+)", text or "", re.I)
        if m:
            return _clean_value(m.group(1))
    return ""


_MONEY_WORDS = re.compile(r"kinh phi|du toan|ngan sach|chi phi|so tien|thanh tien|\bvon\b|\bdong\b|\d\s*d\b")


def _table_context(ctx: _Context, table: Table) -> str:
    """Headers, caption and the lines just above a table (where "Đơn vị tính: ..." stands)."""
    above = [ctx.lines[k] for k in range(max(0, table.start - 3), table.start)]
    return fold(" ".join([*table.headers, table.caption or "", *above]))


def _table_budget(ctx: _Context) -> list[BudgetLine]:
    out: list[BudgetLine] = []
    for table in ctx.tables:
        cols = _budget_columns(table)
        if cols is None or not _MONEY_WORDS.search(_table_context(ctx, table)):
            continue
        unit = _table_unit(ctx, table, cols)
        year = _year_of(table.caption) or _heading_year(ctx, table.start)
        labels = {row.number.rstrip("."): _cell(row, cols.item) for row in table.rows if row.number}
        for row in table.rows:
            out.extend(_row_budget(ctx, table, row, cols, unit, year, labels))
    return out


def _row_budget(ctx, table: Table, row: Row, cols: _BudgetColumns, unit: str, year: str,
                labels: dict[str, str]) -> list[BudgetLine]:
    item = _row_item(row, cols, labels)
    funding_parts = [f"{name}: {_cell(row, k)}" for k, name in cols.funding if _NUMBER_CELL.match(_cell(row, k))]
    funding = "; ".join(funding_parts) or _cell(row, cols.source_text)
    per_year = [(y, _cell(row, k)) for k, y in cols.years if _NUMBER_CELL.match(_cell(row, k))]
    amounts: list[tuple[str, str]] = [(y, a) for y, a in per_year]
    total = _cell(row, cols.amount)
    if _NUMBER_CELL.match(total):
        span = f"{per_year[0][0]}-{per_year[-1][0]}" if len(per_year) > 1 else (per_year[0][0] if per_year else year)
        amounts.append((span, total))
    elif not per_year and funding_parts:
        amounts.append((year, _cell(row, cols.funding[0][0]) if len(funding_parts) == 1 else ""))
    return [
        BudgetLine(
            source=ctx.source, item=item, amount=amount, unit=unit, year=y, funding=funding,
            detail=_cell(row, cols.detail), section=ctx.section(table.start), start_line=row.start + 1,
            end_line=row.end, quote=_row_quote(ctx, row),
        )
        for y, amount in amounts if amount
    ]


def _row_item(row: Row, cols: _BudgetColumns, labels: dict[str, str]) -> str:
    """The row's activity; a sub-row ("- Lập hồ sơ", "3.2.1") is prefixed with its parent item."""
    own = _strip_numbering(_cell(row, cols.item))
    if _TOTAL_ROW.match(fold(own)):
        return own
    parent = ""
    number = row.number.rstrip(".")
    if "." in number:
        parent = labels.get(number.rsplit(".", 1)[0], "")
    elif row.parent:
        parent = re.sub(r"^\S+\s+", "", row.parent) if re.match(r"^[\dIVXLC.]+\s", row.parent) else row.parent
    return f"{_strip_numbering(parent)} › {own}" if parent else own
