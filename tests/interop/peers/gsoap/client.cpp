// gSOAP client of the interop suite: runs every case of tests/interop/CONTRACT.md against
// BASE/ams, BASE/round4 and BASE/faults through the WSDL bindings of the requested SOAP version
// and prints one RESULT line per case. A failing case never stops the others.
//
//   gsoap-client --soap 1.1|1.2 --base http://127.0.0.1:PORT

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "soapAccountManagementServiceSoap12Proxy.h"
#include "soapAccountManagementServiceSoapProxy.h"
#include "soapRound4XSDTestSoap12Proxy.h"
#include "soapRound4XSDTestSoapProxy.h"
#include "soapSimpleDocLitBinding12Proxy.h"
#include "soapSimpleDocLitBindingProxy.h"
#include "AccountManagementServiceSoap.nsmap"  // the global namespaces[] table

namespace {

std::string soap_arg;  // "1.1" or "1.2", as printed in the RESULT lines
int soap_version;      // 1 or 2

// ---- reporting ----------------------------------------------------------------------------

std::string one_line(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

std::string quote(const std::string *s) { return s ? "\"" + one_line(*s) + "\"" : "absent"; }
std::string quote(const std::string &s) { return quote(&s); }

// A case body returns "" when the answer is as expected, otherwise what differed.
void run_case(struct soap *soap, const char *wsdl, const char *id, const std::function<std::string()> &body) {
  soap->header = nullptr;
  std::string problem = body();
  std::printf("RESULT\tgsoap\tpeer-client->soapgen-server\t%s\t%s\t%s\t%s\t%s\n", wsdl, soap_arg.c_str(), id,
              problem.empty() ? "PASS" : "FAIL", problem.empty() ? "-" : one_line(problem).c_str());
  std::fflush(stdout);
  soap_destroy(soap);
  soap_end(soap);
}

std::string fault_code(struct soap *soap) {
  const char **code = soap_faultcode(soap);
  return code && *code ? *code : "(none)";
}

std::string fault_text(struct soap *soap) {
  const char *text = soap_fault_string(soap);
  return text ? text : "(none)";
}

// gSOAP returns a received fault as SOAP_CLI_FAULT (Client/Sender code), SOAP_SVR_FAULT
// (Server/Receiver) or SOAP_FAULT (any other code).
bool received_fault(int rc) { return rc == SOAP_FAULT || rc == SOAP_CLI_FAULT || rc == SOAP_SVR_FAULT; }

// What went wrong with a call that should have succeeded.
std::string call_failed(struct soap *soap) {
  if (received_fault(soap->error))
    return "unexpected fault " + fault_code(soap) + ": " + fault_text(soap);
  char message[1024];
  soap_sprint_fault(soap, message, sizeof message);  // several lines: code, string, detail
  std::string text;
  for (const char *c = message; *c; ++c)
    if (*c != '\n')
      text += *c;
    else if (c[1])
      text += " | ";
  return "call failed (gSOAP error " + std::to_string(soap->error) + "): " + text;
}

template <class T>
std::string differs(const char *what, const T &expected, const T &got) {
  if (expected == got)
    return "";
  return std::string(what) + ": expected " + std::to_string(expected) + ", got " + std::to_string(got);
}

std::string differs(const char *what, const std::string &expected, const std::string *got) {
  if (got && *got == expected)
    return "";
  return std::string(what) + ": expected " + quote(expected) + ", got " + quote(got);
}

std::string differs_float(const char *what, float expected, float got) {
  if (expected == got)
    return "";
  char text[128];
  std::snprintf(text, sizeof text, "%s: expected %.9g, got %.9g", what, expected, got);
  return text;
}

// Fault code (local name, in the envelope namespace of the version used) and text; the detail
// is checked by the caller. The client's namespace table maps only that envelope namespace to
// the SOAP-ENV prefix (see run_all), so a code in any other namespace reads as "URI":local and
// does not match.
std::string check_fault(struct soap *soap, int rc, const char *code11, const char *code12, const std::string &text) {
  if (rc == SOAP_OK)
    return "expected a fault, got a normal answer";
  if (!received_fault(rc))
    return call_failed(soap);
  std::string expected_code = std::string("SOAP-ENV:") + (soap_version == 2 ? code12 : code11);
  if (fault_code(soap) != expected_code)
    return "fault code: expected " + expected_code + ", got " + fault_code(soap);
  if (fault_text(soap) != text)
    return "fault text: expected " + quote(text) + ", got " + quote(fault_text(soap));
  return "";
}

SOAP_ENV__Detail *fault_detail(struct soap *soap) {
  return soap_version == 2 ? soap->fault->SOAP_ENV__Detail : soap->fault->detail;
}

// ---- values -------------------------------------------------------------------------------

std::string *managed_string(struct soap *soap, const std::string &value) {
  std::string *s = soap_new_std__string(soap);
  *s = value;
  return s;
}

void set_auth_header(struct soap *soap, const char *user, const char *password) {
  soap->header = soap_new_SOAP_ENV__Header(soap);
  soap->header->ams__AuthHeader_ = soap_new_ams__AuthHeader(soap);
  soap->header->ams__AuthHeader_->UserName = managed_string(soap, user);
  soap->header->ams__AuthHeader_->Password = managed_string(soap, password);
}

// xs:dateTime read by hand: gSOAP's own dateTime type cannot keep a value without a time zone
// (typemap.dat maps xs:dateTime to its lexical string).
struct DateTime {
  long long seconds;  // since 1970-01-01T00:00:00 (UTC when zoned)
  long nanos;
  bool zoned;
};

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

bool parse_datetime(const std::string &text, DateTime &out) {
  int year, month, day, hour, minute, second, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &used) != 6 ||
      used != 19)
    return false;
  const char *p = text.c_str() + used;
  out.nanos = 0;
  if (*p == '.') {
    int digits = 0;
    for (++p; *p >= '0' && *p <= '9'; ++p, ++digits)
      if (digits < 9)
        out.nanos = out.nanos * 10 + (*p - '0');
    if (digits == 0)
      return false;
    for (; digits < 9; ++digits)
      out.nanos *= 10;
  }
  out.seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  out.zoned = *p != '\0';
  if (*p == 'Z') {
    ++p;
  } else if (*p == '+' || *p == '-') {
    int zh, zm;
    if (std::sscanf(p + 1, "%2d:%2d", &zh, &zm) != 2 || std::strlen(p) != 6)
      return false;
    out.seconds -= (*p == '+' ? 1 : -1) * (zh * 3600 + zm * 60);
    p += 6;
  }
  return *p == '\0';
}

