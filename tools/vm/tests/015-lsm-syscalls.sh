# The LSM syscalls (Linux 6.8+) see AppArmor as LSM id 104 (KI 1, 5.2,
# checklist A.8).
. /tests/lib.sh

run lsmcall list
expect_eq "$rc/$out" "0/100 104" "lsm_list_modules (capability=100, apparmor=104)"

run lsmcall get current
expect_eq "$rc" 0 "lsm_get_self_attr(LSM_ATTR_CURRENT) exit status"
expect_eq "$out" "count=1 size=48
id=104 flags=0 len=48 ctx_len=10 ctx=unconfined" "lsm_get_self_attr(LSM_ATTR_CURRENT)"

# Too small a buffer: E2BIG and the needed size.
for size in 0 40; do
	run lsmcall get current $size
	expect_match "$out" 'E2BIG' "lsm_get_self_attr(CURRENT) with size $size"
	expect_match "$out" '^lsmcall: size=48$' "size reported for size $size"
done
run lsmcall get current 48
expect_eq "$rc" 0 "lsm_get_self_attr(CURRENT) with exactly 48 bytes"

# Unset exec/prev labels.
expect_errno ENOENT lsmcall get exec
expect_errno ENOENT lsmcall get prev
# Attributes AppArmor does not provide.
for a in fscreate keycreate sockcreate; do
	expect_errno EOPNOTSUPP lsmcall get $a
done

# lsm_set_self_attr: the commands of attr/current and attr/exec.
on_exit policy_reset
printf 'profile t15 {\n}\nprofile t15x {\n}\n' > "$T/p"
apparmor_parser -r "$T/p" || fatal "loading t15 failed"
run lsmcall set current "changeprofile t15"
expect_eq "$rc/$out" "0/current=t15 (enforce)" "lsm_set_self_attr(CURRENT, changeprofile)"
run lsmcall set exec "exec t15x"
expect_eq "$rc/$out" "0/current=unconfined" "lsm_set_self_attr(EXEC, exec)"
run lsmcall set current "changeprofile t15-none"
expect_match "$out" 'lsm_set_self_attr: ENOENT' "a profile that does not exist"
run lsmcall set current "bogus t15"
expect_match "$out" 'lsm_set_self_attr: EINVAL' "an unknown command"
run lsmcall set prev "changeprofile t15"
expect_match "$out" 'lsm_set_self_attr: EOPNOTSUPP' "an attribute AppArmor does not set"
