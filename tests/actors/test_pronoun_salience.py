"""He and she by salience and binding, not recency alone (actors.pronouns for the article's own
text, index.references for quotes): a pronoun that is its sentence's main subject continues
the previous sentence's main subject; an object pronoun never stands for the subject of its own
verb or of the verb that controls its infinitive."""

from __future__ import annotations

from tests._articles import actor_at, analyze_text

from presslens.pipeline import Analyzer


def test_a_main_subject_pronoun_continues_the_previous_main_subject(analyzer: Analyzer) -> None:
    # Macron is the latest man named before "He", inside a relative clause
    doc = analyze_text(analyzer, (
        "Chancellor Olaf Scholz, who met Emmanuel Macron in Paris on Monday, said Germany would "
        "raise its defence budget. He also sent more air defence systems to Ukraine."
    ))
    he = actor_at(doc, "He also")
    assert he is not None and he.name == "Olaf Scholz"
    promises = [r for r in doc.relations if r.target == "Q212"]
    assert promises and {r.source for r in promises} == {he.id}


def test_an_object_pronoun_is_not_the_subject_of_its_verb(analyzer: Analyzer) -> None:
    doc = analyze_text(analyzer, (
        "Vladimir Putin said on Friday that Recep Tayyip Erdoğan had invited him to Ankara for "
        "talks on grain exports."
    ))
    him = actor_at(doc, "him to")
    assert him is not None and him.name == "Vladimir Putin"


def test_an_object_pronoun_in_a_quote_skips_the_controlling_subject(analyzer: Analyzer) -> None:
    doc = analyze_text(analyzer, (
        "«Lula asked Trump to lift the tariffs, and Trump agreed to meet him. Nothing else is "
        "settled,» the economist Marcelo Fontes said."
    ))
    lula, trump = actor_at(doc, "Lula"), actor_at(doc, "Trump")
    assert lula is not None and trump is not None
    found = {(r.source, r.type, r.target) for r in doc.relations}
    assert (trump.id, "CONSULT", lula.id) in found
    assert not any(r.source == trump.id and r.target == trump.id for r in doc.relations)


def test_the_owner_of_a_framing_view_is_the_latest_speaker(analyzer: Analyzer) -> None:
    # Laura Vinter is the latest woman named before "her", but she is spoken about, not speaking
    doc = analyze_text(analyzer, (
        "Speaking with Caspian Herald, the analyst Marta Keel said Baku wanted a quick deal. She "
        "noted that Laura Vinter had visited Yerevan in May. In her view, the "
        "talks will fail before the winter."
    ))
    her = actor_at(doc, "her view")
    assert her is not None and her.name == "Marta Keel"
    framed = [q for q in doc.quotes if doc.text[q.start:q.end].startswith("the talks will fail")]
    assert framed and framed[0].speaker == her.id
