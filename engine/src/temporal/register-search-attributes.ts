/** Registers the CivicDesk search attributes on a namespace (start scripts, tests); existing ones are kept. */
import type { Connection } from '@temporalio/client';
import { civicDeskSearchAttributes } from './search-attributes.js';

// temporal.api.enums.v1.IndexedValueType numbers.
const indexedValueType = { KEYWORD: 2, INT: 3 } as const;

/** Adds whichever CivicDesk search attributes the namespace lacks; returns the names it added. */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace = 'default',
): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys({ ...existing.customAttributes, ...existing.systemAttributes }));
  const missing = civicDeskSearchAttributes.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  const searchAttributes = Object.fromEntries(missing.map((key) => [key.name, indexedValueType[key.type]]));
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  return missing.map((key) => key.name);
}
