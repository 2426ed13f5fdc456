/** `tsx api/src/packs/import-cli.ts <folder>`: migrates the database, then imports a city pack. */
import { loadConfig } from '../config.js';
import { createPrismaClient } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { readCityPack } from './city-pack.js';
import { importCityPack } from './import-city-pack.js';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: import-cli.ts <city pack folder>, e.g. examples/springfield');
  process.exit(2);
}
const config = loadConfig();
const { applied } = await migrate(config.DATABASE_URL);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
const db = createPrismaClient(config.DATABASE_URL);
try {
  const summary = await importCityPack(db, readCityPack(folder));
  const wf = summary.workflows.map((w) => `${w.slug} v${w.version}`).join(', ');
  console.log(
    `Imported ${summary.jurisdictionId}: ${summary.departments} departments, ${summary.services} services, ${summary.staff} staff; workflows ${wf}`,
  );
} finally {
  await db.$disconnect();
}
