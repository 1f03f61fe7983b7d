"""The fetcher's memory between runs: feed validators and settled addresses."""

import pytest

from tomtat.errors import InputError
from tomtat.fetch.state import FetchState, Validators


def test_validators_become_conditional_request_headers():
    assert Validators('"abc"', "Mon, 07 Dec 2026 00:00:00 GMT").request_headers() == {
        "If-None-Match": '"abc"', "If-Modified-Since": "Mon, 07 Dec 2026 00:00:00 GMT",
    }
    assert Validators().request_headers() == {}


def test_a_new_run_remembers_what_the_last_one_saved(tmp_path):
    path = str(tmp_path / "state.json")
    FetchState(path).save({"http://127.0.0.1/rss": Validators("e1")}, {"http://127.0.0.1/a": "404"})
    again = FetchState(path)
    assert again.validators("http://127.0.0.1/rss").etag == "e1"
    assert again.settled("http://127.0.0.1/a") == "404" and again.settled("http://127.0.0.1/b") is None


def test_two_fetchers_sharing_a_state_lose_nothing_of_each_other(tmp_path):
    path = str(tmp_path / "state.json")
    first, second = FetchState(path), FetchState(path)
    first.save({}, {"http://127.0.0.1/a": "robots"})
    second.save({}, {"http://127.0.0.1/b": "copy"})
    merged = FetchState(path)
    assert merged.settled("http://127.0.0.1/a") == "robots" and merged.settled("http://127.0.0.1/b") == "copy"


def test_a_corrupt_state_file_is_one_clear_error_and_is_left_in_place(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="unreadable fetch state"):
        FetchState(str(path))
    assert path.read_text(encoding="utf-8") == "{not json"
