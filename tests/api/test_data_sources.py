"""Questions over an organisation's databases and spreadsheets: data sources made and
kept per organisation, a model's `run_sql` calls (the local OpenAI-compatible stub,
scripted) run read-only, and what they made (table, chart, SQL) downloadable."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import Workbook
from qdrant_client import QdrantClient

from stubs.llm import LLMStub
from tests.api.platform_helpers import Org, chat, create_org, key_header, ok

MACHINES = [
    ("M-1", "press", "north", 1), ("M-2", "press", "south", 0), ("M-3", "lathe", "north", 1),
    ("M-4", "lathe", "north", 1), ("M-5", "drill", "east", 0), ("M-6", "press", "east", 1),
    ("M-7", "drill", "south", 1),
]  # fmt: skip


def make_database(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE machines (code TEXT, kind TEXT, region TEXT, needs_maintenance INT)")
    conn.executemany("INSERT INTO machines VALUES (?, ?, ?, ?)", MACHINES)
    conn.execute("CREATE TABLE numbers (n INT)")
    conn.executemany("INSERT INTO numbers VALUES (?)", [(i,) for i in range(3200)])
    conn.commit()
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tool_results(request: dict[str, Any]) -> list[str]:
    return [m["content"] for m in request["messages"] if m["role"] == "tool"]


class Script:
    """The stub's replies: each tool round runs the next queries; then the answer is
    written from the last tool result."""

    def __init__(self, source_id: str, rounds: list[list[str]], answer: str = "") -> None:
        self.source_id = source_id
        self.rounds = rounds
        self.answer = answer

    def __call__(self, request: dict[str, Any]) -> Any:
        if not request.get("tools"):  # the condenser or a guard: not a data turn
            return "ok"
        done = len([m for m in request["messages"] if m["role"] == "assistant"])
        if done < len(self.rounds):
            return [
                {"name": "run_sql", "arguments": {"data_source_id": self.source_id, "query": q}}
                for q in self.rounds[done]
            ]
        results = tool_results(request)
        last = json.loads(results[-1]) if results and results[-1].startswith("{") else None
        return self.answer.format(result=last)


@pytest.fixture
def data_app(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, stub: LLMStub
) -> Callable[..., Flask]:
    def make(**overrides: object) -> Flask:
        values = {
            "llm_base_url": stub.url, "llm_api_key": stub.api_key, "llm_model": "stub-model",
            "llm_max_retries": 0, "llm_timeout": 5.0,
            "data_sources_allowed_hosts": ["127.0.0.1"],  # the session's PostgreSQL
            **overrides,
        }  # fmt: skip
        return make_app(qdrant=empty_qdrant, **values)

    return make


def run_on(postgres_url: str, *statements: str) -> str:
    """Run statements on the test's PostgreSQL database as its owner; its psycopg DSN."""
    import psycopg
    from sqlalchemy.engine import make_url

    dsn = make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]
    return dsn


def sqlite_source(org: Org, app: Flask, name: str = "plant") -> tuple[str, Path]:
    data_dir = app.config["SETTINGS"].data_dir
    path = make_database(data_dir / "databases" / org.id / f"{name}.db")  # its own folder
    body = ok(
        org.client.post(
            "/v1/data-sources",
            json={"name": name, "url": f"sqlite:///{path.name}"},
            headers=org.admin,
        ),
        201,
    )
    return body["id"], path


def data_assistant(org: Org, source_ids: list[str], name: str = "analyst") -> str:
    body = {"name": name, "data_source_ids": source_ids}
    created = ok(org.client.post("/v1/assistants", json=body, headers=org.admin), 201)
    org.assistants[name] = created["id"]
    return created["id"]


def plant(app: Flask) -> tuple[Flask, Org, str, Path, str]:
    """An organisation with the plant database as a data source and an assistant that
    queries it: (app, organisation, source id, database file, assistant id)."""
    org = create_org(app.test_client(), "Plant")
    source_id, path = sqlite_source(org, app)
    return app, org, source_id, path, data_assistant(org, [source_id])


def ask(client: FlaskClient, key: dict[str, str], assistant: str, message: str,
        conversation: str = "c1", **headers: str) -> Any:  # fmt: skip
    return client.post(
        "/v1/chat",
        json={"message": message},
        headers={**key, "X-Assistant-Id": assistant, "X-Conversation-Id": conversation, **headers},
    )


# -- data sources: made, shown, kept apart ----------------------------------------------------


def test_a_database_source_shows_its_tables_and_hides_its_password(
    data_app: Callable[..., Flask],
) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "Plant")
    source_id, _ = sqlite_source(org, app)
    shown = ok(client.get(f"/v1/data-sources/{source_id}", headers=org.admin))
    tables = {t["name"]: t for t in shown["tables"]}
    assert tables["machines"]["rows"] == 7 and tables["numbers"]["rows"] == 3200
    assert [c["name"] for c in tables["machines"]["columns"]] == [
        "code", "kind", "region", "needs_maintenance"
    ]  # fmt: skip
    assert shown["reachable"] is True and shown["engine"] == "sqlite"
    listed = ok(client.get("/v1/data-sources", headers=org.admin))["data_sources"]
    assert [s["id"] for s in listed] == [source_id]

    # A database URL with a password: shown without it, stored encrypted.
    services = app.extensions["services"]()
    with services.db.session() as session:
        from tenancy.models import DataSource

        record = session.get(DataSource, source_id)
        assert "sqlite" not in (record.url_encrypted or "")  # not in clear


