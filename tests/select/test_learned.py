import numpy as np
import pytest

from select_fixtures import limits

from tomtat.data import read_json
from tomtat.errors import TomtatError
from tomtat.select import features
from tomtat.select.learned import MODEL_FILE, Learned


def test_shipped_model_matches_the_features_and_was_cross_validated():
    model = read_json(MODEL_FILE)
    assert tuple(model["features"]) == features.NAMES
    assert len(model["weights"]) == len(features.NAMES)
    assert model["cross_validation"]["by"] == "cluster"


def test_learned_method_follows_its_weights(storm):
    names = list(features.NAMES)
    only = lambda name: {"features": names, "weights": [1.0 if n == name else 0.0 for n in names]}
    by_length = Learned(model=only("log_words")).scores(storm)
    top = int(np.nanargmax(np.where(np.isfinite(by_length), by_length, np.nan)))
    eligible = np.isfinite(by_length)
    assert storm.features.words[top] == storm.features.words[eligible].max()


def test_a_model_for_other_features_is_refused_with_a_clear_message(storm):
    with pytest.raises(TomtatError, match="retrain"):
        Learned(model={"features": ["x"], "weights": [1.0]}).select(storm, limits(storm, words=30))


def test_learned_keeps_the_budget(storm):
    chosen = Learned().select(storm, limits(storm, words=40))
    assert chosen and storm.features.words[chosen].sum() <= 40
