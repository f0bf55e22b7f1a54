#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the libFuzzer targets (security/apparmor/{dfa,perms,unpack}.c
# compiled in userspace against tools/dfa/shim) with ASan and UBSan:
#   dfa     DFA blobs: unpack and every walk   (seeds: the DFAs of testdata)
#   unpack  whole policy buffers, as to .load  (seeds: testdata/*.bin, bad/)
# then either
#   fuzz.sh --replay                 run every seed and saved input once
#   fuzz.sh --time SECONDS [TARGET]  fuzz each target (or one) that long
# Inputs that once failed are kept in tools/dfa/corpus/<target>/ and
# replayed. Ends with "fuzz: N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/../lib.sh"

mode=${1:---replay}
secs=${2:-600}
only=${3:-}
out=$RAMPART_CACHE/fuzz
testdata=${RAMPART_TESTDATA:-$RAMPART_REPO/../shared/testdata}
mkdir -p "$out"
passed=0
failed=0

# build TARGET SOURCES...: the fuzzer binary, rebuilt when a source changed
build() {
	local t=$1 bin=$out/fuzz_$1
	shift
	if [ ! -x "$bin" ] || [ -n "$(find "$@" "$RAMPART_REPO/security/apparmor"/*.h \
		"$RAMPART_REPO/tools/dfa/shim" -newer "$bin")" ]; then
		clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
			-I "$RAMPART_REPO/tools/dfa/shim" -I "$RAMPART_REPO/include" \
			-iquote "$RAMPART_REPO/security/apparmor" "$@" -o "$bin" || return 1
	fi
}

src=$RAMPART_REPO/security/apparmor
build dfa "$RAMPART_REPO/tools/dfa/fuzz_dfa.c" "$src/dfa.c" "$src/perms.c" &&
build unpack "$RAMPART_REPO/tools/dfa/fuzz_unpack.c" "$src/unpack.c" "$src/dfa.c" \
	"$src/perms.c" || { echo "fuzz: 0 passed, 1 failed (build)"; exit 1; }

# Seeds: every DFA of testdata for "dfa", every policy buffer for "unpack".
rm -rf "$out/seeds-dfa" "$out/seeds-unpack"
# (seeds from the DFA vector generator)
python3 "$RAMPART_REPO/tools/dfa/gen-vectors.py" --corpus "$out/seeds-dfa" "$testdata" ||
	{ echo "fuzz: 0 passed, 1 failed (seeds)"; exit 1; }
mkdir -p "$out/seeds-unpack"
cp "$testdata"/*.bin "$testdata"/bad/*.bin "$out/seeds-unpack/"

for t in dfa unpack; do
	[ -n "$only" ] && [ "$only" != "$t" ] && continue
	saved=$RAMPART_REPO/tools/dfa/corpus/$t
	mkdir -p "$out/corpus-$t"
	case $mode in
	--replay)
		n=$(find "$out/seeds-$t" "$saved" -type f 2>/dev/null | wc -l)
		if "$out/fuzz_$t" -runs=0 -artifact_prefix="$out/replay-$t-" \
			"$out/seeds-$t" $( [ -d "$saved" ] && echo "$saved") \
			>"$out/replay-$t.log" 2>&1; then
			echo "PASS fuzz $t: corpus replay ($n inputs, ASan+UBSan)"
			passed=$((passed + 1))
		else
			tail -30 "$out/replay-$t.log"
			echo "FAIL fuzz $t: corpus replay"
			failed=$((failed + 1))
		fi
		;;
	--time)
		(cd "$out" && "$out/fuzz_$t" -max_total_time="$secs" -print_final_stats=1 \
			-max_len=65536 -artifact_prefix="$out/crash-$t-" \
			"$out/corpus-$t" "$out/seeds-$t") 2>&1 | grep -E '^(Done|stat::|==|SUMMARY)' 
		if [ "${PIPESTATUS[0]}" -eq 0 ]; then
			echo "PASS fuzz $t: ${secs}s"
			passed=$((passed + 1))
		else
			echo "FAIL fuzz $t: see $out/crash-$t-*; once fixed, keep it in $saved/"
			failed=$((failed + 1))
		fi
		;;
	*)
		echo "usage: $0 --replay | --time SECONDS [dfa|unpack]" >&2
		exit 2
		;;
	esac
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
