# apparmorfs is internal: not a registered filesystem type (KI 4.11,
# checklist A.9).
. /tests/lib.sh

grep -qw apparmorfs /proc/filesystems && fail "/proc/filesystems lists apparmorfs"
grep -qw securityfs /proc/filesystems || fail "/proc/filesystems lacks securityfs"
mkdir "$T/mnt"
expect_errno ENODEV mount -t apparmorfs none "$T/mnt"
umount "$T/mnt" 2>/dev/null || true
