# timeout: 300
# How mount denials are decided and logged (mediation.md 5, 12.2, 13.3):
# a profile without mount rules refuses every mount; the refusal comes
# before the capability check, so an unprivileged caller gets EACCES, not
# EPERM; complain mode allows with ALLOWED while deny rules stay silent
# and enforced; audit rules log AUDIT, audit deny logs DENIED; kill mode
# kills the caller (KILLED); a remount never matches an fstype rule; the
# legacy magic number in the flags is dropped; names that are not plain
# text are logged in hex; unconfined callers are never checked.
. /tests/lib.sh

audit_burst
on_exit policy_reset
M=$T/m
mkdir -p "$M"
chmod 755 "$T"
on_exit "umount $M 2>/dev/null; true"

expect_content "$SFS/features/mount/mask" "mount umount pivot_root\n" "features mount/mask"
expect_content "$SFS/features/mount/move_mount" "detached\n" "features mount/move_mount"

load() { # NAME FLAGS RULES
	printf 'profile %s %s {\n  capability,\n  file,\n  umount,\n%s\n}\n' "$1" "$2" "$3" > "$T/p"
	apparmor_parser -r "$T/p" || fatal "loading $1"
}
load none54 "" ""
load tmp54 "" "  mount fstype=tmpfs,"
load cmp54 "flags=(complain)" "  deny mount fstype=ramfs,
  audit deny mount fstype=tmpfs -> $T/ad/,"
load aud54 "" "  audit mount fstype=tmpfs -> $M/,
  audit deny mount fstype=ramfs,
  mount options=ro -> $M/,"
load kill54 "flags=(kill)" ""

# no rules: refused, logged
expect_fop "mount EACCES" aa-exec -p none54 -- mnt mount none "$M" tmpfs nosuid -
expect_record 'profile="none54"' \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"none54\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"none\" flags=\"rw, nosuid\"" \
	"no mount rules"
# before the capability check
expect_fop "mount EACCES" as_nobody aa-exec -p tmp54 -- mnt mount none "$M" ramfs 0 -
expect_fop "mount EPERM" as_nobody aa-exec -p tmp54 -- mnt mount none "$M" tmpfs 0 -
expect_fop "mount EPERM" as_nobody mnt mount none "$M" tmpfs 0 -
# fstype rules match new mounts only, never a remount
expect_fop "mount ok; mount EACCES; umount ok" aa-exec -p tmp54 -- \
	mnt mount none "$M" tmpfs 0 - mount - "$M" - remount,ro - umount "$M" 0
expect_record "profile=\"tmp54\" name=\"$M/\"" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed type match\" error=-13 profile=\"tmp54\" name=\"$M/\" pid=N comm=\"mnt\" flags=\"ro, remount\"" \
	"remount against an fstype rule"
# the legacy magic number (0xC0ED in the top half) is not a flag
expect_fop "mount ok; umount ok" aa-exec -p tmp54 -- \
	mnt mount none "$M" tmpfs magic,nodev - umount "$M" 0

# complain: allowed and logged; deny rules still refuse, quietly. An
# audit deny rule for a mount leaves no entry of its own in the policy
# (3.0.8): the mount is allowed with the record of a failed match
mkdir -p "$T/ad"
expect_fop "mount ok; umount ok" aa-exec -p cmp54 -- mnt mount none "$M" tmpfs ro - umount "$M" 0
expect_record 'profile="cmp54"' \
	"apparmor=\"ALLOWED\" operation=\"mount\" class=\"mount\" info=\"failed type match\" error=-13 profile=\"cmp54\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"none\" flags=\"ro\"" \
	"complain mode"
expect_fop "mount EACCES" aa-exec -p cmp54 -- mnt mount none "$M" ramfs 0 -
expect_fop "mount ok; umount ok" aa-exec -p cmp54 -- mnt mount none "$T/ad" tmpfs 0 - umount "$T/ad" 0
expect_record "profile=\"cmp54\" name=\"$T/ad/\"" \
	"apparmor=\"ALLOWED\" operation=\"mount\" class=\"mount\" info=\"failed type match\" error=-13 profile=\"cmp54\" name=\"$T/ad/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"none\"" \
	"audit deny in complain mode"
expect_eq "$(aa_records 'profile="cmp54"' | grep -c 'fstype="ramfs"')" 0 "deny rule quiet"

# audit rules
expect_fop "mount ok; umount ok" aa-exec -p aud54 -- mnt mount src "$M" tmpfs nodev - umount "$M" 0
expect_record 'apparmor="AUDIT" operation="mount"' \
	"apparmor=\"AUDIT\" operation=\"mount\" class=\"mount\" profile=\"aud54\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"src\" flags=\"rw, nodev\"" \
	"audit allow"
expect_fop "mount EACCES" aa-exec -p aud54 -- mnt mount src "$M" ramfs 0 -
expect_record "profile=\"aud54\" name=\"$M/\" pid" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed perms check\" error=-13 profile=\"aud54\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"ramfs\" srcname=\"src\"" \
	"audit deny"
# a name that is not plain text is hex
mkdir -p "$T/with space"
expect_fop "mount EACCES" aa-exec -p aud54 -- mnt mount "a b" "$T/with space" ramfs ro -
n=$(printf '%s/with space/' "$T" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
expect_record "name=$n" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"aud54\" name=$n pid=N comm=\"mnt\" fstype=\"ramfs\" srcname=612062 flags=\"ro\"" \
	"hex names"

# kill mode: the caller dies
run aa-exec -p kill54 -- mnt mount none "$M" tmpfs 0 -
expect_eq "$rc" 137 "killed by SIGKILL"
expect_record 'profile="kill54"' \
	"apparmor=\"KILLED\" operation=\"mount\" class=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"kill54\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"none\"" \
	"kill mode"

# unconfined: nothing checked, nothing logged
expect_fop "mount ok; umount ok" mnt mount none "$M" tmpfs 0 - umount "$M" 0
expect_no_record 'operation="mount" class="mount" profile="unconfined"' "unconfined mounts are not logged"
true
