"""Reading web archives (WARC), RSS and Atom feeds, and pages that are not UTF-8.

Every input is built here: WARC files with warcio's writer, feeds as strings, pages in cp1252
bytes. The articles were written for these tests.
"""

from __future__ import annotations

import gzip
import logging
import socket
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs

CAPTURED = "2023-07-01T09:30:00Z"

PORT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Cranes idle as port talks stall | Coast Herald</title>
<meta property="og:title" content="Cranes idle as port talks stall">
<meta property="article:published_time" content="2023-06-15T08:00:00+00:00">
</head><body><article>
<h1>Cranes idle as port talks stall</h1>
<p>Container cranes stood idle at the port of Valmora on Thursday after talks between the dock
workers' union and the terminal operators broke down for a second time.</p>
<p>Union leaders said the operators had refused to discuss night-shift pay, while the operators
accused the union of walking out of the meeting after less than an hour.</p>
<p>Shipping agents warned that more than forty vessels were waiting offshore and that fresh food
deliveries to the islands could be delayed into next week.</p>
</article></body></html>
"""

# No charset anywhere in the page: the HTTP header says windows-1252.
TRAM_PAGE = """<!doctype html>
<html><head><title>Zürich tram drivers walk out over shift rotas</title></head><body><article>
<h1>Zürich tram drivers walk out over shift rotas</h1>
<p>Tram drivers in Zürich walked off the job on Monday morning, leaving commuters queuing outside
shuttered stations across the city centre.</p>
<p>The owner of a café near the main station said business had dropped by half, and that many of
her regulars had simply stayed at home.</p>
<p>Union officials said they had taken advice from colleagues in São Paulo, where a similar dispute
over shift rotas ended in a pay agreement last year.</p>
</article></body></html>
"""

# Declared ISO-8859-1 in <meta> only, but with the curly quotes of windows-1252, as browsers read it.
FARM_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Farmers block motorway near São Paulo</title></head><body><article>
<h1>Farmers block motorway near São Paulo</h1>
<p>Farmers near São Paulo blocked a motorway with tractors on Wednesday to protest against a sharp
rise in diesel prices.</p>
<p>A spokesman for the growers’ association said the “peaceful blockade” would continue until the
state government agreed to meet them.</p>
<p>Police said traffic was being diverted through nearby towns and that no arrests had been made.</p>
</article></body></html>
"""

FLOOD_PAGE = """<html><head><title>Flood warning for the lower valley</title></head><body><article>
<p>The national weather service issued a flood warning for the lower river valley on Saturday after
two days of heavy rain.</p>
<p>Residents of low-lying villages were advised to move livestock to higher ground, and schools in
three districts will stay closed on Monday.</p>
</article></body></html>
"""

MISSING_PAGE = """<html><head><title>Page not found</title></head><body><article>
<p>The page you asked for could not be found on this server; it may have been moved or deleted
by the editors of the site some time ago.</p></article></body></html>
"""

