# tags: rampart-extension
# timeout: 120
# Pathname unix sockets in fine mode are checked with file rules on the
# socket's path (af-unix.md 7, 13 items 14, 37, 40, 41): bind is the
# mknod check (w); a stream connect needs rw on the listener's path (a
# file record with the unix operation), and the listener is not asked; a
# datagram to a pathname receiver needs w on its path from the sender and
# r from the receiver's label. The same profile compiled without af_unix
# (coarse) connects without any file rule, as 6.12 does.
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
on_exit 'kill $srv 2>/dev/null'
cat > "$T/p" <<P
profile t74srv {
  signal (receive) peer=unconfined,
  $T/ready w,
  $T/s w,
  $T/d rw,
  $T/dw w,
  unix (create) type=stream,
  unix (create) type=dgram,
}
profile t74cli {
  signal (receive) peer=unconfined,
  $T/s rw,
  $T/d w,
  $T/dw w,
  unix (create) type=stream,
  unix (create) type=dgram,
}
profile t74w {
  signal (receive) peer=unconfined,
  $T/s w,
  unix (create) type=stream,
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/p" || fatal "loading t74 failed"
cat > "$T/q" <<P
profile t74coarse {
  signal (receive) peer=unconfined,
  $T/ready r,
  network unix stream,
}
P
apparmor_parser -r "$T/q" || fatal "loading t74coarse failed"


# bind needs w on the path (mknod), no unix bind rule
run aa-exec -p t74w -- sockop pid socket unix stream 0 bind "$T/x"
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind EACCES;" "bind without w"
expect_record "name=\"$T/x\" pid=$pid" \
	"apparmor=\"DENIED\" operation=\"mknod\" class=\"file\" profile=\"t74w\" name=\"$T/x\" pid=$pid comm=\"sockop\" requested_mask=\"c\" denied_mask=\"c\" fsuid=0 ouid=0" \
	"mknod record"

# stream: listen/accept need no unix rule; the client needs rw
start_server t74srv socket unix stream 0 bind "$T/s" listen 5 getsockname touch "$R" accept
run aa-exec -p t74cli -- sockop pid wait "$R" socket unix stream 0 connect "$T/s"
stop_server
expect_eq "$(ops)" "wait ok;socket ok;connect ok;" "t74cli connects"
expect_eq "$srvout" "socket ok;bind ok;listen ok;getsockname ok;touch ok;accept ok;" "t74srv listens and accepts"
rm -f "$T/s"
start_server t74srv socket unix stream 0 bind "$T/s" listen 5 touch "$R" accept
run aa-exec -p t74w -- sockop pid wait "$R" socket unix stream 0 connect "$T/s"
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "t74w connects with w only"
expect_record "name=\"$T/s\" pid=$pid" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"file\" profile=\"t74w\" name=\"$T/s\" pid=$pid comm=\"sockop\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0" \
	"connect record"
# coarse: no file check on connect
rm -f "$T/s"
start_server t74srv socket unix stream 0 bind "$T/s" listen 5 touch "$R" accept
run aa-exec -p t74coarse -- sockop pid wait "$R" socket unix stream 0 connect "$T/s"
stop_server
expect_eq "$(ops)" "wait ok;socket ok;connect ok;" "coarse connect"

# datagrams to a pathname receiver
start_server t74srv socket unix dgram 0 bind "$T/d" touch "$R" sleep 300 recv
run aa-exec -p t74cli -- sockop pid wait "$R" socket unix dgram 0 sendto "$T/d" hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "t74cli sends"
expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "t74srv receives"
# the receiver's label needs r on its own path
start_server t74srv socket unix dgram 0 bind "$T/dw" touch "$R" sleep 1500
run aa-exec -p t74cli -- sockop pid wait "$R" socket unix dgram 0 sendto "$T/dw" hi
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;sendto EACCES;" "receiver without r"
expect_record "name=\"$T/dw\" pid=$pid" \
	"apparmor=\"DENIED\" operation=\"sendmsg\" class=\"file\" profile=\"t74srv\" name=\"$T/dw\" pid=$pid comm=\"sockop\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0" \
	"receiver record"

# Profiles with flags=(chroot_relative) name the socket paths from the
# task's root, which is read without taking a reference: the names are
# made under RCU and the unix socket locks (a debug kernel caught a
# sleeping path_put() there). Outside a chroot the names are the same.
cat > "$T/r" <<P
profile t74rsrv flags=(chroot_relative) {
  signal (receive) peer=unconfined,
  $T/ready w,
  $T/rs w,
  $T/rd rw,
  unix (create) type=stream,
  unix (create) type=dgram,
}
profile t74rcli flags=(chroot_relative) {
  signal (receive) peer=unconfined,
  $T/rs rw,
  $T/rd w,
  unix (create) type=stream,
  unix (create) type=dgram,
}
profile t74rw flags=(chroot_relative) {
  signal (receive) peer=unconfined,
  $T/rs w,
  unix (create) type=stream,
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/r" || fatal "loading t74r failed"
start_server t74rsrv socket unix stream 0 bind "$T/rs" listen 5 getsockname touch "$R" accept sleep 300
run aa-exec -p t74rcli -- sockop pid wait "$R" socket unix stream 0 connect "$T/rs" send hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;" "chroot_relative client"
expect_eq "$srvout" "socket ok;bind ok;listen ok;getsockname ok;touch ok;accept ok;" "chroot_relative listener"
start_server t74rsrv socket unix dgram 0 bind "$T/rd" touch "$R" sleep 300 recv
run aa-exec -p t74rcli -- sockop pid wait "$R" socket unix dgram 0 sendto "$T/rd" hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "chroot_relative datagram"
expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "chroot_relative receiver"
rm -f "$T/rs"
start_server t74rsrv socket unix stream 0 bind "$T/rs" listen 5 touch "$R" accept
run aa-exec -p t74rw -- sockop pid wait "$R" socket unix stream 0 connect "$T/rs"
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "chroot_relative connect with w only"
expect_record "name=\"$T/rs\" pid=$pid" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"file\" profile=\"t74rw\" name=\"$T/rs\" pid=$pid comm=\"sockop\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0" \
	"chroot_relative connect record"
