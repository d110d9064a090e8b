"""Loading: the five shipped plans' metadata, every supported format, encodings, bad files."""

from __future__ import annotations

import re

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest

from assistant import documents as documents_module
from assistant.chunking import Chunker
from assistant.documents import DocumentLoader, LoadError, extract_metadata, file_sha256, load_file
from assistant.vietnamese import fold

from conftest import BEN_TRE, KNOWLEDGE, LANG_SON, TAY_NINH, TPHCM, VINH_PHUC

# ------------------------------------------------------------------ metadata of the shipped plans


def _same_words(a: str, b: str) -> bool:
    """Equal up to letter case (title casing is cosmetic)."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def test_tay_ninh_metadata(documents):
    m = documents[TAY_NINH].meta
    assert _same_words(m.title, "Kế hoạch thực hiện Đề án phát triển nghề công tác xã hội trên địa bàn tỉnh Tây Ninh năm 2019")
    assert m.province == "Tây Ninh"
    assert m.kind == "kế hoạch"
    assert m.period == "2019"
    assert m.years == [2019]
    assert "2808/QĐ-UBND" in m.implements
    # The text carries no number, date or signature: nothing is invented.
    assert m.number == ""
    assert m.signer == ""
    assert m.date == ""


def test_vinh_phuc_metadata(documents):
    m = documents[VINH_PHUC].meta
    assert _same_words(
        m.title,
        "Kế hoạch 80/KH-UBND năm 2021 thực hiện Chương trình phát triển công tác xã hội "
        "trên địa bàn tỉnh Vĩnh Phúc giai đoạn 2021-2030",
    )
    assert m.number == "80/KH-UBND"
    assert m.province == "Vĩnh Phúc"
    assert m.issuer == "Ủy ban nhân dân tỉnh Vĩnh Phúc"
    assert m.signer == "Vũ Việt Văn"
    assert m.date == "05/04/2021"
    assert m.period == "2021-2030"
    assert m.years == list(range(2021, 2031))
    assert m.kind == "kế hoạch"
    assert "112/QĐ-TTg" in m.implements


def test_lang_son_metadata(documents):
    m = documents[LANG_SON].meta
    assert _same_words(
        m.title,
        "Kế hoạch 80/KH-UBND năm 2021 thực hiện Chương trình phát triển công tác xã hội "
        "giai đoạn 2021-2030 trên địa bàn tỉnh Lạng Sơn",
    )
    assert m.number == "80/KH-UBND"
    assert m.province == "Lạng Sơn"
    assert m.issuer == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert m.signer == "Dương Xuân Huyên"
    assert m.date == "05/04/2021"
    assert m.period == "2021-2030"
    assert m.kind == "kế hoạch"
    assert "112/QĐ-TTg" in m.implements


def test_ben_tre_metadata(documents):
    m = documents[BEN_TRE].meta
    assert _same_words(m.title, "Kế hoạch dự toán thực hiện Đề án phát triển nghề công tác xã hội tỉnh Bến Tre năm 2012")
    assert m.number == "3721/KH-UBND"  # named by its annex: "kèm theo Kế hoạch số 3721/KH-UBND"
    assert m.province == "Bến Tre"
    assert m.signer == "Trương Văn Nghĩa"
    assert m.period == "2012"
    assert m.kind == "kế hoạch"
    assert "2492/LĐTBXH-BTXH" in m.implements
    assert "32/2010/QĐ-TTg" in m.implements
    assert m.replaces == ["3523/KH-UBND"]
    assert "3721/KH-UBND" not in m.cites  # its own number is not a citation


def test_ben_tre_date_from_annex(documents):
    assert documents[BEN_TRE].meta.date == "29/08/2011"


def test_tphcm_news_metadata(documents):
    m = documents[TPHCM].meta
    assert m.title == "TPHCM: Nâng cao nhận thức của toàn xã hội về công tác xã hội"
    assert m.province == "Hồ Chí Minh"
    assert m.kind == "tin tức"
    assert m.date == "06/12/2022"
    assert "2030" in m.period
    assert m.number == ""


@pytest.mark.parametrize("source", [VINH_PHUC, LANG_SON, BEN_TRE])
def test_metadata_line_references_point_at_the_value(documents, source):
    doc = documents[source]
    lines = doc.lines
    for name in ("number", "signer", "date"):
        value = getattr(doc.meta, name)
        if not value or name not in doc.meta.lines:
            continue
        start, end = doc.meta.lines[name]
        quoted = " ".join(lines[start - 1 : end])
        if name == "date":  # "05/04/2021" or "ngày 29 tháng 8 năm 2011"
            day, month, year = (int(x) for x in value.split("/"))
            numbers = [int(x) for x in re.findall(r"\d+", quoted)]
            assert all(x in numbers for x in (day, month, year)), (name, value, quoted)
            continue
        assert value in quoted or value.replace("/0", "/") in quoted, (name, value, quoted)


def test_loaded_text_is_the_file_line_for_line(documents):
    for source, doc in documents.items():
        raw = (KNOWLEDGE / source).read_bytes()
        assert doc.text == unicodedata.normalize("NFC", raw.decode("utf-8"))
        assert doc.sha256 == hashlib.sha256(raw).hexdigest() == file_sha256(KNOWLEDGE / source)


# ------------------------------------------------------------------ formats


def test_load_markdown_keeps_lines_and_pipe_table(tmp_path):
    md = (
        "# Kế hoạch phát triển công tác xã hội tỉnh Nghệ An năm 2023\n"
        "\n"
        "Sở Lao động - Thương binh và Xã hội chủ trì.\n"
        "\n"
        "| STT | Hoạt động | Kinh phí (đồng) |\n"
        "|---|---|---|\n"
        "| 1 | Tập huấn | 50.000.000 |\n"
        "| 2 | Truyền thông | 20.000.000 |\n"
    )
    path = tmp_path / "nghe-an.md"
    path.write_text(md, encoding="utf-8")
    doc = load_file(path)
    assert doc.source == "nghe-an.md"
    assert doc.lines[2] == "Sở Lao động - Thương binh và Xã hội chủ trì."
    assert doc.meta.province == "Nghệ An"
    tables = [c for c in Chunker().run(doc) if c.kind == "table"]
    assert len(tables) == 1
    assert "Hoạt động: Tập huấn" in tables[0].text
    assert "Kinh phí (đồng): 50.000.000" in tables[0].text
    assert (tables[0].start_line, tables[0].end_line) == (7, 8)


def _long_markdown() -> str:
    body = "Nội dung chi tiết về công tác xã hội trên địa bàn tỉnh, gồm nhiều hoạt động cụ thể. " * 8
    return (
        "# KẾ HOẠCH PHÁT TRIỂN CÔNG TÁC XÃ HỘI TỈNH NGHỆ AN NĂM 2023\n\n"
        f"## I. Mục tiêu\n\n{body}\n\n"
        f"## II. Kinh phí\n\n{body}\n\n"
        f"## III. Tổ chức thực hiện\n\nSở Lao động - Thương binh và Xã hội chủ trì. {body}\n"
    )


def test_markdown_headings_give_heading_paths(tmp_path):
    path = tmp_path / "nghe-an.md"
    path.write_text(_long_markdown(), encoding="utf-8")
    doc = load_file(path)
    chunks = Chunker().run(doc)
    (last,) = [c for c in chunks if "Sở Lao động" in c.text]
    assert last.heading_path[-1] == "III. Tổ chức thực hiện"  # the '##' marker is not part of the label
    (middle,) = [c for c in chunks if c.start_line <= 7 <= c.end_line]
    assert "II. Kinh phí" in middle.heading_path


def test_markdown_title_and_kind(tmp_path):
    path = tmp_path / "nghe-an.md"
    path.write_text(_long_markdown(), encoding="utf-8")
    meta = load_file(path).meta
    assert not meta.title.startswith("#")
    assert meta.kind == "kế hoạch"


HTML = """<html><head><title>Cổng thông tin</title><style>.menu{color:red}</style>
<script>var tracking = 1;</script></head><body><nav>Trang chủ | Tin tức</nav>
<h1>KẾ HOẠCH</h1><p>TRIỂN KHAI CÔNG TÁC XÃ HỘI TỈNH TÂY NINH NĂM 2020</p>
<h2>I. MỤC TIÊU</h2><p>Đào tạo 200 cán bộ.<br>Tập huấn 300 lượt.</p>
<h2>II. KINH PHÍ</h2>
<table><tr><th>STT</th><th>Nội dung</th><th>Kinh phí</th></tr>
<tr><td>1</td><td>Tập huấn</td><td>50.000</td></tr>
<tr><td>2</td><td>Tuyên truyền</td><td>20.000</td></tr></table>
<footer>Bản quyền thuộc về cổng thông tin</footer></body></html>"""


def test_load_html_text_and_table_rows(tmp_path):
    path = tmp_path / "tay-ninh-2020.html"
    path.write_text(HTML, encoding="utf-8")
    doc = load_file(path)
    lines = [line for line in doc.lines]
    assert "Đào tạo 200 cán bộ." in lines
    assert "Tập huấn 300 lượt." in lines  # <br> is a line break
    assert "| 1 | Tập huấn | 50.000 |" in lines
    assert "| STT | Nội dung | Kinh phí |" in lines
    for junk in ("tracking", "color:red", "Trang chủ", "Bản quyền"):
        assert junk not in doc.text
    assert doc.meta.province == "Tây Ninh"
    assert doc.meta.kind == "kế hoạch"
    assert "2020" in doc.meta.period


def test_html_table_rows_keep_their_headers(tmp_path):
    path = tmp_path / "tay-ninh-2020.html"
    path.write_text(HTML, encoding="utf-8")
    chunks = Chunker().run(load_file(path))
    tables = [c for c in chunks if c.kind == "table"]
    assert tables, "no table chunk"
    assert any("Nội dung: Tập huấn" in c.text and "Kinh phí: 50.000" in c.text for c in tables)


def _make_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("THỰC HIỆN ĐỀ ÁN PHÁT TRIỂN NGHỀ CÔNG TÁC XÃ HỘI TỈNH BẾN TRE NĂM 2013")
    d.add_paragraph("I. MỤC TIÊU")
    d.add_paragraph("1. Mục tiêu chung")
    d.add_paragraph("Nâng cao nhận thức về nghề công tác xã hội.")
    table = d.add_table(rows=3, cols=3)
    rows = [["STT", "Hoạt động", "Kinh phí (đồng)"], ["1", "Tập huấn cán bộ", "120.000.000"], ["2", "Hỗ trợ tiền ăn", "50.000.000"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("Sở Lao động - Thương binh và Xã hội chủ trì.")
    d.save(str(path))


def test_load_docx_paragraphs_and_table(tmp_path):
    path = tmp_path / "ben-tre-2013.docx"
    _make_docx(path)
    doc = load_file(path)
    lines = doc.lines
    assert lines[0] == "KẾ HOẠCH"
    assert lines[2] == "I. MỤC TIÊU"
    assert "| STT | Hoạt động | Kinh phí (đồng) |" in lines
    assert "| 2 | Hỗ trợ tiền ăn | 50.000.000 |" in lines
    # Document order is kept: the table comes between the two sections.
    assert lines.index("| 1 | Tập huấn cán bộ | 120.000.000 |") < lines.index("II. TỔ CHỨC THỰC HIỆN")
    assert doc.meta.province == "Bến Tre"
    assert doc.meta.kind == "kế hoạch"
    assert doc.meta.period == "2013"
    table = [c for c in Chunker().run(doc) if c.kind == "table"]
    assert len(table) == 1
    assert "Hoạt động: Hỗ trợ tiền ăn | Kinh phí (đồng): 50.000.000" in table[0].text
    start = lines.index("| 1 | Tập huấn cán bộ | 120.000.000 |") + 1
    assert (table[0].start_line, table[0].end_line) == (start, start + 1)


def test_docx_title_stops_before_first_heading(tmp_path):
    path = tmp_path / "ben-tre-2013.docx"
    _make_docx(path)
    title = load_file(path).meta.title
    assert "mục tiêu" not in title.lower()
    assert _same_words(title, "Kế hoạch thực hiện đề án phát triển nghề công tác xã hội tỉnh Bến Tre năm 2013")


def _make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with Helvetica text (ASCII only): the hostile folder's writer."""
    from hostile_folder import _pdf_bytes, _text_page

    return _pdf_bytes([_text_page(lines)])


