# Builds ../questions.jsonl. Evidence is written here as a phrase with plain spaces; it is
# resolved to the exact substring of the named file (where a space may be a line break in
# the hard-wrapped files). check.py then validates the result independently.
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
KD = os.path.join(HERE, "..", "knowledge")
F = {
 "TT": "bo-nong-nghiep-moi-truong-24-tt-bnnmt-2025-bao-goi-thuoc-bvtv.txt",
 "QN": "quang-ninh-3127-qd-ubnd-2025-ke-hoach-ocop-2026-2030.md",
 "HT": "ha-tinh-3842-qd-ubnd-2012-giao-du-toan-ngan-sach-2013.txt",
 "AG": "an-giang-214-kh-ubnd-2025-lua-chat-luong-cao-phat-thai-thap.txt",
}
TXT = {k: open(os.path.join(KD, v), encoding="utf-8").read() for k, v in F.items()}

def ev(doc, phrase):
    pat = r"\s+".join(re.escape(w) for w in phrase.split())
    m = list(re.finditer(pat, TXT[doc]))
    assert len(m) == 1, (doc, phrase, len(m))
    return {"text": m[0].group(0)}

# date / agency alternatives
def d(day, month, year):
    return [f"{day}/{month}/{year}", f"{int(day)}/{int(month)}/{year}", f"{int(day):02d}/{int(month):02d}/{year}",
            f"{day} tháng {month} năm {year}", f"{int(day)} tháng {int(month)} năm {year}"]
def uniq(xs):
    out = []
    for x in xs:
        if x not in out: out.append(x)
    return out
def quy(r, n, year):
    return [f"Quý {r}/{year}", f"quý {r} năm {year}", f"quý {n}/{year}", f"quý {n} năm {year}"]
SNNMT = ["Sở Nông nghiệp và Môi trường", "Nông nghiệp và Môi trường", "SNN&MT", "Sở NN&MT", "NN&MT", "SNNMT"]
STC = ["Sở Tài chính", "Sở TC"]
SCT = ["Sở Công Thương", "Sở Công thương", "Sở CT"]
SKHCN = ["Sở Khoa học và Công nghệ", "Khoa học và Công nghệ", "Sở KH&CN", "KH&CN", "KHCN"]
CTTBVTV = ["Cục Trồng trọt và Bảo vệ thực vật", "Trồng trọt và Bảo vệ thực vật", "Cục TT&BVTV", "Cục TTBVTV"]

Q = []
def add(id_, question, answer, evidence, history=None):
    o = {"id": f"b6-{id_:02d}", "question": question}
    if history: o["history"] = history
    o["answer"] = answer
    o["evidence"] = evidence
    Q.append(o)
def unans(id_, question):
    Q.append({"id": f"b6-{id_:02d}", "question": question, "answerable": False, "answer": None, "evidence": []})

# ---- lead agency
add(1, "theo TT 24/2025/TT-BNNMT thi co quan nao chu tri xay dung co so du lieu quoc gia ve be chua bao goi thuoc BVTV?",
    [CTTBVTV], [ev("TT", "Chủ trì, phối hợp với Cục Môi trường và Trung tâm Chuyển đổi số xây dựng cơ sở dữ liệu quốc gia")])
add(2, "Kế hoạch OCOP tỉnh Quảng Ninh 2026-2030 (QĐ 3127/QĐ-UBND): cơ quan nào chủ trì tổ chức Hội chợ OCOP Quảng Ninh hằng năm?",
    [SCT], [ev("QN", "Chủ trì tổ chức Hội chợ OCOP Quảng Ninh hằng năm và các hoạt động xúc tiến thương mại")])
add(3, "KH 214/KH-UBND An Giang về lúa chất lượng cao phát thải thấp: ai chủ trì nâng cấp đường giao thông nội đồng?",
    [["Sở Xây dựng", "Sở XD"]], [ev("AG", "Nâng cấp đường giao thông nội đồng phục vụ cơ giới hóa và vận chuyển lúa"),
                                ev("AG", "- Chủ trì hướng dẫn, thẩm định các dự án đường giao thông nội đồng kết nối")])
