/* TEST-ONLY stand-in for bcryptprimitives.dll, built and used by
 * scripts/test-windows.sh; never shipped.
 *
 * Rust's std (1.78 and later) imports bcryptprimitives.dll!ProcessPrng, and
 * aws-lc looks it up at run time. Windows 10 has it; Wine 8 has no
 * bcryptprimitives.dll at all, so the DLL would not load under Wine. This
 * ProcessPrng forwards to advapi32's RtlGenRandom (SystemFunction036), which
 * Wine implements. Placed beside the test programs, Wine loads it first. */
#include <windows.h>
#include <limits.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Exported undecorated ("ProcessPrng", not "_ProcessPrng@8") on 32-bit:
 * linked with --kill-at, as Windows' own DLL exports it. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > ULONG_MAX ? ULONG_MAX : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
