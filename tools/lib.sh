# SPDX-License-Identifier: GPL-2.0-only
#
# Shared settings of Rampart's tool scripts: where the kernel source, the
# grafted tree and the build directories live. Sourced, never run.

RAMPART_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RAMPART_CACHE=${RAMPART_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rampart}
RAMPART_TARBALL=${RAMPART_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
# The stock tree exactly as Debian ships it, and Rampart's hard-linked copy.
STOCK_TREE=$RAMPART_CACHE/linux-source-6.12
RAMPART_TREE=$RAMPART_CACHE/linux-rampart
BUILD_ROOT=$RAMPART_CACHE/build
JOBS=${JOBS:-$(nproc)}
# The project's shared material (spec, testdata, aa-policy-dump) sits next
# to the repository; a clone made elsewhere finds it through
# RAMPART_SHARED or at the workplace's fixed location.
if [ -z "${RAMPART_SHARED:-}" ]; then
	for _d in "$RAMPART_REPO/../shared" /work/shared; do
		if [ -d "$_d/testdata" ]; then
			RAMPART_SHARED=$(cd "$_d" && pwd)
			break
		fi
	done
	RAMPART_SHARED=${RAMPART_SHARED:-$RAMPART_REPO/../shared}
fi
export RAMPART_SHARED
export RAMPART_TESTDATA=${RAMPART_TESTDATA:-$RAMPART_SHARED/testdata}
export RAMPART_FEATURES=${RAMPART_FEATURES:-$RAMPART_TESTDATA/features-6.12}
export RAMPART_POLICY_DUMP=${RAMPART_POLICY_DUMP:-$RAMPART_SHARED/tools/aa-policy-dump}

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }
