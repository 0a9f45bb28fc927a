"""Whether one may come without having done it before: "Nunca he buceado, ¿puedo
probar?", "I've never sailed, can I still join?", "Belum pernah main, boleh ikut?". A page
answers in a sentence on experience or beginners ("No hace falta experiencia", "Complete
beginners welcome", "de iniciación a avanzado", "Cocok untuk pemula"), which shares no
other word with the question. In set BH's first run (2026-12-02) and before it, five
Spanish questions of this form were declined on sets Z, AX, BD, BE and BG.

The asker names what they have never done ("subido a un velero"): the page's own
activity, in the asker's words. It is no word the page must hold (`without_never_done`).
"""

from __future__ import annotations

import re

# What one has done before, in up to four words: "haber [hecho teatro] antes", "to have
# [done it] before"
_DONE_BEFORE = r"[^\W\d_]+(?: [^\W\d_]+){0,3} (?:antes|before)"
# ... or knows how to do already: "saber [volar] antes", "know how to [sail] already",
# "bisa [berenang] dulu"
_KNOWN_BEFORE = (
    r"(?:saber|know how to|bisa) [^\W\d_]+(?: [^\W\d_]+){0,2} "
    r"(?:antes|ya|before|already|first|dulu|duluan)"
)
_KNOWN = re.compile(rf"(?<![^\W_]){_KNOWN_BEFORE}(?![^\W_])", re.IGNORECASE)
# Never having done it ("Nunca he buceado", "No he cantado nunca", "I've never climbed",
# "Belum pernah main"), a first time ("es mi primera vez", "first-timers"), being a
# beginner ("soy principiante", "masih pemula") ...
_NEVER_DONE = re.compile(
    r"(?<![^\W_])(?:(?:nunca|jam[aá]s) (?:he|hemos|ha|había|habíamos)(?: [^\W\d_]+){1,4}|"
    r"no (?:he|hemos|ha) [^\W\d_]+(?: [^\W\d_]+){0,3} (?:nunca|antes|jam[aá]s)|"
    r"(?:es|será|sería) (?:mi|nuestra|su) primera vez|soy principiante|somos principiantes|"
    r"no tengo (?:ninguna )?experiencia|sin experiencia|"
    r"(?:i|we)(?:['’]ve| have) never(?: [^\W\d_'’]+){1,4}|never (?:done|tried|been)(?: [^\W\d_']+){0,3}|"
    # ... or asked as whether one must have done it: "¿Hay que haber hecho teatro antes?",
    # "Do I need to have done it before?"
    rf"(?:haber|to have) {_DONE_BEFORE}|"
    r"(?:i'm|i am|we're|we are) (?:a |an )?(?:complete |total |absolute )?(?:beginners?|novices?)|"
    r"first[- ]timers?|(?:my|our) first time|(?:have|having) no experience|"
    r"(?:belum|tidak|gak|nggak|ga|enggak) pernah(?: [^\W\d_]+){1,4}|"
    # ... or not able to yet ("Belum bisa hangul sama sekali, bisa ikut?"; not "tidak bisa",
    # which cannot come: "Saya tidak bisa datang Senin")
    r"belum bisa(?: [^\W\d_]+){1,4}|(?:masih|saya|aku|kami) "
    r"pemula|baru pertama kali(?: [^\W\d_]+){0,3}|tanpa pengalaman|tidak punya pengalaman)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# ... or whether it needs experience ("Do I need any experience?", "¿Hace falta
# experiencia?", "Perlu pengalaman?")
_NEEDS_EXPERIENCE = re.compile(
    r"(?<![^\W_])(?:(?:do|does|will) (?:i|we|you|one) need (?:any )?(?:previous |prior )?"
    r"experience|(?:hace falta|se necesita|necesito|necesitamos|piden) (?:tener )?"
    r"(?:alguna )?experiencia|(?:perlu|harus|wajib) (?:punya |ada )?pengalaman|"
    r"(?:hay que|tengo que|hace falta|es necesario|need to|do (?:i|we) have to) (?:haber|have) "
    rf"{_DONE_BEFORE}|"
    # ("¿Hay que saber volar antes?", "Do I need to know how to sail already?", "Harus
    # bisa berenang dulu?")
    r"(?:hay que|tengo que|tenemos que|hace falta|es necesario|se necesita|need to|"
    rf"do (?:i|we) have to|must (?:i|we)|harus|perlu|wajib)(?: sudah)? {_KNOWN_BEFORE})"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# ... asked as whether one may come all the same ("¿puedo apuntarme?", "can I still
# join?", "boleh ikut?", "¿hay nivel para mí?"), not what it costs or when it is.
_MAY_COME = re.compile(
    r"(?<![^\W_])(?:puedo|podemos|se puede|pueden|puede|hay (?:algo|nivel|clases?|grupos?|"
    r"sitio)|can (?:i|we)|could (?:i|we)|may (?:i|we)|is (?:it|that|there)|"
    r"am i|are we|bisa|boleh|ada kelas|apa bisa|masih bisa|tetap bisa|problem|problema|"
    r"masalah)(?![^\W_])",
    re.IGNORECASE,
)
_STATES_EXPERIENCE = re.compile(
    r"(?<![^\W_])(?:(?:no|without) (?:previous |prior )?(?:experience|skills?|"
    r"qualifications?)|experience (?:is )?(?:not )?(?:needed|necessary|required)|"
    r"(?:complete |total |absolute )?beginners?|novices?|first[- ]timers?|all (?:levels|abilities)|"
    r"never (?:\w+ )?before|"
    r"no hace falta (?:tener )?(?:experiencia|saber|haber)|sin experiencia|experiencia previa|"
    # ("No se necesita experiencia", "No es necesaria experiencia previa")
    r"no (?:se (?:necesita|requiere|pide)|es necesari[oa]|necesitas|necesit[aá]is) (?:tener )?"
    r"(?:ninguna )?(?:la )?experiencia|"
    r"iniciaci[oó]n|principiantes?|todos los niveles|nunca (?:lo )?ha[ns]? \w+|"
    # (not "pengalaman" alone: "Pengajar dengan pengalaman 10 tahun" is the teacher's)
    r"(?:tidak|tak) (?:perlu|harus) (?:punya )?(?:pengalaman|berpengalaman)|tanpa pengalaman|"
    r"pemula|semua (?:level|tingkat)|belum pernah)(?![^\W_])",
    re.IGNORECASE,
)
# The words of asking it, which no page need hold: being new to it and asking to come
# all the same.
EXPERIENCE_WORDS = frozenset(
    "never before first time timer timers beginner beginners novice novices complete total "
    "experience previous prior need needs still anyway too join sign up try come do it ok "
    "okay fine problem can could may i we is there am are something level for me "
    "nunca jamás antes primera vez principiante principiantes experiencia previa hace falta "
    "necesito necesitamos puedo podemos puede pueden apuntarme apuntarnos apuntarse probar "
    # ("Nunca he tejido, ¿me puedo apuntar?", set FI)
    "apuntar apuntaros inscribirme inscribir "
    "ir venir hacerlo igual también hay algo nivel para mí problema sitio empezar "
    "belum tidak gak nggak enggak ga pernah pertama kali masih pemula pengalaman perlu harus "
    "bisa boleh ikut daftar coba mencoba mulai belajar tetap juga ada kelas untuk saya aku "
    "kami masalah haber have hecho done antes before sama sekali".split()
)


def asks_experience(question: str) -> bool:
    """Whether the question asks whether one may come without having done it before."""
    if _NEEDS_EXPERIENCE.search(question):
        return True
    never = _NEVER_DONE.search(question)
    return never is not None and _MAY_COME.search(without_never_done(question)) is not None


def states_experience(sentence: str) -> bool:
    """Whether the sentence speaks of experience, beginners or levels."""
    return _STATES_EXPERIENCE.search(sentence) is not None


def without_never_done(question: str) -> str:
    """The question without what the asker has never done ("¿puedo probar?" of "Nunca
    he buceado, ¿puedo probar?") or must know how to do already ("¿Hay que ... ?" of
    "¿Hay que saber volar antes?"): the page's activity in the asker's words."""
    return _KNOWN.sub(" ", _NEVER_DONE.sub(" ", question))
