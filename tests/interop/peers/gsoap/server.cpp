// gSOAP server of the interop suite: the "Server behaviour" of tests/interop/CONTRACT.md for
// /ams, /round4 and /faults on 127.0.0.1, SOAP 1.1 and 1.2 from one process.
//
// The generated namespace table accepts both envelope namespaces and gSOAP answers in the version
// of the request, so the SOAP 1.1 service class of each WSDL serves both of its bindings (they
// carry the same body elements). The URL path picks the service.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "soapAccountManagementServiceSoapService.h"
#include "soapRound4XSDTestSoapService.h"
#include "soapSimpleDocLitBindingService.h"
#include "AccountManagementServiceSoap.nsmap"  // the global namespaces[] table

namespace {

std::string *managed_string(struct soap *soap, const std::string &value) {
  std::string *s = soap_new_std__string(soap);
  *s = value;
  return s;
}

// The fault detail sits in a different member for each SOAP version.
SOAP_ENV__Detail *fault_detail(struct soap *soap) {
  SOAP_ENV__Detail *detail = soap_new_SOAP_ENV__Detail(soap);
  (soap->version == 2 ? soap->fault->SOAP_ENV__Detail : soap->fault->detail) = detail;
  return detail;
}

// The whole string must be a base-10 int64 (strtoll alone skips leading blanks and stops early).
bool parse_int64(const std::string &text, LONG64 &value) {
  if (text.empty() || !(text[0] == '-' || text[0] == '+' || (text[0] >= '0' && text[0] <= '9')))
    return false;
  char *end = nullptr;
  errno = 0;
  long long parsed = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size())
    return false;
  value = parsed;
  return true;
}

std::string show(const std::string *s) { return s ? "=" + *s : "-"; }

// dispatch() runs the generated initializer again after the request envelope was read. That
// resets the namespace table and, with it, soap->version to the table's first envelope namespace
// (SOAP 1.2 here): a SOAP 1.1 request got a 1.1 envelope with a 1.2 Content-Type and a fault in
// the 1.2 shape. Setting the request's version again keeps the whole answer in that version.
#define KEEP_REQUEST_SOAP_VERSION(Service)                           \
  void Service##_init(soap_mode imode, soap_mode omode) override {  \
    short version = soap->version;                                  \
    Service::Service##_init(imode, omode);                          \
    if (version == 1 || version == 2)                               \
      soap_set_version(soap, version);                              \
  }

class Ams : public AccountManagementServiceSoapService {
 public:
  using AccountManagementServiceSoapService::AccountManagementServiceSoapService;
  KEEP_REQUEST_SOAP_VERSION(AccountManagementServiceSoapService)

  int Authenticate(_ams__Authenticate *in, _ams__AuthenticateResponse &out) override {
    if (!authorized())
      return soap_sender_fault(soap, "Invalid AuthHeader credentials", nullptr);
    out.accountStatus = ams__AccountStatus__Active;
    out.backupServerName = managed_string(soap, show(in->userName) + "|" + show(in->password));
    return SOAP_OK;
  }

  int GetAccountUsedSpace(_ams__GetAccountUsedSpace *in, _ams__GetAccountUsedSpaceResponse &out) override {
    if (!authorized())
      return soap_sender_fault(soap, "Invalid AuthHeader credentials", nullptr);
    if (!in->userName || !parse_int64(*in->userName, out.usedSpaceInKB))
      return soap_sender_fault(soap, "userName is not a number", nullptr);
    return SOAP_OK;
  }

 private:
  bool authorized() {
    ams__AuthHeader *auth = soap->header ? soap->header->ams__AuthHeader_ : nullptr;
    // gSOAP writes soap->header into the response (or fault) too: the answer must not echo it.
    soap->header = nullptr;
    return auth && auth->UserName && *auth->UserName == "admin" && auth->Password &&
           *auth->Password == "secret";
  }
};

// Every echoX returns its input unchanged. Not implemented (answer SOAP_NO_METHOD):
// echoAnyElement and echoVoidSoapHeader, which no contract case uses.
class Round4 : public Round4XSDTestSoapService {
 public:
  using Round4XSDTestSoapService::Round4XSDTestSoapService;
  KEEP_REQUEST_SOAP_VERSION(Round4XSDTestSoapService)

