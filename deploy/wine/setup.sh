#!/usr/bin/env bash
# setup.sh: prepares a Wine prefix that runs the Windows build of Aula, for
# the Windows tests (wine_windows_test.go, run by go test ./... and by CI).
#
#   deploy/wine/setup.sh PREFIX
#
# Needs Debian 12's wine and wine64 (Wine 8.0) and the MinGW C compiler
# (gcc-mingw-w64-x86-64-win32); .ci/run installs them. It
#  1. creates a 64-bit prefix in PREFIX (wineboot; no window, no Mono or
#     Gecko: Aula needs neither),
#  2. builds bcryptprimitives.dll from bcryptprimitives.c and puts it in
#     the prefix's system32 (why: see the comment in bcryptprimitives.c),
#  3. makes sure the prefix says Windows 10, as the laptops do (Wine 8's
#     64-bit prefix does already; winecfg -v win10 otherwise): as Windows 7,
#     whose console has no colours, Aula would draw none.
# Run it again on the same PREFIX: it only redoes what is missing.
# Then: WINEPREFIX=PREFIX wine aula-windows-amd64.exe version
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:?usage: deploy/wine/setup.sh PREFIX}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=-all
# No dialogs offering to install Mono and Gecko, no desktop menu entries.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

for cmd in wine wineserver x86_64-w64-mingw32-gcc; do
  if ! command -v "$cmd" >/dev/null; then
    echo "setup.sh: $cmd is missing (apt install wine wine64 gcc-mingw-w64-x86-64-win32)" >&2
    exit 1
  fi
done

if [ ! -f "$prefix/system.reg" ]; then
  wine wineboot --init >/dev/null 2>&1
  wineserver -w # the registry is written when the server ends
fi

dll=$prefix/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$dll" ] || [ "$here/bcryptprimitives.c" -nt "$dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -Wall -Werror -shared -s -o "$dll" \
    "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
fi

if ! grep -q '"ProductName"="Microsoft Windows 10' "$prefix/system.reg"; then
  wine winecfg -v win10 >/dev/null 2>&1
  wineserver -w
fi
echo "   Wine prefix ready: $prefix ($(wine --version), Windows 10)"
