// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: rawdata.c and the directory names of policyfs.c. Buffers kept as
 * written or as zstd frames at positive and negative levels, expanded back
 * byte for byte; damaged frames refused; buffer and record hashes checked
 * against known vectors and independent SHA-256 runs; the comparison that
 * recognises a buffer loaded before; the user count that ends an object.
 */
#include <crypto/sha2.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <linux/workqueue.h>
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

/* ---- rp_fs_mangle() ---- */

/**
 * struct rp_mangle_case - one base name and the directory name it gives
 * @desc: what the case shows
 * @base: the profile's base name
 * @size: room given to rp_fs_mangle()
 * @out: the expected result; NULL when nothing may be written at all
 */
struct rp_mangle_case {
	const char *desc;
	const char *base;
	size_t size;
	const char *out;
};

static const struct rp_mangle_case rp_mangle_cases[] = {
	{ "an absolute path becomes a dotted name",
	  "/usr/bin/foo", 32, "usr.bin.foo" },
	{ "a plain name is kept", "docker-default", 32, "docker-default" },
	{ "leading dots and slashes are stripped", "..//.x", 32, "x" },
	{ "dots and slashes inside the name are kept as dots",
	  "a/../b", 32, "a....b" },
	{ "dots, dashes and underscores are kept", "a.b-c_d", 32, "a.b-c_d" },
	{ "white space becomes an underscore",
	  "a b\tc\nd\ve\ff\rg", 32, "a_b_c_d_e_f_g" },
	{ "other characters are dropped",
	  "f@o!o*{}[]'\"$?~:;,<>|\\=+%^&#()`", 32, "foo" },
	{ "a name of only dots and slashes becomes empty", "/./..//", 32, "" },
	{ "an empty name stays empty", "", 32, "" },
	{ "a long name is cut to fit and terminated",
	  "/usr/bin/foo", 4, "usr" },
	{ "dropped characters take no room", "a!b!c!d", 4, "abc" },
	{ "room for one byte holds only the terminator",
	  "/usr/bin/foo", 1, "" },
	{ "no room at all writes nothing", "/usr/bin/foo", 0, NULL },
};

KUNIT_ARRAY_PARAM_DESC(rp_mangle, rp_mangle_cases, desc);

static void rp_mangle_makes_a_directory_name(struct kunit *test)
{
	const struct rp_mangle_case *c = test->param_value;
	char out[40];
	size_t n;

	memset(out, 'X', sizeof(out));
	n = rp_fs_mangle(c->base, out, c->size);
	if (!c->out) {
		KUNIT_EXPECT_EQ(test, n, (size_t)0);
		KUNIT_EXPECT_EQ(test, out[0], 'X');
		return;
	}
	KUNIT_EXPECT_EQ(test, n, strlen(c->out));
	KUNIT_EXPECT_STREQ(test, out, c->out);
	/* nothing is written past the room given */
	KUNIT_EXPECT_EQ(test, out[c->size], 'X');
}

/* ---- helpers for rp_rawdata objects ---- */

/*
 * End the test's use of an object the way the last profile would, and wait
 * for the work item so that the object is gone before the next case.
 */
static void rp_test_rawdata_release(void *data)
{
	struct rp_rawdata *rd = data;

	/* a reference of our own keeps @rd alive across flush_work() */
	rp_rawdata_get(rd);
	rp_rawdata_unuse(rd);
	flush_work(&rd->release_work);
	rp_rawdata_put(rd);
}

/* rp_rawdata_new(), packed if @pack, released when the test ends. */
static struct rp_rawdata *rp_test_rawdata_as(struct kunit *test,
					     const void *buf, size_t size,
					     int level, bool hash, bool pack)
{
	struct rp_rawdata *rd = rp_rawdata_new(buf, size, 7, level, hash);

	KUNIT_ASSERT_NOT_NULL(test, rd);
	if (pack) {
		rp_rawdata_pack(rd);
		rp_rawdata_hashed(rd);
	}
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							rp_test_rawdata_release,
							rd), 0);
	return rd;
}

