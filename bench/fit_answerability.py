"""Fit the answerability decision (agents/answerability.py) on the `fit` half of the
articles of SQuAD dev and XQuAD, and write the weights the service ships.

Every question of bench.answerable's three kinds (answerable, off-topic, near-topic) is
retrieved and quoted with the decision off; what the decision would see (its evidence)
is kept with the label "answerable or not". English XQuAD questions are also asked of
the other languages' collections (the same paragraphs), for the weights used across
languages. Two logistic regressions follow (plain Newton steps, numpy), and a threshold
for each: the highest that still answers `--keep` of the answerable questions; the
one-language weights also get a stricter threshold for each language with at least
`--language-rows` answerable questions that still answers `--keep` of that language's
own. Never a looser one: where a language's answerable questions score low, a lower
threshold would answer its off-topic questions too (Turkish on the fit half: 5% of them
passed under the shared threshold, 52% under its own).

    python -m bench.fit_answerability --squad ../shared/data/squad-dev \\
        --xquad ../shared/data/xquad [--per-kind 150] [--keep 0.955] \\
        [--language-rows 150] [--out agents/answerability.json] [--dump features.jsonl]

With `--add FEATURE` (and `--rows`, or a run): only that feature's weight is fitted, the
one-language weights of `--base` (default: the shipped file) held as they are, and it is
added to them; thresholds and the other weights stay. A feature added this way moves no
question it does not speak for, where a whole refit moves every threshold by its noise.

With `--own-thresholds`: only the lexical weights' stricter thresholds of the languages
the rows hold are chosen again (as a whole fit chooses them); the weights, the shared
threshold and the other languages' thresholds stay. For languages whose evidence
changed while the weights did not (a new stopword list).

With `--small K`: the rows are of knowledge bases of few documents instead (each XQuAD
question over its own article and K others of the fit half, bench.answerable's
`--small`), and the weights fitted on those of them whose scope holds fewer passages
than the search's background depth are added to `--base` as `few_passages`, the weights
the service uses for such scopes; the others stay.

With `--mixed` besides (`--one-each K --mixed`): the rows are of such knowledge bases
drawn from two-language collections (bench.answerable's `mixed`: every other pair of
articles in English), and only the tiny scope's mixed threshold is chosen: the one its
weights hold a reading of passages in two languages to, beside the lexical weights.
With `--across` instead: each other XQuAD language's questions of such knowledge bases
of English pages, and only the `dense` weights' small-scope thresholds are chosen:
those a reading of pages all in another language than the question's is held to in a
scope of 5 to 15 passages and in one of 1 to 4.
With `--boosted` instead (`--one-each 3 --swaps --boosted`): logistic weights and
boosted trees fitted on the one-language rows of scopes of 1 to 4 passages, their
log-odds averaged, with the threshold keeping `--keep` of the answerable out of fold;
written as `tiny_scope_trees`, which decides such readings. Needs scikit-learn (it
comes with sentence-transformers); the service reads the written trees with no library.

Only the `fit` half is read: bench.answerable --half report is what the docs quote.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from agents.answer import ExtractiveAnswerer, default_not_found
from agents.answerability import MODEL_FILE, Trees, log_odds, sigmoid, weights_text
from bench.answerable import (
    KB,
    KINDS,
    LANGUAGES,
    ORG,
    DataSet,
    Question,
    halves,
    ingest,
    load_squad,
    load_xquad,
    mixed,
    scope_for,
    swapped,
)
from bench.retrieval import configured_search
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded

LEXICAL = (
    "best", "gap", "lead", "relative", "dense_relative", "coverage", "sentence_coverage",
    "missing", "absent", "names", "unsupported",
)  # fmt: skip
DENSE = ("best", "gap", "lead", "relative", "dense_relative")
L2 = 1e-2  # on standardised features: keeps the weights sane where classes barely overlap


def logistic(x: np.ndarray, y: np.ndarray, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and intercept on the raw features; classes weighted to count equally."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    weight = _balanced(y)
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (weight * (p - y)) + L2 * np.r_[w[:-1], 0]
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + L2 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    coefficients = w[:-1] / scale
    return coefficients, float(w[-1] - coefficients @ mean)


def _balanced(y: np.ndarray) -> np.ndarray:
    """Each row's weight so that both classes count equally."""
    return np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))


