/**
 * Checks that tasks go to departments and roles the jurisdiction has. Only possible when the caller
 * passes the departments; a workflow file alone cannot know them.
 */
import type { Assignee, TaskNode } from './dsl.js';
import { nameList, nodeLabel, type Problem, type WorkflowContext } from './problem.js';

type Departments = NonNullable<WorkflowContext['departments']>;

/** Unknown department or role problems for a task's assignee and its escalation target. */
export function assigneeProblems(id: string, node: TaskNode, departments: Departments): Problem[] {
  const label = nodeLabel(id, node);
  const problems = check(`${label} is assigned to`, id, 'assign', node.assign, departments);
  (node.assign_rules ?? []).forEach((rule, index) => {
    problems.push(
      ...check(
        `${label} rule ${index + 1} assigns to`,
        id,
        `assign_rules[${index}].assign`,
        rule.assign,
        departments,
      ),
    );
  });
  (node.escalate ?? []).forEach((level, index) => {
    problems.push(
      ...check(`${label} escalates to`, id, `escalate[${index}].reassign_to`, level.reassign_to, departments),
    );
  });
  return problems;
}

function check(
  subject: string,
  id: string,
  field: string,
  assignee: Assignee | undefined,
  departments: Departments,
): Problem[] {
  if (!assignee) return [];
  const department = departments.find((candidate) => candidate.code === assignee.department);
  if (!department) {
    const codes = departments.map((candidate) => candidate.code);
    return [
      {
        node: id,
        field: `${field}.department`,
        code: 'unknown_department',
        message: `${subject} department '${assignee.department}', which does not exist. Use ${codes.length > 0 ? nameList(codes) : 'a department the admin has created'}.`,
      },
    ];
  }
  const roles = department.roles;
  if (assignee.role === undefined || roles === undefined || roles.includes(assignee.role)) return [];
  const choose =
    roles.length > 0
      ? `Use ${nameList(roles)}, or ask an admin to add the role.`
      : 'Leave the role out, or ask an admin to add it.';
  return [
    {
      node: id,
      field: `${field}.role`,
      code: 'unknown_role',
      message: `${subject} role '${assignee.role}', which department '${department.code}' does not have. ${choose}`,
    },
  ];
}
