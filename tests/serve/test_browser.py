"""The web page end to end in Debian's chromium (Playwright), with the server on a free port."""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
import threading
from pathlib import Path

import pytest

from ..conftest import REPO, SEEDS
from ..renderers.layout import article_texts, normalise

pytest.importorskip("flask", reason="the web page needs the serve extra (flask)")
pytest.importorskip("trafilatura", reason="the web page needs the serve extra (trafilatura)")

from framing.serve import create_app

# the README's screenshots are remade with FRAMING_SCREENSHOTS=1; otherwise they go to a scratch folder
IMAGES = (
    REPO / "docs" / "images"
    if os.environ.get("FRAMING_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "framing-screenshots"
)
MAX_FILE_MB = 1
MAX_UPLOAD_MB = 2
#: Chromium logs every document answered with an error status as a console error; the
#: refusal pages are meant to come with 400 and 413, so those lines (and only those) are
#: expected where a test asks for a refusal.
STATUS_LINE = re.compile(r"error: Failed to load resource: the server responded with a status of (\d+)")


def _running(app):
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    httpd = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, thread


@pytest.fixture(scope="module")
def server(pool):
    httpd, thread = _running(create_app(max_upload_mb=MAX_UPLOAD_MB, max_file_mb=MAX_FILE_MB, pool=pool))
    yield f"http://127.0.0.1:{httpd.port}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(10)


class Watched:
    """A page with its console messages and every address it asked for."""

    def __init__(self, browser, server, **options):
        self.page = browser.new_page(**options)
        self.server = server
        self.messages: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.messages.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open_form(self):
        self.page.goto(self.server + "/")
        self.page.wait_for_load_state("load")
        return self.page

    def submit(self, button: str = "Analyse"):
        with self.page.expect_navigation(timeout=180_000):  # the four seeds take a while on a busy machine
            self.page.get_by_role("button", name=button, exact=True).click()
        self.page.wait_for_load_state("load")

    def check(self, *statuses: int):
        """No console errors (but the expected status lines), nothing asked from elsewhere."""
        unexpected = [
            m for m in self.messages if not ((s := STATUS_LINE.match(m)) and int(s.group(1)) in statuses)
        ]
        assert unexpected == []
        assert all(u.startswith((self.server + "/", "data:")) for u in self.requests), self.requests
        self.page.close()


def seeds() -> list[dict[str, str]]:
    rows = list(csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8")))
    return [{**row, "text": (SEEDS / row["file"]).read_text(encoding="utf-8")} for row in rows]


@pytest.mark.browser
def test_the_four_seeds_pasted_give_the_report(browser, server):
    w = Watched(browser, server, viewport={"width": 1280, "height": 800}, device_scale_factor=1)
    page = w.open_form()
    assert page.locator("fieldset.article").count() == 2
    for n, seed in enumerate(seeds(), start=1):
        if n > 2:
            page.get_by_role("button", name="Add another article").click()
            assert page.locator("fieldset.article").count() == n
        page.get_by_label("Outlet", exact=False).nth(n - 1).fill(seed["outlet"])
        page.get_by_label(f"Text of article {n}").fill(seed["text"])
        if seed["title_from_first_line"] == "yes":
            page.locator(f"#headline-{n}").check()
    page.evaluate(
        "document.querySelectorAll('textarea').forEach(t => { t.setSelectionRange(0, 0); t.scrollTop = 0; })"
    )
    page.evaluate("window.scrollTo(0, 0)")
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMAGES / "serve-form.png"))
    w.submit("Analyse")

    assert page.locator("article.article").count() == 4
    # the highlights add no space: each article reads on screen as its text does
    texts = article_texts(page)
    assert len(texts) == 4 and all(t["laid_out"] == t["dom"] for t in texts)
    assert all(normalise(s["text"])[-40:] in t["dom"] for s, t in zip(seeds(), texts, strict=True))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    mark = page.locator("mark.f.quoted.layer-loaded", has_text="rampant lawlessness").first
    assert "quoted from Sean Parnell" in mark.get_attribute("data-tip")
    own = page.locator("mark.f.own.layer-loaded", has_text="brutalizing").first
    assert "the outlet's own words" in own.get_attribute("data-tip")
    # the report's own script runs under the combined policy: its toggles work
    page.uncheck("input[data-toggle=own]")
    assert "hide-own" in page.evaluate("document.body.className")
    page.check("input[data-toggle=own]")
    widths = page.eval_on_selector_all("figure img", "els => els.map(e => e.naturalWidth)")
    assert widths and all(x > 0 for x in widths)
    # the report's first screen, at a projector's 1024 x 768: What to notice, the
    # switches and the start of the highlighted articles
    page.set_viewport_size({"width": 1024, "height": 768})
    page.evaluate("window.scrollTo(0, 0)")
    page.mouse.move(0, 0)
    assert page.locator("#notice-h").is_visible()
    page.screenshot(path=str(IMAGES / "serve-report.png"))

    # each download is built when its button is pressed, from the articles the page holds
    with page.expect_download() as download:
        page.get_by_role("button", name="JSON").click()
    report = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [a["label"] for a in report["articles"]] == [s["outlet"] for s in seeds()]
    with page.expect_download() as download:
        page.get_by_role("button", name="Worksheet (HTML, to print)").click()
    assert download.value.suggested_filename == "framing-worksheet.html"
    with page.expect_download() as download:
        page.get_by_role("button", name="Report (HTML)").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.count('<article class="article"') == 4 and "framing-downloads" not in saved
    w.check()
    for name in ("serve-form.png", "serve-report.png"):
        size = (IMAGES / name).stat().st_size
        assert 0 < size < 300_000, (name, size)


