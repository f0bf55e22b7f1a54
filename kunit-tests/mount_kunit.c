// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: mount.c. Mount keys (mediation-encoding.md 6) are matched in
 * profiles apparmor_parser 3.0.8 compiled (tools/gen-mount-vectors.py);
 * the answers are those shared/tools/aa-policy-dump gives for the same
 * bytes. Also the flags a rule sees and the flags a record lists.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>
#include "mediate.h"
#include "mount.h"
#include "perms.h"
#include "policy.h"
#include "policy_fixture.h"
#include "unpack.h"

#include "mount_vectors.h"

static int rp_mount_test_init(struct kunit *test)
{
	struct rp_test_profiles *set;

	set = kunit_kzalloc(test, sizeof(*set), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, set);
	test->priv = set;
	rp_test_profiles_init(test, set);
	rp_test_profiles_load(test, set, rp_mount_policy,
			      sizeof(rp_mount_policy) - 1);
	KUNIT_ASSERT_GT(test, set->n, 0);
	return 0;
}

static void rp_mount_test_exit(struct kunit *test)
{
	if (test->priv)
		rp_test_profiles_put(test->priv);
}

static const struct rp_profile *
rp_mount_profile_named(struct kunit *test, const char *name)
{
	return rp_test_profile(test, test->priv, name);
}

/* ---- mount(2) keys ---- */

/**
 * struct rp_mount_case - one mount key and where it stops
 * @desc: what the case shows
 * @profile: the profile asked
 * @mntpnt: the mountpoint's name
 * @src: the source, or NULL
 * @type: the type, or NULL
 * @flags: the flags passed to policy
 * @want: the step the match ends in
 * @quiet: the entry found quiets the denial of mount
 */
struct rp_mount_case {
	const char *desc;
	const char *profile;
	const char *mntpnt;
	const char *src;
	const char *type;
	unsigned long flags;
	enum rp_mount_step want;
	bool quiet;
};

static const struct rp_mount_case rp_mount_cases[] = {
	{ "options= grants exactly its flags", "exact", "/mnt/", "/dev/foo",
	  "tmpfs", MS_RDONLY, RP_MNT_MATCHED },
	{ "options= refuses fewer flags at the perms check", "exact", "/mnt/",
	  "/dev/foo", "tmpfs", 0, RP_MNT_FAIL_PERMS },
	{ "options= refuses an extra flag in the flags", "exact", "/mnt/",
	  "/dev/foo", "tmpfs", MS_RDONLY | MS_NOATIME, RP_MNT_FAIL_FLAGS },
	{ "another source fails at the source", "exact", "/mnt/", "/dev/bar",
	  "tmpfs", MS_RDONLY, RP_MNT_FAIL_SRC },
	{ "another mountpoint fails at the mountpoint", "exact", "/mnt/1/",
	  "/dev/foo", "tmpfs", MS_RDONLY, RP_MNT_FAIL_MNTPNT },
	{ "a directory without its slash is another name", "exact", "/mnt",
	  "/dev/foo", "tmpfs", MS_RDONLY, RP_MNT_FAIL_MNTPNT },
	{ "options in grants a negated flag", "subset", "/mnt/", "/dev/foo",
	  "tmpfs", MS_NOATIME, RP_MNT_MATCHED },
	{ "options in refuses a flag it does not name", "subset", "/mnt/",
	  "/dev/foo", "tmpfs", MS_RDONLY | MS_SYNCHRONOUS, RP_MNT_FAIL_FLAGS },
	{ "fstype= grants any flags and source", "fstype", "/x/", NULL,
	  "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
	  RP_MNT_MATCHED },
	{ "fstype= refuses another type", "fstype", "/x/", NULL, "ramfs", 0,
	  RP_MNT_FAIL_TYPE },
	{ "fstype= never matches a key without a type (remount)", "fstype",
	  "/x/", NULL, NULL, MS_REMOUNT | MS_RDONLY, RP_MNT_FAIL_TYPE },
	{ "a deny rule quiets what it refuses", "quiet", "/", NULL, NULL,
	  MS_RDONLY | MS_REMOUNT, RP_MNT_FAIL_PERMS, true },
	{ "silent escapes the deny rule", "quiet", "/", NULL, NULL,
	  MS_RDONLY | MS_REMOUNT | MS_SILENT, RP_MNT_MATCHED },
	{ "bind of an allowed source", "bind", "/x/", "/tmp/a/", NULL,
	  MS_BIND, RP_MNT_MATCHED },
	{ "bind of /proc is refused at the source", "bind", "/x/", "/proc/",
	  NULL, MS_BIND, RP_MNT_FAIL_SRC },
	{ "rbind needs rbind", "bind", "/x/", "/tmp/a/", NULL,
	  MS_BIND | MS_REC, RP_MNT_FAIL_FLAGS },
	{ "move from the named source", "move", "/dst/", "/src/", NULL,
	  MS_MOVE, RP_MNT_MATCHED },
	{ "a detached move has no source to match", "move", "/dst/", NULL,
	  NULL, MS_MOVE, RP_MNT_FAIL_SRC },
	{ "a rule without a source takes a detached move", "move", "/any/",
	  NULL, NULL, MS_MOVE, RP_MNT_MATCHED },
	{ "rshared is shared with rec", "prop", "/", NULL, NULL,
	  MS_SHARED | MS_REC, RP_MNT_MATCHED },
	{ "shared alone is not rshared", "prop", "/", NULL, NULL, MS_SHARED,
	  RP_MNT_FAIL_FLAGS },
	{ "without mount rules nothing is mounted", "none", "/x/", NULL,
	  "tmpfs", 0, RP_MNT_FAIL_MNTPNT },
	{ "an empty mountpoint name leads nowhere", "none", "", NULL, NULL, 0,
	  RP_MNT_FAIL_MNTPNT },
};

