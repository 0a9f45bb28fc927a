"""The answerability thresholds of knowledge bases in several languages: chosen on the fit
half of bench.answerable's two-language collections (each XQuAD language with half its
articles in English, asked in that language).

Every reading of every question (answerable, off-topic, near-topic) is decided once with
no mixed thresholds, and its probability kept. Two pairs of thresholds are chosen, each a
`dense` weights' threshold (the best sentence in another language than the question's)
and a `lexical` one (in the question's language; or none: each language's as fitted):

1. `mixed_threshold`, for the readings with passages in the question's language and in
   another retrieved;
2. then, with that pair in place, `mixed_scope_threshold`, for the readings of a scope
   that holds both whose retrieved passages are all of one kind: dense only. Passages
   all in the question's language are read as in a one-language knowledge base, whose
   thresholds keep 95.5% of the answerable questions (bench.fit_answerability); a
   stricter one here would answer a question or not depending on whether an unrelated
   document in another language sits in the knowledge base.

Each pair kept has the highest mean of answered + off-topic declined + near-topic
declined over the languages. Only the fit half is read.

    python -m bench.mixed_threshold --xquad ../shared/data/xquad [--languages es,zh,tr,de]
        [--per-kind 100] [--write] [--dump readings.json | --rows readings.json]

`--write` stores both in agents/answerability.json.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import tempfile
from dataclasses import replace
from pathlib import Path

from agents.answer import ExtractiveAnswerer, Judged, default_not_found
from agents.answerability import MODEL_FILE, Answerability, Evidence, weights_text
from bench.answerable import KINDS, excluded, halves, load_xquad, mixed, searchable, without
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded

# (sentences chosen, passed without mixed thresholds, which threshold would decide it
# ("dense", "lexical", "dense-scope", "lexical-scope" or "" for none), probability)
Reading = tuple[bool, bool, str, float]
# (the weights' field, the readings' suffix, whether a lexical threshold is chosen too)
STAGES = (("mixed_threshold", "", True), ("mixed_scope_threshold", "-scope", False))


class Recording(ExtractiveAnswerer):
    """The answerer, keeping each reading's decision."""

    readings: list[Reading]

    def _judged(self, chosen: list[int], best: float, seen: Evidence) -> Judged:
        judged = super()._judged(chosen, best, seen)
        kind = "lexical" if seen.same_language else "dense"
        weights = kind if seen.mixed else f"{kind}-scope" if seen.mixed_scope else ""
        probability = judged.evidence["probability"]
        self.readings.append((bool(chosen), judged.passes, weights, probability))
        return judged


Pair = tuple[float, float | None]  # dense, lexical (None: as fitted)
Thresholds = dict[str, float | None]  # by the kinds of reading above


def found_with(readings: list[Reading], thresholds: Thresholds) -> bool:
    def passes(weights: str, passed: bool, probability: float) -> bool:
        threshold = thresholds.get(weights)
        return passed if threshold is None else probability >= threshold

    return any(chosen and passes(w, passed, p) for chosen, passed, w, p in readings)


