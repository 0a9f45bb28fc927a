"""Answers with numbered citations. Offline: extractive, quoting the knowledge base."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from langchain_core.messages import AnyMessage

from agents.answerability import (
    AREA_KINDS,
    HEDGES,
    LONG_WORD,
    NATURAL_PLACE_KINDS,
    PAID_AHEAD_ASKED,
    PARTICLES,
    PREFIX_TERM,
    SENTENCE_BREAK,
    AlignmentBar,
    Answerability,
    Evidence,
    absent_terms,
    absent_words,
    adds_nothing_held,
    answers_for_every_place,
    asked_kinds,
    asked_things,
    asks_price,
    codes_in,
    destinations,
    does_the_deed,
    evidence,
    gives_share_paid_ahead,
    has_digit,
    holds_code,
    key_terms,
    left_out,
    lists_things,
    names_in,
    nya_host,
    own_long_terms,
    places_named,
    places_served,
    proper_names,
    read_with,
    refers_back,
    same_words,
    speaks_of_elsewhere,
    spoken_terms,
    stem_of,
    terms_of,
    within_distance,
    words_of,
    written_in,
)
from agents.asked_allergies import without_allergen
from agents.asked_area import asks_area_served
from agents.asked_at_large import for_encoder
from agents.asked_audience import (
    adults_unspoken,
    children_unspoken,
    pets_unspoken,
    women_unspoken,
)
from agents.asked_comparison import average_unspoken, comparison_unanswered
from agents.asked_counts import (
    asks_count,
    asks_year,
    states_count,
    states_people,
    states_year,
    years_named,
)
from agents.asked_day_parts import part_unheld
from agents.asked_dealings import (
    asks_to_buy,
    dealing_unoffered,
    kind_unnamed,
    rented_unheld,
    speaks_of_selling,
)
from agents.asked_definition import (
    asks_definition,
    asks_difference,
    asks_made_of,
    named_in_passing,
    says_made_of,
    told_apart,
)
from agents.asked_delivering import island_left_out
from agents.asked_experience import without_never_done
from agents.asked_facts import (
    CHILDREN,
    EXACTLY_WORDS,
    GROWN_UPS,
    SEASON_WORDS,
    STRICT_WORD,
    Fact,
    asked_fact,
    asks_age,
    asks_hours,
    asks_the_address,
    asks_to_come_on,
    asks_to_deliver,
    cancelling_unspoken,
    children_by_age,
    day_held,
    day_of,
    day_of_another,
    day_unnamed,
    days_asked,
    food_held,
    food_terms,
    gives_address,
    held_by_kin,
    held_in_the_year,
    holiday_held,
    hours_unstated,
    means_asked,
    month_held,
    names_an_age,
    names_day,
    names_meal,
    names_means,
    names_season,
    season_of_another,
    states_age,
    states_day,
    states_payment,
    tells_days,
    terms_besides,
    without_ages,
)
from agents.asked_frequency import asks_frequency, says_how_often
from agents.asked_how_to import how_to_unheld, why_unheld, why_unreasoned
from agents.asked_kinds import unlisted_kind
from agents.asked_makes import serves_every_make, without_any_make
from agents.asked_manners import asked_manners, offered_otherwise
from agents.asked_materials import names_other_material, unheld_material
from agents.asked_measures import (
    asks_size,
    size_held,
    states_size,
    temperature_unstated,
    without_durations,
)
from agents.asked_options import sides_unlisted, size_priced_otherwise, unlisted_measure
from agents.asked_person import asks_person, names_someone
from agents.asked_prices import (
    CHEAP_WORDS,
    CHEAPNESS_WORDS,
    PRICE,
    asked_periods,
    comes_with_another,
    gives_amount,
    gives_only_paid_ahead,
    lowers_price,
    named_periods,
    paid_of_unheld,
    price_of_another,
    priced_by_its_period,
    priced_or_kin,
    says_free,
    without_kin,
)
from agents.asked_sights import asks_sights, speaks_of_sights
from agents.asked_to_bring import without_what_for
from agents.asked_units import unit_unstated
from agents.asked_weather import asks_weather_to_come
from agents.asked_when import (
    age_unspoken,
    asks_how_long_it_is,
    asks_when,
    lifespan_unspoken,
    says_how_long,
    says_when,
)
from agents.followup import offline_condenser, points_back
from agents.phrasebook import built_in
from agents.retrieval import Passage
from agents.spellings import held_as_spelt, initials_spelt_out
from knowledge.documents.sentences import (
    TextList,
    ended,
    in_context,
    list_of,
    readable,
    split_defined,
)
from knowledge.documents.tables import row_cells
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.languages import DEFAULT_LANGUAGE, guess
from knowledge.encoders.sparse import STOPWORDS, tokenize

SNIPPET_CHARS = 300
# Sentence score = cosine similarity + LEXICAL_WEIGHT x share of question terms present
# - RANK_PENALTY x the passage's retrieval rank.
LEXICAL_WEIGHT = 0.3
RANK_PENALTY = 0.02
# + DEFINITION_WEIGHT when the sentence is part of the definition of a term the question
# names: "what is HISTSIZE?" is answered under HISTSIZE, not by HISTFILESIZE's
# sentence that mentions HISTSIZE in passing.
DEFINITION_WEIGHT = 0.25
# + CODE_WEIGHT when the sentence (with its heading) holds every code the question names
# ("nivel B2", "bomba B-12"), or is a table row with a cell the question writes out
# ("martes", "Lácteos Peña"): rows differ by little else, and the encoder put the C1 row
# as close to "B2" as the B2 row, and Marta's rows closer to "martes" than Tuesday's
# (Spanish stems them alike, "mart").
CODE_WEIGHT = 0.25
# + YEAR_WEIGHT when the sentence, or the one before it in its passage, writes every year
# the question names ("What city did Tesla move to in 1880?" of "In January 1880, ... to
# Prague", not "In 1881, Tesla moved to Budapest", which the encoder put closer). A tenth:
# a quarter let the year's sentence push out the next one, which gave the answer.
YEAR_WEIGHT = 0.1
FURTHER_SENTENCE_MARGIN = 0.2
# Leaving a word out moves a question's vector whatever the word: left out of questions
# whose passage holds it, a word brought the question closer to the best sentence by up
# to this much in 95 cases of 100 (1,112 words, the fit half of XQuAD en/es/de/ru). A gain
# within it tells nothing about an absent word ("happens" in "what happens when a key
# goes over it?"), so `unsupported` counts what exceeds it.
LEFT_OUT_NOISE = 0.023
# Twice that, for what a price question prices (`_unanswered`).
PRICE_THING_MARGIN = 2 * LEFT_OUT_NOISE
# Any other thing asked for that no passage holds is not answered unless it draws the
# question towards the best sentence: a word the page writes otherwise does ("internet"
# of "wifi"), one it lacks does not ("solar panels" of a window cleaner's sentence came
# 0.007 closer without them). Of the asked things that pages held in the hand-written
# sets' answerable questions, 9 in 10 drew the question closer by more than 0.011.
THING_MARGIN = 0.0
# - ASKING_PENALTY when the sentence itself asks (holds a "?"): the multilingual encoder
# rates a question close to a sentence quoting a like question ("you can ask follow-ups
# such as "and how long is it kept?""), which tells nothing.
ASKING_PENALTY = 0.15
# + NUMBER_WEIGHT when the question asks for a quantity or a time ("how long", "berapa",
# "cuántos") and the sentence holds a number: the encoder rates "stored with a time to
# live" as close to "how long are conversations kept?" as "expires after 24 hours".
NUMBER_WEIGHT = 0.1
ASKS_QUANTITY = re.compile(
    r"\b(how (long|many|much|often|old|big|large|far)|when|what (year|time|date)|berapa|"
    r"kapan|cu[aá]nt[oa]s?|cu[aá]ndo)\b",
    re.IGNORECASE,
)
HAS_NUMBER = re.compile(r"\d")
# A question and a sentence in different languages score about this much lower for the
# same meaning (and share no words for the lexical term): the sentence threshold drops
# by it where they differ. Chosen on the fit half of bench.answerable (docs/benchmarks.md).
ACROSS_LANGUAGES_DROP = 0.1
# Which language answers, in a knowledge base of several, is decided by each sentence's
# cosine lifted to the question's language's level; a sentence across languages must
# come out more than this above one in the question's language. The lift comes from
# backgrounds measured over the scope's hits, which in a language of a page or two are
# that page's own subject, and int8 passage vectors move a cosine by up to about 0.01
# with their batch: a Spanish question about a gym's monthly fee, which the gym's Spanish
# guide answers, was read in an English membership page that came out 0.002 above it.
SAME_LANGUAGE_MARGIN = 0.02


# "...or not?" at a question's end asks nothing of its own: "Minggu buka tidak?" ("open
# on Sunday or not?") was declined for the "tidak" no page holds.
_OR_NOT = re.compile(
    r"(?<=[^\W_])\s*,?\s+(?:or not|o no|(?:atau\s+)?(?:tidak|nggak|enggak|gak|ga|ndak|belum))"
    r"\s*\?\s*$",
    re.IGNORECASE,
)


def asked_part(question: str) -> str:
    """The sentence of a longer message that asks ("This is awful. How do I start it?"
    -> "How do I start it?"), without an "or not" at its end ("Minggu buka tidak?" ->
    "Minggu buka?"): what the passages must answer, without what surrounds it."""
    asking = [s for s in SENTENCE_BREAK.split(question.strip()) if "?" in s]
    part = asking[-1] if asking else question
    shorter = _OR_NOT.sub("?", part)
    return shorter if len(shorter.split()) > 1 else part  # not "Kenapa tidak?" ("why not?")


@dataclass
class Answer:
    text: str
    citations: list[dict]
    mode: str
    found: bool
    warning: str | None = None
    tokens: int | None = None  # the model's total, in LLM mode
    # Files a data turn made (their descriptions; the bytes are in the artifact store).
    artifacts: list[dict] = field(default_factory=list)
    metrics: dict | None = None  # a data turn's: sql_time_ms, sql_attempts
    # The text is already the service's own words (not replaced by "not found").
    own_words: bool = False
    # What the answerability decision saw, and its probability (offline answers; for
    # benchmarks and the fitting script, not part of the reply).
    evidence: dict | None = field(default=None, compare=False, repr=False)


def default_not_found() -> str:
    return built_in()[DEFAULT_LANGUAGE]["not_found"]


def not_found_answer(mode: str, message: str) -> Answer:
    return Answer(text=message, citations=[], mode=mode, found=False)


def snippet(text: str, limit: int = SNIPPET_CHARS, *, around: str | None = None) -> str:
    """The passage's first words, single-spaced; marked with … where it was cut, at
    either end (a chunk may begin mid-sentence). With `around` (a sentence the answer
    quotes) the window holds that sentence whole where it fits, so the source panel shows
    what was quoted."""
    text = " ".join(readable(text).split())  # as the sentences read: no Markdown marks
    quoted = " ".join((around or "").split()).rstrip("…")
    at = text.find(quoted) if quoted else -1
    if at > 0 and at + len(quoted) > limit:  # past the first words: start at the quote
        text = "…" + text[at:]
    if text[:1].islower():
        text = "…" + text
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def citation(n: int, passage: Passage, *, quoted: str | None = None) -> dict:
    return {
        "n": n,
        "title": passage.title,
        "source": passage.source,
        "section": passage.section,
        "page": passage.page,
        "snippet": snippet(passage.text, around=quoted),
        "score": passage.score,
    }


def _without(question: str, words: tuple[str, ...]) -> str:
    """The question with each of `words` (a word, or a name's) left out."""
    for word in words:
        question = left_out(question, word)
    return question


def _sentence_before(candidates: list[tuple[int, str]], i: int) -> str | None:
    """The sentence before candidate `i` in its passage (None for a passage's first)."""
    if i and candidates[i - 1][0] == candidates[i][0]:
        return candidates[i - 1][1]
    return None


def _up_to(candidates: list[tuple[int, str]], i: int, texts: list[str]) -> str:
    """Candidate `i`'s passage (`texts`, by rank) up to and with it: what it is read
    after."""
    rank, sentence = candidates[i]
    end = texts[rank].find(sentence)
    return texts[rank][: end + len(sentence)] if end >= 0 else sentence


class Judged(NamedTuple):
    """One reading of the question: the sentences it would quote, what the answerability
    decision saw (with its probability), the best score, and whether it passed."""

    chosen: list[int]
    evidence: dict
    best: float
    passes: bool

    def declined(self, reason: str, value: object = True) -> Judged:
        """This reading declined by a veto, which the evidence names with what it saw."""
        return self._replace(passes=False, evidence={**self.evidence, reason: value})


_PLACE_KINDS = AREA_KINDS | NATURAL_PLACE_KINDS


def _without_area_kind(name: tuple[str, ...]) -> tuple[str, ...]:
    """A place's name without the kind of area or natural place it opens with ("cidadap"
    of "Kecamatan Cidadap", "gede" of "Gunung Gede"): a page serving "Kecamatan Sukajadi"
    holds the kind, not the place."""
    at = next((i for i, word in enumerate(name) if word not in _PLACE_KINDS), len(name))
    return name[at:]


class ExtractiveAnswerer:
    """Quotes the sentences of the retrieved passages that best match the question.

    Honest by construction: every sentence of the answer is a sentence of a cited source.
    """

    mode = "extractive"

    def __init__(
        self,
        embeddings: LocalEmbeddings,
        *,
        threshold: float,
        max_sentences: int,
        not_found_message: str,
        answerability: Answerability | None = None,
        own_names: frozenset[str] = frozenset(),
    ) -> None:
        """`answerability`: the decision every quote must pass (None: any sentence
        above `threshold` is quoted, as benchmarks of ranking alone want). `own_names`:
        the words of the assistant's and its organisation's names, lower-cased, which a
        question may use though no document does ("Can Brightdesk customers pay by
        card?"): never a word the passages lack."""
        self.embeddings = embeddings
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.not_found_message = not_found_message
        self.answerability = answerability
        self.own_names = own_names
        # Only with the decision, and the encoder its readings were fitted on.
        self.at_large = (
            for_encoder(getattr(embeddings, "name", None)) if answerability is not None else None
        )

    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage] | None = None,
        *,
        emotion: str | None = None,
        language: str | None = None,
    ) -> Answer:
        """`emotion` and `language` are unused: the quoted sources speak for themselves,
        in their own language. Sentences are
        judged against the question as asked; when none is good enough and the question
        is a follow-up ("can I change that?"), against the question read with the previous
        one, the query the retriever searched with."""
        del emotion
        # Each sentence once, from the best-ranked passage holding it (overlapping chunks
        # and copies of a document hold the same sentences).
        found: dict[str, tuple[int, str | None]] = {}
        for rank, passage in enumerate(passages):
            for term, sentence in split_defined(passage.text):
                found.setdefault(sentence, (rank, term))
        candidates = [(rank, sentence) for sentence, (rank, _) in found.items()]
        terms = [set(tokenize(term)) if term else set() for _, term in found.values()]
        if not candidates:
            return not_found_answer(self.mode, self.not_found_message)
        cells = [_cells(sentence) for _, sentence in candidates]
        # Judged with their headings; the retriever has usually put the vectors of these
        # very texts (computed at ingestion) in the cache, so nothing is embedded here.
        contexts = [in_context(passages[rank].heading, s) for rank, s in candidates]
        # The question a sentence sits under, on a questions-and-answers page: it answers
        # that one, so it is quoted beside the best only under the same question.
        under = [_question_heading(passages[rank].section) for rank, _ in candidates]
        context_vectors = self.embeddings.encode_cached(contexts)
        # (an Indonesian page's verbs as they are spoken too: "mancing" finds "memancing")
        # (each word as `stem_of` reads it: "ongkir" as "ongkos")
        context_terms = [set(tokenize(same_words(c))) | spoken_terms(c) for c in contexts]
        ranks = np.array([rank for rank, _ in candidates])
        asking = np.array(["?" in sentence for _, sentence in candidates], dtype=float)
        # (asked when, a month, a season or a weekday is as much a figure as a digit: "When
        # is Apple Day?" of "Our Apple Day is held in mid-October", beside the prices of
        # the apple juice and the membership)
        when = asks_when(question)
        numbers = np.array(
            [
                bool(HAS_NUMBER.search(s)) or (when and (names_season(s) or states_day(s)))
                for _, s in candidates
            ],
            dtype=float,
        )
        # The question as asked, its asking sentence alone and, for a follow-up, as the
        # retriever searched with it (read with the previous question): whichever finds
        # the better sentence.
        features = (ranks, asking, numbers)
        texts = [f"{p.title}\n{p.section or ''}\n{p.text}" for p in passages]
        # A knowledge base may hold documents in several languages: each passage is read
        # in its own (a Spanish question answered by an English policy ranked second).
        passage_same = [_same_language(question, p.text) for p in passages]
        same = np.array([passage_same[rank] for rank, _ in candidates])
        lift = _lifts(passages, passage_same)[ranks]
        # each sentence's predecessor in its passage: a year it writes is often the next
        # one's too ("In 2010 the Amazon suffered a drought. The affected region was...")
        preceding = [_sentence_before(candidates, i) for i in range(len(candidates))]
        tried = []
        # (a make no page names, of pages serving every make, left out: "Merek Polytron
        # bisa?" of "smart TV semua merek")
        plain = without_any_make(question, texts)
        readings = [plain, asked_part(plain), offline_condenser(question, history or [])]
        for query in dict.fromkeys(readings):
            chosen, best, cosines = self._best(
                query, context_vectors, context_terms, terms, *features,
                contexts=contexts, cells=cells, same=same, lift=lift, under=under,
                preceding=preceding,
            )  # fmt: skip
            top = int(cosines.argmax())
            # Measured against the search's level in the top sentence's language, and
            # against the sentences read the same way.
            measured = passages[int(ranks[top])]
            comparable = same == same[top]
            # A place the question asks to go to, which a sentence on going anywhere
            # beyond the page's own area answers for ("ke Bogor" of "tidak kami kirim ke
            # luar kota"): held, for the evidence and for the vetoes alike.
            places = destinations(query) if speaks_of_elsewhere(candidates[top][1]) else set()
            # ... and, asked whether they send there, one sending everywhere in a country
            # or nowhere answers for it wherever it was retrieved ("¿Me lo mandáis a
            # Sevilla?" of "No hacemos envíos: el patinete se recoge en la tienda de
            # Murcia", "¿Me mandáis una lata a Zaragoza?" of "a toda la península")
            if asks_to_deliver(query) and any(answers_for_every_place(s) for _, s in candidates):
                places |= destinations(query)
            # ... and, asked whether they serve a place, a sentence serving within a
            # distance answers for it wherever it was retrieved ("Do you come out to
            # Market Harborough?" of "We cover Leicester and villages within 15 miles")
            if asks_area_served(query) and any(within_distance(s) for _, s in candidates):
                places |= destinations(query) | places_served(query)
            seen = evidence(
                query, cosines, ranks, contexts, texts, places=places,
                same_language=bool(same[top]),
                best_dense=measured.best_dense, background=measured.background,
                comparable=comparable, mixed=not comparable.all(),
                mixed_scope=measured.mixed_scope, few_passages=measured.few_passages,
                tiny_scope=measured.tiny_scope,
            )  # fmt: skip
            if measured.unheld_words and same[top]:
                names, things = self._unanswered(
                    query, measured, context_vectors[top], cosines[top], places, texts,
                    listing=lists_things(candidates[top][1])
                    or (asks_to_buy(query) and speaks_of_selling(candidates[top][1]))
                    or does_the_deed(query, candidates[top][1], seen.language),
                    placed=places_named(candidates[top][1]),
                )  # fmt: skip
                seen = replace(seen, unheld_names=names, unheld_things=things)
            # Across languages every word is "absent": nothing to tell. It only ever
            # counts against answering, so a reading declined without it is not measured.
            if same[top] and (self.answerability is None or self.answerability.answers(seen)):
                unsupported = self._unsupported(
                    query, context_vectors[top], cosines[top], texts, places
                )
                seen = replace(seen, unsupported=unsupported)
            judged = self._judged(chosen, best, seen)
            # Only the question as asked and its asking part, as the bar was chosen on: a
            # follow-up read with the previous question is two questions, and a quote
            # answering it need not hold the second's words ("what happens when a key
            # goes over it?" after "What is the rate limit?").
            model = self.answerability
            bar = model.alignment_for(seen) if model is not None else None
            if judged.passes and bar is not None and query in readings[:2]:
                judged = self._aligned(bar, query, judged, [candidates[i][1] for i in chosen])
            giving = (
                fact_giving(
                    query,
                    chosen,
                    candidates,
                    cosines,
                    same,
                    seen,
                    texts,
                    own=self.own_names,
                    places=places,
                )
                if self.answerability is not None and same[top]
                else []
            )
            if measured.past_gate and not giving:
                # "How long is the interval?", close to nothing, searched for a sentence
                # giving how long: none does.
                judged = judged.declined("fact_not_given")
            if giving:
                # "¿Cuál es el horario?" of "El taller abre de 8:00 a 18:00", "¿Dónde
                # están?" of "Estamos en la Calle Mayor 45": the page gives the fact in
                # words the question does not share. Only the sentences giving it are
                # quoted (not the hours for "¿Dónde queda el taller?").
                chosen = giving
                judged = judged._replace(
                    chosen=chosen, passes=True, evidence={**judged.evidence, "fact": True}
                )
            if judged.passes and self.answerability is not None:
                quoted = [candidates[i][1] for i in chosen]
                # each one's predecessor in its passage, which it may refer back to
                before = [_sentence_before(candidates, i) for i in chosen]
                # ... and each one's passage up to it
                up_to = [_up_to(candidates, i, texts) for i in chosen]
                # ... and each one read after it when it refers back to it
                read_back = [*map(read_with, quoted, before)]
                others = _rows_of_others(query, quoted, texts)
                if others:
                    judged = judged.declined("rows_of_others", others)
                elif query in readings[:2] and plain != question and not serves_every_make(quoted):
                    # "Jual mesin jahit baru merek Singer?" read without its make: only a
                    # sentence serving every make answers for the make left out.
                    judged = judged.declined("make_unserved")
                elif asks_weather_to_come(query):
                    # "¿Qué tiempo hará mañana en Tudela?" of the shop's street in Tudela:
                    # no page of a service says what the weather will be.
                    judged = judged.declined("weather_to_come")
                elif not asks_hours(query) and part_unheld(query, texts):
                    # "Kelas dewasa ada yang malam?" of "Kelas dewasa setiap Minggu pukul
                    # 10.00 sampai 12.00": the class is there, at another time of day.
                    judged = judged.declined("part_of_day_unheld")
                elif asks_made_of(query) and not any(
                    says_made_of(s) or names_other_material(s, query) for s in quoted
                ):
                    # "What is glass made from?" of the glazier's windows: a sentence
                    # using the thing says not what it is made of (one naming another
                    # material does: "kaos cotton combed 30s").
                    judged = judged.declined("made_of_unsaid")
                elif (
                    (thing := asks_definition(query))
                    and same[top]
                    and not asks_price(query)
                    and asked_fact(query, own=self.own_names) is None
                    and named_in_passing(quoted, thing, own=self.own_names)
                ):
                    # "Apa itu galvalum?" of "Kami memasang talang air galvalum dan PVC":
                    # a sentence naming the thing in passing says not what it is.
                    judged = judged.declined("not_defined", thing)
                elif (
                    (pair := asks_difference(query))
                    and same[top]
                    and not told_apart(quoted, *pair, seen.language)
                ):
                    # "Apa bedanya sablon DTF dan plastisol?" of "dengan sablon plastisol
                    # atau DTF": two things named side by side, or one alone, are not
                    # told apart.
                    judged = judged.declined("difference_untold", list(pair))
                elif asks_sights(query) and not any(map(speaks_of_sights, quoted)):
                    # "What is there to do in Ludlow?" of the framer's street in Ludlow: a
                    # sentence placing the business says not what a visitor might see.
                    judged = judged.declined("sights_unspoken")
                elif (
                    query not in readings[:2]
                    and same[top]
                    and not points_back(question)
                    and adds_nothing_held(question, texts, own=self.own_names)
                ):
                    # A follow-up that names something new ("Dan fotokopi?", "Apakah ada
                    # kantin?") none of whose words any passage holds: the previous
                    # question's answer is not its answer. One that refers back ("can I
                    # change that?") asks about the same thing, in words of its own.
                    judged = judged.declined("follow_up_unheld")
                elif (
                    asks_price(query)
                    and not priced_or_kin(query, quoted, before=before)
                    and not priced_by_its_period(query, quoted, before)
                ):
                    # "¿Cuánto cuesta el compresor?" of a manual that gives no price: its
                    # description is not an answer, whatever the words it shares.
                    judged = judged.declined("unpriced")
                elif asks_price(query) and (alone := comes_with_another(query, read_back)):
                    # "How much is membership on its own?" of "The course costs £120,
                    # including a year's club membership": not its price alone.
                    judged = judged.declined("price_of_another", alone)
                elif asks_price(query) and (
                    other := price_of_another(
                        query, quoted, before, up_to, texts, own=self.own_names
                    )
                    # ... of the thing named in the page's word ("la clase" of the course's)
                    and price_of_another(
                        without_kin(query, quoted),
                        quoted,
                        before,
                        up_to,
                        texts,
                        own=self.own_names,
                    )
                ):
                    # "Berapa harga sewa per minggu?" of the price per day; "Berapa biaya
                    # servis besar?" of the routine service's, where the page names the
                    # major one without a price: another thing's price.
                    judged = judged.declined("price_of_another", other)
                elif unpaid := paid_of_unheld(query, texts, own=self.own_names):
                    # "¿Los jubilados pagan?" of the adults' and the children's prices:
                    # the pages say nothing of pensioners.
                    judged = judged.declined("paid_of_unheld", unpaid)
                elif kind := unlisted_kind(query, quoted, texts):
                    # "How long is adoption leave?" of a policy on annual, maternity and
                    # paternity leave: another kind's sentence does not answer it.
                    judged = judged.declined("unlisted_kind", kind)
                elif material := unheld_material(query, texts):
                    # "¿Restauráis muebles de metal?" of "Restauramos muebles antiguos de
                    # madera": the pages work in another material.
                    judged = judged.declined("unheld_material", material)
                elif measure := unlisted_measure(query, texts):
                    # "Ada karung 50 kg?" of "karung 5 kg, 10 kg, dan 25 kg": the sizes
                    # the page has are not the one asked.
                    judged = judged.declined("unlisted_measure", measure)
                elif measure := size_priced_otherwise(query, quoted):
                    # "Ganti panel TV 43 inci berapa?" of "Ganti lampu backlight TV 32
                    # inci mulai Rp350.000": the price is of another size.
                    judged = judged.declined("size_priced_otherwise", measure)
                elif sides := sides_unlisted(query, texts):
                    # "Harga tenda 6x12 berapa?" of "tenda 4x6 meter Rp450.000 per hari":
                    # the pages give other sizes.
                    judged = judged.declined("sides_unlisted", sides)
                elif unit := unit_unstated(query, texts):
                    # "Berapa watt listrik TV 32 inci?" of a repairer's prices: nothing
                    # retrieved measures anything in watts.
                    judged = judged.declined("unit_unstated", unit)
                elif temperature_unstated(query, texts):
                    # "What temperature should a tropical tank be?" of an aquarium
                    # service's pages: none gives degrees.
                    judged = judged.declined("temperature_unstated")
                elif hours_unstated(query, texts):
                    # "¿Cuál es el horario del circuito?" of its prices and rules: no
                    # retrieved page gives a time or a day.
                    judged = judged.declined("hours_unstated")
                elif asks_person(query) and not any(
                    names_someone(s, query, own=self.own_names) for s in read_back
                ):
                    # "¿Quién es el dueño del taller?" of its opening hours: a quote
                    # naming no one does not say who.
                    judged = judged.declined("no_one_named")
                elif asks_count(query) and not any(map(states_count, read_back)):
                    # "¿En qué año se aprobó la Ley de Escuelas de Sudáfrica?" of the
                    # paragraph on school fees: a quote with no number (read with the
                    # sentence it refers back to, which the answer gives: "...rules for
                    # the 1906 season. These included legalizing the forward pass").
                    judged = judged.declined("no_number")
                elif asks_year(query) and not any(map(states_year, read_back)):
                    # ... and "¿En qué año se inventó el disco de vinilo?" of "un 20 % más":
                    # a quote with no year.
                    judged = judged.declined("no_year")
                elif asks_age(query) and not any(map(names_an_age, read_back)):
                    # "Umur berapa sebaiknya anak disunat?" of what a child may do after
                    # it: a quote giving no age says not which.
                    judged = judged.declined("no_age")
                elif lifespan_unspoken(query, texts):
                    # "How long do Harris hawks live?" of "Our hawk walk lasts three
                    # hours": the walk's length is not the hawk's life.
                    judged = judged.declined("lifespan_unspoken")
                elif age_unspoken(query, texts):
                    # "How old are the walls in the Yorkshire Dales?" of a waller's
                    # rebuilding: no page gives their age.
                    judged = judged.declined("age_unspoken")
                elif cancelling_unspoken(query, texts):
                    # "What happens if we cancel the wedding?" of a cake maker's deposit
                    # and balance: no page says what cancelling does.
                    judged = judged.declined("cancelling_unspoken")
                elif (asks_when(query) or asks_when(question)) and not any(
                    map(says_when, read_back)
                ):
                    # "How long do horses live?" of a livery yard's arena, "Kapan ban
                    # mobil harus diganti?" of a tyre's price: a quote naming no time
                    # says not when. (As asked too: the reading of "Potongnya lama
                    # tidak?" by its asked part, "Potongnya lama?", asks it no more.)
                    judged = judged.declined("no_when")
                elif asks_how_long_it_is(query) and not any(map(says_how_long, read_back)):
                    # "How long is the Grand Union Canal?" of "...from our wharf at Gayton
                    # on the Grand Union Canal": neither a length nor a time.
                    judged = judged.declined("no_length")
                elif asks_frequency(query) and not any(
                    says_how_often(s) or says_when(without_durations(s)) for s in read_back
                ):
                    # "How often should I wax my car?" of a valet's price with a wax: a
                    # quote saying no time nor how often says not how often; nor one
                    # saying only how long a thing takes ("¿Cada cuánto hay que cambiar
                    # las cuerdas?" of "Una guitarra nueva tarda unos cuatro meses").
                    judged = judged.declined("no_frequency")
                elif asks_size(query) and not any(
                    states_size(s) or states_people(s) for s in read_back
                ):
                    # "Berapa luas Kota Bekasi?" of where the van goes: a quote with no
                    # size (nor a number of people or seats) says not how big.
                    judged = judged.declined("no_size")
                elif season := season_of_another(query, quoted):
                    # "¿Hay campamento en Semana Santa?" of "En julio organizamos
                    # campamentos": July's camp says nothing of Easter.
                    judged = judged.declined("season_of_another", season)
                elif asks_the_address(query) and not any(gives_address(s) for s in quoted):
                    # "Di mana alamat Taman Ceria?" of "Pendaftaran dilakukan di kantor
                    # Taman Ceria": where to go, not the address asked.
                    judged = judged.declined("no_address")
                elif (
                    (means := means_asked(query))
                    and not any(names_means(text, means) for text in texts)
                    and not any(states_payment(s) for s in quoted)
                ):
                    # "¿Se puede pagar con tarjeta?" of pages naming no card and no
                    # means of paying ("las cuotas se cobran por domiciliación"). Pages
                    # listing other means answer it: "we take cash only".
                    judged = judged.declined("means_unheld", sorted(means))
                elif unoffered := dealing_unoffered(query, texts):
                    # "Do you sell telescopes?" of an observatory's page on its own
                    # telescope, "¿Alquiláis cámaras?" of a school whose students bring
                    # their own: pages that never speak of selling (renting) do not
                    # answer it.
                    judged = judged.declined(unoffered)
                elif island := island_left_out(query, texts):
                    # "¿Enviáis a Canarias?" of "Hacemos envíos a toda la península":
                    # the peninsula leaves Spain's islands out.
                    judged = judged.declined("island_left_out", island)
                elif same[top] and (doing := how_to_unheld(query, texts)):
                    # "Bagaimana cara menanam stroberi di pot?" of a strawberry farm's
                    # price per kilo: how to do what no page speaks of (in the question's
                    # language: across languages every word is absent).
                    judged = judged.declined("how_to_unheld", doing)
                elif comparison_unanswered(query, texts):
                    # "Apa beda bubut dan frais?" of a lathe workshop listing both: how
                    # two differ, or which is better, when no page compares anything
                    judged = judged.declined("no_comparison")
                elif average_unspoken(query, texts):
                    # "How much does the average wedding cost in the UK?" of a cake
                    # maker's prices: no page says what is usual
                    judged = judged.declined("average_unspoken")
                elif same[top] and (
                    unheld := why_unheld(
                        query,
                        measured.unheld_words,
                        quoted[:1],
                        texts,
                        language=seen.language,
                        own=self.own_names,
                    )
                ):
                    # "Why do cats purr?" of a cattery's pages, which never write "purr"
                    judged = judged.declined("why_unheld", unheld)
                elif (
                    same[top]
                    and self.at_large is not None
                    and why_unreasoned(query, quoted)
                    and not self.at_large.reads_as_reference(context_vectors[chosen])
                ):
                    # "Why do wedding cakes have tiers?" of a cake maker's "A three tier
                    # wedding cake serving 100 starts at £380": a service's sentence
                    # giving no reason (over a reference work's, the encoder's to judge)
                    judged = judged.declined("why_unreasoned")
                elif children_unspoken(query, texts):
                    # "Do you run classes for kids?" of a pottery whose pages never speak
                    # of children nor of any age: its classes do not say they take them.
                    judged = judged.declined("children_unspoken")
                elif adults_unspoken(query, texts):
                    # "¿Hacéis talleres para adultos?" of workshops for children of 5 to 12
                    judged = judged.declined("adults_unspoken")
                elif women_unspoken(query, texts):
                    # "Do you do women-only classes?" of a karate club's junior and adult
                    # classes, whose pages never speak of women
                    judged = judged.declined("women_unspoken")
                elif pets_unspoken(query, texts):
                    # "¿Puede subir mi perro en el vuelo?" of a paraglider's pages, which
                    # never speak of animals: the children's age is no answer.
                    judged = judged.declined("pets_unspoken")
                elif not asks_price(query) and day_unnamed(query, texts):
                    # "Can I do my CBT on a Sunday?" of a school whose pages name no day:
                    # its course's length says not whether it runs then. (One price
                    # asked of a day is the price on every day.)
                    judged = judged.declined("day_unnamed")
                elif day_of_another(query, texts):
                    # "Do you run courses on Sundays?" of "Courses run on Saturdays": the
                    # day the pages name is not the one asked.
                    judged = judged.declined("day_of_another")
                elif (
                    same[top]
                    and self.at_large is not None
                    # the readings first: most quotes pass them at the decision's
                    # probability, before any page is read for the question's words
                    and (
                        at_large := self.at_large.unanswered(
                            question=self.embeddings.encode_cached([query], query=True)[0],
                            quoted=context_vectors[chosen],
                            probability=judged.evidence["probability"],
                        )
                    )
                    # (a fact's words of asking are none the pages must hold: "How many
                    # people will two tiers feed?" of "two tiers serving 50 guests")
                    and absent_terms(query, texts)
                    - (
                        _fact_of(query, self.own_names).words
                        if "fact" in judged.evidence
                        else set()
                    )
                ):
                    # "¿Cuántos habitantes tiene Haro?" of a winery 3 km from Haro: a
                    # question on what the world knows, in words no page holds, which a
                    # service's pages do not say (over a reference work's they would).
                    judged = judged.declined("asked_at_large", at_large)
            tried.append(judged)
        # The question as asked or as searched, whichever finds the better sentence among
        # those the decision lets through.
        passing = [t for t in tried if t.chosen and t.passes]
        if not passing:
            declined = not_found_answer(self.mode, self.not_found_message)
            declined.evidence = max(tried, key=lambda t: t.best).evidence
            return declined
        # A reading quoting a sentence that holds a long word of the question as asked
        # comes first: "What about towels?" after "Is bed linen included?" is answered
        # with the towels sentence its own reading found, not the linen one that the
        # reading with the previous question finds closer.
        asked = own_long_terms(question, own=self.own_names)

        def quotes_asked(judged: Judged) -> bool:
            return any(asked & terms_of(candidates[i][1]) for i in judged.chosen)

        chosen, seen = max(passing, key=lambda t: (quotes_asked(t), t.best))[:2]
        # A sentence that names what it speaks of only in the one before ("Implantarlo
        # cuesta 40 euros.") is quoted after that one.
        chosen = chosen + [
            i - 1
            for i in chosen
            if _sentence_before(candidates, i) and i - 1 not in chosen
            and refers_back(candidates[i][1])
        ]  # fmt: skip
        # One passage's sentences in the document's order (an address, then what follows
        # it), passages in the order of their best sentence.
        first_seen: dict[int, int] = {}
        for position, i in enumerate(chosen):
            first_seen.setdefault(candidates[i][0], position)
        chosen = sorted(chosen, key=lambda i: (first_seen[candidates[i][0]], i))

        numbers: dict[int, int] = {}
        cited = []
        lists = {(r, s): list_of(s, passages[r].text) for r, s in (candidates[i] for i in chosen)}
        whole = _quoted_whole(lists)
        quoted_lists: set[tuple[int, int]] = set()
        for i in chosen:  # a passage's sentences in its order: an introduction first
            rank, sentence = candidates[i]
            member = lists[(rank, sentence)]
            if member is not None and (rank, member.start) in quoted_lists:
                continue  # quoted already, in its list
            if member is not None and (rank, sentence) in whole:
                quoted_lists.add((rank, member.start))
                quoted = member.quoted()
            else:
                quoted = ended(sentence, passages[rank].text)
            cited.append((quoted, numbers.setdefault(rank, len(numbers) + 1)))
        # One marker after a run of sentences from the same source.
        parts = [
            sentence if k + 1 < len(cited) and cited[k + 1][1] == n else f"{sentence} [{n}]"
            for k, (sentence, n) in enumerate(cited)
        ]
        first_quoted = {}  # each source's first sentence in the answer, for its snippet
        for i in chosen:
            rank, sentence = candidates[i]
            first_quoted.setdefault(rank, sentence)
        citations = [
            citation(n, passages[rank], quoted=first_quoted.get(rank))
            for rank, n in numbers.items()
        ]
        return Answer(
            text=_joined(parts),
            citations=citations,
            mode=self.mode,
            found=True,
            evidence=seen,
        )

    def _unsupported(
        self,
        query: str,
        sentence: np.ndarray,
        cosine: float,
        passages: list[str],
        places: set[str],
    ) -> float:
        """How much closer the best sentence comes to the question with one of the long
        words no passage holds left out, beyond `LEFT_OUT_NOISE` (0 when none is): then
        that word is what the sentence does not answer. The words of `places` the sentence
        answers for are held ("Makassar" of "dikirim ke seluruh Indonesia"), and so is a
        size a price is asked of, of things the passages give in sizes (`size_held`), and a
        time of year of what a passage says is so all year, or a holiday of a passage on
        holidays (`held_in_the_year`). One batch of at most three short texts."""
        priced = asks_price(query)
        words = [
            (w,)
            for w in absent_words(query, passages)
            if w.lower() not in self.own_names
            and w.lower() not in places
            and not (priced and size_held(w.lower(), passages))
            and not held_in_the_year(w.lower(), query, passages)
        ]
        gains = self._left_out_gains(query, words, sentence, cosine)
        return max([0.0, *(gain - LEFT_OUT_NOISE for gain in gains)])

    def _unanswered(
        self,
        query: str,
        measured: Passage,
        sentence: np.ndarray,
        cosine: float,
        places: set[str],
        texts: list[str],
        *,
        listing: bool = False,
        placed: frozenset[str] | set[str] = frozenset(),
    ) -> tuple[int, int]:
        """How many of the names, and of the things asked for, that no passage in scope
        holds (the search looked, each of their words) the best sentence does not answer:
        without the name, the question does not go farther from it than the noise
        (`LEFT_OUT_NOISE`); without the thing, it comes any closer (`THING_MARGIN`). A page
        that never writes "Indian" may still be about "which famous Indian...": then the
        question goes away from its sentence without the word. The words of `places` the
        sentence answers for are held, and so is a name one of the retrieved `texts` spells
        otherwise ("Gospic" of "Gospić", "Bismark" of "Bismarck"). A way asked
        (`asked_manners`) that no passage holds nor the `texts` speak of otherwise counts
        as a thing without the encoder's say. One batch of short texts."""
        # A word in capitals a retrieved text spells out is held: "MUA" of "make up artist".
        spelt = places | initials_spelt_out(query, texts)
        unheld = tuple(word for word in measured.unheld_words if word not in spelt)
        names = [
            place
            for name in proper_names(query)
            # (the kind of area before a place is no part of it: "Kecamatan Cidadap" of
            # a page serving "Kecamatan Sukajadi")
            if (place := _without_area_kind(name))
            and all(word in unheld for word in place)
            and not self.own_names.intersection(name)
            and not any(held_as_spelt(word, texts) for word in place)
            and not all(held_in_the_year(word, query, texts) for word in place)
        ]
        # A way asked that no page offers, nor speaks of in its own words, is unheld
        # whatever the encoder makes of it ("online" draws a question on consultations
        # towards the sentence on them).
        ways = [
            word
            for word in asked_manners(query)
            if word in unheld and not offered_otherwise(word, texts)
        ]
        # ... and a thing the retrieved pages hold, read in their language, is held: the
        # search's look may have cut it as another language's ("tándems" of "¿Arregláis
        # tándems?", taken for Hungarian)
        absent = absent_terms(query, texts)
        # A month a text names or spans ("a Saturday in June" of "from May to
        # September") is no thing asked for, nor a day so, asked whether they open or
        # work then ("¿Repartís los sábados?" of "de lunes a viernes", `day_held`), nor
        # the size a price is asked of, of things a text gives in sizes ("the smallest
        # unit" of "a 25 sq ft locker costs £12 a week"). Asked whether they have it, a
        # size stays one: "¿Alquiláis camiones grandes?" of vans in three sizes.
        priced = asks_price(query)
        hours = asks_hours(query)
        asked_for = [
            word
            for word in asked_things(query)
            if word not in self.own_names
            and not month_held(word, texts)
            and not (hours and day_held(word, texts))
            and not held_in_the_year(word, query, texts)
            and not (priced and size_held(word, texts))
        ]
        # ... and so is one whose kin a retrieved text holds ("loo" of "a toilet")
        things = [
            (word,)
            for word in asked_for
            if word in unheld
            and word in absent
            and word not in ways
            and not held_by_kin(word, texts)
            and not food_held(word, texts)
        ]
        # A sentence listing what the place does or has ("Ajustamos guitarras, bajos y
        # ukeleles") names its kinds: a thing none of whose words a page holds, nor as
        # the root of one of its words ("cómics" of "cómic"), is not among them, however
        # close the encoder puts it ("violines": 0.02 farther without it). A thing of a
        # kind the page names ("fugas de [agua]") is the encoder's to judge, and so is a
        # means of paying, which a page lists by name ("credit cards" of "cash, Visa and
        # Mastercard"). A sentence saying what they sell, asked whether they sell a thing,
        # lists it however few it names ("Vendemos kits de cultivo de setas ... y
        # sustratos" of "¿Vendéis macetas de barro?": pots are near growing kits).
        # ... nor is a kind of it named by a word no page holds ("niños con [autismo]" of
        # "Atendemos a niños y adultos con dificultades de pronunciación, tartamudez...").
        # Asked whether they sell a thing the pages hold, of a kind none names, the kind is
        # what is asked ("¿Vendéis guitarras de [segunda] mano?", `kind_unnamed`); asked
        # whether they rent one none of whose words a page holds, it is not among what
        # they rent ("¿Alquiláis [neoprenos]?", `rented_unheld`).
        kinds = asked_kinds(query)
        lacked = {word for (word,) in things}
        listed = (
            listing
            and not means_asked(query)
            and (len(things) == len(asked_for) or (bool(lacked) and lacked <= {*kinds}))
            and not any(_held_as_root(word, texts) for word in lacked)
        ) or any(dealt(query, asked_for, lacked) for dealt in (kind_unnamed, rented_unheld))
        gains = self._left_out_gains(query, names + things, sentence, cosine)
        named, asked = gains[: len(names)], gains[len(names) :]
        # What a price is asked of is often the page's own item in the asker's words ("un
        # niño" for "corte infantil": 0.027), as often as a kind the page lacks ("yearly"
        # of a monthly price: 0.031): only a clear gain declines it.
        margin = PRICE_THING_MARGIN if priced else THING_MARGIN
        # A name the sentence is about takes the question clearly away when it is left
        # out ("Indian" of a page on Gandhi: 0.081); within the noise it is not what the
        # sentence is about ("QuickBooks" of the invoices sentence: 0.019 away).
        unheld_things = sum(g > margin or listed for g in asked) + len(ways)
        # A place the question puts what it asks in ("What did Tesla's father do in
        # Zagreb?"), when the sentence puts it in another place of its own ("moved to
        # Gospić"), is not the sentence's, however close the encoder puts the two (a
        # country's capital and one of its towns: within the noise or past it, by the
        # processor's arithmetic).
        asked_in = places_named(query)
        # A place asked whether it is served ("Melayani Salatiga?") is elsewhere when
        # any retrieved text puts the work in places of its own ("di Semarang dan
        # Ungaran"), whichever sentence is closest.
        served = places_served(query)
        elsewhere = bool(placed - asked_in) or (
            bool(served) and any(places_named(text) - served for text in texts)
        )
        unheld_names = sum(
            g > -LEFT_OUT_NOISE or (elsewhere and asked_in.issuperset(name))
            for name, g in zip(names, named, strict=True)
        )
        return unheld_names, unheld_things

    def _left_out_gains(
        self,
        query: str,
        words: list[tuple[str, ...]],
        sentence: np.ndarray,
        cosine: float,
    ) -> list[float]:
        """For each word (or name of several words), how much closer the sentence comes
        to the question without it than `cosine` (negative when farther): one batch of
        short texts."""
        if not words:
            return []
        shorter = self.embeddings.encode_cached([_without(query, w) for w in words], query=True)
        return [float(c) - float(cosine) for c in shorter @ sentence]

    def _judged(self, chosen: list[int], best: float, seen: Evidence) -> Judged:
        values = seen.values()
        shown = {
            **values, "language": seen.language, "mixed": seen.mixed,
            "few_passages": seen.few_passages, "tiny_scope": seen.tiny_scope,
            "absent_codes": seen.absent_codes, "unheld_names": seen.unheld_names,
            "unheld_things": seen.unheld_things,
        }  # fmt: skip
        if self.answerability is None:
            return Judged(chosen, {**shown, "probability": 1.0}, best, True)
        decision = self.answerability.decide(seen)
        shown.update(probability=decision.probability, threshold=decision.threshold)
        if decision.second_probability is not None:
            shown.update(
                second_probability=decision.second_probability,
                second_threshold=decision.second_threshold,
            )
        return Judged(chosen, shown, best, decision.passes)

    def _aligned(self, bar: AlignmentBar, query: str, judged: Judged, quoted: list[str]) -> Judged:
        """A reading just past its threshold whose quote matches little of the question
        token by token is declined (Answerability.alignment): near-topic questions, the
        question's page without the paragraph that answers it, pass most this way."""
        seen = judged.evidence
        if not bar.reads(seen["probability"], seen["threshold"]):
            return judged
        alignment = getattr(self.embeddings, "token_alignment", None)
        score = alignment(query, " ".join(quoted)) if alignment is not None else None
        if score is None:
            return judged
        return judged._replace(passes=score >= bar.below, evidence={**seen, "alignment": score})

    def _best(
        self,
        query: str,
        context_vectors: np.ndarray,
        context_terms: list[set[str]],
        defined: list[set[str]],
        ranks: np.ndarray,
        asking: np.ndarray,
        numbers: np.ndarray,
        *,
        contexts: list[str],
        cells: list[tuple[str, ...]],
        same: np.ndarray,
        lift: np.ndarray,
        under: list[str | None],
        preceding: list[str | None],
    ) -> tuple[list[int], float, np.ndarray]:
        """The indexes of the contexts to quote for `query`, best first (maybe none), the
        best score, and the query's cosine to every context read the way the answer is
        (the others at -2). `same`: whether each context is in the question's language;
        `lift`: how much lower its language sits for the question (`_lifts`); `under`:
        the question heading each sits under, if any."""
        query_vector = self.embeddings.encode_cached([query], query=True)[0]
        terms = set(tokenize(same_words(query)))
        overlap = np.array([len(terms & c) / (len(terms) or 1) for c in context_terms])
        named = np.array([bool(d) and d <= terms for d in defined], dtype=float)
        codes = codes_in(query)
        asked = query.casefold()
        coded = np.array(
            [
                (bool(codes) and all(holds_code(c, code) for code in codes))
                or any(written_in(cell, asked) for cell in row)
                for c, row in zip(contexts, cells, strict=True)
            ],
            dtype=float,
        )
        years = years_named(query)
        dated = np.array(
            [
                bool(years) and years <= years_named(f"{c} {b or ''}")
                for c, b in zip(contexts, preceding, strict=True)
            ],
            dtype=float,
        )
        cosines = context_vectors @ query_vector
        read = np.ones(len(cosines), dtype=bool)
        if same.any() and not same.all():
            # Which language answers is decided by meaning alone, each sentence lifted to
            # the question's language's level: the word overlap below favours sentences
            # in the question's language, and only those.
            across = SAME_LANGUAGE_MARGIN * ~same
            read = same == same[int((cosines + lift - across).argmax())]
        scores = (
            cosines
            + LEXICAL_WEIGHT * overlap
            + DEFINITION_WEIGHT * named
            + CODE_WEIGHT * coded
            + YEAR_WEIGHT * dated
            - RANK_PENALTY * ranks
            - ASKING_PENALTY * asking
            + NUMBER_WEIGHT * numbers * bool(ASKS_QUANTITY.search(query))
        )
        scores = np.where(read, scores, -np.inf)
        ranked = np.argsort(-scores)
        best = scores[ranked[0]]
        # A further sentence only when it is nearly as good as the best (a weak second
        # sentence adds words more often than it adds the answer); those read the other
        # way are out already (-inf): a sentence in the question's language scores higher
        # than one across languages for less ("cada" in a pump manual beside a policy).
        # Where the best holds what the question names exactly (a code, a cell), so must
        # the others: the next row is another level's, another day's.
        thresholds = self.threshold - ACROSS_LANGUAGES_DROP * ~same
        named_exactly = coded[ranked[0]] > 0
        return (
            [
                int(i)
                for i in ranked[: self.max_sentences]
                if scores[i] >= thresholds[i]
                and scores[i] >= best - FURTHER_SENTENCE_MARGIN
                and (coded[i] > 0 or not named_exactly)
                and (under[i] is None or under[i] == under[ranked[0]])
            ],
            float(best),
            np.where(read, cosines, -2.0),
        )


