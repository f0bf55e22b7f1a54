#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench-syscalls: the cost of file mediation per system call. One VM
# run per configuration, each running tools/vm/helpers/sysbench (open +
# close, stat, pread of a small file, fork + exec + wait of a static binary,
# kill(self, 0), inet socket + close, unix datagram send + recv):
#   none     stock 6.12 kernel booted with lsm=capability (no AppArmor)
#   stock    stock 6.12 AppArmor, sysbench confined by
#            tools/vm/tests/data/sysbench.profile
#   rampart  Rampart, the same compiled profile
# QEMU runs with -icount shift=0: guest clocks advance one nanosecond per
# guest instruction, so "ns per call" is instructions per call, the same
# from run to run and comparable across kernels. Prints a table (per
# configuration, per benchmark: ns per call, median of ROUNDS rounds) and
# ends with
#   syscalls: overhead ratio (Rampart/stock) open X.XX stat X.XX read X.XX exec X.XX signal X.XX socket X.XX unix X.XX
# where each ratio is (rampart - none) / (stock - none).
#
# Environment: BENCH_STOCK_KERNEL, BENCH_RAMPART_KERNEL (bzImages to use
# instead of building with tools/build-kernel.sh), ITERS (calls per round
# for every benchmark but exec; default 10000), EXECS (execs per round; 500),
# ROUNDS (21), BENCH_QEMU_ARGS (default "-icount shift=0"; empty for plain
# TCG with real-time clocks), BENCH_CONFIGS (default "none stock rampart
# rampart-none"; rampart-none is Rampart's kernel with lsm=capability).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ITERS=${ITERS:-10000}
EXECS=${EXECS:-500}
ROUNDS=${ROUNDS:-21}
# Guest clocks count instructions (one per nanosecond, also across idle
# time); nothing from the host's clock or randomness reaches the guest: no
# RDRAND/RDSEED, and an RTC on the virtual clock from a fixed date.
QARGS=${BENCH_QEMU_ARGS--cpu max,-rdrand,-rdseed -icount shift=0,sleep=off -rtc base=2026-01-01T00:00:00,clock=vm}
CONFIGS=${BENCH_CONFIGS:-none stock rampart rampart-none}
# No address space randomisation: where the stack and mmaps land changes
# the instructions fork and exec take.
BENCH_APPEND=${BENCH_APPEND-norandmaps}
BENCHES="open stat read exec signal socket unix"

# The guest side; $1 is "none" (no AppArmor expected, nothing loaded) or
# "apparmor" (load the profile, run confined).
guest='
mode=MODE D=/tmp/sysbench S=/sys/kernel/security/apparmor
fail() { echo "BENCH-FAIL $*"; exit 1; }
lsm=$(cat /sys/kernel/security/lsm 2>/dev/null)
mkdir -p $D && printf "rampart bench-syscalls data file\n" > $D/data || fail "cannot write $D/data"
if [ $mode = none ]; then
	case ",$lsm," in *,apparmor,*) fail "AppArmor is active in the no-LSM run" ;; esac
	label=
else
	case ",$lsm," in *,apparmor,*) ;; *) fail "AppArmor is not active" ;; esac
	apparmor_parser -r -B /tests/data/sysbench.bin || fail "loading the profile failed"
	grep -qx "sysbench (enforce)" $S/profiles || fail "profile sysbench not loaded"
	label="sysbench (enforce)"
fi
dmesg -c > /dev/null
# Nothing reaches the console before the run ends.
sysbench run -n ITERS -x EXECS -r ROUNDS ${label:+-l "$label"} $D/data > $D/out 2>&1
rc=$?
echo "BENCH lsm=$lsm"
cat $D/out
[ $rc = 0 ] || fail "sysbench failed ($rc)"
grep -qx "SYSBENCH label=$label" $D/out || fail "sysbench did not run with label \"$label\""
if dmesg | grep -E "apparmor=\"(DENIED|ALLOWED)\""; then
	fail "accesses were denied or audited during the run"
fi
echo BENCH-OK
'
guest=${guest//ITERS/$ITERS}
guest=${guest//EXECS/$EXECS}
guest=${guest//ROUNDS/$ROUNDS}

kernel_of() {
	case $1 in
	stock) echo "${BENCH_STOCK_KERNEL:-$("$RAMPART_REPO/tools/build-kernel.sh" stock)}" ;;
	rampart) echo "${BENCH_RAMPART_KERNEL:-$("$RAMPART_REPO/tools/build-kernel.sh" rampart)}" ;;
	esac
}

declare -A cost
for c in $CONFIGS; do
	case $c in
	none) k=stock append=lsm=capability mode=none ;;
	rampart-none) k=rampart append=lsm=capability mode=none ;;
	stock | rampart) k=$c append='' mode=apparmor ;;
	*) die "unknown configuration $c" ;;
	esac
	kernel=$(kernel_of "$k")
	[ -f "$kernel" ] || die "no kernel at $kernel"
	out=$("$RAMPART_REPO/tools/vm/run.sh" --kernel "$kernel" --append "$BENCH_APPEND $append" \
		--qemu-args "$QARGS" --timeout 1800 -- "${guest//MODE/$mode}" | tr -d '\r') ||
		{ echo "$out" | tail -n 20 >&2; die "the $c VM failed"; }
	echo "$out" | grep -q '^BENCH-OK' || { echo "$out" | tail -n 20 >&2; die "the $c VM failed"; }
	echo "$out" | grep '^SYSBENCH' | sed "s/^/$c: /" >&2
	for b in $BENCHES; do
		v=$(echo "$out" | sed -n "s/^SYSBENCH $b .* median=\([0-9.]*\).*/\1/p")
		[ -n "$v" ] || die "no $b result from the $c VM"
		cost[$c,$b]=$v
	done
done

printf '%-14s' "ns per call"
for b in $BENCHES; do printf ' %12s' "$b"; done
echo
for c in $CONFIGS; do
	printf '%-14s' "$c"
	for b in $BENCHES; do printf ' %12.1f' "${cost[$c,$b]}"; done
	echo
done
if [[ " $CONFIGS " == *" none "* && " $CONFIGS " == *" stock "* &&
	" $CONFIGS " == *" rampart "* ]]; then
	for c in stock rampart; do
		printf '%-14s' "$c - none"
		for b in $BENCHES; do
			printf ' %12.1f' "$(awk -v a="${cost[$c,$b]}" -v n="${cost[none,$b]}" \
				'BEGIN { print a - n }')"
		done
		echo
	done
	line="syscalls: overhead ratio (Rampart/stock)"
	for b in $BENCHES; do
		line+=$(awk -v b="$b" -v r="${cost[rampart,$b]}" -v s="${cost[stock,$b]}" \
			-v n="${cost[none,$b]}" 'BEGIN {
			if (s - n <= 0) printf " %s n/a", b
			else printf " %s %.2f", b, (r - n) / (s - n) }')
	done
	echo "$line"
fi
