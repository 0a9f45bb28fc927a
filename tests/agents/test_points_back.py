"""Whether a follow-up points at what was said before (`agents.followup.points_back`):
one that does asks about the same thing in words of its own, so its words missing from
the pages say nothing; one that does not names something new."""

from __future__ import annotations

import pytest

from agents.followup import points_back


@pytest.mark.parametrize(
    "question",
    ["can I change that?", "what happens when a key goes over it?", "¿cuánto cuesta eso?",
     "¿lo puedo cambiar?", "berapa harga itu?"],
)  # fmt: skip
def test_a_follow_up_pointing_back(question: str) -> None:
    assert points_back(question)


@pytest.mark.parametrize(
    "question", ["¿Y los domingos?", "¿Y la piscina?", "And dinner?", "Dan fotokopi?"]
)
def test_a_follow_up_naming_something_new(question: str) -> None:
    assert not points_back(question)