def _held_as_root(word: str, texts: list[str]) -> bool:
    """Whether a text holds a word that `word` begins, or that begins with it, of
    PREFIX_TERM letters or more: "cómic" of "¿Tenéis cómics?"."""
    return len(word) >= PREFIX_TERM and any(
        len(held) >= PREFIX_TERM and (word.startswith(held) or held.startswith(word))
        for text in texts
        for held in (w.lower() for w in words_of(text))
    )


def _fact_of(query: str, own: frozenset[str]) -> Fact | None:
    """The fact the query asks, a price included."""
    fact = asked_fact(query, own=own)
    # A price asked of children of an age asks the price ("¿Cuánto pagan los niños de 10
    # años?"), not whether they may come; of parking, too ("How much is parking?")
    if PRICE.asks(query) and (fact is None or fact.name in ("age", "parking")):
        return PRICE
    return fact


def without_own(question: str, own: frozenset[str], *, any_form: bool = False) -> str:
    """The question without the words of the service's `own` names ("seragamnya" of
    Konveksi Seragam); with `any_form`, in any of their forms too ("restaurar un mueble"
    of Restauración de Muebles)."""
    language = guess(question)[0]
    own_stems = {stem_of(name, language) for name in own} if any_form else set()
    for word in words_of(question):
        lower = word.lower()
        if lower in own or nya_host(lower) in own or stem_of(lower, language) in own_stems:
            question = left_out(question, word)
    return question


