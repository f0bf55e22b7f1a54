# Creating and deleting names (mediation.md 1.3, 2.4, 2.6): mknod (a
# FIFO, and open(O_CREAT) of a new file) and symlink ask for c on the new
# path, unlink for d; mkdir and rmdir the same on the path with a trailing
# '/', so "DIR/ w" grants them and "DIR w" does not. `w` grants c and d,
# `r` and `a` do not. The target text of a symlink is not checked.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$D/rd" "$D/rd2" || fatal "mkdir $D"
for f in u ur; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t40 {
  $D/fifo w,
  $D/fifor r,
  $D/newa a,
  $D/sub/ w,
  $D/subn w,
  $D/rd/ w,
  $D/rd2 w,
  $D/u w,
  $D/ur r,
  $D/sl w,
}
P
apparmor_parser -r "$T/p" || fatal "loading t40 failed"

f() { aa-exec -p t40 -- fop "$@"; }
expect_fop "mknod ok" f mknod "$D/fifo"
[ -p "$D/fifo" ] || fail "no FIFO made"
expect_fop "mknod EACCES" f mknod "$D/fifor"
expect_fop "open EACCES" f open "$D/newa" wac
[ -e "$D/newa" ] && fail "open(O_CREAT) under a created the file"
expect_fop "mkdir ok; rmdir ok" f mkdir "$D/sub" rmdir "$D/sub"
expect_fop "mkdir EACCES" f mkdir "$D/subn"
expect_fop "rmdir ok" f rmdir "$D/rd"
expect_fop "rmdir EACCES" f rmdir "$D/rd2"
[ -d "$D/rd2" ] || fail "the denied rmdir removed $D/rd2"
expect_fop "unlink ok" f unlink "$D/u"
expect_fop "unlink EACCES" f unlink "$D/ur"
[ -f "$D/ur" ] || fail "the denied unlink removed $D/ur"
# the symlink's target text is not checked, only the new name
expect_fop "symlink ok" f symlink /etc/shadow "$D/sl"
expect_eq "$(readlink "$D/sl")" /etc/shadow "symlink made"
expect_fop "symlink EACCES" f symlink "$D/sl" "$D/sl2"

rec() { # OP NAME MASK
	expect_record "operation=\"$1\" class=\"file\" profile=\"t40\" name=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"file\" profile=\"t40\" name=\"$2\" pid=N comm=\"fop\" requested_mask=\"$3\" denied_mask=\"$3\" fsuid=0 ouid=0" \
		"$1 record"
}
rec mknod "$D/fifor" c
rec mknod "$D/newa" c
rec mkdir "$D/subn/" c
rec rmdir "$D/rd2/" d
rec unlink "$D/ur" d
rec symlink "$D/sl2" c
expect_eq "$(aa_records "profile=\"t40\"" | wc -l)" 6 "t40: one record per denial"
true
