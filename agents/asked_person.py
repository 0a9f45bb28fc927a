"""Who holds a role: "Who is the head dentist?", "¿Quién es el dueño del taller?",
"Siapa nama lurah Sukamaju?". A page about the clinic, the workshop or the village
office shares the question's words ("dentist", "taller", "Sukamaju") in sentences that
name no one: the opening hours, the address. Quoting them answers nothing; a sentence
naming a person (or what holds the role: a firm, a family) may.

So a question asking who holds a role, in narrow patterns of English, Spanish and
Indonesian, is answered only by a quote sharing a word with it (the role, the place)
and naming someone the question does not: a name after a title ("Dr. Priya Shah", "Ibu
Sri Wahyuni", "Sra. Gil"), or capitalised words that are not the sentence's first word
alone, not the question's own names, not days, months or acronyms, and not an address.
"""

from __future__ import annotations

import re

from agents.answerability import CALENDAR_WORDS, LANGUAGE_NAMES, key_terms
from agents.asked_facts import without_addresses
from knowledge.encoders.languages import guess

# Roles a place's people hold, as pages and askers name them. Not "staff" or "team"
# (answered by a description), not "contact" (answered by a telephone).
_ROLES = (
    r"owner|owners|manager|director|head|boss|founder|chef|teacher|teachers|instructor|"
    r"instructors|coach|trainer|principal|president|ceo|chair|chairman|chairperson|doctor|"
    r"doctors|dentist|vet|landlord|dueño|dueña|dueños|propietario|propietaria|jefe|jefa|"
    r"encargado|encargada|gerente|directora|fundador|fundadora|profesor|profesora|"
    r"profesores|médico|médica|presidente|presidenta|entrenador|entrenadora|monitor|"
    r"monitora|responsable|caretaker|janitor|concierge|receptionist|conserje|portero|"
    r"portera|recepcionista|"
    # ... and a town's or a country's: "Who is the mayor of Alnwick?"
    r"mayor|governor|minister|alcalde|alcaldesa|gobernador|gobernadora|ministro|ministra"
)
_ARTICLE = r"(?:the|your|our|their|el|la|los|las|su|sus|vuestro|vuestra)"
# "Who is the [head] dentist?", "¿Quién es la entrenadora...?", "¿Cómo se llama el
# presidente?" (the role last, or before "of": not "the first Doctor Who serial"); "Who
# owns the gym?", short ("Who owns the rail lines in Victoria?" may be answered
# "government-owned"); "Siapa (nama) pemilik toko?". Not "Who can drive the forklifts?"
# nor "Who do I tell when I'm sick?": a kind of people, a role, answers.
_ASKS_PERSON = re.compile(
    r"^\W*(?:(?:and|so|y|dan) )?(?:"
    r"(?:who(?:'s| is| are)|what(?:'s| is| are) the names? of|qui[eé]n(?:es)? (?:es|son)|"
    rf"c[oó]mo se llaman?) {_ARTICLE} (?:[\w-]+ )?(?:{_ROLES})"
    r"(?=\s*(?:$|[?!.,;]|(?:of|for|at|in|de|del|en)(?![^\W_])))|"
    r"who (?:owns|runs|manages|founded|started) (?:the |this |your )?[\w-]+\W*$|"
    # ... or who first made something: "Who invented the first candle?"
    r"who (?:invented|discovered|wrote|designed|created|composed|painted) (?:[\w'’-]+ ){0,3}"
    r"[\w'’-]+\W*$|qui[eé]n (?:invent[oó]|descubri[oó]|escribi[oó]|dise[ñn][oó]|cre[oó]|"
    r"compuso|pint[oó]) (?:[\w'’-]+ ){0,3}[\w'’-]+\W*$|siapa (?:yang )?(?:menemukan|penemu|"
    r"penulis|pengarang|pencipta|menciptakan|menulis)|"
    r"qui[eé]n (?:dirige|lleva|fund[oó]|regenta|gestiona) (?:el |la |este |esta )?[\w-]+\W*$|"
    r"siapa (?:nama |yang menjadi )?(?:pemilik|pendiri|kepala|pimpinan|pemimpin|ketua|"
    r"direktur|manajer|manager|lurah|camat|guru|dokter|pengajar|instruktur|pelatih|"
    r"penanggung jawab|penjaga|resepsionis|bupati|wali ?kota|gubernur|presiden|menteri)|"
    r"siapa yang (?:memiliki|mengelola|memimpin|mendirikan)"
    r")",
    re.IGNORECASE,
)
# A title before a capitalised name.
_TITLED = re.compile(
    r"(?<![^\W_])(?:mr|mrs|ms|miss|dr|drg|prof|sir|dame|bapak|bpk|ibu|pak|bu|sr|sra|srta|"
    r"don|doña|dña|ir|hj?)\.?\s+[A-ZÀ-ÖØ-Þ]",
    re.IGNORECASE,
)
# The particles names carry ("Laura de la Fuente"), and capitalised words in a row with
# them.
_PARTICLES = ("de", "del", "la", "van", "von", "bin", "binti", "da", "di", "dos", "y")
_CAPITALISED = re.compile(
    r"(?<![\w.])[A-ZÀ-ÖØ-Þ][\w'’-]*"
    rf"(?:\s+(?:(?:{'|'.join(_PARTICLES)})\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]*)*"
)


def asks_person(question: str) -> bool:
    """Whether the question asks who holds a role at the place."""
    return _ASKS_PERSON.search(question) is not None


# Kinds of place a name follows ("Desa Girimulyo", "Kota Malang", "Ciudad Real").
_PLACE_KINDS = frozenset(
    "desa kampung dusun kelurahan kecamatan kabupaten kota provinsi village town city county "
    "pueblo ciudad provincia barrio".split()
)


def names_someone(sentence: str, question: str, *, own: frozenset[str] = frozenset()) -> bool:
    """Whether the sentence names a person or body the question does not name itself,
    and shares a word with the question: "La encargada de recepción es Marta Gil" does
    not say who owns the garage. `own`: the words of the organisation's and assistant's
    names, lower-cased: "La Escuela de Música Allegro ofrece clases de piano" names the
    school, not its piano teacher."""
    language = guess(question)[0]
    asked = key_terms(question, language)
    if not key_terms(sentence, language) & asked:
        return False
    if _TITLED.search(sentence):
        return True
    text = without_addresses(sentence)
    first = len(text) - len(text.lstrip(" \t\n\"'¿¡#*-([“‘"))
    for run in _CAPITALISED.finditer(text):
        words = run.group().split()
        if run.start() <= first and len(words) == 1:
            continue  # any sentence's first word is capitalised
        if key_terms(run.group(), language) & asked:
            continue  # "Toko Buku Sinar" of "Siapa pemilik toko?": the place asked about
        if all(w.lower() in CALENDAR_WORDS or w.isupper() for w in words):
            continue  # "Senin", "WIB", "RW"
        if all(w.lower() in own or w.lower() in _PARTICLES for w in words):
            continue  # the organisation itself
        if all(w.lower().strip(",;") in LANGUAGE_NAMES for w in words):
            continue  # "Inggris, Jepang dan Mandarin": languages taught
        if words[0].lower() in _PLACE_KINDS:
            continue  # "Desa Girimulyo": a place, not who holds a role there
        return True
    return False
