"""Actors: titles become roles, variants merge, words that open sentences are not names."""

from tomtat.model import Sentence
from tomtat.story.entities import (
    find_mentions,
    lowercase_vocabulary,
    merge_mentions,
    sentence_syllables,
)
from tomtat.story.words import compound_words
from tomtat.text.tokens import cased_tokens


def sentences(*texts: str, article: str = "x") -> list[Sentence]:
    return [Sentence(article, i, i, 0, len(t), t) for i, t in enumerate(texts)]


def entities(*texts: str):
    sents = sentences(*texts)
    tokens = cased_tokens([s.text for s in sents])
    words = compound_words()
    lower = lowercase_vocabulary(tokens)
    mentions = [
        m for s, toks in zip(sents, tokens) for m in find_mentions(s, sentence_syllables(toks, words), lower, None, words)
    ]
    return merge_mentions(mentions, ["x"])


def by_name(ents):
    return {e.name: e for e in ents}


def test_title_becomes_role_and_country_stays_a_place():
    ents = by_name(entities("Bộ trưởng Quốc phòng Nga Sergey Shoigu đã điện đàm với người đồng cấp."))
    assert ents["Sergey Shoigu"].type == "PER"
    assert ents["Sergey Shoigu"].role == "Bộ trưởng Quốc phòng Nga"
    assert ents["Nga"].type == "LOC"


def test_variants_of_one_person_merge_into_one_entity():
    ents = entities(
        "Ngoại trưởng Nga Sergey Lavrov tới Paris.",
        "Ngoại trưởng Sergei Lavrov gặp người đồng cấp.",
        "Ông Lavrov nói hai bên sẽ hợp tác.",
        "Ngoại trưởng Lavrov cho biết thêm chi tiết.",
    )
    people = [e for e in ents if e.type == "PER"]
    assert len(people) == 1
    lavrov = people[0]
    assert lavrov.count == 4
    assert lavrov.role == "Ngoại trưởng Nga"
    assert set(lavrov.variants) >= {"Lavrov"}
    assert {lavrov.name, *lavrov.variants} >= {"Sergey Lavrov", "Sergei Lavrov"}


def test_people_with_the_same_surname_but_different_given_names_stay_apart():
    ents = entities("Tổng thống Joe Biden phát biểu.", "Ông Hunter Biden không bình luận.")
    names = {e.name for e in ents if e.type == "PER"}
    assert names == {"Joe Biden", "Hunter Biden"}


def test_organisations_and_places():
    ents = by_name(
        entities(
            "Hãng tin Reuters dẫn lời Bộ Ngoại giao Mỹ cho biết quân đội vẫn ở tỉnh Anbar.",
            "Tổng thư ký NATO Mark Rutte tới Brussels.",
        )
    )
    assert ents["Reuters"].type == "ORG"
    assert ents["Bộ Ngoại giao Mỹ"].type == "ORG"
    assert ents["Anbar"].type == "LOC"
    assert ents["NATO"].type == "ORG"
    assert ents["Mark Rutte"].role == "Tổng thư ký NATO"
    assert ents["Brussels"].type == "LOC"


def test_place_aliases_merge():
    ents = entities("Hoa Kỳ và Nga bất đồng.", "Mỹ sẽ tiếp tục viện trợ.")
    us = [e for e in ents if e.name == "Mỹ"]
    assert len(us) == 1 and us[0].count == 2


def test_sentence_openers_and_currencies_are_not_actors():
    ents = by_name(
        entities(
            "Tuy nhiên, giá vẫn tăng.",
            "Trong khi đó, khoản viện trợ 4,5 tỷ USD đã được duyệt.",
            "Mặc cho phản đối, dự án vẫn chạy trong năm.",
        )
    )
    assert not {"Tuy nhiên", "Trong", "USD", "Mặc"} & set(ents)


def test_untitled_name_joins_the_titled_person_with_that_surname():
    ents = entities("Zelensky họp khẩn cấp khi hay tin.", "Tổng thống Ukraine Zelensky đã triệu tập cuộc họp.")
    z = by_name(ents)["Zelensky"]
    assert (z.type, z.count, z.role) == ("PER", 2, "Tổng thống Ukraine")


