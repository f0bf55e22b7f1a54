# make bench-syscalls: the profile confining tools/vm/helpers/sysbench,
# loaded identically into stock 6.12 AppArmor and Rampart. Shaped like a
# distribution profile: the usual abstractions, its own binary, its data
# under /tmp with owner, a deny rule. Every access of the run is allowed
# (a denial would add audit cost; bench-syscalls fails on one).
abi <abi/3.0>,
include <tunables/global>

profile sysbench /usr/local/bin/sysbench {
  include <abstractions/base>
  include <abstractions/nameservice>

  /usr/local/bin/sysbench mrix,
  /usr/local/bin/sysbench-nop mrix,
  @{PROC}/@{pid}/attr/{apparmor/,}current r,
  owner /tmp/sysbench/ r,
  owner /tmp/sysbench/** rwk,
  signal (send, receive) peer=sysbench,
  network inet dgram,
  network unix dgram,
  deny /etc/shadow rw,
  deny @{HOME}/** w,
}
