# ptrace mediation (mediation.md 6.1, 13.3; conformance 251-254): a
# PTRACE_MODE_READ access (/proc/PID/environ) asks read of the tracer and
# readby of the tracee, an attach (PTRACE_ATTACH, /proc/PID/mem) trace and
# tracedby; each refusing profile logs its record. An unconfined tracer
# is checked by nobody; PTRACE_TRACEME makes the parent the tracer.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

expect_content "$SFS/features/ptrace/mask" 'read trace\n' \
	"features/ptrace/mask (conformance 49)"
audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile t62 {
  /proc/** rw,
  ptrace (read, trace) peer=e62,
  ptrace (read) peer=n62,
  change_profile -> e62,
  change_profile -> n62,
}
profile e62 {
  ptrace (readby, tracedby) peer=t62,
}
profile n62 {
  /proc/** r,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

hold e62
e=$pid
hold n62
n=$pid
hold t62
t=$pid
hold -
u=$pid

# both ends grant it
expect_op "read ok" t62 read $e
expect_op "mem ok" t62 mem $e
expect_op "attach ok" t62 attach $e
# the tracee has no readby for t62: only its record
expect_op "read EACCES" t62 read $n
ptrace_record n62 readby t62
expect_no_record 'requested_mask="read" denied_mask="read" peer="n62"'
# an attach: neither trace nor tracedby
expect_op "attach EACCES" t62 attach $n
ptrace_record t62 trace n62
ptrace_record n62 tracedby t62
expect_op "mem EACCES" t62 mem $n
# no ptrace rules: n62 reads nobody, not even unconfined (conformance 251)
expect_op "read EACCES" n62 read $t
ptrace_record n62 read t62
ptrace_record t62 readby n62
expect_op "read EACCES" n62 read $u
ptrace_record n62 read unconfined
# an unconfined tracer needs no tracedby (conformance 254)
expect_op "read ok" - read $n
expect_op "attach ok" - attach $n
expect_op "mem ok" - mem $e
# PTRACE_TRACEME: the parent (t62) traces the child
expect_op "traceme ok" t62 traceme e62
expect_op "traceme EACCES" t62 traceme n62
# the targets are all still there, untraced
for p in $e $n $t $u; do
	[ -d /proc/$p ] || fail "target $p is gone"
	expect_match "$(grep TracerPid /proc/$p/status)" 'TracerPid:[[:space:]]0$' "$p untraced"
done
true