def added(rows: list[dict], weights: dict, name: str) -> dict:
    """`weights` with `name` added: its coefficient fitted by logistic regression with
    the others' sum held as an offset (classes weighted to count equally, as `logistic`).
    Then every threshold (the shared one, each language's) moves by one shift of the
    log-odds, chosen so that these rows' answerable questions are answered as often as
    before: the feature is to decline others, not more of them. One shift, not one per
    threshold: a language's own share on these rows moves with the rows drawn."""
    z = np.array([_logit(weights, r) for r in rows])
    x = np.array([r[name] for r in rows])
    y = np.array([r["kind"] == "answerable" for r in rows], dtype=float)
    weight = _balanced(y)
    penalty = L2 * (x.std() + 1e-9) ** 2  # the same L2 on the standardised feature
    w = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z + w * x)))
        gradient = float(np.sum(weight * (p - y) * x)) + penalty * w
        hessian = float(np.sum(weight * p * (1 - p) * x * x)) + penalty
        w -= gradient / hessian
    print(f"  feature {name}: AUC {auc(x, y):.3f}, weight {w:.3f} "
          f"(non-zero in {np.mean(x != 0):.0%} of rows)")  # fmt: skip
    own = dict(weights.get("by_language", {}))
    limits = np.array([log_odds(own.get(language_of(r), weights["threshold"])) for r in rows])
    answerable = y == 1
    kept = np.mean(z[answerable] >= limits[answerable])
    low, high = -5.0, 0.0  # the shift lowers the thresholds: the feature only subtracts
    for _ in range(60):
        middle = (low + high) / 2
        if np.mean((z + w * x)[answerable] >= limits[answerable] + middle) >= kept:
            low = middle
        else:
            high = middle

    def shifted(threshold: float) -> float:
        return round(sigmoid(float(log_odds(threshold)) + low), 6)

    by_language = {language: shifted(t) for language, t in own.items()}
    print(f"  thresholds shifted by {low:+.3f} in log-odds: {weights['threshold']} -> "
          f"{shifted(weights['threshold'])}, by language {by_language}")  # fmt: skip
    return {
        **weights,
        "names": [*weights["names"], name],
        "coefficients": [*weights["coefficients"], round(w, 6)],
        "threshold": shifted(weights["threshold"]),
        **({"by_language": by_language} if by_language else {}),
    }


def _logit(weights: dict, row: dict) -> float:
    pairs = zip(weights["coefficients"], weights["names"], strict=True)
    return weights["intercept"] + sum(c * row[n] for c, n in pairs)


def threshold_keeping(probabilities: np.ndarray, keep: float) -> float:
    """The highest threshold under which a share `keep` of these still pass."""
    ordered = np.sort(probabilities)
    return float(ordered[int(np.floor((1 - keep) * len(ordered)))])


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    ranks = scores.argsort().argsort() + 1
    positives = y.sum()
    negatives = len(y) - positives
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def rows_of(
    client, name: str, embeddings: LocalEmbeddings, settings, data: DataSet,  # type: ignore[no-untyped-def]
    asked: dict[str, list[Question]], per_kind: int, seed: str, *, small: int = 0,
    one_each: int = 0, swaps: bool = False,
) -> list[dict]:  # fmt: skip
    """Evidence rows of `asked` (questions by who asks them) against `data`'s collection;
    `small`: each question against its own article and `small` others of the same half
    only (bench.answerable --small), its rows marked `small`; `one_each` likewise with one
    paragraph per article (--one-each); `swaps`: each answerable question also asked
    with one of its words swapped (bench.answerable.swapped), kind `swapped`."""
    retriever, scope = configured_search(
        client, name, embeddings, settings, org_id=ORG, kb_id=KB, score_threshold=0.25
    )
    answerer = ExtractiveAnswerer(
        embeddings, threshold=0.3, max_sentences=settings.answer_max_sentences,
        not_found_message=default_not_found(),
    )  # fmt: skip
    rows = []
    for who, pool in asked.items():
        rng = random.Random(f"{seed}-{data.name}-{who}")
        articles = sorted({q.article for q in pool})
        for kind in KINDS:
            for q in rng.sample(pool, min(per_kind, len(pool))):
                narrowed = scope_for(data, q, kind, articles, rng, small=small, one_each=one_each)
                passages = retriever.search(q.text, replace(scope, narrowed=narrowed))
                if not passages:
                    continue  # declined by retrieval's gate already
                seen = answerer.answer(q.text, passages).evidence
                if seen is not None:
                    rows.append({**seen, "set": data.name, "asked": who, "kind": kind})
                    if small or one_each:
                        rows[-1].update(small=small or one_each, article=q.article)
                if swaps and kind == "answerable":
                    # the same scope, the gold paragraph in it, asked what it does not say
                    donors = [o for o in pool if o.article != q.article]
                    text = swapped(q, data, donors, rng)
                    found = (
                        retriever.search(text, replace(scope, narrowed=narrowed)) if text else []
                    )
                    if text and found and (seen := answerer.answer(text, found).evidence):
                        rows.append({**seen, "set": data.name, "asked": who, "kind": "swapped",
                                     "small": small or one_each, "article": q.article})  # fmt: skip
    return rows


