"""Quote stage: one test per quoting convention, attribution pattern and speaker rule.

Every article text here was written for these tests. Most tests build the ``Document`` with
hand-made actors, so that they test the quote rules alone; the tests named ``test_end_to_end_*``
run the full ``Analyzer`` and so depend on the actor stage as well.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from presslens.ingest import RawArticle
from presslens.lexicon.speech import speech_verbs
from presslens.model import Actor, ActorKind, Document, Mention, MentionRole, Quote
from presslens.nlp import load_nlp
from presslens.pipeline import Analyzer
from presslens.quotes import extract_quotes
from presslens.quotes.marks import find_marked_quotes

MARKS = "“”\"«»„‘’'"

PETROSYAN = ("person:petrosyan", "person", "Aram Petrosyan", ["Aram Petrosyan", "Petrosyan"])
IVANOVA = ("person:ivanova", "person", "Elena Ivanova", ["Elena Ivanova", "Ivanova"])
SARGSYAN = ("person:sargsyan", "person", "Davit Sargsyan", ["Davit Sargsyan", "Sargsyan"])
AZERBAIJAN = ("Q227", "country", "Azerbaijan", ["Azerbaijan", "Baku"])
TURKEY = ("Q43", "country", "Turkey", ["Turkey", "Ankara"])
ARMENIA = ("Q399", "country", "Armenia", ["Armenia", "Yerevan"])
MINISTRY = ("institution:mfa_russia", "institution", "Russian Foreign Ministry",
            ["Russian Foreign Ministry", "Foreign Ministry"])

ActorSpec = tuple[str, str, str, list[str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _mentions(text: str, forms: list[str], role: MentionRole = "name") -> list[Mention]:
    found: list[Mention] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if all(m.end() <= x.start or m.start() >= x.end for x in found):
                found.append(Mention(start=m.start(), end=m.end(), text=m.group(), role=role))
    return sorted(found, key=lambda x: x.start)


def analyse(nlp: Language, text: str, *specs: ActorSpec) -> list[Quote]:
    actors = []
    for actor_id, kind, name, forms in specs:
        kind_literal: ActorKind = kind  # type: ignore[assignment]
        actors.append(Actor(id=actor_id, name=name, kind=kind_literal, mentions=_mentions(text, forms)))
    doc = Document(id="test", text=text, actors=actors)
    quotes = extract_quotes(doc, nlp(text))
    # Every quote must also be a valid part of the document (offsets checked by the model).
    Document(id="test", text=text, actors=actors, quotes=quotes)
    return quotes


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


# --- quotation-mark conventions ---------------------------------------------------------------


def test_curly_quotes_with_attribution_before(nlp: Language) -> None:
    text = ("Yerevan, May 3. Political scientist Aram Petrosyan said: “Armenia is being pulled "
            "into a Western orbit, and nobody asked its people.”")
    [quote] = only(analyse(nlp, text, PETROSYAN, ARMENIA), "direct")
    assert quote.text == "Armenia is being pulled into a Western orbit, and nobody asked its people."
    assert quote.speaker == "person:petrosyan"
    assert quote.cue is not None and quote.cue.text == "said"


def test_straight_quotes_with_attribution_after(nlp: Language) -> None:
    text = ('"Baku is dictating terms to Yerevan, and Ankara is writing them," Petrosyan said '
            "on Tuesday.")
    [quote] = only(analyse(nlp, text, PETROSYAN, AZERBAIJAN, TURKEY, ARMENIA), "direct")
    assert quote.text == "Baku is dictating terms to Yerevan, and Ankara is writing them,"
    assert quote.speaker == "person:petrosyan"
    assert quote.actors == ["Q227", "Q399", "Q43"]


def test_guillemets(nlp: Language) -> None:
    text = "«The sanctions have failed and Brussels knows it,» Ivanova told the newspaper."
    [quote] = only(analyse(nlp, text, IVANOVA), "direct")
    assert quote.text == "The sanctions have failed and Brussels knows it,"
    assert quote.speaker == "person:ivanova"


def test_low_high_quotes_and_inverted_order(nlp: Language) -> None:
    text = "„The old treaty is dead and nobody in Moscow mourns it,“ said Ivanova."
    [quote] = only(analyse(nlp, text, IVANOVA), "direct")
    assert quote.text == "The old treaty is dead and nobody in Moscow mourns it,"
    assert quote.speaker == "person:ivanova"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Ivanova"


def test_passive_attribution_after_and_quoted_question(nlp: Language) -> None:
    text = ("“Yerevan has lost the war of narratives.” This was stated by political scientist "
            "Aram Petrosyan. “Who benefits from this silence?” the expert asked.")
    quotes = only(analyse(nlp, text, PETROSYAN, ARMENIA), "direct")
    assert [q.text for q in quotes] == [
        "Yerevan has lost the war of narratives.",
        "Who benefits from this silence?",
    ]
    assert [q.speaker for q in quotes] == ["person:petrosyan", "person:petrosyan"]
    assert [q.cue.text if q.cue else None for q in quotes] == ["stated", "asked"]


def test_nested_single_quotes_stay_inside(nlp: Language) -> None:
    text = ("“They call it ‘partnership’, but it is dependence on 'friends' abroad,” "
            "Petrosyan said.")
    [quote] = only(analyse(nlp, text, PETROSYAN), "direct")
    assert quote.text == "They call it ‘partnership’, but it is dependence on 'friends' abroad,"
    assert quote.speaker == "person:petrosyan"


def test_attribution_in_the_middle_gives_two_quotes_of_one_speaker(nlp: Language) -> None:
    text = ("“The border talks are a theatre,” Petrosyan said. “Every act is written in "
            "Ankara and performed in Baku.”")
    quotes = only(analyse(nlp, text, PETROSYAN, TURKEY, AZERBAIJAN), "direct")
    assert [q.text for q in quotes] == [
        "The border talks are a theatre,",
        "Every act is written in Ankara and performed in Baku.",
    ]
    assert [q.speaker for q in quotes] == ["person:petrosyan", "person:petrosyan"]


def test_headline_statement_with_dash_attribution(nlp: Language) -> None:
    text = ("Armenia is turning into a Western outpost – Petrosyan\nMay 3 2025\n\n"
            "The political scientist Aram Petrosyan spoke to our correspondent about the "
            "new government in Yerevan.")
    quotes = analyse(nlp, text, PETROSYAN, ARMENIA)
    headline = quotes[0]
    assert headline.text == "Armenia is turning into a Western outpost"
    assert headline.speaker == "person:petrosyan"
    assert headline.id == "q1"


def test_quoted_headline_with_descriptor(nlp: Language) -> None:
    text = ("“Baku will not stop at the border”: a political scientist on the new crisis\n"
            "May 3 2025\n\n"
            "The political scientist Aram Petrosyan spoke about Azerbaijan. “The next step is "
            "already planned,” Petrosyan said.")
    quotes = analyse(nlp, text, PETROSYAN, AZERBAIJAN)
    assert quotes[0].kind == "direct"
    assert quotes[0].text == "Baku will not stop at the border"
    assert quotes[0].speaker == "person:petrosyan"


# --- quotes over several paragraphs -----------------------------------------------------------


def test_multi_paragraph_quote_with_reopening_marks(nlp: Language) -> None:
    text = ("Petrosyan was blunt.\n\n"
            "“The government has given up on the corridor. It no longer even pretends.\n\n"
            "“It signs what Baku prepares and calls it peace.\n\n"
            "“This is not diplomacy, this is surrender,” Petrosyan said.")
    [quote] = only(analyse(nlp, text, PETROSYAN, AZERBAIJAN), "direct")
    assert quote.text.startswith("The government has given up")
    assert quote.text.endswith("this is surrender,")
    assert quote.text.count("\n\n") == 2
    assert quote.speaker == "person:petrosyan"


def test_multi_paragraph_quote_with_unmarked_middle_paragraphs(nlp: Language) -> None:
    text = ("– What do you expect from the summit?\n\n"
            "«Nothing good. The agenda was written in Brussels long before the delegations "
            "arrived.\n\n"
            "The statement will speak of partnership. In practice it will mean new conditions "
            "for Yerevan.\n\n"
            "Nobody will ask the voters,» the political scientist Aram Petrosyan said.")
    [quote] = only(analyse(nlp, text, PETROSYAN, ARMENIA), "direct")
    assert quote.text.startswith("Nothing good.")
    assert quote.text.endswith("Nobody will ask the voters,")
    assert quote.text.count("\n\n") == 2
    assert quote.speaker == "person:petrosyan"


def test_marks_module_follows_both_conventions() -> None:
    text = "“One.\n\n“Two.\n\n“Three.”\n\nX «Four\n\nFive\n\nSix,» he said."
    spans = [text[q.start : q.end] for q in find_marked_quotes(text)]
    assert spans == ["One.\n\n“Two.\n\n“Three.", "Four\n\nFive\n\nSix,"]


# --- what is not a quote ----------------------------------------------------------------------


def test_scare_quotes_and_titles_are_not_quotes(nlp: Language) -> None:
    text = ("The government calls its course “pro-Western”, and the minister keeps a copy of "
            "“The Grand Chessboard” on his desk. Critics speak of a “managed democracy”.")
    assert only(analyse(nlp, text), "direct") == []


def test_quoted_phrase_governed_by_a_speech_verb_is_a_quote(nlp: Language) -> None:
    text = ("The Foreign Ministry called the decision “an act of open hostility toward "
            "Moscow”.")
    [quote] = only(analyse(nlp, text, MINISTRY), "direct")
    assert quote.text == "an act of open hostility toward Moscow"
    assert quote.speaker == MINISTRY[0]


# --- indirect quotes --------------------------------------------------------------------------

INDIRECT_CASES = [
    ("According to Petrosyan, Baku is preparing a new offensive in the spring.",
     "Baku is preparing a new offensive in the spring", "According to"),
    ("Baku is preparing a new offensive in the spring, according to Petrosyan.",
     "Baku is preparing a new offensive in the spring", "according to"),
    ("Petrosyan said that Baku was preparing a new offensive in the spring.",
     "Baku was preparing a new offensive in the spring", "said"),
    ("Petrosyan stressed that the talks had collapsed because of Ankara.",
     "the talks had collapsed because of Ankara", "stressed"),
    ("Petrosyan warned that the corridor would be opened by force.",
     "the corridor would be opened by force", "warned"),
    ("Petrosyan told Caspian Herald that the peace treaty was a trap for Yerevan.",
     "the peace treaty was a trap for Yerevan", "told"),
    ("Petrosyan believes the new government has no mandate for these concessions.",
     "the new government has no mandate for these concessions", "believes"),
    ("Petrosyan said the border commission had not met once this year.",
     "the border commission had not met once this year", "said"),
    ("In Petrosyan's view, the mediators have lost interest in the region.",
     "the mediators have lost interest in the region", "In Petrosyan's view"),
    ("As Petrosyan put it, the region is being redrawn without its peoples.",
     "the region is being redrawn without its peoples", "As Petrosyan put it"),
    ("Baku has already chosen its partners, Petrosyan claimed.",
     "Baku has already chosen its partners", "claimed"),
]


@pytest.mark.parametrize(("text", "content", "cue"), INDIRECT_CASES)
def test_indirect_cue_families(nlp: Language, text: str, content: str, cue: str) -> None:
    [quote] = only(analyse(nlp, text, PETROSYAN), "indirect")
    assert quote.text == content
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker == "person:petrosyan"


def test_open_questions_and_predictions_are_not_indirect_quotes(nlp: Language) -> None:
    # ("explained why the talks failed" reports the account given: an indirect quote, see
    # tests/quotes/test_questions.py)
    text = ("Petrosyan would not say whether the talks failed. Petrosyan did not say that the "
            "talks had failed. The press will tell you that Armenia is a threat.")
    assert only(analyse(nlp, text, PETROSYAN, ARMENIA), "indirect") == []


def test_speech_verb_lexicon_is_loaded_from_the_data_file() -> None:
    verbs = speech_verbs()
    assert {"say", "tell", "stress", "warn", "believe", "claim", "argue", "insist"} <= verbs
    assert "ask" not in verbs
    assert all(v == v.strip().lower() and not v.startswith("#") for v in verbs)


# --- speakers ---------------------------------------------------------------------------------


def test_pronoun_speaker_refers_back_to_the_previous_speaker(nlp: Language) -> None:
    text = ("“Moscow has no reason to hurry,” Ivanova said.\n\n"
            "– And Brussels?\n\n"
            "“Brussels has even less reason to hurry,” she added.")
    quotes = only(analyse(nlp, text, IVANOVA), "direct")
    assert [q.speaker for q in quotes] == ["person:ivanova", "person:ivanova"]
    assert quotes[1].speaker_span is not None and quotes[1].speaker_span.text == "she"


def test_title_speaker_is_the_person_introduced_with_that_title(nlp: Language) -> None:
    text = ("Our guest is the political scientist Aram Petrosyan, who has followed the talks "
            "since 2020.\n\n"
            "“The mediators have run out of ideas,” the political scientist said.")
    [quote] = only(analyse(nlp, text, PETROSYAN), "direct")
    assert quote.speaker == "person:petrosyan"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the political scientist"


def test_title_speaker_falls_back_to_the_previous_speaker(nlp: Language) -> None:
    text = ("According to Petrosyan, the mediators have run out of ideas.\n\n"
            "“Nobody in Washington is reading the maps,” the expert said.")
    [quote] = only(analyse(nlp, text, PETROSYAN), "direct")
    assert quote.speaker == "person:petrosyan"


def test_institution_speaker(nlp: Language) -> None:
    text = ("“The decision of the Armenian authorities is a deliberate provocation,” the "
            "Russian Foreign Ministry said in a statement. The ministry said that it would raise "
            "the issue at the Security Council.")
    quotes = analyse(nlp, text, MINISTRY, ARMENIA)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", MINISTRY[0]),
        ("indirect", MINISTRY[0]),
    ]


def test_pronoun_after_another_person_is_named_stays_unresolved(nlp: Language) -> None:
    text = ("“The corridor will be opened this year,” Petrosyan said.\n\n"
            "The talks in Yerevan were also attended by Davit Sargsyan.\n\n"
            "“We are ready for any outcome,” he said.")
    quotes = only(analyse(nlp, text, PETROSYAN, SARGSYAN, ARMENIA), "direct")
    assert [q.speaker for q in quotes] == ["person:petrosyan", None]


def test_unknown_speaker_is_null_not_the_nearest_name(nlp: Language) -> None:
    text = ("Petrosyan met Ivanova in Yerevan on Monday. “Nobody will sign anything before "
            "the elections,” a source in the government said.")
    quotes = only(analyse(nlp, text, PETROSYAN, IVANOVA, ARMENIA), "direct")
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].speaker_span is not None
    assert quotes[0].speaker_span.text == "a source in the government"[: len("a source")]


def test_unattributed_paragraph_continues_the_interviewee(nlp: Language) -> None:
    text = ("“Baku has won the war, but it has not won the peace,” Petrosyan said.\n\n"
            "– What about Ankara?\n\n"
            "“Ankara is waiting for the corridor. It has been waiting for a century.”")
    quotes = only(analyse(nlp, text, PETROSYAN, AZERBAIJAN, TURKEY), "direct")
    assert [q.speaker for q in quotes] == ["person:petrosyan", "person:petrosyan"]
    assert quotes[1].cue is None


def test_unattributed_quote_after_another_person_is_null(nlp: Language) -> None:
    text = ("“Baku has won the war, but it has not won the peace,” Petrosyan said.\n\n"
            "Davit Sargsyan, a former diplomat, disagrees with this view.\n\n"
            "“The peace is closer than ever and everybody in the region knows it.”")
    quotes = only(analyse(nlp, text, PETROSYAN, SARGSYAN, AZERBAIJAN), "direct")
    assert [q.speaker for q in quotes] == ["person:petrosyan", None]


# --- offsets and numbering --------------------------------------------------------------------


def test_offsets_ids_and_marks(nlp: Language) -> None:
    text = ("Baku is dictating terms – Petrosyan\nMay 3 2025\n\n"
            "Political scientist Aram Petrosyan said: “The corridor is a question of months.”\n\n"
            "«Ankara wants it and Moscow will not stop it,» he added. According to Ivanova, "
            "the government in Yerevan has no plan.\n\n"
            '"Everyone is waiting for the elections," Ivanova said.')
    quotes = analyse(nlp, text, PETROSYAN, IVANOVA, AZERBAIJAN, TURKEY, ARMENIA)
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert len(quotes) == 5
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.text[0] not in MARKS and quote.text[-1] not in MARKS
        assert quote.text == quote.text.strip()
        for span in (quote.cue, quote.speaker_span):
            if span is not None:
                assert text[span.start : span.end] == span.text
    assert [q.speaker for q in quotes] == [
        "person:petrosyan", "person:petrosyan", "person:petrosyan", "person:ivanova",
        "person:ivanova",
    ]


def test_deterministic(nlp: Language) -> None:
    text = ("“The corridor is a question of months,” Petrosyan said. According to Ivanova, "
            "Baku has no plan.")
    first = analyse(nlp, text, PETROSYAN, IVANOVA, AZERBAIJAN)
    second = analyse(nlp, text, PETROSYAN, IVANOVA, AZERBAIJAN)
    assert [q.model_dump() for q in first] == [q.model_dump() for q in second]


# --- end to end through the Analyzer (these depend on the actor stage) -----------------------

E2E_ARTICLE = (
    "Azerbaijan is preparing a new war – expert\n"
    "May 3 2025\n\n"
    "The Armenian political scientist Aram Petrosyan told Caspian Herald that Azerbaijan and "
    "Turkey were preparing a new offensive.\n\n"
    "“Baku has moved artillery to the border twice this month. Ankara supplies the drones,” "
    "the political scientist said.\n\n"
    "“Nobody in Brussels wants to see it,” he added.\n"
)


@pytest.fixture(scope="module")
def e2e_quotes() -> tuple[Document, list[Quote]]:
    doc = Analyzer().analyze(RawArticle(text=E2E_ARTICLE, source="<test>"))
    return doc, doc.quotes


def test_end_to_end_speakers_resolve_to_the_person_actor(
    e2e_quotes: tuple[Document, list[Quote]],
) -> None:
    doc, quotes = e2e_quotes
    assert [q.kind for q in quotes] == ["indirect", "indirect", "direct", "direct"]
    speakers = [doc.actor(q.speaker) if q.speaker else None for q in quotes]
    assert all(actor is not None and "Petrosyan" in actor.name for actor in speakers)


def test_end_to_end_actors_inside_quotes(e2e_quotes: tuple[Document, list[Quote]]) -> None:
    _, quotes = e2e_quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert "Q227" in direct[0].actors  # Baku stands for Azerbaijan
    assert "Q43" in direct[0].actors  # Ankara stands for Turkey
