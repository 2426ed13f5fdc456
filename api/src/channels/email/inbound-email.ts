/**
 * An inbound email as the channel needs it, and the submission it carries: the service (recipient,
 * `Service:` line or subject words), location, attribute answers and description (body), the sender
 * as contact, photos from the attachments.
 */
import type { ParsedMail } from 'mailparser';
import type { ChannelSubmission } from '../channel.port.js';
import type { CatalogueService } from '../service-catalogue.js';
import { matchService } from './match-service.js';
import { readEmailBody } from './read-email-body.js';

export interface InboundEmail {
  /** SMTP envelope recipients (RCPT TO), which name the service when sent to `<code>@…`. */
  recipients: string[];
  from: { address: string; name: string } | null;
  subject: string;
  text: string;
  messageId: string | undefined;
  /** True for auto-replies, bounces and list mail, which must never be answered (mail loops). */
  automated: boolean;
  attachments: { filename: string | undefined; contentType: string; content: Uint8Array }[];
}

/** Reads what the channel needs from mailparser's result. */
export function toInboundEmail(mail: ParsedMail, recipients: string[]): InboundEmail {
  const sender = mail.from?.value[0];
  const autoSubmitted = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return {
    recipients,
    from: sender?.address ? { address: sender.address, name: sender.name ?? '' } : null,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    messageId: mail.messageId,
    automated:
      autoSubmitted !== 'no' ||
      ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) ||
      !sender?.address,
    attachments: mail.attachments
      .filter((a) => a.contentDisposition === 'attachment' || a.contentType.startsWith('image/'))
      .map((a) => ({ filename: a.filename, contentType: a.contentType, content: new Uint8Array(a.content) })),
  };
}

/** The submission an email carries, or null when it must not be answered (automated mail). */
export function emailToSubmission(
  email: InboundEmail,
  catalogue: readonly CatalogueService[],
): ChannelSubmission<string> | null {
  if (email.automated || !email.from) return null;
  const firstPass = readEmailBody(email.text, []);
  const serviceCode = matchService(email.recipients, firstPass.service, email.subject, catalogue);
  const service = catalogue.find((s) => s.code === serviceCode);
  const body = readEmailBody(email.text, service?.attributes ?? []);
  const [firstName, ...rest] = email.from.name.trim().split(/\s+/);
  const input: Record<string, unknown> = {
    channel: 'email',
    service_code: serviceCode,
    lat: body.lat,
    long: body.long,
    address_string: body.address_string,
    description: body.description,
    attributes: body.attributes,
    email: email.from.address,
    phone: body.phone,
    first_name: firstName || undefined,
    last_name: rest.join(' ') || undefined,
  };
  const photos = email.attachments.map(
    (a, index) =>
      new File([new Uint8Array(a.content)], a.filename ?? `attachment-${index + 1}`, { type: a.contentType }),
  );
  return { replyTo: email.from.address, input, photos };
}
