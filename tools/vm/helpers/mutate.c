/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mutate - deterministic damage to a file, for the corruption sweep.
 *
 *   mutate IN OUT SEED
 *
 * Writes IN to OUT with one mutation chosen by SEED: truncation at some
 * offset, 1-4 flipped bytes, a random 32-bit word, a deleted run, or a
 * duplicated run. The same SEED always gives the same output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 11);
}

int main(int argc, char **argv)
{
	unsigned char *buf, *out;
	size_t len, n, at, run, i;
	FILE *f;

	if (argc != 4) {
		fprintf(stderr, "usage: mutate IN OUT SEED\n");
		return 2;
	}
	state = 0x9e3779b97f4a7c15ull ^ strtoull(argv[3], NULL, 0);
	f = fopen(argv[1], "rb");
	if (!f)
		return perror(argv[1]), 1;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc(len * 2 + 8);
	out = buf + len + 4;
	if (!buf || fread(buf, 1, len, f) != len || len < 8)
		return 1;
	fclose(f);
	memcpy(out, buf, len);
	n = len;
	at = next() % len;
	switch (next() % 5) {
	case 0:				/* truncate */
		n = at;
		break;
	case 1:				/* flip bytes */
		for (i = 0; i < 1 + next() % 4; i++)
			out[next() % len] ^= 1 + next() % 255;
		break;
	case 2:				/* a random word */
		at = at > len - 4 ? len - 4 : at;
		for (i = 0; i < 4; i++)
			out[at + i] = next();
		break;
	case 3:				/* delete a run */
		run = 1 + next() % 16;
		run = at + run > len ? len - at : run;
		memmove(out + at, out + at + run, len - at - run);
		n = len - run;
		break;
	default:			/* duplicate a run (at most 4 bytes) */
		run = 1 + next() % 4;
		run = at + run > len ? len - at : run;
		memmove(out + at + run, out + at, len - at);
		n = len + run;
		break;
	}
	f = fopen(argv[2], "wb");
	if (!f || fwrite(out, 1, n, f) != n || fclose(f))
		return perror(argv[2]), 1;
	return 0;
}
