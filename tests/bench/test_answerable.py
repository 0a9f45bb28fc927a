"""bench.answerable runs end to end on a small XQuAD-shaped folder written here: it
builds the three kinds of question, keeps the two halves of the articles apart, and
prints a line per set that a reader of docs/benchmarks.md can trust."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bench import answerable as bench

ARTICLES = {
    "Lighthouses": [
        (
            "The Aldermoor lighthouse was lit for the first time in 1871 by keeper Tobias Wren.",
            "Who first lit the Aldermoor lighthouse?",
        ),
        (
            "Its lamp burns colza oil and can be seen from thirty kilometres at sea.",
            "What oil does the Aldermoor lamp burn?",
        ),
    ],
    "Volcanoes": [
        (
            "Mount Keldar erupted in 1902 and buried the village of Sarn under ash.",
            "Which village did Mount Keldar bury?",
        ),
        (
            "The crater lake of Keldar is acidic and bright green.",
            "What colour is Keldar's crater lake?",
        ),
    ],
    "Bakeries": [
        (
            "The Brennet bakery bakes rye loaves in a wood-fired oven every morning at four.",
            "When does the Brennet bakery bake its rye loaves?",
        ),
        (
            "Its sourdough starter has been kept alive since 1950.",
            "Since when has the Brennet starter been kept alive?",
        ),
    ],
    "Railways": [
        (
            "The Harrow Valley railway opened in 1889 with a single steam locomotive.",
            "When did the Harrow Valley railway open?",
        ),
        (
            "Its viaduct crosses the river Lune on fourteen stone arches.",
            "How many arches does the Harrow Valley viaduct have?",
        ),
    ],
}


def xquad_folder(folder: Path) -> Path:
    data = [
        {"title": title, "paragraphs": [
            {"context": text, "qas": [{"id": f"{title}{n}", "question": asked,
                                       "answers": [{"text": text[:5], "answer_start": 0}]}]}
            for n, (text, asked) in enumerate(paragraphs)
        ]}
        for title, paragraphs in ARTICLES.items()
    ]  # fmt: skip
    (folder / "xquad.en.json").write_text(json.dumps({"data": data}))
    return folder


def test_the_halves_never_share_an_article() -> None:
    half = bench.halves(set(ARTICLES))
    assert sorted(half.values()) == ["fit", "fit", "report", "report"]


def test_the_benchmark_reports_each_kind_on_the_held_out_half(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = xquad_folder(tmp_path)
    data = bench.load_xquad(folder, "en")
    question = data.questions[0]
    # Off-topic leaves the whole article out, near-topic only the gold paragraph.
    assert sorted(bench.excluded(data, question, "off_topic")) == [
        f"{question.article}#0", f"{question.article}#1"]  # fmt: skip
    assert bench.excluded(data, question, "near_topic") == [question.paragraph]
    assert bench.excluded(data, question, "answerable") == []

    bench.main(["--xquad", str(folder), "--languages", "en", "--per-kind", "4"])
    out = capsys.readouterr().out
    assert "half: report (2 of 4 articles)" in out
    line = re.search(
        r"^answerable xquad-en answered=(\S+) off_declined=(\S+) near_declined=(\S+)$",
        out, re.MULTILINE,
    )  # fmt: skip
    assert line, out
    answered, off_declined, near_declined = map(float, line.groups())
    # The questions repeat their paragraph's words: the service answers them. (Whether it
    # declines the other kinds is what the benchmark measures, not what this test asks:
    # today one of the four off-topic questions here is answered from an unrelated
    # article, the weakness issue 45 describes.)
    assert answered == 1.0
    assert all(share in (0.0, 0.25, 0.5, 0.75, 1.0) for share in (off_declined, near_declined))


def test_a_mixed_collection_holds_half_the_articles_in_english_in_each_half(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = xquad_folder(tmp_path)
    english = bench.load_xquad(folder, "en")
    own = bench.DataSet(
        "xquad-es",
        {pid: (title, f"(es) {text}") for pid, (title, text) in english.paragraphs.items()},
        english.questions,
    )
    mixed = bench.mixed(own, english)
    assert mixed.name == "mixed-es" and mixed.questions == own.questions
    in_english = {title for title, text in mixed.paragraphs.values() if not text.startswith("(es)")}
    half = bench.halves(set(ARTICLES))
    # Both halves hold an article of each language: the report half measures both.
    assert sorted(half[title] for title in in_english) == ["fit", "report"]
    assert len({title for title, _ in mixed.paragraphs.values()} - in_english) == 2

    (folder / "xquad.es.json").write_text((folder / "xquad.en.json").read_text())
    bench.main(["--xquad", str(folder), "--languages", "en,es", "--per-kind", "2", "--mixed"])
    out = capsys.readouterr().out
    assert re.search(r"^answerable mixed-es answered=\S+ off_declined=\S+", out, re.MULTILINE)


def test_a_small_knowledge_base_is_the_questions_article_and_a_few_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = xquad_folder(tmp_path)
    data = bench.load_xquad(folder, "en")
    question = data.questions[0]  # Lighthouses #0
    other = "Bakeries"

    def sources(kind: str) -> list[str]:
        (condition,) = bench.small_scope(data, question, kind, [other]).must
        return sorted(condition.match.any)

    assert sources("answerable") == ["Bakeries#0", "Bakeries#1", "Lighthouses#0", "Lighthouses#1"]
    assert sources("near_topic") == ["Bakeries#0", "Bakeries#1", "Lighthouses#1"]
    assert sources("off_topic") == ["Bakeries#0", "Bakeries#1"]

    bench.main(["--xquad", str(folder), "--languages", "en", "--per-kind", "2", "--small", "1"])
    out = capsys.readouterr().out
    line = re.search(r"^answerable small-xquad-en answered=(\S+) off_declined", out, re.MULTILINE)
    assert line and float(line.group(1)) == 1.0, out
    assert re.search(r"^answerable small mean answerable=1.000 off_topic=", out, re.MULTILINE)


def test_one_page_per_subject_holds_one_paragraph_of_each_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = xquad_folder(tmp_path)
    data = bench.load_xquad(folder, "en")
    question = data.questions[0]  # Lighthouses #0
    others = ["Bakeries", "Railways"]

    def sources(kind: str) -> list[str]:
        rng = random.Random(1)
        (condition,) = bench.one_each_scope(data, question, kind, others, rng).must
        return sorted(condition.match.any)

    for kind, own in (("answerable", ["Lighthouses#0"]), ("near_topic", ["Lighthouses#1"]),
                      ("off_topic", [])):  # fmt: skip
        found = sources(kind)
        assert [s for s in found if s.startswith("Lighthouses")] == own, (kind, found)
        assert sorted(s.split("#")[0] for s in found if s not in own) == others, (kind, found)

    bench.main(["--xquad", str(folder), "--languages", "en", "--per-kind", "2", "--one-each", "1"])
    out = capsys.readouterr().out
    assert re.search(r"^answerable each-xquad-en answered=\S+ off_declined", out, re.MULTILINE)
    assert re.search(r"^answerable one-each mean answerable=", out, re.MULTILINE), out


@pytest.mark.parametrize(
    ("option", "label", "mean"),
    [
        ("--mixed", "each-mixed-es", "one-each mixed"),
        ("--across", "each-es->en", "one-each across"),
    ],
)
def test_one_page_per_subject_in_two_languages_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, label: str, mean: str
) -> None:
    """--one-each with --mixed also asks of pages drawn from the two-language collections;
    with --across, each other language's questions of English pages; each with its mean
    apart. --no-whole asks nothing of the whole collections."""
    folder = xquad_folder(tmp_path)
    (folder / "xquad.es.json").write_text((folder / "xquad.en.json").read_text())
    bench.main(["--xquad", str(folder), "--languages", "en,es", "--per-kind", "2",
                "--one-each", "1", option, "--no-whole"])  # fmt: skip
    out = capsys.readouterr().out
    asked = re.findall(r"^answerable (\S+) answered=\S+ off_declined=\S+", out, re.MULTILINE)
    assert sorted(set(asked)) == sorted([label, "each-xquad-en", "each-xquad-es"]), out
    assert re.search(rf"^answerable {mean} mean answerable=", out, re.MULTILINE), out
    assert "answerable macro" not in out  # no whole collection was asked


def test_a_swapped_question_asks_the_page_what_it_does_not_hold(tmp_path: Path) -> None:
    data = bench.load_xquad(xquad_folder(tmp_path), "en")
    question = data.questions[0]  # "Who first lit the Aldermoor lighthouse?"
    donors = [q for q in data.questions if q.article != question.article]
    gold = data.paragraphs[question.paragraph][1].lower()
    seen = set()
    for seed in range(20):
        text = bench.swapped(question, data, donors, random.Random(seed))
        assert text is not None and text != question.text
        gone = set(question.text.lower().split()) - set(text.lower().split())
        came = set(text.lower().rstrip("?").split()) - set(
            question.text.lower().rstrip("?").split()
        )
        # one word the paragraph holds out, one it does not hold in
        assert len(gone) == 1 and len(came) == 1, text
        assert gone.pop().strip("?") in gold and came.pop() not in gold, text
        seen.add(text)
    assert len(seen) > 1  # different words for different draws


def test_a_quote_holds_a_gold_answer_as_squad_normalises_it() -> None:
    question = bench.Question("Who lit it?", "L#0", "L", ("Tobias Wren", "keeper Tobias Wren"))
    assert bench.holds_gold("It was lit by keeper TOBIAS WREN.", question)
    assert bench.holds_gold("The keeper, Tobias Wren, lit it", bench.Question(
        "?", "L#0", "L", ("the keeper",)))  # fmt: skip
    assert not bench.holds_gold("It was lit by Mary Wren.", question)
    assert not bench.holds_gold(None, question)  # the not-found message holds nothing
    assert not bench.holds_gold("Anything.", bench.Question("?", "L#0", "L", ("",)))
