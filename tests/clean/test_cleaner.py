"""What a user notices about cleaning: debris gone, every content line kept, an audit trail."""

from __future__ import annotations

from tomtat.clean import clean_article, clean_cluster
from tomtat.model import Article
from tomtat.text.sentences import split_article

ARTICLE = "\n".join(
    [
        "Tình hình cứu trợ",  # 0 subheading
        "TTO - Sáng 5/9, đoàn xe cứu trợ đầu tiên đã tới các xã vùng lũ của tỉnh Yên Bái.",  # 1 dateline
        "Mỗi xe chở hai tấn gạo, nước uống và thuốc men cho người dân vùng bị cô lập.",  # 2
        "Đoàn xe cứu trợ tới xã Tân Hợp chiều 5/9. Ảnh: TTXVN",  # 3 caption
        "Hỗ trợ quốc tế",  # 4 subheading
        "Nhiều tổ chức quốc tế đã cam kết hỗ trợ khẩn cấp cho các tỉnh miền núi phía Bắc.",  # 5
        "Theo ông Trần Văn Nam, Phó chủ tịch tỉnh, thiệt hại ban đầu ước tính 500 tỷ đồng.",  # 6 near-miss
        "Ảnh hưởng của lũ khiến hơn 2.000 ngôi nhà bị ngập sâu, nhiều tuyến đường bị chia cắt.",  # 7 near-miss
        "Công tác khắc phục hậu quả dự kiến kéo dài nhiều tháng./.",  # 8 end mark
        "Theo Tuổi Trẻ",  # 9 source
        "Tin mới nhất",  # 10 sidebar
        "Giá xăng giảm mạnh từ chiều nay",  # 11
        "21:41:32 25/12/2024",  # 12
        "Liên bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu trong nước.",  # 13 teaser
        "Đăng nhập một lần thảo luận cùng bạn đọc",  # 14
        "Top",  # 15
    ]
)
CONTENT = [
    "Sáng 5/9, đoàn xe cứu trợ đầu tiên đã tới các xã vùng lũ của tỉnh Yên Bái.",
    "Mỗi xe chở hai tấn gạo, nước uống và thuốc men cho người dân vùng bị cô lập.",
    "Nhiều tổ chức quốc tế đã cam kết hỗ trợ khẩn cấp cho các tỉnh miền núi phía Bắc.",
    "Theo ông Trần Văn Nam, Phó chủ tịch tỉnh, thiệt hại ban đầu ước tính 500 tỷ đồng.",
    "Ảnh hưởng của lũ khiến hơn 2.000 ngôi nhà bị ngập sâu, nhiều tuyến đường bị chia cắt.",
    "Công tác khắc phục hậu quả dự kiến kéo dài nhiều tháng.",
]


def _paragraphs(article):
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_debris_goes_content_stays_subheadings_are_marked() -> None:
    out = clean_article(Article("a", "Lũ ở Yên Bái", ARTICLE))
    paras = _paragraphs(out)
    assert [p for p in paras if p not in ("Tình hình cứu trợ", "Hỗ trợ quốc tế")] == CONTENT
    headings = [out.text[p.start : p.end] for p in out.paragraphs if p.heading]
    assert headings == ["Tình hình cứu trợ", "Hỗ trợ quốc tế"]


def test_every_removal_has_its_rule_and_original_line() -> None:
    out = clean_article(Article("a", "Lũ ở Yên Bái", ARTICLE))
    by_line = {(r.line, r.reason) for r in out.removed}
    assert (1, "dateline") in by_line and (3, "photo-caption") in by_line
    assert (8, "end-mark") in by_line and (9, "source-line") in by_line
    assert {(n, "sidebar") for n in (10, 11, 12, 13, 14, 15)} <= by_line
    assert all(r.article_id == "a" for r in out.removed)
    assert [r.line for r in out.removed] == sorted(r.line for r in out.removed)


def test_paragraph_and_sentence_spans_index_into_the_cleaned_text() -> None:
    out = clean_article(Article("a", "", "TTO - Câu một ở đây. Câu hai ở đây. Toàn cảnh buổi lễ - Ảnh: AFP Câu ba ở đây.\nĐoạn hai có nội dung./."))
    assert out.text == "Câu một ở đây. Câu hai ở đây. Câu ba ở đây.\nĐoạn hai có nội dung."
    for p in out.paragraphs:
        assert "\n" not in out.text[p.start : p.end]
    sentences = split_article(out)
    assert [s.text for s in sentences] == ["Câu một ở đây.", "Câu hai ở đây.", "Câu ba ở đây.", "Đoạn hai có nội dung."]
    assert all(out.text[s.start : s.end] == s.text for s in sentences)


