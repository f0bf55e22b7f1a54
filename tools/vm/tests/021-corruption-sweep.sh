# timeout: 400
# 1,000 mutated copies of a real policy buffer (tests/data/sweep.profile,
# compiled for the 6.12 feature set when the initramfs was built) written
# to .replace: each either loads or is refused with a load errno, and
# every refusal leaves the loaded policy exactly as it was: profiles and
# revision after every refusal, and every FULL_EVERY refusals and at the
# end the whole policy tree too (paths, modes, sizes, types, link
# targets, the small files' contents, sha256 of the raw data; KI 4.3
# atomicity, 4.9) (issue 4, corruption sweep).
. /tests/lib.sh

FULL_EVERY=10 # 1: after every refusal (about twice as long under TCG)
[ -s /tests/data/sweep.bin ] || skip "no compiled sweep policy"
cp /tests/data/sweep.bin "$T/orig.bin"
on_exit policy_reset
have_tree=1
[ -d "$SFS/policy/profiles" ] || fail "no policy tree at $SFS/policy"

# tree OUT -- snapshot of the root namespace's policy tree. The namespace
# revision files are read once, non-blocking (a plain read would block);
# raw data above 1 MiB (left behind by earlier tests of the boot: Debian's
# profile set) is not hashed here, to keep the snapshot quick, its size and
# sha256 file are.
tree() {
	(
		cd "$SFS/policy/" || exit 1
		find . | LC_ALL=C sort > "$T/list"
		xargs stat -c '%n %a %s %F %N' < "$T/list"
		grep -E '/(name|mode|attach|sha256|abi|compressed_size)$|/raw_data/[^/]+/revision$' "$T/list" |
			xargs -r grep -H ''
		find . -path '*/raw_data/*/raw_data' -type f -size -1024k | LC_ALL=C sort |
			xargs -r sha256sum
		read_rev revision
	) > "$1" 2>&1
}

# settle -- after a load or removal, wait until every raw_data directory is
# used by a profile (unused ones go asynchronously) or, after 0.5 s, until
# the list stops changing (stock 6.12 never frees the raw data of a load
# that creates a profile with a hat), then take the reference snapshot.
settle() {
	_i=0
	: > "$T/raw"
	while [ -n "$have_tree" ] && [ $_i -lt 30 ]; do
		mv "$T/raw" "$T/raw-prev"
		ls "$SFS/policy/raw_data" | sort > "$T/raw"
		find "$SFS/policy/profiles/" -name raw_data -type l -exec readlink {} \; |
			sed 's|.*raw_data/\([^/]*\)/raw_data$|\1|' | sort -u > "$T/used"
		cmp -s "$T/raw" "$T/used" && break
		[ $_i -ge 5 ] && cmp -s "$T/raw" "$T/raw-prev" && break
		sleep 0.1
		_i=$((_i + 1))
	done
	cat "$SFS/profiles" > "$T/before"
	rev_before=$(read_rev "$SFS/revision")
	[ -z "$have_tree" ] || tree "$T/tree-before"
}

# same_tree -- the tree equals the reference; a raw_data directory of a
# refused load may still be going away, so look again for up to 2 s.
same_tree() {
	_i=0
	[ -n "$have_tree" ] || return 0
	while :; do
		tree "$T/tree-now"
		cmp -s "$T/tree-now" "$T/tree-before" && return 0
		[ $_i -ge 20 ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

expect_ok fsop write "$SFS/.replace" - < "$T/orig.bin"
settle
[ -z "$have_tree" ] || grep -q '/raw_data/[^/]*/raw_data$' "$T/list" ||
	fail "no raw_data in the policy tree snapshot: $(head -n 20 "$T/tree-before")"

i=0 loaded=0 refused=0 full=0 start=$(date +%s)
while [ $i -lt 1000 ]; do
	mutate "$T/orig.bin" "$T/m.bin" "$i"
	if fsop write "$SFS/.replace" - < "$T/m.bin" 2> "$T/err"; then
		loaded=$((loaded + 1))
		# a mutation that still parses: put the original policy back
		policy_reset
		fsop write "$SFS/.replace" - < "$T/orig.bin"
		settle
	else
		refused=$((refused + 1))
		grep -qE 'EPROTO|EPROTONOSUPPORT|EACCES|ENOENT|EEXIST|EINVAL|EFBIG' "$T/err" ||
			fail "mutation $i: unexpected error: $(cat "$T/err")"
		cmp -s "$SFS/profiles" "$T/before" 2>/dev/null ||
			{ cat "$SFS/profiles" > "$T/now"; cmp -s "$T/now" "$T/before"; } ||
			fail "mutation $i: refused, but the policy changed"
		[ "$(read_rev "$SFS/revision")" = "$rev_before" ] ||
			fail "mutation $i: refused, but the revision changed"
		if [ $((refused % FULL_EVERY)) -eq 0 ]; then
			full=$((full + 1))
			same_tree || fail "mutation $i or one of the $((FULL_EVERY - 1)) refused before it: the policy tree changed:
$(diff "$T/tree-before" "$T/tree-now")"
			# whatever changed is the new reference (one report per change)
			cp "$T/tree-now" "$T/tree-before"
		fi
	fi
	i=$((i + 1))
done
same_tree || fail "the policy tree changed after the last refusals:
$(diff "$T/tree-before" "$T/tree-now")"
note "1000 mutations: $refused refused, $loaded loaded, $full full tree comparisons, $(($(date +%s) - start)) s"
[ "$refused" -gt 500 ] || fail "only $refused of 1000 mutations were refused"
true
