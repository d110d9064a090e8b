"""Load: files of the knowledge folder -> Document (text line for line, metadata read from it)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentUnreadable
from .types import Document, DocumentMeta
from .vietnamese import DOC_NUMBER, collapse, find_provinces, fold, nfc, periods_in, province_counts, years_in

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_FILE_BYTES = 50 * 1024 * 1024


class LoadError(DocumentUnreadable):
    """A file that cannot be read; the message says why, in plain words."""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # source -> reason


class DocumentLoader:
    """Walks a knowledge folder and reads every supported file."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def sources(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        out = []
        for path in sorted(self.root.rglob("*")):
            rel = path.relative_to(self.root)
            if any(part.startswith(".") for part in rel.parts):
                continue  # hidden files and folders (.git, editor swap files)
            if path.is_file() and path.suffix.lower() in SUPPORTED:
                out.append(path)
        return out

    def source_name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def run(self, only: set[str] | None = None) -> LoadResult:
        result = LoadResult()
        for path in self.sources():
            source = self.source_name(path)
            if only is not None and source not in only:
                continue
            try:
                result.documents.append(load_file(path, source))
            except LoadError as exc:
                result.failed[source] = str(exc)
        return result


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_file(path: Path, source: str | None = None) -> Document:
    path = Path(path)
    source = source or path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"không đọc được tệp: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise LoadError(f"tệp quá lớn ({size // (1024 * 1024)} MB, tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        text = decode_text(raw)
    elif suffix == ".docx":
        text = _docx_text(path)
    elif suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix in (".html", ".htm"):
        text = _html_text(decode_text(raw))
    else:
        raise LoadError(f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ")
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\x00", "")
    if not text.strip():
        raise LoadError("tệp không có nội dung văn bản (trống, hoặc PDF chỉ có ảnh quét)")
    sha = hashlib.sha256(raw).hexdigest()
    return Document(source=source, text=text, sha256=sha, meta=extract_metadata(text))


def decode_text(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise LoadError("tệp nhị phân, không phải văn bản")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy Vietnamese encodings: Windows-1258 is the common one.
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise LoadError("không nhận ra bảng mã của tệp (cần UTF-8)") from exc
    return text


def _docx_text(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover
        raise LoadError("cần gói python-docx để đọc .docx") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # corrupt zip, not a docx
        raise LoadError("tệp .docx hỏng hoặc không đúng định dạng") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                cells = []
                for cell in row:
                    if cell.tag.endswith("}tc"):
                        cells.append(collapse(" ".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))))
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover
        raise LoadError("cần gói pypdf để đọc .pdf") from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise LoadError("tệp PDF được mã hóa (có mật khẩu)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError("tệp PDF hỏng hoặc không đọc được") from exc
    return "\n".join(pages)


_BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|li|tr|br|table|section|article|ul|ol)\b", re.I)


def _html_text(html: str) -> str:
    """HTML -> text. A page written one block per line keeps its line numbers (citations then
    point at the file's own lines); a minified page is laid out one block per line instead."""
    html = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), html, flags=re.S)
    html = re.sub(
        r"<(script|style|noscript|nav|footer|aside)\b.*?</\1\s*>", lambda m: "\n" * m.group(0).count("\n"), html, flags=re.S | re.I
    )
    filled = [line for line in html.split("\n") if line.strip()]
    crowded = sum(1 for line in filled if len(_BLOCK_TAG.findall(line)) >= 2)
    if crowded > 0.2 * max(len(filled), 1):
        return _html_blocks_text(html)
    return _html_lines_text(html)


def _html_lines_text(html: str) -> str:
    """Line by line: the same number of lines as the file."""
    import html as html_lib

    # A tag broken over several lines is joined onto its first line (keeping the line count).
    html = re.sub(r"<[^<>]*\n[^<>]*>", lambda m: m.group(0).replace("\n", " ") + "\n" * m.group(0).count("\n"), html)
    out = []
    for line in html.split("\n"):
        cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", line, flags=re.S | re.I)
        heading = re.search(r"<h([1-6])\b", line, flags=re.I)
        if cells:
            text = "| " + " | ".join(_strip_tags(c) for c in cells) + " |"
        elif heading and _strip_tags(line):
            text = "#" * int(heading.group(1)) + " " + _strip_tags(line)  # the chunker reads Markdown headings
        else:
            text = _strip_tags(line)
        out.append(html_lib.unescape(text))
    return "\n".join(out)


def _html_blocks_text(html: str) -> str:
    """One block (paragraph, heading, list item, table row) per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["head"]):
        title = tag.find("title")
        tag.replace_with(soup.new_string(f"\n{title.get_text(' ').strip()}\n" if title else ""))
    for tr in soup.find_all("tr"):
        cells = [collapse(td.get_text(" ")) for td in tr.find_all(["td", "th"])]
        tr.replace_with(soup.new_string("\n| " + " | ".join(cells) + " |\n"))
    for level in range(1, 7):
        for h in soup.find_all(f"h{level}"):
            h.replace_with(soup.new_string(f"\n{'#' * level} {collapse(h.get_text(' '))}\n"))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    out: list[str] = []
    for line in soup.get_text("\n").split("\n"):
        line = collapse(line)
        if line or (out and out[-1] and not out[-1].startswith("|")):
            out.append(line)
    # rows of one table stay on consecutive lines
    text = "\n".join(out)
    return re.sub(r"(\|[^\n]*\|)\n\n(?=\|)", r"\1\n", text)


def _strip_tags(fragment: str) -> str:
    import html as html_lib

    return collapse(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)))


# --------------------------------------------------------------------------- metadata

KINDS = {
    "ke hoach": "kế hoạch",
    "quyet dinh": "quyết định",
    "de an": "đề án",
    "chuong trinh": "chương trình",
    "chi thi": "chỉ thị",
    "nghi quyet": "nghị quyết",
    "thong tu": "thông tư",
    "cong van": "công văn",
    "bao cao": "báo cáo",
    "du toan": "dự toán",
    "to trinh": "tờ trình",
    "thong bao": "thông báo",
    "nghi dinh": "nghị định",
}
_KIND_RE = re.compile(r"^(" + "|".join(KINDS) + r")\b")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")


def _is_upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _fmt_date(d: str, m: str, y: str) -> str:
    return f"{int(d):02d}/{int(m):02d}/{y}"


_MASTHEAD = re.compile(
    r"^(CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập|ỦY BAN|UỶ BAN|HỘI ĐỒNG|Số\s*:|[IVXLC]+\s*[.)]|\d+\s*[.)]|PHẦN|CHƯƠNG|ĐIỀU|Điều|-{3,})"
    r"|.*,\s*ngày\s+\d+\s+tháng"
)


def _sentence_case(upper: str) -> str:
    """"KẾ HOẠCH THỰC HIỆN ... TỈNH TÂY NINH" -> "Kế hoạch thực hiện ... tỉnh Tây Ninh"."""
    numbers = {m.group(0).lower(): m.group(0) for m in DOC_NUMBER.finditer(upper)}
    text = collapse(upper).lower()
    for low, original in numbers.items():
        text = text.replace(low, original)
    for province in find_provinces(text):
        text = re.sub(re.escape(province.lower()), province, text)
    for word in ("Đề án", "Chương trình", "Quyết định", "Thủ tướng Chính phủ", "Trung ương"):
        text = text.replace(word.lower(), word) if word != "Đề án" else text
    return text[:1].upper() + text[1:]


def extract_metadata(text: str) -> DocumentMeta:
    lines = text.split("\n")
    meta = DocumentMeta()
    head = [(i + 1, re.sub(r"^#{1,6}\s+", "", re.sub(r"(\*\*|__)", "", line).strip())) for i, line in enumerate(lines[:60])]
    nonempty = [(n, line) for n, line in head if line]

    def mark(name: str, start: int, end: int | None = None) -> None:
        meta.lines[name] = [start, end or start]

    # Catalogue-style fields ("Số hiệu 80/KH-UBND", "Người ký Vũ Việt Văn") as on legal portals.
    labelled = {
        "number": r"(?:Số hiệu|Số ký hiệu|Số)\s*[:：]?\s*(" + DOC_NUMBER.pattern + ")",
        "date": r"Ngày ban hành\s*[:：]?\s*(\d{1,2}/\d{1,2}/\d{4})",
        "signer": r"Người ký\s*[:：]?\s*(.+)",
        "issuer": r"Cơ quan ban hành\s*[:：]?\s*(.+)",
        "kind": r"Loại văn bản\s*[:：]?\s*(.+)",
    }
    for n, line in nonempty:
        for name, pat in labelled.items():
            m = re.match(pat, line)
            if m and not getattr(meta, name):
                setattr(meta, name, collapse(m.group(1)).rstrip(".;"))
                mark(name, n)

    # Title: "KẾ HOẠCH" + the upper-case line(s) after it, or a sentence-case catalogue title.
    for idx, (n, line) in enumerate(nonempty):
        kind = _KIND_RE.match(fold(line))
        if not kind:
            continue
        if _is_upper_line(line) and len(line) < 45 and idx + 1 < len(nonempty):
            follow = nonempty[idx + 1 : idx + 8]
            about = next(((n2, l2) for n2, l2 in follow if re.match(r"^(Về việc|V/v|VỀ VIỆC)\b", l2)), None)
            if about:  # a decision: "QUYẾT ĐỊNH" ... "Về việc phê duyệt ..."
                meta.title = _sentence_case(line) + " " + about[1][0].lower() + about[1][1:]
                end = about[0]
            else:
                title_lines, end = [], n
                for n2, l2 in follow:
                    if _MASTHEAD.match(l2):
                        if title_lines:
                            break
                        continue
                    if title_lines and not _is_upper_line(l2):
                        break
                    title_lines.append(l2)
                    end = n2
                    if not _is_upper_line(l2):
                        break
                meta.title = _sentence_case(line + " " + " ".join(title_lines))
            meta.kind = meta.kind or KINDS[kind.group(1)]
            mark("title", n, end)
            break
        if 25 < len(line) <= 250 and not meta.title and idx < 8 and not line.rstrip().endswith((".", ";", ":")):
            meta.title = collapse(line)
            meta.kind = meta.kind or KINDS[kind.group(1)]
            mark("title", n)
            break
    if not meta.title:
        # A Markdown / HTML main heading.
        for n, line in head:
            raw = lines[n - 1].strip()
            if raw.startswith("# ") and len(line) > 15:
                meta.title = collapse(line)
                kind = _KIND_RE.match(fold(line))
                meta.kind = meta.kind or (KINDS[kind.group(1)] if kind else "tin tức")
                mark("title", n)
                break
    if not meta.title and nonempty:
        # News article or other: first line that is not a date.
        for n, line in nonempty:
            if not re.match(r"^(Thứ|Chủ nhật|Ngày)\b", line, re.I) and len(line) > 15:
                meta.title = collapse(line)
                meta.kind = meta.kind or "tin tức"
                mark("title", n)
                break
    meta.title = meta.title[:300]
    if meta.kind:
        meta.kind = meta.kind.lower()

    # Number: from the title, or "kèm theo Kế hoạch số N" (annexes name their own plan).
    if not meta.number:
        m = DOC_NUMBER.search(meta.title)
        if m:
            meta.number = m.group(0)
        else:
            for i, line in enumerate(lines):
                m = re.search(r"kèm theo (?:Kế hoạch|Quyết định|Đề án)\s+số\s+(" + DOC_NUMBER.pattern + ")", line, re.I)
                if m:
                    meta.number = m.group(1)
                    mark("number", i + 1)
                    when = _DATE_WORDS.search(line[m.end() : m.end() + 60])
                    if when and not meta.date:
                        meta.date = _fmt_date(*when.groups())
                        mark("date", i + 1)
                    break

    # A news report of the plan: "Ngày 12/6/2024, Phó Chủ tịch UBND tỉnh Lò Văn Cương đã ký ban hành Kế hoạch số 1865/KH-UBND".
    for i, line in enumerate(lines[:40]):
        m = re.search(r"(?:ký|ban hành)[^.;]{0,40}?\b(?:Kế hoạch|Quyết định|Đề án|Chỉ thị|Chương trình)\s+số\s+(" + DOC_NUMBER.pattern + ")", line)
        if not m:
            continue
        if not meta.number:
            meta.number = m.group(1)
            mark("number", i + 1)
        who = re.search(r"(?:Chủ tịch|Giám đốc|Bộ trưởng)[^,.;]{0,40}?\s((?:[A-ZĐ][a-zà-ỹđ]+\s){1,3}[A-ZĐ][a-zà-ỹđ]+)\s+(?:đã\s+)?(?:ký|thay mặt)", line)
        if who and not meta.signer:
            meta.signer = who.group(1)
            mark("signer", i + 1)
        when = re.search(r"\b[Nn]gày\s+(\d{1,2})/(\d{1,2})/(\d{4})", line[: m.start()])
        if when and not meta.date:
            meta.date = _fmt_date(*when.groups())
            mark("date", i + 1)
        break

    # Date: "<Place>, ngày 05 tháng 4 năm 2021".
    if not meta.date:
        for n, line in head:
            m = re.search(r"^[^,]{2,40},\s*" + _DATE_WORDS.pattern, line, re.I)
            if m:
                meta.date = _fmt_date(m.group(1), m.group(2), m.group(3))
                mark("date", n)
                break

    # Signer: a personal name on its own line in the last part, after a title (CHỦ TỊCH, ...).
    if not meta.signer:
        tail_start = max(0, len(lines) - 200)
        seen_role = False
        for i in range(tail_start, len(lines)):
            line = re.sub(r"(\*\*|__)", "", lines[i]).strip()
            if re.search(r"CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|TM\.|KT\.", line):
                seen_role = True
                continue
            if seen_role and _NAME.match(line) and len(line.split()) <= 5:
                meta.signer = line
                mark("signer", i + 1)
                break

    # Province: the title names it; else the issuing body; else the most mentioned one.
    provinces = find_provinces(meta.title)
    if not provinces and meta.issuer:
        provinces = find_provinces(meta.issuer)
    if not provinces:
        counts = province_counts("\n".join(lines[:80]))
        if counts:
            provinces = [max(counts, key=counts.get)]
    meta.province = provinces[0] if provinces else ""
    if not meta.issuer:
        if re.search(r"(ủy|uỷ) ban nhân dân", text[:3000], re.I) and meta.province:
            level = "thành phố" if meta.province in {"Hồ Chí Minh", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"} else "tỉnh"
            meta.issuer = f"Ủy ban nhân dân {level} {meta.province}"
    elif meta.province and meta.issuer.lower().startswith(("tỉnh", "thành phố")):
        meta.issuer = f"Ủy ban nhân dân {meta.issuer[0].lower()}{meta.issuer[1:]}"

    # Period and years: from the title first, else from the opening text.
    opening_text = " ".join(line for _, line in nonempty[:12])
    title_years = years_in(meta.title)
    until = re.search(r"đến năm\s+(\d{4})", meta.title, re.I)
    scope_period = re.search(r"giai đoạn\s+(\d{4}\s*[-–]\s*\d{4}|đến năm\s+\d{4})", opening_text, re.I)
    if periods_in(meta.title):
        a, b = periods_in(meta.title)[0]
        meta.period, meta.years = f"{a}-{b}", list(range(a, b + 1))
    elif title_years and not until:
        meta.years = title_years
        meta.period = str(title_years[0]) if len(title_years) == 1 else f"{title_years[0]}-{title_years[-1]}"
    elif until:
        meta.period, meta.years = f"đến {until.group(1)}", [int(until.group(1))]
    elif scope_period:
        found = periods_in(scope_period.group(1))
        if found:
            a, b = found[0]
            meta.period, meta.years = f"{a}-{b}", list(range(a, b + 1))
        else:
            y = years_in(scope_period.group(1))[0]
            meta.period, meta.years = f"đến {y}", [y]
    if not meta.years and meta.date:
        meta.years = [int(meta.date[-4:])]

    # What it implements, replaces, cites.
    cites: list[str] = []
    for m in DOC_NUMBER.finditer(text):
        num = re.sub(r"\s+", "", m.group(0))
        if num not in cites and num != meta.number:
            cites.append(num)
    meta.cites = cites
    opening = " ".join(line for _, line in nonempty[:30])
    for m in re.finditer(r"(?:Thực hiện|Căn cứ|Triển khai)\s+[^.;]*?số\s+(" + DOC_NUMBER.pattern + ")", opening):
        num = re.sub(r"\s+", "", m.group(1))
        if num not in meta.implements:
            meta.implements.append(num)
    for m in re.finditer(r"thay (?:cho|thế)\s+[^.;]*?số\s+(" + DOC_NUMBER.pattern + ")", text, re.I):
        meta.replaces.append(re.sub(r"\s+", "", m.group(1)))
    return meta
