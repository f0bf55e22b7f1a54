/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough kernel API for stock 6.12 security/apparmor/match.c to
 * compile in userspace for the benchmark; counts what it allocates.
 */
#ifndef _RAMPART_STOCKSHIM_H
#define _RAMPART_STOCKSHIM_H

#define KSHIM_OWN_ALLOC
#include "../shim/kshim.h"
#include <arpa/inet.h>

#define CONFIG_CPU_BIG_ENDIAN 0
#define IS_ENABLED(x) (x)
#define is_vmalloc_addr(p) 0
#define vm_unmap_aliases() do { } while (0)
#define be16_to_cpu(x) ntohs(x)
#define be32_to_cpu(x) ntohl(x)
#define __be16 u16
#define __be32 u32
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)
#define BUILD_BUG_ON_NOT_POWER_OF_2(x)
#define BUILD_BUG_ON(x)
#define pr_err(...) do { } while (0)
#define __GFP_NOWARN 0

struct kref {
	int refcount;
};

static inline void kref_init(struct kref *k)
{
	k->refcount = 1;
}

static inline void kref_get(struct kref *k)
{
	k->refcount++;
}

static inline int kref_put(struct kref *k, void (*release)(struct kref *))
{
	if (--k->refcount)
		return 0;
	release(k);
	return 1;
}

extern size_t stock_alloc_bytes;

static inline void *kvzalloc(size_t n, int gfp)
{
	stock_alloc_bytes += n;
	return calloc(1, n);
}

static inline void *kzalloc(size_t n, int gfp)
{
	stock_alloc_bytes += n;
	return calloc(1, n);
}

static inline void *kmalloc(size_t n, int gfp)
{
	stock_alloc_bytes += n;
	return malloc(n);
}

static inline void kvfree(const void *p)
{
	free((void *)p);
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

#endif /* _RAMPART_STOCKSHIM_H */
