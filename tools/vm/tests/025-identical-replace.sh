# timeout: 120
# Replacing policy with a byte-identical buffer (KI 4.3 "identical raw
# buffer"). What stock 6.12 does, and this test asserts, when a .replace
# write carries exactly the bytes of a buffer loaded earlier in the same
# namespace whose profiles are still loaded:
#   - the write succeeds and the namespace revision goes up by one;
#   - no new raw_data directory: the existing raw_data/<N> is reused and
#     its revision file now shows the new revision;
#   - every profile of the buffer is left as it is (one STATUS record
#     "same as current profile, skipping" each): same directories, same
#     inodes, mtimes not touched, same sha256 and raw_* links;
#   - .load of the same bytes fails with EEXIST and changes nothing;
#   - apparmor_parser -r of unchanged source twice does the same.
# A different buffer afterwards is a normal replace (new raw_data/<N>,
# mtimes updated); the reused directory goes away once nothing uses it, and
# loading the first bytes again then makes a new directory.
# Seen on stock 6.12 but not asserted: the raw data of a load that creates
# a profile together with a child (hat) of it is never freed (a reference
# leak, independent of identical replaces): its directory stays after the
# profiles are replaced or removed, and a later load of the same bytes
# reuses it. So this test works in a namespace of its own and removes it
# at the end, which takes such directories with it.
. /tests/lib.sh

# Rampart grows the policy tree in issue 4; until then there is nothing
# to check here (stock always has it).
[ -d "$SFS/policy" ] || fail "no policy tree at $SFS/policy"

P=$SFS/policy
N=$P/namespaces/t25
on_exit "rmdir $N 2>/dev/null; policy_reset"

printf 'profile t25 {\n  /etc/hostname r,\n  ^hat {\n    /tmp/t25 r,\n  }\n}\nprofile t25b {\n}\n' > "$T/multi.profile"
printf 'profile t25one {\n  /etc/hostname r,\n}\n' > "$T/one.profile"
printf 'profile :t25:t25p {\n  /etc/hostname r,\n}\n' > "$T/parser.profile"
apparmor_parser -S "$T/multi.profile" > "$T/multi.bin" &&
	apparmor_parser -C -S "$T/multi.profile" > "$T/multi-c.bin" &&
	apparmor_parser -S "$T/one.profile" > "$T/one.bin" &&
	apparmor_parser -C -S "$T/one.profile" > "$T/one-c.bin" ||
	fatal "apparmor_parser -S failed"
mkdir "$N" || fatal "mkdir $N failed"

# state FILE -- what an identical replace must not change: directories,
# inode and mtime of every profile file, contents, link targets
state() {
	(
		cd "$N/profiles" || exit 1
		find . | sort | while read -r f; do
			if [ -L "$f" ]; then
				echo "$f -> $(readlink "$f")"
			elif [ -f "$f" ]; then
				echo "$f $(stat -c '%i %Y' "$f") $(cat "$f")"
			else
				echo "$f"
			fi
		done
	) > "$1"
}
skips() { dmesg | grep -c 'same as current profile, skipping'; }

# --- a buffer of three profiles (t25, t25//hat, t25b) ------------------------
expect_ok fsop write "$N/.replace" - < "$T/multi.bin"
expect_content "$N/revision" '1\n' "revision after the load"
expect_eq "$(ls "$N/raw_data")" "0" "raw_data after the load"
expect_eq "$(ls "$N/profiles" | tr '\n' ' ')" "t25.0 t25b.2 " "profiles/ after the load"
state "$T/s1"
# so that an mtime update would show, and so that the audit records of the
# identical replace are not lost to printk_ratelimit (10 per 5 s)
sleep 5
s0=$(skips)

expect_ok fsop write "$N/.replace" - < "$T/multi.bin"
expect_content "$N/revision" '2\n' "revision after an identical replace"
expect_eq "$(ls "$N/raw_data")" "0" "raw_data after an identical replace (reused)"
expect_content "$N/raw_data/0/revision" '2\n' "reused raw_data's revision"
state "$T/s2"
cmp -s "$T/s1" "$T/s2" ||
	fail "identical replace changed the profile directories: $(diff "$T/s1" "$T/s2")"
i=0
while [ $(($(skips) - s0)) -lt 3 ] && [ $i -lt 30 ]; do
	sleep 0.1 # kauditd prints them asynchronously
	i=$((i + 1))
