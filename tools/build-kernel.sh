#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build an x86_64 bzImage from the config fragments in tools/kconfig/.
#
# usage: build-kernel.sh rampart|stock     (DEBUG=1 adds debug.config)
# Prints the path of the bzImage on stdout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

variant=${1:-rampart}
frags=("$RAMPART_REPO/tools/kconfig/base.config")
case $variant in
rampart)
	tree=$RAMPART_TREE
	frags+=("$RAMPART_REPO/tools/kconfig/rampart.config") ;;
stock)
	tree=$STOCK_TREE
	frags+=("$RAMPART_REPO/tools/kconfig/stock.config") ;;
*)	die "unknown variant $variant" ;;
esac
if [ "${DEBUG:-0}" = 1 ]; then
	frags+=("$RAMPART_REPO/tools/kconfig/debug.config")
	variant=$variant-debug
fi
out=$BUILD_ROOT/$variant

"$RAMPART_REPO/tools/kernel-tree.sh"
[ "$tree" = "$RAMPART_TREE" ] && "$RAMPART_REPO/tools/graft.sh" "$tree"
mkdir -p "$out"

want=$(cat "${frags[@]}" | sha256sum | cut -d' ' -f1)
if [ ! -f "$out/.config" ] || [ "$(cat "$out/.rampart-config" 2>/dev/null)" != "$want" ]; then
	log "configuring $variant"
	merged=$(cd "$tree" && ARCH=x86_64 scripts/kconfig/merge_config.sh \
		-n -O "$out" "${frags[@]}" 2>&1) || { echo "$merged" >&2; die "config failed"; }
	# Every option a fragment asks for must survive dependency resolution.
	if echo "$merged" | grep -A2 '^Value requested for' >&2; then
		die "a config fragment asks for an option the tree cannot give"
	fi
	echo "$want" > "$out/.rampart-config"
fi

log "building $variant bzImage in $out"
make -s -C "$tree" O="$out" ARCH=x86_64 -j"$JOBS" bzImage >&2
echo "$out/arch/x86/boot/bzImage"
