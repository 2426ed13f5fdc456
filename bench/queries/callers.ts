/** tRPC callers built the way the HTTP adapter builds them: a fresh context (session lookup included) per call. */
import { appRouter, createCallerFactory, createTrpcContext, type AppContext } from './api.js';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** An anonymous caller (resident or app). */
export async function anonymousCaller(app: AppContext): Promise<Caller> {
  return createCaller(await createTrpcContext(app, new Headers()));
}

/** Signs in once; answers a function that builds a caller carrying the session, as each HTTP call would. */
export async function signedIn(
  app: AppContext,
  email: string,
  password: string,
): Promise<() => Promise<Caller>> {
  const { token } = await (await anonymousCaller(app)).auth.login({ email, password });
  return async () =>
    createCaller(await createTrpcContext(app, new Headers({ authorization: `Bearer ${token}` })));
}
