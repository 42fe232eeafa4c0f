#!/usr/bin/env bash
# Builds Aula for the donated laptops, into dist/ (or the folder given):
#
#   aula-windows-amd64.exe   Windows 10 and 11, 64-bit
#   aula-linux-amd64         Linux, 64-bit PCs
#   aula-linux-386           Linux, very old 32-bit PCs
#   aula-linux-arm64         Linux on ARM (a Raspberry Pi 4 or 5, some netbooks)
#
# Static binaries (CGO_ENABLED=0): nothing else to install on the laptop.
# Next to them go the setup guides and the files they use (linux/,
# windows/): copy the whole folder to a USB stick for the volunteers.
# Stops at the first build that fails. CI runs this after the tests.
#
#   deploy/build.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
mkdir -p "$out"
version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)

for target in windows/amd64 linux/amd64 linux/386 linux/arm64; do
  os=${target%/*} arch=${target#*/}
  bin="$out/aula-$os-$arch"
  [ "$os" = windows ] && bin="$bin.exe"
  echo "   $target -> $bin"
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
    -ldflags "-s -w -X main.version=$version" -o "$bin" .
done

cp -r deploy/linux deploy/windows "$out/"
cp docs/setup-linux.md docs/setup-windows.md "$out/"
echo "   and the setup guides: $out/setup-linux.md, $out/setup-windows.md"
