<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>admission</name>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã học lớp nhận thức về Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên giúp đỡ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã thẩm tra lý lịch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ đã xét</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã có quyết định kết nạp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã kết nạp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dừng xét</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ đã sáp nhập hoặc giải thể; hãy chọn chi bộ khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số CCCD này đã có trong danh sách quần chúng đang xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hồ sơ đã kết thúc; sửa trong hồ sơ đảng viên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>quần chúng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hồ sơ đã kết thúc.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa qua bước “{needed}”. Hãy hoàn thành các bước theo thứ tự.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày {date} ở tương lai.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày kết thúc lớp trước ngày khai giảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập số giấy chứng nhận học lớp nhận thức về Đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy phân công một hoặc hai đảng viên giúp đỡ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Người giúp đỡ phải là đảng viên chính thức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nghị quyết chưa đạt: cần ít nhất {required}/{total} đảng viên chính thức tán thành (mới có {votes}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quần chúng chưa đủ 18 tuổi vào ngày chi bộ xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày quyết định trước ngày chi bộ xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập số quyết định kết nạp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi lý do dừng xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã kết nạp; không thể dừng xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ tiêu không hợp lệ: các chỉ tiêu thành phần không vượt chỉ tiêu chung.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Đang tạo dữ liệu xã mẫu lần đầu…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>Mật khẩu cần ít nhất {n} ký tự. Hãy chọn một câu dễ nhớ, khó đoán.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mật khẩu không được trùng tên đăng nhập. Hãy chọn mật khẩu khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mã khôi phục gồm {n} ký tự (chữ và số, chia nhóm bằng dấu gạch). Hãy nhập lại đúng như trên tờ giấy đã in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không tìm thấy thư viện mã hóa SQLCipher nên chương trình dừng lại để không ghi dữ liệu ở dạng không mã hóa. Hãy cài lại chương trình từ bộ cài chính thức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra bộ gõ tiếng Việt và phím Caps Lock rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã nhập sai nhiều lần. Hãy chờ {seconds} giây rồi thử lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tài khoản đã bị khóa vì nhập sai mật khẩu quá nhiều lần. Hãy nhờ quản trị viên mở khóa, hoặc dùng mã khôi phục.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tài khoản này đã ngừng sử dụng. Hãy liên hệ quản trị viên nếu cần dùng lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mã khôi phục không đúng với cơ sở dữ liệu này. Hãy kiểm tra lại tờ giấy đã in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu này chưa được mã hóa. Hãy mã hóa nó trước (quản trị viên: lệnh encrypt-db) rồi mở lại.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Tệp {path} đã có. Hãy chọn tên khác hoặc xóa tệp cũ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã tạo xã mẫu {name}: {cells} chi bộ, {members} đảng viên → {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy cho biết tệp PDF cần ghi (--out TỆP.pdf).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Biên bản trống cần --cell TÊN_CHI_BỘ và --month NĂM-THÁNG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy cho biết mã buổi sinh hoạt (xem bằng --list) hoặc dùng --blank.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã ghi {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp ra phải có đuôi .pdf hoặc .xlsx.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã ghi {path} ({n} đảng viên)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không đọc được tệp ánh xạ cột {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng {row} ({name}): LỖI: {errors}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng {row} ({name}): lưu ý: {warnings}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{total} dòng: {ok} hợp lệ, {bad} có lỗi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chạy thử (--dry-run): chưa nhập gì.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không nhập gì vì có dòng lỗi. Sửa tệp, hoặc thêm --only-valid để chỉ nhập các dòng hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã nhập {n} đảng viên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có chỉ tiêu “{key}”. Các chỉ tiêu: {keys}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lưu ý: số liệu đã thay đổi sau khi chốt ({n} chỉ tiêu).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhật ký kiểm toán: {n} mục, chuỗi nguyên vẹn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhật ký kiểm toán: {n} mục; mắt xích hỏng đầu tiên: mục #{id} ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy đặt mật khẩu quản trị mới vào biến môi trường DUX_PASSWORD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã mã hóa {path}: {tables} bảng, {rows} dòng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mã khôi phục (in ra giấy, cất nơi an toàn; chỉ hiện một lần): {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã. Không có lệnh: mở cửa sổ chương trình.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tệp cơ sở dữ liệu (mặc định: xã mẫu)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lệnh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tạo cơ sở dữ liệu xã mẫu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tự kiểm tra (không cần màn hình)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>liệt kê buổi sinh hoạt, in biên bản PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in sổ danh sách đảng viên (PDF hoặc XLSX)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nhập danh sách đảng viên từ Excel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>báo cáo định kỳ (PDF hoặc XLSX), giải thích chỉ tiêu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kiểm tra chuỗi nhật ký kiểm toán</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mã hóa một cơ sở dữ liệu cũ chưa mã hóa</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>Ngày “{text}” không đúng dạng. Hãy gõ ngày/tháng/năm, ví dụ 03/02/2026.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày “{text}” không có trong lịch. Hãy kiểm tra lại ngày và tháng.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dues</name>
    <message>
        <source>Hưởng lương</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hưởng lương hưu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Học sinh, sinh viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nông dân và đảng viên khác</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nộp tiền mặt tại chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cổng dịch vụ công quốc gia</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tháng ghi dạng năm-tháng, ví dụ 2026-03.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập một mức: số tiền cố định hoặc phần trăm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mức đảng phí không hợp lý; hãy kiểm tra lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không sinh hoạt ở chi bộ này trong tháng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}: chưa có mức đảng phí cho nhóm này; hãy nhập số phải nộp (hoặc khai mức trong Cấu hình).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}: số tiền không hợp lý.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn hình thức nộp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa khai mức đảng phí cho: {groups}. Hãy nhập trong Cấu hình → Đảng phí.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Không tìm thấy {what}. Có thể bản ghi đã bị xóa.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>errors_ui</name>
    <message>
        <source>Lỗi lưu trữ dữ liệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thông tin chưa hợp lệ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không đúng quy định</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có quyền</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dữ liệu đã thay đổi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chương trình gặp lỗi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chương trình gặp một lỗi không lường trước. Những gì đã lưu trước đó vẫn an toàn; việc đang làm dở có thể chưa được lưu.

Hãy đóng hộp thoại này, kiểm tra lại việc vừa làm, và gửi tệp nhật ký sau cho người hỗ trợ kỹ thuật (tệp không chứa họ tên hay số giấy tờ của đảng viên):
{path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lần trước chương trình bị tắt đột ngột</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lần chạy trước, chương trình bị tắt đột ngột. Dữ liệu đã lưu vẫn an toàn. Nếu việc này lặp lại, hãy gửi tệp sau cho người hỗ trợ kỹ thuật:
{path}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Không đủ chỗ trống để ghi tệp {name}. Hãy xóa bớt tệp hoặc chọn nơi lưu khác rồi thử lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không ghi được vào {folder}: thư mục hoặc USB đang chỉ cho đọc (hoặc bị khóa chống ghi). Hãy chọn nơi khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lỗi khi ghi tệp {name} (có thể USB đã bị rút ra). Tệp cũ vẫn còn nguyên; hãy cắm lại và thử lại.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>Số CCCD phải có đúng 12 chữ số (đang có {n}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ba số đầu của CCCD ({code}) không phải mã tỉnh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số thứ tư của CCCD ({digit}) không khớp giới tính đã nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CCCD cho năm sinh {year}, khác năm sinh đã nhập ({dob}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số thẻ đảng viên thường có {digits} chữ số; hãy kiểm tra lại “{value}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số lý lịch thường gồm 6 chữ số và 1–3 chữ cái (ví dụ 012345SL); đang là “{value}”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Họ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đệm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giới tính</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dân tộc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nơi sinh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quê quán</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nơi thường trú</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số CCCD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số thẻ đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số lý lịch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Điện thoại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trình độ học vấn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày quyết định kết nạp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày chính thức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(bỏ qua)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp ánh xạ cột không đúng dạng JSON {{"columns": {{"Tiêu đề cột": "trường"}}}}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp ánh xạ có trường không biết: {fields}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không đọc được tệp {name}. Hãy kiểm tra tệp còn trên máy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp quá lớn ({mb} MB; tối đa 25 MB). Hãy chia danh sách thành nhiều tệp nhỏ hơn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải bảng tính Excel .xlsx. Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp có cấu trúc bất thường (quá nhiều thành phần). Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp có thành phần lạ ({part}); có thể là tệp độc hại. Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp giải nén ra quá lớn (có thể là “bom nén”). Không nhập; hãy kiểm tra nguồn gốc tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải bảng tính Excel .xlsx hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thiếu thư viện đọc XML an toàn (defusedxml); không nhập tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không đọc được bảng tính {name}: tệp bị hỏng hoặc không đúng định dạng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có trang tính “{sheet}” trong tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ô {cell} chứa công thức. Hãy chép và “dán giá trị” (Paste Values) rồi lưu lại tệp trước khi nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng {row} có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI), ví dụ “{sample}”. Hãy dùng Unikey → Công cụ chuyển mã sang Unicode rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp có hơn {max} dòng. Hãy chia thành nhiều tệp (ví dụ mỗi chi bộ một tệp).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giới tính phải là Nam hoặc Nữ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thiếu ngày sinh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thiếu ngày vào Đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có chi bộ “{cell}” trong danh sách chi bộ. Hãy thêm chi bộ hoặc sửa tên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dân tộc “{value}” không có trong danh mục; giữ nguyên như ghi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp không có cột “{column}” như trong ánh xạ. Hãy chọn lại cột.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày chính thức {official} sớm hơn 12 tháng sau ngày vào Đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trùng số CCCD với dòng {row}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng {row} còn lỗi nên không nhập được.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng {row}: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <source>Khiển trách</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cảnh cáo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cách chức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khai trừ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giải tán</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kiểm tra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giám sát</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thường xuyên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chuyên đề</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn kiểm tra hay giám sát, thường xuyên hay chuyên đề.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn một đối tượng: một đảng viên hoặc một tổ chức đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cuộc kiểm tra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn hình thức kỷ luật.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số phiếu không được âm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không áp dụng hình thức “{form}” cho đảng viên này. Được phép: {allowed}. (Đảng viên dự bị chỉ khiển trách, cảnh cáo; cách chức chỉ khi đang giữ chức vụ.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập số đảng viên chính thức của cấp ủy biểu quyết.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tổng số phiếu vượt số đảng viên chính thức ({official}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa đủ phiếu: cần ít nhất {required}/{official} đảng viên chính thức tán thành (có {votes}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>Tệp khóa (.keys) bên cạnh cơ sở dữ liệu bị hỏng hoặc không đúng định dạng. Hãy dùng mã khôi phục để mở lại cơ sở dữ liệu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không thấy tệp khóa (.keys) bên cạnh cơ sở dữ liệu. Hãy chép tệp .keys cùng với tệp dữ liệu, hoặc dùng mã khôi phục.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} đã có. Hãy chọn tên khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có tệp cơ sở dữ liệu {name}. Hãy chọn đúng tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu được mã hóa. Hãy đặt mật khẩu vào biến môi trường DUX_PASSWORD (và tên đăng nhập vào DUX_USER) rồi chạy lại lệnh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không thấy khóa của tài khoản này. Hãy nhờ quản trị viên đặt lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải cơ sở dữ liệu chưa mã hóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã có tệp khóa {name}. Hãy kiểm tra lại trước khi mã hóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản sao mã hóa không khớp với dữ liệu gốc nên chưa thay tệp. Tệp gốc vẫn nguyên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản sao mã hóa bị lỗi nên chưa thay tệp. Tệp gốc vẫn nguyên.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã</source>
        <translation>Commune Party Office Handbook</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Mở thư mục nhật ký</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã, phiên bản {version}.
Quản lý tổ chức, đảng viên, sinh hoạt chi bộ và báo cáo; chạy trên máy, không cần mạng.

Cơ sở dữ liệu: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Người dùng: {login}</source>
        <translation>User: {login}</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <source>Sinh hoạt định kỳ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sinh hoạt chuyên đề</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sinh hoạt bất thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đại hội chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có mặt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vắng có lý do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vắng không lý do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đi làm ăn xa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tốt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khá</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trung bình</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kém</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Biểu quyết giơ tay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bỏ phiếu kín</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thông qua nghị quyết</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đề nghị kết nạp đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đề nghị công nhận đảng viên chính thức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kỷ luật khiển trách, cảnh cáo, cách chức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đề nghị khai trừ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Buổi sinh hoạt kéo dài {minutes} phút, ít hơn {minimum} phút theo quy định.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tỷ lệ dự họp {rate}% thấp hơn {threshold}%.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có {n} đảng viên vắng không lý do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn loại buổi sinh hoạt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tháng sinh hoạt ghi dạng tháng/năm, ví dụ 03/2026.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập ngày sinh hoạt (hoặc ngày dự kiến).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh hoạt ở tương lai; hãy ghi là ngày dự kiến.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giờ ghi dạng giờ:phút, ví dụ 19:30.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi người chủ trì.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi thư ký ghi biên bản.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh hoạt trước ngày thành lập chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi chuyên đề sinh hoạt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Điểm chất lượng từ 0 đến 100.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn mức Tốt, Khá, Trung bình hoặc Kém.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tình trạng dự họp không hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi lý do cho người vắng có lý do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Biểu quyết số {n}: hãy chọn nội dung và hình thức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Biểu quyết số {n}: số phiếu không được âm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nội dung số {n} chưa có tiêu đề.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ {name} đã sáp nhập hoặc giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>buổi sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không chuyển biên bản đã đánh số sang chi bộ khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có {n} người trong danh sách điểm danh không sinh hoạt ở chi bộ vào ngày họp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ xóa được biên bản có số cuối cùng của nhiệm kỳ, để số biên bản không bị cách quãng. Hãy sửa nội dung thay vì xóa.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>membership</name>
    <message>
        <source>Dự bị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chính thức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đi làm ăn xa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã chuyển đi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã xóa tên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã ra khỏi Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã khai trừ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã từ trần</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết nạp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Công nhận chính thức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chuyển đến</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chuyển đi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết thúc sinh hoạt tạm thời</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thôi miễn sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trở về sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Xóa tên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Xin ra khỏi Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khai trừ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Từ trần</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết nạp lại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khôi phục đảng tịch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chuyển chi bộ trong đảng bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp thẻ đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trao huy hiệu Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cán bộ, công chức cơ quan Đảng, Nhà nước, đoàn thể</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cán bộ, công chức xã</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Người hoạt động không chuyên trách ở bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Viên chức sự nghiệp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Làm việc trong doanh nghiệp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nông, lâm, ngư nghiệp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quân đội</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Công an</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Học sinh, sinh viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khác</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa qua đào tạo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sơ cấp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trung cấp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cao cấp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cử nhân</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày {date}: người này chưa là đảng viên của đảng bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày {date}: đảng viên đã ở trạng thái “{status}”, không thể {action}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên đã được kết nạp trước đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ kết nạp lại người đã bị xóa tên, đã ra khỏi Đảng hoặc bị khai trừ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ công nhận chính thức cho đảng viên dự bị.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa đủ {months} tháng dự bị. Ngày đủ {months} tháng dự bị: {due}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt tại đảng bộ, không thể chuyển đến.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt tạm thời, không thể chuyển tạm thời lần nữa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên không sinh hoạt tạm thời.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên đang ở trạng thái “{status}”; hãy kết thúc trạng thái đó trước.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên không ở trạng thái “{status}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ khai trừ đảng viên chính thức. Đảng viên dự bị vi phạm thì xóa tên khỏi danh sách.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ khôi phục đảng tịch cho người đã bị xóa tên, khai trừ hoặc ra khỏi Đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập họ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Họ tên không được chứa chữ số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quá dài (tối đa 60 ký tự).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn giới tính Nam hoặc Nữ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh ở tương lai. Hãy sửa lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh quá xa (trên 120 tuổi). Hãy kiểm tra lại năm sinh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn nghề nghiệp trong danh sách.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn trình độ lý luận chính trị trong danh sách.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số CCCD chỉ gồm chữ số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày ở tương lai. Hãy sửa lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quá dài (tối đa 200 ký tự).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số CCCD {cccd} đã có trong danh sách đảng viên. Hãy tìm hồ sơ đó thay vì tạo hồ sơ mới.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có người trùng ngày sinh và họ tên: {name}. Hãy kiểm tra có phải cùng một người.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ {name} đã sáp nhập hoặc giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày {date} ở tương lai. Hãy nhập ngày đã xảy ra.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tháng đã nộp đảng phí ghi dạng tháng/năm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày quyết định kết nạp phải sau ngày chi bộ xét.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lễ kết nạp phải sau ngày ra quyết định.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày sinh phải trước ngày chi bộ xét kết nạp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa đủ {min} tuổi khi chi bộ xét (mới {years} tuổi {months} tháng). Không thể kết nạp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trên {max} tuổi khi chi bộ xét ({years} tuổi {months} tháng): cần ý kiến đồng ý của Tỉnh ủy. Hãy ghi số văn bản đồng ý vào ô ghi chú rồi lưu lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết nạp trên {max} tuổi theo văn bản: {note}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trình độ học vấn {value} thấp hơn quy định ({rule}); chỉ được xét ở vùng cao, vùng đồng bào dân tộc thiểu số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ảnh quá lớn (tối đa 2 MB). Hãy chọn ảnh nhỏ hơn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tổ chức đảng nơi chuyển đến.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn đảng viên dự bị hoặc chính thức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tổ chức đảng nơi chuyển đi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập ngày quyết định kết nạp và ngày vào Đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập ngày chính thức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày vào Đảng phải trước ngày chuyển đến.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày kết thúc dự kiến phải sau ngày bắt đầu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn chi bộ mới.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt ở chi bộ này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập số thẻ đảng viên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Huy hiệu chỉ có các mốc {years} năm.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>organisation</name>
    <message>
        <source>Bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Tiểu khu</source>
        <translation>Residential block</translation>
    </message>
    <message>
        <source>Tổ dân phố</source>
        <translation>Neighbourhood group</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Chi bộ bản, tiểu khu</source>
        <translation>Village or block cell</translation>
    </message>
    <message>
        <source>Chi bộ trường học</source>
        <translation>School cell</translation>
    </message>
    <message>
        <source>Chi bộ trạm y tế</source>
        <translation>Health station cell</translation>
    </message>
    <message>
        <source>Chi bộ công an</source>
        <translation>Police cell</translation>
    </message>
    <message>
        <source>Chi bộ quân sự</source>
        <translation>Military cell</translation>
    </message>
    <message>
        <source>Chi bộ cơ quan</source>
        <translation>Agency cell</translation>
    </message>
    <message>
        <source>Chi bộ doanh nghiệp</source>
        <translation>Enterprise cell</translation>
    </message>
    <message>
        <source>Chi bộ hợp tác xã</source>
        <translation>Cooperative cell</translation>
    </message>
    <message>
        <source>Chi bộ khác</source>
        <translation>Other cell</translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã sáp nhập</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Đã giải thể</source>
        <translation>Dissolved</translation>
    </message>
    <message>
        <source>Bí thư chi bộ</source>
        <translation>Cell secretary</translation>
    </message>
    <message>
        <source>Phó bí thư chi bộ</source>
        <translation>Deputy cell secretary</translation>
    </message>
    <message>
        <source>Chi ủy viên</source>
        <translation>Cell committee member</translation>
    </message>
    <message>
        <source>Bí thư Đảng ủy</source>
        <translation>Committee secretary</translation>
    </message>
    <message>
        <source>Phó Bí thư Đảng ủy</source>
        <translation>Deputy committee secretary</translation>
    </message>
    <message>
        <source>Ủy viên Ban Thường vụ</source>
        <translation>Standing committee member</translation>
    </message>
    <message>
        <source>Đảng ủy viên</source>
        <translation>Committee member</translation>
    </message>
    <message>
        <source>tên đảng bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tên đảng ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ký hiệu văn bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>địa danh ghi ngày tháng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tên cấp ủy cấp trên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ký hiệu cấp trên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dòng tiêu đề cấp trên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhiệm kỳ kết thúc trước khi bắt đầu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn vị đã được khai báo. Hãy sửa thông tin trong trang Tổ chức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đơn vị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tên bản (ví dụ: Bản Na Hát).</source>
        <translation>Enter the village name (e.g. Bản Na Hát).</translation>
    </message>
    <message>
        <source>Hãy chọn loại: bản, tiểu khu, tổ dân phố hoặc thôn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số phải từ 0 đến 1.000.000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã có bản “{name}” đang hoạt động. Hãy đặt tên khác hoặc sửa bản đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản này đã ngừng từ trước.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản kế thừa phải là một bản khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bản kế thừa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản kế thừa đã ngừng; hãy chọn một bản đang hoạt động.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tên chi bộ (ví dụ: Chi bộ bản Na Hát).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn loại chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ bản phải phụ trách ít nhất một bản. Hãy chọn bản.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có bản đã ngừng hoặc không còn; hãy chọn lại các bản.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã có chi bộ “{name}” đang hoạt động. Hãy đặt tên khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ này đã sáp nhập hoặc giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ còn {count} đảng viên. Hãy chọn chi bộ tiếp nhận (sáp nhập) thay vì giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chi bộ tiếp nhận</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ tiếp nhận phải là một chi bộ khác đang hoạt động.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ đảng viên đang sinh hoạt trong đảng bộ mới giữ được chức vụ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn chức vụ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chức vụ chi bộ cần chọn chi bộ; chức vụ Đảng ủy thì không chọn chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ đã sáp nhập hoặc giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên này không sinh hoạt ở chi bộ {cell}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ theo dõi “kiêm trưởng bản” cho bí thư chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Người đang giữ chức vụ này bắt đầu từ {date}; ngày bắt đầu mới phải sau đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>chức vụ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ đảng ủy viên mới được phân công phụ trách chi bộ. Hãy ghi chức vụ Đảng ủy trước.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không có chi bộ “{name}”. Hãy dùng tên như trong danh sách chi bộ.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>organisation_ui</name>
    <message>
        <source>Hãy nhập ngày, ví dụ 03/02/2026.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sửa bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Bản Na Hát</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loại:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số hộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Số nhân khẩu:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thành lập từ ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>— Không (giải thể) —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngừng bản / sáp nhập</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản “{name}” ngừng từ ngày dưới đây. Nếu sáp nhập, hãy chọn bản tiếp nhận.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sáp nhập vào bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lọc theo tên bản…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sửa chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Chi bộ bản Na Hát</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có chi ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên chi bộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Các bản phụ trách:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ký hiệu văn bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhiệm kỳ từ ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đến ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày đại hội:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sáp nhập / giải thể chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” có {count} đảng viên. Khi sáp nhập, đảng viên và các bản phụ trách được chuyển sang chi bộ tiếp nhận; chức vụ và phân công phụ trách của chi bộ cũ kết thúc.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sáp nhập vào chi bộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giao chức vụ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bí thư kiêm trưởng bản (tiểu khu trưởng, tổ trưởng)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bí thư kiêm Chủ tịch HĐND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kiêm Chủ tịch UBND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không phải người địa phương</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kiêm nhiệm:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy tìm và chọn một đảng viên trong danh sách.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thôi giữ chức vụ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} thôi giữ chức {role} ({where}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phân công phụ trách chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ đảng ủy viên (đã ghi ở thẻ Chức vụ) mới được phân công phụ trách chi bộ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng ủy viên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn một đảng ủy viên trong danh sách.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm cấp trên trước đây</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dùng cho văn bản của thời gian trước, ví dụ Huyện ủy Sốp Cộp (dòng tiêu đề “ĐẢNG BỘ HUYỆN SỐP CỘP”) đến 30/6/2025.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp ủy cấp trên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ký hiệu:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng tiêu đề văn bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban Tổ chức:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập thông tin này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tên bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Chi bộ phụ trách</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Số hộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhân khẩu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Ngừng từ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sáp nhập vào</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Các bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bí thư</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Kiêm trưởng bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bí thư chi bộ kiêm trưởng bản, tiểu khu trưởng hoặc tổ trưởng tổ dân phố</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kiêm trưởng bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kiêm Chủ tịch HĐND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kiêm Chủ tịch UBND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>không phải người địa phương</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ / Đảng ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kiêm nhiệm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cells</translation>
    </message>
    <message>
        <source>Đảng ủy viên phụ trách</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp trên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng tiêu đề văn bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban Tổ chức</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tìm (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Hiện cả bản đã ngừng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm bản…</source>
        <translation>Add village…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Ngừng / sáp nhập…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngừng bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản này đã ngừng từ trước.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hiện cả chi bộ đã sáp nhập, giải thể</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm chi bộ…</source>
        <translation>Add cell…</translation>
    </message>
    <message>
        <source>Sáp nhập / giải thể…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sáp nhập chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ này đã sáp nhập hoặc giải thể.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã sáp nhập</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã chuyển {n} đảng viên sang chi bộ tiếp nhận.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hiện cả chức vụ đã thôi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Giao chức vụ…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thôi chức vụ…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hiện cả phân công đã kết thúc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phân công phụ trách…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tên đảng bộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đảng ủy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Địa danh ghi ngày tháng:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tỉnh:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhiệm kỳ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp trên hiện nay:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sửa thông tin đơn vị…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp trên qua các thời kỳ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Văn bản lấy dòng tiêu đề của cấp trên có hiệu lực vào ngày ký văn bản.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thêm cấp trên trước đây…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Phân công phụ trách</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ đang hoạt động:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ có chi ủy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bí thư chi bộ kiêm trưởng bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ chưa có bí thư:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản, tiểu khu, tổ dân phố:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản chưa có đảng viên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản chưa có chi bộ phụ trách:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chi bộ theo loại</source>
        <translation>Cells by kind</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Trực thuộc: {upper}</source>
        <translation>Reports to: {upper}</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>Kỳ báo cáo “{text}” không đúng dạng. Ví dụ: 2026-Q3 (quý), 2026-H1 (6 tháng), 2026-9M (9 tháng), 2026-Y (năm).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>petitions</name>
    <message>
        <source>Khiếu nại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tố cáo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phản ánh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lưu đơn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chuyển cơ quan có thẩm quyền</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn loại đơn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy tóm tắt nội dung đơn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi người gửi, hoặc đánh dấu đơn không ký tên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hạn giải quyết trước ngày nhận đơn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đơn thư</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn: đã giải quyết, lưu đơn hoặc chuyển đi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn đã được xử lý trước đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày xử lý trước ngày nhận đơn ({date}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi kết quả giải quyết.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy ghi cơ quan nhận đơn chuyển.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rating</name>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đình chỉ sinh hoạt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết nạp chưa đủ 6 tháng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chọn xếp loại đảng viên hoặc tổ chức đảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã có đợt xếp loại năm {year}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đợt xếp loại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đợt xếp loại đã khóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không thuộc đợt xếp loại này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lý do không xếp loại không hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Người này không xếp loại ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Điểm từ 0 đến 100.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mức xếp loại không hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>toàn đảng bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{where}: {excellent} “hoàn thành xuất sắc”, vượt {quota}% số “hoàn thành tốt” ({good} → tối đa {allowed}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Bản nháp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã rà soát</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã chốt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Báo cáo đã chốt; không sửa được nội dung.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chỉ rà soát được bản nháp đã lưu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa chốt được báo cáo vì số liệu chưa khớp:
{problems}
Hãy sửa các hồ sơ nêu trên rồi chốt lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Báo cáo phải được lưu và rà soát trước khi chốt.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>xem danh sách đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sửa hồ sơ đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sửa tổ chức (bản, chi bộ)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ghi sinh hoạt chi bộ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>duyệt báo cáo và biên bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>xuất dữ liệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nhập dữ liệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>xem kiểm tra, kỷ luật, đơn thư</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sửa kiểm tra, kỷ luật, đơn thư</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>quản lý người dùng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sao lưu và phục hồi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cấu hình đơn vị và quy định</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tài khoản “{login}” không có quyền {what}. Hãy nhờ quản trị viên cấp quyền.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Chưa khai báo đơn vị. Hãy hoàn thành bước thiết lập ban đầu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản ghi vừa được người khác sửa. Hãy đóng cửa sổ, mở lại để xem thay đổi rồi sửa tiếp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không tìm thấy {what}. Có thể bản ghi đã bị xóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập {label}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày {value} ở tương lai. Hãy nhập ngày đã xảy ra.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày kết thúc ({end}) trước ngày bắt đầu ({start}). Hãy sửa lại.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>setup_wizard</name>
    <message>
        <source>ví dụ: Đảng bộ xã Mường Lèo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Đảng ủy xã Mường Lèo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Mường Lèo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Sơn La</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Tỉnh ủy Sơn La</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: ĐẢNG BỘ TỈNH SƠN LA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ví dụ: Ban Tổ chức Tỉnh ủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đảng bộ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đảng ủy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ký hiệu văn bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Địa danh ghi ngày tháng:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tỉnh:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nhiệm kỳ từ ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đến ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp ủy cấp trên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ký hiệu cấp trên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dòng tiêu đề văn bản:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ban Tổ chức cấp trên:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trực thuộc từ ngày:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập ngày bắt đầu trực thuộc cấp trên, ví dụ 01/07/2025.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn vị của bạn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ghi đúng như trên văn bản của Đảng ủy. Có thể sửa lại sau trong trang Tổ chức.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp trên trực tiếp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Từ 01/7/2025 đảng ủy xã trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thiết lập ban đầu</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sửa thông tin đơn vị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn vị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nếu đổi cấp trên, hãy ghi ngày bắt đầu trực thuộc cấp trên mới; cấp trên cũ được giữ lại cho các văn bản trước ngày đó.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>Ổ đĩa đã đầy nên không lưu được. Hãy xóa bớt tệp không cần (hoặc chép sang ổ khác) rồi bấm Lưu lại; những gì vừa nhập vẫn còn trên màn hình.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không ghi được vào cơ sở dữ liệu vì tệp hoặc thư mục chỉ cho đọc. Hãy chép tệp vào thư mục Tài liệu của bạn rồi mở lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lỗi đọc/ghi ổ đĩa. Hãy lưu lại; nếu vẫn lỗi, hãy sao lưu ngay và kiểm tra ổ đĩa của máy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng. Đừng ghi thêm; hãy phục hồi từ bản sao lưu gần nhất (menu Tệp → Phục hồi).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp này không phải cơ sở dữ liệu của chương trình, hoặc khóa giải mã không đúng. Hãy chọn đúng tệp, hoặc đăng nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không mở được tệp cơ sở dữ liệu. Hãy kiểm tra thư mục còn tồn tại và bạn có quyền ghi vào đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bận với một việc khác. Hãy chờ một lát rồi thử lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp này là một cơ sở dữ liệu SQLite nhưng không phải của chương trình. Hãy chọn đúng tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của chương trình (lược đồ {revision}). Hãy cài phiên bản mới nhất rồi mở lại; chương trình không sửa tệp này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bản sao trước khi nâng cấp bị lỗi nên chưa nâng cấp. Hãy kiểm tra ổ đĩa rồi thử lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu này đang được mở ở một cửa sổ khác của chương trình. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu nằm trên USB hoặc ổ đĩa tháo rời: rút ra lúc đang ghi sẽ làm hỏng dữ liệu. Hãy chép nó vào ổ đĩa của máy (ví dụ thư mục Tài liệu) rồi mở từ đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cơ sở dữ liệu nằm trên ổ đĩa mạng, nơi SQLite không ghi an toàn. Hãy chép nó vào ổ đĩa của máy rồi mở từ đó.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Gói {name} đã nhập trước đây; không có gì thay đổi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} (số {sequence}) cũ hơn gói đã nhập (số {last}). Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} (số {sequence}) đến trước gói số {missing}. Đã giữ lại; sẽ nhập khi có gói số {missing}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name}: thông tin bên trong không khớp với bên ngoài ({detail}). Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} không nối tiếp gói đã nhập (mã gói trước không khớp). Không nhập; hãy xin đơn vị gửi xuất gói đầy đủ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} được tạo bởi phiên bản chương trình mới hơn. Hãy cài phiên bản mới rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} đến từ dữ liệu đã phục hồi của đơn vị gửi nhưng không phải gói đầy đủ. Hãy xin đơn vị gửi xuất gói đầy đủ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} có {n} bản ghi không hợp lệ ({detail}). Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải loại gói cần nhập ở đây ({kind}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USB có tệp autorun.inf (thường do virus). Chương trình không mở nó; hãy quét virus cho USB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USB có tệp lối tắt “{name}” (virus USB hay tạo). Đừng mở nó; hãy quét virus.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USB có thư mục ẩn “{name}”; có thể là virus giấu dữ liệu. Hãy quét virus.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không mở được thư mục {folder}. Hãy cắm USB và chọn lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USB không đủ chỗ trống (cần khoảng {need} MB, còn {free} MB). Hãy xóa bớt tệp cũ trên USB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không đọc được tệp {name} (USB bị rút hoặc hỏng).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đã nhập gói số {sequence} của {sender}: {n} bản ghi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cấp trên đã nhận đến gói số {acked}; {n} đề nghị sửa mới.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải tệp đăng ký hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} không phải gói dữ liệu của chương trình.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp {name} quá lớn để là một gói dữ liệu. Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} được ký bằng khóa chưa đăng ký. Hãy đăng ký đơn vị gửi trước (đối chiếu mã khóa qua điện thoại).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} được ký bằng khóa đã bị thu hồi. Không nhập; hãy liên hệ đơn vị gửi.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} bị sửa đổi hoặc hỏng (chữ ký không khớp). Không nhập; hãy xin đơn vị gửi chép lại gói.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} được gửi cho đơn vị khác, không phải đơn vị này. Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} ghi tên đơn vị gửi không khớp với khóa đã ký. Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} bị hỏng khi giải mã. Không nhập; hãy xin đơn vị gửi chép lại gói.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} có nội dung bất thường ({detail}). Không nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gói {name} được tạo bởi phiên bản chương trình mới hơn (định dạng {version}). Hãy cài phiên bản mới rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tệp đăng ký không hợp lệ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đây là tệp đăng ký của chính đơn vị mình.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khóa này đã bị thu hồi; không đăng ký lại được.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không tìm thấy đơn vị đã đăng ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chưa đăng ký cấp trên. Hãy nhập tệp đăng ký do cấp trên cấp (Đồng bộ → Đăng ký).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Đơn vị này chưa đăng ký hoặc đã bị thu hồi khóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn bản ghi và ghi nội dung đề nghị sửa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không tìm thấy đề nghị sửa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khi không nhất trí, hãy ghi lý do để gửi cấp trên.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Đang hủy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <source>Lý luận chính trị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bồi dưỡng đảng viên mới</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bồi dưỡng nhận thức về Đảng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Khác</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập tên lớp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn loại lớp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lớp lý luận chính trị cần chọn trình độ (sơ cấp, trung cấp, cao cấp, cử nhân).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ngày kết thúc trước ngày khai giảng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lớp học</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lớp đã kết thúc; không thêm học viên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>đảng viên</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lớp đã kết thúc trước đó.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kết quả phải là đạt hoặc không đạt.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>Văn thư (nhập, sửa hồ sơ)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duyệt (báo cáo, biên bản, xuất)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kiểm tra (kỷ luật, đơn thư)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quản trị (người dùng, khóa, sao lưu)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không tìm thấy người dùng. Có thể tài khoản vừa bị xóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đăng nhập gồm 2–60 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ: vanthu.lan).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập họ và tên.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy chọn ít nhất một vai trò.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phải còn ít nhất một quản trị viên đang hoạt động. Hãy cấp quyền quản trị cho người khác trước.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tên đăng nhập “{login}” đã có. Hãy chọn tên khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Không thể tự ngừng tài khoản đang đăng nhập. Hãy nhờ quản trị viên khác.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tài khoản đã ngừng sử dụng. Hãy kích hoạt lại trước khi đặt mật khẩu.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>ngày/tháng/năm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hãy nhập một số nguyên, ví dụ 125.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gõ họ tên để tìm (không cần dấu)…</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>