"""Actors where codes, airlines, long organisations and Arabic names meet titles (issue
15): what the user sees is the organisation as an organisation with no office, the
person with the whole name and role, and no flight number among the actors."""

from tests.story.test_entities import by_name, entities

SHOWN = ("PER", "ORG", "LOC")


def test_an_airline_after_a_title_is_an_organisation_without_a_role():
    ents = by_name(
        entities(
            "Sau đó, Phó chủ tịch EgyptAir, Ahmed Adel thừa nhận EgyptAir đưa ra thông tin sai.",
            "Máy bay của hãng EgyptAir mất tích trên Địa Trung Hải.",
            "Cô đã xin vào làm tại EgyptAir.",
            "Ông Ahmed Adel, Phó chủ tịch EgyptAir, nói rằng tin trước đó không chính xác.",
        )
    )
    assert ents["EgyptAir"].type == "ORG"
    assert ents["EgyptAir"].role is None
    assert ents["Ahmed Adel"].role == "Phó chủ tịch EgyptAir"


def test_places_and_organisations_never_hold_an_office():
    ents = entities(
        "Chủ tịch Yokohama phát biểu.",
        "Đội bóng tới Yokohama hôm qua.",
        "Phó chủ tịch EgyptAir, Ahmed Adel thừa nhận sai sót.",
        "Hãng hàng không EgyptAir xin lỗi.",
    )
    assert all(e.role is None for e in ents if e.type in ("ORG", "LOC"))


def test_a_flight_number_is_no_actor():
    ents = by_name(
        entities(
            "Chuyến bay MS804 của hãng EgyptAir mất tích.",
            "Máy bay mang số hiệu MS 804 rơi xuống biển.",
            "Các mảnh vỡ của MS804 đã được tìm thấy.",
        )
    )
    for name in ("MS804", "MS"):
        assert name not in ents or ents[name].type not in SHOWN


def test_a_brand_is_no_flight_number():
    ents = by_name(entities("Thương hiệu OPPO ra mắt điện thoại mới.", "OPPO bán được nhiều máy."))
    assert ents["OPPO"].type != "MISC"


def test_an_organisation_with_its_abbreviation_in_brackets_then_the_person():
    ents = by_name(
        entities(
            "Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Jens Stoltenberg cho biết liên minh sẵn sàng hỗ trợ.",
            "NATO luôn sẵn sàng giúp đỡ, ông Jens Stoltenberg nói.",
        )
    )
    assert ents["Jens Stoltenberg"].type == "PER"
    assert ents["Jens Stoltenberg"].role == "Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương"
    assert ents["Jens Stoltenberg"].count == 2
    assert ents["NATO"].type == "ORG"
    assert "Bắc Đại Tây Dương" not in ents or ents["Bắc Đại Tây Dương"].type != "PER"


def test_a_ministry_with_its_abbreviation_then_the_minister():
    ents = by_name(entities("Bộ trưởng Bộ Thông tin và Truyền thông (TT-TT) Trương Minh Tuấn cho biết thêm."))
    assert ents["Trương Minh Tuấn"].type == "PER"
    assert ents["Trương Minh Tuấn"].role == "Bộ trưởng Bộ Thông tin và Truyền thông"


def test_a_hyphenated_particle_stays_in_an_arabic_name():
    ents = by_name(
        entities(
            "Tổng thống Ai Cập Abdel Fattah al-Sisi ra lệnh tăng cường tìm kiếm.",
            "Tổng thống Syria Bashar al-Assad tiếp phái đoàn.",
        )
    )
    assert ents["Abdel Fattah al-Sisi"].type == "PER"
    assert ents["Abdel Fattah al-Sisi"].role == "Tổng thống Ai Cập"
    assert ents["Bashar al-Assad"].role == "Tổng thống Syria"
    assert "Abdel Fattah" not in ents


def test_a_company_after_a_title_is_the_company_named_elsewhere():
    ents = by_name(
        entities(
            "Ông Phạm Viết Thanh thôi giữ chức Chủ tịch HĐQT Vietnam Airlines.",
            "HĐQT Vietnam Airlines đã họp và thông qua nghị quyết.",
            "Vietnam Airlines khai thác thêm 20 chuyến bay.",
        )
    )
    assert ents["Vietnam Airlines"].type == "ORG"
    assert ents["Vietnam Airlines"].role is None
    assert ents["Vietnam Airlines"].count == 3


def test_interpol_is_an_organisation():
    ents = by_name(entities("Ban Tổng thư ký Interpol ra lệnh truy nã.", "Lệnh truy nã của Interpol có hiệu lực."))
    assert ents["Interpol"].type == "ORG"
    assert ents["Interpol"].role is None


def test_a_person_read_as_a_place_after_a_cue_keeps_the_title():
    ents = entities(
        "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã tới hiện trường.",
        "Chủ tịch UBND thành phố Nguyễn Đức Chung hứa sẽ trả lời trong tuần.",
        "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung chỉ đạo khắc phục.",
    )
    person = [e for e in ents if e.name == "Nguyễn Đức Chung" and e.type == "PER"]
    assert person and person[0].role == "Chủ tịch UBND TP Hà Nội"
    assert person[0].count >= 2


def test_central_committee_and_embassy_are_no_people():
    ents = by_name(
        entities(
            "Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư Phạm Minh Chính chủ trì họp báo.",
            "Thụy Điển mở Đại Sứ Quán ở Hà Nội từ 47 năm trước.",
        )
    )
    assert not [n for n, e in ents.items() if e.type == "PER" and ("T.Ư" in n or n == "Quán")]
