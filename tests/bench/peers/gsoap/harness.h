// Shared by bench.cpp and large.cpp: in-memory I/O for a gSOAP context, the timer, the
// BENCH line printer and a fail-loudly check. Header-only (each binary has its own soapC.cpp).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "stdsoap2.h"

namespace bench {

// A benchmark that times an error path is worthless: every check aborts the program.
#define CHECK(cond, ...)                                                        \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "gsoap-bench: check failed: %s: ", #cond);           \
      std::fprintf(stderr, __VA_ARGS__);                                        \
      std::fprintf(stderr, "\n");                                               \
      std::exit(1);                                                             \
    }                                                                           \
  } while (0)

// gSOAP reads and writes through soap->frecv/soap->fsend. Replacing both keeps sockets, files
// and iostreams out of the figures: the output is appended to a std::string (as a transport
// would collect it) and the input is served from one buffer, up to soap->buflen bytes a call.
struct Memory {
  std::string *out = nullptr;
  const char *in = nullptr;
  size_t left = 0;
};

inline int memory_send(struct soap *soap, const char *s, size_t n) {
  static_cast<Memory *>(soap->user)->out->append(s, n);
  return SOAP_OK;
}

inline size_t memory_recv(struct soap *soap, char *buf, size_t n) {
  Memory *m = static_cast<Memory *>(soap->user);
  n = std::min(n, m->left);
  std::memcpy(buf, m->in, n);
  m->in += n;
  m->left -= n;
  return n;
}

inline void use_memory(struct soap *soap, Memory *m) {
  soap->user = m;
  soap->fsend = memory_send;
  soap->frecv = memory_recv;
}

inline void feed(struct soap *soap, const std::string &text) {
  Memory *m = static_cast<Memory *>(soap->user);
  m->in = text.data();
  m->left = text.size();
}

inline std::string read_file(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  CHECK(f.good(), "cannot read %s", path.c_str());
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Runs `op` (which returns false on any error) until warm, then 5 runs of at least
// `min_run_s` seconds each; returns the median run's ns per call.
template <class Op>
double time_ns(Op op, double min_run_s) {
  using clock = std::chrono::steady_clock;
  auto run = [&](size_t iterations) {
    auto start = clock::now();
    for (size_t i = 0; i < iterations; i++)
      CHECK(op(), "the timed operation failed at iteration %zu", i);
    return std::chrono::duration<double>(clock::now() - start).count();
  };
  // Warm-up doubles as calibration: grow until one batch takes a fifth of a run.
  size_t iterations = 1;
  double elapsed;
  while ((elapsed = run(iterations)) < min_run_s / 5)
    iterations *= 2;
  iterations = std::max<size_t>(1, static_cast<size_t>(iterations * min_run_s / elapsed * 1.05));
  std::vector<double> ns;
  for (int r = 0; r < 5; r++)
    ns.push_back(run(iterations) * 1e9 / iterations);
  std::sort(ns.begin(), ns.end());
  return ns[2];
}

inline void report(const std::string &name, double value, const char *unit) {
  std::printf("BENCH\tgsoap\t%s\t%.*f\t%s\n", name.c_str(), value < 100 ? 2 : value < 1000 ? 1 : 0, value, unit);
  std::fflush(stdout);
}

}  // namespace bench
