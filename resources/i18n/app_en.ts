<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Sao lưu và phục hồi dữ liệu</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Sao lưu vào USB/thư mục khác…</source>
        <translation>Back up to USB/another folder…</translation>
    </message>
    <message>
        <source>Chọn thư mục sao lưu…</source>
        <translation>Choose backup folder…</translation>
    </message>
    <message>
        <source>Các bản sao lưu (mới nhất ở trên):</source>
        <translation>Backups (newest first):</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Chọn một bản sao lưu để xem những gì sẽ mất nếu phục hồi.</source>
        <translation>Select a backup to see what would be lost by restoring it.</translation>
    </message>
    <message>
        <source>Loại dữ liệu</source>
        <translation>Data type</translation>
    </message>
    <message>
        <source>Bản ghi mới sẽ mất</source>
        <translation>New records lost</translation>
    </message>
    <message>
        <source>Bản ghi đã sửa sẽ mất</source>
        <translation>Edited records lost</translation>
    </message>
    <message>
        <source>Đã xóa sẽ trở lại</source>
        <translation>Deleted records restored</translation>
    </message>
    <message>
        <source>Phục hồi bản đã chọn…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Thư mục sao lưu: {folder}</source>
        <translation>Backup folder: {folder}</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: {name}</source>
        <translation>Backed up and verified: {name}</translation>
    </message>
    <message>
        <source>Chọn USB hoặc thư mục để sao lưu</source>
        <translation>Choose a USB drive or folder for the backup</translation>
    </message>
    <message>
        <source>Chọn thư mục có bản sao lưu</source>
        <translation>Choose the folder that holds the backups</translation>
    </message>
    <message>
        <source>Bản sao lưu này bị hỏng hoặc không mở được; không thể phục hồi từ nó.</source>
        <translation>This backup is damaged or cannot be opened; it cannot be restored.</translation>
    </message>
    <message>
        <source>Bản sao lưu này giống hệt dữ liệu hiện tại.</source>
        <translation>This backup is identical to the current data.</translation>
    </message>
    <message>
        <source>Nếu phục hồi bản này, {lost} bản ghi nhập hoặc sửa sau lúc sao lưu sẽ mất:</source>
        <translation>Restoring this backup will lose {lost} records entered or edited after it was made:</translation>
    </message>
    <message>
        <source>Phục hồi dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>Dữ liệu hiện tại sẽ được sao lưu an toàn trước, rồi thay bằng bản sao lưu đã chọn. Chương trình sẽ mở lại cơ sở dữ liệu. Tiếp tục?</source>
        <translation>The current data will first be backed up safely, then replaced with the selected backup. The program will reopen the database. Continue?</translation>
    </message>
    <message>
        <source>Phục hồi</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã</source>
        <translation>Commune Party Office Handbook</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Còn {n} lần thử trước khi tài khoản bị khóa.</source>
        <translation>{n} attempts left before the account is locked.</translation>
    </message>
    <message>
        <source>Chờ {n} giây</source>
        <translation>Wait {n} seconds</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Mật khẩu cần ít nhất 8 ký tự. Một câu ngắn dễ nhớ (có thể có dấu tiếng Việt) an toàn hơn một từ khó nhớ.</source>
        <translation>The password needs at least 8 characters. A short, memorable sentence (Vietnamese accents allowed) is safer than a hard-to-remember word.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>Repeat new password:</translation>
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
        <source>Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại.</source>
        <translation>The two new passwords do not match. Please enter them again.</translation>
    </message>
    <message>
        <source>Mật khẩu cần ít nhất 8 ký tự.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Mật khẩu mới cho “{login}”. Người dùng sẽ phải đổi ở lần đăng nhập tới.</source>
        <translation>New password for “{login}”. The user must change it at the next sign-in.</translation>
    </message>
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
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Mã khôi phục</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Xong, đóng lại</source>
        <translation>Done, close</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePanel</name>
    <message>
        <source>Hãy chép mã dưới đây ra giấy (hoặc in), cất vào tủ hồ sơ mật. Khi quên mật khẩu hoặc mất tệp khóa, chỉ mã này mở được dữ liệu. Chương trình không lưu mã và sẽ không hiện lại.</source>
        <translation>Copy the code below onto paper (or print it) and keep it in the confidential records cabinet. If the password is forgotten or the key file is lost, only this code can open the data. The program does not store the code and will not show it again.</translation>
    </message>
    <message>
        <source>In mã khôi phục…</source>
        <translation>Print the recovery code…</translation>
    </message>
    <message>
        <source>Tôi đã chép (hoặc in) mã khôi phục và cất vào nơi an toàn.</source>
        <translation>I have copied (or printed) the recovery code and put it in a safe place.</translation>
    </message>
    <message>
        <source>MÃ KHÔI PHỤC DỮ LIỆU</source>
        <translation>DATA RECOVERY CODE</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã. Mã này mở được dữ liệu khi quên mật khẩu hoặc mất tệp khóa. Cất vào tủ hồ sơ mật; không chụp ảnh, không gửi qua mạng.</source>
        <translation>Commune Party Office Handbook. This code opens the data if the password is forgotten or the key file is lost. Keep it in the confidential records cabinet; do not photograph it or send it over the network.</translation>
    </message>
    <message>
        <source>Ngày in: {date}</source>
        <translation>Printed on: {date}</translation>
    </message>
    <message>
        <source>Người giữ mã (ký, ghi rõ họ tên):</source>
        <translation>Code holder (signature and full name):</translation>
    </message>
    <message>
        <source>Mã khôi phục</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>In mã khôi phục</source>
        <translation>Print recovery code</translation>
    </message>
    <message>
        <source>Ghi mã khôi phục ra tệp</source>
        <translation>Write the recovery code to a file</translation>
    </message>
    <message>
        <source>Tệp PDF chứa mã khôi phục KHÔNG được mã hóa: ai có tệp là mở được toàn bộ dữ liệu. Chỉ ghi vào USB riêng để in ở máy khác, in xong thì xóa tệp ngay. Nếu được, hãy chép mã ra giấy bằng tay thay vì ghi tệp.</source>
        <translation>The PDF file with the recovery code is NOT encrypted: anyone who has the file can open all the data. Only write it to a private USB stick to print on another computer, and delete the file as soon as it is printed. If you can, copy the code onto paper by hand instead of writing a file.</translation>
    </message>
    <message>
        <source>Chọn nơi ghi tệp…</source>
        <translation>Choose where to write the file…</translation>
    </message>
    <message>
        <source>Không ghi tệp</source>
        <translation>Do not write a file</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đã ghi mã khôi phục ra tệp {path}. In xong hãy xóa tệp này.</source>
        <translation>The recovery code was written to {path}. Delete this file once it is printed.</translation>
    </message>
    <message>
        <source>Đã gửi mã khôi phục tới máy in. Hãy kiểm tra tờ in đọc rõ từng ký tự.</source>
        <translation>The recovery code was sent to the printer. Check that every character on the printout is legible.</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Sửa người dùng</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Mật khẩu ban đầu:</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <source>Người dùng sẽ phải đổi mật khẩu này ở lần đăng nhập đầu tiên.</source>
        <translation>The user must change this password at the first sign-in.</translation>
    </message>
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
    <name>UsersDialog</name>
    <message>
        <source>Quản lý người dùng</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Sửa vai trò…</source>
        <translation>Edit role…</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bị khóa (sai mật khẩu)</source>
        <translation>Locked (wrong password)</translation>
    </message>
    <message>
        <source>Hoạt động ({n} lần nhập sai)</source>
        <translation>Active ({n} failed attempts)</translation>
    </message>
    <message>
        <source>Hoạt động (chờ đổi mật khẩu)</source>
        <translation>Active (password change pending)</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Dùng lại…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Vai trò mới của bạn có hiệu lực ngay khi đóng hộp Quản lý người dùng: cửa sổ chương trình sẽ mở lại với quyền mới, không cần đăng nhập lại.</source>
        <translation>Your new roles take effect as soon as you close Manage users: the program window opens again with them, without signing in again.</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới. Hãy báo cho người dùng trực tiếp, không gửi qua mạng.</source>
        <translation>New password set. Tell the user in person; do not send it over the network.</translation>
    </message>
    <message>
        <source>Đã mở khóa tài khoản.</source>
        <translation>Account unlocked.</translation>
    </message>
</context>
<context>
    <name>admission</name>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation>Outstanding candidate</translation>
    </message>
    <message>
        <source>Đã học lớp nhận thức về Đảng</source>
        <translation>Completed the Party awareness course</translation>
    </message>
    <message>
        <source>Đảng viên giúp đỡ</source>
        <translation>Sponsoring Party members</translation>
    </message>
    <message>
        <source>Đã thẩm tra lý lịch</source>
        <translation>Background verified</translation>
    </message>
    <message>
        <source>Chi bộ đã xét</source>
        <translation>Considered by the cell</translation>
    </message>
    <message>
        <source>Đã có quyết định kết nạp</source>
        <translation>Admission decision issued</translation>
    </message>
    <message>
        <source>Đã kết nạp</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Dừng xét</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>chi bộ</source>
        <translation>cell</translation>
    </message>
    <message>
        <source>Chi bộ đã sáp nhập hoặc giải thể; hãy chọn chi bộ khác.</source>
        <translation>The cell has been merged or dissolved; choose another cell.</translation>
    </message>
    <message>
        <source>Số CCCD này đã có trong danh sách quần chúng đang xét.</source>
        <translation>This ID card number is already on the list of candidates under consideration.</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc; sửa trong hồ sơ đảng viên.</source>
        <translation>The file is closed; edit it in the Party member&apos;s record.</translation>
    </message>
    <message>
        <source>quần chúng</source>
        <translation>candidate</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc.</source>
        <translation>The file is closed.</translation>
    </message>
    <message>
        <source>Chưa qua bước “{needed}”. Hãy hoàn thành các bước theo thứ tự.</source>
        <translation>Step “{needed}” is not done yet. Complete the steps in order.</translation>
    </message>
    <message>
        <source>Ngày {date} ở tương lai.</source>
        <translation>The date {date} is in the future.</translation>
    </message>
    <message>
        <source>Ngày kết thúc lớp trước ngày khai giảng.</source>
        <translation>The course end date is before its start date.</translation>
    </message>
    <message>
        <source>Hãy nhập số giấy chứng nhận học lớp nhận thức về Đảng.</source>
        <translation>Enter the Party awareness course certificate number.</translation>
    </message>
    <message>
        <source>Hãy phân công một hoặc hai đảng viên giúp đỡ.</source>
        <translation>Assign one or two sponsoring Party members.</translation>
    </message>
    <message>
        <source>đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Người giúp đỡ phải là đảng viên chính thức.</source>
        <translation>A sponsor must be a full Party member.</translation>
    </message>
    <message>
        <source>Nghị quyết chưa đạt: cần ít nhất {required}/{total} đảng viên chính thức tán thành (mới có {votes}).</source>
        <translation>Resolution not passed: at least {required}/{total} full members must approve (only {votes} so far).</translation>
    </message>
    <message>
        <source>Quần chúng chưa đủ 18 tuổi vào ngày chi bộ xét.</source>
        <translation>The candidate is under 18 on the date the cell considered the case.</translation>
    </message>
    <message>
        <source>Ngày quyết định trước ngày chi bộ xét.</source>
        <translation>The decision date is before the cell&apos;s consideration date.</translation>
    </message>
    <message>
        <source>Hãy nhập số quyết định kết nạp.</source>
        <translation>Enter the admission decision number.</translation>
    </message>
    <message>
        <source>Ngày vào Đoàn phải sau ngày sinh và không sau ngày kết nạp.</source>
        <translation>The Youth Union joining date must be after the birth date and not after the admission date.</translation>
    </message>
    <message>
        <source>Quần chúng là đoàn viên nhưng chưa có ngày vào Đoàn; hãy bổ sung trong hồ sơ đảng viên.</source>
        <translation>The candidate is a Youth Union member but has no Youth Union joining date; add it in the Party member&apos;s record.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do dừng xét.</source>
        <translation>Enter the reason for withdrawing.</translation>
    </message>
    <message>
        <source>Đã kết nạp; không thể dừng xét.</source>
        <translation>Already admitted; cannot be withdrawn.</translation>
    </message>
    <message>
        <source>Chỉ tiêu không hợp lệ: các chỉ tiêu thành phần không vượt chỉ tiêu chung.</source>
        <translation>Invalid targets: the sub-targets cannot exceed the overall target.</translation>
    </message>
</context>
<context>
    <name>admission_ui</name>
    <message>
        <source>Hãy nhập ngày, ví dụ 03/02/2026.</source>
        <translation>Enter a date, e.g. 03/02/2026.</translation>
    </message>
    <message>
        <source>Thêm quần chúng ưu tú</source>
        <translation>Add outstanding candidate</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Đoàn viên Thanh niên</source>
        <translation>Youth Union member</translation>
    </message>
    <message>
        <source>Họ:</source>
        <translation>Family name:</translation>
    </message>
    <message>
        <source>Tên đệm:</source>
        <translation>Middle name:</translation>
    </message>
    <message>
        <source>Tên:</source>
        <translation>Given name:</translation>
    </message>
    <message>
        <source>Giới tính:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Dân tộc:</source>
        <translation>Ethnicity:</translation>
    </message>
    <message>
        <source>Giáo dục phổ thông:</source>
        <translation>General education:</translation>
    </message>
    <message>
        <source>Chi bộ đề nghị:</source>
        <translation>Proposing cell:</translation>
    </message>
    <message>
        <source>Ngày chi bộ giới thiệu:</source>
        <translation>Cell referral date:</translation>
    </message>
    <message>
        <source>Hãy nhập tên.</source>
        <translation>Enter the given name.</translation>
    </message>
    <message>
        <source>{name}: {step}</source>
        <translation>{name}: {step}</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Ngày khai giảng:</source>
        <translation>Course start date:</translation>
    </message>
    <message>
        <source>Số giấy chứng nhận:</source>
        <translation>Certificate number:</translation>
    </message>
    <message>
        <source>Đảng viên giúp đỡ:</source>
        <translation>Sponsoring member:</translation>
    </message>
    <message>
        <source>Người thứ hai (nếu có):</source>
        <translation>Second sponsor (if any):</translation>
    </message>
    <message>
        <source>Số nghị quyết:</source>
        <translation>Resolution number:</translation>
    </message>
    <message>
        <source>Số đảng viên chính thức của chi bộ:</source>
        <translation>Full members in the cell:</translation>
    </message>
    <message>
        <source>Số tán thành:</source>
        <translation>Votes in favour:</translation>
    </message>
    <message>
        <source>Số quyết định kết nạp:</source>
        <translation>Admission decision number:</translation>
    </message>
    <message>
        <source>Hạn ra quyết định: {date} (60 ngày làm việc từ ngày chi bộ xét).</source>
        <translation>Decision deadline: {date} (60 working days from the cell&apos;s consideration).</translation>
    </message>
    <message>
        <source>để trống nếu chưa rõ</source>
        <translation>leave blank if unknown</translation>
    </message>
    <message>
        <source>Ngày vào Đoàn:</source>
        <translation>Youth Union joining date:</translation>
    </message>
    <message>
        <source>Hạn tổ chức kết nạp: {date} (30 ngày làm việc từ ngày có quyết định).</source>
        <translation>Admission ceremony deadline: {date} (30 working days from the decision).</translation>
    </message>
    <message>
        <source>Cần ít nhất {need}/{total} đảng viên chính thức tán thành.</source>
        <translation>At least {need}/{total} full members must approve.</translation>
    </message>
    <message>
        <source>Đã kết nạp</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Dừng xét: {name}</source>
        <translation>Withdraw: {name}</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Chỉ tiêu kết nạp năm {year}</source>
        <translation>Admission targets for {year}</translation>
    </message>
    <message>
        <source>Toàn Đảng bộ xã</source>
        <translation>Whole commune Party organisation</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Chỉ tiêu kết nạp:</source>
        <translation>Admission target:</translation>
    </message>
    <message>
        <source>Trong đó nữ:</source>
        <translation>Of which women:</translation>
    </message>
    <message>
        <source>Dân tộc thiểu số:</source>
        <translation>Ethnic minorities:</translation>
    </message>
    <message>
        <source>Đoàn viên thanh niên:</source>
        <translation>Youth Union members:</translation>
    </message>
    <message>
        <source>Hãy nhập chỉ tiêu.</source>
        <translation>Enter the target.</translation>
    </message>
    <message>
        <source>Hạn quyết định: {date}</source>
        <translation>Decision due: {date}</translation>
    </message>
    <message>
        <source>Hạn kết nạp: {date}</source>
        <translation>Admission due: {date}</translation>
    </message>
    <message>
        <source>Hạn: {date}</source>
        <translation>Due: {date}</translation>
    </message>
    <message>
        <source>⚠ TRỄ HẠN</source>
        <translation>⚠ OVERDUE</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Chi bộ xét</source>
        <translation>Cell review</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Kết nạp</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Trễ hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>trễ hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>{n} trễ hạn</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kết nạp / chỉ tiêu</source>
        <translation>Admitted / target</translation>
    </message>
    <message>
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minorities</translation>
    </message>
    <message>
        <source>Đoàn viên</source>
        <translation>Youth Union members</translation>
    </message>
    <message>
        <source>Thêm quần chúng… (Ctrl+N)</source>
        <translation>Add candidate… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bước tiếp theo…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <source>Dừng xét…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Đặt chỉ tiêu…</source>
        <translation>Set targets…</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Bảng tiến độ</source>
        <translation>Progress board</translation>
    </message>
    <message>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Kế hoạch kết nạp</source>
        <translation>Admission plan</translation>
    </message>
    <message>
        <source>Phát triển đảng viên</source>
        <translation>Party recruitment</translation>
    </message>
    <message>
        <source>Đang xét: {n} quần chúng; trễ hạn: {late}</source>
        <translation>Under consideration: {n} candidates; overdue: {late}</translation>
    </message>
    <message>
        <source>Kết nạp năm {year}: {ratio} — nữ {w}, dân tộc thiểu số {m}, đoàn viên {y}</source>
        <translation>Admitted in {year}: {ratio} — women {w}, ethnic minorities {m}, Youth Union {y}</translation>
    </message>
    <message>
        <source>Bước tiếp theo</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Hãy chọn một quần chúng.</source>
        <translation>Select a candidate.</translation>
    </message>
    <message>
        <source>Hồ sơ này đã kết thúc.</source>
        <translation>This file is closed.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Dữ liệu mẫu: tên đăng nhập {login}, mật khẩu {password}.</source>
        <translation>Demo data: username {login}, password {password}.</translation>
    </message>
    <message>
        <source>Mã hóa cơ sở dữ liệu</source>
        <translation>Encrypt database</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {name} chưa được mã hóa. Chương trình sẽ mã hóa nó (có bản sao kiểm tra trước) và tạo tài khoản quản trị. Tiếp tục?</source>
        <translation>The database {name} is not encrypted. The program will encrypt it (after a verified copy) and create an administrator account. Continue?</translation>
    </message>
    <message>
        <source>Mã hóa</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <source>Phục hồi</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Không tìm thấy bản sao lưu còn tốt trong thư mục {folder}.</source>
        <translation>No intact backup found in the folder {folder}.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng. Phục hồi từ bản sao lưu ngày {date}? Những gì nhập sau thời điểm đó sẽ phải nhập lại; tệp hỏng được giữ lại trong thư mục sao lưu.</source>
        <translation>The database is damaged. Restore from the backup of {date}? Anything entered after that time will have to be entered again; the damaged file is kept in the backup folder.</translation>
    </message>
    <message>
        <source>Phục hồi từ bản sao lưu</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {name} bị hỏng nên không mở bình thường được. Đừng chép đè lên nó.

Bạn có thể:
• phục hồi từ bản sao lưu còn tốt gần nhất (những gì nhập sau thời điểm đó sẽ phải nhập lại);
• mở chỉ để xem: xem và in những gì còn đọc được, không sửa hay thêm được gì;
• thoát, rồi nhờ người hỗ trợ kỹ thuật.</source>
        <translation>The database {name} is damaged and cannot be opened normally. Do not copy anything over it.

