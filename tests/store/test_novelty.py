"""What's new: sentences of added articles that say something the reader has not seen."""

from types import SimpleNamespace

from tomtat.store.novelty import new_sentences

SEEN = ["Bão số 3 đổ bộ vào Quảng Ninh chiều thứ Bảy với sức gió giật cấp 15."]


def _row(id_: int, text: str, source: str = "VnExpress") -> SimpleNamespace:
    return SimpleNamespace(id=id_, title=f"Bài {id_}", text=text, source=source, url=f"http://127.0.0.1/{id_}", published=None)


def test_repeated_fact_is_not_new_and_new_fact_is_with_its_identity_and_source():
    fresh = [_row(7, "Bão số 3 đổ bộ vào Quảng Ninh chiều thứ Bảy với sức gió giật cấp 15. "
                    "Hơn 50.000 hộ dân tại Hải Phòng bị mất điện trong đêm do cột điện đổ.")]
    out = new_sentences(SEEN, fresh)  # type: ignore[arg-type]
    assert [s.text for s in out] == ["Hơn 50.000 hộ dân tại Hải Phòng bị mất điện trong đêm do cột điện đổ."]
    assert (out[0].article_id, out[0].index, out[0].source) == (7, 1, "VnExpress")


def test_a_copy_in_a_second_new_article_is_reported_once():
    line = "Sân bay Vân Đồn đóng cửa từ trưa nay đến hết ngày mai để bảo đảm an toàn."
    out = new_sentences(SEEN, [_row(1, line), _row(2, line, source="Tuổi Trẻ")])  # type: ignore[arg-type]
    assert [(s.article_id, s.source) for s in out] == [(1, "VnExpress")]


def test_short_fragments_are_left_out_and_the_limit_holds():
    many = ("Mực nước sông Hồng tại Hà Nội dâng cao vượt báo động hai trong đêm. "
            "Ba trường học ở Lạng Sơn cho học sinh nghỉ để tránh lũ quét. "
            "Tỉnh Quảng Ninh huy động hai nghìn bộ đội giúp dân dọn dẹp sau bão.")
    fresh = [_row(3, "Mưa to. " + many)]
    out = new_sentences([], fresh, limit=2)  # type: ignore[arg-type]
    assert len(out) == 2 and all(len(s.text.split()) >= 6 for s in out)


def test_no_fresh_articles_means_nothing_new():
    assert new_sentences(SEEN, []) == []
