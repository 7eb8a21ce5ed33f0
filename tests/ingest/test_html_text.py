"""Main text from HTML news pages: the body is kept, the page's boilerplate is not. Every page here
was written for these tests."""

from __future__ import annotations

import lxml.html
import pytest

from eventwire.ingest.html_text import BOILERPLATE_XPATHS, extract_page, page_text
from eventwire.ingest import article_from_html
from eventwire.pipeline import Pipeline

BODY = (
    "Heavy rain over the weekend forced more than four thousand people from their homes in the river "
    "valley, the regional emergency office said on Sunday.",
    "Rescue teams used boats to reach villages cut off by the water, and the army sent two helicopters "
    "to evacuate patients from a hospital near the old bridge.",
    "The governor declared a state of emergency in three districts and asked the national government "
    "for financial help to rebuild roads and bridges.",
    "Forecasters expect the river to fall slowly during the week, although more rain is possible on "
    "Thursday, according to the national weather service.",
)
# a sentence with a link in it is body text, however the link is placed
LINKED_SENTENCE = ("Mayor Anna Lind said the pumping station had failed on Saturday night, and "
                   "engineers were still working to restart it.")

PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floods displace thousands in river valley | Valley Courier</title>
<meta property="og:title" content="Floods displace thousands in river valley">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Ines Okafor">
<meta property="article:published_time" content="2023-04-02T09:15:00+00:00">
<link rel="canonical" href="https://valley-courier.example/news/floods">
</head><body>
<div id="cookie-notice"><p>We use cookies to improve your experience. By continuing to browse you agree
to our use of cookies.</p><button>Accept</button></div>
<header class="site-header"><a href="/">Valley Courier</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story">
<h1>Floods displace thousands in river valley</h1>
<p class="byline">By Ines Okafor</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
<figure class="lead-image"><img src="flood.jpg" alt="">
<figcaption>Residents wade through a flooded street in the lower town on Saturday.</figcaption></figure>
<div class="article-body">
<p>{BODY[0]}</p>
<p><a href="/news/dam-repairs">Dam repairs on the upper river delayed for another year</a></p>
<p>{BODY[1]}</p>
<p><a href="/people/anna-lind">Mayor Anna Lind</a> said the pumping station had failed on Saturday night, and
engineers were still working to restart it.</p>
<aside class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Farmers count the cost of a wet spring</a></li>
<li><a href="/b">Council approves new flood barriers</a></li>
<li><a href="/c">How the valley rebuilt after the last great flood</a></li></ul></aside>
<p>{BODY[2]}</p>
<p><strong>Background:</strong> <a href="/news/flood-history">The valley's worst floods in a century</a></p>
<table><tr><th>District</th><th>People displaced</th><th>Homes damaged</th></tr>
<tr><td>Lower Town</td><td>2,100</td><td>640</td></tr>
<tr><td>Millbrook</td><td>1,350</td><td>410</td></tr>
<tr><td>Stonebridge</td><td>720</td><td>185</td></tr></table>
<div class="inline-newsletter"><p>Get the morning briefing in your inbox every weekday, free.</p>
<form><input type="email"><button>Sign up</button></form></div>
<p>{BODY[3]}</p>
<p class="affiliate-disclosure">When you buy through links on our site, we may earn a commission.</p>
</div></article>
<section class="comments" id="comments"><h2>3 comments</h2>
<div class="comment"><p>This happens every spring and nobody in charge ever learns anything from it.</p></div>
<div class="comment"><p>Thoughts with everyone affected by the water, stay safe down there.</p></div>
</section></main>
<footer class="site-footer"><p>Copyright 2023 Valley Courier. All rights reserved.</p>
<a href="/privacy">Privacy</a></footer>
</body></html>
"""

BOILERPLATE = (
    "We use cookies", "Politics", "Share on Facebook", "Residents wade through", "Dam repairs",
    "Farmers count the cost", "Related stories", "The valley's worst floods", "Background:",
    "morning briefing", "Sign up", "earn a commission", "nobody in charge", "stay safe down there",
    "All rights reserved", "Privacy",
)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page_body() -> str:
    return normalised(page_text(extract_page(PAGE)))


@pytest.mark.parametrize("sentence", BODY + (LINKED_SENTENCE,))
def test_html_text_keeps_body_sentences(page_body, sentence):
    assert sentence in page_body


@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_html_text_drops_page_boilerplate(page_body, boilerplate):
    assert boilerplate not in page_body


def test_html_text_keeps_tables_without_rule_lines():
    text = page_text(extract_page(PAGE))
    rows = [line for line in text.split("\n\n") if line.startswith("|")]
    assert [row.split("|")[1].strip() for row in rows] == ["District", "Lower Town", "Millbrook", "Stonebridge"]
    assert "Homes damaged" in rows[0] and "2,100" in rows[1] and "---" not in text


def test_html_text_keeps_body_order_in_paragraphs():
    paragraphs = [p for p in page_text(extract_page(PAGE)).split("\n\n") if not p.startswith("|")]
    assert paragraphs == [BODY[0], BODY[1], normalised(LINKED_SENTENCE), BODY[2], BODY[3]]


def test_html_text_pruning_keeps_metadata():
    article = article_from_html("floods", "floods.html", PAGE)
    assert (article.title, article.published, article.author, article.publisher, article.url) == (
        "Floods displace thousands in river valley", "2023-04-02", "Ines Okafor", "Valley Courier",
        "https://valley-courier.example/news/floods")


def test_html_text_body_after_clean_is_the_article(settings):
    doc = Pipeline(settings, ["clean"])(article_from_html("floods", "floods.html", PAGE))
    assert doc.error is None and doc.title == "Floods displace thousands in river valley"
    assert doc.text.startswith(BODY[0]) and doc.text.endswith(BODY[3])
    assert not any(boilerplate in doc.text for boilerplate in BOILERPLATE)


def pruned(fragment: str) -> list[str]:
    """The text of the outermost elements of `fragment` that the boilerplate rules select."""
    tree = lxml.html.fromstring(f"<html><body>{fragment}</body></html>")
    found = {element for xpath in BOILERPLATE_XPATHS for element in tree.xpath(xpath)}
    outer = [e for e in found if not any(ancestor in found for ancestor in e.iterancestors())]
    return [normalised(e.text_content()) for e in outer]


@pytest.mark.parametrize("fragment", [
    '<p>Read more: <a href="/news/talks">Ceasefire talks resume in Cairo</a></p>',
    '<p><strong>RELATED</strong> &#8211; <a href="/news/talks">Ceasefire talks resume in Cairo</a></p>',
    '<p><a href="/news/talks">Ceasefire talks resume in Cairo after a week of delays</a></p>',
    '<div class="newsletter-signup"><h3>Morning briefing</h3><p>The day\'s news, every morning.</p></div>',
    '<section id="CookieConsent"><p>This site uses cookies.</p></section>',
    '<div class="gdpr-banner"><p>We value your privacy.</p></div>',
    '<p class="editorial-disclaimer">The views expressed are the author\'s own.</p>',
])
def test_html_text_rules_select_boilerplate(fragment):
    assert len(pruned(fragment)) == 1


@pytest.mark.parametrize("fragment", [
    # a linked name or phrase inside a sentence of its own
    '<p><a href="/people/lind">Mayor Anna Lind</a> said the pumping station failed on Saturday night.</p>',
    '<p>The ministry said in <a href="/statement">a statement</a> that talks would resume on Monday.</p>',
    # a sentence mostly linked still has more words of its own than a label
    '<p>Officials in the capital confirmed that <a href="/r">the convoy had reached the besieged town of '
    'Kherson late on Tuesday evening</a></p>',
    # contact details are not links to other pages
    '<p>Send your tips to <a href="mailto:news@example.org">news@example.org</a></p>',
    # two links in one sentence are prose with links, not a cross-link
    '<p><a href="/a">Russia</a> and <a href="/b">Ukraine</a> exchanged prisoners.</p>',
    # a wrapper long enough to hold an article is never a sign-up box
    '<div class="article-with-newsletter"><p>' + " ".join(BODY * 3) + "</p></div>",
])
def test_html_text_rules_spare_body_text(fragment):
    assert pruned(fragment) == []


def test_html_text_page_of_one_linked_paragraph_keeps_it():
    html = '<html><body><p><a href="https://example.org/story">Ceasefire talks resume in Cairo</a></p></body></html>'
    assert page_text(extract_page(html)) == "Ceasefire talks resume in Cairo"


def test_html_text_page_text_of_nothing_is_empty():
    assert page_text(None) == ""


def test_html_text_paragraphs_are_separated_by_blank_lines():
    text = page_text(extract_page(PAGE))
    assert "\n\n\n" not in text and all(line == line.strip() for line in text.split("\n\n"))
