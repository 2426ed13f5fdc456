/**
 * A steady load for the drills: residents keep arriving at a fixed rate before, during and after a
 * fault (open loop: an arrival never waits for the previous one, as real residents do not). Every
 * arrival ends as accepted (with its request id), rejected (an HTTP error with a message) or without
 * an answer (a network error or timeout: a silent loss, which a drill must never see).
 */

export type Arrival =
  | { kind: 'accepted'; id: string; description: string }
  | { kind: 'rejected'; status: number; message: string; description: string }
  | { kind: 'no_answer'; error: string; description: string };

export interface LoadTally {
  sent: number;
  accepted: Extract<Arrival, { kind: 'accepted' }>[];
  rejected: Extract<Arrival, { kind: 'rejected' }>[];
  noAnswer: Extract<Arrival, { kind: 'no_answer' }>[];
}

export interface SteadyLoad {
  /** How many arrivals have been sent so far. */
  sent(): number;
  /** Stops new arrivals, waits for those in flight and counts them all. */
  stop(): Promise<LoadTally>;
}

/** Starts `arrive(n)` every 1/perSecond seconds (n = 0, 1, 2, …) until `stop()`. */
export function startSteadyLoad(perSecond: number, arrive: (n: number) => Promise<Arrival>): SteadyLoad {
  const inFlight: Promise<Arrival>[] = [];
  const fire = () => inFlight.push(arrive(inFlight.length));
  fire();
  const timer = setInterval(fire, 1000 / perSecond);
  return {
    sent: () => inFlight.length,
    async stop() {
      clearInterval(timer);
      const all = await Promise.all(inFlight);
      return {
        sent: all.length,
        accepted: all.filter((a) => a.kind === 'accepted'),
        rejected: all.filter((a) => a.kind === 'rejected'),
        noAnswer: all.filter((a) => a.kind === 'no_answer'),
      };
    },
  };
}

/** How long an arrival waits for an answer before it counts as unanswered. */
export const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Sends one HTTP request of an arrival and classifies the answer: a 2xx is read by `accept`
 * (answering the request id); any other status must carry a message; no answer is `no_answer`.
 */
export async function sendArrival(
  description: string,
  send: (signal: AbortSignal) => Promise<Response>,
  accept: (body: unknown) => string,
): Promise<Arrival> {
  let response: Response;
  try {
    response = await send(AbortSignal.timeout(ANSWER_TIMEOUT_MS));
  } catch (error) {
    return { kind: 'no_answer', error: String(error), description };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    try {
      return { kind: 'accepted', id: accept(JSON.parse(text)), description };
    } catch (error) {
      return {
        kind: 'no_answer',
        error: `${response.status} without a request id: ${String(error)}`,
        description,
      };
    }
  }
  return { kind: 'rejected', status: response.status, message: text, description };
}

/** One line of counts for the test output. */
export function describeTally(tally: LoadTally): Record<string, number> {
  return {
    load_sent: tally.sent,
    load_accepted: tally.accepted.length,
    load_rejected: tally.rejected.length,
    load_no_answer: tally.noAnswer.length,
  };
}
