"""The knowledge folder (library.py), the table view of the facts (facts_view.py), and the facade's
library API (Assistant.add_files / remove_file / documents / facts) on a real index (hash embedder)."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import TAY_NINH, copy_knowledge

PLAN = """KẾ HOẠCH
Phát triển du lịch cộng đồng tỉnh Hà Giang năm 2025

I. MỤC TIÊU
Đón 50.000 lượt khách du lịch cộng đồng trong năm 2025.
"""


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "sent, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\evil.md", "evil.md"),
        (".hidden.txt", "hidden.txt"),
        ("Kế hoạch số 80 (2021)!.DOCX", "Kế-hoạch-số-80-2021.docx"),
        ("a/b/ <script>.pdf", "script.pdf"),
        ("....txt", "tai-lieu.txt"),
        ("bad\x00name\n.html", "badname.html"),
    ],
)
def test_safe_filename(sent, expected):
    from assistant.library import safe_filename

    assert safe_filename(sent) == expected


def test_unique_path_never_overwrites(tmp_path):
    from assistant.library import unique_path

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a-2.txt").write_text("y")
    assert unique_path(tmp_path, "a.txt").name == "a-3.txt"
    assert unique_path(tmp_path, "b.txt").name == "b.txt"


# ---------------------------------------------------------------------------- content checks


def _docx_bytes(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


@pytest.fixture
def library(tmp_path):
    from assistant.library import Library

    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "ke-hoach.txt").write_text("cũ", encoding="utf-8")
    return Library(knowledge, max_bytes=1024 * 1024)


@pytest.fixture
def sent(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()

    def write(name: str, data: bytes):
        (folder / name).write_bytes(data)
        return folder / name

    return write


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("tool.exe", b"MZ\x90\x00", "không được hỗ trợ"),
        ("big.txt", b"x" * (1024 * 1024 + 1), "quá lớn"),
        ("empty.txt", b"", "rỗng"),
        ("copy.txt", "cũ".encode(), "đã có trong thư viện"),
        ("tool.txt", b"MZ\x90\x00\x03\x00\x00\x00program", "nhị phân"),
        ("scan.pdf", b"\x00\x13garbage, not a PDF at all\xff" * 8, "không phải tệp PDF"),
        ("fake.docx", b"just text pretending", "không phải tệp Word"),
        ("zip.docx", _docx_bytes({"readme.txt": "x"}), "không chứa văn bản Word"),
        ("page.html", "chỉ chữ, không có thẻ".encode(), "không phải trang HTML"),
        ("latin.txt", b"\x81\x8d\x8f\x90\x9d" * 3, "không đọc được chữ"),
    ],
)
def test_uploads_are_checked_on_their_content(library, sent, name, data, problem):
    change = library.add(sent(name, data))
    assert problem in change.problem, change
    assert not change.source
    assert sorted(p.name for p in library.root.iterdir()) == ["ke-hoach.txt"]


@pytest.mark.parametrize(
    "name, data",
    [
        ("plan.txt", PLAN.encode()),
        ("plan.md", ("# " + PLAN).encode("utf-8-sig")),
        ("plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("plan.docx", _docx_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
        ("plan.html", "<html><body><p>Kế hoạch</p></body></html>".encode()),
    ],
)
def test_well_formed_files_of_each_type_are_accepted(library, sent, name, data):
    change = library.add(sent(name, data))
    assert change.ok and change.source == name
    assert (library.root / name).read_bytes() == data


def test_an_upload_never_overwrites_and_keeps_a_safe_name(library, sent):
    change = library.add(sent("ke-hoach.txt", "mới".encode()))
    assert change.ok and change.source == "ke-hoach-2.txt"
    assert (library.root / "ke-hoach.txt").read_text(encoding="utf-8") == "cũ"
    change = library.add(sent("Kế hoạch (mới) 2025.txt", PLAN.encode()))
    assert change.source == "Kế-hoạch-mới-2025.txt"
    assert not [p for p in library.root.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_remove_moves_aside_and_cannot_reach_outside(library, tmp_path):
    from assistant.errors import NotInLibrary
    from assistant.library import TRASH_DIR

    (tmp_path / "outside.txt").write_text("keep", encoding="utf-8")
    for source in ("../outside.txt", "/etc/hostname", "missing.txt", "", TRASH_DIR):
        with pytest.raises(NotInLibrary):
            library.remove(source)
    assert (tmp_path / "outside.txt").exists()
    trashed = library.remove("ke-hoach.txt")
    assert trashed.parent == library.root / TRASH_DIR and not (library.root / "ke-hoach.txt").exists()
    with pytest.raises(NotInLibrary):
        library.remove(f"{TRASH_DIR}/{trashed.name}")
    library.restore(trashed, "ke-hoach.txt")
    assert (library.root / "ke-hoach.txt").read_text(encoding="utf-8") == "cũ"


def test_the_trash_folder_is_ignored_by_git():
    from conftest import ROOT

    assert "/knowledge/.da-xoa/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------------------- the table view of facts


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và xã hội"),
        ("Ủy ban nhân dân các huyện", "Uỷ ban nhân dân các huyện"),
        ("UBND các huyện", "Ủy ban nhân dân các huyện"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở  Nội   vụ", "so noi vu"),
    ],
)
def test_agency_spellings_share_one_key(a, b):
    from assistant.facts_view import agency_key

    assert agency_key(a) == agency_key(b)


def test_agency_names_pick_one_display_form():
    from assistant.facts_view import agency_key, agency_names

    names = agency_names(["Sở Lao động - Thương binh và Xã hội"] * 3 + ["Sở Lao động - Thương binh và xã hội", "Uỷ ban nhân dân tỉnh",
                                                                         "các sở, ngành"])
    assert names[agency_key("sở lao động - thương binh và xã hội")] == "Sở Lao động - Thương binh và Xã hội"
    assert names[agency_key("Ủy ban nhân dân tỉnh")] == "Ủy ban nhân dân tỉnh"
    assert names[agency_key("các sở, ngành")] == "Các sở, ngành"
    assert agency_key("Sở Tài chính") != agency_key("Sở Nội vụ")


@pytest.mark.parametrize(
    "amount, unit, dong",
    [
        ("2.904.360.000", "đồng", 2_904_360_000),
        ("2.904.360", "1.000đ", 2_904_360_000),
        ("3,5 tỷ đồng", "", 3_500_000_000),
        ("500 triệu", "đồng", 500_000_000),
        ("120", "nghìn đồng", 120_000),
        ("không rõ", "đồng", None),
    ],
)
def test_amounts_in_dong(amount, unit, dong):
    from assistant.facts_view import amount_dong, format_dong

    assert amount_dong(amount, unit) == dong
    assert format_dong(2_904_360_000) == "2.904.360.000"


def _target(**kw):
    from assistant.types import Target

    base = dict(source="x.txt", indicator="cán bộ được đào tạo", value="80%", period="2025", section="I. MỤC TIÊU",
                start_line=1, end_line=1, quote="Phấn đấu đạt 80% cán bộ được đào tạo")
    return Target(**{**base, **kw})


def test_targets_are_told_apart_from_past_results():
    from assistant.facts_view import GOAL, RESULT, target_kind
    from assistant.types import DocumentMeta

    plan_2021 = DocumentMeta(date="05/04/2021", years=[2021, 2025, 2030])
    assert target_kind(_target(), plan_2021) == GOAL
    assert target_kind(_target(period="2012-2020", quote="tập huấn cho 1.768 lượt cán bộ"), plan_2021) == RESULT
    assert target_kind(_target(section="I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2011", period="2011"), plan_2021) == RESULT
    assert target_kind(_target(period="2021", quote="52 học viên đã được hỗ trợ học phí"), plan_2021) == RESULT
    assert target_kind(_target(period="đến 2025"), DocumentMeta(date="06/12/2022", years=[2030])) == GOAL


def test_the_task_column_holds_the_task_not_the_agency():
    from assistant.facts_view import readable_responsibility
    from assistant.types import Responsibility

    duty = Responsibility("x.txt", "Sở Nội vụ", ["Sở Nội vụ"], [], "Hướng dẫn chức danh, mã số ngạch.", "IV", 3, 3, "q")
    shown = readable_responsibility(duty, {})
    assert shown.task == "Hướng dẫn chức danh, mã số ngạch." and shown.duty == ""
    task = Responsibility("x.txt", "Hoạt động truyền thông", ["Sở LĐTBXH"], [], "", "II", 5, 6, "q")
    assert readable_responsibility(task, {}).task == "Hoạt động truyền thông"


# ---------------------------------------------------------------------------- the facade's library API


@pytest.fixture
def assistant(tmp_path):
    from assistant.assistant import Assistant
    from assistant.config import Settings
    from assistant.embeddings import make_embedder

    settings = Settings(knowledge_dir=copy_knowledge(tmp_path / "knowledge", [TAY_NINH]), index_dir=tmp_path / "index",
                        embedder="hash", max_upload_mb=1)
    return Assistant(settings, embedder=make_embedder("hash"))


def test_status_and_documents_without_an_index(assistant):
    status = assistant.status()
    assert not status.ready and "assistant ingest" in status.message
    assert assistant.documents() == [] and assistant.document(TAY_NINH) is None
    assert assistant.facts().responsibilities == []


def test_add_and_remove_files_through_the_facade(assistant, tmp_path):
    assistant.ingest()
    assert [d.source for d in assistant.documents()] == [TAY_NINH]
    assert assistant.document(TAY_NINH).lines[0] and assistant.status().documents == 1

    new = tmp_path / "Kế hoạch du lịch.txt"
    new.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf" * 10)
    update = assistant.add_files([new, bad])
    assert [f.ok for f in update.files] == [True, False] and update.report and not update.error
    assert update.files[0].source == "Kế-hoạch-du-lịch.txt"
    assert sorted(d.source for d in assistant.documents()) == sorted([TAY_NINH, "Kế-hoạch-du-lịch.txt"])
    assert "Hà Giang" in assistant.document("Kế-hoạch-du-lịch.txt").title

    update = assistant.remove_file("../outside.txt")
    assert update.files[0].problem and update.report is None
    update = assistant.remove_file("Kế-hoạch-du-lịch.txt")
    assert update.files[0].ok and update.report.removed == ["Kế-hoạch-du-lịch.txt"]
    assert [d.source for d in assistant.documents()] == [TAY_NINH]


def test_a_file_that_fails_to_index_is_taken_out_again(assistant, tmp_path):
    assistant.ingest()
    empty_pdf = tmp_path / "trang.pdf"  # a PDF header but no readable text
    empty_pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    update = assistant.add_files([empty_pdf])
    change = update.files[0]
    assert not change.ok and "không đọc được" in change.problem and "Error" not in change.problem
    assert not (assistant.settings.knowledge_dir / "trang.pdf").exists()


def test_facts_for_tables_are_normalised(hash_index):
    from assistant.assistant import Assistant
    from assistant.config import Settings
    from assistant.facts_view import GOAL, RESULT, agency_key

    assistant = Assistant(Settings(knowledge_dir=hash_index.knowledge_dir, index_dir=hash_index.index_dir, embedder="hash"),
                          embedder=hash_index.embedder)
    facts = assistant.facts()
    names = [a for r in facts.responsibilities for a in r.lead + r.partners]
    by_key: dict[str, set[str]] = {}
    for n in names:
        by_key.setdefault(agency_key(n), set()).add(n)
    assert all(len(v) == 1 for v in by_key.values()), {k: v for k, v in by_key.items() if len(v) > 1}
    assert not [r for r in facts.responsibilities if r.task in r.lead and r.task]
    kinds = {t.kind for t in facts.targets}
    assert kinds == {GOAL, RESULT}
    assert all(b.amount_dong is None or b.amount_dong >= 1000 for b in facts.budget)
    units = {b.unit for b in facts.budget}
    if "1.000đ" in units:
        row = next(b for b in facts.budget if b.unit == "1.000đ")
        assert row.amount_dong == int(row.amount.replace(".", "")) * 1000
