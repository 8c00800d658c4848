#!/usr/bin/env bash
# Install everything the tests need (system packages too) and run them.
# This is the README's test command; .ci/run calls it too.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
need_apt=()
command -v git >/dev/null 2>&1 || need_apt+=(git)
# the install test runs the README command on Debian's own (EXTERNALLY-MANAGED) python3
[ -x /usr/bin/python3 ] || need_apt+=(python3)
/usr/bin/python3 -c "import venv, ensurepip" >/dev/null 2>&1 || need_apt+=(python3-venv)
# the HTML report and the workbench page (`serve`, through Playwright's Python package,
# installed with the dev extra) are tested in Debian's headless Chromium, with a CJK font
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "noto.*cjk" || need_apt+=(fonts-noto-cjk)
if [ "${#need_apt[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# Everything goes into .venv (works on a system Python that refuses global installs).
bash scripts/install.sh --dev
export PATH="$PWD/.venv/bin:$PATH"

set +e
python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests — that is a failure" >&2
  exit 1
fi
exit "$status"
