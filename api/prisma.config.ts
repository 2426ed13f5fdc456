// Prisma 7 reads the datasource URL from here, not from schema.prisma.
// Only `prisma generate` is used (see scripts/prisma-generate.mjs); migrations are plain SQL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://civicdesk:civicdesk@127.0.0.1:5432/civicdesk',
  },
});