You can:
• restore from the latest intact backup (anything entered after that time will have to be entered again);
• open it read-only: view and print whatever can still be read, without editing or adding anything;
• quit, and ask technical support for help.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Phục hồi bản sao lưu</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Mở chỉ để xem</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Tệp hỏng quá nặng, không đọc được cả ở chế độ chỉ xem. Hãy phục hồi từ bản sao lưu, hoặc nhờ người hỗ trợ kỹ thuật.</source>
        <translation>The file is too badly damaged to read even in read-only mode. Restore from a backup, or ask technical support for help.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu lần đầu</source>
        <translation>Change password on first use</translation>
    </message>
    <message>
        <source>Đang tạo dữ liệu xã mẫu lần đầu…</source>
        <translation>Creating the demo commune data for the first time…</translation>
    </message>
    <message>
        <source>Tệp hỏng này chưa có thông tin đơn vị nên không có gì để xem.</source>
        <translation>This damaged file has no unit details yet, so there is nothing to view.</translation>
    </message>
    <message>
        <source>CHỈ XEM – dữ liệu bị hỏng</source>
        <translation>READ-ONLY – damaged data</translation>
    </message>
    <message>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Bản sao lưu (*.db)</source>
        <translation>Backups (*.db)</translation>
    </message>
    <message>
        <source>Bên cạnh bản sao lưu {name} không có tệp khóa {keys}. Hãy chép cả hai tệp vào cùng một thư mục rồi chọn lại.</source>
        <translation>There is no key file {keys} next to the backup {name}. Copy both files into the same folder and choose again.</translation>
    </message>
    <message>
        <source>Đã phục hồi. Hãy đăng nhập.</source>
        <translation>Restored. Please sign in.</translation>
    </message>
    <message>
        <source>Đã phục hồi. Hãy đăng nhập lại.</source>
        <translation>Restored. Please sign in again.</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã</source>
        <translation>Commune Party Office Handbook</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>Mật khẩu cần ít nhất {n} ký tự. Hãy chọn một câu dễ nhớ, khó đoán.</source>
        <translation>The password needs at least {n} characters. Choose a sentence that is easy to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Mật khẩu không được trùng tên đăng nhập. Hãy chọn mật khẩu khác.</source>
        <translation>The password must not be the same as the username. Choose another password.</translation>
    </message>
    <message>
        <source>Mã khôi phục gồm {n} ký tự (chữ và số, chia nhóm bằng dấu gạch). Hãy nhập lại đúng như trên tờ giấy đã in.</source>
        <translation>The recovery code has {n} characters (letters and digits, grouped with dashes). Enter it exactly as on the printed sheet.</translation>
    </message>
    <message>
        <source>Không tìm thấy thư viện mã hóa SQLCipher nên chương trình dừng lại để không ghi dữ liệu ở dạng không mã hóa. Hãy cài lại chương trình từ bộ cài chính thức.</source>
        <translation>The SQLCipher encryption library was not found, so the program stopped rather than write unencrypted data. Reinstall the program from the official installer.</translation>
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra bộ gõ tiếng Việt và phím Caps Lock rồi nhập lại.</source>
        <translation>Wrong username or password. Check the Vietnamese input method and Caps Lock, then try again.</translation>
    </message>
    <message>
        <source>Đã nhập sai nhiều lần. Hãy chờ {seconds} giây rồi thử lại.</source>
        <translation>Too many failed attempts. Wait {seconds} seconds and try again.</translation>
    </message>
    <message>
        <source>Tài khoản đã bị khóa vì nhập sai mật khẩu quá nhiều lần. Hãy nhờ quản trị viên mở khóa, hoặc dùng mã khôi phục.</source>
        <translation>The account is locked after too many wrong passwords. Ask an administrator to unlock it, or use the recovery code.</translation>
    </message>
    <message>
        <source>Tài khoản này đã ngừng sử dụng. Hãy liên hệ quản trị viên nếu cần dùng lại.</source>
        <translation>This account has been deactivated. Contact an administrator if you need it again.</translation>
    </message>
    <message>
        <source>Mã khôi phục không đúng với cơ sở dữ liệu này. Hãy kiểm tra lại tờ giấy đã in.</source>
        <translation>The recovery code does not match this database. Check the printed sheet again.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này chưa được mã hóa. Hãy mã hóa nó trước (quản trị viên: lệnh encrypt-db) rồi mở lại.</source>
        <translation>This database is not encrypted yet. Encrypt it first (administrator: the encrypt-db command), then open it again.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>sao lưu theo yêu cầu</source>
        <translation>on request</translation>
    </message>
    <message>
        <source>khi đóng chương trình</source>
        <translation>on closing the program</translation>
    </message>
    <message>
        <source>hằng ngày</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>trước khi nâng cấp</source>
        <translation>before upgrade</translation>
    </message>
    <message>
        <source>trước khi nhập dữ liệu</source>
        <translation>before import</translation>
    </message>
    <message>
        <source>trước khi phục hồi</source>
        <translation>before restore</translation>
    </message>
    <message>
        <source>bản chép tệp bị hỏng</source>
        <translation>copy of a damaged file</translation>
    </message>
    <message>
        <source>Không tạo được thư mục sao lưu {folder}. Hãy kiểm tra USB đã cắm và không bị khóa chống ghi, hoặc chọn thư mục khác.</source>
        <translation>Could not create the backup folder {folder}. Check that the USB drive is plugged in and not write-protected, or choose another folder.</translation>
    </message>
    <message>
        <source>Không đủ chỗ trống trong thư mục {folder} để ghi bản sao lưu {name}. Hãy xóa bớt tệp ở đó (hoặc chọn USB, thư mục khác) rồi sao lưu lại; dữ liệu không bị ảnh hưởng.</source>
        <translation>There is not enough free space in the folder {folder} to write the backup {name}. Delete some files there (or choose another USB stick or folder) and back up again; your data is not affected.</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Quá trình đảng viên</source>
        <translation>Party member history</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Bản, tổ dân phố</source>
        <translation>Villages and residential groups</translation>
    </message>
    <message>
        <source>Chi bộ – bản</source>
        <translation>Cell – village</translation>
    </message>
    <message>
        <source>Chức vụ trong chi bộ</source>
        <translation>Cell positions</translation>
    </message>
    <message>
        <source>Phân công phụ trách</source>
        <translation>Responsibility assignments</translation>
    </message>
    <message>
        <source>Buổi sinh hoạt</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Điểm danh</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Nội dung sinh hoạt</source>
        <translation>Meeting items</translation>
    </message>
    <message>
        <source>Biểu quyết</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Nhiệm vụ sau họp</source>
        <translation>Post-meeting tasks</translation>
    </message>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation>Outstanding candidate</translation>
    </message>
    <message>
        <source>Kế hoạch kết nạp</source>
        <translation>Admission plan</translation>
    </message>
    <message>
        <source>Xếp loại</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Đợt xếp loại</source>
        <translation>Rating rounds</translation>
    </message>
    <message>
        <source>Kiểm tra, giám sát</source>
        <translation>Inspection and supervision</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Đơn thư</source>
        <translation>Petitions and complaints</translation>
    </message>
    <message>
        <source>Lớp bồi dưỡng</source>
        <translation>Training courses</translation>
    </message>
    <message>
        <source>Học viên</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Báo cáo đã chốt</source>
        <translation>Finalised reports</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Nhật ký thao tác</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Cấp trên</source>
        <translation>Higher level</translation>
    </message>
    <message>
        <source>Quy định</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Thông tin cài đặt</source>
        <translation>Installation settings</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy. Hãy xóa bớt tệp không cần rồi mở lại chương trình.</source>
        <translation>The disk holding the data folder {folder} is full. Delete files you do not need, then start the program again.</translation>
    </message>
    <message>
        <source>Không ghi được vào thư mục dữ liệu {folder} (chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác bằng biến DUX_DATA_DIR hoặc nhờ cán bộ tin học cấp quyền ghi.</source>
        <translation>Cannot write to the data folder {folder} (read-only or no permission). Choose another folder with DUX_DATA_DIR or ask IT staff for write permission.</translation>
    </message>
    <message>
        <source>Không tạo được thư mục dữ liệu {folder}. Hãy kiểm tra đường dẫn (biến DUX_DATA_DIR) hoặc chọn thư mục khác.</source>
        <translation>Cannot create the data folder {folder}. Check the path (DUX_DATA_DIR) or choose another folder.</translation>
    </message>
    <message>
        <source>Không tìm thấy {path}. Hãy kiểm tra lại đường dẫn.</source>
        <translation>{path} not found. Check the path.</translation>
    </message>
    <message>
        <source>Đường dẫn {path} không đúng: một phần của nó không phải thư mục.</source>
        <translation>The path {path} is wrong: part of it is not a folder.</translation>
    </message>
    <message>
        <source>{path} là một thư mục; hãy ghi tên tệp.</source>
        <translation>{path} is a folder; give a file name.</translation>
    </message>
    <message>
        <source>Không có quyền đọc hoặc ghi {path}.</source>
        <translation>No permission to read or write {path}.</translation>
    </message>
    <message>
        <source>Không ghi được {path}: ổ đĩa chỉ cho đọc.</source>
        <translation>Cannot write {path}: the disk is read-only.</translation>
    </message>
    <message>
        <source>Ổ đĩa đã đầy, không ghi được {path}. Hãy xóa bớt tệp rồi làm lại.</source>
        <translation>The disk is full; {path} could not be written. Delete some files and try again.</translation>
    </message>
    <message>
        <source>Không đọc hoặc ghi được {path} (lỗi hệ thống {code}). Hãy kiểm tra ổ đĩa và đường dẫn.</source>
        <translation>Cannot read or write {path} (system error {code}). Check the disk and the path.</translation>
    </message>
    <message>
        <source>Số đảng viên của xã mẫu phải từ {low} đến {high} (đã ghi --members {given}).</source>
        <translation>The demo commune needs {low} to {high} members (given: --members {given}).</translation>
    </message>
    <message>
        <source>Không có thư mục {folder}. Hãy tạo thư mục trước hoặc chọn nơi ghi khác.</source>
        <translation>There is no folder {folder}. Create it first or choose another place.</translation>
    </message>
    <message>
        <source>Tệp {path} đã có. Hãy chọn tên khác hoặc xóa tệp cũ.</source>
        <translation>The file {path} already exists. Choose another name or delete the old file.</translation>
    </message>
    <message>
        <source>Đã tạo xã mẫu {name}: {cells} chi bộ, {members} đảng viên → {path}</source>
        <translation>Created demo commune {name}: {cells} cells, {members} Party members → {path}</translation>
    </message>
    <message>
        <source>Đăng nhập: admin / demo2026 (chỉ dùng cho dữ liệu mẫu).</source>
        <translation>Sign in: admin / demo2026 (demo data only).</translation>
    </message>
    <message>
        <source>Tháng “{month}” không đúng. Hãy ghi --month NĂM-THÁNG, ví dụ --month 2026-03.</source>
        <translation>The month “{month}” is not valid. Write --month YEAR-MONTH, e.g. --month 2026-03.</translation>
    </message>
    <message>
        <source>Hãy cho biết tệp PDF cần ghi (--out TỆP.pdf).</source>
        <translation>Give the PDF file to write (--out FILE.pdf).</translation>
    </message>
    <message>
        <source>Biên bản trống cần --cell TÊN_CHI_BỘ và --month NĂM-THÁNG.</source>
        <translation>A blank minutes form needs --cell CELL_NAME and --month YEAR-MONTH.</translation>
    </message>
    <message>
        <source>Buổi sinh hoạt không có nội dung số {item}. Các nội dung: {items}.</source>
        <translation>The meeting has no agenda item {item}. Its items: {items}.</translation>
    </message>
    <message>
        <source>Hãy cho biết mã buổi sinh hoạt (xem bằng --list) hoặc dùng --blank.</source>
        <translation>Give the meeting id (see --list) or use --blank.</translation>
    </message>
    <message>
        <source>Đã ghi {path}</source>
        <translation>Written {path}</translation>
    </message>
    <message>
        <source>Tệp ra phải có đuôi .pdf hoặc .xlsx.</source>
        <translation>The output file must end in .pdf or .xlsx.</translation>
    </message>
    <message>
        <source>Đã ghi {path} ({n} đảng viên)</source>
        <translation>Written {path} ({n} Party members)</translation>
    </message>
    <message>
        <source>Không đọc được tệp ánh xạ cột {path}.</source>
        <translation>Could not read the column mapping file {path}.</translation>
    </message>
    <message>
        <source>Dòng {row} ({name}): LỖI: {errors}</source>
        <translation>Row {row} ({name}): ERROR: {errors}</translation>
    </message>
    <message>
        <source>Dòng {row} ({name}): lưu ý: {warnings}</source>
        <translation>Row {row} ({name}): note: {warnings}</translation>
    </message>
    <message>
        <source>{total} dòng: {ok} hợp lệ, {bad} có lỗi.</source>
        <translation>{total} rows: {ok} valid, {bad} with errors.</translation>
    </message>
    <message>
        <source>Chạy thử (--dry-run): chưa nhập gì.</source>
        <translation>Dry run (--dry-run): nothing imported.</translation>
    </message>
    <message>
        <source>Không nhập gì vì có dòng lỗi. Sửa tệp, hoặc thêm --only-valid để chỉ nhập các dòng hợp lệ.</source>
        <translation>Nothing imported because some rows have errors. Fix the file, or add --only-valid to import only the valid rows.</translation>
    </message>
    <message>
        <source>Không có dòng hợp lệ nào nên không nhập gì (và không sao lưu). Hãy sửa tệp rồi thử lại.</source>
        <translation>No row is valid, so nothing was imported (and no backup was taken). Correct the file and try again.</translation>
    </message>
    <message>
        <source>Đã sao lưu trước khi nhập: {path}</source>
        <translation>Backed up before import: {path}</translation>
    </message>
    <message>
        <source>Đã nhập {n} đảng viên.</source>
        <translation>Imported {n} Party members.</translation>
    </message>
    <message>
        <source>Không đọc được nội dung báo cáo từ {path}. Tệp phải là JSON với các mục results, shortcomings, tasks, signer (và number nếu cần).</source>
        <translation>Cannot read the report text from {path}. The file must be JSON with the entries results, shortcomings, tasks, signer (and number if needed).</translation>
    </message>
    <message>
        <source>Số báo cáo (number) phải là số nguyên, ví dụ 5.</source>
        <translation>The report number (number) must be a whole number, e.g. 5.</translation>
    </message>
    <message>
        <source>Không có chỉ tiêu “{key}”. Các chỉ tiêu: {keys}</source>
        <translation>There is no indicator “{key}”. Indicators: {keys}</translation>
    </message>
    <message>
        <source>Ngày ký {date} chưa đến. Hãy ghi ngày ký thật (--date).</source>
        <translation>The signing date {date} has not come yet. Give the real signing date (--date).</translation>
    </message>
    <message>
        <source>Đã lưu nội dung báo cáo {period} (bản nháp).</source>
        <translation>Saved the text of the report {period} (draft).</translation>
    </message>
    <message>
        <source>Đã chốt báo cáo {period}, số {number}.</source>
        <translation>Finalised the report {period}, number {number}.</translation>
    </message>
    <message>
        <source>Báo cáo chưa chốt: bản in ghi DỰ THẢO.</source>
        <translation>The report is not finalised: the printout says DRAFT (DỰ THẢO).</translation>
    </message>
    <message>
        <source>Lưu ý: số liệu đã thay đổi sau khi chốt ({n} chỉ tiêu).</source>
        <translation>Note: the figures changed after finalising ({n} indicators).</translation>
    </message>
    <message>
        <source>Đảng viên {member} chưa có lần chuyển sinh hoạt đi nào. Hãy ghi việc chuyển đi trước.</source>
        <translation>Member {member} has no transfer out. Record the transfer first.</translation>
    </message>
    <message>
        <source>Chưa có đợt xếp loại năm {year}. Hãy mở đợt xếp loại trước.</source>
        <translation>There is no rating round for {year}. Open the rating round first.</translation>
    </message>
    <message>
        <source>Hãy cho biết --candidate MÃ_QUẦN_CHÚNG hoặc --member MÃ_ĐẢNG_VIÊN.</source>
        <translation>Give --candidate CANDIDATE_ID or --member MEMBER_ID.</translation>
    </message>
    <message>
        <source>Đảng viên này không thuộc chi bộ nào.</source>
        <translation>This member belongs to no cell.</translation>
    </message>
    <message>
        <source>Không đọc được văn bản từ {path}. Tệp phải là JSON có kind (cong-van hoặc giay-moi), subject, body và tùy chọn to, recipients, signer, number, on, guest, time, place.</source>
        <translation>Cannot read the document from {path}. The file must be JSON with kind (cong-van or giay-moi), subject, body and optionally to, recipients, signer, number, on, guest, time, place.</translation>
    </message>
    <message>
        <source>Chưa có số hoặc người ký: bản in ghi DỰ THẢO.</source>
        <translation>No number or signer yet: the printout says DRAFT (DỰ THẢO).</translation>
    </message>
    <message>
        <source>Nhật ký kiểm toán: {n} mục, chuỗi nguyên vẹn.</source>
        <translation>Audit log: {n} entries, chain intact.</translation>
    </message>
    <message>
        <source>Nhật ký kiểm toán: {n} mục; mắt xích hỏng đầu tiên: mục #{id} ({reason}).</source>
        <translation>Audit log: {n} entries; first broken link: entry #{id} ({reason}).</translation>
    </message>
    <message>
        <source>Hãy đặt mật khẩu quản trị mới vào biến môi trường DUX_PASSWORD.</source>
        <translation>Put the new administrator password in the DUX_PASSWORD environment variable.</translation>
    </message>
    <message>
        <source>Đã mã hóa {path}: {tables} bảng, {rows} dòng.</source>
        <translation>Encrypted {path}: {tables} tables, {rows} rows.</translation>
    </message>
    <message>
        <source>Mã khôi phục (in ra giấy, cất nơi an toàn; chỉ hiện một lần): {code}</source>
        <translation>Recovery code (print it on paper, keep it somewhere safe; shown only once): {code}</translation>
    </message>
    <message>
        <source>Hãy đặt mật khẩu của quản trị viên đầu tiên vào biến môi trường DUX_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu.</source>
        <translation>Put the first administrator&apos;s password in the DUX_PASSWORD environment variable, or run the command in a terminal to type the password.</translation>
    </message>
    <message>
        <source>Mật khẩu (ít nhất 8 ký tự): </source>
        <translation>Password (at least 8 characters): </translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu: </source>
        <translation>Repeat the password: </translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau. Chưa tạo gì; hãy chạy lại.</source>
        <translation>The two passwords do not match. Nothing was created; run the command again.</translation>
    </message>
    <message>
        <source>Hãy cho biết tỉnh (--province &quot;Sơn La&quot;) hoặc cấp trên (--upper &quot;Tỉnh ủy Sơn La&quot;).</source>
        <translation>Give the province (--province &quot;Sơn La&quot;) or the upper level (--upper &quot;Tỉnh ủy Sơn La&quot;).</translation>
    </message>
    <message>
        <source>Đã tạo cơ sở dữ liệu thật ({level}) của {unit} → {path}</source>
        <translation>Created the real database ({level}) of {unit} → {path}</translation>
    </message>
    <message>
        <source>Quản trị viên đầu tiên: {login} (vai trò: {roles}).</source>
        <translation>First administrator: {login} (roles: {roles}).</translation>
    </message>
    <message>
        <source>Cấp trên: {upper}</source>
        <translation>Upper level: {upper}</translation>
    </message>
    <message>
        <source>Cấp trên: không có (đơn vị không gửi dữ liệu lên).</source>
        <translation>Upper level: none (this unit sends its data to nobody).</translation>
    </message>
    <message>
        <source>MÃ KHÔI PHỤC (chỉ hiện một lần; chép ra giấy, cất vào tủ hồ sơ mật; không lưu vào máy): {code}</source>
        <translation>RECOVERY CODE (shown once; copy it onto paper and keep it in the confidential files; do not store it on the computer): {code}</translation>
    </message>
    <message>
        <source>Đã ghi gói số {sequence} ({records} bản ghi{full}) → {path}</source>
        <translation>Written package no. {sequence} ({records} records{full}) → {path}</translation>
    </message>
    <message>
        <source>Không có gói dữ liệu nào ({ext}) trong thư mục đã chọn.</source>
        <translation>There is no data package ({ext}) in the chosen folder.</translation>
    </message>
    <message>
        <source>Chưa có đơn vị cấp dưới nào đăng ký.</source>
        <translation>No lower-level unit has enrolled yet.</translation>
    </message>
    <message>
        <source>Đã ghi xác nhận cho {name} → {path}</source>
        <translation>Written acknowledgement for {name} → {path}</translation>
    </message>
    <message>
        <source>--replace-keys cần --issue THƯ_MỤC để ghi ngay tệp đăng ký mang khóa mới.</source>
        <translation>--replace-keys needs --issue FOLDER to write the enrolment file with the new key straight away.</translation>
    </message>
    <message>
        <source>--issue cần --role: upper nếu đơn vị này là cấp trên nhận dữ liệu, commune nếu là đơn vị cấp dưới gửi dữ liệu.</source>
        <translation>--issue needs --role: upper if this unit is the upper level receiving data, commune if it is a lower unit sending data.</translation>
    </message>
    <message>
        <source>Đã thay khóa. Gói ký bằng khóa cũ sẽ bị từ chối; gói gửi tiếp theo là gói đầy đủ. Mã đối chiếu mới: {fp}</source>
        <translation>Key replaced. Packages signed with the old key will be refused; the next package sent is a full package. New verification code: {fp}</translation>
    </message>
    <message>
        <source>Đã ghi tệp đăng ký {path}</source>
        <translation>Written enrolment file {path}</translation>
    </message>
    <message>
        <source>Mã đối chiếu (đọc qua điện thoại): {fp}</source>
        <translation>Verification code (read it out over the phone): {fp}</translation>
    </message>
    <message>
        <source>Đơn vị: {name}; mã đối chiếu: {fp}</source>
        <translation>Unit: {name}; verification code: {fp}</translation>
    </message>
    <message>
        <source>Chưa đăng ký: hãy đối chiếu mã với đơn vị kia rồi chạy lại với --fingerprint &quot;…&quot;.</source>
        <translation>Not enrolled: compare the code with the other unit, then run again with --fingerprint &quot;…&quot;.</translation>
    </message>
    <message>
        <source>Chưa thay khóa. Sau khi đã gọi điện xác nhận với đơn vị đó, chạy lại với --replace.</source>
        <translation>The keys were not replaced. After confirming by phone with that unit, run again with --replace.</translation>
    </message>
    <message>
        <source>Đã thay khóa của {name} (đã ghi nhật ký).</source>
        <translation>Replaced the keys of {name} (recorded in the audit log).</translation>
    </message>
    <message>
        <source>Đã đăng ký {name}.</source>
        <translation>Enrolled {name}.</translation>
    </message>
    <message>
        <source>Hãy dùng --issue THƯ_MỤC (cấp tệp đăng ký) hoặc --accept TỆP (nhận tệp đăng ký).</source>
        <translation>Use --issue FOLDER (issue an enrolment file) or --accept FILE (accept an enrolment file).</translation>
    </message>
    <message>
        <source>Đã ghi {path} ({n} đơn vị)</source>
        <translation>Written {path} ({n} units)</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: {path} ({size} KB)</source>
        <translation>Backed up and verified: {path} ({size} KB)</translation>
    </message>
    <message>
        <source>Chưa có cơ sở dữ liệu ở {path}: bản sao lưu sẽ được chép vào đó.</source>
        <translation>There is no database at {path} yet: the backup will be copied there.</translation>
    </message>
    <message>
        <source>Bản sao lưu giống hệt dữ liệu hiện tại.</source>
        <translation>The backup is identical to the current data.</translation>
    </message>
    <message>
        <source>{table}: mất {added} bản ghi mới, {changed} bản ghi đã sửa; {removed} bản ghi đã xóa sẽ trở lại</source>
        <translation>{table}: {added} new records and {changed} edited records lost; {removed} deleted records come back</translation>
    </message>
    <message>
        <source>Chỉ xem trước. Thêm --yes để phục hồi thật (có sao lưu an toàn trước).</source>
        <translation>Preview only. Add --yes to restore for real (a safety backup is made first).</translation>
    </message>
    <message>
        <source>Bản sao an toàn của dữ liệu cũ: {path}</source>
        <translation>Safety copy of the old data: {path}</translation>
    </message>
    <message>
        <source>Đã phục hồi {path}.</source>
        <translation>Restored {path}.</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã. Không có lệnh: mở cửa sổ chương trình.</source>
        <translation>Commune Party Office Handbook. Without a command: opens the program window.</translation>
    </message>
    <message>
        <source>tệp cơ sở dữ liệu (mặc định: dữ liệu thật của đơn vị; lần đầu chạy: hỏi tạo mới, phục hồi hay mở dữ liệu mẫu)</source>
        <translation>database file (default: the unit&apos;s real database; on the first start: asks whether to create it, restore it or open the demo)</translation>
    </message>
    <message>
        <source>mở thẳng dữ liệu mẫu (tệp riêng, cho người phát triển và để tập)</source>
        <translation>open the demo data directly (its own file, for developers and practice)</translation>
    </message>
    <message>
        <source>lệnh</source>
        <translation>command</translation>
    </message>
    <message>
        <source>tạo cơ sở dữ liệu xã mẫu</source>
        <translation>create the demo commune database</translation>
    </message>
    <message>
        <source>tạo cơ sở dữ liệu thật của đơn vị (xã, tỉnh hoặc huyện), không cần cửa sổ</source>
        <translation>create the unit&apos;s real database (commune, province or district) without the window</translation>
    </message>
    <message>
        <source>Tạo cơ sở dữ liệu thật (không phải dữ liệu mẫu) như bước thiết lập ban đầu của cửa sổ. Mật khẩu quản trị viên đầu tiên lấy từ DUX_PASSWORD, hoặc được hỏi hai lần. Mã khôi phục in ra một lần.</source>
        <translation>Create a real database (not demo data) like the window&apos;s first-start setup. The first administrator&apos;s password comes from DUX_PASSWORD, or is asked twice. The recovery code is printed once.</translation>
    </message>
    <message>
        <source>commune: xã gửi dữ liệu lên; upper: cấp trên nhận dữ liệu</source>
        <translation>commune: a commune that sends its data up; upper: the upper level that receives it</translation>
    </message>
    <message>
        <source>cấp trên là tỉnh (mặc định) hay huyện (dữ liệu trước 1/7/2025)</source>
        <translation>the upper level is a province (default) or a district (data before 1/7/2025)</translation>
    </message>
    <message>
        <source>tên đảng bộ, ví dụ &quot;Đảng bộ xã Mường Lèo&quot;</source>
        <translation>the Party organisation&apos;s name, e.g. &quot;Đảng bộ xã Mường Lèo&quot;</translation>
    </message>
    <message>
        <source>tên cấp ủy, ví dụ &quot;Đảng ủy xã Mường Lèo&quot;</source>
        <translation>the committee&apos;s name, e.g. &quot;Đảng ủy xã Mường Lèo&quot;</translation>
    </message>
    <message>
        <source>ký hiệu văn bản (ĐU, TU, HU)</source>
        <translation>document symbol (ĐU, TU, HU)</translation>
    </message>
    <message>
        <source>địa danh ghi ngày tháng</source>
        <translation>place name for dating documents</translation>
    </message>
    <message>
        <source>tỉnh</source>
        <translation>province</translation>
    </message>
    <message>
        <source>cấp ủy cấp trên (xã: mặc định Tỉnh ủy của tỉnh; tỉnh: mặc định không gửi lên đâu)</source>
        <translation>the upper committee (commune: the provincial committee by default; province: sends to nobody by default)</translation>
    </message>
    <message>
        <source>dòng tiêu đề văn bản của cấp trên</source>
        <translation>the upper level&apos;s document heading line</translation>
    </message>
    <message>
        <source>tên đăng nhập (mặc định quantri)</source>
        <translation>login name (default quantri)</translation>
    </message>
    <message>
        <source>họ và tên quản trị viên</source>
        <translation>the administrator&apos;s full name</translation>
    </message>
    <message>
        <source>tự kiểm tra (không cần màn hình)</source>
        <translation>self-test (no display needed)</translation>
    </message>
    <message>
        <source>liệt kê buổi sinh hoạt, in biên bản PDF</source>
        <translation>list meetings, print minutes as PDF</translation>
    </message>
    <message>
        <source>in sổ danh sách đảng viên (PDF hoặc XLSX)</source>
        <translation>print the Party member register (PDF or XLSX)</translation>
    </message>
    <message>
        <source>in danh sách thu đảng phí của chi bộ (PDF hoặc XLSX)</source>
        <translation>print a cell&apos;s dues collection sheet (PDF or XLSX)</translation>
    </message>
    <message>
        <source>nhập danh sách đảng viên từ Excel</source>
        <translation>import Party members from Excel</translation>
    </message>
    <message>
        <source>báo cáo định kỳ (PDF hoặc XLSX), giải thích chỉ tiêu</source>
        <translation>periodic report (PDF or XLSX), explain an indicator</translation>
    </message>
    <message>
        <source>ghi gói dữ liệu gửi cấp trên ra USB</source>
        <translation>write a data package for the higher level to USB</translation>
    </message>
    <message>
        <source>nhập gói dữ liệu của cấp dưới</source>
        <translation>import a data package from a lower level</translation>
    </message>
    <message>
        <source>Nhập các gói dữ liệu; một thư mục (ví dụ chính USB) là mọi gói trong đó, cũ trước mới sau. Dòng cuối: SUMMARY applied=… replayed=… held=… refused=… previewed=… records=…. Mã thoát: 0 đã nhập (hoặc xem trước); 3 không có gì mới (đã nhập trước đây hoặc đang giữ chờ gói thiếu); 1 có gói bị từ chối; 2 sai cách dùng.</source>
        <translation>Import data packages; a folder (e.g. the USB stick itself) means every package in it, oldest first. Last line: SUMMARY applied=… replayed=… held=… refused=… previewed=… records=…. Exit status: 0 imported (or previewed); 3 nothing new (already imported, or held waiting for a missing package); 1 a package was refused; 2 wrong usage.</translation>
    </message>
    <message>
        <source>ghi (hoặc nhận) gói xác nhận, đề nghị sửa</source>
        <translation>write (or receive) an acknowledgement package with correction requests</translation>
    </message>
    <message>
        <source>chỉ cho một đơn vị (mã hoặc tên)</source>
        <translation>only for one unit (code or name)</translation>
    </message>
    <message>
        <source>nhận gói xác nhận của cấp trên</source>
        <translation>receive the higher level&apos;s acknowledgement package</translation>
    </message>
    <message>
        <source>đăng ký khóa với cấp trên / cấp dưới bằng tệp</source>
        <translation>enrol keys with the higher / lower level through a file</translation>
    </message>
    <message>
        <source>bắt buộc với --issue: vai trò của đơn vị mình (upper: cấp trên nhận; commune: gửi lên)</source>
        <translation>required with --issue: this unit&apos;s role (upper: receives; commune: sends up)</translation>
    </message>
    <message>
        <source>xác nhận thay khóa của một đơn vị đã đăng ký bằng khóa trong tệp --accept (chỉ khi đã gọi điện xác nhận)</source>
        <translation>confirm replacing an enrolled unit&apos;s keys with the keys in the --accept file (only after confirming by phone)</translation>
    </message>
    <message>
        <source>thay khóa của đơn vị mình (mất máy, nghi lộ khóa) rồi ghi tệp đăng ký mới vào --issue THƯ_MỤC; đơn vị kia phải đăng ký lại tệp đó</source>
        <translation>replace our unit&apos;s key (lost computer, suspected key leak), then write a new enrolment file to --issue FOLDER; the other unit must enrol that file again</translation>
    </message>
    <message>
        <source>báo cáo tổng hợp các đơn vị cấp dưới</source>
        <translation>consolidated report of the lower-level units</translation>
    </message>
    <message>
        <source>giấy giới thiệu sinh hoạt đảng của đảng viên chuyển đi</source>
        <translation>Party transfer letter of a member transferred out</translation>
    </message>
    <message>
        <source>danh sách kết quả xếp loại chất lượng của năm</source>
        <translation>list of the year&apos;s quality rating results</translation>
    </message>
    <message>
        <source>danh sách đề nghị tặng Huy hiệu Đảng đợt tới</source>
        <translation>list of members proposed for the Party badge at the next presentation</translation>
    </message>
    <message>
        <source>nghị quyết chi bộ, dự thảo quyết định kết nạp hoặc công nhận chính thức</source>
        <translation>cell resolution, draft decision on admission or official recognition</translation>
    </message>
    <message>
        <source>công văn hoặc giấy mời từ tệp JSON</source>
        <translation>official letter or meeting invitation from a JSON file</translation>
    </message>
    <message>
        <source>kiểm tra chuỗi nhật ký kiểm toán</source>
        <translation>check the audit log chain</translation>
    </message>
    <message>
        <source>mã hóa một cơ sở dữ liệu cũ chưa mã hóa</source>
        <translation>encrypt an old unencrypted database</translation>
    </message>
    <message>
        <source>sao lưu cơ sở dữ liệu (đã kiểm tra)</source>
        <translation>back up the database (verified)</translation>
    </message>
    <message>
        <source>thư mục đích, ví dụ USB</source>
        <translation>destination folder, e.g. USB</translation>
    </message>
    <message>
        <source>giữ N bản mới nhất</source>
        <translation>keep the N newest copies</translation>
    </message>
    <message>
        <source>phục hồi từ bản sao lưu (xem trước, --yes để làm)</source>
        <translation>restore from a backup (preview; --yes to do it)</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Đảng viên đang sinh hoạt</source>
        <translation>Active Party members</translation>
    </message>
    <message>
        <source>Đảng viên chính thức</source>
        <translation>Full members</translation>
    </message>
    <message>
        <source>Đảng viên dự bị</source>
        <translation>Probationary members</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation>Exempt from meetings</translation>
    </message>
    <message>
        <source>Đi làm ăn xa, vắng mặt</source>
        <translation>Working away, absent</translation>
    </message>
    <message>
        <source>Chi bộ đang hoạt động</source>
        <translation>Active cells</translation>
    </message>
    <message>
        <source>Kết nạp năm {year} / kế hoạch</source>
        <translation>Admitted in {year} / plan</translation>
    </message>
    <message>
        <source>Chi bộ chưa sinh hoạt tháng {month}</source>
        <translation>Cells without a meeting in month {month}</translation>
    </message>
    <message>
        <source> (đã có kế hoạch)</source>
        <translation> (planned)</translation>
    </message>
    <message>
        <source>Quá hạn xét công nhận chính thức</source>
        <translation>Overdue for full membership review</translation>
    </message>
    <message>
        <source>{name} — {cell} — hết hạn dự bị {due}, quá {days} ngày</source>
        <translation>{name} — {cell} — probation ended {due}, {days} days overdue</translation>
    </message>
    <message>
        <source>Đảng phí đã thu năm {year}</source>
        <translation>Party dues collected in {year}</translation>
    </message>
    <message>
        <source>Phải thu: {v}</source>
        <translation>Due: {v}</translation>
    </message>
    <message>
        <source>Đã thu: {v}</source>
        <translation>Collected: {v}</translation>
    </message>
    <message>
        <source>Trích giữ lại: {v}</source>
        <translation>Retained: {v}</translation>
    </message>
    <message>
        <source>Nộp cấp trên: {v}</source>
        <translation>Remitted upward: {v}</translation>
    </message>
    <message>
        <source>Chưa rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Dân tộc khác</source>
        <translation>Other ethnic groups</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Tổ chức và sinh hoạt</source>
        <translation>Organisation and meetings</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Số đảng viên qua các năm</source>
        <translation>Party members over the years</translation>
    </message>
    <message>
        <source>Tháp tuổi đảng viên</source>
        <translation>Party member age pyramid</translation>
    </message>
    <message>
        <source>Cơ cấu dân tộc</source>
        <translation>Ethnic composition</translation>
    </message>
    <message>
        <source>Tỷ lệ dự sinh hoạt năm nay, các chi bộ thấp nhất (%)</source>
        <translation>Meeting attendance this year, lowest cells (%)</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Trực thuộc: {upper}</source>
        <translation>Reports to: {upper}</translation>
    </message>
    <message>
        <source>Bấm để xem danh sách</source>
        <translation>Click to see the list</translation>
    </message>
    <message>
        <source>Đảng viên cuối năm</source>
        <translation>Members at year end</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Có mặt (%)</source>
        <translation>Present (%)</translation>
    </message>
    <message>
        <source>(chưa có buổi sinh hoạt)</source>
        <translation>(no meetings yet)</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>Ngày “{text}” không đúng dạng. Hãy gõ ngày/tháng/năm, ví dụ 03/02/2026.</source>
        <translation>The date “{text}” is not in the right format. Type day/month/year, e.g. 03/02/2026.</translation>
    </message>
    <message>
        <source>Ngày “{text}” không có trong lịch. Hãy kiểm tra lại ngày và tháng.</source>
        <translation>The date “{text}” does not exist in the calendar. Check the day and month.</translation>
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
        <translation>Salaried</translation>
    </message>
    <message>
        <source>Hưởng lương hưu</source>
        <translation>Pensioners</translation>
    </message>
    <message>
        <source>Học sinh, sinh viên</source>
        <translation>Pupils and students</translation>
    </message>
    <message>
        <source>Nông dân và đảng viên khác</source>
        <translation>Farmers and other members</translation>
    </message>
    <message>
        <source>Nộp tiền mặt tại chi bộ</source>
        <translation>Cash at the cell</translation>
    </message>
    <message>
        <source>Cổng dịch vụ công quốc gia</source>
        <translation>National Public Service Portal</translation>
    </message>
    <message>
        <source>Tháng ghi dạng năm-tháng, ví dụ 2026-03.</source>
        <translation>Write the month as year-month, e.g. 2026-03.</translation>
    </message>
    <message>
        <source>Hãy nhập một mức: số tiền cố định hoặc phần trăm.</source>
        <translation>Enter one rate: a fixed amount or a percentage.</translation>
    </message>
    <message>
        <source>Mức đảng phí không hợp lý; hãy kiểm tra lại.</source>
        <translation>The dues rate is not plausible; please check it.</translation>
    </message>
    <message>
        <source>chi bộ</source>
        <translation>cell</translation>
    </message>
    <message>
        <source>Không sinh hoạt ở chi bộ này trong tháng.</source>
        <translation>Not attending meetings in this cell this month.</translation>
    </message>
    <message>
        <source>{name}: chưa có mức đảng phí cho nhóm này; hãy nhập số phải nộp (hoặc khai mức trong Cấu hình).</source>
        <translation>{name}: no dues rate for this group yet; enter the amount due (or set the rate in Settings).</translation>
    </message>
    <message>
        <source>{name}: số tiền không hợp lý.</source>
        <translation>{name}: the amount is not plausible.</translation>
    </message>
    <message>
        <source>Hãy chọn hình thức nộp.</source>
        <translation>Choose the payment method.</translation>
    </message>
    <message>
        <source>Chưa khai mức đảng phí cho: {groups}. Hãy nhập trong Cấu hình → Đảng phí.</source>
        <translation>No dues rate set for: {groups}. Enter it in Settings → Party dues.</translation>
    </message>
</context>
<context>
    <name>dues_ui</name>
    <message>
        <source>Mức đảng phí</source>
        <translation>Dues rates</translation>
    </message>
    <message>
        <source>Nhập mức do cấp có thẩm quyền quy định, kèm ngày bắt đầu áp dụng. Các tháng trước ngày đó giữ mức cũ. Nhập số tiền cố định (đồng/tháng) hoặc phần trăm (ví dụ 1 hoặc 0,5).</source>
        <translation>Enter the rate set by the competent authority and the date it applies from. Months before that date keep the old rate. Enter a fixed amount (dong/month) or a percentage (e.g. 1 or 0,5).</translation>
    </message>
    <message>
        <source>ví dụ 10.000</source>
        <translation>e.g. 10.000</translation>
    </message>
    <message>
        <source>ví dụ 1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <source>Đối tượng:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Áp dụng từ ngày:</source>
        <translation>Applies from:</translation>
    </message>
    <message>
        <source>Số tiền (đồng/tháng):</source>
        <translation>Amount (dong/month):</translation>
    </message>
    <message>
        <source>Hoặc phần trăm:</source>
        <translation>Or percentage:</translation>
    </message>
    <message>
        <source>Hãy nhập ngày, ví dụ 03/02/2026.</source>
        <translation>Enter a date, e.g. 03/02/2026.</translation>
    </message>
    <message>
        <source>Số tiền là số nguyên, ví dụ 10.000.</source>
        <translation>The amount is a whole number, e.g. 10.000.</translation>
    </message>
    <message>
        <source>Phần trăm là một số, ví dụ 0,5.</source>
        <translation>The percentage is a number, e.g. 0,5.</translation>
    </message>
    <message>
        <source>Đã nộp</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Nộp thiếu</source>
        <translation>Underpaid</translation>
    </message>
    <message>
        <source>Chưa nộp</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Mức căn cứ</source>
        <translation>Base amount</translation>
    </message>
    <message>
        <source>Phải nộp</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Đã nộp (đ)</source>
        <translation>Paid (đ)</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đã nộp đến</source>
        <translation>Paid up to</translation>
    </message>
    <message>
        <source>chưa nộp</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Số tháng</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Các tháng chưa nộp</source>
        <translation>Unpaid months</translation>
    </message>
    <message>
        <source>Đánh dấu cả chi bộ đã nộp đủ</source>
        <translation>Mark the whole cell as paid in full</translation>
    </message>
    <message>
        <source>Đã nộp đủ (Cách)</source>
        <translation>Paid in full (Space)</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>In danh sách thu (PDF)…</source>
        <translation>Print collection sheet (PDF)…</translation>
    </message>
    <message>
        <source>Mức đảng phí…</source>
        <translation>Dues rates…</translation>
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation>Cell:</translation>
    </message>
    <message>
        <source>Tháng:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Sổ thu đảng phí trong tháng</source>
        <translation>Dues collected this month</translation>
    </message>
    <message>
        <source>Chưa nộp từ 3 tháng trở lên trong năm {year}: {count} đảng viên (chỉ tính các tháng đã hết: {months})</source>
        <translation>Unpaid for 3 months or more in {year}: {count} Party members (finished months only: {months})</translation>
    </message>
    <message>
        <source>chưa có tháng nào</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Không nộp đảng phí 3 tháng trong năm mà không có lý do chính đáng là căn cứ xem xét xóa tên.</source>
        <translation>Not paying dues for 3 months in a year without good reason is grounds for considering removal from the Party.</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Chưa nộp từ 3 tháng trở lên ({count})</source>
        <translation>Unpaid for 3 months or more ({count})</translation>
    </message>
    <message>
        <source>Giữ lại / nộp cấp trên: chưa khai tỷ lệ trích giữ lại cho thời kỳ này.</source>
        <translation>Retained / remitted: no retention rate set for this period.</translation>
    </message>
    <message>
        <source>Giữ lại ({pct}): {retained} đ — Nộp cấp trên: {remitted} đ.</source>
        <translation>Retained ({pct}): {retained} đ — Remitted upward: {remitted} đ.</translation>
    </message>
    <message>
        <source>Đã nộp đủ: {paid}/{count} đảng viên. Đã lưu: phải thu {due} đ, đã thu {collected} đ ({pct}). {split}</source>
        <translation>Paid in full: {paid}/{count} Party members. Saved: due {due} đ, collected {collected} đ ({pct}). {split}</translation>
    </message>
    <message>
        <source>Lưu danh sách thu đảng phí</source>
        <translation>Save the dues collection sheet</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không ghi được tệp</source>
        <translation>Could not write the file</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Không tìm thấy {what}. Có thể bản ghi đã bị xóa.</source>
        <translation>{what} not found. The record may have been deleted.</translation>
    </message>
</context>
<context>
    <name>errors_ui</name>
    <message>
        <source>Lỗi lưu trữ dữ liệu</source>
        <translation>Data storage error</translation>
    </message>
    <message>
        <source>Thông tin chưa hợp lệ</source>
        <translation>Invalid information</translation>
    </message>
    <message>
        <source>Không đúng quy định</source>
        <translation>Against the rules</translation>
    </message>
    <message>
        <source>Không có quyền</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <source>Dữ liệu đã thay đổi</source>
        <translation>The data has changed</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
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
        <translation>Program error</translation>
    </message>
    <message>
        <source>Chương trình gặp một lỗi không lường trước. Những gì đã lưu trước đó vẫn an toàn; việc đang làm dở có thể chưa được lưu.

Hãy đóng hộp thoại này, kiểm tra lại việc vừa làm, và gửi tệp nhật ký sau cho người hỗ trợ kỹ thuật (tệp không chứa họ tên hay số giấy tờ của đảng viên):
{path}</source>
        <translation>The program hit an unexpected error. Everything saved before is safe; unfinished work may not have been saved.

Close this dialog, check what you just did, and send the following log file to technical support (it holds no Party members&apos; names or ID numbers):
{path}</translation>
    </message>
    <message>
        <source>Lần trước chương trình bị tắt đột ngột</source>
        <translation>The program was closed unexpectedly last time</translation>
    </message>
    <message>
        <source>Lần chạy trước, chương trình bị tắt đột ngột. Dữ liệu đã lưu vẫn an toàn. Nếu việc này lặp lại, hãy gửi tệp sau cho người hỗ trợ kỹ thuật:
{path}</source>
        <translation>Last time, the program was closed unexpectedly. Saved data is safe. If this happens again, send the following file to technical support:
{path}</translation>
    </message>
</context>
<context>
    <name>ethnicity</name>
    <message>
        <source>“{value}” không có trong danh mục 54 dân tộc.</source>
        <translation>“{value}” is not in the list of the 54 ethnic groups.</translation>
    </message>
</context>
<context>
    <name>ethnicity_ui</name>
    <message>
        <source>Chuẩn hóa tên dân tộc</source>
        <translation>Standardise ethnicity names</translation>
    </message>
    <message>
        <source>Các giá trị dưới đây không đúng tên trong danh mục 54 dân tộc, nên bộ lọc và thống kê đếm chúng riêng. Chọn dân tộc đúng cho từng giá trị (đã gợi ý sẵn khi nhận ra), rồi bấm Chuẩn hóa. Giá trị để trống được giữ nguyên.</source>
        <translation>The values below are not names from the list of the 54 ethnic groups, so the filters and statistics count them separately. Choose the right group for each value (suggested where recognised), then press Standardise. A value left blank is kept as it is.</translation>
    </message>
    <message>
        <source>Mọi hồ sơ đã ghi dân tộc đúng danh mục. Không có gì cần chuẩn hóa.</source>
        <translation>Every record names an ethnic group from the list. Nothing to standardise.</translation>
    </message>
    <message>
        <source>Đang ghi</source>
        <translation>Recorded as</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Dân tộc đúng</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Chuẩn hóa</source>
        <translation>Standardise</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>Tệp {name} lớn khoảng {size} GB, vượt giới hạn 4 GB của một tệp trên USB hoặc thẻ nhớ định dạng FAT32. Hãy dùng USB định dạng exFAT hoặc NTFS (có thể định dạng lại một USB trống thành exFAT), rồi thử lại.</source>
        <translation>The file {name} is about {size} GB, over the 4 GB limit for one file on a USB stick or memory card formatted FAT32. Use a stick formatted exFAT or NTFS (an empty stick can be reformatted as exFAT), then try again.</translation>
    </message>
    <message>
        <source>Đã ghi xong. Trước khi rút USB, hãy bấm biểu tượng USB ở góc phải thanh tác vụ và chọn tháo thiết bị an toàn (Safely Remove / Eject).</source>
        <translation>Finished writing. Before pulling out the USB stick, click the USB icon at the right of the taskbar and choose Safely Remove / Eject.</translation>
    </message>
    <message>
        <source>Đã ghi xong, có thể rút USB.</source>
        <translation>Writing finished; the USB drive can be removed.</translation>
    </message>
    <message>
        <source>Không thay được tệp {name}: tệp đang mở trong chương trình khác (ví dụ Excel, trình đọc PDF) hoặc đang được phần mềm diệt virus quét — hãy đóng nó rồi thử lại. Tệp cũ vẫn còn nguyên.</source>
        <translation>Could not replace {name}: the file is open in another program (for example Excel or a PDF reader) or is being scanned by antivirus software — close it, then try again. The old file is still intact.</translation>
    </message>
    <message>
        <source>Không đủ chỗ trống để ghi tệp {name}. Hãy xóa bớt tệp hoặc chọn nơi lưu khác rồi thử lại.</source>
        <translation>Not enough free space to write {name}. Delete some files or choose another location, then try again.</translation>
    </message>
    <message>
        <source>Không ghi được vào {folder}: thư mục hoặc USB đang chỉ cho đọc (hoặc bị khóa chống ghi). Hãy chọn nơi khác.</source>
        <translation>Cannot write to {folder}: the folder or USB drive is read-only (or write-protected). Choose another location.</translation>
    </message>
    <message>
        <source>Không có thư mục {folder} để ghi tệp {name}. Hãy chọn một thư mục có thật (hoặc cắm lại USB nếu thư mục nằm trên USB) rồi thử lại.</source>
        <translation>The folder {folder} does not exist, so {name} could not be written. Choose a folder that exists (or plug the USB stick back in if the folder is on it) and try again.</translation>
    </message>
    <message>
        <source>Lỗi khi ghi tệp {name} (có thể USB đã bị rút ra). Tệp cũ vẫn còn nguyên; hãy cắm lại và thử lại.</source>
        <translation>Error writing {name} (the USB drive may have been removed). The old file is intact; plug the drive back in and try again.</translation>
    </message>
    <message>
        <source>Đã lưu tệp</source>
        <translation>File saved</translation>
    </message>
    <message>
        <source>Đã lưu tệp:</source>
        <translation>File saved:</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp hướng dẫn ({path}). Hãy cài lại chương trình.</source>
        <translation>The manual file was not found ({path}). Reinstall the program.</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>Số CCCD phải có đúng 12 chữ số (đang có {n}).</source>
        <translation>The ID card number must have exactly 12 digits (it has {n}).</translation>
    </message>
    <message>
        <source>Ba số đầu của CCCD ({code}) không phải mã tỉnh.</source>
        <translation>The first three digits of the ID card number ({code}) are not a province code.</translation>
    </message>
    <message>
        <source>Số thứ tư của CCCD ({digit}) không khớp giới tính đã nhập.</source>
        <translation>The fourth digit of the ID card number ({digit}) does not match the sex entered.</translation>
    </message>
    <message>
        <source>CCCD cho năm sinh {year}, khác năm sinh đã nhập ({dob}).</source>
        <translation>The ID card number gives birth year {year}, not the birth year entered ({dob}).</translation>
    </message>
    <message>
        <source>Số thẻ đảng viên thường có {digits} chữ số; hãy kiểm tra lại “{value}”.</source>
        <translation>Party card numbers usually have {digits} digits; check “{value}”.</translation>
    </message>
    <message>
        <source>Số lý lịch thường gồm 6 chữ số và 1–3 chữ cái (ví dụ 012345SL); đang là “{value}”.</source>
        <translation>A personal history number usually has 6 digits and 1–3 letters (e.g. 012345SL); it is “{value}”.</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Họ</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Tên đệm</source>
        <translation>Middle name</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Nơi sinh</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Quê quán</source>
        <translation>Home town</translation>
    </message>
    <message>
        <source>Nơi thường trú</source>
        <translation>Permanent residence</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Số thẻ đảng viên</source>
        <translation>Party card number</translation>
    </message>
    <message>
        <source>Số lý lịch</source>
        <translation>Personal history number</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Trình độ học vấn</source>
        <translation>Education level</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp</source>
        <translation>Admission decision date</translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Ngày chính thức</source>
        <translation>Full member from</translation>
    </message>
    <message>
        <source>(bỏ qua)</source>
        <translation>(skip)</translation>
    </message>
    <message>
        <source>Tệp ánh xạ cột không đúng dạng JSON {{&quot;columns&quot;: {{&quot;Tiêu đề cột&quot;: &quot;trường&quot;}}}}.</source>
        <translation>The column mapping file is not in the JSON form {{&quot;columns&quot;: {{&quot;Column heading&quot;: &quot;field&quot;}}}}.</translation>
    </message>
    <message>
        <source>Tệp ánh xạ có trường không biết: {fields}.</source>
        <translation>The mapping file has unknown fields: {fields}.</translation>
    </message>
    <message>
        <source>Tệp ánh xạ cột không phải văn bản UTF-8 hoặc UTF-16. Hãy lưu lại tệp với bảng mã UTF-8.</source>
        <translation>The column mapping file is not UTF-8 or UTF-16 text. Save it again as UTF-8.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {name}. Hãy kiểm tra tệp còn trên máy.</source>
        <translation>Could not read the file {name}. Check that it is still on the computer.</translation>
    </message>
    <message>
        <source>Tệp quá lớn ({mb} MB; tối đa 25 MB). Hãy chia danh sách thành nhiều tệp nhỏ hơn.</source>
        <translation>The file is too large ({mb} MB; at most 25 MB). Split the list into several smaller files.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải bảng tính Excel .xlsx. Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>The file {name} is not an Excel .xlsx workbook. If it is an old .xls file, open it in Excel and save it as .xlsx.</translation>
    </message>
    <message>
        <source>Tệp có cấu trúc bất thường (quá nhiều thành phần). Không nhập.</source>
        <translation>The file has an unusual structure (too many parts). Not imported.</translation>
    </message>
    <message>
        <source>Tệp có thành phần lạ ({part}); có thể là tệp độc hại. Không nhập.</source>
        <translation>The file has an unexpected part ({part}); it may be malicious. Not imported.</translation>
    </message>
    <message>
        <source>Tệp giải nén ra quá lớn (có thể là “bom nén”). Không nhập; hãy kiểm tra nguồn gốc tệp.</source>
        <translation>The file unpacks to too much data (possibly a “zip bomb”). Not imported; check where the file came from.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải bảng tính Excel .xlsx hợp lệ.</source>
        <translation>The file {name} is not a valid Excel .xlsx workbook.</translation>
    </message>
    <message>
        <source>Thiếu thư viện đọc XML an toàn (defusedxml); không nhập tệp.</source>
        <translation>The safe XML reader library (defusedxml) is missing; file not imported.</translation>
    </message>
    <message>
        <source>Không đọc được bảng tính {name}: tệp bị hỏng hoặc không đúng định dạng.</source>
        <translation>Could not read the workbook {name}: the file is damaged or in the wrong format.</translation>
    </message>
    <message>
        <source>Không có trang tính “{sheet}” trong tệp.</source>
        <translation>The file has no sheet “{sheet}”.</translation>
    </message>
    <message>
        <source>Ô {cell} chứa công thức. Hãy chép và “dán giá trị” (Paste Values) rồi lưu lại tệp trước khi nhập.</source>
        <translation>Cell {cell} contains a formula. Copy it and use “Paste Values”, then save the file before importing.</translation>
    </message>
    <message>
        <source>Dòng {row} có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI), ví dụ “{sample}”. Hãy dùng Unikey → Công cụ chuyển mã sang Unicode rồi nhập lại.</source>
        <translation>Row {row} has text typed in an old encoding (TCVN3 or VNI), e.g. “{sample}”. Use Unikey → Converter to convert it to Unicode, then import again.</translation>
    </message>
    <message>
        <source>Tệp có hơn {max} dòng. Hãy chia thành nhiều tệp (ví dụ mỗi chi bộ một tệp).</source>
        <translation>The file has more than {max} rows. Split it into several files (e.g. one per cell).</translation>
    </message>
    <message>
        <source>Giới tính phải là Nam hoặc Nữ.</source>
        <translation>Sex must be Nam (male) or Nữ (female).</translation>
    </message>
    <message>
        <source>Thiếu ngày sinh.</source>
        <translation>Date of birth missing.</translation>
    </message>
    <message>
        <source>Thiếu ngày vào Đảng.</source>
        <translation>Date joined the Party missing.</translation>
    </message>
    <message>
        <source>Không có chi bộ “{cell}” trong danh sách chi bộ. Hãy thêm chi bộ hoặc sửa tên.</source>
        <translation>There is no cell “{cell}” in the list of cells. Add the cell or correct the name.</translation>
    </message>
    <message>
        <source>Dân tộc “{value}” không có trong danh mục; giữ nguyên như ghi.</source>
        <translation>Ethnicity “{value}” is not in the list; kept as written.</translation>
    </message>
    <message>
        <source>Tệp không có cột “{column}” như trong ánh xạ. Hãy chọn lại cột.</source>
        <translation>The file has no column “{column}” as in the mapping. Choose the column again.</translation>
    </message>
    <message>
        <source>Ngày chính thức {official} sớm hơn 12 tháng sau ngày vào Đảng.</source>
        <translation>Full membership date {official} is earlier than 12 months after joining the Party.</translation>
    </message>
    <message>
        <source>Trùng số CCCD với dòng {row}.</source>
        <translation>Same ID card number as row {row}.</translation>
    </message>
    <message>
        <source>Dòng {row} còn lỗi nên không nhập được.</source>
        <translation>Row {row} still has errors and cannot be imported.</translation>
    </message>
    <message>
        <source>Dòng {row}: {reason}</source>
        <translation>Row {row}: {reason}</translation>
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <source>Khiển trách</source>
        <translation>Reprimand</translation>
    </message>
    <message>
        <source>Cảnh cáo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Cách chức</source>
        <translation>Removal from post</translation>
    </message>
    <message>
        <source>Khai trừ</source>
        <translation>Expulsion</translation>
    </message>
    <message>
        <source>Giải tán</source>
        <translation>Dissolution</translation>
    </message>
    <message>
        <source>Kiểm tra</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Thường xuyên</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>Chuyên đề</source>
        <translation>Thematic</translation>
    </message>
    <message>
        <source>Hãy chọn kiểm tra hay giám sát, thường xuyên hay chuyên đề.</source>
        <translation>Choose inspection or supervision, and regular or thematic.</translation>
    </message>
    <message>
        <source>Hãy chọn một đối tượng: một đảng viên hoặc một tổ chức đảng.</source>
        <translation>Choose a subject: a Party member or a Party organisation.</translation>
    </message>
    <message>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>cuộc kiểm tra</source>
        <translation>inspection</translation>
    </message>
    <message>
        <source>đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Đã có quyết định kỷ luật “{form}” đối với {subject} ngày {date} (số {number}, lý do: {reason}). Mỗi vi phạm chỉ ghi một quyết định cho một hình thức; nếu là vi phạm khác, hãy ghi rõ lý do và ngày của vi phạm đó.</source>
        <translation>A “{form}” decision for {subject} dated {date} already exists (no. {number}, reason: {reason}). Each violation takes one decision per form; if this is another violation, enter its own reason and date.</translation>
    </message>
    <message>
        <source>Hãy chọn hình thức kỷ luật.</source>
        <translation>Choose the disciplinary measure.</translation>
    </message>
    <message>
        <source>Số phiếu không được âm.</source>
        <translation>Vote counts cannot be negative.</translation>
    </message>
    <message>
        <source>Không áp dụng hình thức “{form}” cho đảng viên này. Được phép: {allowed}. (Đảng viên dự bị chỉ khiển trách, cảnh cáo; cách chức chỉ khi đang giữ chức vụ.)</source>
        <translation>The measure “{form}” does not apply to this Party member. Allowed: {allowed}. (Probationary members can only be reprimanded or warned; removal from post only applies to office holders.)</translation>
    </message>
    <message>
        <source>Tổ chức đảng chỉ bị khiển trách, cảnh cáo hoặc giải tán.</source>
        <translation>A Party organisation can only be reprimanded, warned or dissolved.</translation>
    </message>
    <message>
        <source>Hãy nhập số đảng viên chính thức của cấp ủy biểu quyết.</source>
        <translation>Enter the number of full members of the committee voting.</translation>
    </message>
    <message>
        <source>Tổng số phiếu vượt số đảng viên chính thức ({official}).</source>
        <translation>The total votes exceed the number of full members ({official}).</translation>
    </message>
    <message>
        <source>Chưa đủ phiếu: cần ít nhất {required}/{official} đảng viên chính thức tán thành (có {votes}).</source>
        <translation>Not enough votes: at least {required}/{official} full members must approve ({votes} did).</translation>
    </message>
