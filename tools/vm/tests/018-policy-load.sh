# Policy load, replace and remove with the real apparmor_parser and raw
# writes (KI 4.3-4.5, checklist E.54-E.64, E.72-E.79, F.82, F.85-F.88).
. /tests/lib.sh

P=$T/min.profile
printf 'profile min /usr/bin/min {\n  /etc/hostname r,\n  ^hat { /tmp/x r, }\n}\n' > "$P"
printf 'profile :ns1:nsp {\n  /etc/hostname r,\n}\n' > "$T/ns.profile"
on_exit "apparmor_parser -R $P 2>/dev/null; printf ':ns1:' | fsop write $SFS/.remove - 2>/dev/null"
apparmor_parser -S "$P" > "$T/min.bin" || fatal "apparmor_parser -S failed"

rev() { fsop read -n "$SFS/revision" 2>/dev/null || echo 0; }

# apparmor_parser -r: the profile and its hat, listed parent first.
r0=$(rev)
expect_ok apparmor_parser -r "$P"
expect_content "$SFS/profiles" 'min (enforce)\nmin//hat (enforce)\n' "profiles after -r"
r1=$(rev)
# compiling from source the parser writes the hat as a record of its own
expect_eq "$r1" "$((r0 + 2))" "one revision per write"
aa-status > "$T/st" 2>&1
expect_eq "$?" 0 "aa-status exit status with policy loaded"
expect_match "$(cat "$T/st")" '2 profiles are loaded' "aa-status count"
expect_match "$(cat "$T/st")" '2 profiles are in enforce mode' "aa-status enforce count"

# .load of an existing profile: EEXIST; .replace of the same buffer works,
# twice on one descriptor too (each write is a whole request).
expect_errno EEXIST fsop write "$SFS/.load" - < "$T/min.bin"
expect_fail apparmor_parser -a "$P"
expect_ok fsop write "$SFS/.replace" - < "$T/min.bin"
expect_eq "$(rev)" "$((r1 + 1))" "one revision per write of two records"
expect_ok sh -c "cat $T/min.bin $T/min.bin > $T/two.bin"

# A write at a non-zero offset: ESPIPE.
expect_fail sh -c "dd if=$T/min.bin of=$SFS/.replace bs=1 seek=1 conv=notrunc 2>$T/dd"
expect_match "$(cat "$T/dd")" 'Illegal seek' "write at offset 1"

# Malformed buffers change nothing.
before=$(cat "$SFS/profiles")
r2=$(rev)
head -c 200 "$T/min.bin" > "$T/cut.bin"
expect_errno EPROTO fsop write "$SFS/.replace" - < "$T/cut.bin"
cp "$T/min.bin" "$T/abi4.bin"
printf '\004' | dd of="$T/abi4.bin" bs=1 seek=12 conv=notrunc 2>/dev/null
expect_errno EPROTONOSUPPORT fsop write "$SFS/.replace" - < "$T/abi4.bin"
tail -c +17 "$T/min.bin" > "$T/nover.bin"
expect_errno EPROTONOSUPPORT fsop write "$SFS/.replace" - < "$T/nover.bin"
expect_eq "$(cat "$SFS/profiles")" "$before" "profiles after refused loads"
expect_eq "$(rev)" "$r2" "revision after refused loads"

# Unprivileged writers are refused.
expect_errno EACCES as_nobody fsop write "$SFS/.replace" - < "$T/min.bin"
expect_errno EACCES as_nobody fsop write "$SFS/.remove" min

# .remove: the name ends at the first NUL; a newline is part of it.
expect_errno ENOENT fsop write "$SFS/.remove" 'min
'
expect_errno ENOENT fsop write "$SFS/.remove" nosuch
expect_errno ENOENT fsop write "$SFS/.remove" ':nosuchns:foo'
printf 'min\0' | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "remove min"
expect_content "$SFS/profiles" '' "profiles after removing min (hat included)"

# A profile in a namespace, and removing the namespace.
expect_ok apparmor_parser -r "$T/ns.profile"
expect_content "$SFS/profiles" ':ns1:nsp (enforce)\n' "namespaced profile"
printf ':ns1:' | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "remove namespace ns1"
expect_content "$SFS/profiles" '' "profiles after removing ns1"
true