def test_load_pdf(tmp_path):
    pytest.importorskip("pypdf")
    path = tmp_path / "plan.pdf"
    path.write_bytes(_make_pdf(["KE HOACH", "Phat trien nghe cong tac xa hoi tinh Ben Tre nam 2012", "1. Muc tieu (chung)"]))
    doc = load_file(path)
    assert doc.lines[:3] == ["KE HOACH", "Phat trien nghe cong tac xa hoi tinh Ben Tre nam 2012", "1. Muc tieu (chung)"]
    assert doc.meta.province == "Bến Tre"


def test_encrypted_pdf_is_a_clear_error(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_make_pdf(["KE HOACH", "Noi dung"]))
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt("mat-khau", algorithm="RC4-128")
    path = tmp_path / "secret.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(LoadError, match="mã hóa"):
        load_file(path)


def test_corrupt_pdf_and_docx_are_load_errors(tmp_path):
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    bad_docx = tmp_path / "bad.docx"
    bad_docx.write_bytes(b"PK\x03\x04 not a zip")
    for path in (bad_pdf, bad_docx):
        with pytest.raises(LoadError) as info:
            load_file(path)
        assert "hỏng" in str(info.value)


# ------------------------------------------------------------------ encodings and bad files


def _cp1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese files store it: the hostile folder's encoder."""
    from hostile_folder import _cp1258 as encode

    return encode(text)


