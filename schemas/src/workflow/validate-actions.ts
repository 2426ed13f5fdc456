/**
 * Checks the settings of automatic steps that zod cannot express alone: a variable gets exactly one
 * of value/template, transfers go to a department the jurisdiction has.
 */
import type { ActionNode } from './dsl.js';
import { nameList, nodeLabel, type Problem, type WorkflowContext } from './problem.js';

/** Problems of one action node; department checks only when the caller passes the departments. */
export function actionProblems(id: string, node: ActionNode, context: WorkflowContext): Problem[] {
  const label = nodeLabel(id, node);
  if (node.action === 'set_variable') {
    const hasValue = node.value !== undefined;
    const hasTemplate = node.template !== undefined;
    if (hasValue === hasTemplate) {
      return [
        {
          node: id,
          field: hasValue ? 'template' : 'value',
          code: 'variable_value',
          message: hasValue
            ? `${label} sets '${node.variable}' from both value and template. Keep one of them.`
            : `${label} sets '${node.variable}' but gives no value. Add value: (a fixed value) or template: (text built from facts).`,
        },
      ];
    }
  }
  if (node.action === 'transfer' && context.departments) {
    const codes = context.departments.map((department) => department.code);
    if (!codes.includes(node.department)) {
      return [
        {
          node: id,
          field: 'department',
          code: 'unknown_department',
          message: `${label} transfers the request to department '${node.department}', which does not exist. Use ${codes.length > 0 ? nameList(codes) : 'a department the admin has created'}.`,
        },
      ];
    }
  }
  return [];
}
