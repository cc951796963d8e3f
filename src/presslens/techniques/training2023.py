"""``presslens train techniques2023``: the learned technique heads from the SemEval-2023 articles.

Never trained on the held-out fifth (``semeval2023.is_heldout``). The per-label thresholds are
chosen on out-of-fold probabilities of a cross-validation over the training articles (folds by
article), each the threshold that maximises that label's paragraph-level F1; the held-out fifth
only gives the figures written to ``meta.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from presslens.encoder import EncoderSpec, load_encoder
from presslens.encoder.fitting import SEED, file_digest, library_versions
from presslens.techniques.corpus2023 import EncodedArticle, encode_articles, sentence_targets
from presslens.techniques.labels import labels_2023
from presslens.techniques.learned import (
    LearnedTechniqueModel,
    MultiLabelHead,
    piece_features,
    sentence_features,
)
from presslens.techniques.lexical import (
    CHAR_SIZES,
    HASH_BITS,
    MIN_DF,
    choose_lexical,
    fit_lexical,
    fit_stack,
)
from presslens.techniques.scoring2023 import predict_articles, score_articles
from presslens.techniques.semeval2023 import (
    HELDOUT_RULE,
    Article2023,
    is_heldout,
    paragraph_lines,
    paragraph_scores,
    read_semeval2023,
)
from presslens.techniques.tuning2023 import (
    TuneSettings,
    fit_tuned,
    tuned_out_of_fold,
    tuned_versions,
)

FOLDS = 4
REGULARISATIONS = (0.003, 0.01, 0.03)  # C of the logistic regressions, chosen by cross-validation
# thresholds tried, 0.08 .. 0.9: from above the analyser's default technique threshold (0.07), so
# that the default leaves every label's own threshold in force and a higher one raises them all
GRID = tuple(round(0.02 * i, 2) for i in range(4, 46))
UNSEEN_THRESHOLD = 0.5  # for a label with no example at all
# every label's threshold is raised to at least this: the cross-validated thresholds of most
# labels sit at the bottom of GRID, tuned for the learned stage alone at SemEval's label
# frequencies, while the stage always runs beside today's detector and our genre holds fewer
# techniques. Chosen on the development articles (tests/devset*, techniques F1 of the default
# profile; 0.10-0.22 tried, F1 rising with the floor), kept at the highest value of those at
# which neither paragraph figure of the held-out fifth falls below the unfloored model's
# (0.12, 0.14 and 0.15 raise both; from 0.16 the macro-F1 falls): README, "The learned stage"
THRESHOLD_FLOOR = 0.15
# the span head: fitted on the word pieces of every third training sentence; its threshold the
# best of 0.3, 0.4, 0.5, 0.6 for span F1 on the first fold of the training articles (head fitted
# on the other folds; SI F1 0.463 with sentence spans, 0.493 at 0.3)
SPAN_EVERY = 3
# C and class weighting of the lexical head's logistic regressions, chosen by the
# cross-validated figures of the mix (the grid narrowed by earlier cross-validations: README)
LEXICAL_GRID = ((4.0, "none"), (4.0, "sqrt"))
SPAN_THRESHOLD = 0.3


def fold_of(article_id: str) -> int:
    """Cross-validation fold of a training article (by the SHA-1 digits the held-out rule does
    not read)."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) // 10 % FOLDS


