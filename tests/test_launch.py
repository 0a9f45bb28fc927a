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


def test_try_it_is_printed_once_the_api_says_it_is_ready() -> None:
    """`make run` printed "Try it" half a minute before the API answered; now the banner
    waits for /ready (503 while the workers load, then 200)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from launch import when_ready

    state = {"ready": False, "asked": 0}

    class Ready(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the handler's name
            state["asked"] += 1
            self.send_response(200 if state["ready"] else 503)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Ready)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    announced = threading.Event()
    try:
        url = f"http://127.0.0.1:{server.server_port}/ready"
        waiting = when_ready(url, announced.set, every_s=0.05)
        while state["asked"] < 3:
            waiting.join(0.05)
        assert not announced.is_set()  # asked three times, not ready: nothing printed yet
        state["ready"] = True
        assert announced.wait(5)
    finally:
        server.shutdown()
    # And an API that never gets ready is announced anyway after the timeout.
    late = threading.Event()
    when_ready("http://127.0.0.1:1/ready", late.set, timeout_s=0.3, every_s=0.05).join(5)
    assert late.is_set()
