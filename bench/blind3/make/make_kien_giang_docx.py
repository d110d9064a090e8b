"""Builds knowledge/kien-giang-112-kh-ubnd-2024-chong-khai-thac-iuu.docx with python-docx."""
import os
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "knowledge", "kien-giang-112-kh-ubnd-2024-chong-khai-thac-iuu.docx")

doc = Document()
st = doc.styles["Normal"]
st.font.name = "Times New Roman"
st.font.size = Pt(14)
for s in doc.sections:
    s.left_margin = Cm(3); s.right_margin = Cm(2); s.top_margin = Cm(2); s.bottom_margin = Cm(2)

def cell_lines(cell, lines, bold_first=0):
    cell.text = ""
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        r = p.add_run(line)
        r.bold = i < bold_first
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

# header block (2 x 2 table, no text outside)
hb = doc.add_table(rows=2, cols=2)
cell_lines(hb.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG", "-------"], bold_first=2)
cell_lines(hb.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"], bold_first=2)
cell_lines(hb.cell(1, 0), ["Số: 112/KH-UBND"])
cell_lines(hb.cell(1, 1), ["Kiên Giang, ngày 08 tháng 5 năm 2024"])
hb.cell(1, 1).paragraphs[0].runs[0].italic = True

def center(text, bold=True, size=None):
    p = doc.add_paragraph()
    r = p.add_run(text); r.bold = bold
    if size: r.font.size = Pt(size)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p

center("KẾ HOẠCH")
center("Triển khai các nhiệm vụ, giải pháp cấp bách chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU) năm 2024 trên địa bàn tỉnh Kiên Giang")
center("___________", bold=False)

def para(text, style=None, bold=False, italic=False):
    p = doc.add_paragraph(style=style)
    r = p.add_run(text); r.bold = bold; r.italic = italic
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p

for t in [
    "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;",
    "Căn cứ Nghị định số 26/2019/NĐ-CP ngày 08 tháng 3 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Thủy sản;",
    "Căn cứ Chỉ thị số 32/CT-TTg ngày 10 tháng 12 năm 2023 của Thủ tướng Chính phủ về tập trung triển khai các nhiệm vụ, giải pháp cấp bách chống khai thác IUU, chuẩn bị làm việc với Đoàn thanh tra của Ủy ban châu Âu lần thứ 5;",
    "Căn cứ Nghị quyết số 15-NQ/TU ngày 22 tháng 3 năm 2024 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác chống khai thác IUU;",
    "Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 189/TTr-SNNPTNT ngày 26 tháng 4 năm 2024,",
]:
    para(t, italic=True)
para("Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai các nhiệm vụ, giải pháp cấp bách chống khai thác IUU năm 2024 trên địa bàn tỉnh như sau:")

H1 = lambda t: doc.add_heading(t, level=1)
H2 = lambda t: doc.add_heading(t, level=2)

H1("I. MỤC ĐÍCH, YÊU CẦU")
H2("1. Mục đích")
para("Triển khai quyết liệt, đồng bộ các giải pháp chống khai thác IUU, chấm dứt tình trạng tàu cá, ngư dân của tỉnh vi phạm khai thác hải sản ở vùng biển nước ngoài; góp phần cùng cả nước gỡ cảnh báo \"Thẻ vàng\" của Ủy ban châu Âu (EC) đối với thủy sản Việt Nam.")
para("Nâng cao trách nhiệm của người đứng đầu các sở, ngành, địa phương ven biển trong công tác quản lý đội tàu cá, kiểm soát hoạt động khai thác và truy xuất nguồn gốc thủy sản khai thác.")
H2("2. Yêu cầu")
para("Xác định chống khai thác IUU là nhiệm vụ chính trị trọng tâm, cấp bách; phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành đối với từng nhiệm vụ.")
para("Xử lý nghiêm, đúng pháp luật các hành vi vi phạm; không có vùng cấm, không có ngoại lệ; kết quả xử lý phải được cập nhật đầy đủ trên hệ thống cơ sở dữ liệu nghề cá quốc gia (VNFishbase).")

H1("II. TÌNH HÌNH ĐỘI TÀU CÁ")
para("Đến ngày 15 tháng 4 năm 2024, toàn tỉnh có 9.315 tàu cá có chiều dài từ 6 m trở lên, trong đó 4.120 tàu cá có chiều dài từ 15 m trở lên; 100% tàu cá đã được đăng ký và cập nhật trên VNFishbase. Số tàu cá từ 15 m trở lên đã lắp đặt thiết bị giám sát hành trình là 4.087 tàu, đạt 99,2%; còn 33 tàu nằm bờ dài ngày chưa lắp đặt.")
para("Từ đầu năm 2024 đến nay không phát sinh tàu cá của tỉnh bị nước ngoài bắt giữ; tuy nhiên còn 217 lượt tàu cá mất kết nối thiết bị giám sát hành trình trên 6 giờ và 12 lượt tàu cá vượt ranh giới cho phép khai thác trên biển.")

para("Kết quả năm 2023: toàn tỉnh xử phạt vi phạm hành chính 386 vụ trong lĩnh vực thủy sản với tổng số tiền 4,82 tỷ đồng; khởi tố 02 vụ án liên quan đến môi giới đưa tàu cá đi khai thác trái phép ở vùng biển nước ngoài; tỷ lệ sản lượng bốc dỡ qua cảng được giám sát mới đạt 64%.")
para("Những tồn tại, hạn chế chủ yếu:")
for t in [
    "Một số chủ tàu cố tình tắt thiết bị giám sát hành trình hoặc gửi thiết bị sang tàu khác để che giấu hành vi vượt ranh giới;",
    "Nhân lực kiểm soát tại cảng cá còn mỏng, chưa đủ để giám sát sản lượng bốc dỡ vào ban đêm;",
    "Việc xử phạt vi phạm hành chính đối với tàu cá mất kết nối còn chậm, có trường hợp quá thời hạn ra quyết định xử phạt;",
    "Số tàu cá \"3 không\" tại các huyện An Biên, An Minh, Hòn Đất chưa được xử lý dứt điểm.",
]:
    para(t, style="List Bullet")

H1("III. MỤC TIÊU")
for t in [
    "Không để phát sinh tàu cá, ngư dân của tỉnh vi phạm khai thác hải sản bất hợp pháp ở vùng biển nước ngoài.",
    "100% tàu cá có chiều dài từ 15 m trở lên lắp đặt thiết bị giám sát hành trình và duy trì kết nối 24/24 giờ khi hoạt động trên biển.",
    "Kiểm soát 100% tàu cá ra, vào 06 cảng cá chỉ định: Tắc Cậu, Xẻo Nhàu, An Thới, Ba Hòn, Hòn Tre và Dương Đông.",
    "Tỷ lệ sản lượng thủy sản bốc dỡ qua cảng được giám sát đạt tối thiểu 80% trong Quý II/2024 và 90% vào cuối năm 2024.",
    "Hoàn thành xử lý dứt điểm tàu cá \"3 không\" (không đăng ký, không đăng kiểm, không cấp giấy phép khai thác) trước ngày 30 tháng 6 năm 2024.",
    "Điều tra, xử lý 100% vụ việc vi phạm được phát hiện qua hệ thống giám sát tàu cá, trong đó xử phạt vi phạm hành chính 100% trường hợp mất kết nối quá 10 ngày không đưa tàu về bờ.",
]:
    para(t, style="List Bullet")

H1("IV. NHIỆM VỤ, GIẢI PHÁP")
H2("1. Quản lý đội tàu cá")
for t in [
    "Rà soát, thống kê, phân loại đội tàu cá theo từng địa phương; cập nhật biến động tàu cá (mua bán, chuyển nhượng, giải bản, hết hạn giấy phép) lên VNFishbase trong vòng 03 ngày làm việc kể từ khi phát sinh.",
    "Lập danh sách tàu cá có nguy cơ cao vi phạm vùng biển nước ngoài, giao từng tổ chức, cá nhân theo dõi, quản lý đến từng tàu, từng chủ tàu.",
    "Xử lý dứt điểm tàu cá hết hạn đăng kiểm, hết hạn giấy phép nhưng vẫn hoạt động khai thác; không cấp phép mới cho tàu khai thác bằng nghề lưới kéo đôi.",
]:
    para(t, style="List Number")
H2("2. Giám sát hoạt động tàu cá trên biển")
for t in [
    "Trực giám sát hệ thống thiết bị giám sát hành trình 24/24 giờ tại Chi cục Thủy sản; thông báo ngay cho chủ tàu và địa phương khi tàu cá mất kết nối trên 6 giờ hoặc vượt ranh giới cho phép khai thác.",
    "Hỗ trợ 50% cước thuê bao dịch vụ giám sát hành trình năm 2024 cho tàu cá có chiều dài từ 15 m đến dưới 24 m theo Nghị quyết của Hội đồng nhân dân tỉnh.",
]:
    para(t, style="List Number")
H2("3. Kiểm soát tàu cá tại cảng và truy xuất nguồn gốc")
for t in [
    "Bố trí đủ nhân lực kiểm soát tại 06 cảng cá chỉ định; thực hiện xác nhận, chứng nhận nguồn gốc thủy sản khai thác bằng phần mềm truy xuất nguồn gốc điện tử (eCDT) đối với 100% lô hàng xuất khẩu sang thị trường châu Âu.",
    "Kiểm tra chéo giữa nhật ký khai thác, dữ liệu giám sát hành trình và sản lượng bốc dỡ thực tế trước khi xác nhận nguồn gốc.",
]:
    para(t, style="List Number")
H2("4. Thực thi pháp luật")
for t in [
    "Các lực lượng Biên phòng, Cảnh sát biển, Kiểm ngư tăng cường tuần tra, kiểm soát trên biển, nhất là vùng biển giáp ranh với Campuchia, Thái Lan và vùng biển chồng lấn.",
    "Điều tra, truy tố, xét xử nghiêm các tổ chức, cá nhân môi giới, móc nối đưa tàu cá, ngư dân đi khai thác hải sản trái phép ở vùng biển nước ngoài.",
]:
    para(t, style="List Number")
H2("5. Thông tin, tuyên truyền")
para("Tuyên truyền quy định về chống khai thác IUU đến 100% chủ tàu, thuyền trưởng tại các xã, phường, thị trấn ven biển; phát sóng chuyên mục chống khai thác IUU hằng tuần trên Đài Phát thanh và Truyền hình Kiên Giang.")

H1("V. NHIỆM VỤ CỤ THỂ")
para("Các nhiệm vụ cụ thể được phân công tại bảng dưới đây:")
rows = [
    ("1", "Rà soát, cập nhật đầy đủ dữ liệu tàu cá, giấy phép khai thác, đăng kiểm trên VNFishbase", "Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện, thành phố ven biển", "Thường xuyên; hoàn thành rà soát trước 31/5/2024"),
    ("2", "Xử lý dứt điểm tàu cá \"3 không\" trên địa bàn", "UBND các huyện, thành phố ven biển", "Sở Nông nghiệp và Phát triển nông thôn; Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Trước 30/6/2024"),
    ("3", "Lập danh sách, quản lý tàu cá có nguy cơ cao vi phạm vùng biển nước ngoài", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Công an tỉnh; UBND các huyện, thành phố ven biển", "Tháng 5/2024, cập nhật hằng tháng"),
    ("4", "Trực giám sát hệ thống giám sát hành trình tàu cá 24/24 giờ", "Chi cục Thủy sản", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh; các doanh nghiệp cung cấp thiết bị", "Thường xuyên"),
    ("5", "Xử phạt vi phạm hành chính tàu cá mất kết nối giám sát hành trình, vượt ranh giới", "Thanh tra Sở Nông nghiệp và Phát triển nông thôn", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh; Công an tỉnh", "Trong vòng 30 ngày kể từ ngày phát hiện"),
    ("6", "Kiểm soát tàu cá xuất, nhập bến tại các đồn, trạm biên phòng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Quản lý cảng cá; Chi cục Thủy sản", "Thường xuyên"),
    ("7", "Nâng cấp hệ thống camera giám sát và phần mềm eCDT tại 06 cảng cá chỉ định", "Ban Quản lý cảng cá Kiên Giang", "Sở Thông tin và Truyền thông; Sở Tài chính", "Quý III/2024"),
    ("8", "Xác nhận, chứng nhận nguồn gốc thủy sản khai thác cho lô hàng xuất khẩu đi châu Âu", "Chi cục Thủy sản", "Ban Quản lý cảng cá; Hiệp hội Chế biến và Xuất khẩu thủy sản tỉnh", "Thường xuyên"),
    ("9", "Điều tra, xử lý hình sự các đường dây môi giới đưa tàu cá, ngư dân đi khai thác trái phép ở vùng biển nước ngoài", "Công an tỉnh", "Viện Kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Quý II - Quý IV/2024"),
    ("10", "Tuyên truyền chống khai thác IUU trên báo chí, hệ thống thông tin cơ sở và mạng xã hội", "Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình Kiên Giang; Báo Kiên Giang; UBND cấp huyện", "Hằng tháng"),
    ("11", "Phổ biến Luật Thủy sản và quy định xử phạt vi phạm hành chính trong lĩnh vực thủy sản cho chủ tàu, thuyền trưởng", "Sở Tư pháp", "Sở Nông nghiệp và Phát triển nông thôn; Hội Nghề cá tỉnh", "Quý II/2024"),
    ("12", "Bố trí kinh phí thực hiện các nhiệm vụ chống khai thác IUU năm 2024", "Sở Tài chính", "Sở Kế hoạch và Đầu tư; Sở Nông nghiệp và Phát triển nông thôn", "Tháng 5/2024"),
    ("13", "Đầu tư nạo vét luồng, nâng cấp cảng cá Tắc Cậu và cảng cá An Thới đáp ứng yêu cầu cảng chỉ định", "Sở Kế hoạch và Đầu tư", "Sở Nông nghiệp và Phát triển nông thôn; Sở Tài chính; UBND huyện Châu Thành; UBND thành phố Phú Quốc", "Khởi công trong năm 2024"),
    ("14", "Chuẩn bị hồ sơ, báo cáo phục vụ làm việc với Đoàn thanh tra của Ủy ban châu Âu lần thứ 5", "Sở Nông nghiệp và Phát triển nông thôn", "Các thành viên Ban Chỉ đạo chống khai thác IUU tỉnh", "Trước 15/9/2024"),
]
t = doc.add_table(rows=1, cols=5)
t.style = "Table Grid"
hdr = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
for i, h in enumerate(hdr):
    c = t.rows[0].cells[i]
    c.text = ""
    r = c.paragraphs[0].add_run(h); r.bold = True
    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
for row in rows:
    cells = t.add_row().cells
    for i, v in enumerate(row):
        cells[i].text = v

H1("VI. KINH PHÍ THỰC HIỆN")
para("Tổng kinh phí thực hiện Kế hoạch năm 2024 là 35,6 tỷ đồng, gồm:")
for t2 in [
    "Ngân sách tỉnh (chi sự nghiệp kinh tế): 28,4 tỷ đồng;",
    "Ngân sách trung ương hỗ trợ qua Chương trình phát triển thủy sản bền vững: 5,2 tỷ đồng;",
    "Ngân sách cấp huyện của các địa phương ven biển: 2,0 tỷ đồng.",
]:
    para(t2, style="List Bullet")
para("Kinh phí đầu tư nâng cấp cảng cá tại nhiệm vụ số 13 thực hiện theo kế hoạch đầu tư công trung hạn, không tính trong tổng kinh phí nêu trên.")

H1("VII. TỔ CHỨC THỰC HIỆN")
duties = [
    ("1. Sở Nông nghiệp và Phát triển nông thôn", [
        "Là cơ quan thường trực Ban Chỉ đạo chống khai thác IUU tỉnh, chủ trì theo dõi, đôn đốc các sở, ngành, địa phương thực hiện Kế hoạch; chỉ đạo Chi cục Thủy sản, Ban Quản lý cảng cá thực hiện các nhiệm vụ được giao.",
        "Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh và Ban Chỉ đạo quốc gia về IUU định kỳ trước 14 giờ thứ Năm hằng tuần.",
    ]),
    ("2. Bộ Chỉ huy Bộ đội Biên phòng tỉnh", [
        "Chỉ đạo các đồn, trạm biên phòng kiểm soát chặt chẽ tàu cá xuất, nhập bến; không cho xuất bến đối với tàu cá không đủ điều kiện hoạt động, không lắp đặt hoặc không bật thiết bị giám sát hành trình.",
        "Phối hợp với Hải đội 2 Biên phòng, Bộ Tư lệnh Vùng Cảnh sát biển 4 tuần tra, ngăn chặn tàu cá vượt ranh giới vùng biển giáp ranh.",
    ]),
    ("3. Công an tỉnh", [
        "Điều tra, xác minh, xử lý nghiêm các trường hợp gửi, vận chuyển thiết bị giám sát hành trình trên tàu cá khác, đưa ngư dân đi khai thác trái phép ở vùng biển nước ngoài; đưa ra xét xử điểm ít nhất 01 vụ án trong năm 2024.",
    ]),
    ("4. Sở Thông tin và Truyền thông", [
        "Chủ trì hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở tuyên truyền về chống khai thác IUU; phối hợp với các doanh nghiệp viễn thông bảo đảm vùng phủ sóng di động tại các cảng cá, bến cá.",
    ]),
    ("5. Sở Tài chính", [
        "Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch; hướng dẫn thanh quyết toán kinh phí hỗ trợ cước thuê bao thiết bị giám sát hành trình.",
    ]),
    ("6. Sở Kế hoạch và Đầu tư", [
        "Tham mưu bố trí vốn đầu tư công cho các dự án nâng cấp cảng cá, khu neo đậu tránh trú bão cho tàu cá theo thứ tự ưu tiên.",
    ]),
    ("7. Ủy ban nhân dân các huyện, thành phố ven biển", [
        "Chủ tịch Ủy ban nhân dân cấp huyện chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để tàu cá của địa phương vi phạm vùng biển nước ngoài; chỉ đạo Ủy ban nhân dân cấp xã quản lý đến từng tàu cá, từng chủ tàu, thuyền trưởng.",
    ]),
    ("8. Sở Tư pháp", [
        "Chủ trì tổ chức phổ biến, giáo dục pháp luật về thủy sản cho ngư dân; hướng dẫn các địa phương ven biển thành lập tổ hòa giải, tổ tự quản ngư dân tại các bến cá.",
    ]),
    ("9. Ban Quản lý cảng cá Kiên Giang", [
        "Bố trí lực lượng kiểm soát 24/24 giờ tại 06 cảng cá chỉ định; thu, nộp nhật ký khai thác và báo cáo sản lượng bốc dỡ qua cảng về Chi cục Thủy sản trước ngày 05 hằng tháng.",
        "Không cho bốc dỡ thủy sản đối với tàu cá không có giấy phép khai thác còn hiệu lực hoặc không duy trì kết nối thiết bị giám sát hành trình trong chuyến biển.",
    ]),
    ("10. Đài Phát thanh và Truyền hình Kiên Giang, Báo Kiên Giang", [
        "Duy trì chuyên mục chống khai thác IUU; phát sóng bản tin cảnh báo ranh giới vùng biển bằng tiếng Việt và tiếng Khmer vào khung giờ ngư dân ra khơi.",
    ]),
    ("11. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nghề cá tỉnh", [
        "Vận động hội viên, ngư dân cam kết không vi phạm vùng biển nước ngoài, không tháo gỡ, gửi thiết bị giám sát hành trình sang tàu khác.",
    ]),
]
for head, items in duties:
    para(head, bold=True)
    for it in items:
        para("- " + it)
para("Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố triển khai thực hiện nghiêm túc Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo về Sở Nông nghiệp và Phát triển nông thôn để tổng hợp, trình Ủy ban nhân dân tỉnh xem xét, giải quyết./.")

sig = doc.add_table(rows=1, cols=2)
left = sig.cell(0, 0); right = sig.cell(0, 1)
left.text = ""
p = left.paragraphs[0]; r = p.add_run("Nơi nhận:"); r.bold = True; r.italic = True
for line in ["- Ban Chỉ đạo quốc gia về IUU (b/c);", "- Bộ Nông nghiệp và PTNT (b/c);", "- TT.TU, TT.HĐND tỉnh;", "- CT, các PCT UBND tỉnh;", "- Các sở, ngành: NN&PTNT, TT&TT, TC, KH&ĐT, TP;", "- BCH BĐBP tỉnh, Công an tỉnh;", "- UBND các huyện, thành phố ven biển;", "- LĐVP, P.KT;", "- Lưu: VT, tvhung."]:
    left.add_paragraph(line)
cell_lines(right, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Trương Hữu Phước"], bold_first=3)
right.paragraphs[-1].runs[0].bold = True

import datetime
cp = doc.core_properties
cp.author = "tvhung"; cp.last_modified_by = "VP UBND tinh"
cp.title = "Ke hoach 112/KH-UBND chong khai thac IUU nam 2024"
cp.created = cp.modified = datetime.datetime(2024, 5, 8, 8, 30)
cp.revision = 3
doc.save(OUT)
print("saved", OUT)
