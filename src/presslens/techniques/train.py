"""Training and evaluation on the SemEval-2020 PTC training corpus (``ptc-train``).

The corpus is read by path and never copied. Articles are split by a hash of their id:
bucket ``sha1(id) % 10`` 0-1 is the held-out test part (used only by evaluation), 2 the
calibration part (decode thresholds, Platt scaling, cue-rule precision), the rest trains the
tagger and the span classifier. Same data and seed, same weights.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from presslens.nlp import load_nlp
from presslens.techniques.detect import (
    DEFAULT_THRESHOLD,
    Candidate,
    candidates,
    decode_runs,
    lexicon_candidates,
    to_techniques,
)
from presslens.techniques.features import (
    SPAN_BITS,
    TOKEN_BITS,
    DocFeatures,
    doc_features,
    span_features,
)
from presslens.techniques.labels import PTC_TO_TRAINING, to_2020, training_to_2020
from presslens.techniques.lexicon import load_rules, resolve_merged
from presslens.techniques.linear import fit_platt, sigmoid, softmax, train_linear
from presslens.techniques.scoring import PRF, Calibration, calibration, si_scores, tc_scores
from presslens.techniques.weights import FALLBACK_THRESHOLD, N_CONF_FEATURES, TechniqueModel

LABELS_FILE = "train-task2-TC.labels"
ARTICLES_DIR = "train-articles"
SEED = 13
FEATURE_VERSION = 1
_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
RULE_SHRINK = 5  # pseudo-hits at the pooled precision added to each rule's count
_EXTEND_GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]


@dataclass
class Article:
    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (training label, start, end)


def read_corpus(data: Path) -> list[Article]:
    """Articles ``article<ID>.txt`` and the TSV of labelled spans (article, label, start, end)."""
    art_dir = data / ARTICLES_DIR if (data / ARTICLES_DIR).is_dir() else data
    articles: dict[str, Article] = {}
    for path in sorted(art_dir.glob("article*.txt")):
        art_id = path.stem.removeprefix("article")
        articles[art_id] = Article(art_id, path.read_text(encoding="utf-8"))
    for line in (data / LABELS_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art_id, label, start, end = line.split("\t")
        if art_id in articles:
            articles[art_id].spans.append((PTC_TO_TRAINING[label], int(start), int(end)))
    for art in articles.values():
        art.spans.sort(key=lambda x: (x[1], x[2], x[0]))
    return [articles[k] for k in sorted(articles)]


def corpus_hash(articles: list[Article]) -> str:
    h = hashlib.sha256()
    for art in articles:
        h.update(art.id.encode())
        h.update(art.text.encode())
        for label, s, e in art.spans:
            h.update(f"{label}\t{s}\t{e}\n".encode())
    return h.hexdigest()


def split_of(article_id: str) -> str:
    bucket = int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 10
    return "test" if bucket < 2 else "calib" if bucket == 2 else "train"


def parse(articles: list[Article], cache: Path | None = None) -> list[Doc]:
    """spaCy parses of the articles (optionally cached as ``Doc.to_bytes`` in ``cache``)."""
    nlp = load_nlp()
    key = corpus_hash(articles)[:16]
    cache_file = cache / f"ptc-{key}.pickle" if cache else None
    if cache_file and cache_file.is_file():
        blobs: list[bytes] = pickle.loads(cache_file.read_bytes())
        return [Doc(nlp.vocab).from_bytes(b) for b in blobs]
    docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(pickle.dumps([d.to_bytes() for d in docs]))
    return docs


def token_targets(
    f: DocFeatures, spans: list[tuple[str, int, int]], labels: list[str]
) -> np.ndarray:
    y = np.zeros((len(f.idx), len(labels)), dtype=np.float32)
    if not len(f.idx):
        return y
    ends = f.idx + f.length
    col = {label: i for i, label in enumerate(labels)}
    for label, s, e in spans:
        inside = (f.idx < e) & (ends > s)
        y[inside, col[label]] = 1.0
    return y


def token_span(f: DocFeatures, s: int, e: int) -> tuple[int, int]:
    ends = f.idx + f.length
    inside = np.flatnonzero((f.idx < e) & (ends > s))
    if inside.size == 0:
        i = int(np.clip(np.searchsorted(f.idx, s, side="right") - 1, 0, max(len(f.idx) - 1, 0)))
        return i, i + 1
    return int(inside[0]), int(inside[-1]) + 1


def _overlaps(s: int, e: int, gold: list[tuple[int, int]]) -> bool:
    return any(min(e, ge) > max(s, gs) for gs, ge in gold)


def train(
    data: Path,
    *,
    cache: Path | None = None,
    epochs: int = 4,
    seed: int = SEED,
    log: bool = True,
) -> TechniqueModel:
    articles = read_corpus(data)
    if not articles:
        raise ValueError(f"no articles under {data}")
    labels = sorted({label for a in articles for label, _, _ in a.spans})
    docs = parse(articles, cache)
    feats = [doc_features(d, a.text) for d, a in zip(docs, articles, strict=True)]
    parts = [split_of(a.id) for a in articles]
    train_ix = [i for i, p in enumerate(parts) if p == "train"]
    calib_ix = [i for i, p in enumerate(parts) if p == "calib"] or train_ix
    if log:
        print(
            f"articles: {len(train_ix)} train, {len(calib_ix)} calibration, "
            f"{parts.count('test')} held out; labels: {len(labels)}"
        )

    # token tagger (one sigmoid per label)
    ids = np.concatenate([feats[i].token_ids for i in train_ix])
    dense = np.concatenate([feats[i].dense for i in train_ix])
    y = np.concatenate([token_targets(feats[i], articles[i].spans, labels) for i in train_ix])
    y = y.max(axis=1, keepdims=True)  # inside any technique
    tagger = train_linear(
        ids,
        None,
        dense,
        y,
        bits=TOKEN_BITS,
        loss="sigmoid",
        n_classes=1,
        epochs=epochs,
        batch=512,
        lr=0.1,
        l2=1e-6,
        seed=seed,
    ).rounded()
    if log:
        print(f"tagger trained on {len(y)} tokens")

    # span classifier (softmax over labels) on gold spans
    s_ids, s_vals, s_dense = [], [], []
    s_y: list[int] = []
    col = {label: c for c, label in enumerate(labels)}
    for i in train_ix:
        spans = [token_span(feats[i], s, e) for _, s, e in articles[i].spans]
        if not spans:
            continue
        sp_ids, sp_vals, sp_dense = span_features(feats[i], spans)
        s_ids.append(sp_ids)
        s_vals.append(sp_vals)
        s_dense.append(sp_dense)
        s_y.extend(col[label] for label, _, _ in articles[i].spans)
    classifier = train_linear(
        np.concatenate(s_ids),
        np.concatenate(s_vals),
        np.concatenate(s_dense),
        np.array(s_y, dtype=np.int64),
        bits=SPAN_BITS,
        loss="softmax",
        n_classes=len(labels),
        epochs=epochs * 4,
        batch=64,
        lr=0.1,
        l2=1e-5,
        seed=seed,
    ).rounded()

    # decode thresholds (token probability to start a span, and to extend it) that maximise SI
    # F1 on the calibration part
    probs = {
        i: sigmoid(tagger.logits(feats[i].token_ids, None, feats[i].dense))[:, 0] for i in calib_ix
    }
    gold = {articles[i].id: [(s, e) for _, s, e in articles[i].spans] for i in calib_ix}
    best = (-1.0, 0.5, 0.5)
    for start in _GRID:
        for extend in [x for x in _EXTEND_GRID if x <= start]:
            pred = {}
            for i in calib_ix:
                f = feats[i]
                pred[articles[i].id] = [
                    (int(f.idx[a]), int(f.idx[b - 1] + f.length[b - 1]))
                    for a, b in decode_runs(probs[i], f, start, extend)
                ]
            f1 = si_scores(pred, gold).f1
            if f1 > best[0] + 1e-9:
                best = (f1, start, extend)
    decode = np.array([best[1], best[2]], dtype=np.float32)

    model = TechniqueModel(
        labels=labels,
        tagger=tagger,
        classifier=classifier,
        decode_threshold=decode,
        platt=np.zeros((len(labels), N_CONF_FEATURES + 1)),
    )

    # Platt scaling of span confidence, per label where the calibration part allows it
    from presslens.techniques.detect import tagger_spans

    rows: list[tuple[int, np.ndarray, float]] = []
    for i in calib_ix:
        cand_spans, x = tagger_spans(model, feats[i], articles[i].text)
        gold_by: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for lab, s, e in articles[i].spans:
            gold_by[lab].append((s, e))
        f = feats[i]
        for r, (a, b, c) in enumerate(cand_spans):
            s, e = int(f.idx[a]), int(f.idx[b - 1] + f.length[b - 1])
            rows.append((c, x[r], float(_overlaps(s, e, gold_by[labels[c]]))))
    if rows:
        all_x = np.array([r[1] for r in rows])
        all_y = np.array([r[2] for r in rows])
        global_w = (
            fit_platt(all_x, all_y)
            if 0 < all_y.sum() < len(all_y)
            else np.zeros(N_CONF_FEATURES + 1)
        )
        for c in range(len(labels)):
            sel = np.array([r[0] == c for r in rows])
            yc = all_y[sel]
            if yc.sum() >= 8 and (len(yc) - yc.sum()) >= 8:
                model.platt[c] = fit_platt(all_x[sel], yc, l2=1.0)
            else:
                model.platt[c] = global_w

    # Precision of each cue rule. The rules learn nothing from the data, so they are measured on
    # the training and calibration parts together (never on the held-out part), and shrunk
    # towards the precision of all rules pooled where a rule fired only a few times. Rules that
    # never fired there, or whose label has no SemEval-2020 class, keep their prior, and so do
    # the rules written for constructions of the presslens genre (``genre: true``).
    genre_rules = {r.name for r in load_rules() if r.genre}
    hit_n: dict[str, int] = defaultdict(int)
    hit_ok: dict[str, int] = defaultdict(int)
    for i in sorted(set(train_ix) | set(calib_ix)):
        gold20 = defaultdict(list)
        for lab, s, e in articles[i].spans:
            gold20[training_to_2020(lab)].append((s, e))
        for cand in lexicon_candidates(docs[i], feats[i]):
            old = to_2020(cand.label)
            if old is None or cand.source in genre_rules:
                continue
            hit_n[cand.source] += 1
            hit_ok[cand.source] += _overlaps(cand.start, cand.end, gold20[old])
    pooled = sum(hit_ok.values()) / max(sum(hit_n.values()), 1)
    model.rule_confidence = {
        name: round((hit_ok[name] + RULE_SHRINK * pooled) / (hit_n[name] + RULE_SHRINK), 4)
        for name in sorted(hit_n)
    }
    default_threshold = _choose_threshold(model, articles, docs, calib_ix)
    if log:
        print(f"default threshold {default_threshold} (best SI F1 on the calibration part)")
    model.meta = {
        "task": "SemEval-2023 Task 3 persuasion techniques (trained on SemEval-2020 PTC labels)",
        "training_data": str(data.name),
        "training_data_sha256": corpus_hash(articles),
        "split": "sha1(article id) % 10: 0-1 held-out test, 2 calibration, 3-9 training",
        "articles": {
            "train": len(train_ix),
            "calibration": len(calib_ix),
            "test": parts.count("test"),
        },
        "feature_config": {
            "version": FEATURE_VERSION,
            "token_bits": TOKEN_BITS,
            "span_bits": SPAN_BITS,
            "tensor": "en_core_web_sm tok2vec (96)",
            "epochs": epochs,
            "seed": seed,
        },
        "decode_threshold": {
            "start": round(float(decode[0]), 4),
            "extend": round(float(decode[1]), 4),
        },
        "default_threshold": default_threshold,
        "trained": _dt.date.today().isoformat(),
    }
    return model


def _choose_threshold(
    model: TechniqueModel, articles: list[Article], docs: list[Doc], calib_ix: list[int]
) -> float:
    """The confidence threshold (0.02 to 0.30 by 0.01) with the best SI F1 on ``calib_ix``."""
    found = [candidates(docs[i], model, text=articles[i].text) for i in calib_ix]
    gold = {articles[i].id: [(s, e) for _, s, e in articles[i].spans] for i in calib_ix}
    best = (-1.0, FALLBACK_THRESHOLD)
    for step in range(2, 31):
        th = step / 100
        pred = {
            articles[i].id: [(s, e) for _, s, e in _spans_2020(articles[i].text, cands, th)]
            for i, cands in zip(calib_ix, found, strict=True)
        }
        f1 = si_scores(pred, gold).f1
        if f1 > best[0] + 1e-9:
            best = (f1, th)
    return best[1]


# --------------------------------------------------------------------------- evaluation


@dataclass
class EvalReport:
    articles: int
    si_model: PRF
    si_lexicon: PRF
    si_label_model: dict[str, PRF]
    si_label_lexicon: dict[str, PRF]
    tc_model: PRF
    tc_lexicon: PRF
    tc_label_model: dict[str, PRF]
    tc_label_lexicon: dict[str, PRF]
    # Confidence against "overlaps a gold span of the same (2020) label", on held-out articles:
    # the techniques emitted at the threshold, every candidate (threshold 0), and the candidates
    # of the model and of the cue rules apart. ``unjudged``: candidates whose label has no
    # SemEval-2020 class (no gold to judge them by).
    calibration: dict[str, Calibration] = field(default_factory=dict)
    unjudged: int = 0
    threshold: float = DEFAULT_THRESHOLD


def _spans_2020(text: str, cands: list[Candidate], threshold: float) -> list[tuple[str, int, int]]:
    out = []
    for t in to_techniques(text, cands, threshold):
        old = to_2020(t.label)
        if old is not None:
            out.append((old, t.start, t.end))
    return out


def _judge(
    label: str, s: int, e: int, gold: dict[str, dict[str, list[tuple[int, int]]]], art_id: str
) -> bool | None:
    """Whether a span overlaps a gold span of its label's 2020 class (None: no such class)."""
    old = to_2020(label)
    if old is None:
        return None
    return _overlaps(s, e, gold.get(old, {}).get(art_id, []))


