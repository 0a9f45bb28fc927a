"""Files attached to one question: parsed like ingestion, searched for that turn only,
cited as attachments, never added to the knowledge base."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.store import count_points
from tests.api.conftest import KEY_A
from tests.app_fixtures import services_of
from tests.knowledge.files import docx_bytes, pdf_bytes

FALCON = b"# Project Falcon\n\nThe launch code of Project Falcon is 7731. It changes every May."


def as_file(name: str, data: bytes) -> dict[str, str]:
    return {"name": name, "content_base64": base64.b64encode(data).decode()}


def ask(client: FlaskClient, body: dict, conversation: str = "att") -> object:
    return client.post("/v1/chat", json=body,
                       headers={**KEY_A, "X-Conversation-Id": conversation})  # fmt: skip


def test_an_attached_file_answers_the_question_and_is_cited(app: Flask) -> None:
    client = app.test_client()
    services = services_of(app)
    before = count_points(services.qdrant, services.settings.collection_name)
    response = ask(client, {"message": "What is the launch code of Project Falcon?",
                            "files": [as_file("falcon.md", FALCON)]})  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert "7731" in body["answer"]
    assert body["citations"][0]["source"] == "attachment:falcon.md"
    # Nothing was added to the knowledge base, and the next turn no longer has the file.
    assert count_points(services.qdrant, services.settings.collection_name) == before
    again = ask(client, {"message": "What is the launch code of Project Falcon?"}, "att-2")
    assert "7731" not in again.get_json()["answer"]
    # The conversation remembers that a file was attached, not what it held.
    history = client.get("/v1/conversations/att", headers=KEY_A).get_json()["messages"]
    assert history[0]["attachments"] == [{"name": "falcon.md", "size": len(FALCON)}]
    assert "7731" not in str(history[0])


def test_multipart_and_pdf_attachments(app: Flask) -> None:
    client = app.test_client()
    pdf = pdf_bytes(["Invoice 42 for Acme.", "The total of invoice 42 is 990 euros."])
    response = client.post(
        "/v1/chat",
        data={"message": "What is the total of invoice 42?",
              "files": [(io.BytesIO(pdf), "invoice.pdf")]},
        headers={**KEY_A, "X-Conversation-Id": "att-pdf"}, content_type="multipart/form-data",
    )  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert "990" in body["answer"]
    cited = body["citations"][0]
    assert cited["source"] == "attachment:invoice.pdf" and cited["page"] == 2


def test_attachments_that_cannot_be_used_are_named(
    app: Flask, make_app: Callable[..., Flask]
) -> None:
    client = app.test_client()
    question = "What does it say?"
    cases = [
        ([as_file("tool.exe", b"MZ\x90\x00")], 415, "'tool.exe'"),
        ([as_file("notice.png", b"\x89PNG\r\n\x1a\n")], 415, "upload them to a knowledge base"),
        ([as_file("broken.pdf", b"%PDF-1.4 not really")], 422, "'broken.pdf'"),
        ([as_file("empty.txt", b"   ")], 422, "'empty.txt'"),
        ([as_file(f"f{i}.md", FALCON) for i in range(6)], 422, "at most 5 files"),
        ([{"name": "x.md", "content_base64": "not base64!"}], 422, "'x.md'"),
    ]
    for files, status, named in cases:
        response = ask(client, {"message": question, "files": files}, "att-bad")
        assert response.status_code == status, (named, response.get_json())
        assert named in response.get_json()["error"]["message"]
    small = make_app(attachment_max_bytes=1024).test_client()
    too_big = ask(small, {"message": question, "files": [as_file("big.txt", b"word " * 400)]})
    assert too_big.status_code == 413 and "'big.txt'" in too_big.get_json()["error"]["message"]
    assert client.get("/v1/conversations/att-bad", headers=KEY_A).status_code == 404


def test_a_cited_document_can_be_read_whole(app: Flask) -> None:
    client = app.test_client()
    body = ask(client, {"message": "How long are conversations kept?"}, "doc-view").get_json()
    source = body["citations"][0]["source"]
    view = client.get(f"/v1/documents/view?source={source}", headers=KEY_A)
    assert view.status_code == 200, view.get_json()
    document = view.get_json()
    text = "".join(part["text"] for part in document["parts"])
    assert document["title"] == body["citations"][0]["title"]
    assert body["citations"][0]["snippet"][:60] in " ".join(text.split())
    assert "How long conversations are kept" in [p["section"] for p in document["parts"]]
    assert client.get("/v1/documents/view?source=nope.md", headers=KEY_A).status_code == 404
    assert client.get("/v1/documents/view", headers=KEY_A).status_code == 400
    assert client.get(f"/v1/documents/view?source={source}").status_code == 401


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("falcon.md", FALCON),
        ("falcon.txt", b"The launch code of Project Falcon is 7731. It changes every May."),
        ("falcon.html", b"<html><head><title>Falcon</title></head><body><h1>Project Falcon</h1>"
                        b"<p>The launch code of Project Falcon is 7731.</p></body></html>"),
        ("falcon.pdf", pdf_bytes(["Project Falcon", "The launch code of Project Falcon is 7731."])),
        ("falcon.docx", docx_bytes("Project Falcon",
                                   {"Codes": "The launch code of Project Falcon is 7731."})),
    ],
)  # fmt: skip
def test_each_format_is_cited_and_left_out_of_the_knowledge_base(
    app: Flask, name: str, data: bytes
) -> None:
    services = services_of(app)
    before = count_points(services.qdrant, services.settings.collection_name)
    response = ask(app.test_client(), {"message": "What is the launch code of Project Falcon?",
                                       "files": [as_file(name, data)]}, f"fmt-{name}")  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert "7731" in body["answer"] and body["citations"][0]["source"] == f"attachment:{name}"
    assert count_points(services.qdrant, services.settings.collection_name) == before


def filler(size: int, seed: int = 7) -> str:
    """Paragraphs of plant notes that say nothing in particular, `size` characters."""
    import random

    words = ("pump valve seal maintenance inspect pressure motor bearing lubricate filter "
             "replace monthly weekly operator safety manual chapter torque gasket").split()  # fmt: skip
    rng = random.Random(seed)
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < size:
        paragraphs.append(" ".join(rng.choice(words) for _ in range(60)).capitalize() + ".")
    return "\n\n".join(paragraphs)


def test_the_documented_largest_text_attachment_is_answered_from_its_right_passage(
    app: Flask,
) -> None:
    """2 MB of text is some 2,000 chunks; before, each was embedded for the turn (over
    ten minutes on this machine's encoder: one chat key could hold a worker at will).
    Now the chunks are ranked by the question's words and only a few are embedded."""
    from agents.attachments import EMBEDDED_PER_SEARCH

    text = filler(1_000_000) + ("\n\nThe cooling tower of hall seven is drained every "
                                "second Tuesday by the night shift.\n\n") + filler(1_000_000, 8)  # fmt: skip
    data = text.encode()[: services_of(app).settings.attachment_max_bytes]
    assert len(data) > 2_000_000
    response = ask(client := app.test_client(), {
        "message": "When is the cooling tower of hall seven drained?",
        "files": [as_file("plant-notes.txt", data)]}, "big-att")  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert "second Tuesday" in body["answer"], body["answer"]
    assert body["citations"][0]["source"] == "attachment:plant-notes.txt"
    assert client.get("/v1/conversations/big-att", headers=KEY_A).status_code == 200
    assert EMBEDDED_PER_SEARCH <= 32  # the bound the docs give


def test_a_search_embeds_only_the_chunks_the_question_points_to(
    embeddings: LocalEmbeddings,
) -> None:
    from agents.attachments import EMBEDDED_PER_SEARCH, AttachmentSearcher, read_attachments
    from knowledge.documents.chunking import Chunker

    text = filler(300_000) + "\n\nSpare seals are kept in cabinet B4.\n\n" + filler(300_000, 9)
    [attached] = read_attachments([("notes.txt", text.encode())],
                                  chunker=Chunker(chunk_size=900, chunk_overlap=100),
                                  max_files=5, max_bytes=10**7, max_pages=50)  # fmt: skip
    assert len(attached.chunks) > 300

    class NoKnowledge:  # the assistant's own knowledge bases hold nothing here
        def search(self, query: str, scope: object) -> list:
            return []

    searcher = AttachmentSearcher(NoKnowledge(), [attached], embeddings)
    [best, *_] = searcher.search("Where are the spare seals kept?", scope=None)  # type: ignore[arg-type]
    assert "cabinet B4" in best.text
    assert len(attached.vectors) <= EMBEDDED_PER_SEARCH
    searcher.search("Which cabinet holds the spare seals?", scope=None)  # type: ignore[arg-type]
    assert len(attached.vectors) <= 2 * EMBEDDED_PER_SEARCH  # the first search's are kept
