"""Where a sidebar of other stories ends."""

from __future__ import annotations

from tomtat.clean.sidebar import is_timestamp, sidebar_end


def test_headline_stamp_teaser_items_run_to_the_end() -> None:
    lines = [
        "Tin mới nhất",
        "Hàn Quốc công bố gói kích thích kinh tế",
        "21:37:54 25/12/2024",
        "Gói hỗ trợ trị giá 10 tỷ USD tập trung vào doanh nghiệp nhỏ và vừa.",
        "Giá dầu tăng phiên thứ ba liên tiếp",
        "2 giờ trước",
        "Giá dầu Brent tăng lên mức cao nhất trong hai tháng qua.",
    ]
    assert sidebar_end(lines, 0) == len(lines)


def test_two_sentences_in_a_row_mean_the_article_resumes() -> None:
    lines = [
        "Tin liên quan",
        "Giá vàng lập đỉnh mới",
        "10:00 12/3/2024",
        "Vàng miếng tăng thêm 500.000 đồng mỗi lượng trong sáng nay.",
        "Quay lại câu chuyện của bài, ông Nam cho biết gia đình đã chuyển đi.",
        "Ông dự kiến sẽ trở về quê vào tháng sau để lo việc đồng áng.",
    ]
    assert sidebar_end(lines, 0) == 4


def test_a_sentence_right_after_the_header_means_the_article_resumes() -> None:
    assert sidebar_end(["Xem thêm", "Ông Nam cho biết sẽ kiến nghị lên cấp trên trong tuần tới."], 0) == 1


def test_timestamps() -> None:
    assert is_timestamp("21:41:32 25/12/2024") and is_timestamp("5 phút trước")
    assert not is_timestamp("Trận đấu bắt đầu lúc 19:30 ngày 12/3 tại sân Mỹ Đình trước hàng vạn khán giả.")


def test_a_one_line_body_after_a_leading_sidebar_is_the_article() -> None:
    body = " ".join(["Câu nội dung số %d của bài viết dài được lưu trên một dòng." % i for i in range(10)])
    lines = ["Tin liên quan", "Giá vàng tăng mạnh", "Chứng khoán giảm điểm", body]
    assert sidebar_end(lines, 0) == 3
