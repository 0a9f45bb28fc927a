"""bench.asked_by_hand: its question sets are whole (every answerable question says what
its answer must hold, every organisation is in a served language), and its report and
comparison count what a reader of docs/benchmarks.md is told they count."""

from __future__ import annotations

import json

import pytest

from bench import asked_by_hand as bench


@pytest.mark.parametrize("path", sorted(bench.DATA.glob("*.json")), ids=lambda p: p.stem)
def test_each_set_is_labelled_in_full(path) -> None:  # type: ignore[no-untyped-def]
    organisations = json.loads(path.read_text())
    assert organisations
    for organisation in organisations:
        assert organisation["language"] in ("en", "es", "id")
        assert organisation["documents"] and organisation["near"]
        for question, expected in organisation["answered"]:
            assert expected and any(
                expected in text for text in organisation["documents"].values()
            ), (
                question,
                expected,
            )


def row(kind: str, found: bool, answer: str, expected: str | None = None) -> dict:
    return {
        "set": "s", "organisation": "o", "language": "en", "kind": kind,
        "question": f"{kind} {expected}", "expected": expected, "found": found,
        "cited": found, "answer": answer,
    }  # fmt: skip


def test_an_answer_counts_as_right_only_with_its_string_and_a_decline_only_when_not_found(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [
        row("answered", True, "It costs £45.", "£45"),
        row("answered", True, "Open daily.", "£12"),  # found, the wrong sentence
        row("near", False, "Not found."),
        row("near", True, "Something close.", "x"),
        row("off", False, "Not found."),
    ]
    assert [bench.outcome(r) for r in rows] == [True, False, True, False, True]
    bench.report(rows)
    assert "| s | en | 2 (1) / 2 | 1 / 2 | 1 / 1 | 0 |" in capsys.readouterr().out


def test_the_comparison_prints_what_moved(capsys: pytest.CaptureFixture[str]) -> None:
    before = [row("near", True, "Something close.", "x"), row("off", False, "Not found.")]
    after = [row("near", False, "Not found.", "x"), row("off", False, "Not found.")]
    bench.compare(before, after)
    printed = capsys.readouterr().out
    assert printed.startswith("+ [near] near x") and "off" not in printed
