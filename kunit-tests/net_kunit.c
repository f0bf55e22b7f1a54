// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for socket mediation: the coarse key, the names records use,
 * af_mask, unix addresses as keys see them, the fine-grained key encoder
 * against bytes and answers from parser-compiled policy (net_vectors.h,
 * made by tools/gen-net-vectors.py), and the mode a profile is in.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/un.h>
#include "af_unix.h"
#include "mediate.h"
#include "net.h"
#include "perms.h"
#include "policy.h"
#include "policy_fixture.h"
#include "unpack.h"

/**
 * struct rp_net_vector - one query of net_vectors.h
 * @desc: what it shows
 * @profile: the profile of the FINE policy asked
 * @type: socket type
 * @protocol: protocol
 * @has_local: the key has a local part
 * @lkind: local address kind
 * @lname: local address bytes after the leading NUL (abstract)
 * @llen: their number
 * @cmd: command byte, 0 for none
 * @arg: backlog or option name
 * @pkind: peer address kind
 * @pname: peer address bytes after the leading NUL
 * @plen: their number
 * @label: peer label matched after the key, or NULL
 * @key: the bytes the generator encoded (after the class byte)
 * @keylen: their number
 * @dead: the walk ends in the dead state
 * @allow: what aa-policy-dump says the final state grants
 */
struct rp_net_vector {
	const char *desc;
	const char *profile;
	u16 type;
	u16 protocol;
	bool has_local;
	enum rp_unix_addr_kind lkind;
	const char *lname;
	unsigned int llen;
	u8 cmd;
	u16 arg;
	enum rp_unix_addr_kind pkind;
	const char *pname;
	unsigned int plen;
	const char *label;
	const char *key;
	unsigned int keylen;
	bool dead;
	u32 allow;
};

#include "net_vectors.h"

/* ---- names and the coarse key ---- */

struct rp_coarse_case {
	const char *desc;
	u16 family;
	u16 type;
	u8 key[4];
};

static const struct rp_coarse_case rp_coarse_cases[] = {
	{ "inet stream", AF_INET, SOCK_STREAM, { 0, 2, 0, 1 } },
	{ "unix seqpacket", AF_UNIX, SOCK_SEQPACKET, { 0, 1, 0, 5 } },
	{ "netlink raw", AF_NETLINK, SOCK_RAW, { 0, 16, 0, 3 } },
	{ "packet packet", AF_PACKET, SOCK_PACKET, { 0, 17, 0, 10 } },
	{ "both halves of a big value", 0x1234, 0xabcd,
	  { 0x12, 0x34, 0xab, 0xcd } },
};

KUNIT_ARRAY_PARAM_DESC(rp_coarse, rp_coarse_cases, desc);

static void rp_coarse_key_is_family_then_type(struct kunit *test)
{
	const struct rp_coarse_case *c = test->param_value;
	u8 key[4];

	rp_net_coarse_key(key, c->family, c->type);
	KUNIT_EXPECT_MEMEQ(test, key, c->key, sizeof(key));
}

/* kernel-interfaces.md 4.2 */
static const char *const rp_af_mask_6_12[] = {
	"unspec", "unix", "inet", "ax25", "ipx", "appletalk", "netrom",
	"bridge", "atmpvc", "x25", "inet6", "rose", "netbeui", "security",
	"key", "netlink", "packet", "ash", "econet", "atmsvc", "rds", "sna",
	"irda", "pppox", "wanpipe", "llc", "ib", "mpls", "can", "tipc",
	"bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154", "caif",
	"alg", "nfc", "vsock", "kcm", "qipcrtr", "smc", "xdp", "mctp",
};

static void rp_af_mask_is_the_6_12_list(struct kunit *test)
{
	char want[RP_NET_AF_MASK_SIZE];
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(rp_af_mask_6_12); i++)
		n += scnprintf(want + n, sizeof(want) - n, "%s%s",
			       i ? " " : "", rp_af_mask_6_12[i]);
	KUNIT_EXPECT_STREQ(test, rp_net_af_mask, want);
}

static void rp_family_names_follow_af_numbers(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, rp_net_family_name(AF_UNSPEC), "unspec");
	KUNIT_EXPECT_STREQ(test, rp_net_family_name(AF_UNIX), "unix");
	KUNIT_EXPECT_STREQ(test, rp_net_family_name(AF_INET6), "inet6");
	KUNIT_EXPECT_STREQ(test, rp_net_family_name(AF_NETLINK), "netlink");
	KUNIT_EXPECT_STREQ(test, rp_net_family_name(AF_MCTP), "mctp");
	/* AF_DECnet has no name; out of range has none */
	KUNIT_EXPECT_NULL(test, rp_net_family_name(12));
	KUNIT_EXPECT_NULL(test, rp_net_family_name(AF_MAX));
	KUNIT_EXPECT_NULL(test, rp_net_family_name(0xffff));
}

