"""The Windows packaging: the installer script, the workflow, the spec's rules and the self-test.

The full build (PyInstaller, makensis over the real bundle, wine) is ``packaging/check.sh``; these
tests are the fast part that runs with every ``pytest``: they compile the installer over a tiny
fake bundle where makensis is installed, and run ``--self-test`` from the source tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.selftest import Context, StepFailed, run_step

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
NSI = PACKAGING / "installer.nsi"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"

sys.path.insert(0, str(PACKAGING))
import bundle_rules  # noqa: E402

# -- the installer script -------------------------------------------------------------------------

def test_installer_script_has_the_required_pieces():
    text = NSI.read_text(encoding="utf-8")
    for piece in [
        "Unicode true", "Target amd64-unicode", '!include "MUI2.nsh"',
        '!insertmacro MUI_LANGUAGE "SimpChinese"', '!insertmacro MUI_LANGUAGE "English"',
        "RequestExecutionLevel admin", "SetShellVarContext all", 'InstallDir "$PROGRAMFILES64\\',
        "!ifndef OUTFILE", "!ifndef VERSION", "!ifndef BUNDLE_DIR", "WriteUninstaller",
        "$SMPROGRAMS\\", "$DESKTOP\\", "MUI_UNPAGE_COMPONENTS",
    ]:
        assert piece in text, piece
    for value in ["DisplayName", "DisplayVersion", "Publisher", "EstimatedSize", "DisplayIcon",
                  "UninstallString", "QuietUninstallString", "InstallLocation"]:
        assert re.search(rf'WriteReg(Str|DWORD) HKLM "\${{UNINST_KEY}}" "{value}"', text), value
    # Simplified Chinese is the default language: the first one inserted.
    assert text.index('MUI_LANGUAGE "SimpChinese"') < text.index('MUI_LANGUAGE "English"')
    # The data-removal section is unticked by default, so a silent uninstall keeps the data.
    assert re.search(r'Section /o "un\.\$\(UnSecDataName\)"', text)


def test_installer_removes_user_data_only_in_the_opt_in_section():
    text = NSI.read_text(encoding="utf-8")
    data_section = text[text.index('Section /o "un.$(UnSecDataName)"'):]
    data_section = data_section[:data_section.index("SectionEnd")]
    rest = text.replace(data_section, "")
    assert "$APPDATA\\${USER_DIR_NAME}" in data_section
    assert 'RMDir /r "$LOCALAPPDATA\\${USER_DIR_NAME}"' in data_section
    # Elsewhere only the cache is removed, never the whole data folder or the settings.
    assert 'RMDir /r "$LOCALAPPDATA\\${USER_DIR_NAME}"' not in rest
    assert "$APPDATA\\" not in rest


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "ReportReviewer"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "ReportReviewer.exe").write_bytes(b"MZ fake program")
    (bundle / "ReportReviewer-cli.exe").write_bytes(b"MZ fake console program")
    (bundle / "_internal" / "resources" / "说明.txt").write_text("中文文件名", encoding="utf-8")
    return bundle


def _makensis(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["makensis", "-V2", *args, str(NSI)], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (nsis) is not installed")
def test_installer_compiles_over_a_bundle(tmp_path):
    out = tmp_path / "ReportReviewer-1.2.3-setup.exe"
    result = _makensis(f"-DBUNDLE_DIR={_fake_bundle(tmp_path)}", f"-DOUTFILE={out}", "-DVERSION=1.2.3",
                       "-DCOMPRESSOR=zlib")
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    assert "warning" not in (result.stdout + result.stderr).lower()


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (nsis) is not installed")
def test_installer_without_a_bundle_says_to_build_it_first(tmp_path):
    result = _makensis(f"-DBUNDLE_DIR={tmp_path / 'nothing'}", f"-DOUTFILE={tmp_path / 'setup.exe'}")
    assert result.returncode != 0
    assert "build the bundle first" in result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="check.sh is for Linux")
def test_check_script_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(PACKAGING / "check.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- the workflow ---------------------------------------------------------------------------------

def parse_simple_yaml(text: str):
    """The block-style YAML subset a workflow is written in: mappings, sequences, scalars and ``|``
    blocks.  Enough to prove the file's structure where PyYAML is not installed."""
    lines = [(len(raw) - len(raw.lstrip(" ")), raw.strip()) for raw in text.splitlines()
             if raw.strip() and not raw.strip().startswith("#")]
    assert "\t" not in text, "YAML forbids tabs for indentation"
    pos = 0

    def scalar(value: str):
        value = re.sub(r"\s+#.*$", "", value) if not value.startswith(("'", '"')) else value
        if value[:1] in "'\"":
            assert value[-1] == value[0], f"unclosed quote: {value}"
            return value[1:-1]
        if value.startswith("[") and value.endswith("]"):
            return [scalar(v.strip()) for v in value[1:-1].split(",") if v.strip()]
        return value

    def block_text(indent: int) -> str:
        nonlocal pos
        out = []  # the block's lines, unindented (its comment-like lines were dropped above)
        while pos < len(lines) and lines[pos][0] > indent:
            out.append(lines[pos][1])
            pos += 1
        return "\n".join(out) + "\n"

    def node(indent: int):
        nonlocal pos
        if lines[pos][1].startswith("- "):
            items = []
            while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
                first = lines[pos][1][2:]
                if re.match(r"^[\w.-]+:(\s|$)", first):
                    # A mapping item: re-read its first line as a key at the item's indentation.
                    lines[pos] = (indent + 2, first)
                    items.append(mapping(indent + 2))
                else:
                    items.append(scalar(first))
                    pos += 1
            return items
        return mapping(indent)

    def mapping(indent: int):
        nonlocal pos
        result = {}
        while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
            match = re.match(r"^([\w.${}()-]+|\"[^\"]+\"):\s*(.*)$", lines[pos][1])
            assert match, f"not a mapping entry: {lines[pos][1]!r}"
            key, value = match.group(1).strip('"'), match.group(2)
            assert key not in result, f"duplicate key {key}"
            pos += 1
            if value in ("|", ">"):
                result[key] = block_text(indent)
            elif value == "":
                nested = pos < len(lines) and (lines[pos][0] > indent or (
                    lines[pos][0] == indent and lines[pos][1].startswith("- ")))
                result[key] = node(lines[pos][0]) if nested else None
            else:
                result[key] = scalar(value)
        return result

    document = node(0)
    assert pos == len(lines), f"unparsed from line {lines[pos]}"
    return document