def test_sqlite_files_outside_the_allowed_folder_are_refused_and_nothing_is_kept(
    data_app: Callable[..., Flask], tmp_path: Path
) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "Plant")
    outside = make_database(tmp_path / "elsewhere" / "secret.db")
    for url, reason in [
        (f"sqlite:///{outside}", "organisation's own folder"),
        ("sqlite:///../elsewhere/secret.db", "organisation's own folder"),
        ("sqlite:///missing.db", "no SQLite file"),
        ("sqlite://", "file path"),
        ("mysql://u:p@localhost/db", "not supported"),
        ("not a url", "not a database URL"),
        ("postgresql://u:p@localhost:99x/db", "not a database URL"),
        ("sqlite:///" + "a" * 300 + ".db", "no SQLite file"),
        ("postgresql://u:secret@127.0.0.1:1/db", "cannot connect"),
    ]:
        response = client.post(
            "/v1/data-sources", json={"name": "x", "url": url}, headers=org.admin
        )
        assert response.status_code == 422, (url, response.get_json())
        assert reason in response.get_json()["error"]["message"], url
        assert "secret" not in response.get_data(as_text=True).replace("secret.db", "")
    assert ok(client.get("/v1/data-sources", headers=org.admin))["data_sources"] == []


def test_an_organisations_sqlite_files_are_its_own_and_paths_stay_hidden(
    data_app: Callable[..., Flask],
) -> None:
    app = data_app()
    client = app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    sqlite_source(acme, app, "plant")  # databases/<acme>/plant.db
    folder = str(app.config["SETTINGS"].data_dir)
    for url in ("sqlite:///plant.db", f"sqlite:///../{acme.id}/plant.db",
                f"sqlite:///{app.config['SETTINGS'].data_dir}/databases/{acme.id}/plant.db"):  # fmt: skip
        refused = client.post("/v1/data-sources", json={"name": "stolen", "url": url},
                              headers=beta.admin)  # fmt: skip
        assert refused.status_code == 422, url
        message = refused.get_json()["error"]["message"]
        assert f"databases/{beta.id}" not in message  # where its own folder is
        assert url.startswith("sqlite:////") or folder not in message, message
    assert ok(client.get("/v1/data-sources", headers=beta.admin))["data_sources"] == []


def test_a_database_source_reaches_no_internal_server_and_never_the_platforms_own(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, postgres_url: str
) -> None:
    """Only public servers unless the operator allows a host (with or without its port);
    the platform's own database server never; connection failures all read the same."""
    from sqlalchemy.engine import make_url

    port = make_url(postgres_url).port
    database = make_url(postgres_url).database
    closed = make_app(qdrant=empty_qdrant).test_client()
    org = create_org(closed, "Plant")
    for host in ("127.0.0.1", "localhost", "2130706433", "[::1]", "10.0.0.7", "169.254.169.254"):
        url = f"postgresql://grounded@{host}:{port}/{database}"
        refused = closed.post("/v1/data-sources", json={"name": "db", "url": url},
                              headers=org.admin)  # fmt: skip
        assert refused.status_code == 422, host
        assert "DATA_SOURCES_ALLOWED_HOSTS" in refused.get_json()["error"]["message"], host
    # Allowed with its port only: another port of the same host is still refused.
    other = make_app(qdrant=empty_qdrant,
                     data_sources_allowed_hosts=[f"127.0.0.1:{port}"]).test_client()  # fmt: skip
    org = create_org(other, "Plant port")
    assert ok(other.post("/v1/data-sources", json={"name": "db", "url": postgres_url},
                         headers=org.admin), 201)["tables"] == []  # fmt: skip
    assert other.post("/v1/data-sources", json={"name": "db2", "url": postgres_url.replace(
        f":{port}/", ":1/")}, headers=org.admin).status_code == 422  # fmt: skip
    # One neutral message whether the port is closed or the database or user is unknown.
    allowed = make_app(qdrant=empty_qdrant, data_sources_allowed_hosts=["127.0.0.1"]).test_client()
    org = create_org(allowed, "Plant neutral")
    messages = set()
    for url in (f"postgresql://grounded@127.0.0.1:1/{database}",
                f"postgresql://grounded@127.0.0.1:{port}/nothing_here",
                f"postgresql://nobody@127.0.0.1:{port}/{database}"):  # fmt: skip
        refused = allowed.post("/v1/data-sources", json={"name": "db", "url": url},
                               headers=org.admin)  # fmt: skip
        assert refused.status_code == 422, url
        messages.add(refused.get_json()["error"]["message"])
    assert len(messages) == 1 and "cannot connect" in messages.pop()
    # The platform on this very server: its server is refused although its host is allowed.
    platform = make_app(qdrant=empty_qdrant, database_url=postgres_url,
                        data_sources_allowed_hosts=["127.0.0.1", "localhost"]).test_client()  # fmt: skip
    org = create_org(platform, "Plant own")
    for url in (postgres_url, postgres_url.replace("127.0.0.1", "localhost"),
                postgres_url.rsplit("/", 1)[0] + "/postgres"):  # fmt: skip
        refused = platform.post("/v1/data-sources", json={"name": "db", "url": url},
                                headers=org.admin)  # fmt: skip
        assert refused.status_code == 422, url
        assert "own database server" in refused.get_json()["error"]["message"]
    assert ok(platform.get("/v1/data-sources", headers=org.admin))["data_sources"] == []


