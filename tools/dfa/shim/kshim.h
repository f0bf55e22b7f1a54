/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough of the kernel's API for security/apparmor/dfa.c and
 * perms.c to compile unchanged in userspace (fuzzer, benchmark). Each
 * linux/<name>.h beside this file includes it.
 */
#ifndef _RAMPART_KSHIM_H
#define _RAMPART_KSHIM_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#ifndef EPROTO
#define EPROTO 71
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int16_t s16;
typedef int32_t s32;

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define __aligned(x) __attribute__((__aligned__(x)))
#define U16_MAX 0xffff
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a) (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#define GFP_KERNEL 0
#ifndef KSHIM_OWN_ALLOC
static inline void *kvzalloc(size_t n, int gfp)
{
	(void)gfp;
	return calloc(1, n);
}

static inline void *kvcalloc(size_t n, size_t size, int gfp)
{
	(void)gfp;
	return calloc(n, size);
}

static inline void *kvmalloc(size_t n, int gfp)
{
	(void)gfp;
	return malloc(n ? n : 1);
}

static inline void *kvmalloc_array(size_t n, size_t size, int gfp)
{
	size_t bytes;

	(void)gfp;
	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return malloc(bytes ? bytes : 1);
}

static inline void kvfree(const void *p)
{
	free((void *)p);
}

/* userspace: nothing comes from vmalloc */
static inline bool is_vmalloc_addr(const void *p)
{
	(void)p;
	return false;
}

static inline void vfree_atomic(const void *p)
{
	free((void *)p);
}
#endif

static inline size_t size_add(size_t a, size_t b)
{
	size_t r;

	return __builtin_add_overflow(a, b, &r) ? SIZE_MAX : r;
}

static inline size_t array_size(size_t a, size_t b)
{
	size_t r;

	return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

#define MAX_ERRNO 4095
static inline void *ERR_PTR(long e)
{
	return (void *)e;
}

static inline long PTR_ERR(const void *p)
{
	return (long)p;
}

static inline bool IS_ERR(const void *p)
{
	return (unsigned long)p >= (unsigned long)-MAX_ERRNO;
}

#ifndef KSHIM_OWN_ALLOC
static inline void *kzalloc(size_t n, int gfp)
{
	(void)gfp;
	return calloc(1, n);
}

static inline void *kcalloc(size_t n, size_t size, int gfp)
{
	(void)gfp;
	return calloc(n, size);
}

static inline void *kmemdup(const void *p, size_t n, int gfp)
{
	void *q = malloc(n ? n : 1);

	(void)gfp;
	if (q)
		memcpy(q, p, n);
	return q;
}

static inline char *kmemdup_nul(const char *s, size_t n, int gfp)
{
	char *q = malloc(n + 1);

	(void)gfp;
	if (q) {
		memcpy(q, s, n);
		q[n] = '\0';
	}
	return q;
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, int gfp)
{
	size_t bytes;

	(void)gfp;
	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return realloc(p, bytes ? bytes : 1);
}
#endif

static inline long strscpy(char *dst, const char *src, size_t size)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

static inline unsigned int hweight32(u32 w)
{
	return __builtin_popcount(w);
}

static inline u16 get_unaligned_le16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] | b[1] << 8);
}

static inline u32 get_unaligned_le32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] | (u32)b[1] << 8 | (u32)b[2] << 16 | (u32)b[3] << 24;
}

static inline u64 get_unaligned_le64(const void *p)
{
	return get_unaligned_le32(p) | (u64)get_unaligned_le32((const u8 *)p + 4) << 32;
}

/* The few list helpers unpack.c uses. */
struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD(name) struct list_head name = { &(name), &(name) }
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define list_entry(ptr, type, member) container_of(ptr, type, member)

static inline void list_add_tail(struct list_head *n, struct list_head *h)
{
	n->prev = h->prev;
	n->next = h;
	h->prev->next = n;
	h->prev = n;
}

static inline void list_del(struct list_head *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
}

static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

#define list_for_each_entry(pos, head, member)				\
	for (pos = list_entry((head)->next, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_entry((head)->next, __typeof__(*pos), member),	\
	     n = list_entry(pos->member.next, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

static inline u16 get_unaligned_be16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] << 8 | b[1]);
}

static inline u32 get_unaligned_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static inline u64 get_unaligned_be64(const void *p)
{
	return (u64)get_unaligned_be32(p) << 32 |
	       get_unaligned_be32((const u8 *)p + 4);
}

#endif /* _RAMPART_KSHIM_H */
