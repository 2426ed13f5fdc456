/** One thing wrong with a pack: where (a path such as `workflows[2].nodes.inspect.assign`) and the fix. */
export interface PackProblem {
  path: string;
  message: string;
}

/** A zod issue path as a pack path: `['services', 0, 'attributes', 1, 'code']` → `services[0].attributes[1].code`. */
export function packPath(parts: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(pack)';
}

/** A refused pack: every problem, each with its path, in one error. */
export class PackRefusedError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(`The pack has problems:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'PackRefusedError';
  }
}
