/**
 * The facts a decision rule can test, typed so the rule builder offers the right operators and
 * values: attributes of the services bound to the workflow, where the request is, and run variables.
 * Fact names match what the engine builds (`attributes.depth_cm`, `address`, `variables.x`).
 */

export type FactType = 'number' | 'text' | 'choice' | 'choices' | 'boolean' | 'date';
export type FactChoice = { key: string; name: string };
export type Fact = {
  name: string;
  label: string;
  type: FactType;
  unit?: string;
  choices?: FactChoice[];
  group: string;
};

/** An Open311 attribute definition as the API answers it. */
export type ServiceAttribute = {
  code: string;
  datatype: string;
  description?: string;
  values?: FactChoice[];
};
export type ServiceInfo = { code: string; name: string; attributes: ServiceAttribute[] };

const units: Record<string, string> = { cm: 'cm', mm: 'mm', m: 'm', kg: 'kg', days: 'days', hours: 'hours' };

const requestFacts: Fact[] = [
  { name: 'address', label: 'address', type: 'text', group: 'Location' },
  { name: 'zipcode', label: 'ZIP code', type: 'text', group: 'Location' },
  { name: 'lat', label: 'latitude', type: 'number', group: 'Location' },
  { name: 'long', label: 'longitude', type: 'number', group: 'Location' },
  { name: 'channel', label: 'channel', type: 'choice', group: 'Request', choices: channelChoices() },
  { name: 'description', label: 'description', type: 'text', group: 'Request' },
];

function channelChoices(): FactChoice[] {
  return ['web', 'open311', 'phone', 'email'].map((key) => ({ key, name: key }));
}

/** The catalogue for a workflow bound to `serviceCodes`, plus any `variables.*` the rules already use. */
export function factCatalogue(
  services: readonly ServiceInfo[],
  serviceCodes: readonly string[],
  variables: readonly string[] = [],
): Fact[] {
  const bound = services.filter((service) => serviceCodes.includes(service.code));
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const service of bound) {
    for (const attribute of service.attributes) {
      const name = `attributes.${attribute.code}`;
      if (seen.has(name)) continue;
      seen.add(name);
      facts.push(attributeFact(name, attribute, service.name));
    }
  }
  if (bound.length > 1 || serviceCodes.length > 1) {
    const choices = bound.map((service) => ({ key: service.code, name: service.name }));
    facts.push({ name: 'service_code', label: 'service', type: 'choice', choices, group: 'Request' });
  }
  facts.push(...requestFacts);
  for (const variable of variables) {
    facts.push({
      name: variable,
      label: variable.slice('variables.'.length),
      type: 'text',
      group: 'Variables',
    });
  }
  return facts;
}

function attributeFact(name: string, attribute: ServiceAttribute, group: string): Fact {
  const unitMatch = /_(cm|mm|m|kg|days|hours)$/.exec(attribute.code);
  const stem = attribute.code.replace(/_(cm|mm|m|kg|days|hours)$/, '').replace(/_type$/, '');
  const label = stem.replace(/_/g, ' ');
  const type: FactType =
    attribute.datatype === 'number'
      ? 'number'
      : attribute.datatype === 'singlevaluelist'
        ? 'choice'
        : attribute.datatype === 'multivaluelist'
          ? 'choices'
          : attribute.datatype === 'datetime'
            ? 'date'
            : 'text';
  return {
    name,
    label,
    type,
    group,
    ...(unitMatch ? { unit: units[unitMatch[1]!] } : {}),
    ...(attribute.values ? { choices: attribute.values } : {}),
  };
}

/** The fact called `name`, or a plain text fact for names the catalogue does not know. */
export function findFact(catalogue: readonly Fact[], name: string): Fact {
  return catalogue.find((fact) => fact.name === name) ?? { name, label: name, type: 'text', group: 'Other' };
}
