/** Live validation of the draft against the jurisdiction's departments, grouped by the step each concerns. */
import { validateWorkflow, type Problem, type WorkflowDefinition } from '@civicdesk/schemas';
import { useMemo } from 'react';
import type { DepartmentInfo } from './use-reference-data.js';

export function useValidation(
  definition: WorkflowDefinition,
  departments: DepartmentInfo[],
): { problems: Problem[]; byNode: Map<string, string[]> } {
  return useMemo(() => {
    const context = departments.length
      ? { departments: departments.map((d) => ({ code: d.code, roles: d.roles.map((r) => r.code) })) }
      : {};
    const problems = validateWorkflow(definition, context);
    const byNode = new Map<string, string[]>();
    for (const problem of problems) {
      if (problem.node) byNode.set(problem.node, [...(byNode.get(problem.node) ?? []), problem.message]);
    }
    return { problems, byNode };
  }, [definition, departments]);
}
