"""Does the service answer only what the documents answer? Held out, from public data.

From SQuAD dev (English, 48 articles) and XQuAD (the same 240 paragraphs of 48 of those
articles in many languages, each language over its own paragraphs), three kinds of
question go through the product's Retriever and ExtractiveAnswerer:

- answerable: the question's gold paragraph is in the collection (it should be found);
- off-topic: the question's whole article is left out of the search (it should not);
- near-topic: only the gold paragraph is left out; the article's other paragraphs stay.

Articles are split in two halves by title (sorted, alternating): `fit` is for tuning,
`report` is what targets are judged on. A figure tuned and measured on the same half
does not count, so tuning code reads `--half fit` and docs quote `--half report`.

    python -m bench.answerable --squad ../shared/data/squad-dev --xquad ../shared/data/xquad
        [--languages en,es,de,vi,zh,ar,hi,ru,tr] [--per-kind 150] [--half report]
        [--no-check] [--across] [--mixed] [--small 3] [--one-each 7] [--swaps] [--no-whole]

The answerer runs with the service's answerability decision (agents/answerability.py),
unless `--no-check` (the quoting answerer alone, as before the decision). `--across`
also asks XQuAD's English questions of each other language's collection (the question
in one language, the passages in another). `--mixed` also asks each other language's
questions of a collection that holds half its articles in English (`mixed`). `--small K`
also asks each XQuAD language's questions of a knowledge base of a few documents, as an
organisation's first one often is: the question's article (five paragraphs, less the
gold one for near-topic questions, none of it for off-topic ones) and K other articles
of the same half, drawn for each question (`small-<set>`; a search filter, no copy).
`--one-each K`: a knowledge base of K+1 pages on as many subjects, as documents written
for a test or a first week often are: one paragraph of each of K other articles, and of
the question's own the gold paragraph, another one (near-topic) or none (off-topic)
(`each-<set>`; with `--mixed`, also over the two-language collections: `each-mixed-<lang>`,
about half the other pages in English). With `--across` besides:
each other language's questions of one-page-per-subject knowledge bases of English
paragraphs (`each-<lang>->en`). `--no-whole`: only those knowledge bases, not the whole
collections. `--swaps`, with either: each answerable question is also asked of its
scope with one of its words that the gold paragraph holds swapped for one of another
article's question that it does not (`swapped_declined`: what people ask of a page's
subject that it does not say).

Last lines: `answerable <set> <lang> answered=<share> off_declined=<share>
near_declined=<share>` per collection; for each language's own collection also `gold <set>
answerable_with_gold=<share> near_answered_with_gold=<share>`, the shares of answerable
and of near-topic questions answered with a quote holding a gold answer string (a
near-topic question the rest of its article answers too); then the macro figures.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import re
import tempfile
import time
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from qdrant_client import QdrantClient, models

from agents.answer import ExtractiveAnswerer, default_not_found
from agents.answerability import LONG_WORD, MODEL_FILE, Answerability, key_terms
from agents.retrieval import Retriever, SearchScope
from bench.retrieval import configured_search
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection

ORG, KB = "org_bench", "kb_bench"
LANGUAGES = ("en", "es", "de", "vi", "zh", "ar", "hi", "ru", "tr")
KINDS = ("answerable", "off_topic", "near_topic")


@dataclass(frozen=True)
class Question:
    text: str
    paragraph: str  # the gold paragraph's id
    article: str
    answers: tuple[str, ...] = ()  # the gold answer strings


@dataclass(frozen=True)
class DataSet:
    name: str  # squad-en, xquad-es, ...
    paragraphs: dict[str, tuple[str, str]]  # id -> (article title, text)
    questions: list[Question]

    def article_paragraphs(self, article: str) -> list[str]:
        return [pid for pid, (title, _) in self.paragraphs.items() if title == article]


def load_squad(folder: Path) -> DataSet:
    paragraphs = {}
    for line in (folder / "corpus.jsonl").open():
        p = json.loads(line)
        paragraphs[p["id"]] = (p["title"], p["text"])
    questions = [
        Question(q["question"], q["doc_id"], paragraphs[q["doc_id"]][0], tuple(q["answers"]))
        for q in map(json.loads, (folder / "questions.jsonl").open())
    ]
    return DataSet("squad-en", paragraphs, questions)


def load_xquad(folder: Path, language: str) -> DataSet:
    squad = json.loads((folder / f"xquad.{language}.json").read_text())
    paragraphs, questions = {}, []
    for article in squad["data"]:
        title = article["title"]
        for n, paragraph in enumerate(article["paragraphs"]):
            pid = f"{title}#{n}"
            paragraphs[pid] = (title, paragraph["context"])
            questions += [
                Question(q["question"], pid, title, tuple(a["text"] for a in q["answers"]))
                for q in paragraph["qas"]
            ]
    return DataSet(f"xquad-{language}", paragraphs, questions)


def halves(titles: set[str]) -> dict[str, str]:
    """Each article's half: sorted titles alternate between `fit` and `report`."""
    return {title: ("fit", "report")[i % 2] for i, title in enumerate(sorted(titles))}


