'use strict';
// node-soap server for the interop contract (tests/interop/CONTRACT.md): /ams, /round4 and /faults
// on 127.0.0.1, SOAP 1.1 and 1.2 on the same path.
//
// node-soap picks the response envelope version per WSDL object (wsdl.options.forceSoap12Headers),
// not per request, so each WSDL gets two serverless instances (createServerless) and our own
// http server routes each request to the one of its version (by Content-Type). That also lets us
// send a correct response Content-Type: node-soap copies the request's (action included).

const fs = require('fs');
const http = require('http');
const path = require('path');
const soap = require('soap');
const { XSI, wsdlOptions, xmlText } = require('./common');

const PART_NS = 'http://soapinterop.org/types/part';

function parseArgs(argv) {
  const args = { soap: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--port') args.port = Number(v);
    else if (k === '--wsdl-dir') args.wsdlDir = v;
    else if (k === '--soap') args.soap = v;
    else throw new Error(`unknown argument ${k}`);
  }
  if (!Number.isInteger(args.port) || !args.wsdlDir) throw new Error('usage: server.js --port P --wsdl-dir DIR [--soap 1.1|1.2]');
  return args;
}

// A fault in the shape node-soap's server serialises: `faultcode` selects the 1.1 layout,
// otherwise Code/Reason/Detail (prefixed with the envelope prefix) for 1.2. The "soap" prefix is
// node-soap's envelope prefix, so the code's namespace is the envelope's. The detail is raw XML
// ($xml): node-soap gives its own envelope prefix to every child of a 1.2 Fault, which would put
// the unqualified <value> items of ArrayOfIntPart into the envelope namespace. statusCode is not
// optional: without it node-soap sends the fault with HTTP 200. xml:lang on the 1.2 Text is
// required by SOAP 1.2 and node-soap does not add it.
function fault(version, who, text, detailXml) {
  const detail = detailXml === undefined ? undefined : { $xml: detailXml };
  if (version === '1.1') {
    return { Fault: { faultcode: `soap:${who}`, faultstring: text, detail, statusCode: 500 } };
  }
  const code = who === 'Client' ? 'Sender' : 'Receiver';
  return {
    Fault: {
      Code: { Value: `soap:${code}` },
      Reason: { Text: { attributes: { 'xml:lang': 'en' }, $value: text } },
      Detail: detail,
      // SOAP 1.2 HTTP binding: Sender faults are 400, the rest 500.
      statusCode: code === 'Sender' ? 400 : 500,
    },
  };
}

// Echoed values may hold nulls (xsi:nil in the request, see handleNilAsNull). node-soap writes a
// null item of an array with no xsi:nil at all, and a null field as xsi:nil without declaring the
// xsi prefix (its server envelope never does), so nil is spelled out as attributes.
function withNils(value) {
  if (value === null) return { attributes: { 'xsi:nil': 'true', 'xmlns:xsi': XSI } };
  if (Array.isArray(value)) return value.map(withNils);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNils(v)]));
  }
  return value;
}

function ams(version) {
  const checkAuth = (headers) => {
    const h = headers && headers.AuthHeader;
    if (!h || h.UserName !== 'admin' || h.Password !== 'secret') {
      throw fault(version, 'Client', 'Invalid AuthHeader credentials');
    }
  };
  const show = (s) => (s === undefined || s === null ? '-' : `=${s}`);
  return {
    Authenticate(args, _cb, headers) {
      checkAuth(headers);
      const a = args || {};
      return { accountStatus: 'Active', backupServerName: `${show(a.userName)}|${show(a.password)}` };
    },
    GetAccountUsedSpace(args, _cb, headers) {
      checkAuth(headers);
      const s = (args || {}).userName;
      const n = typeof s === 'string' && /^[+-]?[0-9]+$/.test(s) ? BigInt(s) : null;
      if (n === null || n < -(2n ** 63n) || n >= 2n ** 63n) {
        throw fault(version, 'Client', 'userName is not a number');
      }
      return { usedSpaceInKB: n.toString() };
    },
  };
}

// node-soap's server serialises a response without the output element's schema, so the children
// of a complex type from another schema (SOAPComplexType & co. live in http://soapinterop.org/xsd,
// their <return> in http://soapinterop.org/) get the parent's prefix. Its documented way out:
// prefix the keys ("s1:varInt"); the WSDL's prefixes are declared on node-soap's envelope.
function qualify(value, prefix) {
  if (Array.isArray(value)) return value.map((v) => qualify(v, prefix));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) =>
    k === 'attributes' || k === '$value' ? [k, v] : [`${prefix}:${k}`, qualify(v, prefix)]));
}