</context>
<context>
    <name>inspection_ui</name>
    <message>
        <source>Thêm cuộc kiểm tra, giám sát</source>
        <translation>Add inspection or supervision</translation>
    </message>
    <message>
        <source>Tổ chức đảng</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Ủy ban Kiểm tra Đảng ủy</source>
        <translation>Commune Party Inspection Committee</translation>
    </message>
    <message>
        <source>Có vi phạm</source>
        <translation>Violation found</translation>
    </message>
    <message>
        <source>Hoạt động:</source>
        <translation>Activity:</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <source>Đối tượng:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Tổ chức đảng:</source>
        <translation>Party organisation:</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Chủ thể tiến hành:</source>
        <translation>Conducted by:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Kết luận:</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <source>Hãy chọn đảng viên.</source>
        <translation>Choose a Party member.</translation>
    </message>
    <message>
        <source>Thi hành kỷ luật đảng viên</source>
        <translation>Discipline a Party member</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Hình thức kỷ luật:</source>
        <translation>Disciplinary measure:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Số phiếu tán thành:</source>
        <translation>Votes in favour:</translation>
    </message>
    <message>
        <source>Không tán thành:</source>
        <translation>Against:</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <source>Cấp quyết định:</source>
        <translation>Deciding body:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>hai phần ba</source>
        <translation>two thirds</translation>
    </message>
    <message>
        <source>quá nửa</source>
        <translation>more than half</translation>
    </message>
    <message>
        <source>Chi bộ có {official} đảng viên chính thức; cần {share}: ít nhất {need} phiếu tán thành.</source>
        <translation>The cell has {official} full members; {share} is needed: at least {need} votes in favour.</translation>
    </message>
    <message>
        <source>Hãy nhập số phiếu tán thành.</source>
        <translation>Enter the number of votes in favour.</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Conducted by</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Vi phạm</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Cấp quyết định</source>
        <translation>Deciding body</translation>
    </message>
    <message>
        <source>Tán thành / đảng viên chính thức</source>
        <translation>In favour / full members</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Thêm kiểm tra, giám sát…</source>
        <translation>Add inspection or supervision…</translation>
    </message>
    <message>
        <source>Thi hành kỷ luật…</source>
        <translation>Discipline…</translation>
    </message>
    <message>
        <source>Dữ liệu mật: mỗi lần xem được ghi vào nhật ký. Đảng viên dự bị chỉ bị khiển trách, cảnh cáo; biểu quyết tính trên số đảng viên chính thức (quá nửa; khai trừ cần hai phần ba).</source>
        <translation>Confidential data: every view is logged. Probationary members can only be reprimanded or warned; votes are counted against full members (more than half; expulsion needs two thirds).</translation>
    </message>
    <message>
        <source>Kiểm tra, giám sát</source>
        <translation>Inspection and supervision</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Kiểm tra, kỷ luật</source>
        <translation>Inspection and discipline</translation>
    </message>
</context>
<context>
    <name>installation</name>
    <message>
        <source>Đây là mật khẩu của dữ liệu mẫu, ai cũng biết. Hãy chọn mật khẩu khác cho dữ liệu thật.</source>
        <translation>This is the demo data&apos;s password, which everyone knows. Choose another password for real data.</translation>
    </message>
    <message>
        <source>Hãy chọn cấp của đơn vị: xã, tỉnh hoặc huyện.</source>
        <translation>Choose the unit&apos;s level: commune, province or district.</translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>Tệp khóa (.keys) bên cạnh cơ sở dữ liệu bị hỏng hoặc không đúng định dạng. Hãy dùng mã khôi phục để mở lại cơ sở dữ liệu.</source>
        <translation>The key file (.keys) next to the database is damaged or in the wrong format. Use the recovery code to open the database again.</translation>
    </message>
    <message>
        <source>Không thấy tệp khóa (.keys) bên cạnh cơ sở dữ liệu. Hãy chép tệp .keys cùng với tệp dữ liệu, hoặc dùng mã khôi phục.</source>
        <translation>The key file (.keys) was not found next to the database. Copy the .keys file together with the data file, or use the recovery code.</translation>
    </message>
    <message>
        <source>Tệp {name} đã có. Hãy chọn tên khác.</source>
        <translation>The file {name} already exists. Choose another name.</translation>
    </message>
    <message>
        <source>Không có tệp cơ sở dữ liệu {name}. Hãy chọn đúng tệp.</source>
        <translation>There is no database file {name}. Choose the right file.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu được mã hóa. Hãy đặt mật khẩu vào biến môi trường DUX_PASSWORD (và tên đăng nhập vào DUX_USER) rồi chạy lại lệnh.</source>
        <translation>The database is encrypted. Put the password in the DUX_PASSWORD environment variable (and the username in DUX_USER), then run the command again.</translation>
    </message>
    <message>
        <source>Không thấy khóa của tài khoản này. Hãy nhờ quản trị viên đặt lại.</source>
        <translation>No key found for this account. Ask an administrator to reset it.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải cơ sở dữ liệu chưa mã hóa.</source>
        <translation>The file {name} is not an unencrypted database.</translation>
    </message>
    <message>
        <source>Đã có tệp khóa {name}. Hãy kiểm tra lại trước khi mã hóa.</source>
        <translation>The key file {name} already exists. Check it before encrypting.</translation>
    </message>
    <message>
        <source>Bản sao mã hóa không khớp với dữ liệu gốc nên chưa thay tệp. Tệp gốc vẫn nguyên.</source>
        <translation>The encrypted copy does not match the original data, so the file was not replaced. The original file is intact.</translation>
    </message>
    <message>
        <source>Bản sao mã hóa bị lỗi nên chưa thay tệp. Tệp gốc vẫn nguyên.</source>
        <translation>The encrypted copy is faulty, so the file was not replaced. The original file is intact.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã</source>
        <translation>Commune Party Office Handbook</translation>
    </message>
    <message>
        <source>DỮ LIỆU MẪU – không nhập dữ liệu thật</source>
        <translation>DEMO DATA – do not enter real data</translation>
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
        <source>Sao lưu và phục hồi…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Quản lý người dùng…</source>
        <translation>Manage users…</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
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
        <source>Hướng dẫn sử dụng</source>
        <translation>User manual</translation>
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
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>Sổ tay Văn phòng Đảng ủy xã, phiên bản {version}.
Quản lý tổ chức, đảng viên, sinh hoạt chi bộ và báo cáo; chạy trên máy, không cần mạng.

Cơ sở dữ liệu: {path}</source>
        <translation>Commune Party Office Handbook, version {version}.
Manages the organisation, Party members, cell meetings and reports; runs on this computer, no network needed.

