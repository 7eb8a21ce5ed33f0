"""One HTML page into one `Article`: its main text (see `html_text`) and the metadata the page
gives."""

from __future__ import annotations

from .. import settings as _settings
from ..errors import InputError
from ..model import Article
from . import html_text
from .checks import HTML_SIZE_FACTOR, check_size, normalise_text


def article_from_html(article_id: str, source: str, html: str, *, max_chars: int = _settings.DEFAULT_MAX_CHARS,
                      label: str | None = None) -> Article:
    """An article from one HTML page: the main text (paragraphs separated by a blank line, page
    boilerplate pruned, see `html_text`) and the page's title, date (YYYY-MM-DD), author, site name
    and URL where trafilatura finds them.

    Raises:
        InputError: the page is too large or has no extractable text.
    """
    label = label or source
    check_size(html, max_chars * HTML_SIZE_FACTOR, label + " (HTML)")
    try:
        page = html_text.extract_page(html)
    except Exception as exc:  # noqa: BLE001  a page lxml cannot read is bad input, not a crash
        raise InputError(f"{label}: cannot parse the HTML: {type(exc).__name__}: {exc}") from None
    text = html_text.page_text(page)
    if not text:
        raise InputError(f"{label}: no article text found in the HTML")
    check_size(text, max_chars, label)
    return Article(id=article_id, source=source, html=html, text=normalise_text(text),
                   title=_meta(page, "title"), published=_meta(page, "date"),
                   author=_meta(page, "author"), publisher=_meta(page, "sitename"), url=_meta(page, "url"))


def _meta(page, name: str) -> str | None:
    """One metadata field of a trafilatura result, or None when missing or blank."""
    value = getattr(page, name, None)
    return value.strip() or None if isinstance(value, str) else None
