"""Voice turns in Spanish and Indonesian (and English), offline: does a spoken question
cite the document the same question typed cites?

20 questions about the sample knowledge base in three languages
(bench/data/voice_questions.tsv), spoken by eSpeak NG's voice for each language at 160
words a minute, through the real VoiceService (Whisper base offline, real Redis, embedded
Qdrant, offline answers). Per language, printed: the share of voice turns whose answer
cites the document the typed question's answer cites first (target >= 0.8 for es and
id), with the language left to Whisper (among VOICE_LANGUAGES) and given by the client;
how often the language was recognised; the median speech-to-text time. The baseline in
the same run: PocketSphinx, the earlier engine (English only), on the same audio.

    python -m bench.voice_languages [--questions bench/data/voice_questions.tsv]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import csv
import statistics
import tempfile
from pathlib import Path

from agents.conversations import Conversation
from composition import build_services
from config import Settings
from ingestion.sample import SAMPLE_ORG_ID, index_sample_kb
from knowledge.encoders.embeddings import load_embeddings
from knowledge.vectors.embedded import open_embedded
from utils.local_redis import start_redis
from voice.audio import AudioError
from voice.text_to_speech import EspeakSpeaker

DATA = Path(__file__).resolve().parent / "data" / "voice_questions.tsv"
LANGUAGES = ("es", "id", "en")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DATA)
    args = parser.parse_args(argv)
    with args.questions.open() as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    embeddings = load_embeddings(None, 32)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        index_sample_kb(work / "qdrant", embeddings, "knowledge_base")
        redis = start_redis(work / "redis")
        common = {"_env_file": None, "redis_url": redis.url}
        whisper = build_services(
            Settings(**common, data_dir=work / "w"),  # type: ignore[arg-type]
            qdrant=open_embedded(work / "qdrant"), embeddings=embeddings, run_jobs=False,
        )  # fmt: skip
        sphinx = build_services(
            Settings(**common, data_dir=work / "p", speech_to_text="pocketsphinx"),  # type: ignore[arg-type]
            qdrant=whisper.qdrant, embeddings=embeddings, run_jobs=False,
        )  # fmt: skip
        try:
            profile = whisper.profiles.get(org_id=SAMPLE_ORG_ID, assistant_id="asst_default")
            count = 0

            def turn_of() -> Conversation:
                nonlocal count
                count += 1
                return Conversation(org_id=SAMPLE_ORG_ID, assistant_id=profile.id,
                                    owner="bench", conversation_id=f"b{count}")  # fmt: skip

            print(f"{len(rows)} questions x {len(LANGUAGES)} languages, eSpeak NG at 160 wpm")
            print("language  same doc: detected / given / pocketsphinx   language heard   "
                  "speech-to-text ms (median)")  # fmt: skip
            for language in LANGUAGES:
                same = {"detected": 0, "given": 0, "sphinx": 0}
                heard, times, asked = 0, [], 0
                for row in rows:
                    question = row[language]
                    typed = whisper.chat.chat(conversation=turn_of(), profile=profile,
                                              message=question)  # fmt: skip
                    if not typed.citations:
                        continue  # nothing to compare with
                    asked += 1
                    wanted = typed.citations[0].source
                    audio = EspeakSpeaker(voice=language).speak(question, language=language)
                    for way, services, given in (("detected", whisper, None),
                                                 ("given", whisper, language),
                                                 ("sphinx", sphinx, None)):  # fmt: skip
                        try:
                            result = services.voice.turn(audio=audio, profile=profile,
                                                         conversation=turn_of(), language=given)  # fmt: skip
                        except AudioError:  # nothing heard: a miss
                            continue
                        same[way] += wanted in {c.source for c in result.reply.citations}
                        if way == "detected":
                            heard += result.reply.language == language
                            times.append(result.timings_ms["speech_to_text"])
                print(
                    f"{language:<9} {same['detected'] / asked:.3f} / {same['given'] / asked:.3f}"
                    f" / {same['sphinx'] / asked:.3f}                  {heard}/{asked}"
                    f"            {statistics.median(times):.0f}  ({asked} typed questions "
                    "cited a document)"
                )
        finally:
            sphinx.close()
            whisper.close()
            redis.stop()


if __name__ == "__main__":
    main()