def _workflow() -> dict:
    text = WORKFLOW.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return parse_simple_yaml(text)
    document = yaml.safe_load(text)
    document["on"] = document.pop(True, document.get("on"))  # YAML 1.1 reads the key on as true
    return document


def test_workflow_builds_tests_packages_installs_and_uploads_on_windows():
    workflow = _workflow()
    assert {"push", "pull_request"} <= set(workflow["on"])
    job = workflow["jobs"]["windows"]
    assert job["runs-on"] == "windows-latest"
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert uses[0].startswith("actions/checkout@") and uses[1].startswith("actions/setup-python@")
    assert steps[1]["with"]["python-version"] == "3.12"
    assert uses[-1].startswith("actions/upload-artifact@")
    scripts = "\n".join(s.get("run", "") for s in steps)
    order = ['pip install -e ".[test,build]"', "pytest", "packaging/report-reviewer.spec",
             "ReportReviewer-cli.exe --self-test", "makensis", "/S /D=", "uninstall.exe"]
    positions = [scripts.find(piece) for piece in order]
    assert -1 not in positions, dict(zip(order, positions))
    assert positions == sorted(positions), "steps out of order"


def test_simple_yaml_parser_reads_nesting_lists_and_blocks():
    text = "a:\n  b: 'x # y'\n  c: [1, 2]\nl:\n  - name: n\n    run: |\n      echo 1\n      echo 2\n  - plain\n"
    assert parse_simple_yaml(text) == {"a": {"b": "x # y", "c": ["1", "2"]},
                                       "l": [{"name": "n", "run": "echo 1\necho 2\n"}, "plain"]}


# -- the spec's rules -----------------------------------------------------------------------------

@pytest.mark.parametrize(("dest", "kept"), [
    ("jieba/dict.txt", True),
    ("jieba/analyse/idf.txt", True),
    ("jieba/lac_small/model_baseline/word_emb", False),
    ("jieba/posseg/prob_emit.p", False),
    ("opencc/clib/share/opencc/t2s.json", True),
    ("opencc/clib/include/opencc/Config.hpp", False),
    ("opencc/clib/bin/opencc", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_zh_CN.qm", True),
    ("PySide6/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtmultimedia_zh_CN.qm", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qoffscreen.dll", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/plugins/imageformats/qico.dll", True),
    ("PySide6/plugins/imageformats/qsvg.dll", True),
    ("PySide6/plugins/imageformats/qtiff.dll", False),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/plugins/generic/qtuiotouchplugin.dll", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("libQt6Network.so.6", False),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/Qt6Widgets.dll", True),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("PySide6/Qt6Svg.dll", True),
    ("resources/translations/report_reviewer_zh_CN.qm", True),
    ("resources/samples/sample_fazhi_2023.txt", True),
])
def test_bundle_keeps_what_the_program_loads(dest, kept):
    assert bundle_rules.keep(dest) is kept
    assert bundle_rules.keep(dest.replace("/", "\\")) is kept


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1.dev3", (2, 0, 1, 0)),
    ("1.4.0rc2", (1, 4, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
])
def test_windows_version_numbers(version, numbers):
    assert bundle_rules.version_numbers(version) == numbers


