# rename and link (mediation.md 1.3, 2.4, 2.5): a rename asks for rw on
# the source (rename_src: read, getattr, write, setattr, delete) and w on
# the destination (rename_dest: write, setattr, create), for files and
# directories alike. A hard link asks for l on the new name: `l` alone
# links to anything the new name grants no more than; `rwl` needs rw on
# the target (the missing bits are listed, with target=); `link A -> B`
# allows only target B; `link subset A -> B` needs A's other
# permissions on B. Records of link carry target= last.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$D/da" || fatal "mkdir $D"
for f in s1 s2 s3 s4 t t2 t3; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t41 {
  $D/s1 rw,
  $D/s2 r,
  $D/s3 rw,
  $D/s4 rw,
  $D/dst w,
  $D/dstr r,
  $D/da/ rw,
  $D/db/ w,
  $D/t r,
  $D/t3 rw,
  $D/l1 l,
  $D/l2 rwl,
  link $D/l3 -> $D/t,
  link $D/l5 -> $D/t,
  $D/l6 rw,
  link subset $D/l6 -> $D/t*,
}
P
apparmor_parser -r "$T/p" || fatal "loading t41 failed"

f() { aa-exec -p t41 -- fop "$@"; }
# rename: source rw, destination w
expect_fop "rename ok" f rename "$D/s1" "$D/dst"
expect_eq "$(cat "$D/dst")" data "renamed"
expect_fop "rename EACCES" f rename "$D/s2" "$D/dst2"
expect_fop "rename EACCES" f rename "$D/s2" "$D/dst"
expect_fop "rename EACCES" f rename "$D/dst" "$D/s3"
expect_fop "rename EACCES" f rename "$D/s4" "$D/dstr"
[ -f "$D/s4" ] && [ ! -e "$D/dstr" ] || fail "the denied rename moved $D/s4"
expect_fop "rename ok" f rename "$D/da" "$D/db"
[ -d "$D/db" ] || fail "directory not renamed"

# link NEW-NAME rules
expect_fop "link ok" f link "$D/t" "$D/l1"
expect_fop "link EACCES" f link "$D/t" "$D/l2"
expect_fop "link ok" f link "$D/t" "$D/l3"
expect_fop "link EACCES" f link "$D/t2" "$D/l5"
expect_fop "link EACCES" f link "$D/t" "$D/l4"
expect_fop "link EACCES" f link "$D/t" "$D/l6"
expect_fop "link ok" f link "$D/t3" "$D/l6"
expect_eq "$(stat -c %h "$D/t")/$(stat -c %h "$D/t3")" "3/2" "link counts"

rec() { # OP NAME MASK [TARGET [INFO]]
	_info=${5:+ info=\"$5\" error=-13}
	expect_record "operation=\"$1\" class=\"file\"$_info profile=\"t41\" name=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"file\"$_info profile=\"t41\" name=\"$2\" pid=N comm=\"fop\" requested_mask=\"$3\" denied_mask=\"$3\" fsuid=0 ouid=0${4:+ target=\"$4\"}" \
		"$1 of $2"
}
rec rename_src "$D/s2" wd
rec rename_src "$D/dst" r
rec rename_dest "$D/dstr" wc
# the subset failures list the bits the target lacks, with no info
rec link "$D/l2" wacd "$D/t"
rec link "$D/l5" l "$D/t2" "target restricted"
rec link "$D/l4" l "$D/t"
rec link "$D/l6" wacd "$D/t"
true