def fitted(
    rows: list[dict], names: tuple[str, ...], keep: float, *, language_rows: int = 0
) -> dict:
    """Weights, the threshold and (with `language_rows`) the languages' stricter ones."""
    x = np.array([[r[n] for n in names] for r in rows])
    y = np.array([r["kind"] == "answerable" for r in rows], dtype=float)
    coefficients, intercept = logistic(x, y)
    p = 1 / (1 + np.exp(-(x @ coefficients + intercept)))
    threshold = threshold_keeping(p[y == 1], keep)
    for name, column in zip(names, x.T, strict=True):
        print(f"  feature {name}: AUC {auc(column, y):.3f}")
    print(f"  combined: AUC {auc(p, y):.3f}, threshold {threshold:.3f}")
    by_language = {}
    if language_rows:
        by_language = stricter_by_language(rows, p, threshold, keep, language_rows=language_rows)
        print(f"  stricter by language: {by_language}")
    return {
        "names": list(names),
        "coefficients": [round(float(c), 6) for c in coefficients],
        "intercept": round(intercept, 6),
        "threshold": round(threshold, 6),
        **({"by_language": by_language} if by_language else {}),
    }


def stricter_by_language(
    rows: list[dict], p: np.ndarray, threshold: float, keep: float, *, language_rows: int
) -> dict[str, float]:
    """Each language's own threshold where it is stricter than the shared `threshold`: the
    highest that still answers `keep` of its answerable rows (`p`: their probabilities),
    for languages with at least `language_rows` of them."""
    languages = np.array([language_of(r) for r in rows])
    answerable = np.array([r["kind"] == "answerable" for r in rows])
    by_language = {}
    for language in sorted(set(languages)):
        mine = p[(languages == language) & answerable]
        if len(mine) < language_rows:
            continue
        own = threshold_keeping(mine, keep)
        if own > threshold:
            by_language[str(language)] = round(own, 6)
    return by_language


def own_thresholds(rows: list[dict], args: argparse.Namespace) -> None:
    """The lexical weights' stricter thresholds of `--own-thresholds`' languages chosen
    again on these rows (a language with fewer than `--language-rows` answerable rows is
    an error); the weights, the shared threshold and the other languages' thresholds of
    `--base` stay. For when the evidence of some languages changed (their key terms) and
    the weights did not: a whole refit would move every language's threshold by its
    noise."""
    base = json.loads(args.base.read_text())
    lexical = base["lexical"]
    languages = set(args.own_thresholds.split(","))
    rows = [r for r in rows if language_of(r) in languages]
    counted = Counter(language_of(r) for r in rows if r["kind"] == "answerable")
    if short := sorted(lang for lang in languages if counted[lang] < args.language_rows):
        raise SystemExit(f"fewer than {args.language_rows} answerable rows in {short}")
    report(rows, lexical, "lexical (before)")
    p = np.array([_probability(lexical, r) for r in rows])
    chosen = stricter_by_language(
        rows, p, lexical["threshold"], args.keep, language_rows=args.language_rows
    )
    kept = {lang: t for lang, t in lexical.get("by_language", {}).items() if lang not in languages}
    lexical["by_language"] = dict(sorted({**kept, **chosen}.items()))
    print(f"  chosen again for {sorted(languages)}: {chosen} (the others kept: {kept})")
    report(rows, lexical, "lexical (after)")
    args.out.write_text(weights_text(base))
    print(f"wrote {args.out}")


