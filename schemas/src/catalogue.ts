/**
 * The service catalogue: Open311 services and their attribute definitions (the extra questions a
 * service asks), plus the fields CivicDesk keeps beside them (owning department, notice, SLA).
 * @see ../../../shared/OPEN311.md "Endpoints" (GET /services, GET /services/{service_code})
 */
import { z } from 'zod';
import { isoDuration } from './workflow/dsl.js';

const code = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'Use letters, digits, "_", "-" or "." (at most 64), e.g. pothole',
  );

export const serviceType = z.enum(['realtime', 'batch', 'blackbox']);

/** One entry of `GET /services`. `metadata` is true when the service has attribute definitions. */
export const service = z.object({
  service_code: code,
  service_name: z.string().min(1, 'Give the service a name residents recognise, e.g. Pothole'),
  description: z.string().default(''),
  metadata: z.boolean(),
  type: serviceType.default('realtime'),
  keywords: z.array(z.string().min(1)).default([]),
  group: z.string().default(''),
});
export type Service = z.infer<typeof service>;

export const attributeDatatype = z.enum([
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
]);
export type AttributeDatatype = z.infer<typeof attributeDatatype>;

const listDatatypes: readonly AttributeDatatype[] = ['singlevaluelist', 'multivaluelist'];

/** True for the datatypes whose answers are picked from `values`. */
export function isListDatatype(datatype: AttributeDatatype): boolean {
  return listDatatypes.includes(datatype);
}

/** One choice of a list attribute: `key` is sent, `name` is shown. */
export const attributeChoice = z.object({ key: z.string().min(1), name: z.string().min(1) });

/** A question a service asks. `variable: false` marks information shown to the resident, not asked. */
export const attributeDefinition = z
  .object({
    variable: z.boolean().default(true),
    code,
    datatype: attributeDatatype,
    required: z.boolean().default(false),
    datatype_description: z.string().optional(),
    order: z.number().int().positive('Order is a positive whole number: 1, 2, 3, …'),
    description: z.string().min(1, 'Write the question residents will see, e.g. How deep is it (cm)?'),
    values: z.array(attributeChoice).optional(),
  })
  .superRefine((attribute, ctx) => {
    const values = attribute.values ?? [];
    if (isListDatatype(attribute.datatype) && values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `Attribute '${attribute.code}' is a ${attribute.datatype}; list its choices under values, e.g. [{ key: small, name: Small }]`,
      });
    }
    if (!isListDatatype(attribute.datatype) && attribute.values !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `Attribute '${attribute.code}' is a ${attribute.datatype}; remove values, which only list datatypes use`,
      });
    }
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', index, 'key'],
          message: `Choice key '${value.key}' appears twice in attribute '${attribute.code}'; keys must be unique`,
        });
      }
      seen.add(value.key);
    });
  });
export type AttributeDefinition = z.infer<typeof attributeDefinition>;

/** Attribute codes and orders must be unique within a service; ordering and form names rely on it. */
function checkAttributeList(attributes: readonly AttributeDefinition[], ctx: z.RefinementCtx): void {
  const codes = new Set<string>();
  const orders = new Map<number, string>();
  attributes.forEach((attribute, index) => {
    if (codes.has(attribute.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', index, 'code'],
        message: `Attribute code '${attribute.code}' is used twice; give each attribute its own code`,
      });
    }
    codes.add(attribute.code);
    const other = orders.get(attribute.order);
    if (other !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', index, 'order'],
        message: `Order ${attribute.order} is used by both '${other}' and '${attribute.code}'; give each attribute its own order`,
      });
    } else {
      orders.set(attribute.order, attribute.code);
    }
  });
}

/** `GET /services/{service_code}`: the attribute definitions of one service. */
export const serviceDefinition = z
  .object({ service_code: code, attributes: z.array(attributeDefinition) })
  .superRefine((definition, ctx) => checkAttributeList(definition.attributes, ctx));
export type ServiceDefinition = z.infer<typeof serviceDefinition>;

/**
 * A service as CivicDesk stores it (examples/<jurisdiction>/services.yaml, admin pages): the Open311
 * fields, its attributes, and our own: the owning department, the notice shown after submitting, and
 * the expected time to resolve, from which `expected_datetime` is derived.
 */
export const serviceConfig = service
  .omit({ metadata: true })
  .extend({
    attributes: z.array(attributeDefinition).default([]),
    department: z.string().min(1, 'Name the department that owns the service, e.g. streets'),
    service_notice: z.string().optional(),
    expected_sla: isoDuration.optional(),
  })
  .superRefine((config, ctx) => checkAttributeList(config.attributes, ctx));
export type ServiceConfig = z.infer<typeof serviceConfig>;

/** The `GET /services` entry for a configured service; `metadata` follows from its attributes. */
export function toOpen311Service(config: ServiceConfig): Service {
  const { service_code, service_name, description, type, keywords, group, attributes } = config;
  return { service_code, service_name, description, metadata: attributes.length > 0, type, keywords, group };
}

/** The `GET /services/{service_code}` answer for a configured service, attributes in their order. */
export function toServiceDefinition(config: ServiceConfig): ServiceDefinition {
  const attributes = [...config.attributes].sort((a, b) => a.order - b.order);
  return { service_code: config.service_code, attributes };
}

export { validateAttributeValues } from './attribute-values.js';
export type { AttributeAnswer, AttributeValidation } from './attribute-values.js';
