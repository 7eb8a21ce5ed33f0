"""Reading input files and folders into articles, including every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs

STORY = ("Rebel fighters seized a checkpoint near the northern border on Friday, the army said.\n\n"
         "A spokesman said reinforcements had been sent to the area.\n")

PAGE = """<!doctype html>
<html><head>
<title>Port strike halts exports | Harbour Times</title>
<meta property="og:title" content="Port strike halts grain exports for a third day">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Mara Velasquez">
<meta property="article:published_time" content="2022-09-14T07:30:00+00:00">
<link rel="canonical" href="https://harbour-times.example/news/port-strike">
</head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article>
<h1>Port strike halts grain exports for a third day</h1>
<p>Dock workers extended their strike at the country's largest port on Wednesday,
leaving dozens of grain ships waiting at anchor, the port authority said.</p>
<p>The union is demanding a pay rise in line with inflation and says talks with the
port operator broke down on Monday evening.</p>
<p>The transport minister urged both sides to return to the table, warning that
farmers would lose millions if the stoppage continued.</p>
</article>
<footer>Copyright 2022 Harbour Times. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(articles) -> object:
    (article,) = list(articles)
    return article


def test_text_file_gives_one_article_named_after_the_file(tmp_path):
    raw = b"\xef\xbb\xbf" + "Cafe\u0301 owners protested.\r\nThey left.".encode()
    path = write(tmp_path / "border-clash.txt", raw)
    article = only(read_inputs([path]))
    assert (article.id, article.source, article.error) == ("border-clash", str(path), None)
    assert article.text == "Caf\u00e9 owners protested.\nThey left."  # BOM gone, NFC, \n line breaks


def test_html_page_is_converted_with_its_metadata(tmp_path):
    article = only(read_inputs([write(tmp_path / "port.html", PAGE)]))
    assert article.error is None and article.id == "port"
    assert article.title == "Port strike halts grain exports for a third day"
    assert article.published == "2022-09-14"
    assert article.author == "Mara Velasquez"
    assert article.publisher == "Harbour Times"
    assert article.url == "https://harbour-times.example/news/port-strike"
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("Dock workers extended their strike") for p in paragraphs)
    assert paragraphs[-1].startswith("The transport minister urged both sides")
    assert "Home" not in paragraphs and "Copyright" not in article.text