def test_postgresql_functions_that_run_sql_text_or_read_files_are_refused(
    data_app: Callable[..., Flask], stub: LLMStub, postgres_url: str
) -> None:
    run_on(postgres_url, "CREATE TABLE machines (code TEXT)",
           "INSERT INTO machines VALUES ('P-1'), ('P-2')")  # fmt: skip
    app = data_app(max_sql_retries=10)
    client = app.test_client()
    org = create_org(client, "Plant")
    source = ok(client.post("/v1/data-sources", json={"name": "plant", "url": postgres_url},
                            headers=org.admin), 201)["id"]  # fmt: skip
    assistant = data_assistant(org, [source])
    hostile = [
        "SELECT query_to_xml('select rolname, rolpassword from pg_authid', true, true, '') FROM machines",
        "SELECT query_to_xml('select pg_read_file(''/etc/passwd'')', true, true, '') FROM machines",
        "SELECT table_to_xml('pg_authid', true, true, '') FROM machines",
        "SELECT database_to_xml(true, true, '') FROM machines",
        "SELECT ts_stat('select rolname::tsvector from pg_authid') FROM machines",
        "SELECT current_setting('data_directory') FROM machines",
    ]
    stub.reply = Script(source, [[q] for q in hostile] + [["SELECT count(*) FROM machines"]],
                        "Two machines.")  # fmt: skip
    reply = ok(ask(client, key_header(org.key("chat")), assistant, "How many machines?"))
    results = tool_results(stub.requests[-1])  # every tool result of the turn
    refusals = [r for r in results if "not allowed" in r]
    assert len(refusals) == len(hostile), results
    assert reply["metrics"]["sql_attempts"] == len(hostile) + 1
    text = json.dumps(reply) + "".join(results)
    assert "rolpassword" not in text.replace(hostile[0], "") and "root:" not in text


def test_a_huge_value_is_cut_and_a_result_is_bounded_in_bytes(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, _, assistant = plant(data_app(sql_max_result_bytes=200_000))
    client = org.client
    key = key_header(org.key("chat"))
    # SQLite makes no value over 1 MB: the database says so to the model.
    stub.reply = Script(source_id, [["SELECT printf('%.*c', 20000000, 'x') FROM machines LIMIT 5"]],
                        "No.")  # fmt: skip
    reply = client.post("/v1/chat", json={"message": "big?"},
                        headers={**key, "X-Assistant-Id": assistant, "X-Conversation-Id": "b1"})  # fmt: skip
    assert reply.status_code == 200 and len(reply.get_data()) < 100_000
    [result] = [r for req in stub.requests for r in tool_results(req)]
    assert len(result) < 2_000  # SQLite makes NULL (or an error) instead of the value
    # Values under that limit but long, many rows: cells cut, the CSV stops at the cap,
    # the model reads a bounded message that says what was cut.
    stub.requests.clear()
    stub.reply = Script(source_id, [[
        "SELECT a.code, printf('%.*c', 200000, 'y') AS blob FROM machines a, numbers b"
    ]], "Long.")  # fmt: skip
    reply = client.post("/v1/chat", json={"message": "long?"},
                        headers={**key, "X-Assistant-Id": assistant, "X-Conversation-Id": "b2"})  # fmt: skip
    assert reply.status_code == 200 and len(reply.get_data()) < 100_000
    body = reply.get_json()
    table = next(a for a in body["artifacts"] if a["kind"] == "table")
    assert table["truncated"] is True and all(len(c) <= 510 for r in table["preview"] for c in r)
    for_model = [r for req in stub.requests for r in tool_results(req)][-1]
    assert len(for_model.encode()) <= 16_000 and "cut" in for_model
    csv_body = client.get(f"/v1/conversations/b2/artifacts/{table['id']}", headers=key)
    assert csv_body.status_code == 200 and 200_000 <= len(csv_body.get_data()) <= 260_000


def test_spreadsheets_become_tables_with_inferred_types(data_app: Callable[..., Flask]) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "School")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Fees"
    sheet.append(["student", "amount"])
    sheet.append(["Ana", 120.5])
    sheet.append(["Budi", 80])
    other = workbook.create_sheet("Rooms")
    other.append(["room", "seats"])
    other.append(["A1", 30])
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    students = "name,registered,grade\nAna,2026-01-03,7\nBudi,2026-02-11,8\nCarla,2026-03-01,7\n"
    created = ok(
        client.post(
            "/v1/data-sources",
            data={
                "name": "school data",
                "files": [
                    (io.BytesIO(students.encode()), "Students 2026.csv"),
                    (io.BytesIO(xlsx.getvalue()), "finance.xlsx"),
                    # As Spanish and Indonesian spreadsheets write CSV: ";" and decimal commas.
                    (
                        io.BytesIO(
                            "región;importe;fecha\nnorte;1,5;02/01/2026\nsur;2,25;"
                            "03/02/2026\n".encode()
                        ),
                        "Ventas año.csv",
                    ),
                    (io.BytesIO(b"wilayah;jumlah\nutara;1.5\nselatan;2\n"), "penjualan.csv"),
                ],
            },
            headers=org.admin,
            content_type="multipart/form-data",
        ),
        201,
    )
    tables = {t["name"]: t for t in created["tables"]}
    assert set(tables) == {"students_2026", "finance_fees", "finance_rooms", "ventas_ano",
                           "penjualan"}  # fmt: skip
    ventas = {c["name"]: c["type"] for c in tables["ventas_ano"]["columns"]}
    assert ventas == {"región": "VARCHAR", "importe": "DOUBLE", "fecha": "DATE"}
    assert {c["name"]: c["type"] for c in tables["penjualan"]["columns"]}["jumlah"] == "DOUBLE"
    types = {c["name"]: c["type"] for c in tables["students_2026"]["columns"]}
    assert types["registered"] == "DATE" and types["grade"] in ("BIGINT", "INTEGER")
    assert tables["finance_fees"]["rows"] == 2 and created["kind"] == "spreadsheet"

    # A file that is no spreadsheet: 422 naming it, nothing kept.
    refused = client.post(
        "/v1/data-sources",
        data={"name": "bad", "files": [(io.BytesIO(b"PK\x03\x04broken"), "broken.xlsx")]},
        headers=org.admin,
        content_type="multipart/form-data",
    )
    assert refused.status_code == 422 and "broken.xlsx" in refused.get_json()["error"]["message"]
    names = [
        s["name"] for s in ok(client.get("/v1/data-sources", headers=org.admin))["data_sources"]
    ]
    assert names == ["school data"]


