"""People in a Russian article: natasha's PER entities the gazetteer lacks (named in the
nominative, with ids from the Latin transliteration), their later surname-only and inflected
mentions, the interviewer's address by first name and patronymic, role nouns ("политолог",
"президент Азербайджана") and third-person pronouns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presslens.actors.russian import Draft
from presslens.actors.russian_lexicon import fold, label_word_keys, latin
from presslens.actors.stage import _slug
from presslens.model import MentionRole

if TYPE_CHECKING:
    from presslens.actors.russian import RussianRun

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def add_people(run: RussianRun) -> None:
    """Full names first, so that a surname alone, before or after, joins the full name."""
    stripped = {_strip_titles(run, s, e) for s, e, label in run.entity_of.values()
                if label == "PER"}
    for start, end in sorted(stripped, key=lambda span: (-(span[1] - span[0]), span[0])):
        if end <= start or not run.free(start, end):
            continue
        if not all(run.tokens.words[n].text[:1].isupper() for n in range(start, end)):
            continue
        if end - start == 1:
            _add_single_name(run, start)
        else:
            _add_full_name(run, start, end)
    _add_surnames(run)


def _strip_titles(run: RussianRun, start: int, end: int) -> tuple[int, int]:
    """"Тюрколог Веретенникова": natasha sometimes takes the role noun into the name."""
    while start < end and (run.lemma(start) in run.words.titles
                           or fold(run.tokens.words[start].text) in run.words.honorifics
                           or not run.tokens.words[start].text[:1].isupper()):
        start += 1
    return start, end


def _gender(run: RussianRun, start: int, end: int) -> str:
    """By an honorific before the name ("госпожа"), else by natasha's gender of its words."""
    if start > 0:
        honorific = run.words.honorifics.get(fold(run.tokens.words[start - 1].text))
        if honorific:
            return honorific
    genders = {g for n in range(start, end) for g in run.tokens.words[n].morph.get("Gender", [])}
    return "f" if "Fem" in genders else "m" if "Masc" in genders else ""


def nominative(run: RussianRun, n: int, gender: str) -> str:
    """The nominative of name word ``n`` ("Семёнова" -> "Семёнов" for a man), by pymorphy2's
    name lexemes of the case natasha gave it; a word it cannot place stays as written."""
    from presslens.nlp_ru import load_russian

    token = run.tokens.words[n]
    case = _CASES.get(next(iter(token.morph.get("Case", [])), "Nom"), "nomn")
    if case == "nomn" or "-" in token.text:
        return token.text
    want = "femn" if gender == "f" else "masc"
    for parse in load_russian().morph_vocab.parse(token.text):
        grammemes = set(parse.tag.grammemes)
        if not (_NAME_GRAMMEMES & grammemes) or case not in grammemes:
            continue
        if gender and want not in grammemes and "ms-f" not in grammemes:
            continue
        inflected = parse.inflect({"Nom"})  # natasha's MorphForm takes UD names
        if inflected is not None:
            word = inflected.word
            return word[:1].upper() + word[1:]
    return token.text


def _is_patronymic(word: str) -> bool:
    from presslens.nlp_ru import load_russian

    return any("Patr" in p.tag.grammemes for p in load_russian().morph_vocab.parse(word))


def _add_full_name(run: RussianRun, start: int, end: int) -> None:
    gender = _gender(run, start, end)
    parts = [nominative(run, n, gender) for n in range(start, end)]
    if end - start == 2 and _is_patronymic(parts[1]):
        addressed = _person_by_first_name(run, parts[0])  # "Игорь Владимирович"
        if addressed is not None:
            run.claim(addressed, start, end, "name")
        return
    name = " ".join(parts)
    draft = _unlisted_with_surname(run, run.tokens.keys[end - 1], parts[0])
    if draft is None:
        draft = run.draft_for(f"person:{_slug(latin(name))}", name, "person")
        draft.surname_keys = label_word_keys(parts[-1])
        draft.gender = draft.gender or gender
    run.claim(draft, start, end, "name")
    _note_roles(run, draft, start, end)


def _add_single_name(run: RussianRun, n: int) -> None:
    draft = _unlisted_with_surname(run, run.tokens.keys[n], None)
    if draft is not None:
        run.claim(draft, n, n + 1, "name")
        return
    introduced = n > 0 and (run.lemma(n - 1) in run.words.titles or
                            fold(run.tokens.words[n - 1].text) in run.words.honorifics)
    token = run.tokens.words[n]
    speaks = token.dep_ == "nsubj" and fold(token.head.lemma_) in run.words.speech_verbs
    if not (introduced or speaks or _is_name_word(token.text)):
        return  # a lone capitalised word natasha calls a person ("Прута", a river): too weak
    gender = _gender(run, n, n + 1)
    name = nominative(run, n, gender)
    draft = run.draft_for(f"person:{_slug(latin(name))}", name, "person")
    draft.surname_keys = label_word_keys(name)
    draft.gender = draft.gender or gender
    run.claim(draft, n, n + 1, "name")
    _note_roles(run, draft, n, n + 1)