static void rp_mount_case_desc(const struct rp_mount_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rp_mount, rp_mount_cases, rp_mount_case_desc);

static void rp_mount_key_ends_where_expected(struct kunit *test)
{
	const struct rp_mount_case *c = test->param_value;
	const struct rp_profile *p = rp_mount_profile_named(test, c->profile);
	const struct rp_perms *perms;
	enum rp_mount_step step;
	unsigned int start;

	KUNIT_ASSERT_NOT_NULL(test, p);
	start = rp_class_start(p, RP_CLASS_MOUNT);
	KUNIT_ASSERT_NE(test, start, 0u);
	step = rp_mount_match(p, start, c->mntpnt, c->src, c->type, c->flags,
			      NULL, false, &perms);
	KUNIT_EXPECT_EQ(test, step, c->want);
	KUNIT_EXPECT_EQ(test, !!(perms->allow & RP_MNT_MOUNT),
			c->want == RP_MNT_MATCHED);
	KUNIT_EXPECT_EQ(test, !!(perms->quiet & RP_MNT_MOUNT), c->quiet);
}

/* Text data is only matched when the entry asks; binary never is. */
static void rp_mount_data_only_when_asked(struct kunit *test)
{
	const struct rp_profile *p = rp_mount_profile_named(test, "exact");
	const struct rp_perms *perms;
	unsigned int start;

	KUNIT_ASSERT_NOT_NULL(test, p);
	start = rp_class_start(p, RP_CLASS_MOUNT);
	KUNIT_EXPECT_EQ(test, rp_mount_match(p, start, "/mnt/", "/dev/foo",
					     "tmpfs", 0, "size=1m", false,
					     &perms),
			RP_MNT_FAIL_PERMS);
	KUNIT_EXPECT_EQ(test, rp_mount_match(p, start, "/mnt/", "/dev/foo",
					     "tmpfs", MS_RDONLY, "\x01\x02",
					     true, &perms),
			RP_MNT_MATCHED);
}

/* ---- umount and pivot_root ---- */

static void rp_umount_key_is_the_mount_root(struct kunit *test)
{
	const struct rp_profile *p = rp_mount_profile_named(test, "umount");
	unsigned int start;

	KUNIT_ASSERT_NOT_NULL(test, p);
	start = rp_class_start(p, RP_CLASS_MOUNT);
	KUNIT_EXPECT_TRUE(test, rp_umount_perms(p, start, "/mnt/")->allow &
				RP_MNT_UMOUNT);
	KUNIT_EXPECT_FALSE(test, rp_umount_perms(p, start, "/mnt/x/")->allow &
				 RP_MNT_UMOUNT);
	KUNIT_EXPECT_FALSE(test, rp_umount_perms(p, start, "/mnt/")->allow &
				 RP_MNT_MOUNT);
}

static void rp_pivotroot_key_is_new_then_old(struct kunit *test)
{
	const struct rp_profile *p = rp_mount_profile_named(test, "pivot");
	unsigned int start;

	KUNIT_ASSERT_NOT_NULL(test, p);
	start = rp_class_start(p, RP_CLASS_MOUNT);
	KUNIT_EXPECT_TRUE(test, rp_pivotroot_perms(p, start, "/new/",
						   "/new/old/")->allow &
				RP_MNT_PIVOT_ROOT);
	KUNIT_EXPECT_FALSE(test, rp_pivotroot_perms(p, start, "/new/old/",
						    "/new/")->allow &
				 RP_MNT_PIVOT_ROOT);
	KUNIT_EXPECT_FALSE(test, rp_pivotroot_perms(p, start, "/new/",
						    "/other/")->allow &
				 RP_MNT_PIVOT_ROOT);
}

/* ---- flags ---- */

struct rp_flags_case {
	const char *desc;
	unsigned long in;
	unsigned long clean;
	const char *text;
};

