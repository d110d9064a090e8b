# Generates knowledge/ha-tinh-3842-qd-ubnd-2012-giao-du-toan-ngan-sach-2013.txt (sums computed here).
import os
groups = [
 ("I", "Khối quản lý nhà nước", [
  ("Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh", 9850, 0),
  ("Văn phòng Ủy ban nhân dân tỉnh", 14620, 3500),
  ("Sở Kế hoạch và Đầu tư", 6480, 0),
  ("Sở Tài chính", 8935, 0),
  ("Sở Nội vụ", 11240, 0),
  ("Sở Tư pháp", 5760, 0),
  ("Sở Công Thương", 7315, 0),
  ("Sở Xây dựng", 4890, 0),
  ("Sở Giao thông vận tải", 9420, 12000),
  ("Sở Tài nguyên và Môi trường", 10380, 4500),
  ("Sở Nông nghiệp và Phát triển nông thôn", 38650, 25000),
  ("Sở Lao động - Thương binh và Xã hội", 21470, 6000),
  ("Sở Thông tin và Truyền thông", 4150, 2800),
  ("Sở Khoa học và Công nghệ", 16920, 3000),
  ("Sở Ngoại vụ", 2870, 0),
  ("Thanh tra tỉnh", 4630, 0),
  ("Ban Dân tộc", 2340, 0),
  ("Ban Quản lý Khu kinh tế tỉnh", 6750, 45000),
 ]),
 ("II", "Khối sự nghiệp", [
  ("Sở Giáo dục và Đào tạo", 298460, 35000),
  ("Sở Y tế", 412580, 60000),
  ("Sở Văn hóa, Thể thao và Du lịch", 47310, 8000),
  ("Đài Phát thanh - Truyền hình tỉnh", 18640, 5000),
  ("Trường Đại học Hà Tĩnh", 42870, 20000),
  ("Trường Cao đẳng Y tế Hà Tĩnh", 9760, 0),
  ("Trường Cao đẳng Kỹ thuật Việt - Đức Hà Tĩnh", 11230, 0),
  ("Trường Chính trị Trần Phú", 8450, 0),
  ("Báo Hà Tĩnh", 5120, 0),
  ("Trung tâm Xúc tiến và Hỗ trợ đầu tư tỉnh", 2960, 0),
  ("Vườn quốc gia Vũ Quang", 7840, 4000),
 ]),
 ("III", "Khối Đảng, đoàn thể, tổ chức xã hội", [
  ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 5480, 0),
  ("Tỉnh đoàn Hà Tĩnh", 4260, 0),
  ("Hội Liên hiệp Phụ nữ tỉnh", 3870, 0),
  ("Hội Nông dân tỉnh", 3540, 0),
  ("Hội Cựu chiến binh tỉnh", 2190, 0),
  ("Liên minh Hợp tác xã tỉnh", 2650, 0),
  ("Hội Chữ thập đỏ tỉnh", 1980, 0),
 ]),
 ("IV", "Khối an ninh, quốc phòng", [
  ("Bộ Chỉ huy Quân sự tỉnh", 24300, 6000),
  ("Công an tỉnh", 18750, 0),
  ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", 9620, 0),
 ]),
]
def f(n):
    return "-" if n == 0 else f"{n:,}".replace(",", ".")
rows = []
n = 0
T = [0, 0, 0]
for roman, name, units in groups:
    g = [sum(a + b for _, a, b in units), sum(a for _, a, b in units), sum(b for _, a, b in units)]
    rows.append(f"| {roman} | {name.upper()} | {f(g[0])} | {f(g[1])} | {f(g[2])} |")
    for u, a, b in units:
        n += 1
        rows.append(f"| {n} | {u} | {f(a+b)} | {f(a)} | {f(b)} |")
    T = [T[i] + g[i] for i in range(3)]
total_row = f"| | TỔNG CỘNG | {f(T[0])} | {f(T[1])} | {f(T[2])} |"
NUNITS = n
print("units", n, "totals", T)

