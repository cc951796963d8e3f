"""Indirect speech: reported clauses outside quotation marks, found from the cue's parse.

Speech verbs with a clausal complement ("X said (that) ..."), a content set before its cue
("..., X said"), and the phrasal cues "according to X", "in X's view", "as X put it". The
content stops at the reported clause (``_subtree_end``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from presslens.lexicon import word_set
from presslens.lexicon.speech import speech_verbs
from presslens.quotes.attribution import (
    OPENING_MARKS,
    SUBJECT_DEPS,
    Candidate,
    Range,
    is_potential_speaker,
    is_speech_verb,
    phrase_range,
    same_line,
    set_content_stats,
    subject_of,
)
from presslens.quotes.detached import detached_that_clause
from presslens.quotes.lexicon import (
    AS_VERBS,
    COMPLEMENTIZERS,
    CONTENT_PRONOUNS,
    CONVICTION_ADJECTIVES,
    OPINION_NOUNS,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    REPORTED_QUESTION_VERBS,
    REPORTED_WH_WORDS,
    SOURCE_WORDS,
    WH_WORDS,
)
from presslens.quotes.objects import OBJECT_CUE_LEMMAS, noun_candidate, object_candidate
from presslens.quotes.phrasal import according_cue, content_end, opinion_cue
from presslens.quotes.questions import question_candidate
from presslens.quotes.reporters import fallback_subject, first_person, infinitive_of_act


def _inside(ranges: list[Range], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _within_one(ranges: list[Range], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _skip_leading(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or (tokens[0].lower_ in COMPLEMENTIZERS
                      and tokens[0].dep_ == "mark")):
        tokens = tokens[1:]
    return tokens


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    """Speech verbs and the verbs of a reported question, looked up in one pass."""
    return speech_verbs() | REPORTED_QUESTION_VERBS | OBJECT_CUE_LEMMAS


def _cue_tokens(doc: Doc) -> list[int]:
    """The tokens the cues of ``indirect_candidates`` can stand on (a speech verb, a noun of
    saying, a conviction adjective, "according", an opinion noun, "put"), found before any is
    read as a ``Token``: one pass over the lemmas and one over the word forms."""
    pos = doc.to_array(POS)
    lemmas = doc.to_array(LEMMA)
    strings = doc.vocab.strings
    verbs, nouns, put_ids = _cue_verbs(), REPORT_NOUNS, [strings[verb] for verb in sorted(AS_VERBS)]
    verb_ids, noun_ids = [], []
    for value in np.unique(lemmas).tolist():
        lemma = strings[value].lower()
        if lemma in verbs:
            verb_ids.append(value)
        if lemma in nouns:
            noun_ids.append(value)
    forms = doc.to_array(LOWER)
    adjective_ids, according_ids = [], []
    for value in np.unique(forms).tolist():
        form = strings[value]
        if form in CONVICTION_ADJECTIVES:
            adjective_ids.append(value)
        if form in _ACCORDING_WORDS:
            according_ids.append(value)
    cues = (
        (((pos == VERB) | (pos == AUX)) & _among(lemmas, verb_ids))
        | ((pos == NOUN) & _among(lemmas, noun_ids))
        | ((pos == ADJ) & _among(forms, adjective_ids))
        | _among(forms, according_ids)
        | _among(lemmas, put_ids)
    )
    return np.flatnonzero(cues).tolist()


_ACCORDING_WORDS = frozenset({*SOURCE_WORDS, *OPINION_NOUNS})
_CONTINUATION_PARTICLES = word_set("quotes", "continuation_particles")


def _among(values: np.ndarray, wanted: list[int]) -> np.ndarray:
    return np.isin(values, np.array(wanted, dtype=np.uint64))


def indirect_candidates(doc: Doc, text: str, direct: list[Range]) -> list[Candidate]:
    """Reported speech outside quotation marks: speech verbs with a clausal complement, and the
    phrasal cues "according to X", "in X's view", "as X put it"."""
    found: list[Candidate] = []
    used_sentences_cues: set[int] = set()
    for i in _cue_tokens(doc):
        token = doc[i]
        if _inside(direct, token.idx):
            continue
        candidate = (
            _verb_cue(doc, text, token, direct)
            or _question_cue(text, token)
            or according_cue(doc, text, token, direct)
            or opinion_cue(doc, text, token, direct)
            or _object_cue(token)
        )
        if candidate is None or candidate.end <= candidate.start:
            continue
        if _within_one(direct, candidate.start, candidate.end):
            # the whole clause is a quotation: the direct reading has it; a clause that only
            # holds a quoted piece ('said Russia “can't stand” either') is one quote, this one
            continue
        if candidate.cue is not None and "\n" in text[min(candidate.cue[0], candidate.start) :
                                                       max(candidate.cue[1], candidate.end)]:
            continue
        if candidate.start in used_sentences_cues:
            continue
        used_sentences_cues.add(candidate.start)
        found.append(set_content_stats(candidate, doc))
    return found


def _question_cue(text: str, verb: Token) -> Candidate | None:
    """"asked whether ...": the question clause, to the sentence end at the latest."""
    candidate = question_candidate(verb)
    if candidate is not None:
        candidate.end = min(candidate.end, content_end(verb.sent, text, candidate.start))
    return candidate


def _object_cue(token: Token) -> Candidate | None:
    """A report carried by a noun phrase (``objects``): "accused X of ...", "called for ...",
    "urged X to ...", "his claim that ..."."""
    if token.pos_ == "NOUN":
        return noun_candidate(token)
    if token.pos_ != "VERB" or token.lemma_.lower() not in OBJECT_CUE_LEMMAS:
        return None
    if any(c.dep_ in ("ccomp", "neg") for c in token.children):
        return None
    if _infinitive_without_act(token):
        return None
    subject = subject_of(token) or fallback_subject(token)
    if subject is None or not (is_potential_speaker(subject) or first_person(subject)):
        return None
    return object_candidate(token, subject)




_MODALS = word_set("quotes", "modals")


def _verb_cue(doc: Doc, text: str, verb: Token, direct: list[Range]) -> Candidate | None:
    conviction = verb.pos_ == "ADJ" and verb.lower_ in CONVICTION_ADJECTIVES
    if not (is_speech_verb(verb) or conviction):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # ("did not say that ...": nothing was said)
    if _infinitive_without_act(verb):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        # "the press will tell you that ...": a prediction, not reported speech ("would only say
        # that ...", "could say only that ..." tell what was said)
        return None
    subject = subject_of(verb) or fallback_subject(verb)
    if subject is None or not (is_potential_speaker(subject) or first_person(subject)):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and same_line(c, verb)]
    clauses = clauses or _gerund_clause(verb) or detached_that_clause(verb)
    if not clauses:
        return _postposed_cue(doc, text, verb, subject, direct)
    # (with a clause on each side, "The story never ran; my editor argued the piece ...", the
    # first is a sentence of its own the parser hung on the verb, unless it is quoted: the
    # report follows the verb)
    clause = clauses[0]
    words = [t for t in clause.subtree if not (t.is_punct or t.is_space)]
    if clause.i < verb.i and words and not _within_one(direct, words[0].idx, words[-1].idx) and not (
            not clause.left_edge.i <= subject.i <= clause.right_edge.i
            and _only_attribution_between(clause.right_edge, verb, subject)):
        # ("“...,” said X, who is now ...": a report before "X said" stays the report)
        clause = next((c for c in clauses if c.i > verb.i), clause)
    if _within_one(direct, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)):
        return None  # the clause is a quotation: a direct quote
    first_words = [t for t in clause.subtree if not t.is_punct][:1]
    relative = _relative_report(text, verb, clause, subject)
    if relative is not None:
        return relative
    if (first_words and first_words[0].lower_ in WH_WORDS and first_words[0].head == clause
            and not (first_words[0].lower_ in REPORTED_WH_WORDS and clause.i > verb.i)):
        # "said whether ...", "told when ...": an open question, no statement ("asked whether
        # ..." is a reported question, ``questions``). What a speaker "explained how/why" or
        # "described what" reports the account given; a wh-word that opens a clause of its own
        # inside the content ("said if he wins he would ...") leaves it a statement.
        return None
    if clause.i > verb.i:
        # (words the parser hangs on the clause but that stand before the cue, "In an
        # interview, X said ...", introduce the report and are not content)
        tokens = _skip_leading([t for t in doc[max(clause.left_edge.i, verb.i + 1) :
                                               clause.sent.end]])
        if not tokens:
            return None
        start = tokens[0].idx
        end = min(content_end(clause.sent, text, start), _subtree_end(text, clause, tokens[0], verb))
    else:
        tokens = _skip_leading(list(clause.subtree))
        if not tokens or not _only_attribution_between(clause.right_edge, verb, subject):
            return None
        start = tokens[0].idx
        last = clause.right_edge
        while last.i > tokens[0].i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        end = last.idx + len(last.text)
    return Candidate("indirect", start, end, cue_range(verb), subject, phrase_range(subject),
                     "verb")


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _gerund_clause(verb: Token) -> list[Token]:
    """`said legalizing it could create jobs`: the parser reads the gerund that is the reported
    clause's subject as the verb's complement and hangs the clause's finite verb under it; the
    gerund's phrase is the reported clause when a finite verb stands in it."""
    for child in verb.rights:
        if (child.dep_ == "xcomp" and child.tag_ == "VBG" and same_line(child, verb)
                and any(t.tag_ in _FINITE_TAGS for t in child.subtree)):
            return [child]
    return []