  int echoVoid(_r4__echoVoid *, _r4__echoVoidResponse &) override { return SOAP_OK; }
  int echoInteger(_r4__echoInteger *in, _r4__echoIntegerResponse &out) override {
    out.return_ = in->inputInteger;
    return SOAP_OK;
  }
  int echoFloat(_r4__echoFloat *in, _r4__echoFloatResponse &out) override {
    out.return_ = in->inputFloat;
    return SOAP_OK;
  }
  int echoString(_r4__echoString *in, _r4__echoStringResponse &out) override {
    out.return_ = in->inputString;
    return SOAP_OK;
  }
  int echoBase64(_r4__echoBase64 *in, _r4__echoBase64Response &out) override {
    out.return_ = in->inputBase64;
    return SOAP_OK;
  }
  int echoDate(_r4__echoDate *in, _r4__echoDateResponse &out) override {
    out.return_ = in->inputDate;  // the lexical value (typemap.dat), zone or no zone
    return SOAP_OK;
  }
  int echoComplexType(_r4__echoComplexType *in, _r4__echoComplexTypeResponse &out) override {
    out.return_ = in->inputComplexType;
    return SOAP_OK;
  }
  int echoIntegerMultiOccurs(_r4__echoIntegerMultiOccurs *in, _r4__echoIntegerMultiOccursResponse &out) override {
    if (in->inputIntegerMultiOccurs)
      out.return_ = in->inputIntegerMultiOccurs->int_;
    return SOAP_OK;
  }
  int echoFloatMultiOccurs(_r4__echoFloatMultiOccurs *in, _r4__echoFloatMultiOccursResponse &out) override {
    if (in->inputFloatMultiOccurs)
      out.return_ = in->inputFloatMultiOccurs->float_;
    return SOAP_OK;
  }
  int echoStringMultiOccurs(_r4__echoStringMultiOccurs *in, _r4__echoStringMultiOccursResponse &out) override {
    if (!in->inputStringMultiOccurs)
      return SOAP_OK;
    for (const r4x__NillableString &item : in->inputStringMultiOccurs->string) {
      // The request's items are nillable, the response's `return` items are not.
      if (!item.__item)
        return soap_sender_fault(soap, "a nil item cannot be echoed: return is not nillable", nullptr);
      out.return_.push_back(*item.__item);
    }
    return SOAP_OK;
  }
  int echoComplexTypeMultiOccurs(_r4__echoComplexTypeMultiOccurs *in,
                                 _r4__echoComplexTypeMultiOccursResponse &out) override {
    if (in->inputComplexTypeMultiOccurs)
      out.return_ = in->inputComplexTypeMultiOccurs->r4__SOAPComplexType;
    return SOAP_OK;
  }
  int echoDecimal(_r4__echoDecimal *in, _r4__echoDecimalResponse &out) override {
    out.return_ = in->inputDecimal;  // xsd:decimal is a std::string in gSOAP: digit for digit
    return SOAP_OK;
  }
  int echoBoolean(_r4__echoBoolean *in, _r4__echoBooleanResponse &out) override {
    out.return_ = in->inputBoolean;
    return SOAP_OK;
  }
  int echoHexBinary(_r4__echoHexBinary *in, _r4__echoHexBinaryResponse &out) override {
    out.return_ = in->inputHexBinary;
    return SOAP_OK;
  }
  int echoComplexTypeAsSimpleTypes(_r4__echoComplexTypeAsSimpleTypes *in,
                                   _r4__echoComplexTypeAsSimpleTypesResponse &out) override {
    if (in->inputComplexType) {
      out.outputString = in->inputComplexType->varString;
      out.outputInteger = in->inputComplexType->varInt;
      out.outputFloat = in->inputComplexType->varFloat;
    }
    return SOAP_OK;
  }
  int echoSimpleTypesAsComplexType(_r4__echoSimpleTypesAsComplexType *in,
                                   _r4__echoSimpleTypesAsComplexTypeResponse &out) override {
    out.return_ = soap_new_r4x__SOAPComplexType(soap);
    out.return_->varString = in->inputString;
    out.return_->varInt = in->inputInteger;
    out.return_->varFloat = in->inputFloat;
    return SOAP_OK;
  }
  int echoNestedComplexType(_r4__echoNestedComplexType *in, _r4__echoNestedComplexTypeResponse &out) override {
    out.return_ = in->inputComplexType;
    return SOAP_OK;
  }
  int echoNestedMultiOccurs(_r4__echoNestedMultiOccurs *in, _r4__echoNestedMultiOccursResponse &out) override {
    out.return_ = in->inputComplexType;  // NULL items of varMultiOccurs go out as xsi:nil
    return SOAP_OK;
  }
  int echoChoice(_r4__echoChoice *in, _r4__echoChoiceResponse &out) override {
    out.return_ = in->inputChoice;
    return SOAP_OK;
  }
  int echoEnum(_r4__echoEnum *in, _r4__echoEnumResponse &out) override {
    out.return_ = in->inputEnum;
    return SOAP_OK;
  }
  int echoAnyType(_r4__echoAnyType *in, _r4__echoAnyTypeResponse &out) override {
    out.return_ = in->inputAnyType;  // the content as a literal XML string
    return SOAP_OK;
  }
};

