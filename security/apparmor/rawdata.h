/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: policy buffers kept as written (exported under raw_data/ in the
 * policy tree, kernel-interfaces.md 4.9) and the SHA-256 hashes of
 * buffers and profile records (policy-format.md 7).
 */
#ifndef _RAMPART_RAWDATA_H
#define _RAMPART_RAWDATA_H

#include <crypto/sha2.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>

struct dentry;
struct rp_ns;

/**
 * struct rp_rawdata_rec - where one profile record lies in a buffer
 * @start: offset of its "profile" struct
 * @end: offset just past it
 * @version: the record's version word (part of what is hashed)
 * @sha256: its hash, once rp_rawdata_hashed() has run
 */
struct rp_rawdata_rec {
	size_t start;
	size_t end;
	u32 version;
	u8 sha256[SHA256_DIGEST_SIZE];
};

/**
 * struct rp_rawdata - one buffer written to .load or .replace
 * @ref: memory references: the profiles together hold one (while @users is
 *       non-zero), each inode of its directory one, a queued pack one
 * @users: loaded profiles made from the buffer; when the last goes, the
 *         directory is removed (from a work item)
 * @ns: the namespace it was loaded into (a reference while @users > 0)
 * @list: entry in the namespace's ->rawdata, under its lock
 * @name: the directory name: the namespace's revision before the load
 * @revision: the namespace's revision after the last load that used it
 * @abi: ABI of the buffer's first record
 * @size: bytes written
 * @level: zstd level to pack at (0: keep as written)
 * @want_hash: the buffer and its records have hashes (hash_policy was on)
 * @nrec: number of entries in @recs
 * @recs: the buffer's profile records
 * @lock: guards @data, @csize and @compressed, which packing replaces, and
 *        the computing of the hashes
 * @csize: bytes stored (equals @size while stored as written)
 * @compressed: @data is a zstd frame
 * @packed: compression is done (set once, with release)
 * @hashed: @sha256 and the records' hashes are set (once, with release)
 * @sha256: hash of the whole buffer
 * @data: the stored bytes
 * @dir: its directory in the policy tree, or NULL
 * @pack_work: hashes and compresses off the writer's path
 * @release_work: removes @dir once @users drops to zero
 *
 * A load keeps the buffer as written and returns; packing follows in a
 * work item, and readers of the stored size wait for it with
 * rp_rawdata_packed(). Hashes are computed on first use, by
 * rp_rawdata_hashed().
 */
struct rp_rawdata {
	struct kref ref;
	refcount_t users;
	struct rp_ns *ns;
	struct list_head list;
	long name;
	long revision;
	u32 abi;
	size_t size;
	int level;
	bool want_hash;
	u32 nrec;
	struct rp_rawdata_rec *recs;
	/* guards the stored form and the computing of the hashes */
	struct mutex lock;
	size_t csize;
	bool compressed;
	bool packed;
	bool hashed;
	u8 sha256[SHA256_DIGEST_SIZE];
	void *data;
	struct dentry *dir;
	struct work_struct pack_work;
	struct work_struct release_work;
};

struct list_head;
struct rp_rawdata *rp_rawdata_adopt(void *buf, size_t size, u32 abi,
				    int level, bool hash,
				    struct list_head *unpacked);
struct rp_rawdata *rp_rawdata_new(const void *buf, size_t size, u32 abi,
				  int level, bool hash);
bool rp_rawdata_same(struct rp_rawdata *a, struct rp_rawdata *b);
void *rp_rawdata_expand(struct rp_rawdata *rd);
void rp_rawdata_pack(struct rp_rawdata *rd);
void rp_rawdata_start_pack(struct rp_rawdata *rd);
struct rp_rawdata *rp_rawdata_packed(struct rp_rawdata *rd);
struct rp_rawdata *rp_rawdata_hashed(struct rp_rawdata *rd);

void rp_rawdata_free_ref(struct kref *ref);

static inline struct rp_rawdata *rp_rawdata_get(struct rp_rawdata *rd)
{
	if (rd)
		kref_get(&rd->ref);
	return rd;
}

static inline void rp_rawdata_put(struct rp_rawdata *rd)
{
	if (rd)
		kref_put(&rd->ref, rp_rawdata_free_ref);
}

struct rp_rawdata *rp_rawdata_use(struct rp_rawdata *rd);
struct rp_rawdata *rp_rawdata_use_live(struct rp_rawdata *rd);
void rp_rawdata_unuse(struct rp_rawdata *rd);

struct rp_unpacked;
void rp_hash_record(const void *buf, struct rp_unpacked *u);
void rp_sha256_hex(const u8 *hash, char *out);

#endif /* _RAMPART_RAWDATA_H */
