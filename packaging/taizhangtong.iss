; Inno Setup 6 script of 台账通's Windows installer: dist\taizhangtong-<version>-setup.exe.
; Built by  python packaging/build.py  on Windows after the bundle (the same PyInstaller spec as
; on Linux), which passes the version from models/version.py and the folders:
;   ISCC /DAppVersion=<version> /DBundle=<dist\taizhangtong> /DIcons=<build\icons> /O<dist> taizhangtong.iss
; A Chinese installer that needs no administrator: it installs for the current user under
; %LOCALAPPDATA%\Programs\Taizhangtong, with a Start-menu and a desktop shortcut. Uninstalling
; removes the program only: the data folder %LOCALAPPDATA%\Taizhangtong (the records, their
; backups, settings.ini) is the user's, and is never named here, so it stays.
#ifndef AppVersion
  #error Build through python packaging/build.py, which passes /DAppVersion from models/version.py
#endif
#ifndef Bundle
  #define Bundle "..\dist\taizhangtong"
#endif
#ifndef Icons
  #define Icons "..\build\icons"
#endif

[Setup]
AppId={{6B2F4C71-3D9A-4E58-9C1B-2A7E5D8F0C34}
AppName=台账通
AppVersion={#AppVersion}
AppVerName=台账通 {#AppVersion}
AppPublisher=台账通
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Taizhangtong
DefaultGroupName=台账通
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=taizhangtong-{#AppVersion}-setup
SetupIconFile={#Icons}\taizhangtong.ico
UninstallDisplayIcon={app}\taizhangtong.exe
UninstallDisplayName=台账通
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\台账通"; Filename: "{app}\taizhangtong.exe"; Comment: "活动台账的记录、登记表与总结"
Name: "{autodesktop}\台账通"; Filename: "{app}\taizhangtong.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\taizhangtong.exe"; Description: "{cm:LaunchProgram,台账通}"; Flags: nowait postinstall skipifsilent
