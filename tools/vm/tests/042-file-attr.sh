# Attribute changes (mediation.md 1.3, 2.4): chmod and chown ask for the
# chmod/chown bits, truncate(2) and ftruncate(2) for write+setattr; all
# are granted by `w` and shown as w in records. ftruncate is checked on
# the path even if the descriptor was opened under the same profile (an
# O_APPEND descriptor under `a`). stat(2) (getattr) is always granted
# with 3.0.8 policy, even without a rule.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$D/dir" || fatal "mkdir $D"
for f in m mr o or tr tro ftr fta n dn; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t42 {
  $D/m w,
  $D/mr r,
  $D/o w,
  $D/or r,
  $D/tr w,
  $D/tro r,
  $D/ftr rw,
  $D/fta a,
  deny $D/dn rw,
}
P
apparmor_parser -r "$T/p" || fatal "loading t42 failed"

f() { aa-exec -p t42 -- fop "$@"; }
expect_fop "chmod ok" f chmod "$D/m" 600
expect_eq "$(stat -c %a "$D/m")" 600 "chmod done"
expect_fop "chmod EACCES" f chmod "$D/mr" 600
expect_eq "$(stat -c %a "$D/mr")" 644 "denied chmod did nothing"
# chown to the same owner: no capability needed, the hook still runs
expect_fop "chown ok" f chown "$D/o" 0:0
expect_fop "chown EACCES" f chown "$D/or" 0:0
expect_fop "truncate ok" f truncate "$D/tr" 1
expect_eq "$(stat -c %s "$D/tr")" 1 "truncated"
expect_fop "truncate EACCES" f truncate "$D/tro" 1
expect_eq "$(stat -c %s "$D/tro")" 5 "denied truncate did nothing"
expect_fop "open ok; ftruncate ok" f open "$D/ftr" rw ftruncate 2
expect_fop "open ok; ftruncate EACCES" f open "$D/fta" wa ftruncate 2
expect_eq "$(stat -c %s "$D/ftr")/$(stat -c %s "$D/fta")" "2/5" "ftruncate sizes"
# getattr: granted everywhere, even under a deny rule
expect_fop "stat ok; stat ok; stat ok; stat ok" f stat "$D/n" stat "$D/dir" stat "$D/dn" stat /etc/passwd

rec() { # OP NAME
	expect_record "operation=\"$1\" class=\"file\" profile=\"t42\" name=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"file\" profile=\"t42\" name=\"$2\" pid=N comm=\"fop\" requested_mask=\"w\" denied_mask=\"w\" fsuid=0 ouid=0" \
		"$1 of $2"
}
rec chmod "$D/mr"
rec chown "$D/or"
rec truncate "$D/tro"
rec truncate "$D/fta"
expect_eq "$(aa_records "profile=\"t42\"" | wc -l)" 4 "t42: one record per denial, none for stat"
true
