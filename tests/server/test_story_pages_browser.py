"""The story pages in a real headless Chromium: list, story, versions, search, and
article text shown as text. Skipped with a reason when Chromium or playwright is missing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")

from tomtat.model import Article  # noqa: E402
from tomtat.store import Store  # noqa: E402
from thread_server import serving  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EVIL_LINE = "<script>window.__pwned=1</script><b>đậm</b> vẫn là chữ."


@pytest.fixture
def store_server(tmp_path: Path, rows: list[dict[str, str]], two_events: list[dict[str, str]]) -> Iterator[str]:
    """A uvicorn server on 127.0.0.1 serving a store: two batches, so stories have two
    versions, the second also bringing a story of two events years apart."""
    from tomtat.server import ServerConfig, create_app

    db = str(tmp_path / "news.db")
    articles = [Article(id=r["id"], title=r["title"], text=r["text"], source=r["source"], url=r["url"], published=r["published"]) for r in rows]
    articles[0] = Article(id="bao0", title=articles[0].title, text=articles[0].text + "\n" + EVIL_LINE, source="bao0.example", url=articles[0].url, published=articles[0].published)
    with Store(db) as store:
        store.add_articles(articles[:6])
        store.add_articles(articles[6:] + [Article(id=r["id"], title=r["title"], text=r["text"], source=r["source"]) for r in two_events])
    with serving(create_app(ServerConfig(db=db))) as server:
        yield server.url


def test_story_list_story_versions_search(store_server: str) -> None:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (run .ci/install-browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium"), args=LAUNCH_ARGS, headless=True)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(store_server + "/stories")
            cards = page.locator("#stories .story-card")
            assert cards.count() == 4

            page.get_by_label("Từ khóa").fill("bão thanh hóa")
            page.get_by_role("button", name="Tìm").click()
            page.wait_for_url("**/stories?query=*")
            assert page.locator("#stories .story-card").count() == 1
            page.locator("#stories .story-card a").first.click()
            page.locator("#summary .sentence").first.wait_for()
            assert page.locator("#sources li").count() >= 1
            assert page.locator("#articles .stored-article").count() == 3
            page.locator("#articles details summary").first.click()
            shown = page.locator("#articles .article-text").first.inner_text()
            assert EVIL_LINE in shown  # the markup is shown as the text it is
            assert page.evaluate("window.__pwned") is None
            assert page.locator("#articles b").count() == 0

            page.get_by_role("link", name="các phiên bản").click()
            page.locator("#versions .version").first.wait_for()
            assert page.locator("#versions .version h3").all_inner_texts() == ["Phiên bản 2", "Phiên bản 1"]
            assert page.locator("#v2 .whats-new li").count() >= 1

            page.goto(store_server + "/stories?query=Minh+H%C3%B3a")
            page.locator("#stories .story-card a").first.click()
            page.locator("#summary .event-section").first.wait_for()
            assert page.locator("#summary .event-section h4").all_inner_texts() == ["15/10/2016", "3/11/2023"]
            assert not errors
        finally:
            browser.close()