def test_another_organisation_sees_nothing_of_a_data_source(data_app: Callable[..., Flask]) -> None:
    app = data_app()
    client = app.test_client()
    owner, other = create_org(client, "Owner"), create_org(client, "Other")
    source_id, _ = sqlite_source(owner, app)
    for method in ("get", "delete"):
        response = getattr(client, method)(f"/v1/data-sources/{source_id}", headers=other.admin)
        assert response.status_code == 404
    assert ok(client.get("/v1/data-sources", headers=other.admin))["data_sources"] == []
    refused = client.post(
        "/v1/assistants", json={"name": "thief", "data_source_ids": [source_id]},
        headers=other.admin,
    )  # fmt: skip
    assert refused.status_code == 404
    # A chat key of the owner may not manage data sources either.
    chat_key = key_header(owner.key("chat"))
    assert client.get("/v1/data-sources", headers=chat_key).status_code == 403
    assert ok(client.get(f"/v1/data-sources/{source_id}", headers=owner.admin))["id"] == source_id


def test_deleting_a_data_source_takes_it_off_its_assistants(data_app: Callable[..., Flask]) -> None:
    app, org, source_id, path, assistant = plant(data_app())
    client = org.client
    ok(client.delete(f"/v1/data-sources/{source_id}", headers=org.admin))
    shown = ok(client.get(f"/v1/assistants/{assistant}", headers=org.admin))
    assert shown["data_source_ids"] == []
    assert path.exists()  # the organisation's own database is only forgotten
    assert client.get(f"/v1/data-sources/{source_id}", headers=org.admin).status_code == 404


# -- turns that query ---------------------------------------------------------------------------


