from select_fixtures import find

from tomtat.model import Sentence
from tomtat.select.eligibility import antecedents, eligible_mask, is_eligible, needs_antecedent


def s(text: str, heading: bool = False) -> Sentence:
    return Sentence("x", 0, 0, 0, len(text), text, heading)


def test_dangling_openers_need_an_antecedent():
    assert needs_antecedent(s("Tuy nhiên, kết quả vẫn chưa được công bố."))
    assert needs_antecedent(s("Ngoài ra, tỉnh còn hỗ trợ 500 triệu đồng."))
    assert not needs_antecedent(s("Tuyết rơi dày ở Sa Pa sáng nay."))  # whole words only


def test_questions_headings_fragments_and_introductions_are_not_eligible():
    assert not is_eligible(s("Bạn đã chuẩn bị gì cho mùa bão năm nay?"), 9)
    assert not is_eligible(s("Thiệt hại nặng nề", heading=True), 4)
    assert not is_eligible(s("Ảnh minh họa."), 3)
    assert not is_eligible(s("Ông cho biết như sau các điểm chính:"), 8)
    assert is_eligible(s("Bão số 9 đổ bộ vào Quảng Nam sáng nay."), 9)


def test_antecedent_is_the_previous_sentence_of_the_same_article(storm):
    dangling = find(storm, "Tuy nhiên")
    assert antecedents(storm) == {dangling: dangling - 1}
    assert not eligible_mask(storm)[dangling]


def test_demonstrative_subjects_need_an_antecedent_and_the_data_file_examples_hold():
    from tomtat.data import read_json

    examples = read_json("back_references_vi.json")["examples"]
    for text in examples["refers_back"]:
        assert needs_antecedent(s(text)), text
    for text in examples["stands_alone"]:
        assert not needs_antecedent(s(text)), text


def test_a_demonstrative_past_the_opening_clause_does_not_count():
    assert needs_antecedent(s("Các đối tượng trên đều đã bị bắt."))
    assert not needs_antecedent(s("Sáng 3/4, công an bắt giữ các đối tượng trên một chiếc xe khách."))
    assert not needs_antecedent(s("Tỉnh Quảng Nam, nơi bão đổ bộ, đã sơ tán dân ở khu vực này."))
