"""A kind the pages list others of, read in English and Spanish."""

from __future__ import annotations

from agents.asked_kinds import unlisted_kind

LEAVE = [
    "Full-time employees get 25 days of annual leave a year.",
    "Birth mothers get 26 weeks of maternity leave. Partners get four weeks of paternity leave.",
]
MATERNITY = ["Birth mothers get 26 weeks of maternity leave."]


def test_a_kind_the_pages_list_others_of_and_never_name() -> None:
    assert unlisted_kind("How long is adoption leave?", MATERNITY, LEAVE) == "adoption leave"
    assert unlisted_kind("Can I take unpaid leave?", MATERNITY, LEAVE) == "unpaid leave"
    permisos = ["El permiso de matrimonio es de quince días. El permiso de mudanza es de un "
                "día. El permiso de duelo es de tres días."]  # fmt: skip
    asked = "¿Cuántos días es el permiso de lactancia?"
    assert unlisted_kind(asked, permisos, permisos) == "permiso de lactancia"


def test_not_a_kind_the_pages_list() -> None:
    # a kind they name
    assert unlisted_kind("How long is paternity leave?", MATERNITY, LEAVE) is None
    # two other kinds are not a list: "second" may be their "additional" driver
    drivers = ["An additional driver costs 7 pounds a day. Young driver fee: 12 pounds."]
    assert unlisted_kind("Can I add a second driver?", drivers, drivers) is None
    # a verb's form, a superlative, a word before the noun that goes on
    listed = [
        "Nonviolent civil disobedience, mass civil disobedience and violent civil unrest.",
        "The largest population, the urban population and the rural population grew.",
    ]
    assert unlisted_kind("Who practiced civil disobedience?", listed, listed) is None
    assert unlisted_kind("Which city has the biggest population?", listed, listed) is None
    # "Do you [provide] laptops": a verb after its subject
    laptops = ["Broken laptops are swapped. Company laptops and personal laptops differ."]
    assert unlisted_kind("Do you provide laptops?", laptops, laptops) is None
    # the quote speaks of another thing
    assert unlisted_kind("How long is adoption leave?", ["Pay day is the 25th."], LEAVE) is None
    # Indonesian is not read
    assert unlisted_kind("Berapa lama cuti adopsi?", ["Cuti tahunan 12 hari."], LEAVE) is None


def test_each_member_of_a_list_of_kinds_counts() -> None:
    """ "clases de piano, guitarra, violín y canto" names four kinds of class, and
    "annual, maternity and paternity leave" three kinds of leave."""
    school = ["La escuela ofrece clases de piano, guitarra, violín y canto para niños."]
    assert unlisted_kind("¿Dan clases de batería?", school, school) == "clases de batería"
    assert unlisted_kind("¿Dan clases de guitarra?", school, school) is None
    policy = ["Staff get annual, maternity, and paternity leave."]
    assert unlisted_kind("Is there adoption leave?", policy, policy) == "adoption leave"
    # two members are not a list of three
    two = ["La escuela ofrece clases de piano y violín."]
    assert unlisted_kind("¿Dan clases de batería?", two, two) is None


def test_a_name_is_no_noun_kinds_are_of() -> None:
    """Pages naming downtown, northern and east Jacksonville do not list kinds of it: the
    river running alongside it is asked, not an "alongside" Jacksonville."""
    city = [
        "The city has three parts: downtown Jacksonville, northern Jacksonville and east "
        "Jacksonville.",
        "The St. Johns River runs through Jacksonville.",
    ]
    asked = "What river runs alongside Jacksonville?"
    assert unlisted_kind(asked, city[1:], city) is None
    # the same sentence with a common noun is read as before
    towns = [city[0].replace("Jacksonville", "town")]
    assert unlisted_kind("What river runs alongside town?", towns, towns) == "alongside town"


def test_a_compared_word_or_a_verb_after_the_noun_names_no_kind() -> None:
    """ "more and smaller chloroplasts" compares, and "what other country formed by the
    Rhine" asks a country: neither asks a kind the pages leave out."""
    plastids = [
        "Algae have green, red and glaucophyte chloroplasts. "
        "Land plants have many small chloroplasts so they can move them to the light."
    ]
    asked = "Why do land plants have more and smaller chloroplasts?"
    assert unlisted_kind(asked, plastids[-1:], plastids) is None
    assert unlisted_kind("Do land plants have purple chloroplasts?", plastids, plastids) == (
        "purple chloroplasts"
    )
    rhine = [
        "The delta formed by the river is wide. The lake formed by the dam is deep. The "
        "valley formed in the ice age is long.",
        "The border with Austria is formed by the Rhine.",
    ]
    asked = "There's a rough border between Switzerland and what other country formed by the Rhine?"
    assert unlisted_kind(asked, rhine[-1:], rhine) is None
    # ... nor one size of a thing against another: "the smaller screen" of a page on its
    # small and large screens
    screens = [
        "Our small screen is 12 feet wide. The large screen is 24 feet wide. The outdoor "
        "screen and the indoor screen come with speakers."
    ]
    assert unlisted_kind("How big is the smaller screen?", screens, screens) is None
    assert unlisted_kind("How big is the cinema screen?", screens, screens) == "cinema screen"


def test_a_word_judging_the_thing_or_a_manner_of_doing_names_no_kind() -> None:
    """ "the primary provisions" of a page on the main, secondary and final ones asks the
    main ones in other words, and "deliberately experimenting" a manner of a deed: neither
    is a kind the pages leave out."""
    rules = [
        "Articles 1 to 7 set out the main provisions on equal treatment. Articles 8 to 10 "
        "hold the secondary provisions, the transitional provisions and the final provisions."
    ]
    asked = "Which articles set out the primary provisions on equal treatment?"
    assert unlisted_kind(asked, rules[:1], rules) is None
    trials = ["In 1896 Tesla took up X-ray imaging, after field, lab and public experimenting."]
    asked = "When did Tesla start deliberately experimenting with X-ray imaging?"
    assert unlisted_kind(asked, trials, trials) is None
    # a kind of them is still read as one
    asked = "Which articles set out the penal provisions?"
    assert unlisted_kind(asked, rules, rules) == "penal provisions"


def test_a_preposition_names_no_kind() -> None:
    """ "What early Greek wrote about experiments on air?" of pages on several kinds of
    experiment asks who wrote, not an "about" experiment (SQuAD's fit half)."""
    lab = [
        "The lab offers night, field, and water experiments.",
        "Philo of Byzantium described experiments on air and combustion.",
    ]
    assert unlisted_kind("What early Greek wrote about experiments?", lab[1:], lab) is None
    # a word modifying the noun is read as before
    asked = "Did anyone do chemical experiments?"
    assert unlisted_kind(asked, lab[1:], lab) == "chemical experiments"
