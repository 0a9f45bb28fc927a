"""Which messages are only a greeting, a thanks, a goodbye or a request for help, and in
what language the reply is made."""

from __future__ import annotations

import pytest

from agents.small_talk import SmallTalk, small_talk


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("hello", SmallTalk("greeting", "en")),
        ("Hi there!!", SmallTalk("greeting", "en")),
        ("Selamat pagi kak", SmallTalk("greeting", "id")),
        ("Buenos días", SmallTalk("greeting", "es")),
        ("Thank you so much 🙏", SmallTalk("thanks", "en")),
        ("Terima kasih banyak.", SmallTalk("thanks", "id")),
        ("¡Mil gracias!", SmallTalk("thanks", "es")),
        ("¿Me puedes ayudar?", SmallTalk("help", "es")),
        ("Bisa bantu saya?", SmallTalk("help", "id")),
        ("bye", SmallTalk("farewell", "en")),
    ],
)
def test_a_whole_message_of_small_talk_is_read_with_its_language(
    message: str, expected: SmallTalk
) -> None:
    assert small_talk(message) == expected


def test_a_phrase_of_several_languages_is_answered_in_the_conversations() -> None:
    assert small_talk("hi", "id") == SmallTalk("greeting", "id")
    assert small_talk("hi", "es") == SmallTalk("greeting", "en")  # not a Spanish greeting
    assert small_talk("thanks", "id") == SmallTalk("thanks", "id")


@pytest.mark.parametrize(
    "message",
    [
        "Hi, when does the gym open?",
        "thanks, and how much is it?",
        "help with my invoice",
        "Apakah ada bantuan biaya?",
        "ok",
        "hello " * 20,
        "",
    ],
)
def test_a_message_asking_anything_else_is_a_question(message: str) -> None:
    assert small_talk(message) is None
