/** A Water department pack with three services and three workflows, built as an admin would write it. */

/** One small workflow: a task for `role` of Water, closing the request when fixed. */
export function waterWorkflow(slug: string, service: string, role: string, title = 'Fix it'): string {
  return [
    `# ${slug}: one task for the ${role}`,
    `workflow: ${slug}`,
    `title: ${slug.replace(/-/g, ' ')}`,
    `services: [${service}]`,
    'start: fix',
    'nodes:',
    '  fix:',
    '    type: task',
    `    title: ${title}`,
    `    assign: { department: water, role: ${role} }`,
    '    sla: P2D',
    '    outcomes: { fixed: close-fixed }',
    '  close-fixed:',
    '    type: end',
    '    resolution: fixed',
    '    status: fixed',
    '',
  ].join('\n');
}

/** Indents a workflow so it sits in a `yaml: |` block of the pack. */
const embed = (yaml: string) =>
  `  - yaml: |\n${yaml
    .split('\n')
    .map((l) => (l ? `      ${l}` : ''))
    .join('\n')}`;

export interface WaterPackOptions {
  /** Role of the third workflow's task; `plumber` is valid, anything else is not a Water role. */
  thirdRole?: string;
  /** Title of the first workflow's task, to make a content change. */
  firstTitle?: string;
  /** Appended to every workflow's task title and service name: a pack where everything changed. */
  suffix?: string;
}

/** The pack's YAML text. */
export function waterPackYaml({
  thirdRole = 'plumber',
  firstTitle = 'Stop the leak',
  suffix = '',
}: WaterPackOptions = {}): string {
  const service = (code: string, name: string, extra = '') =>
    `  - service_code: ${code}\n    service_name: ${name}${suffix}\n    group: Water\n    keywords: [water]\n    expected_sla: P2D\n${extra}`;
  return [
    '# The Water department, as another city shared it.',
    'format: civicdesk/department-pack@1',
    'department:',
    '  code: water',
    '  name: Water and Sewer',
    '  email: water@springfield.gov',
    '  roles:',
    '    - { code: plumber, name: Plumber }',
    '    - { code: inspector, name: Water inspector }',
    'services:',
    service(
      'water-leak',
      'Water leak',
      [
        '    attributes:',
        '      - { code: size, datatype: singlevaluelist, required: true, order: 1, description: How big is the leak?,',
        '          values: [{ key: drip, name: Dripping }, { key: gush, name: Gushing }] }',
        '      - { code: litres, datatype: number, order: 2, description: About how many litres a minute? }',
        '',
      ].join('\n'),
    ),
    service('hydrant', 'Damaged hydrant'),
    service('sewer-smell', 'Sewer smell'),
    'workflows:',
    embed(waterWorkflow('water-leak-repair', 'water-leak', 'plumber', `${firstTitle}${suffix}`)),
    embed(waterWorkflow('hydrant-repair', 'hydrant', 'inspector', `Fix it${suffix}`)),
    embed(waterWorkflow('sewer-check', 'sewer-smell', thirdRole, `Fix it${suffix}`)),
    '',
  ].join('\n');
}
