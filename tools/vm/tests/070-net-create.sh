# Socket creation by family and type (mediation.md 1.5, 7; encoding 5):
# `network FAMILY TYPE` rules grant socket(), anything not listed is
# EACCES with a DENIED record (family=, sock_type=, protocol= as called,
# names as the af_mask list spells them), a `deny` rule is silent, an
# `audit` rule logs AUDIT on success; the protocol is not part of the key.
# Unconfined tasks and profiles in complain mode are not refused.
. /tests/lib.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<P
profile t70 {
  network inet stream,
  network unix dgram,
  network netlink raw,
  deny network inet dgram,
  audit network unix seqpacket,
}
profile t70c flags=(complain) {
}
P
apparmor_parser -r "$T/p" || fatal "loading t70 failed"

s() { aa-exec -p t70 -- sockop "$@"; }
expect_fop "socket ok" s socket inet stream 0
expect_fop "socket ok" s socket inet stream 6
expect_fop "socket ok" s socket unix dgram 0
expect_fop "socket ok" s socket netlink raw 0
expect_fop "socket ok" s socket netlink raw 15
expect_fop "pair ok" s pair dgram
# the type, not the protocol: inet raw with IPPROTO_TCP is still raw
expect_fop "socket EACCES" s socket inet raw 6
expect_fop "socket EACCES" s socket unix stream 0
expect_fop "pair EACCES" s pair stream
expect_fop "socket EACCES" s socket netlink dgram 0
expect_fop "socket EACCES" s socket inet6 stream 0
expect_fop "socket EACCES" s socket packet raw 768
# deny: refused without a record
expect_fop "socket EACCES" s socket inet dgram 17

run s pid socket inet raw 1
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"raw\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"raw\" protocol=1 requested_mask=\"create\" denied_mask=\"create\"" \
	"inet raw"
run s pid socket unix stream 0
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"create\" denied_mask=\"create\"" \
	"unix stream"
run s pid socket netlink dgram 9
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"netlink\" sock_type=\"dgram\" protocol=9 requested_mask=\"create\" denied_mask=\"create\"" \
	"netlink dgram"
run s pid socket inet6 seqpacket 0
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"inet6\" sock_type=\"seqpacket\" protocol=0 requested_mask=\"create\" denied_mask=\"create\"" \
	"inet6 seqpacket"
run s pid socket packet packet 768
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"packet\" sock_type=\"packet\" protocol=768 requested_mask=\"create\" denied_mask=\"create\"" \
	"packet packet"
# unnamed family (AF_DECnet 12) and type (7)
run s pid socket 12 7 0
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\"" \
	"apparmor=\"DENIED\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid comm=\"sockop\" family=\"unknown(12)\" sock_type=\"unknown(7)\" protocol=0 requested_mask=\"create\" denied_mask=\"create\"" \
	"unnamed family and type"
run s pid socket inet dgram 0
pid=$(echo "$out" | sed -n 's/^pid //p')
# audit rule: AUDIT record on success
run s pid socket unix seqpacket 0
expect_eq "$(echo "$out" | tail -n 1)" "socket ok" "audited unix seqpacket"
pid2=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid2 comm=\"sockop\"" \
	"apparmor=\"AUDIT\" operation=\"create\" class=\"net\" profile=\"t70\" pid=$pid2 comm=\"sockop\" family=\"unix\" sock_type=\"seqpacket\" protocol=0 requested_mask=\"create\"" \
	"audit rule"
expect_no_record "pid=$pid comm=\"sockop\"" "deny rule is quiet"

# complain: allowed, ALLOWED record
run aa-exec -p t70c -- sockop pid socket inet raw 1
expect_eq "$(echo "$out" | tail -n 1)" "socket ok" "complain mode"
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "pid=$pid comm=\"sockop\" family" \
	"apparmor=\"ALLOWED\" operation=\"create\" class=\"net\" profile=\"t70c\" pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"raw\" protocol=1 requested_mask=\"create\" denied_mask=\"create\"" \
	"complain"
# unconfined: nothing checked
expect_fop "socket ok" sockop socket inet raw 1