VERSION_INFO_NAMES = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
                      "VarFileInfo", "VarStruct")


def test_version_resource_is_valid_for_pyinstaller(tmp_path):
    """PyInstaller evaluates the file with its version-resource classes in scope; they import
    pefile, which only Windows builds install, so elsewhere stand-ins record the calls."""
    import reviewer

    text = bundle_rules.render_version_info("ReportReviewer", "报告审阅", reviewer.__version__)
    assert bundle_rules.project_version() == reviewer.__version__
    try:
        from PyInstaller.utils.win32 import versioninfo
    except ImportError:
        calls = {}

        def recorder(name):
            def record(*args, **kwargs):
                calls.setdefault(name, []).append((args, kwargs))
                return name
            return record

        assert eval(text, {name: recorder(name) for name in VERSION_INFO_NAMES}) == "VSVersionInfo"  # noqa: S307
        fixed = calls["FixedFileInfo"][0][1]
        assert fixed["filevers"] == fixed["prodvers"] == bundle_rules.version_numbers(reviewer.__version__)
        strings = {args[0]: args[1] for args, _ in calls["StringStruct"]}
        assert strings["FileVersion"] == strings["ProductVersion"] == reviewer.__version__
        assert strings["OriginalFilename"] == "ReportReviewer.exe"
        return
    path = tmp_path / "version.txt"
    path.write_text(text, encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert info.ffi.fileVersionMS >> 16 == bundle_rules.version_numbers(reviewer.__version__)[0]
    assert f"'{reviewer.__version__}'" in str(info)


# -- the self-test --------------------------------------------------------------------------------

def test_a_failing_step_is_a_line_not_a_crash(tmp_path):
    ctx = Context(tmp=tmp_path)

    def missing(ctx):
        import reviewer.no_such_module  # noqa: F401

    def wrong(ctx):
        raise StepFailed("0 figures")

    assert run_step("store", missing, ctx).line() == "FAIL store: missing module reviewer.no_such_module"
    assert run_step("analyse", wrong, ctx).line() == "FAIL analyse: 0 figures"
    ok = run_step("fine", lambda ctx: "3 things", ctx)
    assert ok.ok and re.fullmatch(r"ok  fine \(\d+ ms\): 3 things", ok.line())
    assert ctx.done == {"fine"}
    with pytest.raises(StepFailed, match="needs step analyse"):
        ctx.need("analyse")


def test_the_modules_step_checks_the_libraries_the_team_library_and_encrypted_pdfs_load_late(monkeypatch):
    import pypdf._crypt_providers

    from reviewer.cli import selftest

    detail = selftest.step_modules(Context(tmp=Path(".")))
    assert "psycopg" in detail and "AES" in detail  # found in this install
    monkeypatch.setattr(pypdf._crypt_providers, "crypt_provider", ("local_crypt_fallback", "0.0.0"))
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a bundle without the driver
    with pytest.raises(StepFailed) as info:
        selftest.step_modules(Context(tmp=Path(".")))
    assert "psycopg" in str(info.value) and "cryptography" in str(info.value)


@pytest.mark.slow
def test_self_test_passes_from_the_source_tree(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(tmp_path / "data"),
               REVIEWER_CACHE_DIR=str(tmp_path / "cache"), REVIEWER_SETTINGS_DIR=str(tmp_path / "settings"),
               PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, "-m", "ui.selftest"], cwd=ROOT, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    lines = result.stdout.splitlines()
    steps = [line for line in lines if line.startswith(("ok  ", "FAIL "))]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(steps) == 9 and all(line.startswith("ok  ") for line in steps), result.stdout
    assert any(line.startswith("ok  analysis process") for line in steps), result.stdout
    assert (tmp_path / "data" / "self-test.log").read_text(encoding="utf-8").splitlines()[1:10] == steps
    assert not list((tmp_path / "settings").glob("*")), "the self-test wrote to the caller's settings"
