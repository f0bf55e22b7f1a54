# tags: rampart-extension
# A refused load names the profile, the reason and the byte offset in the
# kernel log (stock says only "failed to unpack"; Rampart decision in
# shared/spec/README.md).
. /tests/lib.sh

printf 'profile logme {\n  /etc/hostname r,\n}\n' > "$T/p"
apparmor_parser -S "$T/p" > "$T/p.bin" || fatal "apparmor_parser -S failed"
head -c 150 "$T/p.bin" > "$T/cut.bin"
expect_errno EPROTO fsop write "$SFS/.replace" - < "$T/cut.bin"
expect_match "$(dmesg | grep "AppArmor: profile_replace" | tail -1)" \
	'profile "logme": .* at offset [0-9]+ \(error -71\)' "load error in the log"