static void rp_type_names_follow_sock_numbers(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, rp_net_type_name(SOCK_STREAM), "stream");
	KUNIT_EXPECT_STREQ(test, rp_net_type_name(SOCK_SEQPACKET),
			   "seqpacket");
	KUNIT_EXPECT_STREQ(test, rp_net_type_name(SOCK_PACKET), "packet");
	KUNIT_EXPECT_NULL(test, rp_net_type_name(0));
	KUNIT_EXPECT_NULL(test, rp_net_type_name(7));
	KUNIT_EXPECT_NULL(test, rp_net_type_name(11));
	KUNIT_EXPECT_NULL(test, rp_net_type_name(1000));
}

static void rp_mask_names_are_in_bit_order(struct kunit *test)
{
	char buf[128];

	rp_net_mask_names(RP_NET_ALL & ~RP_NET_PEER_BITS, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "create shutdown setattr getattr bind listen setopt getopt");
	rp_net_mask_names(RP_NET_PEER_BITS, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "send receive connect accept");
	rp_net_mask_names(RP_NET_CONNECT | RP_NET_RECEIVE | RP_NET_SEND, buf,
			  sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "send receive connect");
	/* bits without a network meaning are not named */
	rp_net_mask_names(RP_MAY_EXEC | RP_MAY_LOCK, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "");
}

/* ---- unix addresses ---- */

struct rp_bind_case {
	const char *desc;
	const char *path;	/* sun_path bytes */
	int pathlen;		/* bytes of @path to copy */
	int addrlen;
	int err;
	enum rp_unix_addr_kind kind;
	unsigned int len;
};