def _is_name_word(word: str) -> bool:
    """pymorphy2 knows the word as a person's name or surname ("Асада"), not only a noun."""
    from presslens.nlp_ru import load_russian

    return any(_NAME_GRAMMEMES & set(p.tag.grammemes) and "anim" in p.tag.grammemes
               for p in load_russian().morph_vocab.parse(word))


def _unlisted_with_surname(run: RussianRun, keys: frozenset[str], first: str | None
                           ) -> Draft | None:
    for draft in run.drafts.values():
        if draft.kind != "person" or draft.entry is not None or not (draft.surname_keys & keys):
            continue
        known_first = draft.name.split()[0] if " " in draft.name else None
        if first is None or known_first is None or fold(known_first) == fold(first):
            if first is not None and known_first is None:  # the full name after the surname
                draft.name = f"{first} {draft.name}"
            return draft
    return None


def _person_by_first_name(run: RussianRun, first: str) -> Draft | None:
    for draft in run.drafts.values():
        if draft.kind == "person" and " " in draft.name and \
                fold(draft.name.split()[0]) == fold(first):
            return draft
    return None


def _note_roles(run: RussianRun, draft: Draft, start: int, end: int) -> None:
    """Role nouns that introduce the name: before it ("политолог Игорь Семёнов") or in
    apposition ("Игорь Семёнов, руководитель центра")."""
    for match in run.phrases:
        kind, phrase = match.payload
        if kind == "title" and (match.end == start or (
                match.end == start - 1 and run.tokens.words[start - 1].pos_ == "ADJ")):
            draft.roles.add(phrase)
    words = run.tokens.words
    for n in range(start, end):
        token = words[n]
        linked = [token.head] if token.dep_ == "appos" else []
        linked += [c for c in token.children if c.dep_ == "appos"]
        for other in linked:
            lemma = fold(other.lemma_)
            if lemma in run.words.titles:
                draft.roles.add(lemma)


def _add_surnames(run: RussianRun) -> None:
    """Capitalised words NER missed that are an unlisted person's surname ("Семёнова")."""
    people = [d for d in run.drafts.values() if d.kind == "person" and d.surname_keys]
    if not people:
        return
    for n, token in enumerate(run.tokens.words):
        if n in run.owner or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN"):
            continue
        for draft in people:
            if draft.surname_keys & run.tokens.keys[n]:
                run.claim(draft, n, n + 1, "name")
                break


# ---------------------------------------------------------------------- titles


def add_titles(run: RussianRun) -> None:
    """Role nouns as mentions: "президент Азербайджана" (the office's holder on the day, or
    the state), "политолог"/"эксперт" alone (the person the article introduced with it)."""
    words = run.tokens.words
    for match in run.phrases:
        kind, phrase = match.payload
        start, end = match.start, match.end
        if kind != "title" or start in run.owner:
            continue  # the head noun free: "глава МИД" may end on a ministry's word
        end = next((n for n in range(start, end) if n in run.owner), end)
        last = words[end - 1]
        if last.morph.get("Number", []) == ["Plur"]:
            continue
        introduced = _introduces(run, start, end)
        if introduced is not None:
            introduced.roles.add(phrase)
            continue
        if phrase in run.words.offices:
            office = _office_of(run, start, end)
            if office is not None:
                (of, state), (s, e) = office, run.tokens.span_chars(*office_span(run, start, end))
                holder = _office_holder(run, run.words.offices[phrase], of)
                target = holder if holder is not None else state
                if target is not None:
                    target.add(s, e, "title")
                continue
        person = _resolve_role(run, phrase, words[start].idx)
        if person is not None:
            run.claim(person, start, end, "title")


def _office_of(run: RussianRun, start: int, end: int) -> tuple[str, Draft | None] | None:
    """Whose office a title names: the state or body after it ("президент Азербайджана",
    "глава МИД России": the ministry's state), or the state adjective before it ("турецкий
    лидер"); the state's id and draft."""
    draft = run.owner_draft(end)
    if draft is not None and draft.kind in ("country", "alliance", "organization", "region"):
        return draft.qid or draft.key, draft
    if draft is not None and draft.affiliation:
        return draft.affiliation, run.drafts.get(draft.affiliation)
    before = run.state_at(start - 1, ("demonym",))
    return (before.qid or before.key, before) if before is not None else None


def office_span(run: RussianRun, start: int, end: int) -> tuple[int, int]:
    """The words of "президент Азербайджана", "турецкий лидер", "глава МИД России"."""
    if run.state_at(start - 1, ("demonym",)) is not None and run.owner_draft(end) is None:
        return start - 1, end
    key = run.owner.get(end)
    stop = end
    while key is not None and run.owner.get(stop) == key:
        stop += 1
    return start, stop


