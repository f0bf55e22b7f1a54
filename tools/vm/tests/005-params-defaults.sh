# /sys/module/apparmor/parameters: exact set of files and default values
# (KI 2, checklist B.10-B.14).
. /tests/lib.sh

# (audit_class is a Rampart extension, checked in 050)
expect_eq "$(ls "$PARAMS" | grep -vx audit_class | tr '\n' ' ')" \
	"audit audit_header debug enabled export_binary hash_policy lock_policy logsyscall mode paranoid_load path_max rawdata_compression_level " \
	"parameter files"

expect_content "$PARAMS/enabled" 'Y\n' "enabled"
expect_content "$PARAMS/mode" 'enforce' "mode (no newline)"
expect_content "$PARAMS/audit" 'normal' "audit (no newline)"
for p in audit_header hash_policy export_binary paranoid_load; do
	expect_content "$PARAMS/$p" 'Y\n' "$p"
done
for p in debug lock_policy logsyscall; do
	expect_content "$PARAMS/$p" 'N\n' "$p"
done
expect_content "$PARAMS/path_max" '8192\n' "path_max"
expect_content "$PARAMS/rawdata_compression_level" '3\n' "rawdata_compression_level"

# sysfs modes as documented.
expect_eq "$(cd "$PARAMS" && stat -c '%n %a %u:%g' * | grep -v '^audit_class ' |
	tr '\n' ' ')" \
	"audit 600 0:0 audit_header 600 0:0 debug 600 0:0 enabled 444 0:0 export_binary 600 0:0 hash_policy 600 0:0 lock_policy 600 0:0 logsyscall 600 0:0 mode 600 0:0 paranoid_load 444 0:0 path_max 400 0:0 rawdata_compression_level 400 0:0 " \
	"parameter modes"
