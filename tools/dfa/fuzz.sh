#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the libFuzzer target (security/apparmor/dfa.c and perms.c compiled
# in userspace against tools/dfa/shim) with ASan and UBSan, then either
#   fuzz.sh --replay        run every seed and saved input once (make check)
#   fuzz.sh --time SECONDS  fuzz for that long (make fuzz FUZZ_TIME=...)
# Seeds are the DFAs of shared/testdata (apparmor_parser 3.0.8 output);
# inputs that once failed are kept in tools/dfa/corpus/ and replayed.
# Ends with "fuzz: N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/../lib.sh"

mode=${1:---replay}
secs=${2:-600}
out=$RAMPART_CACHE/fuzz
bin=$out/fuzz_dfa
seeds=$out/seeds
work=$out/corpus
testdata=${RAMPART_TESTDATA:-$RAMPART_REPO/../shared/testdata}
mkdir -p "$out" "$work"

src=("$RAMPART_REPO/tools/dfa/fuzz_dfa.c" "$RAMPART_REPO/security/apparmor/dfa.c"
     "$RAMPART_REPO/security/apparmor/perms.c")
if [ ! -x "$bin" ] || [ -n "$(find "${src[@]}" "$RAMPART_REPO/security/apparmor/dfa.h" \
	"$RAMPART_REPO/security/apparmor/perms.h" "$RAMPART_REPO/tools/dfa/shim" -newer "$bin")" ]; then
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-I "$RAMPART_REPO/tools/dfa/shim" -I "$RAMPART_REPO/include" \
		-iquote "$RAMPART_REPO/security/apparmor" "${src[@]}" -o "$bin" ||
		{ echo "fuzz: 0 passed, 1 failed (build)"; exit 1; }
fi
rm -rf "$seeds"
python3 "$RAMPART_REPO/tools/dfa/gen-vectors.py" --corpus "$seeds" "$testdata" ||
	{ echo "fuzz: 0 passed, 1 failed (seeds)"; exit 1; }

case $mode in
--replay)
	inputs=("$seeds"/* "$RAMPART_REPO"/tools/dfa/corpus/*)
	n=0
	for f in "${inputs[@]}"; do [ -f "$f" ] && n=$((n + 1)); done
	if "$bin" -runs=0 -artifact_prefix="$out/replay-crash-" "$seeds" "$RAMPART_REPO/tools/dfa/corpus" >"$out/replay.log" 2>&1; then
		echo "PASS fuzz corpus replay ($n inputs, ASan+UBSan)"
		echo "fuzz: 1 passed, 0 failed"
	else
		tail -30 "$out/replay.log"
		echo "FAIL fuzz corpus replay"
		echo "fuzz: 0 passed, 1 failed"
		exit 1
	fi
	;;
--time)
	cd "$out" || exit 1
	"$bin" -max_total_time="$secs" -print_final_stats=1 -max_len=65536 \
		-artifact_prefix="$out/crash-" "$work" "$seeds" 2>&1 | tail -25
	status=${PIPESTATUS[0]}
	if [ "$status" -eq 0 ]; then
		echo "fuzz: 1 passed, 0 failed"
	else
		echo "copy $out/crash-* to tools/dfa/corpus/ once fixed"
		echo "fuzz: 0 passed, 1 failed"
		exit 1
	fi
	;;
*)
	echo "usage: $0 --replay | --time SECONDS" >&2
	exit 2
	;;
esac