def test_debris_glued_inside_a_one_line_body_goes_and_the_sentences_around_it_stay() -> None:
    body = (
        "(Dân trí) - Ngân hàng trung ương Nhật Bản giữ nguyên lãi suất trong cuộc họp hôm qua. "
        "Thống đốc Kazuo Ueda tại cuộc họp báo ở Tokyo. Ảnh: Reuters "
        "Ông Ueda cho biết lạm phát đang tiến gần mục tiêu 2%. "
        ">> Đồng yên giảm mạnh so với USD "
        "Các nhà đầu tư chờ đợi tín hiệu tăng lãi suất trong tháng tới. "
        "Trụ sở ngân hàng ở Tokyo - Ảnh: AFP Giới phân tích dự báo đồng yên sẽ phục hồi nhẹ. Minh Anh (theo Kyodo)"
    )
    out = clean_article(Article("a", "", body))
    assert out.text == (
        "Ngân hàng trung ương Nhật Bản giữ nguyên lãi suất trong cuộc họp hôm qua. "
        "Ông Ueda cho biết lạm phát đang tiến gần mục tiêu 2%. "
        "Các nhà đầu tư chờ đợi tín hiệu tăng lãi suất trong tháng tới. "
        "Giới phân tích dự báo đồng yên sẽ phục hồi nhẹ."
    )
    reasons = [r.reason for r in out.removed]
    assert reasons.count("photo-caption") == 2 and "related-link-inline" in reasons
    assert all(r.line == 0 for r in out.removed)


def test_image_file_name_glued_to_its_caption_goes() -> None:
    out = clean_article(Article("a", "", "Câu mở đầu của bài viết này.\nkerry_pq12.jpgNgoại trưởng phát biểu tại hội nghị (Ảnh Reuters)\nCâu cuối của bài viết này."))
    assert _paragraphs(out) == ["Câu mở đầu của bài viết này.", "Câu cuối của bài viết này."]


def test_caption_on_the_line_before_a_credit_line_goes() -> None:
    text = "Hội nghị diễn ra trong hai ngày với nhiều phiên thảo luận.\nToàn cảnh phiên khai mạc.\nẢnh: Quang Hiếu\nCác đại biểu sẽ thông qua tuyên bố chung."
    out = clean_article(Article("a", "", text))
    assert _paragraphs(out) == [
        "Hội nghị diễn ra trong hai ngày với nhiều phiên thảo luận.",
        "Các đại biểu sẽ thông qua tuyên bố chung.",
    ]


def test_caption_before_credit_across_blank_lines() -> None:
    text = "Hội nghị diễn ra trong hai ngày với nhiều phiên thảo luận.\n\nToàn cảnh phiên khai mạc\n\nẢnh: Quang Hiếu\n\nCác đại biểu sẽ thông qua tuyên bố chung."
    out = clean_article(Article("a", "", text))
    assert len(out.paragraphs) == 2
    assert [r.line for r in out.removed] == [2, 4]


def test_a_short_content_line_before_an_unnamed_credit_stays() -> None:
    text = "Giá xăng giảm mạnh từ chiều nay theo thông báo.\nGiá dầu cũng giảm nhẹ.\nẢnh minh họa\nMức giảm áp dụng từ 15 giờ."
    out = clean_article(Article("a", "", text))
    assert "Giá dầu cũng giảm nhẹ." in _paragraphs(out)


def test_a_sidebar_ends_the_body_unless_the_article_clearly_resumes() -> None:
    text = "\n".join(
        [
            "Đội tuyển đã tập luyện với cường độ cao trong tuần qua để chuẩn bị cho trận đấu.",
            "Tin liên quan",
            "Lịch thi đấu vòng loại World Cup",
            "Huấn luyện viên công bố danh sách 23 cầu thủ",
            "Trận đấu sẽ diễn ra lúc 19 giờ tối thứ Năm trên sân Mỹ Đình.",
            "Vé đã được bán hết từ hai ngày trước, theo ban tổ chức.",
        ]
    )
    out = clean_article(Article("a", "", text))
    assert _paragraphs(out) == [
        "Đội tuyển đã tập luyện với cường độ cao trong tuần qua để chuẩn bị cho trận đấu.",
        "Trận đấu sẽ diễn ra lúc 19 giờ tối thứ Năm trên sân Mỹ Đình.",
        "Vé đã được bán hết từ hai ngày trước, theo ban tổ chức.",
    ]
    assert [r.line for r in out.removed if r.reason == "sidebar"] == [1, 2, 3]


