// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: keeping policy buffers for export and hashing them.
 *
 * A load keeps the buffer as written and returns; a work item then stores
 * it zstd-compressed at rawdata_compression_level (0: as written), and
 * whoever reads the stored size first waits for that. The SHA-256 hashes
 * of the buffer and of its records (when hash_policy was on at load) are
 * computed the first time one is read. Buffers that are
 * byte-identical to one already loaded in a namespace share its object,
 * which is how a replace by the same policy is recognised.
 *
 * The last profile that used a buffer may be freed from an RCU callback,
 * so its directory is removed from a work item.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/zstd.h>
#include "policy.h"
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

/* @rd's bytes as a new zstd frame in *@out; 0 if zstd cannot shrink them. */
static size_t rp_rawdata_compress(const struct rp_rawdata *rd, void **out)
{
	zstd_parameters params = zstd_get_params(rd->level, rd->size);
	zstd_compression_parameters *cp = &params.cParams;
	size_t wsize = zstd_cctx_workspace_bound(cp);
	size_t cap = zstd_compress_bound(rd->size), len = 0;
	void *work, *dst;
	zstd_cctx *cctx;

	*out = NULL;
	work = kvzalloc(wsize, GFP_KERNEL);
	dst = kvmalloc(cap, GFP_KERNEL);
	if (!work || !dst)
		goto done;
	cctx = zstd_init_cctx(work, wsize);
	if (!cctx)
		goto done;
	len = zstd_compress_cctx(cctx, dst, cap, rd->data, rd->size, &params);
	if (zstd_is_error(len) || len >= rd->size) {
		len = 0;
		goto done;
	}
	/* shrink the allocation to what the frame needs */
	*out = kvmalloc(len, GFP_KERNEL);
	if (*out)
		memcpy(*out, dst, len);
	else
		len = 0;
done:
	kvfree(dst);
	kvfree(work);
	return len;
}

/* The hash of one record: its version word (little-endian), its bytes. */
static void rp_hash_span(const void *buf, size_t start, size_t end,
			 u32 version, u8 *out)
{
	struct sha256_state st;
	__le32 word = cpu_to_le32(version);

	sha256_init(&st);
	sha256_update(&st, (const u8 *)&word, sizeof(word));
	sha256_update(&st, (const u8 *)buf + start, end - start);
	sha256_final(&st, out);
}

/**
 * rp_rawdata_pack() - compress a buffer as its settings ask
 * @rd: the object
 *
 * Does the work once; later calls (and callers that raced with it) return
 * when it is done. May sleep.
 */
void rp_rawdata_pack(struct rp_rawdata *rd)
{
	void *frame;
	size_t len;

	mutex_lock(&rd->lock);
	if (rd->packed)
		goto out;
	/* a buffer zstd cannot shrink is kept as written */
	len = rd->level ? rp_rawdata_compress(rd, &frame) : 0;
	if (len) {
		kvfree(rd->data);
		rd->data = frame;
		rd->csize = len;
		rd->compressed = true;
	}
	/* pairs with the acquire in rp_rawdata_packed(): csize is final */
	smp_store_release(&rd->packed, true);
out:
	mutex_unlock(&rd->lock);
}

/**
 * rp_rawdata_packed() - wait until @rd's stored form is final
 * @rd: the object
 *
 * Return: @rd.
 */
struct rp_rawdata *rp_rawdata_packed(struct rp_rawdata *rd)
{
	/* pairs with the release in rp_rawdata_pack() */
	if (!smp_load_acquire(&rd->packed))
		rp_rawdata_pack(rd);
	return rd;
}

static void *rp_rawdata_expand_locked(struct rp_rawdata *rd);

/**
 * rp_rawdata_hashed() - @rd with its hashes computed
 * @rd: an object made with hashing on
 *
 * The hashes of a buffer and of its records are computed when first asked
 * for, not at load: few ever read them. If the stored frame cannot be
 * expanded (no memory), the hashes stay zero and the next call tries
 * again. May sleep.
 *
 * Return: @rd.
 */
struct rp_rawdata *rp_rawdata_hashed(struct rp_rawdata *rd)
{
	const void *bytes;
	void *copy = NULL;
	u32 i;

