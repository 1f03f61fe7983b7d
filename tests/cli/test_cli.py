import json
import subprocess
import sys

from tomtat.cli import main


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_summarize_sample_as_json(sample_dir, capsys):
    code, out, err = run(["summarize", str(sample_dir), "--format", "json", "--words", "80"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["words"] <= 80 and data["sentences"]
    assert len(data["articles"]) == 3


def test_every_format_renders(sample_dir, capsys):
    for fmt in ("text", "markdown", "html"):
        code, out, _ = run(["summarize", str(sample_dir), "--format", fmt], capsys)
        assert code == 0 and out.strip()


def test_output_file_is_written(sample_dir, tmp_path, capsys):
    target = tmp_path / "out.json"
    code, out, _ = run(["summarize", str(sample_dir), "-f", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]


def test_clean_command_json_lists_removals(sample_dir, capsys):
    code, out, _ = run(["clean", str(sample_dir), "--format", "json"], capsys)
    assert code == 0
    articles = json.loads(out)["articles"]
    assert all({"id", "title", "text", "removed"} <= set(a) for a in articles)
    assert any(r["reason"] == "sidebar" for a in articles for r in a["removed"])


def test_bad_inputs_give_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty").mkdir()
    for args in (
        ["summarize", str(tmp_path / "missing")],
        ["summarize", str(tmp_path / "empty")],
        ["summarize", str(tmp_path / "noise.txt")],
        ["summarize", str(tmp_path / "noise.txt"), "--words", "-3"],
    ):
        code, _, err = run(args, capsys)
        assert code == 2
        assert err.startswith("tomtat: error:") and len(err.strip().splitlines()) == 1


def test_python_m_tomtat_reports_errors_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tomtat", "summarize", str(tmp_path / "missing")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "no such file" in proc.stderr
