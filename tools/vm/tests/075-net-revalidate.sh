# A socket used through its file (read/write, SCM_RIGHTS) by a label that
# did not make it is revalidated as a network access (mediation.md 2.8,
# 7): read asks receive, write send, a received descriptor both; each
# is the family/type check of the caller's profile, operation file_perm or
# file_receive. A refused descriptor is not installed (MSG_CTRUNC).
# (write() on a socket also passes the sendmsg check, the same question
# in coarse mode: delegation of unconfined sockets cannot show here.)
# Needs file.c to call rp_sock_file_perm() (net.c) for sockets.
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<P
profile t75a {
  network unix,
  change_profile -> t75b,
}
profile t75b {
  network unix dgram,
}
P
apparmor_parser -r "$T/p" || fatal "loading t75 failed"
rec() {
	expect_record "pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"net\" profile=\"t75b\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"$2\" denied_mask=\"$2\"" \
		"$1 $2"
}

run aa-exec -p t75a -- sockop pid pair stream write x changeprofile t75b write y
pid=$(pid_of)
expect_eq "$(ops)" "pair ok;write ok;changeprofile ok;write EACCES;" "write"
rec file_perm send
run aa-exec -p t75a -- sockop pid pair stream write x use 1 changeprofile t75b read
pid=$(pid_of)
expect_eq "$(ops)" "pair ok;write ok;changeprofile ok;read EACCES;" "read"
rec file_perm receive

# SCM_RIGHTS: the stream socket is refused on receipt, the message kept
run aa-exec -p t75a -- sockop pid pair dgram socket unix stream 0 use 0 changeprofile t75b sendfd 2 use 1 recvfd
pid=$(pid_of)
expect_eq "$(ops)" "pair ok;socket ok;changeprofile ok;sendfd ok;recvfd none ctrunc;" "file_receive"
rec file_receive "send receive"
