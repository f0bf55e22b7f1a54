# timeout: 300
# The mount rule examples of apparmor.d(5) (seed 004), each compiled on
# its own with `umount,` and tried with the mount(8) commands the page
# gives: those it says match are allowed, those it says do not are
# refused with EACCES and a record. The kernel has no ext3, vfat or block
# devices, so sources are tmpfs's free-form source strings ("/dev/foo" is
# matched as written; only types that need a device resolve the source
# path) and -t ext3 / -t vfat become ramfs / tmpfs. mount(8) options map
# to flags as util-linux passes them: atime, rw and user set none (user is
# fstab-only), ro MS_RDONLY, and so on. Where the 2012 page and the 6.12
# kernel disagree the kernel is pinned, and the line says so ("page:").
. /tests/lib.sh

audit_burst
on_exit policy_reset
made=
for d in /mnt /mnt/1 /mnt/2 /mnt/stick /mnt/deep/path/foo2 \
	/srv/some/mountpoint /some/where/else /some/other/place; do
	[ -d "$d" ] && continue
	mkdir -p "$d" || fatal "mkdir $d"
	made="$d $made"
done
on_exit "for d in $made; do rmdir -p \$d 2>/dev/null; done; true"

# prof RULES -- profile m51 holds RULES, umount and the capability mount(2)
# needs after AppArmor
prof() {
	printf 'profile m51 {\n  capability sys_admin,\n  umount,\n%s\n}\n' "$1" > "$T/p"
	apparmor_parser -r "$T/p" || fatal "loading m51 with: $1"
	rules=$1
}

# mt RESULT SRC TARGET TYPE FLAGS -- mount(2) under m51 gives RESULT
# (ok or an errno name); a mount made is undone
mt() {
	run aa-exec -p m51 -- mnt mount "$2" "$3" "$4" "$5" -
	[ "$out" = "mount ok" ] && umount "$3"
	[ "$out" = "mount $1" ] && return 0
	fail "[$rules] mount $2 $3 -t $4 flags $5: got '$out', expected $1"
}

# rec TARGET SRC FIELDS -- the last m51 record for TARGET is a denial
# with these class fields (info, fstype, flags)
rec() {
	expect_record "profile=\"m51\" name=\"$1\"" \
		"apparmor=\"DENIED\" operation=\"mount\" class=\"mount\" $3" \
		"record for $1"
}

# mount options=ro /dev/foo -> /mnt/,
prof 'mount options=ro /dev/foo -> /mnt/,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /mnt tmpfs ro   # -o ro,atime: atime sets no flag (page: no match)
mt EACCES /dev/foo /mnt tmpfs 0
rec /mnt/ /dev/foo 'info="failed perms check" error=-13 profile="m51" name="/mnt/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/foo"'
mt EACCES /dev/bar /mnt tmpfs ro
rec /mnt/ /dev/bar 'info="failed srcname match" error=-13 profile="m51" name="/mnt/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/bar" flags="ro"'
mt EACCES /dev/foo /mnt/1 tmpfs ro
rec /mnt/1/ /dev/foo 'info="failed mntpnt match" error=-13 profile="m51" name="/mnt/1/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/foo" flags="ro"'
mt EACCES /dev/foo /mnt tmpfs ro,noatime
rec /mnt/ /dev/foo 'info="failed flags match" error=-13 profile="m51" name="/mnt/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/foo" flags="ro, noatime"'

# mount options in (ro,atime) /dev/foo -> /mnt/,
prof 'mount options in (ro,atime) /dev/foo -> /mnt/,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /mnt tmpfs ro       # -o ro,atime
mt ok /dev/foo /mnt tmpfs 0        # -o atime
mt EACCES /dev/foo /mnt tmpfs ro,sync
mt EACCES /dev/foo /mnt tmpfs ro,sync   # -o ro,atime,sync
mt ok /dev/foo /mnt tmpfs 0        # -o rw (page: no match; "in" allows no flag)
mt ok /dev/foo /mnt tmpfs noatime  # -o rw,noatime (page: no match; atime's negation matches too)
mt ok /dev/foo /mnt tmpfs 0        # no options (page: no match)

# mount options=ro options=atime,  (the page's "rule" has no comma)
prof 'mount options=ro options=atime,'
mt ok /dev/foo /mnt tmpfs ro
mt EACCES /dev/foo /mnt tmpfs 0    # -o atime (page: match; the two merge into options=(ro,atime))
mt ok /dev/foo /mnt tmpfs ro       # -o ro,atime (page: no match; merged, as its KNOWN BUGS say)

# mount options=ro, mount options=atime,  are two rules
prof 'mount options=ro,
  mount options=atime,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /mnt tmpfs 0        # -o atime
mt EACCES /dev/foo /mnt tmpfs ro,noatime   # not options=(ro,atime): no accumulation

