"""Cutting and lower-casing a cluster's texts for the story rules."""

from tomtat.story.words import lower_tokens, tokenize_units


def test_lower_tokens_equals_lowering_each_token():
    texts = [
        "Ông Lê Văn Hùng, Giám đốc Sở Y tế, nói hôm 14-10.",
        "",
        "ĐỒNG THUẬN: NATO và EU họp tại Bruxelles.",
        "Tên Hy Lạp ΟΔΟΣ ΑΣ Σ và chữ İstanbul.",
        "Một ký tự lạ \x01 giữa câu.",
    ]
    tokenized = tokenize_units(texts)
    assert lower_tokens(tokenized) == [[t.lower() for t in toks] for toks in tokenized]


def test_lower_tokens_keeps_final_sigma_per_token():
    toks = [["ΟΔΟΣ", "ΑΣ", "Σ"], ["Ông", "\x01", "İ"]]
    assert lower_tokens(toks) == [["οδος", "ας", "σ"], ["ông", "\x01", "i̇"]]
