"""A trigram language model (ARPA) of what people ask one assistant, built from its
indexed text, so PocketSphinx listens for the words of these documents.

Interpolated absolute discounting: a seen n-gram's probability is its discounted share
plus the context's backoff mass times the lower order; that mass is also the ARPA
backoff weight, so the model is normalised exactly. Words the pronouncing dictionary
does not know are left out (the recogniser could not say them anyway).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

DISCOUNT = 0.7
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# How people start questions, so a question's frame is likely even when the documents
# never phrase it that way.
QUESTION_FRAMES = """
how do i | how can i | how do you | how does the | how long | how many | how much | how to
what is | what are | what does | what do | what is the | what happens when | what happens if
which | which one | where is | where do i | where are | when does | when do | why does | why is
why do i get | can i | can you | can i use | do i need | do you | does it | does the | is there
is it | are there | should i | tell me about | explain | i want to | i need to | please
""".split("|")


def words_of(text: str, vocabulary: set[str]) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w in vocabulary]


def pronounceable(dictionary: Path) -> set[str]:
    """The words of a CMU-format pronouncing dictionary (alternates like `word(2)` folded)."""
    known = set()
    with dictionary.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word = line.split(" ", 1)[0]
            known.add(word.split("(", 1)[0])
    return known


NUMBER_WORDS = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
HEADING = re.compile(r"^#+\s+(.+)$", re.MULTILINE)
# A section title asked about: "Start the service" -> "how do i start the service".
HEADING_QUESTIONS = ("how do i {}", "what is {}", "what are {}", "how does {} work", "{}")


def spoken_number(number: int) -> str:
    """0-9999 as said aloud ("429" -> "four hundred twenty nine")."""
    if number < 10:
        return NUMBER_WORDS[number]
    if number < 20:
        return TEENS[number - 10]
    if number < 100:
        tens, unit = divmod(number, 10)
        return TENS[tens] + (f" {NUMBER_WORDS[unit]}" if unit else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{NUMBER_WORDS[hundreds]} hundred" + (f" {spoken_number(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    return f"{spoken_number(thousands)} thousand" + (f" {spoken_number(rest)}" if rest else "")


def _say_numbers(text: str) -> str:
    return re.sub(r"\b\d{1,4}\b", lambda m: spoken_number(int(m.group(0))), text)


def sentences_of(texts: Iterable[str]) -> list[str]:
    sentences = []
    for text in texts:
        text = _say_numbers(text)
        for heading in HEADING.findall(text):
            # Weighted: people ask about what the sections are about, in these frames.
            sentences += [form.format(heading.lower()) for form in HEADING_QUESTIONS] * 3
        sentences += [s for s in re.split(r"(?<=[.!?:])\s+|\n+", text) if s.strip()]
    return sentences


def build_arpa(texts: Iterable[str], dictionary_words: set[str], path: Path) -> int:
    """Write the model of `texts` (plus question frames) to `path`;
    returns its vocabulary size."""
    corpus = [*sentences_of(texts), *QUESTION_FRAMES]
    grams: list[Counter[tuple[str, ...]]] = [Counter(), Counter(), Counter()]
    for sentence in corpus:
        tokens = ["<s>", *words_of(sentence, dictionary_words), "</s>"]
        if len(tokens) == 2:
            continue
        for n in range(3):
            for i in range(len(tokens) - n):
                grams[n][tuple(tokens[i : i + n + 1])] += 1
    unigrams, bigrams, trigrams = grams
    vocabulary = sorted(w for (w,) in unigrams)
    total = sum(c for (w,), c in unigrams.items() if w != "<s>")
    p1 = {w: (unigrams[(w,)] + 0.5) / (total + 0.5 * len(vocabulary)) for w in vocabulary}
    p2, bow1 = _level(bigrams, lambda ctx, w: p1[w])
    p3, bow2 = _level(trigrams, lambda ctx, w: _backed_off(p2, bow1, ctx[1:], w, p1))

    with path.open("w", encoding="utf-8") as out:
        out.write(f"\\data\\\nngram 1={len(vocabulary)}\nngram 2={len(p2)}\nngram 3={len(p3)}\n")
        out.write("\n\\1-grams:\n")
        for w in vocabulary:
            logp = -99.0 if w == "<s>" else math.log10(p1[w])
            out.write(f"{logp:.4f} {w} {_log(bow1.get((w,), 1.0)):.4f}\n")
        out.write("\n\\2-grams:\n")
        for gram, p in p2.items():
            out.write(f"{math.log10(p):.4f} {' '.join(gram)} {_log(bow2.get(gram, 1.0)):.4f}\n")
        out.write("\n\\3-grams:\n")
        for gram, p in p3.items():
            out.write(f"{math.log10(p):.4f} {' '.join(gram)}\n")
        out.write("\n\\end\\\n")
    return len(vocabulary)


def _level(
    counts: Counter[tuple[str, ...]], lower: object
) -> tuple[dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    """Probabilities of the seen n-grams and the backoff weight of each context."""
    by_context: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for gram, count in counts.items():
        by_context[gram[:-1]].append((gram[-1], count))
    probabilities, backoff = {}, {}
    for context, followers in by_context.items():
        seen = sum(c for _, c in followers)
        mass = DISCOUNT * len(followers) / seen
        backoff[context] = mass
        for word, count in followers:
            probabilities[(*context, word)] = (count - DISCOUNT) / seen + mass * lower(  # type: ignore[operator]
                context, word
            )
    return probabilities, backoff


def _backed_off(
    p2: dict[tuple[str, ...], float],
    bow1: dict[tuple[str, ...], float],
    context: tuple[str, ...],
    word: str,
    p1: dict[str, float],
) -> float:
    seen = p2.get((*context, word))
    return seen if seen is not None else bow1.get(context, 1.0) * p1[word]


def _log(value: float) -> float:
    return math.log10(value) if value > 0 else -99.0
