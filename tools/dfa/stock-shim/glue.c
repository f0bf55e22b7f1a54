// SPDX-License-Identifier: GPL-2.0-only
/* The benchmark's handle on the stock matcher's reference counting. */
#include "include/lib.h"

size_t stock_alloc_bytes;

void stock_dfa_free(struct aa_dfa *dfa)
{
	aa_put_dfa(dfa);
}
