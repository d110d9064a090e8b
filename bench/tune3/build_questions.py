#!/usr/bin/env python3
"""Writes questions.jsonl for tune3 from the list below (hand-written items).

The list is the source; questions.jsonl is generated from it so that '\n' inside
evidence strings is exact. Run check.py afterwards.
"""
import json
from pathlib import Path

KHCN = ["Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN", "Sở KH và CN"]
STC = ["Sở Tài chính", "Sở TC"]

def q(id_, question, answer, evidence, answerable=True, history=None):
    item = {"id": f"tune3-{id_:02d}", "question": question}
    if history is not None:
        item["history"] = history
    item["answer"] = answer if answerable else None
    item["evidence"] = [e if isinstance(e, dict) else {"text": e} for e in evidence] if answerable else []
    item["answerable"] = answerable
    return item

def u(role, content):
    return {"role": role, "content": content}

ITEMS = [
    # ---------------- counts (10) ----------------
    # stated figure
    q(1, "Theo KH 144 của UBND tỉnh Bắc Ninh về kinh tế số, xã hội số, kinh tế số ngành, lĩnh vực được phát triển theo mô hình hợp tác giữa mấy bên, gồm những bên nào?",
      [["03 bên", "3 bên", "ba bên"], ["cơ sở kinh tế"]],
      ["a) Phát triển kinh tế số ngành,\nlĩnh vực theo mô hình hợp tác giữa 03 bên: doanh nghiệp công nghệ số, địa\nphương và các cơ sở kinh tế."]),
    q(2, "KH 0125 Đắk Lắk thi đua bầu cử: Văn phòng UBND tỉnh được đề nghị Bằng khen của Chủ tịch UBND tỉnh tối đa bao nhiêu tập thể, bao nhiêu cá nhân?",
      [["02 tập thể", "2 tập thể", "hai tập thể"], ["05 cá nhân", "5 cá nhân", "năm cá nhân"]],
      ["- Đối với Ủy ban Mặt trận Tổ quốc\nViệt Nam tỉnh; Sở Nội vụ; Văn phòng UBND tỉnh mỗi đơn vị đề nghị không quá 02 tập\nthể, 05 cá nhân;"]),
    q(3, "qd 2820 tphcm ve csdl quy hoach: dien tap phuong an phong ngua, ung pho su co phai to chuc toi thieu may lan moi nam?",
      [["một lần", "1 lần", "01 lần"]],
      ["định kỳ và tổ chức diễn tập phương án phòng ngừa, ứng phó sự cố tối thiểu một lần/năm."]),
    q(4, "Lộ trình đổi mới công nghệ Đồng Tháp (KH 552): đến 2030 phải hình thành ít nhất mấy vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế?",
      [["02 vùng", "2 vùng", "hai vùng"]],
      ["Hình thành ít nhất 02 vùng\nnuôi thủy sản thông minh đạt tiêu chuẩn quốc tế."]),
    # counted list items
    q(5, "KH 141 Bac Ninh nang cao nang luc can bo xay dung chinh sach phap luat 2026-2030 co tat ca bao nhieu nhom nhiem vu, giai phap?",
      [["9 nhóm", "09 nhóm", "chín nhóm", "9 nhiệm vụ", "chín nhiệm vụ", "9 nội dung"]],
      ["**III. NHIỆM VỤ,\nGIẢI PHÁP**\n\n**1. Rà soát,\nkiện toàn đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trên địa bàn",
       "**9. Tổ chức\nnghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật**"]),
    q(6, "Trong phụ lục nhiệm vụ trọng tâm của KH 617 Đồng Tháp (CĐS cho DN, HTX, hộ kinh doanh), Sở KH&CN chủ trì bao nhiêu nhiệm vụ?",
      [["9 nhiệm vụ", "09 nhiệm vụ", "chín nhiệm vụ"]],
      ["DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM\n\n*(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)*",
       "Đẩy mạnh hợp tác với doanh\nnghiệp, viện, trường trong và ngoài nước về chuyển đổi số trong\ncác doanh nghiệp trên địa bàn tỉnh"]),
    q(7, "KH 552 Dong Thap: SNN&MT chu tri bao nhieu nhiem vu trong phu luc nhiem vu va giai phap?",
      [["3 nhiệm vụ", "03 nhiệm vụ", "ba nhiệm vụ"]],
      ["Triển khai công nghệ cao\ntrong trồng trọt, thủy sản, chăn nuôi; phát triển nông nghiệp thông minh, tuần\nhoàn, thích ứng biến đổi khí hậu.\n|\nSở Nông nghiệp và Môi trường",
       "Hướng dẫn hợp tác xã, nông\ndân ứng dụng công nghệ số, truy xuất nguồn gốc, quan trắc tài nguyên, môi trường.\n|\nSở Nông nghiệp và Môi trường",
       "Tổ chức các hoạt động tập\nhuấn, đào tạo nhân lực trong lĩnh vực nông nghiệp công nghệ cao, công nghệ\nmôi trường.\n|\nSở Nông nghiệp và Môi trường"]),
    q(8, "QĐ 254 của Sơn La về bảo vệ BMNN năm 2023: phần phân công nhiệm vụ giao cho mấy cơ quan?",
      [["6 cơ quan", "06 cơ quan", "sáu cơ quan", "6 đơn vị", "06 đơn vị", "sáu đơn vị"]],
      ["III. PHÂN CÔNG NHIỆM VỤ\n\n1. Công an tỉnh\n\nTham mưu giúp UBND tỉnh, Chủ tịch UBND tỉnh chỉ đạo",
       "6. Sở Tài chính: Căn cứ dự toán do Công an tỉnh lập, thực hiện thẩm định, thông báo, cấp phát kinh phí"]),
    q(9, "quy trinh lap va phe duyet danh sach ho tro nha o cho nguoi co cong theo QD 3210 TPHCM gom may buoc?",
      [["6 bước", "06 bước", "sáu bước"]],
      ["2. Trình tự, thời gian lập và phê duyệt danh sách hỗ trợ nhà ở",
       "2.6. Bước 6: Phê duyệt và triển khai thực hiện Đề án hỗ trợ người có công với cách mạng về nhà ở."]),
    q(10, "Đợt thi đua chào mừng Đại hội XIV của Đắk Lắk (KH 0124) có mấy hình thức khen thưởng, cao nhất là gì?",
      [["4 hình thức", "04 hình thức", "bốn hình thức"], ["Huân chương Lao động"]],
      ["Các hình thức khen thưởng bao gồm:\nHuân chương Lao động; Bằng khen của Thủ tướng Chính phủ; Bằng khen của Chủ tịch\nUBND tỉnh; Giấy khen."]),

    # ---------------- what is / what does it contain (8) ----------------
    q(11, "muc dich cua KH 0130 khac phuc moi truong, phong chong dich benh sau lut bao o Dak Lak la gi?",
      [["bùng phát dịch"], ["nước sạch"], ["giám sát dịch bệnh"]],
      ["- Chủ động triển khai các\nbiện pháp khắc phục hậu quả thiên tai, xử lý môi trường và phòng chống dịch bệnh,\nkhông để bùng phát dịch sau lụt bão.",
       "- Đảm bảo nước sạch, vệ\nsinh môi trường, an toàn thực phẩm và ổn định đời sống nhân dân;",
       "- Tăng cường năng lực giám\nsát dịch bệnh, nâng cao khả năng đáp ứng nhanh của các ngành, địa phương."]),
    q(12, "Đối tượng áp dụng của KH 617/KH-UBND Đồng Tháp về chuyển đổi số doanh nghiệp gồm những ai?",
      [["doanh nghiệp nhỏ và vừa", "DNNVV"], ["hộ kinh doanh", "HKD"],
       ["cung cấp các công nghệ số", "cung cấp công nghệ số", "cung cấp các giải pháp", "cung cấp giải pháp", "cung cấp nền tảng số"]],
      ["a) Các DNNVV, HTX, HKD trên\nđịa bàn Tỉnh có nhu cầu chuyển đổi số để nâng cao năng suất, hiệu quả hoạt động,",
       "b) Các doanh nghiệp, cơ\nquan, tổ chức, hiệp hội, các trường đại học, cao đẳng cung cấp các công nghệ số,\nnền tảng số và các giải pháp, phần mềm"]),
    q(13, "chu de dot thi dua theo KH 0124 cua UBND tinh Dak Lak la gi",
      [["chào mừng Đại hội lần thứ XIV", "chào mừng Đại hội XIV", "chào mừng Đại hội Đảng lần thứ XIV", "chào mừng Đại hội đại biểu toàn quốc lần thứ XIV"],
       ["tăng tốc, bứt phá", "tăng tốc bứt phá"]],
      ["“Lập thành tích chào mừng Đại hội\nlần thứ XIV của Đảng; tăng tốc, bứt phá, hoàn thành thắng lợi các mục tiêu, nhiệm\nvụ Nghị quyết đại hội lần thứ XIII của Đảng”."]),
    q(14, "QĐ 2820 của TP.HCM: nội dung \"Quản lý, vận hành, khai thác và bảo mật\" hệ thống cơ sở dữ liệu quy hoạch gồm những việc gì?",
      [["24/7"], ["sao lưu"], ["diễn tập"]],
      ["- Tổ chức quản lý, vận hành\nHệ thống cơ sở dữ liệu quy hoạch của Thành phố 24/7.",
       "- Lập kế hoạch sao lưu, phục\nhồi dữ liệu và tổ chức diễn tập phương án phòng ngừa, ứng phó sự cố hàng năm."]),
    q(15, "KH 597 Dong Thap: nen tang nhan dien, kiem soat phuong tien tu dong gom nhung he thong nao?",
      [["giám sát hành trình"], ["tải trọng"], ["lưu lượng", "phân loại phương tiện"]],
      ["- Hệ thống giám sát hành trình, quản lý điều hành\nphương tiện.\n\n- Hệ thống kiểm tra tải trọng xe tự động.\n\n- Hệ thống theo dõi đo đếm lưu lượng, phân loại\nphương tiện tự động."]),
    q(16, "KH 172 triển khai Luật Việc làm ở TP.HCM: việc tập huấn, bồi dưỡng nghiệp vụ dành cho những đối tượng nào?",
      [["kỹ năng nghề"], ["bảo hiểm thất nghiệp"], ["cho vay giải quyết việc làm", "cho vay"]],
      ["- Nội dung thực hiện: Tổ chức tập\nhuấn, bồi dưỡng, hướng dẫn chuyên môn, nghiệp vụ cho cán bộ, công chức trực tiếp\nlàm công tác việc làm thuộc ngành Nội vụ;",
       "chính; người trực tiếp làm công tác bảo hiểm thất nghiệp và người trực tiếp làm\ncông tác cho vay giải quyết việc làm."]),
    q(17, "Theo QĐ 3210/QĐ-UBND của TP.HCM, những ai thuộc đối tượng được hỗ trợ về nhà ở?",
      [["thường trú"], ["15 tháng 6 năm 2013", "15/6/2013", "15/06/2013"], ["hư hỏng", "dột nát"]],
      ["1.1. Là người có tên trong danh sách người có công với cách mạng do Phòng Lao động - Thương binh và Xã hội quận, huyện quản lý",
       "1.2. Đang sinh sống và có đăng ký hộ khẩu thường trú trước ngày 15 tháng 6 năm 2013",
       "- Nhà ở bị hư hỏng nặng phải phá đi xây dựng lại nhà ở mới."]),
    q(18, "nguyen tac khen thuong trong phong trao thi dua bau cu DBQH khoa XVI (KH 0125 Dak Lak) la gi?",
      [["nhiều lần"], ["cơ sở"], ["kỷ luật", "chưa khen thưởng"]],
      ["- Không khen thưởng nhiều lần,\nnhiều hình thức cho một thành tích đạt được; thành tích đến đâu khen thưởng đến\nđó.",
       "- Chú trọng khen thưởng tập thể,\ncá nhân ở cơ sở, trực tiếp tham mưu, tham gia phục vụ công tác bầu cử.",
       "- Chưa khen thưởng hoặc đề nghị\ncấp trên khen thưởng cho cá nhân, tập thể trong thời gian cơ quan có thẩm quyền\nđang xem xét thi hành kỷ luật"]),

    # ---------------- targets (8) ----------------
    q(19, "Đồng Tháp muốn tới năm 2035 có bao nhiêu phần trăm doanh nghiệp nhỏ, HTX và hộ kinh doanh dùng công nghệ số (KH 617)?",
      [["85%", "85 %", "85 phần trăm"]],
      ["c) Đến hết năm 2035: Có ≥\n85% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số."]),
    q(20, "lo trinh doi moi cong nghe Dong Thap (KH 552) giai doan 2025-2030 phan dau bao nhieu % DN nho va vua ung dung cong nghe tien tien, cong nghe so?",
      [["30%", "30 %", "30 phần trăm"]],
      ["- Tập trung hỗ trợ các doanh\nnghiệp nhỏ và vừa ứng dụng công nghệ tiên tiến, công nghệ số trong sản xuất,\nkinh doanh, phấn đấu đến năm 2030 đạt 30% doanh nghiệp nhỏ và vừa thực hiện."]),
    q(21, "Theo KH 552 của Đồng Tháp, đến 2035 tỷ trọng kinh tế số trong GRDP của tỉnh là bao nhiêu?",
      [["40%", "40 %", "40 phần trăm"]],
      ["phát triển kinh tế số, xã hội số và nông nghiệp công nghệ cao. Quy mô kinh tế số\nđạt 40% GRDP."]),
    q(22, "BN KH 144: moi nam phai phat trien bao nhieu bo du lieu mo chat luong cao?",
      [["05 bộ", "5 bộ", "năm bộ"]],
      ["- Phấn đấu mỗi năm phát triển từ\n05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số và xã hội số;"]),
    q(23, "Xã, phường muốn được Bằng khen của Chủ tịch UBND tỉnh Đắk Lắk về công tác bầu cử (KH 0125) thì tỷ lệ cử tri đi bầu phải đạt bao nhiêu?",
      [["98%", "98 %", "98 phần trăm"]],
      ["+ Có tỷ lệ cử tri đi bầu cử đạt\ntừ 98% trở lên;"]),
    q(24, "ho doc than duoc ho tro xay moi nha o (QD 3210 TPHCM) thi dien tich su dung toi thieu bao nhieu m2?",
      [["24m2", "24 m2", "24m²", "24 m²", "24 mét vuông"]],
      ["(nếu là những hộ độc thân thì có thể xây dựng nhà ở có diện tích sử dụng nhỏ hơn 30m2 nhưng không thấp hơn 24m2)"]),
    q(25, "KH 141 Bắc Ninh: tỷ lệ cán bộ làm chính sách, pháp luật tuyển từ nguồn thu hút người tài giai đoạn 2026-2030 phấn đấu là bao nhiêu?",
      [["10%", "10 %", "10 phần trăm"]],
      ["- 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công chức xây dựng chính sách,\npháp luật từ nguồn thu hút, tuyển dụng, tiếp nhận người có tài năng"]),
    q(26, "bac ninh den 2030 bao nhieu % nguoi trong do tuoi lao dong duoc tap huan ky nang so co ban (KH 144)",
      [["70%", "70 %", "70 phần trăm"]],
      ["- Đào tạo, bồi dưỡng, tập huấn\nkỹ năng số cơ bản cho người dân trong độ tuổi lao động đạt 70%."]),

    # ---------------- multi-part (6) ----------------
    q(27, "KH chuyển đổi số trong xây dựng, quản lý kết cấu hạ tầng giao thông của Đồng Tháp là KH số mấy, ban hành ngày nào và ai ký?",
      [["597"], ["27/11/2025", "27 tháng 11 năm 2025"], ["Nguyễn Thành Diệu"]],
      ["Số: 597/KH-UBND\n|\n*Đồng Tháp, ngày\n27 tháng 11 năm 2025*",
       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Diệu"]),
    q(28, "QĐ 2820 TP.HCM: nhiệm vụ phối hợp xây dựng phần mềm của Hệ thống thông tin và CSDL quốc gia về quy hoạch do ai chủ trì, ai phối hợp và hạn khi nào?",
      [["Trung tâm Chuyển đổi số"], STC, KHCN, ["Quý IV/2026", "quý 4/2026", "Quý IV năm 2026", "quý 4 năm 2026", "Q4/2026"]],
      ["Phối hợp xây dựng phần mềm\ncủa Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch đáp ứng yêu cầu",
       "Trung tâm Chuyển đổi số Thành phố\n|\nSở Tài chính, Sở Khoa học và Công nghệ, các sở, ngành, UBND xã, phường,\nđặc khu\n|\nQuý IV/2026"]),
    q(29, "KH 144 Bắc Ninh: đến 2030 chi cho R&D phải tối thiểu bao nhiêu % GRDP, và kinh phí từ xã hội phải chiếm bao nhiêu trong tổng chi R&D?",
      [["2%", "2 %", "hai phần trăm"], ["60%", "60 %"]],
      ["- Kinh phí chi cho nghiên cứu\nphát triển (R&D)/GRDP tối thiểu 2%.",
       "- Tỷ trọng kinh phí từ xã hội\ntrên kinh phí chi cho nghiên cứu phát triển (R&D) đạt trên 60%."]),
    q(30, "phong trao thi dua bau cu DBQH khoa XVI, HDND cac cap cua Dak Lak cao diem tu khi nao den khi nao, tong ket luc nao?",
      [["tháng 10 năm 2025", "tháng 10/2025", "10/2025"], ["tháng 3 năm 2026", "tháng 3/2026", "3/2026"], ["tháng 4 năm 2026", "tháng 4/2026", "4/2026"]],
      ["gian tổ chức phong trào thi đua**: Phong trào thi đua cao điểm được triển\nkhai thực hiện từ tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào\ntháng 4 năm 2026."]),
    q(31, "KH 172/KH-UBND của TP.HCM về thi hành Luật Việc làm ban hành ngày nào, ai ký và thực hiện quyết định nào của Thủ tướng?",
      [["18/11/2025", "18 tháng 11 năm 2025"], ["Trần Thị Diệu Thúy", "Trần Thị Diệu Thuý"], ["1850/QĐ-TTg", "1850"]],
      ["Số: 172/KH-UBND\n|\n*Thành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025*",
       "PHÓ CHỦ TỊCH\n**Trần Thị Diệu Thúy**",
       "Thực hiện Quyết định số\n1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của Thủ tướng Chính phủ"]),
    q(32, "KH 552 Đồng Tháp: các sở, ngành, xã phường phải báo cáo kết quả trước ngày nào, gửi về đâu; còn Sở KH&CN tổng hợp báo cáo UBND tỉnh và Bộ trước ngày nào?",
      [["20/11", "20 tháng 11"], KHCN, ["30/11", "30 tháng 11"]],
      ["chi tiết hằng năm và định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở\nKhoa học và Công nghệ để tổng hợp.",
       "- Sở Khoa học và Công nghệ tổng\nhợp, báo cáo Ủy ban nhân dân Tỉnh và Bộ Khoa học và Công nghệ trước ngày 30/11"]),

    # ---------------- duties of an agency (6) ----------------
    q(33, "Cong an tinh Dong Thap co nhiem vu gi trong KH 597 chuyen doi so ha tang giao thong?",
      [["trật tự an toàn giao thông", "xử lý vi phạm"], ["phạt nguội", "camera"], ["an toàn thông tin"]],
      ["- Chủ trì tham mưu triển khai ứng dụng công nghệ số\ntrong giám sát, xử lý vi phạm trật tự an toàn giao thông.",
       "- Dữ liệu từ hệ thống camera giám sát, phạt nguội\nvà kiểm soát tải trọng xe được chia sẻ có chọn lọc qua IOC",
       "- Hướng dẫn và giám sát an toàn thông tin mạng\ntrong quá trình triển khai vận hành các hệ thống thông tin."]),
    q(34, "Sở Xây dựng Bắc Ninh được giao làm gì trong KH 144 phát triển kinh tế số, xã hội số?",
      [["IoT", "Internet vạn vật"], ["hạ tầng quan trọng"]],
      ["Chủ trì nghiên cứu triển khai tích\nhợp IoT vào một số hạ tầng quan trọng của tỉnh."]),
    q(35, "SNN&MT Đắk Lắk phải làm gì theo KH khắc phục môi trường, phòng chống dịch bệnh sau lụt bão?",
      [["rác"], ["xác động vật"], ["chuồng trại"]],
      ["- Chỉ đạo thu gom rác, xử\nlý môi trường, nước sạch; giám sát các điểm ô nhiễm sau lũ.",
       "- Hướng dẫn xử lý xác động\nvật; phòng chống dịch bệnh trên đàn vật nuôi; hỗ trợ tiêu độc chuồng trại."]),
    q(36, "Sở TT&TT Sơn La có nhiệm vụ gì trong KH bảo vệ BMNN năm 2023?",
      [["không gian mạng"], ["Công an tỉnh"]],
      ["5. Sở Thông tin và Truyền thông: Phối hợp với Công an tỉnh kiểm tra công tác bảo vệ BMNN trên không gian mạng"]),
    q(37, "cong an TP.HCM lam gi theo QD 2820 ve he thong thong tin, du lieu quy hoach?",
      [["an toàn hệ thống", "an toàn thông tin", "an ninh mạng"], ["đường truyền", "Bộ Tư lệnh"]],
      ["Công an Thành phố chủ trì phối\nhợp với Bộ Tư lệnh Thành phố và các đơn vị có liên quan định kỳ kiểm tra, đánh\ngiá an toàn hệ thống, trách nhiệm xử lý sự cố đường truyền tín hiệu kết nối.",
       "Xây dựng và thực hiện các\nbiện pháp bảo đảm an toàn thông tin mạng, an ninh mạng đối với cơ sở dữ liệu\nquốc gia về quy hoạch"]),
    q(38, "So TC Dong Thap co trach nhiem gi trong KH 617 CDS cho doanh nghiep, HTX, ho kinh doanh?",
      [["dự toán"], ["kinh phí"], ["nguồn vốn"]],
      ["a) Thẩm định dự toán kinh\nphí thực hiện nhiệm vụ Kế hoạch, tham mưu Uỷ ban nhân dân Tỉnh xem xét, bố trí\nkinh phí phù hợp với khả năng ngân sách.",
       "b) Phối hợp huy động nguồn vốn\nđầu tư và hỗ trợ từ các tổ chức, dự án trong và ngoài nước."]),

    # ---------------- follow-ups with history (4) ----------------
    q(39, "con ban quan ly khu kinh te thi duoc giao gi?",
      [["khu công nghiệp"], ["đổi mới công nghệ"]],
      ["**6. Ban\nQuản lý khu Kinh tế**\n\n- Phối hợp với các sở, ngành\nvà địa phương tổ chức triển khai các chương trình, kế hoạch hỗ trợ đổi mới công\nnghệ"],
      history=[u("user", "KH 552 lộ trình đổi mới công nghệ của Đồng Tháp giao Sở KH&CN làm gì?"),
               u("assistant", "Theo KH 552/KH-UBND, Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì tham mưu UBND Tỉnh triển khai, theo dõi, đôn đốc và tổng hợp tình hình thực hiện Kế hoạch; xây dựng các chương trình, đề án hỗ trợ doanh nghiệp, hợp tác xã, hộ sản xuất đổi mới công nghệ và định kỳ hằng năm báo cáo UBND Tỉnh.")]),
    q(40, "con viec kiem tra thi hanh luat thi co quan nao lam, bat dau tu nam nao?",
      [["Sở Nội vụ"], ["2026"]],
      ["- Cơ quan thực hiện: Sở Nội vụ,\ncác sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình",
       "- Thời gian thực hiện: Năm 2026\nvà các năm tiếp theo."],
      history=[u("user", "KH 172 của TP.HCM: ai chủ trì việc phổ biến, giáo dục Luật Việc làm?"),
               u("assistant", "Sở Nội vụ chủ trì tham mưu UBND Thành phố ban hành kế hoạch phổ biến, giáo dục Luật Việc làm; Sở Tư pháp, các sở, ban, ngành, Đài Phát thanh và Truyền hình Thành phố, cơ quan báo chí và UBND xã, phường, đặc khu chủ động triển khai. Thời gian: năm 2025 và các năm tiếp theo.")]),
    q(41, "Bước tiếp theo là gì, cơ quan nào chủ trì và hạn chót khi nào?",
      [["Đề án"], ["Sở Xây dựng"], ["30 tháng 9 năm 2014", "30/9/2014", "30/09/2014"]],
      ["2.4. Bước 4: Lập Đề án hỗ trợ người có công với cách mạng về nhà ở.",
       "Thời gian hoàn tất: trước ngày 30 tháng 9 năm 2014."],
      history=[u("user", "QĐ 3210 TP.HCM hỗ trợ nhà ở người có công: bước 3 tổng hợp, phê duyệt danh sách phải xong trước ngày nào?"),
               u("assistant", "Bước 3 do UBND quận, huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội rà soát, tổng hợp và phê duyệt danh sách, báo cáo Sở LĐTBXH và Sở Xây dựng; thời gian hoàn tất trước ngày 18 tháng 8 năm 2014.")]),
    q(42, "Còn Sở VHTTDL thì được giao gì?",
      [["Ban Tuyên giáo và Dân vận"], ["Báo và Phát thanh, Truyền hình", "Báo và Phát thanh Truyền hình", "Báo và PTTH", "Báo và Phát thanh - Truyền hình"]],
      ["**3. Sở Văn hóa, Thể thao và\nDu lịch: **Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo Báo và Phát\nthanh, Truyền hình Đắk Lắk"],
      history=[u("user", "KH 0124 của Đắk Lắk về đợt thi đua chào mừng Đại hội XIV giao Sở Nội vụ làm gì?"),
               u("assistant", "Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị, địa phương, doanh nghiệp triển khai Kế hoạch; hướng dẫn, theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh kết quả Đợt thi đua; tham mưu tổng kết, khen thưởng và đề xuất Chủ tịch UBND tỉnh khen thưởng các tập thể, cá nhân tiêu biểu.")]),

    # ---------------- unanswerable near-misses (8) ----------------
    q(43, "KH 552 lộ trình đổi mới công nghệ của Đồng Tháp đặt chỉ tiêu gì cho năm 2040?", None, [], answerable=False),
    q(44, "So GD&DT Dong Thap duoc giao nhiem vu gi trong KH 597 chuyen doi so ha tang giao thong?", None, [], answerable=False),
    q(45, "KH 0130 Đắk Lắk: tổng kinh phí khắc phục môi trường, phòng chống dịch sau lũ là bao nhiêu tỷ đồng?", None, [], answerable=False),
    q(46, "Theo QĐ 3210 TPHCM, năm 2014 có bao nhiêu hộ gia đình người có công được hỗ trợ nhà ở?", None, [], answerable=False),
    q(47, "KH chuyen doi so doanh nghiep cua tinh Vinh Long dat muc tieu bao nhieu % DNNVV ung dung cong nghe so den 2030?", None, [], answerable=False),
    q(48, "Sơn La: hạn gửi kế hoạch bảo vệ BMNN năm 2024 về Công an tỉnh là ngày nào?", None, [], answerable=False),
    q(49, "QĐ 3210 TP.HCM: mỗi hộ người có công phải xây mới nhà được hỗ trợ bao nhiêu triệu đồng?", None, [], answerable=False),
    q(50, "KH 0124 Đắk Lắk thi đua chào mừng Đại hội XIV: mỗi xã, phường được đề nghị tối đa mấy Bằng khen của Chủ tịch UBND tỉnh?", None, [], answerable=False),
]

if __name__ == "__main__":
    out = Path(__file__).with_name("questions.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for it in ITEMS:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"wrote {len(ITEMS)} items to {out}")
