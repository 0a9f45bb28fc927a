"""The encoders: multilingual-e5-small (the default) puts a question and its answer
close whatever their languages; all-MiniLM-L6-v2's ONNX builds give sentence-transformers'
vectors, int8 nearly so, and the export is made once and reused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.encoders.engines import EncoderError, export_folder, export_onnx, load_tokenizer
from knowledge.encoders.models import MINILM_NAME, EmbeddingModelError, default_cache_dir

TEXTS = [
    "How do I start the service?",
    "Redis keeps every conversation for thirty days unless the TTL setting says otherwise.",
    "短い文",  # not English: the tokenizer still copes
    "word " * 600,  # longer than the model's 256 tokens: truncated as sentence-transformers does
]


@pytest.fixture(scope="module")
def embeddings() -> LocalEmbeddings:
    """all-MiniLM-L6-v2 in its default (ONNX) build, here in place of the default encoder."""
    return load_embeddings(MINILM_NAME, 32, "onnx")


@pytest.fixture(scope="module")
def torch_vectors(embeddings: LocalEmbeddings) -> np.ndarray:
    return LocalEmbeddings(embeddings.model_path, backend="torch").encode(TEXTS)


def test_the_default_encoder_matches_questions_and_answers_across_languages() -> None:
    e5 = load_embeddings(None, 32)
    assert e5.name == "multilingual-e5-small" and e5.dimensions == 384
    questions = e5.encode(
        ["How long are conversations kept?", "¿Cuánto tiempo se guardan las conversaciones?",
         "Berapa lama percakapan disimpan?", "What is the capital of Mongolia?"],
        query=True,
    )  # fmt: skip
    passages = e5.encode(
        ["A conversation expires after 24 hours without activity.",
         "The API key goes in the X-API-Key header of every request."]
    )  # fmt: skip
    scores = questions @ passages.T
    assert np.allclose(np.linalg.norm(questions, axis=1), 1.0, atol=1e-4)
    # The same question in three languages finds the same passage first ...
    assert (scores[:3].argmax(axis=1) == 0).all()
    assert scores[:3, 0].min() > 0.3
    # ... while centred vectors put unrelated texts near 0 (raw E5 cosines are all 0.7+).
    assert abs(scores[3]).max() < 0.2
    # Questions and passages are embedded differently (E5's "query:" and "passage:").
    same = "How long are conversations kept?"
    assert float(e5.encode([same])[0] @ e5.encode([same], query=True)[0]) < 0.99
    # One at a time or in a batch: the same vectors.
    assert np.allclose(e5.encode([same], query=True)[0], questions[0], atol=1e-5)


@pytest.mark.parametrize(("backend", "closest"), [("onnx", 0.9999), ("onnx-int8", 0.97)])
def test_onnx_builds_give_the_models_vectors(
    torch_vectors: np.ndarray, backend: str, closest: float
) -> None:
    vectors = LocalEmbeddings(MINILM_NAME, backend=backend).encode(TEXTS)  # type: ignore[arg-type]
    assert vectors.shape == torch_vectors.shape
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.min(np.sum(vectors * torch_vectors, axis=1)) >= closest
    # One at a time or in a batch (padding differs): the same vector (int8 quantises
    # activations per batch, so nearly the same).
    one = LocalEmbeddings(MINILM_NAME, backend=backend).encode(TEXTS[:1])[0]  # type: ignore[arg-type]
    assert float(one @ vectors[0]) >= closest


def test_the_export_is_made_once(embeddings: LocalEmbeddings) -> None:
    folder = export_folder(default_cache_dir(), embeddings.model_path)
    assert (folder / "meta.json").exists()  # made by setup or the session's first start
    made = (folder / "model.onnx").stat().st_mtime
    assert export_onnx(embeddings.model_path, folder) == folder
    assert (folder / "model.onnx").stat().st_mtime == made


def test_a_model_folder_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelError, match="could not load the embedding model"):
        LocalEmbeddings(str(tmp_path), backend="onnx", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").glob("*/meta.json"))


def test_the_onnx_build_tokenizes_as_the_models_tokenizer(embeddings: LocalEmbeddings) -> None:
    from transformers import AutoTokenizer

    folder = export_folder(default_cache_dir(), embeddings.model_path) / "tokenizer"
    expected = AutoTokenizer.from_pretrained(str(folder))(
        TEXTS, padding=True, truncation=True, max_length=256, return_tensors="np"
    )
    got = load_tokenizer(folder, 256)(TEXTS)
    for name in ("input_ids", "attention_mask", "token_type_ids"):
        assert got[name].dtype == np.int64
        assert np.array_equal(got[name], expected[name]), name
    assert got["input_ids"].shape == (len(TEXTS), 256)  # the long text is cut at 256


def test_a_tokenizer_without_its_fast_file_is_refused_with_the_reason(
    embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    folder = export_folder(default_cache_dir(), embeddings.model_path) / "tokenizer"
    (tmp_path / "tokenizer_config.json").write_bytes(
        (folder / "tokenizer_config.json").read_bytes()
    )
    with pytest.raises(EncoderError, match="needs a fast tokenizer with a pad token"):
        load_tokenizer(tmp_path, 256)
