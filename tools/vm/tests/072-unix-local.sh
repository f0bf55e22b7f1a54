# tags: rampart-extension
# timeout: 120
# Fine-grained unix rules on a socket's own operations (af-unix.md 4.2,
# 4.3, 10, 13 items 6-13, 15, 16, 18, 47-49): profiles compiled with
# network/af_unix (-M /tests/data/features-afunix). create is checked by
# type (raw as raw); bind by the exact address asked for (abstract names
# byte for byte, padding included; a length-2 bind is the autobind
# request that only `addr=auto` or no addr grants); listen, getsockname,
# socket options and shutdown on the socket's own address, none when
# unbound. Records add addr= (hex when the name has a space); the walk's
# failure is info=. A fine profile without unix rules refuses all; one in
# complain mode allows with ALLOWED records.
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<P
profile t72 {
  unix (create) type=stream,
  unix (create) type=dgram,
  unix (create) type=seqpacket,
  unix (bind, listen, getattr, shutdown, getopt, setopt) type=stream addr=@t72srv,
  unix (bind, getattr) type=dgram addr=auto,
  unix (setopt) type=dgram addr=none,
  unix (bind) type=seqpacket addr=@pad**,
}
profile t72n {
  network inet stream,
}
profile t72c flags=(complain) {
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/p" || fatal "loading t72 failed"

s() { aa-exec -p t72 -- sockop pid "$@"; }
hdr() { echo "apparmor=\"DENIED\" operation=\"$1\" class=\"net\"$2 profile=\"${3:-t72}\" pid=$pid comm=\"sockop\""; }

# a fine profile without unix rules: the walk dies at the family
run aa-exec -p t72n -- sockop pid socket unix stream 0
pid=$(pid_of)
expect_eq "$(ops)" "socket EACCES;" "t72n create"
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr create ' info="failed af match" error=-13' t72n) family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"create\" denied_mask=\"create\" addr=none" \
	"create without unix rules"

# create by type; SOCK_RAW is asked as raw
run s socket unix stream 0 socket unix dgram 0 socket unix seqpacket 0 pair stream
expect_eq "$(ops)" "socket ok;socket ok;socket ok;pair ok;" "create"
run s socket unix raw 0
pid=$(pid_of)
expect_eq "$(ops)" "socket EACCES;" "create raw"
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr create ' info="failed type match" error=-13') family=\"unix\" sock_type=\"raw\" protocol=0 requested_mask=\"create\" denied_mask=\"create\" addr=none" \
	"raw is checked as raw"

# stream on its own address
run s socket unix stream 0 setopt rcvtimeo bind @t72srv listen 5 listen 4000 getsockname getpeername getopt type setopt rcvtimeo shutdown
expect_eq "$(ops)" "socket ok;setopt EACCES;bind ok;listen ok;listen ok;getsockname ok;getpeername ENOTCONN;getopt ok;setopt ok;shutdown ok;" "stream on @t72srv"
pid=$(pid_of)
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr setsockopt ' info="failed local address match" error=-13') family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"setopt\" denied_mask=\"setopt\" addr=none" \
	"setsockopt before bind"
run s socket unix stream 0 bind @t72srv2
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind EACCES;" "bind @t72srv2"
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr bind ' info="failed local address match" error=-13') family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"bind\" denied_mask=\"bind\" addr=\"@t72srv2\"" \
	"bind to another name"
run s socket unix stream 0 bind "@my sock"
pid=$(pid_of)
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr bind ' info="failed local address match" error=-13') family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"bind\" denied_mask=\"bind\" addr=\"@6D7920736F636B\"" \
	"a name with a space is shown in hex"
# the name padded to the whole structure is another name
run s socket unix stream 0 bind @t72srv+
expect_eq "$(ops)" "socket ok;bind EACCES;" "padded @t72srv"

# dgram: autobind request, then the autobound name is auto
run s socket unix dgram 0 setopt rcvtimeo bind auto getsockname setopt rcvtimeo
expect_eq "$(ops)" "socket ok;setopt ok;bind ok;getsockname ok;setopt EACCES;" "dgram autobind"
pid=$(pid_of)
run s socket unix dgram 0 bind @x
expect_eq "$(ops)" "socket ok;bind EACCES;" "dgram @x is not auto"
# addr=auto grants bind only to the autobind request (2.4, E2)
run s socket unix dgram 0 bind @12345
expect_eq "$(ops)" "socket ok;bind EACCES;" "auto grants no bind to a name"

# seqpacket: @pad** takes the name exactly and padded
run s socket unix seqpacket 0 bind @pad+ socket unix seqpacket 0 bind @pad
expect_eq "$(ops)" "socket ok;bind ok;socket ok;bind ok;" "@pad**"
run s socket unix seqpacket 0 bind auto
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind EACCES;" "@pad** is no autobind"
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr bind ' info="failed local label match" error=-13') family=\"unix\" sock_type=\"seqpacket\" protocol=0 requested_mask=\"bind\" denied_mask=\"bind\" addr=none" \
	"the autobind request shows addr=none"

# complain mode: allowed, ALLOWED records with the unix fields
run aa-exec -p t72c -- sockop pid socket unix stream 0 bind @t72c accept
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind ok;accept EINVAL;" "complain"
expect_record "pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"accept\"" \
	"apparmor=\"ALLOWED\" operation=\"accept\" class=\"net\" info=\"failed af match\" error=-13 profile=\"t72c\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"accept\" denied_mask=\"accept\" addr=\"@t72c\" peer_addr=none" \
	"complain accept"

# The features (af-unix.md 2.1) and what the system's parser makes of them
# (2.3): with parser.conf's pinned feature set, a profile without an abi
# statement stays coarse; `abi <abi/3.0>,` makes it fine.
expect_content "$SFS/features/network/af_unix" 'yes\n' "network/af_unix"
expect_eq "$(cat "$SFS/features/network/af_mask")" \
	"$(cat "$SFS/features/network_v8/af_mask")" "network/af_mask"
expect_eq "$(ls "$SFS/features" | grep -c network_v9)" 0 "no network_v9"
# (network_v8/tcp-fast-open is not listed: the stock kernel of this tarball
# does not list it, and 082 compares the trees)
printf 'profile t72old {\n  network inet stream,\n}\n' > "$T/old"
printf 'abi <abi/3.0>,\nprofile t72abi {\n  network inet stream,\n}\n' > "$T/abi"
apparmor_parser -r "$T/old" "$T/abi" || fatal "loading t72old, t72abi failed"
run aa-exec -p t72old -- sockop pid socket unix stream 0
pid=$(pid_of)
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr create '' t72old) family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"create\" denied_mask=\"create\"" \
	"no abi: coarse"
run aa-exec -p t72abi -- sockop pid socket unix stream 0
pid=$(pid_of)
expect_record "pid=$pid comm=\"sockop\"" \
	"$(hdr create ' info="failed af match" error=-13' t72abi) family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"create\" denied_mask=\"create\" addr=none" \
	"abi 3.0: fine"
