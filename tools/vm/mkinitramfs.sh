#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# mkinitramfs.sh OUT
#
# Build the initramfs of Rampart's test VM (gzip'd newc cpio) at OUT:
#   - busybox-static with its applet links (merged-/usr layout)
#   - apparmor_parser, aa-exec, aa-status, aa-enabled from the host, with
#     the shared libraries ldd reports (dynamic loader included)
#   - /etc/apparmor.d, /etc/apparmor/parser.conf, the parser's feature file
#     (/usr/share/apparmor-features), /usr/share/apparmor/extra-profiles
#   - guest/init as /init, guest/run-tests as /usr/lib/rampart/run-tests
#   - tests/ as /tests, helpers/*.c compiled static into /usr/local/bin
#     (hat.c with libapparmor.a: apt-get install libapparmor-dev)
#   - the shared test profiles (shared/testdata/*.profile) as
#     /tests/testdata/NAME.profile, each also compiled here for the 6.12
#     feature set (NAME.bin) with what aa-policy-dump decodes from it
#     (NAME.hashes: "raw SHA256", "abi N", "profile NAME SHA256 MODE")
#
# The build is skipped when the sha256 of every input (recorded in
# OUT.inputs) is unchanged. The archive is reproducible: sorted, uid/gid 0,
# fixed mtimes, gzip -n.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

