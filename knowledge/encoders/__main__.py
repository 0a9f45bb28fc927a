"""`python -m knowledge.encoders [cache dir]`: make the ONNX builds that are made once
(all-MiniLM-L6-v2's export, multilingual-e5-small's int8 copy); setup does."""

from __future__ import annotations

import sys
from pathlib import Path

from knowledge.encoders.e5_onnx import export_int8, package_file, read_packaged_model
from knowledge.encoders.engines import export_folder, export_onnx
from knowledge.encoders.models import MINILM_NAME, default_cache_dir, model_path_of


def main() -> None:
    cache_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_cache_dir()
    model_path = model_path_of(MINILM_NAME)
    print(f"ONNX encoder: {export_onnx(model_path, export_folder(cache_dir, model_path))}")
    e5 = read_packaged_model(package_file())
    print(f"ONNX encoder: {export_int8(e5, package_file(), cache_dir)}")


main()
