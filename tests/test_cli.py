"""The operators' commands (`flask --app app ...`) on a real SQLite file and embedded
Qdrant (Qdrant Edge)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from app import create_app
from config import Settings
from ingestion.sample import SAMPLE_KB
from knowledge.vectors.embedded import open_embedded
from tests.app_fixtures import no_jobs
from utils.local_redis import free_port


def run(settings: Settings, *args: str) -> str:
    result = create_app(settings).test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_organisations_keys_and_knowledge_bases_from_the_command_line(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings()
    created = run(settings, "orgs", "create", "Acme Ltd")
    org_id = re.search(r"organisation (org_\w+) \(acme-ltd\)", created).group(1)  # type: ignore[union-attr]
    assert re.search(r"admin key key_\w+: gc_live_\S+", created)
    assert "acme-ltd" in run(settings, "orgs", "list")
    issued = run(settings, "keys", "create", "--org", org_id, "--name", "ci", "--scope", "chat")
    key_id, key = issued.split()
    listed = run(settings, "keys", "list", "--org", org_id)
    assert key_id in listed and key not in listed and "active" in listed
    run(settings, "keys", "revoke", key_id, "--org", org_id)
    assert "revoked" in run(settings, "keys", "list", "--org", org_id)

    quickstart = SAMPLE_KB / "quickstart.md"
    report = run(settings, "kb", "ingest", "--kb", "kb_default", str(quickstart))
    assert "1 files" in report and "0 failed" in report
    assert "quickstart.md" in run(settings, "kb", "list")
    assert "kb_default" in run(settings, "assistants", "list")
    source = next(line.split()[3] for line in run(settings, "kb", "list").splitlines())
    assert "chunks removed" in run(settings, "kb", "delete", source)
    assert run(settings, "kb", "list").strip() == ""


def test_kb_commands_say_so_when_the_server_holds_embedded_qdrant(
    make_settings: Callable[..., Settings],
) -> None:
    """A running server locks embedded Qdrant's folder: the command explains, in one
    line and without a traceback, instead of failing with one."""
    settings = make_settings()
    holder = open_embedded(settings.qdrant_local_path)
    try:
        result = create_app(settings).test_cli_runner().invoke(args=["kb", "list"])
    finally:
        holder.close()
    assert result.exit_code == 1
    assert "in use by another process" in result.output and "QDRANT_URL" in result.output
    assert "Traceback" not in result.output


def test_export_to_a_server_that_does_not_answer_is_a_clear_error(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    unused_port = free_port()
    run(settings, "kb", "ingest", "--kb", "kb_default", str(SAMPLE_KB / "quickstart.md"))
    to = f"http://127.0.0.1:{unused_port}"
    result = create_app(settings).test_cli_runner().invoke(args=["kb", "export", "--to", to])
    assert result.exit_code == 1
    assert f"the Qdrant server at {to} did not take the points" in result.output
    assert "Traceback" not in result.output
    assert "quickstart.md" in run(settings, "kb", "list")  # nothing lost here


def test_rotate_secrets_re_encrypts_database_urls_with_the_newest_key(
    make_settings: Callable[..., Settings],
) -> None:
    from cryptography.fernet import Fernet

    from tenancy.db import Database
    from tenancy.models import DataSource
    from tenancy.secrets_box import SecretsBox

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings = make_settings(encryption_keys=old)
    run(settings, "orgs", "list")  # migrates the platform database
    url = "postgresql://reader:s3cret@db.internal/plant"
    db = Database(settings.database_url_or_local)
    with db.session() as session:
        session.add(DataSource(id="ds_rot", org_id="org_default", name="plant", kind="sql",
                               engine="postgresql", url_encrypted=SecretsBox([old]).encrypt(url),
                               tables=[], files=[]))  # fmt: skip
    rotated = run(make_settings(encryption_keys=f"{new},{old}"), "orgs", "rotate-secrets")
    assert "1 database URLs" in rotated
    with db.session() as session:
        token = session.get(DataSource, "ds_rot").url_encrypted  # type: ignore[union-attr]
    db.close()
    assert SecretsBox([new]).decrypt(token) == url and "s3cret" not in token


def test_a_platform_administrator_from_the_command_line(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    """`users create-admin` makes a person who signs in as a platform administrator."""
    settings = make_settings(anonymous_rate_limit="1000/minute")
    made = run(settings, "users", "create-admin", "--email", "Ops@Example.org",
               "--password", "an operator's phrase", "--name", "Ops")  # fmt: skip
    assert re.search(r"platform administrator usr_\w+ \(ops@example.org\)", made)
    weak = (
        create_app(settings)
        .test_cli_runner()
        .invoke(args=["users", "create-admin", "--email", "x@example.org", "--password", "short"])
    )
    assert weak.exit_code != 0 and "at least 10 characters" in weak.output
    # No task consumer: it would outlive the test.
    client = create_app(settings, services_factory=no_jobs).test_client()
    pair = client.post(
        "/v1/auth/login", json={"email": "ops@example.org", "password": "an operator's phrase"}
    ).get_json()
    assert pair["role"] == "owner"
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}
    # A platform administrator: the platform's own routes answer.
    assert client.get("/v1/admin/organisations", headers=bearer).status_code == 200


def test_without_mail_a_forgotten_password_is_told_so_and_an_operator_prints_a_link(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(anonymous_rate_limit="1000/minute", smtp_host=None,
                             public_url="https://chat.example.org")  # fmt: skip
    run(settings, "users", "create-admin", "--email", "ops@example.org",
        "--password", "an operator's phrase")  # fmt: skip
    client = create_app(settings, services_factory=no_jobs).test_client()
    asked = client.post("/v1/auth/password-reset", json={"email": "ops@example.org"})
    assert asked.status_code == 202
    assert asked.get_json()["mail_configured"] is False  # the person is told none is coming
    # The same answer for an address with no account: nothing is revealed.
    unknown = client.post("/v1/auth/password-reset", json={"email": "nobody@example.org"})
    assert {k: v for k, v in unknown.get_json().items() if k != "request_id"} == {
        k: v for k, v in asked.get_json().items() if k != "request_id"
    }

    printed = run(settings, "users", "reset-link", "--email", "OPS@example.org")
    link = printed.strip().splitlines()[0]
    token = re.fullmatch(r"https://chat\.example\.org/\?reset=([\w-]+)", link).group(1)  # type: ignore[union-attr]
    reset = client.post("/v1/auth/reset-password",
                        json={"token": token, "password": "a brand new phrase"})  # fmt: skip
    assert reset.status_code == 200, reset.get_data(as_text=True)
    login = client.post("/v1/auth/login",
                        json={"email": "ops@example.org", "password": "a brand new phrase"})  # fmt: skip
    assert login.status_code == 200
    missing = (
        create_app(settings)
        .test_cli_runner()
        .invoke(args=["users", "reset-link", "--email", "nobody@example.org"])
    )
    assert missing.exit_code != 0 and "no account for nobody@example.org" in missing.output
