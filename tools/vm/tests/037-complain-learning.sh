# Exec from a complain-mode profile without an exec rule (mediation.md
# 3.2 step 4, KI 6.6): the exec is allowed and logged as ALLOWED, and the
# task moves to the learning profile P//null-<path>, a complain-mode child
# made on first use and listed in profiles.
. /tests/lib.sh

on_exit policy_reset
cat > "$T/p" <<'P'
profile t37 flags=(complain) {
}
P
apparmor_parser -r "$T/p" || fatal "loading t37 failed"

# without auditd, records reach the log through printk's rate limit (10
# per 5 s): let the window pass so that this test's records get through
sleep 6
run aa-exec -p t37 -- sh -c '/usr/local/bin/auxv'
expect_match "$out" 'label=t37//null-/usr/local/bin/auxv \(complain\)' \
	"an exec without a rule lands in the learning profile"
grep -q '^t37//null-/usr/local/bin/auxv (complain)$' "$SFS/profiles" ||
	fail "the learning profile is not listed in profiles"
dmesg | grep 'apparmor="ALLOWED" operation="exec"' | grep -q 'profile="t37"' ||
	fail "no ALLOWED exec record for t37"
true
