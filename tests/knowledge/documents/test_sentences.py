"""What the extractive answerer may quote: prose sentences, never markdown scaffolding."""

from __future__ import annotations

from agents.answer import ExtractiveAnswerer
from agents.retrieval import Passage
from knowledge.documents.sentences import (
    list_of,
    sentence_contexts,
    split_sentences,
)
from knowledge.encoders.embeddings import LocalEmbeddings

DOCUMENT = """# Rate limits for every API key

Each key has its own limit. See [the errors page](errors.md) for what a 429 means.

| Setting | Default | Meaning of the setting |
|---|---|---|
| RATE_LIMIT | 60/minute | Requests per key per minute |

## What happens when the limit is reached
![diagram](limits.png) The service answers 429 with a Retry-After header.

- Limits are counted in Redis, shared by every worker.
---
```
curl -H "X-API-Key: k" http://localhost:8000/v1/chat and more words here
```
"""


def test_headings_links_and_code_are_not_sentences_and_table_rows_read_as_prose() -> None:
    """A table row is quoted with its column names, never as `| a | b |` markup."""
    assert split_sentences(DOCUMENT) == [
        "Each key has its own limit.",
        "See the errors page for what a 429 means.",
        "Setting: RATE_LIMIT; Default: 60/minute; Meaning of the setting: Requests per key per minute.",
        "The service answers 429 with a Retry-After header.",
        "Limits are counted in Redis, shared by every worker.",
    ]


def test_a_table_row_is_quoted_as_the_answer(embeddings: LocalEmbeddings) -> None:
    """The splitter only adds row sentences, so the vectors of the prose sentences
    stored at ingestion stay aligned (chunks with tables are embedded anew)."""
    text = (
        "Limits protect the service from runaway clients.\n\n"
        "| Setting | Default |\n|---|---|\n| RATE_LIMIT | 120/minute |\n| CONVERSATION_TTL | 86400 |"
    )
    passage = Passage(text=text, title="Limits", source="limits.md", section="Limits",
                      page=None, score=1.0)  # fmt: skip
    answerer = ExtractiveAnswerer(embeddings, threshold=0.3, max_sentences=1,
                                  not_found_message="none")  # fmt: skip
    answer = answerer.answer("What is the default of CONVERSATION_TTL?", [passage])
    assert answer.text == "Setting: CONVERSATION_TTL; Default: 86400. [1]"


