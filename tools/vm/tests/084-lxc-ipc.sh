# timeout: 300
# LXC's container rules (seed 000), the whole block, as two profiles
# lxc84a and lxc84b, for their signal, ptrace and unix rules (mediation.md
# 6.1, 6.2; af-unix.md 2.4, 6.2, 10): a task signals, reads and traces
# tasks of its own profile (@{profile_name}) and no others, and takes
# signals, reads and traces from anyone (signal (receive), ptrace (readby),
# ptrace (tracedby)); each refusal is the sender's or tracer's, with its
# record, and EACCES.
# Unix rules where the kernel mediates them finely (network/af_unix): the
# block's `network,` grants every unix operation, so lxc84a talks to
# lxc84b. The seed's two unix rules on their own are shown by the same
# block with `network,` replaced by a rule for the local operations (the
# seed's peer rules cannot grant those; iso84a, iso84b): a stream or a
# datagram within the profile is allowed, toward another profile refused
# on the sender's side (a listener's side refuses too); an unconfined
# sender's datagrams are received (unix (receive)) but an unconfined
# stream client is refused by the listener, which may not send to it.
# Stock 6.12 has no af_unix mediation: the parser makes the unix rules
# `network unix` ones and everything connects.
. /tests/lib.sh
. /tests/data/sock.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
on_exit 'kill $srv 2>/dev/null'
grep -v '^#' /tests/data/lxc.rules > "$T/rules"
sed 's/^  network,$/  unix (create, bind, listen, shutdown, getattr, setattr, getopt, setopt),/' \
	"$T/rules" > "$T/iso"
grep -q '^  unix (create' "$T/iso" || fatal "no network, line in the block"
# wrap NAME RULES -- the rules of the file RULES as profile NAME
wrap() {
	printf 'profile %s flags=(attach_disconnected,mediate_deleted) {\n' "$1"
	cat "$2"
	printf '}\n'
}
{
	echo '#include <tunables/global>'
	wrap lxc84a "$T/rules"
	wrap lxc84b "$T/rules"
	wrap iso84a "$T/iso"
	wrap iso84b "$T/iso"
	# another profile, which may signal, read and trace anyone
	printf 'profile t84 {\n  file,\n  signal,\n  ptrace (read, trace),\n}\n'
} > "$T/p"
# compiled with af_unix where the kernel advertises it (parser.conf's
# pinned feature set lacks it, af-unix.md 2.3), the usual way elsewhere
if [ -e "$SFS/features/network/af_unix" ]; then
	fine=1
	apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
		-r "$T/p" || fatal "loading the lxc profiles failed"
else
	fine=
	note "no network/af_unix: unix rules are coarse"
	apparmor_parser -r "$T/p" || fatal "loading the lxc profiles failed"
fi

hold lxc84a
a=$pid
hold lxc84a
a2=$pid
hold lxc84b
b=$pid
hold -
u=$pid

# --- signals
# within a profile: send by signal peer=@{profile_name}, receive by both
expect_op "kill ok" lxc84a kill $a2 15
expect_op "queue ok" lxc84a queue $a2 34
expect_op "tkill ok" lxc84a tkill $a2 12
expect_op "kill ok" lxc84a kill $a2 0
expect_op "kill ok" lxc84b kill $b 10
# across: the sender refuses (the target would take it: signal (receive))
expect_op "kill EACCES" lxc84a kill $b 15
sig_record lxc84a send term lxc84b
expect_op "queue EACCES" lxc84b queue $a 34
sig_record lxc84b send rtmin+2 lxc84a
expect_op "kill EACCES" lxc84a kill $b 0
sig_record lxc84a send exists lxc84b
expect_op "kill EACCES" lxc84a kill $u 1
sig_record lxc84a send hup unconfined
expect_no_record 'requested_mask="receive" denied_mask="receive" signal=term peer="lxc84a"' \
	"lxc84b receives from lxc84a"
