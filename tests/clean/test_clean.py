"""The clean stage on scraped pages of several layouts, all written for these tests."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Document
from eventwire.pipeline import Pipeline
from eventwire.clean.stage import Cleaner, clean_text, find_dates, line_kind

PROMO_CAPTION_PAGE = """Subscribe to our Telegram channel for breaking updates from the region!

Ministers agree on new water-sharing deal for the Jordan valley

Farmers irrigate fields near Jericho. (Lena Haddad, Wikimedia Commons)
March 3, 2022

Water ministers from three countries signed an agreement on Thursday that sets new quotas for the Jordan valley, officials said.

"This is a first step," the Jordanian minister told reporters in Amman.

Advertisement

The deal still needs the approval of each parliament before it can take effect.

Share this article
"""

BYLINE_PAGE = """World | Asia

Protesters gather outside parliament in Colombo as fuel shortage deepens

By Priya Ramanathan and Tom Ellis
Updated: 14 July 2022, 09:45 GMT

Thousands of protesters gathered outside the parliament building on Wednesday, demanding the resignation of the prime minister.
Police used tear gas to disperse a crowd that tried to break through the barricades, witnesses said.
Read more: Sri Lanka's president leaves the country
(Reporting by Priya Ramanathan; Editing by Tom Ellis)
"""

WIRE_PAGE = """KABUL, Aug 17 (Reuters) - Taliban leaders held talks with a former president on Tuesday, two officials said.

The talks came two days after the group's fighters entered the capital.
"""

CLEAN_STORY = """By Monday, the troops had left the northern town, residents said.

Follow-up talks are planned for next week in Geneva, according to the foreign ministry.

“We will not accept any deal that ignores our demands,” the rebel commander told a crowd of supporters.

