"""Choose the answerability decision's alignment bar (Answerability.alignment) on the
`fit` half of SQuAD dev and XQuAD, and write it into agents/answerability.json.

Every question of bench.answerable's three kinds is asked of its whole collection with
the shipped decision and a bar that reads every passing reading within `--widest`
log-odds of its threshold and declines none, and each read reading's alignment is kept.
Then, for each margin and alignment level of a grid, the answerable questions the pair
would decline are weighed against the off-topic and near-topic ones it would decline
(near-topic ones whose quote holds no gold answer: another paragraph of the article
answering it is no wrong answer): the pair declining the most of those less `--cost`
times the answerable ones is written (the narrower margin on a tie: fewer readings pay
for the forward pass).

    python -m bench.alignment_bar --squad ../shared/data/squad-dev \\
        --xquad ../shared/data/xquad [--per-kind 150] [--cost 4] [--widest 6] \\
        [--dump rows.jsonl | --rows rows.jsonl] [--out agents/answerability.json]

Only the `fit` half is read: bench.answerable --half report is what the docs quote.
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

from agents.answer import ExtractiveAnswerer, default_not_found
from agents.answerability import (
    MODEL_FILE,
    AlignmentBar,
    Answerability,
    log_odds,
    weights_text,
)
from bench.answerable import (
    KINDS,
    LANGUAGES,
    halves,
    holds_gold,
    load_squad,
    load_xquad,
    scope_for,
    searchable,
)
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded

MARGINS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0)
LEVELS = tuple(round(0.70 + 0.005 * i, 3) for i in range(41))  # 0.70 to 0.90


def collect(args: argparse.Namespace) -> list[dict]:
    """One row per question the decision answers: its kind, whether the quote holds a
    gold answer, its log-odds above the threshold and, when read, its alignment."""
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    calibration = embeddings.calibration
    reading = replace(Answerability.load(), alignment=AlignmentBar(args.widest, below=-1.0))
    answerer = ExtractiveAnswerer(
        embeddings, threshold=calibration.sentence_threshold,
        max_sentences=settings.answer_max_sentences, not_found_message=default_not_found(),
        answerability=reading,
    )  # fmt: skip
    sets = [load_squad(args.squad)] + [
        load_xquad(args.xquad, language) for language in args.languages.split(",")
    ]
    half_of = halves({q.article for data in sets for q in data.questions})
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="alignment-bar-") as folder:
        client = open_embedded(Path(folder))
        for data in sets:
            retriever, scope = searchable(
                client, embeddings, settings, data, calibration.score_threshold
            )
            pool = [q for q in data.questions if half_of[q.article] == "fit"]
            rng = random.Random(f"{args.seed}-{data.name}")  # bench.answerable's draws
            articles = sorted({q.article for q in pool})
            for kind in KINDS:
                for q in rng.sample(pool, min(args.per_kind, len(pool))):
                    narrowed = scope_for(data, q, kind, articles, rng)
                    passages = retriever.search(q.text, replace(scope, narrowed=narrowed))
                    answer = answerer.answer(q.text, passages) if passages else None
                    if answer is None or not answer.found or answer.evidence is None:
                        continue
                    seen = answer.evidence
                    rows.append({
                        "set": data.name, "kind": kind, "gold": holds_gold(answer.text, q),
                        "margin": log_odds(seen["probability"]) - log_odds(seen["threshold"]),
                        "alignment": seen.get("alignment"),
                    })  # fmt: skip
            print(f"{data.name}: {sum(r['set'] == data.name for r in rows)} answered", flush=True)
        client.close()
    return rows


def declined(rows: list[dict], margin: float, level: float) -> dict[str, int]:
    """What the bar (margin, level) would decline of `rows`, by kind."""
    counts = {kind: 0 for kind in KINDS}
    for row in rows:
        read = row["alignment"] is not None and row["margin"] < margin
        wrong = row["kind"] != "near_topic" or not row["gold"]
        if read and row["alignment"] < level and wrong:
            counts[row["kind"]] += 1
    return counts


def chosen(rows: list[dict], cost: float) -> tuple[float, float, dict[str, int]]:
    def gain(pair: tuple[float, float]) -> tuple[float, float]:
        counts = declined(rows, *pair)
        won = counts["off_topic"] + counts["near_topic"] - cost * counts["answerable"]
        return won, -pair[0]

    margin, level = max(((m, a) for m in MARGINS for a in LEVELS), key=gain)
    return margin, level, declined(rows, margin, level)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path)
    parser.add_argument("--xquad", type=Path)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--per-kind", type=int, default=150)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--cost", type=float, default=4.0, help="an answerable one lost, in wrong")
    parser.add_argument("--widest", type=float, default=max(MARGINS), help="margin read")
    parser.add_argument("--dump", type=Path, help="also write the rows here")
    parser.add_argument("--rows", type=Path, help="choose on these dumped rows instead")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    if args.rows:
        rows = [json.loads(line) for line in args.rows.read_text().splitlines()]
    elif args.squad and args.xquad:
        rows = collect(args)
    else:
        parser.error("give --squad and --xquad, or --rows")
    if args.dump:
        args.dump.write_text("".join(json.dumps(row) + "\n" for row in rows))
    margin, level, counts = chosen(rows, args.cost)
    answered = {kind: sum(r["kind"] == kind for r in rows) for kind in KINDS}
    read = sum(r["alignment"] is not None and r["margin"] < margin for r in rows)
    print(f"margin {margin}, alignment below {level}: declines " + ", ".join(
        f"{kind} {counts[kind]} of {answered[kind]} answered" for kind in KINDS
    ) + f"; {read} of {len(rows)} answered readings read")  # fmt: skip
    weights = json.loads(args.out.read_text())
    weights["alignment"] = {"margin_below": margin, "below": level}
    args.out.write_text(weights_text(weights))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
