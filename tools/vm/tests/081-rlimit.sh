# Resource limits (mediation.md 9): entering a profile with "set rlimit"
# lowers the hard limit; a confined task may lower it further but not
# raise it past the policy value (EACCES and a setrlimit record); soft
# limits are not checked; another label's limits need sys_resource.
. /tests/lib.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile t81 {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
  capability sys_resource,
  set rlimit nofile <= 100,
}
profile t81b {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

run aa-exec -p t81 -- sh -c 'ulimit -Hn; ulimit -Sn'
expect_eq "$rc/$out" "0/100
100" "entering t81 lowers nofile to 100"
run aa-exec -p t81 -- sh -c 'ulimit -n 50 && ulimit -Hn'
expect_eq "$rc/$out" "0/50" "lowering the hard limit"
run aa-exec -p t81 -- sh -c 'ulimit -Sn 20 && ulimit -Sn'
expect_eq "$rc/$out" "0/20" "lowering the soft limit"
run aa-exec -p t81 -- sh -c 'ulimit -Hn 200'
expect_match "$rc/$out" "^[1-9]" "raising the hard limit past the policy fails"
expect_record 'operation="setrlimit" class="rlimits" profile="t81"' \
	'apparmor="DENIED" operation="setrlimit" class="rlimits" profile="t81" pid=N comm="sh" rlimit=nofile value=200' \
	"setrlimit record"
# (raising a hard limit needs sys_resource first, which t81 grants)
# a profile without rlimit rules leaves the limits alone
run aa-exec -p t81b -- sh -c 'ulimit -Hn'
expect_eq "$rc/$out" "0/$(ulimit -Hn)" "t81b keeps the hard limit"
run aa-exec -p t81b -- sh -c 'ulimit -n 100 && ulimit -Hn'
expect_eq "$rc/$out" "0/100" "t81b may lower it"
