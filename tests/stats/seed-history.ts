/**
 * A few weeks of made-up request history for the dashboard pages: requests of every service spread
 * over the last 40 days, most closed some hours or days later, some with tasks that staff completed
 * (late or on time) and some tasks still waiting past their due date. Deterministic (seeded), so
 * screenshots and counts repeat.
 */
import type { AppContext } from '@civicdesk/api';

const HOUR = 3_600_000;
const channels = ['web', 'mobile', 'phone', 'open311', 'email'] as const;
const districts = ['ward-1', 'ward-2', 'ward-3', null] as const;

/** A small seeded generator (mulberry32), so every run seeds the same history. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Writes `count` requests (and tasks for a third of them) dated before `now`; answers how many. */
export async function seedHistory(app: AppContext, now: Date, count = 240): Promise<number> {
  const db = app.db;
  const rand = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const services = await db.service.findMany({
    select: { id: true, departmentId: true, jurisdictionId: true },
  });
  const sam = await db.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } });
  for (let i = 0; i < count; i++) {
    const service = pick(services);
    const requestedAt = new Date(now.getTime() - rand() * 40 * 24 * HOUR - HOUR);
    const hoursToClose = rand() < 0.5 ? rand() * 30 : 24 + rand() * 24 * 12;
    const closes = rand() < 0.72 && requestedAt.getTime() + hoursToClose * HOUR < now.getTime();
    const closedAt = closes ? new Date(requestedAt.getTime() + hoursToClose * HOUR) : null;
    const request = await db.serviceRequest.create({
      data: {
        jurisdictionId: service.jurisdictionId,
        serviceId: service.id,
        departmentId: service.departmentId,
        channel: pick(channels),
        district: pick(districts),
        description: `history ${i}`,
        requestedAt,
        status: closedAt ? 'closed' : 'open',
        closedAt,
        expectedAt: new Date(requestedAt.getTime() + 5 * 24 * HOUR),
      },
    });
    if (i % 3 !== 0) continue;
    const dueAt = new Date(requestedAt.getTime() + 3 * 24 * HOUR);
    await db.task.create({
      data: {
        requestId: request.id,
        workflowId: `history-${request.id}`,
        nodeId: 'work',
        visit: 1,
        title: 'Look into it',
        kind: 'work',
        departmentId: service.departmentId,
        outcomes: ['done'],
        dueAt,
        createdAt: requestedAt,
        ...(closedAt
          ? {
              status: 'completed',
              outcome: 'done',
              assigneeId: sam.id,
              claimedAt: new Date(requestedAt.getTime() + HOUR),
              completedAt: closedAt,
              completedBy: `staff:${sam.id}`,
            }
          : { status: 'open' }),
      },
    });
  }
  return count;
}
