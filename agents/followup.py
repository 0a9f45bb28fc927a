"""Turn a follow-up question into a standalone retrieval query.

Offline this is a cheap rule: a short question, or one that leans on the previous turn
("and how much does it cost?", "what about its TTL?"), is searched together with the
previous question. With an LLM, the condense prompt rewrites it (see agents/llm.py).
"""

from __future__ import annotations

import re

from langchain_core.messages import AnyMessage, HumanMessage

# English, Spanish and Indonesian.
FOLLOW_UP_START = re.compile(
    r"^[¿¡]?(and|but|also|so|then|what about|how about|and what|why|how come|same for|"
    r"what if|y|pero|también|entonces|y si|qué tal|por qué|dan|tapi|tetapi|juga|lalu|"
    r"bagaimana dengan|kenapa|mengapa)\b",
    re.IGNORECASE,
)
REFERRING_WORDS = re.compile(
    r"\b(it|its|it's|that|this|those|these|they|them|their|there|one|eso|esto|ese|esa|"
    r"ello|lo|la|los|las|itu|ini|tersebut|nya)\b",
    re.I,
)
SHORT_QUESTION_WORDS = 5
# Spanish "la", "los", "las" are articles far more often than pronouns ("¿Y los
# domingos?" names something new).
_ARTICLES = frozenset({"la", "los", "las"})


def points_back(question: str) -> bool:
    """Whether the question points at something said before ("can I change that?",
    "¿cuánto cuesta eso?", "berapa harganya?")."""
    return any(m.group(0).lower() not in _ARTICLES for m in REFERRING_WORDS.finditer(question))


def looks_like_follow_up(question: str) -> bool:
    words = question.split()
    return (
        len(words) <= SHORT_QUESTION_WORDS
        or bool(FOLLOW_UP_START.match(question.strip()))
        or bool(REFERRING_WORDS.search(question))
    )


def rule_based_query(question: str, previous_questions: list[str]) -> str:
    if previous_questions and looks_like_follow_up(question):
        return f"{previous_questions[-1]} {question}"
    return question


def offline_condenser(question: str, history: list[AnyMessage]) -> str:
    """The query to search with offline: the rule over the conversation's questions."""
    previous = [str(m.content) for m in history if isinstance(m, HumanMessage)]
    return rule_based_query(question, previous)
