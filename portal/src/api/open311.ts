/** The Open311 catalogue the report form is generated from (GET services.json and services/{code}.json). */

/** One service of `services.json`. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  group: string;
  keywords: string;
  type: string;
}

/** One attribute of a service definition; `values` only for the two list datatypes. */
export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`/open311/v2/${path}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The active services of the city. */
export function fetchServices(): Promise<Open311Service[]> {
  return getJson<Open311Service[]>('services.json');
}

/** The attribute questions of one service. */
export function fetchServiceDefinition(code: string): Promise<Open311ServiceDefinition> {
  return getJson<Open311ServiceDefinition>(`services/${encodeURIComponent(code)}.json`);
}
