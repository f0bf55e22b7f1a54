# boot: audit=1
# The audit subsystem's own records name the task's label: with auditing
# on, the SYSCALL record that follows an AppArmor denial carries
# subj=LABEL (the label as a security context: secid_to_secctx, without
# the mode), and unconfined tasks show subj=unconfined
# (kernel-interfaces.md: secids; stock's secid.c).
. /tests/lib.sh

audit_burst
on_exit policy_reset
printf 'profile t85 {\n}\n' > "$T/p"
apparmor_parser -r "$T/p" || fatal "loading t85 failed"
run aa-exec -p t85 -- fop open /tests/lib.sh r
expect_eq "$out" "open EACCES" "t85 may not open"
sleep 0.3
line=$(dmesg | grep 'type=1300' | grep 'comm="fop"' | tail -n 1)
echo "syscall record: $line"
expect_match "$line" ' subj=t85 ' "the SYSCALL record's subj="
# the loader, unconfined
line=$(dmesg | grep 'type=1300' | grep 'comm="apparmor_parser"' | tail -n 1)
expect_match "$line" ' subj=unconfined ' "an unconfined task's subj="
# kernel.apparmor_display_secid_mode adds the mode
S=/proc/sys/kernel/apparmor_display_secid_mode
expect_content "$S" '0\n' "display_secid_mode default"
on_exit "echo 0 > $S"
echo 1 > "$S" || fail "setting display_secid_mode"
run aa-exec -p t85 -- fop open /tests/lib.sh r
sleep 0.3
line=$(dmesg | grep 'type=1300' | grep 'comm="fop"' | tail -n 1)
expect_match "$line" ' subj=t85 \(enforce\) ' "subj= with the mode"
echo 0 > "$S"
# a stack is named as one context
printf 'profile t85b {\n}\n' > "$T/q"
apparmor_parser -r "$T/q" || fatal "loading t85b failed"
run aa-exec -p 't85//&t85b' -- fop open /tests/lib.sh r
sleep 0.3
line=$(dmesg | grep 'type=1300' | grep 'comm="fop"' | tail -n 1)
expect_match "$line" ' subj=t85//&t85b ' "a stack's subj="
