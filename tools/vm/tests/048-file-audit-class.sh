# boot: apparmor.audit_class=N
# tags: rampart-extension
# host-check: parse-records.py
# audit_class=N (Rampart's decision in spec/README.md): file records lack
# the ` class="file"` field and are otherwise as stock 6.12 writes them,
# so that Debian's libapparmor 3.0.8 parses them. The records are printed
# as "record: LINE" for the host-side check (tools/vm/host/
# parse-records.py), which feeds them to python3-libapparmor.
. /tests/lib.sh

expect_content "$PARAMS/audit_class" 'N\n' "audit_class set at boot"
audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" || fatal "mkdir $D"
for f in r a t; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t48 {
  $D/r r,
  $D/a a,
  audit $D/t r,
  link $D/l -> $D/r,
}
profile t48c flags=(complain) {
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

f() { aa-exec -p t48 -- fop "$@"; }
expect_fop "open EACCES" f open "$D/r" w
expect_fop "mkdir EACCES" f mkdir "$D/dir"
expect_fop "open ok; write EACCES" f open "$D/a" wa write x
expect_fop "link EACCES" f link "$D/t" "$D/l"
expect_fop "open ok" f open "$D/t" r
expect_fop "open ok" aa-exec -p t48c -- fop open "$D/r" r

rec() { # TYPE OP NAME MASKS [INFO [TARGET]] [PROFILE]
	_info=${5:+ info=\"$5\" error=-13}
	expect_record "operation=\"$2\"$_info profile=\"${7:-t48}\" name=\"$3\"" \
		"apparmor=\"$1\" operation=\"$2\"$_info profile=\"${7:-t48}\" name=\"$3\" pid=N comm=\"fop\" $4 fsuid=0 ouid=0${6:+ target=\"$6\"}" \
		"$1 $2 record of $3"
}
rec DENIED open "$D/r" 'requested_mask="w" denied_mask="w"'
rec DENIED mkdir "$D/dir/" 'requested_mask="c" denied_mask="c"'
rec DENIED file_perm "$D/a" 'requested_mask="w" denied_mask="w"'
rec DENIED link "$D/l" 'requested_mask="l" denied_mask="l"' "target restricted" "$D/t"
rec AUDIT open "$D/t" 'requested_mask="r"'
rec ALLOWED open "$D/r" 'requested_mask="r" denied_mask="r"' "" "" t48c
n=$(dmesg | grep -c "profile=\"t48c*\" name=\"$D/")
expect_eq "$n" 6 "six records"
expect_no_record ' class="file"' "no class field"
echo "records: $n"
dmesg | grep "profile=\"t48c*\" name=\"$D/" | sed 's/^/record: /'
true
