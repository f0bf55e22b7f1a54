# An unprivileged user cannot open the profile list (KI 4.5, checklist
# F.87) but can read the files documented as readable by anyone (KI 4.1).
. /tests/lib.sh

expect_errno EACCES as_nobody fsop open "$SFS/profiles" r
expect_errno EACCES as_nobody fsop read "$PARAMS/mode"

run as_nobody fsop read "$SFS/.ns_name"
expect_eq "$rc/$out" "0/root" "nobody reading .ns_name"
run as_nobody fsop read "$SFS/raw_data_compression_level_max"
expect_eq "$rc/$out" "0/22" "nobody reading raw_data_compression_level_max"
run as_nobody fsop read "$PARAMS/enabled"
expect_eq "$rc/$out" "0/Y" "nobody reading enabled"

# Root may read the profile list; it is empty without policy.
run fsop read "$SFS/profiles"
expect_eq "$rc/$out" "0/" "root reading profiles with no policy loaded"
