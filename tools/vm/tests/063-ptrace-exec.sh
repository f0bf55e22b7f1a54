# A traced task changes domain at exec only if its confined tracer may
# trace the new label (mediation.md 3.1 step 4; conformance 210): the exec
# fails with EACCES and an exec record with info "ptrace prevents
# transition", after the ptrace records of the check. A tracer allowed to
# trace the new label lets the exec through. change_profile and onexec
# requests of a traced task are checked the same way when written
# (mediation.md 4.2 step 3), and so is change_hat (4.1): a refused hat
# is logged as a change_hat record with the same info.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile t63 {
  /proc/** rw,
  /usr/local/bin/auxv rix,
  ptrace peer=@{profile_name},
  ptrace (trace) peer=e63,
  change_profile -> e63,
  change_profile -> n63,
  ptrace (trace) peer=t63//h63ok,
  ^h63ok {
    ptrace (tracedby) peer=t63,
  }
  ^h63no {
  }
}
profile e63 {
  /usr/local/bin/auxv r,
  /proc/** r,
  ptrace (tracedby) peer=t63,
}
profile n63 {
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

run as t63 ipcop tracedexec e63 /usr/local/bin/auxv
expect_eq "$rc" 0 "traced exec into e63: $out"
expect_match "$out" 'label=e63 \(enforce\)' "the traced exec entered e63"
run as t63 ipcop tracedexec n63 /usr/local/bin/auxv
expect_eq "$out" "exec EACCES" "traced exec into n63"
ptrace_record t63 trace n63
expect_record 'info="ptrace prevents transition"' \
	'apparmor="DENIED" operation="exec" class="file" info="ptrace prevents transition" error=-13 profile="t63" name="/usr/local/bin/auxv" pid=N comm="ipcop" requested_mask="x" denied_mask="x" fsuid=0 ouid=0 target="n63"' \
	"the exec record"
# requests written while traced
expect_op "current ok" t63 tracedchange current e63
expect_op "exec ok" t63 tracedchange exec e63
expect_op "current EACCES" t63 tracedchange current n63
expect_op "exec EACCES" t63 tracedchange exec n63
# only the ptrace check's records tell of those two
ptrace_record n63 tracedby t63
# a hat: the tracer (t63) may trace t63//h63ok, not t63//h63no
expect_op "hat ok" t63 tracedchange hat h63ok
expect_op "hat EACCES" t63 tracedchange hat h63no
ptrace_record t63 trace t63//h63no
expect_record 'operation="change_hat" class="file" info="ptrace prevents' \
	'apparmor="DENIED" operation="change_hat" class="file" info="ptrace prevents transition" error=-13 profile="t63" pid=N comm="ipcop"' \
	"the change_hat record"
expect_no_record 'profile="t63" name="n63"'
expect_no_record 'profile="t63" name="e63"'
true
