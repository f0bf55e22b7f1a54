/* SPDX-License-Identifier: GPL-2.0-only */
/* Stands in for stock's security/apparmor/include/lib.h in the benchmark. */
#ifndef _RAMPART_STOCK_LIB_H
#define _RAMPART_STOCK_LIB_H
#include <linux/kernel.h>
#define AA_BUG(X, args...) do { } while (0)
#define AA_DEBUG(fmt, args...) do { } while (0)
#define AA_ERROR(fmt, args...) do { } while (0)
#include "match.h"
#endif
