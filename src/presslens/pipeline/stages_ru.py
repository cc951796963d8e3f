"""The components of the Russian pipeline (``profiles.RUSSIAN``), run on natasha's parse
(``nlp_ru.parse_russian``). They fill the same ``Document`` fields as the English ones, with
evidence offsets into the Russian text; each stage's Russian module reads its word lists from
``data/ru/``. Each factory imports its stage when the first Russian article is analysed, so an
English-only run never loads them.
"""

from __future__ import annotations

from presslens.pipeline.components import Analysis, Component, Resources, component


@component("actors_ru", requires=["doc.text", "doc.meta", "sdoc"], assigns=["doc.actors"])
def actors_ru(resources: Resources) -> Component:
    from presslens.actors.russian import extract_russian_actors

    gazetteer = resources.gazetteer

    def run(analysis: Analysis) -> None:
        analysis.doc.actors = extract_russian_actors(analysis.doc, analysis.sdoc, gazetteer)

    return run


@component("quotes_ru", requires=["doc.actors", "sdoc"], assigns=["doc.quotes"])
def quotes_ru(resources: Resources) -> Component:
    from presslens.quotes.russian import extract_russian_quotes

    def run(analysis: Analysis) -> None:
        analysis.doc.quotes = extract_russian_quotes(analysis.doc, analysis.sdoc)

    return run


@component("relations_ru", requires=["doc.actors", "doc.quotes", "sdoc"], assigns=["doc.relations"])
def relations_ru(resources: Resources) -> Component:
    from presslens.relations.russian import extract_russian_relations

    def run(analysis: Analysis) -> None:
        analysis.doc.relations = extract_russian_relations(analysis.doc, analysis.sdoc)

    return run


@component(
    "claims_ru", requires=["doc.actors", "doc.quotes", "doc.relations", "sdoc"], assigns=["doc.claims"]
)
def claims_ru(resources: Resources) -> Component:
    from presslens.claims.russian import extract_russian_claims

    def run(analysis: Analysis) -> None:
        analysis.doc.claims = extract_russian_claims(analysis.doc, analysis.sdoc)

    return run


@component(
    "stances_ru", requires=["doc.actors", "doc.quotes", "doc.relations", "sdoc"],
    assigns=["doc.stances"],
)
def stances_ru(resources: Resources) -> Component:
    from presslens.stances.russian import extract_russian_stances

    def run(analysis: Analysis) -> None:
        analysis.doc.stances = extract_russian_stances(analysis.doc, analysis.sdoc)

    return run


@component("techniques_ru", requires=["doc.text", "sdoc"], assigns=["doc.techniques"])
def techniques_ru(resources: Resources) -> Component:
    from presslens.techniques import to_label_set
    from presslens.techniques.russian import load_russian_technique_model, russian_techniques

    model = load_russian_technique_model()
    threshold = resources.settings.technique_threshold
    label_set = resources.settings.label_set

    def run(analysis: Analysis) -> None:
        found = russian_techniques(analysis.doc.text, model, threshold)
        analysis.doc.techniques = to_label_set(found, label_set)

    return run
