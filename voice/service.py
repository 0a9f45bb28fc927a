"""A voice turn: decode -> speech to text -> emotion -> the chat turn -> text to speech,
timed stage by stage. The turn is stored as text (transcript and answer), so voice and
text turns mix in one conversation. A hosted engine that fails is replaced by the offline
one, with a warning in the reply, never an error."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import numpy as np

from agents.conversations import Conversation
from agents.replies import ChatReply
from agents.service import ChatService
from tenancy.profiles import AssistantProfile
from voice.audio import AudioError, decode, has_speech
from voice.emotion import Emotion, EmotionReader
from voice.speech_to_text import Heard, SpeechError, Transcriber
from voice.text_to_speech import Speaker, SpeechOutputError

log = logging.getLogger(__name__)

NO_SPEECH = "no speech heard in the recording"


@dataclass
class VoiceReply:
    transcript: str
    reply: ChatReply
    emotion: Emotion
    audio: bytes | None
    timings_ms: dict[str, float]
    warnings: list[str] = field(default_factory=list)


class VoiceService:
    def __init__(
        self,
        *,
        chat: ChatService,
        transcriber: Transcriber,
        speaker: Speaker,
        emotions: EmotionReader,
        max_seconds: float,
        hosted_transcriber: Transcriber | None = None,
        hosted_speaker: Speaker | None = None,
    ) -> None:
        self.chat = chat
        self.transcriber = transcriber
        self.speaker = speaker
        self.emotions = emotions
        self.max_seconds = max_seconds
        self.hosted_transcriber = hosted_transcriber
        self.hosted_speaker = hosted_speaker

    def turn(
        self,
        *,
        audio: bytes,
        conversation: Conversation,
        profile: AssistantProfile,
        idempotency_key: str | None = None,
        language: str | None = None,
    ) -> VoiceReply:
        """AudioError (with its HTTP status) for audio that cannot be used. `language`:
        the one spoken, when the client says; else the engine's or the chat's guess."""
        started = clock = time.perf_counter()
        timings: dict[str, float] = {}
        warnings: list[str] = []

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[stage] = round((now - clock) * 1000, 1)
            clock = now

        pcm = decode(audio, max_seconds=self.max_seconds)
        if not has_speech(pcm):
            raise AudioError(422, NO_SPEECH, "no_speech")
        lap("decode")
        heard = self._transcribe(pcm, profile, warnings, language)
        transcript = heard.text
        lap("speech_to_text")
        if not transcript:
            raise AudioError(422, NO_SPEECH, "no_speech")
        emotion = self.emotions.read(transcript)
        lap("emotion")
        reply = self.chat.chat(
            conversation=conversation,
            profile=profile,
            message=transcript,
            idempotency_key=idempotency_key,
            emotion=emotion.label,
            language=heard.language,
        )
        lap("rag")
        spoken = self._speak(reply.answer, warnings, reply.language)
        lap("text_to_speech")
        timings["total"] = round((time.perf_counter() - started) * 1000, 1)
        return VoiceReply(transcript, reply, emotion, spoken, timings, warnings)

    def _transcribe(
        self, pcm: np.ndarray, profile: AssistantProfile, warnings: list[str],
        language: str | None,
    ) -> Heard:  # fmt: skip
        org_id, kb_ids = profile.org_id, tuple(sorted(k for k, _ in profile.priorities))
        asked = {"org_id": org_id, "kb_ids": kb_ids, "language": language}
        if self.hosted_transcriber is not None:
            try:
                return self.hosted_transcriber.transcribe(pcm, **asked)
            except SpeechError as exc:
                log.warning("hosted speech-to-text failed, transcribing offline: %s", exc)
                warnings.append(f"{exc}; transcribed offline instead.")
        return self.transcriber.transcribe(pcm, **asked)

    def _speak(self, text: str, warnings: list[str], language: str | None) -> bytes | None:
        if self.hosted_speaker is not None:
            try:
                return self.hosted_speaker.speak(text, language=language)
            except SpeechOutputError as exc:
                log.warning("hosted text-to-speech failed, speaking offline: %s", exc)
                warnings.append(f"{exc}; spoken offline instead.")
        try:
            return self.speaker.speak(text, language=language)
        except (SpeechOutputError, OSError) as exc:
            warnings.append(f"the answer could not be spoken ({exc}); it is in the text.")
            return None
