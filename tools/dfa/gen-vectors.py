#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Make kunit-tests/dfa_vectors.h from shared/testdata.

Every packed DFA of the chosen policy files (apparmor_parser 3.0.8 output,
see shared/testdata/README.md for the command that made each) becomes a
byte array tagged with its file, profile and role (xmatch, policy, file),
and every row of queries.tsv becomes a walk with its expected final state
and permissions.

usage: gen-vectors.py TESTDATA_DIR > kunit-tests/dfa_vectors.h
       gen-vectors.py --corpus DIR TESTDATA_DIR   (fuzzer seeds)
       gen-vectors.py --extract DIR ROLE FILE.bin...  (benchmark DFAs)
"""
import os
import struct
import sys

FILES = ["01-min.bin", "02-files.bin", "02-files.equiv.bin", "03-caps-net.bin",
         "02-files.diffenc.bin", "04-mount.bin", "05-ipc.bin", "06-ns.bin",
         "06-ns.v5.bin",
         "07-xattr.bin", "08-chprof.bin", "09-unix.bin"]

VARIANTS = ["02-files.equiv.bin", "02-files.diffenc.bin"]

# element type codes (shared/spec/policy-format.md 2.1)
U8, U16, U32, U64, NAME, STRING, BLOB, STRUCT, STRUCTEND, LIST, LISTEND, \
    ARRAY, ARRAYEND = range(13)
FIXED = {U8: 1, U16: 2, U32: 4, U64: 8}


def elements(buf):
    """Yield (offset, name, code, payload) for each element, flat."""
    pos, name = 0, None
    while pos < len(buf):
        start, code = pos, buf[pos]
        pos += 1
        if code in FIXED:
            payload = buf[pos:pos + FIXED[code]]
            pos += FIXED[code]
        elif code in (NAME, STRING):
            n = struct.unpack_from("<H", buf, pos)[0]
            payload = buf[pos + 2:pos + 2 + n]
            pos += 2 + n
        elif code == BLOB:
            n = struct.unpack_from("<I", buf, pos)[0]
            payload = buf[pos + 4:pos + 4 + n]
            pos += 4 + n
        elif code == ARRAY:
            payload = struct.unpack_from("<H", buf, pos)[0]
            pos += 2
        elif code in (STRUCT, STRUCTEND, LIST, LISTEND, ARRAYEND):
            payload = None
        else:
            raise ValueError(f"bad element code {code} at {start:#x}")
        if code == NAME:
            name = payload.rstrip(b"\0").decode()
            continue
        yield start, name, code, payload
        name = None


def dfas(path):
    """(profile, role, dfa bytes) for every aadfa blob of a policy file."""
    buf = open(path, "rb").read()
    out, depth, profile, in_policydb, seen_policydb = [], 0, None, False, False
    for off, name, code, payload in elements(buf):
        if code == STRUCT:
            depth += 1
            if name == "profile":
                profile, seen_policydb = None, False
            if name == "policydb":
                in_policydb = seen_policydb = True
        elif code == STRUCTEND:
            depth -= 1
            in_policydb = False
        elif code == STRING and depth == 1 and profile is None:
            profile = payload.rstrip(b"\0").decode()
        elif code == BLOB and name == "aadfa":
            pad = len(payload) % 8
            role = ("policy" if in_policydb else
                    "file" if seen_policydb else "xmatch")
            out.append((profile, role, payload[pad:]))
    return out


def unescape(q):
    """queries.tsv escapes: \\0 NUL, \\O out-of-band (-1), \\xNN, \\dNNN."""
    toks, i = [], 0
    while i < len(q):
        if q[i] != "\\":
            toks.append(ord(q[i]))
            i += 1
        elif q[i + 1] == "0":
            toks.append(0)
            i += 2
        elif q[i + 1] == "O":
            toks.append(-1)
            i += 2
        elif q[i + 1] == "x":
            toks.append(int(q[i + 2:i + 4], 16))
            i += 4
        elif q[i + 1] == "d":
            j = i + 2
            while j < len(q) and q[j].isdigit() and j < i + 5:
                j += 1
            toks.append(int(q[i + 2:j]))
            i = j
        else:
            toks.append(ord(q[i + 1]))
            i += 2
    return toks


def own_queries(tools_dir, td):
    """Compile tools/dfa/profiles/globs.profile for the 6.12 feature set,
    probe it with aa-policy-dump, and check each answer against the read
    permission globs.queries expects. Returns (bin path, query rows)."""
    import subprocess
    import tempfile
    here = os.path.join(tools_dir, "profiles")
    out = os.path.join(tempfile.mkdtemp(), "globs.bin")
    subprocess.run(["apparmor_parser", "--config-file", "/dev/null", "-Q",
                    "-M", os.path.join(td, "features-6.12"), "-o", out,
                    os.path.join(here, "globs.profile")], check=True)
    dump = os.path.join(td, "..", "tools", "aa-policy-dump")
    rows = []
    for line in open(os.path.join(here, "globs.queries")):
        if line.startswith("#") or not line.strip():
            continue
        path, want, why = line.rstrip("\n").split("\t")
        res = subprocess.run([dump, out, "--profile", "globs", "--match",
                              "file=" + path], capture_output=True,
                             text=True, check=True).stdout
        state = int(res.split("final state ")[1].split()[0])
        # "owner ..." and "other:" sections of field lines "name 0xVALUE(...)"
        sect, fields = None, {"owner": {}, "other": {}}
        for l in res.splitlines():
            l = l.strip()
            if l.startswith("owner"):
                sect = "owner"
            elif l.startswith("other:"):
                sect = "other"
            elif sect and l.split(" ")[0] in ("allow", "deny", "audit",
                                              "quiet", "xindex"):
                name, val = l.split()[:2]
                fields[sect][name] = int(val.split("(")[0], 16)
        if bool(fields["owner"].get("allow", 0) & 0x4) != (want == "1"):
            sys.exit(f"globs.profile: {path}: aa-policy-dump disagrees "
                     f"with the expectation ({why})")
        cols = []
        for sect in ("owner", "other"):
            cols += [hex(fields[sect].get(k, 0))
                     for k in ("allow", "deny", "audit", "quiet", "xindex")]
        rows.append(["globs.bin", "globs", "file", path, str(state)] + cols)
    return out, rows


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def corpus(out, td):
    """One seed file per DFA: flag byte 1 (old encoding), then the blob."""
    os.makedirs(out, exist_ok=True)
    n = 0
    for f in sorted(os.listdir(td)):
        if not f.endswith(".bin"):
            continue
        try:
            found = dfas(os.path.join(td, f))
        except (ValueError, struct.error):
            continue
        for k, (prof, role, blob) in enumerate(found):
            name = f"{f[:-4]}-{k}-{prof.replace('/', '_')}-{role}"
            with open(os.path.join(out, name), "wb") as fh:
                fh.write(b"\x01" + blob)
            n += 1
    print(f"{n} seeds in {out}", file=sys.stderr)


def extract(out, role, bins):
    """Write each DFA of the given role of each policy file to OUT."""
    os.makedirs(out, exist_ok=True)
    for path in bins:
        base = os.path.basename(path).rsplit(".bin", 1)[0]
        try:
            found = dfas(path)
        except (ValueError, struct.error) as e:
            print(f"{path}: {e}", file=sys.stderr)
            continue
        for k, (prof, r, blob) in enumerate(found):
            if r == role:
                with open(os.path.join(out, f"{base}.{k}.dfa"), "wb") as fh:
                    fh.write(blob)


def main():
    if sys.argv[1] == "--extract":
        extract(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    if sys.argv[1] == "--corpus":
        corpus(sys.argv[2], sys.argv[3])
        return
    td = sys.argv[1]
    print("/* SPDX-License-Identifier: GPL-2.0-only */")
    print("/*")
    print(" * Generated by tools/dfa/gen-vectors.py from shared/testdata")
    print(" * (apparmor_parser 3.0.8 output); do not edit.")
    print(" */")
    print("#ifndef _RAMPART_DFA_VECTORS_H\n#define _RAMPART_DFA_VECTORS_H\n")
    table = []
    globs_bin, globs_rows = own_queries(os.path.dirname(os.path.abspath(__file__)), td)
    for f in FILES + ["globs.bin"]:
        src = globs_bin if f == "globs.bin" else os.path.join(td, f)
        for prof, role, blob in dfas(src):
            # The variants only matter for the profile the queries name.
            if f in VARIANTS and prof != "files":
                continue
            ident = f"rp_vec_{len(table)}"
            print(f"/* {f} {prof} {role} */")
            print(f"static const u8 {ident}[] __aligned(8) =")
            for i in range(0, len(blob), 16):
                end = ";" if i + 16 >= len(blob) else ""
                print('\t"' + "".join(f"\\x{b:02x}" for b in blob[i:i + 16]) + '"' + end)
            print()
            table.append((f, prof, role, ident, len(blob)))
    print("static const struct rp_dfa_vector rp_dfa_vectors[] = {")
    for f, prof, role, ident, n in table:
        print(f"\t{{ {cstr(f)}, {cstr(prof)}, {cstr(role)}, {ident}, {n} }},")
    print("};\n")

    print("static const struct rp_dfa_query rp_dfa_queries[] = {")
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(td, "queries.tsv"))]
    for r in rows[1:] + globs_rows:
        f, prof, dfa, q, state = r[:5]
        if f not in FILES + ["globs.bin"]:
            continue
        toks = unescape(q)
        if len(toks) > 120:
            continue
        fields = [x if x != "-" else "0" for x in r[5:15]]
        has_other = "true" if r[10] != "-" else "false"
        print("\t{")
        print(f"\t\t{cstr(f)}, {cstr(prof)}, {cstr(dfa)},")
        print(f"\t\t{cstr(q)},")
        print("\t\t{")
        for i in range(0, len(toks), 12):
            print("\t\t\t" + ", ".join(str(t) for t in toks[i:i + 12]) + ",")
        print(f"\t\t}}, {len(toks)}, {state},")
        print(f"\t\t{{ {', '.join(fields[:5])} }},")
        print(f"\t\t{{ {', '.join(fields[5:])} }}, {has_other},")
        print("\t},")
    print("};\n")
    print("#endif /* _RAMPART_DFA_VECTORS_H */")


if __name__ == "__main__":
    main()
