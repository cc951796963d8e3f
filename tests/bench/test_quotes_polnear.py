"""``presslens eval-quotes``: PolNeAr's brat files read, the gold kept to quotes, and scored,
on a split written here (two invented articles, never the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from presslens.bench.polnear import gold_kind, read_split, split_gold
from presslens.bench.quotes_polnear import QuoteScore, normalised, score_article
from presslens.model import Actor, Document, Mention, Quote, Span
from presslens.nlp import load_nlp

TEXT = (
    "Mayor Lena Ortiz said that the new tram line will open in March next year.\n\n"
    "The plan is popular, according to a city poll taken in the spring of last year.\n\n"
    "Ortiz believes the tram will change how people in the city get to work.\n\n"
    "“It is the biggest project this city has ever built,” Ortiz said.\n"
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _ann(text: str) -> str:
    rows = []
    attributions = [
        ("Mayor Lena Ortiz", "said", "that the new tram line will open in March next year"),
        ("a city poll", "according to", "The plan is popular"),
        ("Ortiz", "believes", "the tram will change how people in the city get to work"),
        ("Ortiz", "said", "“It is the biggest project this city has ever built,”"),
    ]
    n = 0
    for e, (source, cue, content) in enumerate(attributions, start=1):
        ids = []
        for label, words in (("Source", source), ("Cue", cue), ("Content", content)):
            n += 1
            # each attribution lies in one paragraph: find its words there
            paragraph = text.rfind("\n\n", 0, text.index(content)) + 1
            start = text.index(words, paragraph)
            rows.append(f"T{n}\t{label} {start} {start + len(words)}\t{words}")
            ids.append(f"{label}:T{n}")
        rows.append(f"E{e}\tAttribution:T{n} " + " ".join(ids))
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "city_2016-01-01_tram.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "city_2016-01-01_tram_aaaa.ann").write_text(_ann(TEXT), "utf-8")
    # a second annotator's file of the same article is not read
    (tmp_path / "attributions" / "city_2016-01-01_tram_bbbb.ann").write_text("", "utf-8")
    return tmp_path


def test_gold_is_speech_with_a_clause_of_five_words(split: Path, nlp: Language) -> None:
    [article] = read_split(split)
    assert len(article.attributions) == 4
    gold, excluded = split_gold(article, nlp(article.text))
    assert [TEXT[g.content[0]:g.content[1]][:12] for g in gold] == ["that the new", "“It is the b"]
    assert [g.kind for g in gold] == ["indirect", "direct"]
    assert len(excluded) == 2  # "according to a poll" and "believes"


def test_kinds() -> None:
    assert gold_kind("“We will win,”") == "direct"
    assert gold_kind("``We will win,''") == "direct"
    assert gold_kind("the party “cannot stand” either") == "mixed"
    assert gold_kind("the party will win") == "indirect"


def test_normalised_drops_marks_punctuation_and_leading_that() -> None:
    text = "x “that the plan works,” y"
    assert text[slice(*normalised(text, (2, 24)))] == "the plan works"


def _quote(n: int, words: str, speaker: str | None, said: str | None = None) -> Quote:
    start, end = _span(TEXT, words)
    speaker_span = None
    if said is not None:
        s, e = _span(TEXT, said)
        speaker_span = Span(start=s, end=e, text=said)
    return Quote(id=f"q{n}", kind="indirect", start=start, end=end, text=words, speaker=speaker,
                 speaker_span=speaker_span)


def test_exact_overlap_speaker_and_ignored_predictions(split: Path, nlp: Language) -> None:
    [article] = read_split(split)
    gold, excluded = split_gold(article, nlp(article.text))
    ortiz = Actor(id="p:ortiz", name="Lena Ortiz", kind="person",
                  mentions=[Mention(start=s, end=s + len("Ortiz"), text="Ortiz", role="name")
                            for s in [i for i in range(len(TEXT)) if TEXT.startswith("Ortiz", i)]])
    doc = Document(id="t", text=TEXT, actors=[ortiz], quotes=[
        _quote(1, "the new tram line will open in March next year", "p:ortiz"),  # exact
        _quote(2, "The plan is popular", None),  # on an excluded attribution: not counted
        _quote(3, "It is the biggest project", None, said="Ortiz"),  # overlap only
    ])
    score = QuoteScore()
    score_article(TEXT, doc, gold, excluded, score, keep_misses=False)
    figures = score.figures()
    assert (score.gold, figures["predicted"], score.ignored) == (2, 2, 1)
    assert figures["overlap"]["f1"] == 1.0
    assert figures["exact"]["f1"] == 0.5
    # q1's actor has a mention at its source; q3's speaker words are the first "Ortiz" of the
    # text, not the source of its quote, and it has no actor
    assert figures["speaker_accuracy"] == 0.5
    assert figures["recall_by_kind"] == {"direct": (1.0, 1), "indirect": (1.0, 1)}


def test_split_quotation_pieces_are_exact(nlp: Language) -> None:
    from presslens.bench.polnear import Attribution, PolnearArticle

    text = "“The tram is late,” Ortiz said, smiling. “But it will be worth the wait for all.”\n"
    content = (0, len(text) - 1)
    source, cue = _span(text, "Ortiz"), _span(text, "said")
    article = PolnearArticle("split", text, [Attribution(content, cue, source)])
    [gold], _ = split_gold(article, nlp(text))
    assert [text[a:b] for a, b in gold.pieces] == [
        "“The tram is late,”", "“But it will be worth the wait for all.”"]
    second = _span(text, "But it will be worth the wait for all.")
    doc = Document(id="t", text=text, quotes=[
        Quote(id="q1", kind="direct", start=1, end=18, text=text[1:18]),
        Quote(id="q2", kind="direct", start=second[0], end=second[1], text=text[slice(*second)])])
    score = QuoteScore()
    score_article(text, doc, [gold], [], score, keep_misses=False)
    assert score.exact_tp == 1 and score.exact_right == 2
