#!/bin/bash
# Interop with avahi (by hand, as root; needs iproute2, dbus-daemon, avahi-daemon, avahi-utils):
#   go test -c -o /tmp/discovery.test ./classroom/discovery && classroom/discovery/testdata/avahi-interop.sh /tmp/discovery.test
# Two network namespaces joined by a veth pair, avahi (on its own D-Bus) in the second:
# 1. avahi-browse and avahi-resolve there find an Aula hub announced in the first;
# 2. Discover in the first finds a service avahi-publish announces in the second.
set -u
T=${1:?the discovery test binary}
id=$$; H=hmh$id; K=hmk$id; D=$(mktemp -d)
APID=; DPID=; HPID=; PPID2=
cleanup() { kill $APID $DPID $HPID $PPID2 2>/dev/null; wait 2>/dev/null; ip netns del $H; ip netns del $K; rm -rf "$D"; }
trap cleanup EXIT
ip netns add $H; ip netns add $K
ip link add vh$id netns $H type veth peer name vk$id netns $K
ip -n $H addr add 10.78.0.1/24 dev vh$id; ip -n $H link set vh$id up; ip -n $H link set lo up
ip -n $K addr add 10.78.0.2/24 dev vk$id; ip -n $K link set vk$id up; ip -n $K link set lo up
sed "s#<listen>.*</listen>#<listen>unix:path=$D/bus</listen>#; s#<pidfile>.*</pidfile>##; s#<user>.*</user>#<user>root</user>#" /usr/share/dbus-1/system.conf |
	sed 's@</busconfig>@<policy context="mandatory"><allow own="*"/><allow send_destination="*"/><allow receive_sender="*"/></policy></busconfig>@' > $D/bus.conf
ip netns exec $K dbus-daemon --config-file=$D/bus.conf --nofork --nosyslog 2>/dev/null & DPID=$!
sleep 0.5
printf '[server]\nuse-ipv4=yes\nuse-ipv6=no\nenable-dbus=yes\n' > $D/avahi.conf
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$D/bus
ip netns exec $K avahi-daemon --no-drop-root --no-chroot --no-rlimits -f $D/avahi.conf > $D/avahi.log 2>&1 & APID=$!
(sleep 30 | ip netns exec $H env AULA_NETNS_ROLE=announce AULA_NAME="Aula de Marta 1A2B" AULA_PORT=7442 AULA_LISTEN= "$T" -test.run '^TestNetnsHelper$' -test.count=1 > $D/hub.log 2>&1) & HPID=$!
sleep 2
echo "--- hub: $(head -1 $D/hub.log)"
echo "--- avahi-browse -rtp _aula._tcp (want the hub at 10.78.0.1:7442)"
ip netns exec $K timeout 10 avahi-browse -rtp _aula._tcp
echo "--- avahi-resolve -4 -n $(hostname | cut -d. -f1).local"
ip netns exec $K timeout 5 avahi-resolve -4 -n "$(hostname | cut -d. -f1).local"
ip netns exec $K avahi-publish -s "Aula en avahi" _aula._tcp 7450 aula scheme=http > $D/pub.log 2>&1 & PPID2=$!
sleep 2
echo "--- Discover (want Aula en avahi at http://10.78.0.2:7450 and the hub itself)"
ip netns exec $H env AULA_NETNS_ROLE=discover "$T" -test.run '^TestNetnsHelper$' -test.count=1 | head -1
