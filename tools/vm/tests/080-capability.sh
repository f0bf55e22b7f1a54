# Capabilities (mediation.md 8): a confined root task gets only the
# capabilities its profile grants (EPERM otherwise, with a "capable"
# record), audit and deny qualifiers, complain mode, and capget's view.
. /tests/lib.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile t80a {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
}
profile t80b {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
  capability chown,
}
profile t80c {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
  audit capability chown,
}
profile t80d {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
  deny capability chown,
}
profile t80e flags=(complain) {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

# chown to another uid needs CAP_CHOWN
for p in a b c d e; do
	: > "$T/f$p"
done
expect_fail aa-exec -p t80a -- chown 1000 "$T/fa"
expect_record 'profile="t80a" pid=' \
	'apparmor="DENIED" operation="capable" class="cap" profile="t80a" pid=N comm="chown" capability=0  capname="chown"' \
	"denied capability record"
expect_ok aa-exec -p t80b -- chown 1000 "$T/fb"
expect_eq "$(stat -c %u "$T/fb")" 1000 "chown with capability chown"
expect_ok aa-exec -p t80c -- chown 1000 "$T/fc"
expect_record 'profile="t80c" pid=' \
	'apparmor="AUDIT" operation="capable" class="cap" profile="t80c" pid=N comm="chown" capability=0  capname="chown"' \
	"audit capability record"
expect_fail aa-exec -p t80d -- chown 1000 "$T/fd"
expect_eq "$(stat -c %u "$T/fd")" 0 "deny capability chown"
expect_ok aa-exec -p t80e -- chown 1000 "$T/fe"
expect_record 'profile="t80e" pid=' \
	'apparmor="ALLOWED" operation="capable" class="cap" profile="t80e" pid=N comm="chown" capability=0  capname="chown"' \
	"complain capability record"
# the quiet deny: a later record, and none for t80d
expect_fail aa-exec -p t80a -- chown 1000 "$T/fa"
wait_record 'profile="t80a"'
expect_no_record 'profile="t80d"' "deny capability is quiet"

# capget (the CapEff line of /proc/self/status is not filtered, capget is)
expect_match "$(aa-exec -p t80b -- fop capget 2>&1)" '^capget effective=0x0*1 permitted=0x0*1' \
	"capget in t80b shows only chown"
expect_match "$(aa-exec -p t80e -- fop capget 2>&1)" '^capget effective=0x[0-9a-f]*f permitted=' \
	"capget in complain mode is not filtered"
