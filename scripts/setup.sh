#!/usr/bin/env bash
# Set up everything Next Round needs, idempotently: a virtual environment with the project and its
# development tools, and (for the test suite) Debian's Chromium and fonts for the browser and PDF tests.
#   scripts/setup.sh          # the app only
#   scripts/setup.sh --test   # the app, the dev tools, Chromium
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[[ "${1:-}" == "--test" ]] && want_tests=1

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed (found $("$PYTHON" --version 2>&1))." >&2
  exit 2
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi

stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-$want_tests"
if [[ ! -f "$stamp" ]]; then
  echo "setup: installing Python packages (a minute or two the first time)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  if [[ $want_tests == 1 ]]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# System packages: Chromium for the browser tests; fonts for the PDF plan: DejaVu (accents, Greek,
# Cyrillic, Arabic), Noto Sans CJK (Chinese, Japanese, Korean) and Symbola (emoji and symbols).
need=()
[[ $want_tests == 1 && ! -x /usr/bin/chromium ]] && need+=(chromium)
[[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] && need+=(fonts-dejavu-core)
[[ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] && need+=(fonts-noto-cjk)
[[ ! -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ]] && need+=(fonts-symbola)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "setup: installing ${need[*]} with apt-get"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  elif [[ $want_tests == 1 ]]; then
    echo "setup: please install ${need[*]} (e.g. sudo apt-get install ${need[*]}); the tests need them." >&2
    exit 2
  else
    echo "setup: note: ${need[*]} not installed; the PDF plan prints what it cannot as '?' and says so."
  fi
fi
