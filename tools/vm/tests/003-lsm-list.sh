# /sys/kernel/security/lsm lists apparmor (checklist A.1).
. /tests/lib.sh

run fsop read /sys/kernel/security/lsm
expect_eq "$rc" 0 "reading /sys/kernel/security/lsm"
note "lsm: $out"
expect_match ",$out," ",apparmor," "lsm list contains apparmor"