class Faults : public SimpleDocLitBindingService {
 public:
  using SimpleDocLitBindingService::SimpleDocLitBindingService;
  KEEP_REQUEST_SOAP_VERSION(SimpleDocLitBindingService)

  int echoStringFault(const std::string &in, _fr__echoStringFaultResponse &) override {
    soap_receiver_fault(soap, "Fault in response to 'echoStringFault'.", nullptr);
    fault_detail(soap)->fp__StringPart = managed_string(soap, in);
    return SOAP_FAULT;
  }
  int echoIntArrayFault(ft__ArrayOfInt *in, _fr__echoIntArrayFaultResponse &) override {
    soap_receiver_fault(soap, "Fault in response to 'echoIntArrayFault'.", nullptr);
    fault_detail(soap)->fp__ArrayOfIntPart = in ? in : soap_new_ft__ArrayOfInt(soap);
    return SOAP_FAULT;
  }
  int echoEmptyFault(_fr__echoEmptyFaultRequest *, _fr__echoEmptyFaultResponse &) override {
    soap_receiver_fault(soap, "Fault in response to 'echoEmptyFault'.", nullptr);
    fault_detail(soap)->fp__EmptyPart = soap_new__fp__EmptyPart(soap);
    return SOAP_FAULT;
  }
};

// One thread per connection, serving requests until the client closes or stops keep-alive
// (the loop of soapcpp2's generated serve(), with the service chosen by the URL path).
void serve_connection(struct soap *soap) {
  Ams ams(soap);
  Round4 round4(soap);
  Faults faults(soap);
  soap->keep_alive = soap->max_keep_alive + 1;
  do {
    if (soap->keep_alive > 0 && soap->max_keep_alive > 0)
      soap->keep_alive--;
    if (soap_begin_serve(soap)) {  // on a bad request it has sent the fault already
      if (soap->error >= SOAP_STOP)
        continue;
      break;
    }
    std::string path(soap->path);
    path = path.substr(0, path.find('?'));
    int err;
    if (path == "/ams")
      err = ams.dispatch();
    else if (path == "/round4")
      err = round4.dispatch();
    else if (path == "/faults")
      err = faults.dispatch();
    else
      err = soap->error = 404;
    if (err && soap->error < SOAP_STOP) {
      soap_send_fault(soap);
      break;
    }
    soap_destroy(soap);
    soap_end(soap);
  } while (soap->keep_alive);
  soap_destroy(soap);
  soap_end(soap);
  soap_free(soap);
}

}  // namespace

int main(int argc, char **argv) {
  int port = 0;
  for (int i = 1; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--port" && i + 1 < argc)
      port = std::atoi(argv[++i]);
    else if (arg == "--soap" && i + 1 < argc)
      ++i;  // accepted and ignored: both versions are always served
    else {
      port = 0;
      break;
    }
  }
  if (port <= 0) {
    std::fprintf(stderr, "usage: %s --port P [--soap 1.1|1.2]\n", argv[0]);
    return 2;
  }
  // SOAP_C_UTFSTRING: std::string holds UTF-8 as is (without it gSOAP treats the bytes of a
  // std::string as Latin-1 and re-encodes them). SOAP_IO_KEEPALIVE: honour persistent connections.
  const soap_mode mode = SOAP_C_UTFSTRING | SOAP_IO_KEEPALIVE;
  struct soap *soap = soap_new2(mode, mode);
  soap_set_namespaces(soap, namespaces);
  soap->bind_flags = SO_REUSEADDR;
  soap->recv_timeout = 60;  // an idle keep-alive connection ends its thread after a minute
  soap->send_timeout = 60;
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", port, 64))) {
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
    struct soap *connection = soap_copy(soap);
    soap->socket = SOAP_INVALID_SOCKET;  // the connection's context owns (and closes) it now
    if (connection)
      std::thread(serve_connection, connection).detach();
  }
}
