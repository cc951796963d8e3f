"""The actor stage on short articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.ingest import RawArticle
from presslens.model import Actor, Document, Meta
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str, outlet: str | None = None,
             published: str | None = None) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test",
                                       meta=Meta(outlet=outlet, published=published)))


def _by_id(doc: Document) -> dict[str, Actor]:
    return {a.id: a for a in doc.actors}


def _roles(actor: Actor) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in actor.mentions]


def test_every_mention_points_at_its_text(analyzer: Analyzer) -> None:
    text = "Moscow insisted on Tuesday that Baku and Yerevan must sign the text in Brussels."
    doc = _analyze(analyzer, text)
    assert doc.actors
    for actor in doc.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_capital_as_government_is_a_mention_of_the_state(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Moscow insisted that the ceasefire must hold, while Baku kept silent.")
    actors = _by_id(doc)
    assert ("Moscow", "metonym") in _roles(actors["Q159"])
    assert ("Baku", "metonym") in _roles(actors["Q227"])
    assert actors["Q159"].name == "Russia" and actors["Q159"].kind == "country"


def test_capital_as_place_is_recorded_as_a_place(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The delegates met at a conference in Moscow last week.")
    assert _roles(_by_id(doc)["Q159"]) == [("Moscow", "place")]


def test_seats_of_government_and_state_names_merge(analyzer: Analyzer) -> None:
    text = (
        "The Kremlin accused Washington of meddling. Russia said the White House was lying, "
        "and the United States denied it."
    )
    actors = _by_id(_analyze(analyzer, text))
    assert {"Kremlin", "Russia"} <= {m.text for m in actors["Q159"].mentions}
    assert {"Washington", "White House", "United States"} <= {m.text for m in actors["Q30"].mentions}
    assert actors["Q30"].wikidata == "Q30"


def test_demonyms_and_pro_forms_are_the_state_not_a_person(analyzer: Analyzer) -> None:
    text = "The pro-Azerbaijani media attacked Armenian officials again, the analyst Tigran Avetisyan said."
    doc = _analyze(analyzer, text)
    actors = _by_id(doc)
    assert ("Azerbaijani", "demonym") in _roles(actors["Q227"])
    assert ("Armenian", "demonym") in _roles(actors["Q399"])
    people = [a for a in doc.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Tigran Avetisyan"]


def test_full_name_and_surname_are_one_person_without_qid(analyzer: Analyzer) -> None:
    text = (
        "Political scientist Davit Petrosyan spoke to reporters in Yerevan. "
        "Petrosyan added that the talks had failed. Later Petrosyan left."
    )
    doc = _analyze(analyzer, text)
    people = [a for a in doc.actors if a.kind == "person"]
    assert len(people) == 1
    person = people[0]
    assert person.name == "Davit Petrosyan"
    assert person.wikidata is None
    assert [m.text for m in person.mentions if m.role == "name"] == [
        "Davit Petrosyan", "Petrosyan", "Petrosyan"
    ]


def test_role_nouns_and_pronouns_resolve_to_the_person(analyzer: Analyzer) -> None:
    text = (
        "Armenian political scientist Davit Petrosyan gave an interview on Monday.\n\n"
        "The expert believes the region is changing. According to the political scientist, "
        "talks are stalled. He also said the mediators had failed."
    )
    doc = _analyze(analyzer, text)
    person = next(a for a in doc.actors if a.kind == "person")
    roles = _roles(person)
    assert ("The expert", "title") in roles
    assert ("the political scientist", "title") in roles
    assert ("He", "pronoun") in roles


def test_pronoun_respects_gender_from_role_noun(analyzer: Analyzer) -> None:
    text = (
        "Sergei Volkov, a Russian diplomat, arrived first. The ministry's spokeswoman Irina Kovaleva "
        "spoke after him. She said the talks were over."
    )
    doc = _analyze(analyzer, text)
    kovaleva = next(a for a in doc.actors if a.name == "Irina Kovaleva")
    volkov = next(a for a in doc.actors if a.name == "Sergei Volkov")
    assert ("She", "pronoun") in _roles(kovaleva)
    assert ("him", "pronoun") in _roles(volkov)


def test_office_noun_with_demonym_resolves_through_the_gazetteer(analyzer: Analyzer) -> None:
    # dated: a title is its holder on the article's date (undated and unnamed: nobody)
    doc = _analyze(analyzer, "The Russian president refused to meet the envoy.",
                   published="2025-06-01")
    putin = _by_id(doc).get("Q7747")
    assert putin is not None
    assert ("The Russian president", "title") in _roles(putin)


def test_unresolvable_role_noun_adds_no_mention(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The minister refused to comment on the border.")
    assert [a for a in doc.actors if a.kind == "person"] == []


def test_documents_regions_and_routes_are_not_actors(analyzer: Analyzer) -> None:
    text = (
        "The Zangezur corridor and the new Constitution divide the South Caucasus. "
        "The referendum was postponed, and the Middle Corridor was discussed in Nakhchivan."
    )
    doc = _analyze(analyzer, text)
    names = {m.text for a in doc.actors for m in a.mentions}
    for not_actor in ("Zangezur", "Constitution", "South Caucasus", "Middle Corridor", "Nakhchivan"):
        assert not any(not_actor in n for n in names), names


def test_adjective_inside_a_name_belongs_to_that_name(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Armenian Apostolic Church condemned the decision.")
    church = next(a for a in doc.actors if "Church" in a.name)
    assert church.mentions[0].text == "Armenian Apostolic Church"
    assert all(a.id != "Q399" for a in doc.actors)


def test_alliances_leaders_and_parties_are_linked(analyzer: Analyzer) -> None:
    text = (
        "NATO and the CSTO traded accusations. Vladimir Putin met Recep Tayyip Erdogan, "
        "and Georgian Dream welcomed the meeting."
    )
    doc = _analyze(analyzer, text)
    actors = _by_id(doc)
    assert actors["Q7184"].kind == "alliance"
    csto = next(a for a in doc.actors if a.mentions[0].text == "CSTO")
    assert csto.kind == "alliance" and csto.name.startswith("Collective Security")
    assert actors["Q7747"].kind == "person"
    assert any(a.kind == "person" and "Erdo" in a.name and a.wikidata for a in doc.actors)
    dream = next(a for a in doc.actors if a.name == "Georgian Dream")
    assert dream.kind == "party"
    assert all(a.id != "Q230" for a in doc.actors), "Georgian inside the party name is not Georgia"


def test_the_named_outlet_is_a_media_actor(analyzer: Analyzer) -> None:
    text = "Speaking with Caspian Herald, the analyst said little. Caspian Herald will publish more."
    doc = _analyze(analyzer, text, outlet="Caspian Herald")
    outlet = next(a for a in doc.actors if a.kind == "media")
    assert outlet.name == "Caspian Herald"
    assert len(outlet.mentions) == 2


def test_extra_gazetteer_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- qid: Q4115189\n  name: Sandbox Republic\n  kind: country\n  names: [Sandbox Republic]\n"
        "  capitals: [Sandville]\n"
        "- qid: Q399\n  name: Republic of Armenia\n  kind: country\n  names: [Armenia]\n",
        encoding="utf-8",
    )
    analyzer = Analyzer(gazetteer_path=extra)
    doc = _analyze(analyzer, "Sandville accused Armenia of stalling.")
    actors = _by_id(doc)
    assert actors["Q4115189"].mentions[0].role == "metonym"
    assert actors["Q399"].name == "Republic of Armenia"


def test_analysis_is_deterministic(analyzer: Analyzer) -> None:
    text = "Baku and Moscow signed the deal. Davit Petrosyan said he doubted it would last."
    assert _analyze(analyzer, text) == _analyze(analyzer, text)


def test_ministries_are_institutions_of_their_state(analyzer: Analyzer) -> None:
    text = (
        "Russia's Foreign Ministry condemned the closures. \"This is persecution,\" the Foreign "
        "Ministry said. The Ministry of Defence of Armenia and the Azerbaijani Defence Ministry "
        "stayed silent."
    )
    doc = _analyze(analyzer, text)
    institutions = {a.name: a for a in doc.actors if a.kind == "institution"}
    russian = next(a for name, a in institutions.items() if "Russia" in name)
    assert [m.text for m in russian.mentions] == ["Russia's Foreign Ministry", "Foreign Ministry"]
    assert "Armenian Defence Ministry" in institutions
    assert "Azerbaijani Defence Ministry" in institutions


def test_a_lone_capitalised_word_is_not_a_person_without_evidence(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Troops crossed the Dniester at dawn. Karimov said it was a provocation.")
    people = [a.name for a in doc.actors if a.kind == "person"]
    assert people == ["Karimov"]


def test_capitals_naming_documents_and_places_of_villages_are_not_actors(analyzer: Analyzer) -> None:
    text = (
        "Nobody kept the promises of the Budapest Memorandum or the Minsk accords, the analyst "
        "said. Shells fell near the village of Cobasna and north of Kharkiv."
    )
    doc = _analyze(analyzer, text)
    ids = {a.id for a in doc.actors}
    assert "Q28" not in ids and "Q184" not in ids  # Hungary, Belarus
    assert not any(a.name in ("Cobasna", "Kharkiv") for a in doc.actors)


def test_brussels_stands_for_the_european_union(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Brussels demanded that Chisinau speed up the reforms.")
    actors = _by_id(doc)
    assert ("Brussels", "metonym") in _roles(actors["Q458"])
    assert ("Chisinau", "metonym") in _roles(actors["Q217"])


def test_each_line_starts_a_sentence(analyzer: Analyzer) -> None:
    sdoc = analyzer.nlp("Baku is a puppet of Ankara, says expert\nNovember 29 2025, 11:30\n\nMoscow said.")
    starts = [s.text.split()[0] for s in sdoc.sents if s.text.strip()]
    assert starts[:3] == ["Baku", "November", "Moscow"]


def test_words_of_a_title_before_a_name_are_not_an_organisation(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Every appeal is read by Supreme Leader Ali Khamenei as weakness.")
    assert [a.name for a in doc.actors] == ["Ali Khamenei"]


def test_a_ministry_the_gazetteer_names_whole_is_referred_back_to(analyzer: Analyzer) -> None:
    text = (
        "The Japanese Foreign Ministry summoned the ambassador. The Foreign Ministry said it "
        "regretted the step. The Philippines' Foreign Ministry protested as well."
    )
    doc = _analyze(analyzer, text)
    japan = next(a for a in doc.actors if a.name == "Ministry of Foreign Affairs of Japan")
    assert [m.text for m in japan.mentions] == ["Japanese Foreign Ministry", "Foreign Ministry"]
    manila = next(a for a in doc.actors if "Philippines" in a.name)
    assert manila.kind == "institution"
    assert [m.text for m in manila.mentions] == ["Philippines' Foreign Ministry"]


# --- forms of address, institutes, places the tagger calls organisations ----------------------


def test_an_address_by_first_name_and_patronymic_is_the_interviewee(analyzer: Analyzer) -> None:
    text = (
        "Speaking with Volga Courier, the Russian analyst Gleb Zarubin explained his view.\n\n"
        "– Gleb Andreyevich, is Armenia leaving the CSTO?\n\n“It has already left,” Zarubin said."
    )
    doc = _analyze(analyzer, text)
    people = [a for a in doc.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Gleb Zarubin"]
    assert "Gleb Andreyevich" in [m.text for m in people[0].mentions]


def test_an_honorific_with_a_first_name_is_the_interviewee(analyzer: Analyzer) -> None:
    text = (
        "The Georgian political scientist Levan Gogiberidze spoke to us.\n\n"
        "– Batono Levan, who stands behind the protests?\n\n“Brussels,” Gogiberidze said."
    )
    doc = _analyze(analyzer, text)
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Levan Gogiberidze"]


def test_an_expert_institute_after_at_is_an_organisation(analyzer: Analyzer) -> None:
    text = (
        "Dušan Radojičić, a senior fellow at the Institute for Balkan Security Studies, and "
        "Inna Sevastyanova, a senior researcher at the Centre for Arctic Policy, disagreed."
    )
    names = {a.name for a in _analyze(analyzer, text).actors if a.kind == "organization"}
    assert {"Institute for Balkan Security Studies", "Centre for Arctic Policy"} <= names


def test_places_in_lists_and_before_place_nouns_are_not_organisations(analyzer: Analyzer) -> None:
    text = (
        "Al-Sharaa went to Moscow to discuss the Russian bases at Hmeimim and Tartus. Pakistan "
        "closed the Torkham crossing for weeks, and Norway kept open the ports of Tromsø, Kirkenes "
        "and Båtsfjord."
    )
    names = {a.name for a in _analyze(analyzer, text).actors}
    assert not names & {"Tartus", "Torkham", "Båtsfjord", "Hmeimim"}


def test_a_bare_title_is_not_a_person(analyzer: Analyzer) -> None:
    text = "The Chairman of the Transitional Sovereignty Council, General Abdel Fattah al-Burhan, spoke."
    assert "Chairman" not in {a.name for a in _analyze(analyzer, text).actors}


def test_a_bare_ministry_is_the_one_the_statement_is_about(analyzer: Analyzer) -> None:
    text = (
        "The Ministry of Foreign Affairs of Sudan condemns the attacks. The Sudanese Foreign "
        "Ministry has shown that the drones came from abroad, which the Emirati Foreign Ministry "
        "denies. The Ministry rejects this claim."
    )
    doc = _analyze(analyzer, text)
    last = doc.text.rindex("Ministry rejects")
    owner = [a for a in doc.actors for m in a.mentions if m.start == last]
    assert owner and "Sudan" in owner[0].name


# --- who "he said" is, and whose quote follows an interviewer's question ---------------------


def test_he_who_speaks_is_the_last_speaker_not_a_person_spoken_about(analyzer: Analyzer) -> None:
    text = (
        "Speaking with Andes Dispatch, the Venezuelan political scientist Julián Barreto explained "
        "the crisis.\n\nAccording to Barreto, the reward offered for Nicolás Maduro's arrest is a "
        "bounty. He noted that the designation of the cartel allows Washington to strike anyone."
    )
    doc = _analyze(analyzer, text)
    he = doc.text.index("He noted")
    owner = [a.name for a in doc.actors for m in a.mentions if m.start == he]
    assert owner == ["Julián Barreto"]


def test_a_person_named_in_the_interviewers_question_does_not_answer(analyzer: Analyzer) -> None:
    text = (
        "In an interview with Barents Courier, the Russian political scientist Inna Sevastyanova "
        "spoke about Norway.\n\n– Inna Pavlovna, Foreign Minister Espen Barth Eide says the "
        "trawlers serve Russia's military. How serious is this?\n\n“It is the most serious blow "
        "to our cooperation in half a century.\n\n“Norway follows the line that Brussels draws,” "
        "she said."
    )
    doc = _analyze(analyzer, text)
    answer = [q for q in doc.quotes if q.text.startswith("It is the most serious blow")]
    speaker = doc.actor(answer[0].speaker) if answer and answer[0].speaker else None
    assert speaker is not None and speaker.name == "Inna Sevastyanova"


def test_a_headline_title_noun_is_the_person_the_lede_introduces_with_it(analyzer: Analyzer) -> None:
    text = (
        "Paris is arming Yerevan to spite Ankara, says Turkish analyst\nMarch 3 2025\n\n"
        "The Istanbul-based security analyst Emre Kaya told Marmara Monitor that France's arms "
        "sales to Armenia are a quarrel with Turkey. Emmanuel Macron has said they are defensive."
    )
    doc = _analyze(analyzer, text)
    headline = [q for q in doc.quotes if q.start < text.index("\n")]
    assert headline and doc.actor(headline[0].speaker or "") is not None
    assert doc.actor(headline[0].speaker or "").name == "Emre Kaya"  # type: ignore[union-attr]