done
expect_eq "$(($(skips) - s0))" 3 "'same as current profile, skipping' records"
for p in t25 t25//hat t25b; do
	dmesg | grep 'same as current profile, skipping' | grep -q "name=\"$p\"" ||
		fail "no skipping record for $p"
done
grep -qx ':t25:t25 (enforce)' "$SFS/profiles" || fail "t25 not listed after an identical replace"

expect_errno EEXIST fsop write "$N/.load" - < "$T/multi.bin"
expect_content "$N/revision" '2\n' "revision after an identical .load"
expect_eq "$(ls "$N/raw_data")" "0" "raw_data after an identical .load"

# a different buffer: a normal replace
expect_ok fsop write "$N/.replace" - < "$T/multi-c.bin"
expect_content "$N/revision" '3\n' "revision after a different replace"
[ -d "$N/raw_data/2" ] || fail "no raw_data/2 after a different replace: $(ls "$N/raw_data")"
expect_content "$N/profiles/t25.0/mode" 'complain\n' "mode after a different replace"
expect_eq "$(readlink "$N/profiles/t25.0/raw_data")" "../../raw_data/2/raw_data" \
	"raw_data link after a different replace"
[ "$(stat -c %Y "$N/profiles/t25.0/mode")" -gt "$(sed -n 's|^\./t25\.0/mode [0-9]* \([0-9]*\) .*|\1|p' "$T/s1")" ] ||
	fail "a different replace did not update the mtime of t25.0/mode"
expect_eq "$(ls "$N/profiles" | tr '\n' ' ')" "t25.0 t25b.2 " "profiles/ after a different replace"
for p in t25 t25b; do
	printf '%s' "$p" | fsop write "$N/.remove" - || fail "removing $p"
done

# --- a buffer of one profile -------------------------------------------------
r=$(read_rev "$N/revision")
expect_ok fsop write "$N/.replace" - < "$T/one.bin"
expect_ok fsop write "$N/.replace" - < "$T/one.bin"
expect_content "$N/revision" "$((r + 2))\n" "revision after a load and an identical replace"
[ -d "$N/raw_data/$r" ] || fail "no raw_data/$r"
[ -e "$N/raw_data/$((r + 1))" ] && fail "identical replace made raw_data/$((r + 1))"
expect_content "$N/raw_data/$r/revision" "$((r + 2))\n" "reused raw_data's revision"
expect_ok fsop write "$N/.replace" - < "$T/one-c.bin"
[ -d "$N/raw_data/$((r + 2))" ] || fail "no raw_data/$((r + 2)) after a different replace"
wait_gone "$N/raw_data/$r" ||
	fail "raw_data/$r still there 5 s after the one profile using it was replaced"
# the first bytes again: nothing to reuse any more, a new directory
expect_ok fsop write "$N/.replace" - < "$T/one.bin"
[ -d "$N/raw_data/$((r + 3))" ] || fail "no raw_data/$((r + 3)): $(ls "$N/raw_data")"
expect_content "$N/raw_data/$((r + 3))/revision" "$((r + 4))\n" "new raw_data's revision"
printf t25one | fsop write "$N/.remove" - || fail "removing t25one"
wait_gone "$N/raw_data/$((r + 3))" ||
	fail "raw_data/$((r + 3)) still there 5 s after t25one was removed"

# --- apparmor_parser -r twice ------------------------------------------------
r=$(read_rev "$N/revision")
expect_ok apparmor_parser -r "$T/parser.profile"
d=$(prof_dir "$N" t25p) || fail "no directory for :t25:t25p"
ls "$N/raw_data" > "$T/raw1"
expect_ok apparmor_parser -r "$T/parser.profile"
expect_content "$N/revision" "$((r + 2))\n" "revision after apparmor_parser -r twice"
expect_eq "$(ls "$N/raw_data")" "$(cat "$T/raw1")" "raw_data after apparmor_parser -r twice"
expect_eq "$(prof_dir "$N" t25p)" "$d" "directory of t25p after apparmor_parser -r twice"
expect_eq "$(readlink "$d/raw_data")" "../../raw_data/$r/raw_data" \
	"raw_data link of t25p after apparmor_parser -r twice"

expect_ok rmdir "$N"
