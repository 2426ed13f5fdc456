/**
 * A department pack: one YAML file that carries a department — its roles, its services with their
 * attribute definitions, and its workflows — from one CivicDesk to another (or into the demo city).
 * Services may leave out `department`: a pack's services belong to the pack's department.
 * Workflows are embedded YAML (`yaml: |`, what an export writes) or, for packs kept on disk, a
 * `file:` path relative to the pack file.
 */
import { z } from 'zod';
import { serviceConfig } from './catalogue.js';
import { department } from './organisation.js';

/** The `format:` line every department pack starts with; a later incompatible format gets a new one. */
export const departmentPackFormat = 'civicdesk/department-pack@1';

export const packWorkflow = z.union(
  [
    z.object({ yaml: z.string().min(1, 'The embedded workflow YAML is empty') }).strict(),
    z
      .object({
        file: z.string().min(1, 'Write the workflow file path, e.g. ../workflows/pothole-repair.yaml'),
      })
      .strict(),
  ],
  {
    error:
      'Each workflow is either { yaml: | ... } with the workflow YAML, or { file: path/to/workflow.yaml }',
  },
);
export type PackWorkflow = z.infer<typeof packWorkflow>;

const packShape = z
  .object({
    format: z.literal(departmentPackFormat, {
      error: `Start the pack with format: ${departmentPackFormat}`,
    }),
    department,
    services: z.array(serviceConfig).default([]),
    workflows: z.array(packWorkflow).default([]),
  })
  .superRefine((pack, ctx) => {
    const codes = new Set<string>();
    pack.services.forEach((service, index) => {
      if (service.department !== pack.department.code)
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'department'],
          message: `This pack is department '${pack.department.code}'; remove department: ${service.department} or move the service to its own pack`,
        });
      if (codes.has(service.service_code))
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'service_code'],
          message: `Service '${service.service_code}' is listed twice; keep one`,
        });
      codes.add(service.service_code);
    });
  });

/** Gives services without a `department` the pack's own, before the contract checks them. */
function withServiceDepartments(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const pack = raw as { department?: { code?: unknown }; services?: unknown };
  const code = pack.department?.code;
  if (typeof code !== 'string' || !Array.isArray(pack.services)) return raw;
  return {
    ...pack,
    services: pack.services.map((s: unknown) =>
      s && typeof s === 'object' && !('department' in s) ? { ...s, department: code } : s,
    ),
  };
}

export const departmentPack = z.preprocess(withServiceDepartments, packShape);
export type DepartmentPack = z.infer<typeof departmentPack>;