# signal (receive): from anyone, unconfined or confined
expect_op "kill ok" - kill $a 15
expect_op "queue ok" - queue $b 40
expect_op "kill ok" t84 kill $a 10
expect_no_record 'signal=usr1 peer="t84"' "lxc84a receives from t84"

# --- ptrace
# within a profile: read and trace by ptrace peer=@{profile_name}
expect_op "read ok" lxc84a read $a2
expect_op "mem ok" lxc84a mem $a2
expect_op "attach ok" lxc84a attach $a2
# across: the tracer refuses; the tracee would allow it (readby, tracedby)
expect_op "read EACCES" lxc84a read $b
ptrace_record lxc84a read lxc84b
expect_op "attach EACCES" lxc84b attach $a
ptrace_record lxc84b trace lxc84a
expect_op "mem EACCES" lxc84b mem $a
expect_op "read EACCES" lxc84a read $u
ptrace_record lxc84a read unconfined
expect_no_record 'requested_mask="readby" denied_mask="readby" peer="lxc84' \
	"readby refused"
expect_no_record 'requested_mask="tracedby" denied_mask="tracedby" peer="lxc84' \
	"tracedby refused"
# ptrace (readby), ptrace (tracedby): another profile that may read and
# trace reads and traces lxc84a
expect_op "read ok" t84 read $a
expect_op "attach ok" t84 attach $b
expect_op "mem ok" t84 mem $a
# the targets are all still there, untraced
for p in $a $a2 $b $u; do
	[ -d /proc/$p ] || fail "target $p is gone"
	expect_match "$(grep TracerPid /proc/$p/status)" 'TracerPid:[[:space:]]0$' "$p untraced"
done

# --- unix
# as PROFILE: a stream listener on @lxc84s / a datagram receiver on @lxc84d
listener() {
	start_server "$1" socket unix stream 0 bind @lxc84s listen 5 touch "$R" \
		accept read send yo ${2:+peersec}
}
receiver() { start_server "$1" socket unix dgram 0 bind @lxc84d touch "$R" sleep "$2" recv; }
# as PROFILE: connect to the listener, send hi, read its answer
client() {
	run as "$1" sockop pid wait "$R" socket unix stream 0 connect @lxc84s \
		send hi read ${2:+peersec}
}
# as PROFILE: only connect to the listener
knock() { run as "$1" sockop pid wait "$R" socket unix stream 0 connect @lxc84s; }
hdr() {
	echo "apparmor=\"DENIED\" operation=\"$1\" class=\"net\" profile=\"$2\" pid=$pid comm=\"sockop\" family=\"unix\""
}

if [ -z "$fine" ]; then
	# coarse: the unix rules are network unix rules, peers are not asked
	listener iso84b
	client iso84a
	stop_server 50
	expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;read 'yo';" "coarse: iso84a to iso84b"
	expect_eq "$srvout" "socket ok;bind ok;listen ok;touch ok;accept ok;read 'hi';send ok;" \
		"coarse: iso84b accepts iso84a"
	receiver iso84b 2000
	run as iso84a sockop pid wait "$R" socket unix dgram 0 sendto @lxc84d hi
	stop_server 50
	expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "coarse: iso84a sends to iso84b"
	expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "coarse: iso84b receives"
	exit 0
fi

# the whole block: network, grants every unix operation, to any peer
listener lxc84a p
client lxc84a p
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;read 'yo';peersec 'lxc84a (enforce)';" \
	"lxc84a to lxc84a"
expect_eq "$srvout" "socket ok;bind ok;listen ok;touch ok;accept ok;read 'hi';send ok;peersec 'lxc84a (enforce)';" \
	"lxc84a accepts lxc84a"
listener lxc84b p
client lxc84a p
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;read 'yo';peersec 'lxc84b (enforce)';" \
	"lxc84a to lxc84b (network,)"
