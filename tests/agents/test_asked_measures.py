"""Which questions ask how far, how big, how warm or how long, and which sentences give
it (agents/asked_measures.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_measures import (
    asks_distance,
    asks_duration,
    asks_size,
    asks_temperature,
    states_distance,
    states_duration,
    states_size,
    states_temperature,
    temperature_unstated,
)


def test_a_question_asking_how_far_and_a_sentence_giving_a_distance() -> None:
    for asked in (
        "How far do you travel?",
        "¿Hasta dónde os desplazáis?",
        "¿A qué distancia está la playa?",
        "Berapa jauh dari stasiun?",
        "Jangkauannya sampai mana?",
        "¿Qué tan lejos queda de la facultad?",
        "Jaraknya berapa kilo?",
    ):
        assert asks_distance(asked), asked
        assert asked_fact(asked).name == "distance", asked
    assert not asks_distance("Where are you?")
    # how long a way is (not a walk, nor a course: a time as often)
    line = "How long is the line I'd be driving on?"
    assert asked_fact(line).name == "distance"
    assert asked_fact(line).given_in("You drive on our eight-mile heritage line.", line)
    assert asks_distance("How long is the cycle route?")
    assert not asks_distance("How long is the walk?")
    assert not asks_distance("How long is the course?")
    for sentence in (
        "We come anywhere within 20 miles of Norwich.",
        "The campsite is a ten-minute walk from the station.",
        "Estamos a 5 minutos a pie de la playa.",
        "Gratis ongkir sampai 10 km.",
    ):
        assert states_distance(sentence), sentence
    # a length of time alone is no distance
    assert not states_distance("Sessions last 10 minutes.")
    # the campus is the faculty's kin; "kilo" only asks
    far = "¿Qué tan lejos queda de la facultad?"
    assert asked_fact(far).given_in("Está a diez minutos andando del campus.", far)
    kilo = "Jaraknya berapa kilo?"
    assert asked_fact(kilo).given_in("Arung jeram sepanjang 9 kilometer.", kilo)


def test_a_distance_is_of_what_the_question_names() -> None:
    fact = asked_fact("How far is the campsite from the station?")
    assert fact.given_in(
        "We are a ten-minute walk from the station.", "How far is the campsite from the station?"
    )
    assert not fact.given_in("Bikes are 3 km away.", "How far is the campsite from the station?")


def test_a_question_asking_how_big_and_a_sentence_giving_a_size() -> None:
    for asked in (
        "How much room do you need?",
        "How big is the hall?",
        "What size is the pitch?",
        "¿Qué medidas tiene la sala?",
        "¿Cuántos metros tiene el piso?",
        "Berapa luas kamarnya?",
        "Ukurannya berapa?",
        # ... or how high above the sea
        "Berapa ketinggian Ciwidey?",
        "¿A qué altitud está el refugio?",
        "What is the elevation of the campsite?",
        # ... or how deep
        "Berapa kedalaman danaunya?",
        "¿Qué profundidad tiene la piscina?",
        "What is the depth of the pool?",
        # ... or what room is needed (set FE)
        "¿Qué espacio hace falta?",
        "¿Qué sitio necesitáis para el castillo?",
    ):
        assert asks_size(asked), asked
        assert asked_fact(asked).name == "size", asked
    # "how long" asks a time as often: it is the duration's
    assert not asks_size("How long is the party?")
    for sentence in (
        "We need a space of about four by four metres.",
        "Rooms are 20 m2.",
        "La sala mide 6 por 4 metros.",
        "Luas kamar 12 meter persegi.",
        "Ciwidey berada di ketinggian 1.100 mdpl.",
        # a unit joined to its number as an adjective, in the singular, in Indonesian
        "Volunteers show the planets through our 14-inch telescope.",
        "Vendemos tornillos de 1 pulgada.",
        "Layar TV 32 inci di setiap ruangan.",
        # a capacity: a battery's, an engine's, a disk's
        "It has a 100 Ah leisure battery.",
        "Los karts de adulto tienen motor de 270 cc.",
        "Laptop bekas dengan SSD 512 GB.",
    ):
        assert states_size(sentence), sentence
    # an exclamation is no amp-hour
    assert not states_size("Ah, the van is 10 years old.")
    # a volume is no distance (set FD)
    from agents.asked_measures import states_distance

    assert not states_distance("Piscinas de hasta 40 metros cúbicos.")
    assert states_distance("A 200 metros de la playa.")
    assert not states_size("A room costs 40 euros.")
    # metres written "m", after a figure: not the "am" of a time
    assert states_size("Drivers must be at least 1.45 m tall.")
    assert states_size("A 5m rope is provided.")
    assert not states_size("We open at 10 am.")
    assert not states_size("Sessions run 10am to 5pm.")


def test_a_size_is_of_what_the_question_names() -> None:
    question = "Berapa luas Kota Bekasi?"
    fact = asked_fact(question)
    assert not fact.given_in(
        "Cuci karpet Rp15.000 per meter persegi, minimal 4 meter persegi.", question
    )
    question = "How much room do you need?"
    assert asked_fact(question).given_in("We need a space of four by four metres.", question)


def test_a_question_asking_how_long_and_a_sentence_giving_a_length_of_time() -> None:
    for asked in (
        "How long does a repair take?",
        "How long is the party?",
        "¿Cuánto tarda el arreglo?",
        "¿En cuántos días tenéis lista mi guitarra?",
        "Berapa lama lukanya kering?",
        "Cuci sofa lama tidak?",
        "Butuh waktu berapa hari sampai kaos jadi?",
        "Butuh berapa hari?",
        # ... the being done before "dalam", or its "-nya" after
        "Setrikaan jadi dalam berapa hari?",
        "Berapa hari selesainya?",
    ):
        assert asks_duration(asked), asked
        assert asked_fact(asked).name == "duration", asked
    # since when, and how long before (notice), ask otherwise
    for asked in ("How long have you been open?", "How long before should I book?"):
        assert not asks_duration(asked), asked
    for sentence in (
        "It takes about an hour.",
        "Most set-ups are ready in three working days.",
        "Los ajustes están listos en tres días laborables.",
        "Sofa dicuci sekitar dua jam.",
        "The walk lasts ninety minutes.",
    ):
        assert states_duration(sentence), sentence
    # a rate's "a week" is no length of time
    for sentence in (
        "Classes run twice a week.",
        "Bikes are £10 a day.",
        "Late books are fined 20p a day.",
        "tres veces por semana",
        # ... nor a time ahead of something (notice)
        "Tickets can be moved up to 72 hours before the workshop.",
        "Avisa con 24 horas de antelación.",
    ):
        assert not states_duration(sentence), sentence


def test_a_length_of_time_is_of_what_the_question_names_or_its_kin() -> None:
    question = "How long would this coalition last?"
    fact = asked_fact(question)
    assert not fact.given_in("Teaching certification generally lasts three years.", question)
    assert fact.given_in("The coalition would hold until the end of the Parliament.", question)
    # a session's kin: "pertemuan"
    assert asked_fact("Berapa lama satu sesi?").given_in(
        "Setiap pertemuan 60 menit.", "Berapa lama satu sesi?"
    )


def test_how_far_back_or_ahead_asks_a_time_not_a_distance() -> None:
    for asked in (
        "How far does one pharmacy in Croatia date back to?",
        "How far ahead can I book?",
    ):
        assert not asks_distance(asked), asked
    # up to an end is a length of time too; up to a time of day is not
    assert states_duration("The coalition would hold until the end of the Parliament.")
    assert not states_duration("Members can shoot any day from 8 am until dusk.")


def test_a_question_asking_how_warm_and_a_sentence_giving_degrees() -> None:
    for question in (
        "How warm is the water?",
        "How cold is it inside?",
        "What's the temperature in the sauna?",
        "¿A qué temperatura está el agua?",
        "¿Hace frío dentro?",
        "Berapa suhu di sana?",
    ):
        assert asks_temperature(question), question
        assert asked_fact(question).name == "temperature", question  # type: ignore[union-attr]
    for question in ("Is there hot water?", "Ada air panas?", "How long is the pool?"):
        assert not asks_temperature(question), question
    for sentence in (
        "The main pool is heated to 28 degrees.",
        "The rink is kept at around 8°C.",
        "La piscina está a 28 grados.",
        "Suhu malam hari bisa turun sampai 12 derajat.",
    ):
        assert states_temperature(sentence), sentence
    assert not states_temperature("The pool is 25 metres long.")


def test_how_far_one_may_go_and_miles_in_spanish() -> None:
    """ "¿Hasta dónde podemos ir?" is answered by "hasta dos millas de la costa": miles
    are a distance in Spanish too ("dos mil euros" is no distance)."""
    assert states_distance("Se puede navegar hasta dos millas de la costa.")
    assert not states_distance("La reforma cuesta dos mil euros.")
    fact = asked_fact("¿Hasta dónde podemos ir?")
    assert fact is not None and fact.name == "distance"
    sentence = "Se puede navegar hasta dos millas de la costa, solo de día."
    assert fact.given_in(sentence, "¿Hasta dónde podemos ir?")


def test_a_temperature_asked_of_pages_giving_none() -> None:
    """Asked a temperature, pages giving none in degrees (kelvins and Celsius counted)
    do not answer; whether it is cold, asked in Spain's words, a page may tell in words."""
    tanks = ["We design and install tropical and cold-water tanks."]
    assert temperature_unstated("What temperature should a tropical tank be?", tanks)
    assert temperature_unstated("¿A qué temperatura está el agua?", ["La piscina es climatizada."])
    assert not temperature_unstated("How warm is the water?", ["The pool is heated to 28 °C."])
    assert not temperature_unstated(
        "At what temperature do the forces appear the same?", ["above about 1015 kelvins"]
    )
    assert not temperature_unstated("¿Hace frío en la sala?", ["La sala está climatizada."])
    assert not temperature_unstated("How big is a tropical tank?", tanks)


