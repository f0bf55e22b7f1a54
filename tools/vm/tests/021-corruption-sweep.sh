# timeout: 300
# 1,000 mutated copies of a real policy buffer (tests/data/sweep.profile,
# compiled for the 6.12 feature set when the initramfs was built) written
# to .replace: each either loads or is refused with a load errno, and
# every refusal leaves the loaded policy exactly as it was (issue 4,
# corruption sweep).
. /tests/lib.sh

[ -s /tests/data/sweep.bin ] || skip "no compiled sweep policy"
cp /tests/data/sweep.bin "$T/orig.bin"
remove_all() {
	sed -n 's/ ([a-z]*)$//p' "$SFS/profiles" | grep -v '//' |
		while read -r name; do printf '%s' "$name" | fsop write "$SFS/.remove" -; done
}
on_exit remove_all
expect_ok fsop write "$SFS/.replace" - < "$T/orig.bin"
cat "$SFS/profiles" > "$T/before"

i=0 loaded=0 refused=0
while [ $i -lt 1000 ]; do
	mutate "$T/orig.bin" "$T/m.bin" "$i"
	if fsop write "$SFS/.replace" - < "$T/m.bin" 2> "$T/err"; then
		loaded=$((loaded + 1))
		# a mutation that still parses: put the original policy back
		remove_all
		fsop write "$SFS/.replace" - < "$T/orig.bin"
		cat "$SFS/profiles" > "$T/before"
	else
		refused=$((refused + 1))
		grep -qE 'EPROTO|EPROTONOSUPPORT|EACCES|ENOENT|EEXIST|EINVAL|EFBIG' "$T/err" ||
			fail "mutation $i: unexpected error: $(cat "$T/err")"
		cmp -s "$SFS/profiles" "$T/before" 2>/dev/null ||
			{ cat "$SFS/profiles" > "$T/now"; cmp -s "$T/now" "$T/before"; } ||
			fail "mutation $i: refused, but the policy changed"
	fi
	i=$((i + 1))
done
note "1000 mutations: $refused refused, $loaded loaded"
[ "$refused" -gt 500 ] || fail "only $refused of 1000 mutations were refused"
true
