"""The knowledge folder: adding files (checked on their content, stored under safe new names) and
removing them (moved aside to a hidden folder the loader skips, so they can be recovered).

Nothing here ever writes outside the knowledge folder. Used by the Assistant facade, hence by the
app and the CLI.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
import uuid
import zipfile
from pathlib import Path

from .documents import SUPPORTED, LoadError, decode_text, file_sha256
from .errors import NotInLibrary
from .types import FileChange

TRASH_DIR = ".da-xoa"  # hidden: the loader skips it (and .gitignore keeps it out of git)

_ODD_CHARS = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_filename(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no hidden names, no odd characters."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")  # control characters
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = _ODD_CHARS.sub("-", stem)
    stem = re.sub(r"\s+", "-", stem.strip())
    stem = re.sub(r"-{2,}", "-", stem).strip(".-_ ")
    stem = stem[:100] or "tai-lieu"
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())
    return f"{stem}.{ext}" if ext else stem


def unique_path(folder: Path, name: str) -> Path:
    """folder/name, or folder/stem-2.ext, -3, … when taken: nothing is overwritten."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def content_problem(path: Path, suffix: str) -> str:
    """Why the file's bytes do not match its type ("" when they do): magic bytes, zip members, decodability."""
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if suffix == ".pdf":
        return "" if b"%PDF-" in head[:1024] else "nội dung không phải tệp PDF."
    if suffix == ".docx":
        if not head.startswith(b"PK\x03\x04"):
            return "nội dung không phải tệp Word (.docx)."
        try:
            with zipfile.ZipFile(path) as z:
                return "" if "word/document.xml" in z.namelist() else "tệp nén không chứa văn bản Word (.docx)."
        except zipfile.BadZipFile:
            return "tệp Word (.docx) bị hỏng."
    # .txt .md .html .htm: text in an encoding we read
    if head.startswith((b"MZ", b"\x7fELF", b"PK\x03\x04", b"%PDF-")) or b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "nội dung là tệp nhị phân, không phải văn bản."
    try:
        text = decode_text(path.read_bytes())
    except (LoadError, UnicodeDecodeError):
        return "không đọc được chữ trong tệp (cần văn bản UTF-8)."
    if suffix in (".html", ".htm") and "<" not in text:
        return "nội dung không phải trang HTML."
    return ""


class Library:
    """One knowledge folder."""

    def __init__(self, root: Path, max_bytes: int):
        self.root = Path(root)
        self.max_bytes = max_bytes

    def check(self, src: Path) -> str:
        """Why an uploaded file cannot be added ("" when it can)."""
        suffix = Path(safe_filename(src.name)).suffix.lower()
        if suffix not in SUPPORTED:
            return f"định dạng {suffix or '(không có đuôi)'} không được hỗ trợ (chỉ nhận {', '.join(SUPPORTED)})."
        try:
            size = src.stat().st_size
        except OSError:
            return "không đọc được tệp tải lên."
        if size > self.max_bytes:
            return f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa {self.max_bytes / 1048576:.0f} MB)."
        if size == 0:
            return "tệp rỗng."
        problem = content_problem(src, suffix)
        if problem:
            return problem
        digest = file_sha256(src)
        for existing in self._files():
            if existing.stat().st_size == size and file_sha256(existing) == digest:
                return f"tài liệu này đã có trong thư viện (tệp {existing.relative_to(self.root).as_posix()})."
        return ""

    def add(self, src: Path) -> FileChange:
        """Copies one file in under a safe, new name (the upload keeps the name the browser sent)."""
        change = FileChange(name=src.name)
        change.problem = self.check(src)
        if change.problem:
            return change
        self.root.mkdir(parents=True, exist_ok=True)
        target = unique_path(self.root, safe_filename(src.name))
        self._inside(target)
        tmp = self.root / f".upload-{uuid.uuid4().hex}{target.suffix}"  # hidden while copying: an ingest skips it
        shutil.copyfile(src, tmp)
        os.replace(tmp, target)
        change.source = target.relative_to(self.root).as_posix()
        return change

    def discard(self, change: FileChange) -> None:
        """Takes an added file out again (its index update failed)."""
        if change.source:
            path = self._inside(self.root / change.source)
            path.unlink(missing_ok=True)

    def remove(self, source: str) -> Path:
        """Moves a document into the hidden trash folder; returns where it went."""
        path = self.root / (source or "")
        try:
            path = self._inside(path)
        except NotInLibrary:
            raise NotInLibrary(f"Không tìm thấy tệp {source} trong thư mục tài liệu.") from None
        if not path.is_file() or TRASH_DIR in path.relative_to(self.root.resolve()).parts:
            raise NotInLibrary(f"Không tìm thấy tệp {source} trong thư mục tài liệu.")
        trash = self.root / TRASH_DIR
        trash.mkdir(exist_ok=True)
        target = unique_path(trash, f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}")
        os.replace(path, target)
        return target

    def restore(self, trashed: Path, source: str) -> None:
        """Puts a removed file back (its index update failed)."""
        target = self._inside(self.root / source)
        if trashed.exists() and not target.exists():
            os.replace(trashed, target)

    def _inside(self, path: Path) -> Path:
        root = self.root.resolve()
        resolved = path.resolve()
        if root not in resolved.parents:
            raise NotInLibrary(f"{path.name}: ngoài thư mục tài liệu.")
        return resolved

    def _files(self):
        if not self.root.is_dir():
            return
        for path in self.root.rglob("*"):
            rel = path.relative_to(self.root)
            if path.is_file() and not any(part.startswith(".") for part in rel.parts):
                yield path

