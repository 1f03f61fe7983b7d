import json
import math
from collections import OrderedDict, namedtuple

import pytest

import tomtat
from tomtat.io.writers import render
from tomtat.io.writers.json import indented


def test_a_summary_is_written_exactly_as_json_dumps_indents_it(flood_articles):
    summary = tomtat.summarize(flood_articles, words=60)
    assert render(summary, "json") == json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"


Pair = namedtuple("Pair", "a b")


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [[], [{}]]},
        {"tên": "Hà Nội \"mưa\"\n\t\\ \u2028 \x00", "n": 3, "x": -0.0, "big": 10**30},
        [None, True, False, 1.5, 1e300, math.inf, -math.inf, math.nan, 3.0],
        {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
        OrderedDict([("z", Pair(1, "b")), ("a", (1, [2, (3,)]))]),
    ],
)
def test_indented_writes_the_same_text_as_json_dumps(value):
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_values_json_cannot_write_are_refused_as_json_refuses_them():
    with pytest.raises(TypeError):
        indented({"when": object()})
    with pytest.raises(TypeError):
        indented({("a", "b"): 1})
