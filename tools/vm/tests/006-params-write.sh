# Writing module parameters as root (KI 2, checklist B.6, B.15-B.19).
# Restores the defaults (mode=enforce, audit=normal) whatever happens.
. /tests/lib.sh

on_exit 'fsop write "$PARAMS/mode" enforce; fsop write "$PARAMS/audit" normal'
on_exit 'fsop write "$PARAMS/logsyscall" N'

# mode
expect_ok fsop write "$PARAMS/mode" complain
expect_content "$PARAMS/mode" 'complain' "mode after writing complain"
expect_errno EINVAL fsop write "$PARAMS/mode" 'enforce
'
expect_content "$PARAMS/mode" 'complain' "mode after a rejected write"
# The shell way: echo adds a newline, so it must fail.
expect_fail sh -c "echo enforce > $PARAMS/mode"
expect_content "$PARAMS/mode" 'complain' "mode after echo enforce"
expect_errno EINVAL fsop write "$PARAMS/mode" user
expect_errno EINVAL fsop write "$PARAMS/mode" bogus
for m in kill unconfined enforce; do
	expect_ok fsop write "$PARAMS/mode" "$m"
	expect_content "$PARAMS/mode" "$m" "mode after writing $m"
done

# audit
expect_ok fsop write "$PARAMS/audit" all
expect_content "$PARAMS/audit" 'all' "audit after writing all"
expect_errno EINVAL fsop write "$PARAMS/audit" bogus
expect_content "$PARAMS/audit" 'all' "audit after a rejected write"
for a in quiet_denied quiet noquiet normal; do
	expect_ok fsop write "$PARAMS/audit" "$a"
	expect_content "$PARAMS/audit" "$a" "audit after writing $a"
done

# Bool parameters accept the kernel bool spellings, newline tolerated.
expect_ok fsop write "$PARAMS/logsyscall" 'y
'
expect_content "$PARAMS/logsyscall" 'Y\n' "logsyscall after writing y"
expect_ok fsop write "$PARAMS/logsyscall" 0
expect_content "$PARAMS/logsyscall" 'N\n' "logsyscall after writing 0"

# Read-only parameters cannot even be opened for writing, even by root.
for p in enabled path_max rawdata_compression_level paranoid_load; do
	expect_errno EACCES fsop open "$PARAMS/$p" w
done
