/** `{{name}}` templates over request facts and run variables. Pure, so the core can render them. */

/** The value a dotted name reads: `variables.<name>` from the run, anything else from the request facts. */
export function lookup(
  name: string,
  facts: Record<string, unknown>,
  variables: Record<string, unknown>,
): unknown {
  if (name.startsWith('variables.')) {
    const rest = name.slice('variables.'.length);
    if (Object.hasOwn(variables, rest)) return variables[rest];
  }
  return Object.hasOwn(facts, name) ? facts[name] : undefined;
}

/** Fills each `{{ name }}` with the fact or variable it names; unknown names become empty text. */
export function renderTemplate(
  text: string,
  facts: Record<string, unknown>,
  variables: Record<string, unknown>,
): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_match, name: string) => {
    const value = lookup(name, facts, variables);
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** Renders every value of a map of templates. */
export function renderAll(
  templates: Record<string, string>,
  facts: Record<string, unknown>,
  variables: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templates).map(([key, text]) => [key, renderTemplate(text, facts, variables)]),
  );
}
