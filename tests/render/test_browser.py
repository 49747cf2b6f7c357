"""The report in a real browser: Debian's chromium, driven by Playwright, no downloads."""

import pytest

from framing import Article, compare, read_articles, write_report

from ..conftest import SEEDS, require_chromium

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    path = require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_report(browser, path):
    page = browser.new_page()
    messages = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, messages, requests


@pytest.mark.browser
def test_seed_report_renders_without_console_errors(browser, tmp_path):
    out = write_report(compare(read_articles(SEEDS)), tmp_path / "report.html")
    page, messages, requests = open_report(browser, out)
    assert messages == []
    # nothing but the page itself and its data: images
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert page.locator("article.article").count() == 4
    assert page.locator("figure img").count() == 6
    # every chart image decoded
    widths = page.eval_on_selector_all("figure img", "els => els.map(e => e.naturalWidth)")
    assert all(w > 0 for w in widths)
    # the highlighted quote of the Pentagon spokesman carries its explanation
    mark = page.locator("mark.f.quoted", has_text="rampant lawlessness")
    assert "Sean Parnell" in mark.get_attribute("data-tip")
    # the quotation carries its speaker, cue and source type
    quote = page.locator("span.v-quote", has_text="rampant lawlessness").first
    assert "Sean Parnell" in quote.get_attribute("title") and "Government" in quote.get_attribute("title")
    # the voice toggle hides own-voice highlights, the layer toggle a layer
    page.uncheck("input[data-toggle=own]")
    assert "hide-own" in page.evaluate("document.body.className")
    page.uncheck("input[data-toggle=layer-sourcing]")
    assert "hide-layer-sourcing" in page.evaluate("document.body.className")
    page.close()


@pytest.mark.browser
def test_injected_script_never_runs(browser, tmp_path):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    article = Article(
        f'Rioters came. {hostile}\n\n"{hostile}" he said.', id=hostile, outlet=hostile, title=hostile
    )
    out = write_report(compare([article]), tmp_path / "hostile.html")
    page, _messages, _ = open_report(browser, out)
    assert page.evaluate("window.__pwned === undefined")
    assert hostile in page.inner_text("body")
    page.close()
