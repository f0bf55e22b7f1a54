# Open files are revalidated when used under another label (mediation.md
# 2.8, 2.9, KI 4.10):
#  - a descriptor opened unconfined is usable after change_profile
#    (delegation), also across exec and over SCM_RIGHTS;
#  - one opened in profile A is checked against profile B on read/write
#    (file_perm; once a use passes, B joins the file's label and later
#    uses within the bits granted at open are not checked again), on SCM_RIGHTS receipt (file_receive: the descriptor is
#    dropped and the message flagged MSG_CTRUNC) and on exec into B
#    (file_inherit): the descriptor is replaced by one on .null, or closed
#    when B cannot open .null (without attach_disconnected its name is the
#    disconnected "apparmor/.null");
#  - read/write on .null fails with EACCES even unconfined, unlogged.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" "$T/b" "$T/b2" || fatal "mkdir"
for f in f g g2; do echo data > "$D/$f"; done
cp /usr/local/bin/fop "$T/b/fop" && cp /usr/local/bin/fop "$T/b2/fop" || fatal "cp fop"
cat > "$T/p" <<P
profile t44a {
  $D/* rw,
  $T/b/fop px -> t44b,
  $T/b2/fop px -> t44c,
  change_profile -> t44b,
  network unix,
}
profile t44b {
  $D/g* r,
  $T/b/fop rm,
  network unix,
}
profile t44c flags=(attach_disconnected) {
  $D/g r,
  $T/b2/fop rm,
  /apparmor/.null rw,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

# delegation: opened unconfined, used in t44b which has no rule for f
expect_fop "open ok; changeprofile ok; write ok; read 'ata\n'" \
	fop open "$D/f" rw changeprofile t44b write X read
# opened in t44a, used in t44b
expect_fop "changeprofile ok; open ok; changeprofile ok; read EACCES; write EACCES" \
	fop changeprofile t44a open "$D/f" rw changeprofile t44b read write Y
expect_fop "changeprofile ok; open ok; changeprofile ok; write EACCES; read 'data\n'" \
	fop changeprofile t44a open "$D/g" rw changeprofile t44b write Y read
expect_eq "$(cat "$D/f")/$(cat "$D/g")" "Xata/data" "the denied writes wrote nothing"
# the read passes in t44b and adds it to the file's label; the write is
# then within what the open in t44a granted: not checked (2.8 rules 3, 5)
expect_fop "changeprofile ok; open ok; changeprofile ok; read 'data\n'; write ok" \
	fop changeprofile t44a open "$D/g2" rw changeprofile t44b read write Y
expect_eq "$(cat "$D/g2")" "data
Y" "the write after the read"

# exec into t44b: fd 7 (f) fails revalidation and is closed, since t44b
# cannot open .null; fd 8 (g, readable in t44b) stays
expect_fop "changeprofile ok; open ok; dup ok; open ok; dup ok; fd EBADF; fd ok; read 'data\n'" \
	fop changeprofile t44a open "$D/f" r dup 7 open "$D/g" r dup 8 exec "$T/b/fop" fd 7 fd 8 read
# exec into t44c: fd 7 is replaced by .null
expect_fop "changeprofile ok; open ok; dup ok; fd ok; fdpath /apparmor/.null; read EACCES; write EACCES" \
	fop changeprofile t44a open "$D/f" rw dup 7 exec "$T/b2/fop" fd 7 fdpath read write Z
# opened unconfined: survives the exec into t44b
expect_fop "open ok; dup ok; changeprofile ok; fd ok; read 'Xata\n'" \
	fop open "$D/f" r dup 7 changeprofile t44a exec "$T/b/fop" fd 7 read

# SCM_RIGHTS from t44a to t44b (one process, both ends of a socketpair)
expect_fop "pair ok; changeprofile ok; open ok; sendfd ok; changeprofile ok; recvfd none MSG_CTRUNC" \
	fop pair changeprofile t44a open "$D/f" r sendfd changeprofile t44b recvfd
expect_fop "pair ok; changeprofile ok; open ok; sendfd ok; changeprofile ok; recvfd ok; read 'data\n'" \
	fop pair changeprofile t44a open "$D/g" r sendfd changeprofile t44b recvfd read
expect_fop "pair ok; open ok; sendfd ok; changeprofile ok; recvfd ok; read 'Xata\n'" \
	fop pair open "$D/f" r sendfd changeprofile t44b recvfd read

# .null
expect_fop "open ok; read EACCES; write EACCES" fop open "$SFS/.null" rw read write x

rec() { # OP NAME MASK PROFILE [INFO]
	_info=${5:+ info=\"$5\" error=-13}
	expect_record "operation=\"$1\" class=\"file\"$_info profile=\"$4\" name=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"file\"$_info profile=\"$4\" name=\"$2\" pid=N comm=\"fop\" requested_mask=\"$3\" denied_mask=\"$3\" fsuid=0 ouid=0" \
		"$1 of $2 in $4"
}
rec file_perm "$D/f" w t44b
rec file_perm "$D/g" w t44b
rec file_inherit "$D/f" r t44b
rec open apparmor/.null wr t44b "Failed name lookup - disconnected path"
rec file_inherit "$D/f" wr t44c
rec file_receive "$D/f" r t44b
expect_eq "$(aa_records "profile=\"t44b\" name=\"$D/" | sed 's/^.* operation="\([a-z_]*\)".* name="[^"]*\/\([^"/]*\)".* requested_mask="\([a-z]*\)".*$/\1 \2 \3/' | tr '\n' ,)" \
	"file_perm f r,file_perm f w,file_perm g w,file_inherit f r,file_receive f r," \
	"the records of $D in t44b: no more than these"
expect_no_record "name=\"/apparmor/.null\"" "use of .null is not logged"
true
