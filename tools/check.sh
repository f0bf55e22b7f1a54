#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Everything `make check` runs: lint, the DFA fuzzer's corpus replayed
# under ASan and UBSan, KUnit (kunit.py under QEMU x86_64),
# the VM suite on a Rampart kernel, and with STOCK=1 the same VM suite on
# a stock 6.12 AppArmor kernel built from the same tarball. Each part ends
# with "<part>: N passed, N failed[, N skipped]"; the last line sums them.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$RAMPART_REPO"

total_pass=0
total_fail=0
total_skip=0
summary=()

# run_part NAME CMD...: run, echo its output, add its closing counts.
run_part() {
	local name=$1 out line p f s status
	shift
	echo "=== $name: $*"
	out=$(mktemp)
	"$@" 2>&1 | tee "$out"
	status=${PIPESTATUS[0]}
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
	rm -f "$out"
	if [ -z "$line" ]; then
		p=0 f=1 s=0
		echo "$name: no result line (exit status $status), counted as a failure"
	else
		p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
		f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
		s=$(echo "$line" | grep -oE '[0-9]+ skipped' | grep -oE '[0-9]+' || echo 0)
		[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + s))
	summary+=("$(printf '%-10s %4d passed, %d failed, %d skipped' "$name" "$p" "$f" "$s")")
}

vm_suite() {
	local variant=$1 kernel
	shift
	kernel=$(tools/build-kernel.sh "$variant") || { echo "vm: 0 passed, 1 failed"; return 1; }
	tools/vm/suite.sh --kernel "$kernel" "$@"
}

start=$(date +%s)
tools/setup.sh
run_part lint tools/lint.sh
run_part fuzz tools/dfa/fuzz.sh --replay
run_part kunit tools/kunit.sh
run_part vm vm_suite rampart
if [ "${STOCK:-0}" = 1 ]; then
	run_part vm-stock vm_suite stock --stock
fi

echo "=== summary (took $(( $(date +%s) - start )) s)"
printf '%s\n' "${summary[@]}"
line="$total_pass passed, $total_fail failed"
[ "$total_skip" -gt 0 ] && line+=", $total_skip skipped"
echo "$line"
[ "$total_fail" -eq 0 ]
