"""What several stages know and share. World knowledge: countries and their names (`countries`),
the GeoNames gazetteer (`gazetteer`), the actor dictionary (`actor_dictionary`), the built-in
data files of `eventwire/data/` (`files`) and numbers written as words (`numbers`). Readings of a
document that more than one stage makes: which entity a token belongs to (`entity_index`), the date
a time expression gives an event or a quote (`dates`), and when two tellings are one event
(`event_identity`). Reads data files only.
"""
