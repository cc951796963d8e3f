"""People: NER's persons, runs of capitals a role noun or surname shows to be people, bare
surnames, and lone names that act as people do ("Picard had accused").

A person's mentions merge however the text words them: a full name with its bare surname
("Petrosyan" after "Davit Petrosyan"), a listed person with the short forms their entry gives
("Assad"), and an interviewer's address by first name and patronymic ("Yegor Viktorovich") with
the person of that first name. A lone capitalised word needs evidence that it is a person
("Karimov said", "according to Karimov"): NER takes rivers and towns for people too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import ADJ, NOUN
from spacy.tokens import Span, Token

from presslens.actors.candidate_names import HONORIFICS, clean_name, is_non_actor, looks_like_name
from presslens.actors.common_nouns import plural_common_noun
from presslens.actors.drafts import ActorDraft, slug
from presslens.actors.gender import GIVEN_NAMES, given_name_gender
from presslens.actors.joined_names import joined_names
from presslens.actors.lone_names import (
    after_determiner,
    dep_is_led_noun,
    is_possessor,
    lone_name_is_person,
    looks_like_surname,
    name_list,
    untagged_name_acts,
)
from presslens.actors.offices import continuing_forms
from presslens.actors.organisations import ORG_TRIGGER_WORDS
from presslens.actors.role_nouns import gender_from_roles, introduced_roles, people_before
from presslens.lexicon import word_set
from presslens.lexicon.speech import speech_verbs

if TYPE_CHECKING:
    from presslens.actors.stage import _Run


# Russian and Ukrainian patronymics ("Yegor Viktorovich", "Inna Pavlovna") and honorifics used
# with a first name ("Batono Levan", Georgian): forms of address in translated interviews
_PATRONYMIC_ENDINGS = tuple(sorted(word_set("name_parts", "patronymic_endings")))
_ADDRESS_HONORIFICS = word_set("name_parts", "address_honorifics")
# "according to Karimov": the lemma of the word before the preposition, then the preposition
_COMMON_WORD_POS = frozenset({NOUN, ADJ})  # spaCy's part-of-speech ids, compared without strings
# the dependencies by which a name modifies the noun after it ("the Kate Steinle case")
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
_THING_ARTICLES = word_set("name_parts", "thing_articles")


def add_people(run: _Run) -> None:
    for name in joined_names(run):  # "John Bolton Richard Grenell": before NER's cuts of the run
        _add_person_entity(run, name)
    for ent in run.ents:
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _given_name_and_surname(ent)):
            _add_person_entity(run, ent)
        elif ent.label_ == "ORG" and len(ent) == 1 and run._free(ent):
            # "Imran" after "Imran Awan", "Brett" after "Brett Kavanaugh": a person named before
            # in full, whom the recogniser takes for an organisation when named by one word
            known = _person_known_as(run, ent)
            if known is not None:
                run._claim(known, ent, "name")
    for candidate in _name_runs(run):
        if run._free(candidate) and _is_person_by_context(run, candidate):
            _add_person_entity(run, candidate)


def _given_name_and_surname(ent: Span) -> bool:
    """Two proper nouns, a given name and a word that looks like a surname and is no word of an
    organisation's name: NER's organisation is a person ("Nikki Haley", "Edward Snowden")."""
    first, last = ent[0], ent[-1]
    return (len(ent) == 2 and first.pos_ == last.pos_ == "PROPN"
            and first.text in GIVEN_NAMES and looks_like_surname(last.text)
            and last.lower_ not in ORG_TRIGGER_WORDS)


def add_acting_names(run: _Run) -> None:
    """Lone names left over once people, surnames and bodies are found, that act as people
    do (``_acts_as_person``): after the others, so that a surname joins the full name it
    continues."""
    for candidate in _name_runs(run) + _names_tagged_as_nouns(run):
        if not (run._free(candidate) and _acts_as_person(run, candidate)):
            continue
        named = next((d for d in people_before(run, candidate.start_char)
                      if d.name.split()[-1] == candidate.text), None)
        if named is not None:  # "Tatar told a rally" after "Ersin Tatar"
            run._claim(named, candidate, "name")
        else:
            _add_person_entity(run, candidate, acting=True)


def _name_runs(run: _Run) -> list[Span]:
    """Maximal runs of capitalised proper nouns (names NER may have missed or mislabelled);
    read once per document (they depend on the parse only)."""
    if run.name_runs is None:
        run.name_runs = _proper_noun_runs(run)
    return run.name_runs


def _proper_noun_runs(run: _Run) -> list[Span]:
    runs: list[Span] = []
    start: int | None = None
    for tok in run.tokens:
        is_name = tok.pos_ == "PROPN" and tok.is_alpha and tok.text[0].isupper()
        if is_name and start is None:
            start = tok.i
        elif not is_name and start is not None:
            runs.append(run.sdoc[start : tok.i])
            start = None
    if start is not None:
        runs.append(run.sdoc[start:])
    return [r for r in runs if 1 <= len(r) <= 3]


def _names_tagged_as_nouns(run: _Run) -> list[Span]:
    """Capitalised words the tagger takes for common nouns inside a sentence, or before a
    possessive ("Ayres quickly responded", "Feigen has apologized", "Gove's announcement"):
    names it does not know, which the organisation pass leaves alone."""
    found = []
    for tok in run.tokens:
        if (tok.pos in _COMMON_WORD_POS and tok.is_alpha and looks_like_surname(tok.text)
                and (_inside_sentence(run, tok) or is_possessor(tok)) and not _title_case(tok)
                and tok.lower_ not in ORG_TRIGGER_WORDS and tok.lower_ not in run.x.titles.all):
            found.append(run.sdoc[tok.i : tok.i + 1])
    return found


def _title_case(tok: Token) -> bool:
    """``tok`` is in a headline written in title case ("Cuomo Referred to Himself as 'Fredo' in
    2010 Radio Interview"), where a capital says nothing of a name."""
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def _inside_sentence(run: _Run, tok: Token) -> bool:
    """A lower-case word or a comma stands before ``tok``: its capital is no sentence's or
    heading's, and it is no part of a longer name ("Pawn Stars’")."""
    before = run.sdoc[tok.i - 1] if tok.i > 0 else None
    return before is not None and not tok.is_sent_start and (
        (before.is_alpha and (before.is_lower or before.is_sent_start)) or before.text == ",")


def _single_name_is_person(run: _Run, span: Span) -> bool:
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in speech_verbs():
        return True  # "Karimov said", "Karimov believes"
    if _is_person_by_context(run, span) or _has_surname_suffix(run, span):
        return True
    if span.text in run.thing_names:
        return False  # "Oreshnik cools hot heads" beside "the Oreshnik missile system"
    # "Cruz offered", "Kasich's": in the text's own words only; an interviewee's answer
    # names places as casually as people ("Barentsburg has lived under this pressure")
    return not run._in_quote(span.start_char) and lone_name_is_person(
        span, run.x.lone_name_cues)


def _acts_as_person(run: _Run, span: Span) -> bool:
    """A lone name NER did not take for a person, or took for a place or body it cannot
    name, that does what people do: the subject of a speech verb or a doer verb in the
    text's own words ("Picard had accused", "Schneiderman has been suing"), or joined to a
    person named beside it ("Rubio and Pompeo")."""
    if len(span) != 1 or run._in_quote(span.start_char):
        return False
    token = span[0]
    if not looks_like_surname(token.text) or (token.ent_type_ == "ORG" and token.pos_ == "PROPN"):
        return False  # an organisation's name (the organisation pass has had it)
    if (not token.ent_type_ and token.pos_ == "PROPN" and token.head.i == token.i + 1
            and dep_is_led_noun(token, run.x.lone_name_cues) and not _title_case(token)):
        return True  # "the Gorsuch hearings": the determiner is the noun's
    if after_determiner(token, run.x.lone_name_cues):
        return False  # "The Ministry rejects": a body's title-case noun, not a name
    if token.ent_type_ and run.x.entries_by_name.get(token.text.lower()) is not None:
        return False  # a place or body the gazetteer knows by this word
    # "Rubio and Pompeo", "criticism of Palin and McCain": a name in a list with a person
    if token.dep_ == "conj":
        return _owned_by_person(run, token.head)
    if any(_owned_by_person(run, m) for m in name_list(token)):
        return True
    if (untagged_name_acts(token, run.x.lone_name_cues) and token.lower_ not in run.x.titles.all
            and not _title_case(token)):
        return True  # "Gingrich currently lags", "Gorsuch's backers" (not "Editor's note")
    head = token.head
    return (token.dep_ == "nsubj" and head.pos_ == "VERB"
            and (head.lemma_ in speech_verbs() or head.lemma_ in run.x.lone_name_cues.doer_verbs))


def _owned_by_person(run: _Run, token: Token) -> bool:
    owner = run.token_owner.get(token.i)
    return owner is not None and run.drafts[owner].kind == "person"


def _has_surname_suffix(run: _Run, span: Span) -> bool:
    last = span[-1].lower_
    return any(last.endswith(sfx) and len(last) > len(sfx) + 2
               for sfx in run.x.titles.surname_suffixes)


def _is_person_by_context(run: _Run, span: Span) -> bool:
    """A run of proper nouns is a person when a role noun introduces it or its surname says so."""
    titles = run.x.titles
    before = run.sdoc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in titles.all and before.pos_ == "NOUN":
        return True  # "political scientist Davit Petrosyan", "spokeswoman Irina Kovaleva"
    if before is not None and before.lower_ in titles.before_names:
        return True  # "Sen. Cruz", "Gov. Kasich"
    if len(span) >= 2 and span[0].lower_ in titles.before_names:
        return True  # "Judge Gorsuch"
    if len(span) >= 2 and span[0].lower_ in HONORIFICS:
        return True  # "Mr Nicholls said": the tagger runs the honorific into the name
    if introduced_roles(run, span):
        return True  # "Davit Petrosyan, a political scientist"
    if _age_follows(span):
        return True  # "charged Musk, 47, with ...": news gives a person's age so
    return len(span) >= 2 and _has_surname_suffix(run, span)


def _age_follows(span: Span) -> bool:
    """The name is followed by an age set off by commas (", 47,"): a number of one to three
    digits below 120 (not a year, not a count of thousands)."""
    doc = span.doc
    if span.end + 2 >= len(doc):
        return False
    comma, number, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
    return (comma.text == "," and closing.text in (",", ".") and number.text.isdigit()
            and len(number.text) <= 3 and int(number.text) < 120)


def _add_person_entity(run: _Run, ent: Span, acting: bool = False) -> None:
    cleaned = clean_name(run, ent)
    if cleaned is None:
        return
    span, gender = cleaned
    if (not run._free(span) or not looks_like_name(span)
            or is_non_actor(run, span, person=True)):
        return
    if len(span) > 5 or any(t.like_num or _has_digit(t.text) for t in span):
        return  # no person's name holds a number: "John 15:22" is a verse, "Route 66" a road
    if len(span) > 1 and _named_with_the(span):
        return  # "the Kuiper Belt", "the Blue Nile", "the Free Beacon": no person's name
    # A person's name holds no possessive: a span running past one names the possessor and
    # what it owns ("George Kennan's Long Telegram", "McMaster's Huma Abedin"): keep the
    # possessor (asked again, now on its own).
    possessive = next((t.i for t in span[1:] if t.tag_ == "POS"), None)
    if possessive is not None:
        span = run.sdoc[span.start:possessive]
        if not looks_like_name(span) or is_non_actor(run, span, person=True):
            return
    if len(span) == 1 and _opens_sentence(span[0]) and span[0].lower in run.lowercase_words:
        return  # "- Blackmail is when ...", the article's "call this blackmail": a common word
    if span.text.lower() in run.x.titles.all:
        return  # "The Chairman of the Council": a title, not a name
    known = _person_known_as(run, span) if len(span) == 1 else None
    if known is not None:
        run._claim(known, span, "name")  # "Assad" after "Bashar al-Assad"
        return
    if len(span) == 1 and not gender and not acting and not _single_name_is_person(run, span):
        return  # "Dniester", "Brussels": a lone capitalised word needs more evidence
    # The title words of a role noun ("Prime Minister X") are not part of the name.
    while len(span) > 1 and (span[0].lower_ in run.x.titles.all
                             or span[0].lower_ in run.x.titles.before_names):
        span = span[1:]
    if span.text.lower() in run.x.titles.every_title:
        return  # "the Cardinal Secretary of State": titles only
    entry = run.x.entries_by_name.get(span.text.lower())
    if entry is not None:
        run._claim(run._draft_for_entry(entry), span, "name")
        return
    if len(span) == 1 and _people_of_a_kind(run, span[0]):
        return  # "German Bishops' idea", "Attorneys backed by ...": a plural noun, not a name
    draft = _person_draft(run, span)
    draft.gender = draft.gender or gender or given_name_gender([t.text for t in span])
    run._claim(draft, span, "name")
    draft.roles.update(introduced_roles(run, span))
    draft.gender = draft.gender or gender_from_roles(run, draft.roles)


def _people_of_a_kind(run: _Run, token: Token) -> bool:
    """A one-word name that is a common noun's plural the article also writes in lower case
    ("Bishops' idea" beside "the bishops"): people of a kind. A surname that is such a plural
    ("Sanders", "Banks") is seldom also a word of the same article; the tagger is no guide here,
    it reads "Sanders said" as a plural noun as often as "Senators will"."""
    return token.lower in run.lowercase_words and plural_common_noun(token.text)


def _named_with_the(span: Span) -> bool:
    """"the" right before a name that heads its own noun phrase: people are not named so ("the
    Kuiper Belt"), though a person's name may modify a noun after "the" ("the Kate Steinle
    case", "the Clinton campaign")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (before is not None and before.lower_ in _THING_ARTICLES and before.pos_ == "DET"
            and span.root.dep_ not in _MODIFIER_DEPS and span.root.tag_ != "NNPS")


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _opens_sentence(token: Token) -> bool:
    """Whether only punctuation (a dialogue dash, a quotation mark) comes before ``token`` in
    its sentence."""
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])


def _person_known_as(run: _Run, span: Span) -> ActorDraft | None:
    """The person named before ``span`` whose short form it is ("Assad", "Lee"), else the one
    person named before it in full whose name opens with it where no one's name ends with it: a
    family name written first ("Mao" after "Mao Ning") or a given name used alone; either way
    that person."""
    earlier = people_before(run, span.start_char)
    for draft in earlier:
        if span.text in continuing_forms(draft):
            return draft
    word = span.text
    if any(d.name.split()[-1] == word for d in earlier):
        return None
    opening = [d for d in earlier if len(d.name.split()) >= 2 and d.name.split()[0] == word]
    return opening[0] if len(opening) == 1 else None


def _person_draft(run: _Run, span: Span) -> ActorDraft:
    """The person this name belongs to: full names merge with their bare surname, and the
    interviewer's address by first name and patronymic ("Yegor Viktorovich, ...") or by
    honorific and first name ("Batono Levan") with the person of that first name."""
    addressed = _addressed_person(run, span)
    if addressed is not None:
        return addressed
    surname = span[-1].text
    full = span.text
    for draft in run.drafts.values():
        if draft.kind != "person":
            continue
        if draft.entry is not None:  # a listed person: a bare surname its entry gives
            if len(span) == 1 and surname in continuing_forms(draft):
                return draft
            continue
        known = draft.name.split()
        if known[-1] != surname:
            continue
        if len(span) == 1 or len(known) == 1 or draft.name == full:
            if len(span) > len(known):
                draft.name = full
            return draft
    key = f"person:{slug(full)}"
    draft = ActorDraft(key, full, "person", None)
    run.drafts[key] = draft
    return draft


def _addressed_person(run: _Run, span: Span) -> ActorDraft | None:
    words = [t.text for t in span]
    if len(words) == 2 and words[1].lower().endswith(_PATRONYMIC_ENDINGS):
        first = words[0]
    elif len(words) == 2 and words[0].lower() in _ADDRESS_HONORIFICS:
        first = words[1]
    else:
        return None
    matches = [d for d in run.drafts.values()
               if d.kind == "person" and len(d.name.split()) >= 2 and d.name.split()[0] == first]
    return matches[0] if len(matches) == 1 else None


def add_surnames(run: _Run) -> None:
    """Bare surnames that NER missed or mislabelled ("Petrosyan added", tagged NORP)."""
    surnames: dict[str, str] = {}
    for draft in run.drafts.values():
        if draft.kind == "person" and draft.entry is None:
            surnames.setdefault(draft.name.split()[-1], draft.key)
    for draft in run.drafts.values():
        if draft.kind == "person":  # "Assad" for "Bashar al-Assad", "Lai" for "Lai Ching-te"
            for form in continuing_forms(draft):
                surnames.setdefault(form, draft.key)
    if not surnames:
        return
    for tok in run.tokens:
        if tok.i in run.taken or tok.text not in surnames:
            continue
        if (tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN"
                and any(c.ent_type_ == "NORP" and c.i < tok.i for c in tok.children)):
            continue  # "Crimean Tatar leaders" after "Ersin Tatar": a people's name, not his
        draft = run.drafts[surnames[tok.text]]
        run._claim(draft, run.sdoc[tok.i : tok.i + 1], "name")
