"""Sentences that point back at the one before them."""

from tomtat.data import read_json
from tomtat.text.back_references import points_back, refers_back


def test_data_file_examples_hold():
    examples = read_json("back_references_vi.json")["examples"]
    for text in examples["refers_back"]:
        assert refers_back(text) and points_back(text), text
    for text in examples["stands_alone"]:
        assert not points_back(text), text


def test_connectives_and_demonstratives_whatever_the_case():
    assert points_back("Tuy nhiên, kết quả vẫn chưa được công bố.")
    assert points_back("TRONG DANH SÁCH NÀY có 11 doanh nghiệp.")
    assert not points_back("Tuyết rơi dày ở Sa Pa sáng nay.")
