"""The extractive answerer on passages as retrieval hands them over from real documents:
overlapping chunks, chunks cut mid-sentence, justified text with runs of spaces."""

from __future__ import annotations

import re

from agents.answer import ExtractiveAnswerer, asked_part, snippet
from agents.retrieval import Passage
from knowledge.documents.loaders import load_bytes
from knowledge.encoders.embeddings import LocalEmbeddings


def passage(text: str, source: str = "bash.txt", rank: int = 0) -> Passage:
    return Passage(text=text, title="notes", source=source, section=None, page=None,
                   score=1.0 - rank / 10)  # fmt: skip


def answerer(embeddings: LocalEmbeddings) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(embeddings, threshold=0.3, max_sentences=2,
                              not_found_message="Not found.")  # fmt: skip


def quoted(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"\s*\[\d+\]\s*", text) if s.strip()]


FILE_PARAGRAPH = (
    "The name of the file in which the note list is saved.  The default value is "
    "~/.quill_notes.  If unset, the note list is not saved when the shell exits."
)


def test_a_sentence_found_twice_is_quoted_once(embeddings: LocalEmbeddings) -> None:
    twice = [passage(FILE_PARAGRAPH), passage(FILE_PARAGRAPH, source="copy.txt", rank=1)]
    answer = answerer(embeddings).answer("What is the default value?", twice)
    sentences = quoted(answer.text)
    assert len(sentences) == len(set(sentences)) and answer.found
    assert [c["n"] for c in answer.citations] == [1]


def test_a_chunk_cut_mid_sentence_is_never_glued_to_the_next_quote(
    embeddings: LocalEmbeddings,
) -> None:
    """Chunks indexed by an earlier release may end or begin mid-sentence: the opening
    fragment is not quoted, a closing one is marked as cut."""
    cut_end = "When a shell exits, the note list is written.  The note file is also"
    cut_start = "truncated to this size.  The default value is ~/.quill_notes for the file."
    answer = answerer(embeddings).answer(
        "What is the note file, and what is its default value?",
        [passage(cut_end), passage(cut_start, rank=1)],
    )
    for sentence in quoted(answer.text):
        assert sentence.endswith((".", "…")) and sentence[0].isupper(), answer.text
    assert "truncated to" not in answer.text and "is also The" not in answer.text


def test_prose_wrapped_mid_sentence_is_chunked_at_sentence_ends() -> None:
    from knowledge.documents.chunking import Chunker

    sentence = "The note file is truncated to this size after writing it when the shell exits."
    wrapped = "\n".join(["       " + sentence[:40], "       " + sentence[40:]] * 12)
    document = load_bytes(wrapped.encode(), "quill.txt")
    chunks = Chunker(chunk_size=300, chunk_overlap=60).split(document, org_id="o", kb_id="k")
    assert len(chunks) > 2
    for chunk in chunks:
        assert chunk.text.startswith("The note") and chunk.text.endswith("exits."), chunk.text


def test_runs_of_spaces_and_tabs_become_single_spaces(embeddings: LocalEmbeddings) -> None:
    justified = "The  default\tvalue   is  ~/.quill_notes  when   nothing else\tis set."
    answer = answerer(embeddings).answer("What is the default value?", [passage(justified)])
    assert answer.text == "The default value is ~/.quill_notes when nothing else is set. [1]"
    assert snippet("  a  chunk\tcut  mid-way.") == "…a chunk cut mid-way."


def test_words_hyphenated_across_lines_are_joined() -> None:
    text = "The note file is trun-\n      cated to this size when the shell ex\u2010\nits.\n"
    loaded = load_bytes(text.encode(), "quill.txt")
    assert "truncated to this size" in loaded.text and "exits." in loaded.text
    assert load_bytes(b"A well-\nKnown name.", "a.txt").text == "A well-\nKnown name."


