// An SME for the Tsms tests, on the npm smpp package (an SMPP implementation independent of jSMPP).
// Usage: node sme.js '<scenario JSON>'. Prints one JSON object a line: bind, each submit's response, each
// deliver_sm received, then "done". Every PDU it sends waits for its response before the next.
'use strict';
const smpp = require('smpp');

const s = JSON.parse(process.argv[2]);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const finish = (code) => {
  out({ event: 'done' });
  process.exit(code);
};
setTimeout(() => { out({ event: 'timeout' }); finish(3); }, s.timeoutMs || 15000);

const session = smpp.connect({ host: s.host, port: s.port, tls: !!s.tls, rejectUnauthorized: false });
session.on('error', (e) => { out({ event: 'error', message: String(e.message || e) }); finish(2); });
session.on('close', () => { out({ event: 'closed' }); if (!s.stayAfterClose) finish(0); });

let receipts = 0;
session.on('deliver_sm', (pdu) => {
  const sm = pdu.short_message && !Buffer.isBuffer(pdu.short_message) ? pdu.short_message.message : pdu.short_message;
  const text = Buffer.isBuffer(sm) ? sm.toString('latin1') : (sm || '');
  out({ event: 'deliver_sm', esmClass: pdu.esm_class, source: pdu.source_addr, destination: pdu.destination_addr, text,
    receiptedMessageId: pdu.receipted_message_id, messageState: pdu.message_state });
  session.send(pdu.response());
  receipts++;
  if (receipts >= (s.receipts || 0) && done) finish(0);
});

let done = false;
const bind = 'bind_' + (s.bind || 'transceiver');
session.on('connect', start);
session.on('secureConnect', start);
let started = false;
function start() {
  if (started) return;
  started = true;
  session[bind]({ system_id: s.systemId, password: s.password, interface_version: s.interfaceVersion || 0x34 }, (pdu) => {
    out({ event: 'bind', status: pdu.command_status });
    if (pdu.command_status !== 0) { done = true; return; }
    next(0);
  });
}

function next(i) {
  const list = s.submits || [];
  if (i >= list.length) {
    done = true;
    if (receipts >= (s.receipts || 0)) finish(0);
    return;
  }
  const m = list[i];
  const pdu = {
    source_addr_ton: 1, source_addr_npi: 1, source_addr: m.source,
    dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: m.destination,
    esm_class: m.esmClass || 0, data_coding: m.dcs === undefined ? 4 : m.dcs,
    registered_delivery: m.registeredDelivery || 0,
  };
  if (m.command !== 'data_sm') {
    pdu.protocol_id = m.pid || 0;
    pdu.priority_flag = 0;
    pdu.short_message = Buffer.from(m.hex || '', 'hex');
    if (m.validity) pdu.validity_period = m.validity;
  }
  if (m.payloadHex !== undefined) pdu.message_payload = Buffer.from(m.payloadHex, 'hex');
  if (m.destinationPort !== undefined) pdu.dest_port = m.destinationPort;
  session[m.command || 'submit_sm'](pdu, (resp) => {
    out({ event: m.command || 'submit_sm', status: resp.command_status, messageId: resp.message_id });
    next(i + 1);
  });
}
