"""What the extractive answerer may quote: prose sentences, never markdown scaffolding."""

from __future__ import annotations

from knowledge.sentences import sentence_contexts, split_sentences

DOCUMENT = """# Rate limits for every API key

Each key has its own limit. See [the errors page](errors.md) for what a 429 means.

| Setting | Default | Meaning of the setting |
|---|---|---|
| RATE_LIMIT | 60/minute | Requests per key per minute |

## What happens when the limit is reached
![diagram](limits.png) The service answers 429 with a Retry-After header.

- Limits are counted in Redis, shared by every worker.
---
```
curl -H "X-API-Key: k" http://localhost:8000/v1/chat and more words here
```
"""


def test_tables_headings_links_and_code_are_not_sentences() -> None:
    assert split_sentences(DOCUMENT) == [
        "Each key has its own limit.",
        "See the errors page for what a 429 means.",
        "The service answers 429 with a Retry-After header.",
        "Limits are counted in Redis, shared by every worker.",
    ]


def test_each_sentence_carries_its_heading() -> None:
    assert sentence_contexts(
        "Keys are hashed with SHA-256. They never reach the logs.", "Security"
    ) == [
        "Security: Keys are hashed with SHA-256.",
        "Security: They never reach the logs.",
    ]
