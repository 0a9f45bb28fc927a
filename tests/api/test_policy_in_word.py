"""A travel policy as an office writes it in Word: bold lines for headings, a numbered
procedure, a table of allowances by city. The steps lost their numbers and the answer to
"how do I claim?" quoted the introduction and one step of three; a city the table does
not list was answered with the other cities' rows."""

from __future__ import annotations

import io

import docx
import pytest
from flask import Flask

from agents.phrasebook import built_in
from tests.api.platform_helpers import Org, chat, create_org, ok

STEPS = (
    "Keep the original receipt.",
    "Upload a photo of the receipt in the expenses app within 30 days.",
    "Your manager approves the claim, and payment follows with the next salary.",
)


def _policy() -> bytes:
    document = docx.Document()
    document.add_paragraph("Travel and Expenses Policy", style="Title")
    document.add_paragraph("This policy applies to every employee who travels for work.")
    for heading, body in (
        ("Booking travel", "Flights and hotels are booked through the travel portal at "
         "least 14 days before departure."),
        ("Daily allowance", "Employees receive a daily allowance for meals while "
         "travelling. The amount depends on the city."),
    ):  # fmt: skip
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(body)
    table = document.add_table(rows=4, cols=2)
    rows = [("City", "Daily allowance"), ("London", "65 GBP"), ("Berlin", "55 EUR"),
            ("New York", "80 USD")]  # fmt: skip
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph().add_run("Claiming expenses").bold = True
    document.add_paragraph("To claim an expense, follow these steps:")
    for step in STEPS:
        document.add_paragraph(step, style="List Number")
    document.add_paragraph().add_run("Mileage").bold = True
    document.add_paragraph("A private car is reimbursed at 0.30 EUR per kilometre.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def org(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Northwind")
    org.kb("policies")
    assert org.upload_file("policies", "travel_policy.docx", _policy())["status"] == "completed"
    org.assistant("hr", ["policies"])
    return org


def test_a_procedure_is_quoted_whole_with_its_steps_in_order(org: Org) -> None:
    reply = ok(chat(org.client, org.admin_key, "How do I claim an expense?", conversation="a"))
    assert reply["found"] is True, reply
    listed = "\n".join(f"{n}. {step}" for n, step in enumerate(STEPS, 1))
    assert reply["answer"].startswith(f"To claim an expense, follow these steps:\n{listed} [1]"), (
        reply["answer"]
    )
    assert reply["citations"][0]["title"] == "Travel and Expenses Policy"


def test_a_city_the_table_does_not_list_gets_the_not_found_message(org: Org) -> None:
    reply = ok(chat(org.client, org.admin_key, "What is the daily allowance in Berlin?"))
    assert reply["found"] is True and "55 EUR" in reply["answer"], reply
    assert "London" not in reply["answer"], reply["answer"]

    reply = ok(chat(org.client, org.admin_key, "What is the daily allowance in Paris?"))
    assert reply["found"] is False, reply
    assert reply["answer"] == built_in()["en"]["not_found"] and reply["citations"] == []
