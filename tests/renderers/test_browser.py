"""The report in a real browser: Debian's chromium, driven by Playwright, no downloads."""

import pytest

from framing import Article, Pipeline, Settings, compare, read_articles, write_report
from framing.renderers.worksheet import write_worksheet

from ..conftest import SEEDS


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
    assert page.locator("figure img").count() == 11
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


def _hostile(field):
    """Markup, attribute break-outs and a javascript: URL, tagged with the field they go in."""
    return (
        f'{field}: <script>window.__pwned = "{field}"</script>'
        f"<img src=x onerror=\"window.__pwned = '{field}'\">"
        f'"><script>window.__pwned = 1</script><svg onload=window.__pwned=1> '
        "'><iframe src=javascript:window.__pwned=1></iframe>"
    )


def _hostile_lexicons(tmp_path):
    """A user lexicon and a user actor file whose free-text values are all hostile."""
    words = tmp_path / "words.tsv"
    words.write_text(
        "# id: hostile-words\n# version: 1.0.0\n# kind: loaded-language\n# language: en\n"
        f"# license: CC0-1.0\n# title: {_hostile('lexicon-title')}\n"
        f"# category.hostile: {_hostile('category-label')} | {_hostile('category-description')}\n"
        "term\tpos\tcategory\tweight\talternative\texplanation\tforms\texclude\n"
        f"gizmo\tnoun\thostile\t3\t{_hostile('alternative')}\t{_hostile('explanation')}\t\t\n",
        encoding="utf-8",
    )
    actors = tmp_path / "actors.tsv"
    actors.write_text(
        "# id: hostile-actors\n# version: 1.0.0\n# kind: actors\n# language: en\n# license: CC0-1.0\n"
        f"# category.person: {_hostile('actor-kind')} | One person.\n"
        "actor\tname\tcategory\talias\tnote\n"
        f"ana_ruiz\t{_hostile('actor-name')}\tperson\tana ruiz\t{_hostile('actor-note')}\n",
        encoding="utf-8",
    )
    return words, actors


# the fields each page shows (the others are in the JSON and CSV output only)
SHOWN = {
    "report": (
        "id",
        "outlet",
        "title",
        "date",
        "meta",
        "body",
        "category-label",
        "explanation",
        "alternative",
        "actor-name",
    ),
    "worksheet": ("id", "outlet", "title", "date", "body", "category-label", "explanation", "alternative"),
}


@pytest.mark.browser
@pytest.mark.filterwarnings("ignore:Tight layout not applied")  # chart labels hundreds of characters long
def test_hostile_strings_in_every_field_never_run(browser, tmp_path):
    pipeline = Pipeline(Settings(lexicons=_hostile_lexicons(tmp_path)))
    text = (
        "Gizmos brutalized the town. Ana Ruiz praised the gizmo.\n\n"
        '"We will rebuild the gizmo," Mayor Ana <b>Ruiz</b> said. '
        '"Never," said <script>window.__pwned = 1</script> Smith. '
        f'"Fine," said O\'Brien"><img src=x onerror=window.__pwned=1>.\n\n{_hostile("body")}'
    )
    hostile = Article(
        text,
        id=_hostile("id"),
        outlet=_hostile("outlet"),
        title=_hostile("title"),
        url="javascript:window.__pwned = 1",
        date=_hostile("date"),
        source=_hostile("source"),
        meta={"topic": _hostile("meta"), _hostile("meta-key"): "x"},
    )
    other = Article(
        "Rioters came. Ana Ruiz said the gizmo was fine.",
        outlet="Other",
        url='https://example.org/"><script>window.__pwned = 1</script>',
        date="2024-01-01",
    )
    comparison = compare([hostile, other], pipeline=pipeline, group_by="topic")
    # a speaker resolved from a sentence with markup in the name, an actor from the user file
    assert any("Ruiz" in s.name for s in comparison.articles[0].speakers)
    assert any(row.name == _hostile("actor-name") for row in comparison.articles[0].actors)
    pages = {
        "report": write_report(comparison, tmp_path / "report.html"),
        "worksheet": write_worksheet(comparison, tmp_path / "worksheet.html"),
    }
    for name, path in pages.items():
        page, messages, requests = open_report(browser, path)
        assert page.evaluate("window.__pwned === undefined"), name
        assert messages == [], (name, messages)  # an injection the CSP blocked would show here
        assert all(u.startswith(("file:", "data:")) for u in requests), (name, requests)
        assert (
            page.locator("script").count() <= 1 and page.locator("iframe, [onerror], [onload]").count() == 0
        )
        assert page.locator("[href^='javascript:' i], [src^='javascript:' i]").count() == 0, name
        # every field the page shows got there, escaped
        html = path.read_text(encoding="utf-8")
        for field in SHOWN[name]:
            assert f"{field}: &lt;script&gt;" in html, (name, field)
        page.close()


