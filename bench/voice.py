"""Voice turns offline: how well PocketSphinx hears questions spoken by eSpeak NG, whether
the voice turn cites what the typed question cites, and where a voice turn's time goes.

41 questions about the bundled sample knowledge base (bench/data/voice_questions.txt),
each spoken in three ways (eSpeak NG voice en-us at 140 and 180 words a minute, and the
default voice "en" at 160): 123 voice turns through the real VoiceService (real Redis,
embedded Qdrant, offline answers). Printed, per way of speaking and overall:
- word error rate of the transcript (numbers compared as words);
- the share of voice turns whose answer cites the document the typed question's answer
  cites first (target >= 0.8), and the same for the recogniser with its general English
  model instead of the knowledge base's (the baseline, same audio, same run);
- the time per stage, and the real-time factors of speech to text and text to speech.

    python -m bench.voice [--questions bench/data/voice_questions.txt]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import re
import statistics
import tempfile
from pathlib import Path

import numpy as np
from pocketsphinx import Decoder

from agents.conversations import Conversation
from composition import build_services
from config import Settings
from ingestion.sample import SAMPLE_KB_ID, SAMPLE_ORG_ID, index_sample_kb
from knowledge.encoders.embeddings import load_embeddings
from knowledge.vectors.embedded import open_embedded
from utils.local_redis import start_redis
from voice.audio import decode, dithered, wav_seconds
from voice.language_model import spoken_number
from voice.speech_to_text import DICTIONARY, MODEL_DIR
from voice.text_to_speech import EspeakSpeaker

DATA = Path(__file__).resolve().parent / "data" / "voice_questions.txt"
VOICES = (("en-us", 140), ("en-us", 180), ("en", 160))


def speak(text: str, voice: str, speed: int) -> bytes:
    return EspeakSpeaker(voice=voice, words_per_minute=speed).speak(text)


def words(text: str) -> list[str]:
    text = re.sub(r"\d+", lambda m: f" {spoken_number(int(m.group(0)))} ", text.lower())
    return re.findall(r"[a-z']+", text)


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        previous, row[0] = row[0], i
        for j in range(1, len(hyp) + 1):
            current = min(row[j] + 1, row[j - 1] + 1, previous + (ref[i - 1] != hyp[j - 1]))
            previous, row[j] = row[j], current
    return row[len(hyp)], len(ref)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DATA)
    args = parser.parse_args(argv)
    questions = [q.strip() for q in args.questions.read_text().splitlines() if q.strip()]
    embeddings = load_embeddings(None, 32)

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        index_sample_kb(work / "qdrant", embeddings, "knowledge_base")
        redis = start_redis(work / "redis")
        settings = Settings(_env_file=None, data_dir=work / "data", redis_url=redis.url)  # type: ignore[call-arg]
        services = build_services(settings, qdrant=open_embedded(work / "qdrant"),
                                  embeddings=embeddings, run_jobs=False)  # fmt: skip
        general = Decoder(hmm=str(MODEL_DIR / "en-us"), lm=str(MODEL_DIR / "en-us.lm.bin"),
                          dict=str(DICTIONARY), samprate=16000, loglevel="FATAL")  # fmt: skip
        try:
            profile = services.profiles.get(org_id=SAMPLE_ORG_ID, assistant_id="asst_default")
            assert SAMPLE_KB_ID in dict(profile.priorities)

            def conversation(name: str) -> Conversation:
                return Conversation(org_id=SAMPLE_ORG_ID, assistant_id=profile.id,
                                    owner="bench", conversation_id=name)  # fmt: skip

            def first_source(citations: list) -> str | None:
                return citations[0]["source"] if citations else None

            def sources(citations: list) -> set[str]:
                return {c["source"] if isinstance(c, dict) else c.source for c in citations}

            typed = {}
            for i, question in enumerate(questions):
                reply = services.chat.chat(conversation=conversation(f"text-{i}"),
                                           profile=profile, message=question)  # fmt: skip
                typed[question] = first_source([c.model_dump() for c in reply.citations])

            rows = []
            for voice, speed in VOICES:
                for i, question in enumerate(questions):
                    audio = speak(question, voice, speed)
                    turn = services.voice.turn(audio=audio, profile=profile,
                                               conversation=conversation(f"v-{voice}-{speed}-{i}"))  # fmt: skip
                    cited = sources(turn.reply.citations)
                    pcm = dithered(decode(audio, max_seconds=60))
                    general.start_utt()
                    general.process_raw(pcm.tobytes(), full_utt=True)
                    general.end_utt()
                    heard = general.hyp().hypstr if general.hyp() else ""
                    baseline = services.chat.chat(
                        conversation=conversation(f"b-{voice}-{speed}-{i}"), profile=profile,
                        message=heard or "(nothing heard)",
                    )  # fmt: skip
                    rows.append({
                        "way": f"{voice} {speed} wpm",
                        "errors": word_errors(question, turn.transcript),
                        "baseline_errors": word_errors(question, heard),
                        "same": typed[question] is not None and typed[question] in cited,
                        "baseline_same": typed[question] is not None
                        and typed[question] in sources(baseline.citations),
                        "typed_found": typed[question] is not None,
                        "timings": turn.timings_ms,
                        "seconds_in": len(pcm) / 16000,
                        "seconds_out": wav_seconds(turn.audio) if turn.audio else 0.0,
                        "transcript": turn.transcript,
                        "question": question,
                    })  # fmt: skip
        finally:
            services.close()
            redis.stop()

    print(f"{len(rows)} voice turns ({len(questions)} questions x {len(VOICES)} ways of speaking); "
          f"{sum(q is not None for q in typed.values())} typed questions found a source")  # fmt: skip
    print("way               WER (kb LM / general LM)   same document (kb LM / general LM)")
    for way in [*dict.fromkeys(r["way"] for r in rows), "all"]:
        chosen = [r for r in rows if way in ("all", r["way"])]
        counted = [r for r in chosen if r["typed_found"]]
        wer = sum(r["errors"][0] for r in chosen) / sum(r["errors"][1] for r in chosen)
        base = sum(r["baseline_errors"][0] for r in chosen) / sum(r["errors"][1] for r in chosen)
        same = sum(r["same"] for r in counted) / len(counted)
        base_same = sum(r["baseline_same"] for r in counted) / len(counted)
        print(f"{way:<17} {wer:.3f} / {base:.3f}              {same:.3f} / {base_same:.3f}")
    stages = ("decode", "speech_to_text", "emotion", "rag", "text_to_speech", "total")
    print("median ms per stage: " + ", ".join(
        f"{s} {statistics.median(r['timings'][s] for r in rows):.0f}" for s in stages))  # fmt: skip
    stt_rtf = [r["timings"]["speech_to_text"] / 1000 / r["seconds_in"] for r in rows]
    tts_rtf = [
        r["timings"]["text_to_speech"] / 1000 / r["seconds_out"] for r in rows if r["seconds_out"]
    ]
    print(
        f"real-time factor: speech to text {np.median(stt_rtf):.3f}, "
        f"text to speech {np.median(tts_rtf):.3f} (median; < 1 is faster than real time)"
    )
    misses = [r for r in rows if r["typed_found"] and not r["same"]][:15]
    if misses:
        print("some misses (question -> transcript):")
        for r in misses:
            print(f"  [{r['way']}] {r['question']} -> {r['transcript']}")


if __name__ == "__main__":
    main()
