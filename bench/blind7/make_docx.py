"""Build knowledge/hung-yen-286-kh-ubnd-2025-chuyen-doi-so-cap-xa.docx with python-docx.

Run: /work/main/.venv/bin/python bench/blind7/make_docx.py
"""
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "knowledge" / "hung-yen-286-kh-ubnd-2025-chuyen-doi-so-cap-xa.docx"


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def cell_lines(cell, lines, bold_upto=0, center=True):
    """Fill a cell with one Word paragraph per line."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = i < bold_upto
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def para(doc, text, style=None, bold=False, italic=False, center=False):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def main():
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)

    # Masthead: issuer | quốc hiệu, borderless 2-column table.
    head = doc.add_table(rows=1, cols=2)
    no_borders(head)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_lines(head.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "-------", "Số: 286/KH-UBND"], bold_upto=2)
    cell_lines(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                 "---------------", "Hưng Yên, ngày 18 tháng 11 năm 2025"], bold_upto=2)

    doc.add_heading("KẾ HOẠCH", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "Triển khai chuyển đổi số và Đề án 06 tại Ủy ban nhân dân các xã, phường "
              "trên địa bàn tỉnh Hưng Yên năm 2026", bold=True, center=True)
    para(doc, "-----------", center=True)

    for t in [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển "
        "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
        "Căn cứ Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án "
        "phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia "
        "giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 (sau đây gọi là Đề án 06);",
        "Thực hiện Chương trình hành động số 18-CTr/TU ngày 06 tháng 3 năm 2025 của Ban Thường vụ Tỉnh ủy "
        "về thực hiện Nghị quyết số 57-NQ/TW;",
        "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 412/TTr-SKHCN ngày 10 tháng 11 năm 2025, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai chuyển đổi số và Đề án 06 tại Ủy ban nhân dân "
        "các xã, phường năm 2026 như sau:",
    ]:
        para(doc, t, italic=t.startswith("Căn cứ"))

    H2 = lambda t: doc.add_heading(t, level=2)
    H3 = lambda t: doc.add_heading(t, level=3)

    H2("I. MỤC ĐÍCH, YÊU CẦU")
    H3("1. Mục đích")
    para(doc, "a) Đưa chính quyền cấp xã sau sắp xếp vận hành thông suốt trên môi trường số, lấy người dân, "
              "doanh nghiệp làm trung tâm phục vụ.")
    para(doc, "b) Khai thác hiệu quả Cơ sở dữ liệu quốc gia về dân cư, tài khoản định danh điện tử VNeID "
              "trong giải quyết thủ tục hành chính tại 104 xã, phường (93 xã và 11 phường).")
    para(doc, "c) Hình thành thói quen sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt của "
              "người dân ở các xã thuần nông, vùng ven biển.")
    H3("2. Yêu cầu")
    para(doc, "a) Xác định chuyển đổi số là nhiệm vụ trọng tâm, thường xuyên, gắn với trách nhiệm người đứng "
              "đầu cấp ủy, chính quyền cấp xã.")
    para(doc, "b) Nhiệm vụ phải cụ thể, rõ cơ quan chủ trì, thời hạn hoàn thành và sản phẩm đầu ra; bảo đảm "
              "kết nối, liên thông với các hệ thống thông tin của tỉnh và trung ương.")
    para(doc, "c) Bảo đảm an toàn thông tin mạng, bảo vệ dữ liệu cá nhân theo quy định của pháp luật.")

    H2("II. MỤC TIÊU")
    H3("1. Mục tiêu chung")
    para(doc, "Hoàn thiện nền tảng chính quyền số cấp xã; 100% xã, phường cung cấp dịch vụ công trực tuyến "
              "thông suốt, không phụ thuộc địa giới hành chính; người dân được hướng dẫn, hỗ trợ sử dụng dịch "
              "vụ số ngay tại thôn, tổ dân phố.")
    H3("2. Chỉ tiêu cụ thể đến hết năm 2026")
    for t in [
        "a) 100% xã, phường sử dụng Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Hưng Yên để tiếp nhận, "
        "xử lý hồ sơ; 100% văn bản đi, đến (trừ văn bản mật) được xử lý trên môi trường điện tử.",
        "b) Tỷ lệ hồ sơ thủ tục hành chính cấp xã được tiếp nhận, giải quyết trực tuyến toàn trình đạt tối "
        "thiểu 70%.",
        "c) Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính cấp xã đạt 90%; tỷ lệ tái sử dụng dữ "
        "liệu đã số hóa đạt 60%.",
        "d) 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số cơ bản; mỗi xã, phường có ít nhất 02 "
        "công chức được đào tạo chuyên sâu về an toàn thông tin.",
        "đ) 80% công dân từ đủ 14 tuổi trở lên trên địa bàn tỉnh được cấp và kích hoạt tài khoản định danh "
        "điện tử mức độ 2.",
        "e) 100% xã, phường duy trì Tổ công nghệ số cộng đồng; 100% trụ sở xã, phường được phủ sóng Wi-Fi "
        "miễn phí phục vụ người dân tại Bộ phận Một cửa.",
    ]:
        para(doc, t)

    H2("III. NHIỆM VỤ, GIẢI PHÁP")
    H3("1. Hoàn thiện thể chế, quy chế vận hành")
    para(doc, "a) Ban hành Quy chế quản lý, vận hành, khai thác các nền tảng số dùng chung của tỉnh tại cấp "
              "xã; hoàn thành trong Quý I/2026.")
    para(doc, "b) Rà soát, chuẩn hóa danh mục thủ tục hành chính cấp xã đủ điều kiện cung cấp dịch vụ công "
              "trực tuyến toàn trình; cắt giảm thành phần hồ sơ đã có trong cơ sở dữ liệu.")
    para(doc, "c) Ban hành quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính cấp xã phù hợp "
              "với mô hình chính quyền địa phương hai cấp.")
    H3("2. Phát triển hạ tầng số")
    para(doc, "a) Nâng cấp đường truyền số liệu chuyên dùng cấp II cho 104 xã, phường; bảo đảm băng thông "
              "tối thiểu 100 Mbps tại mỗi trụ sở.")
    para(doc, "b) Trang bị bổ sung 520 bộ máy tính và 208 máy quét tài liệu tốc độ cao cho Bộ phận Một cửa "
              "cấp xã, ưu tiên các xã được hợp nhất từ 03 đơn vị trở lên.")
    para(doc, "c) Kết nối hệ thống hội nghị truyền hình trực tuyến từ tỉnh đến 100% xã, phường; bảo đảm "
              "tổ chức họp không giấy tờ qua ứng dụng iOffice của tỉnh.")
    H3("3. Phát triển dữ liệu số")
    para(doc, "a) Làm sạch, đồng bộ dữ liệu hộ tịch, đất đai, an sinh xã hội cấp xã với Cơ sở dữ liệu quốc "
              "gia về dân cư theo tiêu chí đúng, đủ, sạch, sống.")
    para(doc, "b) Xây dựng kho dữ liệu dùng chung cấp xã trên Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh "
              "(LGSP); từng bước cung cấp dữ liệu mở cho người dân, doanh nghiệp.")
    para(doc, "c) Cập nhật đầy đủ dữ liệu người có công, đối tượng bảo trợ xã hội, hộ nghèo, hộ cận nghèo "
              "vào cơ sở dữ liệu chuyên ngành, phục vụ chi trả không dùng tiền mặt.")
    H3("4. Phát triển nhân lực số")
    para(doc, "a) Tổ chức 12 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã theo cụm xã, phường.")
    para(doc, "b) Kiện toàn Tổ công nghệ số cộng đồng gắn với Tổ công tác triển khai Đề án 06 cấp xã; huy "
              "động đoàn viên thanh niên tham gia hướng dẫn người dân sử dụng dịch vụ công trực tuyến.")
    para(doc, "c) Mỗi thôn, tổ dân phố có ít nhất 01 thành viên Tổ công nghệ số cộng đồng thành thạo hướng "
              "dẫn người dân cài đặt, sử dụng ứng dụng VNeID và Cổng Dịch vụ công quốc gia.")
    H3("5. Bảo đảm an toàn thông tin mạng")
    para(doc, "Triển khai giám sát an toàn thông tin tập trung cho hệ thống máy tính cấp xã qua Trung tâm "
              "Giám sát, điều hành thông minh (IOC) tỉnh; tổ chức diễn tập ứng cứu sự cố ít nhất 01 lần "
              "trong năm.")
    H3("6. Thanh toán không dùng tiền mặt")
    para(doc, "a) Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính tại 100% xã, phường.")
    para(doc, "b) Phối hợp với các ngân hàng thương mại, doanh nghiệp viễn thông mở rộng điểm chấp nhận "
              "thanh toán qua mã QR tại chợ, điểm du lịch, cơ sở y tế cấp xã.")

    H2("IV. KINH PHÍ THỰC HIỆN")
    para(doc, "1. Tổng kinh phí dự kiến thực hiện Kế hoạch năm 2026 là 38,5 tỷ đồng, trong đó: ngân sách "
              "tỉnh 27,3 tỷ đồng; ngân sách xã, phường 11,2 tỷ đồng.")
    para(doc, "2. Kinh phí hoạt động của Tổ công nghệ số cộng đồng do ngân sách xã, phường bảo đảm và huy "
              "động từ các doanh nghiệp viễn thông theo quy định.")
    para(doc, "3. Khuyến khích huy động nguồn xã hội hóa; thực hiện thuê dịch vụ công nghệ thông tin theo "
              "quy định của pháp luật.")

    H2("V. TỔ CHỨC THỰC HIỆN")
    H3("1. Sở Khoa học và Công nghệ")
    para(doc, "a) Là cơ quan thường trực, chủ trì theo dõi, đôn đốc, hướng dẫn các xã, phường triển khai Kế "
              "hoạch; tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.")
    para(doc, "b) Chủ trì nâng cấp đường truyền số liệu chuyên dùng, triển khai giám sát an toàn thông tin "
              "tập trung cho cấp xã.")
    para(doc, "c) Tổ chức đánh giá, xếp hạng mức độ chuyển đổi số cấp xã năm 2026, công bố kết quả trước "
              "ngày 31 tháng 01 năm 2027.")
    H3("2. Công an tỉnh")
    para(doc, "a) Chủ trì hướng dẫn các xã, phường làm sạch dữ liệu, kết nối Cơ sở dữ liệu quốc gia về dân "
              "cư với Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.")
    para(doc, "b) Chỉ đạo Công an các xã, phường đẩy mạnh cấp và kích hoạt tài khoản định danh điện tử mức "
              "độ 2, bảo đảm chỉ tiêu được giao.")
    para(doc, "c) Phối hợp với Sở Khoa học và Công nghệ kiểm tra, đánh giá an ninh mạng đối với hệ thống "
              "thông tin cấp xã.")
    H3("3. Sở Tài chính")
    para(doc, "a) Chủ trì thẩm định, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch trong "
              "dự toán ngân sách năm 2026.")
    para(doc, "b) Hướng dẫn các xã, phường lập dự toán, thanh toán, quyết toán kinh phí chuyển đổi số theo "
              "quy định.")
    H3("4. Sở Nội vụ")
    para(doc, "Chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng nội dung, tổ chức bồi dưỡng kỹ năng "
              "số cho cán bộ, công chức cấp xã; đưa kết quả chuyển đổi số vào tiêu chí đánh giá, xếp loại "
              "chất lượng cán bộ, công chức hằng năm.")
    H3("5. Văn phòng Ủy ban nhân dân tỉnh")
    para(doc, "Chỉ đạo Trung tâm Phục vụ hành chính công tỉnh rà soát, chuẩn hóa danh mục thủ tục hành chính "
              "cấp xã cung cấp trực tuyến toàn trình; theo dõi Bộ chỉ số phục vụ người dân, doanh nghiệp của "
              "các xã, phường trên Cổng Dịch vụ công quốc gia.")
    H3("6. Báo và Phát thanh, Truyền hình Hưng Yên")
    para(doc, "Mở chuyên mục tuyên truyền về chuyển đổi số, Đề án 06 ở cấp xã; phát sóng tối thiểu 02 kỳ "
              "mỗi tháng.")
    H3("7. Ủy ban nhân dân các xã, phường")
    para(doc, "a) Ban hành kế hoạch chuyển đổi số của địa phương năm 2026 trước ngày 31 tháng 12 năm 2025; "
              "Chủ tịch Ủy ban nhân dân xã, phường trực tiếp chỉ đạo, chịu trách nhiệm về kết quả thực hiện.")
    para(doc, "b) Bố trí ngân sách và nhân lực cho Tổ công nghệ số cộng đồng; định kỳ hằng quý (trước ngày "
              "20 của tháng cuối quý) báo cáo kết quả về Sở Khoa học và Công nghệ.")
    H2("VI. CHẾ ĐỘ THÔNG TIN, BÁO CÁO")
    para(doc, "1. Các sở, ban, ngành được giao chủ trì nhiệm vụ báo cáo kết quả 6 tháng trước ngày 10/6/2026 "
              "và báo cáo năm trước ngày 10/12/2026 về Sở Khoa học và Công nghệ.")
    para(doc, "2. Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Khoa học và Công "
              "nghệ kết quả thực hiện Kế hoạch năm 2026 trước ngày 20/12/2026.")
    para(doc, "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản "
              "ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết./.")

    # Signature block: Nơi nhận | chữ ký, 2-column table.
    sig = doc.add_table(rows=1, cols=2)
    no_borders(sig)
    cell_lines(sig.cell(0, 0), ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Bộ Công an (C06);",
                                "- TTr Tỉnh ủy, TTr HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;",
                                "- Các sở, ban, ngành cấp tỉnh;", "- UBND các xã, phường;",
                                "- Lưu: VT, KGVX."], bold_upto=1, center=False)
    cell_lines(sig.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(Đã ký)", "",
                                "Trần Xuân Lộc"], bold_upto=3)

    doc.add_page_break()
    doc.add_heading("PHỤ LỤC", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026", bold=True, center=True)
    para(doc, "(Kèm theo Kế hoạch số 286/KH-UBND ngày 18/11/2025 của Ủy ban nhân dân tỉnh Hưng Yên)",
         italic=True, center=True)

    rows = [
        ("1", "Ban hành Quy chế quản lý, vận hành, khai thác các nền tảng số dùng chung của tỉnh tại cấp xã",
         "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh; Sở Nội vụ; UBND các xã, phường", "Quý I/2026",
         "Quyết định của UBND tỉnh"),
        ("2", "Công bố danh mục thủ tục hành chính cấp xã cung cấp dịch vụ công trực tuyến toàn trình",
         "Văn phòng UBND tỉnh", "Các sở, ban, ngành; UBND các xã, phường", "Trước ngày 31/3/2026",
         "Quyết định công bố danh mục"),
        ("3", "Nâng cấp đường truyền số liệu chuyên dùng cấp II cho 104 xã, phường", "Sở Khoa học và Công nghệ",
         "Bưu điện tỉnh; Viettel Hưng Yên; UBND các xã, phường", "Quý II/2026",
         "104 điểm kết nối đạt băng thông tối thiểu 100 Mbps"),
        ("4", "Trang bị máy tính, máy quét tài liệu cho Bộ phận Một cửa cấp xã", "UBND các xã, phường",
         "Sở Tài chính; Sở Khoa học và Công nghệ", "Quý II/2026", "520 bộ máy tính, 208 máy quét"),
        ("5", "Làm sạch, đồng bộ dữ liệu hộ tịch với Cơ sở dữ liệu quốc gia về dân cư", "Công an tỉnh",
         "Sở Tư pháp; UBND các xã, phường", "Trước ngày 30/6/2026", "Dữ liệu hộ tịch được xác thực, đồng bộ"),
        ("6", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực tại cấp xã",
         "UBND các xã, phường", "Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ",
         "Thường xuyên; đạt chỉ tiêu 90% trước ngày 30/11/2026", "Kho hồ sơ số hóa cấp xã"),
        ("7", "Xây dựng kho dữ liệu dùng chung cấp xã trên Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh",
         "Sở Khoa học và Công nghệ", "Công an tỉnh; Sở Nông nghiệp và Môi trường; Sở Y tế", "Quý III/2026",
         "Kho dữ liệu dùng chung kết nối với LGSP"),
        ("8", "Tổ chức 12 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ",
         "Sở Khoa học và Công nghệ; Trường Chính trị tỉnh", "Quý II - Quý III/2026",
         "12 lớp, khoảng 2.100 lượt học viên"),
        ("9", "Kiện toàn Tổ công nghệ số cộng đồng gắn với Tổ công tác Đề án 06 cấp xã", "UBND các xã, phường",
         "Công an tỉnh; Tỉnh đoàn", "Tháng 01/2026", "Quyết định kiện toàn của UBND xã, phường"),
        ("10", "Diễn tập ứng cứu sự cố an toàn thông tin mạng cho hệ thống thông tin cấp xã",
         "Sở Khoa học và Công nghệ", "Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh", "Quý IV/2026",
         "Báo cáo kết quả diễn tập"),
        ("11", "Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách năm 2026", "Sở Tài chính",
         "Sở Khoa học và Công nghệ; UBND các xã, phường", "Tháng 12/2025", "Quyết định giao dự toán"),
        ("12", "Đánh giá, xếp hạng mức độ chuyển đổi số cấp xã năm 2026", "Sở Khoa học và Công nghệ",
         "Sở Nội vụ; Văn phòng UBND tỉnh", "Trước ngày 31/01/2027", "Quyết định công bố kết quả xếp hạng"),
    ]
    header = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm")
    tab = doc.add_table(rows=1, cols=len(header))
    tab.style = "Table Grid"
    for i, h in enumerate(header):
        tab.rows[0].cells[i].text = h
        tab.rows[0].cells[i].paragraphs[0].runs[0].bold = True
    for r in rows:
        cells = tab.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = v

    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
