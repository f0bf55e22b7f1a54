// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: file mediation. The outcome table of mediation.md 12.2 (audit.c),
 * the entries and link answers of profiles apparmor_parser 3.0.8 compiled,
 * checked against aa-policy-dump's decoding (file.c, unpack.c), the
 * requests of open and mmap (mediation.md 1.3, 2.3), and names of real
 * paths (path.c).
 */
#include <kunit/test.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/initrd.h>
#include <linux/mman.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <rampart/abi.h>
#include "audit.h"
#include "file.h"
#include "params.h"
#include "path.h"
#include "perms.h"
#include "policy.h"
#include "policy_fixture.h"
#include "unpack.h"

/**
 * struct rp_file_want - the fields of a permission entry the suite checks
 * @allow: permissions granted
 * @deny: permissions denied outright
 * @audit: permissions audited when granted
 * @quiet: permissions not audited when denied
 * @kill: permissions whose denial kills
 * @xindex: the exec transition
 */
struct rp_file_want {
	u32 allow, deny, audit, quiet, kill, xindex;
};

/**
 * struct rp_file_vec - the entries a name gets
 * @profile: the profile's name in rp_file_policy
 * @name: the file name
 * @state: the state the match ends in
 * @owner: the entry for an object the caller owns
 * @other: the entry for anyone else's
 */
struct rp_file_vec {
	const char *profile;
	const char *name;
	unsigned int state;
	struct rp_file_want owner, other;
};

/**
 * struct rp_link_vec - may a link be made (mediation.md 2.5)
 * @profile: the profile's name in rp_file_policy
 * @link: the new link's name
 * @target: the existing file's name
 * @owner: the answer when the caller owns the target
 * @other: the answer when it does not
 */
struct rp_link_vec {
	const char *profile;
	const char *link;
	const char *target;
	int owner, other;
};

/**
 * struct rp_getattr_vec - does a profile grant every stat silently
 * @profile: the profile's name in rp_file_policy
 * @always: what rp_unpacked.getattr_always must be
 */
struct rp_getattr_vec {
	const char *profile;
	bool always;
};

#include "file_vectors.h"

/* Permission bits, short, for the tables. */
#define RD	RP_MAY_READ
#define WR	RP_MAY_WRITE
#define AP	RP_MAY_APPEND
#define CR	RP_MAY_CREATE
#define GA	RP_MAY_GETATTR
#define MX	RP_MAY_MMAP_EXEC
#define LN	RP_MAY_LINK

/* The object owners: the KUnit thread's fsuid is 0 (checked). */
#define RP_OWNER	KUIDT_INIT(0)
#define RP_OTHER	KUIDT_INIT(1000)

/**
 * struct rp_file_fixture - the profiles of rp_file_policy, and the globals
 * a case may change
 * @set: the profiles, in stream order
 * @mode: rp_global_mode on entry
 * @audit: rp_global_audit on entry
 * @path_max: rp_path_max on entry
 */
struct rp_file_fixture {
	struct rp_test_profiles set;
	enum rp_mode mode;
	enum rp_audit_mode audit;
	unsigned int path_max;
};

static int rp_file_test_init(struct kunit *test)
{
	struct rp_file_fixture *fx;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->mode = rp_global_mode;
	fx->audit = rp_global_audit;
	fx->path_max = rp_path_max;
	test->priv = fx;
	rp_test_profiles_init(test, &fx->set);
	rp_test_profiles_load(test, &fx->set, rp_file_policy,
			      sizeof(rp_file_policy));
	KUNIT_ASSERT_EQ(test, fx->set.n, (unsigned int)ARRAY_SIZE(rp_getattr_vecs));
	return 0;
}

static void rp_file_test_exit(struct kunit *test)
{
	struct rp_file_fixture *fx = test->priv;

	if (!fx)
		return;
	WRITE_ONCE(rp_global_mode, fx->mode);
	WRITE_ONCE(rp_global_audit, fx->audit);
	WRITE_ONCE(rp_path_max, fx->path_max);
	rp_test_profiles_put(&fx->set);
}

