"""Chunks of text written by hand, as a first knowledge base's documents often are: plain
lines as headings, paragraphs apart, no Markdown."""

from __future__ import annotations

from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import load_bytes
from knowledge.documents.sentences import split_sentences
from tests.knowledge.files import pdf_bytes

GUIDE = """Gimnasio Olímpico Norte: guía del socio

Horario
El gimnasio abre de lunes a viernes de 6:30 a 22:30 y los sábados de 9:00 a 14:00.
Los domingos permanece cerrado.

Cuotas
La cuota mensual cuesta 39 euros y la trimestral 105 euros.

Clases dirigidas
Las clases de spinning y pilates están incluidas en la cuota.
"""


def chunks(text: str, title: str = "Guía", source: str = "api/guia.md") -> list:
    document = load_bytes(text.encode(), source, title=title)
    return Chunker(chunk_size=1000, chunk_overlap=150).split(document, org_id="o", kb_id="k")


def sentences_by_section(text: str, title: str = "Guía") -> dict:
    found: dict = {}
    for chunk in chunks(text, title):
        found.setdefault(chunk.section, []).extend(split_sentences(chunk.text))
    return found


def test_a_plain_line_above_a_paragraph_is_its_section_not_its_first_words() -> None:
    found = sentences_by_section(GUIDE, title="Gimnasio Olímpico Norte: guía del socio")
    assert found["Horario"][0].startswith("El gimnasio abre de lunes"), found
    assert found["Cuotas"] == ["La cuota mensual cuesta 39 euros y la trimestral 105 euros."]
    assert "Clases dirigidas" in found
    every = [s for section in found.values() for s in section]
    # the title line heads the document: it is not a sentence of it
    assert not any(s.startswith(("Gimnasio Olímpico", "Horario", "Cuotas")) for s in every)


def test_paragraphs_of_one_section_stay_apart() -> None:
    """The header splitter joins a section's paragraphs with a line break: a paragraph
    without a full stop ran into the next one's first sentence."""
    text = (
        "# Contact\n\nOffice of Student Affairs, Building C room 12\n\n"
        "Students can visit the office on weekdays from 9 am to 4 pm.\n"
    )
    found = sentences_by_section(text)
    assert "Students can visit the office on weekdays from 9 am to 4 pm." in found["Contact"]
    assert not any("room 12 Students" in s for s in found["Contact"]), found


def test_lines_of_figures_labels_and_list_items_are_not_headings() -> None:
    text = (
        "Jam buka perpustakaan pada hari kerja\n"
        "Senin sampai Jumat 08.00-19.00 dan Sabtu 09.00-13.00.\n\n"
        "Senin 08.00-16.00\nSelasa sampai Kamis 08.00-16.00 kecuali libur\n\n"
        "Catatan:\nPeminjaman dapat diperpanjang satu kali melalui aplikasi perpustakaan.\n\n"
        "- Kartu anggota\n- Buku yang dipinjam dan bukti peminjaman\n\n"
        "```\nPerintah contoh\nbuka aplikasi lalu pilih menu peminjaman buku\n```\n"
    )
    everything = [c.text for c in chunks(text)]
    sections = {c.section for c in chunks(text)}
    # the first line heads its paragraph; the others are content and stay in the text
    assert "Jam buka perpustakaan pada hari kerja" in sections
    joined = " ".join(everything)
    for kept in ("Senin 08.00-16.00", "Catatan:", "Kartu anggota", "Perintah contoh"):
        assert kept in joined, (kept, everything)
    assert sections <= {"Jam buka perpustakaan pada hari kerja"}


def test_a_bold_line_heads_its_section_by_its_words() -> None:
    text = "**Horario**\n\nEl gimnasio abre de lunes a viernes de 6:30 a 22:30.\n"
    assert [c.section for c in chunks(text)] == ["Horario"]
    asked = "**¿Puedo cambiar la fecha de mi cita una vez reservada por la web?**"
    text = f"{asked}\n\nSí, hasta 24 horas antes, desde el enlace del correo.\n"
    assert [c.section for c in chunks(text)] == [asked.strip("*")]


