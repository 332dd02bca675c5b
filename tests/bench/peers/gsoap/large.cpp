// gsoap-bench-large: decode of a GetAllAccounts response of tests/fixtures/asmx-variant.wsdl
// with COUNT accounts, by the generated proxy's recv_GetAllAccounts (the client side), from
// memory. The counterpart of tests/bench/benches/large.rs (time) and src/bin/mem.rs (peak).
//
//   gsoap-bench-large COUNT [--quick] [--reference FILE]     ns per decode and MB/s
//   gsoap-bench-large-mem COUNT                              peak heap of one decode
//
// Two binaries from this file: the peak is counted by replacing malloc (COUNT_HEAP), whose
// 16-byte header per block would also skew the timing, so the timed binary keeps glibc's.
// The message is built here byte for byte as large_response(count) in tests/bench/src/lib.rs
// writes it; --reference compares large_response(2) with a file saved from the Rust writer.

#include <cerrno>
#include <cstdint>

#include "harness.h"
#include "soapAccountManagementServiceSoapProxy.h"
#include "AccountManagementServiceSoap.nsmap"

using namespace bench;

#ifdef COUNT_HEAP
// A counting malloc (glibc supports replacing malloc/free/calloc/realloc and the aligned
// family in the executable; libgsoap++ and libstdc++'s operator new then use it too). Each
// block carries {base, requested size} in the 16 bytes before it, so the count is of
// requested bytes, like the counting GlobalAlloc of soapgen-bench-mem. Single-threaded.
extern "C" {
void *__libc_malloc(size_t);
void __libc_free(void *);
void *__libc_memalign(size_t, size_t);
}
static size_t live_bytes = 0, peak_bytes = 0;
struct alignas(16) Head {
  void *base;
  size_t size;
};
static void *track(void *base, size_t offset, size_t size) {
  if (!base)
    return nullptr;
  Head *h = reinterpret_cast<Head *>(static_cast<char *>(base) + offset) - 1;
  h->base = base;
  h->size = size;
  live_bytes += size;
  peak_bytes = std::max(peak_bytes, live_bytes);
  return h + 1;
}
extern "C" {
void *malloc(size_t n) { return track(__libc_malloc(n + sizeof(Head)), sizeof(Head), n); }
void free(void *p) {
  if (!p)
    return;
  Head *h = static_cast<Head *>(p) - 1;
  live_bytes -= h->size;
  __libc_free(h->base);
}
void *calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return nullptr;
  void *p = malloc(count * size);
  if (p)
    std::memset(p, 0, count * size);
  return p;
}
void *realloc(void *p, size_t n) {
  if (!p)
    return malloc(n);
  void *q = malloc(n);
  if (q) {
    std::memcpy(q, p, std::min(n, (static_cast<Head *>(p) - 1)->size));
    free(p);
  }
  return q;
}
void *memalign(size_t align, size_t n) {
  return align <= sizeof(Head) ? malloc(n) : track(__libc_memalign(align, n + align), align, n);
}
void *aligned_alloc(size_t align, size_t n) { return memalign(align, n); }
int posix_memalign(void **out, size_t align, size_t n) {
  *out = memalign(align, n);
  return *out ? 0 : ENOMEM;
}
void *valloc(size_t n) { return memalign(4096, n); }
void *pvalloc(size_t n) { return memalign(4096, (n + 4095) & ~size_t(4095)); }
size_t malloc_usable_size(void *p) { return p ? (static_cast<Head *>(p) - 1)->size : 0; }
}
#endif

namespace {

// large_response(count): EnvelopeWriter's SOAP 1.1 envelope, no whitespace.
std::string large_response(int count) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetAllAccountsResponse "
      "xmlns=\"sosonlinebackup.com\"><GetAllAccountsResult><Result>Success</Result><Accounts>";
  char item[512];
  for (int i = 0; i < count; i++) {
    std::snprintf(item, sizeof item,
                  "<GetAllAccountsItem><UserName>user%06d</UserName><CustomerName>Customer &amp; "
                  "Sons No. %d</CustomerName><Email>user%06d@example.com</Email><EntityId>%d</EntityId>"
                  "<CustomerTypeCode>RETAIL</CustomerTypeCode><PaymentPlanId>%d</PaymentPlanId>"
                  "<SignupDate>2024-02-29T13:45:30Z</SignupDate></GetAllAccountsItem>",
                  i, i, i, i, i % 7);
    s += item;
  }
  s += "</Accounts></GetAllAccountsResult></GetAllAccountsResponse></soap:Body></soap:Envelope>";
  return s;
}

