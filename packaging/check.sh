#!/usr/bin/env bash
# packaging/check.sh — build and check the Windows packaging on Linux, as CI does on every run.
#
#   bash packaging/check.sh        (from the project's venv, after the README's install command)
#
# 1. builds the PyInstaller bundle with packaging/report-reviewer.spec and reports its size;
# 2. runs the frozen `ReportReviewer --self-test` (offscreen) and the console companion's;
# 3. compiles packaging/installer.nsi with makensis over that bundle;
# 4. where wine is installed: a fresh 64-bit prefix; a silent install of a tiny "0.0.1" to
#    C:\RRCheck\ReportReviewer (with its desktop shortcut), then a silent upgrade to this version
#    with /NODESKTOP: checks of the files (0.0.1's are gone), the Start-menu shortcut (the desktop
#    one is gone), the uninstall key, and that the user's data stayed; a silent uninstall, waited
#    for, and checks that the program, the shortcuts and the key are gone and the user's data is not.
# The payload is the Linux build: this proves the installer's mechanics, not the Windows program
# (.github/workflows/windows.yml does that on Windows).
#
# Run as root, it installs what is missing: nsis and wine (apt), PyInstaller (pip, in the active
# Python). CHECK_WINE=0 skips the wine part; NSIS_COMPRESSOR=lzma builds a release-size installer
# (zlib, the default here, is about three times faster). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/packaging/dist
WORK=$ROOT/packaging/build
BUNDLE=$DIST/ReportReviewer
COMPRESSOR=${NSIS_COMPRESSOR:-zlib}
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
started=$(date +%s)
TIMES=()

say() { printf '== %s\n' "$*"; }
fail() { printf 'check.sh: FAIL: %s\n' "$*" >&2; exit 1; }
# timed NAME CMD... — run CMD, remember how long it took.
timed() {
  local name=$1 t0 t1
  shift
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  TIMES+=("$(awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN {printf "%-38s %6.1f s", n, b - a}')")
}
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }

if [ -n "${VIRTUAL_ENV:-}" ]; then PY=python
elif [ -x "$ROOT/.venv/bin/python" ]; then PY=$ROOT/.venv/bin/python
else PY=python3; fi