def mixed(data: DataSet, english: DataSet) -> DataSet:
    """A knowledge base in two languages: every other pair of `data`'s articles (by
    sorted title, so both halves hold both) in English, the rest as `data` has them;
    `data`'s questions, so some are answered by a document in another language."""
    titles = sorted({title for title, _ in data.paragraphs.values()})
    in_english = {title for i, title in enumerate(titles) if (i // 2) % 2}
    paragraphs = {
        pid: english.paragraphs[pid] if title in in_english else (title, text)
        for pid, (title, text) in data.paragraphs.items()
    }
    return DataSet(data.name.replace("xquad", "mixed"), paragraphs, data.questions)


def replace_questions(data: DataSet, asker: DataSet) -> DataSet:
    """`data`'s paragraphs with `asker`'s questions (XQuAD: the same paragraph ids)."""
    return DataSet(data.name, data.paragraphs, asker.questions)


def excluded(data: DataSet, question: Question, kind: str) -> list[str]:
    if kind == "off_topic":
        return data.article_paragraphs(question.article)
    if kind == "near_topic":
        return [question.paragraph]
    return []


def small_scope(data: DataSet, question: Question, kind: str, others: list[str]) -> models.Filter:
    """A few documents: `others` (articles) and the question's own article, less what
    `kind` leaves out of it."""
    left_out = set(excluded(data, question, kind))
    sources = [
        pid
        for pid, (title, _) in data.paragraphs.items()
        if (title in others or title == question.article) and pid not in left_out
    ]
    return _only(sources)


def one_each_scope(
    data: DataSet, question: Question, kind: str, others: list[str], rng: random.Random
) -> models.Filter:
    """One page per subject, as an organisation's short documents often are: a paragraph
    of each of `others` (articles), and of the question's own article the gold paragraph
    (answerable), another of its paragraphs (near-topic) or none (off-topic)."""
    sources = [rng.choice(data.article_paragraphs(article)) for article in others]
    if kind == "answerable":
        sources.append(question.paragraph)
    elif kind == "near_topic":
        own = data.article_paragraphs(question.article)
        sources.append(rng.choice([pid for pid in own if pid != question.paragraph]))
    return _only(sources)


def scope_for(
    data: DataSet,
    question: Question,
    kind: str,
    articles: list[str],
    rng: random.Random,
    *,
    small: int = 0,
    one_each: int = 0,
) -> models.Filter | None:
    """Where `question` of `kind` is asked: the whole collection less what `kind` leaves
    out, or (`small`, `one_each`) a knowledge base drawn with `rng` from `articles`."""
    if not (small or one_each):
        return without(excluded(data, question, kind))
    others = rng.sample([a for a in articles if a != question.article], small or one_each)
    if small:
        return small_scope(data, question, kind, others)
    return one_each_scope(data, question, kind, others, rng)


def _only(sources: list[str]) -> models.Filter:
    condition = models.FieldCondition(key="metadata.source", match=models.MatchAny(any=sources))
    return models.Filter(must=[condition])


PUNCTUATION = ".,;:!?¿¡\"'()«»“”؟。？"


def swapped(
    question: Question, data: DataSet, donors: list[Question], rng: random.Random
) -> str | None:
    """The question with one of its long words that its gold paragraph holds swapped for
    a long word of a donor question (another article's) that the paragraph does not hold:
    a question on the page's subject asking what the page does not say, as near-topic
    questions written by people do ("How many days of maternity leave ...?" of a policy
    granting annual leave). None when it has no such word (Chinese: no words to swap)."""
    language = data.name.split("-")[1]
    held = key_terms(data.paragraphs[question.paragraph][1], language)

    def long_words(text: str, *, is_held: bool) -> list[str]:
        found = []
        for word in dict.fromkeys(w.strip(PUNCTUATION) for w in text.split()):
            stems = key_terms(word, language) if len(word) >= LONG_WORD else set()
            if stems and (stems <= held if is_held else not stems & held):
                found.append(word)
        return found

    mine = long_words(question.text, is_held=True)
    donor = rng.choice(donors)
    theirs = long_words(donor.text, is_held=False)
    if not mine or not theirs:
        return None
    word, other = rng.choice(mine), rng.choice(theirs)
    return question.text.replace(word, other if word[:1].isupper() else other.lower(), 1)


def without(sources: list[str]) -> models.Filter | None:
    if not sources:
        return None
    condition = models.FieldCondition(key="metadata.source", match=models.MatchAny(any=sources))
    return models.Filter(must_not=[condition])


# The means printed last, each over the collections `mean_of` puts in it.
MEANS = (
    "macro", "small mean", "one-each mean", "one-each mixed mean", "one-each across mean"
)  # fmt: skip


def mean_of(label: str, collection: str) -> str | None:
    """Which of MEANS a collection's figures count in: the macro figures are each
    language's own questions of its own whole collection; None for the others."""
    if label == collection and not label.startswith("mixed"):
        return "macro"
    if label.startswith("small-"):
        return "small mean"
    if label.startswith("each-"):
        return "one-each across mean" if "->" in label else (
            "one-each mixed mean" if label.startswith("each-mixed") else "one-each mean"
        )  # fmt: skip
    return None


def ingest(client, name: str, embeddings: LocalEmbeddings, data: DataSet) -> float:  # type: ignore[no-untyped-def]
    ensure_collection(client, name, embeddings.dimensions)
    documents = [
        LoadedDocument(source=pid, title=title.replace("_", " "), kind="text", text=text)
        for pid, (title, text) in data.paragraphs.items()
    ]
    started = time.perf_counter()
    Ingestor(
        client=client, collection=name, embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200),
    ).ingest_documents(documents, org_id=ORG, kb_id=KB)  # fmt: skip
    return len(documents) / (time.perf_counter() - started)


def searchable(
    client: QdrantClient,
    embeddings: LocalEmbeddings,
    settings: config.Settings,
    data: DataSet,
    score_threshold: float,
) -> tuple[Retriever, SearchScope]:
    """`data` ingested into a collection of its own, and the service's search over it."""
    name = data.name.replace("-", "_")
    ingest(client, name, embeddings, data)
    return configured_search(
        client, name, embeddings, settings,
        org_id=ORG, kb_id=KB, score_threshold=score_threshold,
    )  # fmt: skip


def decide(
    retriever: Retriever,
    answerer: ExtractiveAnswerer,
    scope: SearchScope,
    question: str,
    narrowed: models.Filter | None,
) -> str | None:
    """What the service would say: the quoted answer when found, None for its not-found
    message."""
    passages = retriever.search(question, replace(scope, narrowed=narrowed))
    if not passages:
        return None
    answer = answerer.answer(question, passages)
    return answer.text if answer.found else None


def _normalised(text: str) -> str:
    """SQuAD's normalisation (lower case, no punctuation, no English articles, one space)."""
    text = "".join(c for c in text.lower() if unicodedata.category(c)[0] != "P")
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())


