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

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }
