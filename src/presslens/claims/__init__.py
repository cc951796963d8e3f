"""Check-worthy claims: sentences and clauses ranked for a fact-checker, with claimant and actors.

``extract_claims(doc, sdoc)`` runs after the quote stage (it needs ``doc.quotes`` for claimants
and ``doc.actors`` for the actors inside each claim). The model is trained with
``presslens train claims`` and shipped in ``presslens/data/models/claims/``.
"""

from presslens.claims.extract import DEFAULT_FLOOR, RULE_WEIGHTS, extract_claims

__all__ = ["DEFAULT_FLOOR", "RULE_WEIGHTS", "extract_claims"]
