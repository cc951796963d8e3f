"""Errors that stop the analysis of one input (and only that input)."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be analysed; the message says why, for a person to read."""

    def __init__(self, source: str, reason: str, *, code: str = "bad_input") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.code = code


class UnsupportedLanguage(InputError):
    """The text is in a language presslens has no pipeline for (it analyses English and
    Russian)."""

    def __init__(self, source: str, language: str) -> None:
        super().__init__(
            source,
            f"text is in language {language!r}; presslens analyses English and Russian only",
            code="unsupported_language",
        )
        self.language = language