def _style(page, selector, prop, pseudo=None):
    """The computed style ``prop`` of the first element matching ``selector`` (or its pseudo-element)."""
    return page.eval_on_selector(
        selector, "(el, [p, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(p)", [prop, pseudo]
    )


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    return write_report(compare(read_articles(SEEDS)), tmp_path_factory.mktemp("report") / "report.html")


@pytest.mark.browser
def test_layers_and_voices_change_what_is_drawn(browser, seed_report):
    page, messages, _ = open_report(browser, seed_report)
    own = "mark.f.own.layer-loaded"
    quoted = "mark.f.quoted.layer-loaded"
    frames = "mark.f.layer-frames.own"
    # loaded words are drawn; the frames layer is off until asked for
    assert _style(page, own, "box-shadow") != "none"
    assert _style(page, frames, "box-shadow") == "none"
    page.check("input[data-toggle=layer-frames]")
    assert _style(page, frames, "box-shadow") != "none"
    # the loaded layer off: its marks lose their colour, the frames layer keeps its own
    page.uncheck("input[data-toggle=layer-loaded]")
    assert _style(page, own, "box-shadow") == "none"
    assert _style(page, frames, "box-shadow") != "none"
    page.check("input[data-toggle=layer-loaded]")
    # the voice filter: quoted words lose their dashed outline, the outlet's own stay
    assert _style(page, quoted, "outline-style") == "dashed"
    page.uncheck("input[data-toggle=quoted]")
    assert _style(page, quoted, "outline-style") == "none"
    assert _style(page, own, "box-shadow") != "none"
    # page furniture can be hidden entirely
    if page.locator(".v-furniture").count():
        page.uncheck("input[data-toggle=furniture]")
        assert _style(page, ".v-furniture", "display") == "none"
    assert messages == []
    page.close()


@pytest.mark.browser
def test_keyboard_reaches_every_control_and_shows_the_explanation(browser, seed_report):
    page, messages, _ = open_report(browser, seed_report)
    # Tab from the top reaches the layer boxes after the links of the introduction, the
    # loaded words first; Space toggles one
    focused = None
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-toggle')")
        if focused or page.evaluate("!!document.activeElement.closest('.articles')"):
            break
    assert focused == "layer-loaded"
    page.keyboard.press("Space")
    assert "hide-layer-loaded" in page.evaluate("document.body.className")
    page.keyboard.press("Space")
    assert "hide-layer-loaded" not in page.evaluate("document.body.className")
    # every highlight is in the tab order, and focusing one shows its explanation
    mark = page.locator("mark.f.quoted", has_text="rampant lawlessness")
    assert mark.get_attribute("tabindex") == "0"
    assert _style(page, 'mark.f[data-tip*="Sean Parnell"]', "content", "::after") in ("none", "normal")
    mark.focus()
    tip = mark.evaluate("el => getComputedStyle(el, '::after').getPropertyValue('content')")
    assert "Sean Parnell" in tip and mark.get_attribute("data-tip") in tip
    assert mark.evaluate("el => getComputedStyle(el, '::after').getPropertyValue('position')") == "absolute"
    assert messages == []
    page.close()


@pytest.mark.browser
def test_print_hides_the_controls_and_tooltips(browser, seed_report):
    page, _messages, _ = open_report(browser, seed_report)
    page.emulate_media(media="print")
    assert _style(page, ".controls", "display") == "none"
    page.locator("mark.f").first.focus()
    assert _style(page, "mark.f", "display", "::after") == "none"
    page.emulate_media(media="screen")
    assert _style(page, ".controls", "display") != "none"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(360, 740), (1920, 1080)], ids=["phone", "projector"])
def test_report_fits_a_phone_and_a_projector(browser, tmp_path, width, height):
    out = write_report(compare(read_articles(SEEDS)), tmp_path / "report.html")
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    # nothing forces the page wider than the screen (wide tables scroll inside themselves)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    article_width = page.eval_on_selector("article.article", "e => e.getBoundingClientRect().width")
    assert article_width <= width
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.text')).fontSize)")
    assert body >= 16
    if width > 1000:  # on a wide screen the articles sit side by side
        tops = page.eval_on_selector_all(
            "article.article", "els => els.map(e => e.getBoundingClientRect().top)"
        )
        assert len(set(tops)) < len(tops)
    page.close()
