"""An invented three-article cluster (written for tomtat's tests, not taken from any
corpus): one meeting reported by two articles in different ways, one unrelated call,
name variants, a title-stripped role, and date traps (a score, a decimal, a duration)."""

from __future__ import annotations

import pytest

from tomtat.clean import clean_cluster
from tomtat.model import Article, CleanArticle, Sentence
from tomtat.text.sentences import split_articles

ARTICLES = [
    Article(
        id="a1",
        title="Ngoại trưởng Pháp và Đức bàn về khí đốt ở Geneva",
        text=(
            "Ngoại trưởng Pháp Hélène Marchetti và người đồng cấp Đức Klaus Weber hôm 9/3 đã gặp nhau "
            "tại Geneva để bàn về an ninh năng lượng và khí đốt.\n"
            "Bà Marchetti cho biết hai nước sẽ lập một nhóm công tác chung về khí đốt.\n"
            "Ông Weber nói cuộc gặp diễn ra trong không khí thẳng thắn, kéo dài hơn 24 giờ."
        ),
    ),
    Article(
        id="a2",
        title="Pháp và Đức lập nhóm công tác về năng lượng",
        published="2021-03-10T08:00:00+07:00",
        text=(
            "Ngoại trưởng Helene Marchetti hôm qua gặp Ngoại trưởng Đức Klaus Weber ở Geneva, Thụy Sĩ.\n"
            "Hai bên nhất trí lập nhóm công tác chung về khí đốt và an ninh năng lượng.\n"
            "Theo bà Marchetti, nhóm công tác sẽ họp lần đầu vào tuần tới."
        ),
    ),
    Article(
        id="a3",
        title="Thủ tướng Ý điện đàm về giá điện",
        text=(
            "Thủ tướng Ý Marco Bellini ngày 14-6 đã điện đàm với Tổng thống Pháp về giá điện.\n"
            "Ông Bellini đề nghị các nước châu Âu chung tay kiềm chế giá điện, vốn đã tăng 4,5% trong quý.\n"
            "Cùng tối, đội tuyển Ý thắng 2-1 trong trận giao hữu."
        ),
    ),
]


@pytest.fixture
def cluster() -> tuple[list[CleanArticle], list[Sentence]]:
    """The fixture cleaned and split, as the pipeline hands it to ``analyze``."""
    cleaned = clean_cluster(ARTICLES)
    return cleaned, split_articles(cleaned)


@pytest.fixture
def story(cluster):
    """The fixture's story, as ``analyze`` builds it."""
    from tomtat.story import analyze

    return analyze(*cluster)