def test_a_count_is_answered_from_a_query_with_its_table_sql_and_citation(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, path, assistant = plant(data_app())
    client = org.client
    query = "SELECT count(*) AS machines FROM machines WHERE needs_maintenance = 1"
    stub.reply = Script(source_id, [[query]], "{result[rows][0][0]} machines need maintenance.")
    key = key_header(org.key("chat"))
    reply = ok(ask(client, key, assistant, "How many machines need preventive maintenance?"))
    assert reply["answer"] == "5 machines need maintenance."
    assert reply["found"] is True
    [cited] = reply["citations"]
    assert cited["kind"] == "data" and cited["data_source_id"] == source_id
    assert cited["query"] == query and cited["title"] == "plant"
    kinds = {a["kind"]: a for a in reply["artifacts"]}
    assert set(kinds) == {"table", "sql"}  # one number: no chart
    assert kinds["table"]["rows"] == 1 and kinds["table"]["preview"] == [[5]]
    assert reply["metrics"]["sql_attempts"] == 1
    assert reply["metrics"]["total_time_ms"] >= reply["metrics"]["sql_time_ms"] > 0

    # What the model was given: the tool, and the schema with sample rows.
    data_request = next(r for r in stub.chat_requests() if r.get("tools"))
    assert data_request["tools"][0]["function"]["name"] == "run_sql"
    system = data_request["messages"][0]["content"]
    assert source_id in system and "machines(code TEXT" in system and "M-1" in system

    downloaded = client.get(kinds["table"]["url"], headers=key)
    assert downloaded.status_code == 200 and downloaded.mimetype == "text/csv"
    assert list(csv.reader(io.StringIO(downloaded.get_data(as_text=True)))) == [["machines"], ["5"]]
    sql = client.get(kinds["sql"]["url"], headers=key).get_data(as_text=True)
    assert sql.strip() == query

    listed = ok(client.get("/v1/conversations/c1/artifacts",
                           headers={**key, "X-Assistant-Id": assistant}))  # fmt: skip
    assert [a["id"] for a in listed["artifacts"]] == [a["id"] for a in reply["artifacts"]]
    history = ok(client.get("/v1/conversations/c1", headers={**key, "X-Assistant-Id": assistant}))
    assert history["messages"][-1]["artifacts"][0]["url"] == kinds["table"]["url"]


def test_a_grouped_result_gets_a_chart_and_is_streamed_as_its_own_event(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, _, assistant = plant(data_app())
    client = org.client
    query = "SELECT region, count(*) AS machines FROM machines GROUP BY region ORDER BY region"
    stub.reply = Script(source_id, [[query]], "Machines by region: see the chart.")
    key = key_header(org.key("chat"))
    response = ask(client, key, assistant, "Machines by region?", Accept="text/event-stream")
    events = [
        (block.split("\n")[0].removeprefix("event: "), block.split("data: ", 1)[1])
        for block in response.get_data(as_text=True).strip().split("\n\n")
    ]
    names = [name for name, _ in events]
    assert names.index("artifacts") == len(names) - 2 and names[-1] == "done"
    artifacts = json.loads(events[-2][1])["artifacts"]
    chart = next(a for a in artifacts if a["kind"] == "chart")
    png = client.get(chart["url"], headers=key)
    assert png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")
    table = next(a for a in artifacts if a["kind"] == "table")
    assert table["preview"] == [["east", 2], ["north", 3], ["south", 2]]


def test_a_failed_query_is_corrected_from_the_database_error(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, _, assistant = plant(data_app())
    client = org.client
    stub.reply = Script(
        source_id,
        [["SELECT count(*) FROM machines WHERE maintenance_due = 1"],
         ["SELECT count(*) FROM machines WHERE needs_maintenance = 1"]],
        "{result[rows][0][0]} machines.",
    )  # fmt: skip
    reply = ok(ask(client, key_header(org.key("chat")), assistant, "How many need maintenance?"))
    assert reply["answer"] == "5 machines." and reply["metrics"]["sql_attempts"] == 2
    second = [r for r in stub.chat_requests() if r.get("tools")][1]
    [error] = tool_results(second)
    assert error.startswith("error:") and "no such column: maintenance_due" in error


HOSTILE = [
    "DROP TABLE machines",
    "DELETE FROM machines",
    "UPDATE machines SET needs_maintenance = 0",
    "INSERT INTO machines VALUES ('X', 'x', 'x', 1)",
    "ATTACH DATABASE '/tmp/evil.db' AS evil",
    "PRAGMA journal_mode = WAL",
    "PRAGMA user_version = 7",
    "SELECT 1; DROP TABLE machines",
    "SELECT * FROM machines; DELETE FROM machines",
    "CREATE TABLE stolen AS SELECT * FROM machines",
    "SELECT * FROM sqlite_master",
    "SELECT load_extension('/tmp/evil.so')",
    "SELECT writefile('/tmp/x', 'y')",
    "WITH RECURSIVE forever(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM forever) "
    "SELECT count(*) FROM forever",
    "SELECT count(*) FROM numbers a, numbers b, numbers c",
]


def test_hostile_queries_are_refused_or_stopped_and_the_database_is_unchanged(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app = data_app(max_sql_retries=len(HOSTILE), sql_timeout_seconds=1.0, sql_max_rows=1000)
    client = app.test_client()
    org = create_org(client, "Plant")
    source_id, path = sqlite_source(org, app)
    before = digest(path)
    assistant = data_assistant(org, [source_id])
    stub.reply = Script(source_id, [[q] for q in HOSTILE] + [[
        # A 10-million-row cross join read row by row: stopped at the row cap.
        "SELECT a.n, b.n FROM numbers a, numbers b",
    ]], "done")  # fmt: skip
    reply = ok(ask(client, key_header(org.key("chat")), assistant, "Do as the data says."))
    last = [r for r in stub.chat_requests() if r.get("tools")][-1]
    results = tool_results(last)
    assert len(results) == len(HOSTILE) + 1
    for query, result in zip(HOSTILE, results, strict=False):
        assert result.startswith("error:"), (query, result)
    assert "longer than 1 s" in results[HOSTILE.index(HOSTILE[-2])]
    assert "longer than 1 s" in results[len(HOSTILE) - 1]
    capped = json.loads(results[-1])
    assert capped["row_count"] == 1000 and capped["truncated"] is True
    assert reply["metrics"]["sql_attempts"] == len(HOSTILE) + 1
    assert digest(path) == before
    assert not Path("/tmp/evil.db").exists()


def test_the_model_cannot_reach_another_organisations_data_source(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app = data_app(max_sql_retries=3)
    client = app.test_client()
    owner, other = create_org(client, "Owner"), create_org(client, "Other")
    theirs, _ = sqlite_source(owner, app, name="payroll")
    mine, _ = sqlite_source(other, app, name="plant")
    assistant = data_assistant(other, [mine])
    stub.reply = Script(theirs, [["SELECT count(*) FROM machines"]], "no")

    def by_name(request: dict[str, Any]) -> Any:
        if not request.get("tools"):
            return "ok"
        done = len([m for m in request["messages"] if m["role"] == "assistant"])
        targets = [theirs, "payroll", "PAYROLL", mine]
        if done < len(targets):
            return [
                {
                    "name": "run_sql",
                    "arguments": {
                        "data_source_id": targets[done],
                        "query": "SELECT count(*) FROM machines",
                    },
                }
            ]
        return "Counted {}".format(json.loads(tool_results(request)[-1])["rows"][0][0])

    stub.reply = by_name
    reply = ok(ask(client, key_header(other.key("chat")), assistant, "How many machines?"))
    results = tool_results([r for r in stub.chat_requests() if r.get("tools")][-1])
    assert results[0].startswith("error: no data source") and theirs in results[0]
    assert results[1].startswith("error: no data source 'payroll'")
    assert results[2].startswith("error: no data source 'PAYROLL'")  # names match in any case
    assert reply["answer"] == "Counted 7"
    assert [c["data_source_id"] for c in reply["citations"]] == [mine]


def test_the_model_may_name_a_source_by_name_in_any_case_or_leave_out_the_only_one(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, _, assistant = plant(data_app())
    calls = [{"data_source_id": "PLANT", "query": "SELECT count(*) FROM machines"},
             {"sql": "SELECT count(*) FROM machines WHERE needs_maintenance = 1"}]  # fmt: skip

    def loose(request: dict[str, Any]) -> Any:
        if not request.get("tools"):
            return "ok"
        done = len([m for m in request["messages"] if m["role"] == "assistant"])
        if done < len(calls):
            return [{"name": "run_sql", "arguments": calls[done]}]
        counts = [json.loads(r)["rows"][0][0] for r in tool_results(request)]
        return f"{counts[0]} machines, {counts[1]} due."

    stub.reply = loose
    reply = ok(ask(org.client, key_header(org.key("chat")), assistant, "How many machines?"))
    assert reply["answer"] == "7 machines, 5 due."
    assert reply["metrics"]["sql_attempts"] == 2
    assert {c["data_source_id"] for c in reply["citations"]} == {source_id}


def test_artifacts_follow_their_conversation(data_app: Callable[..., Flask], stub: LLMStub) -> None:
    app = data_app()
    client = app.test_client()
    org, other = create_org(client, "Plant"), create_org(client, "Other")
    source_id, _ = sqlite_source(org, app)
    assistant = data_assistant(org, [source_id])
    stub.reply = Script(source_id, [["SELECT code FROM machines"]], "Seven machines.")
    key = key_header(org.key("chat"))
    reply = ok(ask(client, key, assistant, "Which machines are there?"))
    url = reply["artifacts"][0]["url"]
    # Another key of the same organisation has its own conversations; another
    # organisation's key has none of them.
    assert (
        client.get(
            url, headers={**key_header(org.key("chat")), "X-Assistant-Id": assistant}
        ).status_code
        == 404
    )
    assert client.get(url, headers={**other.admin, "X-Assistant-Id": assistant}).status_code == 404
    headers = {**key, "X-Assistant-Id": assistant}
    assert client.get(url, headers=headers).status_code == 200
    ok(client.delete("/v1/conversations/c1", headers=headers))
    assert client.get(url, headers=headers).status_code == 404
    redis = app.extensions["services"]().redis
    prefix = app.config["SETTINGS"].checkpoint_prefix
    assert not list(redis.scan_iter(f"{prefix}:*artifact*"))


def test_without_a_model_a_question_over_data_says_what_it_needs(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    app = make_app(qdrant=empty_qdrant)
    client = app.test_client()
    org = create_org(client, "Plant")
    source_id, _ = sqlite_source(org, app)
    org.kb("manuals")
    org.upload("manuals", "Warranty", "The warranty of every press is two years from delivery.")
    body = {"name": "analyst", "data_source_ids": [source_id],
            "knowledge_bases": [{"kb_id": org.kbs["manuals"]}]}  # fmt: skip
    assistant = ok(client.post("/v1/assistants", json=body, headers=org.admin), 201)["id"]
    key = key_header(org.key("chat"))
    counted = ok(ask(client, key, assistant, "How many machines need maintenance?"))
    assert counted["found"] is False and "LLM_BASE_URL" in counted["answer"]
    assert "LLM_MODEL" in counted["warning"] and not any(c.isdigit() for c in counted["answer"])
    spanish = ok(ask(client, key, assistant, "¿Cuántas máquinas necesitan mantenimiento?",
                     conversation="c2"))  # fmt: skip
    assert spanish["answer"].startswith("Para responder")
    documented = ok(ask(client, key, assistant, "What is the warranty of a press?",
                        conversation="c3"))  # fmt: skip
    assert documented["found"] and "two years" in documented["answer"]


def test_a_postgresql_database_is_queried_read_only(
    data_app: Callable[..., Flask], stub: LLMStub, postgres_url: str
) -> None:
    import psycopg

    dsn = run_on(postgres_url, "CREATE TABLE students (name TEXT, registered DATE)",
                 "INSERT INTO students VALUES ('Ana', '2026-01-03'), ('Budi', '2026-02-20'),"
                 " ('Carla', '2026-03-09')")  # fmt: skip
    app = data_app()
    client = app.test_client()
    org = create_org(client, "School")
    created = ok(client.post("/v1/data-sources", json={"name": "registry", "url": postgres_url},
                             headers=org.admin), 201)  # fmt: skip
    assert created["engine"] == "postgresql" and created["tables"][0]["rows"] == 3
    assistant = data_assistant(org, [created["id"]])
    stub.reply = Script(created["id"], [
        ["SELECT name FROM students WHERE registered > '2026-02-01'; DROP TABLE students"],
        ["SELECT name FROM students WHERE registered > DATE '2026-02-01' ORDER BY name"],
    ], "Registered after the deadline: Budi and Carla.")  # fmt: skip
    reply = ok(ask(client, key_header(org.key("chat")), assistant,
                   "Which students registered after the deadline?"))  # fmt: skip
    table = next(a for a in reply["artifacts"] if a["kind"] == "table")
    assert table["preview"] == [["Budi"], ["Carla"]] and reply["metrics"]["sql_attempts"] == 2
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT count(*) FROM students").fetchone() == (3,)


def test_the_openai_compatible_endpoint_carries_the_artifacts(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app, org, source_id, _, assistant = plant(data_app())
    client = org.client
    stub.reply = Script(source_id, [["SELECT kind, count(*) FROM machines GROUP BY kind"]],
                        "Three kinds.")  # fmt: skip
    body = {"model": assistant, "messages": [{"role": "user", "content": "Machines per kind?"}]}
    completion = ok(client.post("/v1/chat/completions", json=body,
                                headers={**key_header(org.key("chat")),
                                         "X-Conversation-Id": "oa1"}))  # fmt: skip
    assert completion["choices"][0]["message"]["content"] == "Three kinds."
    assert {a["kind"] for a in completion["artifacts"]} == {"table", "chart", "sql"}
    assert completion["citations"][0]["kind"] == "data"


def test_deleting_an_organisation_deletes_its_spreadsheets(data_app: Callable[..., Flask]) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "Gone")
    ok(
        client.post(
            "/v1/data-sources",
            headers=org.admin,
            content_type="multipart/form-data",
            data={"name": "s", "files": [(io.BytesIO(b"a,b\n1,2\n"), "s.csv")]},
        ),
        201,
    )
    folder = app.config["SETTINGS"].data_dir / "data_sources" / org.id
    assert list(folder.glob("*.duckdb"))
    ok(client.delete(f"/v1/admin/organisations/{org.id}", headers={"X-API-Key": "admin-key"}))
    assert not folder.exists()


def test_a_guest_reads_the_artifacts_of_its_own_conversation_only(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "Plant")
    source_id, _ = sqlite_source(org, app)
    body = {"name": "public analyst", "data_source_ids": [source_id], "is_public": True,
            "allowed_origins": ["https://plant.example"]}  # fmt: skip
    assistant = ok(client.post("/v1/assistants", json=body, headers=org.admin), 201)["id"]
    stub.reply = Script(source_id, [["SELECT code FROM machines ORDER BY code"]], "Seven.")
    visitor = {"X-Assistant-Id": assistant, "X-Visitor-Id": "v" * 30,
               "Origin": "https://plant.example"}  # fmt: skip
    reply = ok(client.post("/v1/public/chat", json={"message": "Which machines?"},
                           headers={**visitor, "X-Conversation-Id": "g1"}))  # fmt: skip
    table = next(a for a in reply["artifacts"] if a["kind"] == "table")
    public_url = "/v1/public" + table["url"].removeprefix("/v1")
    downloaded = client.get(public_url, headers=visitor)
    assert downloaded.status_code == 200 and downloaded.get_data(as_text=True).count("M-") == 7
    listed = ok(client.get("/v1/public/conversations/g1/artifacts", headers=visitor))
    assert len(listed["artifacts"]) == 2
    stranger = {**visitor, "X-Visitor-Id": "w" * 30}
    assert client.get(public_url, headers=stranger).status_code == 404
    assert client.get(table["url"], headers=org.admin).status_code == 404


def test_one_answer_cites_a_document_and_a_query(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    app = data_app()
    client = app.test_client()
    org = create_org(client, "Plant")
    source_id, _ = sqlite_source(org, app)
    org.kb("manuals")
    org.upload("manuals", "Maintenance policy",
               "Presses are serviced every six months by the north workshop.")  # fmt: skip
    body = {"name": "analyst", "data_source_ids": [source_id],
            "knowledge_bases": [{"kb_id": org.kbs["manuals"]}]}  # fmt: skip
    assistant = ok(client.post("/v1/assistants", json=body, headers=org.admin), 201)["id"]
    stub.reply = Script(
        source_id,
        [["SELECT count(*) FROM machines WHERE kind = 'press'"]],
        "There are {result[rows][0][0]} presses, serviced every six months [1].",
    )
    reply = ok(ask(client, key_header(org.key("chat")), assistant,
                   "How many presses are there and how often are presses serviced?"))  # fmt: skip
    assert reply["answer"] == "There are 3 presses, serviced every six months [1]."
    document, data = reply["citations"]
    assert document["n"] == 1 and document["title"] == "Maintenance policy"
    assert "kind" not in document  # a document's citation keeps its usual shape
    assert data["n"] == 2 and data["kind"] == "data" and "kind = 'press'" in data["query"]
    # The artifacts live as long as the conversation does.
    redis = app.extensions["services"]().redis
    prefix = app.config["SETTINGS"].checkpoint_prefix
    ttl = app.config["SETTINGS"].conversation_ttl
    keys = list(redis.scan_iter(f"{prefix}:*artifact*"))
    assert len(keys) == 3 and all(0 < redis.ttl(k) <= ttl for k in keys)


def test_offline_a_question_the_documents_do_not_answer_says_a_model_is_needed(
    data_app: Callable[..., Flask],
) -> None:
    """Without a model, an assistant with data sources cannot query them: a question its
    documents do not answer says so in the question's language, naming the settings,
    instead of "not found, add documents"."""
    app = data_app(llm_base_url=None, llm_api_key=None, llm_model=None)
    client = app.test_client()
    org = create_org(client, "Planta")
    source_id, _ = sqlite_source(org, app)
    body = {"name": "analista", "data_source_ids": [source_id]}
    assistant = ok(client.post("/v1/assistants", json=body, headers=org.admin), 201)["id"]
    for question, words in (
        ("¿Qué máquinas de la Nave 2 tienen órdenes abiertas?", "requi"),
        ("Mesin mana yang punya perintah kerja terbuka?", "memerlukan model"),
        ("Which machines have open work orders?", "needs a language model"),
    ):
        asked = chat(
            client, org.admin_key, question, assistant=assistant, conversation=f"c{len(question)}"
        )
        reply = ok(asked)
        assert not reply["found"] and words in reply["answer"], (question, reply["answer"])
        assert "LLM_BASE_URL" in reply["warning"]


def test_an_admin_uploads_a_sqlite_database_file_as_a_data_source(
    data_app: Callable[..., Flask], stub: LLMStub, tmp_path: Path
) -> None:
    app = data_app(data_source_max_bytes=200_000)
    org = create_org(app.test_client(), "Plant")
    client = org.client
    database = make_database(tmp_path / "upload" / "plant.db").read_bytes()

    def upload(*files: tuple[bytes, str], name: str = "plant") -> Any:
        return client.post(
            "/v1/data-sources", headers=org.admin, content_type="multipart/form-data",
            data={"name": name, "files": [(io.BytesIO(c), n) for c, n in files]},
        )  # fmt: skip

    folder = app.config["SETTINGS"].data_dir / "databases" / org.id
    # Not a database, a database beside a spreadsheet, one over the limit: refused, nothing kept.
    for files, status in (
        ([(b"name,qty\nbolt,4\n", "plant.db")], 422),
        ([(b"SQLite format 3\x00" + b"\x00" * 200, "broken.sqlite")], 422),
        ([(database, "plant.db"), (b"a,b\n1,2\n", "extra.csv")], 422),
        ([(database + b"\x00" * 200_000, "big.db")], 413),
    ):
        refused = upload(*files)
        assert refused.status_code == status, refused.get_data(as_text=True)
        assert refused.get_json()["error"]["message"]
    assert not folder.exists() or list(folder.iterdir()) == []
    assert ok(client.get("/v1/data-sources", headers=org.admin))["data_sources"] == []

    created = ok(upload((database, "plant.db")), 201)
    assert {t["name"] for t in created["tables"]} == {"machines", "numbers"}
    assert created["files"] == ["plant.db"] and created["engine"] == "sqlite"
    kept = folder / f"{created['id']}.db"
    assert kept.read_bytes() == database  # in the organisation's own folder, as sent
    assert "url" not in created or str(folder.parent.parent) not in str(created.get("url"))

    assistant = data_assistant(org, [created["id"]])
    query = "SELECT count(*) FROM machines WHERE needs_maintenance = 1"
    stub.reply = Script(created["id"], [[query]], "{result[rows][0][0]} machines need it.")
    reply = ok(ask(client, key_header(org.key("chat")), assistant, "How many need maintenance?"))
    assert reply["answer"] == "5 machines need it."
    assert kept.read_bytes() == database  # read-only: the turn changed nothing

    other = create_org(client, "Other")
    assert client.get(f"/v1/data-sources/{created['id']}", headers=other.admin).status_code == 404
    ok(client.delete(f"/v1/data-sources/{created['id']}", headers=org.admin))
    assert not kept.exists()


def test_a_model_that_answers_a_data_question_without_a_query_is_flagged(
    data_app: Callable[..., Flask], stub: LLMStub
) -> None:
    """A local model that cannot call tools answers in words: the reader is told its
    figures were not checked against the data, in the question's language."""
    app, org, _source_id, _path, assistant = plant(data_app())
    stub.reply = lambda request: "There are 12 machines."  # never a tool call
    key = key_header(org.key("chat"))
    english = ok(ask(org.client, key, assistant, "How many machines are there?"))
    assert english["answer"] == "There are 12 machines."
    assert "without querying the data sources" in english["warning"]
    spanish = ok(ask(org.client, key, assistant, "¿Cuántas máquinas hay en total?", "c2"))
    assert spanish["warning"].startswith("El modelo respondió sin consultar")
