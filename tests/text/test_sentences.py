from tomtat.model import CleanArticle, Paragraph
from tomtat.text.sentences import split_article, split_spans


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert texts("TP. HCM mưa to. TS. Lan và ông J. Kerry dự họp.") == [
        "TP. HCM mưa to.",
        "TS. Lan và ông J. Kerry dự họp.",
    ]


def test_names_given_by_initials_stay_with_their_bracket_or_dash():
    text = "Nạn nhân là ông D.V.T. (SN 1975, quê Hưng Yên) và chị Đ.T.T.H. (SN 1989). Xe do anh N.V.Đ. - người địa phương - cầm lái. Anh về M.U. Hè này ký hợp đồng."
    assert texts(text) == [
        "Nạn nhân là ông D.V.T. (SN 1975, quê Hưng Yên) và chị Đ.T.T.H. (SN 1989).",
        "Xe do anh N.V.Đ. - người địa phương - cầm lái.",
        "Anh về M.U.",  # initials before a capitalised word may end a sentence
        "Hè này ký hợp đồng.",
    ]


def test_numbers_dates_and_addresses_stay_inside_sentences():
    text = "Giá tăng 4,5% lên 1.200 đồng ngày 14-10 và 21/10. Xem tại vnexpress.net. Hết."
    assert texts(text) == ["Giá tăng 4,5% lên 1.200 đồng ngày 14-10 và 21/10.", "Xem tại vnexpress.net.", "Hết."]


def test_quoted_speech_of_several_sentences_stays_with_its_attribution():
    text = "“Việc này rất khó. Chúng tôi sẽ cố gắng”, ông Nam nói. Cuộc họp kết thúc."
    assert texts(text) == ["“Việc này rất khó. Chúng tôi sẽ cố gắng”, ông Nam nói.", "Cuộc họp kết thúc."]


def test_question_and_exclamation_end_sentences():
    assert texts("Ai sẽ thắng? Không ai biết! Chờ xem.") == ["Ai sẽ thắng?", "Không ai biết!", "Chờ xem."]


def test_lower_case_after_period_does_not_split():
    assert texts("Số liệu năm 2024. so với năm trước tăng.") == ["Số liệu năm 2024. so với năm trước tăng."]


def test_sentences_keep_identity_and_exact_spans():
    text = "Tiêu đề phụ\nCâu một. Câu hai dài hơn.\nCâu ba."
    article = CleanArticle(
        id="x",
        title="T",
        text=text,
        paragraphs=(Paragraph(0, 0, 11, heading=True), Paragraph(1, 12, 37), Paragraph(2, 38, 45)),
    )
    sentences = split_article(article)
    assert [(s.article_id, s.paragraph, s.index) for s in sentences] == [
        ("x", 0, 0),
        ("x", 1, 1),
        ("x", 1, 2),
        ("x", 2, 3),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[0].heading and not sentences[1].heading


def test_abbreviations_and_long_dotted_words_far_into_a_paragraph():
    from tomtat.text.sentences import split_spans

    head = "Hội nghị diễn ra trong nhiều ngày với sự tham gia của rất nhiều đại biểu, chuyên gia. "
    text = head * 3 + "Phát biểu có TS. Lê Văn An. Địa chỉ " + "x" * 80 + ".y. Cuối."
    spans = [text[a:b] for a, b in split_spans(text)]
    assert "Phát biểu có TS. Lê Văn An." in spans
    assert spans[-1] == "Cuối."
    assert spans[-2].startswith("Địa chỉ xxx")