Database: {path}</translation>
    </message>
    <message>
        <source>Người dùng: {name} ({login}) · Cơ sở dữ liệu {level}</source>
        <translation>User: {name} ({login}) · {level} database</translation>
    </message>
    <message>
        <source>DỮ LIỆU MẪU</source>
        <translation>DEMO DATA</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <source>Sinh hoạt định kỳ</source>
        <translation>Regular meeting</translation>
    </message>
    <message>
        <source>Sinh hoạt chuyên đề</source>
        <translation>Thematic meeting</translation>
    </message>
    <message>
        <source>Sinh hoạt bất thường</source>
        <translation>Extraordinary meeting</translation>
    </message>
    <message>
        <source>Đại hội chi bộ</source>
        <translation>Cell congress</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Vắng có lý do</source>
        <translation>Absent with reason</translation>
    </message>
    <message>
        <source>Vắng không lý do</source>
        <translation>Absent without reason</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation>Exempt from meetings</translation>
    </message>
    <message>
        <source>Đi làm ăn xa</source>
        <translation>Working away</translation>
    </message>
    <message>
        <source>Tốt</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Khá</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Trung bình</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Kém</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Biểu quyết giơ tay</source>
        <translation>Show of hands</translation>
    </message>
    <message>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <source>Thông qua nghị quyết</source>
        <translation>Adopt a resolution</translation>
    </message>
    <message>
        <source>Đề nghị kết nạp đảng viên</source>
        <translation>Propose admitting a Party member</translation>
    </message>
    <message>
        <source>Đề nghị công nhận đảng viên chính thức</source>
        <translation>Propose full membership</translation>
    </message>
    <message>
        <source>Kỷ luật khiển trách, cảnh cáo, cách chức</source>
        <translation>Discipline: reprimand, warning, removal from post</translation>
    </message>
    <message>
        <source>Đề nghị khai trừ</source>
        <translation>Propose expulsion</translation>
    </message>
    <message>
        <source>Buổi sinh hoạt kéo dài {minutes} phút, ít hơn {minimum} phút theo quy định.</source>
        <translation>The meeting lasted {minutes} minutes, less than the required {minimum} minutes.</translation>
    </message>
    <message>
        <source>Tỷ lệ dự họp {rate}% thấp hơn {threshold}%.</source>
        <translation>Attendance {rate}% is below {threshold}%.</translation>
    </message>
    <message>
        <source>Có {n} đảng viên vắng không lý do.</source>
        <translation>{n} Party members absent without reason.</translation>
    </message>
    <message>
        <source>chi bộ</source>
        <translation>cell</translation>
    </message>
    <message>
        <source>Hãy chọn loại buổi sinh hoạt.</source>
        <translation>Choose the type of meeting.</translation>
    </message>
    <message>
        <source>Tháng sinh hoạt ghi dạng tháng/năm, ví dụ 03/2026.</source>
        <translation>Write the meeting month as month/year, e.g. 03/2026.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày sinh hoạt (hoặc ngày dự kiến).</source>
        <translation>Enter the meeting date (or the planned date).</translation>
    </message>
    <message>
        <source>Ngày sinh hoạt ở tương lai; hãy ghi là ngày dự kiến.</source>
        <translation>The meeting date is in the future; record it as the planned date.</translation>
    </message>
    <message>
        <source>Giờ ghi dạng giờ:phút, ví dụ 19:30.</source>
        <translation>Write the time as hours:minutes, e.g. 19:30.</translation>
    </message>
    <message>
        <source>Hãy ghi người chủ trì.</source>
        <translation>Enter who chaired the meeting.</translation>
    </message>
    <message>
        <source>Hãy ghi thư ký ghi biên bản.</source>
        <translation>Enter the secretary who took the minutes.</translation>
    </message>
    <message>
        <source>Ngày sinh hoạt trước ngày thành lập chi bộ.</source>
        <translation>The meeting date is before the cell was founded.</translation>
    </message>
    <message>
        <source>Hãy ghi chuyên đề sinh hoạt.</source>
        <translation>Enter the meeting&apos;s theme.</translation>
    </message>
    <message>
        <source>Điểm chất lượng từ 0 đến 100.</source>
        <translation>The quality score is from 0 to 100.</translation>
    </message>
    <message>
        <source>Hãy chọn mức Tốt, Khá, Trung bình hoặc Kém.</source>
        <translation>Choose Good, Fair, Average or Poor.</translation>
    </message>
    <message>
        <source>Tình trạng dự họp không hợp lệ.</source>
        <translation>Invalid attendance status.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do cho người vắng có lý do.</source>
        <translation>Enter the reason for each excused absence.</translation>
    </message>
    <message>
        <source>Biểu quyết số {n}: hãy chọn nội dung và hình thức.</source>
        <translation>Vote no. {n}: choose the subject and the method.</translation>
    </message>
    <message>
        <source>Biểu quyết số {n}: số phiếu không được âm.</source>
        <translation>Vote no. {n}: vote counts cannot be negative.</translation>
    </message>
    <message>
        <source>Nội dung số {n} chưa có tiêu đề.</source>
        <translation>Item no. {n} has no title.</translation>
    </message>
    <message>
        <source>Chi bộ {name} đã sáp nhập hoặc giải thể.</source>
        <translation>The cell {name} has been merged or dissolved.</translation>
    </message>
    <message>
        <source>buổi sinh hoạt</source>
        <translation>meeting</translation>
    </message>
    <message>
        <source>Không chuyển biên bản đã đánh số sang chi bộ khác.</source>
        <translation>Numbered minutes cannot be moved to another cell.</translation>
    </message>
    <message>
        <source>Có {n} người trong danh sách điểm danh không sinh hoạt ở chi bộ vào ngày họp.</source>
        <translation>{n} people on the attendance list were not members of the cell on the meeting date.</translation>
    </message>
    <message>
        <source>Chỉ xóa được biên bản có số cuối cùng của nhiệm kỳ, để số biên bản không bị cách quãng. Hãy sửa nội dung thay vì xóa.</source>
        <translation>Only the last numbered minutes of the term can be deleted, so the numbering has no gaps. Edit the content instead of deleting.</translation>
    </message>
</context>
<context>
    <name>meetings_ui</name>
    <message>
        <source>Trích biên bản</source>
        <translation>Minutes extract</translation>
    </message>
    <message>
        <source>Chọn nội dung cần trích từ biên bản của {cell}, tháng {month}.</source>
        <translation>Choose the items to extract from the minutes of {cell}, {month}.</translation>
    </message>
    <message>
        <source>Trích</source>
        <translation>Extract</translation>
    </message>
    <message>
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lý do vắng</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>Chính thức</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Dự bị</source>
        <translation>Probationary</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa dòng này</source>
        <translation>Delete this row</translation>
    </message>
    <message>
        <source>Người phát biểu</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Ý kiến phát biểu</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>ví dụ: Đánh giá kết quả thu hoạch vụ mùa</source>
        <translation>e.g. Review of the autumn harvest</translation>
    </message>
    <message>
        <source>Nội dung trình bày</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Kết luận của chủ trì về nội dung này</source>
        <translation>Chair&apos;s conclusion on this item</translation>
    </message>
    <message>
        <source>Thêm người phát biểu</source>
        <translation>Add speaker</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Người trình bày:</source>
        <translation>Presenter:</translation>
    </message>
    <message>
        <source>Trình bày:</source>
        <translation>Presentation:</translation>
    </message>
    <message>
        <source>Thảo luận:</source>
        <translation>Discussion:</translation>
    </message>
    <message>
        <source>Kết luận:</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>thời hạn</source>
        <translation>deadline</translation>
    </message>
    <message>
        <source>Nội dung biểu quyết</source>
        <translation>Subject of the vote</translation>
    </message>
    <message>
        <source>Tán thành:</source>
        <translation>In favour:</translation>
    </message>
    <message>
        <source>Không tán thành:</source>
        <translation>Against:</translation>
    </message>
    <message>
        <source>Không biểu quyết:</source>
        <translation>Abstaining:</translation>
    </message>
    <message>
        <source>Thông qua (cần {n}/{of})</source>
        <translation>Passed (needs {n}/{of})</translation>
    </message>
    <message>
        <source>Không thông qua (cần {n}/{of})</source>
        <translation>Not passed (needs {n}/{of})</translation>
    </message>
    <message>
        <source>Họ và tên khách mời</source>
        <translation>Guest&apos;s full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Cấp ủy viên phụ trách</source>
        <translation>Committee member in charge</translation>
    </message>
    <message>
        <source>Sửa biên bản sinh hoạt</source>
        <translation>Edit meeting minutes</translation>
    </message>
    <message>
        <source>Ghi biên bản sinh hoạt</source>
        <translation>Record meeting minutes</translation>
    </message>
    <message>
        <source>Thông tin chung</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Điểm danh</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Nội dung, thảo luận</source>
        <translation>Items and discussion</translation>
    </message>
    <message>
        <source>Nhiệm vụ, biểu quyết</source>
        <translation>Tasks and votes</translation>
    </message>
    <message>
        <source>Sao chép từ tháng trước</source>
        <translation>Copy from last month</translation>
    </message>
    <message>
        <source>Lấy địa điểm, giờ, chủ trì, thư ký và các nội dung của buổi sinh hoạt gần nhất</source>
        <translation>Take the place, time, chair, secretary and items from the most recent meeting</translation>
    </message>
    <message>
        <source>tháng/năm, ví dụ 03/2026</source>
        <translation>month/year, e.g. 03/2026</translation>
    </message>
    <message>
        <source>giờ:phút</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>ví dụ: nhà văn hóa bản Na Hát</source>
        <translation>e.g. Na Hát village cultural house</translation>
    </message>
    <message>
        <source>Sinh hoạt chuyên đề kết hợp trong buổi sinh hoạt định kỳ</source>
        <translation>Thematic meeting held within the regular meeting</translation>
    </message>
    <message>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
    <message>
        <source>— chưa đánh giá —</source>
        <translation>— not rated —</translation>
    </message>
    <message>
        <source>Chi ủy (bí thư) đã họp chuẩn bị nội dung</source>
        <translation>The cell committee (secretary) met to prepare the agenda</translation>
    </message>
    <message>
        <source>Đảng viên được thông báo trước</source>
        <translation>Members were notified in advance</translation>
    </message>
    <message>
        <source>Biên bản đã đọc lại cho chi bộ nghe và thông qua</source>
        <translation>The minutes were read back to the cell and approved</translation>
    </message>
    <message>
        <source>Kết luận chung của đồng chí chủ trì</source>
        <translation>General conclusion of the chair</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Tháng sinh hoạt:</source>
        <translation>Meeting month:</translation>
    </message>
    <message>
        <source>Dự kiến:</source>
        <translation>Planned:</translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation>Meeting date:</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Bắt đầu:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Địa điểm:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation>Chair:</translation>
    </message>
    <message>
        <source>Thư ký:</source>
        <translation>Secretary:</translation>
    </message>
    <message>
        <source>Chuyên đề:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Người trình bày chuyên đề:</source>
        <translation>Theme presenter:</translation>
    </message>
    <message>
        <source>Khách mời</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>Thêm khách mời</source>
        <translation>Add guest</translation>
    </message>
    <message>
        <source>Thêm cấp ủy viên phụ trách ({name})</source>
        <translation>Add committee member in charge ({name})</translation>
    </message>
    <message>
        <source>Đảng ủy viên</source>
        <translation>Commune committee member</translation>
    </message>
    <message>
        <source>Chất lượng, chuẩn bị</source>
        <translation>Quality and preparation</translation>
    </message>
    <message>
        <source>Xếp loại:</source>
        <translation>Rating:</translation>
    </message>
    <message>
        <source>Điểm tự đánh giá:</source>
        <translation>Self-assessment score:</translation>
    </message>
    <message>
        <source>Kết luận của chủ trì:</source>
        <translation>Chair&apos;s conclusion:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Tất cả có mặt</source>
        <translation>All present</translation>
    </message>
    <message>
        <source>Mặc định mọi đảng viên có mặt; chỉ đánh dấu người vắng (nhấp đúp vào cột Tình trạng, hoặc gõ lý do vào cột Lý do vắng).</source>
        <translation>Every member is present by default; mark only the absentees (double-click the Status column, or type a reason in the Reason for absence column).</translation>
    </message>
    <message>
        <source>Thêm nội dung</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Các nội dung sinh hoạt; người phát biểu chọn trong số đảng viên có mặt.</source>
        <translation>The meeting items; speakers are chosen from the members present.</translation>
    </message>
    <message>
        <source>Nhiệm vụ tháng tới</source>
        <translation>Tasks for next month</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Biểu quyết</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Thêm biểu quyết</source>
        <translation>Add vote</translation>
    </message>
    <message>
        <source>Nội dung {n}</source>
        <translation>Item {n}</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt, đi làm ăn xa (không tính vào số phải dự): {names}.</source>
        <translation>Exempt from meetings or working away (not counted as expected): {names}.</translation>
    </message>
    <message>
        <source>Không có đảng viên miễn sinh hoạt hoặc đi làm ăn xa.</source>
        <translation>No members exempt from meetings or working away.</translation>
    </message>
    <message>
        <source>Phải dự: {expected} • Có mặt: {present} ({rate}%) • Vắng có lý do: {excused} • Vắng không lý do: {unexcused}</source>
        <translation>Expected: {expected} • Present: {present} ({rate}%) • Excused: {excused} • Unexcused: {unexcused}</translation>
    </message>
    <message>
        <source>({n} phút)</source>
        <translation>({n} min)</translation>
    </message>
    <message>
        <source>Chi bộ chưa có buổi sinh hoạt nào trước tháng {month}.</source>
        <translation>The cell has no meeting before {month}.</translation>
    </message>
    <message>
        <source>Đã lưu biên bản số {n}.</source>
        <translation>Minutes no. {n} saved.</translation>
    </message>
    <message>
        <source>Đã lưu buổi sinh hoạt dự kiến.</source>
        <translation>Planned meeting saved.</translation>
    </message>
    <message>
        <source>Lưu ý theo quy định:</source>
        <translation>Notes under the rules:</translation>
    </message>
    <message>
        <source>CĐ ✓</source>
        <translation>Th ✓</translation>
    </message>
    <message>
        <source>Thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Dự kiến</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Quý {q}: đã sinh hoạt chuyên đề</source>
        <translation>Quarter {q}: thematic meeting held</translation>
    </message>
    <message>
        <source>Quý {q}: không có buổi sinh hoạt chuyên đề</source>
        <translation>Quarter {q}: no thematic meeting</translation>
    </message>
    <message>
        <source>Quý {q}: chưa sinh hoạt chuyên đề</source>
        <translation>Quarter {q}: thematic meeting not yet held</translation>
    </message>
    <message>
        <source>đã họp</source>
        <translation>held</translation>
    </message>
    <message>
        <source>dự kiến</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>có mặt {p}/{e}</source>
        <translation>present {p}/{e}</translation>
    </message>
    <message>
        <source>Tháng này chi bộ chưa sinh hoạt.</source>
        <translation>The cell has not met this month.</translation>
    </message>
    <message>
        <source>Không có biên bản sinh hoạt tháng này.</source>
        <translation>No meeting minutes this month.</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Quý {q}</source>
        <translation>Q{q}</translation>
    </message>
    <message>
        <source>Tháng {m}/{y}</source>
        <translation>{m}/{y}</translation>
    </message>
    <message>
        <source>Sinh hoạt chuyên đề quý {q}</source>
        <translation>Thematic meeting, quarter {q}</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đã họp</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Chất lượng</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Năm </source>
        <translation>Year </translation>
    </message>
    <message>
        <source>Ghi biên bản…</source>
        <translation>Record minutes…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Xem biên bản</source>
        <translation>View minutes</translation>
    </message>
    <message>
        <source>Biên bản trống</source>
        <translation>Blank minutes</translation>
    </message>
    <message>
        <source>Biên bản in sẵn danh sách đảng viên để ghi tay</source>
        <translation>Minutes form with the member list pre-printed, for filling in by hand</translation>
    </message>
    <message>
        <source>định kỳ</source>
        <translation>regular</translation>
    </message>
    <message>
        <source>chuyên đề</source>
        <translation>thematic</translation>
    </message>
    <message>
        <source>kiểm phiếu</source>
        <translation>ballot count</translation>
    </message>
    <message>
        <source>Loại biên bản trống</source>
        <translation>Kind of blank minutes</translation>
    </message>
    <message>
        <source>Trích biên bản…</source>
        <translation>Extract from minutes…</translation>
    </message>
    <message>
        <source>Trích một nội dung, ví dụ cho hồ sơ kết nạp</source>
        <translation>Extract one item, e.g. for an admission file</translation>
    </message>
    <message>
        <source>Nghị quyết</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Nghị quyết của chi bộ từ biên bản buổi sinh hoạt</source>
        <translation>The cell&apos;s resolution from the minutes of the meeting</translation>
    </message>
    <message>
        <source>Xóa…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Không họp</source>
        <translation>No meeting</translation>
    </message>
    <message>
        <source>Tháng này chưa họp</source>
        <translation>Not met this month yet</translation>
    </message>
    <message>
        <source>Sinh hoạt chi bộ</source>
        <translation>Cell meetings</translation>
    </message>
    <message>
        <source>Các buổi sinh hoạt của {cell} năm {year}</source>
        <translation>Meetings of {cell} in {year}</translation>
    </message>
    <message>
        <source>Đã lưu biên bản</source>
        <translation>Minutes saved</translation>
    </message>
    <message>
        <source>Xóa buổi sinh hoạt</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Xóa buổi sinh hoạt ngày {date} của {cell}?</source>
        <translation>Delete the meeting of {date} of {cell}?</translation>
    </message>
</context>
<context>
    <name>members_ui</name>
    <message>
        <source>Chọn tệp Excel danh sách đảng viên</source>
        <translation>Choose the Excel file with the Party member list</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <source>Lỗi: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Cảnh báo: </source>
        <translation>Warning: </translation>
    </message>
    <message>
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Nhập danh sách đảng viên từ Excel</source>
        <translation>Import Party members from Excel</translation>
    </message>
    <message>
        <source>Chưa chọn tệp</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tệp Excel:</source>
        <translation>Excel file:</translation>
    </message>
    <message>
        <source>Cột trong tệp</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Ví dụ</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Nhập vào trường</source>
        <translation>Import into field</translation>
    </message>
    <message>
        <source>Chọn trường cho từng cột; cột nào không cần thì chọn “(bỏ qua)”. Lựa chọn được ghi nhớ cho lần sau.</source>
        <translation>Choose a field for each column; choose “(skip)” for columns you do not need. The choices are remembered for next time.</translation>
    </message>
    <message>
        <source>Chọn mọi dòng hợp lệ</source>
        <translation>Select all valid rows</translation>
    </message>
    <message>
        <source>Bỏ chọn tất cả</source>
        <translation>Deselect all</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Xem trước &gt;</source>
        <translation>Preview &gt;</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nhập {n} dòng đã chọn</source>
        <translation>Import {n} selected rows</translation>
    </message>
    <message>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Đang kiểm tra từng dòng…</source>
        <translation>Checking each row…</translation>
    </message>
    <message>
        <source>{total} dòng: {valid} hợp lệ ({warned} có cảnh báo), {invalid} có lỗi sẽ không nhập.</source>
        <translation>{total} rows: {valid} valid ({warned} with warnings), {invalid} with errors will not be imported.</translation>
    </message>
    <message>
        <source>Đang nhập {n} đảng viên…</source>
        <translation>Importing {n} Party members…</translation>
    </message>
    <message>
        <source>Đã hủy. Chưa nhập đảng viên nào.</source>
        <translation>Cancelled. No Party members imported.</translation>
    </message>
    <message>
        <source>Chưa nhập đảng viên nào.</source>
        <translation>No Party members imported.</translation>
    </message>
    <message>
        <source>Hãy ghi tháng/năm, ví dụ 03/2026.</source>
        <translation>Write month/year, e.g. 03/2026.</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Công nhận đảng viên chính thức…</source>
        <translation>Confirm full membership…</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt đi…</source>
        <translation>Transfer out…</translation>
    </message>
    <message>
        <source>Ngày chuyển đi:</source>
        <translation>Transfer date:</translation>
    </message>
    <message>
        <source>Kết thúc sinh hoạt tạm thời…</source>
        <translation>End temporary attendance…</translation>
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt…</source>
        <translation>Exempt from duties and meetings…</translation>
    </message>
    <message>
        <source>Miễn từ ngày:</source>
        <translation>Exempt from:</translation>
    </message>
    <message>
        <source>Thôi miễn sinh hoạt…</source>
        <translation>End exemption…</translation>
    </message>
    <message>
        <source>Đi làm ăn xa…</source>
        <translation>Working away…</translation>
    </message>
    <message>
        <source>Đi từ ngày:</source>
        <translation>Away from:</translation>
    </message>
    <message>
        <source>Trở về sinh hoạt…</source>
        <translation>Return to meetings…</translation>
    </message>
    <message>
        <source>Ngày trở về:</source>
        <translation>Return date:</translation>
    </message>
    <message>
        <source>Chuyển chi bộ trong đảng bộ…</source>
        <translation>Move to another cell…</translation>
    </message>
    <message>
        <source>Cấp thẻ đảng viên…</source>
        <translation>Issue Party card…</translation>
    </message>
    <message>
        <source>Ngày cấp thẻ:</source>
        <translation>Card issue date:</translation>
    </message>
    <message>
        <source>Trao huy hiệu Đảng…</source>
        <translation>Award Party badge…</translation>
    </message>
    <message>
        <source>Ngày trao:</source>
        <translation>Award date:</translation>
    </message>
    <message>
        <source>Xóa tên…</source>
        <translation>Strike off…</translation>
    </message>
    <message>
        <source>Xin ra khỏi Đảng…</source>
        <translation>Leave the Party…</translation>
    </message>
    <message>
        <source>Khai trừ…</source>
        <translation>Expel…</translation>
    </message>
    <message>
        <source>Từ trần…</source>
        <translation>Deceased…</translation>
    </message>
    <message>
        <source>Ngày từ trần:</source>
        <translation>Date of death:</translation>
    </message>
    <message>
        <source>Khôi phục đảng tịch…</source>
        <translation>Restore Party membership…</translation>
    </message>
    <message>
        <source>Kết nạp lại…</source>
        <translation>Readmit…</translation>
    </message>
    <message>
        <source>Ngày vào Đảng (lễ kết nạp lại):</source>
        <translation>Date joined the Party (readmission ceremony):</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Cơ quan quyết định:</source>
        <translation>Deciding body:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Tổ chức đảng nơi đến:</source>
        <translation>Receiving Party organisation:</translation>
    </message>
    <message>
        <source>Số giấy giới thiệu:</source>
        <translation>Referral letter number:</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <source>Đã nộp đảng phí đến tháng:</source>
        <translation>Dues paid up to month:</translation>
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation>Cell:</translation>
    </message>
    <message>
        <source>Dự kiến đến ngày:</source>
        <translation>Expected until:</translation>
    </message>
    <message>
        <source>Số thẻ đảng viên:</source>
        <translation>Party card number:</translation>
    </message>
    <message>
        <source>Loại thẻ:</source>
        <translation>Card type:</translation>
    </message>
    <message>
        <source>Huy hiệu:</source>
        <translation>Badge:</translation>
    </message>
    <message>
        <source>Ngày chi bộ xét:</source>
        <translation>Cell review date:</translation>
    </message>
    <message>
        <source>Trạng thái: {s}; chi bộ: {c}; vào Đảng: {a}; chính thức: {o}.</source>
        <translation>Status: {s}; cell: {c}; joined: {a}; full member: {o}.</translation>
    </message>
    <message>
        <source>Ngày đủ {n} tháng dự bị: {d}</source>
        <translation>{n} months of probation completed on: {d}</translation>
    </message>
    <message>
        <source>Đảng viên là chính thức từ ngày đủ {n} tháng, kể cả khi quyết định ra sau ngày đó.</source>
        <translation>A member is a full member from the day the {n} months are completed, even if the decision comes later.</translation>
    </message>
    <message>
        <source> (đã quá {n} ngày)</source>
        <translation> ({n} days overdue)</translation>
    </message>
    <message>
        <source>{y} năm: {d}</source>
        <translation>{y} years: {d}</translation>
    </message>
    <message>
        <source>Đủ tuổi Đảng: {levels}.</source>
        <translation>Party seniority reached: {levels}.</translation>
    </message>
    <message>
        <source>Đã trao huy hiệu: {y} năm.</source>
        <translation>Badge awarded: {y} years.</translation>
    </message>
    <message>
        <source>Bắt đầu từ {d}</source>
        <translation>Starting {d}</translation>
    </message>
    <message>
        <source>, dự kiến đến {d}</source>
        <translation>, expected until {d}</translation>
    </message>
    <message>
        <source>Chỉ khai trừ đảng viên chính thức; đảng viên dự bị vi phạm thì xóa tên khỏi danh sách.</source>
        <translation>Only full members can be expelled; a probationary member who violates the rules is struck off the list.</translation>
    </message>
    <message>
        <source>Chuyển hẳn: đảng viên ra khỏi danh sách của đảng bộ. Chuyển tạm thời: vẫn tính trong đảng bộ.</source>
        <translation>Permanent transfer: the member leaves the Party organisation&apos;s list. Temporary transfer: still counted in the Party organisation.</translation>
    </message>
    <message>
        <source>… và {n} đảng viên khác.</source>
        <translation>… and {n} other Party members.</translation>
    </message>
    <message>
        <source>Tạm thời (vẫn tính trong đảng bộ)</source>
        <translation>Temporary (still counted in the Party organisation)</translation>
    </message>
    <message>
        <source>— Chọn chi bộ —</source>
        <translation>— Choose a cell —</translation>
    </message>
    <message>
        <source>{y} năm tuổi Đảng (đủ từ {d})</source>
        <translation>{y} years of Party membership (reached {d})</translation>
    </message>
    <message>
        <source>tháng/năm, ví dụ 03/2026</source>
        <translation>month/year, e.g. 03/2026</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ.</source>
        <translation>Choose a cell.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày, ví dụ 03/02/2026.</source>
        <translation>Enter a date, e.g. 03/02/2026.</translation>
    </message>
    <message>
        <source>Chưa đủ tuổi Đảng để trao huy hiệu.</source>
        <translation>Not enough years of membership for the badge.</translation>
    </message>
    <message>
        <source>{name}: {reason}
Không ghi nhận cho ai trong số đã chọn.</source>
        <translation>{name}: {reason}
Nothing was recorded for any of the selected members.</translation>
    </message>
    <message>
        <source>Sự kiện bị hủy</source>
        <translation>Voided event</translation>
    </message>
    <message>
        <source>Lý do hủy</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>Họ</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Tên đệm</source>
        <translation>Middle name</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Họ tên khai sinh (nếu khác)</source>
        <translation>Birth name (if different)</translation>
    </message>
    <message>
        <source>Bí danh</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nơi sinh</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Quê quán</source>
        <translation>Home town</translation>
    </message>
    <message>
        <source>Quê quán (tên mới)</source>
        <translation>Home town (new name)</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Số lý lịch</source>
        <translation>Personal history number</translation>
    </message>
    <message>
        <source>Giáo dục phổ thông</source>
        <translation>General education</translation>
    </message>
    <message>
        <source>Chuyên môn, nghiệp vụ</source>
        <translation>Professional qualification</translation>
    </message>
    <message>
        <source>Học hàm, học vị</source>
        <translation>Academic title, degree</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Quản lý nhà nước</source>
        <translation>State administration</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>IT skills</translation>
    </message>
    <message>
        <source>Tiếng dân tộc thiểu số</source>
        <translation>Ethnic minority language</translation>
    </message>
    <message>
        <source>Nghề nghiệp</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Chức vụ hiện nay</source>
        <translation>Current position</translation>
    </message>
    <message>
        <source>Số thẻ đảng viên</source>
        <translation>Party card number</translation>
    </message>
    <message>
        <source>Ngày cấp thẻ</source>
        <translation>Card issue date</translation>
    </message>
    <message>
        <source>Loại thẻ</source>
        <translation>Card type</translation>
    </message>
    <message>
        <source>Ngày vào Đoàn</source>
        <translation>Youth Union joining date</translation>
    </message>
    <message>
        <source>Quân đội, công an, nghỉ hưu</source>
        <translation>Army, police, retired</translation>
    </message>
    <message>
        <source>Nơi thường trú</source>
        <translation>Permanent residence</translation>
    </message>
    <message>
        <source>Nơi tạm trú</source>
        <translation>Temporary residence</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày vào Đảng</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp</source>
        <translation>Admission decision date</translation>
    </message>
    <message>
        <source>Ngày chính thức</source>
        <translation>Full member from</translation>
    </message>
    <message>
        <source>Ngày ra khỏi danh sách</source>
        <translation>Date left the list</translation>
    </message>
    <message>
        <source>Tính vào đảng bộ</source>
        <translation>Counted in the Party organisation</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Quân đội</source>
        <translation>Army</translation>
    </message>
    <message>
        <source>Công an</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Chương trình (tự động)</source>
        <translation>The program (automatic)</translation>
    </message>
    <message>
        <source>Hủy sự kiện nhập nhầm</source>
        <translation>Void a mistyped event</translation>
    </message>
    <message>
        <source>Hủy sự kiện “{event}”. Sự kiện không bị xóa hẳn: lịch sử ghi lại việc hủy và lý do, cấp trên nhận được như mọi thay đổi.
Lý do hủy:</source>
        <translation>Void the event “{event}”. The event is not erased: the history records the void and its reason, and the upper level receives it like any change.
Reason:</translation>
    </message>
    <message>
        <source>Chọn ảnh 3×4</source>
        <translation>Choose a 3×4 photo</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>không thuộc chi bộ nào</source>
        <translation>not in any cell</translation>
    </message>
    <message>
        <source>Số CCCD này đã có trong hồ sơ đảng viên dưới đây. Không thể lưu hai hồ sơ cùng một số CCCD.</source>
        <translation>This ID card number is already in the Party member record below. Two records cannot have the same ID card number.</translation>
    </message>
    <message>
        <source>Đã có đảng viên trùng ngày sinh và họ tên gần giống. Có thể đây là cùng một người:</source>
        <translation>A Party member with the same date of birth and a similar name already exists. This may be the same person:</translation>
    </message>
    <message>
        <source>Mở hồ sơ đã có</source>
        <translation>Open existing record</translation>
    </message>
    <message>
        <source>Vẫn lưu hồ sơ này</source>
        <translation>Save this record anyway</translation>
    </message>
    <message>
        <source>Có thể trùng hồ sơ</source>
        <translation>Possible duplicate record</translation>
    </message>
    <message>
        <source>Không đọc được ảnh {name}. Hãy chọn tệp JPG hoặc PNG.</source>
        <translation>Could not read the image {name}. Choose a JPG or PNG file.</translation>
    </message>
    <message>
        <source>Ảnh quá lớn (tối đa 2 MB). Hãy chọn ảnh nhỏ hơn.</source>
        <translation>The image is too large (2 MB at most). Choose a smaller image.</translation>
    </message>
    <message>
        <source>Chọn ảnh…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>Bỏ ảnh</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Sơ yếu</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Trình độ</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>Công tác</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Liên hệ</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Hãy nhập ngày sinh, ví dụ 12/04/1985.</source>
        <translation>Enter the date of birth, e.g. 12/04/1985.</translation>
    </message>
    <message>
        <source>“{value}” không có trong danh mục 54 dân tộc. Hãy chọn trong danh sách.</source>
        <translation>“{value}” is not in the list of the 54 ethnic groups. Choose one from the list.</translation>
    </message>
    <message>
        <source>Chưa có ảnh
