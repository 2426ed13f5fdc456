/**
 * A stand-in for a city's SMTP relay: a real SMTP server on 127.0.0.1 that accepts every message and
 * keeps it, parsed, before answering 250 — so tests can assert what residents would receive.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  /** Every message received, with its envelope recipients. */
  relayed: { to: string[]; mail: ParsedMail }[];
  close(): Promise<void>;
}

/** Starts the sink on a free port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const relayed: SmtpSink['relayed'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        relayed.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    relayed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
