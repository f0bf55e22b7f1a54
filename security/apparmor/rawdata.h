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
#include <linux/refcount.h>
#include <linux/workqueue.h>

struct dentry;
struct rp_ns;

/**
 * struct rp_rawdata - one buffer written to .load or .replace
 * @ref: memory references: the profiles together hold one (while @users is
 *       non-zero), each inode of its directory one
 * @users: loaded profiles made from the buffer; when the last goes, the
 *         directory is removed (from a work item)
 * @ns: the namespace it was loaded into (a reference while @users > 0)
 * @list: entry in the namespace's ->rawdata, under its lock
 * @name: the directory name: the namespace's revision before the load
 * @revision: the namespace's revision after the last load that used it
 * @abi: ABI of the buffer's first record
 * @size: bytes written
 * @csize: bytes stored (equals @size when stored uncompressed)
 * @compressed: @data is a zstd frame
 * @hashed: @sha256 is set (hash_policy was on at load)
 * @sha256: hash of the whole buffer
 * @data: the stored bytes
 * @dir: its directory in the policy tree, or NULL
 * @release_work: removes @dir once @users drops to zero
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
	size_t csize;
	bool compressed;
	bool hashed;
	u8 sha256[SHA256_DIGEST_SIZE];
	void *data;
	struct dentry *dir;
	struct work_struct release_work;
};

struct rp_rawdata *rp_rawdata_new(const void *buf, size_t size, u32 abi,
				  int level, bool hash);
bool rp_rawdata_same(const struct rp_rawdata *a, const struct rp_rawdata *b);
void *rp_rawdata_expand(const struct rp_rawdata *rd);

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
