# File open (mediation.md 1.3, 2.3, 2.4, 2.6): the open mode asks for r,
# w, a (O_APPEND instead of w), w (O_TRUNC) and c (O_CREAT); each is
# allowed by the rule written for it and denied with EACCES otherwise.
# Directories are named with a trailing '/' (with O_DIRECTORY or not).
# The O_APPEND quirk: an `a` rule lets open(O_WRONLY|O_APPEND) pass, but
# write(2) asks for w and is denied as file_perm. DENIED records carry
# every field of 13.2/13.3 in order.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$D/dir" "$D/nodir" || fatal "mkdir $D"
for f in r w a n; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t39 {
  $D/r r,
  $D/w w,
  $D/a a,
  $D/new w,
  $D/dir/ r,
}
P
apparmor_parser -r "$T/p" || fatal "loading t39 failed"

f() { aa-exec -p t39 -- fop "$@"; }
# r: read only
expect_fop "open ok; read 'data\n'" f open "$D/r" r read
expect_fop "open EACCES" f open "$D/r" w
expect_fop "open EACCES" f open "$D/r" rt
# w: also append, truncate, create of an existing file; never read
expect_fop "open ok; write ok" f open "$D/w" w write x
expect_fop "open ok; write ok" f open "$D/w" wa write y
expect_fop "open ok" f open "$D/w" wt
expect_fop "open ok" f open "$D/w" wc
expect_fop "open EACCES" f open "$D/w" r
expect_fop "open EACCES" f open "$D/w" rw
# a: O_APPEND passes open, the write is denied (quirk); nothing else
expect_fop "open ok; write EACCES" f open "$D/a" wa write z
expect_eq "$(cat "$D/a")" "data" "the denied append wrote nothing"
expect_fop "open EACCES" f open "$D/a" w
expect_fop "open EACCES" f open "$D/a" wat
expect_fop "open EACCES" f open "$D/a" wac
# no rule
expect_fop "open EACCES" f open "$D/n" r
# O_CREAT of a new file under w
expect_fop "open ok; write ok" f open "$D/new" wcx write new
expect_eq "$(cat "$D/new" 2>&1)" "new" "the file created under w"
# directories: "$D/dir/ r" covers the open with and without O_DIRECTORY
expect_fop "open ok; readdir ok" f open "$D/dir" rd readdir
expect_fop "open ok; readdir ok" f open "$D/dir/" r readdir
expect_fop "open EACCES" f open "$D/nodir" rd

# records, field by field
run f pid open "$D/n" rw
pid=$(echo "$out" | sed -n 's/^pid //p')
expect_record "name=\"$D/n\" pid=$pid " \
	"apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"t39\" name=\"$D/n\" pid=$pid comm=\"fop\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=0 ouid=0" \
	"O_RDWR without a rule"
expect_record "name=\"$D/r\"" \
	"apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"t39\" name=\"$D/r\" pid=N comm=\"fop\" requested_mask=\"w\" denied_mask=\"w\" fsuid=0 ouid=0" \
	"O_TRUNC asks for w (only the denied bits are listed)"
expect_record "operation=\"file_perm\" class=\"file\" profile=\"t39\" name=\"$D/a\"" \
	"apparmor=\"DENIED\" operation=\"file_perm\" class=\"file\" profile=\"t39\" name=\"$D/a\" pid=N comm=\"fop\" requested_mask=\"w\" denied_mask=\"w\" fsuid=0 ouid=0" \
	"write(2) on an O_APPEND descriptor asks for w"
expect_eq "$(aa_records "name=\"$D/a\"" | sed 's/.* requested_mask=//' | tr '\n' ' ')" \
	'"w" denied_mask="w" fsuid=0 ouid=0 "w" denied_mask="w" fsuid=0 ouid=0 "w" denied_mask="w" fsuid=0 ouid=0 "c" denied_mask="c" fsuid=0 ouid=0 ' \
	"records of $D/a: write, O_WRONLY, O_TRUNC, O_CREAT"
expect_record "name=\"$D/nodir/\"" \
	"apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"t39\" name=\"$D/nodir/\" pid=N comm=\"fop\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0" \
	"a directory is named with a trailing /"
expect_eq "$(aa_records "name=\"$D/w\"" | grep -c 'requested_mask="r"')/$(aa_records "name=\"$D/w\"" | wc -l)" \
	"2/2" "the records of $D/w: only the two denied reads"
expect_no_record "name=\"$D/new\"" "an allowed create is not logged"
true