static struct rp_profile *rp_file_profile_named(struct kunit *test,
						const char *name)
{
	struct rp_file_fixture *fx = test->priv;

	return rp_test_profile(test, &fx->set, name);
}

/* ---- rp_outcome(): mediation.md 12.2 and its additional rules ---- */

/**
 * struct rp_outcome_case - one request, the modes in force, the outcome
 * @desc: what the case shows
 * @mode: the profile's mode
 * @global: the mode parameter (RP_MODE_ENFORCE: none)
 * @audit_all: the profile's flags=(audit)
 * @audit: the audit parameter
 * @perms: the entry the rules give the object
 * @request: the permissions asked for
 * @error: what a denial returns
 * @want: the outcome (@want.shown only matters with a record)
 */
struct rp_outcome_case {
	const char *desc;
	enum rp_mode mode;
	enum rp_mode global;
	bool audit_all;
	enum rp_audit_mode audit;
	struct rp_perms perms;
	u32 request;
	int error;
	struct rp_outcome want;
};

#define ENF	RP_MODE_ENFORCE
#define CMP	RP_MODE_COMPLAIN
#define KIL	RP_MODE_KILL

static const struct rp_outcome_case rp_outcome_cases[] = {
	/* granted */
	{ "a grant without audit bits is silent", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD | WR }, RD, -EACCES,
	  { 0, NULL, 0, false } },
	{ "an audit rule logs AUDIT with only the audited bits", ENF, ENF,
	  false, RP_AUDIT_NORMAL, { .allow = RD | WR, .audit = RD }, RD | WR,
	  -EACCES, { 0, "AUDIT", RD, false } },
	{ "audit bits that are not asked for log nothing", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD | WR, .audit = WR }, RD, -EACCES,
	  { 0, NULL, 0, false } },
	{ "flags=(audit) shows the request masked to 16 bits", ENF, ENF, true,
	  RP_AUDIT_NORMAL, { .allow = RD | MX }, RD | MX, -EACCES,
	  { 0, "AUDIT", RD, false } },
	{ "audit=all shows the request masked to 16 bits", ENF, ENF, false,
	  RP_AUDIT_ALL, { .allow = RD | GA | LN }, RD | GA | LN, -EACCES,
	  { 0, "AUDIT", RD | GA, false } },
	{ "audit=all: only high bits asked, nothing to show", ENF, ENF, false,
	  RP_AUDIT_ALL, { .allow = LN }, LN, -EACCES,
	  { 0, NULL, 0, false } },
	{ "audit=quiet silences an audited grant", ENF, ENF, false,
	  RP_AUDIT_QUIET, { .allow = RD, .audit = RD }, RD, -EACCES,
	  { 0, NULL, 0, false } },
	{ "audit=quiet_denied still logs an audited grant", ENF, ENF, false,
	  RP_AUDIT_QUIET_DENIED, { .allow = RD, .audit = RD }, RD, -EACCES,
	  { 0, "AUDIT", RD, false } },
	{ "audit=noquiet logs an audited grant", ENF, ENF, false,
	  RP_AUDIT_NOQUIET, { .allow = RD, .audit = RD }, RD, -EACCES,
	  { 0, "AUDIT", RD, false } },
	{ "a global audit mode replaces flags=(audit)", ENF, ENF, true,
	  RP_AUDIT_QUIET_DENIED, { .allow = RD }, RD, -EACCES,
	  { 0, NULL, 0, false } },
	{ "nothing asked is nothing denied, whatever the error", ENF, ENF,
	  false, RP_AUDIT_NORMAL, { }, 0, -ENOENT, { 0, NULL, 0, false } },
	/* enforce */
	{ "enforce: a denial fails with DENIED", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { -EACCES, "DENIED", RD, false } },
	{ "enforce: only the refused bits are shown", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD }, RD | WR, -EACCES,
	  { -EACCES, "DENIED", WR, false } },
	{ "a deny bit refuses an allowed, audited bit", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD | WR, .deny = WR, .audit = WR }, WR,
	  -EACCES, { -EACCES, "DENIED", WR, false } },
	{ "enforce: a quiet denial fails silently", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "quiet bits drop out of the record, the rest shows", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .quiet = WR }, RD | WR, -EACCES,
	  { -EACCES, "DENIED", RD, false } },
	{ "enforce: a lookup error is returned as it is", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -ENOENT, { -ENOENT, "DENIED", RD, false } },
	{ "user mode is enforce", RP_MODE_USER, ENF, false, RP_AUDIT_NORMAL,
	  { }, RD, -EACCES, { -EACCES, "DENIED", RD, false } },
	/* complain */
	{ "complain: a denial succeeds with ALLOWED", CMP, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { 0, "ALLOWED", RD, false } },
	{ "complain: a quiet deny stays enforced, silently", CMP, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "complain: an audit deny is ALLOWED and succeeds", CMP, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD }, WR, -EACCES,
	  { 0, "ALLOWED", WR, false } },
	{ "complain: a name-lookup ENOENT still fails", CMP, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -ENOENT,
	  { -ENOENT, "ALLOWED", RD, false } },
	{ "complain: ENAMETOOLONG still fails", CMP, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -ENAMETOOLONG,
	  { -ENAMETOOLONG, "ALLOWED", RD, false } },
	{ "complain: EPERM becomes success", CMP, ENF, false, RP_AUDIT_NORMAL,
	  { }, RD, -EPERM, { 0, "ALLOWED", RD, false } },
	/* kill */
	{ "kill: a denial fails with KILLED and SIGKILL", KIL, ENF, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { -EACCES, "KILLED", RD, true } },
	{ "kill: a quiet denial is silent and kills nothing", KIL, ENF, false,
	  RP_AUDIT_NORMAL, { .quiet = RD }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "a rule's kill bit kills in enforce", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .kill = RD }, RD, -EACCES,
	  { -EACCES, "KILLED", RD, true } },
	{ "a rule's kill bit beats complain", CMP, ENF, false, RP_AUDIT_NORMAL,
	  { .kill = RD }, RD, -EACCES, { -EACCES, "KILLED", RD, true } },
	{ "a kill bit on a granted bit does nothing", ENF, ENF, false,
	  RP_AUDIT_NORMAL, { .allow = RD, .kill = RD }, RD | WR, -EACCES,
	  { -EACCES, "DENIED", WR, false } },
	/* the mode parameter */
	{ "mode=complain makes an enforce profile allow", ENF, CMP, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { 0, "ALLOWED", RD, false } },
	{ "mode=kill makes an enforce profile kill", ENF, KIL, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { -EACCES, "KILLED", RD, true } },
	{ "a complain profile beats mode=kill", CMP, KIL, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { 0, "ALLOWED", RD, false } },
	{ "mode=complain beats a kill profile", KIL, CMP, false,
	  RP_AUDIT_NORMAL, { }, RD, -EACCES, { 0, "ALLOWED", RD, false } },
	{ "mode=complain keeps a quiet deny enforced", ENF, CMP, false,
	  RP_AUDIT_NORMAL, { .quiet = RD }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
	/* the audit parameter and flags=(audit) on denials */
	{ "audit=noquiet shows a quiet denial", ENF, ENF, false,
	  RP_AUDIT_NOQUIET, { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { -EACCES, "DENIED", WR, false } },
	{ "audit=noquiet lets complain allow a quiet deny", CMP, ENF, false,
	  RP_AUDIT_NOQUIET, { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { 0, "ALLOWED", WR, false } },
	{ "audit=all shows a quiet denial", ENF, ENF, false, RP_AUDIT_ALL,
	  { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { -EACCES, "DENIED", WR, false } },
	{ "flags=(audit) shows a quiet denial", ENF, ENF, true,
	  RP_AUDIT_NORMAL, { .allow = RD, .quiet = WR }, WR, -EACCES,
	  { -EACCES, "DENIED", WR, false } },
	{ "audit=quiet_denied: an enforce denial is silent", ENF, ENF, false,
	  RP_AUDIT_QUIET_DENIED, { }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "audit=quiet_denied: complain still logs ALLOWED", CMP, ENF, false,
	  RP_AUDIT_QUIET_DENIED, { }, RD, -EACCES,
	  { 0, "ALLOWED", RD, false } },
	{ "audit=quiet_denied: kill mode is silent and kills nothing", KIL,
	  ENF, false, RP_AUDIT_QUIET_DENIED, { }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "audit=quiet_denied: a rule's kill bit still logs KILLED", ENF, ENF,
	  false, RP_AUDIT_QUIET_DENIED, { .kill = RD }, RD, -EACCES,
	  { -EACCES, "KILLED", RD, true } },
	{ "audit=quiet: an enforce denial is silent", ENF, ENF, false,
	  RP_AUDIT_QUIET, { }, RD, -EACCES, { -EACCES, NULL, 0, false } },
	/* stock returns before complain mode converts the error */
	{ "audit=quiet: complain logs nothing and still fails", CMP, ENF,
	  false, RP_AUDIT_QUIET, { }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
	{ "audit=quiet: kill mode neither logs nor kills", KIL, ENF, false,
	  RP_AUDIT_QUIET, { }, RD, -EACCES, { -EACCES, NULL, 0, false } },
	{ "audit=quiet: a rule's kill bit neither logs nor kills", ENF, ENF,
	  false, RP_AUDIT_QUIET, { .kill = RD }, RD, -EACCES,
	  { -EACCES, NULL, 0, false } },
};

KUNIT_ARRAY_PARAM_DESC(rp_outcome, rp_outcome_cases, desc);

static void rp_outcome_follows_the_table(struct kunit *test)
{
	const struct rp_outcome_case *c = test->param_value;
	struct rp_file_fixture *fx = test->priv;
	struct rp_outcome out;
	struct rp_profile *p;

	p = rp_profile_alloc(fx->set.ns, "outcome", c->mode, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	/* the profile frees its rules */
	p->rules = kzalloc(sizeof(*p->rules), GFP_KERNEL);
	if (!p->rules) {
		rp_label_put(&p->label);
		KUNIT_FAIL_AND_ABORT(test, "no memory");
	}
	p->rules->audit_all = c->audit_all;
	WRITE_ONCE(rp_global_mode, c->global);
	WRITE_ONCE(rp_global_audit, c->audit);

	memset(&out, 0x5a, sizeof(out));
	rp_outcome(p, &c->perms, c->request, c->error, &out);
	rp_label_put(&p->label);

	KUNIT_EXPECT_EQ(test, out.error, c->want.error);
	KUNIT_EXPECT_EQ(test, out.kill, c->want.kill);
	if (!c->want.type) {
		KUNIT_EXPECT_NULL_MSG(test, out.type, "type %s", out.type);
		return;
	}
	KUNIT_EXPECT_STREQ(test, out.type ?: "(none)", c->want.type);
	/* what the record lists; without a record it means nothing */
	KUNIT_EXPECT_EQ(test, out.shown, c->want.shown);
}

/* ---- rp_file_perms(): entries of compiled profiles ---- */

static void rp_file_vec_desc(const struct rp_file_vec *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s: \"%*pE\"", v->profile,
		 (int)strlen(v->name), v->name);
}

KUNIT_ARRAY_PARAM(rp_file_vec, rp_file_vecs, rp_file_vec_desc);

static void rp_file_expect_entry(struct kunit *test, const char *who,
				 const struct rp_perms *got,
				 const struct rp_file_want *want)
{
	KUNIT_EXPECT_EQ_MSG(test, got->allow, want->allow, "%s allow", who);
	KUNIT_EXPECT_EQ_MSG(test, got->deny, want->deny, "%s deny", who);
	KUNIT_EXPECT_EQ_MSG(test, got->audit, want->audit, "%s audit", who);
	KUNIT_EXPECT_EQ_MSG(test, got->quiet, want->quiet, "%s quiet", who);
	KUNIT_EXPECT_EQ_MSG(test, got->kill, want->kill, "%s kill", who);
	KUNIT_EXPECT_EQ_MSG(test, got->xindex, want->xindex, "%s xindex",
			    who);
}

static void rp_file_perms_match_the_decoder(struct kunit *test)
{
	const struct rp_file_vec *v = test->param_value;
	const struct rp_perms *owner, *other;
	unsigned int state = ~0u;
	struct rp_profile *p;

	KUNIT_ASSERT_TRUE(test, uid_eq(current_fsuid(), RP_OWNER));
	p = rp_file_profile_named(test, v->profile);
	owner = rp_file_perms(p, v->name, RP_OWNER, &state);
	KUNIT_EXPECT_EQ(test, state, v->state);
	other = rp_file_perms(p, v->name, RP_OTHER, NULL);
	rp_file_expect_entry(test, "owner", owner, &v->owner);
	rp_file_expect_entry(test, "other", other, &v->other);
}

static void rp_file_perms_without_rules_grant_nothing(struct kunit *test)
{
	struct rp_file_fixture *fx = test->priv;
	const struct rp_perms *perms;
	struct rp_profile *p;

	p = rp_profile_alloc(fx->set.ns, "bare", RP_MODE_ENFORCE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	perms = rp_file_perms(p, "/etc/passwd", RP_OWNER, NULL);
	KUNIT_EXPECT_EQ(test, perms->allow, 0u);
	perms = rp_file_perms(p, "/", RP_OTHER, NULL);
	KUNIT_EXPECT_EQ(test, perms->allow, 0u);
	KUNIT_EXPECT_EQ(test, rp_link_profile(p, "/a", "/b", RP_OWNER),
			-EACCES);
	rp_label_put(&p->label);
}

/* ---- rp_link_profile(): mediation.md 2.5 ---- */

static void rp_link_vec_desc(const struct rp_link_vec *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s: \"%s\" -> \"%s\"",
		 v->profile, v->link, v->target);
}

KUNIT_ARRAY_PARAM(rp_link_vec, rp_link_vecs, rp_link_vec_desc);

static void rp_link_profile_matches_the_decoder(struct kunit *test)
{
	const struct rp_link_vec *v = test->param_value;
	struct rp_profile *p;

	KUNIT_ASSERT_TRUE(test, uid_eq(current_fsuid(), RP_OWNER));
	p = rp_file_profile_named(test, v->profile);
	KUNIT_EXPECT_EQ_MSG(test, rp_link_profile(p, v->link, v->target,
						  RP_OWNER),
			    v->owner, "owned target");
	KUNIT_EXPECT_EQ_MSG(test, rp_link_profile(p, v->link, v->target,
						  RP_OTHER),
			    v->other, "someone else's target");
}

/* ---- rp_unpacked.getattr_always (unpack.c, mediation.md 2.4) ---- */

static void rp_getattr_vec_desc(const struct rp_getattr_vec *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", v->profile);
}

KUNIT_ARRAY_PARAM(rp_getattr_vec, rp_getattr_vecs, rp_getattr_vec_desc);

/*
 * 3.0.8's old encoding grants getattr in every file state; an audit rule
 * with r audits it, so stats must be named. A profile without file rules
 * shares its policydb, whose owner entries grant nothing (2.4).
 */
static void rp_getattr_always_follows_the_encoding(struct kunit *test)
{
	const struct rp_getattr_vec *v = test->param_value;
	struct rp_profile *p = rp_file_profile_named(test, v->profile);

	KUNIT_EXPECT_EQ(test, p->rules->getattr_always, v->always);
}

/* ---- rp_open_request(): mediation.md 2.3 ---- */

/**
 * struct rp_open_case - an open file's mode and what it stands for
 * @desc: what the case shows
 * @mode: f_mode
 * @flags: f_flags
 * @want: the permissions
 */
struct rp_open_case {
	const char *desc;
	fmode_t mode;
	unsigned int flags;
	u32 want;
};

static const struct rp_open_case rp_open_cases[] = {
	{ "O_RDONLY reads", FMODE_READ, O_RDONLY, RD },
	{ "O_WRONLY writes", FMODE_WRITE, O_WRONLY, WR },
	{ "O_RDWR reads and writes", FMODE_READ | FMODE_WRITE, O_RDWR,
	  RD | WR },
	{ "O_APPEND asks a instead of w", FMODE_WRITE, O_WRONLY | O_APPEND,
	  AP },
	{ "O_RDWR|O_APPEND reads and appends", FMODE_READ | FMODE_WRITE,
	  O_RDWR | O_APPEND, RD | AP },
	{ "O_TRUNC adds w to a read-only open", FMODE_READ,
	  O_RDONLY | O_TRUNC, RD | WR },
	{ "O_TRUNC adds w to an append", FMODE_WRITE,
	  O_WRONLY | O_APPEND | O_TRUNC, AP | WR },
	{ "O_CREAT adds c", FMODE_WRITE, O_WRONLY | O_CREAT, WR | CR },
	{ "O_CREAT adds c to a read-only open", FMODE_READ,
	  O_RDONLY | O_CREAT, RD | CR },
	{ "O_APPEND without write asks only r", FMODE_READ,
	  O_RDONLY | O_APPEND, RD },
	{ "other flags change nothing", FMODE_READ | FMODE_WRITE,
	  O_RDWR | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, RD | WR },
	{ "an O_PATH file asks nothing", FMODE_PATH, O_PATH, 0 },
	{ "access mode 3 (neither read nor write) asks nothing", 0,
	  O_ACCMODE, 0 },
	{ "the f_mode decides, not the access mode", FMODE_READ, O_WRONLY,
	  RD },
};

KUNIT_ARRAY_PARAM_DESC(rp_open, rp_open_cases, desc);

static void rp_open_request_maps_the_mode(struct kunit *test)
{
	const struct rp_open_case *c = test->param_value;
	struct file *file;

	file = kunit_kzalloc(test, sizeof(*file), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, file);
	file->f_mode = c->mode;
	file->f_flags = c->flags;
	KUNIT_EXPECT_EQ(test, rp_open_request(file), c->want);
}

/* ---- rp_map_request(): mediation.md 1.3 ---- */

/**
 * struct rp_map_case - a mapping's protection and what it asks
 * @desc: what the case shows
 * @prot: PROT_* bits
 * @shared: a shared mapping
 * @want: the permissions
 */
struct rp_map_case {
	const char *desc;
	unsigned long prot;
	bool shared;
	u32 want;
};

static const struct rp_map_case rp_map_cases[] = {
	{ "PROT_NONE asks nothing", PROT_NONE, true, 0 },
	{ "PROT_READ asks r", PROT_READ, false, RD },
	{ "a shared writable mapping asks w", PROT_WRITE, true, WR },
	{ "a private writable mapping never writes the file", PROT_WRITE,
	  false, 0 },
	{ "a private read-write mapping asks r", PROT_READ | PROT_WRITE,
	  false, RD },
	{ "PROT_EXEC asks m", PROT_EXEC, false, MX },
	{ "a shared mapping with everything asks r, w and m",
	  PROT_READ | PROT_WRITE | PROT_EXEC, true, RD | WR | MX },
	{ "unknown protection bits are ignored",
	  PROT_READ | PROT_SEM | PROT_GROWSDOWN | PROT_GROWSUP, true, RD },
};

KUNIT_ARRAY_PARAM_DESC(rp_map, rp_map_cases, desc);

static void rp_map_request_maps_the_protection(struct kunit *test)
{
	const struct rp_map_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, rp_map_request(c->prot, c->shared), c->want);
}

/* ---- rp_path_name(): mediation.md 2.1, 2.6 ---- */

/**
 * struct rp_path_case - a real path and its name
 * @desc: what the case shows
 * @path: what to look up
 * @flags: RP_PATH_* flags
 * @max: rp_path_max for the call, 0 to leave it
 * @err: the errno expected
 * @want: the name expected (on success)
 */
struct rp_path_case {
	const char *desc;
	const char *path;
	u32 flags;
	unsigned int max;
	int err;
	const char *want;
};

static const struct rp_path_case rp_path_cases[] = {
	{ "the root is /", "/", 0, 0, 0, "/" },
	{ "the root as a directory stays /", "/", RP_PATH_DIR, 0, 0, "/" },
	{ "a directory without RP_PATH_DIR has no slash", "/dev", 0, 0, 0,
	  "/dev" },
	{ "a directory gets a trailing slash", "/dev", RP_PATH_DIR, 0, 0,
	  "/dev/" },
	{ "a file below a directory", "/dev/console", 0, 0, 0,
	  "/dev/console" },
	{ "the deleted flags change nothing for a live file", "/dev/console",
	  RP_PATH_DELEGATE_DELETED | RP_PATH_MEDIATE_DELETED, 0, 0,
	  "/dev/console" },
	{ "attach_disconnected changes nothing for a connected file",
	  "/dev/console", RP_PATH_CONNECT, 0, 0, "/dev/console" },
	{ "chroot_relative at the real root changes nothing", "/dev",
	  RP_PATH_CHROOT_REL | RP_PATH_DIR, 0, 0, "/dev/" },
	{ "a name that fills path_max exactly", "/dev", 0, 5, 0, "/dev" },
	{ "a name one byte over path_max", "/dev", 0, 4, -ENAMETOOLONG,
	  NULL },
	{ "the slash of a directory fits exactly", "/dev", RP_PATH_DIR, 6, 0,
	  "/dev/" },
	{ "the slash of a directory is one byte over", "/dev", RP_PATH_DIR, 5,
	  -ENAMETOOLONG, NULL },
};

KUNIT_ARRAY_PARAM_DESC(rp_path, rp_path_cases, desc);

/*
 * Names of the boot root filesystem (/dev and /dev/console are made by
 * the kernel's default rootfs). A case with @max shrinks rp_path_max below
 * what the parameter allows, for the one call, on a buffer of the usual
 * size that never enters the stash: nothing else is confined while the
 * suite runs, so nothing else names files meanwhile.
 */
static void rp_path_name_names_real_paths(struct kunit *test)
{
	const struct rp_path_case *c = test->param_value;
	struct rp_file_fixture *fx = test->priv;
	struct rp_name n = { };
	struct path path;
	int err;

	wait_for_initramfs();
	err = kern_path(c->path, 0, &path);
	if (err)
		kunit_skip(test, "no %s here (%d)", c->path, err);
	n.buf = kunit_kmalloc(test, fx->path_max, GFP_KERNEL);
	if (!n.buf) {
		path_put(&path);
		KUNIT_FAIL_AND_ABORT(test, "no memory");
	}
	if (c->max)
		WRITE_ONCE(rp_path_max, c->max);
	err = rp_path_name(&path, c->flags, &n);
	WRITE_ONCE(rp_path_max, fx->path_max);
	path_put(&path);

	KUNIT_EXPECT_EQ(test, err, c->err);
	if (c->err) {
		KUNIT_EXPECT_NULL(test, n.str);
		KUNIT_EXPECT_STREQ(test, n.info ?: "(none)",
				   "Failed name lookup - name too long");
		return;
	}
	KUNIT_EXPECT_NULL(test, n.info);
	KUNIT_EXPECT_STREQ(test, n.str ?: "(none)", c->want);
}

static struct kunit_case rp_file_test_cases[] = {
	KUNIT_CASE_PARAM(rp_outcome_follows_the_table, rp_outcome_gen_params),
	KUNIT_CASE_PARAM(rp_file_perms_match_the_decoder,
			 rp_file_vec_gen_params),
	KUNIT_CASE(rp_file_perms_without_rules_grant_nothing),
	KUNIT_CASE_PARAM(rp_link_profile_matches_the_decoder,
			 rp_link_vec_gen_params),
	KUNIT_CASE_PARAM(rp_getattr_always_follows_the_encoding,
			 rp_getattr_vec_gen_params),
	KUNIT_CASE_PARAM(rp_open_request_maps_the_mode, rp_open_gen_params),
	KUNIT_CASE_PARAM(rp_map_request_maps_the_protection,
			 rp_map_gen_params),
	KUNIT_CASE_PARAM(rp_path_name_names_real_paths, rp_path_gen_params),
	{}
};

static struct kunit_suite rp_file_test_suite = {
	.name = "rampart-file",
	.init = rp_file_test_init,
	.exit = rp_file_test_exit,
	.test_cases = rp_file_test_cases,
};

kunit_test_suites(&rp_file_test_suite);
