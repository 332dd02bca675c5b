'use strict';
// node-soap client for the interop contract (tests/interop/CONTRACT.md): runs every case against
// BASE/ams, BASE/round4, BASE/faults and prints one RESULT line per case.
//
// SOAP version: node-soap does not derive it from the binding (a soap12 binding still gets a 1.1
// envelope); only the client option forceSoap12Headers switches the envelope namespace and the
// Content-Type (application/soap+xml; action="..."). We set it and also call through the port of
// the Soap12 binding, so the soapAction comes from that binding.

const path = require('path');
const soap = require('soap');
const { DOMParser } = require('@xmldom/xmldom');
const { ENV11, ENV12, wsdlOptions } = require('./common');

const PEER = 'node-soap';
const DIRECTION = 'peer-client->soapgen-server';
const PART_NS = 'http://soapinterop.org/types/part';

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!['1.1', '1.2'].includes(a.soap) || !a.base || !a['wsdl-dir']) {
    throw new Error('usage: client.js --soap 1.1|1.2 --base URL --wsdl-dir DIR');
  }
  return a;
}

// --- checks --------------------------------------------------------------------------------

const show = (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));

function eq(got, want, what) {
  if (show(got) !== show(want)) throw new Error(`${what}: expected ${show(want)}, got ${show(got)}`);
}

function absent(obj, key, what) {
  if (obj && Object.prototype.hasOwnProperty.call(obj, key)) {
    throw new Error(`${what}: expected absent, got ${show(obj[key])}`);
  }
}

// Calls port[op](args) and resolves to node-soap's result object; node-soap rejects on a fault.
function call(port, op, args) {
  return new Promise((resolve, reject) => {
    port[op](args, (err, result, raw) => (err ? reject(err) : resolve({ result, raw })));
  });
}

const elements = (node) => Array.from(node.childNodes).filter((n) => n.nodeType === 1);

// Runs the call, expects a fault and checks it. node-soap reports a fault as an Error whose
// `root` is the parsed envelope: it keeps the code as "prefix:Local" text and drops all
// namespaces, so the code's namespace and the detail element's are read from the raw body (err.body).
async function expectFault(ctx, promise, { code, text, detail }) {
  let err;
  try {
    await promise;
  } catch (e) {
    err = e;
  }
  if (!err || !err.root) throw new Error(`expected a fault, got ${err ? err.message : 'a normal response'}`);
  const f = err.root.Envelope.Body.Fault;
  const doc = new DOMParser().parseFromString(err.body, 'text/xml');
  const fault = doc.getElementsByTagNameNS(ctx.env, 'Fault')[0];
  if (!fault) throw new Error(`no Fault in the ${ctx.env} namespace`);
  const want = ctx.soap === '1.1' ? code : { Client: 'Sender', Server: 'Receiver' }[code];
  let codeNode;
  let gotText;
  let gotDetail;
  if (ctx.soap === '1.1') {
    codeNode = elements(fault).find((n) => n.localName === 'faultcode');
    [gotText, gotDetail] = [f.faultstring, f.detail];
    eq(codeNode && codeNode.textContent, f.faultcode, 'faultcode (node-soap vs raw)');
  } else {
    const c = elements(fault).find((n) => n.localName === 'Code');
    codeNode = c && elements(c).find((n) => n.localName === 'Value');
    const reason = f.Reason && f.Reason.Text;
    gotText = reason && typeof reason === 'object' ? reason.$value : reason;
    gotDetail = f.Detail;
  }
  const qname = (codeNode ? codeNode.textContent : '').trim();
  const [prefix, local] = qname.includes(':') ? qname.split(':') : [null, qname];
  eq(local, want, 'fault code');
  eq(codeNode.lookupNamespaceURI(prefix), ctx.env, `fault code ${qname} namespace`);
  eq(gotText, text, 'fault text');
  if (!detail) {
    if (gotDetail !== undefined) throw new Error(`expected no detail, got ${show(gotDetail)}`);
    return;
  }
  const detailNode = elements(fault).find((n) => n.localName === (ctx.soap === '1.1' ? 'detail' : 'Detail'));
  const entry = detailNode && elements(detailNode)[0];
  eq(entry && `{${entry.namespaceURI}}${entry.localName}`, `{${PART_NS}}${detail.element}`, 'detail element');
  eq(gotDetail && gotDetail[detail.element], detail.value, 'detail content');
  if (detail.items) eq(elements(entry).map((n) => n.namespaceURI || ''), detail.items.map(() => ''), 'detail item namespaces');
}

