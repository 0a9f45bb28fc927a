"""A local OpenAI-compatible speech server (the only thing voice tests fake): POST
/v1/audio/transcriptions answers a set text, POST /v1/audio/speech a WAV of a tone;
`failing=True` makes both answer 500. Every request is recorded."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer

import numpy as np

from stubs.server import LocalServer, QuietHandler
from voice.audio import wav_bytes
from voice.text_to_speech import EspeakSpeaker


def spoken(text: str, *, speed: int = 160, voice: str = "en-us") -> bytes:
    """A question as eSpeak NG says it (WAV), through the service's own engine."""
    return EspeakSpeaker(voice=voice, words_per_minute=speed).speak(text)


def tone_wav(seconds: float = 1.0) -> bytes:
    t = np.arange(int(16000 * seconds)) / 16000
    return wav_bytes((np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16))


@dataclass
class SpeechStub(LocalServer):
    transcript: str = "How do I start the service?"
    failing: bool = False
    requests: list[tuple[str, int]] = field(default_factory=list)  # (path, body bytes)
    server: ThreadingHTTPServer | None = None

    def start(self) -> SpeechStub:
        stub = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                stub.requests.append((self.path, len(body)))
                if stub.failing:
                    self._send(500, b'{"error": {"message": "down"}}', "application/json")
                elif self.path.endswith("/audio/transcriptions"):
                    text = json.dumps({"text": stub.transcript}).encode()
                    self._send(200, text, "application/json")
                elif self.path.endswith("/audio/speech"):
                    self._send(200, tone_wav(), "audio/wav")
                else:
                    self._send(404, b"{}", "application/json")

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.serve(Handler)
        return self
