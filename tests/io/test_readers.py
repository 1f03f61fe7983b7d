import codecs
import os
import stat
import io
import json
from pathlib import Path

import pytest

from tomtat.errors import InputError
from tomtat.io.readers import read_cluster, read_inputs

ARTICLE = "Tiêu đề bài viết\n\nCâu thứ nhất của bài viết. Câu thứ hai.\nĐoạn hai.\n"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_folder_of_txt_files_gives_one_article_per_file_with_stem_ids(tmp_path):
    write(tmp_path / "b.txt", ARTICLE.encode())
    write(tmp_path / "a.txt", ARTICLE.encode())
    cluster, warnings = read_cluster([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["a", "b"]
    assert cluster.articles[0].title == "Tiêu đề bài viết"
    assert cluster.articles[0].text.strip().startswith("Câu thứ nhất")
    assert warnings == []


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ],
)
def test_accepted_encodings(tmp_path, data):
    cluster, _ = read_cluster([str(write(tmp_path / "x.txt", data))])
    assert cluster.articles[0].title == "Tiêu đề bài viết"


def test_other_encodings_are_a_clear_error_naming_the_file(tmp_path):
    path = write(tmp_path / "latin.txt", "Tiêu đề".encode("cp1258", errors="replace") + b"\xff\xfe\x00abc")
    with pytest.raises(InputError, match="latin.txt"):
        read_inputs([str(path)])


def test_random_bytes_are_rejected(tmp_path):
    path = write(tmp_path / "noise.txt", bytes(range(256)) * 4)
    with pytest.raises(InputError, match="noise.txt"):
        read_inputs([str(path)])


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_inputs([str(tmp_path / "nope")])
    with pytest.raises(InputError, match="no .txt"):
        read_inputs([str(tmp_path)])


def test_a_paragraph_like_first_line_is_kept_as_text_not_lost_as_title(tmp_path):
    lead = " ".join(["Đây là một câu rất dài mở đầu bài báo"] * 5) + "."
    path = write(tmp_path / "lead.txt", f"{lead}\n\nĐoạn thứ hai.\n".encode())
    cluster, _ = read_cluster([str(path)])
    article = cluster.articles[0]
    assert article.title == ""
    assert article.text.startswith("Đây là một câu")


def test_a_one_line_file_is_text_and_gets_summarized(tmp_path):
    """A single line is the user's text: read as a title, cleaning would drop it as a
    repeated title and leave nothing to summarize."""
    from tomtat.pipeline import summarize_cluster

    path = write(tmp_path / "one.txt", "Hà Nội mưa lớn chiều nay, nhiều tuyến phố ngập sâu.\n".encode())
    cluster, _ = read_cluster([str(path)])
    assert (cluster.articles[0].title, cluster.articles[0].text.strip()) == (
        "", "Hà Nội mưa lớn chiều nay, nhiều tuyến phố ngập sâu.")
    assert summarize_cluster(cluster).text == "Hà Nội mưa lớn chiều nay, nhiều tuyến phố ngập sâu."