def _introduces(run: RussianRun, start: int, end: int) -> Draft | None:
    """The person a role noun introduces ("политолог Игорь Семёнов"), if it does."""
    after = end
    while (body := run.owner_draft(after)) is not None and body.kind != "person":
        after += 1  # "глава МИД России Сергей Лавров": past the state or body it heads
    nxt = run.owner_draft(after)
    if nxt is not None and nxt.kind == "person" and after - end <= 3:
        return nxt
    last = run.tokens.words[end - 1]
    for other in [*last.children, last.head]:
        if other.dep_ in ("appos", "flat:name") or last.dep_ == "appos":
            n = run.tokens.position.get(other.i)
            draft = run.owner_draft(n) if n is not None else None
            if draft is not None and draft.kind == "person" and (
                    (n is not None and n >= end) or last.dep_ == "appos"):
                return draft
    return None


def _office_holder(run: RussianRun, title: str, of: str) -> Draft | None:
    """Whoever held the office on the publication date (undated: the one holder the article
    names), as the English stage resolves "the Azerbaijani president"."""
    offices = run.x.offices
    if offices.tracked(title, of):
        holders = (offices.holders_at(title, of, run.when) if run.when is not None
                   else [e for e in offices.holders(title, of) if e.key in run.drafts])
    else:
        listed = run.x.office_holders.get((title, of), [])
        holders = listed if run.when is not None else [e for e in listed if e.key in run.drafts]
    return run.draft_for_entry(holders[0]) if len(holders) == 1 else None


def _people_before(run: RussianRun, at: int) -> list[Draft]:
    """People mentioned before ``at``, the most recently mentioned first."""
    seen = []
    for draft in run.drafts.values():
        if draft.kind == "person":
            before = [s for (s, _e), r in draft.mentions.items() if s < at and r != "pronoun"]
            if before:
                seen.append((max(before), draft.key))
    return [run.drafts[k] for _, k in sorted(seen, reverse=True)]


def _holds_role(run: RussianRun, draft: Draft, phrase: str) -> bool:
    """"министра" for a person introduced as "глава МИД" or listed as a "foreign minister": the
    same Russian head noun (Russian phrases start with it), or the same English head noun."""
    english = run.words.offices.get(phrase)
    for role in draft.roles:
        if role == phrase or role.split()[0] == phrase.split()[0]:
            return True
        role_english = run.words.offices.get(role, role)
        if english and role_english.split()[-1] == english.split()[-1]:
            return True
    return False


def _resolve_role(run: RussianRun, phrase: str, at: int) -> Draft | None:
    people = _people_before(run, at)
    for draft in people:
        if _holds_role(run, draft, phrase):
            return draft
    if phrase in run.words.experts:
        for draft in people:
            if draft.roles & run.words.experts:
                return draft
        unlisted = [d for d in people if d.entry is None]
        if len(unlisted) == 1:
            return unlisted[0]
    return None


# ---------------------------------------------------------------------- pronouns


def add_pronouns(run: RussianRun) -> None:
    """"он", "его", "ему", "она", "её": the latest person of that gender named before it in the
    paragraph; a pronoun subject of a speech verb ("— подчеркнул он") with nobody in the
    paragraph, the latest person who was named anywhere before."""
    for n, token in enumerate(run.tokens.words):
        gender = run.words.pronouns.get(run.lemma(n))
        if gender is None or token.pos_ not in ("PRON", "DET") or n in run.owner:
            continue
        if run.in_quote(token.idx):
            continue
        paragraph = run.text.rfind("\n", 0, token.idx) + 1
        person = _latest_person(run, token.idx, gender, paragraph)
        if person is None and token.dep_ == "nsubj" and \
                fold(token.head.lemma_) in run.words.speech_verbs:
            person = _latest_person(run, token.idx, gender, 0)
        if person is not None and _thing_between(run, person, n, gender):
            person = None
        if person is not None:
            person.gender = person.gender or gender
            role: MentionRole = "pronoun"
            run.claim(person, n, n + 1, role)


_GRAMMATICAL_GENDER = {"m": "Masc", "f": "Fem"}


def _thing_between(run: RussianRun, person: Draft, n: int, gender: str) -> bool:
    """A state or body named after the person, in the pronoun's sentence and of its grammatical
    gender, is what the pronoun stands for ("Ереван заморозил участие, его министры ...";
    "Армения ... её хотят выдавить"), not the person."""
    token = run.tokens.words[n]
    sentence_start = token.sent.start_char
    last_person = max(s for (s, _e), r in person.mentions.items() if r != "pronoun" and s < token.idx)
    since = max(last_person, sentence_start)
    want = _GRAMMATICAL_GENDER[gender]
    for m in range(n - 1, -1, -1):
        word = run.tokens.words[m]
        if word.idx < since:
            return False
        draft = run.owner_draft(m)
        if draft is not None and draft.kind != "person" and \
                want in word.morph.get("Gender", []) and word.pos_ in ("PROPN", "NOUN"):
            return True
    return False


def _latest_person(run: RussianRun, at: int, gender: str, since: int) -> Draft | None:
    best: tuple[int, Draft] | None = None
    for draft in run.drafts.values():
        if draft.kind != "person" or (draft.gender and draft.gender != gender):
            continue
        before = [s for (s, _e), r in draft.mentions.items()
                  if since <= s < at and r != "pronoun" and not run.in_quote(s)]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft)
    return best[1] if best else None
