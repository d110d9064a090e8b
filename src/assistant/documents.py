"""Load: files of the knowledge folder -> Document (text line for line, metadata read from it).

Whatever a shared drive holds is read safely: every path is resolved and links that leave the
folder (or point nowhere) are refused, work per file is bounded (`LoadLimits`: bytes on disk,
uncompressed bytes inside .docx / .pdf, characters of text, PDF pages), legacy Vietnamese
encodings are decoded or named, and script / style / template blocks are never read as text.
Every refusal is a `LoadError` whose message says why, in Vietnamese.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentUnreadable
from .types import Document, DocumentMeta, LoadLimits
from .vietnamese import DOC_NUMBER, collapse, find_provinces, fold, nfc, periods_in, province_counts, years_in

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_FILE_BYTES = LoadLimits().max_file_bytes  # the default; Settings.max_file_mb changes it per run


class LoadError(DocumentUnreadable):
    """A file that cannot be read; the message says why, in plain words."""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # source -> reason


def safe_name(name: str) -> str:
    """A file name fit to print whatever its bytes: undecodable bytes as \\xNN, control characters escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 1.500.000, as Vietnamese writes it


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


class DocumentLoader:
    """Walks a knowledge folder and reads every supported file."""

    def __init__(self, root: Path, limits: LoadLimits | None = None):
        self.root = Path(root)
        self.limits = limits or LoadLimits()

    def scan(self) -> tuple[dict[str, Path], dict[str, str]]:
        """(source -> path of every file to read, source -> reason for every file refused
        without reading it). Folders are walked without following links, so there are no loops;
        a link to a file is followed only when it stays inside the folder."""
        found: dict[str, Path] = {}
        refused: dict[str, str] = {}
        if not self.root.is_dir():
            return found, refused
        real_root = self.root.resolve()
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # .git, editor folders
            for d in list(dirnames):
                if (here / d).is_symlink():
                    dirnames.remove(d)
                    refused[safe_name(self.source_name(here / d))] = "liên kết tới thư mục: không theo (chỉ đọc tệp nằm trong thư mục tài liệu)"
            for name in sorted(filenames):
                if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED:
                    continue
                path = here / name
                source = self.source_name(path)
                reason = self._refusal(path, source, real_root)
                if reason:
                    refused[safe_name(source)] = reason
                else:  # a link is read through its resolved target, checked above
                    found[source] = path.resolve() if path.is_symlink() else path
        return dict(sorted(found.items())), refused

    def _refusal(self, path: Path, source: str, real_root: Path) -> str:
        if safe_name(source) != source:
            return "tên tệp có byte không phải UTF-8 hoặc ký tự điều khiển: hãy đổi tên tệp"
        try:
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                target = path.resolve()
                if not target.exists():
                    return "liên kết hỏng: trỏ tới tệp không tồn tại"
                if not target.is_relative_to(real_root):
                    return "liên kết trỏ ra ngoài thư mục tài liệu: không đọc"
                if any(part.startswith(".") for part in target.relative_to(real_root).parts):
                    return "liên kết trỏ tới tệp ẩn: không đọc"
                info = target.stat()
        except RuntimeError:  # Path.resolve on a loop of links
            return "liên kết vòng lặp: không đọc"
        except OSError as exc:
            return "liên kết vòng lặp: không đọc" if exc.errno == 40 else f"không đọc được tệp: {exc.strerror}"
        if not stat.S_ISREG(info.st_mode):
            return "không phải tệp thông thường"
        if info.st_size > self.limits.max_file_bytes:
            return f"tệp quá lớn ({_mb(info.st_size)}, tối đa {_mb(self.limits.max_file_bytes)})"
        return ""

    def sources(self) -> list[Path]:
        """The files to read, as paths inside the folder (a link as itself)."""
        return [self.root / source for source in self.scan()[0]]

    def source_name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def run(self, only: set[str] | None = None) -> LoadResult:
        result = LoadResult()
        found, refused = self.scan()
        result.failed.update({s: r for s, r in refused.items() if only is None or s in only})
        for source, path in found.items():
            if only is not None and source not in only:
                continue
            try:
                result.documents.append(load_file(path, source, self.limits))
            except Exception as exc:  # one file never stops the others
                result.failed[source] = failure_reason(exc)
        return result