def test_a_qualified_title_alone_counts_for_its_only_holder():
    ents = entities(
        "Bộ trưởng Quốc phòng Nga Sergey Shoigu điện đàm với Bộ trưởng Quốc phòng Hoa Kỳ Lloyd Austin.",
        "Bộ trưởng Quốc phòng Nga nói cuộc gọi kéo dài một giờ.",
        "Phía Bộ trưởng Quốc phòng Mỹ không bình luận.",
        "Ngoại trưởng Mỹ Antony Blinken và Ngoại trưởng Mỹ John Kerry đều đã tới đây.",
        "Ngoại trưởng Mỹ không bình luận thêm.",
    )
    people = by_name(ents)
    assert people["Sergey Shoigu"].count == 2
    assert people["Lloyd Austin"].count == 2  # "Hoa Kỳ" and "Mỹ" are one country
    assert people["Lloyd Austin"].role == "Bộ trưởng Quốc phòng Mỹ"
    # two holders of "Ngoại trưởng Mỹ": the bare title is left unassigned
    assert people["Antony Blinken"].count == 1 and people["John Kerry"].count == 1


def test_titled_single_name_then_an_untitled_full_name_do_not_break_merging():
    ents = entities("Bộ trưởng Austin đã phát biểu.", "Người đồng cấp Lloyd Austin cũng có mặt.")
    assert [e for e in ents if e.type == "PER"]


def test_odd_input_never_raises():
    entities("", "...", "“”", "1/2/3/4", "A B C D E F G H I J K L M N O P", "ÔNG BÀ ANH CHỊ", "Ông.", "Bộ")


def test_role_written_after_the_name():
    ents = by_name(entities("Ông Nguyễn Văn Hùng, Giám đốc Sở Giao thông Hà Nội, cho biết dự án đã xong."))
    assert ents["Nguyễn Văn Hùng"].role == "Giám đốc Sở Giao thông Hà Nội"


def test_organisation_names_keep_their_lower_case_words():
    ents = by_name(
        entities(
            "Bộ Y tế cho biết đã có thêm ca nhiễm mới.",
            "Theo Tổng cục Thống kê, giá xăng tăng.",
            "Sở Giao thông vận tải Hà Nội đề xuất cấm xe máy.",
        )
    )
    assert ents["Bộ Y tế"].type == "ORG"
    assert ents["Tổng cục Thống kê"].type == "ORG"
    assert ents["Sở Giao thông vận tải Hà Nội"].type == "ORG"
    assert "Bộ Y tế cho" not in ents


def test_a_name_never_swallows_the_verb_after_it():
    ents = by_name(entities("Công ty Vinacorp công bố lãi quý ba.", "Ngân hàng Nhà nước Việt Nam hôm qua họp."))
    assert ents["Công ty Vinacorp"].type == "ORG"
    assert ents["Ngân hàng Nhà nước Việt Nam"].type == "ORG"


def test_one_scan_over_the_cluster_finds_what_sentence_by_sentence_finds():
    from tomtat.story.entities import find_cluster_mentions

    sents = sentences(
        "Ngoại trưởng Nga Sergey Lavrov tới Paris.",
        "Trong khi đó, Bộ Y tế cho biết tỉnh Anbar",
        "Ông Lavrov nói: Hãng tin Reuters đã sai.",
        "Mỹ",
        "",
    )
    tokens = cased_tokens([s.text for s in sents])
    lows = [[t.lower() for t in toks] for toks in tokens]
    words = compound_words()
    lower = lowercase_vocabulary(tokens)
    one_by_one = [
        m for s, toks in zip(sents, tokens) for m in find_mentions(s, sentence_syllables(toks, words), lower, None, words)
    ]
    assert find_cluster_mentions(sents, tokens, lows, lower, words) == one_by_one


def test_a_lower_case_title_counts_only_when_a_capital_follows_close_after_it():
    holder = "Bộ trưởng Quốc phòng Nga Sergey Shoigu đến thăm."
    close = by_name(entities(holder, "hôm qua bộ trưởng quốc phòng nga nói Mỹ sai."))
    far = by_name(entities(holder, "hôm qua bộ trưởng quốc phòng nga nói rằng hai bên đã có nhiều cuộc gặp với Mỹ."))
    assert close["Sergey Shoigu"].count == 2 and close["Nga"].count == 2
    assert far["Sergey Shoigu"].count == 1 and far["Nga"].count == 1


