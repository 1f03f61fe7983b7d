"""The fork server's warm-up: it must keep working, since a failure there is silent
(workers would only start cold again)."""

from tomtat.batch.preload import WARM_UP, warm_up
from tomtat.model import Budget
from tomtat.pipeline import summarize_cluster


def test_warm_up_cluster_summarizes_and_reaches_the_story_loaders() -> None:
    warm_up()  # raises if the built-in cluster stopped being valid input
    summary = summarize_cluster(WARM_UP, Budget(words=20), None)
    assert summary.extracts
    assert any(e.name == "Lavrov" for e in summary.entities)