add(4, "QĐ 3842/QĐ-UBND của Hà Tĩnh giao dự toán năm 2013: vốn CTMTQG xây dựng nông thôn mới do sở nào tham mưu phân bổ?",
    [["Sở Kế hoạch và Đầu tư", "Kế hoạch và Đầu tư", "Sở KH&ĐT", "KH&ĐT", "KHĐT", "Sở KHĐT"]],
    [ev("HT", "| 1 | Chương trình mục tiêu quốc gia xây dựng nông thôn mới | 86.400 | Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và Văn phòng Điều phối Chương trình nông thôn mới tỉnh |")])
# ---- cooperating agencies
add(5, "an giang ke hoach 214: nhiem vu xay dung nhan hieu chung nhan Gao An Giang phat thai thap ai chu tri, ai phoi hop, han khi nao?",
    [SKHCN, SCT, SNNMT, ["Hiệp hội Lương thực", "VFA"], quy("III", 3, 2026)],
    [ev("AG", "Xây dựng nhãn hiệu chứng nhận “Gạo An Giang phát thải thấp”"),
     ev("AG", "Sở Công Thương; Sở Nông nghiệp và Môi trường; Hiệp hội Lương thực Việt Nam")])
add(6, "KH OCOP Quảng Ninh: Sở Công Thương xây dựng gian hàng OCOP trên sàn TMĐT thì phối hợp với ai, hạn khi nào?",
    [SNNMT, ["Bưu điện tỉnh", "Bưu điện"], uniq(d("31", "12", "2026"))],
    [ev("QN", "Chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Bưu điện tỉnh xây dựng gian hàng OCOP Quảng Ninh")])
add(7, "Theo QĐ giao dự toán NS 2013 tỉnh Hà Tĩnh, Sở LĐTBXH tham mưu phân bổ vốn CTMTQG giảm nghèo thì phối hợp với cơ quan nào?",
    [["Ban Dân tộc"]], [ev("HT", "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ban Dân tộc")])
# ---- agency duties
add(8, "TT 24/2025/TT-BNNMT giao SNN&MT cấp tỉnh những nhiệm vụ gì?",
    [["mẫu bể chứa", "quy định về bể chứa"], ["tập huấn", "tuyên truyền"], ["thanh tra", "kiểm tra"]],
    [ev("TT", "Tham mưu Ủy ban nhân dân cấp tỉnh ban hành quy định về mẫu bể chứa, vị trí, số lượng bể chứa"),
     ev("TT", "Thanh tra, kiểm tra việc thu gom, lưu giữ, vận chuyển, xử lý bao gói trên địa bàn tỉnh.")])
add(9, "so KH&CN quang ninh phai lam gi trong ke hoach OCOP 2026-2030",
    [["nhãn hiệu", "chỉ dẫn địa lý"], ["truy xuất nguồn gốc"]],
    [ev("QN", "Chủ trì hỗ trợ chủ thể OCOP đăng ký bảo hộ nhãn hiệu, chỉ dẫn địa lý cho sản phẩm đặc sản của tỉnh.")])
add(10, "Sở TC An Giang có nhiệm vụ gì trong KH 214/KH-UBND về vùng chuyên canh lúa phát thải thấp?",
    [["vốn đầu tư công trung hạn", "bố trí vốn"], ["lồng ghép"], ["thẩm định"]],
    [ev("AG", "bố trí vốn đầu tư công trung hạn giai đoạn 2026 - 2030 và kinh phí sự nghiệp hằng năm để thực hiện Kế hoạch."),
     ev("AG", "- Thẩm định dự án đầu tư hạ tầng vùng chuyên canh theo quy định.")])
