"""Text into vectors: the dense encoders (`models` names them and their files, `engines`
picks the build that runs them, `e5_onnx` runs the default one on ONNX Runtime, `int8`
quantises ONNX builds, `embeddings` is what the rest of the project calls, `batching` joins the
requests of concurrent turns), the sparse keyword vectors and language detection. May
import `config`; nothing else of the project. `python -m knowledge.encoders` exports the
ONNX builds (setup does)."""
