"""A summary touches every main event of the cluster, not only the most reported one."""

from tomtat.model import Article, Budget, Cluster
from tomtat.pipeline import summarize_cluster

FLOOD = [
    Article(
        id=f"f{i}",
        title="Lũ lớn ở miền Trung",
        text=(
            f"Hôm 12/10, lũ lớn nhấn chìm hàng nghìn ngôi nhà ở Quảng Bình và Quảng Trị{extra}.\n"
            "Mực nước sông Gianh vượt mức báo động ba, nhiều xã bị cô lập hoàn toàn.\n"
            "Lực lượng cứu hộ dùng xuồng đưa người dân tới nơi an toàn trong đêm."
        ),
    )
    for i, extra in enumerate(["", " sau nhiều ngày mưa", " khiến giao thông tê liệt"])
]
BRIDGE = Article(
    id="b",
    title="Khánh thành cầu mới bắc qua sông Hàn",
    text=(
        "Sáng 2/3, thành phố Đà Nẵng khánh thành cây cầu mới bắc qua sông Hàn sau hai năm thi công.\n"
        "Cây cầu dài 500 m, có sáu làn xe và vốn đầu tư hơn 800 tỷ đồng."
    ),
)


def test_summary_covers_the_small_event_too():
    cluster = Cluster("c", (*FLOOD, BRIDGE))
    without = summarize_cluster(cluster, Budget(sentences=2), story=False)
    assert {e.sentence.article_id for e in without.extracts} <= {"f0", "f1", "f2"}  # the flood only
    with_story = summarize_cluster(cluster, Budget(sentences=2))
    assert {e.sentence.article_id for e in with_story.extracts} & {"b"}
    assert any(e.sentence.article_id.startswith("f") for e in with_story.extracts)


def test_summary_carries_the_story():
    s = summarize_cluster(Cluster("c", (*FLOOD, BRIDGE)), Budget(words=80))
    # years unknown: ordered by month and day, the flood reported by three articles once
    assert [t.date for t in s.timeline] == ["--03-02", "--10-12"]
    assert len(s.timeline[1].article_ids) == 3
    assert s.keywords
    assert summarize_cluster(Cluster("c", (*FLOOD, BRIDGE)), Budget(words=80), story=False).timeline == ()
