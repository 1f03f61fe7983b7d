"""Actors where organisations, places, titles and names meet (issue 15): what the user
sees in the actors list is the person with a role, the organisation and the place, each
read as such."""

from tests.story.test_entities import by_name, entities


def test_organisation_then_person_is_two_actors_when_the_cluster_names_the_person():
    ents = by_name(entities("Theo Quốc hội Vũ Tiến Lộc, luật còn chồng lấn.", "Ông Lộc cho biết thêm."))
    assert ents["Vũ Tiến Lộc"].type == "PER"
    assert ents["Vũ Tiến Lộc"].count == 2
    assert ents["Quốc hội"].type == "ORG"
    assert "Quốc hội Vũ Tiến Lộc" not in ents


def test_a_school_named_after_a_person_stays_whole():
    ents = by_name(entities("Trường Nguyễn Du khai giảng năm học mới."))
    assert ents["Trường Nguyễn Du"].type == "ORG"
    assert "Nguyễn Du" not in ents


def test_member_of_parliament_is_a_role():
    ents = by_name(entities("Đại biểu Quốc hội Vũ Tiến Lộc cho rằng luật chồng lấn."))
    assert ents["Vũ Tiến Lộc"].type == "PER"
    assert ents["Vũ Tiến Lộc"].role == "Đại biểu Quốc hội"


def test_crown_prince_is_a_title():
    ents = by_name(entities("Thái tử Saudi Arabia Mohammed bin Salman tiếp ông Biden."))
    assert ents["Mohammed bin Salman"].type == "PER"
    assert ents["Mohammed bin Salman"].role == "Thái tử Ả Rập Xê Út"
    assert ents["Ả Rập Xê Út"].type == "LOC"


def test_chairman_of_a_provincial_committee_gets_the_role_with_the_province():
    ents = by_name(entities("Chủ tịch UBND tỉnh Bình Định Nguyễn Phi Long vừa ký quyết định."))
    assert ents["Nguyễn Phi Long"].type == "PER"
    assert ents["Nguyễn Phi Long"].role == "Chủ tịch UBND tỉnh Bình Định"
    assert ents["Bình Định"].type == "LOC"


def test_chairman_of_a_city_committee_without_a_name_is_no_person():
    ents = by_name(entities("Chủ tịch UBND TP Móng Cái cho biết sẽ kiểm tra."))
    assert ents["Móng Cái"].type == "LOC"
    assert not [e for e in ents.values() if e.type == "PER"]


def test_a_district_named_after_its_province_is_the_district():
    ents = by_name(entities("Công an huyện Điện Biên Đông (tỉnh Điện Biên) vừa bắt giữ hai đối tượng."))
    assert ents["Điện Biên Đông"].type == "LOC"
    assert ents["Điện Biên"].type == "LOC"
    assert ents["Điện Biên"].count == 1  # the province in brackets, not the district


def test_a_commune_whose_name_starts_with_a_place_is_one_place():
    ents = by_name(entities("Hợp tác xã đặt tại xã Mỹ Tịnh An, huyện Chợ Gạo."))
    assert ents["Mỹ Tịnh An"].type == "LOC"
    assert "Tịnh An" not in ents or ents["Tịnh An"].type != "PER"


def test_a_football_club_named_after_its_city_is_a_club():
    ents = by_name(entities("Sân Lạch Tray, nơi Hải Phòng FC có cuộc tiếp đón đội khách."))
    assert ents["Hải Phòng FC"].type == "ORG"
    assert "FC" not in ents and "Hải Phòng" not in ents


def test_club_chairman_after_a_title():
    ents = by_name(entities("Chủ tịch Yokohama FC Koji Kitawaga nói."))
    assert ents["Koji Kitawaga"].role == "Chủ tịch Yokohama FC"
    assert ents["Yokohama FC"].type == "ORG"


def test_a_name_in_capitals_is_a_person():
    ents = by_name(entities("Hoàng tử FAISAL BIN FARHAN AL-SAUD, Ngoại trưởng A-rập Xê-út, phát biểu."))
    assert ents["Faisal bin Farhan Al-Saud"].type == "PER"
    assert ents["Ả Rập Xê Út"].type == "LOC"
    assert not [e for e in ents.values() if e.name in ("FAISAL", "BIN", "FARHAN")]


def test_abbreviations_in_capitals_stay_organisations():
    ents = by_name(entities("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung chỉ đạo."))
    assert ents["Nguyễn Đức Chung"].role == "Chủ tịch UBND TP Hà Nội"
    assert ents["UBND"].type == "ORG"


def test_police_unit_and_the_police_it_belongs_to():
    ents = by_name(entities("Do đám cháy hóa chất, lực lượng Cảnh sát PCCC & CNCH CA TP.HCM không thể xịt nước."))
    assert ents["Cảnh sát PCCC&CNCH"].type == "ORG"
    assert ents["CA TP.HCM"].type == "ORG"
    assert "Cảnh sát PCCC&CNCH CA TP.HCM" not in ents