/* rp_rawdata_new() and packed, as after a load's work item has run. */
static struct rp_rawdata *rp_test_rawdata(struct kunit *test, const void *buf,
					  size_t size, int level, bool hash)
{
	return rp_test_rawdata_as(test, buf, size, level, hash, true);
}

enum rp_test_fill { RP_FILL_TEXT, RP_FILL_RANDOM };

/* @size bytes of policy-like text (zstd shrinks it) or of random bytes. */
static u8 *rp_test_buffer(struct kunit *test, enum rp_test_fill fill,
			  size_t size)
{
	static const char line[] = "profile /usr/bin/foo { /etc/** r, }\n";
	u8 *buf = kunit_kzalloc(test, size ?: 1, GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (fill == RP_FILL_RANDOM) {
		get_random_bytes(buf, size);
		return buf;
	}
	for (i = 0; i < size; i++)
		buf[i] = line[i % (sizeof(line) - 1)];
	return buf;
}

/* ---- storing and expanding ---- */

/**
 * struct rp_store_case - one buffer stored at one compression level
 * @desc: what the case shows
 * @fill: what the buffer holds
 * @size: its length
 * @level: the zstd level (0: as written)
 * @compressed: whether it should be stored as a zstd frame
 */
struct rp_store_case {
	const char *desc;
	enum rp_test_fill fill;
	size_t size;
	int level;
	bool compressed;
};

static const struct rp_store_case rp_store_cases[] = {
	{ "level 0 keeps text as written", RP_FILL_TEXT, 4096, 0, false },
	{ "level 1 compresses text", RP_FILL_TEXT, 4096, 1, true },
	{ "level 3 compresses text", RP_FILL_TEXT, 4096, 3, true },
	{ "level 19 compresses text", RP_FILL_TEXT, 4096, 19, true },
	{ "negative level -5 compresses text", RP_FILL_TEXT, 4096, -5, true },
	{ "level 3 compresses a buffer of many pages",
	  RP_FILL_TEXT, 65536, 3, true },
	{ "random bytes stay as written at level 3",
	  RP_FILL_RANDOM, 4096, 3, false },
	{ "random bytes stay as written at level 0",
	  RP_FILL_RANDOM, 4096, 0, false },
	{ "one byte stays as written at level 3", RP_FILL_TEXT, 1, 3, false },
	{ "an empty buffer is kept at level 3", RP_FILL_TEXT, 0, 3, false },
};

KUNIT_ARRAY_PARAM_DESC(rp_store, rp_store_cases, desc);

static void rp_rawdata_expands_to_the_bytes_written(struct kunit *test)
{
	static const u8 zstd_magic[] = { 0x28, 0xb5, 0x2f, 0xfd };
	const struct rp_store_case *c = test->param_value;
	u8 *buf = rp_test_buffer(test, c->fill, c->size);
	u8 want[SHA256_DIGEST_SIZE];
	struct rp_rawdata *rd;
	void *back;

	rd = rp_test_rawdata(test, buf, c->size, c->level, true);
	KUNIT_EXPECT_EQ(test, rd->size, c->size);
	KUNIT_EXPECT_EQ(test, rd->abi, 7u);
	KUNIT_EXPECT_EQ(test, refcount_read(&rd->users), 1u);
	KUNIT_EXPECT_EQ(test, kref_read(&rd->ref), 1u);
	KUNIT_EXPECT_NULL(test, rd->ns);
	KUNIT_ASSERT_EQ(test, rd->compressed, c->compressed);
	if (c->compressed) {
		KUNIT_EXPECT_LT(test, rd->csize, c->size);
		KUNIT_ASSERT_GE(test, rd->csize, sizeof(zstd_magic));
		KUNIT_EXPECT_MEMEQ(test, rd->data, zstd_magic,
				   sizeof(zstd_magic));
	} else {
		KUNIT_EXPECT_EQ(test, rd->csize, c->size);
		KUNIT_EXPECT_EQ(test, memcmp(rd->data, buf, c->size), 0);
	}
	/* the hash is of the bytes written, not of the stored frame */
	sha256(buf, c->size, want);
	KUNIT_EXPECT_TRUE(test, rd->hashed);
	KUNIT_EXPECT_MEMEQ(test, rd->sha256, want, sizeof(want));

	back = rp_rawdata_expand(rd);
	KUNIT_ASSERT_FALSE(test, IS_ERR(back));
	KUNIT_EXPECT_EQ(test, memcmp(back, buf, c->size), 0);
	kvfree(back);
}

/**
 * struct rp_damage_case - a stored frame spoiled after the fact
 * @desc: what the case shows
 * @damage: spoils @rd's frame or the sizes recorded for it
 */
struct rp_damage_case {
	const char *desc;
	void (*damage)(struct rp_rawdata *rd);
};

static void rp_frame_cut(struct rp_rawdata *rd)
{
	rd->csize--;
}

static void rp_frame_empty(struct rp_rawdata *rd)
{
	rd->csize = 0;
}

static void rp_frame_bad_magic(struct rp_rawdata *rd)
{
	((u8 *)rd->data)[0] ^= 0xff;
}

static void rp_frame_claims_more(struct rp_rawdata *rd)
{
	rd->size++;
}

static void rp_frame_claims_less(struct rp_rawdata *rd)
{
	rd->size--;
}

static const struct rp_damage_case rp_damage_cases[] = {
	{ "a frame cut short is refused", rp_frame_cut },
	{ "an empty frame is refused", rp_frame_empty },
	{ "a frame without the zstd magic is refused", rp_frame_bad_magic },
	{ "a frame holding fewer bytes than recorded is refused",
	  rp_frame_claims_more },
	{ "a frame holding more bytes than recorded is refused",
	  rp_frame_claims_less },
};

KUNIT_ARRAY_PARAM_DESC(rp_damage, rp_damage_cases, desc);

static void rp_rawdata_expand_refuses_a_damaged_frame(struct kunit *test)
{
	const struct rp_damage_case *c = test->param_value;
	u8 *buf = rp_test_buffer(test, RP_FILL_TEXT, 4096);
	struct rp_rawdata *rd;
	void *back;

	rd = rp_test_rawdata(test, buf, 4096, 3, false);
	KUNIT_ASSERT_TRUE(test, rd->compressed);
	c->damage(rd);
	back = rp_rawdata_expand(rd);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(back), (long)-EIO);
	if (!IS_ERR(back))
		kvfree(back);
}

