// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: perms.c. Every exec mode of apparmor_parser 3.0.8's old encoding
 * (dfa-format.md 7.4), the letter mapping of file halves, and policydb
 * decoding across ABI versions.
 */
#include <kunit/test.h>
#include <rampart/abi.h>
#include "perms.h"

struct rp_xmode_case {
	const char *desc;
	u32 half;
	u32 xindex;
};

static const struct rp_xmode_case rp_xmode_cases[] = {
	{ "ix inherits", 0x241, RP_X_INHERIT },
	{ "Px attaches by name", 0x801, RP_X_NAME },
	{ "px attaches by name, unsafe", 0x901, RP_X_NAME | RP_X_UNSAFE },
	{ "Cx searches children", 0xc01, RP_X_NAME | RP_X_CHILD },
	{ "cx searches children, unsafe", 0xd01,
	  RP_X_NAME | RP_X_CHILD | RP_X_UNSAFE },
	{ "Ux goes unconfined", 0x401, RP_X_UNCONFINED },
	{ "ux goes unconfined, unsafe", 0x501, RP_X_UNCONFINED | RP_X_UNSAFE },
	{ "Pix falls back to inherit", 0xa41, RP_X_NAME | RP_X_INHERIT },
	{ "pix falls back to inherit, unsafe", 0xb41,
	  RP_X_NAME | RP_X_INHERIT | RP_X_UNSAFE },
	{ "Cix falls back to inherit", 0xe41,
	  RP_X_NAME | RP_X_CHILD | RP_X_INHERIT },
	{ "cix falls back to inherit, unsafe", 0xf41,
	  RP_X_NAME | RP_X_CHILD | RP_X_INHERIT | RP_X_UNSAFE },
	{ "CUx falls back to unconfined", 0xc81,
	  RP_X_NAME | RP_X_CHILD | RP_X_UNCONFINED },
	{ "cux falls back to unconfined, unsafe", 0xd81,
	  RP_X_NAME | RP_X_CHILD | RP_X_UNCONFINED | RP_X_UNSAFE },
	{ "PUx falls back to unconfined", 0x881, RP_X_NAME | RP_X_UNCONFINED },
	{ "pux falls back to unconfined, unsafe", 0x981,
	  RP_X_NAME | RP_X_UNCONFINED | RP_X_UNSAFE },
	{ "px -> name uses table entry 0", 0x101 + (4 << 10),
	  RP_X_TABLE | RP_X_UNSAFE | 0 },
	{ "Cx -> child uses table entry 2", 0x001 + (6 << 10), RP_X_TABLE | 2 },
	{ "no x means no transition", 0x4, 0 },
};

KUNIT_ARRAY_PARAM_DESC(rp_xmode, rp_xmode_cases, desc);

static void rp_file_half_gives_exec_transition(struct kunit *test)
{
	const struct rp_xmode_case *c = test->param_value;
	struct rp_perms owner, other;

	/* The same half in both positions decodes the same. */
	rp_perms_from_file(&owner, c->half, 0, false);
	rp_perms_from_file(&other, c->half << 14, 0, true);
	KUNIT_EXPECT_EQ(test, owner.xindex, c->xindex);
	KUNIT_EXPECT_EQ(test, other.xindex, c->xindex);
	KUNIT_EXPECT_EQ(test, owner.allow, other.allow);
	KUNIT_EXPECT_EQ(test, !!(owner.allow & RP_MAY_EXEC), !!(c->half & 1));
}

struct rp_letter_case {
	const char *desc;
	u32 half;
	u32 allow;	/* includes the getattr every state allows */
	u32 letters;	/* the mapping alone, as audit and quiet use it */
};

