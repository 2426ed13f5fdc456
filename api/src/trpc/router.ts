/** The tRPC API. Clients import `type AppRouter` only; no generated client code. */
import { adminRouter } from './admin/admin-router.js';
import { authRouter } from './auth-router.js';
import { duplicatesRouter } from './duplicates-router.js';
import { intakeRouter } from './intake-router.js';
import { queueRouter } from './queue-router.js';
import { residentRouter } from './resident-router.js';
import { staffRequestsRouter } from './staff-requests-router.js';
import { statsRouter } from './stats-router.js';
import { trackingRouter } from './tracking-router.js';
import { workflowsRouter } from './workflows-router.js';
import { router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  intake: intakeRouter,
  tracking: trackingRouter,
  resident: residentRouter,
  requests: staffRequestsRouter,
  queue: queueRouter,
  stats: statsRouter,
  duplicates: duplicatesRouter,
  workflows: workflowsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