CAFE_PAGE = """<html><head><title>Café owners in Zürich fight rent rise</title></head><body><article>
<h1>Café owners in Zürich fight rent rise</h1>
<p>Owners of more than thirty cafés in the old town of Zürich have signed a letter asking the city
council to cap commercial rents for the next two years.</p>
<p>One owner, who opened her café after moving from São Paulo a decade ago, said her rent had
almost doubled since the pandemic.</p>
<p>The council is due to debate the letter at its next meeting in October.</p>
</article></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.invalid/publish/formats/rss-0.91.dtd">
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Valley Courier</title>
  <link>https://valley-courier.example/</link>
  <description>News from the valley</description>
  <item>
    <title>Bridge to close to lorries from June</title>
    <link>https://valley-courier.example/2024/03/bridge</link>
    <guid isPermaLink="true">https://valley-courier.example/2024/03/bridge</guid>
    <pubDate>Tue, 05 Mar 2024 22:15:00 -0500</pubDate>
    <author>desk@valley-courier.example (Ana Ribeiro)</author>
    <description>The council voted to close the old bridge to heavy traffic.</description>
    <content:encoded><![CDATA[<p>The town council voted on Tuesday to close the old stone bridge
      to lorries from the start of June, after engineers found cracks in two of its arches.</p>
      <p>Drivers of heavy vehicles will be sent along the ring road, which the council said would
      add about ten minutes to most journeys through the town.</p>
      <p>Shopkeepers on the high street said they feared fewer deliveries &amp; fewer customers.</p>
      <p><a href="https://valley-courier.example/2024/03/bridge-map">Read more</a></p>]]></content:encoded>
  </item>
  <item>
    <title>School reopens after repairs</title>
    <link>https://valley-courier.example/2024/03/school</link>
    <pubDate>Wed, 06 Mar 2024 07:00:00 +0000</pubDate>
    <dc:creator>Tom Hale</dc:creator>
    <description>The village school reopened on Wednesday after a month of roof repairs.</description>
  </item>
  <item>
    <title>Photo of the week</title>
    <link>https://valley-courier.example/2024/03/photo</link>
  </item>
  <item>
    <title>Market days change</title>
    <guid isPermaLink="false">4471</guid>
    <description>The weekly market will move from Thursdays to Saturdays from April, the
      traders' association said.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Northern Ledger</title>
  <id>tag:northern-ledger.example,2024:feed</id>
  <updated>2024-03-06T10:00:00Z</updated>
  <entry>
    <title>Ferry service suspended in storm</title>
    <id>tag:northern-ledger.example,2024:ferry</id>
    <link rel="alternate" href="https://northern-ledger.example/ferry"/>
    <published>2024-03-05T23:30:00-08:00</published>
    <updated>2024-03-06T01:00:00-08:00</updated>
    <author><name>Lena Ostrova</name></author>
    <content type="html">&lt;p&gt;The ferry between the two islands was suspended on Tuesday night as
      gale-force winds whipped up waves of more than four metres.&lt;/p&gt;
      &lt;p&gt;The operator said sailings would resume once the coastguard judged the crossing safe.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">Mine reopens &lt;em&gt;after&lt;/em&gt; inquiry</title>
    <id>tag:northern-ledger.example,2024:mine</id>
    <link rel="alternate" href="https://northern-ledger.example/mine"/>
    <updated>2024-03-04T12:00:00Z</updated>
    <summary type="text">The copper mine reopened on Monday after an inquiry cleared it of
      safety breaches, its owners said.</summary>
  </entry>
  <entry>
    <title>Council budget</title>
    <id>tag:northern-ledger.example,2024:budget</id>
    <updated>2024-03-03T12:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The regional council
      approved a budget that raises spending on roads by a fifth.</p>
      <p>Opposition members said the rise would be paid for by cuts to libraries.</p></div></content>
  </entry>
</feed>
"""


# --- builders ---------------------------------------------------------------------------------

