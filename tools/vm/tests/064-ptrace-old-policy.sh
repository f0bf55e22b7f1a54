# Policy compiled for a kernel without ptrace and signal mediation
# (mediation.md 0.3, 6.1): such a profile mediates neither class, so it
# may signal anyone, and as a tracer it falls back to its capability
# rules: it may trace its own label, and others only with `capability
# sys_ptrace` (else EPERM, a cap record and a ptrace record without
# masks). Its tracees' own ptrace rules still apply.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
# the running kernel's features without ptrace and signal
cp -r "$SFS/features" "$T/feat" || fatal "copying the features failed"
rm -r "$T/feat/ptrace" "$T/feat/signal"
cat > "$T/old" <<'P'
profile o64 {
  /proc/** r,
}
profile c64 {
  /proc/** r,
  capability sys_ptrace,
}
P
cat > "$T/new" <<'P'
profile e64 {
  /proc/** r,
}
P
apparmor_parser -M "$T/feat" -r "$T/old" || fatal "loading the old profiles failed"
apparmor_parser -r "$T/new" || fatal "loading e64 failed"

hold -
u=$pid
hold o64
o=$pid
hold e64
e=$pid

# no signal mediation at all
expect_op "kill ok" o64 kill $u 15
# ... but the receiver's rules are its own
expect_op "kill EACCES" o64 kill $e 0
sig_record e64 receive exists o64
# a tracer of its own label needs nothing
expect_op "read ok" o64 read $o
# other labels need capability sys_ptrace
expect_op "attach EPERM" o64 attach $u
expect_record 'capname="sys_ptrace"' \
	'apparmor="DENIED" operation="capable" class="cap" profile="o64" pid=N comm="ipcop" capability=19  capname="sys_ptrace"' \
	"the capability record"
expect_record 'operation="ptrace" class="ptrace" profile="o64"' \
	'apparmor="DENIED" operation="ptrace" class="ptrace" profile="o64" pid=N comm="ipcop" peer="unconfined"' \
	"the ptrace record has no masks"
# /proc turns any refusal into EACCES
expect_op "read EACCES" o64 read $u
expect_op "read ok" c64 read $u
expect_op "attach ok" c64 attach $u
# the tracee's rules are its own: e64 (new policy) has no readby
expect_op "read EACCES" c64 read $e
ptrace_record e64 readby c64
true
