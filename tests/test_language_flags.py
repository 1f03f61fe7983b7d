"""Language flags: which sentences lean on the one before them."""

from tomtat.language_flags import language_flags
from tomtat.model import Sentence


def _sentences(*texts: str) -> list[Sentence]:
    out, start = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence("a", 0, i, start, start + len(text), text))
        start += len(text) + 1
    return out


def test_connective_and_demonstrative_openers_point_back_plain_statements_do_not():
    flags = language_flags(_sentences(
        "Bộ Y tế công bố 50 ca mắc mới tại Hà Nội.",
        "Tuy nhiên, số ca nặng đã giảm so với tuần trước.",
        "Các đối tượng trên đã bị tạm giữ để điều tra.",
        "Mưa lớn kéo dài ở miền Trung trong ba ngày.",
    ))
    assert flags.points_back.tolist() == [False, True, True, False]


def test_one_flag_per_sentence_in_order_and_empty_cluster_is_empty():
    sentences = _sentences("Ngoài ra, giá xăng tăng.", "Giá xăng tăng mạnh.")
    assert len(language_flags(sentences).points_back) == 2
    assert language_flags([]).points_back.tolist() == []
