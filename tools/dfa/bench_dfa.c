// SPDX-License-Identifier: GPL-2.0-only
/*
 * make bench-dfa: Rampart's matcher (security/apparmor/dfa.c) and stock
 * 6.12's (security/apparmor/match.c from Debian's linux-source-6.12,
 * compiled alongside at bench time, never committed) on the same DFAs
 * and the same paths, one DFA at a time.
 *
 * usage: bench_dfa --time|--count rampart|--count stock PATHS DFA...
 *
 *   --time      walk every path with both matchers, check they end in the
 *               same state, print per-DFA bytes/s and memory
 *   --count M   under valgrind --tool=callgrind --collect-atstart=no:
 *               walk with matcher M only, dumping the instruction count
 *               of each DFA's walk (CALLGRIND_DUMP_STATS_AT)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>
#include "dfa.h"

/* The stock side, compiled from match.c with tools/dfa/stock-shim. */
struct aa_dfa;
struct aa_dfa *aa_dfa_unpack(void *, size_t, int);
unsigned int aa_dfa_match(struct aa_dfa *dfa, unsigned int start,
			  const char *str);
void stock_dfa_free(struct aa_dfa *dfa);
extern size_t stock_alloc_bytes;
#define STOCK_FLAGS (4 | (4 << 6) | 0x1000)	/* accept, accept2 32-bit; verify */

static char **paths;
static size_t npaths, path_bytes;

static void *slurp(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0)
		goto fail;
	rewind(f);
	buf = malloc(n + 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n)
		goto fail;
	buf[n] = '\0';
	fclose(f);
	*len = n;
	return buf;
fail:
	perror(name);
	exit(2);
}

static void load_paths(const char *name)
{
	size_t len, i, cap = 1024;
	char *buf = slurp(name, &len), *line;

	paths = malloc(cap * sizeof(*paths));
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (npaths == cap)
			paths = realloc(paths, (cap *= 2) * sizeof(*paths));
		paths[npaths++] = line;
	}
	for (i = 0; i < npaths; i++)
		path_bytes += strlen(paths[i]);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sinks so the walks cannot be optimised away. */
static volatile unsigned int sink;

static __attribute__((noinline)) void walk_rampart(const struct rp_dfa *dfa)
{
	unsigned int acc = 0;
	size_t i;

	for (i = 0; i < npaths; i++)
		acc += rp_dfa_match(dfa, RP_DFA_START, paths[i]);
	sink = acc;
}

static __attribute__((noinline)) void walk_stock(struct aa_dfa *dfa)
{
	unsigned int acc = 0;
	size_t i;

	for (i = 0; i < npaths; i++)
		acc += aa_dfa_match(dfa, 1, paths[i]);
	sink = acc;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int count = !strcmp(mode, "--count"), first = count ? 4 : 3, k;
	const char *which = count ? argv[2] : NULL;

	if (argc < first + 1 || (!count && strcmp(mode, "--time"))) {
		fprintf(stderr, "usage: %s --time|--count rampart|stock PATHS DFA...\n",
			argv[0]);
		return 2;
	}
	load_paths(argv[first - 1]);
	if (!count)
		printf("dfa\tstates\tslots\trampart_bytes\tstock_bytes\trampart_MBps\tstock_MBps\n");
	for (k = first; k < argc; k++) {
		struct rp_dfa_error err;
		struct rp_dfa *rp;
		struct aa_dfa *aa;
		size_t len, before, i;
		void *blob = slurp(argv[k], &len), *copy = malloc(len);
		double t0, t_rp, t_aa;
		int reps;

		memcpy(copy, blob, len);
		rp = rp_dfa_unpack(blob, len, RP_DFA_WANT_ACCEPT2, &err);
		before = stock_alloc_bytes;
		aa = aa_dfa_unpack(copy, len, STOCK_FLAGS);
		if (IS_ERR(rp) || IS_ERR(aa) || !aa) {
			fprintf(stderr, "%s: unpack failed (rampart %s)\n", argv[k],
				IS_ERR(rp) ? err.what : "ok");
			return 1;
		}
		if (count) {
			CALLGRIND_TOGGLE_COLLECT;
			if (!strcmp(which, "rampart"))
				walk_rampart(rp);
			else
				walk_stock(aa);
			CALLGRIND_TOGGLE_COLLECT;
			CALLGRIND_DUMP_STATS_AT(argv[k]);
		} else {
			for (i = 0; i < npaths; i++)
				if (rp_dfa_match(rp, RP_DFA_START, paths[i]) !=
				    aa_dfa_match(aa, 1, paths[i])) {
					fprintf(stderr, "%s: matchers disagree on %s\n",
						argv[k], paths[i]);
					return 1;
				}
			reps = 1;
			do {
				t0 = now();
				for (i = 0; i < (size_t)reps; i++)
					walk_rampart(rp);
				t_rp = now() - t0;
				t0 = now();
				for (i = 0; i < (size_t)reps; i++)
					walk_stock(aa);
				t_aa = now() - t0;
				reps *= 2;
			} while (t_rp < 0.05 && reps < 1024);
			reps /= 2;
			printf("%s\t%u\t%u\t%zu\t%zu\t%.1f\t%.1f\n", argv[k],
			       rp->nstates, rp->nslots, rp->size,
			       stock_alloc_bytes - before,
			       path_bytes * reps / t_rp / 1e6,
			       path_bytes * reps / t_aa / 1e6);
		}
		rp_dfa_free(rp);
		stock_dfa_free(aa);
		free(blob);
		free(copy);
	}
	return 0;
}
