"""Asked of pages that never speak of it: the one shape of several vetoes.

A question asking how long a thing lives, how old it is, what an average is, what
cancelling does or how to do a thing oneself at home is answered only by a page that
speaks of living, of years, of what is usual, of cancelling or of doing it oneself;
pages that never do leave it unanswered, however close their sentences come. (How two
things compare and what is for children are asked through predicates of their own,
`asks_comparison` and `asks_for_children`, which their checks call.)
"""

from __future__ import annotations

import re


def unspoken(
    asks: re.Pattern[str], speaks: re.Pattern[str], question: str, texts: list[str]
) -> bool:
    """Whether the question asks what `asks` finds and none of the `texts` holds what
    `speaks` finds."""
    return asks.search(question) is not None and not any(speaks.search(t) for t in texts)
