; Inno Setup 6 script: a per-user installation that needs no administrator rights.
; Build on Windows after `scripts\build.py` (see the README's Windows section):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\SoTayDangUy.iss
; Signed (when the province has a code-signing certificate; README "Code signing"):
;     ISCC.exe /DSIGN "/Sdux=signtool.exe sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /f C:\keys\tinh.pfx /p MATKHAU $f" installer\SoTayDangUy.iss
; The program goes to %LOCALAPPDATA%\Programs\SoTayDangUy; the data (database, key file, backups, logs)
; stays in %LOCALAPPDATA%\SoTayDangUy and is never touched by installing, upgrading or uninstalling.
;
; This file is UTF-8 with a byte-order mark: Inno Setup reads a script without one in the system's
; ANSI code page and garbles the Vietnamese name. Vietnamese is the installer's language; English is
; there for `setup.exe /LANG=en`. installer\Vietnamese.isl holds our Vietnamese for Inno Setup's own
; messages, over the English defaults.

#define AppName "Sổ tay Văn phòng Đảng ủy xã"
#define AppVersion "0.1.0"
#define AppExe "SoTayDangUy.exe"
; The same name as APP_MUTEX in main.py: the program holds it while it runs, so setup and uninstall
; ask the clerk to close it instead of replacing files in use.
#define AppMutexName "SoTayDangUy.AppMutex"

[Setup]
AppId={{6F3C2E1A-4B7D-4E8A-9C21-5D0B8E7A1F42}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Văn phòng Đảng ủy xã
AppMutex={#AppMutexName}
DefaultDirName={localappdata}\Programs\SoTayDangUy
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=SoTayDangUy-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Qt 6 needs Windows 10 1809 (build 17763) or later, 64-bit.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Vietnamese whatever the language of Windows; no language question.
LanguageDetectionMethod=none
ShowLanguageDialog=no
#ifdef SIGN
SignTool=dux
SignedUninstaller=yes
#endif

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
vi.OnlyOnTheseArchitectures=Sổ tay Văn phòng Đảng ủy xã chỉ chạy trên Windows 10 hoặc 11 bản 64-bit. Máy này dùng Windows 32-bit nên không cài được.%n%nHãy cài trên máy khác, hoặc nhờ cán bộ tin học cài Windows 64-bit cho máy này.
vi.WinVersionTooLowError=Sổ tay Văn phòng Đảng ủy xã cần %1 phiên bản %2 trở lên (Windows 10 bản 1809 hoặc Windows 11). Hãy cập nhật Windows rồi chạy lại bộ cài.
vi.SetupAppRunningError=Sổ tay Văn phòng Đảng ủy xã đang mở.%n%nHãy đóng chương trình (dữ liệu đã lưu không mất), rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
vi.UninstallAppRunningError=Sổ tay Văn phòng Đảng ủy xã đang mở.%n%nHãy đóng chương trình, rồi bấm OK để tiếp tục gỡ, hoặc Hủy để thoát.
en.OnlyOnTheseArchitectures=This program runs only on 64-bit Windows 10 or 11. This computer runs 32-bit Windows, so it cannot be installed here.
en.WinVersionTooLowError=This program requires %1 version %2 or later (Windows 10 version 1809 or Windows 11). Update Windows, then run setup again.

[CustomMessages]
vi.DesktopIcon=Tạo biểu tượng trên màn hình
en.DesktopIcon=Create a desktop shortcut
vi.OpenProgram=Mở chương trình
en.OpenProgram=Start the program

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: checkedonce

[InstallDelete]
; The previous version's libraries: an upgrade must not leave stale DLLs and Python modules beside the
; new ones (PyInstaller puts them all under _internal). Only the program folder; never the data.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\*.dll"
Type: files; Name: "{app}\*.pyd"

[Files]
Source: "..\dist\SoTayDangUy\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; No arguments: the program starts as a clerk would start it from the Start menu (on a new machine,
; the first-start choice; never a demo at the real data path).
Filename: "{app}\{#AppExe}"; Description: "{cm:OpenProgram}"; Flags: nowait postinstall skipifsilent