def evaluate(
    data: Path,
    model: TechniqueModel,
    *,
    cache: Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    part: str = "test",
) -> EvalReport:
    articles = read_corpus(data)
    docs = parse(articles, cache)
    sel = [i for i, a in enumerate(articles) if split_of(a.id) == part]
    gold_si: dict[str, list[tuple[int, int]]] = {}
    gold_lab: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
    pred_m: dict[str, list[tuple[str, int, int]]] = {}
    pred_l: dict[str, list[tuple[str, int, int]]] = {}
    tc_gold: list[tuple[str, int, int, str]] = []
    tc_m: dict[tuple[str, int, int], list[str]] = {}
    tc_l: dict[tuple[str, int, int], list[str]] = {}
    priors = {r.name: r.prior for r in load_rules()} | {"repetition": 0.4, "slogan": 0.45}
    judged: dict[str, tuple[list[float], list[bool]]] = {
        k: ([], []) for k in ("emitted", "all", "model", "rules")
    }
    unjudged = 0
    for i in sel:
        art, sdoc = articles[i], docs[i]
        f = doc_features(sdoc, art.text)
        gold_si[art.id] = [(s, e) for _, s, e in art.spans]
        for lab, s, e in art.spans:
            gold_lab[training_to_2020(lab)].setdefault(art.id, []).append((s, e))
            tc_gold.append((art.id, s, e, training_to_2020(lab)))
        cands = candidates(sdoc, model, text=art.text)
        pred_m[art.id] = _spans_2020(art.text, cands, threshold)

        for c in cands:
            label = resolve_merged(c.label, art.text, c.start, c.end)
            ok = _judge(label, c.start, c.end, gold_lab, art.id)
            if ok is None:
                unjudged += 1
                continue
            key = "model" if c.source == "model" else "rules"
            judged[key][0].append(c.confidence)
            judged[key][1].append(ok)
        for t in to_techniques(art.text, cands, 0.0):
            ok = _judge(t.label, t.start, t.end, gold_lab, art.id)
            if ok is None:
                continue
            for key in ("all", "emitted") if t.confidence >= threshold else ("all",):
                judged[key][0].append(t.confidence)
                judged[key][1].append(ok)
        lex = candidates(sdoc, model, text=art.text, use_model=False)
        pred_l[art.id] = _spans_2020(art.text, lex, 0.0)
        # TC: classifier ranking vs. cue rules (falling back to the most frequent label)
        spans = sorted({(s, e) for _, s, e in art.spans})
        if spans:
            ids, vals, dense = span_features(f, [token_span(f, s, e) for s, e in spans])
            q = softmax(model.classifier.logits(ids, vals, dense))
            for r, (s, e) in enumerate(spans):
                order = np.argsort(-q[r], kind="stable")
                tc_m[(art.id, s, e)] = [training_to_2020(model.labels[c]) for c in order]
                hits = sorted(
                    (c for c in lex if min(c.end, e) > max(c.start, s) and to_2020(c.label)),
                    key=lambda c: -priors.get(c.source, 0.3),
                )
                ranked = [str(to_2020(c.label)) for c in hits] + ["Loaded_Language"]
                tc_l[(art.id, s, e)] = ranked
    labels20 = sorted(gold_lab)

    def per_label(pred: dict[str, list[tuple[str, int, int]]]) -> dict[str, PRF]:
        return {
            lab: si_scores(
                {a: [(s, e) for ll, s, e in spans if ll == lab] for a, spans in pred.items()},
                gold_lab[lab],
            )
            for lab in labels20
        }

    def flat(pred: dict[str, list[tuple[str, int, int]]]) -> dict[str, list[tuple[int, int]]]:
        return {a: [(s, e) for _, s, e in spans] for a, spans in pred.items()}

    tc_model, tc_label_model = tc_scores(tc_gold, tc_m)
    tc_lex, tc_label_lex = tc_scores(tc_gold, tc_l)
    return EvalReport(
        articles=len(sel),
        si_model=si_scores(flat(pred_m), gold_si),
        si_lexicon=si_scores(flat(pred_l), gold_si),
        si_label_model=per_label(pred_m),
        si_label_lexicon=per_label(pred_l),
        tc_model=tc_model,
        tc_lexicon=tc_lex,
        tc_label_model=tc_label_model,
        tc_label_lexicon=tc_label_lex,
        calibration={k: calibration(conf, ok) for k, (conf, ok) in judged.items()},
        unjudged=unjudged,
        threshold=threshold,
    )
