/**
 * Test stand-in for a hosted geocoder: a real HTTP server on 127.0.0.1 (random port) that answers
 * recorded provider responses from ./fixtures, or fails on purpose (HTTP status, slow answer).
 * It remembers every request so tests can check what the adapter sent (path, query, key).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedAnswer =
  { fixture: string } | { status: number; body?: string } | { delayMs: number; fixture: string };

export interface RecordedGeocoderServer {
  baseUrl: string;
  requests: URL[];
  /** What the next requests get, until changed. */
  answer(next: RecordedAnswer): void;
  close(): Promise<void>;
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Starts the stand-in; close() it in afterAll. */
export async function startRecordedGeocoderServer(): Promise<RecordedGeocoderServer> {
  let current: RecordedAnswer = { status: 404 };
  const requests: URL[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    const answer = current;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(body);
    };
    if ('delayMs' in answer) {
      const timer = setTimeout(() => send(200, fixture(answer.fixture)), answer.delayMs);
      timers.add(timer);
      res.on('close', () => clearTimeout(timer));
    } else if ('fixture' in answer) send(200, fixture(answer.fixture));
    else send(answer.status, answer.body ?? '<html><body>Server Error</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => {
      current = next;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