expect_eq "$srvout" "socket ok;bind ok;listen ok;touch ok;accept ok;read 'hi';send ok;peersec 'lxc84a (enforce)';" \
	"lxc84b accepts lxc84a (network,)"

# the seed's unix rules alone: within the profile, stream and datagram
listener iso84a p
client iso84a p
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;connect ok;send ok;read 'yo';peersec 'iso84a (enforce)';" \
	"iso84a to iso84a"
expect_eq "$srvout" "socket ok;bind ok;listen ok;touch ok;accept ok;read 'hi';send ok;peersec 'iso84a (enforce)';" \
	"iso84a accepts iso84a"
receiver iso84a 2000
run as iso84a sockop pid wait "$R" socket unix dgram 0 sendto @lxc84d hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "iso84a sends to iso84a"
expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "iso84a receives from iso84a"
run as iso84a sockop pid pair stream send hi use 1 read write yo use 0 read
expect_eq "$(ops)" "pair ok;send ok;read 'hi';write ok;read 'yo';" \
	"iso84a socketpair"

# a stream toward another profile: both sides refuse
listener iso84b
knock iso84a
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "iso84a to iso84b"
expect_record "profile=\"iso84a\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"$(hdr connect iso84a) sock_type=\"stream\" protocol=0 requested_mask=\"send receive connect\" denied_mask=\"send connect\" addr=none peer_addr=\"@lxc84s\" peer=\"iso84b\"" \
	"iso84a to iso84b: client side"
expect_record "profile=\"iso84b\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"$(hdr connect iso84b) sock_type=\"stream\" protocol=0 requested_mask=\"send receive accept\" denied_mask=\"send accept\" addr=\"@lxc84s\" peer_addr=none peer=\"iso84a\"" \
	"iso84a to iso84b: listener side"
# an unconfined client: the listener may receive from it, not more
listener iso84a
knock -
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "unconfined to iso84a"
expect_record "profile=\"iso84a\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"$(hdr connect iso84a) sock_type=\"stream\" protocol=0 requested_mask=\"send receive accept\" denied_mask=\"send accept\" addr=\"@lxc84s\" peer_addr=none peer=\"unconfined\"" \
	"unconfined to iso84a: listener side"

# datagrams toward another profile or unconfined: the sender refuses
receiver iso84b 5000
run as iso84a sockop pid wait "$R" socket unix dgram 0 sendto @lxc84d hi
stop_server
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;sendto EACCES;" "iso84a sends to iso84b"
expect_record "profile=\"iso84a\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"$(hdr sendmsg iso84a) sock_type=\"dgram\" protocol=0 requested_mask=\"send\" denied_mask=\"send\" addr=none peer_addr=\"@lxc84d\" peer=\"iso84b\"" \
	"iso84a sends to iso84b: sender side"
receiver - 5000
run as iso84a sockop pid wait "$R" socket unix dgram 0 sendto @lxc84d hi
stop_server
pid2=$pid
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;sendto EACCES;" "iso84a sends to unconfined"
expect_record "profile=\"iso84a\" pid=$pid comm=\"sockop\" family=\"unix\"" \
	"$(hdr sendmsg iso84a) sock_type=\"dgram\" protocol=0 requested_mask=\"send\" denied_mask=\"send\" addr=none peer_addr=\"@lxc84d\" peer=\"unconfined\"" \
	"iso84a sends to unconfined: sender side"
expect_no_record "profile=\"iso84b\" pid=$pid2 " "iso84b receives from iso84a"
# unix (receive): an unconfined sender's datagram is received
receiver iso84a 2000
run sockop pid wait "$R" socket unix dgram 0 sendto @lxc84d hi
stop_server 50
expect_eq "$(ops)" "wait ok;socket ok;sendto ok;" "unconfined sends to iso84a"
expect_eq "$srvout" "socket ok;bind ok;touch ok;recv 'hi';" "iso84a receives from unconfined"
true