static const struct rp_letter_case rp_letter_cases[] = {
	{ "nothing still allows getattr", 0, RP_MAY_GETATTR, 0 },
	{ "r is read, getattr and open", 0x4,
	  RP_MAY_READ | RP_MAY_GETATTR | RP_MAY_OPEN,
	  RP_MAY_READ | RP_MAY_GETATTR | RP_MAY_OPEN },
	{ "w is write, create, delete, attributes and open", 0x2,
	  RP_MAY_WRITE | RP_MAY_SETATTR | RP_MAY_CREATE | RP_MAY_DELETE |
	  RP_MAY_CHMOD | RP_MAY_CHOWN | RP_MAY_OPEN | RP_MAY_GETATTR,
	  RP_MAY_WRITE | RP_MAY_SETATTR | RP_MAY_CREATE | RP_MAY_DELETE |
	  RP_MAY_CHMOD | RP_MAY_CHOWN | RP_MAY_OPEN },
	{ "a is append", 0x8, RP_MAY_APPEND | RP_MAY_GETATTR, RP_MAY_APPEND },
	{ "l is link", 0x10, RP_MAY_LINK | RP_MAY_GETATTR, RP_MAY_LINK },
	{ "k is lock", 0x20, RP_MAY_LOCK | RP_MAY_GETATTR, RP_MAY_LOCK },
	{ "m is mmap exec", 0x40, RP_MAY_MMAP_EXEC | RP_MAY_GETATTR,
	  RP_MAY_MMAP_EXEC },
};

KUNIT_ARRAY_PARAM_DESC(rp_letter, rp_letter_cases, desc);

static void rp_file_letters_map_to_requests(struct kunit *test)
{
	const struct rp_letter_case *c = test->param_value;
	struct rp_perms p;

	/* audit bits 0-6 and quiet bits 7-13 of accept2 use the same map */
	rp_perms_from_file(&p, c->half, c->half | (c->half << 7), false);
	KUNIT_EXPECT_EQ(test, p.allow, c->allow);
	KUNIT_EXPECT_EQ(test, p.audit, c->letters);
	KUNIT_EXPECT_EQ(test, p.quiet, c->letters);
	KUNIT_EXPECT_EQ(test, p.deny, 0u);
}

static void rp_file_halves_are_independent(struct kunit *test)
{
	struct rp_perms owner, other;
	u32 accept = 0x4 | (0x2 << 14) | 0x80000000u | 0x40000000u;

	rp_perms_from_file(&owner, accept, 0x4 << 14, false);
	rp_perms_from_file(&other, accept, 0x4 << 14, true);
	KUNIT_EXPECT_TRUE(test, owner.allow & RP_MAY_READ);
	KUNIT_EXPECT_FALSE(test, owner.allow & RP_MAY_WRITE);
	KUNIT_EXPECT_TRUE(test, other.allow & RP_MAY_WRITE);
	KUNIT_EXPECT_FALSE(test, other.allow & RP_MAY_READ);
	/* change_profile and onexec are shared by both halves */
	KUNIT_EXPECT_TRUE(test, owner.allow & RP_MAY_CHANGE_PROFILE);
	KUNIT_EXPECT_TRUE(test, other.allow & RP_MAY_ONEXEC);
	KUNIT_EXPECT_EQ(test, owner.audit, 0u);
	KUNIT_EXPECT_EQ(test, other.audit,
			RP_MAY_READ | RP_MAY_GETATTR | RP_MAY_OPEN);
}

struct rp_policy_case {
	const char *desc;
	unsigned int state;
	u32 accept, accept2;
	unsigned int abi;
	u32 allow, audit, quiet;
};

static const struct rp_policy_case rp_policy_cases[] = {
	{ "state 0 has nothing", 0, 0xffffffff, 0xffffffff, 7, 0, 0, 0 },
	{ "a mediates marker at ABI 7 gains lock", 2, 0x4, 0, 7, 0x8004, 0, 0 },
	{ "an empty live state at ABI 5 gains lock", 5, 0, 0, 5, 0x8000, 0, 0 },
	{ "ABI 9 has no lock quirk", 2, 0x4, 0, 9, 0x4, 0, 0 },
	{ "the other half carries the socket permissions", 3,
	  0x7fu << 14, 0, 7, 0x8000 | 0x100 | 0x200 | 0x100000 | 0x200000 |
	  0x400000 | 0x1000000 | 0x2000000, 0, 0 },
	{ "bit 31 passes through", 3, 0x80000001u, 0, 7,
	  0x80000001u | 0x8000, 0, 0 },
	{ "accept2 audit and quiet halves", 3, 0, 0x1 | (0x2 << 7) |
	  (0x1 << 14) | (0x2 << 21), 7, 0x8000, 0x1 | 0x100, 0x2 | 0x200 },
	{ "ABI 9 exec modifier bits", 3, (0x1u << 7) | (0x3fu << 8), 0, 9,
	  0x80 | 0xfc00, 0, 0 },
	/* bits 21-27 are also other-half bits 7-13: no allow meaning */
	{ "ABI 9 quiet modifier bits", 3, 0x7fu << 21, 0, 9, 0, 0,
	  0x80 | 0xfc00 },
};