Subscribers to the news service received the statement first, by email from the ministry.
"""


def kinds(result) -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in result.removed]


def test_promo_title_caption_and_date_are_taken_out_of_the_body():
    result = clean_text(PROMO_CAPTION_PAGE)
    assert result.title == "Ministers agree on new water-sharing deal for the Jordan valley"
    assert result.published == "2022-03-03"
    assert kinds(result) == [
        ("promo", "Subscribe to our Telegram channel for breaking updates from the region!"),
        ("title", "Ministers agree on new water-sharing deal for the Jordan valley"),
        ("caption", "Farmers irrigate fields near Jericho. (Lena Haddad, Wikimedia Commons)"),
        ("dateline", "March 3, 2022"),
        ("promo", "Advertisement"),
        ("share", "Share this article"),
    ]
    assert result.text == (
        "Water ministers from three countries signed an agreement on Thursday that sets new quotas for the"
        " Jordan valley, officials said.\n\n"
        "\"This is a first step,\" the Jordanian minister told reporters in Amman.\n\n"
        "The deal still needs the approval of each parliament before it can take effect.")


def test_byline_updated_date_section_label_and_trailing_links():
    result = clean_text(BYLINE_PAGE)
    assert result.title == "Protesters gather outside parliament in Colombo as fuel shortage deepens"
    assert result.author == "Priya Ramanathan and Tom Ellis"
    assert result.published == "2022-07-14"
    assert [kind for kind, _ in kinds(result)] == ["header", "title", "byline", "dateline", "related", "credit"]
    # one paragraph per line when the page put paragraphs on single lines
    assert result.text.split("\n\n") == [
        "Thousands of protesters gathered outside the parliament building on Wednesday, demanding the"
        " resignation of the prime minister.",
        "Police used tear gas to disperse a crowd that tried to break through the barricades, witnesses said.",
    ]


def test_wire_dateline_is_cut_from_the_first_sentence_and_its_date_noted():
    result = clean_text(WIRE_PAGE)
    assert kinds(result) == [("dateline", "KABUL, Aug 17 (Reuters) -")]
    assert result.text.startswith("Taliban leaders held talks with a former president on Tuesday")
    assert result.dateline == "XXXX-08-17"
    assert result.published is None  # no year anywhere: the date stays unknown
    assert result.title is None


def test_wire_dateline_year_comes_from_a_date_line():
    page = ("Posted on 18 August 2021\n\nWASHINGTON (AP) — The Pentagon said on Wednesday it would send more"
            " troops to the airport.\n\nOfficials said the evacuation would continue.")
    result = clean_text(page)
    assert result.published == "2021-08-18"
    assert kinds(result) == [("dateline", "Posted on 18 August 2021"), ("dateline", "WASHINGTON (AP) —")]
    assert result.text.startswith("The Pentagon said on Wednesday")


@pytest.mark.parametrize("dateline, body", [
    ("GAZA CITY, Aug. 17 (Xinhua) -- ", "Rockets were fired overnight, the army said."),
    ("NEW DELHI: ", "India evacuated its diplomats on Tuesday, a spokesman said."),
    ("Beirut, Lebanon, Aug 4, 2020 (AFP) – ", "A huge blast shook the port on Tuesday evening."),
])
def test_wire_dateline_forms(dateline, body):
    result = clean_text(dateline + body)
    assert result.text == body
    assert kinds(result) == [("dateline", dateline.strip())]


def test_clean_story_comes_out_unchanged():
    result = clean_text(CLEAN_STORY)
    assert result.text == CLEAN_STORY.strip()
    assert result.removed == [] and result.title is None and result.published is None and result.author is None


def test_whitespace_is_normalised_but_words_are_kept():
    raw = "  Rebels  seized\u00a0the town on Friday,\tofficials said.  \r\n\r\n\r\nThe army\u200b denied it.\n"
    assert clean_text(raw).text == "Rebels seized the town on Friday, officials said.\n\nThe army denied it."


def test_hard_wrapped_paragraph_is_joined_not_mistaken_for_a_headline():
    raw = ("Police in the capital arrested dozens of demonstrators on Saturday\n"
           "after a march against rising food prices turned violent, the interior\n"
           "ministry said in a statement issued late in the evening.\n\nThe ministry said 14 officers were hurt.")
    result = clean_text(raw)
    assert result.title is None and result.removed == []
    first = result.text.split("\n\n")[0]
    assert first.endswith("turned violent, the interior ministry said in a statement issued late in the evening.")


def test_question_headline_is_the_title_only_inside_an_evident_header():
    page = ("Advertisement\nWill the ceasefire in Gaza hold?\nBy Sam Okafor | Posted on 5 June 2023\n\n"
            "Egyptian mediators said on Monday that both sides had agreed to extend the truce by a week.")
    result = clean_text(page)
    assert (result.title, result.author, result.published) == ("Will the ceasefire in Gaza hold?", "Sam Okafor",
                                                               "2023-06-05")
    story = "Will the ceasefire hold?\n\nEgyptian mediators said both sides had agreed to extend the truce."
    assert clean_text(story).text == story


def test_given_title_and_date_win_and_the_title_line_is_removed():
    page = ("Gaza truce extended by a week | Northgate Herald\n\n12 May 2023\n\n"
            "Mediators said on Monday that both sides had agreed to extend the truce.")
    result = clean_text(page, title="Gaza truce extended by a week", published="2023-05-13")
    assert result.title == "Gaza truce extended by a week"
    assert result.published == "2023-05-13"
    assert [kind for kind, _ in kinds(result)] == ["title", "dateline"]
    assert result.text == "Mediators said on Monday that both sides had agreed to extend the truce."


def test_a_lone_headline_like_line_is_kept_as_the_body():
    assert clean_text("Troops withdraw from border town").text == "Troops withdraw from border town"


def test_only_promo_lines_leave_an_empty_body():
    result = clean_text("Follow us on Twitter\n\nSign up for our newsletter\n\nClick here to read more")
    assert result.text == ""
    assert [kind for kind, _ in kinds(result)] == ["promo", "promo", "promo"]


@pytest.mark.parametrize("line", [
    "Soldiers patrol the border crossing on Monday. (Photo: Omar Said)",
    "Smoke rises over the harbour after the strike. Photo by Ana Ruiz",
    "Residents queue for bread in the old city / AFP",
    "A protester waves a flag outside the embassy. AFP via Getty Images",
    "Troops board a transport plane. (AP Photo/Jon Marks)",
    "Delegates arrive for the summit. REUTERS/Kim Lee",
    "Image: The damaged bridge over the river",
    "File photo of the presidential palace",
    "The new terminal at the city airport. (Courtesy of the transport ministry)",
])
def test_caption_credit_forms(line):
    assert line_kind(line) == "caption"


@pytest.mark.parametrize("line", [
    "Join our WhatsApp group for daily headlines", "Join us on Telegram!", "Sign up for our newsletter",
    "Follow Jane Roe on Twitter",
    "Click here to watch the interview", "ADVERTISEMENT", "Story continues below advertisement",
])
def test_promo_forms(line):
    assert line_kind(line) == "promo"


@pytest.mark.parametrize("line, expected", [
    ("17 August 2021", "2021-08-17"), ("Aug. 17, 2021", "2021-08-17"), ("2021-08-17T09:30:00Z", "2021-08-17"),
    ("Published: Tuesday, August 17, 2021 10:02 AM EDT", "2021-08-17"), ("Updated 17 Aug 2021", "2021-08-17"),
    ("Posted on August 17, 2021 by Jane Roe", "2021-08-17"),
])
def test_date_line_forms(line, expected):
    page = f"{line}\n\nThe council voted on Tuesday to suspend the mayor, a spokesman said."
    result = clean_text(page)
    assert result.published == expected
    assert result.text == "The council voted on Tuesday to suspend the mayor, a spokesman said."


def test_published_date_wins_over_updated_date():
    page = ("Updated: 20 March 2022\nPublished: 18 March 2022\n\n"
            "The central bank raised interest rates again, the governor said.")
    assert clean_text(page).published == "2022-03-18"


@pytest.mark.parametrize("line", [
    "Subscribers to the service received the report a day early.",
    "By Sunday, the fighters had taken the city.",
    "The photo by the agency showed the damaged bridge.",
    "Follow the money, the prosecutor told the court on Monday.",
    "Join us, the rebel group said in a statement on Friday.",
    "Copyright lawsuits against the broadcaster rose sharply last year.",
    "Reporting by state media suggested the toll was far higher.",
    "Print media were banned from the court for the rest of the trial.",
])
def test_body_prose_is_not_noise(line):
    assert line_kind(line) is None


def test_find_dates_rejects_impossible_dates_and_reads_partial_ones_only_on_request():
    assert find_dates("on 2021-13-40 and 31 June 2021") == []
    assert [value for _, value in find_dates("17 August 2021 or 2021-08-18")] == ["2021-08-17", "2021-08-18"]
    assert find_dates("Aug 17") == []
    assert find_dates("Aug 17", partial=True) == [((0, 6), "XXXX-08-17")]


def test_cleaner_stage_fills_the_document_and_keeps_given_values(settings):
    doc = Document(id="d1", source="test", raw_text=BYLINE_PAGE, title="Colombo protest grows")
    Cleaner(settings)(doc)
    assert doc.title == "Colombo protest grows"
    assert doc.published == "2022-07-14"
    assert doc.author == "Priya Ramanathan and Tom Ellis"
    assert doc.text.startswith("Thousands of protesters gathered")
    assert {item.kind for item in doc.removed} >= {"byline", "dateline", "related"}


def test_clean_runs_in_a_pipeline_and_verbatim_leaves_text_alone(settings):
    article = Article(id="a1", source="test", text=PROMO_CAPTION_PAGE)
    cleaned = Pipeline(settings, ["clean"])(article)
    assert cleaned.error is None and cleaned.published == "2022-03-03"
    assert cleaned.text.startswith("Water ministers")
    assert Pipeline(settings, ["verbatim"])(article).text == PROMO_CAPTION_PAGE


def test_bare_date_inside_the_body_is_kept_but_a_labelled_one_goes():
    page = ("Flood timeline: how the river burst its banks\n\n"
            "The river rose steadily through the spring, officials said.\n\n"
            "March 3, 2022\n\nThe first levee failed south of the city.\n\nUpdated: 5 March 2022 14:10 GMT")
    result = clean_text(page)
    assert "March 3, 2022\n\nThe first levee failed" in result.text
    assert kinds(result)[-1] == ("dateline", "Updated: 5 March 2022 14:10 GMT")
    assert result.published == "2022-03-05"


@pytest.mark.parametrize("line, kind", [
    ("© 2022 Harbour Times. All rights reserved.", "copyright"), ("Copyright 2021 Northgate Herald", "copyright"),
    ("Tweet | Email | Print", "share"), ("Read more: Parliament suspends mayor", "related"),
    ("Tags: floods, climate", "related"), ("(Reporting by Omar Said; Editing by Ann Poe)", "credit"),
])
def test_trailing_boilerplate_forms(line, kind):
    assert line_kind(line) == kind


def test_crowded_header_with_site_name_dek_and_image_credits():
    page = ("Home > World > Middle East\nThe Northgate Herald\n"
            "Lebanon's parliament fails for a tenth time to elect a president\n"
            "Lawmakers remain split between two camps backed by rival regional powers\n"
            "By Rami Khoury in Beirut\nThu 19 Jan 2023 14.05 GMT\n5 min read\n"
            "Image source, Getty Images\nImage caption, Lawmakers leave the parliament building in Beirut\n"
            "Lebanon's parliament failed on Thursday to elect a new president for the tenth time.\n"
            "Speaker Nabih Berri adjourned the session after no candidate won the required majority.\n"
            "More on this story\nTopics: Lebanon, Middle East\n")
    result = clean_text(page)
    assert result.title == "Lebanon's parliament fails for a tenth time to elect a president"
    assert (result.author, result.published) == ("Rami Khoury", "2023-01-19")
    assert [kind for kind, _ in kinds(result)] == ["header", "header", "title", "byline", "dateline", "header",
                                                   "caption", "caption", "related", "related"]
    assert result.text.split("\n\n") == [
        "Lawmakers remain split between two camps backed by rival regional powers",  # the standfirst stays
        "Lebanon's parliament failed on Thursday to elect a new president for the tenth time.",
        "Speaker Nabih Berri adjourned the session after no candidate won the required majority.",
    ]
