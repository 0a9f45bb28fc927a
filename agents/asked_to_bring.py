"""What to bring or wear: "What should I pack?", "¿Qué tiene que traer mi hijo?", "Apa
saja yang harus dibawa?", "What should I wear?". A page answers in a sentence telling
what to bring, to wear, or what is provided ("Bring two towels and a water bottle",
"Wear boots", "Hacen falta botas de montaña", "Lunch and all tools are provided"), which
shares no word with the question but its verb, if that. In the hand sets' seen part, 5
answerable questions asked so were declined for want of shared words.
"""

from __future__ import annotations

import re

_WHO = r"(?:i|we|he|she|they|you|my \w+|our \w+|the \w+)"
# What is worn, named in a question ("What [shoes] should I wear?", "¿Qué [ropa] me
# pongo?"): asking words (`BRING_WORDS`), and what `tells_what_to_wear` reads.
_WORN_WORDS = ("clothes", "clothing", "shoes", "footwear", "kit", "gear")
_PUESTO_WORDS = ("ropa", "calzado", "zapatos", "zapatillas")
_WORN = f"(?:{'|'.join(_WORN_WORDS)})"
# Things worn, by name, as a page tells them.
_WORN_THINGS = (
    r"(?:clothes|clothing|shoes|boots|trainers|wellies|wellingtons|footwear|trousers|jeans|"
    r"jacket|coat|gloves|hat|helmet|ropa|calzado|zapatos|zapatillas|botas|pantal[oó]n|"
    r"pantalones|chaqueta|guantes|gorra|casco|sepatu|baju|celana|jaket|topi|helm)"
)
_PUESTO = f"(?:{'|'.join(_PUESTO_WORDS)})"
_ASKS_TO_BRING = re.compile(
    # ... what clothes or shoes, too: "What shoes should I wear?", "¿Qué ropa me pongo?"
    rf"(?<![^\W_])(?:what (?:{_WORN} )?(?:do|does|should|must|shall|will|would) {_WHO} "
    r"(?:need to |have to |be )?(?:bring|pack|wear|take|put on|wearing)|"
    r"what (?:to|do i need to|do we need to) (?:bring|pack|wear)|"
    # ... or what of them one needs: "What footwear do I need?", "¿Qué calzado necesito?"
    rf"what {_WORN} (?:do|does|will|would) {_WHO} need|"
    rf"qu[eé] {_PUESTO} (?:necesito|necesita|necesitas|necesitamos|necesit[aá]is|necesitan|"
    r"hace falta)|"
    rf"qu[eé] (?:{_PUESTO} )?(?:(?:tengo|tiene|tienes|tenemos|ten[eé]is|tienen|hay|debo|debe|"
    r"debes|debemos|deb[eé]is|deben) (?:que )?|(?:necesito|necesita|necesitas|necesitamos|"
    r"necesit[aá]is|necesitan) )(?:llevar|traer|ponerme|ponerse|ponernos|poner)|"
    rf"qu[eé] (?:{_PUESTO} )?(?:me |nos )?(?:llevo|traigo|llevamos|traemos|me pongo|"
    r"nos ponemos)|"
    # ... or how to come dressed: "¿Cómo tengo que ir vestido?", "¿Cómo voy vestida?"
    r"c[oó]mo (?:(?:tengo|tiene|tenemos|hay|debo|debe|debemos) que ir|voy|vamos|"
    r"venimos|vengo) vestid[oa]s?|"
    r"apa (?:saja )?yang (?:harus|perlu|wajib|mesti|sebaiknya) (?:di|mem)?(?:bawa|siapkan|"
    r"persiapkan|pakai)|(?:harus|perlu|wajib|mesti) (?:mem)?bawa apa|bawa apa(?: saja)?|"
    r"(?:harus|perlu|sebaiknya) pakai (?:baju |sepatu |alas kaki )?apa|"
    r"pakai (?:baju|sepatu|alas kaki) apa)(?![^\W_])",
    re.IGNORECASE,
)
# ... or whether to bring something: "Do I need to bring a towel?", "¿Hay que llevar
# casco?", "Perlu bawa gunting?", "Krayonnya bawa sendiri?" (one's own) (not a person
# taken along: "¿Tengo que llevar a mi hijo?"); the sentence must then name it.
_ASKS_WHETHER_TO_BRING = re.compile(
    rf"(?<![^\W_])(?:(?:do|does|should|must|shall) {_WHO} (?:need to |have to )?"
    r"(?:bring|pack|wear)|(?:(?:tengo|tiene|tienes|tenemos|ten[eé]is|tienen|hay|debo|"
    r"debe|debemos|deb[eé]is|deben) que |(?:necesito|necesita|necesitamos|necesit[aá]is|"
    r"necesitan) )(?:llevar|traer)(?!\s+al?\s)|^¿?(?:llevo|traigo|llevamos|traemos)|"
    r"(?:perlu|harus|wajib|mesti|sebaiknya) (?:mem)?bawa|"
    r"(?:mem)?bawa(?: [^\W\d_]+){0,2} sendiri)(?![^\W_])",
    re.IGNORECASE,
)
_TELLS_WHAT_TO_BRING = re.compile(
    r"(?<![^\W_])(?:bring|brings|pack|wear|wearing|provided|supplied|lend|we provide|"
    r"take along|trae|traed|traer|traiga|traigan|lleva|llevad|llevar|lleve|lleven|"
    r"ponte|poneos|venir con|ven con|venid con|hace falta|hacen falta|se necesita|"
    r"se necesitan|incluid[oa]s?|"
    r"prestamos|proporcionamos|ponemos|bawa|bawalah|membawa|dibawa|disediakan|"
    # ... or what one must have: "Para hacer guantes es obligatorio el casco"
    r"(?:es|son) obligatori[oa]s?|(?:is|are) compulsory|(?:is|are) mandatory|"
    r"menyediakan|pakai|pakailah|memakai|kenakan|siapkan|dipinjami|meminjamkan|"
    # ... given to use: "Pengunjung diberi keranjang dan gunting", "os damos el arnés"
    r"diberi|diberikan|dipinjamkan|os damos|te damos|os prestamos|te prestamos|termasuk|"
    # ... or what one needs: "Children need waterproofs, wellies and a packed snack"
    r"(?:children|kids|you|everyone|participants|players|visitors|guests|students|pupils) "
    r"(?:will )?need|necesitas|necesit[aá]is|los niños necesitan|"
    # ... or what is worn, recommended: "Recomendamos zapatos con suela de cuero", "We
    # recommend walking boots" (not any advice: "Recomendamos reservar")
    rf"(?:recomendamos|aconsejamos|se recomienda|(?:we )?recommend|(?:we )?suggest|"
    rf"disarankan|dianjurkan|sebaiknya)(?:\s+[\w'’-]+){{0,3}}?\s+{_WORN_THINGS})(?![^\W_])",
    re.IGNORECASE,
)
# What one takes home is not what one brings: "Setiap peserta membawa pulang dua lembar
# kain", "Cada alumno se lleva a casa la vidriera".
_TAKEN_HOME = re.compile(
    r"(?<![^\W_])(?:(?:mem|di)?bawa(?:lah)? pulang|(?:se |te |os )?ll[eé]va(?:n|rse|rte|ros)? "
    r"a casa|take (?:it |them |\w+ )?home)(?![^\W_])",
    re.IGNORECASE,
)
BRING_WORDS = frozenset(
    "what do does should must shall will would can i we he she they you my our the need "
    "to have be bring pack wear wearing take put on qué que tengo tiene tienes tenemos "
    "tenéis teneis tienen hay debo debe debes debemos debéis debeis deben necesito "
    "necesita necesitas necesitamos necesitáis necesitais necesitan llevar traer ponerme "
    "ponerse ponernos poner llevo traigo llevamos traemos me nos pongo ponemos apa saja "
    "yang harus perlu wajib mesti sebaiknya bawa dibawa membawa siapkan disiapkan "
    "persiapkan dipersiapkan pakai dipakai memakai baju own propio propia propios propias "
    "sendiri "
    # how to come dressed: "¿Cómo tengo que ir vestido?"
    "cómo como ir voy vamos vengo venimos vestido vestida vestidos vestidas "
    # who is to bring it: "¿Qué tiene que traer mi hijo?"
    "son daughter child children kid kids hijo hija hijos hijas niño niña niños anak "
    # ... and whether it is anything in particular: "Should I wear anything special?"
    "anything special particular algo especial khusus sepatu alas kaki falta".split()
) | frozenset(_WORN_WORDS + _PUESTO_WORDS)