programs = [
 ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới", 86400, "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và Văn phòng Điều phối Chương trình nông thôn mới tỉnh"),
 ("Chương trình mục tiêu quốc gia giảm nghèo", 62300, "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ban Dân tộc"),
 ("Chương trình mục tiêu quốc gia nước sạch và vệ sinh môi trường nông thôn", 18700, "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Y tế"),
 ("Chương trình mục tiêu quốc gia việc làm và dạy nghề", 14250, "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Tài chính"),
 ("Chương trình mục tiêu quốc gia về văn hóa", 7860, "Sở Văn hóa, Thể thao và Du lịch chủ trì"),
 ("Chương trình mục tiêu quốc gia ứng phó với biến đổi khí hậu", 5400, "Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Kế hoạch và Đầu tư"),
]
ptotal = sum(p[1] for p in programs)
print("programs", ptotal)

head = f"""ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 3842/QĐ-UBND
Hà Tĩnh, ngày 12 tháng 12 năm 2012

QUYẾT ĐỊNH
Về việc giao dự toán chi ngân sách nhà nước năm 2013 cho các sở, ban, ngành, đơn vị cấp tỉnh

ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH

Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;
Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;
Căn cứ Nghị định số 60/2003/NĐ-CP ngày 06 tháng 6 năm 2003 của Chính phủ quy định chi tiết và hướng dẫn thi hành Luật Ngân sách nhà nước;
Căn cứ Quyết định số 1792/QĐ-TTg ngày 30 tháng 11 năm 2012 của Thủ tướng Chính phủ về việc giao dự toán ngân sách nhà nước năm 2013;
Căn cứ Thông tư số 199/2012/TT-BTC ngày 15 tháng 11 năm 2012 của Bộ Tài chính quy định về tổ chức thực hiện dự toán ngân sách nhà nước năm 2013;
Căn cứ Nghị quyết số 52/2012/NQ-HĐND ngày 07 tháng 12 năm 2012 của Hội đồng nhân dân tỉnh về dự toán ngân sách nhà nước và phương án phân bổ ngân sách cấp tỉnh năm 2013;
Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 3315/TTr-STC ngày 10 tháng 12 năm 2012 và Giám đốc Sở Kế hoạch và Đầu tư,

QUYẾT ĐỊNH:

Điều 1. Giao dự toán chi ngân sách nhà nước năm 2013 cho {NUNITS} sở, ban, ngành, đơn vị dự toán cấp tỉnh với tổng số {f(T[0])} triệu đồng, trong đó:
1. Chi thường xuyên: {f(T[1])} triệu đồng;
2. Chi đầu tư phát triển từ nguồn vốn cân đối ngân sách tỉnh giao cho các đơn vị làm chủ đầu tư: {f(T[2])} triệu đồng.
(Chi tiết theo Phụ lục I kèm theo.)
Giao dự toán kinh phí các chương trình mục tiêu quốc gia năm 2013 do Trung ương hỗ trợ với tổng số {f(ptotal)} triệu đồng để các cơ quan tham mưu phân bổ theo quy định (chi tiết theo Phụ lục II kèm theo).

Điều 2. Tổ chức thực hiện
1. Giao Sở Tài chính thông báo chi tiết dự toán chi thường xuyên cho từng đơn vị trước ngày 31 tháng 12 năm 2012; Sở Kế hoạch và Đầu tư thông báo chi tiết kế hoạch vốn đầu tư phát triển theo danh mục công trình, dự án đã được phê duyệt.
2. Thủ trưởng các đơn vị dự toán cấp I phân bổ, giao dự toán cho các đơn vị trực thuộc và gửi Sở Tài chính thẩm tra trước ngày 15 tháng 01 năm 2013; thực hiện công khai dự toán ngân sách theo quy định.
3. Các đơn vị thực hiện tiết kiệm 10% chi thường xuyên (không kể tiền lương và các khoản có tính chất lương) để tạo nguồn thực hiện cải cách tiền lương; không bố trí kinh phí mua sắm xe ô tô, tổ chức lễ hội, hội nghị, hội thảo chưa thật cần thiết.
4. Kho bạc Nhà nước Hà Tĩnh kiểm soát chi theo đúng dự toán được giao và chế độ, tiêu chuẩn, định mức hiện hành.
5. Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư theo dõi, kiểm tra tình hình chấp hành dự toán; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh; tổng hợp báo cáo quyết toán năm 2013 trình Hội đồng nhân dân tỉnh.
6. Đối với dự toán chi đầu tư phát triển, các chủ đầu tư chỉ được giải ngân sau khi Sở Kế hoạch và Đầu tư thông báo danh mục dự án; số vốn chưa giải ngân đến ngày 30 tháng 9 năm 2013 sẽ được điều chuyển cho dự án khác theo quy định.

Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở: Tài chính, Kế hoạch và Đầu tư; Giám đốc Kho bạc Nhà nước Hà Tĩnh; Thủ trưởng các sở, ban, ngành, đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 4;
- Bộ Tài chính (để báo cáo);
- Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;
- Chủ tịch, các Phó Chủ tịch UBND tỉnh;
- Đoàn Đại biểu Quốc hội tỉnh;
- Kho bạc Nhà nước Hà Tĩnh;
- Lưu: VT, TC1.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phan Hữu Lộc


PHỤ LỤC I
DỰ TOÁN CHI NGÂN SÁCH NĂM 2013 CỦA CÁC SỞ, BAN, NGÀNH, ĐƠN VỊ CẤP TỈNH
(Kèm theo Quyết định số 3842/QĐ-UBND ngày 12 tháng 12 năm 2012 của Ủy ban nhân dân tỉnh Hà Tĩnh)

Đơn vị tính: triệu đồng

| STT | Đơn vị | Tổng số | Chi thường xuyên | Chi đầu tư phát triển |
|---|---|---|---|---|
"""
mid = "\n".join([total_row] + rows) + "\n"
notes = """
Ghi chú:
- Chi thường xuyên của Sở Giáo dục và Đào tạo đã bao gồm kinh phí của các trường trung học phổ thông và trung tâm giáo dục thường xuyên trực thuộc Sở.
- Chi thường xuyên của Sở Y tế đã bao gồm kinh phí hoạt động của các bệnh viện, trung tâm y tế tuyến tỉnh trực thuộc Sở; không bao gồm kinh phí mua thẻ bảo hiểm y tế cho các đối tượng chính sách.
- Chi thường xuyên của Sở Nông nghiệp và Phát triển nông thôn đã bao gồm kinh phí của các Chi cục Thủy lợi, Chi cục Kiểm lâm, Chi cục Bảo vệ thực vật.
- Chi thường xuyên của Sở Nội vụ đã bao gồm kinh phí của Ban Thi đua - Khen thưởng, Ban Tôn giáo, Chi cục Văn thư - Lưu trữ.


PHỤ LỤC II
DỰ TOÁN KINH PHÍ CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2013 DO TRUNG ƯƠNG HỖ TRỢ
(Kèm theo Quyết định số 3842/QĐ-UBND ngày 12 tháng 12 năm 2012 của Ủy ban nhân dân tỉnh Hà Tĩnh)

Đơn vị tính: triệu đồng

| STT | Chương trình | Dự toán năm 2013 | Cơ quan tham mưu phân bổ |
|---|---|---|---|
"""
prow = "\n".join(f"| {i} | {p} | {f(a)} | {c} |" for i, (p, a, c) in enumerate(programs, 1))
prow += f"\n| | Tổng cộng | {f(ptotal)} | |\n"
tail = """
Các cơ quan tham mưu phân bổ có trách nhiệm chủ trì xây dựng phương án phân bổ chi tiết theo từng dự án, địa phương, gửi Sở Tài chính và Sở Kế hoạch và Đầu tư thẩm định, trình Ủy ban nhân dân tỉnh quyết định trước ngày 28 tháng 02 năm 2013.
"""
out = os.path.join(os.path.dirname(__file__), "..", "knowledge", "ha-tinh-3842-qd-ubnd-2012-giao-du-toan-ngan-sach-2013.txt")
open(out, "w", encoding="utf-8").write(head + mid + notes + prow + tail)
