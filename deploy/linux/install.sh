#!/bin/sh
# install.sh: puts Aula on this Linux laptop, with a menu entry that opens
# it full screen in big letters. See docs/setup-linux.md.
#
#   sudo ./install.sh aula-linux-amd64           for everyone (/usr/local)
#   ./install.sh --user aula-linux-amd64         only for you (~/.local), no sudo
#   sudo ./install.sh --kiosk-session aula-linux-amd64
#                                                also the kiosk session (cage + foot)
#
# The file name is the Aula for this laptop: aula-linux-amd64 (most),
# aula-linux-386 (very old, 32-bit), aula-linux-arm64 (ARM).
# DESTDIR=/some/folder installs under that folder instead (for testing).
set -eu

here=$(dirname "$(readlink -f "$0")")
mode=system
kiosk=no
bin=
for arg in "$@"; do
	case $arg in
	--user) mode=user ;;
	--kiosk-session) kiosk=yes ;;
	-h | --help)
		sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "install.sh: unknown option $arg (see --help)" >&2
		exit 2
		;;
	*) bin=$arg ;;
	esac
done
if [ -z "$bin" ]; then
	echo "install.sh: say which Aula to install, for example: sudo ./install.sh aula-linux-amd64" >&2
	exit 2
fi
if [ ! -f "$bin" ]; then
	echo "install.sh: $bin: there is no such file here" >&2
	exit 2
fi
if [ "$mode" = user ] && [ "$kiosk" = yes ]; then
	echo "install.sh: the kiosk session is for the whole computer: run it with sudo, without --user" >&2
	exit 2
fi

dest=${DESTDIR:-}
if [ "$mode" = user ]; then
	bindir=$dest$HOME/.local/bin
	appdir=$dest$HOME/.local/share/applications
else
	bindir=$dest/usr/local/bin
	appdir=$dest/usr/local/share/applications
fi

mkdir -p "$bindir" "$appdir"
install -m 755 "$bin" "$bindir/aula"
install -m 755 "$here/aula-launch" "$bindir/aula-launch"
# The menu entry runs the launcher by its full path: ~/.local/bin is not
# always on the desktop's PATH.
sed "s|^Exec=aula-launch|Exec=${bindir#"$dest"}/aula-launch|" "$here/aula.desktop" >"$appdir/aula.desktop"
chmod 644 "$appdir/aula.desktop"
echo "Aula is in $bindir/aula, with \"Aula\" in the applications menu."

if [ "$kiosk" = yes ]; then
	mkdir -p "$dest/etc/aula" "$dest/usr/share/wayland-sessions"
	install -m 755 "$here/aula-kiosk-session" "$bindir/aula-kiosk-session"
	install -m 644 "$here/foot.ini" "$dest/etc/aula/foot.ini"
	install -m 644 "$here/aula-kiosk.desktop" "$dest/usr/share/wayland-sessions/aula-kiosk.desktop"
	echo "The \"Aula (kiosk)\" session is ready: it needs the cage and foot packages."
fi
