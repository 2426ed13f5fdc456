/**
 * The crash drills' own PostgreSQL cluster and file-backed Temporal dev server, on ports of their own,
 * so that stopping them never disturbs the shared services other test files run on. Started and
 * stopped through scripts/services/*.sh, exactly as CI and operators start them.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const scripts = fileURLToPath(new URL('../../scripts/services/', import.meta.url));

export interface OwnServices {
  databaseUrl: string;
  temporalAddress: string;
  startPostgres(): Promise<void>;
  /** Stops the cluster; fails if it was not started by postgres.sh (it would be left running). */
  stopPostgres(): Promise<void>;
  startTemporal(): Promise<void>;
  stopTemporal(): Promise<void>;
}

/** The drills' services on `pgPort` and `temporalPort`; Temporal keeps its state in `temporalDbFile`. */
export function ownServices(options: {
  pgPort: number;
  temporalPort: number;
  temporalUiPort: number;
  temporalDbFile: string;
}): OwnServices {
  const pgEnv = { ...process.env, PGPORT: String(options.pgPort) };
  const temporalEnv = {
    ...process.env,
    TEMPORAL_PORT: String(options.temporalPort),
    TEMPORAL_UI_PORT: String(options.temporalUiPort),
    TEMPORAL_DB_FILE: options.temporalDbFile,
  };
  const script = (name: string, command: string, env: NodeJS.ProcessEnv) =>
    run('bash', [`${scripts}${name}`, command], { env, timeout: 120_000 });
  return {
    databaseUrl: `postgresql://civicdesk:civicdesk@127.0.0.1:${options.pgPort}/civicdesk`,
    temporalAddress: `127.0.0.1:${options.temporalPort}`,
    startPostgres: async () => void (await script('postgres.sh', 'start', pgEnv)),
    async stopPostgres() {
      await script('postgres.sh', 'stop', pgEnv);
      const stillUp = await script('postgres.sh', 'status', pgEnv).then(
        () => true,
        () => false,
      );
      if (stillUp) {
        throw new Error(
          `PostgreSQL on port ${options.pgPort} was not started by postgres.sh, so it was left running: ` +
            `stop it (pg_ctlcluster <version> <cluster> stop) or set CRASH_PGPORT to a free port.`,
        );
      }
    },
    startTemporal: async () => void (await script('temporal.sh', 'start', temporalEnv)),
    stopTemporal: async () => void (await script('temporal.sh', 'stop', temporalEnv)),
  };
}
