# An unconfined task reads "unconfined\n" from its current label, through
# both the legacy and the apparmor/ attr directory (KI 5.2, checklist A.7);
# prev and exec are unset and fail with EINVAL.
. /tests/lib.sh

for f in /proc/self/attr/current /proc/self/attr/apparmor/current \
	/proc/1/attr/current /proc/1/attr/apparmor/current \
	/proc/$$/attr/current /proc/$$/task/$$/attr/apparmor/current; do
	expect_content "$f" 'unconfined\n' "$f"
done

for f in /proc/self/attr/apparmor/prev /proc/self/attr/apparmor/exec \
	/proc/self/attr/prev /proc/self/attr/exec \
	/proc/1/attr/apparmor/prev /proc/1/attr/apparmor/exec; do
	expect_errno EINVAL fsop read "$f"
done

# Attributes AppArmor does not implement.
for f in fscreate keycreate sockcreate; do
	expect_errno EINVAL fsop read /proc/self/attr/$f
done

# Another task's label is readable by an unprivileged user.
run as_nobody fsop read /proc/1/attr/apparmor/current
expect_eq "$rc/$out" "0/unconfined" "nobody reading /proc/1/attr/apparmor/current"