def test_a_question_on_its_own_line_heads_its_answer() -> None:
    text = (
        "Frequently asked questions\n\nHow do I book an appointment?\n"
        "You can book online or call the front desk.\n\n"
        "Do you deliver?\nCan I pay by card?\n\nLost your card? Call us at once, day or night.\n"
    )
    found = sentences_by_section(text)
    assert (
        found["How do I book an appointment?"][0] == "You can book online or call the front desk."
    )
    # a question followed by another, and one in a line of prose, head nothing
    assert "Do you deliver?" not in found and "Lost your card?" not in found


def test_prose_wrapped_after_a_few_words_is_not_a_heading() -> None:
    text = (
        "Kampus Jatinangor terletak di\nJl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, Jatinangor.\n\n"
        "The quick brown fox jumps over\nthe lazy dog and runs far away into the woods.\n"
    )
    assert {c.section for c in chunks(text)} == {None}
    sentences = [s for c in chunks(text) for s in split_sentences(c.text)]
    assert (
        "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, Jatinangor."
        in (sentences)
    )


def test_a_plain_text_file_is_cut_at_its_headings_too() -> None:
    text = (
        "Opening hours\nThe shop opens at nine and closes at six on weekdays.\n\n"
        "Can I pay by card?\nYes, by card or cash at the till.\n\n"
        "HISTSIZE\n       The number of commands to remember in the command history.\n"
    )
    found = {
        c.section: split_sentences(c.text) for c in chunks(text, title="Shop", source="notes.txt")
    }
    assert found["Opening hours"] == ["The shop opens at nine and closes at six on weekdays."]
    assert found["Can I pay by card?"][0] == "Yes, by card or cash at the till."
    # an indented definition under its term is still read as one (manual pages)
    assert (
        "HISTSIZE: The number of commands to remember in the command history."
        in (found["Can I pay by card?"])
    )


def test_a_printed_questions_and_answers_page_is_cut_at_its_questions() -> None:
    """A PDF's text layer is lines: the second question follows its previous answer's
    last line with no blank line between them."""
    page = (
        "Riverside Dental questions and answers\nHow do I book an appointment?\n"
        "You can book online through our website or call the front desk on 020 7946 0321.\n"
        "What are your opening hours?\n"
        "Monday to Thursday 8 am to 6 pm, Friday 8 am to 4 pm. We are closed at weekends."
    )
    document = load_bytes(pdf_bytes([page]), "faq.pdf")
    parts = Chunker(chunk_size=1000, chunk_overlap=150).split(document, org_id="o", kb_id="k")
    found = {c.section: split_sentences(c.text) for c in parts}
    assert found["What are your opening hours?"][-1] == "We are closed at weekends.", found
    assert not any("?" in s for sentences in found.values() for s in sentences), found
    assert {c.page for c in parts} == {1}


def test_the_labels_of_questions_and_answers_are_not_their_words() -> None:
    """ "Q: Do you deliver?" was the section and "A: Yes..." the quote, labels and all."""
    text = (
        "Greenfield Pharmacy FAQ\n\nQ: Do you deliver prescriptions?\n"
        "A: Yes, we deliver within 5 km of the shop on weekdays.\n\n"
        "**P1:** ¿Hace falta reservar la pista?\n"
        "**R1:** Sí, las pistas se reservan en la web.\n\n"
        "T. Berapa lama pengembalian dana diproses?\nJ. Dalam 7 sampai 14 hari kerja.\n\n"
        "A: 55 EUR is the allowance in Berlin, as a line of its own.\n"
    )
    found = sentences_by_section(text)
    assert found["Do you deliver prescriptions?"] == [
        "Yes, we deliver within 5 km of the shop on weekdays."
    ], found
    assert found["¿Hace falta reservar la pista?"] == ["Sí, las pistas se reservan en la web."]
    assert found["Berapa lama pengembalian dana diproses?"] == [
        "Dalam 7 sampai 14 hari kerja.",
        "A: 55 EUR is the allowance in Berlin, as a line of its own.",  # not under a question
    ]
