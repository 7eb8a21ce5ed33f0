"""Hostile inputs for eventwire, and the properties every output must keep.

Shared by the fuzz test (tests/test_fuzz.py, through hypothesis) and the full fuzz run
(bench/fuzz.py, through a seeded `random.Random`). It lives in bench/ rather than in the
package (test helpers stay out of what users install) or in tests/ (bench/fuzz.py is run as a
script, so bench/ is on its sys.path already; the test adds one sys.path entry).

Every generator is a function `gen(r, big) -> Case` of a `random.Random`-like `r`. The test hands
it hypothesis's `st.randoms(use_true_random=False)`, whose draws hypothesis records and shrinks,
so the generators make few random draws and build large inputs by repetition (a 5 MB line is
one draw of its length, not five million). `big` allows the huge variants (megabyte lines,
20,000-token sentences); without it every input stays small and fast.

`document_problems(doc)` lists what is wrong with a pipeline output (unserialisable record,
offsets outside the text or reversed, dangling ids, a stage that crashed); an empty list means
the document keeps the output contract.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
import zlib
from dataclasses import dataclass
from typing import Callable

# --- building blocks ------------------------------------------------------------------------

SENTENCES = (
    "Kenya attacked Uganda on Monday, police said.",
    "The Taliban seized control of Kabul on 15 August 2021.",
    '"We will not surrender," the rebel commander told Reuters.',
    "Hamas praised the Taliban for their victory, a spokesman said on Tuesday.",
    "Syria refused to withdraw its troops from Lebanon.",
    "President Joe Biden met Chancellor Olaf Scholz in Berlin last week.",
    "Protesters blocked roads in Nairobi after the election.",
    "The United Nations sent food aid to Gaza, officials said.",
    "Russia threatened to cut gas supplies to Ukraine unless Kyiv paid its debts.",
    "According to state media, the army shelled villages near Aleppo overnight.",
    "Iran's foreign minister said the talks in Vienna would resume next month.",
    "Police arrested 40 demonstrators in Lagos on Friday.",
)
WORDS = ("the", "army", "said", "Kenya", "police", "attacked", "talks", "minister", "Gaza",
         "officials", "Monday", "rebels", "aid", "and", "of", "in", "troops", "Uganda")
COUNTRIES = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia", "Bosnia", "Brazil",
    "Bulgaria", "Burundi", "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia",
    "Congo", "Croatia", "Cuba", "Cyprus", "Denmark", "Egypt", "Eritrea", "Estonia", "Ethiopia",
    "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Haiti", "Hungary", "India",
    "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kenya", "Kosovo",
    "Kuwait", "Laos", "Latvia", "Lebanon", "Libya", "Mali", "Mexico", "Morocco", "Myanmar", "Nepal",
    "Niger", "Nigeria", "North Korea", "Norway", "Oman", "Pakistan", "Panama", "Peru", "Poland",
    "Qatar", "Russia", "Rwanda", "Saudi Arabia", "Serbia", "Somalia", "South Sudan", "Spain",
    "Sudan", "Sweden", "Syria", "Taiwan", "Thailand", "Turkey", "Uganda", "Ukraine", "Venezuela",
    "Vietnam", "Yemen", "Zambia", "Zimbabwe", "the United States", "the United Kingdom",
)
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)]))
ODD_TEXT = (
    "😀", "👨‍👩‍👧‍👦", "🇺🇦", "🏳️‍🌈", "\U0001f9ea" * 3, "𝕂𝕖𝕟𝕪𝕒", "ﷺ", "Ｋｅｎｙａ", "ǅ", "ß", "İ",
    "الجيش السوري", "צה״ל", "Путин заявил", "习近平", "ﾃｽﾄ", "\u2028", "\u2029", "\x85", "\u00ad",
    "\u0301" * 7, "e\u0301\u0302\u0303\u0304", "\ufffd", "\U0010fffd", "\ufdd0", "\uffff",
    "\u3000", "\xa0", "\u202f", "\t", "\r", "\r\n", "\f", "\v",
)
QUOTE_MARKS = "\"'“”‘’„‟«»‹›「」『』〝〞"
DATES_IN_TEXT = (
    "on 31 February 99999", "in the year 1e9", "on 0000-00-00", "on 9999-99-99", "in -5000",
    "on 2024-02-30", "in the year 10000", "on 30/02/2024", "at 25:61", "on 1700000000",
    "in 1e308", "on 1 January 1", "in year 0", "in the 99999th century", "on Monday 32 March",
    "last Februaryday", "in 2021-W99", "on 29 February 2023", "before 12,000 BC", "on 9999-12-31",
)
ABSURD_PUBLISHED = (
    "0000-00-00", "9999-99-99", "-5000", "2024-02-30", "10000-01-01", "1700000000", "2021-08-17",
    "", " ", "2021-13-01", "2021-00-10", "0001-01-01", "9999-12-31", "2021-08-17T25:00:00Z",
    "2021/08/17", "yesterday", "٢٠٢١-٠٨-١٧", "2021-08-17\x00",
)
WRONG_TYPES = (42, -1.5, 1e309, True, None, [], ["x"], {}, {"a": 1}, "", "   ")


@dataclass
class Case:
    """One generated input file: `kind` is its generator, `stem` + `suffix` its file name."""

    kind: str
    suffix: str
    data: bytes
    stem: str = "case"

    def file_name(self, index: int) -> str:
        return f"{index:05d}-{self.stem}{self.suffix}"


def _some(r, items, k: int) -> list:
    return [r.choice(items) for _ in range(k)]


def _length(r, big: bool, small: int, huge: int) -> int:
    """Mostly small lengths; with `big`, up to `huge`."""
    top = huge if big else small
    return r.choice((0, 1, 2, r.randint(1, small), r.randint(1, top), top))


def prose(r, sentences: int) -> str:
    """News-like text: sentences from SENTENCES, in paragraphs."""
    out = []
    for i in range(sentences):
        out.append(r.choice(SENTENCES))
        out.append("\n\n" if r.random() < 0.3 else " ")
    return "".join(out)


def sprinkle(r, text: str, pieces: int) -> str:
    """`text` with hostile characters (zero-width, bidi, controls, emoji, combining) put in."""
    if not text:
        return text
    pool = (ZERO_WIDTH, BIDI, CONTROLS, ODD_TEXT, QUOTE_MARKS)
    for _ in range(pieces):
        source = r.choice(pool)
        piece = r.choice(source) * r.choice((1, 1, 2, 50))
        at = r.randrange(len(text) + 1)
        text = text[:at] + piece + text[at:]
    return text


def hostile_text(r, big: bool = False) -> str:
    """Text an ingest or NLP stage can choke on; one of many shapes."""
    return r.choice(NLP_TEXTS)(r, big)


# --- text that stresses the NLP stages ------------------------------------------------------

def _long_sentence(r, big):
    n = r.choice((20, 300, 2000, 20000 if big else 2000))
    return " ".join(_some(r, WORDS, 8) * (n // 8 + 1))


def _quote_storm(r, big):
    n = r.choice((7, 100, 5000 if big else 500))
    mark = r.choice(QUOTE_MARKS)
    return r.choice(("", "Hamas said ")) + mark * n + r.choice(("", " the talks failed."))


def _unbalanced_quotes(r, big):
    parts = []
    for _ in range(r.randint(1, 30)):
        parts.append(r.choice(QUOTE_MARKS) + r.choice(SENTENCES) + r.choice(("", " he said, ", " ")))
    return "".join(parts)


def _nested_brackets(r, big):
    n = r.choice((3, 100, 1000))
    op, cl = r.choice((("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("(", "")))
    return "Kenya said " + op * n + r.choice(SENTENCES) + cl * n


def _all_caps(r, big):
    return prose(r, r.randint(1, 20)).upper()


def _only_numbers(r, big):
    n = r.choice((1, 50, 3000 if big else 300))
    return " ".join(str(r.randint(-10**6, 10**12)) + r.choice(("", ".", ",", "%")) for _ in range(min(n, 30))) * (n // 30 + 1)


def _only_punct(r, big):
    n = r.choice((1, 50, 5000 if big else 500))
    return "".join(_some(r, ".,;:!?-—()[]\"'…/\\@#$%^&*_+=<>|~`", 12)) * (n // 12 + 1)


def _said_said(r, big):
    n = r.choice((3, 100, 5000 if big else 500))
    return " ".join([r.choice(("said", "Said", "SAID", "said,", "told"))] * n) + r.choice(("", "."))


def _countries(r, big):
    n = r.choice((10, 100, 500))
    names = [COUNTRIES[(i * 7 + r.randint(0, 3)) % len(COUNTRIES)] for i in range(n)]
    return r.choice(("Leaders of ", "")) + ", ".join(names) + r.choice((" met in Geneva.", "", " attacked Iran."))


def _absurd_dates(r, big):
    return " ".join(f"{r.choice(COUNTRIES)} attacked {r.choice(COUNTRIES)} {r.choice(DATES_IN_TEXT)}, "
                    f"police said {r.choice(DATES_IN_TEXT)}." for _ in range(r.randint(1, 8)))


def _sprinkled_prose(r, big):
    return sprinkle(r, prose(r, r.randint(1, 12)), r.randint(1, 30))


def _combining_storm(r, big):
    n = r.choice((10, 1000, 20000 if big else 2000))
    return r.choice(SENTENCES) + "e" + "".join(_some(r, "\u0300\u0301\u0302\u0303\u0308\u0327\u0336\u20dd", 4)) * (n // 4)


def _one_char_soup(r, big):
    """Every character class at once: controls, bidi, zero-width, emoji, CJK, whitespace-only."""
    pool = ZERO_WIDTH + BIDI + CONTROLS + "".join(ODD_TEXT) + QUOTE_MARKS + " \n"
    return "".join(_some(r, pool, r.randint(1, 60))) * r.choice((1, 10, 100))


def _newline_soup(r, big):
    n = r.choice((2, 100, 20000 if big else 2000))
    return r.choice(("\n", "\n\n", " \n", "\u2028", "\r\n")) * n + r.choice(SENTENCES) + "\n" * n


NLP_TEXTS: tuple[Callable, ...] = (
    _long_sentence, _quote_storm, _unbalanced_quotes, _nested_brackets, _all_caps, _only_numbers,
    _only_punct, _said_said, _countries, _absurd_dates, _sprinkled_prose, _combining_storm,
    _one_char_soup, _newline_soup,
)


# --- .txt files -----------------------------------------------------------------------------

def gen_txt_nlp(r, big):
    return Case("txt.nlp", ".txt", hostile_text(r, big).encode("utf-8"), "nlp")


def gen_txt_encoding(r, big):
    """Invalid UTF-8, mixed encodings, BOMs at the start and in the middle, UTF-16/32."""
    text = _sprinkled_prose(r, False) + " Zürich, São Paulo, Kraków, Đà Nẵng, Москва. "
    how = r.choice(("mixed", "invalid", "bom_middle", "utf16", "utf16_nobom", "utf32", "cp1252",
                    "latin_lie", "truncated_multibyte"))
    if how == "mixed":
        data = text.encode("utf-8") + text.encode(r.choice(("cp1252", "latin-1", "cp1251", "shift_jis")), "replace")
    elif how == "invalid":
        raw = bytearray(text.encode("utf-8"))
        for _ in range(r.randint(1, 20)):
            raw.insert(r.randrange(len(raw) + 1), r.choice((0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF, 0xFE, 0xED)))
        data = bytes(raw)
    elif how == "bom_middle":
        boms = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00")
        data = r.choice(boms + (b"",)) + text.encode("utf-8") + r.choice(boms) + text.encode("utf-8")
    elif how == "utf16":
        data = text.encode("utf-16")
    elif how == "utf16_nobom":
        data = text.encode(r.choice(("utf-16-le", "utf-16-be")))
    elif how == "utf32":
        data = text.encode("utf-32")
    elif how == "cp1252":
        data = text.encode("cp1252", "replace")
    elif how == "latin_lie":
        data = b"\xef\xbb\xbf" + text.encode("cp1252", "replace")
    else:
        data = text.encode("utf-8")
        data = data[: r.randrange(len(data) + 1)] + "é€😀".encode("utf-8")[: r.choice((1, 3, 5))]
    return Case(f"txt.encoding.{how}", ".txt", data, how)


def gen_txt_empty(r, big):
    """Empty, whitespace-only (ASCII and Unicode spaces), invisible-only files."""
    data = r.choice((b"", b" ", b"\n", b"\r\n\r\n", b"\t \n", "\u3000\xa0\u2003\n".encode(),
                     "\u200b\u200b\ufeff".encode(), b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf  \n",
                     "\u2028\u2029".encode(), b"\x0c\x0b", "\u202e\u2066".encode()))
    return Case("txt.empty", ".txt", data * r.choice((1, 1, 1000)), "empty")


def gen_txt_controls(r, big):
    """NUL and control characters: a few (text) or many (binary-looking)."""
    text = prose(r, r.randint(1, 5))
    density = r.choice((1, 5, 50, 500))
    data = sprinkle(r, text, 0)
    for _ in range(min(density, 200)):
        at = r.randrange(len(data) + 1)
        data = data[:at] + r.choice(CONTROLS) + data[at:]
    return Case("txt.controls", ".txt", data.encode("utf-8"), "controls")


def gen_txt_huge(r, big):
    """A single huge line: 1-5 MB with `big` (over the default max_chars unless its characters
    take several bytes), else 20-50 KB."""
    size = r.choice((1, 2, 5)) * 2**20 if big else r.choice((20_000, 50_000))
    unit = r.choice(("word ", "Kenya attacked Uganda ", "x", "é", "😀", r.choice(SENTENCES) + " "))
    data = (unit * (size // len(unit.encode()) + 1)).encode("utf-8")[:size]
    return Case("txt.huge_line", ".txt", data, "huge")


# --- HTML -----------------------------------------------------------------------------------

TAGS = ("div", "p", "span", "b", "i", "a", "table", "tr", "td", "li", "ul", "article", "section",
        "main", "h1", "br", "img", "svg", "math", "template", "iframe", "select", "option", "textarea",
        "title", "head", "body", "html", "form", "noscript", "pre", "xmp", "plaintext", "frameset")


def _page(body: str, head: str = "", doctype: bool = True) -> str:
    return (("<!DOCTYPE html>" if doctype else "") + f"<html><head>{head}<title>Kenya attacks Uganda</title>"
            f"</head><body>{body}</body></html>")


def _paragraphs(r, n: int) -> str:
    return "".join(f"<p>{r.choice(SENTENCES)} {r.choice(SENTENCES)}</p>" for _ in range(n))


def gen_html(r, big):
    how = r.choice(("misnested", "unclosed", "deep", "huge_attr", "script_only", "comments_cdata",
                    "nul", "entities", "meta_lie", "tag_soup", "nlp", "no_body", "svg_math"))
    text_body = _paragraphs(r, r.randint(0, 6))
    if how == "misnested":
        body = "".join(f"<{a}><{b}>{r.choice(SENTENCES)}</{a}></{b}>"
                       for a, b in zip(_some(r, TAGS, 12), _some(r, TAGS, 12)))
        html = _page(body)
    elif how == "unclosed":
        html = "<html><body>" + "".join(f"<{t}>{r.choice(SENTENCES)}" for t in _some(r, TAGS, 15))
        html = html[: r.randrange(len(html) + 1)]
    elif how == "deep":
        n = r.choice((50, 300, 3000, 10000))
        tag = r.choice(("div", "span", "b", "p", "li", "table", "blockquote"))
        closed = r.random() < 0.5
        html = _page(f"<{tag}>" * n + text_body + (f"</{tag}>" * n if closed else ""))
    elif how == "huge_attr":
        n = r.choice((1000, 100_000, 3_000_000 if big else 100_000))
        quote = r.choice(('"', "'", ""))
        html = _page(f'<p title={quote}{"x" * n}{quote} data-x={quote}{"&amp;" * (n // 100)}{quote}>'
                     + text_body + "</p>")
    elif how == "script_only":
        html = _page("<script>" + "var k='Kenya attacked Uganda';" * r.randint(1, 50) + "</script>"
                     "<style>p{color:red}</style>" * r.randint(0, 3) + r.choice(("", "<noscript>Enable JS</noscript>")),
                     head="<script>document.write('<p>')</script>")
    elif how == "comments_cdata":
        html = _page("<!-- " + r.choice(SENTENCES) + " -->" + "<![CDATA[" + r.choice(SENTENCES) + "]]>"
                     + r.choice(("<!--", "<!-- -- -->", "<!--->", "]]>", "<![CDATA[", "<?php echo 1 ?>"))
                     + text_body + r.choice(("", "<!-- unclosed comment")))
    elif how == "nul":
        html = _page(text_body).replace(r.choice(("<p>", "Kenya", " ", "</p>")), r.choice(("\x00", "<p>\x00", "\x00\x01\x02")))
    elif how == "entities":
        ents = ("&amp;", "&lt;", "&#0;", "&#xD800;", "&#1114112;", "&#99999999999;", "&bogus;", "&amp",
                "&#x;", "&#;", "&nbsp;", "&NotNestedGreaterGreater;", "&#x202E;", "&#8203;", "&#65279;")
        html = _page("<p>" + "".join(_some(r, ents, 20)) * r.choice((1, 50)) + r.choice(SENTENCES) + "</p>" + text_body)
    elif how == "meta_lie":
        declared = r.choice(("utf-8", "iso-8859-1", "utf-16", "shift_jis", "bogus-enc", "utf-7", "x-user-defined",
                             "", "\"", "utf-32", "koi8-r"))
        actual = r.choice(("utf-8", "cp1252", "cp1251", "shift_jis", "utf-16"))
        head = f'<meta charset="{declared}"><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        body = "<p>Präsident Müller said: «Zürich, São Paulo and Москва» — 東京 ‘quotes’.</p>" + text_body
        return Case("html.meta_lie", r.choice((".html", ".htm")),
                    _page(body, head).encode(actual, "replace"), "metalie")
    elif how == "tag_soup":
        html = "".join(r.choice(("<", ">", "</", "/>", "<p", "=", '"', "'", "&", "<!", "<?", " ", "a", "Kenya said. ", "\n"))
                       for _ in range(r.randint(1, 300)))
    elif how == "nlp":
        html = _page("<p>" + hostile_text(r, big).replace("<", "&lt;") + "</p>")
    elif how == "no_body":
        html = r.choice(("<html></html>", "<html><head><title>x</title></head></html>", "<body/>", "<", "<!DOCTYPE html>"))
    else:
        html = _page("<svg><p>" + r.choice(SENTENCES) + "</svg><math><mi>" + r.choice(SENTENCES) + "</math>" + text_body)
    return Case(f"html.{how}", r.choice((".html", ".htm")), html.encode("utf-8"), how)


# --- JSONL ----------------------------------------------------------------------------------

def _json_line(r, big) -> bytes:
    how = r.choice(("ok", "ok", "broken", "wrong_type", "published", "surrogate", "html", "deep",
                    "non_object", "number", "id", "nlp", "huge", "blank"))
    record = {"id": f"a{r.randint(0, 999)}", "text": r.choice(SENTENCES) + " " + r.choice(SENTENCES)}
    if how == "broken":
        line = json.dumps(record)
        return r.choice((line[: r.randrange(len(line))], line + "}", line.replace('"', "'"),
                         "{" + line, line.replace(":", ""), "\x00" + line, "{,}", "nul", "NaN"))[:1000].encode()
    if how == "wrong_type":
        record[r.choice(("text", "html", "id", "published", "title", "url", "publisher", "author"))] = r.choice(WRONG_TYPES)
    elif how == "published":
        record["published"] = r.choice(ABSURD_PUBLISHED)
    elif how == "surrogate":
        field = r.choice(("text", "id", "title", "publisher"))
        escape = r.choice(("\\ud800", "\\udfff", "\\ud83d", "\\ud83d\\ude00", "\\udc80\\ud800", "\\u0000", "\\ufeff"))
        line = json.dumps(record)
        value = json.dumps(record.get(field, "x"))[1:-1]
        at = r.randrange(len(value) + 1)
        record[field] = "@@"
        return json.dumps(record).replace("@@", value[:at] + escape + value[at:]).encode()
    elif how == "html":
        del record["text"]
        record["html"] = gen_html(r, False).data.decode("utf-8", "replace")
    elif how == "deep":
        n = r.choice((10, 1000, 100_000))
        return (b'{"id": "deep", "text": ' + b"[" * n + b"1" + b"]" * n + b"}")
    elif how == "non_object":
        return r.choice((b"[1, 2]", b'"text"', b"42", b"null", b"true", b"[]", b"{}"))
    elif how == "number":
        return r.choice((b'{"id": "n", "text": "x", "published": 1e999}', b'{"id": 1e999999999999}',
                         b'{"id": "n", "text": ' + b"9" * 5000 + b"}", b'{"id": NaN, "text": Infinity}'))
    elif how == "id":
        record["id"] = r.choice(("", " ", "\n", "a" * 10000, "../../etc/passwd", "\u202eevil", "😀", "id\x00"))
    elif how == "nlp":
        record["text"] = hostile_text(r, big)
    elif how == "huge":
        n = r.choice((5 * 2**20, 2**20) if big else (30_000,))
        record["text"] = "word " * (n // 5)
    elif how == "blank":
        return r.choice((b"", b"   ", b"\t", b"\r"))
    return json.dumps(record, ensure_ascii=r.random() < 0.5).encode("utf-8")


def gen_jsonl(r, big):
    lines = [_json_line(r, big) for _ in range(r.randint(1, 6))]
    sep = r.choice((b"\n", b"\r\n", b"\n\n"))
    data = sep.join(lines) + r.choice((b"", b"\n"))
    if r.random() < 0.1:
        data = b"\xef\xbb\xbf" + data
    return Case("jsonl", ".jsonl", data, "lines")


# --- WARC -----------------------------------------------------------------------------------

def _warc_record(rec_type: str, payload: bytes, uri: str, extra: str = "", length: int | None = None) -> bytes:
    header = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {uri}\r\n"
              f"WARC-Date: 2021-08-17T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{zlib.crc32(uri.encode() + payload):012d}>\r\n"
              f"{extra}Content-Length: {len(payload) if length is None else length}\r\n\r\n")
    return header.encode("latin-1", "replace") + payload + b"\r\n\r\n"


def _http(status: str, content_type: str | None, body: bytes, extra: str = "") -> bytes:
    ctype = f"Content-Type: {content_type}\r\n" if content_type is not None else ""
    return f"HTTP/1.1 {status}\r\n{ctype}{extra}Content-Length: {len(body)}\r\n\r\n".encode("latin-1", "replace") + body


def _warc_records(r, big) -> list[bytes]:
    records = [_warc_record("warcinfo", b"software: fuzz\r\n", "", "Content-Type: application/warc-fields\r\n")]
    for i in range(r.randint(1, 5)):
        uri = f"https://news.example/{i}"
        page = gen_html(r, False).data if r.random() < 0.5 else _page(_paragraphs(r, 3)).encode()
        kind = r.choice(("html", "html", "404", "png", "json", "pdf", "resource", "request", "revisit",
                         "no_ctype", "chunked", "gzip_bad", "charset", "bad_status", "dns", "metadata"))
        if kind == "html":
            rec = _warc_record("response", _http("200 OK", "text/html", page), uri,
                               "Content-Type: application/http; msgtype=response\r\n")
        elif kind == "404":
            rec = _warc_record("response", _http("404 Not Found", "text/html", page), uri)
        elif kind == "png":
            rec = _warc_record("response", _http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), uri)
        elif kind == "json":
            rec = _warc_record("response", _http("200 OK", "application/json", b'{"text": "Kenya"}'), uri)
        elif kind == "pdf":
            rec = _warc_record("response", _http("200 OK", "text/html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), uri)
        elif kind == "resource":
            rec = _warc_record("resource", page, uri, r.choice(("Content-Type: text/html\r\n", "")))
        elif kind == "request":
            rec = _warc_record("request", b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n", uri)
        elif kind == "revisit":
            rec = _warc_record("revisit", b"", uri, "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n")
        elif kind == "no_ctype":
            rec = _warc_record("response", _http("200 OK", None, r.choice((page, b"plain words", b"\x00\x01"))), uri)
        elif kind == "chunked":
            body = b"%x\r\n" % len(page) + page + r.choice((b"\r\n0\r\n\r\n", b"", b"\r\nzz\r\n"))
            rec = _warc_record("response", _http("200 OK", "text/html", body, "Transfer-Encoding: chunked\r\n"), uri)
        elif kind == "gzip_bad":
            body = gzip.compress(page)[: r.choice((5, 20, 10**9))]
            rec = _warc_record("response", _http("200 OK", "text/html", body, "Content-Encoding: gzip\r\n"), uri)
        elif kind == "charset":
            cs = r.choice(("utf-8", "bogus", "utf-16", "iso-8859-1", "", "\"", "shift_jis;;;"))
            rec = _warc_record("response", _http("200 OK", f"text/html; charset={cs}", page), uri)
        elif kind == "bad_status":
            rec = _warc_record("response", r.choice((b"HTTP/1.1\r\n\r\n", b"garbage\r\n\r\n" + page, b"",
                                                    b"HTTP/1.1 200\r\nContent-Type text/html\r\n\r\n" + page)), uri)
        elif kind == "dns":
            rec = _warc_record("response", b"20210817 news.example. 300 IN A 1.2.3.4", "dns:news.example",
                               "Content-Type: text/dns\r\n")
        else:
            rec = _warc_record("metadata", b"outlink: x", uri, "Content-Type: application/warc-fields\r\n")
        records.append(rec)
    return records


def gen_warc(r, big):
    records = _warc_records(r, big)
    how = r.choice(("ok", "truncate", "bad_length", "wrong_header", "gzip", "gzip_truncated",
                    "gzip_whole", "garbage", "flip", "empty_record"))
    gz = how in ("gzip", "gzip_truncated", "gzip_whole")
    if how == "bad_length":
        i = r.randrange(len(records))
        bad = r.choice(("0", "-5", "abc", "99999999999", "1", str(10**30), "", " 12"))
        records[i] = re.sub(rb"Content-Length: \d+\r\n\r\n", f"Content-Length: {bad}\r\n\r\n".encode(), records[i], count=1)
    elif how == "wrong_header":
        i = r.randrange(len(records))
        records[i] = records[i].replace(*r.choice(((b"WARC/1.0", b"WARC/9.9"), (b"WARC/1.0", b"HTTP/1.1"),
                                                    (b"WARC-Type: response", b"WARC-Type: "),
                                                    (b"WARC-Type: response", b""), (b"\r\n", b"\n"),
                                                    (b"WARC-Date: 2021-08-17T10:00:00Z", b"WARC-Date: 99999"),
                                                    (b"WARC-Target-URI: ", b"WARC-Target-URI: \xff\xfe"))), 1)
    elif how == "empty_record":
        records.insert(r.randrange(len(records) + 1), b"WARC/1.0\r\n\r\n")
    if gz:
        data = b"".join(gzip.compress(rec) for rec in records) if how != "gzip_whole" else gzip.compress(b"".join(records))
        if how == "gzip_truncated":
            data = data[: r.randrange(1, len(data))]
    else:
        data = b"".join(records)
    if how == "truncate":
        data = data[: r.randrange(1, len(data))]
    elif how == "garbage":
        at = r.randrange(len(data))
        data = data[:at] + r.randbytes(r.randint(1, 64)) + data[at:]
    elif how == "flip":
        raw = bytearray(data)
        for _ in range(r.randint(1, 10)):
            raw[r.randrange(len(raw))] = r.randrange(256)
        data = bytes(raw)
    return Case(f"warc.{how}", ".warc.gz" if gz else ".warc", data, "crawl")


# --- feeds ----------------------------------------------------------------------------------

def _billion_laughs(levels: int, fanout: int) -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(fanout))}">' for i in range(1, levels + 1)]
    return f"<!DOCTYPE rss [{''.join(ents)}]>", f"&lol{levels};"


def gen_feed(r, big):
    atom = r.random() < 0.4
    how = r.choice(("ok", "truncated", "bomb", "quadratic", "xxe", "missing", "dates", "not_xml",
                    "cdata", "nlp", "no_entries", "html_title", "bad_decl"))
    doctype, ref = "", ""
    if how == "bomb":
        doctype, ref = _billion_laughs(r.choice((3, 9, 20)), r.choice((10, 30)))
    elif how == "quadratic":
        doctype = f'<!DOCTYPE rss [<!ENTITY a "{"A" * r.choice((1000, 50_000))}">]>'
        ref = "&a;" * r.choice((10, 1000, 20_000 if big else 2000))
    elif how == "xxe":
        doctype = r.choice(('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                            '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">',
                            '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>'))
        ref = "&x;"
    entries = []
    for i in range(0 if how == "no_entries" else r.randint(1, 5)):
        body = r.choice(SENTENCES) + " " + r.choice(SENTENCES)
        if how == "nlp":
            body = hostile_text(r, big)
        date = (r.choice(ABSURD_PUBLISHED + ("Mon, 31 Feb 99999 00:00:00 GMT", "Tue, 17 Aug 2021 23:30:00 -0500",
                                             "Fri, 99 Zzz 2021", "10000-01-01T00:00:00Z", "1e9"))
                if how in ("dates", "missing", "nlp") else "Tue, 17 Aug 2021 10:00:00 GMT")
        content = f"<![CDATA[<p>{body}{ref}</p>]]>" if how == "cdata" else (
            body.replace("&", "&amp;").replace("<", "&lt;") + ref)
        fields = {"title": (f"<b>Title {i}</b>" if how == "html_title" else f"Title {i}{ref}"),
                  "link": f"https://news.example/{i}", "id": r.choice((f"urn:x:{i}", str(i), "", "tag:a")),
                  "date": date, "content": content, "author": "ana@example.com (Ana Ribeiro)"}
        if how == "missing":
            for key in r.sample(sorted(fields), r.randint(1, len(fields))):
                del fields[key]
        if atom:
            entries.append("<entry>" + "".join({
                "title": f"<title type='html'>{fields.get('title', '')}</title>", "link": f"<link href='{fields.get('link', '')}'/>",
                "id": f"<id>{fields.get('id', '')}</id>", "date": f"<updated>{fields.get('date', '')}</updated>",
                "content": f"<content type='html'>{fields.get('content', '')}</content>",
                "author": "<author><name>Ana</name></author>"}[k] for k in fields) + "</entry>")
        else:
            entries.append("<item>" + "".join({
                "title": f"<title>{fields.get('title', '')}</title>", "link": f"<link>{fields.get('link', '')}</link>",
                "id": f"<guid>{fields.get('id', '')}</guid>", "date": f"<pubDate>{fields.get('date', '')}</pubDate>",
                "content": f"<description>{fields.get('content', '')}</description>",
                "author": f"<author>{fields.get('author', '')}</author>"}[k] for k in fields) + "</item>")
    decl = '<?xml version="1.0" encoding="utf-8"?>'
    if how == "bad_decl":
        decl = r.choice(('<?xml version="1.0" encoding="bogus"?>', '<?xml version="1.0" encoding="utf-16"?>',
                         '<?xml version="9.9"?>', "<?xml", ""))
    if atom:
        doc = f'{decl}{doctype.replace("rss", "feed")}<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire{ref}</title>{"".join(entries)}</feed>'
    else:
        doc = f'{decl}{doctype}<rss version="2.0"><channel><title>Wire{ref}</title>{"".join(entries)}</channel></rss>'
    if how == "truncated":
        doc = doc[: r.randrange(1, len(doc))]
    elif how == "not_xml":
        doc = r.choice(("Kenya attacked Uganda.", "<rss", "{}", "<html><p>x</p></html>", "<rss version='2.0'>\x00"))
    suffix = ".atom" if atom else r.choice((".rss", ".xml"))
    return Case(f"feed.{how}", suffix, doc.encode("utf-8"), "wire")


# --- all of them ----------------------------------------------------------------------------

GENERATORS: dict[str, Callable] = {
    "txt.nlp": gen_txt_nlp, "txt.encoding": gen_txt_encoding, "txt.empty": gen_txt_empty,
    "txt.controls": gen_txt_controls, "txt.huge": gen_txt_huge, "html": gen_html, "jsonl": gen_jsonl,
    "warc": gen_warc, "feed": gen_feed,
}
# How often each generator is picked in a fuzz run (huge lines are slow to make and to reject).
WEIGHTS = {"txt.nlp": 6, "txt.encoding": 2, "txt.empty": 1, "txt.controls": 1, "txt.huge": 0.3,
           "html": 5, "jsonl": 4, "warc": 4, "feed": 4}
ODD_STEMS = ("story", "a b", "ünïcödé", "😀", "\u202ertl", "-dash", "x" * 200, "semi;colon", "new\nline")


def make_case(r, kind: str | None = None, big: bool = False) -> Case:
    """One hostile input file from generator `kind` (weighted choice when None)."""
    if kind is None:
        kind = r.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    case = GENERATORS[kind](r, big)
    if r.random() < 0.05:
        case.stem = r.choice(ODD_STEMS)
    return case


# --- properties of the outputs --------------------------------------------------------------

EVENT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Errors raised by a stage's crash, caught by the pipeline's safety net: a bug, not bad input.
STAGE_CRASH = re.compile(r"^stage \w+ failed: ")


def valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


def _span_problem(what: str, span, length: int) -> str | None:
    try:
        start, end = span
    except (TypeError, ValueError):
        return f"{what}: not a [start, end] pair: {span!r}"
    if not (isinstance(start, int) and isinstance(end, int)):
        return f"{what}: offsets are not integers: {span!r}"
    if not 0 <= start <= end <= length:
        return f"{what}: span {span!r} outside the text (length {length}) or reversed"
    return None


def record_problems(record: dict) -> list[str]:
    """What breaks the output contract in one `Document.to_record()`."""
    problems = []
    try:
        json.dumps(record, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as exc:
        problems.append(f"record is not JSON-serialisable as UTF-8: {type(exc).__name__}: {exc}"[:300])
    text, n = record["text"], len(record["text"])
    spans = []
    for e in record["entities"]:
        spans += [(f"entity {e['id']} mention", m) for m in e["mentions"]]
    for p in record["places"]:
        spans += [(f"place {p['id']} mention", m) for m in p["mentions"]]
        for key in ("lat", "lon"):
            if isinstance(p[key], float) and not math.isfinite(p[key]):
                problems.append(f"place {p['id']}: {key} is {p[key]}")
    for t in record["times"]:
        spans.append(("time", t["span"]))
    for q in record["quotes"]:
        spans.append((f"quote {q['id']}", q["span"]))
        spans += [(f"quote {q['id']} part", part) for part in q["parts"]]
    for ev in record["events"]:
        spans.append((f"event {ev['id']}", ev["span"]))
        if ev["trigger"] is not None:
            spans.append((f"event {ev['id']} trigger", ev["trigger"]))
        spans += [(f"event {ev['id']} also_span", s) for s in ev["also_spans"]]
    problems += [p for what, span in spans if (p := _span_problem(what, span, n))]
    entity_ids = {e["id"] for e in record["entities"]}
    place_ids = {p["id"] for p in record["places"]}
    quote_ids = {q["id"] for q in record["quotes"]}
    for e in record["entities"]:
        if e["member_of"] is not None and e["member_of"] not in entity_ids:
            problems.append(f"entity {e['id']}: member_of {e['member_of']!r} is no entity")
    for q in record["quotes"]:
        if q["speaker"] is not None and q["speaker"] not in entity_ids:
            problems.append(f"quote {q['id']}: speaker {q['speaker']!r} is no entity")
        problems += [f"quote {q['id']}: via {v!r} is no entity" for v in q["via"] if v not in entity_ids]
    for ev in record["events"]:
        problems += [f"event {ev['id']}: actor {a!r} is no entity"
                     for a in ev["source"] + ev["target"] if a not in entity_ids]
        if ev["place"] is not None and ev["place"] not in place_ids:
            problems.append(f"event {ev['id']}: place {ev['place']!r} is no place")
        if ev["quote"] is not None and ev["quote"] not in quote_ids:
            problems.append(f"event {ev['id']}: quote {ev['quote']!r} is no quote")
        if ev["date"] is not None and not EVENT_DATE.fullmatch(ev["date"]):
            problems.append(f"event {ev['id']}: date {ev['date']!r} is not YYYY[-MM[-DD]]")
    if record["published"] is not None and not valid_date(record["published"]):
        problems.append(f"published {record['published']!r} is not a calendar date YYYY-MM-DD")
    error = record.get("error")
    if error is not None and (not isinstance(error, str) or not error.strip()):
        problems.append(f"error is not a message: {error!r}")
    elif error and STAGE_CRASH.match(error):
        problems.append(f"a stage crashed: {error[:300]}")
    del text
    return problems


def document_problems(doc) -> list[str]:
    """What breaks the output contract in a pipeline `Document` (see `record_problems`)."""
    try:
        record = doc.to_record()
    except Exception as exc:  # noqa: BLE001  reported as a problem, not raised
        return [f"to_record() raised {type(exc).__name__}: {exc}"]
    return record_problems(record)


# --- error messages by kind, for summaries --------------------------------------------------

ERROR_KINDS = (
    ("stage crash", STAGE_CRASH.pattern), ("empty", r"is empty"), ("whitespace only", r"only whitespace"),
    ("binary", r"looks like a binary"), ("too large", r"too large"), ("not UTF-8", r"not valid UTF-8"),
    ("unknown encoding", r"cannot tell the character encoding|unknown encoding|cannot be decoded as"),
    ("surrogate", r"surrogate"), ("malformed JSON", r"malformed JSON"), ("JSON not an object", r"expected a JSON object"),
    ("JSON id", r'"id"'), ("JSON text/html", r'needs a string "text" or "html"'),
    ("JSON field type", r"must be a string"), ("JSON bad date", r"must be a date"),
    ("HTML without text", r"no article text"), ("HTML unparsable", r"cannot parse the HTML"),
    ("WARC truncated", r"truncated"), ("WARC unreadable", r"cannot read the (archive|payload)"),
    ("WARC no pages", r"no HTML pages"), ("WARC empty page", r"archived page is empty|does not look like HTML"),
    ("feed not a feed", r"not an RSS or Atom feed"), ("feed no entries", r"has no entries"),
    ("feed entry without text", r"entry has no text|no text"), ("folder", r"folder has no"),
)


def error_kind(message: str) -> str:
    for kind, pattern in ERROR_KINDS:
        if re.search(pattern, message):
            return kind
    return "other: " + re.sub(r"\d+", "N", message.split(": ", 1)[-1])[:60]
