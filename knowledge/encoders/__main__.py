"""`python -m knowledge.encoders [cache dir]`: export all-MiniLM-L6-v2 to ONNX (setup does)."""

from __future__ import annotations

import sys
from pathlib import Path

from knowledge.encoders.engines import export_folder, export_onnx
from knowledge.encoders.models import MINILM_NAME, default_cache_dir, model_path_of


def main() -> None:
    cache_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_cache_dir()
    model_path = model_path_of(MINILM_NAME)
    print(f"ONNX encoder: {export_onnx(model_path, export_folder(cache_dir, model_path))}")


main()
