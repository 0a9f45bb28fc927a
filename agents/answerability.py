"""Does what was retrieved answer the question? Not "is it similar".

A multilingual encoder puts unrelated texts of one language close together, and a
question that shares a topic or a word with a passage is not answered by it. So the
decision weighs, for the question as asked:

- how close the best sentence is, and how far it stands out from the other sentences
  retrieved with it (the question's own background, so no one absolute level decides:
  each language and each question sits at its own);
- how much of the question's key terms the best passage holds (stemmed words; runs of
  Chinese or Japanese characters as character pairs), and of its names and numbers;
- whether the best sentence is about what the question names and no passage holds: if
  the question comes closer to it with such a word left out ("how many days of maternity
  leave?" without "maternity" is the annual leave sentence's question), the sentence
  answers the rest of the question, not this.

A logistic combiner of these (in a scope of one to four passages, with boosted trees
beside it), fitted on the `fit` half of public QA articles by
`python -m bench.fit_answerability` and shipped as `answerability.json`, turns them into
a probability; a question whose passages fall below the file's threshold gets the
not-found message. Across languages (the question in one, the passage in another) words
cannot be matched, so a second set of weights sees only the cosines.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from stop_words import get_stop_words

from agents.asked_counts import NUMBER_WORDS
from agents.weekdays import WEEKDAYS, plural
from knowledge.encoders.languages import guess, stemmer
from knowledge.encoders.sparse import STOPWORDS

MODEL_FILE = Path(__file__).with_name("answerability.json")
# A word with its combining marks: Devanagari, Bengali, Thai... write vowels as marks,
# which `\w` alone leaves out (it would cut "भारत" into "भ" and "रत").
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0dff\u0e31-\u0e4e])+")
# Words this long name things ("asrama", "precio", "dormitory"); shorter ones are more
# often verbs and function words no stopword list holds ("get", "many", "ada").
LONG_WORD = 5
# Scripts written without spaces between words: their terms are character pairs.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]+")
# A name or a number as the question writes it: a capitalised word after its first
# word, or anything with a digit.
_NAME = re.compile(r"(?<!^)\b[A-ZÀ-ÖØ-Þ][\w'-]+|\b\w*\d[\w.,:/-]*", re.UNICODE)
# Languages whose function words (the `stop-words` package's lists) are left out of the
# key terms besides the hand-written ones every language uses (English, Spanish,
# Indonesian): chosen on the fit half of bench.answerable, where they raised off-topic
# declined in each (docs/benchmarks.md). Vietnamese's list (syllables that carry meaning
# too) lowered it; Greek's and Romanian's moved nothing; English's holds content words
# ("computer", "billion").
LISTED_STOPWORDS = ("de", "ar", "hi", "ru", "tr")
# The words of asking those lists lack: as key terms they are what an answer never
# holds, so they only lowered the coverage of answerable questions ("ما هو...", "كم",
# "...nedir?"). Chosen on the fit half of bench.answerable: Arabic, Turkish and Russian
# gained; German's and a Vietnamese list of the syllables of asking and grammar moved the
# decision nowhere better (docs/benchmarks.md). Hindi's ("क्या", "कब", the case forms of
# "किस", "के बारे में") gained with its own threshold chosen again on the fit half.
_ASKING_WORDS = {
    "ar": "ماذا متى أين اين كم كيف لماذا أي اي هل ماهي ماهو إلى الى والتي والذي",
    "tr": "hangi hangisi hangileri ne neyi neye neden nedir neler nelerdir nelerin nerede "
    "nereden nereye nasıl niçin kim kimdir kimin kime kimi kimler kaç kaçta kaçıncı "
    "mı mi mu mü mıdır midir",
    "ru": "какие каким каких каково какова каков",
    "hi": "क्या क्यों कब कहाँ कहां कैसे कैसा कैसी कौनसी कौनसे किसने किसको किसका किसकी किसके "
    "किन किनके किनका किनकी कितने कितनी बारे जिनमें इनमें उनमें",
    # Indonesian's tag a spoken question ends on, and whom it calls ("Biaya les tiap bulan
    # berapa ya?", "Masih buka kak?"; set FA, 2026-12-07); not Spanish "ya", "already"
    # ("¿Tenéis algún curso para los que ya saben?" asks for those who know)
    "id": "ya kak",
}
# The letters of a Turkish word that are its stem (stem_of).
TURKISH_ROOT = 5
# The package's Turkish list is written in another code page ("nasýl" for "nasıl").
_TURKISH_LETTERS = str.maketrans("ýþðÝÞÐ", "ışğİŞĞ")
# The asker's own words: a question says "my", "need", "puedo", "tendré", "kalau" where
# the page says "your", "must", "puedes", "tiene" or nothing, so as key terms they only
# lower the share every asker's question covers ("Can I bring my dog?" of "Dogs are welcome in the
# garden" covered one term in three). Indonesian "dapat" is "can" as "bisa" is, or the
# asker's "do I get" ("Dapat helm?" of "termasuk dua helm" covered one term in two);
# "harus", "perlu" are its "must", "need" ("Harus janjian dulu?" of "pasien tanpa janji
# tetap dilayani"), "minta" its "ask for" ("Kalau minta diukur dulu kena biaya?" of
# "Survei dan ukur gratis").
# Not "us" (the US) nor "mine" (a coal mine). They reach 1% of SQuAD dev's questions,
# which are written in the third person.
ASKERS_WORDS = frozenset(
    """my me myself we our ours ourselves need needs want someone somebody anyone anybody
    own himself herself themselves yourself yourselves
    puedo puedes podemos podéis debo debes debemos debéis necesito necesitas necesitamos
    necesitáis quiero quieres queremos queréis tengo tenemos nos os mí mío mía míos mías
    tendré tendremos podré podremos necesitaré necesitaremos
    nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras alguien
    aku nya kalau jika mau ingin kamu kalian dapat dapatkah bisakah harus perlu mesti
    wajib minta meminta
    punya""".split()
)
# What an English apostrophe leaves of a word as `words_of` splits it ("hour's": "hour",
# "s"; "don't": "don", "t"): no thing is named by them, and "s" beside "hour" made
# "an hour's lesson" read as a thing of its own.
CLITICS = frozenset(
    "s t d ll re ve m don doesn didn isn aren wasn weren wouldn couldn shouldn haven "
    "hasn hadn".split()
)
# Words of quantity before a thing ("Is there any parking?", "¿Hay algún bono?", "Ada
# beberapa pilihan?"): a page that has it says so without them, so as key terms they
# only counted against the answer; nor "pcs", pieces ("Minimal order berapa pcs?"), nor
# "banyak", many, as "mucho" ("Murid per kelas paling banyak berapa?", set EG). Not
# "hay" ("¿Hay que pagar en efectivo?" asks what must be done) nor "algo", "something":
# they stand for the thing itself.
QUANTIFIERS = frozenset(
    """any some every each another
    algún alguna alguno algunos algunas ningún ninguna ninguno cualquier cualquiera cada
    mucho mucha muchos muchas
    semua setiap tiap beberapa pcs
    banyak""".split()
)
# A time to come, unnamed ("Bisa tambah kamera nanti?", "Can I add a camera later?"): a
# page saying what is done answers it for later too.
LATER_WORDS = frozenset("later nanti nantinya".split())
# Spoken Indonesian's particles and pointers ("Kegiatannya apa saja di sana?", "Bisa
# bayar transfer aja?"): no topic, and no page writes them, so as key terms they only
# counted against the answer (set BJ: one term in three covered).
SPOKEN_PARTICLES = frozenset(
    "saja aja sih dong kok nih deh tuh sana sini situ gimana "
    # ... and "or not?" as speech tags a question with it ("Bisa scan QRIS nggak?")
    "nggak ngga gak enggak "
    # ... and its "how much" ("Tanaman paling murah berapaan?")
    "berapaan "
    # ... and its "already" and "with" ("Udah sama ukiran nama?" asks whether the carving
    # comes with it: a page writes "lengkap dengan ukiran nama"), and "not yet" beside
    # "already" ("Saya belum punya desain, bisa dibantu?" of "Desain bisa dibantu")
    "sudah udah sama belum "
    # ... and its "ever", which no page answering writes ("Airnya pernah dites?" of "Air
    # kami diuji di laboratorium")
    "pernah "
    # ... and its "first", beforehand, which a page saying what is done need not write
    # ("Boleh coba dulu?" of "Kelas percobaan pertama gratis", "Harus bikin janji dulu?")
    "dulu".split()
)
# Words hedging a fact asked: "Diantar jam berapa biasanya?" asks the time a page gives
# without "usually", "Roughly what does a shop sign cost?" the price it gives without
# "roughly". (Not stopwords: "What are gutters usually made of?" asks what the world
# knows, in a word no page writes.)
HEDGES = frozenset(
    "usually normally generally typically normalmente generalmente habitualmente "
    "biasanya umumnya roughly approximately approx aproximadamente aprox kira kira-kira "
    "ballpark rough "
    "sekitar kisaran".split()
)
# ... nor the word of renting a price is asked by: "Sewanya berapa?" of "Paket isi 4
# mainan Rp120.000 per 2 minggu" (the rent is the price), "How much is the rental?"
RENT_PRICE_WORDS = frozenset("rent rental sewa sewanya alquiler".split())
# ... nor the words asking a price as a share of the whole: "DP-nya berapa persen dari
# total?" of "setelah DP 50%"
SHARE_WORDS = frozenset("percent percentage persen persentase porcentaje total totalnya".split())
# ... nor Spanish pointers to the place: "¿Tenéis miel de aquí?"
POINTERS = frozenset("aquí allí ahí acá allá".split())
# Letters an Indonesian word keeps before a "-nya" the stemmer left on ("les-nya").
NYA_HOST = 3
# Between the sentences of a message (a question is short: no abbreviations to mind).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# A code as a question writes it: a capital, maybe more letters, then digits ("A2",
# "B-12", "E42", "COVID-19"). Unlike a word, a code has no paraphrase: a passage that
# lacks the one asked about speaks of another (the A1 and B2 prices for "A2", pump B-12
# for B-13). Not in small letters: "km2" is a unit a passage writes "km²", "ke-2" an
# Indonesian ordinal.
_CODE = re.compile(
    r"(?<![\w-])[A-Z][A-Za-z]{0,5}-?\d+[A-Za-z0-9]*(?![\w-])|"
    # ... or figures before capitals: a print's "16R", "4K", "4WD" (not a time's "10AM")
    r"(?<![\w.,:-])\d+(?!AM|PM)[A-Z]{1,3}(?![\w-])"
)
# "B-12", "B 12", "B‑12" and "B12" are one code.
_CODE_JOIN = re.compile(r"(?<=[^\W\d_])[\s\u2010-\u2015-]?(?=\d)")
_OPENING = re.compile(r"^[\W_]+")
# A word as `proper_names` reads it: letters first, then its apostrophes and hyphens
# ("PayPal's", "Ankara'da", "Disney-ABC").
_NAMED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Languages that capitalise every noun: a capital there does not make a name.
_CAPITALISED_NOUNS = frozenset({"de", "lb"})
PROPER_NAME_MIN = 3  # letters; "Dr", "Mr" and initials are not what the question is about
# Languages and their peoples, which pages capitalise in English and Indonesian ("kelas
# bahasa Inggris, Jepang dan Mandarin", "English and Japanese classes"): no one's name.
LANGUAGE_NAMES = frozenset(
    "english spanish french german italian portuguese dutch russian polish greek turkish "
    "arabic hebrew hindi chinese mandarin cantonese japanese korean thai vietnamese "
    "indonesian malay latin swedish norwegian danish finnish inggris jepang arab korea "
    "jerman prancis perancis belanda indonesia melayu cina tionghoa spanyol italia rusia "
    "portugis jawa sunda bahasa".split()
)


# Days and months, which English, Indonesian, Turkish and others write with a capital:
# a page may cover "Saturday" as "weekends", "every day" or "setiap hari", and hours
# that leave a day out still answer whether it is open. They are not names it lacks.
CALENDAR_WORDS = frozenset(
    """weekday weekdays january february march
    april may june july august september october november december mon tue tues wed thu
    thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
    jum'at ahad januari februari maret mei juni juli agustus oktober desember
    enero febrero marzo abril mayo
    junio julio agosto septiembre setiembre octubre noviembre diciembre
    segunda terça quarta quinta sexta janeiro fevereiro março maio junho julho setembro
    outubro novembro dezembro
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai
    juin juillet août septembre octobre novembre décembre
    pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat nisan mayıs haziran
    temmuz ağustos eylül ekim kasım aralık""".split()
) | frozenset(  # ... and the days of the languages served first, with their plurals
    form
    for language, days in WEEKDAYS.items()
    for day in days
    for form in (day, plural(day, language))
)
# A question asking whether something is there, offered or to be had, as the languages
# served first ask it (English, Spanish, Indonesian), and the article after it: what it
# asks about follows ("Is there a [mobile app]?", "¿Hay [pistas] de pádel?", "Apakah
# klinik punya [layanan rawat inap]?"). Not "¿Hay que...?" nor "¿Tiene que...?" (must).
_ASKS_EXISTENCE = re.compile(
    r"(?:is there|are there|do (?:you|they|we) (?:have|offer|provide|sell|rent|hire out|accept)|"
    # ... or whether a service is done: "Do you [groom] cats?", "¿[Cuidáis] gatos?",
    # "Bisa [servis] laptop?" (what is done to the thing named after the verb). Not a
    # verb of knowing or wanting, of opening hours, of paying or of being able.
    r"do (?:you|they|we) (?!(?:know|think|mean|need|want|like|mind|remember|recommend|"
    r"open|close|start|finish|charge|cost|have to)\b)[a-z]+|"
    r"(?!(?:(?:pod|sab|quer|deb|abr|cerr|pag|cobr)[^\W\d_]*|ven[ií]s)\b)"
    r"[^\W\d_]+(?:áis|éis|ís)(?! que)|"
    # (... nor of coming: "Bisa datang hari Minggu?", "¿Venís los domingos?" ask a day,
    # as the hours answer it)
    r"(?:apakah )?bisa(?:kah)? (?!(?:bayar|untuk|di|ke|dari|dengan|pada|ada|datang|mampir)\b)"
    r"[\w-]+|"
    r"does (?:the |this |your )?[\w-]+(?: [\w-]+)? (?:have|offer|provide|come with)|"
    # (... or what theirs have: "Do the tubs have [lights]?")
    r"do (?:the|your|these|those|all the) [\w-]+(?: [\w-]+)? (?:have|come with)|"
    r"can (?:i|we) (?:get|hire|rent|borrow|buy|bring|book|order)|"
    r"hay(?! que)|existen?|tienen?(?! que)|ofrecen?|disponen? de|cuentan? con|alquilan|"
    r"venden|aceptan|admiten|"
    # Spain's "vosotros" and "tú": "¿Tenéis clases online?", "¿Tienes...?"
    # ("dais" has no accent to end as the others do: "¿Dais clases de salsa?")
    r"ten[eé]is(?! que)|tienes(?! que)|ofrec[eé]is|ofreces|dais|dispon[eé]is de|cont[aá]is con|"
    r"alquil[aá]is|vend[eé]is|acept[aá]is|admit[ií]s|"
    r"(?:se puede|se pueden|puedo|podemos) (?:alquilar|comprar|pedir|reservar|traer|llevar|"
    r"entrar con)|se permiten?|(?:está|están) permitid[oa]s?|"
    r"(?:apakah )?ada(?:kah)?|"
    r"(?:apakah )?(?:kalian |kamu |anda )?(?:jual|menjual|terima(?! kasih)|menerima|melayani|"
    r"menyediakan|menyewakan)|"
    r"apakah (?:[\w-]+ ){1,2}(?:punya|memiliki|menyediakan|melayani|menjual|"
    r"menyewakan|menerima)|"
    r"(?:apakah bisa|bisakah|bolehkah) (?:meminjam|menyewa|membeli|memesan)|"
    r"(?:apakah )?(?:boleh|bolehkah) (?:saya )?(?:membawa|bawa))\s+"
    r"(?:(?:a|an|any|some|my|our|un|una|unos|unas|algún|alguna|algunos|algunas|el|la|los|las|"
    r"mi|mis|nuestro|nuestra|nuestros|nuestras)\s+)?",
    re.IGNORECASE,
)

# "Can you [sharpen] a chainsaw chain?" asks whether the service is done, as "do you"
# does, of the thing its last word names: "Can you cut a house key?" asks for keys,
# which a page cutting keys answers ("house", the kind, is the page's to leave out).
# Not asked to tell, help, come or do as such.
_ASKS_DONE = re.compile(
    r"can (?:you|they) (?!(?:be|do|know|think|tell|give|help|send|recommend|explain|let|"
    r"show|confirm|advise|call|ring|phone|email|text|come|get|make|take|see|say|check|"
    r"book|charge|open|close|start|finish|remember|keep|hold)\b)[a-z]+\s+"
    r"(?:(?:a|an|any|some|my|our)\s+)?",
    re.IGNORECASE,
)


def has_digit(word: str) -> bool:
    """Whether the text has a digit anywhere."""
    return any(c.isdigit() for c in word)


# Words asking for a limit of what follows ("Is there a [minimum] age?"): pages state a
# limit in numbers ("aged 16 and over", "paling sedikit 3 kilo"), so they are not things
# a page must name.
LIMIT_WORDS = frozenset(
    "minimum maximum min max limit limits mínimo mínima máximo máxima límite minimal "
    "maksimal maksimum batas".split()
)
# ... nor the number a limit is of, beside it: "Is there a minimum [number] of
# guests?", "¿Hay un [número] máximo de personas?" ask the limit, which "a minimum of 50
# guests" gives.
COUNTED = frozenset("number numbers amount quantity número numero cantidad jumlah".split())
# Whom a service is done for, between the verb and the thing ("Do you give [us]
# aprons?"): not a thing either. (Not stopwords: "US" is a country in SQuAD.)
RECEIVERS = frozenset("us him her them te mereka".split())
# ... nor a participle saying what the thing is made of or by: "socks [made] from
# alpaca wool", "pan [hecho] con espelta", "sepatu [buatan] lokal".
MADE = frozenset("made built grown hecho hecha hechos hechas dibuat buatan".split())
# ... nor a word standing for any thing: "Do we pay [anything] when booking?", "¿Hay
# [algo] para comer?"
INDEFINITES = frozenset("anything something everything nothing algo nada sesuatu".split())
# ... nor how much of it, which a page says by its size or not at all: "una [sola]
# clase" of "clases individuales", "a [whole] cake", "el reportaje [entero]", "[just]
# one hour". Not "full" nor
# "single", "completa": kinds too ("full board" against "half board", "single rooms").
WHOLES = frozenset(
    "whole entire just only sola solo sólo única único utuh entero entera enteros enteras "
    # (all of it: "Biayanya berapa semuanya?" of "Biaya kursus Rp1.200.000")
    "semua semuanya seluruhnya keseluruhan keseluruhannya".split()
)
# ... nor when it is wanted, before or after something else: "Bisa coba dirias [dulu]
# [sebelum] hari H?" asks for the trying, which a page offers without these words.
ORDER_WORDS = frozenset(
    "before after first beforehand afterwards antes después primero "
    "dulu duluan sebelum sesudah setelah".split()
)
# ... nor a price paid first, which the page names by what it is for: "ada biaya [awal]
# berapa?" of "Pendaftaran Rp100.000", "the [upfront] fee" (set FA, 2026-12-07)
PAID_FIRST = frozenset("awal upfront".split())
# Abroad is where to, not a thing: "Do you send records abroad?" of "We ship records
# worldwide".
ABROAD = frozenset("abroad overseas internationally".split())
# ... nor an Indonesian period a price is asked by: "Iurannya [sebulan] berapa?"
ONE_PERIOD = frozenset("sejam sehari seminggu sebulan setahun".split())
# ... nor "other", of a thing named beside it: "Bisa ganti mainan [lain]?"
OTHERS = frozenset("other others otro otra otros otras lain lainnya".split())
# ... nor the cheapest of what is priced: "¿Cuánto cuesta la [más] [barata]?"
# of "desde 120 euros" (set ES, 2026-12-06), nor a cheaper one: "Is there a [cheaper]
# membership for students?" of "£15 a year, or £5 for students" (set FA, 2026-12-07):
# the prices say which is cheaper. Not "lebih murah": "Bisa sewa seminggu lebih murah?"
# asks for a weekly price that pages of daily prices do not give (set CZ), and "lebih"
# is "more than" too ("revisi desain lebih dari dua kali", set DT).
CHEAPEST = frozenset(
    "cheapest cheaper cheap más mas barato barata baratos baratas termurah".split()
)
NOT_THINGS = (
    CHEAPEST
    | LIMIT_WORDS
    | RECEIVERS
    | MADE
    | INDEFINITES
    | WHOLES
    | ORDER_WORDS
    | PAID_FIRST
    | ABROAD
    | ONE_PERIOD
    | OTHERS
)
# A verb's particle is no thing done to: "out" of "Do you come out to villages?"; nor is
# "rid" of "get rid of" ("Do you get rid of the old tyres?" asks whether they take them).
PARTICLES = frozenset("out over round around up down back along off away rid".split())


@dataclass(frozen=True)
class Evidence:
    """What the decision sees of one question against its retrieved passages."""

    best: float  # the best sentence's cosine to the question
    gap: float  # ... above the mean cosine of every sentence retrieved with it
    lead: float  # ... above the best sentence of the other passages
    relative: float  # ... above the question's background in the scope
    dense_relative: float  # the best passage's cosine above that background
    coverage: float  # share of the question's key terms in the best sentence's passage
    sentence_coverage: float  # ... in the best sentence, with its heading
    missing: float  # how many of its key terms no retrieved passage holds (at most 4)
    absent: float  # ... of its long words (five letters or more: the things it names)
    names: float  # share of its names and numbers in the best sentence's passage (1.0: none)
    same_language: bool  # key terms can be matched (else only the cosines count)
    # how much closer the best sentence is to the question with one of its long words
    # that no passage holds left out (`absent_words`; 0 when none is, or it is farther)
    unsupported: float = 0.0
    language: str = ""  # the question's, as guessed: its threshold may be its own
    # passages in the question's language were retrieved beside passages in another (each
    # read against its own language's level): each weights' mixed threshold decides
    mixed: bool = False
    # the scope holds passages in the question's language and in others, but those read
    # are of one kind: each weights' mixed-scope threshold decides
    mixed_scope: bool = False
    # the scope holds fewer passages than the search's background depth (and enough to
    # measure a background): a knowledge base of a few documents, where one-language
    # readings have weights of their own
    few_passages: bool = False
    # ... or four passages or fewer (no background): weights of their own again
    tiny_scope: bool = False
    # codes the question names that no passage holds (`codes_in`): not a weight, a veto
    absent_codes: int = 0
    # names it uses (`proper_names`) that no passage in scope holds, retrieved or not,
    # and without which the question comes closer to the best sentence (the answerer
    # measures that): in one language, a veto too ("Can customers pay with PayPal?" of
    # a help centre that names cards and transfers)
    unheld_names: int = 0
    # what a question asking whether something is there names (`asked_things`) that no
    # passage in scope holds, and without which the question comes closer to the best
    # sentence beyond the noise ("Apakah ada kantin?" of a library's opening hours): a
    # veto in one language too
    unheld_things: int = 0

    @property
    def small_scope(self) -> str | None:
        """Which kind of small scope it was read in (its flag's name), if any."""
        return "few_passages" if self.few_passages else "tiny_scope" if self.tiny_scope else None

    def values(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items() if k not in _FLAGS}


# What the evidence says besides the combiner's inputs.
_FLAGS = frozenset(
    ("language", "mixed", "mixed_scope", "few_passages", "tiny_scope")
    + ("absent_codes", "unheld_names", "unheld_things")
)


def key_terms(text: str, language: str | None = None, *, min_length: int = 0) -> set[str]:
    """Stemmed words without stopwords (of at least `min_length` letters); unspaced
    scripts as overlapping character pairs."""
    terms: set[str] = set()
    language = language or guess(text)[0]
    stopwords = stopwords_of(language)
    words = _WORD.findall(_lowered(text, language))
    if language == "en":
        words = [part for word in words for part in _verb_and_particle(word, stopwords)]
    for word in words:
        if word in stopwords or len(word) < min_length:
            continue
        stem = stem_of(word, language)
        if language == "id" and nya_host(word) in stopwords:
            continue  # as the host alone would be ("lesnya": "les" is a Spanish one)
        runs = _UNSPACED.findall(stem)
        if not runs:
            if len(stem) > 1 or stem.isdigit():  # a lone letter is a cut-off stem
                terms.add(stem)
            continue
        for run in runs:
            terms.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return terms


# An English noun made of a verb and its particle, which askers write as the verb
# ("What happens if it breaks down?" of "a breakdown call-out within 24 hours", "When do
# we check out?" of "Checkout is at 10am"): read as the two words. Only of these verbs:
# "group", "discover" and "devout" end so too.
_PARTICLE_VERBS = (
    "back black blow break build burn catch check clean count cross cut drop face fill "
    "follow hand hang hold kick knock lay lift line lock log look make mark match melt mix "
    "pay pick play print push roll run sell send set shut sign slow spin splash stand "
    "start stop take tip top touch turn walk warm wash work write".split()
)
_PARTICLE_NOUN = re.compile(rf"({'|'.join(_PARTICLE_VERBS)})(down|up|out|off|over)s?")


def _verb_and_particle(word: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    """`word` as its verb and particle when it is one such noun, else itself."""
    found = _PARTICLE_NOUN.fullmatch(word)
    if found is None or word in stopwords or found[1] in stopwords:
        return (word,)
    return found[1], found[2]


# A Turkish name's case ending after an apostrophe ("Luther'in", "Parlamentosu'nu").
_TURKISH_ENDING = re.compile(r"(?<=[^\W\d_])['’][^\W\d_]+")


# Arabic's short vowels, doubling and lengthening marks, which a writer adds or not
# ("منتِج", "مكرَّسة"): inside a word they parted it in two.
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def _lowered(text: str, language: str) -> str:
    """The text in lower case; in Turkish without names' endings, and "İlkel" as
    "ilkel" (Python lowers "İ" to "i" and a combining dot); in Arabic without its marks
    of vowels."""
    if language == "ar":
        return _ARABIC_MARKS.sub("", text).lower()
    if language != "tr":
        return text.lower()
    return _TURKISH_ENDING.sub("", text).lower().replace("\u0307", "")


@lru_cache(maxsize=64)
def stopwords_of(language: str) -> frozenset[str]:
    """The words that carry no topic in `language`: the hand-written ones, the asker's
    own, quantities, and for the LISTED_STOPWORDS languages the package's single words
    (no numbers: they answer)."""
    own = STOPWORDS | ASKERS_WORDS | CLITICS | QUANTIFIERS | LATER_WORDS | SPOKEN_PARTICLES
    own |= POINTERS | set(_ASKING_WORDS.get(language, "").split())
    if language not in LISTED_STOPWORDS:
        return own
    listed = get_stop_words(language)
    if language == "tr":
        listed = [w.translate(_TURKISH_LETTERS) for w in listed]
    return own | {w for w in listed if " " not in w and not has_digit(w)}


@lru_cache(maxsize=65536)  # the same words come back turn after turn (passages, questions)
def stem_of(word: str, language: str) -> str:
    """The word's stem by its language's stemmer (itself where there is none)."""
    if language == "id":
        word = _measure_noun(word)  # "sebotol" (one bottle) as "botol"
    if unit := _UNITS.get(word):
        return unit
    word = _SAME_WORD.get(word, word)
    if language == "es" and _ACCENTED_EN_PLURAL.fullmatch(word):
        word = word[:-2]  # "exámenes" as "exámen", which Snowball stems "exam" as "examen"
    if language == "id" and _NOUN_OF_K_ROOT.fullmatch(word):
        word = word[:-5]  # "cetakannya" as "cetak", not "ceta"
    if language == "tr":
        # Its first five letters: Snowball's Turkish stemmer cuts too deep and unevenly
        # ("insanlar" to "in", "septisemi" to "septise" but "septisemiye" to
        # "septisemi"), and a word's first five letters are its root often enough that
        # Turkish search has long used them. On the fit half they answered more, and
        # declined as many off-topic and more near-topic questions, than the stemmer
        # (four letters: more answered, fewer declined; six: the reverse). A root of
        # four letters keeps a letter of its ending ("müzenin" as "müzen", "müzesi" as
        # "müzes"): the price of the rule.
        return word[:TURKISH_ROOT]
    stem = stemmer(language)
    if stem is None:
        return word
    if language == "id" and (root := _bare_root(word, stem)):
        return root[:ROOT_LETTERS]
    if language == "id" and _SPOKEN_NASAL.match(word):
        word = "me" + word  # "ngaji" as "mengaji"
    elif language == "id" and _SPOKEN_T_NASAL.match(word):
        word = "t" + word[1:]  # "nambah" as "tambah"
    stemmed = stem.stemWord(word)
    if language == "id" and _T_NASAL.match(word) and word[3:].startswith(stemmed):
        stemmed = "t" + stemmed  # "menambah" as "tambah", not "ambah"
    elif language == "id" and word.startswith(("meng", "peng")) and "k" + stemmed in _K_ROOTS:
        stemmed = "k" + stemmed  # "pengiriman" as "kirim", not "irim"
    elif (
        language == "id" and word.startswith(_ONE_SYLLABLE_PREFIXES) and _E_ROOT.fullmatch(stemmed)
    ):
        stemmed = stemmed[1:]  # "pengecekan" as "cek", not "ecek"
    if language == "id" and word.startswith("per") and "r" + stemmed in _PE_R_ROOTS:
        stemmed = "r" + stemmed  # "perias" (who does the "rias") as "rias", not "ias"
    if language == "id":
        stemmed = _spoken_indonesian(stemmed, word, stem)
        stemmed = _SAME_ROOT.get(stemmed, stemmed)
    elif language == "es":
        stemmed = _SPANISH_DIPHTHONG.sub(_plain_vowel, stemmed, count=1)
        if _LOANWORD_PLURAL.fullmatch(stemmed):
            stemmed = stemmed[:-1]  # "kits" as "kit": Snowball keeps a loanword's "s"
    return stemmed[:ROOT_LETTERS]


def _bare_root(word: str, stem: Any) -> str | None:
    """The root of an Indonesian verb whose one affix is "-kan" or speech's "-in", on a
    root beginning as a prefix does, when the root is whole to Snowball: "bersihkan",
    "bersihin" as "bersih", "berikan" as "beri", "terangkan" as "terang", "kecilin" as
    "kecil". Snowball reads the root's "ber", "be", "ter", "ke" or "per" as a prefix once
    the suffix makes the word long enough, leaving "sihkan", "ikan" (the fish), "angkan"."""
    if not word.startswith(_PREFIX_LIKE):
        return None
    root = word.removesuffix("kan")
    if root == word and _SPOKEN_IN.fullmatch(word):
        root = word[:-2]
    if root == word or len(root) < 4 or len(_VOWEL.findall(root)) < 2:
        return None
    return root if stem.stemWord(root) == root else None


def _spoken_indonesian(stemmed: str, word: str, stem: Any) -> str:
    """Snowball's Indonesian stem, mended where the word keeps an affix: a "-nya" on a
    short host, speech's "-in", the nasal of a root of p, "di-" on a root of one
    syllable. `stem`: the stemmer, `word`: what it was given."""
    if host := nya_host(stemmed):
        stemmed = stem.stemWord(host)
    if _SPOKEN_IN.fullmatch(stemmed):
        stemmed = stemmed[:-2]  # "balikin" as "balik", "tinggalin" as "tinggal"
    if stemmed.startswith("m") and "p" + stemmed[1:] in _P_ROOTS:
        return "p" + stemmed[1:]  # "masang" (spoken "memasang") as "pasang"
    if stemmed == word and _DI_ONE_SYLLABLE.fullmatch(word):
        return word[2:]  # "dicek" as "cek", which Snowball leaves whole
    return stemmed


# A unit in its symbol or its name, in any language, is one term: "Harga pandan wangi 5
# kilo berapa?" of "Beras pandan wangi 5 kg dijual Rp78.000".
_UNITS = {
    word: unit
    for unit, words in {
        "kg": "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes kilogramo kilogramos",
        "km": "km kms kilometre kilometres kilometer kilometers kilómetro kilómetros "
        "kilometro kilometros",
        "cm": "cm cms centimetre centimetres centimeter centimeters centímetro centímetros "
        "centimetro centimetros senti",
        "ml": "ml mililitre mililitres millilitre millilitres milliliter milliliters "
        "mililitro mililitros",
    }.items()
    for word in words.split()
}


# Indonesian's measure words, counted one with "se-" ("sebotol", "sekilo", "sepotong"),
# which Snowball leaves on them: "Sebotol susu segar harganya berapa?" of "Rp25.000 per
# botol". (Not periods: "sebulan", "sehari" are read as periods where prices are.)
_MEASURE_NOUNS = frozenset(
    "botol kilo potong bungkus kotak pasang lembar piring gelas cangkir mangkuk porsi ekor "
    "biji batang paket liter meter dus karung ikat sisir".split()
)


def _measure_noun(word: str) -> str:
    """An Indonesian measure word bare: "sebotol" (one bottle) and "sekilonya" (a kilo of
    it: "Sekilonya berapa?" of "Rp6.000 per kilo") as "botol", "kilo"; "kilonya" as
    "kilo", a unit, which Snowball would leave a word apart from the page's "per kilo"."""
    bare = word.removesuffix("nya")
    if bare.startswith("se") and bare[2:] in _MEASURE_NOUNS:
        return bare[2:]
    return bare if bare != word and (bare in _MEASURE_NOUNS or bare in _UNITS) else word


# Spoken Indonesian's "-in" for "-kan" and "-i" ("balikin", "ninggalin", "pasangin"):
# after four letters or more ending in a consonant. A word of its own cut so ("dingin"
# as "ding") is cut alike in the question and the page, so it still meets itself.
_SPOKEN_IN = re.compile(r"\w{3,}[^aeiou\W]in")
_VOWEL = re.compile(r"[aeiou]")
# How roots that Snowball takes for prefixed words begin ("bersih", "beri", "terang",
# "kecil", "perlu"); "pe" alone is left out: "pemimpin", "pengantin" are prefixed.
_PREFIX_LIKE = ("be", "te", "ke", "per")
# Roots in p that lose it under "meN-" ("pasang": "memasang"), which speech drops, keeping
# the nasal: "Masangnya berapa hari?" of "Pemasangan ... selesai dalam satu hari".
_P_ROOTS = frozenset(
    "pasang pakai potong pilih pinjam pijat pijit periksa pindah pukul pesan pantau pompa".split()
)
# A noun of "-an" on a root ending in "k", with "-nya" ("cetakannya", "masakannya",
# "gerakannya"): Snowball takes the "k" with the "-an" as a verb's "-kan" ("ceta"), so
# "Cetakannya jadi kapan?" shared no term with "Hasil cetak jadi 5 hari kerja". A verb
# of "-kan" seldom takes "-nya" bare; one with a verb's prefix is left to Snowball.
_NOUN_OF_K_ROOT = re.compile(r"(?!(?:me|di|ter|ber|per|ke)\w)\w{3,}[aeiou]kannya")
# "di-" before a root of one syllable, which Snowball leaves on it ("dicek", "dicat").
_DI_ONE_SYLLABLE = re.compile(r"di[^aeiou\W][aeiou][^aeiou\W]")
# Roots in r that take "pe-" for the one who does them ("perias", "perawat", "perenang"),
# which the stemmer reads as "per-" and cuts to "ias", "awat", "enang"; with "per-...-an"
# their nouns are theirs too ("perumahan", "perasaan", "peresmian").
_PE_R_ROOTS = frozenset(
    "rias rawat renang rokok rajin ramal rekam rumah rasa resmi racik rakit rangkai rantau "
    "ramu rintis rusak rampok".split()
)
# Words that say the same, as one term: "Bayarnya sebelum atau sesudah dibetulkan?" of
# "Pembayaran ... setelah mesin dicoba"; a noun and its verb that Snowball leaves apart:
# "Is there a weight limit?" of "Riders must ... weigh no more than 14 stone".
_SAME_WORD = {
    # (circumcision, in its everyday word and its formal one: "Sunat laser biayanya
    # berapa?" of "Khitan metode laser Rp900.000")
    "sunat": "khitan",
    "sunatan": "khitanan",
    "disunat": "dikhitan",
    "menyunat": "mengkhitan",
    "sunatnya": "khitannya",
    # ("pesanan", an order, which Snowball reads as "pe-" on "sanan")
    "pesanan": "pesan",
    # (spoken Indonesian's words for the written ones: "Harga itu udah sama pasangnya?"
    # of "sudah termasuk pemasangan", "Kalau telat balikin kena berapa?" of
    # "Keterlambatan pengembalian", "Bisa pantau dari handphone?" of "dilihat dari HP")
    "udah": "sudah",
    "dah": "sudah",
    "telat": "lambat",
    "terlambat": "lambat",
    "keterlambatan": "lambat",
    # (to give back, which Snowball cuts to "mbali", "embali" or "kembali" by its affixes:
    # "Kalau telat balikin gimana?" of "Keterlambatan pengembalian dikenai denda")
    **dict.fromkeys(
        "kembali kembalinya kembalikan dikembalikan mengembalikan pengembalian "
        "pengembaliannya balikin balikinnya dibalikin ngembaliin".split(),
        "balik",
    ),
    # (to rent, as spoken: "Perlu jaminan apa buat nyewa?" of "Penyewa wajib ...")
    **dict.fromkeys("nyewa nyewain nyewanya".split(), "sewa"),
    "handphone": "hp",
    "ponsel": "hp",
    "sesudah": "setelah",
    "sesudahnya": "setelahnya",
    "sehabis": "setelah",
    "weight": "weigh",
    "weights": "weigh",
    # (wood for a fire, as the asker and the page say it: "Do we have to buy our own
    # firewood?" of "costs £320, logs included")
    "firewood": "logs",
    # (a plug, which is mains power: "Does it need plugging in?" of "No electricity is
    # needed", "¿Hay que enchufarla?", "Perlu colokan?" of "tanpa listrik")
    **dict.fromkeys("plug plugs plugged plugging".split(), "electricity"),
    **dict.fromkeys("enchufe enchufes enchufar enchufarla enchufarlo".split(), "electricidad"),
    **dict.fromkeys("colokan colokannya".split(), "listrik"),
    # (to send, in Spain's two verbs: "¿Me la mandáis a Madrid?" of "No hacemos envíos")
    **dict.fromkeys("mandar mandáis mandais mandan mandamos mandarla mandarlo".split(), "enviar"),
    # (a size compared, which is the size: "How big is the smaller screen?" of "Our small
    # screen is 12 feet wide")
    "smaller": "small",
    "larger": "large",
    "bigger": "big",
    # (insured, and the insurance: "¿Estamos asegurados?" of "El seguro de accidentes
    # está incluido")
    **dict.fromkeys("asegurado asegurada asegurados aseguradas".split(), "seguro"),
    # (men and women, in the everyday words and a school's: "Kelas laki-laki dan
    # perempuan campur?" of "Kelas untuk peserta putra dan putri dipisah")
    **dict.fromkeys("laki lelaki pria cowok".split(), "putra"),
    **dict.fromkeys("perempuan wanita cewek".split(), "putri"),
    # (a promise to mend, in its two words: "How long is the warranty?" of "Every
    # service comes with a two year guarantee")
    "warranty": "guarantee",
    "warranties": "guarantee",
    # (Indonesian's borrowed "tes" and its own "uji": "Airnya pernah dites?" of "Air kami
    # diuji di laboratorium")
    "tes": "uji",
    "dites": "diuji",
    "pengetesan": "pengujian",
    # (a school's pupils, in the asker's word and the page's: "Murid per kelas paling
    # banyak berapa?" of "maksimal 8 siswa per kelas")
    "murid": "siswa",
    "muridnya": "siswanya",
    # (the internet, as a way of doing a thing: "¿Se puede hacer online?" of "en directo
    # por internet")
    "online": "internet",
    # (fuel, in its everyday word and the formal initials: "Bensinnya ditanggung siapa?"
    # of "Harga belum termasuk BBM")
    "bbm": "bensin",
    # (the cost of sending, shortened as it is spoken: "Ongkirnya berapa?" of "Ongkos
    # kirim gratis")
    "ongkir": "ongkos",
    "ongkirnya": "ongkosnya",
    # (a bumper, in Spain's two words: "¿Cuánto sale pintar el parachoques?" of "Pintar
    # un paragolpes cuesta desde 180 euros")
    "parachoques": "paragolpes",
    # (coeliac, as the asker says it, of what the page serves without gluten: "Soy
    # celíaco, ¿puedo comer algo?" of "platos sin gluten")
    **dict.fromkeys(
        "celíaco celíaca celíacos celíacas celiaco celiaca celiacos celiacas celiaquía "
        "celiaquia coeliac coeliacs celiac celiacs".split(),
        "gluten",
    ),
    # (allergic, and an allergy, which Snowball stems apart: "Soy alérgico a las gambas"
    # of "Avísanos si tienes alguna alergia")
    **dict.fromkeys("alérgico alérgica alérgicos alérgicas alergico alergica".split(), "alergia"),
    "allergic": "allergy",
    # (rain, the verb and the noun: "¿Qué pasa si llueve?" of "Si hay lluvia...")
    "llueve": "lluvia",
    "llover": "lluvia",
    "lloviendo": "lluvia",
    # (... and a light or a heavy rain by its word: "Do you still go if it's drizzling?"
    # of "Walks go ahead in light rain")
    **dict.fromkeys(
        "drizzle drizzles drizzled drizzling drizzly downpour downpours".split(), "rain"
    ),
    **dict.fromkeys("llovizna lloviznando llovizne".split(), "lluvia"),
    "gerimis": "hujan",
    # (a number in words is the number: "¿Cuánto cuesta para cuatro?" of "90 euros para 4
    # a 6 personas"; not "one", "uno", "una", "satu", "once": a pronoun, an article, a
    # time in English)
    **{
        word: str(n)
        for n, words in enumerate(
            [
                # (and Indonesian's "so many together", "berdua", whose stem is "dua")
                "two dos dua berdua",
                "three tres tiga bertiga",
                "four cuatro empat berempat",
                "five cinco lima berlima",
                "six seis enam berenam",
                "seven siete tujuh",
                "eight ocho delapan",
                "nine nueve sembilan",
                "ten diez sepuluh",
                "eleven",
                "twelve doce",
            ],
            start=2,
        )
        for word in words.split()
    },
    # (learning, which is the teaching a page offers: "¿Qué tipos de caligrafía se
    # aprenden?" of "Enseñamos caligrafía inglesa, gótica e itálica")
    **dict.fromkeys(
        "aprender aprendo aprende aprendes aprendemos aprendéis aprendeis aprenden "
        "aprenderé aprenderá aprenderán aprendería".split(),
        "enseñar",
    ),
    **dict.fromkeys("learn learns learned learnt learning".split(), "teach"),
    # (an egg as spoken: "Ada martabak telor?" of "Martabak telur ayam")
    "telor": "telur",
    # (weather, the adjective and the noun: "What if it is windy?" of "Castles cannot be
    # used in winds over 24 mph")
    "windy": "wind",
    "rainy": "rain",
    "snowy": "snow",
    "stormy": "storm",
    "icy": "ice",
    "foggy": "fog",
}


# Indonesian roots that say the same, read as one once their affixes are gone: "Bisa
# ganti mainan lain?" of "bisa tukar mainan", "gantinya" as "diganti" as "tukar";
# "daring" and "luring" (dalam/luar jaringan) are the written words for online (read as
# "internet", as `_SAME_WORD` reads "online"), offline.
# "Order" is the loanword for "pesan" ("Minimal order berapa?" of "Minimal pesanan").
_SAME_ROOT = {
    "ganti": "tukar", "tuker": "tukar", "daring": "internet", "luring": "offline",
    "order": "pesan",
    # (to come, and to attend: "Kalau saya nggak bisa datang, gimana?" of "Jika
    # berhalangan hadir, pertemuan bisa diganti")
    "hadir": "datang",
}  # fmt: skip
# A root of "k" loses it under "meng-" and "peng-" ("kirim": "mengirim", "pengiriman"),
# which Snowball leaves without it ("irim"); before a vowel the prefix is "meng-" for a
# root of that vowel too ("mengambil"), so only the common roots of "k" are read so:
# "Bisa kirim ke Makassar?" shared no term with "Pengiriman ke seluruh Indonesia".
_K_ROOTS = frozenset(
    "kirim kenal kumpul kurang kunjung kejar kupas kemas kembang kelola keluar kerja "
    "kecil kosong konfirmasi koreksi kontrol konsumsi kuasa kuat kunci kukus kasih kata "
    "kabar karang kuras ketik kering kocok".split()
)


# Spoken Indonesian drops a verb's "me-" before its nasal: "ngaji", "ngajar", "ngantar"
# are "mengaji", "mengajar", "mengantar", which Snowball takes to their roots ("aji").
# "Ngajinya hari apa?" shared no term with "Les mengaji ... diadakan Senin".
_SPOKEN_NASAL = re.compile(r"ng[aeiou]\w{2}")
# A root of "t" loses it under "meN-" and "peN-" ("tambah": "menambah", "penambahan"),
# which Snowball leaves without it ("ambah") while "tambahan" keeps it: "Berapa biaya
# penambahan kamera?" shared no term with "Setiap tambahan kamera Rp500.000". Before a
# vowel the prefix is "meng-" for any other root, so "men-" and "pen-" there are a
# lost "t"'s; speech drops the prefix and keeps the nasal ("nambah", "nutup", "nonton").
_T_NASAL = re.compile(r"[mp]en[aeiou]")
_SPOKEN_T_NASAL = re.compile(r"n[aeiou]\w{2}")
# A root of one syllable takes "menge-"/"penge-" ("cek": "mengecek", "pengecekan"), whose
# "e" Snowball leaves on it ("ecek"): "Cek pompa bayar berapa?" missed "Biaya pengecekan".
_ONE_SYLLABLE_PREFIXES = ("menge", "penge")
_E_ROOT = re.compile(r"e[^aeiou][aeiou][^aeiou]")


# Words of one root whose stems still differ past its first letters are the same term:
# "fisioterapeuta" and "fisioterapia" (Snowball: "fisioterapeut", "fisioterapi"),
# "administrador" and "administración". Nine letters in common hardly ever join two
# roots ("understand" and "understate" part at the ninth).
ROOT_LETTERS = 9


# A Spanish verb's root changes its vowel where it is stressed ("probar", "prueba";
# "cerrar", "cierra"; "perder", "pierdo"), and Snowball keeps both stems: "¿Puedo probar
# una clase?" shared no term with "El primer día de prueba es gratis". The root's first
# "ue" is read as "o" and its "ie" as "e" (not the "ue" of "que", "gue").
_SPANISH_DIPHTHONG = re.compile(r"(?<![qg])ue|ie")


# A Spanish plural in "s" after a consonant is a loanword's ("kits", "clubs", "tests"),
# whose "s" Snowball keeps: "¿Cuánto vale un kit?" missed "Vendemos kits".
_LOANWORD_PLURAL = re.compile(r"\w{2,}[^aeiouáéíóúü\W\d]s")


# A Spanish noun in "-en" takes an accent in its plural ("examen", "exámenes"; "imagen",
# "imágenes"), and Snowball cuts the two apart ("exam", "examen"): "¿Se hacen exámenes
# de práctica?" held nothing of "un simulacro de examen" (set EF). Its singular with the
# accent left on stems as without it: Snowball's Spanish takes accents off last.
_ACCENTED_EN_PLURAL = re.compile(r"\w*[áéíóú]\w*enes")


def _plain_vowel(found: re.Match[str]) -> str:
    return "o" if found.group() == "ue" else "e"


def nya_host(word: str) -> str | None:
    """The Indonesian word a "-nya" is on when Snowball leaves it there: on words of two
    syllables ("jamnya", "kosnya": the hour's, the room's), so "Kosnya ada AC?" missed
    "kos". Not on shorter hosts: "hanya", "punya", "tanya" are words of their own."""
    return word[:-3] if word.endswith("nya") and len(word) >= 3 + NYA_HOST else None


def unspaced(word: str) -> bool:
    """Whether the word is of a script written without spaces (a run, not a word)."""
    return _UNSPACED.search(word) is not None


def words_of(text: str) -> list[str]:
    """The text's words as written, with their combining marks."""
    return _WORD.findall(text)


def names_in(question: str) -> set[str]:
    """Its names and numbers, sentence by sentence: a sentence's first word is
    capitalised anyway, after any opening mark ("¿Cuántos", "«Dónde")."""
    found = set()
    for sentence in SENTENCE_BREAK.split(question.strip()):
        opened = _OPENING.sub("", sentence)
        found |= {m.group(0).strip(".,:/-").lower() for m in _NAME.finditer(opened)}
    return found - {""}


def proper_names(question: str, language: str | None = None) -> list[tuple[str, ...]]:
    """The names the question uses: runs of words it capitalises inside a sentence,
    without digits ("PayPal", "program Magister", "Peyton Manning", "Варшавы"), each a
    tuple of its words lower-cased, in order. A possessive or a Turkish case ending after
    an apostrophe is left out ("Ankara'da" is "ankara"), and a hyphenated word gives its
    capitalised parts. Acronyms are not names here ("IPK" for "indeks prestasi
    kumulatif"), nor days and months. None in a sentence written in capitals or title
    case, nor in a language that capitalises every noun."""
    language = language or guess(question)[0]
    if language in _CAPITALISED_NOUNS:
        return []
    stopwords = stopwords_of(language)
    found: list[tuple[str, ...]] = []
    for asked in SENTENCE_BREAK.split(question.strip()):
        sentence = _OPENING.sub("", asked)
        words = list(_NAMED_WORD.finditer(sentence))[1:]
        capitalised = [w for w in words if w.group(0)[0].isupper()]
        if len(capitalised) >= 3 and len(capitalised) * 2 > len(words):
            continue  # "How Do I Cancel My Plan?": capitals of style, not names
        runs: list[list[str]] = []
        after = -1  # where the last capitalised word ended
        for match in capitalised:
            word = match.group(0)
            if has_digit(word) or word.isupper():
                after = -1  # a code (`codes_in`), a number, or an acronym a text may spell out
                continue
            if after < 0 or sentence[after : match.start()].strip():
                runs.append([])
            after = match.end()
            for part in re.split(r"['’]", word)[0].split("-"):
                lowered = part.lower()
                if (
                    len(part) >= PROPER_NAME_MIN
                    and part[0].isupper()
                    and lowered not in stopwords
                    and lowered not in CALENDAR_WORDS
                ):
                    runs[-1].append(lowered)
        found += [name for run in runs if (name := tuple(dict.fromkeys(run))) and name not in found]
    return found


# The capitalised words after a preposition: the place it names ("New York", "Las Palmas").
_CAPITALISED_WORDS = r"\s+((?:[A-ZÀ-ÖØ-Þ][\w'’-]*\s*)+)"
# Where a question asks to go: the capitalised words after "to", "ke", "a"... ("Bisa
# kirim ke Bogor?", "Do you deliver to New York?"), or where the asker is ("Kalau saya
# di Bandung bisa dikirim?", "I'm in Leeds, do you deliver?").
_DESTINATION = re.compile(
    r"(?<![^\W_])(?:to|into|ke|sampai|hingga|a|hasta|"
    r"(?:I'?m|I am|[Ww]e'?re|[Ww]e are|I live|[Ww]e live) in|"
    r"(?:[Vv]ivo|[Vv]ivimos|[Ee]stoy|[Ee]stamos) en|(?:[Ss]aya|[Kk]ami|[Aa]ku)(?: tinggal)? di|"
    r"[Tt]inggal di)" + _CAPITALISED_WORDS
)
# A sentence on going anywhere, everywhere in a country: it answers alike for every place,
# wherever it ranks ("a toda la península" answers "¿Hacéis envíos a Zaragoza?"; the
# peninsula's islands are `asked_delivering.island_left_out`'s to decline) ...
_EVERY_PLACE = re.compile(
    r"(?<![^\W_])(?:anywhere|worldwide|nationwide|toda españa|todo el país|"
    r"toda la pen[ií]nsula|cualquier (?:lugar|parte|destino|ciudad)|resto de españa|"
    r"seluruh indonesia|ke mana saja|ke mana pun)(?![^\W_])",
    re.IGNORECASE,
)
# ... or beyond the page's own area: it answers for a place it cannot name ("Di luar Kota
# Malang dikenakan ongkos kirim Rp50.000"), which the asker must place ("Bisa kirim ke
# Bali?" of "dikirim ke luar kota lewat travel" is no answer wherever it ranks)
_ELSEWHERE = re.compile(
    r"(?<![^\W_])(?:out of (?:town|the area)|outside (?:the |our |this |that )?"
    r"(?:area|city|town|county|region|radius)|elsewhere|"
    r"further afield|other (?:cities|towns|countries|regions)|"
    r"fuera de (?:la |nuestra |esa |esta )?(?:ciudad|provincia|zona|isla|área|región)|"
    r"otras (?:ciudades|provincias|zonas)|"
    r"luar (?:kota|daerah|wilayah|area|pulau|provinsi|jangkauan)|"
    r"kota lain|antarkota|antar kota)(?![^\W_])",
    re.IGNORECASE,
)


# Where a text places what it says: the capitalised words after "in", "at", "to", "en",
# "a", "di", "ke" ("moved to Gospić", "está en Málaga", "cabang di Bandung"), or across
# the whole of it ("ke seluruh Jawa", "a toda Galicia", "throughout Wales": an area that
# is named is all the sentence answers for, not Bali).
_PLACED = re.compile(
    r"(?<![^\W_])(?:in|at|to|en|a|di|ke|across|throughout)"
    r"(?:\s+(?:all of|the whole of|seluruh|toda|todo))?" + _CAPITALISED_WORDS
)
# The kinds of area a place is named with ("daerah Ungaran", "la comarca de ...").
AREA_KINDS = frozenset(
    "daerah wilayah kota kabupaten kecamatan area zona provincia comarca".split()
)
_AREA_KINDS = rf"(?i:{'|'.join(sorted(AREA_KINDS))})"
# ... and the kinds of natural place a name opens with ("Gunung Gede", "Mount Snowdon",
# "Playa de la Concha"): a page naming "Gunung Papandayan" holds the kind, not the place.
NATURAL_PLACE_KINDS = frozenset(
    "gunung bukit puncak danau pantai pulau sungai curug kawah mount mt lake loch river "
    "island isle monte sierra pico cerro lago playa isla río rio".split()
)
# ... or the places it serves: "Melayani Salatiga?", "Do you cover Frome?", "Do you come
# out to Bath?", "Kami melayani daerah Semarang".
_SERVED = re.compile(
    r"(?<![^\W_])(?i:melayani|layani|menjangkau|jangkau|cover|serve|cubr[ií]s|cubren|"
    r"come out to|travel to|ven[ií]s a|lleg[aá]is a)"
    rf"(?:\s+{_AREA_KINDS})?" + _CAPITALISED_WORDS
)


def places_named(text: str) -> set[str]:
    """The words, lower-cased, of the places `text` puts what it says in or serves (a
    possessive or a Turkish case ending after an apostrophe left out)."""
    return _place_words(_PLACED, text) | places_served(text)


def places_served(text: str) -> set[str]:
    """The words, lower-cased, of the places `text` says are served."""
    return _place_words(_SERVED, text)


def _place_words(pattern: re.Pattern[str], text: str) -> set[str]:
    return {
        re.split(r"['’]", word)[0].lower()
        for m in pattern.finditer(text)
        for word in m.group(1).split()
    }


def destinations(question: str) -> set[str]:
    """The words, lower-cased, of the places the question asks to go to."""
    return {w.lower() for m in _DESTINATION.finditer(question) for w in m.group(1).split()}


# ... or beyond a place it names ("Outside Leicestershire we charge 45p a mile"), or
# within a distance, which answers for every place (the asker knows how far they are):
# "Delivery is free within 15 miles of Cheltenham", "hasta 25 km".
_BEYOND_NAMED = re.compile(
    r"(?<![^\W_])(?:[Oo]utside|[Bb]eyond|[Ff]uera de|[Dd]i luar|[Ll]uar)\s+[A-ZÀ-ÖØ-Þ]"
)
_HOW_MANY = (
    r"\d+(?:[.,]\d+)?|a few|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|un|una|dos|tres|cuatro|cinco|seis|siete|"
    r"ocho|nueve|diez|quince|veinte|treinta|cuarenta|cincuenta|cien|satu|dua|tiga|empat|"
    r"lima|enam|tujuh|delapan|sembilan|sepuluh"
)
_WITHIN_DISTANCE = re.compile(
    r"(?<![^\W_])(?:(?:within (?:a )?|up to |hasta (?:los )?|(?:dalam )?radius |"
    rf"radio de |maksimal |sampai )(?:{_HOW_MANY})[\s-]*(?:miles?|mi|km|kilomet\w+)|"
    rf"(?:{_HOW_MANY})[\s-]*(?:miles?|km)[\s-]+radius|"
    rf"(?:{_HOW_MANY})\s*km a la redonda)(?![^\W_])",
    re.IGNORECASE,
)


def within_distance(sentence: str) -> bool:
    """Whether the sentence serves within a distance ("within 15 miles of Settle")."""
    return _WITHIN_DISTANCE.search(sentence) is not None


# ... or on sending nowhere, which answers for every place: "No hacemos envíos: la bici
# se recoge en tienda" of "¿Me la mandáis a Madrid?" (set ES, 2026-12-06)
_SENDING_NOWHERE = re.compile(
    r"(?<![^\W_])(?:no (?:hacemos|realizamos) env[ií]os|no enviamos|we (?:do not|don['’]t) "
    r"(?:deliver|post|ship)|collection only|tidak (?:melayani|menerima|bisa) "
    r"(?:pengiriman|kirim))(?![^\W_])",
    re.IGNORECASE,
)


_FOR_EVERY_PLACE = (_EVERY_PLACE, _SENDING_NOWHERE)


def speaks_of_elsewhere(sentence: str) -> bool:
    return any(
        p.search(sentence) is not None
        for p in (*_FOR_EVERY_PLACE, _ELSEWHERE, _BEYOND_NAMED, _WITHIN_DISTANCE)
    )


def answers_for_every_place(sentence: str) -> bool:
    """Whether the sentence sends everywhere in a country, or nowhere: it answers alike
    for every place, wherever it ranks (not "out of town", a distance or a named town's
    outside)."""
    return any(p.search(sentence) is not None for p in _FOR_EVERY_PLACE)


# A list of things: three or more, of a word or two each, joined by commas and a last
# "and" ("guitarras, bajos y ukeleles", "keripik apel, keripik tempe, dan dodol apel").
_LIST = re.compile(
    r"[^\W\d_]+(?: [^\W\d_]+)?, [^\W\d_]+(?: [^\W\d_]+)?(?:, [^\W\d_]+(?: [^\W\d_]+)?)*,? "
    r"(?:and|or|y|e|o|u|dan|atau|serta) [^\W\d_]+",
    re.IGNORECASE,
)


def lists_things(sentence: str) -> bool:
    """Whether the sentence lists things (three or more, the last after "and")."""
    return _LIST.search(sentence) is not None


# Whether they do a thing to something, asked by its verb ("Do you tune guitars?",
# "¿Afináis guitarras?", "¿Podéis restaurar un arcón?", "Bisa servis kulkas?"): a
# sentence doing that deed names what they do it to ("Afinamos pianos verticales y de
# cola", "Recomendamos afinar el piano"), as a list names its things. Not the verbs of
# any service (do, make, offer, have; hacer, dar, tener; bikin, ada): those say nothing
# of what is done.
_DEED_ASKED = re.compile(
    r"^[\W_]*(?:(?:do|can|could|will|would) (?:you|they)(?: also| still)? ([a-z]+)|"
    r"(?:pod[eé]is|puedes|sab[eé]is)(?: también)? ([a-záéíóúñ]+(?:ar|er|ir))|"
    r"(?:tambi[eé]n )?([a-záéíóúñ]+(?:[aá]is|[eé]is|ís))|"
    r"(?:apakah |apa )?(?:bisa|bisakah|melayani|menerima|terima)(?: juga)? ([a-z]+))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# (English and Indonesian verbs as asked, in their base form; Spanish ones as stems, as
# they are asked conjugated, with the forms that stem otherwise: "dais", "abris", "vais")
_ANY_DEED = frozenset(
    "do have make get take offer provide sell buy rent hire lend accept open run work need "
    "know help go come see use give let allow charge serve deliver send post ship bring be "
    "pay book stay find tell pick call answer "
    "hac hacer ten tener dar d ofrec vend compr alquil acept admit abr trabaj ir ven ser "
    "est pod cobr quer necesit sab envi mand llev tra atend cub pag reserv dais abris vais "
    "sois estais cubr pon poner "
    "bikin buat ada beli jual sewa kirim antar bayar pakai datang ke di pesan dapat".split()
)


def does_the_deed(question: str, sentence: str, language: str) -> bool:
    """Whether the question asks whether they do a deed by its own verb (not one of any
    service's) and the sentence holds that verb in any of its forms."""
    asked = _DEED_ASKED.match(question)
    verb = asked and next((v for v in asked.groups() if v), None)
    if not verb:
        return False
    stem = stem_of(verb.lower(), language)
    if verb.lower() in _ANY_DEED or stem in _ANY_DEED or len(stem) < 3:
        return False
    return any(stem_of(word.lower(), language) == stem for word in words_of(sentence))


def asked_things(question: str, language: str | None = None) -> list[str]:
    """What a question asking whether something is there, offered or may be brought asks
    about: the words after its asking ones, up to the first function word or mark,
    lower-cased ("student", "discount" of "Is there a student discount on memberships?";
    "dog" of "Can I bring my dog...?", "dogs" of "Are dogs allowed?"); of one asking a
    price, the words of what it prices but the function words ("yearly", "membership" of
    "How much does a yearly membership cost?"); of one asking whether a service is done,
    the last word of what it is done to ("chain" of "Can you sharpen a chainsaw
    chain?"). None for other questions, whose words
    may be paraphrased in the answer ("bayar" for a page that writes "biaya"); a thing is
    not, when the page never names it, and a price is of what the question names."""
    return list(_asked_things(question, language)[0])


def asked_kinds(question: str, language: str | None = None) -> list[str]:
    """Of `asked_things`, the words naming which of a kind is asked, after "para" or
    "con" ("autismo" of "¿Atendéis a niños con autismo?")."""
    return list(_asked_things(question, language)[1])


_POSSESSOR = re.compile(r"[^\W\d_]+['’]s(?![^\W_])\s*")
_POSSESSIVE_S = re.compile(r"(?<=[^\W\d_])['’]s(?=\s+[^\W\d_])")


@lru_cache(maxsize=1024)
def _asked_things(question: str, language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    language = language or guess(question)[0]
    stopwords = stopwords_of(language)
    things: list[str] = []
    kinds: list[str] = []
    for asked in SENTENCE_BREAK.split(question.strip()):
        sentence = _AREA_OF_NAME.sub("", _AGED.sub(" ", _OPENING.sub("", asked)))
        sentence = _AT_NIGHT.sub(r"\1", sentence)
        opening = _ASKS_EXISTENCE.match(sentence)
        if opening is not None:
            # (a possessive names which of the thing: "a children's [menu]" asks the menu)
            rest = _POSSESSIVE_S.sub("", sentence[opening.end() :])
            rest = re.split(r"[^\w\s'’-]", rest)[0]
            done = list(itertools.dropwhile(lambda w: w in PARTICLES, _WORD.findall(rest.lower())))
            words = list(itertools.takewhile(lambda w: w not in stopwords, done))
            # (not what it is made of: "pan hecho con [masa] madre")
            if language == "es" and not MADE.intersection(words[-1:]):
                following = done[len(words) :]
                kind = _compound_noun(following, stopwords)
                # whom it is for or what it comes with restricts the thing ("pienso
                # para [conejos]"); "de" names it, as pages do by its head alone
                # ("fugas" of "fugas de agua", "cabeceros" of "cabeceros de cama")
                if following[:1] in (["para"], ["con"]):
                    kinds += [w for w in kind if w not in NOT_THINGS and not has_digit(w)]
                words += kind
            # ... as a word beside the noun does: after it in Indonesian ("menu
            # [vegetarian]"), before it in English ("a [vegetarian] menu")
            # (not whom or what for: "tenda [buat] 4 orang", nor when: "aki bekas
            # [sekalian]")
            elif language in ("id", "en") and len(words) > 1:
                beside = (
                    list(itertools.takewhile(lambda w: w not in _FOR_WHAT, words[1:]))
                    if language == "id"
                    else words[:-1]
                )
                kinds += [w for w in beside if w not in NOT_THINGS and not has_digit(w)]
        elif done := _ASKS_DONE.match(sentence):
            # (whose thing it is is no part of it: "my grandmother's old [machine]")
            rest = _POSSESSOR.sub("", sentence[done.end() :])
            rest = re.split(r"[^\w\s'’-]", rest)[0]
            phrase = itertools.takewhile(lambda w: w not in stopwords, _WORD.findall(rest.lower()))
            words = list(phrase)[-1:]
        elif allowed := _ASKS_ALLOWED.match(sentence):
            words = [w for w in _WORD.findall(allowed["thing"].lower()) if w not in stopwords]
        elif included := _ASKS_INCLUDED_THING.match(sentence.rstrip()):
            # (named after them, it runs to the first function word: "Does the price
            # include [parking] for two cars?")
            before = [included[name] for name in ("en", "es", "id") if included[name]]
            named = _WORD.findall(" ".join(before or included.groups(default="")).lower())
            if not before:
                named = list(itertools.takewhile(lambda w: w not in stopwords, named))
            # (a doing is the page's to name in its own words: "¿Está incluido [lavar] la
            # ropa?" of "El precio incluye ... lavandería")
            if language == "es" and SPANISH_INFINITIVE.fullmatch(named[0] if named else ""):
                named = []
            words = [w for w in named if w not in stopwords and w not in _PRICE_NOUNS]
        elif asks_price(sentence):
            words = [
                w
                for w in _WORD.findall(priced_part(sentence).lower())
                if w not in stopwords and w not in _PRICE_NOUNS
            ]
        else:
            continue
        for at, word in enumerate(words):
            if word in COUNTED and LIMIT_WORDS.intersection(words[max(at - 1, 0) : at + 2]):
                continue
            # A number, in figures or words, sizes the thing ("a [six]-foot tree" of
            # "trees from 4 to 7 feet").
            # ... nor is a price's name: "Is there a [charge] if the flight is
            # cancelled?" asks whether one pays, which "at no cost" answers.
            if (
                word not in NOT_THINGS
                and word not in things
                and not has_digit(word)
                and word not in NUMBER_WORDS
                and word not in _PRICE_NOUNS
            ):
                things.append(word)
    return tuple(things), tuple(kinds)


# An age is whom one brings, not a thing ("Can I bring my [16-year-old] son?").
_AGED = re.compile(r"(?<![^\W_])\d+[\s-]*(?:years?|yrs?|months?|weeks?)[\s-]*olds?(?![^\W_])")
# ... nor is the time of night one is asked to come at ("Bisa dipanggil [tengah malam]?",
# "Can you come out [at night]?"): the hours answer it. Not a thing done at night
# ("mancing malam hari", "kelas malam"), which is its kind.
_AT_NIGHT = re.compile(
    r"(?<![^\W_])(dipanggil|dihubungi|datang|out|come|call|venir|ven[ií]s|llamar|llamaros)"
    r"\s+(?:tengah malam|malam hari|malam-malam|at midnight|at night|in the night|"
    r"de madrugada|de noche|por la noche|a medianoche)(?![^\W_])",
    re.IGNORECASE,
)
# ... nor is the kind of area a named place is ("Melayani [daerah] Ungaran?"), or the one
# asked ("Melayani [daerah] mana saja?"): the place is the name the pages must hold, and a
# page names the places it serves, not their kind.
_AREA_OF_NAME = re.compile(rf"(?<![^\W_]){_AREA_KINDS}\s+(?=[A-ZÀ-ÖØ-Þ]|(?i:mana)(?![^\W_]))")
# Indonesian words after a thing saying whom or what it is for, or when: "buat", "bagi",
# "sekalian".
_FOR_WHAT = frozenset("buat bagi untuk sekalian sekaligus".split())
# What a price is called is no thing priced: "How much are the fees?" of "Membership is
# £30 a term".
_PRICE_NOUNS = frozenset(
    "fee fees price prices cost costs charge charges rate rates precio precios coste costes "
    "costo costos tarifa tarifas cuota cuotas harga harganya biaya biayanya tarif tarifnya "
    "ongkos ongkosnya iuran iurannya".split()
)


# A Spanish thing is often two nouns joined by "de", "para" or "con" ("pistas de tenis",
# "clases para niños"): the second names which of the kind is asked, as an English first
# noun does ("tennis courts"). Not a verb: "lesiones de [correr]" are running injuries, which a page
# calls "lesiones deportivas".
_COMPOUND_JOINS = frozenset({"de", "del", "para", "con"})
_ARTICLES = frozenset({"el", "la", "los", "las"})
# A Spanish infinitive, with the pronouns it may carry ("quitar[lo]", "enviár[se][lo]").
SPANISH_INFINITIVE = re.compile(
    r"[^\W\d_]{3,}(?:ar|er|ir|ár|ér|ír)(?:me|te|se|nos|os|lo|la|los|las|le|les){0,2}",
    re.IGNORECASE,
)
# A verb of "vosotros" ("hagáis", "tenéis"): no noun of Spanish ends so.
SPANISH_VOSOTROS = re.compile(r"[^\W\d_]{2,}[áé]is", re.IGNORECASE)


def _compound_noun(rest: list[str], stopwords: frozenset[str]) -> list[str]:
    """The noun after "de"/"para" (and an article) that `rest` begins with, if any."""
    if not rest or rest[0] not in _COMPOUND_JOINS:
        return []
    after = list(itertools.dropwhile(lambda w: w in _ARTICLES, rest[1:]))
    if not after or after[0] in stopwords or SPANISH_INFINITIVE.fullmatch(after[0]):
        return []
    return after[:1]


# ... or whether something is allowed (or welcome, or OK), named before the asking word
# ("Are [dogs] allowed?", "Are [prams] OK on the bus?", "Apakah [kucing] diperbolehkan?").
_ASKS_ALLOWED = re.compile(
    r"(?:(?:are|is) (?:the |a |an |any |my |our )?|apakah )(?P<thing>[\w'’ -]+?) "
    r"(?:allowed|permitted|welcome|ok|okay|boleh dibawa|diperbolehkan|diizinkan|dibolehkan)"
    r"(?![^\W_])",
    re.IGNORECASE,
)

# ... or whether something is included, named before or after the asking words ("Is
# [breakfast] included?", "¿Va incluido [el seguro]?", "Apakah harga sudah termasuk
# [bensin]?", "[Bensin] sudah termasuk?"): a page that never names it does not say so.
_ASKS_INCLUDED_THING = re.compile(
    r"^(?:(?:is|are) (?:the |a |an |any |my |our |your )?(?P<en>[\w'’ -]+?) (?:also )?included|"
    r"does (?:it|the price|the cost|the fee|that|this) include (?:the |a |an |any )?"
    r"(?P<en_after>[\w'’ -]+)|"
    r"(?:(?:el|la|los|las) )?(?P<es>[\w -]+?) (?:va|van|est[aá]n?|viene|vienen) incluid[oa]s?|"
    r"(?:va|van|est[aá]n?|viene|vienen) incluid[oa]s? (?:en el precio )?(?:el |la |los |las )?"
    r"(?P<es_after>[\w -]+)|"
    r"(?:apakah )?(?:harga(?:nya)? |biaya(?:nya)? )?(?:sudah |udah )?termasuk "
    r"(?P<id_after>[\w -]+)|"
    r"(?:apakah )?(?P<id>[\w-]+(?: [\w-]+)?) (?:sudah |udah )?termasuk(?=\W*$))",
    re.IGNORECASE,
)

# What a price question prices: "how much does [a yearly membership] cost", "the price of
# [oil]", "¿cuánto cuesta [una semana de alquiler]?", "berapa harga [kamar keluarga]?".
# Not what surrounds it ("how much did it cost to [build the stadium]", "the [highest]
# price of"), which the page may say in other words.
_PRICED_SUBJECT = re.compile(
    r"(?:how much (?:does|do|did|will|would|is|are|was|were)|"
    r"what (?:does|do|did|will|would|should|could|might)) (?P<thing>[^?!.,;:]+?) cost",
    re.IGNORECASE,
)
_ENGLISH_PRICE = re.compile(r"(?:costs?|prices?|priced|fees?)", re.IGNORECASE)
# The action priced, not the thing: "cuesta [alquilar] una bici", "does [renting] a bike
# cost": a page says "rent" or "hire" as it likes.
_PRICED_ACTION = re.compile(r"^\s*[^\W\d_]+ing(?![^\W_])", re.IGNORECASE)
_INFINITIVE = re.compile(r"^\s*[^\W\d_]+(?:ar|er|ir|ír|re)(?![^\W_])", re.IGNORECASE)
_PRICE_VERBS = {
    "cuesta",
    "cuestan",
    "cuestas",
    "cobra",
    "cobran",
    "cobráis",
    "cobrais",
    "cobras",
    "cobrar",
    "custa",
    "custam",
    "coûte",
    "coûtent",
    "kostet",
}


def priced_part(sentence: str) -> str:
    """The words of what a price question prices ("a yearly membership"); a price asked
    for one person (`PER_HEAD`) or by the kilo or litre (`PER_UNIT`) prices nothing by
    it."""
    return PER_UNIT.sub(" ", PER_HEAD.sub(" ", _priced_part(sentence)))


def _priced_part(sentence: str) -> str:
    if found := _HOW_MUCH_IS.search(sentence):
        return sentence[found.end() :]
    worth = _WHAT_IT_IS_WORTH.search(sentence)
    if worth is None and (found := _PRICED_SUBJECT.search(sentence)):
        return _PRICED_ACTION.sub(" ", found["thing"])
    asked = worth or _ASKS_PRICE.search(sentence)
    if asked is None:
        return ""
    if asked.group().lower().endswith("nya"):  # "[Dodol apel] harganya berapa?"
        named = re.split(r"[?!.,;:¿¡]", sentence[: asked.start()])[-1]
        if named.strip():
            return named
    after = re.split(r"[?!.,;:¿¡]", sentence[asked.end() :])[0]  # up to the clause's end
    if _ENGLISH_PRICE.fullmatch(asked.group()) and not re.match(r"\s+(?:of|for)\s", after):
        return ""  # "cost to build...": the verb's own words
    if asked is worth or asked.group().lower() in _PRICE_VERBS:
        return _INFINITIVE.sub(" ", after)
    return after


# A rate of a period, or theirs ("What's the hourly rate?", "What are your rates?"): a
# price asked; not a rate alone, which SQuAD's "rate of inflation" is.
_RATE_ASKED = r"(?:hourly|daily|nightly|weekly|monthly|your) rates?(?! of)"
# A question asking what something costs, in the languages served first and a few near
# them: "how much does it cost", "¿cuánto cuesta?", "berapa harga/biaya", "precio", "fee".
# Not the words that also mean something else: "charge" (electric, in charge), "Preis"
# (a prize), "tarif" (Turkish: to describe).
_ASKS_PRICE = re.compile(
    r"(?<![^\W_])(?:cost|costs|price|prices|priced|fee|fees|cuesta|cuestan|cuestas|costo|"
    r"costos|coste|costes|precio|precios|tarifa|tarifas|harga|biaya|ongkos|kostet|prix|"
    # ... and Indonesian's, of what is named before it: "Dodol apel harganya berapa?"
    r"harganya|biayanya|ongkosnya|tarifnya|ongkir|ongkirnya|"
    r"coûte|coûtent|preço|preços|custa|custam|"
    # what a place charges, in Spanish: "¿Cuánto cobráis por hacer la renta?"
    r"cobra|cobran|cobr[aá]is|cobras|cobrar|"
    # ... and what sending costs, in Spain's word: "¿Cuánto son los portes?"
    r"portes|"
    # a fee paid by the month or year, and the cheapest price ("¿Cuál es la cuota
    # mensual?", "Berapa iurannya?", "Gaun termurah berapa?")
    r"cuota|cuotas|mensualidad|iuran|iurannya|subscription|dues|cheapest|termurah|"
    rf"paling murah|m[aá]s barat[oa]s?|{_RATE_ASKED}|"
    # ... and what one is charged, as Indonesian is spoken: "Sebulannya kena berapa?"
    r"kena(?= (?:biaya )?berapa))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# The word a price is asked by as a rate, its period read apart ("the cheapest rate").
_RATE = re.compile(r"(?<![^\W_])rates?(?![^\W_])", re.IGNORECASE)
# What a thing comes to, as a price: "What will the bill come to?"
_COMES_TO = r"\bwhat (?:does|do|did|will|would|might)(?: [\w'’-]+){1,8} come to"
# ... and that asks for the amount: "how much", "cuánto", "berapa", or "what is the price";
# what a thing costs, however long its name ("What do the puppy classes cost?", "What
# does a one-to-one lesson with a coach cost?"), and Spain's "¿Qué cuesta ...?".
_ASKS_AMOUNT = re.compile(
    r"how much|cu[aá]nt[oa]s?\b|berapa|quant[oa]s?\b|combien|wie viel|"
    r"\b(?:what|which|cu[aá]l|qu[eé]|apa)\b.{0,20}\b(?:price|cost|fee|precio|costo|coste|"
    rf"tarifa|harga|biaya|prix|preço|cuota|mensualidad|iuran|subscription|dues|{_RATE_ASKED})|"
    r"\bwhat (?:does|do|did|will|would|should|could|might)(?: [\w'’-]+){1,8} cost\b|"
    # ... or comes to: "What do alterations usually come to?"
    rf"{_COMES_TO}\b|"
    r"\bqu[eé] (?:me |nos |te |os |le |les )?(?:cuestan?|costar[ií]an?)\b",
    re.IGNORECASE,
)
# What states a price: an amount with its currency (sign, code or word), or that it is
# free or included, in a word or as pages say it ("no charge", "tidak dipungut biaya",
# "sin cargo"; not "biaya" alone, which also asks).
_STATES_PRICE = re.compile(
    r"[$€£¥₹₽₺]|(?<![\w.,])\d+(?:[.,]\d+)? ?p(?![\w.])|"  # 50p: pence
    r"(?<![^\W_])(?:usd|eur|gbp|idr|mxn|ars|cop|clp|rp)\.? ?\d|"  # Rp200.000, USD 30
    r"(?<![^\W_])(?:usd|eur|gbp|idr|mxn|ars|cop|clp|rp|dollars?|dólar(?:es)?|"
    r"euros?|pounds?|pence|cents?|céntimos?|centavos?|pesos?|rupiah|rupees?|yen|francs?|"
    r"reais|real|soles|free|gratis|gratuit[oa]s?|gratuite?s?|kostenlos|included|"
    r"incluid[oa]s?|termasuk|no cost|sin coste|sin costo|cuma-cuma|no charge|"
    r"free of charge|complimentary|sin cargo|tanpa biaya|bebas biaya|gratuitamente|"
    r"tidak (?:dipungut|dikenakan|dikenai) biaya|tidak berbayar|"
    # ... or a price given on asking: "Repairs are quoted after an inspection"
    r"(?:is|are) quoted|quoted (?:after|on|individually|separately)|on request|"
    r"upon request|a consultar|bajo presupuesto|previo presupuesto|harga menyusul|"
    r"sesuai survei|price on application|seg[uú]n presupuesto|"
    r"(?:harga|biaya|ongkos)(?:nya)? (?:dihitung|ditentukan) (?:setelah|sesuai|dari))(?![^\W_])",
    re.IGNORECASE,
)


# A sentence that names what it prices (or times) only in the sentence before it: a
# pronoun ("It costs...", "They cost..."), a Spanish verb with its subject left out or
# an object pronoun on its infinitive ("Cuesta 40 euros", "Suele estar lista en dos
# días", "Implantarlo cuesta 40 euros"), an Indonesian "-nya" ("Biayanya Rp 50.000").
_REFERS_BACK = re.compile(
    r"^\W*(?:it|they|this|these|each|both|esto|eso|ello|cuesta|cuestan|vale|valen|suele|"
    r"suelen|tarda|tardan|dura|duran)\b|"
    r"(?<![^\W_])[^\W\d_]{2,}(?:ar|er|ir)(?:lo|la|los|las|le|les)(?![^\W_])|"
    r"(?<![^\W_])(?:biaya|harga|tarif|ongkos)nya(?![^\W_])|"
    # ... or opens on tickets or entry, of what the sentence before names: "Brewery tours
    # run on Fridays ... Tickets are £20" prices the tour
    r"^\W*(?:the )?(?:tickets?|entry|admission|entradas?|tiket|karcis)(?![^\W_])",
    re.IGNORECASE,
)


# "How much is a day pass?": a short question of this form asks a price; a longer one
# may ask a quantity ("How much is the sieve method of gas production used?"). So does
# one naming the thing bare ("How much is membership?", "How much are lessons?"), not
# how much of something there is ("How much is left?", "How much is enough?").
_HOW_MUCH_IS = re.compile(
    r"^\W*(?:and |so )?how much (?:is|are) (?:(?:a|an|the|one|your)\b|"
    r"(?!(?:left|enough|too|there|more|less|still|needed|required|known|spent|used|made|"
    r"lost|owed|due|available|remaining|involved|being|in|on|of|at|for|to|by)\b)"
    r"(?=[^\W\d_]))",
    re.I,
)
HOW_MUCH_IS_WORDS = 8
# What a thing sells by, which "¿A cuánto está...?" prices (not how far it is).
SOLD_BY_UNIT = (
    r"(?:el|la|los|las) (?:docena|media docena|kilo|kg|litro|unidad|pieza|caja|bandeja|"
    r"botella|raci[oó]n|entrada|men[uú]|metro|hora)"
)
# "¿Cuánto vale la entrada?"; "vale" alone is "OK" ("Vale, ¿cuántas plazas quedan?").
# ... and what it comes to: "Tengo 10 placas, ¿cuánto me saldría?" (not how often a bus
# leaves: "¿Cada cuánto sale?")
_WHAT_IT_IS_WORTH = re.compile(
    r"(?<![^\W_])cu[aá]nto valen?(?![^\W_])|"
    r"(?<!cada )(?<![^\W_])cu[aá]nto (?:me |nos |te |os |le |les )?(?:sale|salen|saldr[ií]an?)"
    r"(?![^\W_])|"
    # ... or what a unit sells at: "¿A cuánto está la docena?", "¿A cuánto va el kilo?"
    rf"(?<![^\W_])a cu[aá]nto (?:est[aá]n?|va|van|sale|salen) {SOLD_BY_UNIT}(?![^\W_])|"
    # ... and in English, asked last: "What do alterations usually come to?" (not "What
    # did it come to be called?")
    rf"{_COMES_TO}(?=\W*$)",
    re.IGNORECASE,
)


# ... its verb alone, which only asks (`priced`)
_WORTH_VERB = re.compile(r"(?<![^\W_])(?:valen?|salen?|saldr[ií]an?)(?![^\W_])", re.IGNORECASE)


# ... and so does a short one that names the price and what it is of: "Ballpark price for
# a double drive?", "¿Precio de un corte?", "Harga untuk dua orang?"
_PRICE_OF = re.compile(
    r"^\W*(?:(?:a |the |your )?(?:ballpark|rough|approximate|usual|typical) )?"
    r"(?:prices?|costs?|fees?|precios?|costes?|tarifas?|harga|biaya|tarif|ongkos) "
    r"(?:for|of|per|de|del|para|por|untuk|buat)\b",
    re.IGNORECASE,
)


# ... and so does a short Indonesian one asking "how much" of a thing by its "-nya":
# "Pakannya berapa?", "Berapa sewanya?" (the feed's, the rent's), not of what is counted
# or measured ("Umurnya berapa?", "Pesertanya berapa?", "Garansinya berapa?").
_NYA_HOW_MUCH = re.compile(
    r"^\W*(?:(?:kalau|kalo|terus|trus|lalu|nah)\s+)?(?:([^\W\d_]+)\s+)?([^\W\d_]{3,}?)nya\s+"
    r"berapa\W*$|^\W*berapa\s+(?:([^\W\d_]+)\s+)?([^\W\d_]{3,}?)nya\W*$",
    re.IGNORECASE,
)
_COUNTED_OR_MEASURED = frozenset(
    "umur usia ukuran jam lama tinggi berat luas jarak nomor nomer kapasitas hari tanggal "
    "kuota jumlah isi porsi muatan daya suhu kecepatan panjang lebar volume minimal maksimal "
    "durasi waktu menit detik kilo persen diskon potongan nilai skor kelas angkatan ruang "
    "stok pin rekening kode level lantai tahun bulan minggu kali orang peserta anak murid "
    "siswa tamu pengunjung kursi meja unit biji buah ekor lembar sesi pertemuan halaman "
    "batas jatah slot antrian garansi masa tenor cicilan angsuran bunga dp rating ukur "
    "tingkat tahap hasil".split()
)


def _asks_how_much_of(question: str) -> bool:
    # (neither word counted nor measured: "Ukuran kamarnya berapa?", "Berapa lama
    # pemasangannya?" ask a size and a time)
    found = _NYA_HOW_MUCH.search(question)
    return found is not None and not any(
        word.lower() in _COUNTED_OR_MEASURED for word in found.groups() if word
    )


def asks_price(question: str) -> bool:
    """Whether the question asks what something costs (not why a price rose)."""
    if _HOW_MUCH_IS.search(question) and len(question.split()) <= HOW_MUCH_IS_WORDS:
        return True
    if _asks_how_much_of(question):
        return True
    if _PRICE_OF.search(question) and len(question.split()) <= HOW_MUCH_IS_WORDS:
        return True
    if _WHAT_IT_IS_WORTH.search(question):
        return True
    return _ASKS_PRICE.search(question) is not None and _ASKS_AMOUNT.search(question) is not None


def states_price(sentence: str) -> bool:
    """Whether the sentence states a price: an amount with its currency, free, given on
    asking ("quoted after an inspection", "a consultar"), or a share paid ahead ("A
    deposit of 25% secures the booking", "uang muka 30 persen")."""
    return _STATES_PRICE.search(sentence) is not None or gives_share_paid_ahead(sentence)


def gives_share_paid_ahead(sentence: str) -> bool:
    """Whether the sentence gives a share of a price paid ahead ("uang muka 30 persen")."""
    return _SHARE.search(sentence) is not None and _PAID_AHEAD.search(sentence) is not None


# ... words asking a share or what one must pay, which name no thing priced: "DP berapa
# persen?", "Berapa DP yang harus dibayar?"
_ASKS_SHARE_OR_DUTY = re.compile(
    r"(?<![^\W_])(?:persen|percent|porcentaje|harus|mesti|wajib|hay que)(?![^\W_])", re.IGNORECASE
)


# The words of what is paid ahead, which a question asks by and a page gives a share of.
_AHEAD = (
    r"deposit|down payment|uang muka|dp|panjar|señal|fianza|dep[oó]sito|anticipo|"
    r"adelant(?:o|as|a|amos|[aá]is|ar)|upfront|up front|in advance|di ?muka|"
    # ... or by what it holds: "How much to secure our date?", "¿Cuánto para reservar la
    # fecha?", "Buat ngunci tanggal bayar berapa?"
    r"to (?:secure|hold|reserve|confirm) (?:the|our|my|your|a) (?:date|day|booking|place|slot)|"
    r"para (?:reservar|asegurar|confirmar|apartar) (?:la|el|una|un) (?:fecha|d[ií]a|plaza)|"
    r"(?:buat|untuk) (?:ngunci|mengunci|kunci|booking) tanggal"
)
# What is paid ahead, asked by its own word ("Berapa DP-nya?", "DP berapa persen?",
# "¿Cuánto es la señal?"), which pages often say otherwise ("uang muka", "anticipo").
PAID_AHEAD_ASKED = re.compile(rf"(?<![^\W_])(?:{_AHEAD})(?:-?nya)?(?![^\W_])", re.IGNORECASE)


# A share of a price, and words of paying it or of paying ahead: not "10% off", a
# discount is no price of its own.
_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|por ciento|persen)", re.IGNORECASE)
_PAID_AHEAD = re.compile(
    rf"(?<![^\W_])(?:{_AHEAD}|pay|paid|payable|bayar|dibayar|dibayarkan|paga|pagar|pagas|"
    # ... or of when it is paid: on ordering ("Pedimos un 40 % al encargar")
    r"al encargar|al reservar|al hacer el pedido|on ordering|when you order|when you book|"
    r"saat (?:pesan|memesan|pemesanan))"
    r"(?![^\W_])",
    re.IGNORECASE,
)


# A price asked for one person ("What's the cost for one person?", "¿Cuánto es por
# persona?", "Berapa per orang?", "seorang"): the price a page gives for a place, a ticket
# or a session is it, though no page says "person" (a child's or a group's price is
# asked otherwise, by its own word).
PER_HEAD = re.compile(
    r"(?<![^\W_])(?:(?:per|a|an|each|for (?:one|a|each)|por|para una|cada|untuk|tiap|"
    r"setiap)\s+(?:person|head|persona|cabeza|orang)|per ?orang|seorang)(?![^\W_])",
    re.IGNORECASE,
)


# ... or by a unit of weight, volume or length: "Berapa harga kardus sekilo?" of a page
# pricing "per kilogram".
PER_UNIT = re.compile(
    r"(?<![^\W_])(?:(?:per|a|an|each|por|el|la|cada|tiap|setiap)\s+(?:kilo|kg|kilogram|"
    r"kilogramme|kilogramo|litre|liter|litro|metre|meter|metro)s?|se(?:kilo|kilogram|liter|"
    r"meter)(?:nya)?)(?![^\W_])",
    re.IGNORECASE,
)


_PRICE_HAD = re.compile(r"(?<![^\W_])(?:tiene|tienen|ten[eé]is|tienes)(?![^\W_])", re.IGNORECASE)


def priced(question: str, quoted: list[str], *, before: list[str | None] | None = None) -> bool:
    """Whether a quoted sentence states a price (an amount with its currency, or free)
    beside one of the question's key terms: "Parking is free" for "How much does parking
    cost?"; not the check-up's price for "How much does a root canal cost?", nor the
    oil's quoted beside the compressor's description for "¿Cuánto cuesta el compresor?".
    Sentences alone: under the compressor's heading, every sentence of its manual would
    name it. A question naming nothing but the price ("¿Y cuánto cuesta?") takes any.
    `before`: each quoted sentence's predecessor in its passage (None for a first); a
    sentence referring back to it ("...deben llevar microchip. Implantarlo cuesta 40
    euros.") is read with it."""
    language = guess(question)[0]
    asking = _ASKS_PRICE.findall(question) + _ASKS_AMOUNT.findall(question)
    # (what it is worth asks it too, its verb: "¿Cuánto vale por persona?" of "Cuestan 35
    # euros"; not the unit it is of: "¿A cuánto sale el metro?")
    if _WHAT_IT_IS_WORTH.search(question):
        asking += _WORTH_VERB.findall(question)
    asking += PER_HEAD.findall(question) + _ASKS_SHARE_OR_DUTY.findall(question)
    # (a price asked as a rate names it by that word: "What's the cheapest hourly rate?",
    # its period read apart)
    asking += _RATE.findall(question)
    asking += [word for word in words_of(question) if word.lower() in HEDGES | SHARE_WORDS]
    # (... and Spanish's "have" it is asked with: "¿Qué cuota mensual tenéis?" was priced
    # less its "tenéis", set EF; "¿Qué precio tiene?")
    asking += _PRICE_HAD.findall(question)
    wanted = key_terms(question, language) - key_terms(" ".join(asking), language)
    # (the rent asked alone is the price of what is rented: "Sewanya berapa?" of "Paket
    # isi 4 mainan Rp120.000 per 2 minggu"; not beside a thing: "Sewa gaun berapa?")
    rent = [word for word in words_of(question) if word.lower() in RENT_PRICE_WORDS]
    if wanted and wanted <= key_terms(" ".join(rent), language):
        wanted = set()
    # what is paid ahead, asked by its word ("Berapa DP-nya?", "¿Cuánto hay que
    # adelantar?"): a share paid ahead is it, in the page's word ("Uang muka 50% dibayar
    # saat pesan"), and so is a price of what the page pays ahead ("una señal de 20 €")
    ahead = key_terms(" ".join(PAID_AHEAD_ASKED.findall(question)), language)
    prior = before or [None] * len(quoted)
    return any(
        states_price(text)
        and (
            not (here := wanted - ahead if _gives_paid_ahead(text) else wanted)
            or _shares_term(here, _terms_and_words(_priced_with(text, previous), language))
        )
        for text, previous in zip(quoted, prior, strict=True)
    )


# "Each" of what the sentence before names prices it: "Encuadernamos tesis... Cada
# ejemplar cuesta 25 euros" (read so for prices only: quoted, the sentence stands alone).
_EACH = re.compile(r"^\W*(?:cada|setiap|tiap)(?![^\W_])", re.IGNORECASE)


def _priced_with(text: str, previous: str | None) -> str:
    if previous and _EACH.search(text):
        return f"{previous} {text}"
    return read_with(text, previous)


def _gives_paid_ahead(sentence: str) -> bool:
    return gives_share_paid_ahead(sentence) or PAID_AHEAD_ASKED.search(sentence) is not None


# A key term of this many letters or more that begins a longer one is the same term:
# "member" of "Membership costs £30 a year".
PREFIX_TERM = 5


def _terms_and_words(text: str, language: str) -> set[str]:
    """The text's key terms and its words as written, lower-cased: a stemmer may cut a
    borrowed word where the question's is whole (Indonesian's "membership" to "bership",
    while "member" stays)."""
    return key_terms(text, language) | {word.lower() for word in words_of(text)}


def _shares_term(wanted: set[str], terms: set[str]) -> bool:
    return bool(wanted & terms) or any(
        term.startswith(word) for word in wanted if len(word) >= PREFIX_TERM for term in terms
    )


def refers_back(sentence: str) -> bool:
    """Whether the sentence names what it speaks of only in the one before it."""
    return _REFERS_BACK.search(sentence) is not None


def read_with(text: str, previous: str | None) -> str:
    """The sentence, after the one it refers back to if it does."""
    if previous and refers_back(text):
        return f"{previous} {text}"
    return text


def absent_words(
    question: str, passages: list[str], *, limit: int = 3, shortest: int = LONG_WORD
) -> list[str]:
    """The question's long words (of `shortest` letters or more), as written, that no
    passage holds (by stem), in their order: what it names that the passages may not be
    about. Unspaced scripts have no words to leave out."""
    held = held_terms(passages)
    language = reading_language(question, passages)
    stopwords = stopwords_of(language)
    found: list[str] = []
    for word in _WORD.findall(question):
        lowered = word.lower()
        if lowered in stopwords or len(lowered) < shortest or _UNSPACED.search(lowered):
            continue
        if stem_of(lowered, language) not in held and word not in found:
            found.append(word)
    return found[:limit]


def absent_terms(question: str, passages: list[str]) -> set[str]:
    """Every word of the question, lower-cased, that no passage holds (by stem, in the
    language it is read in), whatever its length (`absent_words`, all of them)."""
    return {w.lower() for w in absent_words(question, passages, limit=len(question), shortest=1)}


# ... save a number's word: a sentence holds figures of every kind (a time, a price), and
# "Can I reserve a table for four?" picked "open ... 8 am to 4 pm" over "bookings for
# groups of eight or more".
_SAME_WORD_NOT_NUMBERS = {word: same for word, same in _SAME_WORD.items() if not same.isdigit()}


@lru_cache(maxsize=4096)  # the same sentences come back turn after turn
def same_words(text: str) -> str:
    """The text with each word `_SAME_WORD` maps to another word written as that one,
    lower case: for the answerer's choice of sentences, which reads the search's tokens,
    not `stem_of` ("Ongkirnya berapa?" picks "Ongkos kirim gratis", not the prices)."""
    return _WORD.sub(lambda word: _SAME_WORD_NOT_NUMBERS.get(word[0].lower(), word[0]), text)


def held_terms(passages: list[str]) -> frozenset[str]:
    """The key terms of all the passages (`terms_of`, each cached)."""
    return frozenset().union(*(terms_of(text) for text in passages))


def reading_language(question: str, passages: list[str]) -> str:
    """The language the question's words are read in (stemmed, stopped) to be looked for
    on the passages: its own as guessed, unless that is none of theirs and reading it in
    one of theirs finds more of its words there. A short
    question's guess is often wrong ("¿Arregláis ukeleles?" as Hungarian, "Bisa cuci
    sofa?" as Italian): its words, cut another way, were missing from a page holding
    them."""
    own = guess(question)[0]
    theirs = {guess(text)[0] for text in passages}
    if own in theirs or not theirs:
        return own
    held = held_terms(passages)

    def found(language: str) -> int:
        return len(key_terms(question, language) & held)

    best = max(sorted(theirs), key=found)
    return best if found(best) > found(own) else own


def own_long_terms(question: str, *, own: frozenset[str]) -> set[str]:
    """The question's key terms of long words (`key_terms`, five letters or more)
    without the words of `own` names: what a follow-up adds of its own ("towels" of
    "What about towels?"; nothing of "And how much does it cost?"). Terms as a
    passage's are (`terms_of`): a Chinese run as its character pairs."""
    kept = " ".join(word for word in _WORD.findall(question.lower()) if word not in own)
    return key_terms(kept, guess(question)[0], min_length=LONG_WORD)


def adds_nothing_held(question: str, passages: list[str], *, own: frozenset[str]) -> bool:
    """Whether the question has long words of its own (`own_long_terms`) and every one
    is missing from every passage: then a follow-up read with the previous question
    ("Apakah ada kantin?" after the opening hours, "Dan fotokopi?") would be answered
    with what answered that one."""
    words = own_long_terms(question, own=own)
    held = held_terms(passages)
    return bool(words) and not (words & held)


def _whole(words: str) -> str:
    """A pattern of `words` not inside a longer word."""
    return rf"(?<![^\W_]){re.escape(words)}(?![^\W_])"


def written_in(words: str, text: str) -> bool:
    """Whether `text` holds `words` as words (not inside longer ones)."""
    return re.search(_whole(words), text) is not None


def left_out(question: str, word: str, *, joined: bool = False) -> str:
    """The question without one word (its first occurrence, in any case), spaces
    mended; with `joined`, without what a hyphen joins to it too ("grown-up": no "-up"
    left to name what is priced)."""
    pattern = _whole(word) + (r"(?:-[^\W_]+)*" if joined else "")
    shorter = re.sub(pattern, "", question, count=1, flags=re.IGNORECASE)
    mended = re.sub(r"\s+([?.,!;:»])", r"\1", " ".join(shorter.split()))
    return re.sub(r"([¿¡«])\s+", r"\1", mended)


def codes_in(question: str) -> set[str]:
    """The codes the question names, written one way (lower case, no hyphen)."""
    return {_CODE_JOIN.sub("", code).lower() for code in _CODE.findall(question)}


def holds_code(text: str, code: str) -> bool:
    # (one of figures first stands after its own word: "ukuran 10R")
    lowered = text.lower()
    return written_in(code, _CODE_JOIN.sub("", lowered)) or written_in(code, lowered)


def evidence(
    question: str,
    sentence_scores: np.ndarray,
    sentence_passages: np.ndarray,
    sentences: list[str],
    passages: list[str],
    *,
    places: set[str] | None = None,
    best_dense: float | None = None,
    background: float | None = None,
    same_language: bool = True,
    comparable: np.ndarray | None = None,
    mixed: bool = False,
    mixed_scope: bool = False,
    few_passages: bool = False,
    tiny_scope: bool = False,
) -> Evidence:
    """`sentence_scores`: the question's cosine to each sentence retrieved (with its
    heading), `sentence_passages` the passage each is from; `passages`: the retrieved
    texts (with their titles and sections); `best_dense` and `background` as the search
    measured them (retrieval.BACKGROUND_FROM), None when it did not. `comparable`: the
    sentences read the same way as the best one (in its language or not), which alone
    its gap and lead are measured against (default: all). `places`: the words of the
    places the question asks to go to that the best sentence answers for (it speaks of
    going anywhere beyond the page's own area), held. `unsupported` and `unheld_names`
    are the answerer's to measure (it holds the encoder)."""
    top = int(sentence_scores.argmax())
    best = float(sentence_scores[top])
    if comparable is None:
        comparable = np.ones(len(sentence_scores), dtype=bool)
    gap = best - float(sentence_scores[comparable].mean())
    others = sentence_scores[(sentence_passages != sentence_passages[top]) & comparable]
    lead = best - float(others.max()) if len(others) else gap
    floor = background if background is not None else float(sentence_scores[comparable].mean())
    dense = best_dense if best_dense is not None else best
    language = guess(question)[0]
    # its words as the passages' language reads them, where the guess is none of theirs
    reading = reading_language(question, passages)
    wanted = key_terms(question, reading)
    long_words = key_terms(question, reading, min_length=LONG_WORD)
    names = names_in(question)
    if places:
        held_there = key_terms(" ".join(places), reading)
        wanted, long_words, names = wanted - held_there, long_words - held_there, names - places
    anywhere: set[str] = set()
    for text in passages:
        anywhere |= (wanted | long_words) & weighed_terms(text)
    # Coverage and names are those of the passage the answer quotes from: terms and names
    # other results hold do not make it about them ("the 1967 referendum" answered with one
    # of 2005 because another result named 1967).
    quoted = passages[int(sentence_passages[top])]
    coverage = len(wanted & weighed_terms(quoted)) / len(wanted) if wanted else 0.0
    named = sum(name in quoted.lower() for name in names) / len(names) if names else 1.0
    in_sentence = len(wanted & weighed_terms(sentences[top])) / len(wanted) if wanted else 0.0
    missing = min(len(wanted - anywhere), 4)
    absent = min(len(long_words - anywhere), 3)
    codes = codes_in(question)
    absent_codes = sum(not any(holds_code(text, code) for text in passages) for code in codes)
    return Evidence(
        best, gap, lead, best - floor, dense - floor, coverage, in_sentence, missing, absent,
        named, same_language, 0.0, language, mixed, mixed_scope and not mixed, few_passages,
        tiny_scope, absent_codes,
    )  # fmt: skip


# A word joined by hyphens, which askers also write as one ("Wi-Fi", "e-mail").
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


@lru_cache(maxsize=4096)  # the same passages come back turn after turn
def terms_of(text: str) -> frozenset[str]:
    """A passage's or sentence's key terms, with each hyphenated word also as one:
    "Apakah ada wifi?" of "tersedia Wi-Fi" was declined, sharing no term."""
    language = guess(text)[0]
    terms = key_terms(text, language)
    compounds = [m.group().replace("-", "") for m in _COMPOUND.finditer(text)]
    if compounds:
        terms |= key_terms(" ".join(compounds), language)
    return frozenset(terms | spoken_terms(text))


@lru_cache(maxsize=4096)
def weighed_terms(text: str) -> frozenset[str]:
    """The terms the decision weighs a passage or sentence by: its own (`terms_of`) and
    those of the kinds of what it names by their kind (`kinds_named`). Not the answerer's
    choice among sentences: "Puppies can come from twelve weeks" is still the one that
    names the puppy, not "Medium dogs are £50"."""
    members = kinds_named(text)
    if not members:
        return terms_of(text)
    return terms_of(text) | frozenset(key_terms(members, guess(text)[0]))


# A page's word for a kind covers the kinds of it an asker names: "Dogs cannot come on the
# farm" answers "Can I bring my spaniel along?", "No se admiten perros" "¿Puedo ir con mi
# cachorro?", and "Se admiten mascotas" "¿Puedo llevar a mi perro?". Read from the page's
# side: a spaniel is a dog, a dog need not be one.
_DOGS = (
    "spaniel spaniels labrador labradors terrier terriers poodle poodles collie collies "
    "retriever retrievers dachshund dachshunds beagle beagles bulldog bulldogs greyhound "
    "greyhounds whippet whippets lurcher lurchers husky huskies pug pugs chihuahua "
    "chihuahuas puppy puppies pup pups perrito perritos perrita perritas cachorro cachorros "
    "caniche caniches galgo galgos podenco podencos chucho chuchos"
)
_KIND_MEMBERS = (
    (frozenset("dog dogs perro perros perra perras anjing".split()), _DOGS),
    (
        frozenset("pet pets mascota mascotas peliharaan".split()),
        "dog dogs perro perros perra perras anjing cat cats kitten kittens gato gatos gata "
        "gatas gatito gatitos kucing " + _DOGS,
    ),
)


@lru_cache(maxsize=4096)
def kinds_named(text: str) -> str:
    """The kinds of the things a text names by their kind's word, as one text ("" when
    it names none)."""
    words = {w.lower() for w in _WORD.findall(text)}
    return " ".join(members for kind, members in _KIND_MEMBERS if words & kind)


@lru_cache(maxsize=4096)
def spoken_terms(text: str) -> frozenset[str]:
    """The stems of an Indonesian text's words as they are spoken (`spoken_forms`); none
    for a text in another language."""
    if guess(text)[0] != "id":
        return frozenset()
    return frozenset(form for word in _WORD.findall(text.lower()) for form in spoken_forms(word))


# Spoken Indonesian writes a page's verbs its own way, and an asker writes as they speak:
# "mancing" for "memancing", "nyuci" for "mencuci", "dikecilin" for "dikecilkan", "anter"
# for "antar". A stemming rule cannot read the question's side ("makan" and "masuk" are
# roots, not "me-" dropped before a "p"), so the page's words are read the spoken way as
# well: a question in either form finds them, and a spoken form no page word has finds
# nothing. ("Boleh mancing di telaga?" shared no term with "memancing di dermaga timur".)
_MEM_VOWEL = re.compile(r"mem[aeiou]\w{2,}")
_MENC = re.compile(r"menc[aeiou]\w+")
_MENY = re.compile(r"meny[aeiou]\w+")
_AR_END = re.compile(r"\w*[^aeiou]ar")


def spoken_forms(word: str) -> set[str]:
    """The stems of the ways an Indonesian page word (lower case) is said: without the
    "me-" before its nasal ("memancing": "mancing"; "mencuci", "menyapu": "nyuci",
    "nyapu"), its "-kan" or "-i" as "-in" ("dikecilkan": "kecilin"), a last "-ar" as
    "-er" ("antar": "anter"); none for other words."""
    stem = stem_of(word, "id")
    spoken: set[str] = set()
    if _MEM_VOWEL.fullmatch(word) or _MENY.fullmatch(word):
        spoken.add(stem_of(word[2:], "id"))
    elif _MENC.fullmatch(word):
        spoken.add(stem_of("ny" + word[4:], "id"))
    # (not stemmed again: a question's "dikecilin" is stemmed to "kecilin", which Snowball
    # would cut to "cilin" alone)
    roots = {stem, stem[:-2] + "er"} if _AR_END.fullmatch(stem) else {stem}
    if word.endswith((stem + "kan", stem + "i")):
        roots |= {root + "in" for root in roots}
    elif word.endswith("in"):
        # a page writing it spoken already ("kecilin pinggang"), which Snowball cuts to
        # "cilin" alone but to "kecilin" under "di-", as the asker writes it
        spoken.add(stem_of("di" + word, "id"))
    return (spoken | {root[:ROOT_LETTERS] for root in roots}) - {stem}


@dataclass(frozen=True)
class Weights:
    names: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float  # probabilities at or above it are answered
    # A stricter threshold of its own for a language whose answerable questions sit
    # higher on the fit half (the cosines of one language's texts sit at their own
    # level); the others, and languages the fit never saw, keep `threshold`.
    by_language: tuple[tuple[str, float], ...] = ()
    # With passages of several languages retrieved (`Evidence.mixed`): chosen on the fit
    # half of bench.answerable's two-language collections (bench/mixed_threshold.py).
    mixed_threshold: float | None = None
    # In such a scope with passages of one kind read (`Evidence.mixed_scope`): a question
    # whose passages are all in another language, though its own is in scope, is more
    # often one the knowledge base does not answer (the same script chooses it).
    mixed_scope_threshold: float | None = None
    # In a scope of few passages (`Evidence.few_passages`, `.tiny_scope`), the passages
    # read of one kind: a question in another language than every page of a small
    # knowledge base (English policies asked in Spanish) has only them to be near, and
    # the threshold fitted on whole collections answered nearly every such question that
    # passed the retrieval gate. One for each kind of small scope, chosen on the fit
    # half's one-page-per-subject scopes (bench.fit_answerability --across).
    small_scope_thresholds: tuple[tuple[str, float], ...] = ()

    def threshold_for(
        self,
        language: str,
        *,
        mixed: bool = False,
        mixed_scope: bool = False,
        small_scope: str | None = None,
    ) -> float:
        if mixed and self.mixed_threshold is not None:
            return self.mixed_threshold
        if mixed_scope and self.mixed_scope_threshold is not None:
            return self.mixed_scope_threshold
        small = dict(self.small_scope_thresholds).get(small_scope) if small_scope else None
        if small is not None:
            return small
        return dict(self.by_language).get(language, self.threshold)

    def probability(self, values: dict[str, float]) -> float:
        pairs = zip(self.names, self.coefficients, strict=True)
        return sigmoid(self.intercept + sum(c * values[name] for name, c in pairs))


def sigmoid(z: float) -> float:
    """Log-odds as a probability (bounded: a far-out evidence value cannot overflow)."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel columns: the feature a node splits on (-1 at a
    leaf), its split (at or below it goes left), its two children, a leaf's value."""

    feature: tuple[int, ...]
    split: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, x: list[float]) -> float:
        node = 0
        while self.feature[node] >= 0:
            below = x[self.feature[node]] <= self.split[node]
            node = self.left[node] if below else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class Trees:
    """Logistic weights and a gradient-boosted sum of small trees over the same evidence,
    their log-odds averaged (bench.fit_answerability --boosted): the trees take what a
    weighted sum cannot (what they gained was mostly in Chinese, whose character pairs
    are covered whatever a question asks), the weights what is additive. In scopes of one
    to four passages of the fit half, out of fold, the blend declined as many near-topic
    questions as the trees alone at the same answerable share, more than the weights,
    and as many questions with a word swapped as the weights (docs/benchmarks.md)."""

    names: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    base: float  # the trees' starting log-odds
    trees: tuple[Tree, ...]
    threshold: float

    @classmethod
    def of(cls, data: dict) -> Trees:
        return cls(
            names=tuple(data["names"]),
            coefficients=tuple(float(c) for c in data["coefficients"]),
            intercept=float(data["intercept"]),
            base=float(data["base"]),
            trees=tuple(
                Tree(**{column.name: tuple(tree[column.name]) for column in fields(Tree)})
                for tree in data["trees"]
            ),
            threshold=float(data["threshold"]),
        )

    def threshold_for(self, language: str, **scope: bool | str | None) -> float:
        """One threshold: it decides one-language readings of one kind of scope only."""
        return self.threshold

    def logit(self, values: dict[str, float]) -> float:
        x = [values[name] for name in self.names]
        weighed = self.intercept + sum(c * v for c, v in zip(self.coefficients, x, strict=True))
        grown = self.base + sum(tree.leaf_value(x) for tree in self.trees)
        return (weighed + grown) / 2

    def probability(self, values: dict[str, float]) -> float:
        return sigmoid(self.logit(values))


@dataclass(frozen=True)
class AlignmentBar:
    """A reading just past its threshold must also have its quote match the question
    token by token (LocalEmbeddings.token_alignment): a question sharing its words and
    its subject with a passage that answers something else passes the lexical features,
    while its own tokens find no match in the quote. Read only that close to the
    threshold, since it costs a forward pass of the question and the quote; chosen on
    the fit half of bench.answerable's collections (bench/alignment_bar.py)."""

    margin_below: float  # log-odds above the threshold within which it is read
    below: float  # an alignment under it declines the reading

    def reads(self, probability: float, threshold: float) -> bool:
        """Whether a reading passes, and by less than the margin."""
        margin = log_odds(probability) - log_odds(threshold)
        return probability >= threshold and margin < self.margin_below


def log_odds(p: float | np.ndarray) -> float | np.ndarray:
    """A probability (or an array of them) as log-odds, 0 and 1 held just inside; a float
    gives a float."""
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


class Decision(NamedTuple):
    probability: float
    threshold: float
    passes: bool
    # the second weights' (`Answerability.second`), when a reading has them
    second_probability: float | None = None
    second_threshold: float | None = None


@dataclass(frozen=True)
class Answerability:
    """The fitted decision, one set of weights for each kind of evidence."""

    lexical: Weights  # question and passages in one language
    dense: Weights  # across languages: the cosines only
    # One-language readings in a scope of 5 to 15 passages, fitted on such scopes (each
    # XQuAD question over one paragraph of each of seven other articles and one of its
    # own: bench.fit_answerability --one-each 7): there the page on the question's
    # subject leads the others whatever is asked of it, so the lead tells less and the
    # best sentence's own cosine more. Readings of mixed passages keep `lexical` and its
    # mixed threshold.
    few_passages: Weights | None = None
    # ... in a scope of one to four passages, fitted on such scopes (one page per subject,
    # --one-each 3) with questions of a page's own subject that ask what it does not hold
    # (an answerable question with one of its words the page holds swapped for one it
    # does not): the case the other weights answer most. A reading of passages in several
    # languages there (a first knowledge base of a page or two in each language) is
    # decided by `lexical` at its mixed threshold, and must also pass these weights at
    # their mixed threshold (`second`), chosen on such scopes (--one-each 3 --mixed).
    tiny_scope: Weights | None = None
    # A one-language reading of one kind there is decided by weights and boosted trees
    # fitted together on the same kind of rows instead (--one-each 3 --swaps --boosted);
    # `tiny_scope` stays the second check of mixed readings, whose threshold was chosen
    # for its probabilities.
    tiny_scope_trees: Trees | None = None
    alignment: AlignmentBar | None = None

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Answerability:
        data = json.loads(path.read_text())
        few, tiny = data.get("few_passages"), data.get("tiny_scope")
        trees = data.get("tiny_scope_trees")
        return cls(
            lexical=Weights(**_tupled(data["lexical"])),
            dense=Weights(**_tupled(data["dense"])),
            few_passages=Weights(**_tupled(few)) if few else None,
            tiny_scope=Weights(**_tupled(tiny)) if tiny else None,
            tiny_scope_trees=Trees.of(trees) if trees else None,
            alignment=(
                AlignmentBar(margin_below=bar["margin_below"], below=bar["below"])
                if (bar := data.get("alignment"))
                else None
            ),
        )

    def weights(self, found: Evidence) -> Weights | Trees:
        if not found.same_language:
            return self.dense
        if found.mixed:
            return self.lexical
        if found.few_passages and self.few_passages is not None:
            return self.few_passages
        if found.tiny_scope and self.tiny_scope_trees is not None:
            return self.tiny_scope_trees
        if found.tiny_scope and self.tiny_scope is not None:
            return self.tiny_scope
        return self.lexical

    def second(self, found: Evidence) -> tuple[Weights, float] | None:
        """Weights a reading must pass too, and their threshold: a reading of passages
        in several languages in a scope of one to four is held to `lexical` at its mixed
        threshold and to the tiny scope's weights at theirs. Either alone answers what
        the other declines: `lexical` questions asking a page what it does not hold, the
        tiny scope's weights a pump's price of its manual."""
        tiny = self.tiny_scope
        if tiny is None or tiny.mixed_threshold is None:
            return None
        if found.same_language and found.mixed and found.tiny_scope:
            return tiny, tiny.mixed_threshold
        return None

    def decide(self, found: Evidence) -> Decision:
        """Its probability against its threshold, and the second weights' if any. A
        code the question names that no passage holds declines it whatever they say; so
        does a name no passage in scope holds, or a thing asked for, when question and
        passage share a language (across languages they may be written another way)."""
        values = found.values()
        probability = self.weights(found).probability(values)
        threshold = self.threshold(found)
        unheld = found.unheld_names or found.unheld_things
        vetoed = found.absent_codes or (unheld and found.same_language)
        passes = probability >= threshold and not vetoed
        second = self.second(found)
        if second is None:
            return Decision(probability, threshold, passes)
        also = second[0].probability(values)
        return Decision(probability, threshold, passes and also >= second[1], also, second[1])

    def alignment_for(self, found: Evidence) -> AlignmentBar | None:
        """The alignment bar a reading is held to, if any: one of a whole collection in
        one language, which `lexical` decides at its own threshold (the readings the bar
        was chosen on). In a knowledge base of a few pages the other weights' margins
        mean something else, and there the bar cost more answerable questions of the
        hand-written sets than it declined wrong ones (docs/benchmarks.md)."""
        one_language = found.same_language and not (found.mixed or found.mixed_scope)
        return self.alignment if one_language and self.weights(found) is self.lexical else None

    def answers(self, found: Evidence) -> bool:
        return self.decide(found).passes

    def threshold(self, found: Evidence) -> float:
        return self.weights(found).threshold_for(
            found.language,
            mixed=found.mixed,
            mixed_scope=found.mixed_scope,
            small_scope=found.small_scope,
        )


def weights_text(weights: dict) -> str:
    """A weights file's text: indented, each tree of `tiny_scope_trees` on a line of its
    own (two hundred of them, indented node by node, would be 15,000 lines)."""
    trees = weights.get("tiny_scope_trees", {}).get("trees")
    if not trees:
        return json.dumps(weights, indent=2) + "\n"
    marks = [f"tree {i}" for i in range(len(trees))]
    shown = {**weights, "tiny_scope_trees": {**weights["tiny_scope_trees"], "trees": marks}}
    text = json.dumps(shown, indent=2)
    for mark, tree in zip(marks, trees, strict=True):
        text = text.replace(json.dumps(mark), json.dumps(tree, separators=(",", ":")), 1)
    return text + "\n"


def _tupled(weights: dict) -> dict:
    return {
        "names": tuple(weights["names"]),
        "coefficients": tuple(float(c) for c in weights["coefficients"]),
        "intercept": float(weights["intercept"]),
        "threshold": float(weights["threshold"]),
        "by_language": tuple(
            (language, float(t)) for language, t in weights.get("by_language", {}).items()
        ),
        "mixed_threshold": weights.get("mixed_threshold"),
        "mixed_scope_threshold": weights.get("mixed_scope_threshold"),
        "small_scope_thresholds": tuple(
            (scope, float(t)) for scope, t in weights.get("small_scope_thresholds", {}).items()
        ),
    }


@lru_cache(maxsize=1)
def shipped() -> Answerability:
    return Answerability.load()
