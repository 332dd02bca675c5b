// gsoap-bench: the seed ChangeBackupAccountEmail call's codec in gSOAP 2.8.124, in memory, in
// SOAP 1.1 and 1.2 — the counterpart of tests/bench/benches/codec.rs — then the large
// GetAllAccounts decode, run by gsoap-bench-large (another WSDL, so another generated program)
// in a fresh process per size.
//
//   gsoap-bench [--quick] [--messages DIR] [seed|large]
//
// Every encode/decode is the sequence of calls the soapcpp2-generated proxy (client) or service
// (server) makes, with the transport replaced by memory (harness.h): soap_connect /
// soap_response, which write the HTTP header, become soap_begin_send. The decode inputs are
// messages/*.xml, byte for byte what tests/bench/src/lib.rs decodes (build.sh checks them).

#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "soapAccountManagementServiceSoapProxy.h"
#include "AccountManagementServiceSoap.nsmap"  // the global namespaces[] libgsoap++ refers to

using namespace bench;

namespace {

double min_run_s = 0.5;

// Serialises one envelope as the generated code does: the pointer-marking pass, a counting
// pass when the output mode needs a Content-Length (SOAP_IO_BUFFER, as over a socket), then
// the real pass. `body(soap)` writes the body entry (or the fault).
template <class Body>
bool write_envelope(struct soap *soap, std::string &out, Body body) {
  static_cast<Memory *>(soap->user)->out = &out;
  soap->encodingStyle = NULL;  // literal
  soap_serializeheader(soap);
  if (soap_begin_count(soap))
    return false;
  if ((soap->mode & SOAP_IO_LENGTH) &&
      (soap_envelope_begin_out(soap) || soap_putheader(soap) || soap_body_begin_out(soap) ||
       body(soap) || soap_body_end_out(soap) || soap_envelope_end_out(soap)))
    return false;
  return !(soap_end_count(soap) || soap_begin_send(soap) || soap_envelope_begin_out(soap) ||
           soap_putheader(soap) || soap_body_begin_out(soap) || body(soap) ||
           soap_body_end_out(soap) || soap_envelope_end_out(soap) || soap_end_send(soap));
}

void seed(short version, const std::string &dir) {
  const std::string label = version == 1 ? "seed/soap11/" : "seed/soap12/";
  const std::string v = version == 1 ? "1.1" : "1.2";
  const std::string request = read_file(dir + "/request-" + v + ".xml");
  const std::string response = read_file(dir + "/response-" + v + ".xml");
  const std::string fault = read_file(dir + "/fault-" + v + ".xml");

  // SOAP_C_UTFSTRING: std::string/char* hold UTF-8 (else Latin-1, see the interop QUIRKS.md).
  // SOAP_IO_BUFFER: what soap_begin_send picks by itself for a socket (with our memory sink the
  // default, SOAP_IO_FLUSH, would call fsend for every fragment). Like the default, it makes
  // every encode serialise twice: a counting pass for Content-Length, then the real one.
  // (The one-pass SOAP_IO_STORE cannot be measured this way: its soap_end_send writes the HTTP
  // header itself, in front of the envelope.)
  struct soap *soap = soap_new2(SOAP_C_UTFSTRING, SOAP_C_UTFSTRING | SOAP_IO_BUFFER);
  Memory memory;
  AccountManagementServiceSoapProxy proxy(soap);
  // The generated namespace table lists SOAP 1.2 first (the WSDL has a soap12 binding) and
  // soap_set_version() does not last: soap_begin(), which every generated send_ calls, drops
  // the context's copy of the table and the next write rebuilds it from the 1.2-first original.
  // So the version is chosen as a gSOAP client has to, by the table: the generated one with
  // SOAP-ENV/SOAP-ENC bound to this version only.
  std::vector<Namespace> table(namespaces, namespaces + sizeof namespaces / sizeof *namespaces);
  table[0].ns = version == 1 ? "http://schemas.xmlsoap.org/soap/envelope/" : "http://www.w3.org/2003/05/soap-envelope";
  table[1].ns = version == 1 ? "http://schemas.xmlsoap.org/soap/encoding/" : "http://www.w3.org/2003/05/soap-encoding";
  table[0].in = table[1].in = nullptr;
  soap_set_namespaces(soap, table.data());
  CHECK(soap->version == version, "the namespace table gave SOAP version %d", soap->version);
  use_memory(soap, &memory);

  // The request's values, built once (as the Rust bench builds its values once).
  std::string user_name = "partner-api", password = "s3cr3t-Passw0rd";
  std::string username = "jane.doe", email = "jane.doe@example.com";
  ams__AuthHeader auth;
  auth.UserName = &user_name;
  auth.Password = &password;
  SOAP_ENV__Header header;
  header.ams__AuthHeader_ = &auth;
  ams__ChangeBackupAccountEmailRequest values;
  values.Username = &username;
  values.Email = &email;
  values.SendEmailToCustomer = true;
  _ams__ChangeBackupAccountEmail call;
  call.request = &values;
  __svc__ChangeBackupAccountEmail wrapper;  // the operation's (invisible) wrapper
  wrapper.ams__ChangeBackupAccountEmail = &call;

  ams__ChangeBackupAccountEmailResponse result;
  result.Result = const_cast<char *>("");  // the seed's empty <Result />
  _ams__ChangeBackupAccountEmailResponse answer;
  answer.ChangeBackupAccountEmailResult = &result;

  // Client: proxy.send_ChangeBackupAccountEmail without the connection.
  auto encode_request = [&](std::string &out) {
    soap_begin(soap);
    soap->header = &header;
    soap_serialize___svc__ChangeBackupAccountEmail(soap, &wrapper);
    return write_envelope(soap, out, [&](struct soap *s) {
      return soap_put___svc__ChangeBackupAccountEmail(s, &wrapper, "-svc:ChangeBackupAccountEmail", "");
    });
  };
  // Server: soap_begin_serve, then the generated serve___svc__ChangeBackupAccountEmail's input
  // half. The caller frees with soap_destroy + soap_end, as the serve loop does per request.
  auto decode_request = [&]() -> __svc__ChangeBackupAccountEmail * {
    static __svc__ChangeBackupAccountEmail in;
    feed(soap, request);
    soap_default___svc__ChangeBackupAccountEmail(soap, &in);
    if (soap_begin_recv(soap) || soap_envelope_begin_in(soap) || soap_recv_header(soap) ||
        soap_body_begin_in(soap) ||
        !soap_get___svc__ChangeBackupAccountEmail(soap, &in, "-svc:ChangeBackupAccountEmail", NULL) ||
        soap_body_end_in(soap) || soap_envelope_end_in(soap) || soap_end_recv(soap))
      return nullptr;
    return &in;
  };
  // Server: the output half of serve___svc__ChangeBackupAccountEmail (no header echoed).
  auto encode_response = [&](std::string &out) {
    soap->header = NULL;
    answer.soap_serialize(soap);
    return write_envelope(soap, out, [&](struct soap *s) {
      return answer.soap_put(s, "ams:ChangeBackupAccountEmailResponse", "");
    });
  };
  // Client: the generated proxy.recv_ChangeBackupAccountEmail itself; returns its error code.
  _ams__ChangeBackupAccountEmailResponse received;
  auto decode_response = [&](const std::string &text) {
    feed(soap, text);
    return proxy.recv_ChangeBackupAccountEmail(received);
  };
  // The fault, as a service operation raises it: soap_sender_fault gives Client (1.1) or
  // Sender (1.2) by the context's version; the detail member differs per version. Built once,
  // like the Rust bench's Fault value, in a context of its own that soap_end(soap) leaves alone.
  struct soap *faults = soap_new1(SOAP_C_UTFSTRING);
  soap_set_namespaces(faults, table.data());
  soap_sender_fault(faults, "Invalid AuthHeader credentials", NULL);
  SOAP_ENV__Detail *detail = soap_new_SOAP_ENV__Detail(faults);
  detail->__any = const_cast<char *>("<Reason xmlns=\"sosonlinebackup.com\">bad password</Reason>");
  (version == 2 ? faults->fault->SOAP_ENV__Detail : faults->fault->detail) = detail;
  // Server: soap_send_fault's serialisation of that fault.
  auto encode_fault = [&](std::string &out) {
    soap->header = NULL;
    soap->fault = faults->fault;
    soap_serializefault(soap);
    return write_envelope(soap, out, [](struct soap *s) { return soap_putfault(s); });
  };
  auto release = [&]() {
    soap_destroy(soap);
    soap_end(soap);
  };

  // --- Check every operation once, fully, before timing it. ---
  // An encode writes one envelope and nothing else (no HTTP header, nothing after it).
  auto envelope_only = [](const std::string &out) {
    size_t end = out.rfind("</SOAP-ENV:Envelope>");
    return out.compare(0, 6, "<?xml ") == 0 && end != std::string::npos &&
           out.find_first_not_of("\r\n", end + 20) == std::string::npos;
  };
  std::string out;
  CHECK(encode_request(out), "encode_request: error %d", soap->error);
  CHECK(envelope_only(out) && out.find("<ams:Username>jane.doe</ams:Username>") != std::string::npos &&
            out.find("<ams:Password>s3cr3t-Passw0rd</ams:Password>") != std::string::npos &&
            out.find(version == 1 ? "\"http://schemas.xmlsoap.org/soap/envelope/\""
                                  : "\"http://www.w3.org/2003/05/soap-envelope\"") != std::string::npos,
        "encode_request wrote %s", out.c_str());
  std::fprintf(stderr, "[%s encode_request, %zu bytes] %s\n", v.c_str(), out.size(), out.c_str());

  __svc__ChangeBackupAccountEmail *in = decode_request();
  CHECK(in, "decode_request: error %d", soap->error);
  CHECK(soap->version == version, "decode_request read SOAP version %d", soap->version);
  ams__AuthHeader *got_auth = soap->header ? soap->header->ams__AuthHeader_ : nullptr;
  CHECK(got_auth && got_auth->UserName && *got_auth->UserName == user_name && got_auth->Password &&
            *got_auth->Password == password, "decode_request: AuthHeader not decoded");
  ams__ChangeBackupAccountEmailRequest *got = in->ams__ChangeBackupAccountEmail
                                                  ? in->ams__ChangeBackupAccountEmail->request
                                                  : nullptr;
  CHECK(got && got->Username && *got->Username == username && got->Email &&
            *got->Email == email && got->SendEmailToCustomer,
        "decode_request: request values not decoded");
  release();

  out.clear();
  CHECK(encode_response(out), "encode_response: error %d", soap->error);
  CHECK(envelope_only(out) && out.find("ChangeBackupAccountEmailResult><ams:Result") != std::string::npos,
        "encode_response wrote %s", out.c_str());
  std::fprintf(stderr, "[%s encode_response, %zu bytes] %s\n", v.c_str(), out.size(), out.c_str());

  int err = decode_response(response);
  CHECK(err == SOAP_OK, "decode_response: error %d", err);
  CHECK(received.ChangeBackupAccountEmailResult && received.ChangeBackupAccountEmailResult->Result &&
            !std::strcmp(received.ChangeBackupAccountEmailResult->Result, ""),
        "decode_response: ChangeBackupAccountEmailResult/Result not decoded as empty");
  release();

  out.clear();
  CHECK(encode_fault(out), "encode_fault: error %d", soap->error);
  CHECK(envelope_only(out) &&
            out.find(version == 1 ? "<faultcode>SOAP-ENV:Client</faultcode>"
                              : "<SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>") != std::string::npos &&
            out.find("Invalid AuthHeader credentials") != std::string::npos &&
            out.find("bad password</Reason>") != std::string::npos,
        "encode_fault wrote %s", out.c_str());
  std::fprintf(stderr, "[%s encode_fault, %zu bytes] %s\n", v.c_str(), out.size(), out.c_str());

  // A received fault is not an error of the decode: the proxy returns a fault code with
  // soap->fault filled in. Which code is a quirk: SOAP_CLI_FAULT only if the message uses
  // gSOAP's own prefix SOAP-ENV; with .NET's `soap`/`soap12` prefix (as here) the same
  // Client code, read back as "SOAP-ENV:Client", gives SOAP_FAULT. The code text is checked.
  err = decode_response(fault);
  const char *code = *soap_faultcode(soap), *detail_text = soap_fault_detail(soap);
  CHECK((err == SOAP_FAULT || err == SOAP_CLI_FAULT) && code &&
            !std::strcmp(code, version == 1 ? "SOAP-ENV:Client" : "SOAP-ENV:Sender") &&
            soap_fault_string(soap) && !std::strcmp(soap_fault_string(soap), "Invalid AuthHeader credentials") &&
            detail_text && !std::strcmp(detail_text, "<Reason xmlns=\"sosonlinebackup.com\">bad password</Reason>"),
        "decode_fault: error %d, code %s, string %s, detail %s", err, code, soap_fault_string(soap),
        detail_text ? detail_text : "(null)");
  release();

  // --- Time them. Each encode writes a fresh string, as the Rust encoders return one, and
  // ends with soap_destroy + soap_end, as a gSOAP client or server does after every message:
  // serialising allocates in the context (pointer table, QName texts), which would pile up.
  auto fresh = [&](auto encode) {
    return [encode, release]() {
      std::string s;
      s.reserve(1024);
      bool ok = encode(s) && !s.empty();
      release();
      return ok;
    };
  };
  report(label + "encode_request", time_ns(fresh(encode_request), min_run_s), "ns");
  report(label + "decode_request", time_ns([&] {
           auto *r = decode_request();
           bool ok = r && r->ams__ChangeBackupAccountEmail && soap->header;
           release();
           return ok;
         }, min_run_s), "ns");
  report(label + "encode_response", time_ns(fresh(encode_response), min_run_s), "ns");
  report(label + "decode_response", time_ns([&] {
           bool ok = decode_response(response) == SOAP_OK && received.ChangeBackupAccountEmailResult;
           release();
           return ok;
         }, min_run_s), "ns");
  report(label + "encode_fault", time_ns(fresh(encode_fault), min_run_s), "ns");
  report(label + "decode_fault", time_ns([&] {
           int e = decode_response(fault);
           bool ok = (e == SOAP_FAULT || e == SOAP_CLI_FAULT) && soap->fault;
           release();
           return ok;
         }, min_run_s), "ns");
  soap_free(faults);
  soap_free(soap);
}

// The large decode runs in gsoap-bench-large (time) and gsoap-bench-large-mem (peak heap),
// next to this binary, in a fresh process per size and measure.
void large(bool quick, const std::string &dir) {
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  CHECK(n > 0, "readlink /proc/self/exe");
  self[n] = '\0';
  const std::string bin = std::string(self).substr(0, std::string(self).rfind('/'));
  const std::string reference = dir + "/large-2.xml";
  for (const char *count : {"1000", "10000", "100000"}) {
    std::vector<std::vector<std::string>> runs = {
        {bin + "/gsoap-bench-large", count, "--reference", reference},
        {bin + "/gsoap-bench-large-mem", count}};
    if (quick)
      runs[0].push_back("--quick");
    for (const auto &run : runs) {
      std::vector<char *> args;
      for (const auto &a : run)
        args.push_back(const_cast<char *>(a.c_str()));
      args.push_back(nullptr);
      std::fflush(stdout);
      pid_t pid = fork();
      if (pid == 0) {
        execv(args[0], args.data());
        _exit(127);
      }
      int status = 0;
      waitpid(pid, &status, 0);
      CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s %s failed (status %d)", args[0], count, status);
    }
  }
}

}  // namespace

int main(int argc, char **argv) {
  std::string dir = BENCH_MESSAGES_DIR, only;
  bool quick = false;
  for (int i = 1; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--quick")
      quick = true, min_run_s = 0.05;
    else if (arg == "--messages" && i + 1 < argc)
      dir = argv[++i];
    else if (arg == "seed" || arg == "large")
      only = arg;
    else {
      std::fprintf(stderr, "usage: %s [--quick] [--messages DIR] [seed|large]\n", argv[0]);
      return 2;
    }
  }
  if (only != "large") {
    seed(1, dir);
    seed(2, dir);
  }
  if (only != "seed")
    large(quick, dir);
  return 0;
}