@pytest.mark.browser
def test_the_worksheet_button_shows_the_worksheet(browser, server):
    w = Watched(browser, server)
    page = w.open_form()
    first, second = seeds()[:2]
    page.fill("#text-1", first["text"])
    page.fill("#text-2", second["text"])
    w.submit("Make a worksheet")
    assert "worksheet" in page.title().lower()
    w.check()


@pytest.mark.browser
def test_uploading_files(browser, server, tmp_path):
    files = []
    for seed in seeds()[:2]:
        files.append(tmp_path / seed["file"])
        files[-1].write_text(seed["text"], encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({"text": seeds()[2]["text"], "outlet": "From JSON"}) + "\n", encoding="utf-8")
    w = Watched(browser, server)
    page = w.open_form()
    page.set_input_files("#files", [str(p) for p in [*files, jsonl]])
    assert "3 files chosen" in page.inner_text("#files-status")
    w.submit()
    assert page.locator("article.article").count() == 3
    assert page.locator("article.article", has_text="From JSON").count() == 1
    w.check()


@pytest.mark.browser
def test_an_oversized_upload_shows_the_limit(browser, server, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB: over the limit for one file
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 1_000_000)  # 5 MB: over the limit for the request
    for path, expected in (
        (big, f"big.txt is larger than {MAX_FILE_MB} MB"),
        (huge, f"at most {MAX_UPLOAD_MB} MB in all"),
    ):
        w = Watched(browser, server)
        page = w.open_form()
        page.set_input_files("#files", str(path))
        assert "Too large" in page.inner_text("#files-status")  # said before sending, too
        w.submit()
        body = page.inner_text("body")
        assert "Too much at once" in page.title() and expected in body
        assert "Split a large JSON Lines or CSV file" in body
        page.get_by_role("link", name="Back to the form").click()
        page.wait_for_load_state("load")
        assert page.locator("textarea").count() == 2
        w.check(413)


@pytest.mark.browser
def test_no_input_shows_the_message(browser, server):
    w = Watched(browser, server)
    page = w.open_form()
    w.submit()
    alert = page.get_by_role("alert")
    assert "nothing to analyse" in alert.inner_text()
    w.check(400)


@pytest.mark.browser
def test_hostile_input_never_runs(browser, server, tmp_path):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    name = tmp_path / "<img src=x onerror=window.__pwned=3>.txt"
    name.write_text(f'Rioters came. "{hostile}" he said.', encoding="utf-8")
    w = Watched(browser, server)
    page = w.open_form()
    page.fill("#outlet-1", hostile)
    page.fill("#title-1", hostile)
    page.fill("#text-1", f"Police were brutalizing the town. {hostile}")
    page.set_input_files("#files", str(name))
    w.submit()
    assert page.evaluate("window.__pwned === undefined")
    assert hostile in page.inner_text("body")
    # and on a refusal, with what was typed shown again
    page.goto(server + "/")
    page.fill("#outlet-1", hostile)
    page.fill("#text-1", "Police were brutalizing the town.")
    empty = tmp_path / "<img src=x onerror=window.__pwned=4>.txt"
    empty.write_text("", encoding="utf-8")
    page.set_input_files("#files", str(empty))
    w.submit()
    assert page.evaluate("window.__pwned === undefined")
    assert page.input_value("#outlet-1") == hostile
    assert "is empty" in page.get_by_role("alert").inner_text()
    w.check(400)


@pytest.mark.browser
def test_keyboard_alone_can_fill_and_add_articles(browser, server):
    w = Watched(browser, server)
    page = w.open_form()
    focused = []
    for _ in range(14):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    for wanted in (
        "outlet-1",
        "title-1",
        "text-1",
        "headline-1",
        "outlet-2",
        "text-2",
        "add-article",
        "files",
    ):
        assert wanted in focused, focused
    # every control has an accessible name
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('input, textarea, button')]
              .filter(e => !e.labels?.length && !e.textContent.trim() && !e.getAttribute('aria-label'))
              .map(e => e.outerHTML)"""
    )
    assert unnamed == []
    page.focus("#add-article")
    page.keyboard.press("Enter")
    assert page.locator("fieldset.article").count() == 3
    assert page.evaluate("document.activeElement.id") == "outlet-3"
    assert page.get_by_label("Text of article 3").count() == 1
    assert "Article 3 added" in page.inner_text("#status")
    w.check()


@pytest.mark.browser
def test_the_form_fits_a_phone_and_a_projector(browser, server):
    for viewport, smallest in (({"width": 360, "height": 740}, 16), ({"width": 1920, "height": 1080}, 20)):
        w = Watched(browser, server, viewport=viewport)
        page = w.open_form()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('textarea')).fontSize)")
        assert size >= smallest
        w.check()


ATTACKER_PAGE = """<!DOCTYPE html><html><body>
<form id="f" method="post" action="{target}/analyse" enctype="multipart/form-data">
<textarea name="text-1">Police were brutalizing the town, a page elsewhere sent.</textarea></form>
<script>document.getElementById("f").submit();</script></body></html>"""


@pytest.mark.browser
def test_a_page_on_another_site_cannot_send_an_article(browser, server):
    # the browser sends the other site's Origin with the form, and the page refuses it
    def attacker(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html")])
        return [ATTACKER_PAGE.format(target=server).encode()]

    httpd, thread = _running(attacker)
    try:
        page = browser.new_page()
        with page.expect_navigation(url=server + "/analyse"):
            page.goto(f"http://127.0.0.1:{httpd.port}/")
        page.wait_for_load_state("load")
        body = page.inner_text("body")
        assert "only takes articles sent from its own form" in body
        assert "brutalizing" not in body
        page.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)
