# The global audit parameter on file accesses (mediation.md 12.2, KI 2):
# noquiet logs the denials of quiet deny rules; all logs every allowed
# access as AUDIT; quiet_denied drops DENIED records; quiet drops every
# record, also those of audit rules. Decisions do not change.
. /tests/lib.sh

audit_burst
on_exit policy_reset
on_exit 'fsop write "$PARAMS/audit" normal'
D=$T/d
mkdir "$D" || fatal "mkdir $D"
for f in g dn au n1 n2 n3; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t49 {
  $D/g r,
  $D/dn r,
  deny $D/dn w,
  audit $D/au r,
}
P
apparmor_parser -r "$T/p" || fatal "loading t49 failed"

f() { aa-exec -p t49 -- fop "$@"; }
mode() {
	fsop write "$PARAMS/audit" "$1" || fail "setting audit=$1"
}
rec() { # TYPE NAME MASKS
	expect_record "apparmor=\"$1\" operation=\"open\" class=\"file\" profile=\"t49\" name=\"$2\"" \
		"apparmor=\"$1\" operation=\"open\" class=\"file\" profile=\"t49\" name=\"$2\" pid=N comm=\"fop\" $3 fsuid=0 ouid=0" \
		"$1 record of $2 ($m)"
}

m=noquiet
mode $m
expect_fop "open EACCES" f open "$D/dn" w
rec DENIED "$D/dn" 'requested_mask="w" denied_mask="w"'

m=all
mode $m
expect_fop "open ok" f open "$D/g" r
rec AUDIT "$D/g" 'requested_mask="r"'

m=quiet_denied
mode $m
expect_fop "open EACCES; open ok" f open "$D/n1" r open "$D/au" r
m=quiet
mode $m
expect_fop "open EACCES; open ok" f open "$D/n2" r open "$D/au" r
m=normal
mode $m
expect_fop "open EACCES" f open "$D/n3" r
rec DENIED "$D/n3" 'requested_mask="r" denied_mask="r"'
# n3's record came after the others: what was not logged by now never is
expect_no_record "name=\"$D/n1\"" "quiet_denied: no DENIED record"
expect_no_record "name=\"$D/n2\"" "quiet: no DENIED record"
expect_eq "$(aa_records "name=\"$D/au\"" | wc -l)" 1 \
	"the audit rule is logged under quiet_denied, not under quiet"
expect_eq "$(aa_records "name=\"$D/g\"" | wc -l)" 1 "AUDIT records only under all"
true
