# timeout: 240
# The policy tree (KI 4.1 "policy", 4.9; policy-format.md 7): the policy
# symlink, the layout of a namespace directory, per-profile directories
# (mangled name + "." + per-namespace counter; name, mode, attach, sha256
# and the raw_* symlinks with their relative targets; children in a
# profiles/ subdirectory of their parent), raw_data/<N>/ (N = revision
# before the load; abi, revision, sha256 of the exact buffer written,
# compressed_size, raw_data = the bytes written, VIEW needed to open it),
# what a replace keeps and changes and what a removal takes away (a
# raw_data directory nothing uses any more goes, asynchronously; not
# checked for a load that creates a profile with children, whose raw data
# stock 6.12 never frees). The profile hashes are checked against the
# independent decoder (aa-policy-dump, run when the initramfs was built).
. /tests/lib.sh

# Rampart grows the policy tree in issue 4; until then there is nothing
# to check here (stock always has it).
[ -d "$SFS/policy" ] || fail "no policy tree at $SFS/policy"

P=$SFS/policy
D=/tests/testdata
NS=$P/namespaces/t23
on_exit "rmdir $NS 2>/dev/null; policy_reset"

# --- the policy symlink and the root namespace directory ---------------------
expect_eq "$(stat -c '%F %a %u:%g' "$P")" "symbolic link 444 0:0" "policy"
expect_eq "$(readlink "$P")" "apparmorfs:[$(stat -c %i "$P")]" "readlink policy"
expect_ns_layout "$P/" "root namespace directory"
expect_eq "$(read_rev "$P/revision")" "$(read_rev "$SFS/revision")" \
	"policy/revision is the root namespace's revision"
expect_ok as_nobody ls "$P/profiles"

