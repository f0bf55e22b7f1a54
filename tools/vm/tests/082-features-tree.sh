# The features tree against stock 6.12's, captured from the stock kernel
# built from the same tarball (kernel-interfaces.md 4.2): every class
# directory stock lists is listed, with the same files and contents.
# Rampart may add network/ (fine-grained af_unix, af-unix.md 2.1: af_unix
# and af_mask, the latter equal to network_v8/af_mask) and may still lack
# query/label/data (.access data queries are not built).
. /tests/lib.sh

F=$SFS/features
cat > "$T/stock" <<'S'
./capability=0xffffff
./caps/mask=chown dac_override dac_read_search fowner fsetid kill setgid setuid setpcap linux_immutable net_bind_service net_broadcast net_admin net_raw ipc_lock ipc_owner sys_module sys_rawio sys_chroot sys_ptrace sys_pacct sys_admin sys_boot sys_nice sys_resource sys_time sys_tty_config mknod lease audit_write audit_control setfcap mac_override mac_admin syslog wake_alarm block_suspend audit_read perfmon bpf checkpoint_restore
./domain/attach_conditions/xattr=yes
./domain/change_hat=yes
./domain/change_hatv=yes
./domain/change_onexec=yes
./domain/change_profile=yes
./domain/computed_longest_left=yes
./domain/disconnected.path=yes
./domain/fix_binfmt_elf_mmap=yes
./domain/post_nnp_subset=yes
./domain/stack=yes
./domain/version=1.2
./file/mask=create read write exec append mmap_exec link lock
./io_uring/mask=sqpoll override_creds
./mount/mask=mount umount pivot_root
./mount/move_mount=detached
./namespaces/mask=userns_create
./namespaces/pivot_root=no
./namespaces/profile=yes
./network_v8/af_mask=unspec unix inet ax25 ipx appletalk netrom bridge atmpvc x25 inet6 rose netbeui security key netlink packet ash econet atmsvc rds sna irda pppox wanpipe llc ib mpls can tipc bluetooth iucv rxrpc isdn phonet ieee802154 caif alg nfc vsock kcm qipcrtr smc xdp mctp
./policy/outofband=0x000001
./policy/permstable32=allow deny subtree cond kill complain prompt audit quiet hide xindex tag label
./policy/permstable32_version=0x000001
./policy/set_load=yes
./policy/unconfined_restrictions/change_profile=yes
./policy/versions/v5=yes
./policy/versions/v6=yes
./policy/versions/v7=yes
./policy/versions/v8=yes
./policy/versions/v9=yes
./ptrace/mask=read trace
./query/label/data=yes
./query/label/multi_transaction=yes
./query/label/perms=allow deny audit quiet
./rlimit/mask=cpu fsize data stack core rss nproc nofile memlock as locks sigpending msgqueue nice rtprio rttime
./signal/mask=hup int quit ill trap abrt bus fpe kill usr1 segv usr2 pipe alrm term stkflt chld cont stop stp ttin ttou urg xcpu xfsz vtalrm prof winch io pwr sys emt lost
S
(cd "$F" && find . -type f | sort | while read -r f; do
	printf '%s=%s\n' "$f" "$(cat "$f")"
done) > "$T/here"

# every stock file, same content
while IFS= read -r line; do
	f=${line%%=*}
	if ! grep -qxF -- "$line" "$T/here"; then
		[ "$f" = ./query/label/data ] && ! grep -q "^$f=" "$T/here" && continue
		fail "features: stock has '$line', here: '$(grep "^$f=" "$T/here")'"
	fi
done < "$T/stock"
# nothing else, except network/
while IFS= read -r line; do
	case $line in ./network/*) continue ;; esac
	grep -qxF -- "$line" "$T/stock" || fail "features: not in stock: '$line'"
done < "$T/here"
# the same top-level entries (classes), in any order
expect_eq "$(ls "$F" | grep -vx network | tr '\n' ' ')" \
	"$(sed 's|^\./||; s|[/=].*||' "$T/stock" | sort -u | tr '\n' ' ')" \
	"top-level classes"
if [ -d "$F/network" ]; then
	expect_eq "$(ls "$F/network" | tr '\n' ' ')" "af_mask af_unix " "network/ files"
	expect_content "$F/network/af_unix" 'yes\n' "network/af_unix"
	expect_eq "$(cat "$F/network/af_mask")" "$(cat "$F/network_v8/af_mask")" \
		"network/af_mask equals network_v8/af_mask"
fi
