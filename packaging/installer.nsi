; 报告审阅 Report Reviewer — Windows installer (NSIS 3, Modern UI 2, 64-bit, per machine).
;
;   makensis -DBUNDLE_DIR=dist\ReportReviewer -DOUTFILE=dist\ReportReviewer-0.1.0-setup.exe ^
;            -DVERSION=0.1.0 packaging\installer.nsi
;
; Every define is optional: VERSION defaults to reviewer/__init__.py's __version__, BUNDLE_DIR to
; the PyInstaller folder packaging\dist\ReportReviewer, OUTFILE to packaging\dist\ReportReviewer-
; <VERSION>-setup.exe, COMPRESSOR to lzma (zlib is three times faster, for CI), EXE_NAME to
; ReportReviewer.exe (packaging/check.sh passes the Linux build's name), VERSION_NUMBERS (the four
; numbers of the file version) to VERSION.0, which fits a three-number VERSION such as 0.1.0.
; Relative paths are relative to this folder.
;
; The setup program:
; - installs to $PROGRAMFILES64\ReportReviewer (/D=<folder> chooses another; /S is silent), for
;   every user of the machine: Start-menu shortcut, optional desktop shortcut (/NODESKTOP leaves it
;   out of a silent install), an entry in Apps / Add or Remove Programs;
; - over an earlier version, first removes that version's program files and shortcuts, so nothing
;   stale is left; the user's libraries and settings are never under Program Files and stay;
; - uninstalls the program, its shortcuts and its registry key; the user's libraries and settings
;   are removed only when "remove my libraries and settings" is ticked (never in a silent uninstall).

Unicode true
Target amd64-unicode
ManifestDPIAware true

!ifndef VERSION
  !searchparse /file "..\reviewer\__init__.py" `__version__ = "` VERSION `"`
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "dist\ReportReviewer"
!endif
!ifndef OUTFILE
  !define OUTFILE "dist\ReportReviewer-${VERSION}-setup.exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR lzma
!endif
!ifndef EXE_NAME
  !define EXE_NAME "ReportReviewer.exe"
!endif
!ifndef VERSION_NUMBERS
  !define VERSION_NUMBERS "${VERSION}.0"  ; the file version's four numbers; pass it for other forms
!endif
!ifndef CLI_EXE_NAME
  !define CLI_EXE_NAME "ReportReviewer-cli.exe"
!endif

!if /FileExists "${BUNDLE_DIR}\${EXE_NAME}"
!else
  !error "No ${EXE_NAME} in BUNDLE_DIR=${BUNDLE_DIR}: build the bundle first (packaging/report-reviewer.spec)"
!endif

!define APP_ID "ReportReviewer"
!define PRODUCT_NAME "报告审阅 Report Reviewer"
!define PUBLISHER "Report Reviewer team"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define UNINSTALLER "uninstall.exe"
; The user's files (reviewer/paths.py via platformdirs, ui/settings.py via QSettings):
; %LOCALAPPDATA%\ReportReviewer (libraries, logs; Cache\ inside) and %APPDATA%\ReportReviewer (settings).
!define USER_DIR_NAME "ReportReviewer"

SetCompressor /SOLID ${COMPRESSOR}
Name "${PRODUCT_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel admin
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${PRODUCT_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUMBERS}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT_NAME} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Var OldInstallDir

; -- Modern UI ---------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!if /FileExists "..\resources\icons\app.ico"
  !define MUI_ICON "..\resources\icons\app.ico"
  !define MUI_UNICON "..\resources\icons\app.ico"
!endif
; Remember the installer's language for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_WINDOWTITLE "报告审阅 Report Reviewer"
!define MUI_LANGDLL_INFO "请选择语言。$\r$\nPlease select a language."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default one.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ShortcutName ${LANG_SIMPCHINESE} "报告审阅"
LangString ShortcutName ${LANG_ENGLISH} "Report Reviewer"
LangString SecProgramName ${LANG_SIMPCHINESE} "报告审阅(必需)"
LangString SecProgramName ${LANG_ENGLISH} "Report Reviewer (required)"
LangString SecProgramDesc ${LANG_SIMPCHINESE} "程序文件和“开始”菜单中的快捷方式。"
LangString SecProgramDesc ${LANG_ENGLISH} "The program files and the Start-menu shortcut."
LangString SecDesktopName ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_SIMPCHINESE} "在所有用户的桌面上放一个快捷方式。"
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a shortcut on every user's desktop."
LangString UnSecProgramName ${LANG_SIMPCHINESE} "卸载程序"
LangString UnSecProgramName ${LANG_ENGLISH} "Remove the program"
LangString UnSecProgramDesc ${LANG_SIMPCHINESE} "删除程序文件、快捷方式和卸载信息。"
LangString UnSecProgramDesc ${LANG_ENGLISH} "Remove the program files, the shortcuts and the uninstall entry."
LangString UnSecDataName ${LANG_SIMPCHINESE} "删除我的资料库和设置"
LangString UnSecDataName ${LANG_ENGLISH} "Remove my libraries and settings"
LangString UnSecDataDesc ${LANG_SIMPCHINESE} "同时删除当前用户的审阅资料库、日志和设置。保存在其他位置的资料库不受影响。无法撤销。"
LangString UnSecDataDesc ${LANG_ENGLISH} "Also delete the current user's review libraries, logs and settings. Libraries saved elsewhere stay. This cannot be undone."
LangString AppRunning ${LANG_SIMPCHINESE} "报告审阅正在运行。请先关闭它,然后点“重试”。"
LangString AppRunning ${LANG_ENGLISH} "Report Reviewer is running. Close it, then click Retry."
LangString NeedAdmin ${LANG_SIMPCHINESE} "安装需要管理员权限。"
LangString NeedAdmin ${LANG_ENGLISH} "Installing needs administrator rights."