def test_chairman_of_a_committee_is_not_a_person_named_after_it():
    ents = by_name(entities("Chủ tịch Ủy ban An ninh nội địa của Hạ viện Mỹ Michael McCaul hôm 19-5 nói."))
    assert ents["Michael McCaul"].type == "PER"
    assert ents["Hạ viện Mỹ"].type == "ORG"
    assert "Ủy" not in ents


def test_minister_of_a_ministry_keeps_name_and_role():
    ents = by_name(entities("Bộ trưởng Bộ Công an Tô Lâm phát biểu.", "Thủ tướng Chính phủ Phạm Minh Chính dự."))
    assert ents["Tô Lâm"].role == "Bộ trưởng Bộ Công an"
    assert ents["Phạm Minh Chính"].role == "Thủ tướng Chính phủ"
    assert ents["Bộ Công an"].type == "ORG"


def test_police_as_the_subject_do_not_run_into_the_verb():
    ents = by_name(entities("Công an TP Hà Nội tố cáo Phong lừa đảo.", "Ông Phong bị bắt."))
    assert ents["Công an TP Hà Nội"].type == "ORG"
    assert ents["Phong"].type == "PER"


def test_a_piece_of_an_organisation_after_a_title_is_no_person():
    ents = by_name(entities("Chủ tịch Hội nông dân xã cho biết.", "Bí thư Thành ủy TP Hồ Chí Minh cho biết."))
    assert not [e for e in ents.values() if e.type == "PER"]


def test_the_police_are_not_read_into_a_persons_name():
    ents = by_name(entities("Ông Nguyễn Thành Công bị bắt.", "Sau đó, Công an huyện Phù Cừ vào cuộc.", "Ngày 5/3, Cảnh sát và Công an tỉnh cho biết."))
    assert ents["Nguyễn Thành Công"].count == 1


def test_a_role_after_a_name_stops_before_the_verb():
    ents = by_name(entities("Ông Lê Hồng Thắng, Giám đốc Cảng thủy nội địa Quảng Ninh cho biết tàu đã cập bến."))
    assert ents["Lê Hồng Thắng"].role == "Giám đốc Cảng thủy nội địa Quảng Ninh"


def test_a_company_after_a_title_and_before_another_person_is_no_person():
    ents = by_name(entities("Bà Nguyễn Thị Phương Thảo, Tổng giám đốc Vietjet Air và ông Ray Conner ký hợp đồng."))
    assert ents["Nguyễn Thị Phương Thảo"].role == "Tổng giám đốc Vietjet Air"
    assert ents["Ray Conner"].type == "PER"
    assert "Vietjet Air" not in ents or ents["Vietjet Air"].type != "PER"


def test_a_one_word_company_after_a_title_is_the_company():
    ents = by_name(entities("Chủ tịch Lenovo Yang Yuanqing cho biết doanh thu tăng.", "Giám đốc điều hành Didi năm ngoái là một phụ nữ."))
    assert ents["Yang Yuanqing"].type == "PER"
    assert ents["Yang Yuanqing"].role == "Chủ tịch Lenovo"
    assert ents["Lenovo"].type == "ORG"
    assert ents["Didi"].type == "ORG"


def test_an_abbreviation_and_a_country_ending_a_role_are_no_person():
    ents = by_name(entities("Phó Chủ tịch Hội đồng Trị sự GHPG Việt Nam phát biểu khai mạc."))
    assert not [e for e in ents.values() if e.type == "PER"]


def test_a_bank_branch_after_a_title_is_no_person():
    ents = by_name(entities("Ông Chức, nguyên Giám đốc Agribank Bình Chánh, đã bị bắt.", "Agribank cho biết sẽ thu hồi nợ."))
    assert ents["Agribank"].type == "ORG"
    assert "Bình Chánh" not in ents or ents["Bình Chánh"].type != "PER"
    assert "Agribank Bình Chánh" not in ents


def test_a_country_between_a_ministry_and_a_name_goes_into_the_role():
    ents = by_name(entities("Theo Bộ trưởng Hàng không Dân dụng Ai Cập Sherif Fathi, còn quá sớm để kết luận."))
    assert ents["Sherif Fathi"].type == "PER"
    assert ents["Sherif Fathi"].role == "Bộ trưởng Hàng không Dân dụng Ai Cập"
    assert ents["Ai Cập"].type == "LOC"
    assert "Ai Cập Sherif Fathi" not in ents


def test_an_abbreviated_law_code_is_no_actor():
    ents = by_name(entities("Hành vi này bị xử lý theo Điều 173 BLHS.", "BLHS và BLTTHS quy định rõ."))
    assert ents["BLHS"].type == "MISC"
    assert ents["BLTTHS"].type == "MISC"


def test_a_law_or_decree_is_no_actor_even_after_a_place_cue():
    ents = by_name(entities("Doanh nghiệp làm theo Luật Doanh nghiệp.", "Quy định tại Thông tư 01 rất rõ.", "Luật sư Nguyễn Văn An cho biết."))
    assert ents["Luật Doanh nghiệp"].type == "MISC"
    assert ents["Thông tư"].type == "MISC"
    assert ents["Nguyễn Văn An"].role == "Luật sư"