def language_of(row: dict) -> str:
    """The question's language: as the answerer guessed it, or (rows dumped before it
    said) the language of who asked it."""
    if row.get("language"):
        return row["language"]
    return "en" if row["asked"] == "en" else row["set"].split("-")[1]


def report(rows: list[dict], model: dict, label: str) -> None:
    for data_set in sorted({r["set"] for r in rows}):
        mine = [r for r in rows if r["set"] == data_set]
        shares = []
        for kind in (*KINDS, "swapped") if any(r["kind"] == "swapped" for r in mine) else KINDS:
            of = [r for r in mine if r["kind"] == kind]
            limits = [model.get("by_language", {}).get(language_of(r), model["threshold"])
                      for r in of]  # fmt: skip
            passed = sum(_probability(model, r) >= t for r, t in zip(of, limits, strict=True))
            shares.append(f"{kind}={passed / max(len(of), 1):.2f}")
        print(f"  fit half {label} {data_set} passed: {' '.join(shares)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, required=True)
    parser.add_argument("--xquad", type=Path, required=True)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--per-kind", type=int, default=150)
    parser.add_argument("--keep", type=float, default=0.955, help="answerable share kept")
    parser.add_argument(
        "--language-rows", type=int, default=150,
        help="answerable questions a language needs for its own threshold (0: none)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--dump", type=Path, help="also write the evidence rows here")
    parser.add_argument("--rows", type=Path, help="fit these dumped rows instead of running")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--small",
        type=int,
        default=0,
        help="record rows of knowledge bases of K+1 articles instead (XQuAD, own language)",
    )
    parser.add_argument(
        "--one-each",
        type=int,
        default=0,
        help="record rows of knowledge bases of K+1 pages, one paragraph per article",
    )
    parser.add_argument(
        "--swaps",
        action="store_true",
        help="with --small/--one-each: also each answerable question with a word swapped",
    )
    parser.add_argument(
        "--mixed",
        action="store_true",
        help="with --small/--one-each: over two-language collections; chooses the mixed "
        "thresholds of the small scopes' weights",
    )
    parser.add_argument(
        "--boosted",
        action="store_true",
        help="with --one-each 3 --swaps (or their --rows): fit boosted trees for the tiny "
        "scope's one-language readings instead (needs scikit-learn)",
    )
    parser.add_argument(
        "--across",
        action="store_true",
        help="with --small/--one-each: each other language's questions of English pages",
    )
    parser.add_argument("--add", choices=LEXICAL, help="fit this feature alone, add it")
    parser.add_argument("--base", type=Path, default=MODEL_FILE, help="the weights --add extends")
    parser.add_argument(
        "--own-thresholds",
        metavar="LANGUAGES",
        help="only choose again these languages' stricter thresholds (comma-separated)",
    )
    args = parser.parse_args(argv)
    if args.rows:
        rows = [json.loads(line) for line in args.rows.open()]
    else:
        rows = collect(args)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    same = [r for r in rows if r["same_language"]]
    print(f"{len(rows)} rows ({len(same)} in one language)")
    if args.across and (args.small or args.one_each):
        write_small_across_thresholds(rows, args)
        return
    if args.small or args.one_each or (rows and all(r.get("small") for r in rows)):
        if args.mixed or all(r["set"].startswith("mixed") for r in rows):
            write_small_mixed_thresholds(same, args)
        elif args.boosted:
            write_tiny_scope_trees(same, args)
        else:
            write_small_scopes(same, args)
        return
    if args.own_thresholds:
        own_thresholds(same, args)
        return
    if args.add:
        base = json.loads(args.base.read_text())
        if args.add in base["lexical"]["names"]:
            raise SystemExit(f"{args.base} already weighs {args.add}")
        report(same, base["lexical"], "lexical (before)")
        base["lexical"] = added(same, base["lexical"], args.add)
        report(same, base["lexical"], f"lexical +{args.add}")
        args.out.write_text(weights_text(base))
        print(f"wrote {args.out}")
        return
    print("lexical (one language):")
    lexical = fitted(same, LEXICAL, args.keep, language_rows=args.language_rows)
    report(same, lexical, "lexical")
    print("dense (cosines only, every row):")
    dense = fitted(rows, DENSE, args.keep)
    report([r for r in rows if not r["same_language"]], dense, "dense")
    # Weights of their own, fitted on rows of their own: a refit of these leaves them.
    before = json.loads(args.base.read_text()) if args.base.exists() else {}
    own = (*dict(SCOPES), "tiny_scope_trees")
    kept = {section: before[section] for section in own if section in before}
    fitted_weights = {"lexical": lexical, "dense": dense, **kept}
    args.out.write_text(weights_text(fitted_weights))
    # The mixed and small-scope thresholds are probabilities of the weights just
    # replaced: kept, they would mean something else. Chosen again on the fit half.
    print(f"wrote {args.out}, without the lexical and dense weights' mixed and small-scope "
          "thresholds: next, `python -m bench.mixed_threshold --xquad ... --write`, then "
          "`--one-each 3 --swaps --mixed` and `--one-each 7 --across --keep 0.99` (with "
          "`--one-each 3 --across` rows) of this script")  # fmt: skip


