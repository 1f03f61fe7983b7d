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


def test_a_vietnamese_published_date_resolves_relative_dates(tmp_path, capsys):
    lines = [
        {"id": "a", "title": "Cháy chợ ở Hà Nội", "published": "01/05/2024",
         "text": "Hôm qua, một đám cháy lớn bùng phát tại chợ Đồng Xuân. Lực lượng cứu hỏa đã dập tắt đám cháy sau ba giờ."},
        {"id": "b", "title": "Chợ Đồng Xuân cháy", "published": "ngày 1 tháng 5 năm 2024",
         "text": "Vụ cháy chợ Đồng Xuân hôm qua khiến nhiều tiểu thương mất hàng hóa. Cơ quan chức năng đang điều tra."},
    ]
    path = tmp_path / "cluster.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    code, out, err = run(["summarize", str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["notes"] == [] and err == ""
    assert [e["date"] for e in data["timeline"]] == ["2024-04-30"]


def test_an_unreadable_published_date_gets_one_note(tmp_path, capsys):
    line = {"id": "a", "title": "Cháy chợ", "published": "ngày mồng một",
            "text": "Hôm qua, một đám cháy lớn bùng phát tại chợ Đồng Xuân. Lực lượng cứu hỏa đã dập tắt đám cháy."}
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["summarize", str(path), "--format", "json"], capsys)
    notes = json.loads(out)["notes"]
    assert code == 0 and len(notes) == 1
    assert "'ngày mồng một'" in notes[0] and "hôm qua" in notes[0]


def test_a_command_starts_without_the_other_commands_libraries():
    # `tomtat batch` (or summarize) should not pay for the store's SQLAlchemy, the
    # grouping's MinHash or the fetcher's HTTP client; `tomtat --help` still lists all
    probe = (
        "import sys\n"
        "from tomtat.cli import main\n"
        "try:\n"
        "    main(['batch', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'datasketch', 'httpx', 'feedparser') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "tomtat batch" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
    listed = subprocess.run([sys.executable, "-m", "tomtat", "--help"], capture_output=True, text=True, timeout=120)
    assert all(name in listed.stdout for name in ("summarize", "batch", "cluster", "track", "eval"))
