#!/usr/bin/env bash
# check.sh: checks the setup guides and the files in deploy/.
#
#  1. The Go tests (deploy_test.go): every file the guides' commands name
#     exists, the files parse and agree (letter sizes, names, paths), and
#     install.sh puts everything where the guide says, for everyone
#     (into a scratch folder) and for one user with a fresh home.
#  2. Where installed, the real validators: desktop-file-validate (package
#     desktop-file-utils), foot --check-config (foot), shellcheck.
#     Missing ones are said, not failed: CI runs step 1 in go test ./...
#
#   deploy/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== deploy tests"
go test -count=1 -run 'TestDeploy' .

echo "== validators"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate deploy/linux/aula.desktop deploy/linux/aula-kiosk.desktop
  echo "   desktop-file-validate: ok"
else
  echo "   desktop-file-validate: not installed (apt install desktop-file-utils)"
fi
if command -v foot >/dev/null; then
  out=$(foot --check-config --config=deploy/linux/foot.ini 2>&1)
  if grep -q ' err: ' <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  echo "   foot --check-config: ok"
else
  echo "   foot: not installed (apt install foot)"
fi
if command -v shellcheck >/dev/null; then
  shellcheck deploy/linux/aula-launch deploy/linux/aula-kiosk-session deploy/linux/install.sh deploy/build.sh deploy/check.sh deploy/wine/setup.sh
  echo "   shellcheck: ok"
else
  echo "   shellcheck: not installed (apt install shellcheck)"
fi
echo "   not checked here: install-aula.ps1 needs Windows PowerShell"
