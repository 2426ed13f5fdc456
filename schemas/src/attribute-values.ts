/**
 * Checks the attribute answers a resident submitted (`attribute[code]=value`) against a service's
 * attribute definitions and converts them to typed values. Empty answers count as absent (Open311).
 * @see ../../../shared/OPEN311.md "Endpoints" (POST /requests)
 */
import type { AttributeDefinition } from './catalogue.js';
import { isoDateTime, isoDateTimeHint } from './datetime.js';
import type { FieldError } from './field-error.js';

/** A checked answer: numbers as numbers, multivaluelist as a list of keys, the rest as strings. */
export type AttributeAnswer = string | number | string[];

export type AttributeValidation = { values: Record<string, AttributeAnswer>; errors: FieldError[] };

type Submitted = Record<string, string | string[] | undefined>;
type Checked = { value: AttributeAnswer } | { error: string };

const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Validates submitted attribute answers; every problem becomes a `attribute[code]` field error. */
export function validateAttributeValues(
  attributes: readonly AttributeDefinition[],
  submitted: Submitted,
): AttributeValidation {
  const values: Record<string, AttributeAnswer> = {};
  const errors: FieldError[] = [];
  const ordered = [...attributes].sort((a, b) => a.order - b.order);
  for (const attribute of ordered) {
    if (!attribute.variable) continue;
    const answers = presentAnswers(submitted[attribute.code]);
    const result = answers.length === 0 ? missing(attribute) : checkAnswers(attribute, answers);
    if (result === undefined) continue;
    if ('error' in result) errors.push({ field: `attribute[${attribute.code}]`, message: result.error });
    else values[attribute.code] = result.value;
  }
  errors.push(...unknownCodes(attributes, submitted));
  return { values, errors };
}

function presentAnswers(raw: string | string[] | undefined): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((answer) => answer.trim()).filter((answer) => answer !== '');
}

function missing(attribute: AttributeDefinition): Checked | undefined {
  if (!attribute.required) return undefined;
  const verb = attribute.datatype === 'multivaluelist' ? 'Choose at least one answer to' : 'Answer';
  return { error: `${verb} "${attribute.description}"; it is required.` };
}

function checkAnswers(attribute: AttributeDefinition, answers: string[]): Checked {
  const question = `"${attribute.description}"`;
  if (attribute.datatype === 'multivaluelist') return checkChoices(attribute, answers);
  if (answers.length > 1) {
    return attribute.datatype === 'singlevaluelist'
      ? { error: `${question} takes one choice; send only one of: ${choiceKeys(attribute).join(', ')}.` }
      : { error: `${question} takes a single answer; send it once.` };
  }
  const answer = answers[0] ?? '';
  switch (attribute.datatype) {
    case 'number': {
      if (numberPattern.test(answer)) return { value: Number(answer) };
      const hint = attribute.datatype_description ? ` (${attribute.datatype_description})` : ', e.g. 12';
      return { error: `Answer ${question} with a number${hint}; "${answer}" is not a number.` };
    }
    case 'datetime':
      return isoDateTime.safeParse(answer).success
        ? { value: answer }
        : { error: `${question}: "${answer}" is not a date and time with a zone; ${isoDateTimeHint}.` };
    case 'singlevaluelist':
      return checkChoices(attribute, answers, answer);
    default:
      return { value: answer };
  }
}

function checkChoices(attribute: AttributeDefinition, answers: string[], single?: string): Checked {
  const keys = choiceKeys(attribute);
  const wrong = answers.filter((answer) => !keys.includes(answer));
  if (wrong.length === 0) return { value: single ?? [...new Set(answers)] };
  const quoted = wrong.map((answer) => `"${answer}"`).join(', ');
  const verb = wrong.length === 1 ? 'is not a choice' : 'are not choices';
  return { error: `${quoted} ${verb} for "${attribute.description}"; pick from: ${keys.join(', ')}.` };
}

function choiceKeys(attribute: AttributeDefinition): string[] {
  return (attribute.values ?? []).map((choice) => choice.key);
}

function unknownCodes(attributes: readonly AttributeDefinition[], submitted: Submitted): FieldError[] {
  const asked = attributes.filter((attribute) => attribute.variable).map((attribute) => attribute.code);
  const shown = new Set(attributes.filter((attribute) => !attribute.variable).map((a) => a.code));
  return Object.keys(submitted)
    .filter((code) => !asked.includes(code) && presentAnswers(submitted[code]).length > 0)
    .map((code) => ({
      field: `attribute[${code}]`,
      message: shown.has(code)
        ? `attribute[${code}] is information for residents, not a question; remove it.`
        : asked.length === 0
          ? `attribute[${code}] is not a question of this service, which asks none; remove it.`
          : `attribute[${code}] is not a question of this service; remove it or use one of: ${asked.join(', ')}.`,
    }));
}
