"""The graph's nodes as plain functions: state and the turn's context in, an update out
(no server, no graph run)."""

from __future__ import annotations

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, RemoveMessage
from langgraph.runtime import Runtime

from agents.answer import Answer
from agents.graph import TurnContext, answer, condense, oldest_beyond, retrieve
from agents.retrieval import Passage, SearchScope

SCOPE = SearchScope(org_id="org_x", priorities={"kb_a": 0}, mode="hybrid", k=3, score_threshold=0.2)
PASSAGE = Passage(
    text="Run make run.", title="Quickstart", source="q.md", section=None, page=None, score=1.0
)


class RecordingSearcher:
    def __init__(self) -> None:
        self.calls: list[tuple[str, SearchScope]] = []

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        self.calls.append((query, scope))
        return [PASSAGE]


class EchoAnswerer:
    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        *,
        emotion: str | None = None,
        language: str | None = None,
    ) -> Answer:
        return Answer(text=f"{question} / {len(passages)} / {len(history)}", citations=[],
                      mode="test", found=True)  # fmt: skip


def runtime(
    searcher: RecordingSearcher | None = None, max_messages: int = 200
) -> Runtime[TurnContext]:
    context = TurnContext(
        searcher=searcher or RecordingSearcher(), scope=SCOPE, answerer=EchoAnswerer(),
        condenser=lambda question, history: f"{question} (after {len(history)})",
        max_messages=max_messages,
    )  # fmt: skip
    return Runtime(context=context)


def history(turns: int) -> list[AnyMessage]:
    messages: list[AnyMessage] = []
    for i in range(turns):
        messages += [
            HumanMessage(content=f"q{i}", id=f"h{i}"),
            AIMessage(content=f"a{i}", id=f"a{i}"),
        ]
    return messages


def test_condense_rewrites_the_last_question_with_the_history() -> None:
    update = condense({"messages": [*history(2), HumanMessage(content="and then?")]}, runtime())
    assert update["query"] == "and then? (after 4)"


def test_retrieve_searches_inside_the_assistants_scope() -> None:
    searcher = RecordingSearcher()
    update = retrieve({"query": "start"}, runtime(searcher))
    assert searcher.calls == [("start", SCOPE)]
    assert update["passages"][0]["source"] == "q.md"


def test_answer_answers_the_last_question_from_the_passages() -> None:
    state = {
        "messages": [*history(1), HumanMessage(content="how?")],
        "passages": [PASSAGE.to_dict()],
    }
    (message,) = answer(state, runtime())["messages"]
    assert isinstance(message, AIMessage) and message.content == "how? / 1 / 2"
    assert message.additional_kwargs["found"] is True


def test_answer_drops_the_oldest_whole_turns_beyond_the_cap() -> None:
    state = {"messages": [*history(3), HumanMessage(content="q3", id="h3")], "passages": []}
    removals = [
        m
        for m in answer(state, runtime(max_messages=4))["messages"]
        if isinstance(m, RemoveMessage)
    ]
    assert [m.id for m in removals] == ["h0", "a0", "h1", "a1"]  # what is left: q2 a2 q3 + answer


def test_oldest_beyond_never_leaves_an_answer_first() -> None:
    messages = history(3)
    assert [m.id for m in oldest_beyond(messages, 5)] == ["h0", "a0"]
    assert oldest_beyond(messages, 6) == []