def test_an_address_is_quoted_whole_and_sentences_keep_the_documents_order(
    embeddings: LocalEmbeddings,
) -> None:
    campus = passage(
        "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, "
        "Jatinangor, Sumedang. Kampus Jatinangor dapat dicapai dengan bus kampus dari "
        "Bandung setiap pagi.",
        source="kampus.md",
    )
    answer = answerer(embeddings).answer("Di mana letak Kampus Jatinangor?", [campus])
    sentences = quoted(answer.text)
    assert sentences[0] == (
        "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, "
        "Jatinangor, Sumedang."
    )
    if len(sentences) > 1:  # a second sentence of the same passage comes after it
        assert sentences[1].startswith("Kampus Jatinangor dapat dicapai")
    assert "Mashudi No. 1" in answer.citations[0]["snippet"]


def test_the_sentence_of_the_year_asked_is_quoted(embeddings: LocalEmbeddings) -> None:
    """A history whose sentences differ by their years: the encoder puts the club's
    other moves closer to the question than the move of the year it names."""
    history = passage(
        "Northgate Rowing Club was founded in 1952 by six dock workers. "
        "In 1968 the club moved its boats to a boathouse in Millford. "
        "In 1979 the club moved its boats again, to a shed beside the lock at Harton. "
        "In 1974 the rowers took over the old grain store on the river at Easton. "
        "In 1991 the club won its first national title.",
        source="history.md",
    )
    answer = answerer(embeddings).answer("Where did the club move to in 1974?", [history])
    assert "In 1974 the rowers took over the old grain store" in answer.text, answer.text


def test_a_year_the_sentence_before_writes_is_the_sentences_too(
    embeddings: LocalEmbeddings,
) -> None:
    """The sentence giving the answer often leaves its year to the one before it: that
    one is not quoted ahead of it for writing the year."""
    floods = passage(
        "Our town sits where the Leen meets the Trent. In 2019 the valley had its worst "
        "flood in a century. The water reached 2.4 metres on the high street. In 2007 a "
        "smaller flood closed the bridge for a week, and the water reached 1.1 metres at "
        "the mill. In 2012 the council built a new flood wall.",
        source="floods.md",
    )
    answer = answerer(embeddings).answer("How high did the water reach in 2019?", [floods])
    assert quoted(answer.text) == ["The water reached 2.4 metres on the high street."]


def test_a_whole_line_without_a_full_stop_is_not_marked_as_cut(
    embeddings: LocalEmbeddings,
) -> None:
    """A PDF's table line or a list item has no end mark of its own; only a chunk's last
    words can have been cut. The line gets a full stop, not the ellipsis of a cut."""
    text = (
        "Laboratories and their heads\n\n"
        "Room B-206 Computer Networks lab headed by Dr. Sari Lestari\n\n"
        "Room D-110 Fluid Mechanics lab headed by Prof. Bambang Suryono\n\n"
        "Every laboratory opens at eight in the morning and closes at four, and the"
    )
    answer = answerer(embeddings).answer("Who heads the lab in room B-206?", [passage(text)])
    assert answer.found, answer.text
    assert quoted(answer.text)[0] == "Room B-206 Computer Networks lab headed by Dr. Sari Lestari."
    cut = answerer(embeddings).answer("When does every laboratory close?", [passage(text)])
    assert quoted(cut.text)[-1].endswith("and the…"), cut.text


def test_an_or_not_at_the_end_of_a_question_asks_nothing_of_its_own() -> None:
    assert asked_part("Minggu buka tidak?") == "Minggu buka?"
    assert asked_part("Boleh bawa anjing atau nggak?") == "Boleh bawa anjing?"
    assert asked_part("Can I bring my dog, or not?") == "Can I bring my dog?"
    assert asked_part("¿Abrís el domingo o no?") == "¿Abrís el domingo?"
    assert asked_part("Kenapa tidak?") == "Kenapa tidak?"  # "why not?": nothing else asked
    assert asked_part("Apakah tidak ada biaya?") == "Apakah tidak ada biaya?"
