/** Calls the tRPC API the way the portal does, as a signed-in staff member, through createCaller. */
import { appRouter, createCallerFactory, createTrpcContext, type AppContext } from '@civicdesk/api';

const createCaller = createCallerFactory(appRouter);

/** An anonymous caller (resident or public). */
export async function publicCaller(app: AppContext) {
  return createCaller(await createTrpcContext(app, new Headers()));
}

/** Signs in with email and password and answers a caller carrying the session token. */
export async function staffCaller(app: AppContext, email: string, password = 'springfield-demo') {
  const anonymous = await publicCaller(app);
  const { token } = await anonymous.auth.login({ email, password });
  return createCaller(await createTrpcContext(app, new Headers({ authorization: `Bearer ${token}` })));
}
