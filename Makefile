# Every target sets itself up: a missing .venv is created and the locked dependencies are installed
# (only when requirements.lock changed since the last install).
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock 2>/dev/null | cut -c1-16)
DB ?=

.PHONY: run test lint typecheck pytest soak bench build lock windows-check clean sysdeps screenshots translations

$(STAMP): requirements.lock
	@test -n "$(PYTHON)" || { echo "Cần Python 3.11 trở lên (Python 3.11+ is required)."; exit 2; }
	@test -x $(PY) || { echo "Tạo môi trường Python riêng $(VENV)…"; $(PYTHON) -m venv $(VENV); }
	@echo "Cài các thư viện theo requirements.lock (lần đầu khoảng 1 phút, cần mạng)…"
	@$(PY) -m pip install --disable-pip-version-check --no-deps -r requirements.lock 2> >(grep -v "^WARNING: Location" >&2)
	@echo "Đã cài xong."
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

sysdeps: $(STAMP)
	@bash scripts/sysdeps.sh $(PY)

run: $(STAMP) sysdeps
	$(PY) main.py $(if $(DB),--db "$(DB)",--demo)

test: $(STAMP) sysdeps lint typecheck pytest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

# -X warn_default_encoding: an open() or a text pipe without an encoding uses the ANSI code page on
# Windows; the warning it raises here is an error (filterwarnings = error in pyproject.toml).
pytest: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -X warn_default_encoding -m pytest -q

soak: $(STAMP)
	$(PY) -m pytest -q tests/test_crash_harness.py --kills=1000 -s

# make bench [SCALE=province] [BENCH_ARGS="--runs 7"]
bench: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) scripts/bench.py $(if $(SCALE),--scale $(SCALE),) $(BENCH_ARGS)

build: $(STAMP) sysdeps
	$(PY) scripts/build.py

# Under Xvfb with a window manager (openbox), as a clerk's desktop: sysdeps installs both. Without
# xvfb-run (not Linux) Qt's offscreen platform, whose pictures show no window frames.
SHOT_DISPLAY := $(shell command -v xvfb-run >/dev/null 2>&1 && echo 'xvfb-run -a -s "-screen 0 1366x768x24"' || echo 'env QT_QPA_PLATFORM=offscreen')
SHOT_WM := $(shell command -v openbox >/dev/null 2>&1 && command -v xvfb-run >/dev/null 2>&1 && echo 'openbox >/dev/null 2>&1 & wm=$$!; sleep 0.5;')

screenshots: $(STAMP) sysdeps
	$(SHOT_DISPLAY) bash -c '$(SHOT_WM) $(PY) scripts/screenshots.py --lang vi && $(PY) scripts/screenshots.py --lang en; rc=$$?; [ -z "$${wm:-}" ] || kill $$wm; exit $$rc'

translations: $(STAMP)
	$(PY) scripts/update_translations.py

# One lock for Linux and Windows (scripts/lock.py): the closure installed in a fresh venv, plus the
# packages Windows markers add (pefile, pywin32-ctypes, colorama), resolved for win_amd64 / Python 3.11.
# The current pins are kept where requirements.in allows them; `make lock UPGRADE=1` takes the newest.
lock:
	rm -rf /tmp/dux-lock && $(PYTHON) -m venv /tmp/dux-lock
	/tmp/dux-lock/bin/pip install --quiet -r requirements.in $(if $(UPGRADE),,-c requirements.lock)
	/tmp/dux-lock/bin/python scripts/lock.py write

# Resolve the lock for win_amd64 / CPython 3.11 with binary wheels only (nothing is installed); fails
# when a Windows requirement is missing from the lock or a pinned version has no Windows wheel.
windows-check: $(STAMP)
	$(PY) scripts/lock.py windows-check

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
