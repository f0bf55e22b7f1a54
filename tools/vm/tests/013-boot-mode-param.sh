# boot: apparmor.mode=complain apparmor.audit=all
# Module parameters set on the kernel command line (KI 1, 2).
. /tests/lib.sh

on_exit 'fsop write "$PARAMS/mode" enforce; fsop write "$PARAMS/audit" normal'

expect_content "$PARAMS/mode" 'complain' "mode set at boot"
expect_content "$PARAMS/audit" 'all' "audit set at boot"
dmesg | sed 's/^\[[ 0-9.]*\] //' > "$T/log"
grep -qxF "AppArmor: AppArmor initialized: complain mode enabled" "$T/log" ||
	fail "kernel log lacks 'AppArmor: AppArmor initialized: complain mode enabled': $(grep -i apparmor "$T/log")"
# Still settable at run time.
expect_ok fsop write "$PARAMS/mode" enforce
expect_content "$PARAMS/mode" 'enforce' "mode after writing enforce"
