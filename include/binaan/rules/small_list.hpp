#pragma once
/// \file
/// SmallList: a list of a few plain values kept inside its owner, on the heap only beyond N.

#include <algorithm>
#include <cstring>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace binaan {

/// A list of trivially copyable values stored inside the object up to `N` values and in one heap block beyond.
/// A Decision's lists (rules applied, failed conditions, missing facts, assumptions) hold a handful of values each;
/// as std::vector every non-empty list was a heap block of its own, and a grant-day run over a national roster made
/// millions of them. It reads like a std::vector: size(), empty(), [], front(), back(), begin()/end() (range-for,
/// algorithms), data(), ==; it grows with push_back() and empties with clear(), which keeps the capacity.
template <typename T, std::size_t N>
class SmallList {
  static_assert(std::is_trivially_copyable_v<T>, "SmallList copies its values as bytes");
  static_assert(N > 0 && N < 65536, "SmallList keeps 1-65535 values inside");

public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;

  SmallList() noexcept = default;
  SmallList(std::initializer_list<T> values) { append(values.begin(), values.end()); }
  SmallList(const SmallList& other) { append(other.begin(), other.end()); }
  SmallList(SmallList&& other) noexcept { take(other); }
  SmallList& operator=(const SmallList& other) {
    if (this != &other) {
      clear();
      append(other.begin(), other.end());
    }
    return *this;
  }
  SmallList& operator=(SmallList&& other) noexcept {
    if (this != &other) {
      free_heap();
      take(other);
    }
    return *this;
  }
  ~SmallList() { free_heap(); }

  size_type size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  /// Values held without growing: N while inside the object.
  size_type capacity() const noexcept { return heap_ ? heap_capacity_ : N; }

  T* data() noexcept { return heap_ ? heap_ : inside(); }
  const T* data() const noexcept { return heap_ ? heap_ : inside(); }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size_; }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size_; }
  const_iterator cbegin() const noexcept { return begin(); }
  const_iterator cend() const noexcept { return end(); }

  /// Unchecked, as std::vector's.
  T& operator[](size_type i) noexcept { return data()[i]; }
  const T& operator[](size_type i) const noexcept { return data()[i]; }
  /// Checked: throws std::out_of_range.
  const T& at(size_type i) const {
    if (i >= size_) throw std::out_of_range("SmallList::at");
    return data()[i];
  }
  T& front() noexcept { return data()[0]; }
  const T& front() const noexcept { return data()[0]; }
  T& back() noexcept { return data()[size_ - 1]; }
  const T& back() const noexcept { return data()[size_ - 1]; }

  void push_back(const T& value) {
    if (size_ == capacity()) grow(size_ + 1);
    ::new (static_cast<void*>(data() + size_)) T(value);
    ++size_;
  }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    push_back(T{std::forward<Args>(args)...});
    return back();
  }
  /// Empties the list and keeps its capacity.
  void clear() noexcept { size_ = 0; }
  void reserve(size_type n) {
    if (n > capacity()) grow(n);
  }

  friend bool operator==(const SmallList& a, const SmallList& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator!=(const SmallList& a, const SmallList& b) { return !(a == b); }

private:
  // The values inside, created in place by push_back (placement new) or copied in by take().
  T* inside() noexcept { return reinterpret_cast<T*>(inside_); }
  const T* inside() const noexcept { return reinterpret_cast<const T*>(inside_); }

  template <typename It>
  void append(It first, It last) {
    reserve(size_ + static_cast<size_type>(last - first));
    for (; first != last; ++first) ::new (static_cast<void*>(data() + size_++)) T(*first);
  }

  void grow(size_type at_least) {
    if (at_least > 0xFFFFFFFFu) throw std::length_error("SmallList");
    const size_type wanted = std::max<size_type>(at_least, 2 * capacity());
    const auto cap = static_cast<std::uint32_t>(std::min<size_type>(wanted, 0xFFFFFFFFu));
    T* block = std::allocator<T>().allocate(cap);
    std::uninitialized_copy(begin(), end(), block);
    free_heap();
    heap_ = block;
    heap_capacity_ = cap;
  }

  void free_heap() noexcept {
    if (heap_) std::allocator<T>().deallocate(heap_, heap_capacity_);
    heap_ = nullptr;
    heap_capacity_ = 0;
  }

  // Leaves `other` empty, inside.
  void take(SmallList& other) noexcept {
    size_ = other.size_;
    if (other.heap_) {
      heap_ = other.heap_;
      heap_capacity_ = other.heap_capacity_;
      other.heap_ = nullptr;
      other.heap_capacity_ = 0;
    } else {
      // The whole buffer, a copy of fixed size with no loop on the count (bytes past the count are copied as they
      // are, unread): a grant-day run on several threads moves some 420,000 decisions of four lists each.
      std::memcpy(inside_, other.inside_, sizeof inside_);
    }
    other.size_ = 0;
  }

  alignas(T) unsigned char inside_[N * sizeof(T)];
  T* heap_ = nullptr;
  std::uint32_t size_ = 0;
  std::uint32_t heap_capacity_ = 0;
};

}  // namespace binaan
