"""Which language a text is in (offline, py3langid), and the per-language pieces that
depend on it: Snowball stemmers for the keyword side of search.

Detection is restricted to the languages below: over all 97 of langid's, short questions
go astray ("hola" came back Zulu). Malay is reported as Indonesian: the two share most
of their words and detection cannot tell short questions apart ("Apa itu ITB?" came back
Malay); everything this service says in Indonesian reads right to a Malay speaker.
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache

DEFAULT_LANGUAGE = "en"
# Languages a question may be detected as (ISO 639-1).
DETECTED = (
    "en id es pt fr de it nl sv da no fi pl cs ro hu el tr ru uk ar he fa hi bn "
    "ur vi th zh ja ko ms tl sw".split()
)
SAME_AS = {"ms": "id"}
# Below this probability a short text keeps the conversation's language (or the default).
MIN_CONFIDENCE = 0.6
# Snowball's names for the languages it stems.
STEMMERS = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish",
    "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "it": "italian", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish", "tr": "turkish",
}  # fmt: skip
NAMES = {
    "en": "English", "id": "Indonesian", "es": "Spanish", "pt": "Portuguese",
    "fr": "French", "de": "German", "it": "Italian", "nl": "Dutch", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "pl": "Polish", "cs": "Czech",
    "ro": "Romanian", "hu": "Hungarian", "el": "Greek", "tr": "Turkish", "ru": "Russian",
    "uk": "Ukrainian", "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "hi": "Hindi",
    "bn": "Bengali", "ur": "Urdu", "vi": "Vietnamese", "th": "Thai", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "tl": "Tagalog", "sw": "Swahili",
}  # fmt: skip

_lock = threading.Lock()
_SPANISH_MARKS = re.compile("[\u00bf\u00a1]")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(DETECTED)
    return identifier


@lru_cache(maxsize=4096)  # a turn asks it of its question 3-4 times (graph, search, answer)
def guess(text: str) -> tuple[str, float]:
    """The likeliest language of `text` and its probability."""
    with _lock:  # the identifier is not documented as thread-safe; a call is ~0.1 ms
        ranked = _identifier().rank(text)
    totals: dict[str, float] = {}
    for language, probability in ranked:  # Malay's share counts for Indonesian
        code = SAME_AS.get(language, language)
        totals[code] = totals.get(code, 0.0) + float(probability)
    best = max(totals, key=totals.__getitem__)
    # Of the languages detected only Spanish opens a question or an exclamation with an
    # inverted mark: "¿Vais a colegios?", which the detector took for Portuguese (and so
    # read the Spanish pages' words as another language's, by another language's bar),
    # is Spanish. But no surer than the detector was of anything: a question too short
    # for it to place ("¿Aceptan tarjeta?") stays unsure, and every page is read by its
    # words (read surely Spanish, an Indonesian page's "kartu" passed across languages).
    if _opens_spanish(text):
        return "es", totals[best]
    return best, totals[best]


def _opens_spanish(text: str) -> bool:
    """Whether the text opens with Spanish's inverted question or exclamation mark."""
    return text.lstrip().startswith(("\u00bf", "\u00a1"))


def detect(text: str, *, otherwise: str | None = None) -> str:
    """The language of a question; `otherwise` (the conversation's so far, else the
    default) when the text is too short or mixed to tell ("ok", "API key?")."""
    return told(text) or otherwise or DEFAULT_LANGUAGE


def told(text: str) -> str | None:
    """The language a text is in, or None when it is too short or mixed to tell."""
    if sum(ch.isalpha() for ch in text) < 3:
        return None
    # The reply's language follows the inverted mark however unsure the detector is:
    # "¿Aceptan tarjeta?" is asked in Spanish, however few its words, and so is
    # "¿Tenéis croissants de chocolate?", which the detector took for French.
    if _opens_spanish(text):
        return "es"
    language, probability = guess(text)
    if probability < MIN_CONFIDENCE and _SPANISH_MARKS.search(text):
        return "es"  # a mark inside a text the detector is unsure of
    return language if probability >= MIN_CONFIDENCE else None


def normalise(code: str | None) -> str | None:
    """A language code as given by a client ("es-ES", "ID") as detection names it, or
    None when it is none of the languages served."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    base = SAME_AS.get(base, base)
    return base if base in NAMES else None


def name_of(code: str) -> str:
    return NAMES.get(code, code)


_stemmers = threading.local()


def stemmer(language: str):  # type: ignore[no-untyped-def]
    """Snowball's stemmer for the language (None where it has none), one per thread: a
    stemmer keeps the word it works on in itself."""
    import snowballstemmer

    made = _stemmers.__dict__.setdefault("by_language", {})
    if language not in made:
        name = STEMMERS.get(language)
        made[language] = snowballstemmer.stemmer(name) if name else None
    return made[language]