# What it is brought or worn for, after the question's verb ("¿Qué me pongo [para subir
# al globo]?", "What should I wear [for the climb]?"): the page's own activity, in the
# asker's words, which a sentence telling what to bring or wear need not repeat; so is
# the occasion a number of people asks room for ("Somos 60 [para una comida de
# empresa], ¿cabemos?"); and so is when it is brought ("What do I need to bring [when I
# pick it up]?" of "leave a photo ID when you collect").
_FOR_WHAT = re.compile(
    r"\s(?:para|for|untuk|buat|when|cuando|saat|ketika)\s[^?.!,;¿]*", re.IGNORECASE
)


def without_what_for(question: str) -> str:
    """The question without what it asks things for: what they are brought or worn for
    (or when), or the occasion people come for."""
    return _FOR_WHAT.sub("", question)


def asks_to_bring(question: str) -> bool:
    """Whether the question asks what to bring, pack or wear."""
    return _ASKS_TO_BRING.search(question) is not None


def asks_whether_to_bring(question: str) -> bool:
    """Whether the question asks to bring something (not what to bring; whether, if it
    asks nothing else: "What time should I bring my cat in?" asks a time)."""
    return (
        _ASKS_TO_BRING.search(question) is None
        and _ASKS_WHETHER_TO_BRING.search(question) is not None
    )


# Clothes or shoes asked for by name ("What footwear should we wear?"): a sentence telling
# only what is provided ("Wheelbarrows and knives are provided") does not answer it; one
# naming something worn, or wearing, does.
_ASKS_WORN = re.compile(rf"(?<![^\W_])(?:{_WORN}|{_PUESTO}|vestid[oa]s?)(?![^\W_])", re.IGNORECASE)
_NAMES_WORN = re.compile(
    rf"(?<![^\W_])(?:wear|wearing|dress|dressed|{_WORN_THINGS}|ponte|poneos|"
    # (coming with something, not someone: "No hace falta venir con pareja")
    r"venir con(?! (?:(?:una?|tu|su|vuestr[oa]s?) )?(?:pareja|acompañante|amig[oa]s?|"
    r"hij[oa]s?|niñ[oa]s?|adultos?|alguien))|"
    r"vestid[oa]s?|pakai|memakai|kenakan)(?![^\W_])",
    re.IGNORECASE,
)


def tells_what_to_wear(sentence: str, question: str) -> bool:
    """Asked what clothes or shoes to wear (by their name), whether the sentence names
    something worn or wearing it; any sentence, asked otherwise."""
    return _ASKS_WORN.search(question) is None or _NAMES_WORN.search(sentence) is not None


def tells_what_to_bring(sentence: str) -> bool:
    """Whether the sentence tells what to bring or wear, or what is provided or
    included."""
    return _TELLS_WHAT_TO_BRING.search(_TAKEN_HOME.sub(" ", sentence)) is not None
