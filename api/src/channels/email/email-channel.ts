/**
 * The email-in channel: an SMTP listener that takes reports sent to the city's report address (or
 * `<service_code>@…`), runs them through intake and answers by email through the city's relay.
 * A message is acknowledged (250) only once it is handled, so a database outage makes the sending
 * server retry (451) instead of losing the report.
 * @see ../../../../docs/channels.md
 */
import { simpleParser } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { PrismaClient } from '../../db/generated/client.js';
import type { MediaSettings } from '../../media/media-settings.js';
import { acceptSubmission, defaultTrackingUrl, type SubmissionOutcome } from '../accept-submission.js';
import type { ChannelReplies, InputChannel } from '../channel.port.js';
import { loadServiceCatalogue } from '../service-catalogue.js';
import { problemsText, receiptText, statusUpdateText } from './email-replies-text.js';
import { emailToSubmission, toInboundEmail, type InboundEmail } from './inbound-email.js';

export interface EmailChannelOptions {
  db: PrismaClient;
  jurisdictionId: string;
  /** 0 picks a free port. */
  listenPort: number;
  listenHost?: string;
  /** The city's outgoing relay, e.g. `smtp://user:pass@mail.city.gov:587` (nodemailer URL). */
  relayUrl: string;
  /** Base of the links in replies, e.g. `https://311.springfield.gov`. */
  publicUrl: string;
  /** The address replies come from, e.g. `311@springfield.gov`. */
  fromAddress: string;
  /** Recipient domains accepted (e.g. `['311.springfield.gov']`); any other is refused. Default: any. */
  acceptDomains?: string[];
  /** Photo storage; without it, attachments are ignored. */
  media?: MediaSettings;
  /** Largest message accepted, in bytes (default 25 MB, the usual mail limit). */
  maxMessageBytes?: number;
  /** STARTTLS certificate; without it the listener speaks plain SMTP (put it behind the city's MX). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  trackingUrl?: (requestId: string, token: string) => string;
  now?: () => Date;
  /** Called after each handled message (tests, metrics). */
  onHandled?: (email: InboundEmail, outcome: SubmissionOutcome | null) => void;
}

export interface RunningEmailChannel {
  port: number;
  /** Sends status updates and the other answers by email; for the notification side. */
  replies: ChannelReplies<string>;
  close(): Promise<void>;
}

/** Starts the SMTP listener; resolves once it is accepting connections. */
export async function startEmailChannel(options: EmailChannelOptions): Promise<RunningEmailChannel> {
  const now = options.now ?? (() => new Date());
  const transport = nodemailer.createTransport(options.relayUrl);
  const replies = emailReplies(transport, options.fromAddress);
  const channel: InputChannel<InboundEmail, string> = {
    channel: 'email',
    toSubmission: emailToSubmission,
    replies,
  };
  const app = {
    db: options.db,
    now,
    publicUrl: options.publicUrl,
    trackingUrl: options.trackingUrl ?? defaultTrackingUrl(options.publicUrl),
    ...(options.media ? { media: options.media } : {}),
  };
  const accepted = options.acceptDomains?.map((d) => d.toLowerCase());

  const handle = async (email: InboundEmail) => {
    const catalogue = await loadServiceCatalogue(options.db, options.jurisdictionId);
    const submission = channel.toSubmission(email, catalogue);
    const outcome = submission
      ? await acceptSubmission(app, options.jurisdictionId, submission, catalogue, channel.replies, {
          subject: email.subject,
          ...(email.messageId ? { messageId: email.messageId } : {}),
        })
      : null;
    options.onHandled?.(email, outcome);
  };

  const server = new SMTPServer({
    name: 'civicdesk-email-in',
    banner: 'CivicDesk 311 email intake',
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    size: options.maxMessageBytes ?? 25_000_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase() ?? '';
      if (accepted && !accepted.includes(domain))
        return callback(
          Object.assign(new Error(`No mailbox ${address.address} here`), { responseCode: 550 }),
        );
      callback();
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream)
        .then((mail) => handle(toInboundEmail(mail, recipients)))
        .then(
          () => callback(),
          (error: unknown) => {
            console.error('email-in: could not handle a message:', error);
            callback(
              Object.assign(new Error('Temporary problem; please retry later'), { responseCode: 451 }),
            );
          },
        );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort, options.listenHost ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => console.error('email-in:', error));

  return {
    port: (server.server.address() as AddressInfo).port,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.close(() => resolve());
      }),
  };
}

/** Answers by email through a nodemailer transport, threaded under the resident's message. */
export function emailReplies(transport: Transporter, fromAddress: string): ChannelReplies<string> {
  const send = async (to: string, content: { subject: string; text: string }, inReplyTo?: string) => {
    await transport.sendMail({
      from: fromAddress,
      to,
      subject: content.subject,
      text: content.text,
      // RFC 3834: marks our answers as automatic so the resident's auto-responder does not answer back.
      headers: { 'Auto-Submitted': 'auto-replied' },
      ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
    });
  };
  return {
    sendReceipt: (to, receipt, context) => send(to, receiptText(receipt), context?.messageId),
    sendProblems: (to, problems, catalogue, context) =>
      send(to, problemsText(problems, catalogue, context?.subject), context?.messageId),
    sendStatusUpdate: (to, update) => send(to, statusUpdateText(update)),
  };
}