std::string check_date(const std::string &sent, const std::string &got) {
  DateTime want, have;
  parse_datetime(sent, want);
  if (!parse_datetime(got, have))
    return "not an xs:dateTime: " + quote(got);
  if (want.zoned != have.zoned)
    return std::string("expected ") + (want.zoned ? "a time zone" : "no time zone") + ", got " + quote(got);
  if (want.seconds != have.seconds || want.nanos != have.nanos)
    return "expected " + sent + (want.zoned ? " (the same instant)" : "") + ", got " + quote(got);
  return "";
}

// xs:decimal compared by value, digit for digit: sign, no leading or trailing zeros.
std::string canonical_decimal(std::string s) {
  std::string sign;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (s[0] == '-')
      sign = "-";
    s.erase(0, 1);
  }
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  if ((whole + fraction).empty() || (whole + fraction).find_first_not_of("0123456789") != std::string::npos)
    return "invalid:" + s;
  whole.erase(0, whole.find_first_not_of('0'));
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (whole.empty())
    whole = "0";
  if (whole == "0" && fraction.empty())
    sign.clear();
  return sign + whole + (fraction.empty() ? "" : "." + fraction);
}

std::string check_bytes(const std::vector<unsigned char> &sent, const unsigned char *ptr, int size) {
  if (size == static_cast<int>(sent.size()) && (size == 0 || std::memcmp(ptr, sent.data(), size) == 0))
    return "";
  return "bytes differ: sent " + std::to_string(sent.size()) + ", got " + std::to_string(size) +
         (size == static_cast<int>(sent.size()) ? " (different content)" : "");
}