def test_jsonl_lines_become_articles_and_given_fields_win(tmp_path):
    lines = [
        {"id": "a1", "text": STORY, "published": "2023-01-05", "title": "Checkpoint seized"},
        {"id": "a2", "html": PAGE, "title": "Given title", "published": "2022-09-15T10:00:00Z",
         "publisher": "Wire Desk"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = read_inputs([path])
    assert (first.id, first.source, first.published, first.title) == ("a1", f"{path}:1", "2023-01-05",
                                                                      "Checkpoint seized")
    assert first.text == STORY
    assert (second.id, second.source) == ("a2", f"{path}:2")
    assert (second.title, second.published, second.publisher) == ("Given title", "2022-09-15", "Wire Desk")
    assert second.author == "Mara Velasquez"  # not given on the line, so the page's own value is kept
    assert "Dock workers extended their strike" in second.text


def test_folder_is_read_recursively_in_sorted_order_and_bad_files_do_not_stop_it(tmp_path):
    write(tmp_path / "b-empty.txt", "")
    write(tmp_path / "a-story.txt", STORY)
    write(tmp_path / "c" / "d-batch.jsonl", '{"id": "x1", "text": "Talks resumed."}\n{broken\n')
    write(tmp_path / "c" / "e-page.htm", PAGE)
    write(tmp_path / "notes.md", "not an article")
    write(tmp_path / ".hidden" / "skip.txt", STORY)
    articles = list(read_inputs([tmp_path]))
    assert [a.id for a in articles] == ["a-story", "b-empty", "x1", "d-batch:2", "e-page"]
    assert [a.error is None for a in articles] == [True, False, True, False, True]


def test_inputs_keep_the_order_they_were_given_in(tmp_path):
    second, first = write(tmp_path / "z.txt", STORY), write(tmp_path / "a.txt", STORY)
    assert [a.id for a in read_inputs([second, tmp_path / "missing.txt", first])] == ["z", "missing", "a"]


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    article = only(read_inputs([tmp_path / "empty"]))
    assert "empty" in article.error and "no .txt" in article.error


@pytest.mark.parametrize("name, content, problem", [
    ("blank.txt", b"", "file is empty"),
    ("spaces.txt", b"  \n\t\n", "contains only whitespace"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("controls.html", bytes(range(1, 9)) * 40, "binary"),
    ("blank.jsonl", b"\n\n", "contains only whitespace"),
    ("nothing.jsonl", b"", "file is empty"),
    ("frames.jsonl", b'{"id": "v"}\x00\x00\x01', "binary"),
])
def test_unusable_files_fail_with_a_message_naming_the_file(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    article = only(read_inputs([path]))
    assert article.id == path.stem and article.text is None
    assert str(path) in article.error and problem in article.error


def test_text_that_is_not_utf8_is_read_in_the_detected_encoding(tmp_path):
    path = write(tmp_path / "latin.txt", "Protesters in Bogot\u00e1 marched.".encode("cp1252"))
    assert only(read_inputs([path])).text == "Protesters in Bogot\u00e1 marched."
    assert only(read_inputs([path], encoding="cp1252")).text == "Protesters in Bogot\u00e1 marched."


def test_text_in_no_detectable_encoding_says_where_and_suggests_an_encoding(tmp_path):
    path = write(tmp_path / "garbled.txt", b"Protesters in Bogot" + bytes(range(0x80, 0x100)))
    article = only(read_inputs([path]))
    assert str(path) in article.error and "not valid UTF-8" in article.error
    assert "byte offset 19" in article.error and "--encoding" in article.error


def test_text_longer_than_the_limit_is_refused_with_size_and_limit(tmp_path):
    path = write(tmp_path / "dump.txt", "word " * 30)
    article = only(read_inputs([path], max_chars=100))
    assert str(path) in article.error and "150 characters" in article.error and "limit of 100" in article.error


def test_file_far_over_the_limit_is_refused_before_reading(tmp_path):
    path = write(tmp_path / "archive.txt", b"x" * 500)
    article = only(read_inputs([path], max_chars=100))
    assert str(path) in article.error and "500 bytes" in article.error and "limit of 100 characters" in article.error


def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path):
    path = write(tmp_path / "exported.txt", "Talks resumed in Doha.".encode("utf-16"))
    assert only(read_inputs([path])).text == "Talks resumed in Doha."


def test_missing_path_and_unsupported_extension_are_reported(tmp_path):
    missing, pdf = tmp_path / "gone.txt", write(tmp_path / "report.pdf", b"%PDF-1.4 text")
    first, second = read_inputs([missing, pdf])
    assert first.id == "gone" and str(missing) in first.error and "no such file" in first.error
    assert second.id == "report" and str(pdf) in second.error and "unsupported file type '.pdf'" in second.error


@pytest.mark.parametrize("line, problem", [
    ('{"id": "k1", "text": "Shelling resumed."', "malformed JSON"),
    ('["k1", "Shelling resumed."]', "expected a JSON object"),
    ('{"id": 7, "text": "Shelling resumed."}', "non-string \"id\""),
    ('{"text": "Shelling resumed."}', "missing or non-string \"id\""),
    ('{"id": "k1"}', "needs a string \"text\" or \"html\""),
    ('{"id": "k1", "text": ["Shelling resumed."]}', "needs a string \"text\" or \"html\""),
    ('{"id": "k1", "text": "   "}', "text contains only whitespace"),
    ('{"id": "k1", "text": "Shelling resumed.", "published": "last Tuesday"}', "must be a date YYYY-MM-DD"),
    ('{"id": "k1", "text": "Shelling resumed.", "title": 12}', "\"title\" must be a string"),
])
def test_bad_jsonl_line_fails_alone_with_its_line_number(tmp_path, line, problem):
    good = json.dumps({"id": "ok", "text": "Talks resumed on Monday."})
    path = write(tmp_path / "feed.jsonl", f"{good}\n{line}\n{good}\n")
    first, bad, last = read_inputs([path])
    assert first.error is None and last.error is None
    assert bad.id == "feed:2" and bad.source == f"{path}:2"
    assert f"{path} line 2" in bad.error and problem in bad.error


def test_jsonl_line_with_bad_bytes_gives_the_byte_offset_in_the_file(tmp_path):
    good = b'{"id": "ok", "text": "Talks resumed."}\n'
    bad_line = b'{"id": "b", "text": "Caf\xe9"}\n'
    path = write(tmp_path / "mixed.jsonl", good + bad_line)
    ok, bad = read_inputs([path])
    assert ok.error is None and bad.id == "mixed:2"
    assert f"{path} line 2" in bad.error and "not valid UTF-8" in bad.error
    offset = len(good) + bad_line.index(0xE9)
    assert f"byte offset {offset} (byte 0xE9)" in bad.error


def test_html_without_article_text_is_reported(tmp_path):
    path = write(tmp_path / "blank-page.html", "<html><head><title>Nothing</title></head><body></body></html>")
    article = only(read_inputs([path]))
    assert str(path) in article.error and "no article text" in article.error


def test_html_article_cleans_to_its_paragraphs(tmp_path, settings):
    from eventwire.pipeline import Pipeline

    article = only(read_inputs([write(tmp_path / "port.html", PAGE)]))
    doc = Pipeline(settings, ["clean"])(article)
    assert doc.error is None and doc.title == "Port strike halts grain exports for a third day"
    assert doc.text.startswith("Dock workers extended their strike")  # the repeated headline is gone
    assert len(doc.text.split("\n\n")) == 3
