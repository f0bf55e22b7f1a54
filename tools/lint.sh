#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# checkpatch --strict over every Rampart C source and header, then sparse
# (C=2) and W=1 over security/apparmor in the Rampart build directory.
# Ends with "lint: N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$RAMPART_REPO/tools/kernel-tree.sh" || exit 1
"$RAMPART_REPO/tools/graft.sh" || exit 1
passed=0
failed=0

files=$(cd "$RAMPART_REPO" && git ls-files -co --exclude-standard \
	'security/*.[ch]' 'include/*.h' 'kunit-tests/*.[ch]')
out=$(cd "$RAMPART_REPO" && "$RAMPART_TREE/scripts/checkpatch.pl" --strict \
	--no-tree --terse --show-types --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG \
	-f $files 2>&1)
# In a kernel git tree checkpatch accepts CamelCase names that the kernel's
# own headers define (zstd's cParams); --no-tree cannot see them, so do it
# here.
kept=
while IFS= read -r line; do
	id=$(echo "$line" | sed -n 's/.*CAMELCASE: Avoid CamelCase: <\(.*\)>.*/\1/p')
	if [ -n "$id" ] && grep -rqw -- "$id" "$RAMPART_TREE/include"; then
		continue
	fi
	kept+="$line"$'\n'
done <<<"$out"
out=$kept
if echo "$out" | grep -qE ': (ERROR|WARNING|CHECK):'; then
	echo "$out" | grep -E ': (ERROR|WARNING|CHECK):'
	echo "FAIL checkpatch --strict"
	failed=$((failed + 1))
else
	echo "PASS checkpatch --strict ($(echo $files | wc -w) files)"
	passed=$((passed + 1))
fi

# sparse and W=1: rebuild only security/apparmor, in a directory of its own
# so that the flags do not force a rebuild of the bootable kernel.
out_dir=$BUILD_ROOT/lint
mkdir -p "$out_dir"
if [ ! -f "$out_dir/.config" ] || ! cmp -s "$BUILD_ROOT/rampart/.config" "$out_dir/.config"; then
	[ -f "$BUILD_ROOT/rampart/.config" ] || "$RAMPART_REPO/tools/build-kernel.sh" rampart >/dev/null || exit 1
	cp "$BUILD_ROOT/rampart/.config" "$out_dir/.config"
	make -s -C "$RAMPART_TREE" O="$out_dir" ARCH=x86_64 olddefconfig >/dev/null
	make -s -C "$RAMPART_TREE" O="$out_dir" ARCH=x86_64 -j"$JOBS" prepare >/dev/null 2>&1
fi
# Recompile every file, so warnings of files that did not change show too.
rm -rf "$out_dir/security/apparmor"
warn=$(make -C "$RAMPART_TREE" O="$out_dir" ARCH=x86_64 -j"$JOBS" C=2 W=1 \
	security/apparmor/ 2>&1 | grep -E 'security/apparmor/.*(warning|error)' || true)
if [ -n "$warn" ]; then
	echo "$warn"
	echo "FAIL sparse C=2 and W=1"
	failed=$((failed + 1))
else
	echo "PASS sparse C=2 and W=1"
	passed=$((passed + 1))
fi
echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
