# SFS/revision (KI 4.4): a fresh open has "seen" revision 0. With no policy
# ever loaded, a non-blocking read fails with EAGAIN and a blocking read
# blocks. If an earlier test of this boot changed policy, the first read
# returns the (positive) revision and only the second one fails.
. /tests/lib.sh

fsop read -n -r 2 "$SFS/revision" > "$T/rev" 2> "$T/err"
rc=$?
rev=$(cat "$T/rev")
expect_eq "$rc" 1 "two non-blocking reads of revision: exit status"
expect_match "$(cat "$T/err")" 'EAGAIN' "two non-blocking reads of revision"
if [ -z "$rev" ]; then
	expect_match "$(cat "$T/err")" '^fsop: read#1 ' \
		"the first non-blocking read fails (revision 0)"
	# A blocking read must block (the revision is 0 and does not change).
	run timeout 2 fsop read "$SFS/revision"
	expect_eq "$rc" 143 "blocking read of revision 0 is still blocked after 2s"
	expect_eq "$out" "" "blocking read of revision 0: output"
	run as_nobody fsop read -n "$SFS/revision"
	expect_match "$out" 'EAGAIN' "nobody: non-blocking read of revision"
else
	note "policy was changed earlier in this boot: revision $rev"
	expect_match "$rev" '^[1-9][0-9]*$' "revision value"
	expect_content "$SFS/revision" "$rev\n" "single read of revision"
fi