KUNIT_ARRAY_PARAM_DESC(rp_policy, rp_policy_cases, desc);

static void rp_policy_state_decodes(struct kunit *test)
{
	const struct rp_policy_case *c = test->param_value;
	struct rp_perms p;

	rp_perms_from_policy(&p, c->state, c->accept, c->accept2, c->abi);
	KUNIT_EXPECT_EQ(test, p.allow, c->allow);
	KUNIT_EXPECT_EQ(test, p.audit, c->audit);
	KUNIT_EXPECT_EQ(test, p.quiet, c->quiet);
	KUNIT_EXPECT_EQ(test, p.xindex, 0u);
}

static void rp_xmatch_state_keeps_exec_only(struct kunit *test)
{
	struct rp_perms p;

	rp_perms_from_xmatch(&p, 7, 0x80003fffu);
	KUNIT_EXPECT_EQ(test, p.allow, 0x8000007fu);
	rp_perms_from_xmatch(&p, 0, 0x1);
	KUNIT_EXPECT_EQ(test, p.allow, 0u);
}

struct rp_lookup_case {
	const char *desc;
	u32 index;
	bool other;
	int want;	/* entry number, -1 for the empty entry */
};

static const struct rp_lookup_case rp_lookup_cases[] = {
	{ "the owner entry is at the index", 1, false, 1 },
	{ "the other entry follows it", 1, true, 2 },
	{ "the last entry as owner", 3, false, 3 },
	{ "an other entry past the end grants nothing", 3, true, -1 },
	{ "an index past the end grants nothing", 9, false, -1 },
	{ "the largest index does not wrap", 0xffffffff, true, -1 },
};

KUNIT_ARRAY_PARAM_DESC(rp_lookup, rp_lookup_cases, desc);

static void rp_perms_table_lookup_is_bounded(struct kunit *test)
{
	const struct rp_lookup_case *c = test->param_value;
	struct rp_perms table[4] = {
		{ .allow = 1 }, { .allow = 2 }, { .allow = 4 }, { .allow = 8 },
	};
	const struct rp_perms *p = rp_perms_lookup(table, 4, c->index, c->other);

	if (c->want < 0) {
		KUNIT_EXPECT_EQ(test, p->allow, 0u);
		KUNIT_EXPECT_EQ(test, p->deny, 0u);
		KUNIT_EXPECT_EQ(test, p->xindex, 0u);
	} else {
		KUNIT_EXPECT_PTR_EQ(test, p, &table[c->want]);
	}
}

static struct kunit_case rp_perms_cases[] = {
	KUNIT_CASE_PARAM(rp_perms_table_lookup_is_bounded, rp_lookup_gen_params),
	KUNIT_CASE_PARAM(rp_file_half_gives_exec_transition,
			 rp_xmode_gen_params),
	KUNIT_CASE_PARAM(rp_file_letters_map_to_requests, rp_letter_gen_params),
	KUNIT_CASE(rp_file_halves_are_independent),
	KUNIT_CASE_PARAM(rp_policy_state_decodes, rp_policy_gen_params),
	KUNIT_CASE(rp_xmatch_state_keeps_exec_only),
	{}
};

static struct kunit_suite rp_perms_suite = {
	.name = "rampart-perms",
	.test_cases = rp_perms_cases,
};

kunit_test_suite(rp_perms_suite);