3×4</source>
        <translation>No photo
3×4</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp:</source>
        <translation>Admission decision date:</translation>
    </message>
    <message>
        <source>ví dụ 125-QĐ/ĐU</source>
        <translation>e.g. 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Cơ quan ra quyết định:</source>
        <translation>Issuing body:</translation>
    </message>
    <message>
        <source>Ngày vào Đảng (lễ kết nạp):</source>
        <translation>Date of joining (admission ceremony):</translation>
    </message>
    <message>
        <source>Người giới thiệu thứ nhất:</source>
        <translation>First introducer:</translation>
    </message>
    <message>
        <source>Người giới thiệu thứ hai:</source>
        <translation>Second introducer:</translation>
    </message>
    <message>
        <source>Văn bản đồng ý (nếu quá tuổi):</source>
        <translation>Letter of consent (if over age):</translation>
    </message>
    <message>
        <source>Ngày chuyển đến:</source>
        <translation>Date transferred in:</translation>
    </message>
    <message>
        <source>Chuyển từ tổ chức đảng:</source>
        <translation>Transferred from Party organisation:</translation>
    </message>
    <message>
        <source>Sinh hoạt tạm thời (không tính vào đảng bộ)</source>
        <translation>Temporary attendance (not counted in the Party organisation)</translation>
    </message>
    <message>
        <source>Đảng viên chính thức</source>
        <translation>Official member</translation>
    </message>
    <message>
        <source>Đảng viên dự bị</source>
        <translation>Probationary member</translation>
    </message>
    <message>
        <source>Khi chuyển đến là:</source>
        <translation>Arriving as:</translation>
    </message>
    <message>
        <source>Ngày vào Đảng:</source>
        <translation>Date of joining:</translation>
    </message>
    <message>
        <source>Ngày chính thức:</source>
        <translation>Official date:</translation>
    </message>
    <message>
        <source>tạm thời</source>
        <translation>temporary</translation>
    </message>
    <message>
        <source>giấy giới thiệu số {n}</source>
        <translation>referral letter no. {n}</translation>
    </message>
    <message>
        <source>đảng phí đến {m}/{y}</source>
        <translation>dues paid up to {m}/{y}</translation>
    </message>
    <message>
        <source>huy hiệu {n} năm</source>
        <translation>{n}-year badge</translation>
    </message>
    <message>
        <source>số thẻ {n}</source>
        <translation>card no. {n}</translation>
    </message>
    <message>
        <source>dự kiến đến {d}</source>
        <translation>expected until {d}</translation>
    </message>
    <message>
        <source>giới thiệu: {names}</source>
        <translation>introduced by: {names}</translation>
    </message>
    <message>
        <source>Kết nạp</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Chuyển đến</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>Kết nạp đảng viên</source>
        <translation>Admit a Party member</translation>
    </message>
    <message>
        <source>Tiếp nhận đảng viên chuyển đến</source>
        <translation>Receive a transferred Party member</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Thông tin đã đổi</source>
        <translation>Changed information</translation>
    </message>
    <message>
        <source>Hủy sự kiện nhập nhầm…</source>
        <translation>Void a mistyped event…</translation>
    </message>
    <message>
        <source>Ai đã thay đổi hồ sơ, khi nào:</source>
        <translation>Who changed the record, and when:</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tôi đã kiểm tra các cảnh báo trên, vẫn lưu.</source>
        <translation>I have checked the warnings above; save anyway.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Thao tác…</source>
        <translation>Actions…</translation>
    </message>
    <message>
        <source>Hồ sơ đảng viên: {name}</source>
        <translation>Party member record: {name}</translation>
    </message>
    <message>
        <source>Trạng thái: {s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <source>Chi bộ: {c}</source>
        <translation>Cell: {c}</translation>
    </message>
    <message>
        <source>Ngày vào Đảng: {d}</source>
        <translation>Date joined the Party: {d}</translation>
    </message>
    <message>
        <source>Ngày chính thức: {d}</source>
        <translation>Full membership date: {d}</translation>
    </message>
    <message>
        <source>Sinh hoạt tạm thời, không tính vào đảng bộ</source>
        <translation>Temporary attendance, not counted in the Party organisation</translation>
    </message>
    <message>
        <source>Đã hủy: {event}</source>
        <translation>Voided: {event}</translation>
    </message>
    <message>
        <source>Lý do hủy: {reason}</source>
        <translation>Reason for voiding: {reason}</translation>
    </message>
    <message>
        <source>Hãy chọn một sự kiện (chưa hủy) trong lịch sử.</source>
        <translation>Choose an event (not yet voided) in the history.</translation>
    </message>
    <message>
        <source>Cần kiểm tra trước khi lưu:</source>
        <translation>Check before saving:</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Số thẻ</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>Sửa hồ sơ</source>
        <translation>Edit record</translation>
    </message>
    <message>
        <source>Đổi ảnh</source>
        <translation>Change photo</translation>
    </message>
    <message>
        <source>Đến 30 tuổi</source>
        <translation>Up to 30</translation>
    </message>
    <message>
        <source>31–40 tuổi</source>
        <translation>31–40</translation>
    </message>
    <message>
        <source>41–50 tuổi</source>
        <translation>41–50</translation>
    </message>
    <message>
        <source>51–60 tuổi</source>
        <translation>51–60</translation>
    </message>
    <message>
        <source>Từ 61 tuổi</source>
        <translation>61 and over</translation>
    </message>
    <message>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã ra khỏi danh sách</source>
        <translation>Left the list</translation>
    </message>
    <message>
        <source>{total} đảng viên, {prob} dự bị, {women} nữ</source>
        <translation>{total} Party members, {prob} probationary, {women} women</translation>
    </message>
    <message>
        <source>Quá {n} ngày</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Còn {n} ngày</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Huy hiệu</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>{n} năm</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>Đủ tuổi Đảng</source>
        <translation>Seniority reached</translation>
    </message>
    <message>
        <source>Trao sớm (ốm nặng)</source>
        <translation>Early award (serious illness)</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Dự kiến đến</source>
        <translation>Expected until</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>số thẻ</source>
        <translation>card number</translation>
    </message>
    <message>
        <source>Thiếu {what}</source>
        <translation>Missing {what}</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt, đi làm ăn xa đã quá ngày dự kiến</source>
        <translation>Exemption or working away past the expected date</translation>
    </message>
    <message>
        <source>Công nhận chính thức…</source>
        <translation>Confirm full membership…</translation>
    </message>
    <message>
        <source>Đến hạn công nhận chính thức (trong 30 ngày): {n}, quá hạn {late}</source>
        <translation>Due for full membership (within 30 days): {n}, overdue {late}</translation>
    </message>
    <message>
        <source>Huy hiệu Đảng đợt {day}: {n} đảng viên ({early} trao sớm)</source>
        <translation>Party badges, {day} round: {n} Party members ({early} early awards)</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt, đi làm ăn xa đã quá ngày dự kiến: {n}</source>
        <translation>Exemption or working away past the expected date: {n}</translation>
    </message>
    <message>
        <source>Thiếu CCCD hoặc số thẻ — đủ CCCD {cccd}, đủ số thẻ {card}</source>
        <translation>Missing ID card or card number — ID card complete {cccd}, card number complete {card}</translation>
    </message>
    <message>
        <source>Tìm họ tên, không cần dấu (Ctrl+F)…</source>
        <translation>Search names, no accents needed (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Nam và nữ</source>
        <translation>Men and women</translation>
    </message>
    <message>
        <source>Mọi độ tuổi</source>
        <translation>All ages</translation>
    </message>
    <message>
        <source>Mọi nghề nghiệp</source>
        <translation>All occupations</translation>
    </message>
    <message>
        <source>Mọi trình độ lý luận</source>
        <translation>All theory levels</translation>
    </message>
    <message>
        <source>Cả sinh hoạt tạm thời</source>
        <translation>Incl. temporary</translation>
    </message>
    <message>
        <source>Kết nạp…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <source>Kết nạp đảng viên mới (Ctrl+N)</source>
        <translation>Admit a new Party member (Ctrl+N)</translation>
    </message>
    <message>
        <source>Chuyển đến…</source>
        <translation>Transfer in…</translation>
    </message>
    <message>
        <source>Hồ sơ…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Chuẩn hóa tên dân tộc…</source>
        <translation>Standardise ethnicity names…</translation>
    </message>
    <message>
        <source>Nhập Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>In sổ danh sách…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Cần chú ý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Mọi chi bộ</source>
        <translation>All cells</translation>
    </message>
    <message>
        <source>Mọi dân tộc</source>
        <translation>All ethnicities</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Đã nhập {n} đảng viên.</source>
        <translation>Imported {n} Party members.</translation>
    </message>
    <message>
        <source>Không lưu được tệp</source>
        <translation>Could not save the file</translation>
    </message>
    <message>
        <source>Không lưu được tệp: {reason}. Hãy chọn thư mục khác.</source>
        <translation>Could not save the file: {reason}. Choose another folder.</translation>
    </message>
    <message>
        <source>Xuất danh sách ra Excel</source>
        <translation>Export the list to Excel</translation>
    </message>
    <message>
        <source>Danh sách đảng viên.xlsx</source>
        <translation>Party member list.xlsx</translation>
    </message>
    <message>
        <source>DANH SÁCH ĐẢNG VIÊN</source>
        <translation>PARTY MEMBER LIST</translation>
    </message>
    <message>
        <source>Danh sách đảng viên</source>
        <translation>Party member list</translation>
    </message>
    <message>
        <source>Đang xuất danh sách…</source>
        <translation>Exporting the list…</translation>
    </message>
    <message>
        <source>Đã lưu {n} đảng viên vào tệp:</source>
        <translation>{n} Party members saved to:</translation>
    </message>
    <message>
        <source>Đã lưu sổ danh sách đảng viên vào tệp:</source>
        <translation>Member register saved to:</translation>
    </message>
    <message>
        <source>In sổ danh sách đảng viên</source>
        <translation>Print the Party member register</translation>
    </message>
    <message>
        <source>Hết thời gian dự bị</source>
        <translation>Probation completed</translation>
    </message>
    <message>
        <source>Sổ danh sách đảng viên.pdf</source>
        <translation>Party member register.pdf</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)</source>
        <translation>PDF files (*.pdf);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang in sổ danh sách…</source>
        <translation>Printing the register…</translation>
    </message>
</context>
<context>
    <name>membership</name>
    <message>
        <source>Dự bị</source>
        <translation>Probationary</translation>
    </message>
    <message>
        <source>Chính thức</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation>Exempt from meetings</translation>
    </message>
    <message>
        <source>Đi làm ăn xa</source>
        <translation>Working away</translation>
    </message>
    <message>
        <source>Đã chuyển đi</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>Đã xóa tên</source>
        <translation>Struck off</translation>
    </message>
    <message>
        <source>Đã ra khỏi Đảng</source>
        <translation>Left the Party</translation>
    </message>
    <message>
        <source>Đã khai trừ</source>
        <translation>Expelled</translation>
    </message>
    <message>
        <source>Đã từ trần</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Kết nạp</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Công nhận chính thức</source>
        <translation>Full membership confirmed</translation>
    </message>
    <message>
        <source>Chuyển đến</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>Chuyển đi</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>Kết thúc sinh hoạt tạm thời</source>
        <translation>End of temporary attendance</translation>
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt</source>
        <translation>Exempt from duties and meetings</translation>
    </message>
    <message>
        <source>Thôi miễn sinh hoạt</source>
        <translation>End of exemption</translation>
    </message>
    <message>
        <source>Trở về sinh hoạt</source>
        <translation>Return to meetings</translation>
    </message>
    <message>
        <source>Xóa tên</source>
        <translation>Strike off</translation>
    </message>
    <message>
        <source>Xin ra khỏi Đảng</source>
        <translation>Leave the Party</translation>
    </message>
    <message>
        <source>Khai trừ</source>
        <translation>Expulsion</translation>
    </message>
    <message>
        <source>Từ trần</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Kết nạp lại</source>
        <translation>Readmission</translation>
    </message>
    <message>
        <source>Khôi phục đảng tịch</source>
        <translation>Restoration of Party membership</translation>
    </message>
    <message>
        <source>Chuyển chi bộ trong đảng bộ</source>
        <translation>Move to another cell</translation>
    </message>
    <message>
        <source>Cấp thẻ đảng viên</source>
        <translation>Party card issued</translation>
    </message>
    <message>
        <source>Trao huy hiệu Đảng</source>
        <translation>Party badge awarded</translation>
    </message>
    <message>
        <source>Cán bộ, công chức cơ quan Đảng, Nhà nước, đoàn thể</source>
        <translation>Officials of Party, State and mass organisation bodies</translation>
    </message>
    <message>
        <source>Cán bộ, công chức xã</source>
        <translation>Commune officials and civil servants</translation>
    </message>
    <message>
        <source>Người hoạt động không chuyên trách ở bản</source>
        <translation>Part-time village workers</translation>
    </message>
    <message>
        <source>Viên chức sự nghiệp</source>
        <translation>Public service employees</translation>
    </message>
    <message>
        <source>Làm việc trong doanh nghiệp</source>
        <translation>Working in a business</translation>
    </message>
    <message>
        <source>Nông, lâm, ngư nghiệp</source>
        <translation>Agriculture, forestry, fisheries</translation>
    </message>
    <message>
        <source>Quân đội</source>
        <translation>Army</translation>
    </message>
    <message>
        <source>Công an</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Học sinh, sinh viên</source>
        <translation>Pupils and students</translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Chưa qua đào tạo</source>
        <translation>No training</translation>
    </message>
    <message>
        <source>Sơ cấp</source>
        <translation>Elementary</translation>
    </message>
    <message>
        <source>Trung cấp</source>
        <translation>Intermediate</translation>
    </message>
    <message>
        <source>Cao cấp</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Cử nhân</source>
        <translation>Bachelor</translation>
    </message>
    <message>
        <source>Ngày {date}: người này chưa là đảng viên của đảng bộ.</source>
        <translation>On {date}: this person was not yet a member of the Party organisation.</translation>
    </message>
    <message>
        <source>Ngày {date}: đảng viên đã ở trạng thái “{status}” từ ngày {since}, không thể {action}.</source>
        <translation>{date}: the member has been in the state “{status}” since {since}; cannot record “{action}”.</translation>
    </message>
    <message>
        <source>Đảng viên đã được kết nạp trước đó.</source>
        <translation>The member has already been admitted.</translation>
    </message>
    <message>
        <source>Chỉ kết nạp lại người đã bị xóa tên, đã ra khỏi Đảng hoặc bị khai trừ.</source>
        <translation>Only people who were struck off, left the Party or were expelled can be readmitted.</translation>
    </message>
    <message>
        <source>Chỉ công nhận chính thức cho đảng viên dự bị.</source>
        <translation>Only probationary members can be confirmed as full members.</translation>
    </message>
    <message>
        <source>Chưa đủ {months} tháng dự bị. Ngày đủ {months} tháng dự bị: {due}.</source>
        <translation>Fewer than {months} months of probation. {months} months are completed on {due}.</translation>
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt tại đảng bộ, không thể chuyển đến.</source>
        <translation>The member is already active in this Party organisation and cannot be transferred in.</translation>
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt tạm thời, không thể chuyển tạm thời lần nữa.</source>
        <translation>The member is already attending temporarily and cannot be transferred temporarily again.</translation>
    </message>
    <message>
        <source>Đảng viên không sinh hoạt tạm thời.</source>
        <translation>The member is not attending temporarily.</translation>
    </message>
    <message>
        <source>Đảng viên đang ở trạng thái “{status}”; hãy kết thúc trạng thái đó trước.</source>
        <translation>The member is “{status}”; end that status first.</translation>
    </message>
    <message>
        <source>Đảng viên không ở trạng thái “{status}”.</source>
        <translation>The member is not “{status}”.</translation>
    </message>
    <message>
        <source>Chỉ khai trừ đảng viên chính thức. Đảng viên dự bị vi phạm thì xóa tên khỏi danh sách.</source>
        <translation>Only full members can be expelled. A probationary member who violates the rules is struck off the list.</translation>
    </message>
    <message>
        <source>Chỉ khôi phục đảng tịch cho người đã bị xóa tên, khai trừ hoặc ra khỏi Đảng.</source>
        <translation>Party membership can only be restored for people who were struck off, expelled or left the Party.</translation>
    </message>
    <message>
        <source>Hãy nhập họ.</source>
        <translation>Enter the family name.</translation>
    </message>
    <message>
        <source>Hãy nhập tên.</source>
        <translation>Enter the given name.</translation>
    </message>
    <message>
        <source>Họ tên không được chứa chữ số.</source>
        <translation>Names cannot contain digits.</translation>
    </message>
    <message>
        <source>Quá dài (tối đa 60 ký tự).</source>
        <translation>Too long (at most 60 characters).</translation>
    </message>
    <message>
        <source>Hãy chọn giới tính Nam hoặc Nữ.</source>
        <translation>Choose the sex: male or female.</translation>
    </message>
    <message>
        <source>Ngày sinh ở tương lai. Hãy sửa lại.</source>
        <translation>The date of birth is in the future. Please correct it.</translation>
    </message>
    <message>
        <source>Ngày sinh quá xa (trên 120 tuổi). Hãy kiểm tra lại năm sinh.</source>
        <translation>The date of birth is too far back (over 120 years). Check the year of birth.</translation>
    </message>
    <message>
        <source>Hãy chọn nghề nghiệp trong danh sách.</source>
        <translation>Choose an occupation from the list.</translation>
    </message>
    <message>
        <source>Hãy chọn trình độ lý luận chính trị trong danh sách.</source>
        <translation>Choose a political theory level from the list.</translation>
    </message>
    <message>
        <source>Số CCCD chỉ gồm chữ số.</source>
        <translation>The ID card number must contain only digits.</translation>
    </message>
    <message>
        <source>Ngày ở tương lai. Hãy sửa lại.</source>
        <translation>The date is in the future. Please correct it.</translation>
    </message>
    <message>
        <source>Quá dài (tối đa 200 ký tự).</source>
        <translation>Too long (at most 200 characters).</translation>
    </message>
    <message>
        <source>Số CCCD {cccd} đã có trong danh sách đảng viên. Hãy tìm hồ sơ đó thay vì tạo hồ sơ mới.</source>
        <translation>The ID card number {cccd} is already on the Party member list. Find that record instead of creating a new one.</translation>
    </message>
    <message>
        <source>Có người trùng ngày sinh và họ tên: {name}. Hãy kiểm tra có phải cùng một người.</source>
        <translation>Someone has the same date of birth and name: {name}. Check whether it is the same person.</translation>
    </message>
    <message>
        <source>chi bộ</source>
        <translation>cell</translation>
    </message>
    <message>
        <source>Chi bộ {name} đã sáp nhập hoặc giải thể.</source>
        <translation>The cell {name} has been merged or dissolved.</translation>
    </message>
    <message>
        <source>Ngày {date} ở tương lai. Hãy nhập ngày đã xảy ra.</source>
        <translation>The date {date} is in the future. Enter a date that has already passed.</translation>
    </message>
    <message>
        <source>Tháng đã nộp đảng phí ghi dạng tháng/năm.</source>
        <translation>Write the month dues were paid up to as month/year.</translation>
    </message>
    <message>
        <source>đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Không thể ghi “{action}” ngày {date}: lịch sử đã có “{recorded}” ngày {recorded_date}, không còn hợp lệ sau sự kiện mới ({problem}). Hãy kiểm tra ngày của hai sự kiện; nếu sự kiện đã có là nhập nhầm, hãy hủy nó trước.</source>
        <translation>Cannot record “{action}” on {date}: the history already has “{recorded}” on {recorded_date}, which would no longer be valid after the new event ({problem}). Check the dates of both events; if the recorded one is a mistake, void it first.</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp phải sau ngày chi bộ xét.</source>
        <translation>The admission decision date must be after the cell&apos;s review date.</translation>
    </message>
    <message>
        <source>Lễ kết nạp phải sau ngày ra quyết định.</source>
        <translation>The admission ceremony must be after the decision date.</translation>
    </message>
    <message>
        <source>Ngày sinh phải trước ngày chi bộ xét kết nạp.</source>
        <translation>The date of birth must be before the cell&apos;s admission review.</translation>
    </message>
    <message>
        <source>Chưa đủ {min} tuổi khi chi bộ xét (mới {years} tuổi {months} tháng). Không thể kết nạp.</source>
        <translation>Under {min} years old at the cell&apos;s review ({years} years {months} months). Cannot be admitted.</translation>
    </message>
    <message>
        <source>Trên {max} tuổi khi chi bộ xét ({years} tuổi {months} tháng): cần ý kiến đồng ý của Tỉnh ủy. Hãy ghi số văn bản đồng ý vào ô ghi chú rồi lưu lại.</source>
        <translation>Over {max} years old at the cell&apos;s review ({years} years {months} months): the Provincial Party Committee must agree. Enter the number of its letter of approval in the notes, then save again.</translation>
    </message>
    <message>
        <source>Kết nạp trên {max} tuổi theo văn bản: {note}</source>
        <translation>Admitted over {max} years old by letter: {note}</translation>
    </message>
    <message>
        <source>Trình độ học vấn {value} thấp hơn quy định ({rule}); chỉ được xét ở vùng cao, vùng đồng bào dân tộc thiểu số.</source>
        <translation>Education level {value} is below the requirement ({rule}); only allowed in highland and ethnic minority areas.</translation>
    </message>
    <message>
        <source>Ảnh quá lớn (tối đa 2 MB). Hãy chọn ảnh nhỏ hơn.</source>
        <translation>The image is too large (2 MB at most). Choose a smaller image.</translation>
    </message>
    <message>
        <source>Hãy nhập tổ chức đảng nơi chuyển đến.</source>
        <translation>Enter the Party organisation transferred to.</translation>
    </message>
    <message>
        <source>Hãy chọn đảng viên dự bị hoặc chính thức.</source>
        <translation>Choose probationary or full member.</translation>
    </message>
    <message>
        <source>Hãy nhập tổ chức đảng nơi chuyển đi.</source>
        <translation>Enter the Party organisation transferred from.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày quyết định kết nạp và ngày vào Đảng.</source>
        <translation>Enter the admission decision date and the date joined the Party.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày chính thức.</source>
        <translation>Enter the full membership date.</translation>
    </message>
    <message>
        <source>Ngày vào Đảng phải trước ngày chuyển đến.</source>
        <translation>The date joined the Party must be before the transfer-in date.</translation>
    </message>
    <message>
        <source>Ngày kết thúc dự kiến phải sau ngày bắt đầu.</source>
        <translation>The expected end date must be after the start date.</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ mới.</source>
        <translation>Choose the new cell.</translation>
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt ở chi bộ này.</source>
        <translation>The member already attends this cell.</translation>
    </message>
    <message>
        <source>Hãy nhập số thẻ đảng viên.</source>
        <translation>Enter the Party card number.</translation>
    </message>
    <message>
        <source>Huy hiệu chỉ có các mốc {years} năm.</source>
        <translation>Badges exist only for {years} years.</translation>
    </message>
    <message>
        <source>Đảng viên đã được trao Huy hiệu {years} năm tuổi Đảng ngày {date}.</source>
        <translation>The member already received the {years}-year Party badge on {date}.</translation>
    </message>
    <message>
        <source>Ngày {date} đảng viên mới có {age} năm tuổi Đảng, chưa đủ điều kiện nhận Huy hiệu {years} năm tuổi Đảng: đủ {years} năm vào ngày {eligible}; được xét tặng sớm (không quá {early} tháng) từ ngày {earliest}.</source>
        <translation>On {date} the member has only {age} years of Party age, not enough for the {years}-year Party badge: {years} years are reached on {eligible}; an early award (at most {early} months early) is possible from {earliest}.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do hủy sự kiện.</source>
        <translation>Enter the reason for voiding the event.</translation>
    </message>
    <message>
        <source>sự kiện</source>
        <translation>event</translation>
    </message>
    <message>
        <source>Không thể hủy sự kiện duy nhất trong lịch sử của đảng viên. Nếu cả hồ sơ nhập nhầm, hãy xóa hồ sơ.</source>
        <translation>The only event of a member&apos;s history cannot be voided. If the whole record was entered by mistake, delete the record.</translation>
    </message>
    <message>
        <source>Không thể hủy sự kiện “{event}” ngày {date}: lịch sử còn lại không hợp lệ. {problem}</source>
        <translation>The event “{event}” of {date} cannot be voided: the remaining history would not be valid. {problem}</translation>
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
        <translation>Party organisation name</translation>
    </message>
    <message>
        <source>tên đảng ủy</source>
        <translation>Party committee name</translation>
    </message>
    <message>
        <source>ký hiệu văn bản</source>
        <translation>document symbol</translation>
    </message>
    <message>
        <source>địa danh ghi ngày tháng</source>
        <translation>place name for dating documents</translation>
    </message>
    <message>
        <source>tên cấp ủy cấp trên</source>
        <translation>higher committee name</translation>
    </message>
    <message>
        <source>ký hiệu cấp trên</source>
        <translation>higher-level symbol</translation>
    </message>
    <message>
        <source>dòng tiêu đề cấp trên</source>
        <translation>higher-level heading line</translation>
    </message>
    <message>
        <source>Nhiệm kỳ kết thúc trước khi bắt đầu.</source>
        <translation>The term ends before it starts.</translation>
    </message>
    <message>
        <source>Đơn vị đã được khai báo. Hãy sửa thông tin trong trang Tổ chức.</source>
        <translation>The unit is already set up. Edit its details on the Organisation page.</translation>
    </message>
    <message>
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>Hãy nhập tên bản (ví dụ: Bản Na Hát).</source>
        <translation>Enter the village name (e.g. Bản Na Hát).</translation>
    </message>
    <message>
        <source>Hãy chọn loại: bản, tiểu khu, tổ dân phố hoặc thôn.</source>
        <translation>Choose the type: village, sub-area, residential group or hamlet.</translation>
    </message>
    <message>
        <source>Số phải từ 0 đến 1.000.000.</source>
        <translation>The number must be from 0 to 1.000.000.</translation>
    </message>
    <message>
        <source>Đã có bản “{name}” đang hoạt động. Hãy đặt tên khác hoặc sửa bản đó.</source>
        <translation>An active village “{name}” already exists. Choose another name or edit that village.</translation>
    </message>
    <message>
        <source>bản</source>
        <translation>village</translation>
    </message>
    <message>
        <source>Bản này đã ngừng từ trước.</source>
        <translation>This village was already closed.</translation>
    </message>
    <message>
        <source>Bản kế thừa phải là một bản khác.</source>
        <translation>The successor village must be a different village.</translation>
    </message>
    <message>
        <source>bản kế thừa</source>
        <translation>successor village</translation>
    </message>
    <message>
        <source>Bản kế thừa đã ngừng; hãy chọn một bản đang hoạt động.</source>
        <translation>The successor village is closed; choose an active village.</translation>
    </message>
    <message>
        <source>Hãy nhập tên chi bộ (ví dụ: Chi bộ bản Na Hát).</source>
        <translation>Enter the cell name (e.g. Na Hát village cell).</translation>
    </message>
    <message>
        <source>Hãy chọn loại chi bộ.</source>
        <translation>Choose the cell type.</translation>
    </message>
    <message>
        <source>Chi bộ bản phải phụ trách ít nhất một bản. Hãy chọn bản.</source>
        <translation>A village cell must cover at least one village. Choose the villages.</translation>
    </message>
    <message>
        <source>Có bản đã ngừng hoặc không còn; hãy chọn lại các bản.</source>
        <translation>Some villages are closed or no longer exist; choose the villages again.</translation>
    </message>
    <message>
        <source>Đã có chi bộ “{name}” đang hoạt động. Hãy đặt tên khác.</source>
        <translation>An active cell “{name}” already exists. Choose another name.</translation>
    </message>
    <message>
        <source>chi bộ</source>
        <translation>cell</translation>
    </message>
    <message>
        <source>Chi bộ này đã sáp nhập hoặc giải thể.</source>
        <translation>This cell has been merged or dissolved.</translation>
    </message>
    <message>
        <source>Chi bộ còn {count} đảng viên. Hãy chọn chi bộ tiếp nhận (sáp nhập) thay vì giải thể.</source>
        <translation>The cell still has {count} Party members. Choose a receiving cell (merge) instead of dissolving it.</translation>
    </message>
    <message>
        <source>chi bộ tiếp nhận</source>
        <translation>receiving cell</translation>
    </message>
    <message>
        <source>Chi bộ tiếp nhận phải là một chi bộ khác đang hoạt động.</source>
        <translation>The receiving cell must be another active cell.</translation>
    </message>
    <message>
        <source>đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Chỉ đảng viên đang sinh hoạt trong đảng bộ mới giữ được chức vụ.</source>
        <translation>Only members active in the Party organisation can hold a position.</translation>
    </message>
    <message>
        <source>Hãy chọn chức vụ.</source>
        <translation>Choose the position.</translation>
    </message>
    <message>
        <source>Chức vụ chi bộ cần chọn chi bộ; chức vụ Đảng ủy thì không chọn chi bộ.</source>
        <translation>A cell position needs a cell; a commune committee position does not.</translation>
    </message>
    <message>
        <source>Chi bộ đã sáp nhập hoặc giải thể.</source>
        <translation>The cell has been merged or dissolved.</translation>
    </message>
    <message>
        <source>Đảng viên này không sinh hoạt ở chi bộ {cell}.</source>
        <translation>This member does not attend the cell {cell}.</translation>
    </message>
    <message>
        <source>Chỉ theo dõi “kiêm trưởng bản” cho bí thư chi bộ.</source>
        <translation>“Also village head” is tracked only for cell secretaries.</translation>
    </message>
    <message>
        <source>Người đang giữ chức vụ này bắt đầu từ {date}; ngày bắt đầu mới phải sau đó.</source>
        <translation>The current holder of this position started on {date}; the new start date must be after that.</translation>
    </message>
    <message>
        <source>chức vụ</source>
        <translation>position</translation>
    </message>
    <message>
        <source>Chỉ đảng ủy viên mới được phân công phụ trách chi bộ. Hãy ghi chức vụ Đảng ủy trước.</source>
        <translation>Only commune committee members can be put in charge of a cell. Record their committee position first.</translation>
    </message>
    <message>
        <source>Không có chi bộ “{name}”. Hãy dùng tên như trong danh sách chi bộ.</source>
        <translation>There is no cell “{name}”. Use the name as in the list of cells.</translation>
    </message>
</context>
<context>
    <name>organisation_ui</name>
    <message>
        <source>Hãy nhập ngày, ví dụ 03/02/2026.</source>
        <translation>Enter a date, e.g. 03/02/2026.</translation>
    </message>
    <message>
        <source>Thêm bản</source>
        <translation>Add village</translation>
    </message>
    <message>
        <source>Sửa bản</source>
        <translation>Edit village</translation>
    </message>
    <message>
        <source>ví dụ: Bản Na Hát</source>
        <translation>e.g. Na Hát village</translation>
    </message>
    <message>
        <source>Tên:</source>
        <translation>Given name:</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Số hộ:</source>
        <translation>Households:</translation>
    </message>
    <message>
        <source>Số nhân khẩu:</source>
        <translation>Residents:</translation>
    </message>
    <message>
        <source>Thành lập từ ngày:</source>
        <translation>Established on:</translation>
    </message>
    <message>
        <source>— Không (giải thể) —</source>
        <translation>— None (dissolved) —</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Ngừng bản / sáp nhập</source>
        <translation>Close village / merge</translation>
    </message>
    <message>
        <source>Bản “{name}” ngừng từ ngày dưới đây. Nếu sáp nhập, hãy chọn bản tiếp nhận.</source>
        <translation>The village “{name}” closes on the date below. If it is merged, choose the receiving village.</translation>
    </message>
    <message>
        <source>Sáp nhập vào bản:</source>
        <translation>Merge into village:</translation>
    </message>
    <message>
        <source>Lọc theo tên bản…</source>
        <translation>Filter by village name…</translation>
    </message>
    <message>
        <source>Thêm chi bộ</source>
        <translation>Add cell</translation>
    </message>
    <message>
        <source>Sửa chi bộ</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <source>ví dụ: Chi bộ bản Na Hát</source>
        <translation>e.g. Na Hát village cell</translation>
    </message>
    <message>
        <source>Có chi ủy</source>
        <translation>Has a cell committee</translation>
    </message>
    <message>
        <source>Tên chi bộ:</source>
        <translation>Cell name:</translation>
    </message>
    <message>
        <source>Các bản phụ trách:</source>
        <translation>Villages covered:</translation>
    </message>
    <message>
        <source>Ký hiệu văn bản:</source>
        <translation>Document symbol:</translation>
    </message>
    <message>
        <source>Nhiệm kỳ từ ngày:</source>
        <translation>Term from:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Ngày đại hội:</source>
        <translation>Congress date:</translation>
    </message>
    <message>
        <source>Sáp nhập / giải thể chi bộ</source>
        <translation>Merge / dissolve cell</translation>
    </message>
    <message>
        <source>“{name}” có {count} đảng viên. Khi sáp nhập, đảng viên và các bản phụ trách được chuyển sang chi bộ tiếp nhận; chức vụ và phân công phụ trách của chi bộ cũ kết thúc.</source>
        <translation>“{name}” has {count} Party members. On merging, the members and villages move to the receiving cell; the old cell&apos;s positions and assignments end.</translation>
    </message>
    <message>
        <source>Sáp nhập vào chi bộ:</source>
        <translation>Merge into cell:</translation>
    </message>
    <message>
        <source>Giao chức vụ</source>
        <translation>Assign position</translation>
    </message>
    <message>
        <source>Bí thư kiêm trưởng bản (tiểu khu trưởng, tổ trưởng)</source>
        <translation>Secretary and village head (sub-area or group head)</translation>
    </message>
    <message>
        <source>Bí thư kiêm Chủ tịch HĐND</source>
        <translation>Secretary and People&apos;s Council chair</translation>
    </message>
    <message>
        <source>Kiêm Chủ tịch UBND</source>
        <translation>Also People&apos;s Committee chair</translation>
    </message>
    <message>
        <source>Không phải người địa phương</source>
        <translation>Not from the locality</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation>Cell:</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Kiêm nhiệm:</source>
        <translation>Concurrent roles:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Hãy tìm và chọn một đảng viên trong danh sách.</source>
        <translation>Search for and choose a Party member from the list.</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ.</source>
        <translation>Choose a cell.</translation>
    </message>
    <message>
        <source>Thôi giữ chức vụ</source>
        <translation>Leave position</translation>
    </message>
    <message>
        <source>Đảng ủy</source>
        <translation>Party committee</translation>
    </message>
    <message>
        <source>{name} thôi giữ chức {role} ({where}).</source>
        <translation>{name} leaves the position of {role} ({where}).</translation>
    </message>
    <message>
        <source>Phân công phụ trách chi bộ</source>
        <translation>Assign responsibility for a cell</translation>
    </message>
    <message>
        <source>Chỉ đảng ủy viên (đã ghi ở thẻ Chức vụ) mới được phân công phụ trách chi bộ.</source>
        <translation>Only commune committee members (recorded on the Positions tab) can be put in charge of a cell.</translation>
    </message>
    <message>
        <source>Đảng ủy viên:</source>
        <translation>Committee member:</translation>
    </message>
    <message>
        <source>Hãy chọn một đảng ủy viên trong danh sách.</source>
        <translation>Choose a committee member from the list.</translation>
    </message>
    <message>
        <source>Thêm cấp trên trước đây</source>
        <translation>Add a former higher level</translation>
    </message>
    <message>
        <source>Dùng cho văn bản của thời gian trước, ví dụ Huyện ủy Sốp Cộp (dòng tiêu đề “ĐẢNG BỘ HUYỆN SỐP CỘP”) đến 30/6/2025.</source>
        <translation>Used for documents of an earlier period, e.g. Sốp Cộp District Party Committee (heading “ĐẢNG BỘ HUYỆN SỐP CỘP”) until 30/6/2025.</translation>
    </message>
    <message>
        <source>Cấp ủy cấp trên:</source>
        <translation>Higher committee:</translation>
    </message>
    <message>
        <source>Ký hiệu:</source>
        <translation>Symbol:</translation>
    </message>
    <message>
        <source>Dòng tiêu đề văn bản:</source>
        <translation>Document heading line:</translation>
    </message>
    <message>
        <source>Ban Tổ chức:</source>
        <translation>Organisation Board:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Hãy nhập thông tin này.</source>
        <translation>Enter this information.</translation>
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
        <translation>Cell in charge</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Nhân khẩu</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Ngừng từ</source>
        <translation>Closed from</translation>
    </message>
    <message>
        <source>Sáp nhập vào</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Tên chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Các bản</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Chi ủy</source>
        <translation>Cell committee</translation>
    </message>
    <message>
        <source>Bí thư</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Kiêm trưởng bản</source>
        <translation>Village head</translation>
    </message>
    <message>
        <source>Bí thư chi bộ kiêm trưởng bản, tiểu khu trưởng hoặc tổ trưởng tổ dân phố</source>
        <translation>Cell secretary who is also village head, sub-area head or residential group head</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>kiêm trưởng bản</source>
        <translation>also village head</translation>
    </message>
    <message>
        <source>kiêm Chủ tịch HĐND</source>
        <translation>also People&apos;s Council chair</translation>
    </message>
    <message>
        <source>kiêm Chủ tịch UBND</source>
        <translation>also People&apos;s Committee chair</translation>
    </message>
    <message>
        <source>không phải người địa phương</source>
        <translation>not from the locality</translation>
    </message>
    <message>
        <source>Chi bộ / Đảng ủy</source>
        <translation>Cell / Party committee</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kiêm nhiệm</source>
        <translation>Concurrent roles</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cells</translation>
    </message>
    <message>
        <source>Đảng ủy viên phụ trách</source>
        <translation>Committee member in charge</translation>
    </message>
    <message>
        <source>Cấp trên</source>
        <translation>Higher level</translation>
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Dòng tiêu đề văn bản</source>
        <translation>Document heading line</translation>
    </message>
    <message>
        <source>Ban Tổ chức</source>
        <translation>Organisation Board</translation>
    </message>
    <message>
        <source>Tìm (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Hiện cả bản đã ngừng</source>
        <translation>Show closed villages too</translation>
    </message>
    <message>
        <source>Thêm bản…</source>
        <translation>Add village…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Ngừng / sáp nhập…</source>
        <translation>Close / merge…</translation>
    </message>
    <message>
        <source>Ngừng bản</source>
        <translation>Close village</translation>
    </message>
    <message>
        <source>Bản này đã ngừng từ trước.</source>
        <translation>This village was already closed.</translation>
    </message>
    <message>
        <source>Hiện cả chi bộ đã sáp nhập, giải thể</source>
        <translation>Show merged and dissolved cells too</translation>
    </message>
    <message>
        <source>Thêm chi bộ…</source>
        <translation>Add cell…</translation>
    </message>
    <message>
        <source>Sáp nhập / giải thể…</source>
        <translation>Merge / dissolve…</translation>
    </message>
    <message>
        <source>Sáp nhập chi bộ</source>
        <translation>Merge cell</translation>
    </message>
    <message>
        <source>Chi bộ này đã sáp nhập hoặc giải thể.</source>
        <translation>This cell has been merged or dissolved.</translation>
    </message>
    <message>
        <source>Đã sáp nhập</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Đã chuyển {n} đảng viên sang chi bộ tiếp nhận.</source>
        <translation>Moved {n} Party members to the receiving cell.</translation>
    </message>
    <message>
        <source>Hiện cả chức vụ đã thôi</source>
        <translation>Show former positions too</translation>
    </message>
    <message>
        <source>Giao chức vụ…</source>
        <translation>Assign position…</translation>
    </message>
    <message>
        <source>Thôi chức vụ…</source>
        <translation>End position…</translation>
    </message>
    <message>
        <source>Hiện cả phân công đã kết thúc</source>
        <translation>Show ended assignments too</translation>
    </message>
    <message>
        <source>Phân công phụ trách…</source>
        <translation>Assign responsibility…</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tên đảng bộ:</source>
        <translation>Party organisation name:</translation>
    </message>
    <message>
        <source>Tên đảng ủy:</source>
        <translation>Party committee name:</translation>
    </message>
    <message>
        <source>Địa danh ghi ngày tháng:</source>
        <translation>Place name for dates:</translation>
    </message>
    <message>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Nhiệm kỳ:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Cấp trên hiện nay:</source>
        <translation>Current higher level:</translation>
    </message>
    <message>
        <source>Sửa thông tin đơn vị…</source>
        <translation>Edit unit details…</translation>
    </message>
    <message>
        <source>Cấp trên qua các thời kỳ</source>
        <translation>Higher levels over time</translation>
    </message>
    <message>
        <source>Văn bản lấy dòng tiêu đề của cấp trên có hiệu lực vào ngày ký văn bản.</source>
        <translation>Documents use the heading of the higher level in force on the signing date.</translation>
    </message>
    <message>
        <source>Thêm cấp trên trước đây…</source>
        <translation>Add former higher level…</translation>
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
        <translation>Active Party members:</translation>
    </message>
    <message>
        <source>Chi bộ đang hoạt động:</source>
        <translation>Active cells:</translation>
    </message>
    <message>
        <source>Chi bộ có chi ủy:</source>
        <translation>Cells with a committee:</translation>
    </message>
    <message>
        <source>Bí thư chi bộ kiêm trưởng bản:</source>
        <translation>Secretaries who are also village heads:</translation>
    </message>
    <message>
        <source>Chi bộ chưa có bí thư:</source>
        <translation>Cells without a secretary:</translation>
    </message>
    <message>
        <source>Bản, tiểu khu, tổ dân phố:</source>
        <translation>Villages, sub-areas, residential groups:</translation>
    </message>
    <message>
        <source>Bản chưa có đảng viên:</source>
        <translation>Villages without Party members:</translation>
    </message>
    <message>
        <source>Bản chưa có chi bộ phụ trách:</source>
        <translation>Villages without a cell in charge:</translation>
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
    <name>pdf_preview</name>
    <message>
        <source>Xem trước: {name}</source>
        <translation>Preview: {name}</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Lưu thành tệp PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Vừa khổ rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{n} trang</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>In văn bản</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>Lưu thành tệp PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>Kỳ báo cáo “{text}” không đúng dạng. Ví dụ: 2026-Q3 (quý), 2026-H1 (6 tháng), 2026-9M (9 tháng), 2026-Y (năm).</source>
        <translation>The reporting period “{text}” is not in the right format. Examples: 2026-Q3 (quarter), 2026-H1 (6 months), 2026-9M (9 months), 2026-Y (year).</translation>
    </message>
</context>
<context>
    <name>petitions</name>
    <message>
        <source>Khiếu nại</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Tố cáo</source>
        <translation>Denunciation</translation>
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Phản ánh</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Lưu đơn</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Chuyển cơ quan có thẩm quyền</source>
        <translation>Referred to the competent body</translation>
    </message>
    <message>
        <source>Hãy chọn loại đơn.</source>
        <translation>Choose the type of petition.</translation>
    </message>
    <message>
        <source>Hãy tóm tắt nội dung đơn.</source>
        <translation>Summarise the petition.</translation>
    </message>
    <message>
        <source>Hãy ghi người gửi, hoặc đánh dấu đơn không ký tên.</source>
        <translation>Enter the sender, or mark the petition as unsigned.</translation>
    </message>
    <message>
        <source>Hạn giải quyết trước ngày nhận đơn.</source>
        <translation>The deadline is before the date received.</translation>
    </message>
    <message>
        <source>đơn thư</source>
        <translation>petition</translation>
    </message>
    <message>
        <source>Hãy chọn: đã giải quyết, lưu đơn hoặc chuyển đi.</source>
        <translation>Choose: resolved, filed or referred.</translation>
    </message>
    <message>
        <source>Đơn đã được xử lý trước đó.</source>
        <translation>The petition has already been handled.</translation>
    </message>
    <message>
        <source>Ngày xử lý trước ngày nhận đơn ({date}).</source>
        <translation>The handling date is before the date received ({date}).</translation>
    </message>
    <message>
        <source>Hãy ghi kết quả giải quyết.</source>
        <translation>Enter the outcome.</translation>
    </message>
    <message>
        <source>Hãy ghi cơ quan nhận đơn chuyển.</source>
        <translation>Enter the body the petition was referred to.</translation>
    </message>
</context>
<context>
    <name>petitions_ui</name>
    <message>
        <source>Vào sổ đơn thư</source>
        <translation>Register petition</translation>
    </message>
    <message>
        <source>Đơn không ký tên (nặc danh)</source>
        <translation>Unsigned (anonymous) petition</translation>
    </message>
    <message>
        <source>Ngày nhận:</source>
        <translation>Date received:</translation>
    </message>
    <message>
        <source>Loại đơn:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Người gửi:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>Người, tổ chức bị phản ánh:</source>
        <translation>Person or organisation concerned:</translation>
    </message>
    <message>
        <source>Tóm tắt nội dung:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Người xử lý:</source>
        <translation>Handled by:</translation>
    </message>
    <message>
        <source>Hạn giải quyết:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Xử lý đơn</source>
        <translation>Handle petition</translation>
    </message>
    <message>
        <source>Kết quả xử lý:</source>
        <translation>Handling result:</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Kết quả giải quyết:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Chuyển đến:</source>
        <translation>Referred to:</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>(không ký tên)</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Ngày xử lý</source>
        <translation>Handled on</translation>
    </message>
    <message>
        <source>Mọi tình trạng</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Vào sổ đơn…</source>
        <translation>Register petition…</translation>
    </message>
    <message>
        <source>Xử lý đơn…</source>
        <translation>Handle petition…</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Đơn thư</source>
        <translation>Petitions and complaints</translation>
    </message>
    <message>
        <source>Từ {start} đến {end}: đầu kỳ {opening} + nhận {received} = đã giải quyết {resolved} + lưu {filed} + chuyển cơ quan khác {transferred} + đang giải quyết cuối kỳ {pending}</source>
        <translation>{start} to {end}: opening {opening} + received {received} = resolved {resolved} + filed {filed} + transferred to another body {transferred} + pending at the end {pending}</translation>
    </message>
    <message>
        <source> — KHÔNG CÂN ĐỐI: hãy kiểm tra ngày và tình trạng xử lý của các đơn.</source>
        <translation> — DOES NOT BALANCE: check the letters&apos; dates and how they were handled.</translation>
    </message>
    <message>
        <source>Đơn này đã được xử lý.</source>
        <translation>This petition has already been handled.</translation>
    </message>
</context>
<context>
    <name>rating</name>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation>Exempt from meetings</translation>
    </message>
    <message>
        <source>Đình chỉ sinh hoạt</source>
        <translation>Suspended from activities</translation>
    </message>
    <message>
        <source>Kết nạp chưa đủ 6 tháng</source>
        <translation>Admitted less than 6 months ago</translation>
    </message>
    <message>
        <source>Chọn xếp loại đảng viên hoặc tổ chức đảng.</source>
        <translation>Choose rating of Party members or of Party organisations.</translation>
    </message>
    <message>
        <source>Đã có đợt xếp loại năm {year}.</source>
        <translation>A rating round for {year} already exists.</translation>
    </message>
    <message>
        <source>đợt xếp loại</source>
        <translation>rating round</translation>
    </message>
    <message>
        <source>Đợt xếp loại đã khóa.</source>
        <translation>The rating round is locked.</translation>
    </message>
    <message>
        <source>Không thuộc đợt xếp loại này.</source>
        <translation>Not part of this rating round.</translation>
    </message>
    <message>
        <source>Lý do không xếp loại không hợp lệ.</source>
        <translation>Invalid reason for not rating.</translation>
    </message>
    <message>
        <source>Người này không xếp loại ({reason}).</source>
        <translation>This person is not rated ({reason}).</translation>
    </message>
    <message>
        <source>Điểm từ 0 đến 100.</source>
        <translation>The score is from 0 to 100.</translation>
    </message>
    <message>
        <source>Mức xếp loại không hợp lệ.</source>
        <translation>Invalid rating level.</translation>
    </message>
    <message>
        <source>toàn đảng bộ</source>
        <translation>the whole Party organisation</translation>
    </message>
    <message>
        <source>{where}: {excellent} “hoàn thành xuất sắc”, vượt {quota}% số “hoàn thành tốt” ({good} → tối đa {allowed}).</source>
        <translation>{where}: {excellent} “excellent” exceeds {quota}% of the “good” count ({good} → at most {allowed}).</translation>
    </message>
    <message>
        <source>Điều 8 Điều lệ Đảng và Quy định thi hành Điều lệ Đảng (24-QĐ/TW, 2021): đảng viên 2 năm liền xếp loại “không hoàn thành nhiệm vụ” thì chi bộ xem xét, đề nghị xóa tên</source>
        <translation>Article 8 of the Party Statute and the Regulation implementing it (24-QĐ/TW, 2021): a member rated “failed to complete duties” two years running is considered by the cell for a proposal to strike them off</translation>
    </message>
    <message>
        <source>{name} ({cell}): “không hoàn thành nhiệm vụ” hai năm liền ({first} và {second}). Căn cứ: {rule}. Đây là thông báo để chi bộ xem xét, chương trình không tự xử lý.</source>
        <translation>{name} ({cell}): “failed to complete duties” two years running ({first} and {second}). Ground: {rule}. This is a notice for the cell to consider; the application takes no action.</translation>
    </message>
</context>
<context>
    <name>rating_ui</name>
    <message>
        <source>Điểm từ 0 đến 100.</source>
        <translation>The score is from 0 to 100.</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Mức xếp loại</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Không xếp loại</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Tổ chức đảng (chi bộ)</source>
        <translation>Party organisations (cells)</translation>
    </message>
    <message>
        <source>Tất cả chi bộ</source>
        <translation>All cells</translation>
    </message>
    <message>
        <source>Mở đợt xếp loại</source>
        <translation>Open rating round</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation>Cell:</translation>
    </message>
    <message>
        <source>Xếp loại chất lượng</source>
        <translation>Quality rating</translation>
    </message>
    <message>
        <source>Chưa có đợt xếp loại năm {year}. Bấm “Mở đợt xếp loại” để lập danh sách.</source>
        <translation>No rating round for {year} yet. Click “Open rating round” to draw up the list.</translation>
    </message>
    <message>
        <source>Gõ điểm rồi Enter để xuống dòng; mức xếp loại tự tính theo thang 100 điểm. Đảng viên miễn sinh hoạt, đình chỉ, kết nạp chưa đủ 6 tháng không xếp loại (dòng màu xám).</source>
        <translation>Type the score and press Enter to move down; the rating is worked out on the 100-point scale. Members exempt from meetings, suspended, or admitted less than 6 months ago are not rated (grey rows).</translation>
    </message>
    <message>
        <source>Đã xếp loại {rated}/{total}; không xếp loại {excluded}; chưa nhập {missing}.</source>
        <translation>Rated {rated}/{total}; not rated {excluded}; not entered {missing}.</translation>
    </message>
    <message>
        <source>Số “hoàn thành xuất sắc” ({excellent}) vượt {quota}% số “hoàn thành tốt” ({good} → tối đa {allowed}). Đây là cảnh báo, vẫn lưu được.</source>
        <translation>The number of “excellent” ({excellent}) exceeds {quota}% of the “good” count ({good} → at most {allowed}). This is a warning; you can still save.</translation>
    </message>
    <message>
        <source>{count} chi bộ có số “hoàn thành xuất sắc” vượt {quota}% số “hoàn thành tốt” (xuất sắc/tối đa): {cells}. Đây là cảnh báo, vẫn lưu được.</source>
        <translation>{count} cells rated more members “excellent” than {quota}% of those rated “good” (excellent/maximum): {cells}. This is a warning; saving is still allowed.</translation>
    </message>
</context>
<context>
    <name>report_explain</name>
    <message>
        <source>Số liệu gồm những ai, những gì</source>
        <translation>Who and what these figures include</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>{n} hồ sơ được tính vào số này:</source>
        <translation>{n} records counted in this figure:</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào được tính vào số này.</source>
        <translation>No records are counted in this figure.</translation>
    </message>
    <message>
        <source>Lọc theo tên (không cần dấu)…</source>
        <translation>Filter by name (accents optional)…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã rà soát</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Đã chốt</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>Báo cáo đã chốt; không sửa được nội dung.</source>
        <translation>The report is finalised; its content cannot be edited.</translation>
    </message>
    <message>
        <source>Chỉ rà soát được bản nháp đã lưu.</source>
        <translation>Only a saved draft can be reviewed.</translation>
    </message>
    <message>
        <source>Chưa chốt được báo cáo vì số liệu chưa khớp:
{problems}
Hãy sửa các hồ sơ nêu trên rồi chốt lại.</source>
        <translation>The report cannot be finalised because the figures do not reconcile:
{problems}
Fix the records listed above, then finalise again.</translation>
    </message>
    <message>
        <source>Báo cáo phải được lưu và rà soát trước khi chốt.</source>
        <translation>The report must be saved and reviewed before it is finalised.</translation>
    </message>
    <message>
        <source>Báo cáo chưa có họ tên người ký. Hãy ghi người ký (T/M Đảng ủy) rồi chốt lại.</source>
        <translation>The report has no signer&apos;s name. Enter the signer (on behalf of the Party committee), then finalise again.</translation>
    </message>
    <message>
        <source>Báo cáo chưa có nội dung (kết quả, hạn chế, nhiệm vụ). Hãy viết nội dung rồi chốt lại.</source>
        <translation>The report has no text (results, shortcomings, tasks). Write the text, then finalise again.</translation>
    </message>
    <message>
        <source>Số báo cáo {number} không dùng được (đã có hoặc không hợp lệ). Hãy chọn số khác.</source>
        <translation>Report number {number} cannot be used (already taken or not valid). Choose another number.</translation>
    </message>
</context>
<context>
    <name>reports_page</name>
    <message>
        <source>Quý I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Quý II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Quý III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Quý IV</source>
        <translation>Quarter IV</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First half of the year</translation>
    </message>
    <message>
        <source>9 tháng</source>
        <translation>9 months</translation>
    </message>
    <message>
        <source>Cả năm</source>
        <translation>Full year</translation>
    </message>
    <message>
        <source>I. Kết quả đạt được</source>
        <translation>I. Results achieved</translation>
    </message>
    <message>
        <source>II. Hạn chế, khuyết điểm</source>
        <translation>II. Shortcomings and weaknesses</translation>
    </message>
    <message>
        <source>III. Nhiệm vụ kỳ tới</source>
        <translation>III. Tasks for the next period</translation>
    </message>
    <message>
        <source>Người ký (T/M Đảng ủy, Bí thư):</source>
        <translation>Signatory (for the Party Committee, Secretary):</translation>
    </message>
    <message>
        <source>(Kỳ trước chưa có nội dung.)</source>
        <translation>(No content for the previous period.)</translation>
    </message>
    <message>
        <source>Kỳ này</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>Kỳ trước ({period}) — để tham khảo</source>
        <translation>Previous period ({period}) — for reference</translation>
    </message>
    <message>
        <source>Xem số liệu</source>
        <translation>View figures</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>năm</source>
        <translation>year</translation>
    </message>
    <message>
        <source>Bấm vào một con số để xem các hồ sơ được tính.</source>
        <translation>Click a figure to see the records counted.</translation>
    </message>
    <message>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Nội dung báo cáo</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>Kiểm tra số liệu</source>
        <translation>Check figures</translation>
    </message>
    <message>
        <source>Lưu nội dung</source>
        <translation>Save text</translation>
    </message>
    <message>
        <source>Đã rà soát</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Chốt báo cáo</source>
        <translation>Finalise report</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <source>Xem trước và in</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Đang tính số liệu báo cáo…</source>
        <translation>Calculating the report figures…</translation>
    </message>
    <message>
        <source>Số liệu khớp: biến động cân đối và khớp với sổ đảng viên.</source>
        <translation>Figures reconcile: the changes balance and match the Party member register.</translation>
    </message>
    <message>
        <source>Kiểm tra số liệu ({n} vấn đề)</source>
        <translation>Check figures ({n} problems)</translation>
    </message>
    <message>
        <source>Số liệu đã thay đổi sau khi chốt: {figures} chỉ tiêu nay khác số đã chốt, {edits} lần sửa hồ sơ sau khi chốt. Báo cáo vẫn giữ và in số đã chốt; chỉ tiêu thay đổi được tô vàng.</source>
        <translation>The figures changed after finalising: {figures} indicators now differ from the finalised figures, {edits} record edits after finalising. The report keeps and prints the finalised figures; changed indicators are highlighted in yellow.</translation>
    </message>
    <message>
        <source>chưa có bản nháp</source>
        <translation>no draft yet</translation>
    </message>
    <message>
        <source>đã chốt ngày {date}, số {number}</source>
        <translation>finalised on {date}, no. {number}</translation>
    </message>
    <message>
        <source>đã rà soát, chờ chốt</source>
        <translation>reviewed, awaiting finalisation</translation>
    </message>
    <message>
        <source>bản nháp</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>Báo cáo {period}: {status}. Hạn gửi: {cutoff}.</source>
        <translation>Report {period}: {status}. Due: {cutoff}.</translation>
    </message>
    <message>
        <source>Bấm để xem các hồ sơ được tính vào số này</source>
        <translation>Click to see the records counted in this figure</translation>
    </message>
    <message>
        <source>Đã chốt: {frozen}; hiện nay: {now}</source>
        <translation>Finalised: {frozen}; now: {now}</translation>
    </message>
    <message>
        <source>Chốt báo cáo {period}? Sau khi chốt, số liệu được giữ nguyên như hôm nay; nội dung không sửa được nữa.</source>
        <translation>Finalise the report {period}? Once finalised, the figures stay as they are today and the text can no longer be edited.</translation>
    </message>
    <message>
        <source>Đã chốt báo cáo</source>
        <translation>Report finalised</translation>
    </message>
    <message>
        <source>Đã chốt báo cáo {period}. Số liệu đã được lưu cố định.</source>
        <translation>Report {period} finalised. The figures are now fixed.</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo vào tệp:</source>
        <translation>Report saved to:</translation>
    </message>
    <message>
        <source>Đang ghi báo cáo…</source>
        <translation>Writing the report…</translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>xem danh sách đảng viên</source>
        <translation>view the Party member list</translation>
    </message>
    <message>
        <source>sửa hồ sơ đảng viên</source>
        <translation>edit Party member records</translation>
    </message>
    <message>
        <source>sửa tổ chức (bản, chi bộ)</source>
        <translation>edit the organisation (villages, cells)</translation>
    </message>
    <message>
        <source>ghi sinh hoạt chi bộ</source>
        <translation>record cell meetings</translation>
    </message>
    <message>
        <source>duyệt báo cáo và biên bản</source>
        <translation>approve reports and minutes</translation>
    </message>
    <message>
        <source>xuất dữ liệu</source>
        <translation>export data</translation>
    </message>
    <message>
        <source>nhập dữ liệu</source>
        <translation>import data</translation>
    </message>
    <message>
        <source>xem kiểm tra, kỷ luật, đơn thư</source>
        <translation>view inspections, discipline and petitions</translation>
    </message>
    <message>
        <source>sửa kiểm tra, kỷ luật, đơn thư</source>
        <translation>edit inspections, discipline and petitions</translation>
    </message>
    <message>
        <source>quản lý người dùng</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>sao lưu và phục hồi</source>
        <translation>back up and restore</translation>
    </message>
    <message>
        <source>cấu hình đơn vị và quy định</source>
        <translation>configure the unit and rules</translation>
    </message>
    <message>
        <source>Tài khoản “{login}” không có quyền {what}. Hãy nhờ quản trị viên cấp quyền.</source>
        <translation>The account “{login}” is not allowed to {what}. Ask an administrator for permission.</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Chưa khai báo đơn vị. Hãy hoàn thành bước thiết lập ban đầu.</source>
        <translation>The unit is not set up yet. Complete the initial setup.</translation>
    </message>
    <message>
        <source>Bản ghi vừa được người khác sửa. Hãy đóng cửa sổ, mở lại để xem thay đổi rồi sửa tiếp.</source>
        <translation>Someone else has just edited this record. Close the window and open it again to see the changes, then continue editing.</translation>
    </message>
    <message>
        <source>Không tìm thấy {what}. Có thể bản ghi đã bị xóa.</source>
        <translation>{what} not found. The record may have been deleted.</translation>
    </message>
    <message>
        <source>Hãy nhập {label}.</source>
        <translation>Enter the {label}.</translation>
    </message>
    <message>
        <source>Ngày {value} ở tương lai. Hãy nhập ngày đã xảy ra.</source>
        <translation>The date {value} is in the future. Enter a date that has already passed.</translation>
    </message>
    <message>
        <source>Ngày kết thúc ({end}) trước ngày bắt đầu ({start}). Hãy sửa lại.</source>
        <translation>The end date ({end}) is before the start date ({start}). Please correct it.</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>cấp xã</source>
        <translation>commune-level</translation>
    </message>
    <message>
        <source>cấp tỉnh</source>
        <translation>province-level</translation>
    </message>
    <message>
        <source>cấp huyện</source>
        <translation>district-level</translation>
    </message>
    <message>
        <source>Hãy chọn cấp của đơn vị: xã, tỉnh hoặc huyện.</source>
        <translation>Choose the unit&apos;s level: commune, province or district.</translation>
    </message>
</context>
<context>
    <name>setup_wizard</name>
    <message>
        <source>ví dụ: Đảng bộ xã Mường Lèo</source>
        <translation>e.g. Mường Lèo Commune Party Organisation</translation>
    </message>
    <message>
        <source>ví dụ: Đảng ủy xã Mường Lèo</source>
        <translation>e.g. Mường Lèo Commune Party Committee</translation>
    </message>
    <message>
        <source>ví dụ: Mường Lèo</source>
        <translation>e.g. Mường Lèo</translation>
    </message>
    <message>
        <source>ví dụ: Sơn La</source>
        <translation>e.g. Sơn La</translation>
    </message>
    <message>
        <source>ví dụ: Tỉnh ủy Sơn La</source>
        <translation>e.g. Sơn La Provincial Party Committee</translation>
    </message>
    <message>
        <source>ví dụ: ĐẢNG BỘ TỈNH SƠN LA</source>
        <translation>e.g. ĐẢNG BỘ TỈNH SƠN LA</translation>
    </message>
    <message>
        <source>ví dụ: Ban Tổ chức Tỉnh ủy</source>
        <translation>e.g. Provincial Party Organisation Board</translation>
    </message>
    <message>
        <source>Tên đảng bộ:</source>
        <translation>Party organisation name:</translation>
    </message>
    <message>
        <source>Tên đảng ủy:</source>
        <translation>Party committee name:</translation>
    </message>
    <message>
        <source>Ký hiệu văn bản:</source>
        <translation>Document symbol:</translation>
    </message>
    <message>
        <source>Địa danh ghi ngày tháng:</source>
        <translation>Place name for dates:</translation>
    </message>
    <message>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Nhiệm kỳ từ ngày:</source>
        <translation>Term from:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Không gửi dữ liệu lên cấp trên (Tỉnh ủy là cấp cao nhất dùng chương trình)</source>
        <translation>Send data to no upper level (the provincial committee is the highest level using the program)</translation>
    </message>
    <message>
        <source>Cấp ủy cấp trên:</source>
        <translation>Higher committee:</translation>
    </message>
    <message>
        <source>Ký hiệu cấp trên:</source>
        <translation>Higher-level symbol:</translation>
    </message>
    <message>
        <source>Dòng tiêu đề văn bản:</source>
        <translation>Document heading line:</translation>
    </message>
    <message>
        <source>Ban Tổ chức cấp trên:</source>
        <translation>Higher-level Organisation Board:</translation>
    </message>
    <message>
        <source>Trực thuộc từ ngày:</source>
        <translation>Reporting to it since:</translation>
    </message>
    <message>
        <source>ví dụ: {text}</source>
        <translation>e.g. {text}</translation>
    </message>
    <message>
        <source>Hãy nhập ngày bắt đầu trực thuộc cấp trên, ví dụ 01/07/2025.</source>
        <translation>Enter the date you started reporting to the higher level, e.g. 01/07/2025.</translation>
    </message>
    <message>
        <source>Tỉnh ủy nhận dữ liệu của các xã và thường không gửi lên đâu. Chỉ ghi cấp trên nếu phải gửi tiếp lên Trung ương.</source>
        <translation>The provincial committee receives the communes&apos; data and usually sends it nowhere. Only enter an upper level if the data must go on to the central level.</translation>
    </message>
    <message>
        <source>Huyện ủy (dữ liệu trước 01/7/2025) trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.</source>
        <translation>A district committee (data before 01/7/2025) reports to the provincial committee. The heading line is printed in the top left corner of documents, e.g. “ĐẢNG BỘ TỈNH SƠN LA”.</translation>
    </message>
    <message>
        <source>Đơn vị của bạn</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <source>Ghi đúng như trên văn bản của Đảng ủy. Có thể sửa lại sau trong trang Tổ chức.</source>
        <translation>Write it exactly as on the Party Committee&apos;s documents. You can change it later on the Organisation page.</translation>
    </message>
    <message>
        <source>Cấp trên trực tiếp</source>
        <translation>Direct higher level</translation>
    </message>
    <message>
        <source>Từ 01/7/2025 đảng ủy xã trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.</source>
        <translation>From 01/7/2025 commune Party committees report to the Provincial Party Committee. The heading line is printed in the top left corner of documents, e.g. “ĐẢNG BỘ TỈNH SƠN LA”.</translation>
    </message>
    <message>
        <source>Thiết lập ban đầu</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bắt đầu làm việc</source>
        <translation>Start working</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đảng ủy xã, phường</source>
        <translation>Commune or ward Party committee</translation>
    </message>
    <message>
        <source>Quản lý chi bộ, đảng viên, sinh hoạt, báo cáo của xã; gửi dữ liệu lên Tỉnh ủy bằng USB.</source>
        <translation>Cells, members, meetings and reports of the commune; data sent to the provincial committee by USB.</translation>
    </message>
    <message>
        <source>Tỉnh ủy (cấp trên nhận dữ liệu)</source>
        <translation>Provincial committee (the upper level that receives data)</translation>
    </message>
    <message>
        <source>Nhận gói dữ liệu của các xã, tổng hợp báo cáo, gửi xác nhận và đề nghị sửa.</source>
        <translation>Receives the communes&apos; packages, consolidates reports, sends acknowledgments and correction requests.</translation>
    </message>
    <message>
        <source>Huyện ủy (dữ liệu cũ, trước 01/7/2025)</source>
        <translation>District committee (older data, before 01/7/2025)</translation>
    </message>
    <message>
        <source>Như Tỉnh ủy, cho dữ liệu của các xã từ thời còn cấp huyện.</source>
        <translation>Like the provincial committee, for the communes&apos; data from the time of the districts.</translation>
    </message>
    <message>
        <source>Máy này dùng cho cơ quan nào?</source>
        <translation>Which office is this computer for?</translation>
    </message>
    <message>
        <source>Đây là dữ liệu thật của đơn vị, được mã hóa. Chọn đúng cấp; không đổi được sau khi tạo.</source>
        <translation>This is the unit&apos;s real data, encrypted. Choose the right level; it cannot be changed once created.</translation>
    </message>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Tài khoản của người dùng máy này. Mật khẩu mở khóa dữ liệu đã mã hóa: hãy nhớ kỹ, không ghi lên máy.</source>
        <translation>The account of this computer&apos;s user. The password unlocks the encrypted data: remember it well and do not write it on the computer.</translation>
    </message>
    <message>
        <source>ví dụ: Lò Thị Hoa</source>
        <translation>e.g. Lò Thị Hoa</translation>
    </message>
    <message>
        <source>Ít nhất {n} ký tự, khác tên đăng nhập. Một câu ngắn dễ nhớ (có thể có dấu tiếng Việt) an toàn hơn một từ khó nhớ.</source>
        <translation>At least {n} characters, not the login name. A short, memorable sentence (Vietnamese accents allowed) is safer than a hard-to-remember word.</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <source>Tài khoản này có mọi vai trò (văn thư, duyệt, kiểm tra, quản trị) để một người làm được mọi việc của văn phòng. Khi có thêm người, vào Tệp → Quản lý người dùng để thêm tài khoản và chia vai trò.</source>
        <translation>This account has every role (clerk, approver, inspection, administrator) so that one person can do all of the office&apos;s work. When more people join, use File → Manage users to add accounts and share the roles.</translation>
    </message>
    <message>
        <source>Tạo cơ sở dữ liệu</source>
        <translation>Create the database</translation>
    </message>
    <message>
        <source>Mã khôi phục</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Đã tạo cơ sở dữ liệu. Việc cuối cùng, và quan trọng nhất:</source>
        <translation>The database is created. The last, and most important, step:</translation>
    </message>
    <message>
        <source>Tạo cơ sở dữ liệu của đơn vị</source>
        <translation>Create the unit&apos;s database</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.</source>
        <translation>The two passwords do not match. Please enter them again.</translation>
    </message>
    <message>
        <source>Sửa thông tin đơn vị</source>
        <translation>Edit unit details</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Nếu đổi cấp trên, hãy ghi ngày bắt đầu trực thuộc cấp trên mới; cấp trên cũ được giữ lại cho các văn bản trước ngày đó.</source>
        <translation>If the higher level changes, enter the date you started reporting to the new one; the old higher level is kept for documents before that date.</translation>
    </message>
    <message>
        <source>Bắt đầu sử dụng</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Chào mừng đến với Sổ tay Văn phòng Đảng ủy xã</source>
        <translation>Welcome to the Commune Party Office Handbook</translation>
    </message>
    <message>
        <source>Máy này chưa có dữ liệu của đơn vị. Hãy chọn việc cần làm (dữ liệu được lưu, mã hóa, trong thư mục {folder}):</source>
        <translation>This computer has no data of the unit yet. Choose what to do (data is stored, encrypted, in the folder {folder}):</translation>
    </message>
    <message>
        <source>Tạo dữ liệu thật của Đảng ủy xã, phường</source>
        <translation>Create the real data of a commune or ward Party committee</translation>
    </message>
    <message>
        <source>Khai báo đơn vị, cấp trên và tài khoản quản trị; rồi nhập đảng viên.</source>
        <translation>Enter the unit, its upper level and the administrator&apos;s account; then the members.</translation>
    </message>
    <message>
        <source>Tạo dữ liệu thật của cấp trên (Tỉnh ủy, hoặc Huyện ủy)</source>
        <translation>Create the real data of an upper level (provincial, or district, committee)</translation>
    </message>
    <message>
        <source>Nhận và tổng hợp dữ liệu các xã gửi lên bằng USB.</source>
        <translation>Receive and consolidate the data communes send by USB.</translation>
    </message>
    <message>
        <source>Phục hồi từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Máy mới, hoặc cài lại: chọn tệp sao lưu (.db, cùng tệp .keys bên cạnh) trên USB.</source>
        <translation>A new computer, or a reinstallation: choose the backup file (.db, with its .keys file beside it) on the USB stick.</translation>
    </message>
    <message>
        <source>Mở dữ liệu mẫu để tập</source>
        <translation>Open the demo data to practise</translation>
    </message>
    <message>
        <source>Một xã giả định, riêng một tệp; không nhập dữ liệu thật vào đây. Lần sau vẫn chọn được.</source>
        <translation>An imaginary commune in its own file; do not enter real data there. You can choose again next time.</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>Ổ đĩa đã đầy nên không lưu được. Hãy xóa bớt tệp không cần trên ổ đĩa chứa cơ sở dữ liệu (hoặc chép bớt sang ổ khác) rồi bấm Lưu lại; những gì vừa nhập vẫn còn trên màn hình.</source>
        <translation>The disk is full, so nothing could be saved. Delete files you do not need on the disk that holds the database (or move some to another disk), then click Save again; what you just entered is still on screen.</translation>
    </message>
    <message>
        <source>Không ghi được vào cơ sở dữ liệu vì tệp hoặc thư mục chỉ cho đọc. Hãy chép tệp vào thư mục Tài liệu của bạn rồi mở lại.</source>
        <translation>Cannot write to the database because the file or folder is read-only. Copy the file into your Documents folder and open it again.</translation>
    </message>
    <message>
        <source>Lỗi đọc/ghi ổ đĩa. Hãy lưu lại; nếu vẫn lỗi, hãy sao lưu ngay và kiểm tra ổ đĩa của máy.</source>
        <translation>Disk read/write error. Save again; if it still fails, make a backup now and check the computer&apos;s disk.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng. Đừng ghi thêm; hãy phục hồi từ bản sao lưu gần nhất (menu Tệp → Phục hồi).</source>
        <translation>The database is damaged. Do not write anything more; restore from the latest backup (File menu → Restore).</translation>
    </message>
    <message>
        <source>Tệp này không phải cơ sở dữ liệu của chương trình, hoặc khóa giải mã không đúng. Hãy chọn đúng tệp, hoặc đăng nhập lại.</source>
        <translation>This file is not the program&apos;s database, or the decryption key is wrong. Choose the right file, or sign in again.</translation>
    </message>
    <message>
        <source>Không mở được tệp cơ sở dữ liệu. Hãy kiểm tra thư mục còn tồn tại và bạn có quyền ghi vào đó.</source>
        <translation>Could not open the database file. Check that the folder still exists and that you may write to it.</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu {name} trống hoặc bị cắt cụt: không còn dữ liệu nào đọc được. Chương trình không ghi đè tệp này; hãy phục hồi từ bản sao lưu gần nhất (menu Tệp → Phục hồi).</source>
        <translation>The database file {name} is empty or cut short: no data in it can be read. The program does not overwrite this file; restore the latest backup (File menu → Restore).</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bận với một việc khác. Hãy chờ một lát rồi thử lại.</source>
        <translation>The database is busy with something else. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>Tệp này là một cơ sở dữ liệu SQLite nhưng không phải của chương trình. Hãy chọn đúng tệp.</source>
        <translation>This file is an SQLite database but not one of this program&apos;s. Choose the right file.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu ghi một phiên bản lược đồ lạ ({revision}) mà chương trình không biết: tệp có thể bị sửa bằng công cụ khác hoặc bị hỏng. Chương trình không sửa tệp này; hãy phục hồi từ bản sao lưu (menu Tệp → Phục hồi) hoặc nhờ cán bộ kỹ thuật kiểm tra.</source>
        <translation>The database records a schema version ({revision}) this program does not know: the file may have been changed by another tool or be damaged. The program does not change this file; restore a backup (File menu → Restore) or ask a technician to check it.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của chương trình (lược đồ {revision}). Hãy cài phiên bản mới nhất rồi mở lại; chương trình không sửa tệp này.</source>
        <translation>The database was created by a newer version of the program (schema {revision}). Install the latest version and open it again; the program does not change this file.</translation>
    </message>
    <message>
        <source>Bản sao trước khi nâng cấp bị lỗi nên chưa nâng cấp. Hãy kiểm tra ổ đĩa rồi thử lại.</source>
        <translation>The copy made before upgrading failed, so nothing was upgraded. Check the disk and try again.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này đang được mở ở một cửa sổ khác của chương trình. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.</source>
        <translation>This database is already open in another window of the program. Use that window, or close it and open the database again.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu nằm trên USB hoặc ổ đĩa tháo rời: rút ra lúc đang ghi sẽ làm hỏng dữ liệu. Hãy chép nó vào ổ đĩa của máy (ví dụ thư mục Tài liệu) rồi mở từ đó.</source>
        <translation>The database is on a USB drive or removable disk: pulling it out while writing will damage the data. Copy it to the computer&apos;s disk (e.g. the Documents folder) and open it from there.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu nằm trên ổ đĩa mạng, nơi SQLite không ghi an toàn. Hãy chép nó vào ổ đĩa của máy rồi mở từ đó.</source>
        <translation>The database is on a network drive, where SQLite cannot write safely. Copy it to the computer&apos;s disk and open it from there.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải bản sao lưu của chương trình. Hãy chọn đúng tệp sao lưu.</source>
        <translation>The file {name} is not a backup made by this program. Choose the right backup file.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source> (và {n} lỗi khác)</source>
        <translation> (and {n} more problems)</translation>
    </message>
    <message>
        <source>Gói {name} đã nhập trước đây; không có gì thay đổi.</source>
        <translation>Package {name} was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Gói {name} (số {sequence}) cũ hơn gói đã nhập (số {last}). Không nhập.</source>
        <translation>Package {name} (no. {sequence}) is older than the last imported package (no. {last}). Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} (số {sequence}) đến trước gói số {missing}. Đã giữ lại; sẽ nhập khi có gói số {missing}.</source>
        <translation>Package {name} (no. {sequence}) arrived before package no. {missing}. It is kept and will be imported once package no. {missing} arrives.</translation>
    </message>
    <message>
        <source>Gói {name}: thông tin bên trong không khớp với bên ngoài ({detail}). Không nhập.</source>
        <translation>Package {name}: its contents do not match its envelope ({detail}). Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} không nối tiếp gói đã nhập (mã gói trước không khớp). Không nhập; hãy xin đơn vị gửi xuất gói đầy đủ.</source>
        <translation>Package {name} does not follow on from the imported packages (the previous package id does not match). Not imported; ask the sending unit to export a full package.</translation>
    </message>
    <message>
        <source>Gói {name} được tạo bởi phiên bản chương trình mới hơn. Hãy cài phiên bản mới rồi nhập lại.</source>
        <translation>Package {name} was made by a newer version of the program. Install the new version and import it again.</translation>
    </message>
    <message>
        <source>Gói {name} đến từ dữ liệu đã phục hồi của đơn vị gửi nhưng không phải gói đầy đủ. Hãy xin đơn vị gửi xuất gói đầy đủ.</source>
        <translation>Package {name} comes from restored data at the sending unit but is not a full package. Ask the sending unit to export a full package.</translation>
    </message>
    <message>
        <source>Gói {name} được lập từ dữ liệu của đơn vị gửi trước khi phục hồi bản sao lưu; gói đầy đủ lập sau khi phục hồi đã thay thế nó. Không nhập.</source>
        <translation>Package {name} was made from the sender&apos;s data before it restored a backup; the full package made after the restore has replaced it. Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} của {sender} có {n} bản ghi không hợp lệ ({detail}). Không nhập gì của gói này.</source>
        <translation>Package {name} from {sender} has {n} invalid records ({detail}). Nothing of this package was imported.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải loại gói cần nhập ở đây ({kind}).</source>
        <translation>The file {name} is not the kind of package imported here ({kind}).</translation>
    </message>
    <message>
        <source>Gói {name} của {sender} bị từ chối: bản ghi {kind} {record}: {problem}{more}. Không nhập gì của gói này; các đơn vị khác không bị ảnh hưởng. Hãy báo đơn vị gửi sửa dữ liệu rồi xuất lại gói.</source>
        <translation>Package {name} from {sender} was refused: record {kind} {record}: {problem}{more}. Nothing of this package was imported; other units are not affected. Ask the sending unit to correct its data and export the package again.</translation>
    </message>
    <message>
        <source>USB có tệp autorun.inf (thường do virus). Chương trình không mở nó; hãy quét virus cho USB.</source>
        <translation>The USB drive has an autorun.inf file (usually from a virus). The program does not open it; scan the USB drive for viruses.</translation>
    </message>
    <message>
        <source>USB có tệp lối tắt “{name}” (virus USB hay tạo). Đừng mở nó; hãy quét virus.</source>
        <translation>The USB drive has a shortcut file “{name}” (often made by USB viruses). Do not open it; scan for viruses.</translation>
    </message>
    <message>
        <source>USB có thư mục ẩn “{name}”; có thể là virus giấu dữ liệu. Hãy quét virus.</source>
        <translation>The USB drive has a hidden folder “{name}”; it may be a virus hiding data. Scan for viruses.</translation>
    </message>
    <message>
        <source>Không mở được thư mục {folder}. Hãy cắm USB và chọn lại.</source>
        <translation>Could not open the folder {folder}. Plug in the USB drive and choose again.</translation>
    </message>
    <message>
        <source>USB không đủ chỗ trống (cần khoảng {need} MB, còn {free} MB). Hãy xóa bớt tệp cũ trên USB.</source>
        <translation>Not enough free space on the USB drive (about {need} MB needed, {free} MB free). Delete some old files from the drive.</translation>
    </message>
    <message>
        <source>Gói đầy đủ thay thế dữ liệu của đơn vị gửi: {n} bản ghi đang có ở đây mà đơn vị gửi không còn sẽ bị gỡ.</source>
        <translation>The full package replaces the sender&apos;s data: {n} records held here that the sender no longer has will be removed.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {name} (USB bị rút hoặc hỏng).</source>
        <translation>Could not read the file {name} (the USB drive was removed or is damaged).</translation>
    </message>
    <message>
        <source>Đã nhập gói số {sequence} của {sender}: {n} bản ghi.</source>
        <translation>Imported package no. {sequence} from {sender}: {n} records.</translation>
    </message>
    <message>
        <source>Gói này đã bao gồm nội dung các gói số {first}–{last} bị thiếu; không cần tìm lại chúng.</source>
        <translation>This package includes the content of the missing packages {first}–{last}; there is no need to look for them.</translation>
    </message>
    <message>
        <source>Gói đầy đủ thay thế dữ liệu cũ: gỡ {n} bản ghi không còn ở đơn vị gửi.</source>
        <translation>The full package replaces the old data: {n} records the sender no longer has were removed.</translation>
    </message>
    <message>
        <source>Cấp trên đã nhận đến gói số {acked}; {n} đề nghị sửa mới.</source>
        <translation>The higher level has received up to package no. {acked}; {n} new correction requests.</translation>
    </message>
    <message>
        <source>Áp dụng {n} quy định mới của cấp trên (xem hộp thư).</source>
        <translation>Applied {n} new rules from the higher level (see the inbox).</translation>
    </message>
    <message>
        <source>Tệp {name} không phải tệp đăng ký hợp lệ.</source>
        <translation>The file {name} is not a valid enrolment file.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải gói dữ liệu của chương trình.</source>
        <translation>The file {name} is not a data package of this program.</translation>
    </message>
    <message>
        <source>Tệp {name} quá lớn để là một gói dữ liệu. Không nhập.</source>
        <translation>The file {name} is too large to be a data package. Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} được ký bằng khóa chưa đăng ký. Hãy đăng ký đơn vị gửi trước (đối chiếu mã khóa qua điện thoại).</source>
        <translation>Package {name} is signed with a key that is not enrolled. Enrol the sending unit first (check the key code by phone).</translation>
    </message>
    <message>
        <source>Gói {name} được ký bằng khóa đã bị thu hồi. Không nhập; hãy liên hệ đơn vị gửi.</source>
        <translation>Package {name} is signed with a revoked key. Not imported; contact the sending unit.</translation>
    </message>
    <message>
        <source>Gói {name} được ký bằng khóa cũ mà đơn vị gửi đã thay. Không nhập; hãy xin đơn vị gửi xuất lại gói bằng khóa mới.</source>
        <translation>Package {name} is signed with an old key that the sending unit has replaced. Not imported; ask the sending unit to export the package again with the new key.</translation>
    </message>
    <message>
        <source>Gói {name} bị sửa đổi hoặc hỏng (chữ ký không khớp). Không nhập; hãy xin đơn vị gửi chép lại gói.</source>
        <translation>Package {name} was altered or damaged (the signature does not match). Not imported; ask the sending unit to copy the package again.</translation>
    </message>
    <message>
        <source>Gói {name} được gửi cho đơn vị khác, không phải đơn vị này. Không nhập.</source>
        <translation>Package {name} was sent to another unit, not this one. Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} ghi tên đơn vị gửi không khớp với khóa đã ký. Không nhập.</source>
        <translation>Package {name} names a sending unit that does not match the signing key. Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} bị hỏng khi giải mã. Không nhập; hãy xin đơn vị gửi chép lại gói.</source>
        <translation>Package {name} was damaged in decryption. Not imported; ask the sending unit to copy the package again.</translation>
    </message>
    <message>
        <source>Gói {name} có nội dung bất thường ({detail}). Không nhập.</source>
        <translation>Package {name} has unusual content ({detail}). Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} chứa phần dữ liệu “{entry}” quá lớn ({size} byte). Không nhập.</source>
        <translation>Package {name} contains a data part “{entry}” that is too large ({size} bytes). Not imported.</translation>
    </message>
    <message>
        <source>Gói {name} chứa phần dữ liệu “{entry}” nén bất thường (giải nén lớn gấp {ratio} lần). Không nhập; có thể là tệp độc hại.</source>
        <translation>Package {name} contains a data part “{entry}” with unusual compression (unpacks {ratio} times larger). Not imported; it may be malicious.</translation>
    </message>
    <message>
        <source>“{name}” không phải một tệp bình thường (thư mục, thiết bị hoặc đường ống). Không mở; hãy chọn đúng tệp gói.</source>
        <translation>“{name}” is not a regular file (a folder, a device or a pipe). Not opened; choose the package file itself.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp {name}. Hãy kiểm tra lại USB và đường dẫn.</source>
        <translation>File {name} was not found. Check the USB stick and the path.</translation>
    </message>
    <message>
        <source>Tệp {name} thay đổi trong khi đang đọc. Không nhập; hãy chép lại tệp rồi nhập lại.</source>
        <translation>File {name} changed while it was being read. Not imported; copy the file again and import it again.</translation>
    </message>
    <message>
        <source>Gói {name} có phần đầu không hợp lệ (trường “{field}”: {problem}). Không nhập; hãy xin đơn vị gửi xuất lại gói.</source>
        <translation>Package {name} has an invalid header (field “{field}”: {problem}). Not imported; ask the sending unit to export the package again.</translation>
    </message>
    <message>
        <source>Gói {name} được tạo bởi phiên bản chương trình mới hơn (định dạng {version}). Hãy cài phiên bản mới rồi nhập lại.</source>
        <translation>Package {name} was made by a newer version of the program (format {version}). Install the new version and import it again.</translation>
    </message>
    <message>
        <source>thiếu</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>sai kiểu dữ liệu</source>
        <translation>wrong type</translation>
    </message>
    <message>
        <source>ngoài giới hạn cho phép</source>
        <translation>out of the allowed range</translation>
    </message>
    <message>
        <source>sai định dạng</source>
        <translation>wrong format</translation>
    </message>
    <message>
        <source>không phải ngày giờ có múi giờ</source>
        <translation>not a date and time with a time zone</translation>
    </message>
    <message>
        <source>{name} đã được đăng ký với khóa khác.