/* ---- the hash of a whole buffer ---- */

/**
 * struct rp_hash_case - a buffer and the hash it should be given
 * @desc: what the case shows
 * @data: the buffer
 * @len: its length
 * @hash: whether hashing is asked for
 * @hex: the expected hash in hex; NULL when none may be set
 */
struct rp_hash_case {
	const char *desc;
	const char *data;
	size_t len;
	bool hash;
	const char *hex;
};

static const struct rp_hash_case rp_hash_cases[] = {
	{ "abc has the FIPS 180-2 one-block hash", "abc", 3, true,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "the FIPS 180-2 two-block message has its hash",
	  "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, true,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "an empty buffer has the empty-message hash", "", 0, true,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "no hash is set when hashing is off", "abc", 3, false, NULL },
};

KUNIT_ARRAY_PARAM_DESC(rp_hash, rp_hash_cases, desc);

static void rp_rawdata_hash_matches_known_vectors(struct kunit *test)
{
	const struct rp_hash_case *c = test->param_value;
	char hex[2 * SHA256_DIGEST_SIZE + 2];
	struct rp_rawdata *rd;

	rd = rp_test_rawdata(test, c->data, c->len, 3, c->hash);
	KUNIT_EXPECT_EQ(test, rd->hashed, c->hash);
	if (!c->hex) {
		KUNIT_EXPECT_NULL(test, memchr_inv(rd->sha256, 0,
						   sizeof(rd->sha256)));
		return;
	}
	memset(hex, 'X', sizeof(hex));
	rp_sha256_hex(rd->sha256, hex);
	KUNIT_EXPECT_STREQ(test, hex, c->hex);
	KUNIT_EXPECT_EQ(test, hex[sizeof(hex) - 1], 'X');
}

/* ---- recognising a buffer loaded before ---- */

enum rp_same_change {
	RP_SAME_BYTES,
	RP_ONE_BYTE_CHANGED,
	RP_ONE_BYTE_SHORTER,
	RP_OTHER_LEVEL,
};

/**
 * struct rp_same_case - a kept buffer and a fresh one related to it
 * @desc: what the case shows
 * @level: the zstd level of both (of the kept one for RP_OTHER_LEVEL)
 * @hash: whether both are hashed
 * @change: how the fresh buffer differs from the kept one
 * @same: what rp_rawdata_same() should say
 */
struct rp_same_case {
	const char *desc;
	int level;
	bool hash;
	enum rp_same_change change;
	bool same;
};

static const struct rp_same_case rp_same_cases[] = {
	{ "equal bytes as written are the same",
	  0, true, RP_SAME_BYTES, true },
	{ "equal bytes compressed are the same",
	  3, true, RP_SAME_BYTES, true },
	{ "equal bytes without hashes are the same",
	  3, false, RP_SAME_BYTES, true },
	{ "one byte changed as written differs",
	  0, true, RP_ONE_BYTE_CHANGED, false },
	{ "one byte changed compressed differs",
	  3, true, RP_ONE_BYTE_CHANGED, false },
	{ "one byte changed without hashes differs",
	  0, false, RP_ONE_BYTE_CHANGED, false },
	{ "one byte changed compressed without hashes differs",
	  3, false, RP_ONE_BYTE_CHANGED, false },
	{ "one byte shorter differs", 0, false, RP_ONE_BYTE_SHORTER, false },
	{ "one byte shorter compressed differs",
	  3, true, RP_ONE_BYTE_SHORTER, false },
	{ "equal bytes to be stored at another level are the same",
	  3, true, RP_OTHER_LEVEL, true },
};

KUNIT_ARRAY_PARAM_DESC(rp_same, rp_same_cases, desc);

static void rp_rawdata_same_compares_the_buffers(struct kunit *test)
{
	const struct rp_same_case *c = test->param_value;
	u8 *a = rp_test_buffer(test, RP_FILL_TEXT, 4096);
	u8 *b = rp_test_buffer(test, RP_FILL_TEXT, 4096);
	struct rp_rawdata *ra, *rb;
	size_t blen = 4096;
	int blevel = c->level;

	switch (c->change) {
	case RP_SAME_BYTES:
		break;
	case RP_ONE_BYTE_CHANGED:
		b[2000] ^= 0x01;
		break;
	case RP_ONE_BYTE_SHORTER:
		blen--;
		break;
	case RP_OTHER_LEVEL:
		blevel = 0;
		break;
	}
	/* the kept one packed (compressed at level > 0), the fresh one not */
	ra = rp_test_rawdata(test, a, 4096, c->level, c->hash);
	rb = rp_test_rawdata_as(test, b, blen, blevel, c->hash, false);
	KUNIT_EXPECT_EQ(test, ra->compressed, c->level > 0);
	KUNIT_EXPECT_FALSE(test, rb->packed);
	KUNIT_EXPECT_EQ(test, rp_rawdata_same(ra, rb), c->same);
	KUNIT_EXPECT_TRUE(test, rp_rawdata_same(rb, rb));
}

/* ---- users and references ---- */

static void rp_rawdata_last_user_releases_the_object(struct kunit *test)
{
	struct rp_rawdata *rd = rp_rawdata_new("abc", 3, 7, 0, false);

	KUNIT_ASSERT_NOT_NULL(test, rd);
	/* a reference of the test's own, to look at the object afterwards */
	rp_rawdata_get(rd);
	KUNIT_EXPECT_PTR_EQ(test, rp_rawdata_use(rd), rd);
	KUNIT_EXPECT_EQ(test, refcount_read(&rd->users), 2u);

	rp_rawdata_unuse(rd);
	KUNIT_EXPECT_EQ(test, refcount_read(&rd->users), 1u);
	KUNIT_EXPECT_FALSE(test, work_pending(&rd->release_work));

	rp_rawdata_unuse(rd);
	flush_work(&rd->release_work);
	KUNIT_EXPECT_EQ(test, refcount_read(&rd->users), 0u);
	/* the work item dropped the users' reference: only ours is left */
	KUNIT_EXPECT_EQ(test, kref_read(&rd->ref), 1u);
	/* an object on its way out is not brought back */
	KUNIT_EXPECT_NULL(test, rp_rawdata_use_live(rd));
	rp_rawdata_put(rd);

	/* no object, nothing to do */
	rp_rawdata_unuse(NULL);
}

/* ---- the hash of one profile record ---- */

/**
 * struct rp_record_case - where a record lies in a buffer
 * @desc: what the case shows
 * @version: the record's version word
 * @start: offset of its "profile" struct
 * @end: offset just past its end
 * @hex: a known hash of the result, or NULL
 */
struct rp_record_case {
	const char *desc;
	u32 version;
	size_t start;
	size_t end;
	const char *hex;
};

/* Bytes before a record, the record of profile "foo", bytes after it. */
static const u8 rp_record_buf[] = {
	'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h',
	0x04, 0x08, 0x00, 'p', 'r', 'o', 'f', 'i', 'l', 'e', 0x00, 0x07,
	0x05, 0x04, 0x00, 'f', 'o', 'o', 0x00, 0x08,
	'0', '1', '2', '3', '4', '5', '6', '7',
};

static const struct rp_record_case rp_record_cases[] = {
	{ "a record in the middle of the buffer", 0x00202007, 8, 28, NULL },
	{ "a record running to the end of the buffer",
	  0x00202007, 8, sizeof(rp_record_buf), NULL },
	{ "a record making up the whole buffer",
	  0x00202007, 0, sizeof(rp_record_buf), NULL },
	{ "the version word comes first, little-endian",
	  0x64636261, 4, 8,
	  "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab" },
	{ "an empty record hashes the version word alone",
	  0x64636261, 8, 8,
	  "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589" },
};

KUNIT_ARRAY_PARAM_DESC(rp_record, rp_record_cases, desc);

static void rp_hash_record_covers_version_and_record(struct kunit *test)
{
	const struct rp_record_case *c = test->param_value;
	size_t len = c->end - c->start;
	u8 want[SHA256_DIGEST_SIZE];
	char hex[2 * SHA256_DIGEST_SIZE + 1];
	struct sha256_state st;
	struct rp_unpacked *u;
	u8 *msg;

	u = kunit_kzalloc(test, sizeof(*u), GFP_KERNEL);
	msg = kunit_kzalloc(test, 4 + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, u);
	KUNIT_ASSERT_NOT_NULL(test, msg);
	u->version = c->version;
	u->rec_start = c->start;
	u->rec_end = c->end;
	rp_hash_record(rp_record_buf, u);
	KUNIT_EXPECT_TRUE(test, u->hashed);

	/* the same message laid out in one piece, hashed in one go */
	put_unaligned_le32(c->version, msg);
	memcpy(msg + 4, rp_record_buf + c->start, len);
	sha256_init(&st);
	sha256_update(&st, msg, 4 + len);
	sha256_final(&st, want);
	KUNIT_EXPECT_MEMEQ(test, u->sha256, want, sizeof(want));
	if (c->hex) {
		rp_sha256_hex(u->sha256, hex);
		KUNIT_EXPECT_STREQ(test, hex, c->hex);
	}
}

static struct kunit_case rp_rawdata_cases[] = {
	KUNIT_CASE_PARAM(rp_mangle_makes_a_directory_name,
			 rp_mangle_gen_params),
	KUNIT_CASE_PARAM(rp_rawdata_expands_to_the_bytes_written,
			 rp_store_gen_params),
	KUNIT_CASE_PARAM(rp_rawdata_expand_refuses_a_damaged_frame,
			 rp_damage_gen_params),
	KUNIT_CASE_PARAM(rp_rawdata_hash_matches_known_vectors,
			 rp_hash_gen_params),
	KUNIT_CASE_PARAM(rp_rawdata_same_compares_the_buffers,
			 rp_same_gen_params),
	KUNIT_CASE(rp_rawdata_last_user_releases_the_object),
	KUNIT_CASE_PARAM(rp_hash_record_covers_version_and_record,
			 rp_record_gen_params),
	{}
};

static struct kunit_suite rp_rawdata_suite = {
	.name = "rampart-rawdata",
	.test_cases = rp_rawdata_cases,
};

kunit_test_suite(rp_rawdata_suite);
