// gsoap-bench-server: the soapcpp2-generated AccountManagementService, standalone over HTTP,
// for wrk — the counterpart of tests/bench/src/bin/server.rs. ChangeBackupAccountEmail answers
// the seed's empty Result; every other operation (and any unknown body element) gets gSOAP's
// Client/Sender fault SOAP_NO_METHOD (WITH_DEFAULT_VIRTUAL). Any URL path is served.
//
//   gsoap-bench-server PORT        prints "LISTENING <port>" once bound to 127.0.0.1
//
// Single-threaded on purpose: one accept/serve loop, as the reference figure was measured.
// Keep-alive is on, so a connection is served until the client closes it or gSOAP's
// max_keep_alive (100 requests, SOAP_MAXKEEPALIVE) ends it; the others wait in the backlog.

#include <cstdio>
#include <cstdlib>

#include "soapAccountManagementServiceSoapService.h"
#include "AccountManagementServiceSoap.nsmap"  // the global namespaces[] libgsoap++ refers to

namespace {

// The SOAP 1.1 service class serves both bindings (same body elements, gSOAP reads the version
// from the envelope). Its dispatch() re-runs the initializer after the request was read, which
// resets soap->version to the namespace table's first entry (SOAP 1.2): a 1.1 request would be
// answered half in 1.2 (interop QUIRKS.md 16). Re-applying the request's version fixes that.
class Ams : public AccountManagementServiceSoapService {
 public:
  using AccountManagementServiceSoapService::AccountManagementServiceSoapService;

  void AccountManagementServiceSoapService_init(soap_mode imode, soap_mode omode) override {
    short version = soap->version;
    AccountManagementServiceSoapService::AccountManagementServiceSoapService_init(imode, omode);
    if (version == 1 || version == 2)
      soap_set_version(soap, version);
  }

  int ChangeBackupAccountEmail(_ams__ChangeBackupAccountEmail *in,
                               _ams__ChangeBackupAccountEmailResponse &out) override {
    bool complete = soap->header && soap->header->ams__AuthHeader_ && in && in->request;
    soap->header = nullptr;  // else gSOAP echoes the request's AuthHeader in the answer
    if (!complete)
      return soap_sender_fault(soap, "AuthHeader and request are required", nullptr);
    out.ChangeBackupAccountEmailResult = soap_new_ams__ChangeBackupAccountEmailResponse(soap);
    out.ChangeBackupAccountEmailResult->Result = const_cast<char *>("");  // <Result/>
    return SOAP_OK;
  }
};

}  // namespace

int main(int argc, char **argv) {
  int port = argc == 2 ? std::atoi(argv[1]) : 0;
  if (port <= 0) {
    std::fprintf(stderr, "usage: %s PORT\n", argv[0]);
    return 2;
  }
  // SOAP_C_UTFSTRING: strings are UTF-8 (gSOAP's default is Latin-1). SOAP_IO_KEEPALIVE:
  // persistent connections (off by default: gSOAP would close after every answer).
  const soap_mode mode = SOAP_C_UTFSTRING | SOAP_IO_KEEPALIVE;
  Ams service(mode);
  struct soap *soap = service.soap;
  soap->bind_flags = SO_REUSEADDR;
  // A stalled client would block the single thread forever: give up on it after 5 s.
  soap->recv_timeout = 5;
  soap->send_timeout = 5;
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", port, 128))) {
    soap_print_fault(soap, stderr);
    return 1;
  }
  std::printf("LISTENING %d\n", port);
  std::fflush(stdout);
  for (;;) {
    if (!soap_valid_socket(soap_accept(soap))) {
      soap_print_fault(soap, stderr);
      continue;
    }
    service.serve();  // the generated keep-alive loop: one request after another
    soap_destroy(soap);
    soap_end(soap);
    soap_force_closesock(soap);
  }
}