def _readings(args: argparse.Namespace, shipped: Answerability) -> dict[str, dict[str, list]]:
    """Each language's questions by kind, each question's readings decided without
    mixed thresholds."""
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    calibration = embeddings.calibration
    answerer = Recording(
        embeddings, threshold=calibration.sentence_threshold,
        max_sentences=settings.answer_max_sentences, not_found_message=default_not_found(),
        answerability=replace(
            shipped,
            dense=replace(shipped.dense, mixed_threshold=None, mixed_scope_threshold=None),
            lexical=replace(shipped.lexical, mixed_threshold=None, mixed_scope_threshold=None),
        ),
    )  # fmt: skip
    english = load_xquad(args.xquad, "en")
    rows: dict[str, dict[str, list[list[Reading]]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-mixed-") as folder:
        client = open_embedded(Path(folder))
        for language in args.languages.split(","):
            data = mixed(load_xquad(args.xquad, language), english)
            half_of = halves({q.article for q in data.questions})
            retriever, scope = searchable(
                client, embeddings, settings, data, calibration.score_threshold
            )
            pool = [q for q in data.questions if half_of[q.article] == "fit"]
            rows[language] = {}
            for kind in KINDS:
                rng = random.Random(f"{args.seed}-{language}-{kind}")
                rows[language][kind] = []
                for question in rng.sample(pool, min(args.per_kind, len(pool))):
                    answerer.readings = []
                    narrowed = without(excluded(data, question, kind))
                    passages = retriever.search(question.text, replace(scope, narrowed=narrowed))
                    if passages:
                        answerer.answer(question.text, passages)
                    rows[language][kind].append(list(answerer.readings))
            print(f"{data.name}: {len(pool)} fit-half questions", flush=True)
        client.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xquad", type=Path, required=True)
    parser.add_argument("--languages", default="es,zh,tr,de")
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--dump", type=Path, help="also write every question's readings here")
    parser.add_argument("--rows", type=Path, help="choose from these dumped readings")
    args = parser.parse_args(argv)
    shipped = Answerability.load()
    if args.rows:
        rows = json.loads(args.rows.read_text())
    else:
        rows = _readings(args, shipped)
    if args.dump:
        args.dump.write_text(json.dumps(rows))

    def rates(
        thresholds: Thresholds, languages: list[str] | None = None
    ) -> tuple[float, float, float]:
        shares = []
        for kind in KINDS:
            per_language = []
            for by_kind in (rows[language] for language in languages or list(rows)):
                found = [found_with(readings, thresholds) for readings in by_kind[kind]]
                share = sum(found) / len(found)
                per_language.append(share if kind == "answerable" else 1 - share)
            shares.append(sum(per_language) / len(per_language))
        return shares[0], shares[1], shares[2]

    def shown(shares: tuple[float, float, float]) -> str:
        return (f"answered {shares[0]:.3f} off-topic declined {shares[1]:.3f} "
                f"near-topic declined {shares[2]:.3f}")  # fmt: skip

    grid = [round(0.05 * i, 2) for i in range(2, 20)]
    thresholds: Thresholds = {}
    chosen: dict[str, Pair] = {}
    print(f"as fitted (dense {shipped.dense.threshold:.3f}, lexical "
          f"{shipped.lexical.threshold:.3f} and per language): {shown(rates({}))}")  # fmt: skip
    for name, suffix, lexical in STAGES:
        pairs: list[Pair] = [(d, lex) for d in grid for lex in [None, *(grid if lexical else [])]]

        def with_pair(
            pair: Pair, suffix: str = suffix, base: Thresholds = thresholds
        ) -> Thresholds:
            return {**base, f"dense{suffix}": pair[0], f"lexical{suffix}": pair[1]}

        for dense in grid:
            print(f"{name}: dense {dense:.2f}, lexical as fitted: "
                  f"{shown(rates(with_pair((dense, None))))}")  # fmt: skip
        pair = max(pairs, key=lambda p: (round(sum(rates(with_pair(p))), 6), -p[0]))
        chosen[name], thresholds = pair, with_pair(pair)
        print(f"chosen {name}: dense {pair[0]:.2f}, lexical {pair[1]}: {shown(rates(thresholds))}")
    for language in rows:
        print(f"  {language}: {shown(rates(thresholds, [language]))}")
    if args.write:
        saved = json.loads(MODEL_FILE.read_text())
        for name, (dense, lexical) in chosen.items():
            saved["dense"][name] = dense
            saved["lexical"].pop(name, None)
            if lexical is not None:
                saved["lexical"][name] = lexical
        MODEL_FILE.write_text(weights_text(saved))
        print(f"written: {MODEL_FILE}")


if __name__ == "__main__":
    main()