Mã đối chiếu đang dùng: {old}
Mã đối chiếu trong tệp: {new}
Chỉ thay khi đơn vị đó thực sự đã thay khóa (mất máy, nghi lộ khóa) và đã xác nhận qua điện thoại. Nếu tệp do người khác làm giả, từ khi thay, gói của họ sẽ được nhận còn gói của đơn vị thật bị từ chối.</source>
        <translation>{name} is already enrolled with other keys.
Fingerprint in use: {old}
Fingerprint in the file: {new}
Replace only if that unit really replaced its keys (a lost laptop, a suspected leak) and you confirmed it by phone. If the file was forged by someone else, from the replacement on their packages will be accepted and the real unit&apos;s refused.</translation>
    </message>
    <message>
        <source>Tệp đăng ký không hợp lệ.</source>
        <translation>Invalid enrolment file.</translation>
    </message>
    <message>
        <source>Đây là tệp đăng ký của chính đơn vị mình.</source>
        <translation>This is your own unit&apos;s enrolment file.</translation>
    </message>
    <message>
        <source>Khóa này đã bị thu hồi; không đăng ký lại được.</source>
        <translation>This key has been revoked; it cannot be enrolled again.</translation>
    </message>
    <message>
        <source>Không tìm thấy đơn vị đã đăng ký.</source>
        <translation>Enrolled unit not found.</translation>
    </message>
    <message>
        <source>Chưa đăng ký cấp trên. Hãy nhập tệp đăng ký do cấp trên cấp (Đồng bộ → Đăng ký).</source>
        <translation>No higher level enrolled. Import the enrolment file issued by the higher level (Exchange → Enrolment).</translation>
    </message>
    <message>
        <source>Đơn vị này chưa đăng ký hoặc đã bị thu hồi khóa.</source>
        <translation>This unit is not enrolled or its key has been revoked.</translation>
    </message>
    <message>
        <source>Hãy chọn bản ghi và ghi nội dung đề nghị sửa.</source>
        <translation>Choose a record and write the correction request.</translation>
    </message>
    <message>
        <source>Không tìm thấy đề nghị sửa.</source>
        <translation>Correction request not found.</translation>
    </message>
    <message>
        <source>Quy định do cấp trên gửi xuống đã được áp dụng; không cần trả lời.</source>
        <translation>Rules sent down by the higher level have been applied; no reply needed.</translation>
    </message>
    <message>
        <source>Khi không nhất trí, hãy ghi lý do để gửi cấp trên.</source>
        <translation>If you disagree, write the reason to send to the higher level.</translation>
    </message>
    <message>
        <source>thiếu giá trị bắt buộc “{field}”</source>
        <translation>required value “{field}” is missing</translation>
    </message>
    <message>
        <source>giá trị “{value}” của “{field}” không có trong danh mục</source>
        <translation>value “{value}” of “{field}” is not in its list of allowed values</translation>
    </message>
    <message>
        <source>“{field}” trỏ tới bản ghi {target} {ref} của đơn vị khác, không phải của đơn vị gửi</source>
        <translation>“{field}” points to record {target} {ref} of another unit, not of the sending unit</translation>
    </message>
    <message>
        <source>“{field}” trỏ tới bản ghi {target} {ref} không có trong gói cũng như trong dữ liệu đã nhận</source>
        <translation>“{field}” points to record {target} {ref}, which is neither in the package nor in the data already received</translation>
    </message>
    <message>
        <source>bản ghi đơn vị không phải của chính đơn vị gửi</source>
        <translation>the unit record is not the sending unit&apos;s own</translation>
    </message>
    <message>
        <source>dữ liệu vi phạm ràng buộc của cơ sở dữ liệu</source>
        <translation>the data breaks a constraint of the database</translation>
    </message>
    <message>
        <source>trùng ({fields}) với bản ghi {other} — hai bản ghi khác mã cho cùng một việc</source>
        <translation>same ({fields}) as record {other} — two records with different ids for the same thing</translation>
    </message>