static const struct rp_flags_case rp_flags_cases[] = {
	{ "no flags read rw", 0, 0, "rw" },
	{ "the magic number is dropped", MS_MGC_VAL | MS_RDONLY, MS_RDONLY,
	  "ro" },
	/* 0x00ED0000 holds MS_KERNMOUNT (bit 22), which goes anyway */
	{ "a partial magic number stays", 0x00ED0000 | MS_RDONLY,
	  0x00AD0000 | MS_RDONLY, NULL },
	{ "kernel-internal flags are dropped",
	  MS_KERNMOUNT | MS_NOSEC | MS_ACTIVE | MS_BORN | MS_NODEV, MS_NODEV,
	  "rw, nodev" },
	{ "records list flags in their fixed order",
	  MS_NOEXEC | MS_NOSUID | MS_REMOUNT | MS_RDONLY,
	  MS_NOEXEC | MS_NOSUID | MS_REMOUNT | MS_RDONLY,
	  "ro, nosuid, noexec, remount" },
	{ "rec makes bind rbind", MS_BIND | MS_REC, MS_BIND | MS_REC,
	  "rw, rbind" },
	{ "rec makes propagation recursive",
	  MS_REC | MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED,
	  MS_REC | MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED,
	  "rw, runbindable, rprivate, rslave, rshared" },
	{ "the first flags in order",
	  MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS |
	  MS_REMOUNT, 0, "ro, nosuid, nodev, noexec, sync, remount" },
	{ "the next flags in order",
	  MS_MANDLOCK | MS_DIRSYNC | MS_NOSYMFOLLOW | MS_NOATIME |
	  MS_NODIRATIME | MS_BIND | MS_MOVE | MS_SILENT, 0,
	  "rw, mand, dirsync, nosymfollow, noatime, nodiratime, bind, move, silent" },
	{ "the high flags in order",
	  MS_POSIXACL | MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED, 0,
	  "rw, acl, unbindable, private, slave, shared" },
	{ "the last flags in order",
	  MS_RELATIME | MS_I_VERSION | MS_STRICTATIME | MS_NOUSER, 0,
	  "rw, relatime, iversion, strictatime, nouser" },
};

static void rp_flags_case_desc(const struct rp_flags_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rp_flags, rp_flags_cases, rp_flags_case_desc);

static void rp_mount_flags_as_policy_and_record_see_them(struct kunit *test)
{
	const struct rp_flags_case *c = test->param_value;
	char buf[256];

	if (c->clean)
		KUNIT_EXPECT_EQ(test, rp_mount_flags_clean(c->in), c->clean);
	if (!c->text)
		return;
	rp_mount_flags_text(rp_mount_flags_clean(c->in), buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, c->text);
}

/* A short buffer truncates, never overruns. */
static void rp_mount_flags_text_truncates(struct kunit *test)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	rp_mount_flags_text(MS_RDONLY | MS_NOSUID | MS_NODEV, buf, 6);
	KUNIT_EXPECT_STREQ(test, buf, "ro, n");
	KUNIT_EXPECT_EQ(test, buf[6], 'x');
}

static void rp_mount_step_infos_are_the_abi_texts(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, rp_mount_step_info(RP_MNT_MATCHED));
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_MNTPNT),
			   "failed mntpnt match");
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_SRC),
			   "failed srcname match");
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_TYPE),
			   "failed type match");
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_FLAGS),
			   "failed flags match");
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_DATA),
			   "failed data match");
	KUNIT_EXPECT_STREQ(test, rp_mount_step_info(RP_MNT_FAIL_PERMS),
			   "failed perms check");
	KUNIT_EXPECT_NULL(test, rp_mount_step_info(RP_MNT_FAIL_PERMS + 1));
	KUNIT_EXPECT_NULL(test, rp_mount_step_info((enum rp_mount_step)-1));
}

static struct kunit_case rp_mount_test_cases[] = {
	KUNIT_CASE_PARAM(rp_mount_key_ends_where_expected,
			 rp_mount_gen_params),
	KUNIT_CASE(rp_mount_data_only_when_asked),
	KUNIT_CASE(rp_umount_key_is_the_mount_root),
	KUNIT_CASE(rp_pivotroot_key_is_new_then_old),
	{}
};

static struct kunit_suite rp_mount_test_suite = {
	.name = "rampart_mount",
	.init = rp_mount_test_init,
	.exit = rp_mount_test_exit,
	.test_cases = rp_mount_test_cases,
};

static struct kunit_case rp_mount_flags_test_cases[] = {
	KUNIT_CASE_PARAM(rp_mount_flags_as_policy_and_record_see_them,
			 rp_flags_gen_params),
	KUNIT_CASE(rp_mount_flags_text_truncates),
	KUNIT_CASE(rp_mount_step_infos_are_the_abi_texts),
	{}
};

static struct kunit_suite rp_mount_flags_test_suite = {
	.name = "rampart_mount_flags",
	.test_cases = rp_mount_flags_test_cases,
};

kunit_test_suites(&rp_mount_test_suite, &rp_mount_flags_test_suite);