// Every account must have come through with its values: count them all.
void check_decoded(const _ams__GetAllAccountsResponse &r, int count) {
  const ams__GetAllAccountsResponse *result = r.GetAllAccountsResult;
  CHECK(result && result->Result == ams__ResultCode__Success && result->Accounts,
        "no GetAllAccountsResult/Accounts decoded");
  const auto &items = result->Accounts->GetAllAccountsItem;
  CHECK(items.size() == static_cast<size_t>(count), "%zu items decoded, %d sent", items.size(), count);
  char name[32], email[48], customer[48];
  for (int i = 0; i < count; i++) {
    const ams__GetAllAccountsItem *a = items[i];
    std::snprintf(name, sizeof name, "user%06d", i);
    std::snprintf(email, sizeof email, "user%06d@example.com", i);
    std::snprintf(customer, sizeof customer, "Customer & Sons No. %d", i);
    CHECK(a && a->UserName && *a->UserName == name && a->CustomerName && *a->CustomerName == customer &&
              a->Email && *a->Email == email && a->EntityId == i && a->CustomerTypeCode &&
              *a->CustomerTypeCode == "RETAIL" && a->PaymentPlanId == i % 7 &&
              a->SignupDate == 1709214330,  // 2024-02-29T13:45:30Z as time_t
          "item %d decoded wrong", i);
  }
}

}  // namespace

int main(int argc, char **argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 0;
  double min_run_s = 0.5;
  std::string reference;
  for (int i = 2; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--quick")
      min_run_s = 0.05;
    else if (arg == "--reference" && i + 1 < argc)
      reference = argv[++i];
    else
      count = 0;
  }
  if (count <= 0) {
    std::fprintf(stderr, "usage: %s COUNT [--quick] [--reference FILE]\n", argv[0]);
    return 2;
  }
  if (!reference.empty())
    CHECK(large_response(2) == read_file(reference), "large_response(2) differs from %s", reference.c_str());

  const std::string message = large_response(count);
  struct soap *soap = soap_new1(SOAP_C_UTFSTRING);
  AccountManagementServiceSoapProxy proxy(soap);
  // gSOAP refuses more than soap->maxoccurs (SOAP_MAXOCCURS = 100000) items in one container;
  // 100000 is still allowed. Lifted like soapgen's element cap, for the same reason.
  soap->maxoccurs = SIZE_MAX;
  Memory memory;
  use_memory(soap, &memory);
  _ams__GetAllAccountsResponse response;
  auto decode = [&] {
    feed(soap, message);
    return proxy.recv_GetAllAccounts(response);
  };
  auto release = [&] {
    soap_destroy(soap);
    soap_end(soap);
  };

  int err = decode();  // also the warm-up of the peak count below
  CHECK(err == SOAP_OK, "recv_GetAllAccounts: error %d", err);
  check_decoded(response, count);
  release();

#ifdef COUNT_HEAP
  // What one decode adds to the heap at its highest, the input already being there.
  size_t before = live_bytes;
  peak_bytes = live_bytes;
  err = decode();
  size_t peak = peak_bytes - before;
  CHECK(err == SOAP_OK, "recv_GetAllAccounts: error %d", err);
  check_decoded(response, count);
  release();
  // soap_end must give it all back, or the count missed a deallocation path.
  CHECK(live_bytes <= before + 65536, "%zu bytes still live after soap_end", live_bytes - before);
  report("large/peak_bytes/" + std::to_string(count), peak, "bytes");
#else
  double ns = time_ns([&] {
    bool ok = decode() == SOAP_OK && response.GetAllAccountsResult &&
              response.GetAllAccountsResult->Accounts &&
              response.GetAllAccountsResult->Accounts->GetAllAccountsItem.size() == static_cast<size_t>(count);
    release();
    return ok;
  }, min_run_s);
  report("large/input_bytes/" + std::to_string(count), message.size(), "bytes");
  report("large/decode/" + std::to_string(count), ns, "ns");
  report("large/decode_mbps/" + std::to_string(count), message.size() / ns * 1e3, "MB/s");  // 10^6 B
#endif
  soap_free(soap);
  return 0;
}
