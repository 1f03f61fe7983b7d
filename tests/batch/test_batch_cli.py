"""``tomtat batch`` as a user runs it: output lines, bad lines, resume, report."""

from __future__ import annotations

import json
from pathlib import Path

from tomtat.cli import main



def test_one_summary_line_per_cluster(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(clusters_file), "-o", str(out), "--words", "40"]) == 0
    rows = kit.read_output(out)
    assert [r["id"] for r in rows] == [f"c{i}" for i in range(6)]
    for row in rows:
        assert row["summary"] and row["sentences"]
        assert row["words"] <= 40
        assert all(s["article_id"].startswith(row["id"] + "-") for s in row["sentences"])
    assert "6 done" in capsys.readouterr().err


def test_malformed_line_is_reported_and_skipped(kit, tmp_path: Path, capsys) -> None:
    src = kit.write_jsonl(
        tmp_path / "in.jsonl",
        [kit.make_cluster("a", 1), '{"id": "broken", "articles": [', kit.make_cluster("b", 2), {"id": "empty", "articles": []}],
    )
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    assert [r["id"] for r in kit.read_output(out)] == ["a", "b"]
    err = capsys.readouterr().err
    assert f"{src}:2: malformed JSON" in err
    assert f"{src}:4:" in err and "no articles" in err
    assert "Traceback" not in err
    assert "2 done" in err and "2 failed" in err


def test_rerun_skips_what_is_done(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 0
    first = out.read_bytes()
    capsys.readouterr()
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 0
    assert out.read_bytes() == first
    err = capsys.readouterr().err
    assert "0 done" in err and "6 skipped" in err


def test_resume_after_crash_trims_torn_line(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 0
    complete = out.read_bytes()
    lines = complete.splitlines(keepends=True)
    # What a crash could leave: two whole lines and the start of the third.
    out.write_bytes(b"".join(lines[:2]) + lines[2][:25])
    capsys.readouterr()
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "partial last line" in err and "2 skipped" in err and "4 done" in err
    assert out.read_bytes() == complete


def test_duplicate_cluster_ids_are_reported(kit, tmp_path: Path, capsys) -> None:
    src = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster("x", 1), kit.make_cluster("y", 2), kit.make_cluster("x", 3)])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    rows = kit.read_output(out)
    assert [r["id"] for r in rows] == ["x", "y"]
    assert "số 1" in rows[0]["summary"]  # the first line with that id wins
    err = capsys.readouterr().err
    assert f"{src}:3: duplicate cluster id 'x' (first on line 1)" in err


def test_refuses_to_mix_settings_in_one_file(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(clusters_file), "-o", str(out), "--words", "30"]) == 0
    before = out.read_bytes()
    assert main(["batch", str(clusters_file), "-o", str(out), "--words", "60"]) == 2
    assert out.read_bytes() == before
    assert "use another output file" in capsys.readouterr().err


def test_refuses_an_output_that_is_not_batch_results(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("mua sữa\n", encoding="utf-8")
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}:1: not a tomtat batch result line" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "mua sữa\n"


def test_bad_invocations_give_one_line(kit, tmp_path: Path, clusters_file: Path, capsys) -> None:
    out = str(tmp_path / "out.jsonl")
    cases = [
        (["batch", str(tmp_path / "missing.jsonl"), "-o", out], "no such file"),
        (["batch", str(clusters_file), "-o", out, "--jobs", "0"], "--jobs must be at least 1"),
        (["batch", str(clusters_file), "-o", out, "--scheduler", "tcp://x:1"], "--executor dask"),
        (["batch", str(clusters_file), "-o", out, "--words", "0"], "--words must be at least 1"),
        (["batch", str(clusters_file), "-o", str(clusters_file)], "overwrite the input"),
    ]
    for argv, message in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err


def test_binary_input_is_refused(kit, tmp_path: Path, capsys) -> None:
    src = tmp_path / "noise.jsonl"
    src.write_bytes(bytes(range(256)) * 8)
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "binary" in capsys.readouterr().err


def test_undecodable_line_is_reported(kit, tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    good = json.dumps(kit.make_cluster("ok", 1), ensure_ascii=False).encode("utf-8")
    src.write_bytes(b'{"id": "latin", "articles": [{"text": "c\xe1 ph\xea"}]}\n' + good + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    assert [r["id"] for r in kit.read_output(out)] == ["ok"]
    assert f"{src}:1: not UTF-8" in capsys.readouterr().err


def test_two_local_workers_give_the_same_file(kit, clusters_file: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(clusters_file), "-o", str(one)]) == 0
    assert main(["batch", str(clusters_file), "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_second_run_on_the_same_output_is_refused(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    from tomtat.batch.output import ResultFile

    out = tmp_path / "out.jsonl"
    with ResultFile(str(out)):
        assert main(["batch", str(clusters_file), "-o", str(out)]) == 2
    assert "another tomtat batch is writing" in capsys.readouterr().err
    assert main(["batch", str(clusters_file), "-o", str(out)]) == 0


def test_utf16_input_with_bom(kit, tmp_path: Path) -> None:
    src = tmp_path / "in16.jsonl"
    lines = "".join(json.dumps(kit.make_cluster(f"u{i}", i), ensure_ascii=False) + "\n" for i in range(2))
    src.write_bytes(lines.encode("utf-16"))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 0
    assert [r["id"] for r in kit.read_output(out)] == ["u0", "u1"]


def test_progress_bar_shows_rate_and_eta_on_request(kit, clusters_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["batch", str(clusters_file), "-o", str(tmp_path / "out.jsonl"), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "6/6" in err and "cluster/s" in err and "<" in err  # count, rate, elapsed<remaining
