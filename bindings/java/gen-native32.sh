#!/bin/sh
# Regenerates Native32.java from Native64.java: on a 32-bit JVM size_t,
# ptrdiff_t and pointer out-parameters are 4 bytes, so every long becomes int.
# NativeDeclarationsTest fails when the two files disagree.
set -eu
cd "$(dirname "$0")/src/main/java/kr/smartbill/signup"
sed -e 's/\blong\[\]/int[]/g' -e 's/\blong\b/int/g' \
    -e 's/Native64/Native32/g' \
    -e 's/The C ABI for 64-bit processes/The C ABI for 32-bit processes/' \
    -e 's/are 8 bytes here, so they are Java/are 4 bytes here, so they are Java/' \
    -e 's/are {@code long\[1\]}/are {@code int[1]}/' \
    -e 's/{@link Native32} is the/{@link Native64} is the/' \
    -e 's/same list with {@code int} for 32-bit processes (generated from this file/same list with {@code long} for 64-bit processes (this file is generated from it/' \
    Native64.java > Native32.java
