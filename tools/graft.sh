#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Put Rampart into a 6.12 tree in place of security/apparmor:
#
#   Kconfig, Kbuild          -> security/apparmor/{Kconfig,Kbuild}
#   security/apparmor/*      -> security/apparmor/
#   include/                 -> security/apparmor/include/
#   kunit-tests/             -> security/apparmor/kunit-tests/
#
# Only files whose content changed are rewritten, so an incremental kernel
# build after a re-graft recompiles only what was edited. Nothing outside
# security/apparmor is touched.
#
# usage: graft.sh [TREE]   (default: the cached Rampart tree)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tree=${1:-$RAMPART_TREE}
[ -f "$tree/security/Kconfig" ] || die "$tree is not a kernel tree"
dst=$tree/security/apparmor

# A stock directory still in place (a user's own tree): move it aside once.
if [ -f "$dst/apparmorfs.c" ]; then
	log "moving stock security/apparmor to security/apparmor.stock"
	rm -rf "$tree/security/apparmor.stock"
	mv "$dst" "$tree/security/apparmor.stock"
fi
mkdir -p "$dst"

sync() { rsync -rc --delete "$@"; }
sync --exclude=/include/ --exclude=/kunit-tests/ --exclude=/Kconfig \
	--exclude=/Kbuild "$RAMPART_REPO/security/apparmor/" "$dst/"
sync "$RAMPART_REPO/include/" "$dst/include/"
sync "$RAMPART_REPO/kunit-tests/" "$dst/kunit-tests/"
rsync -c "$RAMPART_REPO/Kconfig" "$RAMPART_REPO/Kbuild" "$dst/"
