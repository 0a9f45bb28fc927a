"""Small organisations' questions, written by hand, asked of the running service.

Each file of bench/data/asked_by_hand/ holds organisations as a new user sets them up: a
few short pages in one language (English, Spanish or Indonesian), and questions labelled
before any code ran on them: `answered` (question, a string the answer must hold),
`near` (on the organisation's subject, which its pages do not answer) and `off` (on no
page's subject). Every organisation gets its own knowledge base and assistant through
the API of the served stack (`bench.sample_service`: Gunicorn + Uvicorn, a private
redis-server, embedded Qdrant and SQLite in a temporary folder, offline answers; the
sample knowledge base is the default organisation's, no other's), and each question is
asked in a conversation of its own with the organisation's key.

Printed per language and set: answerable questions answered (found), of those the ones
whose answer holds the expected string, near-topic and off-topic questions given the
not-found message. Every found answer must carry a citation and every decline none
(counted as "broken" otherwise).

    python -m bench.asked_by_hand [--sets set_a,set_b] [--out replies.jsonl]
    python -m bench.asked_by_hand --compare old.jsonl new.jsonl

`--out` keeps each reply, so that two commits can be compared question by question
(`--compare` prints the questions whose outcome differs).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.sample_service import sample_service
from utils.service_process import ServiceProcess, request

DATA = Path(__file__).parent / "data" / "asked_by_hand"
ADMIN_KEY = "bench-admin"


def call(
    service: ServiceProcess, method: str, path: str, key: str, body: Any = None, **headers: str
) -> Any:
    status, reply = request(
        method, service.url + path, body=body, headers={"X-API-Key": key, **headers}
    )
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {reply}")
    return reply


def set_up(service: ServiceProcess, organisation: dict[str, Any]) -> str:
    """The organisation's admin key, once its pages are read."""
    made = call(
        service, "POST", "/v1/admin/organisations", ADMIN_KEY, {"name": organisation["name"]}
    )
    key = made["admin_key"]["key"]
    kb = call(service, "POST", "/v1/knowledge-bases", key, {"name": "pages"})["id"]
    for title, text in organisation["documents"].items():
        job = call(
            service,
            "POST",
            f"/v1/knowledge-bases/{kb}/documents",
            key,
            {"title": title, "text": text},
        )
        wait_read(service, key, kb, job["jobs"][0]["document_id"])
    call(
        service, "POST", "/v1/assistants", key, {"name": "desk", "knowledge_bases": [{"kb_id": kb}]}
    )
    return key


def wait_read(service: ServiceProcess, key: str, kb: str, document: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status = call(service, "GET", f"/v1/knowledge-bases/{kb}/documents/{document}", key)[
            "status"
        ]
        if status == "completed":
            return
        if status == "failed":
            raise RuntimeError(f"document {document} failed")
        time.sleep(0.1)
    raise RuntimeError(f"document {document} was not read in time")


def questions(organisation: dict[str, Any]) -> Iterator[tuple[str, str, str | None]]:
    for question, expected in organisation["answered"]:
        yield "answered", question, expected
    for kind in ("near", "off"):
        for question in organisation[kind]:
            yield kind, question, None


def ask_all(sets: list[str]) -> list[dict[str, Any]]:
    rows = []
    with sample_service("asked-by-hand-", ADMIN_API_KEYS=ADMIN_KEY, API_KEYS="") as service:
        for name in sets:
            for organisation in json.loads((DATA / f"{name}.json").read_text()):
                key = set_up(service, organisation)
                for n, (kind, question, expected) in enumerate(questions(organisation)):
                    reply = call(service, "POST", "/v1/chat", key, {"message": question},
                                 **{"X-Conversation-Id": f"q{n}"})  # fmt: skip
                    rows.append({
                        "set": name, "organisation": organisation["name"],
                        "language": organisation["language"], "kind": kind,
                        "question": question, "expected": expected, "found": reply["found"],
                        "cited": bool(reply.get("citations")), "answer": reply["answer"],
                    })  # fmt: skip
    return rows


def outcome(row: dict[str, Any]) -> bool:
    """Whether the service did what the label asks: answered (with the expected string)
    or declined."""
    if row["kind"] == "answered":
        return row["found"] and row["expected"] in row["answer"]
    return not row["found"]


def report(rows: list[dict[str, Any]]) -> None:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(row["set"], row["language"])].append(row)
        groups[(row["set"], "all")].append(row)
        groups[("all", "all")].append(row)
    print(
        "| set | language | answerable answered (right string) | near-topic declined "
        "| off-topic declined | broken |"
    )
    print("|---|---|---|---|---|---|")
    for (name, language), group in sorted(groups.items()):
        by_kind = {k: [r for r in group if r["kind"] == k] for k in ("answered", "near", "off")}
        answerable = by_kind["answered"]
        found = sum(r["found"] for r in answerable)
        right = sum(outcome(r) for r in answerable)
        near = sum(outcome(r) for r in by_kind["near"])
        off = sum(outcome(r) for r in by_kind["off"])
        broken = sum(r["found"] != r["cited"] for r in group)
        print(f"| {name} | {language} | {found} ({right}) / {len(answerable)} | "
              f"{near} / {len(by_kind['near'])} | {off} / {len(by_kind['off'])} | {broken} |")  # fmt: skip


def compare(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    before = {(r["organisation"], r["question"]): r for r in old}
    for row in new:
        was = before.get((row["organisation"], row["question"]))
        if was is None:
            continue
        if outcome(was) != outcome(row) or was["answer"] != row["answer"]:
            gained, lost = outcome(row) and not outcome(was), outcome(was) and not outcome(row)
            mark = "+" if gained else "-" if lost else "~"
            print(f"{mark} [{row['kind']}] {row['question']}")
            print(f"    was: {was['answer'][:160]}\n    now: {row['answer'][:160]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(sorted(p.stem for p in DATA.glob("*.json"))))
    parser.add_argument("--out", type=Path, help="write each reply here (JSON lines)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        old, new = ([json.loads(line) for line in p.read_text().splitlines()] for p in args.compare)
        compare(old, new)
        report(new)
        return
    rows = ask_all(args.sets.split(","))
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    report(rows)


if __name__ == "__main__":
    main()