def fact_giving(
    query: str,
    chosen: list[int],
    candidates: list[tuple[int, str]],
    cosines: np.ndarray,
    same: np.ndarray,
    seen: Evidence,
    texts: list[str],
    *,
    own: frozenset[str] = frozenset(),
    places: set[str] | frozenset[str] = frozenset(),
) -> list[int]:
    """For a question asking one of the `asked_facts` (opening hours, an address, how to
    reach them), naming nothing else the passages lack but the service's `own` names and
    the `places` a sentence answers for:
    the chosen sentences giving it, else the closest sentence in its language that does;
    none when no sentence does."""
    fact = _fact_of(query, own)
    if fact is None or seen.unheld_things or seen.absent_codes:
        return []
    # A name that is a word of asking is none the pages lack: "Lebaran" of "Apakah buka
    # saat Lebaran?", which a page open all year answers.
    if seen.unheld_names and any(not fact.words.issuperset(n) for n in proper_names(query)):
        return []
    # "¿A qué hora abre la peluquería?" of Peluquería Rizos, whose page says "Abrimos...";
    # "Depotnya di mana?" of Depot Air Segar.
    asking = fact.words | own | EXACTLY_WORDS | HEDGES | PARTICLES  # ("come [along]")
    # Every such word, not the first few: "bicicleta" of "¿Cuánto tardáis en arreglar una
    # bicicleta?" comes after three words of asking.
    shortest = STRICT_WORD if fact.strict else LONG_WORD
    # What a thing is brought or worn for is the page's activity, and the occasion people
    # come for no thing a sentence must name: "¿Qué me pongo para subir al globo?" of "Hay
    # que llevar calzado cómodo y ropa de abrigo", "Somos 60 para una comida de empresa,
    # ¿cabemos?" of "comedor para 80 personas" (nor the verb of it: "para hacer sparring"
    # does not make "Para competir hace falta la licencia" name the helmet asked).
    if fact.name in ("bring", "people"):
        query = without_what_for(query)
    # (what an asker never did is the page's activity in their words: "Nunca he subido a
    # un velero, ¿puedo apuntarme?" of "No hace falta experiencia")
    named = without_never_done(query) if fact.name == "experience" else query
    # (... and so is what one is allergic to: "Soy alérgico a las gambas, ¿pasa algo?" of
    # "Avísanos si tienes alguna alergia")
    if fact.name == "allergy":
        named = without_allergen(query)
    # (an age asked a price of, or whether one pays, is whom it is for: "Do I have to pay
    # for my 10-month-old?" of "babies on laps go free")
    if fact is PRICE or fact.name == "paid":
        named = without_ages(named)
    absent = [w.lower() for w in absent_words(named, texts, limit=len(named), shortest=shortest)]
    # Words a page holds in a word of their kin ("apuntarse" of "la matrícula"); grown-ups,
    # asked a price: what a page prices for no one in particular is theirs (`without_kin`:
    # "Tiket dewasa berapa?" of "Tiket masuk Rp20.000"); and children, of a page giving an
    # age (the sentences giving one name them).
    by_age = [w for w in absent if children_by_age(w, texts)]
    # ... or, asked the price for someone of an age, the sentences giving an age ("How much
    # is it for my 12-year-old?" of "£3 for under-16s", not of the membership)
    aged = fact is PRICE and states_age(query)
    # ... and a day a page names, as itself or among its weekdays or weekend ("How much on
    # a Tuesday?" of "£35 on weekdays")
    # ... or, asked whether it is open (or they work) on it, a span of days ("¿Se puede
    # ir un lunes?" of "Abrimos de martes a sábado", set FF; "¿Repartís los sábados?" of
    # "reparte ... de lunes a viernes", set FI); not a price's span ("£35 Monday to
    # Friday" gives no Saturday's), nor what another fact names ("We deliver across
    # Leeds" says nothing of Sundays)
    spans_tell = fact.name == "hours"

    def day_told(text: str, word: str) -> bool:
        if spans_tell:
            return day_held(word, [text])
        return names_day(text, frozenset({day_of(word)}))

    dated = [w for w in absent if day_of(w) and any(day_told(t, w) for t in texts)]
    kin = [
        w
        for w in absent
        if held_by_kin(w, texts) or (fact is PRICE and w in GROWN_UPS) or w in by_age or w in dated
    ]
    # A time of year asked of pages giving hours by the time of year is the season rule's
    # to read ("in winter" of "8 am to 4 pm between October and March"; not of July's
    # alone): a page naming none leaves it unanswered.
    seasons = SEASON_WORDS if fact.name == "hours" and any(map(names_season, texts)) else ()
    # ... and so is a public holiday asked by its name, of pages naming holidays ("Are you
    # open on Easter Monday?" of "closed on bank holidays")
    holidays = {w for w in absent if holiday_held(w, query, texts)}
    # Asked when it is cheaper ("¿Qué día es más barato?"), of pages lowering a price: the
    # sentences lowering it give the day (a price's own fact reads cheapness itself).
    cheap = (
        fact is not PRICE
        and any(w in CHEAP_WORDS for w in absent)
        and any(map(lowers_price, texts))
    )
    if any(
        w not in asking
        and nya_host(w) not in asking
        and w not in kin
        and w not in places
        and w not in seasons
        and w not in holidays
        and not (cheap and w in CHEAPNESS_WORDS)
        # (the cheapest, asked of prices, is among them: "What's the cheapest hourly
        # rate?" of "by the hour from £25")
        and not (fact is PRICE and w in CHEAP_WORDS)
        for w in absent
    ):
        return []
    # Asked whether it is open on a day: a chosen sentence naming the day answers it too
    # ("Los domingos y lunes cerramos" for "¿Abren los lunes?").
    days = days_asked(query) if fact.name == "hours" else frozenset()
    naming = [i for i in chosen if tells_days(candidates[i][1], days)]

    def gives(i: int, asked: str = query) -> bool:
        return fact.given_in(candidates[i][1], asked, before=_sentence_before(candidates, i))

    giving = [i for i in chosen if gives(i)]
    anywhere = [i for i in range(len(candidates)) if same[i] and gives(i)]
    if not anywhere:
        # The service's own name is no thing a sentence must name to give the fact, when
        # none names it ("Berapa hari sampai seragamnya jadi?" of Konveksi Seragam's
        # "Pengerjaan 14 hari kerja"; not "How long is the workshop?" of a candle
        # workshop's setting time, when the workshop's own length is given). Asked how
        # long a job takes, the job named in other forms of those words is theirs too
        # ("¿Cuánto tardáis en restaurar un mueble?" of Restauración de Muebles' "Los
        # trabajos tardan..."; not "¿Tengo que llevar mi moto?" of Escuela de Motos,
        # where the motorbike is the thing asked of).
        told = without_own(query, own, any_form=fact.name == "duration")
        giving = [i for i in chosen if gives(i, told)]
        anywhere = [i for i in range(len(candidates)) if same[i] and gives(i, told)]
    # A word of its own kin ("apuntarse" of "la matrícula") or the period a price is asked
    # by ("Member sebulan berapa?"): the sentences naming it give the fact as asked, if
    # any does ("la matrícula 40 euros", not "Las cuotas se pagan por domiciliación"; the
    # monthly membership, not the classes free for members).
    periods = asked_periods(query) if fact is PRICE else frozenset()
    # ... or, asked what is paid ahead, a share paid ahead ("Berapa DP-nya?" of "Uang
    # muka 30 persen", not of the tent's price)
    ahead = fact is PRICE and PAID_AHEAD_ASKED.search(query) is not None
    # ... or, asked whether one pays for a thing, the sentence naming it ("¿Se paga
    # matrícula?" of "No hay matrícula", not of the monthly fee); asked whether they
    # take a thing in, the one naming most of it ("Can I leave the gas bottle in the
    # caravan?" of "Gas bottles must be removed", not of collecting the caravan)
    # ... or, asked how often a thing is done, the one naming most of it ("¿Cada cuántas
    # horas se cambia el aceite?" of the oil's interval, not the seals')
    # ... or, asked where to take a thing, the one naming it ("¿Dónde llevo la ropa?" of
    # "recogemos ropa ... en la parroquia", not of where the market is set up)
    named_facts = ("paid", "accepted", "frequency", "venue")
    thing_terms = terms_besides(query, fact.words) if fact.name in named_facts else set()
    # (food is named by a meal: "Is food included?" of "a hot lunch [is] included")
    eaten = food_terms(query) & thing_terms

    def named_of(i: int) -> set[str]:
        sentence = candidates[i][1]
        return (thing_terms & terms_of(sentence)) | (eaten if names_meal(sentence) else set())

    def names_asked(i: int) -> bool:
        sentence = candidates[i][1]
        return (
            bool(periods & named_periods(sentence))
            or any(held_by_kin(w, [sentence]) for w in kin)
            or any(day_told(sentence, w) for w in dated)
            or ((bool(by_age) or aged) and states_age(sentence))
            or (ahead and gives_share_paid_ahead(sentence))
            or bool(named_of(i))
            or (cheap and lowers_price(sentence))
        )

    # Asked whether a thing is provided, of sentences pricing others: one naming more of
    # it, which gives no price, answers in its own words ("Is lunch provided on the full
    # day?" of "The full day adds owls ..., with lunch in the barn", not of "a full day
    # costs £160"). Not of a sentence saying what is free ("mend ... for free" answers
    # "Do I have to pay for a repair?" better than the Repair Café's hours).
    if (
        fact.name == "paid"
        and thing_terms
        and anywhere
        and any(gives_amount(candidates[i][1]) for i in anywhere)
        and not any(says_free(candidates[i][1]) for i in anywhere)
    ):
        most = max(len(named_of(i)) for i in range(len(candidates)) if same[i])
        if max(len(named_of(i)) for i in anywhere) < most:
            return []
    if any(map(names_asked, anywhere)):
        giving = [i for i in giving if names_asked(i)]
        anywhere = [i for i in anywhere if names_asked(i)]
    # Of sentences telling whether one pays, those naming most of the thing asked:
    # "Akuarium 60 cm sudah termasuk filter?" of "Akuarium 60 cm lengkap dengan filter dan
    # lampu dijual Rp450.000", not of "...kuras akuarium Rp100.000".
    if thing_terms and anywhere:
        most = max(len(named_of(i)) for i in anywhere)
        anywhere = [i for i in anywhere if len(named_of(i)) == most]
        giving = [i for i in giving if i in anywhere]
    # A price asked, not what is paid ahead: a sentence whose one amount is a deposit
    # does not give it when another gives a price ("¿Cuánto cuesta alquilar un traje?"
    # of "Se deja una fianza de 50 euros", beside "El alquiler cuesta 60 euros").
    if fact is PRICE and not ahead:
        priced = [i for i in anywhere if not gives_only_paid_ahead(candidates[i][1])]
        if priced:
            giving = [i for i in giving if i in priced]
            anywhere = priced
    closest = [max(anywhere, key=lambda i: cosines[i])] if anywhere else []
    if naming and not giving:
        # ... but one naming the day beside no hours ("Walk-ins are welcome on weekdays")
        # may say nothing of opening: the hours the page gives come with it ("Can we come
        # in on a Monday?" of "open Tuesday to Sunday").
        naming = sorted({*naming, *closest})
    if fact.name in ("hours", "time"):
        # "What time is lunch?" of a nursery whose lunch has no time of its own; and no
        # chosen sentence giving the hours, the closest that does is read as they are
        # (August's hours come with the year's).
        hours = _time_of_what_is_named(
            query, fact.words, chosen, giving + naming or closest, anywhere, candidates, cosines
        )
        if hours is not None:
            return hours
    if giving or naming:
        return sorted({*giving, *naming})
    return closest