	/* pairs with the release below: the hashes are written before */
	if (smp_load_acquire(&rd->hashed) || !rd->want_hash)
		return rd;
	mutex_lock(&rd->lock);
	if (rd->hashed)
		goto out;
	bytes = rd->data;
	if (rd->compressed) {
		copy = rp_rawdata_expand_locked(rd);
		if (IS_ERR(copy))
			goto out;
		bytes = copy;
	}
	sha256(bytes, rd->size, rd->sha256);
	for (i = 0; i < rd->nrec; i++)
		rp_hash_span(bytes, rd->recs[i].start, rd->recs[i].end,
			     rd->recs[i].version, rd->recs[i].sha256);
	kvfree(copy);
	/* pairs with the acquire above, for readers that skip the lock */
	smp_store_release(&rd->hashed, true);
out:
	mutex_unlock(&rd->lock);
	return rd;
}

static void rp_rawdata_pack_work(struct work_struct *work)
{
	struct rp_rawdata *rd = container_of(work, struct rp_rawdata,
					     pack_work);

	rp_rawdata_pack(rd);
	rp_rawdata_put(rd);
}

/**
 * rp_rawdata_start_pack() - pack @rd in the background
 * @rd: an object that a load has just kept
 */
void rp_rawdata_start_pack(struct rp_rawdata *rd)
{
	rp_rawdata_get(rd);
	if (!queue_work(system_unbound_wq, &rd->pack_work))
		rp_rawdata_put(rd);
}

static void rp_rawdata_release_work(struct work_struct *work)
{
	struct rp_rawdata *rd = container_of(work, struct rp_rawdata,
					     release_work);
	struct rp_ns *ns = rd->ns;

	if (ns) {
		mutex_lock(&ns->lock);
		list_del(&rd->list);
		rp_fs_rawdata_rmdir(rd);
		mutex_unlock(&ns->lock);
		rp_ns_put(ns);
	}
	rp_rawdata_put(rd);
}

/**
 * rp_rawdata_adopt() - keep a policy buffer
 * @buf: the buffer as written (kvmalloc()ed); the object owns it from a
 *       successful call on
 * @size: its length
 * @abi: ABI of its first record
 * @level: zstd level to pack at (0: keep as written)
 * @hash: give the buffer and its records hashes (computed on first use)
 * @unpacked: the records unpacked from @buf (each gets its rec_index), or
 *            NULL
 *
 * The caller holds the one user and the one reference it starts with.
 * Nothing is hashed or compressed yet: see rp_rawdata_start_pack().
 *
 * Return: the object, or NULL when out of memory.
 */
struct rp_rawdata *rp_rawdata_adopt(void *buf, size_t size, u32 abi,
				    int level, bool hash,
				    struct list_head *unpacked)
{
	struct rp_rawdata *rd = kzalloc(sizeof(*rd), GFP_KERNEL);
	struct rp_unpacked *u;
	u32 n = 0;

	if (!rd)
		return NULL;
	if (unpacked)
		list_for_each_entry(u, unpacked, list)
			n++;
	if (n) {
		rd->recs = kcalloc(n, sizeof(*rd->recs), GFP_KERNEL);
		if (!rd->recs) {
			kfree(rd);
			return NULL;
		}
		list_for_each_entry(u, unpacked, list) {
			rd->recs[rd->nrec] = (struct rp_rawdata_rec) {
				.start = u->rec_start, .end = u->rec_end,
				.version = u->version,
			};
			u->rec_index = rd->nrec++;
		}
	}
	kref_init(&rd->ref);
	refcount_set(&rd->users, 1);
	INIT_LIST_HEAD(&rd->list);
	mutex_init(&rd->lock);
	INIT_WORK(&rd->pack_work, rp_rawdata_pack_work);
	INIT_WORK(&rd->release_work, rp_rawdata_release_work);
	rd->abi = abi;
	rd->size = size;
	rd->csize = size;
	rd->level = level;
	rd->want_hash = hash;
	rd->data = buf;
	return rd;
}

/**
 * rp_rawdata_new() - keep a copy of a policy buffer
 * @buf: the buffer as written
 * @size: its length
 * @abi: ABI of its first record
 * @level: zstd level to pack at (0: keep as written)
 * @hash: give the buffer a hash (computed on first use)
 *
 * Like rp_rawdata_adopt() with no records, on a copy of @buf.
 *
 * Return: the object, or NULL when out of memory.
 */
struct rp_rawdata *rp_rawdata_new(const void *buf, size_t size, u32 abi,
				  int level, bool hash)
{
	void *copy = kvmalloc(size ?: 1, GFP_KERNEL);
	struct rp_rawdata *rd;

	if (!copy)
		return NULL;
	memcpy(copy, buf, size);
	rd = rp_rawdata_adopt(copy, size, abi, level, hash, NULL);
	if (!rd)
		kvfree(copy);
	return rd;
}

