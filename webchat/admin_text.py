"""The admin page's words in the reader's language, and its rates and dates written as
people read them.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from webchat.admin_labels import ADMIN_LABELS
from webchat.labels import label_in, page_language


def t(key: str, **values: object) -> str:
    """A label in the browser's language (English, Indonesian or Spanish)."""
    return label_in(ADMIN_LABELS, key, page_language([], st.context.locale), **values)


def headed(*names: str) -> dict[str, str]:
    """Table columns named in the page's language."""
    return {name: t(name) for name in names}


def percent(value: float | None) -> str:
    """A rate as people read it: 0.4666 -> "46.7 %"."""
    return "–" if value is None else f"{value * 100:.1f} %"


def readable(moment: str | None) -> str:
    """An ISO time from the API in the reader's time zone: "24 Nov 2026, 17:05"."""
    if not moment:
        return "–"
    when = datetime.fromisoformat(moment)
    try:
        when = when.astimezone(ZoneInfo(st.context.timezone or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return when.strftime("%d %b %Y, %H:%M")
