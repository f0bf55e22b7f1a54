# Immediate label changes through procattr (KI 5.4, 6.3-6.5, 8; mediation
# 4.2, 4.3, 4.5, 4.7): "changeprofile", "permprofile" and "stack" written to
# attr/current (legacy and apparmor/ directory) from unconfined and from a
# confined profile with and without a change_profile rule; unknown labels
# (ENOENT), malformed commands and empty labels (EINVAL); the rendering of
# stacks in procattr and lsm_get_self_attr.
. /tests/lib.sh

on_exit policy_reset
cat > "$T/p.profile" <<'P'
profile t26a {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  change_profile -> t26b,
  change_profile -> &t26d,
}
profile t26b {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
profile t26c {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
profile t26d flags=(complain) {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

# change CMD [ATTR-FILE] -- in one shell: write CMD to attr/current (or
# ATTR-FILE), then print the label read back, or "write failed".
change() {
	sh -c 'printf "%s" "$1" > "${2:-/proc/self/attr/current}" || exit 1
		cat /proc/self/attr/current' sh "$@"
}
# from LABEL CMD -- change to LABEL, then write CMD as above
from() {
	sh -c 'printf "changeprofile %s" "$1" > /proc/self/attr/current &&
		printf "%s" "$2" > /proc/self/attr/current || exit 1
		cat /proc/self/attr/current' sh "$@"
}
# A failing write in the shell does not say why (busybox printf is
# silent), so failures are checked with fsop run in the label:
# expect_from ERRNO LABEL CMD -- fsop writing CMD in LABEL fails with ERRNO
expect_from() {
	expect_errno "$1" sh -c 'printf "changeprofile %s" "$1" > /proc/self/attr/current &&
		exec fsop write /proc/self/attr/current "$2"' sh "$2" "$3"
}

# --- from unconfined ---------------------------------------------------------
run change 'changeprofile t26a'
expect_eq "$rc/$out" "0/t26a (enforce)" "changeprofile t26a from unconfined"
run change 'changeprofile t26a' /proc/self/attr/apparmor/current
expect_eq "$rc/$out" "0/t26a (enforce)" "changeprofile t26a through apparmor/current"
run sh -c 'printf "changeprofile t26b\n" > /proc/self/attr/apparmor/current &&
	cat /proc/self/attr/apparmor/current'
expect_eq "$rc/$out" "0/t26b (enforce)" "changeprofile with a trailing newline"
run change 'changeprofile    t26b   '
expect_eq "$rc/$out" "0/t26b (enforce)" "changeprofile with extra spaces"
run change 'permprofile t26a'
expect_eq "$rc/$out" "0/unconfined" "permprofile t26a from unconfined (changes nothing)"
run change 'changeprofile t26d'
expect_eq "$rc/$out" "0/t26d (complain)" "changeprofile to a complain profile"
run change 'changeprofile unconfined'
expect_eq "$rc/$out" "0/unconfined" "changeprofile unconfined from unconfined"

# Stacking onto unconfined keeps the namespace's unconfined profile as a
# component, sorted by name like any other and printed as "unconfined";
# the mode comes from the confined component alone (stock 6.12; KI 6.5
# implies it, 8 does not say).
run change 'stack t26b'
expect_eq "$rc/$out" "0/t26b//&unconfined (enforce)" "stack t26b from unconfined"
run change 'changeprofile &t26b'
expect_eq "$rc/$out" "0/t26b//&unconfined (enforce)" "changeprofile &t26b from unconfined"
# A stack written in one go, rendered in canonical order (by name), and
# the mode "mixed" when the components' modes differ.
run change 'changeprofile t26c//&t26a'
expect_eq "$rc/$out" "0/t26a//&t26c (enforce)" "changeprofile t26c//&t26a"
run change 'changeprofile t26d//&t26b'
expect_eq "$rc/$out" "0/t26b//&t26d (mixed)" "changeprofile t26d//&t26b"
run change 'changeprofile t26a//&t26a'
expect_eq "$rc/$out" "0/t26a (enforce)" "a stack of one profile twice"

# unknown labels: ENOENT, label unchanged
for l in nosuch 't26a//&nosuch' ':nosuchns:t26a' 't26a//nosuchchild'; do
	expect_errno ENOENT fsop write /proc/self/attr/current "changeprofile $l"
done
expect_errno ENOENT fsop write /proc/self/attr/current "permprofile nosuch"
expect_errno ENOENT fsop write /proc/self/attr/current "stack nosuch"

# malformed commands and empty labels: EINVAL
for cmd in 'changeprofile' 'changeprofile ' 'changeprofile     ' 'permprofile' \
	'stack' ' ' 'bogus t26a' 'ChangeProfile t26a' 'exec t26a' 'changeprofile&t26a' \
	'changehat' 'changehat 0^'; do
	expect_errno EINVAL fsop write /proc/self/attr/current "$cmd"
	expect_errno EINVAL fsop write /proc/self/attr/apparmor/current "$cmd"
done
# prev is not writable (root may open it, AppArmor refuses)
expect_errno EINVAL fsop write /proc/self/attr/apparmor/prev "changeprofile t26a"

# --- from a confined profile -------------------------------------------------
run from t26a 'changeprofile t26b'
expect_eq "$rc/$out" "0/t26b (enforce)" "t26a -> t26b (change_profile -> t26b)"
run from t26a 'permprofile t26b'
expect_eq "$rc/$out" "0/t26a (enforce)" "permprofile t26b from t26a"
expect_from EACCES t26a 'changeprofile t26c'
expect_from EACCES t26a 'permprofile t26c'
expect_from EACCES t26a 'changeprofile unconfined'
expect_from EACCES t26b 'changeprofile t26a'
expect_from ENOENT t26a 'changeprofile nosuch'
expect_from EINVAL t26a 'changeprofile'

# stacking needs a rule with the & marker: "change_profile -> &t26d"
# allows stacking t26d, but neither changing to it nor stacking t26b
run from t26a 'stack t26d'
expect_eq "$rc/$out" "0/t26a//&t26d (mixed)" "t26a stacking t26d"
run from t26a 'changeprofile &t26d'
expect_eq "$rc/$out" "0/t26a//&t26d (mixed)" "t26a: changeprofile &t26d"
expect_from EACCES t26a 'changeprofile t26d'
expect_from EACCES t26a 'stack t26b'
expect_from EACCES t26a 'stack t26c'
# stacking itself needs a rule too
expect_from EACCES t26a 'stack t26a'

# a stack seen through the apparmor/ directory and lsm_get_self_attr
run sh -c 'printf "changeprofile t26a" > /proc/self/attr/current &&
	printf "stack t26d" > /proc/self/attr/current &&
	cat /proc/self/attr/apparmor/current && exec lsmcall get current'
expect_eq "$rc/$out" "0/t26a//&t26d (mixed)
count=1 size=56
id=104 flags=0 len=56 ctx_len=19 ctx=t26a//&t26d (mixed)" \
	"stacked label through apparmor/current and lsm_get_self_attr"
run sh -c 'printf "changeprofile t26b" > /proc/self/attr/current && exec lsmcall get current'
expect_eq "$rc/$out" "0/count=1 size=48
id=104 flags=0 len=48 ctx_len=14 ctx=t26b (enforce)" "lsm_get_self_attr in t26b"

# another task's label: a confined process read from the unconfined shell
# (t26b allows no signals, so the sleep is killed after policy_reset)
sh -c 'printf "changeprofile t26b" > /proc/self/attr/current && exec sleep 30' &
pid=$!
on_exit "kill $pid 2>/dev/null"
i=0
while [ "$(cat /proc/$pid/attr/current)" != "t26b (enforce)" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_content /proc/$pid/attr/current 't26b (enforce)\n' "another task's attr/current"
expect_content /proc/$pid/attr/apparmor/current 't26b (enforce)\n' "another task's apparmor/current"
# and it cannot be changed from outside: /proc refuses a write to another
# task's attr file with EPERM (KI 5.3 says EACCES; stock's EPERM comes from
# the opener check, as the file holds the target's mm, not the writer's)
expect_errno EPERM fsop write /proc/$pid/attr/current "changeprofile t26a"
true
