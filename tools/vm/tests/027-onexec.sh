# Label changes at the next exec (KI 5.2, 5.4, 5.5; mediation 3.5, 4.4,
# 4.5): "exec LABEL" and "stack LABEL" written to attr/exec, read back
# before the exec (EINVAL after it), from unconfined and from a confined
# profile with and without a change_profile rule, and aa-exec -p.
. /tests/lib.sh

on_exit policy_reset
cat > "$T/p.profile" <<'P'
profile t27a {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  change_profile -> t27b,
}
profile t27b {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
profile t27c flags=(complain) {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

# onexec CMD [FILE] -- in one shell: write CMD to attr/exec (or FILE), read
# attr/exec and apparmor/exec back with the builtin read (a child would
# inherit the pending change and consume it at its own exec), then exec
# auxv ("secure=N label=L").
onexec() {
	sh -c 'printf "%s" "$1" > "${2:-/proc/self/attr/exec}" || exit 1
		read -r a < /proc/self/attr/exec; echo "exec: $a"
		read -r a < /proc/self/attr/apparmor/exec; echo "apparmor/exec: $a"
		read -r a < /proc/self/attr/current; echo "current: $a"
		exec auxv' sh "$@"
}

# --- from unconfined ---------------------------------------------------------
run onexec 'exec t27a'
expect_eq "$rc/$out" "0/exec: t27a (enforce)
apparmor/exec: t27a (enforce)
current: unconfined
secure=0 label=t27a (enforce)" "exec t27a from unconfined"
run onexec 'exec t27b' /proc/self/attr/apparmor/exec
expect_eq "$rc/$out" "0/exec: t27b (enforce)
apparmor/exec: t27b (enforce)
current: unconfined
secure=0 label=t27b (enforce)" "exec t27b through apparmor/exec"
run onexec 'exec t27c'
expect_eq "$rc/$out" "0/exec: t27c (complain)
apparmor/exec: t27c (complain)
current: unconfined
secure=0 label=t27c (complain)" "exec to a complain profile"
# A stack from unconfined keeps the unconfined component (as in 026).
run onexec 'stack t27a'
expect_eq "$rc/$out" "0/exec: t27a (enforce)
apparmor/exec: t27a (enforce)
current: unconfined
secure=0 label=t27a//&unconfined (enforce)" "stack t27a at exec from unconfined"
run onexec 'exec &t27a'
expect_eq "$rc/$out" "0/exec: t27a (enforce)
apparmor/exec: t27a (enforce)
current: unconfined
secure=0 label=t27a//&unconfined (enforce)" "exec &t27a from unconfined"
run onexec 'exec t27b//&t27a'
expect_eq "$rc/$out" "0/exec: t27a//&t27b (enforce)
apparmor/exec: t27a//&t27b (enforce)
current: unconfined
secure=0 label=t27a//&t27b (enforce)" "exec of a two-profile stack"

# After the exec, nothing is pending: reads fail with EINVAL and
# lsm_get_self_attr(LSM_ATTR_EXEC) with ENOENT.
for f in /proc/self/attr/exec /proc/self/attr/apparmor/exec; do
	run sh -c 'printf "exec t27a" > /proc/self/attr/exec && exec fsop read "$1"' sh $f
	expect_match "$rc/$out" '^1/.*EINVAL' "$f after the exec"
done
run sh -c 'printf "exec t27a" > /proc/self/attr/exec && exec lsmcall get exec'
expect_match "$rc/$out" '^1/.*ENOENT' "lsm_get_self_attr(EXEC) after the exec"
# A pending change is per task and inherited by fork: a child that execs
# consumes its copy, the parent keeps its own.
run sh -c 'printf "exec t27a" > /proc/self/attr/exec && auxv &&
	read -r a < /proc/self/attr/exec && echo "parent: $a"'
expect_eq "$rc/$out" "0/secure=0 label=t27a (enforce)
parent: t27a (enforce)" "onexec inherited by a child"
# A failed exec leaves it armed.
run sh -c 'printf "exec t27a" > /proc/self/attr/exec; /nonexistent 2>/dev/null; exec auxv'
expect_eq "$rc/$out" "0/secure=0 label=t27a (enforce)" "onexec after a failed exec"

# errors at the write
expect_errno ENOENT fsop write /proc/self/attr/exec "exec nosuch"
expect_errno ENOENT fsop write /proc/self/attr/exec "stack nosuch"
expect_errno ENOENT fsop write /proc/self/attr/exec "exec t27a//&nosuch"
for cmd in 'exec' 'exec ' 'stack' 'bogus t27a' 'changeprofile t27a' 'permprofile t27a' \
	'changehat 1^h' 'Exec t27a'; do
	expect_errno EINVAL fsop write /proc/self/attr/exec "$cmd"
	expect_errno EINVAL fsop write /proc/self/attr/apparmor/exec "$cmd"
done

# --- from a confined profile -------------------------------------------------
# from LABEL CMD -- change to LABEL now, write CMD to attr/exec, exec auxv
from() {
	sh -c 'printf "changeprofile %s" "$1" > /proc/self/attr/current &&
		printf "%s" "$2" > /proc/self/attr/exec || exit 1
		exec auxv' sh "$@"
}
# expect_from ERRNO LABEL CMD -- fsop writing CMD to attr/exec in LABEL
# fails with ERRNO
expect_from() {
	expect_errno "$1" sh -c 'printf "changeprofile %s" "$1" > /proc/self/attr/current &&
		exec fsop write /proc/self/attr/exec "$2"' sh "$2" "$3"
}
# With a rule the exec is a secure one (the change_profile rule is not
# marked unsafe).
run from t27a 'exec t27b'
expect_eq "$rc/$out" "0/secure=1 label=t27b (enforce)" "t27a -> t27b at exec (rule)"
expect_from EACCES t27a 'exec t27c'
expect_from EACCES t27a 'exec unconfined'
expect_from EACCES t27b 'exec t27a'
expect_from EACCES t27a 'stack t27b'
expect_from ENOENT t27a 'exec nosuch'
expect_from EINVAL t27a 'exec'

# --- aa-exec -----------------------------------------------------------------
run aa-exec -p t27a -- auxv
expect_eq "$rc/$out" "0/secure=0 label=t27a (enforce)" "aa-exec -p t27a"
run aa-exec -p t27c -- auxv
expect_eq "$rc/$out" "0/secure=0 label=t27c (complain)" "aa-exec -p t27c"
run aa-exec -p 't27a//&t27c' -- auxv
expect_eq "$rc/$out" "0/secure=0 label=t27a//&t27c (mixed)" "aa-exec -p t27a//&t27c"
run aa-exec -p '&t27a' -- auxv
expect_eq "$rc/$out" "0/secure=0 label=t27a//&unconfined (enforce)" "aa-exec -p &t27a"
# (aa-exec turns ENOENT and EACCES from the write into these messages)
run aa-exec -p nosuch -- auxv
expect_match "$rc/$out" "^1/.*profile 'nosuch' does not exist" "aa-exec -p nosuch"
# aa-exec inside a profile, through the profile's rule
run aa-exec -p t27a -- aa-exec -p t27b -- auxv
expect_eq "$rc/$out" "0/secure=1 label=t27b (enforce)" "aa-exec -p t27b in t27a"
run aa-exec -p t27a -- aa-exec -p t27c -- auxv
expect_match "$rc/$out" "^1/.*insufficient permissions to change to the profile 't27c'" \
	"aa-exec -p t27c in t27a (no rule)"

# --- libapparmor: aa_change_onexec, aa_stack_onexec --------------------------
run hat onexec t27a exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/onexec t27a: ok
secure=0 label=t27a (enforce)" "aa_change_onexec(t27a) from unconfined"
run hat stackexec t27a exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/stackexec t27a: ok
secure=0 label=t27a//&unconfined (enforce)" "aa_stack_onexec(t27a) from unconfined"
run hat onexec nosuch exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/onexec nosuch: ENOENT
secure=0 label=unconfined" "aa_change_onexec(nosuch)"
run hat profile t27a onexec t27b exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/profile t27a: ok
onexec t27b: ok
secure=1 label=t27b (enforce)" "aa_change_onexec(t27b) in t27a (rule)"
run hat profile t27a onexec t27c exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/profile t27a: ok
onexec t27c: EACCES
secure=0 label=t27a (enforce)" "aa_change_onexec(t27c) in t27a (no rule)"
run hat profile t27a stackexec t27b exec /usr/local/bin/auxv
expect_eq "$rc/$out" "0/profile t27a: ok
stackexec t27b: EACCES
secure=0 label=t27a (enforce)" "aa_stack_onexec(t27b) in t27a (no stack rule)"
true
