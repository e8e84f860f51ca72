; Inno Setup 6 script: a per-user installation that needs no administrator rights.
; Build on Windows after `make build` (or the PowerShell line in the README):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\SoTayDangUy.iss
; The program goes to %LOCALAPPDATA%\Programs\SoTayDangUy; the data (database, key file, backups, logs)
; stays in %LOCALAPPDATA%\SoTayDangUy and is never touched by installing, upgrading or uninstalling.

#define AppName "Sổ tay Văn phòng Đảng ủy xã"
#define AppVersion "0.1.0"
#define AppExe "SoTayDangUy.exe"

[Setup]
AppId={{6F3C2E1A-4B7D-4E8A-9C21-5D0B8E7A1F42}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Văn phòng Đảng ủy xã
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
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình (Create a desktop shortcut)"; Flags: checkedonce

[Files]
Source: "..\dist\SoTayDangUy\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Mở chương trình (Start the program)"; Flags: nowait postinstall skipifsilent
