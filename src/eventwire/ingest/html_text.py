"""HTML to article text: trafilatura's main-text extraction, with generic news-page boilerplate
pruned from the page first.

trafilatura finds a page's main text and its metadata (title, date, author, site name, URL). It
already drops navigation, footers, asides, figures and most share bars. What it still lets through
on news pages is mostly of a few kinds, each built the same way across sites, so each is pruned by
its structure before extraction rather than by its wording afterwards:

- "Read more: <link to another story>" paragraphs placed between the body paragraphs: a paragraph
  that is one link plus at most a short label (the link-density idea of boilerpipe and readability,
  for the single-paragraph case);
- newsletter sign-up boxes, cookie and consent banners and affiliate or editorial disclosures,
  which sites mark in their class or id names ("newsletter-signup", "cookie-banner",
  "affiliate-disclosure") and which are short.

Pruning happens after the metadata is read, so it never changes the title, date or author. Tables
are kept (trafilatura's default): on news pages they hold figures the text refers to (results,
casualty counts, budgets). The line-by-line clean stage runs afterwards as for any raw text, taking
out promo lines, captions, bylines and the headline.
"""

from __future__ import annotations

import re

# A link to a page (not an e-mail address, phone number or an anchor on the same page).
PAGE_LINK = "a[not(starts-with(@href, 'mailto:') or starts-with(@href, 'tel:') or starts-with(@href, '#'))]"
# A paragraph is a cross-link when its one link carries at least this share of its characters and
# the rest is a short label ("Read more:", "ALSO READ", "Related -"). A body sentence that happens
# to be mostly linked keeps more than the label length of its own words.
MIN_LINK_SHARE = 0.6
MAX_LABEL_CHARS = 30
# Sign-up boxes, banners and disclosures are a few sentences; a longer element whose class name
# happens to contain one of the words (a page-wide wrapper) is left to trafilatura.
MAX_BOX_CHARS = 1000
BOX_TOKENS = ("newsletter", "cookie", "consent", "gdpr", "disclosure", "disclaimer")
BOX_ELEMENTS = ("div", "section", "aside", "form", "p", "dialog")

# trafilatura's options: comments are not the article; tables are (see above).
EXTRACTION_OPTIONS = {"include_comments": False, "include_tables": True}

# trafilatura renders a table as Markdown-like rows; its rule lines ("|---|---|") carry no text.
TABLE_RULE = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*")


def _lowercase(attribute: str) -> str:
    """An XPath 1.0 expression of an attribute in lower case (XPath 1.0 has no lower-case())."""
    return f"translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


def _names_contain(tokens: tuple[str, ...]) -> str:
    """An XPath 1.0 test: the element's class or id contains one of `tokens`, in any case."""
    return " or ".join(f"contains({_lowercase(attribute)}, '{token}')"
                       for token in tokens for attribute in ("class", "id"))


BOILERPLATE_XPATHS = (
    # a paragraph that is one link to another page plus at most a short label
    f"//p[count(.//{PAGE_LINK}) = 1"
    f" and string-length(normalize-space(.//{PAGE_LINK})) >= {MIN_LINK_SHARE} * string-length(normalize-space(.))"
    f" and string-length(normalize-space(.)) - string-length(normalize-space(.//{PAGE_LINK})) <= {MAX_LABEL_CHARS}]",
    # sign-up boxes, cookie and consent banners, affiliate and editorial disclosures
    f"//*[{' or '.join(f'self::{tag}' for tag in BOX_ELEMENTS)}][{_names_contain(BOX_TOKENS)}]"
    f"[string-length(normalize-space(.)) <= {MAX_BOX_CHARS}]",
)


def extract_page(html: str):
    """The page's main text and metadata as trafilatura finds them, boilerplate pruned first.

    Args:
        html: the page's markup.

    Returns:
        trafilatura's `Document` (`text`, `title`, `date`, `author`, `sitename`, `url`), or None
        when the page has no main text.

    Raises:
        Whatever lxml raises on markup it cannot read; the caller reports it as bad input.
    """
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    page = trafilatura.bare_extraction(html, with_metadata=True, prune_xpath=list(BOILERPLATE_XPATHS),
                                       **EXTRACTION_OPTIONS)
    if page is None or not (page.text or "").strip():
        # a fragment that is nothing but one linked paragraph (a feed item's "Full story: ...")
        # is all the text there is: pruning must never turn a page with text into one without
        page = trafilatura.bare_extraction(html, with_metadata=True, **EXTRACTION_OPTIONS)
    return page


def page_text(page) -> str:
    """The main text of an `extract_page` result: one block per paragraph, separated by a blank
    line, without table rule lines; an empty string when there is none."""
    lines = (line.strip() for line in ((page.text or "") if page else "").split("\n"))
    return "\n\n".join(line for line in lines if line and not TABLE_RULE.fullmatch(line))
