/** What the read benchmark uses from the API package, including what its entry point does not export yet. */
export {
  appRouter,
  createAppContext,
  createCallerFactory,
  createHttpApp,
  createPrismaClient,
  createTrpcContext,
  loadConfig,
  migrate,
  type AppContext,
} from '@civicdesk/api';
export { defaultAdminUrl } from '../../api/src/db/testing.js';
export { hashPassword } from '../../api/src/auth/passwords.js';
export { Prisma, type PrismaClient } from '../../api/src/db/client.js';