# --- profiles compiled here, in the root namespace ---------------------------
A='/usr/lib/.x/my prog+1'
cat > "$T/t23.profile" <<'EOF'
profile "/usr/lib/.x/my prog+1" /opt/t23/** {
  /etc/hostname r,
  ^hat {
    /tmp/t23 r,
  }
}
profile t23-plain {
}
EOF
apparmor_parser -S "$T/t23.profile" > "$T/t23.bin" ||
	fatal "apparmor_parser -S failed"
apparmor_parser -C -S "$T/t23.profile" > "$T/t23c.bin" ||
	fatal "apparmor_parser -C -S failed"
size=$(wc -c < "$T/t23.bin")
sum=$(sha256sum < "$T/t23.bin" | cut -c1-64)
level=$(cat "$PARAMS/rawdata_compression_level")

r0=$(read_rev "$P/revision")
ls "$P/raw_data" > "$T/raw-before"
ls "$P/profiles" > "$T/prof-before"
expect_ok fsop write "$SFS/.replace" - < "$T/t23.bin"
expect_eq "$(read_rev "$P/revision")" "$((r0 + 1))" "revision after the load"

a=$(prof_dir "$P" "$A") || fatal "no directory with name '$A' in $P/profiles: $(ls "$P/profiles")"
h=$(prof_dir "$P" "$A//hat") || fatal "no directory for the hat in $a/profiles"
b=$(prof_dir "$P" t23-plain) || fatal "no directory for t23-plain"
expect_match "${a##*/}" '^usr\.lib\.\.x\.my_prog1\.[0-9]+$' "directory of '$A'"
expect_eq "${a%/*}" "$P/profiles" "directory of '$A' is in profiles/"
expect_match "${h##*/}" '^hat\.[0-9]+$' "directory of the hat"
expect_eq "${h%/*}" "$a/profiles" "the hat's directory is in its parent's profiles/"
expect_match "${b##*/}" '^t23-plain\.[0-9]+$' "directory of t23-plain"
n=${a##*.}
expect_eq "${h##*.} ${b##*.}" "$((n + 1)) $((n + 2))" \
	"directory counters in the order the records come"

expect_eq "$(cd "$a" && stat -c '%n %a %u:%g %F' * | tr '\n' ',')" \
	"attach 444 0:0 regular empty file,mode 444 0:0 regular empty file,name 444 0:0 regular empty file,profiles 755 0:0 directory,raw_abi 444 0:0 symbolic link,raw_data 444 0:0 symbolic link,raw_sha256 444 0:0 symbolic link,sha256 444 0:0 regular empty file," \
	"entries of a profile directory with a child"
for d in "$h" "$b"; do
	expect_eq "$(ls "$d" | tr '\n' ' ')" \
		"attach mode name raw_abi raw_data raw_sha256 sha256 " \
		"entries of ${d##*/}"
done

expect_content "$a/name" "$A\n" "name of '$A'"
expect_content "$h/name" 'hat\n' "name of the hat (base name)"
expect_content "$b/name" 't23-plain\n' "name of t23-plain"
expect_content "$a/attach" '<unknown>\n' "attach of a profile with an attachment glob"
expect_content "$h/attach" 'hat\n' "attach of the hat"
expect_content "$b/attach" 't23-plain\n' "attach of a profile without attachment"
for d in "$a" "$h" "$b"; do
	expect_content "$d/mode" 'enforce\n' "mode of ${d##*/}"
	v=$(fsop read "$d/sha256")
	expect_match "$v" '^[0-9a-f]{64}$' "sha256 of ${d##*/}"
	expect_eq "$(fsop read "$d/sha256" | wc -c)" 65 "bytes in sha256 of ${d##*/}"
done
expect_eq "$(cat "$a/sha256" "$h/sha256" "$b/sha256" | sort -u | wc -l)" 3 \
	"the three profiles have different hashes"
old_sha=$(cat "$a/sha256")

for f in sha256:raw_sha256 abi:raw_abi raw_data:raw_data; do
	expect_eq "$(readlink "$a/${f#*:}")" "../../raw_data/$r0/${f%:*}" "$A: ${f#*:} link"
	expect_eq "$(readlink "$b/${f#*:}")" "../../raw_data/$r0/${f%:*}" "t23-plain: ${f#*:} link"
	expect_eq "$(readlink "$h/${f#*:}")" "../../../../raw_data/$r0/${f%:*}" "hat: ${f#*:} link"
done
expect_content "$a/raw_sha256" "$sum\n" "sha256 read through the raw_sha256 link"
expect_content "$h/raw_abi" "v$(abi_of "$T/t23.bin")\n" "abi read through the hat's raw_abi link"

# raw_data/<revision before the load>/
{ cat "$T/raw-before"; echo "$r0"; } | sort > "$T/want"
ls "$P/raw_data" | sort > "$T/got"
expect_eq "$(cat "$T/got")" "$(cat "$T/want")" "raw_data after the load"
R=$P/raw_data/$r0
expect_eq "$(cd "$R" && stat -c '%n %a %u:%g %F %s' * | tr '\n' ',')" \
	"abi 444 0:0 regular empty file 0,compressed_size 444 0:0 regular empty file 0,raw_data 444 0:0 regular file $size,revision 444 0:0 regular empty file 0,sha256 444 0:0 regular empty file 0," \
	"raw_data/$r0 entries (raw_data st_size = bytes written)"
expect_content "$R/abi" "v$(abi_of "$T/t23.bin")\n" "raw_data abi"
expect_content "$R/revision" "$((r0 + 1))\n" "raw_data revision"
expect_content "$R/sha256" "$sum\n" "raw_data sha256 = sha256sum of the buffer"
cs=$(cat "$R/compressed_size")
expect_match "$cs" '^[1-9][0-9]*$' "compressed_size"
if [ "$level" -eq 0 ]; then
	expect_eq "$cs" "$size" "compressed_size without compression"
else
	[ "$cs" -lt "$size" ] || fail "compressed_size $cs not below the size $size (level $level)"
fi
cat "$R/raw_data" > "$T/back" 2> "$T/err" || fail "reading raw_data: $(cat "$T/err")"
cmp -s "$T/back" "$T/t23.bin" || fail "raw_data differs from the buffer written"
cat "$a/raw_data" > "$T/back2" 2>&1
cmp -s "$T/back2" "$T/t23.bin" || fail "raw_data through the profile's link differs"
expect_errno EACCES as_nobody fsop open "$R/raw_data" r
expect_errno EACCES as_nobody fsop open "$a/raw_data" r
for f in abi revision sha256 compressed_size; do
	expect_ok as_nobody fsop read "$R/$f"
done
for f in name mode attach sha256; do
	expect_ok as_nobody fsop read "$h/$f"
done

# --- replace: same directories, new raw data --------------------------------
expect_ok fsop write "$SFS/.replace" - < "$T/t23c.bin"
expect_eq "$(read_rev "$P/revision")" "$((r0 + 2))" "revision after the replace"
expect_eq "$(prof_dir "$P" "$A")" "$a" "directory of '$A' after the replace"
expect_eq "$(prof_dir "$P" "$A//hat")" "$h" "directory of the hat after the replace"
expect_eq "$(prof_dir "$P" t23-plain)" "$b" "directory of t23-plain after the replace"
for d in "$a" "$h" "$b"; do
	expect_content "$d/mode" 'complain\n' "mode of ${d##*/} after replacing with -C"
done
[ "$(cat "$a/sha256")" != "$old_sha" ] || fail "profile sha256 unchanged by a different profile"
r1=$((r0 + 1))
expect_eq "$(readlink "$h/raw_data")" "../../../../raw_data/$r1/raw_data" "hat: raw_data link after the replace"
expect_eq "$(readlink "$a/raw_sha256")" "../../raw_data/$r1/sha256" "raw_sha256 link after the replace"
expect_content "$P/raw_data/$r1/revision" "$((r0 + 2))\n" "revision of the new raw_data"
expect_content "$P/raw_data/$r1/sha256" "$(sha256sum < "$T/t23c.bin" | cut -c1-64)\n" \
	"sha256 of the new raw_data"
cat "$P/raw_data/$r1/raw_data" > "$T/back" 2>&1
cmp -s "$T/back" "$T/t23c.bin" || fail "new raw_data differs from the buffer written"
# (raw_data/$r0 is not checked: stock 6.12 never frees the raw data of a
# load that creates a profile together with a child of it)

# --- remove ------------------------------------------------------------------
printf '%s' "$A" | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "removing '$A'"
[ -e "$a" ] && fail "directory of '$A' still there after its removal"
[ -d "$b" ] || fail "directory of t23-plain went away with '$A'"
[ -d "$P/raw_data/$r1" ] || fail "raw_data/$r1 went away while t23-plain uses it"
printf t23-plain | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "removing t23-plain"
[ -e "$b" ] && fail "directory of t23-plain still there after its removal"
expect_eq "$(ls "$P/profiles")" "$(cat "$T/prof-before")" "profiles/ after the removals"
wait_gone "$P/raw_data/$r1" || fail "raw_data/$r1 still there 5 s after the removals"
expect_eq "$(read_rev "$P/revision")" "$((r0 + 4))" "revision after two removals"

# --- a replace frees the raw data nothing uses any more ----------------------
printf 'profile t23-one {\n}\n' > "$T/one.profile"
apparmor_parser -S "$T/one.profile" > "$T/one.bin" &&
	apparmor_parser -C -S "$T/one.profile" > "$T/one-c.bin" ||
	fatal "apparmor_parser -S failed"
r2=$(read_rev "$P/revision")
expect_ok fsop write "$SFS/.replace" - < "$T/one.bin"
[ -d "$P/raw_data/$r2" ] || fail "no raw_data/$r2 after loading t23-one"
expect_ok fsop write "$SFS/.replace" - < "$T/one-c.bin"
[ -d "$P/raw_data/$((r2 + 1))" ] || fail "no raw_data/$((r2 + 1)) after replacing t23-one"
wait_gone "$P/raw_data/$r2" || fail "raw_data/$r2 still there 5 s after its profile was replaced"
printf t23-one | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "removing t23-one"
wait_gone "$P/raw_data/$((r2 + 1))" || fail "raw_data/$((r2 + 1)) still there 5 s after the removal"

# --- the shared test profiles, in a fresh namespace --------------------------
if [ ! -s "$D/02-files.hashes" ]; then
	note "no aa-policy-dump hashes in the initramfs: shared test profiles not checked"
	exit 0
fi
mkdir "$NS" || fatal "mkdir $NS failed"
cnt=0 # profile directories made so far in t23 (the counter starts at 0)
for bin in "$D"/*.bin; do
	bn=${bin##*/}
	hashes=${bin%.bin}.hashes
	[ -s "$hashes" ] || continue
	raw=$(sed -n 's/^raw //p' "$hashes")
	abi=$(sed -n 's/^abi //p' "$hashes")
	expect_eq "$(sha256sum < "$bin" | cut -c1-64)" "$raw" \
		"$bn: sha256sum agrees with aa-policy-dump"
	expect_eq "$(abi_of "$bin")" "$abi" "$bn: abi agrees with aa-policy-dump"
	# the namespace the records go to: t23, or a child named in them
	first=$(sed -n 's/^profile \([^ ]*\) .*/\1/p' "$hashes" | head -n 1)
	sub=
	tns=$NS
	case $first in
	:*) sub=${first#:}; sub=${sub%%:*}; tns=$NS/namespaces/$sub ;;
	esac
	r=$(read_rev "$tns/revision")
	if ! fsop write "$NS/.replace" - < "$bin" 2> "$T/err"; then
		fail "$bn: load into t23: $(cat "$T/err")"
		continue
	fi
	expect_eq "$(read_rev "$tns/revision")" "$((r + 1))" "$bn: revision of ${tns##*/}"
	expect_content "$tns/raw_data/$r/sha256" "$raw\n" "$bn: raw_data/$r/sha256"
	expect_content "$tns/raw_data/$r/abi" "v$abi\n" "$bn: raw_data/$r/abi"
	expect_content "$tns/raw_data/$r/revision" "$((r + 1))\n" "$bn: raw_data/$r/revision"
	cat "$tns/raw_data/$r/raw_data" > "$T/back" 2>&1
	cmp -s "$T/back" "$bin" || fail "$bn: raw_data differs from the buffer written"
	scnt=0 # in a fresh child namespace its own counter starts at 0
	while read -r kw name hash mode; do
		[ "$kw" = profile ] || continue
		hname=$name
		[ -n "$sub" ] && hname=${name#:"$sub":}
		base=${hname##*//}
		d=$(prof_dir "$tns" "$hname") || {
			fail "$bn: no directory for $name"
			continue
		}
		if [ -n "$sub" ]; then
			want=$(mangle "$base").$scnt
			scnt=$((scnt + 1))
		else
			want=$(mangle "$base").$cnt
			cnt=$((cnt + 1))
		fi
		expect_eq "${d##*/}" "$want" "$bn: directory of $name"
		expect_content "$d/name" "$base\n" "$bn: name of $name"
		expect_content "$d/mode" "$mode\n" "$bn: mode of $name"
		expect_content "$d/sha256" "$hash\n" "$bn: sha256 of $name = aa-policy-dump's profile hash"
		expect_content "$d/raw_sha256" "$raw\n" "$bn: raw_sha256 of $name"
		up=../../
		rest=$hname
		while [ "$rest" != "${rest#*//}" ]; do
			up=$up../../
			rest=${rest#*//}
		done
		expect_eq "$(readlink "$d/raw_data")" "${up}raw_data/$r/raw_data" \
			"$bn: raw_data link of $name"
	done < "$hashes"
	# remove what was loaded
	if [ -n "$sub" ]; then
		printf ':%s:' "$sub" | fsop write "$NS/.remove" -
		expect_eq "$?" 0 "$bn: removing namespace t23//$sub"
		[ -e "$tns" ] && fail "$bn: $tns still there after its removal"
	else
		for name in $(sed -n 's/^profile \([^ /]*\) .*/\1/p' "$hashes"); do
			printf '%s' "$name" | fsop write "$NS/.remove" - ||
				fail "$bn: removing $name"
		done
		# (not for a buffer with children: stock 6.12 never frees the
		# raw data of a load that creates a profile with a child)
		grep -q '^profile [^ ]*//' "$hashes" || wait_gone "$tns/raw_data/$r" ||
			fail "$bn: raw_data/$r still there 5 s after the removal"
	fi
	expect_eq "$(ls "$NS/profiles")" "" "$bn: t23 profiles/ after the removal"
done
rmdir "$NS"
expect_eq "$?" 0 "rmdir t23"