def _time_of_what_is_named(
    query: str,
    asking: frozenset[str],
    chosen: list[int],
    giving: list[int],
    anywhere: list[int],
    candidates: list[tuple[int, str]],
    cosines: np.ndarray,
) -> list[int] | None:
    """Which sentences give the hours (or the time) of what an hours (or a time) question
    names, when the chosen ones giving them or naming the day asked (`giving`) are not
    all of it; None when they are. `asking`: the words that only ask for them;
    `anywhere`: every sentence giving them."""
    # (an hour asked names nothing: "jam 12" of "Kami boleh datang jam 12 siang?")
    words = [w for w in words_of(query) if w.lower() not in asking and not has_digit(w)]
    named = key_terms(" ".join(words))
    # (nor do the people it is for, when no time is theirs: "What time do the children
    # finish?" of a club for children whose sessions run "from 4 pm to 5.30 pm"; not
    # "¿A qué hora son las clases de adultos?" of the adults' hours beside the children's)
    things = key_terms(" ".join(w for w in words if w.lower() not in CHILDREN | GROWN_UPS))

    def naming(i: int) -> int:
        return len(named & terms_of(candidates[i][1]))

    most = max(map(naming, anywhere), default=0)
    # (What one brings on a day has no hours of its own: the place's hours tell whether
    # one may come, "Can I drop shoes off on a Monday?")
    if things and most == 0 and any(map(naming, chosen)) and not asks_to_come_on(query):
        # "When does the box office open?" of "...the box office, which opens one hour
        # before each performance": no time of its own, and the bar's "opens at 6.45 pm"
        # is another place's. The decision judges the sentence naming it.
        return []
    if most > max(map(naming, giving), default=0):
        # "What time does the learner pool close?": "The learner pool closes at 4 pm",
        # not the closer main pool's hours.
        return [max(anywhere, key=lambda i: (naming(i), cosines[i]))]
    if any(names_season(candidates[i][1]) for i in giving) and not names_season(query):
        # "¿A qué hora abren?" of August's hours: the year's come with them, from the
        # same page first (where an exception follows the rule it makes one to).
        usual = [i for i in anywhere if i not in giving and not names_season(candidates[i][1])]
        pages = {candidates[i][0] for i in giving if names_season(candidates[i][1])}
        same_page = [i for i in usual if candidates[i][0] in pages]
        if usual:
            return sorted({*giving, max(same_page or usual, key=lambda i: cosines[i])})
    return None


