/**
 * What a resident submits, whatever the channel (portal form, Open311 POST, email, SMS, chat, phone).
 * Adapters turn their input into this shape; numbers may still be strings (form bodies) and empty
 * fields count as absent, as Open311 requires.
 * @see ../../../shared/OPEN311.md "Endpoints" (POST /requests)
 */
import { z } from 'zod';
import { validateAttributeValues, type AttributeAnswer } from './attribute-values.js';
import type { AttributeDefinition } from './catalogue.js';
import { open311FieldName, type FieldError } from './field-error.js';
import { descriptionMaxLength, intakeMessages as say } from './intake-messages.js';

export const intakeChannel = z.enum(['web', 'open311', 'email', 'sms', 'chat', 'phone'], {
  error: say.channel,
});
export type IntakeChannel = z.infer<typeof intakeChannel>;

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
const numericString = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/;
const toNumber = (value: unknown) => {
  const present = blankToUndefined(value);
  return typeof present === 'string' && numericString.test(present) ? Number(present) : present;
};

function coordinate(field: 'lat' | 'long', limit: number, outside: (value: number) => string) {
  const degrees = z
    .number({ error: (issue) => say.notANumber(field, issue.input) })
    .min(-limit, { error: (issue) => outside(issue.input as number) })
    .max(limit, { error: (issue) => outside(issue.input as number) });
  return z.preprocess(toNumber, degrees.optional());
}

function optionalText(field: string, max: number) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, say.tooLong(field, max)).optional());
}

// What a public `description` must not carry: contact details (the description is published on
// Open311 and the portal, so an email address or phone number there would be exposed to everyone)
// and emergencies (this service is not watched around the clock; those need 911 now).
/** An email address anywhere in the text, e.g. `write to jo@example.org please`. */
const emailInText = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/i;

/**
 * A North American or international phone number: ten or more digits with the usual separators,
 * e.g. `217-555-0100`, `(217) 555 0100`, `+44 20 7946 0958`. Dates and house numbers have fewer digits.
 */
const phoneInText = /(?<![\w.])\+?\(?\d[\d\s().-]{8,18}\d(?![\w])/g;
const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * Words that mean someone may be in danger right now. `fire` alone counts, but not the everyday
 * 311 things named after it (a leaking fire hydrant, a blocked fire lane, fireworks noise).
 */
const emergencyPatterns: RegExp[] = [
  /\bfire\b(?!\s*(hydrant|hydrants|lane|lanes|station|department|dept|pit|escape|alarm battery|works?|wood|place|fly))/i,
  /\bon fire\b/i,
  /\bgas leak/i,
  /\bleaking gas\b/i,
  /\bsmell(s|ed|ing)? (of )?gas\b/i,
  /\bcarbon monoxide\b/i,
  /\bsomeone('s| is| was| got)? (hurt|injured|bleeding|unconscious)\b/i,
  /\b(is|are) (hurt|injured|bleeding|unconscious)\b/i,
  /\bnot breathing\b/i,
  /\b(live|downed|sparking) (power )?(wire|line)s?\b/i,
];

/** The email address found in a public text, if any. */
export function findEmailAddress(text: string): string | undefined {
  return emailInText.exec(text)?.[0];
}

/** The phone number found in a public text, if any. */
export function findPhoneNumber(text: string): string | undefined {
  return text
    .match(phoneInText)
    ?.find((candidate) => digitCount(candidate) >= 10)
    ?.trim();
}

/** The emergency words found in a text, if any, as the resident wrote them. */
export function findEmergencyWords(text: string): string | undefined {
  for (const pattern of emergencyPatterns) {
    const found = pattern.exec(text)?.[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

const markupTag = /<\/?[a-z!][^>]*>/i;

const description = z.string().superRefine((text, ctx) => {
  const length = Array.from(text).length;
  if (length > descriptionMaxLength)
    ctx.addIssue({ code: 'custom', message: say.descriptionTooLong(length) });
  const tag = markupTag.exec(text)?.[0];
  if (tag !== undefined) ctx.addIssue({ code: 'custom', message: say.descriptionMarkup(tag) });
  const emergency = findEmergencyWords(text);
  if (emergency !== undefined) ctx.addIssue({ code: 'custom', message: say.descriptionEmergency(emergency) });
  const address = findEmailAddress(text);
  if (address !== undefined) ctx.addIssue({ code: 'custom', message: say.descriptionEmail(address) });
  const phone = findPhoneNumber(text);
  if (phone !== undefined) ctx.addIssue({ code: 'custom', message: say.descriptionPhone(phone) });
});

const phonePattern = /^\+?[0-9 ().-]{3,30}((x|ext\.?) ?\d{1,6})?$/i;

/** The intake fields without the cross-field location rule, for forms that pick or omit fields. */
export const intakeFields = z.object(
  {
    service_code: z.string({ error: say.serviceCode }).trim().min(1, say.serviceCode),
    lat: coordinate('lat', 90, say.latRange),
    long: coordinate('long', 180, say.longRange),
    address_string: optionalText('address_string', 500),
    address_id: optionalText('address_id', 200),
    // Projected coordinates (ArcGIS, State Plane); the API's locator converts them with spatial_reference.
    x: z.preprocess(toNumber, z.number({ error: (issue) => say.notANumber('x', issue.input) }).optional()),
    y: z.preprocess(toNumber, z.number({ error: (issue) => say.notANumber('y', issue.input) }).optional()),
    spatial_reference: z.preprocess(
      blankToUndefined,
      z.union([z.string().trim().max(100), z.record(z.string(), z.unknown())]).optional(),
    ),
    attributes: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]), { error: say.attributes })
      .default({}),
    description: z.preprocess(blankToUndefined, description.optional()),
    email: z.preprocess(blankToUndefined, z.email({ error: (issue) => say.email(issue.input) }).optional()),
    first_name: optionalText('first_name', 200),
    last_name: optionalText('last_name', 200),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(phonePattern, { error: (issue) => say.phone(issue.input) })
        .optional(),
    ),
    device_id: optionalText('device_id', 200),
    account_id: optionalText('account_id', 200),
    media_url: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, error: (issue) => say.mediaUrl(issue.input) }).optional(),
    ),
    channel: intakeChannel,
  },
  { error: say.notFields },
);