def test_words_opening_a_quote_or_following_a_colon_are_not_names():
    ents = by_name(
        entities(
            "Ông Lavrov nói: Theo tôi, hai bên cần đối thoại.",
            "“Tuy nhiên, chúng tôi vẫn chờ”, Lavrov nói.",
            "Ảnh: Reuters",
        )
    )
    assert set(ents) == {"Lavrov", "Reuters"}
    assert ents["Lavrov"].count == 2


def test_capital_symbols_are_punctuation_not_names():
    ents = entities("Ⓐ Ⓑ nói với Lavrov.", "Ⓐ, Lavrov đáp.")
    assert [e.name for e in ents] == ["Lavrov"]


def test_a_place_longer_than_an_organisation_head_is_the_place():
    # "Đài" heads stations ("Đài Truyền hình"), but "Đài Loan" is Taiwan
    ents = by_name(entities("Đài Loan tổ chức tập trận.", "Quân đội Đài Loan cho biết.", "Đài Truyền hình Việt Nam đưa tin."))
    assert ents["Đài Loan"].type == "LOC"
    assert ents["Đài Loan"].count == 1
    assert ents["Quân đội Đài Loan"].type == "ORG"
    assert ents["Đài Truyền hình Việt Nam"].type == "ORG"


def test_an_ampersand_between_capitals_stays_inside_the_name():
    ents = by_name(entities("Bộ GD&ĐT vừa ban hành quy chế thi.", "Bộ trưởng Bộ GD&ĐT Nguyễn Kim Sơn phát biểu."))
    assert ents["Bộ GD&ĐT"].type == "ORG"
    assert ents["Nguyễn Kim Sơn"].type == "PER"
    assert ents["Nguyễn Kim Sơn"].role == "Bộ trưởng Bộ GD&ĐT"
    assert not any(name.startswith("Bộ GD") and name != "Bộ GD&ĐT" for name in ents)
    alone = by_name(entities("Ba ngành y tế, NN&PTNT, công thương cùng kiểm tra.", "Đại diện sở TT&TT Hà Nội cho biết."))
    assert alone["NN&PTNT"].type == "ORG"
    assert alone["TT&TT"].type == "ORG"
    assert alone["Hà Nội"].type == "LOC"
    assert not any(name.startswith("&") for name in alone)
    apposed = by_name(entities("Ông Nguyễn Văn Lâm, Phó Giám đốc Sở LĐ-TB&XH, cho biết thêm."))
    assert apposed["Nguyễn Văn Lâm"].role == "Phó Giám đốc Sở LĐ-TB&XH"


def test_a_club_after_a_coach_title_is_the_role_not_the_person():
    ents = by_name(
        entities(
            "Cựu HLV Liverpool Jurgen Klopp nói rằng ông không hối tiếc.",
            "Theo cựu HLV Liverpool, đội bóng cần thay đổi.",
            "HLV Chelsea Mauricio Pochettino cho biết.",
        )
    )
    assert ents["Jurgen Klopp"].type == "PER"
    assert ents["Jurgen Klopp"].role == "HLV Liverpool"
    assert ents["Jurgen Klopp"].count == 2  # the bare role counts for its one holder
    assert ents["Mauricio Pochettino"].role == "HLV Chelsea"
    assert ents["Liverpool"].type == "ORG"
    assert ents["Chelsea"].type == "ORG"


def test_a_police_or_army_rank_is_the_role_of_the_name_after_it():
    ents = by_name(entities("Thượng úy Nguyễn Quốc Đạt bị đình chỉ.", "Theo Thiếu tá Võ Châu Tuấn, vụ việc đang được điều tra."))
    assert ents["Nguyễn Quốc Đạt"].type == "PER"
    assert ents["Nguyễn Quốc Đạt"].role == "Thượng úy"
    assert ents["Võ Châu Tuấn"].role == "Thiếu tá"
    assert not any(name.startswith(("Thượng úy", "Thiếu tá")) for name in ents)


