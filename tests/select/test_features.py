from select_fixtures import STORM, build, find

import numpy as np

from tomtat.select import features


def test_feature_matrix_has_one_column_per_name(storm):
    x = features.matrix(storm)
    assert x.shape == (len(storm), len(features.NAMES))
    assert np.all(np.isfinite(x))


def test_agreement_counts_other_articles_only(storm):
    mean, _ = features.agreement(storm)
    assert mean[find(storm, "Hơn 20.000 người")] > mean[find(storm, "Nhiều trường học")]


def test_features_do_not_know_which_file_came_first():
    a, b = build(STORM), build(list(reversed(STORM)))
    key = lambda rep: {s.text: row.round(9).tolist() for s, row in zip(rep.sentences, features.matrix(rep))}
    assert key(a) == key(b)


def test_bigram_spread_is_high_for_shared_wording(storm):
    col = features.NAMES.index("bigram_spread")
    x = features.matrix(storm)
    assert x[find(storm, "Bão số 9 khiến"), col] > x[find(storm, "Nhiều trường học"), col]
