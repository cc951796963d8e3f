"""A quote that starts in the lede's dateline starts after its dash."""

from __future__ import annotations

from presslens.model import Document, Meta, Offsets, Quote
from presslens.quotes.dateline import lede_start, without_dateline

TEXT = (
    "Expert: Yerevan becomes a tool\n\n"
    "MOSCOW, April 12, 2025 (Interfax) — Armenia is drifting from its allies, believes "
    "political scientist Viktor Larionov.\n"
)


def _doc(text: str = TEXT, date: str | None = "April 12, 2025") -> Document:
    span = None
    if date is not None:
        at = text.index(date)
        span = Offsets(start=at, end=at + len(date))
    return Document(id="d", text=text, meta=Meta(published_span=span))


def _quote(text: str, start: int, end: int) -> Quote:
    return Quote(id="q1", kind="indirect", start=start, end=end, text=text[start:end])


def test_a_quote_run_into_the_dateline_starts_after_its_dash() -> None:
    doc = _doc()
    line = TEXT.index("MOSCOW")
    end = TEXT.index(", believes")
    [quote] = without_dateline([_quote(TEXT, line, end)], doc)
    assert quote.text == "Armenia is drifting from its allies"
    assert TEXT[quote.start:quote.end] == quote.text


def test_quotes_elsewhere_are_left_alone() -> None:
    doc = _doc()
    headline = _quote(TEXT, 8, 30)
    inside = _quote(TEXT, TEXT.index("Armenia"), TEXT.index(", believes"))
    assert without_dateline([headline, inside], doc) == [headline, inside]


def test_a_russian_dateline() -> None:
    text = "МОСКВА, 12 апреля 2025 — Армения отходит от союзников, считает политолог.\n"
    doc = _doc(text, "12 апреля 2025")
    assert lede_start(doc) == (0, text.index("Армения"))
    [quote] = without_dateline([_quote(text, 0, text.index(", считает"))], doc)
    assert quote.text == "Армения отходит от союзников"


def test_no_dash_after_the_date_is_no_dateline() -> None:
    text = "Published April 12, 2025\n\nArmenia is drifting, he said.\n"
    assert lede_start(_doc(text)) is None
    assert lede_start(_doc(text, None)) is None
