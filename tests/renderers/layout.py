"""Reading a report's article text back from a browser: as the DOM holds it, and as it is
laid out on screen (where a gap a highlight opens between two letters reads as a space)."""

from __future__ import annotations

#: The text of one element as laid out: the characters of its text nodes in order, with a
#: space wherever two characters on one line stand further apart than a pixel, so padding,
#: a margin, a border or generated content on a span reads as the space it adds.
LAID_OUT = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let out = "", prev = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.data;
        for (let i = 0; i < text.length; i++) {
            const ch = text[i];
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (/\\s/.test(ch) || !rect || rect.width === 0) {
                out += ch;
                if (/\\s/.test(ch)) prev = null;
                continue;
            }
            const sameLine = prev && rect.top < prev.bottom && rect.bottom > prev.top && rect.left >= prev.left;
            if (sameLine && rect.left - prev.right > 1) out += " ";
            out += ch;
            prev = rect;
        }
    }
    return out;
}"""


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed (the same on both sides)."""
    return " ".join(text.split())


def article_texts(page) -> list[dict[str, str]]:
    """For each article on the page, its text as the DOM holds it (``innerText`` of its
    paragraphs) and as laid out, both normalised."""
    texts = page.eval_on_selector_all(
        "article.article .text",
        f"""els => els.map(el => ({{
            dom: Array.from(el.querySelectorAll('p')).map(p => p.innerText).join('\\n'),
            laid_out: Array.from(el.querySelectorAll('p')).map({LAID_OUT}).join('\\n'),
        }}))""",
    )
    return [{key: normalise(value) for key, value in text.items()} for text in texts]
