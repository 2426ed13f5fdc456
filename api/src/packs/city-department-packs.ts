/**
 * Splits a city pack back into its department packs, so a city loads the same way an admin imports
 * one department: each department with its services, and each workflow with the department whose
 * service it handles first (the first department when it names none).
 */
import { departmentPackFormat, parseWorkflowYaml } from '@civicdesk/schemas';
import type { CityPackFiles } from './city-pack.js';
import type { DepartmentPackFiles } from './read-department-pack.js';

/** One department pack per department of the city, in the city's order. */
export function cityDepartmentPacks({ pack, workflows }: CityPackFiles): DepartmentPackFiles[] {
  const owner = new Map(pack.services.map((s) => [s.service_code, s.department]));
  const packs = pack.departments.map((department): DepartmentPackFiles => ({
    source: `departments/${department.code}`,
    pack: {
      format: departmentPackFormat,
      department,
      services: pack.services.filter((s) => s.department === department.code),
      workflows: [],
    },
    workflows: [],
  }));
  for (const w of workflows) {
    const first = parseWorkflowYaml(w.yaml).definition?.services.find((code) => owner.has(code));
    const home =
      packs.find((p) => p.pack.department.code === (first ? owner.get(first) : undefined)) ?? packs[0];
    if (!home) continue;
    home.pack.workflows.push({ file: w.file });
    home.workflows.push({ path: `workflows[${home.workflows.length}]`, file: w.file, yaml: w.yaml });
  }
  return packs;
}
