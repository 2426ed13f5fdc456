/**
 * The words of the email channel's answers: a receipt with the tracking number and link, the list
 * of what to fix (per field, in plain words, with the line to add), and status updates.
 */
import { isListDatatype, type FieldError } from '@civicdesk/schemas';
import type { Receipt, StatusUpdate } from '../channel.port.js';
import type { CatalogueService } from '../service-catalogue.js';

export interface EmailText {
  subject: string;
  text: string;
}

const reply = (subject: string | undefined, fallback: string) =>
  subject ? (/^re:/i.test(subject) ? subject : `Re: ${subject}`) : fallback;

/** The receipt: the tracking number first, then the link and what happens next. */
export function receiptText(receipt: Receipt): EmailText {
  const lines = [
    `Thank you. We received your report (${receipt.serviceName}).`,
    '',
    `Your tracking number is ${receipt.requestId}.`,
    `Follow it here: ${receipt.trackingUrl}`,
  ];
  if (receipt.serviceNotice) lines.push('', receipt.serviceNotice);
  if (receipt.expectedAt)
    lines.push('', `We expect to deal with it by ${receipt.expectedAt.toISOString().slice(0, 10)}.`);
  lines.push('', 'Reply to this email only if you have something to add; a new problem needs a new email.');
  return { subject: `Request ${receipt.requestId} received: ${receipt.serviceName}`, text: lines.join('\n') };
}

/** What to fix, one paragraph per field, and how the email should look. */
export function problemsText(
  problems: readonly FieldError[],
  catalogue: readonly CatalogueService[],
  subject?: string,
): EmailText {
  const paragraphs = dedupe(problems).map((problem) => `- ${explain(problem, catalogue)}`);
  const text = [
    'Thank you for writing. We could not record your report yet; please fix the following and send it again:',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    'An email we can read looks like this:',
    '',
    '  Subject: Pothole on Main Street',
    '',
    '  Address: 742 Evergreen Terrace',
    '  (or Location: 39.7817, -89.6501)',
    '  depth_cm: 12',
    '  The hole is in the right lane, in front of the school.',
    '',
    'Nothing from this email was stored.',
  ].join('\n');
  return { subject: reply(subject, 'Your report needs a few more details'), text };
}

/** A status change with the tracking link. */
export function statusUpdateText(update: StatusUpdate): EmailText {
  return {
    subject: `Request ${update.requestId}: ${update.summary}`,
    text: [
      `Your request ${update.requestId} is now ${update.status.replace(/_/g, ' ')}.`,
      '',
      update.summary,
      '',
      `Follow it here: ${update.trackingUrl}`,
    ].join('\n'),
  };
}

/** A location problem is reported once, even when lat and long both complain. */
function dedupe(problems: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function explain(problem: FieldError, catalogue: readonly CatalogueService[]): string {
  const { field, message } = problem;
  if (field === 'service_code') {
    const list = catalogue.map((s) => `${s.name} (${s.code})`).join(', ');
    return `Service: we could not tell which service your report is about. Put it in the subject, e.g. "Pothole on Main Street", or add a line "Service: pothole". Services: ${list}.`;
  }
  if (field === 'location')
    return 'Location: tell us where the problem is. Add a line "Address: 742 Evergreen Terrace", or "Location: 39.7817, -89.6501" (latitude, longitude).';
  if (field === 'lat' || field === 'long')
    return `Location: ${sentence(message)} Write it as "Location: 39.7817, -89.6501".`;
  if (field === 'media') return `Photo: ${sentence(message.replace(/^media: /, ''))}`;
  if (field === 'description') return `Your message: ${sentence(message)}`;
  if (field === 'email') return `Your email address: ${sentence(message)}`;
  const attributeCode = /^attribute\[(.+)\]$/.exec(field)?.[1];
  if (attributeCode) {
    const attribute = catalogue.flatMap((s) => s.attributes).find((a) => a.code === attributeCode);
    const choices =
      attribute && isListDatatype(attribute.datatype) && attribute.values
        ? ` One of: ${attribute.values.map((v) => v.name).join(', ')}.`
        : '';
    return `${sentence(message)} Add a line "${attributeCode}: …".${choices}`;
  }
  return `${field}: ${sentence(message)}`;
}
