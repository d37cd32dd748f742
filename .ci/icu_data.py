"""Trim the ICU data library that Qt brings on Linux (32 MB) to what an English/Indonesian app can use.

PySide6's Linux wheels ship Qt linked against ICU 7x, with all of ICU's data compiled into
`libicudata.so.7x`: collation, break rules and locale data for ~800 locales, ~200 legacy character
converters, transliterators and dictionaries for Thai, Lao, Khmer, Burmese and Chinese/Japanese text.
Qt reaches ICU for collation (file dialogs sort names with it), case mapping and a few codecs.

The data is an ICU "common data" package (header, a table of contents, then each item). This keeps every
item that is not locale-specific (properties, normalisation, time zones, the resource pools) plus the
root, English and Indonesian locale bundles of every category, and leaves out converters, dictionaries
and transliterators; then it compiles the smaller package into a library of the same name that exports
the same symbol (`icudt7x_dat`). Without a C compiler the library stays as it is.

    python .ci/icu_data.py LIBRARY            # trims in place; prints the sizes
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = ("root", "en", "id", "in")  # "in": ICU's old code for Indonesian, still aliased
ALWAYS_KEEP = {"res_index", "pool"}  # per-tree index and shared keys: the trees do not load without them
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
DROPPED_TREES = {"translit"}
DROPPED_SUFFIXES = (".cnv", ".dict")


def wanted(name: str) -> bool:
    """Whether an item of the package (e.g. 'icudt73l/coll/id.res') is kept."""
    parts = name.split("/")[1:]
    base = parts[-1]
    if (len(parts) > 1 and parts[0] in DROPPED_TREES) or base.endswith(DROPPED_SUFFIXES):
        return False
    stem = base.rsplit(".", 1)[0]
    if stem in ALWAYS_KEEP or not base.endswith(".res") or not LOCALE.match(stem):
        return True
    return stem.split("_")[0] in KEEP_LOCALES


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item)]) of a common data package (little-endian, as on every platform we build)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = package[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        items.append((name, toc[data_offset:end]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of these items, names sorted (ICU finds them by binary search), each item 16-byte aligned."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    offset = toc_size + len(names)
    offset += -offset % 16
    entries, body, name_offset = [], bytearray(), toc_size
    for name, item in items:
        entries.append((name_offset, offset + len(body)))
        name_offset += len(name) + 1
        body += item + b"\0" * (-len(item) % 16)
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *e) for e in entries)
    padding = b"\0" * (toc_size + len(names) + (-(toc_size + len(names)) % 16) - len(table) - len(names))
    return header + table + names + padding + bytes(body)


def package_of(library: Path) -> tuple[str, bytes]:
    """(symbol, package bytes) exported by an ICU data library, read from its ELF dynamic symbol table."""
    data = library.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise ValueError(f"{library} is not a 64-bit ELF library")
    shoff, shentsize, shnum = struct.unpack_from("<Q", data, 0x28)[0], *struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        name_index, _info, _other, section, value, size = struct.unpack_from("<IBBHQQ", data, offset)
        name = data[strtab[4] + name_index : data.index(b"\0", strtab[4] + name_index)].decode()
        if name.startswith("icudt") and name.endswith("_dat"):
            holder = sections[section]
            start = value - holder[3] + holder[4]  # address → file offset within its section
            return name, data[start : start + size]
    raise ValueError(f"{library} exports no ICU data")


def compile_library(symbol: str, package: bytes, soname: str, target: Path) -> None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise FileNotFoundError("no C compiler")
    with tempfile.TemporaryDirectory() as tmp:
        blob, source = Path(tmp) / "icu.dat", Path(tmp) / "icu.S"
        blob.write_bytes(package)
        source.write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n.incbin "{blob}"\n'
            f'.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n'
        )
        out = Path(tmp) / soname
        command = [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(source)]
        subprocess.run(command, check=True)
        shutil.copyfile(out, target)


def trim(library: Path) -> tuple[int, int]:
    """Trim the library in place; (size before, size after) in bytes."""
    before = library.stat().st_size
    symbol, package = package_of(library)
    header, items = read_items(package)
    compile_library(symbol, write_package(header, [i for i in items if wanted(i[0])]), library.name, library)
    return before, library.stat().st_size


if __name__ == "__main__":
    for path in sys.argv[1:]:
        old, new = trim(Path(path))
        print(f"{path}: {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
