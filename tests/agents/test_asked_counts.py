"""Which questions ask how many, in what year or what share, and which sentences give a
number (agents/asked_counts.py)."""

from __future__ import annotations

from agents.asked_counts import asks_count, asks_year, states_count, states_year, years_named


def test_a_question_asking_how_many_in_what_year_or_what_share() -> None:
    for asked in (
        "How many divisions comprised Genghis Khan's army?",
        "In what year was the South African Schools Act passed?",
        "What percentage of students attend fee-paying schools?",
        "¿Cuántos alumnos hay por grupo?",
        "¿En qué año se aprobó la ley?",
        "Berapa banyak peserta per kelas?",
        "Tahun berapa sekolah ini didirikan?",
    ):
        assert asks_count(asked), asked
    # a price may be free or included, and other questions ask no number
    for asked in ("How much is parking?", "¿Cuánto cuesta?", "Berapa harga sewa?", "Who won?"):
        assert not asks_count(asked), asked


def test_a_sentence_giving_a_number_in_digits_or_words() -> None:
    for sentence in (
        "The choir has 32 singers.",
        "Los grupos son de seis alumnos como máximo.",
        "Satu kelas maksimal lima belas siswa.",
        "The army was split into several groups.",
        "Classes run every day.",
    ):
        assert states_count(sentence), sentence
    for sentence in (
        "The Shah's army was split by internecine feuds.",
        "El coro fue fundado por profesores de música.",
        "Paduan suara ini didirikan oleh guru musik.",
    ):
        assert not states_count(sentence), sentence


def test_a_question_asking_how_many_people_and_a_sentence_giving_them() -> None:
    """ "Sekelas berapa orang?" of "maksimal delapan peserta", "¿Cuántas personas
    caben?" of "hasta doce personas": a number of people in the page's own words."""
    from agents.asked_counts import asks_people, states_people

    for asked in (
        "How many people fit in the sauna?",
        "How many people does the biggest cottage sleep?",
        "¿Cuántas personas caben?",
        "¿Cuántos alumnos hay por clase?",
        "Sekelas berapa orang?",
        "Satu kelas isinya berapa orang?",
        "Pesertanya berapa?",
        # ... or of the askers
        "¿Cuántos sois por clase?",
        "How many of us can come?",
        "¿Cuántos vamos en cada barco?",
        # ... or as people at large
        "¿Cuánta gente monta a la vez en cada clase?",
        "How many people fit inside at once?",
        # ... or as a ratio of grown-ups to children
        "What is the ratio of staff to children?",
        "What is the staff-to-child ratio?",
        "Rasio guru dan murid berapa?",
        "¿Cuánta gente entra en cada curso?",
        # ... or who may take part
        "¿Cuántos podemos jugar?",
        "How many can play?",
    ):
        assert asks_people(asked), asked
    for asked in (
        "Anak berapa tahun boleh ikut?",
        "How many lessons are there?",
        "¿Cuánto es?",
        "¿Cuánto van a tardar?",
        "What is the ratio of water to flour?",
    ):
        assert not asks_people(asked), asked
    for sentence in (
        "Our sauna seats eight people.",
        "The cottage sleeps six.",
        "Son grupos de seis alumnas los martes.",
        "Satu kelas maksimal delapan peserta.",
        "Escape para 2 a 5 jugadores.",
        "Damos clases en grupos de cuatro jinetes como máximo.",
        # ... or a group's size alone
        "Sessions have a coach in each lane, for groups of 4 to 12.",
        "Clases en grupos de hasta 8.",
        # ... or a limit, or so many to a class (set EH)
        "Places are limited to eight per class.",
        "Las plazas están limitadas a 12.",
        "Maksimal 10 per kelas.",
    ):
        assert states_people(sentence), sentence
    for sentence in (
        "Sessions last 50 minutes.",
        "Anyone aged 11 or over can learn.",
        "Kelas pagi pukul 09.00.",
        "Group bookings get 10% off.",
        "We teach two classes per week.",
        "A lesson costs 20 euros per class.",
    ):
        assert not states_people(sentence), sentence


def test_in_what_year_and_a_sentence_naming_a_year() -> None:
    for asked in (
        "In what year was the South African Schools Act passed?",
        "¿En qué año se inventó el disco de vinilo?",
        "Tahun berapa toko ini berdiri?",
    ):
        assert asks_year(asked), asked
    assert not asks_year("How many years does the warranty last?")
    for naming in (
        "The act was passed in 1996.",
        "Caesar died in 44 BC.",
        "Abrimos el año pasado.",
        "Toko ini berdiri tahun lalu.",
    ):
        assert states_year(naming), naming
    # a share, a price or a count is no year
    assert not states_year("El vale de tienda vale un 20 % más.")
    assert not states_year("A frame costs £1,500.")
    assert not states_year("Around forty producers sell here.")


def test_the_years_a_text_writes_in_figures() -> None:
    assert years_named("Where did the club move to in 1974?") == {"1974"}
    assert years_named("¿Qué pasó entre 1979 y 1984, en los años 1960?") == {"1979", "1984", "1960"}
    # a price, a count or a longer number is no year
    assert years_named("A frame costs £1,500; 12000 visitors; 3.1999 km; 2,011 seats.") == set()


def test_a_group_no_bigger_than_a_number_gives_how_many_people() -> None:
    """ "How many people are on a walk?" of "Groups are no bigger than twelve" (set EU); not
    a distance no more than a number."""
    from agents.asked_counts import states_people

    for sentence in (
        "Groups are no bigger than twelve.",
        "Classes of no more than 8.",
        "Los grupos son de no más de 10 personas.",
    ):
        assert states_people(sentence), sentence
    assert not states_people("The walk is no more than 3 miles.")


def test_so_many_to_a_workshop_gives_how_many_people() -> None:
    """ "¿Cuántas personas caben en un taller?" of "Las plazas son diez por taller" (set
    EW)."""
    from agents.asked_counts import states_people

    for sentence in ("Las plazas son diez por taller.", "Eight per workshop."):
        assert states_people(sentence), sentence
