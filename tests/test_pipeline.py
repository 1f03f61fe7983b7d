from tomtat.model import Article, Budget, Cluster
from tomtat.pipeline import summarize_cluster


def cluster_of(flood_articles) -> Cluster:
    return Cluster("flood", tuple(Article(a["id"], a["title"], a["text"]) for a in flood_articles))


def test_summary_draws_from_several_articles_without_repeats(flood_articles):
    summary = summarize_cluster(cluster_of(flood_articles), Budget(words=80))
    keys = [e.sentence.key for e in summary.extracts]
    assert len(keys) == len(set(keys))
    assert len({k[0] for k in keys}) >= 2


def test_dangling_opener_is_not_chosen_alone(flood_articles):
    summary = summarize_cluster(cluster_of(flood_articles), Budget(words=200))
    extracts = summary.extracts
    for k, e in enumerate(extracts):
        if e.text.startswith("Tuy nhiên"):  # only right after the sentence it points back to
            before = extracts[k - 1].sentence if k else None
            assert before is not None and before.key == (e.sentence.article_id, e.sentence.index - 1)


def test_an_article_emptied_by_cleaning_is_skipped_with_a_note(flood_articles):
    articles = cluster_of(flood_articles).articles + (Article("junk", "", "Theo TTXVN\nTop"),)
    summary = summarize_cluster(Cluster("c", articles), Budget(words=60))
    assert summary.extracts and any("junk" in n for n in summary.notes)


def test_large_input_stays_linear_and_within_budget():
    para = "Hội nghị bàn về biến đổi khí hậu và nguồn vốn cho các nước đang phát triển số {}."
    text = "\n".join(para.format(i) for i in range(20000))
    summary = summarize_cluster(Cluster("big", (Article("big", "Hội nghị", text),)), Budget(words=100))
    assert 0 < summary.word_count <= 100