type LocationFields = {
  x?: number | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
};

/** A request needs a place: lat and long together, projected x/y, an address string, or an address id. */
export function checkIntakeLocation(input: LocationFields, ctx: z.RefinementCtx): void {
  const hasLat = input.lat !== undefined;
  const hasLong = input.long !== undefined;
  if (hasLat && !hasLong) ctx.addIssue({ code: 'custom', path: ['long'], message: say.longMissing });
  else if (hasLong && !hasLat) ctx.addIssue({ code: 'custom', path: ['lat'], message: say.latMissing });
  else if (
    !hasLat &&
    input.x === undefined &&
    input.address_string === undefined &&
    input.address_id === undefined
  ) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: say.noLocation });
  }
}

/** Runs the location rule even when other fields fail, so one answer lists every problem. */
const whenObject = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

export const intakeInput = intakeFields.superRefine(checkIntakeLocation, whenObject);
export type IntakeInput = z.input<typeof intakeInput>;
export type Intake = z.output<typeof intakeInput>;

export type IntakeCheck =
  | { ok: true; intake: Intake; attributes: Record<string, AttributeAnswer> }
  | { ok: false; errors: FieldError[] };

/** Validates a submission (and its attribute answers, given the service's definitions) in one pass. */
export function parseIntake(input: unknown, attributes?: readonly AttributeDefinition[]): IntakeCheck {
  const parsed = intakeInput.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: open311FieldName(issue.path), message: issue.message }));
  const submitted = parsed.success ? parsed.data.attributes : submittedAttributes(input);
  const checked = attributes
    ? validateAttributeValues(attributes, submitted)
    : { values: submitted, errors: [] };
  errors.push(...checked.errors);
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, intake: parsed.data, attributes: checked.values };
}

/** Every problem with a submission as a per-field message in Open311 naming; empty when it is fine. */
export function intakeErrors(input: unknown, attributes?: readonly AttributeDefinition[]): FieldError[] {
  const result = parseIntake(input, attributes);
  return result.ok ? [] : result.errors;
}

/** The attribute answers of an input that failed elsewhere, so their errors are reported too. */
function submittedAttributes(input: unknown): Record<string, string | string[]> {
  const attributes = (input as { attributes?: unknown } | null)?.attributes;
  const parsed = intakeFields.shape.attributes.safeParse(attributes);
  return parsed.success ? parsed.data : {};
}
