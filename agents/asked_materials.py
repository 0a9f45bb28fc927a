"""A thing asked in a material no page names, of pages naming things in another:
"¿Restauráis muebles de metal?" of "Restauramos muebles antiguos de madera", "Do you do
leather furniture?" of an upholsterer's fabrics, "Bisa pasang pagar besi?" of a canopy
fitter's light steel. The question shares the thing with the page ("muebles"), and the
encoder puts metal and wood close together, so the decision answered with the sentence
on the material the pages do work in.

A material is read where it says what a thing is made of: before the thing in English
("metal furniture", "a wooden sign"), after "de" in Spanish ("anillos de oro"), after
the thing in Indonesian ("pagar besi"); not where it is a word of its own ("¿Necesito
algún papel?", "¿El cuero lo pago aparte?") nor part of a name. Counted in the hand-written
sets before the rule was built (sets A to DL): of the questions naming a material so,
none in a page while another is, 20 were near-topic, 5 off-topic and none answerable ("¿Tenéis
correas de cuero?" of a page on "correas de piel" is the same material in another word).
"""

from __future__ import annotations

from agents.answerability import (
    proper_names,
    reading_language,
    stem_of,
    stopwords_of,
    words_of,
)

_MATERIALS = {
    "en": frozenset(
        "wood wooden timber metal steel iron plastic glass leather fabric stone marble "
        "aluminium aluminum brass copper silver gold ceramic porcelain bamboo rattan wicker "
        "concrete brick cotton wool silk cardboard".split()
    ),
    "es": frozenset(
        "madera maderas metal metales acero hierro forja plástico vidrio cristal cuero piel "
        "tela telas piedra mármol aluminio latón cobre plata oro cerámica porcelana bambú "
        "mimbre ratán hormigón ladrillo algodón lana seda cartón".split()
    ),
    "id": frozenset(
        "kayu besi baja plastik kaca kulit kain batu marmer aluminium kuningan tembaga perak "
        "emas keramik porselen bambu rotan beton bata katun wol sutra kardus".split()
    ),
}
# The same material in other words: a page on "correas de piel" has leather straps.
_SAME = (
    frozenset({"cuero", "piel"}),
    frozenset({"vidrio", "cristal"}),
    frozenset({"wood", "wooden", "timber"}),
    frozenset({"aluminium", "aluminum"}),
    frozenset({"hierro", "forja"}),
)
_ANY_MATERIAL = frozenset().union(*_MATERIALS.values())
_OF = frozenset({"de", "del"})


def names_other_material(sentence: str, question: str) -> bool:
    """Whether the sentence names a thing the question asks of in a material the
    question does not name, as its language writes a thing's material: "Kaosnya bahan
    apa?" (what is the T-shirt made of) of "sudah termasuk kaos cotton combed 30s" answers
    without a word of making (set EF). Not "What is glass made from?" of a sentence naming
    glass alone, nor "Tanah liat terbuat dari apa?" of "membuat keramik dari tanah liat"
    (the clay is what the ceramics are of)."""
    language = reading_language(question, [sentence])
    stopwords = stopwords_of(language)
    asked = {w.lower() for w in words_of(question)}
    # (the words asking it are no thing: "terbuat" and "membuat" share a stem)
    things = {
        stem_of(w, language) for w in asked if w not in stopwords and w not in _MAKING
    } - _ANY_MATERIAL
    words = [w.lower() for w in words_of(sentence)]

    def names_thing(near: list[str]) -> bool:
        return bool(things & {stem_of(w, language) for w in near})

    for i, word in enumerate(words):
        if word not in _ANY_MATERIAL or word in asked:
            continue
        # the thing before its material ("kaos cotton", "camisetas de algodón"); in
        # English after it ("cotton T-shirts") or before it, said of it ("T-shirts are
        # 100% cotton"), not what it is made from ("ceramics from clay")
        if language != "en":
            found = names_thing(words[max(0, i - 2) : i])
        else:
            before = words[max(0, i - 3) : i]
            found = names_thing(words[i + 1 : i + 3]) or (
                names_thing(before) and not _MAKING.intersection(before)
            )
        if found:
            return True
    return False


# The words asking or saying what a thing is made of, which name no thing.
_MAKING = frozenset(
    "made make makes from of with out hecho hecha hechos hechas fabricado fabricada de con "
    "terbuat dibuat membuat buat dari bahan bahannya".split()
)


def unheld_material(question: str, texts: list[str]) -> str | None:
    """The material the question asks a thing in, when none of `texts` names it (nor in
    another word) and one names another material; else None."""
    if not _ANY_MATERIAL.intersection(w.lower() for w in words_of(question)):
        return None  # most questions name none: the texts need not be read
    # (a short question's guess is often wrong: "Bisa pasang kanopi kaca?" as Tagalog)
    language = reading_language(question, texts)
    materials = _MATERIALS.get(language)
    if materials is None:
        return None
    held = {w.lower() for text in texts for w in words_of(text)} & materials
    if not held:
        return None  # pages naming no material do not say which they work in
    asked = _asked_materials(question, language, materials)
    held_stems = {stem_of(w, language) for w in held}
    for material in asked:
        same = next((group for group in _SAME if material in group), frozenset({material}))
        if held & same or {stem_of(w, language) for w in same} & held_stems:
            continue
        return material
    return None


def _asked_materials(question: str, language: str, materials: frozenset[str]) -> list[str]:
    """The materials the question names a thing in, as its language writes it."""
    stopwords = stopwords_of(language)
    named = {word for name in proper_names(question, language) for word in name}
    words = [w.lower() for w in words_of(question)]

    def thing(i: int) -> bool:
        return 0 <= i < len(words) and words[i] not in stopwords and words[i] not in materials

    found = []
    for i, word in enumerate(words):
        if word not in materials or word in named:
            continue
        if (
            (language == "en" and thing(i + 1))
            or (language == "es" and i >= 2 and words[i - 1] in _OF and thing(i - 2))
            or (language == "id" and thing(i - 1))
        ):
            found.append(word)
    return found
