/** The `variables.*` facts a workflow's rules already test, so the rule builder offers them too. */
import type { Condition, WorkflowDefinition } from '@civicdesk/schemas';

export function variablesUsed(definition: WorkflowDefinition): string[] {
  const found = new Set<string>();
  const walk = (condition: Condition): void => {
    if ('all' in condition) condition.all.forEach(walk);
    else if ('any' in condition) condition.any.forEach(walk);
    else if ('not' in condition) walk(condition.not);
    else if (condition.fact.startsWith('variables.')) found.add(condition.fact);
  };
  for (const node of Object.values(definition.nodes))
    if (node.type === 'decision') node.rules.forEach((rule) => walk(rule.when));
  return [...found].sort();
}