def test_repeated_title_and_numbered_alt_text_go() -> None:
    title = "Cháy lớn tại chợ đầu mối nông sản"
    text = f"Đám cháy bùng phát lúc rạng sáng tại khu vực kho hàng của chợ.\n{title}\n{title} - ảnh 1\nLực lượng chữa cháy đã khống chế ngọn lửa sau hai giờ."
    out = clean_article(Article("a", title, text))
    assert len(out.paragraphs) == 2
    assert [r.line for r in out.removed] == [1, 2]
    assert {r.reason for r in out.removed} <= {"repeated-title", "image-alt"}


def test_an_untitled_article_takes_its_repeated_first_line_as_title() -> None:
    head = "Mỹ và Nga nhất trí chia sẻ tình báo"
    text = f"{head}\nHai bên đã thống nhất cơ chế trao đổi thông tin.\n{head}\nCuộc gặp kéo dài hơn ba giờ tại Paris."
    out = clean_article(Article("a", "", text))
    assert out.title == head
    assert _paragraphs(out) == ["Hai bên đã thống nhất cơ chế trao đổi thông tin.", "Cuộc gặp kéo dài hơn ba giờ tại Paris."]


def test_near_misses_are_content() -> None:
    lines = [
        "Ảnh hưởng của bão khiến hàng nghìn hộ dân mất điện trong đêm.",
        "Theo ông Lê Văn Hùng, giám đốc sở, công trình sẽ xong trước Tết.",
        "Theo đó, người dân được hỗ trợ 5 triệu đồng mỗi hộ.",
        "Bức ảnh chụp cảnh hai mẹ con ôm nhau giữa dòng lũ lan truyền trên mạng.",
        "Video ghi lại cảnh cứu hộ được nhiều người chia sẻ.",
        "Chia sẻ với phóng viên, bà Hoa cho biết gia đình mất trắng vụ lúa.",
        "Bình luận về quyết định này, các chuyên gia tỏ ra thận trọng.",
        "Top 5 doanh nghiệp xuất khẩu lớn nhất đều có vốn nước ngoài.",
        "Xem thêm hướng dẫn trên cổng dịch vụ công quốc gia trước khi nộp hồ sơ.",
        "Số người chết là 12.",
        "Thật đáng tiếc!",
        "Ngày 12/3/2024, Bộ Y tế ban hành kế hoạch phòng dịch.",
        "ASEAN - Nhật Bản nhất trí tăng cường hợp tác kinh tế.",
        "Lãi suất 6%/năm áp dụng cho kỳ hạn 12 tháng.",
    ]
    out = clean_article(Article("a", "", "\n".join(lines)))
    assert _paragraphs(out) == lines, out.removed
    assert out.removed == ()


def test_cluster_furniture_repeated_in_three_articles_goes_but_shared_sentences_stay() -> None:
    shared_sentence = "Quốc hội đã thông qua nghị quyết với 450 đại biểu tán thành."
    arts = [
        Article(str(i), "", f"Nội dung riêng số {i} của bài viết này khá dài.\nBản tin sáng nay\n{shared_sentence}")
        for i in range(3)
    ]
    out = clean_cluster(arts)
    for a in out:
        assert "Bản tin sáng nay" not in a.text
        assert shared_sentence in a.text
        assert any(r.reason == "repeated-across-articles" for r in a.removed)
    two = clean_cluster(arts[:2])
    assert all("Bản tin sáng nay" in a.text for a in two)


def test_empty_and_debris_only_articles_give_empty_text_not_errors() -> None:
    assert clean_article(Article("a", "Tiêu đề", "")).text == ""
    out = clean_article(Article("b", "", "Top\nBình luận\nChia sẻ"))
    assert out.text == "" and out.paragraphs == () and len(out.removed) == 3


def test_a_long_one_line_body_with_many_glued_fragments() -> None:
    unit = "Giá cổ phiếu ngân hàng tăng trong phiên sáng nay. Nhà đầu tư tại sàn giao dịch. Ảnh: Reuters >> Giá vàng hôm nay tăng mạnh "
    out = clean_article(Article("a", "", unit * 500 + "Câu cuối cùng của bài."))
    assert "Ảnh" not in out.text and ">>" not in out.text
    assert out.text.count("Giá cổ phiếu ngân hàng tăng trong phiên sáng nay.") == 500


def test_text_that_only_repeats_its_title_is_kept_not_emptied() -> None:
    only = clean_article(Article("a", "Hà Nội mưa lớn chiều nay", "Hà Nội mưa lớn chiều nay."))
    assert only.text.strip() == "Hà Nội mưa lớn chiều nay." and not only.removed
    more = clean_article(Article("b", "Hà Nội mưa lớn chiều nay", "Hà Nội mưa lớn chiều nay\nNhiều phố ngập sâu sau trận mưa."))
    assert more.text.strip() == "Nhiều phố ngập sâu sau trận mưa." and [r.reason for r in more.removed] == ["repeated-title"]
