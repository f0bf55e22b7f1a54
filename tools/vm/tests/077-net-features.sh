# features/network_v8 (kernel-interfaces.md 4.2): af_mask lists the
# address families by their AF_* names in numeric order. tcp-fast-open
# (the sendmsg() connect check) came to 6.12 with a stable update: the
# stock kernel here has the check but not the file, Rampart both (072).
. /tests/lib.sh

expect_content "$SFS/features/network_v8/af_mask" \
	'unspec unix inet ax25 ipx appletalk netrom bridge atmpvc x25 inet6 rose netbeui security key netlink packet ash econet atmsvc rds sna irda pppox wanpipe llc ib mpls can tipc bluetooth iucv rxrpc isdn phonet ieee802154 caif alg nfc vsock kcm qipcrtr smc xdp mctp\n' \
	"network_v8/af_mask"
if [ -e "$SFS/features/network_v8/tcp-fast-open" ]; then
	expect_content "$SFS/features/network_v8/tcp-fast-open" 'yes\n' \
		"network_v8/tcp-fast-open"
fi