def failure_reason(exc: BaseException) -> str:
    """What to tell the user about a file that failed: our message, or the kind of error."""
    if isinstance(exc, LoadError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "không đủ bộ nhớ để đọc tệp"
    if isinstance(exc, RecursionError):
        return "cấu trúc tệp lồng nhau quá sâu"
    return f"lỗi khi đọc tệp ({type(exc).__name__}: {str(exc)[:120]})"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_file(path: Path, source: str | None = None, limits: LoadLimits | None = None) -> Document:
    path = Path(path)
    source = source or path.name
    limits = limits or LoadLimits(max_file_bytes=MAX_FILE_BYTES)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ")
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise LoadError(f"tệp quá lớn ({_mb(size)}, tối đa {_mb(limits.max_file_bytes)})")
        with open(path, "rb") as fh:
            raw = fh.read(min(size, limits.max_file_bytes) + 1)  # read(n) would reserve n bytes
            if len(raw) > size:  # the file grew since stat()
                raw += fh.read(limits.max_file_bytes + 1 - len(raw))
    except OSError as exc:
        raise LoadError(f"không đọc được tệp: {exc.strerror}") from exc
    if len(raw) > limits.max_file_bytes:
        raise LoadError(f"tệp quá lớn (hơn {_mb(limits.max_file_bytes)})")
    if suffix in (".txt", ".md"):
        text = decode_text(raw)
        if suffix == ".md":
            text = drop_blocks(text, ("script", "style", "template"))
    elif suffix == ".docx":
        text = _docx_text(path, limits)
    elif suffix == ".pdf":
        text = _pdf_text(path, limits)
    else:
        page = decode_text(raw)
        text = _html_text(page)
    if len(text) > limits.max_text_chars:
        raise LoadError(f"văn bản quá dài ({_count(len(text))} ký tự, tối đa {_count(limits.max_text_chars)})")
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a broken PDF text map): they would break the word segmenter
        text = text.encode("utf-8", "replace").decode("utf-8")
    if not text.strip():
        raise LoadError("tệp không có nội dung văn bản (trống, hoặc PDF chỉ có ảnh quét)")
    legacy = legacy_encoding(text)
    if legacy:
        raise LoadError(f"văn bản gõ bằng bảng mã cũ {legacy}: hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi nạp lại")
    sha = hashlib.sha256(raw).hexdigest()
    meta = extract_metadata(text)
    if suffix not in (".txt", ".md", ".docx", ".pdf") and text.count("\n") != page.count("\n"):
        meta.file_lines = _file_lines(page, text.split("\n"))  # a minified page, laid out one block per line
    return Document(source=source, text=text, sha256=sha, meta=meta)


_FILE_LINE_WINDOW = 50_000  # characters of the page searched for each laid-out line


def _file_lines(page: str, lines: list[str]) -> list[int]:
    """For text laid out from a minified HTML page, the page's own 1-based line where each of its
    lines starts: citations of the command-line contract count the file's lines. Each line's
    first words are looked for, in order, in the page with its tags blanked out."""
    import html as html_lib

    bare = re.sub(r"<[^>]*>", lambda m: " " * len(m.group(0)), page)
    breaks = [k for k, ch in enumerate(bare) if ch == "\n"]
    out, pos, current = [], 0, 1
    for line in lines:
        words = html_lib.escape(re.sub(r"^[|#\s]+", "", line), quote=False).split()[:3]
        if words:
            end = min(len(bare), pos + _FILE_LINE_WINDOW)  # bounded: a huge page is not searched over and over
            m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(bare, pos, end)
            if m is None:  # written with entities, or across tags: keep the place of the last found
                m = re.compile(r"\s+".join(re.escape(w) for w in html_lib.unescape(" ".join(words)).split())).search(bare, pos, end)
            if m is not None:
                pos = m.start()
                current = bisect.bisect_right(breaks, pos - 1) + 1
        out.append(current)
    return out


