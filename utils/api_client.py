"""A small client of the service's REST API, used by the web chat (and usable by anyone)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from utils.web_chat_secret import GUEST_KEY_HEADER

TIMEOUT = httpx.Timeout(120.0, connect=5.0)


class ApiClientError(RuntimeError):
    """A call failed; `kind` says how (unreachable, unauthorized, rate_limited, ...)."""

    def __init__(self, kind: str, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message  # the API's own words, to show as they are
        self.retry_after = retry_after


@dataclass
class StreamedTurn:
    """Filled in as a streamed answer arrives; `final` is the `done` event's payload."""

    final: dict[str, Any] | None = None


class ApiClient:
    """Signed in with an API key, or a visitor of a public assistant (no key: a random
    visitor id of the browser's scopes its conversations)."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        session_token: str | None = None,
        visitor: str | None = None,
        assistant_id: str | None = None,
        forwarded_for: str | None = None,
        guest_key: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"X-API-Key": api_key} if api_key else {}
        if guest_key:  # the web chat's server, for its guests (utils/web_chat_secret.py)
            headers[GUEST_KEY_HEADER] = guest_key
        if session_token:  # signed in through a sign-in link: the session stands for a key
            headers["X-Session-Token"] = session_token
        if forwarded_for:  # the person's address, so per-address limits are per person
            headers["X-Forwarded-For"] = forwarded_for
        if visitor:
            headers["X-Visitor-Id"] = visitor
        if assistant_id:
            headers["X-Assistant-Id"] = assistant_id
        self.signed_in = bool(api_key or session_token)  # else a guest of public assistants
        self.prefix = "/v1" if self.signed_in else "/v1/public"
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=TIMEOUT, transport=transport
        )

    def assistants(self) -> list[dict[str, Any]]:
        """The assistants this key may use (or, without a key, the public ones)."""
        response = self._send("GET", f"{self.prefix}/assistants")
        self._raise_for(response)
        return response.json()["assistants"]

    def me(self) -> dict[str, Any]:
        """What this key (or session) may do: its scopes and assistants."""
        return self._get_json("/v1/me", {})

    def conversations(self, search: str = "") -> list[dict[str, Any]]:
        """This key's conversations with the assistant, newest first (id, title); with
        `search`, those whose title or messages hold it."""
        params = {"q": search} if search else None
        response = self._send("GET", f"{self.prefix}/conversations", params=params)
        self._raise_for(response)
        return response.json()["conversations"]

    def stop(self, conversation_id: str) -> None:
        """Stop the answer being written in the conversation (what was written stays)."""
        response = self._send("POST", f"{self.prefix}/conversations/{conversation_id}/stop")
        self._raise_for(response)

    def rename(self, conversation_id: str, title: str) -> None:
        response = self._send(
            "PATCH", f"{self.prefix}/conversations/{conversation_id}", json={"title": title}
        )
        self._raise_for(response)

    def export(self, conversation_id: str, fmt: str) -> bytes:
        """The conversation as a file: `markdown` or `json`, sources included."""
        response = self._send(
            "GET", f"{self.prefix}/conversations/{conversation_id}/export", params={"format": fmt}
        )
        self._raise_for(response)
        return response.content

    def delete(self, conversation_id: str) -> None:
        response = self._send("DELETE", f"{self.prefix}/conversations/{conversation_id}")
        if response.status_code != 404:
            self._raise_for(response)

    def history(self, conversation_id: str) -> list[dict[str, Any]]:
        """The conversation's messages; [] for a conversation that does not exist yet."""
        response = self._send("GET", f"{self.prefix}/conversations/{conversation_id}")
        if response.status_code == 404:
            return []
        self._raise_for(response)
        return response.json()["messages"]

    def stream_chat(
        self,
        conversation_id: str,
        message: str,
        turn: StreamedTurn,
        files: list[tuple[str, bytes]] | None = None,
        rewind: dict[str, Any] | None = None,
    ) -> Iterator[str]:
        """Yield answer text as it arrives; the final payload lands in `turn.final`.
        `files` (name, content) are attached to this question only. `rewind`:
        {"edit": message_id} replaces that question with `message`, {"regenerate": True}
        asks the last question again."""
        headers = {"X-Conversation-Id": conversation_id, "Accept": "text/event-stream"}
        body: dict[str, Any] = (
            {"regenerate": True} if rewind and rewind.get("regenerate") else {"message": message}
        )
        if rewind and rewind.get("edit"):
            body["edit"] = rewind["edit"]
        if files:
            body["files"] = [
                {"name": name, "content_base64": base64.b64encode(data).decode()}
                for name, data in files
            ]
        try:
            with self.http.stream(
                "POST", f"{self.prefix}/chat", json=body, headers=headers
            ) as response:
                if response.status_code != 200:
                    response.read()
                    self._raise_for(response)
                for event, data in _events(response.iter_lines()):
                    if event == "token":
                        yield data["delta"]
                    elif event == "done":
                        turn.final = data
                    elif event == "error":
                        raise ApiClientError("server_error", data["error"]["message"])
        except httpx.TransportError as exc:
            raise ApiClientError(
                "unreachable", f"the chat service cannot be reached: {exc}"
            ) from exc

    def artifact(self, url: str) -> bytes:
        """A file a data turn made (its `url` from the reply; a guest's is read under
        /v1/public, with the visitor's headers)."""
        response = self._send("GET", self.prefix + url.removeprefix("/v1"))
        self._raise_for(response)
        return response.content

    def artifact_later(self, url: str) -> Callable[[], bytes]:
        """The artifact fetched when called, on a client of its own: a download button
        calls it after the page's run (and its client) has ended."""
        base, headers = str(self.http.base_url), dict(self.http.headers)
        path = self.prefix + url.removeprefix("/v1")

        def fetch() -> bytes:
            with httpx.Client(base_url=base, headers=headers, timeout=TIMEOUT) as http:
                response = http.get(path)
            self._raise_for(response)
            return response.content

        return fetch

    def document(self, source: str) -> dict[str, Any]:
        """The whole text of a cited document (read-only)."""
        return self._get_json(f"{self.prefix}/documents/view", {"source": source})

    def auth(self, action: str, body: dict[str, str]) -> dict[str, Any]:
        """POST /v1/auth/<action>: login, refresh, logout, sso/exchange (no key needed)."""
        response = self._send("POST", f"/v1/auth/{action}", json=body)
        self._raise_for(response)
        return response.json()

    def users(self) -> list[dict[str, Any]]:
        """The people of the organisation, with their roles (owners and admins)."""
        return self._get_json("/v1/users", {})["users"]

    def invite(self, email: str, role: str) -> dict[str, Any]:
        """Invite a person to the organisation (owners and admins)."""
        response = self._send("POST", "/v1/invitations", json={"email": email, "role": role})
        self._raise_for(response)
        return response.json()

    def webhooks(self) -> list[dict[str, Any]]:
        """The organisation's webhooks (owners and admins)."""
        return self._get_json("/v1/webhooks", {})["webhooks"]

    def add_webhook(self, url: str, events: list[str]) -> dict[str, Any]:
        """A new webhook; its signing secret is in the answer, once."""
        response = self._send("POST", "/v1/webhooks", json={"url": url, "events": events})
        self._raise_for(response)
        return response.json()

    def delete_webhook(self, webhook_id: str) -> None:
        self._raise_for(self._send("DELETE", f"/v1/webhooks/{webhook_id}"))

    def deliveries(self, webhook_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """A webhook's latest deliveries, newest first."""
        path = f"/v1/webhooks/{webhook_id}/deliveries"
        return self._get_json(path, {"limit": limit})["deliveries"]

    def invitations(self) -> list[dict[str, Any]]:
        """The organisation's invitations, newest first (owners and admins)."""
        return self._get_json("/v1/invitations", {})["invitations"]

    def cancel_invitation(self, invitation_id: str) -> None:
        """Cancel a pending invitation: its link stops working."""
        self._raise_for(self._send("DELETE", f"/v1/invitations/{invitation_id}"))

    def set_role(self, user_id: str, role: str) -> dict[str, Any]:
        """Change a person's role in the organisation (owners and admins)."""
        response = self._send("PATCH", f"/v1/users/{user_id}", json={"role": role})
        self._raise_for(response)
        return response.json()

    def remove_user(self, user_id: str) -> dict[str, Any]:
        """Remove a person from the organisation; their sign-ins there end."""
        response = self._send("DELETE", f"/v1/users/{user_id}")
        self._raise_for(response)
        return response.json()

    def whoami(self) -> dict[str, Any]:
        """The signed-in person (404 for a key)."""
        return self._get_json("/v1/auth/me", {})

    def redeem(self, token: str) -> dict[str, Any]:
        """Open a web-chat session with a sign-in link's token (single use)."""
        response = self._send("POST", "/v1/sessions/redeem", json={"token": token})
        self._raise_for(response)
        return response.json()

    def feedback(
        self, conversation_id: str, message_id: str, rating: str, comment: str | None = None
    ) -> dict[str, Any]:
        """Rate an answer up or down (again: replaces the earlier rating)."""
        body = {"rating": rating, **({"comment": comment} if comment else {})}
        path = f"{self.prefix}/conversations/{conversation_id}/messages/{message_id}/feedback"
        response = self._send("POST", path, json=body)
        self._raise_for(response)
        return response.json()

    def ask_by_voice(self, conversation_id: str, wav: bytes) -> dict[str, Any]:
        """A spoken question: transcript, answer, citations and the spoken answer."""
        response = self._send(
            "POST", f"{self.prefix}/audio",
            files={"audio": ("question.wav", wav, "audio/wav")},
            headers={"X-Conversation-Id": conversation_id},
        )  # fmt: skip
        self._raise_for(response)
        return response.json()

    # -- admin -----------------------------------------------------------------------

    def topic_examples(self, assistant_id: str) -> dict[str, Any]:
        return self._get_json(f"/v1/assistants/{assistant_id}/topic-examples", {})

    def set_topic_examples(
        self, assistant_id: str, examples: dict[str, list[str]]
    ) -> dict[str, Any]:
        path = f"/v1/assistants/{assistant_id}/topic-examples"
        response = self._send("PUT", path, json={"examples": examples})
        self._raise_for(response)
        return response.json()

    def analytics(self, **params: Any) -> dict[str, Any]:
        return self._get_json("/v1/analytics", params)

    def unanswered(self, **params: Any) -> list[dict[str, Any]]:
        return self._get_json("/v1/analytics/unanswered", params)["questions"]

    def feedback_list(self, **params: Any) -> list[dict[str, Any]]:
        return self._get_json("/v1/feedback", params)["feedback"]

    def feedback_csv(self, **params: Any) -> str:
        response = self._send("GET", "/v1/feedback", params={**params, "format": "csv"})
        self._raise_for(response)
        return response.text

    def _get_json(self, path: str, params: dict[str, Any]) -> Any:
        clean = {k: v for k, v in params.items() if v is not None}
        response = self._send("GET", path, params=clean)
        self._raise_for(response)
        return response.json()

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise ApiClientError(
                "unreachable", f"the chat service cannot be reached: {exc}"
            ) from exc

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        if response.status_code < 400:
            return
        try:
            message = response.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = response.text[:200] or response.reason_phrase
        kinds = {
            401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "busy",
            413: "invalid", 415: "invalid", 422: "invalid", 429: "rate_limited",
            503: "unavailable",
        }  # fmt: skip
        retry_after = response.headers.get("Retry-After")
        raise ApiClientError(
            kinds.get(response.status_code, "error"),
            message,
            retry_after=int(retry_after) if retry_after and retry_after.isdigit() else None,
        )

    def close(self) -> None:
        self.http.close()


def _events(lines: Iterator[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    event, data = "message", ""
    for line in lines:
        if not line:
            if data:
                yield event, json.loads(data)
            event, data = "message", ""
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data += line[5:].strip()
    if data:
        yield event, json.loads(data)
