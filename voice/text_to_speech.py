"""Text to speech: eSpeak NG offline (Debian's `espeak-ng`), or any OpenAI-compatible
`/audio/speech` endpoint. Both return WAV."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Protocol

import numpy as np
import openai

from voice.audio import wav_bytes


class SpeechOutputError(RuntimeError):
    """An engine could not speak the text."""


MARKERS = re.compile(r"\s*\[\d+\]")
MARKUP = re.compile(r"[`*_#>|]+")
BULLET = re.compile(r"^\s*[-*+\u2022]\s+")
PAUSED = tuple(".!?:;,\u3002\uff1f\uff01\u0964\u061f")


def speakable(text: str) -> str:
    """The answer as it should sound: no citation markers or markdown symbols; a list's
    items without their bullets ("minus Paper"), each ending in a pause."""
    lines = [BULLET.sub("", line).strip() for line in MARKERS.sub("", text).splitlines()]
    spoken = " ".join(line if line.endswith(PAUSED) else f"{line}." for line in lines if line)
    return " ".join(MARKUP.sub(" ", spoken).split())


class Speaker(Protocol):
    def speak(self, text: str, *, language: str | None = None) -> bytes: ...


class EspeakSpeaker:
    """eSpeak NG in the answer's language (its voices are named by language code: es,
    id, ...); English in the configured voice (en-us by default)."""

    def __init__(self, *, voice: str = "en-us", words_per_minute: int = 160) -> None:
        self.voice = voice
        self.words_per_minute = words_per_minute

    def speak(self, text: str, *, language: str | None = None) -> bytes:
        voice = self.voice if language in (None, "en") else language
        try:
            return self._speak(text, voice)
        except SpeechOutputError:
            if voice == self.voice:
                raise
            return self._speak(text, self.voice)  # a language eSpeak has no voice for

    def _speak(self, text: str, voice: str) -> bytes:
        binary = shutil.which("espeak-ng")
        if binary is None:
            raise SpeechOutputError("espeak-ng is not installed (make setup installs it)")
        # The text goes in on stdin: nothing in it is ever read as an option.
        done = subprocess.run(
            [binary, "-v", voice, "-s", str(self.words_per_minute), "--stdout"],
            input=speakable(text).encode(),
            capture_output=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or b"data" not in done.stdout[:100]:
            raise SpeechOutputError("espeak-ng could not speak the answer")
        return _with_true_length(done.stdout)


class HostedSpeaker:
    """An OpenAI-compatible `/audio/speech` endpoint, asked for WAV."""

    def __init__(
        self, *, base_url: str, model: str, voice: str, api_key: str | None, timeout: float = 30.0
    ) -> None:
        self.model = model
        self.voice = voice
        self.client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1
        )

    def speak(self, text: str, *, language: str | None = None) -> bytes:
        del language  # hosted voices speak the language of the text
        try:
            response = self.client.audio.speech.create(
                model=self.model, voice=self.voice, input=speakable(text), response_format="wav"
            )
            audio = response.read()
        except openai.OpenAIError as exc:
            raise SpeechOutputError(
                f"the text-to-speech service failed ({type(exc).__name__})"
            ) from exc
        if not audio.startswith(b"RIFF"):
            raise SpeechOutputError("the text-to-speech service did not send WAV audio")
        return audio


def _with_true_length(streamed: bytes) -> bytes:
    """eSpeak NG writing to stdout cannot seek back, so its WAV header gives no length
    (0x7fffffff frames): rewrite the header with the real one."""
    header_end = streamed.index(b"data") + 8
    rate = int.from_bytes(streamed[24:28], "little")
    samples = streamed[header_end:]
    return wav_bytes(np.frombuffer(samples[: len(samples) // 2 * 2], dtype="<i2"), rate)
