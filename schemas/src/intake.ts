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

const markupTag = /<\/?[a-z!][^>]*>/i;

const description = z.string().superRefine((text, ctx) => {
  const length = Array.from(text).length;
  if (length > descriptionMaxLength)
    ctx.addIssue({ code: 'custom', message: say.descriptionTooLong(length) });
  const tag = markupTag.exec(text)?.[0];
  if (tag !== undefined) ctx.addIssue({ code: 'custom', message: say.descriptionMarkup(tag) });
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
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
};

/** A request needs a place: lat and long together, or an address string, or an address id. */
export function checkIntakeLocation(input: LocationFields, ctx: z.RefinementCtx): void {
  const hasLat = input.lat !== undefined;
  const hasLong = input.long !== undefined;
  if (hasLat && !hasLong) ctx.addIssue({ code: 'custom', path: ['long'], message: say.longMissing });
  else if (hasLong && !hasLat) ctx.addIssue({ code: 'custom', path: ['lat'], message: say.latMissing });
  else if (!hasLat && input.address_string === undefined && input.address_id === undefined) {
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
