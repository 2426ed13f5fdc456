/**
 * What the API's adapters (tRPC, Open311 REST, the outbox relay) share: the database, the workflow
 * gateway and the configuration. Built once at start by `createAppContext`.
 */
import type { Config } from './config.js';
import type { PrismaClient } from './db/generated/client.js';
import type { WorkflowGateway } from './workflow-gateway.js';
import type { MediaSettings } from './media/media-settings.js';
import type { Geocoder } from './geo/geocoders/geocoder.js';

export interface AppContext {
  db: PrismaClient;
  workflows: WorkflowGateway;
  config: Config;
  /** A hosted geocoder for typed addresses; absent: the city's own address points. */
  geocoder?: Geocoder;
  /** Where photos are stored, and how large they may be. */
  media: MediaSettings;
  /** Injected so tests and replays can pin time; production uses the wall clock. */
  now: () => Date;
}

/** A signed-in staff member and the departments they may act in. */
export interface StaffIdentity {
  id: string;
  jurisdictionId: string;
  name: string;
  isAdmin: boolean;
  /** Department ids this person works in (admins act in every department). */
  departmentIds: string[];
}
