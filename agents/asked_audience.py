"""Something asked for children: "Do you run classes for kids?", "¿Hay talleres para
niños?", "Ada kelas untuk anak SD?". A page that never speaks of children, nor of
anyone's age, does not say whether its classes take them: its classes are no answer.
Counted in the hand sets' seen part (A to AI) before this was built: of the questions
asking so, 12 near-topic ones were asked of pages silent on children (8 of them
answered with the page's own classes) and no answerable one (the one whose page seemed
silent says "Boys under 12").

Children only: a service whose pages name no one is most often for adults, so "for
adults" asked of them is left to the decision.
"""

from __future__ import annotations

import re

_ASKS_FOR_CHILDREN = re.compile(
    r"(?<![^\W_])(?:for (?:(?:young |little |small )?(?:kids|children|toddlers|teenagers|"
    r"teens|babies|under-\d+s)|my (?:son|daughter|child|kids|children))|"
    r"para (?:(?:los |mis |tus )?(?:niñ[oa]s|peques|pequeños|adolescentes|bebés|"
    r"críos|hij[oa]s?)|mi (?:hij[oa]|niñ[oa]))|"
    r"untuk (?:anak(?:-anak)?|balita|remaja|bayi|batita)(?: (?:sd|tk|smp|sma|kecil|saya))?|"
    # ... or whether children may come or take part: "Can kids join?", "¿Pueden venir
    # niños?", "Anak-anak boleh ikut?"
    r"can (?:kids|children|teenagers|teens|toddlers) (?:come|join|take part|attend)|"
    r"(?:pueden|puede) (?:venir|participar|apuntarse|entrar) (?:los |mis )?(?:niñ[oa]s|"
    r"peques|menores|adolescentes|críos|hij[oa]s)|"
    r"(?:anak(?:-anak)?|balita|remaja) (?:boleh|bisa) (?:ikut|datang|masuk))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# Speaking of children, or of any age: "Boys under 12", "mayores de 18 años", "usia 1
# sampai 24 bulan", "Participants must be 16 or older".
_SPEAKS_OF_AGE = re.compile(
    r"(?<![^\W_])(?:child\w*|kids?|boys?|girls?|junior\w*|toddlers?|teen\w*|youngsters?|"
    r"famil\w*|babies|baby|pupils?|school\w*|aged|age|ages|under-?\s?\d+s?|over-?\s?\d+s?|"
    r"\d+\s*(?:years?|yrs|months?)(?: old)?|\d+ or (?:older|over|under)|"
    r"niñ[oa]s?|infantil\w*|peques?|pequeñ\w*|chic[oa]s|j[oó]venes|adolescentes|beb[eé]s?|"
    r"hij[oa]s?|familia\w*|colegio\w*|escolar\w*|edad\w*|mayores|menores|"
    r"\d+\s*(?:años|meses)|anak\w*|balita|batita|bayi|remaja|siswa|pelajar|murid|sekolah|"
    r"usia|umur|\d+\s*(?:tahun|bulan)|sd|tk|smp|sma|paud)(?![^\W_])",
    re.IGNORECASE,
)


def asks_for_children(question: str) -> bool:
    """Whether the question asks for something for children (of any age)."""
    return _ASKS_FOR_CHILDREN.search(question) is not None


def children_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks for something for children and no retrieved text
    speaks of children or of anyone's age."""
    return asks_for_children(question) and not any(_SPEAKS_OF_AGE.search(t) for t in texts)


# ... and the other way: something asked for adults ("¿Hacéis talleres para adultos?",
# "Do you run classes for grown-ups?", "Ada kelas untuk dewasa?") of pages that speak of
# children or their ages and never of adults, nor of an age with no end ("16 or older"):
# their classes are the children's (set BJ: a children's cooking school's workshops
# "para niños de 5 a 12 años" were quoted for adults).
_ASKS_FOR_ADULTS = re.compile(
    r"(?<![^\W_])(?:for (?:adults|grown-?ups)|can adults (?:come|join|take part|attend)|"
    r"para (?:los )?(?:adultos|mayores)|(?:pueden|puede) (?:venir|participar|apuntarse) "
    r"(?:los )?adultos|untuk (?:orang )?dewasa|(?:orang )?dewasa (?:boleh|bisa) "
    r"(?:ikut|datang|masuk))(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_ADULTS = re.compile(
    r"(?<![^\W_])(?:adults?|grown-?ups?|parents?|carers?|guardians?|older|over|above|and up|"
    r"adult[oa]s?|mayores|padres|madres|tutores|o más|dewasa|orang ?tua|umum|ke atas)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def adults_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks for something for adults of pages that speak of
    children or their ages and never of adults."""
    return (
        _ASKS_FOR_ADULTS.search(question) is not None
        and any(_SPEAKS_OF_AGE.search(t) for t in texts)
        and not any(_SPEAKS_OF_ADULTS.search(t) for t in texts)
    )


# ... and something asked for women, or of a woman on the staff: "Do you do women-only
# classes?", "¿Hay clases solo para mujeres?", "Ada kelas khusus perempuan?", "Ada
# terapis perempuan?", "Do you cut women's hair?". Of the hand sets' 22 such questions
# (A to EK) asked of pages that never speak of women, all were near-topic and two were
# answered: "Instrukturnya ada yang perempuan?" with a price including the instructor
# (set DY), "Do you do women-only classes?" with a karate club's junior and adult
# classes (set EK). Every answerable one's page speaks of women.
_STAFF = (
    r"instructors?|teachers?|coach(?:es)?|trainers?|therapists?|doctors?|dentists?|"
    r"drivers?|technicians?|staff|stylists?|barbers?"
)
_STAFF_ID = r"terapis|instruktur|pelatih|dokter|teknisi|guru|sopir|supir|pemijat|bidan|tukang"
_ASKS_FOR_WOMEN = re.compile(
    r"(?<![^\W_])(?:(?:only )?for (?:women|ladies|girls|pregnant women)|"
    r"(?:women|ladies|girls)[- ]only|women's|ladies'|"
    rf"(?:female|woman|lady) (?:{_STAFF})|"
    r"(?:solo )?para (?:mujeres|señoras|chicas|niñas|embarazadas)|solo mujeres|"
    r"(?:khusus|untuk) (?:anak )?(?:perempuan|wanita|putri|akhwat|muslimah|ibu-ibu|"
    r"ibu hamil)|"
    rf"(?:{_STAFF_ID})(?:nya)? (?:ada yang )?(?:perempuan|wanita)|ada yang (?:perempuan|wanita)|"
    r"rambut (?:wanita|perempuan)|(?:laki-laki|pria|cowok) atau (?:perempuan|wanita|cewek))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_WOMEN = re.compile(
    r"(?<![^\W_])(?:wom[ae]n\w*|lad(?:y|ies)|females?|girls?|mothers?|mums?|moms?|she|her|"
    r"pregnan\w*|mujer\w*|señoras?|chicas?|niñas?|madres?|embarazad\w*|femenin\w*|"
    r"perempuan|wanita|putri|ibu\w*|akhwat|muslimah|cewek|hamil|unisex)(?![^\W_])",
    re.IGNORECASE,
)


def asks_for_women(question: str) -> bool:
    """Whether the question asks for something for women, or for a woman on the staff."""
    return _ASKS_FOR_WOMEN.search(question) is not None


def women_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks for something for women, or for a woman on the staff,
    and no retrieved text speaks of women."""
    return asks_for_women(question) and not any(_SPEAKS_OF_WOMEN.search(t) for t in texts)


# ... and whether a pet may come: "¿Puede subir mi perro en el vuelo?", "Can I bring my
# dog?", "Is the café dog friendly?", "Boleh bawa kucing?". A page that never speaks of
# animals does not say (set EX's first run answered the paraglider's dog with the
# children's age; "Is the café dog friendly?" of set ET was answered too).
_PET = (
    r"dogs?|pupp(?:y|ies)|pets?|cats?|perr[oa]s?|perrit[oa]s?|cachorr[oa]s?|mascotas?|"
    r"gat[oa]s?|anjing|kucing|hewan(?: peliharaan)?|peliharaan"
)
_ASKS_FOR_PETS = re.compile(
    r"(?<![^\W_])(?:"
    # ... bringing it, or it coming: "Can I bring my dog?", "¿Puedo llevar a mi perro?",
    # "¿Puede venir mi perro?", "Boleh bawa anjing?"
    r"(?:bring|take|put|come|go|with|llevar|traer|venir|ir|subir|con|bawa|ajak|membawa|"
    r"dengan)\s+(?:(?:a|al|la|los|las|el|my|our|the|mi|mis|nuestr[oa]s?|un|una|in|along)\s+)"
    rf"{{0,2}}(?:{_PET})|"
    rf"(?:my|our|the|mi|nuestr[oa]|el|los) (?:{_PET}) (?:come|join|go|venir|ir|subir|entrar|"
    r"volar)|"
    rf"(?:puede|pueden|can) (?:venir|ir|subir|entrar|volar|come|join|go) "
    rf"(?:mi|mis|el|los|my|our|the)? ?(?:{_PET})|"
    rf"can (?:the |our |my )?(?:{_PET}) (?:come|join|go)|(?:{_PET}) (?:ok|okay)|"
    # ... or whether they are welcome: "dog friendly", "¿Se admiten perros?", "Are pets
    # allowed?"
    rf"(?:{_PET})[- ](?:friendly|welcome|allowed)|(?:{_PET}) (?:are|is) (?:allowed|welcome)|"
    rf"(?:se )?(?:admit\w+|aceptan|permit\w+) (?:los )?(?:{_PET})|"
    rf"(?:{_PET}) (?:boleh|bisa) (?:ikut|masuk|dibawa))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_ANIMALS = re.compile(
    rf"(?<![^\W_])(?:{_PET}|animals?|animales?|binatang|guide dogs?|assistance dogs?|"
    r"perros? gu[ií]a|lead|leads|correa|vet\w*|veterinari\w*)(?![^\W_])",
    re.IGNORECASE,
)


def pets_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks whether a pet may come and no retrieved text speaks of
    animals."""
    return _ASKS_FOR_PETS.search(question) is not None and not any(
        _SPEAKS_OF_ANIMALS.search(t) for t in texts
    )
