"""How close an encoder puts a question to unrelated passages of each language: the table
retrieval falls back on in a knowledge base in several languages (agents/fusion.py).

For each pair of XQuAD languages (question X, passages Y): a collection of the `fit` half's
paragraphs in Y, and `--questions` questions of the same half asked in X; each question's
background is the mean dense cosine of its hits ranked 4..16 (agents/retrieval.py's
BACKGROUND_FROM and BACKGROUND_DEPTH), and the table keeps its mean over the questions.
Only the fit half is read: bench.answerable reports on the other.

    python -m bench.language_offsets --data ../shared/data/xquad [--questions 200] [--write]

`--write` saves the table as knowledge/encoders/language_offsets/<encoder>.json.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import tempfile
from pathlib import Path
from statistics import mean, median

from qdrant_client import models

from agents.retrieval import BACKGROUND_DEPTH, BACKGROUND_FROM
from bench.answerable import DataSet, halves, ingest, load_xquad
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.models import LANGUAGE_OFFSETS
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import DENSE_VECTOR

LANGUAGES = ("ar", "de", "el", "en", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh")


def fit_half(data: DataSet, half_of: dict[str, str]) -> DataSet:
    kept = {pid: p for pid, p in data.paragraphs.items() if half_of[p[0]] == "fit"}
    return DataSet(data.name, kept, [q for q in data.questions if half_of[q.article] == "fit"])


def backgrounds(
    *, folder: Path, languages: list[str], questions: int, seed: int
) -> tuple[str, dict[str, dict[str, float]]]:
    """The encoder's name and, for each question language, each passage language's mean
    background."""
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    sets = {language: load_xquad(folder, language) for language in languages}
    half_of = halves({q.article for data in sets.values() for q in data.questions})
    sets = {language: fit_half(data, half_of) for language, data in sets.items()}
    # The same questions (by position: XQuAD's are parallel) in every language.
    picked = sorted(random.Random(seed).sample(range(len(sets["en"].questions)), questions))
    table: dict[str, dict[str, float]] = {x: {} for x in languages}
    with tempfile.TemporaryDirectory(prefix="bench-offsets-") as tmp:
        client = open_embedded(Path(tmp))
        for y, data in sets.items():
            ingest(client, f"offsets_{y}", embeddings, data)
        for x, data in sets.items():
            vectors = [embeddings.embed_query(data.questions[i].text) for i in picked]
            for y in languages:
                responses = client._client.query_batch_points(
                    collection_name=f"offsets_{y}",
                    requests=[
                        models.QueryRequest(query=v, using=DENSE_VECTOR, limit=BACKGROUND_DEPTH)
                        for v in vectors
                    ],
                )
                table[x][y] = round(
                    mean(
                        mean(p.score for p in r.points[BACKGROUND_FROM:BACKGROUND_DEPTH])
                        for r in responses
                    ),
                    4,
                )
            print(x, " ".join(f"{y}={table[x][y]:.3f}" for y in languages), flush=True)
        client.close()
    return embeddings.name, table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of xquad.<lang>.json")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    languages = args.languages.split(",")
    encoder, table = backgrounds(
        folder=args.data, languages=languages, questions=args.questions, seed=args.seed
    )
    shifts = [table[x][y] - table[x][x] for x in languages for y in languages if x != y]
    print(f"shift to another language: median {median(shifts):.3f}, "
          f"range {min(shifts):.3f} .. {max(shifts):.3f}")  # fmt: skip
    if args.write:
        LANGUAGE_OFFSETS.mkdir(exist_ok=True)
        target = LANGUAGE_OFFSETS / f"{encoder}.json"
        made_by = (
            f"python -m bench.language_offsets --data {args.data} --questions "
            f"{args.questions} --seed {args.seed} --write (XQuAD, fit half)"
        )
        body = {"encoder": encoder, "made_by": made_by, "backgrounds": table}
        target.write_text(json.dumps(body, indent=1) + "\n")
        print(f"written: {target}")


if __name__ == "__main__":
    main()