// --- cases ---------------------------------------------------------------------------------

const AUTH_NS = 'sosonlinebackup.com';
function auth(client, password) {
  client.clearSoapHeaders();
  // An object header is serialised by node-soap (escaping included) under the given namespace.
  client.addSoapHeader({ AuthHeader: { UserName: 'admin', Password: password } }, 'AuthHeader', 'tns', AUTH_NS);
}

const STRING = "  <&>\"' żółć 日本 𝄞\tend  ";
const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

// Every case returns nothing on success and throws on a mismatch.
const CASES = {
  ams: {
    'ams.strings': async (c) => {
      auth(c.client, 'secret');
      const { result } = await call(c.port, 'Authenticate', { userName: 'a<b&c>"d\'e', password: 'żółć ✓ 日本 𝄞' });
      eq(result.accountStatus, 'Active', 'accountStatus');
      eq(result.backupServerName, '=a<b&c>"d\'e|=żółć ✓ 日本 𝄞', 'backupServerName');
      absent(result, 'AuthenticateResult', 'AuthenticateResult');
    },
    'ams.empty-absent': async (c) => {
      auth(c.client, 'secret');
      const { result } = await call(c.port, 'Authenticate', { userName: '' });
      eq(result.backupServerName, '=|-', 'backupServerName');
    },
    'ams.long': async (c) => {
      auth(c.client, 'secret');
      for (const n of ['-9223372036854775808', '9223372036854775807']) {
        const { result } = await call(c.port, 'GetAccountUsedSpace', { userName: n });
        eq(result.usedSpaceInKB, BigInt(n), 'usedSpaceInKB');
      }
    },
    'ams.bad-auth': async (c) => {
      auth(c.client, 'wrong');
      await expectFault(c, call(c.port, 'Authenticate', { userName: 'x', password: 'y' }),
        { code: 'Client', text: 'Invalid AuthHeader credentials' });
    },
    'ams.not-a-number': async (c) => {
      auth(c.client, 'secret');
      await expectFault(c, call(c.port, 'GetAccountUsedSpace', { userName: '12ab' }),
        { code: 'Client', text: 'userName is not a number' });
    },
  },
  round4: {
    'round4.string': async (c) => eq((await echo(c, 'echoString', { inputString: STRING })).return, STRING, 'return'),
    'round4.string-empty': async (c) => eq((await echo(c, 'echoString', { inputString: '' })).return, '', 'return'),
    'round4.string-absent': async (c) => absent(await echo(c, 'echoString', {}), 'return', 'return'),
    'round4.int': async (c) => {
      for (const n of [-2147483648, 2147483647]) eq((await echo(c, 'echoInteger', { inputInteger: n })).return, n, 'return');
    },
    'round4.float': async (c) => {
      for (const n of [-1.5, 123456.75]) eq((await echo(c, 'echoFloat', { inputFloat: n })).return, n, 'return');
    },
    'round4.decimal': async (c) => {
      const d = '-12345678901234567890.123456789';
      eq(canonicalDecimal((await echo(c, 'echoDecimal', { inputDecimal: d })).return), d, 'return');
    },
    'round4.bool': async (c) => {
      for (const b of [true, false]) eq((await echo(c, 'echoBoolean', { inputBoolean: b })).return, b, 'return');
    },
    // Dates go out as strings: a JS Date has no "no time zone" and always serialises as UTC.
    'round4.date-utc': async (c) => sameInstant(c, '2026-11-27T09:30:15.125Z'),
    'round4.date-offset': async (c) => sameInstant(c, '2026-11-27T09:30:15+05:30'),
    'round4.date-local': async (c) => {
      const got = (await echo(c, 'echoDate', { inputDate: '2026-11-27T09:30:15' })).return;
      if (!/^2026-11-27T09:30:15(\.0+)?$/.test(got)) throw new Error(`return: expected 2026-11-27T09:30:15 without a zone, got ${show(got)}`);
    },
    // node-soap has no binary types: base64Binary/hexBinary are plain strings both ways.
    'round4.base64': async (c) => {
      const got = (await echo(c, 'echoBase64', { inputBase64: BYTES.toString('base64') })).return;
      eq(Buffer.from(got, 'base64').toString('hex'), BYTES.toString('hex'), 'return bytes');
    },
    'round4.hex': async (c) => {
      const got = (await echo(c, 'echoHexBinary', { inputHexBinary: '00ff10ab' })).return;
      if (!/^[0-9a-fA-F]*$/.test(got)) throw new Error(`return: not hex: ${show(got)}`);
      eq(got.toLowerCase(), '00ff10ab', 'return bytes');
    },
    'round4.enum': async (c) => eq((await echo(c, 'echoEnum', { inputEnum: 'BitThree' })).return, 'BitThree', 'return'),
    'round4.struct': async (c) => {
      const v = { varInt: -42, varString: 'x<&>y', varFloat: 0.5 };
      eq((await echo(c, 'echoComplexType', { inputComplexType: v })).return, v, 'return');
    },
    'round4.nested': async (c) => {
      const v = { varString: 'outer', varInt: 1, varFloat: 1.5, varComplexType: { varInt: 2, varString: 'inner', varFloat: 2.5 } };
      eq((await echo(c, 'echoNestedComplexType', { inputComplexType: v })).return, v, 'return');
    },
    'round4.nil': async (c) => {
      // node-soap writes xsi:nil only for a null field, never for a null array item: the item
      // carries the attribute itself (the client envelope declares the xsi prefix).
      const nil = { attributes: { 'xsi:nil': 'true' } };
      const v = { varInt: 7, varFloat: 2.5, varMultiOccurs: { string: ['a', nil, '', 'ü'] } };
      const got = (await echo(c, 'echoNestedMultiOccurs', { inputComplexType: v })).return;
      eq(got, { varInt: 7, varFloat: 2.5, varMultiOccurs: { string: ['a', null, '', 'ü'] } }, 'return');
    },
    'round4.long-array': async (c) => {
      const a = Array.from({ length: 10000 }, (_, i) => i * 7919 - 5000000);
      const got = (await echo(c, 'echoIntegerMultiOccurs', { inputIntegerMultiOccurs: { int: a } })).return;
      eq(got && got.length, a.length, 'count');
      eq(got, a, 'return');
    },
    'round4.string-array': async (c) => {
      const a = ['x', '', '<&>'];
      eq((await echo(c, 'echoStringMultiOccurs', { inputStringMultiOccurs: { string: a } })).return, a, 'return');
    },
    'round4.choice': async (c) => {
      eq((await echo(c, 'echoChoice', { inputChoice: { name1: 'picked' } })).return, { name1: 'picked' }, 'return');
    },
    'round4.void': async (c) => {
      const { raw } = await call(c.port, 'echoVoid', {});
      // node-soap gives null for an empty response element and for none at all: read the body.
      const body = new DOMParser().parseFromString(raw, 'text/xml').getElementsByTagNameNS(c.env, 'Body')[0];
      eq(body && elements(body).map((n) => n.localName), ['echoVoidResponse'], 'body');
    },
  },
  faults: {
    'faults.string': async (c) => {
      const s = 'boom <&> ü';
      await expectFault(c, call(c.port, 'echoStringFault', s), {
        code: 'Server', text: "Fault in response to 'echoStringFault'.", detail: { element: 'StringPart', value: s },
      });
    },
    'faults.int-array': async (c) => {
      const a = [1, -2, 2147483647];
      // node-soap parses a fault detail without its schema: the ints come back as strings.
      await expectFault(c, call(c.port, 'echoIntArrayFault', { value: a }), {
        code: 'Server', text: "Fault in response to 'echoIntArrayFault'.",
        detail: { element: 'ArrayOfIntPart', value: { value: a.map(String) }, items: a },
      });
    },
    'faults.empty': async (c) => {
      await expectFault(c, call(c.port, 'echoEmptyFault', {}), {
        code: 'Server', text: "Fault in response to 'echoEmptyFault'.", detail: { element: 'EmptyPart', value: null },
      });
    },
  },
};