add(11, "QĐ 3842/QĐ-UBND Hà Tĩnh về dự toán 2013 giao Sở Tài chính những việc gì?",
    [uniq(d("31", "12", "2012") + ["thông báo chi tiết dự toán"]), ["hằng quý", "chấp hành dự toán"]],
    [ev("HT", "Giao Sở Tài chính thông báo chi tiết dự toán chi thường xuyên cho từng đơn vị trước ngày 31 tháng 12 năm 2012"),
     ev("HT", "Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư theo dõi, kiểm tra tình hình chấp hành dự toán")])
# ---- targets by year
add(12, "KH 214 An Giang: luong phan bon hoa hoc nam 2028 phai giam bao nhieu %?",
    [["25"]], [ev("AG", "lượng phân bón hóa học giảm 15% vào năm 2026, giảm 25% vào năm 2028")])
add(13, "An Giang kế hoạch lúa phát thải thấp đặt chỉ tiêu tỷ lệ diện tích thu gom rơm rạ ra khỏi đồng ruộng năm 2030 là bao nhiêu?",
    [["80"]], [ev("AG", "80% vào năm 2030; không đốt rơm rạ trên đồng ruộng trong vùng chuyên canh.")])
add(14, "OCOP Quảng Ninh đến năm 2028 phải có ít nhất bao nhiêu sản phẩm 5 sao?",
    [["18"]], [ev("QN", "Toàn tỉnh có ít nhất 620 sản phẩm OCOP đạt từ 3 sao trở lên, trong đó ít nhất 18 sản phẩm đạt 5 sao")])
add(15, "ke hoach OCOP Quang Ninh: den nam 2030 ty le chu the OCOP la HTX phai dat bao nhieu %?",
    [["45"]], [ev("QN", "- Tỷ lệ chủ thể OCOP là hợp tác xã đạt 45%;")])
# ---- amounts
add(16, "nam 2013 ha tinh giao du toan cho so y te bao nhieu",
    [["472.580", "472,58", "472580"]], [ev("HT", "| 20 | Sở Y tế | 472.580 | 412.580 | 60.000 |")])
add(17, "Dự toán NS 2013 tỉnh Hà Tĩnh (QĐ 3842): chi đầu tư phát triển của Ban Quản lý Khu kinh tế tỉnh là bao nhiêu?",
    [["45.000", "45000", "45 tỷ"]], [ev("HT", "| 18 | Ban Quản lý Khu kinh tế tỉnh | 51.750 | 6.750 | 45.000 |")])
add(18, "Theo KH OCOP Quảng Ninh giai đoạn 2026-2030, sản phẩm được công nhận 4 sao được hỗ trợ bao nhiêu tiền?",
    [["100 triệu"]], [ev("QN", "100 triệu đồng đối với sản phẩm 4 sao")], )
add(19, "Tổng kinh phí KH 214/KH-UBND của UBND tỉnh An Giang là bao nhiêu, trong đó vốn vay Ngân hàng Thế giới bao nhiêu?",
    [["2.850", "2850", "2,85 nghìn tỷ"], ["950"]],
    [ev("AG", "Tổng kinh phí dự kiến thực hiện Kế hoạch giai đoạn 2026 - 2030 là 2.850 tỷ đồng"),
     ev("AG", "nghiệp bền vững vùng đồng bằng sông Cửu Long 950 tỷ đồng")])
# ---- counts
add(20, "Thong tu 24/2025/TT-BNNMT ve bao goi thuoc BVTV co bao nhieu dieu, chia lam may chuong?",
    [["19"], ["4 chương", "04 chương", "bốn chương", "4 chuong"]],
    [ev("TT", "Điều 19. Trách nhiệm thi hành 1. Cục trưởng Cục Trồng trọt"), ev("TT", "Chương IV ĐIỀU KHOẢN THI HÀNH Điều 17. Hiệu lực thi hành")])
add(21, "QĐ giao dự toán 2013 của UBND tỉnh Hà Tĩnh giao cho bao nhiêu đơn vị cấp tỉnh?",
    [["39"]], [ev("HT", "Giao dự toán chi ngân sách nhà nước năm 2013 cho 39 sở, ban, ngành, đơn vị dự toán cấp tỉnh")])
