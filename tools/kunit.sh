#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run Rampart's KUnit suites through the kernel's kunit.py, on the grafted
# tree, under QEMU x86_64 (default) or UML (KUNIT_ARCH=um, quicker).
# Ends with "kunit: N passed, N failed[, N skipped]".
set -euo pipefail
. "$(dirname "$0")/lib.sh"

arch=${KUNIT_ARCH:-x86_64}
"$RAMPART_REPO/tools/kernel-tree.sh"
"$RAMPART_REPO/tools/graft.sh"
mkdir -p "$BUILD_ROOT"

args=(run --kunitconfig=security/apparmor/kunit-tests/.kunitconfig
      --build_dir="$BUILD_ROOT/kunit$([ "$arch" = x86_64 ] || echo "-$arch")" --jobs="$JOBS" --timeout=600)
[ "$arch" = um ] || args+=(--arch="$arch")

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
(cd "$RAMPART_TREE" && python3 tools/testing/kunit/kunit.py "${args[@]}" "$@") 2>&1 |
	tee "$log"
status=${PIPESTATUS[0]}
set -e

# kunit.py closes with "Testing complete. Ran N tests: passed: P, failed: F,
# skipped: S" (fields that are zero are left out).
line=$(grep -E 'Testing complete\. Ran [0-9]+ tests' "$log" | tail -1 || true)
field() { echo "$line" | grep -oE "$1: [0-9]+" | grep -oE '[0-9]+' || echo 0; }
if [ -z "$line" ]; then
	echo "kunit: 0 passed, 1 failed (kunit.py did not complete, status $status)"
	exit 1
fi
passed=$(field passed)
failed=$(field failed)
skipped=$(field skipped)
crashed=$(field crashed)
failed=$((failed + crashed))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
summary="kunit: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
