# The outcome table (mediation.md 12.2) on ptrace and signal checks:
# complain mode allows with ALLOWED records; kill mode refuses with KILLED
# records but sends no SIGKILL (conformance 289); an audit rule logs AUDIT
# with requested_mask only; a deny rule refuses silently, and an audit
# deny rule with a record.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile c65 flags=(complain) {
  /proc/** r,
}
profile k65 flags=(kill) {
  /proc/** r,
}
profile a65 {
  /proc/** r,
  audit signal (send) set=(usr1) peer=unconfined,
  deny signal (send) set=(usr2) peer=unconfined,
  audit deny signal (send) set=(hup) peer=unconfined,
  audit ptrace (read) peer=unconfined,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

hold -
u=$pid

expect_op "kill ok" c65 kill $u 15
sig_record c65 send term unconfined ALLOWED
expect_op "read ok" c65 read $u
ptrace_record c65 read unconfined ALLOWED

expect_op "kill EACCES" k65 kill $u 15
sig_record k65 send term unconfined KILLED
expect_op "read EACCES" k65 read $u
ptrace_record k65 read unconfined KILLED

expect_op "kill ok" a65 kill $u 10
expect_record 'profile="a65" pid=' \
	'apparmor="AUDIT" operation="signal" class="signal" profile="a65" pid=N comm="ipcop" requested_mask="send" signal=usr1 peer="unconfined"' \
	"an audit rule's record"
expect_op "kill EACCES" a65 kill $u 12
expect_op "kill EACCES" a65 kill $u 1
sig_record a65 send hup unconfined
expect_no_record 'signal=usr2 peer="unconfined"'
expect_op "read ok" a65 read $u
expect_record 'operation="ptrace" class="ptrace" profile="a65"' \
	'apparmor="AUDIT" operation="ptrace" class="ptrace" profile="a65" pid=N comm="ipcop" requested_mask="read" peer="unconfined"' \
	"an audited ptrace read"
expect_ok kill -0 $u
true
