/**
 * `auth.login` / `auth.logout` / `auth.me`: staff sign-in with email and password. A sign-in starts
 * a server-side session: browsers get the HttpOnly session cookie plus the CSRF token (answered and
 * set as a readable cookie); API clients use the answered `token` as `Authorization: Bearer`.
 * Failed sign-ins are rate limited per email + IP and per IP.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  clearLoginFailures,
  loginGate,
  loginLimits,
  recordLoginFailure,
  tooManyAttemptsMessage,
} from '../auth/login-rate-limit.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { secureCookies } from '../auth/request-client.js';
import { endSessionCookies, revokeStaffSession, startStaffSession } from '../auth/sessions.js';
import { publicProcedure, router, staffProcedure } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

// Checked when the email matches no account, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-matches'));

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({
        email: z.email('Enter your work email address'),
        password: z.string().min(1, 'Enter your password').max(1000, 'A password is at most 1000 characters'),
        jurisdiction_id: z.string().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const email = input.email.toLowerCase();
      const ip = ctx.client.ip ?? 'unknown';
      const now = ctx.now();
      const gate = await loginGate(ctx.db, loginLimits(ctx.config), email, ip, now);
      if (!gate.allowed)
        throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: tooManyAttemptsMessage(gate, now) });

      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      const staff = await ctx.db.staffMember.findUnique({
        where: { jurisdictionId_email: { jurisdictionId, email } },
      });
      const usable = staff?.active && staff.passwordHash ? staff.passwordHash : null;
      const ok = await verifyPassword(input.password, usable ?? (await decoy()));
      if (!staff || !usable || !ok) {
        await recordLoginFailure(ctx.db, email, ip, now);
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'That email and password do not match an active staff account.',
        });
      }
      await clearLoginFailures(ctx.db, email, ip);
      const secure = secureCookies(ctx.config, ctx.client);
      const session = await startStaffSession(ctx, staff.id, {
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
        secure,
        method: 'password',
      });
      session.setCookies.forEach(ctx.setCookie);
      await ctx.db.auditLog.create({
        data: {
          actorType: 'staff',
          actorId: staff.id,
          action: 'staff.login',
          subjectType: 'staff',
          subjectId: staff.id,
          data: { ip: ctx.client.ip, method: 'password' },
        },
      });
      return {
        /** For API clients (`Authorization: Bearer`); browsers rely on the HttpOnly cookie instead. */
        token: session.token,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
        name: staff.name,
      };
    }),

  /** Ends the caller's session everywhere it is used and clears the browser's cookies. */
  logout: staffProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await revokeStaffSession(ctx, ctx.session.token);
    endSessionCookies(secureCookies(ctx.config, ctx.client)).forEach(ctx.setCookie);
    await ctx.db.auditLog.create({
      data: {
        actorType: 'staff',
        actorId: ctx.staff.id,
        action: 'staff.logout',
        subjectType: 'staff',
        subjectId: ctx.staff.id,
      },
    });
    return { signedOut: true };
  }),

  /**
   * Who is signed in, the departments (codes and names) whose queues they work, the ones they head,
   * and the session's CSRF token (send it as `x-csrf-token` on changes made with the cookie).
   */
  me: staffProcedure.query(async ({ ctx }) => {
    const departments = await ctx.db.department.findMany({
      where: ctx.staff.isAdmin
        ? { jurisdictionId: ctx.staff.jurisdictionId }
        : { id: { in: ctx.staff.departmentIds } },
      select: { id: true, code: true, name: true },
      orderBy: { code: 'asc' },
    });
    return {
      ...ctx.staff,
      departments: departments.map((d) => ({ code: d.code, name: d.name })),
      headOf: departments
        .filter((d) => ctx.staff.isAdmin || ctx.staff.headOfDepartmentIds.includes(d.id))
        .map((d) => d.code),
      csrfToken: ctx.session?.csrfToken ?? null,
    };
  }),
});