def test_cp1258_file_is_decoded(tmp_path):
    text = "KẾ HOẠCH\nSở Nội vụ phối hợp với Sở Lao động - Thương binh và Xã hội tỉnh Bến Tre.\n"
    raw = _cp1258(text)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    path = tmp_path / "legacy.txt"
    path.write_bytes(raw)
    doc = load_file(path)
    assert doc.text == unicodedata.normalize("NFC", text)
    assert doc.lines[1].startswith("Sở Nội vụ phối hợp")
    assert doc.meta.province == "Bến Tre"


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKẾ HOẠCH\r\nSở Nội vụ\r\nTỉnh Tây Ninh\r\n".encode("utf-8"))
    doc = load_file(path)
    assert doc.lines[:3] == ["KẾ HOẠCH", "Sở Nội vụ", "Tỉnh Tây Ninh"]
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Kế hoạch tỉnh Lạng Sơn\nSở Nội vụ\n".encode("utf-16"))
    assert load_file(path).lines[:2] == ["Kế hoạch tỉnh Lạng Sơn", "Sở Nội vụ"]


def test_decomposed_unicode_is_normalised(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Sở Nội vụ tỉnh Vĩnh Phúc"), encoding="utf-8")
    doc = load_file(path)
    assert doc.text == "Sở Nội vụ tỉnh Vĩnh Phúc"
    assert doc.meta.province == "Vĩnh Phúc"


def test_binary_file_is_a_clear_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    with pytest.raises(LoadError) as info:
        load_file(path)
    message = str(info.value)
    assert "nhị phân" in message or "bảng mã" in message
    assert "Traceback" not in message and len(message) < 200


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"])
def test_empty_file_is_a_load_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match="không có nội dung"):
        load_file(path)


