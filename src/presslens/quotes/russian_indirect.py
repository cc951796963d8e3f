"""Indirect speech in Russian: reported clauses outside quotation marks.

- "X заявил (журналистам), что ...", "X убеждён, что ...", "обвинил в том, что ...": the content
  starts after "что" and runs to the end of the sentence, or to a second verb of the same
  speaker ("..., и обвинил Кишинёв ...": its own report);
- "по словам/мнению/данным X, ...", "как отметил X, ...", "как сообщает <издание>, ...": the rest
  of the sentence (the whole sentence when the phrase stands inside it: "Россия, по словам
  эксперта, ...");
- a framed cue with the speaker after the verb: "..., сообщила пограничная служба." (the content
  before it), "Миротворцы, подчеркнул Лунгу, ..." (the sentence around it);
- "Об этом заявил X", "Такое мнение высказал X": the previous sentence;
- "призвали Минск прекратить ...": the appeal's infinitive clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from presslens.quotes.russian_attribution import (
    Candidate,
    Range,
    TokenIndex,
    clause_end,
    content_start,
    gender_of,
    is_speech_cue,
    lemma,
    phrase_range,
    subject_of,
)
from presslens.quotes.russian_lexicon import fold, russian_quote_lexicon

# At most this many words between a cue verb and its "что" ("заявил журналистам в понедельник, что").
_MAX_CUE_TO_COMPLEMENTIZER = 8


def _inside(ranges: list[Range], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not t.is_space]


def _make(start: int, end: int, cue: Token | list[Token], head: Token | None, source: str,
          verb: Token | None = None) -> Candidate:
    cue_tokens = cue if isinstance(cue, list) else [cue]
    first, last = cue_tokens[0], cue_tokens[-1]
    return Candidate(
        kind="indirect", start=start, end=end, cue=(first.idx, last.idx + len(last.text)),
        speaker_head=head, speaker_phrase=phrase_range(head) if head is not None else None,
        source=source, gender=gender_of(verb) if verb is not None else None)


def indirect_candidates(index: TokenIndex, text: str, excluded: list[Range],
                        cue_ranges: list[Range]) -> list[Candidate]:
    """Reported speech outside quotations and questions (``excluded``), never at a cue a direct
    quotation already uses (``cue_ranges``)."""
    found: list[Candidate] = []
    sents = list(index.sdoc.sents)
    for number, sent in enumerate(sents):
        words = _words(sent)
        if not words or (_inside(excluded, words[0].idx) and _inside(excluded, words[-1].idx)):
            continue
        previous = sents[number - 1] if number > 0 else None
        for candidate in _sentence_candidates(text, sent, words, previous):
            if candidate.cue is not None and (_inside(excluded, candidate.cue[0])
                                              or _inside(cue_ranges, candidate.cue[0])):
                continue
            if candidate.end > candidate.start:
                found.append(candidate)
    return found


def _sentence_candidates(text: str, sent: Span, words: list[Token],
                         previous: Span | None) -> Iterator[Candidate]:
    lex = russian_quote_lexicon()
    sent_end = clause_end(text, sent.start_char, sent.end_char)
    for k, token in enumerate(words):
        low = fold(token.text)
        if low in lex.according_prepositions and any(lemma(t) in lex.according_nouns for t in words[k + 1 : k + 3]):
            found = _according(text, words, k, sent_end)
            if found is not None:
                yield found
        elif low in lex.as_words and k + 1 < len(words):
            found = _as_cue(text, words, k, sent_end)
            if found is not None:
                yield found
        elif is_speech_cue(token):
            found = _that_clause(text, words, k, sent_end)
            if found is None and lemma(token) in lex.appeal_verbs:
                found = _appeal(text, words, k, sent_end)
            if found is None:
                found = _framed(text, words, k, sent_end)
            if found is None and previous is not None:
                found = _anaphoric(text, words, k, previous)
            if found is not None:
                yield found


def _plain_prefix(words: list[Token], k: int) -> bool:
    """Nothing before word ``k`` but a noun phrase and commas: no verb, no subordinate clause."""
    lex = russian_quote_lexicon()
    return not any(t.pos_ in ("VERB", "AUX", "SCONJ") or lemma(t) in lex.wh_words
                   for t in words[:k])


def _clause_start(text: str, words: list[Token], k: int) -> int:
    """Where the clause holding word ``k`` starts: after a colon or semicolon, else the sentence."""
    for t in reversed(words[:k]):
        if t.text in (":", ";"):
            return content_start(text, t.idx + 1, words[k].idx)
    return words[0].idx


def _closing_comma(words: list[Token], k: int) -> int | None:
    return next((j for j in range(k + 1, len(words)) if words[j].text == ","), None)


def _according(text: str, words: list[Token], k: int, sent_end: int) -> Candidate | None:
    """"По словам эксперта, ...", "По его мнению, ...", "Россия, по данным X, ..."."""
    lex = russian_quote_lexicon()
    noun = next(t for t in words[k + 1 : k + 3] if lemma(t) in lex.according_nouns)
    # "по словам эксперта" (genitive after) or "по его словам" (possessive before)
    owner = next((c for c in noun.children if c.dep_ in ("nmod", "det")
                  and c.i > words[k].i), None)
    comma = _closing_comma(words, words.index(noun))
    if comma is None:
        return None
    cue = [words[k], noun]
    leading = [t for t in words[:k] if not t.is_punct]
    if not leading or words[k - 1].text in (":", ";"):
        start = content_start(text, words[comma].idx + 1, sent_end)
    elif words[k - 1].text == "," and _plain_prefix(words, k):
        start = _clause_start(text, words, k)
    else:
        return None
    return _make(start, sent_end, cue, owner, "according")


def _as_cue(text: str, words: list[Token], k: int, sent_end: int) -> Candidate | None:
    """"Как отметил эксперт, ...", "как сообщает ТАСС, ..." (not "Как пояснил он: «...»")."""
    verb = next((t for t in words[k + 1 : k + 4] if is_speech_cue(t)), None)
    if verb is None:
        return None
    comma = _closing_comma(words, k)
    colon = next((j for j in range(k + 1, len(words)) if words[j].text == ":"), None)
    if comma is None or (colon is not None and colon < comma):
        return None
    head = subject_of(verb)
    if k == 0 or words[k - 1].text in (":", ";"):
        start = content_start(text, words[comma].idx + 1, sent_end)
    elif words[k - 1].text == "," and _plain_prefix(words, k):
        start = _clause_start(text, words, k)
    else:
        return None
    return _make(start, sent_end, verb, head, "as", verb)


def _that_clause(text: str, words: list[Token], k: int, sent_end: int) -> Candidate | None:
    """"X заявил, что ...": content after "что", up to a verb conjoined to the cue that has no
    subject of its own ("..., и обвинил Кишинёв в том, что ...")."""
    lex = russian_quote_lexicon()
    verb = words[k]
    if k > 0 and fold(words[k - 1].text) in lex.as_words:
        return None
    for j in range(k + 1, min(len(words), k + 2 + _MAX_CUE_TO_COMPLEMENTIZER)):
        token = words[j]
        if fold(token.text) in lex.complementizers and words[j - 1].text == ",":
            break
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ":", ";", "«", "—"):
            return None
    else:
        return None
    start = content_start(text, words[j].idx + len(words[j].text), sent_end)
    end = sent_end
    for n in range(j + 3, len(words)):
        # ", и обвинил ...": the same speaker's next report, however the parser attached it
        if (is_speech_cue(words[n]) and fold(words[n - 1].text) in lex.report_conjunctions
                and words[n - 2].text == "," and subject_of_own(words[n]) is None):
            end = min(end, _trim_back(text, start, words[n - 1].idx))
            break
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.idx > start and subject_of_own(conj) is None:
            # the conjoined verb's own "и"/"а" and comma, not its whole (mis-attached) subtree
            joint = next((c for c in conj.children if c.dep_ == "cc" and c.i < conj.i), conj)
            end = min(end, _trim_back(text, start, joint.idx))
    return _make(start, end, verb, subject_of(verb), "that", verb)


def subject_of_own(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


def _trim_back(text: str, start: int, end: int) -> int:
    conjunctions = tuple(f" {word}" for word in russian_quote_lexicon().report_conjunctions)
    while end > start:
        conjunction = next((c for c in conjunctions if text.endswith(c, 0, end)), None)
        if conjunction is not None:
            end -= len(conjunction)
        elif text[end - 1] in " ,;—–":
            end -= 1
        else:
            break
    return end


def _appeal(text: str, words: list[Token], k: int, sent_end: int) -> Candidate | None:
    """"призвали Минск прекратить ...": the addressee and the infinitive clause."""
    verb = words[k]
    if not any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm", []) for c in verb.children):
        return None
    if k + 1 >= len(words):
        return None
    start = words[k + 1].idx
    return _make(start, sent_end, verb, subject_of(verb), "appeal", verb)


def _framed(text: str, words: list[Token], k: int, sent_end: int) -> Candidate | None:
    """A cue framed by commas with its speaker after it: "..., сообщила пограничная служба."
    (content before it) or "Миротворцы, подчеркнул Лунгу, обеспечивают ..." (the sentence)."""
    verb = words[k]
    if k >= 2 and words[k - 1].text == ",":
        comma_before = words[k - 1]
    elif k >= 3 and words[k - 1].text in ("—", "–") and words[k - 2].text == ",":
        comma_before = words[k - 2]
    else:
        return None
    head = subject_of_own(verb)
    if head is None or head.i < verb.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(t.text[-1] in "»”\"'" for t in words[max(0, k - 3) : k]):
        return None  # «...», — сказал он: a direct quotation's attribution
    clause_start = _clause_start(text, words, k)
    if _closing_comma(words, k) is None:
        end = _trim_back(text, clause_start, comma_before.idx)
        return _make(clause_start, end, verb, head, "parenthetical", verb)
    return _make(clause_start, sent_end, verb, head, "parenthetical", verb)


def _anaphoric(text: str, words: list[Token], k: int, previous: Span) -> Candidate | None:
    """"Об этом заявил X" / "Такое мнение высказал X": the previous sentence of the paragraph."""
    lex = russian_quote_lexicon()
    opening = tuple(lemma(t) for t in words[:2])
    if opening not in lex.anaphoric_openers and tuple(fold(t.text) for t in words[:2]) \
            not in lex.anaphoric_openers:
        return None
    if "\n" in text[previous.end_char - 1 : words[0].idx]:
        return None
    prev_words = [t for t in previous if not t.is_space]
    if not prev_words:
        return None
    start = prev_words[0].idx
    end = clause_end(text, start, previous.end_char)
    return _make(start, end, words[k], subject_of(words[k]), "anaphoric", words[k])
