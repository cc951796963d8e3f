"""Parsing texts longer than spaCy takes in one piece: chunks cut at paragraph breaks, joined
into one ``Doc`` whose text and offsets are those of the whole text.

A real 1.3 MB parse takes about a minute on a CI core, so the chunking is checked on a 1.3 MB
text without parsing it (the cuts), and the parse itself on texts cut into small chunks.
"""

from __future__ import annotations

import pytest

from presslens import nlp as nlp_module
from presslens.ingest import DEFAULT_MAX_BYTES, RawArticle
from presslens.lexicon import relation_lexicon
from presslens.nlp import CHUNK_CHARS, load_nlp, parse, text_chunks
from presslens.pipeline import Analyzer

COUNTRIES = ["Russia", "Ukraine", "Moldova", "Georgia", "Armenia", "Serbia", "Belarus", "France"]


def long_article(chars: int, paragraph_break: str = "\n\n") -> str:
    """A news-like text of at least ``chars`` characters (paragraphs of two sentences)."""
    parts = ["A long report on the region's diplomacy" + paragraph_break]
    size = len(parts[0])
    i = 0
    while size < chars:
        a, b = COUNTRIES[i % 8], COUNTRIES[(i * 3 + 1) % 8]
        paragraph = (
            f"{a} accused {b} of provocations near the border on day {i}, the foreign ministry "
            f"said in a statement. “We will not accept threats from {b},” the minister told "
            f"reporters in the capital.{paragraph_break}"
        )
        parts.append(paragraph)
        size += len(paragraph)
        i += 1
    return "".join(parts)


def test_a_long_article_is_cut_after_paragraphs_into_chunks_spacy_accepts() -> None:
    text = long_article(1_300_000)
    assert len(text.encode("utf-8")) < DEFAULT_MAX_BYTES  # within the documented limit
    chunks = list(text_chunks(text, CHUNK_CHARS))
    assert "".join(chunks) == text
    assert len(chunks) > 10
    assert all(len(chunk) <= CHUNK_CHARS < load_nlp().max_length for chunk in chunks)
    assert all(chunk.endswith(".\n\n") for chunk in chunks)  # cut after a paragraph
    assert min(len(c) for c in chunks[:-1]) > CHUNK_CHARS // 2


@pytest.mark.parametrize(
    ("break_", "ending"),
    [("\n", ".\n"), (" ", ". ")],  # single-newline paragraphs; one paragraph with no line break
)
def test_without_blank_lines_cuts_fall_after_lines_or_sentences(break_: str, ending: str) -> None:
    text = long_article(50_000, break_)
    chunks = list(text_chunks(text, 4_000))
    assert "".join(chunks) == text
    assert all(len(c) <= 4_000 and c.endswith(ending) for c in chunks[:-1])


def test_text_without_any_space_is_still_cut_within_the_limit() -> None:
    text = "x" * 10_001
    chunks = list(text_chunks(text, 1_000))
    assert "".join(chunks) == text and max(map(len, chunks)) == 1_000


def test_a_chunked_parse_is_one_doc_with_the_offsets_of_the_whole_text() -> None:
    nlp = load_nlp()
    text = long_article(6_000)
    whole = nlp(text)
    chunked = parse(nlp, text, chunk_chars=1_000)
    assert chunked.text == text
    assert [(t.idx, t.text, t.whitespace_) for t in chunked] == [
        (t.idx, t.text, t.whitespace_) for t in whole
    ]
    for sentence in chunked.sents:
        assert text[sentence.start_char : sentence.end_char] == sentence.text
    paragraph_starts = {i + 2 for i in range(len(text) - 2) if text[i : i + 2] == "\n\n"}
    sentence_starts = {s.start_char for s in chunked.sents}
    assert paragraph_starts - {len(text)} <= sentence_starts
    assert {e.text for e in chunked.ents} >= {"Russia", "Ukraine"}
    for entity in chunked.ents:
        assert text[entity.start_char : entity.end_char] == entity.text
    assert all(t.head.doc is chunked for t in chunked)  # one Doc: heads within it


def test_the_analyzer_reads_a_text_longer_than_spacy_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's limit lowered to 20,000 characters (E088 past it) and chunks to 8,000: the same
    # path a 1.3 MB article takes under the real 1,000,000 and 100,000, in a second.
    analyzer = Analyzer(profile="fast")
    monkeypatch.setattr(analyzer.nlp, "max_length", 20_000)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 8_000)
    text = long_article(30_000)
    doc = analyzer.analyze(RawArticle(text, "long.txt"))
    assert doc.text == text
    assert len(doc.quotes) > 50
    for quote in doc.quotes:
        assert text[quote.start : quote.end] == quote.text
    mentions = [m for actor in doc.actors for m in actor.mentions]
    assert mentions and all(text[m.start : m.end] == m.text for m in mentions)