def test_unsupported_suffix_is_a_load_error(tmp_path):
    path = tmp_path / "data.xyz"
    path.write_text("Kế hoạch", encoding="utf-8")
    with pytest.raises(LoadError, match="chưa được hỗ trợ"):
        load_file(path)


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents_module, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Kế hoạch " * 50, encoding="utf-8")
    with pytest.raises(LoadError, match="quá lớn"):
        load_file(path)


# ------------------------------------------------------------------ the loader


def test_loader_ignores_hidden_and_unsupported_files_and_walks_subfolders(tmp_path):
    root = tmp_path / "knowledge"
    (root / "2021").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Kế hoạch tỉnh Tây Ninh", encoding="utf-8")
    (root / "2021" / "b.md").write_text("Kế hoạch tỉnh Lạng Sơn", encoding="utf-8")
    (root / ".hidden.txt").write_text("bí mật", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("git", encoding="utf-8")
    (root / "2021" / ".~lock.b.md#").write_text("lock", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG")
    (root / "sheet.csv").write_text("a,b", encoding="utf-8")
    loader = DocumentLoader(root)
    assert [loader.source_name(p) for p in loader.sources()] == ["2021/b.md", "a.txt"]
    result = loader.run()
    assert sorted(d.source for d in result.documents) == ["2021/b.md", "a.txt"]
    assert result.failed == {}


def test_loader_reports_failed_files_by_name_and_goes_on(tmp_path):
    root = tmp_path / "knowledge"
    root.mkdir()
    (root / "a-good.txt").write_text("Kế hoạch tỉnh Tây Ninh năm 2019\nSở Nội vụ chủ trì.", encoding="utf-8")
    (root / "b-empty.txt").write_bytes(b"")
    (root / "c-broken.docx").write_bytes(b"not a zip at all")
    (root / "d-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "e-good.md").write_text("Kế hoạch tỉnh Lạng Sơn", encoding="utf-8")
    result = DocumentLoader(root).run()
    assert [d.source for d in result.documents] == ["a-good.txt", "e-good.md"]
    assert sorted(result.failed) == ["b-empty.txt", "c-broken.docx", "d-binary.txt"]
    assert all(reason.strip() for reason in result.failed.values())


def test_loader_only_reads_the_requested_sources(tmp_path):
    root = tmp_path / "knowledge"
    root.mkdir()
    (root / "a.txt").write_text("Kế hoạch A", encoding="utf-8")
    (root / "b.txt").write_bytes(b"")
    result = DocumentLoader(root).run(only={"a.txt"})
    assert [d.source for d in result.documents] == ["a.txt"]
    assert result.failed == {}


def test_loader_on_a_missing_folder_finds_nothing(tmp_path):
    result = DocumentLoader(tmp_path / "nope").run()
    assert result.documents == [] and result.failed == {}


def test_extract_metadata_on_a_catalogue_page():
    text = (
        "Quyết định 15/QĐ-UBND năm 2022 phê duyệt Đề án công tác xã hội tỉnh Nghệ An\n"
        "Số hiệu 15/QĐ-UBND\n"
        "Ngày ban hành 10/01/2022\n"
        "Loại văn bản Quyết định\n"
        "Cơ quan ban hành Tỉnh Nghệ An\n"
        "Người ký Nguyễn Văn Đệ\n"
        "Căn cứ Quyết định số 112/QĐ-TTg của Thủ tướng Chính phủ;\n"
    )
    m = extract_metadata(text)
    assert m.number == "15/QĐ-UBND"
    assert m.date == "10/01/2022"
    assert m.kind == "quyết định"
    assert m.signer == "Nguyễn Văn Đệ"
    assert m.province == "Nghệ An"
    assert m.issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    assert m.implements == ["112/QĐ-TTg"]
    assert m.lines["signer"] == [6, 6]
    assert fold(m.title).startswith("quyet dinh 15/qd-ubnd")


def test_most_mentioned_province_fallback_counts_each_mention_once():
    text = "Báo cáo kết quả tập huấn\nCán bộ tỉnh Bến Tre tham gia lớp học tại Thành phố Hồ Chí Minh.\nNội dung chính"
    assert extract_metadata(text).province == "Bến Tre"


# ------------------------------------------------------------------ hostile input (see also test_hostile.py)


def test_legacy_font_encodings_are_named_and_unicode_plans_are_not(documents):
    from assistant.documents import legacy_encoding

    assert legacy_encoding("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nKÕ ho¹ch thùc hiÖn ®Ò ¸n cña tØnh") == "TCVN3"
    assert legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Keá hoaïch thöïc hieän ñeà aùn cuûa tænh") == "VNI"
    for doc in documents.values():
        assert legacy_encoding(doc.text) == "", doc.source
    assert legacy_encoding("Diện tích 20 m² ở Đà Nẵng, nhiệt độ 30°C; ông Müller dự họp.") == ""


def test_script_style_and_template_blocks_are_dropped_keeping_line_numbers():
    from assistant.documents import drop_blocks

    text = "a\n<script>\nx = 1\n</script>\nb <style>.c{}</style> c\n<template>\n<p>t</p>\n</TEMPLATE>\nd\n<script>never closed\ne"
    out = drop_blocks(text, ("script", "style", "template"))
    assert out.count("\n") == text.count("\n")
    assert out.split("\n")[0] == "a" and out.split("\n")[4] == "b  c" and out.split("\n")[8] == "d"
    assert "x = 1" not in out and "<p>t</p>" not in out and "never closed" not in out and "e" not in out.split("\n")[-1]


def test_a_docx_bomb_is_refused_before_it_is_inflated(tmp_path):
    import tracemalloc

    from hostile_folder import _zip_bomb

    pytest.importorskip("docx")
    path = tmp_path / "bom.docx"
    path.write_bytes(_zip_bomb(80 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    with pytest.raises(LoadError, match="giải nén quá lớn"):
        load_file(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


def test_entity_nodes_in_a_docx_are_skipped(tmp_path):
    from hostile_folder import _docx_bytes, _replace_part

    raw = _replace_part(_docx_bytes(["KẾ HOẠCH", "Sở Nội vụ chủ trì."]), "word/document.xml",
                        lambda xml: xml.replace(b"<w:document ", b'<!DOCTYPE w:document [<!ENTITY e "eee">]>\n<w:document ', 1)
                        .replace(b"<w:body>", b"<w:body>&e;", 1))
    path = tmp_path / "entities.docx"
    path.write_bytes(raw)
    assert load_file(path).lines[:2] == ["KẾ HOẠCH", "Sở Nội vụ chủ trì."]


def test_links_are_followed_only_inside_the_folder(tmp_path):
    root = tmp_path / "knowledge"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("Kế hoạch mật", encoding="utf-8")
    (root / "a.txt").write_text("Kế hoạch tỉnh Tây Ninh", encoding="utf-8")
    (root / "same.txt").symlink_to("a.txt")
    (root / "out.txt").symlink_to(tmp_path / "secret.txt")
    (root / "dangling.md").symlink_to(root / "gone.md")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("Kế hoạch ẩn", encoding="utf-8")
    (root / "hidden.txt").symlink_to(root / ".git" / "notes.txt")
    found, refused = DocumentLoader(root).scan()
    assert sorted(found) == ["a.txt", "same.txt"] and found["same.txt"] == (root / "a.txt").resolve()
    assert "ngoài thư mục" in refused["out.txt"] and "hỏng" in refused["dangling.md"] and "thư mục" in refused["loop"]
    assert "ẩn" in refused["hidden.txt"]
    result = DocumentLoader(root).run()
    assert sorted(d.source for d in result.documents) == ["a.txt", "same.txt"]
    assert sorted(result.failed) == ["dangling.md", "hidden.txt", "loop", "out.txt"]


def test_limits_are_named(tmp_path):
    from assistant.types import LoadLimits

    path = tmp_path / "dai.txt"
    path.write_text("Kế hoạch. " * 1000, encoding="utf-8")
    with pytest.raises(LoadError, match=r"quá dài \(10\.000 ký tự, tối đa 5\.000\)"):
        load_file(path, limits=LoadLimits(max_text_chars=5000))
    with pytest.raises(LoadError, match="quá lớn"):
        load_file(path, limits=LoadLimits(max_file_bytes=1000))
    assert load_file(path, limits=LoadLimits()).text.startswith("Kế hoạch.")


def test_any_exception_of_one_file_is_its_reason_and_the_loader_goes_on(tmp_path, monkeypatch):
    root = tmp_path / "knowledge"
    root.mkdir()
    (root / "a.txt").write_text("Kế hoạch tỉnh Tây Ninh", encoding="utf-8")
    (root / "b.html").write_text("<p>Kế hoạch tỉnh Lạng Sơn</p>", encoding="utf-8")

    def broken(html):  # a parser bug, as a hostile page may trigger
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(documents_module, "_html_text", broken)
    result = DocumentLoader(root).run()
    assert [d.source for d in result.documents] == ["a.txt"]
    assert "lồng nhau quá sâu" in result.failed["b.html"]


def test_lone_surrogates_from_a_broken_text_layer_are_replaced(tmp_path, monkeypatch):
    path = tmp_path / "vo.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(documents_module, "_pdf_text", lambda p, limits=None: "Kế hoạch \udc81 tỉnh Tây Ninh")
    doc = load_file(path)
    assert doc.text == "Kế hoạch ? tỉnh Tây Ninh"
    doc.text.encode("utf-8")


def test_a_pdf_is_bounded_on_its_uncompressed_size_while_reading(tmp_path):
    pytest.importorskip("pypdf")
    from assistant.types import LoadLimits
    from hostile_folder import _pdf_bytes, _text_page

    limits = LoadLimits(max_unpacked_bytes=1024 * 1024)
    one_big = tmp_path / "mot-luong.pdf"  # one content stream inflating to 2 MB
    one_big.write_bytes(_pdf_bytes([b"BT /F1 12 Tf 72 720 Td (" + b"A" * (2 * 1024 * 1024) + b") Tj ET"], compress=True))
    many = tmp_path / "nhieu-trang.pdf"  # each page under the limit, together over it
    many.write_bytes(_pdf_bytes([b"% " + b" " * (400 * 1024) + b"\n" + _text_page(["trang"])] * 4, compress=True))
    for path in (one_big, many):
        assert path.stat().st_size < 100 * 1024
        with pytest.raises(LoadError, match="giải nén quá lớn"):
            load_file(path, limits=limits)
    assert "trang" in load_file(many).text  # under the default limit it reads


# ------------------------------------------------------------------ central issuers and signature layouts

CIRCULAR = """BỘ XÂY DỰNG
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/2026/TT-BXD
Hà Nội, ngày 03 tháng 3 năm 2026

THÔNG TƯ
QUY ĐỊNH VỀ KIỂM TRA CHẤT LƯỢNG VẬT LIỆU XÂY DỰNG

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc kiểm tra chất lượng vật liệu tại Hà Nội và các tỉnh.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Sinh Nhật
"""


def test_a_ministry_document_is_national_and_names_its_ministry():
    meta = extract_metadata(CIRCULAR)
    assert meta.issuer == "Bộ Xây dựng"
    assert meta.province == ""  # "Hà Nội, ngày …" is where the ministry sits, not the scope
    assert meta.kind == "thông tư" and meta.number == "12/2026/TT-BXD"
    assert meta.signer == "Nguyễn Sinh Nhật"


def test_the_signer_beside_the_archive_line_of_a_two_column_block():
    text = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 5/KH-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nKẾ HOẠCH\nTrồng rừng năm 2026\n\n"
            "Nội dung kế hoạch.\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; KT. CHỦ TỊCH\n- Lưu: VT, KT. Hà Văn Khoa\n"
            "PHỤ LỤC\nDANH MỤC XÃ\nVùng đồng bằng sông\nCửu Long\n")
    assert extract_metadata(text).signer == "Hà Văn Khoa"  # not a name-like line of the annex


def test_a_name_in_a_cell_of_a_pipe_table_signature():
    text = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 6/QĐ-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2026\n\nQUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
            "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n|---|---|\n| - Như Điều 3; | KT. CHỦ TỊCH |\n| - Lưu: VT. | PHÓ CHỦ TỊCH |\n"
            "| | |\n| - CT, các PCT UBND tỉnh; | **Lý Thị Mai** |\n")
    assert extract_metadata(text).signer == "Lý Thị Mai"


def test_a_docx_masthead_cell_keeps_its_paragraphs_apart(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    for text in ("TỈNH BẮC KẠN", "Số: 15/KH-UBND"):
        left.add_paragraph(text)
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Bắc Kạn, ngày 18 tháng 11 năm 2025")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Chuyển đổi số cấp xã năm 2026")
    d.add_paragraph("Nội dung kế hoạch.")
    sign = d.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = "Nơi nhận:"
    cell = sign.rows[0].cells[1]
    cell.text = "TM. ỦY BAN NHÂN DÂN"
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Khoa"):
        cell.add_paragraph(text)
    path = tmp_path / "bac-kan-15.docx"
    d.save(path)
    doc = load_file(path, path.name)
    assert "ỦY BAN NHÂN DÂN / TỈNH BẮC KẠN" in doc.lines[0]  # not "DÂNTỈNH"
    assert doc.meta.number == "15/KH-UBND" and doc.meta.date == "18/11/2025"
    assert doc.meta.signer == "Hà Văn Khoa"
