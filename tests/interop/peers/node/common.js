'use strict';
// What the node-soap client and server glue share: the options that keep node-soap from losing
// information when it reads XML (see QUIRKS.md).

const ENV11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const ENV12 = 'http://www.w3.org/2003/05/soap-envelope';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

// WSDL options for soap.createClient / soap.createServerless.
const wsdlOptions = {
  // Without it an xsi:nil element is dropped, as if it were absent.
  handleNilAsNull: true,
  // Without it leading/trailing whitespace of every text node is trimmed.
  preserveWhitespace: true,
  // The built-in conversions are lossy: long goes through parseInt (2^63 is not a double),
  // decimal through Number, dateTime through Date (the zone, or its absence, is lost).
  customDeserializer: {
    long: (text) => BigInt(text),
    decimal: (text) => text,
    dateTime: (text) => text,
  },
};

// Our own escaping for the raw XML we hand to node-soap ($xml values).
function xmlText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

module.exports = { ENV11, ENV12, XSI, wsdlOptions, xmlText };
