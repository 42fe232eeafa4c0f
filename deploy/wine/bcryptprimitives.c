/*
 * bcryptprimitives.c: a stand-in bcryptprimitives.dll for Wine 8, used only
 * by CI to run the Windows build of Aula on Linux (deploy/wine/setup.sh).
 * Never shipped to a laptop: real Windows 10 and 11 have the real DLL.
 *
 * Why it exists: since Go 1.22 a Windows program takes its random numbers
 * from ProcessPrng in bcryptprimitives.dll, loaded from system32 at start
 * (runtime.loadOptionalSyscalls; crypto/internal/sysrand too). Wine 8.0,
 * Debian 12's, has no ProcessPrng, so every Go program dies at once with
 * "fatal error: bcryptprimitives.dll not found".
 *
 * What it does: ProcessPrng(buf, len) fills buf with RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine has and backs with the host's
 * random source. It exports nothing else.
 *
 * When it can go: when CI runs a Wine whose own bcryptprimitives.dll exports
 * ProcessPrng (newer than Debian 12's 8.0), delete this file and the DLL
 * step of setup.sh; a Go program then starts under Wine as it is.
 *
 *   x86_64-w64-mingw32-gcc -O2 -shared -s -o bcryptprimitives.dll \
 *       bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom's real name; ntsecapi.h declares it only with
 * _NTSECAPI_ and more headers, so it is declared here. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG: fill large buffers in pieces. */
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst;
    (void)reason;
    (void)reserved;
    return TRUE;
}