static const struct rp_bind_case rp_bind_cases[] = {
	{ "length 2 asks for autobind", "", 0, 2, 0, RP_UNIX_AUTOBIND, 0 },
	{ "an abstract name, exactly its bytes", "\0srv", 4, 6, 0,
	  RP_UNIX_ABSTRACT, 4 },
	{ "an abstract name padded to the full size", "\0foo", 4,
	  sizeof(struct sockaddr_un), 0, RP_UNIX_ABSTRACT, UNIX_PATH_MAX },
	{ "a path", "/run/s", 7, 9, 0, RP_UNIX_PATH, 7 },
	{ "length 1 is refused", "", 0, 1, -EINVAL },
	{ "a negative length is refused", "", 0, -5, -EINVAL },
	{ "one byte more than the structure is refused", "", 0,
	  sizeof(struct sockaddr_un) + 1, -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(rp_bind, rp_bind_cases, desc);

static void rp_bind_address_is_what_was_asked(struct kunit *test)
{
	const struct rp_bind_case *c = test->param_value;
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct rp_unix_addr a;
	int err;

	memcpy(sun.sun_path, c->path, c->pathlen);
	err = rp_unix_addr_of_bind((struct sockaddr *)&sun, c->addrlen, &a);
	KUNIT_ASSERT_EQ(test, err, c->err);
	if (err)
		return;
	KUNIT_EXPECT_EQ(test, a.kind, c->kind);
	KUNIT_EXPECT_EQ(test, a.len, c->len);
	KUNIT_EXPECT_PTR_EQ(test, (const void *)a.bytes,
			    (const void *)sun.sun_path);
}

/* ---- the fine key and the parser's policy ---- */

static int rp_net_test_init(struct kunit *test)
{
	struct rp_test_profiles *set;

	set = kunit_kzalloc(test, sizeof(*set), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, set);
	test->priv = set;
	rp_test_profiles_init(test, set);
	rp_test_profiles_load(test, set, rp_net_coarse_policy,
			      sizeof(rp_net_coarse_policy) - 1);
	rp_test_profiles_load(test, set, rp_net_fine_policy,
			      sizeof(rp_net_fine_policy) - 1);
	KUNIT_ASSERT_EQ(test, set->n, 4u);
	return 0;
}

static void rp_net_test_exit(struct kunit *test)
{
	if (test->priv)
		rp_test_profiles_put(test->priv);
}

static const struct rp_profile *rp_net_profile(struct kunit *test,
					       const char *name)
{
	return rp_test_profile(test, test->priv, name);
}

static void rp_vector_addr(struct rp_unix_addr *a, u8 *buf,
			   enum rp_unix_addr_kind kind, const char *name,
			   unsigned int len)
{
	static const u8 anon = RP_UNIX_ANON_BYTE;

	memset(a, 0, sizeof(*a));
	a->kind = kind;
	if (kind == RP_UNIX_ANON) {
		a->bytes = &anon;
		a->len = 1;
	} else if (kind == RP_UNIX_ABSTRACT) {
		buf[0] = '\0';
		memcpy(buf + 1, name, len);
		a->bytes = buf;
		a->len = len + 1;
	}
}

KUNIT_ARRAY_PARAM_DESC(rp_net_vector, rp_net_vectors, desc);

static void rp_unix_key_matches_the_parser(struct kunit *test)
{
	const struct rp_net_vector *v = test->param_value;
	const struct rp_profile *p = rp_net_profile(test, v->profile);
	u8 lbuf[UNIX_PATH_MAX + 1], pbuf[UNIX_PATH_MAX + 1];
	struct rp_unix_addr local, peer;
	struct rp_unix_query q = {
		.type = v->type, .protocol = v->protocol, .cmd = v->cmd,
		.arg = v->arg,
	};
	struct rp_unix_key *k;
	unsigned int start, state;

	KUNIT_ASSERT_NOT_NULL(test, p);
	k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, k);
	if (v->has_local) {
		rp_vector_addr(&local, lbuf, v->lkind, v->lname, v->llen);
		q.local = &local;
	}
	rp_vector_addr(&peer, pbuf, v->pkind, v->pname, v->plen);
	q.peer = &peer;
	rp_unix_encode(&q, k);
	KUNIT_ASSERT_EQ(test, k->len, v->keylen);
	KUNIT_EXPECT_MEMEQ(test, k->buf, v->key, v->keylen);

	KUNIT_ASSERT_TRUE(test, rp_unix_fine(p, &start));
	state = rp_policy_match_len(p, start, k->buf, k->len);
	if (v->label && state != RP_DFA_DEAD)
		state = rp_policy_match(p, state, v->label);
	KUNIT_EXPECT_EQ(test, state == RP_DFA_DEAD, v->dead);
	KUNIT_EXPECT_EQ(test, rp_policy_perms(p, state)->allow & RP_NET_ALL,
			v->allow & RP_NET_ALL);
}

static void rp_unix_key_parts_end_where_they_should(struct kunit *test)
{
	static const u8 srv[] = "\0srv";
	struct rp_unix_addr local = {
		.kind = RP_UNIX_ABSTRACT, .bytes = srv, .len = 4,
	};
	struct rp_unix_query q = {
		.type = SOCK_STREAM, .local = &local,
		.cmd = RP_UNIX_CMD_LISTEN, .arg = 0x1234,
	};
	static const enum rp_unix_part parts[] = {
		RP_UNIX_FAMILY, RP_UNIX_TYPE, RP_UNIX_PROTOCOL, RP_UNIX_LADDR,
		RP_UNIX_LLABEL, RP_UNIX_CMD, RP_UNIX_BACKLOG,
	};
	static const unsigned int ends[] = { 2, 4, 6, 11, 12, 13, 15 };
	struct rp_unix_key *k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, k);
	rp_unix_encode(&q, k);
	KUNIT_ASSERT_EQ(test, k->nparts, (unsigned int)ARRAY_SIZE(parts));
	for (i = 0; i < k->nparts; i++) {
		KUNIT_EXPECT_EQ(test, k->part[i], parts[i]);
		KUNIT_EXPECT_EQ(test, k->end[i], ends[i]);
	}
	KUNIT_EXPECT_EQ(test, k->buf[13], 0x12);
	KUNIT_EXPECT_EQ(test, k->buf[14], 0x34);
}

static void rp_unix_key_of_two_full_addresses_fits(struct kunit *test)
{
	static u8 name[UNIX_PATH_MAX];
	struct rp_unix_addr a = {
		.kind = RP_UNIX_ABSTRACT, .bytes = name, .len = UNIX_PATH_MAX,
	};
	struct rp_unix_query q = {
		.type = SOCK_DGRAM, .local = &a, .cmd = RP_UNIX_CMD_PEER,
		.peer = &a,
	};
	struct rp_unix_key *k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, k);
	rp_unix_encode(&q, k);
	KUNIT_EXPECT_EQ(test, k->len, 6u + UNIX_PATH_MAX + 2 + 1 +
			UNIX_PATH_MAX + 1);
	KUNIT_EXPECT_LE(test, k->len, (unsigned int)RP_UNIX_KEY_MAX);
}

