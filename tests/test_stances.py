"""Stance stage: sign from asserted relations and from evaluative language, holders, evidence."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    """The rule-based stance stage is what these tests specify: the fast profile runs it alone
    (the default profile adds the learned stage's stances on top; tests/pairs/ covers those)."""
    return Analyzer(profile="fast")


def _doc(analyzer: Analyzer, body: str) -> Document:
    text = f"Voices from the region\nMarch 3 2025\n\n{body}\n"
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _signs(doc: Document) -> dict[tuple[str, str], int]:
    out = {}
    for stance in doc.stances:
        holder = stance.holder if stance.holder == "outlet" else doc.actor(stance.holder).name  # type: ignore[union-attr]
        out[(holder, doc.actor(stance.target).name)] = stance.sign  # type: ignore[union-attr]
    return out


def test_speaker_hostile_to_who_threatens_their_side(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Georgian political scientist Nino Beridze explained "
        'her view.\n\n"Moscow threatens us every year," Beridze said.'
    )
    doc = _doc(analyzer, body)
    assert _signs(doc)[("Nino Beridze", "Russia")] == -1


def test_evaluative_language_gives_the_sign(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The Kyiv regime cannot be trusted. '
        'Serbia is a reliable partner," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Ukraine")] == -1
    assert signs[("Ivan Petrov", "Serbia")] == 1


def test_negated_evaluation_flips(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Beijing never lectures anyone," Petrov said.'
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "China")] == 1


def test_outlet_holds_unquoted_text(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Moldova is a mere instrument of Brussels, a puppet without a will.")
    signs = _signs(doc)
    assert signs[("outlet", "Moldova")] == -1
    assert all(holder == "outlet" for holder, _ in signs)


def test_control_portrays_both_ends_negatively(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Baku is a puppet of Ankara," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Azerbaijan")] == -1
    assert signs[("Ivan Petrov", "Turkey")] == -1


def test_backing_an_aggressor_is_hostile(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Poland has attacked Belarus again. '
        'Berlin supports Poland in everything," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Poland")] == -1
    assert signs[("Ivan Petrov", "Germany")] == -1


def test_scores_and_evidence_are_consistent(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"The Kyiv regime lies," Petrov said.'
    doc = _doc(analyzer, body)
    assert doc.stances
    for stance in doc.stances:
        assert -1.0 <= stance.score <= 1.0 and abs(stance.score) >= 0.25
        assert (stance.score > 0) == (stance.sign == 1)
        for ev in stance.evidence:
            assert "Kyiv" in doc.text[ev.start : ev.end]


def test_a_report_in_a_neutral_voice_takes_no_side(analyzer: Analyzer) -> None:
    body = "Poland deployed troops to the Belarusian border on Monday. Minsk protested against the move."
    signs = _signs(_doc(analyzer, body))
    assert not any(holder == "outlet" for holder, _ in signs)


def test_an_evaluating_outlet_keeps_its_stance_from_events(analyzer: Analyzer) -> None:
    body = "The Lithuanian regime lies every day. Poland deployed troops to the Belarusian border on Monday."
    assert _signs(_doc(analyzer, body))[("outlet", "Poland")] == -1


def test_mutual_acts_single_out_no_side(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Baku and Yerevan fought two wars," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert ("Ivan Petrov", "Azerbaijan") not in signs and ("Ivan Petrov", "Armenia") not in signs


def test_two_acts_of_one_sentence_in_opposite_directions_are_not_one_mutual_act(analyzer: Analyzer) -> None:
    # two cues ("abandon", "stood with"), one each way: both count for the speaker
    body = (
        "In an interview with Ural Herald, the Russian political scientist Pavel Grekov spoke "
        'about the drills.\n\n"Our country will not abandon North Korea, which stood with us '
        'when the West turned its back on us," Grekov said.'
    )
    assert _signs(_doc(analyzer, body)).get(("Pavel Grekov", "North Korea")) == 1


def test_what_an_actor_regards_another_as_is_not_the_outlets_own_evaluation(analyzer: Analyzer) -> None:
    body = "Saudi officials regard Pakistan as a brotherly country and a guarantor of the kingdom's security."
    doc = _doc(analyzer, body)
    assert any(a.name == "Pakistan" for a in doc.actors)
    assert ("outlet", "Pakistan") not in _signs(doc)


def test_what_the_outlet_itself_regards_an_actor_as_stays_its_own(analyzer: Analyzer) -> None:
    body = "We regard Pakistan as a brotherly country and a guarantor of our security."
    assert _signs(_doc(analyzer, body)).get(("outlet", "Pakistan")) == 1


def test_so_called_in_a_speakers_reported_clause_marks_nothing_of_the_speakers_side(analyzer: Analyzer) -> None:
    # the speaker uses "so-called"; the clause's reporter is no owner of the mocked words
    body = (
        "Hossein Rahbari, a former Iranian diplomat, told Eastern Gate Review that the plan for a "
        "so-called \u201cZangezur corridor\u201d across southern Armenia is aimed at cutting Iran off "
        "from Armenia."
    )
    doc = _doc(analyzer, body)
    assert any(a.name == "Hossein Rahbari" for a in doc.actors)
    assert _signs(doc).get(("Hossein Rahbari", "Iran")) != -1


def test_a_passive_portrays_its_agent_not_the_one_it_befalls(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Serbs are tired of being lectured by Brussels," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert signs.get(("Ivan Petrov", "European Union")) == -1
    assert ("Ivan Petrov", "Serbia") not in signs


def test_possessor_of_a_relational_noun_is_not_its_referent(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Only Serbia has ever stood between Montenegro '
        'and its enemies," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs.get(("Ivan Petrov", "Montenegro")) != -1


def test_evaluative_participle_and_wider_lexicon(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The OSCE is paralysed. Hungary is a '
        'trustworthy neighbour, and Croatia is a warmonger," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Organization for Security and Co-operation in Europe")] == -1
    assert signs[("Ivan Petrov", "Hungary")] == 1
    assert signs[("Ivan Petrov", "Croatia")] == -1


# --- sarcasm markers -----------------------------------------------------------------------------


def test_so_called_marks_the_owner_of_the_words(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Chisinau has handed its courts to foreigners, '
        'and its so-called reforms are written elsewhere," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Moldova")] == -1


def test_scare_quotes_around_what_an_actor_calls_something(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"What Ankara calls the ‘Turkic world’ is a '
        'line on a map," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Turkey")] == -1


def test_scare_quotes_in_a_wire_report_are_attribution(analyzer: Analyzer) -> None:
    body = (
        'Officials in Minsk have described the plan as "a defensive shield", and Warsaw said on '
        "Monday that the works would continue."
    )
    assert not any(holder == "outlet" for holder, _ in _signs(_doc(analyzer, body)))


def test_as_if_mocks_the_subject(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Vilnius is building a fence through the forest, '
        'as if the forest itself were the enemy," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Lithuania")] == -1


# --- verb phrases, passives, anaphora -------------------------------------------------------------


def test_verb_phrases_portray_their_subject(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Moscow has lost the trust of the whole '
        'region. When the border was shelled, the CSTO did nothing," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Russia")] == -1
    assert signs[("Ivan Petrov", "Collective Security Treaty Organization")] == -1


def test_done_so_repeats_the_verb_phrase_before_it(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"We need friends who keep their word, and so far '
        'only the Chinese have done so," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "China")] == 1


def test_evaluative_verb_with_a_passive_agent(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The truce was brokered by Doha after months '
        'of quiet work," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Qatar")] == 1


def test_an_evaluative_deed_done_by_its_subject(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Brussels has chosen blackmail over dialogue," '
        "Petrov said."
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "European Union")] == -1


# --- what is not asserted ----------------------------------------------------------------------------


def test_what_an_actor_is_expected_to_do_is_no_praise(analyzer: Analyzer) -> None:
    body = (
        "The Kremlin said on Friday that it expected Yerevan to honour the agreements it had "
        "signed, and Moscow would protect its base."
    )
    signs = _signs(_doc(analyzer, body))
    assert ("outlet", "Armenia") not in signs and ("outlet", "Russia") not in signs


def test_a_hypothetical_deed_is_not_held_against_anyone(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Then Yerevan decided that Paris would protect '
        'it better," Petrov said.'
    )
    assert _signs(_doc(analyzer, body)).get(("Ivan Petrov", "France")) != 1


def test_not_blaming_is_no_praise(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"I do not blame Washington for having '
        'interests," Petrov said.'
    )
    assert ("Ivan Petrov", "United States") not in _signs(_doc(analyzer, body))


def test_allies_predicated_of_two_actors_say_how_they_stand_to_each_other(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Greece and Cyprus are allies," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert ("Ivan Petrov", "Greece") not in signs and ("Ivan Petrov", "Cyprus") not in signs


def test_a_demonym_next_to_a_possessor_names_the_friend(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"We hope that our Armenian friends will see '
        'through this game," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Armenia")] == 1


def test_a_puppet_counts_once_however_many_masters(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Moldova is steered by Brussels and by '
        'Bucharest," Petrov said.'
    )
    doc = _doc(analyzer, body)
    moldova = [s for s in doc.stances if s.target == "Q217"]
    assert moldova and moldova[0].score == pytest.approx(-0.4)


# --- own side ---------------------------------------------------------------------------------------


def test_an_analyst_may_portray_their_own_state(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Serbian political scientist Milan Jovic explained his "
        'view.\n\n"Brussels blackmails Serbia every year, Washington sanctions Serbia, and Pristina '
        'threatens Serbia. Serbia has always defended its people," Jovic said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Milan Jovic", "Serbia")] == 1
    assert signs[("Milan Jovic", "European Union")] == -1


def test_a_spokeswoman_speaks_of_her_state_by_office(analyzer: Analyzer) -> None:
    body = (
        'Serbian Foreign Ministry spokeswoman Ana Ilic spoke to reporters.\n\n"Brussels blackmails '
        'Serbia every year, Washington sanctions Serbia, and Pristina threatens Serbia," Ilic said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert ("Ana Ilic", "Serbia") not in signs
    assert signs[("Ana Ilic", "European Union")] == -1


def test_an_op_ed_speaking_as_a_nation_has_a_side(analyzer: Analyzer) -> None:
    body = (
        "Every week brings a new fence from our western neighbours. Our country is no threat to "
        "anyone. Warsaw has moved tanks towards Belarus, and NATO has deployed battalions against "
        "Belarus. Belarus did not choose this confrontation, and it will defend the peace."
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("outlet", "Poland")] == -1
    assert signs[("outlet", "Belarus")] == 1


def test_what_others_say_is_not_the_holders_view(analyzer: Analyzer) -> None:
    body = (
        "Every week brings a new fence from our western neighbours. The free press of Warsaw "
        "will tell you that Minsk is a threat and a puppet."
    )
    assert ("outlet", "Belarus") not in _signs(_doc(analyzer, body))


def test_interview_prompts_are_not_the_outlets_voice(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the analyst Ivan Petrov explained his view.\n\n"
        "– Is Moscow a so-called guarantor that lies to everyone?\n\n"
        '"No," Petrov said.'
    )
    assert not any(holder == "outlet" for holder, _ in _signs(_doc(analyzer, body)))
    body = (
        "Speaking with Harbour Times, the analyst Ivan Petrov explained his view.\n\n"
        "Q: The Kyiv regime lies to everyone. Does Brussels pretend not to see it.\n\n"
        '"No," Petrov said.'
    )
    assert not any(holder == "outlet" for holder, _ in _signs(_doc(analyzer, body)))


# --- speech acts, reproaches, blame ------------------------------------------------------------------


def test_a_reported_accusation_is_the_accusers_stance(analyzer: Analyzer) -> None:
    body = (
        "Georgia's Foreign Ministry on Thursday accused the European Union of political "
        'blackmail.\n\n"The decision has no legal basis," the ministry said in a statement.'
    )
    doc = _doc(analyzer, body)
    ministry = next(a for a in doc.actors if a.kind == "institution")
    stance = next(s for s in doc.stances if s.holder == ministry.id)
    assert doc.actor(stance.target).name == "European Union" and stance.sign == -1  # type: ignore[union-attr]
    assert not any(s.holder == "outlet" for s in doc.stances)  # the wire voice itself takes no side


def test_a_denial_is_not_a_stance(analyzer: Analyzer) -> None:
    body = (
        "Azerbaijan's Defence Ministry said that Armenian units had opened fire on Azerbaijani "
        "positions. Armenia's Defence Ministry rejected the claim within an hour.\n\n"
        '"Our units did not fire," the Armenian ministry said.'
    )
    doc = _doc(analyzer, body)
    holders = {doc.actor(s.holder).name for s in doc.stances if s.holder != "outlet"}  # type: ignore[union-attr]
    assert any("Azerbaijan" in h for h in holders)
    assert not any("Armenia" in h for h in holders)


def test_failing_to_respond_is_a_reproach(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The CSTO did not respond when the border was '
        'shelled," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Collective Security Treaty Organization")] == -1


def test_no_comment_is_news_routine(analyzer: Analyzer) -> None:
    body = (
        "The French embassy in Ankara did not respond to a request for comment. The Turkish regime "
        "lies, an editorial said."
    )
    assert ("outlet", "France") not in _signs(_doc(analyzer, body))


def test_blame_lies_with_the_named_side_only(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"If the talks collapse, the responsibility will '
        'lie with Brussels, not with Belgrade," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "European Union")] == -1
    assert ("Ivan Petrov", "Serbia") not in signs


def test_predicate_only_adjectives(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"President Erdoğan has been very clear. Russia\'s '
        'clear violation of the ceasefire changed nothing," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Recep Tayyip Erdoğan")] == 1
    assert signs.get(("Ivan Petrov", "Russia")) != 1


def test_coordinated_adjectives_weigh_together(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Prime Minister Nikol Pashinyan is sincere but '
        'weak," Petrov said.'
    )
    assert ("Ivan Petrov", "Nikol Pashinyan") not in _signs(_doc(analyzer, body))


def test_doing_more_than_others_is_praise(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Qatar has done more for the release of hostages '
        'than all Western capitals combined," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Qatar")] == 1


def test_a_plural_pronoun_stands_for_the_whole_coordination(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The European Union and the United States came '
        'late, and they came with lectures. I do not blame them for having interests. I blame '
        'them for pretending," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "European Union")] == -1
    assert signs[("Ivan Petrov", "United States")] == -1


# --- contrast, irrelevance, views of third parties ------------------------------------------------


def test_not_a_but_b_negates_only_a(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The truth is that Kosovo is not a state but a '
        'project," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Kosovo")] == -1


def test_having_nothing_to_do_with_its_purpose(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"NATO\'s presence in the Balkans has nothing to do '
        'with peacekeeping," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "NATO")] == -1


def test_blocking_an_actor_the_holder_opposes_is_no_mark_against_the_blocker(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Kosovo is not a state but a project. Moscow '
        'blocks Kosovo at the United Nations," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs.get(("Ivan Petrov", "Russia")) != -1
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Moscow blocks Kosovo at the United Nations," Petrov said.'
    assert _signs(_doc(analyzer, body)).get(("Ivan Petrov", "Russia")) == -1


def test_offering_talks_says_nothing_of_the_other_side(analyzer: Analyzer) -> None:
    body = (
        "Every week brings a new fence from our western neighbours. Belarus is no threat to "
        "anyone. Minsk has proposed consultations on border security to Warsaw three times this "
        "year. Warsaw did not reply once."
    )
    assert _signs(_doc(analyzer, body))[("outlet", "Poland")] == -1


# --- who the words are about ------------------------------------------------------------------------


def test_moving_away_with_the_parsers_adverb(analyzer: Analyzer) -> None:
    body = (
        '"Visa-free travel rests on shared values, and the Georgian authorities have chosen to '
        'move away from them," said Henrik Vallo, a spokesperson for the European Commission.'
    )
    assert _signs(_doc(analyzer, body))[("Henrik Vallo", "Georgia")] == -1


def test_people_named_by_a_place(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Paris has an embassy here, and so has Tehran. '
        'Those who try to drag the region into a new war – in Paris or in Tehran – will fail. We '
        'were elected by our citizens, not by bureaucrats in Brussels," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "France")] == -1
    assert signs[("Ivan Petrov", "Iran")] == -1
    assert signs[("Ivan Petrov", "European Union")] == -1


def test_the_victim_of_an_occupation_is_portrayed_with_sympathy(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Caspian Herald, the Azerbaijani analyst Rauf Guliyev explained his view.\n\n"
        '"Azerbaijan won the war. Without Ankara, the occupation of our lands would have lasted '
        'another thirty years," Guliyev said.'
    )
    assert _signs(_doc(analyzer, body))[("Rauf Guliyev", "Azerbaijan")] == 1
    body = 'The analyst Ivan Petrov spoke to us.\n\n"The occupation of Crimea began in 2014," Petrov said.'
    assert ("Ivan Petrov", "Ukraine") not in _signs(_doc(analyzer, body))  # a victim alone is no stance


def test_he_in_a_quote_is_the_person_it_last_named(analyzer: Analyzer) -> None:
    body = (
        'The Russian expert Yelena Orlova spoke to us.\n\n"Pashinyan knows this. He has already '
        'given away Karabakh, and his Western sponsors want more," Orlova said.'
    )
    assert _signs(_doc(analyzer, body))[("Yelena Orlova", "Nikol Pashinyan")] == -1


def test_the_ministrys_spokeswoman_speaks_for_its_state(analyzer: Analyzer) -> None:
    body = (
        "Moldova's Foreign Ministry said on Tuesday that the drills were illegal.\n\n"
        "The ministry's spokeswoman, Daniela Rusu, told reporters that Russia's ambassador had "
        "been summoned to the ministry and handed a note of protest."
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Daniela Rusu", "Russia")] == -1
    assert ("Daniela Rusu", "Moldova") not in signs


def test_the_one_that_did_it_is_the_subject_of_the_copula(analyzer: Analyzer) -> None:
    body = (
        'The Russian expert Yelena Orlova spoke to us.\n\n"For centuries the Armenian Apostolic '
        'Church has been the one institution that survived every empire," Orlova said.'
    )
    assert _signs(_doc(analyzer, body))[("Yelena Orlova", "Armenian Apostolic Church")] == 1


def test_breaking_a_nations_will(analyzer: Analyzer) -> None:
    body = (
        "In an interview, the Serbian political scientist Milan Jovic argued that the European "
        "Union was using the dialogue with Pristina to break Serbia's will."
    )
    assert _signs(_doc(analyzer, body))[("Milan Jovic", "European Union")] == -1


def test_a_negated_self_statement_is_an_assurance(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Russian expert Yelena Orlova explained her view.\n\n"
        '"We will not pretend that we do not see it, and we will not lie to our friends. Russia '
        'does not interfere," Orlova said.'
    )
    assert ("Yelena Orlova", "Russia") not in _signs(_doc(analyzer, body))


def test_what_the_holders_side_is_asked_to_do_is_not_done(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Danube Daily, the Serbian analyst Dragan Ilic explained his view.\n\n"
        '"Brussels wants us to sanction Russia, to recognise Kosovo and to thank them for the '
        'privilege," Ilic said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert ("Dragan Ilic", "Kosovo") not in signs and ("Dragan Ilic", "Russia") not in signs


def test_what_the_holders_side_is_told_to_do_in_a_that_clause_is_not_done(analyzer: Analyzer) -> None:
    # a demand's "that" clause is demanded, not asserted, as its infinitive is
    body = (
        "The Serbian analyst Petar Ilic said in an interview on Monday that Belgrade would not "
        "change its course.\n\n"
        '"Washington demands that we break all ties with Russia. Every year the list grows '
        'longer," Ilic said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert ("Petar Ilic", "Russia") not in signs
    assert signs.get(("Petar Ilic", "United States")) == -1  # the demand itself stays


def test_what_the_outlet_reports_in_its_own_name_is_its_own_voice(analyzer: Analyzer) -> None:
    body = (
        "Russia's Foreign Ministry on Wednesday condemned NATO exercises in Lithuania, calling them "
        "a rehearsal for a blockade, reports Baltic Wire.\n\n"
        '"Vilnius is acting on instructions from Washington," the ministry said in a statement.'
    )
    doc = _doc(analyzer, body)
    holders = {s.holder for s in doc.stances}
    assert not any(h.startswith("media:") for h in holders)
    ministry = next(a.id for a in doc.actors if a.kind == "institution")
    assert any(s.holder == ministry and s.target == "Q7184" and s.sign == -1 for s in doc.stances)


# --- salience and framing ---------------------------------------------------------------------------


def test_an_actor_named_once_in_a_list_is_a_side_figure(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Today the Armenian government is steered by '
        'advisers from Washington and Paris. Paris sells howitzers to Yerevan and lectures '
        'everyone," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "France")] == -1
    assert ("Ivan Petrov", "United States") not in signs


def test_according_to_frames_the_rest_of_the_sentence(analyzer: Analyzer) -> None:
    body = (
        "The Serbian analyst Milan Jovic spoke to us.\n\nAccording to Jovic, Moscow remains the "
        "only member of the Security Council that keeps its word."
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Milan Jovic", "Russia")] == 1
    assert not any(holder == "outlet" for holder, _ in signs)


def test_an_evaluative_compound_names_its_head(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The puppet government in Chisinau signs '
        'everything," Petrov said.'
    )
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "Moldova")] == -1


def test_it_after_a_coordinated_non_actor_subject_is_that_subject(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n– But Moscow did not intervene in 2023.\n\n'
        '"That is the favourite argument of our opponents, and it is dishonest," Petrov said.'
    )
    assert ("Ivan Petrov", "Russia") not in _signs(_doc(analyzer, body))


def test_reported_praise_is_the_praisers_stance(analyzer: Analyzer) -> None:
    body = (
        "Germany's Foreign Ministry on Monday praised Armenia for its reforms.\n\n"
        '"The talks will continue next month," the ministry said in a statement.'
    )
    doc = _doc(analyzer, body)
    ministry = next(a.id for a in doc.actors if a.kind == "institution")
    assert any(s.holder == ministry and s.target == "Q399" and s.sign == 1 for s in doc.stances)
    assert not any(s.holder == "outlet" for s in doc.stances)


def test_a_list_of_prepositional_phrases_is_a_list(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Moldova is steered by Brussels and by Bucharest. '
        'Brussels lies to everyone," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "European Union")] == -1
    assert ("Ivan Petrov", "Romania") not in signs


def test_a_report_of_good_deeds_takes_no_side(analyzer: Analyzer) -> None:
    body = "Ankara offered on Monday to mediate between Baku and Yerevan, and Doha brokered a truce."
    assert not any(holder == "outlet" for holder, _ in _signs(_doc(analyzer, body)))
    body = "The Lithuanian regime lies every day. " + body  # an op-ed's voice
    assert _signs(_doc(analyzer, body))[("outlet", "Qatar")] == 1


def test_titles_of_other_people_near_the_name_are_not_the_speakers(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Serbian political scientist Milan Jovic, who once advised "
        "Prime Minister Ana Brnabic, explained his view.\n\n"
        '"Brussels blackmails Serbia every year, Washington sanctions Serbia, and Pristina '
        'threatens Serbia. Serbia has always defended its people," Jovic said.'
    )
    assert _signs(_doc(analyzer, body))[("Milan Jovic", "Serbia")] == 1
