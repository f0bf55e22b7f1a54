# Kernel log lines of AppArmor's initialisation, with the "AppArmor: "
# prefix (KI 1).
. /tests/lib.sh

dmesg | sed 's/^\[[ 0-9.]*\] //' > "$T/log"
for msg in "AppArmor: AppArmor initialized" "AppArmor: AppArmor Filesystem Enabled"; do
	grep -qxF "$msg" "$T/log" || fail "kernel log lacks the line '$msg'"
done
grep -q 'complain mode enabled\|kill mode enabled' "$T/log" &&
	fail "default boot logs a mode override"
[ "$_lib_failures" -eq 0 ] || { note "AppArmor lines in the kernel log:"; grep -i apparmor "$T/log"; }
