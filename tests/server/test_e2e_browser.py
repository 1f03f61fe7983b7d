"""End to end in a real headless Chromium: paste two articles, summarize, click a
source marker, see the sentence highlighted in its article.

Needs Debian's ``chromium`` (``.ci/install-browser.sh``) and the ``playwright`` Python
package; skipped with a reason when either is missing. Playwright's own browser
downloads are never used: the system Chromium is launched by path.
"""

from __future__ import annotations

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
    page = browser.new_page(viewport={"width": 1280, "height": 900})
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
    page.wait_for_function("document.getElementById('status').classList.contains('error') && document.getElementById('status').textContent.includes('words')")
    page.close()
