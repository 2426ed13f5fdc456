import { createServer, type Server } from 'node:net';
import { NativeConnection, Runtime } from '@civicdesk/engine/temporal/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from './logger.js';
import { installWorkerRuntime } from './worker-runtime.js';

const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';

describe('WORKER_METRICS_ADDRESS', () => {
  it('is off when unset or empty', () => {
    expect(loadConfig({}).WORKER_METRICS_ADDRESS).toBeUndefined();
    expect(loadConfig({ WORKER_METRICS_ADDRESS: '' }).WORKER_METRICS_ADDRESS).toBeUndefined();
  });

  it('takes an IPv4 or bracketed IPv6 address with a port', () => {
    for (const address of ['127.0.0.1:9464', '0.0.0.0:9464', '[::1]:9464', '[::]:65535']) {
      expect(loadConfig({ WORKER_METRICS_ADDRESS: address }).WORKER_METRICS_ADDRESS).toBe(address);
    }
  });

  it('refuses host names, missing or out-of-range ports, naming the variable and the fix', () => {
    for (const address of [
      'localhost:9464',
      '127.0.0.1',
      '9464',
      '127.0.0.1:0',
      '127.0.0.1:70000',
      '::1:9464',
    ]) {
      expect(() => loadConfig({ WORKER_METRICS_ADDRESS: address }), address).toThrow(
        /WORKER_METRICS_ADDRESS: expected ip:port .* e\.g\. 127\.0\.0\.1:9464 .* leave it empty to turn worker metrics off/,
      );
    }
  });
});

describe('WORKER_MAX_CACHED_WORKFLOWS', () => {
  it("is the SDK's default when unset, else a whole number of runs of at least 2", () => {
    expect(loadConfig({}).WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '5000' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(5000);
    for (const value of ['many', '2.5', '1', '-3']) {
      expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: value }), value).toThrow(
        /WORKER_MAX_CACHED_WORKFLOWS: (give a whole number of runs, e\.g\. 5000|at least 2)/,
      );
    }
  });
});

describe('installWorkerRuntime', () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ service: 'worker' }, (_level, line) =>
    lines.push(JSON.parse(line) as Record<string, unknown>),
  );
  const servers: Server[] = [];
  let connection: NativeConnection | undefined;
  afterAll(async () => {
    await connection?.close();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  /** A port bound by this test (busy) or bound and released (free). */
  async function port(keep: boolean): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    if (keep) servers.push(server);
    else await new Promise((resolve) => server.close(resolve));
    return port;
  }

  // One test: the Runtime is a process-wide singleton, installed once (a failed install leaves none).
  it('stops on a port in use, then serves Temporal metrics and writes SDK logs as JSON', async () => {
    const busy = await port(true);
    expect(() => installWorkerRuntime(log, `127.0.0.1:${busy}`)).toThrow(/Address already in use/);

    const address = `127.0.0.1:${await port(false)}`;
    const url = installWorkerRuntime(log, address);
    expect(url).toBe(`http://${address}/metrics`);
    connection = await NativeConnection.connect({ address: temporalAddress });
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^temporal_request\{operation="GetSystemInfo",[^}]*\} [1-9]/m);

    Runtime.instance().logger.warn('Activity failed', { sdkComponent: 'worker', attempt: 2 });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'Activity failed', service: 'worker', attempt: 2 }),
    );
  });
});
