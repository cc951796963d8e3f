"""The built-in components: today's stages, in the order the profiles run them."""

from __future__ import annotations

from presslens import actors as actor_stage
from presslens import quotes as quote_stage
from presslens import relations as relation_stage
from presslens import stances as stance_stage
from presslens.claims import extract_claims
from presslens.index import DocumentIndex
from presslens.pipeline.components import Analysis, Component, Resources, component
from presslens.techniques import detect_techniques, to_label_set


@component("actors", requires=["doc.text", "doc.meta", "sdoc"], assigns=["doc.actors"])
def actors(resources: Resources) -> Component:
    gazetteer = resources.gazetteer

    def run(analysis: Analysis) -> None:
        analysis.doc.actors = actor_stage.extract_actors(analysis.doc, analysis.sdoc, gazetteer)

    return run


@component("quotes", requires=["doc.actors", "sdoc"], assigns=["doc.quotes"])
def quotes(resources: Resources) -> Component:
    def run(analysis: Analysis) -> None:
        analysis.doc.quotes = quote_stage.extract_quotes(analysis.doc, analysis.sdoc)

    return run


@component("index", requires=["doc.actors", "doc.quotes", "sdoc"], assigns=["index"])
def index(resources: Resources) -> Component:
    gazetteer = resources.gazetteer

    def run(analysis: Analysis) -> None:
        analysis.index = DocumentIndex(analysis.doc, analysis.sdoc, gazetteer)

    return run


@component("relations", requires=["doc.actors", "doc.quotes", "index"], assigns=["doc.relations"])
def relations(resources: Resources) -> Component:
    def run(analysis: Analysis) -> None:
        analysis.doc.relations = relation_stage.extract_relations(
            analysis.doc, analysis.sdoc, analysis.need_index()
        )

    return run


@component("claims", requires=["doc.actors", "doc.quotes", "doc.relations", "sdoc"], assigns=["doc.claims"])
def claims(resources: Resources) -> Component:
    def run(analysis: Analysis) -> None:
        analysis.doc.claims = extract_claims(analysis.doc, analysis.sdoc)

    return run


@component(
    "learned_claims",
    requires=["doc.actors", "doc.quotes", "doc.relations", "sdoc", "encodings"],
    assigns=["doc.claims"],
)
def learned_claims(resources: Resources) -> Component:
    from presslens.claims.learned import learned_claims as decide
    from presslens.claims.learned import load_learned_model

    model = load_learned_model()

    def run(analysis: Analysis) -> None:
        analysis.doc.claims = decide(analysis.doc, analysis.sdoc, analysis.need_encodings(), model)

    return run


@component(
    "stances", requires=["doc.actors", "doc.quotes", "doc.relations", "index"], assigns=["doc.stances"]
)
def stances(resources: Resources) -> Component:
    def run(analysis: Analysis) -> None:
        analysis.doc.stances = stance_stage.extract_stances(
            analysis.doc, analysis.sdoc, analysis.need_index()
        )

    return run


@component("techniques", requires=["doc.text", "sdoc"], assigns=["doc.techniques"])
def techniques(resources: Resources) -> Component:
    threshold = resources.settings.technique_threshold
    label_set = resources.settings.label_set

    def run(analysis: Analysis) -> None:
        found = detect_techniques(analysis.doc, analysis.sdoc, threshold=threshold)
        analysis.doc.techniques = to_label_set(found, label_set)

    return run


# beside today's detector's techniques, which it keeps: together they score higher on the
# held-out SemEval-2023 articles than either alone (README, "Persuasion techniques")
@component(
    "learned_techniques", requires=["doc.text", "doc.techniques", "encodings"],
    assigns=["doc.techniques"],
)
def learned_techniques(resources: Resources) -> Component:
    from presslens.techniques.learned import merge_techniques, shipped_learned_model
    from presslens.techniques.learned import techniques_of_article as decide

    model = shipped_learned_model()
    label_set = resources.settings.label_set
    floor = resources.settings.technique_threshold  # raises the labels' own thresholds

    def run(analysis: Analysis) -> None:
        found = decide(analysis.doc.text, analysis.need_encodings(), model, floor)
        analysis.doc.techniques = merge_techniques(analysis.doc.techniques,
                                                   to_label_set(found, label_set))

    return run


# --- the learned stages of the default profile (the shared encoder and the pair model)


@component("encoder", requires=["doc.actors", "index", "sdoc"], assigns=["encodings"])
def encoder(resources: Resources) -> Component:
    from presslens.encoder import load_encoder
    from presslens.encoder.article import encode_article

    shared = load_encoder()

    def run(analysis: Analysis) -> None:
        analysis.encodings = encode_article(analysis.doc, analysis.sdoc, analysis.need_index(), shared)

    return run


@component(
    "learned_relations",
    requires=["doc.relations", "index", "encodings", "sdoc"],
    assigns=["doc.relations"],
)
def learned_relations(resources: Resources) -> Component:
    from presslens.pairs.model import load_pair_model
    from presslens.pairs.relations import learned_relations as decide

    model = load_pair_model()

    def run(analysis: Analysis) -> None:
        analysis.doc.relations = decide(
            analysis.doc, analysis.sdoc, analysis.need_index(), analysis.need_encodings(), model,
            analysis.doc.relations,
        )

    return run


@component(
    "learned_stances",
    requires=["doc.stances", "doc.relations", "index", "encodings"],
    assigns=["doc.stances"],
)
def learned_stances(resources: Resources) -> Component:
    from presslens.pairs.model import load_pair_model
    from presslens.pairs.stances import learned_stances as decide

    model = load_pair_model()

    def run(analysis: Analysis) -> None:
        analysis.doc.stances = decide(
            analysis.need_index(), analysis.need_encodings(), model, analysis.doc.stances,
            analysis.doc.relations,
        )

    return run