def _relative_report(text: str, verb: Token, clause: Token, subject: Token) -> Candidate | None:
    """`the wall, which he said the neighbours should pay for`, `what analysts said was a sign`:
    a speech verb in a relative clause whose reported clause holds the relative pronoun. The content runs from the pronoun
    (the subject or object of the report, without which it is no clause) to the clause's end,
    the speaker and cue inside it, as with a parenthetical cue."""
    doc = verb.doc
    pronoun = next((t for t in doc[clause.left_edge.i : verb.i] if t.lower_ in RELATIVE_PRONOUNS
                    and t.head.i > verb.i), None) if clause.left_edge.i < verb.i else None
    # (a free relative, "what analysts said was a sign of ...", stands in any clause)
    if pronoun is None or (verb.dep_ != "relcl" and pronoun.lower_ not in CONTENT_PRONOUNS):
        return None
    end = min(content_end(clause.sent, text, pronoun.idx),
              _subtree_end(text, clause, pronoun, verb))
    return Candidate("indirect", pronoun.idx, end, cue_range(verb), subject, phrase_range(subject),
                     "verb")


def _infinitive_without_act(verb: Token) -> bool:
    """"they like to say ...", "declined to say ...", "plans to announce ...": a speech verb in
    the infinitive reports no act of speech, unless what governs it carries the act on
    ("went on to say", "continued to argue")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    head = verb.head
    carried_on = is_speech_verb(head) or any(c.dep_ == "prt" and c.lower_ in _CONTINUATION_PARTICLES
                                              for c in head.children)
    return not carried_on and not infinitive_of_act(verb)


def _subtree_end(text: str, clause: Token, first: Token, verb: Token) -> int:
    """Where the reported clause ends: its last word, before a coordinated verb that is the
    speaker's next act, not more reported words ("says she has released her returns and urges
    him to do the same"): a subjectless conjunct that is itself a speech verb in the cue's form
    ("said Tbilisi was committed and would respond in kind" reports both)."""
    stop = clause.doc[-1].i + 1
    for act in clause.children:
        if act.i < clause.i or any(c.dep_ in SUBJECT_DEPS for c in act.children):
            continue
        if not is_speech_verb(act):
            continue
        next_act = act.dep_ == "conj" and act.tag_ == verb.tag_
        # ("..., calling them boring": a participle of saying after a comma)
        participle = (act.dep_ == "advcl" and act.tag_ == "VBG" and act.left_edge.i > 0
                      and act.doc[act.left_edge.i - 1].text == ",")
        if next_act or participle:
            stop = min(stop, act.left_edge.i)
    # (a subtree is a contiguous stretch of tokens in the parser's projective trees)
    last = clause.right_edge if clause.right_edge.i < stop else clause.doc[stop - 1]
    while last.i > first.i and (last.is_punct or last.is_space or last.dep_ == "cc"):
        last = last.doc[last.i - 1]
    end = last.idx + len(last.text)
    # a quoted piece that closes right after the clause's last word stays whole
    opened = sum(text.count(m, first.idx, end) for m in "“«„") - sum(
        text.count(m, first.idx, end) for m in "”»")
    if opened > 0 and end < len(text) and text[end] in "”»":
        end += 1
    return end


def cue_range(verb: Token) -> Range:
    """The verb with a particle that belongs to it ("pointed out", "summed up")."""
    cue_end = verb.idx + len(verb.text)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            cue_end = child.idx + len(child.text)
    return verb.idx, cue_end


def _only_attribution_between(content_end: Token, verb: Token, subject: Token) -> bool:
    """`Content, the expert said`: nothing but a comma and the subject phrase before the verb."""
    between = verb.doc[content_end.i + 1 : verb.i]
    subject_tokens = {t.i for t in subject.subtree}
    if not any(t.text == "," for t in between):
        return False
    return all(t.is_punct or t.is_space or t.i in subject_tokens or t.dep_ in ("aux", "advmod")
               for t in between)


def _postposed_cue(
    doc: Doc, text: str, verb: Token, subject: Token, direct: list[Range]
) -> Candidate | None:
    """`Content, the political scientist X said in an interview.` where the parser did not make
    the content a complement of the verb (typically across a headline it ran into)."""
    if subject.i > verb.i:
        return None
    left = subject.left_edge
    while left.i < subject.i and not same_line(left, verb):
        left = doc[left.i + 1]
    comma = doc[left.i - 1] if left.i > 0 else None
    if comma is None or comma.text != "," or not same_line(comma, verb):
        return None
    line_start = text.rfind("\n", 0, verb.idx) + 1
    sent_start = max(verb.sent.start_char, line_start)
    if _inside(direct, sent_start) or text[sent_start] in OPENING_MARKS:
        return None
    content = doc.char_span(sent_start, comma.idx, alignment_mode="contract")
    if content is None or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    rest = doc[verb.i + 1 : verb.sent.end]
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" for t in rest if same_line(t, verb)):
        return None
    return Candidate("indirect", content.start_char, content.end_char, cue_range(verb), subject,
                     phrase_range(subject), "verb")
