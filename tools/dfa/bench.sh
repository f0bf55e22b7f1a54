#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench-dfa: Rampart's DFA matcher against stock 6.12's, side by side
# in one run, on the file DFAs apparmor_parser 3.0.8 compiles (for the 6.12
# feature set) from every profile in /etc/apparmor.d and Debian's
# apparmor-profiles, walked over every path dpkg installed on this machine.
#
# Stock's match.c comes from Debian's linux-source-6.12 and is compiled
# here with the same compiler and flags as Rampart's dfa.c; it is never
# committed. Instructions are counted with callgrind (on a 1-in-25 sample
# of the paths), time over all paths. Ends with
#   dfa: instructions/byte ratio (Rampart/stock) X.XX, memory ratio Y.YY
# (medians over the DFAs).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

out=$RAMPART_CACHE/bench-dfa
features=${RAMPART_FEATURES:-$RAMPART_REPO/../shared/testdata/features-6.12}
CFLAGS=${CFLAGS:--O2 -g}
mkdir -p "$out"/{bins,dfas,stock/include,cg}
"$RAMPART_REPO/tools/setup.sh" >/dev/null
"$RAMPART_REPO/tools/kernel-tree.sh"
[ -d "$features" ] || die "no feature set at $features (set RAMPART_FEATURES)"

# 1. The stock matcher, staged from the tarball with our shim for lib.h.
cp "$STOCK_TREE/security/apparmor/match.c" "$out/stock/"
cp "$STOCK_TREE/security/apparmor/include/match.h" "$out/stock/include/"
cp "$RAMPART_REPO/tools/dfa/stock-shim/lib.h" "$out/stock/include/lib.h"
cp "$RAMPART_REPO/tools/dfa/stock-shim/glue.c" "$out/stock/"
stock_cc=(gcc $CFLAGS -I "$RAMPART_REPO/tools/dfa/stock-shim" -iquote "$out/stock")
"${stock_cc[@]}" -c "$out/stock/match.c" -o "$out/stock/match.o"
"${stock_cc[@]}" -c "$out/stock/glue.c" -o "$out/stock/glue.o"
rp_cc=(gcc $CFLAGS -I "$RAMPART_REPO/tools/dfa/shim" -I "$RAMPART_REPO/include"
       -iquote "$RAMPART_REPO/security/apparmor")
"${rp_cc[@]}" -c "$RAMPART_REPO/security/apparmor/dfa.c" -o "$out/dfa.o"
"${rp_cc[@]}" -c "$RAMPART_REPO/tools/dfa/bench_dfa.c" -o "$out/bench_dfa.o"
gcc "$out/bench_dfa.o" "$out/dfa.o" "$out/stock/match.o" "$out/stock/glue.o" \
	-o "$out/bench_dfa"

# 2. The profile set, compiled once.
n=0
for p in /etc/apparmor.d/* /usr/share/apparmor/extra-profiles/*; do
	[ -f "$p" ] || continue
	bin=$out/bins/$(basename "$p").bin
	if [ ! -s "$bin" ] || [ "$p" -nt "$bin" ]; then
		apparmor_parser --config-file /dev/null -Q -M "$features" \
			-I /etc/apparmor.d -o "$bin" "$p" 2>/dev/null || { rm -f "$bin"; continue; }
	fi
	n=$((n + 1))
done
rm -rf "$out/dfas" && mkdir "$out/dfas"
python3 "$RAMPART_REPO/tools/dfa/gen-vectors.py" --extract "$out/dfas" file "$out"/bins/*.bin
dfas=("$out"/dfas/*.dfa)
log "$n profiles, ${#dfas[@]} file DFAs"

# 3. The paths: everything dpkg installed; a sample for callgrind.
cat /var/lib/dpkg/info/*.list | grep '^/' | sort -u > "$out/paths"
awk 'NR % 25 == 0' "$out/paths" > "$out/paths.sample"
log "$(wc -l < "$out/paths") paths, $(wc -l < "$out/paths.sample") sampled for instruction counts"

# 4. Time and memory (both matchers, same process, results cross-checked).
"$out/bench_dfa" --time "$out/paths" "${dfas[@]}" > "$out/time.tsv"

# 5. Instructions, one callgrind dump per DFA walk.
for m in rampart stock; do
	rm -f "$out/cg/$m".*
	valgrind --tool=callgrind --collect-atstart=no --dump-line=no \
		--callgrind-out-file="$out/cg/$m.%p" -q \
		"$out/bench_dfa" --count "$m" "$out/paths.sample" "${dfas[@]}"
done

python3 - "$out" <<'PY'
import glob, os, statistics, sys
out = sys.argv[1]
sample_bytes = sum(len(l.rstrip("\n")) for l in open(os.path.join(out, "paths.sample")))

def counts(m):
    """dfa path -> instructions, from the per-DFA callgrind dumps."""
    res = {}
    for f in glob.glob(os.path.join(out, "cg", m + ".*")):
        trig = ir = None
        for line in open(f, errors="replace"):
            if line.startswith("desc: Trigger: Client Request: "):
                trig = line.split(": ", 3)[3].strip()
            elif line.startswith("totals: ") or line.startswith("summary: "):
                ir = int(line.split()[1])
        if trig and ir is not None:
            res[trig] = ir
    return res

rp, st = counts("rampart"), counts("stock")
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(out, "time.tsv"))][1:]
ipb, mem, speed = [], [], []
print(f"{'dfa':40} {'states':>6} {'rp i/B':>7} {'st i/B':>7} {'ratio':>6} "
      f"{'rp KiB':>7} {'st KiB':>7} {'rp MB/s':>8} {'st MB/s':>8}")
for name, states, slots, rpb, stb, rps, sts in rows:
    if name not in rp or name not in st:
        continue
    r_i, s_i = rp[name] / sample_bytes, st[name] / sample_bytes
    ipb.append(r_i / s_i)
    mem.append(int(rpb) / int(stb))
    speed.append(float(rps) / float(sts))
    print(f"{os.path.basename(name)[:40]:40} {states:>6} {r_i:7.2f} {s_i:7.2f} "
          f"{r_i / s_i:6.2f} {int(rpb) / 1024:7.1f} {int(stb) / 1024:7.1f} "
          f"{float(rps):8.0f} {float(sts):8.0f}")
if not ipb:
    sys.exit("dfa: no measurements")
q = statistics.quantiles
print(f"\n{len(ipb)} DFAs; instructions/byte ratio min {min(ipb):.2f} "
      f"median {statistics.median(ipb):.2f} max {max(ipb):.2f}; "
      f"memory ratio min {min(mem):.2f} median {statistics.median(mem):.2f} "
      f"max {max(mem):.2f}; speed-up (MB/s) median {statistics.median(speed):.2f}")
print(f"dfa: instructions/byte ratio (Rampart/stock) {statistics.median(ipb):.2f}, "
      f"memory ratio {statistics.median(mem):.2f}")
PY
