# Attachment with xattr conditions (mediation.md 3.3, mediation-encoding
# 9.2): two profiles attach to the same pattern, one of them only to files
# whose user.tag is "trusted". With the xattr it wins (more conditions
# matched on an equal left match); without it, or with another value, it
# is out and the plain one attaches.
. /tests/lib.sh

on_exit policy_reset
on_exit "rm -rf /tmp/t35"
cat > "$T/p" <<'P'
profile t35a /tmp/t35/** xattrs=(user.tag="trusted") {
  /** rwlkmix,
}
profile t35b /tmp/t35/** {
  /** rwlkmix,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"
mkdir -p /tmp/t35
for f in tagged other bare; do cp /usr/local/bin/auxv /tmp/t35/$f; done
fsop setxattr /tmp/t35/tagged user.tag trusted || fatal "user xattrs on /tmp"
fsop setxattr /tmp/t35/other user.tag untrusted || fatal "user xattrs on /tmp"

run /tmp/t35/tagged
expect_match "$out" 'label=t35a \(enforce\)' "a file with user.tag=trusted attaches to t35a"
run /tmp/t35/other
expect_match "$out" 'label=t35b \(enforce\)' "another tag value: t35b"
run /tmp/t35/bare
expect_match "$out" 'label=t35b \(enforce\)' "no tag: t35b"
true
