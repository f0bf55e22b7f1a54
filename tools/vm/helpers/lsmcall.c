// SPDX-License-Identifier: GPL-2.0-only
/*
 * lsmcall - the LSM syscalls of Linux 6.8+, for the Rampart VM tests
 * (the build host's headers may predate them, so they are declared here).
 *
 *   lsmcall list                 lsm_list_modules(): prints the LSM ids,
 *                                space separated
 *   lsmcall get ATTR [SIZE]      lsm_get_self_attr(ATTR, buf, &SIZE, 0);
 *                                ATTR = current|exec|prev|fscreate|
 *                                keycreate|sockcreate; SIZE defaults to
 *                                4096. Prints "count=N size=S" and one line
 *                                per record:
 *                                "id=I flags=F len=L ctx_len=C ctx=<bytes>"
 *                                (non-printable bytes as \ooo).
 *   lsmcall set ATTR TEXT [ATTR TEXT]...
 *                                lsm_set_self_attr(ATTR, ctx, size, 0)
 *                                for each pair in turn, with an AppArmor
 *                                (id 104) ctx holding TEXT and its NUL;
 *                                then prints lsm_get_self_attr(current)'s
 *                                context as "current=CTX"
 *
 * A failing syscall prints "lsmcall: <syscall>: EXXX (strerror)" (and the
 * size the kernel reported, for E2BIG) and exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NR_lsm_get_self_attr 459
#define NR_lsm_set_self_attr 460
#define NR_lsm_list_modules 461

struct lsm_ctx {
	uint64_t id;
	uint64_t flags;
	uint64_t len;
	uint64_t ctx_len;
	uint8_t ctx[];
};

static const struct {
	const char *name;
	unsigned int attr;
} attrs[] = {
	{ "current", 100 }, { "exec", 101 },	  { "fscreate", 102 },
	{ "keycreate", 103 }, { "prev", 104 }, { "sockcreate", 105 },
};

static int fail(const char *op)
{
	int e = errno;
	const char *name = strerrorname_np(e);

	fprintf(stderr, "lsmcall: %s: %s (%s)\n", op, name ? name : "E?",
		strerror(e));
	return 1;
}

static unsigned int attr_of(const char *name)
{
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (strcmp(name, attrs[i].name) == 0)
			return attrs[i].attr;
	fprintf(stderr, "lsmcall: unknown attribute '%s'\n", name);
	exit(2);
}

static int set(int argc, char **argv)
{
	uint8_t buf[4096];
	struct lsm_ctx *c = (struct lsm_ctx *)buf;
	uint32_t size = sizeof(buf);

	for (int i = 2; i + 1 < argc; i += 2) {
		size_t n = strlen(argv[i + 1]) + 1;

		if (sizeof(*c) + n > sizeof(buf))
			return 2;
		memset(buf, 0, sizeof(buf));
		c->id = 104;
		c->len = sizeof(*c) + n;
		c->ctx_len = n;
		memcpy(c->ctx, argv[i + 1], n);
		if (syscall(NR_lsm_set_self_attr, attr_of(argv[i]), c,
			    (uint32_t)c->len, 0) < 0)
			return fail("lsm_set_self_attr");
	}
	if (syscall(NR_lsm_get_self_attr, 100, buf, &size, 0) < 0)
		return fail("lsm_get_self_attr");
	printf("current=%.*s\n", (int)c->ctx_len, (char *)c->ctx);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && argc % 2 == 0 && strcmp(argv[1], "set") == 0)
		return set(argc, argv);
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		uint64_t ids[64];
		uint32_t size = sizeof(ids);
		long n = syscall(NR_lsm_list_modules, ids, &size, 0);

		if (n < 0)
			return fail("lsm_list_modules");
		for (long i = 0; i < n; i++)
			printf("%s%llu", i ? " " : "", (unsigned long long)ids[i]);
		printf("\n");
		return 0;
	}
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "get") == 0) {
		unsigned int attr = 0;
		uint32_t size = argc == 4 ? strtoul(argv[3], NULL, 0) : 4096;
		uint8_t *buf = calloc(1, size + 1);
		uint32_t off = 0;
		long n;

		for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
			if (strcmp(argv[2], attrs[i].name) == 0)
				attr = attrs[i].attr;
		if (!attr) {
			fprintf(stderr, "lsmcall: unknown attribute '%s'\n", argv[2]);
			return 2;
		}
		n = syscall(NR_lsm_get_self_attr, attr, size ? buf : NULL, &size, 0);
		if (n < 0) {
			int e = errno;

			if (e == E2BIG)
				fprintf(stderr, "lsmcall: size=%u\n", size);
			errno = e;
			return fail("lsm_get_self_attr");
		}
		printf("count=%ld size=%u\n", n, size);
		for (long i = 0; i < n && off + sizeof(struct lsm_ctx) <= size; i++) {
			struct lsm_ctx *c = (struct lsm_ctx *)(buf + off);

			printf("id=%llu flags=%llu len=%llu ctx_len=%llu ctx=",
			       (unsigned long long)c->id,
			       (unsigned long long)c->flags,
			       (unsigned long long)c->len,
			       (unsigned long long)c->ctx_len);
			for (uint64_t j = 0; j < c->ctx_len && off + 32 + j < size; j++) {
				uint8_t b = c->ctx[j];

				if (b >= 0x20 && b < 0x7f && b != '\\')
					putchar(b);
				else
					printf("\\%03o", b);
			}
			putchar('\n');
			if (!c->len)
				break;
			off += c->len;
		}
		return 0;
	}
	fprintf(stderr, "usage: lsmcall list | lsmcall get ATTR [SIZE] | lsmcall set ATTR TEXT...\n");
	return 2;
}