# mount,
prof 'mount,'
mt ok /dev/foo /mnt tmpfs 0
mt ok none /srv/some/mountpoint ramfs ro,nosuid,nodev,noexec,noatime
mt ok - /mnt tmpfs 0

# mount /dev/foo,
prof 'mount /dev/foo,'
mt ok /dev/foo /mnt tmpfs 0        # mount /dev/foo /mnt
mt ok /dev/foo /mnt ramfs 0        # -t ext3
mt ok /dev/foo /mnt tmpfs 0        # -t vfat
mt ok /dev/foo /srv/some/mountpoint tmpfs ro,noexec,nodiratime  # -o ro,atime,noexec,nodiratime
mt EACCES /dev/foo1 /mnt tmpfs 0
mt ENODEV /dev/foo /mnt ext3 0     # an unknown type fails before policy
expect_no_record 'fstype="ext3"' "no record for an unknown type"

# mount options=ro /dev/foo,
prof 'mount options=ro /dev/foo,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /some/where/else tmpfs ro
mt EACCES /dev/foo /mnt tmpfs 0

# mount options=(ro,atime) /dev/foo,
prof 'mount options=(ro,atime) /dev/foo,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /some/where/else tmpfs ro
mt EACCES /dev/foo /mnt tmpfs ro,noatime

# mount options in (ro,atime) /dev/foo,
prof 'mount options in (ro,atime) /dev/foo,'
mt ok /dev/foo /mnt tmpfs ro
mt ok /dev/foo /some/where/else tmpfs 0   # -o atime
mt ok /dev/foo /some/other/place tmpfs ro # -o ro,atime
mt EACCES /dev/foo /mnt tmpfs ro,sync

# mount options=ro /dev/foo, mount options=atime /dev/foo,
prof 'mount options=ro /dev/foo,
  mount options=atime /dev/foo,'
mt ok /dev/foo /mnt/1 tmpfs ro
mt ok /dev/foo /mnt/2 tmpfs 0       # -o atime

# mount -> /mnt/**,
prof 'mount -> /mnt/**,'
mt ok /dev/foo1 /mnt/1 tmpfs 0
mt ok /dev/foo2 /mnt/deep/path/foo2 tmpfs ro,noexec,nodiratime
mt EACCES /dev/foo1 /mnt tmpfs 0   # /mnt/ itself is not below /mnt/
mt EACCES /dev/foo1 /srv/some/mountpoint tmpfs 0
rec /srv/some/mountpoint/ x 'info="failed mntpnt match" error=-13 profile="m51" name="/srv/some/mountpoint/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/foo1"'

# mount options=ro -> /mnt/**,
prof 'mount options=ro -> /mnt/**,'
mt ok /dev/foo1 /mnt/1 tmpfs ro
mt ok /dev/foo2 /mnt/deep/path/foo2 tmpfs ro
mt EACCES /dev/foo1 /mnt/1 tmpfs 0

# mount fstype=ext3 options=(rw,atime) /dev/sdb1 -> /mnt/stick/,
prof 'mount fstype=ext3 options=(rw,atime) /dev/sdb1 -> /mnt/stick/,'
mt ENODEV /dev/sdb1 /mnt/stick ext3 0
mt EACCES /dev/sdb1 /mnt/stick tmpfs 0
rec /mnt/stick/ x 'info="failed type match" error=-13 profile="m51" name="/mnt/stick/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/sdb1"'
# the same rule with a type the kernel has
prof 'mount fstype=tmpfs options=(rw,atime) /dev/sdb1 -> /mnt/stick/,'
mt ok /dev/sdb1 /mnt/stick tmpfs 0      # -o rw,atime
mt EACCES /dev/sdb1 /mnt/stick tmpfs ro
rec /mnt/stick/ x 'info="failed flags match" error=-13 profile="m51" name="/mnt/stick/" pid=N comm="mnt" fstype="tmpfs" srcname="/dev/sdb1" flags="ro"'
mt EACCES /dev/sdb2 /mnt/stick tmpfs 0
prof 'mount fstype=tmpfs options in (rw,atime) /dev/sdb1 -> /mnt/stick/,'
mt ok /dev/sdb1 /mnt/stick tmpfs 0

# mount options=(ro, atime) options in (nodev, user) /dev/foo -> /mnt/,
prof 'mount options=(ro, atime) options in (nodev, user) /dev/foo -> /mnt/,'
# (6.12 merges the two conditionals: ro required, nodev optional)
mt ok /dev/foo /mnt tmpfs ro       # -o ro,atime
mt EACCES /dev/foo /mnt tmpfs nodev   # -o nodev (page: match)
mt EACCES /dev/foo /mnt tmpfs 0       # -o user (page: match)
mt EACCES /dev/foo /mnt tmpfs nodev   # -o nodev,user (page: match)
mt ok /dev/foo /mnt tmpfs ro,nodev    # page: no match
mt EACCES /dev/foo /mnt tmpfs ro,nosuid
true
