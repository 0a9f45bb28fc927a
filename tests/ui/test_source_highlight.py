"""The web chat's source panel marks in the passage the sentences the answer quoted from
it: a quoted list's items too (they were one piece with the line breaks and markers of
the answer, found nowhere in the passage, so nothing was marked)."""

from __future__ import annotations

from webchat.answers import cited_sentences, highlighted


def test_each_item_of_a_quoted_list_is_marked_in_the_passage() -> None:
    answer = (
        "To claim an expense, follow these steps:\n1. Keep the original receipt.\n"
        "2. Upload a photo of the receipt. [1]\n\nMileage is paid monthly. [2]"
    )
    snippet = (
        "To claim an expense, follow these steps: 1. Keep the original receipt. "
        "2. Upload a photo of the receipt."
    )
    assert cited_sentences(answer, 1) == [
        "To claim an expense, follow these steps:",
        "Keep the original receipt.",
        "Upload a photo of the receipt.",
    ]
    marked = highlighted(snippet, cited_sentences(answer, 1))
    assert marked.count(":orange-background[") == 3, marked
    assert cited_sentences(answer, 2) == ["Mileage is paid monthly."]
