# The namespace info files and the compression level files (KI 4.7, 4.8,
# checklist D.32, F.99, F.100) for an unconfined root-namespace task.
. /tests/lib.sh

expect_content "$SFS/.ns_level" '0\n' ".ns_level"
expect_content "$SFS/.ns_name" 'root\n' ".ns_name"
expect_content "$SFS/.stacked" 'no\n' ".stacked"
expect_content "$SFS/.ns_stacked" 'no\n' ".ns_stacked"
expect_content "$SFS/raw_data_compression_level_min" '-131072\n' \
	"raw_data_compression_level_min"
expect_content "$SFS/raw_data_compression_level_max" '22\n' \
	"raw_data_compression_level_max"

for f in .ns_level .ns_name .stacked .ns_stacked \
	raw_data_compression_level_min raw_data_compression_level_max; do
	expect_eq "$(stat -c '%a %u:%g' "$SFS/$f")" "444 0:0" "mode of $f"
done

# Other entries present from the start (KI 4.1).
expect_eq "$(stat -c '%a %u:%g %F' "$SFS")" "755 0:0 directory" "mode of $SFS"
expect_eq "$(stat -c '%a %u:%g %F' "$SFS/features")" "755 0:0 directory" \
	"mode of $SFS/features"
for f in profiles revision; do
	expect_eq "$(stat -c '%a %u:%g' "$SFS/$f")" "444 0:0" "mode of $f"
done
