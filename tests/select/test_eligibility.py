from select_fixtures import find

from tomtat.model import CleanArticle, Paragraph, Sentence
from tomtat.represent import represent
from tomtat.select.eligibility import antecedents, eligible_mask
from tomtat.text.back_references import points_back


def mask_of(*lines: tuple[str, bool]) -> list[bool]:
    """The eligibility of each (text, heading) line of one article."""
    sentences, paragraphs, start = [], [], 0
    for k, (text, heading) in enumerate(lines):
        sentences.append(Sentence("x", k, k, start, start + len(text), text, heading))
        paragraphs.append(Paragraph(k, start, start + len(text), heading))
        start += len(text) + 1
    article = CleanArticle("x", "", "\n".join(t for t, _ in lines), tuple(paragraphs))
    return eligible_mask(represent([article], sentences)).tolist()


def test_dangling_openers_need_an_antecedent():
    assert points_back("Tuy nhiên, kết quả vẫn chưa được công bố.")
    assert points_back("Ngoài ra, tỉnh còn hỗ trợ 500 triệu đồng.")
    assert not points_back("Tuyết rơi dày ở Sa Pa sáng nay.")  # whole words only


def test_questions_headings_fragments_and_introductions_are_not_eligible():
    assert mask_of(
        ("Bạn đã chuẩn bị gì cho mùa bão năm nay?", False),
        ("Thiệt hại nặng nề", True),
        ("Ảnh minh họa.", False),
        ("Ông cho biết như sau các điểm chính:", False),
        ("Tuy nhiên, kết quả kiểm đếm vẫn chưa được công bố.", False),
        ("Bão số 9 đổ bộ vào Quảng Nam sáng nay.", False),
    ) == [False, False, False, False, False, True]


def test_lines_without_final_punctuation_are_not_eligible():
    # captions and subheadings too long for the cleaner's heading rule, a line cut by
    # the crawl, a list item: only finished sentences (quotes included) may be quoted
    assert mask_of(
        ("Công an thành phố lập chốt kiểm tra nồng độ cồn trên phố Lê Hồng Phong tối qua", False),
        ("Nhiều tài xế bị lực lượng chức năng kiểm tra nồng độ cồn ngay trên phố", False),
        ("Sau khi đăng nhập thành công, người dân chọn tỉnh, thành phố rồi ấn", False),
        ("Bước 1: khai báo thông tin hồ sơ trực tuyến trên cổng dịch vụ công;", False),
        ("Ông gọi khoản đầu tư là “lá phiếu tín nhiệm của thị trường”", False),
        ("Tổ công tác dừng ô tô để kiểm tra nồng độ cồn của tài xế.", False),
    ) == [False, False, False, True, True, True]


def test_antecedent_is_the_previous_sentence_of_the_same_article(storm):
    dangling = find(storm, "Tuy nhiên")
    assert antecedents(storm) == {dangling: dangling - 1}
    assert not eligible_mask(storm)[dangling]


def test_demonstrative_subjects_need_an_antecedent_and_the_data_file_examples_hold():
    from tomtat.data import read_json

    examples = read_json("back_references_vi.json")["examples"]
    for text in examples["refers_back"]:
        assert points_back(text), text
    for text in examples["stands_alone"]:
        assert not points_back(text), text


def test_a_demonstrative_past_the_opening_clause_does_not_count():
    assert points_back("Các đối tượng trên đều đã bị bắt.")
    assert not points_back("Sáng 3/4, công an bắt giữ các đối tượng trên một chiếc xe khách.")
    assert not points_back("Tỉnh Quảng Nam, nơi bão đổ bộ, đã sơ tán dân ở khu vực này.")
