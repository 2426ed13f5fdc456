/** `admin.packs.*`: export a department as a YAML pack; validate or import an uploaded one. */
import { z } from 'zod';
import { readFields, typedInput } from '../../admin/input-fields.js';
import { departmentPackYaml, exportDepartmentPack } from '../../packs/export-department-pack.js';
import { importDepartmentPackText } from '../../packs/import-pack-text.js';
import { adminProcedure, router } from '../trpc.js';

const exportInput = z.object({
  department: z.string().min(1, 'Choose the department to export, e.g. streets'),
});
const importInput = z.object({
  yaml: z.string().min(1, 'Choose a department pack file (.yaml) to upload'),
  /** The uploaded file's name, for messages and the audit log. */
  fileName: z.string().max(200).optional(),
});

export const packsRouter = router({
  export: adminProcedure.input(typedInput(exportInput)).query(async ({ ctx, input }) => {
    const { department } = readFields(exportInput, input);
    const pack = await exportDepartmentPack(ctx.db, ctx.staff.jurisdictionId, department);
    return { fileName: `${department}.yaml`, yaml: departmentPackYaml(pack) };
  }),
  /** Checks a pack against this city; writes nothing. */
  validate: adminProcedure.input(typedInput(importInput)).mutation(({ ctx, input }) => {
    const { yaml, fileName } = readFields(importInput, input);
    return importDepartmentPackText(ctx.db, ctx.staff.jurisdictionId, yaml, {
      by: ctx.staff.id,
      dryRun: true,
      ...(fileName ? { source: fileName } : {}),
    });
  }),
  /** Validates, then imports in one transaction; a pack with problems changes nothing. */
  import: adminProcedure.input(typedInput(importInput)).mutation(({ ctx, input }) => {
    const { yaml, fileName } = readFields(importInput, input);
    return importDepartmentPackText(ctx.db, ctx.staff.jurisdictionId, yaml, {
      by: ctx.staff.id,
      dryRun: false,
      ...(fileName ? { source: fileName } : {}),
    });
  }),
});
