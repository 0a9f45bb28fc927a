"""int8 copies of fp32 ONNX encoders: ONNX Runtime's dynamic quantisation (weights per
channel, activations per batch), shared by every build that offers one."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path


class _DropLine(logging.Filter):
    def __init__(self, start: str) -> None:
        super().__init__()
        self.start = start

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.start)


def quantise_int8(source: Path, target: Path, *, excluded: Sequence[str] = ()) -> None:
    """`target`: `source` with its matrix products in int8, except the nodes named in
    `excluded` (kept fp32). Weights unsigned, as the activations: with signed weights
    ONNX Runtime multiplies with an instruction (VPMADDUBSW) whose 16-bit sums saturate
    on processors without VNNI, so the same build gave other vectors there (cosine to
    the reference 0.988 on average on an AVX2-only AMD EPYC, 0.997 with VNNI) and other
    answers near a threshold; unsigned weights take a path that does not saturate
    (0.996-0.997 there)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # onnxruntime advises its pre-processing (shape inference, graph fusion) before
    # quantising; the int8 builds are measured as quantised here (docs/benchmarks.md,
    # "Encoders"), so its advice, written to the root logger, is left out.
    advice = _DropLine("Please consider to run pre-processing before quantization")
    logging.getLogger().addFilter(advice)
    try:
        quantize_dynamic(
            str(source), str(target), weight_type=QuantType.QUInt8, per_channel=True,
            nodes_to_exclude=list(excluded),
            # Types of outputs of ONNX Runtime's own operators (attention), which shape
            # inference does not know.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )  # fmt: skip
    finally:
        logging.getLogger().removeFilter(advice)
