# Shared by the tests that boot with AppArmor disabled (KI 1, checklist A.3).
# Sourced after lib.sh.

run aa-enabled
expect_eq "$rc" 1 "aa-enabled exit status"
expect_eq "$out" "No - disabled at boot." "aa-enabled output"

expect_content "$PARAMS/enabled" 'N\n' "enabled"
[ -e "$SFS" ] && fail "$SFS exists"

run fsop read /sys/kernel/security/lsm
expect_eq "$rc" 0 "reading /sys/kernel/security/lsm"
note "lsm: $out"
case ",$out," in
*,apparmor,*) fail "lsm list contains apparmor: $out" ;;
esac

# The parameter files exist but AppArmor-typed ones refuse I/O (KI 2).
# (audit_class is a Rampart extension, checked in 050)
expect_eq "$(ls "$PARAMS" | grep -vx audit_class | tr '\n' ' ')" \
	"audit audit_header debug enabled export_binary hash_policy lock_policy logsyscall mode paranoid_load path_max rawdata_compression_level " \
	"parameter files"
for p in audit audit_header debug export_binary hash_policy lock_policy \
	logsyscall mode paranoid_load path_max rawdata_compression_level; do
	expect_errno EINVAL fsop read "$PARAMS/$p"
done
expect_errno EINVAL fsop write "$PARAMS/mode" complain

# No LSM answers procattr.
expect_errno EINVAL fsop read /proc/self/attr/current
expect_errno EINVAL fsop read /proc/self/attr/apparmor/current

# The LSM syscalls do not know AppArmor.
run lsmcall list
expect_eq "$rc/$out" "0/100" "lsm_list_modules (capability only)"
expect_errno EOPNOTSUPP lsmcall get current

# aa-status (3.0.8) still says the module is loaded (the parameters exist)
# but finds no policy interface.
aa-status > "$T/out" 2> "$T/err"
rc=$?
expect_eq "$rc" 3 "aa-status exit status"
expect_eq "$(cat "$T/out")" "apparmor module is loaded." "aa-status stdout"
expect_eq "$(cat "$T/err")" "apparmor filesystem is not mounted." "aa-status stderr"
