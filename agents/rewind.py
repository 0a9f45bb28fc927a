"""Going back in a conversation: a question edited (it and everything after it are
dropped, and the conversation goes on from the edited question), or the last answer
regenerated (the last question is asked again, and the answers it had are kept as its
earlier versions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, RemoveMessage

from agents.replies import message_dict

EARLIER_ANSWERS = "earlier_answers"  # on a question asked again: the answers it had
MAX_VERSIONS = 10


class RewindError(LookupError):
    """The rewind names no question of the conversation (or not the last one)."""


@dataclass(frozen=True)
class Rewind:
    message_id: str  # the question edited, or the question whose answer is regenerated
    keep_answers: bool = False  # regenerate: the answers it had stay as earlier versions


def rewound(
    messages: list[AnyMessage], rewind: Rewind
) -> tuple[list[RemoveMessage], list[dict[str, Any]]]:
    """What to remove (the question and all after it), and the earlier answers to carry
    over onto the question asked again (for a regeneration)."""
    index = next(
        (
            i
            for i, m in enumerate(messages)
            if isinstance(m, HumanMessage) and m.id == rewind.message_id
        ),
        None,
    )
    if index is None:
        raise RewindError(f"no question {rewind.message_id!r} in this conversation")
    later = messages[index:]
    earlier: list[dict[str, Any]] = []
    if rewind.keep_answers:
        if any(isinstance(m, HumanMessage) for m in later[1:]):
            raise RewindError("only the last answer can be regenerated: edit the question instead")
        earlier = list(messages[index].additional_kwargs.get(EARLIER_ANSWERS) or [])
        earlier += [message_dict(m) for m in later[1:] if isinstance(m, AIMessage)]
    removals = [RemoveMessage(id=m.id) for m in later if m.id]
    return removals, earlier[-MAX_VERSIONS:]
