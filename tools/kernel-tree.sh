#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Unpack Debian's linux-source-6.12 into the cache (once per package
# version) and keep a hard-linked copy of it for Rampart's graft.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ -f "$RAMPART_TARBALL" ] || "$RAMPART_REPO/tools/setup.sh"
[ -f "$RAMPART_TARBALL" ] || die "no $RAMPART_TARBALL after setup"

stamp=$(stat -c '%s-%Y' "$RAMPART_TARBALL")
mkdir -p "$RAMPART_CACHE"

if [ "$(cat "$STOCK_TREE/.rampart-stamp" 2>/dev/null)" != "$stamp" ]; then
	log "unpacking $RAMPART_TARBALL"
	rm -rf "$STOCK_TREE" "$RAMPART_TREE" "$BUILD_ROOT"
	tmp=$(mktemp -d "$RAMPART_CACHE/unpack.XXXXXX")
	tar -xf "$RAMPART_TARBALL" -C "$tmp"
	mv "$tmp"/linux-source-6.12 "$STOCK_TREE"
	rmdir "$tmp"
	echo "$stamp" > "$STOCK_TREE/.rampart-stamp"
fi

if [ "$(cat "$RAMPART_TREE/.rampart-stamp" 2>/dev/null)" != "$stamp" ]; then
	log "making the Rampart tree (hard links to the stock tree)"
	rm -rf "$RAMPART_TREE"
	cp -al "$STOCK_TREE" "$RAMPART_TREE.tmp"
	# Our graft owns this directory: drop the links, never write through.
	rm -rf "$RAMPART_TREE.tmp/security/apparmor"
	mkdir "$RAMPART_TREE.tmp/security/apparmor"
	mv "$RAMPART_TREE.tmp" "$RAMPART_TREE"
fi
