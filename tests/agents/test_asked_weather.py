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


def test_what_happens_in_bad_weather_is_answered_by_the_pages_sentence_on_it() -> None:
    """Set EX's "¿Y si hace mal tiempo ese día?" was declined of "Si el tiempo no permite
    volar, cambiamos la fecha", as fifteen such questions of sets A to EX were."""
    from agents.asked_facts import asked_fact
    from agents.asked_weather import asks_weather_condition, speaks_of_weather
    from tests.agents.test_fact_giving import given

    for question in (
        "¿Y si hace mal tiempo ese día?",
        "Is it cancelled if it rains?",
        "What if it pours down?",
        "Kalau hujan gimana?",
        # ... or the sea's (set FI)
        "Kalau ombak besar bagaimana?",
        "¿Y si hay mucho oleaje?",
        "What if the sea is rough?",
    ):
        assert asks_weather_condition(question), question
        assert asked_fact(question).name == "weather", question
    # the weather to come, and "tiempo" as time, are other questions
    assert not asks_weather_condition("¿Qué tiempo hará mañana si llueve?")
    assert not asks_weather_condition("¿Con cuánto tiempo hay que reservar?")
    flights = [
        "El vuelo cuesta 110 euros e incluye el seguro.",
        "Si el tiempo no permite volar, cambiamos la fecha o te devolvemos el dinero.",
    ]
    assert given("¿Y si hace mal tiempo ese día?", flights, [0.5, 0.4]) == flights[1:]
    # a sea too rough answers for the weather; wet grass, poured wax do not
    assert speaks_of_weather("Si el mar está revuelto, la salida se cancela.")
    assert not speaks_of_weather("The grass is wet in the morning.")
    assert not speaks_of_weather("We pour the wax into tins.")
    # (set EH: "What if there's a storm forecast on our day?" was answered with the winter
    # course's ice axes; "If the forecast is dangerous we cancel" is the answer)
    assert not speaks_of_weather("Winter courses include ice axe and crampon training.")
    assert speaks_of_weather("If the forecast is dangerous we cancel and refund in full.")
    assert not speaks_of_weather("Trabajamos a tiempo completo.")


def test_a_sentence_on_another_kind_of_weather_does_not_tell() -> None:
    """ "What if it is rainy?" of "Inflatables are taken down in winds over 20 mph" was
    answered by the first version of the weather fact (the fresh-clone run of ca0701b)."""
    from agents.asked_weather import tells_weather

    winds = "Inflatables are taken down in winds over 20 mph."
    assert not tells_weather(winds, "What if it is rainy?")
    assert tells_weather(winds, "What if it is windy?")
    # bad weather in general is told by any sentence on it, and a sentence naming no kind
    # tells any
    assert tells_weather(winds, "What if the weather is bad?")
    assert tells_weather("Si el tiempo no permite volar, cambiamos la fecha.", "¿Y si llueve?")
    # ... and so does the weather in general (sets AL, BT)
    assert tells_weather(
        "We go out in all weather except high winds and storms.", "Do you cancel if it's raining?"
    )
