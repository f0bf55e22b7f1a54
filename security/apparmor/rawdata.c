// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: keeping policy buffers for export and hashing them.
 *
 * A buffer is stored zstd-compressed at rawdata_compression_level (0:
 * as written) and hashed with SHA-256 when hash_policy is on. Buffers
 * that are byte-identical to one already loaded in a namespace share its
 * object, which is how a replace by the same policy is recognised.
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

/* Store @buf as a zstd frame; false if zstd could not make it smaller. */
static bool rp_rawdata_compress(struct rp_rawdata *rd, const void *buf,
				int level)
{
	zstd_parameters params = zstd_get_params(level, rd->size);
	size_t wsize = zstd_cctx_workspace_bound(&params.cParams);
	size_t cap = zstd_compress_bound(rd->size), out;
	void *work, *dst;
	zstd_cctx *cctx;
	bool ok = false;

	work = kvzalloc(wsize, GFP_KERNEL);
	dst = kvmalloc(cap, GFP_KERNEL);
	if (!work || !dst)
		goto done;
	cctx = zstd_init_cctx(work, wsize);
	if (!cctx)
		goto done;
	out = zstd_compress_cctx(cctx, dst, cap, buf, rd->size, &params);
	if (zstd_is_error(out) || out >= rd->size)
		goto done;
	/* shrink the allocation to what the frame needs */
	rd->data = kvmalloc(out, GFP_KERNEL);
	if (!rd->data)
		goto done;
	memcpy(rd->data, dst, out);
	rd->csize = out;
	rd->compressed = true;
	ok = true;
done:
	kvfree(dst);
	kvfree(work);
	return ok;
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
 * rp_rawdata_new() - keep a copy of a policy buffer
 * @buf: the buffer as written
 * @size: its length
 * @abi: ABI of its first record
 * @level: zstd level (0: store as is)
 * @hash: compute its SHA-256
 *
 * The caller holds the one user and the one reference it starts with.
 *
 * Return: the object, or NULL when out of memory.
 */
struct rp_rawdata *rp_rawdata_new(const void *buf, size_t size, u32 abi,
				  int level, bool hash)
{
	struct rp_rawdata *rd = kzalloc(sizeof(*rd), GFP_KERNEL);

	if (!rd)
		return NULL;
	kref_init(&rd->ref);
	refcount_set(&rd->users, 1);
	INIT_LIST_HEAD(&rd->list);
	INIT_WORK(&rd->release_work, rp_rawdata_release_work);
	rd->abi = abi;
	rd->size = size;
	if (hash) {
		sha256(buf, size, rd->sha256);
		rd->hashed = true;
	}
	/* a buffer zstd cannot shrink is kept as written */
	if (level && rp_rawdata_compress(rd, buf, level))
		return rd;
	rd->data = kvmalloc(size ?: 1, GFP_KERNEL);
	if (!rd->data) {
		kfree(rd);
		return NULL;
	}
	memcpy(rd->data, buf, size);
	rd->csize = size;
	return rd;
}

void rp_rawdata_free_ref(struct kref *ref)
{
	struct rp_rawdata *rd = container_of(ref, struct rp_rawdata, ref);

	kvfree(rd->data);
	kfree(rd);
}

/**
 * rp_rawdata_same() - do two objects hold the same buffer?
 * @a: one
 * @b: the other
 *
 * Compression is deterministic, so equal buffers stored at one level have
 * equal stored bytes.
 */
bool rp_rawdata_same(const struct rp_rawdata *a, const struct rp_rawdata *b)
{
	if (a->size != b->size || a->csize != b->csize ||
	    a->compressed != b->compressed)
		return false;
	if (a->hashed && b->hashed && memcmp(a->sha256, b->sha256,
					     sizeof(a->sha256)))
		return false;
	return !memcmp(a->data, b->data, a->csize);
}

/**
 * rp_rawdata_expand() - the buffer as it was written
 * @rd: the object
 *
 * Return: a kvmalloc()ed copy of rp_rawdata.size bytes (free with
 * kvfree()), or ERR_PTR(-ENOMEM) / ERR_PTR(-EIO) if the stored frame does
 * not decompress to that size.
 */
void *rp_rawdata_expand(const struct rp_rawdata *rd)
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
 * rp_hash_record() - hash one profile record as stock does
 * @buf: the buffer the record was unpacked from
 * @u: the record; gets the hash of its version word (little-endian)
 *     followed by its bytes from the "profile" struct to its end
 */
void rp_hash_record(const void *buf, struct rp_unpacked *u)
{
	struct sha256_state st;
	__le32 version = cpu_to_le32(u->version);

	sha256_init(&st);
	sha256_update(&st, (const u8 *)&version, sizeof(version));
	sha256_update(&st, (const u8 *)buf + u->rec_start,
		      u->rec_end - u->rec_start);
	sha256_final(&st, u->sha256);
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