// ---- the cases ----------------------------------------------------------------------------

template <class AmsProxy, class Round4Proxy, class FaultsProxy>
void run_all(struct soap *soap, const std::string &base) {
  const std::string ams_url = base + "/ams", round4_url = base + "/round4", faults_url = base + "/faults";
  AmsProxy ams(soap);
  Round4Proxy round4(soap);
  FaultsProxy faults(soap);
  ams.soap_endpoint = ams_url.c_str();
  round4.soap_endpoint = round4_url.c_str();
  faults.soap_endpoint = faults_url.c_str();

  // The generated table maps both envelope namespaces to SOAP-ENV (and gSOAP would read an
  // answer in either version); this client accepts only the version it was asked to test.
  std::vector<Namespace> table;
  for (const Namespace *ns = namespaces; ns->id; ++ns)
    table.push_back(*ns);
  table.push_back(Namespace{nullptr, nullptr, nullptr, nullptr});
  table[0].ns = soap_version == 2 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/";
  table[1].ns = soap_version == 2 ? "http://www.w3.org/2003/05/soap-encoding" : "http://schemas.xmlsoap.org/soap/encoding/";
  table[0].in = table[1].in = nullptr;
  soap_set_namespaces(soap, table.data());  // after the proxies: their constructors set the generated table
  soap_set_version(soap, soap_version);

  // ---- ams ----
  auto authenticate = [&](const std::string *user, const std::string *password, _ams__AuthenticateResponse &out) {
    _ams__Authenticate in;
    in.userName = const_cast<std::string *>(user);
    in.password = const_cast<std::string *>(password);
    return ams.Authenticate(&in, out);
  };
  auto used_space = [&](const std::string &user, _ams__GetAccountUsedSpaceResponse &out) {
    _ams__GetAccountUsedSpace in;
    in.userName = const_cast<std::string *>(&user);
    return ams.GetAccountUsedSpace(&in, out);
  };

  run_case(soap, "ams", "ams.strings", [&]() -> std::string {
    const std::string user = "a<b&c>\"d'e", password = "żółć ✓ 日本 𝄞";
    set_auth_header(soap, "admin", "secret");
    _ams__AuthenticateResponse out;
    if (authenticate(&user, &password, out))
      return call_failed(soap);
    if (out.accountStatus != ams__AccountStatus__Active)
      return "accountStatus: expected Active, got " + std::string(soap_ams__AccountStatus2s(soap, out.accountStatus));
    if (out.AuthenticateResult)
      return "AuthenticateResult: expected absent, got an element";
    return differs("backupServerName", "=" + user + "|=" + password, out.backupServerName);
  });

  run_case(soap, "ams", "ams.empty-absent", [&]() -> std::string {
    const std::string user;
    set_auth_header(soap, "admin", "secret");
    _ams__AuthenticateResponse out;
    if (authenticate(&user, nullptr, out))
      return call_failed(soap);
    return differs("backupServerName", "=|-", out.backupServerName);
  });

  run_case(soap, "ams", "ams.long", [&]() -> std::string {
    for (LONG64 n : {static_cast<LONG64>(INT64_MIN), static_cast<LONG64>(INT64_MAX)}) {
      set_auth_header(soap, "admin", "secret");
      _ams__GetAccountUsedSpaceResponse out;
      if (used_space(std::to_string(n), out))
        return call_failed(soap);
      if (out.usedSpaceInKB != n)
        return differs("usedSpaceInKB", static_cast<long long>(n), static_cast<long long>(out.usedSpaceInKB));
    }
    return "";
  });

  run_case(soap, "ams", "ams.bad-auth", [&]() -> std::string {
    const std::string user = "x", password = "y";
    set_auth_header(soap, "admin", "wrong");
    _ams__AuthenticateResponse out;
    std::string problem = check_fault(soap, authenticate(&user, &password, out), "Client", "Sender",
                                      "Invalid AuthHeader credentials");
    return !problem.empty() ? problem : fault_detail(soap) ? "expected no fault detail, got one" : "";
  });

  run_case(soap, "ams", "ams.not-a-number", [&]() -> std::string {
    set_auth_header(soap, "admin", "secret");
    _ams__GetAccountUsedSpaceResponse out;
    std::string problem = check_fault(soap, used_space("12ab", out), "Client", "Sender", "userName is not a number");
    return !problem.empty() ? problem : fault_detail(soap) ? "expected no fault detail, got one" : "";
  });

  // ---- round4 ----
  auto echo_string = [&](const std::string *value, const char *what) -> std::string {
    _r4__echoString in;
    _r4__echoStringResponse out;
    in.inputString = const_cast<std::string *>(value);
    if (round4.echoString(&in, out))
      return call_failed(soap);
    if (!value)
      return out.return_ ? "return: expected absent, got " + quote(out.return_) : "";
    return differs(what, *value, out.return_);
  };
  run_case(soap, "round4", "round4.string", [&]() {
    const std::string value = "  <&>\"' żółć 日本 𝄞\tend  ";
    return echo_string(&value, "return");
  });
  run_case(soap, "round4", "round4.string-empty", [&]() {
    const std::string value;
    return echo_string(&value, "return (present and empty)");
  });
  run_case(soap, "round4", "round4.string-absent", [&]() { return echo_string(nullptr, "return"); });

  run_case(soap, "round4", "round4.int", [&]() -> std::string {
    for (int value : {INT32_MIN, INT32_MAX}) {
      _r4__echoInteger in;
      _r4__echoIntegerResponse out;
      in.inputInteger = value;
      if (round4.echoInteger(&in, out))
        return call_failed(soap);
      if (out.return_ != value)
        return differs("return", value, out.return_);
    }
    return "";
  });

  run_case(soap, "round4", "round4.float", [&]() -> std::string {
    for (float value : {-1.5f, 123456.75f}) {
      _r4__echoFloat in;
      _r4__echoFloatResponse out;
      in.inputFloat = value;
      if (round4.echoFloat(&in, out))
        return call_failed(soap);
      if (out.return_ != value)
        return differs_float("return", value, out.return_);
    }
    return "";
  });

  run_case(soap, "round4", "round4.decimal", [&]() -> std::string {
    _r4__echoDecimal in;
    _r4__echoDecimalResponse out;
    in.inputDecimal = "-12345678901234567890.123456789";
    if (round4.echoDecimal(&in, out))
      return call_failed(soap);
    if (canonical_decimal(out.return_) != canonical_decimal(in.inputDecimal))
      return "return: expected " + in.inputDecimal + ", got " + quote(out.return_);
    return "";
  });

  run_case(soap, "round4", "round4.bool", [&]() -> std::string {
    for (bool value : {true, false}) {
      _r4__echoBoolean in;
      _r4__echoBooleanResponse out;
      in.inputBoolean = value;
      if (round4.echoBoolean(&in, out))
        return call_failed(soap);
      if (out.return_ != value)
        return std::string("return: expected ") + (value ? "true" : "false") + ", got " + (out.return_ ? "true" : "false");
    }
    return "";
  });

  auto echo_date = [&](const std::string &value) -> std::string {
    _r4__echoDate in;
    _r4__echoDateResponse out;
    in.inputDate = value;
    if (round4.echoDate(&in, out))
      return call_failed(soap);
    return check_date(value, out.return_);
  };
  run_case(soap, "round4", "round4.date-utc", [&]() { return echo_date("2026-11-27T09:30:15.125Z"); });
  run_case(soap, "round4", "round4.date-offset", [&]() { return echo_date("2026-11-27T09:30:15+05:30"); });
  run_case(soap, "round4", "round4.date-local", [&]() { return echo_date("2026-11-27T09:30:15"); });

  run_case(soap, "round4", "round4.base64", [&]() -> std::string {
    std::vector<unsigned char> bytes;
    for (int i = 0; i < 256; ++i)
      bytes.push_back(static_cast<unsigned char>(i));
    xsd__base64Binary value;
    value.__ptr = bytes.data();
    value.__size = static_cast<int>(bytes.size());
    _r4__echoBase64 in;
    _r4__echoBase64Response out;
    in.inputBase64 = &value;
    if (round4.echoBase64(&in, out))
      return call_failed(soap);
    if (!out.return_)
      return "return: expected 256 bytes, got absent";
    return check_bytes(bytes, out.return_->__ptr, out.return_->__size);
  });

  run_case(soap, "round4", "round4.hex", [&]() -> std::string {
    std::vector<unsigned char> bytes = {0x00, 0xff, 0x10, 0xab};
    xsd__hexBinary value;
    value.__ptr = bytes.data();
    value.__size = static_cast<int>(bytes.size());
    _r4__echoHexBinary in;
    _r4__echoHexBinaryResponse out;
    in.inputHexBinary = &value;
    if (round4.echoHexBinary(&in, out))
      return call_failed(soap);
    if (!out.return_)
      return "return: expected 4 bytes, got absent";
    return check_bytes(bytes, out.return_->__ptr, out.return_->__size);
  });

  run_case(soap, "round4", "round4.enum", [&]() -> std::string {
    _r4__echoEnum in;
    _r4__echoEnumResponse out;
    in.inputEnum = r4x__Enum__BitThree;
    if (round4.echoEnum(&in, out))
      return call_failed(soap);
    if (out.return_ != r4x__Enum__BitThree)
      return std::string("return: expected BitThree, got ") + soap_r4x__Enum2s(soap, out.return_);
    return "";
  });

  auto check_struct = [](const char *what, const r4x__SOAPComplexType &want, const r4x__SOAPComplexType *got) -> std::string {
    if (!got)
      return std::string(what) + ": expected present, got absent";
    std::string problem = differs((std::string(what) + ".varInt").c_str(), want.varInt, got->varInt);
    if (problem.empty())
      problem = differs((std::string(what) + ".varString").c_str(), *want.varString, got->varString);
    if (problem.empty())
      problem = differs_float((std::string(what) + ".varFloat").c_str(), want.varFloat, got->varFloat);
    return problem;
  };

  run_case(soap, "round4", "round4.struct", [&]() -> std::string {
    std::string text = "x<&>y";
    r4x__SOAPComplexType value;
    value.varInt = -42;
    value.varString = &text;
    value.varFloat = 0.5f;
    _r4__echoComplexType in;
    _r4__echoComplexTypeResponse out;
    in.inputComplexType = &value;
    if (round4.echoComplexType(&in, out))
      return call_failed(soap);
    return check_struct("return", value, out.return_);
  });

  run_case(soap, "round4", "round4.nested", [&]() -> std::string {
    std::string outer = "outer", inner_text = "inner";
    r4x__SOAPComplexType inner;
    inner.varInt = 2;
    inner.varString = &inner_text;
    inner.varFloat = 2.5f;
    r4x__SOAPComplexTypeComplexType value;
    value.varString = &outer;
    value.varInt = 1;
    value.varFloat = 1.5f;
    value.varComplexType = &inner;
    _r4__echoNestedComplexType in;
    _r4__echoNestedComplexTypeResponse out;
    in.inputComplexType = &value;
    if (round4.echoNestedComplexType(&in, out))
      return call_failed(soap);
    const r4x__SOAPComplexTypeComplexType *got = out.return_;
    if (!got)
      return "return: expected present, got absent";
    std::string problem = differs("return.varString", outer, got->varString);
    if (problem.empty())
      problem = differs("return.varInt", 1, got->varInt);
    if (problem.empty())
      problem = differs_float("return.varFloat", 1.5f, got->varFloat);
    if (problem.empty())
      problem = check_struct("return.varComplexType", inner, got->varComplexType);
    return problem;
  });

  run_case(soap, "round4", "round4.nil", [&]() -> std::string {
    std::string a = "a", empty, u = "ü";
    bool nil = true;
    r4x__ArrayOfString items;
    items.string.resize(4);  // r4x__NillableString: see setup.sh
    items.string[0].__item = &a;
    items.string[1].xsi__nil = &nil;
    items.string[2].__item = &empty;
    items.string[3].__item = &u;
    r4x__SOAPMultiOccursComplexType value;
    value.varInt = 7;
    value.varFloat = 2.5f;
    value.varMultiOccurs = &items;
    _r4__echoNestedMultiOccurs in;
    _r4__echoNestedMultiOccursResponse out;
    in.inputComplexType = &value;
    if (round4.echoNestedMultiOccurs(&in, out))
      return call_failed(soap);
    const r4x__SOAPMultiOccursComplexType *got = out.return_;
    if (!got)
      return "return: expected present, got absent";
    if (got->varString)
      return "return.varString: expected absent, got " + quote(got->varString);
    std::string problem = differs("return.varInt", 7, got->varInt);
    if (problem.empty())
      problem = differs_float("return.varFloat", 2.5f, got->varFloat);
    if (!problem.empty())
      return problem;
    if (!got->varMultiOccurs)
      return "return.varMultiOccurs: expected 4 items, got absent";
    const std::vector<r4x__NillableString> &list = got->varMultiOccurs->string;
    if (list.size() != 4)
      return "return.varMultiOccurs: expected 4 items, got " + std::to_string(list.size());
    if (list[1].__item || !list[1].xsi__nil || !*list[1].xsi__nil)
      return "return.varMultiOccurs[1]: expected xsi:nil=\"true\", got " + quote(list[1].__item);
    for (int i : {0, 2, 3})
      if (list[i].xsi__nil && *list[i].xsi__nil)
        return "return.varMultiOccurs[" + std::to_string(i) + "]: expected a value, got xsi:nil";
    problem = differs("return.varMultiOccurs[0]", a, list[0].__item);
    if (problem.empty())
      problem = differs("return.varMultiOccurs[2] (present and empty)", empty, list[2].__item);
    if (problem.empty())
      problem = differs("return.varMultiOccurs[3]", u, list[3].__item);
    return problem;
  });

  run_case(soap, "round4", "round4.long-array", [&]() -> std::string {
    r4__ArrayOfInt values;
    for (int i = 0; i < 10000; ++i)
      values.int_.push_back(i * 7919 - 5000000);
    _r4__echoIntegerMultiOccurs in;
    _r4__echoIntegerMultiOccursResponse out;
    in.inputIntegerMultiOccurs = &values;
    if (round4.echoIntegerMultiOccurs(&in, out))
      return call_failed(soap);
    if (out.return_.size() != values.int_.size())
      return "return: expected 10000 items, got " + std::to_string(out.return_.size());
    for (size_t i = 0; i < values.int_.size(); ++i)
      if (out.return_[i] != values.int_[i])
        return differs(("return[" + std::to_string(i) + "]").c_str(), values.int_[i], out.return_[i]);
    return "";
  });

  run_case(soap, "round4", "round4.string-array", [&]() -> std::string {
    std::vector<std::string> sent = {"x", "", "<&>"};
    r4__ArrayOfString values;
    values.string.resize(sent.size());
    for (size_t i = 0; i < sent.size(); ++i)
      values.string[i].__item = &sent[i];
    _r4__echoStringMultiOccurs in;
    _r4__echoStringMultiOccursResponse out;
    in.inputStringMultiOccurs = &values;
    if (round4.echoStringMultiOccurs(&in, out))
      return call_failed(soap);
    if (out.return_.size() != sent.size())
      return "return: expected 3 items, got " + std::to_string(out.return_.size());
    for (size_t i = 0; i < sent.size(); ++i)
      if (out.return_[i] != sent[i])
        return "return[" + std::to_string(i) + "]: expected " + quote(sent[i]) + ", got " + quote(out.return_[i]);
    return "";
  });

  run_case(soap, "round4", "round4.choice", [&]() -> std::string {
    std::string picked = "picked";
    r4x__ChoiceComplexType value;
    value.__union_ChoiceComplexType = SOAP_UNION__r4x__union_ChoiceComplexType_name1;
    value.union_ChoiceComplexType.name1 = &picked;
    _r4__echoChoice in;
    _r4__echoChoiceResponse out;
    in.inputChoice = &value;
    if (round4.echoChoice(&in, out))
      return call_failed(soap);
    if (!out.return_)
      return "return: expected present, got absent";
    if (out.return_->__union_ChoiceComplexType != SOAP_UNION__r4x__union_ChoiceComplexType_name1)
      return "return: expected the name1 choice, got " +
             std::string(out.return_->__union_ChoiceComplexType == SOAP_UNION__r4x__union_ChoiceComplexType_name0 ? "name0" : "neither");
    return differs("return.name1", picked, out.return_->union_ChoiceComplexType.name1);
  });

  run_case(soap, "round4", "round4.void", [&]() -> std::string {
    _r4__echoVoid in;
    _r4__echoVoidResponse out;
    return round4.echoVoid(&in, out) ? call_failed(soap) : "";
  });

  // ---- faults ----
  run_case(soap, "faults", "faults.string", [&]() -> std::string {
    const std::string value = "boom <&> ü";
    _fr__echoStringFaultResponse out;
    std::string problem = check_fault(soap, faults.echoStringFault(value, out), "Server", "Receiver",
                                      "Fault in response to 'echoStringFault'.");
    if (!problem.empty())
      return problem;
    SOAP_ENV__Detail *detail = fault_detail(soap);
    return differs("detail StringPart", value, detail ? detail->fp__StringPart : nullptr);
  });

  run_case(soap, "faults", "faults.int-array", [&]() -> std::string {
    ft__ArrayOfInt values;
    values.value = {1, -2, 2147483647};
    _fr__echoIntArrayFaultResponse out;
    std::string problem = check_fault(soap, faults.echoIntArrayFault(&values, out), "Server", "Receiver",
                                      "Fault in response to 'echoIntArrayFault'.");
    if (!problem.empty())
      return problem;
    SOAP_ENV__Detail *detail = fault_detail(soap);
    if (!detail || !detail->fp__ArrayOfIntPart)
      return "detail ArrayOfIntPart: expected 1, -2, 2147483647, got absent";
    const std::vector<int> &got = detail->fp__ArrayOfIntPart->value;
    if (got != values.value) {
      std::string list;
      for (int v : got)
        list += (list.empty() ? "" : ", ") + std::to_string(v);
      return "detail ArrayOfIntPart: expected 1, -2, 2147483647, got [" + list + "]";
    }
    return "";
  });

  run_case(soap, "faults", "faults.empty", [&]() -> std::string {
    _fr__echoEmptyFaultRequest in;
    _fr__echoEmptyFaultResponse out;
    std::string problem = check_fault(soap, faults.echoEmptyFault(&in, out), "Server", "Receiver",
                                      "Fault in response to 'echoEmptyFault'.");
    if (!problem.empty())
      return problem;
    SOAP_ENV__Detail *detail = fault_detail(soap);
    return detail && detail->fp__EmptyPart ? "" : "detail EmptyPart: expected present, got absent";
  });
}

}  // namespace

