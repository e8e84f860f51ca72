; Vietnamese messages for Inno Setup 6, written for this installer (Sổ tay Văn phòng Đảng ủy xã).
; Used as "compiler:Default.isl,Vietnamese.isl": every message below replaces the English one; a
; message not listed here (rare errors of disk changes, registry, shared files) stays in English.
; UTF-8 with a byte-order mark, which Inno Setup 6 needs to read Vietnamese.
; Do not add a full stop where the English message has none: Inno Setup adds it itself.

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1

; *** Misc. common
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi

; *** SetupLdr messages
SetupLdrStartupMessage=Bộ cài sẽ cài đặt %1. Bạn có muốn tiếp tục?
LdrCannotCreateTemp=Không tạo được tệp tạm. Đã dừng cài đặt
LdrCannotExecTemp=Không chạy được tệp trong thư mục tạm. Đã dừng cài đặt

; *** Startup error messages
LastErrorMessage=%1.%n%nLỗi %2: %3
SetupFileMissing=Thiếu tệp %1 trong thư mục cài đặt. Hãy chép lại bộ cài đầy đủ rồi chạy lại.
SetupFileCorrupt=Tệp cài đặt bị hỏng. Hãy chép lại bộ cài rồi chạy lại.
SetupFileCorruptOrWrongVer=Tệp cài đặt bị hỏng hoặc không khớp với phiên bản bộ cài này. Hãy chép lại bộ cài rồi chạy lại.
InvalidParameter=Tham số dòng lệnh không hợp lệ:%n%n%1
SetupAlreadyRunning=Bộ cài đang chạy rồi.
WindowsVersionNotSupported=Chương trình không hỗ trợ phiên bản Windows trên máy này.
NotOnThisPlatform=Chương trình không chạy trên %1.
OnlyOnThisPlatform=Chương trình chỉ chạy trên %1.
OnlyOnTheseArchitectures=Chương trình chỉ cài được trên Windows dành cho các loại bộ xử lý sau:%n%n%1
WinVersionTooLowError=Chương trình cần %1 phiên bản %2 trở lên.
WinVersionTooHighError=Chương trình không cài được trên %1 phiên bản %2 trở lên.
AdminPrivilegesRequired=Cần đăng nhập bằng tài khoản quản trị để cài chương trình này.
SetupAppRunningError=Bộ cài thấy %1 đang chạy.%n%nHãy đóng tất cả cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
UninstallAppRunningError=Bộ gỡ cài đặt thấy %1 đang chạy.%n%nHãy đóng tất cả cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.

; *** Misc. errors
ErrorCreatingDir=Không tạo được thư mục "%1"
ErrorTooManyFilesInDir=Không tạo được tệp trong thư mục "%1" vì thư mục có quá nhiều tệp

; *** Setup common messages
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại bộ cài vào lúc khác để cài xong.%n%nThoát cài đặt?
AboutSetupMenuItem=&Về bộ cài...
AboutSetupTitle=Về bộ cài
AboutSetupMessage=%1 phiên bản %2%n%3%n%nTrang chủ của %1:%n%4

; *** Buttons
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=OK
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có với &tất cả
ButtonNo=&Không
ButtonNoToAll=K&hông với tất cả
ButtonFinish=&Xong
ButtonBrowse=&Chọn...
ButtonWizardBrowse=C&họn...
ButtonNewFolder=&Tạo thư mục mới

; *** "Select Language" dialog messages
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt:

; *** Common wizard text
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát.
BrowseDialogTitle=Chọn thư mục
BrowseDialogLabel=Chọn một thư mục trong danh sách dưới đây rồi bấm OK.
NewFolderName=Thư mục mới

; *** "Welcome" wizard page
WelcomeLabel1=Chào mừng đến với bộ cài [name]
WelcomeLabel2=Bộ cài sẽ cài [name/ver] vào máy tính này.%n%nNên đóng các chương trình khác trước khi tiếp tục.

; *** "Select Destination Location" wizard page
WizardSelectDir=Chọn nơi cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=Bộ cài sẽ cài [name] vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
DiskSpaceMBLabel=Cần ít nhất [mb] MB chỗ trống trên ổ đĩa.
CannotInstallToNetworkDrive=Không cài được vào ổ đĩa mạng.
CannotInstallToUNCPath=Không cài được vào đường dẫn mạng (UNC).
InvalidPath=Hãy nhập đường dẫn đầy đủ có ký tự ổ đĩa, ví dụ:%n%nC:\APP
InvalidDrive=Ổ đĩa đã chọn không có hoặc không truy cập được. Hãy chọn ổ khác.
DiskSpaceWarningTitle=Không đủ chỗ trống
DiskSpaceWarning=Cần ít nhất %1 KB chỗ trống để cài, nhưng ổ đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
DirNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidDirName=Tên thư mục không hợp lệ.
BadDirName32=Tên thư mục không được chứa các ký tự sau:%n%n%1
DirExistsTitle=Thư mục đã có
DirExists=Thư mục:%n%n%1%n%nđã có. Vẫn cài vào thư mục đó?
DirDoesntExistTitle=Thư mục chưa có
DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Tạo thư mục này?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Chọn việc làm thêm
SelectTasksDesc=Bộ cài làm thêm những việc nào?
SelectTasksLabel2=Chọn những việc bộ cài làm thêm khi cài [name], rồi bấm Tiếp.

; *** "Ready to Install" wizard page
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Bộ cài đã sẵn sàng cài [name] vào máy tính này.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem hay đổi lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
ReadyMemoDir=Nơi cài đặt:
ReadyMemoGroup=Thư mục trong menu Start:
ReadyMemoTasks=Việc làm thêm:

; *** "Preparing to Install" wizard page
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Bộ cài đang chuẩn bị cài [name] vào máy tính này.
PreviousInstallNotCompleted=Lần cài hoặc gỡ chương trình trước chưa xong. Cần khởi động lại máy để hoàn tất.%n%nSau khi khởi động lại, hãy chạy lại bộ cài để cài [name].
CannotContinue=Bộ cài không tiếp tục được. Bấm Hủy để thoát.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để bộ cài tự đóng chúng.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để bộ cài tự đóng chúng. Cài xong, bộ cài sẽ mở lại chúng.
CloseApplications=&Tự đóng các chương trình
DontCloseApplications=&Không đóng các chương trình
ErrorCloseApplications=Bộ cài không tự đóng được mọi chương trình. Hãy đóng các chương trình đang dùng tệp cần cập nhật rồi mới tiếp tục.

; *** "Installing" wizard page
WizardInstalling=Đang cài đặt
InstallingLabel=Hãy chờ trong khi bộ cài cài [name] vào máy tính này.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Đã cài xong [name]
FinishedLabelNoIcons=Bộ cài đã cài xong [name] vào máy tính này.
FinishedLabel=Bộ cài đã cài xong [name] vào máy tính này. Mở chương trình bằng biểu tượng vừa tạo.
ClickFinish=Bấm Xong để thoát bộ cài.
FinishedRestartLabel=Để cài xong [name], cần khởi động lại máy. Khởi động lại ngay?
FinishedRestartMessage=Để cài xong [name], cần khởi động lại máy.%n%nKhởi động lại ngay?
YesRadio=&Có, khởi động lại máy ngay
NoRadio=&Không, tôi sẽ khởi động lại sau
RunEntryExec=Mở %1
RunEntryShellExec=Xem %1

; *** Installation phase messages
SetupAborted=Chưa cài xong.%n%nHãy khắc phục lỗi rồi chạy lại bộ cài.
AbortRetryIgnoreChooseAction=Chọn cách xử lý
AbortRetryIgnoreRetry=Thử lại
AbortRetryIgnoreProceedAnyway=Vẫn tiếp tục
AbortRetryIgnoreCancel=Hủy cài đặt

; *** Installation status messages
StatusClosingApplications=Đang đóng các chương trình...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang giải nén tệp...
StatusCreateIcons=Đang tạo biểu tượng...
StatusCreateIniEntries=Đang ghi tệp cấu hình...
StatusCreateRegistryEntries=Đang ghi vào registry...
StatusRegisterFiles=Đang đăng ký tệp...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất...
StatusRestartingApplications=Đang mở lại các chương trình...
StatusRollback=Đang hoàn tác các thay đổi...

; *** Misc. errors
ErrorInternal2=Lỗi nội bộ: %1
ErrorFunctionFailedNoCode=%1 thất bại
ErrorFunctionFailed=%1 thất bại; mã %2
ErrorFunctionFailedWithMessage=%1 thất bại; mã %2.%n%3
ErrorExecutingProgram=Không chạy được tệp:%n%1

; *** File copying errors
SourceIsCorrupted=Tệp nguồn bị hỏng
SourceDoesntExist=Không có tệp nguồn "%1"
ExistingFileReadOnly=Tệp đang có được đặt chỉ đọc.
ExistingFileReadOnlySkip=Bỏ qua tệp này
ErrorReadingExistingDest=Lỗi khi đọc tệp đang có:
FileExists=Tệp đã có.%n%nGhi đè lên?
ErrorChangingAttr=Lỗi khi đổi thuộc tính của tệp đang có:
ErrorCreatingTemp=Lỗi khi tạo tệp trong thư mục cài đặt:
ErrorReadingSource=Lỗi khi đọc tệp nguồn:
ErrorCopying=Lỗi khi chép tệp:
ErrorReplacingExistingFile=Lỗi khi thay tệp đang có (có thể chương trình còn mở):
ErrorRenamingTemp=Lỗi khi đổi tên tệp trong thư mục cài đặt:

; *** Uninstall display name markings
UninstallDisplayNameMark32Bit=32-bit
UninstallDisplayNameMark64Bit=64-bit
UninstallDisplayNameMarkAllUsers=Mọi người dùng
UninstallDisplayNameMarkCurrentUser=Người dùng hiện tại

; *** Uninstaller messages
UninstallNotFound=Không có tệp "%1". Không gỡ được.
UninstallOpenError=Không mở được tệp "%1". Không gỡ được
ConfirmUninstall=Gỡ hoàn toàn %1 khỏi máy? Dữ liệu (cơ sở dữ liệu, bản sao lưu) vẫn được giữ lại.
UninstallOnlyOnWin64=Chỉ gỡ được bản cài này trên Windows 64-bit.
UninstallStatusLabel=Hãy chờ trong khi gỡ %1 khỏi máy.
UninstalledAll=Đã gỡ xong %1 khỏi máy.
UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không gỡ được; có thể xóa chúng bằng tay.
UninstalledAndNeedsRestart=Để gỡ xong %1, cần khởi động lại máy.%n%nKhởi động lại ngay?
UninstallDataCorrupted=Tệp "%1" bị hỏng. Không gỡ được
WizardUninstalling=Trạng thái gỡ cài đặt
StatusUninstalling=Đang gỡ %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Đang cài %1.
ShutdownBlockReasonUninstallingApp=Đang gỡ %1.
