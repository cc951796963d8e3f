"""Check-worthy claims: sentences and clauses ranked for a fact-checker, with claimant and actors.

``extract_claims(doc, sdoc)`` runs after the quote stage (it needs ``doc.quotes`` for claimants
and ``doc.actors`` for the actors inside each claim). The model is trained with
``presslens train claims`` and shipped in ``presslens/data/models/claims/``: the fast profile.

The default profile's ``learned.learned_claims`` scores the same segments with a head over the
shared encoder (``presslens train claims-learned``, ``data/models/claims_learned/``) and lists a
short list of them.
"""

from presslens.claims.extract import DEFAULT_FLOOR, RULE_WEIGHTS, extract_claims

__all__ = ["DEFAULT_FLOOR", "RULE_WEIGHTS", "extract_claims"]