int main(int argc, char **argv) {
  std::string base;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--soap"))
      soap_arg = argv[i + 1];
    else if (!std::strcmp(argv[i], "--base"))
      base = argv[i + 1];
  }
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  if ((soap_arg != "1.1" && soap_arg != "1.2") || base.empty()) {
    std::fprintf(stderr, "usage: %s --soap 1.1|1.2 --base http://127.0.0.1:PORT\n", argv[0]);
    return 2;
  }
  soap_version = soap_arg == "1.2" ? 2 : 1;
  // SOAP_C_UTFSTRING: std::string holds UTF-8 as is (without it gSOAP treats the bytes of a
  // std::string as Latin-1 and re-encodes them). SOAP_IO_KEEPALIVE: reuse the connection.
  const soap_mode mode = SOAP_C_UTFSTRING | SOAP_IO_KEEPALIVE;
  struct soap *soap = soap_new2(mode, mode);
  soap->connect_timeout = 10;
  soap->recv_timeout = 30;
  soap->send_timeout = 30;
  if (soap_version == 2)
    run_all<AccountManagementServiceSoap12Proxy, Round4XSDTestSoap12Proxy, SimpleDocLitBinding12Proxy>(soap, base);
  else
    run_all<AccountManagementServiceSoapProxy, Round4XSDTestSoapProxy, SimpleDocLitBindingProxy>(soap, base);
  soap_destroy(soap);
  soap_end(soap);
  soap_free(soap);
  return 0;
}
