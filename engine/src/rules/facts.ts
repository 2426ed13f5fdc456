/** Facts for decision rules: one flat map keyed by dotted names such as `attributes.depth_cm`. */

export type Facts = Record<string, unknown>;

/** What intake knows about a request; any extra top-level fields become facts too. */
export interface RequestFactsInput {
  service_code: string;
  attributes?: Record<string, unknown>;
  description?: string | null;
  channel?: string | null;
  lat?: number | null;
  long?: number | null;
  [field: string]: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function flatten(prefix: string, value: unknown, out: Facts): void {
  if (value === undefined) return;
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(prefix ? `${prefix}.${key}` : key, inner, out);
  } else {
    out[prefix] = value instanceof Date ? value.toISOString() : value;
  }
}

/** Flattens a request (and the run's variables, under `variables.`) into the fact map rules read. */
export function buildFacts(request: RequestFactsInput, variables: Record<string, unknown> = {}): Facts {
  const facts: Facts = {};
  flatten('', request, facts);
  return withVariables(facts, variables);
}

/** Request facts plus the run's current variables as `variables.<name>` (variables replace older ones). */
export function withVariables(facts: Facts, variables: Record<string, unknown>): Facts {
  const out: Facts = {};
  for (const [key, value] of Object.entries(facts)) if (!key.startsWith('variables.')) out[key] = value;
  flatten('variables', variables, out);
  return out;
}
