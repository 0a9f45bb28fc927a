"""`make run`'s launcher: a configured key is never printed."""

from __future__ import annotations

from collections.abc import Callable

from config import Settings
from launch import banner, ensure_api_key


def test_a_configured_key_is_not_printed(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(api_keys="configured-secret-key")
    assert ensure_api_key(settings) is None
    text = banner(settings, None)
    assert "configured-secret-key" not in text and "API_KEYS in .env" in text


def test_a_generated_key_is_shown_once_in_the_banner(
    make_settings: Callable[..., Settings],
) -> None:
    assert "fresh-key-123" in banner(make_settings(), "fresh-key-123")


def test_a_first_run_generates_and_prints_a_platform_admin_key(
    make_settings: Callable[..., Settings],
    tmp_path,
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    import launch

    monkeypatch.setattr(launch, "ENV_FILE", tmp_path / ".env")
    key = launch.ensure_admin_key(make_settings(admin_api_keys=""))
    assert key and f"ADMIN_API_KEYS={key}" in (tmp_path / ".env").read_text()
    assert key in capsys.readouterr().out
    assert f"Platform admin key (organisations, /health details): {key}" in banner(
        make_settings(), "chat-key", key
    )
    # Configured: nothing generated, nothing printed.
    assert launch.ensure_admin_key(make_settings(admin_api_keys="kept-secret")) is None
    assert "kept-secret" not in banner(make_settings(admin_api_keys="kept-secret"), None)


def test_the_first_start_makes_a_platform_administrator_with_a_link_once(
    make_settings: Callable[..., Settings],
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    from app import create_app
    from launch import ensure_first_admin
    from tests.app_fixtures import no_jobs

    settings = make_settings(public_url="https://chat.example.org",
                             anonymous_rate_limit="1000/minute")  # fmt: skip
    token = ensure_first_admin(settings)
    printed = capsys.readouterr().out
    assert token and f"https://chat.example.org/?reset={token}" in printed
    assert ensure_first_admin(settings) is None and capsys.readouterr().out == ""
    # No task consumer: it would outlive the test.
    client = create_app(settings, services_factory=no_jobs).test_client()
    body = {"token": token, "password": "first admin phrase"}
    assert client.post("/v1/auth/reset-password", json=body).status_code == 200
    assert client.post("/v1/auth/reset-password", json=body).status_code == 400  # once
    pair = client.post(
        "/v1/auth/login", json={"email": "admin@localhost", "password": "first admin phrase"}
    ).get_json()
    assert pair["role"] == "owner" and pair["org_id"] == "org_default"
