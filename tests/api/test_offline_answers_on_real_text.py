"""Offline answers on documents as people have them (issue 36): a manual page laid out in
justified columns with its terms on lines of their own, a text cut into overlapping
chunks, the same paragraph in two documents. The answer quotes whole sentences, each
once, with single spaces, from the passage about what was asked."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, chat, create_org, key_header, ok

# A manual page of an invented note-taking shell, as `man quill | col -b` prints it.
MANUAL = """QUILL(1)                    General Commands Manual                    QUILL(1)

NAME
       quill - a note-taking shell

DESCRIPTION
       Quill  keeps  every  note you type in a note list, and saves that list to a
       file when the shell exits, so that the next session starts with the notes
       of the last one.

SHELL VARIABLES
       The following variables are used by the shell.  In some cases, quill
       assigns a default value to a variable; these cases are noted below.

       NOTEFILE
              The  name of the file in which the note list is saved.  The
              default value is ~/.quill_notes.  If unset, the note list is
              not saved when the shell exits.
       NOTEFILESIZE
              The maximum number of lines contained in the note file.   When
              this  variable  is assigned a value, the note file is truncated,
              if necessary, to contain no more than that number of lines by
              removing the oldest entries.  The note file is also truncated
              to this size after writing it when the shell exits.  If the
              value is 0, the note file is truncated to zero size.  The shell
              sets the default value to the value of NOTESIZE after reading
              any startup files.
       NOTESIZE
              The  number  of notes to remember in the note list.  If the
              value is 0, notes are not saved in the note list.  Numeric
              values less than zero result in every note being saved on the
              note list (there is no limit).  The shell sets the default
              value to 500 after reading any startup files.
       NOTEIGNORE
              A colon-separated list of patterns used to decide which notes
              should be saved on the note list.  Each pattern is anchored at
              the beginning of the line and must match the complete line.
       NOTETIMEFORMAT
              If this variable is set and not null, its value is used as a
              format string to print the time stamp associated with each
              note displayed by the notes builtin.  Time stamps are written
              to the note file so they may be preserved across sessions.

EXIT STATUS
       Quill returns the exit status of the last command executed, or 2 when
       the command line could not be parsed at all.

SEE ALSO
       ink(1), paper(5)
"""


@pytest.fixture
def org(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    # Small chunks, so the manual is cut into overlapping pieces mid-sentence.
    app = make_app(qdrant=empty_qdrant, chunk_size=400, chunk_overlap=120)
    org = create_org(app.test_client(), "Readers")
    org.kb("manuals")
    upload = {"title": "quill(1)", "source": "quill.1.txt", "text": MANUAL}
    accepted = ok(org.client.post(f"/v1/knowledge-bases/{org.kbs['manuals']}/documents",
                                  json=upload, headers=org.admin), 202)  # fmt: skip
    assert org.wait("manuals", accepted["jobs"][0]["document_id"])["status"] == "completed"
    org.assistant("man", ["manuals"])
    return org


def ask(org: Org, question: str, conversation: str) -> dict:
    return ok(chat(org.client, org.admin_key, question, conversation=conversation))


def quoted_sentences(answer: str) -> list[str]:
    return [s.strip() for s in re.split(r"\s*\[\d+\]\s*", answer) if s.strip()]


QUESTIONS = [
    ("What does NOTESIZE set?", "number of notes to remember"),
    ("What is the default value of NOTEFILE?", "~/.quill_notes"),
    ("What is NOTEFILESIZE?", "maximum number of lines"),
    ("What does NOTETIMEFORMAT do?", "time stamp"),
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_the_answer_quotes_the_passage_about_what_was_asked(
    org: Org, question: str, expected: str
) -> None:
    reply = ask(org, question, conversation=re.sub(r"\W", "", question)[:30])
    assert reply["found"], reply
    assert expected in reply["answer"], reply["answer"]


def test_quoted_sentences_are_whole_single_spaced_and_each_quoted_once(org: Org) -> None:
    for n, (question, _) in enumerate(QUESTIONS):
        reply = ask(org, question, conversation=f"whole{n}")
        sentences = quoted_sentences(reply["answer"])
        assert len(sentences) == len(set(sentences)), reply["answer"]
        for sentence in sentences:
            assert "\t" not in sentence and "  " not in sentence, sentence
            assert sentence[0].isupper() or sentence[0] in "~`\"'(", sentence
            assert sentence[-1] in ".!?:)\"'`", sentence  # never a fragment cut mid-way
        for citation in reply["citations"]:
            snippet = citation["snippet"]
            assert "  " not in snippet and "\t" not in snippet
            first_word = snippet.split()[0].strip("(\"'…")
            assert first_word in MANUAL.split() or first_word.rstrip(".,;:") in MANUAL, snippet


def test_a_paragraph_found_twice_is_quoted_once(org: Org) -> None:
    copy = {"title": "quill notes (copy)", "source": "quill-copy.txt",
            "text": MANUAL.split("SHELL VARIABLES")[1].split("NOTEIGNORE")[0]}  # fmt: skip
    accepted = ok(org.client.post(f"/v1/knowledge-bases/{org.kbs['manuals']}/documents",
                                  json=copy, headers=org.admin), 202)  # fmt: skip
    assert org.wait("manuals", accepted["jobs"][0]["document_id"])["status"] == "completed"
    reply = ask(org, "What does NOTESIZE set?", conversation="twice")
    sentences = quoted_sentences(reply["answer"])
    assert len(sentences) == len(set(sentences)), reply["answer"]
    assert len(reply["citations"]) == len({c["n"] for c in reply["citations"]})


def test_the_source_panels_snippet_holds_the_sentence_the_answer_quotes(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Plant")
    org.kb("manuals")
    opening = (
        "This manual describes the hydraulic press line in hall two, its guards, its "
        "controls and the people who look after it. Read the whole manual before you "
        "operate the press, and keep it beside the machine. The line was installed in "
        "2019 and extended with a second press in 2022. "
    )
    org.upload("manuals", "Press manual",
               opening + "The hydraulic oil of the press is changed every 2,000 operating hours.")  # fmt: skip
    assistant = org.assistant("helper", ["manuals"])
    reply = ok(org.client.post(
        "/v1/chat", json={"message": "How often is the hydraulic oil changed?"},
        headers={**key_header(org.key("chat")), "X-Assistant-Id": assistant,
                 "X-Conversation-Id": "oil"},
    ))  # fmt: skip
    assert "2,000 operating hours" in reply["answer"]
    assert "changed every 2,000 operating hours" in reply["citations"][0]["snippet"]
