"""Who speaks at any offset of the text: the quote around it and its speaker, else the outlet."""

from __future__ import annotations

from presslens.model import Document, Quote


class Speech:
    def __init__(self, doc: Document) -> None:
        self.quote_spans: list[Quote] = sorted(doc.quotes, key=lambda q: q.start)
        self.outlet_id: str | None = None  # the outlet, when the article names it as an actor
        outlet = doc.meta.outlet
        if outlet:
            for actor in doc.actors:
                if actor.kind == "media" and actor.name.casefold() == outlet.casefold():
                    self.outlet_id = actor.id

    def attribute(self, authors: dict[str, str]) -> None:
        """Quotes of a post: their speaker is the post's author (``posts``)."""
        if authors:
            self.quote_spans = [
                q.model_copy(update={"speaker": authors[q.id]}) if q.id in authors else q
                for q in self.quote_spans
            ]

    def quote_at(self, char: int) -> Quote | None:
        for quote in self.quote_spans:
            if quote.start <= char < quote.end:
                return quote
        return None

    def asserted_by(self, char: int) -> str | None:
        """The speaker of the quote holding ``char``, else the outlet."""
        quote = self.quote_at(char)
        if quote is not None:
            return quote.speaker
        return self.outlet_id
