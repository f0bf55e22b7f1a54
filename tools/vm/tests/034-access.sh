# SFS/.access (KI 4.6, checklist 94-98): label queries through the
# transaction file. The answer is always 67 bytes; an unconfined label
# allows everything; a profile answers from its file rules (class byte 2,
# then the path) with the owner set for fsuid 0 and the other set
# otherwise; unknown labels are ENOENT, unknown commands EINVAL, queries
# over 4079 bytes EFBIG, a write at an offset ESPIPE.
. /tests/lib.sh

A=$SFS/.access
on_exit policy_reset
expect_eq "$(stat -c '%a' "$A")" 666 ".access mode"
[ -f "$A" ] || fail ".access is not a regular file"

q() { printf "$1" | fsop query "$A" -; }

run q 'label\0unconfined\0\002/etc/passwd'
expect_eq "$rc" 0 "query of unconfined: exit status"
expect_eq "$out" "allow 0xffffffff
deny 0x00000000
audit 0x00000000
quiet 0xffffffff" "query of unconfined"
expect_eq "$(q 'label\0unconfined\0\002/etc/passwd' | wc -c)" 67 "answer length"

cat > "$T/p" <<'P'
profile t34 {
  /etc/hostname r,
  owner /tmp/t34/** w,
  audit /etc/passwd r,
  deny /etc/shadow r,
}
P
apparmor_parser -r "$T/p" || fatal "loading t34 failed"

# Bits: r 0x4, w 0x2. The parser adds implicit bits (getattr 0x200 on
# every path, open 0x40 with r), so single bits are tested, not words.
# field WORD ANSWER -- the value of one line of an answer
field() { echo "$2" | sed -n "s/^$1 //p"; }
a=$(q 'label\0t34\0\002/etc/hostname')
expect_eq "$(( $(field allow "$a") & 0x4 ))" 4 "t34: read of /etc/hostname allowed: $a"
# a path no rule matches: nothing at all (not even getattr)
a=$(q 'label\0t34\0\002/etc/motd')
expect_eq "$(field allow "$a")/$(field quiet "$a")" "0x00000000/0x00000000" \
	"t34: a path no rule matches"
# exact answers as stock 6.12 gives them
expect_eq "$(q 'label\0t34\0\002/etc/shadow' | tr '\n' ' ')" \
	"allow 0x00000200 deny 0x00000000 audit 0x00000000 quiet 0x00000044 " \
	"t34: the answer for a denied path"
expect_eq "$(q 'label\0t34\0\002/tmp/t34/x' | tr '\n' ' ')" \
	"allow 0x0000337a deny 0x00000000 audit 0x00000000 quiet 0x00000000 " \
	"t34: the answer for an owner write rule"
a=$(q 'label\0t34\0\002/tmp/t34/x')
expect_eq "$(( $(field allow "$a") & 0x2 ))" 2 "t34: owner write granted to fsuid 0: $a"
a=$(as_nobody sh -c "printf 'label\0t34\0\002/tmp/t34/x' | fsop query $A -")
expect_eq "$(( $(field allow "$a") & 0x2 ))" 0 "t34: owner-only write not granted to another fsuid: $a"
a=$(q 'label\0t34\0\002/etc/shadow')
expect_eq "$(( $(field allow "$a") & 0x4 ))" 0 "t34: deny rule: read not allowed: $a"
a=$(q 'label\0t34\0\002/etc/passwd')
expect_eq "$(( $(field audit "$a") & 0x4 ))" 4 "t34: audit rule shows in audit: $a"
run q 'profile\0t34\0\002/etc/hostname'
expect_eq "$out" "$(q 'label\0t34\0\002/etc/hostname')" "profile is the same as label"

run q 'label\0nosuch\0\002/etc/passwd'
expect_match "$out" 'ENOENT' "unknown label"
run q 'bogus\0t34\0\002/etc/passwd'
expect_match "$out" 'EINVAL' "unknown command"
head -c 4080 /dev/zero > "$T/big"
run fsop query "$A" - < "$T/big"
expect_match "$out" 'EFBIG' "a query of 4080 bytes"
true