def _quoted_whole(
    lists: dict[tuple[int, str], TextList | None],
) -> set[tuple[int, str]]:
    """Which chosen sentences (by passage and sentence, with the list each belongs to,
    if any) are quoted as their whole list: a list's introduction ("follow these
    steps:"), a list of short items read as one sentence ("Towel; Padlock."), an item chosen beside another of its list
    (two steps of four: the steps answer together), unless its items are labelled values
    (a price list's "Tooth extraction: from 95 pounds" answers alone)."""
    together = Counter((rank, tl.start) for (rank, _), tl in lists.items() if tl is not None)
    return {
        (rank, s)
        for (rank, s), tl in lists.items()
        if tl is not None
        and (s in (tl.intro, tl.joined) or (together[(rank, tl.start)] > 1 and not tl.labelled))
    }


def _question_heading(section: str | None) -> str | None:
    return section if section and section.rstrip().endswith(("?", "\uff1f", "\u061f")) else None


def _rows_of_others(question: str, quoted: list[str], passages: list[str]) -> list[str]:
    """The names (and numbers) the question asks about that no passage holds, when
    everything it would quote is table rows that name none of what it asks: the
    allowance in Paris of a table of London's and Berlin's, a price list without the
    product asked about. The rows are other things' values, not an answer. Empty when
    the quote is prose, a row of long cells (a questions-and-answers sheet's: "Which
    payment methods…?" answers "Can I pay with PayPal?" by what it lists) or a row the
    question names."""
    if not all(_cells(sentence) for sentence in quoted):
        return []
    asked = question.casefold()
    cells = [cell for sentence in quoted for cell in row_cells(sentence) if cell]
    if any(written_in(cell.casefold(), asked) for cell in cells):
        return []
    held = [text.lower() for text in passages]
    return sorted(name for name in names_in(question) if not any(name in t for t in held))


