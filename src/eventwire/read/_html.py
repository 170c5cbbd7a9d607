"""HTML pages: main text, title, author, date and site name via trafilatura (+ htmldate).

Figure captions are turned into paragraphs before extraction, so they are kept
(trafilatura drops ``<figcaption>`` otherwise); the cleaner then keeps each
caption once. Navigation, footers, cookie banners and other chrome are dropped
by trafilatura.
"""

from __future__ import annotations

import lxml.html
import trafilatura
from lxml import etree

from eventwire.errors import InputError
from eventwire.read._common import Origin, document_id, normalise_date
from eventwire.records import Document

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "section", "article", "figcaption", "pre"})


def _tree(html: str) -> lxml.html.HtmlElement:
    try:
        tree = lxml.html.document_fromstring(html)
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
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
