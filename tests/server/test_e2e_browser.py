"""End to end in a real headless Chromium: paste two articles, summarize, click a
source marker, see the sentence highlighted in its article.

Needs Debian's ``chromium`` (``.ci/install-browser.sh``) and the ``playwright`` Python
package; skipped with a reason when either is missing. Playwright's own browser
downloads are never used: the system Chromium is launched by path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

XSS_TITLE = '<img src=x onerror="window.__pwned=1">Tiêu đề có mã'
XSS_LINE = "Dòng thử nghiệm <script>window.__pwned=2</script> vẫn phải hiện như chữ thường."


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (run .ci/install-browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
        b = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


def test_paste_summarize_and_open_a_source(browser, live_server, articles):
    a, b = articles
    a_text = a["text"] + "\n" + XSS_LINE
    page = browser.new_page(viewport={"width": 1280, "height": 900},
                            permissions=["clipboard-read", "clipboard-write"])
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/")
    page.get_by_label("Tiêu đề (không bắt buộc)").first.fill(XSS_TITLE)
    page.locator("textarea").nth(0).fill(a_text)
    page.locator("textarea").nth(1).fill(b["text"])
    page.get_by_label("Độ dài tối đa (số chữ)").fill("60")
    page.get_by_role("button", name="Tóm tắt", exact=True).click()

    summary = page.locator("#summary")
    summary.locator(".sentence").first.wait_for(timeout=20_000)
    assert page.locator("#status").inner_text().startswith("Xong")
    sentences = summary.locator(".sentence").all_inner_texts()
    assert sentences and all(s.strip() for s in sentences)
    markers = summary.locator("button.marker")
    assert markers.count() == len(sentences)

    markers.first.click()
    mark = page.locator("#source-text mark")
    mark.wait_for(timeout=5_000)
    assert mark.inner_text().strip() == sentences[0].strip().rstrip("…")
    assert markers.first.get_attribute("aria-pressed") == "true"

    # The article with markup in it: its title shows as text and nothing ran.
    page.get_by_role("button", name=XSS_TITLE, exact=True).click()
    assert XSS_TITLE in page.locator("#source-title").inner_text()
    assert "<script>" in page.locator("#source-text").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#source-pane img, #source-pane script, #summary img").count() == 0

    # Keyboard: a marker is a button, Enter opens its source.
    markers.last.focus()
    page.keyboard.press("Enter")
    assert markers.last.get_attribute("aria-pressed") == "true"
    assert page.locator("#source-text mark").inner_text().strip() == sentences[-1].strip().rstrip("…")

    # Download the JSON: the same document the API returned.
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải JSON").click()
    downloaded = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert [s["text"] for s in downloaded["sentences"]] == [t.strip().rstrip("…") for t in sentences]

    # Copy: the summary with its markers, then the numbered sources.
    page.get_by_role("button", name="Sao chép bản tóm tắt").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(sentences[0].strip()) and "[1]" in copied and "Nguồn:" in copied

    markers.first.click()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "server-e2e.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "server-e2e-phone.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_server_error_is_shown_to_the_user(browser, live_server):
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Tóm tắt", exact=True).click()
    assert "ít nhất một bài" in page.locator("#status").inner_text()
    page.locator("textarea").nth(0).fill("Một câu.")
    page.get_by_label("Độ dài tối đa (số chữ)").fill("0")
    page.get_by_role("button", name="Tóm tắt", exact=True).click()
    page.locator("#status.error").filter(has_text="words").wait_for()
    page.close()


def test_dropped_files_become_articles(browser, live_server):
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.set_input_files("#files", files=[
        {"name": "cau.txt", "mimeType": "text/plain",
         "buffer": "Cầu mới thông xe\nSáng nay cây cầu mới đã thông xe.\nNgười dân rất vui.".encode()},
        {"name": "trang.html", "mimeType": "text/html", "buffer": b"<html><body><p>Trang</p></body></html>"},
    ])
    cards = page.locator(".article-card")
    cards.filter(has_text="trang.html").wait_for()
    cards.filter(has_text="cau.txt").wait_for()
    assert cards.count() == 2, "the two empty cards are filled, not kept"
    txt = cards.filter(has_text="cau.txt")
    assert txt.locator(".title").input_value() == "Cầu mới thông xe"
    assert txt.locator(".text").input_value().startswith("Sáng nay")
    assert "<p>Trang</p>" in cards.filter(has_text="trang.html").locator(".text").input_value()
    page.close()


def test_timeline_and_actors_render_as_text(browser, live_server):
    """Whatever timeline and entities the API returns are shown, markup as plain text."""
    evil = "<img src=x onerror=window.__pwned=3>"
    answer = {
        "id": "c", "summary": "Một câu.", "words": 2, "method": "centroid",
        "budget": {"words": 50, "sentences": None, "ratio": None},
        "sentences": [{"text": "Một câu.", "article_id": "1", "paragraph": 0, "index": 0, "start": 0, "end": 8, "cut": False}],
        "articles": [{"id": "1", "title": evil, "source": None, "url": None, "published": None, "text": "Một câu."}],
        "removed": [], "keywords": [], "notes": [evil],
        "timeline": [{"date": "2024-03-12", "date_label": "12/3/2024", "text": "Thông xe cầu " + evil, "article_ids": ["1"], "precision": "day",
                      "sentence": {"article_id": "1", "index": 0}}],
        "entities": [{"name": "Trần Văn " + evil, "type": "PER", "count": 3, "articles": ["1"], "role": "Giám đốc Sở"}],
    }
    page = browser.new_page()
    page.route("**/v1/summarize", lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(answer)))
    page.goto(live_server.url + "/")
    page.locator("textarea").nth(0).fill("Một câu.")
    page.get_by_role("button", name="Tóm tắt", exact=True).click()
    page.locator("#timeline li").wait_for()
    assert page.locator("#timeline time").inner_text() == "12/3/2024"  # the label the server gives
    assert evil in page.locator("#timeline").inner_text()
    assert "Giám đốc Sở" in page.locator("#entities").inner_text() and evil in page.locator("#entities").inner_text()
    assert page.locator("#timeline-empty").is_hidden()
    page.locator("#timeline button.marker").click()
    assert page.locator("#source-text mark").inner_text() == "Một câu."
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_a_story_of_several_years_reads_as_dated_sections(browser, live_server):
    """Four invented reports years apart (tests/data/four_events.json): the page shows
    one dated section per event, in time order, each heading with its year or range."""
    fixture = Path(__file__).resolve().parents[1] / "data" / "four_events.json"
    rows = json.loads(fixture.read_text(encoding="utf-8"))["articles"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(live_server.url + "/")
    while page.locator("textarea").count() < len(rows):
        page.locator("#add").click()
    for i, row in enumerate(rows):
        page.locator("textarea").nth(i).fill(row["text"])
    page.get_by_label("Độ dài tối đa (số chữ)").fill("160")
    page.get_by_role("button", name="Tóm tắt", exact=True).click()
    headings = page.locator("#summary .event-section h4")
    headings.first.wait_for(timeout=20_000)
    texts = headings.all_inner_texts()
    assert len(texts) == 4, texts
    assert texts[0].startswith("9/7/2012")
    assert texts[1].startswith("21/5, năm 2015–2016")
    assert texts[2].startswith("9/6/2022")
    assert texts[3].startswith("25/11/2024")
    sections = page.locator("#summary .event-section")
    assert all(sections.nth(i).locator(".sentence").count() for i in range(4))
    # Each section quotes only its own event's report: the cards were filled 2024, 2012,
    # 2022, 2015, so the sections in time order cite [2], [4], [3], [1].
    markers = [set(sections.nth(i).locator("button.marker").all_inner_texts()) for i in range(4)]
    assert markers == [{"[2]"}, {"[4]"}, {"[3]"}, {"[1]"}]
    assert page.locator("#timeline li.background").count() >= 1
    # Timeline dates read as in every other format: no raw ISO date such as --05-21.
    dates = page.locator("#timeline time").all_inner_texts()
    assert dates and not any(d.startswith("--") or d[:4].isdigit() for d in dates), dates
    assert any("(khoảng năm 2015–2016)" in d for d in dates), dates
    assert errors == []
    page.close()