add(22, "KH OCOP Quảng Ninh 2026-2030 có mấy nhóm nhiệm vụ, giải pháp?",
    [["6 nhóm", "06 nhóm", "sáu nhóm", "6 nhiệm vụ", "6 giải pháp", "6 nội dung"]],
    [ev("QN", "### 6. Ứng dụng khoa học, công nghệ và truy xuất nguồn gốc")])
# ---- dates / deadlines / effect
add(23, "TT 24/2025/TT-BNNMT co hieu luc tu ngay nao, thay the van ban nao?",
    [uniq(d("15", "12", "2025")), ["05/2016/TTLT-BNNPTNT-BTNMT", "05/2016/TTLT", "05/2016"]],
    [ev("TT", "Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 12 năm 2025."),
     ev("TT", "Thông tư liên tịch số 05/2016/TTLT-BNNPTNT-BTNMT ngày 16 tháng 5 năm 2016")])
add(24, "TT 24/2025 của Bộ NN&MT (căn cứ NĐ 35/2025/NĐ-CP): bể chứa bao gói thuốc BVTV lắp trước khi TT có hiệu lực mà chưa đạt yêu cầu thì phải cải tạo, thay thế trước ngày nào?",
    [uniq(d("31", "12", "2027"))], [ev("TT", "phải được cải tạo, di dời hoặc thay thế trước ngày 31 tháng 12 năm 2027")])
add(25, "SNN&MT Quảng Ninh phải xong việc sửa đổi quy chế Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh khi nào?",
    [quy("I", 1, 2026)], [ev("QN", "phân hạng sản phẩm OCOP cấp tỉnh, hoàn thành trong Quý I/2026")])
add(26, "KH 214 an giang: nhiem vu de xuat co che chia se loi ich tin chi carbon ai chu tri, han khi nao?",
    [SNNMT, quy("IV", 4, 2028)], [ev("AG", "Đề xuất cơ chế chia sẻ lợi ích từ tín chỉ các-bon trong canh tác lúa")])
