/**
 * Checks department packs against the instance they are about to enter: every workflow parses and
 * validates against the departments and roles it will find (those already here plus the packs'),
 * the services it names exist, and no pack takes a service or workflow another department owns.
 * Answers every problem with its path; an empty list means the import can go ahead.
 */
import { parseWorkflowYaml, validateWorkflow, type WorkflowDefinition } from '@civicdesk/schemas';
import type { Prisma } from '../db/generated/client.js';
import type { PackProblem } from './pack-problem.js';
import type { DepartmentPackFiles } from './read-department-pack.js';

type Db = Pick<Prisma.TransactionClient, 'department' | 'service'>;

export interface ValidatedPack {
  files: DepartmentPackFiles;
  /** The parsed workflows, in pack order (only when there were no problems). */
  workflows: { path: string; yaml: string; definition: WorkflowDefinition }[];
}

/** Where a problem sits: the pack's own path, prefixed by its file when several packs go in together. */
const at = (files: DepartmentPackFiles, many: boolean, path: string) =>
  many ? `${files.source} ${path}` : path;

/** Validates packs that will be imported together; answers the parsed workflows or the problems. */
export async function validateDepartmentPacks(
  db: Db,
  jurisdictionId: string,
  packs: readonly DepartmentPackFiles[],
): Promise<{ problems: PackProblem[]; validated: ValidatedPack[] }> {
  const many = packs.length > 1;
  const problems: PackProblem[] = [];
  const existing = await db.department.findMany({ where: { jurisdictionId }, include: { roles: true } });
  const roles = new Map(existing.map((d) => [d.code, new Set(d.roles.map((r) => r.code))]));
  const packOf = new Map<string, DepartmentPackFiles>();
  for (const files of packs) {
    const code = files.pack.department.code;
    if (packOf.has(code))
      problems.push({
        path: at(files, many, 'department.code'),
        message: `Department '${code}' comes in two packs; import one`,
      });
    packOf.set(code, files);
    const known = roles.get(code) ?? new Set<string>();
    for (const role of files.pack.department.roles) known.add(role.code);
    roles.set(code, known);
  }
  const departments = [...roles].map(([code, set]) => ({ code, roles: [...set] }));

  const codes = packs.flatMap((f) => f.pack.services.map((s) => s.service_code));
  const stored = await db.service.findMany({
    where: { jurisdictionId },
    select: { code: true, department: { select: { code: true } } },
  });
  const ownerHere = new Map(stored.map((s) => [s.code, s.department.code]));
  const serviceOwner = new Map<string, string>();
  for (const files of packs) {
    files.pack.services.forEach((service, index) => {
      const owner = ownerHere.get(service.service_code);
      const mine = files.pack.department.code;
      if (
        owner &&
        owner !== mine &&
        !packs.some(
          (p) =>
            p.pack.department.code === owner &&
            p.pack.services.some((s) => s.service_code === service.service_code),
        )
      )
        problems.push({
          path: at(files, many, `services[${index}].service_code`),
          message: `Service '${service.service_code}' belongs to department '${owner}' here; give it another code, or move it in the admin pages first`,
        });
      if (serviceOwner.has(service.service_code) && serviceOwner.get(service.service_code) !== mine)
        problems.push({
          path: at(files, many, `services[${index}].service_code`),
          message: `Service '${service.service_code}' is also in the '${serviceOwner.get(service.service_code)}' pack; keep it in one`,
        });
      serviceOwner.set(service.service_code, mine);
    });
  }
  const knownServices = new Set([...ownerHere.keys(), ...codes]);

  const validated: ValidatedPack[] = [];
  const slugs = new Map<string, string>();
  for (const files of packs) {
    const workflows: ValidatedPack['workflows'] = [];
    for (const workflow of files.workflows) {
      const where = (path: string) => at(files, many, path ? `${workflow.path}.${path}` : workflow.path);
      const parsed = parseWorkflowYaml(workflow.yaml);
      if (!parsed.definition || parsed.errors.length > 0) {
        for (const e of parsed.errors)
          problems.push({ path: where(e.path), message: `${e.line ? `line ${e.line}: ` : ''}${e.message}` });
        continue;
      }
      const definition = parsed.definition;
      const other = slugs.get(definition.workflow);
      if (other)
        problems.push({
          path: where('workflow'),
          message: `Workflow '${definition.workflow}' is already in ${other}; give each workflow its own name`,
        });
      slugs.set(definition.workflow, at(files, many, workflow.path));
      for (const p of validateWorkflow(definition, { departments }))
        problems.push({
          path: where([p.node ? `nodes.${p.node}` : '', p.field ?? ''].filter(Boolean).join('.')),
          message: p.message,
        });
      definition.services.forEach((code, index) => {
        if (!knownServices.has(code))
          problems.push({
            path: where(`services[${index}]`),
            message: `Service '${code}' is neither in the pack nor in this city's catalogue; add it under services:`,
          });
      });
      workflows.push({ path: workflow.path, yaml: workflow.yaml, definition });
    }
    validated.push({ files, workflows });
  }
  return { problems, validated };
}
