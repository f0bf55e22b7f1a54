#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench-load: load Debian's whole profile set (compiled by
# apparmor_parser 3.0.8 for the 6.12 feature set, as in the VM suite) into
# Rampart and into stock 6.12 AppArmor, same config, same VM, one run each:
# the time of REPS loads (each after removing everything) and the kernel
# memory (Slab + VmallocUsed) the loaded set holds. Ends with
#   load: time ratio (Rampart/stock) X.XX, memory ratio Y.YY
set -euo pipefail
. "$(dirname "$0")/lib.sh"

REPS=${REPS:-10}
guest='
S=/sys/kernel/security/apparmor B=/tests/data/debian-profiles.bin
[ -s $B ] || { echo "no compiled profile set"; exit 1; }
remove_all() {
	sed -n "s/ ([a-z]*)\$//p" $S/profiles | grep -v // |
		while read -r n; do printf "%s" "$n" > $S/.remove; done
}
mem() { awk "/^(Slab|VmallocUsed):/ { s += \$2 } END { print s }" /proc/meminfo; }
cat $B > /dev/null
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
m0=$(mem)
t0=$(cut -d" " -f1 /proc/uptime)
i=0
while [ $i -lt '"$REPS"' ]; do
	[ $i -gt 0 ] && remove_all
	fsop write $S/.replace - < $B || exit 1
	i=$((i + 1))
done
t1=$(cut -d" " -f1 /proc/uptime)
sleep 2
m1=$(mem)
echo "BENCH profiles=$(wc -l < $S/profiles) seconds=$(echo "$t0 $t1" | awk "{ print \$2 - \$1 }") kib=$((m1 - m0))"
'
declare -A secs kib
for v in rampart stock; do
	kernel=$("$RAMPART_REPO/tools/build-kernel.sh" "$v")
	line=$("$RAMPART_REPO/tools/vm/run.sh" --kernel "$kernel" --timeout 600 -- "$guest" |
		grep '^BENCH' | tr -d '\r')
	[ -n "$line" ] || die "no result from the $v VM"
	echo "$v: $line"
	secs[$v]=$(echo "$line" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
	kib[$v]=$(echo "$line" | sed 's/.*kib=\(-\?[0-9]*\).*/\1/')
done
awk -v rt="${secs[rampart]}" -v st="${secs[stock]}" -v rm="${kib[rampart]}" \
	-v sm="${kib[stock]}" -v reps="$REPS" 'BEGIN {
	printf "%-8s %12s %14s\n", "", "s per load", "KiB held"
	printf "%-8s %12.3f %14d\n", "rampart", rt / reps, rm
	printf "%-8s %12.3f %14d\n", "stock", st / reps, sm
	printf "load: time ratio (Rampart/stock) %.2f, memory ratio %.2f\n", rt / st, rm / sm
}'
