"""Asked of pages that never speak of it: the one shape of several vetoes.

A question asking how long a thing lives, how old it is, what an average is, how two
things compare or what cancelling does is answered only by a page that speaks of living,
of years, of what is usual, of comparing or of cancelling; pages that never do leave it
unanswered, however close their sentences come.
"""

from __future__ import annotations

import re


def unspoken(
    asks: re.Pattern[str], speaks: re.Pattern[str], question: str, texts: list[str]
) -> bool:
    """Whether the question asks what `asks` finds and none of the `texts` holds what
    `speaks` finds."""
    return asks.search(question) is not None and not any(speaks.search(t) for t in texts)