# The scopes with weights of their own: the evidence's flag, which is also the section of
# the weights file, and what it is.
SCOPES = (("few_passages", "5 to 15 passages"), ("tiny_scope", "1 to 4 passages"))


def write_small_scopes(rows: list[dict], args: argparse.Namespace) -> None:
    """The weights of one-language readings in a scope of few passages (5 to 15; 1 to 4),
    each fitted on the rows of such scopes alone (--small, --one-each), added to `--base`
    with their own threshold (one, `--keep` of these answerable questions; `swapped`
    questions count as not answerable); the other weights stay. Scopes without rows of
    both kinds are left as they are."""
    base = json.loads(args.base.read_text())
    fitted_any = False
    for section, what in SCOPES:
        mine = [r for r in rows if r.get(section) and not r.get("mixed")]
        kinds = {r["kind"] == "answerable" for r in mine}
        print(f"{len(mine)} of them in a scope of {what}")
        if kinds != {True, False}:
            continue
        report(mine, base["lexical"], "lexical (as shipped)")
        print(f"{what}:")
        base[section] = fitted(mine, LEXICAL, args.keep)
        report(mine, base[section], what)
        fitted_any = True
    if not fitted_any:
        raise SystemExit(
            "no rows of both kinds in a scope of few passages (1 to 15): nothing to fit; "
            "record them with --small or --one-each"
        )
    args.out.write_text(weights_text(base))
    print(f"wrote {args.out}")


# Boosted trees for the tiny scope: chosen by out-of-fold figures on the fit half's rows
# (articles kept apart) against depth 2 and 300 trees, larger leaves, L2, a flag for
# unspaced scripts, and trees alone (docs/benchmarks.md).
TREES = {"max_depth": 3, "max_iter": 200, "learning_rate": 0.05}
FOLDS = 5


