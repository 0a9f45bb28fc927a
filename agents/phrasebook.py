"""What an assistant says in its own words (not found, refusal, hand-over), in the
language of the question.

For a question in language L, the first of: the assistant's own message for L; its one
message of that kind when that message is itself in L; the built-in message for L
(prompts/service_messages.json: English, Indonesian, Spanish); its one message; the
built-in English one.
"""

from __future__ import annotations

import json
from functools import cache
from types import MappingProxyType
from typing import Literal

from knowledge.encoders.languages import DEFAULT_LANGUAGE, detect
from prompts import PROMPTS_DIR

Kind = Literal["not_found", "refusal", "handoff", "greeting", "help", "thanks", "farewell"]
# The last four answer small talk (agents/small_talk.py), in the assistant's voice if it
# has its own for the language.
KINDS: tuple[Kind, ...] = (
    "not_found", "refusal", "handoff", "greeting", "help", "thanks", "farewell",
)  # fmt: skip
# An assistant's messages: ((language, kind, text), ...) as profiles keep them (hashable).
LocalisedMessages = tuple[tuple[str, str, str], ...]


@cache
def built_in() -> MappingProxyType[str, dict[str, str]]:
    path = PROMPTS_DIR / "service_messages.json"
    return MappingProxyType(json.loads(path.read_text(encoding="utf-8")))


def said(kind: str, language: str | None, **values: str) -> str:
    """One of the service's own sentences in `language` (English when it has none)."""
    texts = built_in().get(language or DEFAULT_LANGUAGE) or built_in()[DEFAULT_LANGUAGE]
    return texts[kind].format(**values)


def built_in_languages() -> list[str]:
    return sorted(built_in())


class Phrasebook:
    def __init__(
        self, *, own: dict[Kind, str | None] | None = None, localised: LocalisedMessages = ()
    ) -> None:
        self.localised = {(language, kind): text for language, kind, text in localised}
        # The assistant's single messages, with the language each is written in.
        self.own = {kind: (text, detect(text)) for kind, text in (own or {}).items() if text}

    def say(self, kind: Kind, language: str | None) -> str:
        language = language or DEFAULT_LANGUAGE
        if (text := self.localised.get((language, kind))) is not None:
            return text
        own = self.own.get(kind)
        if own is not None and own[1] == language:
            return own[0]
        if language in built_in():
            return built_in()[language][kind]
        return own[0] if own is not None else built_in()[DEFAULT_LANGUAGE][kind]


def validate_messages(value: object) -> dict[str, dict[str, str]]:
    """An assistant's `messages` as the API takes them: {"es": {"not_found": "..."}};
    ValueError naming what is wrong."""
    from knowledge.encoders.languages import normalise

    if not isinstance(value, dict):
        raise ValueError('messages must be an object like {"es": {"not_found": "..."}}')
    clean: dict[str, dict[str, str]] = {}
    for code, texts in value.items():
        language = normalise(str(code))
        if language is None:
            raise ValueError(f"messages: {code!r} is not a language code this service knows")
        if not isinstance(texts, dict):
            raise ValueError(f"messages.{code} must be an object of {', '.join(KINDS)}")
        for kind, text in texts.items():
            if kind not in KINDS:
                raise ValueError(f"messages.{code}: {kind!r} is not one of {', '.join(KINDS)}")
            if not isinstance(text, str) or not text.strip() or len(text) > 2000:
                raise ValueError(f"messages.{code}.{kind} must be text of 1 to 2000 characters")
            clean.setdefault(language, {})[kind] = text.strip()
    return clean