def http_response(uri: str, body: bytes, content_type: str, status: str = "200 OK",
                  date: str = CAPTURED) -> dict:
    return {"uri": uri, "type": "response", "body": body, "date": date,
            "http": StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")}


def write_warc(path: Path, records: list[dict], *, gzipped: bool) -> Path:
    """A WARC file of a warcinfo record followed by `records`."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        for spec in records:
            record = writer.create_warc_record(
                spec["uri"], spec["type"], payload=BytesIO(spec["body"]), http_headers=spec.get("http"),
                warc_content_type=spec.get("content_type"),
                warc_headers_dict={"WARC-Date": spec.get("date", CAPTURED)})
            writer.write_record(record)
    return path


def crawl_records() -> list[dict]:
    """Records 2-10 of the test crawl (record 1 is warcinfo); pages are records 3, 6, 7 and 10."""
    request = StatusAndHeaders("GET /port HTTP/1.1", [("Host", "coast-herald.example")], is_http_request=True)
    return [
        {"uri": "https://coast-herald.example/port", "type": "request", "body": b"", "http": request},
        http_response("https://coast-herald.example/port", PORT_PAGE.encode(), "text/html; charset=utf-8"),
        http_response("https://coast-herald.example/crane.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                      "image/png"),
        http_response("https://coast-herald.example/gone", MISSING_PAGE.encode(), "text/html", "404 Not Found"),
        http_response("https://city-wire.example/trams", TRAM_PAGE.encode("cp1252"),
                      "text/html; charset=windows-1252"),
        http_response("https://agro-daily.example/blockade", FARM_PAGE.encode("cp1252"), "text/html"),
        http_response("https://agro-daily.example/api/prices", b'{"diesel": 6.12}', "application/json"),
        {"uri": "https://agro-daily.example/blockade", "type": "metadata", "body": b"outlinks: 3\r\n",
         "content_type": "application/warc-fields"},
        {"uri": "file:///archive/flood.html", "type": "resource", "body": FLOOD_PAGE.encode(),
         "content_type": "text/html", "date": "2023-04-22T06:00:00Z"},
    ]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def by_id(articles) -> dict:
    return {article.id: article for article in articles}


@pytest.fixture(scope="module", params=[True, False], ids=["warc.gz", "warc"])
def crawl(request, tmp_path_factory) -> tuple[Path, dict]:
    """The test crawl written gzipped and plain, and its articles by id."""
    suffix = ".warc.gz" if request.param else ".warc"
    path = write_warc(tmp_path_factory.mktemp("warc") / f"crawl{suffix}", crawl_records(), gzipped=request.param)
    return path, by_id(read_inputs([path]))


@pytest.fixture(scope="module")
def feeds(tmp_path_factory) -> tuple[Path, Path, list, list]:
    folder = tmp_path_factory.mktemp("feeds")
    rss, atom = write(folder / "valley.rss", RSS), write(folder / "ledger.atom", ATOM)
    return rss, atom, list(read_inputs([rss])), list(read_inputs([atom]))


# --- WARC -------------------------------------------------------------------------------------

def test_warc_html_pages_become_articles_named_by_record_number(crawl):
    path, articles = crawl
    assert list(articles) == ["crawl:3", "crawl:6", "crawl:7", "crawl:10"]
    assert all(a.error is None for a in articles.values()), [a.error for a in articles.values()]
    port = articles["crawl:3"]
    assert port.source == f"{path}:3"
    assert "Container cranes stood idle at the port of Valmora on Thursday" in port.text
    assert "fresh food deliveries to the islands could be delayed" in port.text
    assert port.title == "Cranes idle as port talks stall"


def test_warc_article_keeps_the_target_uri_as_url(crawl):
    _, articles = crawl
    assert articles["crawl:3"].url == "https://coast-herald.example/port"
    assert articles["crawl:10"].url == "file:///archive/flood.html"
    assert "flood warning for the lower river valley" in articles["crawl:10"].text


def test_warc_capture_date_is_used_only_when_the_page_gives_none(crawl):
    _, articles = crawl
    assert articles["crawl:3"].published == "2023-06-15"  # the page's own date
    assert articles["crawl:6"].published == "2023-07-01"  # WARC-Date
    assert articles["crawl:10"].published == "2023-04-22"


def test_warc_page_in_windows_1252_declared_in_the_http_header(crawl):
    _, articles = crawl
    trams = articles["crawl:6"]
    assert "Tram drivers in Zürich walked off the job on Monday morning" in trams.text
    assert "The owner of a café near the main station" in trams.text
    assert "colleagues in São Paulo" in trams.text
    assert trams.title == "Zürich tram drivers walk out over shift rotas"


def test_warc_page_declared_latin1_in_meta_is_read_as_windows_1252(crawl):
    _, articles = crawl
    farm = articles["crawl:7"]
    assert "Farmers near São Paulo blocked a motorway with tractors" in farm.text
    assert "the growers’ association said the “peaceful blockade” would continue" in farm.text


def test_warc_skipped_records_are_counted_in_the_log(tmp_path, caplog):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl_records(), gzipped=True)
    with caplog.at_level(logging.INFO, logger="eventwire"):
        assert len(list(read_inputs([path]))) == 4
    assert ("4 HTML pages; 6 records skipped (1 metadata, 1 non-200, 2 non-HTML, 1 request, 1 warcinfo)"
            in caplog.text)


def test_truncated_warc_gz_fails_the_cut_record_and_keeps_the_earlier_ones(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", crawl_records(), gzipped=True).read_bytes()
    cut = write(tmp_path / "cut.warc.gz", whole[:-200])  # inside the last record (the flood page)
    articles = list(read_inputs([cut]))
    assert [a.id for a in articles] == ["cut:3", "cut:6", "cut:7", "cut:10"]
    assert [a.error is None for a in articles] == [True, True, True, False]
    assert str(cut) in articles[-1].error and "record 10" in articles[-1].error
    assert "truncated" in articles[-1].error


def test_truncated_plain_warc_fails_the_cut_record(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", crawl_records()[:2], gzipped=False).read_bytes()
    cut = write(tmp_path / "cut.warc", whole[:-300])
    (article,) = read_inputs([cut])
    assert article.id == "cut:3" and str(cut) in article.error and "truncated" in article.error


@pytest.mark.parametrize("name, content, problem", [
    ("notes.warc", b"These are my notes about the port strike, not an archive.\n", "cannot read the archive"),
    ("noise.warc.gz", bytes(range(256)) * 4, "cannot read the archive"),
    ("empty.warc.gz", b"", "file is empty"),
])
def test_file_that_is_not_a_warc_fails_with_its_name(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    (article,) = read_inputs([path])
    assert article.id == name.split(".")[0] and article.text is None
    assert str(path) in article.error and problem in article.error


def test_warc_without_html_pages_is_reported(tmp_path):
    records = crawl_records()
    path = write_warc(tmp_path / "images.warc", [records[0], records[2], records[3]], gzipped=False)
    (article,) = read_inputs([path])
    assert article.id == "images" and str(path) in article.error
    assert "no HTML pages" in article.error and "1 non-200, 1 non-HTML, 1 request, 1 warcinfo" in article.error


def test_warc_record_without_text_fails_alone(tmp_path):
    empty_page = b"<html><head><title>Gallery</title></head><body><img src='a.jpg'></body></html>"
    records = [http_response("https://coast-herald.example/gallery", empty_page, "text/html"),
               http_response("https://coast-herald.example/port", PORT_PAGE.encode(), "text/html")]
    path = write_warc(tmp_path / "mixed.warc.gz", records, gzipped=True)
    bad, good = read_inputs([path])
    assert bad.id == "mixed:2" and bad.url == "https://coast-herald.example/gallery"
    assert f"{path} record 2 (https://coast-herald.example/gallery)" in bad.error
    assert "no article text" in bad.error
    assert good.id == "mixed:3" and good.error is None


# --- RSS and Atom -----------------------------------------------------------------------------

def test_rss_items_become_articles_with_the_feed_metadata(feeds):
    rss, _, articles, _ = feeds
    bridge = articles[0]
    assert bridge.error is None
    assert bridge.id == bridge.url == "https://valley-courier.example/2024/03/bridge"
    assert bridge.source == f"{rss}:1"
    assert bridge.title == "Bridge to close to lorries from June"
    assert bridge.publisher == "Valley Courier" and bridge.author == "Ana Ribeiro"
    assert bridge.published == "2024-03-05"  # the date as written, not the next day in UTC
    assert "voted on Tuesday to close the old stone bridge to lorries" in bridge.text
    assert "fewer deliveries & fewer customers" in bridge.text
    assert "heavy traffic" not in bridge.text  # the full content wins over the description


def test_rss_item_with_only_a_description(feeds):
    _, _, articles, _ = feeds
    school = articles[1]
    assert school.error is None and school.id == "https://valley-courier.example/2024/03/school"
    assert school.text == "The village school reopened on Wednesday after a month of roof repairs."
    assert (school.author, school.published, school.publisher) == ("Tom Hale", "2024-03-06", "Valley Courier")


def test_rss_item_without_text_fails_alone_and_the_rest_go_on(feeds):
    rss, _, articles, _ = feeds
    assert [a.error is None for a in articles] == [True, True, False, True]
    photo = articles[2]
    assert photo.id == "https://valley-courier.example/2024/03/photo" and photo.text is None
    assert f"{rss} entry 3 ('Photo of the week')" in photo.error and "has no text" in photo.error
    market = articles[3]
    assert market.id == "valley:4471"  # a guid that is not a URI is qualified by the file name
    assert market.text.startswith("The weekly market will move from Thursdays to Saturdays")


def test_atom_entries_with_html_text_and_xhtml_content(feeds):
    _, atom, _, articles = feeds
    assert all(a.error is None for a in articles), [a.error for a in articles]
    ferry, mine, budget = articles
    assert ferry.id == "tag:northern-ledger.example,2024:ferry" and ferry.source == f"{atom}:1"
    assert ferry.url == "https://northern-ledger.example/ferry"
    assert (ferry.title, ferry.author, ferry.publisher) == ("Ferry service suspended in storm", "Lena Ostrova",
                                                           "Northern Ledger")
    assert ferry.published == "2024-03-05"
    assert "The ferry between the two islands was suspended on Tuesday night" in ferry.text
    assert mine.title == "Mine reopens after inquiry" and mine.published == "2024-03-04"
    assert mine.text == ("The copper mine reopened on Monday after an inquiry cleared it of\n"
                         "      safety breaches, its owners said.")
    assert "approved a budget that raises spending on roads by a fifth." in budget.text
    assert "cuts to libraries" in budget.text


def test_feeds_are_read_without_the_network(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    articles = list(read_inputs([write(tmp_path / "valley.rss", RSS)]))  # its DOCTYPE names a remote DTD
    assert len(articles) == 4 and articles[0].error is None


def test_feed_in_windows_1252_declared_in_the_xml_declaration(tmp_path):
    feed = RSS.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(
        "Shopkeepers on the high street", "The owner of a café in Zürich")
    articles = list(read_inputs([write(tmp_path / "valley.rss", feed.encode("cp1252"))]))
    assert "The owner of a café in Zürich said they feared fewer deliveries" in articles[0].text


@pytest.mark.parametrize("name, content, problem", [
    ("broken.rss", "This is not a feed at all, just a sentence about rain.\n", "not an RSS or Atom feed"),
    ("sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
     "not an RSS or Atom feed"),
    ("hollow.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>', "has no entries"),
    ("blank.rss", "", "file is empty"),
    ("image.rss", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
])
def test_file_that_is_not_a_usable_feed_fails_with_its_name(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    (article,) = read_inputs([path])
    assert article.id == path.stem and article.text is None
    assert str(path) in article.error and problem in article.error


# --- encodings --------------------------------------------------------------------------------

def test_html_file_in_windows_1252_without_declaration_is_detected(tmp_path):
    (article,) = read_inputs([write(tmp_path / "cafes.html", CAFE_PAGE.encode("cp1252"))])
    assert article.error is None, article.error
    assert "Owners of more than thirty cafés in the old town of Zürich" in article.text
    assert "moving from São Paulo a decade ago" in article.text
    assert article.title == "Café owners in Zürich fight rent rise"


def test_text_file_that_is_not_utf8_is_detected_and_logged(tmp_path, caplog):
    story = ("Protesters gathered outside the café on Zürich's main square on Friday, demanding that "
             "the city keep the night buses running. Organisers said a delegation from São Paulo had "
             "joined the march to share what they had learned from a similar campaign.")
    path = write(tmp_path / "buses.txt", story.encode("cp1252"))
    with caplog.at_level(logging.INFO, logger="eventwire"):
        (article,) = read_inputs([path])
    assert article.error is None and article.text == story
    assert f"{path}: not UTF-8; read as cp1252" in caplog.text


def test_encoding_given_by_the_user_wins_over_the_declaration(tmp_path):
    page = CAFE_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("Zürich", "Plzeň")
    page = page.replace("São Paulo", "Brno")
    path = write(tmp_path / "plzen.html", page.encode("cp1250"))
    assert "old town of Plzeò" in next(read_inputs([path])).text  # as the page (wrongly) declares
    assert "old town of Plzeň" in next(read_inputs([path], encoding="cp1250")).text


def test_utf8_page_declared_latin1_is_read_as_utf8(tmp_path):
    page = CAFE_PAGE.replace("<head>", '<head><meta charset="iso-8859-1">')
    (article,) = read_inputs([write(tmp_path / "cafes.html", page.encode("utf-8"))])
    assert "old town of Zürich" in article.text


# --- folders ----------------------------------------------------------------------------------

def test_folder_of_every_format_is_read_recursively_in_sorted_order(tmp_path):
    folder = tmp_path / "news"
    write(folder / "a-buses.txt", "Night buses will run again from May, the city said.")
    write(folder / "b-cafes.html", CAFE_PAGE.encode("cp1252"))
    write_warc(folder / "c-crawl.warc.gz", crawl_records(), gzipped=True)
    write(folder / "d-feeds" / "ledger.atom", ATOM)
    write(folder / "d-feeds" / "sitemap.xml", '<?xml version="1.0"?><urlset></urlset>')  # not a feed: passed over
    write(folder / "d-feeds" / "valley.xml", RSS)
    whole = write_warc(tmp_path / "whole.warc.gz", crawl_records()[:2], gzipped=True).read_bytes()
    write(folder / "e-cut.warc.gz", whole[:-150])
    write(folder / "f-broken.rss", "not xml at all")
    write(folder / "g-notes.md", "not an input")
    articles = list(read_inputs([folder]))
    ids = [a.id for a in articles]
    assert ids == ["a-buses", "b-cafes", "c-crawl:3", "c-crawl:6", "c-crawl:7", "c-crawl:10",
                   "tag:northern-ledger.example,2024:ferry", "tag:northern-ledger.example,2024:mine",
                   "tag:northern-ledger.example,2024:budget",
                   "https://valley-courier.example/2024/03/bridge", "https://valley-courier.example/2024/03/school",
                   "https://valley-courier.example/2024/03/photo", "valley:4471",
                   "e-cut:3", "f-broken"]
    failed = {a.id: a.error for a in articles if a.error}
    assert list(failed) == ["https://valley-courier.example/2024/03/photo", "e-cut:3", "f-broken"]
    assert "e-cut.warc.gz record 3" in failed["e-cut:3"] and "truncated" in failed["e-cut:3"]
    assert "f-broken.rss" in failed["f-broken"] and "not an RSS or Atom feed" in failed["f-broken"]
    assert "Zürich" in articles[1].text


def test_xml_file_given_by_name_that_is_not_a_feed_is_reported(tmp_path):
    path = write(tmp_path / "config.xml", '<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    (article,) = read_inputs([path])
    assert article.id == "config" and str(path) in article.error and "not an RSS or Atom feed" in article.error


def test_gzip_that_is_not_a_warc_is_reported(tmp_path):
    path = write(tmp_path / "page.warc.gz", gzip.compress(PORT_PAGE.encode()))
    (article,) = read_inputs([path])
    assert article.id == "page" and str(path) in article.error and "cannot read the archive" in article.error
