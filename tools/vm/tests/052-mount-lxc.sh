# timeout: 300
# LXC's container rules (seed 000) as a profile: the deny rules make a
# read-only remount of / fail silently (with or without MS_SILENT); the
# fstype rules allow new mounts of those types where they say (types this
# kernel lacks fail with ENODEV before policy; debugfs is there only in
# debug builds); /sys may be remounted with exactly its rule's flags; a
# cgmanager tree may be moved; / may be made shared or private, not
# slave; bind mounts of anything but /proc, /sys and /dev are allowed,
# not recursive ones. Each refusal that is not
# a deny rule's has its record.
. /tests/lib.sh

audit_burst
on_exit policy_reset
{
	echo '#include <tunables/global>'
	echo 'profile lxc52 flags=(attach_disconnected,mediate_deleted) {'
	grep -v '^#' /tests/data/lxc.rules
	echo '}'
} > "$T/p"
apparmor_parser -r "$T/p" || fatal "loading lxc52"

# m RESULT OP... -- mnt OP... as lxc52 prints RESULT (lines joined by "; ")
m() {
	_want=$1
	shift
	expect_fop "$_want" aa-exec -p lxc52 -- mnt "$@"
}
# rec NAME FIELDS -- the last lxc52 record naming NAME is a mount denial
rec() {
	expect_record "profile=\"lxc52\" name=\"$1\"" \
		"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" $2" \
		"record for $1"
}

# the deny rules: read-only remounts of / fail without a record
m "mount EACCES" mount - / - ro,remount -
m "mount EACCES" mount - / - ro,remount,silent -
if touch /remount-probe 2>/dev/null; then rm -f /remount-probe; else
	mount -o remount,rw / && fail "/ was remounted read-only"
fi
# other remounts of / have no rule and are logged
m "mount EACCES" mount - / - ro,remount,nosuid -
rec / 'info="failed flags match" error=-13 profile="lxc52" name="/" pid=N comm="mnt" flags="ro, nosuid, remount"'
expect_eq "$(aa_records 'profile="lxc52" name="/"' | grep -c '"ro, remount')" 0 \
	"the denied remounts are quiet"

# fstype rules
D=$T/d
mkdir -p "$D" /tmp/lxc52-m
on_exit 'umount /tmp/lxc52-m 2>/dev/null; rmdir /tmp/lxc52-m'
m "mount ok; umount ok" mount x "$D" tmpfs 0 - umount "$D" 0
m "mount ok; umount ok" mount none /tmp/lxc52-m tmpfs nosuid,nodev,noexec size=1m umount /tmp/lxc52-m 0
m "mount ENODEV" mount none "$D" hugetlbfs 0 -
m "mount ENODEV" mount none "$D" mqueue 0 -
m "mount ENODEV" mount none "$D" fuse.sshfs 0 -
# debug kernels (tools/kconfig/debug.config) have debugfs: then the
# rule for new mounts below / allows it, like proc below
if grep -qw debugfs /proc/filesystems; then
	m "mount ok; umount ok" mount none "$D" debugfs 0 - umount "$D" 0
else
	m "mount ENODEV" mount none "$D" debugfs 0 -
fi
m "mount ok; umount ok" mount proc /proc proc 0 - umount /proc 0
# allowed; the kernel refuses a second sysfs or securityfs on the same spot
m "mount EBUSY" mount sysfs /sys sysfs 0 -
m "mount EBUSY" mount securityfs /sys/kernel/security securityfs 0 -
# parser 3.0.8 also compiles "options=(rw,shared) -> /**" and its
# siblings into a rule for new mounts without flags, of any type, below /:
# proc on another directory is allowed without flags, refused with one
m "mount ok; umount ok" mount proc "$D" proc 0 - umount "$D" 0
m "mount EACCES" mount proc "$D" proc nosuid -
rec "$D/" "info=\"failed flags match\" error=-13 profile=\"lxc52\" name=\"$D/\" pid=N comm=\"mnt\" fstype=\"proc\" srcname=\"proc\" flags=\"rw, nosuid\""
m "mount EACCES" mount sysfs "$D" sysfs ro -

# /sys remounted with exactly its rule's flags (in a mount namespace of
# its own: the mount flags change on the copy only)
m "unshare ok; mount ok; mount EACCES" unshare \
	mount - /sys - remount,nosuid,nodev,noexec - mount - /sys - remount,nosuid,nodev -
rec /sys/ 'info="failed flags match" error=-13 profile="lxc52" name="/sys/" pid=N comm="mnt" flags="rw, nosuid, nodev, remount"'

# cgroup: the cgmanager move and the strictatime remount
mount -t tmpfs none /sys/fs || fatal "tmpfs on /sys/fs"
on_exit 'umount -l /sys/fs 2>/dev/null'
mkdir -p /sys/fs/cgroup/cgmanager /sys/fs/cgroup/cgmanager.lower /sys/fs/cgroup/other
mount -t tmpfs cgm /sys/fs/cgroup/cgmanager
m "mount EACCES" mount /sys/fs/cgroup/other /sys/fs/cgroup/cgmanager.lower - move -
m "mount ok" mount /sys/fs/cgroup/cgmanager /sys/fs/cgroup/cgmanager.lower - move -
mount -t tmpfs cgroup /sys/fs/cgroup
m "mount ok" mount - /sys/fs/cgroup - ro,nosuid,nodev,noexec,remount,strictatime -
m "mount EACCES" mount - /sys/fs/cgroup - ro,nosuid,nodev,noexec,remount -
umount /sys/fs/cgroup
umount /sys/fs/cgroup/cgmanager.lower
umount /sys/fs
rec /sys/fs/cgroup/ 'info="failed perms check" error=-13 profile="lxc52" name="/sys/fs/cgroup/" pid=N comm="mnt" flags="ro, nosuid, nodev, noexec, remount"'

# propagation, in a mount namespace of the test's own
m "unshare ok; mount ok; mount ok; mount ok; mount ok; mount EINVAL; mount EACCES; mount EACCES" \
	unshare mount - / - shared - mount - / - rec,shared - \
	mount - / - private - mount - /tmp - rec,private - mount - "$D" - shared - \
	mount - / - slave - mount - / - shared,silent -
rec / 'info="failed flags match" error=-13 profile="lxc52" name="/" pid=N comm="mnt" flags="rw, silent, shared"'

# bind mounts
mkdir -p "$D/src/sub" "$D/dst"
for s in "$D/src" "$D/src/sub" /dev/shm /dev/pts /tmp; do
	m "mount ok; umount ok" mount "$s" "$D/dst" - bind - umount "$D/dst" 0
done
for s in /proc /proc/sys /sys /sys/kernel /dev; do
	m "mount EACCES" mount "$s" "$D/dst" - bind -
done
rec "$D/dst/" "info=\"failed perms check\" error=-13 profile=\"lxc52\" name=\"$D/dst/\" pid=N comm=\"mnt\" srcname=\"/dev/\" flags=\"rw, bind\""
m "mount EACCES" mount "$D/src" "$D/dst" - bind,rec -
rec "$D/dst/" "info=\"failed flags match\" error=-13 profile=\"lxc52\" name=\"$D/dst/\" pid=N comm=\"mnt\" srcname=\"$D/src/\" flags=\"rw, rbind\""
# the source is resolved before any rule: missing or empty
m "mount ENOENT" mount "$D/missing" "$D/dst" - bind -
m "mount EINVAL" mount "''" "$D/dst" - bind -
true
