"""The document model: the one contract between presslens stages and the published JSON Schema.

Every extracted item carries character offsets into ``Document.text`` (Python string indices,
start inclusive, end exclusive), so that ``text[start:end]`` is the item's evidence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1"

# "region": a subnational polity with its own government (a US state, a Canadian province, Crimea,
# the Kurdistan Region), or a city or county standing for its own government ("Chicago's mayor")
ActorKind = Literal[
    "country", "person", "alliance", "organization", "party", "institution", "media", "group",
    "region",
]
QuoteKind = Literal["direct", "indirect"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
MentionRole = Literal["name", "metonym", "place", "demonym", "title", "pronoun", "acronym"]
# The 23 persuasion techniques of SemEval-2023 Task 3 (definitions in data/techniques.yaml), then
# the 8 labels of SemEval-2020 Task 11 that the 2023 scheme names differently (the output of
# ``--label-set semeval2020``; the other 6 of the 14 are 2023 names too). A test keeps this list
# equal to the data file.
TECHNIQUE_LABELS: tuple[str, ...] = (
    "Name_Calling-Labeling",
    "Guilt_by_Association",
    "Doubt",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
    "Flag_Waving",
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Conversation_Killer",
    "Appeal_to_Time",
    "Loaded_Language",
    "Obfuscation-Vagueness-Confusion",
    "Exaggeration-Minimisation",
    "Repetition",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Name_Calling,Labeling",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
_TECHNIQUE_LABEL_SET = frozenset(TECHNIQUE_LABELS)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A stretch of the analysed text."""

    start: int = Field(ge=0, description="Offset of the first character (inclusive).")
    end: int = Field(ge=0, description="Offset after the last character (exclusive).")
    text: str = Field(description="Exactly text[start:end] of the document.")


class Offsets(_Model):
    """A stretch of the analysed text without its copy (used for evidence lists)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """One place where an actor is referred to."""

    role: MentionRole = Field(
        default="name",
        description=(
            "How the actor is referred to: its name, a capital or seat used as a metonym for the "
            "state, a capital used as a plain place, a demonym/adjective, a title or role noun "
            "('the expert'), a pronoun, or an acronym."
        ),
    )


class Meta(_Model):
    title: str | None = Field(default=None, description="Headline of the article.")
    published: str | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM), ISO 8601.",
    )
    outlet: str | None = Field(default=None, description="The publishing outlet.")
    authors: list[str] = Field(default_factory=list, description="Authors or interviewees named.")
    url: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code of the text language.")
    title_span: Offsets | None = Field(
        default=None, description="Where the title stands in the text, when it does."
    )
    published_span: Offsets | None = Field(
        default=None, description="Where the dateline stands in the text, when it does."
    )
    outlet_span: Offsets | None = Field(
        default=None, description="Where the outlet was named in the text, when inferred from it."
    )


class Actor(_Model):
    id: str = Field(description="Stable id within the document, e.g. 'Q227' or 'person:petrosyan'.")
    name: str = Field(description="Canonical name.")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    kind: ActorKind = Field(description=(
        "What the actor is; 'region' is a state, province or region with its own government (US "
        "states, Canadian provinces, Crimea, the Kurdistan Region) or a city named as its own "
        "government ('Chicago's mayor')."))
    mentions: list[Mention] = Field(default_factory=list)


class Quote(Span):
    id: str
    kind: QuoteKind
    speaker: str | None = Field(default=None, description="Actor id of the speaker, or null.")
    cue: Span | None = Field(default=None, description="The attribution verb or phrase.")
    speaker_span: Span | None = Field(
        default=None, description="The words that name the speaker at this quote."
    )
    actors: list[str] = Field(
        default_factory=list, description="Ids of the actors mentioned inside the quote."
    )


class Relation(Span):
    source: str = Field(description="Actor id of the one who acts.")
    target: str = Field(description="Actor id of the one acted upon.")
    type: str = Field(description="PLOVER event type, or ALLY / ADVERSARY / CONTROL.")
    polarity: Literal[-1, 0, 1]
    modality: Modality = "asserted"
    asserted_by: str | None = Field(
        default=None, description="Actor id of whoever asserts it: a quote's speaker, or the outlet."
    )
    confidence: float = Field(ge=0.0, le=1.0)
    cue: Span | None = Field(
        default=None, description="The word(s) that state the relation (a verb, a noun, ...)."
    )
    source_state: str | None = Field(
        default=None,
        description=(
            "The state the source acts for, for a state-level network: the country id of a "
            "country, or of the state whose leader, minister, ministry, army, parliament, "
            "embassy, spokesperson or party the source is; null when unknown."
        ),
    )
    target_state: str | None = Field(
        default=None,
        description="The state the target acts for, for a state-level network (as source_state).",
    )


class Stance(_Model):
    holder: str = Field(description=(
        "Actor id of whoever holds the stance: a quote's speaker, 'outlet' for unquoted text, or "
        "(default profile) an actor the sentence shows positive or negative toward the target."
    ))
    target: str
    sign: Literal[-1, 1]
    score: float = Field(ge=-1.0, le=1.0)
    evidence: list[Offsets] = Field(default_factory=list)


class Technique(Span):
    """A stretch of text using a persuasion technique. Spans may overlap, and one span may carry
    several labels (one ``Technique`` each)."""

    label: str = Field(
        description=(
            "The technique: a SemEval-2023 Task 3 label, or a SemEval-2020 Task 11 label when the "
            "article was analysed with --label-set semeval2020."
        ),
        json_schema_extra={"enum": list(TECHNIQUE_LABELS)},
    )
    confidence: float = Field(
        ge=0.0,
        le=1.0,
        description=(
            "Calibrated probability that the span overlaps a human-annotated span of this label "
            "(Platt scaling on held-out articles of the training corpus)."
        ),
    )

    @field_validator("label")
    @classmethod
    def _known_label(cls, value: str) -> str:
        if value not in _TECHNIQUE_LABEL_SET:
            raise ValueError(f"unknown technique label {value!r}")
        return value


class Claim(Span):
    score: float = Field(ge=0.0, le=1.0, description="Check-worthiness, 0 to 1.")
    claimant: str | None = None
    actors: list[str] = Field(default_factory=list)
    loaded: bool = Field(
        default=False,
        description="A loaded accusation: it names two actors or more and says in loaded terms "
        "that one acts for, under or against another (default profile only).",
    )


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Hash of the analysed text: identical texts get identical ids.")
    source_path: str | None = None
    text: str = Field(description="The analysed text; every offset indexes into it.")
    meta: Meta = Field(default_factory=Meta)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_match_text(self) -> Document:
        """Refuse a document whose evidence does not point at its own text."""
        text = self.text
        spans: list[Span] = []
        for actor in self.actors:
            spans.extend(actor.mentions)
        for quote in self.quotes:
            spans.append(quote)
            if quote.cue is not None:
                spans.append(quote.cue)
            if quote.speaker_span is not None:
                spans.append(quote.speaker_span)
        for relation in self.relations:
            spans.append(relation)
            if relation.cue is not None:
                spans.append(relation.cue)
        spans.extend(self.techniques)
        spans.extend(self.claims)
        for span in spans:
            if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} {span.text!r} does not match the document text"
                )
        for stance in self.stances:
            for ev in stance.evidence:
                if not 0 <= ev.start <= ev.end <= len(text):
                    raise ValueError(f"stance evidence {ev.start}:{ev.end} is outside the text")
        return self

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def json_schema() -> dict[str, object]:
    """The published JSON Schema of one analysed article."""
    return Document.model_json_schema()