def decode_text(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError("tệp đánh dấu UTF-8 nhưng có byte không hợp lệ") from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError("tệp đánh dấu UTF-16 nhưng có byte không hợp lệ") from exc
    head = raw[:4096]
    if b"\x00" in head:
        # UTF-16 without a byte-order mark: every other byte of Latin text is zero.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros > 0.3 * len(head) / 2 and other < zeros / 10:
                try:
                    text = raw.decode(enc)
                except UnicodeDecodeError:
                    break
                sample = text[:2000]
                if sum(ch.isprintable() or ch in "\n\r\t" for ch in sample) >= 0.98 * len(sample):
                    return text
                break
        raise LoadError("tệp nhị phân, không phải văn bản")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy Vietnamese encodings: Windows-1258 is the common one (TCVN3 / VNI are caught
    # afterwards by legacy_encoding, whatever the bytes decoded to).
    try:
        return raw.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise LoadError("không nhận ra bảng mã của tệp (cần UTF-8)") from exc


# Letters of Latin-1 that Vietnamese never uses, and Latin-1 symbols that font-encoded text
# (TCVN3 / ABC, VNI) puts in the middle of words: "Céng hoµ x· héi", "Keá hoaïch".
_FOREIGN_LETTERS = set("ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ")
_FONT_SYMBOLS = set("¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷")


def legacy_encoding(text: str, sample: int = 200_000) -> str:
    """"TCVN3", "VNI" or "" : text typed in a legacy Vietnamese font encoding shows Latin-1
    letters and symbols inside words where Unicode text has Vietnamese letters."""
    text = text[:sample]
    odd = symbols = 0
    vietnamese = 0
    for m in re.finditer(r"[^\W\d_][\w\u00a1-\u00bf\u00d7\u00f7]*|[\u00a1-\u00bf]", text):
        word = m.group(0)
        for i, ch in enumerate(word):
            if ch < "\u0080":
                continue
            if ch in _FOREIGN_LETTERS:
                odd += 1
            elif ch in _FONT_SYMBOLS and 0 < i:
                symbols += 1
            elif unicodedata.category(ch).startswith("L"):
                vietnamese += 1
    bad = odd + symbols
    if bad < 8 or bad < 0.05 * (bad + vietnamese):
        return ""
    return "TCVN3" if 2 * symbols >= odd else "VNI"


def drop_blocks(text: str, tags: tuple[str, ...]) -> str:
    """`<script>…</script>` (and the other tags) replaced by as many newlines as they held,
    so line numbers stay; an unclosed block runs to the end. Linear in the text."""
    lower = text.lower()
    opening = re.compile(r"<(" + "|".join(tags) + r")\b", re.I)
    out: list[str] = []
    pos = 0
    while True:
        m = opening.search(text, pos)
        if not m:
            out.append(text[pos:])
            break
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        end = len(text) if close < 0 else lower.find(">", close) + 1 or len(text)
        out.append(text[pos : m.start()])
        out.append("\n" * text.count("\n", m.start(), end))
        pos = end
    return "".join(out)


def _check_zip(path: Path, limits: LoadLimits) -> None:
    """A .docx is a zip: its declared uncompressed sizes are checked before anything is
    inflated (zipfile never inflates a member beyond its declared size)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(f"tệp .docx hỏng hoặc không đúng định dạng ({type(exc).__name__})") from exc
    if len(members) > 5000:
        raise LoadError(f"tệp .docx có quá nhiều thành phần ({len(members)})")
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked_bytes:
        raise LoadError(f"tệp .docx khi giải nén quá lớn ({_mb(total)}, tối đa {_mb(limits.max_unpacked_bytes)})")
    if any(m.flag_bits & 0x1 for m in members):
        raise LoadError("tệp .docx được mã hóa (có mật khẩu)")


def _text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter() if isinstance(t.tag, str) and t.tag.endswith("}t"))


# Paragraphs of one table cell ("ỦY BAN NHÂN DÂN" / "TỈNH HƯNG YÊN" / "Số: 286/KH-UBND" in a
# masthead cell) stay apart, so the header block's lines are read as lines (extract_metadata).
CELL_PARAGRAPHS = " / "


def _cell_text(cell) -> str:
    paragraphs = [collapse(_text_of(p)) for p in cell.iter() if isinstance(p.tag, str) and p.tag.endswith("}p")]
    return CELL_PARAGRAPHS.join(p for p in paragraphs if p) or collapse(_text_of(cell))


def _docx_text(path: Path, limits: LoadLimits | None = None) -> str:
    limits = limits or LoadLimits()
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover
        raise LoadError("cần gói python-docx để đọc .docx") from exc
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: an encrypted (or old .doc) file
        raise LoadError("tệp .docx được mã hóa (có mật khẩu) hoặc là định dạng .doc cũ")
    _check_zip(path, limits)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # corrupt zip, not a docx
        raise LoadError("tệp .docx hỏng hoặc không đúng định dạng") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if not isinstance(child.tag, str):  # comments, processing instructions, entity references
            continue
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_text_of(child))
        elif tag == "tbl":
            for row in child.iter():
                if not isinstance(row.tag, str) or not row.tag.endswith("}tr"):
                    continue
                cells = [_cell_text(cell) for cell in row if isinstance(cell.tag, str) and cell.tag.endswith("}tc")]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def _pdf_text(path: Path, limits: LoadLimits | None = None) -> str:
    """Page by page, with the uncompressed size bounded while reading: pypdf stops inflating any
    one stream past the limit, and the pages' inflated content streams are added up."""
    limits = limits or LoadLimits()
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover
        raise LoadError("cần gói pypdf để đọc .pdf") from exc
    too_big = f"tệp PDF khi giải nén quá lớn (tối đa {_mb(limits.max_unpacked_bytes)})"
    pages: list[str] = []
    try:
        with _pdf_limits(limits.max_unpacked_bytes):
            reader = PdfReader(str(path))
            if reader.is_encrypted:
                raise LoadError("tệp PDF được mã hóa (có mật khẩu)")
            count = len(reader.pages)
            if count > limits.max_pdf_pages:
                raise LoadError(f"tệp PDF quá nhiều trang ({count}, tối đa {limits.max_pdf_pages})")
            total = unpacked = 0
            for page in reader.pages:
                text = page.extract_text() or ""
                contents = page.get_contents()
                unpacked += len(contents.get_data()) if contents is not None else 0  # decoded once, cached
                if unpacked > limits.max_unpacked_bytes:
                    raise LoadError(too_big)
                total += len(text)
                if total > limits.max_text_chars:
                    raise LoadError(f"văn bản quá dài (hơn {_count(limits.max_text_chars)} ký tự)")
                pages.append(text)
    except LoadError:
        raise
    except Exception as exc:
        if type(exc).__name__ == "LimitReachedError":  # pypdf's own bound on one inflated stream
            raise LoadError(too_big) from exc
        raise LoadError("tệp PDF hỏng hoặc không đọc được") from exc
    return "\n".join(pages)


def _pdf_limits(max_bytes: int):
    """pypdf's per-stream output limits lowered to ours for this read (a context-local setting)."""
    import contextlib

    try:
        from pypdf import apply_configuration, get_configuration
    except ImportError:  # older pypdf: its fixed limits apply
        return contextlib.nullcontext()
    current = get_configuration()
    names = ("maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
             "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
             "brotli_maximum_output_length", "flate_maximum_buffer_size")
    lower = {n: min(getattr(current, n), max_bytes) for n in names if hasattr(current, n)}
    return apply_configuration(**lower)


_BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|li|tr|br|table|section|article|ul|ol)\b", re.I)
_HIDDEN_BLOCKS = ("script", "style", "template", "noscript", "nav", "footer", "aside", "svg", "iframe", "object")


def _html_text(html: str) -> str:
    """HTML -> text. A page written one block per line keeps its line numbers (citations then
    point at the file's own lines); a minified page is laid out one block per line instead."""
    html = re.sub(r"<!--.*?(?:-->|\Z)", lambda m: "\n" * m.group(0).count("\n"), html, flags=re.S)
    html = drop_blocks(html, _HIDDEN_BLOCKS)
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
    # laws and other legal documents (Luật Ban hành văn bản quy phạm pháp luật)
    "hien phap": "hiến pháp",
    "bo luat": "bộ luật",
    "luat": "luật",
    "phap lenh": "pháp lệnh",
    "huong dan": "hướng dẫn",
    "quy che": "quy chế",
    "quy dinh": "quy định",
    "phuong an": "phương án",
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


# A date written after a document's number: "ngày 07 tháng 3 năm 2024", "ngày 09/6/2025",
# and the number itself ("27/CT-TTg", "09/2013/TT-BXD").
_DATED = re.compile(r"\bngày\s+\d{1,2}\s*(?:tháng\s+\d{1,2}\s*năm\s+|[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}|\b\d{1,5}/\d{4}/[A-ZĐa-zđ][\w&-]*", re.I)


def _attached_titles(lines: list[str], after: int) -> list[str]:
    """Titles of documents attached after the main one: a type name on its own line ("KẾ HOẠCH",
    "ĐỀ ÁN", "QUY CHẾ") followed by its subject, up to the "(Kèm theo …)" note."""
    out: list[str] = []
    for i in range(max(after, 0), len(lines)):
        line = re.sub(r"(\*\*|__|#+\s*)", "", lines[i]).strip()
        if not (_is_upper_line(line) and len(line) < 30 and _KIND_RE.match(fold(line)) and fold(line) in KINDS):
            continue
        subject = next((re.sub(r"(\*\*|__)", "", x).strip() for x in lines[i + 1 : i + 4] if x.strip()), "")
        subject = re.split(r"\(\s*(?:Ban hành )?[Kk]èm theo", subject)[0].strip()
        if subject and not _MASTHEAD.match(subject):
            out.append(_sentence_case(f"{line} {subject}")[:300])
        if len(out) == 3:
            break
    return out


def _cells(line: str) -> list[str]:
    """The cells of a pipe-table row, or the line itself."""
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 2:
        return [c.strip() for c in s.strip("|").split("|") if c.strip() and not re.fullmatch(r":?-{2,}:?", c.strip())]
    return [line]


_SIGN_TITLE = re.compile(r"\b(CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN|TRƯỞNG ĐOÀN|CHÁNH VĂN PHÒNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|BÍ THƯ|PHÓ [A-ZĐÀ-Ỹ ]+)\s*$")
_PERSON = re.compile(r"((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*$")


def signature_name(text: str) -> str:
    """The signer's name in a signature block written on one line or in one cell
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Văn Thịnh"): a name in title case
    right after an upper-case title (Nghị định 30/2020/NĐ-CP, the signature block)."""
    text = re.sub(r"[(\[]\s*(đã ký|Đã ký|ĐÃ KÝ|ký)\s*[)\]]", " ", re.sub(r"(\*\*|__|\*)", "", text.replace(CELL_PARAGRAPHS, " ")))
    text = collapse(text)
    m = _PERSON.search(text)
    if not m:
        return ""
    before = text[: m.start()].strip()
    if not _SIGN_TITLE.search(before):
        return ""
    return m.group(1)


# The central bodies that issue documents in their own name (Luật Ban hành VBQPPL 2025).
_CENTRAL_ISSUER = re.compile(r"^(?:BỘ(?: [A-ZĐÀ-Ỹ,]+)+|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|NGÂN HÀNG NHÀ NƯỚC VIỆT NAM)\s*$")

def _central_name(upper: str) -> str:
    """"BỘ Y TẾ" -> "Bộ Y tế", "THỦ TƯỚNG CHÍNH PHỦ" -> "Thủ tướng Chính phủ": a body's name
    capitalises its first word and the first word of the field after "Bộ"."""
    low = collapse(upper).lower()
    fixed = {"chính phủ": "Chính phủ", "thủ tướng chính phủ": "Thủ tướng Chính phủ", "quốc hội": "Quốc hội",
             "ủy ban thường vụ quốc hội": "Ủy ban Thường vụ Quốc hội", "ngân hàng nhà nước việt nam": "Ngân hàng Nhà nước Việt Nam"}
    if low in fixed:
        return fixed[low]
    rest = re.sub(r"(^|\bvà\s+|,\s*|-\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), low[3:].strip())
    return f"Bộ {rest}"


# "- Lưu: VT, KTN. Trần Thanh Hiệp": the last line of "Nơi nhận" (the archive copy) with the
# signer's name from the column beside it, as a two-column block reads when extracted as text.
_ARCHIVE_NAME = re.compile(r"\bLưu\s*:?\s*[A-ZĐ0-9][A-ZĐ0-9,.;&\s/-]{0,40}?[.;]\s+((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*$")


def _after_archive(line: str) -> str:
    m = _ARCHIVE_NAME.search(re.sub(r"(\*\*|__)", "", line).strip())
    return m.group(1) if m else ""


def extract_metadata(text: str) -> DocumentMeta:
    lines = text.split("\n")
    meta = DocumentMeta()
    # The header block of Nghị định 30/2020 is often a table (issuer | motto; Số | place, date):
    # each cell is read as a line of its own.
    head = [(i + 1, re.sub(r"^#{1,6}\s+", "", re.sub(r"(\*\*|__)", "", part).strip())) for i, line in enumerate(lines[:60])
            for cell in _cells(line) for part in cell.split(CELL_PARAGRAPHS)]
    nonempty = [(n, line) for n, line in head if line]

    def mark(name: str, start: int, end: int | None = None) -> None:
        meta.lines[name] = [start, end or start]

    # Catalogue-style fields ("Số hiệu 80/KH-UBND", "Người ký Vũ Việt Văn") as on legal portals.
    labelled = {
        "number": r"(?:Số hiệu|Số ký hiệu|Số)\s*[:：]?\s*(" + DOC_NUMBER.pattern + ")",
        "date": r"Ngày ban hành\s*[:：]?\s*(\d{1,2}/\d{1,2}/\d{4})",
        "signer": r"Người ký\s*[:：]?\s*(.*\w.*)",
        "issuer": r"Cơ quan ban hành\s*[:：]?\s*(.*\w.*)",
        "kind": r"Loại văn bản\s*[:：]?\s*(.*\w.*)",
    }
    for k, (n, line) in enumerate(nonempty):
        # a catalogue written as a definition list puts the value on the line after its label
        # ("Người ký:" then "Đàm Văn Khiêm")
        alone = re.fullmatch(r"(Số hiệu|Số ký hiệu|Ngày ban hành|Người ký|Cơ quan ban hành|Loại văn bản)\s*[:：]?", line.strip())
        if alone and k + 1 < len(nonempty) and not re.fullmatch(r".{0,30}[:：]", nonempty[k + 1][1].strip()):
            n, line = nonempty[k + 1][0], f"{alone.group(1)}: {nonempty[k + 1][1]}"
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
    # A web page's title ends with the site's name ("… - Cổng Thông tin điện tử tỉnh Cao Bằng")
    meta.title = re.sub(r"\s+[-–|]\s+(?:Cổng|Trang|Website|Báo|Tạp chí)\b[^-–|]*$", "", meta.title, flags=re.I)[:300]
    if meta.kind == "quyết định":
        meta.attached = _attached_titles(lines, meta.lines.get("title", [0, 0])[1])
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

    # Signer: the signature block (TM./KT./Q. + title + name), often a table cell of its own.
    if not meta.signer:
        for i in range(len(lines) - 1, -1, -1):  # annexes may follow the signature: whole text
            name = next((n for n in map(signature_name, _cells(lines[i])) if n), "") or _after_archive(lines[i])
            if name:
                meta.signer = name
                mark("signer", i + 1)
                break
    # Else a personal name on its own line in the last part, after a title (CHỦ TỊCH, ...).
    # The name is written a few lines under the title (a blank for the seal and signature), in
    # its own line or its own cell of a two-column block; never past an annex's heading.
    if not meta.signer:
        tail_start = max(0, len(lines) - 200)
        role_at = None
        for i in range(tail_start, len(lines)):
            cells = [re.sub(r"(\*\*|__)", "", c).strip() for c in _cells(lines[i])]
            if any(re.search(r"CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|TM\.|KT\.", c) for c in cells):
                role_at = i
                continue
            if role_at is not None and re.match(r"^\W*PHỤ LỤC\b", lines[i].strip()):
                role_at = None
                continue
            if role_at is None or i - role_at > 12:
                continue
            name = next((c for c in cells if _NAME.match(c) and len(c.split()) <= 5), "")
            if name:
                meta.signer = name
                mark("signer", i + 1)
                break

    # A central body heads the masthead (Nghị định 30/2020: the issuer's name above "Số:"): its
    # documents are national; the place of issue ("Hà Nội, ngày …") is where it sits, not their scope.
    if not meta.issuer:
        for _, line in nonempty[:6]:
            m = _CENTRAL_ISSUER.match(line)
            if m:
                meta.issuer = _central_name(m.group(0))
                break
    central = bool(meta.issuer and _CENTRAL_ISSUER.match(meta.issuer.upper()))
    # Province: the title names it; else the issuing body; else the most mentioned one.
    provinces = find_provinces(meta.title)
    if not provinces and meta.issuer:
        provinces = find_provinces(meta.issuer)
    if not provinces and not central:
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
    # A title that names another document ("thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8
    # năm 2024") states that document's date, not this plan's period.
    scope_title = _DATED.sub(" ", meta.title)
    title_years = years_in(scope_title)
    until = re.search(r"đến năm\s+(\d{4})", scope_title, re.I)
    scope_period = re.search(r"giai đoạn\s+(\d{4}\s*[-–]\s*\d{4}|đến năm\s+\d{4})", opening_text, re.I)
    if periods_in(scope_title):
        a, b = periods_in(scope_title)[0]
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