def test_chunks_are_parsed_one_at_a_time_so_memory_stays_that_of_one_chunk() -> None:
    # The parser's working memory grows with the texts it is handed at once: a long text's
    # chunks go through it one by one, so its peak is about one chunk's, not the whole text's.
    import tracemalloc

    nlp = load_nlp()
    text = long_article(48_000)
    nlp(text[:1_000])  # warm up: first-call allocations are not the parse's
    tracemalloc.start()
    try:
        nlp(text[:12_000])
        _, one_chunk = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        parse(nlp, text, chunk_chars=12_000)
        _, whole = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert whole < 2 * one_chunk, (whole, one_chunk)


@pytest.mark.parametrize(
    "header",
    ["World briefing\nMay 4 2025", "Briefing\nMay 4, 2025", "World briefing\n4 May 2025", "World briefing\nMarch 4 2025"],
)
def test_a_lede_after_a_dateline_is_one_sentence(header: str) -> None:
    # left alone, the parser cut "Turkey | and | Greece signed a deal." after the date line
    body = "Turkey and Greece signed a deal."
    sentences = [s.text.strip() for s in parse(load_nlp(), f"{header}\n\n{body}\n").sents]
    assert sentences[-1] == body, sentences


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ("News in brief", "Azerbaijan launched the project despite strong objections from Iran."),
        ("Baku defies Tehran", "Azerbaijan opened the pipeline despite objections from Tehran."),
        ("Profile", "Marta Lindqvist is unaware of the quarrel."),
    ],
)
def test_a_verb_or_a_name_second_on_a_line_starts_no_sentence(header: str, body: str) -> None:
    # left alone, the parser cut "Azerbaijan | launched the project ..." after a headline
    sentences = [s.text.strip() for s in parse(load_nlp(), f"{header}\n\n{body}\n").sents]
    assert sentences[-1] == body, sentences


def test_a_form_label_second_word_keeps_its_sentence() -> None:
    # "Email | This field is required": a determiner second on a line may start a sentence
    sentences = [s.text.strip() for s in parse(load_nlp(), "Contact\n\nEmail This field is required.\n").sents]
    assert sentences[-1] == "This field is required.", sentences


def test_a_line_may_still_hold_several_sentences() -> None:
    text = "Headline\n\nYes. We will sign it. \"No,\" he said.\n"
    assert [s.text.strip() for s in parse(load_nlp(), text).sents][1:] == ["Yes.", "We will sign it.", "\"No,\" he said."]


def test_the_lede_after_a_dateline_gives_its_relation() -> None:
    doc = Analyzer(profile="fast").analyze(
        RawArticle(text="World briefing\nMay 4 2025\n\nTurkey and Greece signed a deal.\n", source="test"))
    names = {a.id: a.name for a in doc.actors}
    assert {(names[r.source], names[r.target], r.type) for r in doc.relations} == {
        ("Turkey", "Greece", "AGREE"), ("Greece", "Turkey", "AGREE")}


def _regular_forms(verb: str) -> tuple[str, str, str]:
    """Past, present participle and third person of a regular English verb."""
    if verb.endswith("e"):
        past, participle = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, participle = verb[:-1] + "ied", verb + "ing"
    else:
        past, participle = verb + "ed", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return past, participle, third


def test_every_cue_verb_tagged_as_a_verb_has_its_own_lemma() -> None:
    # the rule lemmatizer read "fined" as "fin" and "lambasted" as "lambast": the relation cues
    # "fine" and "lambaste" were never matched in those forms (data/en/lemmas.yaml)
    nlp = load_nlp()
    wrong = []
    for verb in sorted(relation_lexicon().verbs):
        if not verb.isalpha():
            continue
        past, participle, third = _regular_forms(verb)
        for text, i in ((f"Russia {past} Ukraine on Monday.", 1), (f"Russia is {participle} Ukraine.", 2),
                        (f"Russia {third} Ukraine every day.", 1)):
            token = nlp(text)[i]
            if token.pos_ == "VERB" and token.lemma_.lower() != verb:
                wrong.append((token.text, token.lemma_))
    assert wrong == []
