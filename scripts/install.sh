#!/usr/bin/env bash
# Install noticelint into a virtual environment in .venv (the README's first command).
#
#   bash scripts/install.sh          # the tool:                   pip install .
#   bash scripts/install.sh --dev    # the tool and the test tools: pip install -e '.[dev]'
#
# A virtual environment works everywhere, including on a system Python that refuses
# global installs (Debian/Ubuntu mark theirs EXTERNALLY-MANAGED, PEP 668). When the
# interpreter lacks the venv module (Debian's python3 without python3-venv), the
# package is installed with apt-get first. PYTHON picks the interpreter (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
VENV=".venv"
spec=(.)
[ "${1:-}" = "--dev" ] && spec=(-e ".[dev]")

if ! "$PY" -c "import venv, ensurepip" >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  minor="$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  echo "scripts/install.sh: $PY 缺少 venv 模块，正在安装 python${minor}-venv" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "python${minor}-venv" || $SUDO apt-get install -y -qq python3-venv
fi

# A venv made by another interpreter (or half made) is made again.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pip" >/dev/null 2>&1; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${spec[@]}"
echo "scripts/install.sh: noticelint 已安装到 $VENV（使用：$VENV/bin/noticelint，或先执行 . $VENV/bin/activate）" >&2
