# Signals across the confinement boundary (mediation.md 6.2; conformance
# 257): a confined target's receive rules apply to an unconfined sender
# (peer "unconfined"), and a confined sender's send rules to an unconfined
# target. Kernel-generated signals (SIGCHLD to a confined parent) are not
# mediated.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile r61 {
  signal (receive) set=(hup, int) peer=unconfined,
}
profile s61 {
  signal (send) set=(usr1) peer=unconfined,
  /usr/bin/busybox rix,
  /bin/busybox rix,
  /tmp/** rw,
}
profile n61 {
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

hold r61
r=$pid
hold n61
n=$pid
hold -
u=$pid

# unconfined to confined: the receiver decides
expect_op "kill ok" - kill $r 1
expect_op "queue ok" - queue $r 2
expect_op "kill EACCES" - kill $r 15
sig_record r61 receive term unconfined
expect_op "kill EACCES" - kill $n 10
sig_record n61 receive usr1 unconfined
expect_op "kill EACCES" - kill $n 0
sig_record n61 receive exists unconfined
# confined to unconfined: the sender decides
expect_op "kill ok" s61 kill $u 10
expect_op "kill EACCES" s61 kill $u 15
sig_record s61 send term unconfined
expect_op "kill EACCES" n61 kill $u 15
sig_record n61 send term unconfined
# SIGCHLD from the kernel reaches a confined parent: its wait returns
expect_eq "$(aa-exec -p s61 -- /bin/sh -c '/bin/true; echo done' 2>&1)" done \
	"a confined shell waits for its child"
expect_no_record 'signal=chld'
true