def test_a_sentence_without_its_lengths_of_time() -> None:
    """How long a thing takes says not how often: "¿Cada cuánto hay que cambiar las
    cuerdas?" is not answered by "Una guitarra nueva tarda unos cuatro meses"."""
    from agents.asked_measures import without_durations
    from agents.asked_when import says_when

    assert not says_when(without_durations("Una guitarra nueva tarda unos cuatro meses."))
    assert not says_when(without_durations("Most fittings take 20 minutes a tyre."))
    assert says_when(without_durations("We come on Tuesdays for two hours."))


def test_when_one_will_have_a_thing_asks_how_long_it_takes() -> None:
    """ "¿Cuándo tendré las gafas?" of "Las gafas están listas en una semana" (set BP);
    not when one has a class."""
    from agents.asked_measures import asks_duration

    for asked in ("¿Cuándo tendré las gafas?", "¿Cuándo recibiré mi pedido?"):
        assert asks_duration(asked), asked
    assert not asks_duration("¿Cuándo tendré clase?")


def test_how_long_one_is_in_the_air_is_how_long_the_flight_lasts() -> None:
    """ "¿Cuánto tiempo estaré en el aire?" of "El vuelo dura entre 20 y 30 minutos" was
    declined (sets EU, EX): the asker's being up there is the page's flight."""
    from agents.asked_facts import asked_fact

    asked = "¿Cuánto tiempo estaré en el aire?"
    fact = asked_fact(asked)
    assert fact.name == "duration"
    assert fact.given_in("El vuelo dura entre 20 y 30 minutos, según el viento.", asked)


def test_whether_it_is_cold_or_warm_asks_the_warmth() -> None:
    """ "Is it cold down there?" of "The tunnels are 12 degrees all year round" (set EY);
    "Is it warm inside the dome?" of "the dome is not heated" (set AF, which a first
    version reading degrees alone declined)."""
    from agents.asked_facts import asked_fact

    for asked in ("Is it cold down there?", "¿Hace calor dentro?", "Airnya dingin nggak?"):
        fact = asked_fact(asked)
        assert fact is not None and fact.name == "warmth", asked
        assert fact.given_in("The tunnels are 12 degrees all year round.", asked)
    asked = "Is it warm inside the dome?"
    assert asked_fact(asked).given_in("Dress warmly because the dome is not heated.", asked)
    assert not asked_fact(asked).given_in("The dome houses a 40 cm telescope.", asked)
    # a condition of the cold, or how long before it is warm, asks something else
    for asked in ("Where do you shoot when it's cold?", "How long before it's warm?"):
        fact = asked_fact(asked)
        assert fact is None or fact.name not in ("temperature", "warmth"), asked