def write_tiny_scope_trees(rows: list[dict], args: argparse.Namespace) -> None:
    """Logistic weights and boosted trees (scikit-learn's histogram gradient boosting,
    written out as plain trees), their log-odds averaged, for one-language readings of
    one kind in a scope of one to four passages: added to `--base` as
    `tiny_scope_trees`. Its threshold keeps `--keep` of the answerable questions
    answered as judged out of fold (each article's rows by a blend fitted without them):
    trees rate the rows they were fitted on too surely for a threshold chosen on those
    rows to hold elsewhere. The other weights stay."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold, cross_val_predict

    base = json.loads(args.base.read_text())
    mine = [r for r in rows if r.get("tiny_scope") and not r.get("mixed")]
    if {r["kind"] == "answerable" for r in mine} != {True, False}:
        raise SystemExit("no one-language rows of both kinds in a scope of one to four "
                         "passages: record them with --one-each 3 --swaps")  # fmt: skip
    x = np.array([[r[n] for n in LEXICAL] for r in mine])
    y = np.array([r["kind"] == "answerable" for r in mine])
    articles = np.array([r["article"] for r in mine])

    def model() -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(**TREES, random_state=args.seed)

    folds = GroupKFold(FOLDS)
    out_of_fold = cross_val_predict(
        model(), x, y, cv=folds, groups=articles, method="predict_proba"
    )[:, 1]
    logistic_out = np.zeros(len(y))
    for fit_rows, held in folds.split(x, y, articles):
        coefficients, intercept = logistic(x[fit_rows], y[fit_rows].astype(float))
        logistic_out[held] = 1 / (1 + np.exp(-(x[held] @ coefficients + intercept)))
    blend_out = 1 / (1 + np.exp(-(log_odds(logistic_out) + log_odds(out_of_fold)) / 2))
    threshold = threshold_keeping(blend_out[y], args.keep)
    trees = model().fit(x, y)
    coefficients, intercept = logistic(x, y.astype(float))
    # scikit-learn keeps a fitted model's trees in private attributes (it has no export);
    # the check below stops a version that changed them from writing wrong trees.
    written = {
        "names": list(LEXICAL),
        "coefficients": [float(c) for c in coefficients],
        "intercept": float(intercept),
        "base": float(np.ravel(trees._baseline_prediction)[0]),
        "trees": [_tree(predictors[0].nodes) for predictors in trees._predictors],
        "threshold": round(threshold, 6),
        "fitted": {**TREES, "rows": len(mine)},
    }
    # The written trees, as the service reads them, must say what scikit-learn's say.
    read = Trees.of(written)
    z = np.array([read.logit({n: r[n] for n in LEXICAL}) for r in mine])
    expected = (x @ coefficients + intercept + trees.decision_function(x)) / 2
    if not np.allclose(z, expected, atol=1e-6):
        raise SystemExit("the written trees differ from the fitted ones")
    kinds = np.array([r["kind"] for r in mine])
    print(f"{len(mine)} one-language rows in a scope of 1 to 4 passages; out of fold "
          f"({FOLDS} folds of articles), share passed where {args.keep} of the answerable "
          "pass:")  # fmt: skip
    for label, p in (("logistic", logistic_out), ("trees", out_of_fold), ("both", blend_out)):
        limit = threshold_keeping(p[y], args.keep)
        print(f"  {label} " + " ".join(
            f"{k}={np.mean(p[kinds == k] >= limit):.3f}" for k in sorted(set(kinds))
        ))  # fmt: skip
    base["tiny_scope_trees"] = written
    args.out.write_text(weights_text(base))
    print(f"wrote {args.out}")


def _tree(nodes: np.ndarray) -> dict:
    """A scikit-learn tree's nodes as the columns `agents.answerability.Tree` reads."""
    leaf = nodes["is_leaf"].astype(bool)
    return {
        "feature": [-1 if is_leaf else int(f) for f, is_leaf in zip(nodes["feature_idx"], leaf, strict=True)],
        "split": [float(s) for s in nodes["num_threshold"]],
        "left": [int(n) for n in nodes["left"]],
        "right": [int(n) for n in nodes["right"]],
        "value": [round(float(v), 9) for v in nodes["value"]],
    }  # fmt: skip


def write_small_mixed_thresholds(rows: list[dict], args: argparse.Namespace) -> None:
    """The mixed threshold of the tiny scope's weights in `--base`, from rows of such
    scopes over two-language collections (--mixed): readings of passages in the
    question's language and in another, which the lexical weights decide at their mixed
    threshold and these must pass too (`Answerability.second`). The highest that still
    answers `--keep` of the answerable questions the lexical weights answer, never below
    the weights' own threshold; the weights stay as they are."""
    base = json.loads(args.base.read_text())
    section = "tiny_scope"
    what = dict(SCOPES)[section]
    mine = [r for r in rows if r.get(section) and r.get("mixed")]
    lexical = base["lexical"]
    limit = lexical.get("mixed_threshold", lexical["threshold"])
    answered = [r for r in mine if r["kind"] == "answerable" and _probability(lexical, r) >= limit]
    print(f"{len(mine)} mixed readings in a scope of {what}")
    if section not in base or not answered or len(answered) == len(mine):
        raise SystemExit(
            "no mixed readings of both kinds in a scope of one to four passages, or no weights "
            "of such scopes to hold them to: record them with --one-each 3 --mixed"
        )
    weights = base[section]
    probabilities = np.array([_probability(weights, r) for r in answered])
    threshold = max(threshold_keeping(probabilities, args.keep), weights["threshold"])
    weights["mixed_threshold"] = round(threshold, 6)

    def shares(both: bool) -> str:
        def passes(row: dict) -> bool:
            alone = _probability(lexical, row) >= limit
            return alone and (not both or _probability(weights, row) >= threshold)

        return " ".join(
            f"{kind}={np.mean([passes(r) for r in mine if r['kind'] == kind] or [0.0]):.2f}"
            for kind in (*KINDS, "swapped")
        )

    print(f"  fit half lexical at {limit} passed: {shares(False)}")
    print(f"  fit half and {section} at {threshold:.3f}: {shares(True)}")
    args.out.write_text(weights_text(base))
    print(f"wrote {args.out}")