[[ $# -eq 1 && $1 != -* ]] || { echo "usage: $0 OUT" >&2; exit 2; }
OUT=$1
VM=$RAMPART_REPO/tools/vm

BUSYBOX=$(command -v busybox) || die "busybox not found (apt-get install busybox-static)"
file -L "$BUSYBOX" | grep -q 'statically linked' || die "$BUSYBOX is not static (install busybox-static)"
BINS=()
for b in apparmor_parser aa-exec aa-status aa-enabled; do
	p=$(command -v "$b") || die "$b not found (apt-get install apparmor apparmor-utils)"
	BINS+=("$(readlink -f "$p")")
done

LIBAPPARMOR_A=$(gcc -print-file-name=libapparmor.a)
[[ -f $LIBAPPARMOR_A ]] || die "libapparmor.a not found (apt-get install libapparmor-dev)"

# Data trees copied verbatim (same path in the guest).
TREES=(/etc/apparmor.d /usr/share/apparmor/extra-profiles /usr/share/apparmor-features)
FILES=(/etc/apparmor/parser.conf)
for t in "${TREES[@]}" "${FILES[@]}"; do
	[[ -e $t ]] || die "$t missing (apt-get install apparmor apparmor-profiles)"
done

# Shared libraries of the binaries, as ldd resolves them.
mapfile -t LIBS < <(for b in "${BINS[@]}"; do ldd "$b"; done |
	awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
	LC_ALL=C sort -u)

FEATURES=${RAMPART_FEATURES:-$RAMPART_REPO/../shared/testdata/features-6.12}
TESTDATA=${RAMPART_TESTDATA:-$RAMPART_REPO/../shared/testdata}
POLICY_DUMP=${RAMPART_POLICY_DUMP:-$RAMPART_REPO/../shared/tools/aa-policy-dump}
shopt -s nullglob
TESTPROFILES=("$TESTDATA"/*.profile)
shopt -u nullglob

# --- input hash --------------------------------------------------------------
inputs_hash() {
	{
		echo "format 1"
		sha256sum "${BASH_SOURCE[0]}" "$BUSYBOX" "${BINS[@]}" "${FILES[@]}" \
			"$LIBAPPARMOR_A"
		for l in "${LIBS[@]}"; do echo "lib $l"; done
		sha256sum "${LIBS[@]}"
		find "${TREES[@]}" "$VM/guest" "$VM/helpers" "$VM/tests" \
			-printf '%p %y %m %l\n' | LC_ALL=C sort
		find "${TREES[@]}" "$VM/guest" "$VM/helpers" "$VM/tests" -type f \
			-print0 | LC_ALL=C sort -z | xargs -0 sha256sum
		gcc --version | head -1
		apparmor_parser --version | head -1
		[[ -d $FEATURES ]] && find "$FEATURES" -type f -print0 |
			LC_ALL=C sort -z | xargs -0 sha256sum
		((${#TESTPROFILES[@]})) && sha256sum "${TESTPROFILES[@]}"
		[[ -f $POLICY_DUMP ]] && sha256sum "$POLICY_DUMP"
		true
	} | sha256sum | cut -d' ' -f1
}
mkdir -p "$(dirname "$OUT")"
# Concurrent callers (two suites at once) wait for each other.
exec {lockfd}>"$OUT.lock"
flock "$lockfd"
hash=$(inputs_hash)
if [[ -f $OUT && -f $OUT.inputs && $(<"$OUT.inputs") == "$hash" ]]; then
	exit 0
fi

log "building $OUT"
stage=$(mktemp -d "$(dirname "$OUT")/.initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cd "$stage"

# Merged /usr, like Debian.
mkdir -p usr/bin usr/sbin usr/lib usr/lib64 usr/local/bin usr/lib/rampart \
	dev proc sys tmp run root etc/apparmor var/cache/apparmor var/lib/apparmor \
	var/log mnt rampart
ln -s usr/bin bin
ln -s usr/sbin sbin
ln -s usr/lib lib
ln -s usr/lib64 lib64
ln -s ../run var/run
chmod 1777 tmp
chmod 0700 root
mknod -m 600 dev/console c 5 1 2>/dev/null || true
mknod -m 666 dev/null c 1 3 2>/dev/null || true

# Guest path of a host path, in the merged-/usr layout.
gpath() {
	case $1 in
	/bin/* | /sbin/* | /lib/* | /lib64/*) echo "usr$1" ;;
	*) echo "${1#/}" ;;
	esac
}

install -m 755 "$BUSYBOX" usr/bin/busybox
while read -r applet; do
	dst=$(gpath "/$applet")
	[[ -e $dst || -L $dst ]] && continue
	mkdir -p "$(dirname "$dst")"
	ln -s /usr/bin/busybox "$dst"
done < <("$BUSYBOX" --list-full)

for f in "${BINS[@]}" "${LIBS[@]}"; do
	dst=$(gpath "$f")
	mkdir -p "$(dirname "$dst")"
	cp -L "$f" "$dst"
done

for t in "${TREES[@]}"; do
	mkdir -p "$(dirname "${t#/}")"
	cp -a "$t" "${t#/}"
done
for f in "${FILES[@]}"; do
	mkdir -p "$(dirname "${f#/}")"
	cp -L "$f" "${f#/}"
done

install -m 755 "$VM/guest/init" init
install -m 755 "$VM/guest/run-tests" usr/lib/rampart/run-tests
cp -a "$VM/tests" tests
# Debian's whole profile set compiled here, once, by apparmor_parser for the
# 6.12 feature set: the guest loads these exact bytes (compiling 138
# profiles under TCG would take minutes).
if [[ -d $FEATURES ]]; then
	mkdir -p tests/data
	for p in /etc/apparmor.d/* /usr/share/apparmor/extra-profiles/*; do
		[[ -f $p && ${p##*/} != README ]] || continue
		apparmor_parser --config-file /dev/null -Q -M "$FEATURES" \
			-I /etc/apparmor.d -S "$p" 2>/dev/null
	done > tests/data/debian-profiles.bin
	for p in tests/data/*.profile; do
		apparmor_parser --config-file /dev/null -Q -M "$FEATURES" \
			-I /etc/apparmor.d -S "$p" > "${p%.profile}.bin" ||
			die "compiling $p failed"
	done
fi
# The 6.12 feature set plus network/af_unix (af-unix.md 2.1): the af_unix
# tests compile their profiles with it (apparmor_parser -M), so that unix
# rules reach the policy whatever the kernel and parser.conf say.
if [[ -d $FEATURES ]]; then
	mkdir -p tests/data
	cp -r "$FEATURES" tests/data/features-afunix
	mkdir tests/data/features-afunix/network
	echo yes > tests/data/features-afunix/network/af_unix
	cp "$FEATURES/network_v8/af_mask" tests/data/features-afunix/network/
fi
# The shared test profiles, as source for the guest's apparmor_parser, and
# compiled here like shared/testdata/regen.sh does, with the profile and
# raw-data hashes of the independent decoder for the tree tests.
if ((${#TESTPROFILES[@]})); then
	mkdir -p tests/testdata
	cp "${TESTPROFILES[@]}" tests/testdata/
	if [[ -d $FEATURES ]]; then
		for p in tests/testdata/*.profile; do
			apparmor_parser --config-file /dev/null -Q -M "$FEATURES" \
				-S "$p" > "${p%.profile}.bin" || die "compiling $p failed"
			[[ -x $POLICY_DUMP ]] || continue
			"$POLICY_DUMP" "${p%.profile}.bin" | awk '
				function flush() {
					if (name != "")
						print "profile " (ns != "" ? ":" ns ":" : "") name " " hash " " mode
					name = ""; ns = ""; hash = ""; mode = ""
				}
				/^== .* raw sha256 / { print "raw " $NF }
				/^record / { flush() }
				$1 == "version" && !abi && match($0, / abi=[0-9]+/) {
					abi = substr($0, RSTART + 5, RLENGTH - 5); print "abi " abi
				}
				$1 == "namespace" { ns = $2; gsub(/\047/, "", ns) }
				$1 == "profile" { name = $2; gsub(/\047/, "", name) }
				$1 == "sha256" && $3 == "(kernel" { hash = $2 }
				$1 == "flags" && /mode=/ { mode = $0; sub(/.*mode=[0-9]*\(/, "", mode); sub(/\).*/, "", mode) }
				END { flush() }' > "${p%.profile}.hashes" ||
				die "aa-policy-dump failed on ${p%.profile}.bin"
		done
	fi
fi
for c in "$VM"/helpers/*.c; do
	libs=()
	# hat drives change_hat through Debian's libapparmor, linked in
	[[ ${c##*/} == hat.c ]] && libs=(-lapparmor)
	# bench-syscalls' exec target: no libc, just exit_group(0)
	[[ ${c##*/} == sysbench-nop.c ]] && libs=(-nostdlib)
	gcc -static -s -O2 -Wall -o "usr/local/bin/$(basename "$c" .c)" "$c" \
		"${libs[@]}" || die "compiling $c failed"
done

cat > etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat > etc/group <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
echo rampart-vm > etc/hostname
: > etc/fstab

# Reproducible archive: fixed mtimes, sorted names, owner 0:0.
find . -exec touch -h -d @0 {} +
find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 --reproducible | gzip -n -6 > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$hash" > "$OUT.inputs"
log "built $OUT ($(du -h "$OUT" | cut -f1))"