async function echo(c, op, args) {
  const { result } = await call(c.port, op, args);
  return result || {}; // an empty response element is null
}

async function sameInstant(c, sent) {
  const got = (await echo(c, 'echoDate', { inputDate: sent })).return;
  if (typeof got !== 'string' || !/(Z|[+-]\d\d:\d\d)$/.test(got)) throw new Error(`return: expected a zone, got ${show(got)}`);
  eq(new Date(got).toISOString(), new Date(sent).toISOString(), 'return instant');
}

// "-012.50" and "-12.5" are the same xs:decimal; compare digit strings without padding zeros.
function canonicalDecimal(s) {
  const m = /^([+-]?)0*(\d*?)(?:\.(\d*?)0*)?$/.exec(String(s).trim());
  if (!m) return s;
  const int = m[2] || '0';
  const frac = m[3] || '';
  const sign = m[1] === '-' && (int !== '0' || frac) ? '-' : '';
  return sign + int + (frac ? `.${frac}` : '');
}

const BINDINGS = {
  ams: ['AccountManagementServiceSoap', 'AccountManagementServiceSoap12'],
  round4: ['Round4XSDTestSoap', 'Round4XSDTestSoap12'],
  faults: ['SimpleDocLitBinding', 'SimpleDocLitBinding12'],
};

