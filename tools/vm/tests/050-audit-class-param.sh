# tags: rampart-extension
# The audit_class parameter (Rampart extension, shared/spec/README.md):
# Y by default like the other booleans, 0600, admin-only writes, and N
# leaves class= out of mediation records and nothing else.
. /tests/lib.sh

audit_burst
on_exit 'printf Y > $PARAMS/audit_class; policy_reset'
expect_content "$PARAMS/audit_class" 'Y\n' "audit_class default"
expect_eq "$(stat -c '%a %u:%g' "$PARAMS/audit_class")" "600 0:0" "audit_class mode"
expect_errno EACCES as_nobody fsop write "$PARAMS/audit_class" N

cat > "$T/p" <<'P'
profile t50 {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /tmp/** rw,
}
P
apparmor_parser -r "$T/p" || fatal "loading t50 failed"
echo x > "$T/f"
chmod 644 "$T/f"
printf N > "$PARAMS/audit_class" || fail "writing N"
expect_content "$PARAMS/audit_class" 'N\n' "audit_class after writing N"
expect_errno EACCES aa-exec -p t50 -- fsop read /etc/hostname
printf Y > "$PARAMS/audit_class"
expect_errno EACCES aa-exec -p t50 -- fsop read /etc/passwd
expect_record 'profile="t50" name="/etc/hostname"' \
	'apparmor="DENIED" operation="open" profile="t50" name="/etc/hostname" pid=N comm="fsop" requested_mask="r" denied_mask="r" fsuid=0 ouid=0' \
	"record without class="
expect_record 'profile="t50" name="/etc/passwd"' \
	'apparmor="DENIED" operation="open" class="file" profile="t50" name="/etc/passwd" pid=N comm="fsop" requested_mask="r" denied_mask="r" fsuid=0 ouid=0' \
	"record with class= again"
