# Generates knowledge/an-giang-214-kh-ubnd-2025-lua-chat-luong-cao-phat-thai-thap.txt
# Simulates text extracted from a PDF: paragraphs hard-wrapped at ~75 columns mid-sentence,
# no blank lines, a page-number line plus a running header every ~50 lines, and the task
# table flattened to one (wrapped) cell per line.
import os, textwrap

W = 75
P = []  # list of ("p", text) wrapped, ("raw", line) as is, ("cell", text, width)
def p(t): P.append(("p", t))
def raw(t): P.append(("raw", t))
def cell(t, w=32): P.append(("cell", t, w))

raw("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
raw("TỈNH AN GIANG Độc lập - Tự do - Hạnh phúc")
raw("Số: 214/KH-UBND An Giang, ngày 22 tháng 12 năm 2025")
raw("KẾ HOẠCH")
raw("Thực hiện Đề án phát triển bền vững một triệu héc-ta chuyên canh lúa")
raw("chất lượng cao và phát thải thấp gắn với tăng trưởng xanh")
raw("trên địa bàn tỉnh An Giang giai đoạn 2026 - 2030")
p("Căn cứ Quyết định số 1490/QĐ-TTg ngày 27 tháng 11 năm 2023 của Thủ tướng Chính phủ phê duyệt Đề án “Phát triển bền vững một triệu héc-ta chuyên canh lúa chất lượng cao và phát thải thấp gắn với tăng trưởng xanh vùng đồng bằng sông Cửu Long đến năm 2030”;")
p("Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;")
p("Xét đề nghị của Sở Nông nghiệp và Môi trường tại Tờ trình số 1876/TTr-SNNMT ngày 10 tháng 12 năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Đề án trên địa bàn tỉnh giai đoạn 2026 - 2030 như sau:")
raw("I. MỤC ĐÍCH, YÊU CẦU")
raw("1. Mục đích")
p("- Cụ thể hóa các nhiệm vụ, giải pháp của Đề án phù hợp với điều kiện của tỉnh An Giang sau sắp xếp đơn vị hành chính, phát huy lợi thế của vùng Tứ giác Long Xuyên và vùng ven sông Hậu là vùng sản xuất lúa lớn nhất cả nước.")
p("- Hình thành vùng chuyên canh lúa chất lượng cao, phát thải thấp có quy mô lớn, liên kết chặt chẽ giữa nông dân, hợp tác xã và doanh nghiệp; nâng cao thu nhập của người trồng lúa và giảm phát thải khí nhà kính.")
raw("2. Yêu cầu")
p("- Các sở, ban, ngành, Ủy ban nhân dân các xã, phường xác định cụ thể nhiệm vụ, tiến độ thực hiện và chịu trách nhiệm về kết quả thực hiện các chỉ tiêu được giao.")
p("- Việc triển khai bảo đảm đúng quy trình kỹ thuật, có sự tham gia của người dân; ưu tiên nguồn lực cho các xã có điều kiện hạ tầng thủy lợi hoàn chỉnh và hợp tác xã hoạt động hiệu quả.")
raw("II. MỤC TIÊU")
raw("1. Mục tiêu chung")
p("Phát triển bền vững vùng chuyên canh lúa chất lượng cao, phát thải thấp trên địa bàn tỉnh, gắn với tổ chức lại hệ thống sản xuất theo chuỗi giá trị, ứng dụng quy trình canh tác bền vững, nâng cao giá trị, thu nhập cho người trồng lúa, bảo vệ môi trường, thích ứng với biến đổi khí hậu và thực hiện cam kết giảm phát thải của Việt Nam.")
raw("2. Mục tiêu cụ thể")
p("a) Về diện tích: đến năm 2026, toàn tỉnh đăng ký và thực hiện 210.000 ha vùng chuyên canh lúa chất lượng cao và phát thải thấp; đến năm 2028 đạt 290.000 ha và đến năm 2030 đạt 355.000 ha, tập trung tại các xã thuộc vùng Tứ giác Long Xuyên và vùng ven sông Hậu.")
p("b) Về kỹ thuật canh tác: lượng giống gieo sạ bình quân giảm xuống dưới 90 kg/ha vào năm 2026, dưới 80 kg/ha vào năm 2028 và dưới 70 kg/ha vào năm 2030; lượng phân bón hóa học giảm 15% vào năm 2026, giảm 25% vào năm 2028 và giảm 30% vào năm 2030 so với năm 2024; lượng thuốc bảo vệ thực vật hóa học giảm 20% vào năm 2028 và 30% vào năm 2030.")
p("c) Về thu gom rơm rạ: tỷ lệ diện tích vùng chuyên canh được thu gom rơm rạ ra khỏi đồng ruộng đạt 50% vào năm 2026, đạt 70% vào năm 2028 và đạt trên 80% vào năm 2030; không đốt rơm rạ trên đồng ruộng trong vùng chuyên canh.")
p("d) Về phát thải: lượng phát thải khí nhà kính trên diện tích vùng chuyên canh giảm ít nhất 10% vào năm 2028 và trên 15% vào năm 2030 so với canh tác truyền thống; 100% diện tích vùng chuyên canh áp dụng kỹ thuật tưới ngập khô xen kẽ vào năm 2030.")
p("đ) Về tổ chức sản xuất: tỷ lệ diện tích có liên kết sản xuất và tiêu thụ giữa hợp tác xã, tổ hợp tác với doanh nghiệp đạt 60% vào năm 2028 và 80% vào năm 2030; lợi nhuận của người trồng lúa trong vùng chuyên canh tăng trên 40% so với canh tác truyền thống vào năm 2030.")
raw("III. NHIỆM VỤ, GIẢI PHÁP")
raw("1. Rà soát, xác định vùng chuyên canh")
p("Rà soát, cập nhật bản đồ vùng chuyên canh theo đơn vị hành chính xã, phường mới; xác định danh sách hợp tác xã, tổ hợp tác đủ điều kiện tham gia; ưu tiên các cánh đồng đã có hệ thống thủy lợi khép kín, giao thông nội đồng và liên kết tiêu thụ ổn định.")
raw("2. Đầu tư hạ tầng")
p("Ưu tiên bố trí vốn đầu tư công trung hạn giai đoạn 2026 - 2030 để nâng cấp hệ thống thủy lợi nội đồng, trạm bơm điện, cống điều tiết và đường giao thông nội đồng phục vụ cơ giới hóa; kêu gọi doanh nghiệp đầu tư kho bảo quản, hệ thống sấy lúa và cơ sở chế biến rơm rạ tại vùng chuyên canh.")
raw("3. Chuyển giao và nhân rộng quy trình canh tác giảm phát thải")
p("Xây dựng và hướng dẫn áp dụng quy trình canh tác lúa giảm phát thải, trong đó có các biện pháp “1 phải 5 giảm”, “3 giảm 3 tăng”, sạ cụm, sạ hàng, bón phân theo bảng so màu lá và tưới ngập khô xen kẽ; tổ chức đào tạo, tập huấn cho ít nhất 25.000 lượt nông dân và cán bộ hợp tác xã trong giai đoạn 2026 - 2030.")
raw("4. Tổ chức lại sản xuất và liên kết chuỗi giá trị")
p("Củng cố, nâng cao năng lực hợp tác xã; thúc đẩy liên kết giữa doanh nghiệp với hợp tác xã, tổ hợp tác theo chuỗi từ cung ứng vật tư, dịch vụ cơ giới hóa đến thu mua, chế biến, tiêu thụ; hỗ trợ xây dựng nhãn hiệu chứng nhận cho lúa gạo phát thải thấp của tỉnh.")
raw("5. Đo đạc, báo cáo, thẩm định phát thải và tín chỉ các-bon")
p("Thiết lập hệ thống đo đạc, báo cáo, thẩm định (MRV) lượng phát thải khí nhà kính trong canh tác lúa tại vùng chuyên canh; nghiên cứu, đề xuất cơ chế chia sẻ lợi ích từ tín chỉ các-bon cho người trồng lúa, hợp tác xã và doanh nghiệp theo quy định của pháp luật.")
raw("6. Tín dụng, chính sách và chuyển đổi số")
p("Triển khai chương trình tín dụng ưu đãi cho hợp tác xã, doanh nghiệp tham gia vùng chuyên canh; ứng dụng nhật ký đồng ruộng điện tử, bản đồ số vùng trồng và truy xuất nguồn gốc lúa gạo. Danh mục nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.")
raw("IV. KINH PHÍ THỰC HIỆN")
p("Tổng kinh phí dự kiến thực hiện Kế hoạch giai đoạn 2026 - 2030 là 2.850 tỷ đồng, trong đó: ngân sách trung ương hỗ trợ 620 tỷ đồng; ngân sách tỉnh 480 tỷ đồng; vốn vay của Ngân hàng Thế giới thông qua Dự án chuyển đổi nông nghiệp bền vững vùng đồng bằng sông Cửu Long 950 tỷ đồng; vốn của doanh nghiệp, hợp tác xã, người dân và các nguồn hợp pháp khác 800 tỷ đồng. Kinh phí được bố trí lồng ghép trong dự toán ngân sách hằng năm và kế hoạch đầu tư công trung hạn theo phân cấp hiện hành.")
raw("V. TỔ CHỨC THỰC HIỆN")
raw("1. Sở Nông nghiệp và Môi trường")
p("- Là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân các xã, phường tổ chức triển khai Kế hoạch; hướng dẫn, kiểm tra, đôn đốc việc thực hiện các chỉ tiêu, nhiệm vụ được giao.")
p("- Chủ trì thực hiện các nhiệm vụ chuyên môn sau:")
p("+ Rà soát, cập nhật bản đồ vùng chuyên canh, công bố danh sách hợp tác xã, tổ hợp tác tham gia vùng chuyên canh trên Cổng thông tin điện tử của Sở;")
p("+ Hướng dẫn quy trình canh tác giảm phát thải; tổ chức thu gom, chế biến rơm rạ và nhân rộng mô hình sản xuất nấm rơm, phân hữu cơ từ rơm rạ;")
p("+ Xây dựng hệ thống MRV phát thải khí nhà kính trong canh tác lúa, hướng dẫn các hợp tác xã ghi chép số liệu phục vụ đo đạc, báo cáo, thẩm định.")
p("- Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm; tham mưu tổ chức sơ kết vào năm 2028 và tổng kết vào năm 2030.")
raw("2. Sở Tài chính")
p("- Chủ trì, phối hợp với Sở Nông nghiệp và Môi trường tham mưu Ủy ban nhân dân tỉnh bố trí vốn đầu tư công trung hạn giai đoạn 2026 - 2030 và kinh phí sự nghiệp hằng năm để thực hiện Kế hoạch.")
p("- Hướng dẫn lồng ghép các nguồn vốn sau để thực hiện Kế hoạch:")
p("+ Vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2026 - 2030;")
p("+ Vốn vay ưu đãi của Ngân hàng Thế giới và các nhà tài trợ quốc tế;")
p("+ Vốn hỗ trợ của Trung ương cho các dự án thủy lợi, giao thông nội đồng vùng chuyên canh.")
p("- Thẩm định dự án đầu tư hạ tầng vùng chuyên canh theo quy định.")
raw("3. Sở Công Thương")
p("- Chủ trì xúc tiến thương mại, kết nối doanh nghiệp tiêu thụ lúa gạo phát thải thấp; cung cấp thông tin thị trường, yêu cầu của các thị trường nhập khẩu về lúa gạo giảm phát thải.")
raw("4. Sở Khoa học và Công nghệ")
p("- Chủ trì xây dựng nhãn hiệu chứng nhận lúa gạo phát thải thấp của tỉnh; chủ trì ứng dụng nhật ký đồng ruộng điện tử và truy xuất nguồn gốc trên nền tảng số của tỉnh.")
raw("5. Sở Xây dựng")
p("- Chủ trì hướng dẫn, thẩm định các dự án đường giao thông nội đồng kết nối vùng chuyên canh với hệ thống giao thông của tỉnh, bảo đảm phục vụ cơ giới hóa và vận chuyển lúa.")
raw("6. Ủy ban nhân dân các xã, phường")
p("- Rà soát, đăng ký diện tích tham gia vùng chuyên canh; vận động nông dân, hợp tác xã áp dụng quy trình canh tác giảm phát thải, không đốt rơm rạ; bố trí ngân sách xã và báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 30 tháng 11 hằng năm.")
raw("7. Đề nghị Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh")
p("- Tuyên truyền, vận động hội viên, hợp tác xã tham gia vùng chuyên canh; phối hợp tổ chức tập huấn và xây dựng mô hình liên kết sản xuất, tiêu thụ lúa gạo phát thải thấp.")
p("Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.")
raw("Nơi nhận: TM. ỦY BAN NHÂN DÂN")
raw("- Bộ Nông nghiệp và Môi trường (b/c); KT. CHỦ TỊCH")
raw("- TT Tỉnh ủy, TT HĐND tỉnh (b/c); PHÓ CHỦ TỊCH")
raw("- CT, các PCT UBND tỉnh;")
raw("- Các sở, ban, ngành tỉnh;")
raw("- UBND các xã, phường;")
raw("- Lưu: VT, KTN. Trần Thanh Hiệp")
raw("PHỤ LỤC")
raw("DANH MỤC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH")
raw("(Kèm theo Kế hoạch số 214/KH-UBND ngày 22 tháng 12 năm 2025 của UBND tỉnh An Giang)")
for c in ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]:
    raw(c)
