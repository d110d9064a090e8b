"""Builds knowledge/phu-tho-1456-qd-ubnd-2024-dao-tao-nghe-lao-dong-nong-thon.txt: a PDF text extraction
(hard wraps at 80 columns, page numbers and running headers between pages)."""
import os
import textwrap
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "knowledge", "phu-tho-1456-qd-ubnd-2024-dao-tao-nghe-lao-dong-nong-thon.txt")
# blocks: ("raw", "line1\nline2") kept as is; plain strings are wrapped paragraphs
QD = [
("raw", "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  TỈNH PHÚ THỌ                           Độc lập - Tự do - Hạnh phúc\n\nSố: 1456/QĐ-UBND                      Phú Thọ, ngày 28 tháng 6 năm 2024"),
("raw", "QUYẾT ĐỊNH\nBan hành Kế hoạch đào tạo nghề, giải quyết việc làm cho lao động\nnông thôn tỉnh Phú Thọ giai đoạn 2024 - 2026"),
("raw", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"),
"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
"Căn cứ Luật Giáo dục nghề nghiệp ngày 27 tháng 11 năm 2014; Luật Việc làm ngày 16 tháng 11 năm 2013;",
"Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025; Quyết định số 263/QĐ-TTg ngày 22 tháng 02 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025;",
"Căn cứ Nghị quyết số 06/2023/NQ-HĐND ngày 14 tháng 7 năm 2023 của Hội đồng nhân dân tỉnh quy định mức hỗ trợ đào tạo trình độ sơ cấp, đào tạo dưới 03 tháng cho lao động nông thôn trên địa bàn tỉnh Phú Thọ;",
"Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 215/TTr-SLĐTBXH ngày 14 tháng 6 năm 2024.",
("raw", "QUYẾT ĐỊNH:"),
"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch đào tạo nghề, giải quyết việc làm cho lao động nông thôn tỉnh Phú Thọ giai đoạn 2024 - 2026.",
"Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 2087/QĐ-UBND ngày 30 tháng 8 năm 2021 của Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch đào tạo nghề cho lao động nông thôn giai đoạn 2021 - 2023.",
"Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở: Lao động - Thương binh và Xã hội, Kế hoạch và Đầu tư, Tài chính, Nông nghiệp và Phát triển nông thôn, Giáo dục và Đào tạo, Công Thương; Trưởng ban Ban Quản lý các khu công nghiệp tỉnh; Giám đốc Ngân hàng Chính sách xã hội chi nhánh tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành, thị và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
("raw", "Nơi nhận:                                   KT. CHỦ TỊCH\n- Như Điều 3;                                PHÓ CHỦ TỊCH\n- Bộ LĐTBXH (b/c);\n- TT TU, TT HĐND tỉnh (b/c);\n- CT, các PCT UBND tỉnh;                     (Đã ký)\n- CVP, PCVP;\n- Lưu: VT, VX3 (Th.50b).                     Hà Quang Thiện"),
]
KH = [
("raw", "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  TỈNH PHÚ THỌ                           Độc lập - Tự do - Hạnh phúc"),
("raw", "KẾ HOẠCH\nĐào tạo nghề, giải quyết việc làm cho lao động nông thôn\ntỉnh Phú Thọ giai đoạn 2024 - 2026\n(Ban hành kèm theo Quyết định số 1456/QĐ-UBND ngày 28/6/2024\ncủa Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ)"),
("raw", "I. MỤC ĐÍCH, YÊU CẦU"),
("raw", "1. Mục đích"),
"Nâng cao chất lượng, hiệu quả đào tạo nghề cho lao động nông thôn, gắn đào tạo với nhu cầu của thị trường lao động và với quy hoạch phát triển các vùng sản xuất hàng hóa, các khu công nghiệp, cụm công nghiệp trên địa bàn tỉnh; góp phần chuyển dịch cơ cấu lao động, giảm nghèo bền vững và xây dựng nông thôn mới.",
"Tạo việc làm mới, tăng thu nhập cho người lao động sau học nghề; khuyến khích người lao động khởi nghiệp, phát triển kinh tế hộ, tham gia hợp tác xã và làm việc ở nước ngoài theo hợp đồng.",
("raw", "2. Yêu cầu"),
"Đào tạo nghề phải gắn với giải quyết việc làm, bảo đảm người học sau khi học nghề có việc làm mới hoặc tiếp tục làm nghề cũ với năng suất, thu nhập cao hơn; không tổ chức đào tạo tràn lan, hình thức, chạy theo số lượng.",
"Các sở, ngành, Ủy ban nhân dân các huyện, thành, thị chủ động phối hợp, lồng ghép các chương trình, dự án để bảo đảm nguồn lực thực hiện Kế hoạch.",
("raw", "II. MỤC TIÊU"),
("raw", "1. Mục tiêu chung"),
"Đến năm 2026, hình thành đội ngũ lao động nông thôn có kỹ năng nghề đáp ứng yêu cầu của doanh nghiệp và của sản xuất nông nghiệp hàng hóa; tỷ lệ lao động qua đào tạo của tỉnh đạt và vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX.",
("raw", "2. Mục tiêu cụ thể"),
"a) Năm 2024: đào tạo nghề cho 14.500 lao động nông thôn; tỷ lệ lao động qua đào tạo đạt 71,5%, trong đó có bằng cấp, chứng chỉ đạt 30,2%; giải quyết việc làm mới cho 15.800 lao động; đưa 2.600 người đi làm việc ở nước ngoài theo hợp đồng.",
"b) Năm 2025: đào tạo nghề cho 15.000 lao động nông thôn; tỷ lệ lao động qua đào tạo đạt 72,5%, trong đó có bằng cấp, chứng chỉ đạt 31%; giải quyết việc làm mới cho 16.000 lao động; đưa 2.800 người đi làm việc ở nước ngoài theo hợp đồng.",
"c) Năm 2026: đào tạo nghề cho 15.500 lao động nông thôn; tỷ lệ lao động qua đào tạo đạt 73,5%, trong đó có bằng cấp, chứng chỉ đạt 32%; giải quyết việc làm mới cho 16.200 lao động; đưa 3.000 người đi làm việc ở nước ngoài theo hợp đồng.",
"d) Cả giai đoạn 2024 - 2026 đào tạo nghề cho 45.000 lượt lao động nông thôn; tỷ lệ lao động nông thôn có việc làm mới hoặc tiếp tục làm nghề cũ với năng suất, thu nhập cao hơn sau học nghề đạt từ 85% trở lên; tỷ lệ thất nghiệp khu vực thành thị duy trì dưới 2,5%.",
("raw", "III. ĐỐI TƯỢNG, NGÀNH NGHỀ ĐÀO TẠO"),
("raw", "1. Đối tượng"),
"Lao động nông thôn trong độ tuổi lao động, có nhu cầu học nghề; ưu tiên người khuyết tật, người thuộc hộ nghèo, hộ cận nghèo, người dân tộc thiểu số, người thuộc hộ bị thu hồi đất nông nghiệp, lao động nữ và người chấp hành xong án phạt tù.",
("raw", "2. Ngành nghề đào tạo"),
"Nhóm nghề nông nghiệp: trồng và chế biến chè, trồng và chăm sóc bưởi Đoan Hùng, nuôi trồng thủy sản, chăn nuôi gia súc, gia cầm an toàn sinh học, trồng rừng và khai thác lâm sản bền vững.",
"Nhóm nghề phi nông nghiệp: may công nghiệp, điện dân dụng, điện công nghiệp, hàn, sửa chữa máy nông nghiệp, kỹ thuật chế biến món ăn, nghiệp vụ du lịch cộng đồng tại vùng Đền Hùng và Xuân Sơn.",
("raw", "IV. NHIỆM VỤ, GIẢI PHÁP"),
("raw", "1. Tuyên truyền, tư vấn, hướng nghiệp"),
"Đổi mới hình thức tuyên truyền về đào tạo nghề, việc làm trên Cổng thông tin điện tử tỉnh, Đài Phát thanh và Truyền hình tỉnh, Báo Phú Thọ và hệ thống truyền thanh cơ sở; tổ chức tư vấn học nghề, việc làm tại các xã, thị trấn ít nhất 02 lần/năm.",
("raw", "2. Khảo sát nhu cầu học nghề và nhu cầu sử dụng lao động"),
"Ủy ban nhân dân cấp xã rà soát, tổng hợp nhu cầu học nghề của lao động nông thôn trong Quý III hằng năm, gửi Phòng Lao động - Thương binh và Xã hội cấp huyện trước ngày 30 tháng 9 để tổng hợp, xây dựng kế hoạch năm sau.",
("raw", "3. Phát triển mạng lưới cơ sở giáo dục nghề nghiệp"),
"Sắp xếp, tổ chức lại mạng lưới cơ sở giáo dục nghề nghiệp công lập theo hướng tinh gọn, hiệu quả; đến năm 2026 toàn tỉnh có 05 trường cao đẳng, 06 trường trung cấp và 13 trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cấp huyện; đầu tư trọng điểm Trường Cao đẳng Công nghiệp Phú Thọ đạt tiêu chuẩn trường chất lượng cao.",
("raw", "4. Đổi mới nội dung, phương thức đào tạo"),
"Cập nhật chương trình đào tạo trình độ sơ cấp, đào tạo dưới 03 tháng theo chuẩn đầu ra; đẩy mạnh đặt hàng, giao nhiệm vụ đào tạo gắn với hợp đồng tuyển dụng của doanh nghiệp; tổ chức lớp học lưu động tại thôn, bản đối với người dân tộc thiểu số ở các huyện Tân Sơn, Thanh Sơn, Yên Lập.",
("raw", "5. Giải quyết việc làm"),
"Duy trì phiên giao dịch việc làm định kỳ vào ngày 10 và ngày 25 hằng tháng tại Trung tâm Dịch vụ việc làm tỉnh; tổ chức phiên giao dịch việc làm lưu động tại các huyện có đông lao động nông thôn; kết nối thông tin thị trường lao động với Cơ sở dữ liệu về người lao động.",
"Thực hiện cho vay hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ Quỹ quốc gia về việc làm và nguồn vốn ngân sách tỉnh ủy thác qua Ngân hàng Chính sách xã hội; ưu tiên cho vay đối với lao động nông thôn sau học nghề.",
("raw", "6. Đưa người lao động đi làm việc ở nước ngoài theo hợp đồng"),
"Phối hợp với các doanh nghiệp dịch vụ có giấy phép tuyển chọn lao động đi làm việc tại Hàn Quốc, Nhật Bản, Đài Loan (Trung Quốc) và các thị trường châu Âu; hỗ trợ đào tạo ngoại ngữ, bồi dưỡng kiến thức cần thiết cho người lao động thuộc hộ nghèo, hộ cận nghèo, người dân tộc thiểu số.",
("raw", "V. KINH PHÍ THỰC HIỆN"),
"1. Tổng kinh phí thực hiện Kế hoạch giai đoạn 2024 - 2026 dự kiến là 126,8 tỷ đồng (năm 2024: 38,5 tỷ đồng; năm 2025: 42,3 tỷ đồng; năm 2026: 46,0 tỷ đồng), trong đó:",
"- Ngân sách trung ương bố trí qua các chương trình mục tiêu quốc gia: 58,2 tỷ đồng;",
"- Ngân sách tỉnh: 41,6 tỷ đồng;",
"- Ngân sách cấp huyện: 12,0 tỷ đồng;",
"- Kinh phí của doanh nghiệp, cơ sở giáo dục nghề nghiệp và nguồn xã hội hóa: 15,0 tỷ đồng.",
"2. Nguồn vốn cho vay giải quyết việc làm từ Quỹ quốc gia về việc làm và nguồn ngân sách tỉnh ủy thác qua Ngân hàng Chính sách xã hội chi nhánh tỉnh không tính trong tổng kinh phí nêu trên.",
("raw", "VI. TỔ CHỨC THỰC HIỆN"),
("raw", "1. Sở Lao động - Thương binh và Xã hội"),
"Là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai Kế hoạch; hướng dẫn Ủy ban nhân dân cấp huyện xây dựng kế hoạch hằng năm; kiểm tra, giám sát chất lượng đào tạo tại các cơ sở giáo dục nghề nghiệp; tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội trước ngày 15 tháng 12 hằng năm.",
("raw", "2. Sở Kế hoạch và Đầu tư"),
"Chủ trì, phối hợp với Sở Tài chính tham mưu bố trí vốn đầu tư phát triển cho các cơ sở giáo dục nghề nghiệp công lập; hướng dẫn lồng ghép nguồn vốn các chương trình mục tiêu quốc gia với nhiệm vụ đào tạo nghề, giải quyết việc làm.",
("raw", "3. Sở Tài chính"),
"Tham mưu bố trí kinh phí sự nghiệp từ ngân sách tỉnh để thực hiện Kế hoạch; hướng dẫn các đơn vị quản lý, sử dụng và thanh quyết toán kinh phí đúng quy định.",
("raw", "4. Sở Nông nghiệp và Phát triển nông thôn"),
"Chủ trì xác định danh mục nghề nông nghiệp cần đào tạo hằng năm; chỉ đạo Trung tâm Khuyến nông tỉnh phối hợp đào tạo nghề nông nghiệp gắn với Chương trình mỗi xã một sản phẩm (OCOP) và các vùng sản xuất chè, bưởi tập trung.",
("raw", "5. Sở Giáo dục và Đào tạo"),
"Chỉ đạo các trường trung học cơ sở, trung học phổ thông thực hiện giáo dục hướng nghiệp và phân luồng học sinh; phấn đấu tỷ lệ học sinh tốt nghiệp trung học cơ sở đi học giáo dục nghề nghiệp đạt 35% vào năm 2026.",
("raw", "6. Sở Công Thương, Ban Quản lý các khu công nghiệp tỉnh"),
"Cung cấp thông tin về nhu cầu tuyển dụng lao động của doanh nghiệp trong các khu công nghiệp, cụm công nghiệp cho Sở Lao động - Thương binh và Xã hội theo định kỳ hằng quý.",
("raw", "7. Ngân hàng Chính sách xã hội chi nhánh tỉnh"),
"Bố trí nguồn vốn cho vay giải quyết việc làm, cho vay đi làm việc ở nước ngoài theo hợp đồng; hướng dẫn thủ tục vay vốn kịp thời cho người lao động sau học nghề.",
("raw", "8. Đài Phát thanh và Truyền hình tỉnh, Báo Phú Thọ"),
"Mở chuyên mục tuyên truyền về đào tạo nghề, việc làm và các gương điển hình lập nghiệp sau học nghề.",
("raw", "9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội"),
"Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Tỉnh đoàn phối hợp vận động hội viên, đoàn viên tham gia học nghề; tham gia giám sát việc thực hiện chính sách đào tạo nghề ở cơ sở.",
("raw", "10. Ủy ban nhân dân các huyện, thành, thị"),
"Xây dựng kế hoạch đào tạo nghề, giải quyết việc làm cho lao động nông thôn giai đoạn 2024 - 2026 của địa phương, ban hành trước ngày 31 tháng 7 năm 2024; bố trí ngân sách cấp huyện và chỉ đạo Ủy ban nhân dân cấp xã thực hiện khảo sát nhu cầu học nghề.",
"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Sở Lao động - Thương binh và Xã hội để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định./.",
]
HEADER_KH = "Kế hoạch đào tạo nghề, giải quyết việc làm cho lao động nông thôn 2024 - 2026"
def render(blocks):
    lines = []
    for b in blocks:
        if isinstance(b, tuple):
            lines.extend(b[1].split("\n"))
        else:
            lines.extend(textwrap.wrap(b, width=80, break_long_words=False, break_on_hyphens=False))
        lines.append("")
    return lines
PAGE = 46
out = []
page = 1
def paginate(lines, header):
    global page
    chunk = []
    n = 0
    res = []
    for i, l in enumerate(lines):
        res.append(l)
        n += 1
        if n >= PAGE and l != "" :
            page += 1
            res.extend(["", str(page - 1), "\f" + (header if header else ""), ""])
            n = 0
    return res
qd = paginate(render(QD), "")
out.extend(qd)
out.extend(["", str(page), "\f"])
page += 1
kh = paginate(render(KH), HEADER_KH)
out.extend(kh)
out.extend(["", str(page)])
text = "\n".join(out).rstrip("\n") + "\n"
# strip form feed chars but keep the break location as an empty line (pdftotext -nopgbrk style keeps headers)
text = text.replace("\f", "")
open(OUT, "w", encoding="utf-8").write(text)
print(len(text.splitlines()), max(len(l) for l in text.splitlines()))
