/** @civicdesk/api: the HTTP server and its adapters, exported for the process entry points and cross-part tests. */
export type { AppContext, StaffIdentity } from './app-context.js';
export { createAppContext } from './app-context-factory.js';
export { loadConfig, type Config } from './config.js';
export { createPrismaClient } from './db/client.js';
export { migrate } from './db/migrate.js';
export { createTestDatabase, type TestDatabase } from './db/testing.js';
export { createHttpApp } from './server.js';
export { startOutboxRelay, relayOutboxOnce } from './outbox/relay.js';
export { temporalWorkflowGateway, type WorkflowGateway } from './workflow-gateway.js';
export { prismaRequestStore } from './workflow-store/prisma-request-store.js';
export { readCityPack } from './packs/city-pack.js';
export { importCityPack } from './packs/import-city-pack.js';
export {
  publishWorkflow,
  saveDraft,
  PublishRefusedError,
  definitionHash,
} from './workflows/publish-workflow.js';
export { appRouter, type AppRouter } from './trpc/router.js';
export { createCallerFactory } from './trpc/trpc.js';
export { createTrpcContext } from './trpc/context.js';
export * from './duplicates/index.js';
export { createMediaSettings, type MediaSettings } from './media/index.js';
export * from './geo/index.js';
export * from './notifications/index.js';
export * from './ops/index.js';
export { submitRequest, type IntakeResult } from './intake/submit-request.js';
export { startStaffSession, revokeAllStaffSessions } from './auth/sessions.js';
