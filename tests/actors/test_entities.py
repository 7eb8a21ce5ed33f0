"""The entities stage: finding actors, coding them, and merging every mention of one actor."""

from __future__ import annotations

import pytest


def entities(run_stages, text):
    return run_stages(text, upto="entities")


def mention_texts(doc, entity):
    return [doc.text[m.start:m.end] for m in entity.mentions]


def by_name(doc, name):
    found = [e for e in doc.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.code) for e in doc.entities]
    return found[0]


def entity_covering(doc, text):
    """The entity with a mention whose text is exactly `text`."""
    found = [e for e in doc.entities if text in mention_texts(doc, e)]
    assert len(found) == 1, [(e.name, mention_texts(doc, e)) for e in doc.entities]
    return found[0]


def test_entities_full_name_and_surname_merge(run_stages):
    doc = entities(run_stages, "Defence Minister Amara Osei visited the border on Monday. "
                               "Osei said the army would stay.")
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Amara Osei"
    assert mention_texts(doc, people[0]) == ["Amara Osei", "Osei"]


def test_entities_transliteration_variants_merge(run_stages):
    doc = entities(run_stages, "Mullah Abdul Karim Rahimi led the delegation. "
                               "Later, Mullah Rahimy told reporters the talks had ended.")
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Mullah Abdul Karim Rahimi"
    assert mention_texts(doc, people[0]) == ["Mullah Abdul Karim Rahimi", "Mullah Rahimy"]


@pytest.mark.parametrize("text, names", [
    ("John Mwangi met John Kariuki in Nairobi on Friday.", ["John Mwangi", "John Kariuki"]),
    ("Interior Minister Grace Achieng met Grace Wanjiru, an opposition leader, on Thursday.",
     ["Grace Achieng", "Grace Wanjiru"]),
])
def test_entities_shared_given_name_stays_separate(run_stages, text, names):
    doc = entities(run_stages, text)
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert [p.name for p in people] == names
    assert all(len(p.mentions) == 1 for p in people)


def test_entities_country_and_demonym_merge_with_iso3(run_stages):
    doc = entities(run_stages, "Kenya deployed troops to the border. Kenyan officials said the move was temporary.")
    kenya = by_name(doc, "Kenya")
    assert kenya.type == "GPE"
    assert kenya.code == "KEN"
    assert {"Kenya", "Kenyan"} <= set(mention_texts(doc, kenya))


@pytest.mark.parametrize("text, phrase, code", [
    ("The Afghan government condemned the attack.", "Afghan government", "AFGGOV"),
    ("Kenyan officials blamed the opposition for the unrest.", "Kenyan officials", "KENGOV"),
    ("Kenyan troops clashed with al-Shabaab in Mogadishu.", "Kenyan troops", "KENMIL"),
    ("Kenyan riot police dispersed the crowd.", "Kenyan riot police", "KENCOP"),
    ("Kenyan police officers dispersed the crowd.", "Kenyan police officers", "KENCOP"),
])
def test_entities_country_adjective_with_sector_word(run_stages, text, phrase, code):
    doc = entities(run_stages, text)
    entity = entity_covering(doc, phrase)
    assert entity.type == "ORG"
    assert entity.code == code


@pytest.mark.parametrize("text, mention, name, code, kind", [
    ("Hezbollah said its fighters had withdrawn.", "Hezbollah", "Hezbollah", "LBNINS", "name"),
    ("Supporters of #Hezbollah gathered outside the embassy.", "#Hezbollah", "Hezbollah", "LBNINS", "hashtag"),
    ("Al-Shabaab claimed the bombing.", "Al-Shabaab", "al-Shabaab", "SOMINS", "name"),
    ("The Houthi rebels fired a drone at the port.", "Houthi rebels", "Houthis", "YEMREB", "name"),
])
def test_entities_dictionary_group_gets_its_code(run_stages, text, mention, name, code, kind):
    doc = entities(run_stages, text)
    entity = entity_covering(doc, mention)
    assert (entity.name, entity.type, entity.code) == (name, "ORG", code)
    assert next(m.kind for m in entity.mentions if doc.text[m.start:m.end] == mention) == kind


def test_entities_group_fighters_are_the_group(run_stages):
    doc = entities(run_stages, "Taliban fighters entered the city on Sunday.")
    assert len(doc.entities) == 1
    taliban = doc.entities[0]
    assert (taliban.name, taliban.code) == ("Taliban", "AFGINS")
    assert sorted(mention_texts(doc, taliban)) == ["Taliban", "Taliban fighters"]


@pytest.mark.parametrize("text, name, code", [
    ("Kenyan President Samuel Otieno condemned the violence.", "Samuel Otieno", "KENGOV"),
    ("Ghanaian President Kwame Mensah praised the ceasefire.", "Kwame Mensah", "GHAGOV"),
])
def test_entities_titled_person_after_country_adjective_gets_gov_code(run_stages, text, name, code):
    doc = entities(run_stages, text)
    person = by_name(doc, name)
    assert person.type == "PERSON"
    assert person.code == code


@pytest.mark.parametrize("text, group, person", [
    ("Hamas issued a statement on Monday. Its leader, Yahya Sinwar, said the group would respond.",
     "Hamas", "Yahya Sinwar"),
    ("The Taliban and its leader, Haibatullah Akhundzada, rejected the plan.",
     "Taliban", "Haibatullah Akhundzada"),
])
def test_entities_its_leader_is_member_of_group(run_stages, text, group, person):
    doc = entities(run_stages, text)
    member = by_name(doc, person)
    assert doc.entity(member.member_of).name == group
    assert member.code == by_name(doc, group).code


@pytest.mark.parametrize("text, group, references", [
    ("Al-Shabaab claimed the attack. The group said it had targeted a military base.",
     "al-Shabaab", ["The group", "it"]),
    ("The Taliban said on Monday that it would respect the agreement. "
     "The group also said it would not attack foreign troops.",
     "Taliban", ["it", "The group", "it"]),
])
def test_entities_the_group_and_it_resolve_to_organisation(run_stages, text, group, references):
    doc = entities(run_stages, text)
    entity = by_name(doc, group)
    assert entity.type == "ORG"
    texts = mention_texts(doc, entity)
    assert texts[1:] == references
    kinds = [m.kind for m in entity.mentions[1:]]
    assert kinds == ["nominal" if r.lower() == "the group" else "pronoun" for r in references]
    assert len([e for e in doc.entities if e.type == "ORG" and e.code == entity.code]) == 1


def test_entities_its_leader_belongs_to_the_group_not_the_city(run_stages):
    doc = run_stages("Hezbollah held a rally in Beirut. Its leader, Hassan Nasrallah, addressed the crowd.", upto="entities")
    leader = next(e for e in doc.entities if e.name == "Hassan Nasrallah")
    assert doc.entity(leader.member_of).name == "Hezbollah"
    assert leader.code == "LBNINS"


@pytest.mark.parametrize("text, name, code", [
    ("Kenyan police arrested dozens of protesters on Saturday.", "Kenyan police", "KENCOP"),
    ("Nigerian troops withdrew from the town.", "Nigerian troops", "NGAMIL"),
])
def test_entities_country_and_sector_noun_make_one_coded_actor(run_stages, text, name, code):
    doc = run_stages(text, upto="entities")
    assert next(e.code for e in doc.entities if e.name == name) == code
