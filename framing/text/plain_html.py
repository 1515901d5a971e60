"""A saved page's text when trafilatura finds none: the words between the tags, block by block.

trafilatura reads the page as a tree through lxml, and lxml stops at a few hundred levels of
nesting, so a page of 100,000 nested ``<div>``s holds text that trafilatura never sees. The
standard library's ``html.parser`` reads tags one after another, at any depth. Its text keeps
the page's menus and footers (the cleaner's rules remove what they recognise), so it is used
only as a last resort, and only when some block reads like a paragraph of an article.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "title", "tr", "ul",
})
HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "math", "head"})
PARAGRAPH_WORDS = 20  # a block this long reads like an article's paragraph, not a menu


class _Blocks(HTMLParser):
    """Collects the page's title and the text of each block, leaving out hidden elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title = ""
        self._current: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN and tag != "head":
            self._hidden += 1
        self._in_title = tag == "title"
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and tag != "head" and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def page_text(html: str) -> tuple[str, list[str]] | None:
    """The page's title and its blocks of text, or None when no block reads like a paragraph
    (a page of links and menus is no article)."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    if not any(len(block.split()) >= PARAGRAPH_WORDS for block in parser.blocks):
        return None
    return " ".join(parser.title.split()), parser.blocks
