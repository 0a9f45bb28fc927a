"""The fitting script's parts, and the shipped weights against the evidence the service
computes: a file fitted on features the code no longer makes must fail here, not at the
first question."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from agents.answerability import Answerability, Evidence, Trees, Weights, _tupled, shipped
from bench.fit_answerability import (
    LEXICAL as LEXICAL_NAMES,
)
from bench.fit_answerability import (
    added,
    auc,
    fitted,
    logistic,
    main,
    threshold_keeping,
)


def test_the_logistic_fit_finds_the_feature_that_separates() -> None:
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 2000).astype(float)
    x = np.column_stack([y + rng.normal(0, 0.5, 2000), rng.normal(0, 1, 2000)])
    coefficients, intercept = logistic(x, y)
    p = 1 / (1 + np.exp(-(x @ coefficients + intercept)))
    assert coefficients[0] > 5 * abs(coefficients[1])
    assert auc(p, y) > 0.9
    kept = threshold_keeping(p[y == 1], 0.95)
    assert abs(np.mean(p[y == 1] >= kept) - 0.95) < 0.01


def test_the_shipped_weights_read_the_evidence_the_service_computes() -> None:
    model = shipped()
    fields = {f.name for f in dataclasses.fields(Evidence)}
    assert model.few_passages is not None and model.tiny_scope is not None
    for weights in (model.lexical, model.dense, model.few_passages, model.tiny_scope):
        assert set(weights.names) <= fields and len(weights.names) == len(weights.coefficients)
        assert 0 < weights.threshold < 1
    close = Evidence(0.8, 0.4, 0.3, 0.4, 0.4, 1.0, 1.0, 0, 0, 1.0, True)
    far = Evidence(0.3, 0.05, 0.0, 0.02, 0.02, 0.1, 0.0, 4, 3, 0.0, True)
    assert model.answers(close) and not model.answers(far)
    across = dataclasses.replace(far, same_language=False)
    assert isinstance(model, Answerability) and not model.answers(across)
    # The answerer measures `unsupported` only for readings that pass without it: right
    # while it can only count against answering.
    for weights in (model.lexical, model.few_passages, model.tiny_scope):
        weighed = dict(zip(weights.names, weights.coefficients, strict=True))
        assert weighed.get("unsupported", 0.0) <= 0
    assert "unsupported" not in model.dense.names
    # a question in another language than every page of a small knowledge base
    small = dict(model.dense.small_scope_thresholds)
    assert set(small) == {"few_passages", "tiny_scope"}
    for flag, limit in small.items():
        read = dataclasses.replace(across, **{flag: True})
        assert model.weights(read) is model.dense and model.threshold(read) == limit
        assert limit > model.dense.threshold
    mixed_read = dataclasses.replace(across, tiny_scope=True, mixed=True)
    assert model.threshold(mixed_read) == model.dense.mixed_threshold
    few = dataclasses.replace(close, few_passages=True)
    assert model.weights(few) is model.few_passages and model.answers(few)
    assert model.weights(dataclasses.replace(few, same_language=False)) is model.dense
    tiny = dataclasses.replace(close, tiny_scope=True)
    assert model.weights(tiny) is model.tiny_scope_trees and model.answers(tiny)
    assert model.tiny_scope_trees is not None and set(model.tiny_scope_trees.names) <= fields
    assert not model.answers(dataclasses.replace(far, tiny_scope=True))
    # a mixed reading there: `lexical` at its mixed threshold, and the tiny scope's
    # weights at theirs too; a larger scope's mixed reading has no second weights
    mixed = dataclasses.replace(tiny, mixed=True)
    assert model.weights(mixed) is model.lexical
    assert model.second(mixed) == (model.tiny_scope, model.tiny_scope.mixed_threshold)
    assert model.second(tiny) is None and model.second(dataclasses.replace(few, mixed=True)) is None
    assert model.answers(mixed)
    # a reading the lexical weights pass at their mixed threshold, the tiny scope's not:
    # "Apakah ada kantin di kampus Jatinangor?" of a page each in three languages, the
    # Indonesian one on admissions (leaving out "kantin" brings the question 0.056 closer)
    passing = Evidence(0.637, 0.331, 0.331, 0.331, 0.149, 0.667, 0.667, 1, 1, 1.0, True,
                       unsupported=0.056, language="id", mixed=True, tiny_scope=True)  # fmt: skip
    lexical_p = model.lexical.probability(passing.values())
    tiny_p = model.tiny_scope.probability(passing.values())
    assert lexical_p >= model.lexical.mixed_threshold and tiny_p < model.tiny_scope.mixed_threshold
    assert not model.answers(passing)


def test_a_language_whose_questions_score_higher_gets_a_stricter_threshold() -> None:
    """Answerable questions of one language sit higher on the same evidence than another's:
    under one shared threshold its off-topic questions near the shared edge would be
    answered. It gets the stricter threshold that keeps the same share of its own; the
    language that scores lower keeps the shared one (a looser one would answer its
    off-topic questions too), and so does a language the fit never saw."""
    rng = np.random.default_rng(5)
    rows = []
    for language, shift in (("en", 0.0), ("zh", -0.15)):
        for kind, level in (("answerable", 0.6), ("off-topic", 0.2)):
            for value in rng.normal(level + shift, 0.08, 400):
                rows.append({"best": value, "kind": kind, "language": language})
    model = fitted(rows, ("best",), 0.95, language_rows=300)
    assert set(model["by_language"]) == {"en"} and model["by_language"]["en"] > model["threshold"]
    weights = Weights(**_tupled(model))
    decision = Answerability(lexical=weights, dense=weights)
    threshold, (slope,), intercept = model["threshold"], model["coefficients"], model["intercept"]
    edge = (math.log(threshold / (1 - threshold)) - intercept) / slope  # the shared cut in "best"
    at = Evidence(edge + 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, True, language="zh")
    assert decision.answers(at)  # just above the shared threshold
    assert decision.answers(dataclasses.replace(at, language="id"))
    assert not decision.answers(dataclasses.replace(at, language="en"))


def test_a_feature_added_alone_keeps_every_other_weight_and_the_answered_share() -> None:
    """Rows the shipped weights pass though they are not answerable, told apart by a new
    feature: `--add` gives it a negative weight, keeps every other weight, and moves the
    threshold only as far as answers the same share of the answerable rows as before;
    the rows the feature speaks for are declined."""
    rng = np.random.default_rng(9)
    rows = []
    for kind, level, unsupported in (
        ("answerable", 0.6, 0.0), ("near_topic", 0.6, 0.08), ("off_topic", 0.2, 0.0)
    ):  # fmt: skip
        for value in rng.normal(level, 0.1, 300):
            rows.append({"best": value, "kind": kind, "unsupported": unsupported, "language": "en"})
    base = fitted(rows, ("best",), 0.95)
    model = added(rows, base, "unsupported")
    assert model["names"] == ["best", "unsupported"] and model["coefficients"][1] < -10
    assert (model["coefficients"][0], model["intercept"]) == (
        base["coefficients"][0], base["intercept"]
    )  # fmt: skip
    before, after = Weights(**_tupled(base)), Weights(**_tupled(model))
    assert after.probability({"best": 0.6, "unsupported": 0.0}) == before.probability({"best": 0.6})

    def passed(weights: Weights, kind: str) -> float:
        of = [r for r in rows if r["kind"] == kind]
        return np.mean([weights.probability(r) >= weights.threshold for r in of])

    assert passed(after, "answerable") == passed(before, "answerable")
    assert passed(after, "near_topic") < 0.1 < passed(before, "near_topic")


def test_rows_of_few_passages_add_their_own_weights_and_a_refit_keeps_them(
    tmp_path: Path,
) -> None:
    """--small rows: weights of their own, fitted on them alone, beside the others (kept
    as they were); a later whole refit of the other weights leaves them."""
    base = {"lexical": fitted_one(3), "dense": fitted_one(4)}
    (tmp_path / "base.json").write_text(json.dumps(base))
    rng = np.random.default_rng(9)
    rows = []
    for kind, level in (("answerable", 0.6), ("near_topic", 0.4), ("off_topic", 0.2)):
        for value in rng.normal(level, 0.08, 300):
            row = {name: 0.0 for name in ("best", *EVIDENCE_NAMES)}
            row.update(best=value, kind=kind, set="xquad-en", asked="own", language="en")
            rows.append({**row, "same_language": True, "small": 1, "few_passages": True})
    # rows of one-to-four-page scopes, with questions swapped: weights of their own too
    for kind, level in (("answerable", 0.7), ("swapped", 0.5), ("off_topic", 0.2)):
        for value in rng.normal(level, 0.08, 300):
            row = {name: 0.0 for name in ("best", *EVIDENCE_NAMES)}
            row.update(best=value, kind=kind, set="xquad-en", asked="own", language="en")
            rows.append({**row, "same_language": True, "small": 3, "tiny_scope": True})
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    paths = [
        "--squad",
        str(tmp_path),
        "--xquad",
        str(tmp_path),
        "--base",
        str(tmp_path / "base.json"),
    ]
    main([*paths, "--rows", str(tmp_path / "rows.jsonl"), "--out", str(tmp_path / "few.json")])
    written = json.loads((tmp_path / "few.json").read_text())
    assert written["lexical"] == base["lexical"] and written["dense"] == base["dense"]
    few = Weights(**_tupled(written["few_passages"]))
    tiny = Weights(**_tupled(written["tiny_scope"]))
    assert tiny.threshold != few.threshold  # each fitted on its own rows
    answerable = np.array(
        [r["best"] for r in rows if r["kind"] == "answerable" and r.get("few_passages")]
    )
    passed = [few.probability({**dict.fromkeys(few.names, 0.0), "best": b}) >= few.threshold
              for b in answerable]  # fmt: skip
    assert abs(np.mean(passed) - 0.955) < 0.01  # the --keep share of these answerable ones

    # a whole refit on ordinary rows, written over the same file: few_passages stays
    ordinary = [{**r, "small": 0, "few_passages": False, "tiny_scope": False} for r in rows]
    (tmp_path / "ordinary.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ordinary))
    main(["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base", str(tmp_path / "few.json"),
          "--rows", str(tmp_path / "ordinary.jsonl"), "--out", str(tmp_path / "refit.json")])  # fmt: skip
    refit = json.loads((tmp_path / "refit.json").read_text())
    assert refit["few_passages"] == written["few_passages"]
    assert refit["tiny_scope"] == written["tiny_scope"]
    assert refit["lexical"] != base["lexical"]


EVIDENCE_NAMES = (
    "gap", "lead", "relative", "dense_relative", "coverage", "sentence_coverage", "missing",
    "absent", "names", "unsupported",
)  # fmt: skip


def fitted_one(seed: int) -> dict:
    """A one-feature weights file entry, as bench.fit_answerability writes one."""
    rng = np.random.default_rng(seed)
    rows = [{"best": v, "kind": kind, "language": "en"}
            for kind, level in (("answerable", 0.6), ("off_topic", 0.3))
            for v in rng.normal(level, 0.1, 100)]  # fmt: skip
    return fitted(rows, ("best",), 0.95)


def test_boosted_trees_for_the_tiny_scope_learn_what_weights_cannot_and_a_refit_keeps_them(
    tmp_path: Path,
) -> None:
    """--boosted on rows of one-to-four-page scopes: where a feature counts one way in
    one language and not in another (coverage of character pairs), the blend of weights
    and trees tells the kinds apart better than weights alone at the same answerable
    share; its threshold keeps --keep of the answerable out of fold; the other weights
    stay, the service reads it back, and a later whole refit keeps it."""
    base = {"lexical": fitted_one(3), "dense": fitted_one(4)}
    (tmp_path / "base.json").write_text(json.dumps(base))
    rng = np.random.default_rng(17)
    rows = []
    for n in range(1600):
        language = ("en", "zh")[n % 2]
        answerable = n % 4 < 2
        # English: coverage tells; Chinese: high coverage either way, the cosine tells
        coverage = rng.normal(0.8 if answerable else 0.4, 0.15) if language == "en" else (
            rng.normal(0.8, 0.15)
        )  # fmt: skip
        best = rng.normal(0.65 if answerable or language == "en" else 0.5, 0.06)
        row = {name: 0.0 for name in ("best", *EVIDENCE_NAMES)}
        row.update(best=best, coverage=coverage, language=language, set=f"xquad-{language}",
                   asked="own", kind="answerable" if answerable else "near_topic",
                   same_language=True, small=3, tiny_scope=True, article=f"a{n % 40}")  # fmt: skip
        rows.append(row)
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    args = ["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base",
            str(tmp_path / "base.json"), "--rows", str(tmp_path / "rows.jsonl")]  # fmt: skip
    main([*args, "--boosted", "--out", str(tmp_path / "trees.json")])
    written = json.loads((tmp_path / "trees.json").read_text())
    assert written["lexical"] == base["lexical"] and written["dense"] == base["dense"]
    trees = Trees.of(written["tiny_scope_trees"])
    assert len(trees.trees) > 10
    p = np.array([trees.probability(r) for r in rows])
    answerable = np.array([r["kind"] == "answerable" for r in rows])
    assert 0.93 < np.mean(p[answerable] >= trees.threshold) < 1.0  # in sample: at least --keep
    weights = Weights(**_tupled(fitted([r for r in rows], LEXICAL_NAMES, 0.955)))
    plain = np.array([weights.probability(r) for r in rows])
    chinese = np.array([r["language"] == "zh" for r in rows])
    declined_by = {
        "weights": 1 - np.mean(plain[chinese & ~answerable] >= weights.threshold),
        "blend": 1 - np.mean(p[chinese & ~answerable] >= trees.threshold),
    }
    assert declined_by["blend"] > declined_by["weights"] + 0.05, declined_by
    decision = Answerability.load(tmp_path / "trees.json")
    assert decision.tiny_scope_trees == trees
    # a whole refit on ordinary rows over that file: the trees stay
    ordinary = [{**r, "small": 0, "tiny_scope": False} for r in rows]
    (tmp_path / "ordinary.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ordinary))
    main(["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base", str(tmp_path / "trees.json"),
          "--rows", str(tmp_path / "ordinary.jsonl"), "--out", str(tmp_path / "refit.json")])  # fmt: skip
    assert (
        json.loads((tmp_path / "refit.json").read_text())["tiny_scope_trees"]
        == written["tiny_scope_trees"]
    )


def test_rows_without_a_scope_of_few_passages_fit_nothing_and_say_why(tmp_path: Path) -> None:
    """--one-each 3 makes scopes of four passages or fewer: none is one the service reads
    with `few_passages`, so nothing is fitted and no file is written."""
    rows = [
        {"best": b, "kind": kind, "set": "xquad-en", "asked": "own", "language": "en",
         "same_language": True, "small": 3, "few_passages": False}
        for kind, b in (("answerable", 0.6), ("near_topic", 0.3))
    ]  # fmt: skip
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.json"
    args = [
        "--squad",
        str(tmp_path),
        "--xquad",
        str(tmp_path),
        "--rows",
        str(tmp_path / "rows.jsonl"),
    ]
    with pytest.raises(SystemExit, match="nothing to fit"):
        main([*args, "--out", str(out)])
    assert not out.exists()


def test_mixed_readings_of_a_small_scope_get_a_threshold_of_its_weights(tmp_path: Path) -> None:
    """--one-each K --mixed rows: the tiny scope's weights stay and get a mixed threshold
    that answers --keep of the mixed readings' answerable questions the lexical weights
    answer at their mixed threshold, never below their own threshold; the lexical
    weights and their mixed threshold stay."""
    tiny, lexical = fitted_one(5), fitted_one(3)
    # held to the probability of the answerable rows' middle: about half of them pass
    middle = Weights(**_tupled(lexical)).probability({"best": 0.75})
    base = {"lexical": {**lexical, "mixed_threshold": middle}, "dense": fitted_one(4),
            "tiny_scope": tiny}  # fmt: skip
    (tmp_path / "base.json").write_text(json.dumps(base))
    rng = np.random.default_rng(11)
    rows = []
    for kind, level in (("answerable", 0.75), ("swapped", 0.55), ("off_topic", 0.3)):
        for value in rng.normal(level, 0.06, 300):
            rows.append({"best": value, "kind": kind, "set": "mixed-es", "asked": "own",
                         "language": "es", "same_language": True, "small": 3,
                         "tiny_scope": True, "mixed": True})  # fmt: skip
    # one-language readings of the same scopes do not choose it
    rows += [{**r, "best": 0.0, "mixed": False} for r in rows[:100]]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.json"
    main(["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base", str(tmp_path / "base.json"),
          "--rows", str(tmp_path / "rows.jsonl"), "--out", str(out)])  # fmt: skip
    written = json.loads(out.read_text())
    assert written["lexical"] == base["lexical"] and written["dense"] == base["dense"]
    chosen = written["tiny_scope"].pop("mixed_threshold")
    assert written["tiny_scope"] == tiny  # its weights and own threshold as they were
    assert chosen > tiny["threshold"]
    weights, held = Weights(**_tupled(tiny)), Weights(**_tupled(lexical))
    answerable = [r["best"] for r in rows if r["kind"] == "answerable" and r["mixed"]]
    answered = [b for b in answerable if held.probability({"best": b}) >= middle]
    assert 0.3 < len(answered) / len(answerable) < 0.7
    passed = np.mean([weights.probability({"best": b}) >= chosen for b in answered])
    assert abs(passed - 0.955) < 0.01
    swapped = [r["best"] for r in rows if r["kind"] == "swapped"]
    assert np.mean([weights.probability({"best": b}) >= chosen for b in swapped]) < 0.5

    # without a tiny scope's weights to hold them to, nothing is chosen or written
    (tmp_path / "bare.json").write_text(json.dumps({k: base[k] for k in ("lexical", "dense")}))
    with pytest.raises(SystemExit, match="no mixed readings"):
        main(["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base",
              str(tmp_path / "bare.json"), "--rows", str(tmp_path / "rows.jsonl"),
              "--out", str(tmp_path / "none.json")])  # fmt: skip
    assert not (tmp_path / "none.json").exists()


def test_questions_in_another_language_of_few_pages_get_thresholds_of_their_own(
    tmp_path: Path,
) -> None:
    """--one-each K --across rows: the dense weights stay and get a threshold for each
    kind of small scope, keeping --keep of its answerable readings across languages."""
    base = {"lexical": fitted_one(3), "dense": fitted_one(4)}
    (tmp_path / "base.json").write_text(json.dumps(base))
    rng = np.random.default_rng(13)
    rows = []
    for flag, level in (("few_passages", 0.75), ("tiny_scope", 0.65)):
        for kind, shift in (("answerable", 0.0), ("near_topic", -0.15), ("off_topic", -0.3)):
            for value in rng.normal(level + shift, 0.06, 200):
                rows.append({"best": value, "kind": kind, "set": "xquad-en", "asked": "es",
                             "language": "es", "same_language": False, "small": 7,
                             flag: True})  # fmt: skip
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.json"
    main(["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base", str(tmp_path / "base.json"),
          "--rows", str(tmp_path / "rows.jsonl"), "--one-each", "7", "--across",
          "--out", str(out)])  # fmt: skip
    written = json.loads(out.read_text())
    chosen = written["dense"].pop("small_scope_thresholds")
    assert written == base  # nothing else moved
    assert set(chosen) == {"few_passages", "tiny_scope"}
    assert chosen["few_passages"] > chosen["tiny_scope"] > base["dense"]["threshold"]
    dense = Weights(**_tupled({**base["dense"], "small_scope_thresholds": chosen}))
    for flag, limit in chosen.items():
        answerable = [r["best"] for r in rows if r.get(flag) and r["kind"] == "answerable"]
        passed = np.mean([dense.probability({"best": b}) >= limit for b in answerable])
        assert abs(passed - 0.955) < 0.01
        assert dense.threshold_for("es", small_scope=flag) == limit
    assert dense.threshold_for("es") == base["dense"]["threshold"]


def test_own_thresholds_chooses_the_named_languages_again_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    """A new stopword list raised German's answerable questions and left the weights:
    `--own-thresholds de` gives German the stricter threshold that answers --keep of its
    own again; the weights, the shared threshold and English's own threshold stay, and a
    language without enough answerable rows is refused with a message, writing nothing."""
    lexical = {**fitted_one(3), "by_language": {"en": 0.7, "de": 0.6}}
    base = {"lexical": lexical, "dense": fitted_one(4)}
    (tmp_path / "base.json").write_text(json.dumps(base))
    rng = np.random.default_rng(13)
    rows = []
    for language, level in (("de", 0.75), ("en", 0.5)):
        for kind, at in (("answerable", level), ("off_topic", 0.3)):
            for value in rng.normal(at, 0.05, 300):
                rows.append({"best": value, "kind": kind, "set": f"xquad-{language}",
                             "asked": "own", "language": language, "same_language": True})  # fmt: skip
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    args = ["--squad", str(tmp_path), "--xquad", str(tmp_path), "--base",
            str(tmp_path / "base.json"), "--rows", str(tmp_path / "rows.jsonl")]  # fmt: skip
    out = tmp_path / "out.json"
    main([*args, "--own-thresholds", "de", "--out", str(out)])
    written = json.loads(out.read_text())
    german = written["lexical"]["by_language"].pop("de")
    assert written["lexical"]["by_language"] == {"en": 0.7}
    assert {k: v for k, v in written["lexical"].items() if k != "by_language"} == {
        k: v for k, v in lexical.items() if k != "by_language"
    }
    assert written["dense"] == base["dense"]
    weights = Weights(**_tupled(lexical))
    answerable = [r["best"] for r in rows if r["kind"] == "answerable" and r["language"] == "de"]
    passed = np.mean([weights.probability({"best": b}) >= german for b in answerable])
    assert german > 0.6 and abs(passed - 0.955) < 0.01
    with pytest.raises(SystemExit, match=r"fewer than 150 answerable rows in \['tr'\]"):
        main([*args, "--own-thresholds", "de,tr", "--out", str(tmp_path / "not.json")])
    assert not (tmp_path / "not.json").exists()