def test_each_sentence_carries_its_heading() -> None:
    assert sentence_contexts(
        "Keys are hashed with SHA-256. They never reach the logs.", "Security"
    ) == [
        "Security: Keys are hashed with SHA-256.",
        "Security: They never reach the logs.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    from knowledge.documents.sentences import split_sentences

    assert split_sentences(
        "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, "
        "Jatinangor, Sumedang. Kampus ini dibuka pada tahun 2011 untuk mahasiswa baru."
    ) == [
        "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, "
        "Jatinangor, Sumedang.",
        "Kampus ini dibuka pada tahun 2011 untuk mahasiswa baru.",
    ]
    assert split_sentences(
        "La oficina está en la Av. de la Constitución núm. 5, p. ej. junto al Sr. García. "
        "Abre a las nueve de la mañana."
    ) == [
        "La oficina está en la Av. de la Constitución núm. 5, p. ej. junto al Sr. García.",
        "Abre a las nueve de la mañana.",
    ]
    assert split_sentences("Mr. Smith met J. R. Tolkien in Oxford. He left the next day.") == [
        "Mr. Smith met J. R. Tolkien in Oxford.",
        "He left the next day.",
    ]
    # A letter naming a block, a gate or a door is no initial: the sentence ends there.
    assert split_sentences("Toko kami di Ruko Melati Blok C. Buka setiap hari pukul 09.00.") == [
        "Toko kami di Ruko Melati Blok C.",
        "Buka setiap hari pukul 09.00.",
    ]
    assert split_sentences("La consulta está en la planta 2, puerta B. Abrimos a las 9.") == [
        "La consulta está en la planta 2, puerta B.",
        "Abrimos a las 9.",
    ]
    # Sentences that merely end in a word like one still end there.
    assert split_sentences("Pumps, valves, seals and so on, etc. The next check is in May.") == [
        "Pumps, valves, seals and so on, etc.",
        "The next check is in May.",
    ]


def test_sentences_end_where_they_end_in_every_script() -> None:
    """A capital of any script (with an accent, Cyrillic, Greek), a letter of a script
    without case, "¿" and "¡" begin a sentence; the Chinese full stop, the danda and the
    Arabic question mark end one, with or without a space after them."""
    from knowledge.documents.sentences import split_sentences

    cases = [
        ["Москва — столица России и её крупнейший город.", "Город основан в 1147 году."],
        ["القاهرة هي عاصمة مصر وأكبر مدنها.", "يبلغ عدد سكانها أكثر من عشرين مليون نسمة."],
        ["दिल्ली भारत की राजधानी है।", "इसकी जनसंख्या दो करोड़ से अधिक है।"],
        ["北京是中国的首都。", "它有三千多年的历史。"],
        ["Ο Παρθενώνας είναι ναός της Αθηνάς.", "Χτίστηκε τον 5ο αιώνα π.Χ. στην Αθήνα."],
        ["İstanbul Türkiye'nin en kalabalık şehridir.", "Şehir iki kıtaya yayılır ve büyür."],
        [
            "La planta cierra a las cinco.",
            "¿Abre la planta los domingos?",
            "Él decide cada semana.",
        ],
        ["Die Brücke wurde 1890 gebaut.", "Über sie fahren täglich zehntausend Autos."],
    ]
    for sentences in cases:
        for joiner in (" ", "") if sentences[0][-1] in "。।" else (" ",):
            assert split_sentences(joiner.join(sentences)) == sentences
    # A closing quote after the Chinese full stop stays with its sentence.
    assert split_sentences("他说：“我们明天早上出发。”然后他就走了回家。") == [
        "他说：“我们明天早上出发。”",
        "然后他就走了回家。",
    ]
    # A stop before a small letter is still an abbreviation's, in any script.
    assert split_sentences("Используйте, напр. страницу администратора для этого.") == [
        "Используйте, напр. страницу администратора для этого."
    ]


def test_a_table_row_is_read_back_as_its_cells_and_prose_is_not() -> None:
    """The answerer matches a question's words against a row's cells: only rows as tables
    are written count, not prose that lists names after colons in brackets."""
    from knowledge.documents.tables import row_cells, table_lines

    [row] = table_lines([["Día", "Panadero", "Turno"], ["Martes", "Iñaki", "Mañana"]])
    assert row_cells(row) == ["Martes", "Iñaki", "Mañana"]
    prose = (
        "The Normans (Norman: Nourmands; French: Normands; Latin: Normanni) were the people "
        "who gave their name to Normandy."
    )
    assert row_cells(prose) == []


def test_markdown_emphasis_is_read_as_its_words_and_bold_labels_open_entries() -> None:
    """Quoted with its marks, a spec sheet read "**Modelo:** HP LaserJet M404
    **Ubicación:** segunda planta..." as one sentence."""
    text = (
        "**Modelo:** HP LaserJet M404\n"
        "**Ubicación:** segunda planta, junto a la sala de reuniones\n"
        "__Precio__: 20 euros por mes y usuario.\n\n"
        "Names like my_var_name and sums like 2*3*4 keep their marks; *this* loses them."
    )
    assert split_sentences(text) == [
        "Modelo: HP LaserJet M404",
        "Ubicación: segunda planta, junto a la sala de reuniones",
        "Precio: 20 euros por mes y usuario.",
        "Names like my_var_name and sums like 2*3*4 keep their marks; this loses them.",
    ]


def test_a_sentence_that_introduces_a_list_is_given_its_items_however_short() -> None:
    text = (
        "## Visits\n\nBefore your first visit, bring these papers:\n\n1. Passport\n"
        "2. Two photos, taken this year\n\nThe desk is open on weekdays. "
        "Documents go to:\n\n- the front desk\n- or the post box\n\nLast line here."
    )
    intro = "Before your first visit, bring these papers:"
    assert intro in split_sentences(text)
    assert introduced(intro, text) == ["1. Passport", "2. Two photos, taken this year"]
    # the introducing sentence ends a block that holds another sentence before it
    assert introduced("Documents go to:", text) == ["- the front desk", "- or the post box"]
    assert introduced("The desk is open on weekdays.", text) == []
    assert introduced("Nothing like this in the text:", text) == []


def test_bullets_as_typed_or_printed_open_items_and_a_short_items_next_line_a_paragraph() -> None:
    text = (
        "To claim an expense, follow these steps:\n"
        "• Keep the original receipt of every payment you made, even small ones\n"
        "– Upload a photo of the receipt in the expenses app within\n"
        "30 days of the trip.\n"
        "▪ Wait for your manager to approve it\n"
        "Payment follows with the next salary."
    )
    assert split_sentences(text) == [
        "To claim an expense, follow these steps:",
        "Keep the original receipt of every payment you made, even small ones",
        "Upload a photo of the receipt in the expenses app within 30 days of the trip.",
        "Wait for your manager to approve it",
        "Payment follows with the next salary.",
    ]
    assert len(introduced("To claim an expense, follow these steps:", text)) == 3


def test_a_list_of_short_items_is_one_sentence_and_a_price_list_stays_a_row_each() -> None:
    """ "- Towel" was no sentence at all (under four words): what to bring was not there to
    quote. A price list's labelled items answer alone, as a table's rows do."""
    text = (
        "## What to bring\n\n- Swimsuit and cap\n- Towel\n- Padlock for the locker\n\n"
        "## Prices\n\n- Tooth extraction: from 95 pounds\n- Check-up: 45 pounds\n"
    )
    sentences = split_sentences(text)
    assert "Swimsuit and cap; Towel; Padlock for the locker." in sentences
    # a labelled value of three words is a sentence too ("Check-up: 45 pounds")
    assert sentences[1:] == ["Tooth extraction: from 95 pounds", "Check-up: 45 pounds"]
    listed = list_of("Swimsuit and cap; Towel; Padlock for the locker.", text)
    assert listed is not None
    assert listed.quoted() == "- Swimsuit and cap\n- Towel\n- Padlock for the locker"
    prices = list_of("Tooth extraction: from 95 pounds", text)
    assert prices is not None and prices.labelled and prices.joined is None


def introduced(sentence: str, text: str) -> list[str]:
    """The items of the list `sentence` introduces in `text` (none if it introduces none)."""
    found = list_of(sentence, text)
    return list(found.items) if found and found.intro == sentence else []


def test_an_item_of_a_list_quoted_whole_is_not_quoted_again(embeddings: LocalEmbeddings) -> None:
    text = (
        "Treatment prices, per visit:\n\n- Tooth extraction: from 95 pounds per tooth\n"
        "- Check-up with the dentist: 45 pounds\n\nPrices include VAT at the current rate."
    )
    answerer = ExtractiveAnswerer(embeddings, threshold=0.0, max_sentences=3, not_found_message="-")
    passage = Passage(
        text=text, title="Prices", source="prices.md", section=None, page=None, score=1.0
    )
    question = "What does a tooth extraction cost, and what are the prices per visit?"
    answer = answerer.answer(question, [passage]).text
    assert answer.count("Tooth extraction") == 1, answer
    assert answer.startswith("Treatment prices, per visit:\n- Tooth extraction"), answer


def test_lines_opened_by_a_plain_label_are_entries_and_a_labelled_value_is_a_sentence() -> None:
    card = "Horario: de lunes a viernes de 9:00 a 14:00\nTeléfono: 912 345 678\nCorreo: info@sol.es"
    assert split_sentences(card) == [
        "Horario: de lunes a viernes de 9:00 a 14:00",
        "Teléfono: 912 345 678",
        "Correo: info@sol.es",
    ]
    # a wrapped sentence whose next line holds a colon further on is still one sentence
    prose = "The meeting was long and we spoke\nabout many things: the budget and the plan."
    assert split_sentences(prose) == [
        "The meeting was long and we spoke about many things: the budget and the plan."
    ]
    assert split_sentences("Short one: two.") == ["Short one: two."]
    assert split_sentences("not labelled here") == []  # under four words, no label, no ends


def test_steps_written_with_their_word_are_a_numbered_list() -> None:
    text = (
        "Step 1: Connect to the guest wifi network.\nStep 2: Open the print page and sign in."
        "\nStep 3: Collect the pages at any printer.\n\nPaso 1: Llame al taller por teléfono."
    )
    steps = list_of("Step 2: Open the print page and sign in.", text)
    assert steps is not None and not steps.labelled  # steps answer together, not alone
    assert steps.items == (
        "Step 1: Connect to the guest wifi network.",
        "Step 2: Open the print page and sign in.",
        "Step 3: Collect the pages at any printer.",
    )
    other = list_of("Paso 1: Llame al taller por teléfono.", text)  # numbered from 1 again
    assert other is not None and other.start != steps.start


def test_a_short_sentence_stating_a_value_is_one() -> None:
    """ "Biaya pendaftaran Rp150.000." was dropped as a fragment: "Berapa biaya
    pendaftaran?" was answered with the sentence after it, the monthly fees."""
    text = "Biaya pendaftaran Rp150.000. Biaya bulanan SD Rp350.000 dan SMP Rp450.000."
    assert split_sentences(text) == [
        "Biaya pendaftaran Rp150.000.",
        "Biaya bulanan SD Rp350.000 dan SMP Rp450.000.",
    ]
    assert split_sentences("Check-in from 14:00. Breakfast is at 8.")[0] == "Check-in from 14:00."
    # two words are still a fragment
    assert split_sentences("Tumpeng Rp750.000.") == []


def test_three_words_from_a_capital_to_a_full_stop_are_a_sentence() -> None:
    """ "Pemeriksaan kerusakan gratis." (checking the fault is free) was dropped as a
    fragment, so "Cek kerusakan bayar tidak?" was answered with the warranty sentence."""
    text = "Pemeriksaan kerusakan gratis. Ganti keyboard mulai Rp250.000."
    assert split_sentences(text) == [
        "Pemeriksaan kerusakan gratis.",
        "Ganti keyboard mulai Rp250.000.",
    ]
    assert split_sentences("Corkage is free!") == ["Corkage is free!"]
    # three words that do not end as a sentence does are not one: a heading, a name cut
    # at an initial or an abbreviation, a chunk's tail
    assert split_sentences("Harga dan garansi") == []
    assert split_sentences("Daly et al.") == []
    assert split_sentences("Scott's assistant J.W.") == []