</context>
<context>
    <name>sync_dispute</name>
    <message>
        <source>Không nhất trí với đề nghị sửa</source>
        <translation>Disagree with the correction request</translation>
    </message>
    <message>
        <source>Cấp trên đề nghị: {message}
Hãy ghi lý do không nhất trí để gửi cấp trên.</source>
        <translation>The higher level requests: {message}
Write why you disagree, to send to the higher level.</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Gửi ý kiến</source>
        <translation>Send reply</translation>
    </message>
</context>
<context>
    <name>sync_enrol</name>
    <message>
        <source>cấp trên (nơi nhận dữ liệu)</source>
        <translation>higher level (receives the data)</translation>
    </message>
    <message>
        <source>đơn vị cấp dưới (nơi gửi dữ liệu)</source>
        <translation>lower-level unit (sends the data)</translation>
    </message>
    <message>
        <source>Tệp đăng ký của đơn vị mình</source>
        <translation>Our unit&apos;s enrolment file</translation>
    </message>
    <message>
        <source>Đã ghi tệp đăng ký:
{path}

Mang tệp này đến đơn vị kia. Khi họ nhận tệp, hãy đọc cho họ (qua điện thoại hoặc trên giấy có đóng dấu) mã đối chiếu dưới đây để họ so sánh:</source>
        <translation>Enrolment file written:
{path}

