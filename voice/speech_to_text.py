"""Speech to text: offline, Whisper in many languages (voice/whisper.py) or PocketSphinx
(English, listening with a language model of the assistant's own documents); or any
OpenAI-compatible `/audio/transcriptions` endpoint."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import openai
from pocketsphinx import Decoder, get_model_path

from voice.audio import dithered, wav_bytes
from voice.language_model import build_arpa, pronounceable

MODEL_DIR = Path(get_model_path()) / "en-us"
DICTIONARY = MODEL_DIR / "cmudict-en-us.dict"
DECODER_CACHE = 8  # language models kept loaded (one per knowledge-base set and version)
MAX_CORPUS_CHUNKS = 20_000


class SpeechError(RuntimeError):
    """A hosted speech endpoint failed (the caller falls back to the offline engine)."""


@dataclass(frozen=True)
class Heard:
    """A transcript, and its language when the engine knows it (else the chat detects it
    from the text)."""

    text: str
    language: str | None = None


class Transcriber(Protocol):
    def transcribe(
        self, pcm: np.ndarray, *, org_id: str, kb_ids: tuple[str, ...], language: str | None = None
    ) -> Heard:
        """What was said; `language`, when the client gave it, is the one listened for."""
        ...


# (org_id, kb_ids) -> a stamp that changes whenever their documents change.
Stamp = Callable[[str, tuple[str, ...]], str]
# (org_id, kb_ids) -> the indexed texts of those knowledge bases.
Corpus = Callable[[str, tuple[str, ...]], list[str]]


class PocketSphinxTranscriber:
    """One decoder per knowledge-base set, rebuilt when its documents change (the stamp);
    a decoder is not thread-safe, so each has its lock."""

    def __init__(self, *, folder: Path, stamp: Stamp, corpus: Corpus) -> None:
        self.folder = folder
        self.stamp = stamp
        self.corpus = corpus
        self._words: set[str] | None = None
        self._decoders: OrderedDict[str, tuple[Decoder, threading.Lock]] = OrderedDict()
        self._lock = threading.Lock()

    def transcribe(
        self, pcm: np.ndarray, *, org_id: str, kb_ids: tuple[str, ...], language: str | None = None
    ) -> Heard:
        decoder, lock = self._decoder(org_id, kb_ids)
        with lock:
            decoder.start_utt()
            decoder.process_raw(dithered(pcm).tobytes(), full_utt=True)
            decoder.end_utt()
            hypothesis = decoder.hyp()
        # (Its acoustic model is English's: it hears English words whatever was spoken.)
        return Heard(hypothesis.hypstr.strip() if hypothesis is not None else "", language)

    def _decoder(self, org_id: str, kb_ids: tuple[str, ...]) -> tuple[Decoder, threading.Lock]:
        key = hashlib.sha256(
            f"{org_id}|{','.join(sorted(kb_ids))}|{self.stamp(org_id, kb_ids)}".encode()
        ).hexdigest()[:24]
        with self._lock:
            if key in self._decoders:
                self._decoders.move_to_end(key)
                return self._decoders[key]
        built = (self._build(key, org_id, kb_ids), threading.Lock())
        with self._lock:
            self._decoders[key] = built
            while len(self._decoders) > DECODER_CACHE:
                self._decoders.popitem(last=False)
        return built

    def _build(self, key: str, org_id: str, kb_ids: tuple[str, ...]) -> Decoder:
        if self._words is None:
            self._words = pronounceable(DICTIONARY)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.arpa"
        if not path.exists():
            partial = path.with_suffix(".tmp")
            build_arpa(self.corpus(org_id, kb_ids)[:MAX_CORPUS_CHUNKS], self._words, partial)
            partial.replace(path)
        return Decoder(
            hmm=str(MODEL_DIR / "en-us"),
            lm=str(path),
            dict=str(DICTIONARY),
            samprate=16000,
            loglevel="FATAL",
        )


class HostedTranscriber:
    """An OpenAI-compatible `/audio/transcriptions` endpoint."""

    def __init__(
        self, *, base_url: str, model: str, api_key: str | None, timeout: float = 30.0
    ) -> None:
        self.model = model
        self.client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1
        )

    def transcribe(
        self, pcm: np.ndarray, *, org_id: str, kb_ids: tuple[str, ...], language: str | None = None
    ) -> Heard:
        del org_id, kb_ids  # the hosted model has its own vocabulary
        given = {"language": language} if language else {}
        try:
            result = self.client.audio.transcriptions.create(
                model=self.model, file=("speech.wav", wav_bytes(pcm), "audio/wav"), **given
            )
        except openai.OpenAIError as exc:
            raise SpeechError(f"the speech-to-text service failed ({type(exc).__name__})") from exc
        text = getattr(result, "text", None)
        if not isinstance(text, str):
            raise SpeechError("the speech-to-text service sent no text")
        return Heard(text.strip(), language)
