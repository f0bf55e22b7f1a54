# Profile modes on file denials (mediation.md 0.4, 12.2, checklist 23):
# complain allows and logs ALLOWED (an explicit quiet deny rule is still
# enforced, an audit deny is allowed and logged); kill fails the access,
# logs KILLED and the task dies of SIGKILL (status 137), but a quiet deny
# only fails; the global mode parameter set to complain makes an enforce
# profile allow and log ALLOWED while attr/current still shows (enforce).
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" || fatal "mkdir $D"
for f in f g dn ad e; do echo data > "$D/$f"; done
cat > "$T/p" <<P
profile t46c flags=(complain) {
  $D/g r,
  deny $D/dn w,
  audit deny $D/ad w,
}
profile t46k flags=(kill) {
  $D/g r,
  deny $D/dn w,
}
profile t46e {
  $D/g r,
  deny $D/dn w,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

# complain
expect_fop "open ok; write ok; open EACCES; open ok; mkdir ok" \
	aa-exec -p t46c -- fop open "$D/f" w write C open "$D/dn" w open "$D/ad" w mkdir "$D/newdir"
expect_eq "$(cat "$D/f")" "Cata" "the complain-mode write happened"
[ -d "$D/newdir" ] || fail "the complain-mode mkdir did not happen"
expect_eq "$(aa-exec -p t46c -- cat /proc/self/attr/current)" "t46c (complain)" "complain label"

# kill: the quiet deny only fails, the unruled read kills
run aa-exec -p t46k -- fop open "$D/g" r open "$D/dn" w open "$D/f" r open "$D/g" r
expect_eq "$rc/$out" "137/open ok
open EACCES" "kill mode: SIGKILL at the first logged denial"

# global complain
fsop write "$PARAMS/mode" complain || fatal "setting mode=complain"
on_exit 'fsop write "$PARAMS/mode" enforce'
expect_fop "open ok; write ok; open EACCES" aa-exec -p t46e -- fop open "$D/e" w write E open "$D/dn" w
expect_eq "$(cat "$D/e")" "Eata" "the write under mode=complain happened"
expect_eq "$(aa-exec -p t46e -- cat /proc/self/attr/current)" "t46e (enforce)" \
	"attr/current under mode=complain"
fsop write "$PARAMS/mode" enforce
expect_fop "open EACCES" aa-exec -p t46e -- fop open "$D/e" w

rec() { # TYPE PROFILE NAME MASK [OP]
	expect_record "apparmor=\"$1\" operation=\"${5:-open}\" class=\"file\" profile=\"$2\" name=\"$3\"" \
		"apparmor=\"$1\" operation=\"${5:-open}\" class=\"file\" profile=\"$2\" name=\"$3\" pid=N comm=\"fop\" requested_mask=\"$4\" denied_mask=\"$4\" fsuid=0 ouid=0" \
		"$1 record of $3"
}
rec ALLOWED t46c "$D/f" w
rec ALLOWED t46c "$D/ad" w
rec ALLOWED t46c "$D/newdir/" c mkdir
rec KILLED t46k "$D/f" r
rec ALLOWED t46e "$D/e" w
rec DENIED t46e "$D/e" w
expect_no_record "name=\"$D/dn\"" "deny rules stay quiet in every mode"
expect_no_record "name=\"$D/g\"" "allowed reads are not logged"
true
