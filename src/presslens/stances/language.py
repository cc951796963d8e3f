"""Evaluative language: which words portray which actor, and how strongly.

Every finder yields ``Said`` items: the token where the evaluation is said (its holder is the
speaker of the quote around it, or the outlet), the actors it is about, and a signed weight.
Kinds of evidence (word lists and weights in ``data/stance_lexicon.yaml``):

- evaluative nouns and adjectives predicated of an actor or modifying it ("the Kyiv regime",
  "X is a mere instrument", "a reliable partner"), participles read as passives ("X is
  paralysed"), and evaluative action nouns done by an actor ("Brussels has chosen blackmail");
- verbs and verb phrases whose subject (or passive agent) the holder portrays ("X lectures",
  "a deal brokered by X", "X has lost the trust of", "X did nothing", "X keeps its word"; "have
  done so" repeats the verb phrase before it);
- verbs whose object the holder itself judges ("I blame X", "we respect X");
- sarcasm markers: "so-called", scare quotes around someone's words ("what X calls the 'Turkic
  world'", "X's 'strategic patience'") and "as if" ("X behaves as if it had a blank cheque").

Negation flips a sign at half strength, also in a purpose clause of a negated verb ("has never
sent a soldier to protect X"). Evaluation inside what somebody is asked, expected or pretends to
do is not asserted ("expects X to honour", "pretends to be neutral") and is left out. A relational
noun predicated of two coordinated actors ("A and B are allies") says how they stand to each
other, not how the holder sees them.

``EvaluativeLanguage`` combines the finders, mixins over ``EvaluationBase``
(``evaluation_base``, with the ``Said`` record and the document's ``Tokens``):
``WordEvaluations`` (``word_evaluations``: nouns, adjectives, verbs) and ``MarkedEvaluations``
(``marked_evaluations``: sarcasm, scare quotes, victims).
"""

from __future__ import annotations

from presslens.stances.evaluation_base import Said, Tokens, reporter
from presslens.stances.marked_evaluations import MarkedEvaluations
from presslens.stances.word_evaluations import WordEvaluations

__all__ = ["EvaluativeLanguage", "Said", "Tokens", "reporter"]


class EvaluativeLanguage(WordEvaluations, MarkedEvaluations):
    """Finds evaluative language in one parsed document."""
