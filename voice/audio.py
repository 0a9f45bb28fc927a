"""Decoding what a client uploads into what the recogniser hears best: 16 kHz mono
16-bit PCM, with a little dither so digital silence is never exactly zero.

PyAV (FFmpeg's decoders, bundled in its wheel) reads WAV, FLAC, OGG/Opus, WebM and MP3.
"""

from __future__ import annotations

import io
import wave

import av
import numpy as np

SAMPLE_RATE = 16_000
# Frames quieter than this (RMS of 16-bit samples over 30 ms) are silence; a recording
# with none louder than SPEECH_RMS holds no speech.
SPEECH_RMS = 300.0
FRAME = SAMPLE_RATE * 30 // 1000


class AudioError(ValueError):
    """Audio the service cannot use: `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str, code: str = "bad_audio") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def decode(data: bytes, *, max_seconds: float) -> np.ndarray:
    """16 kHz mono int16 samples of the recording, or AudioError (415 undecodable,
    413 too long, 422 empty or silent)."""
    if not data:
        raise AudioError(422, "the audio is empty", "empty_audio")
    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.error.FFmpegError, ValueError) as exc:
        raise AudioError(
            415, "the audio could not be decoded: send WAV, FLAC, OGG/Opus, WebM or MP3"
        ) from exc
    with container:
        if not container.streams.audio:
            raise AudioError(415, "the upload has no audio stream")
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        samples = 0
        limit = int(max_seconds * SAMPLE_RATE)
        try:
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    samples += len(chunk)
                if samples > limit:
                    raise AudioError(
                        413, f"the recording is longer than {max_seconds:g} seconds",
                        "audio_too_long",
                    )  # fmt: skip
            chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
        except av.error.FFmpegError as exc:
            raise AudioError(415, "the audio could not be decoded (corrupt or truncated)") from exc
    pcm = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
    if len(pcm) < FRAME:
        raise AudioError(422, "the audio is empty", "empty_audio")
    if len(pcm) > limit:
        raise AudioError(
            413, f"the recording is longer than {max_seconds:g} seconds", "audio_too_long"
        )
    return pcm.astype(np.int16)


def has_speech(pcm: np.ndarray) -> bool:
    frames = pcm[: len(pcm) // FRAME * FRAME].astype(np.float64).reshape(-1, FRAME)
    return bool(frames.size) and float(np.sqrt((frames**2).mean(axis=1)).max()) >= SPEECH_RMS


# Noise added to what the recogniser hears, relative to the recording's peak.
NOISE_SHARE = 0.006


def dithered(pcm: np.ndarray, seed: int = 0) -> np.ndarray:
    """The recording with a faint noise floor (0.6% of its peak, about -44 dB). The
    acoustic model was trained on real recordings, never digitally clean ones: on
    synthetic speech this floor took the word error rate from 0.42 to 0.28
    (bench/voice.py), and runs of exact zeros no longer upset its normalisation."""
    peak = float(np.percentile(np.abs(pcm), 99.9)) if len(pcm) else 0.0
    sigma = max(2.0, NOISE_SHARE * peak)
    noise = np.random.default_rng(seed).normal(0.0, sigma, size=pcm.shape)
    return np.clip(pcm.astype(np.float64) + noise, -32768, 32767).astype(np.int16)


def wav_bytes(pcm: np.ndarray, sample_rate: int = SAMPLE_RATE) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(sample_rate)
        writer.writeframes(pcm.astype("<i2").tobytes())
    return out.getvalue()


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as reader:
        return reader.getnframes() / reader.getframerate()
