import numpy as np

from select_fixtures import limits

from tomtat.select.submodular import Submodular, spherical_kmeans


def test_kmeans_separates_two_obvious_groups():
    v = np.array([[1, 0.1], [1, 0.0], [0.0, 1], [0.1, 1]], dtype=float)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    labels = spherical_kmeans(v, 2)
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_kmeans_ignores_row_order():
    rng = np.random.default_rng(0)
    v = rng.random((12, 5))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    perm = rng.permutation(12)
    a, b = spherical_kmeans(v, 3), spherical_kmeans(v[perm], 3)
    assert len(set(zip(a[perm], b))) == 3


def test_submodular_covers_more_articles_with_more_diversity(storm):
    chosen = Submodular(diversity=20.0).select(storm, limits(storm, words=45))
    assert len({storm.sentences[i].article_id for i in chosen}) >= 2
    assert storm.features.words[chosen].sum() <= 45


def test_submodular_stops_when_nothing_fits(storm):
    chosen = Submodular().select(storm, limits(storm, words=12))
    assert len(chosen) == 1 and storm.features.words[chosen[0]] <= 12
