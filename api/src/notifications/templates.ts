/**
 * The words of notification mail: one renderer per template (status_changed, request_closed,
 * request_answered) and a generic one for a workflow's `notify` templates, which carry `data.message`.
 * Pure: facts in, subject + plain text + HTML out.
 */

/** What a message may say about the request; all public except the tracking link's token. */
export interface NotificationFacts {
  requestId: string;
  serviceName: string;
  address: string | null;
  /** The requester's link carries their tracking token; a follower's is the public page. */
  trackingUrl: string;
  unsubscribeUrl: string;
  /** The requester filed it; a follower chose to follow it. */
  recipient: 'requester' | 'follower';
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Body {
  subject: string;
  paragraphs: string[];
}

/** "action_scheduled" → "action scheduled". */
const words = (code: string) => code.replaceAll('_', ' ');

const about = (f: NotificationFacts) =>
  `${f.recipient === 'requester' ? 'Your' : 'The'} request ${f.requestId} (${f.serviceName}${f.address ? `, ${f.address}` : ''})`;

const bodies: Record<string, (data: Record<string, unknown>, f: NotificationFacts) => Body> = {
  status_changed: (data, f) => ({
    subject: `Request ${f.requestId} (${f.serviceName}): ${words(text(data.status) ?? 'updated')}`,
    paragraphs: [`${about(f)} is now: ${words(text(data.status) ?? 'updated')}.`, ...optional(data.note)],
  }),
  request_closed: (data, f) => ({
    subject: `Request ${f.requestId} (${f.serviceName}) is closed`,
    paragraphs: [
      `${about(f)} is closed${text(data.resolution) ? ` (${words(text(data.resolution)!)})` : ''}.`,
      ...optional(data.message),
    ],
  }),
  request_answered: (data, f) => ({
    subject: `Request ${f.requestId} (${f.serviceName}): answered`,
    paragraphs: [`${about(f)} has an answer:`, ...optional(data.answer)],
  }),
};

/** A workflow's own `notify` template: its `subject` and `message` when given, else a plain notice. */
const generic = (data: Record<string, unknown>, f: NotificationFacts): Body => ({
  subject: text(data.subject) ?? `Request ${f.requestId} (${f.serviceName}): an update`,
  paragraphs: [`There is news about ${lowerFirst(about(f))}.`, ...optional(data.message)],
});

/** Renders one notification for one recipient. */
export function renderNotification(
  template: string,
  data: Record<string, unknown>,
  facts: NotificationFacts,
): RenderedMail {
  const body = (bodies[template] ?? generic)(data, facts);
  const follow = `Follow it here: ${facts.trackingUrl}`;
  const why =
    facts.recipient === 'requester'
      ? 'You receive this because you reported this problem.'
      : 'You receive this because you chose to follow this request.';
  const stop = `To stop these emails about this request: ${facts.unsubscribeUrl}`;
  const text = [...body.paragraphs, follow, `-- \n${why}\n${stop}`].join('\n\n');
  const html = [
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(facts.trackingUrl)}">Follow request ${escapeHtml(facts.requestId)}</a></p>`,
    `<p style="color:#555;font-size:small">${escapeHtml(why)} <a href="${escapeHtml(facts.unsubscribeUrl)}">Stop these emails</a></p>`,
  ].join('\n');
  return { subject: body.subject, text, html };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

function optional(value: unknown): string[] {
  const t = text(value);
  return t ? [t] : [];
}
