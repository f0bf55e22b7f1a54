# timeout: 300
# umount, pivot_root and move_mount(2) (mediation.md 5.1, 5.3, 5.4):
# umount is keyed by the root of the mount (a directory name ends in /);
# pivot_root by the new root and put_old; move_mount of a detached tree
# (fsmount, open_tree clone) is a move without a source name, of an
# attached one a move from its path, like mount --move. A profile without
# the keyword refuses; denials are recorded with op umount / pivotroot /
# mount.
. /tests/lib.sh

audit_burst
on_exit policy_reset
A=$T/a B=$T/b
mkdir -p "$A" "$B" "$T/src"
on_exit "umount $A 2>/dev/null; umount $B 2>/dev/null; true"

load() { # NAME RULES
	printf 'profile %s {\n  capability,\n  file,\n%s\n}\n' "$1" "$2" > "$T/p"
	apparmor_parser -r "$T/p" || fatal "loading $1"
}
load u53 "  umount $A/,"
load n53 "  mount,"
load p53 "  pivot_root oldroot=$T/r/b/old/ $T/r/b/,"
load mv53 "  mount options=(move) -> $A/,
  mount options=(move) $B/ -> $T/src/,"

# umount
mount -t tmpfs none "$A"; mount -t tmpfs none "$B"
expect_fop "umount ok; umount EACCES" aa-exec -p u53 -- mnt umount "$A" 0 umount "$B" 0
expect_record 'operation="umount" class="mount" profile="u53"' \
	"apparmor=\"DENIED\" operation=\"umount\" class=\"mount\" profile=\"u53\" name=\"$B/\" pid=N comm=\"mnt\"" \
	"umount denial"
expect_fop "umount EACCES" aa-exec -p n53 -- mnt umount "$B" detach
expect_record 'operation="umount" class="mount" profile="n53"' \
	"apparmor=\"DENIED\" operation=\"umount\" class=\"mount\" profile=\"n53\" name=\"$B/\" pid=N comm=\"mnt\"" \
	"no umount rule"
umount "$B"

# pivot_root: a root of its own (unshare, a tmpfs, a chroot), then a
# tmpfs below it becomes the root
pivot() { # RESULT PROFILE
	mkdir -p "$T/r"
	expect_fop "unshare ok; mount ok; mount ok; mkdir ok; mount ok; mkdir ok; changeprofile ok; chroot ok; chdir ok; pivot $1" \
		mnt unshare mount - / - rec,private - mount none "$T/r" tmpfs 0 - \
		mkdir "$T/r/b" mount none "$T/r/b" tmpfs 0 - mkdir "$T/r/b/old" \
		changeprofile "$2" chroot "$T/r" chdir / pivot /b /b/old
}
pivot ok p53
pivot EACCES n53
expect_record 'operation="pivotroot" class="mount" profile="n53"' \
	"apparmor=\"DENIED\" operation=\"pivotroot\" class=\"mount\" profile=\"n53\" name=\"$T/r/b/\" pid=N comm=\"mnt\" srcname=\"$T/r/b/old/\"" \
	"pivot_root denial"
load p53 "  pivot_root oldroot=$T/r/b/other/ $T/r/b/,"
pivot EACCES p53
expect_record 'operation="pivotroot" class="mount" profile="p53"' \
	"apparmor=\"DENIED\" operation=\"pivotroot\" class=\"mount\" profile=\"p53\" name=\"$T/r/b/\" pid=N comm=\"mnt\" srcname=\"$T/r/b/old/\"" \
	"pivot_root with another put_old"
# the pivot happened in a namespace that is gone
expect_eq "$(grep -c " $T/r" /proc/mounts)" 0 "no mounts left behind"

# move_mount(2) of detached trees: no source name
expect_fop "fsmount ok; changeprofile ok; moveto ok" mnt fsmount tmpfs changeprofile mv53 moveto "$A"
umount "$A"
expect_fop "tree ok; changeprofile ok; moveto ok" mnt tree "$T/src" changeprofile mv53 moveto "$A"
umount "$A"
expect_fop "fsmount ok; changeprofile ok; moveto EACCES" mnt fsmount tmpfs changeprofile mv53 moveto "$T/src"
expect_record "profile=\"mv53\" name=\"$T/src/\"" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed srcname match\" error=-13 profile=\"mv53\" name=\"$T/src/\" pid=N comm=\"mnt\" flags=\"rw, move\"" \
	"detached move_mount denial"
# of an attached mount: its path is the source, as for mount --move
mount -t tmpfs none "$B"
expect_fop "attached ok; changeprofile ok; moveto ok" mnt attached "$B" changeprofile mv53 moveto "$T/src"
expect_eq "$(grep -c " $T/src tmpfs" /proc/mounts)" 1 "moved onto $T/src"
expect_fop "attached ok; changeprofile ok; moveto EACCES" mnt attached "$T/src" changeprofile mv53 moveto "$B"
expect_record "profile=\"mv53\" name=\"$B/\"" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"mv53\" name=\"$B/\" pid=N comm=\"mnt\" srcname=\"$T/src/\" flags=\"rw, move\"" \
	"attached move_mount denial"
# mount --move names the source the same way
expect_fop "mount ok" aa-exec -p mv53 -- mnt mount "$T/src" "$A" - move -
expect_fop "mount EACCES" aa-exec -p mv53 -- mnt mount "$A" "$B" - move -
expect_record "profile=\"mv53\" name=\"$B/\"" \
	"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"mv53\" name=\"$B/\" pid=N comm=\"mnt\" srcname=\"$A/\" flags=\"rw, move\"" \
	"mount --move denial"
umount "$A"
# a plain mount rule covers move_mount too
expect_fop "fsmount ok; changeprofile ok; moveto ok" mnt fsmount tmpfs changeprofile n53 moveto "$A"
umount "$A"
true
