# docker-default as Docker's AppArmor guide gives it (seed 001): loads
# with apparmor_parser -r -W (writing the cache), is listed by aa-status
# with a confined process, and confines a shell: writes to the files its
# deny rules name (/proc/sys/kernel/shm*, /sys/[^f]*/**,
# /sys/kernel/security/**) fail with EACCES without a record (deny rules
# are quiet); other /proc/sys files stay writable (the guide's **^[0-9*]
# only matches names with a literal ^); ordinary files work.
# Where the kernel advertises mount and ptrace mediation (stock always
# does): mount fails with EACCES and no record; reading /proc/1/environ is
# a ptrace read, denied with the guide's DENIED line.
. /tests/lib.sh

audit_burst
policy_reset
on_exit policy_reset
cat > "$T/docker-default" <<'P'
#include <tunables/global>


profile docker-default flags=(attach_disconnected,mediate_deleted) {

  #include <abstractions/base>


  network,
  capability,
  file,
  umount,

  deny @{PROC}/{*,**^[0-9*],sys/kernel/shm*} wkx,
  deny @{PROC}/sysrq-trigger rwklx,
  deny @{PROC}/mem rwklx,
  deny @{PROC}/kmem rwklx,
  deny @{PROC}/kcore rwklx,

  deny mount,

  deny /sys/[^f]*/** wklx,
  deny /sys/f[^s]*/** wklx,
  deny /sys/fs/[^c]*/** wklx,
  deny /sys/fs/c[^g]*/** wklx,
  deny /sys/fs/cg[^r]*/** wklx,
  deny /sys/firmware/efi/efivars/** rwklx,
  deny /sys/kernel/security/** rwklx,
}
P
rm -rf /var/cache/apparmor/*
on_exit 'rm -rf /var/cache/apparmor/*'
run apparmor_parser -r -W "$T/docker-default"
expect_eq "$rc/$out" "0/" "apparmor_parser -r -W docker-default"
expect_eq "$(grep docker "$SFS/profiles")" "docker-default (enforce)" "profiles"
ls /var/cache/apparmor/*/docker-default > /dev/null 2>&1 ||
	fail "-W wrote no cache file: $(find /var/cache/apparmor)"

d() { aa-exec -p docker-default -- "$@"; }
expect_eq "$(d cat /proc/self/attr/current)" "docker-default (enforce)" "label"
# denied by the deny rules, quietly
expect_fop "open EACCES; open ok" d fop open /proc/sys/kernel/shmmax w open /proc/sys/kernel/shmmax r
expect_fop "open EACCES; open ok" d fop open /sys/kernel/rcu_expedited w open /sys/kernel/rcu_expedited r
expect_fop "open EACCES; open ok" d fop open /sys/module/apparmor/parameters/mode w \
	open /sys/module/apparmor/parameters/mode r
expect_fop "open EACCES" d fop open "$SFS/profiles" r
# not denied
expect_fop "open ok" d fop open /proc/sys/kernel/domainname w
# ordinary files
expect_fop "open ok; write ok; mkdir ok; rename ok; unlink ok; open ok; read 'rampart-vm\n'" \
	d fop open "$T/f" wc write hello mkdir "$T/dir" rename "$T/f" "$T/g" unlink "$T/g" \
	open /etc/hostname r read

if [ -d "$SFS/features/mount" ]; then
	mkdir "$T/mnt"
	on_exit "umount '$T/mnt' 2>/dev/null"
	expect_errno EACCES d mount -t tmpfs none "$T/mnt"
fi
if [ -d "$SFS/features/ptrace" ]; then
	# ptrace read of pid 1 (unconfined)
	expect_errno EACCES d cat /proc/1/environ
	expect_record 'operation="ptrace" class="ptrace" profile="docker-default"' \
		'apparmor="DENIED" operation="ptrace" class="ptrace" profile="docker-default" pid=N comm="cat" requested_mask="read" denied_mask="read" peer="unconfined"' \
		"ptrace record as in the guide"
fi

# aa-status: the profile and a confined process
aa-exec -p docker-default -- sleep 30 &
spid=$!
on_exit "kill $spid 2>/dev/null"
sleep 0.5
run aa-status
expect_match "$out" '1 profiles are in enforce mode\.' "aa-status: enforce count"
expect_match "$out" '^   docker-default$' "aa-status: profile listed"
expect_match "$out" "^   /usr/bin/busybox \($spid\) docker-default\$" "aa-status: the confined process"
# a record made after the denials: they were not logged
echo x > "$T/sentinel"
echo "profile t47 { $T/nothing r, }" | apparmor_parser -r || fail "loading t47"
expect_fop "open EACCES" aa-exec -p t47 -- fop open "$T/sentinel" r
wait_record 'profile="t47"' || fail "no record for t47"
expect_no_record 'profile="docker-default" name=' "deny rules are quiet"
[ -d "$SFS/features/mount" ] &&
	expect_no_record 'class="mount" profile="docker-default"' "deny mount is quiet"
true
