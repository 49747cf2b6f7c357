"""The report's first screen in a real browser (Debian's chromium): findings before any
legend, nothing wider than the screen, highlights that add no space to the text."""

from __future__ import annotations

import pytest

from framing import Article, compare, read_articles, write_report

from ..conftest import SEEDS
from .layout import article_texts, normalise

#: Written for these tests: loaded words right against punctuation, in the outlet's own
#: words, in quotes and in reported speech, a parenthesis, a vague source, and a caption.
WRITTEN = (
    Article(
        "Thugs stormed the hall (again). Officials said the raids, which critics slammed, were "
        'lawful.\n\n"This is a brutal, chaotic mess," said Mayor Ana Ruiz. Critics say the '
        "so-called reforms failed.\n\nPhoto: the hall on Monday (AP).",
        id="written-one",
        outlet="Daily One",
        title="Thugs storm the hall",
    ),
    Article(
        "Protesters gathered at the hall. Police said 12 people were arrested.\n\n"
        '"We want to be heard," said Li Wei, a teacher. Sources said the budget was "reckless."',
        id="written-two",
        outlet="Two Weekly",
    ),
)

SCREENS = [(1024, 768), (1400, 900)]


def _open(browser, path, width, height, **options):
    page = browser.new_page(viewport={"width": width, "height": height}, **options)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, messages


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("first-screen")
    seeds = list(read_articles(SEEDS))
    return {
        "seeds": (write_report(compare(seeds), folder / "seeds.html"), seeds),
        "written": (write_report(compare(list(WRITTEN)), folder / "written.html"), list(WRITTEN)),
    }


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seeds", "written"])
@pytest.mark.parametrize("width, height", SCREENS, ids=["1024", "1400"])
def test_the_first_screen_fits_and_shows_highlighted_text(browser, reports, which, width, height):
    path, articles = reports[which]
    page, messages = _open(browser, path, width, height)
    # nothing scrolls sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.documentElement.clientWidth") <= width
    # a paragraph with a highlight of a layer that is switched on starts on the first screen
    tops = page.eval_on_selector_all(
        ".articles .text p",
        """ps => ps.filter(p => Array.from(p.querySelectorAll('mark.f')).some(m => {
                const s = getComputedStyle(m);
                return s.boxShadow !== 'none' || s.outlineStyle !== 'none';
            })).map(p => p.getBoundingClientRect().top)""",
    )
    assert tops and min(tops) < height - 30  # its first line in view
    # "What to notice" opens the page, above that paragraph
    notice = page.eval_on_selector("#notice-h", "h => h.getBoundingClientRect().bottom")
    assert notice < min(tops)
    assert page.locator("ol.notice li").first.is_visible()
    # every article reads exactly as its source: in the DOM, and as laid out on screen
    texts = article_texts(page)
    assert len(texts) == len(articles)
    for article, text in zip(articles, texts, strict=True):
        assert text["dom"] == normalise(article.text), article.id
        assert text["laid_out"] == normalise(article.text), article.id
    assert messages == []
    page.close()


@pytest.mark.browser
def test_the_text_check_sees_a_space_a_span_adds(browser, reports):
    """The laid-out reading is what catches padding: give the highlights some and it differs."""
    path, articles = reports["written"]
    page, _ = _open(browser, path, 1024, 768)
    page.eval_on_selector_all("mark.f", "els => els.forEach(e => { e.style.padding = '0 .1rem'; })")
    texts = article_texts(page)
    assert texts[0]["dom"] == normalise(articles[0].text)  # the DOM does not see it
    assert texts[0]["laid_out"] != normalise(articles[0].text)
    assert "Thugs " in texts[0]["laid_out"] or " Thugs" in texts[0]["laid_out"]
    page.close()


