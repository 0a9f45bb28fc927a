"""The web chat's own words follow the conversation's language."""

from __future__ import annotations

import re

from webchat.admin_labels import ADMIN_LABELS
from webchat.labels import LABELS, label, page_language


def test_every_language_has_every_label() -> None:
    for table in (LABELS, ADMIN_LABELS):  # the chat's and the admin page's
        assert table.keys() == {"en", "id", "es"}
        for language, labels in table.items():
            assert labels.keys() == table["en"].keys(), language
            assert all(text.strip() for text in labels.values()), language
            fields = {k: sorted(re.findall(r"{\w+}", v)) for k, v in labels.items()}
            assert fields == {k: sorted(re.findall(r"{\w+}", v)) for k, v in table["en"].items()}


def test_the_page_speaks_the_last_answers_language_else_the_browsers() -> None:
    history = [
        {"role": "user", "content": "¿Cómo inicio el servicio?"},
        {"role": "assistant", "content": "...", "language": "es"},
        {"role": "user", "content": "Berapa lama?"},
        {"role": "assistant", "content": "...", "language": "id"},
    ]
    assert page_language(history, "en-US") == "id"
    assert page_language(history[:2], "en-US") == "es"
    assert page_language([], "es-MX") == "es"
    assert page_language([], "ms-MY") == "id"  # read as Indonesian, as questions are
    assert page_language([], "ja-JP") == "en"  # a language the page does not speak
    assert page_language([{"role": "assistant", "language": "de"}], None) == "en"
    assert label("wait", "es", seconds=5) == "Espere 5 segundos."
    assert label("sources", "id") == "Sumber"
