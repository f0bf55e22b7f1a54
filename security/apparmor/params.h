/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the module parameters under /sys/module/apparmor/parameters/
 * (kernel-interfaces.md section 2) and the global settings they hold.
 */
#ifndef _RAMPART_PARAMS_H
#define _RAMPART_PARAMS_H

#include <linux/types.h>
#include "common.h"

extern enum rp_mode rp_global_mode;
extern enum rp_audit_mode rp_global_audit;
extern bool rp_audit_header;
extern bool rp_audit_class;
extern bool rp_debug;
extern bool rp_hash_policy;
extern bool rp_export_binary;
extern bool rp_logsyscall;
extern bool rp_paranoid_load;
extern unsigned int rp_path_max;
extern int rp_rawdata_compression_level;

#define RP_ZSTD_MIN_LEVEL	(-131072)
#define RP_ZSTD_MAX_LEVEL	22

int rp_parse_global_mode(const char *val);
int rp_parse_global_audit(const char *val);

#endif /* _RAMPART_PARAMS_H */
