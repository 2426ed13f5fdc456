// Applies pending SQL migrations to the database named by DATABASE_URL.
//   DATABASE_URL=postgresql://… pnpm exec tsx api/src/db/migrate-cli.ts
import { migrate } from './migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set: export the PostgreSQL connection string to migrate, e.g. postgresql://user:password@host:5432/civicdesk',
  );
  process.exit(2);
}

try {
  const { applied } = await migrate(url);
  console.log(
    applied.length === 0
      ? 'Database is up to date.'
      : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