# ---- document number / date / signer
add(27, "QĐ giao dự toán ngân sách năm 2013 của UBND tỉnh Hà Tĩnh: số hiệu, ngày ban hành, ai ký?",
    [["3842"], uniq(d("12", "12", "2012")), ["Phan Hữu Lộc"]],
    [ev("HT", "Số: 3842/QĐ-UBND Hà Tĩnh, ngày 12 tháng 12 năm 2012"),
     ev("HT", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phan Hữu Lộc")])
add(28, "Kế hoạch OCOP 2026-2030 của Quảng Ninh ban hành kèm QĐ số mấy, ngày nào, ai ký?",
    [["3127"], uniq(d("05", "12", "2025")), ["Đặng Quang Vinh"]],
    [ev("QN", "(Ban hành kèm theo Quyết định số 3127/QĐ-UBND ngày 05 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh Quảng Ninh)"),
     ev("QN", "| - CT, các PCT UBND tỉnh; | **Đặng Quang Vinh** |")])
add(29, "ke hoach lua phat thai thap cua an giang so may, ngay nao, ai ky?",
    [["214"], uniq(d("22", "12", "2025")), ["Trần Thanh Hiệp", "Tran Thanh Hiep"]],
    [ev("AG", "Số: 214/KH-UBND An Giang, ngày 22 tháng 12 năm 2025"), ev("AG", "- Lưu: VT, KTN. Trần Thanh Hiệp")])
# ---- what-is
add(30, "Theo Thông tư 24/2025/TT-BNNMT, “tráng rửa ba lần” là gì?",
    [["nước sạch"], ["một phần tư", "1/4"], ["bình phun"]],
    [ev("TT", "Tráng rửa ba lần là việc dùng nước sạch tráng bao gói ngay sau khi pha thuốc")])
add(31, "TT 24/2025 bo NN&MT: khu vuc luu chua tam thoi la gi, duoc luu giu bao goi toi da bao lau?",
    [["tập kết", "trước khi chuyển giao"], ["06 tháng", "6 tháng", "sáu tháng"]],
    [ev("TT", "Khu vực lưu chứa tạm thời là địa điểm do Ủy ban nhân dân cấp xã bố trí"),
     ev("TT", "Thời gian lưu giữ bao gói tại khu vực lưu chứa tạm thời không quá 06 tháng")])
# ---- follow-ups
add(32, "con cach nha o, chuong trai thi bao nhieu? vung trong lua thi bao nhieu ha phai co 1 be?",
    [["50 m", "50m", "50 mét"], ["03 ha", "3 ha", "3ha"]],
    [ev("TT", "Cách nhà ở, chuồng trại chăn nuôi ít nhất 50 m"),
     ev("TT", "Đối với vùng trồng lúa, rau màu, cây hằng năm: ít nhất 01 bể chứa trên 03 ha đất canh tác")],
    history=[{"role": "user", "content": "TT 24/2025/TT-BNNMT quy định bể chứa bao gói thuốc BVTV phải đặt cách nguồn nước bao xa?"},
             {"role": "assistant", "content": "Bể chứa phải đặt cách nguồn nước sinh hoạt, giếng nước, trạm bơm cấp nước ít nhất 20 m (điểm a khoản 2 Điều 5 Thông tư 24/2025/TT-BNNMT)."}])
add(33, "Thế UBND các xã, phường, đặc khu phải gửi kế hoạch OCOP hằng năm cho cơ quan nào, trước ngày nào?",
    [SNNMT, ["31/01", "31/1", "31 tháng 01", "31 tháng 1"]],
    [ev("QN", "Xây dựng kế hoạch OCOP hằng năm của địa phương, gửi Sở Nông nghiệp và Môi trường trước ngày 31 tháng 01 hằng năm.")],
    history=[{"role": "user", "content": "KH OCOP Quảng Ninh 2026-2030 tổng kinh phí bao nhiêu?"},
             {"role": "assistant", "content": "Tổng kinh phí dự kiến là 385 tỷ đồng, gồm ngân sách tỉnh 120 tỷ đồng, ngân sách các xã, phường, đặc khu 45 tỷ đồng, lồng ghép Chương trình MTQG xây dựng nông thôn mới 60 tỷ đồng và vốn doanh nghiệp, hợp tác xã, xã hội hóa 160 tỷ đồng."}])
add(34, "còn lượng giống gieo sạ năm 2028 phải giảm xuống dưới bao nhiêu?",
    [["80 kg", "80kg"]], [ev("AG", "lượng giống gieo sạ bình quân giảm xuống dưới 90 kg/ha vào năm 2026, dưới 80 kg/ha vào năm 2028")],
    history=[{"role": "user", "content": "KH 214/KH-UBND An Giang: đến năm 2026 diện tích vùng chuyên canh lúa chất lượng cao, phát thải thấp là bao nhiêu?"},
             {"role": "assistant", "content": "Năm 2026 toàn tỉnh đăng ký và thực hiện 210.000 ha; mục tiêu năm 2028 là 290.000 ha và năm 2030 là 355.000 ha."}])
# ---- unanswerable
unans(35, "Hà Tĩnh giao dự toán ngân sách năm 2014 cho Sở Y tế bao nhiêu?")
unans(36, "KH OCOP Quang Ninh 2026-2030 giao So GD&DT nhiem vu gi?")
unans(37, "TT 24/2025/TT-BNNMT: nông dân vứt bao gói thuốc BVTV ra ruộng thì bị phạt bao nhiêu tiền?")
unans(38, "ke hoach OCOP tinh Thai Nguyen giai doan 2026-2030 muc tieu bao nhieu san pham 5 sao?")
unans(39, "KH 214/KH-UBND An Giang đặt chỉ tiêu diện tích vùng chuyên canh lúa phát thải thấp năm 2027 là bao nhiêu ha?")
unans(40, "Kế hoạch OCOP Quảng Ninh bố trí kinh phí năm 2027 là bao nhiêu?")

with open(os.path.join(HERE, "..", "questions.jsonl"), "w", encoding="utf-8") as f:
    for o in Q:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(Q), "questions")
