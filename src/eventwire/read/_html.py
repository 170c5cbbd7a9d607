"""HTML pages: main text, title, author, date and site name via trafilatura (+ htmldate).

Figure captions are turned into paragraphs before extraction, so they are kept
(trafilatura drops ``<figcaption>`` otherwise); the cleaner then keeps each
caption once. Navigation, footers, cookie banners and other chrome are dropped
by trafilatura.

libxml2 stops parsing at 256 levels of nesting and silently drops the rest of
the page; a page nested that deep is flattened first (tags deeper than
``_MAX_DEPTH`` are removed, their text kept), so its text is read. trafilatura's
warnings about pages it gives up on are kept out of the output: E010 says it.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from eventwire.errors import InputError
from eventwire.read._common import Origin, document_id, normalise_date, quiet_logger
from eventwire.records import Document

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "section", "article", "figcaption", "pre"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
_MAX_DEPTH = 200  # below libxml2's fixed limit of 256, with room for tags the parser adds
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_CONTROL = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])


def parse_html(html: str, *, fragment: bool = False) -> lxml.html.HtmlElement:
    """The lxml tree of a page (or of a fragment, under one ``div``); flattened first if nested too deep.

    Control characters, which XML trees cannot hold, are dropped first.
    """
    html = html.translate(_CONTROL)
    parser = lxml.html.HTMLParser()
    tree = _parse(html, parser, fragment)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        tree = _parse(flatten(html, _MAX_DEPTH), lxml.html.HTMLParser(), fragment)
    return tree


def _parse(html: str, parser: lxml.html.HTMLParser, fragment: bool) -> lxml.html.HtmlElement:
    if fragment:
        return lxml.html.fragment_fromstring(html, create_parent="div", parser=parser)
    return lxml.html.document_fromstring(html, parser=parser)


def flatten(html: str, max_depth: int) -> str:
    """``html`` with the tags nested deeper than ``max_depth`` taken out, their text kept in order.

    A block tag taken out becomes ``<p>`` (which closes the paragraph before it,
    so it adds no depth), keeping the text's paragraphs apart; inline tags go,
    and so do paragraph breaks with no text between them.
    """
    depth, previous_end, text_since_break = 0, 0, True

    def keep(match: re.Match[str]) -> str:
        nonlocal depth, previous_end, text_since_break
        text_since_break = text_since_break or bool(html[previous_end:match.start()].strip())
        previous_end = match.end()
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            return match.group(0)
        if closing:
            depth = max(depth - 1, 0)
            return match.group(0) if depth < max_depth else ""
        depth += 1
        if depth <= max_depth:
            return match.group(0)
        if name not in _BLOCKS or not text_since_break:
            return ""
        text_since_break = False
        return "<p>"

    return _TAG.sub(keep, html)


def _tree(html: str) -> lxml.html.HtmlElement:
    try:
        tree = parse_html(html)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(str(exc)) from None
    for figure in tree.iter("figure"):
        figure.tag = "div"
    for caption in tree.iter("figcaption"):
        caption.tag = "p"
    return tree


def _extract(html: str, url: str | None):  # noqa: ANN202 - trafilatura's Document
    try:
        tree = _tree(html)
    except ValueError:
        return None
    with quiet_logger("trafilatura"):
        return trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                           include_images=False, include_tables=True)


def read_html(html: str, origin: Origin, *, published: str | None = None) -> Document:
    """One Document from an HTML page; raises InputError E010 when it holds no article text."""
    result = _extract(html, origin.url)
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        raise InputError("E010", origin.source)
    raw = result.text
    meta = {"hostname": result.hostname} if getattr(result, "hostname", None) else {}
    return Document(
        id=document_id(origin, raw), raw_text=raw, source=origin.source, format="html",
        url=origin.url or result.url, title=result.title, author=result.author,
        outlet=result.sitename, published=published or normalise_date(result.date), meta=meta,
    )


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (feed entry content), one line per block element."""
    if "<" not in html:
        return html.strip()
    try:
        root = parse_html(html, fragment=True)
    except (etree.ParserError, ValueError):
        return html.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