tasks = [
 ("Rà soát, cập nhật bản đồ vùng chuyên canh lúa chất lượng cao và phát thải thấp theo đơn vị hành chính xã, phường", "Sở Nông nghiệp và Môi trường", "Sở Tài chính; UBND các xã, phường", "Quý II/2026"),
 ("Ban hành quy trình kỹ thuật canh tác lúa giảm phát thải áp dụng trên địa bàn tỉnh", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ; Trường Đại học An Giang", "Quý I/2026"),
 ("Nâng cấp hệ thống thủy lợi nội đồng, trạm bơm điện tại vùng chuyên canh", "Sở Nông nghiệp và Môi trường", "Sở Tài chính; Công ty Điện lực An Giang; UBND các xã", "2026 - 2030"),
 ("Nâng cấp đường giao thông nội đồng phục vụ cơ giới hóa và vận chuyển lúa", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường; UBND các xã", "2026 - 2030"),
 ("Thiết lập hệ thống đo đạc, báo cáo, thẩm định (MRV) phát thải khí nhà kính trong canh tác lúa", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ; Viện Lúa đồng bằng sông Cửu Long", "Quý IV/2026"),
 ("Xây dựng nhãn hiệu chứng nhận “Gạo An Giang phát thải thấp”", "Sở Khoa học và Công nghệ", "Sở Công Thương; Sở Nông nghiệp và Môi trường; Hiệp hội Lương thực Việt Nam", "Quý III/2026"),
 ("Tổ chức hội nghị kết nối doanh nghiệp thu mua, tiêu thụ lúa gạo phát thải thấp", "Sở Công Thương", "Sở Nông nghiệp và Môi trường; Hiệp hội Doanh nghiệp tỉnh", "Hằng năm"),
 ("Hỗ trợ thu gom, chế biến rơm rạ thành phân hữu cơ, nấm rơm và thức ăn chăn nuôi", "Sở Nông nghiệp và Môi trường", "Liên minh Hợp tác xã tỉnh; Hội Nông dân tỉnh; UBND các xã", "Hằng năm"),
 ("Đào tạo, tập huấn 25.000 lượt nông dân, cán bộ hợp tác xã về canh tác giảm phát thải", "Sở Nông nghiệp và Môi trường", "Hội Nông dân tỉnh; Liên minh Hợp tác xã tỉnh", "2026 - 2030"),
 ("Tham mưu bố trí vốn đầu tư công trung hạn và lồng ghép nguồn vốn thực hiện Kế hoạch", "Sở Tài chính", "Sở Nông nghiệp và Môi trường; Sở Xây dựng", "Quý II/2026"),
 ("Đề xuất cơ chế chia sẻ lợi ích từ tín chỉ các-bon trong canh tác lúa", "Sở Nông nghiệp và Môi trường", "Sở Tài chính; Sở Tư pháp", "Quý IV/2028"),
 ("Triển khai nhật ký đồng ruộng điện tử và truy xuất nguồn gốc lúa gạo", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường; Viettel An Giang", "Quý IV/2026"),
]
for i, (t, lead, part, when) in enumerate(tasks, 1):
    raw(str(i))
    cell(t, 44)
    cell(lead, 22)
    cell(part, 26)
    raw(when)

body = []
for item in P:
    if item[0] == "raw":
        body.append(item[1])
    elif item[0] == "p":
        body.extend(textwrap.wrap(item[1], W, break_long_words=False, break_on_hyphens=False))
    else:
        body.extend(textwrap.wrap(item[1], item[2], break_long_words=False, break_on_hyphens=False))

# paginate: 50 body lines per page; each new page starts with a page-number line and a running header
out_lines = []
page = 1
for k, line in enumerate(body):
    if k and k % 50 == 0:
        page += 1
        out_lines.append(str(page))
        out_lines.append("KH số 214/KH-UBND tỉnh An Giang - Vùng chuyên canh lúa phát thải thấp")
    out_lines.append(line)
path = os.path.join(os.path.dirname(__file__), "..", "knowledge", "an-giang-214-kh-ubnd-2025-lua-chat-luong-cao-phat-thai-thap.txt")
open(path, "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
print(len(out_lines), "lines, pages", page)
