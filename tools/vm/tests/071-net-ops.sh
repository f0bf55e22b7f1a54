# Every socket operation asks the caller's profile for its own permission
# on the socket's family and type (mediation.md 1.5, 7): a socket made
# under t71a is used after change_profile to t71b, which has no rule for
# it, and each call fails with EACCES and a DENIED record naming the
# operation and the permission; inet records carry the socket's bound
# and connected addresses (laddr, lport, faddr, fport) before family=,
# unix records none. The socket's own label plays no part.
. /tests/lib.sh

audit_burst
on_exit policy_reset
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up 2>/dev/null
cat > "$T/p" <<P
profile t71a {
  network inet,
  network unix,
  change_profile -> t71b,
}
profile t71b {
  network netlink,
}
profile t71au {
  audit network inet stream,
}
P
apparmor_parser -r "$T/p" || fatal "loading t71 failed"

s() { aa-exec -p t71a -- sockop pid "$@"; }
rec() {
	expect_record "pid=$pid comm=\"sockop\"$1" \
		"apparmor=\"DENIED\" operation=\"$2\" class=\"net\" profile=\"t71b\" pid=$pid comm=\"sockop\"$3 requested_mask=\"$4\" denied_mask=\"$4\"" \
		"$2 record"
}

# inet stream, bound: every operation refused once the profile changed
run s socket inet stream 0 bind inet:7071 changeprofile t71b listen 5
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | sed 1d | tr '\n' ';')" "socket ok;bind ok;changeprofile ok;listen EACCES;" "listen"
rec " laddr=127.0.0.1 lport=7071" listen " laddr=127.0.0.1 lport=7071 family=\"inet\" sock_type=\"stream\" protocol=6" listen
for op in getsockname getpeername shutdown "getopt type" "setopt sndbuf"; do
	run s socket inet stream 0 changeprofile t71b $op
	expect_eq "$(echo "$out" | sed 1d | tr '\n' ';')" "socket ok;changeprofile ok;${op%% *} EACCES;" "$op"
	pid=$(echo "$out" | sed -n 's/^pid //p')
	case $op in
	getsockname | getpeername) o=$op m=getattr ;;
	shutdown) o=socket_shutdown m=shutdown ;;
	getopt*) o=getsockopt m=getopt ;;
	setopt*) o=setsockopt m=setopt ;;
	esac
	rec "" "$o" " family=\"inet\" sock_type=\"stream\" protocol=6" "$m"
done
run s socket inet stream 0 changeprofile t71b connect inet:7071
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | tail -n 1)" "connect EACCES" "connect"
rec "" connect " family=\"inet\" sock_type=\"stream\" protocol=6" connect

# accept: checked on the listening socket
(aa-exec -p t71a -- sockop socket inet stream 0 connect inet:7073 > /dev/null &
 sleep 1)
run s socket inet stream 0 bind inet:7073 listen 1 changeprofile t71b accept
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | tail -n 1)" "accept EACCES" "accept"
rec "" accept " laddr=127.0.0.1 lport=7073 family=\"inet\" sock_type=\"stream\" protocol=6" accept

# datagrams: sendmsg asks send, recvmsg receive
run s socket inet dgram 0 bind inet:7072 changeprofile t71b sendto inet:7072 x recv
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | sed 1d | tr '\n' ';')" "socket ok;bind ok;changeprofile ok;sendto EACCES;recv EACCES;" "datagrams"
rec " laddr=127.0.0.1 lport=7072 family=\"inet\" sock_type=\"dgram\" protocol=17 requested_mask=\"send\"" sendmsg " laddr=127.0.0.1 lport=7072 family=\"inet\" sock_type=\"dgram\" protocol=17" send
rec " laddr=127.0.0.1 lport=7072 family=\"inet\" sock_type=\"dgram\" protocol=17 requested_mask=\"receive\"" recvmsg " laddr=127.0.0.1 lport=7072 family=\"inet\" sock_type=\"dgram\" protocol=17" receive
# connected: faddr and fport too
run s socket inet dgram 0 bind inet:7074 connect inet:7074 changeprofile t71b send x
pid=$(echo "$out" | sed -n 's/^pid //p')
rec "" sendmsg " laddr=127.0.0.1 lport=7074 faddr=127.0.0.1 fport=7074 family=\"inet\" sock_type=\"dgram\" protocol=17" send

# unix: no address fields, whatever the socket is bound to
run s socket unix stream 0 bind @t71 changeprofile t71b listen 1
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | tail -n 1)" "listen EACCES" "unix listen"
rec "" listen " family=\"unix\" sock_type=\"stream\" protocol=0" listen
run s pair dgram changeprofile t71b send x
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_eq "$(echo "$out" | tail -n 1)" "send EACCES" "unix send"
rec "" sendmsg " family=\"unix\" sock_type=\"dgram\" protocol=0" send

# the same operations pass while the profile has the rule
run s socket inet stream 0 bind inet:7075 listen 5 getsockname getopt type setopt sndbuf shutdown
expect_eq "$(echo "$out" | sed 1d | tr '\n' ';')" "socket ok;bind ok;listen ok;getsockname ok;getopt ok;setopt ok;shutdown ok;" "allowed under t71a"

# TCP fast open: sendmsg() that connects asks connect as well
run aa-exec -p t71au -- sockop pid socket inet stream 0 sendfo inet:7076 x
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"send\"" \
	"apparmor=\"AUDIT\" operation=\"sendmsg\" class=\"net\" profile=\"t71au\" pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"send\"" \
	"fast open: send"
expect_record "pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"connect\"" \
	"apparmor=\"AUDIT\" operation=\"connect\" class=\"net\" profile=\"t71au\" pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"connect\"" \
	"fast open: connect"
