# tags: rampart-extension
# timeout: 120
# Fine-grained unix peer checks from both ends (af-unix.md 6.2, 8, 10,
# 13 items 19-22, 25, 29-31): a stream connect needs connect, send and
# receive toward the listener's address and label on the client's side,
# and accept, send and receive toward the client's label on the
# listener's (an unconfined client included); a datagram needs send on
# the sender's side and receive on the receiver's. Either refusal fails
# the caller's call with EACCES; the record's subject is the refusing
# side, pid and comm the caller's. SO_PEERSEC reports the other end's
# label after a connect and on socketpairs.
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
on_exit 'kill $srv 2>/dev/null'
cat > "$T/p" <<P
profile t73srv {
  signal (receive) peer=unconfined,
  $T/** rw,
  unix (create) type=stream,
  unix (bind, listen, accept, getopt) type=stream addr=@t73,
  unix (accept, send, receive) type=stream addr=@t73 peer=(label=t73cli),
  unix (create) type=dgram,
  unix (bind) type=dgram addr=@t73d,
  unix (receive) type=dgram addr=@t73d peer=(label=t73cli),
}
profile t73cli {
  signal (receive) peer=unconfined,
  $T/** rw,
  unix (create, getopt) type=stream,
  unix (connect, send, receive) type=stream peer=(label=t73srv, addr=@t73),
  unix (create) type=dgram,
  unix (send) type=dgram peer=(label=t73srv, addr=@t73d),
}
profile t73bad {
  signal (receive) peer=unconfined,
  $T/** rw,
  unix (create) type=stream,
  unix (connect, send) type=stream peer=(label=t73srv),
}
profile t73other {
  signal (receive) peer=unconfined,
  $T/** rw,
  unix,
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/p" || fatal "loading t73 failed"

listener() { start_server "$1" socket unix stream 0 bind @t73 listen 5 touch "$R" accept read peersec; }

# allowed both ways; each end's SO_PEERSEC names the other
listener t73srv
run aa-exec -p t73cli -- sockop pid wait "$R" socket unix stream 0 connect @t73 send hi peersec
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;peersec 't73srv (enforce)';" "t73cli to t73srv"
expect_eq "$srvout" "socket ok;bind ok;listen ok;touch ok;accept ok;read 'hi';peersec 't73cli (enforce)';" "t73srv accepts t73cli"

# the client's profile lacks receive
listener t73srv
run aa-exec -p t73bad -- sockop pid wait "$R" socket unix stream 0 connect @t73
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "t73bad"
expect_record "profile=\"t73bad\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"net\" profile=\"t73bad\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive connect\" denied_mask=\"receive\" addr=none peer_addr=\"@t73\" peer=\"t73srv\"" \
	"client side refusal"
# the listener, asked as well, has no rule for t73bad either
expect_record "profile=\"t73srv\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"net\" profile=\"t73srv\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive accept\" denied_mask=\"send receive\" addr=\"@t73\" peer_addr=none peer=\"t73bad\"" \
	"listener side refusal of t73bad"

# the client's rule names another label
listener t73other
run aa-exec -p t73cli -- sockop pid wait "$R" socket unix stream 0 connect @t73
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "t73cli to t73other"
expect_record "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"net\" profile=\"t73cli\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive connect\" denied_mask=\"send receive connect\" addr=none peer_addr=\"@t73\" peer=\"t73other\"" \
	"wrong peer label"

# an unconfined client: the listener's profile refuses it
listener t73srv
run sockop pid wait "$R" socket unix stream 0 connect @t73
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "unconfined to t73srv"
expect_record "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"connect\" class=\"net\" profile=\"t73srv\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive accept\" denied_mask=\"send receive\" addr=\"@t73\" peer_addr=none peer=\"unconfined\"" \
	"listener side refusal"
# and an unconfined listener takes anyone unconfined
listener -
run sockop pid wait "$R" socket unix stream 0 connect @t73 send x
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;" "unconfined both"

# datagrams: sender and receiver
start_server t73srv socket unix dgram 0 bind @t73d touch "$R" sleep 300 recv
run aa-exec -p t73cli -- sockop pid wait "$R" socket unix dgram 0 sendto @t73d hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "t73cli sends to t73srv"
expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "t73srv receives"
start_server t73srv socket unix dgram 0 bind @t73d touch "$R" sleep 1500
run sockop pid wait "$R" socket unix dgram 0 sendto @t73d hi connect @t73d
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;sendto EACCES;connect EACCES;" "unconfined sends to t73srv"
expect_record "pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"dgram\"" \
	"apparmor=\"DENIED\" operation=\"sendmsg\" class=\"net\" profile=\"t73srv\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"dgram\" protocol=0 requested_mask=\"receive\" denied_mask=\"receive\" addr=\"@t73d\" peer_addr=none peer=\"unconfined\"" \
	"receiver side refusal"
start_server t73other socket unix dgram 0 bind @t73d touch "$R" sleep 1500
run aa-exec -p t73cli -- sockop pid wait "$R" socket unix dgram 0 sendto @t73d hi
stop_server
expect_eq "$(ops)" "wait ok;socket ok;sendto EACCES;" "t73cli sends to t73other"

# SO_PEERSEC on socketpairs, listening and unconnected sockets
run aa-exec -p t73cli -- sockop pid pair stream peersec use 1 peersec peersec 4
expect_eq "$(ops)" "pair ok;peersec 't73cli (enforce)';peersec 't73cli (enforce)';peersec ERANGE 16;" "confined socketpair"
run sockop pid pair dgram peersec socket unix stream 0 peersec bind @t73l listen 1 peersec
expect_eq "$(ops)" "pair ok;peersec 'unconfined';socket ok;peersec ENOPROTOOPT 256;bind ok;listen ok;peersec ENOPROTOOPT 256;" "unconfined sockets"
