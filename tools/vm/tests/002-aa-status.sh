# aa-status with the module loaded and no policy: stock 3.0.8 prints only
# "apparmor module is loaded." and exits 2 ("enabled but no policy loaded").
. /tests/lib.sh

aa-status > "$T/out" 2> "$T/err"
rc=$?
expect_eq "$rc" 2 "aa-status exit status with no profiles loaded"
expect_eq "$(cat "$T/out")" "apparmor module is loaded." "aa-status stdout"
expect_eq "$(cat "$T/err")" "" "aa-status stderr"

run aa-status --enabled
expect_eq "$rc" 0 "aa-status --enabled exit status"
expect_eq "$out" "" "aa-status --enabled output"

run aa-status --profiled
expect_eq "$rc" 2 "aa-status --profiled exit status"
expect_eq "$out" "" "aa-status --profiled output"

# Unprivileged: cannot read the profile set (checklist F.87).
as_nobody aa-status > "$T/out" 2> "$T/err"
rc=$?
expect_eq "$rc" 4 "aa-status as nobody: exit status"
expect_eq "$(cat "$T/out")" "apparmor module is loaded." "aa-status as nobody: stdout"
expect_eq "$(cat "$T/err")" \
	"You do not have enough privilege to read the profile set." \
	"aa-status as nobody: stderr"