function round4(_version, wsdl) {
  const xmlns = wsdl.definitions.xmlns;
  const xsdPrefix = Object.keys(xmlns).find((p) => xmlns[p] === 'http://soapinterop.org/xsd');
  // echoX(inputX) -> return; an absent input gives an absent return.
  const echo = (input, { items, complex } = {}) => (args) => {
    let v = args ? args[input] : undefined;
    if (items && v) v = v[items]; // ArrayOfInt/ArrayOfString wrapper -> repeated <return>
    if (complex) v = qualify(v, xsdPrefix);
    return v === undefined ? {} : { return: withNils(v) };
  };
  return {
    echoVoid: () => ({}),
    echoString: echo('inputString'),
    echoInteger: echo('inputInteger'),
    echoFloat: echo('inputFloat'),
    echoDecimal: echo('inputDecimal'),
    echoBoolean: echo('inputBoolean'),
    echoDate: echo('inputDate'),
    echoBase64: echo('inputBase64'),
    echoHexBinary: echo('inputHexBinary'),
    echoEnum: echo('inputEnum'),
    echoComplexType: echo('inputComplexType', { complex: true }),
    echoNestedComplexType: echo('inputComplexType', { complex: true }),
    echoNestedMultiOccurs: echo('inputComplexType', { complex: true }),
    echoChoice: echo('inputChoice', { complex: true }),
    echoIntegerMultiOccurs: echo('inputIntegerMultiOccurs', { items: 'int' }),
    echoStringMultiOccurs: echo('inputStringMultiOccurs', { items: 'string' }),
  };
}

function faults(version) {
  const fail = (op, detailXml) => {
    throw fault(version, 'Server', `Fault in response to '${op}'.`, detailXml);
  };
  const part = (name, inner) => `<p:${name} xmlns:p="${PART_NS}">${inner}</p:${name}>`;
  return {
    echoStringFault: (s) => fail('echoStringFault', part('StringPart', xmlText(s ?? ''))),
    echoIntArrayFault: (a) => {
      const items = [].concat((a && a.value) ?? []);
      fail('echoIntArrayFault', part('ArrayOfIntPart', items.map((i) => `<value>${i}</value>`).join('')));
    },
    echoEmptyFault: () => fail('echoEmptyFault', part('EmptyPart', '')),
  };
}

// path -> WSDL file, its service and port names (node-soap looks methods up by them; it binds a
// request to the port whose address path matches, else to the first port), implementation.
const SITES = {
  '/ams': { wsdl: 'ams.wsdl', service: 'AccountManagementService', ports: ['AccountManagementServiceSoap', 'AccountManagementServiceSoap12'], impl: ams },
  '/round4': { wsdl: 'round4.wsdl', service: 'Round4XSDTest', ports: ['Round4XSDTestSoap', 'Round4XSDTestSoap12'], impl: round4 },
  // All faults operations share one soapAction; node-soap dispatches on SOAPAction first and
  // would pick the first operation, so this site drops the header and dispatches on the body.
  '/faults': { wsdl: 'faults.wsdl', service: 'SimpleDocLitService', ports: ['SimpleDocLitPort', 'SimpleDocLitBinding12'], impl: faults, dropSoapAction: true },
};

async function instance(xml, site, version) {
  // Filled once the WSDL is parsed (round4 needs its prefixes); node-soap keeps this object.
  const services = { [site.service]: {} };
  const server = await new Promise((resolve, reject) => {
    soap.listen(null, {
      path: '/', services, xml, ...wsdlOptions, forceSoap12Headers: version === '1.2',
      callback: (err, s) => (err ? reject(err) : resolve(s)),
    });
  });
  // The WSDL object ignores preserveWhitespace (only the client copies it over).
  server.wsdl.options.preserveWhitespace = true;
  const methods = site.impl(version, server.wsdl);
  for (const p of site.ports) services[site.service][p] = methods;
  return server;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const versions = args.soap ? [args.soap] : ['1.1', '1.2'];
  const routes = {};
  for (const [p, site] of Object.entries(SITES)) {
    const xml = fs.readFileSync(path.join(args.wsdlDir, site.wsdl), 'utf8');
    routes[p] = { site };
    for (const v of versions) routes[p][v] = await instance(xml, site, v);
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const route = routes[new URL(req.url, 'http://127.0.0.1').pathname];
      if (req.method !== 'POST' || !route) {
        res.writeHead(404).end();
        return;
      }
      const version = /^\s*application\/soap\+xml/i.test(req.headers['content-type'] || '') ? '1.2' : '1.1';
      if (!route[version]) {
        res.writeHead(415).end(); // --soap restricted this server to the other version
        return;
      }
      const headers = { ...req.headers };
      if (route.site.dropSoapAction) delete headers.soapaction;
      try {
        const out = await route[version].processRequest(Buffer.concat(chunks).toString('utf8'), { url: req.url, headers });
        const type = version === '1.2' ? 'application/soap+xml' : 'text/xml';
        res.writeHead(out.statusCode, { 'Content-Type': `${type}; charset=utf-8` });
        res.end(out.body);
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(e && e.stack));
      }
    });
  });
  server.listen(args.port, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
