# timeout: 120
# A socket's later operations are checked against the policy of the
# moment (mediation.md 7, 12.2): a send granted before its profile is
# replaced by one without the rule is refused after it, with a DENIED
# record, and granted again once the rule is back; with the global audit
# mode "all", each granted send is logged AUDIT. (Rampart answers a
# socket's repeated grants from the socket, so this pins down when that
# answer must not be used.)
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
on_exit 'fsop write "$PARAMS/audit" normal'
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up 2>/dev/null
load() { # RULES
	printf 'profile t78 {\n  %s\n  %s/** rw,\n}\n' "$1" "$T" > "$T/p"
	apparmor_parser -r "$T/p" || fatal "loading t78 ($1)"
}
load "network inet dgram,"
# waiting -- wait up to 5 s for the sender to wait
waiting() {
	_i=0
	while [ ! -e "$T/waiting" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	rm -f "$T/waiting"
}
# go PATH RULES -- once the sender waits on PATH, load RULES and let it go
go() {
	waiting
	load "$2"
	touch "$1"
}
s() { # the sender: three sends around two waits
	aa-exec -p t78 -- sockop pid socket inet dgram 0 bind inet:7078 \
		sendto inet:7078 a sendto inet:7078 b \
		touch "$T/waiting" wait "$T/go1" sendto inet:7078 c \
		touch "$T/waiting" wait "$T/go2" sendto inet:7078 d
}

# replaced without the rule, then with it again
s > "$T/out" 2>&1 &
sender=$!
go "$T/go1" "network inet stream,"
go "$T/go2" "network inet dgram,"
wait $sender
out=$(cat "$T/out")
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind ok;sendto ok;sendto ok;touch ok;wait ok;sendto EACCES;touch ok;wait ok;sendto ok;" \
	"sends before, during and after the replacement"
expect_record "pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7078" \
	"apparmor=\"DENIED\" operation=\"sendmsg\" class=\"net\" profile=\"t78\" pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7078 family=\"inet\" sock_type=\"dgram\" protocol=17 requested_mask=\"send\" denied_mask=\"send\"" \
	"the refused send"

# the global audit mode all: granted sends are logged, before and after
rm -f "$T/go1" "$T/go2"
s > "$T/out" 2>&1 &
sender=$!
waiting
fsop write "$PARAMS/audit" all || fatal "setting audit=all"
touch "$T/go1"
go "$T/go2" "network inet dgram,"
wait $sender
fsop write "$PARAMS/audit" normal
out=$(cat "$T/out")
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind ok;sendto ok;sendto ok;touch ok;wait ok;sendto ok;touch ok;wait ok;sendto ok;" \
	"sends with audit=all"
n=$(aa_records "pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7078" | grep -c 'apparmor="AUDIT" operation="sendmsg"')
expect_eq "$n" 2 "two audited sends (c and d)"
expect_record "pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7078" \
	"apparmor=\"AUDIT\" operation=\"sendmsg\" class=\"net\" profile=\"t78\" pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7078 family=\"inet\" sock_type=\"dgram\" protocol=17 requested_mask=\"send\"" \
	"an audited send"
