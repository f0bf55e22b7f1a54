# sysctl apparmor_restrict_unprivileged_unconfined (KI 3, mediation 4.6):
# 0600, default 0. When set, an unconfined task without CAP_MAC_OVERRIDE
# that asks for change_profile gets a stack instead (an AUDIT record says
# so); root (which has the capability) still changes. 0 again restores the
# plain change.
. /tests/lib.sh

S=/proc/sys/kernel/apparmor_restrict_unprivileged_unconfined
on_exit policy_reset
on_exit "fsop write $S 0"
[ -e "$S" ] || fatal "$S is missing"
expect_eq "$(stat -c %a "$S")" 600 "mode of $S"
expect_content "$S" '0\n' "default value"
cat > "$T/p" <<'P'
profile t36 {
  /** rwlkmix,
}
P
apparmor_parser -r "$T/p" || fatal "loading t36 failed"

# change FILE -- as nobody, change_profile to t36 and print the label
change() {
	as_nobody sh -c 'printf "changeprofile t36" > /proc/self/attr/current || exit 1
		read l < /proc/self/attr/current; echo "$l"'
}
run change
expect_eq "$rc/$out" "0/t36 (enforce)" "unrestricted: nobody changes to t36"
expect_ok fsop write "$S" 1
expect_content "$S" '1\n' "after writing 1"
# records reach the log through printk's rate limit (10 per 5 s) without
# auditd: let the window pass so that this one gets through
sleep 6
run change
expect_eq "$rc/$out" "0/t36//&unconfined (enforce)" "restricted: nobody gets a stack"
dmesg | grep -q 'info="change_profile unprivileged unconfined converted to stacking"' ||
	fail "no audit record of the conversion"
run sh -c 'printf "changeprofile t36" > /proc/self/attr/current; read l < /proc/self/attr/current; echo "$l"'
expect_eq "$rc/$out" "0/t36 (enforce)" "restricted: root still changes"
true
