# change_hat and friends through Debian's libapparmor (KI 5.4, 5.5;
# mediation 4.1-4.3, 4.7) with the hat helper: entering a hat (its rules
# apply, prev shows the pre-hat label), a sibling hat with the same token,
# return with the right token; a wrong token kills the task (SIGKILL);
# unconfined (EPERM), unknown hat (ENOENT), no hats at all (ECHILD), a
# child that is not a hat (EPERM); aa_change_profile and aa_stack_profile
# with and without rules; aa_getcon.
. /tests/lib.sh

on_exit policy_reset
cat > "$T/p.profile" <<'P'
profile t31 {
  /** rwlkm,
  change_profile -> t31b,
  change_profile -> &t31c,
  ^h1 {
    /proc/** rw,
    /tmp/** rw,
  }
  ^h2 {
    /proc/** rw,
    /etc/hostname r,
  }
  profile notahat {
    /** rwlkm,
  }
}
profile t31b {
  /** rwlkm,
}
profile t31c {
  /** rwlkm,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

# The hat's own file rules show only where files are mediated (features/file).
h1read=EACCES
[ -d "$SFS/features/file" ] || { note "no file mediation: the hat's read is allowed"; h1read=ok; }
run aa-exec -p t31 -- hat getcon change h1 0x1234 getcon prev read /etc/hostname \
	change h2 0x1234 getcon prev read /etc/hostname return 0x1234 getcon prev \
	read /etc/hostname
expect_eq "$rc/$out" "0/getcon: t31 (enforce)
change h1 0x1234: ok
getcon: t31//h1 (enforce)
prev: t31 (enforce)
read /etc/hostname: $h1read
change h2 0x1234: ok
getcon: t31//h2 (enforce)
prev: t31 (enforce)
read /etc/hostname: ok
return 0x1234: ok
getcon: t31 (enforce)
prev: EINVAL
read /etc/hostname: ok" "hat h1, sibling h2, return"

# permhat tests a change_hat without making it (all shell builtins: t31
# may not exec)
run aa-exec -p t31 -- sh -c 'printf "permhat 0000000000000001^h1" > /proc/self/attr/current &&
	echo yes; read l < /proc/self/attr/current; echo "$l"
	printf "permhat 0000000000000001^nosuch" > /proc/self/attr/current 2>/dev/null || echo no'
expect_eq "$rc/$out" "0/yes
t31 (enforce)
no" "permhat of an existing and of an unknown hat"

# A wrong token to return or to change to a sibling kills the task.
run aa-exec -p t31 -- hat change h1 5 return 6 getcon
expect_eq "$rc/$out" "137/change h1 5: ok
return 6: " "return with a wrong token"
run aa-exec -p t31 -- hat change h1 5 change h2 6 getcon
expect_eq "$rc/$out" "137/change h1 5: ok
change h2 6: " "sibling hat with a wrong token"

# failures that leave the task where it was
run aa-exec -p t31 -- hat change nosuch 1 change notahat 1 getcon return 1 getcon
expect_eq "$rc/$out" "0/change nosuch 1: ENOENT
change notahat 1: EPERM
getcon: t31 (enforce)
return 1: ok
getcon: t31 (enforce)" "unknown hat, non-hat child, return with nothing saved"
run aa-exec -p t31b -- hat change h1 1 getcon
expect_eq "$rc/$out" "0/change h1 1: ECHILD
getcon: t31b (enforce)" "change_hat in a profile without hats"
run hat change h1 1 getcon
expect_eq "$rc/$out" "0/change h1 1: EPERM
getcon: unconfined" "change_hat from unconfined"
# a hat entered with token 0 cannot be left: "0^" is EINVAL
run aa-exec -p t31 -- hat change h1 0 return 0 getcon
expect_eq "$rc/$out" "0/change h1 0: ok
return 0: EINVAL
getcon: t31//h1 (enforce)" "token 0"

# aa_change_profile, aa_stack_profile
run aa-exec -p t31 -- hat profile t31c profile t31b getcon
expect_eq "$rc/$out" "0/profile t31c: EACCES
profile t31b: ok
getcon: t31b (enforce)" "aa_change_profile from t31"
run aa-exec -p t31 -- hat stack t31b stack t31c getcon
expect_eq "$rc/$out" "0/stack t31b: EACCES
stack t31c: ok
getcon: t31//&t31c (enforce)" "aa_stack_profile from t31"
run aa-exec -p t31 -- hat profile nosuch stack nosuch getcon
expect_eq "$rc/$out" "0/profile nosuch: ENOENT
stack nosuch: ENOENT
getcon: t31 (enforce)" "unknown profiles"
run hat profile t31 getcon
expect_eq "$rc/$out" "0/profile t31: ok
getcon: t31 (enforce)" "aa_change_profile from unconfined"
run hat stack t31b getcon
expect_eq "$rc/$out" "0/stack t31b: ok
getcon: t31b//&unconfined (enforce)" "aa_stack_profile from unconfined"
# in a stack, every profile of the current namespace must have the hat:
# t31c has none, so t31//&t31c cannot enter h1
run aa-exec -p t31 -- hat stack t31c change h1 7 getcon
expect_eq "$rc/$out" "0/stack t31c: ok
change h1 7: ENOENT
getcon: t31//&t31c (enforce)" "change_hat in a stack"
true
