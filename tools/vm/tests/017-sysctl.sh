# /proc/sys/kernel/unprivileged_userns_apparmor_policy (KI 3, checklist
# C.24, C.27): root only, reads 1, takes 0 and 1 back; no Ubuntu-only
# apparmor_restrict_unprivileged_userns. apparmor_display_secid_mode
# (checklist C.25): root only, reads 0.
. /tests/lib.sh

S=/proc/sys/kernel/unprivileged_userns_apparmor_policy
on_exit "fsop write $S 1"

[ -e "$S" ] || fail "$S is missing"
expect_eq "$(stat -c %a "$S")" 600 "mode of $S"
expect_content "$S" '1\n' "default value"
expect_ok fsop write "$S" 0
expect_content "$S" '0\n' "after writing 0"
expect_ok fsop write "$S" 1
expect_content "$S" '1\n' "after writing 1"
expect_errno EACCES as_nobody fsop read "$S"
D=/proc/sys/kernel/apparmor_display_secid_mode
expect_eq "$(stat -c %a "$D" 2>&1)" 600 "mode of $D"
expect_content "$D" '0\n' "apparmor_display_secid_mode default"
expect_errno EACCES as_nobody fsop read "$D"
[ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ] &&
	fail "apparmor_restrict_unprivileged_userns exists (Ubuntu only)"
true