def article_matrix(articles: Sequence[Article2023], encoded: Sequence[EncodedArticle],
                   labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Sentence features, 0/1 targets and the article id of each row."""
    xs, ys, ids = [], [], []
    for article, enc in zip(articles, encoded, strict=True):
        if not enc.bounds:
            continue
        xs.append(sentence_features([article.text[s:e] for s, e in enc.bounds], enc.encodings))
        ys.append(sentence_targets(article, enc.bounds, labels))
        ids += [article.id] * len(enc.bounds)
    return np.concatenate(xs), np.concatenate(ys), ids


def read_written(path: Path, labels: Sequence[str]) -> list[tuple[str, str]]:
    """(label, sentence) rows of a TSV of sentences written for labels absent from the articles
    (``corpora/techniques_written``)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, text = line.split("\t", 1)
            if label not in labels:
                raise ValueError(f"{path}: unknown label {label!r}")
            rows.append((label, text.strip()))
    return rows


def written_matrix(rows: Sequence[tuple[str, str]], labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each written sentence as a one-sentence article holding its label."""
    encoder = load_encoder()
    x = np.stack([sentence_features([text], encoder.encode([text]))[0] for _, text in rows])
    y = np.zeros((len(rows), len(labels)), dtype=np.int8)
    for row, (label, _) in enumerate(rows):
        y[row, list(labels).index(label)] = 1
    return x, y


def piece_matrix(articles: Sequence[Article2023],
                 encoded: Sequence[EncodedArticle]) -> tuple[np.ndarray, np.ndarray]:
    """Word-piece features of every ``SPAN_EVERY``-th sentence, and whether each piece lies
    inside some gold span."""
    xs, ys = [], []
    for article, enc in zip(articles, encoded, strict=True):
        for k, ((start, _), encoding) in enumerate(zip(enc.bounds, enc.encodings, strict=True)):
            if k % SPAN_EVERY or len(encoding.offsets) == 0:
                continue
            offsets = encoding.offsets + start
            inside = np.zeros(len(offsets), dtype=bool)
            for _, s, e in article.spans:
                inside |= (offsets[:, 0] < e) & (offsets[:, 1] > s)
            xs.append(piece_features(encoding))
            ys.append(inside.astype(np.int8))
    return np.concatenate(xs), np.concatenate(ys)[:, None]


def fit_multilabel(name: str, x: np.ndarray, y: np.ndarray, labels: Sequence[str],
                   c: float = REGULARISATIONS[1], balanced: frozenset[str] = frozenset()) -> MultiLabelHead:
    """One logistic regression per label (fixed solver: deterministic), written as a
    ``MultiLabelHead``: the hidden layer holds each logit z twice, as z and -z, so that
    relu(z) - relu(-z) = z gives back the linear model exactly. A label without positives gets
    a logit of -30. The labels in ``balanced`` (those known from a few written sentences only)
    weigh their positives as much as all their negatives."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    weights = np.zeros((x.shape[1], len(labels)), dtype=np.float64)
    bias = np.full(len(labels), -30.0)
    for j in range(len(labels)):
        if y[:, j].sum() == 0:
            continue
        model = LogisticRegression(C=c, max_iter=500, random_state=SEED,
                                   class_weight="balanced" if labels[j] in balanced else None)
        model.fit(z, y[:, j])
        weights[:, j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    folded = weights / scale[:, None]
    folded_bias = bias - (mean / scale) @ weights
    eye = np.eye(len(labels), dtype=np.float32)
    return MultiLabelHead(
        name, tuple(labels),
        np.concatenate([folded, -folded], axis=1).astype(np.float32),
        np.concatenate([folded_bias, -folded_bias]).astype(np.float32),
        np.concatenate([eye, -eye], axis=0), np.zeros(len(labels), dtype=np.float32),
    )


def paragraph_maxima(articles: Sequence[Article2023], encoded: Sequence[EncodedArticle],
                     probs: np.ndarray, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """For every paragraph of the articles: the highest probability of each label over its
    sentences, and its gold labels (0/1); ``probs`` follows ``article_matrix``'s rows."""
    col = {label: i for i, label in enumerate(labels)}
    maxima, gold = [], []
    row = 0
    for article, enc in zip(articles, encoded, strict=True):
        for number, start, end in paragraph_lines(article.text):
            inside = [row + k for k, (s, e) in enumerate(enc.bounds) if s < end and start < e]
            maxima.append(probs[inside].max(axis=0) if inside else np.zeros(len(labels)))
            want = np.zeros(len(labels), dtype=np.int8)
            for label in article.paragraphs.get(number, ()):
                if label in col:
                    want[col[label]] = 1
            gold.append(want)
        row += len(enc.bounds)
    return np.array(maxima), np.array(gold)


def choose_thresholds(maxima: np.ndarray, gold: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    """Per label, the threshold of ``GRID`` with the best paragraph F1 (the lowest on a tie)."""
    out = {}
    for j, label in enumerate(labels):
        if gold[:, j].sum() == 0:
            out[label] = UNSEEN_THRESHOLD
            continue
        best, chosen = -1.0, GRID[-1]
        for t in GRID:
            hit = maxima[:, j] >= t
            tp = int((hit & (gold[:, j] == 1)).sum())
            f1 = 2 * tp / (int(hit.sum()) + int(gold[:, j].sum()))
            if f1 > best:
                best, chosen = f1, t
        out[label] = chosen
    return out


def _cross_validation(train: Sequence[Article2023], train_enc: Sequence[EncodedArticle],
                      y: np.ndarray, y_extra: np.ndarray, labels: Sequence[str],
                      columns: Sequence[int]) -> Callable[[np.ndarray], tuple[dict[str, float], dict[str, float]]]:
    """Thresholds and paragraph micro/macro-F1 of out-of-fold probabilities (rows: the training
    sentences, then the written ones): per label the best threshold on the training paragraphs;
    the unseen labels' by sentence F1 of their written sentences against every training one."""
    def score(probs: np.ndarray) -> tuple[dict[str, float], dict[str, float]]:
        maxima, gold = paragraph_maxima(train, train_enc, probs[:len(y)], labels)
        chosen = choose_thresholds(maxima, gold, labels)
        chosen |= choose_thresholds(probs[:, columns], np.concatenate([y, y_extra])[:, columns],
                                    [labels[j] for j in columns])
        predicted = maxima >= np.array([chosen[label] for label in labels])
        cv = paragraph_scores(
            {(str(i), 0): {labels[int(j)] for j in np.flatnonzero(g)} for i, g in enumerate(gold)},
            {(str(i), 0): {labels[int(j)] for j in np.flatnonzero(p)} for i, p in enumerate(predicted)},
            labels)
        return chosen, {"paragraph_micro_f1": round(cv.micro_f1, 4),
                        "paragraph_macro_f1": round(cv.macro_f1, 4)}
    return score


def train_techniques2023(data: Path, out: Path, written: Path | None = None,
                         cache: Path | None = None, command: str = "",
                         tune: TuneSettings | None = None,
                         progress: Callable[[str], None] = lambda _: None) -> dict[str, object]:
    """Fit the sentence, lexical and span heads on the training articles (and, with ``tune``,
    fine-tune the layer after the encoder's: ``techniques.tuning2023``), choose their C, the
    stack and the thresholds by cross-validation, score the held-out fifth, write
    ``sentence.npz``, ``lexical.npz``, ``span.npz`` (``tuned.npz``) and ``meta.json`` to ``out``."""
    labels = labels_2023()
    articles = read_semeval2023(data, "all", labels)
    train = [a for a in articles if not is_heldout(a.id)]
    heldout = [a for a in articles if is_heldout(a.id)]
    encoded = {e.id: e for e in encode_articles(articles, cache)}
    train_enc = [encoded[a.id] for a in train]
    x, y, ids = article_matrix(train, train_enc, labels)
    extra = read_written(written, labels) if written is not None else []
    x_extra, y_extra = written_matrix(extra, labels) if extra else (x[:0], y[:0])
    folds = np.array([fold_of(i) for i in ids])
    extra_folds = np.arange(len(x_extra)) % FOLDS
    # labels no training article holds: learned from the written sentences alone
    unseen = frozenset(label for j, label in enumerate(labels) if y[:, j].sum() == 0)
    columns = [j for j, label in enumerate(labels) if label in unseen]
    cv_of = _cross_validation(train, train_enc, y, y_extra, labels, columns)
    tried: dict[str, object] = {}
    best: tuple[float, float, dict[str, float]] | None = None
    oof_logits: dict[float, np.ndarray] = {}
    for c in REGULARISATIONS:
        oof = np.zeros((len(y) + len(y_extra), len(labels)), dtype=np.float32)
        for fold in range(FOLDS):
            inside = np.concatenate([folds == fold, extra_folds == fold])
            head = fit_multilabel("sentence", np.concatenate([x, x_extra])[~inside],
                                  np.concatenate([y, y_extra])[~inside], labels, c, unseen)
            oof[inside] = head.logits(np.concatenate([x, x_extra])[inside])
        oof_logits[c] = oof
        chosen, cv = cv_of(np.round(1.0 / (1.0 + np.exp(-oof)), 4))
        tried[str(c)] = cv
        if best is None or cv["paragraph_micro_f1"] + cv["paragraph_macro_f1"] > best[0]:
            best = (cv["paragraph_micro_f1"] + cv["paragraph_macro_f1"], c, chosen)
    assert best is not None
    _, regularisation, cv_thresholds = best
    head = fit_multilabel("sentence", np.concatenate([x, x_extra]), np.concatenate([y, y_extra]),
                          labels, regularisation, unseen)
    # the lexical head (TF-IDF of the sentence's words and character n-grams), its C chosen by
    # the cross-validated figures of its mix with the sentence head; the mix (a logistic
    # regression per label over the two heads' logits) is fitted on the out-of-fold logits and,
    # for the figures and thresholds, cross-fitted: each fold's rows mixed by the other folds'
    texts = [a.text[s:e] for a, enc in zip(train, train_enc, strict=True) for s, e in enc.bounds]
    texts += [text for _, text in extra]
    all_y = np.concatenate([y, y_extra])
    all_folds = np.concatenate([folds, extra_folds])
    sentence_oof = oof_logits[regularisation]
    tuned_oof: list[np.ndarray] = []
    tuned_alone: dict[str, float] = {}
    rows = [e for enc in train_enc for e in enc.encodings]
    if tune is not None:
        rows += load_encoder().encode([text for _, text in extra])
        tuned_oof = [tuned_out_of_fold(rows, all_y, all_folds, labels, tune, progress)]
        tuned_alone = cv_of(np.round(1.0 / (1.0 + np.exp(-tuned_oof[0])), 4))[1]
    tried_lexical, (lexical_c, weighting), cv_thresholds, lexical_oof = choose_lexical(
        texts, all_y, all_folds, [sentence_oof, *tuned_oof], labels, unseen, cv_of, LEXICAL_GRID)
    thresholds = floored(cv_thresholds)
    stack = fit_stack([sentence_oof, lexical_oof, *tuned_oof], all_y, labels, unseen)
    lexical = fit_lexical(texts, all_y, labels, lexical_c, unseen, weighting)
    tuned = (fit_tuned(rows, all_y, np.arange(len(rows)), labels, tune)
             if tune is not None else None)
    x_pieces, y_pieces = piece_matrix(train, train_enc)
    span = fit_multilabel("span", x_pieces, y_pieces, ["inside"], REGULARISATIONS[1])
    model = LearnedTechniqueModel(head, thresholds, {}, span, SPAN_THRESHOLD, lexical, stack, tuned)
    held_enc = [encoded[a.id] for a in heldout]
    learned = predict_articles(heldout, held_enc, model)
    held = score_articles(heldout, learned, labels)
    # the default profile: beside today's detector, as the pipeline merges them
    from presslens.techniques.eval2023 import baseline_predictions, default_profile_predictions

    held_both = score_articles(
        heldout, default_profile_predictions(heldout, baseline_predictions(heldout), learned), labels)
    held_unfloored = score_articles(
        heldout, predict_articles(heldout, held_enc, replace(model, thresholds=cv_thresholds)), labels)
    figures: dict[str, object] = {
        "train_articles": len(train), "train_sentences": len(ids), "written_sentences": len(extra),
        "cross_validation": {"folds": FOLDS, "by_regularisation_C": tried,
                             "chosen_C": regularisation,
                             "with_lexical": tried_lexical,
                             **({"fine_tuned_alone": tuned_alone} if tuned_alone else {}),
                             "chosen_lexical": {"C": lexical_c, "weighting": weighting}},
        "heldout": held,
        "heldout_with_detector": {k: v for k, v in held_both.items() if k != "per_label"},
        "heldout_without_floor": {k: v for k, v in held_unfloored.items() if k != "per_label"},
    }
    head.save(out)
    span.save(out)
    lexical.save(out)
    if tuned is not None:
        tuned.save(out)
    _write_meta(out, data, written, labels, regularisation, thresholds, figures, command,
                cv_thresholds, (lexical_c, weighting, len(lexical.columns), stack), tune)
    return figures


def floored(thresholds: dict[str, float], floor: float = THRESHOLD_FLOOR) -> dict[str, float]:
    """Each label's threshold raised to at least ``floor``."""
    return {label: max(t, floor) for label, t in thresholds.items()}


def _write_meta(out: Path, data: Path, written: Path | None, labels: Sequence[str],
                regularisation: float, thresholds: dict[str, float],
                figures: dict[str, object], command: str,
                cv_thresholds: dict[str, float] | None = None,
                lexical: tuple[float, str, int, np.ndarray] | None = None,
                tune: TuneSettings | None = None) -> None:
    spec = EncoderSpec()
    digests = {name: file_digest(data / name) for name in ("train-labels-subtask-3.txt",)}
    span_blob = b"".join(p.read_bytes() for p in sorted((data / "train-labels-subtask-3-spans").glob("*.txt")))
    text_blob = b"".join(p.read_bytes() for p in sorted((data / "train-articles-subtask-3").glob("*.txt")))
    digests["spans_sha256"] = hashlib.sha256(span_blob).hexdigest()
    digests["articles_sha256"] = hashlib.sha256(text_blob).hexdigest()
    if written is not None:
        digests["written_sha256"] = file_digest(written)
    meta = {
        "command": command,
        "encoder": {"package": spec.distribution, "version": spec.version(), "layers": spec.layers,
                    "quantized": spec.quantized, "max_tokens": spec.max_tokens,
                    "width": load_encoder().width},
        "heads": {"sentence": {"classes": list(labels), "kind": "logistic regression per label",
                               "regularisation_C": regularisation},
                  "span": {"classes": ["inside"], "kind": "logistic regression over word pieces",
                           "regularisation_C": REGULARISATIONS[1], "every_nth_sentence": SPAN_EVERY},
                  **({} if lexical is None else {"lexical": {
                      "classes": list(labels), "regularisation_C": lexical[0],
                      "class_weighting": lexical[1],
                      "kind": "logistic regression per label over hashed TF-IDF (techniques.lexical)",
                      "hash_bits": HASH_BITS, "char_ngrams": list(CHAR_SIZES), "min_df": MIN_DF,
                      "columns_kept": lexical[2],
                      "stack": "per label: sigmoid(a * sentence logit + b * lexical logit"
                               + (" + t * tuned logit" if tune else "") + " + c)"}}),
                  **({} if tune is None else {"tuned": {
                      "classes": list(labels), "file": "tuned.npz (float16; run int8: encoder.tuned)",
                      "kind": "encoder layer(s) fine-tuned over the shared encoder's vectors, "
                              "mean pooling, a linear output per label (encoder.finetune)",
                      **tune.as_meta()}})},
        "span_threshold": SPAN_THRESHOLD,
        **({} if lexical is None else {"stack": {label: lexical[3][j].tolist()
                                                 for j, label in enumerate(labels)}}),
        "heldout_rule": HELDOUT_RULE + " (never trained on; thresholds from cross-validation "
                        f"over the other articles, {FOLDS} folds: sha1 // 10 % {FOLDS})",
        "unseen_label_threshold": UNSEEN_THRESHOLD,
        "thresholds": thresholds,
        "cross_validation_thresholds": cv_thresholds or thresholds,
        "threshold_floor": THRESHOLD_FLOOR,
        "data": {"folder": data.name, **digests},
        "figures": figures,
        "versions": library_versions() | (tuned_versions() if tune else {}),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