static void rp_fine_mode_needs_the_unix_marker(struct kunit *test)
{
	const struct rp_profile *c = rp_net_profile(test, "c");
	const struct rp_profile *n = rp_net_profile(test, "n");
	unsigned int start;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, n);
	/* coarse: unix rules downgraded, no marker, though [14] has unix */
	KUNIT_EXPECT_FALSE(test, rp_unix_fine(c, &start));
	/* compiled with af_unix, even without unix rules */
	KUNIT_EXPECT_TRUE(test, rp_unix_fine(n, &start));
	KUNIT_EXPECT_EQ(test, start, rp_class_start(n, RP_CLASS_NET));
}

struct rp_coarse_answer {
	const char *desc;
	u16 family;
	u16 type;
	bool granted;
	u32 quiet;
};

static const struct rp_coarse_answer rp_coarse_answers[] = {
	{ "a listed family and type", AF_INET, SOCK_STREAM, true },
	{ "unix dgram is downgraded to the coarse rule", AF_UNIX, SOCK_DGRAM,
	  true },
	{ "an unlisted type", AF_UNIX, SOCK_STREAM, false },
	{ "a deny rule, quiet", AF_INET, SOCK_RAW, false, RP_NET_CREATE },
	{ "a family rule covers each named type", AF_NETLINK, SOCK_PACKET,
	  true },
	{ "a family rule skips unnamed types", AF_NETLINK, 7, false },
	{ "an unlisted family", AF_INET6, SOCK_STREAM, false },
};

KUNIT_ARRAY_PARAM_DESC(rp_coarse_answer, rp_coarse_answers, desc);

static void rp_coarse_policy_answers(struct kunit *test)
{
	const struct rp_coarse_answer *c = test->param_value;
	const struct rp_profile *p = rp_net_profile(test, "c");
	const struct rp_perms *perms;
	unsigned int state;
	u8 key[4];

	KUNIT_ASSERT_NOT_NULL(test, p);
	state = rp_class_start(p, RP_CLASS_NET);
	KUNIT_ASSERT_NE(test, state, (unsigned int)RP_DFA_DEAD);
	rp_net_coarse_key(key, c->family, c->type);
	state = rp_policy_match_len(p, state, key, sizeof(key));
	perms = rp_policy_perms(p, state);
	KUNIT_EXPECT_EQ(test, (perms->allow & RP_NET_ALL) == RP_NET_ALL,
			c->granted);
	if (!c->granted)
		KUNIT_EXPECT_EQ(test, perms->allow & RP_NET_CREATE, 0u);
	KUNIT_EXPECT_EQ(test, perms->quiet & c->quiet, c->quiet);
}

static struct kunit_case rp_net_names_test_cases[] = {
	KUNIT_CASE_PARAM(rp_coarse_key_is_family_then_type,
			 rp_coarse_gen_params),
	KUNIT_CASE(rp_af_mask_is_the_6_12_list),
	KUNIT_CASE(rp_family_names_follow_af_numbers),
	KUNIT_CASE(rp_type_names_follow_sock_numbers),
	KUNIT_CASE(rp_mask_names_are_in_bit_order),
	KUNIT_CASE_PARAM(rp_bind_address_is_what_was_asked,
			 rp_bind_gen_params),
	KUNIT_CASE(rp_unix_key_parts_end_where_they_should),
	KUNIT_CASE(rp_unix_key_of_two_full_addresses_fits),
	{}
};

static struct kunit_suite rp_net_names_test_suite = {
	.name = "rampart-net-keys",
	.test_cases = rp_net_names_test_cases,
};

static struct kunit_case rp_net_policy_test_cases[] = {
	KUNIT_CASE_PARAM(rp_unix_key_matches_the_parser,
			 rp_net_vector_gen_params),
	KUNIT_CASE(rp_fine_mode_needs_the_unix_marker),
	KUNIT_CASE_PARAM(rp_coarse_policy_answers,
			 rp_coarse_answer_gen_params),
	{}
};

static struct kunit_suite rp_net_policy_test_suite = {
	.name = "rampart-net-policy",
	.init = rp_net_test_init,
	.exit = rp_net_test_exit,
	.test_cases = rp_net_policy_test_cases,
};

kunit_test_suites(&rp_net_names_test_suite, &rp_net_policy_test_suite);
