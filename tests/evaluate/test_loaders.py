"""Every supported corpus layout loads, is detected, and fails clearly when broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tomtat.errors import InputError
from tomtat.evaluate.loaders import detect_layout, load_dataset

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "layout"),
    [("vims", "vims"), ("vmds", "vmds"), ("abmusu.jsonl", "vlsp"), ("clusters.jsonl", "jsonl")],
)
def test_layout_is_detected(name, layout):
    assert detect_layout(FIXTURES / name) == layout


def test_vims_articles_in_file_number_order_with_titles_and_clean_references():
    clusters = load_dataset(FIXTURES / "vims")
    assert [c.id for c in clusters] == ["Cluster_001", "Cluster_003"]
    first = clusters[0]
    assert [a.id for a in first.cluster.articles] == ["1", "2", "10"]  # backup "2.txt~" ignored
    article = first.cluster.articles[0]
    assert article.title == "Cầu Sông Xanh thông xe sau hai năm xây dựng"
    assert article.text.startswith("Sáng 3/9, cầu Sông Xanh")
    assert "\r" not in article.text and "thông xe sau hai năm" not in article.text
    assert len(first.references) == 2
    ref = first.references[0]
    assert ref == "Cầu Sông Xanh dài 1,2 km thông xe sáng 3/9.\nNgười dân không còn phải đi phà."
    assert all("Einleitung" not in r and "Cluster_001" not in r for r in first.references)


def test_vlsp_puts_the_anchor_text_before_the_body():
    clusters = load_dataset(FIXTURES / "abmusu.jsonl")
    assert len(clusters) == 2
    doc = clusters[0].cluster.articles[0]
    assert doc.title == "Giá xăng giảm lần thứ ba liên tiếp"
    assert doc.text.split("\n")[0] == "Từ 15h chiều nay, giá xăng giảm khoảng 500 đồng mỗi lít."
    assert doc.text.split("\n")[1].startswith("Liên bộ Công Thương")
    assert clusters[0].references == ("Giá xăng giảm khoảng 500 đồng mỗi lít, lần giảm thứ ba liên tiếp.",)
    assert clusters[0].id != clusters[1].id


def test_vlsp_test_split_without_summary_loads_with_no_references():
    clusters = load_dataset(FIXTURES / "abmusu-test.jsonl")
    assert detect_layout(FIXTURES / "abmusu-test.jsonl") == "vlsp"
    assert clusters[0].references == ()


def test_vmds_reads_bodies_titles_times_and_references_and_skips_tok_and_sum():
    clusters = load_dataset(FIXTURES / "vmds")
    assert [c.id for c in clusters] == ["cluster_1", "cluster_2"]
    c = clusters[0]
    assert [a.id for a in c.cluster.articles] == ["98", "101"]
    a = c.cluster.articles[1]
    assert a.title == "Bão số 5 đổ bộ vào đất liền"
    assert a.published == "07/10/2013 16:45"  # as written; the pipeline reads day-first dates
    assert c.cluster.articles[0].published == "6/10/2013 09:05"
    assert a.text.startswith("Bão số 5 đổ bộ vào đất liền chiều nay.")
    assert len(c.references) == 2
    assert not any("_" in r or "bản tóm tắt máy" in r for r in c.references)


def test_cluster_jsonl_reads_articles_like_the_summarize_command():
    clusters = load_dataset(FIXTURES / "clusters.jsonl")
    c = clusters[0]
    assert c.id == "lua-gao"
    assert [a.id for a in c.cluster.articles] == ["a", "2", "3"]
    assert c.cluster.articles[0].published == "2024-03-02"
    assert c.cluster.articles[2].text.startswith("Xuất khẩu gạo")
    assert len(c.references) == 2


def test_unknown_layout_and_missing_path_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        detect_layout(tmp_path / "missing")
    (tmp_path / "notes.txt").write_text("chỉ là ghi chú\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a corpus layout"):
        load_dataset(tmp_path / "notes.txt")


def test_broken_jsonl_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = (FIXTURES / "clusters.jsonl").read_text(encoding="utf-8").split("\n")[0]
    path.write_text(good + "\n{không phải json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        load_dataset(path)


def test_non_utf8_article_is_a_clear_error(tmp_path):
    root = tmp_path / "vims"
    shutil.copytree(FIXTURES / "vims", root)
    (root / "data" / "Cluster_001" / "1.txt").write_bytes(b"Ti\xeau \xf0\xea\nN\xf4i dung")
    with pytest.raises(InputError, match="not UTF-8"):
        load_dataset(root)
