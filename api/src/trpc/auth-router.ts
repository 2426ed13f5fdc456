/** `auth.login` / `auth.me`: staff sign-in with email and password; answers a signed session token. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords.js';
import { issueSessionToken } from '../auth/session-token.js';
import { publicProcedure, router, staffProcedure } from './trpc.js';
import { jurisdictionFor } from './jurisdiction.js';

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({
        email: z.email('Enter your work email address'),
        password: z.string().min(1, 'Enter your password'),
        jurisdiction_id: z.string().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const jurisdictionId = await jurisdictionFor(ctx.db, input.jurisdiction_id);
      const staff = await ctx.db.staffMember.findUnique({
        where: { jurisdictionId_email: { jurisdictionId, email: input.email.toLowerCase() } },
      });
      const ok =
        staff?.active && staff.passwordHash
          ? await verifyPassword(input.password, staff.passwordHash)
          : false;
      if (!staff || !ok)
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'That email and password do not match an active staff account.',
        });
      await ctx.db.auditLog.create({
        data: {
          actorType: 'staff',
          actorId: staff.id,
          action: 'staff.login',
          subjectType: 'staff',
          subjectId: staff.id,
        },
      });
      return {
        token: issueSessionToken(staff.id, ctx.config.SESSION_SECRET, ctx.now().getTime()),
        name: staff.name,
      };
    }),
  /** Who is signed in, with the departments (codes and names) whose queues they work. */
  me: staffProcedure.query(async ({ ctx }) => {
    const departments = await ctx.db.department.findMany({
      where: ctx.staff.isAdmin
        ? { jurisdictionId: ctx.staff.jurisdictionId }
        : { id: { in: ctx.staff.departmentIds } },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    });
    return { ...ctx.staff, departments };
  }),
});
