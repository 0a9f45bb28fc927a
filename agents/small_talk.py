"""A message that is only a greeting, a thanks or a goodbye ("hi", "terima kasih",
"¡Muchas gracias!"), or asks what the assistant is for ("can you help me?"): the
documents do not answer it and it is not a gap in them, so it gets a short reply of the
service's own in its language instead of the not-found message, and no search. Only a whole message counts: "Hi, when do you open?" is a
question like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Said = Literal["greeting", "help", "thanks", "farewell"]

# Each phrase, written as people type it without marks or case, with the languages it is
# said in; the first is the reply's when the conversation is in none of them.
_PHRASES: dict[Said, dict[str, tuple[str, ...]]] = {
    "greeting": {
        "en": (
            "hi",
            "hello",
            "hey",
            "hiya",
            "hi there",
            "hello there",
            "hey there",
            "greetings",
            "good morning",
            "good afternoon",
            "good evening",
            "morning",
        ),
        "id": (
            "halo",
            "hallo",
            "hai",
            "hi",
            "hello",
            "selamat pagi",
            "selamat siang",
            "selamat sore",
            "selamat malam",
            "assalamualaikum",
            "assalamu alaikum",
            "permisi",
        ),
        "es": (
            "hola",
            "buenos dias",
            "buenos días",
            "buen dia",
            "buen día",
            "buenas",
            "buenas tardes",
            "buenas noches",
            "hola que tal",
            "hola qué tal",
            "que tal",
            "qué tal",
            "saludos",
        ),
    },
    "help": {
        "en": (
            "help",
            "can you help me",
            "can you help",
            "could you help me",
            "i need help",
            "help me",
            "what can you do",
            "who are you",
            "what are you",
        ),
        "id": (
            "bantuan",
            "tolong",
            "tolong bantu",
            "tolong bantu saya",
            "bisa bantu",
            "bisa bantu saya",
            "bisa dibantu",
            "saya butuh bantuan",
            "kamu siapa",
            "anda siapa",
            "apa yang bisa kamu lakukan",
            "bisa apa saja",
        ),
        "es": (
            "ayuda",
            "me puedes ayudar",
            "me puede ayudar",
            "puedes ayudarme",
            "puede ayudarme",
            "necesito ayuda",
            "quién eres",
            "quien eres",
            "qué puedes hacer",
            "que puedes hacer",
        ),
    },
    "thanks": {
        "en": (
            "thanks",
            "thank you",
            "thx",
            "ty",
            "thanks a lot",
            "thank you so much",
            "thanks so much",
            "thank you very much",
            "many thanks",
            "cheers",
            "ok thanks",
            "ok thank you",
            "okay thanks",
            "great thanks",
            "perfect thanks",
            "thanks again",
        ),
        "id": (
            "terima kasih",
            "terimakasih",
            "makasih",
            "trims",
            "thanks",
            "terima kasih banyak",
            "makasih banyak",
            "ok terima kasih",
            "oke terima kasih",
            "ok makasih",
            "oke makasih",
            "baik terima kasih",
            "tengkyu",
        ),
        "es": (
            "gracias",
            "muchas gracias",
            "mil gracias",
            "ok gracias",
            "vale gracias",
            "perfecto gracias",
            "genial gracias",
            "muchísimas gracias",
            "gracias de nuevo",
        ),
    },
    "farewell": {
        "en": ("bye", "goodbye", "good bye", "bye bye", "see you", "see you later", "see ya"),
        "id": ("sampai jumpa", "dadah", "selamat tinggal", "bye", "sampai nanti"),
        "es": ("adios", "adiós", "hasta luego", "hasta pronto", "chao", "chau", "nos vemos"),
    },
}
# Who a greeting may be addressed to, after it ("hi there" is above): "hello bot",
# "makasih kak", "gracias amigo".
_ADDRESSED = frozenset(
    "bot assistant everyone all team friend kak min admin mas mbak pak bu amigo amiga".split()
)
_NOT_WORDS = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class SmallTalk:
    said: Said
    language: str


def _normalised(message: str) -> str:
    words = _NOT_WORDS.sub(" ", message.lower()).split()
    if len(words) > 1 and words[-1] in _ADDRESSED:
        words = words[:-1]
    return " ".join(words)


def _by_phrase() -> dict[str, tuple[Said, tuple[str, ...]]]:
    """Each phrase: what it says, and the languages it is said in, in `_PHRASES`' order."""
    index: dict[str, tuple[Said, tuple[str, ...]]] = {}
    for said, languages in _PHRASES.items():
        for language, phrases in languages.items():
            for phrase in phrases:
                index[phrase] = (said, (*index.get(phrase, (said, ()))[1], language))
    return index


_BY_PHRASE = _by_phrase()


def small_talk(message: str, conversation_language: str | None = None) -> SmallTalk | None:
    """What the message says when it is only a greeting, a thanks or a goodbye, in the
    language it is said in (the conversation's, when the phrase is said in several)."""
    if len(message) > 60:
        return None
    found = _BY_PHRASE.get(_normalised(message))
    if found is None:
        return None
    said, languages = found
    language = conversation_language if conversation_language in languages else languages[0]
    return SmallTalk(said, language)
