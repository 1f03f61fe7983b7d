import json

import tomtat
from tomtat.io.writers import render


def test_a_summary_is_written_exactly_as_json_dumps_indents_it(flood_articles):
    summary = tomtat.summarize(flood_articles, words=60)
    assert render(summary, "json") == json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_vietnamese_text_is_written_as_utf8_not_escaped(flood_articles):
    out = render(tomtat.summarize(flood_articles, words=60), "json")
    assert "\\u" not in out
    summary = json.loads(out)["summary"]
    assert summary and any(ord(ch) > 127 for ch in summary)


def test_a_tiny_ratio_reads_back_as_the_same_number(flood_articles):
    # orjson writes 1e-05 as 0.00001 where json.dumps writes 1e-05: the text differs,
    # the number a reader gets does not
    summary = tomtat.summarize(flood_articles, ratio=0.00001)
    assert json.loads(render(summary, "json"))["budget"]["ratio"] == 0.00001