def write_small_across_thresholds(rows: list[dict], args: argparse.Namespace) -> None:
    """The `dense` weights' thresholds for small scopes in `--base`, from rows of
    knowledge bases of few pages asked in another language (--across): readings of
    passages all in another language than the question's, in a scope of 5 to 15
    passages and in one of 1 to 4. For each, the highest that still answers `--keep` of
    its answerable questions, never below the weights' own threshold; the weights stay
    as they are."""
    base = json.loads(args.base.read_text())
    dense = base["dense"]
    chosen = dict(dense.get("small_scope_thresholds", {}))
    for section, what in SCOPES:
        mine = [r for r in rows if not r["same_language"] and not r.get("mixed") and r.get(section)]
        answerable = [r for r in mine if r["kind"] == "answerable"]
        print(f"{len(mine)} readings across languages in a scope of {what}")
        if not answerable or len(answerable) == len(mine):
            continue
        probabilities = np.array([_probability(dense, r) for r in answerable])
        threshold = max(threshold_keeping(probabilities, args.keep), dense["threshold"])
        chosen[section] = round(threshold, 6)
        for label, limit in (("as shipped", dense["threshold"]), (section, threshold)):
            shares = " ".join(
                f"{kind}={np.mean([_probability(dense, r) >= limit for r in mine if r['kind'] == kind] or [0.0]):.2f}"
                for kind in KINDS
            )  # fmt: skip
            print(f"  fit half dense at the {label} threshold {limit:.3f} passed: {shares}")
    if not chosen:
        raise SystemExit(
            "no readings across languages of both kinds in a scope of few passages: "
            "record them with --one-each K --across"
        )
    dense["small_scope_thresholds"] = chosen
    args.out.write_text(weights_text(base))
    print(f"wrote {args.out}")


def _probability(weights: dict, row: dict) -> float:
    """As `Weights.probability` computes it, from a weights file's entry."""
    return sigmoid(_logit(weights, row))


def collect(args: argparse.Namespace) -> list[dict]:
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    languages = args.languages.split(",")
    sets = [load_squad(args.squad)] + [load_xquad(args.xquad, lang) for lang in languages]
    half_of = halves({q.article for data in sets for q in data.questions})
    english = next((d for d in sets if d.name == "xquad-en"), None)
    if args.mixed:  # each other language's articles, every other pair of them in English
        if english is None:
            raise SystemExit("--mixed needs en among --languages")
        sets = [mixed(d, english) for d in sets if d.name.startswith("xquad") and d is not english]
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="fit-answerability-") as folder:
        client = open_embedded(Path(folder))
        for data in sets:
            if (args.small or args.one_each) and not data.name.startswith(("xquad", "mixed")):
                continue  # small knowledge bases are drawn from XQuAD's articles
            across = args.across and (args.small or args.one_each)
            if across and data is not english:
                continue  # each other language's questions, of the English pages
            name = data.name.replace("-", "_")
            ingest(client, name, embeddings, data)
            fit = [q for q in data.questions if half_of[q.article] == "fit"]
            asked = {"own": fit}
            if across:
                asked = {
                    other.name.split("-")[1]: [
                        q for q in other.questions if half_of[q.article] == "fit"
                    ]
                    for other in sets
                    if other.name.startswith("xquad") and other is not english
                }
            if (
                not (args.small or args.one_each)
                and english is not None
                and data is not english
                and data.name.startswith("xquad")
            ):
                asked["en"] = [q for q in english.questions if half_of[q.article] == "fit"]
            mine = rows_of(
                client,
                name,
                embeddings,
                settings,
                data,
                asked,
                args.per_kind,
                str(args.seed),
                small=args.small,
                one_each=args.one_each,
                swaps=args.swaps,
            )
            rows += mine
            print(f"{data.name}: {len(mine)} rows", flush=True)
        client.close()
    return rows


if __name__ == "__main__":
    main()
