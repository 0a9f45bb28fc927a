"""The search looks for each name a question uses, and each thing it asks whether there
is, in the whole scope, in the same round trip (`Passage.unheld_words`): a word in a
document the search did not bring is held, one in another organisation's documents is
not."""

from __future__ import annotations

from dataclasses import replace

from qdrant_client import QdrantClient

from agents.retrieval import Passage
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.store import ensure_collection
from tests.agents.test_mixed_scope import retriever, scope

OURS = {
    "Payments": "Customers pay an invoice by card or by bank transfer through the link in "
    "the email. Card payments reach your bank account within two working days.",
    "Exporting": "Invoices can be exported as PDF one by one, or all together as a CSV "
    "file from Reports, Export.",
    "Phones": "The app for phones shows your invoices and their payments.",
    "Accountants": "Our partner accountants meet clients in Leeds every Thursday; several "
    "of them also keep books in Xero for their own firms.",
}
THEIRS = {"Payments": "Customers of Northwind pay by PayPal or by card."}


def ingest(client: QdrantClient, embeddings: LocalEmbeddings, org: str, docs: dict) -> None:
    loaded = [
        LoadedDocument(source=f"{org}/{title}", title=title, kind="text", text=text)
        for title, text in docs.items()
    ]
    Ingestor(
        client=client, collection="names", embeddings=embeddings,
        chunker=Chunker(chunk_size=500, chunk_overlap=0),
    ).ingest_documents(loaded, org_id=org, kb_id=f"{org}-kb")  # fmt: skip


def searched(client: QdrantClient, embeddings: LocalEmbeddings, question: str) -> list[Passage]:
    dense_one = replace(scope("ours", "ours-kb"), mode="dense", k=1)
    return retriever(client, embeddings, "names").search(question, dense_one)


def test_names_are_looked_for_in_the_callers_whole_scope_only(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    ensure_collection(client, "names", embeddings.dimensions)
    ingest(client, embeddings, "ours", OURS)
    ingest(client, embeddings, "theirs", THEIRS)

    paypal = searched(client, embeddings, "Can customers pay with PayPal?")
    assert paypal and paypal[0].title == "Payments"
    assert paypal[0].unheld_words == ("paypal",)  # another organisation's page names it

    xero = searched(client, embeddings, "Can I export my invoices to Xero?")
    assert [p.title for p in xero] == ["Exporting"]  # the page naming Xero was not brought
    assert xero[0].unheld_words == ()

    both = searched(client, embeddings, "Do Leeds accountants use QuickBooks or Sage?")
    assert set(both[0].unheld_words) == {"quickbooks", "sage"}

    # What a question asks whether there is, word by word: "mobile" is nowhere, "app" is
    # in a page the search did not bring.
    app = searched(client, embeddings, "Is there a mobile app for card payments?")
    assert app[0].unheld_words == ("mobile",)
