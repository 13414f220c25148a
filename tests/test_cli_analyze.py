import json
import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8")


def test_missing_file_gets_error_object_and_exit_code_1(tmp_path):
    proc = run_cli("analyze", "--format", "json", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    [item] = json.loads(proc.stdout)
    assert item["error"] and item["sections"] == [] and item["figures"] == []


def test_json_has_contract_fields_for_a_good_file(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某某区2022年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年办理案件12件。\n", encoding="utf-8")
    proc = run_cli("analyze", "--format", "json", str(report))
    assert proc.returncode == 0, proc.stderr
    [item] = json.loads(proc.stdout)
    assert item["schema"] == "reviewer.analysis/1"
    for key in ("source", "metadata", "text", "sections", "figures", "citations", "checks"):
        assert key in item
    text = item["text"]
    for span in item["sections"] + item["figures"] + item["citations"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
