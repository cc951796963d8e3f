"""Organisations NER finds ("the Federation for American Immigration Reform", "Deutsche Bank"),
and the kind of actor an organisation's name says it is (party, media, institution, group).

An organisation's name may hold a state's adjective or a region's name ("Armenian Foreign
Ministry", "the University of Texas"): those words then belong to the organisation. The words
that make a name an organisation's (``ORG_TRIGGER_WORDS``) are shared with the passes for
cities and acronyms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.tokens import Span

from presslens.actors.candidate_names import clean_name, is_institution_name, is_non_actor
from presslens.actors.drafts import ActorDraft, slug
from presslens.lexicon import word_set, word_table
from presslens.model import ActorKind

if TYPE_CHECKING:
    from presslens.actors.stage import _Run


# the words of a name that say which kind of organisation it is, in order (data/en/organisations.yaml)
_ORG_KIND_WORDS: list[tuple[ActorKind, frozenset[str]]] = [
    (cast(ActorKind, kind), frozenset(words)) for kind, words in word_table("organisations", "kind_words").items()
]

_STATE_ITSELF_NOUNS = word_set("organisations", "state_itself_nouns")
ORG_TRIGGER_WORDS = frozenset(w for _, words in _ORG_KIND_WORDS for w in words) | word_set(
    "organisations", "other_trigger_words"
)
# the coordination inside an institution's name ("the Institute for Eurasian and African Studies")
_COORDINATION = word_set("organisations", "name_coordination")


def org_kind(span: Span) -> ActorKind:
    words = {t.lower_ for t in span}
    for kind, triggers in _ORG_KIND_WORDS:
        if words & triggers:
            return kind
    return "organization"



def add_organisations(run: _Run) -> None:
    for ent in run.ents:
        # the small model tags some institute names as facilities ("the Centre for Arctic
        # Policy"): an institution's name makes them organisations
        if ent.label_ == "ORG" or (ent.label_ == "FAC" and is_institution_name(ent)):
            _add_org_entity(run, ent)


def _add_org_entity(run: _Run, ent: Span) -> None:
    cleaned = clean_name(run, ent)
    if cleaned is None:
        return
    span, _ = cleaned
    span = _whole_institution_name(run, span)
    if is_non_actor(run, span) or len(span) > 8:
        return
    if not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in span):
        return
    if not span[-1].is_alpha and not span[-1].is_digit:
        return
    if len(span) == 1 and span[0].lower_ in ORG_TRIGGER_WORDS:
        return  # a bare "Council" or "Ministry" names nothing by itself
    if _in_title(run, span):
        return
    if _names_the_state_itself(run, span):
        return  # "the Nigerian Government": the demonym's state stands
    # a lower-case role noun after the name is a post in it: "a Google spokesman", "Deutsche
    # Bank economist Gilles Moec", "Knicks president Phil Jackson"
    owners = {run.token_owner[i] for i in range(span.start, span.end) if i in run.taken}
    # The whole name is known ("the European Union", "Kremlin"), or a person's surname
    # that NER mislabels: the gazetteer or person mention stands. A region's name inside an
    # organisation's belongs to it ("the University of Texas", "Texas Instruments").
    if owners and (len(owners) > 1 or not _org_absorbs(run, span)) and not (
            _region_inside(run, owners, span) or _foreign_body_inside(run, owners)):
        return
    entry = run.x.entries_by_name.get(span.text.lower())
    if entry is not None:
        run._claim(run._draft_for_entry(entry), span, "name")
        return
    key = f"org:{slug(span.text)}"
    draft = run.drafts.get(key)
    if draft is None:
        draft = ActorDraft(key, span.text, org_kind(span), None)
        run.drafts[key] = draft
    # adjectives inside the name belong to it ("Armenian Foreign Ministry")
    for i in range(span.start, span.end):
        owner = run.token_owner.get(i)
        if owner is not None and owner != key:
            run._release(owner, i)
    run._claim(draft, span, "name")


def _whole_institution_name(run: _Run, span: Span) -> Span:
    """An institution's name NER cut at a coordination inside it ("the Institute for Eurasian"
    | "and African Studies"): where the name's last word modifies a word after it and only
    capitalised words and "and" lie between, the name runs on to that word."""
    last = span[-1]
    head = last.head
    if head.i <= last.i or head.i - span.end > 4:
        return span
    between = run.sdoc[span.end : head.i + 1]
    if not all(t.text[:1].isupper() or t.lower_ in _COORDINATION for t in between):
        return span
    whole = run.sdoc[span.start : head.i + 1]
    return whole if is_institution_name(whole) else span


def _in_title(run: _Run, span: Span) -> bool:
    """Whether the name is a word of a person's title, not an organisation: the title itself
    ("Bishop", "Cardinal"), the start of a title ("Supreme Leader Ali Khamenei"), or the domain
    of an office ("Secretary of State", "Defense Secretary Tom Baker"; not "District Court
    Judge X" or "Labour Party Secretary X", whose court and party are organisations)."""
    titles = run.x.titles
    if len(span) == 1 and span[0].lower_ in titles.every_title:
        return True
    after = run.sdoc[span.end] if span.end < len(run.sdoc) else None
    if after is not None and after.lower_ in titles.all and after.text[:1].isupper() and (
            after.lower_ not in titles.occupation or span.text.lower() in titles.office_domains):
        # "Supreme Leader Ali Khamenei", "State Attorney General"; not "the Daily Clarion
        # Reporter Tom Baker", whose paper is an organisation
        return True
    if span.text.lower() not in titles.office_domains:
        return False
    prep = span.root.head
    return (after is not None and after.lower_ in titles.before_names) or (
        span.root.dep_ == "pobj" and prep.lower_ in titles.owner_preps
        and prep.head.lower_ in titles.every_title)


def _region_inside(run: _Run, owners: set[str], span: Span) -> bool:
    """An organisation's name around a region's ("the University of Texas"): a capitalised
    word of the name that no one has taken ("Texas officials" is no organisation)."""
    return (len(owners) == 1 and run.drafts[next(iter(owners))].kind == "region"
            and any(i not in run.taken and run.sdoc[i].text[:1].isupper()
                    for i in range(span.start, span.end)))


def _foreign_body_inside(run: _Run, owners: set[str]) -> bool:
    """A state's own party or institution named inside an organisation's name beside another
    state ("the Nigeria Labour Congress", "the Labour Party of Malta"): neither Britain's Labour
    Party nor the US Congress, but an organisation of its own. A state's own body ("the US
    Congress") stays that body, and so do media, churches and people, which act across borders
    (a paper's London edition, a national church)."""
    drafts = [run.drafts[key] for key in owners]
    states = {d.qid for d in drafts if d.kind == "country"}
    return bool(states) and any(
        d.kind in _NATIONAL_BODY_KINDS and d.entry is not None
        and d.entry.affiliation is not None and d.entry.affiliation not in states for d in drafts)


_NATIONAL_BODY_KINDS = frozenset({"party", "institution"})


def _names_the_state_itself(run: _Run, span: Span) -> bool:
    """A country's adjective or name and a noun for its whole government ("Nigerian
    Government", "South African Government"): the country, whose mention the words before the
    noun already are."""
    if len(span) < 2 or span[-1].lower_ not in _STATE_ITSELF_NOUNS:
        return False
    owners = {run.token_owner.get(i) for i in range(span.start, span.end - 1)}
    if len(owners) != 1 or None in owners:
        return False
    owner = owners.pop()
    return owner is not None and run.drafts[owner].kind == "country"


def _org_absorbs(run: _Run, span: Span) -> bool:
    """An organisation name that contains a state's adjective or name as a modifier only."""
    last = span[-1]
    if last.i in run.taken:
        return False
    head_words = [t for t in span if t.i not in run.taken]
    return any(t.lower_ in ORG_TRIGGER_WORDS for t in head_words)
