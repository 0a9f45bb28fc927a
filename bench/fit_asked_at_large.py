"""Fit the two readings of `agents/asked_at_large.py` and write the file the service
ships (`agents/asked_at_large.json`).

A service's pages say what it does, costs and asks; a question on what the world knows
of the service's subject ("How does a laser work?" of a laser tag arena, "¿Cuántos
habitantes tiene Haro?" of a winery near Haro) is no question for them, however many
words it shares with them. Two logistic regressions on the encoder's own vectors (no
other model, nothing more to embed at answering time):

- a question **asks at large** when it reads like a question to a reference work: the
  questions of SQuAD dev and XQuAD (fit half of the articles, nine languages) and the
  off-topic questions of the hand sets (`bench/data/asked_by_hand`), against the hand
  sets' questions a service answers or declines on its own pages (answered, near);
- a sentence **reads as a reference work's** when it reads like those articles'
  sentences, against the hand sets' pages' sentences. The service only declines on the
  first where the quoted sentence does not read so: over an encyclopedia's pages,
  questions at large are what the pages are for.

    python -m bench.fit_asked_at_large --squad ../shared/data/squad-dev \\
        --xquad ../shared/data/xquad [--hold set_bb,set_bc,set_bd] [--out agents/asked_at_large.json]

`--hold` keeps sets out of the fit, to be reported on as held out. The report printed
is out of fold: each group of hand sets flagged by a fit without it.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
from pathlib import Path

import numpy as np

from agents.asked_at_large import MODEL_FILE, probabilities
from bench.answerable import halves, load_squad, load_xquad
from knowledge.documents.sentences import in_context, split_sentences
from knowledge.encoders.embeddings import LocalEmbeddings

HAND_SETS = Path(__file__).parent / "data" / "asked_by_hand"
LANGUAGES = "en,es,de,vi,zh,ar,hi,ru,tr"
FOLDS = 8


def hand_rows(hold: set[str]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(set, kind, question) and (set, sentence in its context) of every hand set."""
    questions, sentences = [], []
    for path in sorted(HAND_SETS.glob("set_*.json")):
        if path.stem in hold:
            continue
        for org in json.loads(path.read_text()):
            questions += [(path.stem, "answered", q) for q, _ in org["answered"]]
            questions += [(path.stem, "near", q) for q in org["near"]]
            questions += [(path.stem, "off", q) for q in org["off"]]
            for title, text in org["documents"].items():
                sentences += [(path.stem, in_context(title, s)) for s in split_sentences(text)]
    return questions, sentences


def public_rows(
    squad: Path, xquad: Path, *, per_set: int, rng: random.Random
) -> tuple[list[str], list[str]]:
    """Questions and sentences (in their article's context) of the fit half."""
    sets = [load_squad(squad)] + [load_xquad(xquad, lang) for lang in LANGUAGES.split(",")]
    half = halves({q.article for data in sets for q in data.questions})
    questions, sentences = [], []
    for data in sets:
        asked = [q.text for q in data.questions if half[q.article] == "fit"]
        questions += rng.sample(asked, min(per_set, len(asked)))
        pages = [(t, text) for t, text in data.paragraphs.values() if half[t] == "fit"]
        for title, text in rng.sample(pages, min(per_set // 2, len(pages))):
            said = split_sentences(text)
            sentences += [in_context(title, s) for s in rng.sample(said, min(3, len(said)))]
    return questions, sentences


def fitted(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Coefficients, then the intercept: as the service reads them (`probabilities`)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)
    return np.r_[model.coef_[0], model.intercept_[0]]


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float) -> np.ndarray:
    """Each row's probability by a fit on the other folds' rows."""
    scored = np.zeros(len(y))
    for fold in np.unique(folds):
        held = folds == fold
        scored[held] = probabilities(x[held], fitted(x[~held], y[~held], c))
    return scored


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, required=True)
    parser.add_argument("--xquad", type=Path, required=True)
    parser.add_argument("--hold", default="", help="hand sets kept out, comma-separated")
    parser.add_argument("--per-set", type=int, default=600)
    parser.add_argument("-c", type=float, default=3.0, help="inverse L2 strength")
    # (0.75: the out-of-fold share of answerable questions read at large that the fit on
    # sets A to CP had at 0.7, 0.007; docs/benchmarks.md, "Set DZ; ...")
    parser.add_argument("--question-at", type=float, default=0.75)
    parser.add_argument("--sentence-below", type=float, default=0.5)
    parser.add_argument("--probability-below", type=float, default=0.5)
    parser.add_argument("--sure-at", type=float, default=0.9)
    parser.add_argument("--sure-probability-below", type=float, default=0.7)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    hand_q, hand_s = hand_rows(set(filter(None, args.hold.split(","))))
    public_q, public_s = public_rows(
        args.squad, args.xquad, per_set=args.per_set, rng=random.Random(5)
    )
    # Questions: the public ones and the hand sets' off-topic ones ask at large.
    xq = np.vstack(
        [
            embeddings.encode([q for *_, q in hand_q], query=True),
            embeddings.encode(public_q, query=True),
        ]
    )
    yq = np.r_[[kind == "off" for _, kind, _ in hand_q], np.ones(len(public_q))].astype(float)
    xs = np.vstack([embeddings.encode([s for _, s in hand_s]), embeddings.encode(public_s)])
    ys = np.r_[np.zeros(len(hand_s)), np.ones(len(public_s))]
    # Out of fold by groups of hand sets (the public rows dealt out among the groups).
    names = sorted({name for name, *_ in hand_q})
    group = {name: i % FOLDS for i, name in enumerate(names)}
    gq = np.r_[[group[name] for name, *_ in hand_q], np.arange(len(public_q)) % FOLDS]
    gs = np.r_[[group[name] for name, _ in hand_s], np.arange(len(public_s)) % FOLDS]
    pq, ps = out_of_fold(xq, yq, gq, args.c), out_of_fold(xs, ys, gs, args.c)
    kinds = np.array([kind for _, kind, _ in hand_q])
    for kind in ("answered", "near", "off"):
        shown = pq[: len(hand_q)][kinds == kind] >= args.question_at
        print(f"hand {kind}: {shown.mean():.3f} asked at large (out of fold, {len(shown)})")
    print(f"public questions: {np.mean(pq[len(hand_q) :] >= args.question_at):.3f} asked at large")
    print(
        f"hand sentences: {np.mean(ps[: len(hand_s)] >= args.sentence_below):.3f} read as a "
        f"reference work's; public: {np.mean(ps[len(hand_s) :] >= args.sentence_below):.3f}"
    )
    question, sentence = fitted(xq, yq, args.c), fitted(xs, ys, args.c)
    written = {
        "encoder": embeddings.name,
        "dimensions": int(xq.shape[1]),
        "question": {"coefficients": [round(float(c), 5) for c in question[:-1]],
                     "intercept": round(float(question[-1]), 5), "at": args.question_at},
        "sentence": {"coefficients": [round(float(c), 5) for c in sentence[:-1]],
                     "intercept": round(float(sentence[-1]), 5), "below": args.sentence_below},
        "probability_below": args.probability_below,
        "sure": {"at": args.sure_at, "probability_below": args.sure_probability_below},
        "held_out": sorted(filter(None, args.hold.split(","))),
    }  # fmt: skip
    args.out.write_text(json.dumps(written) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
