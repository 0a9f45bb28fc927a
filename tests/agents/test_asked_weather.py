"""What the weather will be is asked on a day to come or of the forecast; what happens in
bad weather, or a month's climate, is not read so."""

from __future__ import annotations

import pytest

from agents.asked_weather import asks_weather_to_come


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué tiempo hará mañana en Tudela?",
        "What's the weather like in Devon this weekend?",
        "Will it rain tomorrow?",
        "What is the weather forecast for Saturday?",
        "¿Va a llover el sábado?",
        "Bagaimana cuaca hari ini di Bandung?",
        "Apakah besok hujan?",
    ],
)
def test_the_weather_to_come_is_asked(question: str) -> None:
    assert asks_weather_to_come(question)


@pytest.mark.parametrize(
    "question",
    [
        "What happens if it rains tomorrow?",
        "What if the weather is bad tomorrow?",
        "Kalau besok hujan tetap jalan?",
        "¿Y si ese domingo llueve?",
        "¿Qué tiempo hace en Valencia en agosto?",  # a month's climate
        "¿Qué tiempo hace por la mañana en verano?",  # the morning, not tomorrow
        "Thunder is forecast for our booking, will we lose the money?",
        "Do you open tomorrow?",
    ],
)
def test_bad_weather_and_a_months_climate_are_not(question: str) -> None:
    assert not asks_weather_to_come(question)


@pytest.mark.parametrize(
    "question",
    ["¿Qué tiempo hace en Lugo?", "What's the weather like in Whitby?", "Bagaimana cuaca di Solo?"],
)
def test_the_weather_now_is_asked(question: str) -> None:
    assert asks_weather_to_come(question)


def test_how_long_is_needed_is_no_weather() -> None:
    assert not asks_weather_to_come("¿Qué tiempo hace falta para el curso?")
