/** `admin.apiKeys.*`: Open311 keys for integrators; a new key is answered once. */
import {
  createAdminApiKey,
  createApiKeyInput,
  listApiKeys,
  revokeAdminApiKey,
  revokeApiKeyInput,
} from '../../admin/api-keys.js';
import { readFields, typedInput } from '../../admin/input-fields.js';
import { adminProcedure, router } from '../trpc.js';

export const apiKeysRouter = router({
  list: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.staff.jurisdictionId)),
  create: adminProcedure
    .input(typedInput(createApiKeyInput))
    .mutation(({ ctx, input }) => createAdminApiKey(ctx.db, ctx.staff, readFields(createApiKeyInput, input))),
  revoke: adminProcedure
    .input(typedInput(revokeApiKeyInput))
    .mutation(({ ctx, input }) =>
      revokeAdminApiKey(ctx.db, ctx.staff, readFields(revokeApiKeyInput, input).id, ctx.now()),
    ),
});
