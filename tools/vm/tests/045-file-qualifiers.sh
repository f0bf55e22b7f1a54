# Rule qualifiers (mediation.md 2.2, 12.1, 12.2): an `owner` rule applies
# when the caller's fsuid owns the object (records show fsuid and ouid);
# for a create the caller is always the owner. `deny` overrides an allow
# rule and is silent; `audit deny` is logged; an `audit` allow rule logs
# an AUDIT record listing only the audited bits.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$D/own" || fatal "mkdir $D"
chmod 755 "$T"
chmod 777 "$D" "$D/own"
for f in o1 o2 dn ad au own/rootfile; do echo data > "$D/$f"; done
chown 65534:65534 "$D/o2"
chmod 666 "$D/o1" "$D/o2"
cat > "$T/p" <<P
profile t45 {
  owner $D/o* rw,
  $D/* r,
  owner $D/own/** w,
  $D/dn rw,
  deny $D/dn w,
  $D/ad rw,
  audit deny $D/ad w,
  audit $D/au r,
}
P
apparmor_parser -r "$T/p" || fatal "loading t45 failed"

f() { aa-exec -p t45 -- fop "$@"; }
n() { as_nobody aa-exec -p t45 -- fop "$@"; }
# owner: root owns o1, nobody owns o2; both may read through "$D/* r"
expect_fop "open ok; open EACCES; open ok" f open "$D/o1" w open "$D/o2" w open "$D/o2" r
expect_fop "open EACCES; open ok; open ok" n open "$D/o1" w open "$D/o2" w open "$D/o1" r
# creating: the caller owns the new name; deleting: the inode owner counts
expect_fop "mkdir ok; open ok; unlink EACCES" n mkdir "$D/own/x" open "$D/own/y" wc unlink "$D/own/rootfile"
expect_eq "$(stat -c %u "$D/own/x")/$(stat -c %u "$D/own/y")" "65534/65534" "nobody made x and y"
# deny beats allow, silently; audit deny is logged; audit allow is logged
expect_fop "open ok; open EACCES" f open "$D/dn" r open "$D/dn" w
expect_fop "open ok; open EACCES" f open "$D/ad" r open "$D/ad" w
expect_fop "open ok; open ok" f open "$D/au" r open "$D/au" r

rec() { # TYPE NAME MASKS FSUID OUID [OP]
	expect_record "operation=\"${6:-open}\" class=\"file\" profile=\"t45\" name=\"$2\"" \
		"apparmor=\"$1\" operation=\"${6:-open}\" class=\"file\" profile=\"t45\" name=\"$2\" pid=N comm=\"fop\" $3 fsuid=$4 ouid=$5" \
		"$1 record of $2"
}
rec DENIED "$D/o2" 'requested_mask="w" denied_mask="w"' 0 65534
rec DENIED "$D/o1" 'requested_mask="w" denied_mask="w"' 65534 0
rec DENIED "$D/own/rootfile" 'requested_mask="d" denied_mask="d"' 65534 0 unlink
rec DENIED "$D/ad" 'requested_mask="w" denied_mask="w"' 0 0
rec AUDIT "$D/au" 'requested_mask="r"' 0 0
expect_eq "$(aa_records "name=\"$D/au\"" | wc -l)" 2 "one AUDIT record per audited open"
expect_no_record "name=\"$D/dn\"" "a deny rule is quiet"
expect_no_record "name=\"$D/own/x" "the owner create is allowed"
true
