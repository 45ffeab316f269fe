#pragma once
// Internal: hints to the compiler and to the memory system, which change no result.

#include <cstddef>
#include <cstdint>
#include <iterator>

#if defined(__linux__)
#include <sys/mman.h>
#endif

// Inlining. GCC and clang decide whether to inline a function by sizes, of the function and of the file around it;
// for the few functions a loop over a national roster runs millions of times that guess is not good enough (adding a
// function elsewhere in the rules' file once made GCC outline the timeline's per-day work: +8% a projection).
// BINAAN_ALWAYS_INLINE forces a small function into its callers; BINAAN_COLD keeps a rarely called one out of them
// (one that builds an error message, or applies a case's policy overrides), marked cold: its callers stay small
// enough to be inlined, and the branch to it is laid out as the unlikely one. Other compilers decide alone.
#if defined(__GNUC__)
#define BINAAN_ALWAYS_INLINE inline __attribute__((always_inline))
#define BINAAN_COLD __attribute__((noinline, cold))
#else
#define BINAAN_ALWAYS_INLINE inline
#define BINAAN_COLD
#endif

namespace binaan::detail {

// Huge pages for large fresh allocations. On this kind of machine (a virtual machine, Linux with transparent
// huge pages in "madvise" mode) the first touch of every 4 KiB page of a big new vector is a page fault, and for a
// national roster those faults cost more than the work done in the memory: a million projections are 116 MB, 28,000
// faults; a million cases 488 MB. Asked before the first touch, the kernel backs the range with 2 MiB pages instead.

/// Asks for huge pages for the whole 2 MiB pages inside [p, p + bytes); allocations under 4 MiB (a small roster or
/// archive) are left alone, not worth a huge page to zero. A hint only: nothing changes if it is refused or
/// unsupported, and nothing is touched. Used by the engine's results, by reserve_roster (every roster the library
/// makes, the archives' people included) and by the archives (the payload, the file buffers).
inline void advise_huge_pages(void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHuge - 1);
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

/// Asks the memory system for the cache line at `p` without waiting for it: a loop over a national roster reads
/// places far larger than the caches, and asking a few items ahead has them arrive in time. A hint only.
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

/// Reserves room for `n` elements in `v`, advising huge pages for a fresh allocation before anything touches it.
template <typename Vector>
void reserve_huge(Vector& v, std::size_t n) {
  if (n <= v.capacity()) return;
  Vector fresh;
  fresh.reserve(n);
  advise_huge_pages(fresh.data(), n * sizeof(typename Vector::value_type));
  fresh.insert(fresh.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(fresh);
}

}  // namespace binaan::detail