// node-soap exposes client[service][port][op]; find the port that uses the wanted binding (the
// port's binding object is the one in definitions.bindings, which keeps no name of its own).
function portFor(client, bindingName) {
  const binding = client.wsdl.definitions.bindings[bindingName];
  for (const [sName, service] of Object.entries(client.wsdl.definitions.services)) {
    for (const [pName, port] of Object.entries(service.ports)) {
      if (binding && port.binding === binding) return client[sName][pName];
    }
  }
  throw new Error(`no port for binding ${bindingName}`);
}

function report(args, wsdl, id, ok, detail) {
  const line = String(detail).replace(/\s+/g, ' ').trim() || '-';
  console.log(['RESULT', PEER, DIRECTION, wsdl, args.soap, id, ok ? 'PASS' : 'FAIL', line].join('\t'));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const [wsdl, cases] of Object.entries(CASES)) {
    let ctx;
    try {
      const client = await soap.createClientAsync(path.join(args['wsdl-dir'], `${wsdl}.wsdl`), {
        ...wsdlOptions,
        endpoint: `${args.base.replace(/\/$/, '')}/${wsdl}`,
        forceSoap12Headers: args.soap === '1.2',
      });
      const binding = BINDINGS[wsdl][args.soap === '1.2' ? 1 : 0];
      ctx = { client, port: portFor(client, binding), soap: args.soap, env: args.soap === '1.2' ? ENV12 : ENV11 };
    } catch (e) {
      for (const id of Object.keys(cases)) report(args, wsdl, id, false, `client setup: ${e.message}`);
      continue;
    }
    for (const [id, run] of Object.entries(cases)) {
      try {
        await run(ctx);
        report(args, wsdl, id, true, '-');
      } catch (e) {
        report(args, wsdl, id, false, e && e.message ? e.message : show(e));
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