def test_a_person_read_with_the_place_before_him_is_cut_off_it():
    ents = by_name(entities("Chủ tịch UBND tỉnh Bình Định Nguyễn Phi Long cho biết.", "Mưa lớn kéo dài ở tỉnh Bình Định."))
    assert ents["Bình Định"].type == "LOC"
    assert ents["Bình Định"].count == 2
    assert ents["Nguyễn Phi Long"].type == "PER"
    assert "Bình Định Nguyễn Phi Long" not in ents


def test_a_role_written_after_the_name_counts_that_person_once_per_sentence():
    ents = by_name(
        entities(
            "Ông Nguyễn Văn Hùng, Giám đốc Sở Giao thông Hà Nội, cho biết dự án đã xong.",
            "Ông Nguyễn Văn Hùng, Giám đốc Sở Giao thông Hà Nội, nói thêm về tiến độ.",
            "Ông Trần Minh Đức cho biết sẽ kiểm tra.",
        )
    )
    hung = ents["Nguyễn Văn Hùng"]
    assert (hung.type, hung.count, hung.role) == ("PER", 2, "Giám đốc Sở Giao thông Hà Nội")
    assert ents["Trần Minh Đức"].count == 1


def test_provinces_are_places_without_a_cue_word():
    ents = by_name(
        entities(
            "Mưa lớn gây ngập ở Quảng Ngãi và Bình Định.",
            "Bình Định sơ tán hơn 10.000 hộ dân.",
            "Bà Rịa - Vũng Tàu cấm tàu thuyền ra khơi.",
            "Bà Nguyễn Thị Lan cho biết nước đã rút.",
            "Bão hình thành trên Thái Bình Dương.",
        )
    )
    assert (ents["Bình Định"].type, ents["Bình Định"].count) == ("LOC", 2)
    assert ents["Quảng Ngãi"].type == "LOC"
    assert ents["Bà Rịa - Vũng Tàu"].type == "LOC"  # not a woman named "Rịa"
    assert ents["Nguyễn Thị Lan"].type == "PER"
    assert ents["Thái Bình Dương"].type == "LOC"  # the ocean, not the province Thái Bình
    assert not {"Rịa", "Thái Bình", "Dương"} & set(ents)


def test_a_lower_case_particle_stays_inside_a_foreign_name():
    ents = by_name(
        entities(
            "HLV Erik ten Hag của Man Utd nói đội đã cố gắng.",
            "Ông Erik ten Hag cho biết sẽ thay đổi đội hình.",
            "Bà Ursula von der Leyen tới Kiev.",
        )
    )
    ten_hag = ents["Erik ten Hag"]
    assert (ten_hag.type, ten_hag.count, ten_hag.role) == ("PER", 2, "HLV")
    assert ents["Ursula von der Leyen"].type == "PER"
    assert not {"Erik", "Hag", "Leyen"} & set(ents)


def test_a_surname_with_its_particle_joins_the_full_name():
    ents = by_name(
        entities(
            "HLV Erik ten Hag của Man Utd nói đội đã cố gắng.",
            "Ten Hag cho biết sẽ thay đổi đội hình.",
            "Theo Ten Hag, đội cần thêm thời gian.",
            "Ông La Văn Cầu và ông Cầu Văn Minh dự lễ.",
        )
    )
    ten_hag = ents["Erik ten Hag"]
    assert (ten_hag.type, ten_hag.count, ten_hag.variants) == ("PER", 3, ("Ten Hag",))
    assert "Ten Hag" not in ents
    assert ents["La Văn Cầu"].count == 1  # a capitalised "La" opening a Vietnamese name is a surname


def test_a_particle_surname_capitalised_or_cut_to_its_last_word_joins_the_full_name():
    ents = by_name(
        entities(
            "Tổng thống Áo Alexander van der Bellen phát biểu.",
            "Van der Bellen nói ông sẽ tái tranh cử.",
            "Ông Alexander Van der Bellen cảm ơn cử tri.",
            "Bellen không bình luận thêm.",
        )
    )
    bellen = ents["Alexander van der Bellen"]
    assert (bellen.count, bellen.role) == (4, "Tổng thống Áo")