; -- shared by the installer and the uninstaller -----------------------------------------------

; Stop while the program in $R9 is running: its files could not be replaced or removed.
!macro DEFINE_CHECK_NOT_RUNNING UN
Function ${UN}CheckNotRunning
  ${If} ${FileExists} "$R9\${EXE_NAME}"
    retry:
    ClearErrors
    FileOpen $0 "$R9\${EXE_NAME}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
      SetErrorLevel 5
      Quit
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro DEFINE_CHECK_NOT_RUNNING ""
!insertmacro DEFINE_CHECK_NOT_RUNNING "un."

; Remove an installed version's program files from DIR and its shortcuts (whose paths it recorded
; in the uninstall key).  Only what the installer put there: never the folder's other contents.
!macro REMOVE_PROGRAM DIR
  ReadRegStr $1 HKLM "${UNINST_KEY}" "StartMenuShortcut"
  ${If} $1 != ""
    Delete "$1"
  ${EndIf}
  ReadRegStr $1 HKLM "${UNINST_KEY}" "DesktopShortcut"
  ${If} $1 != ""
    Delete "$1"
  ${EndIf}
  RMDir /r "${DIR}\_internal"
  Delete "${DIR}\${EXE_NAME}"
  Delete "${DIR}\${CLI_EXE_NAME}"
  Delete "${DIR}\${UNINSTALLER}"
  RMDir "${DIR}"
!macroend

; -- installer ---------------------------------------------------------------------------------

Section "$(SecProgramName)" SecProgram
  SectionIn RO
  ; An earlier version: take its program files and shortcuts away first (the user's data stays).
  ReadRegStr $OldInstallDir HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $OldInstallDir != ""
    StrCpy $R9 $OldInstallDir
    Call CheckNotRunning
    !insertmacro REMOVE_PROGRAM "$OldInstallDir"
  ${EndIf}
  StrCpy $R9 $INSTDIR
  Call CheckNotRunning
  !insertmacro REMOVE_PROGRAM "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0
  WriteRegStr HKLM "${UNINST_KEY}" "StartMenuShortcut" "$SMPROGRAMS\$(ShortcutName).lnk"

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  WriteRegStr HKLM "${UNINST_KEY}" "${MUI_LANGDLL_REGISTRY_VALUENAME}" $LANGUAGE
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0
  WriteRegStr HKLM "${UNINST_KEY}" "DesktopShortcut" "$DESKTOP\$(ShortcutName).lnk"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(SecProgramDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; After the sections: it needs ${SecDesktop}.
Function .onInit
  SetShellVarContext all
  SetRegView 64
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "admin"
    MessageBox MB_OK|MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
    SetErrorLevel 740
    Quit
  ${EndIf}
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

; -- uninstaller -------------------------------------------------------------------------------

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "un.$(UnSecProgramName)" UnSecProgram
  SectionIn RO
  StrCpy $R9 $INSTDIR
  Call un.CheckNotRunning
  !insertmacro REMOVE_PROGRAM "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  ; jieba's cache is rebuilt on the next start: not the user's data.
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${USER_DIR_NAME}\Cache"
  RMDir "$LOCALAPPDATA\${USER_DIR_NAME}"
  SetShellVarContext all
SectionEnd

; Unticked by default, and so never in a silent uninstall.
Section /o "un.$(UnSecDataName)" UnSecData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${USER_DIR_NAME}"
  RMDir /r "$APPDATA\${USER_DIR_NAME}"
  DeleteRegKey HKCU "Software\${USER_DIR_NAME}"
  SetShellVarContext all
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "$(UnSecProgramDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(UnSecDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
