"""What marks speech, shared by the stages that need it: the quote stage finds attributions with
it, the actor stage takes the subject of a speech verb for a person, and the claims stage reads
a framing verb. The speech verbs are data (``presslens/data/speech_verbs.txt``, sources in its
header)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from presslens.lexicon.words import word_set
from presslens.metadata_dates import alternatives

SPEECH_VERBS_FILE = "speech_verbs.txt"

# An interviewer's turn: a dash-led line ("– What do you see?") or a "Q:" line (the labels are
# ``interview_labels`` of data/en/quotes.yaml).
_TURN_OPENING = rf"^\s*(?:[–—-]\s|(?:{alternatives(word_set('quotes', 'interview_labels'))}):)"
TURN_LINE = re.compile(_TURN_OPENING)
# An interviewer's question: such a turn, or a line that ends in a question mark.
QUESTION_LINE = re.compile(rf"{_TURN_OPENING}|\?\s*$")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of the speech-verb lexicon shipped in ``presslens/data/speech_verbs.txt``."""
    raw = resources.files("presslens.data").joinpath(SPEECH_VERBS_FILE).read_text("utf-8")
    lemmas = set()
    for line in raw.splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            lemmas.add(word)
    return frozenset(lemmas)