# -- what the check needs ----------------------------------------------------------------------
install_tools() {
  local apt=()
  command -v makensis >/dev/null || apt+=(nsis)
  if [ "${CHECK_WINE:-1}" != 0 ] && ! command -v wine >/dev/null; then apt+=(wine wine64); fi
  # Qt's offscreen platform needs these shared libraries (a bare Debian lacks some).
  for lib in libEGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libglib-2.0.so.0 libdbus-1.so.3 libGL.so.1; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || { apt+=(libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 libgl1); break; }
  done
  if [ ${#apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "apt-get install ${apt[*]}"
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${apt[@]}" >/dev/null
    else
      echo "missing (not root, not installing): ${apt[*]}" >&2
    fi
  fi
  command -v makensis >/dev/null || fail "makensis (Debian package nsis) is needed"
  if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    say "pip install pyinstaller"
    "$PY" -m pip install -q "pyinstaller>=6.5"
  fi
}
t0=$(date +%s)
install_tools
TIMES+=("$(printf '%-38s %6d s' "tools (apt, pip)" "$(( $(date +%s) - t0 ))")")
VERSION=$("$PY" -c "import reviewer; print(reviewer.__version__)")
VERSION_NUMBERS=$("$PY" -c "import sys; sys.path.insert(0, 'packaging'); import bundle_rules as b
print('.'.join(map(str, b.version_numbers('$VERSION'))))")
say "Report Reviewer $VERSION; $("$PY" -m PyInstaller --version | sed 's/^/PyInstaller /'); $(makensis -VERSION | sed 's/^/makensis /')"

# -- 1. the bundle -----------------------------------------------------------------------------
build_bundle() {
  rm -rf "$BUNDLE"
  if ! "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" \
      packaging/report-reviewer.spec > "$DIST/pyinstaller.log" 2>&1; then
    tail -n 40 "$DIST/pyinstaller.log" >&2
    fail "PyInstaller build (log: $DIST/pyinstaller.log)"
  fi
}
say "building the bundle (PyInstaller, packaging/report-reviewer.spec)"
mkdir -p "$DIST"
timed "build bundle (PyInstaller)" build_bundle
[ -x "$BUNDLE/ReportReviewer" ] && [ -x "$BUNDLE/ReportReviewer-cli" ] || fail "no programs in $BUNDLE"
BUNDLE_BYTES=$(du -sb "$BUNDLE" | cut -f1)
BUNDLE_FILES=$(find "$BUNDLE" -type f | wc -l)
say "bundle: $BUNDLE — $(mb "$BUNDLE_BYTES") MiB in $BUNDLE_FILES files"

# -- 2. the frozen self-test -------------------------------------------------------------------
SCRATCH=$(mktemp -d)
cleanup() {
  if [ -n "${WINEPREFIX:-}" ] && command -v wineserver >/dev/null; then wineserver -k 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
self_test() {
  local program=$1 data=$SCRATCH/data-$1
  if ! env QT_QPA_PLATFORM=offscreen REVIEWER_DATA_DIR="$data" REVIEWER_CACHE_DIR="$SCRATCH/cache" \
      timeout 300 "$BUNDLE/$program" --self-test; then
    fail "frozen $program --self-test"
  fi
  [ -s "$data/self-test.log" ] || fail "$program --self-test wrote no $data/self-test.log"
}
say "frozen self-test"
timed "frozen self-test (GUI program)" self_test ReportReviewer
say "frozen self-test, console companion (jieba cache now warm)"
timed "frozen self-test (console program)" self_test ReportReviewer-cli

# -- 3. the installer --------------------------------------------------------------------------
SETUP=$DIST/ReportReviewer-$VERSION-linux-payload-setup.exe
build_installer() {
  rm -f "$SETUP"
  makensis -V2 -DBUNDLE_DIR="$BUNDLE" -DOUTFILE="$SETUP" -DVERSION="$VERSION" -DVERSION_NUMBERS="$VERSION_NUMBERS" \
    -DCOMPRESSOR="$COMPRESSOR" \
    -DEXE_NAME=ReportReviewer -DCLI_EXE_NAME=ReportReviewer-cli packaging/installer.nsi \
    || fail "makensis"
}
say "compiling the installer (makensis, $COMPRESSOR)"
timed "compile installer (makensis $COMPRESSOR)" build_installer
SETUP_BYTES=$(stat -c %s "$SETUP")
say "installer: $SETUP — $(mb "$SETUP_BYTES") MiB"

# -- 4. install, upgrade and uninstall under wine ----------------------------------------------
if [ "${CHECK_WINE:-1}" != 0 ] && command -v wine >/dev/null; then
  export WINEPREFIX=$SCRATCH/wineprefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  unset DISPLAY
  C=$WINEPREFIX/drive_c
  KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ReportReviewer'
  DIR=$C/RRCheck/ReportReviewer
  STARTMENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs"
  DESKTOP=$C/users/Public/Desktop
  WINUSER=$C/users/$(id -un)
  # The user's data (reviewer/paths.py, ui/settings.py), which no install or silent uninstall may touch.
  DATA=$WINUSER/AppData/Local/ReportReviewer
  SETTINGS=$WINUSER/AppData/Roaming/ReportReviewer

  reg_value() { wine reg query "$KEY" /v "$1" 2>/dev/null | tr -d '\r' | awk -v n="$1" '$1 == n {sub(/^ *[^ ]+ +[^ ]+ +/, ""); print; exit}'; }
  # Our shortcuts ("Report Reviewer.lnk" or "报告审阅.lnk", by the installer's language).
  lnks() {
    local dirs=("$@")
    [ $# -gt 0 ] || dirs=("$STARTMENU" "$DESKTOP")
    find "${dirs[@]}" -maxdepth 1 \( -name 'Report Reviewer.lnk' -o -name '报告审阅.lnk' \) 2>/dev/null || true
  }
  check_installed() {
    for f in ReportReviewer ReportReviewer-cli uninstall.exe _internal/resources/samples/sample_fazhi_2023.txt; do
      [ -e "$DIR/$f" ] || fail "after install: missing $DIR/$f"
    done
    local missing
    missing=$(cd "$BUNDLE" && find . \( -type f -o -type l \) | while read -r f; do [ -e "$DIR/$f" ] || echo "$f"; done | head -5)
    [ -z "$missing" ] || fail "after install: bundle files missing from $DIR: $missing"
    [ -n "$(lnks "$STARTMENU")" ] || fail "no Start-menu shortcut in $STARTMENU"
    for v in DisplayName DisplayVersion Publisher EstimatedSize DisplayIcon UninstallString QuietUninstallString InstallLocation; do
      [ -n "$(reg_value "$v")" ] || fail "uninstall key $KEY lacks $v"
    done
    [ "$(reg_value DisplayVersion)" = "$VERSION" ] || fail "DisplayVersion is '$(reg_value DisplayVersion)', not $VERSION"
    [ "$(reg_value InstallLocation)" = 'C:\RRCheck\ReportReviewer' ] || fail "InstallLocation is '$(reg_value InstallLocation)'"
    case "$(reg_value QuietUninstallString)" in *uninstall.exe*/S) ;; *) fail "QuietUninstallString: $(reg_value QuietUninstallString)" ;; esac
  }
  # wine's exit code proves nothing: the checks that follow look at files and keys.
  run_wine() { timeout 600 wine "$@" >/dev/null 2>&1 || true; timeout 300 wineserver -w || fail "wine still busy after: $*"; }

  say "wine $(wine --version 2>/dev/null): fresh prefix"
  timed "wine prefix (wineboot -i)" run_wine wineboot -i
  [ -d "$C/windows" ] || fail "wineboot did not create $C"

  say "an older version first: a tiny 0.0.1 installer, silently to C:\\RRCheck\\ReportReviewer"
  OLD=$SCRATCH/old-bundle/ReportReviewer
  mkdir -p "$OLD/_internal"
  echo "old program" > "$OLD/ReportReviewer"; echo "old console program" > "$OLD/ReportReviewer-cli"
  echo "a file only version 0.0.1 had" > "$OLD/_internal/only-in-0.0.1.txt"
  makensis -V1 -DBUNDLE_DIR="$OLD" -DOUTFILE="$SCRATCH/ReportReviewer-0.0.1-setup.exe" -DVERSION=0.0.1 \
    -DCOMPRESSOR=zlib -DEXE_NAME=ReportReviewer -DCLI_EXE_NAME=ReportReviewer-cli packaging/installer.nsi \
    || fail "makensis (old version)"
  timed "silent install of 0.0.1 (/S /D=)" run_wine "$SCRATCH/ReportReviewer-0.0.1-setup.exe" /S '/D=C:\RRCheck\ReportReviewer'
  [ -f "$DIR/_internal/only-in-0.0.1.txt" ] || fail "the 0.0.1 installer did not install to $DIR"
  [ -n "$(lnks "$DESKTOP")" ] || fail "0.0.1: no desktop shortcut in $DESKTOP"
  [ "$(reg_value DisplayVersion)" = 0.0.1 ] || fail "0.0.1: DisplayVersion is '$(reg_value DisplayVersion)'"
  # The user's data, which no install or silent uninstall may touch.
  mkdir -p "$DATA/Cache" "$SETTINGS"
  echo "a user's library" > "$DATA/library.db"
  echo "jieba cache" > "$DATA/Cache/jieba.cache"
  echo "[ui]" > "$SETTINGS/ReportReviewer.ini"

  say "silent upgrade to $VERSION, /NODESKTOP (no /D: it goes where 0.0.1 is)"
  timed "silent upgrade install (/S /NODESKTOP)" run_wine "$SETUP" /S /NODESKTOP
  check_installed
  [ -z "$(lnks "$DESKTOP")" ] || fail "/NODESKTOP: a desktop shortcut remains: $(lnks "$DESKTOP")"
  [ ! -e "$DIR/_internal/only-in-0.0.1.txt" ] || fail "the upgrade left the old version's files"
  [ -f "$DATA/library.db" ] && [ -f "$SETTINGS/ReportReviewer.ini" ] || fail "the upgrade touched the user's data"
  echo "installed: $(find "$DIR" -type f | wc -l) files; shortcuts:"; lnks | sed "s|$C/|  C:/|"
  echo "uninstall key: DisplayVersion $(reg_value DisplayVersion), EstimatedSize $(( $(reg_value EstimatedSize) / 1024 )) MiB, $(reg_value QuietUninstallString)"

  say "silent uninstall (QuietUninstallString), waiting for the uninstaller"
  timed "silent uninstall (/S, wineserver -w)" run_wine 'C:\RRCheck\ReportReviewer\uninstall.exe' /S
  [ ! -e "$DIR" ] || fail "after uninstall: $DIR remains: $(find "$DIR" | head -5)"
  [ -z "$(lnks)" ] || fail "after uninstall: shortcuts remain: $(lnks)"
  if wine reg query "$KEY" >/dev/null 2>&1; then fail "after uninstall: $KEY remains"; fi
  [ -f "$DATA/library.db" ] && [ -f "$SETTINGS/ReportReviewer.ini" ] || fail "silent uninstall removed the user's data"
  [ ! -e "$DATA/Cache" ] || fail "after uninstall: the cache $DATA/Cache remains"
  say "wine prefix clean: program, shortcuts and uninstall key gone; user's library and settings kept"
else
  say "wine not installed (or CHECK_WINE=0): install/uninstall not checked"
fi

say "summary"
echo "bundle     $(mb "$BUNDLE_BYTES") MiB ($BUNDLE_FILES files) in $BUNDLE"
echo "installer  $(mb "$SETUP_BYTES") MiB ($COMPRESSOR) $SETUP"
printf '%s\n' "${TIMES[@]}"
echo "check.sh passed in $(( $(date +%s) - started )) s"
