"""The parse stage: spaCy paragraph by paragraph."""

from eventwire.parse import paragraphs


def test_parse_paragraphs_join_back_to_the_text():
    text = "Headline without a period\n\nFirst sentence. Second one.\n \nLast paragraph"
    assert "".join(paragraphs(text)) == text
    assert len(paragraphs(text)) == 3


def test_parse_headline_is_not_run_into_the_next_paragraph(run_stages):
    doc = run_stages("Rebels seize border town\n\nThe rebels entered the town on Monday.", upto="parse")
    assert [s.text.strip() for s in doc.parse.sents] == ["Rebels seize border town", "The rebels entered the town on Monday."]
