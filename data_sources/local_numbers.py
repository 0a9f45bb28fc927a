"""Numbers as people write them in spreadsheets, in any of our languages: "1.250,5" and
"Rp 1.250.000" (Spanish, Indonesian: a decimal comma, dots between thousands), "1,250.50"
and "$1,250" (English), "12,5 %", "(1.250,00)" for a negative amount, "1 250,5" with
spaces between thousands. A text column all of whose values read as numbers under one
convention becomes a number column; one value that does not, and it stays text.

"1.250" alone is 1250 or 1.25 depending on who wrote it: the column's other values decide
(a "1.150,75" says decimal comma), else the file's own hint (a ";"-separated CSV is a
decimal-comma one), else the decimal point."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

Convention = Literal["comma", "dot"]

# A currency or unit around the number: symbols, ISO codes, Indonesian "Rp", percent.
AROUND = re.compile(r"^(?:[€$£¥₹]|rp\.?|idr|eur|usd|mxn|cop|ars|clp|pen|gbp)?\s*$", re.IGNORECASE)
NUMBER = re.compile(r"^(?P<before>[^\d(+\-]*)(?P<sign>[(+\-]?)\s*(?P<digits>\d[\d.,\s\u00a0\u202f]*)"
                    r"(?P<close>\)?)\s*(?P<after>[^\d]*)$")  # fmt: skip
GROUPED = re.compile(r"^\d{1,3}([.,\s\u00a0\u202f]\d{3})+$")


def column_numbers(
    values: Sequence[str | None], *, hint: Convention | None = None
) -> list[float | int | None] | None:
    """The column's values as numbers (None for empty cells), or None when it is text."""
    filled = [v.strip() for v in values if v is not None and v.strip()]
    if not filled:
        return None
    parts = [_parts(v) for v in filled]
    if any(p is None for p in parts):
        return None
    evidence = {_decisive(digits) for _sign, digits in parts}  # type: ignore[misc]
    evidence.discard(None)
    if len(evidence) > 1:
        return None  # both conventions in one column: not one kind of number
    convention: Convention = evidence.pop() if evidence else (hint or "dot")  # type: ignore[assignment]
    read: list[float | int | None] = []
    whole = True
    for value in values:
        if value is None or not value.strip():
            read.append(None)
            continue
        sign, digits = _parts(value.strip())  # type: ignore[misc]
        number = _number(digits, convention)
        if number is None:
            return None
        whole = whole and float(number).is_integer() and _no_decimals(digits, convention)
        read.append(-number if sign else number)
    return [int(n) if whole and n is not None else n for n in read]


def _parts(value: str) -> tuple[bool, str] | None:
    """(negative, the digits with their separators), or None when it is not a number."""
    found = NUMBER.match(value)
    if found is None:
        return None
    before, after = found["before"].strip(), found["after"].strip()
    after = after.removesuffix("%").strip()
    if not AROUND.match(before) or not AROUND.match(after):
        return None
    if (found["sign"] == "(") != bool(found["close"]):
        return None
    digits = found["digits"].strip()
    if not digits[-1].isdigit():
        return None
    return found["sign"] in ("(", "-"), digits


def _decisive(digits: str) -> Convention | None:
    """Which convention the value can only have been written in, if any."""
    has_dot, has_comma = "." in digits, "," in digits
    if has_dot and has_comma:
        return "comma" if digits.rfind(",") > digits.rfind(".") else "dot"
    for mark, convention in ((",", "comma"), (".", "dot")):
        if mark in digits and not GROUPED.match(digits):  # "12,75", "1250,5": a decimal mark
            return convention  # type: ignore[return-value]
        if digits.count(mark) > 1:  # "1.250.000": only thousands repeat
            return "dot" if mark == "," else "comma"
    return None


def _number(digits: str, convention: Convention) -> float | None:
    decimal, thousands = (",", ".") if convention == "comma" else (".", ",")
    if digits.count(decimal) > 1:
        return None
    whole, _, fraction = digits.partition(decimal)
    separated = thousands in whole or re.search(r"[\s\u00a0\u202f]", whole)
    if separated and not GROUPED.match(whole):
        return None  # "1.25.0", "62 812 3456": not groups of thousands
    if fraction and not fraction.isdigit():
        return None
    plain = re.sub(r"[.,\s\u00a0\u202f]", "", whole)
    return float(plain + ("." + fraction if fraction else ""))


def _no_decimals(digits: str, convention: Convention) -> bool:
    return ("," if convention == "comma" else ".") not in digits