def _joined(parts: list[str]) -> str:
    """The quoted parts, a list on lines of its own: what follows it starts a paragraph."""
    text = parts[0]
    for before, part in itertools.pairwise(parts):
        text += ("\n\n" if "\n" in before or "\n" in part else " ") + part
    return text


# Cells that name nothing: a yes/no column's answers match a question's "no" or "ya".
_ANSWERS = frozenset("yes sí tidak true false none ninguno".split())


@lru_cache(maxsize=16384)
def _cells(sentence: str) -> tuple[str, ...]:
    """A table row's cells that name something (four words at most, one of them of three
    letters or more that is not a stopword or a yes/no), folded."""
    named = []
    for cell in row_cells(sentence):
        words = re.findall(r"[^\W\d_]+", cell.casefold())
        if len(cell.split()) <= 4 and any(
            len(w) >= 3 and w not in STOPWORDS and w not in _ANSWERS for w in words
        ):
            named.append(cell.casefold())
    return tuple(named)


def _lifts(passages: list[Passage], same: list[bool]) -> np.ndarray:
    """How much lower each passage's language sits for the question than the question's
    own (the search's backgrounds: agents/fusion.py); 0 where either is unknown."""
    own = next((p.background for p, s in zip(passages, same, strict=True) if s), None)
    return np.array(
        [
            own - p.background if not s and own is not None and p.background is not None else 0.0
            for p, s in zip(passages, same, strict=True)
        ]
    )


# Below this a passage's language is a guess, not a reading (one short line).
UNSURE_OF_PASSAGE = 0.6


def _same_language(question: str, passage: str) -> bool:
    """Can the question's words be looked for in the passage? Unsure of either counts as
    yes: a page's one line "Abrimos de martes a sábado de 10 a 20 h." is guessed
    Portuguese, barely (0.50), and its days were then no words to look for."""
    asked, sure = guess(question)
    written, sure_of_passage = guess(passage)
    return sure < 0.5 or asked == written or sure_of_passage < UNSURE_OF_PASSAGE
