"""Unicode: one form for every later stage, and mojibake repaired or reported."""

from __future__ import annotations

import unicodedata

from tomtat.clean import clean_article, normalize_text
from tomtat.clean.encoding import looks_legacy, repair
from tomtat.model import Article

LINE = "Người dân Hòa Bình khỏe mạnh, thủy điện hoạt động bình thường."


def test_decomposed_text_becomes_nfc() -> None:
    assert normalize_text(unicodedata.normalize("NFD", LINE)) == LINE


def test_old_style_tone_marks_move_to_one_convention() -> None:
    assert normalize_text("hoà bình, khoẻ mạnh, thuỷ điện") == "hòa bình, khỏe mạnh, thủy điện"
    # "quý" and "hoàn" are the same in both conventions and must not change
    assert normalize_text("quý khách hoàn toàn") == "quý khách hoàn toàn"


def test_invisible_characters_odd_spaces_entities_and_controls_go() -> None:
    dirty = "Giá\u00a0vàng\u200b tăng&nbsp;mạnh &amp; ổn\u2009định\x07.\ufeff"
    assert normalize_text(dirty) == "Giá vàng tăng mạnh & ổn định."


def test_mojibake_is_repaired() -> None:
    for codec in ("latin-1", "cp1252"):
        text = "Bộ trưởng phát biểu tại hội nghị ở Thành phố Hà Nội."
        garbled = text.encode("utf-8").decode(codec)
        assert garbled != text
        assert normalize_text(garbled) == text
    assert repair(LINE) == LINE


def test_mojibake_with_lost_bytes_is_kept_and_reported() -> None:
    garbled = LINE.encode("utf-8").decode("cp1252", errors="replace")  # some bytes lost
    out = clean_article(Article("a", "", garbled))
    assert "dân Hòa Bình" in out.text
    assert [r.reason for r in out.removed] == ["mojibake-repaired-lossy"]


def test_cleaner_reports_repairs_with_the_original_line() -> None:
    garbled = LINE.encode("utf-8").decode("latin-1")
    out = clean_article(Article("a", "", "Câu đầu tiên của bài báo này.\n" + garbled))
    assert out.text.split("\n")[1] == LINE
    (rep,) = [r for r in out.removed if r.reason == "mojibake-repaired"]
    assert rep.line == 1 and rep.text == garbled.strip()


def test_legacy_font_encoding_is_reported_not_quoted() -> None:
    tcvn3 = "Chñ tÞch n­íc ®· ký quyÕt ®Þnh bæ nhiÖm ®¹i sø míi"  # TCVN3 bytes shown as Latin-1
    assert looks_legacy(tcvn3)
    assert looks_legacy("Chuû tòch nöôùc ñaõ kyù quyeát ñònh boå nhieäm ñaïi söù môùi")  # VNI
    assert not looks_legacy("José Mourinho và Luis Enrique gặp nhau ở Barcelona.")
    assert not looks_legacy(LINE)
    assert not looks_legacy("CÔNG AN TỈNH ĐỒNG NAI THÔNG BÁO KẾT QUẢ ĐIỀU TRA")
    out = clean_article(Article("a", "", "Câu đầu tiên của bài báo này.\n" + tcvn3))
    assert out.text == "Câu đầu tiên của bài báo này."
    assert [(r.reason, r.line) for r in out.removed] == [("mojibake-unrepaired", 1)]


def test_every_kind_of_line_break_separates_paragraphs() -> None:
    text = "Câu thứ nhất của bài.\r\nCâu thứ hai của bài.\u2028Câu thứ ba của bài.\rCâu thứ tư."
    out = clean_article(Article("a", "", text))
    assert len(out.paragraphs) == 4
    assert normalize_text(text).count("\n") == 3


DIRTY_LINES = [
    LINE,
    "Giá\u00a0vàng\u200b tăng&nbsp;mạnh &amp; ổn\u2009định\x07.\ufeff",
    "hoà bình\tkhoẻ  mạnh",
    "Nội dung &#10; có thực thể xuống dòng",
    "Dòng có\rký tự về đầu dòng",
    LINE.encode("utf-8").decode("latin-1"),
    unicodedata.normalize("NFD", "Thuỷ điện Hoà Bình"),
    "",
    "   ",
    "Ã",
]


def test_normalising_lines_together_equals_normalising_each() -> None:
    from tomtat.clean.normalize import normalize_lines

    for k in range(len(DIRTY_LINES)):
        lines = DIRTY_LINES[k:] + DIRTY_LINES[:k]
        for chosen in (lines, lines[:1], [line for line in lines if "&" not in line and "\r" not in line]):
            assert normalize_lines(chosen) == [normalize_text(line).replace("\n", " ") for line in chosen]


def test_the_mojibake_test_finds_what_its_pattern_finds() -> None:
    from tomtat.clean.encoding import _SUSPECT, suspect

    for text in [*DIRTY_LINES, "Ã¢", "â€œ", "“trích dẫn”", "ViÖt", "á…", "…á", "\n".join(DIRTY_LINES)]:
        assert suspect(text) == bool(_SUSPECT.search(text)), text