Take this file to the other unit. When they receive it, read them the verification code below (by phone or on a stamped paper) so they can compare:</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nhận tệp đăng ký</source>
        <translation>Receive an enrolment file</translation>
    </message>
    <message>
        <source>Đơn vị: {name}
Vai trò: {role}</source>
        <translation>Unit: {name}
Role: {role}</translation>
    </message>
    <message>
        <source>Gọi điện cho đơn vị này (số điện thoại lấy từ sổ sách, không lấy từ USB) và nhờ họ đọc mã đối chiếu của họ. Chỉ đăng ký khi mọi nhóm số đều khớp:</source>
        <translation>Call this unit (take the phone number from your records, not from the USB drive) and ask them to read their verification code. Enrol only if every group of digits matches:</translation>
    </message>
    <message>
        <source>Tôi đã đối chiếu: mã đơn vị kia đọc khớp hoàn toàn</source>
        <translation>I have checked: the code read by the other unit matches completely</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Thay khóa của đơn vị đã đăng ký?</source>
        <translation>Replace the keys of an enrolled unit?</translation>
    </message>
    <message>
        <source>Thay khóa</source>
        <translation>Replace keys</translation>
    </message>
</context>
<context>
    <name>sync_export</name>
    <message>
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the higher level</translation>
    </message>
    <message>
        <source>Gói dữ liệu gửi {upper} được ký và mã hóa: mất USB cũng không lộ thông tin. Gói gồm mọi thay đổi kể từ lần cấp trên xác nhận đã nhận, nên lỡ mất một gói cũng không mất dữ liệu.</source>
        <translation>The data package for {upper} is signed and encrypted: losing the USB drive does not expose any information. It holds every change since the higher level last confirmed receipt, so a lost package loses no data.</translation>
    </message>
    <message>
        <source>Bước 1. Cắm USB và chọn thư mục trên USB:</source>
        <translation>Step 1. Plug in the USB drive and choose a folder on it:</translation>
    </message>
    <message>
        <source>Ví dụ: E:\</source>
        <translation>For example: E:\</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Bước 2. Chọn cách gửi:</source>
        <translation>Step 2. Choose how to send:</translation>
    </message>
    <message>
        <source>Gửi gói đầy đủ (toàn bộ dữ liệu; khi cấp trên đề nghị hoặc sau khi phục hồi)</source>
        <translation>Send a full package (all data; when the higher level asks, or after a restore)</translation>
    </message>
    <message>
        <source>Bước 3. Ghi vào USB, chờ thông báo ghi xong rồi mới rút USB.</source>
        <translation>Step 3. Write to the USB drive, and wait for the message that writing has finished before removing it.</translation>
    </message>
    <message>
        <source>Ghi vào USB</source>
        <translation>Write to USB</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn thư mục trên USB</source>
        <translation>Choose a folder on the USB drive</translation>
    </message>
    <message>
        <source>Hãy chọn thư mục trên USB trước.</source>
        <translation>Choose a folder on the USB drive first.</translation>
    </message>
    <message>
        <source>Đang ghi gói dữ liệu vào USB…</source>
        <translation>Writing the data package to the USB drive…</translation>
    </message>
    <message>
        <source>Chưa ghi được: {reason}</source>
        <translation>Not written: {reason}</translation>
    </message>
    <message>
        <source>Đã ghi gói số {sequence} ({records} bản ghi{full}) vào {path}.</source>
        <translation>Written package no. {sequence} ({records} records{full}) to {path}.</translation>
    </message>
    <message>
        <source>, gói đầy đủ</source>
        <translation>, full package</translation>
    </message>
</context>
<context>
    <name>sync_import</name>
    <message>
        <source>Xem trước dữ liệu nhập</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>{n} tệp: {ready} gói sẵn sàng nhập, {refused} tệp không nhập được. Chưa có gì được ghi; kiểm tra bảng dưới rồi bấm “Nhập”.</source>
        <translation>{n} files: {ready} packages ready to import, {refused} files cannot be imported. Nothing has been written yet; check the table below and click “Import”.</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sending unit</translation>
    </message>
    <message>
        <source>Loại dữ liệu</source>
        <translation>Data type</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nhập {n} gói</source>
        <translation>Import {n} packages</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Không nhập: </source>
        <translation>Not imported: </translation>
    </message>
    <message>
        <source>, gói đầy đủ</source>
        <translation>, full package</translation>
    </message>
    <message>
        <source>Sẵn sàng nhập (gói số {sequence}{full})</source>
        <translation>Ready to import (package no. {sequence}{full})</translation>
    </message>
    <message>
        <source>Đang nhập dữ liệu…</source>
        <translation>Importing data…</translation>
    </message>
    <message>
        <source>Không có gói nào được nhập.</source>
        <translation>No packages were imported.</translation>
    </message>
    <message>
        <source>Đang kiểm tra các gói…</source>
        <translation>Checking the packages…</translation>
    </message>
</context>
<context>
    <name>sync_kinds</name>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Cấp trên</source>
        <translation>Higher level</translation>
    </message>
    <message>
        <source>Bản, tổ dân phố</source>
        <translation>Villages and residential groups</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Chi bộ phụ trách bản</source>
        <translation>Cell in charge of village</translation>
    </message>
    <message>
        <source>Chức vụ trong chi bộ</source>
        <translation>Cell positions</translation>
    </message>
    <message>
        <source>Phân công phụ trách chi bộ</source>
        <translation>Assign responsibility for a cell</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Biến động đảng viên</source>
        <translation>Membership changes</translation>
    </message>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation>Outstanding candidate</translation>
    </message>
    <message>
        <source>Kế hoạch kết nạp</source>
        <translation>Admission plan</translation>
    </message>
    <message>
        <source>Buổi sinh hoạt</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Nội dung sinh hoạt</source>
        <translation>Meeting items</translation>
    </message>
    <message>
        <source>Điểm danh sinh hoạt</source>
        <translation>Meeting attendance</translation>
    </message>
    <message>
        <source>Việc giao trong sinh hoạt</source>
        <translation>Tasks assigned at meetings</translation>
    </message>
    <message>
        <source>Biểu quyết</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Kiểm tra, giám sát</source>
        <translation>Inspection and supervision</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Đơn thư</source>
        <translation>Petitions and complaints</translation>
    </message>
    <message>
        <source>Lớp bồi dưỡng</source>
        <translation>Training courses</translation>
    </message>
    <message>
        <source>Học viên</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>Đợt đánh giá</source>
        <translation>Assessment rounds</translation>
    </message>
    <message>
        <source>Kết quả xếp loại</source>
        <translation>Rating results</translation>
    </message>
    <message>
        <source>Báo cáo đã chốt</source>
        <translation>Finalised reports</translation>
    </message>
    <message>
        <source>Quy định</source>
        <translation>Rules</translation>
    </message>
</context>
<context>
    <name>sync_page</name>
    <message>
        <source>Đã chốt</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Chưa nhận</source>
        <translation>Not received</translation>
    </message>
    <message>
        <source> (muộn)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>gói số {n}, ngày {date}</source>
        <translation>package no. {n}, {date}</translation>
    </message>
    <message>
        <source>ngày {date}</source>
        <translation>{date}</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Đã nhập trước đây</source>
        <translation>Imported before</translation>
    </message>
    <message>
        <source>Giữ lại chờ gói thiếu</source>
        <translation>Held for a missing package</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Gửi cấp trên</source>
        <translation>Send to higher level</translation>
    </message>
    <message>
        <source>Nhận từ cấp dưới</source>
        <translation>Receive from lower levels</translation>
    </message>
    <message>
        <source>Đăng ký trao đổi</source>
        <translation>Exchange enrolment</translation>
    </message>
    <message>
        <source>Gửi cấp trên (ghi vào USB)…</source>
        <translation>Send to higher level (write to USB)…</translation>
    </message>
    <message>
        <source>Nhập xác nhận của cấp trên…</source>
        <translation>Import the higher level&apos;s acknowledgement…</translation>
    </message>
    <message>
        <source>Đề nghị sửa của cấp trên</source>
        <translation>Correction requests from the higher level</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại hồ sơ</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nội dung đề nghị</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ý kiến trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Nhất trí sửa</source>
        <translation>Agree to correct</translation>
    </message>
    <message>
        <source>Không nhất trí…</source>
        <translation>Disagree…</translation>
    </message>
    <message>
        <source>Nhất trí: sửa hồ sơ trong sổ, bản sửa sẽ lên cấp trên với gói sau. Không nhất trí: ghi lý do.</source>
        <translation>Agree: correct the record in the register; the correction goes up with the next package. Disagree: give a reason.</translation>
    </message>
    <message>
        <source>Nhập gói của cấp dưới…</source>
        <translation>Import packages from lower levels…</translation>
    </message>
    <message>
        <source>Ghi xác nhận cho các đơn vị…</source>
        <translation>Write acknowledgements for the units…</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp PDF…</source>
        <translation>Consolidated report PDF…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Tổng hợp:</source>
        <translation>Consolidate:</translation>
    </message>
    <message>
        <source>Bảng theo dõi gửi báo cáo</source>
        <translation>Report submission tracker</translation>
    </message>
    <message>
        <source>Gửi muộn</source>
        <translation>Sent late</translation>
    </message>
    <message>
        <source>Chưa nhận, chưa đến hạn</source>
        <translation>Not received, not yet due</translation>
    </message>
    <message>
        <source>Quá hạn chưa nhận</source>
        <translation>Overdue, not received</translation>
    </message>
    <message>
        <source>Các gói đã nhận</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sending unit</translation>
    </message>
    <message>
        <source>Số gói</source>
        <translation>Package no.</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tìm đảng viên trong mọi đơn vị</source>
        <translation>Search Party members in all units</translation>
    </message>
    <message>
        <source>Họ tên (không cần dấu) hoặc số CCCD…</source>
        <translation>Name (accents optional) or ID card number…</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Hai đơn vị trao đổi tệp đăng ký qua USB rồi đối chiếu mã qua điện thoại hoặc trên giấy. Đơn vị cấp xã nhận tệp của cấp trên; cấp trên nhận tệp của từng xã.</source>
        <translation>The two units exchange enrolment files by USB, then compare the code by phone or on paper. A commune unit receives the higher level&apos;s file; the higher level receives each commune&apos;s file.</translation>
    </message>
    <message>
        <source>Đơn vị mình gửi dữ liệu lên (cấp xã)</source>
        <translation>Our unit sends data up (commune level)</translation>
    </message>
    <message>
        <source>Đơn vị mình nhận dữ liệu (cấp trên)</source>
        <translation>Our unit receives data (higher level)</translation>
    </message>
    <message>
        <source>Cấp tệp đăng ký của đơn vị mình…</source>
        <translation>Issue our unit&apos;s enrolment file…</translation>
    </message>
    <message>
        <source>Nhận tệp đăng ký của đơn vị kia…</source>
        <translation>Receive the other unit&apos;s enrolment file…</translation>
    </message>
    <message>
        <source>Thu hồi khóa…</source>
        <translation>Revoke key…</translation>
    </message>
    <message>
        <source>Thay khóa…</source>
        <translation>Replace key…</translation>
    </message>
    <message>
        <source>Tạo khóa mới cho đơn vị mình (khi mất máy hoặc nghi lộ khóa).</source>
        <translation>Create a new key for our unit (if the computer is lost or the key may have leaked).</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Mã đối chiếu</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Ngày đăng ký</source>
        <translation>Enrolment date</translation>
    </message>
    <message>
        <source>Trao đổi dữ liệu</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>{own} gửi dữ liệu lên {upper} và nhận dữ liệu của {n} đơn vị cấp dưới.</source>
        <translation>{own} sends data to {upper} and receives data from {n} lower-level units.</translation>
    </message>
    <message>
        <source>{own} gửi dữ liệu lên {upper}.</source>
        <translation>{own} sends data to {upper}.</translation>
    </message>
    <message>
        <source>{own} nhận dữ liệu của {n} đơn vị cấp dưới.</source>
        <translation>{own} receives data from {n} lower-level units.</translation>
    </message>
    <message>
        <source>{own} chưa đăng ký trao đổi dữ liệu với đơn vị nào. Hãy làm ở thẻ “Đăng ký trao đổi”.</source>
        <translation>{own} is not enrolled for data exchange with any unit. Do it on the “Exchange enrolment” tab.</translation>
    </message>
    <message>
        <source>Cấp trên: {upper}. Gói gửi gần nhất: {sent}. Xác nhận gần nhất: {ack}.</source>
        <translation>Higher level: {upper}. Last package sent: {sent}. Last acknowledgement: {ack}.</translation>
    </message>
    <message>
        <source>chưa gửi</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Chờ trả lời</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>Đã nhất trí</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Không nhất trí</source>
        <translation>Disagreed</translation>
    </message>
    <message>
        <source>Đã áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>{name} — gói gần nhất bị từ chối</source>
        <translation>{name} — latest package refused</translation>
    </message>
    <message>
        <source>Gói tạo ngày {date}</source>
        <translation>Package made on {date}</translation>
    </message>
    <message>
        <source>Nhận ngày {date}</source>
        <translation>Received on {date}</translation>
    </message>
    <message>
        <source>Dự kiến {expected} đơn vị. {period}: đã nhận {received}, đã chốt {finalised}, muộn {late}.</source>
        <translation>{expected} units expected. {period}: received {received}, finalised {finalised}, late {late}.</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Cấp trên</source>
        <translation>Higher level</translation>
    </message>
    <message>
        <source>Cấp dưới</source>
        <translation>Lower level</translation>
    </message>
    <message>
        <source>Đã thu hồi</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Chọn tệp xác nhận của cấp trên</source>
        <translation>Choose the higher level&apos;s acknowledgement file</translation>
    </message>
    <message>
        <source>Gói xác nhận (DUXACK-*{ext})</source>
        <translation>Acknowledgement packages (DUXACK-*{ext})</translation>
    </message>
    <message>
        <source>Đang nhập xác nhận…</source>
        <translation>Importing the acknowledgement…</translation>
    </message>
    <message>
        <source>Đã nhập xác nhận</source>
        <translation>Acknowledgement imported</translation>
    </message>
    <message>
        <source>Chọn các gói dữ liệu của cấp dưới</source>
        <translation>Choose the data packages from lower levels</translation>
    </message>
    <message>
        <source>Gói dữ liệu (*{ext})</source>
        <translation>Data packages (*{ext})</translation>
    </message>
    <message>
        <source>Kết quả nhập</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>Chọn thư mục trên USB</source>
        <translation>Choose a folder on the USB drive</translation>
    </message>
    <message>
        <source>Đang ghi xác nhận…</source>
        <translation>Writing acknowledgements…</translation>
    </message>
    <message>
        <source>Đã ghi xác nhận</source>
        <translation>Acknowledgements written</translation>
    </message>
    <message>
        <source>{name} → {path}</source>
        <translation>{name} → {path}</translation>
    </message>
    <message>
        <source>Lưu báo cáo tổng hợp</source>
        <translation>Save consolidated report</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo tổng hợp vào {path}</source>
        <translation>Consolidated report saved to {path}</translation>
    </message>
    <message>
        <source>Đang tổng hợp số liệu…</source>
        <translation>Consolidating the figures…</translation>
    </message>
    <message>
        <source>Chính thức</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Dự bị</source>
        <translation>Probationary</translation>
    </message>
    <message>
        <source>Miễn sinh hoạt</source>
        <translation>Exempt from meetings</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Đã chuyển đi</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>Đã từ trần</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Chọn thư mục để ghi tệp đăng ký</source>
        <translation>Choose a folder to write the enrolment file to</translation>
    </message>
    <message>
        <source>Chọn tệp đăng ký của đơn vị kia</source>
        <translation>Choose the other unit&apos;s enrolment file</translation>
    </message>
    <message>
        <source>Tệp đăng ký (*{ext})</source>
        <translation>Enrolment files (*{ext})</translation>
    </message>
    <message>
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Thu hồi khóa của {name}? Gói do khóa này ký sẽ bị từ chối; muốn trao đổi lại phải đăng ký tệp mới.</source>
        <translation>Revoke the key of {name}? Packages signed with this key will be refused; to exchange again a new file must be enrolled.</translation>
    </message>
    <message>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Thay khóa</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>Thay khóa trao đổi của đơn vị mình? Chỉ làm khi máy bị mất hoặc nghi lộ khóa.

Sau khi thay: mang tệp đăng ký mới đến đơn vị kia để họ đăng ký lại; gói ký bằng khóa cũ sẽ bị từ chối; gói gửi tiếp theo là gói đầy đủ.</source>
        <translation>Replace our unit&apos;s exchange key? Only do this if the computer was lost or the key may have leaked.

Afterwards: take the new enrolment file to the other unit so they can enrol it again; packages signed with the old key will be refused; the next package sent is a full package.</translation>
    </message>
    <message>
        <source>Đã thay khóa</source>
        <translation>Key replaced</translation>
    </message>
    <message>
        <source>Đã tạo khóa mới. Mã đối chiếu mới:
{fingerprint}

Hãy cấp tệp đăng ký mới (nút “Cấp tệp đăng ký của đơn vị mình…”) và mang đến đơn vị kia.</source>
        <translation>New key created. New verification code:
{fingerprint}

Issue a new enrolment file (the “Issue our unit&apos;s enrolment file…” button) and take it to the other unit.</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
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
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Bồi dưỡng đảng viên mới</source>
        <translation>New Party member course</translation>
    </message>
    <message>
        <source>Bồi dưỡng nhận thức về Đảng</source>
        <translation>Party awareness course</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Không đạt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Bỏ học</source>
        <translation>Withdrew</translation>
    </message>
    <message>
        <source>Hãy nhập tên lớp.</source>
        <translation>Enter the course name.</translation>
    </message>
    <message>
        <source>Hãy chọn loại lớp.</source>
        <translation>Choose the course type.</translation>
    </message>
    <message>
        <source>Lớp lý luận chính trị cần chọn trình độ (sơ cấp, trung cấp, cao cấp, cử nhân).</source>
        <translation>A political theory course needs a level (elementary, intermediate, advanced, bachelor).</translation>
    </message>
    <message>
        <source>Ngày kết thúc trước ngày khai giảng.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>lớp học</source>
        <translation>course</translation>
    </message>
    <message>
        <source>Lớp đã kết thúc; không thêm học viên.</source>
        <translation>The course has ended; no more trainees can be added.</translation>
    </message>
    <message>
        <source>đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Lớp đã kết thúc trước đó.</source>
        <translation>The course had already ended.</translation>
    </message>
    <message>
        <source>Hãy ghi kết quả (đạt, không đạt hoặc bỏ học) của từng học viên; còn thiếu: {names}.</source>
        <translation>Enter a result (passed, failed or withdrew) for every trainee; missing: {names}.</translation>
    </message>
</context>
<context>
    <name>training_ui</name>
    <message>
        <source>Thêm lớp học</source>
        <translation>Add course</translation>
    </message>
    <message>
        <source>Trung tâm Chính trị</source>
        <translation>Political Centre</translation>
    </message>
    <message>
        <source>Tên lớp:</source>
        <translation>Course name:</translation>
    </message>
    <message>
        <source>Loại lớp:</source>
        <translation>Course type:</translation>
    </message>
    <message>
        <source>Trình độ lý luận:</source>
        <translation>Political theory level:</translation>
    </message>
    <message>
        <source>Khai giảng:</source>
        <translation>Opening:</translation>
    </message>
    <message>
        <source>Bế giảng:</source>
        <translation>Closing:</translation>
    </message>
    <message>
        <source>Đơn vị tổ chức:</source>
        <translation>Organised by:</translation>
    </message>
    <message>
        <source>Thêm học viên: {name}</source>
        <translation>Add trainee: {name}</translation>
    </message>
    <message>
        <source>— Không —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Hoặc cả chi bộ:</source>
        <translation>Or the whole cell:</translation>
    </message>
    <message>
        <source>Hãy chọn một đảng viên hoặc một chi bộ.</source>
        <translation>Choose a Party member or a cell.</translation>
    </message>
    <message>
        <source>Kết thúc lớp: {name}</source>
        <translation>End course: {name}</translation>
    </message>
    <message>
        <source>Ghi kết quả của từng học viên. Chỉ học viên đạt của lớp lý luận chính trị được nâng trình độ lý luận (nếu cao hơn trình độ đang có); không đạt hoặc bỏ học thì giữ nguyên.</source>
        <translation>Enter each trainee&apos;s result. Only trainees who passed a political-theory course have their theory level raised (if higher than their current level); a failed or withdrawn trainee keeps theirs.</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Số chứng chỉ</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>— chọn —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Kết quả học viên:</source>
        <translation>Trainees&apos; results:</translation>
    </message>
    <message>
        <source>Ghi tất cả là đạt</source>
        <translation>Mark everyone passed</translation>
    </message>
    <message>
        <source>Ngày bế giảng:</source>
        <translation>Closing date:</translation>
    </message>
    <message>
        <source>Tên lớp</source>
        <translation>Course name</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trình độ</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>Đơn vị tổ chức</source>
        <translation>Organised by</translation>
    </message>
    <message>
        <source>Khai giảng</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Bế giảng</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Học viên</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Không đạt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Bỏ học</source>
        <translation>Withdrew</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đã kết thúc</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Đang học</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Khai trong hồ sơ</source>
        <translation>Entered in the profile</translation>
    </message>
    <message>
        <source>{level}: {course}, bế giảng {date}</source>
        <translation>{level}: {course}, ended {date}</translation>
    </message>
    <message>
        <source>Nguồn trình độ lý luận trong sổ</source>
        <translation>Source of the theory level in the register</translation>
    </message>
    <message>
        <source>Thêm lớp…</source>
        <translation>Add course…</translation>
    </message>
    <message>
        <source>Thêm học viên…</source>
        <translation>Add trainees…</translation>
    </message>
    <message>
        <source>Kết thúc lớp…</source>
        <translation>End course…</translation>
    </message>
    <message>
        <source>Thống kê năm:</source>
        <translation>Statistics for year:</translation>
    </message>
    <message>
        <source>Học viên của lớp đang chọn</source>
        <translation>Trainees of the selected course</translation>
    </message>
    <message>
        <source>Đào tạo, bồi dưỡng</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Năm {year}: {courses} lớp, {trainees} học viên. Theo loại lớp — {kinds}.</source>
        <translation>{year}: {courses} courses, {trainees} trainees. By course type — {kinds}.</translation>
    </message>
    <message>
        <source>Lý luận chính trị — {levels}.</source>
        <translation>Political theory — {levels}.</translation>
    </message>
    <message>
        <source>Học viên của lớp “{name}”: {count}</source>
        <translation>Trainees of “{name}”: {count}</translation>
    </message>
    <message>
        <source>Lớp học</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>Hãy chọn một lớp đang học.</source>
        <translation>Choose a course in progress.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>Văn thư (nhập, sửa hồ sơ)</source>
        <translation>Clerk (enter and edit records)</translation>
    </message>
    <message>
        <source>Duyệt (báo cáo, biên bản, xuất)</source>
        <translation>Approver (reports, minutes, exports)</translation>
    </message>
    <message>
        <source>Kiểm tra (kỷ luật, đơn thư)</source>
        <translation>Inspector (discipline, petitions)</translation>
    </message>
    <message>
        <source>Quản trị (người dùng, khóa, sao lưu)</source>
        <translation>Administrator (users, keys, backups)</translation>
    </message>
    <message>
        <source>Không tìm thấy người dùng. Có thể tài khoản vừa bị xóa.</source>
        <translation>User not found. The account may have just been deleted.</translation>
    </message>
    <message>
        <source>Tên đăng nhập gồm 2–60 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ: vanthu.lan).</source>
        <translation>A username has 2–60 unaccented letters, digits, dots, hyphens or underscores (e.g. vanthu.lan).</translation>
    </message>
    <message>
        <source>Hãy nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một vai trò.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>Phải còn ít nhất một quản trị viên đang hoạt động. Hãy cấp quyền quản trị cho người khác trước.</source>
        <translation>There must be at least one active administrator. Give administrator rights to someone else first.</translation>
    </message>
    <message>
        <source>Tên đăng nhập “{login}” đã có. Hãy chọn tên khác.</source>
        <translation>The username “{login}” already exists. Choose another.</translation>
    </message>
    <message>
        <source>Không thể tự ngừng tài khoản đang đăng nhập. Hãy nhờ quản trị viên khác.</source>
        <translation>You cannot deactivate the account you are signed in with. Ask another administrator.</translation>
    </message>
    <message>
        <source>Tài khoản đã ngừng sử dụng. Hãy kích hoạt lại trước khi đặt mật khẩu.</source>
        <translation>The account is deactivated. Reactivate it before setting a password.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Hãy nhập một số nguyên, ví dụ 125.</source>
        <translation>Enter a whole number, e.g. 125.</translation>
    </message>
    <message>
        <source>Gõ họ tên để tìm (không cần dấu)…</source>
        <translation>Type a name to search (accents optional)…</translation>
    </message>
</context>
<context>
    <name>work_ui</name>
    <message>
        <source>Tháng {month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
</context>
</TS>