def test_empty_article_is_skipped_with_a_warning_when_others_remain(tmp_path):
    write(tmp_path / "a.txt", ARTICLE.encode())
    write(tmp_path / "empty.txt", b"  \n\n ")
    cluster, warnings = read_cluster([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["a"]
    assert any("empty.txt" in w and "skipped" in w for w in warnings)


def test_only_empty_articles_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", b"   ")
    with pytest.raises(InputError, match="empty"):
        read_cluster([str(tmp_path)])


def test_stdin_plain_text_and_jsonl():
    cluster, _ = read_cluster(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert cluster.articles[0].title == "Tiêu đề bài viết"
    lines = "\n".join(json.dumps({"id": i, "title": "T", "text": "Nội dung số %s." % i}) for i in "xy")
    cluster, _ = read_cluster(["-"], stdin=io.BytesIO(lines.encode()))
    assert [a.id for a in cluster.articles] == ["x", "y"]


def test_jsonl_articles_ignore_unknown_keys_and_keep_metadata(tmp_path):
    rec = {"id": 7, "title": "T", "text": "Nội dung.", "published": "2024-10-21", "source": "VOV", "extra": 1}
    path = write(tmp_path / "a.jsonl", (json.dumps(rec, ensure_ascii=False) + "\n").encode())
    cluster, _ = read_cluster([str(path)])
    a = cluster.articles[0]
    assert (a.id, a.published, a.source) == ("7", "2024-10-21", "VOV")


def test_jsonl_cluster_line_and_several_clusters(tmp_path):
    one = {"id": "c1", "articles": [{"title": "A", "text": "Một."}, {"title": "B", "text": "Hai."}]}
    path = write(tmp_path / "c.jsonl", (json.dumps(one) + "\n").encode())
    cluster, _ = read_cluster([str(path)])
    assert cluster.id == "c1" and [a.id for a in cluster.articles] == ["1", "2"]
    write(path, (json.dumps(one) + "\n" + json.dumps({**one, "id": "c2"}) + "\n").encode())
    with pytest.raises(InputError, match="tomtat batch"):
        read_cluster([str(path)])


def test_malformed_jsonl_line_names_file_and_line(tmp_path):
    path = write(tmp_path / "bad.jsonl", b'{"id": "a", "text": "Mot."}\n{"id": "b", "text": \n')
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        read_inputs([str(path)])


def test_jsonl_article_without_text_names_the_field(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"id": "a", "title": "x"}\n')
    with pytest.raises(InputError, match="'text'"):
        read_inputs([str(path)])


def test_html_file_main_text_and_metadata(tmp_path):
    html = (
        "<html><head><title>Bão số 3 - Báo X</title>"
        '<meta property="article:published_time" content="2024-09-07T10:00:00+07:00"></head>'
        "<body><nav>Trang chủ | Thời sự | Thể thao</nav><article><h1>Bão số 3 đổ bộ</h1>"
        "<p>Chiều nay, bão số 3 đã đổ bộ vào Quảng Ninh với sức gió mạnh cấp 12, giật cấp 15.</p>"
        "<p>Nhiều cây xanh bị quật đổ, hàng nghìn hộ dân bị mất điện trên diện rộng.</p>"
        "<p>Chính quyền đã sơ tán hơn 50.000 người đến nơi an toàn trước khi bão vào.</p>"
        "</article><footer>Bản quyền 2024</footer></body></html>"
    )
    path = write(tmp_path / "bao.html", html.encode())
    cluster, _ = read_cluster([str(path)])
    a = cluster.articles[0]
    assert a.id == "bao" and a.published == "2024-09-07"
    assert "Quảng Ninh" in a.text and "Trang chủ" not in a.text


def test_removals_name_lines_of_the_users_file(tmp_path):
    from tomtat.clean import clean_cluster

    text = "Tiêu đề bài\n\nTTO - Câu đầu tiên của bài viết.\nCâu thứ hai của bài viết.\nTheo Tuổi Trẻ\n"
    write(tmp_path / "a.txt", text.encode())
    cluster, _ = read_cluster([str(tmp_path)])
    removed = {r.reason: r.line for r in clean_cluster(cluster.articles)[0].removed}
    file_lines = text.split("\n")
    assert file_lines[removed["source-line"]] == "Theo Tuổi Trẻ"
    assert file_lines[removed["dateline"]].startswith("TTO -")


def test_standard_input_is_bounded_like_a_file():
    with pytest.raises(InputError, match="limit"):
        read_cluster(["-"], stdin=io.BytesIO(b"x" * 5000), max_bytes=1000)
    cluster, _ = read_cluster(["-"], stdin=io.BytesIO(ARTICLE.encode()), max_bytes=1000)
    assert cluster.articles


def test_a_file_is_bounded_whatever_its_reported_size(tmp_path):
    big = write(tmp_path / "big.txt", ARTICLE.encode() * 100)
    with pytest.raises(InputError, match="limit"):
        read_cluster([str(big)], max_bytes=1000)


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_a_device_that_never_ends_is_refused_at_the_limit(tmp_path):
    zero = tmp_path / "zero"  # a private copy of the zero device, never the machine's own
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    with pytest.raises(InputError, match="limit"):
        read_cluster([str(zero)], max_bytes=1 << 20)


def test_a_fifo_or_a_symlink_loop_in_a_folder_is_named_in_a_warning(tmp_path):
    write(tmp_path / "a.txt", ARTICLE.encode())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    cluster, warnings = read_cluster([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["a"]
    assert any("pipe.txt" in w for w in warnings) and any("loop.txt" in w for w in warnings)