void rp_rawdata_free_ref(struct kref *ref)
{
	struct rp_rawdata *rd = container_of(ref, struct rp_rawdata, ref);

	kvfree(rd->data);
	kfree(rd->recs);
	kfree(rd);
}

/* A copy of @rd's bytes as written; under its lock. */
static void *rp_rawdata_expand_locked(struct rp_rawdata *rd)
{
	size_t wsize, out;
	void *buf, *work;
	zstd_dctx *dctx;

	buf = kvmalloc(rd->size ?: 1, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	if (!rd->compressed) {
		memcpy(buf, rd->data, rd->size);
		return buf;
	}
	wsize = zstd_dctx_workspace_bound();
	work = kvzalloc(wsize, GFP_KERNEL);
	if (!work) {
		kvfree(buf);
		return ERR_PTR(-ENOMEM);
	}
	dctx = zstd_init_dctx(work, wsize);
	out = dctx ? zstd_decompress_dctx(dctx, buf, rd->size, rd->data,
					  rd->csize) : 0;
	kvfree(work);
	if (!dctx || zstd_is_error(out) || out != rd->size) {
		kvfree(buf);
		return ERR_PTR(-EIO);
	}
	return buf;
}

/**
 * rp_rawdata_expand() - the buffer as it was written
 * @rd: the object
 *
 * Return: a kvmalloc()ed copy of rp_rawdata.size bytes (free with
 * kvfree()), or ERR_PTR(-ENOMEM) / ERR_PTR(-EIO) if the stored frame does
 * not decompress to that size.
 */
void *rp_rawdata_expand(struct rp_rawdata *rd)
{
	void *buf;

	mutex_lock(&rd->lock);
	buf = rp_rawdata_expand_locked(rd);
	mutex_unlock(&rd->lock);
	return buf;
}

/**
 * rp_rawdata_same() - do two objects hold the same bytes?
 * @have: one already kept (packed or not)
 * @fresh: one a load has just made, not yet packed or shared
 *
 * Only buffers of equal size are compared byte for byte; a packed one is
 * expanded for that (an identical replace, so rare and worth it).
 */
bool rp_rawdata_same(struct rp_rawdata *have, struct rp_rawdata *fresh)
{
	void *bytes;
	bool same;

	if (have->size != fresh->size)
		return false;
	mutex_lock(&have->lock);
	if (!have->compressed) {
		same = !memcmp(have->data, fresh->data, fresh->size);
	} else {
		bytes = rp_rawdata_expand_locked(have);
		same = !IS_ERR(bytes) && !memcmp(bytes, fresh->data,
						 fresh->size);
		if (!IS_ERR(bytes))
			kvfree(bytes);
	}
	mutex_unlock(&have->lock);
	return same;
}

/**
 * rp_rawdata_use() - count one more profile made from @rd
 * @rd: an object with at least one user
 *
 * Return: @rd.
 */
struct rp_rawdata *rp_rawdata_use(struct rp_rawdata *rd)
{
	refcount_inc(&rd->users);
	return rd;
}

/**
 * rp_rawdata_use_live() - like rp_rawdata_use(), unless @rd is going away
 * @rd: an object found on a namespace's list, whose lock is held
 *
 * Return: @rd, or NULL if its last user is already gone.
 */
struct rp_rawdata *rp_rawdata_use_live(struct rp_rawdata *rd)
{
	return refcount_inc_not_zero(&rd->users) ? rd : NULL;
}

/**
 * rp_rawdata_unuse() - a profile made from @rd is gone
 * @rd: the object, or NULL
 *
 * Safe in any context; the last user's departure schedules the removal.
 */
void rp_rawdata_unuse(struct rp_rawdata *rd)
{
	if (rd && refcount_dec_and_test(&rd->users))
		schedule_work(&rd->release_work);
}

/**
 * rp_hash_record() - hash one profile record now, as stock does
 * @buf: the buffer the record was unpacked from
 * @u: the record; gets the hash of its version word (little-endian)
 *     followed by its bytes from the "profile" struct to its end
 */
void rp_hash_record(const void *buf, struct rp_unpacked *u)
{
	rp_hash_span(buf, u->rec_start, u->rec_end, u->version, u->sha256);
	u->hashed = true;
}

/**
 * rp_sha256_hex() - a hash as userspace reads it
 * @hash: SHA256_DIGEST_SIZE bytes
 * @out: room for 2 * SHA256_DIGEST_SIZE + 1 characters
 */
void rp_sha256_hex(const u8 *hash, char *out)
{
	bin2hex(out, hash, SHA256_DIGEST_SIZE);
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}
