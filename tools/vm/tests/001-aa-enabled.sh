# aa-enabled reports AppArmor enabled (checklist A.4) and "Maybe" without
# securityfs (A.5).
. /tests/lib.sh

run aa-enabled
expect_eq "$rc" 0 "aa-enabled exit status"
expect_eq "$out" "Yes" "aa-enabled output"

run aa-enabled --quiet
expect_eq "$rc" 0 "aa-enabled --quiet exit status"
expect_eq "$out" "" "aa-enabled --quiet output"

# libapparmor's aa_is_enabled() also wants securityfs mounted; unmount it in
# a private mount namespace only.
run unshare -m sh -c 'umount /sys/kernel/security && aa-enabled'
expect_eq "$rc" 3 "aa-enabled without securityfs: exit status"
expect_eq "$out" "Maybe - policy interface not available." \
	"aa-enabled without securityfs: output"