def holds_gold(answer: str | None, question: Question) -> bool:
    """Whether a quoted answer contains one of the question's gold answer strings: for a
    near-topic question, a sign that another paragraph answers it too (SQuAD's articles
    often say a thing twice), so declining it is not the only right reply."""
    quoted = _normalised(answer or "")
    return bool(quoted) and any(
        (gold := _normalised(a)) and gold in quoted for a in question.answers
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, help="squad-dev folder (English)")
    parser.add_argument("--xquad", type=Path, help="folder of xquad.<lang>.json")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--per-kind", type=int, default=150, help="questions per kind and set")
    parser.add_argument("--half", choices=("fit", "report"), default="report")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--no-check", action="store_true", help="without the decision")
    parser.add_argument("--across", action="store_true", help="English questions, too")
    parser.add_argument("--mixed", action="store_true", help="two-language collections, too")
    parser.add_argument("--model", type=Path, help="another weights file (default: shipped)")
    parser.add_argument("--small", type=int, default=0, help="knowledge bases of K+1 articles")
    parser.add_argument(
        "--one-each", type=int, default=0, help="knowledge bases of K+1 pages, one per article"
    )
    parser.add_argument(
        "--swaps", action="store_true",
        help="with --small/--one-each: each answerable question also with a word swapped",
    )  # fmt: skip
    parser.add_argument(
        "--no-whole", action="store_true",
        help="with --small/--one-each: only those knowledge bases, not the whole collections",
    )  # fmt: skip
    args = parser.parse_args(argv)
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = LocalEmbeddings(
        None, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    calibration = embeddings.calibration
    score_threshold = (
        settings.score_threshold
        if settings.score_threshold is not None
        else calibration.score_threshold
    )
    sentence_threshold = (
        settings.answer_sentence_threshold
        if settings.answer_sentence_threshold is not None
        else calibration.sentence_threshold
    )
    sets = [load_squad(args.squad)] if args.squad else []
    if args.xquad:
        sets += [load_xquad(args.xquad, lang) for lang in args.languages.split(",")]
    if not sets:
        parser.error("give --squad, --xquad or both")
    half_of = halves({q.article for data in sets for q in data.questions})
    print(f"half: {args.half} ({sum(h == args.half for h in half_of.values())} of "
          f"{len(half_of)} articles); {args.per_kind} questions per kind and set; encoder "
          f"{embeddings.name} ({embeddings.backend}); gate {score_threshold}, sentence "
          f"threshold {sentence_threshold}; answerability "
          f"{'off' if args.no_check else 'on'}")  # fmt: skip
    answerer = ExtractiveAnswerer(
        embeddings, threshold=sentence_threshold,
        max_sentences=settings.answer_max_sentences, not_found_message=default_not_found(),
        answerability=None if args.no_check else Answerability.load(args.model or MODEL_FILE),
    )  # fmt: skip
    english = next((d for d in sets if d.name == "xquad-en"), None)
    if args.mixed and english is not None:
        sets += [mixed(d, english) for d in sets if d.name.startswith("xquad") and d is not english]
    lines = []
    means: dict[str, dict[str, list[float]]] = {g: {kind: [] for kind in KINDS} for g in MEANS}
    swaps: dict[bool, list[float]] = {False: [], True: []}  # by whether the pages are mixed
    with tempfile.TemporaryDirectory(prefix="bench-answerable-") as folder:
        client = open_embedded(Path(folder))
        for data in sets:
            name = data.name.replace("-", "_")
            rate = ingest(client, name, embeddings, data)
            retriever, scope = configured_search(
                client, name, embeddings, settings,
                org_id=ORG, kb_id=KB, score_threshold=score_threshold,
            )  # fmt: skip
            whole = not (args.no_whole and (args.small or args.one_each))
            asked = {data.name: data} if whole else {}
            if args.small and data.name.startswith("xquad"):
                asked[f"small-{data.name}"] = data
            if args.one_each and data.name.startswith(("xquad", "mixed")):
                asked[f"each-{data.name}"] = data
            if whole and args.across and english is not None and data.name.startswith("xquad") \
                    and data is not english:  # fmt: skip
                asked[f"en->{data.name}"] = replace_questions(data, english)
            if args.across and args.one_each and data is english:
                for other in sets:  # each other language's questions of English pages
                    if other.name.startswith("xquad") and other is not english:
                        asked[f"each-{other.name.split('-')[1]}->en"] = replace_questions(
                            english, other
                        )
            for label, questions in asked.items():
                pool = [q for q in questions.questions if half_of[q.article] == args.half]
                rng = random.Random(f"{args.seed}-{label}")
                shares = {}
                articles = sorted({q.article for q in pool})
                # its own generator: the other kinds draw the same questions with or without
                swap_rng, swap_found = random.Random(f"{args.seed}-{label}-swaps"), []
                swapping = (
                    args.swaps and label.startswith(("each-", "small-")) and "->" not in label
                )
                gold: dict[str, float] = {}  # share answered with a gold string, by kind
                for kind in KINDS:
                    sample = rng.sample(pool, min(args.per_kind, len(pool)))
                    found, with_gold = [], []
                    for q in sample:
                        narrowed = scope_for(
                            data, q, kind, articles, rng,
                            small=args.small if label.startswith("small-") else 0,
                            one_each=args.one_each if label.startswith("each-") else 0,
                        )  # fmt: skip
                        answer = decide(retriever, answerer, scope, q.text, narrowed)
                        found.append(answer is not None)
                        with_gold.append(holds_gold(answer, q))
                        if swapping and kind == "answerable":
                            donors = [o for o in pool if o.article != q.article]
                            if text := swapped(q, data, donors, swap_rng):
                                swap_found.append(
                                    decide(retriever, answerer, scope, text, narrowed) is not None
                                )
                    # answerable: share found; the other kinds: share declined
                    share = sum(found) / len(found)
                    shares[kind] = share if kind == "answerable" else 1 - share
                    gold[kind] = sum(with_gold) / len(with_gold)
                    if group := mean_of(label, data.name):
                        means[group][kind].append(shares[kind])
                line = (
                    f"answerable {label} answered={shares['answerable']:.3f} "
                    f"off_declined={shares['off_topic']:.3f} "
                    f"near_declined={shares['near_topic']:.3f}"
                )
                if swap_found:  # questions on a page's subject that it does not answer
                    declined = 1 - sum(swap_found) / len(swap_found)
                    line += f" swapped_declined={declined:.3f}"
                    swaps[label.startswith("each-mixed")].append(declined)
                print(f"{line} (ingested {rate:.1f} paragraphs/s)", flush=True)
                lines.append(line)
                if label == data.name:  # the gold strings are in the pages' language
                    lines.append(
                        f"gold {label} answerable_with_gold={gold['answerable']:.3f} "
                        f"near_answered_with_gold={gold['near_topic']:.3f}"
                    )
        client.close()
    print("\n".join(lines))
    for pages_mixed, declines in swaps.items():
        if declines:
            print(f"answerable swapped{' mixed' if pages_mixed else ''} mean "
                  f"declined={sum(declines) / len(declines):.3f}")  # fmt: skip
    for group, shares_of in means.items():
        if any(shares_of.values()):
            print(f"answerable {group} " + " ".join(
                f"{kind}={sum(v) / len(v):.3f}" for kind, v in shares_of.items() if v
            ))  # fmt: skip


if __name__ == "__main__":
    main()
