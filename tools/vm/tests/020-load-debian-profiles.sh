# Every profile Debian ships (/etc/apparmor.d and apparmor-profiles'
# extra-profiles), compiled by apparmor_parser 3.0.8 for the 6.12 feature
# set when the initramfs was built, loads in one write; profiles and
# aa-status agree on the count, and removing them all leaves nothing
# (issue 4).
. /tests/lib.sh

B=/tests/data/debian-profiles.bin
[ -s "$B" ] || skip "no compiled profile set (shared/testdata/features-6.12 missing)"
remove_all() {
	sed -n 's/ ([a-z]*)$//p' "$SFS/profiles" | grep -v '//' |
		while read -r name; do
			printf '%s' "$name" | fsop write "$SFS/.remove" - || return 1
		done
}
on_exit remove_all

expect_ok fsop write "$SFS/.replace" - < "$B"
loaded=$(wc -l < "$SFS/profiles")
[ "$loaded" -gt 100 ] || fail "only $loaded profiles loaded"
aa-status > "$T/st" 2>/dev/null
expect_match "$(cat "$T/st")" "^$loaded profiles are loaded" "aa-status count"
note "$loaded profiles from $(wc -c < "$B") bytes"
# .load of the same set: every profile exists now
expect_errno EEXIST fsop write "$SFS/.load" - < "$B"
expect_eq "$(wc -l < "$SFS/profiles")" "$loaded" "profiles after a refused .load"

remove_all
expect_eq "$?" 0 "removing every profile by name"
expect_content "$SFS/profiles" '' "profiles after removing everything"