@pytest.mark.browser
def test_highlights_add_no_space_in_any_layer_or_voice(browser, reports):
    """With every layer switched on (and every voice), no span adds space."""
    path, articles = reports["seeds"]
    page, messages = _open(browser, path, 1024, 768)
    for box in page.locator("input[data-toggle]").all():
        box.check()
    for article, text in zip(articles, article_texts(page), strict=True):
        assert text["laid_out"] == normalise(article.text), article.id
    spacing = page.eval_on_selector_all(
        ".articles .text span, .articles .text mark",
        """els => els.filter(e => {
            const s = getComputedStyle(e);
            const after = getComputedStyle(e, '::before').content;
            return ['paddingLeft', 'paddingRight', 'marginLeft', 'marginRight', 'borderLeftWidth',
                    'borderRightWidth'].some(p => parseFloat(s[p]) !== 0) || !['none', 'normal'].includes(after);
        }).length""",
    )
    assert spacing == 0
    assert messages == []
    page.close()


def _legend_shown(page, layer):
    return page.eval_on_selector(f".legend-layer-{layer}", "e => e.getClientRects().length > 0")


@pytest.mark.browser
def test_a_legend_shows_only_while_its_layer_is_on(browser, reports):
    path, _ = reports["seeds"]
    page, messages = _open(browser, path, 1024, 768)
    layers = page.eval_on_selector_all(
        "input[data-toggle^=layer-]", "els => els.map(e => [e.dataset.toggle.slice(6), e.checked])"
    )
    assert ["loaded", True] in layers and ["frames", False] in layers
    for layer, on in layers:
        assert _legend_shown(page, layer) == on, layer
    # a highlight of a layer that is off explains nothing when focused; switched on, it does
    frames = page.locator("mark.f.layer-frames").first
    frames.focus()
    assert frames.evaluate("e => getComputedStyle(e, '::after').display") == "none"
    page.check("input[data-toggle=layer-frames]")
    assert _legend_shown(page, "frames")
    frames.focus()
    assert frames.evaluate("e => getComputedStyle(e, '::after').display") != "none"
    page.uncheck("input[data-toggle=layer-loaded]")
    assert not _legend_shown(page, "loaded")
    assert messages == []
    page.close()


@pytest.mark.browser
def test_a_long_legend_folds_behind_show_all(browser, reports):
    path, _ = reports["seeds"]
    page, messages = _open(browser, path, 1024, 768)
    legend = page.locator(".legend-layer-loaded")
    chips = legend.locator(".swatch")
    total = chips.count()
    assert total > 4
    visible = lambda: sum(chips.nth(i).is_visible() for i in range(total))  # noqa: E731
    assert visible() == 4
    button = legend.locator("button.show-all")
    assert button.inner_text() == f"show all {total}"
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert visible() == total
    assert button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == "show fewer"
    button.click()
    assert visible() == 4
    # on paper every entry shows and the button does not
    page.emulate_media(media="print")
    assert visible() == total and not button.is_visible()
    assert messages == []
    page.close()


@pytest.mark.browser
def test_without_script_everything_is_readable(browser, reports):
    path, articles = reports["seeds"]
    page, messages = _open(browser, path, 1024, 768, java_script_enabled=False)
    # the legend shows in full, the button that would fold it stays hidden
    legend = page.locator(".legend-layer-loaded")
    assert all(chip.is_visible() for chip in legend.locator(".swatch").all())
    assert not legend.locator("button").is_visible()
    # the layers that start switched off have no highlights and no legend
    assert not _legend_shown(page, "frames")
    assert page.eval_on_selector("mark.f.layer-frames.own", "e => getComputedStyle(e).boxShadow") == "none"
    for article, text in zip(articles, article_texts(page), strict=True):
        assert text["laid_out"] == normalise(article.text), article.id
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    assert messages == []
    page.close()


@pytest.mark.browser
def test_every_plain_term_explains_itself_to_the_keyboard(browser, reports):
    path, _ = reports["seeds"]
    page, messages = _open(browser, path, 1024, 768)
    terms = page.locator("abbr.gl")
    assert terms.count() > 10
    for term in terms.all()[:40]:
        assert term.get_attribute("tabindex") == "0"
        assert term.get_attribute("title")
    term = page.locator("table.summary abbr.gl").first
    term.focus()
    tip = term.evaluate("el => getComputedStyle(el, '::after').getPropertyValue('content')")
    assert term.get_attribute("title") in tip
    assert messages == []
    page.close()
