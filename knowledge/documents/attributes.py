"""A document's own metadata ("attributes": `{"category": "contracts", "year": 2024}`),
kept on every chunk of it, and the filters a question may narrow its search with.

Attributes live in the payload under `attributes.<name>`, apart from the service's own
fields (`metadata.*`), so an organisation's names can never shadow ours. Filters become
Qdrant conditions applied inside the vector search (the candidates are only ever chunks
that pass), never to its results afterwards.

Filter shapes, per attribute:
    "contracts"                      equal
    ["contracts", "policies"]        any of
    {"gte": 2020, "lt": 2025}        a range of numbers
    {"gte": "2026-01-01"}            a range of dates or times (ISO 8601)
Operators may also be written {"$eq": ...}, {"$in": [...]} (or "any"), {"$gte": ...}.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from qdrant_client import models

ATTRIBUTES_FIELD = "attributes"
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_ATTRIBUTES = 32
MAX_TEXT = 500
MAX_LIST = 50
RANGE_KEYS = ("gt", "gte", "lt", "lte")

Scalar = str | int | float | bool
# Whole numbers a search engine stores exactly (and JSON clients read back as written).
MAX_INTEGER = 2**53


class BadAttributes(ValueError):
    """Attributes or filters that cannot be taken (the message says which and why)."""


def _number_fits(name: str, value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):  # Python's JSON reads NaN
        raise BadAttributes(f"{name!r}: numbers must be finite (not NaN or Infinity)")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
        raise BadAttributes(f"{name!r}: numbers are limited to ±2^53")


def _scalar(name: str, value: Any) -> Scalar:
    if isinstance(value, bool | int | float):
        _number_fits(f"metadata {name}", value)
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise BadAttributes(f"metadata {name!r}: text longer than {MAX_TEXT} characters")
        return value
    raise BadAttributes(
        f"metadata {name!r}: values are text, numbers, true/false, or lists of them"
    )


def validated(attributes: Any) -> dict[str, Any]:
    """A document's attributes as stored, or BadAttributes."""
    if attributes is None:
        return {}
    if not isinstance(attributes, dict):
        raise BadAttributes("metadata must be a JSON object")
    if len(attributes) > MAX_ATTRIBUTES:
        raise BadAttributes(f"metadata: at most {MAX_ATTRIBUTES} fields")
    kept: dict[str, Any] = {}
    for name, value in attributes.items():
        if not NAME.match(str(name)):
            raise BadAttributes(
                f"metadata name {name!r}: letters, digits and _ (not first), up to 64"
            )
        if isinstance(value, list):
            if len(value) > MAX_LIST:
                raise BadAttributes(f"metadata {name!r}: at most {MAX_LIST} values")
            kept[name] = [_scalar(name, v) for v in value]
        else:
            kept[name] = _scalar(name, value)
    return kept


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError:
            return None


def _condition(name: str, wanted: Any) -> models.FieldCondition:
    key = f"{ATTRIBUTES_FIELD}.{name}"
    for value in (
        wanted.values()
        if isinstance(wanted, dict)
        else (wanted if isinstance(wanted, list) else [wanted])
    ):
        _number_fits(f"filter {name}", value)
    if isinstance(wanted, list):
        if not wanted or len(wanted) > MAX_LIST:
            raise BadAttributes(f"filter {name!r}: a list of 1-{MAX_LIST} values")
        if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in wanted):
            raise BadAttributes(f"filter {name!r}: any-of lists hold text or whole numbers")
        return models.FieldCondition(key=key, match=models.MatchAny(any=wanted))
    if isinstance(wanted, dict):
        # Operators as other query languages spell them too: "$gte", "$in", "$eq".
        wanted = {str(k).removeprefix("$"): v for k, v in wanted.items()}
        if len(wanted) == 1 and ("eq" in wanted or "in" in wanted or "any" in wanted):
            ((operator, value),) = wanted.items()
            if (operator == "eq") == isinstance(value, list) or isinstance(value, dict):
                raise BadAttributes(f"filter {name!r}: {operator!r} takes "
                                    f"{'one value' if operator == 'eq' else 'a list'}")  # fmt: skip
            return _condition(name, value)
        bounds = {k: v for k, v in wanted.items() if k in RANGE_KEYS}
        if not bounds or len(bounds) != len(wanted):
            raise BadAttributes(
                f"filter {name!r}: a range takes {', '.join(RANGE_KEYS)} and nothing else"
            )
        if all(isinstance(v, int | float) and not isinstance(v, bool) for v in bounds.values()):
            return models.FieldCondition(key=key, range=models.Range(**bounds))
        moments = {k: _moment(v) for k, v in bounds.items()}
        if all(m is not None for m in moments.values()):
            return models.FieldCondition(key=key, range=models.DatetimeRange(**moments))
        raise BadAttributes(
            f"filter {name!r}: range bounds are all numbers or all ISO dates (2026-01-31)"
        )
    if isinstance(wanted, bool | int | str):
        return models.FieldCondition(key=key, match=models.MatchValue(value=wanted))
    if isinstance(wanted, float):  # equal to a number with a fraction: a range of one point
        return models.FieldCondition(key=key, range=models.Range(gte=wanted, lte=wanted))
    raise BadAttributes(
        f'filter {name!r}: a value, a list of values, or a range {{"gte": ..., "lt": ...}}'
    )


def search_filter(filters: Any) -> models.Filter | None:
    """The conditions every chunk found must meet (all of them), or BadAttributes."""
    if not filters:
        return None
    if not isinstance(filters, dict):
        raise BadAttributes('filters must be a JSON object: {"category": "contracts"}')
    if len(filters) > MAX_ATTRIBUTES:
        raise BadAttributes(f"filters: at most {MAX_ATTRIBUTES} fields")
    conditions = []
    for name, wanted in filters.items():
        if not NAME.match(str(name)):
            raise BadAttributes(f"filter name {name!r}: letters, digits and _, up to 64")
        conditions.append(_condition(name, wanted))
    return models.Filter(must=conditions)
