"""Actors are never junk: abbreviations of titles and common nouns, diseases, pieces
of titles or directions, and a title's organisation are not shown as actors, while the
real people, organisations and places of the same sentences stay."""

from tests.story.test_entities import by_name, entities


def test_title_abbreviation_is_a_role_not_an_organisation():
    ents = by_name(entities("HLV Lê Văn Thành được bổ nhiệm thay HLV Trần Minh Quang."))
    assert "HLV" not in ents
    assert ents["Lê Văn Thành"].type == "PER"
    assert ents["Lê Văn Thành"].role == "HLV"


def test_common_noun_abbreviations_are_never_actors_alone():
    ents = by_name(
        entities(
            "Anh Tuấn lái xe tải mang BKS 29C-12345 đến xưởng của Công ty TNHH Hoa Mai.",
            "Người nhà gọi ĐT cho Bộ GD&ĐT và Bộ TT&TT, rồi ĐT Thái Lan tới TT Phú Lộc.",
        )
    )
    for junk in ("BKS", "TNHH", "ĐT", "GD", "TT"):
        assert junk not in ents
    assert "Thái Lan" in ents


def test_hospital_and_university_abbreviations_open_an_organisation_name():
    ents = by_name(entities("Nạn nhân được đưa vào BV Đa khoa Hà Tĩnh, sau đó chuyển tới ĐH Y dược Huế."))
    assert "BV" not in ents and "ĐH" not in ents
    assert ents["BV Đa khoa Hà Tĩnh"].type == "ORG"
    assert ents["ĐH Y dược Huế"].type == "ORG"


def test_diseases_and_virus_variants_are_not_organisations():
    ents = by_name(entities("Đại dịch COVID-19 kéo dài, biến thể BA.5 lây lan nhanh tại Nhật Bản."))
    assert ents["COVID-19"].type == "MISC"
    assert ents["BA.5"].type == "MISC"
    assert ents["Nhật Bản"].type == "LOC"


def test_directions_weekdays_and_title_pieces_are_not_actors_alone():
    ents = by_name(
        entities(
            "Quân đội tập trận ở phía Bắc và phía Đông, gần bờ biển phía Tây của Trung Quốc.",
            "Theo Ban tổ chức, lễ trao giải diễn ra vào thứ Sáu tại Điều 5 của quy chế.",
            "Ông Hoàng Văn Nam, Phó trưởng khoa, cùng Đội quản lý thị trường kiểm tra hàng tiếng Việt.",
            "Sau đó ông Nam cho biết Người đưa tin đã đăng bài.",
        )
    )
    for junk in ("Bắc", "Đông", "Tây", "Ban", "Sáu", "Điều", "Phó", "Đội", "Việt", "Người"):
        assert junk not in ents
    assert ents["Trung Quốc"].type == "LOC"
    assert ents["Hoàng Văn Nam"].count == 2  # "ông Nam" still joins him


def test_a_title_followed_by_its_organisation_and_an_honorific_names_the_person_after_it():
    ents = by_name(entities("Phó Chủ tịch EgyptAir, ông Ahmed Adel, không loại trừ khả năng có bom."))
    assert "EgyptAir" not in ents or ents["EgyptAir"].type != "PER"
    assert ents["Ahmed Adel"].type == "PER"
    assert ents["Ahmed Adel"].role == "Phó Chủ tịch EgyptAir"


def test_a_title_written_after_a_name_is_that_persons_role_not_a_new_person():
    ents = by_name(entities("Trả lời phỏng vấn, ông Ahmed Adel, Phó chủ tịch EgyptAir, nói rằng tin trước đó là sai."))
    assert "EgyptAir" not in ents
    assert ents["Ahmed Adel"].role == "Phó chủ tịch EgyptAir"


def test_people_listed_after_a_name_stay_people():
    ents = by_name(entities("Có mặt bà Lê Thị Lan, Thủ tướng Abe và Tổng thống Obama, cùng nhiều khách mời."))
    assert ents["Abe"].type == "PER"
    assert ents["Obama"].type == "PER"


def test_an_honorific_before_a_title_leaves_the_name_to_the_title():
    ents = by_name(entities("Đích thân ngài Phó chủ tịch Woodward dẫn đoàn khách đi tham quan."))
    assert "Phó" not in ents
    assert ents["Woodward"].role == "Phó chủ tịch"
